//! The filter line in the column's bottom border: what is typed keeps its end and
//! its cursor in view, with people kept or marked as much as without.

use crate::drawing::draw;
use crate::fixtures::numbered_app;
use unconnect::app::{Action, App};

/// The bottom border of the left column, drawn `width` × 30.
fn bottom_border(app: &mut App, width: u16) -> String {
    let terminal = draw(app, width, 30);
    let buf = terminal.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            (0..width / 2)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .filter(|line| line.starts_with('└'))
        .last()
        .unwrap()
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Input(c));
    }
}

#[test]
fn typing_past_the_box_shows_the_end_and_the_cursor_with_a_kept_person() {
    for width in [80, 100] {
        let mut app = numbered_app(20);
        app.update(Action::Keep);
        assert_eq!(app.triage().kept_count(), 1);
        app.update(Action::Filter);
        let typed = "connected:2024-03-12..2024-03-14 message";
        type_text(&mut app, typed);
        let line = bottom_border(&mut app, width);
        assert!(line.contains("message▏"), "at {width}: {line}");
        // Back on the rows, the kept count shows again beside what was kept.
        app.update(Action::KeepFilter);
        let line = bottom_border(&mut app, width);
        assert!(line.contains("message "), "at {width}: {line}");
        assert!(line.contains("⚑ 1 kept"), "at {width}: {line}");
    }
}

#[test]
fn a_short_filter_and_the_kept_count_share_the_border() {
    let mut app = numbered_app(20);
    app.update(Action::Keep);
    app.update(Action::Filter);
    type_text(&mut app, "acme");
    let line = bottom_border(&mut app, 100);
    assert!(line.contains("acme▏"), "{line}");
    assert!(line.contains("⚑ 1 kept"), "{line}");
}
