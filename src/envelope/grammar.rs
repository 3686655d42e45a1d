//! nom grammar for envelope header lines and trailers.
//!
//! Every parser is generic over nom's error type, reads one line without its
//! line ending, and is public so that it can be reused on its own:
//!
//! ```
//! use nom::error::Error;
//! use wirecopy::envelope::grammar::{anpa_id_line, iptc_trailer};
//!
//! let (_, id) = anpa_id_line::<Error<&str>>("W2870\u{1f}asian").unwrap();
//! assert_eq!((id.service_level, id.story_number, id.selector), ("W", "2870", "asian"));
//! let (_, t) = iptc_trailer::<Error<&str>>("071341 GMT Okt 15").unwrap();
//! assert_eq!((t.day, t.month, t.year, t.zone), (7, 10, 2015, Some("GMT")));
//! ```

use nom::branch::alt;
use nom::bytes::complete::{tag, take_till, take_while, take_while_m_n, take_while1};
use nom::character::complete::{char, space0, space1};
use nom::combinator::{eof, map, map_opt, opt, recognize, rest, verify};
use nom::error::ParseError;
use nom::sequence::preceded;
use nom::{IResult, Parser};

/// ANPA header line 1: service level, story number, any extra field, selector.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct AnpaIdLine<'a> {
    /// Service-level designator, one letter.
    pub service_level: &'a str,
    /// Story number, four digits.
    pub story_number: &'a str,
    /// Whatever sits between the story number and US (UPI's extra field).
    pub extra: &'a str,
    /// Selector code after US, as transmitted.
    pub selector: &'a str,
}

/// ANPA header line 2, fields as transmitted (`None` for an empty slot).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct AnpaInfoLine<'a> {
    /// Priority letter.
    pub priority: &'a str,
    /// Category letter.
    pub category: &'a str,
    /// Format identifier: two control characters.
    pub format_id: &'a str,
    /// Keyword (slug), at most 24 characters.
    pub keyword: &'a str,
    /// Version slot (`1stLd-Writethru`, `Adv30-01`).
    pub version: Option<&'a str>,
    /// Reference slot.
    pub reference: Option<&'a str>,
    /// Date, `MM-DD`.
    pub date: &'a str,
    /// Word count, up to four digits.
    pub word_count: Option<&'a str>,
}

/// IPTC 7901 header line, fields as transmitted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct IptcLine<'a> {
    /// Source identifier, 1 to 3 letters.
    pub source: &'a str,
    /// Message number, 3 or 4 digits.
    pub number: &'a str,
    /// Priority digit.
    pub priority: &'a str,
    /// Category, 1 to 3 letters.
    pub category: &'a str,
    /// Word count, 1 to 4 digits.
    pub word_count: &'a str,
    /// Everything after the space that follows the word count.
    pub optional: Option<&'a str>,
}

/// An AP trailer: `AP-WF-08-29-16 1626GMT`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ApTrailer<'a> {
    /// Agency and desk: `AP-WF`.
    pub desk: &'a str,
    /// Month, 1 to 12.
    pub month: u32,
    /// Day, 1 to 31.
    pub day: u32,
    /// Four-digit year (two-digit years below 70 are 20xx).
    pub year: i32,
    /// Hour.
    pub hour: u32,
    /// Minute.
    pub minute: u32,
    /// Time zone as printed.
    pub zone: Option<&'a str>,
}

/// An IPTC 7901 trailer: `131137 GMT Nov 13`, `050932 sep 14EDT`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct IptcTrailer<'a> {
    /// Day of the month.
    pub day: u32,
    /// Hour.
    pub hour: u32,
    /// Minute.
    pub minute: u32,
    /// Month, 1 to 12 (English or German name).
    pub month: u32,
    /// Four-digit year.
    pub year: i32,
    /// Time zone as printed, before the month or after the year.
    pub zone: Option<&'a str>,
}

fn digits<'a, E: ParseError<&'a str>>(n: usize) -> impl Parser<&'a str, Output = &'a str, Error = E> {
    take_while_m_n(n, n, |c: char| c.is_ascii_digit())
}

fn number<'a, E: ParseError<&'a str>>(n: usize) -> impl Parser<&'a str, Output = u32, Error = E> {
    map(digits(n), |s: &str| s.bytes().fold(0u32, |a, b| a * 10 + u32::from(b - b'0')))
}

/// A two-digit year: below 70 is 20xx, else 19xx.
#[must_use]
pub fn century(yy: u32) -> i32 {
    let yy = i32::try_from(yy).unwrap_or(0);
    if yy < 70 { 2000 + yy } else { 1900 + yy }
}

/// A month name in English or German, any case, full or cut to three
/// letters (`Nov`, `sep`, `Okt`, `Mrz`, `März`, `Dezember`).
pub fn month_name<'a, E: ParseError<&'a str>>(i: &'a str) -> IResult<&'a str, u32, E> {
    map_opt(take_while1(char::is_alphabetic), month_of).parse(i)
}

/// The month a word names, if any.
#[must_use]
pub fn month_of(word: &str) -> Option<u32> {
    let lower = word.to_lowercase();
    let n = lower.chars().count();
    if !(3..=9).contains(&n) {
        return None;
    }
    const NAMES: [(&str, &str, &str, u32); 12] = [
        ("jan", "january", "januar", 1),
        ("feb", "february", "februar", 2),
        ("mar", "march", "märz", 3),
        ("apr", "april", "april", 4),
        ("may", "may", "mai", 5),
        ("jun", "june", "juni", 6),
        ("jul", "july", "juli", 7),
        ("aug", "august", "august", 8),
        ("sep", "september", "september", 9),
        ("oct", "october", "oktober", 10),
        ("nov", "november", "november", 11),
        ("dec", "december", "dezember", 12),
    ];
    let short = |s: &str| s.chars().take(3).collect::<String>();
    NAMES.iter().find_map(|&(abbr, en, de, m)| {
        let hit = lower == en
            || lower == de
            || (n == 3 && (lower == abbr || lower == short(de)))
            || (n == 4 && (en.starts_with(&lower) || de.starts_with(&lower)))
            || (m == 3 && (lower == "mrz" || lower == "mär"))
            || (m == 10 && lower == "okt")
            || (m == 12 && lower == "dez");
        hit.then_some(m)
    })
}

/// ANPA header line 1 (after SOH): `W2870<US>asian`.
pub fn anpa_id_line<'a, E: ParseError<&'a str>>(i: &'a str) -> IResult<&'a str, AnpaIdLine<'a>, E> {
    let (i, service_level) = take_while_m_n(1, 1, |c: char| c.is_ascii_alphanumeric()).parse(i)?;
    let (i, story_number) = digits(4).parse(i)?;
    let (i, extra) = take_till(|c| c == '\x1f' || c == '\n').parse(i)?;
    let (i, _) = char('\x1f').parse(i)?;
    let (i, selector) = map(rest, |s: &str| s.trim_end_matches(['\r', ' '])).parse(i)?;
    Ok((i, AnpaIdLine { service_level, story_number, extra, selector }))
}

fn slot<'a, E: ParseError<&'a str>>(i: &'a str) -> IResult<&'a str, Option<&'a str>, E> {
    alt((map(verify(take_while1(|c: char| c != ' '), |s: &str| !is_month_day(s)), Some), map(char(' '), |_| None)))
        .parse(i)
}

fn is_month_day(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 5 && b[2] == b'-' && b[..2].iter().chain(&b[3..]).all(u8::is_ascii_digit)
}

fn month_day<'a, E: ParseError<&'a str>>(i: &'a str) -> IResult<&'a str, &'a str, E> {
    recognize((digits(2), char('-'), digits(2))).parse(i)
}

fn line_end<'a, E: ParseError<&'a str>>(i: &'a str) -> IResult<&'a str, (), E> {
    map((take_while(|c| c == ' ' || c == '\r'), eof), |_| ()).parse(i)
}

/// ANPA header line 2: `f l<DC3><DC1> BC-LT--Argentina-CancerB     11-13 1049`.
///
/// The keyword is followed by the version and reference slots, each one
/// space when empty; a slot that is not in its place is still found (the
/// filled fields before the date, in order).
pub fn anpa_info_line<'a, E: ParseError<&'a str>>(i: &'a str) -> IResult<&'a str, AnpaInfoLine<'a>, E> {
    let (i, priority) = take_while_m_n(1, 1, |c: char| c.is_ascii_alphanumeric()).parse(i)?;
    let (i, _) = char(' ').parse(i)?;
    let (i, category) = take_while_m_n(1, 1, |c: char| !c.is_control() && c != ' ').parse(i)?;
    let (i, format_id) = take_while_m_n(2, 2, |c: char| c.is_control() && c != '\r' && c != '\n').parse(i)?;
    let (i, _) = char(' ').parse(i)?;
    let (i, keyword) = take_while1(|c: char| c != ' ').parse(i)?;
    let strict =
        (char(' '), slot, char(' '), slot, char(' '), month_day, opt(preceded(char(' '), digits_up_to_4)), line_end);
    let lenient = (
        opt(preceded(space1, verify(take_while1(|c: char| c != ' '), |s: &str| !is_month_day(s)))),
        opt(preceded(space1, verify(take_while1(|c: char| c != ' '), |s: &str| !is_month_day(s)))),
        preceded(space1, month_day),
        opt(preceded(char(' '), digits_up_to_4)),
        line_end,
    );
    let (i, (version, reference, date, word_count)) =
        alt((map(strict, |(_, v, _, r, _, d, w, _)| (v, r, d, w)), map(lenient, |(v, r, d, w, _)| (v, r, d, w))))
            .parse(i)?;
    Ok((i, AnpaInfoLine { priority, category, format_id, keyword, version, reference, date, word_count }))
}

fn digits_up_to_4<'a, E: ParseError<&'a str>>(i: &'a str) -> IResult<&'a str, &'a str, E> {
    take_while_m_n(1, 4, |c: char| c.is_ascii_digit()).parse(i)
}

/// IPTC 7901 header line (after SOH): `eca062 4 i 211 ccccb   dpa 061`.
pub fn iptc_line<'a, E: ParseError<&'a str>>(i: &'a str) -> IResult<&'a str, IptcLine<'a>, E> {
    let (i, source) = take_while_m_n(1, 3, |c: char| c.is_ascii_alphabetic()).parse(i)?;
    let (i, number) = take_while_m_n(3, 4, |c: char| c.is_ascii_digit()).parse(i)?;
    let (i, _) = char(' ').parse(i)?;
    let (i, priority) = take_while_m_n(1, 1, |c: char| c.is_ascii_digit()).parse(i)?;
    let (i, _) = char(' ').parse(i)?;
    let (i, category) = take_while_m_n(1, 3, |c: char| c.is_ascii_alphabetic()).parse(i)?;
    let (i, _) = char(' ').parse(i)?;
    let (i, word_count) = digits_up_to_4.parse(i)?;
    let (i, optional) = alt((
        map(line_end, |()| None),
        map(preceded(char(' '), rest), |s: &str| {
            let s = s.trim_end_matches('\r');
            (!s.trim().is_empty()).then_some(s)
        }),
    ))
    .parse(i)?;
    Ok((i, IptcLine { source, number, priority, category, word_count, optional }))
}

fn zone<'a, E: ParseError<&'a str>>(i: &'a str) -> IResult<&'a str, &'a str, E> {
    verify(take_while1(char::is_alphabetic), |z: &str| {
        z.len() <= 5 && z.bytes().all(|b| b.is_ascii_uppercase()) && month_of(z).is_none()
    })
    .parse(i)
}

/// An AP trailer line: `AP-WF-08-29-16 1626GMT`, `AP-NY-04-28-94 1420EDT`
/// (a final `<` and spaces may follow).
pub fn ap_trailer<'a, E: ParseError<&'a str>>(i: &'a str) -> IResult<&'a str, ApTrailer<'a>, E> {
    let desk_part = take_while1(|c: char| c.is_ascii_alphanumeric());
    let (i, desk) = recognize((desk_part, char('-'), take_while1(|c: char| c.is_ascii_alphanumeric()))).parse(i)?;
    let (i, (_, month, _, day, _, yy)) = (char('-'), number(2), char('-'), number(2), char('-'), number(2)).parse(i)?;
    let (i, (_, hour, minute, zone)) = (space1, number(2), number(2), opt(zone)).parse(i)?;
    let (i, _) = (opt(tag("<")), space0, line_end).parse(i)?;
    Ok((i, ApTrailer { desk, month, day, year: century(yy), hour, minute, zone }))
}

/// An IPTC 7901 trailer line: `DDHHMM [zone] Mon YY[zone]`.
pub fn iptc_trailer<'a, E: ParseError<&'a str>>(i: &'a str) -> IResult<&'a str, IptcTrailer<'a>, E> {
    let (i, (day, hour, minute)) = (number(2), number(2), number(2)).parse(i)?;
    let (i, zone1) = opt(preceded(space1, zone)).parse(i)?;
    let (i, (_, month, _, yy)) = (space1, month_name, space1, number(2)).parse(i)?;
    let (i, zone2) = opt(preceded(space0, zone)).parse(i)?;
    let (i, _) = (opt(tag("<")), space0, line_end).parse(i)?;
    Ok((i, IptcTrailer { day, hour, minute, month, year: century(yy), zone: zone1.or(zone2) }))
}

#[cfg(test)]
mod tests {
    use super::*;
    type E<'a> = nom::error::Error<&'a str>;

    #[test]
    fn info_line_slots() {
        let (_, l) = anpa_info_line::<E>("u p\x13\x11 BC-XX--Harbour-FerryStri 2ndLd-Writethru   03-07 0412").unwrap();
        assert_eq!(
            (l.version, l.reference, l.date, l.word_count),
            (Some("2ndLd-Writethru"), None, "03-07", Some("0412"))
        );
        let (_, l) = anpa_info_line::<E>("r s\x14\x12 BC-KeyOnly     10-02 \r").unwrap();
        assert_eq!((l.version, l.reference, l.word_count), (None, None, None));
        let (_, l) = anpa_info_line::<E>("r s\x13\x11 bc-X   Ref9 10-02 0001").unwrap();
        assert_eq!((l.version, l.reference), (None, Some("Ref9")));
    }

    #[test]
    fn months() {
        for (w, m) in [("Okt", 10), ("sep", 9), ("Mrz", 3), ("März", 3), ("Dez", 12), ("Mai", 5), ("June", 6)] {
            assert_eq!(month_of(w), Some(m), "{w}");
        }
        assert_eq!(month_of("GMT"), None);
    }

    #[test]
    fn trailers() {
        let (_, t) = iptc_trailer::<E>("050932 sep 14EDT").unwrap();
        assert_eq!((t.day, t.hour, t.minute, t.month, t.year, t.zone), (5, 9, 32, 9, 2014, Some("EDT")));
        let (_, t) = iptc_trailer::<E>("211259 Nov 18").unwrap();
        assert_eq!(t.zone, None);
        let (_, t) = ap_trailer::<E>("AP-NY-04-28-94 1420EDT<").unwrap();
        assert_eq!((t.desk, t.year, t.month, t.day, t.zone), ("AP-NY", 1994, 4, 28, Some("EDT")));
    }
}
