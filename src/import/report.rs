//! What an import found, beyond the people themselves: never silent about data quality.

use serde::Serialize;

pub use super::date_order::DateChoice;

/// A row that was not loaded, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    pub line: u64,
    pub reason: String,
}

/// The layout a Connections.csv was recognised as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// Mid-2023 on: `Notes:` preamble and a URL column.
    Current,
    /// Before mid-2023: no URL column.
    NoUrl,
    /// The 2012 "Export Connections" Outlook CSV, 59 columns.
    Outlook2012,
}

impl Format {
    pub fn describe(self) -> &'static str {
        match self {
            Format::Current => "LinkedIn connections export, 2023 or later (with URL column)",
            Format::NoUrl => "LinkedIn connections export, before mid-2023 (no URL column)",
            Format::Outlook2012 => "LinkedIn 2012 Outlook contacts export (59 columns)",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConnectionsReport {
    /// The file as the user would name it (inside a zip: `export.zip (Connections.csv)`).
    pub file: String,
    pub format: Format,
    /// How the file was saved: preamble, BOM, CRLF, encoding.
    pub traits: Vec<String>,
    pub people: usize,
    pub hidden: usize,
    pub duplicates: usize,
    pub skipped: Vec<Skipped>,
    pub warnings: Vec<String>,
    /// How digit-only dates (`16.09.2021`) were read; `None` when there were none.
    pub date_order: Option<DateChoice>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct InvitationsReport {
    pub file: String,
    pub outgoing: usize,
    pub incoming: usize,
    /// Outgoing invitations whose invitee is not a connection.
    pub pending: usize,
    pub skipped: Vec<Skipped>,
    pub warnings: Vec<String>,
}
