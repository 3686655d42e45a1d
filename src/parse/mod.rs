//! The private grammar, one stage a file:
//! layout → header → dateline → body → quotes → attribution.

mod attribution;
pub(crate) mod body;
pub(crate) mod dateline;
pub(crate) mod header;
mod layout;
mod quotes;

use memchr::memchr_iter;

use crate::article::{Byline, Dateline, Person, Text};
use crate::error::{Diagnostic, DiagnosticKind, Error, ErrorKind};
use crate::{Article, ParseOptions, Span};

use body::Start;
use header::LineKind;
use layout::Layout;

/// How many content blocks may stand between the headline and the dateline
/// (a standfirst, a repeated lead) before the story is taken to have none.
const MAX_LEADS: usize = 2;

/// At most this many diagnostics of one kind are kept (the first ones).
pub(crate) const MAX_DIAGNOSTICS_PER_KIND: usize = 1000;

/// The span of `part`, a slice of `src`.
pub(crate) fn span_of(src: &str, part: &str) -> Span {
    let start = (part.as_ptr() as usize).saturating_sub(src.as_ptr() as usize).min(src.len());
    Span::new(start, (start + part.len()).min(src.len()))
}

/// Parses a whole article.
pub(crate) fn article<'a>(src: &'a str, opts: &ParseOptions) -> Result<Article<'a>, Error> {
    if src.trim().is_empty() {
        return Err(Error::new(ErrorKind::Empty, Span::new(0, src.len()), src.as_bytes()));
    }
    let layout = layout::layout(src);
    let mut art = Article::default();
    let start = front(src, &layout, opts, &mut art);
    body::body(src, &layout, start, &mut art);
    drop(layout);
    if opts.quotations {
        let mut regions = regions(&art);
        art.quotations = quotes::quotations(src, &regions, &mut art.diagnostics);
        clip_after_quotations(src, &mut regions, &art.quotations);
        attribution::attribute(src, &regions, &mut art);
    }
    damage(src, &mut art.diagnostics);
    art.diagnostics.sort_by_key(|d| (d.span.start, d.kind));
    // Hostile input can hold a diagnostic a byte: keep the first of each kind
    // (no kind can pass the cap when all of them together do not).
    if art.diagnostics.len() <= MAX_DIAGNOSTICS_PER_KIND {
        return Ok(art);
    }
    let mut seen: std::collections::HashMap<crate::DiagnosticKind, usize> = std::collections::HashMap::new();
    art.diagnostics.retain(|d| {
        let n = seen.entry(d.kind).or_default();
        *n += 1;
        *n <= MAX_DIAGNOSTICS_PER_KIND
    });
    Ok(art)
}

/// The headline, standfirst and paragraphs, in document order.
fn regions(art: &Article<'_>) -> Vec<quotes::Region> {
    use crate::Location;
    let mut out = Vec::with_capacity(art.paragraphs.len() + 2);
    let head = [(&art.headline, Location::Headline), (&art.standfirst, Location::Standfirst)];
    for (t, location) in head {
        if let Some(t) = t {
            out.push(quotes::Region { span: t.span, location, paragraph: None });
        }
    }
    out.extend(art.paragraphs.iter().enumerate().map(|(i, p)| quotes::Region {
        span: p.span,
        location: Location::Body,
        paragraph: Some(i),
    }));
    out
}

/// How far past the last quotation attribution reads: an inverted cue
/// ("..., said X, the minister of ...") sits in the same sentence.
const READ_PAST_QUOTATIONS: usize = 4096;

/// Drops from `regions` what lies further than [`READ_PAST_QUOTATIONS`]
/// after the last quotation, which no attribution reads: text after a flood
/// of quotations cut at the quotation limit costs no memory.
fn clip_after_quotations(src: &str, regions: &mut Vec<quotes::Region>, quotations: &[crate::Quotation<'_>]) {
    let Some(last) = quotations.iter().map(|q| q.span.end).max() else { return };
    let mut end = last.saturating_add(READ_PAST_QUOTATIONS).min(src.len());
    while !src.is_char_boundary(end) {
        end += 1;
    }
    regions.retain(|r| r.span.start < end);
    for r in regions.iter_mut() {
        r.span.end = r.span.end.min(end);
    }
}

/// Reports U+FFFD replacement characters and control characters.
fn damage(src: &str, diags: &mut Vec<Diagnostic>) {
    for at in replacement_chars(src.as_bytes()).take(64) {
        diags.push(Diagnostic::new(DiagnosticKind::ReplacementCharacter, Span::new(at, at + 3)));
    }
    if let Some(at) = first_control(src.as_bytes()) {
        diags.push(Diagnostic::new(DiagnosticKind::ControlCharacter, Span::new(at, at + 1)));
    }
}

/// Where U+FFFD (`EF BF BD`) stands in `bytes`.
///
/// Found from its rare first byte: a substring searcher would be built
/// anew for every article, and that costs more than the search.
fn replacement_chars(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr_iter(0xef, bytes).filter(|&at| bytes[at..].starts_with("\u{fffd}".as_bytes()))
}

/// A control byte other than tab and the line ends, or DEL.
///
/// Written with `&` and `|`, not `&&` and `||`: no branch, so a chunk's test
/// compiles to vector compares.
fn is_control(b: u8) -> bool {
    (b < 0x20) & (b != b'\n') & (b != b'\r') & (b != b'\t') | (b == 0x7f)
}

/// A superset of [`is_control`] that is cheaper to test: tab and `\r` are
/// let through, and are rare enough that a chunk holding one is then simply
/// tested again exactly.
fn may_be_control(b: u8) -> bool {
    (b < 0x20) & (b != b'\n') | (b == 0x7f)
}

/// The offset of the first [`is_control`] byte.
///
/// Every article is scanned whole, and almost none holds one: whole chunks
/// (and the short tail) are tested at once, and only the part that hits is
/// searched byte by byte.
fn first_control(bytes: &[u8]) -> Option<usize> {
    const CHUNK: usize = 256;
    let any = |part: &[u8], test: fn(u8) -> bool| part.iter().fold(0u8, |hit, &b| hit | u8::from(test(b))) != 0;
    let chunks = bytes.chunks_exact(CHUNK);
    let tail = chunks.remainder();
    let (at, part) = chunks
        .enumerate()
        .map(|(k, chunk)| (k * CHUNK, chunk))
        .chain(std::iter::once((bytes.len() - tail.len(), tail)))
        .find(|&(_, part)| any(part, may_be_control) && any(part, is_control))?;
    part.iter().position(|&b| is_control(b)).map(|p| at + p)
}

/// The state of the walk over the blocks before the story.
struct Front<'a> {
    headline: Option<Text<'a>>,
    /// A byline or advisory took the headline's slot.
    slot_taken: bool,
    byline: Vec<Span>,
    /// Content blocks seen after the headline: (block, first byte).
    leads: Vec<Start>,
    /// The first content line taken as header only because a header line
    /// opened its block: where the story starts if nothing else does.
    in_header: Option<Start>,
}

/// The most lines one dateline spans (hard-wrapped copy breaks one in two).
const DATELINE_LINES: usize = 3;

/// Walks the blocks before the story: chrome, header, headline, standfirst,
/// byline and dateline. Returns where the story text begins.
fn front<'a>(src: &'a str, layout: &Layout, opts: &ParseOptions, art: &mut Article<'a>) -> Start {
    let mut st = Front { headline: None, slot_taken: false, byline: Vec::new(), leads: Vec::new(), in_header: None };
    let blocks = &layout.blocks;
    let mut b = 0;
    let mut found = None;
    'blocks: while b < blocks.len() && st.leads.len() <= MAX_LEADS {
        let blk = blocks[b];
        let text = layout.span(blk).slice(src);
        let mut header_block = false;
        for li in blk.first..blk.end {
            let line = layout.lines[li];
            let raw = line.text.slice(src);
            let kind = header::classify(raw);
            // The dateline opens a content line, or follows a byline on its line
            // ("By MARTA QUINLAN     DALTON, Ga. (AP) --").
            let after_byline = |at: usize| {
                let after = raw[at..].trim_start();
                (line.text.end - after.len(), Some(Span::new(line.text.start, line.text.start + at)))
            };
            let opening = match kind {
                // "By DANIEL YEE     ALPHARETTA, Ga. (AP) -- Because ...": the
                // story's first line after the byline.
                LineKind::Content if !header::is_framed(raw) => {
                    let by = raw.get(..3).is_some_and(|w| w.eq_ignore_ascii_case("by "));
                    match if by { raw.find("   ") } else { None } {
                        Some(at) if header::is_byline(&raw[..at]) => Some(after_byline(at)),
                        _ => Some((line.text.start, None)),
                    }
                }
                LineKind::Byline => raw.find("   ").map(after_byline),
                _ => None,
            };
            if let Some((from, byline_part)) = opening {
                // The first line is the headline's slot: only a sure dateline opens there.
                let sure = |d: &dateline::RawDateline<'_>| li > 0 || d.is_sure();
                // A dateline spans a few lines at most: the parser sees those,
                // not the rest of the block, so trying every line costs time
                // linear in the block, not quadratic.
                let window = layout.lines.get(li + DATELINE_LINES).filter(|_| li + DATELINE_LINES < blk.end);
                let until = window.map_or(layout.span(blk).end, |l| l.text.start - l.indent).max(from);
                let at_start = dateline::dateline(&src[from..until]).filter(sure).map(|d| (from, d));
                // "REUTERS/Nacho DoceKYIV, Jan 22 (Reuters) -": a photo credit
                // or label glued before the dateline.
                let glued = || {
                    let plain = kind == LineKind::Content && byline_part.is_none();
                    let found = plain.then(|| dateline::glued(&src[from..until])).flatten();
                    found.filter(|(_, d)| sure(d)).map(|(at, d)| (from + at, d))
                };
                if let Some((from, raw_dl)) = at_start.or_else(glued) {
                    if from > line.text.start {
                        if byline_part.is_none() {
                            art.chrome.push(Text::borrowed(src, span_of(src, src[line.text.start..from].trim_end())));
                        }
                    }
                    let dl_end = from + raw_dl.text.len();
                    let rest = src[dl_end..layout.span(blk).end]
                        .trim_start_matches(|c: char| c.is_whitespace() || layout::is_blank_char(c));
                    let rest_at = layout.span(blk).end - rest.len();
                    // A dateline alone, then the headline again: a repeated header.
                    if rest.is_empty() && b + 1 < blocks.len() && same_as_headline(src, &st, layout.block_span(b + 1)) {
                        art.diagnostics.push(Diagnostic::new(DiagnosticKind::RepeatedHeader, layout.span(blk)));
                        art.advisories.push(Text::borrowed(src, layout.span(blk)));
                        art.advisories.push(Text::borrowed(src, layout.block_span(b + 1)));
                        b += 2;
                        continue 'blocks;
                    }
                    // A dateline alone, then short header lines (a title, a
                    // byline, an editor's note) and the story's own dateline
                    // (Xinhua copy in archive wrappers): the outer one is header.
                    if rest.is_empty() {
                        if let Some(inner) = inner_dateline(src, layout, b) {
                            art.diagnostics.push(Diagnostic::new(DiagnosticKind::RepeatedHeader, layout.span(blk)));
                            art.advisories.push(Text::borrowed(src, layout.span(blk)));
                            for between in &blocks[b + 1..inner] {
                                if header::classify(layout.span(*between).slice(src)) == LineKind::Byline {
                                    st.byline.push(layout.span(*between));
                                } else {
                                    art.advisories.push(Text::borrowed(src, layout.span(*between)));
                                }
                            }
                            b = inner;
                            continue 'blocks;
                        }
                    }
                    st.byline.extend(byline_part);
                    art.dateline = Some(build_dateline(src, &raw_dl, opts, &mut art.diagnostics));
                    found = Some(if rest.is_empty() {
                        Start { block: b + 1, from: 0 }
                    } else {
                        Start { block: b, from: rest_at }
                    });
                    break 'blocks;
                }
            }
            match kind {
                LineKind::Chrome => {
                    header_block = true;
                    art.chrome.push(Text::borrowed(src, line.text));
                }
                LineKind::Advisory => {
                    header_block = true;
                    // AQUAINT packs header fields into one line between codes:
                    // "&UR; By ROBERT HALE &QC;  &UR; Associated Press Writer &QC;".
                    for field in header::sgml_fields(raw) {
                        if header::classify(field) == LineKind::Byline {
                            st.byline.push(span_of(src, field));
                        }
                    }
                    if st.headline.is_none() && st.leads.is_empty() && !is_code_line(raw) {
                        st.slot_taken = true;
                    }
                    art.advisories.push(Text::borrowed(src, line.text));
                }
                LineKind::Byline => {
                    header_block = true;
                    if st.headline.is_none() {
                        st.slot_taken = true;
                    }
                    st.byline.push(line.text);
                }
                LineKind::Content => {
                    if li == blk.first && text.starts_with('(') && text.ends_with(')') && text.len() < 400 {
                        // A whole block in brackets before the story: a Reuters trash line.
                        art.advisories.push(Text::borrowed(src, layout.span(blk)));
                        break;
                    } else if st.headline.is_none() && !st.slot_taken && st.leads.is_empty() {
                        st.headline = Some(headline(src, line.text));
                    } else if same_as_headline(src, &st, line.text) || header::is_framed(raw) || header_block {
                        // Header blocks (AQUAINT, ANPA) repeat titles and summaries.
                        if header_block && st.in_header.is_none() && !same_as_headline(src, &st, line.text) {
                            st.in_header = Some(Start { block: b, from: line.text.start });
                        }
                        art.advisories.push(Text::borrowed(src, line.text));
                    } else {
                        st.leads.push(Start { block: b, from: line.text.start });
                        break;
                    }
                }
            }
        }
        b += 1;
    }
    if st.headline.is_none() {
        let at = blocks.first().map_or(Span::default(), |&b| layout.span(b));
        let kind = if st.slot_taken { DiagnosticKind::AdvisoryHeadline } else { DiagnosticKind::NoHeadline };
        art.diagnostics.push(Diagnostic::new(kind, at));
    }
    art.headline = st.headline.take();
    let start = match found {
        Some(start) => {
            if let Some(lead) = st.leads.first() {
                art.standfirst = Some(lead_text(src, layout, *lead));
            }
            start
        }
        None => {
            // With no lead, the story is the text a header line swallowed
            // ("URGENT" over the whole story), not nothing.
            let story = st.leads.first().or(st.in_header.as_ref()).copied().unwrap_or(Start { block: b, from: 0 });
            art.diagnostics.push(Diagnostic::new(
                DiagnosticKind::NoDateline,
                blocks.get(story.block).map_or(Span::new(src.len(), src.len()), |&b| layout.span(b)),
            ));
            // A lead printed twice (PA copy): the first is the standfirst.
            match st.leads.get(1) {
                Some(second)
                    if second.block == story.block + 1
                        && lead_text(src, layout, story).text == lead_text(src, layout, *second).text =>
                {
                    art.standfirst = Some(lead_text(src, layout, story));
                    *second
                }
                _ => story,
            }
        }
    };
    // With no dateline the story opens at its first lead: header-like lines
    // after that ("By A" in the text) are story text, not header.
    if found.is_none() {
        let at = blocks.get(start.block).map_or(src.len(), |&b| start.from.max(layout.span(b).start));
        st.byline.retain(|s| s.start < at);
        art.chrome.retain(|t| t.span.start < at);
        art.advisories.retain(|t| t.span.start < at);
    }
    art.byline = byline(src, &st.byline);
    start
}

/// The block after `b` (a dateline alone) that opens with a sure dateline
/// and story text, with at most two one-line header blocks before it.
fn inner_dateline(src: &str, layout: &Layout, b: usize) -> Option<usize> {
    let after = layout.blocks.iter().enumerate().skip(b + 1).take(3);
    for (k, &blk) in after {
        let text = layout.span(blk).slice(src);
        // A sure dateline has its tag near the start: most paragraphs are
        // turned away on that before the grammar runs.
        let head = &text.as_bytes()[..text.len().min(80)];
        let tagged = memchr::memchr2(b'(', b'/', head).is_some();
        let sure = if tagged { dateline::dateline(text).filter(dateline::RawDateline::is_sure) } else { None };
        if let Some(dl) = sure {
            return (!text[dl.text.len()..].trim().is_empty()).then_some(k);
        }
        // A header line: one line, short, not a sentence of the story.
        if blk.end - blk.first != 1 || text.len() > 160 || text.trim_end().ends_with(['.', '"', '”']) {
            return None;
        }
    }
    None
}

/// Machine lines that may stand above the headline without taking its slot.
fn is_code_line(raw: &str) -> bool {
    let l = header::unframe(raw);
    !(l.ends_with("///") || l.to_ascii_uppercase().starts_with("ATTENTION") || l.starts_with('='))
}

fn same_as_headline(src: &str, st: &Front<'_>, span: Span) -> bool {
    st.headline.as_ref().is_some_and(|h| {
        let t = header::unframe(span.slice(src));
        let t = t.strip_suffix(" =").unwrap_or(t).trim();
        t == h.text.as_ref()
    })
}

/// The text of a lead block from its first content byte.
fn lead_text<'a>(src: &'a str, layout: &Layout, at: Start) -> Text<'a> {
    let blk = layout.blocks[at.block];
    let from = at.from.max(layout.span(blk).start);
    Text {
        text: layout::joined(src, &layout.lines[blk.first..blk.end], from),
        span: Span::new(from, layout.span(blk).end),
    }
}

/// The headline line without ANPA framing, an IPTC " =" or a priority flag.
fn headline(src: &str, line: Span) -> Text<'_> {
    let raw = line.slice(src);
    let mut t = header::unframe(raw);
    t = t.strip_suffix(" =").unwrap_or(t).trim_end();
    t = &t[header::flag_prefix(t)..];
    Text::borrowed(src, span_of(src, t.trim()))
}

fn byline<'a>(src: &'a str, lines: &[Span]) -> Option<Byline<'a>> {
    let first = lines.first()?;
    let span = first.join(*lines.last()?);
    let mut people: Vec<Person<'a>> = Vec::new();
    for l in lines {
        let text = header::unframe(l.slice(src));
        if header::is_role_line(text) {
            let t = Text::borrowed(src, span_of(src, text));
            let is_role = ["Writer", "Correspondent", "Staff", "Editor"].iter().any(|w| text.contains(w));
            for p in people.iter_mut().filter(|p| p.role.is_none() && p.affiliation.is_none()) {
                if is_role {
                    p.role = Some(t.clone());
                } else {
                    p.affiliation = Some(t.clone());
                }
            }
            continue;
        }
        for (name, role, aff) in header::byline_people(text) {
            people.push(Person {
                name: Text::borrowed(src, span_of(src, name)),
                role: role.map(|r| Text::borrowed(src, span_of(src, r))),
                affiliation: aff.map(|a| Text::borrowed(src, span_of(src, a))),
            });
        }
    }
    Some(Byline { span, people })
}

fn build_dateline<'a>(
    src: &'a str,
    raw: &dateline::RawDateline<'a>,
    opts: &ParseOptions,
    diags: &mut Vec<Diagnostic>,
) -> Dateline<'a> {
    crate::grammar::build_dateline(src, raw, opts.reference_date, diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn first_control_matches_a_byte_walk(src in "[a \t\r\n\u{1}\u{7f}\u{80}é\u{fffd}]{0,100}") {
            let naive = src.bytes().position(|b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t') || b == 0x7f);
            proptest::prop_assert_eq!(first_control(src.as_bytes()), naive);
        }

        #[test]
        fn first_control_past_whole_chunks(clean in "[a \t\r\n]{0,700}", tail in "[a \t\r\n\u{1}\u{7f}é]{0,20}") {
            let src = clean + &tail;
            let naive = src.bytes().position(|b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t') || b == 0x7f);
            proptest::prop_assert_eq!(first_control(src.as_bytes()), naive);
        }

        #[test]
        fn replacement_chars_match_a_substring_search(src in "[a \u{fffd}\u{feff}\u{f000}\u{ffbd}\u{bd}]{0,40}") {
            let found: Vec<usize> = replacement_chars(src.as_bytes()).collect();
            let naive: Vec<usize> = src.match_indices('\u{fffd}').map(|(at, _)| at).collect();
            proptest::prop_assert_eq!(found, naive);
        }
    }
}
