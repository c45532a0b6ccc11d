//! The removal journal: append-only JSON lines, made durable (fsync) before the UI may
//! say "removed". Never rewritten. A batch is a header line (what its entries share) and
//! a short line per person (see the `compact` module); entries of the older one-object-per-line
//! form are still read.
//!
//! A batch (what one confirmation journals) is all or nothing:
//! - every entry carries `batch_len`, the number of entries in its batch; readers count a
//!   batch only when all its entries are there, one after another. A batch cut short (a
//!   kill, a power cut, a full disk) is in force for nobody, whatever is on disk;
//! - a failed append (write, flush or fsync) is rolled back: the file is cut back to its
//!   length before the batch and synced, so the next batch never follows a torn line. If
//!   even that fails, the journal retries before any further append;
//! - on the next start, a cut-off end (a torn line, a batch cut short) is moved aside to
//!   a file of its own, not thrown away.
//!
//! Entries written before `batch_len` existed have none and count one by one, as then.

mod compact;
mod lean;
mod parse;
mod recovery;
mod status;

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, Local, NaiveDate};
use serde::{Deserialize, Serialize};

pub use crate::model::history::JournalAction;
pub use lean::{Lean, PeopleLines};
pub use recovery::Recovery;
pub use status::{history, status_entries, verification_entries};

use super::faults::{Faults, FaultyWriter};
use super::{StoreError, fsutil};
use crate::model::hash::TextTable;
use crate::model::{Identity, Invitation, People, Person, PersonId};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalEntry {
    /// RFC 3339 with the local offset, e.g. `2026-11-28T18:40:00.123+01:00`.
    #[serde(with = "rfc3339")]
    pub at: DateTime<FixedOffset>,
    pub action: JournalAction,
    /// Entries confirmed together share a batch id (one text, shared with their records).
    #[serde(with = "shared_text")]
    pub batch: Arc<str>,
    /// How many entries the batch has; set by [`Journal::append`]. `None` in journals
    /// written before batches were checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch_len: Option<usize>,
    /// The person's (or invitation's) identity, see [`Person::identity`].
    pub id: Identity,
    /// Shared with the history's record of the removal (a whole export's worth of
    /// people is replayed at every open): written and read as the person itself.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "shared")]
    pub person: Option<Arc<Person>>,
    /// Shared with the history's record of the withdrawal, as the person is.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "shared")]
    pub invitation: Option<Arc<Invitation>>,
    /// For the verification actions: the date of the export that was checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub export_date: Option<NaiveDate>,
    /// For the verification actions: when that export was taken, where its files say to
    /// the second (a tick the same day is then ordered against it). Absent in older
    /// journals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub export_taken: Option<DateTime<FixedOffset>>,
    /// For removals: the fingerprint of the export they were made from (see
    /// [`crate::model::fingerprint`]), so that a copy of it is known. Absent in older
    /// journals. Shared by the batch's entries, as it is written once in its header.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "shared")]
    pub fingerprint: Option<Arc<String>>,
}

#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    file: File,
    entries: Vec<JournalEntry>,
    /// The file's length holding exactly `entries`: where a failed batch is cut back to.
    len: u64,
    /// A failed batch could not be cut back yet: do so before appending anything.
    dirty: bool,
    faults: Option<Arc<Faults>>,
}

/// A journal read but not opened yet: see [`Journal::read_to_open`].
#[derive(Debug)]
pub struct ReadJournal {
    path: PathBuf,
    read: recovery::Unrepaired,
}

impl ReadJournal {
    /// The entries, as the opened journal holds them.
    pub fn entries(&self) -> &[JournalEntry] {
        &self.read.entries
    }

    /// Where the people of the records in force are, for a journal read lean (none for
    /// one read whole: its records hold their people).
    pub fn people_lines(&self) -> PeopleLines {
        PeopleLines::new(&self.path, &self.read.entries, &self.read.offsets)
    }

    /// Repairs a cut-off end and opens the journal for appending, as [`Journal::open`].
    pub fn open(self) -> Result<(Journal, Recovery), StoreError> {
        let ReadJournal { path, read } = self;
        let (entries, recovery) = read.repair(&path)?;
        Journal::opened(path, entries, recovery)
    }
}

impl Journal {
    /// Opens (creating if needed) the journal, repairing a cut-off end.
    pub fn open(path: &Path) -> Result<(Journal, Recovery), StoreError> {
        Journal::read_to_open(path)?.open()
    }

    /// Reads the journal as [`Journal::open`] does, but changes nothing on disk until
    /// [`ReadJournal::open`]: reading can run while an export loads, and if that fails,
    /// nothing was repaired unseen.
    pub fn read_to_open(path: &Path) -> Result<ReadJournal, StoreError> {
        Ok(ReadJournal {
            path: path.to_path_buf(),
            read: recovery::read_unrepaired(path, parse::Fields::All)?,
        })
    }

    /// [`Journal::read_to_open`] without the people: each entry's person stays on disk,
    /// read back with [`ReadJournal::people_lines`] when wanted. The same reader (and
    /// recovery) as every other read.
    pub fn read_to_open_lean(path: &Path) -> Result<ReadJournal, StoreError> {
        Ok(ReadJournal {
            path: path.to_path_buf(),
            read: recovery::read_unrepaired(path, parse::Fields::Lean)?,
        })
    }

    fn opened(
        path: PathBuf,
        entries: Vec<JournalEntry>,
        recovery: Recovery,
    ) -> Result<(Journal, Recovery), StoreError> {
        let file = fsutil::open_regular(&path, fsutil::private_options().append(true).create(true))
            .map_err(StoreError::io(&path))?;
        fsutil::tighten(&file).map_err(StoreError::io(&path))?;
        let len = file.metadata().map_err(StoreError::io(&path))?.len();
        if let Some(dir) = path.parent() {
            fsutil::sync_dir(dir).map_err(StoreError::io(dir))?;
        }
        Ok((
            Journal {
                path,
                file,
                entries,
                len,
                dirty: false,
                faults: None,
            },
            recovery,
        ))
    }

    /// Reads the journal without repairing or creating anything (for `export`). Batches
    /// cut short are left out, as everywhere.
    pub fn read(path: &Path) -> Result<Vec<JournalEntry>, StoreError> {
        recovery::read(path)
    }

    pub fn entries(&self) -> &[JournalEntry] {
        &self.entries
    }

    /// Tests: make this journal's writes fail as `faults` says.
    #[doc(hidden)]
    #[cfg(feature = "test-support")]
    pub fn inject_faults(&mut self, faults: Arc<Faults>) {
        self.faults = Some(faults);
    }

    /// Appends a batch and waits until it is on disk: afterwards either all of it is in
    /// the journal, or (on an error) none of it counts. A large batch is serialised on two
    /// threads, a chunk at a time (a million removals are ~140 MB). Returns the entries
    /// appended: what changed, for a history to apply.
    pub fn append(&mut self, mut batch: Vec<JournalEntry>) -> Result<&[JournalEntry], StoreError> {
        if batch.is_empty() {
            return Ok(&[]);
        }
        if self.dirty {
            self.roll_back().map_err(StoreError::io(&self.path))?;
        }
        mark_batch_lengths(&mut batch);
        let faults = self.faults.as_deref();
        let mut out = FaultyWriter::new(&self.file, faults);
        let written = compact::write(&mut out, &batch)
            .and_then(|()| out.flush())
            .and_then(|()| Faults::check_op(faults))
            .and_then(|()| self.file.sync_data());
        let added = out.written;
        if let Err(source) = written {
            tracing::error!(error = %source, "journal append failed; rolling back");
            return Err(match self.roll_back() {
                Ok(()) => StoreError::Io {
                    path: self.path.clone(),
                    source,
                },
                Err(undo) => StoreError::Unsure {
                    path: self.path.clone(),
                    source,
                    undo,
                },
            });
        }
        self.len += added;
        tracing::info!(entries = batch.len(), "journal batch appended and synced");
        let from = self.entries.len();
        self.entries.extend(batch);
        Ok(&self.entries[from..])
    }

    /// Cuts the file back to the entries it held before a failed batch, durably.
    fn roll_back(&mut self) -> std::io::Result<()> {
        self.dirty = true;
        Faults::check_rollback(self.faults.as_deref())?;
        self.file.set_len(self.len)?;
        self.file.sync_data()?;
        self.dirty = false;
        Ok(())
    }
}

impl Drop for Journal {
    fn drop(&mut self) {
        if self.dirty {
            // Best effort: readers ignore a batch cut short anyway.
            let _ = self.roll_back();
        }
    }
}

/// Sets each entry's `batch_len`: the length of its run of one batch id (normally the
/// whole batch).
fn mark_batch_lengths(batch: &mut [JournalEntry]) {
    let mut start = 0;
    while start < batch.len() {
        let id = &batch[start].batch;
        let run = batch[start..].iter().take_while(|e| &e.batch == id).count();
        for e in &mut batch[start..start + run] {
            e.batch_len = Some(run);
        }
        start += run;
    }
}

/// Batches at least this large are built on two threads.
const PARALLEL_FROM_ENTRIES: usize = 10_000;

/// Timestamps as RFC 3339 with an explicit offset (`+00:00`, never `Z`) and milliseconds.
mod rfc3339 {
    use chrono::{DateTime, FixedOffset, SecondsFormat};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(at: &DateTime<FixedOffset>, s: S) -> Result<S::Ok, S::Error> {
        // A batch shares one timestamp: format it once, not once per entry.
        thread_local! {
            static LAST: std::cell::RefCell<Option<(DateTime<FixedOffset>, String)>> =
                const { std::cell::RefCell::new(None) };
        }
        LAST.with_borrow_mut(|last| {
            if last
                .as_ref()
                .is_none_or(|(t, _)| t != at || t.offset() != at.offset())
            {
                *last = Some((*at, at.to_rfc3339_opts(SecondsFormat::Millis, false)));
            }
            let text = last.as_ref().map_or("", |(_, text)| text.as_str());
            s.serialize_str(text)
        })
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<FixedOffset>, D::Error> {
        let text = String::deserialize(d)?;
        DateTime::parse_from_rfc3339(&text).map_err(serde::de::Error::custom)
    }
}

/// An `Option<Arc<T>>` field as the `Option<T>` it shares.
mod shared {
    use std::sync::Arc;

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[allow(clippy::ref_option)] // the signature serde's `with` asks for
    pub fn serialize<T: Serialize, S: Serializer>(
        value: &Option<Arc<T>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        value.as_deref().serialize(s)
    }

    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Arc<T>>, D::Error> {
        Ok(Option::<T>::deserialize(d)?.map(Arc::new))
    }
}

/// A text shared by many entries, written and read as the text itself.
mod shared_text {
    use std::sync::Arc;

    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(text: &Arc<str>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(text)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Arc<str>, D::Error> {
        Ok(Arc::from(
            <std::borrow::Cow<'de, str>>::deserialize(d)?.as_ref(),
        ))
    }
}

/// The entries still in force for `action` (remove or withdraw): per identity the latest
/// one, unless a restore came after it; oldest first.
pub fn in_force(entries: &[JournalEntry], action: JournalAction) -> Vec<&JournalEntry> {
    // Run at every open over the whole journal: the identities are found in a table of
    // hashes (growing it reads no identity again), each with its latest entry in force.
    let mut table = TextTable::with_capacity(0);
    let mut latest: Vec<(&str, Option<usize>)> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        let id = e.id.as_str();
        let holds = |slot: u32| latest[slot as usize].0 == id;
        if e.action == action {
            match table.find_or_insert(id, holds, latest.len() as u32) {
                Some(slot) => latest[slot as usize].1 = Some(i),
                None => latest.push((id, Some(i))),
            }
        } else if e.action == JournalAction::Restore
            && let Some(slot) = table.find(id, holds)
        {
            latest[slot as usize].1 = None;
        }
    }
    let mut order: Vec<usize> = latest.into_iter().filter_map(|(_, i)| i).collect();
    order.sort_unstable();
    order.into_iter().map(|i| &entries[i]).collect()
}

/// A batch id: the confirmation time, readable and sortable, plus the process id so two
/// machines' journals merged later do not collide in the same second.
pub fn new_batch_id(at: DateTime<FixedOffset>) -> Arc<str> {
    Arc::from(format!(
        "{}-{}",
        at.format("%Y%m%dT%H%M%S%.3f"),
        std::process::id()
    ))
}

/// Now, to the millisecond the journal writes: what a session holds in memory is what the
/// next one reads from disk (a tick and an export's time compare the same in both).
pub fn now() -> DateTime<FixedOffset> {
    use chrono::SubsecRound;
    Local::now().fixed_offset().trunc_subsecs(3)
}

/// One `remove` entry per person, all in one batch stamped `at`. A large batch is built
/// across the machine's cores (rayon), in order.
pub fn removal_entries(
    people: &People,
    ids: &[u32],
    at: DateTime<FixedOffset>,
) -> Vec<JournalEntry> {
    use rayon::prelude::*;
    let batch = new_batch_id(at);
    // Written once, in the batch's header: a copy of this export is then known.
    let fingerprint = Some(Arc::new(crate::model::fingerprint::of_people(people)));
    let entry = |&id: &u32| {
        let p = people.get(PersonId(id));
        JournalEntry {
            at,
            action: JournalAction::Remove,
            batch: batch.clone(),
            batch_len: None,
            id: p.identity(),
            person: Some(Arc::new(p.to_person())),
            invitation: None,
            export_date: None,
            export_taken: None,
            fingerprint: fingerprint.clone(),
        }
    };
    if ids.len() < PARALLEL_FROM_ENTRIES {
        ids.iter().map(entry).collect()
    } else {
        ids.par_iter().map(entry).collect()
    }
}

/// One `withdraw` entry per invitation, all in one batch stamped `at`.
pub fn withdrawal_entries<'a>(
    invitations: impl Iterator<Item = &'a Invitation>,
    at: DateTime<FixedOffset>,
) -> Vec<JournalEntry> {
    let batch = new_batch_id(at);
    invitations
        .map(|invitation| JournalEntry {
            at,
            action: JournalAction::Withdraw,
            batch: batch.clone(),
            batch_len: None,
            id: invitation.identity(),
            person: None,
            invitation: Some(Arc::new(invitation.clone())),
            export_date: None,
            export_taken: None,
            fingerprint: None,
        })
        .collect()
}

#[cfg(test)]
mod tests;
