//! People and apps that several app tests start from.

use chrono::NaiveDate;
use unconnect::app::App;
use unconnect::model::roster::people_triage;
use unconnect::model::{People, Person};

/// `n` connections `First0 Last0`…, alternately at Acme and Globex, connected on
/// successive days of January 2020 (newest last), on the Connections tab.
pub fn numbered_app(n: usize) -> App {
    let people: People = (0..n)
        .map(|i| Person {
            first_name: format!("First{i}"),
            last_name: format!("Last{i}"),
            url: format!("https://www.linkedin.com/in/p{i}"),
            company: if i % 2 == 0 { "Acme" } else { "Globex" }.into(),
            connected_on: NaiveDate::from_ymd_opt(2020, 1, 1 + (i % 28) as u32),
            ..Default::default()
        })
        .collect();
    let triage = people_triage(&people);
    App::new(
        people,
        triage,
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
    )
}
