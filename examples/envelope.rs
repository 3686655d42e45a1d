//! Read ANPA-1312 and IPTC 7901 envelope streams and print one JSON object
//! per message.
//!
//! ```text
//! cargo run --example envelope -- a.tst b.iptc   # files, in order
//! cat a.tst | cargo run --example envelope -- -  # `-` (or no argument) reads standard input
//! ```
//!
//! Each object holds `file`, `format`, `header` (the fields as transmitted),
//! `headline`, `body` (the text handed to the article parser), `trailer`,
//! and `article` (the parsed record) beside the typed envelope. Noise
//! between messages is reported on standard error.
//!
//! Each message's charset is detected from its bytes (`wirecopy::Charset::detect`)
//! unless `--charset NAME` gives it (`examples/common/input.rs`, the policy
//! of every example). Bytes the charset cannot decode make the message's
//! `article` an `undecodable` error (with the first one's span in the file)
//! unless `--lossy` is given; `replaced` lists their spans in the file. The
//! article's spans count bytes of the file, as `span` (the message's) does.

use std::io::{self, BufWriter, Read, Write};

use serde_json::{Value, json};
use wirecopy::envelope::{self, Envelope, Header, Item, ReadOptions};
use wirecopy::{ParseOptions, Record};

#[path = "common/input.rs"]
mod input;

fn header_json(h: &Header) -> Value {
    match h {
        Header::Anpa(a) => json!(a.raw),
        Header::Iptc7901(i) => json!(i.raw),
        Header::Unknown(t) => json!({ "raw": t }),
        _ => Value::Null,
    }
}

fn message_json(file: &str, m: &Envelope, lossy: bool) -> Value {
    let parsed = m.article(&ParseOptions::new());
    let article = match &parsed {
        // Strict: replaced bytes make the message an error.
        _ if !m.replaced.is_empty() && !lossy => json!({"error": {
            "kind": "undecodable",
            "message": format!("{} byte sequences that {} cannot decode, the first at byte {} (--lossy replaces them)",
                m.replacements, m.charset, m.replaced[0].start),
            "span": m.replaced[0],
        }}),
        Ok(p) => json!(Record::from(&p.article)),
        Err(e) => json!({"error": {"kind": e.kind(), "message": e.kind().to_string()}}),
    };
    json!({
        "file": file,
        "format": m.format(),
        "header": header_json(&m.header),
        "headline": m.heading.headline,
        "body": m.body.text(),
        "trailer": m.trailer.as_ref().map(|t| t.text()),
        "complete": m.complete,
        "charset": m.charset,
        "replacements": m.replacements,
        "replaced": m.replaced,
        "span": m.span,
        "heading": m.heading,
        "notepad": m.body.notepad,
        "initials": m.body.initials,
        "trailer_time": m.trailer.as_ref().and_then(|t| t.date_time.map(|d| d.to_rfc3339()).or(t.local.map(|l| l.to_string()))),
        "typed_header": m.header,
        "reference": parsed.as_ref().ok().and_then(|p| p.reference),
        "article": article,
    })
}

fn main() -> io::Result<()> {
    let args = input::args();
    let mut read_options = ReadOptions::new();
    if let Some(c) = args.decode.charset {
        read_options = read_options.charset(c);
    }
    let mut paths = args.rest.clone();
    if paths.is_empty() {
        paths.push("-".into());
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = false;
    for path in &paths {
        let reader: Box<dyn Read> = if path == "-" {
            Box::new(io::stdin().lock())
        } else {
            match std::fs::File::open(path) {
                Ok(f) => Box::new(f),
                Err(e) => {
                    eprintln!("{path}: {e}");
                    failed = true;
                    continue;
                }
            }
        };
        for item in envelope::read(reader, read_options) {
            match item {
                Ok(Item::Message(m)) => {
                    serde_json::to_writer(&mut out, &message_json(path, &m, args.lossy))?;
                    writeln!(out)?;
                }
                Ok(Item::Noise(n)) => {
                    eprintln!("{path}: {} bytes of noise at {}..{}", n.bytes.len(), n.span.start, n.span.end)
                }
                Ok(_) => {}
                Err(e) => {
                    eprintln!("{path}: {e}");
                    failed = true;
                    break;
                }
            }
        }
    }
    out.flush()?;
    if failed {
        std::process::exit(1);
    }
    Ok(())
}
