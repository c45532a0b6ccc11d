//! Finding duplicates while importing, by identity (profile URL, else name and e-mail,
//! else the whole row; see [`crate::model::Identity::of_person`]).
//!
//! Each person's identity is hashed as its row is read, on whichever thread reads it;
//! once the whole file is read (and its dates are final) the hashes are sorted, and only
//! people whose hashes meet are compared. A hash table looked up row by row missed the
//! cache on nearly every row of a large file (a fifth of an import), and the second half
//! of a file read on two threads had to be looked up again in the first half's table;
//! sorting a million 8-byte keys streams through memory instead.

use std::hash::{BuildHasher, Hash, Hasher};

use crate::model::people::PersonRef;
use crate::model::{People, PersonId};

/// The 32-bit identity hash of each person, by id.
pub struct IdentityHashes {
    /// Seeded once per file from a per-process random seed (both halves of a file share
    /// it): a crafted file cannot aim at known collisions.
    state: foldhash::fast::RandomState,
    hashes: Vec<u32>,
}

impl IdentityHashes {
    pub fn new(state: foldhash::fast::RandomState, capacity: usize) -> Self {
        IdentityHashes {
            state,
            hashes: Vec::with_capacity(capacity),
        }
    }

    /// The seed both halves of a file hash with.
    pub fn state(&self) -> &foldhash::fast::RandomState {
        &self.state
    }

    /// Hashes with `state` from now on (before anything is pushed: see [`Self::state`]).
    pub fn reseed(&mut self, state: &foldhash::fast::RandomState) {
        debug_assert!(self.hashes.is_empty());
        self.state = state.clone();
    }

    fn hash(&self, people: &People, id: PersonId) -> u32 {
        let url = people.url(id);
        let mut hasher = self.state.build_hasher();
        if url.is_empty() {
            hasher.write_u8(0);
            hasher.write(people.get(id).identity().as_bytes());
        } else {
            hasher.write_u8(1);
            url.hash(&mut hasher);
        }
        (hasher.finish() >> 32) as u32
    }

    /// Records the identity of the person just pushed (ids are recorded in order).
    pub fn push(&mut self, people: &People, id: PersonId) {
        debug_assert_eq!(id.index(), self.hashes.len());
        let hash = self.hash(people, id);
        self.hashes.push(hash);
    }

    /// Hashes person `id` again (its date changed, and with it a row identity).
    pub fn rehash(&mut self, people: &People, id: PersonId) {
        let hash = self.hash(people, id);
        if let Some(slot) = self.hashes.get_mut(id.index()) {
            *slot = hash;
        }
    }

    /// Appends the hashes of the people appended after these (the second half of a file).
    pub fn append(&mut self, other: IdentityHashes) {
        self.hashes.extend_from_slice(&other.hashes);
    }

    /// Every person who repeats an earlier one, with the first of them, ordered by the
    /// repeat's id within each first: what one pass over the file would have merged, in
    /// the order it would have merged them.
    pub fn repeats(self, people: &People) -> Vec<(PersonId, PersonId)> {
        let mut keys: Vec<u64> = self
            .hashes
            .iter()
            .zip(0u32..)
            .map(|(&hash, id)| (u64::from(hash) << 32) | u64::from(id))
            .collect();
        drop(self.hashes);
        sort_by_hash(&mut keys);
        let mut repeats = Vec::new();
        let mut firsts: Vec<PersonId> = Vec::new();
        for run in keys.chunk_by(|a, b| a >> 32 == b >> 32) {
            if run.len() < 2 {
                continue;
            }
            firsts.clear();
            for &key in run {
                let id = PersonId(key as u32);
                match firsts.iter().find(|&&first| same_person(people, first, id)) {
                    Some(&first) => repeats.push((id, first)),
                    None => firsts.push(id),
                }
            }
        }
        repeats
    }
}

/// Sorts `hash << 32 | id` keys by hash, ids in their order within a hash: a stable
/// radix sort, a byte of the hash a pass. On a million keys it takes 7–10 ms against
/// 12 ms for `sort_unstable`, and on 30,000 a fifteenth of its instructions.
fn sort_by_hash(keys: &mut Vec<u64>) {
    let mut sorted = vec![0u64; keys.len()];
    for shift in [32, 40, 48, 56] {
        let digit = |key: u64| ((key >> shift) & 0xFF) as usize;
        let mut starts = [0usize; 256];
        for &key in keys.iter() {
            starts[digit(key)] += 1;
        }
        let mut sum = 0;
        for start in &mut starts {
            (*start, sum) = (sum, sum + *start);
        }
        for &key in keys.iter() {
            let slot = &mut starts[digit(key)];
            sorted[*slot] = key;
            *slot += 1;
        }
        std::mem::swap(keys, &mut sorted);
    }
}

fn same_person(people: &People, a: PersonId, b: PersonId) -> bool {
    same_identity(&people.get(a), &people.get(b))
}

/// Whether two people are one by identity (see [`PersonRef::identity`]), without
/// building a URL.
pub fn same_identity(a: &PersonRef<'_>, b: &PersonRef<'_>) -> bool {
    match (a.url.is_empty(), b.url.is_empty()) {
        (false, false) => a.url == b.url,
        (true, true) => a.identity() == b.identity(),
        _ => false,
    }
}

#[cfg(test)]
mod differential_tests;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Person;

    #[test]
    fn keys_sort_by_hash_and_keep_file_order_within_one() {
        let mut keys: Vec<u64> = [
            (7u64, 0u64),
            (3, 1),
            (7, 2),
            (0xFFFF_FFFF, 3),
            (3, 4),
            (0, 5),
        ]
        .iter()
        .map(|&(hash, id)| (hash << 32) | id)
        .collect();
        let mut expected = keys.clone();
        expected.sort_unstable();
        sort_by_hash(&mut keys);
        assert_eq!(keys, expected);
    }

    fn person(first: &str, url: &str, email: &str) -> Person {
        Person {
            first_name: first.into(),
            last_name: "X".into(),
            url: url.into(),
            email: email.into(),
            ..Person::default()
        }
    }

    #[test]
    fn repeats_are_found_by_identity_and_point_at_the_first() {
        let people: People = [
            person("Ada", "https://www.linkedin.com/in/ada", ""),
            person("Bob", "", "bob@example.com"),
            person("Ada again", "https://www.linkedin.com/in/ada", ""),
            person("Cy", "https://example.com/in/ada", ""),
            person("Bob", "", "BOB@example.com"),
            person("Ada thrice", "https://www.linkedin.com/in/ada", ""),
            person("Bob", "", ""),
        ]
        .into_iter()
        .collect();
        let mut hashes = IdentityHashes::new(foldhash::fast::RandomState::default(), people.len());
        for id in people.ids() {
            hashes.push(&people, id);
        }
        let mut repeats = hashes.repeats(&people);
        repeats.sort();
        let ids = |v: &[(u32, u32)]| -> Vec<(PersonId, PersonId)> {
            v.iter().map(|&(a, b)| (PersonId(a), PersonId(b))).collect()
        };
        assert_eq!(repeats, ids(&[(2, 0), (4, 1), (5, 0)]));
    }
}
