//! What History's filter reads about each record, with the filter terms of the other
//! lists: names and e-mail (a withdrawal: addressee and message) as text; a removed
//! person's company and position as phrases, for `company:` and `position:`; whether
//! there is an address, for `email`; the day removed (withdrawn) here, for `removed:`
//! (`withdrawn:`); and the status, for `status:`.

use std::collections::HashMap;

use super::history_screen::status_fact;
use crate::model::history::{Kind, Record};
use crate::model::phrases::PhraseId;
use crate::model::search::SearchIndex;
use crate::model::terms::{DateKey, Facts};

/// The search index of one History list's records.
pub fn records_index(kind: Kind, records: &[Record]) -> SearchIndex {
    let text = SearchIndex::build(records.len(), |i| {
        let r = &records[i];
        match (&r.person, &r.invitation) {
            (Some(p), _) => [
                p.first_name.as_str(),
                p.last_name.as_str(),
                p.email.as_str(),
            ],
            (None, Some(inv)) => [inv.to.as_str(), inv.message.as_str(), ""],
            (None, None) => [r.id.as_str(), "", ""],
        }
    });
    let (phrases, shared) = phrases(records);
    let statuses = records.iter().map(|r| status_fact(r.status()));
    let days = records.iter().map(|r| Some(r.removed_on()));
    let facts = match kind {
        Kind::Removal => Facts::default()
            .with_dates(DateKey::Removed, days)
            .with_emails(
                records
                    .iter()
                    .map(|r| r.person.as_ref().is_some_and(|p| p.email.contains('@'))),
            )
            .with_company_and_position(),
        Kind::Withdrawal => Facts::default().with_dates(DateKey::Withdrawn, days),
    };
    text.with_phrases(phrases.iter().copied(), |i| {
        shared.get(i).copied().unwrap_or_default()
    })
    .with_facts(facts.with_statuses(statuses))
}

/// Each company and position once (the first, empty, is "none"), and each record's two.
fn phrases(records: &[Record]) -> (Vec<&str>, Vec<[PhraseId; 2]>) {
    let mut phrases = vec![""];
    let mut ids: HashMap<&str, PhraseId> = HashMap::new();
    let shared = records
        .iter()
        .map(|r| match &r.person {
            Some(p) => [p.company.as_str(), p.position.as_str()].map(|phrase| {
                if phrase.is_empty() {
                    return 0;
                }
                *ids.entry(phrase).or_insert_with(|| {
                    phrases.push(phrase);
                    PhraseId::try_from(phrases.len() - 1).unwrap_or(0)
                })
            }),
            None => [0, 0],
        })
        .collect();
    (phrases, shared)
}
