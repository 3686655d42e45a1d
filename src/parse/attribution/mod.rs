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

use crate::article::{MentionKind, Speaker, Text};
use crate::lexicon::{class, is_strong_cue};
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
mod text;
mod tokens;

use clause::{group_subject, sentence_subject};
use context::{Ctx, Np, next_to_quote, sentence};
use lists::{PAPERS, Words, is_person_noun};
use memory::{Memory, complete_names};
use notice::{mem_notice, notice_until};
use resolve::proper_body;
use text::{holds_words, lower, words};
use tokens::{CAP, LOWER, Tok, Tokens, mark_after, mark_before, tokenize_into};

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
    // Each quotation's intervals per region, marks included.
    let mut per_region: Vec<Vec<(usize, usize, usize)>> = vec![Vec::new(); regions.len()];
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
    // Regions written as sentences: a title-case headline ("Regional Carrier
    // Cancels Night Ferry") names no company; "Velmar hit by turbine failure" does.
    let prose: Vec<bool> = regions[..needed]
        .iter()
        .zip(&flags)
        .map(|(region, fl)| {
            // (Only a headline's words are counted: any other region is prose.)
            region.location != crate::Location::Headline || {
                let words = fl.iter().filter(|&&f| f & (CAP | LOWER) != 0 && f & class::STOP == 0);
                let (lower, all) = words.fold((0, 0), |(l, a), &f| (l + usize::from(f & LOWER != 0), a + 1));
                2 * lower > all
            }
        })
        .collect();
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
        let mut rest = Tokens { toks: Vec::new(), flags: Vec::new() };
        for (r, region) in regions.iter().enumerate().skip(needed) {
            rest.toks.clear();
            rest.flags.clear();
            tokenize_into(&mut rest, src, region.span, &[]);
            let cx = Ctx::new(src, &rest.toks, &rest.flags, &closes, false);
            for (i, tok) in rest.toks.iter().enumerate() {
                if matches!(tok, Tok::Word(_)) && cx.cap(i) {
                    mem_notice(&cx, i, &mut mem, regions[r].location != crate::Location::Headline);
                }
            }
        }
    }
    complete_names(quotes, &mem);
    echo_headline_quotes(quotes);
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

/// After the quotation token `i`: `Q, he said.` `Q, said Smith.`
/// `Q, Smith, a spokesman, said.` `Q, the head of state said.` `Q - Smith`
fn after_of(cx: &Ctx<'_, '_>, i: usize, closes_sentence: bool) -> Option<(Option<usize>, Option<Np>)> {
    after_at(cx, i, closes_sentence, 0)
}

/// [`after_of`], `hops` quotations on from the one it was asked for.
fn after_at(cx: &Ctx<'_, '_>, i: usize, closes_sentence: bool, hops: usize) -> Option<(Option<usize>, Option<Np>)> {
    let (s0, s1) = sentence(cx, i);
    // After a quotation that closes its sentence ("... waiting." Smith said:
    // "..."), a clause that introduces another quotation belongs to that one.
    let introduces_next = |k: usize| {
        closes_sentence
            && (k + 1..s1.min(cx.toks.len())).any(|c| matches!(cx.toks[c], Tok::Quote(_)) || cx.punct(c) == Some(':'))
    };
    let mut j = i + 1;
    if cx.punct(j) == Some(',') {
        j += 1;
    }
    if matches!(cx.punct(j), Some('-' | '—' | '–' | '_')) {
        if let Some(np) = cx.np_forward(j + 1).filter(|np| np.kind != MentionKind::Pronoun) {
            return Some((None, Some(np)));
        }
    }
    if j >= s1 {
        return None;
    }
    if cx.cue_at(j) && !introduces_next(j) {
        if let Some(np) = cx.object_of(j) {
            return Some((Some(j), Some(np)));
        }
    }
    let Some(mut np) = cx.np_forward(j) else {
        // "the minimum rules," much less "the national standards," Himiob
        // told CNN: a few words on, the next quotation's attribution.
        let next = (j..(j + 6).min(s1)).find(|&c| matches!(cx.toks[c], Tok::Quote(_)))?;
        // Not when a cue before the first one attributes it ("told CNN it is
        // "aware" and is "working ...," a spokesperson said").
        let plain = next > j && (j..next).all(|c| cx.is_word(c) && !cx.cue_at(c));
        let plain = plain && !(s0..i).any(|c| cx.cue_at(c));
        return if plain && !closes_sentence && hops < 4 {
            after_at(cx, next, closes_sentence, hops + 1)
        } else {
            None
        };
    };
    // ""...," Ann Smith's filing stated": the thing or person owned speaks.
    if let Some(owned) = cx.owned(np).filter(|o| cx.cue_at(o.end)) {
        np = owned;
    }
    let mut k = np.end;
    if cx.punct(k) == Some(',') {
        // An appositive: "Smith, a spokesman for the agency, said"; "the
        // group's chairman, Arthur Bell, said" names the person inside it.
        let lim = (k + 24).min(s1);
        let mut c = k + 1;
        while c < lim && cx.punct(c) != Some(',') {
            c += 1;
        }
        if c < lim {
            if np.kind != MentionKind::Name {
                if let Some(inner) = cx.np_forward(k + 1).filter(|n| n.end == c && cx.is_person(*n)) {
                    np = inner;
                }
            }
            k = c + 1;
            // "Liu Wenbo, 46, who was fined in 2003, told AFP": more
            // chunks between commas, then the cue.
            let mut m = k;
            while !cx.cue_at(m) && m < (np.end + 40).min(s1) && !matches!(cx.toks[m], Tok::Quote(_)) {
                m += 1;
            }
            if m > k && cx.cue_at(m) && cx.punct(m - 1) == Some(',') {
                k = m;
            }
        }
    } else if cx.is(k, &["of", "for", "at", "from", "in"]) {
        // "the head of state said", "a spokesman for the agency said"
        let lim = (k + 8).min(s1);
        let mut c = k + 1;
        while c < lim && cx.is_word(c) && !cx.cue_at(c) {
            c += 1;
        }
        if c < lim && cx.cue_at(c) {
            k = c;
        }
    }
    while cx.has(k, class::ADVERB) {
        k += 1;
    }
    // ""...," the magazine quoted director Ana Ruiz as saying": the one
    // quoted speaks, and the verb after "as" is the cue.
    // With an appositive: "quoted Director of PT Telcom, Garuda Sugardo, as
    // saying" is the person named in it; "quoted Ho Chi Minh, the founder
    // of ..., as saying" the one before it.
    if cx.is(k, &["quoted"]) {
        if let Some(mut quoted) = cx.np_forward(k + 1).filter(|n| n.kind != MentionKind::Pronoun) {
            let mut end = quoted.end;
            if cx.punct(end) == Some(',') {
                let close = (end + 1..(end + 24).min(s1)).find(|&c| cx.punct(c) == Some(','));
                if let Some(close) = close {
                    let inner = cx.np_forward(end + 1).filter(|n| n.end == close && cx.is_person(*n));
                    let titled = (quoted.start..quoted.end).any(|c| cx.has(c, class::OF));
                    if let Some(inner) = inner.filter(|_| titled || !cx.is_person(quoted)) {
                        quoted = inner;
                    }
                    end = close + 1;
                }
            }
            if cx.is(end, &["as"]) && cx.cue_at(end + 1) {
                return Some((Some(end + 1), Some(quoted)));
            }
        }
    }
    (cx.cue_at(k) && !introduces_next(k)).then_some((Some(k), Some(np)))
}

/// Before the quotation token `i`, in its sentence: `Smith said: Q`
/// `Smith told reporters that Q` `According to Smith, Q` `Smith: Q`, then
/// later in the sentence (`... "pecking" at Russia, Putin said.`), then the
/// sentence's subject.
fn before_of(cx: &Ctx<'_, '_>, i: usize) -> Option<(Option<usize>, Option<Np>)> {
    let (s0, s1) = sentence(cx, i);
    // The nearest cue before the quotation; a participle ("adding",
    // "saying") takes the subject of the clause it hangs on.
    let mut cue = None;
    let mut k = i;
    while k > s0 {
        k -= 1;
        // "identified by China as its "top terrorist"", "described by
        // aides as Q": the passive's agent speaks, its participle the cue.
        // Not inside reported speech ("He warned that they were viewed by
        // their countrymen as Q"), unless set off by a comma ("Pakistan said
        // it killed X, identified by China as Q").
        let reported = || (s0..k - 1).rev().take_while(|&c| cx.punct(c) != Some(',')).any(|c| cx.cue_at(c));
        // ("by" is a stop word: the class rules out most words first.)
        if cx.has(k, class::STOP) && cx.word(k) == Some("by") && k > s0 && i - k < 12 && cue.is_none() && !reported() {
            let participle = cx.word(k - 1).is_some_and(|p| p.ends_with("ed") && cx.has(k - 1, LOWER));
            let agent = cx
                .np_forward(k + 1)
                .filter(|np| np.kind != MentionKind::Pronoun && np.end < i && (np.end..i).any(|c| cx.is(c, &["as"])));
            if let (true, Some(np)) = (participle, agent) {
                return Some((Some(k - 1), Some(np)));
            }
        }
        // A weak cue ("called", "argue") governs only a nearby quotation,
        // unless it governs the participle found first.
        if !cx.cue_at(k) {
            continue;
        }
        let Some(w) = cx.word(k) else { continue };
        // "A van was observed driving "suspiciously"": a cue in the passive
        // tells what was said of its subject, not by it.
        // Its agent after the quotation speaks ("was called "a pirate" by
        // the judge").
        if cx.in_passive(k) {
            if i - k <= 4 && cx.is(i + 1, &["by"]) {
                if let Some(np) = cx.np_forward(i + 2).filter(|np| np.kind != MentionKind::Pronoun) {
                    return Some((Some(k), Some(np)));
                }
            }
            continue;
        }
        // ... unless it is the verb of the sentence's subject ("The indictment
        // alleges Gray ignored "sufficient warning"").
        if !is_strong_cue(w) && i - k > 6 && cue.is_none() {
            // (Not "No wonder, ...": a verb is not followed by a comma.)
            let main = k - s0 <= 8
                && cx.punct(k + 1) != Some(',')
                && cx.subject_of(k, s0).is_some_and(|np| np.start == s0 && np.end + 2 >= k);
            // ... or it governs an infinitive running up to it ("pledged to
            // take ties to a "new level"").
            let infinitive = i - k <= 14
                && cx.is(k + 1, &["to"])
                && (k + 2..i).all(|c| cx.word(c).is_some() && !cx.cue_at(c) && !cx.is(c, &["that", "which", "who"]));
            if !main && !infinitive {
                continue;
            }
        }
        // "Outlook quoted Alishal Paktiawal as saying Q": the one quoted
        // speaks, not the paper (unless passive: "he was quoted by ...").
        if w == "saying" && k > s0 && cx.is(k - 1, &["as"]) {
            let quoted = (k.saturating_sub(24).max(s0)..k).rev().find(|&c| cx.is(c, &["quoted"]));
            let passive = |q: usize| q > s0 && cx.is(q - 1, &["was", "were", "is", "are", "been", "being"]);
            if let Some(q) = quoted.filter(|&q| !passive(q)) {
                if let Some(np) = cx.np_forward(q + 1).filter(|np| np.kind != MentionKind::Pronoun && np.end < k) {
                    return Some((Some(k), Some(np)));
                }
            }
        }
        // "said he hoped Trump would find an "off-ramp"", "adding that the
        // IMF continued "to ..."": the verb of a reported clause is not the
        // cue; the one reporting it is.
        if cue.is_none() && !is_strong_cue(w) {
            if let Some(np) = cx.subject_of(k, s0) {
                let mut c = np.start;
                if c > s0 && cx.is(c - 1, &["that"]) {
                    c -= 1;
                }
                // ("told reporters the report disclosed "...": who was told.)
                if c > s0 + 1
                    && (cx.has(c - 1, class::GROUP) || cx.lower_in(c - 1, class::OBJECT))
                    && cx.is(c - 2, &["told", "tells", "tell", "telling"])
                {
                    c -= 1;
                }
                if c > s0 && cx.cue_at(c - 1) && cx.word(c - 1).is_some_and(is_strong_cue) {
                    continue;
                }
            }
        }
        let cue_at = *cue.get_or_insert(k);
        if w.eq_ignore_ascii_case("according") {
            if let Some(np) = cx.object_of(k) {
                return Some((Some(cue_at), Some(np)));
            }
            continue;
        }
        // A participle after a comma ("..., warning against Q") hangs on the
        // clause before it: look further back, then at the sentence's subject.
        if w.ends_with("ing") && k > s0 && cx.punct(k - 1) == Some(',') {
            continue;
        }
        // "said Smith: Q", "said the ministry, Q": an inverted attribution
        // runs up to the quotation.
        // ("X said the farmers "need help"": the farmers are who the
        // quotation tells of, unless named: "said Smith "..."".)
        let inverted =
            |np: &Np| np.end <= i && (np.end == i && cx.is_person(*np) || matches!(cx.punct(np.end), Some(':' | ',')));
        if let Some(np) = cx.subject_of(k, s0).or_else(|| cx.object_of(k).filter(inverted)) {
            // "Her family released a statement saying Q": who issued it.
            let paper = np.kind == MentionKind::Description
                && (np.end..k).all(|c| cx.has(c, class::TIME))
                && w.ends_with("ing")
                && cx.word(np.end - 1).is_some_and(|h| PAPERS.iter().any(|p| p.eq_ignore_ascii_case(h)));
            let issuer = || {
                (np.start > s0 && cx.has(np.start - 1, LOWER) && !cx.has(np.start - 1, class::STOP))
                    .then(|| cx.subject_of(np.start - 1, s0))
                    .flatten()
                    .filter(|s| s.kind != MentionKind::Pronoun || s.end < np.start)
            };
            if let Some(issuer) = paper.then(issuer).flatten() {
                return Some((Some(cue_at), Some(issuer)));
            }
            return Some((Some(cue_at), Some(np)));
        }
    }
    if i > s0 && cx.punct(i - 1) == Some(':') {
        if let Some(np) = cx.np_backward(i - 1, s0).filter(|np| np.kind != MentionKind::Pronoun) {
            // "criticized the law in a post on X: Q": where it was said, not
            // who; any cue before it, with its subject, tells who.
            let placed = np.start > s0 && cx.lower_in(np.start - 1, class::STOP);
            let earlier = || {
                (s0..np.start)
                    .rev()
                    .filter(|&c| cx.cue_at(c) && cx.word(c).is_some_and(|w| is_strong_cue(w) || w.ends_with("ed")))
                    .find_map(|c| cx.subject_of(c, s0).map(|subject| (Some(c), Some(subject))))
            };
            match placed.then(earlier).flatten() {
                Some(found) => return Some(found),
                None if !placed => return Some((None, Some(np))),
                None => {}
            }
        }
    }
    // A cue before the sentence's last colon or quotation introduces that
    // one: "... Smith said: "..."".
    let last_intro =
        (i + 1..s1.min(cx.toks.len())).rev().find(|&c| matches!(cx.toks[c], Tok::Quote(_)) || cx.punct(c) == Some(':'));
    for k in i + 1..s1 {
        if matches!(cx.toks[k], Tok::Quote(_)) || last_intro.is_some_and(|c| c > k) && cx.cue_at(k) {
            break;
        }
        if !cx.cue_at(k) || !cx.has(k, class::STRONG) && k - i > 8 {
            continue;
        }
        let Some(w) = cx.word(k) else { continue };
        if w.eq_ignore_ascii_case("according") {
            if let Some(np) = cx.object_of(k) {
                return Some((Some(k), Some(np)));
            }
        } else if let Some(np) = cx.subject_of(k, i + 1).or_else(|| cx.object_of(k)) {
            return Some((Some(k), Some(np)));
        }
    }
    // The sentence's subject: Clara Voss ... urging voters who feel "left
    // behind"; "In Tromso, the council ..., warning against Q".
    // "And Jamie Foxx, who ..., paid tribute to the "beautiful legacy"".
    let mut subj_at = if cx.is(s0, &["and", "but", "yet", "so"]) && s0 + 1 < i { s0 + 1 } else { s0 };
    if cx.is(s0, &["in", "on", "at", "after", "before", "during", "for", "with", "from", "since"]) {
        if let Some(c) = (s0..i).find(|&c| cx.punct(c) == Some(',')) {
            subj_at = c + 1;
        }
    }
    // "About 100 protesters", "Two men", "Thousands of people".
    const QUANTITY: Words = Words::new(&[
        "about",
        "some",
        "more",
        "than",
        "nearly",
        "around",
        "almost",
        "over",
        "hundreds",
        "thousands",
        "dozens",
        "tens",
        "of",
        "two",
        "three",
        "four",
        "five",
    ]);
    while subj_at < i
        && (cx.is_one_of(subj_at, &QUANTITY)
            || cx.word(subj_at).is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit() || b == b',')))
    {
        subj_at += 1;
    }
    let subject = cx
        .np_forward(subj_at)
        .filter(|np| np.end <= i && (cx.is_person(*np) || cue.is_some() && np.kind != MentionKind::Pronoun));
    match (cue, subject) {
        (None, None) => None,
        (c, np) => Some((c, np)),
    }
}
