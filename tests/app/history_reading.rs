//! The History tab built behind the first screen: the app opens on who is removed and
//! staged, says the History tab is reading the journal, and loses or misapplies nothing
//! done before its records arrive.

use std::fs;
use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate};
use unconnect::app::{
    Action, App, Effect, Event, HistoryLists, Keymap, ListKind, Mode, Tab, Written,
};
use unconnect::model::history::{History, Status};
use unconnect::model::{InvitationRules, People, Person};
use unconnect::session::{self, Options};
use unconnect::store::Journal;
use unconnect::store::journal::removal_entries;

use crate::drawing::draw;

const HEADER: &str = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";

fn person(name: &str) -> Person {
    Person {
        first_name: name.to_owned(),
        last_name: "Test".into(),
        url: format!("https://www.linkedin.com/in/{}", name.to_lowercase()),
        company: "Acme".into(),
        ..Default::default()
    }
}

fn at(day: u32) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(&format!("2026-03-{day:02}T12:00:00.000+00:00")).unwrap()
}

/// Ada, Bo and Cy in the export; Ada removed in the journal already.
fn opened(root: &Path) -> (App, History, People) {
    opened_with(root, &[0])
}

/// Ada, Bo and Cy in the export; `removed` removed in the journal already.
fn opened_with(root: &Path, removed: &[u32]) -> (App, History, People) {
    let people: Vec<Person> = ["Ada", "Bo", "Cy"].map(person).into();
    let mut csv = String::from(HEADER);
    for p in &people {
        csv.push_str(&format!(
            "{},{},{},,Acme,,01 Jan 2020\n",
            p.first_name, p.last_name, p.url
        ));
    }
    let export = root.join("Connections.csv");
    fs::write(&export, csv).unwrap();
    let data = root.join("data");
    fs::create_dir_all(&data).unwrap();
    let everyone: People = people.into_iter().collect();
    let (mut journal, _) = Journal::open(&data.join("journal.jsonl")).unwrap();
    journal
        .append(removal_entries(&everyone, removed, at(10)))
        .unwrap();
    drop(journal);
    let session = session::start(Options {
        path: Some(export),
        invitations: None,
        data_dir: data,
        demo_data_dir: false,
        today: NaiveDate::from_ymd_opt(2026, 3, 25).unwrap(),
        rules: InvitationRules::default(),
    })
    .unwrap()
    .wait()
    .unwrap();
    let (app, history) = App::open_reading(session.loaded, Arc::new(Keymap::default()));
    (app, history, everyone)
}

fn text(app: &mut App) -> String {
    let terminal = draw(app, 100, 24);
    terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(ratatui::buffer::Cell::symbol)
        .collect()
}

fn names(app: &App) -> Vec<String> {
    app.records(ListKind::Removed)
        .iter()
        .map(unconnect::model::history::Record::name)
        .collect()
}

#[test]
fn the_first_screen_comes_before_the_history_and_leaves_the_removed_out() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, history, _) = opened(tmp.path());
    // The first screen: Ada, removed, is not among the connections; History not built.
    assert!(app.history().is_reading());
    assert_eq!(app.triage().done_count(), 1);
    let first = text(&mut app);
    assert!(
        first.contains("Bo Test") && !first.contains("Ada Test"),
        "{first}"
    );
    app.update(Action::HistoryTab);
    let reading = text(&mut app);
    assert!(reading.contains("Reading the journal"), "{reading}");
    assert!(names(&app).is_empty());

    // Then the lists arrive, built from what the session read.
    assert_eq!(history.removals.len(), 1);
    app.handle(Event::HistoryReady(Box::new(HistoryLists::build(history))));
    assert!(!app.history().is_reading());
    assert_eq!(names(&app), ["Ada Test"]);
    let built = text(&mut app);
    assert!(!built.contains("Reading the journal"), "{built}");
    assert!(built.contains("Ada Test"), "{built}");
}

#[test]
fn history_actions_before_the_records_arrive_do_nothing_and_removals_meanwhile_count() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, history, everyone) = opened(tmp.path());

    // `d` and `r` on the History tab while it reads: nothing is marked or asked, and
    // the user is told why.
    app.update(Action::HistoryTab);
    assert_eq!(app.update(Action::Done), vec![]);
    assert_eq!(app.update(Action::Restore), vec![]);
    assert_eq!(*app.mode(), Mode::Browse);
    let status = &app.status().unwrap().text;
    assert!(status.contains("still reading the journal"), "{status}");

    // Bo and Cy removed from the Connections tab meanwhile, journaled by the writer.
    app.update(Action::ConnectionsTab);
    assert_eq!(app.tab(), Tab::Connections);
    app.update(Action::MoveAll);
    app.update(Action::Remove);
    let effects = app.update(Action::Yes);
    let [Effect::Confirmed(action)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    let entries = removal_entries(&everyone, &[1, 2], at(20));
    app.handle(Event::Written(Written::Confirmed(
        action.clone(),
        Ok(entries),
    )));
    assert_eq!(app.triage().done_count(), 3);
    assert!(names(&app).is_empty(), "still reading");

    // The lists, built from the journal as it was at the start, get the removals made
    // since, newest first, as if they had been there all along.
    app.handle(Event::HistoryReady(Box::new(HistoryLists::build(history))));
    let mut newest = names(&app);
    newest[..2].sort();
    assert_eq!(newest, ["Bo Test", "Cy Test", "Ada Test"]);
    assert!(
        app.history()
            .progress_line(unconnect::model::history::Kind::Removal)
            .starts_with("0 of 3"),
        "{}",
        app.history()
            .progress_line(unconnect::model::history::Kind::Removal)
    );

    // `d` now ticks off the record under the cursor, the newest.
    app.update(Action::HistoryTab);
    let effects = app.update(Action::Done);
    let [Effect::Record { kind, ids, .. }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(*kind, ListKind::Removed);
    let first = &app.records(ListKind::Removed)[ids[0] as usize];
    assert_eq!(first.status(), Status::ToDo);
    assert_ne!(
        first.name(),
        "Ada Test",
        "the cursor is on the newest removal"
    );
}

/// The first screen leaves out the removals in force as the History replays them, no
/// longer by a second pass over the journal: both must name the same people, through
/// restores, removals again, marks and withdrawals.
#[test]
fn the_removals_in_force_are_the_history_s_records_whatever_the_journal_did() {
    use unconnect::store::JournalAction;
    use unconnect::store::journal::{history, status_entries};
    let everyone: People = ["Ada", "Bo", "Cy", "Di", "Ed"]
        .map(person)
        .into_iter()
        .collect();
    let url = |name: &str| format!("https://www.linkedin.com/in/{name}");
    let mut entries = removal_entries(&everyone, &[0, 1, 2, 3], at(1));
    entries.extend(status_entries(
        [url("bo").as_str()],
        JournalAction::Done,
        at(2),
    ));
    entries.extend(status_entries(
        [url("ada").as_str(), url("cy").as_str()],
        JournalAction::Restore,
        at(3),
    ));
    // Cy removed again after the restore; Ed restored without ever being removed.
    entries.extend(removal_entries(&everyone, &[2], at(4)));
    entries.extend(status_entries(
        [url("ed").as_str()],
        JournalAction::Restore,
        at(5),
    ));
    entries.extend(status_entries(
        [url("di").as_str()],
        JournalAction::Opened,
        at(6),
    ));
    let replayed = history(&entries);
    let mut from_history: Vec<&str> = replayed.removals.iter().map(|r| r.id.as_str()).collect();
    let mut from_journal: Vec<&str> = session::done_ids(&entries, JournalAction::Remove)
        .into_iter()
        .collect();
    from_history.sort_unstable();
    from_journal.sort_unstable();
    assert_eq!(from_history, from_journal);
    assert_eq!(from_history, [url("bo"), url("cy"), url("di")]);
}

#[test]
fn the_history_cursor_saved_at_quit_comes_back_once_the_records_arrive() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, history, _) = opened_with(tmp.path(), &[0, 1, 2]);
    let mut saved = unconnect::store::view::View {
        tab: "history".into(),
        ..Default::default()
    };
    saved
        .cursors
        .insert("removed".into(), "https://www.linkedin.com/in/bo".into());
    app.handle(Event::ViewRead(Ok(Some(saved))));
    assert!(app.history().is_reading());
    app.handle(Event::HistoryReady(Box::new(HistoryLists::build(history))));
    let t = app.triage_of(ListKind::Removed).unwrap();
    let id = t
        .column(unconnect::model::triage::Side::Left)
        .current()
        .unwrap();
    assert_eq!(
        app.records(ListKind::Removed)[id as usize].name(),
        "Bo Test"
    );
    // And it is kept at the next quit.
    assert_eq!(
        app.view().cursors.get("removed").map(String::as_str),
        Some("https://www.linkedin.com/in/bo")
    );
}
