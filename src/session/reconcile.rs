//! Checking the journal's removals and withdrawals against an export: who is gone
//! (verified), who is still there. Used when the app opens an export and by
//! `unconnect reconcile`; what it finds is journaled, once.

use std::path::Path;

use crate::import::Export;
use crate::model::hash::TextTable;
use crate::model::history::{self, ExportDate, History, Kind, Record, Verification};
use crate::model::invitee::invitee_is_connection;
use crate::model::{Direction, Identity, Invitation, People, PersonId};
use crate::store::journal::{self, ReadJournal, verification_entries};
use crate::store::{Journal, StoreError};

/// What checking an export found and recorded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reconciled {
    /// When the export was taken; `None` when neither its name nor its files say, and
    /// then nothing was checked.
    pub export_date: Option<ExportDate>,
    /// What changed (only that is journaled) and the counts for the status line.
    pub verification: Verification,
    /// Whether the export had an Invitations.csv to check withdrawals against.
    pub checked_withdrawals: bool,
    /// The export's name gives a day later than today: not believed, nothing checked.
    pub future_date: Option<chrono::NaiveDate>,
    /// Undated by name, it holds exactly the people of an export removals were made
    /// from: a copy (its files' times are the copy's), so nothing was checked.
    pub known_copy: bool,
}

/// The journal read and replayed into the history that [`reconcile`] checks, nothing
/// changed on disk: opening a session does this while the export loads, and opens the
/// journal with [`ReadJournal::open`] once it has. `lean`: without the people, which
/// [`ReadJournal::people_lines`] reads back (a million removals' fields cost a second).
pub fn read_history(path: &Path, lean: bool) -> Result<(ReadJournal, History), StoreError> {
    let journal = if lean {
        Journal::read_to_open_lean(path)?
    } else {
        Journal::read_to_open(path)?
    };
    let history = journal::history(journal.entries());
    Ok((journal, history))
}

/// Writes person `i`'s identity (see [`crate::model::Person::identity`]) into `key`
/// without allocating for the usual case, a profile URL.
pub(super) fn write_identity(people: &People, i: u32, key: &mut String) {
    people.get(PersonId(i)).write_identity(key);
}

/// Checks `history` against the export's people and (when it has them) invitations.
/// Pure: nothing is written.
pub fn check(
    history: &History,
    people: &People,
    invitations: Option<&[Invitation]>,
    export_date: &ExportDate,
) -> Verification {
    let removal_of = removals_of(&history.removals, people);
    check_with(history, &removal_of, people, invitations, export_date)
}

/// [`check`], given each person's removal in force (see [`removals_of`]).
fn check_with(
    history: &History,
    removal_of: &[Option<u32>],
    people: &People,
    invitations: Option<&[Invitation]>,
    export_date: &ExportDate,
) -> Verification {
    let present = still_connected(&history.removals, removal_of);
    // Still pending: sent, and the invitee is not a connection (an accepted invitation
    // is no longer pending, whatever the file keeps). Only worked out when there are
    // withdrawals to check: it compares every invitee with every connection.
    let pending: Option<foldhash::HashSet<Identity>> = invitations
        .filter(|_| !history.withdrawals.is_empty())
        .map(|list| {
            let connected = invitee_is_connection(people, list);
            list.iter()
                .zip(connected)
                .filter(|(inv, connected)| inv.direction == Direction::Outgoing && !connected)
                .map(|(inv, _)| inv.identity())
                .collect()
        });
    history::verify(history, export_date, |kind, i| match kind {
        Kind::Removal => Some(present[i]),
        Kind::Withdrawal => pending
            .as_ref()
            .map(|p| p.contains(history.withdrawals[i].id.as_str())),
    })
}

/// For each person of the export, the removal in force that names them, if one does: one
/// table of the removals' identities, the people looked up in it in parts across the
/// cores, each part with its own reused key buffer (no key is allocated per person).
pub fn removals_of(removals: &[Record], people: &People) -> Vec<Option<u32>> {
    use rayon::prelude::*;
    let mut removal = vec![None; people.len()];
    if removals.is_empty() {
        return removal;
    }
    let mut table = TextTable::with_capacity(removals.len());
    for (i, r) in removals.iter().enumerate() {
        table.find_or_insert(&r.id, |j| removals[j as usize].id == r.id, i as u32);
    }
    removal
        .par_chunks_mut(PART)
        .enumerate()
        .for_each(|(part, found)| {
            let mut key = String::new();
            let first = part * PART;
            for (k, found) in found.iter_mut().enumerate() {
                key.clear();
                write_identity(people, (first + k) as u32, &mut key);
                *found = table.find(&key, |j| removals[j as usize].id == key);
            }
        });
    removal
}

/// People looked up per part in [`removals_of`].
const PART: usize = 1 << 16;

/// For each removal, whether the export still lists the person.
fn still_connected(removals: &[Record], removal_of: &[Option<u32>]) -> Vec<bool> {
    let mut present = vec![false; removals.len()];
    for &j in removal_of.iter().flatten() {
        present[j as usize] = true;
    }
    present
}

/// Checks `history` (the journal's, see [`journal::history`]) against `export` and
/// appends what changed, as one batch, durably; `history` is then updated to match. On
/// an error nothing of it is recorded (the journal's batches are all or nothing) and
/// `history` is unchanged.
pub fn reconcile(
    journal: &mut Journal,
    history: &mut History,
    export: &Export,
    today: chrono::NaiveDate,
) -> Result<Reconciled, StoreError> {
    let removal_of = removals_of(&history.removals, &export.people);
    reconcile_with(journal, history, export, today, &removal_of)
}

/// [`reconcile`], given each person's removal in force in `history` (see
/// [`removals_of`]): opening a session works that out once, for this and for putting
/// the removed aside.
pub(super) fn reconcile_with(
    journal: &mut Journal,
    history: &mut History,
    export: &Export,
    today: chrono::NaiveDate,
    removal_of: &[Option<u32>],
) -> Result<Reconciled, StoreError> {
    let Some(export_date) = export.export_date else {
        return Ok(Reconciled::default());
    };
    // A name dated after today is a renamed folder or a wrong clock, not evidence: it
    // would make "still connected" stick against every real export until that day.
    if export_date.taken.is_none() && export_date.day > today {
        return Ok(Reconciled {
            future_date: Some(export_date.day),
            ..Reconciled::default()
        });
    }
    let invitations = export.invitations.as_ref().map(|i| i.list.as_slice());
    let verification = check_with(
        history,
        removal_of,
        &export.people,
        invitations,
        &export_date,
    );
    // Only when it would change something: reopening the very export the removals were
    // made from (its own older file times) finds nothing and needs no word.
    if !export.dated_by_name
        && !verification.findings.is_empty()
        && is_known(journal.entries(), &export.people)
    {
        return Ok(Reconciled {
            known_copy: true,
            ..Reconciled::default()
        });
    }
    let at = journal::now();
    let entries = verification_entries(&verification.findings, &export_date, at);
    journal.append(entries)?;
    history.apply(&verification.findings, &export_date, at);
    tracing::info!(
        findings = verification.findings.len(),
        too_recent = verification.too_recent,
        "checked the journal against the export"
    );
    Ok(Reconciled {
        export_date: Some(export_date),
        verification,
        checked_withdrawals: invitations.is_some(),
        future_date: None,
        known_copy: false,
    })
}

/// Whether removals were made from an export with exactly these people (journals
/// written before fingerprints were recorded know none).
pub(super) fn is_known(entries: &[journal::JournalEntry], people: &People) -> bool {
    let mut known = entries
        .iter()
        .filter_map(|e| e.fingerprint.as_deref())
        .peekable();
    if known.peek().is_none() {
        return false;
    }
    let this = crate::model::fingerprint::of_people(people);
    known.any(|f| *f == this)
}

#[cfg(test)]
mod differential_tests;
