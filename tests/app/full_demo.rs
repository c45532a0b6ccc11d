//! The demo export with all it holds, for tests that go through every list: its
//! people with their signals, its pending invitations, and a History of both kinds.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate};
use unconnect::app::App;
use unconnect::model::history::{History, Kind, Record, State, Status};
use unconnect::model::pending::Pending;
use unconnect::model::roster::people_triage;

fn demo_today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

fn record(kind: Kind, i: usize) -> Record {
    let person = unconnect::model::Person {
        first_name: format!("First{i}"),
        last_name: format!("Last{i}"),
        position: "Engineer".into(),
        company: "Acme".into(),
        url: format!("https://www.linkedin.com/in/p{i}"),
        ..Default::default()
    };
    Record {
        kind,
        id: format!("r{i}").into(),
        at: DateTime::parse_from_rfc3339("2026-11-20T10:00:00.000+01:00").unwrap(),
        batch: "b".into(),
        state: State {
            status: Status::ToDo,
            opened: false,
            done_at: None,
            checked: None,
        },
        person: (kind == Kind::Removal).then(|| person.into()),
        invitation: None,
    }
}

/// The demo with its signals, its pending invitations and a History of both kinds.
pub fn full_demo() -> App {
    let demo = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo");
    let export = unconnect::import::load(std::path::Path::new(demo)).unwrap();
    let invitations = export.invitations.unwrap();
    let pending = Pending::from_export(&export.people, &invitations.list);
    let rules = unconnect::model::InvitationRules::default();
    let triage = pending.triage(&rules, demo_today());
    let mut withdrawals: Vec<Record> = (0..3).map(|i| record(Kind::Withdrawal, i)).collect();
    for (w, inv) in withdrawals.iter_mut().zip(&invitations.list) {
        w.invitation = Some(inv.clone().into());
    }
    let history = History {
        removals: (0..3).map(|i| record(Kind::Removal, i)).collect(),
        withdrawals,
    };
    let signals = export.signals.map(Arc::new);
    let note = unconnect::app::strings::signals_note(signals.as_deref());
    let people_triage = people_triage(&export.people);
    App::new(export.people, people_triage, demo_today())
        .with_signals(signals, note)
        .with_invitations(pending, triage, rules)
        .with_history(history)
}
