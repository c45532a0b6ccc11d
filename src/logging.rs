//! Diagnostics, off unless asked for: `RUST_LOG` (a filter such as `debug`) or
//! `--log-file FILE`. The log is a private file (0600), by default `unconnect.log` in the
//! data folder. It holds counts, times, file names and errors, never the names, e-mails or
//! profile URLs of the people in an export: a log is the file a user attaches to a bug
//! report.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tracing_subscriber::EnvFilter;

use crate::commands::drafts::DraftsError;
use crate::error::ImportError;
use crate::session::SessionError;
use crate::store::{StoreError, fsutil};
use crate::text_safety::escape;

/// What is logged when only `--log-file` is given.
const DEFAULT_FILTER: &str = "unconnect=info";
/// The log's name in the data folder.
pub const FILE_NAME: &str = "unconnect.log";

#[derive(Debug, thiserror::Error)]
pub enum LogError {
    #[error("RUST_LOG={value:?} is not a log filter: {reason}")]
    BadFilter { value: String, reason: String },
    #[error("{path}: cannot write the log: {source}")]
    Open {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Starts logging if `RUST_LOG` or `log_file` asks for it, into `log_file` or else
/// [`FILE_NAME`] in `data_dir` (created, private, if needed; without one, `RUST_LOG` alone
/// logs nothing). Returns the file logged to.
pub fn init(log_file: Option<&Path>, data_dir: Option<&Path>) -> Result<Option<PathBuf>, LogError> {
    let asked = std::env::var_os("RUST_LOG").filter(|v| !v.is_empty());
    if asked.is_none() && log_file.is_none() {
        return Ok(None);
    }
    let Some(path) = log_file
        .map(Path::to_path_buf)
        .or_else(|| data_dir.map(|d| d.join(FILE_NAME)))
    else {
        return Ok(None);
    };
    let value = asked.map_or_else(
        || DEFAULT_FILTER.to_owned(),
        |v| v.to_string_lossy().into_owned(),
    );
    let filter = EnvFilter::builder()
        .parse(&value)
        .map_err(|e| LogError::BadFilter {
            value: value.clone(),
            reason: e.to_string(),
        })?;
    if let (None, Some(dir)) = (log_file, data_dir) {
        fsutil::create_private_dir(dir).map_err(|source| LogError::Open {
            path: dir.to_path_buf(),
            source,
        })?;
    }
    let file = fsutil::private_options()
        .create(true)
        .append(true)
        .open(&path)
        .map_err(|source| LogError::Open {
            path: path.clone(),
            source,
        })?;
    // Fails only if a logger is already set (a second call): the first one stays.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(Mutex::new(file))
        .with_target(false)
        .try_init();
    Ok(Some(path))
}

/// An error as the log tells it: its message, less the details that can quote a person
/// (a JSON parser's reason quotes the text it choked on; a CSV header is the file's text;
/// a draft's file name is the person's name), escaped like every message.
pub fn describe(error: &(dyn std::error::Error + 'static)) -> String {
    escape(&unescaped(error)).into_owned()
}

fn unescaped(error: &(dyn std::error::Error + 'static)) -> String {
    // Store errors name the data folder's files and system errors only; none quotes a
    // file's text (a damaged staged line is set aside, not quoted).
    let store = |e: &StoreError| e.to_string();
    let import = |e: &ImportError| match e {
        ImportError::Csv { path, line, .. } => format!("{path}, line {line}: unreadable CSV"),
        ImportError::NotLinkedIn { path, what, .. } => {
            format!("{path}: not a LinkedIn {what} export")
        }
        other => other.to_string(),
    };
    if let Some(e) = error.downcast_ref::<DraftsError>() {
        return drafts(e);
    }
    if let Some(e) = error.downcast_ref::<SessionError>() {
        return match e {
            SessionError::Import(e) => import(e),
            SessionError::Store(e) => store(e),
            other @ SessionError::NoExport(_) => other.to_string(),
        };
    }
    if let Some(e) = error.downcast_ref::<StoreError>() {
        return store(e);
    }
    if let Some(e) = error.downcast_ref::<ImportError>() {
        return import(e);
    }
    error.to_string()
}

/// Drafts are named after the people they are to, so no path of a drafts error is
/// logged: only what went wrong, as the system said it.
fn drafts(e: &DraftsError) -> String {
    if let DraftsError::NoBatch(_) = e {
        return e.to_string();
    }
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(c) = cause {
        if let Some(io) = c.downcast_ref::<std::io::Error>() {
            let what = match e {
                DraftsError::Template { .. } => "reading the template",
                _ => "writing the drafts",
            };
            return format!("{what} failed: {io}");
        }
        cause = c.source();
    }
    "writing the drafts failed".to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_in_the_log_leave_out_what_could_quote_a_person() {
        let session = SessionError::Import(ImportError::NotLinkedIn {
            path: "x.csv".into(),
            what: "Connections.csv",
            expected: "First Name".into(),
            found: "Jane Doe,jane@example.com".into(),
            separator: "comma",
        });
        assert_eq!(
            describe(&session),
            "x.csv: not a LinkedIn Connections.csv export"
        );
        let locked = StoreError::Locked { path: "d".into() };
        assert_eq!(describe(&locked), locked.to_string());
    }

    #[test]
    fn a_failed_draft_is_logged_without_its_file_name() {
        let full = || std::io::Error::from_raw_os_error(28);
        let failed = DraftsError::Store(StoreError::Io {
            path: "/home/me/drafts/Ada-Lovelace.eml".into(),
            source: full(),
        });
        let logged = describe(&failed);
        assert!(
            !logged.contains("Ada") && !logged.contains("Lovelace"),
            "{logged}"
        );
        assert!(
            logged.starts_with("writing the drafts failed: "),
            "{logged}"
        );
        assert_eq!(
            failed.to_string(),
            format!("/home/me/drafts/Ada-Lovelace.eml: {}", full()),
            "the user is told which"
        );
        // Through the report main logs, as it is wrapped there.
        let report = color_eyre::Report::from(failed);
        let logged = describe(report.as_ref());
        assert!(!logged.contains("Ada"), "{logged}");
    }

    #[test]
    fn the_log_gets_no_raw_control_characters() {
        let e = StoreError::Locked {
            path: "d\u{1b}]0;x\u{7}\u{9b}\u{202e}".into(),
        };
        let logged = describe(&e);
        assert!(
            !logged.chars().any(crate::text_safety::is_unsafe),
            "{logged:?}"
        );
        assert!(
            logged.starts_with("d\\u001b]0;x\\u0007\\u009b\\u202e: "),
            "{logged}"
        );
    }
}
