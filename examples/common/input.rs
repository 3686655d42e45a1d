//! The input of the single-article examples: a file named on the command
//! line, `-` for standard input, or the bundled TASS sample.

use std::io::{self, Read};

/// The bundled sample: the seed TASS article.
pub const SAMPLE: &str = include_str!("../data/seed-tass.txt");

/// The text of the first argument's file, standard input for `-`, or the sample.
pub fn article_text() -> io::Result<String> {
    match std::env::args().nth(1) {
        None => Ok(SAMPLE.to_owned()),
        Some(p) if p == "-" => {
            let mut s = String::new();
            io::stdin().read_to_string(&mut s)?;
            Ok(s)
        }
        Some(p) => std::fs::read_to_string(p),
    }
}
