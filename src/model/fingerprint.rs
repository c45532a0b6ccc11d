//! A fingerprint of an export's connections: who is in it, in its order. Recorded with
//! the removals made from an export, it recognises a copy of that export (`cp -r` gives
//! the files new modification times, which would otherwise date it after the removals
//! and mark everyone still connected). FNV-1a over the identities: stable across
//! versions and platforms, which a journal needs; it guards against mistakes, not
//! against forgery.

use super::PersonId;
use super::people::People;

const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

/// `v1:<people>:<16 hex digits>`.
pub fn of_people(people: &People) -> String {
    let mut hash = OFFSET;
    let mut key = String::new();
    for i in 0..people.len() as u32 {
        key.clear();
        people.get(PersonId(i)).write_identity(&mut key);
        for &b in key.as_bytes().iter().chain(b"\n") {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    format!("v1:{}:{hash:016x}", people.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Person;

    fn people(slugs: &[&str]) -> People {
        slugs
            .iter()
            .map(|s| Person {
                first_name: (*s).into(),
                url: format!("https://www.linkedin.com/in/{s}"),
                ..Default::default()
            })
            .collect()
    }

    #[test]
    fn the_same_people_give_the_same_fingerprint_and_one_less_another() {
        let a = of_people(&people(&["ada", "bo"]));
        assert_eq!(a, of_people(&people(&["ada", "bo"])));
        assert_ne!(a, of_people(&people(&["ada"])));
        assert_ne!(a, of_people(&people(&["ada", "bob"])));
        assert!(a.starts_with("v1:2:"), "{a}");
    }
}
