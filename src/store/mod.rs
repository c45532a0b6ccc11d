//! What unconnect keeps on disk, in the data folder: the journal of removals, the staged
//! set, and a lock so two instances never interleave. All files are private (0600).

pub mod data_dir;
pub mod drafts;
pub mod export;
#[doc(hidden)]
pub mod faults;
pub mod fsutil;
pub mod journal;
pub mod json_lines;
pub mod snapshot;
pub mod staged;
pub mod view;

use std::io;
use std::path::PathBuf;

pub use data_dir::DataDir;
pub use journal::{Journal, JournalAction, JournalEntry};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    /// A journal batch failed and cutting it back failed too: readers ignore a batch cut
    /// short, but one written whole whose sync failed may still count.
    #[error(
        "{path}: {source}; undoing the partial write also failed ({undo}), so it may be recorded: check `unconnect export removed`"
    )]
    Unsure {
        path: PathBuf,
        source: io::Error,
        undo: io::Error,
    },
    #[error(
        "{path}: another unconnect is using this data folder; close it first (or use --data-dir)"
    )]
    Locked { path: PathBuf },
    #[error("cannot find a home folder for unconnect's data; pass --data-dir DIR")]
    NoDataDir,
    #[error(
        "{path}: no such data folder, so nothing was removed or staged with it (is --data-dir or UNCONNECT_DATA_DIR right?)"
    )]
    NoSuchDataDir { path: PathBuf },
    #[error("{path}: not a folder; the data folder must be one")]
    NotAFolder { path: PathBuf },
    #[error(
        "{path}: other users can open this folder; e-mail drafts hold other people's addresses, so pick a new folder (it is created private) or `chmod 700` this one"
    )]
    NotPrivate { path: PathBuf },
    #[error("{path}: not a folder of yours; remove it or pass --data-dir DIR")]
    NotOurs { path: PathBuf },
}

impl StoreError {
    pub fn io(path: impl Into<PathBuf>) -> impl FnOnce(io::Error) -> StoreError {
        let path = path.into();
        move |source| StoreError::Io { path, source }
    }
}
