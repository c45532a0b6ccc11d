//! The History tab: every removal (and withdrawal) in force, with where it stands on
//! LinkedIn, and the work-through: `Enter` opens the next one not done, `d` ticks it off,
//! `D` ticks off a whole selection, `r` restores. Marks are journaled durably before the
//! screen shows them; a restore brings the person back among the connections.

use chrono::{DateTime, FixedOffset};

use super::action::Action;
use super::confirm::{ConfirmAction, ConfirmDialog};
use super::effect::Effect;
use super::list::{Items, ListKind, TriageList};
use super::state::{App, Mode};
use crate::model::history::{self, History, Record, Status, Step};
use crate::model::search::{SearchIndex, fold};
use crate::model::triage::{Place, Side, SortOrder, Triage};
use crate::store::journal::Mark;

pub const SORT_NEWEST: &str = "newest first";
pub const SORT_NAME: &str = "name";
pub const SORT_STATUS: &str = "status";

/// What `Enter` opens during the work-through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OpenTarget {
    /// The person's profile (default).
    #[default]
    Profile,
    /// LinkedIn's Connections page, where the user searches the name (copied first): the
    /// profile visit does not show up in their "Who viewed your profile".
    ConnectionsPage,
}

/// LinkedIn's own list of the user's connections.
pub const CONNECTIONS_PAGE: &str = "https://www.linkedin.com/mynetwork/invite-connect/connections/";

/// A History list over records, newest first; filtered and sorted like the others.
pub fn history_list(kind: ListKind, records: Vec<Record>) -> TriageList {
    let search = SearchIndex::build(records.len(), |i| {
        let r = &records[i];
        match (&r.person, &r.invitation) {
            (Some(p), _) => [
                p.first_name.as_str(),
                p.last_name.as_str(),
                p.company.as_str(),
                p.position.as_str(),
                p.email.as_str(),
            ],
            (None, Some(inv)) => [inv.to.as_str(), inv.message.as_str(), "", "", ""],
            (None, None) => [r.id.as_str(), "", "", "", ""],
        }
    });
    let ids = || (0..records.len() as u32).collect::<Vec<u32>>();
    let mut by_name = ids();
    by_name.sort_by_cached_key(|&i| fold(&records[i as usize].name()));
    let mut by_status = ids();
    by_status.sort_by_key(|&i| records[i as usize].status());
    let triage = Triage::new(
        search,
        vec![
            SortOrder::new(SORT_NEWEST, ids()),
            SortOrder::new(SORT_NAME, by_name),
            SortOrder::new(SORT_STATUS, by_status),
        ],
    );
    TriageList {
        spec: kind.spec(),
        items: Items::Records(records),
        triage,
    }
}

impl App {
    /// Adds (or replaces) the History tab's two lists, keeping their filters.
    pub fn with_history(mut self, history: History) -> Self {
        self.set_history(history);
        self
    }

    pub(super) fn set_history(&mut self, history: History) {
        let History {
            removals,
            withdrawals,
        } = history;
        for (kind, records) in [
            (ListKind::Removed, removals),
            (ListKind::Withdrawn, withdrawals),
        ] {
            let mut list = history_list(kind, records);
            if let Some(old) = self.lists.iter().position(|l| l.kind() == kind) {
                let old = self.lists.remove(old);
                let filter = old.triage.column(Side::Left).filter.clone();
                if !filter.is_empty() {
                    // Small lists filter inline: no job comes back.
                    let _ = list.triage.set_filter(Side::Left, &filter);
                }
                list.triage.set_viewport(old.triage.viewport());
            }
            self.lists.push(list);
        }
        self.count_progress();
    }

    /// The records of a History list.
    pub fn records(&self, kind: ListKind) -> &[Record] {
        match self.list_of(kind).map(|l| &l.items) {
            Some(Items::Records(records)) => records,
            _ => &[],
        }
    }

    /// The History list shown: removals, or withdrawals after `Tab`.
    pub fn history_kind(&self) -> ListKind {
        self.history_showing
    }

    /// "12 of 40 done on LinkedIn (5 verified, 2 still connected)".
    /// Counted when the records change, not each frame: 30,000 records are read once.
    pub fn progress_line(&self, kind: ListKind) -> String {
        let Some(hk) = kind.history_kind() else {
            return String::new();
        };
        let i = usize::from(kind == ListKind::Withdrawn);
        self.progress[i].line(hk)
    }

    fn count_progress(&mut self) {
        self.progress = [ListKind::Removed, ListKind::Withdrawn]
            .map(|kind| history::Progress::of(self.records(kind)));
    }

    /// Keys on the History tab. Returns `None` for actions the shared list code handles
    /// (cursor, filter, sort, marks).
    pub(super) fn history_action(&mut self, kind: ListKind, action: Action) -> Option<Vec<Effect>> {
        let effects = match action {
            Action::SwitchColumn => {
                self.history_showing = match self.history_showing {
                    ListKind::Removed => ListKind::Withdrawn,
                    _ => ListKind::Removed,
                };
                Vec::new()
            }
            Action::Move => self.work_through(kind),
            Action::Done => self.toggle_done(kind),
            Action::DoneAll => {
                let triage = self.triage_of(kind);
                let records = self.records(kind);
                let ids: Vec<u32> = triage
                    .column(Side::Left)
                    .shown()
                    .iter()
                    .copied()
                    .filter(|&id| !records[id as usize].status().is_done())
                    .collect();
                if ids.is_empty() {
                    self.info("Everyone shown is done on LinkedIn already");
                } else {
                    self.mode = Mode::Confirm(ConfirmDialog {
                        action: ConfirmAction::MarkDone { kind, ids },
                        yes_focused: false,
                    });
                }
                Vec::new()
            }
            Action::Restore | Action::ClickRemoveButton => {
                let ids = self.triage_of(kind).selection();
                if !ids.is_empty() {
                    self.mode = Mode::Confirm(ConfirmDialog {
                        action: ConfirmAction::Restore { kind, ids },
                        yes_focused: false,
                    });
                }
                Vec::new()
            }
            Action::Mail => self.mail(kind),
            // A click selects: moving a row means nothing here.
            Action::ClickRow { side, row } => {
                self.triage_mut(kind).select_row(side, row);
                Vec::new()
            }
            Action::MoveAll
            | Action::MoveLeft
            | Action::MoveRight
            | Action::Keep
            | Action::Export
            | Action::Undo
            | Action::Redo => Vec::new(),
            Action::Remove | Action::Withdraw => {
                let key = self.keymap.key_of(Action::Restore);
                self.warn(format!(
                    "On this tab, {key} restores; Enter opens the next one to do on LinkedIn"
                ));
                Vec::new()
            }
            _ => return None,
        };
        Some(effects)
    }

    /// `Enter`: the next record not done, from the cursor on (round to the top), opened
    /// in the browser and journaled as opened.
    fn work_through(&mut self, kind: ListKind) -> Vec<Effect> {
        let triage = self.triage_of(kind);
        let shown = triage.column(Side::Left).shown();
        let records = self.records(kind);
        let cursor = triage.column(Side::Left).cursor;
        let next = (0..shown.len())
            .map(|k| (cursor + k) % shown.len())
            .find(|&row| !records[shown[row] as usize].status().is_done());
        let Some(row) = next else {
            self.info("Nothing left to do on LinkedIn in this list");
            return Vec::new();
        };
        let id = shown[row];
        let record = &records[id as usize];
        let (name, url) = (record.name(), record.url().to_owned());
        self.triage_mut(kind).select_row(Side::Left, row);
        let mut effects = Vec::new();
        match self.open_target {
            // A link the opener would refuse is not marked opened either.
            OpenTarget::Profile if !url.is_empty() => {
                match crate::text_safety::openable_url(&url) {
                    Ok(_) => effects.push(Effect::OpenUrl(url)),
                    Err(refused) => {
                        self.warn(refused.to_string());
                        return Vec::new();
                    }
                }
            }
            _ => {
                effects.push(Effect::Copy {
                    text: name.clone(),
                    message: format!("Copied {name}: paste it into the search on the page"),
                });
                effects.push(Effect::OpenUrl(CONNECTIONS_PAGE.to_owned()));
            }
        }
        effects.push(Effect::Record {
            kind,
            mark: Mark::Opened,
            ids: vec![id],
        });
        if !self.privacy_said {
            self.privacy_said = true;
            self.privacy_note = Some(
                "Opening a profile shows up in that person's \"Who viewed your profile\" unless \
                 LinkedIn's private mode is on; [rules] open = \"connections-page\" opens your \
                 Connections page and copies the name instead."
                    .to_owned(),
            );
        }
        effects
    }

    /// `d`: ticks the selection done, or unticks it when all of it is ticked.
    fn toggle_done(&mut self, kind: ListKind) -> Vec<Effect> {
        let ids = self.triage_of(kind).selection();
        let records = self.records(kind);
        let ticked = |id: &u32| records[*id as usize].status() == Status::Done;
        let mark = if !ids.is_empty() && ids.iter().all(ticked) {
            Mark::Undone
        } else {
            Mark::Done
        };
        // Verified ones are done by the export's word: nothing to tick or untick.
        let ids: Vec<u32> = ids
            .into_iter()
            .filter(|&id| records[id as usize].status() != Status::Verified)
            .collect();
        if ids.is_empty() {
            self.info("Verified by an export already: nothing to tick");
            return Vec::new();
        }
        vec![Effect::Record { kind, mark, ids }]
    }

    /// `m`: a draft e-mail to the person, in the user's mail program.
    fn mail(&mut self, kind: ListKind) -> Vec<Effect> {
        let Some(id) = self.triage_of(kind).column(Side::Left).current() else {
            return Vec::new();
        };
        let record = &self.records(kind)[id as usize];
        let Some(person) = &record.person else {
            self.warn("Invitations carry no e-mail address");
            return Vec::new();
        };
        let letter = crate::model::mail::Template::default().fill(person);
        match crate::model::mail::mailto(&person.email, &letter) {
            Ok(url) => vec![Effect::OpenUrl(url)],
            Err(problem) => {
                self.warn(format!(
                    "No draft for {}: {}",
                    record.name(),
                    problem.describe()
                ));
                Vec::new()
            }
        }
    }

    /// The journal holds the marks: show them. A restore also brings the people back into
    /// the Connections (or Invitations) tab's left column.
    pub(super) fn recorded(
        &mut self,
        kind: ListKind,
        mark: Mark,
        ids: &[u32],
        at: DateTime<FixedOffset>,
        history: Option<History>,
    ) {
        self.journaling = false;
        let n = ids.len();
        if mark == Mark::Restore {
            let identities: Vec<String> = ids
                .iter()
                .map(|&id| self.records(kind)[id as usize].id.clone())
                .collect();
            let back = self.bring_back(kind, &identities);
            if let Some(history) = history {
                self.set_history(history);
            }
            let spec = kind.spec();
            let not_here = n - back;
            let mut text = format!("{} {n}. {}", spec.past, spec.recorded);
            if not_here > 0 {
                text.push_str(&format!(" ({not_here} not in this export.)"));
            }
            self.info(text);
            return;
        }
        let step = match mark {
            Mark::Done => Step::Done,
            Mark::Undone => Step::Undone,
            _ => Step::Opened,
        };
        if let Some(TriageList {
            items: Items::Records(records),
            ..
        }) = self.lists.iter_mut().find(|l| l.kind() == kind)
        {
            for &id in ids {
                let r = &mut records[id as usize];
                r.state = r.state.after(&step, at, r.removed_on());
            }
        }
        self.count_progress();
        match mark {
            Mark::Done => self.info(format!(
                "Ticked {n} done on LinkedIn. {}",
                self.progress_line(kind)
            )),
            Mark::Undone => self.info(format!("Unticked {n}. {}", self.progress_line(kind))),
            _ => {
                let note = self.privacy_note.take();
                let name = ids
                    .first()
                    .map(|&id| self.records(kind)[id as usize].name())
                    .unwrap_or_default();
                let keys = &self.keymap;
                let text = format!(
                    "Opened {name}: on LinkedIn, More → Remove connection; then {} ticks it off.",
                    keys.key_of(Action::Done)
                );
                match note {
                    Some(note) => self.warn(format!("{text} {note}")),
                    None => self.info(text),
                }
            }
        }
    }

    /// Restored identities back to the left column of the list they were removed from.
    /// Returns how many were found in this export.
    fn bring_back(&mut self, kind: ListKind, identities: &[String]) -> usize {
        let target = match kind {
            ListKind::Withdrawn => ListKind::Invitations,
            _ => ListKind::Connections,
        };
        let Some(list) = self.lists.iter_mut().find(|l| l.kind() == target) else {
            return 0;
        };
        let wanted: std::collections::HashSet<&str> =
            identities.iter().map(String::as_str).collect();
        let mut found = Vec::new();
        let mut key = String::new();
        for i in 0..list.triage.len() as u32 {
            if list.triage.place(i) != Place::Done {
                continue;
            }
            key.clear();
            match &list.items {
                Items::People(people) => {
                    let p = people.get(crate::model::PersonId(i));
                    if p.url.is_empty() {
                        key.push_str(&p.identity());
                    } else {
                        p.url.write_to(&mut key);
                    }
                }
                Items::Invitations { pending, .. } => {
                    key.push_str(&pending.items[i as usize].identity())
                }
                Items::Records(_) => {}
            }
            if wanted.contains(key.as_str()) {
                found.push((i, Place::Left));
            }
        }
        let n = found.len();
        list.triage.restore(found);
        n
    }
}
