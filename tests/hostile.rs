//! Hostile input: a megabyte of quotation marks, a megabyte without a line
//! break, 100,000 one-character lines, 10,000 nested quotes, a million
//! `(AP)` tags, deep indentation, control characters and NULs. Each parses
//! without panicking, keeps every span valid, and costs time and memory in
//! proportion to its size. Also the regression tests of what fuzzing found.
//!
//! The generators, in `common/hostile_inputs.rs`, are shared with
//! `benches/pathological.rs`.

mod common;

#[path = "common/hostile_inputs.rs"]
mod inputs;

use inputs::*;
use wirecopy::Article;

fn parse_and_check(src: &str) -> Article<'_> {
    let a = wirecopy::parse(src).expect("hostile input still holds text");
    common::check_article(src, &a);
    a
}

// ---------------------------------------------------------------------------
// Time and memory

mod heap {
    //! Heap bytes in use by the current thread, and their peak: a counting
    //! wrapper around the system allocator (tests only; the library itself
    //! forbids unsafe code).

    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::Cell;

    pub struct Counting;

    thread_local! {
        static NOW: Cell<usize> = const { Cell::new(0) };
        static PEAK: Cell<usize> = const { Cell::new(0) };
        static CALLS: Cell<usize> = const { Cell::new(0) };
    }

    fn grow(n: usize) {
        let _ = CALLS.try_with(|c| c.set(c.get().wrapping_add(1)));
        let _ = NOW.try_with(|now| {
            let v = now.get().wrapping_add(n);
            now.set(v);
            let _ = PEAK.try_with(|p| p.set(p.get().max(v)));
        });
    }

    fn shrink(n: usize) {
        let _ = NOW.try_with(|now| now.set(now.get().wrapping_sub(n)));
    }

    // SAFETY: every call is passed on to `System` unchanged.
    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            grow(layout.size());
            unsafe { System.alloc(layout) }
        }

        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            grow(layout.size());
            unsafe { System.alloc_zeroed(layout) }
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            shrink(layout.size());
            unsafe { System.dealloc(ptr, layout) }
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            grow(new_size);
            shrink(layout.size());
            unsafe { System.realloc(ptr, layout, new_size) }
        }
    }

    /// Runs `f` and returns its result with the peak of heap bytes it held
    /// at once on this thread.
    pub fn peak<R>(f: impl FnOnce() -> R) -> (R, usize) {
        let base = NOW.with(Cell::get);
        PEAK.with(|p| p.set(base));
        let r = f();
        (r, PEAK.with(Cell::get).wrapping_sub(base))
    }

    /// Runs `f` and returns its result with the number of allocations and
    /// reallocations it made on this thread.
    pub fn count<R>(f: impl FnOnce() -> R) -> (R, usize) {
        let base = CALLS.with(Cell::get);
        let r = f();
        (r, CALLS.with(Cell::get).wrapping_sub(base))
    }
}

#[cfg(test)]
#[global_allocator]
static HEAP: heap::Counting = heap::Counting;

/// Peak heap bytes per byte and allocations per byte of parsing `src`:
/// counts, not clock readings, so the check holds on any machine, however
/// loaded. Time per byte is measured by `benches/pathological.rs`.
fn cost(src: &str) -> (f64, f64) {
    let ((a, allocs), peak) = heap::peak(|| heap::count(|| wirecopy::parse(src).map(|a| a.paragraphs.len())));
    drop(a);
    (peak as f64 / src.len() as f64, allocs as f64 / src.len() as f64)
}

/// Parsing 8 times the input costs at most twice the heap and the
/// allocations per byte (1 when linear, 8 when quadratic).
fn assert_linear(name: &str, make: fn(usize) -> String, small: usize) {
    let (a, b) = (make(small), make(small * 8));
    let _ = cost(&a); // the lexicon is built once, on first use
    let ((m1, n1), (m2, n2)) = (cost(&a), cost(&b));
    eprintln!(
        "{name}: {m1:.1} and {m2:.1} heap bytes/byte, {n1:.3} and {n2:.3} allocations/byte at {} and {} bytes",
        a.len(),
        b.len()
    );
    // A fixed cost (the lexicon, the first vectors) weighs on small inputs:
    // compare with a floor of one heap byte and 1/1000 allocation per byte.
    assert!(
        m2 / m1.max(1.0) < 2.0,
        "{name}: {m1:.1} heap bytes/byte at {} bytes, {m2:.1} at {} bytes",
        a.len(),
        b.len()
    );
    assert!(
        n2 / n1.max(0.001) < 2.0,
        "{name}: {n1:.3} allocations/byte at {} bytes, {n2:.3} at {} bytes",
        a.len(),
        b.len()
    );
}

#[test]
fn memory_and_allocations_grow_linearly() {
    for (name, make) in inputs() {
        assert_linear(name, make, 8 << 10);
    }
}

/// Backward scans to a sentence's start are bounded: at 8 KB an endless
/// sentence hides a growing cost behind the constant one.
#[test]
fn an_endless_sentence_costs_linear_memory() {
    assert_linear("endless sentence", endless_sentence, 64 << 10);
}

// ---------------------------------------------------------------------------
// The sizes of the issue

const MB: usize = 1 << 20;

#[test]
fn a_megabyte_of_quotation_marks() {
    let src = mixed_quote_marks(MB);
    let a = parse_and_check(&src);
    assert!(a.quotations.len() > 1000);
    for unit in QUOTE_UNITS {
        parse_and_check(&quote_marks(unit, MB / 8));
    }
}

#[test]
fn a_megabyte_without_a_line_break() {
    let src = no_newline(MB);
    let a = parse_and_check(&src);
    assert_eq!(a.paragraphs.len(), 1);
    for unit in ["a", "MOSCOW ", "Moscow ", "(AP) ", "Sergey Lavrov said he "] {
        parse_and_check(&repeat_to(unit, MB / 8));
    }
}

/// The layout is read as the story is and let go behind it: input of a
/// paragraph every 3 bytes (`a` between blank lines) holds its paragraphs,
/// 40 bytes each (13.3 bytes a byte of input), and little else at once; it
/// held all its lines and blocks too (8 and 4 bytes each, 18.5 bytes a byte
/// in all), and the paragraph vector grew by doubling where the block count
/// is not known ahead.
#[test]
fn paragraphs_are_most_of_the_heap() {
    let src = "a\n\n".repeat(300_000);
    let _ = cost(&src); // the lexicon is built once, on first use
    let (paragraphs, peak) = heap::peak(|| wirecopy::parse(&src).map(|a| a.paragraphs.len()));
    assert_eq!(paragraphs.ok(), Some(300_000 - 3));
    let per_byte = peak as f64 / src.len() as f64;
    eprintln!("a between blank lines: peak heap {per_byte:.2} bytes a byte");
    assert!(per_byte < 15.0, "{per_byte:.2} heap bytes a byte");
}

#[test]
fn a_hundred_thousand_one_character_lines() {
    let src = one_char_lines(100_000);
    assert_eq!(src.lines().count(), 100_000);
    parse_and_check(&src);
    parse_and_check(&"a\r".repeat(100_000));
    parse_and_check(&format!("x{}", "\n".repeat(MB)));
}

/// Lines all alike each repeat the headline (the first of them): a header
/// repeats its title once, so the rest is story text, not a million
/// advisories of 40 bytes each.
#[test]
fn lines_repeating_the_headline_are_story_text() {
    for unit in ["a\n", "A\r\n", "a\r"] {
        let src = unit.repeat(10_000);
        let a = parse_and_check(&src);
        assert_eq!(a.headline.as_ref().map(|h| h.as_str()), Some(unit.trim_end()), "{unit:?}");
        assert_eq!(a.advisories.len(), 1, "{unit:?}");
        assert_eq!(a.paragraphs.len(), 1, "{unit:?}");
    }
    let src = "a\n\n".repeat(10_000);
    let a = parse_and_check(&src);
    assert_eq!((a.advisories.len(), a.paragraphs.len()), (1, 10_000 - 3));
    // In a header block too: after a priority flag, one repeat is header.
    let src = urgent_lines(20_000);
    let a = parse_and_check(&src);
    let advisories: Vec<&str> = a.advisories.iter().map(|t| t.as_str()).collect();
    assert_eq!((advisories, a.paragraphs.len()), (vec!["URGENT", "a"], 1));
}

/// Lines that each read as an advisory (a lone mark): past a thousand, the
/// header ends and the rest is the story.
#[test]
fn a_header_ends_at_a_thousand_advisories() {
    for unit in ["/\n", "=\n", "/\n\n"] {
        let src = unit.repeat(5000);
        let a = parse_and_check(&src);
        assert_eq!(a.advisories.len(), 1000, "{unit:?}");
        assert!(!a.paragraphs.is_empty(), "{unit:?}");
    }
}

#[test]
fn ten_thousand_nested_quotes() {
    let src = nested_quotes(10_000);
    let a = parse_and_check(&src);
    assert!(!a.quotations.is_empty());
}

#[test]
fn a_million_agency_tags() {
    let src = agency_tags(1_000_000);
    let a = parse_and_check(&src);
    let d = a.dateline.expect("a dateline with many tags");
    assert_eq!(d.agencies.len(), 1);
    assert_eq!(a.paragraphs[0].text, "Text.");
}

/// Past eight tags, agencies are kept once through sets: the same as
/// looking each up along the list, in order, first tag kept.
#[test]
fn many_agency_tags_keep_each_agency_once_in_order() {
    let tags = "(AP)(XB)(Reuters)(XA)(AP)(Reuter)(XB)(XC/AP)(XA)(dpa)(XD-XE)(XC)";
    for (src, n) in
        [(format!("Headline\n\nMOSCOW {tags} - Text."), 12), ("Headline\n\nMOSCOW (XB)(AP)(XB) - Text.".into(), 3)]
    {
        let a = parse_and_check(&src);
        let d = a.dateline.expect("a dateline");
        let names: Vec<&str> = d.agencies.iter().map(|t| t.agency.name()).collect();
        let want: &[&str] =
            if n == 12 { &["AP", "XB", "Reuters", "XA", "XC", "dpa", "XD", "XE"] } else { &["XB", "AP"] };
        assert_eq!(names, want, "{src}");
        let raw: Vec<&str> = d.agencies.iter().map(|t| t.raw.as_str()).collect();
        if n == 12 {
            assert_eq!(raw, ["(AP)", "(XB)", "(Reuters)", "(XA)", "(XC/AP)", "(dpa)", "(XD-XE)", "(XD-XE)"]);
        }
    }
    // One diagnostic an unknown tag, the first thousand of them.
    let src = distinct_agency_tags(5000);
    let a = parse_and_check(&src);
    let unknown = a.diagnostics.iter().filter(|d| d.kind == wirecopy::DiagnosticKind::UnknownAgency).count();
    assert_eq!((a.dateline.unwrap().agencies.len(), unknown), (5000, 1000));
}

#[test]
fn a_megabyte_of_deep_indentation() {
    let src = deep_indentation(MB);
    let a = parse_and_check(&src);
    assert_eq!(a.dateline.unwrap().place.unwrap().text, "MOSCOW");
}

#[test]
fn control_characters_and_nuls() {
    parse_and_check(&control_characters(MB));
    parse_and_check(&"\0".repeat(MB));
    let only: String = (0u8..32).filter(|b| !b" \t\n\r\x0b\x0c".contains(b)).map(char::from).collect();
    parse_and_check(&only);
    for c in (0u8..32).chain([127]).map(char::from) {
        parse_and_check(&format!("Head{c}line\n\nMOSCOW (AP) -{c} Te{c}xt “q{c}” {c}"));
    }
}

// ---------------------------------------------------------------------------
// Found by fuzzing and property testing

/// Found by `cargo fuzz run parse` (the crash input was corpus text with a
/// NUL and a BOM after a dateline) and by `any_string_parses_...`.
#[test]
fn control_characters_after_the_dateline_stay_out_of_the_span() {
    for src in [
        "Headline\n\nMOSCOW, June 16. /TASS/. \0Text here.",
        "Headline\n\nLOS ANGELES (Reuters) - \u{feff}A group said so.",
        " (AP) _ \0\u{e000}",
        "Headline\n\nMOSCOW (AP) - \u{7} =x",
    ] {
        let a = wirecopy::parse(src).unwrap();
        let p = &a.paragraphs[0];
        assert_eq!(p.span.slice(src), p.text, "{src:?}");
    }
}

/// Found by `cargo fuzz run subparsers`: a full stop after a date was taken
/// by the date when rendered ("TOKYO, December 3, 2006." has no separator).
#[test]
fn a_full_stop_separator_after_a_date_renders_apart() {
    let d: wirecopy::Dateline<'static> = "TOKYO, Dec 3 , 2006,.".parse().unwrap();
    assert_eq!(d.separator.as_ref().map(|s| s.as_str()), Some("."));
    let shown = d.to_string();
    assert_eq!(shown, "TOKYO, December 3, 2006 .");
    let again: wirecopy::Dateline<'static> = shown.parse().unwrap();
    assert_eq!(again.separator.as_ref().map(|s| s.as_str()), Some("."));
    assert_eq!(again.date.map(|x| (x.month, x.day, x.year)), Some((12, 3, Some(2006))));
    let src = "Headline\n\nTOKYO, Dec 3 , 2006,.\nJapan said so.\n";
    let a = wirecopy::parse(src).unwrap();
    let b = wirecopy::parse(&a.to_string()).unwrap().to_string();
    assert_eq!(b, a.to_string());
}

/// Found by `generated_articles_render_and_parse_back` (tests/properties.rs):
/// a byline of four names is over ten words and reads as story text, so
/// rendering splits it.
#[test]
fn long_bylines_render_over_several_lines() {
    let src = "Headline\n\nBy Sergey Lavrov and Anna Smirnova\nBy Ivan Petrov and Oleg Ivanov\n\nMOSCOW (AP) - Text.\n";
    let a = wirecopy::parse(src).unwrap();
    let names =
        |a: &Article<'_>| a.byline.iter().flat_map(|b| &b.people).map(|p| p.name.text.to_string()).collect::<Vec<_>>();
    assert_eq!(names(&a), ["Sergey Lavrov", "Anna Smirnova", "Ivan Petrov", "Oleg Ivanov"]);
    let copy = a.to_string();
    assert!(copy.lines().all(|l| l.split_whitespace().count() <= 11), "{copy}");
    let b = wirecopy::parse(&copy).unwrap();
    assert_eq!(names(&b), names(&a));
    assert_eq!(b.to_string(), copy);
}

/// Found by `rendering_what_was_parsed_is_idempotent`: a speaker's name
/// hard-wrapped over two lines resolves to a name holding the line break.
#[test]
fn a_speaker_name_over_a_line_break_is_one_line() {
    let src = "Headline\n\nMOSCOW (AP) - Text.\n\n\"We are ready,\" Ivan\nLund told reporters.\n";
    let a = wirecopy::parse(src).unwrap();
    let speaker = a.quotations[0].speaker.as_ref().unwrap();
    assert_eq!(speaker.name.as_deref(), Some("Ivan Lund"));
}

/// Found by `generated_articles_render_and_parse_back`: a second person
/// with the same surname is taken for the first.
#[test]
fn speakers_sharing_a_surname_stay_apart() {
    let src =
        "Headline\n\nMOSCOW (AP) - Text.\n\n\"We will,\" Maria Gabbett said.\n\n\"We won't,\" Anna Gabbett said.\n";
    let a = wirecopy::parse(src).unwrap();
    let names: Vec<_> = a.quotations.iter().map(|q| q.speaker.as_ref().and_then(|s| s.name.as_deref())).collect();
    assert_eq!(names, [Some("Maria Gabbett"), Some("Anna Gabbett")]);
}

/// Found by `cargo fuzz run subparsers`: a printed year below 1000 lost its
/// leading zero when rendered, and "11, 447" is no date.
#[test]
fn a_year_below_a_thousand_keeps_four_digits() {
    let d: wirecopy::Dateline<'static> = "BAGHDAD, Nov. 11 , 0447 (Xinhua)".parse().unwrap();
    assert_eq!(d.to_string(), "BAGHDAD, November 11, 0447 (Xinhua)");
    let again: wirecopy::Dateline<'static> = d.to_string().parse().unwrap();
    assert_eq!(again.date.map(|x| x.year), Some(Some(447)));
}

/// Found by `rendering_any_string_twice_is_a_fixed_point`: a headline that
/// opens with `^` lost one to the ANPA framing at each round trip.
#[test]
fn a_headline_opening_with_a_caret_survives_rendering() {
    let first = wirecopy::parse("^^\0!").unwrap();
    assert_eq!(first.headline.as_ref().map(|h| h.text.as_ref()), Some("^\0!"));
    let once = first.to_string();
    let second = wirecopy::parse(&once).unwrap();
    assert_eq!(second.headline.as_ref().map(|h| h.text.as_ref()), Some("^\0!"));
    assert_eq!(second.to_string(), once);
    for text in ["Ferry line opens<", "Prices <up>", "^Caret first"] {
        let src = format!("^{text}<\n\nOSLO (Reuters) - Text.\n");
        let a = wirecopy::parse(&src).unwrap();
        assert_eq!(a.headline.as_ref().map(|h| h.text.as_ref()), Some(text));
        let rendered = a.to_string();
        let again = wirecopy::parse(&rendered).unwrap();
        assert_eq!(again.headline.as_ref().map(|h| h.text.as_ref()), Some(text), "{text}");
    }
}

/// Found by `cargo fuzz run subparsers`: a place alone that names an agency
/// ("AP, -") rendered as "AP -", which reads as AP's tag.
#[test]
fn a_place_that_names_an_agency_keeps_its_comma() {
    let d: wirecopy::Dateline<'static> = "AP, - ".parse().unwrap();
    let shown = d.to_string();
    let again: wirecopy::Dateline<'static> = shown.parse().unwrap_or_else(|e| panic!("{shown:?}: {e}"));
    assert_eq!(
        again.place.as_ref().map(|p| p.text.to_string()),
        d.place.as_ref().map(|p| p.text.to_string()),
        "{shown:?}"
    );
    assert_eq!(again.agencies.len(), d.agencies.len(), "{shown:?}");
    assert_eq!(again.to_string(), shown);
}

/// Found by `cargo fuzz run grammar`: a place's last word ending in a hyphen
/// and a full stop ("Sarrrrr-.") lost the full stop as a sentence's, and
/// rendered as "Sarrrrr- (Reuters)", which reads as no dateline; then the
/// same with a last word of one letter after a no-break space.
#[test]
fn a_place_ending_in_a_hyphen_keeps_its_full_stop() {
    // (And a last word after a no-break space: "Fr\u{a0}S." ends in "S.",
    // an initial's full stop, not a sentence's.)
    for src in ["U. Sarrrrr-. (Reuters)", "Sarrrrr-. (Reuters)", "U. Fr\u{a0}S. (t) -"] {
        let d: wirecopy::Dateline<'static> = src.parse().unwrap_or_else(|e| panic!("{src:?}: {e}"));
        let shown = d.to_string();
        let again: wirecopy::Dateline<'static> = shown.parse().unwrap_or_else(|e| panic!("{src:?} -> {shown:?}: {e}"));
        assert_eq!(again.to_string(), shown, "{src:?}");
    }
    // "MINSK." and "Roma." still close their place with the full stop.
    let d: wirecopy::Dateline<'static> = "MINSK. July 26 (BelTA) -".parse().unwrap();
    assert_eq!(d.place.as_ref().map(|p| p.city.as_ref()), Some("MINSK"));
}

/// Found by `cargo fuzz run subparsers`: a slashed tag after a place with no
/// date rendered one space from it, which reads as a region ("IGORA
/// /Leningrad Region/") or not at all.
#[test]
fn a_slashed_tag_after_a_place_renders_as_a_tag() {
    for (src, shown) in [
        (" A/TASStN/. ", "A/TASStN/."),
        ("S/TS/TSAS  /S/. ", "S/TS/TSAS  /S/."),
        ("MOSCOW, June 16. /TASS/.", "MOSCOW, June 16. /TASS/."),
        ("IGORA /Leningrad Region/ (AP) -", "IGORA /Leningrad Region/ (AP) -"),
    ] {
        let d: wirecopy::Dateline<'static> = src.parse().unwrap();
        assert_eq!(d.to_string(), shown);
        let again: wirecopy::Dateline<'static> = d.to_string().parse().unwrap_or_else(|e| panic!("{src:?}: {e}"));
        assert_eq!(again.to_string(), shown);
        assert_eq!(again.agencies.len(), d.agencies.len(), "{src:?}");
    }
}

// ---------------------------------------------------------------------------
// Concatenated input

#[test]
fn joined_stories_are_reported_at_each_title() {
    let one = "Port of Halifax expands\n\nHALIFAX, March 3 (CP) - The port grows.\n\nIt adds a berth.\n\n";
    let two = "Grain talks resume\n\nMOSCOW, March 11. /TASS/. Talks went on.\n\n# dpa NOTEBOOK\n\n";
    let three = "Steel output rises\n\nPITTSBURGH (AP) - Output rose.\n";
    let src = format!("{one}{two}{three}");
    let a = parse_and_check(&src);
    let titles: Vec<&str> = a
        .diagnostics
        .iter()
        .filter(|d| d.kind == wirecopy::DiagnosticKind::JoinedStories)
        .map(|d| d.span.slice(&src))
        .collect();
    assert_eq!(titles, ["Grain talks resume", "Steel output rises"]);
}

#[test]
fn a_story_with_subheads_is_one_story() {
    let src = "Port of Halifax expands\n\nHALIFAX, March 3 (CP) - The port grows.\n\nNew berth\n\n\
               It adds a berth, officials said on March 4 (Monday).\n\nCosts\n\n\"40 million,\" (CP) figures show.\n";
    let a = parse_and_check(src);
    assert!(a.diagnostics.iter().all(|d| d.kind != wirecopy::DiagnosticKind::JoinedStories), "{:?}", a.diagnostics);
}
