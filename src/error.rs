//! The fatal [`Error`] and the recoverable [`Diagnostic`]s.

use std::fmt;

#[cfg(feature = "serde")]
use serde::Serialize;

use crate::Span;

/// Why input could not be parsed at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is empty or holds only white space.
    #[error("expected an article, found no text")]
    Empty,
    /// Bytes given to [`parse_bytes`](crate::parse_bytes) are not UTF-8.
    #[error("expected UTF-8 text, found an invalid byte sequence at byte {valid_up_to}")]
    NotUtf8 {
        /// Bytes before the first invalid sequence.
        valid_up_to: usize,
    },
}

/// A fatal parse error: the input holds no article.
///
/// Small and opaque: a kind and a span. [`Error::display_with`] renders a
/// snippet of the input with a caret.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct Error {
    kind: ErrorKind,
    span: Span,
}

impl Error {
    pub(crate) const fn new(kind: ErrorKind, span: Span) -> Self {
        Self { kind, span }
    }

    /// What went wrong.
    #[must_use]
    pub const fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// Where in the input it went wrong.
    #[must_use]
    pub const fn span(&self) -> Span {
        self.span
    }

    /// The message with a one-line snippet of `src` and a caret at the span.
    #[must_use]
    pub fn display_with(&self, src: &str) -> String {
        format!("{}\n{}", self.kind, crate::span::snippet(src, self.span))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (bytes {}..{})", self.kind, self.span.start, self.span.end)
    }
}

impl std::error::Error for Error {}

/// The kind of a recoverable oddity found while parsing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, thiserror::Error)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum DiagnosticKind {
    /// No dateline was found where the story opens.
    #[error("expected a dateline at the start of the story, found none")]
    NoDateline,
    /// A dateline tag names an agency outside the known list.
    #[error("unknown agency tag in the dateline")]
    UnknownAgency,
    /// U+FFFD replacement characters: the text was damaged by transcoding.
    #[error("replacement character U+FFFD: text damaged by transcoding")]
    ReplacementCharacter,
    /// The headline slot holds an advisory or a byline, not a title.
    #[error("expected a headline, found an advisory or byline")]
    AdvisoryHeadline,
    /// No headline line was found before the story.
    #[error("expected a headline, found none")]
    NoHeadline,
    /// A dateline date names a day that does not exist.
    #[error("the dateline date does not exist")]
    InvalidDate,
    /// The story was printed again after its own header (a repeated take).
    #[error("the story header is repeated; the first copy was skipped")]
    RepeatedHeader,
    /// An opening quotation mark that is never closed.
    #[error("expected a closing quotation mark, found the end of the quote's reach")]
    UnclosedQuote,
    /// A closing quotation mark with no opening one.
    #[error("stray closing quotation mark")]
    StrayQuoteMark,
    /// Input was not valid UTF-8 and was decoded lossily.
    #[error("invalid UTF-8 was replaced (lossy decoding)")]
    LossyUtf8,
    /// Control characters other than tab and line ends.
    #[error("control characters in the text")]
    ControlCharacter,
}

/// A recoverable oddity: the parse went on and lost nothing else.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct Diagnostic {
    /// What was found.
    pub kind: DiagnosticKind,
    /// Where it was found.
    pub span: Span,
}

impl Diagnostic {
    pub(crate) const fn new(kind: DiagnosticKind, span: Span) -> Self {
        Self { kind, span }
    }

    /// The message with a one-line snippet of `src` and a caret at the span.
    #[must_use]
    pub fn display_with(&self, src: &str) -> String {
        format!("{}\n{}", self.kind, crate::span::snippet(src, self.span))
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (bytes {}..{})", self.kind, self.span.start, self.span.end)
    }
}
