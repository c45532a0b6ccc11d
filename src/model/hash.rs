//! Hashing short text fast, for tables of a million keys built while importing.

use std::hash::Hasher;

/// A fast seeded hash of a short key, 8 bytes at a time (keys are ~45-byte URLs).
pub fn mix_hash(seed: u64, bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = seed ^ (bytes.len() as u64).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = (h ^ u64::from_le_bytes(word))
            .wrapping_mul(K)
            .rotate_left(29);
    }
    let mut tail = [0u8; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    h = (h ^ u64::from_le_bytes(tail)).wrapping_mul(K);
    h ^ (h >> 32)
}

/// The keys are already hashes: hashing them again would only cost time.
#[derive(Default)]
pub struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Strings (by index into a list the caller keeps) found by their text: a hash table of
/// 64-bit hashes, so a million keys cost neither a key allocation each nor SipHash.
/// Collisions probe onwards; a text seen twice keeps its first index.
pub struct StrIndex {
    seed: u64,
    slots: std::collections::HashMap<u64, usize, std::hash::BuildHasherDefault<PassThrough>>,
}

impl StrIndex {
    /// Indexes `texts(0..len)`.
    pub fn new<'a>(len: usize, texts: impl Fn(usize) -> &'a str) -> Self {
        use std::collections::hash_map::Entry;
        use std::hash::BuildHasher;
        let mut index = StrIndex {
            // Per-process seed: a crafted file cannot aim at known collisions.
            seed: std::hash::RandomState::new().hash_one(2u64),
            slots: std::collections::HashMap::with_capacity_and_hasher(len, Default::default()),
        };
        for i in 0..len {
            let text = texts(i);
            let mut hash = mix_hash(index.seed, text.as_bytes());
            loop {
                match index.slots.entry(hash) {
                    Entry::Vacant(slot) => {
                        slot.insert(i);
                        break;
                    }
                    Entry::Occupied(slot) if texts(*slot.get()) == text => break,
                    Entry::Occupied(_) => hash = hash.wrapping_add(1),
                }
            }
        }
        index
    }

    /// The index of `text`, given the same `texts` as [`StrIndex::new`].
    pub fn find<'a>(&self, text: &str, texts: impl Fn(usize) -> &'a str) -> Option<usize> {
        let mut hash = mix_hash(self.seed, text.as_bytes());
        loop {
            match self.slots.get(&hash) {
                None => return None,
                Some(&i) if texts(i) == text => return Some(i),
                Some(_) => hash = hash.wrapping_add(1),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::StrIndex;

    #[test]
    fn texts_are_found_by_their_text_and_the_first_of_twins_wins() {
        let texts = ["a", "bb", "a", "ccc"];
        let index = StrIndex::new(texts.len(), |i| texts[i]);
        assert_eq!(index.find("a", |i| texts[i]), Some(0));
        assert_eq!(index.find("ccc", |i| texts[i]), Some(3));
        assert_eq!(index.find("d", |i| texts[i]), None);
    }
}
