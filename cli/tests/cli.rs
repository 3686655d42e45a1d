//! The `wirecopy` binary end to end: every subcommand on a file, standard
//! input, a directory, a missing file and a binary file, with exit codes.
//! All copy here is invented, in each agency's style.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use tempfile::TempDir;

const TASS: &str = "Lavrov says peace matters\n\n\
    MOSCOW, June 16. /TASS/. Russia calls for peace, Russian Foreign Minister Sergey Lavrov said on Tuesday.\n\n\
    \"We stand for dialogue,\" he said.\n";
const AFP: &str = "Talks resume\n\nPARIS, May 2 (AFP) - \"We agree,\" Emmanuel Macron said on Friday.\n";
const DATED: &str = "Budget passes\n\nOTTAWA, April 1, 1997 (CP) - The budget passed.\n";
/// Two stories, each closed by an end mark.
const FEED: &str = "Grain talks go on\n\nMOSCOW, March 11. /TASS/. \"Talks go on,\" an official said. -0-\n\n\
    Port expands\n\nHALIFAX (CP) - The port grows.\n-0-\n";
const BINARY: &[u8] = b"MOSCOW, June 16. \xff\x00\x01\x02 /TASS/.";

fn run(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    run_with(Command::new(env!("CARGO_BIN_EXE_wirecopy")), dir, args, stdin)
}

fn run_with(mut command: Command, dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = command
        .args(args)
        .current_dir(dir)
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the wirecopy binary runs");
    // Standard input is written from another thread while the output is
    // read, so that neither pipe can fill and stall the other.
    let writer = stdin.map(|input| {
        let mut pipe = child.stdin.take().unwrap();
        let input = input.to_vec();
        std::thread::spawn(move || pipe.write_all(&input))
    });
    let output = child.wait_with_output().unwrap();
    if let Some(w) = writer {
        // The tool may stop reading early (a usage error): a broken pipe is not a failure.
        let _ = w.join().unwrap();
    }
    output
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn lines(o: &Output) -> Vec<serde_json::Value> {
    stdout(o).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// `d/a.txt`, `d/sub/b.txt`, a README, a hidden file, and a link from
/// `d/sub/loop` back to `d` (a loop, when links are followed).
fn tree() -> TempDir {
    let t = tempfile::tempdir().unwrap();
    let d = t.path().join("d");
    fs::create_dir_all(d.join("sub")).unwrap();
    fs::write(d.join("a.txt"), TASS).unwrap();
    fs::write(d.join("sub/b.txt"), AFP).unwrap();
    fs::write(d.join("README.md"), "Not an article.").unwrap();
    fs::write(d.join(".hidden.txt"), TASS).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("..", d.join("sub/loop")).unwrap();
    fs::write(t.path().join("bin.txt"), BINARY).unwrap();
    fs::write(t.path().join("feed.txt"), FEED).unwrap();
    t
}

#[test]
fn help_lists_every_subcommand_and_each_has_help() {
    let t = tree();
    let o = run(t.path(), &["--help"], None);
    assert!(o.status.success());
    for sub in ["parse", "quotes", "html", "batch"] {
        assert!(stdout(&o).contains(sub), "{sub} missing from --help");
        let o = run(t.path(), &[sub, "--help"], None);
        assert!(o.status.success(), "{sub} --help");
        assert!(stdout(&o).contains("Usage: wirecopy"), "{sub} --help");
    }
    // No subcommand, or a bad date: a usage error.
    assert_eq!(run(t.path(), &[], None).status.code(), Some(2));
    assert_eq!(run(t.path(), &["parse", "--reference-date", "June", "x"], None).status.code(), Some(2));
}

#[test]
fn parse_a_file_and_standard_input() {
    let t = tree();
    let o = run(t.path(), &["parse", "d/a.txt"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v[0]["file"], "d/a.txt");
    assert_eq!(v[0]["headline"], "Lavrov says peace matters");
    assert_eq!(v[0]["quotations"][0]["speaker"]["name"], "Sergey Lavrov");

    for args in [&["parse", "-f", "ndjson"][..], &["parse", "-f", "ndjson", "-"]] {
        let o = run(t.path(), args, Some(AFP.as_bytes()));
        assert!(o.status.success());
        let v = lines(&o);
        assert_eq!(v.len(), 1);
        assert_eq!(v[0]["file"], "-");
        assert_eq!(v[0]["dateline"]["agencies"][0], "AFP");
    }
    // Nothing at all is still a JSON array.
    let o = run(t.path(), &["parse", "-"], Some(b""));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("-: expected an article, found no text"), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v[0]["error"]["kind"], "empty");
}

#[test]
fn parse_a_directory_reads_each_file_once_and_follows_no_link() {
    let t = tree();
    let o = run(t.path(), &["parse", "-f", "ndjson", "d"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let files: Vec<String> = lines(&o).iter().map(|v| v["file"].as_str().unwrap().to_owned()).collect();
    assert_eq!(files, ["d/a.txt", "d/sub/b.txt"]);
    #[cfg(unix)]
    assert!(stderr(&o).contains("d/sub/loop: skipped: symbolic link not followed"), "{}", stderr(&o));
    assert!(stderr(&o).contains("1 file below directories skipped"), "{}", stderr(&o));

    // Every file, hidden ones too, whatever the extension.
    let o = run(t.path(), &["parse", "-f", "ndjson", "--all-files", "--hidden", "d"], None);
    let files: Vec<String> = lines(&o).iter().map(|v| v["file"].as_str().unwrap().to_owned()).collect();
    assert_eq!(files, ["d/.hidden.txt", "d/README.md", "d/a.txt", "d/sub/b.txt"]);
    let o = run(t.path(), &["parse", "-f", "ndjson", "--ext", "md", "d"], None);
    assert_eq!(lines(&o).len(), 1);
}

#[test]
fn parse_reports_a_missing_and_a_binary_file_and_goes_on() {
    let t = tree();
    let o = run(t.path(), &["parse", "-f", "ndjson", "missing.txt", "bin.txt", "d/a.txt"], None);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("wirecopy: missing.txt: No such file or directory"), "{err}");
    // Not text (a NUL in the first 8 KiB): an error with its reason, as in `batch`.
    assert!(err.contains("wirecopy: bin.txt: binary file: a NUL byte at byte 18"), "{err}");
    assert!(err.ends_with("wirecopy: 2 of 3 inputs failed\n"), "{err}");
    let v = lines(&o);
    assert_eq!(v.len(), 3);
    assert_eq!(v[0]["error"]["kind"], "io");
    assert_eq!(v[1]["error"]["kind"], "binary");
    assert_eq!(v[2]["headline"], "Lavrov says peace matters");
}

#[test]
fn csv_has_one_row_per_quotation() {
    let t = tree();
    let o = run(t.path(), &["parse", "-f", "csv", "d", "feed.txt"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let json = run(t.path(), &["parse", "-f", "ndjson", "d", "feed.txt"], None);
    let quotations: usize = lines(&json).iter().map(|v| v["quotations"].as_array().unwrap().len()).sum();
    assert!(quotations >= 3);
    let mut reader = csv::Reader::from_reader(o.stdout.as_slice());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(header[..2], ["file", "story"]);
    for column in ["paragraph", "quotation", "speaker", "mention", "cue"] {
        assert!(header.iter().any(|h| h == column), "{column}");
    }
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().unwrap();
    assert_eq!(rows.len(), quotations);
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let lavrov = rows.iter().find(|r| &r[at("file")] == "d/a.txt").unwrap();
    assert_eq!(&lavrov[at("quotation")], "We stand for dialogue,");
    assert_eq!(&lavrov[at("speaker")], "Sergey Lavrov");
    assert_eq!(&lavrov[at("mention")], "he");
    assert_eq!(&lavrov[at("cue")], "said");

    // No quotation: the header alone.
    let o = run(t.path(), &["parse", "-f", "csv", "-"], Some(DATED.as_bytes()));
    assert_eq!(stdout(&o).lines().count(), 1);
}

#[test]
fn a_printed_year_wins_then_the_option_then_the_file_time() {
    let t = tree();
    let dir = t.path();
    let mtime = chrono::NaiveDate::from_ymd_opt(2021, 1, 3).unwrap().and_hms_opt(12, 0, 0).unwrap().and_utc();
    let when = std::time::UNIX_EPOCH + Duration::from_secs(mtime.timestamp().try_into().unwrap());
    for (name, text) in [("partial.txt", TASS), ("dated.txt", DATED)] {
        fs::write(dir.join(name), text).unwrap();
        fs::File::options().write(true).open(dir.join(name)).unwrap().set_modified(when).unwrap();
    }
    let resolved = |args: &[&str]| -> Vec<serde_json::Value> {
        let mut all = vec!["parse", "-f", "ndjson", "partial.txt", "dated.txt"];
        all.extend(args);
        let o = run(dir, &all, None);
        assert!(o.status.success(), "{}", stderr(&o));
        lines(&o).iter().map(|v| v["dateline"]["date"]["resolved"].clone()).collect()
    };
    assert_eq!(resolved(&[]), [serde_json::Value::Null, "1997-04-01".into()]);
    assert_eq!(resolved(&["--year-from-mtime"]), ["2020-06-16", "1997-04-01"]);
    assert_eq!(resolved(&["--year-from-mtime", "--reference-date", "2019-07-01"]), ["2019-06-16", "1997-04-01"]);
    assert_eq!(resolved(&["--reference-date", "2019-07-01"]), ["2019-06-16", "1997-04-01"]);
    // Standard input has no file time.
    let o = run(dir, &["parse", "-f", "ndjson", "--year-from-mtime"], Some(TASS.as_bytes()));
    assert_eq!(lines(&o)[0]["dateline"]["date"]["resolved"], serde_json::Value::Null);
}

#[test]
fn quotes_prints_a_table() {
    let t = tree();
    let o = run(t.path(), &["quotes", "d/a.txt"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("speaker "), "{out}");
    assert!(out.contains("Sergey Lavrov | said | We stand for dialogue,"), "{out}");

    let o = run(t.path(), &["quotes"], Some(AFP.as_bytes()));
    assert!(stdout(&o).contains("Emmanuel Macron | said"), "{}", stdout(&o));

    // A directory: one table a file, headed by its name.
    let o = run(t.path(), &["quotes", "d"], None);
    assert!(o.status.success());
    assert!(stdout(&o).contains("== d/a.txt ==") && stdout(&o).contains("== d/sub/b.txt =="), "{}", stdout(&o));

    let o = run(t.path(), &["quotes", "missing.txt", "bin.txt", "d/a.txt"], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("missing.txt: No such file") && stderr(&o).contains("bin.txt: binary file"));
    assert!(stdout(&o).contains("== d/a.txt =="));
}

#[test]
fn html_renders_one_page() {
    let t = tree();
    let o = run(t.path(), &["html", "d/a.txt"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = stdout(&o);
    assert!(page.starts_with("<!DOCTYPE html>") || page.starts_with("<!doctype html>"), "{}", &page[..40]);
    assert!(page.contains(r#"<mark class="quote""#));

    let o = run(t.path(), &["html", "-"], Some(AFP.as_bytes()));
    assert!(o.status.success() && stdout(&o).contains("Emmanuel Macron"));

    for (path, message) in
        [("d", "d: is a directory"), ("missing.txt", "missing.txt: No such file"), ("bin.txt", "bin.txt: binary file")]
    {
        let o = run(t.path(), &["html", path], None);
        assert_eq!(o.status.code(), Some(1), "{path}");
        assert!(stderr(&o).contains(message), "{path}: {}", stderr(&o));
        assert!(o.stdout.is_empty(), "{path}");
    }
}

#[test]
fn batch_splits_stories_and_walks_directories() {
    let t = tree();
    let o = run(t.path(), &["batch", "feed.txt"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let v = lines(&o);
    assert_eq!(v.len(), 2);
    assert_eq!((v[0]["story"].as_u64(), v[1]["story"].as_u64()), (Some(0), Some(1)));
    assert_eq!(v[1]["headline"], "Port expands");
    assert!(v[1]["offset"].as_u64().unwrap() > 0);
    assert!(stderr(&o).contains("wirecopy: 1 inputs, 2 articles, 0 errors"), "{}", stderr(&o));

    let o = run(t.path(), &["batch"], Some(FEED.as_bytes()));
    assert!(o.status.success());
    assert_eq!(lines(&o).len(), 2);

    // A directory holding a link back to itself: each story once.
    let o = run(t.path(), &["batch", "d", "feed.txt"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let keys: Vec<(String, u64)> =
        lines(&o).iter().map(|v| (v["file"].as_str().unwrap().to_owned(), v["story"].as_u64().unwrap())).collect();
    assert_eq!(
        keys,
        [("d/a.txt".into(), 0), ("d/sub/b.txt".into(), 0), ("feed.txt".into(), 0), ("feed.txt".into(), 1)]
    );

    let o = run(t.path(), &["batch", "-f", "csv", "feed.txt"], None);
    let rows = csv::Reader::from_reader(o.stdout.as_slice()).records().count();
    assert_eq!(rows, 1);
}

#[test]
fn batch_reports_a_missing_and_a_binary_file_and_keeps_the_rest() {
    let t = tree();
    let o = run(t.path(), &["batch", "missing.txt", "bin.txt", "feed.txt"], None);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("wirecopy: missing.txt: No such file or directory"), "{err}");
    assert!(err.contains("wirecopy: bin.txt: binary file: a NUL byte at byte 18"), "{err}");
    assert!(err.ends_with("wirecopy: 2 of 3 inputs failed\n"), "{err}");
    let v = lines(&o);
    assert_eq!(v.len(), 4);
    assert_eq!((v[0]["error"]["kind"].as_str(), v[1]["error"]["kind"].as_str()), (Some("io"), Some("binary")));
    assert_eq!(v[3]["headline"], "Port expands");
}

#[cfg(unix)]
#[test]
fn batch_skips_a_fifo_in_a_directory_and_keeps_names_apart() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;

    let t = tree();
    let d = t.path().join("d");
    let fifo = d.join("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success());
    // Two names that are not UTF-8 and read the same when decoded lossily.
    let latin1 = d.join(OsStr::from_bytes(b"caf\xe9.txt"));
    let other = d.join(OsStr::from_bytes(b"caf\xe8.txt"));
    let names = fs::write(&latin1, AFP).and_then(|()| fs::write(&other, AFP)).is_ok();
    let o = run(t.path(), &["batch", "d"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let files: Vec<String> = lines(&o).iter().map(|v| v["file"].as_str().unwrap().to_owned()).collect();
    if made {
        assert!(stderr(&o).contains("d/pipe.txt: skipped: not a regular file"), "{}", stderr(&o));
    }
    if names {
        assert!(
            files.contains(&r"d/caf\xe8.txt".to_owned()) && files.contains(&r"d/caf\xe9.txt".to_owned()),
            "{files:?}"
        );
    }
    let mut unique = files.clone();
    unique.dedup();
    assert_eq!(unique, files);
}

/// Whether this process runs as root (permissions do not stop it).
#[cfg(unix)]
fn is_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

#[cfg(unix)]
#[test]
fn an_unreadable_directory_and_file_are_reported_and_the_rest_is_read() {
    use std::os::unix::fs::PermissionsExt;

    let t = tree();
    let locked = t.path().join("d/locked");
    fs::create_dir(&locked).unwrap();
    fs::write(locked.join("c.txt"), TASS).unwrap();
    fs::write(t.path().join("d/sub/secret.txt"), TASS).unwrap();
    fs::set_permissions(t.path(), fs::Permissions::from_mode(0o755)).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    fs::set_permissions(t.path().join("d/sub/secret.txt"), fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads everything: run as nobody when setpriv can drop to it.
    let command = if is_root() {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", env!("CARGO_BIN_EXE_wirecopy")]);
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_wirecopy"))
    };
    let tried = command.get_program().to_owned();
    for sub in ["batch", "parse"] {
        let mut c = Command::new(&tried);
        c.args(command.get_args());
        let o = run_with(c, t.path(), &[sub, "-f", "ndjson", "d"], None);
        if is_root() && stderr(&o).contains("setpriv") {
            eprintln!("setpriv cannot drop to nobody here: {}", stderr(&o));
            return;
        }
        let files: Vec<String> = lines(&o).iter().filter_map(|v| v["file"].as_str().map(str::to_owned)).collect();
        assert_eq!(files, ["d/a.txt", "d/locked", "d/sub/b.txt", "d/sub/secret.txt"], "{sub}: {}", stderr(&o));
        assert_eq!(o.status.code(), Some(1), "{sub}");
        let err = stderr(&o);
        assert!(err.contains("wirecopy: d/locked: Permission denied"), "{sub}: {err}");
        assert!(err.contains("wirecopy: d/sub/secret.txt: Permission denied"), "{sub}: {err}");
        assert!(err.ends_with("wirecopy: 2 of 4 inputs failed\n"), "{sub}: {err}");
    }
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
}

/// An invented AP-style ANPA-1312 capture: line noise, two messages, and a
/// third cut off before its EOT.
fn anpa_stream() -> Vec<u8> {
    let mut s = b"\x07connected\x00\r\n".to_vec();
    s.extend_from_slice(
        b"\x16\x16\x01a0042\x1fbagm-\nr a\x13\x11 bc-Harbor     03-14 0031\r\n\x02\
          ^BC-Harbor Ferry,0031<\r\n^Ferry service resumes after storm<\r\n\
          \t   OAKLAND, Calif., March 12 (AP) _ Ferries ran again on Sunday, ``at last,'' a rider said.\r\n\
          \t   \x03AP-SF-03-14-17 1502GMT<\r\n\x0c\x04",
    );
    s.extend_from_slice(
        b"\x16\x16\x01a0043\x1fbagm-\nu a\x13\x11 bc-Bridge     03-14 0020\r\n\x02\
          ^BC-Bridge,0020<\r\n^Bridge reopens to traffic<\r\n\
          \t   SAN RAFAEL, Calif. (AP) _ The bridge reopened.\r\n\t   \x03AP-SF-03-14-17 1610GMT<\r\n\x0c\x04",
    );
    s.extend_from_slice(
        b"\x16\x16\x01a0044\x1fbagm-\nr a\x13\x11 bc-Storm     03-14 0020\r\n\x02\
          ^BC-Storm,0020<\r\n^Storm moves east<\r\n\t   RENO, Nev., March 13 (AP) _ The storm moved east, forecasters sa",
    );
    s
}

/// An invented dpa-style IPTC 7901 message in Latin-1.
const IPTC_LATIN1: &[u8] = b"\x01bdt0001 3 pl 12 \r\n\r\nCafe/Paris/\r\n\x02Caf\xe9 reopens =\r\n\r\n\
    PARIS, May 3 (dpa) - The caf\xe9 reopened on Friday.\r\n\x03031314 Mai 24\r\n\x04";

#[test]
fn batch_reads_an_envelope_stream_as_one_record_a_message() {
    let t = tempfile::tempdir().unwrap();
    fs::write(t.path().join("wire.tst"), anpa_stream()).unwrap();
    // The trailer's year wins over --reference-date; a message without a
    // trailer falls back on it.
    let o = run(t.path(), &["batch", "--reference-date", "2001-01-01", "wire.tst"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let v = lines(&o);
    assert_eq!(v.len(), 3, "{}", stdout(&o));
    assert_eq!(v[0]["headline"], "Ferry service resumes after storm");
    assert_eq!(v[0]["envelope"]["format"], "anpa");
    assert_eq!(v[0]["envelope"]["reference"], "trailer");
    assert_eq!(v[0]["dateline"]["place"], "OAKLAND, Calif.");
    assert_eq!(v[0]["dateline"]["date"]["resolved"], "2017-03-12");
    assert_eq!(v[0]["paragraphs"][0]["text"], "Ferries ran again on Sunday, ``at last,'' a rider said.");
    assert_eq!(v[1]["headline"], "Bridge reopens to traffic");
    assert_eq!((v[0]["story"].as_u64(), v[1]["story"].as_u64()), (Some(0), Some(1)));
    // Offsets are where each message starts in the file (after the noise).
    assert_eq!(v[0]["offset"], 13);
    // The truncated message is reported, not lost.
    assert_eq!(v[2]["envelope"]["complete"], false);
    assert_eq!(v[2]["envelope"]["reference"], "caller");
    assert_eq!(v[2]["dateline"]["date"]["resolved"], "2000-03-13");
    assert!(v[2]["diagnostics"].as_array().unwrap().iter().any(|d| d["kind"] == "incomplete_message"));
    let err = stderr(&o);
    assert!(err.contains("wirecopy: envelopes: 3 messages, 9 bytes of noise between them skipped"), "{err}");

    // The same with --year-from-mtime: the trailer still wins.
    let o = run(t.path(), &["batch", "--year-from-mtime", "wire.tst"], None);
    let v = lines(&o);
    assert_eq!(v[0]["dateline"]["date"]["resolved"], "2017-03-12");
    assert_eq!(
        (v[0]["envelope"]["reference"].as_str(), v[2]["envelope"]["reference"].as_str()),
        (Some("trailer"), Some("caller"))
    );

    // Standard input too, and a NUL in the noise does not make it binary.
    let o = run(t.path(), &["batch", "-"], Some(&anpa_stream()));
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(lines(&o).len(), 3);

    // With --separator, no input is an envelope stream.
    let o = run(t.path(), &["batch", "--separator", "$$$", "wire.tst"], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("binary file"), "{}", stderr(&o));
}

#[test]
fn parse_gives_the_messages_of_an_envelope_file_not_its_selector() {
    let t = tempfile::tempdir().unwrap();
    fs::write(t.path().join("wire.tst"), anpa_stream()).unwrap();
    fs::write(t.path().join("cafe.iptc"), IPTC_LATIN1).unwrap();
    let o = run(t.path(), &["parse", "-f", "ndjson", "wire.tst", "cafe.iptc"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let v = lines(&o);
    let headlines: Vec<&str> = v.iter().map(|r| r["headline"].as_str().unwrap()).collect();
    assert_eq!(
        headlines,
        ["Ferry service resumes after storm", "Bridge reopens to traffic", "Storm moves east", "Café reopens"]
    );
    assert_eq!(v[3]["envelope"]["format"], "iptc7901");
    assert_eq!(v[3]["envelope"]["charset"], "latin-1");
    assert_eq!(v[3]["dateline"]["date"]["resolved"], "2024-05-03");
    // Latin-1, decoded and said so: never U+FFFD.
    assert_eq!(v[3]["paragraphs"][0]["text"], "The café reopened on Friday.");
    assert!(v[3]["diagnostics"].as_array().unwrap().iter().any(|d| d["kind"] == "decoded_latin1"));
    assert!(!stdout(&o).contains('\u{fffd}'));

    let o = run(t.path(), &["quotes", "wire.tst"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("== wire.tst #0 ==") && stdout(&o).contains("at last"), "{}", stdout(&o));
}

#[test]
fn non_utf8_text_is_decoded_with_a_diagnostic() {
    let t = tempfile::tempdir().unwrap();
    let latin1 = b"CAF\xc9 OUVERT\n\nPARIS, 3 mai (AFP) - Le caf\xe9 a rouvert, \"enfin\".\n";
    fs::write(t.path().join("latin1.txt"), latin1).unwrap();
    // Bytes that are no text, but hold no NUL: an error with its reason, not an article.
    let noise: Vec<u8> = (1..=4096u32).map(|i| (i * 37 % 255 + 1) as u8).collect();
    fs::write(t.path().join("noise.txt"), &noise).unwrap();
    for sub in ["parse", "batch"] {
        let o = run(t.path(), &[sub, "-f", "ndjson", "latin1.txt", "noise.txt"], None);
        assert!(!o.status.success(), "{sub}: noise fails");
        let v = lines(&o);
        assert_eq!(v[0]["headline"], "CAFÉ OUVERT", "{sub}");
        assert_eq!(v[0]["paragraphs"][0]["text"], "Le café a rouvert, \"enfin\".", "{sub}");
        let kinds = |r: &serde_json::Value| -> Vec<String> {
            r["diagnostics"].as_array().unwrap().iter().map(|d| d["kind"].as_str().unwrap().to_owned()).collect()
        };
        assert!(kinds(&v[0]).contains(&"decoded_latin1".to_owned()), "{sub}: {:?}", kinds(&v[0]));
        // Spans count bytes of the file.
        let q = &v[0]["quotations"][0]["span"];
        let (a, b) = (q["start"].as_u64().unwrap() as usize, q["end"].as_u64().unwrap() as usize);
        assert_eq!(&latin1[a..b], b"\"enfin\"", "{sub}");
        assert_eq!(v[1]["error"]["kind"], "not_text", "{sub}: {}", v[1]);
        assert!(stderr(&o).contains("binary data"), "{}", stderr(&o));
    }
    // Told UTF-8, strict: an error at the first byte; --lossy replaces and reports.
    let o = run(t.path(), &["parse", "-f", "ndjson", "--charset", "utf-8", "latin1.txt"], None);
    assert!(!o.status.success());
    assert_eq!(lines(&o)[0]["error"]["kind"], "undecodable");
    assert_eq!(lines(&o)[0]["error"]["span"]["start"], 3);
    let o = run(t.path(), &["parse", "-f", "ndjson", "--charset", "utf-8", "--lossy", "latin1.txt"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let spans: Vec<u64> = lines(&o)[0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["kind"] == "lossy_replacement")
        .map(|d| d["span"]["start"].as_u64().unwrap())
        .collect();
    assert_eq!(spans, [3, 40]);
}
