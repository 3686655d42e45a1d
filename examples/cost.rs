//! Parses every `.txt` file of a folder, for counting instructions under
//! callgrind (the figure the README and CHANGELOG give per byte):
//!
//! ```sh
//! cargo build --release --example cost
//! valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*parse_all*' \
//!     target/release/examples/cost ../shared/corpus/articles --no-quotations
//! ```
//!
//! It prints the bytes parsed; instructions per byte is callgrind's total
//! (`Collected`) over that. The files are read before counting starts, and
//! only `parse_all` is counted.

use std::hint::black_box;

use wirecopy::ParseOptions;

#[inline(never)]
fn parse_all(opts: &ParseOptions, texts: &[String]) -> usize {
    texts
        .iter()
        .map(|t| match opts.parse(black_box(t)) {
            Ok(a) => a.paragraphs.len() + a.quotations.len() + a.diagnostics.len(),
            Err(_) => 0,
        })
        .sum()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: cost DIR [--no-quotations]");
        std::process::exit(2);
    };
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let texts: Vec<String> =
        paths.iter().filter_map(|p| std::fs::read(p).ok()).map(|b| String::from_utf8_lossy(&b).into_owned()).collect();
    // Build the word tables before counting starts.
    let _ = black_box(ParseOptions::new().parse("WARM, June 1 (AP) - \"Up,\" he said."));
    let opts = ParseOptions::new();
    let opts = if args.iter().any(|a| a == "--no-quotations") { opts.quotations(false) } else { opts };
    let n = parse_all(&opts, &texts);
    let bytes: usize = texts.iter().map(String::len).sum();
    println!("{} files, {bytes} bytes, {n}", texts.len());
}
