//! The data folder: `--data-dir`, else `UNCONNECT_DATA_DIR` (both handled by the command
//! line), else the platform's data folder.
//!
//! The lock is held on the folder itself (an `flock` on its open descriptor), which a
//! running instance keeps open: deleting or replacing the `lock` file cannot let a second
//! instance in. The `lock` file is still locked too, for older versions that only look
//! at it.

use std::fs::File;
use std::path::{Path, PathBuf};

use super::StoreError;
use super::fsutil;

/// An open data folder, locked for this process until dropped.
#[derive(Debug)]
pub struct DataDir {
    path: PathBuf,
    _locks: Vec<File>,
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

/// Takes `file`'s exclusive lock without waiting; `Locked` if another instance holds it.
fn try_lock(file: &File, folder: &Path, what: &Path) -> Result<(), StoreError> {
    match file.try_lock() {
        Ok(()) => Ok(()),
        Err(std::fs::TryLockError::WouldBlock) => Err(StoreError::Locked {
            path: folder.to_path_buf(),
        }),
        Err(std::fs::TryLockError::Error(e)) => Err(StoreError::io(what)(e)),
    }
}

impl DataDir {
    /// Creates the folder if needed (0700) and takes its lock: a second instance on the same
    /// folder gets [`StoreError::Locked`] instead of interleaving the journal. Temp files a
    /// killed run left behind are removed once the lock is ours.
    pub fn open_locked(path: &Path) -> Result<DataDir, StoreError> {
        fsutil::create_private_dir(path).map_err(StoreError::io(path))?;
        let mut locks = Vec::new();
        #[cfg(unix)]
        {
            let folder = File::open(path).map_err(StoreError::io(path))?;
            try_lock(&folder, path, path)?;
            locks.push(folder);
        }
        let lock_path = path.join("lock");
        let lock = fsutil::private_options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&lock_path)
            .map_err(StoreError::io(&lock_path))?;
        try_lock(&lock, path, &lock_path)?;
        locks.push(lock);
        fsutil::remove_stale_temp_files(path).map_err(StoreError::io(path))?;
        Ok(DataDir {
            path: path.to_path_buf(),
            _locks: locks,
        })
    }

    /// For read-only commands (`export`): no lock, nothing created.
    pub fn open_read_only(path: &Path) -> DataDir {
        DataDir {
            path: path.to_path_buf(),
            _locks: Vec::new(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_instance_is_refused_with_locked() {
        let dir = tempfile::tempdir().unwrap();
        let first = DataDir::open_locked(dir.path()).unwrap();
        match DataDir::open_locked(dir.path()) {
            Err(StoreError::Locked { path }) => assert_eq!(path, dir.path()),
            other => panic!("expected Locked, got {other:?}"),
        }
        drop(first);
        assert!(DataDir::open_locked(dir.path()).is_ok(), "free once closed");
    }

    #[cfg(unix)]
    #[test]
    fn deleting_the_lock_file_does_not_let_a_second_instance_in() {
        let dir = tempfile::tempdir().unwrap();
        let _first = DataDir::open_locked(dir.path()).unwrap();
        std::fs::remove_file(dir.path().join("lock")).unwrap();
        assert!(matches!(
            DataDir::open_locked(dir.path()),
            Err(StoreError::Locked { .. })
        ));
    }

    #[test]
    fn stale_temp_files_are_cleared_when_the_folder_is_opened() {
        let dir = tempfile::tempdir().unwrap();
        let stale = dir.path().join(".staged-connections.jsonl.tmp-31337");
        std::fs::write(&stale, "people's data").unwrap();
        let _open = DataDir::open_locked(dir.path()).unwrap();
        assert!(!stale.exists());
    }
}
