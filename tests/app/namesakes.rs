//! Two connections of the same name (pre-2023 exports hold many): wherever the app names
//! one for a yes, it says which one.

use chrono::NaiveDate;
use unconnect::app::{Action, App, Mode};
use unconnect::model::{People, Person};

fn app() -> App {
    let row = |first: &str, position: &str, company: &str, month| Person {
        first_name: first.into(),
        last_name: "Berg".into(),
        position: position.into(),
        company: company.into(),
        connected_on: NaiveDate::from_ymd_opt(2020, month, 1),
        ..Default::default()
    };
    let people: People = [
        row("Anna", "Engineer", "Acme", 6),
        row("Cleo", "Chef", "Globex", 5),
        row("Anna", "Designer", "Initech", 4),
    ]
    .into_iter()
    .collect();
    crate::fixtures::app_on(people, crate::fixtures::today())
}

#[test]
fn the_remove_dialog_says_which_of_two_namesakes_goes() {
    let mut app = app();
    // Newest first: Anna (Acme), Cleo, Anna (Initech). Stage Cleo and the Initech Anna.
    app.update(Action::Down);
    app.update(Action::Mark);
    app.update(Action::Mark);
    app.update(Action::Move);
    app.update(Action::Remove);
    let Mode::Confirm(dialog) = app.mode().clone() else {
        panic!("{:?}", app.mode())
    };
    let names = app.dialog_text(&dialog.action).names;
    assert_eq!(names, ["Cleo Berg", "Anna Berg (Designer · Initech)"]);
}
