//! The staged set: who is in the right column. Saved atomically on every change so that
//! quitting, a crash or `kill -9` never loses a selection. (Above 30,000 staged, the
//! save runs behind the screen and lands within about a second; quitting waits for it.)
//! A damaged file (a line cut off, an unreadable line) keeps its good entries; the
//! damaged lines are set aside in a file of their own and the user is told.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize, de::DeserializeOwned};

use super::faults::Faults;
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
    /// What loading had to repair, to tell the user.
    recovery: Option<StagedRecovery>,
    faults: Option<Arc<Faults>>,
}

/// Damaged lines found when loading a staged file: set aside, the rest kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StagedRecovery {
    /// Line numbers (from 1) of the lines that could not be read.
    pub bad_lines: Vec<usize>,
    /// Where those lines were saved.
    pub saved_to: PathBuf,
    /// How many entries were kept.
    pub kept: usize,
}

impl StagedRecovery {
    pub fn message(&self) -> String {
        let lines = match self.bad_lines.as_slice() {
            [one] => format!("line {one} is"),
            many => format!("{} lines are", many.len()),
        };
        format!(
            "the staged list was damaged ({lines} unreadable, probably cut off by a crash); \
             {} staged kept, the damaged part saved to {}",
            self.kept,
            self.saved_to.display()
        )
    }
}

impl<T: Serialize + DeserializeOwned + Clone + Send> StagedStore<T> {
    /// Reads the staged file (missing = empty). Damaged lines do not lock the user out:
    /// the good entries are kept, the damaged lines saved to a file beside it and the
    /// staged file rewritten without them; [`StagedStore::recovery`] says so.
    pub fn load(path: &Path) -> Result<(StagedStore<T>, Vec<StagedEntry<T>>), StoreError> {
        let text = read_text(path)?;
        let parsed = parse(&text);
        let recovery = if parsed.bad.is_empty() {
            None
        } else {
            Some(set_aside(path, &text, &parsed)?)
        };
        Ok((
            StagedStore {
                path: path.to_path_buf(),
                foreign: Vec::new(),
                recovery,
                faults: None,
            },
            parsed.entries,
        ))
    }

    /// What [`StagedStore::load`] repaired, if anything.
    pub fn recovery(&self) -> Option<&StagedRecovery> {
        self.recovery.as_ref()
    }

    /// Tests: make this store's writes fail as `faults` says.
    #[doc(hidden)]
    pub fn inject_faults(&mut self, faults: Arc<Faults>) {
        self.faults = Some(faults);
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
    /// then the foreign entries. On an error the old file stays as it was.
    pub fn save_with(
        &self,
        write: impl FnOnce(&mut dyn io::Write) -> io::Result<()>,
    ) -> Result<(), StoreError> {
        let started = std::time::Instant::now();
        let result = fsutil::write_atomic_with(&self.path, self.faults.as_deref(), |w| {
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

/// Saves the damaged lines beside `path` and rewrites it with the good lines only (as
/// they were, byte for byte), so the next start does not set them aside again.
fn set_aside<T>(
    path: &Path,
    text: &str,
    parsed: &Parsed<'_, T>,
) -> Result<StagedRecovery, StoreError> {
    let mut damaged = String::new();
    for (_, line) in &parsed.bad {
        damaged.push_str(line);
        damaged.push('\n');
    }
    let stem = path
        .file_stem()
        .map(|s| format!("{}.damaged", s.to_string_lossy()))
        .unwrap_or_else(|| "staged.damaged".to_owned());
    let saved_to = fsutil::save_aside(path, &stem, "jsonl", damaged.as_bytes())
        .map_err(StoreError::io(path))?;
    fsutil::write_atomic(path, |w| {
        // Damaged line numbers come in file order: walk them alongside the lines.
        let mut bad = parsed.bad.iter().map(|(n, _)| *n).peekable();
        for (i, line) in text.lines().enumerate() {
            if bad.next_if_eq(&(i + 1)).is_none() {
                w.write_all(line.as_bytes())?;
                w.write_all(b"\n")?;
            }
        }
        Ok(())
    })
    .map_err(StoreError::io(path))?;
    Ok(StagedRecovery {
        bad_lines: parsed.bad.iter().map(|(n, _)| *n).collect(),
        saved_to,
        kept: parsed.entries.len(),
    })
}

/// The staged entries in `path`, skipping damaged lines (see [`read_checked`]).
pub fn read<T: DeserializeOwned + Send>(path: &Path) -> Result<Vec<StagedEntry<T>>, StoreError> {
    Ok(read_checked(path)?.0)
}

/// The staged entries in `path` and the line numbers of damaged lines, changing nothing.
pub fn read_checked<T: DeserializeOwned + Send>(
    path: &Path,
) -> Result<(Vec<StagedEntry<T>>, Vec<usize>), StoreError> {
    let text = read_text(path)?;
    let parsed = parse(&text);
    Ok((parsed.entries, parsed.bad.iter().map(|(n, _)| *n).collect()))
}

/// The file's text (missing = empty). Invalid UTF-8 is kept as replacement characters:
/// the line holding it is then reported damaged, not the whole file.
fn read_text(path: &Path) -> Result<String, StoreError> {
    match fs::read(path) {
        Ok(bytes) => Ok(match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        }),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(String::new()),
        Err(e) => Err(StoreError::io(path)(e)),
    }
}

/// Entries read, and damaged lines (number from 1, text).
struct Parsed<'a, T> {
    entries: Vec<StagedEntry<T>>,
    bad: Vec<(usize, &'a str)>,
}

fn parse<T: DeserializeOwned + Send>(text: &str) -> Parsed<'_, T> {
    // A million staged people are ~270 MB of JSON: parse the halves on two threads.
    let split = if text.len() >= PARALLEL_FROM_BYTES {
        memchr::memchr(b'\n', &text.as_bytes()[text.len() / 2..]).map(|i| text.len() / 2 + i + 1)
    } else {
        None
    };
    let Some(split) = split else {
        return parse_lines(text, 0);
    };
    let (first, second) = text.split_at(split);
    let second_starts = first.lines().count();
    let (mut first, second) = std::thread::scope(|s| {
        let second = s.spawn(|| parse_lines(second, second_starts));
        let first = parse_lines(first, 0);
        // A panic there is a bug, not bad data: propagate it.
        (
            first,
            second
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e)),
        )
    });
    first.entries.extend(second.entries);
    first.bad.extend(second.bad);
    first
}

/// Files at least this large are parsed in two halves.
const PARALLEL_FROM_BYTES: usize = 4 << 20;

/// The entries of `text`, whose first line is line `before + 1` of the file.
fn parse_lines<T: DeserializeOwned>(text: &str, before: usize) -> Parsed<'_, T> {
    let mut parsed = Parsed {
        entries: Vec::new(),
        bad: Vec::new(),
    };
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str(line) {
            Ok(entry) => parsed.entries.push(entry),
            Err(_) => parsed.bad.push((before + i + 1, line)),
        }
    }
    parsed
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
        let (back, bad) = read_checked::<Person>(&path).unwrap();
        assert_eq!(back.len(), n);
        assert_eq!(bad, [n + 1]);
    }

    #[test]
    fn a_half_written_staged_file_keeps_its_good_entries_and_sets_the_rest_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("staged-connections.jsonl");
        let p = |id: &str| StagedEntry {
            id: id.to_owned(),
            item: Person {
                first_name: id.to_owned(),
                ..Default::default()
            },
        };
        let (store, _) = StagedStore::<Person>::load(&path).unwrap();
        store.save([p("a"), p("b"), p("c")].into_iter()).unwrap();
        let whole = fs::read_to_string(&path).unwrap();
        // Cut in the middle of the third line, with garbage in the middle too.
        let cut = whole.len() - 12;
        let mut damaged: Vec<&str> = whole[..cut].lines().collect();
        damaged.insert(1, "\u{0}\u{0}garbage");
        fs::write(&path, damaged.join("\n")).unwrap();

        let (store, loaded) = StagedStore::<Person>::load(&path).unwrap();
        let ids: Vec<_> = loaded.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"], "the good entries are kept");
        let recovery = store.recovery().expect("the damage is reported");
        assert_eq!(recovery.bad_lines, [2, 4]);
        let message = recovery.message();
        assert!(message.contains("2 staged kept"), "{message}");
        let aside = fs::read_to_string(&recovery.saved_to).unwrap();
        assert!(aside.starts_with("\u{0}\u{0}garbage\n"), "{aside:?}");
        assert!(
            aside.contains(&whole[whole.lines().take(2).map(|l| l.len() + 1).sum::<usize>()..cut])
        );
        // The staged file now holds only the good lines: the next start is clean.
        let (store, again) = StagedStore::<Person>::load(&path).unwrap();
        assert_eq!(again.len(), 2);
        assert!(store.recovery().is_none());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&recovery.saved_to)
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600, "the set-aside file is private");
        }
    }

    #[test]
    fn a_failed_save_leaves_the_last_saved_set_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("staged-connections.jsonl");
        let p = |id: &str| StagedEntry {
            id: id.to_owned(),
            item: Person::default(),
        };
        let (mut store, _) = StagedStore::<Person>::load(&path).unwrap();
        store.save([p("a")].into_iter()).unwrap();
        store.inject_faults(Arc::new(Faults::fail_every(1)));
        let failed = store.save([p("a"), p("b")].into_iter());
        assert!(matches!(failed, Err(StoreError::Io { .. })), "{failed:?}");
        let ids: Vec<String> = read::<Person>(&path)
            .unwrap()
            .into_iter()
            .map(|e| e.id)
            .collect();
        assert_eq!(ids, ["a"]);
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temp file left"
        );
    }
}
