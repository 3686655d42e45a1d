//! Word lists kept as data: month names, cue verbs, titles, places.

use std::sync::OnceLock;

/// Month names and abbreviations, English first, with French, German,
/// Italian, Spanish and Croatian forms met in agency copy.
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
    // Italian
    ("gennaio", 1),
    ("febbraio", 2),
    ("marzo", 3),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("agosto", 8),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    // Spanish
    ("enero", 1),
    ("febrero", 2),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    // Croatian, in the genitive of a date ("26. travnja")
    ("siječnja", 1),
    ("veljače", 2),
    ("ožujka", 3),
    ("travnja", 4),
    ("svibnja", 5),
    ("lipnja", 6),
    ("srpnja", 7),
    ("kolovoza", 8),
    ("rujna", 9),
    ("listopada", 10),
    ("studenoga", 11),
    ("prosinca", 12),
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
    // "REUTER...", and the cut-off "REUTE" of archived copy.
    let w = word.trim().trim_end_matches('=').trim();
    let w = if w.len() > 4 { w.trim_end_matches('.') } else { w };
    MARKS.iter().any(|m| m.eq_ignore_ascii_case(w)) || w.eq_ignore_ascii_case("reute")
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
    /// "the", in any case: asked of most words, so a bit of its own.
    pub const THE: u32 = 1 << 15;
    /// "a", "an", "one" or "another": someone not named ("one banker").
    pub const A: u32 = 1 << 16;
    /// "of".
    pub const OF: u32 = 1 << 17;
    /// "and".
    pub const AND: u32 = 1 << 18;
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
    "because", "than", "there", "where", "said", "says", "over", "under", "into", "through", "across", "among",
    "behind", "near",
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
    "like",
    "unlike",
    "besides",
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

/// The longest word the table holds, in bytes.
const LONGEST: usize = 24;

/// A word as the table keys it: lower-cased ASCII, zero-padded to three
/// little-endian `u64`s, so a probe compares three integers, not strings.
type Key = [u64; 3];

/// One slot of the table; an all-zero key is an empty slot (no word is empty).
#[derive(Clone, Copy, Default)]
struct Slot {
    key: Key,
    bits: u32,
}

/// Every word list in one open-addressed table: a lookup is one hash of
/// three integers and, almost always, one probe.
struct Table {
    slots: Box<[Slot]>,
    /// `64 - log2(slots.len())`: a hash shifted right by it is a slot.
    shift: u32,
    /// `slots.len() - 1`.
    mask: usize,
}

/// Sets bit 5 of every byte that is an ASCII capital (`A`..=`Z`), eight
/// bytes at a time; other bytes are unchanged.
fn lower8(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    let seven = x & !HIGH;
    // High bit set where the low seven bits are at least 'A', at least '['.
    let from_a = seven + ONES * (0x80 - u64::from(b'A'));
    let past_z = seven + ONES * (0x80 - u64::from(b'['));
    let upper = from_a & !past_z & !x & HIGH;
    x | upper >> 2
}

/// The key of `word`, or `None` when it is empty or longer than [`LONGEST`].
fn key(word: &[u8]) -> Option<Key> {
    if word.is_empty() || word.len() > LONGEST {
        return None;
    }
    let mut k = [0u64; 3];
    for (slot, chunk) in k.iter_mut().zip(word.chunks(8)) {
        // Zero-padded to eight bytes and read as one integer: the same as
        // shifting each byte into place, in fewer steps.
        let mut w = [0u8; 8];
        w[..chunk.len()].copy_from_slice(chunk);
        *slot = lower8(u64::from_le_bytes(w));
    }
    Some(k)
}

/// The key of `bytes[start..end]`, read as whole little-endian words (and
/// masked) when the bytes after the word allow it, else byte by byte.
#[inline(always)]
fn key_at(bytes: &[u8], start: usize, end: usize) -> Option<Key> {
    key_and_capitals_at(bytes, start, end).map(|(k, _)| k)
}

/// [`key_at`], and whether an ASCII capital stands at the word's fourth byte
/// or later: the lowering finds capitals anyway, so telling costs nothing.
#[inline(always)]
fn key_and_capitals_at(bytes: &[u8], start: usize, end: usize) -> Option<(Key, bool)> {
    let len = end.checked_sub(start)?;
    if len == 0 || len > LONGEST {
        return None;
    }
    let words = len.div_ceil(8);
    let Some(window) = bytes.get(start..start + 8 * words) else {
        let word = bytes.get(start..end)?;
        return key(word).map(|k| (k, word.iter().skip(3).any(u8::is_ascii_uppercase)));
    };
    // Word `c` of the window, keeping only the bytes of the word; lowering
    // changes exactly the capitals.
    let load = |c: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&window[8 * c..8 * c + 8]);
        let keep = (len - 8 * c).min(8);
        let raw = u64::from_le_bytes(w) & (u64::MAX >> (64 - 8 * keep));
        let lowered = lower8(raw);
        (lowered, lowered ^ raw)
    };
    // The first three bytes' capitals do not count.
    const SKIP: u64 = 0x00FF_FFFF;
    Some(match words {
        1 => {
            let (a, ca) = load(0);
            ([a, 0, 0], ca & !SKIP != 0)
        }
        2 => {
            let ((a, ca), (b, cb)) = (load(0), load(1));
            ([a, b, 0], ca & !SKIP | cb != 0)
        }
        _ => {
            let ((a, ca), (b, cb), (c, cc)) = (load(0), load(1), load(2));
            ([a, b, c], ca & !SKIP | cb | cc != 0)
        }
    })
}

/// The classes of `text[start..end]` ([`classes_at`]), and whether a capital
/// may stand at its fourth byte or later ("WhenKim"): always `true` for a
/// word too long to look up.
/// `lexicon` is [`Lexicon::get`]: fetched once, it serves many lookups.
/// The word is a token's: of ASCII, only letters, digits, '-', '\'' and '.'.
#[inline]
pub(crate) fn classes_and_capitals_at(lexicon: Lexicon, text: &str, start: usize, end: usize) -> (u32, bool) {
    let Lexicon(table) = lexicon;
    let bytes = text.as_bytes();
    // Most words are eight bytes or fewer, with eight bytes to read: their
    // key is one integer, the others zero.
    let len = end.wrapping_sub(start);
    if len.wrapping_sub(1) < 8 {
        if let Some(window) = bytes.get(start..start + 8) {
            let mut w = [0u8; 8];
            w.copy_from_slice(window);
            let keep = u64::MAX >> (64 - 8 * len);
            let raw = u64::from_le_bytes(w) & keep;
            // A word of the tokenizer's holds, of ASCII, only letters,
            // digits, '-', '\'' and '.': of these, bit 5 is clear in the
            // capitals alone, so setting it in every ASCII byte is `lower8`.
            const HIGH: u64 = 0x8080_8080_8080_8080;
            let a = (raw | (!raw & HIGH) >> 2) & keep;
            debug_assert_eq!(a, lower8(raw), "{:?}", &text[start..end]);
            // The first three bytes' capitals do not count.
            return (table.get_short(a), (a ^ raw) & !0x00FF_FFFF != 0);
        }
    }
    key_and_capitals_at(bytes, start, end).map_or((0, true), |(k, caps)| (table.get(&k), caps))
}

/// The word classes' table, for a loop of lookups to fetch once.
#[derive(Clone, Copy)]
pub(crate) struct Lexicon(&'static Table);

impl Lexicon {
    /// The table, built on first use.
    #[inline]
    pub(crate) fn get() -> Lexicon {
        Lexicon(table())
    }
}

impl Table {
    fn slot(&self, k: &Key) -> usize {
        let h = (k[0] ^ k[1].rotate_left(21) ^ k[2].rotate_left(42)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (h >> self.shift) as usize
    }

    #[inline(always)]
    fn get(&self, k: &Key) -> u32 {
        let mask = self.slots.len() - 1;
        let mut i = self.slot(k);
        loop {
            let s = &self.slots[i & mask];
            // The first integer first: it tells most words apart, and an
            // empty slot (no stored word opens with a zero byte).
            if s.key[0] == k[0] && s.key[1..] == k[1..] {
                return s.bits;
            }
            if s.key[0] == 0 {
                return 0;
            }
            i += 1;
        }
    }

    /// [`Table::get`] of the key `[a, 0, 0]`, a word of one to eight bytes.
    #[inline(always)]
    fn get_short(&self, a: u64) -> u32 {
        let mask = self.mask;
        // [`Table::slot`] of `[a, 0, 0]`.
        let mut i = (a.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize;
        loop {
            let s = &self.slots[i & mask];
            // A stored key of eight bytes or fewer has a zero second
            // integer, and so a zero third.
            if s.key[0] == a && s.key[1] == 0 {
                return s.bits;
            }
            if s.key[0] == 0 {
                return 0;
            }
            i += 1;
        }
    }

    fn add(&mut self, word: &str, bits: u32) {
        let Some(k) = key(word.as_bytes()) else { return };
        // `get` takes a zero first integer for an empty slot.
        debug_assert_ne!(k[0] & 0xFF, 0, "{word:?}");
        let mask = self.slots.len() - 1;
        let mut i = self.slot(&k);
        while self.slots[i].key != [0; 3] && self.slots[i].key != k {
            i = (i + 1) & mask;
        }
        self.slots[i].key = k;
        self.slots[i].bits |= bits;
    }
}

fn data_words(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let lists: [(&mut dyn Iterator<Item = &'static str>, u32); 5] = [
            (&mut data_words(include_str!("cues.txt")), class::CUE),
            (&mut data_words(include_str!("titles.txt")), class::TITLE),
            (&mut data_words(include_str!("groups.txt")), class::GROUP),
            (&mut data_words(include_str!("orgs.txt")), class::ORG),
            (&mut data_words(include_str!("places.txt")), class::PLACE),
        ];
        let consts = [
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
            (&["the"], class::THE),
            (&["a", "an", "one", "another"], class::A),
            (&["of"], class::OF),
            (&["and"], class::AND),
        ];
        let mut words: Vec<(&'static str, u32)> = Vec::new();
        for (list, bit) in lists {
            words.extend(list.map(|w| (w, bit)));
        }
        for (list, bit) in consts {
            words.extend(list.iter().map(|&w| (w, bit)));
        }
        Table::new(&words)
    })
}

impl Table {
    /// A table of `words`, each with its bits (a word listed twice has both).
    fn new(words: &[(&str, u32)]) -> Table {
        // At most a quarter full, so probes stay short.
        let size = (words.len() * 4).next_power_of_two();
        let mut t = Table {
            slots: vec![Slot::default(); size].into_boxed_slice(),
            shift: 64 - size.trailing_zeros(),
            mask: size - 1,
        };
        for &(w, bit) in words {
            t.add(w, bit);
        }
        t
    }
}

/// The classes of `word`, in any case: one lookup, no allocation.
pub(crate) fn classes(word: &str) -> u32 {
    classes_of(word.as_bytes())
}

/// [`classes`] of a word as bytes.
pub(crate) fn classes_of(word: &[u8]) -> u32 {
    key(word).map_or(0, |k| table().get(&k))
}

/// The classes of the word `text[start..end]`: [`classes`], faster when
/// more text follows the word.
#[inline(always)]
pub(crate) fn classes_at(text: &str, start: usize, end: usize) -> u32 {
    key_at(text.as_bytes(), start, end).map_or(0, |k| table().get(&k))
}

/// A person's sex, as the copy tells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Sex {
    Female,
    Male,
}

/// The sex `word` tells, in any case: an honorific ("Mrs"), a role
/// ("spokeswoman") or a common first name ("Olga"); `None` for most words.
pub(crate) fn sex_of(word: &str) -> Option<Sex> {
    const FEMALE: u32 = 1;
    const MALE: u32 = 2;
    // A table of its own, like the word classes' (one lookup, in any case),
    // but apart: these words are no class of the tokenizer's.
    static SEXES: OnceLock<Table> = OnceLock::new();
    let sexes = SEXES.get_or_init(|| {
        let mut words = Vec::new();
        let mut sex = FEMALE;
        for line in data_words(include_str!("genders.txt")) {
            match line {
                "[female]" => sex = FEMALE,
                "[male]" => sex = MALE,
                w => words.push((w, sex)),
            }
        }
        Table::new(&words)
    });
    // A word in both lists tells nothing.
    match key(word.as_bytes()).map_or(0, |k| sexes.get(&k)) {
        FEMALE => Some(Sex::Female),
        MALE => Some(Sex::Male),
        _ => None,
    }
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

/// Whether `word` is a personal pronoun that can report speech: "He" and
/// "he", "I"; never "US" or "IT".
pub(crate) fn is_pronoun(word: &str) -> bool {
    let shape_ok = word == "I" || word.chars().skip(1).all(|c| c.is_lowercase());
    shape_ok && classes(word) & class::PRONOUN != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower8_lowers_ascii_capitals_only() {
        for b in 0..=255u8 {
            let x = u64::from_le_bytes([b, b'A', b'z', b, 0, b'Z', 0xC3, b'@']);
            let want =
                u64::from_le_bytes([b.to_ascii_lowercase(), b'a', b'z', b.to_ascii_lowercase(), 0, b'z', 0xC3, b'@']);
            assert_eq!(lower8(x), want, "byte {b:#04x}");
        }
    }

    #[test]
    fn classes_at_agrees_with_classes() {
        let text = "Said THE Minister of and an x Ministry, according to officials SAYS he \
                    a-very-long-word-of-thirty-bytes Überminister";
        let mut found = 0;
        for start in 0..text.len() {
            for end in start..=text.len().min(start + 30) {
                if text.is_char_boundary(start) && text.is_char_boundary(end) {
                    let w = &text[start..end];
                    assert_eq!(classes_at(text, start, end), classes(w), "{w:?}");
                    assert_eq!(classes_and_capitals_at(Lexicon::get(), text, start, end).0, classes(w), "{w:?}");
                    found += usize::from(classes(w) != 0);
                }
            }
        }
        assert!(found > 10);
        assert_eq!(classes("Said") & class::STRONG, class::STRONG);
        assert_eq!(classes("ministry") & class::ORG, class::ORG);
        assert_eq!(classes("An") & (class::A | class::DET), class::A | class::DET);
        assert_eq!(classes("sai"), 0);
        assert_eq!(classes(""), 0);
    }

    #[test]
    fn capitals_after_the_third_byte_are_told() {
        let text = "WhenKim saidin toldReuters McDonald MacArthur ABC a-very-long-word-of-thirty-bytes-X";
        let mut start = 0;
        for w in text.split(' ') {
            let end = start + w.len();
            let (classes, caps) = classes_and_capitals_at(Lexicon::get(), text, start, end);
            assert_eq!(classes, classes_at(text, start, end), "{w}");
            // Too long to look up: a capital may stand anywhere.
            let want = w.len() > LONGEST || w.bytes().skip(3).any(|b| b.is_ascii_uppercase());
            assert_eq!(caps, want, "{w}");
            start = end + 1;
        }
    }

    #[test]
    fn words_tell_a_persons_sex() {
        assert_eq!(sex_of("Olga"), Some(Sex::Female));
        assert_eq!(sex_of("SPOKESWOMAN"), Some(Sex::Female));
        assert_eq!(sex_of("Mrs."), Some(Sex::Female));
        assert_eq!(sex_of("Vladimir"), Some(Sex::Male));
        assert_eq!(sex_of("mr"), Some(Sex::Male));
        assert_eq!(sex_of("Kim"), None);
        assert_eq!(sex_of("minister"), None);
        assert_eq!(sex_of(""), None);
        // The table lowers what it holds as what it is asked: the list is
        // lower case, each word a key.
        for w in data_words(include_str!("genders.txt")).filter(|w| !w.starts_with('[')) {
            assert!(w.is_ascii() && !w.bytes().any(|b| b.is_ascii_uppercase()) && w.len() <= LONGEST, "{w}");
        }
    }
}
