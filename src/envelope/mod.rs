//! Wire envelopes: ANPA-1312 and IPTC 7901 byte streams.
//!
//! A stream holds messages framed by SOH ... EOT: a header (typed per
//! format, raw values kept), STX, a body with its own markup, ETX, a trailer
//! with the transmission time. This module cuts a stream into messages
//! (resynchronising on SOH after noise, reporting a truncated last message),
//! decodes each body in its charset, turns its markup into structure, reads
//! the trailer's date-time, and hands the cleaned body to the article
//! parser with the trailer's date as the reference date, so the dateline's
//! partial date gets its year.
//!
//! ```
//! use wirecopy::envelope::{self, Format};
//! let stream = b"\x16\x16\x01a0042\x1fbagm-\nr a\x13\x11 bc-Harbor     03-14 0031\r\n\x02\
//! ^BC-Harbor Ferry,0031<\r\n^Ferry service resumes after storm<\r\n^By JANE ROE=\r\n\
//! \t   OAKLAND, Calif. (AP) _ Ferries ran again on Tuesday, ``at last,'' a rider said.\r\n\
//! \t   \x03AP-SF-03-14-17 1502GMT<\r\n\x0c\x04";
//! let messages = envelope::messages(stream);
//! let m = &messages[0];
//! assert_eq!(m.format(), Format::Anpa);
//! assert_eq!(m.heading.headline.as_deref(), Some("Ferry service resumes after storm"));
//! let parsed = m.article(&wirecopy::ParseOptions::new())?;
//! let date = parsed.article.dateline.as_ref().unwrap();
//! assert_eq!(date.place.as_ref().unwrap().text, "OAKLAND, Calif.");
//! assert_eq!(parsed.reference, Some(envelope::Reference::Trailer));
//! # Ok::<(), wirecopy::Error>(())
//! ```

mod charset;
mod frame;
pub mod grammar;
mod header;
mod markup;
mod source;

use std::io::Read;

use chrono::NaiveDate;
#[cfg(feature = "serde")]
use serde::Serialize;

pub use charset::Charset;
pub(crate) use frame::{Framer, MAX_HEADER};
pub use frame::{Item, Items, Noise, Reader, SNIFF_LEN, is_stream};
pub use header::{AnpaHeader, AnpaPriority, AnpaRaw, Format, Header, IptcHeader, IptcRaw, Trailer, offset};
pub use markup::{Block, BlockKind, Body, Heading};

use crate::{Article, Error, ParseOptions, Span};
use frame::{EOT, ETX, SOH, STX, SYN};

/// How to read a stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReadOptions {
    /// The charset of every body; `None` (the default) detects it per message.
    pub charset: Option<Charset>,
    /// The longest message kept whole (default 4 MiB); longer ones are cut
    /// and reported incomplete.
    pub max_message_len: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self::new()
    }
}

impl ReadOptions {
    /// The defaults.
    #[must_use]
    pub const fn new() -> Self {
        Self { charset: None, max_message_len: 4 << 20 }
    }

    /// Decode every body as `charset`.
    #[must_use]
    pub const fn charset(mut self, charset: Charset) -> Self {
        self.charset = Some(charset);
        self
    }

    /// Cap one message at `len` bytes.
    #[must_use]
    pub const fn max_message_len(mut self, len: usize) -> Self {
        self.max_message_len = len;
        self
    }
}

/// One message of an envelope stream.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[non_exhaustive]
pub struct Envelope {
    /// Where it lies in the stream, from its first SYN or SOH to its EOT.
    pub span: Span,
    /// Whether it ends in EOT (a truncated message is still reported).
    pub complete: bool,
    /// The charset its bytes were decoded from.
    pub charset: Charset,
    /// How many malformed sequences decoding replaced by U+FFFD (0 unless
    /// the charset was given and the bytes do not follow it, or the body is
    /// UTF-8 damaged by stray bytes).
    pub replacements: usize,
    /// Where each of those sequences lies in the stream.
    pub replaced: Vec<Span>,
    /// The typed header.
    pub header: Header,
    /// Where the body starts in the stream: the byte after STX (`None`
    /// without STX). Block spans count from here.
    pub body_offset: Option<usize>,
    /// The decoded body between STX and ETX, as transmitted.
    pub raw_body: String,
    /// The heading block of the body.
    pub heading: Heading,
    /// The body after the heading block.
    pub body: Body,
    /// The trailer after ETX.
    pub trailer: Option<Trailer>,
}

/// Where the reference date of [`Parsed::article`] came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Reference {
    /// The trailer's date: a dateline year inferred from it comes from the
    /// transmission, not from the caller.
    Trailer,
    /// The caller's [`ParseOptions::reference_date`].
    Caller,
}

/// The article parsed from a message's body.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Parsed<'a> {
    /// The article; its spans count bytes of the stream (see
    /// [`Envelope::source_span`]).
    pub article: Article<'a>,
    /// The reference date used for partial dates, and where it came from.
    pub reference: Option<Reference>,
    /// That date.
    pub reference_date: Option<NaiveDate>,
}

/// What a record of one message says about its envelope, beside the
/// article: see [`Envelope::summary`]. Serialised by the `batch` and
/// `parse` examples and by the `wirecopy` command as `"envelope"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[non_exhaustive]
pub struct Summary<'a> {
    /// The envelope format.
    pub format: Format,
    /// The typed header, raw values beside.
    pub header: &'a Header,
    /// The trailer, with its date-time.
    pub trailer: Option<&'a Trailer>,
    /// The charset the message was decoded from.
    pub charset: Charset,
    /// Whether the message ends in EOT.
    pub complete: bool,
    /// Where the message lies in the stream.
    pub span: Span,
    /// Where the reference date for the dateline came from: the trailer
    /// (whose year wins over the caller's) or the caller.
    pub reference: Option<Reference>,
    /// That date.
    pub reference_date: Option<NaiveDate>,
}

/// All messages of `bytes`, noise skipped, with the default options.
#[must_use]
pub fn messages(bytes: &[u8]) -> Vec<Envelope> {
    items(bytes, ReadOptions::new())
        .filter_map(|i| match i {
            Item::Message(m) => Some(m),
            Item::Noise(_) => None,
        })
        .collect()
}

/// The messages and noise of `bytes`, in stream order.
#[must_use]
pub fn items(bytes: &[u8], options: ReadOptions) -> Items<'_> {
    Items::new(bytes, options)
}

/// Messages and noise read incrementally from `reader`.
pub fn read<R: Read>(reader: R, options: ReadOptions) -> Reader<R> {
    Reader::with_options(reader, options)
}

impl Envelope {
    /// Parse one framed message (SOH ... EOT; leading SYN bytes allowed).
    #[must_use]
    pub fn parse(frame: &[u8], options: &ReadOptions) -> Self {
        let complete = frame.last() == Some(&EOT);
        Self::from_frame(frame, Span::new(0, frame.len()), complete, options)
    }

    pub(crate) fn from_frame(frame: &[u8], span: Span, complete: bool, options: &ReadOptions) -> Self {
        let inner = frame.strip_prefix(&[SYN][..]).unwrap_or(frame);
        let inner = &inner[inner.iter().position(|&b| b == SOH).map_or(0, |p| p + 1)..];
        // `inner` is a suffix of `frame` here.
        let inner_start = frame.len() - inner.len();
        let inner = if complete { inner.strip_suffix(&[EOT][..]).unwrap_or(inner) } else { inner };
        let charset = options.charset.unwrap_or_else(|| Charset::detect(inner));
        let (text, replacements) = charset.decode(inner);
        let replaced = if replacements == 0 {
            Vec::new()
        } else {
            let base = span.start + inner_start;
            crate::decode::replaced(inner, charset)
                .into_iter()
                .map(|s| Span::new(base + s.start, base + s.end))
                .collect()
        };
        // Split on STX and ETX in the decoded text (both are ASCII).
        let (head, rest) = match text.find(char::from(STX)) {
            Some(p) => (&text[..p], Some(&text[p + 1..])),
            None => (&text[..], None),
        };
        let (raw_body, trailer) = match rest {
            Some(r) => match r.find(char::from(ETX)) {
                Some(p) => (&r[..p], Some(&r[p + 1..])),
                None => (r, None),
            },
            None => ("", None),
        };
        let header = Header::parse(head);
        let (heading, body) = markup::structure(raw_body, header.format());
        let body_offset = memchr::memchr(STX, inner).map(|p| span.start + inner_start + p + 1);
        let trailer = trailer.and_then(|t| {
            let line = t.split('\n').next().unwrap_or("");
            let line = line.strip_suffix('\r').unwrap_or(line);
            (!markup::clean(line).trim().is_empty()).then(|| Trailer::parse(line))
        });
        let mut m = Self {
            span,
            complete,
            charset,
            replacements,
            replaced,
            header,
            body_offset,
            raw_body: raw_body.to_owned(),
            heading,
            body,
            trailer,
        };
        // Block spans count bytes of the body: text offsets become byte
        // offsets where the charset's characters take other lengths.
        let base = m.body_offset.unwrap_or(m.span.start);
        let to_bytes = source::BodyBytes::new(&m, base);
        if !to_bytes.is_identity() {
            for b in &mut m.body.blocks {
                b.span = Span::new(to_bytes.offset(b.span.start) - base, to_bytes.offset(b.span.end) - base);
            }
        }
        m
    }

    /// The span of a block of [`Envelope::body`] in the stream (exact
    /// unless decoding replaced malformed bytes).
    #[must_use]
    pub fn stream_span(&self, block: &Block) -> Span {
        let base = self.body_offset.unwrap_or(self.span.start);
        Span::new(base + block.span.start, base + block.span.end)
    }

    /// The envelope format.
    #[must_use]
    pub fn format(&self) -> Format {
        self.header.format()
    }

    /// The text handed to the article parser: the headline, the byline and
    /// the body blocks, separated by empty lines.
    #[must_use]
    pub fn article_text(&self) -> String {
        let mut parts: Vec<String> = Vec::with_capacity(3);
        parts.extend(self.heading.headline.clone());
        if !self.heading.byline.is_empty() {
            parts.push(self.heading.byline.join("\n"));
        }
        let body = self.body.text();
        if !body.is_empty() {
            parts.push(body);
        }
        parts.join("\n\n")
    }

    /// The options to parse the body with: `options` with the trailer's
    /// date as the reference date when the trailer has one (it wins over the
    /// caller's), and where the reference date comes from.
    #[must_use]
    pub fn options(&self, options: &ParseOptions) -> (ParseOptions, Option<Reference>) {
        match (self.trailer.as_ref().and_then(Trailer::date), options.reference_date) {
            (Some(d), _) => (options.reference_date(d), Some(Reference::Trailer)),
            (None, Some(_)) => (*options, Some(Reference::Caller)),
            (None, None) => (*options, None),
        }
    }

    /// The envelope's side of a record, for a parse with `options`.
    ///
    /// ```
    /// let stream = b"\x01bdt0001 3 pl 12 \r\n\r\nKey/\r\n\x02Title =\r\n\r\nText.\r\n\x03121314 Mai 24\r\n\x04";
    /// let m = &wirecopy::envelope::messages(stream)[0];
    /// let s = m.summary(&wirecopy::ParseOptions::new());
    /// assert_eq!(s.reference, Some(wirecopy::envelope::Reference::Trailer));
    /// assert_eq!(s.reference_date, wirecopy::NaiveDate::from_ymd_opt(2024, 5, 12));
    /// ```
    #[must_use]
    pub fn summary(&self, options: &ParseOptions) -> Summary<'_> {
        let (opts, reference) = self.options(options);
        Summary {
            format: self.format(),
            header: &self.header,
            trailer: self.trailer.as_ref(),
            charset: self.charset,
            complete: self.complete,
            span: self.span,
            reference,
            reference_date: opts.reference_date,
        }
    }

    /// Parse the body into an [`Article`]. The trailer's date, when there
    /// is one, is the reference date for partial dateline dates; otherwise
    /// the caller's is used.
    ///
    /// # Errors
    /// [`ErrorKind::Empty`](crate::ErrorKind::Empty) when the body is empty.
    pub fn article(&self, options: &ParseOptions) -> Result<Parsed<'static>, Error> {
        let text = self.article_text();
        let (opts, reference) = self.options(options);
        let map = source::SourceMap::new(self, &text);
        let mut article = opts.parse(&text).map_err(|e| {
            let span = map.span(e.span());
            e.with_span(span)
        })?;
        article.map_spans(|s| map.span(s));
        Ok(Parsed { article: article.into_owned(), reference, reference_date: opts.reference_date })
    }

    /// A span of [`article_text`](Self::article_text) as a span of the
    /// stream: the bytes its characters were decoded from, whatever the
    /// charset. Exact for text copied whole from the body (every word the
    /// markup left as it was); a separator the text was joined with, or
    /// text the markup rewrote, maps to the end of the text before it.
    /// Always inside the message's [`span`](Self::span).
    ///
    /// ```
    /// let stream = b"\x01bdt0001 3 pl 12 \r\n\r\nKey/\r\n\x02Caf\xe9 Titel =\r\n\r\nBERLIN (dpa) - Text.\r\n\x03121314 Mai 24\r\n\x04";
    /// let m = &wirecopy::envelope::messages(stream)[0];
    /// let text = m.article_text();
    /// let at = text.find("BERLIN").unwrap();
    /// let s = m.source_span(wirecopy::Span::new(at, at + 6));
    /// assert_eq!(&stream[s.start..s.end], b"BERLIN");
    /// ```
    #[must_use]
    pub fn source_span(&self, span: Span) -> Span {
        source::SourceMap::new(self, &self.article_text()).span(span)
    }

    /// The map [`source_span`](Self::source_span) reads, for many spans.
    pub(crate) fn source_map(&self, text: &str) -> source::SourceMap {
        source::SourceMap::new(self, text)
    }

    /// Render the message back to bytes: header in its canonical layout,
    /// the body as decoded, the trailer line, in the message's charset.
    /// Parsed back with that charset given
    /// ([`ReadOptions::charset`]), the rendering gives the same message;
    /// left to detection, other bytes may be guessed another charset (a
    /// character the charset cannot hold is written as a numeric
    /// character reference).
    #[must_use]
    pub fn render(&self) -> Vec<u8> {
        let mut text = String::new();
        if self.format() == Format::Anpa {
            text.push_str("\x16\x16");
        }
        text.push(char::from(SOH));
        text.push_str(&self.header.render());
        text.push(char::from(STX));
        text.push_str(&self.raw_body);
        if let Some(t) = &self.trailer {
            text.push(char::from(ETX));
            text.push_str(&t.raw);
            text.push_str("\r\n");
        } else if self.complete {
            text.push(char::from(ETX));
        }
        if self.complete {
            text.push(char::from(EOT));
        }
        self.charset.encode(&text)
    }
}
