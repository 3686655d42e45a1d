//! Output formats: each record is serialised on its own (straight from
//! the record structs, never through a JSON tree), then written in order.

use std::io::{self, Write};

use clap::ValueEnum;
use serde::Serialize;
use wirecopy::envelope::Summary;
use wirecopy::{Article, Location, RecordView, Span};

/// What to print.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON array of records, pretty-printed.
    Json,
    /// One JSON record a line.
    Ndjson,
    /// One CSV row a quotation, with a header row.
    Csv,
}

/// The CSV columns, in order.
pub const CSV_COLUMNS: [&str; 11] = [
    "file",
    "story",
    "location",
    "paragraph",
    "quotation",
    "speaker",
    "mention",
    "cue",
    "speaker_kind",
    "rule",
    "confidence",
];

/// Where a record comes from.
#[derive(Clone, Copy, Debug)]
pub struct At<'a> {
    /// The file's printable name (`-` for standard input).
    pub file: &'a str,
    /// The story's index in the file (batch only).
    pub story: Option<u64>,
    /// The story's first byte in the file (batch, and envelope messages).
    pub offset: Option<u64>,
    /// The envelope of a message of an envelope stream.
    pub envelope: Option<Summary<'a>>,
}

impl<'a> At<'a> {
    /// A whole file.
    pub const fn file(file: &'a str) -> Self {
        Self { file, story: None, offset: None, envelope: None }
    }
}

/// A record with where it comes from.
#[derive(Serialize)]
struct Filed<'a> {
    file: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    story: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    offset: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    envelope: Option<Summary<'a>>,
    #[serde(flatten)]
    record: RecordView<'a, 'a>,
}

/// An input that failed, with where it comes from.
#[derive(Serialize)]
struct Failed<'a> {
    file: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    story: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    offset: Option<u64>,
    error: ErrorObject<'a>,
}

/// Why an input failed.
#[derive(Serialize)]
pub struct ErrorObject<'a> {
    /// `io`, `binary`, `empty`, `not_utf8` or `too_large`.
    pub kind: &'a str,
    /// The message, one line.
    pub message: String,
    /// Where, for parse errors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Where, for parse errors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// Where, for parse errors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

impl ErrorObject<'static> {
    /// The object for a parse error.
    pub fn parse(e: &wirecopy::Error) -> Self {
        let (line, column) = e.line_col();
        let kind = match e.kind() {
            wirecopy::ErrorKind::Empty => "empty",
            wirecopy::ErrorKind::NotUtf8 { .. } => "not_utf8",
            wirecopy::ErrorKind::TooLarge { .. } => "too_large",
            wirecopy::ErrorKind::Undecodable { .. } => "undecodable",
            wirecopy::ErrorKind::NotText { .. } => "not_text",
            _ => "parse",
        };
        Self { kind, message: e.kind().to_string(), line: Some(line), column: Some(column), span: Some(e.span()) }
    }

    /// The object for an input that could not be read.
    pub fn io(kind: &'static str, message: String) -> Self {
        Self { kind, message, line: None, column: None, span: None }
    }
}

/// One CSV row: a quotation.
#[derive(Serialize)]
struct Row<'a> {
    file: &'a str,
    story: u64,
    location: Location,
    paragraph: Option<usize>,
    quotation: &'a str,
    speaker: Option<&'a str>,
    mention: Option<&'a str>,
    cue: Option<&'a str>,
    speaker_kind: Option<wirecopy::MentionKind>,
    rule: Option<wirecopy::AttributionRule>,
    confidence: Option<wirecopy::Confidence>,
}

fn csv_error(e: csv::Error) -> io::Error {
    io::Error::other(e)
}

impl Format {
    /// The bytes of one parsed article (for CSV, one row per quotation).
    pub fn article(self, at: At<'_>, article: &Article<'_>) -> io::Result<Vec<u8>> {
        match self {
            Format::Json | Format::Ndjson => {
                let filed = Filed {
                    file: at.file,
                    story: at.story,
                    offset: at.offset,
                    envelope: at.envelope,
                    record: RecordView(article),
                };
                self.json(&filed)
            }
            Format::Csv => {
                let mut w = csv::WriterBuilder::new().has_headers(false).from_writer(Vec::new());
                for q in &article.quotations {
                    let speaker = q.speaker.as_ref();
                    w.serialize(Row {
                        file: at.file,
                        story: at.story.unwrap_or(0),
                        location: q.location,
                        paragraph: q.paragraph,
                        quotation: &q.text,
                        speaker: q.speaker_name(),
                        mention: speaker.and_then(|s| s.mention.as_ref()).map(|m| m.as_str()),
                        cue: q.cue_text(),
                        speaker_kind: speaker.map(|s| s.kind),
                        rule: q.attribution.map(|a| a.rule),
                        confidence: q.attribution.map(|a| a.confidence),
                    })
                    .map_err(csv_error)?;
                }
                w.into_inner().map_err(|e| io::Error::other(e.to_string()))
            }
        }
    }

    /// The bytes of a failed input: a JSON object, nothing in CSV (the
    /// error goes to standard error only).
    pub fn failure(self, at: At<'_>, error: ErrorObject<'_>) -> io::Result<Vec<u8>> {
        match self {
            Format::Json | Format::Ndjson => {
                self.json(&Failed { file: at.file, story: at.story, offset: at.offset, error })
            }
            Format::Csv => Ok(Vec::new()),
        }
    }

    fn json(self, value: &impl Serialize) -> io::Result<Vec<u8>> {
        let mut bytes = Vec::with_capacity(1024);
        if self == Format::Json {
            serde_json::to_writer_pretty(&mut bytes, value)?;
        } else {
            serde_json::to_writer(&mut bytes, value)?;
            bytes.push(b'\n');
        }
        Ok(bytes)
    }
}

/// Writes encoded records in order: the CSV header first, JSON array
/// brackets and commas around them.
pub struct Out<W: Write> {
    w: W,
    format: Format,
    items: u64,
}

impl<W: Write> Out<W> {
    /// Starts the output (the CSV header).
    pub fn new(mut w: W, format: Format) -> io::Result<Self> {
        if format == Format::Csv {
            let mut header = csv::Writer::from_writer(Vec::new());
            header.write_record(CSV_COLUMNS).map_err(csv_error)?;
            w.write_all(&header.into_inner().map_err(|e| io::Error::other(e.to_string()))?)?;
        }
        Ok(Self { w, format, items: 0 })
    }

    /// Writes one encoded item (empty items write nothing).
    pub fn item(&mut self, bytes: &[u8]) -> io::Result<()> {
        if bytes.is_empty() {
            return Ok(());
        }
        if self.format == Format::Json {
            self.w.write_all(if self.items == 0 { b"[\n" } else { b",\n" })?;
        }
        self.items += 1;
        self.w.write_all(bytes)
    }

    /// Writes what is buffered, so that a reader sees every record so far.
    pub fn flush(&mut self) -> io::Result<()> {
        self.w.flush()
    }

    /// Ends the output (the JSON array's closing bracket) and flushes.
    pub fn finish(mut self) -> io::Result<()> {
        if self.format == Format::Json {
            self.w.write_all(if self.items == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        self.w.flush()
    }
}
