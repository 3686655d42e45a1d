//! The story: body paragraphs, then credits, sign-offs and end marks.

use crate::error::{Diagnostic, DiagnosticKind};
use crate::lexicon::is_end_mark;
use crate::parse::dateline;
use crate::parse::header::DATELINE_LINES;
use crate::parse::header::{self, is_copyright};
use crate::parse::layout::{Block, Layout, RELEASE_EVERY, joined as joined_text};
use crate::parse::span_of;
use crate::{Article, Credit, Paragraph, Span, Text};

/// Where the story text begins: a block and the byte within it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Start {
    pub block: usize,
    pub from: usize,
}

/// Fills the paragraphs, credits and sign-offs of `art` from `start` on,
/// and reports other stories' headers in the text
/// ([`JoinedStories`](crate::DiagnosticKind::JoinedStories)).
///
/// The story's blocks are read once, in order, and let go as they are
/// read: a paragraph a block up to an IPTC notebook, then the blocks at the
/// end that belong after the story (trailers) are taken back from the
/// paragraphs, and the notebook and what follows it are sign-offs.
pub(crate) fn body<'a>(src: &'a str, layout: &mut Layout<'_>, start: Start, art: &mut Article<'a>) {
    let first = start.block;
    let mut joined = Joined::default();
    // Where the text of block `b` starts: the first from `start.from`.
    let from_of = |b: usize, span: Span| if b == first { start.from.max(span.start) } else { span.start };
    // Room for a paragraph a block: the blocks of a short story are all
    // read here, and a long one's first few thousand tell how many the rest
    // of the input holds, about (the vector grows if there are more).
    let ahead = layout.get_block(first + RELEASE_EVERY).is_some();
    let (blocks, read) = layout.read_so_far();
    let count = blocks.saturating_sub(first);
    let room = if ahead {
        let (done, left) = (read.saturating_sub(start.from).max(1), src.len().saturating_sub(read));
        count + count.saturating_mul(left) / done + count / 16
    } else {
        count
    };
    art.paragraphs.reserve(room);
    let mut b = first;
    // Anything after an IPTC notebook is for the desk, not for print.
    let notebook = loop {
        let Some(blk) = layout.get_block(b) else { break None };
        let span = layout.span(blk);
        joined.read(src, layout, blk, span, b > first, &mut art.diagnostics);
        if is_notebook(span.slice(src)) {
            break Some(blk);
        }
        let from = from_of(b, span);
        let text = joined_text(src, layout.lines_of(blk), from);
        if !text.is_empty() {
            art.paragraphs.push(Paragraph { text, span: Span::new(from, span.end) });
        }
        layout.release_before(b);
        b += 1;
    };
    // Every block's paragraph has its text but the first's, which may be
    // empty (then its text is too, and no trailer is in it).
    let mut trailer_from = art.paragraphs.len();
    while trailer_from > 0 && is_trailer(art.paragraphs[trailer_from - 1].span.slice(src)) {
        trailer_from -= 1;
    }
    let trailers = art.paragraphs.split_off(trailer_from);
    if let Some(last) = art.paragraphs.last_mut() {
        if let Some((kept, mark)) = split_end_mark(&last.text) {
            let mark_len = last.text.len() - kept;
            let mark_span = Span::new(last.span.end - mark_len + (mark_len - mark.len()), last.span.end);
            last.span.end -= mark_len;
            last.text = match std::mem::take(&mut last.text) {
                std::borrow::Cow::Borrowed(s) => std::borrow::Cow::Borrowed(&s[..kept]),
                std::borrow::Cow::Owned(mut s) => {
                    s.truncate(kept);
                    std::borrow::Cow::Owned(s)
                }
            };
            art.signoffs.push(Text::borrowed(src, mark_span));
            if last.text.is_empty() {
                art.paragraphs.pop();
            }
        }
    }
    for t in trailers {
        match credits(src, t.span) {
            Some(c) => art.credits.extend(c),
            // ANPA frames the trailer like a header line: "AP-NY-08-07-98 0618EDT<".
            None => art.signoffs.push(Text::borrowed(src, span_of(src, header::unframe(t.span.slice(src))))),
        }
    }
    // The notebook and the blocks after it.
    let Some(mut blk) = notebook else { return };
    loop {
        let span = layout.span(blk);
        let text = &src[from_of(b, span)..span.end];
        if !text.is_empty() {
            art.signoffs.push(Text::borrowed(src, span_of(src, header::unframe(text))));
        }
        layout.release_before(b);
        b += 1;
        let Some(next) = layout.get_block(b) else { break };
        blk = next;
        joined.read(src, layout, blk, layout.span(blk), true, &mut art.diagnostics);
    }
}

/// The longest line read as another story's title.
const TITLE_MAX: usize = 200;

/// Another story's header in the text, found a block at a time: after the
/// story's first block, a title (a block of one line, at most
/// [`TITLE_MAX`] bytes, not ending in sentence punctuation) followed by a
/// block that opens with a sure dateline (a date, or a known agency tag and
/// a separator). One [`JoinedStories`](crate::DiagnosticKind::JoinedStories)
/// diagnostic per title, with its span. The parse goes on as one story.
#[derive(Default)]
struct Joined {
    /// The block read last, if it may be a title: its span.
    title: Option<Span>,
}

impl Joined {
    /// Reads `blk` (its span `span`), the block after the one read last;
    /// `after_first` when it comes after the story's first block.
    fn read(
        &mut self,
        src: &str,
        layout: &Layout<'_>,
        blk: Block,
        span: Span,
        after_first: bool,
        diags: &mut Vec<Diagnostic>,
    ) {
        if !after_first {
            return;
        }
        if let Some(title) = self.title {
            let from = layout.line(blk.first).text.start;
            // A dateline spans a few lines at most (as in the header).
            let last = (blk.first + DATELINE_LINES).min(blk.end) - 1;
            let until = layout.line(last).text.end.max(from);
            let text = &src[from..until];
            if dateline::may_be_sure(text) && dateline::dateline(text).is_some_and(|d| d.is_sure()) {
                diags.push(Diagnostic::new(DiagnosticKind::JoinedStories, title));
            }
        }
        self.title = (blk.end - blk.first == 1).then_some(span).filter(|s| {
            let t = s.slice(src);
            t.len() <= TITLE_MAX
                && !t.ends_with(['.', '!', '?', ':', ';', ','])
                && t.starts_with(|c: char| c.is_uppercase())
        });
    }
}

/// `# dpa NOTEBOOK`, `# Notizblock`: the IPTC desk notes that close a dpa
/// item. The block opens with the `#` that marks the note: text that only
/// ends in "notebook" ("AA (AP) _ # dpa NOTEBOOK", a dateline's line) is no
/// note.
fn is_notebook(text: &str) -> bool {
    let Some(t) = text.strip_prefix('#') else { return false };
    let t = t.trim_start_matches(['#', ' ']);
    // Compared in place: every block is tested.
    let b = t.as_bytes();
    let ends = |word: &[u8]| b.len() >= word.len() && b[b.len() - word.len()..].eq_ignore_ascii_case(word);
    t.len() < 40 && (ends(b"notebook") || ends(b"notizblock"))
}

/// A block that belongs after the story: end marks, credits, copyright,
/// transmission stamps.
fn is_trailer(text: &str) -> bool {
    is_end_mark(text)
        || is_credit_line(text)
        || is_copyright(text)
        || is_stamp(text)
        || is_desk_note(text)
        || is_desk_initials(text)
        || is_bracketed_tag(text)
}

/// AFP's desk initials, `hh/ph/ts/hd` or `bur-sst/ph`.
fn is_desk_initials(text: &str) -> bool {
    let t = text.trim();
    // Three sets of initials, or a bureau's: "and/or" is no sign-off.
    t.len() < 40
        && (t.split('/').count() > 2 || t.contains('-') && t.contains('/'))
        && t.split('/')
            .all(|part| (1..=12).contains(&part.len()) && part.bytes().all(|c| c.is_ascii_lowercase() || c == b'-'))
}

/// A short tag in brackets closing the copy: `(BusinessDesk)`, `(attention embargo)`.
fn is_bracketed_tag(text: &str) -> bool {
    let t = text.trim();
    t.len() <= 40 && t.starts_with('(') && t.ends_with(')') && !t[1..].contains(['(', '.', '\n'])
}

/// How a credit note closes: each holds "contributed" or "helped", which
/// [`is_desk_note`] searches for first.
const CONTRIBUTED: &[&str] = &[
    "contributed to this report",
    "contributed to this story",
    "contributed reporting",
    "helped with this story",
    "contributed to this article",
];

/// Notes from the desk after the story: "See Full Web Article", "This story
/// has been updated ...", "X contributed to this report."
fn is_desk_note(text: &str) -> bool {
    const OPENINGS: &[&str] = &[
        "See Full Web Article",
        "This story has been updated",
        "This story was updated",
        "This article has been updated",
        "This headline and story have been updated",
        "This story has been corrected",
        "This article was originally published",
        "This story was originally published",
    ];
    // Every story's last paragraph is tested: one search for the word the
    // closing notes share ("contributed", or "helped") before the list.
    // The searchers are built once, not on every paragraph.
    static CLOSERS: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 2]> = std::sync::LazyLock::new(|| {
        [memchr::memmem::Finder::new("contributed"), memchr::memmem::Finder::new("helped")]
    });
    let may_close = || CLOSERS.iter().any(|f| f.find(text.as_bytes()).is_some());
    // "Jo Reyes can be reached at http://...", "Follow Jo Reyes on Twitter at ...".
    // Searched only when a web address or a handle ends the note.
    let contact = || {
        let ends_with_address =
            text.trim_end_matches([' ', '.']).rsplit(' ').next().is_some_and(|w| w.contains('/') || w.starts_with('@'));
        ends_with_address
            && (text.contains(" can be reached at ")
                || text.starts_with("Follow ") && (text.contains(" on Twitter") || text.contains(" on X at ")))
    };
    text.len() < 400
        && (OPENINGS.iter().any(|o| text.starts_with(o))
            || text.starts_with("Sources: ")
            || contact()
            || may_close() && CONTRIBUTED.iter().any(|c| text.contains(c)))
}

/// `AP-NY-08-07-98 0618EDT`, `140922 GMT Apr 22`, `dpa kmb rts hlo`.
fn is_stamp(text: &str) -> bool {
    let t = text.trim_end_matches(['<', '=', ' ']);
    // A stamp has two words at least; the block may be a whole paragraph,
    // so words are taken one at a time and the walk stops early.
    let mut words = t.split_whitespace();
    let Some(first) = words.next() else { return false };
    // Each stamp has its own first word: a story's paragraph is turned away on it.
    let stamp_like = |w: &str| {
        w.len() == 6 && w.bytes().all(|c| c.is_ascii_digit())
            || w.eq_ignore_ascii_case("dpa")
            || w.contains('-') && w.starts_with(|c: char| c.is_ascii_uppercase())
    };
    if !stamp_like(first) {
        return false;
    }
    let Some(second) = words.next() else { return false };
    let time_zone = |w: &str| {
        let b = w.as_bytes();
        b.len() == 7 && b[..4].iter().all(u8::is_ascii_digit) && b[4..].iter().all(u8::is_ascii_uppercase)
    };
    let wire = || {
        first.contains('-')
            && first.starts_with(|c: char| c.is_ascii_uppercase())
            && time_zone(second)
            && words.clone().next().is_none()
    };
    let gmt = first.len() == 6 && first.bytes().all(|c| c.is_ascii_digit()) && second == "GMT";
    // Up to eight words: "dpa", then lower-case initials.
    let initials = || {
        let mut n = 1;
        first.eq_ignore_ascii_case("dpa")
            && std::iter::once(second).chain(words.clone()).all(|w| {
                n += 1;
                n <= 8 && w.len() <= 4 && w.bytes().all(|c| c.is_ascii_lowercase())
            })
    };
    wire() || gmt || initials()
}

const CREDIT_ROLES: &[&str] = &[
    "Reporting",
    "Additional reporting",
    "Editing",
    "Writing",
    "Compiled",
    "Edited",
    "Written",
    "Reported",
    "Research",
    "Graphics",
    "Photos",
    "Production",
];

fn is_credit_line(text: &str) -> bool {
    let t = text.trim_start_matches(['(', '-', ' ']);
    let Some(&first) = t.as_bytes().first() else { return false };
    // The first letter turns most text away before the roles are compared.
    t.len() < 400
        && CREDIT_ROLES
            .iter()
            .any(|r| r.as_bytes()[0] == first && t.starts_with(r) && t[r.len()..].trim_start().starts_with("by"))
}

/// `Reporting by A in Kabul; Additional reporting by B; Editing by C`.
pub(crate) fn credits<'a>(src: &'a str, span: Span) -> Option<Vec<Credit<'a>>> {
    let text = span.slice(src);
    if !is_credit_line(text) {
        return None;
    }
    let trim = |s: &'a str| s.trim_matches(|c: char| matches!(c, '(' | ')' | '-' | ':' | '.' | ' ' | '\n' | '\r'));
    let mut out = Vec::new();
    for piece in text.split(';').map(trim) {
        let Some(by) = piece.find(" by") else { continue };
        let role = Text::borrowed(src, span_of(src, trim(&piece[..by])));
        // "Tomas Lind in Oslo": the place a reporter filed from is not the name.
        let names = piece[by + 3..]
            .split(',')
            .flat_map(|n| n.split(" and "))
            .map(|n| n.split(" in ").next().unwrap_or(n))
            .map(trim)
            .filter(|n| !n.is_empty())
            .map(|n| Text::borrowed(src, span_of(src, n)))
            .collect();
        out.push(Credit { role, names });
    }
    Some(out)
}

/// The end of `text` without a trailing end mark (" Reuter", " -0-", "(END)"):
/// the kept length and the mark.
fn split_end_mark(text: &str) -> Option<(usize, &str)> {
    const INLINE: &[&str] = &[" Reuter", " REUTER", " -0-", " (END)", " Enditem", " ENDITEM", " ###", " -30-"];
    let t = text.trim_end();
    INLINE.iter().find(|m| t.ends_with(*m)).map(|m| {
        let kept = t.len() - m.len();
        (text[..kept].trim_end().len(), &t[kept + 1..])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailers() {
        for t in [
            "Reuter",
            "REUTER",
            "-0-",
            "(END)",
            "###",
            "-30-",
            "Enditem",
            "AP-NY-08-07-98 0618EDT",
            "AP-WF-04-22-13 0937GMT<",
            "140922 GMT Apr 22",
            "dpa kmb rts hlo",
            "Reporting by Jan Smith; Editing by Ann Lee",
            "(Reporting by Jan Smith in Kabul)",
            "REUTER...",
            "reuter...",
            "REUTE",
            "hh/ph/ts/hd",
            "bur-sst/ph",
            "(BusinessDesk)",
            "(attention embargo)",
            "Jo Reyes can be reached at http://twitter.com/joreyes .",
            "Follow Jo Reyes on Twitter at https://twitter.com/joreyes",
        ] {
            assert!(is_trailer(t), "{t:?}");
        }
        for t in [
            "The president said so.",
            "Reuters reported the deal on Monday.",
            "By the end of the day, 30 had died.",
            "(The ferry runs on Sundays.)",
            "and/or",
            "Re",
            "Officials said the mayor can be reached at home, but declined to say more about the plans for the port.",
        ] {
            assert!(!is_trailer(t), "{t:?}");
        }
    }

    #[test]
    fn credit_notes_hold_the_word_searched_first() {
        for c in CONTRIBUTED {
            assert!(c.contains("contributed") || c.contains("helped"), "{c}");
        }
        assert!(is_desk_note("Jan Smith in Oslo contributed to this report."));
        assert!(is_desk_note("Ann Lee helped with this story"));
        assert!(!is_desk_note("The minister helped the rebels."));
    }

    #[test]
    fn credits_have_roles_and_names() {
        let src = "Reporting by Jan Smith and Ann Lee; Editing by Bo Chan";
        let c = credits(src, Span::new(0, src.len())).unwrap();
        assert_eq!(c[0].role.text, "Reporting");
        assert_eq!(c[0].names.iter().map(|n| n.text.as_ref()).collect::<Vec<_>>(), ["Jan Smith", "Ann Lee"]);
        assert_eq!(c[1].role.text, "Editing");
        assert_eq!(c[1].names[0].text, "Bo Chan");
        assert_eq!(c[1].names[0].span.slice(src), "Bo Chan");
    }

    #[test]
    fn end_marks_at_the_end_of_the_last_line() {
        assert_eq!(split_end_mark("Prices fell. REUTER"), Some((12, "REUTER")));
        assert_eq!(split_end_mark("Work goes on. -0-"), Some((13, "-0-")));
        assert_eq!(split_end_mark("No mark here."), None);
    }
}
