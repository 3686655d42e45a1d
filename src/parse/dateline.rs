//! Dateline grammar: `[label -] [PLACE[, Qual]*][, DATE][ (TAG)]* SEP`.
//!
//! ```text
//! MOSCOW, June 16. /TASS/.           KAESONG, North Korea (AP) _
//! IGORA /Leningrad Region/, ...      SALVADOR, Feb 26 -
//! BEIJING, Nov. 7 , 2005 (Xinhua)    Canadian Press - OTTAWA (CP) -
//! (CNN) --     AP -     Jan 3 (Reuters) -     Strasbourg, 10 juil 2024 (AFP)
//! ```

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while1};
use nom::character::complete::{char, digit1, satisfy};
use nom::combinator::{eof, map_opt, opt, recognize, verify};
use nom::sequence::{delimited, preceded};
use nom::{IResult, Parser};

use crate::date::month_number;

/// A parser's result. Errors carry nothing: a dateline either parses or is
/// not there, and most lines tried are not datelines, so failing is the
/// common case and should cost little (an empty error is never built or copied).
type Res<'a, T> = IResult<&'a str, T, ()>;

/// The error of a parse that matched but was turned down.
fn rejected() -> nom::Err<()> {
    nom::Err::Error(())
}

/// A dateline as printed; every `&str` is a slice of the parsed text.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct RawDateline<'a> {
    /// A source label before the dateline: "Canadian Press".
    pub label: Option<&'a str>,
    /// The place with its qualifiers, its city, and its region.
    pub place: Option<RawPlace<'a>>,
    /// Month, day, printed year, and the date as printed.
    pub date: Option<(u32, u32, Option<i32>, &'a str)>,
    /// Each tag as printed ("(Reuters)", "/TASS/") and the names in it.
    pub tags: Vec<(&'a str, &'a str)>,
    /// The separator, if any.
    pub sep: Option<&'a str>,
    /// The whole dateline, separator included.
    pub text: &'a str,
}

#[derive(Debug, PartialEq, Eq)]
pub(crate) struct RawPlace<'a> {
    pub text: &'a str,
    pub city: &'a str,
    pub region: Option<&'a str>,
    /// Whether the city is printed in capitals.
    pub caps: bool,
}

/// Parses a dateline at the start of `i` (a block's text).
///
/// Most lines tried are headlines and story text, so the first character
/// picks the parsers worth trying: a label (`labelled`, `label_only`) opens
/// with an agency name in capitals, which is read once for both.
pub(crate) fn dateline(i: &str) -> Option<RawDateline<'_>> {
    let first = i.chars().next()?;
    if !can_open(first) {
        return None;
    }
    if first.is_uppercase() {
        if let Ok((rest, label)) = agency_name(i) {
            if let Ok((_, d)) = labelled(i, rest, label).or_else(|_| label_only(i, rest, label)) {
                return Some(d);
            }
        }
    }
    if !may_be_full(i) {
        return None;
    }
    if let Ok((_, d)) = outlet_only(i) {
        return Some(d);
    }
    let d = full(i).ok().map(|(_, d)| d)?;
    Some(agency_first(i, d))
}

/// Whether a sure dateline ([`RawDateline::is_sure`]) may open `i`, from
/// its bytes: a sure one has a date (a digit), or a known agency's name in
/// a tag (a bracket or a slash), opening the text (`AP -`), after a comma
/// in capitals (`TEHRAN, IRNA --`) or as a web address (`Laksamana.Net -`).
/// Callers that take only a sure dateline (the headline's slot, a story
/// joined after another) turn most lines away on this before parsing.
pub(crate) fn may_be_sure(i: &str) -> bool {
    let b = i.as_bytes();
    has_date_or_tag_byte(b)
        || agency_name(i).is_ok()
        || memchr::memchr_iter(b',', b).any(|k| matches!(b[k + 1..], [b' ', c, ..] if c.is_ascii_uppercase()))
        || outlet_only(i).is_ok()
}

/// `(ANSA) - Rome, August 7 - `: a tag alone, then the place and date
/// with a separator of their own, one dateline.
fn agency_first<'a>(i: &'a str, d: RawDateline<'a>) -> RawDateline<'a> {
    if d.place.is_some() || d.date.is_some() || d.tags.is_empty() || d.sep.is_none() {
        return d;
    }
    let rest = &i[d.text.len()..];
    let Ok((at, _)) = space1(rest) else { return d };
    match full(at) {
        Ok((_, second)) if second.place.is_some() && second.tags.is_empty() && second.sep.is_some_and(is_dash) => {
            let text = &i[..offset(i, second.text) + second.text.len()];
            RawDateline { text, tags: d.tags, ..second }
        }
        _ => d,
    }
}

/// `Laksamana.Net - `: an outlet named by its web address, then a dash.
fn outlet_only(i: &str) -> Res<'_, RawDateline<'_>> {
    if !i.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
        return Err(rejected());
    }
    // Read by bytes: most lines open with a word that holds no full stop
    // within the 40 bytes a name may have, and are turned away on that.
    let head = &i.as_bytes()[..i.len().min(41)];
    let letters = head.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
    if head.get(letters) != Some(&b'.') {
        return Err(rejected());
    }
    let n = i.bytes().position(|c| !(c.is_ascii_alphanumeric() || c == b'.')).unwrap_or(i.len());
    let (name, rest) = i.split_at(n);
    let b = name.as_bytes();
    if b.len() < 3 || !b.contains(&b'.') {
        return Err(rejected());
    }
    let dotted = b.windows(3).any(|w| w[0].is_ascii_alphabetic() && w[1] == b'.' && w[2].is_ascii_alphabetic());
    if !b[0].is_ascii_uppercase() || !dotted || name.ends_with('.') || name.len() > 40 {
        return Err(rejected());
    }
    let (rest, (_, sep, _)) =
        (space1, alt((tag("--"), tag("—"), tag("–"), tag("-"))), alt((space1, eof))).parse_complete(rest)?;
    let text = &i[..offset(i, sep) + sep.len()];
    Ok((rest, RawDateline { tags: vec![(name, name)], sep: Some(sep), text, ..RawDateline::default() }))
}

/// How far into its line a glued dateline may start.
const GLUED_WITHIN: usize = 240;

/// How far from its start a glued dateline's date or tag may stand.
const GLUED_REACH: usize = 80;

/// A dateline inside the first line of `i`, after text glued before it: a
/// photo credit run into it ("REUTERS/Nacho DoceKYIV, Jan 22 (Reuters) -",
/// "iStockPhoto/Thinkstock(WASHINGTON) --") or a label and a byline before
/// it ("By Massita Ahmad SINGAPORE, June 25 (NNN-BERNAMA) —"). Returns its
/// offset in `i` and the dateline.
///
/// Text in the middle of a line asks for more than a line's start: where a
/// small letter runs into a capital or a bracket, a place and a date, or a
/// place, a tag and a separator; after a blank, a place, a date, known tags
/// and a separator.
pub(crate) fn glued(i: &str) -> Option<(usize, RawDateline<'_>)> {
    let line_end = memchr::memchr2(b'\n', b'\r', i.as_bytes()).unwrap_or(i.len());
    let line = &i.as_bytes()[..line_end.min(GLUED_WITHIN + GLUED_REACH)];
    // Every glued dateline has a date (a digit) or a tag (a bracket or a
    // slash) within a dateline's length of its start: most lines have none
    // and are turned away unread, and only the bytes before one are tried.
    if !has_date_or_tag_byte(line) {
        return None;
    }
    let is_anchor = |c: u8| c.is_ascii_digit() || c == b'(' || c == b'/';
    let b = &line[..line.len().min(GLUED_WITHIN)];
    if !may_glue(b) {
        return None;
    }
    let mut next_anchor = 0;
    let mut at = 0;
    while at + 1 < b.len() {
        at += 1;
        // A dateline opens with a capital or a bracket: other bytes are
        // passed over before any other test.
        if !(b[at].is_ascii_uppercase() || b[at] == b'(') {
            continue;
        }
        if next_anchor < at {
            match line[at..].iter().position(|&c| is_anchor(c)) {
                Some(k) => next_anchor = at + k,
                None => return None,
            }
        }
        if next_anchor - at > GLUED_REACH {
            // Straight on to the first start within reach of the anchor.
            at = next_anchor - GLUED_REACH - 1;
            continue;
        }
        // A place in capitals after a blank needs a tag: a bracket or slash.
        let tag_near = || line[at..line.len().min(at + GLUED_REACH)].iter().any(|&c| c == b'(' || c == b'/');
        let (before, c) = (b[at - 1], b[at]);
        let run_in = before.is_ascii_lowercase() && (c.is_ascii_uppercase() || c == b'(');
        // After a blank, only a place in capitals ("Ahmad SINGAPORE, June 25").
        let spaced =
            before == b' ' && c.is_ascii_uppercase() && b.get(at + 1).is_some_and(u8::is_ascii_uppercase) && tag_near();
        if !(run_in || spaced) {
            continue;
        }
        let Some(d) = dateline(&i[at..]) else { continue };
        let known = !d.tags.is_empty() && d.tags.iter().all(|t| crate::Agency::known(t.1).is_some());
        let ok = if run_in {
            d.place.is_some()
                && (d.date.is_some()
                    || d.sep.is_some()
                        && (known
                            || d.tags.is_empty()
                                && d.place.as_ref().is_some_and(|p| p.text.len() < 40 && i.as_bytes()[at] == b'(')))
        } else {
            d.place.is_some() && d.date.is_some() && known && d.sep.is_some()
        };
        // "Photo/Jane DoeBRISBANE" is no place: the dateline is glued further on.
        let joined = d.place.as_ref().is_some_and(|p| {
            p.text.as_bytes().windows(2).any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase())
        });
        if ok && !joined && d.label.is_none() {
            return Some((at, d));
        }
    }
    None
}

/// Whether a glued dateline may start past the first byte of `b`, as
/// [`glued`] tries one: a capital or a bracket after a small letter, or two
/// capitals after a blank. Chunks are tested without branching, so a line
/// with neither (most lines) costs little.
fn may_glue(b: &[u8]) -> bool {
    let n = b.len();
    if n < 2 {
        return false;
    }
    let lower = |c: u8| u8::from(c.wrapping_sub(b'a') < 26);
    let upper = |c: u8| u8::from(c.wrapping_sub(b'A') < 26);
    let (prev, cur) = (&b[..n - 1], &b[1..]);
    let run_in = prev
        .chunks(32)
        .zip(cur.chunks(32))
        .any(|(p, c)| p.iter().zip(c).fold(0, |any, (&p, &c)| any | lower(p) & (upper(c) | u8::from(c == b'('))) != 0);
    run_in
        || prev[..n - 2].chunks(32).zip(cur[..n - 2].chunks(32)).zip(b[2..].chunks(32)).any(|((p, c), x)| {
            p.iter().zip(c).zip(x).fold(0, |any, ((&p, &c), &x)| any | u8::from(p == b' ') & upper(c) & upper(x)) != 0
        })
}

/// Whether [`full`] may accept `i`: most lines are turned away unparsed.
fn may_be_full(i: &str) -> bool {
    caps_word(i).is_ok()
        || has_date_or_tag_byte(i.as_bytes())
        || title_dash_shape(i.as_bytes())
        || title_agency_shape(i)
}

/// Whether `i` opens with a capital and holds a known agency's name after a
/// comma, then a separator ([`bare_tag`]: "Pyongyang, IRNA _"), within
/// [`TITLE_DASH_WITHIN`] bytes.
fn title_agency_shape(i: &str) -> bool {
    let b = i.as_bytes();
    b.first().is_some_and(u8::is_ascii_uppercase)
        && memchr::memchr_iter(b',', &b[..b.len().min(TITLE_DASH_WITHIN)]).any(|at| bare_tag(&i[at..]).is_ok())
}

/// How far into a line a dash may stand after a place in title case
/// ("Bonn - Officials", "Leeds, England - Police").
const TITLE_DASH_WITHIN: usize = 64;

/// Whether `bytes` open as a place in title case before a separator may:
/// up to four words, each opening with a capital, joined by single blanks,
/// then a dash (`-`, a bar, or `E2`, the first byte of `—` and `–`) after a
/// blank or none; two words or more and a colon (`New Delhi:`); one word of
/// four letters or more, a full stop and a blank (`Roma. `); or a comma and
/// a dash further on within [`TITLE_DASH_WITHIN`] bytes.
fn title_dash_shape(bytes: &[u8]) -> bool {
    if !bytes.first().is_some_and(u8::is_ascii_uppercase) {
        return false;
    }
    let mut at = 0;
    for words in 1..=4 {
        let word = &bytes[at..];
        let n = at
            + word
                .iter()
                .position(|&c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b',' | b'-' | b'|' | b':' | b'.' | 0xe2))
                .unwrap_or(word.len());
        // Blanks may stand before the separator, as the grammar reads them.
        let k = n + blanks_len(&bytes[n..]);
        match &bytes[k..] {
            [b'-' | b'|' | 0xe2, ..] => return true,
            [b':', ..] => return words >= 2,
            [b'.', ..] if words == 1 && n >= 4 => return true,
            [b',', ..] => {
                return bytes
                    .get(k..bytes.len().min(TITLE_DASH_WITHIN))
                    .is_some_and(|near| memchr::memchr3(b'-', 0xe2, b'|', near).is_some());
            }
            [c, ..] if k > n && c.is_ascii_uppercase() => at = k,
            // "St. Louis", "Ft.Worth": a full stop inside the place.
            [b'.', b' ', c, ..] if c.is_ascii_uppercase() => at = k + 2,
            [b'.', c, ..] if c.is_ascii_alphabetic() => at = k + 1,
            _ => return false,
        }
    }
    false
}

/// Whether `i` holds a digit, `(` or `/` anywhere.
///
/// A dateline that [`full`] accepts has a place in capitals, a date (its day
/// is digits) or a tag (in brackets or slashes): a line with no word in
/// capitals first and none of these bytes is turned away unparsed, as most
/// headlines are. Chunks are tested without branching (vector compares),
/// so a long paragraph costs little.
fn has_date_or_tag_byte(bytes: &[u8]) -> bool {
    // `/` (0x2F) and the digits (0x30 to 0x39) are one range.
    let hit = |b: u8| u8::from(b.wrapping_sub(b'/') <= 10) | u8::from(b == b'(');
    bytes.chunks(32).any(|chunk| chunk.iter().fold(0, |any, &b| any | hit(b)) != 0)
}

/// Whether a dateline may open with `c`: a place or an agency name (a
/// capital), a month (a letter, or the full stop of a typo), a day (a
/// digit), or a tag after blanks.
fn can_open(c: char) -> bool {
    c.is_alphabetic() || c.is_uppercase() || matches!(c, '.' | '0'..='9' | '(' | '/') || is_blank(c)
}

impl RawDateline<'_> {
    /// Whether this is surely a dateline, even in a headline's slot.
    pub(crate) fn is_sure(&self) -> bool {
        // A headline may end in a tag ("Owners Reach Deal (Reuters)"): a sure
        // dateline has a date with a place or tag, or a known tag and a separator.
        // A date alone ("May 4 - Star Wars Day") may be a headline too.
        self.date.is_some() && (self.place.is_some() || !self.tags.is_empty())
            || self.sep.is_some() && self.tags.iter().any(|t| crate::Agency::known(t.1).is_some())
    }
}

/// Blanks inside a dateline: spaces, tabs, no-break spaces, and the line
/// breaks of hard-wrapped copy (a dateline is read within one block, which
/// holds no blank line).
fn is_blank(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}' | '\u{202f}' | '\n' | '\r')
}

/// The length of the run of [`is_blank`] characters opening `b`, read by
/// bytes: `C2 A0` is the no-break space, `E2 80 AF` the narrow one.
fn blanks_len(b: &[u8]) -> usize {
    let mut k = 0;
    loop {
        match b[k..] {
            [b' ' | b'\t' | b'\n' | b'\r', ..] => k += 1,
            [0xc2, 0xa0, ..] => k += 2,
            [0xe2, 0x80, 0xaf, ..] => k += 3,
            _ => return k,
        }
    }
}

fn space0(i: &str) -> Res<'_, &str> {
    let n = blanks_len(i.as_bytes());
    Ok((&i[n..], &i[..n]))
}

fn space1(i: &str) -> Res<'_, &str> {
    match blanks_len(i.as_bytes()) {
        0 => Err(rejected()),
        n => Ok((&i[n..], &i[..n])),
    }
}

fn offset(base: &str, part: &str) -> usize {
    part.as_ptr() as usize - base.as_ptr() as usize
}

/// A known agency name used as a source label ("Canadian Press", "AP").
pub(crate) fn agency_name(i: &str) -> Res<'_, &str> {
    // A name of one byte is no agency's: the first two bytes tell whether
    // any name may open here before the words are read.
    if !crate::agency::may_open_name(i.as_bytes()) {
        return Err(rejected());
    }
    verify(
        recognize((
            take_while1(|c: char| c.is_alphabetic()),
            opt((char(' '), take_while1(|c: char| c.is_alphabetic()))),
        )),
        |s: &str| s.chars().next().is_some_and(char::is_uppercase) && crate::Agency::known(s).is_some(),
    )
    .parse_complete(i)
}

/// `Canadian Press - OTTAWA (CP) - `: a label, then a full dateline
/// (`rest` follows the label, read from `i` by [`agency_name`]).
fn labelled<'a>(i: &'a str, rest: &'a str, label: &'a str) -> Res<'a, RawDateline<'a>> {
    let (rest, _) = (space1, alt((tag("--"), tag("-"))), space1).parse_complete(rest)?;
    let (rest, mut d) = verify(full, |d: &RawDateline<'_>| d.place.is_some()).parse_complete(rest)?;
    d.label = Some(label);
    d.text = &i[..offset(i, d.text) + d.text.len()];
    Ok((rest, d))
}

/// `AP - `, `Reuters - `: an agency name standing for the whole dateline
/// (`rest` follows the name, read from `i` by [`agency_name`]).
fn label_only<'a>(i: &'a str, rest: &'a str, name: &'a str) -> Res<'a, RawDateline<'a>> {
    let (rest, (_, sep, _)) =
        (space1, alt((tag("--"), tag("—"), tag("–"), tag("-"))), alt((space1, eof))).parse_complete(rest)?;
    let text = &i[..offset(i, sep) + sep.len()];
    Ok((rest, RawDateline { tags: vec![(name, name)], sep: Some(sep), text, ..RawDateline::default() }))
}

fn full(i: &str) -> Res<'_, RawDateline<'_>> {
    let (rest, place) = opt(place).parse_complete(i)?;
    let caps = place.as_ref().is_some_and(|p| p.caps);
    // "MOSCOW, Sept 19", "MINSK. July 26", "NEW YORK Aug 23" (capitals only).
    let date_start = match (&place, rest.as_bytes().first()) {
        (None, _) => date(rest),
        (Some(_), Some(b'.')) => preceded((char('.'), space1), date).parse_complete(rest),
        (Some(_), Some(b' ')) if caps => {
            alt((preceded((space0, char(','), space0), date), preceded(space1, date))).parse_complete(rest)
        }
        (Some(_), _) => preceded((space0, char(','), space0), date).parse_complete(rest),
    };
    let (rest, date) = match date_start {
        Ok((r, d)) => (r, Some(d)),
        Err(_) => (rest, None),
    };
    let (mut rest, mut found) = tags(rest)?;
    if found.is_empty() && (date.is_some() || place.is_some()) {
        // "HARBIN, Nov. 22 , 2005, (xinhua)", "Dushanbe. (Interfax)"
        // (a comma after a date is read even with no tag after it: "TOKYO, Dec 3 , 2006,.")
        let comma_or_stop = matches!(rest.as_bytes().first(), Some(b',' | b'.'));
        let parsed = if comma_or_stop {
            preceded(alt((char(','), char('.'))), tags).parse_complete(rest)
        } else {
            Err(rejected())
        };
        if let Ok((r, t)) = parsed {
            if !t.is_empty() || date.is_some() && rest.starts_with(',') {
                (rest, found) = (r, t);
            }
        }
    }
    if found.is_empty() && (date.is_some() || place.is_some()) {
        // "TEHRAN, IRNA --": a known agency's name in capitals, unbracketed,
        // then a separator.
        if let Ok((r, name)) = bare_tag(rest) {
            (rest, found) = (r, vec![(name, name)]);
        }
    }
    let tags = found;
    let (rest, sep) = opt(separator).parse_complete(rest)?;
    // "KUALA LUMPUR, — Text": a place, its date slot left empty.
    let (rest, sep) = match (sep, &date, tags.is_empty(), &place) {
        (None, None, true, Some(_)) => match preceded((space0, char(',')), separator).parse_complete(rest) {
            Ok((r, s)) if is_dash(s) => (r, Some(s)),
            _ => (rest, None),
        },
        _ => (rest, sep),
    };
    let end = sep.map_or_else(|| i.len() - rest.len(), |s| offset(i, s) + s.len());
    let after = rest.trim_start_matches([' ', '\t']);
    let at_eol = after.is_empty() || after.starts_with(['\n', '\r']);
    // The story goes on after the dateline with no separator: a capital
    // (or a quotation mark) after a blank.
    // Copy all in capitals tells nothing that way: its month is in capitals.
    let month_in_capitals = date.is_some_and(|d| !d.3.contains(|c: char| c.is_lowercase()));
    let story_next = sep.is_none()
        && !month_in_capitals
        && rest.len() > after.len()
        && after.starts_with(|c: char| c.is_uppercase() || matches!(c, '"' | '“' | '‘'));
    // Whether every tag names a known agency: looked up once, and only
    // where it decides.
    let known = || tags.iter().all(|t| crate::Agency::known(t.1).is_some());
    let ok = match (&place, &date, tags.is_empty()) {
        // "(WASHINGTON) --": a place in capitals in brackets.
        (None, None, false) if sep.is_some_and(|s| matches!(s, "--" | "—")) && paren_place(&tags) && !known() => true,
        // "(GM)" in a sentence is no tag: an unknown tag needs a separator,
        // and a tag alone must name a known agency. Known tags after a place
        // or date may run into the story ("Havana, Mar 6 (Prensa Latina) Cuban").
        (_, _, false) => {
            let placed = place.is_some() || date.is_some();
            match (sep.is_some(), placed) {
                (true, true) => true,
                (true, false) => known(),
                (false, _) => (at_eol || story_next && placed) && known(),
            }
        }
        // "JUNE 24 -": a date alone needs a dash.
        (None, Some(_), true) => sep.is_some_and(is_dash),
        (None, None, true) => false,
        (Some(p), Some(d), true) => {
            (sep.is_some_and(|s| s != ".") || at_eol || story_next && (p.caps || ends_with_stop(d.3, rest)))
                && (p.caps || sep.is_some() || story_next)
        }
        // "WASHINGTON -", "MITO, Japan -"; in title case only with a dash
        // before a capital ("Rome - Authorities").
        (Some(p), None, true) => match sep {
            // A colon after capitals ends a label ("WATCH:", "NEW APPROACH:").
            Some(s) if p.caps => s != "." && s != ":",
            // One word or a place and its country, never two words alone
            // (a name: "John Smith - Reuters"), unless a word tells a place
            // and a sentence follows ("Kuala Lumpur - Malaysian authorities
            // seized", "New Delhi: Prime Minister Narendra Modi on").
            Some(s) => {
                let one_word = !p.city.contains([' ', '/']);
                let dash = is_dash(s) && s != "_" || s == "|";
                dash && (one_word || p.region.is_some()) && after.starts_with(char::is_uppercase)
                    || (dash || s == ":")
                        && p.region.is_none()
                        && !one_word
                        && sentence_follows(after)
                        && is_named_place(p.city)
                    // "Roma. Il Portogallo si augura": one word that is no
                    // abbreviation ("Calif.", "Gov."), a full stop, a sentence.
                    || s == "." && one_word && p.region.is_none() && sentence_follows(after) && !is_abbreviation(p.city)
            }
            None => false,
        },
    };
    if !ok {
        return Err(rejected());
    }
    let text = &i[..end];
    if place.is_none() && date.is_none() && !known() {
        // "(WASHINGTON) --": the tag is the place.
        let t = tags[0].0;
        let city = &t[1..t.len() - 1];
        let place = Some(RawPlace { text: city, city, region: None, caps: true });
        return Ok((rest, RawDateline { label: None, place, date, tags: Vec::new(), sep, text }));
    }
    Ok((rest, RawDateline { label: None, place, date, tags, sep, text }))
}

/// Words that make a phrase of capitalised words a place, not a person's
/// name, besides the lexicon's place words ("New", "City", "Island"): the
/// first words of place names in many languages ("Kuala Lumpur", "Kota
/// Baru", "Port Louis", "San Jose", "Cape Town").
const PLACE_ELEMENTS: &[&str] = &[
    "bandar", "cape", "ciudad", "fort", "kota", "kuala", "las", "los", "mount", "port", "porto", "puerto", "rio",
    "saint", "san", "santa", "santo", "sao", "são",
];

/// Whether a word of `city` tells a place: a place word of the lexicon or a
/// first word of place names ([`PLACE_ELEMENTS`]).
fn is_named_place(city: &str) -> bool {
    city.split([' ', '/']).any(|w| {
        crate::lexicon::classes(w) & crate::lexicon::class::PLACE != 0
            || PLACE_ELEMENTS.iter().any(|e| e.eq_ignore_ascii_case(w))
    })
}

/// Whether `after`, the text after a separator, opens a sentence on its
/// line: a capital, five words or more, and a word in small letters among
/// the first six ("Malaysian authorities seized", "Prime Minister Narendra
/// Modi, in"), not a name or a title ("Reuters", "New York").
fn sentence_follows(after: &str) -> bool {
    if !after.starts_with(char::is_uppercase) {
        return false;
    }
    let line = &after[..memchr::memchr2(b'\n', b'\r', after.as_bytes()).unwrap_or(after.len())];
    let mut words = line.split([' ', '\t']).filter(|w| !w.is_empty());
    let first_six: Vec<&str> = words.by_ref().take(6).collect();
    let small = first_six.iter().any(|w| w.starts_with(|c: char| c.is_lowercase()));
    small && first_six.len() + words.take(1).count() >= 5
}

/// Whether `w` (a word before a full stop) is an abbreviation or a word of
/// the language, not a place: a month, a weekday, a state as AP
/// abbreviates it ("Calif."), a title ("Gov."), or any word the lexicon
/// knows ("Exactly", "Meanwhile", "Minister").
fn is_abbreviation(w: &str) -> bool {
    const STATES: &[&str] = &[
        "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ill", "Ind", "Kan", "Mass", "Mich", "Minn",
        "Miss", "Mont", "Neb", "Nev", "Okla", "Ore", "Penn", "Tenn", "Wash", "Wis", "Wyo", "Alta", "Sask", "Man",
        "Ont", "Que",
    ];
    w.len() <= 3
        || STATES.contains(&w)
        || month_number(w).is_some()
        || is_weekday(w)
        || crate::lexicon::classes(w) != 0
        || crate::lexicon::is_title(&format!("{w}."))
}

/// One tag of one word in capitals, no agency's name, as a place is printed
/// in brackets by ABC News Radio: "(WASHINGTON) --".
fn paren_place(tags: &[(&str, &str)]) -> bool {
    matches!(tags, [(t, n)] if t.starts_with('(') && n.len() >= 4
        && n.bytes().all(|b| b.is_ascii_uppercase() || b == b' ')
        && !crate::lexicon::is_end_mark(t))
}

/// Whether a date printed as `printed` was closed by a full stop read
/// after it (`rest` follows that stop): "Havana, April 19. The".
fn ends_with_stop(printed: &str, rest: &str) -> bool {
    let after = printed.as_ptr() as usize + printed.len();
    rest.as_ptr() as usize == after + 1 && rest.starts_with(char::is_whitespace)
}

/// A dash of any length: `-`, `--`, `---`, `—`, `–`, `_`.
fn is_dash(s: &str) -> bool {
    matches!(s, "-" | "--" | "---" | "—" | "–" | "_")
}

/// `, IRNA` before a separator: a known agency's name of three letters or
/// more in capitals, without brackets.
fn bare_tag(i: &str) -> Res<'_, &str> {
    if !matches!(i.as_bytes(), [b',', b' ', c, ..] if c.is_ascii_uppercase()) {
        return Err(rejected());
    }
    let (rest, (_, name)) = (char(','), preceded(space1, agency_name)).parse_complete(i)?;
    let caps = name.len() >= 3 && name.chars().all(|c| c.is_ascii_uppercase());
    if !caps || separator(rest).is_err() {
        return Err(rejected());
    }
    Ok((rest, name))
}

/// Words that open a phrase, never a place in title case ("On Monday").
fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "A" | "An"
            | "As"
            | "At"
            | "By"
            | "For"
            | "From"
            | "In"
            | "On"
            | "Of"
            | "To"
            | "Since"
            | "Until"
            | "Last"
            | "Next"
            | "Today"
            | "Yesterday"
    ) || is_weekday(w)
}

fn is_caps_char(c: char) -> bool {
    c.is_uppercase() || matches!(c, '.' | '-' | '\'' | '’' | '&')
}

/// A word in capitals: `KAESONG`, `ST.`, `MBUJI-MAYI`, `N'DJAMENA`.
fn caps_word(i: &str) -> Res<'_, &str> {
    // Most words tried are in title case: an ASCII small letter or digit
    // second means a one-letter run followed by more word, which is no
    // capitals word, whatever the first character is.
    if i.as_bytes().get(1).is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit()) {
        return Err(rejected());
    }
    ascii_caps_word(i).unwrap_or_else(|| caps_word_chars(i))
}

/// [`caps_word`] read a character at a time.
fn caps_word_chars(i: &str) -> Res<'_, &str> {
    verify(take_while1(is_caps_char), |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase) && w.chars().filter(|c| c.is_uppercase()).nth(1).is_some()
            || w.len() == 1 && w.chars().all(char::is_uppercase)
    })
    .parse_complete(i)
    .and_then(|(rest, w)| {
        // "WASHINGTONian" is not a capitals word.
        if rest.chars().next().is_some_and(char::is_alphanumeric) { Err(rejected()) } else { Ok((rest, w)) }
    })
}

/// [`caps_word`] read byte by byte, when the word and the character after
/// it are ASCII (most are); `None` when a character must be decoded.
fn ascii_caps_word(i: &str) -> Option<Res<'_, &str>> {
    let b = i.as_bytes();
    let n = ascii_run(b, 0, |c| c.is_ascii_uppercase() || matches!(c, b'.' | b'-' | b'\'' | b'&'))?;
    let w = &b[..n];
    // A capital first, and another one unless the word is one letter.
    let word = w.first().is_some_and(u8::is_ascii_uppercase) && (n == 1 || w[1..].iter().any(u8::is_ascii_uppercase));
    // "WASHINGTONian" is not a capitals word.
    if !word || b.get(n).is_some_and(u8::is_ascii_alphanumeric) {
        return Some(Err(rejected()));
    }
    Some(Ok((&i[n..], &i[..n])))
}

/// The end of the run of bytes from `from` that pass `ok`; `None` when the
/// run stops at a byte that is not ASCII (a character the bytes cannot tell).
fn ascii_run(b: &[u8], from: usize, ok: fn(u8) -> bool) -> Option<usize> {
    let rest = b.get(from..)?;
    let n = rest.iter().position(|&c| !ok(c)).unwrap_or(rest.len());
    rest.get(n).is_none_or(u8::is_ascii).then_some(from + n)
}

/// A word in title case: `Pyongyang`, `Diego`, `St.`, `Union-Tribune`.
fn title_word(i: &str) -> Res<'_, &str> {
    ascii_title_word(i).unwrap_or_else(|| title_word_chars(i))
}

/// [`title_word`] read a character at a time.
fn title_word_chars(i: &str) -> Res<'_, &str> {
    verify(
        recognize((
            satisfy(char::is_uppercase),
            take_while1(|c: char| c.is_lowercase() || matches!(c, '-' | '\'' | '’' | '.')),
            take_while(|c: char| c.is_alphabetic() || matches!(c, '-' | '.')),
        )),
        |w: &str| !w.ends_with('-'),
    )
    .parse_complete(i)
}

/// [`title_word`] read byte by byte, when the word and the character after
/// it are ASCII (most are); `None` when a character must be decoded.
fn ascii_title_word(i: &str) -> Option<Res<'_, &str>> {
    let b = i.as_bytes();
    if !b.first()?.is_ascii() {
        return None;
    }
    if !b[0].is_ascii_uppercase() {
        return Some(Err(rejected()));
    }
    let m = ascii_run(b, 1, |c| c.is_ascii_lowercase() || matches!(c, b'-' | b'\'' | b'.'))?;
    if m == 1 {
        return Some(Err(rejected()));
    }
    let n = ascii_run(b, m, |c| c.is_ascii_alphabetic() || matches!(c, b'-' | b'.'))?;
    if b[n - 1] == b'-' {
        return Some(Err(rejected()));
    }
    Some(Ok((&i[n..], &i[..n])))
}

/// Words joined by single spaces or slashes (`SEATTLE/NEW YORK`).
fn words<'a>(i: &'a str, word: fn(&'a str) -> Res<'a, &'a str>, max: usize) -> Res<'a, &'a str> {
    let (mut rest, mut last) = word(i)?;
    let mut n = 1;
    // "Roma. Il Portogallo": a full stop after a word that is no
    // abbreviation closes the place.
    while n < max && !ends_sentence(last) {
        let Ok((r, w)) = preceded(alt((space1, tag("/"))), word).parse_complete(rest) else { break };
        if r.trim_start().starts_with(|c: char| c.is_ascii_digit()) && month_number(r_word(rest)).is_some() {
            break; // "Jan 3": a date, not a place
        }
        rest = r;
        last = w;
        n += 1;
    }
    Ok((rest, &i[..i.len() - rest.len()]))
}

/// Whether a word of a place ends with a full stop that is no
/// abbreviation's: four letters or more before it, none of them a full stop,
/// the last a letter ("MINSK.", "Roma.", "Bogotá.", not "ST." or "D.C.";
/// nor "Sarr-.", whose place would render as "Sarr-", no place).
fn ends_sentence(word: &str) -> bool {
    match word.as_bytes() {
        [head @ .., last, b'.'] => {
            head.len() > 2 && !head.contains(&b'.') && (last.is_ascii_alphabetic() || *last >= 0x80)
        }
        _ => false,
    }
}

/// The word after one separator character.
fn r_word(s: &str) -> &str {
    let s = s.get(1..).unwrap_or("");
    s.split([' ', ',', '(']).next().unwrap_or("")
}

pub(crate) fn place(i: &str) -> Res<'_, RawPlace<'_>> {
    let (rest, (city, caps)) = alt((
        |i| words(i, caps_word, 6).map(|(r, w)| (r, (w, true))),
        |i| words(i, title_word, 4).map(|(r, w)| (r, (w, false))),
    ))
    .parse_complete(i)?;
    // "MINSK. July 26": the full stop closes the place, not an abbreviation
    // ("ST.", "D.C.") of a word of four letters or more.
    // (The last word after any blank: "Fr\u{a0}S." ends in the word "S.".)
    let stop = city.ends_with('.')
        && ends_sentence(city.rsplit(|c: char| c.is_whitespace() || c == '/').next().unwrap_or(city));
    let (rest, city) = if stop { (&i[city.len() - 1..], &city[..city.len() - 1]) } else { (rest, city) };
    // "PoolBRISBANE": a credit run into a place in capitals is no word.
    let run_in = !caps
        && city
            .as_bytes()
            .windows(3)
            .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase() && w[2].is_ascii_uppercase());
    let article_led = run_in
        || !caps && {
            let end = city.bytes().position(|c| c == b' ' || c == b'/').unwrap_or(city.len());
            let first_word = &city[..end];
            first_word == "The" || is_function_word(first_word)
        };
    if article_led || rest.trim_start().starts_with(|c: char| c.is_ascii_digit()) && month_number(city).is_some() {
        return Err(rejected());
    }
    // IGORA /Leningrad Region/
    let (rest, slash_region) = opt(preceded(
        char(' '),
        delimited(char('/'), take_while1(|c: char| c != '/' && c != '\n' && c != '('), char('/')),
    ))
    .parse_complete(rest)?;
    // "L’Avana (Cuba), 19 apr.": a country in brackets, then a comma.
    let (rest, slash_region) = match slash_region {
        Some(r) => (rest, Some(r)),
        None if rest.starts_with(" (") => match paren_region(rest) {
            Ok((r, q)) => (r, Some(q)),
            Err(_) => (rest, None),
        },
        None => (rest, None),
    };
    let mut rest = rest;
    let mut region = slash_region;
    let mut quals = 0;
    while quals < 2 {
        let Ok((r, q)) = preceded((space0, char(','), space1), qualifier).parse_complete(rest) else {
            break;
        };
        region = Some(match region {
            Some(first) if slash_region.is_none() => &i[offset(i, first)..offset(i, q) + q.len()],
            _ => q,
        });
        rest = r;
        quals += 1;
    }
    let text = &i[..i.len() - rest.len()];
    let region = region.map(|r| r.trim_end_matches(','));
    Ok((rest, RawPlace { text, city, region, caps }))
}

/// ` (Cuba)` before a comma: a region in brackets, not an agency's name.
fn paren_region(i: &str) -> Res<'_, &str> {
    let (rest, q) =
        preceded(char(' '), delimited(char('('), |i| words(i, title_word, 3), char(')'))).parse_complete(i)?;
    if !rest.starts_with(',') || crate::Agency::known(q).is_some() {
        return Err(rejected());
    }
    Ok((rest, q))
}

/// A region, state or country: `North Korea`, `N.Y.`, `Calif.`, `B.C.`, `MO.`.
fn qualifier(i: &str) -> Res<'_, &str> {
    let word = |i| alt((title_word, caps_word, abbreviation)).parse_complete(i);
    let (mut rest, first) = word(i)?;
    let agency =
        first.len() >= 3 && first.bytes().all(|b| b.is_ascii_uppercase()) && crate::Agency::known(first).is_some();
    if month_number(first).is_some() || agency || is_weekday(first) {
        return Err(rejected());
    }
    for _ in 0..3 {
        let lower = recognize((satisfy(char::is_lowercase), take_while(|c: char| c.is_lowercase() || c == '-')));
        let Ok((r, w)) = preceded(char(' '), alt((word, lower))).parse_complete(rest) else {
            break;
        };
        if month_number(w).is_some() {
            break;
        }
        rest = r;
    }
    Ok((rest, &i[..i.len() - rest.len()]))
}

/// `N.Y.`, `D.C.`, `B.C.`: letters each followed by a full stop.
fn abbreviation(i: &str) -> Res<'_, &str> {
    recognize((satisfy(char::is_uppercase), char('.'), take_while(|c: char| c.is_alphabetic() || c == '.')))
        .parse_complete(i)
}

/// `June 16`, `Nov. 7 , 2005`, `Dec 1 , 2006, 2006`, `10 juil 2024`,
/// `December 26.`, `29th November, 2015`, `March 6th`, `26. travnja`,
/// `Monday, June 5`.
pub(crate) fn date(i: &str) -> Res<'_, (u32, u32, Option<i32>, &str)> {
    if !may_open_date(i.as_bytes()) {
        return Err(rejected());
    }
    // A weekday before the date is read and left out of the date printed.
    let i = match i.as_bytes().first() {
        Some(b'M' | b'T' | b'W' | b'F' | b'S' | b'm' | b't' | b'w' | b'f' | b's') => weekday(i).map_or(i, |(r, _)| r),
        _ => i,
    };
    // The month's number, looked up once.
    let month_word = month_word;
    // A day, with an ordinal suffix ("29th") or, day first, a full stop ("26.").
    let day = day_of_month;
    let day_first = |i| (day, opt(char('.'))).map(|(d, _)| d).parse_complete(i);
    let (rest, (month, d)) =
        alt(((month_word, preceded(space1, day)), (day_first, preceded(space1, month_word)).map(|(d, m)| (m, d))))
            .parse_complete(i)?;
    let day: u32 = d.trim_end_matches(char::is_alphabetic).parse().unwrap_or(0);
    if !(1..=31).contains(&day) {
        return Err(rejected());
    }
    // "March 6th": a letter may not follow the day ("6the").
    if rest.starts_with(char::is_alphanumeric) {
        return Err(rejected());
    }
    let year4 = |i| verify(digit1, |y: &str| y.len() == 4).parse_complete(i);
    let (mut rest, year) = opt(preceded((opt((space0, char(','))), space1), year4)).parse_complete(rest)?;
    let printed = &i[..i.len() - rest.len()];
    // The TE3 copy doubles the year ("Dec 1 , 2006, 2006"): one year is printed.
    while let Ok((r, _)) = preceded((space0, char(','), space0), year4).parse_complete(rest) {
        rest = r;
    }
    // TASS closes the date with a full stop before its tag.
    let (rest, _) = opt(char('.')).parse_complete(rest)?;
    Ok((rest, (month, day, year.and_then(|y| y.parse().ok()), printed)))
}

/// A day of the month as printed: one or two digits, with an ordinal's
/// suffix (`6`, `16`, `29th`), read by bytes.
fn day_of_month(i: &str) -> Res<'_, &str> {
    let b = i.as_bytes();
    let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&n) {
        return Err(rejected());
    }
    let end = match b.get(n..n + 2) {
        Some(b"st" | b"nd" | b"rd" | b"th") => n + 2,
        _ => n,
    };
    Ok((&i[end..], &i[..end]))
}

/// A month's name (`June`, `Sept.`, `juil`, `décembre`) and its number,
/// read by bytes while they are ASCII.
fn month_word(i: &str) -> Res<'_, u32> {
    match ascii_run(i.as_bytes(), 0, |c| c.is_ascii_alphabetic() || c == b'.') {
        Some(0) => Err(rejected()),
        Some(n) => month_number(&i[..n]).map(|m| (&i[n..], m)).ok_or_else(rejected),
        None => map_opt(take_while1(|c: char| c.is_alphabetic() || c == '.'), month_number).parse_complete(i),
    }
}

/// Whether a date may open `b`, from its bytes: a day (a digit), or a word
/// of at most ten bytes (a month or a weekday) followed by blanks and a
/// digit, or by a comma (a weekday). Most words fail this without being
/// decoded.
fn may_open_date(b: &[u8]) -> bool {
    match b.first() {
        Some(c) if c.is_ascii_digit() => true,
        Some(_) => {
            // The word: ASCII letters and full stops, or any byte of a
            // character outside ASCII but a no-break space's (C2 A0, E2 80 AF).
            let blank_at = |k: usize| matches!(b[k..], [0xc2, 0xa0, ..] | [0xe2, 0x80, 0xaf, ..]);
            let n = (0..b.len())
                .find(|&k| !(b[k].is_ascii_alphabetic() || b[k] == b'.' || b[k] >= 0x80 && !blank_at(k)))
                .unwrap_or(b.len());
            if n == 0 || n > 10 {
                return false;
            }
            let mut k = n;
            while k < b.len() && (matches!(b[k], b' ' | b'\t' | b'\n' | b'\r') || blank_at(k)) {
                k += if b[k] < 0x80 {
                    1
                } else if b[k] == 0xc2 {
                    2
                } else {
                    3
                };
            }
            let blanks = k > n;
            b.get(n) == Some(&b',')
                || blanks && b.get(k).is_some_and(u8::is_ascii_digit)
                || blanks && is_weekday(std::str::from_utf8(&b[..n]).unwrap_or(""))
        }
        None => false,
    }
}

/// Whether `w` names a day of the week, in full, any case.
fn is_weekday(w: &str) -> bool {
    const DAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    // Most words are turned away on their length or first letter.
    let opens = w.as_bytes().first().is_some_and(|b| b"MTWFSmtwfs".contains(b));
    opens && (6..=9).contains(&w.len()) && DAYS.iter().any(|d| d.eq_ignore_ascii_case(w))
}

/// `Monday, ` or `Monday ` before a date.
fn weekday(i: &str) -> Res<'_, &str> {
    let n = i.bytes().take_while(u8::is_ascii_alphabetic).count();
    let (w, rest) = i.split_at(n);
    if !is_weekday(w) {
        return Err(rejected());
    }
    let (rest, _) = (opt(char(',')), space1).parse_complete(rest)?;
    Ok((rest, w))
}

/// `(Reuters)`, `(AP/dpa)`, ` /TASS/`: zero or more agency tags.
pub(crate) fn tags(i: &str) -> Res<'_, Vec<(&str, &str)>> {
    let mut out = Vec::new();
    let mut rest = i;
    while let Ok((r, t)) = tag_after_blanks(rest) {
        let inner = &t[1..t.len() - 1];
        for n in inner.split('/').map(str::trim).filter(|n| !n.is_empty()) {
            // "NNN-BERNAMA": two agencies joined by a hyphen ("ITAR-TASS" is one).
            if n.contains('-') && crate::Agency::known(n).is_none() && is_joined_pair(n) {
                out.extend(n.split('-').map(|part| (t, part)));
            } else {
                out.push((t, n));
            }
        }
        rest = r;
    }
    Ok((rest, out))
}

/// `NNN-BERNAMA`, `NNN-MENA`, `NNN-Xinhua`: names joined by hyphens, each
/// in capitals (two letters or more) or a known agency's.
fn is_joined_pair(n: &str) -> bool {
    let part =
        |p: &str| p.len() >= 2 && (p.bytes().all(|b| b.is_ascii_uppercase()) || crate::Agency::known(p).is_some());
    n.contains('-') && n.split('-').all(part)
}

/// One tag after blanks: its opening character picks the parser.
fn tag_after_blanks(i: &str) -> Res<'_, &str> {
    let (i, _) = space0(i)?;
    match i.as_bytes().first() {
        Some(b'(') => paren_tag(i),
        Some(b'/') => slash_tag(i),
        _ => Err(rejected()),
    }
}

fn paren_tag(i: &str) -> Res<'_, &str> {
    // Read by bytes while the name is ASCII (most are).
    let b = i.as_bytes();
    let ok = |c: u8| c.is_ascii_alphabetic() || matches!(c, b' ' | b'-' | b'/' | b'.' | b'&');
    if b.first() == Some(&b'(') {
        if let Some(n) = ascii_run(b, 1, ok) {
            let name = &b[1..n];
            if name.is_empty() || name.len() > 40 || !name[0].is_ascii_alphabetic() || b.get(n) != Some(&b')') {
                return Err(rejected());
            }
            return Ok((&i[n + 1..], &i[..=n]));
        }
    }
    let name = |c: char| c.is_alphabetic() || matches!(c, ' ' | '-' | '/' | '.' | '&');
    recognize((
        char('('),
        verify(take_while1(name), |s: &str| s.len() <= 40 && s.starts_with(char::is_alphabetic)),
        char(')'),
    ))
    .parse_complete(i)
}

fn slash_tag(i: &str) -> Res<'_, &str> {
    recognize((char('/'), take_while1(|c: char| c.is_alphabetic() || c == '-'), char('/'))).parse_complete(i)
}

/// `-`, `--`, `---`, `—`, `–`, `_`, `|`, `:`, or TASS's `.`, followed by
/// white space or the end; a long dash may touch the text (`(AP)--Text`),
/// and so may a hyphen after a blank before a capital (`(Reuters) -The`).
pub(crate) fn separator(i: &str) -> Res<'_, &str> {
    let (i, blanks) = space0(i)?;
    // The first byte picks the candidates.
    let (rest, sep) = match i.as_bytes().first() {
        Some(b'-') => alt((tag("---"), tag("--"), tag("-"))).parse_complete(i)?,
        Some(0xe2) => alt((tag("—"), tag("–"))).parse_complete(i)?,
        Some(b'_') => tag("_").parse_complete(i)?,
        Some(b'.') => tag(".").parse_complete(i)?,
        Some(b':') => tag(":").parse_complete(i)?,
        Some(b'|') if !blanks.is_empty() => tag("|").parse_complete(i)?,
        _ => return Err(rejected()),
    };
    let glued = matches!(sep, "--" | "---" | "—" | "–")
        || sep == "-" && !blanks.is_empty() && rest.starts_with(|c: char| c.is_uppercase());
    if rest.is_empty() || rest.starts_with(char::is_whitespace) || glued { Ok((rest, sep)) } else { Err(rejected()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Parsed<'a> = (String, Option<(u32, u32, Option<i32>)>, Vec<&'a str>, Option<&'a str>);

    fn parsed(s: &str) -> Parsed<'_> {
        let d = dateline(s).unwrap_or_else(|| panic!("no dateline in {s:?}"));
        (
            d.place.map(|p| p.text.to_owned()).unwrap_or_default(),
            d.date.map(|(m, d, y, _)| (m, d, y)),
            d.tags.iter().map(|t| t.1).collect(),
            d.sep,
        )
    }

    #[test]
    fn agency_styles() {
        assert_eq!(
            parsed("MOSCOW, June 16. /TASS/. Russia"),
            ("MOSCOW".into(), Some((6, 16, None)), vec!["TASS"], Some("."))
        );
        assert_eq!(parsed("LUGA /Leningrad Region/, May 3. /TASS/. Russia").0, "LUGA /Leningrad Region/");
        assert_eq!(parsed("KAESONG, North Korea (AP) _ Text").0, "KAESONG, North Korea");
        assert_eq!(
            parsed("COMMACK, N.Y., Feb 26 - Text"),
            ("COMMACK, N.Y.".into(), Some((2, 26, None)), vec![], Some("-"))
        );
        assert_eq!(parsed("WASHINGTON/LONDON (Reuters) - Text").0, "WASHINGTON/LONDON");
        assert_eq!(
            parsed("Pyongyang, August 29 (KCNA) -- Text"),
            ("Pyongyang".into(), Some((8, 29, None)), vec!["KCNA"], Some("--"))
        );
        assert_eq!(
            parsed("BEIJING, Nov. 7 , 2005 (Xinhua)\n"),
            ("BEIJING".into(), Some((11, 7, Some(2005))), vec!["Xinhua"], None)
        );
        assert_eq!(parsed("TOKYO, Dec 4 , 2006, 2006\n"), ("TOKYO".into(), Some((12, 4, Some(2006))), vec![], None));
        assert_eq!(parsed("(CNN) -- Text"), (String::new(), None, vec!["CNN"], Some("--")));
        assert_eq!(parsed("AP - A company"), (String::new(), None, vec!["AP"], Some("-")));
        assert_eq!(parsed("Jan 3 (Reuters) - Text"), (String::new(), Some((1, 3, None)), vec!["Reuters"], Some("-")));
        assert_eq!(parsed("San Diego (tca/dpa) - History").2, vec!["tca", "dpa"]);
        assert_eq!(
            parsed("Strasbourg, 10 juil 2024 (AFP)\n"),
            ("Strasbourg".into(), Some((7, 10, Some(2024))), vec!["AFP"], None)
        );
        assert_eq!(parsed("HAVANA (AP)--Text").3, Some("--"));
        assert_eq!(parsed("WASHINGTON _ Text"), ("WASHINGTON".into(), None, vec![], Some("_")));
        assert_eq!(parsed("NAIROBI, Kenya (AP) — Text").3, Some("—"));
        assert_eq!(parsed("PORTLAND, Ore., March 2 - Text").0, "PORTLAND, Ore.");
        assert_eq!(parsed("ABOARD AIR FORCE ONE (AP) -- Text").0, "ABOARD AIR FORCE ONE");
        assert_eq!(parsed("BELEM, FEb 26 - Rain").1, Some((2, 26, None)));
        assert_eq!(parsed("IPOH, April 9 , 1998 (AFP)").1, Some((4, 9, Some(1998))));
    }

    #[test]
    fn source_label_before_the_dateline() {
        let d = dateline("Canadian Press - NANAIMO, B.C. (CP) - The").unwrap();
        assert_eq!(d.label, Some("Canadian Press"));
        assert_eq!(d.place.unwrap().text, "NANAIMO, B.C.");
        assert_eq!(d.text, "Canadian Press - NANAIMO, B.C. (CP) -");
    }

    proptest::proptest! {
        /// The test [`dateline`] makes before [`full`] turns nothing away
        /// that `full` would accept.
        #[test]
        fn full_needs_capitals_a_date_a_tag_or_a_dash(
            s in "(MOSCOW|Pyongyang|SAN DIEGO|Jan 3|10 juil 2024|\\(AP\\)|é|É|The|Bonn|Roma|Kota Baru|New Delhi|St. Louis|[A-Z][a-zA-Z]{0,3})((, ?|\\. )?(North Korea|N.Y.|Nov. 7|June 16|2005|É|IRNA|3rd May))?( ?\\((Reuters|AP|tca/dpa|x|PL)\\)| /TASS/)?( {0,2}(--|---|-|_|\\.|—|:|\\|))?( [a-zA-Z]+| [A-Z][a-z]+ [a-z]+ [a-z]+ [a-z]+ [a-z]+)?"
        ) {
            if full(&s).is_ok() {
                proptest::prop_assert!(may_be_full(&s), "{s:?}");
            }
        }
    }

    proptest::proptest! {
        /// The byte readers of words agree with the character readers
        /// wherever they give an answer.
        #[test]
        fn ascii_words_match_the_char_readers(s in "[A-Za-z.'&’É é0-9/-]{0,12}") {
            if let Some(fast) = ascii_caps_word(&s) {
                proptest::prop_assert_eq!(fast, caps_word_chars(&s), "{:?}", s);
            }
            if let Some(fast) = ascii_title_word(&s) {
                proptest::prop_assert_eq!(fast, title_word_chars(&s), "{:?}", s);
            }
        }
    }

    proptest::proptest! {
        /// The byte reader of blanks agrees with the character one.
        #[test]
        fn blanks_read_by_bytes_as_by_chars(s in "[ \t\n\r\u{a0}\u{202f}\u{2009}a\u{e2}]{0,8}") {
            let by_chars: Res<'_, &str> = take_while(is_blank).parse_complete(s.as_str());
            proptest::prop_assert_eq!(space0(&s), by_chars);
        }

        /// The byte test before a sure dateline turns none away.
        #[test]
        fn may_be_sure_lets_every_sure_dateline_through(
            s in "(AP|Reuters|TEHRAN|Laksamana.Net|MOSCOW|Rome|\\(ANSA\\))(, (IRNA|June 16|Kenya))?( \\((AP|x)\\)| /TASS/)?( ?(--|-|:|\\.))?( [A-Za-z]+)?"
        ) {
            if dateline(&s).is_some_and(|d| d.is_sure()) {
                proptest::prop_assert!(may_be_sure(&s), "{:?}", s);
            }
        }
    }

    proptest::proptest! {
        /// The byte test before the glued scan turns no start away.
        #[test]
        fn may_glue_lets_every_glued_dateline_through(s in "[a-z (/A-Z]{0,6}(KYIV|Oslo|\\(CHICAGO\\)|ROME)(, Jan 2)?( \\(AAP\\))?( -)? [A-Za-z]{0,3}") {
            if glued(&s).is_some() {
                proptest::prop_assert!(may_glue(&s.as_bytes()[..s.len().min(GLUED_WITHIN)]), "{:?}", s);
            }
        }
    }

    proptest::proptest! {
        /// The byte reader of a tag in brackets agrees with the character one.
        #[test]
        fn paren_tags_read_by_bytes_as_by_chars(s in "\\(?[A-Za-zé /&.-]{0,6}\\)?[ a]{0,2}") {
            let name = |c: char| c.is_alphabetic() || matches!(c, ' ' | '-' | '/' | '.' | '&');
            let by_chars: Res<'_, &str> = recognize((
                char('('),
                verify(take_while1(name), |s: &str| s.len() <= 40 && s.starts_with(char::is_alphabetic)),
                char(')'),
            ))
            .parse_complete(s.as_str());
            proptest::prop_assert_eq!(paren_tag(&s), by_chars);
        }
    }

    #[test]
    fn date_and_tag_bytes() {
        for s in ["x/", "(", "0", "9", "a long line with no such byte until here: 7"] {
            assert!(has_date_or_tag_byte(s.as_bytes()), "{s:?}");
        }
        for s in ["", "Russia calls for peace", ".-:)", "é"] {
            assert!(!has_date_or_tag_byte(s.as_bytes()), "{s:?}");
        }
    }

    #[test]
    fn forms_of_agencies_new_to_the_grammar() {
        type Case<'a> = (&'a str, &'a str, Option<(u32, u32, Option<i32>)>, &'a [&'a str], Option<&'a str>);
        let cases: &[Case<'_>] = &[
            ("KUALA LUMPUR (Bernama): The", "KUALA LUMPUR", None, &["Bernama"], Some(":")),
            ("LAHORE, August 5, 2023 (APP): The", "LAHORE", Some((8, 5, Some(2023))), &["APP"], Some(":")),
            ("VOLGOGRAD, October 2. /TASS/: The", "VOLGOGRAD", Some((10, 2, None)), &["TASS"], Some(":")),
            ("SURAT, Jan 4: The", "SURAT", Some((1, 4, None)), &[], Some(":")),
            ("Pune, Feb 3 : The", "Pune", Some((2, 3, None)), &[], Some(":")),
            ("Camaguey, Mar 6 (Prensa Latina) Local", "Camaguey", Some((3, 6, None)), &["Prensa Latina"], None),
            ("Santiago, May 2 (PL) The", "Santiago", Some((5, 2, None)), &["PL"], None),
            ("Chennai, Dec 9 (PTI) Arun", "Chennai", Some((12, 9, None)), &["PTI"], None),
            // Bay City News: a lone dateline on its line, or run into the story.
            ("SAN MATEO (BCN)\nFire crews said", "SAN MATEO", None, &["BCN"], None),
            ("SAN MATEO (BCN) Fire crews said", "SAN MATEO", None, &["BCN"], None),
            ("LIMA, March 6th (EFE) The", "LIMA", Some((3, 6, None)), &["EFE"], None),
            ("GOMEL. July 26 (Interfax) - The", "GOMEL", Some((7, 26, None)), &["Interfax"], Some("-")),
            ("Tashkent. (Interfax) - The", "Tashkent", None, &["Interfax"], Some("-")),
            ("Sharjah, 3rd December, 2019 (WAM) -- The", "Sharjah", Some((12, 3, Some(2019))), &["WAM"], Some("--")),
            ("ISFAHAN, IRNA -- The", "ISFAHAN", None, &["IRNA"], Some("--")),
            ("BUSAN, Sept. 2 (Yonhap) -- The", "BUSAN", Some((9, 2, None)), &["Yonhap"], Some("--")),
            ("SURABAYA (ANTARA) - The", "SURABAYA", None, &["ANTARA"], Some("-")),
            ("OSAKA (Kyodo) -- The", "OSAKA", None, &["Kyodo"], Some("--")),
            ("PERTH, Jan 2 (AAP) - The", "PERTH", Some((1, 2, None)), &["AAP"], Some("-")),
            ("IZMIR (AA) - The", "IZMIR", None, &["AA"], Some("-")),
            ("SPLIT, 3. svibnja (Hina) - The", "SPLIT", Some((5, 3, None)), &["Hina"], Some("-")),
            ("Valencia, 4 abril (EFE) - El", "Valencia", Some((4, 4, None)), &["EFE"], Some("-")),
            ("Milano, 7 luglio (ANSA) - Il", "Milano", Some((7, 7, None)), &["ANSA"], Some("-")),
            ("BERLIN (Reuters) -The", "BERLIN", None, &["Reuters"], Some("-")),
            ("SEOUL, Oct 1 (Yonhap) ---The", "SEOUL", Some((10, 1, None)), &["Yonhap"], Some("---")),
            ("HOBART, Australia - The", "HOBART, Australia", None, &[], Some("-")),
            ("Bonn - Officials", "Bonn", None, &[], Some("-")),
            ("Leeds, England - Police", "Leeds, England", None, &[], Some("-")),
            ("MARCH 3 --The", "", Some((3, 3, None)), &[], Some("--")),
            ("APRIL 9  -The", "", Some((4, 9, None)), &[], Some("-")),
            ("KOTA KINABALU, — The", "KOTA KINABALU", None, &[], Some("—")),
            ("PARIS, July 24 French", "PARIS", Some((7, 24, None)), &[], None),
            ("BOSTON Aug 23 Shares", "BOSTON", Some((8, 23, None)), &[], None),
            ("Lima, April 19. The", "Lima", Some((4, 19, None)), &[], None),
            ("BANGKOK, Monday, June 5 (AFP) - The", "BANGKOK", Some((6, 5, None)), &["AFP"], Some("-")),
            ("SKOPJE, June 25 (NNN-MIA) — The", "SKOPJE", Some((6, 25, None)), &["NNN", "MIA"], Some("—")),
            ("HANOI, June 2 (NNN-Xinhua) — The", "HANOI", Some((6, 2, None)), &["NNN", "Xinhua"], Some("—")),
            ("Il Cairo (Egitto), 3 mag. (LaPresse) – Il", "", None, &[], None),
            ("(CHICAGO) -- The", "CHICAGO", None, &[], Some("--")),
            ("(ANSA) - Milano, August 7 - The", "Milano", Some((8, 7, None)), &["ANSA"], Some("-")),
            ("Kozhikode | The", "Kozhikode", None, &[], Some("|")),
            ("Jakarta.Post - The", "", None, &["Jakarta.Post"], Some("-")),
            ("Dec. 21 (Bloomberg) -- The", "", Some((12, 21, None)), &["Bloomberg"], Some("--")),
            // A place of two words in title case, told by a word of places,
            // before a sentence.
            ("Kota Baru - Malaysian police seized about two tonnes", "Kota Baru", None, &[], Some("-")),
            ("Port Louis – The island's government said on", "Port Louis", None, &[], Some("–")),
            ("Santa Cruz -- Bolivian miners marched on the", "Santa Cruz", None, &[], Some("--")),
            ("New Delhi: Prime Minister Anna Rao, in her first", "New Delhi", None, &[], Some(":")),
            ("Panama City: Officials said on Friday that", "Panama City", None, &[], Some(":")),
            // One word, a full stop, a sentence.
            ("Lisboa. O governo decidiu ontem que", "Lisboa", None, &[], Some(".")),
            ("Napoli. Il sindaco ha detto che", "Napoli", None, &[], Some(".")),
        ];
        for &(s, place, date, tags, sep) in cases {
            if place.is_empty() && date.is_none() && tags.is_empty() {
                continue; // forms left out, kept here as a record
            }
            assert_eq!(parsed(s), (place.to_owned(), date, tags.to_vec(), sep), "{s:?}");
        }
    }

    #[test]
    fn ordinary_sentences_stay_sentences() {
        for s in [
            "On Monday, June 5 President Lee said",
            "In Paris, May 3 was a holiday",
            "Analysis: why the talks failed",
            "Breaking News: fire in the port",
            "John Smith - Reuters",
            "Wilcox/Gibbs - New York",
            "IN CALGARY STORY OF FEB 27 HEADLINED",
            "Last year, June 5. The",
            "He told (Reuters) - no",
            "The firm (XYZ) - said",
            "NEW YORK TIMES said on",
            "Officials in Seoul, Jan 5 (Yonhap) said",
            "Prices rose 5 percent - The",
            "Smith, 45, - The",
            "(MORE) -- text",
            "May 5 was a Monday",
            "Example.com said",
            "Mr. Smith - The",
            // Two capitalised words alone before a dash or colon are a name
            // or a label unless a word tells a place and a sentence follows.
            "John Smith - The singer said on Friday that",
            "Anna Berg: The minister said on Friday that",
            "New York - Reuters",
            "New Rules: What",
            "Breaking News: fire in the port was put out",
            "NEW APPROACH: A study says that removing",
            "Kota Baru - Reuters",
            // A word before a full stop that is no place.
            "Calif. Gov. Anna Berg said on Friday that",
            "Sept. The talks went on and on",
            "Monday. The talks went on and on",
            "Meanwhile. The talks went on and on",
            "Minister. The talks went on and on",
            "Roma. Fine",
            "Dr. Anna Berg said on Friday that",
        ] {
            assert!(dateline(s).is_none(), "{s:?}: {:?}", dateline(s));
        }
    }

    #[test]
    fn glued_datelines_ask_for_more() {
        let (at, d) = glued("AP Photo/Jane DoeBRISBANE, Jan 2 (AAP) - The").unwrap();
        assert_eq!((at, d.place.unwrap().text), (17, "BRISBANE"));
        let (at, d) = glued("Getty Images(CHICAGO) -- The").unwrap();
        assert_eq!((at, d.place.unwrap().text), (12, "CHICAGO"));
        let (at, _) = glued("By Ana Lim MANILA, June 25 (NNN-PNA) — The").unwrap();
        assert_eq!(at, 11);
        for s in [
            "The minister said in Seoul, Jan 5 (Yonhap) that",
            "Officials met in BERLIN - The",
            "He visited Tokyo (Kyodo) -- and",
            "StockPhoto/Thinkstock(Reuters) said",
        ] {
            assert!(glued(s).is_none(), "{s:?}");
        }
    }

    #[test]
    fn a_first_word_past_the_dash_window_then_a_comma() {
        // Found by the `grammar` fuzz target: a slice past its end.
        let s = format!("By U{}), R ", "d".repeat(70));
        assert!(dateline(&s).is_none());
        assert!(!title_dash_shape(format!("A{}, B - C", "b".repeat(80)).as_bytes()));
    }

    #[test]
    fn dates_after_no_break_spaces() {
        for s in ["June\u{a0}16", "June \u{202f}16", "Monday,\u{a0}June 5", "16\u{a0}June", "juillet 4"] {
            assert!(may_open_date(s.as_bytes()), "{s:?}");
            assert!(date(s).is_ok(), "{s:?}");
        }
        for s in ["Junebug 16", "June", "Statement: 16", "Ju\u{a0}ne"] {
            assert!(date(s).is_err(), "{s:?}");
        }
    }

    proptest::proptest! {
        /// The byte test before [`date`] turns nothing away that it reads.
        #[test]
        fn may_open_date_lets_every_date_through(s in "(Monday,? ?)?(June|Sept\\.|juil|décembre|travnja|x|3rd|16)[ \u{a0}\u{202f},.]{0,2}(16|June|4th|2015)?.{0,3}") {
            if date(&s).is_ok() {
                proptest::prop_assert!(may_open_date(s.as_bytes()), "{:?}", s);
            }
        }
    }

    #[test]
    fn sentences_are_not_datelines() {
        for s in [
            "The president said (AFP) news",
            "Russia calls for peace",
            "IN BRIEF: Putin talks",
            "NATO said",
            "Mr Smith, who",
            "UNITED NATIONS",
        ] {
            assert!(dateline(s).is_none(), "{s:?}");
        }
    }
}
