//! Errors the library reports. Each displays as one line naming the file and the problem,
//! because that line is all the user sees before the process exits.

use std::io;
use std::path::Path;

/// A folder as a person would name it: "the current folder" for `.` (or an empty path),
/// "the parent folder" for `..`; any other path as it was given.
pub fn folder_name(path: &Path) -> String {
    match path.to_str() {
        Some("" | "." | "./") => "the current folder".to_owned(),
        Some(".." | "../") => "the parent folder".to_owned(),
        _ => path.display().to_string(),
    }
}

/// Why an export could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{path}: cannot open: {source}")]
    Open { path: String, source: io::Error },
    #[error("{}", no_connections_in_folder(.path))]
    NoConnectionsInFolder { path: String },
    #[error("{path}: no Connections.csv in this zip (is it a LinkedIn data export?)")]
    NoConnectionsInZip { path: String },
    #[error("{path}: not a readable zip file: {reason}")]
    CorruptZip { path: String, reason: String },
    #[error("{path}: the file is empty")]
    Empty { path: String },
    #[error("{path}: the file holds only the Notes preamble, no header and no rows")]
    PreambleOnly { path: String },
    #[error(
        "{path}: not a LinkedIn {what} export: expected columns {expected}; found {found} (split at {separator})"
    )]
    NotLinkedIn {
        path: String,
        what: &'static str,
        expected: String,
        found: String,
        separator: &'static str,
    },
    #[error(
        "{path}: this is the export's {found}, not its {wanted}: give the unzipped export folder or the zip, which hold both"
    )]
    OtherLinkedInFile {
        path: String,
        found: &'static str,
        wanted: &'static str,
    },
    #[error(
        "{path}, line {line}: a record is larger than 2 MiB (a line without end?); this is not a LinkedIn export"
    )]
    RecordTooLarge { path: String, line: u64 },
    #[error(
        "{path}: more than {max} invitations; LinkedIn's Invitations.csv covers about a year, a few thousand at most"
    )]
    TooManyInvitations { path: String, max: usize },
    #[error("{path}: {kind}, not a file; give the export's Connections.csv, folder or zip")]
    NotAFile { path: String, kind: &'static str },
    #[error("{path}, line {line}: a field is larger than 1 MiB; this is not a LinkedIn export")]
    FieldTooLarge { path: String, line: u64 },
    #[error("{path}: larger than the {limit} unconnect reads")]
    TooLarge { path: String, limit: &'static str },
    #[error("{path}, line {line}: {reason}")]
    Csv {
        path: String,
        line: u64,
        reason: String,
    },
}

fn no_connections_in_folder(path: &str) -> String {
    let why = "(is it the unzipped LinkedIn export?)";
    let named = folder_name(Path::new(path));
    if named == path {
        format!("{path}: no Connections.csv in this folder {why}")
    } else {
        format!("no Connections.csv in {named} {why}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_folders_are_named_in_words_and_others_as_given() {
        assert_eq!(folder_name(Path::new(".")), "the current folder");
        assert_eq!(folder_name(Path::new("")), "the current folder");
        assert_eq!(folder_name(Path::new("..")), "the parent folder");
        assert_eq!(folder_name(Path::new("../exports")), "../exports");
        assert_eq!(folder_name(Path::new("~/Downloads")), "~/Downloads");
        let e = ImportError::NoConnectionsInFolder { path: ".".into() };
        assert_eq!(
            e.to_string(),
            "no Connections.csv in the current folder (is it the unzipped LinkedIn export?)"
        );
        let e = ImportError::NoConnectionsInFolder { path: "x/y".into() };
        assert_eq!(
            e.to_string(),
            "x/y: no Connections.csv in this folder (is it the unzipped LinkedIn export?)"
        );
    }
}
