//! Reading a LinkedIn data export: a Connections.csv, the export folder, or its zip.

pub mod connections;
pub mod dates;
pub mod decode;
pub mod invitations;
pub mod join;
pub mod report;
pub mod source;
pub mod table;
pub mod url;

use std::path::Path;

use crate::error::ImportError;
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
}

#[derive(Debug)]
pub struct Invitations {
    pub list: Vec<Invitation>,
    pub report: InvitationsReport,
}

/// Loads an export. Fails only when Connections.csv cannot be read; a broken
/// Invitations.csv becomes a warning, since the connections are still usable.
pub fn load(path: &Path) -> Result<Export, ImportError> {
    load_with(path, None)
}

/// As [`load`], with an Invitations.csv given separately (overrides the export's own).
pub fn load_with(path: &Path, invitations_file: Option<&Path>) -> Result<Export, ImportError> {
    let files = source::open_export(path)?;
    let decoded = decode::decode(files.connections.bytes);
    let (people, mut report) = connections::parse(&files.connections.label, &decoded)?;
    drop(decoded);
    let invitations_source = match invitations_file {
        Some(p) => Some(source::read_file(p)?),
        None => files.invitations,
    };
    let invitations = invitations_source.and_then(|src| {
        match invitations::parse(&src.label, &decode::decode(src.bytes)) {
            Ok((list, mut inv_report)) => {
                inv_report.pending = join::pending_count(&people, &list);
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
    Ok(Export {
        container: files.container,
        people,
        report,
        invitations,
    })
}
