//! The inputs of a run: standard input, files, and the files below
//! directories (walked by `wirecopy::walk`).

use std::io;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use wirecopy::NaiveDate;
use wirecopy::walk::{Found, Skip, Walk, display_path};

use crate::InputArgs;

/// Where an input's bytes come from.
#[derive(Debug)]
pub enum Source {
    /// Standard input.
    Stdin,
    /// A file (or whatever the user named: a link, a pipe).
    File(PathBuf),
}

/// One input of the run.
#[derive(Debug)]
pub enum Input {
    /// An input to read, with its printable name.
    Read { name: String, source: Source },
    /// A path that could not be walked: missing, unreadable directory.
    Failed { name: String, error: io::Error },
}

/// Every input named by `args`, in order; directories expanded in name
/// order. Entries passed over are noted on standard error (links and
/// special files one by one, filtered files as a count).
pub fn collect(args: &InputArgs) -> Vec<Input> {
    let walk =
        if args.all_files { Walk::new().extensions::<_, &str>([]) } else { Walk::new().extensions(&args.extensions) }
            .hidden(args.hidden);
    let mut inputs = Vec::new();
    let mut filtered = 0u64;
    let stdin = [PathBuf::from("-")];
    let paths = if args.paths.is_empty() { &stdin[..] } else { &args.paths[..] };
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Read { name: "-".to_owned(), source: Source::Stdin });
            continue;
        }
        for found in walk.paths(path) {
            match found {
                Found::File(p) => inputs.push(Input::Read { name: display_path(&p), source: Source::File(p) }),
                Found::Skipped(_, Skip::Filtered) => filtered += 1,
                Found::Skipped(p, why) => eprintln!("wirecopy: note: {}: skipped: {why}", display_path(&p)),
                Found::Error(p, error) => {
                    let p = if p.as_os_str().is_empty() { path } else { &p };
                    inputs.push(Input::Failed { name: display_path(p), error });
                }
                _ => {}
            }
        }
    }
    if filtered > 0 {
        let ext =
            if args.extensions.is_empty() { String::new() } else { format!(" (--ext {})", args.extensions.join(",")) };
        let s = if filtered == 1 { "" } else { "s" };
        eprintln!("wirecopy: note: {filtered} file{s} below directories skipped: extension not in the filter{ext}");
    }
    inputs
}

/// The day (UTC) a file was last modified.
pub fn mtime_date(path: &Path) -> Option<NaiveDate> {
    let modified = std::fs::metadata(path).ok()?.modified().ok()?;
    let secs = i64::try_from(modified.duration_since(UNIX_EPOCH).ok()?.as_secs()).ok()?;
    chrono::DateTime::from_timestamp(secs, 0).map(|t| t.date_naive())
}
