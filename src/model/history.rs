//! What became of each removal and withdrawal: the status rules, pure. The journal
//! records events (remove, done, verified in an export, restore…); this module replays
//! them into one record per identity whose removal (or withdrawal) is in force.
//!
//! The rules:
//! - `remove` (`withdraw`) starts a record with the status `to do`; a later one for the
//!   same identity starts it afresh. `restore` ends it: the identity has no record then.
//! - `opened` moves `to do` (or `still connected`) to `opened`; `done` makes it `done`;
//!   `undone` takes a `done` back to `opened` or `to do`. Neither touches `verified`: an
//!   export said so, not the user.
//! - `verified` / `still connected` come from an export and carry its date. An export
//!   older than the removal changes nothing, nor one older than the last export that was
//!   checked; `still connected` overrules a `done` ticked before the export was taken (the
//!   newest evidence wins), not one ticked after (the export may predate the removal on
//!   LinkedIn). On the export's own day its time decides, when its files give one.

use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::person::full_name;
use super::{Identity, Invitation, Person};

/// Which list a record belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A connection removed here.
    Removal,
    /// A pending invitation withdrawn here.
    Withdrawal,
}

/// Where a removal (or withdrawal) stands on LinkedIn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// Recorded here, not yet done on LinkedIn.
    ToDo,
    /// Opened in the browser during the work-through.
    Opened,
    /// The user ticked it off.
    Done,
    /// Gone from an export taken after the removal.
    Verified,
    /// Present in an export taken after the removal: "still connected" for a removal,
    /// "still pending" for a withdrawal.
    StillThere,
}

impl Status {
    /// The status as the History list and `unconnect history` write it.
    pub fn label(self, kind: Kind) -> &'static str {
        match (self, kind) {
            (Status::ToDo, _) => "to do",
            (Status::Opened, _) => "opened",
            (Status::Done, _) => "done",
            (Status::Verified, _) => "verified",
            (Status::StillThere, Kind::Removal) => "still connected",
            (Status::StillThere, Kind::Withdrawal) => "still pending",
        }
    }

    /// Done on LinkedIn, by the user's word or an export's.
    pub fn is_done(self) -> bool {
        matches!(self, Status::Done | Status::Verified)
    }
}

/// When an export was taken: the day (from the zip's name or its files' times), and the
/// moment when the files' modification times give one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportDate {
    pub day: NaiveDate,
    pub taken: Option<DateTime<FixedOffset>>,
}

impl ExportDate {
    /// Whether the export was surely taken after `at`. With only a day known, an export
    /// of the removal's own day is not: it may be the very export the removal was made
    /// from, which of course still lists the person.
    pub fn is_after(&self, at: DateTime<FixedOffset>) -> bool {
        match self.taken {
            Some(taken) => taken > at,
            None => self.day > at.date_naive(),
        }
    }
}

/// What the rules track for one record besides its identity and fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct State {
    pub status: Status,
    /// Opened in the browser at least once.
    pub opened: bool,
    /// When the user last ticked it done (and has not unticked it since).
    pub done_at: Option<DateTime<FixedOffset>>,
    /// The date of the newest export it was checked against.
    pub checked: Option<NaiveDate>,
}

impl State {
    fn new() -> State {
        State {
            status: Status::ToDo,
            opened: false,
            done_at: None,
            checked: None,
        }
    }

    /// The state after `event` (one that does not start or end a record), on a record
    /// removed at `removed`.
    pub fn after(mut self, event: &Event<'_>, removed: NaiveDate) -> State {
        let at = event.at;
        match (event.action, event.export) {
            (JournalAction::Opened, _) => {
                self.opened = true;
                if matches!(self.status, Status::ToDo | Status::StillThere) {
                    self.status = Status::Opened;
                }
            }
            (JournalAction::Done, _) => {
                self.done_at = Some(at);
                if self.status != Status::Verified {
                    self.status = Status::Done;
                }
            }
            (JournalAction::Undone, _) => {
                self.done_at = None;
                if self.status == Status::Done {
                    self.status = if self.opened {
                        Status::Opened
                    } else {
                        Status::ToDo
                    };
                }
            }
            (JournalAction::Verified | JournalAction::WithdrawalVerified, Some(export))
                if self.counts(export.day, removed) =>
            {
                self.checked = Some(export.day);
                self.status = Status::Verified;
            }
            (JournalAction::StillConnected | JournalAction::StillPending, Some(export)) => {
                // The newest evidence wins: an export taken after the tick overrules it.
                // With only the export's day known and the tick on that same day,
                // nothing can tell which came first: the user's word stands (the export
                // may have been built before they removed the person on LinkedIn).
                let ticked_later = self.done_at.is_some_and(|d| match export.taken {
                    Some(taken) => d >= taken,
                    None => export.day <= d.date_naive(),
                });
                if self.counts(export.day, removed) && !ticked_later {
                    self.checked = Some(export.day);
                    self.status = Status::StillThere;
                }
            }
            // A start or an end, or a finding without its export: nothing to change.
            _ => {}
        }
        self
    }

    /// An export says something about this record only if it is not older than the
    /// removal nor than the last export checked.
    fn counts(&self, export: NaiveDate, removed: NaiveDate) -> bool {
        export >= removed && self.checked.is_none_or(|c| export >= c)
    }
}

/// One removal or withdrawal in force.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub kind: Kind,
    /// The journal's identity (see [`Person::identity`], [`Invitation::identity`]).
    pub id: Identity,
    /// When it was removed (withdrawn) here.
    pub at: DateTime<FixedOffset>,
    /// Shared by the batch's records and journal entries.
    pub batch: Arc<str>,
    pub state: State,
    /// The person's fields as they were removed (removals), shared with the journal.
    pub person: Option<Arc<Person>>,
    /// The invitation as it was withdrawn (withdrawals), shared with the journal.
    pub invitation: Option<Arc<Invitation>>,
}

impl Record {
    pub fn status(&self) -> Status {
        self.state.status
    }

    pub fn removed_on(&self) -> NaiveDate {
        self.at.date_naive()
    }

    /// The display name: the person's, or the invitation's addressee.
    pub fn name(&self) -> String {
        match (&self.person, &self.invitation) {
            (Some(p), _) => full_name(&p.first_name, &p.last_name),
            (None, Some(inv)) => inv.to.clone(),
            (None, None) => String::new(),
        }
    }

    /// The profile URL, empty when unknown.
    pub fn url(&self) -> &str {
        match (&self.person, &self.invitation) {
            (Some(p), _) => &p.url,
            (None, Some(inv)) => &inv.invitee_url,
            (None, None) => "",
        }
    }

    /// The e-mail address the export gave, empty when none (invitations have none).
    pub fn email(&self) -> &str {
        self.person.as_ref().map_or("", |p| p.email.as_str())
    }
}

/// Counts for the progress line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub total: usize,
    pub to_do: usize,
    pub opened: usize,
    pub done: usize,
    pub verified: usize,
    pub still_there: usize,
}

impl Progress {
    /// The counts over some records.
    pub fn of<'a>(records: impl IntoIterator<Item = &'a Record>) -> Progress {
        let mut p = Progress::default();
        for r in records {
            p.total += 1;
            match r.status() {
                Status::ToDo => p.to_do += 1,
                Status::Opened => p.opened += 1,
                Status::Done => p.done += 1,
                Status::Verified => p.verified += 1,
                Status::StillThere => p.still_there += 1,
            }
        }
        p
    }

    /// Done on LinkedIn: ticked or verified.
    pub fn done_on_linkedin(&self) -> usize {
        self.done + self.verified
    }

    /// "12 of 40 done on LinkedIn (5 verified, 2 still connected)".
    pub fn line(&self, kind: Kind) -> String {
        format!(
            "{} of {} done on LinkedIn ({} verified, {} {})",
            self.done_on_linkedin(),
            self.total,
            self.verified,
            self.still_there,
            Status::StillThere.label(kind)
        )
    }
}

/// Every removal and withdrawal in force, newest first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    pub removals: Vec<Record>,
    pub withdrawals: Vec<Record>,
}

impl History {
    /// Replays events in journal order (see [`Replay`]). Opening the app replays the
    /// whole journal: a record shares its identity, batch id and person with the entry
    /// that started it (no text is copied), and the records in force at the end are the
    /// ones built during the replay, moved, not copied.
    pub fn build<'a>(events: impl IntoIterator<Item = Event<'a>>) -> History {
        let mut replay = Replay::default();
        for event in events {
            replay.push(&event, ());
        }
        let records = replay.finish().into_iter().map(|(r, ())| r).collect();
        History::of_records(records)
    }

    pub fn list(&self, kind: Kind) -> &[Record] {
        match kind {
            Kind::Removal => &self.removals,
            Kind::Withdrawal => &self.withdrawals,
        }
    }

    pub fn find(&self, kind: Kind, id: &str) -> Option<&Record> {
        self.list(kind).iter().find(|r| r.id == id)
    }

    /// Applies findings just journaled (stamped `at`, of the export taken at `export`)
    /// without replaying the whole journal: the same result as rebuilding.
    pub fn apply(&mut self, findings: &[Finding], export: &ExportDate, at: DateTime<FixedOffset>) {
        for kind in [Kind::Removal, Kind::Withdrawal] {
            let list = match kind {
                Kind::Removal => &mut self.removals,
                Kind::Withdrawal => &mut self.withdrawals,
            };
            let of_kind = findings.iter().filter(|f| f.kind == kind);
            for (i, f) in places(list, of_kind) {
                let r = &mut list[i];
                let event = f.event(export, at, &r.batch);
                r.state = r.state.after(&event, r.removed_on());
            }
        }
    }

    pub fn progress(&self, kind: Kind) -> Progress {
        Progress::of(self.list(kind))
    }
}

/// Where in `list` each finding's record is, with the finding. Findings come in the list's
/// order (see [`verify`]): each is found by walking on from the last, and only one out of
/// that order needs an index of the list.
fn places<'a>(
    list: &[Record],
    findings: impl Iterator<Item = &'a Finding>,
) -> Vec<(usize, &'a Finding)> {
    let mut next = 0;
    let mut index: Option<foldhash::HashMap<&str, usize>> = None;
    let mut find = |id: &str| {
        if index.is_none()
            && let Some(n) = list[next..].iter().position(|r| r.id == id)
        {
            next += n + 1;
            return Some(next - 1);
        }
        let index = index.get_or_insert_with(|| {
            let ids = list.iter().map(|r| r.id.as_str());
            ids.zip(0..).collect()
        });
        index.get(id).copied()
    };
    findings.filter_map(|f| Some((find(&f.id)?, f))).collect()
}

mod apply;
mod event;
mod pace;
mod replay;
mod verify;

pub use apply::Applied;
pub use event::{Event, JournalAction};
pub use pace::Pace;
pub use replay::Replay;
pub use verify::{Finding, Verification, verify};

#[cfg(test)]
mod evidence_tests;
#[cfg(test)]
mod steps;
#[cfg(test)]
mod tests;
