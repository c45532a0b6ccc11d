//! `S` reads the column's order backwards, filtered or not, and the cursor keeps its person.

use unconnect::app::{Action, App};
use unconnect::model::triage::Side;

fn app(n: usize) -> App {
    crate::fixtures::numbered_app(n)
}

fn shown(app: &App) -> Vec<u32> {
    app.triage().column(Side::Left).shown().to_vec()
}

#[test]
fn shift_s_reverses_the_order_and_again_restores_it() {
    let mut app = app(6);
    let forwards = shown(&app);
    app.update(Action::Down);
    let person = app.triage().column(Side::Left).current();
    app.update(Action::ReverseSort);
    let mut backwards = forwards.clone();
    backwards.reverse();
    assert_eq!(shown(&app), backwards);
    assert_eq!(
        app.triage().column(Side::Left).current(),
        person,
        "the cursor keeps its person"
    );
    // The connected date reversed reads as what it is.
    assert_eq!(
        app.status().unwrap().text,
        "Sorted by oldest first; the cursor stays on its person (g: the top)"
    );
    app.update(Action::ReverseSort);
    assert_eq!(shown(&app), forwards);
}

#[test]
fn a_reversed_filter_shows_its_matches_backwards() {
    let mut app = app(8);
    app.update(Action::Filter);
    for c in "globex".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::KeepFilter);
    let forwards = shown(&app);
    assert_eq!(forwards.len(), 4);
    app.update(Action::ReverseSort);
    let mut backwards = forwards;
    backwards.reverse();
    assert_eq!(shown(&app), backwards);
    // Another column from the `s` menu is sorted forwards again.
    app.update(Action::Sort);
    app.update(Action::SortByCompany);
    assert!(!app.triage().column(Side::Left).reversed);
}
