//! Word lists kept as data: month names, cue verbs, titles, places.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// Month names and abbreviations, English first, with a few French and
/// German forms met in agency copy.
pub(crate) const MONTHS: &[(&str, u32)] = &[
    ("January", 1),
    ("Jan", 1),
    ("February", 2),
    ("Feb", 2),
    ("March", 3),
    ("Mar", 3),
    ("April", 4),
    ("Apr", 4),
    ("May", 5),
    ("June", 6),
    ("Jun", 6),
    ("July", 7),
    ("Jul", 7),
    ("August", 8),
    ("Aug", 8),
    ("September", 9),
    ("Sept", 9),
    ("Sep", 9),
    ("October", 10),
    ("Oct", 10),
    ("November", 11),
    ("Nov", 11),
    ("December", 12),
    ("Dec", 12),
    ("janvier", 1),
    ("janv", 1),
    ("février", 2),
    ("févr", 2),
    ("mars", 3),
    ("avril", 4),
    ("avr", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("juil", 7),
    ("août", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("déc", 12),
    ("Januar", 1),
    ("Februar", 2),
    ("März", 3),
    ("Juni", 6),
    ("Juli", 7),
    ("Oktober", 10),
    ("Dezember", 12),
];

/// The full English name of month `n` (1 to 12): the first entry for it in
/// [`MONTHS`].
pub(crate) fn month_name(n: u32) -> Option<&'static str> {
    MONTHS.iter().find(|&&(_, m)| m == n).map(|&(name, _)| name)
}

/// Whether `word` is a whole line that ends a story ("Reuter", "-0-", "(END)").
pub(crate) fn is_end_mark(word: &str) -> bool {
    const MARKS: &[&str] = &[
        "reuter", "reuters", "-0-", "(end)", "end", "###", "#", "-30-", "30", "enditem", "end item", "(ends)", "ends",
        "--30--", "xxx", "nnnn", "(more)", "more", "___", "---", "-- 30 --", "(endit)", "endit",
    ];
    let w = word.trim().trim_end_matches('=').trim();
    MARKS.iter().any(|m| m.eq_ignore_ascii_case(w))
}

/// Word classes, as bits: one lookup gives them all.
pub(crate) mod class {
    /// A reporting word: "said", "told", "according".
    pub const CUE: u32 = 1;
    /// A reporting word of indirect speech: "said", "added", "warned".
    pub const STRONG: u32 = 1 << 1;
    /// A title or role: "minister", "spokesman", "coach".
    pub const TITLE: u32 = 1 << 2;
    /// A plural naming a group of speakers: "officials".
    pub const GROUP: u32 = 1 << 3;
    /// The last word of an organisation's name: "Ministry".
    pub const ORG: u32 = 1 << 4;
    /// A word that makes a capitalised phrase a place: "Korea".
    pub const PLACE: u32 = 1 << 5;
    /// A personal pronoun: "he", "they".
    pub const PRONOUN: u32 = 1 << 6;
    /// A word that ends a noun phrase: "of", "who", "was".
    pub const STOP: u32 = 1 << 7;
    /// A day, a month, a time: "Tuesday", "yesterday".
    pub const TIME: u32 = 1 << 8;
    /// A determiner: "the", "a", "his".
    pub const DET: u32 = 1 << 9;
    /// A word that opens sentences and never names: "However".
    pub const OPENER: u32 = 1 << 10;
    /// A particle inside names: "bin", "de", "van".
    pub const CONNECTOR: u32 = 1 << 11;
    /// A modifier before a title: "former", "acting".
    pub const MODIFIER: u32 = 1 << 12;
    /// A word between a subject and its cue: "also", "has".
    pub const ADVERB: u32 = 1 << 13;
    /// An object pronoun: "him", "them".
    pub const OBJECT: u32 = 1 << 14;
}

/// Personal pronouns that can report speech.
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];
/// Reporting words of indirect speech.
const STRONG: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "tell",
    "added",
    "adds",
    "stressed",
    "stresses",
    "noted",
    "notes",
    "warned",
    "warns",
    "explained",
    "insisted",
    "declared",
    "announced",
    "emphasized",
    "emphasised",
    "stated",
    "claimed",
    "argued",
    "according",
    "wrote",
    "writes",
    "saying",
    "adding",
    "urged",
    "underlined",
    "pointed",
];
/// Words that end a noun phrase.
const STOP: &[&str] = &[
    "of", "for", "in", "on", "at", "to", "from", "by", "with", "about", "after", "before", "during", "when", "who",
    "which", "that", "and", "or", "but", "as", "while", "is", "was", "are", "were", "has", "had", "have", "will",
    "would", "could", "should", "may", "might", "can", "not", "it", "he", "she", "they", "we", "i", "also", "if",
    "because", "than", "there", "where", "said", "says",
];
/// Days, months and other time words ("on Tuesday said").
const TIME: &[&str] = &[
    "day",
    "eve",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tonight",
    "tomorrow",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "feb.",
    "aug.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
    "week",
    "weekend",
    "morning",
    "afternoon",
    "evening",
    "night",
    "month",
    "year",
];
const DETERMINERS: &[&str] =
    &["the", "a", "an", "his", "her", "its", "their", "our", "one", "another", "some", "many", "several"];
/// Capitalised words that open sentences, never names.
const SENTENCE_OPENERS: &[&str] = &[
    "however",
    "meanwhile",
    "but",
    "and",
    "so",
    "yet",
    "still",
    "then",
    "now",
    "earlier",
    "later",
    "back",
    "these",
    "those",
    "this",
    "here",
    "there",
    "asked",
    "even",
    "speaking",
    "according",
    "although",
    "though",
    "since",
    "until",
    "under",
    "over",
    "despite",
    "amid",
    "instead",
    "indeed",
    "thus",
    "moreover",
];
const CONNECTORS: &[&str] =
    &["bin", "ibn", "al", "al-", "de", "da", "di", "del", "der", "van", "von", "la", "le", "du", "dos", "el"];
/// Lower-case words that may open a name run: "former Sen. Ruth Calloway".
const MODIFIERS: &[&str] =
    &["former", "late", "veteran", "senior", "acting", "top", "then", "chief", "retired", "outgoing"];
/// Words that may stand between a subject and its cue ("he also said").
const ADVERBS: &[&str] = &[
    "also",
    "later",
    "earlier",
    "then",
    "further",
    "again",
    "previously",
    "recently",
    "once",
    "repeatedly",
    "reportedly",
    "has",
    "had",
    "have",
    "was",
    "is",
    "would",
    "will",
    "had",
    "once",
    "separately",
    "simply",
    "just",
    "quickly",
    "flatly",
    "bluntly",
    "openly",
    "publicly",
    "privately",
    "frequently",
    "often",
];
/// Pronouns after "according to".
const OBJECT_PRONOUNS: &[&str] = &["him", "her", "them", "us", "me"];

/// A small, fast hasher for short ASCII keys (FxHash's multiply-rotate).
#[derive(Default)]
struct Fx(u64);

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let word = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
}

type Classes = HashMap<&'static [u8], u32, BuildHasherDefault<Fx>>;

fn data_words(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn table() -> &'static Classes {
    static TABLE: OnceLock<Classes> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Classes::default();
        let mut add = |words: &mut dyn Iterator<Item = &'static str>, bit: u32| {
            for w in words {
                *t.entry(w.as_bytes()).or_default() |= bit;
            }
        };
        add(&mut data_words(include_str!("cues.txt")), class::CUE);
        add(&mut data_words(include_str!("titles.txt")), class::TITLE);
        add(&mut data_words(include_str!("groups.txt")), class::GROUP);
        add(&mut data_words(include_str!("orgs.txt")), class::ORG);
        add(&mut data_words(include_str!("places.txt")), class::PLACE);
        for (words, bit) in [
            (STRONG, class::STRONG | class::CUE),
            (PRONOUNS, class::PRONOUN),
            (STOP, class::STOP),
            (TIME, class::TIME),
            (DETERMINERS, class::DET),
            (SENTENCE_OPENERS, class::OPENER),
            (CONNECTORS, class::CONNECTOR),
            (MODIFIERS, class::MODIFIER),
            (ADVERBS, class::ADVERB),
            (OBJECT_PRONOUNS, class::OBJECT),
        ] {
            add(&mut words.iter().copied(), bit);
        }
        t
    })
}

/// The classes of `word`, in any case: one lookup, no allocation.
pub(crate) fn classes(word: &str) -> u32 {
    const LONGEST: usize = 24;
    let b = word.as_bytes();
    if b.is_empty() || b.len() > LONGEST {
        return 0;
    }
    let mut buf = [0u8; LONGEST];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    table().get(&buf[..b.len()]).copied().unwrap_or(0)
}

/// Whether `word` is a reporting word ("said", "told", "according").
pub(crate) fn is_cue(word: &str) -> bool {
    classes(word) & class::CUE != 0
}

/// Whether `word` is a title or role ("minister", "spokesman", "coach").
pub(crate) fn is_title(word: &str) -> bool {
    classes(word) & class::TITLE != 0
}

/// Whether `word` names a group of speakers ("officials", "protesters").
pub(crate) fn is_group(word: &str) -> bool {
    classes(word) & class::GROUP != 0
}

/// Whether `word` ends an organisation's name ("Ministry", "Party").
pub(crate) fn is_org_head(word: &str) -> bool {
    classes(word) & class::ORG != 0
}

/// Whether `word` reports indirect speech wherever it stands ("said").
pub(crate) fn is_strong_cue(word: &str) -> bool {
    classes(word) & class::STRONG != 0
}

/// Whether `word` ends a noun phrase ("of", "who", "was").
pub(crate) fn is_stop(word: &str) -> bool {
    classes(word) & class::STOP != 0
}

/// Whether `word` is a personal pronoun that can report speech: "He" and
/// "he", "I"; never "US" or "IT".
pub(crate) fn is_pronoun(word: &str) -> bool {
    let shape_ok = word == "I" || word.chars().skip(1).all(|c| c.is_lowercase());
    shape_ok && classes(word) & class::PRONOUN != 0
}
