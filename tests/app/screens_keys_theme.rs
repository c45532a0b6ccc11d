//! Screens drawn from a remapped keymap and without colour: what the footer, the help and
//! the dialog say follows the keymap, and the cursor stays visible in monochrome.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::fixtures::{app_of, january_2020, numbered_person};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use unconnect::app::{Action, App, Key, Keymap};
use unconnect::model::Person;
use unconnect::ui::layout::layout;
use unconnect::ui::{Screen, Theme};

fn app(n: usize) -> App {
    app_of((0..n).map(|i| Person {
        company: "Acme".into(),
        connected_on: january_2020(i),
        ..numbered_person(i)
    }))
}

fn remapped(pairs: &[(&str, &[&str])]) -> Arc<Keymap> {
    let overrides: BTreeMap<String, Vec<Key>> = pairs
        .iter()
        .map(|(a, ks)| {
            (
                a.to_string(),
                ks.iter().map(|k| k.parse().unwrap()).collect(),
            )
        })
        .collect();
    Arc::new(Keymap::with_overrides(&overrides).unwrap())
}

fn draw(app: &mut App, theme: &Theme, width: u16, height: u16) -> Buffer {
    let l = layout(ratatui::layout::Rect::new(0, 0, width, height), app);
    let help_max_scroll =
        unconnect::ui::help::max_scroll(app.keymap(), app.screen_context(), l.body);
    app.handle(unconnect::app::Event::Layout {
        rows: l.rows[0].height as usize,
        help_max_scroll,
    });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| f.render_widget(Screen::new(app, theme), f.area()))
        .unwrap();
    terminal.backend().buffer().clone()
}

fn line(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width)
        .map(|x| buf[(x, y)].symbol())
        .collect::<String>()
}

/// A help row: the keys, then (after padding) what they do.
fn has_row(help: &str, keys: &str, does: &str) -> bool {
    let start = format!("  {keys} ");
    help.lines().any(|l| {
        l.match_indices(&start)
            .any(|(at, _)| l[at + start.len()..].trim_start().starts_with(does))
    })
}

fn text(buf: &Buffer) -> String {
    (0..buf.area.height).map(|y| line(buf, y) + "\n").collect()
}

#[test]
fn footer_help_and_dialog_follow_a_remapped_remove_key() {
    let mut app = app(5).with_keymap(remapped(&[("remove", &["X"]), ("yes", &["ctrl-y"])]));
    let theme = Theme::default();
    let buf = draw(&mut app, &theme, 100, 30);
    let footer = line(&buf, 29);
    assert!(footer.contains("X remove…"), "{footer}");
    assert!(!footer.contains("R remove"), "{footer}");

    app.update(Action::Help);
    let help = text(&draw(&mut app, &theme, 120, 50));
    assert!(has_row(&help, "X", "remove all on the right"), "{help}");
    assert!(has_row(&help, "Ctrl-y", "confirm"), "{help}");
    app.update(Action::CloseHelp);

    app.update(Action::MoveAll);
    // The old key now does nothing; the new one opens the dialog.
    let r = app
        .keymap()
        .action_for(unconnect::app::Context::TRIAGE, "R".parse().unwrap());
    assert_eq!(r, None);
    app.update(Action::Remove);
    let dialog = text(&draw(&mut app, &theme, 100, 30));
    assert!(
        dialog.contains("Ctrl-y remove · n Esc cancel · Tab choose"),
        "{dialog}"
    );
    let footer = line(&draw(&mut app, &theme, 100, 30), 29);
    assert!(footer.starts_with("Ctrl-y confirm"), "{footer}");
}

#[test]
fn a_wrong_tab_message_names_the_remapped_key() {
    let mut app = app(3).with_keymap(remapped(&[("remove", &["X"])]));
    app.update(Action::Withdraw);
    assert_eq!(
        app.status().unwrap().text,
        "On this tab, X opens the Remove dialog"
    );
}

#[test]
fn without_colour_nothing_is_coloured_and_the_cursor_row_is_reversed() {
    let mut app = app(8);
    app.update(Action::Down);
    app.update(Action::Mark);
    let theme = Theme::monochrome();
    let buf = draw(&mut app, &theme, 100, 20);
    for cell in buf.content() {
        assert_eq!(cell.fg, Color::Reset, "{cell:?}");
        assert_eq!(cell.bg, Color::Reset, "{cell:?}");
    }
    // Row 0 of the left column is y 3, under the headings; the cursor moved to the
    // second row, then Space marked it and stepped down: the cursor is on the third.
    let cursor_y = 5;
    for x in 1..49 {
        assert!(
            buf[(x, cursor_y)].modifier.contains(Modifier::REVERSED),
            "cell {x} of the cursor row"
        );
    }
    assert!(!buf[(5, 3)].modifier.contains(Modifier::REVERSED));
    assert_eq!(buf[(1, 4)].symbol(), "✔");
    // The focused column has the heavy border, the other the plain one.
    assert_eq!(buf[(0, 1)].symbol(), "┏");
    assert_eq!(buf[(50, 1)].symbol(), "┌");
}

#[test]
fn at_80_by_24_the_footer_keeps_help_and_quit() {
    let mut app = app(30);
    app.update(Action::Mark);
    let buf = draw(&mut app, &Theme::default(), 80, 24);
    let footer = line(&buf, 23);
    assert!(
        footer.contains("? help") && footer.contains("q quit"),
        "{footer}"
    );
    assert!(footer.trim_end().ends_with("[ Remove 0 ]"), "{footer}");
}

#[test]
fn the_help_scrolls_when_taller_than_the_screen() {
    let mut app = app(3);
    app.update(Action::Help);
    let theme = Theme::default();
    let first = text(&draw(&mut app, &theme, 80, 24));
    assert!(first.contains("Keys (↓ ↑ scroll"), "{first}");
    assert!(first.contains("mark / unmark the row"), "{first}");
    assert!(
        !first.contains("close without exporting"),
        "the end is below: {first}"
    );
    for _ in 0..100 {
        app.update(Action::HelpPageDown);
    }
    let last = text(&draw(&mut app, &theme, 80, 24));
    assert!(last.contains("close without exporting"), "{last}");
    assert!(!last.contains("mark / unmark the row"), "{last}");
    // Scrolling back answers at once: the offset stopped at the end.
    app.update(Action::HelpUp);
    let back = text(&draw(&mut app, &theme, 80, 24));
    assert_ne!(back, last);
    app.update(Action::CloseHelp);
    assert_eq!(*app.mode(), unconnect::app::Mode::Browse);
}
