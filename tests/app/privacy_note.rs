//! The note that a profile visit shows in "Who viewed your profile": said whole at 80×24
//! on History's first work-through, once per data folder (kept in `view.json` across a
//! restart), and never when `[rules] open = "connections-page"` visits no profile.

use crate::drawing::draw;
use crate::fixtures::named_person;
use crate::history_fixtures::{
    december, history_app, journaled, november, removal, removals, sent_invitation, withdrawal,
    withdrawals,
};
use chrono::NaiveDate;
use insta::assert_snapshot;
use unconnect::app::history::OpenTarget;
use unconnect::app::{Action, App, Effect, Event, OpenOutcome};
use unconnect::model::Person;
use unconnect::model::history::Status;

const NOTE: &str = "Who viewed your profile";

fn person(first: &str, last: &str) -> Person {
    Person {
        company: "Bright Smile Dental Group".into(),
        position: "Dental Hygienist".into(),
        ..named_person(first, last)
    }
}

/// Three people removed, none done on LinkedIn yet, with the History tab shown.
fn app() -> App {
    let people = vec![
        person("Bartholomew", "Featherstonehaugh"),
        person("Cy", "Chen"),
        person("Di", "Dahl"),
    ];
    let history = removals(
        people
            .iter()
            .map(|p| removal(p, november(20), "b20", Status::ToDo))
            .collect(),
    );
    history_app(people, [0, 1, 2], history, december(1))
}

/// One withdrawn invitation, the Withdrawn list shown: its work-through's words are the
/// longest the note follows.
fn withdrawn_app() -> App {
    let invitation = unconnect::model::Invitation {
        from: "Sam Demo".into(),
        sent_at: NaiveDate::from_ymd_opt(2026, 6, 1).and_then(|d| d.and_hms_opt(9, 0, 0)),
        inviter_url: "https://www.linkedin.com/in/sam-demo".into(),
        ..sent_invitation(
            "Bartholomew Featherstonehaugh",
            "https://www.linkedin.com/in/bartholomew",
        )
    };
    let id = invitation.invitee_url.clone();
    let withdrawal = withdrawal(invitation, &id, november(20), "b20");
    let mut app = history_app(
        [person("Cy", "Chen")],
        [],
        withdrawals(vec![withdrawal]),
        december(1),
    );
    app.update(Action::SwitchList);
    app
}

/// `Enter`, the browser started, the journal wrote it: what the status line says then.
fn work_through(app: &mut App) -> String {
    let effects = app.update(Action::OpenNext);
    let url = effects
        .iter()
        .find_map(|e| match e {
            Effect::OpenUrl(url) => Some(url.clone()),
            _ => None,
        })
        .unwrap();
    let record = app.handle(Event::Opened {
        url,
        outcome: OpenOutcome::Opened,
    });
    let after = journaled(app, &record[0], november(30));
    let said = app.status().unwrap().text.clone();
    // Said: the view is saved at once, not only at the quit a crash would skip.
    assert_eq!(
        after.contains(&Effect::SaveView),
        said.contains(NOTE),
        "{said}: {after:?}"
    );
    said
}

#[test]
fn the_note_fits_80_by_24_whole_on_the_first_work_through() {
    let mut app = app();
    let said = work_through(&mut app);
    assert!(said.contains(NOTE), "{said}");
    let terminal = draw(&mut app, 80, 24);
    let screen = format!("{}", terminal.backend());
    // The status line's last words are on the screen: nothing was cut.
    assert!(screen.contains("avoids it."), "{screen}");
    assert!(screen.contains("then d ticks it off."), "{screen}");
    assert_snapshot!(terminal.backend());
}

#[test]
fn after_a_withdrawal_the_note_fits_80_by_24_whole_too() {
    let mut app = withdrawn_app();
    let said = work_through(&mut app);
    assert!(said.contains(NOTE) && said.contains("Withdraw"), "{said}");
    let screen = format!("{}", draw(&mut app, 80, 24).backend());
    assert!(screen.contains("avoids it."), "{screen}");
    assert!(screen.contains("then d ticks it off."), "{screen}");
}

#[test]
fn the_note_is_said_once_per_data_folder_even_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("view.json");
    let mut first = app();
    assert!(work_through(&mut first).contains(NOTE));
    assert!(!work_through(&mut first).contains(NOTE), "once a session");
    unconnect::store::view::write(&path, &first.view()).unwrap();

    // The next start, same data folder: the saved view brings back that it was said.
    let mut second = app();
    let view = unconnect::store::view::read(&path);
    second.handle(Event::ViewRead(view));
    second.update(Action::HistoryTab);
    let said = work_through(&mut second);
    assert!(!said.contains(NOTE), "{said}");
    // And it stays said in the view this session saves.
    assert!(second.view().privacy_noted);

    // Another data folder has no view: the note is said there.
    let mut elsewhere = app();
    elsewhere.handle(Event::ViewRead(Ok(None)));
    assert!(work_through(&mut elsewhere).contains(NOTE));
}

#[test]
fn with_the_connections_page_set_the_note_is_never_said_nor_remembered() {
    let mut app = app().with_open_target(OpenTarget::ConnectionsPage);
    for _ in 0..2 {
        let said = work_through(&mut app);
        assert!(!said.contains(NOTE), "{said}");
        assert!(!said.contains("connections-page"), "{said}");
    }
    assert!(
        !app.view().privacy_noted,
        "a later profile mode still says it"
    );
}
