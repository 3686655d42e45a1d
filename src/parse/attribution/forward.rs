//! The scan forward from a quotation to the clause after it (`Q, he said.`),
//! as an ordered table of named rules.
//!
//! The rules of [`AFTER`] are asked in order: one may take the clause (an
//! attribution), stop the scan (no clause after the quotation), or pass (the
//! next rule is asked).

use std::cell::OnceCell;

use crate::AttributionRule as R;
use crate::MentionRule as M;
use crate::article::MentionKind;
use crate::lexicon::class;

use super::backward::Hit;
use super::context::{Ctx, Np, sentence};
use super::lists::PAPERS;
use super::tokens::{LOWER, Tok};

/// What a rule makes of the tokens after a quotation.
#[derive(Clone, Copy, Debug)]
enum Step {
    /// The quotation's attribution.
    Take(Hit),
    /// No attribution after the quotation.
    Stop,
    /// Nothing to say: the next rule is asked.
    Pass,
}

/// A rule of the scan.
type Rule = fn(&After<'_>) -> Step;

/// The rules asked after a quotation, in order, until one takes or stops.
const AFTER: &[Rule] = &[
    speaker_after_dash,
    sentence_ends,
    inverted_cue_after_quote,
    shared_with_next_quote,
    quoted_as_saying_after_quote,
    cue_after_quote,
];

/// The tokens after the quotation token `i`, in its sentence `s0..s1`,
/// from `j` (past a comma).
struct After<'c> {
    cx: &'c Ctx<'c, 'c>,
    i: usize,
    s0: usize,
    s1: usize,
    j: usize,
    /// Whether the quotation closes its sentence (`"... waiting."`).
    closes: bool,
    /// How many quotations on from the one asked for.
    hops: usize,
    /// The mention at `j` and where its cue may stand, once asked.
    clause: OnceCell<Option<(Np, usize)>>,
}

impl After<'_> {
    /// After a quotation that closes its sentence ("... waiting." Smith
    /// said: "..."), a clause at `k` that introduces another quotation
    /// belongs to that one.
    fn introduces_next(&self, k: usize) -> bool {
        let cx = self.cx;
        self.closes
            && (k + 1..self.s1.min(cx.toks.len()))
                .any(|c| matches!(cx.toks[c], Tok::Quote(_)) || cx.punct(c) == Some(':'))
    }

    /// The mention opening the clause at `j`, and the token where its cue
    /// would stand: [`clause`].
    fn clause(&self) -> Option<(Np, usize)> {
        *self.clause.get_or_init(|| clause(self.cx, self.j, self.s1))
    }
}

/// After the quotation token `i`: `Q, he said.` `Q, said Smith.`
/// `Q, Smith, a spokesman, said.` `Q, the head of state said.` `Q - Smith`
pub(super) fn after_of(cx: &Ctx<'_, '_>, i: usize, closes_sentence: bool) -> Option<Hit> {
    after_at(cx, i, closes_sentence, 0)
}

/// [`after_of`], `hops` quotations on from the one it was asked for.
fn after_at(cx: &Ctx<'_, '_>, i: usize, closes: bool, hops: usize) -> Option<Hit> {
    let (s0, s1) = sentence(cx, i);
    let j = if cx.punct(i + 1) == Some(',') { i + 2 } else { i + 1 };
    let at = After { cx, i, s0, s1, j, closes, hops, clause: OnceCell::new() };
    for rule in AFTER {
        match rule(&at) {
            Step::Take(hit) => return Some(hit),
            Step::Stop => return None,
            Step::Pass => {}
        }
    }
    None
}

/// `Q - Smith`: a mention after a dash, no pronoun.
fn speaker_after_dash(at: &After<'_>) -> Step {
    let cx = at.cx;
    // Any dash: "—", "–", the horizontal bar "―", "--" in plain copy.
    let dash = |k: usize| matches!(cx.punct(k), Some('-' | '—' | '–' | '―' | '_'));
    if dash(at.j) {
        // After "--", which also opens an aside ("-- a Chinese pun"), a
        // name only.
        let double = dash(at.j + 1);
        let j = if double { at.j + 1 } else { at.j };
        if let Some(np) = cx
            .np_forward(j + 1)
            .filter(|np| !double || np.kind == MentionKind::Name)
            .filter(|np| np.kind != MentionKind::Pronoun)
        {
            return Step::Take(Hit::new(R::SpeakerAfterDash, None, Some(np)));
        }
    }
    Step::Pass
}

/// `Q.` The sentence ends with the quotation: nothing after it attributes it.
/// So does a quotation that closes its sentence, a capital after it, when
/// the next sentence reports speech of its own (`"Q." Dr Ann Lewis said
/// she had found ...`), not the quotation's (`"Q?" Gonzalez said during a
/// news conference`).
fn sentence_ends(at: &After<'_>) -> Step {
    let cx = at.cx;
    if at.j >= at.s1 {
        return Step::Stop;
    }
    if at.closes && cx.is_sentence_end(at.i) && at.clause().is_some_and(|(_, k)| cx.cue_at(k) && reports(cx, k)) {
        return Step::Stop;
    }
    Step::Pass
}

/// Whether the cue `k` reports speech of its own: "said that ...", "said
/// she had ...".
pub(super) fn reports(cx: &Ctx<'_, '_>, k: usize) -> bool {
    // "Sam Nunn said the odds are ...": after its subject, "said" and an
    // article open reported speech (not "said the minister", inverted).
    let clause = || {
        k > 0
            && cx.punct(k - 1).is_none()
            && cx.is(k, &["said", "says"])
            && cx.is(k + 1, &["the", "a", "an", "his", "her", "its", "their", "this"])
    };
    cx.has(k + 1, LOWER) && (cx.is(k + 1, &["that", "he", "she", "it", "they", "we", "there"]) || clause())
}

/// `Q, said Smith`, `Q, according to Smith`: a cue, then its speaker. Not
/// a clause that introduces the next quotation (`"..." Said Smith: "..."`).
fn inverted_cue_after_quote(at: &After<'_>) -> Step {
    let (cx, j) = (at.cx, at.j);
    // "Q," adding Davis' work ...: a participle tells more of the one
    // speaking before, it names no one after it.
    let participle = || cx.word(j).is_some_and(|w| w.ends_with("ing") && !w.eq_ignore_ascii_case("according"));
    if cx.cue_at(j) && !at.introduces_next(j) && !participle() {
        if let Some(np) = cx.object_of(j) {
            let according = cx.is(j, &["according"]);
            let rule = if according { R::AccordingToAfterQuote } else { R::InvertedCueAfterQuote };
            return Step::Take(Hit::new(rule, Some(j), Some(np)));
        }
    }
    Step::Pass
}

/// `Q, much less R, Smith said`: no mention after the quotation, but a few
/// plain words on, another quotation, whose attribution it shares ("the
/// minimum rules," much less "the national standards," Himiob told CNN).
/// Not when a cue before the first one attributes it ("told CNN it is
/// "aware" and is "working ...," a spokesperson said"); four hops at most.
fn shared_with_next_quote(at: &After<'_>) -> Step {
    if at.clause().is_some() {
        return Step::Pass;
    }
    let After { cx, i, s0, s1, j, .. } = *at;
    let Some(next) = (j..(j + 6).min(s1)).find(|&c| matches!(cx.toks[c], Tok::Quote(_))) else { return Step::Stop };
    let plain = next > j && (j..next).all(|c| cx.is_word(c) && !cx.cue_at(c));
    let plain = plain && !(s0..i).any(|c| cx.cue_at(c));
    let hit = (plain && !at.closes && at.hops < 4)
        .then(|| after_at(cx, next, at.closes, at.hops + 1))
        .flatten()
        .map(|h| Hit { rule: R::SharedWithNextQuote, ..h });
    hit.map_or(Step::Stop, Step::Take)
}

/// `Q, the magazine quoted director Ana Ruiz as saying`, `Q, the paper
/// quoted him as saying`: the one quoted speaks, and the verb after "as"
/// is the cue. With an appositive: "quoted
/// Director of PT Telcom, Garuda Sugardo, as saying" is the person named in
/// it; "quoted Ho Chi Minh, the founder of ..., as saying" the one before it.
fn quoted_as_saying_after_quote(at: &After<'_>) -> Step {
    let (cx, s1) = (at.cx, at.s1);
    let Some((_, k)) = at.clause() else { return Step::Pass };
    if !cx.is(k, &["quoted"]) {
        return Step::Pass;
    }
    // "quoted him as saying": the one quoted before.
    let quoted = cx.np_forward(k + 1).filter(|n| n.kind != MentionKind::Pronoun || cx.has(n.start, class::OBJECT));
    let Some(mut quoted) = quoted else { return Step::Pass };
    let mut end = quoted.end;
    if cx.punct(end) == Some(',') {
        let close = (end + 1..(end + 24).min(s1)).find(|&c| cx.punct(c) == Some(','));
        if let Some(close) = close {
            let inner = cx.np_forward(end + 1).filter(|n| n.end == close && cx.is_person(*n));
            let titled = (quoted.start..quoted.end).any(|c| cx.has(c, class::OF));
            if let Some(inner) = inner.filter(|_| titled || !cx.is_person(quoted)) {
                quoted = inner.via(M::Appositive);
            }
            end = close + 1;
        }
    }
    if cx.is(end, &["as"]) && cx.cue_at(end + 1) {
        return Step::Take(Hit::new(R::QuotedAsSayingAfterQuote, Some(end + 1), Some(quoted)));
    }
    Step::Pass
}

/// `Q, Smith said`, `Q, Smith, a spokesman, said`, `Q, the head of state
/// said`, `Q, Ann Smith's filing stated`: a mention, then its cue. Not a
/// clause that introduces the next quotation.
fn cue_after_quote(at: &After<'_>) -> Step {
    match at.clause() {
        Some((np, k)) if at.cx.cue_at(k) && !at.introduces_next(k) => {
            Step::Take(Hit::new(R::CueAfterQuote, Some(k), Some(np)))
        }
        _ => Step::Stop,
    }
}

/// The mention opening the clause at `j` (in a sentence ending at `s1`) and
/// the token where its cue would stand: past an appositive ("Smith, a
/// spokesman for the agency, said"), a phrase of "of" ("the head of state
/// said") and adverbs. What a name owns speaks ("Ann Smith's filing
/// stated"); a person named in an appositive speaks for the description
/// before it ("the group's chairman, Arthur Bell, said").
fn clause(cx: &Ctx<'_, '_>, j: usize, s1: usize) -> Option<(Np, usize)> {
    let mut np = cx.np_forward(j)?;
    if let Some(owned) = cx.owned(np).filter(|o| cx.cue_at(o.end)) {
        np = owned;
    }
    let mut k = np.end;
    if cx.punct(k) == Some(',') {
        (np, k) = appositive(cx, np, s1);
    } else if cx.is(k, &["of", "for", "at", "from", "in"]) {
        // "the head of state said", "a spokesman for the agency said"
        let lim = (k + 8).min(s1);
        let mut c = k + 1;
        // ("Anna Berg from the Association, told": a stray comma before the
        // cue.)
        while c < lim && (cx.is_word(c) || cx.punct(c) == Some(',') && cx.cue_at(c + 1)) && !cx.cue_at(c) {
            c += 1;
        }
        if c < lim && cx.cue_at(c) {
            // "a statement from his office said": the paper's issuer speaks.
            let paper = cx.word(np.end - 1).is_some_and(|w| PAPERS.iter().any(|p| p.eq_ignore_ascii_case(w)));
            if paper && cx.is(k, &["from", "by"]) {
                if let Some(issuer) = cx.np_forward(k + 1).filter(|n| n.kind != MentionKind::Pronoun && n.end <= c) {
                    np = issuer.via(M::Issuer);
                }
            }
            // "Department of Homeland Security Secretary Anna Berg wrote":
            // a body's name, then a person with a title, who speaks.
            if np.kind != MentionKind::Description && cx.cap(np.start) && cx.is(k, &["of"]) {
                let person = cx.np_backward(c, k + 1).filter(|n| n.start > k && cx.is_person(*n));
                if let Some(p) = person.filter(|p| (p.start..p.end).any(|t| cx.has(t, class::TITLE))) {
                    np = p;
                }
            }
            k = c;
        }
    }
    while cx.has(k, class::ADVERB) {
        k += 1;
    }
    Some((np, k))
}

/// The mention `np`, a comma after it, past its appositive: the person named
/// in it if `np` is none, and the token after it where the cue would stand
/// ("Liu Wenbo, 46, who was fined in 2003, told AFP": more chunks between
/// commas, then the cue).
fn appositive(cx: &Ctx<'_, '_>, mut np: Np, s1: usize) -> (Np, usize) {
    let mut k = np.end;
    let lim = (k + 24).min(s1);
    let mut c = k + 1;
    while c < lim && cx.punct(c) != Some(',') {
        c += 1;
    }
    if c < lim {
        if np.kind != MentionKind::Name {
            // "a respected think-tank, the Nordic Sea Group, said": a body
            // named in apposition to a description is the speaker too.
            let named =
                |n: &Np| cx.is_person(*n) || np.kind == MentionKind::Description && n.kind == MentionKind::Organisation;
            if let Some(inner) = cx.np_forward(k + 1).filter(|n| n.end == c && named(n)) {
                np = inner.via(M::Appositive);
            }
        }
        k = c + 1;
        let mut m = k;
        while !cx.cue_at(m) && m < (np.end + 40).min(s1) && !matches!(cx.toks[m], Tok::Quote(_)) {
            m += 1;
        }
        if m > k && cx.cue_at(m) && cx.punct(m - 1) == Some(',') {
            k = m;
        }
    } else if cx.has(k + 1, class::DET) {
        // "Kari Lie, a former colleague of Davis' told NRK": an appositive
        // the writer did not close, the cue right after it.
        let word = |m: usize| cx.is_word(m) || matches!(cx.punct(m), Some('\'' | '’'));
        let m = (k + 2..(k + 10).min(s1)).find(|&m| !word(m) || cx.cue_at(m));
        if let Some(m) = m.filter(|&m| cx.cue_at(m)) {
            k = m;
        }
    }
    (np, k)
}
