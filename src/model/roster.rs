//! Connections as a triage: the search index and the three sort orders of the screen.
//!
//! Built for a million rows: sort keys are packed integers (a date, or the first bytes of
//! the folded text), so sorting compares integers; only rows whose packed keys tie compare
//! full folded strings. The index and the orders are built on two threads.

use std::cmp::Reverse;

use super::people::{Field, People, PersonId};
use super::search::{SearchIndex, fold, fold_char_into};
use super::triage::{SortOrder, Triage};

pub const SORT_CONNECTED: &str = "newest first";
pub const SORT_LAST_NAME: &str = "last name";
pub const SORT_COMPANY: &str = "company";

/// A triage over `people`: filter on name, position, company, email (not the URL).
pub fn people_triage(people: &People) -> Triage {
    let (search, sorts) = std::thread::scope(|s| {
        let search = s.spawn(|| people_search_index(people));
        let sorts = people_sorts(people);
        // A panic in the index thread is a bug, not bad input: propagate it.
        (
            search
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e)),
            sorts,
        )
    });
    Triage::new(search, sorts)
}

pub fn people_search_index(people: &People) -> SearchIndex {
    SearchIndex::build(people.len(), |i| {
        let id = PersonId(i as u32);
        [
            Field::FirstName,
            Field::LastName,
            Field::Position,
            Field::Company,
            Field::Email,
        ]
        .map(|f| people.field(id, f))
    })
}

fn people_sorts(people: &People) -> Vec<SortOrder> {
    let n = people.len() as u32;
    // Stable: ties keep file order, which LinkedIn writes newest first.
    let dates: Vec<Reverse<Option<chrono::NaiveDate>>> = people
        .ids()
        .map(|id| Reverse(people.connected_on(id)))
        .collect();
    let mut by_date: Vec<u32> = (0..n).collect();
    by_date.sort_unstable_by_key(|&i| (dates[i as usize], i));
    drop(dates);
    let by_last = sort_by_text(people, Field::LastName, Field::FirstName);
    let by_company = sort_by_text(people, Field::Company, Field::LastName);
    vec![
        SortOrder {
            name: SORT_CONNECTED,
            order: by_date.into(),
        },
        SortOrder {
            name: SORT_LAST_NAME,
            order: by_last.into(),
        },
        SortOrder {
            name: SORT_COMPANY,
            order: by_company.into(),
        },
    ]
}

/// Orders by `primary` then `secondary`, folded (case and accents ignored), empty values
/// last, ties in file order.
fn sort_by_text(people: &People, primary: Field, secondary: Field) -> Vec<u32> {
    // (packed prefixes, whether a prefix was cut short, id)
    let mut scratch = String::with_capacity(32);
    let mut keyed: Vec<(u128, bool, u32)> = people
        .ids()
        .map(|id| {
            let p = people.field(id, primary);
            let (first, cut1) = prefix(p, &mut scratch);
            let (second, cut2) = prefix(people.field(id, secondary), &mut scratch);
            // Empty sorts last: the top bit says "empty"; 63 + 64 bits of prefixes follow.
            let key = (u128::from(p.is_empty()) << 127)
                | (u128::from(first) << 63)
                | (u128::from(second) >> 1);
            (key, cut1 || cut2, id.0)
        })
        .collect();
    keyed.sort_unstable_by_key(|&(key, _, id)| (key, id));
    // Equal packed keys are true ties unless a prefix was cut: only then compare the
    // whole folded text (rare: names sharing their first 8 letters).
    let mut start = 0;
    while start < keyed.len() {
        let key = keyed[start].0;
        let end = start + keyed[start..].iter().take_while(|k| k.0 == key).count();
        if end - start > 1 && keyed[start..end].iter().any(|k| k.1) {
            keyed[start..end].sort_by_cached_key(|&(_, _, i)| {
                let id = PersonId(i);
                (
                    fold(people.field(id, primary)),
                    fold(people.field(id, secondary)),
                    i,
                )
            });
        }
        start = end;
    }
    keyed.into_iter().map(|(_, _, i)| i).collect()
}

/// The first 8 bytes of the folded text, big-endian so integer order is text order, and
/// whether the folded text was longer (cut).
fn prefix(s: &str, folded: &mut String) -> (u64, bool) {
    let mut bytes = [0u8; 8];
    if s.is_ascii() {
        for (b, c) in bytes.iter_mut().zip(s.bytes()) {
            *b = c.to_ascii_lowercase();
        }
        return (u64::from_be_bytes(bytes), s.len() > 8);
    }
    folded.clear();
    for c in s.chars() {
        fold_char_into(c, folded);
        if folded.len() > 8 {
            break;
        }
    }
    for (b, f) in bytes.iter_mut().zip(folded.bytes()) {
        *b = f;
    }
    (u64::from_be_bytes(bytes), folded.len() > 8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Person;

    fn people(names: &[(&str, &str, &str)]) -> People {
        names
            .iter()
            .map(|(first, last, company)| Person {
                first_name: (*first).into(),
                last_name: (*last).into(),
                company: (*company).into(),
                ..Default::default()
            })
            .collect()
    }

    #[test]
    fn text_sorts_fold_accents_put_empty_last_and_break_long_ties() {
        let p = people(&[
            ("Zed", "", "Acme"),
            ("Ana", "Müller", "acme"),
            ("Bob", "Muller", ""),
            ("Ann", "Vanderbilt-Longname", "Zeta"),
            ("Al", "Vanderbilt-Longer", "Beta"),
            ("Éva", "Ávila", "Beta"),
        ]);
        assert_eq!(
            sort_by_text(&p, Field::LastName, Field::FirstName),
            vec![5, 1, 2, 4, 3, 0]
        );
        assert_eq!(
            sort_by_text(&p, Field::Company, Field::LastName),
            vec![0, 1, 5, 4, 3, 2]
        );
    }
}
