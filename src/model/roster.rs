//! Connections as a triage: the search index and the three sort orders of the screen.

use std::cmp::Reverse;

use super::People;
use super::search::{SearchIndex, fold};
use super::triage::{SortOrder, Triage};

pub const SORT_CONNECTED: &str = "newest first";
pub const SORT_LAST_NAME: &str = "last name";
pub const SORT_COMPANY: &str = "company";

/// A triage over `people`: filter on name, position, company, email (not the URL).
pub fn people_triage(people: &People) -> Triage {
    let search = SearchIndex::build(people.len(), |i| {
        let p = people.get(super::PersonId(i as u32));
        [p.first_name, p.last_name, p.position, p.company, p.email]
    });
    Triage::new(search, people_sorts(people))
}

fn people_sorts(people: &People) -> Vec<SortOrder> {
    let ids = || (0..people.len() as u32).collect::<Vec<u32>>();
    let get = |i: u32| people.get(super::PersonId(i));
    // Stable sorts: ties keep file order, which LinkedIn writes newest first.
    let mut by_date = ids();
    by_date.sort_by_key(|&i| Reverse(get(i).connected_on));
    let mut by_last = ids();
    by_last.sort_by_cached_key(|&i| {
        let p = get(i);
        (
            p.last_name.is_empty(),
            fold(p.last_name),
            fold(p.first_name),
        )
    });
    let mut by_company = ids();
    by_company.sort_by_cached_key(|&i| {
        let p = get(i);
        (p.company.is_empty(), fold(p.company), fold(p.last_name))
    });
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
