//! The article parser, one stage a file:
//! layout → header (the walk over the blocks before the story, which calls
//! the dateline grammar) → body → quotes → attribution.
//!
//! The dateline grammar (`dateline.rs`, nom parsers with empty errors) is
//! public through [`crate::grammar`]; layout, quotes and attribution are
//! hand-written scanners (the module docs there say why).

mod attribution;
pub(crate) mod body;
pub(crate) mod dateline;
pub(crate) mod header;
mod layout;
mod quotes;

use memchr::memchr_iter;

use crate::error::{Diagnostic, DiagnosticKind, Error, ErrorKind};
use crate::{Article, ParseOptions, Span};

/// At most this many diagnostics of one kind are kept (the first ones).
pub(crate) const MAX_DIAGNOSTICS_PER_KIND: usize = 1000;

/// The span of `part`, a slice of `src`.
pub(crate) fn span_of(src: &str, part: &str) -> Span {
    let start = (part.as_ptr() as usize).saturating_sub(src.as_ptr() as usize).min(src.len());
    Span::new(start, (start + part.len()).min(src.len()))
}

/// Parses a whole article.
pub(crate) fn article<'a>(src: &'a str, opts: &ParseOptions) -> Result<Article<'a>, Error> {
    if src.trim().is_empty() {
        return Err(Error::new(ErrorKind::Empty, Span::new(0, src.len()), src.as_bytes()));
    }
    // Offsets are kept in 32 bits inside the parser (its tables are half
    // the size): larger input is refused, to be split first.
    if src.len() > layout::MAX_INPUT {
        let kind = ErrorKind::TooLarge { len: src.len(), max: layout::MAX_INPUT };
        return Err(Error::new(kind, Span::new(layout::MAX_INPUT, src.len()), src.as_bytes()));
    }
    // The searches over the whole input read each window of it as the
    // layout does: big input passes through memory once for all of them.
    let mut damage = Damage::default();
    let mut marks = opts.quotations.then(|| quotes::Marks::new(src));
    let mut layout = layout::Layout::new(
        src,
        Box::new(|at, window| {
            damage.read(src.as_bytes(), at, window);
            if let Some(m) = &mut marks {
                m.read(at, window);
            }
        }),
    );
    let mut art = Article::default();
    let start = header::front(src, &mut layout, opts, &mut art);
    body::body(src, &mut layout, start, &mut art);
    layout.finish();
    drop(layout);
    // No quotation mark, no quotation: the regions are not built (input of
    // millions of paragraphs would build them for nothing).
    let marks = marks.map(quotes::Marks::finish).filter(|m| !m.is_empty());
    if let Some(marks) = marks {
        let mut regions = regions(&art);
        art.quotations = quotes::quotations_with(src, &regions, marks, &mut art.diagnostics);
        clip_after_quotations(src, &mut regions, &art.quotations);
        attribution::attribute(src, &regions, &mut art);
    }
    damage.report(&mut art.diagnostics);
    art.diagnostics.sort_by_key(|d| (d.span.start, d.kind));
    // Hostile input can hold a diagnostic a byte: keep the first of each kind
    // (no kind can pass the cap when all of them together do not).
    if art.diagnostics.len() <= MAX_DIAGNOSTICS_PER_KIND {
        return Ok(art);
    }
    let mut seen: std::collections::HashMap<crate::DiagnosticKind, usize> = std::collections::HashMap::new();
    art.diagnostics.retain(|d| {
        let n = seen.entry(d.kind).or_default();
        *n += 1;
        *n <= MAX_DIAGNOSTICS_PER_KIND
    });
    Ok(art)
}

/// The headline, standfirst and paragraphs, in document order.
fn regions(art: &Article<'_>) -> Vec<quotes::Region> {
    use crate::Location;
    let mut out = Vec::with_capacity(art.paragraphs.len() + 2);
    let head = [(&art.headline, Location::Headline), (&art.standfirst, Location::Standfirst)];
    for (t, location) in head {
        if let Some(t) = t {
            out.push(quotes::Region { span: t.span, location, paragraph: None });
        }
    }
    out.extend(art.paragraphs.iter().enumerate().map(|(i, p)| quotes::Region {
        span: p.span,
        location: Location::Body,
        paragraph: Some(i),
    }));
    out
}

/// How far past the last quotation attribution reads: an inverted cue
/// ("..., said X, the minister of ...") sits in the same sentence.
const READ_PAST_QUOTATIONS: usize = 4096;

/// Drops from `regions` what lies further than [`READ_PAST_QUOTATIONS`]
/// after the last quotation, which no attribution reads: text after a flood
/// of quotations cut at the quotation limit costs no memory.
fn clip_after_quotations(src: &str, regions: &mut Vec<quotes::Region>, quotations: &[crate::Quotation<'_>]) {
    let Some(last) = quotations.iter().map(|q| q.span.end).max() else { return };
    let mut end = last.saturating_add(READ_PAST_QUOTATIONS).min(src.len());
    while !src.is_char_boundary(end) {
        end += 1;
    }
    regions.retain(|r| r.span.start < end);
    for r in regions.iter_mut() {
        r.span.end = r.span.end.min(end);
    }
}

/// Input is searched a window of this many bytes at a time when several
/// searches go over it: each window is searched for everything while it is
/// in the cache, so input larger than the cache passes through memory once,
/// not once a search.
pub(crate) const WINDOW: usize = 32 << 10;

/// `bytes` in windows of `size` bytes, each with its offset (the layout
/// reads them so; tests read them here).
#[cfg(test)]
pub(crate) fn windows(bytes: &[u8], size: usize) -> impl Iterator<Item = (usize, &[u8])> {
    bytes.chunks(size).enumerate().map(move |(k, w)| (k * size, w))
}

/// At most this many replacement characters are reported.
const MAX_REPLACEMENTS: usize = 64;

/// U+FFFD replacement characters and control characters, found a window
/// of the input at a time.
#[derive(Default)]
struct Damage {
    replacements: Vec<usize>,
    control: Option<usize>,
}

impl Damage {
    /// Reads `window`, the part of `bytes` from `at` on (windows in order).
    fn read(&mut self, bytes: &[u8], at: usize, window: &[u8]) {
        let left = MAX_REPLACEMENTS - self.replacements.len();
        if left == 0 && self.control.is_some() {
            return;
        }
        // A character cut by the window's end is read on from `bytes`.
        self.replacements.extend(replacement_chars(bytes, at, window).take(left));
        if self.control.is_none() {
            self.control = first_control(window).map(|i| at + i);
        }
    }

    /// Reports what was found.
    fn report(self, diags: &mut Vec<Diagnostic>) {
        for at in self.replacements {
            diags.push(Diagnostic::new(DiagnosticKind::ReplacementCharacter, Span::new(at, at + 3)));
        }
        if let Some(at) = self.control {
            diags.push(Diagnostic::new(DiagnosticKind::ControlCharacter, Span::new(at, at + 1)));
        }
    }
}

/// The damage in `src`, read in windows of `size` bytes.
#[cfg(test)]
fn damage_in(src: &str, size: usize) -> Vec<Diagnostic> {
    let mut d = Damage::default();
    for (at, window) in windows(src.as_bytes(), size) {
        d.read(src.as_bytes(), at, window);
    }
    let mut diags = Vec::new();
    d.report(&mut diags);
    diags
}

/// Where U+FFFD (`EF BF BD`) opens in `window`, the part of `bytes` from
/// `at` on, as offsets in `bytes`.
///
/// Found from its rare first byte: a substring searcher would be built
/// anew for every article, and that costs more than the search.
fn replacement_chars<'b>(bytes: &'b [u8], at: usize, window: &'b [u8]) -> impl Iterator<Item = usize> + 'b {
    memchr_iter(0xef, window).map(move |i| at + i).filter(|&i| bytes[i..].starts_with("\u{fffd}".as_bytes()))
}

/// A control byte other than tab and the line ends, or DEL.
///
/// Written with `&` and `|`, not `&&` and `||`: no branch, so a chunk's test
/// compiles to vector compares.
fn is_control(b: u8) -> bool {
    (b < 0x20) & (b != b'\n') & (b != b'\r') & (b != b'\t') | (b == 0x7f)
}

/// A superset of [`is_control`] that is cheaper to test: tab and `\r` are
/// let through, and are rare enough that a chunk holding one is then simply
/// tested again exactly.
fn may_be_control(b: u8) -> bool {
    (b < 0x20) & (b != b'\n') | (b == 0x7f)
}

/// The offset of the first [`is_control`] byte.
///
/// Every article is scanned whole, and almost none holds one: whole chunks
/// (and the short tail) are tested at once, and only the part that hits is
/// searched byte by byte.
fn first_control(bytes: &[u8]) -> Option<usize> {
    const CHUNK: usize = 256;
    let any = |part: &[u8], test: fn(u8) -> bool| part.iter().fold(0u8, |hit, &b| hit | u8::from(test(b))) != 0;
    let chunks = bytes.chunks_exact(CHUNK);
    let tail = chunks.remainder();
    let (at, part) = chunks
        .enumerate()
        .map(|(k, chunk)| (k * CHUNK, chunk))
        .chain(std::iter::once((bytes.len() - tail.len(), tail)))
        .find(|&(_, part)| any(part, may_be_control) && any(part, is_control))?;
    part.iter().position(|&b| is_control(b)).map(|p| at + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn first_control_matches_a_byte_walk(src in "[a \t\r\n\u{1}\u{7f}\u{80}é\u{fffd}]{0,100}") {
            let naive = src.bytes().position(|b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t') || b == 0x7f);
            proptest::prop_assert_eq!(first_control(src.as_bytes()), naive);
        }

        #[test]
        fn first_control_past_whole_chunks(clean in "[a \t\r\n]{0,700}", tail in "[a \t\r\n\u{1}\u{7f}é]{0,20}") {
            let src = clean + &tail;
            let naive = src.bytes().position(|b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t') || b == 0x7f);
            proptest::prop_assert_eq!(first_control(src.as_bytes()), naive);
        }

        #[test]
        fn replacement_chars_match_a_substring_search(src in "[a \u{fffd}\u{feff}\u{f000}\u{ffbd}\u{bd}]{0,40}") {
            let found: Vec<usize> = replacement_chars(src.as_bytes(), 0, src.as_bytes()).collect();
            let naive: Vec<usize> = src.match_indices('\u{fffd}').map(|(at, _)| at).collect();
            proptest::prop_assert_eq!(found, naive);
        }

        #[test]
        fn damage_in_windows_is_a_naive_search(src in "[a \n\u{1}\u{7f}\u{fffd}\u{feff}]{0,120}", size in 1usize..9) {
            let naive_control = src.bytes().position(|b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t') || b == 0x7f);
            let naive: Vec<Diagnostic> = src
                .match_indices('\u{fffd}')
                .take(MAX_REPLACEMENTS)
                .map(|(at, _)| Diagnostic::new(DiagnosticKind::ReplacementCharacter, Span::new(at, at + 3)))
                .chain(naive_control.map(|at| Diagnostic::new(DiagnosticKind::ControlCharacter, Span::new(at, at + 1))))
                .collect();
            proptest::prop_assert_eq!(damage_in(&src, size), naive);
        }
    }
}
