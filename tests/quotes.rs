//! Quotations found in whole articles, one fixture per wire style.
//!
//! The fixtures under `tests/fixtures/quotes/` were written for these tests
//! in the style of each agency. With `WIRECOPY_CORPUS` set to a corpus
//! folder, `corpus_quotations_hold_their_spans` also runs over every article.

use std::borrow::Cow;

use wirecopy::{DiagnosticKind, Location, MarkStyle, Quotation};

fn quotes(src: &str) -> Vec<Quotation<'_>> {
    wirecopy::parse(src).expect("the fixture parses").quotations
}

fn texts(src: &str) -> Vec<String> {
    quotes(src).iter().map(|q| q.text.to_string()).collect()
}

#[test]
fn ap_anpa_marks_nested_marks_and_a_quote_over_two_paragraphs() {
    let src = include_str!("fixtures/quotes/ap-anpa.txt");
    let q = quotes(src);
    assert_eq!(
        texts(src),
        [
            "People look at the sky in the morning and they just don't come,",
            "We had weekends in July when we carried maybe a third of what we'd carry in a normal year. \
         I've been doing this since the '70s, and I can't remember anything like it.",
            "so-called forecasts,",
            "the islands are lovely in the rain,",
            "steady.",
            "My customers say, `Call us when the sun comes out,' and I tell them, `Come anyway.'",
        ]
    );
    assert!(q.iter().all(|q| q.marks == MarkStyle::Backtick && q.closed));
    assert_eq!(q[1].parts.len(), 2);
    assert_eq!(q[1].paragraph.map(|p| p + 2), q[2].paragraph);
    let nested: Vec<&str> = q[5].nested.iter().map(|s| s.slice(src)).collect();
    assert_eq!(nested, ["Call us when the sun comes out,", "Come anyway."]);
}

#[test]
fn reuters_1987_hard_wrapped_copy() {
    let src = include_str!("fixtures/quotes/reuters-1987.txt");
    let q = quotes(src);
    assert_eq!(
        texts(src),
        [
            "We are not against paying our share, but this is too much at the wrong time,",
            "Norfolk is waiting with open arms.",
            "The cranes we have were bought when containers were a novelty. \
         If we do not replace them we will lose the business anyway,",
            "within weeks.",
        ]
    );
    // Rejoined text owns its data; the span still covers the printed lines.
    assert!(matches!(q[0].text, Cow::Owned(_)));
    assert!(q[0].span.slice(src).contains('\n'));
    assert!(matches!(q[3].text, Cow::Borrowed(_)));
    assert_eq!(q[2].parts.len(), 2);
}

#[test]
fn bbc_single_marks_in_the_headline_and_run_on_paragraphs() {
    let src = include_str!("fixtures/quotes/bbc.txt");
    let q = quotes(src);
    assert_eq!(
        texts(src),
        [
            "too steep",
            "hard to justify",
            "We understand the pressures councils face. \
         But people on fixed incomes cannot keep paying more every year for the same services.",
            "The money has to come from somewhere,",
            "bands",
        ]
    );
    assert_eq!((q[0].location, q[0].marks), (Location::Headline, MarkStyle::SingleStraight));
    assert_eq!(q[1].marks, MarkStyle::Straight);
}

#[test]
fn cnn_curly_marks_with_nested_single_marks_and_apostrophes() {
    let src = include_str!("fixtures/quotes/cnn.txt");
    let q = quotes(src);
    assert_eq!(
        texts(src),
        [
            "never gave up",
            "never gave up,",
            "I told them at halftime, ‘Nobody in this building thinks you can win. Prove them wrong,’",
            "And they did.",
            "It’s the best day of my life,",
        ]
    );
    assert_eq!(q[0].marks, MarkStyle::SingleCurly);
    assert!(q[1..].iter().all(|q| q.marks == MarkStyle::Curly));
    assert_eq!(q[2].nested.len(), 1);
}

#[test]
fn dpa_copy_wrapped_at_seventy_columns() {
    let src = include_str!("fixtures/quotes/dpa.txt");
    assert_eq!(
        texts(src),
        [
            "work from home if at all possible.",
            "We regret the disruption, but our members have waited long enough,",
            "The offer on the table does not cover inflation.",
            "completely unnecessary",
        ]
    );
}

#[test]
fn dpa_german_guillemets_and_low_marks() {
    let src = include_str!("fixtures/quotes/dpa-german.txt");
    let q = quotes(src);
    assert_eq!(
        texts(src),
        [
            "Wir bedauern die Folgen, aber unsere Mitglieder haben lange genug gewartet",
            "völlig unnötig",
            "Angriff auf die Pendler",
        ]
    );
    let marks: Vec<MarkStyle> = q.iter().map(|q| q.marks).collect();
    assert_eq!(marks, [MarkStyle::Guillemets, MarkStyle::German, MarkStyle::Guillemets]);
}

#[test]
fn tass_full_and_partial_quotes() {
    let src = include_str!("fixtures/quotes/tass.txt");
    assert_eq!(
        texts(src),
        [
            "We have always said that we are ready to return to the deal as soon as the part concerning Russia is fulfilled,",
            "only promises",
            "has not changed.",
            "There is nothing new here,",
        ]
    );
}

#[test]
fn pa_single_marks_nested_in_double_marks() {
    let src = include_str!("fixtures/quotes/pa.txt");
    let q = quotes(src);
    let body: Vec<&str> = q.iter().filter(|q| q.location == Location::Body).map(|q| q.text.as_ref()).collect();
    assert_eq!(
        body,
        [
            "Families are waiting years for a home. The Government's promise of 'homes for all' rings hollow to them.",
            "We need a plan, not a slogan.",
        ]
    );
    assert!(q.iter().any(|q| q.text == "must act now" && q.marks == MarkStyle::SingleStraight));
}

#[test]
fn quotations_are_in_document_order() {
    for src in [
        include_str!("fixtures/quotes/ap-anpa.txt"),
        include_str!("fixtures/quotes/bbc.txt"),
        include_str!("fixtures/quotes/cnn.txt"),
        include_str!("fixtures/quotes/reuters-1987.txt"),
    ] {
        let q = quotes(src);
        assert!(q.windows(2).all(|w| w[0].span.end <= w[1].span.start));
    }
}

#[test]
fn an_unclosed_quote_is_reported_and_keeps_the_rest() {
    let src = "Headline\n\nLONDON (Reuters) - He said \"it was over.\n\nThe talks \"will resume\" soon.\n";
    let a = wirecopy::parse(src).unwrap();
    let t: Vec<&str> = a.quotations.iter().map(|q| q.text.as_ref()).collect();
    assert_eq!(t, ["it was over.", "will resume"]);
    assert!(!a.quotations[0].closed);
    let d: Vec<_> = a.diagnostics.iter().filter(|d| d.kind == DiagnosticKind::UnclosedQuote).collect();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].span.slice(src), "\"");
}

#[test]
fn quotations_can_be_turned_off() {
    let src = include_str!("fixtures/quotes/tass.txt");
    let a = wirecopy::ParseOptions::new().quotations(false).parse(src).unwrap();
    assert!(a.quotations.is_empty());
}

/// Every article of the corpus, when `WIRECOPY_CORPUS` names it.
#[test]
fn corpus_quotations_hold_their_spans() {
    let Some(dir) = std::env::var_os("WIRECOPY_CORPUS") else { return };
    let dir = std::path::Path::new(&dir).join("articles");
    let Ok(entries) = std::fs::read_dir(&dir) else { return };
    for e in entries.flatten() {
        let Ok(src) = std::fs::read_to_string(e.path()) else { continue };
        let Ok(a) = wirecopy::parse(&src) else { continue };
        for q in &a.quotations {
            let name = e.path().display().to_string();
            assert!(src.get(q.span.start..q.span.end).is_some(), "{name}: {:?}", q.span);
            assert!(!q.text.is_empty() && !q.parts.is_empty(), "{name}");
            for p in q.parts.iter().chain(&q.nested) {
                assert!(q.span.start <= p.start && p.end <= q.span.end, "{name}: {p:?} outside {:?}", q.span);
            }
        }
    }
}
