//! What the grammar reads a region through: its tokens with their flags,
//! as [`Ctx`], the mention [`Np`] it finds, and the sentence around a token.

use std::cell::Cell;

use crate::article::MentionKind;
use crate::lexicon::class;
use crate::{MentionRule, Span};

use super::lists::Words;
use super::text::owner;
use super::tokens::{CAP, LOWER, Tok};

/// A mention of a speaker, as tokens `start..end` of a region.
#[derive(Clone, Copy, Debug)]
pub(super) struct Np {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: MentionKind,
    /// How the grammar found it, for the attribution's evidence.
    pub(super) via: MentionRule,
}

impl Np {
    /// The mention `start..end`, of `kind`, as the grammar reads it.
    pub(super) const fn new(start: usize, end: usize, kind: MentionKind) -> Self {
        Np { start, end, kind, via: MentionRule::Direct }
    }

    /// The same mention, found `via` another path.
    pub(super) const fn via(self, via: MentionRule) -> Self {
        Np { via, ..self }
    }
}

/// A region as the grammar reads it: its tokens, their flags, and what is
/// known of its quotations.
pub(super) struct Ctx<'s, 'a> {
    pub(super) src: &'a str,
    pub(super) toks: &'s [Tok],
    /// Per token: its word classes, and whether it opens with a capital
    /// ([`CAP`]) or a lower-case letter ([`LOWER`]).
    pub(super) flags: &'s [u32],
    /// Per quotation: whether its text ends a sentence (`"... waiting."`).
    closes: &'s [bool],
    /// Whether a quotation may stand among the tokens: `false` only when
    /// none does.
    quoted: bool,
    /// The last [`sentence`] asked for: `(i, start, end)`. A quotation's is
    /// asked for two or three times in a row.
    sentence: Cell<(usize, usize, usize)>,
}

impl<'s, 'a> Ctx<'s, 'a> {
    pub(super) fn new(src: &'a str, toks: &'s [Tok], flags: &'s [u32], closes: &'s [bool], quoted: bool) -> Self {
        Ctx { src, toks, flags, closes, quoted, sentence: Cell::new((usize::MAX, 0, 0)) }
    }

    /// The classes of token `i` (0 for punctuation, [`QUOTE`](super::tokens::QUOTE) for a quotation).
    pub(super) fn f(&self, i: usize) -> u32 {
        self.flags.get(i).copied().unwrap_or(0)
    }

    /// Whether token `i`, printed in lower case, is of any class in `bits`
    /// ("de" but not "De").
    pub(super) fn lower_in(&self, i: usize, bits: u32) -> bool {
        let f = self.f(i);
        f & LOWER != 0 && f & bits != 0
    }

    /// Whether token `i` is of any class in `bits`.
    pub(super) fn has(&self, i: usize, bits: u32) -> bool {
        self.f(i) & bits != 0
    }

    /// The text of token `i`, if it is a word.
    #[inline]
    pub(super) fn word(&self, i: usize) -> Option<&'a str> {
        match self.toks.get(i) {
            // (What `Span::slice` does, inlined: this runs for most tokens read.)
            Some(Tok::Word(s)) => Some(self.src.get(s.start..s.end).unwrap_or("")),
            _ => None,
        }
    }

    /// Whether token `i` is a word, its text not needed.
    pub(super) fn is_word(&self, i: usize) -> bool {
        matches!(self.toks.get(i), Some(Tok::Word(_)))
    }

    /// Whether token `i` is a word in the possessive: "Smith's", "Smith’s".
    pub(super) fn possessive(&self, i: usize) -> bool {
        self.word(i).and_then(owner).is_some()
    }

    /// Whether token `i` is the apostrophe of a plural in the possessive,
    /// printed against it and followed by a word: "the rebels' spokesman".
    pub(super) fn plural_possessive(&self, i: usize) -> bool {
        i > 0
            && matches!(self.punct(i), Some('\'' | '’'))
            && self.word(i - 1).is_some_and(|w| w.ends_with('s'))
            && self.span(i - 1).end == self.span(i).start
            && self.is_word(i + 1)
    }

    pub(super) fn punct(&self, i: usize) -> Option<char> {
        match self.toks.get(i) {
            Some(Tok::Punct(_, c)) => Some(*c),
            _ => None,
        }
    }

    pub(super) fn span(&self, i: usize) -> Span {
        match self.toks[i] {
            Tok::Word(s) | Tok::Punct(s, _) => s,
            Tok::Quote(_) => Span::default(),
        }
    }

    pub(super) fn text(&self, np: Np) -> &'a str {
        let s = self.span(np.start).join(self.span(np.end - 1));
        s.slice(self.src)
    }

    /// Whether token `i` is one of the words `set`, in any case. Inlined:
    /// `set` is a constant list where it is called, the loop unrolled, and
    /// most of its words ruled out by their length and first letter alone.
    #[inline(always)]
    pub(super) fn is(&self, i: usize, set: &[&str]) -> bool {
        let Some(w) = self.word(i) else { return false };
        // (Bit 5 set, letters equal in any case compare equal.)
        let first = |s: &str| s.as_bytes().first().map(|c| c | 0x20);
        for s in set {
            if s.len() == w.len() && first(s) == first(w) && s.eq_ignore_ascii_case(w) {
                return true;
            }
        }
        false
    }

    /// Whether token `i` is one of `words`, in any case: [`Ctx::is`] for a
    /// longer list.
    pub(super) fn is_one_of(&self, i: usize, words: &Words) -> bool {
        self.word(i).is_some_and(|w| words.holds(w))
    }

    /// A reporting word at `i`: lower case, or a strong cue in any case
    /// ("According to", "Says" in a title-case headline).
    pub(super) fn cue_at(&self, i: usize) -> bool {
        let f = self.f(i);
        f & class::CUE != 0 && f & (LOWER | class::STRONG) != 0
    }

    pub(super) fn is_sentence_end(&self, i: usize) -> bool {
        match self.toks.get(i) {
            Some(Tok::Punct(_, c)) => matches!(c, '.' | '?' | '!' | ';'),
            // A quotation that closes its sentence, when a new one follows.
            Some(Tok::Quote(q)) => self.closes.get(*q).copied().unwrap_or(false) && self.cap(i + 1),
            _ => false,
        }
    }

    pub(super) fn cap(&self, i: usize) -> bool {
        self.has(i, CAP)
    }
}

/// Whether a quotation stands in the sentence of token `i`.
pub(super) fn next_to_quote(cx: &Ctx<'_, '_>, i: usize) -> bool {
    if !cx.quoted {
        return false;
    }
    let mut a = i;
    while a > 0 && !cx.is_sentence_end(a - 1) && i - a < REACH {
        a -= 1;
        if matches!(cx.toks[a], Tok::Quote(_)) {
            return true;
        }
    }
    let mut b = i + 1;
    while b < cx.toks.len() && !cx.is_sentence_end(b) && b - i < REACH {
        if matches!(cx.toks[b], Tok::Quote(_)) {
            return true;
        }
        b += 1;
    }
    false
}

/// The sentence around token `i`: its first token and its end (the closing
/// full stop's index, or the region's end).
pub(super) fn sentence(cx: &Ctx<'_, '_>, i: usize) -> (usize, usize) {
    let (at, s0, s1) = cx.sentence.get();
    if at == i {
        return (s0, s1);
    }
    let mut s0 = i;
    while s0 > 0 && !cx.is_sentence_end(s0 - 1) && i - s0 < REACH {
        s0 -= 1;
    }
    let mut s1 = i + 1;
    while s1 < cx.toks.len() && !cx.is_sentence_end(s1) && s1 - i < REACH {
        s1 += 1;
    }
    cx.sentence.set((i, s0, s1));
    (s0, s1)
}

/// How far, in tokens, a sentence is read either side of a quotation: a
/// bound that keeps attribution linear on text with no full stops.
pub(super) const REACH: usize = 160;
