//! Render an article as one self-contained HTML page, every quotation
//! highlighted and labelled with its speaker and cue.
//!
//! ```text
//! cargo run --example highlight > seed.html            # the bundled sample
//! cargo run --example highlight -- a.txt > a.html      # a file (`-` reads stdin)
//! ```

use std::io::{self, Read};

const SAMPLE: &str = include_str!("data/seed-tass.txt");

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let text = match std::env::args().nth(1) {
        None => SAMPLE.to_owned(),
        Some(p) if p == "-" => {
            let mut s = String::new();
            io::stdin().read_to_string(&mut s)?;
            s
        }
        Some(p) => std::fs::read_to_string(p)?,
    };
    let article = wirecopy::parse(&text)?;
    print!("{}", wirecopy::html::page(&article, &text));
    Ok(())
}
