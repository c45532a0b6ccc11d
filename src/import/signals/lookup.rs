//! Finding a connection by profile URL, or by name where a side has no URL.

use std::collections::{HashMap, HashSet};

use crate::model::hash::TextTable;
use crate::model::people::Field;
use crate::model::person::{fold_name, name_key};
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

/// Connections by name, normalised as the import normalises names (Unicode form,
/// spacing, case). Names are not unique: a name finds everyone who has it.
pub struct Names<'p> {
    people: &'p People,
    /// Name → the people with it. Built on first use.
    table: Option<HashMap<String, Vec<PersonId>>>,
}

impl<'p> Names<'p> {
    pub fn new(people: &'p People) -> Self {
        Names {
            people,
            table: None,
        }
    }

    /// The people named `key`, a name already folded by
    /// [`fold_name`](crate::model::person::fold_name) or [`name_key`].
    pub fn find(&mut self, key: &str) -> &[PersonId] {
        // Nothing to find: the table is not built for it.
        if key.is_empty() {
            return &[];
        }
        let people = self.people;
        let table = self.table.get_or_insert_with(|| {
            let mut table: HashMap<String, Vec<PersonId>> = HashMap::new();
            for id in people.ids() {
                let p = people.get(id);
                let key = name_key(p.first_name, p.last_name);
                if !key.is_empty() {
                    table.entry(key).or_default().push(id);
                }
            }
            table
        });
        table.get(key).map_or(&[], Vec::as_slice)
    }

    /// The people named `key` into `out`; with `without_url`, only those without a
    /// profile URL (a row's URL that did not find them rules them out, a name does not).
    pub fn find_into(&mut self, key: &str, without_url: bool, out: &mut Vec<PersonId>) {
        let people = self.people;
        let found = self.find(key);
        out.extend(
            found
                .iter()
                .copied()
                .filter(|&id| !without_url || people.url(id).is_empty()),
        );
    }
}

/// A name more connections share than this is too common to say who: it finds nobody.
const MAX_NAMESAKES: usize = 100;

/// How a row's person was found among the connections.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum By {
    Url,
    Name,
    Nobody,
}

/// Joins a file's people to the connections: by profile URL where both sides have one,
/// else by name. A name several connections share finds them all: a signal that keeps
/// people from looking like strangers is better given to too many than to none.
pub struct Joiner<'p> {
    pub urls: Urls<'p>,
    names: Names<'p>,
    /// The shared names that found someone, for the report.
    shared: HashSet<String>,
    /// Matches made each way, in the file being read.
    by_url: usize,
    by_name: usize,
}

impl<'p> Joiner<'p> {
    pub fn new(people: &'p People) -> Self {
        Joiner {
            urls: Urls::new(people),
            names: Names::new(people),
            shared: HashSet::new(),
            by_url: 0,
            by_name: 0,
        }
    }

    /// The connections `url` (any form, may be empty) and `name` (folded) find, into
    /// `out`. `had_url`: the row gave this person a URL (perhaps one not read here), so a
    /// name only finds connections without one.
    pub fn find(&mut self, url: &str, had_url: bool, name: &str, out: &mut Vec<PersonId>) -> By {
        out.clear();
        if let Some(id) = self.urls.find(url) {
            out.push(id);
            self.by_url += 1;
            return By::Url;
        }
        let had_url = had_url || !self.urls.last_normalised().is_empty();
        self.names.find_into(name, had_url, out);
        if out.len() > MAX_NAMESAKES {
            out.clear();
        }
        self.counted(name, out)
    }

    /// As [`Self::find`] by name, for a row that also gives a company and a job title
    /// (recommendations): of several connections with the name, those it names the
    /// company (else the title) of, when there are any.
    pub fn find_at(
        &mut self,
        name: &str,
        company: &str,
        title: &str,
        out: &mut Vec<PersonId>,
    ) -> By {
        out.clear();
        self.names.find_into(name, false, out);
        if out.len() > MAX_NAMESAKES {
            out.clear();
        }
        let people = self.names.people;
        for (field, text) in [(Field::Company, company), (Field::Position, title)] {
            let text = fold_name(text);
            if out.len() < 2 || text.is_empty() {
                continue;
            }
            let same = |id: &PersonId| fold_name(people.field(*id, field)) == text;
            if out.iter().any(same) {
                out.retain(same);
            }
        }
        self.counted(name, out)
    }

    fn counted(&mut self, name: &str, out: &[PersonId]) -> By {
        match out.len() {
            0 => By::Nobody,
            n => {
                if n > 1 {
                    self.shared.insert(name.to_owned());
                }
                self.by_name += 1;
                By::Name
            }
        }
    }

    /// Starts counting matches for the next file.
    pub fn next_file(&mut self) -> (usize, usize) {
        (
            std::mem::take(&mut self.by_url),
            std::mem::take(&mut self.by_name),
        )
    }

    /// How many shared names found someone.
    pub fn shared_names(&self) -> usize {
        self.shared.len()
    }
}
