//! The `highlight` page in a real browser: headless Chromium renders it,
//! takes a screenshot, and the DOM it dumps labels every quotation.
//!
//! Needs Debian's `chromium` (`.ci/run` installs it). Without it the test is
//! skipped with a message, except under CI, where it fails.

use std::path::{Path, PathBuf};
use std::process::Command;

const SEED: &str = include_str!("../examples/data/seed-tass.txt");

fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| std::env::split_paths(&std::env::var_os("PATH")?).map(|d| d.join(name)).find(|p| p.is_file()))
}

fn headless(browser: &Path, profile: &Path) -> Command {
    let mut c = Command::new(browser);
    c.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ]);
    c.arg(format!("--user-data-dir={}", profile.display()));
    c
}

fn check_page(name: &str, src: &str) {
    let Some(browser) = chromium() else {
        assert!(std::env::var_os("CI").is_none(), "chromium is required under CI (.ci/run installs it)");
        eprintln!("skipped: chromium not found");
        return;
    };
    let article = wirecopy::parse(src).unwrap();
    assert!(!article.quotations.is_empty(), "{name}: the fixture should hold quotations");
    let dir = std::env::temp_dir().join(format!("wirecopy-browser-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let html = dir.join("page.html");
    std::fs::write(&html, wirecopy::html::page(&article, src)).unwrap();
    let url = format!("file://{}", html.display());

    let dom = headless(&browser, &dir.join("profile-dom")).arg("--dump-dom").arg(&url).output().unwrap();
    assert!(dom.status.success(), "{name}: chromium --dump-dom failed: {}", String::from_utf8_lossy(&dom.stderr));
    let dom = String::from_utf8(dom.stdout).unwrap();
    for (i, q) in article.quotations.iter().enumerate() {
        let label = format!(r#"<span class="label" data-quote="{i}">"#);
        assert!(dom.contains(&label), "{name}: quotation {i} ({:?}) has no label in the rendered DOM", q.text);
        if let Some(speaker) = q.speaker.as_ref().and_then(|s| s.name.as_deref()) {
            assert!(dom.contains(&format!(r#"data-quote="{i}" data-speaker="{speaker}""#)), "{name}: speaker of {i}");
        }
    }
    assert!(dom.contains(r#"<h1 class="headline">"#), "{name}: headline missing from the DOM");

    let png = dir.join("page.png");
    let shot = headless(&browser, &dir.join("profile-shot"))
        .arg(format!("--screenshot={}", png.display()))
        .arg("--window-size=1000,1400")
        .arg(&url)
        .output()
        .unwrap();
    assert!(shot.status.success(), "{name}: chromium --screenshot failed");
    let bytes = std::fs::read(&png).unwrap();
    assert!(bytes.starts_with(b"\x89PNG") && bytes.len() > 10_000, "{name}: the screenshot is not a rendered PNG");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn seed_article_page_labels_every_quotation() {
    check_page("seed", SEED);
}

#[test]
fn anpa_page_with_nested_and_running_quotes_labels_every_quotation() {
    let src = "Mayor vows to reopen the old bridge\n\n\
        \t   RIVERTON, Ore. (AP) _ Mayor Dana Whitfield said Tuesday the bridge would reopen by spring.\n\n\
        \t   ``We heard them say, `fix it now,' and we listened,'' Whitfield said. ``The money is there.\n\n\
        \t   ``Crews start Monday.''\n\n\
        \t   Residents called the closure ``a slow disaster.''\n";
    check_page("anpa", src);
}
