//! Parse throughput per wire style and over the corpus, beside the limit.
//!
//! ```text
//! cargo bench --bench parse -- --warm-up-time 1 --measurement-time 3
//! WIRECOPY_CORPUS=../shared/corpus cargo bench --bench parse
//! ```
//!
//! Groups:
//! - one per wire style (`tass`, `reuters-1987`, ...): a full parse of an
//!   article-sized fixture from `tests/fixtures/bench/`;
//! - `corpus`, when `WIRECOPY_CORPUS` names a folder with `articles/*.txt`:
//!   a full parse of every article, one after the other (`parse`), and the
//!   same without quotations and attribution (`parse-no-quotations`);
//! - `batch`, with the corpus: [`wirecopy::parse_batch`] on 1 and 2 threads;
//! - `limit`: one `memchr3` pass (newline, `"`, 0xE2) over the same bytes,
//!   article by article: the floor for any parser that looks at every byte.
//!
//! All report `Throughput::Bytes`. At the end a table gives parse MB/s,
//! limit MB/s and their ratio for each input measured in this run.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use criterion::{Criterion, SamplingMode, Throughput};
use memchr::memchr3_iter;
use wirecopy::ParseOptions;

/// The fixtures, one per wire style: (name, text).
fn fixtures() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bench");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    out.sort();
    out
}

/// Every `articles/*.txt` under `$WIRECOPY_CORPUS`, if set.
fn corpus() -> Option<Vec<String>> {
    let root = PathBuf::from(std::env::var_os("WIRECOPY_CORPUS")?);
    let dir = root.join("articles");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("WIRECOPY_CORPUS: {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    Some(paths.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect())
}

/// One memchr3 pass: what every parser of this copy must at least do.
fn limit(text: &str) -> usize {
    memchr3_iter(b'\n', b'"', 0xE2, text.as_bytes()).count()
}

/// What a full parse yields, folded so the optimiser keeps it.
fn parse(opts: &ParseOptions, text: &str) -> usize {
    match opts.parse(text) {
        Ok(a) => a.paragraphs.len() + a.quotations.len() + a.diagnostics.len(),
        Err(_) => 0,
    }
}

fn main() {
    let started = SystemTime::now();
    let mut c = Criterion::default().configure_from_args();
    let opts = ParseOptions::new();
    let styles = fixtures();
    let corpus = corpus();

    for (name, text) in &styles {
        let mut g = c.benchmark_group(name.as_str());
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function("parse", |b| b.iter(|| parse(&opts, black_box(text))));
        g.finish();
    }

    if let Some(articles) = &corpus {
        let bytes: usize = articles.iter().map(String::len).sum();
        let mut g = c.benchmark_group("corpus");
        g.throughput(Throughput::Bytes(bytes as u64));
        g.sampling_mode(SamplingMode::Flat).sample_size(10);
        g.bench_function("parse", |b| {
            b.iter(|| articles.iter().map(|a| parse(&opts, black_box(a))).sum::<usize>());
        });
        // Layout, header, dateline and body alone: quotations and attribution off.
        let bare = opts.quotations(false);
        g.bench_function("parse-no-quotations", |b| {
            b.iter(|| articles.iter().map(|a| parse(&bare, black_box(a))).sum::<usize>());
        });
        g.finish();

        #[cfg(feature = "parallel")]
        batch(&mut c, articles, &opts);
    }

    let mut g = c.benchmark_group("limit");
    for (name, text) in &styles {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(name.as_str(), |b| b.iter(|| limit(black_box(text))));
    }
    if let Some(articles) = &corpus {
        g.throughput(Throughput::Bytes(articles.iter().map(String::len).sum::<usize>() as u64));
        g.bench_function("corpus", |b| b.iter(|| articles.iter().map(|a| limit(black_box(a))).sum::<usize>()));
    }
    g.finish();

    c.final_summary();
    let mut rows: Vec<(String, usize)> = styles.iter().map(|(n, t)| (n.clone(), t.len())).collect();
    if let Some(a) = &corpus {
        rows.push(("corpus".into(), a.iter().map(String::len).sum()));
    }
    summary(&rows, started);
}

/// `parse_batch` over the corpus on one thread and on two.
#[cfg(feature = "parallel")]
fn batch(c: &mut Criterion, articles: &[String], opts: &ParseOptions) {
    let bytes: usize = articles.iter().map(String::len).sum();
    let mut g = c.benchmark_group("batch");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sampling_mode(SamplingMode::Flat).sample_size(10);
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        g.bench_function(format!("{threads}-thread"), |b| {
            b.iter(|| pool.install(|| wirecopy::parse_batch(black_box(articles), opts).len()));
        });
    }
    g.finish();
}

/// Where criterion keeps its estimates.
fn criterion_home() -> PathBuf {
    std::env::var_os("CRITERION_HOME").map(PathBuf::from).unwrap_or_else(|| {
        std::env::var_os("CARGO_TARGET_DIR")
            .map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"), PathBuf::from)
            .join("criterion")
    })
}

/// The time of one iteration of `group/bench`, if measured since `since`.
fn mean(group: &str, bench: &str, since: SystemTime) -> Option<Duration> {
    let path = criterion_home().join(group).join(bench).join("new/estimates.json");
    let fresh = std::fs::metadata(&path).ok()?.modified().ok()? >= since;
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).ok()?).ok()?;
    // The slope of a linear sampling, else the mean of a flat one: what criterion prints.
    let ns = v["slope"]["point_estimate"].as_f64().or_else(|| v["mean"]["point_estimate"].as_f64())?;
    fresh.then(|| Duration::from_secs_f64(ns / 1e9))
}

/// Prints parse MB/s, limit MB/s and their ratio for what this run measured.
fn summary(rows: &[(String, usize)], since: SystemTime) {
    let mbps = |bytes: usize, t: Duration| bytes as f64 / t.as_secs_f64() / 1e6;
    let mut printed = false;
    for (name, bytes) in rows {
        let (Some(p), Some(l)) = (mean(name, "parse", since), mean("limit", name, since)) else { continue };
        if !printed {
            println!("\n{:<20} {:>9} {:>11} {:>11} {:>7}", "input", "bytes", "parse MB/s", "limit MB/s", "ratio");
            printed = true;
        }
        let (p, l) = (mbps(*bytes, p), mbps(*bytes, l));
        println!("{name:<20} {bytes:>9} {p:>11.1} {l:>11.1} {:>7.4}", p / l);
    }
    if let Some(bytes) = rows.iter().find(|r| r.0 == "corpus").map(|r| r.1) {
        let limit = mean("limit", "corpus", since);
        let others = [("corpus", "parse-no-quotations"), ("batch", "1-thread"), ("batch", "2-thread")];
        for (group, bench) in others {
            let Some(t) = mean(group, bench, since) else { continue };
            let p = mbps(bytes, t);
            match limit {
                Some(l) => {
                    println!("{bench:<20} {bytes:>9} {p:>11.1} {:>11.1} {:>7.4}", mbps(bytes, l), p / mbps(bytes, l))
                }
                None => println!("{bench:<20} {bytes:>9} {p:>11.1}"),
            }
        }
    }
}
