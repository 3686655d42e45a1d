//! The walk over an article's regions in document order: each quotation
//! attributed by the rules around it or carried over from the one before,
//! indirect speech moving the focus, and the memory told the rest.

use crate::article::{MentionKind, Speaker, Text};
use crate::lexicon::class;
use crate::{Attribution, AttributionRule as R, Confidence, Quotation, Span};

use super::backward::Hit;
use super::clause::{group_subject, sentence_subject};
use super::context::{Ctx, Np, next_to_quote, sentence};
use super::forward::after_of;
use super::lists::{PAPERS, is_person_noun};
use super::memory::{Focus, Memory, named_at};
use super::notice::{mem_notice, notice_until};
use super::resolve::proper_body;
use super::rules::before_of;
use super::text::{lower, outside, surname, words};
use super::tokens::{CAP, LOWER, Tok};

/// What the grammar found for a quotation: the rule, the cue and the
/// mention, as token indices of one region.
#[derive(Clone, Copy, Debug)]
struct Found {
    region: usize,
    rule: R,
    cue: Option<usize>,
    np: Option<Np>,
}

impl Found {
    /// What `hit` found in region `region`.
    fn new(region: usize, hit: Hit) -> Self {
        Found { region, rule: hit.rule, cue: hit.cue, np: hit.np }
    }
}

/// What a quotation is given: its cue, its speaker, why, and where the
/// speaker was named (for a later mention of them).
type Given<'a> = (Option<Text<'a>>, Option<Speaker<'a>>, Option<Attribution>, Option<Span>);

/// An article's regions up to its last quotation, as tokens, with what the
/// walk reads of them and of the quotations.
pub(super) struct Regions<'s, 'a> {
    pub(super) src: &'a str,
    pub(super) toks: Vec<&'s [Tok]>,
    pub(super) flags: Vec<&'s [u32]>,
    /// Per region: whether it is written as sentences.
    pub(super) prose: Vec<bool>,
    /// Per region: whether a quotation stands in it.
    pub(super) quoted: Vec<bool>,
    /// Per quotation: whether its text ends a sentence (`"... waiting."`).
    pub(super) closes: Vec<bool>,
    /// Per quotation: the last region it stands in.
    pub(super) last_region: Vec<usize>,
}

impl<'a> Regions<'_, 'a> {
    /// Region `r` as the grammar reads it.
    fn cx(&self, r: usize) -> Ctx<'_, 'a> {
        Ctx::new(self.src, self.toks[r], self.flags[r], &self.closes, self.quoted[r])
    }
}

/// How many of a region's last cues [`Walk`] keeps for
/// [`Walk::spent_before`].
const CUES_KEPT: usize = 8;

/// What the walk carries from one quotation to the next.
pub(super) struct Walk<'a> {
    pub(super) mem: Memory<'a>,
    /// Per quotation: whether a part of it was met already.
    seen: Vec<bool>,
    /// Per quotation running on: the one before it in its first paragraph,
    /// which it inherits from.
    inherit: Vec<Option<usize>>,
    /// The last quotation of the region walked and what attributed it.
    prev: Option<(usize, Option<Found>)>,
    /// The last attributed quotation.
    last_attributed: Option<usize>,
    /// Whether the focus moved since the last attributed quotation.
    focus_moved: bool,
    /// The verb of the last indirect speech, while its speaker stays in focus.
    indirect_cue: Option<Span>,
    /// Whether the focus moved since that indirect speech.
    focus_moved_since_indirect: bool,
    /// The last few cues of the region walked that attributed a
    /// quotation, as token indices (at most [`CUES_KEPT`]).
    cues_used: Vec<usize>,
}

impl<'a> Walk<'a> {
    /// The walk before the first of `quotes` quotations.
    pub(super) fn new(quotes: usize) -> Self {
        Walk {
            mem: Memory::default(),
            seen: vec![false; quotes],
            inherit: vec![None; quotes],
            prev: None,
            last_attributed: None,
            focus_moved: false,
            indirect_cue: None,
            focus_moved_since_indirect: true,
            cues_used: Vec::with_capacity(CUES_KEPT),
        }
    }

    /// Walks region `r`: its quotations attributed, its indirect speech and
    /// the people it names told the memory.
    pub(super) fn region(&mut self, rs: &Regions<'_, 'a>, quotes: &mut [Quotation<'a>], r: usize) {
        let cx = rs.cx(r);
        self.prev = None;
        self.cues_used.clear();
        let mut next = 0;
        loop {
            // Up to the next quotation or cue, the tokens only tell the memory.
            let (i, moved) = notice_until(&cx, next, &mut self.mem, rs.prose[r]);
            if moved {
                self.moved();
            }
            let Some(tok) = cx.toks.get(i) else { break };
            next = i + 1;
            // Only capitals, titles, modifiers and "a" tell the memory anything.
            if cx.has(i, CAP | class::TITLE | class::MODIFIER | class::A)
                && mem_notice(&cx, i, &mut self.mem, rs.prose[r])
            {
                self.moved();
            }
            match *tok {
                Tok::Quote(qi) => self.quotation(rs, &cx, quotes, r, i, qi),
                Tok::Word(_) if cx.cue_at(i) && (!next_to_quote(&cx, i) || self.spent_before(&cx, i)) => {
                    self.indirect(&cx, i)
                }
                _ => {}
            }
        }
    }

    /// Whether the cue `i`, next to a quotation, is not that quotation's:
    /// the quotations of its sentence all stand before it, attributed by a
    /// cue before it ("What the group is calling "impenetrable" is in
    /// reality mundane, said the researcher, X": indirect speech by X).
    fn spent_before(&self, cx: &Ctx<'_, 'a>, i: usize) -> bool {
        // (Most cues next to a quotation are its own: told first.)
        if self.cues_used.contains(&i)
            || !self.cues_used.iter().any(|&c| c < i)
            || !(i > 0 && cx.punct(i - 1) == Some(',') || cx.is_sentence_end(i + 1))
        {
            return false;
        }
        let (s0, s1) = sentence(cx, i);
        let quote_at = |k: usize| matches!(cx.toks[k], Tok::Quote(_));
        let after = (i + 1..s1.min(cx.toks.len())).any(quote_at);
        // The cue closes the sentence on a person: ", said the researcher,
        // X." or "..., Altindal said."
        let inverted = || cx.punct(i - 1) == Some(',') && cx.object_of(i).is_some_and(|np| cx.is_person(np));
        let closing = || {
            cx.is_sentence_end(i + 1)
                && cx.np_backward(i, s0).is_some_and(|np| np.end == i && np.kind == MentionKind::Name)
        };
        !after
            && i > s0
            && (s0..i).any(quote_at)
            && self.cues_used.iter().any(|&c| (s0..i).contains(&c))
            && (inverted() || closing())
    }

    /// The person in focus changed.
    fn moved(&mut self) {
        self.focus_moved = true;
        self.focus_moved_since_indirect = true;
    }

    /// The speaker in focus, carried to a quotation with no mention of its
    /// own, and where they were named.
    fn in_focus(&self) -> (Option<Speaker<'a>>, Option<Span>) {
        let f = self.mem.any.as_ref();
        let s = f.map(|f| Speaker {
            mention: None,
            kind: MentionKind::Carried,
            name: Some(f.name.clone()),
            title: f.title.clone(),
        });
        (s, f.and_then(|f| f.at))
    }

    /// Attributes quotation `qi`, token `i` of region `r` (read through `cx`):
    /// by the rules after or before it, else as the quotation before it or
    /// the speaker in focus.
    fn quotation(
        &mut self,
        rs: &Regions<'_, 'a>,
        cx: &Ctx<'_, 'a>,
        quotes: &mut [Quotation<'a>],
        r: usize,
        i: usize,
        qi: usize,
    ) {
        let first = !self.seen[qi];
        self.seen[qi] = true;
        let last = rs.last_region[qi] == r;
        let ends = rs.closes[qi];
        // A quotation closing its sentence after a cue ("Liu said
        // the drills would foster "a joint strategy." Kamal said
        // ...") is that cue's, not the next sentence's.
        let cue_before = ends && {
            let (s0, _) = sentence(cx, i);
            (s0..i).any(|k| cx.cue_at(k))
        };
        let found = if first && last && cue_before {
            before_of(cx, i).or_else(|| after_of(cx, i, ends))
        } else if first && last {
            // "The judge noted she was "the primary caregiver",
            // according to the court order": the one who noted it.
            match after_of(cx, i, ends) {
                Some(after) if after.cue.is_some_and(|k| cx.is(k, &["according"])) => {
                    let noted = before_of(cx, i).filter(|h| {
                        h.cue.is_some_and(|c| !cx.is(c, &["according"]))
                            && h.np.is_some_and(|n| n.kind != MentionKind::Pronoun)
                    });
                    noted.map(|h| Hit { rule: R::CueBeforeOverAccordingTo, ..h }).or(Some(after))
                }
                // "He said that the EU "is trying ...," Anatolia reported":
                // the one who said it, not the medium passing it on.
                Some(after) if after.cue.is_some_and(|k| cx.is(k, &["reported", "reports"])) => {
                    let said =
                        before_of(cx, i).filter(|h| h.cue.is_some() && h.np.is_some() && h.rule == R::CueBeforeQuote);
                    said.or(Some(after))
                }
                found => found.or_else(|| before_of(cx, i)),
            }
        } else if first {
            // A quotation running on: its attribution may come before
            // it, or after its last part.
            before_of(cx, i)
        } else if last && quotes[qi].cue.is_none() && quotes[qi].speaker.is_none() {
            after_of(cx, i, ends)
        } else {
            return;
        };
        let found = found.map(|h| Found::new(r, h)).or_else(|| self.found_around(rs, cx, r, i, first, last));
        if found.is_none() && !last {
            self.inherit[qi] = self.prev.and_then(|(p, f)| f.map(|_| p));
            self.prev = Some((qi, None));
            return;
        }
        if let Some(c) = found.filter(|f| f.region == r).and_then(|f| f.cue) {
            // (The last few only: a sentence holds few quotations, and a
            // region of thousands must not make each look-up long.)
            if self.cues_used.len() == CUES_KEPT {
                self.cues_used.remove(0);
            }
            self.cues_used.push(c);
        }
        let (q_cue, q_speaker, why, named) = match found {
            Some(f) => self.found(rs, f, r, i),
            None => self.carried(cx, quotes, qi, i),
        };
        if let Some(s) = &q_speaker {
            let person = self.is_person(rs, s, found);
            self.mem.attend(s, named, person);
        }
        if q_speaker.is_some() {
            self.last_attributed = Some(qi);
            self.focus_moved = false;
            self.focus_moved_since_indirect |= found.is_some();
        }
        quotes[qi].attribution = why.filter(|_| q_cue.is_some() || q_speaker.is_some());
        quotes[qi].cue = q_cue;
        quotes[qi].speaker = q_speaker;
        self.prev = Some((qi, found.or(self.prev.and_then(|p| p.1))));
    }

    /// What the rules find for the quotation at token `i` of region `r`
    /// outside its sentence, the quotation `first` met and its `last` part.
    fn found_around(
        &self,
        rs: &Regions<'_, 'a>,
        cx: &Ctx<'_, 'a>,
        r: usize,
        i: usize,
        first: bool,
        last: bool,
    ) -> Option<Found> {
        // "Q" closing its paragraph, a line "― Anna Berg" after it: the
        // name on the dash line.
        if last && (i + 1..cx.toks.len()).all(|k| cx.punct(k).is_some()) {
            if let Some(np) = dash_line(rs, r + 1) {
                return Some(Found::new(r + 1, Hit { rule: R::SpeakerAfterDash, cue: None, np: Some(np) }));
            }
        }
        // "A spokesman said:" closing the paragraph before: its
        // quotation opens this one.
        if first && i == 0 && r > 0 {
            let pcx = rs.cx(r - 1);
            let n = rs.toks[r - 1].len();
            if n > 1 && pcx.punct(n - 1) == Some(':') {
                let found = before_of(&pcx, n)
                    .filter(|h| h.cue.is_some() || h.np.is_some_and(|np| pcx.is_person(np)))
                    .map(|h| Found::new(r - 1, Hit { rule: R::ColonEndingPreviousParagraph, ..h }));
                if found.is_some() {
                    return found;
                }
            }
        }
        // "Kaine pressed on: "Q"": a person named before, opening the
        // sentence a colon closes on the quotation, rather than whoever
        // spoke before.
        if last && i > 0 && cx.punct(i - 1) == Some(':') {
            let p = self.prev.map(|(p, _)| p);
            if let Some(np) = own_subject(cx, i, p).filter(|np| self.someone(cx, *np)) {
                // Its verb is the cue ("pressed").
                let verb = Some(np.end).filter(|&v| v < i && cx.has(v, LOWER) && !cx.has(v, class::STOP));
                return Some(Found::new(r, Hit { rule: R::SentenceSubject, cue: verb, np: Some(np) }));
            }
        }
        None
    }

    /// What the quotation at token `i` of region `r` is given ([`Given`])
    /// for what the rules found, `f`.
    fn found(&mut self, rs: &Regions<'_, 'a>, f: Found, r: usize, i: usize) -> Given<'a> {
        let fcx = rs.cx(f.region);
        let mem = &mut self.mem;
        // A cue with no subject of its own speaks for the one in focus.
        let (speaker, antecedent) = match f.np {
            Some(np) => {
                let according = f.cue.is_some_and(|k| fcx.is(k, &["according"]));
                if !according && proper_body(&fcx, np, mem) {
                    mem.org = Some(fcx.text(np));
                }
                // "Robert Kennedy criticized the law: "...," he
                // wrote": "he" is the person opening the sentence.
                // So is "they" a group opening it ("Thousands of
                // supporters marched in what they described as").
                let they = fcx.is(np.start, &["they"]);
                if np.kind == MentionKind::Pronoun && f.region == r {
                    let subject = if they { group_subject(&fcx, np.start) } else { sentence_subject(&fcx, i) };
                    if let Some(subject) = subject {
                        let (s, at) = mem.resolve(&fcx, subject);
                        mem.attend(&s, named_at(&s, at), true);
                    }
                }
                let (s, at) = mem.resolve(&fcx, np);
                (Some(s), at)
            }
            None => self.in_focus(),
        };
        let cue = f.cue.map(|k| Text::borrowed(rs.src, fcx.span(k)));
        let mention = speaker.as_ref().and_then(|s| s.mention.as_ref()).map(|m| m.span);
        let why = Attribution {
            rule: f.rule,
            cue: cue.as_ref().map(|c| c.span),
            mention,
            mention_rule: f.np.map(|np| np.via),
            antecedent: outside(antecedent, mention),
            confidence: Confidence::Low,
            prior: Confidence::Low,
        };
        let named = speaker.as_ref().and_then(|s| named_at(s, antecedent));
        (cue, speaker, Some(why), named)
    }

    /// What quotation `qi` is given ([`Given`]) when the rules
    /// found nothing for: those of the quotation before it, or the speaker
    /// in focus.
    fn carried(&self, cx: &Ctx<'_, 'a>, quotes: &[Quotation<'a>], qi: usize, i: usize) -> Given<'a> {
        let src = cx.src;
        let from = match (self.prev.and_then(|(p, f)| f.map(|_| p)), self.inherit[qi]) {
            // Not past someone else now in focus: in "..., Oaten said. Mr
            // Hayman admitted it. "Q"", Q is Hayman's.
            (Some(p), _) if self.focus_moved && !self.in_focus_spoke(&quotes[p]) => None,
            // "..., she said. The department could use more "Q"": hers,
            // likely, but the sentence tells of another.
            (Some(p), _) if own_subject(cx, i, Some(p)).is_some() => Some((p, R::CarriedPastOwnSubject)),
            (Some(p), _) => Some((p, R::CarriedFromPreviousQuote)),
            (None, Some(p)) => Some((p, R::CarriedIntoRunningQuote)),
            // A paragraph of quotation alone right after a quoted
            // speaker continues that speaker, cue and all.
            // Not when the paragraph turned to someone else first ("Kaine
            // pressed on: "Q"").
            (None, None) => self
                .last_attributed
                .filter(|&p| !self.focus_moved && self.prev.is_none() && self.in_focus_spoke(&quotes[p]))
                .map(|p| (p, R::CarriedFromPreviousParagraph)),
        };
        // A reporting word of the quotation's own sentence, which no rule
        // tied to a subject ("..., he croons in the title track", "says an
        // ad from one group"): the cue, though the speaker is carried.
        let own = || own_cue(cx, i).map(|k| cx.span(k));
        match from {
            // "A," he said. "B.": the second part shares the first's attribution.
            Some((p, rule)) => {
                let mut why = quotes[p].attribution.map(|w| Attribution { rule, ..w });
                let named = why.and_then(|w| w.antecedent.or(w.mention));
                let speaker = quotes[p].speaker.clone().map(|s| Speaker { kind: MentionKind::Carried, ..s });
                let mut cue = quotes[p].cue.clone();
                // (Not from the quotation before in the paragraph: its cue
                // is this one's too.)
                if rule != R::CarriedFromPreviousQuote && rule != R::CarriedIntoRunningQuote {
                    if let (Some(k), Some(w)) = (own(), why.as_mut()) {
                        (cue, w.cue) = (Some(Text::borrowed(src, k)), Some(k));
                    }
                }
                (cue, speaker, why, named)
            }
            // Otherwise the speaker in focus continues, with the
            // verb that brought them in ("Ms Tymoshenko said ...
            // "We will return ..."") or one of its own sentence.
            None => {
                let indirect = self.indirect_cue.filter(|_| !self.focus_moved_since_indirect);
                let (cue, rule) = match (own(), indirect) {
                    (Some(k), _) => (Some(k), R::CueWithoutSubject),
                    (None, Some(k)) => (Some(k), R::IndirectSpeechInFocus),
                    (None, None) => (None, R::SpeakerInFocus),
                };
                let (speaker, antecedent) = self.in_focus();
                let why = Attribution {
                    rule,
                    cue,
                    mention: None,
                    mention_rule: None,
                    antecedent,
                    confidence: Confidence::Low,
                    prior: Confidence::Low,
                };
                (cue.map(|k| Text::borrowed(src, k)), speaker, Some(why), antecedent)
            }
        }
    }

    /// Whether the speaker in focus is the one quotation `q` was given
    /// ("Baker" for "M. Miller Baker" too, and a surname misspelt by two
    /// letters at most: "Barrioneuvo" for "Barrionuevo").
    fn in_focus_spoke(&self, q: &Quotation<'a>) -> bool {
        let spoke = q.speaker.as_ref().and_then(|s| s.name.as_deref());
        let (Some(f), Some(n)) = (self.mem.any.as_ref(), spoke) else { return true };
        let (a, b) = (surname(&f.name), surname(n));
        a == b
            || a.len() == b.len()
                && a.len() >= 6
                && a.as_bytes()[0] == b.as_bytes()[0]
                && a.bytes().zip(b.bytes()).filter(|(x, y)| x != y).count() <= 2
    }

    /// Whether the mention `np` is someone met before by name: a full name,
    /// or a lone surname the memory knows.
    fn someone(&self, cx: &Ctx<'_, 'a>, np: Np) -> bool {
        np.kind == MentionKind::Name
            && (cx.is_person(np) || np.end - np.start == 1 && cx.word(np.start).is_some_and(|w| self.mem.knows(w)))
    }

    /// Whether the speaker `s` given a quotation, `found` by the rules or
    /// not, is a person a later "he" or "she" may mean.
    fn is_person(&self, rs: &Regions<'_, 'a>, s: &Speaker<'a>, found: Option<Found>) -> bool {
        let mem = &self.mem;
        match s.kind {
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
                        let fcx = rs.cx(f.region);
                        f.np.is_some_and(|np| {
                            fcx.restricted(np) && fcx.word(np.end - 1).is_some_and(is_person_noun)
                        })
                    })
            }
            _ => false,
        }
    }

    /// The cue `i`, with no quotation in its sentence: indirect speech, which
    /// moves the focus to its speaker ("Lavrov said on Tuesday ...").
    fn indirect(&mut self, cx: &Ctx<'_, 'a>, i: usize) {
        // "one of the most feared leaders": an adjective, not a verb.
        if i > 0 && cx.is(i - 1, &["most", "more", "least", "the", "a", "an", "very", "much", "widely"]) {
            return;
        }
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
        // "Netherlands-based group LNM said": a body named after the word
        // for it.
        let body_named = |np: &Np| np.end - np.start >= 2 && cx.cap(np.end - 1) && cx.lower_in(np.end - 2, class::ORG);
        let likely = |np: &Np| match np.kind {
            MentionKind::Organisation | MentionKind::Group => true,
            // "She said she was pleased.": the person "she" means, who
            // may not be the one in focus.
            MentionKind::Pronoun => cx.is(np.start, &["he", "she"]),
            // One capitalised word ("Kiev announced") is a person only if met before.
            MentionKind::Name => {
                cx.is_person(*np)
                    || cx.word(np.end - 1).is_some_and(|w| self.mem.knows(w))
                    // "Mahathir maintained" after "Mahathir Mohamad": a
                    // first name used alone.
                    || np.end - np.start == 1 && cx.word(np.start).is_some_and(|w| self.mem.by_first_name(w).is_some())
                    || cx.institution(*np)
                    || body_named(np)
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
                        && !(cx.cap(i + 1) || cx.is(i + 1, &["that"]) && cx.cap(i + 2))
            }
            _ => false,
        };
        if let Some(np) = np.filter(likely) {
            let (s, at) = self.mem.resolve(cx, np);
            // An acronym ("group LNM said") is a body, not a person.
            // Nor a body named before ("Fish Vision claims ..." after
            // "president of Fish Vision": no "he" means it).
            let person = np.kind == MentionKind::Description
                || s.kind == MentionKind::Name
                    && !cx.institution(np)
                    && !body_named(&np)
                    && !self.mem.is_headed(cx.text(np))
                    && (cx.is_person(np) || s.name.as_ref().is_some_and(|n| n.chars().any(char::is_lowercase)));
            self.mem.attend(&s, named_at(&s, at), person);
            // "Five countries said in a statement ...", "according to a
            // statement from police": "the statement" later is theirs.
            if let (Some(head), Some(name)) = (paper_issued(cx, i), s.name.clone()) {
                let by = Focus { name, title: s.title.clone(), at: named_at(&s, at) };
                self.mem.paper = Some((head, by));
            }
            // "Pathway Communications ... said": the company a
            // later "the company said" means (a source after
            // "according to" is not).
            if !person && !according && (cx.institution(np) || body_named(&np) || proper_body(cx, np, &self.mem)) {
                self.mem.org = Some(cx.text(np));
            }
            self.focus_moved = true;
            self.indirect_cue = Some(cx.span(i));
            self.focus_moved_since_indirect = false;
        }
    }
}

/// The paper the cue `i` tells its speaker issued, by its head word: "said
/// in a statement", "according to a statement from", "wrote in its report".
fn paper_issued<'a>(cx: &Ctx<'_, 'a>, i: usize) -> Option<&'a str> {
    if !cx.is(i + 1, &["in", "to"]) {
        return None;
    }
    (i + 2..(i + 6).min(cx.toks.len())).take_while(|&k| cx.is_word(k)).find_map(|k| {
        let head = cx.word(k)?;
        let paper = PAPERS.iter().any(|p| p.eq_ignore_ascii_case(head));
        (paper && cx.is(k - 1, &["a", "an", "its", "their", "his", "her", "joint"])).then_some(head)
    })
}

/// Whether the quotation token `i` stands in a sentence of its own with a
/// subject of its own before it ("The department could also use more "Q""),
/// not in the sentence of quotation `p`, nor after "he" or "she".
fn own_subject(cx: &Ctx<'_, '_>, i: usize, p: Option<usize>) -> Option<Np> {
    let (s0, _) = sentence(cx, i);
    if s0 >= i || (s0..i).any(|k| matches!(cx.toks[k], Tok::Quote(q) if Some(q) == p)) {
        return None;
    }
    let at = if cx.is(s0, &["and", "but", "yet", "so"]) { s0 + 1 } else { s0 };
    cx.np_forward(at).filter(|np| np.end <= i && np.kind != MentionKind::Pronoun)
}

/// The reporting word nearest the quotation at token `i` in its sentence:
/// after it first, then before it; none past another quotation.
/// A verb, not a participle ("had been called a folk song", "the proposed
/// bills", "touted by"), within ten words of the quotation.
fn own_cue(cx: &Ctx<'_, '_>, i: usize) -> Option<usize> {
    const NEAR: usize = 10;
    let (s0, s1) = sentence(cx, i);
    let quote = |k: usize| matches!(cx.toks[k], Tok::Quote(_));
    let verb = |k: usize| {
        cx.cue_at(k)
            && !(k > s0
                && (cx.has(k - 1, class::DET) || cx.is(k - 1, &["was", "were", "is", "are", "been", "being", "be"])))
            // ("the efforts touted by the U.S.")
            && !cx.is(k + 1, &["by"])
    };
    let after = (i + 1..s1.min(cx.toks.len()).min(i + 1 + NEAR)).take_while(|&k| !quote(k)).find(|&k| verb(k));
    after.or_else(|| (s0.max(i.saturating_sub(NEAR))..i).rev().take_while(|&k| !quote(k)).find(|&k| verb(k)))
}

/// The mention on a short line of region `r` opening with a dash ("―
/// Anna Berg", "-- a skipper, Tromso"): a name or a person described.
fn dash_line(rs: &Regions<'_, '_>, r: usize) -> Option<Np> {
    let toks = rs.toks.get(r).filter(|t| t.len() <= 24)?;
    let cx = rs.cx(r);
    let dash = |k: usize| matches!(cx.punct(k), Some('-' | '—' | '–' | '―'));
    if !dash(0) || toks.iter().any(|t| matches!(t, Tok::Quote(_))) {
        return None;
    }
    let j = if dash(1) { 2 } else { 1 };
    // The mention ends the line or its comma opens a description: not an
    // item of a list ("- A meeting was held ...").
    cx.np_forward(j).filter(|np| {
        (np.kind == MentionKind::Name
            || np.kind == MentionKind::Description && cx.word(np.end - 1).is_some_and(is_person_noun))
            && (np.end == toks.len() || matches!(cx.punct(np.end), Some(',' | '.')))
    })
}
