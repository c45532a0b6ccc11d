//! Opening a triage session: find and load the export, lock the data folder, replay the
//! journal and restore the staged set. Everything that can fail does so here, before the
//! terminal is touched, so errors are plain one-line messages. It returns the loaded data
//! ([`Loaded`]); the app is built from it by the caller.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};
use std::time::Instant;

use chrono::NaiveDate;

use crate::error::ImportError;
use crate::import::{self, Export, Progress};
use crate::model::history::History;
use crate::model::pending::Pending;
use crate::model::roster::{Order, later_sorts, people_search_index, people_triage_first};
use crate::model::search::SearchIndex;
use crate::model::signals::Signals;
use crate::model::triage::{Place, Triage};
use crate::model::{Invitation, InvitationRules, People, Person, PersonId};
use crate::store::journal::{PeopleLines, in_force};
use crate::store::staged::{StagedSet, StagedStore};
use crate::store::{DataDir, Journal, JournalAction, JournalEntry, StoreError};

mod find;
#[cfg(test)]
mod lean_tests;
pub mod reconcile;
mod restore;
pub mod since;
mod staged_files;

use find::find_export;
use restore::{Done, restore_places};
use staged_files::StagedFiles;

pub use crate::store::journal::history;
pub use reconcile::Reconciled;
pub use since::Since;

#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error(transparent)]
    Import(#[from] ImportError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(
        "no LinkedIn export in {0} (no Connections.csv, and no zip or folder named like Basic_LinkedInDataExport_…). To get yours: LinkedIn > Settings > Data privacy > Get a copy of your data; then run `unconnect PATH` with the zip, the unzipped folder or Connections.csv"
    )]
    NoExport(String),
}

/// What the event loop needs to carry out effects.
pub struct Store {
    pub data_dir: DataDir,
    pub journal: Journal,
    pub staged: StagedStore<Person>,
    pub staged_invitations: StagedStore<Invitation>,
    /// The keep list.
    pub kept: StagedStore<Person>,
}

pub struct Session {
    pub loaded: Loaded,
    pub store: Store,
    /// The Connections list's search index, then its name and company sort orders,
    /// built after the first frame.
    pub later: Receiver<Later>,
    /// Where the people of `loaded.history`'s records are: the journal is read without
    /// them before the first screen (see [`PeopleLines::fill`]).
    pub history_people: PeopleLines,
}

pub type LaterSorts = Vec<(&'static str, Order)>;

/// What the Connections list gets after the first frame, each sent as soon as it is
/// built: the search index first (a filter typed at once waits for it), then the
/// orders the user needs only on pressing `s`.
pub enum Later {
    Search(SearchIndex),
    Sorts(LaterSorts),
}

/// The export as the triage starts from it, with what was staged and done before.
pub struct Loaded {
    pub people: Arc<People>,
    /// The Connections list, staged and removed people already in place.
    pub triage: Triage,
    /// People on the keep list, by id.
    pub kept: Vec<u32>,
    pub invitations: Option<LoadedInvitations>,
    /// What opening found and did: loaded, restored, verified, repaired. The app words it.
    pub report: OpenReport,
    /// Every removal and withdrawal in force with its status, newest first, after this
    /// export was checked; from [`start`], without its people until
    /// [`Session::history_people`] fills them in ([`Loading::wait`] does). After appending to the journal, recompute it with
    /// [`history`]`(journal.entries())`.
    pub history: History,
    pub today: NaiveDate,
    /// Messages, endorsements and recommendations per person (by person id), from a
    /// Complete export; `None` for a Basic export, which has none of those files.
    pub signals: Option<Arc<Signals>>,
}

/// What opening an export found and did, as data: the app says it in its own words.
#[derive(Debug, Clone, Default)]
pub struct OpenReport {
    /// The data folder, when it is the bundled demo's throwaway one.
    pub demo_data_dir: Option<PathBuf>,
    /// What checking this export against the journal found (and journaled).
    pub reconciled: Reconciled,
    /// Why what the check found could not be journaled, if it could not.
    pub unrecorded: Option<String>,
    /// Staged people put back from last time.
    pub restored: usize,
    /// People of this export the journal says were removed already.
    pub removed_here: usize,
    /// Connections loaded, hidden profiles left out, duplicates merged.
    pub people: usize,
    pub hidden: usize,
    pub duplicates: usize,
    /// Lines skipped and warnings, Connections' and Invitations' together, counted as
    /// `unconnect check` lists them.
    pub skipped: usize,
    pub warnings: usize,
    /// What had to be repaired on disk (a journal cut off, a staged list damaged), in the
    /// store's words.
    pub repairs: Vec<String>,
    /// Removals in force when the session began, and where the journal is.
    pub removals_in_force: usize,
    pub journal_path: PathBuf,
    /// Whether the export has an Invitations.csv.
    pub has_invitations: bool,
    /// What changed since the export opened last time.
    pub since: Since,
}

/// The Invitations tab's data, when the export has an Invitations.csv.
pub struct LoadedInvitations {
    pub pending: Pending,
    pub triage: Triage,
    pub rules: InvitationRules,
}

pub struct Options {
    /// The export; `None` looks in the current folder.
    pub path: Option<PathBuf>,
    pub invitations: Option<PathBuf>,
    pub data_dir: PathBuf,
    /// The data folder is the bundled demo's throwaway one: the status line says where.
    pub demo_data_dir: bool,
    pub today: NaiveDate,
    pub rules: InvitationRules,
}

/// A session being opened on another thread, so the screen can draw (with a progress
/// gauge) while a large export loads.
pub struct Loading {
    /// What is being loaded, for the gauge's label.
    pub path: PathBuf,
    pub progress: Arc<Progress>,
    pub started: Instant,
    pub result: Receiver<Result<Session, SessionError>>,
}

/// Starts opening a session. What fails fast (no export found, the data folder locked by
/// another instance) fails here, on the caller's thread.
pub fn start(options: Options) -> Result<Loading, SessionError> {
    let started = Instant::now();
    let path = match &options.path {
        Some(p) => p.clone(),
        None => find_export(Path::new("."))?,
    };
    let data_dir = DataDir::open_locked(&options.data_dir)?;
    let progress = Arc::new(Progress::default());
    let (tx, result) = mpsc::channel();
    {
        let path = path.clone();
        let progress = Arc::clone(&progress);
        std::thread::spawn(move || {
            // The receiver may be gone if the user quit while loading: nothing to do then.
            let _ = tx.send(open(&path, &options, data_dir, &progress, true));
        });
    }
    Ok(Loading {
        path,
        progress,
        started,
        result,
    })
}

impl Loading {
    /// Waits for the session (tests and small exports), its history's people read back.
    pub fn wait(self) -> Result<Session, SessionError> {
        let mut session = self
            .result
            .recv()
            .unwrap_or_else(|_| Err(self.thread_died()))?;
        std::mem::take(&mut session.history_people).fill(&mut session.loaded.history)?;
        Ok(session)
    }

    /// The loader ended without an answer: only a bug (a panic) does that.
    pub fn thread_died(&self) -> SessionError {
        SessionError::Store(StoreError::Io {
            path: self.path.clone(),
            source: std::io::Error::other("loading stopped unexpectedly (a bug: please report it)"),
        })
    }
}

/// Opens the session; `lean`: the journal read without its people (see [`Session`]).
fn open(
    path: &Path,
    options: &Options,
    mut data_dir: DataDir,
    progress: &Progress,
    lean: bool,
) -> Result<Session, SessionError> {
    let started = Instant::now();
    // The staged files and the journal's history do not depend on the export: read them
    // while it loads (the journal is changed on disk only once it has loaded).
    // A panic in either is a bug, not bad data: rayon propagates it.
    let snapshot_path = crate::store::snapshot::path(&data_dir);
    let (export, (staged_files, journal_read, snapshot)) = rayon::join(
        || import::load_with_progress(path, options.invitations.as_deref(), progress),
        || {
            let staged = StagedFiles::load(&data_dir);
            let journal = reconcile::read_history(&data_dir.journal_path(), lean);
            (staged, journal, since::read(&snapshot_path))
        },
    );
    let export = export?;
    let StagedFiles {
        staged: (mut staged, staged_entries),
        invitations: (mut staged_invitations, staged_invitation_entries),
        kept: (mut kept_store, kept_entries),
    } = staged_files?;
    let (journal_read, history) = journal_read?;
    let history_people = journal_read.people_lines();
    let (mut journal, recovery) = journal_read.open()?;
    // The date orders need only the people: sorted on a thread of their own while the
    // journal is checked and the staged sets are matched to them.
    let (mut triage, (matched, compared)) = rayon::join(
        || people_triage_first(&export.people, export.signals.as_ref()),
        || {
            rayon::join(
                || {
                    match_to_export(
                        &mut journal,
                        history,
                        &export,
                        staged_entries,
                        kept_entries,
                        options.today,
                    )
                },
                || since::compare(snapshot, &snapshot_path, &export, options.today),
            )
        },
    );
    let damaged_snapshot = compared.damage.clone();
    let Matched {
        history,
        reconciled,
        unrecorded,
        places,
        foreign,
        kept,
        kept_foreign,
    } = matched;
    let Export {
        people,
        report,
        invitations,
        signals,
        dated_by_name,
        ..
    } = export;
    let invitations_report = invitations.as_ref().map(|i| &i.report);
    let skipped = report.skipped.len() + invitations_report.map_or(0, |r| r.skipped.len());
    let warnings = report.warnings.len() + invitations_report.map_or(0, |r| r.warnings.len());
    let signals = signals.map(Arc::new);
    let removed_here = places.iter().filter(|(_, p)| *p == Place::Done).count();
    let restored = places.len() - removed_here;
    staged.set_foreign(foreign);
    staged.set_export(path);
    kept_store.set_foreign(kept_foreign);
    kept_store.set_export(path);
    triage.restore(places);
    let invitations = invitations.map(|inv| {
        let pending = Pending::from_export(&people, &inv.list);
        let mut triage = pending.triage(&options.rules, options.today);
        let withdrawn = in_force_ids(&history.withdrawals);
        let (places, foreign) = restore_places(
            pending.items.len(),
            |i, id| pending.items[i as usize].identity() == id,
            |i, key| key.push_str(&pending.items[i as usize].identity()),
            &Done::Ids(&withdrawn),
            staged_invitation_entries,
        );
        staged_invitations.set_foreign(foreign);
        triage.restore(places);
        LoadedInvitations {
            pending,
            triage,
            rules: options.rules,
        }
    });
    let people = Arc::new(people);
    let (since, snapshot_write) =
        compared.finish(journal.entries(), (&people, dated_by_name), snapshot_path);
    let (later_tx, later) = mpsc::channel();
    {
        let people = Arc::clone(&people);
        let signals = signals.clone();
        let writes = snapshot_write.is_some();
        let thread = std::thread::spawn(move || {
            // The receiver is gone only if the app quit first: nothing to do then.
            let search = people_search_index(&people, signals.as_deref());
            if later_tx.send(Later::Search(search)).is_ok() {
                let sorts = later_sorts(&people, signals.as_deref());
                let _ = later_tx.send(Later::Sorts(sorts));
            }
            // Last, so that it never delays what the user waits for.
            if let Some(write) = snapshot_write {
                write.run(&people);
            }
        });
        if writes {
            data_dir.hold_lock_for(thread);
        }
    }
    tracing::info!(
        people = report.people,
        hidden = report.hidden,
        duplicates = report.duplicates,
        skipped,
        warnings,
        journal_entries = journal.entries().len(),
        restored,
        removed_here,
        elapsed_ms = started.elapsed().as_millis() as u64,
        "export loaded and data folder read"
    );
    let repairs: Vec<String> = [
        recovery.message(),
        staged
            .recovery()
            .map(super::store::staged::StagedRecovery::message),
        kept_store
            .recovery()
            .map(super::store::staged::StagedRecovery::message),
        staged_invitations
            .recovery()
            .map(super::store::staged::StagedRecovery::message),
        damaged_snapshot,
    ]
    .into_iter()
    .flatten()
    .collect();
    let report = OpenReport {
        demo_data_dir: options.demo_data_dir.then(|| data_dir.path().to_path_buf()),
        reconciled,
        unrecorded,
        restored,
        removed_here,
        people: report.people,
        hidden: report.hidden,
        duplicates: report.duplicates,
        skipped,
        warnings,
        repairs,
        removals_in_force: history.removals.len(),
        journal_path: data_dir.journal_path(),
        has_invitations: invitations.is_some(),
        since,
    };
    let loaded = Loaded {
        signals,
        people,
        triage,
        kept,
        invitations,
        report,
        history,
        today: options.today,
    };
    Ok(Session {
        loaded,
        store: Store {
            data_dir,
            journal,
            staged,
            staged_invitations,
            kept: kept_store,
        },
        later,
        history_people,
    })
}

/// The journal checked against the export, and the staged set and the keep list put
/// back on its people.
struct Matched {
    history: History,
    reconciled: Reconciled,
    /// Why what the check found could not be journaled, if it could not.
    unrecorded: Option<String>,
    /// Staged and removed people, where they go.
    places: Vec<(u32, Place)>,
    /// Staged from another export: kept aside.
    foreign: StagedSet<Person>,
    /// On the keep list, by id.
    kept: Vec<u32>,
    kept_foreign: StagedSet<Person>,
}

fn match_to_export(
    journal: &mut Journal,
    mut history: History,
    export: &Export,
    staged: StagedSet<Person>,
    kept: StagedSet<Person>,
    today: NaiveDate,
) -> Matched {
    // Checked before anything else reads the journal, so that what is shown is what is
    // recorded. A failed append records none of it: the app still opens, and says so.
    // Which person each removal in force names, worked out once: for the check and for
    // leaving the removed out of the list.
    let removal_of = reconcile::removals_of(&history.removals, &export.people);
    let removed: Vec<bool> = removal_of.iter().map(Option::is_some).collect();
    let checked = reconcile::reconcile_with(journal, &mut history, export, today, &removal_of);
    drop(removal_of);
    let (reconciled, unrecorded) = match checked {
        Ok(r) => (r, None),
        Err(e) => (
            Reconciled::default(),
            Some(format!("could not record what this export verified: {e}")),
        ),
    };
    let people = &export.people;
    // Only the URL is read for people who have one: building the whole person was half
    // the cost of restoring a million.
    let person_is = |i, id: &str| {
        let url = people.url(PersonId(i));
        if url.is_empty() {
            people.get(PersonId(i)).has_identity(id)
        } else {
            url.is(id)
        }
    };
    let identity = |i, key: &mut String| reconcile::write_identity(people, i, key);
    let (places, foreign) = restore_places(
        people.len(),
        person_is,
        identity,
        &Done::Items(&removed),
        staged,
    );
    // The keep list matches people the way the staged set does.
    let none_done = IdSet::default();
    let (kept_places, kept_foreign) = restore_places(
        people.len(),
        person_is,
        identity,
        &Done::Ids(&none_done),
        kept,
    );
    Matched {
        history,
        reconciled,
        unrecorded,
        places,
        foreign,
        kept: kept_places.into_iter().map(|(id, _)| id).collect(),
        kept_foreign,
    }
}

/// A set of identities, hashed by foldhash rather than SipHash: a start looks every
/// person up in the removals in force.
pub type IdSet<'a> = HashSet<&'a str, foldhash::fast::RandomState>;

/// The identities of records in force: removed (withdrawn) and not restored since, as
/// [`done_ids`] finds them in the journal.
fn in_force_ids(records: &[crate::model::history::Record]) -> IdSet<'_> {
    records.iter().map(|r| r.id.as_str()).collect()
}

/// Identities journaled with `action` (remove or withdraw) and not restored since.
pub fn done_ids(entries: &[JournalEntry], action: JournalAction) -> IdSet<'_> {
    in_force(entries, action)
        .into_iter()
        .map(|e| e.id.as_str())
        .collect()
}
