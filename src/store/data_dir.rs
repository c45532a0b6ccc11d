//! The data folder: `--data-dir`, else `UNCONNECT_DATA_DIR` (both handled by the command
//! line), else the platform's data folder.

use std::fs::File;
use std::path::{Path, PathBuf};

use super::StoreError;
use super::fsutil;

/// An open data folder, locked for this process until dropped.
#[derive(Debug)]
pub struct DataDir {
    path: PathBuf,
    _lock: Option<File>,
}

/// The folder to use when none was given.
pub fn default_path() -> Result<PathBuf, StoreError> {
    directories::ProjectDirs::from("", "", "unconnect")
        .map(|d| d.data_dir().to_path_buf())
        .ok_or(StoreError::NoDataDir)
}

pub fn resolve(explicit: Option<&Path>) -> Result<PathBuf, StoreError> {
    match explicit {
        Some(p) => Ok(p.to_path_buf()),
        None => default_path(),
    }
}

impl DataDir {
    /// Creates the folder if needed (0700) and takes its lock: a second instance on the same
    /// folder gets [`StoreError::Locked`] instead of interleaving the journal.
    pub fn open_locked(path: &Path) -> Result<DataDir, StoreError> {
        fsutil::create_private_dir(path).map_err(StoreError::io(path))?;
        let lock_path = path.join("lock");
        let lock = fsutil::private_options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&lock_path)
            .map_err(StoreError::io(&lock_path))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(StoreError::Locked {
                    path: path.to_path_buf(),
                });
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(StoreError::io(&lock_path)(e)),
        }
        Ok(DataDir {
            path: path.to_path_buf(),
            _lock: Some(lock),
        })
    }

    /// For read-only commands (`export`): no lock, nothing created. A folder that is not
    /// there is an error: read as empty, a mistyped `--data-dir` would look like "nobody
    /// removed yet".
    pub fn open_read_only(path: &Path) -> Result<DataDir, StoreError> {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => Ok(DataDir {
                path: path.to_path_buf(),
                _lock: None,
            }),
            Ok(_) => Err(StoreError::NotAFolder {
                path: path.to_path_buf(),
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(StoreError::NoSuchDataDir {
                path: path.to_path_buf(),
            }),
            Err(e) => Err(StoreError::io(path)(e)),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn journal_path(&self) -> PathBuf {
        self.path.join("journal.jsonl")
    }

    pub fn staged_path(&self, list: &str) -> PathBuf {
        self.path.join(format!("staged-{list}.jsonl"))
    }
}
