//! Splitting multi-story input: `stream::stories` over a reader and
//! `stream::split` over a `&str` agree, keep end marks, drop separators.

use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use proptest::prelude::*;
use wirecopy::stream;

fn fixture(name: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bench").join(name);
    std::fs::read_to_string(p).unwrap()
}

/// Every story of `src` read through a buffer of `cap` bytes.
fn read_all(src: &str, cap: usize, sep: Option<&str>) -> Vec<String> {
    let s = stream::stories(BufReader::with_capacity(cap, src.as_bytes()));
    let s = match sep {
        Some(sep) => s.separator(sep),
        None => s,
    };
    s.collect::<io::Result<_>>().unwrap()
}

fn split_all<'a>(src: &'a str, sep: Option<&str>) -> Vec<&'a str> {
    match sep {
        Some(sep) => stream::split(src).separator(sep).collect(),
        None => stream::split(src).collect(),
    }
}

#[test]
fn a_feed_of_wire_styles_splits_at_their_end_marks() {
    // Reuters 1987 ends with "Reuter", KCNA with an inline "-0-", Xinhua with
    // "Enditem"; the others get a "-0-" line of their own.
    let mut feed = String::new();
    let names = ["reuters-1987.txt", "kcna.txt", "xinhua.txt", "ap.txt", "tass.txt", "dpa.txt"];
    for name in names {
        feed.push_str(&fixture(name));
        if !["reuters-1987.txt", "kcna.txt", "xinhua.txt"].contains(&name) {
            feed.push_str("-0-\n");
        }
        feed.push('\n');
    }
    let stories = split_all(&feed, None);
    assert_eq!(stories.len(), names.len());
    for (story, name) in stories.iter().zip(names) {
        let whole = fixture(name);
        assert!(whole.starts_with(story.lines().next().unwrap()), "{name}");
        let a = wirecopy::parse(story).unwrap();
        assert_eq!(a.headline, wirecopy::parse(&whole).unwrap().headline, "{name}");
        assert!(!a.signoffs.is_empty(), "{name}: the end mark is a sign-off");
    }
    assert!(stories[0].ends_with(" Reuter"));
    assert!(stories[1].ends_with("counties. -0-"));
    assert_eq!(read_all(&feed, 64, None), stories);
}

#[test]
fn a_caller_given_separator_belongs_to_no_story() {
    let feed = "\u{feff}One\r\n\r\nLONDON (Reuters) - A. -0-\r\n$$$\r\n\r\n$$$\r\nTwo\r\nB.\r\n\r\n$$$";
    assert_eq!(split_all(feed, Some("$$$")), ["\u{feff}One\r\n\r\nLONDON (Reuters) - A. -0-", "Two\r\nB."]);
    assert_eq!(read_all(feed, 3, Some("$$$")), split_all(feed, Some("$$$")));
    // Without it, the end mark splits and the separators are text.
    assert_eq!(split_all(feed, None).len(), 2);
}

#[test]
fn no_end_mark_is_one_story_and_blank_input_is_none() {
    assert_eq!(split_all("Headline\n\nText.\n\n", None), ["Headline\n\nText."]);
    assert!(split_all("", None).is_empty());
    assert!(split_all(" \n\r\n\t\n", None).is_empty());
    assert!(read_all(" \n\r\n\t\n", 2, None).is_empty());
    // Marks alone make stories of their own.
    assert_eq!(split_all("-0-\n-0-\n", None), ["-0-", "-0-"]);
}

#[test]
fn offsets_point_into_the_input() {
    let feed = "\n\nA\n-0-\n\n  B\r\nb\r\n###\r\nC";
    let mut s = stream::stories(BufReader::with_capacity(2, feed.as_bytes()));
    let mut got = Vec::new();
    while let Some(story) = s.read_story().unwrap() {
        let story = story.to_string();
        let at = usize::try_from(s.offset()).unwrap();
        assert!(feed[at..].starts_with(&story), "{story:?} at {at}");
        got.push((story, at));
    }
    assert_eq!(got, [("A\n-0-".to_string(), 2), ("  B\r\nb\r\n###".to_string(), 9), ("C".to_string(), 22)]);
}

#[test]
fn bytes_that_are_not_utf8_are_decoded_and_reported() {
    use wirecopy::DiagnosticKind;
    // Latin-1: read as Latin-1, said so.
    let input: &[u8] = b"Title\n\nPARIS (AFP) - Caf\xe9 owners protested.\n-0-\nNext\n";
    let mut s = stream::stories(input);
    assert!(s.next().unwrap().unwrap().contains("Café owners"));
    assert_eq!(
        s.decoding().iter().map(|d| (d.kind, d.span.start, d.span.end)).collect::<Vec<_>>(),
        [(DiagnosticKind::DecodedLatin1, 24, 25)]
    );
    assert_eq!(s.next().unwrap().unwrap(), "Next");
    assert!(s.decoding().is_empty());
    // UTF-8 with a stray byte: strict, an error with the byte's offset in
    // the story; the story after it still comes.
    let input: &[u8] = b"Title\n\nZ\xc3\xbcrich (dpa) - Caf\xe9 owners protested.\n-0-\nNext\n";
    let mut s = stream::stories(input);
    let err = s.read_story().unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::InvalidData);
    assert!(err.to_string().contains("at byte 26"), "{err}");
    assert_eq!(s.read_story().unwrap(), Some("Next"));
    // Lossy on request: U+FFFD, said so with the byte's span, and the parser marks it.
    let mut s = stream::stories(input).decode_options(wirecopy::DecodeOptions::new().lossy(true));
    let story = s.read_story().unwrap().unwrap().to_owned();
    assert!(story.contains("Caf\u{fffd} owners"));
    assert_eq!(
        s.decoding().iter().map(|d| (d.kind, d.span.start, d.span.end)).collect::<Vec<_>>(),
        [(DiagnosticKind::LossyReplacement, 26, 27)]
    );
    let a = wirecopy::parse(&story).unwrap();
    assert!(a.diagnostics.iter().any(|d| d.kind == DiagnosticKind::ReplacementCharacter));
}

#[test]
fn max_len_cuts_input_without_end_marks() {
    let input = "line of text\n".repeat(1000);
    let stories: Vec<String> = stream::stories(input.as_bytes()).max_len(100).collect::<io::Result<_>>().unwrap();
    // Eight lines reach 100 bytes: the story is cut after the eighth.
    assert_eq!(stories.len(), 1000 / 8);
    assert!(stories.iter().all(|s| s.len() == 8 * 13 - 1));
    assert_eq!(stories.join("\n") + "\n", input);
}

#[test]
fn max_len_cuts_a_line_without_line_breaks_on_a_char_boundary() {
    // Three-byte characters, read through a tiny buffer so that reads split them.
    let input = "word ₽ ".repeat(2000);
    for cap in [1, 2, 3, 7, 8192] {
        let mut s = stream::stories(BufReader::with_capacity(cap, input.as_bytes())).max_len(100);
        let mut joined = String::new();
        let mut cuts = 0;
        while let Some(story) = s.read_story().unwrap().map(str::to_owned) {
            assert!(story.len() <= 203, "a story of {} bytes", story.len());
            if let Some(d) = s.cut() {
                assert_eq!(d.kind, wirecopy::DiagnosticKind::StoryCut);
                assert_eq!((d.span.start, d.span.end), (story.len(), story.len()));
                cuts += 1;
            }
            joined.push_str(&story);
        }
        // Nothing lost but the blanks trimmed at each cut.
        assert_eq!(joined.replace(' ', ""), input.replace(' ', ""), "capacity {cap}");
        assert!(cuts >= input.len() / 204, "capacity {cap}: {cuts} cuts");
    }
}

#[test]
fn a_story_ended_by_an_end_mark_is_not_cut() {
    let mut s = stream::stories("A\n-0-\n".as_bytes()).max_len(1000);
    assert_eq!(s.read_story().unwrap(), Some("A\n-0-"));
    assert_eq!(s.cut(), None);
}

/// A reader that fails once when `at` bytes are left, then goes on.
struct Flaky<'a> {
    data: &'a [u8],
    at: usize,
    failed: bool,
}

impl Read for Flaky<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if !self.failed && self.data.len() <= self.at {
            self.failed = true;
            return Err(io::Error::other("disk hiccup"));
        }
        let n = buf.len().min(self.data.len()).min(4);
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

#[test]
fn read_errors_are_yielded_and_reading_goes_on() {
    let data = "First story\n-0-\nSecond story\r\n\r\n-0-\nThird";
    for at in 0..=data.len() {
        let reader = BufReader::with_capacity(3, Flaky { data: data.as_bytes(), at, failed: false });
        let mut errors = 0;
        let mut stories = Vec::new();
        for r in stream::stories(reader) {
            match r {
                Ok(s) => stories.push(s),
                Err(e) => {
                    assert_eq!(e.to_string(), "disk hiccup");
                    errors += 1;
                }
            }
        }
        assert_eq!(errors, 1, "{at}");
        assert_eq!(stories, split_all(data, None), "{at}");
    }
}

#[test]
fn a_reader_of_many_stories_is_never_read_whole() {
    // 10_000 stories from a reader that makes them up as it goes.
    struct Feed {
        n: usize,
        pending: Vec<u8>,
    }
    impl Read for Feed {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.pending.is_empty() && self.n > 0 {
                self.n -= 1;
                self.pending = format!("Story {}\n\nPARIS (AFP) - Text.\n-0-\n\n", self.n).into_bytes();
            }
            let k = buf.len().min(self.pending.len());
            buf[..k].copy_from_slice(&self.pending[..k]);
            self.pending.drain(..k);
            Ok(k)
        }
    }
    let mut s = stream::stories(BufReader::new(Feed { n: 10_000, pending: Vec::new() }));
    let mut count = 0;
    while let Some(story) = s.read_story().unwrap() {
        assert!(story.len() < 64);
        count += 1;
    }
    assert_eq!(count, 10_000);
}

fn lines() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\n"),
        Just("\r\n"),
        Just("\r"),
        Just(" "),
        Just("\u{a0}"),
        Just("text"),
        Just("é"),
        Just("-0-"),
        Just("Reuter"),
        Just("(END)"),
        Just("###"),
        Just("$$$"),
        Just("\t"),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn reader_and_str_splitters_agree(src in lines(), cap in 1usize..9, sep in any::<bool>()) {
        let sep = sep.then_some("$$$");
        let borrowed = split_all(&src, sep);
        prop_assert_eq!(&read_all(&src, cap, sep), &borrowed);
        for s in &borrowed {
            prop_assert!(!s.trim().is_empty());
            prop_assert!(!s.ends_with(['\n', '\r']));
        }
    }

    #[test]
    fn stories_keep_every_line_that_is_not_a_separator(src in lines()) {
        // Joined again, the stories hold every non-blank line of the input.
        let non_blank = |s: &str| -> Vec<String> {
            s.split(['\n', '\r']).map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect()
        };
        let joined = split_all(&src, None).join("\n");
        prop_assert_eq!(non_blank(&joined), non_blank(&src));
    }
}

#[test]
fn buf_read_of_a_slice_is_a_reader() {
    // `&[u8]` is `BufRead`: no `BufReader` needed.
    fn takes<R: BufRead>(r: R) -> usize {
        stream::stories(r).count()
    }
    assert_eq!(takes("a\n-0-\nb".as_bytes()), 2);
}
