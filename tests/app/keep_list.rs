//! The keep list as the user drives it with `K`: what it says, and what it asks to save.

use crate::fixtures::bare_app;
use unconnect::app::{Action, App, Effect};
use unconnect::model::triage::Side;

#[test]
fn keeping_someone_not_staged_brings_nobody_back_while_others_are_staged() {
    let mut app = bare_app(4);
    app.update(Action::Move);
    app.update(Action::Move);
    assert_eq!(app.staged_count(), 2);
    let effects = app.update(Action::Keep);
    // Only the keep list changed: the staged list is not rewritten.
    assert_eq!(effects, vec![Effect::SaveKept]);
    assert_eq!(
        app.status().unwrap().text,
        "Kept 1: bulk moves and ranges pass them by (1 kept)"
    );
    assert_eq!(app.staged_count(), 2);
    assert_eq!(app.triage().column(Side::Right).total(), 2);
}

#[test]
fn a_shift_click_over_a_kept_person_says_who_was_passed_by_and_a_plain_one_says_nothing() {
    let mut app = bare_app(6);
    // A range over nobody kept marks silently: the column title shows the count.
    let before = app.status().map(|s| s.text.clone());
    app.update(Action::ShiftClickRow {
        side: Side::Left,
        row: 1,
    });
    assert_eq!(app.triage().column(Side::Left).marked(), 2);
    assert_eq!(app.status().map(|s| s.text.clone()), before);
    app.update(Action::ClearFilter); // Esc unmarks
    assert_eq!(app.triage().column(Side::Left).marked(), 0);
    // Keep the third row, then shift-click from the top over it.
    app.update(Action::Top);
    app.update(Action::Down);
    app.update(Action::Down);
    app.update(Action::Keep);
    app.update(Action::Top);
    app.update(Action::ShiftClickRow {
        side: Side::Left,
        row: 4,
    });
    assert_eq!(app.triage().column(Side::Left).marked(), 4);
    assert_eq!(
        app.status().unwrap().text,
        "4 marked; 1 on your keep list passed by"
    );
}

/// `K` on the cursor row (or the marked ones), then a move: the dialog's hint.
fn unkeep_hint(app: &mut App) -> String {
    app.update(Action::Move);
    let unconnect::app::Mode::Confirm(dialog) = app.mode() else {
        panic!("{:?}", app.mode())
    };
    let text = app.dialog_text(&dialog.action);
    app.update(Action::No);
    text.after.into_iter().map(|l| l.text).collect::<String>()
}

#[test]
fn moving_kept_people_says_how_many_of_them_are_kept_in_good_english() {
    let mut app = bare_app(4);
    app.update(Action::Keep);
    assert_eq!(
        unkeep_hint(&mut app),
        "They are on your keep list. Moving takes them off it."
    );
    // One kept among three marked.
    for _ in 0..3 {
        app.update(Action::Mark);
    }
    assert_eq!(
        unkeep_hint(&mut app),
        "1 of these 3 is on your keep list. Moving takes them off it."
    );
}
