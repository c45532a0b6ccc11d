//! Selection as people expect it: `Esc` unmarks before it clears a filter.

use unconnect::app::{Action, App, Mode};
use unconnect::model::triage::Side;

fn app(n: usize) -> App {
    crate::fixtures::numbered_app(n)
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
