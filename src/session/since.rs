//! What changed since the export opened last time: the data folder's snapshot of it
//! compared with the export opened now, and the snapshot replaced by a newer export's
//! (never by an older one's). The snapshot is written behind the screen, once the
//! search index and sort orders are built (see `Later`); the data folder waits for it
//! before it gives up its lock.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::import::Export;
use crate::model::People;
use crate::model::changes::{self, Changes, Identities};
use crate::model::history::ExportDate;
use crate::store::snapshot::{self, Found};
use crate::store::{JournalAction, JournalEntry};

use super::done_ids;

/// What the export opened now says against the one opened last time.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Since {
    /// Nothing to say: the first export, the same one again, no change, no date, or a
    /// copy of an export removals were made from.
    #[default]
    Nothing,
    /// This export (taken `this`) is newer than `previous`, and `changes` is what
    /// changed.
    Compared {
        previous: ExportDate,
        this: ExportDate,
        changes: Changes,
    },
    /// This export is older than the one opened last time, which stays the one kept.
    Older {
        previous: ExportDate,
        this: ExportDate,
    },
}

impl Since {
    /// The people new since the export opened last time, by id.
    pub fn added(&self) -> &[crate::model::PersonId] {
        match self {
            Since::Compared { changes, .. } => &changes.added,
            _ => &[],
        }
    }
}

/// The comparison done, and what is left to do: split the people gone by the journal,
/// and keep this export's snapshot.
pub(super) struct Compared {
    pub since: Since,
    /// The older snapshot's people, which the gone ones' ids index.
    old: Option<Identities>,
    /// This export's date, when its snapshot replaces the one kept (`None`: the one
    /// kept stays, for the same export or an older one).
    keep: Option<ExportDate>,
    /// The snapshot was unreadable: the one line the app shows.
    pub damage: Option<String>,
}

/// Reads the date of the export opened last time (while this one loads): its people
/// are read only if this export turns out newer.
pub(super) fn read(path: &Path) -> Found {
    snapshot::load_date(path)
}

/// Compares `export` with the snapshot at `path`, whose date `found` says. Nothing is
/// written (an unreadable snapshot is moved aside).
pub(super) fn compare(found: Found, path: &Path, export: &Export, today: NaiveDate) -> Compared {
    let damage = found.damage_note();
    let mut done = Compared {
        since: Since::Nothing,
        old: None,
        keep: None,
        damage,
    };
    // Undated, or dated by its name after today (see reconcile): it cannot be ordered.
    let Some(this) = export.export_date else {
        return done;
    };
    if this.taken.is_none() && this.day > today {
        return done;
    }
    let previous = match found {
        Found::Snapshot(s) => s.export_date,
        Found::None | Found::Damaged { .. } => {
            done.keep = Some(this);
            return done;
        }
    };
    match order(&this, &previous) {
        std::cmp::Ordering::Equal => {}
        std::cmp::Ordering::Less => done.since = Since::Older { previous, this },
        std::cmp::Ordering::Greater => {
            let previous = match snapshot::load(path) {
                Found::Snapshot(s) => s,
                other => {
                    done.damage = other.damage_note();
                    done.keep = Some(this);
                    return done;
                }
            };
            // This export hashed is not kept: written, it is hashed again person by
            // person, rather than held (16 MB a million) until then.
            let (changes, _) = changes::compare_with(&previous.identities, &export.people);
            // A copy of the same export (new file times) has nothing to say.
            if changes != Changes::default() {
                done.since = Since::Compared {
                    previous: previous.export_date,
                    this,
                    changes,
                };
            }
            done.old = Some(previous.identities);
            done.keep = Some(this);
        }
    }
    done
}

/// Which export was taken later: by the moment when both say it, else by the day.
fn order(this: &ExportDate, previous: &ExportDate) -> std::cmp::Ordering {
    match (this.taken, previous.taken) {
        (Some(a), Some(b)) => a.cmp(&b),
        _ => this.day.cmp(&previous.day),
    }
}

impl Compared {
    /// Tells the people gone whom the user removed (the journal's removals in force)
    /// from the others; returns what to say and the snapshot to keep at `path`, if this
    /// export replaces the one kept.
    /// Undated by its name (`dated_by_name` false), an export with exactly the people of
    /// one removals were made from is a copy of it, whose files' times are the copy's:
    /// it is not newer, says nothing and replaces nothing.
    pub(super) fn finish(
        mut self,
        entries: &[JournalEntry],
        (people, dated_by_name): (&People, bool),
        path: PathBuf,
    ) -> (Since, Option<SnapshotWrite>) {
        if matches!(self.since, Since::Compared { .. })
            && !dated_by_name
            && super::reconcile::is_known(entries, people)
        {
            return (Since::Nothing, None);
        }
        if let (Since::Compared { changes, .. }, Some(old)) = (&mut self.since, &self.old)
            && !changes.gone_not_by_you.is_empty()
        {
            let removed: foldhash::HashSet<u64> = done_ids(entries, JournalAction::Remove)
                .into_iter()
                .map(changes::stable_hash)
                .collect();
            changes::split_removed(changes, old, |h| removed.contains(&h));
        }
        let write = self
            .keep
            .map(|export_date| SnapshotWrite { export_date, path });
        (self.since, write)
    }
}

/// This export's snapshot, to write once the screen is up.
pub(super) struct SnapshotWrite {
    export_date: ExportDate,
    path: PathBuf,
}

impl SnapshotWrite {
    /// Hashes `people` if needed and writes the snapshot; a failure only means that the
    /// next start has this export's predecessor to compare with.
    pub(super) fn run(self, people: &People) {
        let started = std::time::Instant::now();
        // Hashed as written: the app never holds them all.
        let members = changes::members(people);
        let saved = snapshot::save_members(&self.path, &self.export_date, people.len(), members);
        match saved {
            Ok(()) => tracing::debug!(
                people = people.len(),
                elapsed_ms = started.elapsed().as_millis() as u64,
                "export snapshot saved"
            ),
            Err(e) => tracing::warn!(error = %e, "export snapshot not saved"),
        }
    }
}
