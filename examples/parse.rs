//! Parse wire copy and print JSON.
//!
//! ```text
//! cargo run --example parse                  # the bundled sample, pretty-printed
//! cargo run --example parse -- a.txt b.txt   # one JSON object per line per file
//! cat a.txt | cargo run --example parse -- - # `-` reads standard input
//! ```
//!
//! A file that cannot be read or parsed still gets its line,
//! `{"file": ..., "error": {...}}`, and the run goes on; the error is also
//! shown on standard error with the file's name, and the exit status is 1.
//! The `wirecopy` command (`cargo install --path cli`) does more: CSV,
//! directories, reference dates.

use std::io::{self, BufWriter, Read, Write};

use serde_json::json;
use wirecopy::Record;

const SAMPLE: &str = include_str!("data/seed-tass.txt");

/// A record with the file it came from.
#[derive(serde::Serialize)]
struct Filed<'a> {
    file: &'a str,
    #[serde(flatten)]
    record: Record<'a>,
}

fn main() -> io::Result<std::process::ExitCode> {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.iter().any(|p| p == "-h" || p == "--help") {
        println!("usage: parse [FILE | -]...   (no file: the bundled sample, pretty-printed)");
        return Ok(std::process::ExitCode::SUCCESS);
    }
    let mut failed = 0;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if paths.is_empty() {
        let article = wirecopy::parse(SAMPLE).expect("the bundled sample parses");
        serde_json::to_writer_pretty(&mut out, &Record::from(&article))?;
        writeln!(out)?;
        out.flush()?;
        return Ok(std::process::ExitCode::SUCCESS);
    }
    for path in &paths {
        let bytes = if path == "-" {
            let mut b = Vec::new();
            io::stdin().read_to_end(&mut b).map(|_| b)
        } else {
            std::fs::read(path)
        };
        let line = match bytes {
            Err(e) => {
                eprintln!("parse: {path}: {e}");
                failed += 1;
                json!({"file": path, "error": {"kind": "io", "message": e.to_string()}})
            }
            // Not UTF-8: an error object with the offset of the first bad byte.
            Ok(bytes) => match wirecopy::parse_bytes(&bytes) {
                // Written straight out, never built as a JSON tree: a tree
                // costs many times the article it holds.
                Ok(article) => {
                    serde_json::to_writer(&mut out, &Filed { file: path, record: Record::from(&article) })?;
                    writeln!(out)?;
                    continue;
                }
                Err(e) => {
                    // The library's message, with line, column and caret.
                    eprintln!("parse: {path}: {e}");
                    failed += 1;
                    let (line, column) = e.line_col();
                    let message = e.kind().to_string();
                    json!({"file": path, "error": {"kind": e.kind(), "message": message, "line": line, "column": column, "span": e.span()}})
                }
            },
        };
        serde_json::to_writer(&mut out, &line)?;
        writeln!(out)?;
    }
    out.flush()?;
    if failed > 0 {
        eprintln!("parse: {failed} of {} inputs failed", paths.len());
        return Ok(std::process::ExitCode::FAILURE);
    }
    Ok(std::process::ExitCode::SUCCESS)
}
