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
    /// The input is longer than the parser reads (4 GiB less a byte): split
    /// it first, for example into stories with [`stream`](crate::stream).
    #[error("expected at most {max} bytes, found {len}")]
    TooLarge {
        /// Bytes of input.
        len: usize,
        /// The most the parser reads: `u32::MAX`.
        max: usize,
    },
    /// Bytes given to [`decode`](crate::decode) hold a sequence their
    /// charset (given, declared by a BOM, or detected) cannot decode, and
    /// decoding is [`Strict`](crate::Decoding::Strict): the span is the
    /// sequence, in the input bytes.
    #[error("expected text in {charset}, found a byte sequence it cannot decode at byte {offset}")]
    Undecodable {
        /// The charset the bytes were read as.
        charset: crate::Charset,
        /// Where the sequence starts in the input.
        offset: usize,
    },
    /// Bytes given to [`decode`](crate::decode) are not text: more than one
    /// stray control character (NUL, the C0 controls other than tab, line
    /// feed, vertical tab, form feed and carriage return, and DEL) per 64
    /// bytes of input, once decoded. The span is the first one.
    #[error("expected text, found binary data: {controls} control characters in {len} bytes, more than one in 64")]
    NotText {
        /// Stray control characters in the decoded text.
        controls: usize,
        /// Bytes of input.
        len: usize,
    },
}

/// A fatal parse error: the input holds no article.
///
/// Small and opaque: a kind, a span, and the line of input around it, which
/// `Display` shows with a caret under the span:
///
/// ```
/// let err = wirecopy::parse_bytes(b"MOSCOW, June 16. \xff").unwrap_err();
/// assert_eq!(err.line_col(), (1, 18));
/// let shown = err.to_string();
/// let lines: Vec<&str> = shown.lines().collect();
/// assert_eq!(lines[0], "expected UTF-8 text, found an invalid byte sequence at byte 17");
/// assert_eq!(lines[1], "1:18: MOSCOW, June 16. \u{fffd}");
/// assert_eq!(lines[2], format!("{}^", " ".repeat(23)));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[non_exhaustive]
pub struct Error {
    kind: ErrorKind,
    span: Span,
    /// Line and column (one-based, in characters) of the span's start.
    #[cfg_attr(feature = "serde", serde(skip))]
    at: (usize, usize),
    /// The line of input holding the span (at most 120 characters), with
    /// invalid UTF-8 replaced.
    #[cfg_attr(feature = "serde", serde(skip))]
    line: Box<str>,
    /// The caret's column within `line`, in characters.
    #[cfg_attr(feature = "serde", serde(skip))]
    caret: usize,
}

/// How much of the offending line an error keeps.
const SNIPPET_CHARS: usize = 120;

impl Error {
    /// An error at `span` of the input `bytes` (text or not).
    pub(crate) fn new(kind: ErrorKind, span: Span, bytes: &[u8]) -> Self {
        let at = span.start.min(bytes.len());
        let start = bytes[..at].iter().rposition(|&b| b == b'\n' || b == b'\r').map_or(0, |p| p + 1);
        let end = bytes[at..].iter().position(|&b| b == b'\n' || b == b'\r').map_or(bytes.len(), |p| at + p);
        let line_no = 1 + crate::span::line_breaks(&bytes[..start]);
        let before = String::from_utf8_lossy(&bytes[start..at]).chars().count();
        let line: String = String::from_utf8_lossy(&bytes[start..end]).chars().take(SNIPPET_CHARS).collect();
        Self { kind, span, at: (line_no, before + 1), line: line.into_boxed_str(), caret: before.min(SNIPPET_CHARS) }
    }

    /// The same error at `span` (line and column unchanged).
    pub(crate) const fn with_span(mut self, span: Span) -> Self {
        self.span = span;
        self
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

    /// One-based line and column (in characters) of the span's start.
    #[must_use]
    pub const fn line_col(&self) -> (usize, usize) {
        self.at
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (line, col) = self.at;
        let prefix = format!("{line}:{col}: ");
        write!(f, "{}\n{prefix}{}\n{}^", self.kind, self.line, " ".repeat(prefix.len() + self.caret))
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
    /// [`Lossy`](crate::Decoding::Lossy) decoding replaced a byte sequence
    /// its charset cannot decode by U+FFFD: one diagnostic per replacement,
    /// its span the sequence in the input bytes (see [`decode`](crate::decode));
    /// for an envelope message read by [`stream::stories`](crate::stream::stories),
    /// in the message's bytes from its first.
    #[error("undecodable bytes were replaced by U+FFFD (lossy decoding)")]
    LossyReplacement,
    /// Input was not UTF-8, declared no charset, and was detected as
    /// Latin-1 (windows-1252) by `chardetng`: a guess, not a declaration
    /// (see [`decode`](crate::decode)). The span runs over the input bytes
    /// from the first to the last that are not UTF-8; for an envelope
    /// message, over its whole text.
    #[error("not UTF-8: detected and decoded as Latin-1 (windows-1252), a guess")]
    DecodedLatin1,
    /// As [`DecodedLatin1`](Self::DecodedLatin1), for any other charset
    /// the detector chose ([`Decoded::charset`](crate::Decoded::charset) or
    /// [`Envelope::charset`](crate::envelope::Envelope::charset) names it).
    #[error("not UTF-8: decoded in a charset detected from the bytes, a guess")]
    DecodedCharset,
    /// An envelope message cut off before its EOT (the end of the stream, or
    /// the next SOH, came first): parsed as far as it goes. The span is
    /// empty, at the end of the text.
    #[error("the envelope message is truncated: no EOT")]
    IncompleteMessage,
    /// Control characters other than tab and line ends.
    #[error("control characters in the text")]
    ControlCharacter,
    /// More quotation marks or quotations than any copy holds (one mark in
    /// 8 bytes, one quotation in 32, past the first thousands): quotations
    /// from this point on were not read. The text is still in the paragraphs.
    #[error("too many quotation marks: quotations from here on were not read")]
    QuotationLimit,
    /// The story reached the stream's [`max_len`](crate::stream::Stories::max_len)
    /// and was cut here, at a line end or, on a line longer than the limit,
    /// at the first character boundary past it: the rest comes as the next story.
    #[error("the story reached the stream's length limit and was cut here")]
    StoryCut,
    /// Another story's title and dateline inside this story: the input holds
    /// several stories joined (a title line, then a block opening with a
    /// dated or tagged dateline). The span is the title. The parse goes on as
    /// one story; split such input with [`stream::stories`](crate::stream::stories).
    #[error("another story's title and dateline: the input holds several stories")]
    JoinedStories,
}

/// A recoverable oddity: the parse went on and lost nothing else.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[non_exhaustive]
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
