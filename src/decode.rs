//! The crate's encoding policy: bytes to text, every guess reported, spans
//! kept in the input's bytes.
//!
//! One policy for every entry point that takes bytes ([`decode`],
//! [`DecodeOptions::decode`], [`stream::stories`](crate::stream::stories),
//! the examples and the `wirecopy` command):
//!
//! 1. **The charset.** The caller's ([`DecodeOptions::charset`]) comes
//!    first; then a byte-order mark (UTF-8, UTF-16LE, UTF-16BE); then
//!    [`Charset::detect`]: ASCII, UTF-8 (also UTF-8 damaged by a few stray
//!    bytes), else the guess of the `chardetng` detector, reported as a
//!    [`DecodedLatin1`](DiagnosticKind::DecodedLatin1) (windows-1252) or
//!    [`DecodedCharset`](DiagnosticKind::DecodedCharset) diagnostic. An
//!    envelope stream is read message by message, each detected on its own
//!    (or given by [`ReadOptions::charset`](crate::envelope::ReadOptions::charset)).
//! 2. **Decoding** is done by `encoding_rs`. A byte sequence the charset
//!    cannot decode is an error, [`ErrorKind::Undecodable`] with its offset,
//!    unless decoding is [`Decoding::Lossy`], an explicit choice: then each
//!    such sequence becomes U+FFFD and gets its own
//!    [`LossyReplacement`](DiagnosticKind::LossyReplacement) diagnostic
//!    spanning its bytes in the input.
//! 3. **Not text.** Decoded text holding more than one stray control
//!    character (NUL, the C0 controls other than tab, line feed, vertical
//!    tab, form feed and carriage return, and DEL) per 64 bytes of input is
//!    binary data, an error: [`ErrorKind::NotText`], its span the first such
//!    character. Random bytes fail it (about one byte in ten is such a
//!    control); wire copy, which may hold a stray control or two, passes.
//! 4. **Spans** of the article parsed by [`Decoded::parse`], and of the
//!    decoding diagnostics, count bytes of the input, not of the decoded
//!    text (a U+FFFD is 3 bytes of text for 1 of input, an `é` 2 for 1 in
//!    Latin-1): slicing the input with them gives the bytes of the part.

use std::borrow::Cow;

use encoding_rs::DecoderResult;

use crate::envelope::Charset;
use crate::error::{Diagnostic, DiagnosticKind};
use crate::{Article, Error, ErrorKind, ParseOptions, Span};

/// What to do with a byte sequence the charset cannot decode.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Decoding {
    /// An error, [`ErrorKind::Undecodable`], with the sequence's offset
    /// (the default).
    #[default]
    Strict,
    /// U+FFFD in its place, and a
    /// [`LossyReplacement`](DiagnosticKind::LossyReplacement) diagnostic
    /// with its span in the input.
    Lossy,
}

/// How to decode bytes to text: the charset, if known, and what to do with
/// bytes it cannot decode. A small `Copy` struct usable in a `static`.
///
/// ```
/// use wirecopy::{Charset, DecodeOptions, DiagnosticKind, ErrorKind};
/// // Told UTF-8, strict (the default): the stray byte is an error at its offset.
/// let bytes = b"MOSCOW, June 16. Caf\xc3\xa9 \xff open.";
/// let err = DecodeOptions::new().charset(Charset::Utf8).decode(bytes).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Undecodable { charset: Charset::Utf8, offset: 23 });
/// // Lossy, on request: U+FFFD, and a diagnostic with the byte's span in the input.
/// let d = DecodeOptions::new().lossy(true).decode(bytes)?;
/// assert_eq!(d.text, "MOSCOW, June 16. Caf\u{e9} \u{fffd} open.");
/// assert_eq!(d.diagnostics[0].kind, DiagnosticKind::LossyReplacement);
/// assert_eq!((d.diagnostics[0].span.start, d.diagnostics[0].span.end), (23, 24));
/// # Ok::<(), wirecopy::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct DecodeOptions {
    /// The charset of the bytes, when the caller knows it: it wins over a
    /// BOM and over detection.
    pub charset: Option<Charset>,
    /// Strict (the default) or lossy.
    pub decoding: Decoding,
}

impl DecodeOptions {
    /// The defaults: charset from a BOM or detected, strict.
    #[must_use]
    pub const fn new() -> Self {
        Self { charset: None, decoding: Decoding::Strict }
    }

    /// Read the bytes as `charset`.
    #[must_use]
    pub const fn charset(mut self, charset: Charset) -> Self {
        self.charset = Some(charset);
        self
    }

    /// Replace undecodable bytes by U+FFFD, each reported (`true`), or fail
    /// on them (`false`, the default).
    #[must_use]
    pub const fn lossy(mut self, on: bool) -> Self {
        self.decoding = if on { Decoding::Lossy } else { Decoding::Strict };
        self
    }

    /// Decode `bytes` under the crate's policy (see [`decode`]).
    ///
    /// # Errors
    /// [`ErrorKind::Undecodable`] for a sequence the charset cannot decode
    /// (strict decoding only), [`ErrorKind::NotText`] for binary data.
    pub fn decode<'a>(&self, bytes: &'a [u8]) -> Result<Decoded<'a>, Error> {
        let (charset, start, detected) = match (self.charset, encoding_rs::Encoding::for_bom(bytes)) {
            (Some(c), _) => (c, 0, false),
            // A UTF-8 BOM stays in the text: the parser skips it.
            (None, Some((e, _))) if e == encoding_rs::UTF_8 => (Charset::Utf8, 0, false),
            (None, Some((e, n))) => (Charset::from_encoding(e), n, false),
            (None, None) => {
                let c = Charset::detect(bytes);
                (c, 0, !matches!(c, Charset::Ascii | Charset::Utf8))
            }
        };
        let mut decoded = match charset {
            Charset::Ascii | Charset::Utf8 if start == 0 => match std::str::from_utf8(bytes) {
                Ok(s) => {
                    let charset = if self.charset.is_none() && s.is_ascii() { Charset::Ascii } else { charset };
                    Decoded { text: Cow::Borrowed(s), charset, diagnostics: Vec::new(), map: OffsetMap::default() }
                }
                Err(_) => transcode(bytes, charset, 0, self.decoding)?,
            },
            _ => transcode(bytes, charset, start, self.decoding)?,
        };
        not_text(bytes, &decoded)?;
        if detected {
            let kind =
                if charset == Charset::Latin1 { DiagnosticKind::DecodedLatin1 } else { DiagnosticKind::DecodedCharset };
            decoded.diagnostics.insert(0, Diagnostic::new(kind, not_utf8_span(bytes)));
        }
        Ok(decoded)
    }
}

/// Bytes decoded to text by [`decode`]: the text, the charset it was read
/// as, a diagnostic for every guess and replacement, and the map from text
/// offsets back to input offsets.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Decoded<'a> {
    /// The text: borrowed when the bytes are UTF-8.
    pub text: Cow<'a, str>,
    /// The charset the bytes were read as.
    pub charset: Charset,
    /// What decoding did, with spans in the input bytes: empty for UTF-8
    /// input.
    pub diagnostics: Vec<Diagnostic>,
    map: OffsetMap,
}

/// Where text offsets and input offsets part: `(text, input)` pairs after
/// which both advance together.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct OffsetMap {
    breaks: Vec<(usize, usize)>,
    /// The input's length.
    len: usize,
}

impl OffsetMap {
    /// The map of `breaks` (`(text, input)` pairs after which both advance
    /// together, in order) over `len` bytes of input.
    pub(crate) const fn from_breaks(breaks: Vec<(usize, usize)>, len: usize) -> Self {
        Self { breaks, len }
    }

    /// Whether text and input offsets are the same everywhere.
    pub(crate) fn is_identity(&self) -> bool {
        self.breaks.is_empty()
    }

    /// The input offset of text offset `s`, never past the input.
    pub(crate) fn offset(&self, s: usize) -> usize {
        let i = self.breaks.partition_point(|&(t, _)| t <= s);
        let (t, b) = if i == 0 { (0, 0) } else { self.breaks[i - 1] };
        (b + (s - t)).min(self.len)
    }

    /// The input offset of the character at `offset` of `text` (an offset
    /// inside a character counts as its start).
    pub(crate) fn input_offset(&self, text: &str, offset: usize) -> usize {
        if self.breaks.is_empty() {
            return offset;
        }
        let mut s = offset.min(text.len());
        while !text.is_char_boundary(s) {
            s -= 1;
        }
        self.offset(s)
    }

    /// `span` of `text` as a span of the input.
    pub(crate) fn input_span(&self, text: &str, span: Span) -> Span {
        Span::new(self.input_offset(text, span.start), self.input_offset(text, span.end))
    }
}

/// Control characters that plain text does not hold (tab, line ends, form
/// feed and vertical tab excepted): all ASCII, so a byte of UTF-8 text is
/// one exactly when it is the whole character.
fn is_stray_control(b: u8) -> bool {
    (b < b' ' && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)) || b == 0x7f
}

/// The not-text rule: more than one stray control character per 64 bytes
/// of input.
fn not_text(bytes: &[u8], d: &Decoded<'_>) -> Result<(), Error> {
    let controls = d.text.bytes().filter(|&b| is_stray_control(b)).count();
    if controls * 64 <= bytes.len() {
        return Ok(());
    }
    let first = d.text.bytes().position(is_stray_control).unwrap_or(0);
    let at = d.input_offset(first);
    let end = d.input_offset(first + 1).max(at + 1).min(bytes.len());
    Err(Error::new(ErrorKind::NotText { controls, len: bytes.len() }, Span::new(at, end), bytes))
}

/// From the first to the last byte of `bytes` that is not UTF-8.
fn not_utf8_span(bytes: &[u8]) -> Span {
    let mut span: Option<Span> = None;
    for chunk in bytes.utf8_chunks() {
        let bad = chunk.invalid();
        if !bad.is_empty() {
            let at = bad.as_ptr() as usize - bytes.as_ptr() as usize;
            span = Some(Span::new(span.map_or(at, |s| s.start), at + bad.len()));
        }
    }
    span.unwrap_or(Span::new(0, bytes.len()))
}

/// Decodes `bytes[start..]` as `charset` with encoding_rs, recording where
/// text and input offsets part.
fn transcode(bytes: &[u8], charset: Charset, start: usize, decoding: Decoding) -> Result<Decoded<'_>, Error> {
    let enc = charset.encoding();
    let input = &bytes[start.min(bytes.len())..];
    let mut breaks = Vec::new();
    if start > 0 {
        breaks.push((0, start));
    }
    // Single-byte charsets without an unmapped byte: a character a byte.
    let single =
        if enc.is_single_byte() { enc.decode_without_bom_handling_and_without_replacement(input) } else { None };
    if let Some(text) = single {
        let text = text.into_owned();
        let mut at = 0;
        for (i, c) in text.chars().enumerate() {
            at += c.len_utf8();
            if c.len_utf8() != 1 {
                breaks.push((at, start + i + 1));
            }
        }
        let map = OffsetMap { breaks, len: bytes.len() };
        return Ok(Decoded { text: Cow::Owned(text), charset, diagnostics: Vec::new(), map });
    }
    // Otherwise a byte at a time, to know where each character comes from.
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(input.len() + input.len() / 2);
    let mut diagnostics = Vec::new();
    let mut buf = [0u8; 64];
    let mut last_break = (0, start);
    let mut i = start;
    // Each round reads a byte or ends; the bound is a guard.
    for _ in 0..=4 * (input.len() + 4) {
        let last = i >= bytes.len();
        let src = if last { &[][..] } else { &bytes[i..=i] };
        let (result, read, written) = decoder.decode_to_utf8_without_replacement(src, &mut buf, last);
        i += read;
        if let Ok(s) = std::str::from_utf8(&buf[..written]) {
            text.push_str(s);
        }
        match result {
            DecoderResult::Malformed(bad, extra) => {
                let end = i.saturating_sub(usize::from(extra)).max(start);
                let begin = end.saturating_sub(usize::from(bad)).max(start);
                if decoding == Decoding::Strict {
                    let kind = ErrorKind::Undecodable { charset, offset: begin };
                    return Err(Error::new(kind, Span::new(begin, end.max(begin + 1).min(bytes.len())), bytes));
                }
                text.push('\u{fffd}');
                diagnostics.push(Diagnostic::new(DiagnosticKind::LossyReplacement, Span::new(begin, end)));
                last_break = (text.len(), end);
                breaks.push(last_break);
            }
            DecoderResult::InputEmpty if last => break,
            _ => {}
        }
        if written > 0 && text.len() - last_break.0 != i - last_break.1 {
            last_break = (text.len(), i);
            breaks.push(last_break);
        }
    }
    let map = OffsetMap { breaks, len: bytes.len() };
    Ok(Decoded { text: Cow::Owned(text), charset, diagnostics, map })
}

/// The spans in `bytes` of the sequences `charset` cannot decode.
pub(crate) fn replaced(bytes: &[u8], charset: Charset) -> Vec<Span> {
    transcode(bytes, charset, 0, Decoding::Lossy)
        .map_or_else(|_| Vec::new(), |d| d.diagnostics.iter().map(|d| d.span).collect())
}

/// Decodes `bytes` to text under the crate's encoding policy (see
/// [Encoding](crate#encoding)): strict, the charset from a BOM or detected.
/// Use [`DecodeOptions`] to give the charset or to decode lossily.
///
/// ```
/// use wirecopy::{Charset, DiagnosticKind, ErrorKind};
/// let d = wirecopy::decode(b"PARIS (AFP) - Le ministre a d\xe9clar\xe9 que l'\xe9t\xe9 serait chaud.")?;
/// assert_eq!(d.text, "PARIS (AFP) - Le ministre a déclaré que l'été serait chaud.");
/// assert_eq!(d.charset, Charset::Latin1);
/// assert_eq!(d.diagnostics[0].kind, DiagnosticKind::DecodedLatin1);
/// // Spans count input bytes: d\xe9clar\xe9 ... \xe9t\xe9.
/// let span = d.diagnostics[0].span;
/// assert_eq!((span.start, span.end), (29, 45));
///
/// // Random bytes are not text: an error, with its reason.
/// let random: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
/// let err = wirecopy::decode(&random).unwrap_err();
/// assert!(matches!(err.kind(), ErrorKind::NotText { len: 4096, .. }));
/// # Ok::<(), wirecopy::Error>(())
/// ```
///
/// # Errors
/// What [`DecodeOptions::decode`] returns.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, Error> {
    DecodeOptions::new().decode(bytes)
}

impl Decoded<'_> {
    /// The offset in the input bytes of the character at `offset` in the
    /// text (an offset inside a character counts as that character's start;
    /// one past the end, as the end of the input).
    #[must_use]
    pub fn input_offset(&self, offset: usize) -> usize {
        if self.map.is_identity() {
            return offset.min(self.text.len());
        }
        self.map.input_offset(&self.text, offset)
    }

    /// `span` of the text as a span of the input bytes.
    #[must_use]
    pub fn input_span(&self, span: Span) -> Span {
        Span::new(self.input_offset(span.start), self.input_offset(span.end))
    }

    /// Whether decoding guessed or replaced anything (the bytes were not
    /// UTF-8 or ASCII).
    #[must_use]
    pub fn is_lossy(&self) -> bool {
        !self.diagnostics.is_empty()
    }

    /// Parse the text with `opts`. Every span of the article, and of the
    /// decoding diagnostics appended to its own, counts bytes of the
    /// **input**: slicing the input bytes with a quotation's span gives the
    /// quotation's bytes, in whatever charset they came in.
    ///
    /// ```
    /// let bytes = b"\xc9T\xc9 ACCORD\n\nPARIS (AFP) - L'\xe9t\xe9, \"c'est fini\", a dit le ministre.";
    /// let d = wirecopy::decode(bytes)?;
    /// let article = d.parse(&wirecopy::ParseOptions::new())?;
    /// let headline = article.headline.as_ref().unwrap();
    /// assert_eq!(headline.text, "ÉTÉ ACCORD");
    /// assert_eq!((headline.span.start, headline.span.end), (0, 10));
    /// let q = &article.quotations[0];
    /// assert_eq!(&bytes[q.span.start..q.span.end], b"\"c'est fini\"");
    /// # Ok::<(), wirecopy::Error>(())
    /// ```
    ///
    /// # Errors
    /// What [`ParseOptions::parse`] returns.
    pub fn parse(&self, opts: &ParseOptions) -> Result<Article<'_>, Error> {
        let mut article = match opts.parse(&self.text) {
            Ok(a) => a,
            Err(e) => {
                let span = self.input_span(e.span());
                return Err(e.with_span(span));
            }
        };
        if !self.map.is_identity() {
            article.map_spans(|s| self.map.input_span(&self.text, s));
        }
        article.diagnostics.extend(self.diagnostics.iter().copied());
        Ok(article)
    }

    /// Parse the text with `opts`, every span counting bytes of
    /// [`text`](Self::text) (for rendering the article with its text, as
    /// [`html::page`](crate::html::page) does); the decoding diagnostics
    /// are not added.
    ///
    /// # Errors
    /// What [`ParseOptions::parse`] returns.
    pub fn parse_text(&self, opts: &ParseOptions) -> Result<Article<'_>, Error> {
        opts.parse(&self.text)
    }
}

impl<'a> Decoded<'a> {
    pub(crate) fn into_parts_cow(self) -> (Cow<'a, str>, Vec<Diagnostic>, OffsetMap) {
        (self.text, self.diagnostics, self.map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lossy(bytes: &[u8]) -> Decoded<'_> {
        DecodeOptions::new().lossy(true).decode(bytes).unwrap()
    }

    #[test]
    fn utf8_is_borrowed_without_diagnostics() {
        let d = decode("Zürich (dpa) - Text.".as_bytes()).unwrap();
        assert!(matches!(d.text, Cow::Borrowed(_)));
        assert_eq!(d.charset, Charset::Utf8);
        assert!(!d.is_lossy());
        assert_eq!(decode(b"plain").unwrap().charset, Charset::Ascii);
    }

    #[test]
    fn damaged_utf8_is_an_error_unless_lossy() {
        let bytes = b"caf\xc3\xa9 Z\xc3\xbcrich \xc3\xa9t\xc3\xa9 x\xffy \xfe";
        let err = decode(bytes).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Undecodable { charset: Charset::Utf8, offset: 21 });
        assert_eq!(err.span(), Span::new(21, 22));
        let d = lossy(bytes);
        assert_eq!(d.charset, Charset::Utf8);
        assert_eq!(d.text, "café Zürich été x\u{fffd}y \u{fffd}");
        // One diagnostic per replacement, in input bytes.
        assert_eq!(
            d.diagnostics,
            [
                Diagnostic::new(DiagnosticKind::LossyReplacement, Span::new(21, 22)),
                Diagnostic::new(DiagnosticKind::LossyReplacement, Span::new(24, 25))
            ]
        );
        // The U+FFFD is 3 bytes of text, 1 of input.
        let at = d.text.find('\u{fffd}').unwrap();
        assert_eq!(d.input_offset(at), 21);
        assert_eq!(d.input_offset(at + 1), 21);
        assert_eq!(d.input_offset(at + 3), 22);
        assert_eq!(d.input_offset(d.text.len()), bytes.len());
    }

    #[test]
    fn latin1_offsets_map_back() {
        let bytes = b"a\xe9b\x80c d\xe9j\xe0 vu";
        let d = decode(bytes).unwrap();
        assert_eq!(d.text, "aéb€c déjà vu");
        for (text_at, input_at) in [(0, 0), (1, 1), (3, 2), (4, 3), (7, 4), (8, 5)] {
            assert_eq!(d.input_offset(text_at), input_at, "{text_at}");
        }
        assert_eq!(d.input_offset(2), 1);
    }

    #[test]
    fn a_given_charset_wins_over_detection() {
        let bytes = b"\xcc\xee\xf1\xea\xe2\xe0"; // "Москва" in windows-1251
        let d = DecodeOptions::new().charset(Charset::for_label("windows-1251").unwrap()).decode(bytes).unwrap();
        assert_eq!(d.text, "Москва");
        assert!(d.diagnostics.is_empty(), "given, not guessed");
        let d = DecodeOptions::new().charset(Charset::Latin1).decode(bytes).unwrap();
        assert_eq!(d.text, "Ìîñêâà");
    }

    #[test]
    fn a_utf16_bom_is_read_and_offsets_count_it() {
        let mut bytes = vec![0xff, 0xfe];
        for u in "Kiel (dpa) - Fähre.".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, "Kiel (dpa) - Fähre.");
        assert_eq!(d.charset.name(), "utf-16le");
        // "F" is character 13: byte 2 + 2 * 13 of the input.
        let f = d.text.find('F').unwrap();
        assert_eq!(d.input_span(Span::new(f, f + 1)), Span::new(28, 30));
        assert_eq!(d.input_offset(d.text.len()), bytes.len());
    }

    #[test]
    fn multibyte_given_charset_maps_offsets() {
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode("東京 (共同) - 首相は「賛成だ」と述べた。");
        let d = DecodeOptions::new().charset(Charset::for_label("shift_jis").unwrap()).decode(&bytes).unwrap();
        let q = d.text.find('「').unwrap();
        let e = d.text.find('」').unwrap() + '」'.len_utf8();
        let s = d.input_span(Span::new(q, e));
        let (back, _, _) = encoding_rs::SHIFT_JIS.decode(&bytes[s.start..s.end]);
        assert_eq!(back, "「賛成だ」");
    }

    #[test]
    fn binary_is_an_error_with_its_reason() {
        let err = decode(b"\x00\x01\x02\xff\xfe").unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::NotText { len: 5, .. }), "{:?}", err.kind());
        assert_eq!(err.span(), Span::new(0, 1));
        // Lossy decoding does not make binary data text.
        assert!(DecodeOptions::new().lossy(true).decode(b"\x00\x01\x02\xff\xfe").is_err());
        // A stray control or two in real text is still text.
        let text = "Title\n\nMOSCOW, June 16. /TASS/. The minister said \"yes\".\x07 More text follows here.";
        assert!(decode(text.as_bytes()).is_ok());
    }
}
