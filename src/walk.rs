//! Finding the files to parse below the paths a user names (feature `walk`,
//! on by default, with walkdir).
//!
//! [`Walk::paths`] turns one path into what a batch run must read, in name
//! order, and accounts for everything else it meets:
//!
//! - a path named by the user that is not a directory is read whatever it
//!   is (a file, a link to one, a pipe such as `<(zcat feed.gz)`);
//! - below a directory, each regular file whose extension passes the
//!   filter (default `txt`, any case) is read once;
//! - symbolic links below a directory are not followed, so no link loop
//!   can make the walk endless and no file is read twice through a link:
//!   each is reported as [`Skip::Link`];
//! - FIFOs, sockets and devices below a directory are reported as
//!   [`Skip::Special`] and never opened (opening a FIFO would wait forever);
//! - a directory or entry that cannot be read is reported as
//!   [`Found::Error`] and the walk goes on with the rest;
//! - hidden entries (names starting with `.`) below a directory are passed
//!   over unless [`Walk::hidden`] asks for them.
//!
//! [`display_path`] gives every path a printable name that keeps names
//! which are not UTF-8 apart.
//!
//! ```
//! let dir = std::env::temp_dir().join(format!("wirecopy-walk-doc-{}", std::process::id()));
//! std::fs::create_dir_all(dir.join("sub"))?;
//! std::fs::write(dir.join("a.txt"), "Title\n\nMOSCOW, June 16. /TASS/. Text.")?;
//! std::fs::write(dir.join("sub/b.TXT"), "Other\n\nPARIS (AFP) - More.")?;
//! std::fs::write(dir.join("README.md"), "not an article")?;
//! use wirecopy::walk::{Found, Walk};
//! let mut files = Vec::new();
//! for found in Walk::new().paths(&dir) {
//!     match found {
//!         Found::File(path) => files.push(path),
//!         Found::Error(path, e) => eprintln!("{}: {e}", path.display()),
//!         _ => {} // README.md: extension not in the filter
//!     }
//! }
//! assert_eq!(files, [dir.join("a.txt"), dir.join("sub").join("b.TXT")]);
//! # std::fs::remove_dir_all(&dir)?;
//! # Ok::<(), std::io::Error>(())
//! ```

use std::ffi::OsStr;
use std::fmt::{self, Write};
use std::io;
use std::path::{Path, PathBuf};

/// What the walk found at one path.
#[derive(Debug)]
#[non_exhaustive]
pub enum Found {
    /// A file to read.
    File(PathBuf),
    /// An entry passed over, and why.
    Skipped(PathBuf, Skip),
    /// A path that could not be read (missing, a directory without
    /// permission, ...). The walk goes on after it.
    Error(PathBuf, io::Error),
}

/// Why an entry below a directory was passed over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Skip {
    /// A symbolic link: not followed (no loops, no file read twice).
    Link,
    /// Not a regular file: a FIFO, socket or device.
    Special,
    /// A regular file whose extension is not in the filter.
    Filtered,
}

impl fmt::Display for Skip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Skip::Link => "symbolic link not followed",
            Skip::Special => "not a regular file (FIFO, socket or device)",
            Skip::Filtered => "extension not in the filter",
        })
    }
}

/// How to walk: which files to read below a directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Walk {
    /// Extensions to read, lower case without the dot; empty reads every file.
    extensions: Vec<String>,
    /// Whether to enter hidden directories and read hidden files.
    hidden: bool,
}

impl Default for Walk {
    fn default() -> Self {
        Self::new()
    }
}

impl Walk {
    /// The default walk: files ending in `.txt` (any case), hidden entries
    /// passed over.
    #[must_use]
    pub fn new() -> Self {
        Self { extensions: vec!["txt".to_owned()], hidden: false }
    }

    /// Read files with these extensions (with or without the dot, any
    /// case) below a directory; none reads every regular file.
    #[must_use]
    pub fn extensions<I, S>(mut self, extensions: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.extensions = extensions
            .into_iter()
            .map(|e| e.as_ref().trim_start_matches('.').to_lowercase())
            .filter(|e| !e.is_empty())
            .collect();
        self
    }

    /// Enter hidden directories and read hidden files (`false` by default).
    #[must_use]
    pub fn hidden(mut self, yes: bool) -> Self {
        self.hidden = yes;
        self
    }

    /// Whether a file below a directory passes the extension filter.
    #[must_use]
    pub fn wants(&self, path: &Path) -> bool {
        self.extensions.is_empty()
            || path
                .extension()
                .and_then(OsStr::to_str)
                .is_some_and(|e| self.extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
    }

    /// Everything found at `root`, in name order: `root` itself if it is
    /// not a directory, else every entry below it, each once.
    pub fn paths(&self, root: impl AsRef<Path>) -> impl Iterator<Item = Found> + '_ {
        let hidden = self.hidden;
        walkdir::WalkDir::new(root)
            .follow_links(false)
            .follow_root_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(move |e| hidden || e.depth() == 0 || !e.file_name().as_encoded_bytes().starts_with(b"."))
            .filter_map(move |entry| match entry {
                Err(e) => {
                    let path = e.path().map(Path::to_path_buf).unwrap_or_default();
                    // The operating system's message alone: the path is
                    // given beside it (a loop cannot happen: links are not
                    // followed, but keep walkdir's word for anything else).
                    let message = e.to_string();
                    Some(Found::Error(path, e.into_io_error().unwrap_or_else(|| io::Error::other(message))))
                }
                Ok(e) => {
                    let ty = e.file_type();
                    if ty.is_dir() {
                        None
                    } else if e.depth() == 0 {
                        // A link to a directory, named by the user: walked
                        // (its entry keeps the link's own type).
                        (!e.path().is_dir()).then(|| Found::File(e.into_path()))
                    } else if ty.is_symlink() {
                        Some(Found::Skipped(e.into_path(), Skip::Link))
                    } else if !ty.is_file() {
                        Some(Found::Skipped(e.into_path(), Skip::Special))
                    } else if self.wants(e.path()) {
                        Some(Found::File(e.into_path()))
                    } else {
                        Some(Found::Skipped(e.into_path(), Skip::Filtered))
                    }
                }
            })
    }
}

/// A printable name for `path`: the path itself when it is UTF-8; else
/// its valid parts as they are, each byte that is not UTF-8 as `\xNN`,
/// and each backslash doubled.
///
/// Two different paths get different names, except that a UTF-8 name
/// holding a literal `\xNN` can read like a name that is not UTF-8.
///
/// ```
/// use std::path::Path;
/// assert_eq!(wirecopy::walk::display_path(Path::new("a/b.txt")), "a/b.txt");
/// # #[cfg(unix)] {
/// use std::os::unix::ffi::OsStrExt;
/// let latin1 = Path::new(std::ffi::OsStr::from_bytes(b"caf\xe9.txt"));
/// let other = Path::new(std::ffi::OsStr::from_bytes(b"caf\xe8.txt"));
/// assert_eq!(wirecopy::walk::display_path(latin1), r"caf\xe9.txt");
/// assert_ne!(wirecopy::walk::display_path(latin1), wirecopy::walk::display_path(other));
/// # }
/// ```
#[must_use]
pub fn display_path(path: &Path) -> String {
    if let Some(s) = path.to_str() {
        return s.to_owned();
    }
    let mut out = String::new();
    for chunk in path.as_os_str().as_encoded_bytes().utf8_chunks() {
        for c in chunk.valid().chars() {
            if c == '\\' {
                out.push_str("\\\\");
            } else {
                out.push(c);
            }
        }
        for b in chunk.invalid() {
            let _ = write!(out, "\\x{b:02x}");
        }
    }
    out
}
