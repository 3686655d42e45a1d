//! Attribution: the cue, the speaker's mention, and the name it refers to.
//!
//! Each region (headline, standfirst, paragraph) is cut into word and
//! punctuation tokens, each quotation standing as one opaque token. A small
//! grammar over the tokens around a quotation finds the attribution clause:
//!
//! ```text
//! Q , he said .            Q , said Smith , who ...     Q , Smith , a spokesman , said
//! Smith said : Q           Smith told reporters that Q  According to Smith , Q
//! Q - Smith                Smith : Q                    ... called it Q , Smith said .
//! ```
//!
//! Mentions resolve in document order: a surname to the fullest name
//! introduced before, a pronoun or a definite description to the speaker in
//! focus (the last one attributed, directly or in indirect speech).
//!
//! The files of this module, each using only those above it:
//!
//! ```text
//! text.rs      names and words as text: surname, one_line, owner, lower
//! lists.rs     word lists (Words) and single-word tests: is_person_noun, inverts
//! tokens.rs    the tokenizer: Tok, Tokens and their flags (CAP, LOWER); quotation marks
//! context.rs   Ctx, a region as the grammar reads it; Np; sentence, next_to_quote
//! mention.rs   mentions: np_forward, np_backward, classify, is_person
//! clause.rs    a cue's subject and object; the person opening a sentence
//! hash.rs      the memory's word hasher
//! memory.rs    Memory: people named, the focus, bodies and acronyms met
//! resolve.rs   a mention to the name it refers to
//! notice.rs    what the text between quotations tells the memory
//! rules.rs     the attribution clause after or before a quotation
//! mod.rs       attribute: regions and quotations in document order
//! ```

use crate::article::{MentionKind, Speaker, Text};
use crate::lexicon::class;
use crate::parse::quotes::Region;
use crate::{Article, Span};

mod clause;
mod context;
mod hash;
mod lists;
mod memory;
mod mention;
mod notice;
mod resolve;
mod rules;
mod text;
mod tokens;

use clause::{group_subject, sentence_subject};
use context::{Ctx, Np, next_to_quote, sentence};
use lists::is_person_noun;
use memory::{Memory, complete_names};
use notice::{mem_notice, notice_until};
use resolve::proper_body;
use rules::{after_of, before_of};
use text::{holds_words, lower, words};
use tokens::{CAP, Interval, LOWER, Tok, Tokens, mark_after, mark_before, tokenize_into};

/// What the grammar found for a quotation: the cue and the mention, as
/// token indices of one region.
#[derive(Clone, Copy, Debug)]
struct Found {
    region: usize,
    cue: Option<usize>,
    np: Option<Np>,
}

/// Fills `cue` and `speaker` of every quotation of `art`.
pub(crate) fn attribute<'a>(src: &'a str, regions: &[Region], art: &mut Article<'a>) {
    let quotes = &mut art.quotations;
    if quotes.is_empty() {
        return;
    }
    let (per_region, last_region) = quote_intervals(src, regions, quotes);
    // Nothing after the last quotation changes an attribution.
    let needed = per_region.iter().rposition(|v| !v.is_empty()).map_or(0, |r| r + 1);
    // The tokens of every region in one buffer, and each region's range of it.
    // Room for them all at once (a token is four bytes or more, mostly).
    let room = regions[..needed].iter().map(|r| r.span.len() / 4 + 4).sum();
    let mut all = Tokens { toks: Vec::with_capacity(room), flags: Vec::with_capacity(room) };
    let bounds: Vec<(usize, usize)> = regions[..needed]
        .iter()
        .zip(&per_region)
        .map(|(r, q)| {
            let from = all.toks.len();
            tokenize_into(&mut all, src, r.span, q);
            (from, all.toks.len())
        })
        .collect();
    let toks: Vec<&[Tok]> = bounds.iter().map(|&(a, b)| &all.toks[a..b]).collect();
    let flags: Vec<&[u32]> = bounds.iter().map(|&(a, b)| &all.flags[a..b]).collect();
    let prose: Vec<bool> = regions[..needed].iter().zip(&flags).map(|(region, fl)| is_prose(region, fl)).collect();
    let closes: Vec<bool> = quotes.iter().map(|q| q.text.trim_end().ends_with(['.', '?', '!'])).collect();
    let mut mem = Memory::default();
    let mut seen = vec![false; quotes.len()];
    // A quotation running on inherits from the one before it in its first
    // paragraph; the last attributed quotation and whether the focus moved since.
    let mut inherit: Vec<Option<usize>> = vec![None; quotes.len()];
    let mut last_attributed: Option<usize> = None;
    let mut focus_moved = false;
    // The verb of the last indirect speech, while its speaker stays in focus.
    let mut indirect_cue: Option<Span> = None;
    let mut focus_moved_since_indirect = true;
    for (r, rt) in toks.iter().enumerate() {
        let cx = Ctx::new(src, rt, flags[r], &closes, !per_region[r].is_empty());
        // The last quotation of this region and what attributed it.
        let mut prev: Option<(usize, Option<Found>)> = None;
        let mut next = 0;
        loop {
            // Up to the next quotation or cue, the tokens only tell the memory.
            let (i, moved) = notice_until(&cx, next, &mut mem, prose[r]);
            if moved {
                focus_moved = true;
                focus_moved_since_indirect = true;
            }
            let Some(tok) = rt.get(i) else { break };
            next = i + 1;
            // Only capitals, titles, modifiers and "a" tell the memory anything.
            if cx.has(i, CAP | class::TITLE | class::MODIFIER | class::A) && mem_notice(&cx, i, &mut mem, prose[r]) {
                focus_moved = true;
                focus_moved_since_indirect = true;
            }
            match *tok {
                Tok::Quote(qi) => {
                    let first = !seen[qi];
                    seen[qi] = true;
                    let last = last_region[qi] == r;
                    let ends = closes[qi];
                    // A quotation closing its sentence after a cue ("Liu said
                    // the drills would foster "a joint strategy." Kamal said
                    // ...") is that cue's, not the next sentence's.
                    let cue_before = ends && {
                        let (s0, _) = sentence(&cx, i);
                        (s0..i).any(|k| cx.cue_at(k))
                    };
                    let found = if first && last && cue_before {
                        before_of(&cx, i).or_else(|| after_of(&cx, i, ends))
                    } else if first && last {
                        // "The judge noted she was "the primary caregiver",
                        // according to the court order": the one who noted it.
                        match after_of(&cx, i, ends) {
                            Some((Some(k), np)) if cx.is(k, &["according"]) => {
                                let noted = before_of(&cx, i).filter(|(c, n)| {
                                    c.is_some_and(|c| !cx.is(c, &["according"]))
                                        && n.is_some_and(|n| n.kind != MentionKind::Pronoun)
                                });
                                noted.or(Some((Some(k), np)))
                            }
                            found => found.or_else(|| before_of(&cx, i)),
                        }
                    } else if first {
                        // A quotation running on: its attribution may come before
                        // it, or after its last part.
                        before_of(&cx, i)
                    } else if last && quotes[qi].cue.is_none() && quotes[qi].speaker.is_none() {
                        after_of(&cx, i, ends)
                    } else {
                        continue;
                    };
                    let mut found = found.map(|(cue, np)| Found { region: r, cue, np });
                    // "A spokesman said:" closing the paragraph before: its
                    // quotation opens this one.
                    if found.is_none() && first && i == 0 && r > 0 {
                        let pcx = Ctx::new(src, toks[r - 1], flags[r - 1], &closes, !per_region[r - 1].is_empty());
                        let n = toks[r - 1].len();
                        if n > 1 && pcx.punct(n - 1) == Some(':') {
                            found = before_of(&pcx, n)
                                .filter(|(cue, np)| cue.is_some() || np.is_some_and(|np| pcx.is_person(np)))
                                .map(|(cue, np)| Found { region: r - 1, cue, np });
                        }
                    }
                    if found.is_none() && !last {
                        inherit[qi] = prev.and_then(|(p, f)| f.map(|_| p));
                        prev = Some((qi, None));
                        continue;
                    }
                    let (q_cue, q_speaker) = match found {
                        Some(f) => {
                            let quoted = !per_region[f.region].is_empty();
                            let fcx = Ctx::new(src, toks[f.region], flags[f.region], &closes, quoted);
                            // A cue with no subject of its own speaks for the one in focus.
                            let speaker = match f.np {
                                Some(np) => {
                                    let according = f.cue.is_some_and(|k| fcx.is(k, &["according"]));
                                    if !according && proper_body(&fcx, np, &mem) {
                                        mem.org = Some(fcx.text(np));
                                    }
                                    // "Robert Kennedy criticized the law: "...," he
                                    // wrote": "he" is the person opening the sentence.
                                    // So is "they" a group opening it ("Thousands of
                                    // supporters marched in what they described as").
                                    let they = fcx.is(np.start, &["they"]);
                                    if np.kind == MentionKind::Pronoun && f.region == r {
                                        let subject = if they {
                                            group_subject(&fcx, np.start)
                                        } else {
                                            sentence_subject(&fcx, i)
                                        };
                                        if let Some(subject) = subject {
                                            let s = mem.resolve(&fcx, subject);
                                            mem.attend(&s, true);
                                        }
                                    }
                                    Some(mem.resolve(&fcx, np))
                                }
                                None => mem.any.as_ref().map(|f| Speaker {
                                    mention: None,
                                    kind: MentionKind::Carried,
                                    name: Some(f.name.clone()),
                                    title: f.title.clone(),
                                }),
                            };
                            (f.cue.map(|k| Text::borrowed(src, fcx.span(k))), speaker)
                        }
                        None => match prev.and_then(|(p, f)| f.map(|_| p)).or(inherit[qi]).or_else(|| {
                            // A paragraph of quotation alone right after a quoted
                            // speaker continues that speaker, cue and all.
                            last_attributed.filter(|_| !focus_moved && prev.is_none())
                        }) {
                            // "A," he said. "B.": the second part shares the first's attribution.
                            Some(p) => (
                                quotes[p].cue.clone(),
                                quotes[p].speaker.clone().map(|s| Speaker { kind: MentionKind::Carried, ..s }),
                            ),
                            // Otherwise the speaker in focus continues, with the
                            // verb that brought them in ("Ms Tymoshenko said ...
                            // "We will return ..."").
                            None => (
                                indirect_cue.filter(|_| !focus_moved_since_indirect).map(|k| Text::borrowed(src, k)),
                                mem.any.as_ref().map(|f| Speaker {
                                    mention: None,
                                    kind: MentionKind::Carried,
                                    name: Some(f.name.clone()),
                                    title: f.title.clone(),
                                }),
                            ),
                        },
                    };
                    if let Some(s) = &q_speaker {
                        let person = match s.kind {
                            MentionKind::Name | MentionKind::Pronoun => true,
                            MentionKind::Description | MentionKind::Carried => {
                                mem.person.as_ref().zip(s.name.as_ref()).is_some_and(|(p, n)| &p.name == n)
                                    // "The senior banker said" after "one senior
                                    // banker": nobody named, but "he" next.
                                    || s.kind == MentionKind::Description
                                        && s.name.as_ref().zip(s.mention.as_ref()).is_some_and(|(n, m)| {
                                            n.as_ref() == m.as_str()
                                                && words(n).next_back().is_some_and(|h| {
                                                    is_person_noun(h) && mem.anonymous.contains(&lower(h))
                                                })
                                        })
                                    // "The judge presiding over the case noted Q":
                                    // someone new, whom "the judge" later means.
                                    || found.is_some_and(|f| {
                                        let fcx = Ctx::new(src, toks[f.region], flags[f.region], &closes, !per_region[f.region].is_empty());
                                        f.np.is_some_and(|np| {
                                            fcx.restricted(np) && fcx.word(np.end - 1).is_some_and(is_person_noun)
                                        })
                                    })
                            }
                            _ => false,
                        };
                        mem.attend(s, person);
                    }
                    if q_speaker.is_some() {
                        last_attributed = Some(qi);
                        focus_moved = false;
                        focus_moved_since_indirect |= found.is_some();
                    }
                    quotes[qi].cue = q_cue;
                    quotes[qi].speaker = q_speaker;
                    prev = Some((qi, found.or(prev.and_then(|p| p.1))));
                }
                Tok::Word(_) if cx.cue_at(i) && !next_to_quote(&cx, i) => {
                    // Indirect speech moves the focus: "Lavrov said on Tuesday ...".
                    let inverted = cx.word(i).is_some_and(|w| !w.starts_with("tel") && !w.starts_with("tol"));
                    let according = cx.is(i, &["according"]);
                    // "..., said Jim Kabbani, head of the association": after a
                    // comma, a person named after the cue.
                    let after_comma = || {
                        (inverted && i > 0 && cx.punct(i - 1) == Some(','))
                            .then(|| cx.object_of(i))
                            .flatten()
                            .filter(|np| cx.is_person(*np))
                    };
                    let np = if according {
                        cx.object_of(i)
                    } else {
                        after_comma().or_else(|| cx.subject_of(i, 0)).or_else(|| cx.object_of(i).filter(|_| inverted))
                    };
                    let likely = |np: &Np| match np.kind {
                        MentionKind::Organisation | MentionKind::Group => true,
                        // One capitalised word ("Kiev announced") is a person only if met before.
                        MentionKind::Name => {
                            cx.is_person(*np)
                                || cx.word(np.end - 1).is_some_and(|w| mem.knows(w))
                                || cx.institution(*np)
                        }
                        // "The judge presiding over the case noted ...": someone
                        // new, unnamed, whom "the judge" later means.
                        MentionKind::Description => {
                            cx.restricted(*np) && cx.word(np.end - 1).is_some_and(is_person_noun)
                                // "A Labour spokesman denied ...", unless telling
                                // of someone named ("A US official confirmed Lee
                                // took part": the story stays with Lee).
                                || cx.has(np.start, class::A)
                                    && cx.has(np.end - 1, class::TITLE)
                                    && !(i + 1..sentence(&cx, i).1).any(|c| cx.cap(c))
                        }
                        _ => false,
                    };
                    if let Some(np) = np.filter(likely) {
                        let s = mem.resolve(&cx, np);
                        // An acronym ("group LNM said") is a body, not a person.
                        let person = np.kind == MentionKind::Description
                            || s.kind == MentionKind::Name
                                && !cx.institution(np)
                                && (cx.is_person(np)
                                    || s.name.as_ref().is_some_and(|n| n.chars().any(char::is_lowercase)));
                        mem.attend(&s, person);
                        // "Pathway Communications ... said": the company a
                        // later "the company said" means (a source after
                        // "according to" is not).
                        if !person && !according && (cx.institution(np) || proper_body(&cx, np, &mem)) {
                            mem.org = Some(cx.text(np));
                        }
                        focus_moved = true;
                        indirect_cue = Some(cx.span(i));
                        focus_moved_since_indirect = false;
                    }
                }
                _ => {}
            }
        }
    }
    // A lone surname or an unresolved pronoun may be named in full later
    // ("..., says Lavrov" in the headline, "Sergey Lavrov" in the body): meet
    // the names in the rest of the article, then complete.
    let incomplete = quotes.iter().filter_map(|q| q.speaker.as_ref()).any(|s| {
        s.name.as_ref().is_none_or(|n| !n.contains(char::is_whitespace))
            && matches!(s.kind, MentionKind::Name | MentionKind::Carried | MentionKind::Pronoun)
    });
    if incomplete {
        meet_names(src, &regions[needed..], &closes, &mut mem);
    }
    complete_names(quotes, &mem);
    echo_headline_quotes(quotes);
}

/// Each quotation's intervals `(start, end, quotation)` per region, marks
/// included, in order; and per quotation, the last region it stands in.
fn quote_intervals(src: &str, regions: &[Region], quotes: &[crate::Quotation<'_>]) -> (Vec<Vec<Interval>>, Vec<usize>) {
    let mut per_region: Vec<Vec<Interval>> = vec![Vec::new(); regions.len()];
    let mut last_region = vec![0; quotes.len()];
    for (qi, q) in quotes.iter().enumerate() {
        for part in &q.parts {
            let r = regions.partition_point(|r| r.span.end < part.start);
            if regions.get(r).is_some_and(|reg| reg.span.start <= part.start) {
                let s = mark_before(src, part.start).max(regions[r].span.start);
                let e = mark_after(src, part.end).min(regions[r].span.end);
                per_region[r].push((s, e, qi));
                last_region[qi] = r;
            }
        }
    }
    for v in &mut per_region {
        v.sort_unstable();
    }
    (per_region, last_region)
}

/// Whether `region`, its tokens' flags `flags`, is written as sentences: a
/// title-case headline ("Regional Carrier Cancels Night Ferry") names no
/// company; "Velmar hit by turbine failure" does.
fn is_prose(region: &Region, flags: &[u32]) -> bool {
    // (Only a headline's words are counted: any other region is prose.)
    region.location != crate::Location::Headline || {
        let words = flags.iter().filter(|&&f| f & (CAP | LOWER) != 0 && f & class::STOP == 0);
        let (lower, all) = words.fold((0, 0), |(l, a), &f| (l + usize::from(f & LOWER != 0), a + 1));
        2 * lower > all
    }
}

/// Tells `mem` the names of `regions`, which hold no quotation: a name
/// met after the last quotation completes a surname attributed before.
fn meet_names<'a>(src: &'a str, regions: &[Region], closes: &[bool], mem: &mut Memory<'a>) {
    let mut rest = Tokens { toks: Vec::new(), flags: Vec::new() };
    for region in regions {
        rest.toks.clear();
        rest.flags.clear();
        tokenize_into(&mut rest, src, region.span, &[]);
        let cx = Ctx::new(src, &rest.toks, &rest.flags, closes, false);
        for (i, tok) in rest.toks.iter().enumerate() {
            if matches!(tok, Tok::Word(_)) && cx.cap(i) {
                mem_notice(&cx, i, mem, region.location != crate::Location::Headline);
            }
        }
    }
}

/// A headline quoting words the story attributes later ("SA unveils 'more
/// for all' budget" ... "the focus was "more for all"", said Mr Manuel)
/// takes the speaker of the first such quotation, without its cue. Short
/// headline quotations only, and the first few: linear time on any input.
fn echo_headline_quotes(quotes: &mut [crate::Quotation<'_>]) {
    let headline = quotes.iter().take_while(|q| q.location == crate::Location::Headline).count();
    for h in 0..headline.min(8) {
        let n = words(&quotes[h].text).count();
        if quotes[h].speaker.is_some() || n == 0 || n > 12 {
            continue;
        }
        let found = quotes[headline..]
            .iter()
            .take(64)
            .find(|q| q.speaker.as_ref().is_some_and(|s| s.name.is_some()) && holds_words(&q.text, &quotes[h].text));
        if let Some(s) = found.and_then(|q| q.speaker.clone()) {
            quotes[h].speaker = Some(Speaker { mention: None, kind: MentionKind::Carried, ..s });
        }
    }
}
