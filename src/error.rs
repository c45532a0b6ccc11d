//! Errors the library reports. Each displays as one line naming the file and the problem,
//! because that line is all the user sees before the process exits.

use std::io;

/// Why an export could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{path}: cannot open: {source}")]
    Open { path: String, source: io::Error },
    #[error("{path}: no Connections.csv in this folder (is it the unzipped LinkedIn export?)")]
    NoConnectionsInFolder { path: String },
    #[error("{path}: no Connections.csv in this zip (is it a LinkedIn data export?)")]
    NoConnectionsInZip { path: String },
    #[error("{path}: not a readable zip file: {reason}")]
    CorruptZip { path: String, reason: String },
    #[error("{path}: the file is empty")]
    Empty { path: String },
    #[error("{path}: the file holds only the Notes preamble, no header and no rows")]
    PreambleOnly { path: String },
    #[error("{path}: not a LinkedIn {what} export: expected columns {expected}; found {found}")]
    NotLinkedIn {
        path: String,
        what: &'static str,
        expected: String,
        found: String,
    },
    #[error("{path}, line {line}: a field is larger than 1 MiB; this is not a LinkedIn export")]
    FieldTooLarge { path: String, line: u64 },
    #[error("{path}: larger than the 3 GiB unconnect can hold")]
    TooLarge { path: String },
    #[error("{path}, line {line}: {reason}")]
    Csv {
        path: String,
        line: u64,
        reason: String,
    },
}
