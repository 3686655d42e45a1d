//! The memory: who the article has named so far, who is in focus, and the
//! bodies and acronyms it has met, with the lookups resolution asks of them.

use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

use crate::Span;
use crate::article::{MentionKind, Speaker};
use crate::lexicon::{Sex, sex_of};

use super::hash::WordHash;
use super::lists::Words;
use super::text::{
    abbreviated_from, bare, ends_with_words, one_line, outside, owner, span_in, suffix_word, surname, without_article,
};

/// Someone the article introduced by name, with a title if printed.
#[derive(Clone, Copy, Debug)]
pub(super) struct Entity<'a> {
    pub(super) name: &'a str,
    pub(super) title: Option<&'a str>,
}

/// A speaker a later mention may refer to.
#[derive(Clone, Debug)]
pub(super) struct Focus<'a> {
    pub(super) name: Cow<'a, str>,
    pub(super) title: Option<Cow<'a, str>>,
    /// Where they were named: a later mention's antecedent.
    pub(super) at: Option<Span>,
}

impl Focus<'_> {
    /// The sex the title or the first name tells: the title's last telling
    /// word first ("the company's spokeswoman", "Mrs"), then the name's first
    /// ("Sangeeta Ryan"; never the surname). Worked out only for "he" and
    /// "she", which are rarer than the people met.
    pub(super) fn sex(&self) -> Option<Sex> {
        self.title
            .as_deref()
            .and_then(|t| t.split_whitespace().rev().find_map(sex_of))
            .or_else(|| self.name.split_whitespace().next().and_then(sex_of))
    }
}

/// A one-hash filter of surnames, a bit of 64 by length and first and last
/// bytes, for [`Memory::surnames`].
fn surname_bit(word: &str) -> u64 {
    let b = word.as_bytes();
    let (first, last) = (b.first().copied().unwrap_or(0), b.last().copied().unwrap_or(0));
    1 << ((b.len() ^ usize::from(first) ^ usize::from(last) << 3) & 63)
}

/// Room for an article's people in the memory's tables from the first: a
/// table grown a step at a time is hashed again at each step.
pub(super) const ROOM: usize = 16;

/// What the article has said so far about who is speaking.
#[derive(Default)]
pub(super) struct Memory<'a> {
    /// People introduced by name, fullest form first met.
    pub(super) entities: Vec<Entity<'a>>,
    /// Index into `entities` by last word (surname).
    by_surname: HashMap<&'a str, usize, WordHash>,
    /// The [`surname_bit`]s of the keys of `by_surname`: most words looked
    /// up are no surname met, and a clear bit tells so without hashing.
    surnames: u64,
    /// The last person in focus ("he", "she", "the minister").
    pub(super) person: Option<Focus<'a>>,
    /// The last few people in focus, the latest last: "she" passes over a
    /// man in focus to the latest woman.
    pub(super) people: Vec<Focus<'a>>,
    /// The last speaker of any kind ("they", "it").
    pub(super) any: Option<Focus<'a>>,
    /// Heads of descriptions introduced as nobody in particular ("an
    /// investigator"): "the investigator" is then no one named.
    /// Lower case: borrowed as printed, almost always.
    pub(super) anonymous: HashSet<Cow<'a, str>, WordHash>,
    /// The last company or body named as a sentence's subject ("Velmar
    /// has ..."), for "the company said".
    pub(super) org: Option<&'a str>,
    /// A lone name opening a sentence as the subject of a verb ("Berg
    /// opened the talks", "Anna told the crowd"), met since the last person
    /// turned to: a later "he" or "she" with no one else newer means them.
    pub(super) lone: Option<&'a str>,
    /// Acronyms introduced after a name: "International Red Cross (IRC)".
    pub(super) aliases: HashMap<&'a str, &'a str, WordHash>,
    /// The first paper given a body named by its proper name as issuer
    /// ("the report" for the National Audit Office), its head word and
    /// issuer: "the report" again is theirs, until a new paper is met ("X
    /// posted a statement").
    pub(super) paper: Option<(&'a str, Focus<'a>)>,
    /// Organisations named so far, as printed ("US Southern Command"), for
    /// an acronym made of their words ("SOUTHCOM"); the first few only.
    orgs: Vec<&'a str>,
    /// Bodies someone heads ("president of Fish Vision"), no person.
    headed: Vec<&'a str>,
    /// Whether [`any`](Self::any) is a body, a group or people in the
    /// plural: no one "he" or "she" may mean.
    pub(super) any_is_body: bool,
}

impl<'a> Memory<'a> {
    /// Moves the focus to the speaker `s`, named at `at`.
    pub(super) fn attend(&mut self, s: &Speaker<'a>, at: Option<Span>, person: bool) {
        let Some(name) = &s.name else { return };
        let f = Focus { name: name.clone(), title: s.title.clone(), at };
        // A month or a place the lexicon knows is no one "he" may mean
        // ("last April", "Poland has been").
        let thing = || {
            !name.contains(char::is_whitespace)
                && crate::lexicon::classes_of(name.as_bytes())
                    & (crate::lexicon::class::TIME | crate::lexicon::class::PLACE)
                    != 0
        };
        // A body, a group or people in the plural is no one "he" or "she"
        // may mean ("police said", "some analysts predict", "its
        // authority").
        self.any_is_body = match s.kind {
            crate::MentionKind::Organisation | crate::MentionKind::Group => true,
            // A quotation carried from a body or a group ("some analysts
            // predicting ...: "Q"") is still theirs.
            crate::MentionKind::Carried if self.any.as_ref().is_some_and(|a| a.name == *name) => self.any_is_body,
            crate::MentionKind::Description => {
                let last = name.rsplit(' ').next().unwrap_or("");
                name.starts_with("its ")
                    || last.len() > 3 && last.ends_with('s') && !last.ends_with("ss") && !last.ends_with("'s")
            }
            _ => false,
        };
        if person && !thing() && !self.any_is_body {
            self.lone = None;
            self.people.retain(|p| p.name != f.name);
            if self.people.len() == 8 {
                self.people.remove(0);
            }
            self.people.push(f.clone());
            self.person = Some(f.clone());
        }
        self.any = Some(f);
    }

    /// Registers a name met anywhere, so a later surname resolves to it.
    pub(super) fn meet(&mut self, name: &'a str, title: Option<&'a str>) {
        self.meet_as(name, surname(name), title);
    }

    /// [`Memory::meet`], the surname `last` of `name` known already; returns
    /// the index of the person in `entities` (`by_surname[last]` now).
    pub(super) fn meet_as(&mut self, name: &'a str, last: &'a str, title: Option<&'a str>) -> usize {
        if self.by_surname.capacity() == 0 {
            self.by_surname.reserve(ROOM);
        }
        self.surnames |= surname_bit(last);
        let new = self.entities.len();
        let at = match self.by_surname.entry(last) {
            Entry::Occupied(mut o) => {
                let e = &mut self.entities[*o.get()];
                // "Lavrov" after "Sergey Lavrov": the same person (most often
                // met again as printed before, or printed at the end of it).
                if e.name == name || suffix_word(e.name, name) || ends_with_words(e.name, name) {
                    return *o.get();
                }
                // "Sergey Lavrov" after "Lavrov": the fuller name.
                if suffix_word(name, e.name) || ends_with_words(name, e.name) {
                    *e = Entity { name, title: title.or(e.title) };
                    return *o.get();
                }
                // "Anna Gabbett" after "Maria Gabbett": someone else; a lone
                // "Gabbett" means the latest of them.
                o.insert(new);
                new
            }
            Entry::Vacant(v) => *v.insert(new),
        };
        self.entities.push(Entity { name, title });
        at
    }

    /// The person whose surname is `word`, if one was named.
    pub(super) fn by_surname(&self, word: &str) -> Option<Entity<'a>> {
        let word = bare(word);
        if self.surnames & surname_bit(word) == 0 {
            return None;
        }
        self.by_surname.get(word).map(|&i| self.entities[i])
    }

    pub(super) fn knows(&self, word: &str) -> bool {
        let word = bare(word);
        self.surnames & surname_bit(word) != 0 && self.by_surname.contains_key(word)
    }

    /// The person named in full before whose surname `word` misspells by
    /// one letter, the first letter kept ("Koronolli" for "Koronelli"); six
    /// letters at least, the latest few people only.
    pub(super) fn misspelt(&self, word: &str) -> Option<Entity<'a>> {
        let first = word.chars().next()?;
        let len = word.chars().count();
        if len < 5 || !first.is_uppercase() {
            return None;
        }
        self.entities.iter().rev().take(32).copied().find(|e| {
            let last = surname(e.name);
            if !last.starts_with(first) || last.len().abs_diff(word.len()) > 4 {
                return false;
            }
            let n = last.chars().count();
            e.name.contains(char::is_whitespace)
                && (n == len && len >= 6 && last.chars().zip(word.chars()).filter(|(a, b)| a != b).count() == 1
                    || n.abs_diff(len) == 1 && n.max(len) >= 6 && one_letter_more(last, word))
        })
    }

    /// The person named in full before whose name `name` holds glued to a
    /// word before or after it ("ComradeKim Jong Unreceived"); the latest
    /// few people only.
    pub(super) fn glued(&self, name: &str) -> Option<Entity<'a>> {
        let glued_at = |at: usize, len: usize| {
            let letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
            letter(name[..at].chars().next_back()) || letter(name[at + len..].chars().next())
        };
        if name.len() > 128 {
            return None;
        }
        self.entities
            .iter()
            .rev()
            .take(32)
            .copied()
            .find(|e| {
                e.name.len() < name.len()
                && e.name.contains(char::is_whitespace)
                // (Where its first byte stands nowhere it could start, the
                // name is not held: no searcher need be built.)
                && name.as_bytes()[..=name.len() - e.name.len()].contains(&e.name.as_bytes()[0])
                && name.match_indices(e.name).any(|(at, _)| glued_at(at, e.name.len()))
            })
            .or_else(|| self.surname_glued(name))
    }

    /// The person named in full before whose surname `word` opens, glued to
    /// a word the lexicon knows ("Dhillonrecently" after "Harmeet
    /// Dhillon"): a surname of four letters or more, the rest small ASCII
    /// letters ("Johnsons" is no glued "Johnson").
    fn surname_glued(&self, word: &str) -> Option<Entity<'a>> {
        if word.contains(char::is_whitespace) || !word.starts_with(char::is_uppercase) {
            return None;
        }
        self.entities.iter().rev().take(32).copied().find(|e| {
            let last = surname(e.name);
            let rest = word.strip_prefix(last).unwrap_or("");
            e.name.contains(char::is_whitespace)
                && last.len() >= 4
                && rest.len() >= 2
                && rest.bytes().all(|b| b.is_ascii_lowercase())
                && crate::lexicon::classes_of(rest.as_bytes()) != 0
        })
    }

    /// The person named in full before whose first name is `word`, a lone
    /// name whose surname no one has: "Anna" after "Anna Berg" (also "Lee"
    /// after "Lee Hsien Loong"), the latest of those who share it. Not a
    /// surname met ("Thomas" after "Bob Thomas" is Bob Thomas: asked only
    /// when no surname matches), nor a place. Two letters at least, names
    /// of three words at most, the latest few people only.
    pub(super) fn by_first_name(&self, word: &str) -> Option<Entity<'a>> {
        let word = bare(word);
        // A place is no one's first name ("Cuba" after a headline's "Cuba
        // Presses"); a person's name runs to three words ("Epstein" is not
        // the "Epstein Files Transparency Act").
        // ("Hu" after "Hu Jintao": a family name first, of two letters.)
        let b = word.as_bytes();
        if b.len() < 2
            || b.len() == 2 && !b[1].is_ascii_lowercase()
            || !word.starts_with(|c: char| c.is_uppercase())
            || word.contains(char::is_whitespace)
            || crate::lexicon::classes(word) & crate::lexicon::class::PLACE != 0
        {
            return None;
        }
        self.entities.iter().rev().take(32).copied().find(|e| {
            e.name.split_whitespace().count() <= 3
                && e.name.len() > word.len() + 1
                && e.name.starts_with(word)
                && e.name.as_bytes()[word.len()] == b' '
        })
    }

    /// Remembers an organisation's name for the acronyms of it.
    pub(super) fn met_org(&mut self, name: &'a str) {
        if self.orgs.len() < 64 && !self.orgs.contains(&name) {
            self.orgs.push(name);
        }
    }

    /// Remembers a body someone heads ("president of Fish Vision"); the
    /// first few only.
    pub(super) fn met_headed(&mut self, name: &'a str) {
        if self.headed.len() < 16 && !self.headed.contains(&name) {
            self.headed.push(name);
        }
    }

    /// Whether `name` is a body someone was said to head, as printed.
    pub(super) fn is_headed(&self, name: &'a str) -> bool {
        !self.headed.is_empty() && self.headed.contains(&name)
    }

    /// The organisation named before whose last word is `head` ("the
    /// Emergencies Ministry" for "the ministry"), the latest first.
    pub(super) fn org_by_head(&self, head: &str) -> Option<&'a str> {
        self.orgs.iter().rev().copied().find(|name| {
            name.contains(' ') && name.rsplit(' ').next().is_some_and(|last| last.eq_ignore_ascii_case(head))
        })
    }

    /// Whether the speaker in focus is a body named by its proper name
    /// ("the Russian Emergencies Ministry", not "her campaign"), not a
    /// person: the last speaker attended to is not the person in focus.
    pub(super) fn body_in_focus(&self) -> bool {
        self.any.as_ref().is_some_and(|a| {
            let bare = without_article(&a.name);
            bare.starts_with(char::is_uppercase) && self.person.as_ref().is_none_or(|p| p.name != a.name)
        })
    }

    /// The organisation named before whose words `acronym` abbreviates
    /// ("IRC", "SOUTHCOM"), the latest first.
    pub(super) fn expand(&self, acronym: &str) -> Option<&'a str> {
        self.orgs.iter().rev().copied().find(|name| abbreviates(acronym, name))
    }

    /// The organisation named before whose first word `word` clips ("the
    /// Fed" for "the Federal Reserve"): three letters or more, a capital
    /// first, half the word at most (not "Iran" for "the Iranian High
    /// Command"), the latest first.
    pub(super) fn clipped(&self, word: &str) -> Option<&'a str> {
        // (Not a place: "Australia" is no clip of "the Australian
        // government".)
        if self.orgs.is_empty() || word.len() < 3 || !word.starts_with(|c: char| c.is_ascii_uppercase()) {
            return None;
        }
        if word.contains(' ') || crate::lexicon::classes(word) & crate::lexicon::class::PLACE != 0 {
            return None;
        }
        self.orgs.iter().rev().copied().find(|name| {
            let bare = without_article(name);
            if !bare.starts_with(word) {
                return false;
            }
            let mut words = bare.split(' ');
            let first = words.next().unwrap_or("");
            // ("Olmert" clips no "Olmert's office".)
            words.next().is_some()
                && first.len() >= 2 * word.len()
                && first[word.len()..].bytes().all(|b| b.is_ascii_lowercase())
        })
    }
}

/// Whether one of `a` and `b` is the other with one letter more ("Hirsch"
/// and "Hirsh", "Behrmann" and "Berhrmann").
fn one_letter_more(a: &str, b: &str) -> bool {
    let (long, short) = if a.len() > b.len() { (a, b) } else { (b, a) };
    // Where they part (the same byte in both: the text before is the
    // same), and the letter of the longer there.
    let at = long.char_indices().zip(short.chars()).find(|((_, x), y)| x != y).map_or(short.len(), |((k, _), _)| k);
    let extra = long[at..].chars().next().map_or(0, char::len_utf8);
    long.chars().count() == short.chars().count() + 1 && long[at + extra..] == short[at..]
}

/// Where the speaker `s` was named, for a later mention of them: the
/// `antecedent` their mention resolved to, else the mention.
pub(super) fn named_at(s: &Speaker<'_>, antecedent: Option<Span>) -> Option<Span> {
    antecedent.or_else(|| s.mention.as_ref().map(|m| m.span))
}

/// Whether `acronym`, three to twelve capitals, abbreviates the last words
/// of `name`: read in order, its letters are a prefix of each capitalised
/// word, one letter at least ("IRC": International Red Cross; "SOUTHCOM":
/// US Southern Command). Two words at least; "of", "the" and "and" are skipped.
fn abbreviates(acronym: &str, name: &str) -> bool {
    abbreviated_from(acronym, name).is_some()
}

/// Whether the speaker `s` is a body described, indefinite or owned, and
/// resolved to nothing: "a respected think-tank", "Iran's main opposition
/// group" ([`name_described_bodies`]).
pub(super) fn described_body(s: &Speaker<'_>) -> bool {
    const BODIES: Words = Words::new(&[
        "group",
        "think-tank",
        "thinktank",
        "panel",
        "organisation",
        "organization",
        "agency",
        "body",
        "commission",
        "committee",
        "council",
        "coalition",
        "movement",
        "association",
        "institute",
        "foundation",
        "charity",
        "watchdog",
    ]);
    let Some(m) = s.mention.as_ref().filter(|m| s.name.as_deref() == Some(m.as_str())) else { return false };
    let text = m.as_str();
    let first = text.split_whitespace().next().unwrap_or("");
    matches!(s.kind, MentionKind::Description | MentionKind::Organisation | MentionKind::Group)
        && (["a", "an"].iter().any(|a| a.eq_ignore_ascii_case(first)) || owner(first).is_some())
        && text.rsplit(' ').next().is_some_and(|h| BODIES.holds(h))
}

/// Names a body the article first describes ("a respected think-tank
/// warned", "Iran's main opposition group called") by the first body named
/// after that description, within the next few hundred bytes ("The Nordic
/// Sea Group said ..."), as wire copy names in its second sentence the body
/// its lead describes. Only a description of a body, indefinite or owned,
/// that resolved to nothing; quotations carried from it follow. Asked once
/// confidence is set: such a name is `medium` at most.
pub(super) fn name_described_bodies<'a>(src: &'a str, quotes: &mut [crate::Quotation<'a>], mem: &Memory<'a>) {
    // (The first few described bodies only: linear time on any input.)
    let mut named: [Option<(Cow<'a, str>, &'a str, Span)>; 4] = Default::default();
    let mut n = 0;
    for q in quotes.iter_mut() {
        let Some(s) = q.speaker.as_mut() else { continue };
        let Some(m) = s.mention.as_ref().filter(|_| described_body(s) && n < named.len()) else { continue };
        let (start, end) = (m.span.start, m.span.end);
        let orgs = || mem.orgs.iter().filter_map(|o| span_in(src, o).map(|at| (at, *o)));
        // Not a body named before, in full or short ("the Crisis Group"
        // after "the International Crisis Group").
        // A proper name ("the Nordic Sea Institute", not "the institute").
        let new = |o: &'a str| {
            without_article(o).starts_with(char::is_uppercase)
                && !orgs().any(|(at, e)| at.start < start && ends_with_words(e, without_article(o)))
        };
        let first =
            orgs().filter(|(at, o)| at.start >= end && at.start < end + 600 && new(o)).min_by_key(|(at, _)| at.start);
        // The fullest name printed there: "The National Council of
        // Resistance of Iran (NCRI)", not its first words.
        let after = first.map(|(f, o)| {
            orgs()
                .filter(|(at, _)| at.start >= f.start && at.start < f.end)
                .max_by_key(|(at, _)| at.end)
                .unwrap_or((f, o))
        });
        if let Some((at, org)) = after {
            named[n] = Some((s.name.clone().unwrap_or_default(), org, at));
            n += 1;
        }
    }
    if n == 0 {
        return;
    }
    for q in quotes.iter_mut() {
        let Some(s) = q.speaker.as_mut() else { continue };
        let Some((_, org, at)) = named[..n].iter().flatten().find(|(was, ..)| s.name.as_ref() == Some(was)) else {
            continue;
        };
        s.name = Some(one_line(org));
        if let Some(why) = q.attribution.as_mut() {
            why.antecedent = Some(*at);
            // A guess: never `high`.
            why.confidence = why.confidence.min(crate::Confidence::Medium);
        }
    }
}

/// Gives a lone surname the fullest name met anywhere in the article (a
/// headline's "says Lavrov" is resolved by the body's "Sergey Lavrov"), and
/// its evidence that name's span in `src`.
pub(super) fn complete_names<'a>(src: &'a str, quotes: &mut [crate::Quotation<'a>], mem: &Memory<'a>) {
    for q in quotes.iter_mut() {
        let Some(s) = q.speaker.as_mut() else { continue };
        let completed = if s.name.is_none() && s.kind == MentionKind::Pronoun {
            // "He said" before anyone is named: the first person named later
            // ("it" and "they" name no person).
            let personal =
                s.mention.as_ref().is_some_and(|m| !["it", "they"].iter().any(|p| p.eq_ignore_ascii_case(m.as_str())));
            if !personal {
                continue;
            }
            let Some(e) = mem.entities.iter().copied().find(|e| e.name.contains(char::is_whitespace)) else {
                continue;
            };
            s.name = Some(one_line(e.name));
            s.title = e.title.map(one_line);
            e
        } else {
            let Some(name) = &s.name else { continue };
            if name.contains(char::is_whitespace)
                || !matches!(s.kind, MentionKind::Name | MentionKind::Carried | MentionKind::Pronoun)
            {
                continue;
            }
            let Some(e) = mem.by_surname(name).or_else(|| mem.by_first_name(name)) else { continue };
            s.name = Some(one_line(e.name));
            if s.title.is_none() {
                s.title = e.title.map(one_line);
            }
            e
        };
        if let Some(why) = q.attribution.as_mut() {
            if let Some(at) = outside(span_in(src, completed.name), why.mention) {
                why.antecedent = Some(at);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_abbreviate_the_last_words_of_a_name() {
        assert!(abbreviates("IRC", "the International Red Cross"));
        assert!(abbreviates("SOUTHCOM", "US Southern Command"));
        assert!(abbreviates("USSOUTHCOM", "US Southern Command"));
        assert!(abbreviates("NATO", "the North Atlantic Treaty Organization"));
        // Every word to the last gives a letter, in order; two words at least.
        assert!(!abbreviates("SOUTH", "US Southern Command"));
        assert!(!abbreviates("CRI", "the International Red Cross"));
        assert!(!abbreviates("COM", "US Southern Command"));
        assert!(!abbreviates("AFP", "Agence France-Presse"));
        // Capitals only, three or more.
        assert!(!abbreviates("Irc", "the International Red Cross"));
        assert!(!abbreviates("UN", "United Nations"));
        // Where the words abbreviated begin, the most words taken.
        let name = "the Nordic Bank of Fisheries Credit";
        assert_eq!(abbreviated_from("NBFC", name).map(|at| &name[at..]), Some("Nordic Bank of Fisheries Credit"));
        assert_eq!(abbreviated_from("BFC", name).map(|at| &name[at..]), Some("Bank of Fisheries Credit"));
        assert_eq!(abbreviated_from("XBFC", name), None);
    }
}
