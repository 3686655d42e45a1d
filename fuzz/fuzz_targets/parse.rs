//! `parse` on any bytes: no panic, every span valid (also after
//! `wirecopy::decode`), and the rendered article parses again without
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
    // The crate's encoding policy: any bytes decode, and the article of the
    // decoded text keeps its spans (decoding diagnostics included) in it.
    let decoded = wirecopy::decode(data);
    assert_eq!(decoded.diagnostics.is_empty(), std::str::from_utf8(data).is_ok());
    if let Ok(a) = decoded.parse(&wirecopy::ParseOptions::new()) {
        wirecopy_fuzz::check_article(&decoded.text, &a);
        for d in &a.diagnostics {
            assert!(decoded.input_span(d.span).end <= data.len());
        }
    }
    let rendered = article.to_string();
    if let Ok(again) = wirecopy::parse(&rendered) {
        wirecopy_fuzz::check_article(&rendered, &again);
    }
});
