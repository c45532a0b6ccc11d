//! Where the column headings go, for the drawing and for the mouse: a click on one
//! sorts by it. The sorted heading carries its arrow, and every heading keeps a space
//! from the next however long the arrow makes it.

use ratatui::layout::Rect;

use super::text::width;
use crate::app::{App, ListKind, SortColumn};
use crate::model::history::Kind;
use crate::model::triage::Side;

/// The line of headings inside a list's bordered `column`, as `columns` draws it.
pub fn line(column: Rect) -> Rect {
    Rect::new(
        column.x + 3,
        column.y + 1,
        column.width.saturating_sub(4),
        1,
    )
}

/// One heading as drawn: its text (with the arrow when sorted by it) from column `x`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    pub text: String,
    pub x: u16,
}

/// The heading's text: the arrow follows the word sorted by; a date order sorts by the
/// list's date, whatever its heading calls it.
fn with_arrow(label: &str, sorted: Option<(&str, bool)>) -> Option<String> {
    let (name, reversed) = sorted.filter(|(name, _)| !name.is_empty())?;
    let arrow = if reversed { " ↑" } else { " ↓" };
    // A withdrawal's invitation has a message where a person has a company.
    let name = if name == "company" && !label.contains(name) {
        "message"
    } else {
        name
    };
    if label.split(" · ").any(|part| part == name) {
        Some(label.replacen(name, &format!("{name}{arrow}"), 1))
    } else if name == "connected"
        && (label == "sent" || label.starts_with("removed") || label.starts_with("withdrawn"))
    {
        Some(format!("{label}{arrow}"))
    } else {
        None
    }
}

/// Where each of `headings` (see `RowView::headings`) is drawn in `area`, `sorted` by
/// the heading named so. A heading ends where its field ends and its arrow goes into
/// the gap after it (before it at the right edge); when that would touch a neighbour,
/// the neighbour moves over, and when the line is too narrow for all, the unsorted
/// headings between the first and the last give way.
pub fn place(
    headings: &[(&'static str, u16)],
    sorted: Option<(&str, bool)>,
    area: Rect,
) -> Vec<Placed> {
    let mut all: Vec<(String, u16, bool)> = headings
        .iter()
        .enumerate()
        .map(|(i, &(label, from_right))| {
            let arrowed = with_arrow(label, sorted);
            let is_sorted = arrowed.is_some();
            let text = arrowed.unwrap_or_else(|| label.to_owned());
            let w = width(&text) as u16;
            let x = if i == 0 {
                area.x
            } else if from_right == 0 {
                area.right().saturating_sub(w)
            } else {
                area.right()
                    .saturating_sub(from_right + width(label) as u16)
            };
            (text, x, is_sorted)
        })
        .collect();
    // Too narrow for the sorted column's own heading: the first says what the rows are
    // sorted by, so the order is never a guess.
    if let Some((name, reversed)) = sorted
        && !all.iter().any(|h| h.2)
        && !matches!(name, "" | "connected")
        && let Some(first) = all.first_mut()
    {
        let arrow = if reversed { " ↑" } else { " ↓" };
        first.0 = format!("{} · {name}{arrow}", first.0);
        first.2 = true;
    }
    let needed = |all: &[(String, u16, bool)]| {
        all.iter().map(|h| width(&h.0)).sum::<usize>() + all.len().saturating_sub(1)
    };
    while needed(&all) > area.width as usize {
        let droppable = (1..all.len()).find(|&i| !all[i].2 && i + 1 < all.len());
        let droppable = droppable.or_else(|| (1..all.len()).rev().find(|&i| !all[i].2));
        match droppable {
            Some(i) => {
                all.remove(i);
            }
            None => break,
        }
    }
    let w = |h: &(String, u16, bool)| width(&h.0) as u16;
    for i in 1..all.len() {
        let after_previous = all[i - 1].1 + w(&all[i - 1]) + 1;
        all[i].1 = all[i].1.max(after_previous);
    }
    let mut limit = area.right();
    for i in (1..all.len()).rev() {
        all[i].1 = all[i].1.min(limit.saturating_sub(w(&all[i])));
        limit = all[i].1.saturating_sub(1);
    }
    all.into_iter()
        .filter(|h| h.1 >= area.x && h.1 + w(h) <= area.right())
        .map(|(text, x, _)| Placed { text, x })
        .collect()
}

/// Which heading a sort order sorts by: "newest first" sorts by the connected date.
pub fn sorted_heading(sort: &str) -> &'static str {
    match sort {
        "newest first" | "oldest first" => "connected",
        "last name" | "name" => "name",
        "company" => "company",
        "status" => "status",
        "fewest messages" => "signals",
        _ => "",
    }
}

/// The headings of a list of `kind` over a line `area_width` wide.
pub fn of_kind(app: &App, kind: ListKind, area_width: u16) -> Vec<(&'static str, u16)> {
    match kind {
        ListKind::Connections => super::people_rows::headings(area_width, app.signals().is_some()),
        ListKind::Invitations => super::invitation_rows::headings(area_width),
        ListKind::Removed => super::history_rows::headings(area_width, Kind::Removal),
        ListKind::Withdrawn => super::history_rows::headings(area_width, Kind::Withdrawal),
    }
}

/// The sorted heading and whether it reads upwards, for the `side` column of `kind`.
pub fn sorted(app: &App, kind: ListKind, side: Side) -> Option<(&'static str, bool)> {
    let triage = app.triage_of(kind)?;
    let sort = triage.sort_name(side);
    // "oldest first" is the date order read upwards.
    let reversed = triage.column(side).reversed != (sort == "oldest first");
    Some((sorted_heading(sort), reversed))
}

/// The column whose heading is at `x` over the `side` list of `kind` drawn in `column`.
pub fn at(app: &App, kind: ListKind, side: Side, column: Rect, x: u16) -> Option<SortColumn> {
    let area = line(column);
    let headings = of_kind(app, kind, area.width);
    for placed in place(&headings, sorted(app, kind, side), area) {
        let end = placed.x + width(&placed.text) as u16;
        if (placed.x..end).contains(&x) {
            return Some(word_at(&placed.text, x - placed.x));
        }
    }
    None
}

/// In "name · position · company", which part is `offset` cells in.
fn word_at(text: &str, offset: u16) -> SortColumn {
    let mut from = 0;
    let mut last = SortColumn::Name;
    for part in text.split(" · ") {
        last = of_word(part.trim_end_matches([' ', '↓', '↑']));
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
        assert_eq!(word_at("name ↓ · position", 6), SortColumn::Name);
        assert_eq!(word_at("name ↓ · position", 9), SortColumn::Company);
    }

    #[test]
    fn an_arrow_at_the_right_edge_moves_its_neighbour_over() {
        let area = Rect::new(0, 0, 60, 1);
        let headings = [("name · message", 0), ("status", 13), ("withdrawn on", 0)];
        let placed = place(&headings, Some(("connected", false)), area);
        let texts: Vec<&str> = placed.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["name · message", "status", "withdrawn on ↓"]);
        assert!(placed[1].x + 6 < placed[2].x, "{placed:?}");
    }
}
