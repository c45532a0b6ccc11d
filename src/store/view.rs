//! The view the user left: the tab, each list's sort and cursor, the Timeline's zoom and whether
//! the profile-visit note was given, kept in
//! `view.json` so the next start opens where they were. Losing it loses nothing of
//! theirs: a damaged file is set aside with a warning and the defaults are used.

use std::collections::BTreeMap;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::StoreError;
use super::data_dir::DataDir;
use super::fsutil::{open_regular, tighten, write_atomic};

/// A few names and flags: anything larger is not a file this app wrote.
const MAX_BYTES: u64 = 16 * 1024;

/// What is remembered. Names, not indexes, so a sort added or removed in a later version
/// never points at the wrong order; an unknown name is ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct View {
    /// The tab shown: "connections", "invitations", "history", "timeline".
    pub tab: String,
    /// Per list ("connections", "removed", …): the sort's name and its direction.
    pub sorts: BTreeMap<String, Sort>,
    /// Per column (named as in `sorts`): who the cursor was on, by the identity the
    /// journal keeps people by, so the next start puts it on them, not on a namesake.
    pub cursors: BTreeMap<String, String>,
    /// The Timeline's bars: "month" or "week".
    pub zoom: String,
    /// The note that opening a profile shows in "Who viewed your profile" was given in
    /// this data folder: it is said once, not every session.
    pub privacy_noted: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Sort {
    pub name: String,
    pub reversed: bool,
}

pub fn path(dir: &DataDir) -> PathBuf {
    dir.path().join("view.json")
}

/// The view saved in `path`; `Ok(None)` when there is none yet. An error says why one
/// cannot be read (damaged, too large, not a regular file): the caller warns and goes on.
pub fn read(path: &Path) -> Result<Option<View>, StoreError> {
    let mut file = match open_regular(path, std::fs::OpenOptions::new().read(true)) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(StoreError::io(path)(e)),
    };
    tighten(&file).map_err(StoreError::io(path))?;
    let mut bytes = Vec::new();
    file.by_ref()
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(StoreError::io(path))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(StoreError::io(path)(io::Error::new(
            io::ErrorKind::InvalidData,
            "too large for a saved view",
        )));
    }
    serde_json::from_slice(&bytes).map(Some).map_err(|e| {
        StoreError::io(path)(io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "not a saved view (line {}, column {})",
                e.line(),
                e.column()
            ),
        ))
    })
}

/// Saves the view atomically, private like every file here.
pub fn write(path: &Path, view: &View) -> Result<(), StoreError> {
    let json = serde_json::to_vec_pretty(view)
        .map_err(|e| StoreError::io(path)(io::Error::other(e.to_string())))?;
    write_atomic(path, |out| out.write_all(&json)).map_err(StoreError::io(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view() -> View {
        let mut sorts = BTreeMap::new();
        sorts.insert(
            "connections".to_owned(),
            Sort {
                name: "company".into(),
                reversed: true,
            },
        );
        let mut cursors = BTreeMap::new();
        cursors.insert(
            "removed".to_owned(),
            "https://www.linkedin.com/in/ada-example".to_owned(),
        );
        View {
            tab: "timeline".into(),
            sorts,
            cursors,
            zoom: "week".into(),
            privacy_noted: true,
        }
    }

    #[test]
    fn a_view_reads_back_as_written_and_private() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("view.json");
        assert_eq!(read(&path).unwrap(), None);
        write(&path, &view()).unwrap();
        assert_eq!(read(&path).unwrap(), Some(view()));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn a_view_written_before_the_privacy_note_was_kept_reads_as_not_noted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("view.json");
        std::fs::write(&path, r#"{"tab": "history", "zoom": "month"}"#).unwrap();
        let view = read(&path).unwrap().unwrap();
        assert_eq!(view.tab, "history");
        assert!(!view.privacy_noted);
    }

    #[test]
    fn a_damaged_or_huge_file_is_an_error_not_a_view() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("view.json");
        std::fs::write(&path, "{\"tab\": ").unwrap();
        assert!(read(&path).is_err());
        std::fs::write(&path, vec![b' '; 20_000]).unwrap();
        let error = read(&path).unwrap_err().to_string();
        assert!(error.contains("too large"), "{error}");
    }
}
