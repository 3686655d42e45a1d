//! Resolution: a mention to the name it refers to, in the light of the
//! memory (a surname to the fullest name, a pronoun or a description to
//! the speaker in focus, an acronym to its body).

use crate::Span;
use crate::article::{MentionKind, Speaker, Text};
use crate::lexicon::{Sex, class, is_title, sex_of};

use super::context::{Ctx, Np};
use super::lists::{ANY_BODY, MEDIA, PAPERS, is_person_noun};
use super::memory::{Entity, Focus, Memory};
use super::text::{lower, one_line, owner, span_in, surname, without_article};
use super::tokens::LOWER;

impl<'a> Memory<'a> {
    /// What resolving `np` would leave in memory, without the speaker: a
    /// name met in passing is known from now on.
    pub(super) fn note(&mut self, cx: &Ctx<'_, 'a>, np: Np) {
        if np.kind == MentionKind::Name && !(is_company(cx, np) && self.org.is_some()) {
            if let Some((name, title)) = name_and_title(cx, np) {
                self.meet(name, title);
            }
        }
    }

    /// Resolves a mention to the name it refers to, and where that name was
    /// met (in the mention itself, for a name met there first).
    pub(super) fn resolve(&mut self, cx: &Ctx<'_, 'a>, np: Np) -> Resolved<'a> {
        let src = cx.src;
        let text = cx.text(np);
        let mention = Some(Text::borrowed(src, crate::parse::span_of(src, text)));
        // "the company said": the body the story is about.
        if is_company(cx, np) {
            // (By its full name if last named by its acronym: "AFSA noted".)
            if let Some(org) = self.org.map(|o| self.aliases.get(o).copied().unwrap_or(o)) {
                let s = Speaker { mention, kind: MentionKind::Organisation, name: Some(one_line(org)), title: None };
                return (s, span_in(src, org));
            }
        }
        // "the Reserve Bank of India (RBI) said": the name the acronym
        // stands for.
        if let Some((_, org)) = cx.acronym_name(np.start).filter(|_| np.end == np.start + 1) {
            let s = Speaker { mention, kind: MentionKind::Organisation, name: Some(one_line(org)), title: None };
            return (s, span_in(src, org));
        }
        // "a group called Justice for Democracy": the name it is given (not
        // "the group called on ...", a verb).
        let called = matches!(np.kind, MentionKind::Description | MentionKind::Group | MentionKind::Organisation)
            && cx.has(np.start, class::A)
            && cx.is(np.end, &["called", "named"])
            && !cx.word(np.end - 1).is_some_and(is_person_noun);
        if let Some(named) = called.then(|| cx.body_name_forward(np.end + 1)).flatten() {
            let name = cx.text(named);
            self.met_org(name);
            let s = Speaker { mention, kind: MentionKind::Organisation, name: Some(one_line(name)), title: None };
            return (s, span_in(src, name));
        }
        let resolved = match np.kind {
            MentionKind::Pronoun => self.pronoun(cx, np, mention),
            MentionKind::Name => self.name(cx, np, text, mention),
            MentionKind::Description => self.description(cx, np, text, mention),
            kind => self.body(src, kind, text, mention),
        };
        // "the paper, penned by director X": "the paper" again is X's.
        if np.start >= 4 && cx.authored_by(np.start - 2) {
            if let (Some(head), Some(name)) = (cx.word(np.start - 4), &resolved.0.name) {
                let at = resolved.1.or(resolved.0.mention.as_ref().map(|m| m.span));
                self.paper = Some((head, Focus { name: name.clone(), title: resolved.0.title.clone(), at }));
            }
        }
        resolved
    }

    /// [`Memory::resolve`] for a pronoun, `mention`: the person in focus
    /// ("he", "I"), passed over for one of the sex "she" or "he" tells, or
    /// the speaker in focus ("they", "it").
    fn pronoun(&self, cx: &Ctx<'_, 'a>, np: Np, mention: Option<Text<'a>>) -> Resolved<'a> {
        let personal = cx.is(np.start, &["he", "she", "i", "you", "him", "her", "me"]);
        // "he" or "she" with no person in focus: the speaker in focus unless
        // a body or a group ("police said ... he said": no one).
        let third = cx.is(np.start, &["he", "she", "him", "her"]);
        let any = self.any.as_ref().filter(|_| !(third && self.any_is_body));
        let mut f = if personal { self.person.as_ref().or(any) } else { self.any.as_ref() };
        // "she" for a man in focus: the latest person in focus who may
        // be a woman, one known to be first.
        let want = if cx.is(np.start, &["she", "her"]) {
            Some(Sex::Female)
        } else if cx.is(np.start, &["he", "him"]) {
            Some(Sex::Male)
        } else {
            None
        };
        // "Anna told the crowd ... she said": a lone first name turned to
        // since the person in focus, of the sex wanted (a lone surname, a
        // capitalised word opening a sentence, tells none: never taken).
        if let (Some(want), Some(name)) = (want, self.lone) {
            let lone = Focus { name: one_line(name), title: None, at: span_in(cx.src, name) };
            if lone.sex() == Some(want) {
                return focused(mention, Some(&lone), MentionKind::Pronoun);
            }
        }
        if let Some(want) = want {
            if f.is_some_and(|f| f.sex().is_some_and(|x| x != want)) {
                let known = self.people.iter().rev().find(|p| p.sex() == Some(want));
                if let Some(p) = known.or_else(|| self.people.iter().rev().find(|p| p.sex().is_none())) {
                    f = Some(p);
                }
            }
        }
        focused(mention, f, MentionKind::Pronoun)
    }

    /// [`Memory::resolve`] for a name `text`, `mention`: the fullest name met
    /// with its surname, the name met it misspells or holds glued, or an
    /// organisation it abbreviates; else a new person.
    fn name(&mut self, cx: &Ctx<'_, 'a>, np: Np, text: &'a str, mention: Option<Text<'a>>) -> Resolved<'a> {
        // "SOUTHCOM wrote" after "US Southern Command", "ICE said" after
        // "Immigration and Customs Enforcement (ICE)".
        if np.end - np.start == 1 && !self.knows(text) {
            if let Some(org) =
                self.aliases.get(text).copied().or_else(|| self.expand(text)).or_else(|| self.clipped(text))
            {
                let s = Speaker { mention, kind: MentionKind::Organisation, name: Some(one_line(org)), title: None };
                return (s, span_in(cx.src, org));
            }
        }
        let Some((name, title)) = name_and_title(cx, np) else {
            return self.resolve(cx, Np { kind: MentionKind::Description, ..np });
        };
        // "Koronolli" after "Viktor Koronelli": a surname misspelt;
        // "Kim Jong Unclarified" after "Kim Jong Un": a name glued to
        // the word after it in scraped copy.
        // (A name of one word is its surname: one lookup tells both.)
        let last = surname(name);
        let known = self.knows(last);
        let misspelt = || {
            let lone = !known && !name.contains(char::is_whitespace);
            if lone { self.misspelt(name) } else { None }
        };
        let glued = || if known { None } else { self.glued(name) };
        // "Anna said" after "Anna Berg": a first name used alone.
        let first = || if known { None } else { self.by_first_name(name) };
        if let Some(e) = misspelt().or_else(glued).or_else(first) {
            let s = Speaker {
                mention,
                kind: MentionKind::Name,
                name: Some(one_line(e.name)),
                title: title.or(e.title).map(one_line),
            };
            return (s, span_in(cx.src, e.name));
        }
        let at = self.meet_as(name, last, title);
        let e = self.entities[at];
        let (name, title) = (e.name, title.or(e.title));
        let s = Speaker { mention, kind: MentionKind::Name, name: Some(one_line(name)), title: title.map(one_line) };
        (s, span_in(cx.src, name))
    }

    /// [`Memory::resolve`] for a description `text`, `mention`: the person
    /// met with that title, the person or speaker in focus, or no one named.
    fn description(&mut self, cx: &Ctx<'_, 'a>, np: Np, text: &'a str, mention: Option<Text<'a>>) -> Resolved<'a> {
        let head = cx.word(np.end - 1).unwrap_or("");
        // "In an open letter by Mandaric ..., the Pompey chairman said": the
        // author the sentence named before the description.
        let wrote = || self.author_before(cx, np).filter(|_| is_person_noun(head));
        if let Some(e) = wrote().or_else(|| self.titled(head)).or_else(|| self.author(cx, np, head)) {
            let s = Speaker {
                mention,
                kind: MentionKind::Description,
                name: Some(one_line(e.name)),
                title: e.title.map(one_line),
            };
            return (s, span_in(cx.src, e.name));
        }
        // "the Hamas statement", "a foreign ministry statement", "The
        // CENTCOM release": the body named before the paper's head issued
        // it.
        if let Some(by) = issuer_before_head(cx, np, head) {
            let (s, at) = self.body(cx.src, MentionKind::Organisation, cx.text(by), mention);
            return (Speaker { kind: MentionKind::Description, ..s }, at);
        }
        let owner = cx.word(np.start).and_then(owner);
        let definite = cx.has(np.start, class::THE) || owner.is_some();
        let anonymous = self.anonymous.contains(&lower(head));
        // "Sand's wife" is not Sand.
        let owned = owner.is_some_and(|w| self.person.as_ref().is_some_and(|p| surname(&p.name) == w));
        if owned || cx.restricted(np) {
            return (
                Speaker { mention, kind: MentionKind::Description, name: Some(one_line(text)), title: None },
                None,
            );
        }
        // "the daily said" after "The Washington Post was more circumspect,
        // saying": the news medium in focus.
        if definite && np.end - np.start == 2 && MEDIA.holds(head) && self.body_in_focus() {
            return focused(mention, self.any.as_ref(), MentionKind::Description);
        }
        // (Not "the judges", "the report authors": no one person.)
        if definite && !anonymous && is_person_noun(head) && !plural(head) && self.person.is_some() {
            return focused(mention, self.person.as_ref(), MentionKind::Description);
        }
        // "a statement on Leeds's website", "... on its website": the
        // site's owner (not "on her website": maybe her management's; the
        // paper as described).
        let site = PAPERS.iter().any(|p| p.eq_ignore_ascii_case(head))
            && cx.is(np.end, &["on"])
            && cx.is(np.end + 2, &["website", "site", "page", "account", "blog"]);
        if site {
            let k = np.end + 1;
            if cx.is(k, &["its", "their"]) && self.any.is_some() {
                return focused(mention, self.any.as_ref(), MentionKind::Description);
            }
            if let Some(owner) = cx.np_forward(k).filter(|o| o.end == k + 1 && cx.cap(k) && cx.possessive(k)) {
                let (s, at) = self.resolve(cx, Np { kind: MentionKind::Name, ..owner });
                return (Speaker { mention, kind: MentionKind::Description, ..s }, at);
            }
        }
        // "the statement said": its issuer, the speaker in focus; "a
        // statement said" when that speaker is a body named by its proper
        // name ("The ministry said ... "...," a statement said").
        // So is "a spokesman told" the body's right after it spoke.
        // "his paper argues": the person in focus wrote it.
        let mut writing = PAPERS.iter().chain(&["paper", "book", "study", "essay", "column", "memoir"]);
        if np.end - np.start == 2 && cx.is(np.start, &["his", "her"]) && writing.any(|p| p.eq_ignore_ascii_case(head)) {
            if let Some(p) = self.person.as_ref() {
                return focused(mention, Some(p), MentionKind::Description);
            }
        }
        // "the report" again: the body it was given first ("According to the
        // report" after the National Audit Office spoke), though someone else
        // spoke since; "the paper" again: its author.
        let again =
            self.paper.as_ref().filter(|(h, _)| definite && np.end - np.start == 2 && h.eq_ignore_ascii_case(head));
        if let Some(issuer) = again.map(|p| p.1.clone()) {
            return focused(mention, Some(&issuer), MentionKind::Description);
        }
        let paper = np.end - np.start == 2
            && (PAPERS.iter().any(|p| p.eq_ignore_ascii_case(head))
                || !definite
                    && ["spokesman", "spokeswoman", "spokesperson"].iter().any(|p| p.eq_ignore_ascii_case(head)));
        if paper && (definite || cx.has(np.start, class::A) && self.body_in_focus()) && self.any.is_some() {
            if definite && self.paper.is_none() && self.body_in_focus() {
                self.paper = self.any.clone().map(|a| (head, a));
            }
            return focused(mention, self.any.as_ref(), MentionKind::Description);
        }
        (Speaker { mention, kind: MentionKind::Description, name: Some(one_line(text)), title: None }, None)
    }

    /// The person named as a paper's author earlier in the sentence of the
    /// description `np`: "Mandaric" in "In an open letter by Mandaric
    /// published in the Sunday Mirror the Pompey chairman said".
    fn author_before(&self, cx: &Ctx<'_, 'a>, np: Np) -> Option<Entity<'a>> {
        // Back to the sentence's start, a few dozen words at most ("by" is
        // a stop word: the class rules out most words first).
        let mut k = np.start;
        while k > 1 && np.start - k < 32 && !cx.is_sentence_end(k - 1) {
            k -= 1;
            if !(cx.has(k, class::STOP) && cx.is(k, &["by"])) {
                continue;
            }
            if !cx.word(k - 1).is_some_and(|w| PAPERS.iter().any(|p| p.eq_ignore_ascii_case(w))) {
                continue;
            }
            let by = cx.np_forward(k + 1).filter(|n| n.kind == MentionKind::Name && n.end <= np.start)?;
            return self.by_surname(cx.word(by.end - 1)?);
        }
        None
    }

    /// The person a thing that is no person belongs to, named before: "The
    /// judge's decision says" after "Judge Anna Berg", "Berg's letter" after
    /// "Anna Berg". The owner is a known surname or a title a person was
    /// named with; `head` is the mention's last word.
    fn author(&self, cx: &Ctx<'_, 'a>, np: Np, head: &str) -> Option<super::memory::Entity<'a>> {
        if np.end - np.start < 2 || is_person_noun(head) {
            return None;
        }
        let k = (np.start..np.end - 1).find(|&k| cx.word(k).and_then(owner).is_some())?;
        let who = cx.word(k).and_then(owner)?;
        if who.starts_with(char::is_uppercase) {
            return self.by_surname(who).filter(|e| e.name.contains(char::is_whitespace));
        }
        self.titled(who)
    }

    /// The latest person met with `word` in their title ("the judge" after
    /// "US District Judge Anna Berg"), when `word` is a title at all; the
    /// latest few people only: linear time on any input.
    fn titled(&self, word: &str) -> Option<super::memory::Entity<'a>> {
        if !is_title(word) {
            return None;
        }
        self.entities
            .iter()
            .rev()
            .take(32)
            .find(|e| e.title.is_some_and(|t| t.split(' ').any(|w| w.eq_ignore_ascii_case(word))))
            .copied()
    }

    /// [`Memory::resolve`] for an organisation or a group `text`, `mention`,
    /// of `kind`: the name its acronym stands for, else as printed.
    fn body(&mut self, src: &'a str, kind: MentionKind, text: &'a str, mention: Option<Text<'a>>) -> Resolved<'a> {
        // "the IRC" after "the International Red Cross (IRC)", or
        // after "the International Red Cross" alone.
        let bare = without_article(text);
        // "the ministry" after "the Emergencies Ministry": the body named
        // before whose head word it repeats.
        let head = || {
            let repeats = bare.len() < text.len() && !bare.contains(' ') && bare.starts_with(char::is_lowercase);
            if repeats { self.org_by_head(bare) } else { None }
        };
        let name = self
            .aliases
            .get(bare)
            .copied()
            .or_else(|| self.expand(bare))
            .or_else(|| self.clipped(bare))
            .or_else(head)
            .unwrap_or(text);
        // "the agency added" after "..., the ministry reported": a common
        // noun for any body, no body named before ending with it, stands
        // for the body that spoke last (a speaker in focus who is no person).
        let generic = kind == MentionKind::Organisation
            && name == text
            && bare.len() < text.len()
            && bare.starts_with(char::is_lowercase)
            && ANY_BODY.holds(bare);
        if generic && self.body_in_focus() {
            return focused(mention, self.any.as_ref(), kind);
        }
        if kind == MentionKind::Organisation && name == text {
            self.met_org(text);
        }
        let at = if name == text { None } else { span_in(src, name) };
        (Speaker { mention, kind, name: Some(one_line(name)), title: None }, at)
    }
}

/// A speaker, and where the name they resolved to was met.
pub(super) type Resolved<'a> = (Speaker<'a>, Option<Span>);

/// The speaker in focus `f`, as `mention` of `kind` refers to them.
fn focused<'a>(mention: Option<Text<'a>>, f: Option<&Focus<'a>>, kind: MentionKind) -> Resolved<'a> {
    let s = Speaker { mention, kind, name: f.map(|f| f.name.clone()), title: f.and_then(|f| f.title.clone()) };
    (s, f.and_then(|f| f.at))
}

/// A body named by its proper name ("Pathway Communications, which ..."),
/// not "the company" nor a person (nor a surname met before): the company
/// a later "the company said" means.
pub(super) fn proper_body(cx: &Ctx<'_, '_>, np: Np, mem: &Memory<'_>) -> bool {
    matches!(np.kind, MentionKind::Name | MentionKind::Organisation)
        && !cx.word(np.end - 1).is_some_and(|w| mem.knows(w))
        && cx.cap(np.start)
        && !cx.has(np.start, class::DET | class::PRONOUN)
        && (!cx.is_person(np) || cx.punct(np.end) == Some(',') && cx.is(np.end + 1, &["which"]))
}

/// "the company", "the airline": a mention of the body the story is about.
fn is_company(cx: &Ctx<'_, '_>, np: Np) -> bool {
    const BODIES: &[&str] = &[
        "company",
        "firm",
        "group",
        "carrier",
        "airline",
        "maker",
        "manufacturer",
        "retailer",
        "provider",
        "insurer",
        "lender",
        "producer",
        "thinktank",
        "think-tank",
        "organisation",
        "organization",
        "charity",
        "watchdog",
    ];
    // "the company", "the Brussels-based thinktank": a few lower-case words
    // or hyphenated ones may stand before the head.
    let modifiers = || {
        (np.start + 1..np.end - 1)
            .all(|k| cx.has(k, LOWER) || cx.word(k).is_some_and(|w| w.contains('-') && w.len() > 3))
    };
    (2..=5).contains(&(np.end - np.start))
        && cx.has(np.start, class::THE)
        && cx.word(np.end - 1).is_some_and(|head| BODIES.iter().any(|b| b.eq_ignore_ascii_case(head)))
        && modifiers()
}

/// The name and the title printed with it of a name mention ("Russian
/// Foreign Minister Sergey Lavrov"), or `None` when no name is left once
/// the title is off.
fn name_and_title<'a>(cx: &Ctx<'_, 'a>, np: Np) -> Option<(&'a str, Option<&'a str>)> {
    // "Russian Foreign Minister Sergey Lavrov": title, then name.
    // The name follows the last title word, acronym or article:
    // "Permanent Representative to the UN Igor Danilov".
    let acronym = |w: &str| w.len() >= 2 && w.len() <= 5 && w.chars().all(|c| c.is_ascii_uppercase());
    let mixed_after = |i: usize| cx.word(i + 1).is_some_and(|w| w.chars().skip(1).any(char::is_lowercase));
    // ... or its last lower-case word ("Psychiatric oncologist
    // Gabriela Ozco"), particles aside ("Charles de Gaulle").
    // (The word classes first, "the" among them; the text last.)
    let t = (np.start..np.end).rev().find(|&i| {
        cx.is_word(i)
            && (cx.has(i, class::TITLE | class::THE)
                || cx.has(i, LOWER) && !cx.lower_in(i, class::CONNECTOR) && i + 1 < np.end
                || cx.word(i).is_some_and(acronym) && mixed_after(i))
    });
    let mut name_start = t.map_or(np.start, |t| t + 1);
    // Lower-case connectors only: "Al Reyes" keeps its "Al".
    while name_start < np.end
        && cx
            .word(name_start)
            .is_some_and(|w| cx.lower_in(name_start, class::CONNECTOR) || ["of", "and", "to"].contains(&w))
    {
        name_start += 1;
    }
    if name_start >= np.end {
        return None;
    }
    // "Secretary of State Madeleine Albright", "ambassador to Havana Viktor
    // Koronelli": capitals after a title's "of" or "to" name its office or
    // place first; the person is the last two words. ("The founder of Bad
    // Boy Records", with its article, names no one after the body.)
    // The word before the name: the "of" itself, or an "and" within the
    // office ("Minister of Trade and Industry Olga Berg"); the mention may
    // start after the "to" ("Ambassador to | Havana Viktor Koronelli").
    let prep = name_start.checked_sub(1).filter(|&p| p > np.start).or_else(|| {
        (name_start == np.start && np.start >= 2 && cx.has(np.start - 2, class::TITLE)).then(|| np.start - 1)
    });
    let office = |p: usize| {
        let of = if cx.is(p, &["and"]) { (np.start + 1..p).rev().find(|&k| !cx.cap(k)) } else { Some(p) };
        of.is_some_and(|k| cx.is(k, &["of", "to", "for"]))
    };
    if prep.is_some_and(office)
        && np.end - name_start >= 3
        && !(np.start.saturating_sub(1)..=np.start).any(|k| cx.has(k, class::THE | class::A))
    {
        name_start = person_tail(cx, name_start, np.end);
    }
    // "NASA's Reid Wiseman", "Iceland's Unnur Birna Vilhjalmsdottir": the
    // person after a body's or a place's possessive.
    if let Some(k) = (name_start..np.end - 1).find(|&k| cx.possessive(k)) {
        if (k + 1..np.end).all(|j| cx.cap(j) && !cx.has(j, class::ORG | class::GROUP | class::TITLE)) {
            name_start = k + 1;
        }
    }
    let name = cx.text(Np { start: name_start, ..np });
    // "Zhu's switch": the person is Zhu ("McDonald's said" keeps its name).
    let owns = cx.has(np.end, LOWER) && !cx.cue_at(np.end);
    let name = match owner(name) {
        Some(owner) if owns && !owner.is_empty() => owner,
        _ => name,
    };
    let mut title_start = np.start;
    // (Determiners all: the class rules out most words before the list.)
    while title_start < name_start
        && cx.has(title_start, class::DET)
        && cx.is(title_start, &["its", "his", "her", "their", "our", "the", "a", "an"])
    {
        title_start += 1;
    }
    let title = t.filter(|&t| t >= title_start && !cx.has(t, class::THE)).map(|_| {
        let mut end = name_start;
        while end > title_start
            && cx.has(end - 1, class::STOP | class::THE)
            && cx.is(end - 1, &["of", "and", "to", "the"])
        {
            end -= 1;
        }
        cx.text(Np { start: title_start, end, ..np })
    });
    Some((name, title))
}

/// Where the person's name starts in the capitals `from..end` that open
/// with an office or a place ("State Madeleine Albright", "National
/// Intelligence John Negroponte"): at a known first name, else two words
/// from the end, with the initials and particles before them ("L. Louise
/// Lucas", "Charles de Gaulle").
fn person_tail(cx: &Ctx<'_, '_>, from: usize, end: usize) -> usize {
    if let Some(k) =
        (from + 1..end - 1).find(|&k| cx.word(k).is_some_and(|w| sex_of(w).is_some()) && !cx.has(k, class::TITLE))
    {
        return k;
    }
    let initial = |j: usize| cx.word(j).is_some_and(|w| w.len() == 1 && w.as_bytes()[0].is_ascii_uppercase());
    let mut k = end - 2;
    loop {
        if k > from + 1 && cx.lower_in(k - 1, class::CONNECTOR) {
            k -= 1;
        } else if k > from + 2 && cx.punct(k - 1) == Some('.') && initial(k - 2) {
            k -= 2;
        } else if k > from + 1 && initial(k - 1) {
            k -= 1;
        } else {
            return k;
        }
    }
}

/// The words naming a body between the article and the head of a paper,
/// `head`, in the description `np`: "Hamas" in "the Hamas statement",
/// "foreign ministry" in "a foreign ministry statement", "mediators" in "a
/// mediators statement" (capitals, a body's last word or a group), not a
/// day or a place ("a Monday statement").
fn issuer_before_head(cx: &Ctx<'_, '_>, np: Np, head: &str) -> Option<Np> {
    const MORE: &[&str] = &["release", "communique", "commentary", "bulletin"];
    let from = if cx.has(np.start, class::DET) { np.start + 1 } else { np.start };
    let to = np.end - 1;
    if from >= to || !PAPERS.iter().chain(MORE).any(|p| p.eq_ignore_ascii_case(head)) {
        return None;
    }
    if (from..to).any(|k| !cx.is_word(k) || cx.has(k, class::TIME | class::PLACE) || cx.possessive(k)) {
        return None;
    }
    // (Not "a news release", "a press statement": the kind of paper.)
    let named = (from..to).all(|k| cx.cap(k))
        || cx.has(to - 1, class::ORG | class::GROUP) && !cx.is(to - 1, &["news", "press"]);
    named.then_some(Np { start: from, end: to, kind: MentionKind::Organisation, ..np })
}

/// Whether the lower-case noun `w` reads as a plural: "judges",
/// "authors", "companies" (not "boss", "chorus", "analysis", "Times").
fn plural(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() > 3 && b[0].is_ascii_lowercase() && b[b.len() - 1] == b's' && !matches!(b[b.len() - 2], b's' | b'u' | b'i')
}
