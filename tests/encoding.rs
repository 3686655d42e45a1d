//! The crate's encoding policy: the charset (given, BOM, detected with
//! chardetng), strict or lossy decoding, data that is not text, and spans
//! in the original bytes, through `decode`, `stream::stories` and the
//! examples' shared flags.

use std::path::{Path, PathBuf};

use wirecopy::encoding_rs;
use wirecopy::stream::{self, Story};
use wirecopy::{Charset, DecodeOptions, DiagnosticKind, ErrorKind, ParseOptions};

#[path = "../examples/common/input.rs"]
mod input;

/// An invented TASS-style story in Russian.
const RUSSIAN: &str = "Переговоры продолжатся\n\nМОСКВА, 16 июня. /ТАСС/. Министр иностранных дел заявил, \
                       что переговоры продолжатся на следующей неделе. \"Мы готовы к диалогу\", - сказал он.";

#[test]
fn detection_uses_chardetng_for_charsets_the_hand_rule_read_as_latin1() {
    for enc in [encoding_rs::WINDOWS_1251, encoding_rs::KOI8_R] {
        let (bytes, _, _) = enc.encode(RUSSIAN);
        let d = wirecopy::decode(&bytes).unwrap();
        // KOI8-U, a superset of KOI8-R, reads the same text.
        assert!(d.charset.name().starts_with(&enc.name().to_ascii_lowercase()[..4]), "{}: {}", enc.name(), d.charset);
        assert_eq!(d.text, RUSSIAN);
        assert_eq!(d.diagnostics[0].kind, DiagnosticKind::DecodedCharset);
        let a = d.parse(&ParseOptions::new()).unwrap();
        assert_eq!(a.headline.as_ref().unwrap().text, "Переговоры продолжатся");
        // The quotation's span slices the original bytes.
        let q = &a.quotations[0];
        assert_eq!(enc.decode_without_bom_handling(&bytes[q.span.start..q.span.end]).0, "\"Мы готовы к диалогу\"");
    }
    // Western European text stays Latin-1 (windows-1252), said so by name.
    let d = wirecopy::decode(b"Z\xfcrich (dpa) - Die F\xe4hre f\xe4hrt wieder \xfcber den See.").unwrap();
    assert_eq!((d.charset, d.diagnostics[0].kind), (Charset::Latin1, DiagnosticKind::DecodedLatin1));
    assert_eq!(d.charset.to_string(), "latin-1");
}

#[test]
fn a_caller_given_charset_comes_first() {
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(RUSSIAN);
    // Given Latin-1, read as Latin-1: no guess reported.
    let d = DecodeOptions::new().charset(Charset::Latin1).decode(&bytes).unwrap();
    assert_eq!(d.charset, Charset::Latin1);
    assert!(d.diagnostics.is_empty());
    assert!(d.text.starts_with("Ïåðåãîâîðû"));
    // A BOM is read when no charset is given, and loses to a given one.
    let mut utf16 = vec![0xfe, 0xff];
    utf16.extend(RUSSIAN.encode_utf16().flat_map(u16::to_be_bytes));
    let d = wirecopy::decode(&utf16).unwrap();
    assert_eq!((d.charset.name().as_str(), &*d.text), ("utf-16be", RUSSIAN));
    assert!(DecodeOptions::new().charset(Charset::Utf8).decode(&utf16).is_err());
}

#[test]
fn strict_by_default_lossy_on_request_with_every_replacement_reported() {
    // UTF-8 text (more well-formed letters than stray bytes) with three stray bytes.
    let mut bytes = "Zürich (dpa) - Größe: Caf@ und @ Bar @, sagte er.".replace('@', "\u{1}").into_bytes();
    let stray: Vec<usize> = bytes.iter().enumerate().filter(|(_, b)| **b == 1).map(|(i, _)| i).collect();
    for (at, b) in stray.iter().zip([0xe9u8, 0xff, 0xfe]) {
        bytes[*at] = b;
    }
    let bytes = &bytes[..];
    let err = wirecopy::decode(bytes).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Undecodable { charset: Charset::Utf8, offset: stray[0] });
    assert_eq!((err.span().start, err.span().end), (stray[0], stray[0] + 1));
    let d = DecodeOptions::new().lossy(true).decode(bytes).unwrap();
    let replaced: Vec<(usize, usize)> = d
        .diagnostics
        .iter()
        .filter(|d| d.kind == DiagnosticKind::LossyReplacement)
        .map(|d| (d.span.start, d.span.end))
        .collect();
    assert_eq!(replaced, stray.iter().map(|&a| (a, a + 1)).collect::<Vec<_>>());
    for (a, _) in &replaced {
        assert!(bytes[*a] >= 0x80);
    }
    // The article carries them, spans in the input.
    let a = d.parse(&ParseOptions::new()).unwrap();
    assert_eq!(a.diagnostics.iter().filter(|d| d.kind == DiagnosticKind::LossyReplacement).count(), 3);
    let p = &a.paragraphs[0];
    assert!(bytes[p.span.start..p.span.end].starts_with("Größe: Caf".as_bytes()));
    assert!(bytes[p.span.start..p.span.end].ends_with(b"\xfe, sagte er."));
}

/// Bytes from a small xorshift generator.
fn random_bytes(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

/// The fixtures' articles: real-style wire copy (invented text).
fn fixtures() -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "txt") {
                out.push(p);
            }
        }
    }
    out
}

#[test]
fn random_bytes_are_not_text_and_real_text_is() {
    for seed in 1..=50 {
        for len in [64, 512, 4096] {
            let bytes = random_bytes(seed, len);
            for opts in [DecodeOptions::new(), DecodeOptions::new().lossy(true)] {
                let err = opts.decode(&bytes).unwrap_err();
                assert!(
                    matches!(err.kind(), ErrorKind::NotText { len: l, .. } if l == len),
                    "{seed} {len}: {:?}",
                    err.kind()
                );
                // The span is the first control character, in the input.
                assert!(err.span().end <= len);
            }
        }
    }
    let files = fixtures();
    assert!(files.len() > 20);
    for p in files {
        let bytes = std::fs::read(&p).unwrap();
        let d = wirecopy::decode(&bytes).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        assert!(d.diagnostics.is_empty(), "{}", p.display());
        // In Latin-1 too.
        if let Ok(s) = std::str::from_utf8(&bytes) {
            let (latin1, _, lossy) = encoding_rs::WINDOWS_1252.encode(s);
            if !lossy {
                assert!(wirecopy::decode(&latin1).is_ok(), "{} in Latin-1", p.display());
            }
        }
    }
}

#[test]
fn spans_count_the_original_bytes_for_latin1_input() {
    // An accented letter before a quotation: 1 byte in Latin-1, 2 in UTF-8.
    let bytes: &[u8] = b"Caf\xe9 reopens\n\nPARIS, May 3 (AFP) - The caf\xe9 owner \xc9lise Martin said: \
                         \"We are open again,\" and smiled.\n";
    let d = wirecopy::decode(bytes).unwrap();
    let a = d.parse(&ParseOptions::new()).unwrap();
    let q = &a.quotations[0];
    assert_eq!(&bytes[q.span.start..q.span.end], b"\"We are open again,\"");
    let h = a.headline.as_ref().unwrap();
    assert_eq!(&bytes[h.span.start..h.span.end], b"Caf\xe9 reopens");
    let dl = a.dateline.as_ref().unwrap();
    assert_eq!(&bytes[dl.span.start..dl.span.end], b"PARIS, May 3 (AFP) -");
    // `parse_text` keeps spans in the decoded text, for rendering.
    let t = d.parse_text(&ParseOptions::new()).unwrap();
    assert_eq!(t.quotations[0].span.slice(&d.text), "\"We are open again,\"");
}

/// Every story of `bytes` read by `stream::stories` with `opts`.
fn stories(bytes: &[u8], opts: DecodeOptions) -> Vec<Story> {
    stream::stories(bytes).decode_options(opts).chunks(1 << 20, 1 << 10).flatten().flatten().collect()
}

#[test]
fn story_spans_count_the_original_bytes_and_do_not_drift() {
    // Story 2 is lossy UTF-8 with a stray byte per word before the quote:
    // each U+FFFD is 3 bytes of text for 1 of input, and used to shift the spans.
    let feed: &[u8] = b"Plain\n\nLONDON (Reuters) - Text.\n-0-\n\
                        Caf\xe9 reopens\n\nPARIS, May 3 (AFP) - The caf\xe9 owner said: \"Open again,\" she said.\n-0-\n\
                        Z\xc3\xbcrich \xff\xfe\n\nBERN (dpa) - \xff Gr\xc3\xb6\xc3\x9fe \xff\xff \xc3\xa4\xc3\xb6\xc3\xbc Er sagte: \"Ja, gern,\" dann ging er.\n";
    let all = stories(feed, DecodeOptions::new().lossy(true));
    assert_eq!(all.len(), 3);
    for s in &all[1..] {
        let a = s.parse(&ParseOptions::new()).unwrap();
        let q = &a.quotations[0];
        let at = usize::try_from(s.offset).unwrap();
        let quoted = &feed[at + q.span.start..at + q.span.end];
        assert!(quoted == b"\"Open again,\"" || quoted == b"\"Ja, gern,\"", "{:?}", String::from_utf8_lossy(quoted));
        for d in &a.diagnostics {
            assert!(at + d.span.end <= feed.len());
        }
    }
    // Each replacement is reported at its byte.
    let replaced: Vec<usize> = all[2]
        .decoding
        .iter()
        .filter(|d| d.kind == DiagnosticKind::LossyReplacement)
        .map(|d| usize::try_from(all[2].offset).unwrap() + d.span.start)
        .collect();
    assert_eq!(replaced.len(), 5);
    assert!(replaced.iter().all(|&at| feed[at] >= 0xfe));
    // Strict (the default): that story is an error at its first stray byte;
    // the others parse.
    let strict = stories(feed, DecodeOptions::new());
    assert_eq!(strict.len(), 3);
    let e = strict[2].parse(&ParseOptions::new()).unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::Undecodable { charset: Charset::Utf8, offset: 8 }), "{:?}", e.kind());
    assert!(strict[1].parse(&ParseOptions::new()).is_ok());
}

#[test]
fn the_examples_share_one_set_of_decoding_flags() {
    let a = input::parse_args(["--charset", "windows-1251", "a.txt", "--lossy"].map(String::from)).unwrap();
    assert_eq!(a.rest, ["a.txt"]);
    assert!(a.lossy);
    assert_eq!(a.decode, DecodeOptions::new().charset(Charset::Other(encoding_rs::WINDOWS_1251)).lossy(true));
    let a = input::parse_args(["--charset=latin1".to_owned()]).unwrap();
    assert_eq!(a.decode.charset, Some(Charset::Latin1));
    assert!(input::parse_args(["--charset".to_owned()]).is_err());
    assert!(input::parse_args(["--charset".to_owned(), "klingon".to_owned()]).is_err());
}

/// The four sample envelope files that are not UTF-8, when the shared
/// corpus is beside the repository: detected as Latin-1 by chardetng, as
/// the hand rule had it, and decoded without a replacement.
#[test]
fn the_latin1_envelope_samples_stay_latin1() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/envelopes");
    let Ok(entries) = std::fs::read_dir(&dir) else { return };
    let mut latin1 = 0;
    for e in entries.flatten() {
        let bytes = std::fs::read(e.path()).unwrap();
        for m in wirecopy::envelope::messages(&bytes) {
            assert!(
                matches!(m.charset, Charset::Ascii | Charset::Utf8 | Charset::Latin1),
                "{:?}: {}",
                e.path(),
                m.charset
            );
            assert_eq!(m.replacements, 0);
            latin1 += usize::from(m.charset == Charset::Latin1);
        }
    }
    assert_eq!(latin1, 4);
}

#[test]
fn an_envelope_message_the_given_charset_cannot_decode_is_strict_too() {
    let latin: &[u8] = b"\x01eca0001 4 s 20  dpa 0001\r\n\r\nSport/\r\n\x02M\xfcller scores twice =\r\n\r\n\
                         Munich (dpa) - Gerd M\xfcller\xa0scored.\r\n\x03010101 GMT Okt 15\r\n\x04";
    let utf8 = DecodeOptions::new().charset(Charset::Utf8);
    // The message records where each replaced sequence lies in the stream.
    let m = &wirecopy::envelope::items(latin, wirecopy::envelope::ReadOptions::new().charset(Charset::Utf8))
        .filter_map(|i| match i {
            wirecopy::envelope::Item::Message(m) => Some(m),
            _ => None,
        })
        .collect::<Vec<_>>()[0];
    assert_eq!(m.replaced.len(), 3);
    assert!(m.replaced.iter().all(|s| latin[s.start] == 0xfc || latin[s.start] == 0xa0));
    // Strict: the story is an error at the first replaced byte, from the story's offset.
    let strict = stories(latin, utf8);
    let e = strict[0].parse(&ParseOptions::new()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Undecodable { charset: Charset::Utf8, offset: m.replaced[0].start });
    // Lossy: each replacement reported at its bytes in the message.
    let lossy = stories(latin, utf8.lossy(true));
    let a = lossy[0].parse(&ParseOptions::new()).unwrap();
    let spans: Vec<usize> =
        a.diagnostics.iter().filter(|d| d.kind == DiagnosticKind::LossyReplacement).map(|d| d.span.start).collect();
    assert_eq!(spans, m.replaced.iter().map(|s| s.start).collect::<Vec<_>>());
    // Detected, the same message is Latin-1, said so, no error.
    let detected = stories(latin, DecodeOptions::new());
    assert!(detected[0].parse(&ParseOptions::new()).is_ok());
    assert_eq!(detected[0].decoding[0].kind, DiagnosticKind::DecodedLatin1);
}
