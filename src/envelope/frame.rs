//! Framing: cutting a byte stream into messages (SOH to EOT) and noise.

use std::io::{self, Read};

use crate::Span;

use super::{Envelope, ReadOptions};

pub(crate) const SOH: u8 = 0x01;
pub(crate) const STX: u8 = 0x02;
pub(crate) const ETX: u8 = 0x03;
pub(crate) const EOT: u8 = 0x04;
pub(crate) const SYN: u8 = 0x16;

/// Bytes between messages that are padding, not noise.
fn is_padding(b: u8) -> bool {
    matches!(b, 0x00 | 0x07 | 0x0a | 0x0c | 0x0d | 0x16 | 0x7f | b' ' | b'\t' | EOT)
}

/// Bytes of a stream that belong to no message: garbage, a capture that
/// starts mid-message, line noise.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Noise {
    /// Where it lies in the stream (padding around it left out).
    pub span: Span,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// One item of a stream: a message or the noise between messages.
#[derive(Clone, Debug, PartialEq, Eq)]
#[allow(clippy::large_enum_variant)]
#[non_exhaustive]
pub enum Item {
    /// A message, complete or truncated ([`Envelope::complete`]).
    Message(Envelope),
    /// Bytes outside any message.
    Noise(Noise),
}

/// What the splitter found at the front of a buffer.
pub(crate) enum Cut {
    /// Padding only, this many bytes: skip.
    Skip(usize),
    /// Noise in `start..end`; consume `end`.
    Noise { start: usize, end: usize },
    /// A message in `start..end` (SYN SYN SOH included), complete when
    /// it ends in EOT; consume `end`.
    Message { start: usize, end: usize, complete: bool },
    /// Not enough bytes to decide.
    More,
}

/// Cut the front of `buf`. With `eof`, everything is decided; `limit` caps
/// the length of one message or noise run.
pub(crate) fn cut(buf: &[u8], eof: bool, limit: usize) -> Cut {
    let lead = buf.iter().take_while(|&&b| is_padding(b)).count();
    if lead == buf.len() {
        return if lead > 0 && (eof || lead >= limit) {
            Cut::Skip(lead)
        } else if eof {
            Cut::Skip(0)
        } else {
            Cut::More
        };
    }
    // Every decision looks at no more than `limit` bytes, so that a slice
    // and a reader cut a stream alike.
    let window = buf.len().min(lead.saturating_add(limit));
    let Some(soh) = memchr::memchr(SOH, &buf[lead..window]).map(|p| p + lead) else {
        if eof || window - lead >= limit {
            let end = trim_end(buf, lead, window);
            return Cut::Noise { start: lead, end: end.max(lead + 1) };
        }
        return Cut::More;
    };
    // SYN bytes right before SOH open the message.
    let start = soh - buf[..soh].iter().rev().take_while(|&&b| b == SYN).count();
    if start > lead && buf[lead..start].iter().any(|&b| !is_padding(b)) {
        return Cut::Noise { start: lead, end: trim_end(buf, lead, start) };
    }
    if start > 0 {
        return Cut::Skip(start);
    }
    let window = buf.len().min(start.saturating_add(limit));
    match memchr::memchr2(EOT, SOH, &buf[soh + 1..window.max(soh + 1)]).map(|p| p + soh + 1) {
        Some(p) if buf[p] == EOT => Cut::Message { start, end: p + 1, complete: true },
        Some(p) => {
            let end = p - buf[soh + 1..p].iter().rev().take_while(|&&b| b == SYN).count();
            Cut::Message { start, end, complete: false }
        }
        None if eof || window - start >= limit => Cut::Message { start, end: window.max(soh + 1), complete: false },
        None => Cut::More,
    }
}

fn trim_end(buf: &[u8], start: usize, end: usize) -> usize {
    start + buf[start..end].iter().rposition(|&b| !is_padding(b)).map_or(0, |p| p + 1)
}

/// The messages and noise of a byte slice, in stream order.
///
/// Built by [`items`](super::items).
#[derive(Debug)]
pub struct Items<'a> {
    buf: &'a [u8],
    pos: usize,
    options: ReadOptions,
}

impl<'a> Items<'a> {
    pub(crate) fn new(buf: &'a [u8], options: ReadOptions) -> Self {
        Self { buf, pos: 0, options }
    }
}

impl Iterator for Items<'_> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            let rest = &self.buf[self.pos..];
            if rest.is_empty() {
                return None;
            }
            let base = self.pos;
            match cut(rest, true, self.options.max_message_len.max(1)) {
                Cut::Skip(0) | Cut::More => {
                    self.pos = self.buf.len();
                    return None;
                }
                Cut::Skip(n) => self.pos += n,
                Cut::Noise { start, end } => {
                    self.pos += end;
                    return Some(Item::Noise(Noise {
                        span: Span::new(base + start, base + end),
                        bytes: rest[start..end].to_vec(),
                    }));
                }
                Cut::Message { start, end, complete } => {
                    self.pos += end;
                    let span = Span::new(base + start, base + end);
                    return Some(Item::Message(Envelope::from_frame(&rest[start..end], span, complete, &self.options)));
                }
            }
        }
    }
}

/// Messages and noise read incrementally from any [`Read`].
///
/// Memory stays within about one message (at most
/// [`ReadOptions::max_message_len`]) plus one read buffer; spans count bytes
/// from the start of the stream.
///
/// ```
/// use wirecopy::envelope::{Item, Reader};
/// let stream: &[u8] = b"noise\x01bdt0001 3 pl 12  dpa 0001\r\n\r\nKey/\r\n\x02Title =\r\n\r\nBerlin (dpa) - Text.\r\n\x03121314 Okt 24\r\n\x04";
/// let items: Vec<Item> = Reader::new(stream).collect::<Result<_, _>>()?;
/// assert!(matches!(items[0], Item::Noise(_)));
/// let Item::Message(m) = &items[1] else { panic!() };
/// assert_eq!(m.heading.headline.as_deref(), Some("Title"));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct Reader<R> {
    inner: R,
    framer: Framer,
}

/// The state of an incremental read, apart from the reader it reads from
/// (so that [`Stories`](crate::stream::Stories) can drive it over its own).
#[derive(Debug)]
pub(crate) struct Framer {
    buf: Vec<u8>,
    /// Stream offset of `buf[0]`.
    offset: usize,
    /// Bytes of `buf` already consumed.
    pos: usize,
    eof: bool,
    /// After an undecided cut: how many bytes past `pos` were looked at.
    /// Only SOH, EOT, the length limit or the end can decide it, so the
    /// next cut waits for one of them (each byte is searched once).
    undecided: Option<usize>,
    options: ReadOptions,
}

impl<R: Read> Reader<R> {
    /// Read from `inner` with the default [`ReadOptions`].
    pub fn new(inner: R) -> Self {
        Self::with_options(inner, ReadOptions::new())
    }

    /// Read from `inner` with `options`.
    pub fn with_options(inner: R, options: ReadOptions) -> Self {
        Self { inner, framer: Framer::new(options) }
    }
}

impl Framer {
    pub(crate) fn new(options: ReadOptions) -> Self {
        Self::with_prefix(options, Vec::new())
    }

    /// A framer whose stream opens with `prefix`, already read.
    pub(crate) fn with_prefix(options: ReadOptions, prefix: Vec<u8>) -> Self {
        Self { buf: prefix, offset: 0, pos: 0, eof: false, undecided: None, options }
    }

    fn fill(&mut self, inner: &mut impl Read) -> io::Result<()> {
        if self.pos > 0 {
            self.buf.drain(..self.pos);
            self.offset += self.pos;
            self.pos = 0;
        }
        let mut chunk = [0u8; 16 * 1024];
        loop {
            match inner.read(&mut chunk) {
                Ok(0) => {
                    self.eof = true;
                    return Ok(());
                }
                Ok(n) => {
                    self.buf.extend_from_slice(&chunk[..n]);
                    return Ok(());
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }

    /// The next item of the stream `inner` reads.
    pub(crate) fn next_from(&mut self, inner: &mut impl Read) -> Option<io::Result<Item>> {
        let limit = self.options.max_message_len.max(1);
        loop {
            let rest = &self.buf[self.pos..];
            let base = self.offset + self.pos;
            if let Some(seen) = self.undecided {
                if !self.eof
                    && rest.len() < limit.saturating_add(2)
                    && memchr::memchr2(SOH, EOT, &rest[seen..]).is_none()
                {
                    self.undecided = Some(rest.len());
                    if let Err(e) = self.fill(inner) {
                        return Some(Err(e));
                    }
                    continue;
                }
                self.undecided = None;
            }
            match cut(rest, self.eof, limit) {
                Cut::Skip(0) if self.eof => return None,
                Cut::More | Cut::Skip(0) => {
                    if self.eof {
                        return None;
                    }
                    self.undecided = Some(rest.len());
                    if let Err(e) = self.fill(inner) {
                        return Some(Err(e));
                    }
                }
                Cut::Skip(n) => self.pos += n,
                Cut::Noise { start, end } => {
                    let noise = Noise { span: Span::new(base + start, base + end), bytes: rest[start..end].to_vec() };
                    self.pos += end;
                    return Some(Ok(Item::Noise(noise)));
                }
                Cut::Message { start, end, complete } => {
                    let span = Span::new(base + start, base + end);
                    let m = Envelope::from_frame(&rest[start..end], span, complete, &self.options);
                    self.pos += end;
                    return Some(Ok(Item::Message(m)));
                }
            }
        }
    }
}

impl<R: Read> Iterator for Reader<R> {
    type Item = io::Result<Item>;

    fn next(&mut self) -> Option<io::Result<Item>> {
        self.framer.next_from(&mut self.inner)
    }
}

/// Bytes of a header line (between SOH and STX): printable ASCII, tab, line
/// ends, US, DC1 to DC4 (ANPA format ids), and bytes of a legacy or UTF-8
/// keyword.
fn is_header_byte(b: u8) -> bool {
    matches!(b, 0x20..=0x7e | b'\t' | b'\n' | b'\r' | 0x11..=0x14 | 0x1f | 0x80..)
}

/// The longest header (SOH to STX) that framing detection accepts.
pub(crate) const MAX_HEADER: usize = 512;

/// How many bytes of an input [`is_stream`] looks at.
pub const SNIFF_LEN: usize = 8 << 10;

/// Whether `head`, the first bytes of an input (only the first
/// [`SNIFF_LEN`] are looked at), hold envelope framing: an SOH, then a
/// header of 4 to 512 bytes that opens with 4 ASCII letters or digits (an
/// ANPA service level and story number, an IPTC source and number), holds
/// only text bytes (at most one in 8 of them non-ASCII) and ends its last
/// line with LF, then STX. Ordinary text never holds SOH and STX; random
/// bytes hold this shape about once in 10<sup>7</sup> SOHs. Noise before
/// the SOH (a capture that starts mid-message) does not matter.
///
/// ```
/// use wirecopy::envelope::is_stream;
/// assert!(is_stream(b"\x16\x16\x01a0042\x1fbagm-\nr a\x13\x11 bc-Harbor 03-14 0031\r\n\x02Body"));
/// assert!(is_stream(b"tail of a message\x03\x04\x01bdt0001 3 pl 12\r\n\r\nKey/\r\n\x02Title ="));
/// assert!(!is_stream(b"MOSCOW, June 16. /TASS/. Text."));
/// assert!(!is_stream(b"\x01\x02 two control bytes"));
/// ```
#[must_use]
pub fn is_stream(head: &[u8]) -> bool {
    let head = &head[..head.len().min(SNIFF_LEN)];
    let mut from = 0;
    while let Some(p) = memchr::memchr(SOH, &head[from..]) {
        let soh = from + p;
        let header = &head[soh + 1..];
        let n = header.iter().take(MAX_HEADER + 1).position(|&b| !is_header_byte(b));
        let framed = |n: usize| {
            n >= 4
                && header[n] == STX
                && header[n - 1] == b'\n'
                && header[..4].iter().all(u8::is_ascii_alphanumeric)
                && header[..n].iter().filter(|&&b| b >= 0x80).count() * 8 <= n
        };
        if n.is_some_and(framed) {
            return true;
        }
        from = soh + 1;
    }
    false
}
