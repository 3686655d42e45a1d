//! Render an article as one self-contained HTML page, every quotation
//! highlighted and labelled with its speaker and cue.
//!
//! ```text
//! cargo run --example highlight > seed.html            # the bundled sample
//! cargo run --example highlight -- a.txt > a.html      # a file (`-` reads stdin)
//! cargo run --example highlight -- --lossy a.txt > a.html
//! ```
//!
//! Bytes are decoded by the crate's policy (`examples/common/input.rs`:
//! `--charset NAME`, `--lossy`). The page is the decoded text, so this
//! example parses with spans in that text (`Decoded::parse_text`).

#[path = "common/input.rs"]
mod input;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = input::args();
    let (name, bytes) = input::article_input(&args)?;
    let decoded = args.decode.decode(&bytes).map_err(|e| format!("{name}: {e}"))?;
    for d in &decoded.diagnostics {
        eprintln!("{name}: {d}");
    }
    let article = decoded.parse_text(&wirecopy::ParseOptions::new())?;
    print!("{}", wirecopy::html::page(&article, &decoded.text));
    Ok(())
}
