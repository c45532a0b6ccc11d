//! The writer thread: the journal, the staged sets and CSV exports are written here, in
//! the order they were asked for, so the UI thread never waits on serialising and syncing a large list
//! (staging a million people writes ~50 MB of identities). Each write is still atomic or synced: the UI
//! says "removed" only once the journal is on disk, and quitting waits for what is queued.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::{self, JoinHandle};

use chrono::{DateTime, FixedOffset};

use crate::app::{ConfirmAction, ListKind, Written};
use crate::model::history::Record;
use crate::model::{Invitation, People, Person, PersonId};
use crate::session::Store;
use crate::store::StoreError;
use crate::store::export::Table;
use crate::store::journal::{self, JournalAction, JournalEntry};
use crate::store::staged::{StagedEntry, StagedStore};

/// What to write.
pub enum Job {
    /// A right column as a CSV file the user named (opens cleanly in Excel).
    Export { path: PathBuf, rows: Staged },
    /// The right column of a list, as it is now.
    SaveStaged(Staged),
    /// The keep list, as it is now.
    SaveKept(Staged),
    /// Journal what the user confirmed, durably.
    Confirm {
        action: ConfirmAction,
        entries: Entries,
    },
    /// The view the user leaves (tab, sorts, zoom), for the next start.
    SaveView(crate::store::view::View),
    /// Journal marks on History records, durably.
    Record {
        kind: ListKind,
        mark: JournalAction,
        ids: Vec<u32>,
        entries: Vec<JournalEntry>,
    },
}

/// A snapshot of a right column. Connections are turned into records on the writer:
/// at a million rows that alone takes longer than a frame.
pub enum Staged {
    People {
        people: Arc<People>,
        ids: Vec<u32>,
    },
    Invitations(Vec<StagedEntry<Invitation>>),
    /// A History list as it is shown (`e` there): exported, never saved as staged.
    Records(Vec<Record>),
}

pub enum Entries {
    Removals {
        people: Arc<People>,
        at: DateTime<FixedOffset>,
    },
    Ready(Vec<JournalEntry>),
}

pub struct Writer {
    jobs: Option<Sender<Job>>,
    written: Receiver<Written>,
    thread: Option<JoinHandle<()>>,
    /// Jobs sent and not yet answered.
    pending: usize,
    /// The thread ended without being asked to (a bug): nothing more will be written.
    stopped: bool,
}

impl Writer {
    pub fn spawn(store: Store) -> std::io::Result<Writer> {
        let (jobs, inbox) = mpsc::channel();
        let (outbox, written) = mpsc::channel();
        let thread = thread::Builder::new()
            .name("writer".into())
            .spawn(move || write_all(store, inbox, outbox))?;
        Ok(Writer {
            jobs: Some(jobs),
            written,
            thread: Some(thread),
            pending: 0,
            stopped: false,
        })
    }

    /// Queues a job. Returns false if the writer has stopped (a bug): nothing is written.
    pub fn send(&mut self, job: Job) -> bool {
        let sent = self
            .jobs
            .as_ref()
            .is_some_and(|jobs| jobs.send(job).is_ok());
        if sent {
            self.pending += 1;
        } else {
            self.stopped = true;
        }
        sent
    }

    /// Writes finished since the last call.
    pub fn results(&mut self) -> Vec<Written> {
        let mut done = Vec::new();
        loop {
            match self.written.try_recv() {
                Ok(w) => done.push(w),
                Err(mpsc::TryRecvError::Empty) => break,
                Err(mpsc::TryRecvError::Disconnected) => {
                    self.stopped = true;
                    break;
                }
            }
        }
        self.pending = self.pending.saturating_sub(done.len());
        if self.stopped {
            self.pending = 0;
        }
        done
    }

    /// The writer thread ended on its own (it panicked: a bug).
    pub fn has_stopped(&self) -> bool {
        self.stopped
    }

    /// Blocks until everything sent has been written; returns the results.
    pub fn wait_idle(&mut self) -> Vec<Written> {
        let mut done = Vec::new();
        while self.pending > 0 {
            if let Ok(w) = self.written.recv() {
                self.pending -= 1;
                done.push(w);
            } else {
                // The writer died (a bug): nothing more will come.
                self.pending = 0;
                self.stopped = true;
            }
        }
        done
    }

    /// Whether writes are still queued or running.
    pub fn is_busy(&self) -> bool {
        self.pending > 0
    }

    /// Waits for everything queued to be written; returns what had not been reported.
    pub fn finish(mut self) -> Vec<Written> {
        drop(self.jobs.take());
        if let Some(thread) = self.thread.take() {
            // A panic there is a bug; what it had not written is reported missing below.
            let _ = thread.join();
        }
        self.written.try_iter().collect()
    }
}

fn write_all(mut store: Store, inbox: Receiver<Job>, outbox: Sender<Written>) {
    let mut queue = VecDeque::new();
    loop {
        if queue.is_empty() {
            match inbox.recv() {
                Ok(job) => queue.push_back(job),
                Err(_) => return,
            }
        }
        queue.extend(inbox.try_iter());
        let Some(job) = queue.pop_front() else {
            continue;
        };
        let written = match job {
            Job::SaveStaged(staged) => {
                let kind = staged.kind();
                // Only the last snapshot of a list matters: skip one a newer one replaces.
                let superseded = queue
                    .iter()
                    .any(|j| matches!(j, Job::SaveStaged(s) if s.kind() == kind));
                let saved = if superseded {
                    Ok(())
                } else {
                    save(&mut store, staged)
                };
                Written::Staged(kind, saved)
            }
            Job::SaveKept(kept) => {
                let superseded = queue.iter().any(|j| matches!(j, Job::SaveKept(_)));
                let saved = match kept {
                    _ if superseded => Ok(()),
                    Staged::People { people, ids } => {
                        save_staged_people(&store.kept, &people, &ids)
                    }
                    Staged::Invitations(_) | Staged::Records(_) => Ok(()),
                };
                Written::Kept(saved)
            }
            Job::SaveView(view) => {
                let path = crate::store::view::path(&store.data_dir);
                Written::View(crate::store::view::write(&path, &view))
            }
            Job::Export { path, rows } => {
                let count = rows.len();
                let result = export(&rows, &path).map_err(StoreError::io(&path));
                Written::Exported {
                    path,
                    count,
                    result,
                }
            }
            Job::Confirm { action, entries } => {
                let entries = match entries {
                    Entries::Removals { people, at } => {
                        journal::removal_entries(&people, action.ids(), at)
                    }
                    Entries::Ready(entries) => entries,
                };
                // What changed, for the History tab to apply.
                let appended = store.journal.append(entries).map(<[_]>::to_vec);
                Written::Confirmed(action, appended)
            }
            Job::Record {
                kind,
                mark,
                ids,
                entries,
            } => {
                let result = store.journal.append(entries).map(<[_]>::to_vec);
                Written::Recorded {
                    kind,
                    mark,
                    ids,
                    result,
                }
            }
        };
        // The UI may be gone (quitting): what was asked is still written.
        let _ = outbox.send(written);
    }
}

fn save(store: &mut Store, staged: Staged) -> Result<(), StoreError> {
    match staged {
        Staged::People { people, ids } => save_staged_people(&store.staged, &people, &ids),
        Staged::Invitations(entries) => store.staged_invitations.save(entries.into_iter()),
        // History lists have no staged set: nothing sends one here.
        Staged::Records(_) => Ok(()),
    }
}

/// Writes rows as a CSV file with LinkedIn's columns.
fn export(rows: &Staged, path: &Path) -> std::io::Result<()> {
    let table = match rows {
        Staged::Invitations(entries) => {
            Table::of_invitations(entries.iter().map(|e| (&e.item, None)), false)
        }
        Staged::People { people, ids } => {
            let owned: Vec<_> = ids
                .iter()
                .map(|&id| people.get(PersonId(id)).to_person())
                .collect();
            Table::of_people(owned.iter().map(|p| (p, None)), false)
        }
        Staged::Records(records) => Table::of_records(records),
    };
    table.save(path, true)
}

impl Staged {
    /// How many items the snapshot holds.
    pub fn len(&self) -> usize {
        match self {
            Staged::People { ids, .. } => ids.len(),
            Staged::Invitations(entries) => entries.len(),
            Staged::Records(records) => records.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn kind(&self) -> ListKind {
        match self {
            Staged::People { .. } => ListKind::Connections,
            Staged::Invitations(_) => ListKind::Invitations,
            Staged::Records(records) => records
                .first()
                .map_or(ListKind::Removed, |r| ListKind::of_history(r.kind)),
        }
    }
}

/// Saves these people as the staged set, by identity: the export has their fields.
pub fn save_staged_people(
    staged: &StagedStore<Person>,
    people: &People,
    ids: &[u32],
) -> Result<(), StoreError> {
    staged.save_ids(ids, |id, key| people.get(PersonId(id)).write_identity(key))
}
