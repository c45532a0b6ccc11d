//! The Timeline marks the connections new since the export opened last time: their part
//! of each bar in another fill (a shade, so it shows without colour too) and colour,
//! with a legend under the chart and in the `?` help.

use crate::drawing::{draw, draw_in};
use crate::fixtures::{app_on, demo_app, demo_export};
use chrono::NaiveDate;
use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;
use unconnect::app::timeline::NewSince;
use unconnect::app::{Action, App};
use unconnect::ui::Theme;
use unconnect::ui::timeline::NEW_FILL;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The demo, with everyone connected since 1 March 2024 new since an export of that day:
/// the March accident and the months after it.
fn demo_with_new() -> App {
    let export = demo_export();
    let since = day(2024, 3, 1);
    let ids = export
        .people
        .ids()
        .filter(|&id| export.people.connected_on(id).is_some_and(|d| d >= since))
        .collect();
    app_on(export.people, day(2026, 12, 1)).with_new(NewSince { ids, since })
}

fn draw_with(app: &mut App, theme: &Theme) -> Terminal<TestBackend> {
    draw_in(app, 100, 24, theme).0
}

/// The cells drawn with the new fill: their column and foreground colour.
fn new_cells(t: &Terminal<TestBackend>) -> Vec<(u16, Color)> {
    let buffer = t.backend().buffer();
    let width = buffer.area.width;
    buffer
        .content()
        .iter()
        .enumerate()
        .filter(|(_, c)| c.symbol() == NEW_FILL)
        .map(|(i, c)| (i as u16 % width, c.fg))
        .collect()
}

#[test]
fn the_new_part_of_each_bar_is_shaded_and_coloured_with_a_legend() {
    let mut app = demo_with_new();
    app.update(Action::TimelineTab);
    let t = app.timeline().unwrap();
    let (start, n) = t.periods()[t.bar];
    assert_eq!(
        (start, n),
        (day(2024, 3, 1), 62),
        "the cursor on the accident"
    );
    assert_eq!(t.new_in(t.bar), 62, "all of March 2024 is new");
    let before = t
        .periods()
        .iter()
        .position(|&(s, _)| s == day(2024, 2, 1))
        .unwrap();
    assert_eq!(t.new_in(before), 0);
    let terminal = draw(&mut app, 100, 24);
    let screen = format!("{}", terminal.backend());
    assert!(
        screen.contains("▒ new since the export of 1 Mar 2024"),
        "{screen}"
    );
    assert!(
        screen.contains("62 new since the export of 1 Mar 2024"),
        "{screen}"
    );
    let cells = new_cells(&terminal);
    assert!(cells.len() > 20, "{screen}");
    // The selected bar (one column) keeps the cursor's colours; every other new cell
    // is green.
    let mut not_green: Vec<u16> = cells
        .iter()
        .filter(|(_, c)| *c != Color::Green)
        .map(|&(x, _)| x)
        .collect();
    not_green.dedup();
    assert_eq!(not_green.len(), 1, "{cells:?}");
    assert!(cells.iter().filter(|(_, c)| *c == Color::Green).count() > 20);
    assert_snapshot!(terminal.backend());
}

#[test]
fn without_colour_the_new_part_is_told_by_its_fill() {
    let mut app = demo_with_new();
    app.update(Action::TimelineTab);
    let terminal = draw_with(&mut app, &Theme::monochrome());
    let cells = new_cells(&terminal);
    assert!(cells.len() > 20);
    assert!(cells.iter().all(|(_, c)| *c == Color::Reset), "{cells:?}");
    assert_snapshot!(terminal.backend());
}

#[test]
fn nothing_compared_marks_nothing() {
    let mut app = demo_app(day(2026, 12, 1));
    app.update(Action::TimelineTab);
    let terminal = draw(&mut app, 100, 24);
    assert!(new_cells(&terminal).is_empty());
    assert!(!format!("{}", terminal.backend()).contains("new since"));
}

#[test]
fn the_help_on_the_timeline_explains_the_shade() {
    let mut app = demo_with_new();
    app.update(Action::TimelineTab);
    app.update(Action::Help);
    let screen = format!("{}", draw(&mut app, 120, 40).backend());
    assert!(
        screen.contains("▒         new since the last export opened"),
        "{screen}"
    );
}
