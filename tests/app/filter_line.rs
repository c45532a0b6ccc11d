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
        .rev()
        .map(|y| {
            (0..width / 2)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .find(|line| line.starts_with('└'))
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

/// The whole `?` help of the tab shown, as text.
fn help_text(app: &App) -> String {
    let theme = unconnect::ui::Theme::default();
    let help = unconnect::ui::help::HelpOverlay {
        keymap: app.keymap(),
        screen: app.context(),
        scroll: 0,
        theme: &theme,
    };
    help.lines()
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_help_of_every_tab_with_a_filter_lists_its_editing_keys() {
    let mut app = crate::full_demo::full_demo();
    for tab in [
        Action::ConnectionsTab,
        Action::InvitationsTab,
        Action::HistoryTab,
    ] {
        app.update(tab);
        let help = help_text(&app);
        for (keys, what) in [
            ("Ctrl-w", "delete back to a space"),
            ("Ctrl-u", "delete the whole line"),
            ("↑", "an earlier filter"),
            ("↓", "a later filter"),
            ("←", "a character left"),
            ("→", "a character right"),
            ("Home", "to the start of the line"),
            ("End", "to the end of the line"),
        ] {
            let line = help.lines().find(|l| l.contains(what));
            let line = line.unwrap_or_else(|| panic!("{tab:?}: no '{what}' in\n{help}"));
            let at = help.lines().position(|l| l == line).unwrap();
            let keys_line = if line.trim_start().starts_with(what) {
                help.lines().nth(at - 1).unwrap()
            } else {
                line
            };
            assert!(
                keys_line.contains(keys),
                "{tab:?}: '{keys}' for '{what}' in\n{help}"
            );
        }
    }
}
