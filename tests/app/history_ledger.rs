//! One ledger: every journal write (a confirmation, an open, done, undone, a restore)
//! comes back from the real writer as the entries it appended, and the History tab that
//! applies them shows what replaying the whole journal from disk shows.

use std::sync::Arc;

use chrono::NaiveDate;
use unconnect::app::{Action, App, Effect, Event, ListKind, OpenOutcome};
use unconnect::model::Person;
use unconnect::model::history::History;
use unconnect::model::roster::people_triage;
use unconnect::runtime::writer::{Entries, Job, Writer};
use unconnect::store::journal::{self, Journal, JournalEntry};

use crate::writer::store;

fn people() -> Vec<Person> {
    ["Ada", "Bo", "Cy", "Di", "Ed"]
        .iter()
        .map(|name| Person {
            first_name: (*name).into(),
            last_name: "Example".into(),
            url: format!("https://www.linkedin.com/in/{}", name.to_lowercase()),
            ..Default::default()
        })
        .collect()
}

/// Performs a journal effect as the runtime does: builds the entries, has the writer
/// append them, and hands the app what it reports.
fn perform(app: &mut App, writer: &mut Writer, effects: &[Effect]) {
    for effect in effects {
        let job = match effect {
            Effect::Confirmed(action) => Job::Confirm {
                action: action.clone(),
                entries: Entries::Removals {
                    people: Arc::clone(app.people()),
                    at: journal::now(),
                },
            },
            Effect::Record { kind, mark, ids } => {
                let records = app.records(*kind);
                let entries = journal::status_entries(
                    ids.iter().map(|&id| records[id as usize].id.as_str()),
                    *mark,
                    journal::now(),
                );
                Job::Record {
                    kind: *kind,
                    mark: *mark,
                    ids: ids.clone(),
                    entries,
                }
            }
            _ => continue,
        };
        assert!(writer.send(job));
        for written in writer.wait_idle() {
            app.handle(Event::Written(written));
        }
    }
}

/// The History tab's removals against a replay of the journal on disk.
fn assert_replays(app: &App, journal: &std::path::Path, after: &str) {
    let entries = Journal::read(journal).unwrap();
    let built = History::build(entries.iter().filter_map(JournalEntry::event));
    assert_eq!(
        app.records(ListKind::Removed),
        built.removals.as_slice(),
        "after {after}"
    );
    assert!(!app.is_journaling(), "after {after}");
}

#[test]
fn confirm_open_done_undone_and_restore_applied_as_written_equal_a_replay_of_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.jsonl");
    let mut writer = Writer::spawn(store(dir.path())).unwrap();
    let export: unconnect::model::People = people().into_iter().collect();
    let triage = people_triage(&export);
    let mut app = App::new(
        export,
        triage,
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
    );

    // Three removed, then two more in a second confirmation.
    for rows in [3, 2] {
        for _ in 0..rows {
            app.update(Action::Move);
        }
        app.update(Action::Remove);
        let effects = app.update(Action::Yes);
        perform(&mut app, &mut writer, &effects);
        assert_replays(&app, &path, "a confirmation");
    }
    assert_eq!(app.records(ListKind::Removed).len(), 5);

    app.update(Action::HistoryTab);
    let effects = app.update(Action::OpenNext);
    let Some(Effect::OpenUrl(url)) = effects.last() else {
        panic!("{effects:?}")
    };
    let record = app.handle(Event::Opened {
        url: url.clone(),
        outcome: OpenOutcome::Opened,
    });
    perform(&mut app, &mut writer, &record);
    assert_replays(&app, &path, "an open");

    for what in ["done", "undone"] {
        let effects = app.update(Action::Done);
        perform(&mut app, &mut writer, &effects);
        assert_replays(&app, &path, what);
    }
    let effects = app.update(Action::Done);
    perform(&mut app, &mut writer, &effects);

    // The next one restored: its record ends, the rest stand as they were.
    app.update(Action::Down);
    app.update(Action::Restore);
    let effects = app.update(Action::Yes);
    perform(&mut app, &mut writer, &effects);
    assert_replays(&app, &path, "a restore");
    assert_eq!(app.records(ListKind::Removed).len(), 4);
    drop(writer.finish());
}
