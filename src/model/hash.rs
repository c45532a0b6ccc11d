//! Finding short texts fast, for tables of a million keys built while importing.

use hashbrown::HashTable;
use std::hash::{BuildHasher, Hasher};

/// Texts found by their text without storing them: a hash table of (hash, id) pairs,
/// hashed by `foldhash`; the caller keeps the texts and says whether an id holds a given
/// one. A slot keeps 32 bits of the hash, so a million-key table is 16 MiB, not 32: at
/// that size each lookup is a cache miss, and fewer pages miss less. A million keys cost neither an allocation each nor SipHash. `benches/hash.rs`
/// compares it with the hand-written hash this replaced: about 3x faster on a million
/// identities (whose shared URL prefix that hash clustered), slower on short repeated
/// company names, faster over all the columns an import hashes.
#[derive(Debug, Clone)]
pub struct TextTable {
    /// Seeded per table from a per-process random seed: a crafted file cannot aim at
    /// known collisions.
    state: foldhash::fast::RandomState,
    slots: HashTable<(u32, u32)>,
}

impl TextTable {
    pub fn with_capacity(len: usize) -> Self {
        TextTable {
            state: foldhash::fast::RandomState::default(),
            slots: HashTable::with_capacity(len),
        }
    }

    /// The kept 32 bits of `text`'s hash.
    fn hash(&self, text: &str) -> u32 {
        // One write, without `Hash for [u8]`'s length prefix: foldhash's `write` mixes
        // the length in already (and this is 10% faster on company names).
        let mut hasher = self.state.build_hasher();
        hasher.write(text.as_bytes());
        (hasher.finish() >> 32) as u32
    }

    /// The table's 64-bit hash, rebuilt from the kept 32 bits (also when it grows):
    /// hashbrown takes the bucket from the low bits and a tag from the top ones, and
    /// multiplying by an odd constant spreads the kept bits into both.
    fn spread(h: u32) -> u64 {
        u64::from(h).wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }

    /// The id holding `text` (`holds(id)` says whether `id` holds it).
    pub fn find(&self, text: &str, holds: impl Fn(u32) -> bool) -> Option<u32> {
        let hash = self.hash(text);
        self.slots
            .find(Self::spread(hash), |&(h, id)| h == hash && holds(id))
            .map(|&(_, id)| id)
    }

    /// The id already holding `text`; else `new` is recorded for it and `None` returned.
    pub fn find_or_insert(
        &mut self,
        text: &str,
        holds: impl Fn(u32) -> bool,
        new: u32,
    ) -> Option<u32> {
        use hashbrown::hash_table::Entry;
        let hash = self.hash(text);
        let eq = |&(h, id): &(u32, u32)| h == hash && holds(id);
        match self
            .slots
            .entry(Self::spread(hash), eq, |&(h, _)| Self::spread(h))
        {
            Entry::Occupied(slot) => Some(slot.get().1),
            Entry::Vacant(slot) => {
                slot.insert((hash, new));
                None
            }
        }
    }

    pub fn heap_bytes(&self) -> usize {
        self.slots.capacity() * (std::mem::size_of::<(u32, u32)>() + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::TextTable;

    #[test]
    fn a_table_grown_past_its_capacity_still_finds_every_text() {
        let texts: Vec<String> = (0..5000).map(|i| format!("https://x/{i}")).collect();
        let mut table = TextTable::with_capacity(0);
        for (i, text) in texts.iter().enumerate() {
            let holds = |id: u32| texts[id as usize] == *text;
            assert_eq!(table.find_or_insert(text, holds, i as u32), None);
        }
        for (i, text) in texts.iter().enumerate() {
            let holds = |id: u32| texts[id as usize] == *text;
            assert_eq!(table.find(text, holds), Some(i as u32));
        }
    }

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
