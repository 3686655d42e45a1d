//! Render an article as one self-contained HTML page, every quotation
//! highlighted and labelled with its speaker and cue.
//!
//! ```text
//! cargo run --example highlight > seed.html            # the bundled sample
//! cargo run --example highlight -- a.txt > a.html      # a file (`-` reads stdin)
//! ```

#[path = "common/input.rs"]
mod input;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let text = input::article_text()?;
    let article = wirecopy::parse(&text)?;
    print!("{}", wirecopy::html::page(&article, &text));
    Ok(())
}
