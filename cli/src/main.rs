//! `wirecopy`: parse news-agency wire copy from the command line.
//!
//! Exit status: 0 when every input was read and parsed, 1 when any input
//! failed (each failure on standard error with the file's name, then a
//! one-line summary), 2 for a usage error.

mod batch;
mod inputs;
mod output;

use std::io::{self, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use wirecopy::{NaiveDate, ParseOptions};

use crate::inputs::{Input, Source};
use crate::output::{At, ErrorObject, Format, Out};

/// Parse news-agency wire copy into data: headline, dateline, paragraphs,
/// quotations and who said them.
#[derive(Parser, Debug)]
#[command(name = "wirecopy", version, propagate_version = true)]
#[command(after_help = "Exit status: 0 when every input parsed, 1 when any input failed, 2 for a usage error.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Parse each file as one article (an ANPA/IPTC envelope stream as one per
    /// message): JSON, NDJSON, or CSV (one row per quotation).
    Parse(ParseArgs),
    /// Print a table of each article's quotations: speaker, cue, quote.
    Quotes(QuotesArgs),
    /// Render one article as a self-contained HTML page, quotations highlighted.
    Html(HtmlArgs),
    /// Split archives into stories at end marks (an ANPA/IPTC envelope stream
    /// into its messages) and parse them on all cores.
    Batch(batch::BatchArgs),
}

/// Where the input comes from.
#[derive(Args, Debug, Clone)]
struct InputArgs {
    /// Files and directories to read; `-` or none reads standard input.
    /// A directory is read whole, in name order: every file whose extension
    /// passes --ext, hidden entries and symbolic links passed over.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Extensions of the files read below a directory, comma-separated.
    #[arg(long = "ext", value_name = "EXT", value_delimiter = ',', default_value = "txt")]
    extensions: Vec<String>,
    /// Read every regular file below a directory, whatever its extension.
    #[arg(long)]
    all_files: bool,
    /// Read hidden files and directories too.
    #[arg(long)]
    hidden: bool,
}

/// How to parse.
#[derive(Args, Debug, Clone)]
struct ParseFlags {
    /// Resolve dateline dates that print no year against this date: the
    /// latest such date not after it. A year printed in the copy wins, and
    /// so does the trailer's date of an envelope message.
    #[arg(long, value_name = "YYYY-MM-DD")]
    reference_date: Option<NaiveDate>,
    /// Without --reference-date, resolve such dates against each file's
    /// modification date (not for standard input). A printed year wins, and
    /// so does the trailer's date of an envelope message.
    #[arg(long)]
    year_from_mtime: bool,
    /// Do not look for quotations (faster).
    #[arg(long)]
    no_quotations: bool,
    /// The charset of the input (a WHATWG label: utf-8, latin-1,
    /// iso-8859-1, windows-1251, shift_jis, ...): wins over a BOM and over
    /// detection.
    #[arg(long, value_name = "NAME", value_parser = parse_charset)]
    charset: Option<wirecopy::Charset>,
    /// Replace bytes the charset cannot decode by U+FFFD, each reported as
    /// a `lossy_replacement` diagnostic, instead of failing on them.
    #[arg(long)]
    lossy: bool,
}

/// A `--charset` value.
fn parse_charset(s: &str) -> Result<wirecopy::Charset, String> {
    wirecopy::Charset::for_label(s).ok_or_else(|| format!("unknown charset {s:?}"))
}

impl ParseFlags {
    /// How to decode inputs: the crate's policy, with --charset and --lossy.
    fn decode(&self) -> wirecopy::DecodeOptions {
        let d = wirecopy::DecodeOptions::new().lossy(self.lossy);
        self.charset.map_or(d, |c| d.charset(c))
    }

    /// The options for one input: a printed year wins (the parser sees to
    /// that), then an envelope trailer's date (`Story::parse` sees to that),
    /// then --reference-date, then the file's modification date.
    fn options(&self, source: &Source) -> ParseOptions {
        let opts = ParseOptions::new().quotations(!self.no_quotations);
        let date = self.reference_date.or_else(|| match source {
            Source::File(path) if self.year_from_mtime => inputs::mtime_date(path),
            _ => None,
        });
        match date {
            Some(d) => opts.reference_date(d),
            None => opts,
        }
    }
}

#[derive(Args, Debug)]
struct ParseArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    flags: ParseFlags,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Json)]
    format: Format,
}

#[derive(Args, Debug)]
struct QuotesArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    flags: ParseFlags,
    /// Widest speaker column, in characters.
    #[arg(long, default_value_t = 32)]
    speaker_width: usize,
    /// Longest quote shown, in characters (longer ones are cut with "…"); 0 shows all.
    #[arg(long, default_value_t = 100)]
    quote_width: usize,
}

#[derive(Args, Debug)]
struct HtmlArgs {
    /// The article to render; `-` or none reads standard input.
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,
    #[command(flatten)]
    flags: ParseFlags,
}

/// How a run went: inputs seen and failed.
#[derive(Debug, Default)]
pub struct Tally {
    /// Inputs read (files, standard input).
    pub inputs: u64,
    /// Inputs that could not be read or parsed.
    pub failed: u64,
}

impl Tally {
    /// Prints the summary line when anything failed, and the exit status.
    fn finish(&self) -> ExitCode {
        if self.failed == 0 {
            return ExitCode::SUCCESS;
        }
        let s = if self.inputs == 1 { "" } else { "s" };
        eprintln!("wirecopy: {} of {} input{s} failed", self.failed, self.inputs);
        ExitCode::FAILURE
    }
}

/// Prints a failure on standard error: the file's name, then the
/// library's message (with line, column and caret for parse errors).
pub fn report(name: &str, message: &dyn std::fmt::Display) {
    eprintln!("wirecopy: {name}: {message}");
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Parse(args) => parse(&args),
        Command::Quotes(args) => quotes(&args),
        Command::Html(args) => html(&args),
        Command::Batch(args) => batch::run(&args),
    };
    match result {
        Ok(tally) => tally.finish(),
        // A reader that went away (`| head`) is not a failure.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("wirecopy: writing the output: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The bytes of one whole input.
fn read_all(source: &Source) -> io::Result<Vec<u8>> {
    match source {
        Source::Stdin => {
            let mut bytes = Vec::new();
            io::stdin().lock().read_to_end(&mut bytes)?;
            Ok(bytes)
        }
        Source::File(path) => std::fs::read(path),
    }
}

/// Bytes looked at for a NUL, the mark of a binary file.
pub const SNIFF: usize = 8 << 10;

/// Reads every input whole and hands each article (or failure) to `each`,
/// with where it comes from. Failures are reported on standard error and
/// counted.
///
/// An input is decoded by the library's policy (`wirecopy::DecodeOptions`:
/// the --charset given, a BOM, or the charset detected; strict unless
/// --lossy; binary data an error); a NUL in its first 8 KiB makes it a
/// binary file, an error. Spans count bytes of the input, except with
/// `text_spans` (for rendering with the decoded text). An envelope stream (SOH, header,
/// STX) gives one article per message, parsed with its trailer's date.
fn for_each_article(
    input: &InputArgs,
    flags: &ParseFlags,
    text_spans: bool,
    mut each: impl FnMut(At<'_>, Result<(&wirecopy::Article<'_>, &str), ErrorObject<'_>>) -> io::Result<()>,
) -> io::Result<Tally> {
    let mut tally = Tally::default();
    for item in inputs::collect(input) {
        tally.inputs += 1;
        match item {
            Input::Failed { name, error } => {
                report(&name, &error);
                tally.failed += 1;
                each(At::file(&name), Err(ErrorObject::io("io", error.to_string())))?;
            }
            Input::Read { name, source } => match read_all(&source) {
                Err(e) => {
                    report(&name, &e);
                    tally.failed += 1;
                    each(At::file(&name), Err(ErrorObject::io("io", e.to_string())))?;
                }
                Ok(bytes) if wirecopy::envelope::is_stream(&bytes) => {
                    if !messages(&name, &bytes, &flags.options(&source), flags.decode(), &mut each)? {
                        tally.failed += 1;
                    }
                }
                Ok(bytes) => {
                    if let Some(at) = bytes.iter().take(SNIFF).position(|&b| b == 0) {
                        let message = format!("binary file: a NUL byte at byte {at}");
                        report(&name, &message);
                        tally.failed += 1;
                        each(At::file(&name), Err(ErrorObject::io("binary", message)))?;
                        continue;
                    }
                    let decoded = match flags.decode().decode(&bytes) {
                        Ok(d) => d,
                        Err(e) => {
                            report(&name, &e);
                            tally.failed += 1;
                            each(At::file(&name), Err(ErrorObject::parse(&e)))?;
                            continue;
                        }
                    };
                    let opts = flags.options(&source);
                    let parsed = if text_spans { decoded.parse_text(&opts) } else { decoded.parse(&opts) };
                    match parsed {
                        Ok(article) => each(At::file(&name), Ok((&article, &decoded.text)))?,
                        Err(e) => {
                            report(&name, &e);
                            tally.failed += 1;
                            each(At::file(&name), Err(ErrorObject::parse(&e)))?;
                        }
                    }
                }
            },
        }
    }
    Ok(tally)
}

/// The messages of an envelope stream, each parsed with its trailer's date
/// as reference date (it wins over `opts`'s), handed to `each`. False when
/// a message failed to parse.
fn messages(
    name: &str,
    bytes: &[u8],
    opts: &ParseOptions,
    decode: wirecopy::DecodeOptions,
    each: &mut impl FnMut(At<'_>, Result<(&wirecopy::Article<'_>, &str), ErrorObject<'_>>) -> io::Result<()>,
) -> io::Result<bool> {
    let mut ok = true;
    for chunk in wirecopy::stream::stories(bytes).decode_options(decode).chunks(1 << 20, 64) {
        // Reading from memory cannot fail.
        for story in chunk.unwrap_or_default() {
            let at = At {
                file: name,
                story: Some(story.index),
                offset: Some(story.offset),
                envelope: story.envelope.as_ref().map(|e| e.summary(opts)),
            };
            match story.parse(opts) {
                Ok(article) => each(at, Ok((&article, &story.text)))?,
                Err(e) => {
                    report(&format!("{name}: message {}", story.index), &e);
                    ok = false;
                    each(at, Err(ErrorObject::parse(&e)))?;
                }
            }
        }
    }
    Ok(ok)
}

fn parse(args: &ParseArgs) -> io::Result<Tally> {
    let stdout = io::stdout();
    let mut out = Out::new(BufWriter::new(stdout.lock()), args.format)?;
    let tally = for_each_article(&args.input, &args.flags, false, |at, result| {
        let bytes = match result {
            Ok((article, _)) => args.format.article(at, article)?,
            Err(error) => args.format.failure(at, error)?,
        };
        out.item(&bytes)?;
        // Flushed a file at a time: a later input that hangs or fails
        // loses nothing already parsed.
        out.flush()
    })?;
    out.finish()?;
    Ok(tally)
}

fn quotes(args: &QuotesArgs) -> io::Result<Tally> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let several = args.input.paths.len() > 1 || args.input.paths.iter().any(|p| p.is_dir());
    let tally = for_each_article(&args.input, &args.flags, false, |at, result| {
        let Ok((article, _)) = result else { return Ok(()) };
        match at.story {
            // A message of an envelope stream: always headed.
            Some(i) => writeln!(out, "== {} #{i} ==", at.file)?,
            None if several => writeln!(out, "== {} ==", at.file)?,
            None => {}
        }
        table(&mut out, article, args.speaker_width.max(7), args.quote_width)?;
        if several || at.story.is_some() {
            writeln!(out)?;
        }
        out.flush()
    })?;
    out.flush()?;
    Ok(tally)
}

/// One article's quotations as a table: speaker | cue | quote.
fn table(
    out: &mut impl Write,
    article: &wirecopy::Article<'_>,
    speaker_width: usize,
    quote_width: usize,
) -> io::Result<()> {
    let rows: Vec<[&str; 3]> = article
        .quotations
        .iter()
        .map(|q| [q.speaker_name().unwrap_or("?"), q.cue_text().unwrap_or("-"), &*q.text])
        .collect();
    let w0 = rows.iter().map(|r| r[0].chars().count()).max().unwrap_or(0).clamp("speaker".len(), speaker_width);
    let w1 = rows.iter().map(|r| r[1].chars().count()).max().unwrap_or(0).clamp("cue".len(), 16);
    writeln!(out, "{:<w0$} | {:<w1$} | quote", "speaker", "cue")?;
    writeln!(out, "{}-+-{}-+-{}", "-".repeat(w0), "-".repeat(w1), "-".repeat(40))?;
    for [speaker, cue, quote] in rows {
        let quote = if quote_width == 0 { quote.to_owned() } else { clip(quote, quote_width) };
        writeln!(out, "{:<w0$} | {:<w1$} | {quote}", clip(speaker, w0), clip(cue, w1))?;
    }
    Ok(())
}

/// `s` cut to `w` characters, the last one "…" when cut.
fn clip(s: &str, w: usize) -> String {
    if s.chars().count() <= w { s.to_owned() } else { s.chars().take(w.saturating_sub(1)).chain(['…']).collect() }
}

fn html(args: &HtmlArgs) -> io::Result<Tally> {
    let input = InputArgs {
        paths: args.file.iter().cloned().collect(),
        extensions: Vec::new(),
        all_files: false,
        hidden: false,
    };
    if args.file.as_ref().is_some_and(|p| p.is_dir()) {
        let name = args.file.as_deref().map(wirecopy::walk::display_path).unwrap_or_default();
        report(&name, &"is a directory: html renders one article");
        return Ok(Tally { inputs: 1, failed: 1 });
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut pages = 0;
    let tally = for_each_article(&input, &args.flags, true, |at, result| {
        if let Ok((article, text)) = result {
            pages += 1;
            if pages == 1 {
                out.write_all(wirecopy::html::page(article, text).as_bytes())?;
            } else if pages == 2 {
                report(at.file, &"an envelope stream of several messages: html rendered the first");
            }
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(tally)
}
