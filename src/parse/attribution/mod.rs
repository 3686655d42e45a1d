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
//! backward.rs  the scan from a quotation back to its cue: ordered tables of named rules
//! forward.rs   the scan from a quotation on to the clause after it: an ordered table of named rules
//! hash.rs      the memory's word hasher
//! memory.rs    Memory: people named, the focus, bodies and acronyms met
//! resolve.rs   a mention to the name it refers to
//! notice.rs    what the text between quotations tells the memory
//! rules.rs     the attribution clause before a quotation, or later in its sentence
//! walk.rs      the walk over regions and quotations in document order
//! speech.rs    speech or not: a title, a name or a term is no one's words
//! mod.rs       attribute: the regions tokenized, walked, then names completed
//! ```

use crate::article::{MentionKind, Speaker};
use crate::lexicon::class;
use crate::parse::quotes::Region;
use crate::{Article, Attribution, AttributionRule as R, Confidence, Span};

mod backward;
mod calibration;
mod clause;
mod context;
mod forward;
mod hash;
mod lists;
mod memory;
mod mention;
mod notice;
mod resolve;
mod rules;
mod speech;
mod text;
mod tokens;
mod walk;

use context::Ctx;
use memory::{Memory, complete_names, name_described_bodies};
use notice::mem_notice;
use text::{holds_words, words};
use tokens::{CAP, Interval, LOWER, Tok, Tokens, mark_after, mark_before, tokenize_into};
use walk::{Regions, Walk};

/// Fills `cue`, `speaker`, `attribution` and `speech` of every quotation of `art`.
pub(crate) fn attribute<'a>(src: &'a str, regions: &[Region], art: &mut Article<'a>) {
    let quotes = &mut art.quotations;
    if quotes.is_empty() {
        return;
    }
    let (intervals, starts, last_region) = quote_intervals(src, regions, quotes);
    let per_region = |r: usize| &intervals[starts[r]..starts[r + 1]];
    // Nothing after the last quotation changes an attribution.
    let needed = (0..regions.len()).rposition(|r| !per_region(r).is_empty()).map_or(0, |r| r + 1);
    let needed = needed + usize::from(dash_line(src, regions.get(needed)));
    // The tokens of every region in one buffer, and each region's range of it.
    // Room for them all at once (a token is four bytes or more, mostly).
    let room = regions[..needed].iter().map(|r| r.span.len() / 4 + 4).sum();
    let mut all = Tokens { toks: Vec::with_capacity(room), flags: Vec::with_capacity(room) };
    let bounds: Vec<(usize, usize)> = regions[..needed]
        .iter()
        .enumerate()
        .map(|(k, r)| {
            let from = all.toks.len();
            tokenize_into(&mut all, src, r.span, per_region(k));
            (from, all.toks.len())
        })
        .collect();
    let flags: Vec<&[u32]> = bounds.iter().map(|&(a, b)| &all.flags[a..b]).collect();
    let rs = Regions {
        src,
        toks: bounds.iter().map(|&(a, b)| &all.toks[a..b]).collect(),
        prose: regions[..needed].iter().zip(&flags).map(|(region, fl)| is_prose(region, fl)).collect(),
        flags,
        quoted: (0..needed).map(|r| !per_region(r).is_empty()).collect(),
        closes: quotes.iter().map(|q| q.text.trim_end().ends_with(['.', '?', '!'])).collect(),
        last_region,
    };
    let mut walk = Walk::new(quotes.len());
    for r in 0..needed {
        walk.region(&rs, quotes, r);
    }
    let mut mem = walk.mem;
    // A lone surname or an unresolved pronoun may be named in full later
    // ("..., says Lavrov" in the headline, "Sergey Lavrov" in the body): meet
    // the names in the rest of the article, then complete.
    let incomplete = quotes.iter().filter_map(|q| q.speaker.as_ref()).any(|s| {
        s.name.as_ref().is_none_or(|n| !n.contains(char::is_whitespace))
            && matches!(s.kind, MentionKind::Name | MentionKind::Carried | MentionKind::Pronoun)
    });
    // So may a body described in the lead ("a respected think-tank").
    let described = || quotes.iter().filter_map(|q| q.speaker.as_ref()).any(memory::described_body);
    if incomplete || described() {
        meet_names(src, &regions[needed..], &rs.closes, &mut mem);
    }
    complete_names(src, quotes, &mem);
    // Only speech has a speaker. One pass over the quotations for speech
    // and confidence (they may be many times the cache), then again over
    // the headline's, which may echo a quotation of the story.
    let confidence = |q: &mut crate::Quotation<'_>| {
        // A mention resolved to no name ("he" with no one in focus) is a guess.
        let kind = q.speaker.as_ref().filter(|s| s.name.is_some()).map(|s| s.kind);
        if let Some(why) = &mut q.attribution {
            why.confidence = Confidence::of(why.rule, why.mention_rule, kind);
            if why.confidence == Confidence::High && q.speaker.as_ref().is_some_and(hedged) {
                why.confidence = Confidence::Medium;
            }
        }
    };
    let mut questions = speech::BARE_QUESTIONS;
    for i in 0..quotes.len() {
        let mut is_speech = speech::is_speech(src, &quotes[i]);
        if let Some(term) = speech::as_term(&quotes[i]).filter(|_| is_speech && questions > 0) {
            questions -= 1;
            is_speech = !speech::used_bare(src, term, quotes);
        }
        let q = &mut quotes[i];
        q.speech = is_speech;
        if !q.speech {
            (q.cue, q.speaker, q.attribution) = (None, None, None);
        }
        confidence(q);
    }
    name_described_bodies(src, quotes, &mem);
    let headline = echo_headline_quotes(quotes);
    quotes[..headline].iter_mut().for_each(confidence);
    calibrate(quotes);
}

/// Sets each attribution's confidence from the class its rule and mention
/// give (kept as its `prior`) and what the article says around it, by the
/// model fitted on the annotated samples ([`calibration`]): the rule with
/// the kind of mention, the words of the speaker's name, and whether the
/// speech quotation before has the same speaker.
fn calibrate(quotes: &mut [crate::Quotation<'_>]) {
    let mut before: Option<usize> = None;
    for i in 0..quotes.len() {
        let q = &quotes[i];
        let name = q.speaker.as_ref().and_then(|s| s.name.as_deref());
        let same =
            name.is_some() && before.and_then(|b| quotes[b].speaker.as_ref().and_then(|s| s.name.as_deref())) == name;
        // (By bytes: a name's words are parted by ASCII spaces.)
        let words =
            name.map_or(0, |n| n.as_bytes().split(u8::is_ascii_whitespace).filter(|w| !w.is_empty()).take(3).count());
        let kind = q.speaker.as_ref().map(|s| s.kind);
        if q.speech {
            before = Some(i);
        }
        if let Some(why) = &mut quotes[i].attribution {
            why.prior = why.confidence;
            let z = calibration::logit(why.prior, why.rule, kind, words, same);
            why.confidence = if z >= calibration::HIGH {
                Confidence::High
            } else if z >= calibration::MEDIUM {
                Confidence::Medium
            } else {
                Confidence::Low
            };
        }
    }
}

/// Whether `region`, after the last quotation, is a line opening with a
/// dash ("― Anna Berg"), which may name its speaker.
fn dash_line(src: &str, region: Option<&Region>) -> bool {
    region.is_some_and(|r| r.span.slice(src).trim_start().starts_with(['―', '—', '–', '-']))
}

/// Whether the speaker `s`, tied to its quotation by a sure rule, is still
/// no more than likely: a name never given in full ("Berhrmann"), "they"
/// or "it" (a group or a body in focus, more often mistaken than a
/// person), or a news medium reporting ("the official news agency
/// reported"), whose words are often another's it passes on; a paper or an
/// unnamed spokesman standing for the one in focus.
fn hedged(s: &Speaker<'_>) -> bool {
    let lone_name = s.kind == MentionKind::Name && s.name.as_ref().is_some_and(|n| !n.contains(char::is_whitespace));
    let plural =
        s.kind == MentionKind::Pronoun && s.mention.as_ref().is_some_and(|m| lists::VAGUE_PRONOUNS.holds(&m.text));
    // ("the official news agency", not "the Drug Information Agency".)
    let medium = s.kind == MentionKind::Organisation
        && s.name.as_ref().is_some_and(|n| {
            let mut last = n.split_whitespace().rev();
            let (w, before) = (last.next().unwrap_or(""), last.next().unwrap_or(""));
            lists::MEDIA.holds(w)
                || w.eq_ignore_ascii_case("agency")
                    && (before.eq_ignore_ascii_case("news") || before.eq_ignore_ascii_case("press"))
        });
    // "the statement said" for the body in focus: its issuer, most likely.
    let paper = s.kind == MentionKind::Description
        && s.mention.as_ref().zip(s.name.as_ref()).is_some_and(|(m, n)| {
            m.as_str() != n.as_ref()
                && words(m.as_str())
                    .next_back()
                    .is_some_and(|h| lists::PAPERS.iter().any(|p| p.eq_ignore_ascii_case(h)))
        });
    // "a spokeswoman said" for the body in focus: a guess too.
    let indefinite = s.mention.as_ref().zip(s.name.as_ref()).is_some_and(|(m, n)| {
        let first = m.as_str().split_whitespace().next().unwrap_or("");
        ["a", "an"].iter().any(|a| a.eq_ignore_ascii_case(first)) && m.as_str() != n.as_ref()
    });
    lone_name || plural || medium || paper || indefinite
}

/// Each quotation's intervals `(start, end, quotation)` per region, marks
/// included, in order: all in one vector, region after region, with where
/// each region's begin there (one more than there are regions, the last
/// the end); and per quotation, the last region it stands in.
///
/// One vector, not one a region: a region a quotation cost an allocation and
/// some hundred bytes.
fn quote_intervals(
    src: &str,
    regions: &[Region],
    quotes: &[crate::Quotation<'_>],
) -> (Vec<Interval>, Vec<usize>, Vec<usize>) {
    // Each part's region and interval, if it stands in one.
    let part = |part: &Span| {
        let r = regions.partition_point(|r| r.span.end < part.start);
        regions.get(r).filter(|reg| reg.span.start <= part.start).map(|reg| {
            let s = mark_before(src, part.start).max(reg.span.start);
            let e = mark_after(src, part.end).min(reg.span.end);
            (r, s, e)
        })
    };
    // Counted a region at a time, then placed.
    let mut starts = vec![0; regions.len() + 1];
    for (r, ..) in quotes.iter().flat_map(|q| &q.parts).filter_map(part) {
        starts[r + 1] += 1;
    }
    for r in 0..regions.len() {
        starts[r + 1] += starts[r];
    }
    let mut next = starts.clone();
    let mut intervals = vec![(0, 0, 0); starts[regions.len()]];
    let mut last_region = vec![0; quotes.len()];
    for (qi, q) in quotes.iter().enumerate() {
        for (r, s, e) in q.parts.iter().filter_map(part) {
            intervals[next[r]] = (s, e, qi);
            next[r] += 1;
            last_region[qi] = r;
        }
    }
    for r in 0..regions.len() {
        intervals[starts[r]..starts[r + 1]].sort_unstable();
    }
    (intervals, starts, last_region)
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
///
/// Returns how many quotations stand in the headline (the first ones).
fn echo_headline_quotes(quotes: &mut [crate::Quotation<'_>]) -> usize {
    let headline = quotes.iter().take_while(|q| q.location == crate::Location::Headline).count();
    for h in 0..headline.min(8) {
        let n = words(&quotes[h].text).count();
        if quotes[h].speaker.is_some() || !quotes[h].speech || n == 0 || n > 12 {
            continue;
        }
        let found = quotes[headline..]
            .iter()
            .take(64)
            .find(|q| q.speaker.as_ref().is_some_and(|s| s.name.is_some()) && holds_words(&q.text, &quotes[h].text));
        if let Some(q) = found {
            let s = q.speaker.clone().map(|s| Speaker { mention: None, kind: MentionKind::Carried, ..s });
            let antecedent = q.attribution.and_then(|w| w.antecedent.or(w.mention));
            let why = Attribution {
                rule: R::HeadlineEcho,
                cue: None,
                mention: None,
                mention_rule: None,
                antecedent,
                confidence: Confidence::Low,
                prior: Confidence::Low,
            };
            quotes[h].attribution = Some(why);
            quotes[h].speaker = s;
        }
    }
    headline
}
