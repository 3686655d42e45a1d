//! Charsets: detection (chardetng) and decoding (encoding_rs).

use std::fmt;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// The charset bytes were read as.
///
/// Detected, when nobody gives it, by [`Charset::detect`]: ASCII, UTF-8
/// (also UTF-8 with a few malformed sequences), else the guess of the
/// `chardetng` detector. Latin-1 is read as its WHATWG superset
/// windows-1252, and a detector's windows-1252 guess is called Latin-1.
/// Every charset is decoded with `encoding_rs`.
///
/// Serialised as its name: `"ascii"`, `"utf-8"`, `"latin-1"`, or the
/// WHATWG name of any other charset in lower case (`"windows-1251"`,
/// `"shift_jis"`, `"utf-16le"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Charset {
    /// 7-bit ASCII (decoded as UTF-8).
    Ascii,
    /// UTF-8.
    Utf8,
    /// ISO 8859-1, decoded as its superset windows-1252 (the WHATWG rule).
    Latin1,
    /// Any other charset `encoding_rs` knows.
    Other(&'static Encoding),
}

impl Charset {
    /// The charset of an `encoding_rs` encoding: UTF-8 is
    /// [`Utf8`](Self::Utf8), windows-1252 is [`Latin1`](Self::Latin1).
    #[must_use]
    pub fn from_encoding(encoding: &'static Encoding) -> Self {
        if encoding == UTF_8 {
            Self::Utf8
        } else if encoding == WINDOWS_1252 {
            Self::Latin1
        } else {
            Self::Other(encoding)
        }
    }

    /// The charset named `label`: this type's own names (`ascii`, `utf-8`,
    /// `latin-1`), `us-ascii`, or any WHATWG label (`iso-8859-1`,
    /// `windows-1251`, `shift_jis`, ...), case-insensitively.
    ///
    /// ```
    /// use wirecopy::Charset;
    /// assert_eq!(Charset::for_label("ISO-8859-1"), Some(Charset::Latin1));
    /// assert_eq!(Charset::for_label("latin-1"), Some(Charset::Latin1));
    /// assert_eq!(Charset::for_label("utf8"), Some(Charset::Utf8));
    /// assert_eq!(Charset::for_label("koi8-r").map(|c| c.name()), Some("koi8-r".into()));
    /// assert_eq!(Charset::for_label("klingon"), None);
    /// ```
    #[must_use]
    pub fn for_label(label: &str) -> Option<Self> {
        let l = label.trim().to_ascii_lowercase();
        match l.as_str() {
            "ascii" | "us-ascii" => Some(Self::Ascii),
            "latin-1" => Some(Self::Latin1),
            _ => Encoding::for_label(l.as_bytes()).map(Self::from_encoding),
        }
    }

    /// The name, as serialised: `ascii`, `utf-8`, `latin-1`, or the
    /// encoding's WHATWG name in lower case.
    #[must_use]
    pub fn name(self) -> String {
        match self {
            Self::Ascii => "ascii".into(),
            Self::Utf8 => "utf-8".into(),
            Self::Latin1 => "latin-1".into(),
            Self::Other(e) => e.name().to_ascii_lowercase(),
        }
    }

    /// The `encoding_rs` encoding that decodes it.
    #[must_use]
    pub fn encoding(self) -> &'static Encoding {
        match self {
            Self::Ascii | Self::Utf8 => UTF_8,
            Self::Latin1 => WINDOWS_1252,
            Self::Other(e) => e,
        }
    }

    /// Whether every character is one byte (ASCII, Latin-1, and the other
    /// single-byte charsets).
    #[must_use]
    pub fn is_single_byte(self) -> bool {
        match self {
            Self::Ascii | Self::Latin1 => true,
            Self::Utf8 => false,
            Self::Other(e) => e.is_single_byte(),
        }
    }

    /// Detect the charset of `bytes` (a BOM is not looked at: see
    /// [`decode`](crate::decode)):
    ///
    /// - [`Ascii`](Self::Ascii) when every byte is below 0x80;
    /// - [`Utf8`](Self::Utf8) when the bytes are UTF-8, or UTF-8 damaged in
    ///   places: at least as many well-formed multibyte characters as
    ///   malformed sequences (a stray byte in UTF-8 text);
    /// - otherwise the charset `chardetng` guesses (UTF-8 excluded):
    ///   windows-1252, called [`Latin1`](Self::Latin1), for Western
    ///   European text, windows-1251 or KOI8-R for Russian, and so on. A
    ///   single-byte guess that reads the bytes as the same text as
    ///   windows-1252 does (a few letters common to both) is called Latin-1.
    ///
    /// ```
    /// use wirecopy::Charset;
    /// assert_eq!(Charset::detect(b"plain"), Charset::Ascii);
    /// assert_eq!(Charset::detect("Z\u{fc}rich".as_bytes()), Charset::Utf8);
    /// assert_eq!(Charset::detect(b"Le ministre a d\xe9clar\xe9 que l'\xe9t\xe9 serait chaud."), Charset::Latin1);
    /// ```
    #[must_use]
    pub fn detect(bytes: &[u8]) -> Self {
        if bytes.is_ascii() {
            return Self::Ascii;
        }
        if std::str::from_utf8(bytes).is_ok() || damaged_utf8(bytes) {
            return Self::Utf8;
        }
        let mut detector = chardetng::EncodingDetector::new();
        detector.feed(bytes, true);
        let guess = detector.guess(None, false);
        // Few letters leave the detector between charsets that read them
        // alike (a lone `ó` is 0xF3 in windows-1250 and windows-1252): the
        // same text as windows-1252 is called Latin-1.
        if guess != WINDOWS_1252
            && guess.is_single_byte()
            && guess.decode_without_bom_handling(bytes).0 == WINDOWS_1252.decode_without_bom_handling(bytes).0
        {
            return Self::Latin1;
        }
        Self::from_encoding(guess)
    }

    /// Decode `bytes`; returns the text and how many malformed sequences
    /// were replaced by U+FFFD.
    #[must_use]
    pub fn decode(self, bytes: &[u8]) -> (String, usize) {
        let (text, had_errors) = self.encoding().decode_without_bom_handling(bytes);
        let replaced = if had_errors { text.matches('\u{fffd}').count() } else { 0 };
        (text.into_owned(), replaced)
    }

    /// Encode `text` back to bytes in this charset (characters it cannot
    /// hold become numeric character references, as encoding_rs does; a
    /// UTF-16 charset is written as UTF-8, as encoding_rs does).
    #[must_use]
    pub fn encode(self, text: &str) -> Vec<u8> {
        match self {
            Self::Ascii | Self::Utf8 => text.as_bytes().to_vec(),
            _ => self.encoding().encode(text).0.into_owned(),
        }
    }
}

/// Whether `bytes`, not UTF-8, are UTF-8 damaged in places: at least as
/// many well-formed multibyte characters as malformed sequences.
fn damaged_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    good > 0 && good >= bad
}

impl fmt::Display for Charset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Charset {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detection_uses_chardetng_past_utf8() {
        // Russian in windows-1251: the hand rule read every byte as Latin-1.
        let (bytes, _, _) =
            encoding_rs::WINDOWS_1251.encode("Москва, 16 июня. Министр заявил, что переговоры продолжатся.");
        let c = Charset::detect(&bytes);
        assert_eq!(c, Charset::Other(encoding_rs::WINDOWS_1251));
        assert_eq!(c.name(), "windows-1251");
        assert_eq!(c.decode(&bytes).0, "Москва, 16 июня. Министр заявил, что переговоры продолжатся.");
        // UTF-8 with one stray byte stays UTF-8.
        assert_eq!(Charset::detect(b"caf\xc3\xa9 Z\xc3\xbcrich x\xffy"), Charset::Utf8);
    }
}
