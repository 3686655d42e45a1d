#![doc = include_str!("doc/crate.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod agency;
mod article;
mod batch;
mod date;
mod decode;
mod display;
pub mod envelope;
mod error;
pub mod grammar;
pub mod html;
mod lexicon;
mod options;
mod parse;
mod record;
mod render;
mod rule;
mod span;
pub mod stream;
#[cfg(feature = "walk")]
pub mod walk;

pub use agency::{Agency, ParseAgencyError};
pub use article::{
    AgencyTag, Article, Byline, Credit, Dateline, Location, MarkStyle, MentionKind, Paragraph, Person, Place,
    Quotation, Speaker, Text,
};
pub use batch::{parse_batch, parse_stories};
/// The date type of [`ParseOptions::reference_date`] and
/// [`DatelineDate::resolved`], re-exported so that callers need no
/// `chrono` dependency of their own.
pub use chrono::NaiveDate;
pub use date::{DatelineDate, YearSource};
pub use decode::{DecodeOptions, Decoded, Decoding, decode};
/// The encoding_rs that decodes every charset ([`Charset::Other`] holds its
/// `Encoding`): a new major version of it is a new major version of wirecopy.
pub use encoding_rs;
/// The charsets of [`decode`] and of envelope bodies.
pub use envelope::Charset;
pub use error::{Diagnostic, DiagnosticKind, Error, ErrorKind};
/// The nom wirecopy is built with, whose types the [`grammar`] parsers use:
/// a new major version of nom is a new major version of wirecopy.
pub use nom;
pub use options::ParseOptions;
pub use record::Record;
#[cfg(feature = "serde")]
pub use record::RecordView;
pub use render::ParseDatelineError;
pub use rule::{Attribution, AttributionRule, Confidence, MentionRule};
pub use span::Span;

/// Parse wire copy with the default [`ParseOptions`].
///
/// ```
/// let article = wirecopy::parse("Headline\n\nMOSCOW, June 16. /TASS/. Story text.")?;
/// assert_eq!(article.headline.unwrap().text, "Headline");
/// assert_eq!(article.paragraphs[0].text, "Story text.");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`ErrorKind::Empty`] when `input` is empty or only white space.
pub fn parse(input: &str) -> Result<Article<'_>, Error> {
    ParseOptions::new().parse(input)
}

/// Parse wire copy given as bytes, which must be UTF-8.
///
/// ```
/// let err = wirecopy::parse_bytes(b"MOSCOW \xff").unwrap_err();
/// assert_eq!(err.kind(), wirecopy::ErrorKind::NotUtf8 { valid_up_to: 7 });
/// ```
///
/// # Errors
/// [`ErrorKind::NotUtf8`] with the offset of the first invalid byte, and
/// whatever [`parse`] returns.
pub fn parse_bytes(input: &[u8]) -> Result<Article<'_>, Error> {
    ParseOptions::new().parse_bytes(input)
}

/// The README's examples, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
