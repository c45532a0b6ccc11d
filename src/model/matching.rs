//! Finding the connections a list names (`unconnect stage`): by profile URL, else by name
//! and e-mail, else by name. A name two connections share names neither: guessing would
//! stage the wrong person.

use std::collections::HashMap;

use super::person::fold_name;
use super::{People, PersonId};

/// One row of a list, as matching sees it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Wanted {
    /// Normalised profile URL (see [`crate::import::url::normalise`]); empty when none.
    pub url: String,
    /// The name as [`fold_name`] folds it; empty when none.
    pub name: String,
    /// Lower-cased e-mail address; empty when none.
    pub email: String,
}

impl Wanted {
    /// A row with these fields (trimmed and folded here).
    pub fn new(url: String, name: &str, email: &str) -> Wanted {
        Wanted {
            url,
            name: fold_name(name),
            email: email.trim().to_lowercase(),
        }
    }
}

/// What a row names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    One(PersonId),
    /// This many connections fit the row.
    Ambiguous(usize),
    NotFound,
}

/// The export's people by URL and by folded name.
pub struct Index<'a> {
    people: &'a People,
    by_url: HashMap<String, PersonId>,
    by_name: HashMap<String, Vec<PersonId>>,
}

impl<'a> Index<'a> {
    pub fn new(people: &'a People) -> Index<'a> {
        let mut by_url = HashMap::new();
        let mut by_name: HashMap<String, Vec<PersonId>> = HashMap::new();
        for id in people.ids() {
            let p = people.get(id);
            if !p.url.is_empty() {
                by_url.insert(p.url.to_string(), id);
            }
            let name = fold_name(&format!("{} {}", p.first_name, p.last_name));
            if !name.is_empty() {
                by_name.entry(name).or_default().push(id);
            }
        }
        Index {
            people,
            by_url,
            by_name,
        }
    }

    pub fn find(&self, wanted: &Wanted) -> Found {
        if !wanted.url.is_empty()
            && let Some(&id) = self.by_url.get(&wanted.url)
        {
            return Found::One(id);
        }
        let Some(named) = self.by_name.get(&wanted.name) else {
            return Found::NotFound;
        };
        // A connection with another profile URL is another person, whatever the name.
        let candidates: Vec<PersonId> = named
            .iter()
            .copied()
            .filter(|&id| wanted.url.is_empty() || self.people.url(id).is_empty())
            .collect();
        let email_of = |id: PersonId| self.people.get(id).email.trim().to_lowercase();
        let candidates = if wanted.email.is_empty() {
            candidates
        } else {
            let same: Vec<PersonId> = candidates
                .iter()
                .copied()
                .filter(|&id| email_of(id) == wanted.email)
                .collect();
            if same.is_empty() {
                // Most exports leave e-mails empty; another address is another person.
                candidates
                    .into_iter()
                    .filter(|&id| email_of(id).is_empty())
                    .collect()
            } else {
                same
            }
        };
        match candidates.as_slice() {
            [] => Found::NotFound,
            [one] => Found::One(*one),
            many => Found::Ambiguous(many.len()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Person;

    fn person(first: &str, last: &str, url: &str, email: &str) -> Person {
        Person {
            first_name: first.into(),
            last_name: last.into(),
            url: url.into(),
            email: email.into(),
            ..Person::default()
        }
    }

    fn people() -> People {
        [
            person("Ada", "Example", "https://www.linkedin.com/in/ada", ""),
            person("Bo", "Twin", "https://www.linkedin.com/in/bo-1", ""),
            person("Bo", "Twin", "https://www.linkedin.com/in/bo-2", ""),
            person("Cy", "Old", "", "cy@example.com"),
            person("Cy", "Old", "", "other@example.com"),
            person("Dee", "Nomail", "", ""),
        ]
        .into_iter()
        .collect()
    }

    fn want(url: &str, name: &str, email: &str) -> Wanted {
        Wanted::new(url.into(), name, email)
    }

    #[test]
    fn a_url_wins_then_name_and_email_then_the_name() {
        let people = people();
        let index = Index::new(&people);
        let find = |w: Wanted| index.find(&w);
        let url = "https://www.linkedin.com/in/bo-2";
        assert_eq!(find(want(url, "", "")), Found::One(PersonId(2)));
        assert_eq!(
            find(want("", " ada   EXAMPLE ", "")),
            Found::One(PersonId(0))
        );
        assert_eq!(find(want("", "Bo Twin", "")), Found::Ambiguous(2));
        assert_eq!(
            find(want("", "Cy Old", "CY@example.com")),
            Found::One(PersonId(3))
        );
        assert_eq!(find(want("", "Cy Old", "")), Found::Ambiguous(2));
        assert_eq!(
            find(want("", "Cy Old", "third@example.com")),
            Found::NotFound
        );
        assert_eq!(
            find(want("", "Dee Nomail", "dee@example.com")),
            Found::One(PersonId(5)),
            "an export without the address still names her"
        );
        assert_eq!(find(want("", "Nobody", "")), Found::NotFound);
    }

    #[test]
    fn a_url_not_in_the_export_never_falls_back_to_someone_else_of_that_name() {
        let people = people();
        let index = Index::new(&people);
        let other = want("https://www.linkedin.com/in/ada-2", "Ada Example", "");
        assert_eq!(index.find(&other), Found::NotFound);
        let no_url_here = want("https://www.linkedin.com/in/dee", "Dee Nomail", "");
        assert_eq!(index.find(&no_url_here), Found::One(PersonId(5)));
    }
}
