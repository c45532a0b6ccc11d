//! A status message belongs to the tab whose action made it: it does not follow the user
//! to another tab, and is not brought back on return.

use crate::fixtures::{app_on, with_pending};
use chrono::NaiveDate;
use unconnect::app::{Action, App};
use unconnect::model::invitation::Invitation;
use unconnect::model::{People, Person};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

fn invitation(to: &str, sent: (i32, u32, u32)) -> Invitation {
    Invitation {
        from: "Sam Demo".into(),
        to: to.into(),
        sent_at: NaiveDate::from_ymd_opt(sent.0, sent.1, sent.2)
            .and_then(|d| d.and_hms_opt(9, 30, 0)),
        message: String::new(),
        direction: unconnect::model::Direction::Outgoing,
        inviter_url: "https://www.linkedin.com/in/sam-demo".into(),
        invitee_url: format!("https://www.linkedin.com/in/{}", to.to_lowercase()),
    }
}

/// Two connections, and two invitations of which the older has probably expired.
fn app() -> App {
    let people: People = ["Ada", "Bob"]
        .into_iter()
        .map(|name| Person {
            first_name: name.into(),
            url: format!("https://www.linkedin.com/in/{}", name.to_lowercase()),
            connected_on: NaiveDate::from_ymd_opt(2020, 1, 1),
            ..Default::default()
        })
        .collect();
    let pending = unconnect::model::pending::Pending {
        items: vec![
            invitation("Cleo", (2026, 11, 25)),
            invitation("Dan", (2026, 3, 13)),
        ],
        incoming: 0,
        accepted: 0,
    };
    with_pending(app_on(people, today()), pending)
}

fn status(app: &App) -> Option<String> {
    app.status().map(|s| s.text.clone())
}

#[test]
fn an_expired_refusal_stays_on_invitations_and_does_not_follow_to_history() {
    let mut app = app();
    app.update(Action::InvitationsTab);
    app.update(Action::MoveAll);
    let said = status(&app).unwrap();
    assert!(said.contains("cannot be moved: probably expired"), "{said}");
    app.update(Action::HistoryTab);
    assert_eq!(status(&app), None, "History did not make it");
    app.update(Action::ConnectionsTab);
    assert_eq!(status(&app), None);
    app.update(Action::InvitationsTab);
    assert_eq!(status(&app), None, "not brought back as if new");
}

#[test]
fn a_message_made_on_the_new_tab_is_shown_there() {
    let mut app = app();
    app.update(Action::ReverseSort);
    assert!(status(&app).unwrap().starts_with("Sorted by"));
    app.update(Action::HistoryTab);
    app.update(Action::ReverseSort);
    assert!(status(&app).unwrap().starts_with("Sorted by"));
    app.update(Action::TimelineTab);
    assert_eq!(status(&app), None);
}
