//! Hashing short text fast, for tables of a million keys built while importing.

use std::hash::Hasher;

/// A fast seeded hash of a short key, 8 bytes at a time (keys are ~45-byte URLs).
fn mix_hash(seed: u64, bytes: &[u8]) -> u64 {
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
struct PassThrough(u64);

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

/// Texts found by their text without storing them: a hash table from a seeded 64-bit
/// hash of each text to its id; the caller keeps the texts and says whether an id holds
/// a given one. A million keys cost neither an allocation each nor SipHash. Different
/// texts with the same hash probe onwards.
#[derive(Debug, Clone)]
pub struct TextTable {
    seed: u64,
    slots: std::collections::HashMap<u64, u32, std::hash::BuildHasherDefault<PassThrough>>,
}

impl TextTable {
    pub fn with_capacity(len: usize) -> Self {
        use std::hash::BuildHasher;
        TextTable {
            // Per-process seed: a crafted file cannot aim at known collisions.
            seed: std::hash::RandomState::new().hash_one(len),
            slots: std::collections::HashMap::with_capacity_and_hasher(len, Default::default()),
        }
    }

    /// The id holding `text` (`holds(id)` says whether `id` holds it).
    pub fn find(&self, text: &str, holds: impl Fn(u32) -> bool) -> Option<u32> {
        let mut hash = mix_hash(self.seed, text.as_bytes());
        loop {
            match self.slots.get(&hash) {
                None => return None,
                Some(&id) if holds(id) => return Some(id),
                Some(_) => hash = hash.wrapping_add(1),
            }
        }
    }

    /// The id already holding `text`; else `new` is recorded for it and `None` returned.
    /// One probe: a large table is a memory access per probe.
    pub fn find_or_insert(
        &mut self,
        text: &str,
        holds: impl Fn(u32) -> bool,
        new: u32,
    ) -> Option<u32> {
        use std::collections::hash_map::Entry;
        let mut hash = mix_hash(self.seed, text.as_bytes());
        loop {
            match self.slots.entry(hash) {
                Entry::Vacant(slot) => {
                    slot.insert(new);
                    return None;
                }
                Entry::Occupied(slot) if holds(*slot.get()) => return Some(*slot.get()),
                Entry::Occupied(_) => hash = hash.wrapping_add(1),
            }
        }
    }

    pub fn heap_bytes(&self) -> usize {
        self.slots.capacity() * (std::mem::size_of::<(u64, u32)>() + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::TextTable;

    #[test]
    fn texts_are_found_by_their_text_and_the_first_of_twins_wins() {
        let texts = ["a", "bb", "a", "ccc"];
        let mut table = TextTable::with_capacity(texts.len());
        for (i, text) in texts.iter().enumerate() {
            let holds = |id: u32| texts[id as usize] == *text;
            table.find_or_insert(text, holds, i as u32);
        }
        let find = |text: &str| table.find(text, |id| texts[id as usize] == text);
        assert_eq!(find("a"), Some(0));
        assert_eq!(find("ccc"), Some(3));
        assert_eq!(find("d"), None);
    }
}
