//! The tab, each list's sort and the Timeline's zoom come back on the next start: saved
//! to the data folder at quit, read at start.

use crate::fixtures::{app_of, numbered_person};
use chrono::NaiveDate;
use unconnect::app::{Action, App, Event, Tab};
use unconnect::model::timeline::Granularity;
use unconnect::model::triage::Side;
use unconnect::model::{People, Person};
use unconnect::store::view;

fn app() -> App {
    app_of((0..8).map(|i| Person {
        last_name: format!("Last{}", 8 - i),
        company: format!("Co{}", i % 3),
        connected_on: NaiveDate::from_ymd_opt(2020, 1 + i as u32, 1),
        ..numbered_person(i)
    }))
}

#[test]
fn the_view_comes_back_after_a_restart() {
    let mut before = app();
    before.update(Action::Sort);
    before.update(Action::SortByName);
    before.update(Action::ReverseSort);
    let sort = before.triage().sort_label(Side::Left);
    let order = before.triage().column(Side::Left).shown().to_vec();
    before.update(Action::TimelineTab);
    before.update(Action::ZoomIn);
    before.update(Action::HistoryTab);
    before.update(Action::TimelineTab);

    // Quit: saved in the data folder. Start again: read back.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("view.json");
    view::write(&path, &before.view()).unwrap();
    let mut after = app();
    assert_eq!(after.tab(), Tab::Connections);
    after.handle(Event::ViewRead(view::read(&path)));

    assert_eq!(after.tab(), Tab::Timeline);
    assert_eq!(after.timeline().unwrap().granularity, Granularity::Week);
    assert_eq!(after.triage().sort_label(Side::Left), sort);
    assert!(sort.ends_with(", reversed"), "{sort}");
    assert_eq!(after.triage().column(Side::Left).shown(), order);
}

#[test]
fn a_damaged_view_file_warns_and_starts_as_new() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("view.json");
    std::fs::write(&path, "{ not json").unwrap();
    let mut app = app();
    app.handle(Event::ViewRead(view::read(&path)));
    assert_eq!(app.tab(), Tab::Connections);
    let status = &app.status().unwrap().text;
    assert!(
        status.starts_with("The view you left could not be read"),
        "{status}"
    );
}

#[test]
fn names_this_version_does_not_know_are_passed_by() {
    let mut saved = view::View {
        tab: "nowhere".into(),
        zoom: "fortnight".into(),
        ..Default::default()
    };
    saved.sorts.insert(
        "connections".into(),
        view::Sort {
            name: "shoe size".into(),
            reversed: true,
        },
    );
    let mut app = app();
    app.handle(Event::ViewRead(Ok(Some(saved))));
    assert_eq!(app.tab(), Tab::Connections);
    assert!(!app.triage().column(Side::Left).reversed);
}

#[test]
fn the_writer_keeps_the_view_in_the_data_folder_privately() {
    use unconnect::runtime::writer::{Job, Writer};
    use unconnect::session::Store;
    use unconnect::store::DataDir;
    use unconnect::store::journal::Journal;
    use unconnect::store::staged::StagedStore;
    let dir = tempfile::tempdir().unwrap();
    let data_dir = DataDir::open_locked(dir.path()).unwrap();
    let (journal, _) = Journal::open(&data_dir.journal_path()).unwrap();
    let (staged, _) = StagedStore::load(&data_dir.staged_path("connections")).unwrap();
    let (staged_invitations, _) = StagedStore::load(&data_dir.staged_path("invitations")).unwrap();
    let (kept, _) = StagedStore::load(&data_dir.kept_path()).unwrap();
    let path = view::path(&data_dir);
    let mut writer = Writer::spawn(Store {
        data_dir,
        journal,
        staged,
        staged_invitations,
        kept,
    })
    .unwrap();
    let mut app = app();
    app.update(Action::ReverseSort);
    writer.send(Job::SaveView(app.view()));
    let written = writer.finish();
    assert!(matches!(
        written[..],
        [unconnect::app::Written::View(Ok(()))]
    ));
    assert_eq!(view::read(&path).unwrap(), Some(app.view()));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

/// A pre-2023 export: no URLs, and two different people both named Anna Berg.
fn namesakes() -> App {
    let row = |first: &str, company: &str, month| Person {
        first_name: first.into(),
        last_name: "Berg".into(),
        company: company.into(),
        connected_on: NaiveDate::from_ymd_opt(2020, month, 1),
        ..Default::default()
    };
    let people: People = [
        row("Anna", "Acme", 6),
        row("Cleo", "Globex", 5),
        row("Anna", "Initech", 4),
        row("Bea", "Hooli", 3),
    ]
    .into_iter()
    .collect();
    crate::fixtures::app_on(people, crate::fixtures::today())
}

fn company_under_cursor(app: &App) -> String {
    let id = app.triage().column(Side::Left).current().unwrap();
    app.people()
        .get(unconnect::model::PersonId(id))
        .company
        .to_owned()
}

#[test]
fn the_cursor_comes_back_on_its_person_not_on_a_namesake_after_a_restart() {
    let mut before = namesakes();
    before.update(Action::Sort);
    before.update(Action::SortByName);
    before.update(Action::Top);
    before.update(Action::Down);
    // Sorted by name: Anna (Acme), Anna (Initech), Bea, Cleo.
    assert_eq!(company_under_cursor(&before), "Initech");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("view.json");
    view::write(&path, &before.view()).unwrap();

    let mut after = namesakes();
    after.handle(Event::ViewRead(view::read(&path)));
    assert_eq!(
        company_under_cursor(&after),
        "Initech",
        "the same Anna Berg"
    );
}

#[test]
fn a_view_without_a_cursor_opens_on_the_first_row_of_its_order() {
    let mut saved = view::View::default();
    saved.sorts.insert(
        "connections".into(),
        view::Sort {
            name: "last name".into(),
            reversed: true,
        },
    );
    let mut app = namesakes();
    app.handle(Event::ViewRead(Ok(Some(saved))));
    assert_eq!(app.triage().column(Side::Left).cursor, 0);
    assert_eq!(
        company_under_cursor(&app),
        "Globex",
        "Cleo, first from Z to A"
    );
}
