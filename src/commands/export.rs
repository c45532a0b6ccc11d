//! `unconnect export removed|staged [-o FILE] [--excel]`: the journal or the staged set as
//! CSV, in LinkedIn's columns. Reads the data folder without locking or changing it.

use std::io::{self, IsTerminal, Write};
use std::path::Path;

use chrono::NaiveDate;

use crate::cli::ExportList;
use crate::model::{Invitation, InvitationRules, Person};
use crate::store::export::Table;
use crate::store::journal::in_force;
use crate::store::{DataDir, Journal, JournalAction, JournalEntry, StoreError, staged};

/// Removed people with the local date of their removal.
pub fn removed_people(entries: &[JournalEntry]) -> Vec<(&Person, NaiveDate)> {
    in_force(entries, JournalAction::Remove)
        .into_iter()
        .filter_map(|e| e.person.as_ref().map(|p| (p, e.at.date_naive())))
        .collect()
}

/// Withdrawn invitations with the local date of their withdrawal.
pub fn withdrawn_invitations(entries: &[JournalEntry]) -> Vec<(&Invitation, NaiveDate)> {
    in_force(entries, JournalAction::Withdraw)
        .into_iter()
        .filter_map(|e| e.invitation.as_ref().map(|inv| (inv, e.at.date_naive())))
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
            let (entries, damaged) = staged::read_checked::<Person>(&path)?;
            if !damaged.is_empty() {
                // Read-only here: the app sets the damaged lines aside on its next start.
                eprintln!(
                    "unconnect: warning: {}: {} damaged line(s) skipped ({:?}); the rest is exported",
                    path.display(),
                    damaged.len(),
                    damaged
                );
            }
            Table::of_people(entries.iter().map(|e| (&e.item, None)), false)
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

/// Writes the export; returns how many rows were written.
pub fn run(
    which: ExportList,
    data_dir: &Path,
    rules: &InvitationRules,
    output: Option<&Path>,
    excel: bool,
) -> Result<usize, StoreError> {
    let table = table(which, &DataDir::open_read_only(data_dir)?, rules)?;
    match output {
        Some(path) => table.save(path, excel).map_err(StoreError::io(path))?,
        None => {
            let mut out = io::stdout().lock();
            let to_terminal = out.is_terminal();
            write_stdout(&table, &mut out, excel, to_terminal)
                .and_then(|()| out.flush())
                .map_err(StoreError::io("standard output"))?;
        }
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
