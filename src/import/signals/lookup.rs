//! Finding a connection by profile URL, or by name where a file carries names only.

use std::collections::HashMap;

use crate::model::hash::TextTable;
use crate::model::search::fold_into;
use crate::model::{People, PersonId};

use super::super::url;

/// Connections by normalised profile URL. Built on first use: a million URLs are hashed
/// only when a file needs them.
pub struct Urls<'p> {
    people: &'p People,
    table: Option<TextTable>,
    buf: String,
}

impl<'p> Urls<'p> {
    pub fn new(people: &'p People) -> Self {
        Urls {
            people,
            table: None,
            buf: String::new(),
        }
    }

    fn table(&mut self) -> &TextTable {
        let people = self.people;
        self.table.get_or_insert_with(|| {
            let mut table = TextTable::with_capacity(people.len());
            let mut key = String::new();
            for id in people.ids() {
                let url = people.get(id).url;
                if url.is_empty() {
                    continue;
                }
                key.clear();
                url.write_to(&mut key);
                // A duplicate URL was merged on import: the first holds it.
                table.find_or_insert(&key, |i| people.get(PersonId(i)).url.is(&key), id.0);
            }
            table
        })
    }

    /// The connection at `raw` (any form: with or without `https://`, percent-encoded or
    /// raw UTF-8), normalised into `normalised` as well.
    pub fn find(&mut self, raw: &str) -> Option<PersonId> {
        let mut buf = std::mem::take(&mut self.buf);
        url::normalise_into(raw, &mut buf);
        let found = if buf.is_empty() {
            None
        } else {
            let people = self.people;
            self.table()
                .find(&buf, |i| people.get(PersonId(i)).url.is(&buf))
                .map(PersonId)
        };
        self.buf = buf;
        found
    }

    /// The normalised form of the URL last looked up.
    pub fn last_normalised(&self) -> &str {
        &self.buf
    }
}

/// Connections by name, folded (case, accents and spacing ignored). A name several
/// connections share is ambiguous: it finds nobody.
pub struct Names<'p> {
    people: &'p People,
    /// Name → the one person with it, or `None` when several have it.
    table: Option<HashMap<String, Option<PersonId>>>,
}

/// What a name finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ByName {
    One(PersonId),
    Several,
    Nobody,
}

fn name_key(first: &str, last: &str) -> String {
    let mut folded = String::new();
    fold_into(first, &mut folded);
    folded.push(' ');
    fold_into(last, &mut folded);
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl<'p> Names<'p> {
    pub fn new(people: &'p People) -> Self {
        Names {
            people,
            table: None,
        }
    }

    pub fn find(&mut self, first: &str, last: &str) -> ByName {
        let people = self.people;
        let table = self.table.get_or_insert_with(|| {
            let mut table: HashMap<String, Option<PersonId>> = HashMap::new();
            for id in people.ids() {
                let p = people.get(id);
                table
                    .entry(name_key(p.first_name, p.last_name))
                    .and_modify(|found| *found = None)
                    .or_insert(Some(id));
            }
            table
        });
        let key = name_key(first, last);
        if key.is_empty() {
            return ByName::Nobody;
        }
        match table.get(&key) {
            Some(Some(id)) => ByName::One(*id),
            Some(None) => ByName::Several,
            None => ByName::Nobody,
        }
    }
}
