//! The attribution clause of a quotation: after it (`Q, he said.`) or
//! before it (`Smith said: Q`), as the cue's token and the speaker's
//! mention.

use crate::AttributionRule as R;
use crate::article::MentionKind;
use crate::lexicon::{class, is_strong_cue};

use super::backward::{Hit, cue_before};
use super::context::{Ctx, sentence};
use super::lists::Words;
use super::tokens::Tok;

/// After the quotation token `i`: `Q, he said.` `Q, said Smith.`
/// `Q, Smith, a spokesman, said.` `Q, the head of state said.` `Q - Smith`
pub(super) fn after_of(cx: &Ctx<'_, '_>, i: usize, closes_sentence: bool) -> Option<Hit> {
    after_at(cx, i, closes_sentence, 0)
}

/// [`after_of`], `hops` quotations on from the one it was asked for.
fn after_at(cx: &Ctx<'_, '_>, i: usize, closes_sentence: bool, hops: usize) -> Option<Hit> {
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
            return Some(Hit::new(R::SpeakerAfterDash, None, Some(np)));
        }
    }
    if j >= s1 {
        return None;
    }
    if cx.cue_at(j) && !introduces_next(j) {
        if let Some(np) = cx.object_of(j) {
            let according = cx.is(j, &["according"]);
            let rule = if according { R::AccordingToAfterQuote } else { R::InvertedCueAfterQuote };
            return Some(Hit::new(rule, Some(j), Some(np)));
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
            after_at(cx, next, closes_sentence, hops + 1).map(|h| Hit { rule: R::SharedWithNextQuote, ..h })
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
                return Some(Hit::new(R::QuotedAsSayingAfterQuote, Some(end + 1), Some(quoted)));
            }
        }
    }
    (cx.cue_at(k) && !introduces_next(k)).then_some(Hit::new(R::CueAfterQuote, Some(k), Some(np)))
}

/// Before the quotation token `i`, in its sentence: `Smith said: Q`
/// `Smith told reporters that Q` `According to Smith, Q` `Smith: Q`, then
/// later in the sentence (`... "pecking" at Russia, Putin said.`), then the
/// sentence's subject.
pub(super) fn before_of(cx: &Ctx<'_, '_>, i: usize) -> Option<Hit> {
    let (s0, s1) = sentence(cx, i);
    let cue = match cue_before(cx, i, s0) {
        Ok(found) => return Some(found),
        Err(cue) => cue,
    };
    named_before_colon(cx, i, s0).or_else(|| cue_later(cx, i, s1)).or_else(|| subject_before(cx, i, s0, cue))
}

/// `Smith: Q`: a mention before a colon that opens the quotation token `i`
/// (its sentence starting at `s0`); "criticized the law in a post on X: Q"
/// tells where, not who: the subject of a cue before it does.
fn named_before_colon(cx: &Ctx<'_, '_>, i: usize, s0: usize) -> Option<Hit> {
    if i > s0 && cx.punct(i - 1) == Some(':') {
        if let Some(np) = cx.np_backward(i - 1, s0).filter(|np| np.kind != MentionKind::Pronoun) {
            // "criticized the law in a post on X: Q": where it was said, not
            // who; any cue before it, with its subject, tells who.
            let placed = np.start > s0 && cx.lower_in(np.start - 1, class::STOP);
            let earlier = || {
                (s0..np.start)
                    .rev()
                    .filter(|&c| cx.cue_at(c) && cx.word(c).is_some_and(|w| is_strong_cue(w) || w.ends_with("ed")))
                    .find_map(|c| {
                        cx.subject_of(c, s0).map(|subject| Hit::new(R::CueBeforePlaceColon, Some(c), Some(subject)))
                    })
            };
            match placed.then(earlier).flatten() {
                Some(found) => return Some(found),
                None if !placed => return Some(Hit::new(R::NameBeforeColon, None, Some(np))),
                None => {}
            }
        }
    }
    None
}

/// A cue later in the sentence of the quotation token `i`, up to its end
/// `s1`: `... "pecking" at Russia, Putin said.`
fn cue_later(cx: &Ctx<'_, '_>, i: usize, s1: usize) -> Option<Hit> {
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
                return Some(Hit::new(R::AccordingToLater, Some(k), Some(np)));
            }
        } else if let Some(np) = cx.subject_of(k, i + 1).or_else(|| cx.object_of(k)) {
            return Some(Hit::new(R::CueLaterInSentence, Some(k), Some(np)));
        }
    }
    None
}

/// The subject of the sentence (starting at `s0`) of the quotation token
/// `i`, with the nearest `cue` before it if one was found.
fn subject_before(cx: &Ctx<'_, '_>, i: usize, s0: usize, cue: Option<usize>) -> Option<Hit> {
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
        (c, None) => Some(Hit::new(R::CueWithoutSubject, c, None)),
        (c, np) => Some(Hit::new(R::SentenceSubject, c, np)),
    }
}
