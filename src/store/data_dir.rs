//! The data folder: `--data-dir`, else `UNCONNECT_DATA_DIR` (both handled by the command
//! line), else the platform's data folder; for the bundled demo, a throwaway folder.
//!
//! The lock is held on the folder itself (an `flock` on its open descriptor), which a
//! running instance keeps open: deleting or replacing the `lock` file cannot let a second
//! instance in. The `lock` file is still locked too, for older versions that only look
//! at it.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::thread::JoinHandle;

use super::StoreError;
use super::fsutil;

/// An open data folder, locked for this process until dropped.
#[derive(Debug)]
pub struct DataDir {
    path: PathBuf,
    _locks: Vec<File>,
    /// Writes running behind the screen: waited for before the lock is let go, so the
    /// next instance never reads a file half written.
    behind: Vec<JoinHandle<()>>,
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

/// The bundled demo export: this crate's own `assets/demo`, where the binary was built.
/// It is known by where it lives, not by a file in it: any export folder can carry a
/// file of any name (copied along, or planted), and one that did would send the user's
/// real removals to the shared throwaway folder and load another run's staged set from
/// it. A binary installed away from its source tree has no demo to recognise: every
/// export it opens is then taken for the user's own, the safe side.
const DEMO_FOLDER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo");

/// The data folder chosen for opening an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chosen {
    pub path: PathBuf,
    /// The export is the bundled demo and no folder was given: a throwaway folder, so
    /// trying the demo never mixes invented removals into the user's real data.
    pub demo: bool,
}

/// Like [`resolve`], for opening `export` (`None`: the current folder).
pub fn resolve_for_export(
    explicit: Option<&Path>,
    export: Option<&Path>,
) -> Result<Chosen, StoreError> {
    if explicit.is_none() && is_demo(export) {
        let path = demo_path();
        #[cfg(unix)]
        check_owned_folder(&path)?;
        return Ok(Chosen { path, demo: true });
    }
    Ok(Chosen {
        path: resolve(explicit)?,
        demo: false,
    })
}

/// Whether the export (a folder, or a file in one) is the bundled demo.
pub fn is_demo(export: Option<&Path>) -> bool {
    is_demo_at(export, Path::new(DEMO_FOLDER))
}

/// Whether the export is in `demo` itself (compared as canonical paths, so a relative
/// path or a link to it counts, and a copy elsewhere does not).
fn is_demo_at(export: Option<&Path>, demo: &Path) -> bool {
    let folder = match export {
        None => Path::new("."),
        Some(p) if p.is_dir() => p,
        Some(p) => match p.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        },
    };
    match (std::fs::canonicalize(folder), std::fs::canonicalize(demo)) {
        (Ok(folder), Ok(demo)) => folder == demo,
        _ => false,
    }
}

/// The demo's throwaway folder: in the system's temporary folder, one per user.
fn demo_path() -> PathBuf {
    #[cfg(unix)]
    // SAFETY: getuid has no preconditions and cannot fail.
    let user = unsafe { libc::getuid() }.to_string();
    #[cfg(not(unix))]
    let user = std::env::var("USERNAME").unwrap_or_default();
    std::env::temp_dir().join(format!("unconnect-demo-{user}"))
}

/// The temporary folder is shared: a folder or link another user put at the demo's path
/// must not be written through. Ours, a real folder, or nothing yet.
#[cfg(unix)]
fn check_owned_folder(path: &Path) -> Result<(), StoreError> {
    use std::os::unix::fs::MetadataExt;
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(StoreError::io(path)(e)),
        // SAFETY: as above.
        Ok(meta) if meta.is_dir() && meta.uid() == unsafe { libc::getuid() } => Ok(()),
        Ok(_) => Err(StoreError::NotOurs {
            path: path.to_path_buf(),
        }),
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
            behind: Vec::new(),
        })
    }

    /// For read-only commands (`export`): no lock, nothing created. A folder that is not
    /// there is an error: read as empty, a mistyped `--data-dir` would look like "nobody
    /// removed yet".
    pub fn open_read_only(path: &Path) -> Result<DataDir, StoreError> {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => Ok(DataDir {
                path: path.to_path_buf(),
                _locks: Vec::new(),
                behind: Vec::new(),
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

    /// Keeps the lock until `write`, a thread writing into this folder, has ended.
    pub fn hold_lock_for(&mut self, write: JoinHandle<()>) {
        self.behind.push(write);
    }

    pub fn journal_path(&self) -> PathBuf {
        self.path.join("journal.jsonl")
    }

    pub fn staged_path(&self, list: &str) -> PathBuf {
        self.path.join(format!("staged-{list}.jsonl"))
    }

    /// The keep list: people bulk moves pass by.
    pub fn kept_path(&self) -> PathBuf {
        self.path.join("kept-connections.jsonl")
    }
}

impl Drop for DataDir {
    fn drop(&mut self) {
        for write in self.behind.drain(..) {
            // A write that panicked is a bug; its file is only not written.
            let _ = write.join();
        }
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
    fn the_lock_is_held_until_a_write_behind_the_screen_has_ended() {
        let dir = tempfile::tempdir().unwrap();
        let mut first = DataDir::open_locked(dir.path()).unwrap();
        let file = dir.path().join("last-export.snapshot");
        let written = file.clone();
        first.hold_lock_for(std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(200));
            std::fs::write(written, "whole").unwrap();
        }));
        drop(first);
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "whole");
        assert!(DataDir::open_locked(dir.path()).is_ok());
    }

    #[test]
    fn stale_temp_files_are_cleared_when_the_folder_is_opened() {
        let dir = tempfile::tempdir().unwrap();
        let stale = dir.path().join(".staged-connections.jsonl.tmp-31337");
        std::fs::write(&stale, "people's data").unwrap();
        let _open = DataDir::open_locked(dir.path()).unwrap();
        assert!(!stale.exists());
    }

    #[test]
    fn the_demo_is_known_by_where_it_lives_whether_given_as_folder_or_file() {
        let demo = Path::new(DEMO_FOLDER);
        assert!(is_demo(Some(demo)));
        assert!(is_demo(Some(&demo.join("Connections.csv"))));
        assert!(is_demo(Some(&demo.join("../demo/./"))));
        let dir = tempfile::tempdir().unwrap();
        let given = dir.path().join("data");
        let chosen = resolve_for_export(Some(&given), Some(demo)).unwrap();
        assert_eq!(
            chosen,
            Chosen {
                path: given,
                demo: false
            },
            "a folder given wins"
        );
    }

    #[test]
    fn a_real_export_carrying_the_demos_marker_file_is_not_the_demo() {
        let dir = tempfile::tempdir().unwrap();
        let csv = dir.path().join("Connections.csv");
        std::fs::write(&csv, "").unwrap();
        std::fs::write(dir.path().join(".unconnect-demo"), "").unwrap();
        assert!(!is_demo(Some(dir.path())));
        assert!(!is_demo(Some(&csv)));
        let chosen = resolve_for_export(None, Some(dir.path())).unwrap();
        assert!(!chosen.demo);
        assert_eq!(chosen.path, default_path().unwrap());
        // A copy of the demo elsewhere is an export like any other, too.
        let copy = dir.path().join("demo");
        std::fs::create_dir(&copy).unwrap();
        for name in ["Connections.csv", ".unconnect-demo"] {
            std::fs::copy(Path::new(DEMO_FOLDER).join(name), copy.join(name)).unwrap();
        }
        assert!(!is_demo(Some(&copy)));
        assert!(is_demo_at(Some(&copy), &copy), "known by its place");
    }
}
