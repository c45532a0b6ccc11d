//! The History tab: every removal (and withdrawal) in force, with where it stands on
//! LinkedIn, and the work-through: `Enter` opens the next one not done, `d` ticks it off,
//! `D` ticks off a whole selection, `r` restores. Marks are journaled durably before the
//! screen shows them; a restore brings the person back among the connections.

use super::action::Action;
use super::confirm::{ConfirmAction, ConfirmDialog};
use super::effect::Effect;
use super::history_screen::{Opening, status_fact};
use super::list::{ListKind, TriageList};
use super::state::{App, Mode};
use super::strings;
use std::collections::HashSet;

use crate::model::Identity;
use crate::model::history::{self, History, Record, Status};
use crate::model::triage::{Place, Side, Triage};
use crate::store::journal::{JournalAction, JournalEntry};

pub use super::history_screen::{OpenTarget, SORT_NAME, SORT_NEWEST, SORT_STATUS};

/// LinkedIn's own list of the user's connections.
pub const CONNECTIONS_PAGE: &str = "https://www.linkedin.com/mynetwork/invite-connect/connections/";

impl App {
    /// The app on a freshly loaded session, its History tab reading: the history is
    /// handed back, for the runtime to build its lists behind the first screen and
    /// send them as [`super::Event::HistoryReady`].
    pub fn open_reading(
        mut loaded: crate::session::Loaded,
        keymap: std::sync::Arc<super::Keymap>,
    ) -> (App, History) {
        let history = std::mem::take(&mut loaded.history);
        let mut app = App::open(loaded, keymap);
        app.history.reading = Some(Vec::new());
        (app, history)
    }

    /// The History tab's lists have arrived: what was journaled meanwhile is applied to
    /// them, in order, as it would have been had they been there.
    pub(super) fn history_ready(&mut self, lists: super::history_screen::HistoryLists) {
        if !self.history.is_reading() {
            return;
        }
        let meanwhile = self.history.arrive(lists);
        if !meanwhile.is_empty() {
            self.apply_journaled(&meanwhile);
            // The lists are new to the user: no row was chosen yet, the newest is first.
            for kind in [history::Kind::Removal, history::Kind::Withdrawal] {
                self.history.list_mut(kind).triage.cursor_to_start();
            }
        }
        // Where the user left the cursor last time, now that the records are here.
        for (kind, key) in std::mem::take(&mut self.cursors_waiting) {
            self.restore_cursor(kind, Side::Left, Some(&key));
        }
    }

    /// Adds (or replaces) the History tab's two lists, keeping their filters.
    pub fn with_history(mut self, history: History) -> Self {
        self.history.set(history);
        self
    }

    /// The records of a History list (none for the triaged lists).
    pub fn records(&self, kind: ListKind) -> &[Record] {
        self.history_list(kind).map_or(&[], |l| &l.records)
    }

    /// The History list shown: removals, or withdrawals after `Tab`.
    pub fn history_kind(&self) -> ListKind {
        self.history.current().kind()
    }

    /// "12 of 40 done on LinkedIn (5 verified, 2 still connected)".
    pub fn progress_line(&self, kind: ListKind) -> String {
        kind.history_kind()
            .map(|k| self.history.progress_line(k))
            .unwrap_or_default()
    }

    /// Keys on the History tab. Returns `None` for actions the shared list code handles
    /// (cursor, filter, sort, marks).
    pub(super) fn history_action(&mut self, action: Action) -> Option<Vec<Effect>> {
        let hk = self.history.showing;
        let kind = ListKind::of_history(hk);
        if self.history.is_reading() && acts_on_records(action) {
            self.warn(strings::HISTORY_NOT_READY);
            return Some(Vec::new());
        }
        // With the filter as typed not valid no row is shown: "nothing left to do" or a
        // record opened from the rows hidden would both be wrong.
        if acts_on_records(action) && !matches!(action, Action::ClickRow { .. }) {
            let column = self.history.current().triage.column(Side::Left);
            if let Some(error) = column.filter_error() {
                let why = strings::filter_refuses_bulk(&error.hint);
                self.warn(why);
                return Some(Vec::new());
            }
        }
        let effects = match action {
            Action::SwitchList => {
                self.history.switch();
                Vec::new()
            }
            Action::OpenNext => self.work_through(hk),
            Action::OpenBatch => self.open_batch(hk),
            Action::DoneOpened => self.done_opened(hk),
            Action::Done => self.toggle_done(hk),
            Action::DoneAll => {
                let list = self.history.current();
                let records = &list.records;
                let ids: Vec<u32> = list
                    .triage
                    .column(Side::Left)
                    .shown()
                    .iter()
                    .copied()
                    .filter(|&id| !records[id as usize].status().is_done())
                    .collect();
                if ids.is_empty() {
                    self.info(strings::ALL_DONE_ALREADY);
                } else {
                    self.mode = Mode::Confirm(ConfirmDialog {
                        action: ConfirmAction::MarkDone { kind, ids },
                        yes_focused: false,
                    });
                }
                Vec::new()
            }
            Action::Restore | Action::ClickRemoveButton => {
                let ids = self.history.current().triage.selection();
                if !ids.is_empty() {
                    self.mode = Mode::Confirm(ConfirmDialog {
                        action: ConfirmAction::Restore { kind, ids },
                        yes_focused: false,
                    });
                }
                Vec::new()
            }
            Action::Mail => self.mail(hk),
            Action::Export => {
                self.export_prompt(kind);
                Vec::new()
            }
            // A click selects: moving a row means nothing here.
            Action::ClickRow { side, row } => {
                self.history.list_mut(hk).triage.select_row(side, row);
                Vec::new()
            }
            // The two-column actions mean nothing on one list.
            Action::Move
            | Action::MoveAll
            | Action::MoveLeft
            | Action::MoveRight
            | Action::SwitchColumn
            | Action::Keep
            | Action::Undo
            | Action::Redo
            | Action::Remove
            | Action::Withdraw => Vec::new(),
            _ => return None,
        };
        Some(effects)
    }

    /// `Enter`: the next record not done, from the cursor on (round to the top), opened
    /// in the browser and journaled as opened.
    fn work_through(&mut self, hk: history::Kind) -> Vec<Effect> {
        let list = self.history.list(hk);
        let triage = &list.triage;
        let shown = triage.column(Side::Left).shown();
        let records = &list.records;
        let cursor = triage.column(Side::Left).cursor;
        let next = (0..shown.len())
            .map(|k| (cursor + k) % shown.len())
            .find(|&row| !records[shown[row] as usize].status().is_done());
        let Some(row) = next else {
            self.info(strings::NOTHING_LEFT);
            return Vec::new();
        };
        let id = shown[row];
        let record = &records[id as usize];
        let (name, url) = (record.name(), record.url().to_owned());
        let identity = record.id.clone();
        self.history.list_mut(hk).triage.select_row(Side::Left, row);
        let mut effects = Vec::new();
        let target = match self.history.open_target {
            // A link the opener would refuse is not marked opened either.
            OpenTarget::Profile if !url.is_empty() => {
                match crate::text_safety::openable_url(&url) {
                    Ok(_) => url,
                    Err(refused) => {
                        self.warn(refused.to_string());
                        return Vec::new();
                    }
                }
            }
            _ => {
                effects.push(Effect::Copy {
                    text: name.clone(),
                    message: strings::copied_name(&name),
                });
                // An invitation is withdrawn from the Sent list, not the Connections page.
                match hk {
                    history::Kind::Removal => CONNECTIONS_PAGE.to_owned(),
                    history::Kind::Withdrawal => strings::SENT_INVITATIONS_PAGE.to_owned(),
                }
            }
        };
        // Journaled as opened only once the runtime says an opener started (`opened`).
        self.history.opening = Some(Opening {
            kind: hk,
            id: identity,
            url: target.clone(),
        });
        effects.push(Effect::OpenUrl(target));
        effects
    }

    /// The runtime's word on an open: the work-through's record is journaled as opened
    /// if an opener started; otherwise nothing is recorded and the fallback stands.
    pub(super) fn open_reported(&mut self, url: &str, started: bool) -> Vec<Effect> {
        let Some(opening) = self.history.opening.take_if(|o| o.url == url) else {
            return Vec::new();
        };
        if !started {
            return Vec::new();
        }
        let list = self.history.list(opening.kind);
        let Some(id) = list.records.iter().position(|r| r.id == opening.id) else {
            return Vec::new();
        };
        if !self.history.privacy_said {
            self.history.privacy_said = true;
            self.history.privacy_note = Some(strings::PRIVACY_NOTE.to_owned());
        }
        vec![Effect::Record {
            kind: ListKind::of_history(opening.kind),
            mark: JournalAction::Opened,
            ids: vec![id as u32],
        }]
    }

    /// `d`: ticks the selection done, or unticks it when all of it is ticked.
    fn toggle_done(&mut self, hk: history::Kind) -> Vec<Effect> {
        let list = self.history.list(hk);
        let ids = list.triage.selection();
        let records = &list.records;
        let ticked = |id: &u32| records[*id as usize].status() == Status::Done;
        let mark = if !ids.is_empty() && ids.iter().all(ticked) {
            JournalAction::Undone
        } else {
            JournalAction::Done
        };
        // Verified ones are done by the export's word: nothing to tick or untick.
        let ids: Vec<u32> = ids
            .into_iter()
            .filter(|&id| records[id as usize].status() != Status::Verified)
            .collect();
        if ids.is_empty() {
            self.info(strings::VERIFIED_ALREADY);
            return Vec::new();
        }
        vec![Effect::Record {
            kind: ListKind::of_history(hk),
            mark,
            ids,
        }]
    }

    /// `m`: a draft e-mail to the person, in the user's mail program.
    fn mail(&mut self, hk: history::Kind) -> Vec<Effect> {
        let list = self.history.list(hk);
        let Some(id) = list.triage.column(Side::Left).current() else {
            return Vec::new();
        };
        let record = &list.records[id as usize];
        let Some(person) = &record.person else {
            self.warn(strings::NO_EMAIL_FOR_INVITATIONS);
            return Vec::new();
        };
        let letter = crate::model::mail::Template::default().fill(person);
        match crate::model::mail::mailto(&person.email, &letter) {
            Ok(url) => vec![Effect::OpenUrl(url)],
            Err(problem) => {
                self.warn(strings::no_draft(&record.name(), problem.describe()));
                Vec::new()
            }
        }
    }

    /// The journal holds the marks: show them. A restore also brings the people back into
    /// the Connections (or Invitations) tab's left column.
    pub(super) fn recorded(
        &mut self,
        kind: ListKind,
        mark: JournalAction,
        ids: &[u32],
        entries: &[JournalEntry],
    ) {
        self.journaling = false;
        let n = ids.len();
        let Some(hk) = kind.history_kind() else {
            return;
        };
        if mark == JournalAction::Restore {
            // Counted before the records end: what LinkedIn needs depends on each status.
            let standing = self.standing(kind, ids);
            let identities: Vec<Identity> = ids
                .iter()
                .map(|&id| self.records(kind)[id as usize].id.clone())
                .collect();
            let back = self.bring_back(hk, &identities);
            self.apply_journaled(entries);
            let not_here = n - back;
            self.info(self.restored_words(kind, &standing, not_here));
            return;
        }
        self.apply_journaled(entries);
        match mark {
            JournalAction::Done => self.info(strings::ticked(n, &self.progress_line(kind))),
            JournalAction::Undone => self.info(strings::unticked(n, &self.progress_line(kind))),
            _ => {
                let note = self.history.privacy_note.take();
                let name = ids
                    .first()
                    .map(|&id| self.records(kind)[id as usize].name())
                    .unwrap_or_default();
                let done_key = self.keymap.key_of(Action::Done);
                let page = self.history.open_target == OpenTarget::ConnectionsPage;
                let text = match (self.history.take_batch_note(ids), hk) {
                    (Some(batch), _) => batch,
                    (None, kind) if page => strings::page_opened_for(&name, kind, &done_key),
                    (None, history::Kind::Removal) => strings::opened_record(&name, &done_key),
                    (None, history::Kind::Withdrawal) => {
                        strings::opened_withdrawal(&name, &done_key)
                    }
                };
                match note {
                    Some(note) => self.warn(format!("{text} {note}")),
                    None => self.info(text),
                }
            }
        }
    }

    /// Entries just journaled (a confirmation, marks, a restore), applied to the History
    /// tab's lists the one way for every write: records started or ended rebuild the
    /// lists, marks change their records in place.
    pub(super) fn apply_journaled(&mut self, entries: &[JournalEntry]) {
        // The lists are still being built from the journal as it was before: these
        // entries come after it, and wait for them.
        if let Some(meanwhile) = &mut self.history.reading {
            meanwhile.extend_from_slice(entries);
            return;
        }
        let kinds = [history::Kind::Removal, history::Kind::Withdrawal];
        let selections = kinds.map(|k| self.history.list(k).selection());
        let [removals, withdrawals] =
            kinds.map(|k| std::mem::take(&mut self.history.list_mut(k).records));
        let mut history = History {
            removals,
            withdrawals,
        };
        let applied = history.apply_events(entries.iter().filter_map(JournalEntry::event));
        if applied.any_rebuilt() {
            self.history.set_keeping(history, selections);
            return;
        }
        let History {
            removals,
            withdrawals,
        } = history;
        for (kind, records) in kinds.into_iter().zip([removals, withdrawals]) {
            let list = self.history.list_mut(kind);
            list.records = records;
            let changed: Vec<u32> = applied.changed[kind as usize]
                .iter()
                .map(|&i| i as u32)
                .collect();
            // Their marks go: a ⚑ would hide the ✔ just set.
            list.triage.unmark(&changed);
            // `status:` reads the new statuses: a filtered list shows what it says now.
            let records = &list.records;
            list.triage.change_facts(|facts| {
                for &id in &changed {
                    facts.set_status(id as usize, status_fact(records[id as usize].status()));
                }
            });
        }
        self.history.count_progress();
    }

    /// Restored identities back to the left column of the list they were removed from.
    /// Returns how many were found in this export.
    fn bring_back(&mut self, hk: history::Kind, identities: &[Identity]) -> usize {
        let wanted: HashSet<&str> = identities.iter().map(Identity::as_str).collect();
        match hk {
            history::Kind::Removal => {
                let TriageList { items, triage, .. } = &mut self.connections;
                restore_done(triage, &wanted, |i, key| {
                    items.get(crate::model::PersonId(i)).write_identity(key);
                })
            }
            history::Kind::Withdrawal => match &mut self.invitations {
                Some(TriageList { items, triage, .. }) => {
                    restore_done(triage, &wanted, |i, key| {
                        key.push_str(&items.pending.items[i as usize].identity());
                    })
                }
                None => 0,
            },
        }
    }
}

/// The History actions that read or change its records (or its marks): while the
/// records are being read, they would act on a list the user cannot see yet.
fn acts_on_records(action: Action) -> bool {
    matches!(
        action,
        Action::OpenNext
            | Action::OpenBatch
            | Action::DoneOpened
            | Action::Done
            | Action::DoneAll
            | Action::Restore
            | Action::ClickRemoveButton
            | Action::Mail
            | Action::Export
            | Action::ClickRow { .. }
    )
}

/// Moves the done items whose identity is wanted back to the left column.
fn restore_done(
    triage: &mut Triage,
    wanted: &HashSet<&str>,
    identity: impl Fn(u32, &mut String),
) -> usize {
    let mut found = Vec::new();
    let mut key = String::new();
    for i in 0..triage.len() as u32 {
        if triage.place(i) != Place::Done {
            continue;
        }
        key.clear();
        identity(i, &mut key);
        if wanted.contains(key.as_str()) {
            found.push((i, Place::Left));
        }
    }
    let n = found.len();
    triage.restore(found);
    n
}
