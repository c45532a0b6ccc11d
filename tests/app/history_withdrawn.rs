//! The Withdrawn list is worked through as withdrawals: the words say where LinkedIn
//! keeps sent invitations and how to withdraw one, and nothing offers e-mail.

use crate::history_fixtures::{
    december, history_app, journaled, november, sent_invitation, withdrawal, withdrawals,
};
use chrono::DateTime;
use unconnect::app::history::OpenTarget;
use unconnect::app::{Action, App, Effect, Event, ListKind, OpenOutcome};
use unconnect::model::Person;
use unconnect::model::history::Record;
use unconnect::ui::footer::hints;

const SENT: &str = "https://www.linkedin.com/mynetwork/invitation-manager/sent/";

fn withdrawn() -> Record {
    let invitation = sent_invitation("Wei Wu", "https://www.linkedin.com/in/wei-wu");
    withdrawal(invitation, "wei", november(20), "b20")
}

/// The History tab showing the Withdrawn list, one invitation withdrawn.
fn app() -> App {
    let ada = Person {
        first_name: "Ada".into(),
        url: "https://www.linkedin.com/in/ada".into(),
        email: "ada@example.com".into(),
        ..Default::default()
    };
    let mut app = history_app([ada], [], withdrawals(vec![withdrawn()]), december(1));
    app.update(Action::SwitchList);
    assert_eq!(app.list(), Some(ListKind::Withdrawn));
    app
}

/// What an open answers, one `Record` effect, journaled as the writer does.
fn journal_the_open(app: &mut App, answer: &[Effect]) {
    let [effect @ Effect::Record { .. }] = answer else {
        panic!("{answer:?}")
    };
    let at = DateTime::parse_from_rfc3339("2026-12-01T10:00:00.000+01:00").unwrap();
    journaled(app, effect, at);
}

#[test]
fn working_through_a_withdrawal_says_how_to_withdraw_it_not_remove_a_connection() {
    let mut app = app();
    let effects = app.update(Action::OpenNext);
    let [Effect::OpenUrl(url)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    let record = app.handle(Event::Opened {
        url: url.clone(),
        outcome: OpenOutcome::Opened,
    });
    journal_the_open(&mut app, &record);
    let said = app.status().unwrap().text.clone();
    assert!(!said.contains("Remove connection"), "{said}");
    assert!(said.contains("Withdraw"), "{said}");
    assert!(said.contains("My Network > Manage > Sent"), "{said}");
    assert!(said.contains(SENT), "{said}");
}

#[test]
fn the_connections_page_mode_opens_the_sent_invitations_for_a_withdrawal() {
    let mut app = app().with_open_target(OpenTarget::ConnectionsPage);
    app.update(Action::SwitchList);
    app.update(Action::SwitchList);
    let effects = app.update(Action::OpenNext);
    assert!(matches!(&effects[0], Effect::Copy { text, .. } if text == "Wei Wu"));
    assert_eq!(effects[1], Effect::OpenUrl(SENT.into()));
}

#[test]
fn the_withdrawn_list_offers_no_e_mail_and_m_says_why() {
    let mut app = app();
    let shown: Vec<&str> = hints(&app, 500).into_iter().map(|(_, h)| h).collect();
    assert!(!shown.contains(&"e-mail"), "{shown:?}");
    assert!(shown.contains(&"open next"), "{shown:?}");
    assert_eq!(app.update(Action::Mail), []);
    let said = app.status().unwrap().text.clone();
    assert!(
        said.contains("No e-mail for a withdrawn invitation"),
        "{said}"
    );
    // The Removed list still offers it.
    app.update(Action::SwitchList);
    let shown: Vec<&str> = hints(&app, 500).into_iter().map(|(_, h)| h).collect();
    assert!(shown.contains(&"e-mail"), "{shown:?}");
}

#[test]
fn the_connections_page_mode_says_the_page_opened_and_the_name_is_copied() {
    let mut app = app().with_open_target(OpenTarget::ConnectionsPage);
    let effects = app.update(Action::OpenNext);
    let url = match &effects[1] {
        Effect::OpenUrl(url) => url.clone(),
        other => panic!("{other:?}"),
    };
    let record = app.handle(Event::Opened {
        url,
        outcome: OpenOutcome::Opened,
    });
    journal_the_open(&mut app, &record);
    let said = app.status().unwrap().text.clone();
    // Not "Opened Wei Wu": their profile was not what opened.
    assert!(
        said.starts_with("Opened your Sent invitations page; Wei Wu's name is on the clipboard"),
        "{said}"
    );
}

#[test]
fn the_withdrawn_list_is_headed_as_invitations() {
    let mut app = app();
    let terminal = crate::drawing::draw(&mut app, 100, 20);
    let buf = terminal.backend().buffer();
    let heading: String = (0..100).map(|x| buf[(x, 3)].symbol().to_owned()).collect();
    assert!(heading.contains("name · message"), "{heading}");
    assert!(heading.contains("withdrawn"), "{heading}");
    assert!(!heading.contains("company"), "{heading}");
    // Sorted by its date, the arrow does not run into the status heading.
    assert!(heading.contains(" status "), "{heading}");
}

#[test]
fn replacing_a_file_with_a_history_list_counts_the_rows_shown_not_the_staged() {
    let mut app = app();
    app.handle(Event::ExportExists {
        kind: ListKind::Withdrawn,
        path: "/tmp/withdrawn.csv".into(),
    });
    let unconnect::app::Mode::Confirm(dialog) = app.mode().clone() else {
        panic!("{:?}", app.mode())
    };
    let text = app.dialog_text(&dialog.action);
    let said: Vec<&str> = text.before.iter().map(|l| l.text.as_str()).collect();
    assert!(
        said.contains(&"Replace it with the 1 shown? What it holds now is lost."),
        "{said:?}"
    );
}
