//! The tokenizer: a region cut into words, punctuation and quotations, each
//! word with its classes and case ([`CAP`], [`LOWER`]); words glued by
//! scraping split apart. And the quotation marks around a quotation's text.

use crate::Span;
use crate::lexicon::{class, classes_and_capitals_at, classes_at};

use super::text::{bare, same};

/// A token of a region.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tok {
    Word(Span),
    Punct(Span, char),
    /// A quotation (its index), as one token.
    Quote(usize),
}

/// A word that opens with a capital letter.
pub(super) const CAP: u32 = 1 << 20;

/// A word that opens with a lower-case letter.
pub(super) const LOWER: u32 = 1 << 21;

/// A quotation's token: a scan for the next token of some classes or the
/// next quotation reads the flags alone.
pub(super) const QUOTE: u32 = 1 << 22;

/// Abbreviations that keep their full stop ("Mr.", "Gen.", "U.S.").
fn keeps_period(word: &str) -> bool {
    const ABBR: &[&str] = &[
        "Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Maj", "Capt", "Sgt", "St", "Jr", "Sr",
        "Prof", "Rev", "Adm", "Cmdr", "Insp", "No", "Inc", "Corp", "Co", "Ltd", "Jan", "Feb", "Aug", "Sept", "Oct",
        "Nov", "Dec", "Mt", "Ft", "Pres", "Amb", "Supt", "vs", "Del", "Sens", "Reps",
    ];
    // No abbreviation of the list is longer than four bytes: most words
    // before a full stop need not be compared with each of them.
    word.len() == 1 && word.chars().all(char::is_uppercase)
        || word.contains('.')
        || word.len() <= 4 && ABBR.contains(&word)
}

/// Where a word glued to a reporting word by scraping splits, if it does:
/// "Commandsaid" → "Command|said", "saidin" → "said|in", "Helambasted" →
/// "He|lambasted". Real words ("unsaid", "foretold") stay whole.
///
/// Read as bytes: the tokenizer asks of half its words, and most are told
/// apart by a few bytes, before a `&str` of them would be worth checking.
fn unglue(b: &[u8], capitals: bool) -> Option<usize> {
    // "according toan autopsy report". A word of four bytes or fewer is
    // glued so or not at all: most are told here.
    if b.len() < 5 {
        return matches!(b, b"toa" | b"toan" | b"ina" | b"inan").then_some(2);
    }
    if matches!(b, b"tothe" | b"inthe" | b"onthe" | b"ofthe" | b"atthe") {
        return Some(2);
    }
    if capitals {
        if let Some(k) = unglue_capital(b) {
            return Some(k);
        }
    }
    // Glued words end in a reporting word or open with one or a pronoun.
    let ends = matches!(b.last(), Some(b'd' | b's' | b'e'));
    let opens = matches!(b.first(), Some(b's' | b't' | b'a' | b'w' | b'H' | b'S' | b'T'));
    if !(ends || opens) {
        return None;
    }
    let Glue { candidate, day, named } = glue_shape(b);
    if !(candidate || day || named) || !b.is_ascii() {
        return None;
    }
    if day {
        if let Some(k) = unglue_day(b) {
            return Some(k);
        }
    }
    if let Some(k) = unglue_reporting(b) {
        return Some(k);
    }
    if named && b.len() <= 32 && crate::lexicon::classes_of(b) == 0 {
        return unglue_named(b);
    }
    None
}

/// "WhenKim", "SecretaryKim", "TheHague": a word the lexicon knows glued to
/// a capitalised one, split before the capital (of a word of five bytes or
/// more); name prefixes ("McMullen", "DeSaulnier") stay.
#[inline]
fn unglue_capital(b: &[u8]) -> Option<usize> {
    let k = b[3..b.len() - 1].iter().position(u8::is_ascii_uppercase).map(|p| p + 3)?;
    // An ASCII capital at `k`: the split is between characters.
    let f = crate::lexicon::classes_of(&b[..k]);
    (b[k - 1].is_ascii_lowercase() && f != 0 && f & class::CONNECTOR == 0).then_some(k)
}

/// What the ends of a word of five bytes or more say it may be glued from
/// (see [`glue_shape`]).
struct Glue {
    /// It ends with a reporting word, or opens with one or a pronoun.
    candidate: bool,
    /// It opens with a day ("Sundayaccused").
    day: bool,
    /// A capitalised word of eight bytes or more ending in 'd' or 's'
    /// ("Bondiattacked").
    named: bool,
}

/// The [`Glue`] shape of `b` (five bytes or more). Most words neither end
/// nor open with a reporting word nor open with a pronoun: four bytes at
/// each end tell, read as integers to compare at once.
#[inline]
fn glue_shape(b: &[u8]) -> Glue {
    let four = |at: usize| u32::from_le_bytes(b[at..at + 4].try_into().unwrap_or_default());
    let (head, tail) = (four(0), four(b.len() - 4));
    let w = |s: &[u8; 4]| u32::from_le_bytes(*s);
    let candidate = [w(b"said"), w(b"says"), w(b"told"), w(b"dded"), w(b"rote")].contains(&tail)
        || [w(b"said"), w(b"says"), w(b"told"), w(b"adde"), w(b"wrot"), w(b"They")].contains(&head)
        || head & 0xFFFF == w(b"He\0\0")
        || head & 0xFF_FFFF == w(b"She\0");
    // "Sundayaccused": a day glued to the reporting word after it. Setting
    // bit 5 lowers a capital, and makes no other byte a small letter.
    let day = [b"mond", b"tues", b"wedn", b"thur", b"frid", b"satu", b"sund", b"yest", b"toda", b"toni"]
        .map(w)
        .contains(&(head | 0x2020_2020));
    // "Bondiattacked": a name glued to the reporting word after it.
    let named = b.len() >= 8 && b[0].is_ascii_uppercase() && matches!(b[b.len() - 1], b'd' | b's');
    Glue { candidate, day, named }
}

/// "Sundayaccused" → "Sunday|accused": a time word, then a reporting word
/// opening with a small letter. Day words have five to nine letters.
#[inline]
fn unglue_day(b: &[u8]) -> Option<usize> {
    let classes = crate::lexicon::classes_of;
    (5..(b.len() - 3).min(10)).find(|&k| {
        classes(&b[..k]) & class::TIME != 0 && classes(&b[k..]) & class::CUE != 0 && b[k].is_ascii_lowercase()
    })
}

/// A reporting word glued after a capitalised word or a lead ("Commandsaid",
/// "alsosaid"), or before a small word ("saidin", "toldthe"); "He", "She",
/// "They" glued before a reporting word ("Helambasted").
#[inline]
fn unglue_reporting(b: &[u8]) -> Option<usize> {
    const GLUED: &[&[u8]] = &[b"said", b"says", b"told", b"added", b"wrote"];
    const LEADS: &[&str] = &["also", "he", "she", "they", "it", "we", "and", "then", "later"];
    const TAILS: &[&[u8]] =
        &[b"in", b"on", b"at", b"the", b"that", b"to", b"a", b"of", b"by", b"with", b"after", b"during", b"from"];
    for g in GLUED {
        if b.len() > g.len() && same(&b[b.len() - g.len()..], g) {
            let prefix = &b[..b.len() - g.len()];
            let capital = prefix.len() >= 3 && prefix[0].is_ascii_uppercase();
            if capital || LEADS.iter().any(|l| l.as_bytes().eq_ignore_ascii_case(prefix)) {
                return Some(prefix.len());
            }
        }
        if b.len() >= g.len() && same(&b[..g.len()], g) && TAILS.iter().any(|t| same(t, &b[g.len()..])) {
            return Some(g.len());
        }
    }
    for lead in ["He", "She", "They"] {
        if let Some(rest) = b.strip_prefix(lead.as_bytes()) {
            if rest.len() > 3 && rest[0].is_ascii_lowercase() && crate::lexicon::classes_of(rest) & class::CUE != 0 {
                return Some(lead.len());
            }
        }
    }
    None
}

/// A capitalised word of three letters or more, then a reporting word of
/// five or more, the whole (`b`) no word of the lexicon ("Bondiattacked",
/// not "Announced").
#[inline]
fn unglue_named(b: &[u8]) -> Option<usize> {
    // The capital's run of small letters holds both parts.
    let small = 1 + b[1..].iter().take_while(|c| c.is_ascii_lowercase()).count();
    (3..small.min(b.len() - 4)).find(|&k| crate::lexicon::classes_of(&b[k..]) & class::CUE != 0)
}

fn is_quote_char(c: char) -> bool {
    matches!(c, '"' | '\'' | '`' | '“' | '”' | '„' | '‟' | '«' | '»' | '‘' | '’' | '‹' | '›')
}

/// The tokens of a region and, per token, its flags: its word classes, and
/// whether it opens with a capital ([`CAP`]) or a lower-case letter ([`LOWER`]);
/// a quotation's, [`QUOTE`].
pub(super) struct Tokens {
    pub(super) toks: Vec<Tok>,
    pub(super) flags: Vec<u32>,
}

impl Tokens {
    #[inline(always)]
    fn push(&mut self, tok: Tok, flags: u32) {
        self.toks.push(tok);
        self.flags.push(flags);
    }

    /// Pushes the word `src[start..end]` with its flags.
    fn word(&mut self, src: &str, start: usize, end: usize) {
        let k = BYTES[usize::from(src.as_bytes()[start])];
        self.classed(src, start, end, k, classes_at(src, start, end), true);
    }

    /// [`Tokens::word`], the [`BYTES`] of its first byte `k` and its classes
    /// `classes` looked up already; `hyphen` tells whether the word may hold
    /// a '-' (the scan knows it has none).
    #[inline(always)]
    fn classed(&mut self, src: &str, start: usize, end: usize, k: u8, classes: u32, hyphen: bool) {
        let case = if k & byte::UPPER != 0 {
            CAP
        } else if k & byte::SMALL != 0 {
            // A particle joined to a name ("al-Assad", "el-Sisi") is a name.
            if hyphen && bare(&src[start..end]).len() < end - start { CAP } else { LOWER }
        } else if k & byte::HIGH == 0 {
            0
        } else {
            match src[start..end].chars().next() {
                Some(c) if c.is_uppercase() => CAP,
                Some(c) if c.is_lowercase() => LOWER,
                _ => 0,
            }
        };
        self.push(Tok::Word(Span::new(start, end)), classes | case);
    }
}

/// What the tokenizer asks of a byte, as bits of [`BYTES`]: one load answers
/// what `is_ascii_alphanumeric` and the like take several comparisons for.
mod byte {
    /// `A`..=`Z`.
    pub const UPPER: u8 = 1;
    /// `a`..=`z`.
    pub const SMALL: u8 = 1 << 1;
    /// `0`..=`9`.
    pub const DIGIT: u8 = 1 << 2;
    /// An ASCII letter or digit.
    pub const ALNUM: u8 = UPPER | SMALL | DIGIT;
    /// ASCII white space: ' ', '\t' to '\r'.
    pub const SPACE: u8 = 1 << 3;
    /// A byte of a character beyond ASCII.
    pub const HIGH: u8 = 1 << 4;
}

/// The [`byte`] bits of every byte.
static BYTES: [u8; 256] = {
    let mut t = [0; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = match b {
            b'A'..=b'Z' => byte::UPPER,
            b'a'..=b'z' => byte::SMALL,
            b'0'..=b'9' => byte::DIGIT,
            b' ' | b'\t'..=b'\r' => byte::SPACE,
            0x80.. => byte::HIGH,
            _ => 0,
        };
        c += 1;
    }
    t
};

/// A quotation's interval in a region, its marks included: `(start, end,
/// index)`.
pub(super) type Interval = (usize, usize, usize);

/// Tokens of `region`, each quotation interval `(start, end, index)` as one
/// token, with their flags. ASCII is read byte by byte; other characters
/// are decoded where they stand.
#[cfg(test)]
pub(super) fn tokenize(src: &str, region: Span, quotes: &[Interval]) -> Tokens {
    let mut out = Tokens { toks: Vec::new(), flags: Vec::new() };
    tokenize_into(&mut out, src, region, quotes);
    out
}

/// [`tokenize`], appending to `out`: one buffer serves every region.
pub(super) fn tokenize_into(out: &mut Tokens, src: &str, region: Span, quotes: &[Interval]) {
    let text = region.slice(src);
    let b = text.as_bytes();
    let base = region.start;
    // Where quotation `n` starts, as an offset into `text` (none starts
    // before the region); `usize::MAX` past the last: one comparison a token.
    let quote_at = |n: usize| quotes.get(n).map_or(usize::MAX, |q| q.0.saturating_sub(base));
    let lexicon = crate::lexicon::Lexicon::get();
    out.toks.reserve(text.len() / 4 + 4);
    out.flags.reserve(text.len() / 4 + 4);
    let mut q = 0;
    let mut next_quote = quote_at(0);
    let mut i = 0;
    while i < b.len() {
        if i >= next_quote {
            let (_, qe, qi) = quotes[q];
            q += 1;
            next_quote = quote_at(q);
            out.push(Tok::Quote(qi), QUOTE);
            i = past_quotation(text, i, qe.saturating_sub(base));
            continue;
        }
        let c = b[i];
        let k = kind(c);
        if k & byte::SPACE != 0 {
            i += 1;
            continue;
        }
        let first = if k & byte::ALNUM != 0 {
            Some(1)
        } else if k & byte::HIGH != 0 {
            alnum(text, i)
        } else {
            None
        };
        if let Some(n) = first {
            let (start, (end, hyphen)) = (i, word_end(text, i, i + n));
            // Scraped copy glues words: "Commandsaid", "saidin", "Helambasted"
            // (a word the lexicon knows is whole).
            let (classes, capitals) = classes_and_capitals_at(lexicon, src, base + start, base + end);
            match if classes == 0 { unglue(&b[start..end], capitals) } else { None } {
                Some(at) => {
                    out.word(src, base + start, base + start + at);
                    out.word(src, base + start + at, base + end);
                }
                None => out.classed(src, base + start, base + end, k, classes, hyphen),
            }
            // Most words are followed by one space: step over it here, not
            // in another turn of the loop (unless a quotation opens there).
            i = end + usize::from(end < next_quote && b.get(end) == Some(&b' '));
        } else {
            // ASCII punctuation without a call to decode it.
            let (c, n) = if c < 0x80 { (char::from(c), 1) } else { char_at(text, i) };
            if !c.is_whitespace() {
                out.push(Tok::Punct(Span::new(base + i, base + i + n), c), 0);
            }
            i += n;
        }
    }
}

/// The [`byte`] bits of `c`.
#[inline(always)]
fn kind(c: u8) -> u8 {
    BYTES[usize::from(c)]
}

/// The char at byte `i` of `text` (a char boundary) and its length.
#[inline(always)]
fn char_at(text: &str, i: usize) -> (char, usize) {
    match text.as_bytes()[i] {
        c if c < 0x80 => (char::from(c), 1),
        _ => text[i..].chars().next().map_or(('\u{fffd}', 1), |c| (c, c.len_utf8())),
    }
}

/// The length of the letter or digit at byte `i` of `text`, if one stands
/// there.
#[inline(always)]
fn alnum(text: &str, i: usize) -> Option<usize> {
    match text.as_bytes().get(i) {
        Some(&c) if kind(c) & byte::ALNUM != 0 => Some(1),
        Some(&c) if c >= 0x80 => Some(char_at(text, i)).filter(|(c, _)| c.is_alphanumeric()).map(|(_, n)| n),
        _ => None,
    }
}

/// Where the tokenizer goes on after the quotation whose mark is at `i`
/// and which ends at `end` (offsets into `text`): at least one character
/// on, then up to its end, on a character boundary.
#[inline(always)]
fn past_quotation(text: &str, i: usize, end: usize) -> usize {
    let mut i = i + char_at(text, i).1;
    if end > i {
        i = end.min(text.len());
        while !text.is_char_boundary(i) {
            i += 1;
        }
    }
    i
}

/// The end of the word of `text` at `start`, its first character ending at
/// `end` (offsets into `text`), and whether a '-' joined it (only then may it be
/// a particle and a name). '-', apostrophes and '.' join only when a letter
/// or digit follows; a full stop that an abbreviation keeps ends it.
#[inline(always)]
fn word_end(text: &str, start: usize, mut end: usize) -> (usize, bool) {
    let b = text.as_bytes();
    let mut hyphen = false;
    loop {
        end += b[end..].iter().position(|&c| kind(c) & byte::ALNUM == 0).unwrap_or(b.len() - end);
        let step = match b.get(end) {
            None => break,
            Some(b'-' | b'\'' | b'.') => alnum(text, end + 1).map(|m| 1 + m),
            Some(0xE2) if b[end..].starts_with("’".as_bytes()) => alnum(text, end + 3).map(|m| 3 + m),
            Some(&c) if c >= 0x80 => alnum(text, end),
            Some(_) => None,
        };
        match step {
            Some(m) => {
                hyphen |= b[end] == b'-';
                end += m;
            }
            None => break,
        }
    }
    if b.get(end) == Some(&b'.') && keeps_period(&text[start..end]) {
        end += 1;
    }
    (end, hyphen)
}

/// The start of the quotation mark ending right before `at`, else `at`.
pub(super) fn mark_before(src: &str, at: usize) -> usize {
    let before = &src[..crate::span::floor_char_boundary(src, at)];
    if before.ends_with("``") || before.ends_with("''") {
        return before.len() - 2;
    }
    match before.chars().next_back() {
        Some(c) if is_quote_char(c) => before.len() - c.len_utf8(),
        _ => at,
    }
}

/// The end of the quotation mark starting at `at`, else `at`.
pub(super) fn mark_after(src: &str, at: usize) -> usize {
    let at = crate::span::floor_char_boundary(src, at);
    let after = &src[at..];
    if after.starts_with("''") || after.starts_with("``") {
        return at + 2;
    }
    match after.chars().next() {
        Some(c) if is_quote_char(c) => at + c.len_utf8(),
        _ => at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glued_words_split_at_reporting_words() {
        assert_eq!(unglue(b"Commandsaid", true), Some(7));
        assert_eq!(unglue(b"saidin", true), Some(4));
        assert_eq!(unglue(b"alsosaid", true), Some(4));
        assert_eq!(unglue(b"Helambasted", true), Some(2));
        assert_eq!(unglue(b"Sundayaccused", true), Some(6));
        assert_eq!(unglue(b"Bondiattacked", true), Some(5));
        assert_eq!(unglue(b"toan", true), Some(2));
        assert_eq!(unglue(b"iPhone", true), None);
        assert_eq!(unglue(b"McDonald", true), None);
        assert_eq!(unglue(b"Announced", true), None);
        assert_eq!(unglue(b"Johannesburg", true), None);
        assert_eq!(unglue(b"yesterdaywarned", true), Some(9));
        assert_eq!(unglue(b"Sundays", true), None);
        assert_eq!(unglue(b"Thursdaysaid", true), Some(8));
        assert_eq!(unglue(b"unsaid", true), None);
        assert_eq!(unglue(b"foretold", true), None);
        assert_eq!(unglue(b"Theodore", true), None);
        // A known word glued to a capitalised one; name prefixes stay whole.
        assert_eq!(unglue(b"WhenKim", true), Some(4));
        assert_eq!(unglue(b"toldReuters", true), Some(4));
        assert_eq!(unglue(b"DeSaulnier", true), None);
        assert_eq!(unglue(b"LaShun", true), None);
        assert_eq!(unglue(b"McMullen", true), None);
        assert_eq!(unglue(b"AstraZeneca", true), None);
        // Told there is no capital after the third byte, none is looked for.
        assert_eq!(unglue(b"WhenKim", false), None);
    }

    #[test]
    fn tokens_keep_abbreviations_and_quotes_opaque() {
        let src = "Mr. Smith said \"yes, sir\" to U.S. officials.";
        let q = (15, 26, 0);
        let toks = tokenize(src, Span::new(0, src.len()), &[q]);
        let words: Vec<&str> = toks
            .toks
            .iter()
            .map(|t| match t {
                Tok::Word(s) | Tok::Punct(s, _) => s.slice(src),
                Tok::Quote(_) => "Q",
            })
            .collect();
        assert_eq!(words, ["Mr.", "Smith", "said", "Q", "to", "U.S.", "officials", "."]);
    }

    #[test]
    fn byte_kinds_agree_with_the_ascii_predicates() {
        for c in 0..=255u8 {
            let k = BYTES[usize::from(c)];
            assert_eq!(k & byte::UPPER != 0, c.is_ascii_uppercase(), "{c:#04x}");
            assert_eq!(k & byte::SMALL != 0, c.is_ascii_lowercase(), "{c:#04x}");
            assert_eq!(k & byte::DIGIT != 0, c.is_ascii_digit(), "{c:#04x}");
            assert_eq!(k & byte::SPACE != 0, c.is_ascii() && char::from(c).is_whitespace(), "{c:#04x}");
            assert_eq!(k & byte::HIGH != 0, !c.is_ascii(), "{c:#04x}");
        }
    }

    #[test]
    fn tokens_tell_case_and_particles() {
        let src = "el-Sisi met al-Assad, x-ray up-to-date Élysée état 3rd WhenKim alsosaid";
        let t = tokenize(src, Span::new(0, src.len()), &[]);
        let cases: Vec<(&str, u32)> = t
            .toks
            .iter()
            .zip(&t.flags)
            .filter_map(|(tok, f)| match tok {
                Tok::Word(s) => Some((s.slice(src), f & (CAP | LOWER))),
                _ => None,
            })
            .collect();
        assert_eq!(
            cases,
            [
                ("el-Sisi", CAP),
                ("met", LOWER),
                ("al-Assad", CAP),
                ("x-ray", LOWER),
                ("up-to-date", LOWER),
                ("Élysée", CAP),
                ("état", LOWER),
                ("3rd", 0),
                ("When", CAP),
                ("Kim", CAP),
                ("also", LOWER),
                ("said", LOWER),
            ]
        );
    }
}
