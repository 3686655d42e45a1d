//! [`Record`]: the flat JSON shape of the `parse` example.

#[cfg(feature = "serde")]
use serde::Serialize;

use crate::{Article, Diagnostic, Span};

/// A flat view of an [`Article`] for JSON output: plain strings where
/// readers expect them (`headline`, `dateline.place`, agency names), with
/// spans beside. This is the shape `cargo run --example parse` prints.
///
/// ```
/// let a = wirecopy::parse("Title\n\nMOSCOW, June 16. /TASS/. Text.")?;
/// let r = wirecopy::Record::from(&a);
/// assert_eq!(r.headline, Some("Title"));
/// assert_eq!(r.dateline.unwrap().agencies, ["TASS"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[non_exhaustive]
pub struct Record<'r> {
    /// Site chrome lines.
    pub chrome: Vec<&'r str>,
    /// Wire header and advisory lines.
    pub advisories: Vec<&'r str>,
    /// The headline.
    pub headline: Option<&'r str>,
    /// The standfirst.
    pub standfirst: Option<&'r str>,
    /// The byline's names.
    pub byline: Vec<&'r str>,
    /// The dateline.
    pub dateline: Option<RecordDateline<'r>>,
    /// Body paragraphs.
    pub paragraphs: Vec<RecordText<'r>>,
    /// Quotations.
    pub quotations: Vec<RecordQuote<'r>>,
    /// Credit lines as "role: names".
    pub credits: Vec<String>,
    /// Sign-offs and end marks.
    pub signoffs: Vec<&'r str>,
    /// Diagnostics with their messages.
    pub diagnostics: Vec<RecordDiagnostic>,
}

/// A dateline in a [`Record`].
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[non_exhaustive]
pub struct RecordDateline<'r> {
    /// The place as printed, `""` when only a tag.
    pub place: &'r str,
    /// The date.
    pub date: Option<RecordDate>,
    /// Canonical agency names.
    pub agencies: Vec<&'r str>,
    /// The separator.
    pub separator: Option<&'r str>,
    /// The whole dateline.
    pub span: Span,
}

/// A date in a [`Record`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[non_exhaustive]
pub struct RecordDate {
    /// The year, if printed.
    pub year: Option<i32>,
    /// Month, 1 to 12.
    pub month: u32,
    /// Day of the month.
    pub day: u32,
    /// The resolved date as `YYYY-MM-DD`, if known.
    pub resolved: Option<chrono::NaiveDate>,
}

/// A text and its span in a [`Record`].
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[non_exhaustive]
pub struct RecordText<'r> {
    /// The text.
    pub text: &'r str,
    /// Its span.
    pub span: Span,
}

/// A quotation in a [`Record`].
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[non_exhaustive]
pub struct RecordQuote<'r> {
    /// The words between the marks.
    pub text: &'r str,
    /// Who said it.
    pub speaker: Option<RecordSpeaker<'r>>,
    /// The reporting word.
    pub cue: Option<&'r str>,
    /// From mark to mark.
    pub span: Span,
    /// Paragraph index, for body quotes.
    pub paragraph: Option<usize>,
    /// "headline", "standfirst" or "body".
    pub location: crate::Location,
    /// Why: the rule that gave the cue and speaker, and its evidence
    /// (`{rule, cue, mention, antecedent}`, the last three spans).
    pub attribution: Option<crate::Attribution>,
    /// Whether it is speech (someone's words), not a title, a name or a term.
    pub speech: bool,
}

/// A speaker in a [`Record`].
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[non_exhaustive]
pub struct RecordSpeaker<'r> {
    /// The resolved name.
    pub name: Option<&'r str>,
    /// The mention near the quote.
    pub mention: Option<&'r str>,
    /// The kind of mention.
    pub kind: crate::MentionKind,
    /// A title printed with the name.
    pub title: Option<&'r str>,
}

/// A diagnostic in a [`Record`].
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[non_exhaustive]
pub struct RecordDiagnostic {
    /// The kind.
    pub kind: crate::DiagnosticKind,
    /// The message.
    pub message: String,
    /// Where.
    pub span: Span,
}

impl From<&Diagnostic> for RecordDiagnostic {
    fn from(d: &Diagnostic) -> Self {
        Self { kind: d.kind, message: d.kind.to_string(), span: d.span }
    }
}

impl<'r> From<&'r Article<'_>> for Record<'r> {
    fn from(a: &'r Article<'_>) -> Self {
        Record {
            chrome: a.chrome.iter().map(|t| t.as_str()).collect(),
            advisories: a.advisories.iter().map(|t| t.as_str()).collect(),
            headline: a.headline.as_ref().map(|t| t.as_str()),
            standfirst: a.standfirst.as_ref().map(|t| t.as_str()),
            byline: byline(a).collect(),
            dateline: dateline(a),
            paragraphs: a.paragraphs.iter().map(|p| RecordText { text: &p.text, span: p.span }).collect(),
            quotations: a.quotations.iter().map(quotation).collect(),
            credits: a.credits.iter().map(credit).collect(),
            signoffs: a.signoffs.iter().map(|t| t.as_str()).collect(),
            diagnostics: a.diagnostics.iter().map(RecordDiagnostic::from).collect(),
        }
    }
}

fn byline<'r>(a: &'r Article<'_>) -> impl Iterator<Item = &'r str> {
    a.byline.iter().flat_map(|b| &b.people).map(|p| p.name.as_str())
}

fn dateline<'r>(a: &'r Article<'_>) -> Option<RecordDateline<'r>> {
    a.dateline.as_ref().map(|d| RecordDateline {
        place: d.place.as_ref().map_or("", |p| &p.text),
        date: d.date.map(|x| RecordDate { year: x.year, month: x.month, day: x.day, resolved: x.resolved }),
        agencies: d.agencies.iter().map(|t| t.agency.name()).collect(),
        separator: d.separator.as_ref().map(|s| s.as_str()),
        span: d.span,
    })
}

fn quotation<'r>(q: &'r crate::Quotation<'_>) -> RecordQuote<'r> {
    RecordQuote {
        text: &q.text,
        speaker: q.speaker.as_ref().map(|s| RecordSpeaker {
            name: s.name.as_deref(),
            mention: s.mention.as_ref().map(|m| m.as_str()),
            kind: s.kind,
            title: s.title.as_deref(),
        }),
        cue: q.cue.as_ref().map(|c| c.as_str()),
        span: q.span,
        paragraph: q.paragraph,
        location: q.location,
        attribution: q.attribution,
        speech: q.speech,
    }
}

fn credit(c: &crate::Credit<'_>) -> String {
    format!("{}: {}", c.role.text, c.names.iter().map(|n| n.as_str()).collect::<Vec<_>>().join(", "))
}

/// The JSON of [`Record::from`] an article, written straight from the
/// article: no list of the record is built, so writing an article of
/// millions of paragraphs costs no memory beside it (a [`Record`] holds
/// 32 bytes a paragraph). The `parse` and `batch` examples and the
/// `wirecopy` command write this.
///
/// ```
/// let a = wirecopy::parse("Title\n\nMOSCOW, June 16. /TASS/. Text.")?;
/// let view = serde_json::to_string(&wirecopy::RecordView(&a))?;
/// assert_eq!(view, serde_json::to_string(&wirecopy::Record::from(&a))?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg(feature = "serde")]
#[derive(Clone, Copy, Debug)]
pub struct RecordView<'r, 'a>(pub &'r Article<'a>);

/// A sequence serialized from an iterator made anew each time.
#[cfg(feature = "serde")]
struct Seq<F>(F);

#[cfg(feature = "serde")]
impl<F, I> Serialize for Seq<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq((self.0)())
    }
}

#[cfg(feature = "serde")]
impl Serialize for RecordView<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let a = self.0;
        // The fields of `Record`, in its order.
        let mut r = s.serialize_struct("Record", 11)?;
        r.serialize_field("chrome", &Seq(|| a.chrome.iter().map(|t| t.as_str())))?;
        r.serialize_field("advisories", &Seq(|| a.advisories.iter().map(|t| t.as_str())))?;
        r.serialize_field("headline", &a.headline.as_ref().map(|t| t.as_str()))?;
        r.serialize_field("standfirst", &a.standfirst.as_ref().map(|t| t.as_str()))?;
        r.serialize_field("byline", &Seq(|| byline(a)))?;
        r.serialize_field("dateline", &dateline(a))?;
        r.serialize_field(
            "paragraphs",
            &Seq(|| a.paragraphs.iter().map(|p| RecordText { text: &p.text, span: p.span })),
        )?;
        r.serialize_field("quotations", &Seq(|| a.quotations.iter().map(quotation)))?;
        r.serialize_field("credits", &Seq(|| a.credits.iter().map(credit)))?;
        r.serialize_field("signoffs", &Seq(|| a.signoffs.iter().map(|t| t.as_str())))?;
        r.serialize_field("diagnostics", &Seq(|| a.diagnostics.iter().map(RecordDiagnostic::from)))?;
        r.end()
    }
}

#[cfg(all(test, feature = "serde"))]
mod tests {
    use super::*;

    /// The view writes the record's JSON, byte for byte, for every fixture.
    #[test]
    fn the_view_writes_the_records_json() {
        let mut files = vec![std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")];
        let mut seen = 0;
        while let Some(path) = files.pop() {
            if path.is_dir() {
                files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&path) else { continue };
            let Ok(a) = crate::parse(&text) else { continue };
            let record = serde_json::to_string(&Record::from(&a)).unwrap();
            assert_eq!(serde_json::to_string(&RecordView(&a)).unwrap(), record, "{}", path.display());
            seen += 1;
        }
        assert!(seen > 20, "{seen} fixtures");
    }
}
