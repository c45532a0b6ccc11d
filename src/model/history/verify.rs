//! Checking the records against an export taken later: who is gone (verified), who is
//! still there. Only findings that change a status are returned, to be journaled.

use std::sync::Arc;

use chrono::{DateTime, FixedOffset};

use super::{Event, ExportDate, History, JournalAction, Kind};
use crate::model::Identity;

/// One finding of a check against an export, to be journaled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub kind: Kind,
    pub id: Identity,
    /// `true`: absent from the export (verified); `false`: still there.
    pub gone: bool,
}

impl Finding {
    /// What the journal records of it.
    pub fn action(&self) -> JournalAction {
        JournalAction::of_finding(self.kind, self.gone)
    }

    /// The finding as an event of a check against `export`, stamped `at`, in `batch`.
    pub fn event<'a>(
        &'a self,
        export: &ExportDate,
        at: DateTime<FixedOffset>,
        batch: &'a Arc<str>,
    ) -> Event<'a> {
        Event {
            export: Some(*export),
            ..Event::new(at, batch, &self.id, self.action())
        }
    }
}

/// What checking a history against an export found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Verification {
    /// Only what changes a status: nothing is journaled twice.
    pub findings: Vec<Finding>,
    /// Newly verified, newly still connected / still pending, per kind.
    pub removals_verified: usize,
    pub removals_still_connected: usize,
    pub withdrawals_verified: usize,
    pub withdrawals_still_pending: usize,
    /// Records made after the export was taken: it says nothing about them.
    pub too_recent: usize,
}

/// Checks every record made before `export` was taken: absent (`present` says no) is
/// verified, present is still there. Only findings that change a status are returned.
/// `present(kind, i)` is about the `i`th record of `history`'s list of `kind`; it is
/// `None` when the export has no list of that kind (no Invitations.csv): nothing is said
/// about those records.
pub fn verify(
    history: &History,
    export: &ExportDate,
    mut present: impl FnMut(Kind, usize) -> Option<bool>,
) -> Verification {
    let mut v = Verification::default();
    let removals = history.removals.iter().enumerate();
    for (i, record) in removals.chain(history.withdrawals.iter().enumerate()) {
        if !export.is_after(record.at) {
            v.too_recent += 1;
            continue;
        }
        let Some(is_present) = present(record.kind, i) else {
            continue;
        };
        let finding = Finding {
            kind: record.kind,
            id: record.id.clone(),
            gone: !is_present,
        };
        let event = finding.event(export, now_of(export), &record.batch);
        let after = record.state.after(&event, record.removed_on());
        if after.status == record.state.status {
            continue;
        }
        match (record.kind, finding.gone) {
            (Kind::Removal, true) => v.removals_verified += 1,
            (Kind::Removal, false) => v.removals_still_connected += 1,
            (Kind::Withdrawal, true) => v.withdrawals_verified += 1,
            (Kind::Withdrawal, false) => v.withdrawals_still_pending += 1,
        }
        v.findings.push(finding);
    }
    v
}

/// The time a finding is simulated at (the journal stamps the real one); the rules
/// read only the export's day from a finding.
fn now_of(export: &ExportDate) -> DateTime<FixedOffset> {
    export.taken.unwrap_or_else(|| {
        export
            .day
            .and_hms_opt(0, 0, 0)
            .unwrap_or_default()
            .and_utc()
            .fixed_offset()
    })
}
