//! Byte spans into the parsed input, with line and column computed on demand.

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into the text given to the parser.
///
/// Every node of an [`Article`](crate::Article) carries one. Line and column
/// numbers are not stored: [`Span::line_col`] computes them when needed.
///
/// ```
/// use wirecopy::Span;
/// let src = "MOSCOW, June 16. /TASS/. Hello";
/// let span = Span::new(0, 6);
/// assert_eq!(span.slice(src), "MOSCOW");
/// assert_eq!(span.line_col(src), (1, 1));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    #[must_use]
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// Length in bytes.
    #[must_use]
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers no byte.
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The text this span covers in `src`, or `""` when it does not fit `src`.
    #[must_use]
    pub fn slice<'s>(&self, src: &'s str) -> &'s str {
        src.get(self.start..self.end).unwrap_or("")
    }

    /// The smallest span covering both.
    #[must_use]
    pub fn join(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// One-based line and column (in characters) of the span's start in `src`.
    ///
    /// Lines end at `\n`, `\r\n` or a lone `\r`.
    #[must_use]
    pub fn line_col(&self, src: &str) -> (usize, usize) {
        let at = floor_char_boundary(src, self.start);
        let before = &src.as_bytes()[..at];
        let mut line = 1;
        let mut line_start = 0;
        let mut i = 0;
        while i < before.len() {
            match before[i] {
                b'\n' => {
                    line += 1;
                    line_start = i + 1;
                }
                b'\r' if before.get(i + 1) != Some(&b'\n') => {
                    line += 1;
                    line_start = i + 1;
                }
                _ => {}
            }
            i += 1;
        }
        let col = src[line_start..at].chars().count() + 1;
        (line, col)
    }

    /// The whole line of `src` holding the span's start, without its line end.
    #[must_use]
    pub fn line_of<'s>(&self, src: &'s str) -> (&'s str, usize) {
        let at = floor_char_boundary(src, self.start);
        let bytes = src.as_bytes();
        let start = bytes[..at].iter().rposition(|&b| b == b'\n' || b == b'\r').map_or(0, |p| p + 1);
        let end = bytes[at..].iter().position(|&b| b == b'\n' || b == b'\r').map_or(src.len(), |p| at + p);
        (&src[start..end], start)
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

/// The number of line ends in `bytes`: `\n`, `\r\n` and a lone `\r` count once.
pub(crate) fn line_breaks(bytes: &[u8]) -> usize {
    let lf = memchr::memchr_iter(b'\n', bytes).count();
    let lone_cr = memchr::memchr_iter(b'\r', bytes).filter(|&i| bytes.get(i + 1) != Some(&b'\n')).count();
    lf + lone_cr
}

/// The largest char boundary of `s` not above `i`.
pub(crate) fn floor_char_boundary(s: &str, i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    let mut i = i;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Renders a one-line snippet of `src` at `span` with a caret under its start.
pub(crate) fn snippet(src: &str, span: Span) -> String {
    let (line, line_start) = span.line_of(src);
    let (ln, col) = span.line_col(src);
    let shown: String = line.chars().take(120).collect();
    let caret_col = src[line_start..floor_char_boundary(src, span.start.max(line_start))].chars().count().min(120);
    format!("{ln}:{col}: {shown}\n{}^", " ".repeat(caret_col + format!("{ln}:{col}: ").len()))
}
