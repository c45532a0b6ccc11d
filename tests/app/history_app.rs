//! The History tab without a terminal: the work-through, ticking done, restoring, and the
//! screens (empty, mixed statuses, 80×24).

use crate::drawing::draw;
use crate::fixtures::named_person;
use crate::history_fixtures::{december, history_app, journaled, november, removal, removals};
use insta::assert_snapshot;
use unconnect::app::history::{CONNECTIONS_PAGE, OpenTarget};
use unconnect::app::{Action, App, ConfirmAction, Effect, ListKind, Mode, Tab};
use unconnect::model::Person;
use unconnect::model::history::{History, Record, Status};
use unconnect::model::triage::{Place, Side};
use unconnect::store::journal::JournalAction;

fn person(first: &str, last: &str, company: &str) -> Person {
    Person {
        email: format!("{}@example.com", first.to_lowercase()),
        company: company.into(),
        position: "Dentist".into(),
        ..named_person(first, last)
    }
}

fn record(p: &Person, day: u32, status: Status) -> Record {
    removal(p, november(day), &format!("b{day}"), status)
}

/// Five people in the export; three removed (newest first), one done already.
fn app() -> App {
    let people = vec![
        person("Ada", "Lovelace", "Engines"),
        person("Bo", "Berg", "Bright Smile"),
        person("Cy", "Chen", "Bright Smile"),
        person("Di", "Dahl", "Flowright"),
        person("Ed", "Eng", "Flowright"),
    ];
    let history = removals(vec![
        record(&people[1], 20, Status::ToDo),
        record(&people[2], 20, Status::Done),
        record(&people[3], 18, Status::StillThere),
    ]);
    // As the session restores them: the removed are done, not in either column.
    history_app(people, [1, 2, 3], history, december(1))
}

/// What the runtime does with a mark: journal it (as the writer does), hand back the
/// entries journaled.
fn recorded(app: &mut App, effect: &Effect) {
    journaled(app, effect, november(30));
}

fn status_of(app: &App, name: &str) -> Status {
    app.records(ListKind::Removed)
        .iter()
        .find(|r| r.name() == name)
        .unwrap()
        .status()
}

#[test]
fn enter_opens_the_next_not_done_and_journals_it_opened() {
    let mut app = app();
    assert_eq!(app.tab(), Tab::History);
    assert_eq!(app.list(), Some(ListKind::Removed));
    let effects = app.update(Action::OpenNext);
    assert_eq!(
        effects,
        [Effect::OpenUrl(
            "https://www.linkedin.com/in/bo-berg".into()
        )]
    );
    // Journaled as opened only once the runtime says an opener started.
    let record = opened(&mut app, "https://www.linkedin.com/in/bo-berg");
    assert_eq!(
        record,
        [Effect::Record {
            kind: ListKind::Removed,
            mark: JournalAction::Opened,
            ids: vec![0]
        }]
    );
    // Not "opened" until the journal has it.
    assert_eq!(status_of(&app, "Bo Berg"), Status::ToDo);
    recorded(&mut app, &record[0]);
    assert_eq!(status_of(&app, "Bo Berg"), Status::Opened);
    let status = app.status().unwrap().text.clone();
    assert!(
        status.contains("Who viewed your profile"),
        "said once: {status}"
    );
    assert!(status.contains("then d ticks it off"), "{status}");
    // Ticked, the next Enter skips the done one and goes on to the still-connected one.
    let effects = app.update(Action::Done);
    recorded(&mut app, &effects[0]);
    assert_eq!(status_of(&app, "Bo Berg"), Status::Done);
    let effects = app.update(Action::OpenNext);
    assert_eq!(
        effects,
        [Effect::OpenUrl(
            "https://www.linkedin.com/in/di-dahl".into()
        )]
    );
    let record = opened(&mut app, "https://www.linkedin.com/in/di-dahl");
    recorded(&mut app, &record[0]);
    assert!(
        !app.status().unwrap().text.contains("Who viewed"),
        "the privacy note is said once a session"
    );
    assert_eq!(
        app.triage_of(ListKind::Removed)
            .unwrap()
            .column(Side::Left)
            .cursor,
        2
    );
}

/// The runtime's report that an opener started for `url`; the effects it answers with.
fn opened(app: &mut App, url: &str) -> Vec<Effect> {
    app.handle(unconnect::app::Event::Opened {
        url: url.into(),
        outcome: unconnect::app::OpenOutcome::Opened,
    })
}

#[test]
fn enter_with_no_browser_started_records_nothing_and_says_the_url_is_on_the_clipboard() {
    let mut app = app();
    let url = "https://www.linkedin.com/in/bo-berg";
    app.update(Action::OpenNext);
    let effects = app.handle(unconnect::app::Event::Opened {
        url: url.into(),
        outcome: unconnect::app::OpenOutcome::OnClipboard("no xdg-open".into()),
    });
    assert_eq!(effects, [], "nothing journaled");
    assert_eq!(status_of(&app, "Bo Berg"), Status::ToDo);
    let status = app.status().unwrap().text.clone();
    assert!(status.contains("The URL is on your clipboard"), "{status}");
    // A later report for it records nothing either: the open is over.
    assert_eq!(opened(&mut app, url), []);
}

#[test]
fn the_connections_page_mode_copies_the_name_and_opens_the_page() {
    let mut app = app().with_open_target(OpenTarget::ConnectionsPage);
    let effects = app.update(Action::OpenNext);
    assert!(matches!(&effects[0], Effect::Copy { text, .. } if text == "Bo Berg"));
    assert_eq!(effects[1], Effect::OpenUrl(CONNECTIONS_PAGE.into()));
}

#[test]
fn d_ticks_and_unticks_and_the_progress_line_counts() {
    let mut app = app();
    assert_eq!(
        app.progress_line(ListKind::Removed),
        "1 of 3 done on LinkedIn (0 verified, 1 still connected)"
    );
    let effects = app.update(Action::Done);
    recorded(&mut app, &effects[0]);
    // Ticked on 30 Nov, the day before the app's today: one left, at one a day.
    assert_eq!(
        app.progress_line(ListKind::Removed),
        "2 of 3 done on LinkedIn (0 verified, 1 still connected) · none today, ~1 day \
         left at this pace"
    );
    let effects = app.update(Action::Done);
    assert!(matches!(
        &effects[0],
        Effect::Record {
            mark: JournalAction::Undone,
            ..
        }
    ));
    recorded(&mut app, &effects[0]);
    assert_eq!(status_of(&app, "Bo Berg"), Status::ToDo);
}

#[test]
fn shift_d_marks_everyone_shown_done_after_a_confirm() {
    let mut app = app();
    app.update(Action::DoneAll);
    let Mode::Confirm(dialog) = app.mode() else {
        panic!("{:?}", app.mode())
    };
    assert_eq!(
        app.dialog_text(&dialog.action).title,
        "Mark 2 done on LinkedIn?"
    );
    let effects = app.update(Action::Yes);
    assert_eq!(
        effects,
        vec![Effect::Record {
            kind: ListKind::Removed,
            mark: JournalAction::Done,
            ids: vec![0, 2]
        }]
    );
    recorded(&mut app, &effects[0]);
    assert_eq!(
        app.progress_line(ListKind::Removed),
        "3 of 3 done on LinkedIn (0 verified, 0 still connected)"
    );
}

#[test]
fn r_restores_after_a_confirm_and_they_are_connections_again() {
    let mut app = app();
    app.update(Action::Restore);
    let Mode::Confirm(dialog) = app.mode() else {
        panic!("{:?}", app.mode())
    };
    assert_eq!(
        dialog.action,
        ConfirmAction::Restore {
            kind: ListKind::Removed,
            ids: vec![0]
        }
    );
    let screen = format!("{}", draw(&mut app, 100, 30).backend());
    assert!(screen.contains("Restore 1 connection?"), "{screen}");
    // Bo is to do: still connected on LinkedIn, no invitation needed.
    assert!(screen.contains("still connected on LinkedIn"), "{screen}");
    assert!(!screen.contains("invitation"), "{screen}");
    let effects = app.update(Action::Yes);
    assert!(app.is_journaling());
    // The writer hands back the restore journaled: Bo's record ends.
    recorded(&mut app, &effects[0]);
    assert!(!app.is_journaling());
    assert_eq!(app.records(ListKind::Removed).len(), 2);
    assert_eq!(
        app.triage().place(1),
        Place::Left,
        "Bo is a connection again"
    );
    assert_eq!(app.triage().column(Side::Left).total(), 3);
    assert!(app.status().unwrap().text.starts_with("Restored 1."));
}

#[test]
fn tab_shows_the_withdrawals_and_moving_means_nothing_here() {
    let mut app = app();
    assert_eq!(app.update(Action::MoveAll), vec![]);
    app.update(Action::SwitchList);
    assert_eq!(app.list(), Some(ListKind::Withdrawn));
    app.update(Action::SwitchList);
    assert_eq!(app.list(), Some(ListKind::Removed));
}

#[test]
fn history_with_mixed_statuses() {
    let mut app = app();
    assert_snapshot!(draw(&mut app, 100, 15).backend());
}

#[test]
fn history_at_80_by_24() {
    let mut app = app();
    app.update(Action::Filter);
    for c in "bright".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::KeepFilter);
    assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn history_empty() {
    let people = [person("Ada", "Lovelace", "Engines")];
    let mut app = history_app(people, [], History::default(), december(1)).with_history_note(
        "The journal (0 people removed when this session began) is data/journal.jsonl.".into(),
    );
    assert_snapshot!(draw(&mut app, 80, 15).backend());
}

#[test]
fn rows_ticked_done_lose_their_marks() {
    let mut app = app();
    app.update(Action::Mark);
    app.update(Action::Mark);
    let marked = |app: &App| {
        app.triage_of(ListKind::Removed)
            .unwrap()
            .column(Side::Left)
            .marked()
    };
    assert_eq!(marked(&app), 2);
    let effects = app.update(Action::Done);
    recorded(&mut app, &effects[0]);
    assert_eq!(marked(&app), 0, "no ⚑ left over the ✔ just set");
}

fn shown_names(app: &App) -> Vec<String> {
    let triage = app.triage_of(ListKind::Removed).unwrap();
    let records = app.records(ListKind::Removed);
    triage
        .column(Side::Left)
        .shown()
        .iter()
        .map(|&id| records[id as usize].name())
        .collect()
}

#[test]
fn status_terms_filter_history_and_follow_a_tick() {
    let mut app = app();
    let filter = |app: &mut App, text: &str| {
        app.update(Action::Filter);
        app.update(Action::Edit(unconnect::app::Edit::DeleteLine));
        for c in text.chars() {
            app.update(Action::Input(c));
        }
        app.update(Action::KeepFilter);
    };
    filter(&mut app, "status:still-connected");
    assert_eq!(shown_names(&app), ["Di Dahl"]);
    filter(&mut app, "status:done");
    assert_eq!(shown_names(&app), ["Cy Chen"]);
    filter(&mut app, "-status:done");
    assert_eq!(shown_names(&app), ["Bo Berg", "Di Dahl"]);
    filter(&mut app, "status:to-do");
    assert_eq!(shown_names(&app), ["Bo Berg"]);
    // Ticked done: no longer to do, and the filtered list says so at once.
    let effects = app.update(Action::Done);
    recorded(&mut app, &effects[0]);
    assert!(shown_names(&app).is_empty());
    filter(&mut app, "status:done");
    assert_eq!(shown_names(&app), ["Bo Berg", "Cy Chen"]);
    filter(&mut app, "status:later");
    let hint = &app
        .triage_of(ListKind::Removed)
        .unwrap()
        .column(Side::Left)
        .filter_error()
        .unwrap()
        .hint;
    assert!(hint.starts_with("status: expects to-do"), "{hint}");
}

#[test]
fn e_exports_the_history_list_as_shown() {
    let mut app = app();
    app.update(Action::Filter);
    for c in "status:done".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::KeepFilter);
    app.update(Action::Export);
    assert_eq!(
        *app.mode(),
        Mode::Prompt {
            input: "unconnect-removed-2026-12-01.csv".into()
        }
    );
    assert_eq!(app.export_count(), 1);
    let effects = app.update(Action::WriteFile);
    assert_eq!(
        effects,
        vec![Effect::Export {
            kind: ListKind::Removed,
            path: "unconnect-removed-2026-12-01.csv".into(),
            overwrite: false,
        }]
    );
}
