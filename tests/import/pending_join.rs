//! Pending invitations joined to the connections of the same export: the URLs are
//! normalised on import, so an encoded and a raw URL of one profile meet.

use chrono::NaiveDate;
use unconnect::import::url::normalise;
use unconnect::model::pending::Pending;
use unconnect::model::{Direction, Invitation, People, Person};

fn inv(to: &str, url: &str, direction: Direction, sent: (i32, u32, u32)) -> Invitation {
    Invitation {
        from: "Me".into(),
        to: to.into(),
        sent_at: NaiveDate::from_ymd_opt(sent.0, sent.1, sent.2)
            .and_then(|d| d.and_hms_opt(11, 44, 0)),
        message: String::new(),
        direction,
        inviter_url: normalise("https://www.linkedin.com/in/me"),
        invitee_url: normalise(url),
    }
}

#[test]
fn accepted_and_incoming_are_left_out_joining_encoded_and_raw_urls() {
    let people: People = [Person {
        first_name: "José".into(),
        last_name: "García".into(),
        url: normalise("https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa"),
        ..Default::default()
    }]
    .into_iter()
    .collect();
    let all = [
        inv(
            "José García",
            "https://www.linkedin.com/in/josé-garcía",
            Direction::Outgoing,
            (2026, 11, 1),
        ),
        inv(
            "Zoë Pending",
            "https://www.linkedin.com/in/zo%C3%AB-p",
            Direction::Outgoing,
            (2026, 11, 2),
        ),
        inv(
            "Bob Incoming",
            "https://www.linkedin.com/in/me",
            Direction::Incoming,
            (2026, 11, 3),
        ),
    ];
    let pending = Pending::from_export(&people, &all);
    assert_eq!(pending.items.len(), 1);
    assert_eq!(pending.items[0].to, "Zoë Pending");
    assert_eq!(
        pending.items[0].invitee_url,
        "https://www.linkedin.com/in/zoë-p"
    );
    assert_eq!((pending.accepted, pending.incoming), (1, 1));
}
