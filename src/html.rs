//! A self-contained HTML page showing an article's parts, with every
//! quotation highlighted and labelled with its speaker and cue, the way
//! displaCy shows entities; its tooltip tells why (the rule that attributed
//! it and its evidence). No scripts, no network.
//!
//! ```
//! let src = "Title\n\nMOSCOW, June 16. /TASS/. \"We agree,\" Sergey Lavrov said.";
//! let article = wirecopy::parse(src)?;
//! let page = wirecopy::html::page(&article, src);
//! assert!(page.contains(r#"<mark class="quote""#));
//! assert!(page.contains("Sergey Lavrov · said"));
//! assert!(page.contains(r#"title="cue_after_quote (high confidence): cue “said”, mention “Sergey Lavrov”""#));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt::Write;

use crate::{Article, Span};

const STYLE: &str = r#"
body{font:16px/1.55 Georgia,serif;max-width:46em;margin:2em auto;padding:0 1em;color:#222;background:#fdfdfb}
.chrome,.advisory{font:12px/1.4 monospace;color:#888}
.chrome::before{content:"chrome · "}.advisory::before{content:"header · "}
h1.headline{font-size:1.7em;line-height:1.2;margin:.6em 0}
.standfirst{font-style:italic;color:#444}
.byline{font-variant:small-caps;color:#555}
.dateline{font-weight:bold;background:#eef3fb;border-radius:3px;padding:0 .2em}
.place{color:#1d4f91}.date{color:#6a3d9a}.agency{color:#b15928}.sep{color:#999}
mark.quote{background:#fff1b8;border-radius:3px;padding:.05em .15em;box-decoration-break:clone}
mark.quote.nospeaker{background:#fde0dd}
.label{display:inline-block;font:bold 11px/1.3 sans-serif;color:#fff;background:#8a6d00;border-radius:3px;padding:0 .35em;margin-left:.3em;vertical-align:.1em}
mark.nospeaker .label{background:#a33}
.trailer{margin-top:2em;border-top:1px solid #ddd;font-size:.85em;color:#777}
.diagnostics{font:12px monospace;color:#a33}
"#;

/// Appends `text` to `out`, HTML-escaped, line breaks as spaces.
fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
}

fn escaped(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    escape(&mut s, text);
    s
}

/// The text of `span` with each quotation part in it marked.
fn marked(out: &mut String, src: &str, span: Span, article: &Article<'_>) {
    let mut parts: Vec<(Span, usize, bool)> = Vec::new();
    for (qi, q) in article.quotations.iter().enumerate() {
        for (pi, p) in q.parts.iter().enumerate() {
            if span.start <= p.start && p.end <= span.end {
                parts.push((*p, qi, pi == 0));
            }
        }
    }
    parts.sort_by_key(|p| p.0.start);
    let mut at = span.start;
    for (p, qi, first) in parts {
        if p.start < at {
            continue;
        }
        escape(out, Span::new(at, p.start).slice(src));
        let q = &article.quotations[qi];
        let speaker = q.speaker.as_ref().and_then(|s| s.name.as_deref());
        let cue = q.cue.as_ref().map(|c| c.as_str());
        let class = if speaker.is_some() { "quote" } else { "quote nospeaker" };
        let _ = write!(
            out,
            r#"<mark class="{class}" data-quote="{qi}" data-speaker="{}" data-cue="{}" title="{}">"#,
            escaped(speaker.unwrap_or("")),
            escaped(cue.unwrap_or("")),
            escaped(&why(src, q))
        );
        escape(out, p.slice(src));
        if first {
            let label = match (speaker, cue) {
                (Some(s), Some(c)) => format!("{s} · {c}"),
                (Some(s), None) => s.to_owned(),
                (None, Some(c)) => format!("? · {c}"),
                (None, None) => "?".to_owned(),
            };
            let _ = write!(out, r#"<span class="label" data-quote="{qi}">{}</span>"#, escaped(&label));
        }
        out.push_str("</mark>");
        at = p.end;
    }
    escape(out, Span::new(at, span.end.max(at)).slice(src));
}

/// Why quotation `q` of `src` has its speaker, for its tooltip: "cue_after_quote
/// (high confidence): cue “said”, mention “he”, antecedent “Sergey Lavrov”", the mention rule
/// after the mention unless direct ("mention “Bell” (appositive)").
fn why(src: &str, q: &crate::Quotation<'_>) -> String {
    let Some(a) = q.attribution else {
        return (if q.speech { "no attribution" } else { "not speech" }).to_owned();
    };
    let mut s = format!("{} ({} confidence)", a.rule, a.confidence);
    let evidence = [("cue", a.cue), ("mention", a.mention), ("antecedent", a.antecedent)];
    for (i, (what, span)) in evidence.iter().filter_map(|(w, s)| s.map(|s| (w, s))).enumerate() {
        let text: String = span.slice(src).split_whitespace().collect::<Vec<_>>().join(" ");
        let _ = write!(s, "{} {what} “{text}”", if i == 0 { ":" } else { "," });
        if *what == "mention" {
            if let Some(m) = a.mention_rule.filter(|&m| m != crate::MentionRule::Direct) {
                let _ = write!(s, " ({m})");
            }
        }
    }
    s
}

/// The dateline with its place, date, agency tags and separator marked.
fn dateline(out: &mut String, src: &str, article: &Article<'_>) {
    let Some(d) = &article.dateline else { return };
    let mut pieces: Vec<(Span, &str, String)> = Vec::new();
    if let Some(p) = &d.place {
        pieces.push((p.span, "place", String::new()));
    }
    if let Some(date) = &d.date {
        let title = date.resolved.map(|r| format!(r#" title="{r}""#)).unwrap_or_default();
        pieces.push((date.span, "date", title));
    }
    for t in &d.agencies {
        pieces.push((t.raw.span, "agency", format!(r#" data-agency="{}""#, escaped(t.agency.name()))));
    }
    if let Some(s) = &d.separator {
        pieces.push((s.span, "sep", String::new()));
    }
    pieces.sort_by_key(|p| p.0.start);
    out.push_str(r#"<span class="dateline">"#);
    let mut at = d.span.start;
    for (span, class, attrs) in pieces {
        if span.start < at || span.end > d.span.end {
            continue;
        }
        escape(out, Span::new(at, span.start).slice(src));
        let _ = write!(out, r#"<span class="{class}"{attrs}>"#);
        escape(out, span.slice(src));
        out.push_str("</span>");
        at = span.end;
    }
    escape(out, Span::new(at, d.span.end.max(at)).slice(src));
    out.push_str("</span> ");
}

/// Renders `article`, parsed from `src`, as one HTML page.
#[must_use]
pub fn page(article: &Article<'_>, src: &str) -> String {
    let mut out = String::with_capacity(src.len() * 2 + 4096);
    let title = article.headline.as_ref().map_or("wirecopy", |h| h.as_str());
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{}</title><style>{STYLE}</style></head>\n<body><article class=\"wirecopy\">\n",
        escaped(title)
    );
    for c in &article.chrome {
        let _ = writeln!(out, r#"<div class="chrome">{}</div>"#, escaped(c.as_str()));
    }
    for a in &article.advisories {
        let _ = writeln!(out, r#"<div class="advisory">{}</div>"#, escaped(a.as_str()));
    }
    if let Some(h) = &article.headline {
        out.push_str(r#"<h1 class="headline">"#);
        marked(&mut out, src, h.span, article);
        out.push_str("</h1>\n");
    }
    if let Some(s) = &article.standfirst {
        out.push_str(r#"<p class="standfirst">"#);
        marked(&mut out, src, s.span, article);
        out.push_str("</p>\n");
    }
    if let Some(b) = &article.byline {
        let names: Vec<String> = b.people.iter().map(|p| escaped(p.name.as_str())).collect();
        let _ = writeln!(out, r#"<p class="byline">By {}</p>"#, names.join(" and "));
    }
    if article.paragraphs.is_empty() {
        dateline(&mut out, src, article);
    }
    for (i, p) in article.paragraphs.iter().enumerate() {
        let _ = write!(out, r#"<p class="para" data-index="{i}">"#);
        if i == 0 {
            dateline(&mut out, src, article);
        }
        marked(&mut out, src, p.span, article);
        out.push_str("</p>\n");
    }
    if !article.credits.is_empty() || !article.signoffs.is_empty() {
        out.push_str(r#"<footer class="trailer">"#);
        for c in &article.credits {
            let names: Vec<&str> = c.names.iter().map(|n| n.as_str()).collect();
            let _ = write!(out, "<div>{}: {}</div>", escaped(c.role.as_str()), escaped(&names.join(", ")));
        }
        for s in &article.signoffs {
            let _ = write!(out, "<div>{}</div>", escaped(s.as_str()));
        }
        out.push_str("</footer>\n");
    }
    if !article.diagnostics.is_empty() {
        out.push_str(r#"<ul class="diagnostics">"#);
        for d in &article.diagnostics {
            let _ = write!(out, "<li>{}</li>", escaped(&d.to_string()));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</article></body></html>\n");
    out
}
