//! Every corpus article, mutated many ways: characters, quotation marks and
//! line breaks deleted, duplicated and inserted. Nothing panics, every
//! span stays valid and the text of every node is the input at its span
//! (`common::check_article`).
//!
//! Reads the corpus at run time from `WIRECOPY_CORPUS` (or `../shared/corpus`
//! beside the crate) and skips when there is none; no corpus text is kept
//! in the project.

mod common;

use std::path::PathBuf;
use std::time::Instant;

fn corpus() -> Option<Vec<(String, String)>> {
    let dir = std::env::var_os("WIRECOPY_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("articles")).ok()?.flatten().map(|e| e.path()).collect();
    files.sort();
    let texts: Vec<(String, String)> = files
        .into_iter()
        .filter_map(|p| Some((p.file_name()?.to_string_lossy().into_owned(), std::fs::read_to_string(&p).ok()?)))
        .collect();
    (!texts.is_empty()).then_some(texts)
}

/// A small deterministic generator (xorshift), seeded per article.
struct Rng(u64);

impl Rng {
    fn new(seed: &str) -> Self {
        Rng(seed.bytes().fold(0x9e37_79b9_7f4a_7c15, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const MARKS: &[&str] = &["\"", "'", "``", "''", "`", "“", "”", "‘", "’", "„", "‚", "«", "»", "‹", "›"];
const BREAKS: &[&str] = &["\n", "\n\n", "\r\n", "\r", "\n    ", "\n\n\n"];
const JUNK: &[&str] = &["\0", "\u{1}", "\u{7f}", "\u{feff}", "\u{fffd}", "\u{a0}", "\t", "é", "😀"];
const WIRE: &[&str] =
    &["(AP) - ", "MOSCOW, June 16. /TASS/. ", "(Reuters) -", " Reuter", "By ", "Reporting by ", "^", "<"];

fn floor(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The `k`th way of mutating `src`.
fn mutate(src: &str, k: usize, rng: &mut Rng) -> String {
    let at = floor(src, rng.below(src.len() + 1));
    let to = floor(src, at + 1 + rng.below(40));
    let next = floor(src, at + src[at..].chars().next().map_or(0, char::len_utf8));
    let (head, tail) = src.split_at(at);
    match k {
        // Delete one character, or a run of them.
        0 => format!("{head}{}", &src[next..]),
        1 => format!("{head}{}", &src[to..]),
        // Duplicate one character, or a run.
        2 => format!("{}{}", &src[..next], &src[at..]),
        3 => format!("{}{}", &src[..to], &src[at..]),
        // Insert quotation marks, line breaks, junk, wire furniture.
        4 => format!("{head}{}{tail}", rng.pick(MARKS)),
        5 => format!("{head}{}{tail}", rng.pick(BREAKS)),
        6 => format!("{head}{}{tail}", rng.pick(JUNK)),
        7 => format!("{head}{}{tail}", rng.pick(WIRE)),
        // Delete every line break of a stretch; break every line in two.
        8 => format!("{head}{}{}", src[at..to].replace(['\n', '\r'], " "), &src[to..]),
        9 => src.lines().map(|l| l.split_at(floor(l, l.len() / 2))).map(|(a, b)| format!("{a}\n{b}\n")).collect(),
        // Change every quotation mark of one kind to another.
        10 => {
            let (from, to) = (rng.pick(MARKS), rng.pick(MARKS));
            src.replace(from, to)
        }
        // Delete every mark of one kind, every blank line, or all after a point.
        11 => src.replace(rng.pick(MARKS), ""),
        12 => src.replace("\n\n", "\n"),
        _ => head.to_string(),
    }
}

const KINDS: usize = 14;

#[test]
fn mutated_corpus_articles_never_panic_and_keep_valid_spans() {
    let Some(articles) = corpus() else {
        eprintln!("no corpus: set WIRECOPY_CORPUS or put it at ../shared/corpus; skipped");
        return;
    };
    let t = Instant::now();
    let threads = std::thread::available_parallelism().map_or(2, usize::from);
    let chunk = articles.len().div_ceil(threads);
    let parsed: usize = std::thread::scope(|s| {
        let workers: Vec<_> = articles
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    let mut n = 0;
                    for (name, src) in part {
                        let mut rng = Rng::new(name);
                        for k in 0..KINDS {
                            let m = mutate(src, k, &mut rng);
                            let result = std::panic::catch_unwind(|| {
                                if let Ok(a) = wirecopy::parse(&m) {
                                    common::check_article(&m, &a);
                                    let _ = a.to_string();
                                }
                            });
                            // Name the article and mutation, never print its text.
                            assert!(result.is_ok(), "{name}: mutation {k} panicked");
                            n += 1;
                        }
                    }
                    n
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().expect("a worker panicked")).sum()
    });
    eprintln!("{parsed} mutated articles parsed in {:.1?}", t.elapsed());
    assert_eq!(parsed, articles.len() * KINDS);
}
