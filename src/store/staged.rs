//! The staged set: who is in the right column. Saved atomically on every change so that
//! quitting, a crash or `kill -9` never loses a selection. (Above 30,000 staged, the
//! save runs behind the screen and lands within about a second; quitting waits for it.)

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize, de::DeserializeOwned};

use super::{StoreError, fsutil};

/// One staged item: its identity plus everything needed to show or export it even when
/// the export it came from is not open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StagedEntry<T> {
    pub id: String,
    pub item: T,
}

#[derive(Debug)]
pub struct StagedStore<T> {
    path: PathBuf,
    /// Staged entries the export now open does not contain: kept, written back each save.
    foreign: Vec<StagedEntry<T>>,
}

impl<T: Serialize + DeserializeOwned + Clone> StagedStore<T> {
    /// Reads the staged file (missing = empty). Unreadable lines are an error: silently
    /// dropping someone's selection would be worse than stopping.
    pub fn load(path: &Path) -> Result<(StagedStore<T>, Vec<StagedEntry<T>>), StoreError> {
        let entries = read(path)?;
        Ok((
            StagedStore {
                path: path.to_path_buf(),
                foreign: Vec::new(),
            },
            entries,
        ))
    }

    pub fn set_foreign(&mut self, foreign: Vec<StagedEntry<T>>) {
        self.foreign = foreign;
    }

    pub fn foreign(&self) -> &[StagedEntry<T>] {
        &self.foreign
    }

    pub fn save(&self, staged: impl Iterator<Item = StagedEntry<T>>) -> Result<(), StoreError> {
        self.save_with(|w| {
            for entry in staged {
                serde_json::to_writer(&mut *w, &entry).map_err(io::Error::from)?;
                w.write_all(b"\n")?;
            }
            Ok(())
        })
    }

    /// Replaces the file with the lines `write` writes (one JSON [`StagedEntry`] each),
    /// then the foreign entries.
    pub fn save_with(
        &self,
        write: impl FnOnce(&mut dyn io::Write) -> io::Result<()>,
    ) -> Result<(), StoreError> {
        fsutil::write_atomic(&self.path, |w| {
            write(&mut *w)?;
            for entry in &self.foreign {
                serde_json::to_writer(&mut *w, entry).map_err(io::Error::from)?;
                w.write_all(b"\n")?;
            }
            Ok(())
        })
        .map_err(StoreError::io(&self.path))
    }
}

pub fn read<T: DeserializeOwned>(path: &Path) -> Result<Vec<StagedEntry<T>>, StoreError> {
    let text = match fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(StoreError::io(path)(e)),
    };
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| StoreError::Corrupt {
                path: path.to_path_buf(),
                line: i + 1,
                reason: e.to_string(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Person;

    #[test]
    fn save_keeps_foreign_entries_and_replaces_atomically() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("staged-connections.jsonl");
        let p = |id: &str| StagedEntry {
            id: id.to_owned(),
            item: Person {
                first_name: id.to_owned(),
                ..Default::default()
            },
        };
        let (mut store, loaded) = StagedStore::<Person>::load(&path).unwrap();
        assert!(loaded.is_empty());
        store.set_foreign(vec![p("elsewhere")]);
        store.save([p("a"), p("b")].into_iter()).unwrap();
        let (_, loaded) = StagedStore::<Person>::load(&path).unwrap();
        let ids: Vec<_> = loaded.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "elsewhere"]);
        // No temp files left behind.
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
