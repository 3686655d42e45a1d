//! `wirecopy batch`: archives split into stories, parsed on all cores,
//! written in order as they are parsed.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Write};
use std::time::Instant;

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use wirecopy::ParseOptions;
use wirecopy::stream::{self, Story};

use crate::inputs::{self, Input, Source};
use crate::output::{At, ErrorObject, Format, Out};
use crate::{InputArgs, ParseFlags, SNIFF, Tally, report};

/// Stories parsed together: enough to keep every core busy, small enough
/// to keep memory flat.
const CHUNK_BYTES: usize = 4 << 20;
const CHUNK_STORIES: usize = 4096;
/// A "story" this long (30 times the longest in the corpus) has lost its
/// end marks: cut it (a line running past twice this is cut too).
const MAX_STORY: usize = 1 << 20;

#[derive(Args, Debug)]
pub struct BatchArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    flags: ParseFlags,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Ndjson)]
    format: Format,
    /// Split stories at lines equal to this instead of at end marks
    /// (`-0-`, `Reuter`, `(END)`, `###`, `-30-`, `Enditem`); no input is
    /// then read as an envelope stream.
    #[arg(long, value_name = "LINE")]
    separator: Option<String>,
    /// No progress bar (it shows only when standard error is a terminal).
    #[arg(long, short)]
    quiet: bool,
}

/// A parsed story: the names of its diagnostics, or its error's message.
type Outcome = Result<Vec<String>, String>;

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

struct Run<'a, W: Write> {
    out: Out<W>,
    args: &'a BatchArgs,
    totals: Totals,
    bar: Option<ProgressBar>,
}

impl<W: Write> Run<'_, W> {
    /// Splits one input into stories and parses them a chunk at a time.
    /// False when the input failed (unreadable, binary, a read error).
    fn input(&mut self, name: &str, opts: &ParseOptions, mut reader: impl BufRead) -> io::Result<bool> {
        // A NUL byte near the start: a binary file, not copy.
        let head = match reader.fill_buf() {
            Ok(head) => head,
            Err(e) => return self.failed(name, "io", &e).map(|()| false),
        };
        // An envelope stream may hold NUL padding: its framing comes first.
        let envelope = self.args.separator.is_none() && wirecopy::envelope::is_stream(head);
        if let Some(at) = head.iter().take(SNIFF).position(|&b| b == 0).filter(|_| !envelope) {
            return self.failed(name, "binary", &format!("binary file: a NUL byte at byte {at}")).map(|()| false);
        }
        let mut stories = stream::stories(reader).max_len(MAX_STORY).decode_options(self.args.flags.decode());
        if let Some(sep) = &self.args.separator {
            stories = stories.separator(sep.clone());
        }
        let mut ok = true;
        let mut chunks = stories.chunks(CHUNK_BYTES, CHUNK_STORIES);
        for chunk in chunks.by_ref() {
            match chunk {
                Ok(chunk) => ok &= self.chunk(name, opts, &chunk)?,
                // The stories before the error were parsed: report it and stop.
                Err(e) => {
                    self.failed(name, "io", &e)?;
                    ok = false;
                    break;
                }
            }
            // Every record parsed so far reaches the reader now: a later
            // input that hangs or fails loses none of them.
            self.out.flush()?;
        }
        self.totals.noise += chunks.stories().noise();
        Ok(ok)
    }

    /// Parses and encodes a chunk of stories on all cores, then writes
    /// them in order. False when a story failed to parse.
    fn chunk(&mut self, name: &str, opts: &ParseOptions, chunk: &[Story]) -> io::Result<bool> {
        let format = self.args.format;
        let done: Vec<(io::Result<Vec<u8>>, Outcome)> = chunk
            .par_iter()
            .with_min_len(4)
            .map(|s| {
                let at = At {
                    file: name,
                    story: Some(s.index),
                    offset: Some(s.offset),
                    envelope: s.envelope.as_ref().map(|e| e.summary(opts)),
                };
                // With its cut and decoding diagnostics; an envelope message
                // with its trailer's date as reference date.
                match s.parse(opts) {
                    Ok(a) => (format.article(at, &a), Ok(a.diagnostics.iter().map(|d| kind_name(d.kind)).collect())),
                    Err(e) => (format.failure(at, ErrorObject::parse(&e)), Err(e.to_string())),
                }
            })
            .collect();
        let mut ok = true;
        for ((bytes, outcome), story) in done.into_iter().zip(chunk) {
            match outcome {
                Ok(kinds) => {
                    self.totals.articles += 1;
                    for k in kinds {
                        *self.totals.diagnostics.entry(k).or_default() += 1;
                    }
                }
                Err(message) => {
                    ok = false;
                    self.totals.errors += 1;
                    report(&format!("{name}: story {}", story.index), &message);
                }
            }
            self.out.item(&bytes?)?;
        }
        let bytes: u64 = chunk.iter().map(|s| s.text.len() as u64).sum();
        self.totals.bytes += bytes;
        self.totals.messages += chunk.iter().filter(|s| s.envelope.is_some()).count() as u64;
        if let Some(bar) = &self.bar {
            bar.inc(bytes);
            bar.set_message(format!("{} articles", self.totals.articles));
        }
        Ok(ok)
    }

    /// Reports an input that failed, on standard error and in the output.
    fn failed(&mut self, name: &str, kind: &'static str, error: &dyn std::fmt::Display) -> io::Result<()> {
        self.totals.errors += 1;
        if let Some(bar) = &self.bar {
            bar.suspend(|| report(name, error));
        } else {
            report(name, error);
        }
        let bytes = self.args.format.failure(At::file(name), ErrorObject::io(kind, error.to_string()))?;
        self.out.item(&bytes)
    }
}

/// The `snake_case` name a diagnostic kind has in the JSON.
fn kind_name(kind: wirecopy::DiagnosticKind) -> String {
    serde_json::to_string(&kind).map_or_else(|_| "unknown".into(), |s| s.trim_matches('"').to_owned())
}

pub fn run(args: &BatchArgs) -> io::Result<Tally> {
    let inputs = inputs::collect(&args.input);
    let total: u64 = inputs
        .iter()
        .filter_map(|i| match i {
            Input::Read { source: Source::File(p), .. } => p.metadata().ok().map(|m| m.len()),
            _ => None,
        })
        .sum();
    let stdin = inputs.iter().any(|i| matches!(i, Input::Read { source: Source::Stdin, .. }));
    let bar = (!args.quiet && io::stderr().is_terminal()).then(|| {
        let bar = if stdin { ProgressBar::new_spinner() } else { ProgressBar::new(total) };
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {bytes_per_sec} {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    });
    let stdout = io::stdout();
    let out = Out::new(BufWriter::with_capacity(1 << 20, stdout.lock()), args.format)?;
    let mut run = Run { out, args, totals: Totals::default(), bar };
    let mut tally = Tally::default();
    let started = Instant::now();
    let result = (|| {
        for input in &inputs {
            tally.inputs += 1;
            let ok = match input {
                Input::Failed { name, error } => run.failed(name, "io", error).map(|()| false)?,
                Input::Read { name, source: Source::Stdin } => {
                    let opts = args.flags.options(&Source::Stdin);
                    run.input(name, &opts, io::stdin().lock())?
                }
                Input::Read { name, source } => {
                    let Source::File(path) = source else { continue };
                    match File::open(path) {
                        Ok(f) => run.input(name, &args.flags.options(source), BufReader::with_capacity(1 << 16, f))?,
                        Err(e) => run.failed(name, "io", &e).map(|()| false)?,
                    }
                }
            };
            if !ok {
                tally.failed += 1;
            }
        }
        Ok::<_, io::Error>(())
    })();
    if let Some(bar) = &run.bar {
        bar.finish_and_clear();
    }
    result?;
    let Run { out, totals: t, .. } = run;
    out.finish()?;

    let secs = started.elapsed().as_secs_f64();
    let mut err = io::stderr().lock();
    let _ = writeln!(
        err,
        "wirecopy: {} inputs, {} articles, {} errors, {:.1} MB in {:.2} s: {:.1} MB/s",
        tally.inputs,
        t.articles,
        t.errors,
        t.bytes as f64 / 1e6,
        secs,
        t.bytes as f64 / 1e6 / secs.max(1e-9)
    );
    if t.messages > 0 {
        let _ = writeln!(
            err,
            "wirecopy: envelopes: {} messages, {} bytes of noise between them skipped",
            t.messages, t.noise
        );
    }
    if !t.diagnostics.is_empty() {
        let mut by_count: Vec<_> = t.diagnostics.iter().collect();
        by_count.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let list: Vec<String> = by_count.iter().map(|(k, n)| format!("{k} {n}")).collect();
        let _ = writeln!(err, "wirecopy: diagnostics: {}", list.join(", "));
    }
    Ok(tally)
}
