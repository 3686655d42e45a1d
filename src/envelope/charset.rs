//! Body charsets: detection and decoding with encoding_rs.

use encoding_rs::{UTF_8, WINDOWS_1252};
#[cfg(feature = "serde")]
use serde::Serialize;

/// The charset of a message.
///
/// Envelopes declare none: it is detected per message, from its bytes
/// (ASCII when all are below 0x80, UTF-8 when they are valid UTF-8 with
/// multibyte sequences, Latin-1 otherwise), unless
/// [`ReadOptions::charset`](super::ReadOptions::charset) gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum Charset {
    /// 7-bit ASCII.
    Ascii,
    /// UTF-8.
    #[cfg_attr(feature = "serde", serde(rename = "utf-8"))]
    Utf8,
    /// ISO 8859-1, decoded as its superset windows-1252 (the WHATWG rule).
    #[cfg_attr(feature = "serde", serde(rename = "latin-1"))]
    Latin1,
}

impl Charset {
    /// Detect the charset of `bytes`.
    #[must_use]
    pub fn detect(bytes: &[u8]) -> Self {
        if bytes.is_ascii() {
            Self::Ascii
        } else if std::str::from_utf8(bytes).is_ok() {
            Self::Utf8
        } else {
            Self::Latin1
        }
    }

    /// Decode `bytes`; returns the text and how many malformed sequences
    /// were replaced by U+FFFD (only possible for a given UTF-8 or ASCII
    /// charset that the bytes do not follow).
    #[must_use]
    pub fn decode(self, bytes: &[u8]) -> (String, usize) {
        let enc = match self {
            Self::Ascii | Self::Utf8 => UTF_8,
            Self::Latin1 => WINDOWS_1252,
        };
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        let replaced = if had_errors { text.matches('\u{fffd}').count() } else { 0 };
        (text.into_owned(), replaced)
    }

    /// Encode `text` back to bytes in this charset (characters it cannot
    /// hold become numeric character references, as encoding_rs does).
    #[must_use]
    pub fn encode(self, text: &str) -> Vec<u8> {
        match self {
            Self::Ascii | Self::Utf8 => text.as_bytes().to_vec(),
            Self::Latin1 => WINDOWS_1252.encode(text).0.into_owned(),
        }
    }
}
