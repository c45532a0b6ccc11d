//! The footer's room: `u undo`, the safety net, stays at 100 columns however wide the
//! `[ Remove N ]` button grows, and 80 columns lose none of the hints they showed.

use crate::drawing::footer_line as footer;
use crate::fixtures::numbered_app;
use unconnect::app::{Action, App};

/// `n` people, every one staged.
fn staged(n: usize) -> App {
    let mut app = numbered_app(n);
    app.update(Action::MoveAll);
    assert_eq!(app.staged_count(), n);
    app
}

#[test]
fn undo_stays_in_the_footer_at_100_columns_with_ten_or_more_staged() {
    for (n, button) in [
        (10, "[ Remove 10 ]"),
        (293, "[ Remove 293 ]"),
        (1500, "[ Remove 1,500 ]"),
    ] {
        let line = footer(&mut staged(n), 100, 30);
        assert!(line.contains("u undo"), "{n} staged: {line}");
        assert!(line.trim_end().ends_with(button), "{n} staged: {line}");
    }
}

#[test]
fn ten_staged_at_100_columns_still_show_move_all() {
    let line = footer(&mut staged(10), 100, 30);
    assert!(line.contains("a move all "), "{line}");
}

#[test]
fn the_footer_at_80_by_24_keeps_every_hint_it_showed() {
    for n in [0, 1, 10, 293] {
        let mut app = if n == 0 { numbered_app(5) } else { staged(n) };
        let line = footer(&mut app, 80, 24);
        for hint in [
            "Space mark",
            "Enter move",
            "/ filter",
            "R remove…",
            "? help",
            "q quit",
        ] {
            assert!(line.contains(hint), "{n} staged, no {hint}: {line}");
        }
        // A gap before the button, as between hints.
        assert!(line.contains("q quit  "), "{line}");
    }
}
