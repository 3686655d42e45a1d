//! The backward scan from a quotation to the cue before it, as ordered
//! tables of named rules.
//!
//! Each token back from the quotation to its sentence's start is asked the
//! rules of [`FIND_CUE`], in order: one may take it (an attribution, the
//! scan ends), skip it (the scan goes on to the token before), or pass (the
//! next rule is asked). A token all of them pass is a cue, the first one
//! kept as the nearest; the rules of [`READ_CUE`] are then asked of it, in
//! the same way, and if none takes it the scan goes on.

use crate::AttributionRule as R;
use crate::article::MentionKind;
use crate::lexicon::{class, is_strong_cue};

use super::context::{Ctx, Np};
use super::lists::PAPERS;
use super::tokens::LOWER;

/// What a rule finds for a quotation: the rule itself, the token of its cue
/// and the mention of its speaker, either of which may be missing.
#[derive(Clone, Copy, Debug)]
pub(super) struct Hit {
    pub(super) rule: R,
    pub(super) cue: Option<usize>,
    pub(super) np: Option<Np>,
}

impl Hit {
    /// `rule` found the cue `cue` and the mention `np`.
    pub(super) const fn new(rule: R, cue: Option<usize>, np: Option<Np>) -> Self {
        Hit { rule, cue, np }
    }
}

/// What a rule makes of the token the scan stands at.
#[derive(Clone, Copy, Debug)]
enum Step {
    /// The quotation's attribution: the scan ends.
    Take(Hit),
    /// Not this token: the scan goes on to the one before it.
    SkipCue,
    /// Nothing to say: the next rule is asked.
    Pass,
}

/// A rule of the scan.
type Rule = fn(&Scan<'_>) -> Step;

/// The rules asked of each token back from the quotation, in order, until one
/// takes or skips it. A token all of them pass is a cue.
const FIND_CUE: &[Rule] = &[passive_agent, not_a_cue, passive, weak_cue_far, quoted_as_saying, reported_verb];

/// The rules asked of each cue found, in order, the nearest one kept.
const READ_CUE: &[Rule] = &[according_to, participle_after_comma, subject_or_inverted];

/// Where the scan stands: at token `k`, back from the quotation token `i`,
/// in the sentence starting at `s0`.
#[derive(Clone, Copy)]
struct Scan<'c> {
    cx: &'c Ctx<'c, 'c>,
    i: usize,
    s0: usize,
    k: usize,
    /// The nearest cue, once one is found: for the rules of [`READ_CUE`],
    /// `k` itself or a cue after it.
    cue: Option<usize>,
}

impl<'c> Scan<'c> {
    /// The word at `k`: a cue, for every rule after [`not_a_cue`].
    fn w(&self) -> &'c str {
        self.cx.word(self.k).unwrap_or("")
    }
}

/// The attribution the nearest cue before the quotation token `i` makes,
/// back to its sentence's start `s0`; else `Err` with that cue, if one was
/// found. A participle ("adding", "saying") takes the subject of the clause
/// it hangs on.
pub(super) fn cue_before(cx: &Ctx<'_, '_>, i: usize, s0: usize) -> Result<Hit, Option<usize>> {
    let mut cue = None;
    'tokens: for k in (s0..i).rev() {
        let mut at = Scan { cx, i, s0, k, cue };
        for rule in FIND_CUE {
            match rule(&at) {
                Step::Take(found) => return Ok(found),
                Step::SkipCue => continue 'tokens,
                Step::Pass => {}
            }
        }
        at.cue = Some(*cue.get_or_insert(k));
        for rule in READ_CUE {
            match rule(&at) {
                Step::Take(found) => return Ok(found),
                Step::SkipCue => continue 'tokens,
                Step::Pass => {}
            }
        }
    }
    Err(cue)
}

/// `<participle> by <agent> ... as Q`: the passive's agent speaks, its
/// participle the cue ("identified by China as its "top terrorist"",
/// "described by aides as Q"); within a dozen tokens of the quotation, no cue
/// found yet.
///
/// Not inside reported speech ("He warned that they were viewed by their
/// countrymen as Q"), unless set off by a comma ("Pakistan said it killed X,
/// identified by China as Q").
fn passive_agent(at: &Scan<'_>) -> Step {
    let Scan { cx, i, s0, k, cue } = *at;
    let reported = || (s0..k - 1).rev().take_while(|&c| cx.punct(c) != Some(',')).any(|c| cx.cue_at(c));
    // ("by" is a stop word: the class rules out most words first.)
    if cx.has(k, class::STOP) && cx.word(k) == Some("by") && k > s0 && i - k < 12 && cue.is_none() && !reported() {
        let participle = cx.word(k - 1).is_some_and(|p| p.ends_with("ed") && cx.has(k - 1, LOWER));
        let agent = cx
            .np_forward(k + 1)
            .filter(|np| np.kind != MentionKind::Pronoun && np.end < i && (np.end..i).any(|c| cx.is(c, &["as"])));
        if let (true, Some(np)) = (participle, agent) {
            return Step::Take(Hit::new(R::PassiveAgent, Some(k - 1), Some(np)));
        }
    }
    Step::Pass
}

/// A token that is no cue (a word of the lexicon's reporting class, in lower
/// case or a strong cue) is not the quotation's: the scan goes on. Nor is
/// a cue before "to be" or "to have" ("found to be Q").
fn not_a_cue(at: &Scan<'_>) -> Step {
    let Scan { cx, k, .. } = *at;
    // "any firm found to be Q", "a man said to be Q": what is said of
    // someone, by no one named.
    let of_someone = || cx.is(k + 1, &["to"]) && cx.is(k + 2, &["be", "have"]) && cx.has(k, LOWER);
    if !cx.cue_at(k) || cx.word(k).is_none() || of_someone() { Step::SkipCue } else { Step::Pass }
}

/// `<be> <participle> Q`: a cue in the passive tells what was said of its
/// subject, not by it ("A van was observed driving "suspiciously""): the scan
/// goes on. Its agent after a nearby quotation speaks: `<be> <participle> Q
/// by <agent>` ("was called "a pirate" by the judge").
fn passive(at: &Scan<'_>) -> Step {
    let Scan { cx, i, k, .. } = *at;
    if !cx.in_passive(k) {
        return Step::Pass;
    }
    if i - k <= 4 && cx.is(i + 1, &["by"]) {
        if let Some(np) = cx.np_forward(i + 2).filter(|np| np.kind != MentionKind::Pronoun) {
            return Step::Take(Hit::new(R::PassiveAgentAfterQuote, Some(k), Some(np)));
        }
    }
    Step::SkipCue
}

/// A weak cue ("called", "argue") governs only a nearby quotation, or the
/// participle found first. More than six tokens before the quotation, no
/// cue found yet, it governs it only as the verb of the sentence's subject
/// ("The indictment alleges Gray ignored "sufficient warning"") or of an
/// infinitive running up to it ("pledged to take ties to a "new level"");
/// else the scan goes on. Not "No wonder, ...": a verb is not followed by a
/// comma.
fn weak_cue_far(at: &Scan<'_>) -> Step {
    let Scan { cx, i, s0, k, cue } = *at;
    if is_strong_cue(at.w()) || i - k <= 6 || cue.is_some() {
        return Step::Pass;
    }
    // (The subject opens the sentence, or follows a short opening phrase:
    // "Last year, Kennedy described them as Q"; a colon before the
    // quotation is read by its own rule.)
    // A person named with a long title may follow a longer opening phrase
    // ("Speaking to reporters on Monday, Chairman of the Joint Chiefs of
    // Staff Gen. X called the dead Q").
    // (The title's words before the name in capitals: "Chairman of the
    // Joint Chiefs of".)
    let titled_from = |np: Np| {
        let mut at = np.start;
        while at > s0 && (cx.cap(at - 1) || cx.is(at - 1, &["of", "the", "and"])) && cx.word(at - 1).is_some() {
            at -= 1;
        }
        at
    };
    let opens = |np: Np, person: bool| {
        let start =
            Some(titled_from(np)).filter(|&t| person && t > s0 && cx.punct(t - 1) == Some(',')).unwrap_or(np.start);
        start == s0
            || cx.punct(i - 1) != Some(':')
                && start > s0 + 1
                && start - s0 <= if person { 8 } else { 4 }
                && cx.punct(start - 1) == Some(',')
                && (s0..start - 1).all(|c| cx.word(c).is_some())
    };
    let main = cx.punct(k + 1) != Some(',')
        && cx.subject_of(k, s0).is_some_and(|np| {
            let person = cx.is_person(np);
            let near = k - s0 <= 12 && k.saturating_sub(np.start) <= 8;
            (near || person && k - s0 <= 24) && opens(np, person) && np.end + 2 >= k
        });
    let infinitive = i - k <= 14
        && cx.is(k + 1, &["to"])
        && (k + 2..i).all(|c| cx.word(c).is_some() && !cx.cue_at(c) && !cx.is(c, &["that", "which", "who"]));
    if main || infinitive { Step::Pass } else { Step::SkipCue }
}

/// `quoted <mention> as saying Q`: the one quoted speaks, not the paper
/// ("Outlook quoted Alishal Paktiawal as saying Q"). Not in the passive ("he
/// was quoted by ... as saying Q").
fn quoted_as_saying(at: &Scan<'_>) -> Step {
    let Scan { cx, s0, k, .. } = *at;
    // ("quoted the ministry's spokeswoman as dismissing the claim as Q".)
    let w = at.w();
    let verb = w == "saying" || w.len() > 5 && w.ends_with("ing") && cx.has(k, LOWER);
    if verb && k > s0 && cx.is(k - 1, &["as"]) {
        let quoted = (k.saturating_sub(24).max(s0)..k).rev().find(|&c| cx.is(c, &["quoted"]));
        let passive = |q: usize| q > s0 && cx.is(q - 1, &["was", "were", "is", "are", "been", "being"]);
        if let Some(q) = quoted.filter(|&q| !passive(q)) {
            if let Some(np) = cx.np_forward(q + 1).filter(|np| np.kind != MentionKind::Pronoun && np.end < k) {
                return Step::Take(Hit::new(R::QuotedAsSaying, Some(k), Some(np)));
            }
        }
    }
    Step::Pass
}

/// `<strong cue> (that) <subject> <weak cue> ... Q`: the verb of a reported
/// clause is not the cue, the one reporting it is ("said he hoped Trump would
/// find an "off-ramp"", "adding that the IMF continued "to ...""); the scan
/// goes on. Past whoever was told too ("told reporters the report disclosed
/// "..."). No cue found yet; not a strong cue ("said he said").
fn reported_verb(at: &Scan<'_>) -> Step {
    let Scan { cx, s0, k, cue, .. } = *at;
    if cue.is_some() || is_strong_cue(at.w()) {
        return Step::Pass;
    }
    if let Some(np) = cx.subject_of(k, s0) {
        let mut c = np.start;
        if c > s0 && cx.is(c - 1, &["that"]) {
            c -= 1;
        }
        if c > s0 + 1
            && (cx.has(c - 1, class::GROUP) || cx.lower_in(c - 1, class::OBJECT))
            && cx.is(c - 2, &["told", "tells", "tell", "telling"])
        {
            c -= 1;
        }
        if c > s0 && cx.cue_at(c - 1) && cx.word(c - 1).is_some_and(is_strong_cue) {
            return Step::SkipCue;
        }
    }
    Step::Pass
}

/// `according to <mention>, Q`: the mention speaks ("According to Smith,
/// Q"). "according" with no mention after it ("according to plan") is not
/// the quotation's cue: the scan goes on.
fn according_to(at: &Scan<'_>) -> Step {
    if !at.w().eq_ignore_ascii_case("according") {
        return Step::Pass;
    }
    match at.cx.object_of(at.k) {
        Some(np) => Step::Take(Hit::new(R::AccordingTo, at.cue, Some(np))),
        None => Step::SkipCue,
    }
}

/// `..., <participle> Q`: a participle after a comma ("..., warning against
/// Q") hangs on the clause before it: the scan goes on, then the sentence's
/// subject speaks. Not without the comma: "Her family released a statement
/// saying Q" is the statement's cue.
fn participle_after_comma(at: &Scan<'_>) -> Step {
    let Scan { cx, s0, k, .. } = *at;
    if at.w().ends_with("ing") && k > s0 && cx.punct(k - 1) == Some(',') { Step::SkipCue } else { Step::Pass }
}

/// `<subject> <cue> ... Q`, or inverted, running up to the quotation: `<cue>
/// <mention>: Q` ("said Smith: Q", "said the ministry, Q"). "X said the
/// farmers "need help"": the farmers are who the quotation tells of, unless
/// named ("said Smith "...""). A paper's issuer speaks for it ("Her family
/// released a statement saying Q").
fn subject_or_inverted(at: &Scan<'_>) -> Step {
    let Scan { cx, i, s0, k, cue } = *at;
    let w = at.w();
    let inverted =
        |np: &Np| np.end <= i && (np.end == i && cx.is_person(*np) || matches!(cx.punct(np.end), Some(':' | ',')));
    let found = match cx.subject_of(k, s0) {
        Some(np) => Some((R::CueBeforeQuote, np)),
        None => cx.object_of(k).filter(inverted).map(|np| (R::InvertedCueBeforeQuote, np)),
    };
    let Some((rule, np)) = found else { return Step::Pass };
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
    match paper.then(issuer).flatten() {
        Some(issuer) => Step::Take(Hit::new(R::PaperIssuer, cue, Some(issuer.via(crate::MentionRule::Issuer)))),
        None => Step::Take(Hit::new(rule, cue, Some(np))),
    }
}

#[cfg(test)]
mod tests {
    use super::super::context::sentence;
    use super::super::tokens::{Tok, tokenize};
    use super::*;
    use crate::Span;

    /// What `rule` makes of the last `word` before the quotation in `src`
    /// (between “ and ”), `cue` telling whether a cue was found (the word
    /// itself, for the rules of [`READ_CUE`]): the speaker's mention if it
    /// takes it, else "SkipCue" or "Pass".
    fn step(src: &str, word: &str, rule: Rule, cue: bool) -> String {
        let (qs, qe) = (src.find('“').unwrap(), src.find('”').unwrap() + '”'.len_utf8());
        let t = tokenize(src, Span::new(0, src.len()), &[(qs, qe, 0)]);
        let cx = Ctx::new(src, &t.toks, &t.flags, &[false], true);
        let i = t.toks.iter().position(|t| *t == Tok::Quote(0)).unwrap();
        let k = (0..i).rev().find(|&k| cx.word(k) == Some(word)).unwrap();
        let s0 = sentence(&cx, i).0;
        match rule(&Scan { cx: &cx, i, s0, k, cue: cue.then_some(k) }) {
            Step::Take(Hit { np: Some(np), .. }) => cx.text(np).to_string(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn rule_passive_agent() {
        let s = "Pakistan said it killed Ali, identified by China as its “top terrorist”.";
        assert_eq!(step(s, "by", passive_agent, false), "China");
        let s = "He warned that they were viewed by their countrymen as “traitors”.";
        assert_eq!(step(s, "by", passive_agent, false), "Pass");
    }

    #[test]
    fn rule_not_a_cue() {
        let s = "Smith went home and wrote “nothing”.";
        assert_eq!(step(s, "home", not_a_cue, false), "SkipCue");
        assert_eq!(step(s, "wrote", not_a_cue, false), "Pass");
    }

    #[test]
    fn rule_passive() {
        let s = "He was called “a pirate” by the judge.";
        assert_eq!(step(s, "called", passive, false), "the judge");
        let s = "A van was observed driving “suspiciously”.";
        assert_eq!(step(s, "observed", passive, false), "SkipCue");
        let s = "Smith observed “a van”.";
        assert_eq!(step(s, "observed", passive, false), "Pass");
    }

    #[test]
    fn rule_weak_cue_far() {
        let s = "The report, which the minister called a plan for the region, was a “disaster”.";
        assert_eq!(step(s, "called", weak_cue_far, false), "SkipCue");
        let s = "Leaders pledged to take ties between the two nations to a “new level”.";
        assert_eq!(step(s, "pledged", weak_cue_far, false), "Pass");
        let s = "The indictment alleges Gray ignored the many signs and “sufficient warning”.";
        assert_eq!(step(s, "alleges", weak_cue_far, false), "Pass");
    }

    #[test]
    fn rule_quoted_as_saying() {
        let s = "Outlook quoted Alishal Paktiawal as saying “we will win”.";
        assert_eq!(step(s, "saying", quoted_as_saying, false), "Alishal Paktiawal");
        let s = "He was quoted by Outlook as saying “we will win”.";
        assert_eq!(step(s, "saying", quoted_as_saying, false), "Pass");
    }

    #[test]
    fn rule_reported_verb() {
        let s = "Smith said he hoped Trump would find an “off-ramp”.";
        assert_eq!(step(s, "hoped", reported_verb, false), "SkipCue");
        assert_eq!(step(s, "said", reported_verb, false), "Pass");
    }

    #[test]
    fn rule_according_to() {
        let s = "According to Smith, “it is over”.";
        assert_eq!(step(s, "According", according_to, true), "Smith");
    }

    #[test]
    fn rule_participle_after_comma() {
        let s = "In Tromso, the council met, warning against “haste”.";
        assert_eq!(step(s, "warning", participle_after_comma, true), "SkipCue");
        let s = "Her family released a statement saying “thank you”.";
        assert_eq!(step(s, "saying", participle_after_comma, true), "Pass");
    }

    #[test]
    fn rule_subject_or_inverted() {
        let s = "Ann Smith said “it is over”.";
        assert_eq!(step(s, "said", subject_or_inverted, true), "Ann Smith");
        let s = "Her family released a statement saying “thank you”.";
        assert_eq!(step(s, "saying", subject_or_inverted, true), "Her family");
        let s = "Yesterday said “it”.";
        assert_eq!(step(s, "said", subject_or_inverted, true), "Pass");
    }
}
