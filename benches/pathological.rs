//! Hostile input at sizes growing tenfold: time per byte stays flat when
//! the parser is linear.
//!
//! ```text
//! cargo bench --bench pathological
//! cargo bench --bench pathological -- 'quote marks'     # one input
//! ```
//!
//! The group `pathological` parses each input of `tests/common/hostile_inputs.rs`
//! (quotation marks of every kind, no line break, one-character lines,
//! lines with no blank line and no dateline, nested quotes, agency tags,
//! deep indentation, control characters, floods of opening marks) at 10 KB,
//! 100 KB, 1 MB and 10 MB, with `Throughput::Bytes`; `limit` makes one
//! `memchr3` pass over the same bytes. At the end a table gives the
//! nanoseconds per byte of each input at each size and the largest growth
//! from one size to the next (1.0 is linear, 10 is quadratic; the target is
//! at most 1.5). Set `PATHOLOGICAL_MAX=1000000` to stop at 1 MB.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput};
use memchr::memchr3_iter;

#[path = "../tests/common/hostile_inputs.rs"]
mod hostile;

const SIZES: [usize; 4] = [10_000, 100_000, 1_000_000, 10_000_000];

/// The sizes measured: all, or up to `PATHOLOGICAL_MAX` bytes.
fn sizes() -> Vec<usize> {
    let max = std::env::var("PATHOLOGICAL_MAX").ok().and_then(|v| v.parse().ok()).unwrap_or(usize::MAX);
    SIZES.iter().copied().filter(|&s| s <= max).collect()
}

fn parse(text: &str) -> usize {
    match wirecopy::parse(text) {
        Ok(a) => a.paragraphs.len() + a.quotations.len() + a.diagnostics.len(),
        Err(_) => 0,
    }
}

fn limit(text: &str) -> usize {
    memchr3_iter(b'\n', b'"', 0xE2, text.as_bytes()).count()
}

/// glibc hands every allocation over 32 MiB to the kernel and back on each
/// free, so an input whose output vectors pass that size (10 MB of `a`
/// between blank lines holds 133 MB of paragraphs) pays for fresh zeroed
/// pages on every iteration, while smaller inputs reuse the memory they
/// freed: a step in time per byte that is the allocator's, not the
/// parser's. The bench keeps freed memory in the process, as a long-running
/// service's allocator does; `PATHOLOGICAL_MALLOC=default` measures with
/// glibc's defaults instead.
fn keep_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if std::env::var_os("PATHOLOGICAL_MALLOC").is_none_or(|v| v != "default") {
        // SAFETY: `mallopt` only changes the allocator's thresholds; it is
        // called before any thread is started.
        let set = unsafe { libc::mallopt(libc::M_MMAP_MAX, 0) + libc::mallopt(libc::M_TRIM_THRESHOLD, i32::MAX) };
        eprintln!("malloc: no mmap, no trim ({})", if set == 2 { "set" } else { "refused" });
    }
}

fn main() {
    keep_freed_memory();
    let started = SystemTime::now();
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    let mut rows: Vec<(String, usize, usize)> = Vec::new();
    let mut g = c.benchmark_group("pathological");
    g.sampling_mode(SamplingMode::Flat);
    for (name, make) in hostile::inputs() {
        for &size in &sizes() {
            let text = make(size);
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::new(name, size), &text, |b, t| b.iter(|| parse(black_box(t))));
            rows.push((name.to_string(), size, text.len()));
        }
    }
    g.finish();
    let mut g = c.benchmark_group("limit");
    for &size in &sizes() {
        let text = hostile::mixed_quote_marks(size);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("memchr3", size), &text, |b, t| b.iter(|| limit(black_box(t))));
        rows.push(("limit".to_string(), size, text.len()));
    }
    g.finish();
    c.final_summary();
    summary(&rows, started);
}

/// Where criterion keeps its estimates.
fn criterion_home() -> PathBuf {
    std::env::var_os("CRITERION_HOME").map(PathBuf::from).unwrap_or_else(|| {
        std::env::var_os("CARGO_TARGET_DIR")
            .map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"), PathBuf::from)
            .join("criterion")
    })
}

/// The mean time of one iteration, if measured since `since`. Criterion
/// keeps `BenchmarkId::new(name, size)` under `name/size`, with `/` and the
/// other characters unsafe in file names replaced by `_`.
fn mean(group: &str, name: &str, size: usize, since: SystemTime) -> Option<Duration> {
    let dir = name.replace(['?', '"', '/', '\\', '*', '<', '>', ':', '|', '^'], "_");
    let path = criterion_home().join(group).join(dir).join(size.to_string()).join("new/estimates.json");
    let fresh = std::fs::metadata(&path).ok()?.modified().ok()? >= since;
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).ok()?).ok()?;
    let ns = v["mean"]["point_estimate"].as_f64()?;
    fresh.then(|| Duration::from_secs_f64(ns / 1e9))
}

/// Nanoseconds per byte by input and size, and the largest growth from
/// one size to the next (tenfold).
fn summary(rows: &[(String, usize, usize)], since: SystemTime) {
    println!("\n{:<40} {:>9} {:>9} {:>9} {:>9} {:>7}", "ns/byte", "10 KB", "100 KB", "1 MB", "10 MB", "growth");
    let mut names: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    names.dedup();
    for name in names {
        let group = if name == "limit" { "limit" } else { "pathological" };
        let bench = if name == "limit" { "memchr3" } else { name };
        let per_byte: Vec<Option<f64>> = SIZES
            .iter()
            .map(|&size| {
                let bytes = rows.iter().find(|r| r.0 == name && r.1 == size)?.2;
                Some(mean(group, bench, size, since)?.as_nanos() as f64 / bytes as f64)
            })
            .collect();
        if per_byte.iter().all(Option::is_none) {
            continue;
        }
        let cells: String =
            per_byte.iter().map(|v| v.map_or(format!("{:>10}", "-"), |v| format!("{v:>10.2}"))).collect();
        let known: Vec<f64> = per_byte.iter().flatten().copied().collect();
        let growth = known.windows(2).map(|w| w[1] / w[0]).fold(f64::NAN, f64::max);
        println!("{name:<40}{cells} {growth:>7.2}");
    }
}
