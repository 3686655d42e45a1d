//! Print every quotation of an article as a table: speaker | cue | rule | quote,
//! the rule being the one that attributed it, with its confidence.
//!
//! ```text
//! cargo run --example quotes                          # the bundled TASS sample
//! cargo run --example quotes -- a.txt                 # a file (`-` reads standard input)
//! cargo run --example quotes -- --charset latin-1 a.txt
//! ```
//!
//! Bytes are decoded by the crate's policy (`examples/common/input.rs`:
//! `--charset NAME`, `--lossy`); what decoding guessed or replaced is
//! shown on standard error, with spans in the file's bytes.

#[path = "common/input.rs"]
mod input;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = input::args();
    let (name, bytes) = input::article_input(&args)?;
    let decoded = args.decode.decode(&bytes).map_err(|e| format!("{name}: {e}"))?;
    let article = decoded.parse(&wirecopy::ParseOptions::new())?;
    for d in article.diagnostics.iter().filter(|d| decoded.diagnostics.contains(d)) {
        eprintln!("{name}: {d}");
    }
    let rows: Vec<[String; 4]> = article
        .quotations
        .iter()
        .map(|q| {
            let speaker = q.speaker.as_ref().and_then(|s| s.name.as_deref()).unwrap_or("?").to_owned();
            let cue = q.cue.as_ref().map_or("-", |c| c.as_str()).to_owned();
            let rule = q.attribution.map_or("-".to_owned(), |a| format!("{} ({})", a.rule, a.confidence));
            [speaker, cue, rule, q.text.to_string()]
        })
        .collect();
    let w0 = rows.iter().map(|r| r[0].chars().count()).max().unwrap_or(0).max("speaker".len()).min(32);
    let w1 = rows.iter().map(|r| r[1].chars().count()).max().unwrap_or(0).max("cue".len()).min(16);
    let w2 = rows.iter().map(|r| r[2].len()).max().unwrap_or(0).max("rule".len());
    println!("{:<w0$} | {:<w1$} | {:<w2$} | quote", "speaker", "cue", "rule");
    println!("{}-+-{}-+-{}-+-{}", "-".repeat(w0), "-".repeat(w1), "-".repeat(w2), "-".repeat(40));
    for [speaker, cue, rule, quote] in &rows {
        let quote: String = if quote.chars().count() > 100 {
            quote.chars().take(99).chain(std::iter::once('…')).collect()
        } else {
            quote.clone()
        };
        println!("{:<w0$} | {:<w1$} | {rule:<w2$} | {quote}", clip(speaker, w0), clip(cue, w1));
    }
    Ok(())
}

fn clip(s: &str, w: usize) -> String {
    if s.chars().count() <= w { s.to_owned() } else { s.chars().take(w - 1).chain(std::iter::once('…')).collect() }
}
