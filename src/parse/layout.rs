//! Lines and blocks with byte spans: blank-line, indented and hard-wrapped copy.
//!
//! A *block* is what a reader sees as one paragraph: lines up to a blank
//! line, a line that opens indented (Reuters 1987 and ANPA copy indent each
//! paragraph), or a line after a long one (copy that is not hard-wrapped
//! prints one paragraph a line).

use memchr::{memchr, memchr2};

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

/// What reads each window of the input besides the layout (offset and bytes).
pub(crate) type WindowRead<'a> = Box<dyn FnMut(usize, &[u8]) + 'a>;

/// After this many blocks are read past, they are let go (see
/// [`Layout::release_before`]).
pub(crate) const RELEASE_EVERY: usize = 4096;

/// The layout of an input: its lines (blank ones not kept) and blocks,
/// read from the input as they are asked for.
///
/// Kept small, as input of millions of one-line paragraphs holds one line
/// and one block every few bytes: 8 bytes a line and 4 a block. Blocks
/// split the kept lines into runs, so a block is kept as the index of its
/// first line, and ends where the next one begins. Only the blocks not yet
/// let go are held: the header walks the first ones, the body reads the
/// story's once, in order, and lets them go as it goes, so a story of
/// millions of paragraphs holds a few thousand blocks at a time, not all
/// of them (10 MB of `a` between blank lines held 40 MB of lines and blocks).
/// Lines and blocks keep their numbers from the start of the input.
pub(crate) struct Layout<'a> {
    src: &'a str,
    scan: Scanner<'a>,
    /// The lines of the blocks held, from line number `line_base` on.
    lines: Vec<Kept>,
    /// The first line of each block held (an index in `lines`), from block
    /// number `base` on.
    firsts: Vec<u32>,
    base: usize,
    line_base: usize,
    /// Whether a block is open: the line kept last belongs to it (blocks
    /// are let go before the last one, so that line is held).
    open: bool,
    /// Every line is read.
    done: bool,
}

impl<'a> Layout<'a> {
    /// The layout of `src`, read as asked. `window_read` is called with each
    /// window of [`super::WINDOW`] bytes of `src` (offset and bytes), in
    /// order, as the layout reads past it, and with the rest by
    /// [`Layout::finish`]: searches that must read the whole input read it
    /// there, while it is in the cache.
    pub fn new(src: &'a str, window_read: WindowRead<'a>) -> Self {
        debug_assert!(src.len() <= MAX_INPUT, "the parser refuses larger input");
        // Room for the header and a first run of the story: the blocks
        // read past are let go.
        let room = (src.len() / 40 + 1).min(4 * RELEASE_EVERY);
        Self {
            src,
            scan: Scanner::new(src, super::WINDOW, window_read),
            lines: Vec::with_capacity(room),
            firsts: Vec::with_capacity(room / 3 + 1),
            base: 0,
            line_base: 0,
            open: false,
            done: false,
        }
    }

    /// Reads one more line, and keeps it if it is not blank.
    #[inline]
    fn read_line(&mut self) {
        let Some((line, indent)) = self.scan.next_line() else {
            self.done = true;
            return;
        };
        if line.is_blank() {
            self.open = false;
            return;
        }
        // At most one line a byte of input: the index fits as the offsets do.
        #[allow(clippy::cast_possible_truncation)]
        let i = self.lines.len() as u32;
        let opens = match self.lines.last() {
            Some(prev) if self.open => {
                let prev = prev.line();
                indent > 0 || prev.text.len() > WRAP_WIDTH && !broken_sentence(self.src, &prev, &line)
            }
            _ => true,
        };
        if opens {
            self.firsts.push(i);
        }
        self.open = true;
        self.lines.push(Kept::new(line));
    }

    /// Reads the rest of the input, so that every window is read.
    pub fn finish(&mut self) {
        self.scan.finish();
        self.done = true;
    }

    /// Block number `b`, if there is one: read up to its end when not yet
    /// read (the block must not have been let go).
    #[inline]
    pub fn get_block(&mut self, b: usize) -> Option<Block> {
        if !self.done && self.base + self.firsts.len() <= b + 1 {
            self.read_to(b + 2);
        }
        self.held(b)
    }

    /// Reads lines until `blocks` blocks are read, or the input is.
    fn read_to(&mut self, blocks: usize) {
        while !self.done && self.base + self.firsts.len() < blocks {
            self.read_line();
        }
    }

    /// The number of blocks read so far, and the bytes of input read for them.
    pub fn read_so_far(&self) -> (usize, usize) {
        (self.base + self.firsts.len(), self.scan.start)
    }

    /// Block number `b`, read and held.
    fn held(&self, b: usize) -> Option<Block> {
        let k = b.checked_sub(self.base)?;
        let first = *self.firsts.get(k)? as usize;
        let end = self.firsts.get(k + 1).map_or(self.lines.len(), |&e| e as usize);
        Some(Block { first: self.line_base + first, end: self.line_base + end })
    }

    /// Block number `b`, which was read and is held.
    pub fn block(&self, b: usize) -> Block {
        self.held(b).expect("a block read and held")
    }

    /// Lets go of the blocks before `b`, held (when a few thousand are):
    /// they are not asked for again.
    #[inline]
    pub fn release_before(&mut self, b: usize) {
        let k = b.saturating_sub(self.base);
        if k >= RELEASE_EVERY && k < self.firsts.len() {
            self.release(k);
        }
    }

    /// Lets go of the first `k` blocks held.
    fn release(&mut self, k: usize) {
        let l = self.firsts[k];
        self.lines.drain(..l as usize);
        self.firsts.drain(..k);
        for f in &mut self.firsts {
            *f -= l;
        }
        self.base += k;
        self.line_base += l as usize;
    }

    /// From the first line's text of `b` to its last line's text.
    #[inline]
    pub fn span(&self, b: Block) -> Span {
        let (first, last) = (self.lines[b.first - self.line_base], self.lines[b.end - 1 - self.line_base]);
        Span::new(first.start as usize, last.end as usize)
    }

    /// Where line `l` of `src` opens, its leading white space included
    /// (not stored: read back over that white space when asked).
    pub fn raw_start(src: &str, l: &Line) -> usize {
        src[..l.text.start].trim_end_matches(is_blank_char).len()
    }

    /// The span of block number `b`, which was read and is held.
    pub fn block_span(&self, b: usize) -> Span {
        self.span(self.block(b))
    }

    /// Every block, the input read to its end (nothing let go).
    #[cfg(test)]
    pub fn blocks(&mut self) -> Vec<Block> {
        (0..).map_while(|b| self.get_block(b)).collect()
    }

    /// The number of lines kept (blank lines are not), the input read to its end.
    #[cfg(test)]
    pub fn line_count(&mut self) -> usize {
        self.finish_blocks();
        self.lines.len()
    }

    /// The number of blocks, the input read to its end.
    #[cfg(test)]
    pub fn block_count(&mut self) -> usize {
        self.finish_blocks();
        self.base + self.firsts.len()
    }

    #[cfg(test)]
    fn finish_blocks(&mut self) {
        while !self.done {
            self.read_line();
        }
    }

    /// Line number `l`, which was read and is held.
    pub fn line(&self, l: usize) -> Line {
        self.lines[l - self.line_base].line()
    }

    /// Line number `l`, if it was read and is held.
    pub fn get_line(&self, l: usize) -> Option<Line> {
        self.lines.get(l.checked_sub(self.line_base)?).map(|k| k.line())
    }

    /// The lines of `b`, in order.
    pub fn lines_of(&self, b: Block) -> impl Iterator<Item = Line> + Clone + '_ {
        self.lines[b.first - self.line_base..b.end - self.line_base].iter().map(|k| k.line())
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

/// [`each_line`] through a [`Scanner`] of windows of `size` bytes, each
/// window passed to `window_read` once.
#[cfg(test)]
fn each_line_in(src: &str, size: usize, mut f: impl FnMut(Line, usize), window_read: impl FnMut(usize, &[u8])) {
    let mut scan = Scanner::new(src, size, Box::new(window_read));
    while let Some((l, indent)) = scan.next_line() {
        f(l, indent);
    }
    scan.finish();
}

/// The lines of `src` at `\n`, `\r\n` or a lone `\r`, one at a time, read a
/// window of `size` bytes at a time: whether a window holds a `\r` is looked
/// up as the scan enters it, while it is in the cache (most copy ends its
/// lines with `\n` alone: one byte to look for), and `window_read` is called
/// with each window (its offset and bytes) as the scan leaves it, for other
/// searches to read it while it is there.
struct Scanner<'a> {
    src: &'a str,
    size: usize,
    window_read: WindowRead<'a>,
    /// The window being read: from `at` to `end`; whether it holds a `\r`.
    at: usize,
    end: usize,
    cr: bool,
    /// Where the next line starts: it may open in an earlier window.
    start: usize,
}

impl<'a> Scanner<'a> {
    fn new(src: &'a str, size: usize, window_read: WindowRead<'a>) -> Self {
        let end = size.min(src.len());
        let cr = memchr(b'\r', &src.as_bytes()[..end]).is_some();
        Self { src, size, window_read, at: 0, end, cr, start: 0 }
    }

    /// Passes the window to `window_read` and enters the next one (there is one).
    fn next_window(&mut self) {
        let bytes = self.src.as_bytes();
        (self.window_read)(self.at, &bytes[self.at..self.end]);
        self.at = self.end;
        self.end = (self.at + self.size).min(bytes.len());
        self.cr = memchr(b'\r', &bytes[self.at..self.end]).is_some();
    }

    /// The next line and its indent, blank ones included.
    #[inline]
    fn next_line(&mut self) -> Option<(Line, usize)> {
        let bytes = self.src.as_bytes();
        let start = self.start;
        if start >= bytes.len() {
            return None;
        }
        // A third of all lines are blank, in runs: taken without a search.
        if bytes[start] == b'\n' {
            self.start = start + 1;
            return Some((Line { text: Span::new(start, start) }, 0));
        }
        while start >= self.end {
            self.next_window();
        }
        loop {
            // No line read here holds a `\r` if the window holds none: one
            // in an earlier window ended a line.
            let from = start.max(self.at);
            let window = &bytes[from..self.end];
            let found = if self.cr { memchr2(b'\n', b'\r', window) } else { memchr(b'\n', window) };
            if let Some(k) = found {
                let i = from + k;
                // A window with no `\r` ends its lines with `\n` alone.
                let crlf = self.cr && bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n');
                self.start = if crlf { i + 2 } else { i + 1 };
                return Some(line(self.src, start, i));
            }
            if self.end == bytes.len() {
                self.start = bytes.len();
                return Some(line(self.src, start, bytes.len()));
            }
            self.next_window();
        }
    }

    /// Passes the windows not yet read to `window_read`.
    fn finish(&mut self) {
        let bytes = self.src.as_bytes();
        while self.at < bytes.len() {
            (self.window_read)(self.at, &bytes[self.at..self.end]);
            self.at = self.end;
            self.end = (self.at + self.size).min(bytes.len());
        }
    }
}

/// The line of `src` from `start` to `end` (its line end excluded).
#[inline]
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

/// The layout of the whole of `src`, read at once (tests).
#[cfg(test)]
pub(crate) fn layout<'a>(src: &'a str, window_read: impl FnMut(usize, &[u8]) + 'a) -> Layout<'a> {
    let mut l = Layout::new(src, Box::new(window_read));
    l.finish_blocks();
    l.finish();
    l
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
        let mut l = layout(src, |_, _| {});
        l.blocks().into_iter().map(|b| l.span(b).slice(src)).collect()
    }

    #[test]
    fn every_line_end_style() {
        for src in ["a\nb\n\nc", "a\r\nb\r\n\r\nc", "a\rb\r\rc"] {
            assert_eq!(lines(src).len(), 4, "{src:?}");
            let mut l = layout(src, |_, _| {});
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
