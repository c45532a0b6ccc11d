//! `unconnect export removed|staged [-o FILE] [--excel]`: the journal or the staged set as
//! CSV, in LinkedIn's columns. Reads the data folder without locking or changing it.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::Path;

use chrono::NaiveDate;

use crate::cli::ExportList;
use crate::model::Person;
use crate::store::export::Table;
use crate::store::{DataDir, Journal, JournalAction, JournalEntry, StoreError, staged};

/// Removed people, oldest removal first, with the local date of their removal. A person
/// restored after removal is not listed; removed twice, the latest removal counts.
pub fn removed_people(entries: &[JournalEntry]) -> Vec<(Person, NaiveDate)> {
    let mut current: HashMap<&str, usize> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        match e.action {
            JournalAction::Remove if e.person.is_some() => {
                current.insert(&e.id, i);
            }
            JournalAction::Restore => {
                current.remove(e.id.as_str());
            }
            _ => {}
        }
    }
    let mut order: Vec<usize> = current.into_values().collect();
    order.sort_unstable();
    order
        .into_iter()
        .filter_map(|i| {
            let e = &entries[i];
            e.person.clone().map(|p| (p, e.at.date_naive()))
        })
        .collect()
}

pub fn table(which: ExportList, data_dir: &DataDir) -> Result<Table, StoreError> {
    Ok(match which {
        ExportList::Removed => {
            let entries = Journal::read(&data_dir.journal_path())?;
            let removed = removed_people(&entries);
            Table::of_people(removed.iter().map(|(p, d)| (p, Some(*d))), true)
        }
        ExportList::Staged => {
            let entries = staged::read::<Person>(&data_dir.staged_path("connections"))?;
            Table::of_people(entries.iter().map(|e| (&e.item, None)), false)
        }
    })
}

/// Writes the export; returns how many rows were written.
pub fn run(
    which: ExportList,
    data_dir: &Path,
    output: Option<&Path>,
    excel: bool,
) -> Result<usize, StoreError> {
    let table = table(which, &DataDir::open_read_only(data_dir))?;
    match output {
        Some(path) => table.save(path, excel).map_err(StoreError::io(path))?,
        None => {
            let mut out = io::stdout().lock();
            table
                .write_to(&mut out, excel)
                .and_then(|()| out.flush())
                .map_err(StoreError::io("standard output"))?;
        }
    }
    Ok(table.rows.len())
}
