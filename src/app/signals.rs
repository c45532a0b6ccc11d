//! The relationship signals as the app uses them: each connection's, the note said once,
//! and the warning a removal of people with endorsements or recommendations carries.

use std::sync::Arc;

use super::action::Action;
use super::confirm::ConfirmAction;
use super::list::ListKind;
use super::state::App;
use crate::model::PersonId;
use crate::model::signals::{Signal, Signals};

impl App {
    /// Keeps the export's signals (none for a Basic export) and the note about them,
    /// said once: in the line under the columns, or for a Basic export in the status
    /// line, when the user first moves.
    pub fn with_signals(mut self, signals: Option<Arc<Signals>>, note: String) -> Self {
        self.signals = signals;
        self.signals_note = (!note.is_empty()).then_some(note);
        self
    }

    /// A connection's signals, when the export has them.
    pub fn signal(&self, id: u32) -> Option<Signal> {
        self.signals.as_ref().map(|s| s.get(PersonId(id)))
    }

    /// The connection under the focused column's cursor on the Connections tab.
    pub fn connection_at_cursor(&self) -> Option<u32> {
        let triage = &self.connections.triage;
        let column = triage.column(triage.focus());
        column.shown().get(column.cursor).copied()
    }

    /// What the confirm dialog adds when some of the people it removes have endorsed or
    /// recommended the user (or the other way): LinkedIn withdraws those with the
    /// connection, and that is not undone by reconnecting.
    pub fn removal_warning(&self, action: &ConfirmAction) -> Option<String> {
        let ConfirmAction::Journal {
            kind: ListKind::Connections,
            ids,
        } = action
        else {
            return None;
        };
        let shared = ids
            .iter()
            .filter_map(|&id| self.signal(id))
            .filter(|s| s.is_endorsed() || s.is_recommended())
            .count();
        (shared > 0).then(|| super::strings::endorsements_go(shared, ids.len()))
    }

    /// The first cursor move on the Connections tab says the signals note, once.
    pub(super) fn say_signals_note_on(&mut self, kind: ListKind, action: Action) {
        let moves = matches!(
            action,
            Action::Up
                | Action::Down
                | Action::PageUp
                | Action::PageDown
                | Action::Top
                | Action::Bottom
                | Action::ClickRow { .. }
        );
        if kind != ListKind::Connections || !moves {
            return;
        }
        let Some(note) = self.signals_note.take() else {
            return;
        };
        // With signals the line under the columns said it; from now on it shows the row.
        if self.signals.is_none() {
            self.info(note);
        }
    }
}
