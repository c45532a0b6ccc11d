//! The duplicate search (identity hashes radix-sorted, only people whose hashes meet
//! compared) held against a plain map from identity to the first person who had it.

use std::collections::HashMap;

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;

/// One person: picks from a few names, URLs (0: none), emails and dates, so that the
/// same identity comes back often, by URL or (without one) by name and e-mail.
type Row = (usize, usize, u8, usize, u8);

const FIRST: &[&str] = &["Ada", "ada", "José", "Jose", "Zoë"];
const LAST: &[&str] = &["One", "García", "O'Brien"];
const EMAIL: &[&str] = &["", "ada@example.com", "ADA@example.com", "j@example.com"];

fn people_of(rows: &[Row]) -> People {
    let mut people = People::default();
    for &(f, l, url, e, day) in rows {
        let url = match url {
            0 => String::new(),
            n => format!("https://www.linkedin.com/in/p-{n}"),
        };
        let date = NaiveDate::from_ymd_opt(2024, 1, u32::from(day % 3) + 1);
        let fields = [FIRST[f], LAST[l], &url, EMAIL[e], "Acme", ""];
        people.push(fields, date.filter(|_| day < 3)).unwrap();
    }
    people
}

/// The simple search: one pass, each identity looked up among those seen before.
fn plain(people: &People) -> Vec<(PersonId, PersonId)> {
    let mut first: HashMap<(bool, String), PersonId> = HashMap::new();
    let mut repeats = Vec::new();
    for id in people.ids() {
        let p = people.get(id);
        let key = (p.url.is_empty(), p.identity().to_string());
        match first.get(&key) {
            Some(&f) => repeats.push((id, f)),
            None => {
                first.insert(key, id);
            }
        }
    }
    repeats
}

/// The fast search, its hashes taken in two runs (as two halves of a file are) and
/// joined; repeats grouped by their first, each group in the order the fast path gave.
fn fast(people: &People, rows: &[Row], split: usize) -> Vec<(PersonId, PersonId)> {
    let mut hashes = IdentityHashes::new(foldhash::fast::RandomState::default(), people.len());
    let (head, tail) = rows.split_at(split);
    let head_people = people_of(head);
    for id in head_people.ids() {
        hashes.push(&head_people, id);
    }
    let tail_people = people_of(tail);
    let mut rest = IdentityHashes::new(hashes.state().clone(), tail.len());
    for id in tail_people.ids() {
        rest.push(&tail_people, id);
    }
    hashes.append(rest);
    let mut repeats = hashes.repeats(people);
    repeats.sort_by_key(|&(_, first)| first);
    repeats
}

fn row() -> impl Strategy<Value = Row> {
    (
        0..FIRST.len(),
        0..LAST.len(),
        0u8..8,
        0..EMAIL.len(),
        0u8..4,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Hashes that share some bytes and differ in others, ids in file order: the
    /// radix sort orders them as a comparison sort does.
    #[test]
    fn the_radix_sort_orders_keys_as_a_comparison_sort(
        hashes in prop::collection::vec(
            prop_oneof![any::<u32>(), (0u32..4, 0u32..4).prop_map(|(hi, lo)| hi << 24 | lo)],
            0..400,
        ),
    ) {
        let mut keys: Vec<u64> = hashes
            .iter()
            .zip(0u64..)
            .map(|(&hash, id)| u64::from(hash) << 32 | id)
            .collect();
        let mut want = keys.clone();
        want.sort_unstable();
        sort_by_hash(&mut keys);
        prop_assert_eq!(keys, want);
    }

    #[test]
    fn the_radix_search_finds_what_a_plain_map_finds(
        rows in prop::collection::vec(row(), 0..300),
        split in any::<prop::sample::Index>(),
    ) {
        let all = people_of(&rows);
        let mut want = plain(&all);
        want.sort_by_key(|&(_, first)| first);
        let split = split.index(rows.len() + 1);
        prop_assert_eq!(fast(&all, &rows, split), want);
    }
}

#[test]
fn at_30000_rows_the_radix_search_finds_what_a_plain_map_finds() {
    // Enough distinct identities that hashes spread over every byte the sort reads.
    let rows: Vec<Row> = (0..30_000usize)
        .map(|i| {
            let x = i.wrapping_mul(2_654_435_761) >> 7;
            (x % 5, (x >> 3) % 3, 0, (x >> 5) % 4, (x >> 7) as u8 % 4)
        })
        .collect();
    let mut all = People::default();
    for (i, &(f, l, _, e, _)) in rows.iter().enumerate() {
        // Three in four with a URL, one in twelve repeating an earlier one's.
        let n = match i % 12 {
            0 => i / 2,
            _ => i,
        };
        let url = if i % 4 == 3 {
            String::new()
        } else {
            format!("https://www.linkedin.com/in/p-{n}")
        };
        all.push([FIRST[f], LAST[l], &url, EMAIL[e], "Acme", ""], None)
            .unwrap();
    }
    let mut hashes = IdentityHashes::new(foldhash::fast::RandomState::default(), all.len());
    for id in all.ids() {
        hashes.push(&all, id);
    }
    let mut got = hashes.repeats(&all);
    got.sort_by_key(|&(_, first)| first);
    let mut want = plain(&all);
    want.sort_by_key(|&(_, first)| first);
    assert!(want.len() > 2_000, "{} repeats", want.len());
    assert_eq!(got.len(), want.len());
    assert!(
        got == want,
        "the same repeats, each pointing at the same first"
    );
}
