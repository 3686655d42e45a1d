//! The crate's encoding policy: bytes to text, every guess reported.

use std::borrow::Cow;

use encoding_rs::WINDOWS_1252;

use crate::envelope::Charset;
use crate::error::{Diagnostic, DiagnosticKind};
use crate::{Article, Error, ParseOptions, Span};

/// Bytes decoded to text by [`decode`]: the text, the charset it was read
/// as, and a diagnostic for every guess made.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Decoded<'a> {
    /// The text: borrowed when the bytes are UTF-8.
    pub text: Cow<'a, str>,
    /// The charset the bytes were read as.
    pub charset: Charset,
    /// What decoding did, with spans in [`text`](Self::text), as every
    /// span of an article ([`input_span`](Self::input_span) gives the input
    /// bytes): empty for UTF-8 input.
    pub diagnostics: Vec<Diagnostic>,
    /// Points where text offsets and input offsets part: `(text, input)`
    /// after each character whose length differs from its bytes'.
    breaks: Vec<(usize, usize)>,
}

/// Control bytes that plain text does not hold (tab, line ends, form feed
/// and vertical tab excepted).
fn is_stray_control(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)) || b == 0x7f
}

/// Decodes `bytes` to text under the crate's encoding policy:
///
/// - UTF-8 (a BOM is left to the parser, which skips it) is borrowed as is:
///   no diagnostic.
/// - Bytes that are not UTF-8 but look like text in a single-byte charset
///   (no NUL, few control bytes, and fewer well-formed multibyte UTF-8
///   characters than malformed sequences) are read as Latin-1 (its WHATWG
///   superset windows-1252, with `encoding_rs`): one
///   [`DecodedLatin1`](DiagnosticKind::DecodedLatin1) diagnostic spanning the
///   characters decoded from the first to the last byte that is not UTF-8.
/// - Otherwise the bytes are read as UTF-8 and every malformed sequence
///   becomes U+FFFD: one [`LossyUtf8`](DiagnosticKind::LossyUtf8) diagnostic
///   spanning the first to the last U+FFFD put in (the parser adds a
///   [`ReplacementCharacter`](DiagnosticKind::ReplacementCharacter) for each
///   U+FFFD in the text) and, when the bytes hold a NUL or more than one
///   control byte in 64, a [`NotText`](DiagnosticKind::NotText) diagnostic
///   over the whole text.
///
/// Nothing is replaced silently. Spans of the diagnostics, as those of an
/// article parsed from the text, count bytes of the decoded text:
/// [`Decoded::input_span`] turns them into spans of the input.
///
/// ```
/// use wirecopy::{Charset, DiagnosticKind};
/// let d = wirecopy::decode(b"PARIS (AFP) - Le ministre a d\xe9clar\xe9.");
/// assert_eq!(d.text, "PARIS (AFP) - Le ministre a déclaré.");
/// assert_eq!(d.charset, Charset::Latin1);
/// assert_eq!(d.diagnostics[0].kind, DiagnosticKind::DecodedLatin1);
/// let span = d.diagnostics[0].span;
/// assert_eq!(span.slice(&d.text), "éclaré");
/// let bytes = d.input_span(span);
/// assert_eq!((bytes.start, bytes.end), (29, 35)); // d\xe9clar\xe9 in the input
///
/// let random: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
/// let d = wirecopy::decode(&random);
/// let kinds: Vec<_> = d.diagnostics.iter().map(|d| d.kind).collect();
/// assert_eq!(kinds, [DiagnosticKind::NotText, DiagnosticKind::LossyUtf8]);
/// ```
#[must_use]
pub fn decode(bytes: &[u8]) -> Decoded<'_> {
    let err = match std::str::from_utf8(bytes) {
        Ok(s) => {
            let charset = if s.is_ascii() { Charset::Ascii } else { Charset::Utf8 };
            return Decoded { text: Cow::Borrowed(s), charset, diagnostics: Vec::new(), breaks: Vec::new() };
        }
        Err(e) => e,
    };
    let first = err.valid_up_to();
    let (mut good, mut bad, mut last) = (0usize, 0usize, first);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            bad += 1;
            last = chunk.invalid().as_ptr() as usize - bytes.as_ptr() as usize + chunk.invalid().len();
        }
    }
    let controls = bytes.iter().filter(|&&b| is_stray_control(b)).count();
    let binary = bytes.contains(&0) || controls * 64 > bytes.len();
    if !binary && good < bad {
        let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
        let text = text.into_owned();
        // One character a byte: a break after each one longer than a byte.
        let mut breaks = Vec::new();
        let (mut at, mut span) = (0, Span::new(0, 0));
        for (i, c) in text.chars().enumerate() {
            if i == first {
                span.start = at;
            }
            at += c.len_utf8();
            if i + 1 == last {
                span.end = at;
            }
            if c.len_utf8() != 1 {
                breaks.push((at, i + 1));
            }
        }
        let diagnostics = vec![Diagnostic::new(DiagnosticKind::DecodedLatin1, span)];
        return Decoded { text: Cow::Owned(text), charset: Charset::Latin1, diagnostics, breaks };
    }
    let mut text = String::with_capacity(bytes.len() + 2 * bad);
    let mut breaks = Vec::with_capacity(bad);
    let mut input = 0;
    let mut span: Option<Span> = None;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        input += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            let at = text.len();
            text.push('\u{fffd}');
            input += chunk.invalid().len();
            breaks.push((text.len(), input));
            span = Some(Span::new(span.map_or(at, |s| s.start), text.len()));
        }
    }
    let mut diagnostics = Vec::with_capacity(2);
    if binary {
        diagnostics.push(Diagnostic::new(DiagnosticKind::NotText, Span::new(0, text.len())));
    }
    diagnostics.extend(span.map(|s| Diagnostic::new(DiagnosticKind::LossyUtf8, s)));
    Decoded { text: Cow::Owned(text), charset: Charset::Utf8, diagnostics, breaks }
}

impl Decoded<'_> {
    /// The offset in the input bytes of the character at `offset` in the
    /// text (an offset inside a character counts as that character's start;
    /// one past the end, as the end of the input).
    #[must_use]
    pub fn input_offset(&self, offset: usize) -> usize {
        let mut s = offset.min(self.text.len());
        while !self.text.is_char_boundary(s) {
            s -= 1;
        }
        // Between breaks, text and input advance together.
        let i = self.breaks.partition_point(|&(t, _)| t <= s);
        let (t, b) = if i == 0 { (0, 0) } else { self.breaks[i - 1] };
        b + (s - t)
    }

    /// `span` of the text as a span of the input bytes.
    ///
    /// ```
    /// let d = wirecopy::decode(b"\xc9T\xc9 ACCORD\n\nPARIS (AFP) - Texte.");
    /// let article = d.parse(&wirecopy::ParseOptions::new())?;
    /// let headline = article.headline.as_ref().unwrap();
    /// assert_eq!(headline.text, "ÉTÉ ACCORD");
    /// assert_eq!((headline.span.start, headline.span.end), (0, 12));
    /// let s = d.input_span(headline.span);
    /// assert_eq!((s.start, s.end), (0, 10));
    /// # Ok::<(), wirecopy::Error>(())
    /// ```
    #[must_use]
    pub fn input_span(&self, span: Span) -> Span {
        Span::new(self.input_offset(span.start), self.input_offset(span.end))
    }

    /// Whether decoding guessed anything (the bytes were not UTF-8).
    #[must_use]
    pub fn is_lossy(&self) -> bool {
        !self.diagnostics.is_empty()
    }

    /// Parse the text with `opts`, the decoding diagnostics appended to the
    /// article's (all spans count bytes of [`text`](Self::text)).
    ///
    /// # Errors
    /// What [`ParseOptions::parse`] returns.
    pub fn parse(&self, opts: &ParseOptions) -> Result<Article<'_>, Error> {
        let mut article = opts.parse(&self.text)?;
        article.diagnostics.extend(self.diagnostics.iter().copied());
        Ok(article)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_borrowed_without_diagnostics() {
        let d = decode("Zürich (dpa) - Text.".as_bytes());
        assert!(matches!(d.text, Cow::Borrowed(_)));
        assert_eq!(d.charset, Charset::Utf8);
        assert!(!d.is_lossy());
        assert_eq!(decode(b"plain").charset, Charset::Ascii);
    }

    #[test]
    fn mostly_utf8_with_a_stray_byte_stays_utf8() {
        let bytes = b"caf\xc3\xa9 Z\xc3\xbcrich \xc3\xa9t\xc3\xa9 x\xffy";
        let d = decode(bytes);
        assert_eq!(d.charset, Charset::Utf8);
        assert_eq!(d.text, "café Zürich été x\u{fffd}y");
        assert_eq!(d.diagnostics, [Diagnostic::new(DiagnosticKind::LossyUtf8, Span::new(21, 24))]);
        assert_eq!(d.input_span(d.diagnostics[0].span), Span::new(21, 22));
        // The U+FFFD is 3 bytes of text, 1 of input.
        let at = d.text.find('\u{fffd}').unwrap();
        assert_eq!(d.input_offset(at), 21);
        assert_eq!(d.input_offset(at + 3), 22);
        assert_eq!(d.input_offset(at + 1), 21);
        assert_eq!(d.input_offset(d.text.len()), bytes.len());
    }

    #[test]
    fn latin1_offsets_map_back() {
        let bytes = b"a\xe9b\x80c";
        let d = decode(bytes);
        assert_eq!(d.text, "aéb€c");
        for (text_at, input_at) in [(0, 0), (1, 1), (3, 2), (4, 3), (7, 4), (8, 5)] {
            assert_eq!(d.input_offset(text_at), input_at, "{text_at}");
        }
        assert_eq!(d.input_offset(2), 1);
    }

    #[test]
    fn binary_is_reported() {
        let d = decode(b"\x00\x01\x02\xff\xfe");
        let kinds: Vec<_> = d.diagnostics.iter().map(|d| d.kind).collect();
        assert_eq!(kinds, [DiagnosticKind::NotText, DiagnosticKind::LossyUtf8]);
        assert_eq!(d.diagnostics[0].span, Span::new(0, d.text.len()));
        assert_eq!(d.input_span(d.diagnostics[1].span), Span::new(3, 5));
    }
}
