//! The sub-parsers through the public API: `Dateline::from_str` (and its
//! `Display` round trip), `Agency::from_str`, and `ParseOptions` with a
//! reference date and quotations on or off.

#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use wirecopy::{Agency, Dateline, ParseOptions};

/// The fields of a dateline, spans aside.
fn fields(d: &Dateline<'_>) -> String {
    format!(
        "{:?} {:?} {:?} {:?} {:?} {:?}",
        d.source_label.as_ref().map(|t| &t.text),
        d.place.as_ref().map(|p| (&p.text, &p.city, &p.region)),
        d.date.map(|x| (x.month, x.day, x.year)),
        d.agencies.iter().map(|t| &t.agency).collect::<Vec<_>>(),
        d.agencies.iter().map(|t| &t.raw.text).collect::<Vec<_>>(),
        d.separator.as_ref().map(|t| &t.text),
    )
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let (head, rest) = data.split_at(4);
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let reference = match head[0] % 8 {
        0 => None,
        1 => Some(NaiveDate::MIN),
        2 => Some(NaiveDate::MAX),
        _ => NaiveDate::from_yo_opt(
            1900 + i32::from(u16::from_le_bytes([head[1], head[2]]) % 300),
            u32::from(head[3]) * 2,
        ),
    };
    let mut opts = ParseOptions::new().quotations(head[0] & 8 == 0);
    if let Some(r) = reference {
        opts = opts.reference_date(r);
    }

    // Datelines printed alone, and their canonical form.
    for line in text.lines().take(4).chain([text]) {
        if let Ok(d) = line.parse::<Dateline<'static>>() {
            wirecopy_fuzz::check_dateline(line, &d);
            let shown = d.to_string();
            let again =
                shown.parse::<Dateline<'static>>().unwrap_or_else(|e| panic!("{line:?} shows as {shown:?}: {e}"));
            assert_eq!(fields(&again), fields(&d), "{line:?} shows as {shown:?}");
        }
        if let Ok(a) = line.parse::<Agency>() {
            assert_eq!(a.to_string().parse::<Agency>().as_ref(), Ok(&a), "{line:?}");
        }
    }

    // The whole text with these options.
    if let Ok(article) = opts.parse(text) {
        wirecopy_fuzz::check_article(text, &article);
        if let Some(date) = article.dateline.as_ref().and_then(|d| d.date) {
            if let (Some(resolved), Some(r), None) = (date.resolved, reference, date.year) {
                assert!(resolved <= r, "a partial date resolved after the reference date");
            }
        }
        if !opts.quotations {
            assert!(article.quotations.is_empty());
        }
    }
});
