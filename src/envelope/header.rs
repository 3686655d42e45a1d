//! Typed envelope headers and trailers, with the raw values beside them.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone};
#[cfg(feature = "serde")]
use serde::Serialize;

use super::grammar;

type E<'a> = nom::error::Error<&'a str>;

/// The envelope format of a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Format {
    /// ANPA-1312 (SYN SYN SOH, selector after US, two header lines).
    Anpa,
    /// IPTC 7901 (SOH, one header line, a keyword line).
    #[cfg_attr(feature = "serde", serde(rename = "iptc7901"))]
    Iptc7901,
    /// Framed by SOH but with a header of neither format.
    Unknown,
}

/// ANPA priority letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum AnpaPriority {
    /// `f`
    Flash,
    /// `b`
    Bulletin,
    /// `u` (corrections too)
    Urgent,
    /// `r`
    Regular,
    /// `d`
    Deferred,
    /// `a` (weekday advance)
    Advance,
    /// Any other letter.
    Other(char),
}

impl AnpaPriority {
    /// The priority a letter stands for.
    #[must_use]
    pub fn from_letter(c: char) -> Self {
        match c {
            'f' => Self::Flash,
            'b' => Self::Bulletin,
            'u' => Self::Urgent,
            'r' => Self::Regular,
            'd' => Self::Deferred,
            'a' => Self::Advance,
            c => Self::Other(c),
        }
    }

    /// The letter transmitted.
    #[must_use]
    pub fn letter(self) -> char {
        match self {
            Self::Flash => 'f',
            Self::Bulletin => 'b',
            Self::Urgent => 'u',
            Self::Regular => 'r',
            Self::Deferred => 'd',
            Self::Advance => 'a',
            Self::Other(c) => c,
        }
    }
}

/// ANPA header fields as transmitted (`None`: the slot is there but empty).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[non_exhaustive]
pub struct AnpaRaw {
    /// Service-level designator.
    pub service_level: String,
    /// Story number.
    pub story_number: String,
    /// Selector.
    pub selector: String,
    /// Priority letter.
    pub priority: String,
    /// Category letter.
    pub category: String,
    /// Format identifier (two control characters).
    pub format_id: String,
    /// Keyword, cut at 24 characters.
    pub keyword: String,
    /// Version slot.
    pub version: Option<String>,
    /// Reference slot.
    pub reference: Option<String>,
    /// Date `MM-DD`.
    pub date: String,
    /// Word count.
    pub word_count: Option<String>,
}

/// A typed ANPA-1312 header.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[non_exhaustive]
pub struct AnpaHeader {
    /// Service-level designator (AP: `a` spot news, `s` sports, ...).
    pub service_level: char,
    /// Story number.
    pub story_number: u16,
    /// Anything between the story number and US (UPI's extra field).
    pub extra: Option<String>,
    /// Selector code.
    pub selector: String,
    /// Priority.
    pub priority: AnpaPriority,
    /// Category letter (no public table: kept opaque).
    pub category: char,
    /// Whether the format id marks agate type (DC4 first).
    pub agate: bool,
    /// Whether the format id marks tabular text (DC2 second).
    pub tabular: bool,
    /// Keyword (slug), at most 24 characters.
    pub keyword: String,
    /// Version (`1stLd-Writethru`, `Adv30-01`).
    pub version: Option<String>,
    /// Reference.
    pub reference: Option<String>,
    /// Month and day of filing.
    pub month_day: Option<(u32, u32)>,
    /// Word count, when sent.
    pub word_count: Option<u32>,
    /// The fields as transmitted.
    pub raw: AnpaRaw,
}

/// IPTC 7901 header fields as transmitted.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[non_exhaustive]
pub struct IptcRaw {
    /// Source identifier.
    pub source: String,
    /// Message number.
    pub number: String,
    /// Priority digit.
    pub priority: String,
    /// Category.
    pub category: String,
    /// Word count.
    pub word_count: String,
    /// Optional field.
    pub optional: Option<String>,
    /// Keyword line.
    pub keyword: Option<String>,
}

/// A typed IPTC 7901 header.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[non_exhaustive]
pub struct IptcHeader {
    /// Source identifier (`eca`, `bdt`, `v`).
    pub source: String,
    /// Message number.
    pub number: u16,
    /// Priority, 1 (highest, flash) to 6.
    pub priority: u8,
    /// Category (`pl`, `vm`, `i`, `s`).
    pub category: String,
    /// Word count.
    pub word_count: u16,
    /// Optional field, as transmitted.
    pub optional: Option<String>,
    /// Keywords of the keyword line, split on `/`.
    pub keywords: Vec<String>,
    /// The fields as transmitted.
    pub raw: IptcRaw,
}

/// A message header.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Header {
    /// ANPA-1312.
    Anpa(AnpaHeader),
    /// IPTC 7901.
    Iptc7901(IptcHeader),
    /// Neither: the header text as transmitted.
    Unknown(String),
}

impl Header {
    /// The format.
    #[must_use]
    pub fn format(&self) -> Format {
        match self {
            Self::Anpa(_) => Format::Anpa,
            Self::Iptc7901(_) => Format::Iptc7901,
            Self::Unknown(_) => Format::Unknown,
        }
    }

    /// Parse the header text between SOH and STX.
    pub(crate) fn parse(text: &str) -> Self {
        let mut lines = text.split('\n').map(|l| l.trim_end_matches('\r'));
        let first = lines.next().unwrap_or("");
        if let Ok((_, id)) = grammar::anpa_id_line::<E>(first) {
            let second = lines.find(|l| !l.trim().is_empty()).unwrap_or("");
            if let Ok((_, info)) = grammar::anpa_info_line::<E>(second) {
                return Self::Anpa(anpa(&id, &info));
            }
        }
        if let Ok((_, line)) = grammar::iptc_line::<E>(first) {
            let keyword = lines.map(str::trim_end).find(|l| !l.trim().is_empty()).map(str::to_owned);
            return Self::Iptc7901(iptc(&line, keyword));
        }
        Self::Unknown(text.to_owned())
    }

    /// Render the header text (between SOH and STX) in its canonical layout.
    pub(crate) fn render(&self) -> String {
        match self {
            Self::Anpa(h) => {
                let r = &h.raw;
                let mut s = format!(
                    "{}{}{}\x1f{}\n{} {}{} {} {} {} {}",
                    r.service_level,
                    r.story_number,
                    h.extra.as_deref().unwrap_or(""),
                    r.selector,
                    r.priority,
                    r.category,
                    r.format_id,
                    r.keyword,
                    r.version.as_deref().unwrap_or(" "),
                    r.reference.as_deref().unwrap_or(" "),
                    r.date
                );
                if let Some(w) = &r.word_count {
                    s.push(' ');
                    s.push_str(w);
                }
                s.push_str("\r\n");
                s
            }
            Self::Iptc7901(h) => {
                let r = &h.raw;
                let mut s = format!("{}{} {} {} {}", r.source, r.number, r.priority, r.category, r.word_count);
                if let Some(o) = &r.optional {
                    s.push(' ');
                    s.push_str(o);
                }
                s.push_str("\r\n");
                if let Some(k) = &r.keyword {
                    s.push_str(k);
                    s.push_str("\r\n");
                }
                s
            }
            Self::Unknown(t) => t.clone(),
        }
    }
}

fn anpa(id: &grammar::AnpaIdLine<'_>, info: &grammar::AnpaInfoLine<'_>) -> AnpaHeader {
    let own = |s: Option<&str>| s.map(str::to_owned);
    let md = info.date.split_once('-').and_then(|(m, d)| Some((m.parse().ok()?, d.parse().ok()?)));
    let mut fid = info.format_id.chars();
    let (f1, f2) = (fid.next(), fid.next());
    AnpaHeader {
        service_level: id.service_level.chars().next().unwrap_or(' '),
        story_number: id.story_number.parse().unwrap_or(0),
        extra: (!id.extra.is_empty()).then(|| id.extra.to_owned()),
        selector: id.selector.to_owned(),
        priority: AnpaPriority::from_letter(info.priority.chars().next().unwrap_or(' ')),
        category: info.category.chars().next().unwrap_or(' '),
        agate: f1 == Some('\x14'),
        tabular: f2 == Some('\x12'),
        keyword: info.keyword.to_owned(),
        version: own(info.version),
        reference: own(info.reference),
        month_day: md,
        word_count: info.word_count.and_then(|w| w.parse().ok()),
        raw: AnpaRaw {
            service_level: id.service_level.to_owned(),
            story_number: id.story_number.to_owned(),
            selector: id.selector.to_owned(),
            priority: info.priority.to_owned(),
            category: info.category.to_owned(),
            format_id: info.format_id.to_owned(),
            keyword: info.keyword.to_owned(),
            version: own(info.version),
            reference: own(info.reference),
            date: info.date.to_owned(),
            word_count: own(info.word_count),
        },
    }
}

fn iptc(line: &grammar::IptcLine<'_>, keyword: Option<String>) -> IptcHeader {
    IptcHeader {
        source: line.source.to_owned(),
        number: line.number.parse().unwrap_or(0),
        priority: line.priority.parse().unwrap_or(0),
        category: line.category.to_owned(),
        word_count: line.word_count.parse().unwrap_or(0),
        optional: line.optional.map(str::to_owned),
        keywords: keyword
            .as_deref()
            .map(|k| k.split('/').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect())
            .unwrap_or_default(),
        raw: IptcRaw {
            source: line.source.to_owned(),
            number: line.number.to_owned(),
            priority: line.priority.to_owned(),
            category: line.category.to_owned(),
            word_count: line.word_count.to_owned(),
            optional: line.optional.map(str::to_owned),
            keyword,
        },
    }
}

/// The trailer after ETX: the transmission time.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[non_exhaustive]
pub struct Trailer {
    /// The first line after ETX, as transmitted (without its line ending).
    pub raw: String,
    /// The agency and desk of an AP trailer (`AP-WF`).
    pub desk: Option<String>,
    /// The time as printed, without zone.
    pub local: Option<NaiveDateTime>,
    /// The zone as printed (`GMT`, `EDT`).
    pub zone: Option<String>,
    /// The time with its offset, when the zone is known.
    pub date_time: Option<DateTime<FixedOffset>>,
}

impl Trailer {
    /// Read a trailer line.
    #[must_use]
    pub fn parse(raw: &str) -> Self {
        let text = raw.trim_end();
        let mut t = Self { raw: raw.to_owned(), desk: None, local: None, zone: None, date_time: None };
        let (local, zone) = if let Ok((_, a)) = grammar::ap_trailer::<E>(text) {
            t.desk = Some(a.desk.to_owned());
            (date_time(a.year, a.month, a.day, a.hour, a.minute), a.zone)
        } else if let Ok((_, i)) = grammar::iptc_trailer::<E>(text) {
            (date_time(i.year, i.month, i.day, i.hour, i.minute), i.zone)
        } else {
            (None, None)
        };
        t.local = local;
        t.zone = zone.map(str::to_owned);
        t.date_time = local.zip(zone.and_then(offset)).and_then(|(l, o)| o.from_local_datetime(&l).single());
        t
    }

    /// The trailer as the gold shows it: trailing spaces and a final `<` removed.
    #[must_use]
    pub fn text(&self) -> &str {
        let t = self.raw.trim_end();
        t.strip_suffix('<').unwrap_or(t).trim_end()
    }

    /// The date of transmission, as printed.
    #[must_use]
    pub fn date(&self) -> Option<NaiveDate> {
        self.local.map(|l| l.date())
    }
}

fn date_time(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> Option<NaiveDateTime> {
    NaiveDate::from_ymd_opt(year, month, day)?.and_hms_opt(hour, minute, 0)
}

/// The UTC offset of a zone abbreviation seen in trailers.
#[must_use]
pub fn offset(zone: &str) -> Option<FixedOffset> {
    let hours = match zone {
        "GMT" | "UTC" | "UT" | "Z" | "WET" => 0,
        "BST" | "CET" | "MEZ" | "WEST" => 1,
        "CEST" | "MESZ" | "EET" => 2,
        "EDT" | "AST" => -4,
        "EST" | "CDT" => -5,
        "CST" | "MDT" => -6,
        "MST" | "PDT" => -7,
        "PST" => -8,
        _ => return None,
    };
    FixedOffset::east_opt(hours * 3600)
}
