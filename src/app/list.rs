//! The lists the app triages in two columns. What differs between them (titles, verbs,
//! the journal action, the staged file, how an item is named) is data in [`ListSpec`]
//! and [`Items`], so a new list is one more spec and one more kind of items, not a match
//! in every file.

use std::sync::Arc;

use chrono::NaiveDate;

use super::action::{Action, Tab};
use crate::model::history::{self, Record};
use crate::model::pending::Pending;
use crate::model::triage::Triage;
use crate::model::{InvitationRules, People, PersonId};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListKind {
    Connections,
    Invitations,
    /// The History tab: removals in force, to work through on LinkedIn.
    Removed,
    /// The History tab: withdrawals in force.
    Withdrawn,
}

/// Everything that tells one list from another, as words and names.
#[derive(Debug)]
pub struct ListSpec {
    pub kind: ListKind,
    pub tab: Tab,
    /// Column titles: left, right.
    pub titles: [&'static str; 2],
    /// The button and dialog verb: "Remove".
    pub verb: &'static str,
    /// "Removing", for the status line while the journal is written.
    pub doing: &'static str,
    /// "Removed", for "Removed 3 (recorded in the journal)".
    pub past: &'static str,
    /// "removed", for "nothing was removed".
    pub done: &'static str,
    /// Singular and plural of what is listed.
    pub noun: [&'static str; 2],
    /// The key action that opens the confirm dialog.
    pub confirm_action: Action,
    /// The staged-set file in the data folder: `staged-{file_name}.jsonl`.
    pub file_name: &'static str,
    /// What the `e` prompt proposes: `unconnect-{export_stem}-DATE.csv`.
    pub export_stem: &'static str,
    /// What the status line says once the journal holds the batch.
    pub recorded: &'static str,
    /// What the two columns say when empty: left, right.
    pub empty: [&'static str; 2],
    /// One column across the tab (History), not two to move rows between.
    pub single: bool,
}

pub static CONNECTIONS: ListSpec = ListSpec {
    kind: ListKind::Connections,
    tab: Tab::Connections,
    titles: ["Connections", "To remove"],
    verb: "Remove",
    doing: "Removing",
    past: "Removed",
    done: "removed",
    noun: ["connection", "connections"],
    confirm_action: Action::Remove,
    file_name: "connections",
    export_stem: "staged",
    recorded: "Now remove them on LinkedIn, which has no API: the History tab (3) opens each in turn with Enter.",
    empty: [
        "Nobody left here: everyone is staged or removed.",
        "Nobody staged yet. Space marks a row, Enter moves it here; a click moves it too.",
    ],
    single: false,
};

pub static INVITATIONS: ListSpec = ListSpec {
    kind: ListKind::Invitations,
    tab: Tab::Invitations,
    titles: ["Pending", "To withdraw"],
    verb: "Withdraw",
    doing: "Withdrawing",
    past: "Withdrew",
    done: "withdrawn",
    noun: ["invitation", "invitations"],
    confirm_action: Action::Withdraw,
    file_name: "invitations",
    export_stem: "to-withdraw",
    recorded: "Now withdraw them on LinkedIn too (My Network > Manage > Sent); the History tab keeps count.",
    empty: [
        "No pending invitations: every invitation you sent was accepted or withdrawn.",
        "Nothing to withdraw yet. Space marks a row, Enter moves it here; a click moves it too.",
    ],
    single: false,
};

pub static REMOVED: ListSpec = ListSpec {
    kind: ListKind::Removed,
    tab: Tab::History,
    titles: ["Removed", ""],
    verb: "Restore",
    doing: "Restoring",
    past: "Restored",
    done: "restored",
    noun: ["connection", "connections"],
    confirm_action: Action::Restore,
    file_name: "removed",
    export_stem: "removed",
    recorded: "They are back among your connections here; on LinkedIn a new invitation is needed, which they will see.",
    empty: [
        "Nobody removed yet. Removals you confirm on the Connections tab appear here, to work through on LinkedIn one by one.",
        "",
    ],
    single: true,
};

pub static WITHDRAWN: ListSpec = ListSpec {
    kind: ListKind::Withdrawn,
    tab: Tab::History,
    titles: ["Withdrawn", ""],
    verb: "Restore",
    doing: "Restoring",
    past: "Restored",
    done: "restored",
    noun: ["invitation", "invitations"],
    confirm_action: Action::Restore,
    file_name: "withdrawn",
    export_stem: "withdrawn",
    recorded: "They are pending again here; on LinkedIn, send a new invitation once the wait is over.",
    empty: [
        "No invitation withdrawn yet. Withdrawals you confirm on the Invitations tab appear here.",
        "",
    ],
    single: true,
};

impl ListKind {
    pub const ALL: [ListKind; 4] = [
        ListKind::Connections,
        ListKind::Invitations,
        ListKind::Removed,
        ListKind::Withdrawn,
    ];

    pub fn spec(self) -> &'static ListSpec {
        match self {
            ListKind::Connections => &CONNECTIONS,
            ListKind::Invitations => &INVITATIONS,
            ListKind::Removed => &REMOVED,
            ListKind::Withdrawn => &WITHDRAWN,
        }
    }

    /// The History list of a kind of record.
    pub fn of_history(kind: history::Kind) -> ListKind {
        match kind {
            history::Kind::Removal => ListKind::Removed,
            history::Kind::Withdrawal => ListKind::Withdrawn,
        }
    }

    /// The kind of record a History list holds.
    pub fn history_kind(self) -> Option<history::Kind> {
        match self {
            ListKind::Removed => Some(history::Kind::Removal),
            ListKind::Withdrawn => Some(history::Kind::Withdrawal),
            _ => None,
        }
    }

    /// "connection" or "connections".
    pub fn noun(self, n: usize) -> &'static str {
        self.spec().noun[usize::from(n != 1)]
    }
}

/// What a list's ids point at.
pub enum Items {
    /// Shared with the threads that sort and save them.
    People(Arc<People>),
    Invitations {
        pending: Pending,
        rules: InvitationRules,
    },
    /// Journaled removals or withdrawals in force, newest first (History).
    Records(Vec<Record>),
}

impl Items {
    /// Display name of an item.
    pub fn name(&self, id: u32) -> String {
        match self {
            Items::People(people) => people.get(PersonId(id)).full_name(),
            Items::Invitations { pending, .. } => pending.items[id as usize].to.clone(),
            Items::Records(records) => records[id as usize].name(),
        }
    }

    /// The profile URL of an item, empty when the export has none.
    pub fn url(&self, id: u32) -> String {
        match self {
            Items::People(people) => people.get(PersonId(id)).url.to_string(),
            Items::Invitations { pending, .. } => pending.items[id as usize].invitee_url.clone(),
            Items::Records(records) => records[id as usize].url().to_owned(),
        }
    }

    /// What the confirm dialog adds after the names: the consequence of saying yes.
    /// `rules` are the invitation rules in force (the re-invite date).
    pub fn consequence(&self, today: NaiveDate, rules: &InvitationRules) -> String {
        match self {
            Items::Records(records) => match records.first().map(|r| r.kind) {
                Some(history::Kind::Withdrawal) => format!(
                    "They return as pending here. LinkedIn lets you invite them again after {}; \
                     they will see that invitation.",
                    rules
                        .may_reinvite_after(today)
                        .format(crate::model::person::LINKEDIN_DATE)
                ),
                _ => "They return to your connections here. On LinkedIn a new invitation is \
                      needed, and they will see it."
                    .to_owned(),
            },
            Items::People(_) => {
                "They will not be notified. Only you can reconnect with them later.".to_owned()
            }
            Items::Invitations { .. } => format!(
                "They will not be notified. You can invite them again after {}.",
                rules
                    .may_reinvite_after(today)
                    .format(crate::model::person::LINKEDIN_DATE)
            ),
        }
    }
}

/// One triaged list: its spec, its items and the two columns' state.
pub struct TriageList {
    pub spec: &'static ListSpec,
    pub items: Items,
    pub triage: Triage,
}

impl TriageList {
    pub fn kind(&self) -> ListKind {
        self.spec.kind
    }
}
