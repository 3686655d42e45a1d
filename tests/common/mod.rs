//! The invariants every parsed article keeps: every span in bounds and on a
//! char boundary, text borrowed from the input equal to the input at its
//! span, and rejoined text with the same words as its span.
//!
//! Shared by the integration tests (`mod common;`) and the fuzz targets
//! (`fuzz/src/lib.rs` includes this file by path), so it is written once.

use std::borrow::Cow;

use wirecopy::{Article, Dateline, Span, Text};

/// Panics unless `span` lies in `src` on char boundaries.
pub fn in_bounds(src: &str, what: &str, span: Span) {
    assert!(
        span.start <= span.end
            && span.end <= src.len()
            && src.is_char_boundary(span.start)
            && src.is_char_boundary(span.end),
        "{what}: {span:?} out of bounds or off a char boundary ({} bytes)",
        src.len()
    );
}

/// The words of `s`, split where rejoined text folds line breaks, blanks
/// and control characters into single spaces.
pub fn words(s: &str) -> Vec<&str> {
    s.split(|c: char| {
        c.is_whitespace() || c.is_control() || matches!(c, '\u{feff}' | '\u{a0}' | '\u{2007}' | '\u{202f}')
    })
    .filter(|w| !w.is_empty())
    .collect()
}

/// Text borrowed from the input is the input at its span; rejoined text
/// has the same words as its span.
#[allow(clippy::ptr_arg)] // borrowed or rejoined: the variant matters
pub fn text_at(src: &str, what: &str, text: &Cow<'_, str>, span: Span) {
    in_bounds(src, what, span);
    match text {
        Cow::Borrowed(t) => assert_eq!(*t, span.slice(src), "{what}: borrowed text differs from its span"),
        Cow::Owned(t) => assert_eq!(words(t), words(span.slice(src)), "{what}: rejoined text differs from its span"),
    }
}

/// [`text_at`] for a [`Text`] node.
pub fn text(src: &str, what: &str, t: &Text<'_>) {
    text_at(src, what, &t.text, t.span);
}

/// Every span of `d` lies in `src`, and its text is the text at its span.
pub fn check_dateline(src: &str, d: &Dateline<'_>) {
    in_bounds(src, "dateline", d.span);
    d.source_label.iter().chain(&d.separator).for_each(|t| text(src, "dateline part", t));
    d.agencies.iter().for_each(|t| text(src, "agency tag", &t.raw));
    if let Some(p) = &d.place {
        text_at(src, "place", &p.text, p.span);
        assert!(p.text.contains(p.city.as_ref()), "city {:?} outside place {:?}", p.city, p.text);
    }
    if let Some(date) = &d.date {
        in_bounds(src, "date", date.span);
    }
}

/// Every span of `a` lies in `src` on char boundaries, and the text of every
/// node is the input at its span (the same words, where it was rejoined).
pub fn check_article(src: &str, a: &Article<'_>) {
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
        assert!(!q.parts.is_empty() && !q.text.is_empty(), "an empty quotation");
        for p in q.parts.iter().chain(&q.nested) {
            in_bounds(src, "quotation part", *p);
            assert!(q.span.start <= p.start && p.end <= q.span.end, "part {p:?} outside {:?}", q.span);
        }
        let parts: Vec<&str> = q.parts.iter().flat_map(|p| words(p.slice(src))).collect();
        assert_eq!(words(&q.text), parts, "quotation text differs from its parts");
        if let Cow::Borrowed(t) = &q.text {
            assert_eq!(*t, q.parts[0].slice(src), "borrowed quotation text differs from its part");
        }
        assert!(q.paragraph.is_none_or(|i| i < a.paragraphs.len()), "paragraph index out of range");
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
