//! Mentions: the runs of tokens that may name a speaker (a name, a title,
//! a pronoun, a description), read forward from a token or back from one,
//! and what kind of mention each is.

use crate::article::MentionKind;
use crate::lexicon::{class, is_pronoun};

use super::context::{Ctx, Np};
use super::lists::{QUANTITIES, Words, is_noun_like};
use super::text::{abbreviated_from, owner};
use super::tokens::{CAP, LOWER};

/// Classes of a capitalised word that keep it out of a name run.
const NOT_A_NAME: u32 = class::CUE | class::DET | class::STOP | class::TIME | class::OPENER;

impl<'a> Ctx<'_, 'a> {
    /// A word that may stand in a name or title run.
    #[inline]
    fn name_word(&self, i: usize) -> bool {
        let f = self.f(i);
        if f & CAP != 0 {
            f & NOT_A_NAME == 0
                || f & class::TITLE != 0
                || f & class::TIME != 0 && self.month_surname(i)
                || f & class::STOP != 0 && self.first_name_will(i)
        } else {
            f & class::TITLE != 0 || f & (LOWER | class::CONNECTOR) == LOWER | class::CONNECTOR
        }
    }

    /// "said Will Amend", "Chair Will Scharf": a first name, not the verb
    /// (not in a headline's capitals: "DPRK Will Never Give").
    #[inline(never)]
    fn first_name_will(&self, i: usize) -> bool {
        self.word(i) == Some("Will")
            && self.f(i + 1) & (CAP | NOT_A_NAME) == CAP
            && (i == 0 || self.f(i - 1) & CAP == 0 || self.f(i - 1) & class::TITLE != 0)
    }

    /// "Theresa May", "Ann March": a month after a first name is a
    /// surname (not "Monday May 5", not "in May").
    pub(super) fn month_surname(&self, i: usize) -> bool {
        const MONTHS: Words = Words::new(&["may", "march", "april", "june", "july", "august"]);
        const NEVER: u32 = class::CUE | class::DET | class::STOP | class::TIME | class::OPENER | class::TITLE;
        i > 0
            && self.f(i) & CAP != 0
            && self.f(i - 1) & CAP != 0
            && self.f(i - 1) & NEVER == 0
            && self.is_one_of(i, &MONTHS)
            && !self.word(i + 1).is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
    }

    pub(super) fn classify(&self, start: usize, end: usize) -> MentionKind {
        // "the Economist Intelligence Unit's Mr Hensel": the head follows the
        // possessive.
        if let Some(k) = (start..end.saturating_sub(1)).rev().find(|&k| self.possessive(k)) {
            if k > start {
                return self.classify(k + 1, end);
            }
        }
        // "the Pentagon", "the White House"; but "the Dutchman", "the
        // Croatian", "the devout Shiite" (adjectives between).
        // (Asked only where it decides: most mentions are neither.)
        let demonym = || {
            (end - start == 2
                || end - start > 2 && self.has(start, class::THE) && (start + 1..end - 1).all(|k| self.has(k, LOWER)))
                && !self.has(end - 1, class::ORG)
                && {
                    let last = self.word(end - 1).unwrap_or("");
                    ["man", "ian", "ean", "ese", "ish", "an", "er", "ite"].iter().any(|x| last.ends_with(x))
                }
        };
        // (Not "the Rev. Donald Spitz": a title makes a person.)
        let all_caps_after_the = self.has(start, class::THE)
            && (start + 1..end).all(|i| self.cap(i) && !self.has(i, class::TITLE))
            && !demonym();
        if end - start == 1
            && (self.has(start, class::PRONOUN) && is_pronoun(self.word(start).unwrap_or(""))
                || self.lower_in(start, class::OBJECT))
        {
            MentionKind::Pronoun
        } else if self.has(end - 1, class::ORG) || all_caps_after_the && end - start > 1 {
            MentionKind::Organisation
        } else if self.has(end - 1, class::GROUP) {
            MentionKind::Group
        } else if self.cap(end - 1) && !self.has(end - 1, class::TITLE) && !(self.has(start, class::THE) && demonym()) {
            // Ends with a name: "Canada's coach Rune Aalto", "the UN forces
            // General Marta Ilic".
            MentionKind::Name
        } else {
            MentionKind::Description
        }
    }

    /// Whether token `j` continues a name run whose previous token is `j - 1`:
    /// name words, modifiers, "of" after a title ("Secretary of State"),
    /// "and" or "&" between names ("Sen. and Ferris confidant Ruth
    /// Calloway", "Marks & Spencer").
    // (Inlined: asked of most capitals, and of each word of a run.)
    #[inline]
    pub(super) fn continues_run(&self, j: usize) -> bool {
        self.name_word(j)
            || self.has(j, class::MODIFIER)
            || j > 0
                && self.name_word(j + 1)
                && (self.has(j, class::OF) && self.has(j - 1, class::TITLE)
                    || (self.has(j, class::AND) || self.punct(j) == Some('&')) && self.cap(j - 1)
                    || self.cap(j - 1) && self.occupation(j))
    }

    /// A lower-case noun that may stand before a name as its occupation
    /// ("accountant Jose Lopez", "Reagan confidant Paul Laxalt").
    pub(super) fn occupation(&self, j: usize) -> bool {
        // (A word opening with a small letter and all letters is `LOWER`:
        // that bit tells most words apart first.)
        self.has(j, LOWER)
            && !self.has(j, class::STOP | class::CUE)
            && self.word(j).is_some_and(|w| {
                w.starts_with(char::is_lowercase)
                && w.len() > 3
                && w.chars().all(char::is_alphabetic)
                // A verb is no occupation ("President Le Duc Anh opened
                // Vietnam's ...", "Incident involving NATO troops").
                && !w.ends_with("ed")
                && !w.ends_with("ing")
            })
    }

    /// The end of the name run starting at `i`, if it holds a capitalised word.
    fn run_forward(&self, i: usize) -> Option<usize> {
        let mut j = i;
        let opens =
            |j: usize| self.name_word(j) || self.has(j, class::MODIFIER) || self.occupation(j) && self.name_word(j + 1);
        while j < self.toks.len() && (j == i && opens(j) || j > i && self.continues_run(j)) {
            j += 1;
        }
        while j > i + 1 && self.lower_in(j - 1, class::CONNECTOR | class::MODIFIER) {
            j -= 1;
        }
        (j > i && (i..j).any(|k| self.cap(k))).then_some(j)
    }

    /// The start of the name run ending at `last`.
    fn run_backward(&self, last: usize, floor: usize) -> usize {
        let mut s = last;
        while s > floor
            && (self.continues_run(s - 1) || self.has(s - 1, class::OF | class::AND) && self.continues_run(s - 1))
        {
            s -= 1;
        }
        while s < last && (self.lower_in(s, class::CONNECTOR) || self.word(s).is_some_and(|w| w == "and" || w == "of"))
        {
            s += 1;
        }
        s
    }

    /// Whether a name mention looks like a person: two words or more, none
    /// of them a place word ("South Korea"), or a title before it.
    pub(super) fn is_person(&self, np: Np) -> bool {
        // The tests that read only the word classes first: most mentions
        // fail one of them.
        if np.kind != MentionKind::Name || !self.is_word(np.end - 1) || self.has(np.end - 1, class::TITLE) {
            return false;
        }
        // "Leningrad Region Governor Pavel Orlov": places may stand in the title.
        let name_from = (np.start..np.end).rev().find(|&i| self.has(i, class::TITLE)).map_or(np.start, |t| t + 1);
        if (name_from..np.end).any(|i| self.has(i, class::PLACE)) {
            return false;
        }
        let titled = name_from > np.start;
        let plain_run = |start: usize, end: usize| {
            (2..=4).contains(&(end - start))
                && !(start..end).any(|i| {
                    // (A word opening with a letter is `CAP` or `LOWER`.)
                    // ("Marks & Spencer", "Bradford & Bingley": a body.)
                    self.has(i, class::AND | class::OF)
                        || self.punct(i) == Some('&')
                        || !self.has(i, CAP | LOWER)
                            && self.word(i).is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
                })
        };
        // "Ben Crump and Lonita Baker": two people (the name given is the
        // last one's).
        let pair = |k: usize| self.word(k) == Some("and") && plain_run(np.start, k) && plain_run(k + 1, np.end);
        let plain = || plain_run(np.start, np.end) || (np.start + 2..np.end.saturating_sub(2)).any(pair);
        // "A YEAR, SAYS TREASURY": capitals alone are a headline, not a name.
        let shouted = || (name_from..np.end).all(|i| self.word(i).is_some_and(|w| !w.chars().any(char::is_lowercase)));
        // "AP Exclusive", "AFP Factcheck": an agency's label, in capitals
        // (not "Pa Socheatvong").
        let agency = || {
            self.word(name_from)
                .is_some_and(|w| w.bytes().all(|b| b.is_ascii_uppercase()) && crate::Agency::known(w).is_some())
        };
        (titled || plain()) && !self.institution(np) && !shouted() && !agency()
    }

    /// A description narrowed by what follows it, which brings in someone
    /// new: "The judge presiding over the divorce noted", "the man who".
    pub(super) fn restricted(&self, np: Np) -> bool {
        np.kind == MentionKind::Description
            && self.has(np.start, class::THE)
            && self.has(np.end, LOWER)
            && !self.cue_at(np.end)
            && self.word(np.end).is_some_and(|w| w == "who" || w.len() > 4 && w.ends_with("ing"))
            && !self.possessive(np.end - 1)
    }

    /// A name with a capitalised preposition inside, which no person's
    /// name has: "Reporters Without Borders", "Mothers Against Drunk Driving".
    pub(super) fn institution(&self, np: Np) -> bool {
        np.kind == MentionKind::Name
            && np.end - np.start >= 3
            && (np.start + 1..np.end - 1).any(|i| self.cap(i) && self.is(i, &["without", "against", "for", "beyond"]))
    }

    /// A mention starting at token `i`.
    pub(super) fn np_forward(&self, i: usize) -> Option<Np> {
        if !self.is_word(i) {
            return None;
        }
        // "her divorce attorney Amy Spain": "her" as a determiner.
        let owner = self.has(i, class::DET)
            && self.is_word(i + 1)
            && !self.has(i + 1, class::STOP | class::CUE | class::DET | class::PRONOUN | class::OBJECT);
        if self.has(i, class::PRONOUN) && self.word(i).is_some_and(is_pronoun)
            || self.f(i) & (LOWER | class::OBJECT) == LOWER | class::OBJECT && !owner
        {
            return Some(Np::new(i, i + 1, MentionKind::Pronoun));
        }
        let mut j = i;
        if self.has(i, class::DET) {
            j += 1;
            // "the Russian top diplomat": modifiers up to a noun; a verb
            // ("the angry crowd rushed to") ends it.
            let mut n = 0;
            loop {
                // "the rebels' foreign minister": the owner's apostrophe.
                if n > 0 && self.plural_possessive(j) {
                    j += 1;
                    continue;
                }
                if !(n < 6 && self.is_word(j) && !self.has(j, class::CUE | class::STOP)) {
                    break;
                }
                // A word with a determiner after it is a verb too ("the
                // government gave a ...").
                // So is a verb in the past tense ("The first American pope
                // spoke in English").
                const PAST: Words = Words::new(&[
                    "spoke", "went", "came", "took", "gave", "met", "sent", "held", "led", "won", "became", "began",
                    "brought", "kept", "saw", "stood", "made", "got", "ran", "fell", "wrote", "knew", "thought",
                    "felt",
                ]);
                let verb_like = n > 0
                    && (self.is_one_of(j, &PAST)
                        || self.word(j).is_some_and(|w| w.ends_with("ed") || w.ends_with("ing"))
                            && (self.word(j + 1).is_none() || self.has(j + 1, class::STOP | class::DET | class::TIME))
                        || self.has(j + 1, class::DET) && self.has(j, LOWER));
                if verb_like {
                    break;
                }
                j += 1;
                n += 1;
            }
            if n == 0 {
                return None;
            }
        } else if let Some(end) = self.run_forward(i) {
            j = end;
            // "U.S. officials": a group noun closes a capitalised run; so
            // does a body's word after a lone word that owns nothing
            // ("Israeli army", "Chinese military"; not "Trump's administration").
            let adjective = j == i + 1 && !self.possessive(i);
            if self.has(j, class::GROUP) || adjective && self.has(j, LOWER) && self.has(j, class::ORG) {
                j += 1;
            }
        } else if self.has(i, class::GROUP) {
            j += 1;
        } else if self.has(i, LOWER)
            && !self.has(i, class::STOP | class::CUE | class::TIME | class::ADVERB | class::OF | class::AND)
            && self.has(i + 1, class::GROUP)
            && self.has(i + 1, LOWER)
        {
            // "local residents said", "foreign analysts believe": a word
            // before a group noun.
            j += 2;
        } else {
            return None;
        }
        Some(Np::new(i, j, self.classify(i, j)))
    }

    /// A mention ending at token `end - 1`.
    pub(super) fn np_backward(&self, end: usize, floor: usize) -> Option<Np> {
        let last = end.checked_sub(1)?;
        if last < floor {
            return None;
        }
        let w = self.word(last)?;
        if self.has(last, class::PRONOUN) && is_pronoun(w) {
            return Some(Np::new(last, end, MentionKind::Pronoun));
        }
        if !(self.name_word(last) || self.has(last, class::GROUP) || is_noun_like(w, self.f(last))) {
            return None;
        }
        if owner(w).is_some() {
            return None; // "Castro's remarks": a possessive is no speaker
        }
        if self.name_word(last) && self.cap(last) {
            // A name or organisation: capitals, titles and connectors back to
            // the first; "the" before an organisation belongs to it.
            let mut s = self.run_backward(last, floor);
            if s > floor && self.has(s - 1, class::THE) {
                s -= 1;
            }
            return Some(Np::new(s, end, self.classify(s, end)));
        }
        // "a statement Friday", "the report last week": a mention ending
        // in a time word names no one.
        if self.has(last, class::TIME) {
            return None;
        }
        // A determiner within six words makes a description. So does an
        // owner (at `o`): its capitals and their determiner.
        let owner_start = |o: usize| {
            let mut s = if self.cap(o) { self.run_backward(o, floor) } else { o };
            if s > floor && self.has(s - 1, class::DET) {
                s -= 1;
            }
            s
        };
        let mut d = last;
        let mut found_det = None;
        while d > floor && last - d < 6 {
            d -= 1;
            match self.word(d) {
                Some(_) if self.has(d, class::DET) => {
                    found_det = Some(d);
                    break;
                }
                // "Kopp's stepmother", "Iran's top nuclear official": a named
                // owner determines it.
                Some(_) if self.cap(d) && self.possessive(d) => {
                    found_det = Some(owner_start(d));
                    break;
                }
                Some(_) if !self.has(d, class::CUE | class::STOP) => {}
                // "the rebels' spokesman": a plural owner determines it.
                None if self.plural_possessive(d) => {
                    found_det = Some(owner_start(d - 1));
                    break;
                }
                // "a string of former guerrillas", "dozens of residents": a
                // quantity of the people named after it.
                Some(_) if self.has(d, class::OF) && d > floor && self.is_one_of(d - 1, &QUANTITIES) => {
                    let q = d - 1;
                    found_det = Some(if q > floor && self.has(q - 1, class::DET) { q - 1 } else { q });
                    break;
                }
                _ => break,
            }
        }
        let start = match found_det {
            Some(d) => d,
            None => {
                if !(self.name_word(last) || self.has(last, class::GROUP)) {
                    return None;
                }
                let mut s = self.run_backward(last, floor);
                // "special forces", "angry protesters": an adjective or two.
                if s == last && !self.cap(last) {
                    while s > floor
                        && last - s < 2
                        && self.has(s - 1, LOWER)
                        && !self.has(s - 1, class::STOP | class::CUE | class::DET | class::ADVERB | class::PRONOUN)
                        && !self.adverb_ly(s - 1)
                        && !self.is(s - 1, &["what", "those", "these", "whose", "heard", "saw", "met", "told"])
                        && !self.word(s - 1).is_some_and(|w| w.ends_with("ed"))
                    {
                        s -= 1;
                    }
                }
                s
            }
        };
        Some(Np::new(start, end, self.classify(start, end)))
    }

    /// The name an acronym in parentheses at token `i` stands for, printed
    /// before it, and the token it opens at: "the Reserve Bank of India
    /// (RBI)", "the office of the UN High Commissioner for Refugees
    /// (UNHCR)". The capitalised words before the parenthesis, with "of",
    /// "for", "and", "in" or a comma between them (twelve tokens at most),
    /// from the first whose initial the acronym's initials fit, else those
    /// after the last comma, two words or more, when the first letters agree.
    pub(super) fn acronym_name(&self, i: usize) -> Option<(usize, &'a str)> {
        if !self.parenthesised_acronym(i) {
            return None;
        }
        let acronym = self.word(i)?;
        let end = i - 1;
        let mut s = end;
        let joins =
            |k: usize| self.has(k, LOWER) && self.is(k, &["of", "for", "and", "in", "on", "the", "de", "du", "des"]);
        // ("Radio, Film and Television": a comma between capitals.)
        let comma = |k: usize| k > 0 && self.punct(k) == Some(',') && self.cap(k - 1) && self.cap(k + 1);
        while s > 0 && end - s < 12 && (self.cap(s - 1) || joins(s - 1) || comma(s - 1)) {
            s -= 1;
        }
        // Not the words joining it to what comes before, nor "The" opening a
        // sentence.
        while s < end && (joins(s) || self.has(s, class::THE | class::DET)) {
            s += 1;
        }
        if end - s < 2 {
            return None;
        }
        let name = self.text(Np::new(s, end, MentionKind::Organisation));
        match abbreviated_from(acronym, name) {
            Some(at) => Some((s, &name[at..])),
            // (After a comma, if any: "Smith, Northern Ferry Union (NFU)".)
            None => {
                let name = name.rsplit(", ").next().unwrap_or(name);
                (name.starts_with(&acronym[..1]) && name.contains(' ')).then_some((s, name))
            }
        }
    }

    /// A body's name opening at token `i`: capitals, joined by "of", "for",
    /// "and" or "the" ("Justice for Democracy", "Friends of the Earth");
    /// ten tokens at most.
    pub(super) fn body_name_forward(&self, i: usize) -> Option<Np> {
        let joins = |k: usize| self.has(k, LOWER) && self.is(k, &["of", "for", "and", "the"]);
        let mut j = i;
        while j < self.toks.len() && j - i < 10 && (self.cap(j) || j > i && joins(j)) {
            j += 1;
        }
        while j > i && joins(j - 1) {
            j -= 1;
        }
        (j > i && !self.has(i, class::DET | class::PRONOUN)).then(|| Np::new(i, j, MentionKind::Organisation))
    }

    /// Whether token `i` is an acronym in parentheses: "(RBI)", "(UNHCR)".
    pub(super) fn parenthesised_acronym(&self, i: usize) -> bool {
        i > 0
            && self.punct(i - 1) == Some('(')
            && self.punct(i + 1) == Some(')')
            && self.word(i).is_some_and(|w| (2..=12).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase()))
    }

    /// A lower-case word in "-ly" that can stand between a subject and its
    /// cue ("bluntly", "angrily"), not an adjective the lexicon knows.
    pub(super) fn adverb_ly(&self, i: usize) -> bool {
        self.has(i, LOWER)
            && self.f(i) & !(LOWER | CAP) == 0
            && self
                .word(i)
                .is_some_and(|w| w.len() > 4 && w.ends_with("ly") && w.bytes().all(|b| b.is_ascii_lowercase()))
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;
    use crate::Span;

    /// `f` of the context of `src` tokenized whole, and its token count.
    fn whole<R>(src: &str, f: impl FnOnce(&Ctx<'_, '_>, usize) -> R) -> R {
        let t = tokenize(src, Span::new(0, src.len()), &[]);
        f(&Ctx::new(src, &t.toks, &t.flags, &[], false), t.toks.len())
    }

    #[test]
    fn people_are_told_from_agency_labels_and_places() {
        let person = |src: &str| whole(src, |cx, n| cx.is_person(Np::new(0, n, MentionKind::Name)));
        assert!(person("Ann Banks"));
        assert!(person("Pa Socheatvong"));
        assert!(!person("U.S. Banks"));
        assert!(!person("AP Exclusive"));
        assert!(!person("South Korea"));
    }

    #[test]
    fn the_before_capitals_is_a_body_unless_a_title_stands_there() {
        let kind = |src: &str| whole(src, |cx, n| cx.classify(0, n));
        assert_eq!(kind("the White House"), MentionKind::Organisation);
        assert_eq!(kind("the Rev. Donald Spitz"), MentionKind::Name);
        assert_eq!(kind("the U.S. Deputy Ambassador Peter Burleigh"), MentionKind::Name);
    }
}
