//! The dateline grammar as composable [nom] parsers, for use inside your own.
//!
//! wirecopy reads a dateline with these parsers; so can a parser of your own
//! feed (a CMS export, an NITF body, a log of alerts), in its own
//! [nom] grammar:
//!
//! ```
//! use wirecopy::grammar;
//! use wirecopy::nom::{Parser, bytes::complete::tag, error::Error};
//!
//! let src = "Filed: MOSCOW, June 16. /TASS/. Russia calls for peace.";
//! let (rest, (_, d)) = (tag("Filed: "), grammar::dateline::<Error<&str>>(src)).parse(src)?;
//! assert_eq!(rest, " Russia calls for peace.");
//! assert_eq!(d.place.as_ref().unwrap().text, "MOSCOW");
//! assert_eq!(d.agencies[0].agency, wirecopy::Agency::Tass);
//! // Spans are offsets into `src`, the text your parser was given.
//! assert_eq!(d.span.slice(src), "MOSCOW, June 16. /TASS/.");
//! # Ok::<(), wirecopy::nom::Err<Error<&str>>>(())
//! ```
//!
//! # The parsers
//!
//! | parser | reads | gives |
//! |---|---|---|
//! | [`dateline`], [`dateline_with`] | `KAESONG, North Korea (AP) _` | [`Dateline`] |
//! | [`source_label`] | `Canadian Press` (before ` - OTTAWA (CP) -`) | [`Text`] |
//! | [`place`] | `IGORA /Leningrad Region/`, `PORTLAND, Ore.` | [`Place`] |
//! | [`date`] | `June 16`, `Nov. 7 , 2005`, `29th November, 2015`, `10 juil 2024` | [`DatelineDate`] |
//! | [`agency_tags`] | `(Reuters)`, ` /TASS/`, `(AP/dpa)` | [`Vec<AgencyTag>`](AgencyTag) |
//! | [`separator`] | ` -`, `--`, ` _`, `. `, `:` | [`Text`] |
//!
//! Once the dateline is done, the lines around the story, each read to the
//! end of its line (the line end is left to the caller):
//!
//! | parser | reads | gives |
//! |---|---|---|
//! | [`byline`] | `By WANJIRU KAMAU`, `By Ivan Petrov and Anna Smirnova, TASS` | [`Byline`] |
//! | [`credit_line`] | `Reporting by Ivan Petrov; Editing by Jan Smith` | [`Vec<Credit>`](Credit) |
//! | [`end_mark`] | `-0-`, `(END)`, `###`, `-30-`, `Enditem`, `Reuter` | [`Text`] |
//! | [`advisory`] | `BC-Korea-Talks,0450`, `Eds: Updates with quote`, `ATTENTION - ... ///`, `URGENT` | [`Text`] |
//!
//! The envelope grammar, in [`grammar::envelope`](envelope) (the same module
//! as [`crate::envelope::grammar`]): header lines and trailers of ANPA-1312
//! and IPTC 7901 messages, each a plain nom function over one line without
//! its line end, returning borrowed fields (spans are not needed: each field
//! is a slice of the line):
//!
//! | parser | reads | gives |
//! |---|---|---|
//! | [`envelope::anpa_id_line`] | `W2870` US `asian` (service level, story number, selector) | [`envelope::AnpaIdLine`] |
//! | [`envelope::anpa_info_line`] | `r a` DC3 DC1 ` bc-Harbor     03-14 0031` | [`envelope::AnpaInfoLine`] |
//! | [`envelope::iptc_line`] | `bdt0001 3 pl 12  dpa 0001` | [`envelope::IptcLine`] |
//! | [`envelope::ap_trailer`] | `AP-WF-08-29-16 1626GMT`, `AP-NY-04-28-94 1420EDT` | [`envelope::ApTrailer`] |
//! | [`envelope::iptc_trailer`] | `071341 GMT Okt 15`, `050932 sep 14EDT` | [`envelope::IptcTrailer`] |
//! | [`envelope::month_name`] | `Okt`, `sep`, `März`, `Dec` | month number |
//!
//! ```
//! use wirecopy::grammar::envelope::{ap_trailer, iptc_line};
//! use wirecopy::nom::{Parser, bytes::complete::tag, error::Error};
//!
//! // Inside a grammar of your own: a log line that quotes a trailer.
//! let log = "sent: AP-SF-03-14-17 1502GMT<";
//! let (rest, (_, t)) = (tag("sent: "), ap_trailer::<Error<&str>>).parse(log)?;
//! assert_eq!((t.desk, t.year, t.month, t.day, t.zone), ("AP-SF", 2017, 3, 14, Some("GMT")));
//! assert_eq!(rest, ""); // the closing `<` belongs to the trailer
//! let (_, h) = iptc_line::<Error<&str>>("bdt0001 3 pl 12  dpa 0001")?;
//! assert_eq!((h.source, h.number, h.priority, h.category), ("bdt", "0001", "3", "pl"));
//! # Ok::<(), wirecopy::nom::Err<Error<&str>>>(())
//! ```
//!
//! Each is a function of `base`, the whole text your parser was first given,
//! and returns a [`Parser`] over any slice of it: spans in its output are
//! byte offsets into `base` (given a text that is not a slice of `base`, a
//! parser still never panics, but its spans mean nothing). Each takes
//! complete input (no `Incomplete`), and each is generic over nom's error
//! type `E`: wirecopy itself runs them with errors that carry nothing, which
//! cost nothing to build when a line is no dateline (the common case), and
//! builds an `E` only when a parser fails and hands the error to you, with
//! the input where it failed and [`ErrorKind::Verify`].
//!
//! The dateline parser reads a dateline alone or opening a story, across
//! line breaks (hard-wrapped copy). It turns down what only looks like one:
//! "The president said (AFP) news", "UNITED NATIONS" alone, "NATO said".
//! A line that opens with a word in capitals and a separator ("WASHINGTON -")
//! is a dateline to it, as to a wire editor; in a headline's place the
//! article parser asks for more ([`Article::dateline`](crate::Article::dateline)).
//!
//! # nom's version
//!
//! These parsers implement nom 8's [`Parser`] trait, and nom's types appear
//! in their signatures: wirecopy re-exports the nom it is built with as
//! [`wirecopy::nom`](crate::nom), so a program can name the same version
//! (`use wirecopy::nom::Parser`) without a dependency of its own. A new major
//! version of nom is a new major version of wirecopy.
//!
//! # What stays hand-written
//!
//! Only the dateline and its parts are grammar. Layout into blocks and
//! paragraphs, pairing quotation marks, and attributing quotations to
//! speakers are hand-written scanners, and stay so: each reads a whole
//! article at once, not a prefix, and decides by looking both ways (a
//! paragraph break depends on the line after it, a closing mark on the
//! marks that follow, a speaker on the sentences before and after), with
//! bounded memory and time linear in the input on hostile text. A
//! combinator consumes a prefix and cannot look back, so those stages would
//! gain nothing from nom but backtracking costs.

use std::borrow::Cow;
use std::cmp::Ordering;

use chrono::NaiveDate;
use nom::error::{ErrorKind, ParseError};

/// The envelope grammar: ANPA-1312 and IPTC 7901 header lines and trailers
/// as nom parsers (see the table above). The same module as
/// [`wirecopy::envelope::grammar`](crate::envelope::grammar), re-exported
/// here so that every public grammar of the crate is under one roof.
pub use crate::envelope::grammar as envelope;
use nom::{IResult, Parser};

use crate::agency::Agency;
use crate::article::{AgencyTag, Byline, Credit, Dateline, Place, Text};
use crate::date::DatelineDate;
use crate::error::{Diagnostic, DiagnosticKind};
use crate::parse::dateline::{self as raw, RawDateline, RawPlace};
use crate::parse::span_of;

/// The error `E` of a parser that turned `i` down.
fn fail<'a, O, E: ParseError<&'a str>>(i: &'a str) -> IResult<&'a str, O, E> {
    Err(nom::Err::Error(E::from_error_kind(i, ErrorKind::Verify)))
}

/// `part`, a slice of `base`, as a [`Text`] with its span in `base`.
fn text<'a>(base: &str, part: &'a str) -> Text<'a> {
    Text { text: Cow::Borrowed(part), span: span_of(base, part) }
}

/// A dateline: `[label -] [PLACE[, Qual]*][, DATE][ (TAG)]* [SEP]`.
///
/// Reads `MOSCOW, June 16. /TASS/.`, `KAESONG, North Korea (AP) _`,
/// `Canadian Press - NANAIMO, B.C. (CP) -`, `(CNN) --`, `AP -`,
/// `Havana, Mar 6 (Prensa Latina)`, `KUALA LUMPUR (AFP):`,
/// `MINSK. July 26 (Interfax) -`, `Dubai, 29th November, 2015 (WAM) -`,
/// `TEHRAN, IRNA --`. The rest of the input starts after the separator (or
/// after the last part read, when there is none). A date's year, when not
/// printed, stays unknown: [`dateline_with`] resolves it against a
/// reference date.
///
/// ```
/// use wirecopy::grammar;
/// use wirecopy::nom::{Parser, error::Error};
///
/// let src = "NAIROBI, Kenya (AP) — Text";
/// let (rest, d) = grammar::dateline::<Error<&str>>(src).parse(src)?;
/// assert_eq!(rest, " Text");
/// assert_eq!(d.place.unwrap().region.as_deref(), Some("Kenya"));
/// assert_eq!(d.separator.unwrap().text, "—");
/// assert!(grammar::dateline::<()>("Russia calls for peace").parse("Russia calls for peace").is_err());
/// # Ok::<(), wirecopy::nom::Err<Error<&str>>>(())
/// ```
///
/// # Errors
/// `E` at the input, [`ErrorKind::Verify`], when no dateline opens it.
pub fn dateline<'a, E: ParseError<&'a str>>(base: &'a str) -> impl Parser<&'a str, Output = Dateline<'a>, Error = E> {
    dateline_with(base, None)
}

/// [`dateline`], resolving a date printed without its year to the latest
/// such date not after `reference` (see [`DatelineDate::resolved`]).
///
/// # Errors
/// As [`dateline`].
pub fn dateline_with<'a, E: ParseError<&'a str>>(
    base: &'a str,
    reference: Option<NaiveDate>,
) -> impl Parser<&'a str, Output = Dateline<'a>, Error = E> {
    move |i: &'a str| match raw::dateline(i) {
        Some(d) => {
            let mut diagnostics = Vec::new();
            Ok((&i[d.text.len()..], build_dateline(base, &d, reference, &mut diagnostics)))
        }
        None => fail(i),
    }
}

/// A source label: a known agency's name as it stands before a dateline
/// (`Canadian Press` in `Canadian Press - OTTAWA (CP) -`, `AP` in `AP -`).
///
/// ```
/// use wirecopy::grammar;
/// use wirecopy::nom::{Parser, error::Error};
///
/// let src = "Canadian Press - OTTAWA";
/// let (rest, label) = grammar::source_label::<Error<&str>>(src).parse(src)?;
/// assert_eq!((label.text.as_ref(), rest), ("Canadian Press", " - OTTAWA"));
/// # Ok::<(), wirecopy::nom::Err<Error<&str>>>(())
/// ```
///
/// # Errors
/// `E` at the input when no known agency's name in capitals opens it.
pub fn source_label<'a, E: ParseError<&'a str>>(base: &'a str) -> impl Parser<&'a str, Output = Text<'a>, Error = E> {
    move |i: &'a str| match raw::agency_name(i) {
        Ok((rest, name)) => Ok((rest, text(base, name))),
        Err(_) => fail(i),
    }
}

/// A place: a city in capitals or title case, with slashed regions and up
/// to two qualifiers (`IGORA /Leningrad Region/`, `KAESONG, North Korea`,
/// `PORTLAND, Ore.`, `SEATTLE/NEW YORK`).
///
/// ```
/// use wirecopy::grammar;
/// use wirecopy::nom::{Parser, error::Error};
///
/// let src = "COMMACK, N.Y., Feb 26 -";
/// let (rest, p) = grammar::place::<Error<&str>>(src).parse(src)?;
/// assert_eq!((p.city.as_ref(), p.region.as_deref()), ("COMMACK", Some("N.Y.")));
/// assert_eq!(rest, ", Feb 26 -");
/// # Ok::<(), wirecopy::nom::Err<Error<&str>>>(())
/// ```
///
/// # Errors
/// `E` at the input when no place opens it.
pub fn place<'a, E: ParseError<&'a str>>(base: &'a str) -> impl Parser<&'a str, Output = Place<'a>, Error = E> {
    move |i: &'a str| match raw::place(i) {
        Ok((rest, p)) => Ok((rest, build_place(base, &p))),
        Err(_) => fail(i),
    }
}

/// A date in any common order: `June 16`, `Nov. 7 , 2005`, `10 juil 2024`,
/// `29th November, 2015`, `Sept 19`, with a closing full stop read (TASS).
/// The year is the printed one or unknown.
///
/// ```
/// use wirecopy::grammar;
/// use wirecopy::nom::{Parser, error::Error};
///
/// let src = "29th November, 2015 (WAM)";
/// let (_, d) = grammar::date::<Error<&str>>(src).parse(src)?;
/// assert_eq!((d.day, d.month, d.year), (29, 11, Some(2015)));
/// assert_eq!(d.span.slice(src), "29th November, 2015");
/// # Ok::<(), wirecopy::nom::Err<Error<&str>>>(())
/// ```
///
/// # Errors
/// `E` at the input when no date opens it.
pub fn date<'a, E: ParseError<&'a str>>(base: &'a str) -> impl Parser<&'a str, Output = DatelineDate, Error = E> {
    move |i: &'a str| match raw::date(i) {
        Ok((rest, (m, d, y, printed))) => Ok((rest, DatelineDate::new(m, d, y, None, span_of(base, printed)))),
        Err(_) => fail(i),
    }
}

/// One or more agency tags after optional blanks: `(Reuters)`, ` /TASS/`,
/// `(AP/dpa)` (two agencies in one tag, each with the tag as printed).
/// Unknown names are kept as [`Agency::Other`].
///
/// ```
/// use wirecopy::{Agency, grammar};
/// use wirecopy::nom::{Parser, error::Error};
///
/// let src = " (Prensa Latina) Cuban media";
/// let (rest, tags) = grammar::agency_tags::<Error<&str>>(src).parse(src)?;
/// assert_eq!(tags[0].agency, Agency::PrensaLatina);
/// assert_eq!(rest, " Cuban media");
/// # Ok::<(), wirecopy::nom::Err<Error<&str>>>(())
/// ```
///
/// # Errors
/// `E` at the input when no tag opens it.
pub fn agency_tags<'a, E: ParseError<&'a str>>(
    base: &'a str,
) -> impl Parser<&'a str, Output = Vec<AgencyTag<'a>>, Error = E> {
    move |i: &'a str| match raw::tags(i) {
        Ok((rest, found)) if !found.is_empty() => {
            let tags = found.iter().map(|&(t, name)| AgencyTag { agency: Agency::from_tag(name), raw: text(base, t) });
            Ok((rest, tags.collect()))
        }
        _ => fail(i),
    }
}

/// The separator between a dateline and its story, after optional blanks:
/// `-`, `--`, `—`, `–`, `_`, `|`, `:`, or a full stop, followed by white
/// space or the end (a dash may touch the text: `(AP)--Text`).
///
/// ```
/// use wirecopy::grammar;
/// use wirecopy::nom::{Parser, error::Error};
///
/// let src = " -- Text";
/// let (rest, sep) = grammar::separator::<Error<&str>>(src).parse(src)?;
/// assert_eq!((sep.text.as_ref(), rest), ("--", " Text"));
/// # Ok::<(), wirecopy::nom::Err<Error<&str>>>(())
/// ```
///
/// # Errors
/// `E` at the input when no separator opens it.
pub fn separator<'a, E: ParseError<&'a str>>(base: &'a str) -> impl Parser<&'a str, Output = Text<'a>, Error = E> {
    move |i: &'a str| match raw::separator(i) {
        Ok((rest, sep)) => Ok((rest, text(base, sep))),
        Err(_) => fail(i),
    }
}

/// The line opening `i`, without its line end, and the rest.
fn line(i: &str) -> (&str, &str) {
    let end = memchr::memchr2(b'\n', b'\r', i.as_bytes()).unwrap_or(i.len());
    (&i[end..], &i[..end])
}

/// A byline line: `By WANJIRU KAMAU`, `By Ivan Petrov and Anna Smirnova,
/// TASS`, `Associated Press Writer`, with each person named.
///
/// ```
/// use wirecopy::grammar;
/// use wirecopy::nom::{Parser, error::Error};
///
/// let src = "By Ivan Petrov and Anna Smirnova, TASS\nMOSCOW, June 16. /TASS/. Text";
/// let (rest, b) = grammar::byline::<Error<&str>>(src).parse(src)?;
/// assert_eq!(b.people[1].name.text, "Anna Smirnova");
/// assert_eq!(rest, "\nMOSCOW, June 16. /TASS/. Text");
/// # Ok::<(), wirecopy::nom::Err<Error<&str>>>(())
/// ```
///
/// # Errors
/// `E` at the input when its first line is no byline.
pub fn byline<'a, E: ParseError<&'a str>>(base: &'a str) -> impl Parser<&'a str, Output = Byline<'a>, Error = E> {
    move |i: &'a str| {
        let (rest, l) = line(i);
        if l.trim().is_empty() || crate::parse::header::classify(l) != crate::parse::header::LineKind::Byline {
            return fail(i);
        }
        match crate::parse::header::byline(base, &[span_of(base, l)]) {
            Some(b) => Ok((rest, b)),
            None => fail(i),
        }
    }
}

/// A credit line: `Reporting by Ivan Petrov; Editing by Jan Smith`, a role
/// and the names given it, for each part.
///
/// ```
/// use wirecopy::grammar;
/// use wirecopy::nom::{Parser, error::Error};
///
/// let src = "Reporting by Ivan Petrov in Kazan; Editing by Jan Smith";
/// let (_, c) = grammar::credit_line::<Error<&str>>(src).parse(src)?;
/// assert_eq!((c[0].role.text.as_ref(), c[0].names[0].text.as_ref()), ("Reporting", "Ivan Petrov"));
/// assert_eq!(c[1].names[0].span.slice(src), "Jan Smith");
/// # Ok::<(), wirecopy::nom::Err<Error<&str>>>(())
/// ```
///
/// # Errors
/// `E` at the input when its first line is no credit line.
pub fn credit_line<'a, E: ParseError<&'a str>>(
    base: &'a str,
) -> impl Parser<&'a str, Output = Vec<Credit<'a>>, Error = E> {
    move |i: &'a str| {
        let (rest, l) = line(i);
        match crate::parse::body::credits(base, span_of(base, l)) {
            Some(c) if !c.is_empty() => Ok((rest, c)),
            _ => fail(i),
        }
    }
}

/// An end mark alone on its line: `-0-`, `(END)`, `###`, `-30-`,
/// `Enditem`, `Reuter`.
///
/// ```
/// use wirecopy::grammar;
/// use wirecopy::nom::{Parser, error::Error};
///
/// let src = "(END)\n";
/// let (rest, t) = grammar::end_mark::<Error<&str>>(src).parse(src)?;
/// assert_eq!((t.text.as_ref(), rest), ("(END)", "\n"));
/// # Ok::<(), wirecopy::nom::Err<Error<&str>>>(())
/// ```
///
/// # Errors
/// `E` at the input when its first line is no end mark.
pub fn end_mark<'a, E: ParseError<&'a str>>(base: &'a str) -> impl Parser<&'a str, Output = Text<'a>, Error = E> {
    move |i: &'a str| {
        let (rest, l) = line(i);
        if crate::lexicon::is_end_mark(l) { Ok((rest, text(base, l.trim()))) } else { fail(i) }
    }
}

/// An advisory, slug or wire-header line: `BC-Korea-Talks,0450`,
/// `Eds: Updates with quote`, `ATTENTION - ... ///`, `URGENT`, ANPA and
/// IPTC codes, document ids, timestamps.
///
/// ```
/// use wirecopy::grammar;
/// use wirecopy::nom::{Parser, error::Error};
///
/// let src = "Eds: Updates with minister's quote\nTitle";
/// let (rest, t) = grammar::advisory::<Error<&str>>(src).parse(src)?;
/// assert_eq!((t.span.slice(src), rest), ("Eds: Updates with minister's quote", "\nTitle"));
/// # Ok::<(), wirecopy::nom::Err<Error<&str>>>(())
/// ```
///
/// # Errors
/// `E` at the input when its first line is no advisory (a blank line is none).
pub fn advisory<'a, E: ParseError<&'a str>>(base: &'a str) -> impl Parser<&'a str, Output = Text<'a>, Error = E> {
    move |i: &'a str| {
        let (rest, l) = line(i);
        let kind = crate::parse::header::classify(l);
        if l.trim().is_empty() || kind != crate::parse::header::LineKind::Advisory {
            return fail(i);
        }
        Ok((rest, text(base, l.trim())))
    }
}

fn build_place<'a>(base: &str, p: &RawPlace<'a>) -> Place<'a> {
    Place {
        text: Cow::Borrowed(p.text),
        span: span_of(base, p.text),
        city: Cow::Borrowed(p.city),
        region: p.region.map(|r| Cow::Borrowed(r.trim_matches('/'))),
    }
}

/// Which of `tags` (tag, name) hold an unknown agency's name (one
/// [`Agency::known`] does not name) met in an earlier tag, trimmed: `true`
/// at each of those.
///
/// Not found with a set of the names, which is read at random, a cache
/// miss per tag once it outgrows the cache: the names' hashes, with their
/// positions, are split by their first bits into parts of a few thousand,
/// read and written in runs, and each part is sorted while in the cache.
/// Names of one hash are then compared, in a stable sort by name: the
/// result is exact, and time n log n whatever the hashes. A name of at most
/// 7 bytes (most are) travels with its hash and is compared there; only
/// longer ones are read back from `tags`, at random.
fn repeated_unknown(tags: &[(&str, &str)]) -> Vec<bool> {
    use std::hash::BuildHasher;
    /// About this many names a part: 64 KB of entries.
    const PART: usize = 4096;
    /// A name: its hash's first 32 bits, its tag's position, and [`inline`].
    type Entry = (u32, u32, u64);
    let hasher = std::collections::hash_map::RandomState::new();
    let name = |e: &Entry| tags[e.1 as usize].1.trim();
    // At most a tag a byte of input, and input is at most `u32::MAX` bytes;
    // the hash's first 32 bits are kept.
    #[allow(clippy::cast_possible_truncation)]
    let keyed: Vec<Entry> = tags
        .iter()
        .enumerate()
        .filter(|(_, t)| Agency::known(t.1).is_none())
        .map(|(i, t)| {
            let n = t.1.trim();
            ((hasher.hash_one(n) >> 32) as u32, i as u32, inline(n))
        })
        .collect();
    let bits = (keyed.len() / PART).next_power_of_two().trailing_zeros();
    // The part of a hash: its first `bits` bits (`bits` is at most 20).
    let part_of = |h: u32| if bits == 0 { 0 } else { (h >> (32 - bits)) as usize };
    let mut starts = vec![0usize; (1 << bits) + 1];
    for e in &keyed {
        starts[part_of(e.0) + 1] += 1;
    }
    for p in 1..starts.len() {
        starts[p] += starts[p - 1];
    }
    let mut parts: Vec<Entry> = vec![(0, 0, 0); keyed.len()];
    let mut next = starts.clone();
    for &e in &keyed {
        let p = part_of(e.0);
        parts[next[p]] = e;
        next[p] += 1;
    }
    drop(keyed);
    // Names in an order where equal ones meet: short ones by their bytes
    // inline, long ones (all [`LONG`]) by their text.
    let order = |a: &Entry, b: &Entry| {
        a.2.cmp(&b.2).then_with(|| if a.2 == LONG { name(a).cmp(name(b)) } else { Ordering::Equal })
    };
    let mut repeated = vec![false; tags.len()];
    let mut run: Vec<Entry> = Vec::new();
    for p in 0..1 << bits {
        let part = &mut parts[starts[p]..starts[p + 1]];
        part.sort_unstable();
        for same_hash in part.chunk_by(|a, b| a.0 == b.0).filter(|r| r.len() > 1) {
            // In order of position; a stable sort by name keeps that order
            // among equal names: all but the first of each are repeats.
            run.clear();
            run.extend_from_slice(same_hash);
            run.sort_by(order);
            for pair in run.windows(2) {
                if order(&pair[0], &pair[1]) == Ordering::Equal {
                    repeated[pair[1].1 as usize] = true;
                }
            }
        }
    }
    repeated
}

/// [`inline`] of every name longer than 7 bytes.
const LONG: u64 = u64::MAX;

/// A name of at most 7 bytes as a number: its bytes, then its length in the
/// last byte (two are equal when the names are); [`LONG`] for a longer one.
fn inline(name: &str) -> u64 {
    let b = name.as_bytes();
    if b.len() > 7 {
        return LONG;
    }
    let mut bytes = [0u8; 8];
    bytes[..b.len()].copy_from_slice(b);
    // At most 7.
    #[allow(clippy::cast_possible_truncation)]
    let len = b.len() as u8;
    bytes[7] = len;
    u64::from_le_bytes(bytes)
}

/// The model's [`Dateline`] of a raw one read from `src`, with the
/// diagnostics it earns (an impossible date, an unknown agency).
pub(crate) fn build_dateline<'a>(
    src: &str,
    raw: &RawDateline<'a>,
    reference: Option<NaiveDate>,
    diags: &mut Vec<Diagnostic>,
) -> Dateline<'a> {
    let t = |s: &'a str| text(src, s);
    let place = raw.place.as_ref().map(|p| build_place(src, p));
    let date = raw.date.map(|(m, d, y, printed)| {
        let date = DatelineDate::new(m, d, y, reference, span_of(src, printed));
        if !date.is_valid() {
            diags.push(Diagnostic::new(DiagnosticKind::InvalidDate, date.span));
        }
        date
    });
    let mut agencies: Vec<AgencyTag<'a>> = Vec::new();
    // Each agency once, first tag kept. A dateline has a tag or two, looked
    // for along the list; hostile input may have thousands. Then the known
    // agencies kept (a few dozen at most) are looked for among themselves,
    // and the unknown names that repeat an earlier one are found before,
    // all at once (`repeated_unknown`).
    let many = raw.tags.len() > 8;
    let mut known: Vec<Agency> = Vec::new();
    let repeated = if many { repeated_unknown(&raw.tags) } else { Vec::new() };
    // Only the first diagnostics of a kind are kept (`MAX_DIAGNOSTICS_PER_KIND`):
    // the rest are not made.
    let mut unknown_diags = 0;
    for (i, &(tag, name)) in raw.tags.iter().enumerate() {
        let agency = match Agency::known(name) {
            Some(agency) => {
                if many && known.contains(&agency) {
                    continue;
                }
                known.extend(many.then(|| agency.clone()));
                agency
            }
            None => {
                if unknown_diags < crate::parse::MAX_DIAGNOSTICS_PER_KIND {
                    unknown_diags += 1;
                    diags.push(Diagnostic::new(DiagnosticKind::UnknownAgency, span_of(src, tag)));
                }
                if many && repeated[i] {
                    continue;
                }
                Agency::Other(name.trim().to_owned())
            }
        };
        if many || !agencies.iter().any(|a| a.agency == agency) {
            agencies.push(AgencyTag { agency, raw: t(tag) });
        }
    }
    if let (Some(label), true) = (raw.label, agencies.is_empty()) {
        agencies.push(AgencyTag { agency: Agency::from_tag(label), raw: t(label) });
    }
    Dateline {
        span: span_of(src, raw.text),
        source_label: raw.label.map(t),
        place,
        date,
        agencies,
        separator: raw.sep.map(t),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`repeated_unknown`] with a set, tag by tag: the twin it replaced.
    fn naive_repeated(tags: &[(&str, &str)]) -> Vec<bool> {
        let mut seen = std::collections::HashSet::new();
        tags.iter().map(|t| Agency::known(t.1).is_none() && !seen.insert(t.1.trim())).collect()
    }

    /// `names` as tags of one text, "(X)" each: the text and its (tag, name) slices.
    fn tags_of(names: &[String]) -> (String, Vec<(usize, usize)>) {
        let mut text = String::new();
        let mut at = Vec::new();
        for n in names {
            text.push('(');
            at.push((text.len(), n.len()));
            text.push_str(n);
            text.push(')');
        }
        (text, at)
    }

    fn slices<'t>(text: &'t str, at: &[(usize, usize)]) -> Vec<(&'t str, &'t str)> {
        at.iter().map(|&(s, n)| (&text[s - 1..s + n + 1], &text[s..s + n])).collect()
    }

    proptest::proptest! {
        #[test]
        fn repeated_unknown_names_are_those_a_set_finds(names in proptest::collection::vec("[XYAPd ]{0,3}|[XYd ]{6,9}", 0..40)) {
            let (text, at) = tags_of(&names);
            let tags = slices(&text, &at);
            proptest::prop_assert_eq!(repeated_unknown(&tags), naive_repeated(&tags));
        }
    }

    #[test]
    fn a_flood_of_one_unknown_name_keeps_the_first() {
        let (text, at) = tags_of(&vec!["XB".to_string(); 10_000]);
        let tags = slices(&text, &at);
        let repeated = repeated_unknown(&tags);
        assert!(!repeated[0] && repeated[1..].iter().all(|&r| r));
    }

    #[test]
    fn names_split_into_many_parts_are_those_a_set_finds() {
        // Past `PART` names a part: several parts, names repeated across them.
        // Names of up to 7 bytes are compared inline, longer ones by their text.
        let names: Vec<String> = (0..50_000u32)
            .map(|i| format!("X{}{}", i * 7919 % 13_001, if i % 3 == 0 { "longer" } else { "" }))
            .collect();
        let (text, at) = tags_of(&names);
        let tags = slices(&text, &at);
        assert_eq!(repeated_unknown(&tags), naive_repeated(&tags));
    }
}
