//! Checking the journal against an export of 30,000 people (each person's identity
//! written into one reused buffer and looked up among the removals' in a table of
//! hashes) held against a naive recomputation: every identity built whole into a set,
//! every withdrawal looked for among the invitations one by one.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate};

use super::*;
use crate::model::Person;
use crate::model::history::Kind;
use crate::model::invitee::invitee_is_connection;
use crate::store::journal::{removal_entries, withdrawal_entries};

const N: u32 = 30_000;

/// Person `i` of the first export: a profile URL (some with accents), or none and then
/// known by name and e-mail.
fn person(i: u32) -> Person {
    let url = match i % 7 {
        0 => String::new(),
        1 => format!("https://www.linkedin.com/in/zoë-{i}"),
        _ => format!("https://www.linkedin.com/in/p-{i:x}"),
    };
    Person {
        first_name: format!("P{i}"),
        last_name: "Example".into(),
        url,
        email: format!("p{i}@example.com"),
        company: "Acme".into(),
        connected_on: NaiveDate::from_ymd_opt(2020, 1, 1 + i % 28),
        ..Person::default()
    }
}

fn invitation(i: u32) -> Invitation {
    Invitation {
        from: "Me".into(),
        to: format!("P{i} Example"),
        sent_at: NaiveDate::from_ymd_opt(2026, 1, 2).and_then(|d| d.and_hms_opt(9, 0, 0)),
        message: String::new(),
        direction: if i.is_multiple_of(9) {
            Direction::Incoming
        } else {
            Direction::Outgoing
        },
        inviter_url: String::new(),
        // Invitations to people of this export (accepted, if still there), and to others.
        invitee_url: format!("https://www.linkedin.com/in/p-{:x}", i * 3 + 2),
    }
}

#[test]
fn checking_30000_people_finds_what_a_naive_recomputation_finds() {
    let before: People = (0..N).map(person).collect();
    let at = DateTime::parse_from_rfc3339("2026-03-01T10:00:00+00:00").unwrap();
    // A fifth removed; a third of those still listed in the new export.
    let removed: Vec<u32> = (0..N).filter(|i| i % 5 == 0).collect();
    let invitations: Vec<Invitation> = (0..3_000).map(invitation).collect();
    let mut entries = removal_entries(&before, &removed, at);
    entries.extend(withdrawal_entries(invitations.iter().step_by(4), at));
    let history = journal::history(&entries);
    let after: People = (0..N + 500)
        .filter(|i| i % 5 != 0 || i % 15 == 0)
        .map(person)
        .collect();
    let export_date = ExportDate {
        day: NaiveDate::from_ymd_opt(2026, 4, 1).unwrap(),
        taken: None,
    };

    let identities: HashSet<String> = after
        .ids()
        .map(|id| after.get(id).identity().to_string())
        .collect();
    let connected = invitee_is_connection(&after, &invitations);
    let pending = |id: &str| {
        invitations.iter().zip(&connected).any(|(inv, &connected)| {
            inv.direction == Direction::Outgoing && !connected && inv.identity() == id
        })
    };
    let naive = history::verify(&history, &export_date, |kind, i| match kind {
        Kind::Removal => Some(identities.contains(history.removals[i].id.as_str())),
        Kind::Withdrawal => Some(pending(&history.withdrawals[i].id)),
    });

    let checked = check(&history, &after, Some(&invitations), &export_date);
    assert_eq!(checked.removals_verified, naive.removals_verified);
    assert_eq!(
        checked.removals_still_connected,
        naive.removals_still_connected
    );
    assert_eq!(checked.withdrawals_verified, naive.withdrawals_verified);
    assert_eq!(
        checked.withdrawals_still_pending,
        naive.withdrawals_still_pending
    );
    assert!(checked == naive, "the same findings, in the same order");
    // Both answers occur, for both kinds.
    assert_eq!(naive.removals_verified, 4_000);
    assert_eq!(naive.removals_still_connected, 2_000);
    assert!(naive.withdrawals_verified > 0 && naive.withdrawals_still_pending > 0);

    // Without an Invitations.csv withdrawals are left unchecked, removals the same.
    let removals_only = check(&history, &after, None, &export_date);
    let naive = history::verify(&history, &export_date, |kind, i| match kind {
        Kind::Removal => Some(identities.contains(history.removals[i].id.as_str())),
        Kind::Withdrawal => None,
    });
    assert!(removals_only == naive);
}

/// Each person's removal is looked up in parts across the cores: across the parts'
/// edges, every person finds the removal that names them and nobody else finds one.
#[test]
fn each_person_finds_their_removal_across_the_parts() {
    let n = 2 * PART as u32 + 7;
    let people: People = (0..n).map(person).collect();
    let at = DateTime::parse_from_rfc3339("2026-03-01T10:00:00+00:00").unwrap();
    let removed: Vec<u32> = (0..n)
        .filter(|i| i % 3 == 0 || (PART as u32 - 2..PART as u32 + 2).contains(i))
        .collect();
    let history = journal::history(&removal_entries(&people, &removed, at));
    let found = removals_of(&history.removals, &people);
    assert_eq!(found.len(), people.len());
    for (i, found) in found.iter().enumerate() {
        let id = people.get(PersonId(i as u32)).identity();
        let named = found.map(|j| history.removals[j as usize].id.as_str());
        let expected = removed.binary_search(&(i as u32)).is_ok();
        assert_eq!(named.is_some(), expected, "person {i}");
        if let Some(named) = named {
            assert_eq!(named, id.as_str(), "person {i}");
        }
    }
}
