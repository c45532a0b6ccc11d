//! People and apps that several app tests start from.

use chrono::NaiveDate;
use unconnect::app::App;
use unconnect::import::Export;
use unconnect::model::pending::Pending;
use unconnect::model::roster::people_triage;
use unconnect::model::{InvitationRules, People, Person};

/// The day the apps built here take for today.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

/// Connection `i`: `First{i} Last{i}` at `https://www.linkedin.com/in/p{i}`, nothing else
/// known (no company, no date).
pub fn numbered_person(i: usize) -> Person {
    Person {
        first_name: format!("First{i}"),
        last_name: format!("Last{i}"),
        url: format!("https://www.linkedin.com/in/p{i}"),
        ..Default::default()
    }
}

/// `first last` at `https://www.linkedin.com/in/first-last`, connected on 13 March 2024.
pub fn named_person(first: &str, last: &str) -> Person {
    Person {
        first_name: first.into(),
        last_name: last.into(),
        url: format!(
            "https://www.linkedin.com/in/{}-{}",
            first.to_lowercase(),
            last.to_lowercase()
        ),
        connected_on: NaiveDate::from_ymd_opt(2024, 3, 13),
        ..Default::default()
    }
}

/// The app on `people`, on the Connections tab, on [`today`].
pub fn app_of(people: impl IntoIterator<Item = Person>) -> App {
    app_on(people.into_iter().collect(), today())
}

/// The app on `people`, on the Connections tab, on `today`.
pub fn app_on(people: People, today: NaiveDate) -> App {
    let triage = people_triage(&people);
    App::new(people, triage, today)
}

/// The demo export, as the app loads it.
pub fn demo_export() -> Export {
    let demo = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo");
    unconnect::import::load(std::path::Path::new(demo)).unwrap()
}

/// The app on the demo's connections (its signals left out), on `today`.
pub fn demo_app(today: NaiveDate) -> App {
    app_on(demo_export().people, today)
}

/// `n` [`numbered_person`]s as they are: undated, so in the order of the file.
pub fn bare_app(n: usize) -> App {
    app_of((0..n).map(numbered_person))
}

/// `n` connections `First0 Last0`…, alternately at Acme and Globex, connected on
/// successive days of January 2020 (newest last), on the Connections tab.
pub fn numbered_app(n: usize) -> App {
    app_of((0..n).map(|i| Person {
        company: if i % 2 == 0 { "Acme" } else { "Globex" }.into(),
        connected_on: january_2020(i),
        ..numbered_person(i)
    }))
}

/// Day `i` of January 2020, starting over after the 28th.
pub fn january_2020(i: usize) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2020, 1, 1 + (i % 28) as u32)
}

/// `app` with `pending` as its invitations, triaged under the default rules on the app's
/// today.
pub fn with_pending(app: App, pending: Pending) -> App {
    let rules = InvitationRules::default();
    let triage = pending.triage(&rules, app.today());
    app.with_invitations(pending, triage, rules)
}
