//! The lists as a table: headings over the columns, the connected date kept from 80
//! columns on, the sorted column's arrow.

use crate::drawing::draw;
use chrono::NaiveDate;
use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unconnect::app::{Action, App};
use unconnect::model::roster::people_triage;

fn demo() -> App {
    let export = unconnect::import::load(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/demo"
    )))
    .unwrap();
    let triage = people_triage(&export.people);
    let mut app = App::new(
        export.people,
        triage,
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
    );
    app.update(Action::Mark);
    app.update(Action::Mark);
    app.update(Action::Move);
    app
}

fn lines(terminal: &Terminal<TestBackend>) -> Vec<String> {
    let buf = terminal.backend().buffer();
    let width = buf.area.width as usize;
    buf.content()
        .chunks(width)
        .map(|row| row.iter().map(ratatui::buffer::Cell::symbol).collect())
        .collect()
}

#[test]
fn the_table_at_80_by_24() {
    let mut app = demo();
    let terminal = draw(&mut app, 80, 24);
    // Every row of both columns shows its connected date, even this narrow.
    let lines = lines(&terminal);
    assert!(lines[2].contains("connected ↓"), "{lines:#?}");
    let dated = lines.iter().filter(|l| l.contains(" 20")).count();
    assert!(dated >= 18, "{lines:#?}");
    assert_snapshot!(terminal.backend());
}

#[test]
fn the_table_at_160_by_50() {
    let mut app = demo();
    assert_snapshot!(draw(&mut app, 160, 50).backend());
}

#[test]
fn the_sorted_heading_carries_the_direction() {
    let mut app = demo();
    app.update(Action::ReverseSort);
    let up = lines(&draw(&mut app, 100, 20));
    assert!(up[2].contains("connected ↑"), "{up:#?}");
    app.update(Action::Sort);
    app.update(Action::SortByName);
    let by_name = lines(&draw(&mut app, 100, 20));
    assert!(by_name[2].contains("name ↓ · position"), "{by_name:#?}");
}
