//! Where the column headings are, for the mouse: a click on one sorts by it. Reads the
//! same headings and positions `columns` draws.

use ratatui::layout::Rect;

use super::text::width;
use crate::app::{App, ListKind, SortColumn};
use crate::model::history::Kind;

/// The line of headings inside a list's bordered `column`, as `columns` draws it.
pub fn line(column: Rect) -> Rect {
    Rect::new(
        column.x + 3,
        column.y + 1,
        column.width.saturating_sub(4),
        1,
    )
}

/// The column whose heading is at `x` over a list of `kind` drawn in `column`.
pub fn at(app: &App, kind: ListKind, column: Rect, x: u16) -> Option<SortColumn> {
    let area = line(column);
    let headings = match kind {
        ListKind::Connections => super::people_rows::headings(area.width, app.signals().is_some()),
        ListKind::Invitations => super::invitation_rows::headings(area.width),
        ListKind::Removed => super::history_rows::headings(area.width, Kind::Removal),
        ListKind::Withdrawn => super::history_rows::headings(area.width, Kind::Withdrawal),
    };
    for (i, &(label, from_right)) in headings.iter().enumerate() {
        let w = width(label) as u16;
        // The sorted one carries an arrow (" ↓"): after the word, or before it at the
        // right edge (see `columns`).
        let (start, end) = if i == 0 {
            (area.x, area.x + w + 2)
        } else if from_right == 0 {
            (area.right().saturating_sub(w + 2), area.right())
        } else {
            let end = area.right().saturating_sub(from_right);
            (end.saturating_sub(w), end + 2)
        };
        if (start..end).contains(&x) {
            return Some(word_at(label, x.saturating_sub(start)));
        }
    }
    None
}

/// In "name · position · company", which part is `offset` cells in.
fn word_at(label: &str, offset: u16) -> SortColumn {
    let mut from = 0;
    let mut last = SortColumn::Name;
    for part in label.split(" · ") {
        last = of_word(part);
        from += width(part) as u16 + 3;
        if offset < from {
            break;
        }
    }
    last
}

fn of_word(word: &str) -> SortColumn {
    match word {
        "name" => SortColumn::Name,
        "position" | "company" | "message" => SortColumn::Company,
        "signals" => SortColumn::Signals,
        "status" => SortColumn::Status,
        _ => SortColumn::Date,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_part_of_the_first_heading_is_its_own_column() {
        let label = "name · position · company";
        assert_eq!(word_at(label, 0), SortColumn::Name);
        assert_eq!(word_at(label, 3), SortColumn::Name);
        assert_eq!(word_at(label, 8), SortColumn::Company);
        assert_eq!(word_at(label, 20), SortColumn::Company);
        assert_eq!(word_at("removed on", 5), SortColumn::Date);
    }
}
