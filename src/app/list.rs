//! The lists the app triages in two columns, Connections and Invitations. What differs
//! between them as words (titles, verbs, what the status line says) is data in
//! [`ListSpec`]; what differs as data (how an item is named, its URL, what saying yes
//! means) is the [`Items`] of the list. The History tab's lists are its own (see
//! `history_screen`): one column each, no staging.

use std::sync::Arc;

use chrono::NaiveDate;

use super::action::{Action, Tab};
use crate::model::pending::Pending;
use crate::model::triage::Triage;
use crate::model::{InvitationRules, People, PersonId};

/// Which list an id belongs to: the two triaged lists and the History tab's two.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListKind {
    Connections,
    Invitations,
    /// The History tab: removals in force, to work through on LinkedIn.
    Removed,
    /// The History tab: withdrawals in force.
    Withdrawn,
}

/// Everything that tells one triaged list from another, as words and names.
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
    /// The key action that opens the confirm dialog.
    pub confirm_action: Action,
    /// What the `e` prompt proposes: `unconnect-{export_stem}-DATE.csv`.
    pub export_stem: &'static str,
    /// What the status line says once the journal holds the batch.
    pub recorded: &'static str,
    /// What the two columns say when empty: left, right.
    pub empty: [&'static str; 2],
}

pub static CONNECTIONS: ListSpec = ListSpec {
    kind: ListKind::Connections,
    tab: Tab::Connections,
    titles: ["Connections", "To remove"],
    verb: "Remove",
    doing: "Removing",
    past: "Removed",
    done: "removed",
    confirm_action: Action::Remove,
    export_stem: "staged",
    recorded: "Now remove them on LinkedIn, which has no API: the History tab (3) opens each in turn with Enter.",
    empty: [
        "Nobody left here: everyone is staged or removed.",
        "Nobody staged yet. Space marks a row, Enter moves it here; a click moves it too.",
    ],
};

pub static INVITATIONS: ListSpec = ListSpec {
    kind: ListKind::Invitations,
    tab: Tab::Invitations,
    titles: ["Pending", "To withdraw"],
    verb: "Withdraw",
    doing: "Withdrawing",
    past: "Withdrew",
    done: "withdrawn",
    confirm_action: Action::Withdraw,
    export_stem: "to-withdraw",
    recorded: "Now withdraw them on LinkedIn too (My Network > Manage > Sent); the History tab keeps count.",
    empty: [
        "No pending invitations: every invitation you sent was accepted or withdrawn.",
        "Nothing to withdraw yet. Space marks a row, Enter moves it here; a click moves it too.",
    ],
};

impl ListKind {
    pub const ALL: [ListKind; 4] = [
        ListKind::Connections,
        ListKind::Invitations,
        ListKind::Removed,
        ListKind::Withdrawn,
    ];

    /// The words of a triaged list; `None` for the History tab's lists, which have
    /// their own (`HistorySpec`).
    pub fn spec(self) -> Option<&'static ListSpec> {
        match self {
            ListKind::Connections => Some(&CONNECTIONS),
            ListKind::Invitations => Some(&INVITATIONS),
            ListKind::Removed | ListKind::Withdrawn => None,
        }
    }

    /// The History list of a kind of record.
    pub fn of_history(kind: crate::model::history::Kind) -> ListKind {
        match kind {
            crate::model::history::Kind::Removal => ListKind::Removed,
            crate::model::history::Kind::Withdrawal => ListKind::Withdrawn,
        }
    }

    /// The kind of record a History list holds.
    pub fn history_kind(self) -> Option<crate::model::history::Kind> {
        match self {
            ListKind::Removed => Some(crate::model::history::Kind::Removal),
            ListKind::Withdrawn => Some(crate::model::history::Kind::Withdrawal),
            _ => None,
        }
    }

    /// "connection" or "connections".
    pub fn noun(self, n: usize) -> &'static str {
        let [one, many] = match self {
            ListKind::Connections | ListKind::Removed => ["connection", "connections"],
            ListKind::Invitations | ListKind::Withdrawn => ["invitation", "invitations"],
        };
        if n == 1 { one } else { many }
    }
}

/// What a triaged list's ids point at.
pub trait Items {
    /// Display name of an item.
    fn name(&self, id: u32) -> String;
    /// The profile URL of an item, empty when the export has none.
    fn url(&self, id: u32) -> String;
    /// What the confirm dialog adds after the names: the consequence of saying yes.
    fn consequence(&self, today: NaiveDate) -> String;
}

impl Items for Arc<People> {
    fn name(&self, id: u32) -> String {
        self.get(PersonId(id)).full_name()
    }

    fn url(&self, id: u32) -> String {
        self.get(PersonId(id)).url.to_string()
    }

    fn consequence(&self, _: NaiveDate) -> String {
        super::strings::REMOVE_CONSEQUENCE.to_owned()
    }
}

/// The invitations still pending, and the rules in force for them.
pub struct Invitations {
    pub pending: Pending,
    pub rules: InvitationRules,
}

impl Items for Invitations {
    fn name(&self, id: u32) -> String {
        self.pending.items[id as usize].to.clone()
    }

    fn url(&self, id: u32) -> String {
        self.pending.items[id as usize].invitee_url.clone()
    }

    fn consequence(&self, today: NaiveDate) -> String {
        super::strings::withdraw_consequence(
            &self
                .rules
                .may_reinvite_after(today)
                .format(crate::model::person::LINKEDIN_DATE)
                .to_string(),
        )
    }
}

/// One triaged list: its words, its items and the two columns' state.
pub struct TriageList<I> {
    pub spec: &'static ListSpec,
    pub items: I,
    pub triage: Triage,
}

/// The Connections tab: the export's connections, shared with the sorting and saving
/// threads.
pub type ConnectionsList = TriageList<Arc<People>>;

/// The Invitations tab, when the export has an Invitations.csv.
pub type InvitationsList = TriageList<Invitations>;

impl<I> TriageList<I> {
    pub fn kind(&self) -> ListKind {
        self.spec.kind
    }
}
