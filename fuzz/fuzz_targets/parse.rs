//! `parse` on any bytes: no panic, every span valid, and the rendered
//! article parses again without panicking.

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
    let rendered = article.to_string();
    if let Ok(again) = wirecopy::parse(&rendered) {
        wirecopy_fuzz::check_article(&rendered, &again);
    }
});
