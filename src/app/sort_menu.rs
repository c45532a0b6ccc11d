//! `s`: a small menu of the list's columns to sort by (as in csvlens or lazygit), the
//! current one highlighted; `j` `k` and `Enter`, or a column's own key, pick one. The
//! menu offers columns, not orders: "oldest first" is the connected column reversed (`S`).

use super::action::Action;
use super::effect::Effect;
use super::list::ListKind;
use super::state::{App, Mode};
use super::strings;
use crate::model::triage::Triage;

/// A column a list can be sorted by, in the order the table shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SortColumn {
    Name,
    Company,
    Signals,
    Status,
    /// Connected on, sent on, removed on, withdrawn on: the list's own date.
    Date,
}

impl SortColumn {
    /// The column a sort order sorts by; `None` for an order no column shows.
    pub fn of_order(order: &str) -> Option<SortColumn> {
        match order {
            "newest first" | "oldest first" => Some(SortColumn::Date),
            "last name" | "name" => Some(SortColumn::Name),
            "company" => Some(SortColumn::Company),
            "fewest messages" => Some(SortColumn::Signals),
            "status" => Some(SortColumn::Status),
            _ => None,
        }
    }

    /// The action that picks this column in the menu (its key is in the keymap).
    pub fn action(self) -> Action {
        match self {
            SortColumn::Name => Action::SortByName,
            SortColumn::Company => Action::SortByCompany,
            SortColumn::Signals => Action::SortBySignals,
            SortColumn::Status => Action::SortByStatus,
            SortColumn::Date => Action::SortByDate,
        }
    }

    /// The column's heading, as the table writes it over the rows of `kind`.
    pub fn label(self, kind: ListKind) -> &'static str {
        match (self, kind) {
            (SortColumn::Name, _) => "name",
            (SortColumn::Company, ListKind::Connections) => "position · company",
            (SortColumn::Company, _) => "company",
            (SortColumn::Signals, _) => "signals",
            (SortColumn::Status, _) => "status",
            (SortColumn::Date, ListKind::Connections) => "connected",
            (SortColumn::Date, ListKind::Invitations) => "sent",
            (SortColumn::Date, ListKind::Withdrawn) => "withdrawn on",
            (SortColumn::Date, ListKind::Removed) => "removed on",
        }
    }
}

/// The columns a triage can be sorted by, in table order, each once.
pub fn columns(triage: &Triage) -> Vec<SortColumn> {
    let mut columns: Vec<SortColumn> = triage
        .sort_names()
        .filter_map(SortColumn::of_order)
        .collect();
    columns.sort();
    columns.dedup();
    columns
}

impl App {
    /// The columns of the sort menu for the list shown, and the one sorted by now.
    pub fn sort_menu(&self) -> Option<(ListKind, Vec<SortColumn>, Option<SortColumn>)> {
        let kind = self.list()?;
        let triage = self.triage_of(kind)?;
        let current = SortColumn::of_order(triage.sort_name(triage.focus()));
        Some((kind, columns(triage), current))
    }

    /// `s`: opens the menu on the column sorted by now.
    pub(super) fn open_sort_menu(&mut self) {
        let Some((_, columns, current)) = self.sort_menu() else {
            return;
        };
        let selected = columns
            .iter()
            .position(|&c| Some(c) == current)
            .unwrap_or(0);
        self.mode = Mode::SortMenu { selected };
    }

    /// A key in the open menu.
    pub(super) fn in_sort_menu(&mut self, action: Action, selected: usize) -> Vec<Effect> {
        let Some((_, columns, _)) = self.sort_menu() else {
            self.mode = Mode::Browse;
            return Vec::new();
        };
        let last = columns.len().saturating_sub(1);
        let picked = match action {
            Action::Up => {
                self.mode = Mode::SortMenu {
                    selected: selected.saturating_sub(1),
                };
                return Vec::new();
            }
            Action::Down => {
                self.mode = Mode::SortMenu {
                    selected: (selected + 1).min(last),
                };
                return Vec::new();
            }
            Action::CloseSortMenu => {
                self.mode = Mode::Browse;
                return Vec::new();
            }
            Action::PickSort => columns.get(selected).copied(),
            other => columns.iter().copied().find(|c| c.action() == other),
        };
        match picked {
            Some(column) => {
                self.mode = Mode::Browse;
                self.sort_by(column, false)
            }
            // A key of a column this list does not have: the menu stays.
            None => Vec::new(),
        }
    }

    /// Sorts the focused column by `column`, in its usual direction, the cursor kept on
    /// its person. Already sorted by it: the order stays as it is, unless `reverse_same`
    /// (a second click on a heading) reads it backwards.
    pub(super) fn sort_by(&mut self, column: SortColumn, reverse_same: bool) -> Vec<Effect> {
        let Some(kind) = self.list() else {
            return Vec::new();
        };
        let Some(triage) = self.triage_mut(kind) else {
            return Vec::new();
        };
        let side = triage.focus();
        let same = SortColumn::of_order(triage.sort_name(side)) == Some(column);
        let job = if same && reverse_same {
            triage.reverse_sort(side)
        } else if same {
            None
        } else {
            let Some(index) = triage
                .sort_names()
                .position(|n| SortColumn::of_order(n) == Some(column))
            else {
                return Vec::new();
            };
            triage.set_sort(side, index, false)
        };
        let label = triage.sort_label(side);
        let top = self.keymap.key_of(Action::Top);
        self.info(strings::sorted_by(&label, &top));
        job.map(|j| Effect::Filter(kind, j)).into_iter().collect()
    }
}
