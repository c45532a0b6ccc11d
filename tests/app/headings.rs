//! Column headings keep a space between every word and column with the sort arrow in
//! place: every list, every column it sorts by, both ways, at 80 and 100 columns.

use unconnect::app::{Action, App, ListKind, SortColumn};
use unconnect::model::triage::Side;

use crate::drawing::draw;
use crate::full_demo::full_demo as demo;

/// The headings line of the `side` column: the screen's third line, that half of it.
fn headings(app: &mut App, width: u16, side: Side, whole: bool) -> String {
    let terminal = draw(app, width, 30);
    let buf = terminal.backend().buffer();
    // The first line whose text starts with "name" inside the column's border.
    let line = (0..buf.area.height)
        .map(|y| (0..width).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .find(|line| line.trim_start_matches(['│', ' ']).starts_with("name"))
        .unwrap();
    let line: Vec<char> = line.chars().collect();
    let half = line.len() / 2;
    let part: String = match (whole, side) {
        (true, _) => line.iter().collect(),
        (false, Side::Left) => line[..half].iter().collect(),
        (false, Side::Right) => line[half..].iter().collect(),
    };
    part.trim_matches(|c: char| c == '│' || c.is_whitespace())
        .to_owned()
}

const WORDS: [&str; 14] = [
    "name",
    "·",
    "position",
    "company",
    "message",
    "signals",
    "connected",
    "sent",
    "status",
    "removed",
    "withdrawn",
    "on",
    "↓",
    "↑",
];

fn check(app: &mut App, what: &str, side: Side, whole: bool) {
    for width in [80, 100] {
        let line = headings(app, width, side, whole);
        for word in line.split_whitespace() {
            assert!(
                WORDS.contains(&word),
                "{what} at {width}: '{word}' runs together in '{line}'"
            );
        }
        let arrows = line.matches(['↓', '↑']).count();
        assert_eq!(arrows, 1, "{what} at {width}: one arrow in '{line}'");
    }
}

fn every_sort(app: &mut App, kind: ListKind, whole: bool) {
    let sides: &[Side] = if whole {
        &[Side::Left]
    } else {
        &[Side::Left, Side::Right]
    };
    for &side in sides {
        let (_, columns, _) = app.sort_menu().unwrap();
        for column in columns {
            if side == Side::Right && app.triage().focus() == Side::Left {
                app.update(Action::SwitchColumn);
            }
            app.update(Action::Sort);
            app.update(column.action());
            check(
                app,
                &format!("{kind:?} {side:?} by {column:?}"),
                side,
                whole,
            );
            app.update(Action::ReverseSort);
            check(
                app,
                &format!("{kind:?} {side:?} by {column:?} reversed"),
                side,
                whole,
            );
            let _: SortColumn = column;
        }
    }
}

#[test]
fn every_heading_keeps_its_spaces_with_the_arrow_in_every_sort() {
    let mut app = demo();
    every_sort(&mut app, ListKind::Connections, false);
    app.update(Action::InvitationsTab);
    every_sort(&mut app, ListKind::Invitations, false);
    app.update(Action::HistoryTab);
    assert_eq!(app.list(), Some(ListKind::Removed));
    every_sort(&mut app, ListKind::Removed, true);
    app.update(Action::SwitchList);
    assert_eq!(app.list(), Some(ListKind::Withdrawn));
    every_sort(&mut app, ListKind::Withdrawn, true);
}
