//! The History tab acts on the records the user means. Its cursor, sort and marks belong
//! to records, not to row numbers: a restore (or a removal confirmed meanwhile) rebuilds
//! the lists, and the next key must still act on the person the user was on, or the
//! nearest one. A filter not valid stops the work-through keys; one that hides rows is
//! said when a key acts on more than the rows shown.

use chrono::{DateTime, FixedOffset, NaiveDate};
use unconnect::app::{Action, App, Effect, Event, ListKind, Written};
use unconnect::model::history::{History, Kind, Record, State, Status};
use unconnect::model::roster::people_triage;
use unconnect::model::triage::{Place, Side};
use unconnect::model::{People, Person};
use unconnect::store::journal;

fn at(day: u32) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(&format!("2026-11-{day:02}T10:00:00.000+01:00")).unwrap()
}

const NAMES: [&str; 5] = ["Ada", "Bo", "Cy", "Di", "Ed"];

/// Five removed, Ada the newest; sorted by name, Z to A, on the History tab.
fn app() -> App {
    let people: Vec<Person> = NAMES
        .iter()
        .map(|first| Person {
            first_name: (*first).into(),
            last_name: "Berg".into(),
            url: format!("https://www.linkedin.com/in/{}", first.to_lowercase()),
            connected_on: NaiveDate::from_ymd_opt(2024, 3, 13),
            ..Default::default()
        })
        .collect();
    let removals = people
        .iter()
        .enumerate()
        .map(|(i, p)| Record {
            kind: Kind::Removal,
            id: p.url.as_str().into(),
            at: at(20 - i as u32),
            batch: "b1".into(),
            state: State {
                status: Status::ToDo,
                opened: false,
                done_at: None,
                checked: None,
            },
            person: Some(p.clone().into()),
            invitation: None,
        })
        .collect();
    let export: People = people.into_iter().collect();
    let mut triage = people_triage(&export);
    triage.restore((0..5).map(|i| (i, Place::Done)));
    let mut app = App::new(
        export,
        triage,
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
    )
    .with_history(History {
        removals,
        withdrawals: Vec::new(),
    });
    app.update(Action::HistoryTab);
    app.update(Action::Sort);
    app.update(Action::SortByName);
    app.update(Action::ReverseSort);
    app
}

fn current(app: &App) -> String {
    let t = app.triage_of(ListKind::Removed).unwrap();
    let id = t.column(Side::Left).current().unwrap();
    app.records(ListKind::Removed)[id as usize].name()
}

fn shown(app: &App) -> Vec<String> {
    let t = app.triage_of(ListKind::Removed).unwrap();
    let records = app.records(ListKind::Removed);
    t.column(Side::Left)
        .shown()
        .iter()
        .map(|&i| records[i as usize].name())
        .collect()
}

/// As the writer does: journal what the effect asks, hand the entries back.
fn journaled(app: &mut App, effects: &[Effect]) {
    let Some(Effect::Record { kind, mark, ids }) = effects.first() else {
        panic!("{effects:?}")
    };
    let records = app.records(*kind);
    let entries = journal::status_entries(
        ids.iter().map(|&id| records[id as usize].id.as_str()),
        *mark,
        at(30),
    );
    app.handle(Event::Written(Written::Recorded {
        kind: *kind,
        mark: *mark,
        ids: ids.clone(),
        result: Ok(entries),
    }));
}

#[test]
fn after_a_restore_the_list_keeps_its_order_and_the_cursor_the_next_person() {
    let mut app = app();
    assert_eq!(shown(&app)[0], "Ed Berg");
    app.update(Action::Top);
    for _ in 0..2 {
        app.update(Action::Down);
    }
    assert_eq!(current(&app), "Cy Berg");
    app.update(Action::Restore);
    let effects = app.update(Action::Yes);
    journaled(&mut app, &effects);
    assert_eq!(app.records(ListKind::Removed).len(), 4);
    assert_eq!(shown(&app), ["Ed Berg", "Di Berg", "Bo Berg", "Ada Berg"]);
    // `d` now ticks Bo, the next one down, not whoever is first by date.
    assert_eq!(current(&app), "Bo Berg");
    let effects = app.update(Action::Done);
    journaled(&mut app, &effects);
    let done = |name: &str| {
        app.records(ListKind::Removed)
            .iter()
            .find(|r| r.name() == name)
            .unwrap()
            .status()
    };
    assert_eq!(done("Bo Berg"), Status::Done);
    assert_eq!(done("Ada Berg"), Status::ToDo);
}

#[test]
fn lists_rebuilt_under_the_user_keep_their_marks_and_cursor_on_the_same_people() {
    let mut app = app();
    app.update(Action::Top);
    app.update(Action::Mark); // Ed, then the cursor steps down
    app.update(Action::Mark); // Di
    assert_eq!(current(&app), "Cy Berg");
    // The same records read again, numbered otherwise (oldest first).
    let mut removals = app.records(ListKind::Removed).to_vec();
    removals.reverse();
    let mut app = app.with_history(History {
        removals,
        withdrawals: Vec::new(),
    });
    assert_eq!(current(&app), "Cy Berg");
    let t = app.triage_of(ListKind::Removed).unwrap();
    let records = app.records(ListKind::Removed);
    let mut marked: Vec<String> = (0..records.len() as u32)
        .filter(|&i| t.is_marked(i))
        .map(|i| records[i as usize].name())
        .collect();
    marked.sort();
    assert_eq!(marked, ["Di Berg", "Ed Berg"]);
    assert_eq!(t.column(Side::Left).marked(), 2);
    assert_eq!(
        shown(&app),
        ["Ed Berg", "Di Berg", "Cy Berg", "Bo Berg", "Ada Berg"]
    );
    app.update(Action::Down);
    assert_eq!(current(&app), "Bo Berg");
}

#[test]
fn with_a_status_term_not_valid_the_work_through_keys_refuse_and_say_why() {
    let mut app = app();
    app.update(Action::Filter);
    for c in "status:bogus".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::KeepFilter);
    assert!(shown(&app).is_empty());
    // Five to do: no key may say the work is over, or act on rows not shown.
    for action in [
        Action::Done,
        Action::OpenNext,
        Action::OpenBatch,
        Action::DoneOpened,
        Action::DoneAll,
        Action::Mail,
    ] {
        let effects = app.update(action);
        assert!(effects.is_empty(), "{action:?}: {effects:?}");
        assert_eq!(*app.mode(), unconnect::app::Mode::Browse, "{action:?}");
        let said = app.status().unwrap().text.clone();
        assert!(
            said.starts_with("Not done: the filter as typed is not valid (status: expects"),
            "{action:?}: {said}"
        );
    }
}

#[test]
fn b_with_a_filter_hiding_some_opened_says_it_ticks_them_all() {
    let mut app = app();
    // Bo and Cy opened in the browser earlier.
    let records = app.records(ListKind::Removed);
    let opened: Vec<u32> = (0..records.len() as u32)
        .filter(|&i| matches!(records[i as usize].name().as_str(), "Bo Berg" | "Cy Berg"))
        .collect();
    let entries = journal::status_entries(
        opened.iter().map(|&i| records[i as usize].id.as_str()),
        journal::JournalAction::Opened,
        at(30),
    );
    app.handle(Event::Written(Written::Recorded {
        kind: ListKind::Removed,
        mark: journal::JournalAction::Opened,
        ids: opened,
        result: Ok(entries),
    }));
    app.update(Action::Filter);
    for c in "cy".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::KeepFilter);
    assert_eq!(shown(&app), ["Cy Berg"]);
    app.update(Action::DoneOpened);
    let unconnect::app::Mode::Confirm(dialog) = app.mode().clone() else {
        panic!("{:?}", app.mode())
    };
    let text = app.dialog_text(&dialog.action);
    assert_eq!(text.names, ["Bo Berg", "Cy Berg"]);
    assert!(
        text.after
            .iter()
            .any(|l| l.text == "(all 2 opened, not only the 1 the filter shows)"),
        "{:?}",
        text.after
    );
}
