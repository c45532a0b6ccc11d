//! The History tab's state: its two lists (removals and withdrawals in force), which one
//! is shown, their counts, and the work-through's settings. One column per list, no
//! staging: these are not triaged lists, so they have their own types.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::list::ListKind;
use super::strings;
use crate::model::Identity;
use crate::model::filter::FilterJob;
use crate::model::history::{self, History, Kind, Record, Status};
use crate::model::search::fold;
use crate::model::triage::{Side, SortOrder, Triage};

pub const SORT_NEWEST: &str = "newest first";
pub const SORT_NAME: &str = "name";
pub const SORT_STATUS: &str = "status";
pub const SORT_COMPANY: &str = "company";

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

/// How the work-through goes in batches, and what LinkedIn allows: `[rules]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkRules {
    /// How many records `open-batch` opens, a browser tab each.
    pub batch_size: usize,
    /// Invitations LinkedIn lets one send in a week: a restore is one each.
    pub invitations_per_week: u32,
}

impl WorkRules {
    /// More tabs than this at once is a browser brought to its knees, not a batch.
    pub const MAX_BATCH: usize = 50;
}

impl Default for WorkRules {
    fn default() -> Self {
        WorkRules {
            batch_size: 10,
            invitations_per_week: 100,
        }
    }
}

/// The words of a History list.
#[derive(Debug)]
pub struct HistorySpec {
    pub kind: ListKind,
    /// The kind of record the list holds.
    pub record: Kind,
    pub title: &'static str,
    /// What the list says when empty.
    pub empty: &'static str,
}

pub static REMOVED: HistorySpec = HistorySpec {
    kind: ListKind::Removed,
    record: Kind::Removal,
    title: "Removed",
    empty: "Nobody removed yet. Removals you confirm on the Connections tab appear here, to work through on LinkedIn one by one.",
};

pub static WITHDRAWN: HistorySpec = HistorySpec {
    kind: ListKind::Withdrawn,
    record: Kind::Withdrawal,
    title: "Withdrawn",
    empty: "No invitation withdrawn yet. Withdrawals you confirm on the Invitations tab appear here.",
};

/// A status as the `status:` filter term numbers it (see [`crate::model::terms::STATUSES`]).
pub fn status_fact(status: Status) -> u8 {
    match status {
        Status::ToDo => 0,
        Status::Opened => 1,
        Status::Done => 2,
        Status::Verified => 3,
        Status::StillThere => 4,
    }
}

/// Who a History list's cursor and marks are on: the cursor's person and those shown
/// after it, then before it, ranked by nearness; and the marked.
#[derive(Debug, Default)]
pub(super) struct Selection {
    near: HashMap<Identity, usize>,
    marked: HashSet<Identity>,
}

/// One History list: records in force, newest first, filtered and sorted like the others
/// (the triage's left column is the list; nothing is ever moved right).
pub struct HistoryList {
    pub spec: &'static HistorySpec,
    pub records: Vec<Record>,
    pub triage: Triage,
}

impl HistoryList {
    pub fn new(spec: &'static HistorySpec, records: Vec<Record>) -> HistoryList {
        let search = super::history_index::records_index(spec.record, &records);
        let ids = || (0..records.len() as u32).collect::<Vec<u32>>();
        let mut by_name = ids();
        by_name.sort_by_cached_key(|&i| fold(&records[i as usize].name()));
        let mut by_status = ids();
        by_status.sort_by_key(|&i| records[i as usize].status());
        let mut orders = vec![
            SortOrder::new(SORT_NEWEST, ids()),
            SortOrder::new(SORT_NAME, by_name),
            SortOrder::new(SORT_STATUS, by_status),
        ];
        // Only removals show a company: an invitation has none to sort by.
        if spec.record == Kind::Removal {
            // Stable: within a company, newest first.
            let mut by_company = ids();
            by_company.sort_by_cached_key(|&i| {
                records[i as usize]
                    .person
                    .as_ref()
                    .map(|p| fold(&p.company))
                    .unwrap_or_default()
            });
            orders.push(SortOrder::new(SORT_COMPANY, by_company));
        }
        let triage = Triage::new(search, orders);
        HistoryList {
            spec,
            records,
            triage,
        }
    }

    pub fn kind(&self) -> ListKind {
        self.spec.kind
    }

    /// Who the cursor and marks are on, by identity, to find again in a rebuilt list.
    pub(super) fn selection(&self) -> Selection {
        /// Neighbours looked at each way: enough for a batch restored at once.
        const NEAR: usize = 1_000;
        let col = self.triage.column(Side::Left);
        let shown = col.shown();
        let cursor = col.cursor.min(shown.len());
        let after = shown[cursor..].iter().take(NEAR);
        let before = shown[..cursor].iter().rev().take(NEAR);
        let near = after
            .chain(before)
            .filter_map(|&i| self.records.get(i as usize))
            .enumerate()
            .map(|(rank, r)| (r.id.clone(), rank))
            .collect();
        let marked = if col.marked() == 0 {
            HashSet::new()
        } else {
            (0..self.records.len() as u32)
                .filter(|&i| self.triage.is_marked(i))
                .map(|i| self.records[i as usize].id.clone())
                .collect()
        };
        Selection { near, marked }
    }
}

/// The History tab.
pub struct HistoryScreen {
    pub removed: HistoryList,
    pub withdrawn: HistoryList,
    /// Which list is shown: removals, or withdrawals after `Tab`.
    pub showing: Kind,
    /// The lists' counts (removed, withdrawn), kept as records change.
    pub progress: [history::Progress; 2],
    /// Said under the list: where the journal is.
    pub note: String,
    /// What the work-through opens.
    pub open_target: OpenTarget,
    /// The profile-visit note was given this session; until shown, it waits here.
    pub privacy_said: bool,
    pub privacy_note: Option<String>,
    /// The record the work-through handed to the opener: journaled as opened only when
    /// the runtime reports that an opener started.
    pub opening: Option<Opening>,
    /// A batch handed to the opener, waiting for the runtime's word.
    pub batch: Option<BatchOpening>,
    /// What the status line says once a batch's opens (these records) are journaled.
    pub batch_note: Option<(Vec<u32>, String)>,
    /// The batch size and the weekly invitations.
    pub rules: WorkRules,
    /// The day the pace counts "today" by.
    pub today: NaiveDate,
    /// The lists' pace (removed, withdrawn), kept with the counts.
    pub pace: [history::Pace; 2],
    /// While the lists are built behind the first screen: what was journaled meanwhile,
    /// in order, applied once they arrive. `None` once they are there.
    pub(super) reading: Option<Vec<crate::store::journal::JournalEntry>>,
    /// Filters a rebuilt list needs run off the event loop (a list too large to filter
    /// inline), handed to the runtime with the effects of the event that rebuilt it.
    pub(super) jobs: Vec<(ListKind, FilterJob)>,
}

/// Both History lists, built away from the event loop (a million records take seconds)
/// and handed to the app as [`super::Event::HistoryReady`].
pub struct HistoryLists {
    removed: HistoryList,
    withdrawn: HistoryList,
}

impl std::fmt::Debug for HistoryLists {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HistoryLists")
            .field("removed", &self.removed.records.len())
            .field("withdrawn", &self.withdrawn.records.len())
            .finish()
    }
}

impl HistoryLists {
    pub fn build(history: History) -> HistoryLists {
        HistoryLists {
            removed: HistoryList::new(&REMOVED, history.removals),
            withdrawn: HistoryList::new(&WITHDRAWN, history.withdrawals),
        }
    }
}

/// A batch's opens, waiting for the runtime's word: each record's identity and the URL
/// handed to the opener for it (one page for all with `connections-page`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchOpening {
    pub kind: Kind,
    /// Each record's identity and the URL opened for it.
    pub records: Vec<(Identity, String)>,
    /// Records passed by for want of a LinkedIn link.
    pub passed: usize,
}

/// A work-through's open, waiting for the runtime's word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opening {
    pub kind: Kind,
    /// The record's identity (rows may be rebuilt meanwhile).
    pub id: crate::model::Identity,
    pub url: String,
}

impl HistoryScreen {
    pub fn new(history: History, today: NaiveDate) -> HistoryScreen {
        let mut screen = HistoryScreen {
            removed: HistoryList::new(&REMOVED, Vec::new()),
            withdrawn: HistoryList::new(&WITHDRAWN, Vec::new()),
            showing: Kind::Removal,
            progress: Default::default(),
            note: String::new(),
            open_target: OpenTarget::Profile,
            privacy_said: false,
            privacy_note: None,
            opening: None,
            batch: None,
            batch_note: None,
            rules: WorkRules::default(),
            today,
            pace: Default::default(),
            reading: None,
            jobs: Vec::new(),
        };
        screen.set(history);
        screen
    }

    /// Whether the lists are still being built behind the first screen.
    pub fn is_reading(&self) -> bool {
        self.reading.is_some()
    }

    /// What an empty list says: while reading, that the journal is being read.
    pub fn empty_text(&self, spec: &HistorySpec) -> &'static str {
        if self.is_reading() {
            strings::HISTORY_READING
        } else {
            spec.empty
        }
    }

    /// Puts in lists built elsewhere, keeping filters and viewports. Returns what was
    /// journaled while they were built, to apply to them now.
    pub(super) fn arrive(
        &mut self,
        lists: HistoryLists,
    ) -> Vec<crate::store::journal::JournalEntry> {
        let HistoryLists { removed, withdrawn } = lists;
        self.put(Kind::Removal, removed, Selection::default());
        self.put(Kind::Withdrawal, withdrawn, Selection::default());
        self.count_progress();
        self.reading.take().unwrap_or_default()
    }

    /// Replaces both lists, keeping their filters, sorts, viewports, marks and cursors.
    pub(super) fn set(&mut self, history: History) {
        let selections = [Kind::Removal, Kind::Withdrawal].map(|k| self.list(k).selection());
        self.set_keeping(history, selections);
    }

    /// As [`Self::set`], with the marks and cursors as they were before the records were
    /// taken out of the lists (removals, withdrawals).
    pub(super) fn set_keeping(&mut self, history: History, selections: [Selection; 2]) {
        let History {
            removals,
            withdrawals,
        } = history;
        let [removed, withdrawn] = selections;
        for (kind, records, selection) in [
            (Kind::Removal, removals, removed),
            (Kind::Withdrawal, withdrawals, withdrawn),
        ] {
            let list = HistoryList::new(self.list(kind).spec, records);
            self.put(kind, list, selection);
        }
        self.count_progress();
    }

    /// Replaces one list, keeping its filter, sort, viewport, marks and the cursor's
    /// person (else the nearest one still there): the next key acts on who it would have.
    fn put(&mut self, kind: Kind, mut list: HistoryList, selection: Selection) {
        let old = self.list_mut(kind);
        let col = old.triage.column(Side::Left);
        let filter = col.filter.clone();
        let reversed = col.reversed;
        let sort = old.triage.sort_name(Side::Left);
        let index = list.triage.sort_names().position(|n| n == sort);
        let mut job = index.and_then(|index| list.triage.set_sort(Side::Left, index, reversed));
        if !filter.is_empty() {
            // Small lists filter inline; a large one's job replaces the sort's.
            job = list.triage.set_filter(Side::Left, &filter).or(job);
        }

        // Records are numbered anew: people are found again by identity.
        let Selection { near, marked } = selection;
        let mut best: Option<(usize, u32)> = None;
        let mut marks = Vec::new();
        for (i, record) in list.records.iter().enumerate() {
            let id = record.id.as_str();
            if let Some(&rank) = near.get(id)
                && best.is_none_or(|(b, _)| rank < b)
            {
                best = Some((rank, i as u32));
            }
            if marked.contains(id) {
                marks.push(i as u32);
            }
        }
        list.triage.mark_ids(&marks);
        if let Some((_, id)) = best {
            list.triage.put_cursor_on(Side::Left, id);
        }
        list.triage.set_viewport(old.triage.viewport());
        let list_kind = list.kind();
        *old = list;
        if let Some(job) = job {
            self.jobs.push((list_kind, job));
        }
    }

    /// What to say for the opens of `ids` journaled, if they are a batch's: a batch
    /// whose journaling failed says nothing for a later open.
    pub(super) fn take_batch_note(&mut self, ids: &[u32]) -> Option<String> {
        self.batch_note
            .take()
            .filter(|(batch, _)| batch == ids)
            .map(|(_, note)| note)
    }

    /// The list shown.
    pub fn current(&self) -> &HistoryList {
        self.list(self.showing)
    }

    pub fn list(&self, kind: Kind) -> &HistoryList {
        match kind {
            Kind::Removal => &self.removed,
            Kind::Withdrawal => &self.withdrawn,
        }
    }

    pub(super) fn list_mut(&mut self, kind: Kind) -> &mut HistoryList {
        match kind {
            Kind::Removal => &mut self.removed,
            Kind::Withdrawal => &mut self.withdrawn,
        }
    }

    /// The list not shown.
    pub fn other(&self) -> &HistoryList {
        self.list(match self.showing {
            Kind::Removal => Kind::Withdrawal,
            Kind::Withdrawal => Kind::Removal,
        })
    }

    pub(super) fn switch(&mut self) {
        self.showing = self.other().spec.record;
    }

    /// "12 of 40 done on LinkedIn (5 verified, 2 still connected)".
    /// Counted when the records change, not each frame: 30,000 records are read once.
    /// With the pace: "· 12 today, ~3 days left at this pace".
    pub fn progress_line(&self, kind: Kind) -> String {
        strings::in_full(&self.progress_parts(kind))
    }

    /// The progress line in parts, for a header that shows each whole or not at all.
    pub fn progress_parts(&self, kind: Kind) -> Vec<strings::HeaderPart> {
        if self.is_reading() {
            let reading = strings::HISTORY_READING.to_owned();
            return vec![strings::HeaderPart {
                rank: 0,
                forms: vec![reading],
            }];
        }
        let i = usize::from(kind == Kind::Withdrawal);
        let still_there = Status::StillThere.label(kind);
        strings::history_progress(&self.progress[i], still_there, &self.pace[i])
    }

    pub(super) fn count_progress(&mut self) {
        self.progress =
            [&self.removed, &self.withdrawn].map(|list| history::Progress::of(&list.records));
        let today = self.today;
        self.pace =
            [&self.removed, &self.withdrawn].map(|list| history::Pace::of(&list.records, today));
    }
}
