//! The public nom grammar (`wirecopy::grammar`) on any text: every parser
//! returns without panic, reads a prefix of its input, and gives spans
//! inside the caller's text, also when run on a slice of it; a dateline it
//! reads renders in a form that parses back to the same fields.

#![no_main]

use libfuzzer_sys::fuzz_target;
use wirecopy::nom::Parser;
use wirecopy::nom::error::Error;
use wirecopy::{Dateline, grammar};

type E<'a> = Error<&'a str>;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else { return };
    // From the start and from a few later char boundaries (a caller's parser
    // hands the grammar a slice of its text).
    for (at, _) in src.char_indices().take(4) {
        let i = &src[at..];
        if let Ok((rest, d)) = grammar::dateline::<E<'_>>(src).parse(i) {
            assert!(i.ends_with(rest));
            assert!(d.span.start >= at && d.span.end <= src.len() - rest.len(), "{src:?}");
            wirecopy_fuzz::check_dateline(src, &d);
            let shown = d.to_string();
            if let Ok(again) = shown.parse::<Dateline<'static>>() {
                assert_eq!(again.to_string().parse::<Dateline<'static>>().map(|d| d.to_string()), Ok(again.to_string()));
            }
        }
        for span in [
            grammar::place::<E<'_>>(src).parse(i).ok().map(|(_, p)| p.span),
            grammar::date::<E<'_>>(src).parse(i).ok().map(|(_, d)| d.span),
            grammar::separator::<E<'_>>(src).parse(i).ok().map(|(_, t)| t.span),
            grammar::source_label::<E<'_>>(src).parse(i).ok().map(|(_, t)| t.span),
            grammar::end_mark::<E<'_>>(src).parse(i).ok().map(|(_, t)| t.span),
            grammar::advisory::<E<'_>>(src).parse(i).ok().map(|(_, t)| t.span),
            grammar::byline::<E<'_>>(src).parse(i).ok().map(|(_, b)| b.span),
        ]
        .into_iter()
        .flatten()
        {
            assert!(span.start >= at && span.end <= src.len() && src.get(span.start..span.end).is_some(), "{src:?}");
        }
        if let Ok((_, credits)) = grammar::credit_line::<E<'_>>(src).parse(i) {
            for n in credits.iter().flat_map(|c| c.names.iter().chain([&c.role])) {
                assert_eq!(src.get(n.span.start..n.span.end), Some(n.text.as_ref()), "{src:?}");
            }
        }
        if let Ok((_, tags)) = grammar::agency_tags::<E<'_>>(src).parse(i) {
            assert!(!tags.is_empty());
        }
    }
});
