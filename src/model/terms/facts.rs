//! What the terms read about each item besides its text: a date, flags, a message count.
//! Kept as arrays beside the search index, so a term costs a load and a compare per row.

use chrono::NaiveDate;

use super::{Clause, DateKey, QueryError, Term, day_number};

/// A day no date term matches: the date is unknown.
const UNKNOWN_DAY: i32 = i32::MIN;

pub(super) const EMAIL: u8 = 1;
pub(super) const ENDORSED: u8 = 2;
pub(super) const RECOMMENDED: u8 = 4;

/// Per item facts, by item index; a list has only the columns it was given.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    date_key: Option<DateKey>,
    days: Vec<i32>,
    flags: Vec<u8>,
    /// Which of the flags were given (a Basic export has no endorsements).
    known: u8,
    messages: Option<Vec<u32>>,
    /// The index's two phrases per item are its company and its position.
    company_and_position: bool,
    /// Each History record's status, for `status:` (see [`super::STATUSES`]).
    statuses: Option<Vec<u8>>,
}

impl Facts {
    /// Each item's date, for `connected:` or `sent:`.
    pub fn with_dates(
        mut self,
        key: DateKey,
        dates: impl Iterator<Item = Option<NaiveDate>>,
    ) -> Self {
        self.date_key = Some(key);
        self.days = dates.map(|d| d.map_or(UNKNOWN_DAY, day_number)).collect();
        self
    }

    /// Whether each item has an e-mail address, for `email`.
    pub fn with_emails(self, has: impl Iterator<Item = bool>) -> Self {
        self.with_flag(EMAIL, has)
    }

    /// Endorsed (either way), for `endorsed`: only when the export has endorsement files.
    pub fn with_endorsements(self, has: impl Iterator<Item = bool>) -> Self {
        self.with_flag(ENDORSED, has)
    }

    /// Recommended (either way), for `recommended`.
    pub fn with_recommendations(self, has: impl Iterator<Item = bool>) -> Self {
        self.with_flag(RECOMMENDED, has)
    }

    /// Messages exchanged, for `messages:`: only when the export has messages.csv.
    pub fn with_messages(mut self, counts: impl Iterator<Item = u32>) -> Self {
        self.messages = Some(counts.collect());
        self
    }

    /// The index's phrases are the company and the position, for `company:` and `position:`.
    pub fn with_company_and_position(mut self) -> Self {
        self.company_and_position = true;
        self
    }

    /// Each record's status number (see [`super::STATUSES`]), for `status:`.
    pub fn with_statuses(mut self, statuses: impl Iterator<Item = u8>) -> Self {
        self.statuses = Some(statuses.collect());
        self
    }

    /// A record's status changed (ticked done, opened): `status:` sees it at once.
    pub fn set_status(&mut self, i: usize, status: u8) {
        if let Some(slot) = self.statuses.as_mut().and_then(|s| s.get_mut(i)) {
            *slot = status;
        }
    }

    pub(super) fn status(&self, i: usize) -> Option<u8> {
        self.statuses.as_ref().and_then(|s| s.get(i).copied())
    }

    fn with_flag(mut self, bit: u8, has: impl Iterator<Item = bool>) -> Self {
        for (at, has) in has.enumerate() {
            if at == self.flags.len() {
                self.flags.push(0);
            }
            if has {
                self.flags[at] |= bit;
            }
        }
        self.known |= bit;
        self
    }

    pub(super) fn day(&self, i: usize) -> i32 {
        self.days.get(i).copied().unwrap_or(UNKNOWN_DAY)
    }

    pub(super) fn has_flag(&self, i: usize, bit: u8) -> bool {
        self.flags.get(i).is_some_and(|f| f & bit != 0)
    }

    pub(super) fn messages(&self, i: usize) -> u32 {
        self.messages
            .as_ref()
            .and_then(|m| m.get(i).copied())
            .unwrap_or(0)
    }

    /// Whether every clause can be answered for this list: a term whose facts are
    /// missing (`messages:` on a Basic export) would match nothing, or everyone, silently.
    pub fn check(&self, clauses: &[Clause]) -> Result<(), QueryError> {
        let connections = self.date_key == Some(DateKey::Connected);
        let only_connections =
            |name: &str| QueryError::new(format!("{name}: only the Connections list has it"));
        // Connections and removed people have these; an invitation carries none.
        let not_invitations = |name: &str| {
            QueryError::new(format!(
                "{name}: invitations have none; the Connections and Removed lists have it"
            ))
        };
        for clause in clauses {
            match &clause.term {
                Term::Text(_) => {}
                Term::Date(key, _) if self.date_key == Some(*key) => {}
                Term::Date(key, _) => {
                    let hint = match self.date_key {
                        Some(other) => format!(
                            "{}: not in this list; write {}: instead",
                            key.name(),
                            other.name()
                        ),
                        None => format!("{}: this list has no dates", key.name()),
                    };
                    return Err(QueryError::new(hint));
                }
                Term::Messages(_) if self.messages.is_some() => {}
                Term::Messages(_) if connections => {
                    return Err(QueryError::new(
                        "messages: this export has no messages.csv (a Complete export has it)",
                    ));
                }
                Term::Messages(_) => return Err(only_connections("messages")),
                Term::Endorsed | Term::Recommended | Term::Email => {
                    let (bit, name, files) = match clause.term {
                        Term::Endorsed => (ENDORSED, "endorsed", "endorsement files"),
                        Term::Recommended => (RECOMMENDED, "recommended", "recommendation files"),
                        _ => (EMAIL, "email", "e-mail addresses"),
                    };
                    if self.known & bit != 0 {
                        continue;
                    }
                    if !connections && bit == EMAIL {
                        return Err(not_invitations(name));
                    }
                    if !connections {
                        return Err(only_connections(name));
                    }
                    return Err(QueryError::new(format!(
                        "{name}: this export has no {files} (a Complete export has them)"
                    )));
                }
                Term::Status(_) if self.statuses.is_some() => {}
                Term::Status(_) => {
                    return Err(QueryError::new("status: only the History tab has it"));
                }
                Term::Company(_) | Term::Position(_) if self.company_and_position => {}
                Term::Company(_) => return Err(not_invitations("company")),
                Term::Position(_) => return Err(not_invitations("position")),
            }
        }
        Ok(())
    }
}
