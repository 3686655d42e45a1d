//! Envelope streams on any bytes: no panic, spans in bounds and in order
//! (block spans inside their message),
//! the slice and the reader agree, a rendered message is a fixed point
//! (rendering what its rendering parses to gives the same bytes), and the
//! stories of `stream::stories` parse with valid spans.

#![no_main]

use libfuzzer_sys::fuzz_target;
use wirecopy::envelope::{self, Envelope, Item, ReadOptions, Reader};

fuzz_target!(|data: &[u8]| {
    let opts = ReadOptions::new().max_message_len(1 + usize::from(data.first().copied().unwrap_or(0)) * 16);
    let items: Vec<Item> = envelope::items(data, opts).collect();
    let mut at = 0;
    for item in &items {
        let span = match item {
            Item::Message(m) => m.span,
            Item::Noise(n) => n.span,
            _ => continue,
        };
        assert!(at <= span.start && span.start < span.end && span.end <= data.len());
        at = span.end;
        if let Item::Message(m) = item {
            for b in &m.body.blocks {
                let s = m.stream_span(b);
                assert!(span.start <= s.start && s.start <= s.end && s.end <= span.end);
            }
            // The article's spans count bytes of the stream, in the message.
            if let Ok(p) = m.article(&wirecopy::ParseOptions::new()) {
                let a = &p.article;
                let spans = a.quotations.iter().map(|q| q.span).chain(a.paragraphs.iter().map(|p| p.span));
                for s in spans.chain(a.headline.iter().map(|h| h.span)) {
                    assert!(span.start <= s.start && s.start <= s.end && s.end <= span.end);
                }
            }
            // Read back in the charset it was written in: detection is a
            // guess, which other bytes (a character the charset cannot hold
            // written as a numeric reference) may change.
            let same = opts.charset(m.charset);
            let once = m.render();
            let again = Envelope::parse(&once, &same).render();
            assert_eq!(Envelope::parse(&again, &same).render(), again);
        }
    }
    let read: Vec<Item> = Reader::with_options(data, opts).collect::<Result<_, _>>().unwrap();
    assert_eq!(read, items);
    // The stream path, which tells envelope from text by its framing: every
    // story parses with valid spans, its decoding diagnostics among them.
    for chunk in wirecopy::stream::stories(data).chunks(1 << 16, 64) {
        for story in chunk.unwrap() {
            if let Ok(a) = story.parse(&wirecopy::ParseOptions::new()) {
                match &story.envelope {
                    // A message's spans count its bytes, from the story's offset.
                    Some(m) => {
                        let len = m.span.end - m.span.start;
                        let spans = a.quotations.iter().map(|q| q.span).chain(a.paragraphs.iter().map(|p| p.span));
                        for s in spans.chain(a.diagnostics.iter().map(|d| d.span)) {
                            assert!(s.start <= s.end && s.end <= len);
                        }
                    }
                    // A plain story's count its bytes: its text when it was UTF-8.
                    None if data[story.offset as usize..].starts_with(story.text.as_bytes()) => {
                        wirecopy_fuzz::check_article(&story.text, &a);
                    }
                    None => {}
                }
            }
        }
    }
});
