//! `unconnect reconcile EXPORT [--json]`: what the app does on opening an export, without
//! the screen: check every journaled removal and withdrawal against it, journal what
//! changed, and say so.

use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use crate::app::strings::thousands;
use crate::import;
use crate::model::history::{History, Kind};
use crate::session::{SessionError, reconcile};
use crate::store::{DataDir, Journal, StoreError};
use crate::text_safety::{escape, json_safe};

#[derive(Debug, thiserror::Error)]
pub enum ReconcileError {
    #[error(transparent)]
    Session(#[from] SessionError),
    #[error(
        "{0}: cannot tell when this export was taken (no _MM-DD-YYYY in its name, no file times), so nothing was checked"
    )]
    NoDate(String),
    #[error(
        "{0}: no date in its name, and it lists exactly the people of an export removals were made from: a copy of it (its files' times are the copy's), so nothing was checked"
    )]
    KnownCopy(String),
    #[error(
        "{path}: its name says it was taken on {day}, later than today ({today}); not believed, so nothing was checked"
    )]
    FutureDate {
        path: String,
        day: chrono::NaiveDate,
        today: chrono::NaiveDate,
    },
}

impl From<StoreError> for ReconcileError {
    fn from(e: StoreError) -> Self {
        ReconcileError::Session(e.into())
    }
}

/// The summary `--json` prints: totals in force after the check, and what it changed.
#[derive(Debug, Serialize)]
pub struct Summary {
    pub export_date: String,
    pub removed: usize,
    pub verified: usize,
    pub still_connected: usize,
    pub done: usize,
    pub to_do: usize,
    pub withdrawn: usize,
    pub withdrawal_verified: usize,
    pub still_pending: usize,
    /// Whether the export had an Invitations.csv to check withdrawals against.
    pub checked_withdrawals: bool,
    pub newly_verified: usize,
    pub newly_still_connected: usize,
    pub newly_withdrawal_verified: usize,
    pub newly_still_pending: usize,
    /// Removals and withdrawals made after the export was taken: it says nothing of them.
    pub too_recent: usize,
}

/// Checks and records; returns the text (or JSON) to print.
pub fn run(
    export_path: &Path,
    data_dir: &Path,
    json: bool,
    today: chrono::NaiveDate,
) -> Result<String, ReconcileError> {
    let export = import::load(export_path).map_err(SessionError::from)?;
    let data = DataDir::open_locked(data_dir)?;
    let (mut journal, recovery) = Journal::open(&data.journal_path())?;
    if let Some(message) = recovery.message() {
        eprintln!("unconnect: warning: {}", escape(&message));
    }
    let mut history = crate::store::journal::history(journal.entries());
    let reconciled = reconcile::reconcile(&mut journal, &mut history, &export, today)?;
    if reconciled.known_copy {
        return Err(ReconcileError::KnownCopy(
            escape(&export_path.display().to_string()).into_owned(),
        ));
    }
    if let Some(day) = reconciled.future_date {
        return Err(ReconcileError::FutureDate {
            path: escape(&export_path.display().to_string()).into_owned(),
            day,
            today,
        });
    }
    let Some(date) = reconciled.export_date else {
        return Err(ReconcileError::NoDate(
            escape(&export_path.display().to_string()).into_owned(),
        ));
    };
    let summary = summarise(&history, &reconciled, date.day);
    tracing::info!(
        removed = summary.removed,
        verified = summary.verified,
        still_connected = summary.still_connected,
        withdrawn = summary.withdrawn,
        "reconciled"
    );
    Ok(if json {
        // Plain strings and numbers: serialising cannot fail.
        json_safe(&serde_json::to_string_pretty(&summary).unwrap_or_default()).into_owned() + "\n"
    } else {
        text(
            &summary,
            crate::app::strings::verification_summary(&reconciled.verification),
        )
    })
}

fn summarise(history: &History, r: &reconcile::Reconciled, day: chrono::NaiveDate) -> Summary {
    let removals = history.progress(Kind::Removal);
    let withdrawals = history.progress(Kind::Withdrawal);
    let v = &r.verification;
    Summary {
        export_date: day.to_string(),
        removed: removals.total,
        verified: removals.verified,
        still_connected: removals.still_there,
        done: removals.done,
        to_do: removals.to_do + removals.opened,
        withdrawn: withdrawals.total,
        withdrawal_verified: withdrawals.verified,
        still_pending: withdrawals.still_there,
        checked_withdrawals: r.checked_withdrawals,
        newly_verified: v.removals_verified,
        newly_still_connected: v.removals_still_connected,
        newly_withdrawal_verified: v.withdrawals_verified,
        newly_still_pending: v.withdrawals_still_pending,
        too_recent: v.too_recent,
    }
}

fn text(s: &Summary, changed: Option<String>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "export taken: {}", s.export_date);
    let _ = writeln!(
        out,
        "removed:      {} ({} verified, {} still connected, {} done, {} to do)",
        thousands(s.removed),
        thousands(s.verified),
        thousands(s.still_connected),
        thousands(s.done),
        thousands(s.to_do)
    );
    let withdrawals = if s.checked_withdrawals {
        String::new()
    } else {
        " (no Invitations.csv in this export: not checked)".to_owned()
    };
    let _ = writeln!(
        out,
        "withdrawn:    {} ({} verified, {} still pending){withdrawals}",
        thousands(s.withdrawn),
        thousands(s.withdrawal_verified),
        thousands(s.still_pending)
    );
    if s.too_recent > 0 {
        let _ = writeln!(
            out,
            "not checked:  {} made after this export was taken",
            thousands(s.too_recent)
        );
    }
    let _ = writeln!(
        out,
        "{}",
        changed.map_or_else(
            || "Nothing changed since the last export checked.".to_owned(),
            |c| format!("{c} (recorded in the journal).")
        )
    );
    out
}
