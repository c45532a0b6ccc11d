//! The keep list and range marks, as the user drives them: `K` keeps (or un-keeps) the
//! selection, bulk moves and range marks pass kept people by and say how many, and moving
//! a kept person asks to un-keep them first.

use super::action::Action;
use super::confirm::{ConfirmAction, ConfirmDialog};
use super::effect::Effect;
use super::list::ListKind;
use super::state::{App, Mode};
use super::strings;
use crate::model::triage::Side;

impl App {
    /// `K`: keeps the selection, or un-keeps it when all of it is kept already.
    pub(super) fn keep(&mut self, kind: ListKind) -> Vec<Effect> {
        if kind != ListKind::Connections {
            self.warn(strings::KEEP_IS_FOR_CONNECTIONS);
            return Vec::new();
        }
        let triage = &mut self.connections.triage;
        let ids = triage.selection();
        if ids.is_empty() {
            return Vec::new();
        }
        let staged_before = triage.column(Side::Right).total();
        let all_kept = ids.iter().all(|&id| triage.is_kept(id));
        let changed = triage.set_kept(&ids, !all_kept);
        let back = staged_before - triage.column(Side::Right).total();
        let total = triage.kept_count();
        let mut effects = vec![Effect::SaveKept];
        if all_kept {
            self.info(strings::unkept(changed, total));
        } else if back > 0 {
            self.info(strings::kept_back(changed, back, total));
            effects.push(Effect::SaveStaged(kind));
        } else {
            self.info(strings::kept(changed, total));
        }
        effects
    }

    /// Enter, → or ←: moves the selection, asking first when kept people are in it.
    pub(super) fn move_selection(&mut self, kind: ListKind) -> Vec<Effect> {
        let Some(triage) = self.triage_of(kind) else {
            return Vec::new();
        };
        let ids = triage.selection();
        if ids.iter().any(|&id| triage.is_kept(id)) {
            let from = triage.focus();
            return self.ask_unkeep(kind, ids, from);
        }
        self.moved(kind, super::super::model::triage::Triage::move_selection)
    }

    /// A click on a row moves it, asking first when it is kept.
    pub(super) fn click_row(&mut self, kind: ListKind, side: Side, row: usize) -> Vec<Effect> {
        let Some(triage) = self.triage_mut(kind) else {
            return Vec::new();
        };
        if let Some(&id) = triage.column(side).shown().get(row)
            && triage.is_kept(id)
        {
            triage.select_row(side, row);
            return self.ask_unkeep(kind, vec![id], side);
        }
        self.moved(kind, |t| t.move_row(side, row))
    }

    fn ask_unkeep(&mut self, kind: ListKind, ids: Vec<u32>, from: Side) -> Vec<Effect> {
        self.mode = Mode::Confirm(ConfirmDialog {
            action: ConfirmAction::UnkeepAndMove { kind, ids, from },
            yes_focused: false,
        });
        Vec::new()
    }

    /// Yes in the un-keep dialog: off the keep list, then moved.
    pub(super) fn unkeep_and_move(
        &mut self,
        kind: ListKind,
        ids: Vec<u32>,
        from: Side,
    ) -> Vec<Effect> {
        if let Some(triage) = self.triage_mut(kind) {
            triage.set_kept(&ids, false);
        }
        let mut effects = self.moved(kind, |t| t.move_items(from, ids));
        effects.push(Effect::SaveKept);
        effects
    }

    /// After range marks: say how many are marked, and how many kept were passed by.
    pub(super) fn marks_changed(&mut self, kind: ListKind, skipped: usize) {
        let Some(triage) = self.triage_of(kind) else {
            return;
        };
        let marked = triage.column(triage.focus()).marked();
        if skipped > 0 {
            self.info(strings::marked(marked, skipped));
        }
    }

    /// The keys that end a range, for the footer while one is open.
    pub fn range_hint(&self) -> Option<String> {
        self.triage_of(self.list()?)?.visual()?;
        Some(strings::range_hint(&self.keymap.key_of(Action::MarkRange)))
    }
}
