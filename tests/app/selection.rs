//! Selection as people expect it: `Esc` unmarks before it clears a filter.

use chrono::NaiveDate;
use unconnect::app::{Action, App, Mode};
use unconnect::model::roster::people_triage;
use unconnect::model::triage::Side;
use unconnect::model::{People, Person};

fn app(n: usize) -> App {
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

#[test]
fn esc_unmarks_first_then_clears_the_filter() {
    let mut app = app(10);
    app.update(Action::Filter);
    for c in "acme".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::KeepFilter);
    app.update(Action::Mark);
    app.update(Action::Mark);
    assert_eq!(app.triage().column(Side::Left).marked(), 2);
    app.update(Action::ClearFilter);
    let left = app.triage().column(Side::Left);
    assert_eq!(left.marked(), 0);
    assert!(left.is_filtered(), "the first Esc leaves the filter");
    assert_eq!(
        app.status().unwrap().text,
        "2 rows unmarked; Esc again clears the filter"
    );
    app.update(Action::ClearFilter);
    assert_eq!(*app.mode(), Mode::Browse);
    assert!(!app.triage().column(Side::Left).is_filtered());
    assert_eq!(app.triage().column(Side::Left).shown().len(), 10);
}

#[test]
fn esc_unmarks_only_the_focused_column() {
    let mut app = app(6);
    app.update(Action::Mark);
    app.update(Action::Move);
    app.update(Action::Mark);
    app.update(Action::SwitchColumn);
    app.update(Action::Mark);
    app.update(Action::ClearFilter);
    assert_eq!(app.triage().column(Side::Right).marked(), 0);
    assert_eq!(app.triage().column(Side::Left).marked(), 1);
}
