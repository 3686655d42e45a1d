//! Offsets of a message's article text back to bytes of the stream.
//!
//! The article text is built from the body's lines: markup and control
//! characters removed, hard-wrapped lines joined by a space, parts joined by
//! blank lines. [`SourceMap`] finds, in order, where each piece of it was
//! copied from in the decoded body, then where those characters lie in the
//! stream's bytes, whatever the charset.

use super::{Envelope, markup};
use crate::Span;
use crate::decode::OffsetMap;

/// Body lines looked at ahead of the last one matched, for the next piece
/// of article text: skips the heading's notes and the rules between
/// blocks, and keeps the walk linear.
const LOOKAHEAD: usize = 64;

/// From offsets of [`Envelope::article_text`] to offsets in the stream.
#[derive(Debug)]
pub(crate) struct SourceMap {
    /// Runs of article text copied whole from the body: `(text offset,
    /// body offset, length)`, in order.
    runs: Vec<(usize, usize, usize)>,
    /// Body offsets to stream offsets.
    bytes: BodyBytes,
}

/// From offsets of the decoded body to offsets in the stream.
#[derive(Debug)]
pub(crate) struct BodyBytes {
    /// Body offsets to bytes from the body's first, up to the message's end.
    map: OffsetMap,
    /// The stream offset of the body's first byte.
    base: usize,
    /// The body's length in the decoded text.
    body_len: usize,
}

impl BodyBytes {
    /// The map for `m`'s body, which starts at `base` in the stream.
    pub(crate) fn new(m: &Envelope, base: usize) -> Self {
        let map = OffsetMap::from_breaks(body_breaks(m, base), m.span.end.saturating_sub(base));
        Self { map, base, body_len: m.raw_body.len() }
    }

    /// Whether body and stream offsets advance together everywhere.
    pub(crate) fn is_identity(&self) -> bool {
        self.map.is_identity()
    }

    /// The stream offset of body offset `b`, never past the message.
    pub(crate) fn offset(&self, b: usize) -> usize {
        self.base + self.map.offset(b.min(self.body_len))
    }
}

/// A body line as the article text holds it: where its text starts in the
/// body, and the text (as `markup::text_of` gives it, with the runs of
/// bytes it was copied from).
struct Line {
    /// `(offset in the text, offset in the body, length)` runs.
    runs: Vec<(usize, usize, usize)>,
    text: String,
}

/// `line` (at `at` in the body) as `markup::text_of` reads it, with the
/// runs of the line each part comes from.
fn line_text(line: &str, at: usize) -> Line {
    // The cleaned line, and its runs in the body: `(offset in the cleaned
    // line, offset in the body, length)` (a tab read as a space is one byte
    // in both).
    let mut c = String::with_capacity(line.len());
    let mut pieces: Vec<(usize, usize, usize)> = Vec::new();
    for (i, ch) in line.char_indices() {
        let Some(ch) = markup::cleaned(ch) else { continue };
        let from = c.len();
        c.push(ch);
        match pieces.last_mut() {
            Some(r) if r.0 + r.2 == from && r.1 + r.2 == at + i => r.2 += ch.len_utf8(),
            _ => pieces.push((from, at + i, ch.len_utf8())),
        }
    }
    let r = markup::text_range(&c);
    let runs = pieces
        .iter()
        .filter_map(|&(o, b, n)| {
            let (x, z) = (o.max(r.start), (o + n).min(r.end));
            (x < z).then(|| (x - r.start, b + x - o, z - x))
        })
        .collect();
    Line { runs, text: c[r].to_owned() }
}

/// Whether `s` at `i` ends a word: its end, or white space next.
fn boundary(s: &str, i: usize) -> bool {
    s[i..].chars().next().is_none_or(char::is_whitespace)
}

impl SourceMap {
    pub(crate) fn new(m: &Envelope, text: &str) -> Self {
        let body = m.raw_body.as_str();
        let mut lines: Vec<Line> = Vec::new();
        let mut at = 0;
        for raw in body.split('\n') {
            let line = raw.strip_suffix('\r').unwrap_or(raw);
            let l = line_text(line, at);
            if !l.text.is_empty() {
                lines.push(l);
            }
            at += raw.len() + 1;
        }
        let mut runs: Vec<(usize, usize, usize)> = Vec::new();
        let (mut p, mut next_line) = (0, 0);
        while p < text.len() {
            // Separators the parts were joined with.
            let rest = &text[p..];
            let skip = rest.len() - rest.trim_start().len();
            p += skip;
            if p >= text.len() {
                break;
            }
            let rest = &text[p..];
            let text_line = rest.split('\n').next().unwrap_or(rest);
            let found = lines.iter().enumerate().skip(next_line).take(LOOKAHEAD).find_map(|(k, l)| {
                let t = l.text.as_str();
                if rest.starts_with(t) && boundary(rest, t.len()) {
                    return Some((k, 0, t.len()));
                }
                // A line the heading kept part of (labels removed before
                // or after it).
                let j = t.find(text_line)?;
                let word_start = t[..j].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
                (!text_line.is_empty() && word_start && boundary(t, j + text_line.len())).then_some((
                    k,
                    j,
                    text_line.len(),
                ))
            });
            match found {
                Some((k, from, len)) => {
                    // The runs of the line's text from `from` to `from + len`.
                    for &(o, b, n) in &lines[k].runs {
                        let (a, z) = (o.max(from), (o + n).min(from + len));
                        if a < z {
                            runs.push((p + a - from, b + a - o, z - a));
                        }
                    }
                    p += len;
                    next_line = k + 1;
                }
                None => {
                    // Text no line holds whole: on to the next word.
                    let word = rest.find(char::is_whitespace).unwrap_or(rest.len());
                    p += word.max(1);
                    while !text.is_char_boundary(p) {
                        p += 1;
                    }
                }
            }
        }
        let base = m.body_offset.unwrap_or(m.span.start);
        Self { runs, bytes: BodyBytes::new(m, base) }
    }

    /// The body offset the text offset `o` comes from: inside a run, the
    /// same character; between runs (a separator, text the markup
    /// rewrote), the end of the run before.
    fn body_offset(&self, o: usize) -> usize {
        let i = self.runs.partition_point(|&(t, _, _)| t <= o);
        match i.checked_sub(1).map(|i| self.runs[i]) {
            Some((t, b, n)) => b + (o - t).min(n),
            None => self.runs.first().map_or(0, |r| r.1),
        }
    }

    /// `span` of the article text as a span of the stream.
    pub(crate) fn span(&self, span: Span) -> Span {
        let start = self.bytes.offset(self.body_offset(span.start));
        let end = if span.end == span.start {
            start
        } else {
            // The end of the span's last character.
            self.bytes.offset(self.body_offset(span.end - 1) + 1)
        };
        Span::new(start, end.max(start))
    }
}

/// Where body offsets (in the decoded text) and byte offsets from the
/// body's first part: a character whose length differs in the two (a
/// Latin-1 letter, 2 bytes of text for 1 of input; a replaced sequence, 3
/// for its own length).
fn body_breaks(m: &Envelope, base: usize) -> Vec<(usize, usize)> {
    let mut breaks = Vec::new();
    let enc = m.charset.encoding();
    let utf8 = enc == encoding_rs::UTF_8;
    if utf8 && m.replaced.is_empty() {
        return breaks;
    }
    let mut replaced = m.replaced.iter().filter(|s| s.start >= base).peekable();
    // Bytes from the body's first.
    let mut s = 0;
    let mut buf = [0u8; 4];
    for (i, c) in m.raw_body.char_indices() {
        let n = c.len_utf8();
        let bytes = match replaced.peek() {
            Some(r) if r.start == base + s && c == '\u{fffd}' => {
                let len = r.end - r.start;
                replaced.next();
                len
            }
            _ if utf8 || c.is_ascii() => n,
            _ if enc.is_single_byte() => 1,
            _ => enc.encode(c.encode_utf8(&mut buf)).0.len(),
        };
        s += bytes;
        if bytes != n {
            breaks.push((i + n, s));
        }
    }
    breaks
}

#[cfg(test)]
mod tests {
    use crate::envelope::messages;

    /// An AP message in Latin-1: heading, byline, a hard-wrapped paragraph.
    const AP: &[u8] = b"\x16\x16\x01a0042\x1fbagm-\nr a\x13\x11 bc-Harbor     03-14 0031\r\n\x02\
^BC-Harbor Ferry,0031<\r\n^Ferry service resumes at Caf\xe9 Pier<\r\n^By JANE ROE=\r\n\
\t   OAKLAND, Calif. (AP) _ Ferries ran again on Tuesday, ``at last,'' a rider\r\n\
said at the caf\xe9.\r\n\t   \x03AP-SF-03-14-17 1502GMT<\r\n\x0c\x04";

    #[test]
    fn article_spans_are_bytes_of_the_stream() {
        let m = &messages(AP)[0];
        let parsed = m.article(&crate::ParseOptions::new()).unwrap();
        let a = &parsed.article;
        let slice = |s: crate::Span| &AP[s.start..s.end];
        let place = a.dateline.as_ref().unwrap().place.as_ref().unwrap().span;
        assert_eq!(slice(place), b"OAKLAND, Calif.");
        let q = &a.quotations[0];
        assert_eq!(slice(q.span), b"``at last,''");
        let h = a.headline.as_ref().unwrap().span;
        assert_eq!(slice(h), b"Ferry service resumes at Caf\xe9 Pier");
    }

    #[test]
    fn a_story_of_an_envelope_stream_counts_bytes_of_its_message() {
        let mut stream = b"noise before the message\r\n".to_vec();
        let at = stream.len();
        stream.extend_from_slice(AP);
        let chunk = crate::stream::stories(&stream[..]).chunks(1 << 20, 10).next().unwrap().unwrap();
        let story = &chunk[0];
        assert_eq!(story.offset, at as u64);
        let a = story.parse(&crate::ParseOptions::new()).unwrap();
        let q = a.quotations[0].span;
        assert_eq!(&stream[at + q.start..at + q.end], b"``at last,''");
        // The Latin-1 guess spans the whole message.
        let guess = a.diagnostics.iter().find(|d| d.kind == crate::DiagnosticKind::DecodedLatin1).unwrap();
        assert_eq!(guess.span, crate::Span::new(0, AP.len()));
    }

    /// A heading line whose labels the headline leaves out.
    #[test]
    fn a_headline_kept_from_part_of_its_line_maps_to_that_part() {
        let stream = b"\x16\x16\x01a0043\x1fbagm-\nd n\x13\x11 bc-BRIDGE     04-21 0040   \r\n\x02\r\n\
BCN12:UPDATE:BRIDGE REOPENS AFTER REPAIRS\r\n\r\n\t   BCN12             -UPDATE ON BRIDGE  \r\n\t   \r\n\
\t   The bridge reopened to traffic this morning, a spokesman said.\r\n\x03\x04";
        let m = &messages(stream)[0];
        let a = m.article(&crate::ParseOptions::new()).unwrap().article;
        let h = a.headline.unwrap().span;
        assert_eq!(&stream[h.start..h.end], b"BRIDGE REOPENS AFTER REPAIRS");
    }

    #[test]
    fn a_span_over_a_joined_line_covers_both_lines() {
        let m = &messages(AP)[0];
        let text = m.article_text();
        let from = text.find("a rider").unwrap();
        let to = text.find("the caf").unwrap() + "the caf\u{e9}".len();
        let s = m.source_span(crate::Span::new(from, to));
        assert_eq!(&AP[s.start..s.end], b"a rider\r\nsaid at the caf\xe9");
    }

    #[test]
    fn any_span_maps_inside_the_message_without_panicking() {
        let m = &messages(AP)[0];
        let len = m.article_text().len();
        for a in 0..=len {
            for b in [a, (a + 3).min(len), len] {
                let s = m.source_span(crate::Span::new(a, b));
                assert!(m.span.start <= s.start && s.start <= s.end && s.end <= m.span.end, "{a}..{b} -> {s:?}");
            }
        }
    }
}
