//! Filter terms beside plain words: `connected:2024-03`, `messages:>3`, `endorsed`,
//! `company:acme`, `-` to negate any of them. All combine with AND. Parsing is strict:
//! a malformed or unknown term is an error with a one-line hint, never a filter that
//! silently matches nothing.

mod eval;
mod facts;
pub mod help;
mod parse;

use chrono::NaiveDate;

pub use eval::ClauseMatcher;
pub use facts::Facts;
pub use help::{HELP, help_lines};
pub use parse::{Parsed, parse};

/// Which date a date term reads: a connection's `Connected On`, an invitation's `Sent At`,
/// the day a History record was removed (withdrawn) here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateKey {
    Connected,
    Sent,
    Removed,
    Withdrawn,
}

impl DateKey {
    pub fn name(self) -> &'static str {
        match self {
            DateKey::Connected => "connected",
            DateKey::Sent => "sent",
            DateKey::Removed => "removed",
            DateKey::Withdrawn => "withdrawn",
        }
    }
}

/// Days as numbers (days from the common era), inclusive at both ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DaySpan {
    pub from: i32,
    pub to: i32,
}

impl DaySpan {
    pub fn contains(self, day: i32) -> bool {
        self.from <= day && day <= self.to
    }
}

/// A count, inclusive at both ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountSpan {
    pub min: u32,
    pub max: u32,
}

impl CountSpan {
    pub fn contains(self, n: u32) -> bool {
        self.min <= n && n <= self.max
    }
}

/// One condition of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// Folded text that must appear in a field: a negated word, or a quoted phrase.
    Text(String),
    Date(DateKey, DaySpan),
    Messages(CountSpan),
    Endorsed,
    Recommended,
    /// Has an e-mail address.
    Email,
    /// Folded text that must appear in the company.
    Company(String),
    /// Folded text that must appear in the position.
    Position(String),
    /// A History record's status, as [`STATUSES`] numbers it.
    Status(u8),
}

/// The statuses `status:` names, with the number a History list gives each record (see
/// [`Facts::with_statuses`]). "still-connected" and "still-pending" are one status, named
/// as removals and withdrawals name it.
pub const STATUSES: [(&str, u8); 6] = [
    ("to-do", 0),
    ("opened", 1),
    ("done", 2),
    ("verified", 3),
    ("still-connected", 4),
    ("still-pending", 4),
];

/// A term, or its negation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub negated: bool,
    pub term: Term,
}

/// Why a query cannot be used, as the one-line hint the filter bar shows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{hint}")]
pub struct QueryError {
    pub hint: String,
}

impl QueryError {
    pub(crate) fn new(hint: impl Into<String>) -> Self {
        QueryError { hint: hint.into() }
    }
}

/// A day as the number date terms compare.
pub fn day_number(date: NaiveDate) -> i32 {
    use chrono::Datelike;
    date.num_days_from_ce()
}

/// The query text for connections made from `from` to `to` (a burst, a bar of the
/// Timeline): `connected:2024-03-12..2024-03-14`, or `connected:2024-03-12` for one day.
pub fn connected_between(from: NaiveDate, to: NaiveDate) -> String {
    // A week at the calendar's ends runs past the four-digit years a filter can write;
    // no connection is dated there (the import reads no other years).
    let (from, to) = match (
        NaiveDate::from_ymd_opt(0, 1, 1),
        NaiveDate::from_ymd_opt(9999, 12, 31),
    ) {
        (Some(first), Some(last)) => (from.clamp(first, last), to.clamp(first, last)),
        _ => (from, to),
    };
    if from == to {
        format!("connected:{from}")
    } else {
        format!("connected:{from}..{to}")
    }
}

#[cfg(test)]
mod tests;
