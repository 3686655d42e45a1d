//! Body markup turned into structure: the heading block (slug, headline,
//! labels, notes, byline) and the body blocks (paragraphs, heads, tables,
//! rules), the dpa notepad and the editor initials.

#[cfg(feature = "serde")]
use serde::Serialize;

use super::header::Format;
use crate::Span;

/// The heading block that opens a body.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[non_exhaustive]
pub struct Heading {
    /// The full slug line (AP's first `^` line, Bay City's slug line).
    pub slug: Option<String>,
    /// The title as a reader sees it.
    pub headline: Option<String>,
    /// Version labels and story tags: `1ST LEAD`, `(Vorschau)`, `BCN43`, `UPDATE`.
    pub labels: Vec<String>,
    /// Editors' notes and other advisory lines: `Eds: ...`, `AP Photo ...`,
    /// `$Adv30`, `For release ...`, summaries, dates.
    pub notes: Vec<String>,
    /// Byline lines: `By ...`, `AP Sports Writer`, `Von ...`.
    pub byline: Vec<String>,
}

/// The kind of a body block.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum BlockKind {
    /// A paragraph of text (hard-wrapped lines joined).
    Paragraph,
    /// A head inside the body: AP `^...<` or `^...=` lines, item heads.
    Head,
    /// Tabular lines (ANPA BS lines), joined by line feeds.
    Table,
    /// A rule: `___`, `----`, `+++`.
    Rule,
}

/// One block of the body.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[non_exhaustive]
pub struct Block {
    /// What it is.
    pub kind: BlockKind,
    /// Its text, markup and control characters removed.
    pub text: String,
    /// Its lines in the message's body bytes, counted from the byte after
    /// STX ([`Envelope::stream_span`](super::Envelope::stream_span) gives
    /// the span in the stream).
    pub span: Span,
}

/// The body after the heading block.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[non_exhaustive]
pub struct Body {
    /// Blocks in order.
    pub blocks: Vec<Block>,
    /// The dpa notepad (`# Notizblock`, `# dpa NOTEBOOK`): not for publication.
    pub notepad: Vec<String>,
    /// Editor initials closing the copy (`dpa wsz jln npr`).
    pub initials: Option<String>,
}

impl Body {
    /// The text handed to the article parser: blocks other than rules,
    /// separated by empty lines.
    #[must_use]
    pub fn text(&self) -> String {
        let mut s = String::new();
        for b in self.blocks.iter().filter(|b| b.kind != BlockKind::Rule) {
            if !s.is_empty() {
                s.push_str("\n\n");
            }
            s.push_str(&b.text);
        }
        s
    }
}

/// A character of a body line as the reader sees it: a tab becomes a
/// space, other control characters go.
pub(crate) fn cleaned(c: char) -> Option<char> {
    match c {
        '\t' => Some(' '),
        c if c.is_control() => None,
        c => Some(c),
    }
}

/// Remove control characters (a tab becomes a space).
pub(crate) fn clean(line: &str) -> String {
    line.chars().filter_map(cleaned).collect()
}

/// Where the reader's text lies in a [`clean`]ed line: white space, a
/// leading `^` and a trailing `<` or `=` trimmed.
pub(crate) fn text_range(c: &str) -> std::ops::Range<usize> {
    let t = c.trim();
    let t = t.strip_prefix('^').unwrap_or(t).trim_end();
    let t = t.strip_suffix(['<', '=']).unwrap_or(t);
    let t = t.trim();
    // `t` is a slice of `c`.
    let start = t.as_ptr() as usize - c.as_ptr() as usize;
    start..start + t.len()
}

/// A body line as the reader sees it: controls removed, a leading `^` and a
/// trailing `<` or `=` removed, white space trimmed.
fn text_of(line: &str) -> String {
    let c = clean(line);
    c[text_range(&c)].to_owned()
}

fn is_rule(t: &str) -> bool {
    let marks = t.chars().filter(|c| "-+=_*~".contains(*c)).count();
    marks >= 3 && t.chars().all(|c| "-+=_*~ ".contains(c))
}

fn is_blank(line: &str) -> bool {
    let t = clean(line);
    let t = t.trim();
    t.is_empty() || t == "^"
}

fn is_bs(line: &str) -> bool {
    line.starts_with('\x08')
}

/// Split a decoded body (between STX and ETX) into heading and body.
pub(crate) fn structure(body: &str, format: Format) -> (Heading, Body) {
    let lines: Vec<&str> = body.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).collect();
    let first = lines.iter().position(|l| !is_blank(l)).unwrap_or(lines.len());
    let (heading, start) = match lines.get(first) {
        Some(l) if l.starts_with('^') => ap_heading(&lines, first),
        Some(l) if format == Format::Anpa && !l.starts_with([' ', '\t', '\x08']) => tagged_heading(&lines, first),
        Some(_) if format == Format::Iptc7901 => iptc_heading(&lines, first),
        _ => (Heading::default(), first),
    };
    (heading, blocks(body, &lines[start.min(lines.len())..], format))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Empty,
    Note,
    End,
    Byline,
    Text,
}

const WEEKDAYS: [&str; 14] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
];

fn kind(t: &str, closed_eq: bool) -> Kind {
    let lower = t.to_lowercase();
    let first_word = lower.split([' ', ',']).next().unwrap_or("");
    if t.is_empty() {
        Kind::Empty
    } else if t == "END" {
        Kind::End
    } else if lower.starts_with("ap photo")
        || lower.starts_with("eds:")
        || lower.starts_with("(eds:")
        || lower.starts_with("eds note")
        || lower.starts_with("editor's note")
        || lower.starts_with("for release")
        || (t.starts_with('$') && !t.contains(' '))
        || (!t.contains(' ')
            && t.len() <= 12
            && t.chars().any(|c| c.is_ascii_digit())
            && !t.chars().any(char::is_uppercase))
        || (WEEKDAYS.contains(&first_word) && lower[first_word.len()..].starts_with(','))
    {
        Kind::Note
    } else if closed_eq && (t.starts_with("By ") || t.starts_with("BY ")) {
        Kind::Byline
    } else {
        Kind::Text
    }
}

/// A second byline line: a role or affiliation.
fn is_byline_role(t: &str) -> bool {
    const WORDS: [&str; 10] = [
        "Associated Press",
        "Writer",
        "Correspondent",
        "Editor",
        "Reporter",
        "Columnist",
        "Critic",
        "Staff",
        "Analyst",
        "Photographer",
    ];
    t.starts_with("AP ") || WORDS.iter().any(|w| t.contains(w))
}

/// AP heading: `^...<` and `^...=` lines (wrapped lines joined), boxed
/// BS + US title lines and empty lines, up to the byline.
fn ap_heading(lines: &[&str], first: usize) -> (Heading, usize) {
    let mut h = Heading::default();
    let mut i = first;
    let mut decided = false;
    let mut boxed: Option<String> = None;
    let mut after_byline = false;
    while i < lines.len() {
        let line = lines[i];
        if is_blank(line) && !line.starts_with('\x08') {
            i += 1;
            continue;
        }
        if line.starts_with('\x08') && line.trim_start_matches('\x08').starts_with('\x1f') {
            if after_byline {
                break;
            }
            let t = clean(line);
            let t = t.trim().trim_matches(['!', '|']).trim();
            if t.chars().any(char::is_alphanumeric) {
                boxed.get_or_insert_with(|| t.to_owned());
            }
            i += 1;
            continue;
        }
        let bare_close = clean(line).trim() == "<";
        if !line.starts_with('^') && !bare_close {
            break;
        }
        // Join a header line wrapped before its closing mark.
        let mut joined = clean(line);
        let mut end = i;
        let closes = |s: &str| s.trim_end().ends_with(['<', '=']);
        if !closes(&joined) {
            let mut j = i + 1;
            let mut ok = false;
            while j < lines.len() && j <= i + 4 {
                let next = lines[j];
                if is_blank(next) || next.starts_with(['^', '\t', '\x08']) {
                    break;
                }
                joined.push(' ');
                joined.push_str(&clean(next));
                if closes(&joined) {
                    ok = true;
                    end = j;
                    break;
                }
                j += 1;
            }
            if !ok {
                break;
            }
        }
        let trimmed = joined.trim();
        let closed_eq = trimmed.ends_with('=');
        let t = text_of(trimmed);
        if after_byline && !(closed_eq && h.byline.len() < 3 && is_byline_role(&t)) {
            break;
        }
        i = end + 1;
        if h.slug.is_none() && !bare_close {
            h.slug = Some(t);
            continue;
        }
        match kind(&t, closed_eq) {
            Kind::Note => h.notes.push(t),
            Kind::End => h.notes.push(t),
            Kind::Empty => decided = true,
            Kind::Byline => {
                decided = true;
                after_byline = true;
                h.byline.push(t);
            }
            Kind::Text if after_byline => h.byline.push(t),
            Kind::Text if !decided => {
                decided = true;
                h.headline = Some(t);
            }
            Kind::Text => h.notes.push(t),
        }
    }
    if h.headline.is_none() {
        h.headline = boxed;
    }
    (h, i)
}

/// A leading `TAG:` story tag (`BCN43:`) and version labels (`UPDATE:`).
fn strip_labels<'a>(mut t: &'a str, labels: &mut Vec<String>) -> (&'a str, Option<&'a str>) {
    let mut tag = None;
    if let Some((head, rest)) = t.split_once(':') {
        let letters = head.trim_end_matches(|c: char| c.is_ascii_digit());
        if letters.len() >= 2
            && letters.len() < head.len()
            && letters.chars().all(|c| c.is_ascii_alphabetic())
            && !head.contains(' ')
        {
            labels.push(head.to_owned());
            tag = Some(head);
            t = rest.trim_start();
        }
    }
    const LABELS: [&str; 9] =
        ["UPDATE", "CORRECTION", "CORRECTED", "CORRECTS", "REPEAT", "RESEND", "REFILE", "URGENT", "WRITETHRU"];
    while let Some((head, rest)) = t.split_once(':') {
        if !LABELS.contains(&head.trim()) {
            break;
        }
        labels.push(head.trim().to_owned());
        t = rest.trim_start();
    }
    (t, tag)
}

/// Bay City style: `BCN43:UPDATE:HEADLINE`, then a slug line opening with
/// the story tag.
fn tagged_heading(lines: &[&str], first: usize) -> (Heading, usize) {
    let mut h = Heading::default();
    let line = text_of(lines[first]);
    let (title, tag) = strip_labels(&line, &mut h.labels);
    let Some(tag) = tag else {
        return (h, first);
    };
    h.headline = (!title.is_empty()).then(|| title.to_owned());
    let mut start = first + 1;
    if let Some(k) = (first + 1..lines.len()).find(|&k| !is_blank(lines[k])) {
        let t = text_of(lines[k]);
        if t.strip_prefix(tag).is_some_and(|r| r.starts_with(' ')) {
            h.slug = Some(t.split_whitespace().collect::<Vec<_>>().join(" "));
            start = k + 1;
        }
    }
    (h, start)
}

/// IPTC 7901 heading: the lines up to the one ending ` =`.
fn iptc_heading(lines: &[&str], first: usize) -> (Heading, usize) {
    let mut h = Heading::default();
    let Some(last) = (first..lines.len().min(first + 15))
        .take_while(|&k| !is_blank(lines[k]))
        .find(|&k| clean(lines[k]).trim_end().ends_with(" =") || clean(lines[k]).trim() == "=")
    else {
        return (h, first);
    };
    let texts: Vec<String> = lines[first..=last].iter().map(|l| text_of(l)).collect();
    let mut groups: Vec<String> = Vec::new();
    let mut wrapped = false;
    let mut k = 0;
    while k < texts.len() {
        let t = &texts[k];
        if t.starts_with('(') {
            let mut label = t.clone();
            let mut j = k;
            while !texts[j].ends_with(')') && j + 1 < texts.len() && j < k + 6 {
                j += 1;
                label.push(' ');
                label.push_str(&texts[j]);
            }
            h.labels.push(label);
            wrapped = false;
            k = j + 1;
            continue;
        }
        // A headline wrapped near the line width goes on here.
        let wraps = wrapped && !t.is_empty();
        wrapped = false;
        if t.starts_with("By ") || t.starts_with("Von ") {
            h.byline.push(t.clone());
        } else if let (true, Some(g)) = (wraps, groups.last_mut()) {
            g.push(' ');
            g.push_str(t);
        } else if t.split_whitespace().count() <= 4 && !t.chars().any(char::is_lowercase) {
            if !t.is_empty() {
                h.labels.push(t.clone());
            }
        } else {
            groups.push(t.clone());
            wrapped = t.chars().count() >= 55;
        }
        k += 1;
    }
    h.headline = groups.pop();
    h.notes.extend(groups);
    (h, last + 1)
}

/// Editor initials: `dpa wsz jln npr`.
fn is_initials(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    words.len() >= 2
        && words.len() <= 12
        && words.iter().all(|w| w.chars().count() <= 8 && !w.chars().any(char::is_uppercase))
        && words[0].chars().all(|c| c.is_ascii_lowercase() || c == '-')
}

fn blocks(base: &str, lines: &[&str], format: Format) -> Body {
    let tab_mode = lines.iter().any(|l| l.strip_prefix("\t   ").is_some_and(|r| !r.trim().is_empty()));
    let mut body = Body::default();
    // Notepad: from a `# ` line at column 0.
    let note_at = lines.iter().position(|l| l.starts_with("# ")).unwrap_or(lines.len());
    let mut end = lines.len();
    // IPTC 7901 copy closes with the editors' initials on a line of their own.
    if let Some(k) = (0..lines.len()).rev().find(|&k| !is_blank(lines[k])).filter(|_| format == Format::Iptc7901) {
        let t = text_of(lines[k]);
        if is_initials(&t) && (k == 0 || is_blank(lines[k - 1])) {
            body.initials = Some(t);
            end = k;
        }
    }
    body.notepad = lines[note_at.min(end)..end].iter().map(|l| text_of(l)).filter(|t| !t.is_empty()).collect();
    let mut open = false; // whether the last block takes continuation lines
    for &line in &lines[..note_at.min(end)] {
        if is_blank(line) {
            if !tab_mode {
                open = false;
            }
            continue;
        }
        let t = text_of(line);
        if t.is_empty() {
            continue;
        }
        let (kind, cont) = if is_rule(&t) {
            (BlockKind::Rule, false)
        } else if is_bs(line) {
            (BlockKind::Table, false)
        } else if line.starts_with('^') {
            (BlockKind::Head, false)
        } else if tab_mode && line.starts_with('\t') {
            let closed = clean(line).trim_end().ends_with('<');
            (if closed { BlockKind::Head } else { BlockKind::Paragraph }, !closed)
        } else {
            (BlockKind::Paragraph, true)
        };
        // Every line is a slice of `base`: its offset is where it starts.
        let at = (line.as_ptr() as usize).wrapping_sub(base.as_ptr() as usize).min(base.len());
        let span = Span::new(at, at + line.len());
        match body.blocks.last_mut() {
            Some(b) if kind == BlockKind::Table && b.kind == BlockKind::Table => {
                b.text.push('\n');
                b.text.push_str(&t);
                b.span.end = span.end;
            }
            Some(b) if open && kind == BlockKind::Paragraph && !(tab_mode && line.starts_with('\t')) => {
                b.text.push(' ');
                b.text.push_str(&t);
                b.span.end = span.end;
            }
            _ => body.blocks.push(Block { kind, text: t, span }),
        }
        open = cont;
    }
    join_lone_datelines(&mut body.blocks);
    body
}

/// A dateline printed on its own line (`LOS GATOS (BCN)`) opens the
/// paragraph after it.
fn join_lone_datelines(blocks: &mut Vec<Block>) {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    let mut pending = false;
    for b in blocks.drain(..) {
        match out.last_mut() {
            Some(last) if pending && b.kind == BlockKind::Paragraph => {
                last.text.push(' ');
                last.text.push_str(&b.text);
                last.span.end = b.span.end;
                pending = false;
            }
            _ => {
                pending = b.kind == BlockKind::Paragraph && is_lone_dateline(&b.text);
                out.push(b);
            }
        }
    }
    *blocks = out;
}

/// `PLACE (TAG)`: a capitalised place and a parenthesised agency tag.
fn is_lone_dateline(t: &str) -> bool {
    let Some((place, tag)) = t.strip_suffix(')').and_then(|r| r.rsplit_once(" (")) else {
        return false;
    };
    t.len() <= 60
        && !place.is_empty()
        && !place.chars().any(char::is_lowercase)
        && place.chars().all(|c| c.is_alphabetic() || " .,'-".contains(c))
        && !tag.is_empty()
        && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '/' || c == '-')
}
