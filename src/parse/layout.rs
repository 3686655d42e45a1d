//! Lines and blocks with byte spans: blank-line, indented and hard-wrapped copy.
//!
//! A *block* is what a reader sees as one paragraph: lines up to a blank
//! line, a line that opens indented (Reuters 1987 and ANPA copy indent each
//! paragraph), or a line after a long one (copy that is not hard-wrapped
//! prints one paragraph a line).

use memchr::{memchr, memchr2_iter};

use crate::Span;

/// A line longer than this was not hard-wrapped: the next line opens a paragraph.
const WRAP_WIDTH: usize = 100;

/// One line of input: its content without the line end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Line {
    /// From the first byte after the leading white space to the last
    /// byte before the trailing white space (empty for a blank line).
    pub text: Span,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// Consecutive lines forming one paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Block {
    /// Index of the first line.
    pub first: usize,
    /// One past the index of the last line.
    pub end: usize,
}

/// The largest input the layout reads: offsets are kept in 32 bits.
pub(crate) const MAX_INPUT: usize = u32::MAX as usize;

/// A line as kept: its text's byte offsets, in 32 bits (input is at most
/// [`MAX_INPUT`] bytes). Input of millions of short lines keeps one a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Kept {
    start: u32,
    end: u32,
}

impl Kept {
    // The layout reads at most `MAX_INPUT` bytes: every offset fits.
    #[allow(clippy::cast_possible_truncation)]
    fn new(l: Line) -> Self {
        Self { start: l.text.start as u32, end: l.text.end as u32 }
    }

    fn line(self) -> Line {
        Line { text: Span::new(self.start as usize, self.end as usize) }
    }
}

/// The layout of an input: its lines (blank ones not kept) and blocks.
///
/// Kept small, as input of millions of one-line paragraphs holds one line
/// and one block every few bytes: 8 bytes a line and 4 a block. Blocks
/// split the kept lines into runs, so a block is kept as the index of its
/// first line, and ends where the next one begins.
#[derive(Debug, Default)]
pub(crate) struct Layout {
    lines: Vec<Kept>,
    firsts: Vec<u32>,
}

impl Layout {
    /// From the first line's text of `b` to its last line's text.
    pub fn span(&self, b: Block) -> Span {
        Span::new(self.lines[b.first].start as usize, self.lines[b.end - 1].end as usize)
    }

    /// Where line `l` of `src` opens, its leading white space included
    /// (not stored: read back over that white space when asked).
    pub fn raw_start(src: &str, l: &Line) -> usize {
        src[..l.text.start].trim_end_matches(is_blank_char).len()
    }

    /// The span of block number `b`.
    pub fn block_span(&self, b: usize) -> Span {
        self.span(self.block(b))
    }

    /// The number of blocks.
    pub fn block_count(&self) -> usize {
        self.firsts.len()
    }

    /// Block number `b` (which must exist).
    pub fn block(&self, b: usize) -> Block {
        let end = self.firsts.get(b + 1).map_or(self.lines.len(), |&e| e as usize);
        Block { first: self.firsts[b] as usize, end }
    }

    /// Block number `b`, if there is one.
    pub fn get_block(&self, b: usize) -> Option<Block> {
        (b < self.firsts.len()).then(|| self.block(b))
    }

    /// The blocks from number `from` on, in order.
    pub fn blocks_from(&self, from: usize) -> impl Iterator<Item = Block> + Clone + '_ {
        let firsts = &self.firsts[from.min(self.firsts.len())..];
        // Each block ends where the next begins, the last with the lines.
        let ends = firsts.iter().skip(1).map(|&e| e as usize).chain(std::iter::once(self.lines.len()));
        firsts.iter().zip(ends).map(|(&first, end)| Block { first: first as usize, end })
    }

    /// The number of lines kept (blank lines are not).
    #[cfg(test)]
    pub fn line_count(&self) -> usize {
        self.lines.len()
    }

    /// Line number `l` (which must exist).
    pub fn line(&self, l: usize) -> Line {
        self.lines[l].line()
    }

    /// Line number `l`, if there is one.
    pub fn get_line(&self, l: usize) -> Option<Line> {
        self.lines.get(l).map(|k| k.line())
    }

    /// The lines of `b`, in order.
    pub fn lines_of(&self, b: Block) -> impl Iterator<Item = Line> + Clone + '_ {
        self.lines[b.first..b.end].iter().map(|k| k.line())
    }
}

/// White space a line may open or close with: ASCII blanks, NBSP and BOM.
pub(crate) fn is_blank_char(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}' | '\u{feff}' | '\u{2007}' | '\u{202f}' | '\u{3000}')
        || (c.is_control() && c != '\n' && c != '\r')
}

/// Splits `src` into lines at `\n`, `\r\n` or a lone `\r`.
#[cfg(test)]
pub(crate) fn lines(src: &str) -> Vec<(Line, usize)> {
    let mut out = Vec::new();
    each_line(src, |l, indent| out.push((l, indent)));
    out
}

/// Calls `f` with each line of `src` and its indent (leading white space,
/// in bytes), in order, blank ones included.
#[cfg(test)]
fn each_line(src: &str, f: impl FnMut(Line, usize)) {
    each_line_in(src, super::WINDOW, f, |_, _| {});
}

/// [`each_line`], reading `src` a window of `size` bytes at a time: whether
/// a window holds a `\r` is looked up just before its line ends are, while
/// it is in the cache, and `window` is called with each window (its offset
/// and bytes) after its lines, for other searches to read it while it is
/// there.
fn each_line_in(src: &str, size: usize, mut f: impl FnMut(Line, usize), mut window_read: impl FnMut(usize, &[u8])) {
    let bytes = src.as_bytes();
    // Where the line being read starts: it may open in an earlier window.
    let mut start = 0;
    let mut push = |start: usize, end: usize| {
        let (l, indent) = line(src, start, end);
        f(l, indent);
    };
    for (at, window) in super::windows(bytes, size) {
        let end = at + window.len();
        if memchr(b'\r', window).is_none() {
            // Most copy ends its lines with \n alone: one byte to look for.
            // No line read here holds a \r: one in an earlier window ended a line.
            let mut from = start.max(at);
            while let Some(found) = memchr(b'\n', &bytes[from.min(end)..end]) {
                push(start, from + found);
                start = from + found + 1;
                // A third of all lines are blank, in runs: taken without a search.
                while bytes.get(start) == Some(&b'\n') {
                    push(start, start);
                    start += 1;
                }
                from = start;
            }
        } else {
            for i in memchr2_iter(b'\n', b'\r', window) {
                let i = at + i;
                if i < start {
                    continue; // the \n of a \r\n pair, or a blank line taken before
                }
                push(start, i);
                start = if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') { i + 2 } else { i + 1 };
            }
        }
        window_read(at, window);
    }
    if start < bytes.len() {
        push(start, bytes.len());
    }
}

/// The line of `src` from `start` to `end` (its line end excluded).
fn line(src: &str, start: usize, end: usize) -> (Line, usize) {
    // Most lines are blank, or open and close with a printable ASCII byte:
    // nothing to trim, and the bytes tell so without decoding.
    let printable = |b: u8| b > b' ' && b < 0x7f;
    let bytes = src.as_bytes();
    if start == end || printable(bytes[start]) && printable(bytes[end - 1]) {
        return (Line { text: Span::new(start, end) }, 0);
    }
    let raw = &src[start..end];
    let indent = if printable(bytes[start]) { 0 } else { raw.len() - raw.trim_start_matches(is_blank_char).len() };
    let rest = &raw[indent..];
    let len = if rest.bytes().last().is_some_and(printable) {
        rest.len()
    } else {
        rest.trim_end_matches(is_blank_char).len()
    };
    (Line { text: Span::new(start + indent, start + indent + len) }, indent)
}

/// Groups lines into blocks. Only the lines of blocks are kept: a blank
/// line is known by the block it ends, and input that is mostly line breaks
/// costs no memory for them.
///
/// `window_read` is called with each window of [`super::WINDOW`] bytes of
/// `src` (offset and bytes) once its lines are read: searches that must
/// read the whole input read it there, while it is in the cache.
#[inline(never)]
pub(crate) fn layout(src: &str, window_read: impl FnMut(usize, &[u8])) -> Layout {
    debug_assert!(src.len() <= MAX_INPUT, "the parser refuses larger input");
    let mut lines: Vec<Kept> = Vec::with_capacity(src.len() / 40 + 1);
    let mut firsts: Vec<u32> = Vec::with_capacity(src.len() / 128 + 1);
    // Whether a block is open: the line kept last belongs to it.
    let mut open = false;
    let on_line = |line: Line, indent: usize| {
        if line.is_blank() {
            open = false;
            return;
        }
        // At most one line a byte of input: the index fits as the offsets do.
        #[allow(clippy::cast_possible_truncation)]
        let i = lines.len() as u32;
        let opens = match lines.last() {
            Some(prev) if open => {
                let prev = prev.line();
                indent > 0 || prev.text.len() > WRAP_WIDTH && !broken_sentence(src, &prev, &line)
            }
            _ => true,
        };
        if opens {
            firsts.push(i);
        }
        open = true;
        lines.push(Kept::new(line));
    };
    each_line_in(src, super::WINDOW, on_line, window_read);
    Layout { lines, firsts }
}

/// A long line cut mid-sentence, a space left at its end, the next line
/// going on in lower case or with an amount ("... and taking a \n$150
/// million charge"): a break an extraction made, not a paragraph.
fn broken_sentence(src: &str, prev: &Line, line: &Line) -> bool {
    let b = src.as_bytes();
    b.get(prev.text.end) == Some(&b' ')
        && b.get(prev.text.end - 1).is_some_and(u8::is_ascii_alphanumeric)
        && b.get(line.text.start).is_some_and(|&c| c == b'$' || c.is_ascii_lowercase())
}

/// The text of `lines` from byte `from` on, joined by single spaces.
///
/// Borrows when the text lies on one line.
pub(crate) fn joined<'a>(
    src: &'a str,
    lines: impl Iterator<Item = Line> + Clone,
    from: usize,
) -> std::borrow::Cow<'a, str> {
    let parts = lines.filter(|l| !l.is_blank() && l.text.end > from).map(|l| {
        let s = l.text.start.max(from);
        // A line's text opens with no blank: only a cut inside it needs trimming.
        if s == l.text.start { &src[s..l.text.end] } else { src[s..l.text.end].trim_start_matches(is_blank_char) }
    });
    let mut parts = parts;
    let Some(first) = parts.next() else { return std::borrow::Cow::Borrowed("") };
    match parts.next() {
        None => std::borrow::Cow::Borrowed(first),
        Some(second) => {
            // Room for every part and a space between: the string is never grown.
            let room = first.len() + 1 + second.len() + parts.clone().map(|p| 1 + p.len()).sum::<usize>();
            let mut s = String::with_capacity(room);
            s.push_str(first);
            s.push(' ');
            s.push_str(second);
            for p in parts {
                s.push(' ');
                s.push_str(p);
            }
            std::borrow::Cow::Owned(s)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(src: &str) -> Vec<&str> {
        let l = layout(src, |_, _| {});
        l.blocks_from(0).map(|b| l.span(b).slice(src)).collect()
    }

    #[test]
    fn every_line_end_style() {
        for src in ["a\nb\n\nc", "a\r\nb\r\n\r\nc", "a\rb\r\rc"] {
            assert_eq!(lines(src).len(), 4, "{src:?}");
            let l = layout(src, |_, _| {});
            assert_eq!(l.line_count(), 3, "{src:?}: blank lines are not kept");
            assert_eq!(l.block_count(), 2, "{src:?}");
        }
    }

    #[test]
    fn indented_lines_open_paragraphs_in_hard_wrapped_copy() {
        let src = "HEADLINE\n    PARIS, March 2 - First line\nwraps here.\n    Second para\nwraps.\n Reuter\n";
        assert_eq!(
            texts(src),
            ["HEADLINE", "PARIS, March 2 - First line\nwraps here.", "Second para\nwraps.", "Reuter"]
        );
    }

    #[test]
    fn a_long_line_cut_mid_sentence_goes_on() {
        let long = "word ".repeat(25);
        let blocks = |tail: &str| texts(&format!("{long}{tail}")).len();
        assert_eq!(blocks("and taking a \n$150 million charge."), 1);
        assert_eq!(blocks("and cut \nhere."), 1);
        // No space left, a full stop, or a capital: a new paragraph.
        assert_eq!(blocks("and taking a\n$150 million charge."), 2);
        assert_eq!(blocks("ends here. \nnext."), 2);
        assert_eq!(blocks("and cut \nHere."), 2);
    }

    #[test]
    fn long_lines_are_paragraphs_of_their_own() {
        let long = "x".repeat(120);
        let src = format!("{long}\n{long}\nshort\nwrapped");
        assert_eq!(layout(&src, |_, _| {}).block_count(), 3);
    }

    /// [`lines`] one char at a time: the twin of the byte scanner.
    fn naive_lines(src: &str) -> Vec<(Line, usize)> {
        let mut out = Vec::new();
        let mut start = 0;
        let mut chars = src.char_indices().peekable();
        let mut line = |start: usize, end: usize| {
            let raw = &src[start..end];
            let indent = raw.len() - raw.trim_start_matches(is_blank_char).len();
            let body = raw[indent..].trim_end_matches(is_blank_char);
            out.push((Line { text: Span::new(start + indent, start + indent + body.len()) }, indent));
        };
        while let Some((i, c)) = chars.next() {
            if c == '\n' || c == '\r' {
                line(start, i);
                if c == '\r' && chars.peek().is_some_and(|&(_, d)| d == '\n') {
                    chars.next();
                    start = i + 2;
                } else {
                    start = i + 1;
                }
            }
        }
        if start < src.len() {
            line(start, src.len());
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn lines_in_windows_match_the_naive_twin(src in "[a .\t\u{a0}é\r\n]{0,60}", size in 1usize..9) {
            let mut out = Vec::new();
            let mut read = Vec::new();
            each_line_in(&src, size, |l, indent| out.push((l, indent)), |at, w| read.push((at, w.len())));
            proptest::prop_assert_eq!(read.iter().map(|r| r.1).sum::<usize>(), src.len());
            proptest::prop_assert!(read.iter().zip(read.iter().skip(1)).all(|(a, b)| a.0 + a.1 == b.0));
            proptest::prop_assert_eq!(out, naive_lines(&src));
        }

        #[test]
        fn lines_match_the_naive_twin(src in "[a .\t\u{a0}\u{3000}\u{1}\u{7f}é\r\n]{0,60}") {
            proptest::prop_assert_eq!(lines(&src), naive_lines(&src));
        }
    }

    #[test]
    fn tabs_and_nbsp_are_white_space() {
        let src = "\t   Text\u{a0}\n\n\u{a0}More";
        assert_eq!(texts(src), ["Text", "More"]);
    }
}
