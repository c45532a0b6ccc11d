//! Opening a triage session: find and load the export, lock the data folder, replay the
//! journal and restore the staged set. Everything that can fail does so here, before the
//! terminal is touched, so errors are plain one-line messages.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::error::ImportError;
use crate::import::{self, Export};
use crate::model::roster::people_triage;
use crate::model::triage::Place;
use crate::model::{Direction, People, Person, PersonId};
use crate::store::staged::{StagedEntry, StagedStore};
use crate::store::{DataDir, Journal, JournalAction, JournalEntry, StoreError};
use crate::ui::App;

#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error(transparent)]
    Import(#[from] ImportError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(
        "no LinkedIn export in {0}. Download yours: LinkedIn > Settings > Data privacy > Get a copy of your data; then run `unconnect PATH` with the zip, the unzipped folder or Connections.csv"
    )]
    NoExport(String),
}

/// What the event loop needs to carry out effects.
pub struct Store {
    pub data_dir: DataDir,
    pub journal: Journal,
    pub staged: StagedStore<Person>,
}

pub struct Session {
    pub app: App,
    pub store: Store,
}

pub struct Options<'a> {
    pub path: Option<&'a Path>,
    pub invitations: Option<&'a Path>,
    pub data_dir: &'a Path,
    pub today: NaiveDate,
}

pub fn open(options: &Options) -> Result<Session, SessionError> {
    let path = match options.path {
        Some(p) => p.to_path_buf(),
        None => find_export(Path::new("."))?,
    };
    let data_dir = DataDir::open_locked(options.data_dir)?;
    let export = import::load_with(&path, options.invitations)?;
    let (journal, recovery) = Journal::open(&data_dir.journal_path())?;
    let (mut staged, staged_entries) = StagedStore::load(&data_dir.staged_path("connections"))?;

    let Export {
        people,
        report,
        invitations,
        ..
    } = export;
    let removed = removed_ids(journal.entries());
    let by_identity: HashMap<Cow<str>, u32> = people
        .ids()
        .map(|id| (people.get(id).identity(), id.0))
        .collect();
    let mut places = Vec::new();
    let mut removed_here = 0;
    for (identity, &id) in &by_identity {
        if removed.contains(identity.as_ref()) {
            places.push((id, Place::Done));
            removed_here += 1;
        }
    }
    let mut foreign = Vec::new();
    let mut restored = 0;
    for entry in staged_entries {
        match by_identity.get(entry.id.as_str()) {
            Some(&id) if !removed.contains(entry.id.as_str()) => {
                places.push((id, Place::Right));
                restored += 1;
            }
            Some(_) => {} // removed since it was staged: nothing left to do
            None => foreign.push(entry),
        }
    }
    staged.set_foreign(foreign);
    drop(by_identity);

    let mut triage = people_triage(&people);
    triage.restore(places);
    let mut app = App::new(people, triage, options.today);

    let mut status = format!(
        "Loaded {} connections from {} ({} hidden, {} duplicates merged",
        report.people, report.file, report.hidden, report.duplicates
    );
    let problems = report.skipped.len() + report.warnings.len();
    if problems > 0 {
        status.push_str(&format!(", {problems} warnings: see `unconnect check`"));
    }
    status.push(')');
    if restored > 0 {
        status.push_str(&format!(". Restored {restored} staged from last time"));
    }
    if removed_here > 0 {
        status.push_str(&format!(". {removed_here} already removed"));
    }
    match recovery.message() {
        Some(m) => app.warn(m),
        None if problems > 0 => app.warn(status),
        None => app.info(status),
    }
    app.invitations_note = invitations_note(&app.people, invitations.as_ref());
    app.history_note = history_note(journal.entries(), &data_dir);
    Ok(Session {
        app,
        store: Store {
            data_dir,
            journal,
            staged,
        },
    })
}

/// Identities removed per the journal, minus those restored afterwards.
pub fn removed_ids(entries: &[JournalEntry]) -> HashSet<&str> {
    let mut removed = HashSet::new();
    for e in entries {
        match e.action {
            JournalAction::Remove => {
                removed.insert(e.id.as_str());
            }
            JournalAction::Restore => {
                removed.remove(e.id.as_str());
            }
            JournalAction::Withdraw => {}
        }
    }
    removed
}

/// With no path: the export in the current folder (Connections.csv, or the newest
/// LinkedIn export zip, or an unzipped export folder).
fn find_export(dir: &Path) -> Result<PathBuf, SessionError> {
    let not_found = || SessionError::NoExport(dir.display().to_string());
    let entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|_| not_found())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    let name = |p: &PathBuf| {
        p.file_name()
            .map(|n| n.to_string_lossy().to_lowercase())
            .unwrap_or_default()
    };
    if entries.iter().any(|p| name(p) == "connections.csv") {
        return Ok(dir.to_path_buf());
    }
    let newest = |candidates: Vec<&PathBuf>| {
        candidates
            .into_iter()
            .max_by_key(|p| p.metadata().and_then(|m| m.modified()).ok())
            .cloned()
    };
    let zips = entries
        .iter()
        .filter(|p| {
            let n = name(p);
            n.ends_with(".zip") && n.contains("linkedindataexport")
        })
        .collect();
    if let Some(zip) = newest(zips) {
        return Ok(zip);
    }
    let folders = entries
        .iter()
        .filter(|p| p.is_dir() && name(p).contains("linkedindataexport"))
        .collect();
    newest(folders).ok_or_else(not_found)
}

fn invitations_note(people: &People, invitations: Option<&import::Invitations>) -> String {
    match invitations {
        None => "No Invitations.csv in this export.\n\nTo withdraw pending invitations, request \
                 your data from LinkedIn (Settings > Data privacy > Get a copy of your data) \
                 with Invitations included, and open the whole export folder or zip."
            .to_owned(),
        Some(inv) => {
            let pending = import::join::invitee_is_connection(people, &inv.list)
                .iter()
                .zip(&inv.list)
                .filter(|(c, i)| !**c && i.direction == Direction::Outgoing)
                .count();
            format!(
                "{} invitations read from {}: {} sent, {} received; {pending} sent invitations \
                 are to people who are not connections (probably pending).\n\n\
                 Withdrawing them from this screen is not built yet: it comes in a later version.",
                inv.list.len(),
                inv.report.file,
                inv.report.outgoing,
                inv.report.incoming,
            )
        }
    }
}

fn history_note(entries: &[JournalEntry], data_dir: &DataDir) -> String {
    let removed = removed_ids(entries).len();
    format!(
        "{removed} people removed so far, recorded in {}.\n\n\
         `unconnect export removed -o removed.csv` writes them to a CSV file with the date of \
         each removal. Browsing and restoring them here comes in a later version.",
        data_dir.journal_path().display()
    )
}

/// The staged entries to save: everyone in the right column.
pub fn staged_entries(app: &App) -> impl Iterator<Item = StagedEntry<Person>> + '_ {
    app.triage.ids_in(Place::Right).map(|id| {
        let p = app.people.get(PersonId(id));
        StagedEntry {
            id: p.identity().into_owned(),
            item: p.to_person(),
        }
    })
}
