//! What the running text tells the memory between quotations and cues:
//! people met and turned to, bodies and their acronyms, people introduced
//! as nobody in particular.

use crate::article::MentionKind;
use crate::lexicon::class;

use super::context::{Ctx, Np, REACH, next_to_quote};
use super::lists::{PAPERS, Words};
use super::memory::{Memory, ROOM, named_at};
use super::text::lower;
use super::tokens::{CAP, LOWER, QUOTE, Tok};

/// Tells `mem` what the tokens from `i` on say ([`mem_notice`]) up to the
/// next quotation or cue, and returns its index (else the count of tokens)
/// and whether the person in focus changed.
///
/// Most tokens are neither, and are gone through here in a loop of its own:
/// in [`attribute`](super::attribute)'s, they would carry all that function's state.
#[inline(never)]
pub(super) fn notice_until<'a>(cx: &Ctx<'_, 'a>, mut i: usize, mem: &mut Memory<'a>, prose: bool) -> (usize, bool) {
    // Capitals, titles, modifiers and "a" tell the memory something.
    const NOTICED: u32 = CAP | class::TITLE | class::MODIFIER | class::A;
    let n = cx.toks.len().min(cx.flags.len());
    let mut moved = false;
    loop {
        // Most tokens are none of those, nor a cue nor a quotation.
        while i < n && cx.flags[i] & (NOTICED | class::CUE | QUOTE) == 0 {
            i += 1;
        }
        if i >= n || cx.cue_at(i) || matches!(cx.toks[i], Tok::Quote(_)) {
            return (i.min(cx.toks.len()), moved);
        }
        if cx.has(i, NOTICED) && mem_notice(cx, i, mem, prose) {
            moved = true;
        }
        i += 1;
    }
}

/// What a word tells the memory: a person opening a sentence is the one a
/// later "he" means; a full name is met; "an investigator" is no one named.
/// Returns whether the person in focus changed.
pub(super) fn mem_notice<'a>(cx: &Ctx<'_, 'a>, i: usize, mem: &mut Memory<'a>, prose: bool) -> bool {
    let mut moved = false;
    // "the Reserve Bank of India (RBI)": the acronym stands for the name.
    if cx.punct(i.wrapping_sub(1)) == Some('(') {
        if let Some((_, name)) = cx.acronym_name(i).filter(|_| mem.aliases.len() < 256) {
            mem.aliases.insert(cx.word(i).unwrap_or(""), name);
            mem.met_org(name);
        }
    }
    // A run opens with a capital or a title ("registered nurse Emily Lyons").
    if cx.has(i, CAP | class::TITLE | class::MODIFIER)
        && (i == 0 || !cx.continues_run(i - 1) || cx.is_sentence_end(i - 1))
    {
        let Some(np) = cx.np_forward(i) else { return false };
        moved = notice_mention(cx, i, np, mem, prose);
    }
    if cx.has(i, class::A) {
        notice_anonymous(cx, i, mem);
    }
    moved
}

/// What the mention `np` opening a run at token `i` tells the memory: an
/// acronym, an organisation, the body the story is about, a person turned
/// to or met in passing. Returns whether the person in focus changed.
fn notice_mention<'a>(cx: &Ctx<'_, 'a>, i: usize, np: Np, mem: &mut Memory<'a>, prose: bool) -> bool {
    notice_body(cx, np, mem);
    notice_headed(cx, np, mem);
    notice_first_of_pair(cx, np, mem);
    let body_named = np.kind == MentionKind::Name && mem.is_headed(cx.text(np));
    let person = cx.is_person(np) && !body_named;
    // (Whether a person's surname is known changes nothing below: it is
    // looked up only for the others.)
    let known =
        !person && !body_named && np.kind == MentionKind::Name && cx.word(np.end - 1).is_some_and(|w| mem.knows(w));
    // ("But Rasul refused": a conjunction before the subject opens it too.)
    let opens_sentence = i == 0
        || cx.is_sentence_end(i - 1)
        || (i == 1 || cx.is_sentence_end(i - 2)) && cx.cap(i - 1) && cx.is(i - 1, &["but", "and", "yet", "so"]);
    // A body opening a sentence: "Velmar has ...", "Norberg
    // Telecom said ...". The story's first body keeps the name;
    // an organisation's name ("Norberg Telecom Inc.") takes it over.
    let body = prose
        && opens_sentence
        && !person
        && !known
        && !cx.has(np.start, class::DET)
        && matches!(np.kind, MentionKind::Name | MentionKind::Organisation)
        && !(np.start..np.end).any(|k| cx.has(k, class::PLACE | class::TIME));
    // "Berg opened the talks": a lone name, a verb after it; a person if a
    // later "he" or "she" says so.
    if body
        && np.kind == MentionKind::Name
        && np.end - np.start == 1
        && cx.has(np.end, LOWER)
        && !cx.has(np.end, class::STOP)
        && !cx.possessive(np.start)
    {
        mem.lone = Some(cx.text(np));
    }
    if body && (mem.org.is_none() || np.kind == MentionKind::Organisation) {
        mem.org = Some(cx.text(np));
    }
    // "registered nurse Emily Lyons, who ...": a person described at
    // length is the one the story turns to.
    // Not the object of a preposition ("linked to Osama Bin Laden, who
    // lives in ..."): a person mentioned, not turned to ("by" and "from"
    // name an agent: "echoed by Le Kha Phieu, who ...").
    let described = cx.punct(np.end) == Some(',')
        && cx.is(np.end + 1, &["who"])
        && !(np.start > 0 && cx.is(np.start - 1, &["to", "of", "with", "about", "at", "in", "on", "for"]))
        && !(np.start > 1 && cx.punct(np.start - 1) == Some(',') && !cx.is_sentence_end(np.start - 2));
    // "A local school bus attendant, who lives across town, stopped by":
    // someone unnamed the story turns to, whom a later "she" means.
    // ("One deckhand in Bergen, who ...": where they are from may come
    // between.)
    let from_place = || {
        let mut k = np.end + 1;
        while k < np.end + 5 && cx.cap(k) {
            k += 1;
        }
        cx.is(np.end, &["in", "from", "at"]) && k > np.end + 1 && cx.punct(k) == Some(',') && cx.is(k + 1, &["who"])
    };
    if np.kind == MentionKind::Description
        && opens_sentence
        && (described || from_place())
        && cx.has(np.start, class::A)
        && cx.word(np.end - 1).is_some_and(super::lists::is_person_noun)
        && !next_to_quote(cx, i)
    {
        let (s, at) = mem.resolve(cx, np);
        mem.attend(&s, named_at(&s, at), true);
        return true;
    }
    let subject_after_intro = subject_after_intro(cx, i, np, person, known);
    let appositive = named_in_apposition(cx, np);
    let person = person || subject_after_intro || appositive;
    if person || known {
        if opens_sentence || described || subject_after_intro || appositive || joined(cx, np) {
            if !next_to_quote(cx, i) {
                let (s, at) = mem.resolve(cx, np);
                let moved = mem.person.as_ref().map(|p| &p.name) != s.name.as_ref();
                mem.attend(&s, named_at(&s, at), true);
                return moved;
            }
        } else {
            // Met in passing: known from now on, not in focus.
            mem.note(cx, np);
        }
    }
    false
}

/// "Socialist leader Lionel Jospin and Green leader Dominique Voynet met":
/// a pair of people is one mention, resolved to the second; the first is
/// met too, so that a later "Jospin" is Lionel Jospin.
fn notice_first_of_pair<'a>(cx: &Ctx<'_, 'a>, np: Np, mem: &mut Memory<'a>) {
    if np.kind != MentionKind::Name || np.end - np.start < 5 {
        return;
    }
    if let Some(k) = (np.start + 2..np.end - 2).find(|&k| cx.has(k, class::AND)) {
        let (first, second) = (Np { end: k, ..np }, Np { start: k + 1, ..np });
        // (Where the first opens with a title, a known first name or the
        // sentence: "without All-Stars Dwyane Wade and Chris Bosh" is no
        // one called "All-Stars Dwyane Wade".)
        let opens = (np.start..k).any(|j| cx.has(j, class::TITLE))
            || cx.word(np.start).is_some_and(|w| crate::lexicon::sex_of(w).is_some())
            || np.start == 0
            || cx.is_sentence_end(np.start - 1);
        if opens && cx.is_person(first) && cx.is_person(second) {
            mem.note(cx, first);
        }
    }
}

/// "president of Fish Vision" (the mention `np`): a body someone heads,
/// remembered as one, whom no later "he" or "she" means.
fn notice_headed<'a>(cx: &Ctx<'_, 'a>, np: Np, mem: &mut Memory<'a>) {
    if cx.lower_in(np.start, class::TITLE) && cx.is(np.start + 1, &["of"]) {
        let body = Np { start: np.start + 2, ..np };
        if body.start < body.end && (body.start..body.end).all(|k| cx.cap(k)) {
            mem.met_org(cx.text(body));
            mem.met_headed(cx.text(body));
        }
    }
}

/// "..., and Geremek has gone out of his way": whether `np` is the subject
/// of a clause joined to the sentence, a verb after it.
fn joined(cx: &Ctx<'_, '_>, np: Np) -> bool {
    np.start >= 2
        && cx.is(np.start - 1, &["and", "but"])
        && cx.punct(np.start - 2) == Some(',')
        && cx.has(np.end, LOWER)
        && !cx.has(np.end, class::CUE)
        && !cx.is(np.end, &["of", "and", "or", "to", "in", "for", "who", "which"])
}

/// An organisation's name the mention `np` gives, met for the acronyms and
/// the descriptions of it: an organisation ("the Red Cross"), a name joining
/// words by "and", "of" or "for", or a body's name in the possessive.
fn notice_body<'a>(cx: &Ctx<'_, 'a>, np: Np, mem: &mut Memory<'a>) {
    // "Immigration and Customs Enforcement said": a name joining words by
    // "and", "of" or "for", which no person's does, is a body's, for the
    // acronyms of it ("ICE").
    let joined = || {
        np.kind == MentionKind::Name
            && np.end - np.start >= 3
            && !cx.has(np.start, class::TITLE)
            && (np.start + 1..np.end - 1).any(|k| cx.has(k, LOWER) && cx.is(k, &["and", "of", "for"]))
    };
    // "the Iraq Study Group's criticisms": a body's name in the possessive.
    let owning = || {
        np.kind == MentionKind::Name
            && np.end - np.start >= 2
            && cx
                .word(np.end - 1)
                .and_then(super::text::owner)
                .is_some_and(|w| crate::lexicon::classes(w) & class::ORG != 0)
    };
    // With its article, as an attribution prints it: "the Red Cross".
    let start = if np.start > 0 && cx.has(np.start - 1, class::THE) { np.start - 1 } else { np.start };
    if np.kind == MentionKind::Organisation || joined() {
        mem.met_org(cx.text(Np { start, ..np }));
    } else if owning() {
        let text = cx.text(Np { start, ..np });
        let bare = text.strip_suffix("'s").or_else(|| text.strip_suffix("’s")).unwrap_or(text);
        mem.met_org(bare);
    }
}

/// "Elian's paternal grandmother, Mariela, told reporters": a lone name
/// between commas after a word for a person (a role, a kin word), a verb
/// after it, is the person the story turns to; a later "she" means them.
fn named_in_apposition(cx: &Ctx<'_, '_>, np: Np) -> bool {
    let person_word = |k: usize| {
        cx.has(k, LOWER)
            && cx.word(k).is_some_and(|w| crate::lexicon::is_title(w) || crate::lexicon::sex_of(w).is_some())
    };
    np.kind == MentionKind::Name
        && np.end - np.start == 1
        && np.start >= 2
        && cx.punct(np.start - 1) == Some(',')
        && person_word(np.start - 2)
        && cx.punct(np.end) == Some(',')
        && cx.has(np.end + 1, LOWER)
        && !cx.has(np.end + 1, class::STOP)
        && !cx.has(np.start, class::PLACE | class::TIME | class::ORG)
}

/// "After a tough first set, Molik grew in confidence": a lone name that
/// is the subject of its clause, a verb after it, is someone acting.
/// A person named in full may follow any opening phrase ("Stuck in a
/// jail, Chen Guiqiu waited ..."), and be followed by any verb.
/// So may a surname met before ("During the pandemic, Mearns could
/// not hear"), before an auxiliary too.
///
/// Whether `np`, at token `i`, is such a subject: a `person`, or a name
/// whose surname is `known`.
fn subject_after_intro(cx: &Ctx<'_, '_>, i: usize, np: Np, person: bool, known: bool) -> bool {
    const INTROS: Words = Words::new(&[
        "after",
        "before",
        "despite",
        "with",
        "in",
        "on",
        "at",
        "when",
        "as",
        "once",
        "during",
        "for",
        "since",
        "while",
        "amid",
        "following",
        "unlike",
        "like",
        "throughout",
        "under",
    ]);
    const NOT_A_VERB: Words =
        Words::new(&["of", "for", "in", "on", "at", "to", "from", "by", "with", "and", "or", "who", "which"]);
    const SUBORDINATORS: Words =
        Words::new(&["when", "after", "before", "as", "while", "once", "since", "although", "because"]);
    let sure = person || known;
    // "When Mearns walked out of the office, she ...": a known person as
    // the subject of an opening clause.
    let subordinate = sure && i > 0 && cx.is_one_of(i - 1, &SUBORDINATORS) && (i == 1 || cx.is_sentence_end(i - 2));
    (np.end - np.start == 1 || person)
        && np.kind == MentionKind::Name
        && i > 0
        && (subordinate || cx.punct(i - 1) == Some(','))
        && (subordinate || {
            let mut s0 = i - 1;
            while s0 > 0 && i - s0 < REACH && !cx.is_sentence_end(s0 - 1) {
                s0 -= 1;
            }
            (person || cx.is_one_of(s0, &INTROS))
                && (s0..i - 1).all(|k| cx.punct(k) != Some(',') && !matches!(cx.toks[k], Tok::Quote(_)))
        })
        && cx.word(np.end).is_some_and(|w| w.starts_with(char::is_lowercase))
        && !cx.has(np.end, class::CUE | if sure { 0 } else { class::STOP })
        && !cx.is_one_of(np.end, &NOT_A_VERB)
        && !cx.has(np.start, class::PLACE | class::TIME | class::ORG)
        && !cx.possessive(np.end - 1)
}

/// "a banker", "one senior banker", "another banker" at token `i`: the head
/// of a description introduced as nobody in particular, which ends before a
/// verb or adverb after it ("one banker closely involved in").
fn notice_anonymous<'a>(cx: &Ctx<'_, 'a>, i: usize, mem: &mut Memory<'a>) {
    let verb = |j: usize| {
        cx.adverb_ly(j) || cx.has(j, LOWER) && cx.word(j).is_some_and(|w| w.ends_with("ed") || w.ends_with("ing"))
    };
    let mut j = i + 1;
    while j < i + 5
        && cx.is_word(j)
        && !cx.has(j, class::STOP | class::CUE)
        && !(j > i + 1 && verb(j) && !cx.adverb_ly(j - 1))
    {
        j += 1;
    }
    if let Some(head) = cx.word(j - 1).filter(|_| j > i + 1) {
        // "X posted a statement": a new paper, whose issuer is not the
        // last one's.
        // (Not "said in a statement", "according to a statement": the
        // paper of the one who spoke.)
        if PAPERS.iter().any(|p| p.eq_ignore_ascii_case(head)) && !(i > 0 && cx.is(i - 1, &["in", "to"])) {
            mem.paper = None;
        }
        if mem.anonymous.capacity() == 0 {
            mem.anonymous.reserve(ROOM);
        }
        if mem.anonymous.len() < 256 {
            mem.anonymous.insert(lower(head));
        }
    }
}
