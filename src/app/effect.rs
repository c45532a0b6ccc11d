//! What `update` asks the runtime to do, and what the runtime reports back.

use std::path::PathBuf;

use super::confirm::ConfirmAction;
use super::list::ListKind;

use crate::model::filter::FilterJob;
use crate::store::StoreError;
use crate::store::journal::{JournalAction, JournalEntry};

/// Work `update` asks the runtime to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// A right column changed: persist it before anything else happens.
    SaveStaged(ListKind),
    /// The keep list changed: persist it.
    SaveKept,
    /// Save the view now rather than at the quit: something said once per data folder
    /// (the privacy note) was just said.
    SaveView,
    /// Journal a mark on these History records (opened, done, undone, restored),
    /// durably; the runtime reports back with [`Written::Recorded`].
    Record {
        kind: ListKind,
        mark: JournalAction,
        ids: Vec<u32>,
    },
    /// Carry out what the user confirmed in the dialog, durably; the runtime reports
    /// back with [`Written::Confirmed`].
    Confirmed(ConfirmAction),
    /// Write a right column to this CSV file (`~` not yet expanded). An existing file
    /// is replaced only with `overwrite`; otherwise the runtime asks first.
    Export {
        kind: ListKind,
        path: PathBuf,
        overwrite: bool,
    },
    /// Complete the export prompt's path from the folder it names.
    CompletePath(String),
    OpenUrl(String),
    /// Open each URL in its own browser tab, in order, stopping at the first the opener
    /// fails on (that one goes to the clipboard); reported with [`super::Event::OpenedAll`].
    OpenUrls(Vec<String>),
    /// Put text on the terminal's clipboard (OSC 52), saying so with this message.
    Copy {
        text: String,
        message: String,
    },
    /// Run this filter on the worker and hand its chunks to `App::filter_results`.
    Filter(ListKind, FilterJob),
    Quit,
}

/// What the writer finished, for `App::written`.
#[derive(Debug)]
pub enum Written {
    Exported {
        path: PathBuf,
        count: usize,
        result: Result<(), StoreError>,
    },
    Staged(ListKind, Result<(), StoreError>),
    Kept(Result<(), StoreError>),
    /// The view (tab, sorts, zoom) was saved for the next start, or could not be.
    View(Result<(), StoreError>),
    /// A removal or withdrawal batch: on success, the entries journaled, for the
    /// History tab to apply.
    Confirmed(ConfirmAction, Result<Vec<JournalEntry>, StoreError>),
    /// Marks on History records: on success, the entries journaled, applied the same way.
    Recorded {
        kind: ListKind,
        mark: JournalAction,
        ids: Vec<u32>,
        result: Result<Vec<JournalEntry>, StoreError>,
    },
}
