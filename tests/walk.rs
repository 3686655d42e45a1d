//! `wirecopy::walk`: every readable file once, no link loop, special files
//! skipped, errors reported, names kept apart.
#![cfg(feature = "walk")]

use std::fs;
use std::path::PathBuf;

use wirecopy::walk::{Found, Skip, Walk, display_path};

/// What a walk found, as (kind, path relative to `root`).
fn walk(walk: &Walk, root: &std::path::Path) -> Vec<(String, String)> {
    walk.paths(root)
        .map(|f| {
            let (kind, path): (String, PathBuf) = match f {
                Found::File(p) => ("file".into(), p),
                Found::Skipped(p, why) => (format!("{why:?}"), p),
                Found::Error(p, _) => ("error".into(), p),
                _ => ("other".into(), PathBuf::new()),
            };
            (kind, path.strip_prefix(root).unwrap_or(&path).display().to_string())
        })
        .collect()
}

#[test]
fn every_file_once_in_name_order_filtered_hidden_passed_over() {
    let t = tempfile::tempdir().unwrap();
    let root = t.path();
    fs::create_dir_all(root.join("b/c")).unwrap();
    fs::create_dir_all(root.join(".git")).unwrap();
    for f in ["a.txt", "b/c/d.TXT", "b/e.txt", "MANIFEST.json", ".hidden.txt", ".git/x.txt"] {
        fs::write(root.join(f), "x").unwrap();
    }
    let found = walk(&Walk::new(), root);
    let file = |p: &str| ("file".to_owned(), p.to_owned());
    let filtered = |p: &str| ("Filtered".to_owned(), p.to_owned());
    assert_eq!(found, [filtered("MANIFEST.json"), file("a.txt"), file("b/c/d.TXT"), file("b/e.txt")]);

    let all = walk(&Walk::new().extensions::<_, &str>([]).hidden(true), root);
    assert_eq!(all.len(), 6);
    assert!(all.iter().all(|(k, _)| k == "file"));
    let json = walk(&Walk::new().extensions([".JSON"]), root);
    assert_eq!(json[0], file("MANIFEST.json"));

    // A file named on its own is read whatever its extension.
    assert_eq!(walk(&Walk::new(), &root.join("MANIFEST.json")), [file("")]);
}

#[test]
fn a_missing_root_is_an_error() {
    let t = tempfile::tempdir().unwrap();
    let found: Vec<Found> = Walk::new().paths(t.path().join("missing")).collect();
    assert_eq!(found.len(), 1);
    let Found::Error(path, e) = &found[0] else { panic!("{found:?}") };
    assert_eq!(path, &t.path().join("missing"));
    assert_eq!(e.kind(), std::io::ErrorKind::NotFound);
}

#[cfg(unix)]
#[test]
fn links_are_not_followed_and_fifos_not_opened() {
    let t = tempfile::tempdir().unwrap();
    let root = t.path().join("root");
    fs::create_dir_all(root.join("sub")).unwrap();
    fs::write(root.join("a.txt"), "x").unwrap();
    // Two links back up the tree: followed, they would never end.
    std::os::unix::fs::symlink("..", root.join("sub/up")).unwrap();
    std::os::unix::fs::symlink("../..", root.join("sub/upup")).unwrap();
    std::os::unix::fs::symlink("a.txt", root.join("link.txt")).unwrap();
    let fifo = std::process::Command::new("mkfifo").arg(root.join("pipe.txt")).status().is_ok_and(|s| s.success());
    let found = walk(&Walk::new(), &root);
    let mut want = vec![("file".to_owned(), "a.txt".to_owned()), ("Link".into(), "link.txt".into())];
    if fifo {
        want.push(("Special".into(), "pipe.txt".into()));
    }
    want.extend([("Link".into(), "sub/up".into()), ("Link".into(), "sub/upup".into())]);
    assert_eq!(found, want);
    // A link named as the root is followed: the user asked for it.
    let through = walk(&Walk::new(), &root.join("sub/up"));
    assert_eq!(through.iter().filter(|(k, _)| k == "file").count(), 1, "{through:?}");
    assert_eq!(format!("{}", Skip::Link), "symbolic link not followed");
}

#[cfg(unix)]
#[test]
fn names_that_are_not_utf8_stay_apart() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;

    let names: Vec<String> = [&b"caf\xe9"[..], b"caf\xe8", b"caf\\\xe9", "café".as_bytes()]
        .iter()
        .map(|b| display_path(std::path::Path::new(OsStr::from_bytes(b))))
        .collect();
    assert_eq!(names, [r"caf\xe9", r"caf\xe8", r"caf\\\xe9", "café"]);
}
