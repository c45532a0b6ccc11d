//! The relationship signals on screen, on the demo export (a Complete one): a marker in
//! each row that has some, the cursor row's in the line under the columns, and the
//! removal dialog's warning; and on a Basic export, none of it but the note, said once.

use std::sync::Arc;

use crate::drawing::draw_in;
use crate::fixtures::{app_on, demo_export};
use crate::keys::press;
use chrono::NaiveDate;
use insta::assert_snapshot;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use unconnect::app::strings::signals_note;
use unconnect::app::{Action, App, Mode};
use unconnect::model::signals::Signals;
use unconnect::model::triage::Side;
use unconnect::ui::Theme;
use unconnect::ui::layout::{ScreenLayout, hit};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

/// The demo as `App::open` builds it; `complete: false` drops the signals, as a Basic
/// export of the same people would have none.
fn demo_app(complete: bool) -> App {
    let export = demo_export();
    let signals = export.signals.filter(|_| complete).map(Arc::new);
    let note = signals_note(signals.as_deref());
    app_on(export.people, today()).with_signals(signals, note)
}

/// A line of the buffer as text, wide glyphs once.
fn line(buf: &Buffer, area: Rect, y: u16) -> String {
    (area.x..area.right())
        .map(|x| buf[(x, y)].symbol())
        .collect()
}

/// The row of the left column showing `name`, as text, and its y.
fn row_of(buf: &Buffer, l: &ScreenLayout, name: &str) -> (String, u16) {
    let rows = l.rows[0];
    (rows.y..rows.bottom())
        .map(|y| (line(buf, rows, y), y))
        .find(|(text, _)| text.contains(name))
        .unwrap_or_else(|| panic!("{name} is not on screen"))
}

fn signals(app: &App) -> &Signals {
    app.signals().unwrap()
}

#[test]
fn rows_with_signals_carry_a_marker_before_the_date() {
    let mut app = demo_app(true);
    let (t, l) = draw_in(&mut app, 100, 24, &Theme::default());
    let buf = t.backend().buffer();
    let theme = Theme::default();
    let (row, y) = row_of(buf, &l, "Linnea Álvarez");
    assert!(row.ends_with(" ✉3★ 15 Oct 2026"), "{row:?}");
    let marker_x = l.rows[0].right() - 15;
    for x in marker_x..marker_x + 3 {
        assert_eq!(
            buf[(x, y)].fg,
            theme.signal.fg.unwrap(),
            "the marker is accented"
        );
    }
    let (row, _) = row_of(buf, &l, "Aiko Jovanović");
    assert!(row.ends_with(" ✉2 18 Sep 2026"), "messages only: {row:?}");
    let (row, _) = row_of(buf, &l, "Łukasz Fairweather");
    assert!(
        !row.contains('✉') && !row.contains('★'),
        "no signals, no marker: {row:?}"
    );
    // Every row stays its width: the columns' borders are whole.
    for y in l.rows[0].y..l.rows[0].bottom() {
        assert_eq!(buf[(l.columns[0].right() - 1, y)].symbol(), "│", "row {y}");
        assert_eq!(buf[(l.columns[1].x, y)].symbol(), "│", "row {y}");
    }
}

#[test]
fn the_line_under_the_columns_sums_up_then_follows_the_cursor() {
    let mut app = demo_app(true);
    let (t, l) = draw_in(&mut app, 100, 24, &Theme::default());
    assert_eq!(
        l.signal_line.y,
        l.columns[0].bottom(),
        "right under the columns"
    );
    let text = line(t.backend().buffer(), l.signal_line, l.signal_line.y);
    assert!(
        text.starts_with("Signals: 45 people with messages, 28 people with endorsements"),
        "{text:?}"
    );
    press(&mut app, "jj");
    let (t, l) = draw_in(&mut app, 100, 24, &Theme::default());
    let buf = t.backend().buffer();
    let text = line(buf, l.signal_line, l.signal_line.y);
    let id = app.connection_at_cursor().unwrap();
    assert_eq!(
        app.item_name(unconnect::app::ListKind::Connections, id),
        "Linnea Álvarez"
    );
    let detail = signals(&app).get(unconnect::model::PersonId(id)).detail();
    assert!(
        detail.starts_with("3 messages, the last on 2026-11-27"),
        "{detail}"
    );
    assert_eq!(text.trim_end(), format!("Linnea Álvarez: {detail}"));
    let name_cell = &buf[(l.signal_line.x, l.signal_line.y)];
    assert!(
        name_cell.modifier.contains(Modifier::BOLD),
        "the name stands out"
    );
    // A row without signals says so rather than keeping the last one's.
    press(&mut app, "j");
    let (t, l) = draw_in(&mut app, 100, 24, &Theme::default());
    let text = line(t.backend().buffer(), l.signal_line, l.signal_line.y);
    assert_eq!(text.trim_end(), "Ελένη Dąbrowski: no messages");
}

#[test]
fn clicks_still_land_on_the_row_drawn_there() {
    let mut app = demo_app(true);
    let (_, l) = draw_in(&mut app, 100, 24, &Theme::default());
    let click = |x: u16, y: u16| MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: x,
        row: y,
        modifiers: KeyModifiers::NONE,
    };
    let last = l.rows[0].bottom() - 1;
    assert_eq!(
        hit(&l, &app, click(10, last)),
        Some(Action::ClickRow {
            side: Side::Left,
            row: (last - l.rows[0].y) as usize
        })
    );
    assert_eq!(hit(&l, &app, click(10, l.signal_line.y)), None);
}

#[test]
fn removing_endorsers_warns_that_endorsements_go_too() {
    let mut app = demo_app(true);
    // 이 MacAllister and Linnea Álvarez (endorsements) and Ελένη Dąbrowski (none).
    press(&mut app, "j   \nR");
    assert!(matches!(app.mode(), Mode::Confirm(_)));
    let (t, l) = draw_in(&mut app, 80, 24, &Theme::default());
    assert_eq!(l.dialog.height, 16, "two more lines for the warning");
    assert_snapshot!(t.backend());
}

#[test]
fn removing_people_without_endorsements_does_not_warn() {
    let mut app = demo_app(true);
    press(&mut app, "jjj\nR");
    let (t, l) = draw_in(&mut app, 80, 24, &Theme::default());
    assert_eq!(l.dialog.height, 14);
    let buf = t.backend().buffer();
    let dialog: String = (l.dialog.y..l.dialog.bottom())
        .map(|y| line(buf, l.dialog, y))
        .collect();
    assert!(dialog.contains("Ελένη Dąbrowski"), "{dialog}");
    assert!(
        !dialog.contains('★') && !dialog.contains("endorse"),
        "{dialog}"
    );
}

#[test]
fn a_basic_export_shows_no_markers_and_says_why_once() {
    let mut app = demo_app(false);
    let (t, l) = draw_in(&mut app, 100, 24, &Theme::default());
    let screen: String = format!("{:?}", t.backend());
    assert!(!screen.contains('✉') && !screen.contains('★'));
    assert_eq!(l.signal_line.height, 0, "no line under the columns");
    assert_eq!(l.columns[0].bottom(), l.status.y);
    assert_eq!(app.status(), None, "the first screen keeps what was loaded");
    press(&mut app, "j");
    let said = app.status().unwrap().text.clone();
    assert!(
        said.starts_with("No messages, endorsements or recommendations"),
        "{said}"
    );
    press(&mut app, "sn");
    let sorted = app.status().unwrap().text.clone();
    assert!(sorted.starts_with("Sorted by"), "{sorted}");
    press(&mut app, "jk");
    assert_eq!(app.status().unwrap().text, sorted, "said once");
}

#[test]
fn the_removal_warning_counts_only_the_people_it_removes() {
    let app = demo_app(true);
    let left = app.triage().column(Side::Left).shown().to_vec();
    let journal = |ids: &[u32]| unconnect::app::ConfirmAction::Journal {
        kind: unconnect::app::ListKind::Connections,
        ids: ids.to_vec(),
    };
    assert_eq!(
        app.removal_warning(&journal(&left[1..2])).as_deref(),
        Some(
            "★ You have endorsements or recommendations with them: removing also withdraws \
             those between you."
        )
    );
    assert_eq!(app.removal_warning(&journal(&left[3..4])), None);
    let all = app.removal_warning(&journal(&left)).unwrap();
    let shared = signals(&app)
        .all()
        .iter()
        .filter(|s| s.is_endorsed() || s.is_recommended())
        .count();
    assert!(
        all.starts_with(&format!("★ {shared} of the {} have", left.len())),
        "{all}"
    );
    assert_eq!(demo_app(false).removal_warning(&journal(&left)), None);
}
