//! Speech or not: whether a quotation reproduces someone's words, or names a
//! work, a thing or a term ("the so-called "shadow fleet"", "on the NBC
//! program "Meet the Press"").
//!
//! A quotation is speech unless one of four rules says otherwise:
//!
//! - it follows a naming word: `so-called Q`, `known as Q`, `code named Q`,
//!   `under the slogan Q`, `meaning Q` ([`NAMING`]);
//! - it is written as a title, in prose: two capitalised words or more, the
//!   others small links ("Pacific Ring of Fire"), some letter in lower case
//!   (not a line in capitals), after a lower-case word, a comma or a dash,
//!   and not right after its cue (`a sign saying, "Justice for All"`).
//!   Not in the headline, whose words are capitalised anyway;
//! - it is a nickname inside a name: up to three capitalised words between
//!   two words of a name (`Randy "Duke" Cunningham`, `Cerelyn "CJ" Davis`);
//! - it is a term the story uses as a term: two to four words that the
//!   article also writes twice or more without marks, as words of their own
//!   ("launched a "rescue pot" ... the rescue pot paid"), in the headline or
//!   the body ([`used_bare`], asked of the first [`BARE_QUESTIONS`] such
//!   quotations only).

use crate::{Location, Quotation};

use super::lists::{NAMING, TITLE_LINKS};

/// Whether the quotation `q` of `src` is speech: words someone said or
/// wrote, not a name, a title or a term.
pub(super) fn is_speech(src: &str, q: &Quotation<'_>) -> bool {
    let before = before(src, q.span.start);
    !(after_naming_word(before)
        || q.location != Location::Headline && titled(src, q, before)
        || nickname(src, q, before))
}

/// Whether the quotation `q` of `src`, `before` it the text before, is a
/// nickname inside a name: `Randy "Duke" Cunningham`.
fn nickname(src: &str, q: &Quotation<'_>, before: &str) -> bool {
    // A word of a name: a capital, then some small letter ("Randy", not "BAR").
    let name_word = |w: &str| {
        let mut c = w.chars();
        c.next().is_some_and(char::is_uppercase) && c.any(char::is_lowercase)
    };
    // The word after the quotation is a word of a name: read last, and only
    // up to its first small letter, as a word may run on for megabytes and
    // quotations glued to it must not each read it whole. (A small letter is
    // alphanumeric: trimming the word's end of other characters changes
    // nothing to the test.)
    let next_is_name_word = || {
        let Some(next) = src.get(q.span.end..).and_then(|a| a.strip_prefix(' ')) else { return false };
        let mut c = next.chars();
        c.next().is_some_and(char::is_uppercase) && c.take_while(|&c| c != ' ').any(char::is_lowercase)
    };
    let words = q.text.split_whitespace();
    q.closed
        && before.ends_with(' ')
        && !before.ends_with("  ")
        && last_word(before).is_some_and(|(w, _)| name_word(w))
        && words.clone().count() <= 3
        && words.clone().all(|w| w.starts_with(char::is_uppercase))
        && next_is_name_word()
}

/// Up to 64 bytes of `src` before `at`, within its paragraph.
fn before(src: &str, at: usize) -> &str {
    let at = at.min(src.len());
    let mut from = at.saturating_sub(64);
    while !src.is_char_boundary(from) {
        from += 1;
    }
    let s = src.get(from..at).unwrap_or("");
    // After the last blank line ("\n\n" or "\n\r\n"), a byte scan.
    let b = s.as_bytes();
    let blank = (1..b.len())
        .rev()
        .find(|&k| b[k] == b'\n' && (b[k - 1] == b'\n' || k > 1 && b[k - 1] == b'\r' && b[k - 2] == b'\n'));
    blank.map_or(s, |k| &s[k + 1..])
}

/// The word `s` ends with, white space aside, and the text before it.
fn last_word(s: &str) -> Option<(&str, &str)> {
    let s = s.trim_end();
    let start = s
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’'))
        .last()
        .map(|(k, _)| k)?;
    Some((&s[start..], &s[..start]))
}

/// Whether `before`, the text before a quotation, ends with a naming word,
/// an article aside: "the so-called", "known as the", "code named".
fn after_naming_word(before: &str) -> bool {
    let Some((mut w, mut rest)) = last_word(before) else { return false };
    if ["the", "a", "an"].iter().any(|d| d.eq_ignore_ascii_case(w)) {
        let Some(prev) = last_word(rest) else { return false };
        (w, rest) = prev;
    }
    NAMING.holds(w)
        || w.eq_ignore_ascii_case("as") && last_word(rest).is_some_and(|(k, _)| k.eq_ignore_ascii_case("known"))
}

/// Whether the quotation `q` of `src`, `before` it the text before, is
/// written as a title in running prose.
fn titled(src: &str, q: &Quotation<'_>, before: &str) -> bool {
    let (mut words, mut capitals, mut lower) = (0, 0, false);
    for w in q.text.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let Some(first) = w.chars().next() else { continue };
        words += 1;
        if words > 16 {
            return false;
        }
        if first.is_uppercase() {
            // ("I" is no title word.)
            capitals += usize::from(w.len() > 1);
        } else if !first.is_numeric() && !TITLE_LINKS.holds(w) {
            return false;
        }
        lower |= w.chars().any(char::is_lowercase);
    }
    let t = before.trim_end();
    let in_prose = t.ends_with([',', '-', '–', '—'])
        || last_word(t).is_some_and(|(w, _)| w.starts_with(|c: char| c.is_lowercase()));
    // "a huge sign saying, "Justice for All"": its cue's words.
    let after_cue = q.attribution.and_then(|a| a.cue).is_some_and(|c| {
        c.end <= q.span.start
            && src
                .get(c.end..q.span.start)
                .is_some_and(|gap| gap.chars().all(|ch| ch.is_whitespace() || ch == ',' || ch == ':'))
    });
    capitals >= 2 && lower && in_prose && !after_cue
}

/// How many quotations of an article [`used_bare`] is asked about: each
/// question is a pass over the article, so the count is bounded.
pub(super) const BARE_QUESTIONS: usize = 16;

/// The words of the quotation `q` as a term: two to four words, trailing
/// punctuation aside ("Super Bowl," -> "Super Bowl"); `None` for anything
/// longer or shorter (a single word repeats in prose too often to tell).
pub(super) fn as_term<'q>(q: &'q Quotation<'_>) -> Option<&'q str> {
    // (Most quotations are longer: their length tells before their words.)
    if q.text.len() > 72 {
        return None;
    }
    let term = q.text.trim_ascii().trim_end_matches([',', '.', ';', ':']);
    let n = term.split_ascii_whitespace().take(5).count();
    ((2..=4).contains(&n) && term.len() <= 64).then_some(term)
}

/// Whether `term` (see [`as_term`]) is written twice or more in `src` as
/// words of their own outside every quotation of `quotes` (in document
/// order): a term the story uses as a term, quoted once to introduce it
/// ("launched a "rescue pot" ... The rescue pot has paid ..."). Someone's
/// words are seldom repeated without marks.
pub(super) fn used_bare(src: &str, term: &str, quotes: &[Quotation<'_>]) -> bool {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    // Matches come in order: the quotation that may hold one only moves on
    // (one pass over the quotations, however many matches they hold).
    let mut k = 0;
    let bare = memchr::memmem::find_iter(src.as_bytes(), term.as_bytes()).filter(|&at| {
        while quotes.get(k).is_some_and(|o| o.span.end <= at) {
            k += 1;
        }
        let quoted = quotes.get(k).is_some_and(|o| o.span.start <= at);
        let before = src.get(..at).and_then(|s| s.chars().next_back());
        let after = src.get(at + term.len()..).and_then(|s| s.chars().next());
        !quoted && !word(before) && !word(after)
    });
    bare.take(2).count() == 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn naming_words_end_the_text_before() {
        assert!(after_naming_word("new sanctions on the so-called "));
        assert!(after_naming_word("a race, known as the "));
        assert!(after_naming_word("border patrols code named "));
        assert!(!after_naming_word("he said "));
        assert!(!after_naming_word("the committee, "));
        assert!(!after_naming_word("named him the "), "only an article between");
        assert_eq!(last_word("known as  "), Some(("as", "known ")));
        assert_eq!(last_word("Greek, "), None);
    }

    #[test]
    fn the_text_before_stays_in_its_paragraph() {
        assert_eq!(before("so-called\n\n\"x\"", 11), "");
        assert_eq!(before("a so-called \"x\"", 12), "a so-called ");
        let b = before("ééééééééééééééééééééééééééééééééééééééé \"x\"", 79);
        assert!(b.len() <= 64 && b.ends_with("é "), "{b:?}");
    }
}
