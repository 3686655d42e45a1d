//! The hash of the memory's maps, keyed by words of the copy: fast on short
//! words, and no worse on hostile input.

use std::hash::{BuildHasher, Hasher, RandomState};
use std::sync::OnceLock;

/// How the memory's maps hash their keys, words of the copy.
///
/// The words come from the input: a fixed fast hash would let hostile copy
/// pile its names into one chain, each lookup then linear. SipHash (the
/// default) resists that, but costs more than the rest of a lookup. This is
/// vector multiply-shift (Thorup, "High Speed Hashing for Integers and
/// Strings"): with secret random multipliers `a`, the top 32 bits of `a[0] +
/// a[1]·len + Σ a[2 + i]·chunkᵢ` over a word's 32-bit chunks are strongly
/// universal, so any two words collide with chance 2⁻³², whatever the text.
/// Words longer than 32 bytes, rare, take SipHash.
#[derive(Clone, Copy, Default)]
pub(super) struct WordHash;

/// The multipliers of [`WordHash`], drawn once, and SipHash for long words.
fn word_keys() -> &'static (RandomState, [u64; 10]) {
    static KEYS: OnceLock<(RandomState, [u64; 10])> = OnceLock::new();
    KEYS.get_or_init(|| {
        let state = RandomState::new();
        let keys = std::array::from_fn(|i| state.hash_one(i));
        (state, keys)
    })
}

impl BuildHasher for WordHash {
    type Hasher = WordHasher;

    fn build_hasher(&self) -> WordHasher {
        WordHasher(0)
    }
}

/// The [`WordHash`] of one string key (`str` hashes as its bytes, then `0xff`).
pub(super) struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let (sip, a) = word_keys();
        if bytes.len() > 32 {
            self.0 ^= sip.hash_one(bytes);
            return;
        }
        let mut h = a[0].wrapping_add(a[1].wrapping_mul(bytes.len() as u64));
        // The chunks, the last zero-padded (eight at most: `a` has a
        // multiplier for each).
        let chunks = bytes.chunks_exact(4);
        let (full, rest) = (bytes.len() / 4, chunks.remainder());
        for (a, c) in a[2..].iter().zip(chunks) {
            h = h.wrapping_add(a.wrapping_mul(u64::from(u32::from_le_bytes([c[0], c[1], c[2], c[3]]))));
        }
        if !rest.is_empty() {
            let x = rest.iter().rev().fold(0, |x, &b| x << 8 | u64::from(b));
            h = h.wrapping_add(a[2 + full].wrapping_mul(x));
        }
        // The top half is the universal one: the table's index (low bits)
        // and its tag (the top seven) are both taken from it.
        let top = h >> 32;
        self.0 ^= top | top << 32;
    }

    /// The `0xff` that ends a `str`: every key is one, so it tells nothing.
    fn write_u8(&mut self, _: u8) {}

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    #[test]
    fn words_hash_alike_when_alike() {
        let hash = |w: &str| WordHash.hash_one(w);
        assert_eq!(hash("Lavrov"), hash(&String::from("Lavrov")));
        assert_eq!(hash("Lavrov"), WordHash.hash_one(Cow::<str>::Owned("Lavrov".into())));
        let long = "a name longer than thirty-two bytes, hashed by SipHash";
        let owned = String::from(long);
        assert_eq!(hash(long), hash(&owned));
        // Different words (by a padding byte too) collide with chance 2⁻³².
        assert_ne!(hash("Lavrov"), hash("Lavrova"));
        assert_ne!(hash("ab"), hash("ab\0"));
    }
}
