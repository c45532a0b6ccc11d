//! Who was in an export, kept small and without anyone's name: per person, stable hashes
//! of the identity (as [`crate::model::Person::identity`] has it), the position and the
//! company. Enough to say what changed in a later export ([`compare_with`]) once the
//! older one is gone from the disk.

use rayon::prelude::*;

use super::{Changes, new_bursts};
use crate::model::{People, PersonId};

/// One person of an export, hashed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Member {
    pub identity: u64,
    pub position: u32,
    pub company: u32,
}

/// The people of an export, hashed, ordered by identity hash (so two compare in one
/// walk).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Identities {
    members: Vec<Member>,
}

impl Identities {
    /// Members in any order: sorted here.
    pub fn from_members(mut members: Vec<Member>) -> Identities {
        members.sort_unstable();
        Identities { members }
    }

    pub fn of(people: &People) -> Identities {
        let phrases = phrase_hashes(people);
        let mut members: Vec<Member> = (0..people.len() as u32)
            .into_par_iter()
            .map_init(String::new, |key, i| member(people, &phrases, key, i))
            .collect();
        members.par_sort_unstable();
        Identities { members }
    }

    pub fn members(&self) -> &[Member] {
        &self.members
    }

    pub fn len(&self) -> usize {
        self.members.len()
    }

    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }
}

/// The hash of an identity, as stored: the same on every platform and in every version
/// (a change would make everyone look new), so it is written out here rather than taken
/// from a hashing crate. Eight bytes at a time with a multiply and a shift, then mixed
/// (the finaliser of splitmix64). It guards against chance, not forgery: a crafted
/// export could make two people one, which would only miscount them.
pub fn stable_hash(text: &str) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let bytes = text.as_bytes();
    let mut h = (bytes.len() as u64).wrapping_mul(K) ^ 0x7563_6f6e_6e65_6374;
    for chunk in bytes.chunks(8) {
        let mut word = [0u8; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        h = (h ^ u64::from_le_bytes(word)).wrapping_mul(K);
        h ^= h >> 32;
    }
    h ^= h >> 30;
    h = h.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94D0_49BB_1331_11EB);
    h ^ (h >> 31)
}

/// A position's or company's hash: 32 bits are plenty to tell a change.
fn short_hash(text: &str) -> u32 {
    (stable_hash(text) >> 32) as u32
}

/// The people hashed one by one, in the export's order: for writing them out without
/// holding them all (16 bytes a person; a million are 16 MB the app need not hold).
pub fn members(people: &People) -> impl Iterator<Item = Member> + '_ {
    let phrases = phrase_hashes(people);
    let mut key = String::new();
    (0..people.len() as u32).map(move |i| member(people, &phrases, &mut key, i))
}

/// Each company and position hashed once, by phrase id: most are shared.
fn phrase_hashes(people: &People) -> Vec<u32> {
    people.phrases().iter().map(short_hash).collect()
}

/// Person `i` hashed; `key` is a buffer reused between calls.
fn member(people: &People, phrases: &[u32], key: &mut String, i: u32) -> Member {
    let id = PersonId(i);
    key.clear();
    let url = people.url(id);
    if url.is_empty() {
        key.push_str(&people.get(id).identity());
    } else {
        url.write_to(key);
    }
    let phrase = |id: u32| phrases.get(id as usize).copied().unwrap_or(0);
    let [company, position] = people.phrase_ids(id);
    Member {
        identity: stable_hash(key),
        position: phrase(position),
        company: phrase(company),
    }
}

/// The people hashed, sorted, with each member's person id beside it.
fn hashed(people: &People) -> (Identities, Vec<PersonId>) {
    let phrases = phrase_hashes(people);
    let mut pairs: Vec<(Member, u32)> = (0..people.len() as u32)
        .into_par_iter()
        .map_init(String::new, |key, i| (member(people, &phrases, key, i), i))
        .collect();
    pairs.par_sort_unstable();
    let ids = pairs.iter().map(|&(_, i)| PersonId(i)).collect();
    let members = pairs.into_iter().map(|(m, _)| m).collect();
    (Identities { members }, ids)
}

/// Compares the people of an earlier export, `old`, with `new`. Everyone gone counts as
/// not removed by the user until [`split_removed`] says otherwise. The gone ones' ids
/// are their places in `old`, which keeps no names: count them. Returns `new` hashed
/// too, to keep for the next comparison.
pub fn compare_with(old: &Identities, new: &People) -> (Changes, Identities) {
    let (hashed_new, ids) = hashed(new);
    let (a, b) = (&old.members, &hashed_new.members);
    let mut changes = Changes::default();
    let mut gone = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(was), Some(now)) if was.identity == now.identity => {
                changes.changed_position += usize::from(was.position != now.position);
                changes.changed_company += usize::from(was.company != now.company);
                i += 1;
                j += 1;
            }
            (Some(was), Some(now)) if was.identity < now.identity => {
                gone.push(i);
                i += 1;
            }
            (Some(_), None) => {
                gone.push(i);
                i += 1;
            }
            _ => {
                changes.added.push(ids[j]);
                j += 1;
            }
        }
    }
    changes.gone_not_by_you = gone.into_iter().map(|i| PersonId(i as u32)).collect();
    // In the export's order, as `compare` gives them.
    changes.added.sort_unstable();
    changes.new_bursts = new_bursts(new, &changes.added);
    (changes, hashed_new)
}

/// Moves the people gone whom the user removed (`removed(identity hash)`, see
/// [`stable_hash`]) to [`Changes::gone_removed_by_you`]; `old` is what `changes` was
/// compared with.
pub fn split_removed(changes: &mut Changes, old: &Identities, removed: impl Fn(u64) -> bool) {
    let gone = std::mem::take(&mut changes.gone_not_by_you);
    let (by_you, not): (Vec<PersonId>, Vec<PersonId>) = gone.into_iter().partition(|id| {
        old.members
            .get(id.index())
            .is_some_and(|m| removed(m.identity))
    });
    changes.gone_removed_by_you.extend(by_you);
    changes.gone_not_by_you = not;
}

#[cfg(test)]
mod tests {
    use super::super::compare;
    use super::super::tests::{person, steady};
    use super::*;

    #[test]
    fn the_hash_is_the_same_in_every_version() {
        // Written down once: a change here makes every kept snapshot useless.
        assert_ne!(stable_hash("a"), stable_hash("a\0"));
        assert_ne!(stable_hash("abcdefgh"), stable_hash("abcdefgh\0"));
        assert_eq!(
            stable_hash("www.linkedin.com/in/ada"),
            0xab71_45ba_b47d_8ad6
        );
    }

    #[test]
    fn hashed_the_comparison_counts_what_the_full_one_does() {
        let old: People = steady().into_iter().collect();
        let mut next = steady();
        next.retain(|p| p.first_name != "p3" && p.first_name != "p7");
        next[0].company = "Globex".into();
        next[1].position = "Boss".into();
        for i in 0..25 {
            next.push(person(&format!("accident{i}"), "Acme", 300));
        }
        let new: People = next.into_iter().collect();
        let full = compare(&old, &new, |id| id.ends_with("/p3"));
        let p3 = stable_hash(&person("p3", "Acme", 0).identity());
        let before = Identities::of(&old);
        let (mut hashed, kept) = compare_with(&before, &new);
        assert_eq!(hashed.gone_not_by_you.len(), 2);
        split_removed(&mut hashed, &before, |h| h == p3);
        assert_eq!(hashed.added, full.added);
        assert_eq!(hashed.new_bursts, full.new_bursts);
        assert_eq!(hashed.gone_removed_by_you.len(), 1);
        assert_eq!(hashed.gone_not_by_you.len(), 1);
        assert_eq!(
            (hashed.changed_position, hashed.changed_company),
            (full.changed_position, full.changed_company)
        );
        assert_eq!(kept, Identities::of(&new));
        assert_eq!(kept.len(), new.len());
    }

    #[test]
    fn the_same_people_in_another_order_are_no_change() {
        let old: People = steady().into_iter().collect();
        let new: People = steady().into_iter().rev().collect();
        let (changes, _) = compare_with(&Identities::of(&old), &new);
        assert_eq!(changes, Changes::default());
    }
}
