//! Clauses: the subject of a cue ("Smith, a spokesman, said"), its object
//! when inverted ("said Smith", "according to Smith"), and the person a
//! clause or a sentence opens with.

use crate::MentionRule as M;
use crate::article::MentionKind;
use crate::lexicon::class;

use super::context::{Ctx, Np, REACH, sentence};
use super::lists::{PAPERS, QUANTITIES, Words, inverts, is_person_noun};
use super::text::owner;
use super::tokens::{CAP, LOWER, Tok};

impl Ctx<'_, '_> {
    /// The subject of the cue at `k`: "Smith said", "Smith, a spokesman, said",
    /// "he also said".
    pub(super) fn subject_of(&self, k: usize, floor: usize) -> Option<Np> {
        let j = self.subject_end(k, floor);
        // "the Reserve Bank of India (RBI) said": the acronym, which
        // stands for the name before it (not "a test by the Republic of
        // Korea (ROK) showed": a preposition governs it).
        if j > floor + 2 && self.punct(j - 1) == Some(')') {
            if let Some((s, _)) = self.acronym_name(j - 2) {
                let b = if s > floor && self.has(s - 1, class::THE) { s - 1 } else { s };
                const GOVERNING: &[&str] =
                    &["by", "of", "to", "from", "with", "in", "on", "for", "at", "about", "against"];
                if !(b > floor && self.has(b - 1, LOWER) && self.is(b - 1, GOVERNING)) {
                    return Some(Np::new(j - 2, j - 1, MentionKind::Organisation));
                }
            }
        }
        if j > floor && is_appositive_mark(self.punct(j - 1)) {
            if let Some(np) = self.appositive_subject(j, floor) {
                return Some(np);
            }
        }
        let np = self.np_backward(j, floor)?;
        if matches!(np.kind, MentionKind::Name | MentionKind::Pronoun) && self.is_person(np)
            || np.kind == MentionKind::Pronoun
        {
            return Some(np);
        }
        if let Some(subject) = self.subject_over_preposition(np, floor) {
            return Some(subject);
        }
        if let Some(antecedent) = self.relative_antecedent(np, floor) {
            return Some(antecedent);
        }
        // "KCNA in a commentary asserts": the one who wrote in it.
        if np.kind == MentionKind::Description
            && np.start > floor + 1
            && self.is(np.start - 1, &["in"])
            && self.word(np.end - 1).is_some_and(|h| !is_person_noun(h))
        {
            let by = self
                .np_backward(np.start - 1, floor)
                .filter(|b| b.end == np.start - 1 && matches!(b.kind, MentionKind::Name | MentionKind::Organisation));
            if let Some(by) = by {
                return Some(by.via(M::Issuer));
            }
        }
        // "..., a report said": a document speaks for itself, whoever was
        // named before the comma.
        if np.kind == MentionKind::Description && self.word(np.end - 1).is_some_and(|h| !is_person_noun(h)) {
            return Some(np.via(M::Document));
        }
        if let Some(head) = self.clause_head(np, floor) {
            return Some(head);
        }
        // "a string of former guerrillas called": people in number speak.
        if self.is_one_of(np.start, &QUANTITIES)
            || self.has(np.start, class::DET) && self.is_one_of(np.start + 1, &QUANTITIES)
        {
            return Some(np.via(M::Quantity));
        }
        Some(self.named_before(np, floor).unwrap_or(np))
    }

    /// Where the subject of the cue at `k` ends: before the cue, stepping
    /// back over adverbs ("also said"), a verb and "and" ("cheered and
    /// shouted"), "there" and "here" ("officials there said") and time
    /// words ("on Tuesday said", "last week said").
    #[inline]
    fn subject_end(&self, k: usize, floor: usize) -> usize {
        let mut j = k;
        loop {
            if j > floor && (self.has(j - 1, class::ADVERB) || self.adverb_ly(j - 1)) {
                j -= 1;
            } else if j > floor + 1
                && self.has(j - 1, class::AND)
                && self.has(j - 2, LOWER)
                && self.word(j - 2).is_some_and(|w| w.ends_with("ed"))
            {
                // "special forces cheered and shouted": a verb before.
                j -= 2;
            } else if j > floor + 1 && self.has(j - 1, LOWER) && self.is(j - 1, &["there", "here"]) {
                // "officials there said", "residents here told": where
                // they are, between the subject and its cue.
                j -= 1;
            } else if j > floor && self.has(j - 1, class::TIME) && !self.month_surname(j - 1) {
                // "Smith on Tuesday said", "officials last week said"
                j -= 1;
                while j > floor && self.is(j - 1, &["on", "last", "late", "early", "this", "next"]) {
                    j -= 1;
                }
            } else {
                break;
            }
        }
        j
    }

    /// The subject when an appositive ends just before the cue (`j - 1` is
    /// its comma or dash): "Haldane, a senior party member, told"; "The new
    /// Mayor, Irina Volkova, has said". `None` when neither the appositive
    /// nor what comes before it gives one.
    fn appositive_subject(&self, j: usize, floor: usize) -> Option<Np> {
        // The name must open the appositive, an occupation at most before
        // it ("his wife, state Sen. Angela Paxton, announced"): "Wackrow, a
        // former agent who served under President Obama, said" is Wackrow.
        let opens_appositive = |np: &Np| {
            let s = np.start;
            s == floor
                || is_appositive_mark(self.punct(s - 1))
                || self.is_sentence_end(s - 1)
                || s - 1 > floor && self.occupation(s - 1) && is_appositive_mark(self.punct(s - 2))
        };
        // ("the founder of Pro-Life Virginia" is a role: the name before
        // it is the person's; so is "president of Norvik Energy", a title in
        // lower case, then "of".)
        let role = |np: &Np| {
            (self.has(np.start, class::THE) || self.lower_in(np.start, class::TITLE))
                && (np.start..np.end).any(|c| self.has(c, class::OF))
        };
        if let Some(inner) =
            self.np_backward(j - 1, floor).filter(|np| self.is_person(*np) && opens_appositive(np) && !role(np))
        {
            return Some(inner.via(M::Appositive));
        }
        let mut c = j - 1;
        let lim = c.saturating_sub(20).max(floor);
        while c > lim {
            c -= 1;
            if is_appositive_mark(self.punct(c)) {
                if let Some(np) = self.np_backward(c, floor) {
                    if np.kind != MentionKind::Pronoun {
                        return self.clause_head(np, floor).or(Some(np.via(M::BeforeAppositive)));
                    }
                }
                break;
            }
            if self.is_sentence_end(c) || matches!(self.toks[c], Tok::Quote(_)) {
                break;
            }
        }
        None
    }

    /// "Campaigners pushing to keep Britain in the single market said": a
    /// description governed by a preposition is no subject; the sentence's
    /// (a name, or a short description) is. So is a group ("X posted a
    /// statement on social media denying Q"), but after "of" ("one of the
    /// witnesses said") or "with" ("rife with people claiming Q").
    fn subject_over_preposition(&self, np: Np, floor: usize) -> Option<Np> {
        const PREPOSITIONS: Words = Words::new(&[
            "in", "of", "on", "at", "to", "from", "with", "for", "by", "about", "into", "over", "under", "against",
            "among", "near", "across", "behind",
        ]);
        if !(np.start > floor && self.is_one_of(np.start - 1, &PREPOSITIONS)) {
            return None;
        }
        let by = np.start - 1;
        let governed = match np.kind {
            MentionKind::Description => true,
            MentionKind::Group => !self.has(by, class::OF) && !self.is(by, &["with"]),
            _ => false,
        };
        if !governed {
            return None;
        }
        let (s0, _) = sentence(self, np.start);
        let s0 = s0.max(floor);
        // (A short description only: a long one has run into a verb.)
        let subject = self.np_forward(s0).filter(|s| {
            s.end < np.start
                && s.kind != MentionKind::Pronoun
                && (s.kind != MentionKind::Description || s.end - s.start <= 3)
        });
        let subject = subject.filter(|s| !(s.start..s.end).any(|c| self.cue_at(c)))?;
        // "a statement from his office said": the paper's issuer speaks.
        let paper = self.word(subject.end - 1).is_some_and(|w| PAPERS.iter().any(|p| p.eq_ignore_ascii_case(w)));
        if paper && subject.end + 1 == np.start && self.is(subject.end, &["from", "by"]) {
            return Some(np.via(M::Issuer));
        }
        Some(subject.via(M::SubjectOverPreposition))
    }

    /// "Brexit backers who have seen the documents told": the mention ends
    /// a relative clause; who it tells of speaks.
    fn relative_antecedent(&self, np: Np, floor: usize) -> Option<Np> {
        let who = (np.start.saturating_sub(10).max(floor)..np.start)
            .rev()
            .take_while(|&c| self.is_word(c) && !self.cue_at(c))
            .find(|&c| self.lower_in(c, class::STOP) && self.is(c, &["who"]));
        let antecedent = self.np_backward(who?, floor)?;
        (antecedent.kind != MentionKind::Pronoun).then(|| antecedent.via(M::RelativeAntecedent))
    }

    /// "Jean-Paul De Vries of the ... Institute said"; "Owain Rhys Morgan,
    /// Harbour Board transport spokesman said": a person named just before
    /// the mention, across a comma or "of", "for", "at", "from".
    fn named_before(&self, np: Np, floor: usize) -> Option<Np> {
        let mut c = np.start;
        let lim = c.saturating_sub(14).max(floor);
        while c > lim {
            c -= 1;
            if self.is_sentence_end(c) || matches!(self.toks[c], Tok::Quote(_)) {
                break;
            }
            if self.punct(c) == Some(',') || self.is(c, &["of", "for", "at", "from"]) {
                if let Some(head) = self.np_backward(c, floor).filter(|h| self.is_person(*h)) {
                    return Some(head.via(M::NamedBefore));
                }
                if self.punct(c) == Some(',') {
                    break;
                }
            }
        }
        None
    }

    /// The token after the mention `np` in the possessive: "Smith's", or
    /// "the Democrats’" (the mark a token of its own).
    fn after_possessive(&self, np: Np) -> Option<usize> {
        let last = self.word(np.end - 1)?;
        if owner(last).is_some() {
            Some(np.end)
        } else if last.ends_with('s') && matches!(self.punct(np.end), Some('\'' | '’')) {
            Some(np.end + 1)
        } else {
            None
        }
    }

    /// A name in the possessive and the lower-case words it owns: "Ann
    /// Smith's divorce filing".
    pub(super) fn owned(&self, np: Np) -> Option<Np> {
        let from = self.after_possessive(np)?;
        if np.kind == MentionKind::Pronoun {
            return None;
        }
        let end = (from..from + 3)
            .take_while(|&c| self.has(c, LOWER) && !self.has(c, class::STOP | class::CUE | class::DET))
            .last()?
            + 1;
        Some(Np::new(np.start, end, self.classify(np.start, end)).via(M::Owned))
    }

    /// Whether the word at `k` is a participle in the passive: "was
    /// observed", "were quietly told", "is described".
    pub(super) fn in_passive(&self, k: usize) -> bool {
        let participle = self
            .word(k)
            .is_some_and(|w| w.ends_with("ed") || ["told", "found", "written", "heard", "quoted"].contains(&w));
        let mut b = k;
        while b > 0 && k - b < 2 && self.adverb_ly(b - 1) {
            b -= 1;
        }
        participle && b > 0 && self.is(b - 1, &["was", "were", "is", "are", "been", "being", "be"])
    }

    /// "Anna Berg, director of sales at the Northern Ferry Union, the main
    /// operator of the route, said": the person who opens the clause of a
    /// mention `np` that is not one, named before it with a comma after.
    fn clause_head(&self, np: Np, floor: usize) -> Option<Np> {
        if self.is_person(np) {
            return None;
        }
        let mut c0 = np.start;
        while c0 > floor
            && np.start - c0 < REACH
            && !self.is_sentence_end(c0 - 1)
            && !matches!(self.toks[c0 - 1], Tok::Quote(_))
        {
            c0 -= 1;
        }
        self.np_forward(c0)
            .filter(|h| self.is_person(*h) && self.punct(h.end) == Some(',') && h.end < np.start)
            .map(|h| h.via(M::ClauseHead))
    }

    /// Whether token `k` and the next read "penned by", "written by" (a
    /// comma before them): "the paper, penned by director X".
    pub(super) fn authored_by(&self, k: usize) -> bool {
        k > 0
            && self.punct(k - 1) == Some(',')
            && self.is(k, &["penned", "written", "authored", "signed", "drafted"])
            && self.is(k + 1, &["by"])
    }

    /// The person named after a few lower-case words of description opening
    /// at token `i`: "law student Nayla Anid", "22-year-old student X".
    fn described_at(&self, i: usize) -> Option<Np> {
        let name_at = (i..(i + 5).min(self.toks.len()))
            .take_while(|&k| self.is_word(k) && !self.has(k, CAP | class::STOP | class::CUE | class::DET))
            .last()
            .map(|k| k + 1)?;
        self.np_forward(name_at).filter(|n| self.is_person(*n))
    }

    /// The mention after the cue at `k`: "said Smith", "according to Smith".
    pub(super) fn object_of(&self, k: usize) -> Option<Np> {
        if !self.word(k).is_some_and(inverts) {
            return None;
        }
        let mut i = k + 1;
        if self.word(k).is_some_and(|w| w.eq_ignore_ascii_case("according")) {
            if !self.is(i, &["to"]) {
                return None;
            }
            i += 1;
            // "according to reports", "according to court documents":
            // papers in number, unnamed, speak as described.
            const SOURCES: Words =
                Words::new(&["reports", "documents", "records", "estimates", "figures", "statistics", "surveys"]);
            let source = |at: usize| self.has(at, LOWER) && self.is_one_of(at, &SOURCES);
            let modifier = || self.has(i, LOWER) && !self.has(i, class::STOP | class::DET | class::CUE);
            let end = if source(i) { Some(i + 1) } else { (modifier() && source(i + 1)).then_some(i + 2) };
            if let Some(end) = end {
                return Some(Np::new(i, end, MentionKind::Description).via(M::Document));
            }
        }
        // "said law student Nayla Anid", "said 22-year-old student X".
        let described = |i: usize| self.described_at(i);
        // ... after an adjective of nationality ("said Chinese foreign
        // ministry spokeswoman Jiang Yu"), or after a body and its acronym
        // ("said European Union (EU) external relations commissioner X").
        let adjective = |np: Np| {
            let lone = np.kind == MentionKind::Name && np.end == np.start + 1 && self.has(np.end, LOWER);
            let acronym = np.kind != MentionKind::Pronoun && self.parenthesised_acronym(np.end + 1);
            let at = if acronym { np.end + 3 } else { np.end };
            (lone || acronym).then(|| described(at).filter(|n| n.start > at).map(|n| n.via(M::Described))).flatten()
        };
        // "said the Democrats' lawsuit, which ...": what they own speaks.
        let owned = |np: Np| {
            self.owned(np).filter(|o| {
                o.end >= self.toks.len() || self.is_sentence_end(o.end) || matches!(self.punct(o.end), Some(',' | ':'))
            })
        };
        // "said Ladbrokes' Warren Lush": the person after a body's
        // possessive.
        let their_person = |np: Np| {
            let from = self.after_possessive(np)?;
            self.np_forward(from).filter(|n| n.start == from && self.is_person(*n)).map(|n| n.via(M::Described))
        };
        let np = self
            .np_forward(i)
            .map(|np| owned(np).or_else(|| their_person(np)).or_else(|| adjective(np)).unwrap_or(np))
            .or_else(|| described(i).map(|n| n.via(M::Described)))
            .filter(|np| np.kind != MentionKind::Pronoun || !self.cap(np.start) || self.has(np.start, class::OBJECT))?;
        // "according to a joint statement by the European Commission": the
        // issuer speaks; "said the paper, penned by director X": its author.
        let paper = self.word(np.end - 1).is_some_and(|w| PAPERS.iter().any(|p| p.eq_ignore_ascii_case(w)));
        let authored = np.kind == MentionKind::Description && self.authored_by(np.end + 1);
        let by = if authored { np.end + 3 } else { np.end + 1 };
        if paper && self.is(np.end, &["by", "from", "of"]) || authored {
            if let Some(issuer) = self.np_forward(by).filter(|n| n.kind != MentionKind::Pronoun) {
                return Some(issuer.via(M::Issuer));
            }
        }
        // "said the church's rector, Reverend Robert Certain.": the name in
        // apposition to a description ("the head of the taxi service, X"),
        // ending the clause, is the speaker.
        let comma = || {
            (np.end..(np.end + 12).min(self.toks.len()))
                .take_while(|&k| self.is_word(k) || self.punct(k) == Some(','))
                .find(|&k| self.punct(k) == Some(','))
        };
        // A lone first name does when it ends the sentence after a word for
        // a person ("said his daughter, Rosa.", "..., Rosa, who ...").
        let named = |n: &Np| {
            self.is_person(*n)
                || n.kind == MentionKind::Name
                    && n.end - n.start == 1
                    && (self.is_sentence_end(n.end) || self.punct(n.end) == Some(',') && self.is(n.end + 1, &["who"]))
                    && self.word(np.end - 1).is_some_and(is_person_noun)
        };
        // (So does a lower-case title of a body: "according to secretary
        // general of Fjord Aid, Per Lund, who ...".)
        let descriptive = np.kind == MentionKind::Description
            || np.kind != MentionKind::Pronoun
                && self.has(np.start, LOWER)
                && (np.start..np.end).any(|c| self.has(c, class::OF));
        if let Some(comma) = descriptive.then(comma).flatten() {
            // ("said one resident, 37-year-old Artem.": an age before it.)
            let age = self
                .word(comma + 1)
                .is_some_and(|w| w.ends_with("-year-old") && w.starts_with(|c: char| c.is_ascii_digit()));
            let at = comma + 1 + usize::from(age);
            if let Some(name) = self.np_forward(at).filter(named) {
                let closes = name.end >= self.toks.len()
                    || self.is_sentence_end(name.end)
                    || matches!(self.punct(name.end), Some(','))
                    || matches!(self.toks[name.end], Tok::Quote(_));
                if closes {
                    return Some(name.via(M::NameInApposition));
                }
            }
        }
        Some(np)
    }
}

/// The group "they" at token `i` means: the nearest before it in its
/// sentence ("thousands of supporters took to the streets in what they
/// described as").
pub(super) fn group_subject(cx: &Ctx<'_, '_>, i: usize) -> Option<Np> {
    let (s0, _) = sentence(cx, i);
    let head = (s0..i).rev().find(|&k| cx.has(k, class::GROUP) && !cx.has(k, CAP))?;
    // (Not the object of a preposition: "burden on U.S. farmers, they said".)
    let governed =
        |np: &Np| np.start > s0 && cx.is(np.start - 1, &["to", "on", "of", "for", "with", "by", "from", "at", "in"]);
    cx.np_backward(head + 1, s0)
        .filter(|np| (np.kind == MentionKind::Group || cx.has(np.end - 1, class::GROUP)) && !governed(np))
}

/// The person opening the sentence of token `i`, before it ("Robert
/// Kennedy criticized ...", "Late last year, Health Secretary X ...").
pub(super) fn sentence_subject(cx: &Ctx<'_, '_>, i: usize) -> Option<Np> {
    let (s0, _) = sentence(cx, i);
    // A name, not "A Christian, she prayed".
    let bare_noun = |n: &Np| cx.has(n.start, class::DET) && n.end - n.start <= 2;
    let person = |at: usize| cx.np_forward(at).filter(|n| n.end < i && cx.is_person(*n) && !bare_noun(n));
    person(s0).or_else(|| {
        // After a short opening phrase with no verb of saying in it.
        let comma = (s0..(s0 + 6).min(i)).find(|&c| cx.punct(c) == Some(','))?;
        if (s0..comma).any(|c| cx.cue_at(c) || cx.has(c, class::PRONOUN)) {
            return None;
        }
        person(comma + 1)
    })
}

/// A comma or dash, which opens or closes an appositive.
#[inline]
fn is_appositive_mark(c: Option<char>) -> bool {
    matches!(c, Some(',' | '-' | '—' | '–'))
}
