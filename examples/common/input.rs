//! The input of the single-article examples: a file named on the command
//! line, `-` for standard input, or the bundled TASS sample.
//!
//! Bytes are decoded by the crate's policy (`wirecopy::decode`): UTF-8 as
//! is, else Latin-1 or lossy UTF-8, each guess shown on standard error.

use std::io::{self, Read};

/// The bundled sample: the seed TASS article.
pub const SAMPLE: &str = include_str!("../data/seed-tass.txt");

/// The text of the first argument's file, standard input for `-`, or the sample.
pub fn article_text() -> io::Result<String> {
    let (name, bytes) = match std::env::args().nth(1) {
        None => return Ok(SAMPLE.to_owned()),
        Some(p) if p == "-" => {
            let mut b = Vec::new();
            io::stdin().read_to_end(&mut b)?;
            (p, b)
        }
        Some(p) => {
            let b = std::fs::read(&p)?;
            (p, b)
        }
    };
    let decoded = wirecopy::decode(&bytes);
    for d in &decoded.diagnostics {
        eprintln!("{name}: {d}");
    }
    Ok(decoded.text.into_owned())
}
