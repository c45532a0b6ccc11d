//! Finding duplicates while importing: identity (profile URL, else name and email) to
//! person, without allocating a key per row.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::{BuildHasher, BuildHasherDefault, RandomState};

use crate::model::hash::{PassThrough, mix_hash};
use crate::model::{People, PersonId};

/// Identity → person, keyed by a hash of the identity so that a million rows do not cost
/// a million key allocations. Hash collisions between different identities probe onwards.
pub struct IdentityIndex {
    seed: u64,
    slots: HashMap<u64, PersonId, BuildHasherDefault<PassThrough>>,
}

impl IdentityIndex {
    /// Sized for the rows the file probably holds: growing a large table rehashes it.
    pub fn with_capacity(rows: usize) -> Self {
        IdentityIndex {
            // Per-process seed: a crafted file cannot aim at known collisions.
            seed: RandomState::new().hash_one(0u64),
            slots: HashMap::with_capacity_and_hasher(rows, BuildHasherDefault::default()),
        }
    }

    /// The person already known under this row's identity; else `next` (the id the row
    /// gets when pushed) is recorded for it. One probe per row: the table is too large
    /// for the cache, so each probe is a memory access.
    pub fn find_or_insert(
        &mut self,
        people: &People,
        fields: &[&str; 6],
        next: PersonId,
    ) -> Option<PersonId> {
        let by_name;
        let key = if fields[2].is_empty() {
            by_name = crate::model::person::identity(fields[0], fields[1], "", fields[3]);
            by_name.as_str()
        } else {
            fields[2]
        };
        let mut hash = mix_hash(self.seed, key.as_bytes());
        loop {
            match self.slots.entry(hash) {
                Entry::Vacant(slot) => {
                    slot.insert(next);
                    return None;
                }
                Entry::Occupied(slot) if people.get(*slot.get()).has_identity(key) => {
                    return Some(*slot.get());
                }
                Entry::Occupied(_) => hash = hash.wrapping_add(1),
            }
        }
    }

    /// The person known under `identity` (see [`crate::model::people::PersonRef::identity`]).
    pub fn find(&self, people: &People, identity: &str) -> Option<PersonId> {
        let mut hash = mix_hash(self.seed, identity.as_bytes());
        loop {
            match self.slots.get(&hash) {
                None => return None,
                Some(&id) if people.get(id).has_identity(identity) => return Some(id),
                Some(_) => hash = hash.wrapping_add(1),
            }
        }
    }
}
