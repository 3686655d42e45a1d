//! Names and words as text: a name's surname and its particles, its words,
//! a name made one line, a word in lower case or in the possessive.

use std::borrow::Cow;

use crate::Span;

/// The owner a word in the possessive names: "Smith" of "Smith's" or
/// "Smith’s".
pub(super) fn owner(word: &str) -> Option<&str> {
    if !word.ends_with('s') {
        return None;
    }
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s"))
}

/// A name without its article: "International Red Cross" of "the
/// International Red Cross".
pub(super) fn without_article(name: &str) -> &str {
    name.strip_prefix("the ").or_else(|| name.strip_prefix("The ")).unwrap_or(name)
}

/// `word` in lower case, copied only when it holds a capital.
pub(super) fn lower(word: &str) -> Cow<'_, str> {
    // (In ASCII, a capital is a byte; most words are told by their bytes.)
    let capital = word.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) && word.chars().any(char::is_uppercase);
    if capital { Cow::Owned(word.to_lowercase()) } else { Cow::Borrowed(word) }
}

/// Byte-wise equality, inlined: these comparisons are of a few bytes and
/// run for most words, where a call to `memcmp` costs more than the compare.
pub(super) fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// The words of `text`, punctuation aside.
pub(super) fn words(text: &str) -> impl DoubleEndedIterator<Item = &str> + Clone {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

/// Whether the words of `text` hold those of `part` in a row, in any case,
/// without allocating.
pub(super) fn holds_words(text: &str, part: &str) -> bool {
    /// Whether the words `text` hold `part`'s in a row, `same` telling two
    /// words alike.
    fn holds<W: Copy>(
        mut text: impl Iterator<Item = W> + Clone,
        part: impl Iterator<Item = W> + Clone,
        same: impl Fn(W, W) -> bool,
    ) -> bool {
        loop {
            let mut here = text.clone();
            if part.clone().all(|p| here.next().is_some_and(|w| same(w, p))) {
                return true;
            }
            if text.next().is_none() {
                return false;
            }
        }
    }
    if text.is_ascii() && part.is_ascii() {
        // Byte by byte: in ASCII the alphanumerics are the letters and
        // digits, and lowering is ASCII's.
        fn words(s: &[u8]) -> impl Iterator<Item = &[u8]> + Clone {
            s.split(|b| !b.is_ascii_alphanumeric()).filter(|w| !w.is_empty())
        }
        let (text, part) = (text.as_bytes(), part.as_bytes());
        let Some(&first) = words(part).next().and_then(<[u8]>::first) else { return true };
        // Only where a word opens with the first letter of `part`'s, found
        // by memchr.
        let opens = |i: usize| i == 0 || !text[i - 1].is_ascii_alphanumeric();
        return memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), text).any(|i| {
            let mut here = words(&text[i..]);
            opens(i) && words(part).all(|p| here.next().is_some_and(|w| w.eq_ignore_ascii_case(p)))
        });
    }
    let same = |a: &str, b: &str| a.chars().flat_map(char::to_lowercase).eq(b.chars().flat_map(char::to_lowercase));
    holds(words(text), words(part), same)
}

/// The last word of a name.
pub(super) fn surname(name: &str) -> &str {
    // Byte by byte from the end while ASCII (the white space there is
    // `char::is_whitespace`'s); by characters past any other byte.
    let b = name.as_bytes();
    // (One comparison finds the last byte not printable ASCII.)
    let last = match b.iter().rposition(|&c| c.wrapping_sub(b'!') > b'~' - b'!') {
        Some(k) if matches!(b[k], b' ' | b'\t'..=b'\r') => &name[k + 1..],
        Some(_) => name.rsplit(char::is_whitespace).next().unwrap_or(name),
        None => name,
    };
    bare(last)
}

/// A surname without the particle joined to it: "al-Assad" is "Assad".
pub(super) fn bare(word: &str) -> &str {
    let b = word.as_bytes();
    (2..=3)
        .find(|&k| {
            b.len() > k + 1
                && b[k] == b'-'
                && b[k + 1].is_ascii_uppercase()
                && b[..k].iter().all(u8::is_ascii_lowercase)
        })
        .map_or(word, |k| &word[k + 1..])
}

/// Whether `name`'s words end with all of `part`'s ("Sergey Lavrov" ends
/// with "Lavrov"), line breaks counting as spaces.
pub(super) fn ends_with_words(name: &str, part: &str) -> bool {
    let mut a = name.split_whitespace().rev();
    // The last words may differ by a particle: "Rami al-Haddad" ends with "Haddad".
    part.split_whitespace()
        .rev()
        .enumerate()
        .all(|(k, w)| a.next().is_some_and(|x| x == w || k == 0 && bare(x) == bare(w)))
}

/// Whether `name` ends with `part` after a space ("Sergey Lavrov", "Lavrov"):
/// then its words end with `part`'s, told without splitting either.
pub(super) fn suffix_word(name: &str, part: &str) -> bool {
    name.len() > part.len() && name.ends_with(part) && name.as_bytes()[name.len() - part.len() - 1] == b' '
}

/// A name as one line: hard-wrapped copy may break it ("Ivan\nLund").
pub(super) fn one_line(name: &str) -> Cow<'_, str> {
    if !single_spaced(name.as_bytes())
        && (name.contains(|c: char| c.is_whitespace() && c != ' ') || name.contains("  "))
    {
        Cow::Owned(name.split_whitespace().collect::<Vec<_>>().join(" "))
    } else {
        Cow::Borrowed(name)
    }
}

/// Whether `b` is ASCII without control characters or two spaces in a row:
/// most names are, told eight bytes at a time. `false` tells nothing.
fn single_spaced(b: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    let chunks = b.chunks_exact(8);
    // The last few bytes padded with a letter.
    let mut last = [b'x'; 8];
    last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    // Whether the byte before the chunk is a space.
    let mut space_before = false;
    for x in chunks
        .map(|c| u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]))
        .chain([u64::from_le_bytes(last)])
    {
        // A byte past ASCII, or below 0x0E (white space but ' ' among them).
        if x & HIGH != 0 || x.wrapping_sub(ONES * 0x0E) & !x & HIGH != 0 {
            return false;
        }
        // The high bit of each byte that is a space.
        let y = x ^ (ONES * u64::from(b' '));
        let spaces = !((y & !HIGH).wrapping_add(!HIGH) | y) & HIGH;
        if spaces & spaces >> 8 != 0 || space_before && spaces & 0x80 != 0 {
            return false;
        }
        space_before = spaces >> 63 != 0;
    }
    true
}

/// The span of `part` in `src`, if a slice of it.
pub(super) fn span_in(src: &str, part: &str) -> Option<Span> {
    let start = (part.as_ptr() as usize).checked_sub(src.as_ptr() as usize)?;
    (start + part.len() <= src.len()).then(|| Span::new(start, start + part.len()))
}

/// The antecedent `at` of a speaker's `mention`, unless within it (a name
/// met first in the mention itself).
pub(super) fn outside(at: Option<Span>, mention: Option<Span>) -> Option<Span> {
    at.filter(|a| !mention.is_some_and(|m| m.start <= a.start && a.end <= m.end))
}

/// Where in `name` the words `acronym` abbreviates ((`abbreviates` in the memory)) begin,
/// the most words taken: "Reserve Bank of India" for "RBI" in "the
/// Reserve Bank of India".
pub(super) fn abbreviated_from(acronym: &str, name: &str) -> Option<usize> {
    let a = acronym.as_bytes();
    if !(3..=12).contains(&a.len()) || !a.iter().all(u8::is_ascii_uppercase) {
        return None;
    }
    // The capitalised words, eight at most, and where each begins.
    let mut words: [&[u8]; 8] = [&[]; 8];
    let mut starts = [0; 8];
    let mut count = 0;
    for w in name.split_whitespace().filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase())) {
        if count == words.len() {
            return None;
        }
        words[count] = w.as_bytes();
        starts[count] = w.as_ptr() as usize - name.as_ptr() as usize;
        count += 1;
    }
    let words = &words[..count];
    // fits[w][k]: whether a[k..] is made of prefixes of words[w..], each
    // giving one letter at least, to the last word.
    let mut fits = [[false; 13]; 9];
    fits[words.len()][a.len()] = true;
    for w in (0..words.len()).rev() {
        for k in 0..a.len() {
            let word = words[w];
            fits[w][k] = (1..=word.len().min(a.len() - k))
                .take_while(|&n| word[n - 1].eq_ignore_ascii_case(&a[k + n - 1]))
                .any(|n| fits[w + 1][k + n]);
        }
    }
    (0..words.len().saturating_sub(1)).find(|&w| fits[w][0]).map(|w| starts[w])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_spacing_is_told_eight_bytes_at_a_time() {
        let exact = |s: &str| !(s.contains(|c: char| c.is_whitespace() && c != ' ') || s.contains("  "));
        for s in [
            "",
            "Ivan Lund",
            "Ivan\nLund",
            "Ivan  Lund",
            "Foreign Minister Sergey Lavrov",
            "Foreign Minister Sergey  Lavrov",
            "Foreign\tMinister",
            "1234567 1234567 ",
            "1234567  234567",
            "12345678 2345678",
            "1234567\u{b}",
            "\u{1f}x",
            "José Martí",
        ] {
            // `false` for any text not single-spaced; `true` for plain ASCII that is.
            assert!(!single_spaced(s.as_bytes()) || exact(s), "{s:?}");
            if s.is_ascii() && !s.bytes().any(|b| b < b' ') {
                assert_eq!(single_spaced(s.as_bytes()), exact(s), "{s:?}");
            }
            let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(one_line(s), if exact(s) { s } else { joined.as_str() }, "{s:?}");
        }
    }

    #[test]
    fn surnames_and_their_endings_are_told_by_bytes_as_by_characters() {
        for name in ["Sergey Lavrov", "Lavrov", "Ivan\nLund", "Rami al-Haddad", "Jean\u{a0}Dupont", "Kim Jong Un ", ""]
        {
            let slow = bare(name.rsplit(char::is_whitespace).next().unwrap_or(name));
            assert_eq!(surname(name), slow, "{name:?}");
        }
        assert!(suffix_word("Sergey Lavrov", "Lavrov"));
        assert!(!suffix_word("Sergey Lavrov", "avrov"));
        assert!(!suffix_word("Lavrov", "Lavrov"));
        for (name, part) in [("Sergey Lavrov", "Lavrov"), ("Kim Jong Un", "Jong Un"), ("A  B", "B")] {
            assert!(!suffix_word(name, part) || ends_with_words(name, part), "{name:?} {part:?}");
        }
    }

    #[test]
    fn words_held_are_found_by_bytes_as_by_characters() {
        // The characters' way, for every text: words in a row, any case.
        let slow = |text: &str, part: &str| {
            let (t, p): (Vec<String>, Vec<String>) =
                (words(text).map(str::to_lowercase).collect(), words(part).map(str::to_lowercase).collect());
            p.is_empty() || t.windows(p.len()).any(|w| w == p.as_slice())
        };
        let texts = [
            "We stand for dialogue, he said.",
            "",
            "a",
            "standing, Stand for-Dialogue!",
            "x1 stand FOR",
            "Été stand for",
        ];
        let parts = [
            "stand for dialogue",
            "Stand",
            "for dialogue he",
            "",
            "tand",
            "dialogue,",
            "x1",
            "stand for dialogue said",
        ];
        for text in texts {
            for part in parts {
                assert_eq!(holds_words(text, part), slow(text, part), "{text:?} {part:?}");
            }
        }
    }
}
