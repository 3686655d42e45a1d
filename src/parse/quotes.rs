//! Quotation marks paired by type, over paragraphs (byte scanning).
//!
//! Three steps, each linear in the text:
//!
//! 1. [`scan`] takes every quotation mark of a region (their bytes are
//!    found once per article with `memchr`, by [`mark_bytes`]) and
//!    reads the characters on either side of it: whether it may open
//!    (left-flanking) or close (right-flanking), and whether its letters make
//!    it an apostrophe (`'90s`, `rock 'n' roll`, `'em`).
//! 2. A walk over the marks pairs them by type: `"` with `"`, `“` with `”`,
//!    `«` with `»`, `„` with `“`, ``` `` ``` with `''`. Marks of another type
//!    inside an open quotation are nested quotes and stay in its text.
//!    Single marks open a quotation of their own only outside double marks,
//!    and only when a closing mark follows in the same region.
//! 3. A quotation left open at the end of a body paragraph goes on in the
//!    next one when that paragraph opens with the same mark (the wire
//!    convention for quotes over several paragraphs); otherwise it ends with
//!    its paragraph, and a diagnostic says it was never closed.

use std::borrow::Cow;

use memchr::{memchr2, memchr2_iter, memchr3_iter};

use crate::Span;
use crate::article::{Location, MarkStyle, Quotation};
use crate::error::{Diagnostic, DiagnosticKind};

/// A stretch of text quotations are looked for in, in document order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Region {
    /// The text's span in the input (hard-wrapped text keeps its line breaks).
    pub span: Span,
    /// Headline, standfirst or body.
    pub location: Location,
    /// Index into the article's paragraphs, for body regions.
    pub paragraph: Option<usize>,
}

/// How deep quotes may nest inside a quotation before further openings are
/// ignored (keeps the walk linear on pathological input).
const MAX_DEPTH: usize = 8;

/// A quotation mark as printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Glyph {
    /// `"`
    Straight,
    /// `'`
    Apos,
    /// `''` (ANPA closing double mark)
    TwoApos,
    /// `` ` `` (ANPA opening single mark)
    Tick,
    /// ``` `` ``` (ANPA opening double mark)
    TwoTicks,
    /// `“`
    LeftDouble,
    /// `”`
    RightDouble,
    /// `„`
    LowDouble,
    /// `‘`
    LeftSingle,
    /// `’`
    RightSingle,
    /// `‚`
    LowSingle,
    /// `«`
    LeftGuil,
    /// `»`
    RightGuil,
    /// `‹`
    LeftAngle,
    /// `›`
    RightAngle,
}

/// A family of marks that pair with each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fam {
    /// `"..."`
    Straight,
    /// `“...”`
    Curly,
    /// `«...»`
    Guil,
    /// `»...«` (German print)
    GuilRev,
    /// `„...“`
    German,
    /// ``` ``...'' ```
    Tick,
    /// `''...''` (ANPA copy that lost its backticks)
    TwoApos,
    /// `'...'`
    Single,
    /// `‘...’`
    CurlySingle,
    /// `` `...' `` (nested only)
    TickSingle,
    /// `‚...‘` (nested only)
    GermanSingle,
    /// `‹...›` (nested only)
    Angle,
}

impl Fam {
    /// The style of an outermost quotation in this family; `None` for
    /// families only ever seen nested.
    const fn style(self) -> Option<MarkStyle> {
        match self {
            Fam::Straight | Fam::TwoApos => Some(MarkStyle::Straight),
            Fam::Curly => Some(MarkStyle::Curly),
            Fam::Guil | Fam::GuilRev => Some(MarkStyle::Guillemets),
            Fam::German => Some(MarkStyle::German),
            Fam::Tick => Some(MarkStyle::Backtick),
            Fam::Single => Some(MarkStyle::SingleStraight),
            Fam::CurlySingle => Some(MarkStyle::SingleCurly),
            Fam::TickSingle | Fam::GermanSingle | Fam::Angle => None,
        }
    }

    /// The slot of a family whose marks point one way, for [`Ahead`].
    const fn directional(self) -> Option<usize> {
        match self {
            Fam::Curly => Some(0),
            Fam::Guil => Some(1),
            Fam::German => Some(2),
            Fam::Tick => Some(3),
            _ => None,
        }
    }

    /// Single marks double as apostrophes, and `»` as a bullet: they need a
    /// closing mark in sight before they open an outermost quotation.
    const fn needs_closer(self) -> bool {
        matches!(self, Fam::Single | Fam::CurlySingle | Fam::GuilRev)
    }
}

/// A quotation mark found in a region, with what its neighbours allow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Tok {
    /// The mark's bytes.
    mark: Span,
    glyph: Glyph,
    /// Left-flanking: a non-space follows, so it may open.
    left: bool,
    /// Right-flanking: a non-space precedes, so it may close.
    right: bool,
    /// Letters on both sides: `don't`, `People’s`.
    inner: bool,
    /// An apostrophe by its letters: `'90s`, `'em`, `'n'`.
    elision: bool,
    /// A closing single mark after `s` and before a space: maybe a plural
    /// possessive (`the Koreas' talks`).
    weak: bool,
    /// What the mark counts for in [`Ahead`] (see [`Ahead::bits`]), set
    /// once all marks of its region are read.
    ahead: u8,
}

impl Tok {
    /// The family this mark would open, if its neighbours allow it to.
    fn opens(&self) -> Option<Fam> {
        let clear_open = self.left && !self.right;
        match self.glyph {
            Glyph::Straight => ((self.left || !self.right) && !self.elision).then_some(Fam::Straight),
            Glyph::TwoTicks => Some(Fam::Tick),
            Glyph::Tick => clear_open.then_some(Fam::TickSingle),
            Glyph::LeftDouble => (self.left || !self.right).then_some(Fam::Curly),
            // A right mark typed for a left one: `”Yes”`.
            Glyph::RightDouble => clear_open.then_some(Fam::Curly),
            Glyph::LowDouble => Some(Fam::German),
            Glyph::LeftGuil => Some(Fam::Guil),
            Glyph::Apos => (clear_open && !self.elision).then_some(Fam::Single),
            Glyph::LeftSingle => (self.left && !self.inner && !self.elision).then_some(Fam::CurlySingle),
            Glyph::LowSingle => self.left.then_some(Fam::GermanSingle),
            Glyph::LeftAngle => self.left.then_some(Fam::Angle),
            Glyph::TwoApos => clear_open.then_some(Fam::TwoApos),
            Glyph::RightGuil => clear_open.then_some(Fam::GuilRev),
            Glyph::RightSingle | Glyph::RightAngle => None,
        }
    }

    /// Whether this mark may close a quote of `fam`; `outer` when that quote
    /// is the outermost one.
    fn closes(&self, fam: Fam, outer: bool) -> bool {
        let single = self.right && !self.inner && !self.elision;
        match (self.glyph, fam) {
            (Glyph::Straight, Fam::Straight) => (self.right || !self.left) && !self.elision,
            (Glyph::TwoApos, Fam::Tick | Fam::TwoApos) => self.right,
            // `"Nino''`: a straight quote closed the ANPA way.
            (Glyph::TwoApos, Fam::Straight) => self.right && outer,
            (Glyph::RightDouble | Glyph::LeftDouble, Fam::German)
            | (Glyph::RightDouble, Fam::Curly)
            | (Glyph::RightGuil, Fam::Guil)
            | (Glyph::LeftGuil, Fam::GuilRev)
            | (Glyph::LowSingle | Glyph::LeftSingle, Fam::GermanSingle)
            | (Glyph::RightAngle, Fam::Angle) => true,
            // A left mark typed for a right one: `“Yes“ he said`.
            (Glyph::LeftDouble, Fam::Curly) => self.right && !self.left,
            (Glyph::Apos, Fam::Single | Fam::TickSingle) | (Glyph::RightSingle, Fam::CurlySingle) => single,
            _ => false,
        }
    }

    /// A double closing mark: one that closes nothing is stray.
    fn is_double_closer(&self) -> bool {
        match self.glyph {
            Glyph::Straight => self.right && !self.left && !self.elision,
            Glyph::LeftDouble => self.right && !self.left,
            Glyph::TwoApos => self.right,
            Glyph::RightDouble | Glyph::RightGuil => true,
            _ => false,
        }
    }
}

#[inline]
fn space(c: Option<char>) -> bool {
    c.is_none_or(char::is_whitespace)
}

#[inline]
fn punct(c: Option<char>) -> bool {
    c.is_some_and(|c| !c.is_alphanumeric() && !c.is_whitespace())
}

#[inline]
fn alnum(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// Whether the letters after a single opening mark make it an apostrophe:
/// `'90s`, `'s`, `'em`, `'n'`, `'tis`.
fn elision(rest: &str) -> bool {
    const WORDS: [&str; 16] =
        ["s", "t", "d", "m", "ll", "re", "ve", "n", "em", "tis", "twas", "til", "cause", "bout", "cos", "round"];
    let b = rest.as_bytes();
    if b.len() >= 2 && b[0].is_ascii_digit() && b[1].is_ascii_digit() && !b.get(2).is_some_and(u8::is_ascii_digit) {
        return true;
    }
    let n = b.iter().take(7).take_while(|c| c.is_ascii_alphabetic()).count();
    if n == 0 || n == 7 || rest[n..].chars().next().is_some_and(char::is_alphanumeric) {
        return false;
    }
    let word = &rest[..n];
    WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The glyph whose first byte is at `i` in `hay`, with its length.
fn glyph_at(hay: &[u8], i: usize) -> Option<(Glyph, usize)> {
    match *hay.get(i)? {
        b'"' => Some((Glyph::Straight, 1)),
        0xC2 => match hay.get(i + 1)? {
            0xAB => Some((Glyph::LeftGuil, 2)),
            0xBB => Some((Glyph::RightGuil, 2)),
            _ => None,
        },
        0xE2 if hay.get(i + 1) == Some(&0x80) => {
            let g = match hay.get(i + 2)? {
                0x98 => Glyph::LeftSingle,
                0x99 => Glyph::RightSingle,
                0x9A => Glyph::LowSingle,
                0x9C => Glyph::LeftDouble,
                0x9D => Glyph::RightDouble,
                0x9E => Glyph::LowDouble,
                0xB9 => Glyph::LeftAngle,
                0xBA => Glyph::RightAngle,
                _ => return None,
            };
            Some((g, 3))
        }
        _ => None,
    }
}

/// The [`Marks`] of `src`, at most `max` of them.
#[cfg(test)]
fn mark_bytes(src: &str, max: usize) -> Vec<usize> {
    mark_bytes_in(src, max, super::WINDOW)
}

/// [`mark_bytes`], searching `src` in windows of `size` bytes.
#[cfg(test)]
fn mark_bytes_in(src: &str, max: usize, size: usize) -> Vec<usize> {
    let mut marks = Marks { max, ..Marks::default() };
    for (at, window) in super::windows(src.as_bytes(), size) {
        marks.read(at, window);
    }
    marks.finish()
}

/// The offsets in the input of every byte that may open a quotation mark,
/// in order: the ASCII marks, and the first bytes of the others (`C2`, `E2`).
///
/// Found once for the whole article: most paragraphs are short and hold
/// no mark, and a search set up anew for each costs more than it searches.
/// Read a window at a time (both searches read a window while it is in the
/// cache), as the layout reads it.
///
/// At most `max` of them, the first ones: a flood of marks must not cost
/// memory many times its size.
#[derive(Default)]
pub(crate) struct Marks {
    out: Vec<usize>,
    /// The most kept.
    max: usize,
    ascii: Vec<usize>,
    multi: Vec<usize>,
}

impl Marks {
    /// For `src`: one more than [`max_marks`], to tell a flood.
    pub(crate) fn new(src: &str) -> Self {
        Marks { max: max_marks(src) + 1, ..Marks::default() }
    }

    /// Reads `window`, the part of the input from `at` on (windows in order).
    pub(crate) fn read(&mut self, at: usize, window: &[u8]) {
        if self.out.len() >= self.max {
            return;
        }
        let (ascii, multi, out) = (&mut self.ascii, &mut self.multi, &mut self.out);
        ascii.clear();
        ascii.extend(memchr3_iter(b'"', b'\'', b'`', window).map(|i| at + i));
        multi.clear();
        multi.extend(memchr2_iter(0xC2, 0xE2, window).map(|i| at + i));
        if multi.is_empty() {
            // Most articles are one window: its marks are all of them, kept
            // as they are rather than copied.
            if out.is_empty() {
                std::mem::swap(out, ascii);
            } else {
                out.extend_from_slice(ascii);
            }
            return;
        }
        // Both kinds: merged in order, into room for them all at once.
        out.reserve(ascii.len() + multi.len());
        let (mut a, mut m) = (0, 0);
        while a < ascii.len() && m < multi.len() {
            if ascii[a] < multi[m] {
                out.push(ascii[a]);
                a += 1;
            } else {
                out.push(multi[m]);
                m += 1;
            }
        }
        out.extend_from_slice(&ascii[a..]);
        out.extend_from_slice(&multi[m..]);
    }

    /// The offsets found, the first `max` of them.
    pub(crate) fn finish(mut self) -> Vec<usize> {
        self.out.truncate(self.max);
        self.out
    }
}

/// The most mark bytes read in `src`: one in 8 bytes, past the first 4,096.
/// The densest copy of the corpus holds one in 35.
fn max_marks(src: &str) -> usize {
    4096 + src.len() / 8
}

/// The most quotations found in `src`: one in 32 bytes, past the first
/// 1,024. The densest copy of the corpus holds one in 75.
fn max_quotations(src: &str) -> usize {
    1024 + src.len() / 32
}

/// Every quotation mark in `span` (which lies on char boundaries of `src`),
/// in order, into `toks`; `marks` holds the [`mark_bytes`] of `span`.
fn scan(src: &str, span: Span, marks: &[usize], toks: &mut Vec<Tok>) {
    toks.clear();
    let hay = &src.as_bytes()[span.start..span.end];
    let mut resume = 0;
    let mut push = |at: usize, len: usize, glyph: Glyph| {
        toks.push(tok(src, span, Span::new(span.start + at, span.start + at + len), glyph));
    };
    for i in marks.iter().map(|&at| at - span.start) {
        if i < resume {
            continue;
        }
        match hay[i] {
            // A run of apostrophes: single marks, then `''` last.
            b'\'' => {
                let n = hay[i..].iter().take_while(|&&c| c == b'\'').count();
                resume = i + n;
                let singles = if n >= 2 { n - 2 } else { 1 };
                for k in 0..singles {
                    push(i + k, 1, Glyph::Apos);
                }
                if n >= 2 {
                    push(i + n - 2, 2, Glyph::TwoApos);
                }
            }
            // A run of backticks: ``` `` ``` first, then single marks.
            b'`' => {
                let n = hay[i..].iter().take_while(|&&c| c == b'`').count();
                resume = i + n;
                let mut k = 0;
                if n >= 2 {
                    push(i, 2, Glyph::TwoTicks);
                    k = 2;
                }
                for k in k..n {
                    push(i + k, 1, Glyph::Tick);
                }
            }
            // An attribute's value in markup left in the copy
            // (`&lt;A HREF="http://..."&gt;`): no quotation, both marks skipped.
            b'"' if i > 0 && hay[i - 1] == b'=' => {
                // The value ends at the next mark on its line: a tag's end
                // (`&gt;`, `>`) or another attribute follows, or it is one word.
                let value = hay[i + 1..].iter().take(300).position(|&c| c == b'"' || c == b'\n');
                let markup = |n: usize| {
                    let after = &hay[i + 2 + n..];
                    let word = !hay[i + 1..i + 1 + n].iter().any(u8::is_ascii_whitespace);
                    word || after.starts_with(b"&gt;") || after.starts_with(b">")
                };
                match value {
                    Some(n) if hay[i + 1 + n] == b'"' && markup(n) => resume = i + n + 2,
                    _ => {
                        if let Some((g, len)) = glyph_at(hay, i) {
                            push(i, len, g);
                        }
                    }
                }
            }
            _ => match glyph_at(hay, i) {
                // Curly single marks doubled for a double one: `‘‘Yes,’’ he said`.
                Some((g @ (Glyph::LeftSingle | Glyph::RightSingle), 3)) => {
                    let mut n = 1;
                    while glyph_at(hay, i + 3 * n) == Some((g, 3)) {
                        n += 1;
                    }
                    resume = i + 3 * n;
                    match (g, n) {
                        (_, 1) => push(i, 3, g),
                        (Glyph::LeftSingle, _) => {
                            push(i, 6, Glyph::LeftDouble);
                            (2..n).for_each(|k| push(i + 3 * k, 3, g));
                        }
                        _ => {
                            (0..n - 2).for_each(|k| push(i + 3 * k, 3, g));
                            push(i + 3 * (n - 2), 6, Glyph::RightDouble);
                        }
                    }
                }
                Some((g, len)) => push(i, len, g),
                None => {}
            },
        }
    }
    // The closing mark of `'n'` is an apostrophe like its opening one.
    for k in 1..toks.len() {
        let (a, b) = (toks[k - 1], toks[k]);
        if a.elision && b.mark.start == a.mark.end + 1 && src.as_bytes()[a.mark.end].eq_ignore_ascii_case(&b'n') {
            toks[k].elision = true;
        }
    }
    for t in toks.iter_mut() {
        t.ahead = Ahead::bits(t);
    }
}

/// The character before byte `at` of `src`, if it lies at or after `from`.
///
/// Text around a mark is most often ASCII: one byte tells, and only other
/// text is decoded.
fn char_before(src: &str, from: usize, at: usize) -> Option<char> {
    match src.as_bytes()[..at].last() {
        Some(&b) if at > from && b.is_ascii() => Some(char::from(b)),
        _ => src[from..at].chars().next_back(),
    }
}

/// The first two characters of `s` (ASCII read without decoding).
fn first_two(s: &str) -> (Option<char>, Option<char>) {
    match s.as_bytes() {
        &[a, b, ..] if a.is_ascii() && b.is_ascii() => (Some(char::from(a)), Some(char::from(b))),
        _ => {
            let mut it = s.chars();
            (it.next(), it.next())
        }
    }
}

/// A mark at `mark` and what its neighbours within `region` allow.
fn tok(src: &str, region: Span, mark: Span, glyph: Glyph) -> Tok {
    let prev = char_before(src, region.start, mark.start);
    let rest = &src[mark.end..region.end];
    let (next, next2) = first_two(rest);
    let mut left = !space(next) && (!punct(next) || space(prev) || punct(prev));
    let mut right = !space(prev) && (!punct(prev) || space(next) || punct(next));
    // Punctuation that ends a clause does not open a quote: `"hello ",`.
    if matches!(next, Some(',' | ';' | ')' | ']' | '}')) || matches!(next, Some('.' | ':' | '!' | '?')) && space(next2)
    {
        left = false;
    }
    if matches!(prev, Some('(' | '[' | '{')) {
        right = false;
    }
    let inner = alnum(prev) && alnum(next);
    let elision = match glyph {
        Glyph::Apos | Glyph::LeftSingle | Glyph::RightSingle => left && !alnum(prev) && elision(rest),
        // A double mark typed for an apostrophe: `the country"s`.
        Glyph::Straight => inner && elision(rest),
        _ => false,
    };
    Tok {
        mark,
        glyph,
        left,
        right,
        inner,
        elision,
        weak: matches!(prev, Some('s' | 'S')) && next.is_some_and(char::is_whitespace),
        ahead: 0,
    }
}

/// The closing mark of a single quote opened by `toks[i]`: the first
/// closing mark before the next opening one, preferring one that cannot be a
/// plural possessive; for `‘`, a `”` when no single mark closes it
/// (`‘On the street ... in acid.”`).
fn single_closer(toks: &[Tok], i: usize, fam: Fam) -> Option<usize> {
    let (mut weak, mut double) = (None, None);
    for (j, t) in toks.iter().enumerate().skip(i + 1) {
        if t.closes(fam, true) {
            if !t.weak {
                return Some(j);
            }
            weak = weak.or(Some(j));
        } else if t.opens() == Some(fam) {
            break;
        } else if fam == Fam::CurlySingle && t.glyph == Glyph::RightDouble && double.is_none() {
            double = Some(j);
        }
    }
    weak.or(double)
}

/// The families whose marks point one way.
const DIRECTIONAL: [Fam; 4] = [Fam::Curly, Fam::Guil, Fam::German, Fam::Tick];

/// How many marks of each directional family may open and may close after
/// the mark being read, in its region.
#[derive(Clone, Copy, Debug, Default)]
struct Ahead {
    open: [usize; 4],
    close: [usize; 4],
}

impl Ahead {
    /// Bit `i` when `t` may open the directional family `i`, bit `4 + i`
    /// when it may close it: worked out once per mark, as each mark is
    /// counted in and out again.
    fn bits(t: &Tok) -> u8 {
        let opens = t.opens();
        DIRECTIONAL
            .into_iter()
            .enumerate()
            .fold(0, |bits, (i, f)| bits | u8::from(opens == Some(f)) << i | u8::from(t.closes(f, false)) << (4 + i))
    }

    fn add(&mut self, t: &Tok) {
        if t.ahead != 0 {
            for i in 0..4 {
                self.open[i] += usize::from(t.ahead >> i & 1);
                self.close[i] += usize::from(t.ahead >> (4 + i) & 1);
            }
        }
    }

    fn sub(&mut self, t: &Tok) {
        if t.ahead != 0 {
            for i in 0..4 {
                self.open[i] -= usize::from(t.ahead >> i & 1);
                self.close[i] -= usize::from(t.ahead >> (4 + i) & 1);
            }
        }
    }

    /// Whether enough closing marks follow to close a quote of `fam` opened
    /// now and the one already open around it.
    fn can_nest(&self, fam: Fam) -> bool {
        fam.directional().is_some_and(|i| self.close[i] >= self.open[i] + 2)
    }
}

/// A quote open inside the outermost one.
#[derive(Clone, Copy, Debug)]
struct Inner {
    fam: Fam,
    /// First byte of its text.
    from: usize,
}

/// The outermost quotation being read.
#[derive(Debug)]
struct Open {
    fam: Fam,
    /// The opening mark.
    mark: Span,
    location: Location,
    paragraph: Option<usize>,
    /// Parts finished so far (one per earlier paragraph).
    parts: Vec<Span>,
    /// Where the text of the current part begins.
    from: usize,
    nested: Vec<Span>,
    inner: Vec<Inner>,
    /// For single marks: the index of the mark that closes it.
    close_at: Option<usize>,
}

impl Open {
    fn new(fam: Fam, t: &Tok, region: &Region, close_at: Option<usize>) -> Self {
        Open {
            fam,
            mark: t.mark,
            location: region.location,
            paragraph: region.paragraph,
            parts: Vec::new(),
            from: t.mark.end,
            nested: Vec::new(),
            inner: Vec::new(),
            close_at,
        }
    }

    /// Ends the current part at `to` (exclusive).
    fn end_part(&mut self, src: &str, to: usize) {
        // Most quotations have one part: room for one (a vector's first
        // growth makes room for four).
        if self.parts.capacity() == 0 {
            self.parts.reserve_exact(1);
        }
        self.parts.push(trim(src, self.from, to));
        self.inner.clear();
    }

    /// The finished quotation; `close` is its closing mark, if any. `None`
    /// when there are no words between the marks.
    fn finish(mut self, src: &str, close: Option<Span>) -> Option<Quotation<'_>> {
        let text = match self.parts.as_slice() {
            [one] => flat(one.slice(src)),
            parts => Cow::Owned(parts.iter().map(|p| flat(p.slice(src))).collect::<Vec<_>>().join(" ")),
        };
        if text.is_empty() {
            return None;
        }
        let end = close.map_or_else(|| self.parts.last().map_or(self.mark.end, |p| p.end), |c| c.end);
        self.nested.sort_unstable();
        Some(Quotation {
            text,
            span: Span::new(self.mark.start, end),
            parts: self.parts,
            nested: self.nested,
            marks: self.fam.style().unwrap_or(MarkStyle::Straight),
            location: self.location,
            paragraph: self.paragraph,
            closed: close.is_some(),
            cue: None,
            speaker: None,
            attribution: None,
            speech: true,
        })
    }
}

/// `from..to` without white space at either end.
fn trim(src: &str, from: usize, to: usize) -> Span {
    let s = &src[from..to];
    let start = from + (s.len() - s.trim_start().len());
    Span::new(start, start.max(from + s.trim_end().len()))
}

/// `s` with every line break and the white space around it as one space.
fn flat(s: &str) -> Cow<'_, str> {
    if memchr2(b'\n', b'\r', s.as_bytes()).is_none() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut lines = s.split(['\n', '\r']).peekable();
    let mut first = true;
    while let Some(line) = lines.next() {
        let mut l = if first { line } else { line.trim_start() };
        if lines.peek().is_some() {
            l = l.trim_end();
        }
        if l.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(l);
        first = false;
    }
    Cow::Owned(out)
}

/// `span` moved inside `src` and onto char boundaries.
fn clamp(src: &str, span: Span) -> Span {
    let floor = |mut i: usize| {
        i = i.min(src.len());
        while !src.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let end = floor(span.end);
    Span::new(floor(span.start).min(end), end)
}

/// The walk over the marks of one region after another.
struct Walk<'a, 'd> {
    src: &'a str,
    /// Marks after the one being read.
    ahead: Ahead,
    /// The outermost quotation open, kept in place while its marks are read
    /// (it is large: moving it at every mark cost more than reading the mark).
    cur: Option<Open>,
    out: Vec<Quotation<'a>>,
    diags: &'d mut Vec<Diagnostic>,
    /// The most quotations to find ([`max_quotations`]).
    max: usize,
    /// Where reading stopped at a limit.
    stopped: Option<usize>,
}

impl Walk<'_, '_> {
    fn emit(&mut self, open: Open, close: Option<Span>) {
        if self.out.len() >= self.max {
            self.stopped.get_or_insert(open.mark.start);
            return;
        }
        if close.is_none() {
            self.diags.push(Diagnostic::new(DiagnosticKind::UnclosedQuote, open.mark));
        }
        if let Some(q) = open.finish(self.src, close) {
            self.out.push(q);
        }
    }

    /// Ends the open quotation, if any, at its closing mark `close`.
    fn close(&mut self, close: Option<Span>) {
        if let Some(open) = self.cur.take() {
            self.emit(open, close);
        }
    }

    fn stray(&mut self, t: &Tok) {
        if self.stopped.is_some() {
            return;
        }
        self.diags.push(Diagnostic::new(DiagnosticKind::StrayQuoteMark, t.mark));
    }

    /// Reads the marks `toks[k..]` of `region`, with a quotation open or not;
    /// the one still open at the end of the region is left open.
    fn region(&mut self, region: &Region, toks: &[Tok], mut k: usize) {
        self.ahead = Ahead::default();
        toks[k..].iter().for_each(|t| self.ahead.add(t));
        while k < toks.len() && self.stopped.is_none() {
            self.ahead.sub(&toks[k]);
            if self.cur.is_some() {
                self.inside(region, toks, k);
            } else {
                self.outside(region, toks, k);
            }
            k += 1;
        }
    }

    /// Mark `toks[k]` with no quotation open.
    fn outside(&mut self, region: &Region, toks: &[Tok], k: usize) {
        let t = &toks[k];
        match t.opens() {
            Some(fam) if fam.needs_closer() => {
                if let Some(c) = single_closer(toks, k, fam) {
                    self.cur = Some(Open::new(fam, t, region, Some(c)));
                } else if t.glyph == Glyph::LeftSingle {
                    self.diags.push(Diagnostic::new(DiagnosticKind::UnclosedQuote, t.mark));
                }
            }
            Some(fam) if fam.style().is_some() => self.cur = Some(Open::new(fam, t, region, None)),
            _ => {
                if t.is_double_closer() {
                    self.stray(t);
                }
            }
        }
    }

    /// Mark `toks[k]` inside the open quotation.
    fn inside(&mut self, region: &Region, toks: &[Tok], k: usize) {
        let t = &toks[k];
        let src = self.src;
        let Some(open) = self.cur.as_mut() else { return };
        if open.close_at == Some(k) || open.close_at.is_none() && t.closes(open.fam, true) && !closes_inner(open, t) {
            open.end_part(src, t.mark.start);
            self.close(Some(t.mark));
            return;
        }
        if let Some(pos) = open.inner.iter().rposition(|n| t.closes(n.fam, false)) {
            let from = open.inner[pos].from;
            open.inner.truncate(pos);
            open.nested.push(trim(src, from, t.mark.start));
            return;
        }
        match t.opens() {
            Some(fam) if fam == open.fam && open.close_at.is_none() => {
                let before = src[open.from..t.mark.start].trim_end();
                let gap = open.from + before.len() < t.mark.start;
                if matches!(fam, Fam::Straight | Fam::TwoApos)
                    && !gap
                    && before.ends_with(['.', ',', ';', ':', '!', '?'])
                {
                    // A closing mark with no space after it: `"Yes,"said`.
                    open.end_part(src, t.mark.start);
                    self.close(Some(t.mark));
                } else if gap && before.ends_with(['.', '?', '!', '…']) {
                    // A new paragraph of the same quote, run on: `...good. "It's`.
                    open.end_part(src, t.mark.start);
                    open.from = t.mark.end;
                } else if self.ahead.can_nest(fam) && open.inner.len() < MAX_DEPTH {
                    // The same marks nested: `“... which rooms are “available” for booking.”`
                    open.inner.push(Inner { fam, from: t.mark.end });
                } else {
                    // The same mark again: the quote before was never closed.
                    open.end_part(src, t.mark.start);
                    self.close(None);
                    self.outside(region, toks, k);
                }
            }
            Some(fam) if fam != open.fam => {
                if open.inner.len() < MAX_DEPTH && !open.inner.iter().any(|n| n.fam == fam) {
                    open.inner.push(Inner { fam, from: t.mark.end });
                }
            }
            _ => {
                if t.is_double_closer() && !t.closes(open.fam, true) {
                    self.stray(t);
                }
            }
        }
    }
}

/// Whether `t` closes a quote nested in `open` rather than `open` itself
/// (`“Er sagte „ja“ heute”`).
fn closes_inner(open: &Open, t: &Tok) -> bool {
    open.inner.iter().any(|n| t.closes(n.fam, false))
}

/// Every quotation in `regions`, in order, without attribution.
#[cfg(test)]
pub(crate) fn quotations<'a>(src: &'a str, regions: &[Region], diags: &mut Vec<Diagnostic>) -> Vec<Quotation<'a>> {
    let mut marks = Marks::new(src);
    for (at, window) in super::windows(src.as_bytes(), super::WINDOW) {
        marks.read(at, window);
    }
    quotations_with(src, regions, marks.finish(), diags)
}

/// [`quotations`] with the [`Marks`] of `src` found.
pub(crate) fn quotations_with<'a>(
    src: &'a str,
    regions: &[Region],
    mut marks: Vec<usize>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Quotation<'a>> {
    // Past the limits, quotations are not read: from the first mark over
    // the mark limit, or from the opening mark of the first quotation over
    // the quotation limit.
    let over = (marks.len() > max_marks(src)).then(|| marks[max_marks(src)]);
    marks.truncate(max_marks(src));
    let max = max_quotations(src);
    let mut walk = Walk { src, ahead: Ahead::default(), cur: None, out: Vec::new(), diags, max, stopped: None };
    let mut toks = Vec::new();
    let mut last_loc = None;
    let mut first = 0;
    for region in regions {
        if walk.stopped.is_some() {
            break;
        }
        let mut span = clamp(src, region.span);
        // Nothing past the mark limit is read, not even a run of marks.
        if let Some(at) = over {
            if span.start >= at {
                break;
            }
            span.end = span.end.min(at);
        }
        // The marks of the region: walked to, as regions come in document
        // order; a region before the last one is looked up.
        if first > 0 && marks[first - 1] >= span.start {
            first = marks.partition_point(|&at| at < span.start);
        }
        while marks.get(first).is_some_and(|&at| at < span.start) {
            first += 1;
        }
        let mut end = first;
        while marks.get(end).is_some_and(|&at| at < span.end) {
            end += 1;
        }
        scan(src, span, &marks[first..end], &mut toks);
        let mut k = 0;
        if let Some(open) = walk.cur.as_mut() {
            // A body paragraph that reopens the same mark goes on with it.
            let lead = span.start + (span.len() - span.slice(src).trim_start().len());
            let goes_on = region.location == Location::Body
                && last_loc == Some(Location::Body)
                && toks.first().is_some_and(|t| t.mark.start == lead && t.opens() == Some(open.fam));
            if goes_on {
                open.from = toks[0].mark.end;
                k = 1;
            } else {
                walk.close(None);
            }
        }
        walk.region(region, &toks, k);
        if let Some(open) = walk.cur.as_mut() {
            open.end_part(src, span.end);
        }
        last_loc = Some(region.location);
    }
    walk.close(None);
    let limit = match (over, walk.stopped) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    if let Some(at) = limit {
        walk.diags.push(Diagnostic::new(DiagnosticKind::QuotationLimit, Span::new(at, src.len())));
    }
    walk.out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Body regions: the paragraphs of `src`, split at blank lines.
    fn body(src: &str) -> Vec<Region> {
        let mut out = Vec::new();
        let mut at = 0;
        for (i, p) in src.split("\n\n").enumerate() {
            out.push(Region { span: Span::new(at, at + p.len()), location: Location::Body, paragraph: Some(i) });
            at += p.len() + 2;
        }
        out
    }

    fn run(src: &str) -> (Vec<Quotation<'_>>, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let q = quotations(src, &body(src), &mut diags);
        (q, diags)
    }

    fn texts(src: &str) -> Vec<String> {
        run(src).0.iter().map(|q| q.text.to_string()).collect()
    }

    fn one(src: &str) -> Quotation<'_> {
        let (mut q, _) = run(src);
        assert_eq!(q.len(), 1, "{src:?}: {q:#?}");
        q.remove(0)
    }

    fn kinds(src: &str) -> Vec<DiagnosticKind> {
        run(src).1.iter().map(|d| d.kind).collect()
    }

    #[test]
    fn straight_marks_pair() {
        let src = r#"He said "we will win" and left."#;
        let q = one(src);
        assert_eq!(q.text, "we will win");
        assert_eq!(q.span.slice(src), r#""we will win""#);
        assert_eq!(q.parts, [Span::new(9, 20)]);
        assert_eq!(q.marks, MarkStyle::Straight);
        assert!(q.closed);
        assert!(matches!(q.text, Cow::Borrowed(_)));
        assert_eq!((q.location, q.paragraph), (Location::Body, Some(0)));
        assert_eq!((q.cue, q.speaker), (None, None));
        assert!(kinds(src).is_empty());
    }

    #[test]
    fn attribute_values_in_markup_are_no_quotations() {
        let src = "Ford Motor Co. &lt;A HREF=\"http://x.example/q.aspx?t=F.N target=/q/full\"&gt;F.N&lt;/A&gt; \
                   said sales were \"steady.\"";
        assert_eq!(texts(src), ["steady."]);
        assert_eq!(texts("Set width=\"80\" and \"run\" it."), ["run"]);
        // Not markup: the value runs on past a space with no tag's end after it.
        assert_eq!(texts("He said x =\"a b\" then."), ["a b"]);
    }

    #[test]
    fn curly_marks_pair() {
        let src = "“Yes,” she said. “No, not today.”";
        assert_eq!(texts(src), ["Yes,", "No, not today."]);
        assert_eq!(run(src).0[0].marks, MarkStyle::Curly);
    }

    #[test]
    fn guillemets_pair_with_or_without_inner_spaces() {
        let src = "Le ministre a dit « nous verrons » hier. Die Zeitung «Table Media» berichtet.";
        assert_eq!(texts(src), ["nous verrons", "Table Media"]);
        assert!(run(src).0.iter().all(|q| q.marks == MarkStyle::Guillemets));
    }

    #[test]
    fn reversed_guillemets_need_a_closing_mark() {
        assert_eq!(texts("Er sagte »Ja« und ging."), ["Ja"]);
        assert!(texts("» Read more\n\n» Related stories").is_empty());
    }

    #[test]
    fn german_low_marks_close_with_either_high_mark() {
        let src = "Er sagte: „Wir schaffen das.“ Sie sagte: „Nein.” Er: „Mit ‚Hilfe‘ schon.“";
        let (q, d) = run(src);
        assert_eq!(
            q.iter().map(|q| &*q.text).collect::<Vec<_>>(),
            ["Wir schaffen das.", "Nein.", "Mit ‚Hilfe‘ schon."]
        );
        assert!(q.iter().all(|q| q.marks == MarkStyle::German));
        assert_eq!(q[2].nested.iter().map(|s| s.slice(src)).collect::<Vec<_>>(), ["Hilfe"]);
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn anpa_backticks_with_nested_single_marks() {
        let src = "``So they told us, `This is how we work,' and after that it was simple,'' Okafor said.";
        let q = one(src);
        assert_eq!(q.text, "So they told us, `This is how we work,' and after that it was simple,");
        assert_eq!(q.marks, MarkStyle::Backtick);
        assert_eq!(q.nested.len(), 1);
        assert_eq!(q.nested[0].slice(src), "This is how we work,");
        assert_eq!(q.span.slice(src), "``So they told us, `This is how we work,' and after that it was simple,''");
    }

    #[test]
    fn anpa_triple_mark_closes_nested_and_outer() {
        let src = "He added: ``They called it `nonsense.''' Then he left.";
        let q = one(src);
        assert_eq!(q.text, "They called it `nonsense.'");
        assert_eq!(q.nested[0].slice(src), "nonsense.");
        assert!(q.closed);
        // A plural possessive before the closing mark stays in the text.
        assert_eq!(texts("It was ``a matter for the workers''' he said."), ["a matter for the workers'"]);
    }

    #[test]
    fn anpa_copy_that_lost_its_backticks() {
        let src = "''We are looking at two weeks'' at most, Pereira said. ''It cannot be avoided.''";
        assert_eq!(texts(src), ["We are looking at two weeks", "It cannot be avoided."]);
        assert!(kinds(src).is_empty());
        // A straight mark closed the ANPA way.
        assert_eq!(texts(r#"Ana Lucia "Tete'' Correia attended."#), ["Tete"]);
    }

    #[test]
    fn doubled_curly_single_marks_are_double_marks() {
        let src = "‘‘It doesn’t seem possible,’’ Varga said. “But here we are.”";
        assert_eq!(texts(src), ["It doesn’t seem possible,", "But here we are."]);
        assert!(kinds(src).is_empty());
    }

    #[test]
    fn single_marks_in_headlines() {
        let src = "Town unveils 'rain or shine' plan";
        let regions = [Region { span: Span::new(0, src.len()), location: Location::Headline, paragraph: None }];
        let q = quotations(src, &regions, &mut Vec::new());
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].text, "rain or shine");
        assert_eq!(q[0].marks, MarkStyle::SingleStraight);
        assert_eq!((q[0].location, q[0].paragraph), (Location::Headline, None));
        let q = one("Port to ban ‘Baltic ghost trawlers’ after collision");
        assert_eq!((&*q.text, q.marks), ("Baltic ghost trawlers", MarkStyle::SingleCurly));
        assert_eq!(texts("'Faults' sank first ferry auction"), ["Faults"]);
        assert_eq!(texts("Village fete 'is on', says mayor"), ["is on"]);
        assert_eq!(texts("‘Drones don’t tire’: pumps go to the fields"), ["Drones don’t tire"]);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        for src in [
            "They don't know.",
            "The two Koreas' leaders met.",
            "The People’s Daily said so.",
            "Music of the ’90s and the '80s returned.",
            "He plays rock 'n' roll and rock ’n’ roll.",
            "Elian's father met O'Brien.",
            "Let 'em go, it's over 'cause 'tis late.",
            "Iraq 's electoral commission met.",
            "Britain\"s ruling party met.",
            "The workers' union and the bosses' club.",
        ] {
            let (q, d) = run(src);
            assert!(q.is_empty(), "{src:?}: {q:?}");
            assert!(d.is_empty(), "{src:?}: {d:?}");
        }
    }

    #[test]
    fn apostrophes_inside_single_quoted_passages() {
        assert_eq!(texts("Kim's 'last stand' at O'Brien's pub"), ["last stand"]);
        assert_eq!(texts("'Yes' vote wins"), ["Yes"]);
        assert_eq!(texts("the 'big' players' union and the 'little' ones"), ["big", "little"]);
        assert_eq!(texts("Fans of rock 'n' roll call it 'the best'"), ["the best"]);
    }

    #[test]
    fn single_marks_inside_double_marks_are_nested() {
        let src = r#""They describe him as 'rather awkward'," she said of the Koreas' envoy."#;
        let q = one(src);
        assert_eq!(q.text, "They describe him as 'rather awkward',");
        assert_eq!(q.nested.iter().map(|s| s.slice(src)).collect::<Vec<_>>(), ["rather awkward"]);
        let src = "“I told her, ‘Nadia, if you don’t feel ready, that’s okay,’” he said.";
        let q = one(src);
        assert_eq!(q.text, "I told her, ‘Nadia, if you don’t feel ready, that’s okay,’");
        assert_eq!(q.nested[0].slice(src), "Nadia, if you don’t feel ready, that’s okay,");
    }

    #[test]
    fn double_marks_inside_single_and_curly_quotes() {
        let src = r#"“He called it "a farce" on air,” she said."#;
        let q = one(src);
        assert_eq!(q.nested[0].slice(src), "a farce");
    }

    #[test]
    fn same_curly_marks_nested() {
        let src =
            "The memo tells staff “to keep track of which rooms are “available” for booking in the system.” It ends.";
        let q = one(src);
        assert_eq!(q.text, "to keep track of which rooms are “available” for booking in the system.");
        assert_eq!(q.nested[0].slice(src), "available");
        assert!(kinds(src).is_empty());
    }

    #[test]
    fn a_quote_over_paragraphs_is_one_quotation() {
        let src = "\"We will go on.\n\n\"We will not stop.\n\n\"We will win,\" he said.\n\nNext.";
        let q = one(src);
        assert_eq!(q.text, "We will go on. We will not stop. We will win,");
        assert_eq!(
            q.parts.iter().map(|p| p.slice(src)).collect::<Vec<_>>(),
            ["We will go on.", "We will not stop.", "We will win,"]
        );
        assert_eq!(q.span.slice(src), "\"We will go on.\n\n\"We will not stop.\n\n\"We will win,\"");
        assert_eq!(q.paragraph, Some(0));
        assert!(q.closed);
        assert!(kinds(src).is_empty());
    }

    #[test]
    fn a_paragraph_may_open_a_quote_that_runs_on() {
        let src = "He wrote: ``I leave at dawn.\n\n``If the river allows it, I will reach the coast by June.''";
        assert_eq!(texts(src), ["I leave at dawn. If the river allows it, I will reach the coast by June."]);
        let src = "“I did not plan it,” she said. “I had to slow down.\n\n“And then I ran.”";
        assert_eq!(texts(src), ["I did not plan it,", "I had to slow down. And then I ran."]);
    }

    #[test]
    fn paragraphs_run_together_keep_the_convention() {
        // Copy whose paragraph breaks were lost: the mark reopens mid-line.
        let src = r#"Martinez said: "It feels good. "It's been five years." Then she left."#;
        let q = one(src);
        assert_eq!(q.text, "It feels good. It's been five years.");
        assert_eq!(q.parts.len(), 2);
    }

    #[test]
    fn an_unclosed_quote_ends_with_its_paragraph() {
        let src = "He said \"it is over.\n\nThe talks \"will resume\" soon.\n\n\"Never,\" said Ann.";
        let (q, d) = run(src);
        assert_eq!(q.iter().map(|q| &*q.text).collect::<Vec<_>>(), ["it is over.", "will resume", "Never,"]);
        assert!(!q[0].closed);
        assert_eq!(q[0].span.slice(src), "\"it is over.");
        assert_eq!(d, [Diagnostic::new(DiagnosticKind::UnclosedQuote, Span::new(8, 9))]);
        // The last paragraph too.
        let (q, d) = run("Intro.\n\n\"Unclosed to the end");
        assert_eq!((q.len(), q[0].closed, d[0].kind), (1, false, DiagnosticKind::UnclosedQuote));
    }

    #[test]
    fn the_same_mark_again_ends_an_unclosed_quote() {
        let src = "Under the banner of \"free trade, they act. This shows that the \"free trade\" slogan fails.";
        let (q, d) = run(src);
        assert_eq!(
            q.iter().map(|q| &*q.text).collect::<Vec<_>>(),
            ["free trade, they act. This shows that the", "free trade"]
        );
        assert_eq!(d.len(), 1);
        let src = "“One opens here. He said “another” today.";
        assert_eq!(texts(src), ["One opens here. He said", "another"]);
    }

    #[test]
    fn a_closing_mark_with_no_space_after_it() {
        let src = r#""The yen stays weak,"said Hana Mori. "Yes," said Tom. "The ribbon cutting."Oslo's bid"#;
        assert_eq!(texts(src), ["The yen stays weak,", "Yes,", "The ribbon cutting."]);
    }

    #[test]
    fn stray_marks_are_reported_and_lose_nothing() {
        let src = "The pipe is 2\" wide, he said \"today\". Fine» and “ok” then.";
        let (q, d) = run(src);
        assert_eq!(q.iter().map(|q| &*q.text).collect::<Vec<_>>(), ["today", "ok"]);
        let stray: Vec<&str> =
            d.iter().filter(|d| d.kind == DiagnosticKind::StrayQuoteMark).map(|d| d.span.slice(src)).collect();
        assert_eq!(stray, ["\"", "»"]);
        let src = "described the “fraying” of trust” in the town and “a council losing its way”";
        assert_eq!(texts(src), ["fraying", "a council losing its way"]);
        assert_eq!(kinds(src), [DiagnosticKind::StrayQuoteMark]);
    }

    #[test]
    fn an_unclosed_curly_single_mark_is_reported() {
        let src = "He said ‘this will not close and the text ends";
        assert!(texts(src).is_empty());
        assert_eq!(kinds(src), [DiagnosticKind::UnclosedQuote]);
        // A single mark closed by a double one still makes a quote.
        assert_eq!(texts("One verse runs, ‘By the harbor at dawn.”\n\nNext."), ["By the harbor at dawn."]);
    }

    #[test]
    fn partial_quotes() {
        let src = r#"He called the move "a grave violation" and said Tokyo "would respond"."#;
        assert_eq!(texts(src), ["a grave violation", "would respond"]);
        assert_eq!(texts(r#"the Oregon senator said it "could face some delay.""#), ["could face some delay."]);
    }

    #[test]
    fn hard_wrapped_text_is_joined() {
        let src =
            "    \"I think this audit settles it,\" Halvorsen said. \"It shows\nthat the board had\n    doubts.\"\n";
        let (q, d) = run(src);
        assert_eq!(q[1].text, "It shows that the board had doubts.");
        assert!(matches!(q[1].text, Cow::Owned(_)));
        assert_eq!(q[1].parts[0].slice(src), "It shows\nthat the board had\n    doubts.");
        assert!(d.is_empty());
        let src = "``\nWrapped right after the mark\r\n and before\n   it''";
        assert_eq!(texts(src), ["Wrapped right after the mark and before it"]);
    }

    #[test]
    fn headline_standfirst_and_body_in_order() {
        let src = "Putin: 'ready to talk'\nTASS says \"talks\" may start\nHe said: \"We are ready.\"";
        let regions = [
            Region { span: Span::new(0, 22), location: Location::Headline, paragraph: None },
            Region { span: Span::new(23, 51), location: Location::Standfirst, paragraph: None },
            Region { span: Span::new(52, src.len()), location: Location::Body, paragraph: Some(0) },
        ];
        let q = quotations(src, &regions, &mut Vec::new());
        let got: Vec<_> = q.iter().map(|q| (&*q.text, q.location, q.paragraph)).collect();
        assert_eq!(
            got,
            [
                ("ready to talk", Location::Headline, None),
                ("talks", Location::Standfirst, None),
                ("We are ready.", Location::Body, Some(0)),
            ]
        );
    }

    #[test]
    fn a_headline_quote_does_not_run_into_the_body() {
        let src = "Minister: \"we will act\n\"Quote\" in body.";
        let regions = [
            Region { span: Span::new(0, 22), location: Location::Headline, paragraph: None },
            Region { span: Span::new(23, src.len()), location: Location::Body, paragraph: Some(0) },
        ];
        let mut d = Vec::new();
        let q = quotations(src, &regions, &mut d);
        assert_eq!(q.iter().map(|q| &*q.text).collect::<Vec<_>>(), ["we will act", "Quote"]);
        assert_eq!(d.len(), 1);
    }

    #[test]
    fn empty_quotes_are_not_quotations() {
        assert!(texts(r#"An empty "" pair."#).is_empty());
    }

    #[test]
    fn regions_out_of_bounds_or_off_char_boundaries() {
        let src = "“é”";
        let regions = [
            Region { span: Span::new(1, 99), location: Location::Body, paragraph: Some(0) },
            Region { span: Span::new(5, 2), location: Location::Body, paragraph: Some(1) },
        ];
        let _ = quotations(src, &regions, &mut Vec::new());
    }

    #[test]
    fn a_megabyte_of_marks_stays_within_the_limits() {
        // Counts, not the clock: quotations and marks read stay within their
        // limits, and a flood that passes them is reported, not dropped silently.
        let mixed = "He said \"a 'b' c\" and “d ‘e’ f” or «g» ``h `i' j'' k's ’90s. ";
        for unit in ["\"", "'", "“", "‘", "«", "„", "``", "' ", "“a ", "‘ “", "\"we ", "\"a\" ", mixed] {
            let src = unit.repeat((1 << 20) / unit.len());
            let mut d = Vec::new();
            let regions = [Region { span: Span::new(0, src.len()), location: Location::Body, paragraph: Some(0) }];
            let q = quotations(&src, &regions, &mut d);
            assert!(q.len() <= max_quotations(&src), "{unit:?}: {} quotations", q.len());
            let marks = mark_bytes(&src, usize::MAX).len();
            let limited = d.iter().any(|d| d.kind == DiagnosticKind::QuotationLimit);
            if marks > max_marks(&src) {
                assert!(limited, "{unit:?}: {marks} marks, no quotation_limit diagnostic");
            }
            if limited {
                assert!(marks > max_marks(&src) || q.len() == max_quotations(&src), "{unit:?}: limit reported early");
            }
        }
    }

    /// The marks of `s` found one char at a time: the twin of [`scan`].
    fn naive_marks(s: &str) -> Vec<usize> {
        s.char_indices().filter(|(_, c)| "\"'`“”„‘’‚«»‹›".contains(*c)).map(|(i, _)| i).collect()
    }

    proptest! {
        #[test]
        fn mark_bytes_in_windows_are_mark_bytes_in_one(s in "[a \"'`“”«»\u{a0}é]{0,60}", size in 1usize..9, max in 0usize..30) {
            prop_assert_eq!(mark_bytes_in(&s, max, size), mark_bytes_in(&s, max, usize::MAX));
        }

        #[test]
        fn scan_finds_what_the_naive_twin_finds(s in "[a \"'`“”„‘’‚«»‹›\n]{0,40}") {
            let mut toks = Vec::new();
            scan(&s, Span::new(0, s.len()), &mark_bytes(&s, usize::MAX), &mut toks);
            // Runs are grouped, so compare the bytes covered.
            let covered: Vec<usize> = toks
                .iter()
                .flat_map(|t| s[t.mark.start..t.mark.end].char_indices().map(move |(i, _)| t.mark.start + i))
                .collect();
            prop_assert_eq!(covered, naive_marks(&s));
        }

        #[test]
        fn never_panics_and_spans_hold(
            s in "[a-z .,\"'`“”„‘’‚«»‹›\n]{0,80}|\\PC{0,40}",
            cuts in proptest::collection::vec(0usize..100, 0..6),
        ) {
            let mut cuts = cuts;
            cuts.sort_unstable();
            let mut regions = Vec::new();
            let mut at = 0;
            for (i, c) in cuts.into_iter().enumerate() {
                regions.push(Region { span: Span::new(at, c), location: Location::Body, paragraph: Some(i) });
                at = c + 1;
            }
            regions.push(Region { span: Span::new(at, s.len()), location: Location::Body, paragraph: None });
            let mut d = Vec::new();
            for q in quotations(&s, &regions, &mut d) {
                prop_assert!(q.span.end <= s.len() && s.get(q.span.start..q.span.end).is_some());
                prop_assert!(!q.text.is_empty());
                prop_assert!(!q.parts.is_empty());
                for p in q.parts.iter().chain(&q.nested) {
                    prop_assert!(s.get(p.start..p.end).is_some());
                    prop_assert!(q.span.start <= p.start && p.end <= q.span.end);
                }
            }
            for x in d {
                prop_assert!(s.get(x.span.start..x.span.end).is_some());
            }
        }
    }
}
