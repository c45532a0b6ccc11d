//! History records, and apps showing them, that several History tests start from.

use chrono::{DateTime, FixedOffset, NaiveDate};
use unconnect::app::{Action, App, Effect, Event, Written};
use unconnect::model::history::{History, Kind, Record, State, Status};
use unconnect::model::invitation::Direction;
use unconnect::model::roster::people_triage;
use unconnect::model::triage::Place;
use unconnect::model::{Invitation, People, Person};
use unconnect::store::journal::status_entries;

/// 10:00 (+01:00) on day `day` of November 2026: when the tests' removals were made.
pub fn november(day: u32) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(&format!("2026-11-{day:02}T10:00:00.000+01:00")).unwrap()
}

/// Day `day` of December 2026: the History tests' today.
pub fn december(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, day).unwrap()
}

/// The removal of `p` (known by its URL), recorded `at` in `batch`: opened once past
/// To do, never checked.
pub fn removal(p: &Person, at: DateTime<FixedOffset>, batch: &str, status: Status) -> Record {
    Record {
        kind: Kind::Removal,
        id: p.url.as_str().into(),
        at,
        batch: batch.into(),
        state: State {
            status,
            opened: status != Status::ToDo,
            done_at: None,
            checked: None,
        },
        person: Some(p.clone().into()),
        invitation: None,
    }
}

/// An invitation the user sent `to` (at `invitee_url`), undated and without a message.
pub fn sent_invitation(to: &str, invitee_url: &str) -> Invitation {
    Invitation {
        from: "Me".into(),
        to: to.into(),
        sent_at: None,
        message: String::new(),
        direction: Direction::Outgoing,
        inviter_url: String::new(),
        invitee_url: invitee_url.into(),
    }
}

/// The withdrawal of `invitation` under `id`, recorded `at` in `batch`, not yet opened.
pub fn withdrawal(
    invitation: Invitation,
    id: &str,
    at: DateTime<FixedOffset>,
    batch: &str,
) -> Record {
    Record {
        kind: Kind::Withdrawal,
        id: id.into(),
        at,
        batch: batch.into(),
        state: State {
            status: Status::ToDo,
            opened: false,
            done_at: None,
            checked: None,
        },
        person: None,
        invitation: Some(invitation.into()),
    }
}

/// The app on `today` with `people` in the export and `history` recorded, the History tab
/// shown. The people at `removed` are out of both columns, as the session restores the
/// removed.
pub fn history_app(
    people: impl IntoIterator<Item = Person>,
    removed: impl IntoIterator<Item = u32>,
    history: History,
    today: NaiveDate,
) -> App {
    let export: People = people.into_iter().collect();
    let mut triage = people_triage(&export);
    triage.restore(removed.into_iter().map(|id| (id, Place::Done)));
    let mut app = App::new(export, triage, today).with_history(history);
    app.update(Action::HistoryTab);
    app
}

/// A History of `removals` alone.
pub fn removals(removals: Vec<Record>) -> History {
    History {
        removals,
        withdrawals: Vec::new(),
    }
}

/// A History of `withdrawals` alone.
pub fn withdrawals(withdrawals: Vec<Record>) -> History {
    History {
        removals: Vec::new(),
        withdrawals,
    }
}

/// What the runtime does with a `Record` effect: journals its marks `at` (as the writer
/// does) and hands the entries back; what the app answers.
pub fn journaled(app: &mut App, effect: &Effect, at: DateTime<FixedOffset>) -> Vec<Effect> {
    let Effect::Record { kind, mark, ids } = effect else {
        panic!("{effect:?}")
    };
    let records = app.records(*kind);
    let entries = status_entries(
        ids.iter().map(|&id| records[id as usize].id.as_str()),
        *mark,
        at,
    );
    app.handle(Event::Written(Written::Recorded {
        kind: *kind,
        mark: *mark,
        ids: ids.clone(),
        result: Ok(entries),
    }))
}
