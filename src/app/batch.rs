//! The work-through in batches: `open-batch` opens the next `[rules] batch_size` records
//! not done, a browser tab each, journaling `opened` for those whose opener started;
//! `done-opened` ticks every one opened and not done, after a confirm. Two window
//! switches per batch instead of two per person.

use std::collections::HashSet;

use super::action::Action;
use super::confirm::{ConfirmAction, ConfirmDialog};
use super::effect::Effect;
use super::event::OpenOutcome;
use super::history::CONNECTIONS_PAGE;
use super::history_screen::{BatchOpening, OpenTarget, WorkRules};
use super::list::ListKind;
use super::state::{App, Mode};
use super::strings;
use crate::model::Identity;
use crate::model::history::{self, JournalAction, Status};
use crate::model::triage::Side;

impl App {
    /// The batch size and the weekly invitations (`[rules]`).
    pub fn with_work_rules(mut self, rules: WorkRules) -> Self {
        self.history.rules = rules;
        self
    }

    /// `open-batch`: the next records not done, from the cursor on (round to the top),
    /// each URL once; with `connections-page`, that page once and the names copied.
    pub(super) fn open_batch(&mut self, hk: history::Kind) -> Vec<Effect> {
        let size = self.history.rules.batch_size.clamp(1, WorkRules::MAX_BATCH);
        let profile = self.history.open_target == OpenTarget::Profile;
        let list = self.history.list(hk);
        let column = list.triage.column(Side::Left);
        let (shown, cursor, records) = (column.shown(), column.cursor, &list.records);
        let mut urls = HashSet::new();
        let mut chosen: Vec<(usize, u32)> = Vec::new();
        let mut passed = 0;
        for k in 0..shown.len() {
            let row = (cursor + k) % shown.len();
            let record = &records[shown[row] as usize];
            if record.status().is_done() {
                continue;
            }
            if profile {
                // Only links the opener accepts; one tab per profile.
                let url = record.url();
                if url.is_empty() || crate::text_safety::openable_url(url).is_err() {
                    passed += 1;
                    continue;
                }
                if !urls.insert(url) {
                    continue;
                }
            }
            chosen.push((row, shown[row]));
            if chosen.len() == size {
                break;
            }
        }
        let Some(&(last_row, _)) = chosen.last() else {
            self.info(if passed > 0 {
                strings::nothing_to_batch(hk)
            } else {
                strings::NOTHING_LEFT.to_owned()
            });
            return Vec::new();
        };
        let page = match hk {
            history::Kind::Removal => CONNECTIONS_PAGE,
            history::Kind::Withdrawal => strings::SENT_INVITATIONS_PAGE,
        };
        let batch: Vec<(Identity, String)> = chosen
            .iter()
            .map(|&(_, id)| {
                let record = &records[id as usize];
                let url = if profile { record.url() } else { page };
                (record.id.clone(), url.to_owned())
            })
            .collect();
        let mut effects = Vec::new();
        if profile {
            effects.push(Effect::OpenUrls(
                batch.iter().map(|(_, url)| url.clone()).collect(),
            ));
        } else {
            let names: Vec<String> = chosen
                .iter()
                .map(|&(_, id)| records[id as usize].name())
                .collect();
            effects.push(Effect::Copy {
                text: strings::batch_names(&names),
                message: strings::names_copied(names.len()),
            });
            effects.push(Effect::OpenUrls(vec![page.to_owned()]));
        }
        // The next batch starts after this one.
        let next = (last_row + 1) % shown.len();
        self.history
            .list_mut(hk)
            .triage
            .select_row(Side::Left, next);
        self.history.batch = Some(BatchOpening {
            kind: hk,
            records: batch,
            passed,
        });
        effects
    }

    /// The runtime's word on a batch: the records whose opener started are journaled as
    /// opened; a failure stops the batch there, its link on the clipboard.
    pub(super) fn batch_reported(&mut self, outcomes: Vec<(String, OpenOutcome)>) -> Vec<Effect> {
        let Some(batch) = self.history.batch.take() else {
            return Vec::new();
        };
        let started: HashSet<&str> = outcomes
            .iter()
            .filter(|(_, o)| *o == OpenOutcome::Opened)
            .map(|(url, _)| url.as_str())
            .collect();
        let list = self.history.list(batch.kind);
        let ids: Vec<u32> = batch
            .records
            .iter()
            .filter(|(_, url)| started.contains(url.as_str()))
            .filter_map(|(id, _)| list.records.iter().position(|r| &r.id == id))
            .filter_map(|i| u32::try_from(i).ok())
            .collect();
        let profile = self.history.open_target == OpenTarget::Profile;
        let done_key = self.keymap.key_of(Action::DoneOpened);
        let failed = outcomes.iter().find(|(_, o)| *o != OpenOutcome::Opened);
        let note = match failed {
            Some((url, OpenOutcome::OnClipboard(e))) => {
                strings::batch_stopped(started.len(), e, url, true)
            }
            Some((url, OpenOutcome::Failed(e))) => {
                strings::batch_stopped(started.len(), e, url, false)
            }
            Some((_, OpenOutcome::Refused(why))) => why.clone(),
            _ if profile => strings::batch_opened(ids.len(), batch.kind, &done_key, batch.passed),
            _ => strings::batch_page_opened(ids.len(), batch.kind, &done_key),
        };
        if ids.is_empty() {
            // Nothing started: nothing is journaled, and the failure is what there is to say.
            match failed {
                Some((_, OpenOutcome::Failed(_))) => self.error(note),
                _ => self.warn(note),
            }
            return Vec::new();
        }
        if profile && !self.history.privacy_said {
            self.history.privacy_said = true;
            self.history.privacy_note = Some(strings::PRIVACY_NOTE.to_owned());
        }
        // Said once the opens are journaled (see `recorded`).
        self.history.batch_note = Some((ids.clone(), note));
        vec![Effect::Record {
            kind: ListKind::of_history(batch.kind),
            mark: JournalAction::Opened,
            ids,
        }]
    }

    /// `done-opened`: every record opened and not done, ticked after a confirm that
    /// names them. Filters do not hide any: what was opened is what gets ticked.
    pub(super) fn done_opened(&mut self, hk: history::Kind) -> Vec<Effect> {
        let records = &self.history.list(hk).records;
        let ids: Vec<u32> = (0..records.len())
            .filter(|&i| records[i].status() == Status::Opened)
            .filter_map(|i| u32::try_from(i).ok())
            .collect();
        if ids.is_empty() {
            let key = self.keymap.key_of(Action::OpenBatch);
            self.info(strings::nothing_opened(&key));
            return Vec::new();
        }
        self.mode = Mode::Confirm(ConfirmDialog {
            action: ConfirmAction::DoneOpened {
                kind: ListKind::of_history(hk),
                ids,
            },
            yes_focused: false,
        });
        Vec::new()
    }
}
