//! `unconnect export removed|staged [-o FILE] [--excel]`: the journal or the staged set as
//! CSV, in LinkedIn's columns. Reads the data folder without locking or changing it.

use std::collections::{HashMap, HashSet};
use std::io::{self, IsTerminal, Write};
use std::path::Path;

use chrono::NaiveDate;

use crate::cli::ExportList;
use crate::import;
use crate::model::{Identity, Invitation, InvitationRules, Person};
use crate::store::export::Table;
use crate::store::journal::in_force;
use crate::store::staged::{IdList, StagedSet};
use crate::store::{DataDir, Journal, JournalAction, JournalEntry, StoreError, staged};
use crate::text_safety::escape;

/// Removed people with the local date of their removal.
pub fn removed_people(entries: &[JournalEntry]) -> Vec<(&Person, NaiveDate)> {
    in_force(entries, JournalAction::Remove)
        .into_iter()
        .filter_map(|e| e.person.as_deref().map(|p| (p, e.at.date_naive())))
        .collect()
}

/// Withdrawn invitations with the local date of their withdrawal.
pub fn withdrawn_invitations(entries: &[JournalEntry]) -> Vec<(&Invitation, NaiveDate)> {
    in_force(entries, JournalAction::Withdraw)
        .into_iter()
        .filter_map(|e| e.invitation.as_deref().map(|inv| (inv, e.at.date_naive())))
        .collect()
}

pub fn table(
    which: ExportList,
    data_dir: &DataDir,
    rules: &InvitationRules,
) -> Result<Table, StoreError> {
    Ok(match which {
        ExportList::Removed => {
            let entries = Journal::read(&data_dir.journal_path())?;
            let removed = removed_people(&entries);
            Table::of_people(removed.iter().map(|(p, d)| (*p, Some(*d))), true)
        }
        ExportList::Staged | ExportList::Kept => {
            let path = if which == ExportList::Kept {
                data_dir.kept_path()
            } else {
                data_dir.staged_path("connections")
            };
            let (set, damaged) = staged::read_checked::<Person>(&path)?;
            if !damaged.is_empty() {
                // Read-only here: the app sets the damaged lines aside on its next start.
                eprintln!(
                    "unconnect: warning: {}: {} damaged line(s) skipped ({:?}); the rest is exported",
                    escape(&path.display().to_string()),
                    damaged.len(),
                    damaged
                );
            }
            let people = staged_people(set);
            Table::of_people(people.iter().map(|p| (p, None)), false)
        }
        ExportList::Withdrawn => {
            let entries = Journal::read(&data_dir.journal_path())?;
            let withdrawn = withdrawn_invitations(&entries);
            Table::of_invitations(
                withdrawn
                    .iter()
                    .map(|(inv, on)| (*inv, Some((*on, rules.may_reinvite_after(*on))))),
                true,
            )
        }
    })
}

/// The staged (or kept) people with their fields. Those saved by identity alone are
/// looked up in the export they were staged from; when it is gone or no longer has them,
/// the row says only what the identity does, and a warning says how many.
pub fn staged_people(set: StagedSet<Person>) -> Vec<Person> {
    let mut people = Vec::with_capacity(set.len());
    let mut unknown = 0;
    for group in set.groups {
        let found = group
            .export
            .as_deref()
            .and_then(|export| fields_of(Path::new(export), &group.ids));
        let mut found = found.unwrap_or_default();
        for id in &group.ids {
            people.push(found.remove(id).unwrap_or_else(|| {
                unknown += 1;
                from_identity(id)
            }));
        }
    }
    if unknown > 0 {
        eprintln!(
            "unconnect: warning: {unknown} staged people are not in the export they were \
             staged from (moved or replaced?): only their profile URL (or name) is exported"
        );
    }
    people.extend(set.entries.into_iter().map(|e| e.item));
    people
}

/// The fields of the people with these identities in `export`; `None` if it cannot be
/// read.
fn fields_of(export: &Path, ids: &IdList) -> Option<HashMap<String, Person>> {
    let export = import::load(export).ok()?;
    let wanted: HashSet<&str> = ids.iter().collect();
    let mut found = HashMap::new();
    for id in export.people.ids() {
        let p = export.people.get(id);
        let identity = p.identity();
        if wanted.contains(identity.as_ref()) {
            found.insert(identity.to_string(), p.to_person());
        }
    }
    Some(found)
}

/// A row from an identity alone: a profile URL, or the name and e-mail of one without.
fn from_identity(id: &str) -> Person {
    match Identity::from(id).name_and_email() {
        Some((name, email)) => Person {
            first_name: name.to_owned(),
            email: email.to_owned(),
            ..Default::default()
        },
        None => Person {
            url: id.to_owned(),
            ..Default::default()
        },
    }
}

/// Writes the export; returns how many rows were written.
pub fn run(
    which: ExportList,
    data_dir: &Path,
    rules: &InvitationRules,
    output: Option<&Path>,
    excel: bool,
) -> Result<usize, StoreError> {
    let table = table(which, &DataDir::open_read_only(data_dir)?, rules)?;
    if let Some(path) = output {
        table.save(path, excel).map_err(StoreError::io(path))?;
    } else {
        let mut out = io::stdout().lock();
        let to_terminal = out.is_terminal();
        write_stdout(&table, &mut out, excel, to_terminal)
            .and_then(|()| out.flush())
            .map_err(StoreError::io("standard output"))?;
    }
    tracing::info!(list = ?which, rows = table.rows.len(), to_file = output.is_some(), "exported");
    Ok(table.rows.len())
}

/// Standard output: a terminal gets control characters shown as visible stand-ins (a
/// name in the export must not act on it); a file or a pipe gets the CSV byte for byte.
pub fn write_stdout(
    table: &Table,
    out: &mut dyn Write,
    excel: bool,
    to_terminal: bool,
) -> io::Result<()> {
    if to_terminal {
        table.write_visible(out, excel)
    } else {
        table.write_to(out, excel)
    }
}
