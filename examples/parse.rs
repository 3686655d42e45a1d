//! Parse wire copy and print JSON.
//!
//! ```text
//! cargo run --example parse                  # the bundled sample, pretty-printed
//! cargo run --example parse -- a.txt b.txt   # one JSON object per line per file
//! cat a.txt | cargo run --example parse -- - # `-` reads standard input
//! cargo run --example parse -- --charset windows-1251 ru.txt
//! cargo run --example parse -- --lossy damaged.txt
//! ```
//!
//! Bytes are decoded by the crate's policy (`examples/common/input.rs`,
//! `wirecopy::DecodeOptions`): the `--charset` given, a BOM, or the charset
//! detected (the record says so: `decoded_latin1`, `decoded_charset`).
//! Bytes the charset cannot decode are an error with their offset unless
//! `--lossy` is given (each replacement a `lossy_replacement` diagnostic);
//! binary data is an error. Spans count bytes of the file, whatever its
//! charset.
//!
//! A file holding an ANPA-1312 or IPTC 7901 envelope stream (SOH, a header,
//! STX: `wirecopy::envelope::is_stream`) still gets one line, holding its
//! messages: `{"file": ..., "messages": [...]}`, each message the record of
//! its body with `"story"`, `"offset"` and `"envelope"` (format, typed
//! header, trailer, charset, where the dateline's reference date came from),
//! as the `batch` example prints them.
//!
//! A file that cannot be read or parsed still gets its line,
//! `{"file": ..., "error": {...}}`, and the run goes on; the error is also
//! shown on standard error with the file's name, and the exit status is 1.
//! The `wirecopy` command (`cargo install --path cli`) does more: CSV,
//! directories, reference dates.

use std::io::{self, BufWriter, Write};

use serde_json::json;
use wirecopy::DecodeOptions;
use wirecopy::envelope::Summary;
use wirecopy::stream::{self, Story};
use wirecopy::{ParseOptions, RecordView};

#[path = "common/input.rs"]
mod input;

/// A record with the file it came from.
#[derive(serde::Serialize)]
struct Filed<'a> {
    file: &'a str,
    #[serde(flatten)]
    record: RecordView<'a, 'a>,
}

/// One message of an envelope stream.
#[derive(serde::Serialize)]
struct Message<'a> {
    story: u64,
    offset: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    envelope: Option<Summary<'a>>,
    #[serde(flatten)]
    record: RecordView<'a, 'a>,
}

/// The line of a file holding an envelope stream: its messages, each
/// parsed with the trailer's date as reference date.
fn envelope_line(path: &str, bytes: &[u8], opts: &ParseOptions, decode: DecodeOptions) -> serde_json::Value {
    let mut stories: Vec<Story> = Vec::new();
    for chunk in stream::stories(bytes).decode_options(decode).chunks(usize::MAX, usize::MAX) {
        // Reading from memory cannot fail.
        stories.extend(chunk.unwrap_or_default());
    }
    let messages: Vec<serde_json::Value> = stories
        .iter()
        .map(|s| match s.parse(opts) {
            Ok(article) => json!(Message {
                story: s.index,
                offset: s.offset,
                envelope: s.envelope.as_ref().map(|e| e.summary(opts)),
                record: RecordView(&article),
            }),
            Err(e) => json!({"story": s.index, "offset": s.offset, "error": {"kind": e.kind(), "message": e.kind().to_string()}}),
        })
        .collect();
    json!({"file": path, "messages": messages})
}

fn main() -> io::Result<std::process::ExitCode> {
    let args = input::args();
    let paths = &args.rest;
    if paths.iter().any(|p| p == "-h" || p == "--help") {
        println!("usage: parse {} [FILE | -]...   (no file: the bundled sample, pretty-printed)", input::USAGE);
        return Ok(std::process::ExitCode::SUCCESS);
    }
    let mut failed = 0;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if paths.is_empty() {
        let article = wirecopy::parse(input::SAMPLE).expect("the bundled sample parses");
        serde_json::to_writer_pretty(&mut out, &RecordView(&article))?;
        writeln!(out)?;
        out.flush()?;
        return Ok(std::process::ExitCode::SUCCESS);
    }
    for path in paths {
        let line = match input::read(path) {
            Err(e) => {
                eprintln!("parse: {path}: {e}");
                failed += 1;
                json!({"file": path, "error": {"kind": "io", "message": e.to_string()}})
            }
            Ok(bytes) if wirecopy::envelope::is_stream(&bytes) => {
                envelope_line(path, &bytes, &ParseOptions::new(), args.decode)
            }
            // Decoded by the crate's policy; spans in the file's bytes.
            Ok(bytes) => match args.decode.decode(&bytes).and_then(|d| {
                let article = d.parse(&ParseOptions::new())?.into_owned();
                Ok(article)
            }) {
                // Written straight out, never built as a JSON tree: a tree
                // costs many times the article it holds.
                Ok(article) => {
                    serde_json::to_writer(&mut out, &Filed { file: path, record: RecordView(&article) })?;
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
