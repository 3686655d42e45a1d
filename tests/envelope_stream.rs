//! Envelope streams through `stream::stories`, and the crate's encoding
//! policy on plain text. Every fixture is invented, in AP's and dpa's style.

use std::io::{BufReader, Read};

use wirecopy::envelope::{Format, Reference};
use wirecopy::stream::{self, Story};
use wirecopy::{Charset, DiagnosticKind, NaiveDate, ParseOptions, YearSource};

/// Noise, an AP message with a trailer, a dpa message in Latin-1, and an AP
/// message cut off before its EOT.
fn feed() -> Vec<u8> {
    let mut s = b"ETX tail of a message\x03AP-NY-03-13-17 0900GMT<\r\n\x0c\x04\x00\x07".to_vec();
    s.extend_from_slice(
        b"\x16\x16\x01a0101\x1fbagm-\nb a\x13\x11 bc-Dam     03-14 0040\r\n\x02\
          ^BC-Dam Spill,0040<\r\n^Dam spillway opened after rains<\r\n^By JOHN DOE=\r\n\
          \t   OROVILLE, Calif., March 13 (AP) _ Engineers opened the spillway on Monday.\r\n\
          \t   ``It held,'' an engineer said.\r\n\t   \x03AP-SF-03-14-17 0215GMT<\r\n\x0c\x04",
    );
    s.extend_from_slice(
        b"\x01bdt0202 4 vm 30  dpa 0202\r\n\r\nStra\xdfe/Verkehr/\r\n\x02Stra\xdfe gesperrt =\r\n\r\n\
          MUNICH, Oct 2 (dpa) - Die Stra\xdfe bleibt gesperrt.\r\n\x03021130 Okt 19\r\n\x7f\n\x7f\x04",
    );
    s.extend_from_slice(
        b"\x16\x16\x01a0102\x1fbagm-\nr a\x13\x11 bc-Snow     03-14 0030\r\n\x02^BC-Snow,0030<\r\n^Snow",
    );
    s
}

fn stories_of(bytes: &[u8]) -> Vec<Story> {
    stream::stories(bytes).chunks(1 << 20, 2).collect::<Result<Vec<_>, _>>().unwrap().concat()
}

#[test]
fn each_message_is_a_story_with_its_envelope() {
    let feed = feed();
    let stories = stories_of(&feed);
    assert_eq!(stories.len(), 3);
    let formats: Vec<Format> = stories.iter().map(|s| s.envelope.as_ref().unwrap().format()).collect();
    assert_eq!(formats, [Format::Anpa, Format::Iptc7901, Format::Anpa]);
    // Offsets are where each message opens (its SYN SYN SOH), indices count messages.
    for s in &stories {
        let e = s.envelope.as_ref().unwrap();
        assert_eq!(s.offset, e.span.start as u64);
        assert_eq!(&feed[e.span.start..e.span.start + 1], if e.format() == Format::Anpa { b"\x16" } else { b"\x01" });
    }
    assert_eq!(stories.iter().map(|s| s.index).collect::<Vec<_>>(), [0, 1, 2]);
    assert!(stories[0].text.starts_with("Dam spillway opened after rains\n\nBy JOHN DOE"), "{}", stories[0].text);
    // The same through `read_story`, lending.
    let mut s = stream::stories(&feed[..]);
    assert!(s.read_story().unwrap().unwrap().starts_with("Dam spillway"));
    assert_eq!(s.envelope().unwrap().trailer.as_ref().unwrap().text(), "AP-SF-03-14-17 0215GMT");
    assert!(s.read_story().unwrap().unwrap().starts_with("Straße gesperrt"));
    assert_eq!(s.decoding()[0].kind, DiagnosticKind::DecodedLatin1);
    assert!(s.read_story().unwrap().is_some());
    assert!(s.read_story().unwrap().is_none());
    // The tail of a message before the first SOH is noise, counted.
    assert!(s.noise() > 0);
}

#[test]
fn the_trailer_year_wins_over_the_callers_and_says_so() {
    let stories = stories_of(&feed());
    let caller = ParseOptions::new().reference_date(NaiveDate::from_ymd_opt(2001, 1, 1).unwrap());
    let a = stories[0].parse(&caller).unwrap();
    let date = a.dateline.as_ref().unwrap().date.unwrap();
    assert_eq!(date.resolved, NaiveDate::from_ymd_opt(2017, 3, 13));
    assert_eq!(date.year_source, YearSource::Inferred);
    let e = stories[0].envelope.as_ref().unwrap();
    let summary = e.summary(&caller);
    assert_eq!(summary.reference, Some(Reference::Trailer));
    assert_eq!(summary.reference_date, NaiveDate::from_ymd_opt(2017, 3, 14));
    assert_eq!(a.headline_text(), Some("Dam spillway opened after rains"));
    assert_eq!(a.quotations.len(), 1);

    // The dpa trailer's German month: October 2019.
    let a = stories[1].parse(&caller).unwrap();
    assert_eq!(a.dateline.as_ref().unwrap().date.unwrap().resolved, NaiveDate::from_ymd_opt(2019, 10, 2));
    // No trailer: the caller's date.
    let a = stories[2].parse(&caller).unwrap();
    assert_eq!(stories[2].envelope.as_ref().unwrap().summary(&caller).reference, Some(Reference::Caller));
    let cut = a.diagnostics.iter().find(|d| d.kind == DiagnosticKind::IncompleteMessage).expect("reported");
    // At its end, counted in the message's bytes.
    let span = stories[2].envelope.as_ref().unwrap().span;
    assert_eq!((cut.span.start, cut.span.end), (span.end - span.start, span.end - span.start));
}

#[test]
fn a_latin1_message_is_decoded_and_reported() {
    let stories = stories_of(&feed());
    let dpa = &stories[1];
    assert_eq!(dpa.envelope.as_ref().unwrap().charset, Charset::Latin1);
    let a = dpa.parse(&ParseOptions::new()).unwrap();
    assert_eq!(a.headline_text(), Some("Straße gesperrt"));
    assert_eq!(a.paragraphs[0].text, "Die Straße bleibt gesperrt.");
    let d = a.diagnostics.iter().find(|d| d.kind == DiagnosticKind::DecodedLatin1).expect("said so");
    // The message was decoded as a whole: the span is its bytes.
    let span = dpa.envelope.as_ref().unwrap().span;
    assert_eq!((d.span.start, d.span.end), (0, span.end - span.start));
    assert!(!a.diagnostics.iter().any(|d| d.kind == DiagnosticKind::ReplacementCharacter));
}

/// A reader that hands out a few bytes at a time.
struct Trickle<'a>(&'a [u8]);

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = buf.len().min(self.0.len()).min(7);
        buf[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}

#[test]
fn a_trickling_reader_gives_the_same_messages() {
    let feed = feed();
    // Framing is looked for in the first 8 KiB, however they trickle in.
    let slow = stream::stories(BufReader::with_capacity(16, Trickle(&feed)));
    let texts: Vec<String> = slow.collect::<Result<_, _>>().unwrap();
    let whole: Vec<String> = stories_of(&feed).into_iter().map(|s| s.text).collect();
    assert_eq!(texts, whole);
    // Plain text trickling in is read as text, every byte of it.
    let text = "Title\n\nMOSCOW, June 16. /TASS/. Text. -0-\n\nMore\n\nPARIS (AFP) - B.\n".repeat(300);
    let slow: Vec<String> =
        stream::stories(BufReader::with_capacity(16, Trickle(text.as_bytes()))).collect::<Result<_, _>>().unwrap();
    let whole: Vec<String> = stream::stories(text.as_bytes()).collect::<Result<_, _>>().unwrap();
    assert_eq!(slow.len(), 301);
    assert_eq!(slow, whole);
}

#[test]
fn text_is_never_taken_for_an_envelope() {
    for text in [
        &b"Title\n\nMOSCOW, June 16. /TASS/. Text. -0-\n"[..],
        b"A control \x01 byte, then \x02 another.\n",
        b"\x01\x02",
        b"\x01ab\x02 too short a header",
        b"\x01 abcd\x02 header opening with a blank",
        b"\x01a0042 a header whose line does not end\x02",
    ] {
        assert!(!wirecopy::envelope::is_stream(text), "{text:?}");
        assert!(stories_of(text).iter().all(|s| s.envelope.is_none()));
    }
    // A separator turns the detection off.
    let feed = feed();
    let s: Vec<Story> = stream::stories(&feed[..]).separator("$$$").chunks(1 << 20, 64).flatten().flatten().collect();
    assert_eq!(s.len(), 1);
    assert!(s[0].envelope.is_none());
    // Read as text, its framing bytes (SOH, STX, ETX, EOT, SYN) are more
    // than one control in 64 bytes: not text, an error.
    let e = s[0].parse(&ParseOptions::new()).unwrap_err();
    assert!(matches!(e.kind(), wirecopy::ErrorKind::NotText { .. }), "{:?}", e.kind());
}

#[test]
fn plain_text_that_is_not_utf8_is_decoded_with_a_diagnostic() {
    let input =
        b"Caf\xe9 reopens\n\nPARIS, May 3 (AFP) - The caf\xe9 reopened. -0-\n\nNext\n\nLONDON (Reuters) - Plain.\n";
    let stories = stories_of(input);
    assert_eq!(stories.len(), 2);
    assert_eq!(stories[0].text, "Café reopens\n\nPARIS, May 3 (AFP) - The café reopened. -0-");
    assert_eq!(stories[0].decoding.len(), 1);
    // The guess spans the input bytes from the first to the last that is not UTF-8.
    let d = stories[0].decoding[0];
    assert_eq!((d.kind, d.span.start, d.span.end), (DiagnosticKind::DecodedLatin1, 3, 43));
    assert!(stories[1].decoding.is_empty());
    let a = stories[0].parse(&ParseOptions::new()).unwrap();
    assert!(a.diagnostics.contains(&d));
    // The article's spans count bytes of the story in the input.
    let p = &a.paragraphs[0];
    assert_eq!(&input[p.span.start..p.span.end], b"The caf\xe9 reopened.");

    // 4 KB of bytes that are no text: an error with its reason, not an article.
    let noise: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 11) as u8).collect();
    let stories = stories_of(&noise);
    assert!(!stories.is_empty());
    for s in &stories {
        let e = s.parse(&ParseOptions::new()).unwrap_err();
        assert!(matches!(e.kind(), wirecopy::ErrorKind::NotText { .. }), "{:?}", e.kind());
    }
}

#[test]
fn parse_stories_matches_one_at_a_time() {
    let stories = stories_of(&feed());
    let opts = ParseOptions::new();
    let all = wirecopy::parse_stories(&stories, &opts);
    let one: Vec<_> = stories.iter().map(|s| s.parse(&opts)).collect();
    assert_eq!(all, one);
}

#[test]
fn a_bay_city_message_reads_its_lone_dateline() {
    // Invented, in Bay City News's layout: no trailer, ETX EOT adjacent.
    let m = b"\x16\x16\x01a0051\x1fbagm-\nr n\x13\x11 bc-LEVEE51     04-21 0120   \r\n\x02\r\n\
              BCN51:LEVEE REPAIR STARTS IN SAN MATEO\r\n\r\n\t   BCN51             -LEVEE\r\n\t   \r\n\
              \t   SAN MATEO (BCN)\r\n\r\n\t   Crews began repairing the levee this morning, a county \r\n\r\n\
              spokeswoman said.\r\n\r\n\t   -0-\r\n\x03\x04";
    let stories = stories_of(m);
    assert_eq!(stories.len(), 1);
    let a = stories[0].parse(&ParseOptions::new()).unwrap();
    assert_eq!(a.headline_text(), Some("LEVEE REPAIR STARTS IN SAN MATEO"));
    let d = a.dateline.as_ref().expect("the lone dateline");
    assert_eq!(d.place.as_ref().unwrap().text, "SAN MATEO");
    assert_eq!(d.agencies[0].agency, wirecopy::Agency::Bcn);
    assert!(a.paragraphs[0].text.starts_with("Crews began repairing the levee"), "{:?}", a.paragraphs[0].text);
}

#[test]
fn framing_is_looked_for_in_the_first_8_kib_only() {
    let mut late = b"Title\n\nLONDON (Reuters) - Text.\n".repeat(300);
    assert!(late.len() > wirecopy::envelope::SNIFF_LEN);
    late.extend_from_slice(&feed());
    assert!(!wirecopy::envelope::is_stream(&late));
    assert!(stories_of(&late).iter().all(|s| s.envelope.is_none()));
    let early = [&feed()[..], &late[..]].concat();
    assert!(wirecopy::envelope::is_stream(&early));
}

#[test]
fn random_bytes_are_not_taken_for_an_envelope() {
    // xorshift: 500 buffers of 8 KiB, 16,000 SOHs among them.
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut taken = 0;
    for _ in 0..500 {
        let buf: Vec<u8> = (0..8192)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x >> 32) as u8
            })
            .collect();
        taken += usize::from(wirecopy::envelope::is_stream(&buf));
    }
    assert_eq!(taken, 0);
}
