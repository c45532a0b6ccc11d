//! What a restore says: the records it takes back counted by where they stand on
//! LinkedIn, for the dialog, its pace warning and the status line after it. Only those
//! removed (withdrawn) there need a new invitation.

use super::action::Action;
use super::list::ListKind;
use super::state::App;
use super::strings::{self, Standing};
use crate::model::InvitationRules;
use crate::model::history::{self, Status};

impl App {
    /// Where the records `ids` of a History list stand on LinkedIn.
    pub(super) fn standing(&self, kind: ListKind, ids: &[u32]) -> Standing {
        let records = self.records(kind);
        let mut standing = Standing::default();
        for record in ids.iter().filter_map(|&id| records.get(id as usize)) {
            match record.status() {
                Status::Done | Status::Verified => standing.gone += 1,
                Status::Opened => standing.opened += 1,
                Status::ToDo | Status::StillThere => standing.there += 1,
            }
        }
        standing
    }

    /// The day LinkedIn lets an invitation withdrawn today be sent again.
    fn reinvite_after(&self) -> String {
        let rules = self
            .invitations
            .as_ref()
            .map_or_else(InvitationRules::default, |l| l.items.rules);
        rules
            .may_reinvite_after(self.today)
            .format(crate::model::person::LINKEDIN_DATE)
            .to_string()
    }

    /// The restore dialog's words after the names, and its warning when the invitations
    /// it calls for take more than a week (only those removed there need one).
    pub(super) fn restore_words(
        &self,
        kind: ListKind,
        ids: &[u32],
    ) -> (Vec<String>, Option<String>) {
        let Some(hk) = kind.history_kind() else {
            return (Vec::new(), None);
        };
        let standing = self.standing(kind, ids);
        let lines = strings::restore_consequence(hk, &standing, &self.reinvite_after());
        let per_week = self.history.rules.invitations_per_week;
        (lines, strings::restore_weeks(standing.gone, per_week))
    }

    /// The status line once the restore of `standing` is journaled.
    pub(super) fn restored_words(
        &self,
        kind: ListKind,
        standing: &Standing,
        not_here: usize,
    ) -> String {
        kind.history_kind()
            .map(|hk| strings::restored(hk, standing, &self.reinvite_after(), not_here))
            .unwrap_or_default()
    }

    /// `u` with nothing to undo: after a confirmed removal (withdrawal), this session or
    /// an earlier one, the way back is History's restore; say so.
    pub(super) fn nothing_to_undo(&mut self, kind: ListKind) {
        let hk = match kind {
            ListKind::Connections => history::Kind::Removal,
            ListKind::Invitations => history::Kind::Withdrawal,
            ListKind::Removed | ListKind::Withdrawn => return,
        };
        // Confirmed this session (done here) or on record: History may still be reading.
        let confirmed = self.triage_of(kind).is_some_and(|t| t.done_count() > 0)
            || !self.history.list(hk).records.is_empty();
        if !confirmed {
            self.info(strings::NOTHING_TO_UNDO);
            return;
        }
        let keys = &self.keymap;
        let text = strings::undo_in_history(
            hk,
            &keys.key_of(Action::HistoryTab),
            &keys.key_of(Action::SwitchList),
            &keys.key_of(Action::Restore),
        );
        self.info(text);
    }
}
