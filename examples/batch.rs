//! Parse archives of wire copy on all cores: NDJSON out.
//!
//! ```text
//! cargo run --release --example batch -- archive/ more.txt > out.ndjson
//! zcat feed.gz | cargo run --release --example batch -- - > out.ndjson
//! cargo run --release --example batch -- --separator '$$$' joined.txt
//! RAYON_NUM_THREADS=1 cargo run --release --example batch -- big.txt
//! ```
//!
//! Inputs are files, directories (every `.txt` file below them, in name
//! order, walked by `wirecopy::walk`: links not followed, special files
//! skipped with a note) or `-` for standard input (the default). Each input is split into stories
//! at end marks (`-0-`, `Reuter`, `(END)`, `###`, ...) or at a
//! `--separator` line, read a story at a time so memory stays flat however
//! large the input, and parsed in parallel a chunk of stories at a time.
//!
//! An input whose first bytes show ANPA-1312 or IPTC 7901 framing (SOH, a
//! header, STX: `wirecopy::envelope::is_stream`) is read as an envelope
//! stream instead, without a flag: each message is one story, parsed from its
//! body with the trailer's date as the reference date, and its line carries
//! an `"envelope"` object (format, typed header, trailer, charset, where the
//! reference date came from). Noise between messages is counted on standard
//! error.
//!
//! Each story is decoded by the crate's policy (`examples/common/input.rs`,
//! `wirecopy::DecodeOptions`): the `--charset NAME` given, a BOM, or the
//! charset detected, said so by a `decoded_latin1` or `decoded_charset`
//! diagnostic. Bytes the charset cannot decode make the story an error
//! with their offset, unless `--lossy` is given (each replacement a
//! `lossy_replacement` diagnostic); binary data is an error.
//!
//! Each story gets one line: the `wirecopy::Record` JSON that the `parse`
//! example prints, plus `"file"`, `"story"` (its index in the file) and
//! `"offset"` (the byte where it starts in the file; spans count bytes of
//! the file from it, whatever the story's charset, an envelope message's
//! too). An input that cannot be read gets `{"file": ..., "error": {...}}`
//! and the run goes on; the exit status is 1 when any input failed. A
//! summary follows at the end (articles, bytes, MB/s, diagnostics by kind).
//!
//! The `wirecopy` command (`cargo install --path cli`) does all this and
//! more (CSV, reference dates, extension filters): this example shows the
//! library calls it is made of.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::PathBuf;
use std::time::Instant;

use wirecopy::envelope::Summary;
use wirecopy::stream::Story;
use wirecopy::walk::{Found, Skip, Walk, display_path};
use wirecopy::{Article, DecodeOptions, ParseOptions, RecordView, stream};

#[path = "common/input.rs"]
mod input;

/// Stories parsed together: enough to keep every core busy, small enough
/// to keep memory flat.
const CHUNK_BYTES: usize = 4 << 20;
const CHUNK_STORIES: usize = 4096;
/// A "story" this long (30 times the longest in the corpus) has lost its
/// end marks: cut it (a line running past twice this is cut too).
const MAX_STORY: usize = 1 << 20;

/// What the run saw, for the summary.
#[derive(Default)]
struct Totals {
    articles: u64,
    errors: u64,
    bytes: u64,
    messages: u64,
    noise: u64,
    diagnostics: BTreeMap<String, u64>,
}

struct Run<W: Write> {
    out: W,
    opts: ParseOptions,
    decode: DecodeOptions,
    separator: Option<String>,
    totals: Totals,
}

impl<W: Write> Run<W> {
    /// Splits one input into stories and parses them a chunk at a time.
    fn input(&mut self, name: &str, reader: impl BufRead) -> io::Result<()> {
        let mut stories = stream::stories(reader).max_len(MAX_STORY).decode_options(self.decode);
        if let Some(sep) = &self.separator {
            stories = stories.separator(sep.clone());
        }
        let mut chunks = stories.chunks(CHUNK_BYTES, CHUNK_STORIES);
        for chunk in chunks.by_ref() {
            match chunk {
                Ok(chunk) => self.chunk(name, &chunk)?,
                // The stories before the error were parsed: report it and stop.
                Err(e) => return self.error(name, "io", &e.to_string()),
            }
        }
        self.totals.noise += chunks.stories().noise();
        Ok(())
    }

    /// Parses a chunk of stories in parallel and prints them in order.
    fn chunk(&mut self, name: &str, chunk: &[Story]) -> io::Result<()> {
        // Each story with its cut and decoding diagnostics; an envelope
        // message with its trailer's date as the reference date.
        let results = wirecopy::parse_stories(chunk, &self.opts);
        self.totals.messages += chunk.iter().filter(|s| s.envelope.is_some()).count() as u64;
        // JSON costs about a third of a parse: make it on all cores too.
        #[cfg(feature = "parallel")]
        let lines: Vec<Vec<u8>> = {
            use rayon::prelude::*;
            results.par_iter().zip(chunk).map(|(r, s)| json_line(name, s, r, &self.opts)).collect::<io::Result<_>>()?
        };
        #[cfg(not(feature = "parallel"))]
        let lines: Vec<Vec<u8>> =
            results.iter().zip(chunk).map(|(r, s)| json_line(name, s, r, &self.opts)).collect::<io::Result<_>>()?;
        for (result, line) in results.iter().zip(&lines) {
            match result {
                Ok(article) => {
                    self.totals.articles += 1;
                    for d in &article.diagnostics {
                        *self.totals.diagnostics.entry(kind_name(d.kind)).or_default() += 1;
                    }
                }
                Err(_) => self.totals.errors += 1,
            }
            self.out.write_all(line)?;
        }
        let bytes: u64 = chunk.iter().map(|s| s.text.len() as u64).sum();
        self.totals.bytes += bytes;
        Ok(())
    }

    fn error(&mut self, name: &str, kind: &str, message: &str) -> io::Result<()> {
        self.totals.errors += 1;
        eprintln!("batch: {name}: {message}");
        let failed = Failed { file: name, story: None, error: ErrorObject { kind, message } };
        serde_json::to_writer(&mut self.out, &failed)?;
        self.out.write_all(b"\n")
    }
}

/// A story's record with where it comes from, serialised straight from
/// the structs (no JSON tree).
#[derive(serde::Serialize)]
struct Filed<'a> {
    file: &'a str,
    story: u64,
    offset: u64,
    /// The envelope of a message of an envelope stream.
    #[serde(skip_serializing_if = "Option::is_none")]
    envelope: Option<Summary<'a>>,
    #[serde(flatten)]
    record: RecordView<'a, 'a>,
}

/// An input or story that failed.
#[derive(serde::Serialize)]
struct Failed<'a> {
    file: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    story: Option<u64>,
    error: ErrorObject<'a>,
}

#[derive(serde::Serialize)]
struct ErrorObject<'a> {
    kind: &'a str,
    message: &'a str,
}

/// The JSON line of one story: its `Record`, or its error, with where it
/// comes from.
fn json_line(
    name: &str,
    story: &Story,
    result: &Result<Article<'_>, wirecopy::Error>,
    opts: &ParseOptions,
) -> io::Result<Vec<u8>> {
    let mut line = match result {
        Ok(article) => serde_json::to_vec(&Filed {
            file: name,
            story: story.index,
            offset: story.offset,
            envelope: story.envelope.as_ref().map(|e| e.summary(opts)),
            record: RecordView(article),
        })?,
        Err(e) => serde_json::to_vec(&Failed {
            file: name,
            story: Some(story.index),
            error: ErrorObject { kind: "parse", message: &e.to_string() },
        })?,
    };
    line.push(b'\n');
    Ok(line)
}

/// The `snake_case` name a diagnostic kind has in the JSON.
fn kind_name(kind: wirecopy::DiagnosticKind) -> String {
    serde_json::to_string(&kind).map_or_else(|_| "unknown".into(), |s| s.trim_matches('"').to_owned())
}

const USAGE: &str = "usage: batch [--separator LINE] [--no-quotations] [--charset NAME] [--lossy] [FILE | DIR | -]...";

fn usage() -> ! {
    eprintln!("{USAGE}");
    std::process::exit(2);
}

fn main() -> io::Result<std::process::ExitCode> {
    let decoding = input::args();
    let mut args = decoding.rest.into_iter();
    let mut separator = None;
    let mut opts = ParseOptions::new();
    let mut inputs: Vec<String> = Vec::new();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--separator" => separator = Some(args.next().unwrap_or_else(|| usage())),
            "--no-quotations" => opts = opts.quotations(false),
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(std::process::ExitCode::SUCCESS);
            }
            _ => inputs.push(a),
        }
    }
    if inputs.is_empty() {
        inputs.push("-".into());
    }
    // Expand directories first.
    let mut paths: Vec<Result<Option<PathBuf>, (String, io::Error)>> = Vec::new();
    let walk = Walk::new();
    for i in &inputs {
        if i == "-" {
            paths.push(Ok(None));
            continue;
        }
        for found in walk.paths(i) {
            match found {
                Found::File(p) => paths.push(Ok(Some(p))),
                Found::Error(p, e) => paths.push(Err((display_path(&p), e))),
                Found::Skipped(_, Skip::Filtered) => {}
                Found::Skipped(p, why) => eprintln!("batch: {}: skipped: {why}", display_path(&p)),
                _ => {}
            }
        }
    }

    let stdout = io::stdout();
    let out = BufWriter::with_capacity(1 << 20, stdout.lock());
    let mut run = Run { out, opts, decode: decoding.decode, separator, totals: Totals::default() };
    let started = Instant::now();
    let result = (|| {
        for p in &paths {
            match p {
                Err((name, e)) => run.error(name, "io", &e.to_string())?,
                Ok(None) => run.input("-", io::stdin().lock())?,
                Ok(Some(p)) => {
                    let name = display_path(p);
                    match File::open(p) {
                        Ok(f) => run.input(&name, BufReader::with_capacity(1 << 16, f))?,
                        Err(e) => run.error(&name, "io", &e.to_string())?,
                    }
                }
            }
        }
        run.out.flush()
    })();
    match result {
        // A reader that went away (`| head`) is not a failure.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(std::process::ExitCode::SUCCESS),
        r => r?,
    }

    let secs = started.elapsed().as_secs_f64();
    let t = &run.totals;
    let mut err = io::stderr().lock();
    writeln!(
        err,
        "{} articles, {} errors, {:.1} MB in {:.2} s: {:.1} MB/s",
        t.articles,
        t.errors,
        t.bytes as f64 / 1e6,
        secs,
        t.bytes as f64 / 1e6 / secs.max(1e-9)
    )?;
    if t.messages > 0 {
        writeln!(err, "envelopes: {} messages, {} bytes of noise between them skipped", t.messages, t.noise)?;
    }
    if !t.diagnostics.is_empty() {
        let mut by_count: Vec<_> = t.diagnostics.iter().collect();
        by_count.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let list: Vec<String> = by_count.iter().map(|(k, n)| format!("{k} {n}")).collect();
        writeln!(err, "diagnostics: {}", list.join(", "))?;
    }
    Ok(if t.errors == 0 { std::process::ExitCode::SUCCESS } else { std::process::ExitCode::FAILURE })
}
