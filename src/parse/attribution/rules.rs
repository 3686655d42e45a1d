//! The attribution clause before a quotation (`Smith said: Q`), or later in
//! its sentence, as the cue's token and the speaker's mention.

use crate::AttributionRule as R;
use crate::article::MentionKind;
use crate::lexicon::{class, is_strong_cue};

use super::backward::{Hit, cue_before};
use super::context::{Ctx, sentence};
use super::lists::Words;
use super::tokens::Tok;

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
    // A participle later ("..., with club supporters condemning his
    // language") tells of others than a cue before the quotation does
    // ("claiming the country has been Q").
    let participle = |h: &Hit| h.cue.and_then(|k| cx.word(k)).is_some_and(|w| w.ends_with("ing"));
    named_before_colon(cx, i, s0)
        .or_else(|| cue_later(cx, i, s1).filter(|h| cue.is_none() || !participle(h)))
        .or_else(|| subject_before(cx, i, s0, cue))
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
        // A weak cue far from the quotation tells of something else,
        // unless it is inverted after a comma, a person named after it
        // ("Q," underpinned by solid profits and a weaker yen, predicted
        // economist Kenji Arata).
        let inverted_far =
            || cx.punct(k - 1) == Some(',') && cx.object_of(k).is_some_and(|np| cx.is_person(np) && np.start == k + 1);
        if !cx.cue_at(k) || !cx.has(k, class::STRONG) && k - i > 8 && !inverted_far() {
            continue;
        }
        let Some(w) = cx.word(k) else { continue };
        if w.eq_ignore_ascii_case("according") {
            if let Some(np) = cx.object_of(k) {
                return Some(Hit::new(R::AccordingToLater, Some(k), Some(np)));
            }
        } else if let Some(np) = cx.subject_of(k, i + 1).or_else(|| cx.object_of(k)) {
            // A quotation that closes its sentence is not told of by the
            // next one reporting speech of its own (`"... cynicism." Dr
            // Ann Lewis said she had found ...`).
            if cx.is_sentence_end(i) && super::forward::reports(cx, k) {
                return None;
            }
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
    // ("Asked about the video, Afroman compared it ...": a participle
    // opening the sentence too.)
    let participle = || cx.word(s0).is_some_and(|w| w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing")));
    if cx.is(s0, &["in", "on", "at", "after", "before", "during", "for", "with", "from", "since"]) || participle() {
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
    // "The rebels' foreign minister, Bizima Kahara, restated ..., saying
    // Q": the person named in apposition to the description.
    let subject = subject.map(|np| {
        let named = (np.kind == MentionKind::Description && cx.punct(np.end) == Some(','))
            .then(|| cx.np_forward(np.end + 1))
            .flatten()
            .filter(|n| n.kind == MentionKind::Name && n.end < i && cx.punct(n.end) == Some(',') && cx.is_person(*n));
        named.map_or(np, |n| n.via(crate::MentionRule::Appositive))
    });
    // "There was no word, but Anna Berg has called a meeting to announce
    // Q": a person opening a clause joined before the cue.
    let joined = || {
        let c = cue?;
        (s0 + 1..c.saturating_sub(1))
            .rev()
            .find(|&k| cx.punct(k) == Some(',') && cx.is(k + 1, &["but", "and", "while"]))
            .and_then(|k| cx.np_forward(k + 2))
            .filter(|np| np.end < c && cx.is_person(*np))
    };
    let subject = subject.or_else(joined);
    match (cue, subject) {
        (None, None) => None,
        (c, None) => Some(Hit::new(R::CueWithoutSubject, c, None)),
        (c, np) => Some(Hit::new(R::SentenceSubject, c, np)),
    }
}
