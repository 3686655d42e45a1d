//! What comes before the story: chrome, wire header and advisories,
//! headline, standfirst, byline and dateline. [`front`] walks the blocks
//! before the story and calls the dateline grammar on each line that may
//! open it.

use crate::article::{Byline, Dateline, Person, Text};
use crate::error::{Diagnostic, DiagnosticKind};
use crate::{Article, ParseOptions, Span};

use super::body::Start;
use super::layout::Layout;
use super::span_of;

/// What a line before the story is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LineKind {
    /// Site chrome: "All news", "Source: CNN".
    Chrome,
    /// Wire header or advisory: codes, slugs, "Eds:", "ATTENTION ... ///".
    Advisory,
    /// A byline: "By WANJIRU KAMAU", "Associated Press Writer".
    Byline,
    /// Anything else: a headline, a standfirst, or story text.
    Content,
}

/// The line without ANPA framing: a leading `^`, a trailing `<` or `=`.
pub(crate) fn unframe(line: &str) -> &str {
    let l = line.strip_prefix('^').unwrap_or(line);
    let l = l.strip_suffix('<').or_else(|| l.strip_suffix('=')).unwrap_or(l);
    l.trim()
}

/// Whether the line carries ANPA framing (`^...<` or `^...=`): a header line.
pub(crate) fn is_framed(raw: &str) -> bool {
    raw.starts_with('^') && (raw.ends_with('<') || raw.ends_with('='))
}

/// Classifies one line met before the story.
pub(crate) fn classify(raw: &str) -> LineKind {
    let line = unframe(raw);
    if line.is_empty() {
        return LineKind::Advisory;
    }
    if is_chrome(line) {
        LineKind::Chrome
    } else if is_advisory(line) {
        LineKind::Advisory
    } else if is_byline(line) {
        LineKind::Byline
    } else {
        LineKind::Content
    }
}

fn is_chrome(line: &str) -> bool {
    const CHROME: &[&str] = &["All news", "Advertisement", "Share", "Share this", "Skip to content", "Read more"];
    CHROME.iter().any(|c| line.eq_ignore_ascii_case(c))
        || line.starts_with("Source: ") && line.len() < 60
        || line.starts_with("Source:") && line.len() < 60 && !line.contains(". ")
}

fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.get(..prefix.len()).is_some_and(|p| p.eq_ignore_ascii_case(prefix))
}

fn is_advisory(line: &str) -> bool {
    let b = line.as_bytes();
    // The line is trimmed, so its first word opens it: the tests on that word
    // look at the line's first bytes, and split the word off only if those fit.
    let first = || Words::of(line, 1).first();
    let may_be_wire_code = b.first().is_some_and(u8::is_ascii_lowercase) || b.get(1).is_some_and(u8::is_ascii_digit);
    // Advisories and priority flags.
    line.ends_with("///")
        || starts_with_ci(line, "ATTENTION")
        || line.starts_with('=')
        || is_flag(line)
        || starts_with_ci(line, "Eds:")
        || starts_with_ci(line, "Ed's:")
        || starts_with_ci(line, "EDITOR'S NOTE")
        || starts_with_ci(line, "EDITORS:")
        || line.starts_with("AP Photo")
        || line.starts_with("AP Video")
        || line.starts_with("AP Graphic")
        || line.starts_with("(For use by")
        || line.starts_with("(For release")
        || line.starts_with("(Eds:")
        // Slugs and codes.
        || line.starts_with("BC-")
        || has_sgml_code(line)
        || line.starts_with('[') && line.ends_with(']') && line.len() < 40
        || line.starts_with('(') && line.ends_with(')') && line.len() < 200 && !line[1..].contains('(')
        || line == "NEWS STORY"
        || is_doc_id(line) && is_doc_id(first())
        || is_timestamp(line)
        || may_be_wire_code && is_wire_code(line, first())
        || is_slug(line)
        // Copyright lines in the header.
        || is_copyright(line)
        || b.len() == 1 && !b[0].is_ascii_alphanumeric()
}

/// The first words of a line (up to three) and how many it has, up to the
/// limit: all the header tests look at. A line may be a whole paragraph, so
/// it is not split further.
struct Words<'a> {
    first: [&'a str; 3],
    /// The number of words, counting no further than three.
    n: usize,
}

impl<'a> Words<'a> {
    /// As `split_whitespace` splits, but reading ASCII bytes without
    /// decoding them: only a byte past ASCII starts a character to decode.
    fn of(line: &'a str, limit: usize) -> Self {
        let b = line.as_bytes();
        // The length of the character at `i` if it is (or is not) white space.
        let space_at = |i: usize, space: bool| -> Option<usize> {
            let (len, is_space) = match b[i] {
                c if c.is_ascii() => (1, char::from(c).is_whitespace()),
                _ => line[i..].chars().next().map_or((1, false), |c| (c.len_utf8(), c.is_whitespace())),
            };
            (is_space == space).then_some(len)
        };
        let mut first = [""; 3];
        let mut n = 0;
        let mut i = 0;
        while n < limit.min(3) {
            while let Some(len) = (i < b.len()).then(|| space_at(i, true)).flatten() {
                i += len;
            }
            if i == b.len() {
                break;
            }
            let start = i;
            while let Some(len) = (i < b.len()).then(|| space_at(i, false)).flatten() {
                i += len;
            }
            first[n] = &line[start..i];
            n += 1;
        }
        Self { first, n }
    }

    fn first(&self) -> &'a str {
        self.first[0]
    }
}

/// `URGENT`, `FLASH`, `BULLETIN` and the like, alone on a line.
fn is_flag(line: &str) -> bool {
    const FLAGS: &[&str] = &[
        "URGENT",
        "FLASH",
        "BULLETIN",
        "EXTRA",
        "ADVISORY",
        "ALERT",
        "CORRECTION",
        "REPEAT",
        "UPDATE",
        "PRIORITY",
        "NEWSALERT",
        "REFILE",
        "WRITETHRU",
        "CORRECTED",
        "LEAD",
    ];
    // Flags are short words, version lines open with a digit.
    line.len() <= 10 && FLAGS.iter().any(|f| line.eq_ignore_ascii_case(f))
        || line.starts_with(|c: char| c.is_ascii_digit()) && is_version_line(line)
}

/// A version line of IPTC and ANPA copy: "1ST LEAD", "2nd Writethru", "3RD ADD".
fn is_version_line(line: &str) -> bool {
    let Some((ordinal, what)) = line.split_once(' ') else { return false };
    let digits = ordinal.bytes().take_while(u8::is_ascii_digit).count();
    let suffix = &ordinal[digits..];
    digits > 0
        && digits < 3
        && ["ST", "ND", "RD", "TH"].iter().any(|s| suffix.eq_ignore_ascii_case(s))
        && ["LEAD", "WRITETHRU", "ADD", "UPDATE"].iter().any(|w| what.eq_ignore_ascii_case(w))
}

/// The priority flag that may open a headline, with the space after it.
pub(crate) fn flag_prefix(line: &str) -> usize {
    const FLAGS: &[&str] = &["URGENT ", "FLASH ", "BULLETIN ", "NEWSALERT "];
    FLAGS.iter().find(|f| line.starts_with(*f)).map_or(0, |f| f.len())
}

pub(crate) fn is_copyright(line: &str) -> bool {
    let b = line.as_bytes();
    starts_with_ci(line, "copyright ")
        || line.starts_with("(c)")
        || line.starts_with("(C)")
        || line.starts_with('©')
        // c.1998 The Boston Globe
        || b.len() > 6 && b[0] == b'c' && b[1] == b'.' && b[2..6].iter().all(u8::is_ascii_digit)
}

/// `APW20000115.0031`, `XIE19990313.0229`: AQUAINT document ids.
fn is_doc_id(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 16
        && b[..3].iter().all(u8::is_ascii_uppercase)
        && b[3..11].iter().all(u8::is_ascii_digit)
        && b[11] == b'.'
}

/// `&Cx1f;`, `&UR;`, `&QL;`, `&HT;`: AQUAINT transmission codes (not HTML
/// entities, which are lower case).
fn has_sgml_code(line: &str) -> bool {
    let b = line.as_bytes();
    memchr::memchr_iter(b'&', b).any(|at| {
        let code = &b[at + 1..];
        // A code has at most four letters: counting stops at five.
        let len = code.iter().take(5).take_while(|c| c.is_ascii_alphanumeric()).count();
        code.first().is_some_and(u8::is_ascii_uppercase) && (2..=4).contains(&len) && code.get(len) == Some(&b';')
    })
}

/// The fields of a line packed with AQUAINT codes, between the codes.
pub(crate) fn sgml_fields(line: &str) -> impl Iterator<Item = &str> {
    let has = has_sgml_code(line);
    line.split(move |c: char| has && c == '&')
        .map(|f| match f.find(';') {
            Some(at) if f[..at].bytes().all(|b| b.is_ascii_alphanumeric()) && at <= 4 => &f[at + 1..],
            _ => f,
        })
        .map(str::trim)
        .filter(move |f| has && !f.is_empty())
}

/// `1998-06-14 07:45`, `2014-03-09 08:17:42 GMT+00:00`, `05/02/1998 16:41:00 w3174`
fn is_timestamp(line: &str) -> bool {
    let b = line.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let iso = b.get(4) == Some(&b'-') && b.get(7) == Some(&b'-') && digits(0..4);
    let us = b.get(2) == Some(&b'/') && b.get(5) == Some(&b'/') && digits(6..10);
    (10..=40).contains(&b.len()) && (iso || us)
}

/// `W4518asian`, `f l BC-...`, `u i BC-...`, `ecb417 4 i 187 ccccb dpa 093`.
fn is_wire_code(line: &str, first: &str) -> bool {
    // Each code opens with a word of its own shape (a lone small letter; a
    // letter and digits; two small letters and digits): most lines are
    // turned away on their first word.
    let b = first.as_bytes();
    let lower = |i: usize| b.get(i).is_some_and(u8::is_ascii_lowercase);
    let may = b.len() == 1 && lower(0) || b.len() >= 5 && (b[1].is_ascii_digit() || lower(0) && lower(1));
    if !may {
        return false;
    }
    let words = Words::of(line, 3);
    let (n, words) = (words.n, &words.first);
    let b = words[0].as_bytes();
    // W4518asian: a capital, digits, lowercase letters; alone on the line.
    let anpa_id = n == 1
        && b.len() >= 5
        && b[0].is_ascii_alphabetic()
        && b[1..5].iter().all(u8::is_ascii_digit)
        && b.iter().skip(1).all(|c| c.is_ascii_alphanumeric() || *c == b'-');
    // "f l BC-..." / "r a BC-...": ANPA priority and category letters.
    let anpa_cat = n == 3
        && words[0].len() == 1
        && words[1].len() == 1
        && words[0].bytes().all(|c| c.is_ascii_lowercase())
        && words[1].bytes().all(|c| c.is_ascii_lowercase());
    // ecb417 4 i 187: IPTC 7901 message header.
    let iptc = n == 3
        && b.len() >= 5
        && b.iter().take_while(|c| c.is_ascii_lowercase()).count() >= 2
        && b.iter().skip_while(|c| c.is_ascii_lowercase()).all(u8::is_ascii_digit)
        && b.last().is_some_and(u8::is_ascii_digit)
        && words[1].bytes().all(|c| c.is_ascii_digit());
    anpa_id || anpa_cat || iptc
}

/// `Germany-politics/`, `American Football/NFL/`: IPTC keyword slugs.
fn is_slug(line: &str) -> bool {
    line.ends_with('/') && line.len() < 60 && !line.contains(". ") && !line.ends_with("///")
}

/// `By WANJIRU KAMAU`, `by Janie Gabbett, Reuters`, `Associated Press Writer`.
pub(crate) fn is_byline(line: &str) -> bool {
    if is_role_line(line) {
        return true;
    }
    let Some(rest) = line.strip_prefix("By ").or_else(|| line.strip_prefix("by ")).or_else(|| line.strip_prefix("BY "))
    else {
        return false;
    };
    let rest = rest.trim_end_matches(['=', '<', ' ']);
    let name_word = |w: &str| {
        w.starts_with(|c: char| c.is_uppercase())
            || matches!(w, "and" | "&" | "of" | "de" | "van" | "von" | "der" | "la" | "al" | "in" | "for" | "bin")
    };
    // One to ten words, each a name word: the eleventh ends the walk.
    let mut n = 0;
    let names = rest.split_whitespace().take(11).all(|w| {
        n += 1;
        n <= 10 && name_word(w)
    });
    n > 0 && names && (!rest.ends_with('.') | rest.ends_with(" Jr."))
}

/// `Associated Press Writer`, `Associated Press`, `Reuters`: a byline's role line.
pub(crate) fn is_role_line(line: &str) -> bool {
    const ROLES: &[&str] = &[
        "Associated Press Writer",
        "Associated Press",
        "AP Writer",
        "Associated Press Writers",
        "AP Business Writer",
        "AP Sports Writer",
        "AP Science Writer",
        "AP Medical Writer",
        "AP Technology Writer",
        "AP Economics Writer",
        "AP Diplomatic Writer",
        "AP Military Writer",
        "AP Political Writer",
        "AP Religion Writer",
        "AP Entertainment Writer",
        "AP National Writer",
        "AP Special Correspondent",
        "AP Chief Political Writer",
        "Reuters Staff",
        "AFP Staff",
        "Staff Writer",
    ];
    let l = line.trim_end_matches(['=', '<', ' ']);
    // Every role is 9 to 25 bytes long: most lines are turned away on length.
    (9..=25).contains(&l.len()) && ROLES.iter().any(|r| l.eq_ignore_ascii_case(r))
}

/// Splits a byline into people with their role and affiliation, as slices of `line`.
pub(crate) fn byline_people(line: &str) -> Vec<(&str, Option<&str>, Option<&str>)> {
    let body = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("by "))
        .or_else(|| line.strip_prefix("BY "))
        .unwrap_or(line)
        .trim_end_matches(['=', '<', ' ']);
    let (names, affiliation) = match body.split_once(", ") {
        Some((n, a)) => (n, Some(a.trim())),
        None => (body, None),
    };
    // "GRETA HOLM Associated Press Writer": the role follows capitals.
    let (names, role) = split_role(names);
    names
        .split(" and ")
        .flat_map(|n| n.split(" & "))
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(|n| (n, role, affiliation))
        .collect()
}

fn split_role(names: &str) -> (&str, Option<&str>) {
    const ROLE_STARTS: &[&str] = &[" Associated Press", " AP ", " Reuters", " AFP", " Staff"];
    for r in ROLE_STARTS {
        if let Some(at) = names.find(r) {
            // "The Associated Press" is one name.
            if at > 0 && !names[..at].eq_ignore_ascii_case("the") {
                return (names[..at].trim(), Some(names[at..].trim()));
            }
        }
    }
    (names, None)
}

// The walk over the blocks before the story, from the layout to where
// the story starts.

/// How many content blocks may stand between the headline and the dateline
/// (a standfirst, a repeated lead) before the story is taken to have none.
const MAX_LEADS: usize = 2;

/// The state of the walk over the blocks before the story.
struct Front<'a> {
    headline: Option<Text<'a>>,
    /// A byline or advisory took the headline's slot.
    slot_taken: bool,
    /// A line repeating the headline was seen.
    repeated: bool,
    byline: Vec<Span>,
    /// Content blocks seen after the headline: (block, first byte).
    leads: Vec<Start>,
    /// The first content line taken as header only because a header line
    /// opened its block: where the story starts if nothing else does.
    in_header: Option<Start>,
}

/// A first line longer than this may hold a glued dateline: it is story
/// text, not a headline.
const HEADLINE_AT_MOST: usize = 120;

/// The most advisory lines a header holds.
const MAX_HEADER_LINES: usize = 1000;

/// The most lines one dateline spans (hard-wrapped copy breaks one in two).
pub(crate) const DATELINE_LINES: usize = 3;

/// Walks the blocks before the story: chrome, header, headline, standfirst,
/// byline and dateline. Returns where the story text begins.
pub(crate) fn front<'a>(src: &'a str, layout: &mut Layout<'_>, opts: &ParseOptions, art: &mut Article<'a>) -> Start {
    let mut st = Front {
        headline: None,
        slot_taken: false,
        repeated: false,
        byline: Vec::new(),
        leads: Vec::new(),
        in_header: None,
    };
    let mut b = 0;
    let mut found = None;
    'blocks: while st.leads.len() <= MAX_LEADS {
        let Some(blk) = layout.get_block(b) else { break };
        let text = layout.span(blk).slice(src);
        let mut header_block = false;
        for li in blk.first..blk.end {
            let line = layout.line(li);
            let raw = line.text.slice(src);
            let kind = classify(raw);
            // The dateline opens a content line, or follows a byline on its line
            // ("By MARTA QUINLAN     DALTON, Ga. (AP) --").
            let after_byline = |at: usize| {
                let after = raw[at..].trim_start();
                (line.text.end - after.len(), Some(Span::new(line.text.start, line.text.start + at)))
            };
            let opening = match kind {
                // "By DANIEL YEE     ALPHARETTA, Ga. (AP) -- Because ...": the
                // story's first line after the byline.
                LineKind::Content if !is_framed(raw) => {
                    let by = raw.get(..3).is_some_and(|w| w.eq_ignore_ascii_case("by "));
                    match if by { raw.find("   ") } else { None } {
                        Some(at) if is_byline(&raw[..at]) => Some(after_byline(at)),
                        _ => Some((line.text.start, None)),
                    }
                }
                LineKind::Byline => raw.find("   ").map(after_byline),
                _ => None,
            };
            if let Some((from, byline_part)) = opening {
                // The first line is the headline's slot: only a sure dateline opens there.
                let sure = |d: &super::dateline::RawDateline<'_>| li > 0 || d.is_sure();
                // A dateline spans a few lines at most: the parser sees those,
                // not the rest of the block, so trying every line costs time
                // linear in the block, not quadratic.
                let window = layout.get_line(li + DATELINE_LINES).filter(|_| li + DATELINE_LINES < blk.end);
                let until = window.map_or(layout.span(blk).end, |l| Layout::raw_start(src, &l)).max(from);
                let text = &src[from..until];
                let at_start = (li > 0 || super::dateline::may_be_sure(text))
                    .then(|| super::dateline::dateline(text))
                    .flatten()
                    .filter(sure)
                    .map(|d| (from, d));
                // "REUTERS/Nacho DoceKYIV, Jan 22 (Reuters) -": a photo credit
                // or label glued before the dateline.
                let glued = || {
                    // Only in the first block after the headline, or in the
                    // headline's slot when its line is too long for a headline
                    // (story text with no headline over it) or holds a tag's
                    // bracket (a sure dateline there needs one or a date).
                    let slot = li > 0 || raw.len() > HEADLINE_AT_MOST || memchr::memchr(b'(', raw.as_bytes()).is_some();
                    let plain = kind == LineKind::Content && byline_part.is_none() && st.leads.is_empty() && slot;
                    let found = plain.then(|| super::dateline::glued(&src[from..until])).flatten();
                    found.filter(|(_, d)| sure(d)).map(|(at, d)| (from + at, d))
                };
                if let Some((from, raw_dl)) = at_start.or_else(glued) {
                    if from > line.text.start && byline_part.is_none() {
                        art.chrome.push(Text::borrowed(src, span_of(src, src[line.text.start..from].trim_end())));
                    }
                    let dl_end = from + raw_dl.text.len();
                    let rest = src[dl_end..layout.span(blk).end]
                        .trim_start_matches(|c: char| c.is_whitespace() || super::layout::is_blank_char(c));
                    let rest_at = layout.span(blk).end - rest.len();
                    // A dateline alone, then the headline again: a repeated header.
                    if rest.is_empty()
                        && layout.get_block(b + 1).is_some()
                        && same_as_headline(src, &st, layout.block_span(b + 1))
                    {
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
                            for between in (b + 1..inner).map(|k| layout.block(k)) {
                                if classify(layout.span(between).slice(src)) == LineKind::Byline {
                                    st.byline.push(layout.span(between));
                                } else {
                                    art.advisories.push(Text::borrowed(src, layout.span(between)));
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
                // A header of a thousand lines is none (the corpus has 26 at
                // most): the story starts here, and memory stays bounded on
                // input whose every line reads as an advisory.
                LineKind::Advisory if art.advisories.len() >= MAX_HEADER_LINES => {
                    st.in_header.get_or_insert(Start { block: b, from: line.text.start });
                    break 'blocks;
                }
                LineKind::Advisory => {
                    header_block = true;
                    // AQUAINT packs header fields into one line between codes:
                    // "&UR; By ROBERT HALE &QC;  &UR; Associated Press Writer &QC;".
                    for field in sgml_fields(raw) {
                        if classify(field) == LineKind::Byline {
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
                    } else if header_block
                        && !is_framed(raw)
                        && same_as_headline(src, &st, line.text)
                        && std::mem::replace(&mut st.repeated, true)
                    {
                        // A header repeats its title once: lines that repeat it
                        // again ("URGENT", then a line a million times) are the story.
                        st.in_header.get_or_insert(Start { block: b, from: line.text.start });
                        break;
                    } else if is_framed(raw) || header_block || repeats_headline_once(src, &mut st, line.text) {
                        // Header blocks (AQUAINT, ANPA) repeat titles and summaries.
                        if header_block && st.in_header.is_none() && !same_as_headline(src, &st, line.text) {
                            st.in_header = Some(Start { block: b, from: line.text.start });
                        }
                        art.advisories.push(Text::borrowed(src, line.text));
                    } else if st.leads.is_empty()
                        && (sure_dateline_opens(src, layout, blk, li + 1)
                            || is_label(raw) && dateline_opens(src, layout, blk, li + 1))
                    {
                        // A scraped line over the story's dateline in its block
                        // ("+ stars: | 2023-01-22 | ...", then "KYIV, Jan 22 (Reuters) -"),
                        // or a page's label over any dateline (". . No comments:").
                        art.chrome.push(Text::borrowed(src, line.text));
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
        let at = layout.get_block(0).map_or(Span::default(), |b| layout.span(b));
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
                layout.get_block(story.block).map_or(Span::new(src.len(), src.len()), |b| layout.span(b)),
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
        let at = layout.get_block(start.block).map_or(src.len(), |b| start.from.max(layout.span(b).start));
        st.byline.retain(|s| s.start < at);
        art.chrome.retain(|t| t.span.start < at);
        art.advisories.retain(|t| t.span.start < at);
    }
    art.byline = byline(src, &st.byline);
    start
}

/// Whether line `li` of `blk` opens with a sure dateline, or holds one
/// glued after a photo credit.
fn sure_dateline_opens(src: &str, layout: &Layout<'_>, blk: super::layout::Block, li: usize) -> bool {
    let Some(line) = layout.get_line(li).filter(|_| li < blk.end) else { return false };
    let window = layout.get_line(li + DATELINE_LINES).filter(|_| li + DATELINE_LINES < blk.end);
    let until = window.map_or(layout.span(blk).end, |l| Layout::raw_start(src, &l)).max(line.text.start);
    let text = &src[line.text.start..until];
    classify(line.text.slice(src)) == LineKind::Content
        && (super::dateline::dateline(text).is_some_and(|d| d.is_sure())
            || super::dateline::glued(text).is_some_and(|(_, d)| d.is_sure()))
}

/// A short line that ends with a colon: a label of the page ("Comments:"),
/// not a sentence of the story.
fn is_label(raw: &str) -> bool {
    let l = raw.trim_end();
    l.len() <= 40 && l.ends_with(':')
}

/// Whether line `li` of `blk` opens with a dateline, sure or not.
fn dateline_opens(src: &str, layout: &Layout<'_>, blk: super::layout::Block, li: usize) -> bool {
    let Some(line) = layout.get_line(li).filter(|_| li < blk.end) else { return false };
    let window = layout.get_line(li + DATELINE_LINES).filter(|_| li + DATELINE_LINES < blk.end);
    let until = window.map_or(layout.span(blk).end, |l| Layout::raw_start(src, &l)).max(line.text.start);
    classify(line.text.slice(src)) == LineKind::Content
        && super::dateline::dateline(&src[line.text.start..until]).is_some()
}

/// The block after `b` (a dateline alone) that opens with a sure dateline
/// and story text, with at most two one-line header blocks before it.
fn inner_dateline(src: &str, layout: &mut Layout<'_>, b: usize) -> Option<usize> {
    for k in b + 1..b + 4 {
        let Some(blk) = layout.get_block(k) else { break };
        let text = layout.span(blk).slice(src);
        // A sure dateline has its tag near the start: most paragraphs are
        // turned away on that before the grammar runs.
        let head = &text.as_bytes()[..text.len().min(80)];
        let tagged = memchr::memchr2(b'(', b'/', head).is_some();
        let sure =
            if tagged { super::dateline::dateline(text).filter(super::dateline::RawDateline::is_sure) } else { None };
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
    let l = unframe(raw);
    !(l.ends_with("///") || l.to_ascii_uppercase().starts_with("ATTENTION") || l.starts_with('='))
}

/// Whether the line at `span`, outside a header block, is the first to
/// repeat the headline: a title is printed again once, so a line repeating
/// it a second time is story text (lines all alike are a story, not a
/// header of a million lines).
fn repeats_headline_once(src: &str, st: &mut Front<'_>, span: Span) -> bool {
    let first = !st.repeated && same_as_headline(src, st, span);
    st.repeated |= first;
    first
}

fn same_as_headline(src: &str, st: &Front<'_>, span: Span) -> bool {
    st.headline.as_ref().is_some_and(|h| {
        let t = unframe(span.slice(src));
        let t = t.strip_suffix(" =").unwrap_or(t).trim();
        t == h.text.as_ref()
    })
}

/// The text of a lead block from its first content byte.
fn lead_text<'a>(src: &'a str, layout: &Layout<'_>, at: Start) -> Text<'a> {
    let blk = layout.block(at.block);
    let from = at.from.max(layout.span(blk).start);
    Text { text: super::layout::joined(src, layout.lines_of(blk), from), span: Span::new(from, layout.span(blk).end) }
}

/// The headline line without ANPA framing, an IPTC " =" or a priority flag.
fn headline(src: &str, line: Span) -> Text<'_> {
    let raw = line.slice(src);
    let mut t = unframe(raw);
    t = t.strip_suffix(" =").unwrap_or(t).trim_end();
    t = &t[flag_prefix(t)..];
    Text::borrowed(src, span_of(src, t.trim()))
}

pub(crate) fn byline<'a>(src: &'a str, lines: &[Span]) -> Option<Byline<'a>> {
    let first = lines.first()?;
    let span = first.join(*lines.last()?);
    let mut people: Vec<Person<'a>> = Vec::new();
    for l in lines {
        let text = unframe(l.slice(src));
        if is_role_line(text) {
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
        for (name, role, aff) in byline_people(text) {
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
    raw: &super::dateline::RawDateline<'a>,
    opts: &ParseOptions,
    diags: &mut Vec<Diagnostic>,
) -> Dateline<'a> {
    crate::grammar::build_dateline(src, raw, opts.reference_date, diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_lines() {
        for l in [
            "W4518asian",
            "f l BC-LT--Chile-FishingB     04-22 0872",
            "^BC-LT--Chile-Fishing Boats,512<",
            "^AP Photo XKL204, XKL205<",
            "^Eds: With AP Photos.<",
            "APW20000322.0147  NEWS STORY  2000-03-22 14:05",
            "A4213 &Cx1f; tdt-z",
            "1998-06-14 07:45",
            "NEWS STORY",
            "(For use by New York Times News Service clients)",
            "c.2000 The Boston Globe",
            "ecb417 4 i 187 ccccb   dpa 093",
            "Germany-politics/",
            "American Football/NFL/",
            "ATTENTION - ADDS quotes ///",
            "///",
            "= (PICTURES) =",
            "URGENT",
        ] {
            assert_eq!(classify(l), LineKind::Advisory, "{l:?}");
        }
        for l in ["All news", "Source: CNN", "Source: AP"] {
            assert_eq!(classify(l), LineKind::Chrome, "{l:?}");
        }
        for l in [
            "By WANJIRU KAMAU",
            "by Janie Gabbett, Reuters",
            "Associated Press Writer",
            "^By PETRA LINDQVIST and TOMAS OKONJO=",
            "^Associated Press=",
        ] {
            assert_eq!(classify(l), LineKind::Byline, "{l:?}");
        }
        for l in [
            "Russia interested in peace, says Lavrov",
            "Britain",
            "Press Review",
            "By closing the bridge, the council is punishing drivers.",
        ] {
            assert_eq!(classify(l), LineKind::Content, "{l:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn first_words_as_split_whitespace_gives_them(line in "[a \t\u{b}\u{c}\u{85}\u{a0}\u{3000}é-]{0,24}") {
            let words = Words::of(&line, 3);
            let want: Vec<&str> = line.split_whitespace().take(3).collect();
            proptest::prop_assert_eq!(&words.first[..words.n], &want[..]);
        }
    }

    #[test]
    fn bylines_split_into_people() {
        assert_eq!(
            byline_people("By GRETA HOLM Associated Press Writer"),
            [("GRETA HOLM", Some("Associated Press Writer"), None)]
        );
        assert_eq!(
            byline_people("By PETRA LINDQVIST and TOMAS OKONJO"),
            [("PETRA LINDQVIST", None, None), ("TOMAS OKONJO", None, None)]
        );
        assert_eq!(byline_people("by Janie Gabbett, Reuters"), [("Janie Gabbett", None, Some("Reuters"))]);
    }
}
