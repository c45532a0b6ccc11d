//! What the journal records: one event type, read and written by the store and applied
//! by the History's rules. The action's name is the journal's `action` field.

use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::{ExportDate, Kind};
use crate::model::{Identity, Invitation, Person};

/// What happened to a person (or an invitation), as the journal names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum JournalAction {
    /// A connection the user removed (or is about to, on LinkedIn).
    Remove,
    /// A pending invitation the user withdrew.
    Withdraw,
    /// The user changed their mind about an earlier removal or withdrawal.
    Restore,
    /// The user ticked a removal (or withdrawal) off: done on LinkedIn.
    Done,
    /// The user took that tick back.
    Undone,
    /// Opened in the browser during the work-through.
    Opened,
    /// A removed person absent from a newer export (`export_date` says which).
    Verified,
    /// A removed person present in an export taken after the removal.
    StillConnected,
    /// A withdrawn invitation absent from a newer export's Invitations.csv.
    WithdrawalVerified,
    /// A withdrawn invitation still in an export taken after the withdrawal.
    StillPending,
}

impl JournalAction {
    /// The list a record this action starts belongs to; `None` if it starts none.
    pub fn starts(self) -> Option<Kind> {
        match self {
            JournalAction::Remove => Some(Kind::Removal),
            JournalAction::Withdraw => Some(Kind::Withdrawal),
            _ => None,
        }
    }

    /// For what an export found: the list it is about, and whether the person (the
    /// invitation) was gone from it.
    pub fn finding(self) -> Option<(Kind, bool)> {
        match self {
            JournalAction::Verified => Some((Kind::Removal, true)),
            JournalAction::StillConnected => Some((Kind::Removal, false)),
            JournalAction::WithdrawalVerified => Some((Kind::Withdrawal, true)),
            JournalAction::StillPending => Some((Kind::Withdrawal, false)),
            _ => None,
        }
    }

    /// What an export found about a record of `kind`.
    pub fn of_finding(kind: Kind, gone: bool) -> JournalAction {
        match (kind, gone) {
            (Kind::Removal, true) => JournalAction::Verified,
            (Kind::Removal, false) => JournalAction::StillConnected,
            (Kind::Withdrawal, true) => JournalAction::WithdrawalVerified,
            (Kind::Withdrawal, false) => JournalAction::StillPending,
        }
    }
}

/// One journaled event, as the rules read it: borrowed from the store's entry, whose
/// person (invitation) a record then shares rather than copies.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Event<'a> {
    pub at: DateTime<FixedOffset>,
    pub batch: &'a Arc<str>,
    /// Shared with the record it starts: a replay copies no identity.
    pub id: &'a Identity,
    pub action: JournalAction,
    /// The person as removed (`remove`).
    pub person: Option<&'a Arc<Person>>,
    /// The invitation as withdrawn (`withdraw`).
    pub invitation: Option<&'a Arc<Invitation>>,
    /// The export checked (the verification actions).
    pub export: Option<ExportDate>,
}

impl<'a> Event<'a> {
    /// An event with nothing but its action: a mark, or a restore.
    pub fn new(
        at: DateTime<FixedOffset>,
        batch: &'a Arc<str>,
        id: &'a Identity,
        action: JournalAction,
    ) -> Self {
        Event {
            at,
            batch,
            id,
            action,
            person: None,
            invitation: None,
            export: None,
        }
    }
}
