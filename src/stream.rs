//! Splitting multi-story input into stories.
//!
//! Wire feeds and archives print story after story, each closed by an end
//! mark: `-0-` (AP, KCNA), `Reuter` (Reuters 1987), `(END)`, `###`,
//! `-30-`, `Enditem` (Xinhua). [`stories`] reads such input from any
//! [`BufRead`] one story at a time, holding no more than the story being
//! read; [`split`] does the same over a `&str` already in memory, without
//! copying. Both end a story after a line that is an end mark, or that ends
//! in one after a space (`... counties. -0-`), and keep the mark in the
//! story (the parser reports it as a sign-off). With
//! [`separator`](Stories::separator) a line of the caller's choosing splits
//! the input instead, and belongs to no story.
//!
//! Blank lines between stories belong to none; a story is never empty.
//!
//! [`stories`] also reads ANPA-1312 and IPTC 7901 envelope streams, a story
//! per message, when the input opens with their framing (see
//! [`stories`](stories#envelope-streams)), and decodes each story by the
//! crate's policy ([`decode`](crate::decode)), saying what it guessed or
//! replaced in [`Stories::decoding`]; the spans of [`Story::parse`] count
//! bytes of the input from the story's [`offset`](Story::offset).
//!
//! ```
//! let feed = "Title one\n\nMOSCOW, June 16. /TASS/. Text. -0-\n\nTitle two\n\nPARIS (AFP) - More.\n-0-\n";
//! let titles: Vec<_> = wirecopy::stream::stories(feed.as_bytes())
//!     .map(|s| wirecopy::parse(&s?).map(|a| a.headline.unwrap().text.into_owned()).map_err(Into::into))
//!     .collect::<Result<_, Box<dyn std::error::Error>>>()?;
//! assert_eq!(titles, ["Title one", "Title two"]);
//!
//! let borrowed: Vec<&str> = wirecopy::stream::split(feed).collect();
//! assert_eq!(borrowed[1], "Title two\n\nPARIS (AFP) - More.\n-0-");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::io::{self, BufRead};

use memchr::memchr2;

use crate::decode::OffsetMap;
use crate::envelope::{Charset, Envelope, Framer, Item, ReadOptions};
use crate::error::{Diagnostic, DiagnosticKind};
use crate::{Article, DecodeOptions, Decoding, Error, ParseOptions, Span};

/// Lines that end a story when they stand alone.
const END_LINES: &[&str] =
    &["-0-", "Reuter", "REUTER", "(END)", "END", "###", "-30-", "Enditem", "ENDITEM", "(ENDS)", "NNNN"];

/// Marks that end a story at the end of a line, after a space.
const END_TAILS: &[&str] = &["-0-", "(END)", "###", "-30-", "Enditem", "ENDITEM", "(ENDS)"];

/// White space around a line: ASCII blanks, NBSP, BOM.
fn is_blank(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}' | '\u{feff}' | '\u{c}' | '\u{b}')
}

/// `line` without its line end and surrounding white space.
fn content(line: &str) -> &str {
    line.trim_end_matches(['\n', '\r']).trim_matches(is_blank)
}

/// Whether the line (without its line end) closes a story.
fn is_end_line(line: &str) -> bool {
    let t = content(line);
    END_LINES.contains(&t)
        || END_TAILS.iter().any(|m| t.strip_suffix(m).is_some_and(|head| head.len() > 1 && head.ends_with(is_blank)))
}

/// What a line does to the story around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LineRole {
    /// Blank: kept inside a story, dropped between stories.
    Blank,
    /// Story text.
    Text,
    /// The last line of its story (an end mark).
    Last,
    /// A separator line: ends the story and belongs to none.
    Separator,
}

/// How stories are told apart.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Rule {
    EndMarks,
    Separator(String),
}

impl Rule {
    fn role(&self, line: &str) -> LineRole {
        let t = content(line);
        match self {
            Rule::Separator(sep) if t == sep.as_str() => LineRole::Separator,
            _ if t.is_empty() => LineRole::Blank,
            Rule::EndMarks if is_end_line(line) => LineRole::Last,
            _ => LineRole::Text,
        }
    }
}

/// Stories read from a [`BufRead`], one at a time: see [`stories`].
///
/// The iterator yields owned stories; [`read_story`](Self::read_story)
/// lends each one from a buffer it reuses instead.
#[derive(Debug)]
pub struct Stories<R> {
    reader: R,
    rule: Rule,
    max_len: usize,
    /// The story being read, as bytes (decoded when complete).
    buf: Vec<u8>,
    /// The end of the last line in `buf` that is not blank, line end excluded.
    end: usize,
    /// Where the line being read starts, in the input and in `buf`.
    line_at: Option<(u64, usize)>,
    /// The story last lent by `read_story`.
    text: String,
    /// Bytes read from the input so far.
    pos: u64,
    /// Where the story being read starts in the input.
    start: u64,
    /// Where the story last returned starts in the input.
    last_start: u64,
    /// The last line ended in `\r`: a `\n` next belongs to it.
    after_cr: bool,
    /// The line being read was cut at `max_len`, before its line end.
    line_cut: bool,
    /// The story last returned was cut at `max_len`: where, in the story.
    cut: Option<usize>,
    /// What decoding the story last returned reported (input spans).
    decoding: Vec<Diagnostic>,
    /// How stories are decoded.
    decode: DecodeOptions,
    /// The story last returned: its text offsets back to its bytes.
    map: OffsetMap,
    /// The first bytes were looked at for envelope framing.
    sniffed: bool,
    /// Set when the input is an envelope stream: messages, not lines.
    framer: Option<Framer>,
    /// The message the story last returned comes from.
    envelope: Option<Box<Envelope>>,
    /// Why that message cannot be decoded (strict).
    envelope_error: Option<Error>,
    /// Bytes of envelope noise skipped so far.
    noise: u64,
    /// Bytes read to look for envelope framing, not yet consumed.
    pre: Vec<u8>,
    /// How many bytes of `pre` were consumed.
    pre_pos: usize,
    done: bool,
}

/// How many bytes [`Stories`] reads, at most, to look for envelope framing.
const SNIFF: usize = crate::envelope::SNIFF_LEN;

/// Splits the input of `reader` into stories at end marks.
///
/// Memory stays bounded by the longest story (see
/// [`max_len`](Stories::max_len) to bound it further). Line ends may be
/// `\n`, `\r\n` or a lone `\r`. Each story is decoded by the crate's
/// policy ([`decode`](crate::decode); options with
/// [`decode_options`](Stories::decode_options)): a detected charset is
/// reported in [`Stories::decoding`]; a story that cannot be decoded
/// (strict) or is not text is an error (in [`Story::error`], or an
/// [`io::ErrorKind::InvalidData`] error from the iterator and
/// [`read_story`](Stories::read_story), after which reading goes on).
///
/// # Envelope streams
///
/// When the first bytes of the input (up to 8 KiB, read before the first
/// story is returned) show ANPA-1312 or IPTC 7901 framing ([`envelope::is_stream`](crate::envelope::is_stream): SOH, a
/// header, STX), the input is read as an envelope stream instead, and each
/// message is one story: its text is the message's
/// [`article_text`](crate::envelope::Envelope::article_text) (headline,
/// byline, body, markup removed, decoded in the message's charset), the
/// message itself is at [`Stories::envelope`] and [`Story::envelope`], and
/// noise between messages is skipped (counted by [`Stories::noise`]). Parse
/// such a story with [`Story::parse`] so that the trailer's date resolves
/// the dateline's year. A [`separator`](Stories::separator) turns the
/// detection off.
///
/// ```
/// let stream = b"\x01bdt0001 3 pl 12 \r\n\r\nKey/\r\n\x02Ferry deal signed =\r\n\r\n\
///                HAMBURG, May 3 (dpa) - The F\xe4hre line ran again.\r\n\x03121314 Mai 24\r\n\x04\
///                \x01bdt0002 3 pl 12 \r\n\r\nKey/\r\n\x02Second =\r\n\r\nKiel (dpa) - Mehr.\r\n\x03121315 Mai 24\r\n\x04";
/// let stories: Vec<_> = wirecopy::stream::stories(&stream[..]).chunks(1 << 20, 100).next().unwrap()?;
/// assert_eq!(stories.len(), 2);
/// let first = &stories[0];
/// assert_eq!(first.envelope.as_ref().unwrap().charset, wirecopy::Charset::Latin1);
/// let article = first.parse(&wirecopy::ParseOptions::new())?;
/// assert_eq!(article.headline.as_ref().unwrap().text, "Ferry deal signed");
/// // The trailer's year (2024) resolves the dateline's date.
/// let date = article.dateline.as_ref().unwrap().date.unwrap();
/// assert_eq!(date.resolved, wirecopy::NaiveDate::from_ymd_opt(2024, 5, 3));
/// // The Latin-1 guess is reported, never silent.
/// assert!(article.diagnostics.iter().any(|d| d.kind == wirecopy::DiagnosticKind::DecodedLatin1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// ```
/// use std::io::BufReader;
///
/// let archive = "STEEL OUTPUT UP\n    PITTSBURGH, March 9 - Output rose.\n Reuter\n\
///                COCOA REVIEW\n    SALVADOR, Feb 26 - Rain fell.\n Reuter\n";
/// let stories: Vec<String> = wirecopy::stream::stories(BufReader::new(archive.as_bytes())).collect::<Result<_, _>>()?;
/// assert_eq!(stories.len(), 2);
/// assert!(stories[1].starts_with("COCOA REVIEW") && stories[1].ends_with(" Reuter"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn stories<R: BufRead>(reader: R) -> Stories<R> {
    Stories {
        reader,
        rule: Rule::EndMarks,
        max_len: usize::MAX,
        buf: Vec::new(),
        end: 0,
        line_at: None,
        text: String::new(),
        pos: 0,
        start: 0,
        last_start: 0,
        after_cr: false,
        line_cut: false,
        cut: None,
        decoding: Vec::new(),
        decode: DecodeOptions::new(),
        map: OffsetMap::default(),
        sniffed: false,
        framer: None,
        envelope: None,
        envelope_error: None,
        noise: 0,
        pre: Vec::new(),
        pre_pos: 0,
        done: false,
    }
}

impl<R: BufRead> Stories<R> {
    /// Splits at lines that, without surrounding white space, equal `sep`
    /// (`"$$$"`, a form feed `"\u{c}"` is trimmed: use a visible line), instead of
    /// at end marks. Separator lines belong to no story.
    ///
    /// ```
    /// let input = "One\n\nLONDON (Reuters) - A.\n====\nTwo\n\nPARIS (AFP) - B. -0-\n";
    /// let s: Vec<String> = wirecopy::stream::stories(input.as_bytes()).separator("====").collect::<Result<_, _>>()?;
    /// assert_eq!(s, ["One\n\nLONDON (Reuters) - A.", "Two\n\nPARIS (AFP) - B. -0-"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn separator(mut self, sep: impl Into<String>) -> Self {
        self.rule = Rule::Separator(sep.into());
        self
    }

    /// Decode stories with `options` (the default: the crate's policy,
    /// strict, the charset from a BOM or detected story by story; see
    /// [`decode`](crate::decode)). A given charset also applies to the
    /// messages of an envelope stream.
    ///
    /// ```
    /// use wirecopy::{Charset, DecodeOptions};
    /// let input = b"Caf\xe9\n\nPARIS (AFP) - Text.\n-0-\n";
    /// let mut s = wirecopy::stream::stories(&input[..]).decode_options(DecodeOptions::new().charset(Charset::Utf8));
    /// // Told UTF-8, strict: the story is an error, with the byte's offset in it.
    /// let err = s.read_story().unwrap_err();
    /// assert_eq!(err.kind(), std::io::ErrorKind::InvalidData);
    /// let mut s = wirecopy::stream::stories(&input[..]).decode_options(DecodeOptions::new().charset(Charset::Utf8).lossy(true));
    /// assert_eq!(s.read_story()?, Some("Caf\u{fffd}\n\nPARIS (AFP) - Text.\n-0-"));
    /// assert_eq!(s.decoding()[0].span.start, 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn decode_options(mut self, options: DecodeOptions) -> Self {
        self.decode = options;
        self
    }

    /// Cuts a story that reaches `bytes` at the end of the line that
    /// reached it, whatever follows: the rest comes as the next story. A
    /// line that would carry the story past twice the limit is cut there,
    /// at the first character boundary, so a story never holds much more
    /// than `2 * bytes` even in input with no line break. A guard for input
    /// without end marks, where one "story" would be the whole input; each
    /// cut is reported by [`cut`](Self::cut). No limit by default.
    ///
    /// ```
    /// let input = "word ".repeat(100); // 500 bytes, no line break
    /// let mut s = wirecopy::stream::stories(input.as_bytes()).max_len(100);
    /// assert_eq!(s.read_story()?.map(str::len), Some(200));
    /// let cut = s.cut().expect("cut at twice the limit");
    /// assert_eq!(cut.kind, wirecopy::DiagnosticKind::StoryCut);
    /// assert_eq!(cut.span.start, 200);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn max_len(mut self, bytes: usize) -> Self {
        self.max_len = bytes.max(1);
        self
    }

    /// Whether the story returned last was cut at [`max_len`](Self::max_len)
    /// rather than ended by an end mark, a separator or the end of the
    /// input: a [`StoryCut`](crate::DiagnosticKind::StoryCut) diagnostic
    /// with an empty span at the cut, relative to the story.
    #[must_use]
    pub fn cut(&self) -> Option<Diagnostic> {
        self.cut.map(|at| Diagnostic::new(DiagnosticKind::StoryCut, Span::new(at, at)))
    }

    /// The byte offset in the input of the story returned last (0 before
    /// the first): spans in its parse are relative to it.
    #[must_use]
    pub fn offset(&self) -> u64 {
        self.last_start
    }

    /// What decoding the story returned last reported: empty for UTF-8, a
    /// [`DecodedLatin1`](DiagnosticKind::DecodedLatin1) or
    /// [`DecodedCharset`](DiagnosticKind::DecodedCharset) diagnostic for a
    /// detected charset, a
    /// [`LossyReplacement`](DiagnosticKind::LossyReplacement) for each
    /// replacement of lossy decoding, with spans in the story's bytes in the
    /// input (from [`offset`](Self::offset)). For an envelope message,
    /// decoded as a whole, a detected charset spans its whole article text
    /// and each replacement its bytes in the message (from its first); with
    /// strict decoding a message holding any is an error, at the first.
    #[must_use]
    pub fn decoding(&self) -> &[Diagnostic] {
        &self.decoding
    }

    /// The envelope message the story returned last comes from, when the
    /// input is an envelope stream.
    #[must_use]
    pub fn envelope(&self) -> Option<&Envelope> {
        self.envelope.as_deref()
    }

    /// Bytes of an envelope stream that belong to no message (capture
    /// noise, the tail of a message cut before the stream began), skipped
    /// so far.
    #[must_use]
    pub const fn noise(&self) -> u64 {
        self.noise
    }

    /// The next story, lent from a buffer reused from one story to the next;
    /// `None` at the end of the input.
    ///
    /// ```
    /// let mut s = wirecopy::stream::stories("A\n-0-\n\nB\n".as_bytes());
    /// assert_eq!(s.read_story()?, Some("A\n-0-"));
    /// assert_eq!(s.read_story()?, Some("B"));
    /// assert_eq!(s.offset(), 7);
    /// assert_eq!(s.read_story()?, None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// Whatever reading from the input returns; the story read so far is
    /// kept, and the next call goes on reading. A story that cannot be
    /// decoded (strict) or is not text: an [`io::ErrorKind::InvalidData`]
    /// error holding the [`Error`]; the next call reads the
    /// next story.
    pub fn read_story(&mut self) -> io::Result<Option<&str>> {
        if !self.fill()? {
            return Ok(None);
        }
        self.text.clear();
        let bytes = std::mem::take(&mut self.buf);
        let decoded = match self.decode_story(&bytes) {
            Ok(text) => {
                self.text.push_str(&text);
                Ok(())
            }
            Err(e) => Err(e),
        };
        self.buf = bytes;
        self.buf.clear();
        match decoded {
            Ok(()) => Ok(Some(&self.text)),
            Err(e) => Err(io::Error::new(io::ErrorKind::InvalidData, e)),
        }
    }

    /// Decodes the story in `bytes` by the options, keeping its diagnostics
    /// and offset map: an envelope message's text is UTF-8 already.
    fn decode_story<'b>(&mut self, bytes: &'b [u8]) -> Result<std::borrow::Cow<'b, str>, Error> {
        self.map = OffsetMap::default();
        if self.envelope.is_some() {
            return match self.envelope_error.take() {
                Some(e) => Err(e),
                None => Ok(String::from_utf8_lossy(bytes)),
            };
        }
        let (text, diagnostics, map) = self.decode.decode(bytes)?.into_parts_cow();
        self.decoding.extend(diagnostics);
        self.map = map;
        Ok(text)
    }

    /// Reads lines until a story is complete in `buf`; `false` at the end
    /// of the input with no story left.
    fn fill(&mut self) -> io::Result<bool> {
        self.cut = None;
        self.decoding.clear();
        self.map = OffsetMap::default();
        self.envelope_error = None;
        self.envelope = None;
        if self.done {
            return Ok(false);
        }
        if !self.sniffed {
            self.sniff()?;
        }
        if self.framer.is_some() {
            return self.fill_message();
        }
        loop {
            let Some((at, line_start)) = self.read_line()? else {
                self.done = true;
                self.buf.truncate(std::mem::take(&mut self.end));
                self.last_start = self.start;
                return Ok(!self.buf.is_empty());
            };
            let line = &self.buf[line_start..];
            let role = match std::str::from_utf8(line) {
                Ok(l) => self.rule.role(l),
                Err(_) => self.rule.role(&String::from_utf8_lossy(line)),
            };
            match role {
                LineRole::Blank if line_start == 0 => self.buf.clear(),
                LineRole::Blank => {}
                LineRole::Separator => self.buf.truncate(line_start),
                LineRole::Text | LineRole::Last => {
                    if line_start == 0 {
                        self.start = at;
                    }
                    let l = &self.buf[line_start..];
                    self.end = line_start + l.len() - l.iter().rev().take_while(|b| matches!(b, b'\n' | b'\r')).count();
                }
            }
            let line_cut = std::mem::take(&mut self.line_cut);
            let full = self.end >= self.max_len || line_cut;
            let complete = matches!(role, LineRole::Last | LineRole::Separator) || full;
            if complete && self.end > 0 {
                if full && !matches!(role, LineRole::Last | LineRole::Separator) {
                    self.cut = Some(self.end);
                }
                self.buf.truncate(std::mem::take(&mut self.end));
                self.last_start = self.start;
                return Ok(true);
            }
        }
    }

    /// Looks at the first bytes for envelope framing: reads until framing
    /// shows, [`SNIFF`] bytes are read, or the input ends. The bytes read
    /// are kept in `pre` and read from there first.
    fn sniff(&mut self) -> io::Result<()> {
        if self.rule != Rule::EndMarks {
            self.sniffed = true;
            return Ok(());
        }
        // SOHs before `from` were judged on all the bytes their header can take.
        let mut from = 0;
        let found = loop {
            if crate::envelope::is_stream(&self.pre[from..]) {
                break true;
            }
            from = self.pre.len().saturating_sub(crate::envelope::MAX_HEADER + 2);
            if self.pre.len() >= SNIFF {
                break false;
            }
            let chunk = match self.reader.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                // Whatever was read stays in `pre`: the next call goes on.
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                break false;
            }
            let n = chunk.len().min(SNIFF - self.pre.len());
            self.pre.extend_from_slice(&chunk[..n]);
            self.reader.consume(n);
        };
        self.sniffed = true;
        if found {
            let mut options = ReadOptions::new();
            if let Some(c) = self.decode.charset {
                options = options.charset(c);
            }
            if self.max_len != usize::MAX {
                options = options.max_message_len(self.max_len);
            }
            self.framer = Some(Framer::with_prefix(options, std::mem::take(&mut self.pre)));
        }
        Ok(())
    }

    /// Reads the next envelope message into `buf`, as its article text.
    fn fill_message(&mut self) -> io::Result<bool> {
        let Some(framer) = self.framer.as_mut() else { return Ok(false) };
        loop {
            match framer.next_from(&mut self.reader) {
                None => {
                    self.done = true;
                    return Ok(false);
                }
                Some(Err(e)) => return Err(e),
                Some(Ok(Item::Noise(n))) => self.noise += n.bytes.len() as u64,
                Some(Ok(Item::Message(m))) => {
                    self.buf.clear();
                    self.buf.extend_from_slice(m.article_text().as_bytes());
                    self.last_start = m.span.start as u64;
                    // The guess covers the whole message.
                    let whole = Span::new(0, m.span.end - m.span.start);
                    if self.decode.charset.is_none() {
                        match m.charset {
                            Charset::Ascii | Charset::Utf8 => {}
                            Charset::Latin1 => {
                                self.decoding.push(Diagnostic::new(DiagnosticKind::DecodedLatin1, whole))
                            }
                            _ => self.decoding.push(Diagnostic::new(DiagnosticKind::DecodedCharset, whole)),
                        }
                    }
                    // Replaced bytes: strict, the message is an error at the
                    // first; lossy, each is reported, spanning its bytes in
                    // the message (from the story's offset).
                    let at = |s: &Span| Span::new(s.start - m.span.start, s.end - m.span.start);
                    if let Some(first) = m.replaced.first().filter(|_| self.decode.decoding == Decoding::Strict) {
                        let offset = at(first);
                        let kind = crate::ErrorKind::Undecodable { charset: m.charset, offset: offset.start };
                        self.envelope_error = Some(Error::new(kind, Span::new(0, 0), &[]).with_span(offset));
                    } else {
                        self.decoding.extend(
                            m.replaced.iter().map(|s| Diagnostic::new(DiagnosticKind::LossyReplacement, at(s))),
                        );
                    }
                    self.envelope = Some(Box::new(m));
                    return Ok(true);
                }
            }
        }
    }

    /// Appends one line, its line end included, to `buf`; its offset in the
    /// input and in `buf`, or `None` at the end of the input. A line cut
    /// short by a read error goes on at the next call.
    fn read_line(&mut self) -> io::Result<Option<(u64, usize)>> {
        loop {
            // The bytes read by `sniff` come first.
            let from_pre = self.pre_pos < self.pre.len();
            let chunk = if from_pre {
                &self.pre[self.pre_pos..]
            } else {
                match self.reader.fill_buf() {
                    Ok(c) => c,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(e),
                }
            };
            if chunk.is_empty() {
                return Ok(self.line_at.take());
            }
            if std::mem::take(&mut self.after_cr) && chunk[0] == b'\n' {
                // The `\n` of a `\r\n` split across reads: the line before
                // ends with it, if it is still in the story.
                if self.buf.last() == Some(&b'\r') {
                    self.buf.push(b'\n');
                }
                consume(&mut self.reader, &mut self.pre_pos, from_pre, 1);
                self.pos += 1;
                continue;
            }
            self.line_at.get_or_insert((self.pos, self.buf.len()));
            let found = memchr2(b'\n', b'\r', chunk);
            // A line that would carry the story past twice `max_len` ends
            // at the first character boundary there: no line is held whole.
            let stop = found.unwrap_or(chunk.len());
            let room = self.max_len.saturating_mul(2).saturating_sub(self.buf.len());
            if room < stop {
                let mut n = room;
                while n < stop && chunk[n] & 0xC0 == 0x80 {
                    n += 1;
                }
                if n < stop {
                    self.line_cut = true;
                    self.buf.extend_from_slice(&chunk[..n]);
                    consume(&mut self.reader, &mut self.pre_pos, from_pre, n);
                    self.pos += n as u64;
                    return Ok(self.line_at.take());
                }
            }
            match found {
                Some(i) => {
                    let cr_lf = chunk[i] == b'\r' && chunk.get(i + 1) == Some(&b'\n');
                    let n = i + 1 + usize::from(cr_lf);
                    self.after_cr = chunk[i] == b'\r' && !cr_lf && i + 1 == chunk.len();
                    self.buf.extend_from_slice(&chunk[..n]);
                    consume(&mut self.reader, &mut self.pre_pos, from_pre, n);
                    self.pos += n as u64;
                    return Ok(self.line_at.take());
                }
                None => {
                    let n = chunk.len();
                    self.buf.extend_from_slice(chunk);
                    consume(&mut self.reader, &mut self.pre_pos, from_pre, n);
                    self.pos += n as u64;
                }
            }
        }
    }
}

/// Consumes `n` bytes of the sniffed bytes or of the reader.
fn consume(reader: &mut impl BufRead, pre_pos: &mut usize, from_pre: bool, n: usize) {
    if from_pre {
        *pre_pos += n;
    } else {
        reader.consume(n);
    }
}

/// A story of a stream with where it comes from: see [`Stories::chunks`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Story {
    /// The story's text.
    pub text: String,
    /// Its index in the input, from 0.
    pub index: u64,
    /// Its first byte in the input: spans of its parse are relative to it.
    pub offset: u64,
    /// A [`StoryCut`](crate::DiagnosticKind::StoryCut) diagnostic when it
    /// was cut at [`max_len`](Stories::max_len).
    pub cut: Option<Diagnostic>,
    /// What decoding reported: see [`Stories::decoding`].
    pub decoding: Vec<Diagnostic>,
    /// The envelope message it comes from, in an envelope stream.
    pub envelope: Option<Box<Envelope>>,
    /// Why its bytes could not be decoded (strict decoding): its
    /// [`text`](Self::text) is empty and [`parse`](Self::parse) returns it.
    pub error: Option<Error>,
    /// Its text offsets back to its bytes.
    map: OffsetMap,
}

impl Story {
    /// The options to parse the story with: `opts`, with the trailer's
    /// date as the reference date when the story is an envelope message
    /// whose trailer has one (the trailer's year wins over the caller's
    /// reference date; a year printed in the dateline wins over both).
    #[must_use]
    pub fn options(&self, opts: &ParseOptions) -> ParseOptions {
        self.envelope.as_ref().map_or(*opts, |e| e.options(opts).0)
    }

    /// Parse the story: with [`options`](Self::options), its
    /// [`cut`](Self::cut), [`decoding`](Self::decoding) diagnostics and, for
    /// a message without EOT, an
    /// [`IncompleteMessage`](crate::DiagnosticKind::IncompleteMessage)
    /// diagnostic (an empty span at the end of the text, where it stops)
    /// appended to the article's.
    ///
    /// Spans count bytes of the story in the input, from
    /// [`offset`](Self::offset), whatever its charset; for an envelope
    /// message, bytes of the message (see [`Envelope::source_span`]).
    ///
    /// # Errors
    /// The story's decoding [`error`](Self::error), and what
    /// [`ParseOptions::parse`] returns for the text.
    pub fn parse(&self, opts: &ParseOptions) -> Result<Article<'_>, Error> {
        if let Some(e) = &self.error {
            return Err(e.clone());
        }
        // An envelope message's text is built from its body: spans go back
        // to the message's bytes, from its first (the story's offset).
        let source = self.envelope.as_ref().map(|m| (m.source_map(&self.text), m.span.start));
        let map = |s: Span| match &source {
            Some((source, at)) => {
                let s = source.span(s);
                Span::new(s.start - at, s.end - at)
            }
            None => self.map.input_span(&self.text, s),
        };
        let mut article = match self.options(opts).parse(&self.text) {
            Ok(a) => a,
            Err(e) => {
                let span = map(e.span());
                return Err(e.with_span(span));
            }
        };
        if source.is_some() || !self.map.is_identity() {
            article.map_spans(map);
        }
        article.diagnostics.extend(self.cut);
        article.diagnostics.extend(self.decoding.iter().copied());
        if let Some(m) = self.envelope.as_ref().filter(|m| !m.complete) {
            let end = m.span.end - m.span.start;
            article.diagnostics.push(Diagnostic::new(DiagnosticKind::IncompleteMessage, Span::new(end, end)));
        }
        Ok(article)
    }
}

/// Stories in chunks, for parsing a chunk on all cores: see [`Stories::chunks`].
#[derive(Debug)]
pub struct Chunks<R> {
    stories: Stories<R>,
    max_bytes: usize,
    max_stories: usize,
    index: u64,
    /// A read error met after some stories of a chunk: yielded next.
    pending: Option<io::Error>,
    done: bool,
}

impl<R: BufRead> Stories<R> {
    /// Groups the stories into chunks of up to `max_stories` stories, a
    /// chunk ending once it holds `max_bytes` or more: enough to keep every
    /// core busy with [`parse_batch`](crate::parse_batch), few enough that
    /// memory stays flat. A read error comes after the stories read before
    /// it, and reading goes on after it.
    ///
    /// ```
    /// let feed = "A\n-0-\nB\n-0-\nC\n-0-\n";
    /// let chunks: Vec<_> = wirecopy::stream::stories(feed.as_bytes()).chunks(1 << 20, 2).collect::<Result<_, _>>()?;
    /// assert_eq!(chunks.iter().map(Vec::len).collect::<Vec<_>>(), [2, 1]);
    /// assert_eq!((chunks[1][0].index, chunks[1][0].offset), (2, 12));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn chunks(self, max_bytes: usize, max_stories: usize) -> Chunks<R> {
        Chunks {
            stories: self,
            max_bytes: max_bytes.max(1),
            max_stories: max_stories.max(1),
            index: 0,
            pending: None,
            done: false,
        }
    }
}

impl<R> Chunks<R> {
    /// The stories being grouped (for [`Stories::noise`] once done).
    #[must_use]
    pub const fn stories(&self) -> &Stories<R> {
        &self.stories
    }
}

impl<R: BufRead> Iterator for Chunks<R> {
    type Item = io::Result<Vec<Story>>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(e) = self.pending.take() {
            return Some(Err(e));
        }
        if self.done {
            return None;
        }
        let mut chunk = Vec::new();
        let mut bytes = 0;
        while bytes < self.max_bytes && chunk.len() < self.max_stories {
            match self.stories.next_story() {
                Some(Ok(decoded)) => {
                    let (text, error) = match decoded {
                        Ok(text) => (text, None),
                        Err(e) => (String::new(), Some(e)),
                    };
                    bytes += text.len();
                    let (offset, cut) = (self.stories.offset(), self.stories.cut());
                    let decoding = std::mem::take(&mut self.stories.decoding);
                    let envelope = self.stories.envelope.take();
                    let map = std::mem::take(&mut self.stories.map);
                    chunk.push(Story { text, index: self.index, offset, cut, decoding, envelope, error, map });
                    self.index += 1;
                }
                None => {
                    self.done = true;
                    break;
                }
                Some(Err(e)) if e.kind() == io::ErrorKind::Interrupted => {}
                Some(Err(e)) if chunk.is_empty() => return Some(Err(e)),
                Some(Err(e)) => {
                    self.pending = Some(e);
                    break;
                }
            }
        }
        (!chunk.is_empty()).then_some(Ok(chunk))
    }
}

impl<R: BufRead> Iterator for Stories<R> {
    type Item = io::Result<String>;

    /// The next story, decoded (a story that cannot be, strict, an
    /// [`io::ErrorKind::InvalidData`] error; the next call goes on).
    fn next(&mut self) -> Option<Self::Item> {
        match self.next_story()? {
            Ok(Ok(text)) => Some(Ok(text)),
            Ok(Err(e)) => Some(Err(io::Error::new(io::ErrorKind::InvalidData, e))),
            Err(e) => Some(Err(e)),
        }
    }
}

impl<R: BufRead> Stories<R> {
    /// The next story, its decoding error apart from read errors.
    fn next_story(&mut self) -> Option<io::Result<Result<String, Error>>> {
        match self.fill() {
            Ok(false) => None,
            Ok(true) => {
                let next = Vec::with_capacity(self.buf.len());
                let bytes = std::mem::replace(&mut self.buf, next);
                if self.envelope.is_some() {
                    if let Some(e) = self.envelope_error.take() {
                        return Some(Ok(Err(e)));
                    }
                    let text =
                        String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
                    return Some(Ok(Ok(text)));
                }
                // UTF-8 comes back borrowed: keep the bytes' own buffer.
                let owned = match self.decode_story(&bytes) {
                    Ok(std::borrow::Cow::Borrowed(_)) => None,
                    Ok(std::borrow::Cow::Owned(s)) => Some(Ok(s)),
                    Err(e) => Some(Err(e)),
                };
                Some(Ok(owned.unwrap_or_else(|| Ok(String::from_utf8(bytes).unwrap_or_default()))))
            }
            Err(e) => Some(Err(e)),
        }
    }
}

/// Stories of a `&str` in memory, borrowed from it: see [`split`].
#[derive(Clone, Debug)]
pub struct Split<'a> {
    src: &'a str,
    /// Where the next line starts.
    pos: usize,
    rule: Rule,
}

/// Splits `src` into stories at end marks, as [`stories`] does, yielding
/// slices of `src`.
///
/// ```
/// let feed = "A\n\nText. -0-\n\n\nB\n\nMore.\n###\n";
/// let stories: Vec<&str> = wirecopy::stream::split(feed).collect();
/// assert_eq!(stories, ["A\n\nText. -0-", "B\n\nMore.\n###"]);
/// // Each story is a slice of the input: its offset is a pointer difference.
/// assert_eq!(stories[1].as_ptr() as usize - feed.as_ptr() as usize, 15);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn split(src: &str) -> Split<'_> {
    Split { src, pos: 0, rule: Rule::EndMarks }
}

impl<'a> Split<'a> {
    /// Splits at lines equal to `sep` instead of at end marks, as
    /// [`Stories::separator`] does.
    #[must_use]
    pub fn separator(mut self, sep: impl Into<String>) -> Self {
        self.rule = Rule::Separator(sep.into());
        self
    }

    /// The next line from `pos`, its line end included.
    fn line(&mut self) -> Option<(usize, &'a str)> {
        let rest = &self.src[self.pos..];
        if rest.is_empty() {
            return None;
        }
        let b = rest.as_bytes();
        let n = match memchr2(b'\n', b'\r', b) {
            Some(i) if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') => i + 2,
            Some(i) => i + 1,
            None => b.len(),
        };
        let at = self.pos;
        self.pos += n;
        Some((at, &rest[..n]))
    }
}

impl<'a> Iterator for Split<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let mut start: Option<usize> = None;
        // End of the last line that is not blank.
        let mut end = 0;
        while let Some((at, line)) = self.line() {
            let role = self.rule.role(line);
            if role == LineRole::Separator {
                if let Some(s) = start {
                    return Some(&self.src[s..end]);
                }
                continue;
            }
            if role == LineRole::Blank {
                continue;
            }
            let s = *start.get_or_insert(at);
            end = at + line.trim_end_matches(['\n', '\r']).len();
            if role == LineRole::Last {
                return Some(&self.src[s..end]);
            }
        }
        start.map(|s| &self.src[s..end])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn end_lines() {
        for l in ["-0-", " Reuter", "REUTER\r\n", "(END)", "###", "-30-", "Enditem", "text. -0-", "said. (END)\n"] {
            assert!(is_end_line(l), "{l:?}");
        }
        for l in ["x-0-", "told Reuter", "Reuters", "(MORE)", "end", "", " -0-x", "ends"] {
            assert!(!is_end_line(l), "{l:?}");
        }
    }
}
