//! Finding duplicates while importing: identity (profile URL, else name and email, else
//! the whole row; see [`crate::model::person::identity`]) to person, without allocating a
//! key per row that has a URL.

use chrono::NaiveDate;

use crate::model::hash::TextTable;
use crate::model::{People, PersonId};

/// Identity → person, so that a million rows do not cost a million key allocations.
pub struct IdentityIndex(TextTable);

impl IdentityIndex {
    /// Sized for the rows the file probably holds: growing a large table rehashes it.
    pub fn with_capacity(rows: usize) -> Self {
        IdentityIndex(TextTable::with_capacity(rows))
    }

    /// The person already known under this row's identity; else `next` (the id the row
    /// gets when pushed) is recorded for it.
    pub fn find_or_insert(
        &mut self,
        people: &People,
        fields: &[&str; 6],
        connected_on: Option<NaiveDate>,
        next: PersonId,
    ) -> Option<PersonId> {
        let by_name;
        let key = if fields[2].is_empty() {
            by_name = crate::model::person::identity(*fields, connected_on);
            by_name.as_str()
        } else {
            fields[2]
        };
        let holds = |id| people.get(PersonId(id)).has_identity(key);
        self.0.find_or_insert(key, holds, next.0).map(PersonId)
    }

    /// The person known under `identity` (see [`crate::model::people::PersonRef::identity`]).
    pub fn find(&self, people: &People, identity: &str) -> Option<PersonId> {
        let holds = |id| people.get(PersonId(id)).has_identity(identity);
        self.0.find(identity, holds).map(PersonId)
    }
}
