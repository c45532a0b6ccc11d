//! What changed between two exports of one account (`unconnect diff`): who is new, who
//! is gone (and whether the user removed them), whose position or company changed. The
//! same person is the same identity, as the import defines it (profile URL first).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::{Identity, People, PersonId, bursts};

mod identities;

pub use identities::{Identities, Member, compare_with, members, split_removed, stable_hash};

/// A burst among the new connections: its days and how many new ones arrived in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct NewBurst {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub count: usize,
}

/// The comparison, by person id in the export each person is in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// In the new export only (ids in it).
    pub added: Vec<PersonId>,
    pub new_bursts: Vec<NewBurst>,
    /// In the old export only, removed by the user (ids in the old one).
    pub gone_removed_by_you: Vec<PersonId>,
    /// In the old export only, not removed by the user: closed accounts, people who
    /// removed the user, LinkedIn's own losses.
    pub gone_not_by_you: Vec<PersonId>,
    pub changed_position: usize,
    pub changed_company: usize,
}

impl Changes {
    pub fn gone(&self) -> usize {
        self.gone_removed_by_you.len() + self.gone_not_by_you.len()
    }

    /// One sentence, e.g. "25 new (20 on 1 Dec 2026: a burst), 5 gone that you did not
    /// remove". Counts only: nothing from the export.
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        let mut new = format!("{} new", self.added.len());
        if !self.new_bursts.is_empty() {
            let bursts: Vec<String> = self
                .new_bursts
                .iter()
                .map(|b| format!("{} {}: a burst", b.count, days(b.from, b.to)))
                .collect();
            new.push_str(&format!(" ({})", bursts.join("; ")));
        }
        parts.push(new);
        if !self.gone_not_by_you.is_empty() {
            parts.push(format!(
                "{} gone that you did not remove",
                self.gone_not_by_you.len()
            ));
        }
        if !self.gone_removed_by_you.is_empty() {
            parts.push(format!(
                "{} gone that you removed",
                self.gone_removed_by_you.len()
            ));
        }
        if self.changed_position + self.changed_company > 0 {
            parts.push(format!(
                "{} changed position, {} changed company",
                self.changed_position, self.changed_company
            ));
        }
        parts.join(", ")
    }
}

/// "on 1 Dec 2026", or "from 29 Nov to 1 Dec 2026".
fn days(from: NaiveDate, to: NaiveDate) -> String {
    let day = |d: NaiveDate| d.format("%-d %b %Y").to_string();
    if from == to {
        format!("on {}", day(from))
    } else {
        format!("from {} to {}", day(from), day(to))
    }
}

/// Compares `old` with `new`; `removed(identity)` says whether the user removed that
/// person (the journal's removals in force).
pub fn compare(old: &People, new: &People, removed: impl Fn(&str) -> bool) -> Changes {
    let old_ids: HashMap<Identity, PersonId> =
        old.ids().map(|id| (old.get(id).identity(), id)).collect();
    let mut changes = Changes::default();
    let mut seen = HashSet::with_capacity(old_ids.len());
    for id in new.ids() {
        let p = new.get(id);
        match old_ids.get(&p.identity()) {
            None => changes.added.push(id),
            Some(&was) => {
                seen.insert(was);
                let before = old.get(was);
                changes.changed_position += usize::from(before.position != p.position);
                changes.changed_company += usize::from(before.company != p.company);
            }
        }
    }
    for id in old.ids().filter(|id| !seen.contains(id)) {
        if removed(&old.get(id).identity()) {
            changes.gone_removed_by_you.push(id);
        } else {
            changes.gone_not_by_you.push(id);
        }
    }
    changes.new_bursts = new_bursts(new, &changes.added);
    changes
}

/// The bursts of the new export (against its own rate: a burst among the new ones alone
/// has nothing to stand out from) that new connections arrived in, counting those.
fn new_bursts(new: &People, added: &[PersonId]) -> Vec<NewBurst> {
    if added.is_empty() {
        return Vec::new();
    }
    let added_dates: Vec<NaiveDate> = added
        .iter()
        .filter_map(|&id| new.connected_on(id))
        .collect();
    bursts::find(new.ids().map(|id| new.connected_on(id)))
        .bursts
        .into_iter()
        .map(|b| NewBurst {
            from: b.from,
            to: b.to,
            count: added_dates
                .iter()
                .filter(|d| (b.from..=b.to).contains(d))
                .count(),
        })
        .filter(|b| b.count > 0)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Person;

    pub(super) fn person(slug: &str, company: &str, day: u32) -> Person {
        Person {
            first_name: slug.into(),
            last_name: "Test".into(),
            url: if slug.is_empty() {
                String::new()
            } else {
                format!("https://www.linkedin.com/in/{slug}")
            },
            company: company.into(),
            position: "Engineer".into(),
            connected_on: NaiveDate::from_ymd_opt(2026, 1, 1)
                .and_then(|d| d.checked_add_days(chrono::Days::new(u64::from(day)))),
            ..Person::default()
        }
    }

    /// Sixty people a few days apart each, over most of a year.
    pub(super) fn steady() -> Vec<Person> {
        (0..60)
            .map(|i| person(&format!("p{i}"), "Acme", i * 4))
            .collect()
    }

    fn names(people: &People, ids: &[PersonId]) -> Vec<String> {
        ids.iter()
            .map(|&id| people.get(id).first_name.to_owned())
            .collect()
    }

    #[test]
    fn new_gone_and_changed_are_told_apart() {
        let old: People = steady().into_iter().collect();
        let mut next = steady();
        next.retain(|p| p.first_name != "p3" && p.first_name != "p7");
        next[0].company = "Globex".into();
        next[1].position = "Boss".into();
        next.push(person("late", "Acme", 300));
        let new: People = next.into_iter().collect();
        let changes = compare(&old, &new, |id| id.ends_with("/p3"));
        assert_eq!(names(&new, &changes.added), ["late"]);
        assert_eq!(names(&old, &changes.gone_removed_by_you), ["p3"]);
        assert_eq!(names(&old, &changes.gone_not_by_you), ["p7"]);
        assert_eq!((changes.changed_company, changes.changed_position), (1, 1));
        assert!(changes.new_bursts.is_empty(), "{:?}", changes.new_bursts);
        assert_eq!(
            changes.summary(),
            "1 new, 1 gone that you did not remove, 1 gone that you removed, \
             1 changed position, 1 changed company"
        );
    }

    #[test]
    fn an_accident_among_the_new_ones_is_a_burst_and_a_day_apart_is_not_in_it() {
        let old: People = steady().into_iter().collect();
        let mut next = steady();
        for i in 0..25 {
            next.push(person(&format!("accident{i}"), "Acme", 300));
        }
        next.push(person("later", "Acme", 330));
        let new: People = next.into_iter().collect();
        let changes = compare(&old, &new, |_| false);
        assert_eq!(changes.added.len(), 26);
        let day = NaiveDate::from_ymd_opt(2026, 10, 28).unwrap();
        assert_eq!(
            changes.new_bursts,
            [NewBurst {
                from: day,
                to: day,
                count: 25
            }]
        );
        assert_eq!(changes.summary(), "26 new (25 on 28 Oct 2026: a burst)");
    }

    #[test]
    fn people_without_a_url_are_the_same_by_name_and_email() {
        let mut a = person("", "Acme", 1);
        a.first_name = "Cy".into();
        a.email = "cy@example.com".into();
        let mut b = a.clone();
        b.email = "CY@example.com".into();
        b.company = "Initech".into();
        let old: People = [a].into_iter().collect();
        let new: People = [b].into_iter().collect();
        let changes = compare(&old, &new, |_| false);
        assert!(changes.added.is_empty() && changes.gone() == 0);
        assert_eq!(changes.changed_company, 1);
    }
}
