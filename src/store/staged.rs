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

impl<T: Serialize + DeserializeOwned + Clone + Send> StagedStore<T> {
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
        let started = std::time::Instant::now();
        let result = fsutil::write_atomic(&self.path, |w| {
            write(&mut *w)?;
            for entry in &self.foreign {
                serde_json::to_writer(&mut *w, entry).map_err(io::Error::from)?;
                w.write_all(b"\n")?;
            }
            Ok(())
        })
        .map_err(StoreError::io(&self.path));
        match &result {
            Ok(()) => tracing::debug!(
                file = %self.path.display(),
                elapsed_ms = started.elapsed().as_millis() as u64,
                "staged set saved"
            ),
            Err(e) => tracing::error!(error = %e, "staged set not saved"),
        }
        result
    }
}

pub fn read<T: DeserializeOwned + Send>(path: &Path) -> Result<Vec<StagedEntry<T>>, StoreError> {
    let text = match fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(StoreError::io(path)(e)),
    };
    // A million staged people are ~270 MB of JSON: parse the halves on two threads.
    let split = if text.len() >= PARALLEL_FROM_BYTES {
        memchr::memchr(b'\n', &text.as_bytes()[text.len() / 2..]).map(|i| text.len() / 2 + i + 1)
    } else {
        None
    };
    let Some(split) = split else {
        return parse_lines(path, &text, 0);
    };
    let (first, second) = text.split_at(split);
    let second_starts = first.lines().count();
    let (first, second) = std::thread::scope(|s| {
        let second = s.spawn(|| parse_lines(path, second, second_starts));
        let first = parse_lines(path, first, 0);
        // A panic there is a bug, not bad data: propagate it.
        (
            first,
            second
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e)),
        )
    });
    let mut entries = first?;
    entries.extend(second?);
    Ok(entries)
}

/// Files at least this large are parsed in two halves.
const PARALLEL_FROM_BYTES: usize = 4 << 20;

/// The entries of `text`, whose first line is line `before + 1` of the file.
fn parse_lines<T: DeserializeOwned>(
    path: &Path,
    text: &str,
    before: usize,
) -> Result<Vec<StagedEntry<T>>, StoreError> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| StoreError::Corrupt {
                path: path.to_path_buf(),
                line: before + i + 1,
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

    #[test]
    fn a_large_staged_file_reads_back_whole_in_order_with_right_line_numbers() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("staged-connections.jsonl");
        let entry = |i: usize| StagedEntry {
            id: format!("https://www.linkedin.com/in/p{i}"),
            item: Person {
                first_name: format!("P{i}"),
                ..Default::default()
            },
        };
        let n = 40_000; // about 6 MB: parsed in two halves
        let (store, _) = StagedStore::<Person>::load(&path).unwrap();
        store.save((0..n).map(entry)).unwrap();
        assert!(fs::metadata(&path).unwrap().len() as usize >= PARALLEL_FROM_BYTES);
        let back: Vec<StagedEntry<Person>> = read(&path).unwrap();
        assert_eq!(back.len(), n);
        assert!(back.iter().enumerate().all(|(i, e)| *e == entry(i)));
        // A bad line deep in the second half is reported by its line in the file.
        let mut text = fs::read_to_string(&path).unwrap();
        text.push_str("{not json\n");
        fs::write(&path, text).unwrap();
        match read::<Person>(&path) {
            Err(StoreError::Corrupt { line, .. }) => assert_eq!(line, n + 1),
            other => panic!("{other:?}"),
        }
    }
}
