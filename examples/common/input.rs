//! The input side shared by the examples: one encoding policy, the
//! crate's (`wirecopy::DecodeOptions`), with two flags.
//!
//! - `--charset NAME` gives the charset of every input (`utf-8`,
//!   `latin-1`, `windows-1251`, any WHATWG label): it wins over a BOM and
//!   over detection. Without it the charset comes from a BOM, or is
//!   detected (ASCII, UTF-8, else the `chardetng` guess, reported).
//! - `--lossy` replaces bytes the charset cannot decode by U+FFFD, each
//!   reported as a `lossy_replacement` diagnostic with its bytes' span;
//!   without it (the default) such bytes are an error with their offset.
//!
//! Data that is not text (control bytes, see `wirecopy::ErrorKind::NotText`)
//! is an error either way. Spans of what is parsed from decoded input count
//! bytes of the input.
#![allow(dead_code)]

use std::io::{self, Read};

use wirecopy::{Charset, DecodeOptions};

/// The bundled sample: the seed TASS article.
pub const SAMPLE: &str = include_str!("../data/seed-tass.txt");

/// The usage line of the decoding flags.
pub const USAGE: &str = "[--charset NAME] [--lossy]";

/// The command line: the decoding options and the other arguments.
pub struct Args {
    /// How to decode every input.
    pub decode: DecodeOptions,
    /// Whether `--lossy` was given.
    pub lossy: bool,
    /// The other arguments, in order.
    pub rest: Vec<String>,
}

/// Takes `--charset NAME` (or `--charset=NAME`) and `--lossy` out of
/// `args`; an unknown charset is an error.
pub fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Args, String> {
    let mut out = Args { decode: DecodeOptions::new(), lossy: false, rest: Vec::new() };
    let mut args = args.into_iter();
    while let Some(a) = args.next() {
        let name = match a.as_str() {
            "--lossy" => {
                out.lossy = true;
                out.decode = out.decode.lossy(true);
                continue;
            }
            "--charset" => args.next().ok_or("--charset needs a NAME")?,
            _ => match a.strip_prefix("--charset=") {
                Some(n) => n.to_owned(),
                None => {
                    out.rest.push(a);
                    continue;
                }
            },
        };
        let charset = Charset::for_label(&name).ok_or_else(|| format!("unknown charset {name:?}"))?;
        out.decode = out.decode.charset(charset);
    }
    Ok(out)
}

/// The process's arguments, as [`parse_args`]; exits with status 2 on a
/// bad flag.
pub fn args() -> Args {
    parse_args(std::env::args().skip(1)).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(2);
    })
}

/// The bytes of `path`, standard input for `-`.
pub fn read(path: &str) -> io::Result<Vec<u8>> {
    if path == "-" {
        let mut b = Vec::new();
        io::stdin().read_to_end(&mut b)?;
        Ok(b)
    } else {
        std::fs::read(path)
    }
}

/// The input of the single-article examples: the first argument's file,
/// standard input for `-`, or the bundled sample; its name and bytes.
pub fn article_input(args: &Args) -> io::Result<(String, Vec<u8>)> {
    match args.rest.first() {
        None => Ok(("sample".into(), SAMPLE.as_bytes().to_vec())),
        Some(p) => Ok((p.clone(), read(p)?)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_are_taken_out() {
        let a = parse_args(["--lossy", "a.txt", "--charset", "iso-8859-1", "-"].map(String::from)).unwrap();
        assert_eq!(a.rest, ["a.txt", "-"]);
        assert_eq!(a.decode, DecodeOptions::new().lossy(true).charset(Charset::Latin1));
        assert!(parse_args(["--charset=klingon".to_owned()]).is_err());
    }
}
