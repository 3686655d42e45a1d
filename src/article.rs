//! The data model: an [`Article`] and its parts, each with a byte [`Span`].

use std::borrow::Cow;

#[cfg(feature = "serde")]
use serde::Serialize;

use crate::{Agency, DatelineDate, Diagnostic, Span};

/// A piece of text with its span in the input.
///
/// The text borrows from the input unless it had to be rejoined (a
/// hard-wrapped paragraph whose lines are joined by single spaces).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct Text<'a> {
    /// The text, borrowed or rejoined.
    pub text: Cow<'a, str>,
    /// Where it stands in the input.
    pub span: Span,
}

impl<'a> Text<'a> {
    pub(crate) fn borrowed(src: &'a str, span: Span) -> Self {
        Self { text: Cow::Borrowed(span.slice(src)), span }
    }

    /// The text as a `&str`.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The same text, owning its data.
    #[must_use]
    pub fn into_owned(self) -> Text<'static> {
        Text { text: Cow::Owned(self.text.into_owned()), span: self.span }
    }
}

/// An article parsed from wire copy.
///
/// Everything before the story (site chrome, wire header, headline,
/// standfirst, byline) is kept apart from the body paragraphs, and so is
/// everything after it (credits, sign-offs and end marks).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[non_exhaustive]
pub struct Article<'a> {
    /// Site chrome before the story: "All news", "Source: CNN".
    pub chrome: Vec<Text<'a>>,
    /// Wire header and advisory lines: slugs, "Eds: ...", "ATTENTION - ... ///",
    /// ANPA and IPTC codes, document ids, priority flags.
    pub advisories: Vec<Text<'a>>,
    /// The title line, without chrome, priority flags and feed markers.
    pub headline: Option<Text<'a>>,
    /// A lead printed between the headline and the story (TASS, PA).
    pub standfirst: Option<Text<'a>>,
    /// Who wrote the story.
    pub byline: Option<Byline<'a>>,
    /// Place, date and agency tags that open the story.
    pub dateline: Option<Dateline<'a>>,
    /// Body paragraphs; the first has its dateline cut off.
    pub paragraphs: Vec<Paragraph<'a>>,
    /// Credit lines: "Reporting by X; Editing by Y".
    pub credits: Vec<Credit<'a>>,
    /// Sign-offs, end marks and trailer lines: "Reuter", "-0-", "(END)",
    /// "AP-NY-08-07-98 0618EDT".
    pub signoffs: Vec<Text<'a>>,
    /// Quotations in the headline, standfirst and body, in document order.
    pub quotations: Vec<Quotation<'a>>,
    /// Recoverable oddities met while parsing.
    pub diagnostics: Vec<Diagnostic>,
}

/// The people credited in a byline.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct Byline<'a> {
    /// The whole byline, as printed over one or more lines.
    pub span: Span,
    /// Each person named, in order.
    pub people: Vec<Person<'a>>,
}

/// A person named in a byline, with role or affiliation where printed.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct Person<'a> {
    /// The name as printed: "WANJIRU KAMAU", "Janie Gabbett".
    pub name: Text<'a>,
    /// A role such as "Associated Press Writer".
    pub role: Option<Text<'a>>,
    /// An employer such as "Reuters" or "The Boston Globe".
    pub affiliation: Option<Text<'a>>,
}

/// The dateline that opens a story: place, date, agency tags, separator.
///
/// ```
/// let a = wirecopy::parse("Headline\n\nKAESONG, North Korea (AP) _ Text.")?;
/// let d = a.dateline.unwrap();
/// assert_eq!(d.place.unwrap().text, "KAESONG, North Korea");
/// assert_eq!(d.agencies[0].agency, wirecopy::Agency::Ap);
/// assert_eq!(d.separator.unwrap().text, "_");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct Dateline<'a> {
    /// The whole dateline, separator included.
    pub span: Span,
    /// A source label before the dateline ("Canadian Press - ").
    pub source_label: Option<Text<'a>>,
    /// The place as printed, with its region, state or country.
    pub place: Option<Place<'a>>,
    /// The date, if printed.
    pub date: Option<DatelineDate>,
    /// Agency tags in the dateline position, in order.
    pub agencies: Vec<AgencyTag<'a>>,
    /// The separator before the story text ("-", "--", "_", "—", "."), if any.
    pub separator: Option<Text<'a>>,
}

/// The place of a dateline.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct Place<'a> {
    /// As printed: "KAESONG, North Korea", "IGORA /Leningrad Region/".
    pub text: Cow<'a, str>,
    /// Where it stands in the input.
    pub span: Span,
    /// The city alone: "KAESONG", "IGORA".
    pub city: Cow<'a, str>,
    /// The region, state or country as printed: "North Korea", "Leningrad Region".
    pub region: Option<Cow<'a, str>>,
}

/// An agency tag: the agency and the tag as printed.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct AgencyTag<'a> {
    /// The agency named.
    pub agency: Agency,
    /// The tag as printed, marks included: "/TASS/", "(Reuters)", "AP".
    pub raw: Text<'a>,
}

/// A body paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct Paragraph<'a> {
    /// The text; hard-wrapped lines are joined by single spaces.
    pub text: Cow<'a, str>,
    /// The span of the original text, line breaks included.
    pub span: Span,
}

/// A credit line entry: a role and the names given it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct Credit<'a> {
    /// "Reporting", "Additional reporting", "Editing", "Writing".
    pub role: Text<'a>,
    /// The names credited.
    pub names: Vec<Text<'a>>,
}

/// Where a quotation stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Location {
    /// In the headline.
    Headline,
    /// In the standfirst.
    Standfirst,
    /// In a body paragraph.
    Body,
}

/// The style of quotation marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum MarkStyle {
    /// `"..."`
    Straight,
    /// `“...”`
    Curly,
    /// `«...»`
    Guillemets,
    /// `„...“`
    German,
    /// ASCII ANPA ``` ``...'' ```
    Backtick,
    /// `'...'`
    SingleStraight,
    /// `‘...’`
    SingleCurly,
}

/// A quotation and who said it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[non_exhaustive]
pub struct Quotation<'a> {
    /// The words between the marks, marks excluded; parts over several
    /// paragraphs or lines are joined by single spaces.
    pub text: Cow<'a, str>,
    /// From the opening mark to the closing one (or the end of its reach).
    pub span: Span,
    /// The text span of each part (one per paragraph it runs over).
    pub parts: Vec<Span>,
    /// Quotations nested inside this one, as text spans.
    pub nested: Vec<Span>,
    /// The marks used.
    pub marks: MarkStyle,
    /// Where it stands.
    pub location: Location,
    /// Index into [`Article::paragraphs`] of its first part, for body quotes.
    pub paragraph: Option<usize>,
    /// Whether a closing mark was found.
    pub closed: bool,
    /// The reporting word: "said", "told", "according".
    pub cue: Option<Text<'a>>,
    /// Who said it.
    pub speaker: Option<Speaker<'a>>,
    /// Why: the rule that gave the cue and speaker, and its evidence.
    pub attribution: Option<crate::Attribution>,
    /// Whether it is speech, someone's words: not a title of a work, a
    /// name, a scare quote or a term ("the so-called "shadow fleet"", or a
    /// phrase the story also writes without marks: "a "rescue pot" ... the
    /// rescue pot paid").
    /// Only speech has a cue, a speaker and an attribution.
    pub speech: bool,
}

/// The kind of a speaker mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum MentionKind {
    /// A proper name: "Sergey Lavrov", "Lavrov".
    Name,
    /// A pronoun: "he", "she", "they".
    Pronoun,
    /// A description: "the Russian top diplomat", "the minister".
    Description,
    /// An organisation: "the Foreign Ministry".
    Organisation,
    /// A group: "protesters", "officials".
    Group,
    /// No mention near the quote: the speaker carries over from before.
    Carried,
}

/// Who said a quotation: the mention and the name it refers to.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[non_exhaustive]
pub struct Speaker<'a> {
    /// The mention as printed near the quote ("he", "Lavrov"), if any.
    pub mention: Option<Text<'a>>,
    /// What kind of mention it is.
    pub kind: MentionKind,
    /// The fullest name it resolves to: "Sergey Lavrov".
    pub name: Option<Cow<'a, str>>,
    /// A title printed with the name: "Russian Foreign Minister".
    pub title: Option<Cow<'a, str>>,
}

fn own(c: Cow<'_, str>) -> Cow<'static, str> {
    Cow::Owned(c.into_owned())
}

fn own_opt(c: Option<Cow<'_, str>>) -> Option<Cow<'static, str>> {
    c.map(own)
}

fn own_text(t: Option<Text<'_>>) -> Option<Text<'static>> {
    t.map(Text::into_owned)
}

fn own_all(v: Vec<Text<'_>>) -> Vec<Text<'static>> {
    v.into_iter().map(Text::into_owned).collect()
}

impl Dateline<'_> {
    /// The same dateline, owning all its text (`Dateline<'static>`).
    #[must_use]
    pub fn into_owned(self) -> Dateline<'static> {
        Dateline {
            span: self.span,
            source_label: own_text(self.source_label),
            place: self.place.map(|p| Place {
                text: own(p.text),
                span: p.span,
                city: own(p.city),
                region: own_opt(p.region),
            }),
            date: self.date,
            agencies: self
                .agencies
                .into_iter()
                .map(|t| AgencyTag { agency: t.agency, raw: t.raw.into_owned() })
                .collect(),
            separator: own_text(self.separator),
        }
    }
}

impl Article<'_> {
    /// Every span of the article (diagnostics included) passed through `f`.
    pub(crate) fn map_spans(&mut self, f: impl Fn(Span) -> Span) {
        let text = |t: &mut Text<'_>| t.span = f(t.span);
        self.chrome.iter_mut().chain(&mut self.advisories).chain(&mut self.signoffs).for_each(text);
        self.headline.iter_mut().chain(&mut self.standfirst).for_each(text);
        if let Some(b) = &mut self.byline {
            b.span = f(b.span);
            for p in &mut b.people {
                text(&mut p.name);
                p.role.iter_mut().chain(&mut p.affiliation).for_each(text);
            }
        }
        if let Some(d) = &mut self.dateline {
            d.span = f(d.span);
            d.source_label.iter_mut().chain(&mut d.separator).for_each(text);
            if let Some(p) = &mut d.place {
                p.span = f(p.span);
            }
            if let Some(date) = &mut d.date {
                date.span = f(date.span);
            }
            d.agencies.iter_mut().for_each(|a| text(&mut a.raw));
        }
        self.paragraphs.iter_mut().for_each(|p| p.span = f(p.span));
        for c in &mut self.credits {
            text(&mut c.role);
            c.names.iter_mut().for_each(text);
        }
        for q in &mut self.quotations {
            q.span = f(q.span);
            q.parts.iter_mut().chain(&mut q.nested).for_each(|s| *s = f(*s));
            q.cue.iter_mut().for_each(text);
            if let Some(m) = q.speaker.as_mut().and_then(|s| s.mention.as_mut()) {
                text(m);
            }
            if let Some(a) = &mut q.attribution {
                a.cue.iter_mut().chain(&mut a.mention).chain(&mut a.antecedent).for_each(|s| *s = f(*s));
            }
        }
        self.diagnostics.iter_mut().for_each(|d| d.span = f(d.span));
    }

    /// The same article, owning all its text (`Article<'static>`).
    #[must_use]
    pub fn into_owned(self) -> Article<'static> {
        Article {
            chrome: own_all(self.chrome),
            advisories: own_all(self.advisories),
            headline: own_text(self.headline),
            standfirst: own_text(self.standfirst),
            byline: self.byline.map(|b| Byline {
                span: b.span,
                people: b
                    .people
                    .into_iter()
                    .map(|p| Person {
                        name: p.name.into_owned(),
                        role: own_text(p.role),
                        affiliation: own_text(p.affiliation),
                    })
                    .collect(),
            }),
            dateline: self.dateline.map(Dateline::into_owned),
            paragraphs: self.paragraphs.into_iter().map(|p| Paragraph { text: own(p.text), span: p.span }).collect(),
            credits: self
                .credits
                .into_iter()
                .map(|c| Credit { role: c.role.into_owned(), names: own_all(c.names) })
                .collect(),
            signoffs: own_all(self.signoffs),
            quotations: self
                .quotations
                .into_iter()
                .map(|q| Quotation {
                    text: own(q.text),
                    cue: own_text(q.cue),
                    speaker: q.speaker.map(|s| Speaker {
                        mention: own_text(s.mention),
                        kind: s.kind,
                        name: own_opt(s.name),
                        title: own_opt(s.title),
                    }),
                    span: q.span,
                    parts: q.parts,
                    nested: q.nested,
                    marks: q.marks,
                    location: q.location,
                    paragraph: q.paragraph,
                    closed: q.closed,
                    attribution: q.attribution,
                    speech: q.speech,
                })
                .collect(),
            diagnostics: self.diagnostics,
        }
    }
}
