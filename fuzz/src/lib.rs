//! Invariants the fuzz targets check on every article parsed.

use std::borrow::Cow;

use wirecopy::{Article, Dateline, Span, Text};

/// Panics unless `span` lies in `src` on char boundaries.
fn in_bounds(src: &str, what: &str, span: Span) {
    assert!(
        span.start <= span.end
            && span.end <= src.len()
            && src.is_char_boundary(span.start)
            && src.is_char_boundary(span.end),
        "{what}: {span:?} is out of bounds or off a char boundary ({} bytes)",
        src.len()
    );
}

/// The words of `s`: split at white space, blanks and control characters
/// (what rejoined text folds into single spaces).
fn words(s: &str) -> Vec<&str> {
    s.split(|c: char| {
        c.is_whitespace() || c.is_control() || matches!(c, '\u{feff}' | '\u{a0}' | '\u{2007}' | '\u{202f}')
    })
    .filter(|w| !w.is_empty())
    .collect()
}

/// Text borrowed from the input is the input at its span; rejoined text
/// has the same words.
fn text_at(src: &str, what: &str, text: &Cow<'_, str>, span: Span) {
    in_bounds(src, what, span);
    match text {
        Cow::Borrowed(t) => assert_eq!(*t, span.slice(src), "{what}: borrowed text differs from its span"),
        Cow::Owned(t) => assert_eq!(words(t), words(span.slice(src)), "{what}: rejoined text differs from its span"),
    }
}

fn text(src: &str, what: &str, t: &Text<'_>) {
    text_at(src, what, &t.text, t.span);
}

/// Every span of `d` lies in `src`, and its text is the text at its span.
pub fn check_dateline(src: &str, d: &Dateline<'_>) {
    in_bounds(src, "dateline", d.span);
    if let Some(t) = &d.source_label {
        text(src, "source label", t);
    }
    if let Some(p) = &d.place {
        text_at(src, "place", &p.text, p.span);
        assert!(p.text.contains(p.city.as_ref()), "city {:?} not in place {:?}", p.city, p.text);
    }
    if let Some(date) = &d.date {
        in_bounds(src, "date", date.span);
    }
    for t in &d.agencies {
        text(src, "agency tag", &t.raw);
    }
    if let Some(t) = &d.separator {
        text(src, "separator", t);
    }
}

/// Every span of `a` lies in `src` on char boundaries, and the text of
/// every node is the input at its span.
pub fn check(src: &str, a: &Article<'_>) {
    for t in a.chrome.iter().chain(&a.advisories).chain(&a.signoffs).chain(&a.headline).chain(&a.standfirst) {
        text(src, "header or trailer line", t);
    }
    if let Some(b) = &a.byline {
        in_bounds(src, "byline", b.span);
        for p in &b.people {
            text(src, "byline name", &p.name);
            p.role.iter().chain(&p.affiliation).for_each(|t| text(src, "byline role", t));
        }
    }
    if let Some(d) = &a.dateline {
        check_dateline(src, d);
    }
    for p in &a.paragraphs {
        text_at(src, "paragraph", &p.text, p.span);
    }
    for c in &a.credits {
        text(src, "credit role", &c.role);
        c.names.iter().for_each(|n| text(src, "credit name", n));
    }
    for q in &a.quotations {
        in_bounds(src, "quotation", q.span);
        assert!(!q.parts.is_empty(), "a quotation without parts");
        for p in q.parts.iter().chain(&q.nested) {
            in_bounds(src, "quotation part", *p);
            assert!(q.span.start <= p.start && p.end <= q.span.end, "part {p:?} outside its quotation {:?}", q.span);
        }
        let parts: Vec<&str> = q.parts.iter().flat_map(|p| words(p.slice(src))).collect();
        assert_eq!(words(&q.text), parts, "quotation text differs from its parts");
        if let Cow::Borrowed(t) = &q.text {
            assert_eq!(*t, q.parts[0].slice(src), "borrowed quotation text differs from its part");
        }
        assert!(q.paragraph.is_none_or(|i| i < a.paragraphs.len()), "quotation paragraph out of range");
        if let Some(c) = &q.cue {
            text(src, "cue", c);
        }
        if let Some(m) = q.speaker.as_ref().and_then(|s| s.mention.as_ref()) {
            text(src, "speaker mention", m);
        }
    }
    for d in &a.diagnostics {
        in_bounds(src, "diagnostic", d.span);
    }
}
