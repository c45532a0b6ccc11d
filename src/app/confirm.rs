//! The confirm dialog carries the action it confirms (as gitui's `ConfirmAction`): what
//! the dialog shows is worked out from the action, and "yes" performs exactly that action,
//! never something recomputed when the key is pressed. What each dialog says and what
//! its answer does are in `dialogs`, one arm per action; this file opens dialogs and
//! moves between their buttons.

use std::path::PathBuf;

use super::action::Action;
use super::effect::Effect;
use super::list::ListKind;
use super::state::App;
use crate::model::triage::Place;
use crate::model::triage::Side;

/// Something destructive, waiting for a yes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfirmAction {
    /// Journal these items of a list as done: removed connections, withdrawn invitations.
    Journal { kind: ListKind, ids: Vec<u32> },
    /// Replace an existing file with an export of a list's right column.
    Overwrite { kind: ListKind, path: PathBuf },
    /// Restore these History records: back among the connections (pending invitations).
    Restore { kind: ListKind, ids: Vec<u32> },
    /// Tick these History records done (people removed on LinkedIn another way).
    MarkDone { kind: ListKind, ids: Vec<u32> },
    /// Tick these History records, opened in the browser, done.
    DoneOpened { kind: ListKind, ids: Vec<u32> },
    /// Take kept people off the keep list and move them (with the rest of the selection).
    UnkeepAndMove {
        kind: ListKind,
        ids: Vec<u32>,
        from: Side,
    },
}

impl ConfirmAction {
    pub fn kind(&self) -> ListKind {
        match self {
            ConfirmAction::Journal { kind, .. }
            | ConfirmAction::Overwrite { kind, .. }
            | ConfirmAction::Restore { kind, .. }
            | ConfirmAction::MarkDone { kind, .. }
            | ConfirmAction::DoneOpened { kind, .. }
            | ConfirmAction::UnkeepAndMove { kind, .. } => *kind,
        }
    }

    /// The items the action is about (none for an overwrite).
    pub fn ids(&self) -> &[u32] {
        match self {
            ConfirmAction::Journal { ids, .. }
            | ConfirmAction::Restore { ids, .. }
            | ConfirmAction::MarkDone { ids, .. }
            | ConfirmAction::DoneOpened { ids, .. }
            | ConfirmAction::UnkeepAndMove { ids, .. } => ids,
            ConfirmAction::Overwrite { .. } => &[],
        }
    }
}

/// The open dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfirmDialog {
    pub action: ConfirmAction,
    /// False at first: Cancel is focused, so a stray Enter cancels.
    pub yes_focused: bool,
}

/// Names a page key scrolls in a dialog.
const NAMES_PAGE: isize = 10;

impl App {
    /// Opens the dialog for everyone in the right column of the current list.
    pub(super) fn ask_confirm(&mut self, kind: ListKind, action: Action) {
        let (Some(spec), Some(triage)) = (kind.spec(), self.triage_of(kind)) else {
            return;
        };
        if action != spec.confirm_action && action != Action::ClickRemoveButton {
            let key = self.keymap.key_of(spec.confirm_action);
            self.warn(super::strings::wrong_tab(&key, spec.verb));
            return;
        }
        // Everyone staged goes, whatever the right column's filter shows.
        let ids: Vec<u32> = triage.ids_in(Place::Right).collect();
        if ids.is_empty() {
            self.warn(super::strings::nobody_to(spec.verb));
            return;
        }
        self.mode = super::state::Mode::Confirm(ConfirmDialog {
            action: ConfirmAction::Journal { kind, ids },
            yes_focused: false,
        });
    }

    pub(super) fn confirm(&mut self, action: Action, mut dialog: ConfirmDialog) -> Vec<Effect> {
        let yes = match action {
            Action::Yes | Action::ClickConfirmButton => true,
            Action::No | Action::ClickCancelButton => false,
            Action::PressButton => dialog.yes_focused,
            Action::NextButton => {
                dialog.yes_focused = !dialog.yes_focused;
                self.mode = super::state::Mode::Confirm(dialog);
                return Vec::new();
            }
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                let delta: isize = match action {
                    Action::Up => -1,
                    Action::Down => 1,
                    Action::PageUp => -NAMES_PAGE,
                    _ => NAMES_PAGE,
                };
                self.scroll_names(&dialog, delta);
                return Vec::new();
            }
            Action::Scroll { delta, .. } => {
                self.scroll_names(&dialog, delta);
                return Vec::new();
            }
            _ => return Vec::new(),
        };
        self.mode = super::state::Mode::Browse;
        self.confirm_scroll = 0;
        self.answer(dialog.action, yes)
    }

    /// Scrolls the dialog's names, no further than its last name.
    fn scroll_names(&mut self, dialog: &ConfirmDialog, delta: isize) {
        let n = dialog.action.ids().len();
        self.confirm_scroll = self
            .confirm_scroll
            .saturating_add_signed(delta)
            .min(n.saturating_sub(1));
    }

    /// The export's file exists: ask before replacing it.
    pub(super) fn ask_overwrite(&mut self, kind: ListKind, path: PathBuf) {
        self.mode = super::state::Mode::Confirm(ConfirmDialog {
            action: ConfirmAction::Overwrite { kind, path },
            yes_focused: false,
        });
    }

    /// The journal has a batch of a triaged list on disk: now the UI may say so.
    pub(super) fn confirmed(&mut self, kind: ListKind, ids: &[u32]) {
        self.journaling = false;
        let (Some(spec), Some(triage)) = (kind.spec(), self.triage_mut(kind)) else {
            return;
        };
        triage.confirm(ids);
        let n = ids.len();
        self.info(super::strings::journaled(spec.past, n, spec.recorded));
    }
}
