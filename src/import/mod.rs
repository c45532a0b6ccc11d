//! Reading a LinkedIn data export: a Connections.csv, the export folder, or its zip.

pub mod connections;
pub mod date_order;
pub mod dates;
pub mod decode;
pub mod export_date;
pub mod identity;
pub mod invitations;
pub mod lines;
pub mod list;
pub mod report;
pub mod signals;
pub mod source;
pub mod table;
pub mod transcode;
pub mod url;

use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::ImportError;
use crate::model::history::ExportDate;
use crate::model::{Invitation, People};

pub use report::{ConnectionsReport, Format, InvitationsReport, Skipped};
pub use source::Container;

/// Everything read from one export.
#[derive(Debug)]
pub struct Export {
    pub container: Container,
    pub people: People,
    pub report: ConnectionsReport,
    /// `None` when the export has no Invitations.csv.
    pub invitations: Option<Invitations>,
    /// `None` when the export has none of a Complete export's messages, endorsements or
    /// recommendations (a Basic export).
    pub signals: Option<crate::model::signals::Signals>,
    /// When the export was taken (see [`export_date::export_date`]); `None` when neither
    /// its name nor its files' times say.
    pub export_date: Option<ExportDate>,
    /// Whether that date is LinkedIn's, from the zip's (or folder's) name; otherwise it
    /// is only the files' times, which a copy renews.
    pub dated_by_name: bool,
}

#[derive(Debug)]
pub struct Invitations {
    pub list: Vec<Invitation>,
    pub report: InvitationsReport,
}

/// How far a load has got, for the loading screen on another thread.
#[derive(Debug, Default)]
pub struct Progress {
    /// Bytes of Connections.csv parsed so far.
    pub done: AtomicU64,
    /// Its size.
    pub total: AtomicU64,
    /// People read so far.
    pub people: AtomicU64,
    /// The first people read, so the screen shows rows while the rest loads.
    pub preview: Mutex<People>,
}

/// People kept for the loading screen: more than a tall terminal shows.
pub const PREVIEW_ROWS: usize = 120;

impl Progress {
    /// 0.0 to 1.0.
    pub fn ratio(&self) -> f64 {
        let total = self.total.load(Ordering::Relaxed);
        if total == 0 {
            0.0
        } else {
            (self.done.load(Ordering::Relaxed) as f64 / total as f64).min(1.0)
        }
    }
}

/// Loads an export. Fails only when Connections.csv cannot be read; a broken
/// Invitations.csv becomes a warning, since the connections are still usable.
pub fn load(path: &Path) -> Result<Export, ImportError> {
    load_with(path, None)
}

/// As [`load`], with an Invitations.csv given separately (overrides the export's own).
pub fn load_with(path: &Path, invitations_file: Option<&Path>) -> Result<Export, ImportError> {
    load_with_progress(path, invitations_file, &Progress::default())
}

/// As [`load_with`], reporting progress as it parses.
pub fn load_with_progress(
    path: &Path,
    invitations_file: Option<&Path>,
    progress: &Progress,
) -> Result<Export, ImportError> {
    let files = source::open_export(path)?;
    let export_date =
        export_date::export_date(path, files.modified, files.container == Container::Zip);
    let dated_by_name = export_date::dated_by_name(path);
    let (people, mut report) = match files.connections {
        source::Connections::File { label, path } => {
            connections::parse_file(&label, &path, progress)?
        }
        source::Connections::ZipEntry { label, zip, index } => {
            connections::parse_zip_entry(&label, &zip, index, progress)?
        }
    };
    let invitations_source = match invitations_file {
        // Asked for by name: failing to read it is the user's error to see.
        Some(p) => Some(source::read_invitations(p)?),
        None => match files.invitations {
            Some(Ok(src)) => Some(src),
            Some(Err(e)) => {
                report.warnings.push(format!("{e}; invitations not loaded"));
                None
            }
            None => None,
        },
    };
    let invitations = invitations_source.and_then(|src| {
        match invitations::parse(&src.label, &decode::decode(src.bytes)) {
            Ok((list, mut inv_report)) => {
                inv_report.pending = crate::model::invitee::pending_count(&people, &list);
                Some(Invitations {
                    list,
                    report: inv_report,
                })
            }
            Err(e) => {
                report.warnings.push(format!("{e}; invitations not loaded"));
                None
            }
        }
    });
    report.warnings.extend(signals::empty_url_column_warning(
        &people,
        report.format,
        &report.file,
    ));
    let signals = signals::load(files.signals, &people, report.format, &mut report.warnings);
    Ok(Export {
        export_date,
        dated_by_name,
        container: files.container,
        people,
        report,
        invitations,
        signals,
    })
}
