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
    by_date.sort_by_key(|&i| dates[i as usize]);
    drop(dates);
    let by_last = sort_by_text(people, Field::LastName, Field::FirstName);
    let by_company = sort_by_text(people, Field::Company, Field::LastName);
    vec![
        SortOrder {
            name: SORT_CONNECTED,
            order: by_date,
        },
        SortOrder {
            name: SORT_LAST_NAME,
            order: by_last,
        },
        SortOrder {
            name: SORT_COMPANY,
            order: by_company,
        },
    ]
}

/// Orders by `primary` then `secondary`, folded (case and accents ignored), empty values
/// last, ties in file order.
fn sort_by_text(people: &People, primary: Field, secondary: Field) -> Vec<u32> {
    let key = |id: PersonId| {
        let p = people.field(id, primary);
        // Empty sorts last: the top bit says "empty".
        let empty = u128::from(p.is_empty()) << 127;
        empty
            | (u128::from(prefix(p)) << 63)
            | (u128::from(prefix(people.field(id, secondary))) >> 1)
    };
    let mut keyed: Vec<(u128, u32)> = people.ids().map(|id| (key(id), id.0)).collect();
    keyed.sort_unstable();
    // Rows whose 8-byte prefixes tie: compare the full folded text, keeping file order.
    let mut start = 0;
    while start < keyed.len() {
        let end = start
            + keyed[start..]
                .iter()
                .take_while(|(k, _)| *k == keyed[start].0)
                .count();
        if end - start > 1 {
            keyed[start..end].sort_by_cached_key(|&(_, i)| {
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
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// The first 8 bytes of the folded text, big-endian, so integer order is text order.
fn prefix(s: &str) -> u64 {
    let mut folded = String::with_capacity(16);
    for c in s.chars() {
        fold_char_into(c, &mut folded);
        if folded.len() >= 8 {
            break;
        }
    }
    let mut bytes = [0u8; 8];
    for (b, f) in bytes.iter_mut().zip(folded.bytes()) {
        *b = f;
    }
    u64::from_be_bytes(bytes)
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
