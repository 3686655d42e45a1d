//! `parse` on any bytes: no panic, every span valid (also after
//! `wirecopy::DecodeOptions::decode`, strict and lossy), and the rendered article parses again without
//! panicking.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let lossy;
    let (src, article) = match wirecopy::parse_bytes(data) {
        Ok(a) => (std::str::from_utf8(data).expect("parse_bytes accepted it"), a),
        Err(e) => {
            assert!(e.span().end <= data.len());
            lossy = String::from_utf8_lossy(data);
            match wirecopy::parse(&lossy) {
                Ok(a) => (lossy.as_ref(), a),
                Err(e) => {
                    let _ = e.to_string();
                    return;
                }
            }
        }
    };
    wirecopy_fuzz::check_article(src, &article);
    for d in &article.diagnostics {
        let _ = d.display_with(src);
    }
    // The crate's encoding policy: strict or lossy, any bytes decode or
    // fail with a span in the input; `parse_text` keeps spans in the
    // decoded text, `parse` in the input.
    for opts in [wirecopy::DecodeOptions::new(), wirecopy::DecodeOptions::new().lossy(true)] {
        let decoded = match opts.decode(data) {
            Ok(d) => d,
            Err(e) => {
                assert!(e.span().start <= e.span().end && e.span().end <= data.len());
                continue;
            }
        };
        if std::str::from_utf8(data).is_ok() {
            assert!(decoded.diagnostics.is_empty());
        }
        if let Ok(a) = decoded.parse_text(&wirecopy::ParseOptions::new()) {
            wirecopy_fuzz::check_article(&decoded.text, &a);
        }
        if let Ok(a) = decoded.parse(&wirecopy::ParseOptions::new()) {
            for d in &a.diagnostics {
                assert!(d.span.start <= d.span.end && d.span.end <= data.len());
            }
        }
    }
    let rendered = article.to_string();
    if let Ok(again) = wirecopy::parse(&rendered) {
        wirecopy_fuzz::check_article(&rendered, &again);
    }
});
