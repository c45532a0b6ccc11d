//! The Invitations tab points at the person invited: Enter-to-open and `y` use the
//! invitee's profile, and an invitation without one says so instead.

use crate::fixtures::{app_of, with_pending};
use chrono::NaiveDate;
use unconnect::app::{Action, App, Effect};
use unconnect::model::pending::Pending;
use unconnect::model::{Direction, Invitation, Person};

fn invitation(to: &str, invitee_url: &str) -> Invitation {
    Invitation {
        from: "Sam Demo".into(),
        to: to.into(),
        sent_at: NaiveDate::from_ymd_opt(2026, 11, 20).and_then(|d| d.and_hms_opt(9, 0, 0)),
        message: String::new(),
        direction: Direction::Outgoing,
        inviter_url: "https://www.linkedin.com/in/sam-demo".into(),
        invitee_url: invitee_url.into(),
    }
}

fn app_with(invitation: Invitation) -> App {
    let ada = Person {
        first_name: "Ada".into(),
        last_name: "Connected".into(),
        url: "https://www.linkedin.com/in/ada-connected".into(),
        ..Default::default()
    };
    let app = app_of([ada]);
    let pending = Pending {
        items: vec![invitation],
        ..Default::default()
    };
    let mut app = with_pending(app, pending);
    app.update(Action::InvitationsTab);
    app
}

#[test]
fn opening_an_invitation_opens_the_invitees_profile() {
    let mut app = app_with(invitation("Wei Wu", "https://www.linkedin.com/in/wei-wu"));
    assert_eq!(
        app.update(Action::Open),
        vec![Effect::OpenUrl("https://www.linkedin.com/in/wei-wu".into())]
    );
    let copied = app.update(Action::CopyUrl);
    assert!(
        matches!(&copied[..], [Effect::Copy { text, .. }] if text == "https://www.linkedin.com/in/wei-wu"),
        "{copied:?}"
    );
}

#[test]
fn an_invitation_without_a_profile_opens_nothing_and_says_so() {
    let mut app = app_with(invitation("Wei Wu", ""));
    assert_eq!(app.update(Action::Open), vec![]);
    assert_eq!(
        app.status().map(|s| s.text.as_str()),
        Some("This export has no profile URL for this row")
    );
}
