//! Allocations per article, counted by a global allocator: a small multiple
//! of paragraphs + quotations, and no copy of the article's text.
//!
//! `cargo test --release --test alloc -- --nocapture` prints the figures;
//! with `WIRECOPY_CORPUS=../shared/corpus` they cover the whole corpus too.

use std::alloc::{GlobalAlloc, Layout, System};
use std::borrow::Cow;
use std::cell::Cell;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use wirecopy::ParseOptions;

/// Counts the allocations of the current thread (tests run on several).
struct Counting;

thread_local! {
    static ALLOCS: Cell<usize> = const { Cell::new(0) };
    static LIVE: Cell<usize> = const { Cell::new(0) };
    static PEAK: Cell<usize> = const { Cell::new(0) };
}

fn grow(bytes: usize) {
    let _ = LIVE.try_with(|l| {
        l.set(l.get() + bytes);
        let _ = PEAK.try_with(|p| p.set(p.get().max(l.get())));
    });
}

fn shrink(bytes: usize) {
    let _ = LIVE.try_with(|l| l.set(l.get().saturating_sub(bytes)));
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCS.try_with(|c| c.set(c.get() + 1));
        grow(layout.size());
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        shrink(layout.size());
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = ALLOCS.try_with(|c| c.set(c.get() + 1));
        shrink(layout.size());
        grow(new_size);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Allocations made by `f` on this thread, and what it returned.
fn counted<T>(f: impl FnOnce() -> T) -> (usize, T) {
    let before = ALLOCS.with(Cell::get);
    let out = f();
    (ALLOCS.with(Cell::get) - before, out)
}

/// The most bytes live at once while `f` runs, above what was live before.
fn peak<T>(f: impl FnOnce() -> T) -> (usize, T) {
    let base = LIVE.with(Cell::get);
    PEAK.with(|p| p.set(base));
    let out = f();
    (PEAK.with(Cell::get) - base, out)
}

fn files(dir: &Path) -> Vec<(String, String)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(p).unwrap()))
        .collect()
}

/// Allocation figures over some articles.
#[derive(Debug, Default)]
struct Tally {
    articles: usize,
    allocs: usize,
    units: usize,
    /// The worst article: (allocations, paragraphs + quotations, name).
    worst: (f64, usize, usize, String),
}

impl Tally {
    fn add(&mut self, opts: &ParseOptions, name: &str, text: &str) {
        let (n, art) = counted(|| opts.parse(text));
        let Ok(art) = art else { return };
        let units = art.paragraphs.len() + art.quotations.len();
        self.articles += 1;
        self.allocs += n;
        self.units += units;
        let ratio = n as f64 / (units + 1) as f64;
        if ratio > self.worst.0 {
            self.worst = (ratio, n, units, name.to_string());
        }
    }

    fn report(&self, what: &str) {
        println!(
            "{what}: {} articles, {:.1} allocations per article, {:.2} paragraphs + quotations per article, \
             {:.2} allocations per paragraph or quotation; worst {} ({} allocations, {} units)",
            self.articles,
            self.allocs as f64 / self.articles as f64,
            self.units as f64 / self.articles as f64,
            self.allocs as f64 / self.units.max(1) as f64,
            self.worst.3,
            self.worst.1,
            self.worst.2,
        );
    }
}

/// The bound: a small multiple of paragraphs and quotations, plus a
/// constant for the article's own vectors (diagnostics, lines, blocks, ...).
const PER_UNIT: usize = 8;
const PER_ARTICLE: usize = 48;

/// The articles that allocate more than the bound, with their figures.
fn over_bound<'a>(opts: &ParseOptions, files: &'a [(String, String)]) -> Vec<(&'a str, usize, usize)> {
    let mut over = Vec::new();
    for (name, text) in files {
        let (n, art) = counted(|| opts.parse(text));
        let Ok(art) = art else { continue };
        let units = art.paragraphs.len() + art.quotations.len();
        if n > PER_UNIT * units + PER_ARTICLE {
            over.push((name.as_str(), n, units));
        }
    }
    over
}

fn fixtures() -> Vec<(String, String)> {
    files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bench"))
}

fn corpus() -> Option<Vec<(String, String)>> {
    let root = std::env::var_os("WIRECOPY_CORPUS")?;
    Some(files(&Path::new(&root).join("articles")))
}

fn report(what: &str, files: &[(String, String)]) {
    for (label, opts) in [("", ParseOptions::new()), (" without quotations", ParseOptions::new().quotations(false))] {
        let mut tally = Tally::default();
        for (name, text) in files {
            tally.add(&opts, name, text);
        }
        tally.report(&format!("{what}{label}"));
    }
}

#[test]
fn allocations_without_attribution_are_bounded_by_paragraphs() {
    // Layout, header, dateline, body: no quotations, so no attribution.
    let opts = ParseOptions::new().quotations(false);
    let fixtures = fixtures();
    report("fixtures", &fixtures);
    assert_eq!(over_bound(&opts, &fixtures), []);
    if let Some(corpus) = corpus() {
        report("corpus", &corpus);
        assert_eq!(over_bound(&opts, &corpus), []);
    }
}

/// With quotations on, attribution adds per-region token vectors and the
/// quotations themselves: still a small multiple of paragraphs + quotations
/// (the lexicon looks words up without allocating).
#[test]
fn full_parse_allocations_are_bounded_by_paragraphs_and_quotations() {
    let opts = ParseOptions::new();
    let fixtures = fixtures();
    assert_eq!(over_bound(&opts, &fixtures), []);
    if let Some(corpus) = corpus() {
        assert_eq!(over_bound(&opts, &corpus), []);
    }
}

#[test]
fn article_text_is_borrowed_not_copied() {
    for (name, text) in fixtures() {
        let art = wirecopy::parse(&text).unwrap();
        for p in &art.paragraphs {
            // Only hard-wrapped paragraphs, rejoined with single spaces, own their text.
            let one_line = !p.span.slice(&text).contains(['\n', '\r']);
            assert_eq!(matches!(p.text, Cow::Borrowed(_)), one_line, "{name}: {:?}", p.text);
        }
        for q in &art.quotations {
            let flat = q.parts.len() == 1 && !q.parts[0].slice(&text).contains(['\n', '\r']);
            assert_eq!(matches!(q.text, Cow::Borrowed(_)), flat, "{name}: {:?}", q.text);
        }
        let h = art.headline.unwrap();
        assert!(matches!(h.text, Cow::Borrowed(_)));
    }
}

#[test]
fn streaming_holds_one_story_at_a_time() {
    // 2 MB of stories from a reader: what is live at once stays near one story.
    let mut feed = String::new();
    let fixtures = fixtures();
    for (_, text) in &fixtures {
        feed.push_str(text);
        feed.push_str("-0-\n\n");
    }
    let repeat = 2_000_000 / feed.len();
    let reader = RepeatRead { data: feed.as_bytes(), left: repeat, at: 0 };
    let (peak, (stories, bytes)) = peak(|| {
        let mut s = wirecopy::stream::stories(BufReader::new(reader));
        let (mut stories, mut bytes) = (0usize, 0usize);
        while let Some(story) = s.read_story().unwrap() {
            let a = wirecopy::parse(story).unwrap();
            stories += usize::from(!a.paragraphs.is_empty());
            bytes += story.len();
        }
        (stories, bytes)
    });
    assert_eq!(stories, repeat * fixtures.len());
    println!("streamed {stories} stories, {bytes} bytes, peak live heap {peak} bytes");
    assert!(peak < 256 * 1024, "peak {peak}");
}

/// `data` over and over, `left` times.
struct RepeatRead<'a> {
    data: &'a [u8],
    left: usize,
    at: usize,
}

impl std::io::Read for RepeatRead<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.at == self.data.len() {
            if self.left <= 1 {
                return Ok(0);
            }
            self.left -= 1;
            self.at = 0;
        }
        let n = buf.len().min(self.data.len() - self.at);
        buf[..n].copy_from_slice(&self.data[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}
