//! Writes one hostile input of `tests/common/hostile_inputs.rs` to standard
//! output, to measure it outside the test suite: peak memory of the `parse`
//! example, a profiler, callgrind.
//!
//! ```text
//! cargo run --release --example hostile                       # the families
//! cargo run --release --example hostile -- "a and blank lines" 10000000 > a.txt
//! /usr/bin/time -v target/release/examples/parse a.txt > /dev/null
//! ```

use std::io::Write;
use std::process::ExitCode;

#[path = "../tests/common/hostile_inputs.rs"]
mod hostile;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let families = hostile::inputs();
    let [name, size] = args.as_slice() else {
        eprintln!("usage: hostile FAMILY BYTES; the families:");
        for (name, _) in &families {
            eprintln!("  {name}");
        }
        return ExitCode::from(2);
    };
    let Some((_, make)) = families.iter().find(|(n, _)| n == name) else {
        eprintln!("hostile: no family {name:?} (run without arguments for the list)");
        return ExitCode::from(2);
    };
    let Ok(size) = size.replace('_', "").parse::<usize>() else {
        eprintln!("hostile: {size:?} is not a size in bytes");
        return ExitCode::from(2);
    };
    match std::io::stdout().lock().write_all(make(size).as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("hostile: {e}");
            ExitCode::FAILURE
        }
    }
}
