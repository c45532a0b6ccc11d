//! Connections as a triage: the search index and the three sort orders of the screen.
//!
//! Built for a million rows: sort keys are packed integers (a date, or the first bytes of
//! the folded text), so sorting compares integers; only rows whose packed keys tie compare
//! full folded strings. The index (in two halves) and the date order are built on two
//! threads; the name and company orders follow in the background, after the first frame.

use std::cmp::Reverse;

use super::people::{Field, People, PersonId};
use super::search::{SearchIndex, fold, fold_char_into};
use super::triage::{SortOrder, Triage};

pub const SORT_CONNECTED: &str = "newest first";
pub const SORT_LAST_NAME: &str = "last name";
pub const SORT_COMPANY: &str = "company";

/// A triage over `people`, every sort order ready (tests, benchmarks, tools).
pub fn people_triage(people: &People) -> Triage {
    let mut triage = people_triage_first(people);
    for (name, order) in later_sorts(people) {
        triage.sort_ready(name, order);
    }
    triage
}

/// What the screen needs first: the search index and the "newest first" order, built on
/// two threads. The name and company orders are left pending: [`later_sorts`] computes
/// them after the first frame, since they are only needed once the user presses `s`.
pub fn people_triage_first(people: &People) -> Triage {
    let (search, by_date) = std::thread::scope(|s| {
        let by_date = s.spawn(|| sort_by_date(people));
        let search = people_search_index(people);
        // A panic in the sorting thread is a bug, not bad input: propagate it.
        let by_date = by_date
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        (search, by_date)
    });
    Triage::new(
        search,
        vec![
            SortOrder::new(SORT_CONNECTED, by_date),
            SortOrder::pending(SORT_LAST_NAME),
            SortOrder::pending(SORT_COMPANY),
        ],
    )
}

/// The sort orders [`people_triage_first`] leaves pending.
pub fn later_sorts(people: &People) -> Vec<(&'static str, Vec<u32>)> {
    vec![
        (
            SORT_LAST_NAME,
            sort_by_text(people, Field::LastName, Field::FirstName),
        ),
        (
            SORT_COMPANY,
            sort_by_text(people, Field::Company, Field::LastName),
        ),
    ]
}

pub fn people_search_index(people: &People) -> SearchIndex {
    // Names, positions, companies and emails: less than the whole text (no URLs).
    SearchIndex::build_in_two(people.len(), people.text_len(), |i| {
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

/// Newest first; ties keep file order, which LinkedIn writes newest first.
fn sort_by_date(people: &People) -> Vec<u32> {
    let mut keyed: Vec<(Reverse<Option<chrono::NaiveDate>>, u32)> = people
        .ids()
        .map(|id| (Reverse(people.connected_on(id)), id.0))
        .collect();
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, id)| id).collect()
}

/// Orders by `primary` then `secondary`, folded (case and accents ignored), empty values
/// last, ties in file order.
fn sort_by_text(people: &People, primary: Field, secondary: Field) -> Vec<u32> {
    let mut scratch = String::with_capacity(32);
    let mut keyed: Vec<Keyed> = people
        .ids()
        .map(|id| {
            let p = people.field(id, primary);
            let (first, cut1) = prefix::<16>(p, &mut scratch);
            let (second, cut2) = prefix::<8>(people.field(id, secondary), &mut scratch);
            Keyed {
                // No folded text starts with 0xFF bytes (not UTF-8): empty sorts last.
                primary: if p.is_empty() { u128::MAX } else { first },
                secondary: second as u64,
                cut: cut1 || cut2,
                id: id.0,
            }
        })
        .collect();
    keyed.sort_unstable_by_key(|k| (k.primary, k.secondary, k.id));
    // Equal packed keys are true ties unless a prefix was cut: only then compare the
    // whole folded text, and not even then when the rows hold the very same text (the
    // many people of one company, or namesakes).
    let text = |k: &Keyed| {
        let id = PersonId(k.id);
        (people.field(id, primary), people.field(id, secondary))
    };
    let mut start = 0;
    while start < keyed.len() {
        let first = &keyed[start];
        let len = keyed[start..]
            .iter()
            .take_while(|k| k.primary == first.primary && k.secondary == first.secondary)
            .count();
        let group = &mut keyed[start..start + len];
        if len > 1
            && group.iter().any(|k| k.cut)
            && group.iter().any(|k| text(k) != text(&group[0]))
        {
            group.sort_by_cached_key(|k| {
                let (p, s) = text(k);
                (fold(p), fold(s), k.id)
            });
        }
        start += len;
    }
    keyed.into_iter().map(|k| k.id).collect()
}

/// A row's sort key: folded prefixes packed into integers so sorting compares integers.
struct Keyed {
    primary: u128,
    secondary: u64,
    id: u32,
    /// A prefix was cut short: equal keys may still differ further on.
    cut: bool,
}

/// The first `N` bytes of the folded text, big-endian so integer order is text order,
/// and whether the folded text was longer (cut).
fn prefix<const N: usize>(s: &str, folded: &mut String) -> (u128, bool) {
    let mut bytes = [0u8; 16];
    if s.is_ascii() {
        for (b, c) in bytes[..N].iter_mut().zip(s.bytes()) {
            *b = c.to_ascii_lowercase();
        }
    } else {
        folded.clear();
        for c in s.chars() {
            fold_char_into(c, folded);
            if folded.len() > N {
                break;
            }
        }
        for (b, f) in bytes[..N].iter_mut().zip(folded.bytes()) {
            *b = f;
        }
    }
    let len = if s.is_ascii() { s.len() } else { folded.len() };
    let value = u128::from_be_bytes(bytes) >> (8 * (16 - N));
    (value, len > N)
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

    proptest::proptest! {
        /// The packed keys and the tie-breaking give exactly the naive order.
        #[test]
        fn text_sort_equals_sorting_whole_folded_strings(
            rows in proptest::collection::vec(
                (
                    "(|Van der |Vanderbilt|Müller|MULLER|Ōe|Åsa )[a-zé]{0,12}",
                    "(|Ana|Åna|Anastasia-Long)[a-z]{0,3}",
                ),
                0..60,
            )
        ) {
            let p = people(
                &rows
                    .iter()
                    .map(|(l, f)| (f.as_str(), l.as_str(), ""))
                    .collect::<Vec<_>>(),
            );
            let mut naive: Vec<u32> = (0..rows.len() as u32).collect();
            naive.sort_by_key(|&i| {
                let (last, first) = &rows[i as usize];
                (last.is_empty(), fold(last), fold(first), i)
            });
            proptest::prop_assert_eq!(sort_by_text(&p, Field::LastName, Field::FirstName), naive);
        }
    }
}
