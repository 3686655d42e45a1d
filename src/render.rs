//! Rendering as canonical wire copy: `Display` for [`Article`] and
//! [`Dateline`], and `FromStr` for a dateline printed alone.
//!
//! The canonical form is the one most agencies print today:
//!
//! ```text
//! Headline
//!
//! Standfirst
//!
//! By A and B
//!
//! PLACE, Month D (Agency) - First paragraph.
//!
//! Second paragraph.
//!
//! Reporting by A; Editing by B
//!
//! Reuter
//! ```
//!
//! Each part keeps the article's own style where it was printed: the agency
//! tags as printed (`/TASS/`, `(AP)`), the separator (`_`, `--`, `.`), the
//! text of sign-offs. Dates are written with the English month name in full
//! and the year only when one was printed; a line break inside a dateline
//! (hard-wrapped copy), with the blanks around it, is one space. Chrome, advisories
//! and diagnostics are not copy and are not rendered.
//!
//! Where the plain form would read back as something else, rendering
//! escapes as the canonical form allows: a headline that reads as a
//! dateline, or opens with a priority flag, is printed in ANPA framing
//! (`^URGENT URGENT Ci(AP)-<`); story text that would go on with a dateline
//! ending its line (`, 2005 (Xinhua) ...`, `- Text`) stands a blank line
//! below it.
//!
//! The round trip, `parse(&a.to_string())` giving back `a`'s fields, holds
//! exactly on the articles [`Article::round_trips`] admits: every corpus
//! article, and all but about three in a thousand of the mutated corpus
//! articles of `tests/mutations.rs`. Its documentation lists the kinds
//! outside, where rendering is best effort.

use nom::Parser as _;
use std::borrow::Cow;
use std::fmt::{self, Write as _};
use std::str::FromStr;

use crate::{Article, Byline, Credit, Dateline, Person, Span, Text};

impl fmt::Display for Dateline<'_> {
    /// `[Label - ]PLACE[, Month D[, YYYY]][ TAG]*[ SEP]`: tags and
    /// separator as printed, the month in full, TASS's full stops after the
    /// date and the `/TASS/` tag.
    ///
    /// ```
    /// let a = wirecopy::parse("Title\n\nMOSCOW, Jun 16. /TASS/. Text.")?;
    /// assert_eq!(a.dateline.unwrap().to_string(), "MOSCOW, June 16. /TASS/.");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = Words { f, any: false };
        if let Some(label) = &self.source_label {
            out.word(&label.text)?;
            out.word("-")?;
        }
        // A tag printed before the place, ANSA's way ("(ANSA) - Rome,
        // August 7 -"), stays before it, with the dateline's separator after
        // each: moved after the place, a place that opens an advisory
        // ("ATTENTION (AP) -") would no longer read as a dateline.
        let label = self.source_label.as_ref().map(|l| l.text.as_ref());
        // A label may stand for the tag ("AP - "): it is printed once.
        let tags = self.agencies.iter().filter(|t| label != Some(t.raw.text.as_ref()));
        let tag_first = tags
            .clone()
            .next()
            .zip(self.place.as_ref())
            .is_some_and(|(t, p)| !t.raw.span.is_empty() && !p.span.is_empty() && t.raw.span.end <= p.span.start);
        if tag_first && let Some(sep) = &self.separator {
            let mut last: Option<&Text<'_>> = None;
            for tag in tags {
                if last != Some(&tag.raw) {
                    out.word(&tag.raw.text)?;
                    last = Some(&tag.raw);
                }
            }
            out.word(&sep.text)?;
            if let Some(place) = &self.place {
                out.word(&place.text)?;
            }
            if let Some(date) = &self.date {
                out.f.write_char(',')?;
                write_date(&mut out, date)?;
            }
            return out.word(&sep.text);
        }
        if let Some(place) = &self.place {
            out.word(&place.text)?;
            // A place alone that names an agency keeps the comma that tells
            // it from a tag: "AP, -" (as "AP -" it reads as AP's tag).
            if self.date.is_none()
                && self.agencies.is_empty()
                && self.separator.is_some()
                && crate::Agency::known(place.text.trim()).is_some()
            {
                out.f.write_char(',')?;
            }
        }
        if let Some(date) = &self.date {
            if self.place.is_some() {
                out.f.write_char(',')?;
            }
            write_date(&mut out, date)?;
            // TASS: "MOSCOW, June 16. /TASS/."
            if self.agencies.first().is_some_and(|t| t.raw.text.starts_with('/')) {
                out.f.write_char('.')?;
            }
        }
        let mut last: Option<&Text<'_>> = None;
        for tag in tags {
            // "(AP/dpa)" names two agencies in one tag.
            if last == Some(&tag.raw) {
                continue;
            }
            let first = last.is_none();
            last = Some(&tag.raw);
            let text = tag.raw.text.trim();
            if text.is_empty() {
                out.word(&format!("({})", tag.agency))?;
            } else if first
                && self.date.is_none()
                && self.place.as_ref().is_some_and(|p| p.span.end == tag.raw.span.start)
            {
                // A tag printed against its place stays there: "MOSCOW/TASS/."
                collapsed(out.f, text)?;
            } else if first && self.date.is_none() && self.place.is_some() && text.starts_with('/') {
                // One space would make a region of it ("IGORA /Leningrad
                // Region/"): two keep it a tag.
                out.f.write_str("  ")?;
                collapsed(out.f, text)?;
            } else if !text.starts_with(['(', '/']) && (self.place.is_some() || self.date.is_some()) {
                // A tag without brackets after a place: "TEHRAN, IRNA --".
                out.f.write_char(',')?;
                out.word(text)?;
            } else {
                out.word(text)?;
            }
        }
        if let Some(sep) = &self.separator {
            // TASS's full stop follows its tag; after a date it stands apart,
            // or the date would take it for its own ("June 16.").
            if sep.text == "." && !self.agencies.is_empty() {
                out.f.write_char('.')?;
            } else {
                out.word(&sep.text)?;
            }
        }
        Ok(())
    }
}

/// `Month D[, YYYY]`: the month in full, a printed year in four digits.
fn write_date(out: &mut Words<'_, '_>, date: &crate::DatelineDate) -> fmt::Result {
    match crate::lexicon::month_name(date.month) {
        Some(month) => out.word(month)?,
        None => out.word(&date.month.to_string())?,
    }
    write!(out.f, " {}", date.day)?;
    if let Some(year) = date.year {
        // Printed years have four digits: "0447" stays "0447".
        write!(out.f, ", {year:04}")?;
    }
    Ok(())
}

/// Writes words separated by single spaces.
struct Words<'f, 'g> {
    f: &'f mut fmt::Formatter<'g>,
    any: bool,
}

impl Words<'_, '_> {
    fn word(&mut self, w: &str) -> fmt::Result {
        if self.any {
            self.f.write_char(' ')?;
        }
        self.any = true;
        collapsed(self.f, w)
    }
}

/// Writes `s` with every run of white space that holds a line break as one
/// space, as hard-wrapped lines are joined: a dateline printed over two
/// lines renders on one. Other spacing stays as printed ("MEXICO  CITY").
fn collapsed(f: &mut fmt::Formatter<'_>, s: &str) -> fmt::Result {
    let mut rest = s;
    while let Some(at) = rest.find(['\n', '\r']) {
        f.write_str(rest[..at].trim_end())?;
        f.write_char(' ')?;
        rest = rest[at..].trim_start();
    }
    f.write_str(rest)
}

impl fmt::Display for Article<'_> {
    /// The article as canonical wire copy: headline, standfirst, byline,
    /// dateline and paragraphs, credits and sign-offs, each a block of its
    /// own. When [`Article::round_trips`] holds (for copy as agencies print
    /// it, and almost every article parsed from any copy), parsing the result gives
    /// the same fields back and renders as the same text; otherwise it is
    /// best effort. An article with nothing to render (advisories and chrome
    /// only) renders as `""`, which [`parse`](crate::parse) rejects as
    /// [`ErrorKind::Empty`](crate::ErrorKind::Empty).
    ///
    /// ```
    /// let src = "Lavrov says peace matters\n\n\
    ///            MOSCOW, June 16. /TASS/. Russia calls for peace.\n\
    ///            \n    \"We are ready,\" Lavrov said.\n";
    /// let a = wirecopy::parse(src)?;
    /// assert_eq!(
    ///     a.to_string(),
    ///     "Lavrov says peace matters\n\n\
    ///      MOSCOW, June 16. /TASS/. Russia calls for peace.\n\n\
    ///      \"We are ready,\" Lavrov said.\n"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = Blocks { f, any: false };
        if let Some(h) = &self.headline {
            out.block(&headline_line(&h.text))?;
        }
        if let Some(s) = &self.standfirst {
            out.block(&s.text)?;
        }
        if let Some(b) = &self.byline {
            write_byline(&mut out, b)?;
        }
        let mut paragraphs = self.paragraphs.iter().map(|p| p.text.as_ref());
        if let Some(d) = &self.dateline {
            out.open()?;
            write!(out.f, "{d}")?;
            if let Some(first) = paragraphs.next() {
                // Text that could go on with a dateline ending its line (", 2005
                // (Xinhua)", "- Text") stands a blank line below it. So does
                // text that would make of the dateline's line a header line
                // ("Aa (AP) _ a/" reads as a slug), where the dateline was
                // read glued to text before it.
                let joint = match ends_its_line(d) || reads_as_header_line(d, first) {
                    false => " ",
                    true if could_continue_a_dateline(first) => "\n\n",
                    true => "\n",
                };
                out.f.write_str(joint)?;
                out.f.write_str(first)?;
            }
        }
        for p in paragraphs {
            out.block(p)?;
        }
        if !self.credits.is_empty() {
            out.open()?;
            write_credits(out.f, &self.credits)?;
        }
        for s in &self.signoffs {
            out.block(&s.text)?;
        }
        if out.any {
            out.f.write_char('\n')?;
        }
        Ok(())
    }
}

/// The line that gives `h` back as the headline, the first of: `h` itself
/// (unless it opens with `^` or closes with `<` or `=`); `h` in ANPA framing
/// (`^...<`), which the parser takes off again and which keeps a line from
/// reading as a dateline ("KIEV (AP) - Talks end"); framed with its first
/// word twice, for a priority flag that the parser takes off a headline
/// ("URGENT Ci(AP)-"). Each is tried by parsing it before a line of story
/// text; when none reads back, the framed line is printed (the headline
/// then reads as a header line, and the article is outside the domain of
/// [`Article::round_trips`]).
fn headline_line(h: &str) -> Cow<'_, str> {
    let reads_back = |line: &str| {
        let src = format!("{line}\n\nStory.");
        crate::ParseOptions::new().quotations(false).parse(&src).is_ok_and(|a| a.headline.is_some_and(|t| t.text == h))
    };
    let plain = !(h.starts_with('^') || h.ends_with(['<', '=']));
    if plain && reads_back(h) {
        return Cow::Borrowed(h);
    }
    let framed = format!("^{h}<");
    if reads_back(&framed) {
        return Cow::Owned(framed);
    }
    let first = h.split_whitespace().next().unwrap_or_default();
    let twice = format!("^{first} {h}<");
    if reads_back(&twice) { Cow::Owned(twice) } else { Cow::Owned(framed) }
}

/// Whether `d` and the first line of `text`, printed as one line, read
/// before the story as a header line (an advisory, a slug, a byline,
/// chrome) rather than as a dateline's.
fn reads_as_header_line(d: &Dateline<'_>, text: &str) -> bool {
    let first_line = text.split(['\n', '\r']).next().unwrap_or_default();
    let line = format!("{d} {first_line}");
    crate::parse::header::classify(line.trim()) != crate::parse::header::LineKind::Content
}

/// Whether `text`, on the line after a dateline that ends its line, could
/// be read as more of it: a year or tag after a comma, a full stop, a tag,
/// a separator or a number.
fn could_continue_a_dateline(text: &str) -> bool {
    text.starts_with(|c: char| matches!(c, ',' | '.' | '(' | '/' | '-' | '_' | '—' | '–') || c.is_ascii_digit())
}

impl Article<'_> {
    /// Whether this article is in the domain where `Display` is honest: its
    /// rendering parses (with the default [`ParseOptions`](crate::ParseOptions))
    /// back to the same headline, standfirst, byline, dateline (as printed),
    /// paragraphs, credits, sign-offs and quotation texts, and so renders as
    /// itself again. Checked by rendering and parsing.
    ///
    /// Copy as agencies print it gives articles in it: every corpus article
    /// (`tests/properties.rs`), every generated one, and all but about three
    /// in a thousand of the corpus articles mutated by `tests/mutations.rs`.
    /// Outside it rendering is best effort:
    ///
    /// - an article with no headline: its first block reads as one;
    /// - an article with nothing to render (advisories and chrome only),
    ///   which renders as `""`, and `""` does not parse;
    /// - a paragraph or standfirst that reads as something else once it
    ///   stands as a block of its own: a sign-off ("Reute" before "Reuter"),
    ///   a header line, a dateline ("MANILA (AP) _" in copy whose own
    ///   dateline was not found), text the layout trims (a control
    ///   character at its end);
    /// - a headline that reads as a header line (an advisory, a byline).
    ///
    /// ```
    /// use wirecopy::{Paragraph, Span};
    /// let mut a = wirecopy::parse("Title\n\nMOSCOW, Jun 16. /TASS/. Text.\n\nReuter\n")?;
    /// assert!(a.round_trips());
    /// // A paragraph "Reute" printed alone before "Reuter" reads as an end mark cut short.
    /// a.paragraphs.push(Paragraph { text: "Reute".into(), span: Span::default() });
    /// assert!(a.to_string().ends_with("\n\nReute\n\nReuter\n"));
    /// assert!(!a.round_trips());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn round_trips(&self) -> bool {
        let copy = self.to_string();
        crate::parse(&copy).is_ok_and(|b| rendered_fields(&b) == rendered_fields(self))
    }
}

/// The fields `Display` renders, spans aside: the dateline as printed.
fn rendered_fields<'s>(a: &'s Article<'_>) -> impl PartialEq + 's {
    let t = |t: &'s Text<'_>| t.text.as_ref();
    let person = move |p: &'s Person<'_>| (t(&p.name), p.role.as_ref().map(t), p.affiliation.as_ref().map(t));
    (
        (a.headline.as_ref().map(t), a.standfirst.as_ref().map(t)),
        a.byline.iter().flat_map(|b| &b.people).map(person).collect::<Vec<_>>(),
        a.dateline.as_ref().map(ToString::to_string),
        a.paragraphs.iter().map(|p| p.text.as_ref()).collect::<Vec<_>>(),
        a.credits.iter().map(|c| (t(&c.role), c.names.iter().map(t).collect::<Vec<_>>())).collect::<Vec<_>>(),
        a.signoffs.iter().map(t).collect::<Vec<_>>(),
        a.quotations.iter().map(|q| q.text.as_ref()).collect::<Vec<_>>(),
    )
}

/// Whether the story text goes on the next line: a dateline without a
/// separator (Xinhua, AFP) or with a date, a full stop and no tag ends its
/// line. A place alone and a full stop ("Aaaa. By a, ...") stays on the
/// story's first line, where it was read: alone on a line it is no
/// dateline.
fn ends_its_line(d: &Dateline<'_>) -> bool {
    d.separator.as_ref().is_none_or(|s| s.text == "." && d.agencies.is_empty() && d.date.is_some())
}

/// Writes blocks separated by blank lines.
struct Blocks<'f, 'g> {
    f: &'f mut fmt::Formatter<'g>,
    any: bool,
}

impl Blocks<'_, '_> {
    fn open(&mut self) -> fmt::Result {
        if self.any {
            self.f.write_str("\n\n")?;
        }
        self.any = true;
        Ok(())
    }

    fn block(&mut self, text: &str) -> fmt::Result {
        self.open()?;
        self.f.write_str(text)
    }
}

/// `By A and B[ Role][, Affiliation]`, one line for each run of people who
/// share their role and affiliation, and no line over ten words (a longer
/// one reads as story text).
fn write_byline(out: &mut Blocks<'_, '_>, b: &Byline<'_>) -> fmt::Result {
    fn key<'p>(p: &'p Person<'_>) -> (Option<&'p str>, Option<&'p str>) {
        (p.role.as_ref().map(Text::as_str), p.affiliation.as_ref().map(Text::as_str))
    }
    let count = |s: Option<&str>| s.map_or(0, |s| s.split_whitespace().count());
    let mut first_line = true;
    let mut i = 0;
    while i < b.people.len() {
        let k = key(&b.people[i]);
        let mut words = count(k.0) + count(k.1);
        let mut run = 0;
        for p in b.people[i..].iter().take_while(|p| key(p) == k) {
            let more = p.name.text.split_whitespace().count() + usize::from(run > 0);
            if run > 0 && words + more > 10 {
                break;
            }
            words += more;
            run += 1;
        }
        if first_line {
            out.open()?;
            first_line = false;
        } else {
            out.f.write_char('\n')?;
        }
        out.f.write_str("By ")?;
        for (n, p) in b.people[i..i + run].iter().enumerate() {
            if n > 0 {
                out.f.write_str(" and ")?;
            }
            out.f.write_str(&p.name.text)?;
        }
        if let Some(role) = k.0 {
            write!(out.f, " {role}")?;
        }
        if let Some(aff) = k.1 {
            write!(out.f, ", {aff}")?;
        }
        i += run;
    }
    Ok(())
}

/// `Reporting by A and B; Editing by C`.
fn write_credits(f: &mut fmt::Formatter<'_>, credits: &[Credit<'_>]) -> fmt::Result {
    for (i, c) in credits.iter().enumerate() {
        if i > 0 {
            f.write_str("; ")?;
        }
        write!(f, "{} by", c.role.text)?;
        for (n, name) in c.names.iter().enumerate() {
            let joint = match n {
                0 => " ",
                _ if n + 1 == c.names.len() => " and ",
                _ => ", ",
            };
            write!(f, "{joint}{}", name.text)?;
        }
    }
    Ok(())
}

/// The error of [`Dateline::from_str`]: the text is not a dateline alone.
///
/// ```
/// use wirecopy::Dateline;
/// let err = "Russia calls for peace".parse::<Dateline<'static>>().unwrap_err();
/// assert_eq!(err.to_string(), "expected a dateline, found \"Russia calls for peace\"");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("expected a dateline, found {found}")]
#[non_exhaustive]
pub struct ParseDatelineError {
    found: String,
}

impl ParseDatelineError {
    fn new(found: impl Into<String>) -> Self {
        Self { found: found.into() }
    }
}

impl FromStr for Dateline<'static> {
    type Err = ParseDatelineError;

    /// Parses a dateline printed alone: `MOSCOW, June 16. /TASS/.`,
    /// `KAESONG, North Korea (AP) _`, `BEIJING, Nov. 7 , 2005 (Xinhua)`.
    /// Spans are byte offsets into `s`. Partial dates keep an unknown year.
    ///
    /// ```
    /// use wirecopy::{Agency, Dateline};
    /// let d: Dateline<'static> = "KAESONG, North Korea (AP) _".parse()?;
    /// assert_eq!(d.place.as_ref().unwrap().city, "KAESONG");
    /// assert_eq!(d.agencies[0].agency, Agency::Ap);
    /// assert_eq!(d.to_string(), "KAESONG, North Korea (AP) _");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`ParseDatelineError`] when `s` is empty, spans more than one line, or
    /// is not a dateline from end to end.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        if t.is_empty() {
            return Err(ParseDatelineError::new("no text"));
        }
        if t.contains(['\n', '\r']) {
            return Err(ParseDatelineError::new("a line break"));
        }
        let lead = s.len() - s.trim_start().len();
        // The dateline combinator alone, over the whole text.
        if let Ok((_, d)) = crate::grammar::dateline::<()>(t).parse(t) {
            if d.span == Span::new(0, t.len()) {
                return Ok(owned_dateline(d, &|sp| Span::new(sp.start + lead, sp.end + lead)));
            }
        }
        let shown: String = t.chars().take(60).collect();
        let more = if shown.len() < t.len() { "..." } else { "" };
        Err(ParseDatelineError::new(format!("{shown:?}{more}")))
    }
}

/// `d` owning its text, with every span moved by `at`.
fn owned_dateline(d: Dateline<'_>, at: &dyn Fn(Span) -> Span) -> Dateline<'static> {
    let mut d = d.into_owned();
    d.span = at(d.span);
    let texts =
        d.source_label.iter_mut().chain(d.separator.iter_mut()).chain(d.agencies.iter_mut().map(|a| &mut a.raw));
    for t in texts {
        t.span = at(t.span);
    }
    if let Some(p) = &mut d.place {
        p.span = at(p.span);
    }
    if let Some(x) = &mut d.date {
        x.span = at(x.span);
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Agency;

    /// The fields of a dateline, spans aside.
    fn fields(d: &Dateline<'_>) -> String {
        format!(
            "label={:?} place={:?} city={:?} region={:?} date={:?} tags={:?} sep={:?}",
            d.source_label.as_ref().map(|t| &t.text),
            d.place.as_ref().map(|p| &p.text),
            d.place.as_ref().map(|p| &p.city),
            d.place.as_ref().map(|p| &p.region),
            d.date.map(|x| (x.month, x.day, x.year)),
            d.agencies.iter().map(|t| (t.agency.name(), t.raw.text.as_ref())).collect::<Vec<_>>(),
            d.separator.as_ref().map(|t| &t.text),
        )
    }

    #[test]
    fn datelines_in_every_agency_style_round_trip() {
        for (printed, canonical) in [
            ("MOSCOW, June 16. /TASS/.", "MOSCOW, June 16. /TASS/."),
            ("LUGA /Leningrad Region/, May 3. /TASS/.", "LUGA /Leningrad Region/, May 3. /TASS/."),
            ("KAESONG, North Korea (AP) _", "KAESONG, North Korea (AP) _"),
            ("COMMACK, N.Y., Feb 26 -", "COMMACK, N.Y., February 26 -"),
            ("WASHINGTON/LONDON (Reuters) -", "WASHINGTON/LONDON (Reuters) -"),
            ("Pyongyang, August 29 (KCNA) --", "Pyongyang, August 29 (KCNA) --"),
            ("BEIJING, Nov. 7 , 2005 (Xinhua)", "BEIJING, November 7, 2005 (Xinhua)"),
            ("TOKYO, Dec 4 , 2006, 2006", "TOKYO, December 4, 2006"),
            ("(CNN) --", "(CNN) --"),
            ("AP -", "AP -"),
            ("Jan 3 (Reuters) -", "January 3 (Reuters) -"),
            ("San Diego (tca/dpa) -", "San Diego (tca/dpa) -"),
            ("Strasbourg, 10 juil 2024 (AFP)", "Strasbourg, July 10, 2024 (AFP)"),
            ("HAVANA (AP)--", "HAVANA (AP) --"),
            ("WASHINGTON _", "WASHINGTON _"),
            ("NAIROBI, Kenya (AP) —", "NAIROBI, Kenya (AP) —"),
            ("Canadian Press - NANAIMO, B.C. (CP) -", "Canadian Press - NANAIMO, B.C. (CP) -"),
            ("Berlin (dpa) -", "Berlin (dpa) -"),
            ("TOKYO, Dec 3 , 2006,.", "TOKYO, December 3, 2006 ."),
            ("BAGHDAD, Nov. 11 , 0447 (Xinhua)", "BAGHDAD, November 11, 0447 (Xinhua)"),
        ] {
            let d: Dateline<'static> = printed.parse().unwrap_or_else(|e| panic!("{printed:?}: {e}"));
            assert_eq!(d.span, Span::new(0, printed.len()), "{printed:?}");
            assert_eq!(d.to_string(), canonical, "{printed:?}");
            let again: Dateline<'static> = canonical.parse().unwrap_or_else(|e| panic!("{canonical:?}: {e}"));
            assert_eq!(fields(&again), fields(&d), "{printed:?}");
            assert_eq!(again.to_string(), canonical);
        }
    }

    #[test]
    fn dateline_spans_point_into_the_string_parsed() {
        let s = "  MOSCOW, June 16. /TASS/.  ";
        let d: Dateline<'static> = s.parse().unwrap();
        assert_eq!(d.span.slice(s), "MOSCOW, June 16. /TASS/.");
        assert_eq!(d.place.as_ref().unwrap().span.slice(s), "MOSCOW");
        assert_eq!(d.date.unwrap().span.slice(s), "June 16");
        assert_eq!(d.agencies[0].raw.span.slice(s), "/TASS/");
        assert_eq!(d.agencies[0].agency, Agency::Tass);
        assert_eq!(d.separator.unwrap().span.slice(s), ".");
    }

    #[test]
    fn text_that_is_not_a_dateline_alone_is_an_error() {
        for (s, found) in [
            ("", "no text"),
            ("   ", "no text"),
            ("MOSCOW, June 16. /TASS/.\nMore", "a line break"),
            ("Russia calls for peace", "\"Russia calls for peace\""),
            ("MOSCOW, June 16. /TASS/. Russia calls", "\"MOSCOW, June 16. /TASS/. Russia calls\""),
        ] {
            let err = s.parse::<Dateline<'static>>().unwrap_err();
            assert_eq!(err.to_string(), format!("expected a dateline, found {found}"), "{s:?}");
        }
    }

    const SEED: &str = "\
Lavrov says Moscow is ready for talks

Russia is open to talks, the minister told reporters.

By Ivan Petrov and Anna Smirnova, TASS

MOSCOW, Jun 16. /TASS/. Russia calls for a peaceful settlement, Russian Foreign Minister \
Sergey Lavrov said on Tuesday.

\"We are ready for talks,\" Lavrov told reporters. \"Nothing has changed.\"

Reporting by Ivan Petrov, Anna Smirnova and Oleg Ivanov; Editing by Jan Smith

Reuter
";

    const SEED_CANONICAL: &str = "\
Lavrov says Moscow is ready for talks

Russia is open to talks, the minister told reporters.

By Ivan Petrov and Anna Smirnova, TASS

MOSCOW, June 16. /TASS/. Russia calls for a peaceful settlement, Russian Foreign Minister \
Sergey Lavrov said on Tuesday.

\"We are ready for talks,\" Lavrov told reporters. \"Nothing has changed.\"

Reporting by Ivan Petrov, Anna Smirnova and Oleg Ivanov; Editing by Jan Smith

Reuter
";

    /// The fields of an article that rendering keeps, spans aside.
    fn article_fields(a: &Article<'_>) -> Vec<String> {
        let mut out = vec![
            format!("headline {:?}", a.headline.as_ref().map(|t| &t.text)),
            format!("standfirst {:?}", a.standfirst.as_ref().map(|t| &t.text)),
            format!("dateline {:?}", a.dateline.as_ref().map(fields)),
        ];
        for p in a.byline.iter().flat_map(|b| &b.people) {
            out.push(format!(
                "by {:?} {:?} {:?}",
                p.name.text,
                p.role.as_ref().map(|t| &t.text),
                p.affiliation.as_ref().map(|t| &t.text)
            ));
        }
        out.extend(a.paragraphs.iter().map(|p| format!("para {:?}", p.text)));
        for c in &a.credits {
            out.push(format!("credit {:?} {:?}", c.role.text, c.names.iter().map(|n| &n.text).collect::<Vec<_>>()));
        }
        out.extend(a.signoffs.iter().map(|s| format!("signoff {:?}", s.text)));
        for q in &a.quotations {
            out.push(format!(
                "quote {:?} {:?} {:?} {:?} cue={:?} speaker={:?}",
                q.text,
                q.marks,
                q.location,
                q.paragraph,
                q.cue.as_ref().map(|c| &c.text),
                q.speaker.as_ref().map(|s| (&s.name, s.kind, s.mention.as_ref().map(|m| &m.text)))
            ));
        }
        out
    }

    #[test]
    fn an_article_renders_as_canonical_copy_and_parses_back() {
        let a = crate::parse(SEED).unwrap();
        assert_eq!(a.byline.as_ref().unwrap().people.len(), 2);
        assert_eq!(a.credits.len(), 2);
        assert_eq!(a.to_string(), SEED_CANONICAL);
        let b = crate::parse(SEED_CANONICAL).unwrap();
        assert_eq!(article_fields(&b), article_fields(&a));
        assert_eq!(b.to_string(), SEED_CANONICAL);
    }

    #[test]
    fn hard_wrapped_copy_renders_one_paragraph_a_block() {
        let src = "\
HEADLINE HERE
    BELEM, Feb 26 - Light rain fell on and off through the week in
the coffee region, officials said.
    Growers said the harvest was
fine.
 Reuter
";
        let a = crate::parse(src).unwrap();
        let text = a.to_string();
        assert_eq!(
            text,
            "HEADLINE HERE\n\nBELEM, February 26 - Light rain fell on and off through the week in the coffee region, \
             officials said.\n\nGrowers said the harvest was fine.\n\nReuter\n"
        );
        assert_eq!(article_fields(&crate::parse(&text).unwrap()), article_fields(&a));
    }

    #[test]
    fn a_dateline_without_separator_ends_its_line() {
        let src = "Headline\n\nBEIJING, Nov. 7 , 2005 (Xinhua)\nChina said on Monday it would act.\n";
        let a = crate::parse(src).unwrap();
        let text = a.to_string();
        assert_eq!(text, "Headline\n\nBEIJING, November 7, 2005 (Xinhua)\nChina said on Monday it would act.\n");
        assert_eq!(article_fields(&crate::parse(&text).unwrap()), article_fields(&a));
    }

    #[test]
    fn bylines_with_roles_and_affiliations() {
        let src = "Headline\n\nBy GRETA HOLM\nAssociated Press Writer\n\nHAVANA (AP) _ Text here.\n";
        let a = crate::parse(src).unwrap();
        let text = a.to_string();
        assert_eq!(text, "Headline\n\nBy GRETA HOLM Associated Press Writer\n\nHAVANA (AP) _ Text here.\n");
        assert_eq!(article_fields(&crate::parse(&text).unwrap()), article_fields(&a));
    }

    #[test]
    fn label_datelines_and_pa_leads() {
        for src in [
            "Headline\n\nCanadian Press - OTTAWA (CP) - The House met.\n",
            "Headline\n\nAP - A company said so.\n",
            "Headline\n\nTOKYO, December 3, 2006 .\nJapan said so.\n",
            "Title\n\nA lead printed twice.\n\nA lead printed twice.\n\nMore text.\n",
        ] {
            let a = crate::parse(src).unwrap();
            let text = a.to_string();
            assert_eq!(text, src);
            assert_eq!(article_fields(&crate::parse(&text).unwrap()), article_fields(&a));
        }
    }

    #[test]
    fn an_empty_article_renders_as_nothing() {
        assert_eq!(Article::default().to_string(), "");
    }

    fn owned(s: &str) -> Text<'static> {
        Text { text: Cow::Owned(s.to_string()), span: Span::default() }
    }

    #[test]
    fn a_place_over_two_lines_prints_on_one() {
        for place in ["NEW\r\nYORK", "NEW\nYORK", "NEW\rYORK", "NEW \n  YORK", "NEW\n\r\nYORK"] {
            let d = Dateline {
                span: Span::default(),
                source_label: None,
                place: Some(crate::Place {
                    text: Cow::Owned(place.to_string()),
                    span: Span::new(0, place.len()),
                    city: Cow::Owned(place.to_string()),
                    region: None,
                }),
                date: None,
                agencies: vec![crate::AgencyTag {
                    agency: Agency::Ap,
                    raw: Text { text: Cow::Borrowed("(AP)"), span: Span::new(place.len() + 1, place.len() + 5) },
                }],
                separator: Some(owned("_")),
            };
            assert_eq!(d.to_string(), "NEW YORK (AP) _", "{place:?}");
            let again: Dateline<'static> = d.to_string().parse().unwrap();
            assert_eq!(again.to_string(), "NEW YORK (AP) _");
        }
        // Spacing on one line stays as printed.
        let d: Dateline<'static> = "MEXICO  CITY, Nov. 21 , 2006 (Xinhua)".parse().unwrap();
        assert_eq!(d.to_string(), "MEXICO  CITY, November 21, 2006 (Xinhua)");
        // Parsed from copy hard-wrapped inside its place.
        let a = crate::parse("Headline\n\nSAN\nDIEGO (AP) _ Text here.\n").unwrap();
        let text = a.to_string();
        assert_eq!(text, "Headline\n\nSAN DIEGO (AP) _ Text here.\n");
        assert!(a.round_trips());
    }

    #[test]
    fn text_that_would_go_on_with_a_dateline_stands_below_it() {
        // The mutated corpus splits "BEIJING, Nov. 7 , 2005 (Xinhua)" in two.
        let src = "Headline\n\nBEIJING, Nov. 7\n\n, 2005 (Xinhua) China said on Monday it would act.\n";
        let a = crate::parse(src).unwrap();
        assert_eq!(a.dateline.as_ref().unwrap().to_string(), "BEIJING, November 7");
        assert_eq!(a.paragraphs[0].text, ", 2005 (Xinhua) China said on Monday it would act.");
        let text = a.to_string();
        assert_eq!(text, "Headline\n\nBEIJING, November 7\n\n, 2005 (Xinhua) China said on Monday it would act.\n");
        assert_eq!(article_fields(&crate::parse(&text).unwrap()), article_fields(&a));
        assert!(a.round_trips());
    }

    #[test]
    fn a_headline_that_reads_as_a_dateline_or_opens_with_a_flag_is_framed() {
        for (headline, line) in [
            ("URGENT Ci(AP)-", "^URGENT URGENT Ci(AP)-<"),
            ("KIEV (AP) - Talks end", "^KIEV (AP) - Talks end<"),
            ("URGENT Talks end", "^URGENT URGENT Talks end<"),
            ("Talks end <", "^Talks end <<"),
            ("Talks end", "Talks end"),
        ] {
            let a = Article {
                headline: Some(owned(headline)),
                paragraphs: vec![crate::Paragraph { text: Cow::Borrowed("Story text."), span: Span::default() }],
                ..Article::default()
            };
            let text = a.to_string();
            assert_eq!(text, format!("{line}\n\nStory text.\n"), "{headline:?}");
            let b = crate::parse(&text).unwrap();
            assert_eq!(b.headline.as_ref().map(Text::as_str), Some(headline), "{headline:?}");
            assert_eq!(b.dateline, None, "{headline:?}");
            assert!(a.round_trips(), "{headline:?}");
            assert_eq!(b.to_string(), text);
        }
    }

    #[test]
    fn an_article_of_advisories_only_renders_as_nothing_and_is_outside_the_domain() {
        let a = Article { advisories: vec![owned("BC-Talks 08-11 0113")], ..Article::default() };
        assert_eq!(a.to_string(), "");
        assert_eq!(crate::parse("").unwrap_err().kind(), crate::ErrorKind::Empty);
        assert!(!a.round_trips());
        assert!(!Article::default().round_trips());
    }

    #[test]
    fn a_paragraph_that_reads_as_a_sign_off_is_outside_the_domain() {
        let a = crate::parse("Headline\n\nMOSCOW, Jun 16. /TASS/. Text.\n\n7\nReute\nReuter\n").unwrap();
        let paragraphs: Vec<&str> = a.paragraphs.iter().map(|p| p.text.as_ref()).collect();
        assert_eq!(paragraphs, ["Text.", "7 Reute"]);
        assert!(a.round_trips());
        let mut a = crate::parse("Headline\n\nMOSCOW, Jun 16. /TASS/. Text.\n\nReuter\n").unwrap();
        a.paragraphs.push(crate::Paragraph { text: Cow::Borrowed("Reute"), span: Span::default() });
        assert_eq!(a.to_string(), "Headline\n\nMOSCOW, June 16. /TASS/. Text.\n\nReute\n\nReuter\n");
        // Printed as a block of its own, "Reute" reads as an end mark cut short.
        let text = a.to_string();
        let b = crate::parse(&text).unwrap();
        assert_eq!(b.paragraphs.len(), 1);
        assert!(!a.round_trips());
        a.paragraphs.pop();
        assert!(a.round_trips());
    }
}
