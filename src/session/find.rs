//! Finding the export when none is named: in the current folder.

use std::path::{Path, PathBuf};

use super::SessionError;

/// With no path: the export in the current folder (Connections.csv, or the newest
/// LinkedIn export zip, or an unzipped export folder).
pub(super) fn find_export(dir: &Path) -> Result<PathBuf, SessionError> {
    let not_found = || SessionError::NoExport(crate::error::folder_name(dir));
    let entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|_| not_found())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    let name = |p: &PathBuf| {
        p.file_name()
            .map(|n| n.to_string_lossy().to_lowercase())
            .unwrap_or_default()
    };
    if entries.iter().any(|p| name(p) == "connections.csv") {
        return Ok(dir.to_path_buf());
    }
    let newest = |candidates: Vec<&PathBuf>| {
        candidates
            .into_iter()
            .max_by_key(|p| p.metadata().and_then(|m| m.modified()).ok())
            .cloned()
    };
    let zips = entries
        .iter()
        .filter(|p| {
            let n = name(p);
            std::path::Path::new(&n)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("zip"))
                && n.contains("linkedindataexport")
        })
        .collect();
    if let Some(zip) = newest(zips) {
        return Ok(zip);
    }
    let folders = entries
        .iter()
        .filter(|p| p.is_dir() && name(p).contains("linkedindataexport"))
        .collect();
    newest(folders).ok_or_else(not_found)
}
