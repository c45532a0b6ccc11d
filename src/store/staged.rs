//! The staged set: who is in the right column. Saved atomically on every change so that
//! quitting, a crash or `kill -9` never loses a selection. (Above 30,000 staged, the
//! save runs behind the screen and lands within about a second; quitting waits for it.)
//! A damaged file (a line cut off, an unreadable line) keeps its good entries; the
//! damaged lines are set aside in a file of their own and the user is told.
//!
//! People from the export that is open are saved by identity alone (see [`format`]).

mod format;
mod id_list;

use std::borrow::Cow;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize, de::DeserializeOwned};

pub use format::{IdGroup, StagedSet};
pub use id_list::{IdList, Ids};

use super::faults::Faults;
use super::{StoreError, fsutil, json_lines};

/// One staged item: its identity plus everything needed to show or export it even when
/// the export it came from is not open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StagedEntry<T> {
    pub id: crate::model::Identity,
    pub item: T,
}

#[derive(Debug)]
pub struct StagedStore<T> {
    path: PathBuf,
    /// The export open now, which identities saved by [`StagedStore::save_ids`] are from.
    export: Option<String>,
    /// Staged entries the export now open does not contain: kept, written back each save.
    foreign: StagedSet<T>,
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
    pub fn load(path: &Path) -> Result<(StagedStore<T>, StagedSet<T>), StoreError> {
        // Rewritten from now on: private even if restored from a backup as 0644.
        let bytes = fsutil::read_private(path)
            .map_err(StoreError::io(path))?
            .unwrap_or_default();
        let (text, not_utf8) = as_text(&bytes);
        let parsed = parse(&text, &not_utf8);
        let recovery = if parsed.1.is_empty() {
            None
        } else {
            Some(set_aside(path, &text, &parsed)?)
        };
        Ok((
            StagedStore {
                path: path.to_path_buf(),
                export: None,
                foreign: StagedSet::default(),
                recovery,
                faults: None,
            },
            parsed.0,
        ))
    }

    /// The export now open: identities saved from now on are said to be from it.
    pub fn set_export(&mut self, export: &Path) {
        let absolute = std::path::absolute(export).unwrap_or_else(|_| export.to_path_buf());
        self.export = absolute.to_str().map(str::to_owned);
    }

    /// What [`StagedStore::load`] repaired, if anything.
    pub fn recovery(&self) -> Option<&StagedRecovery> {
        self.recovery.as_ref()
    }

    /// Tests: make this store's writes fail as `faults` says.
    #[doc(hidden)]
    #[cfg(feature = "test-support")]
    pub fn inject_faults(&mut self, faults: Arc<Faults>) {
        self.faults = Some(faults);
    }

    pub fn set_foreign(&mut self, foreign: StagedSet<T>) {
        self.foreign = foreign;
    }

    pub fn foreign(&self) -> &StagedSet<T> {
        &self.foreign
    }

    /// Saves these entries, fields and all, as the staged set.
    pub fn save(&self, staged: impl Iterator<Item = StagedEntry<T>>) -> Result<(), StoreError> {
        self.save_with(|w| {
            for entry in staged {
                serde_json::to_writer(&mut *w, &entry).map_err(io::Error::from)?;
                w.write_all(b"\n")?;
            }
            Ok(())
        })
    }

    /// Saves items of the export now open (see [`StagedStore::set_export`]) by identity
    /// alone: `identity` appends item `id`'s to a buffer. Many are written on two threads.
    pub fn save_ids(
        &self,
        ids: &[u32],
        identity: impl Fn(u32, &mut String) + Sync,
    ) -> Result<(), StoreError> {
        self.save_with(|w| {
            if ids.is_empty() {
                return Ok(());
            }
            format::write_header(w, self.export.as_deref())?;
            json_lines::write(w, ids, |buf, &id| {
                let mut text = String::new();
                identity(id, &mut text);
                format::write_id(buf, &text)
            })
        })
    }

    /// Replaces the file with the lines `write` writes, then the foreign entries. On an
    /// error the old file stays as it was.
    fn save_with(
        &self,
        write: impl FnOnce(&mut dyn io::Write) -> io::Result<()>,
    ) -> Result<(), StoreError> {
        let started = std::time::Instant::now();
        let result = fsutil::write_atomic_with(&self.path, self.faults.as_deref(), |w| {
            write(&mut *w)?;
            format::write_set(w, &self.foreign)
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
    parsed: &(StagedSet<T>, Vec<(usize, &str)>),
) -> Result<StagedRecovery, StoreError> {
    let (set, bad) = parsed;
    let mut damaged = String::new();
    for (_, line) in bad {
        damaged.push_str(line);
        damaged.push('\n');
    }
    let stem = path.file_stem().map_or_else(
        || "staged.damaged".to_owned(),
        |s| format!("{}.damaged", s.to_string_lossy()),
    );
    let saved_to = fsutil::save_aside(path, &stem, "jsonl", damaged.as_bytes())
        .map_err(StoreError::io(path))?;
    fsutil::write_atomic(path, |w| {
        // Damaged line numbers come in file order: walk them alongside the lines.
        let mut bad = bad.iter().map(|(n, _)| *n).peekable();
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
        bad_lines: bad.iter().map(|(n, _)| *n).collect(),
        saved_to,
        kept: set.len(),
    })
}

/// What `path` holds, skipping damaged lines (see [`read_checked`]).
pub fn read<T: DeserializeOwned + Send>(path: &Path) -> Result<StagedSet<T>, StoreError> {
    Ok(read_checked(path)?.0)
}

/// What `path` holds and the line numbers of damaged lines, changing nothing.
pub fn read_checked<T: DeserializeOwned + Send>(
    path: &Path,
) -> Result<(StagedSet<T>, Vec<usize>), StoreError> {
    let bytes = read_bytes(path)?;
    let (text, not_utf8) = as_text(&bytes);
    let (set, bad) = parse(&text, &not_utf8);
    Ok((set, bad.iter().map(|(n, _)| *n).collect()))
}

/// The file's bytes (missing = none); anything but a regular file is refused unopened.
fn read_bytes(path: &Path) -> Result<Vec<u8>, StoreError> {
    Ok(fsutil::read_regular(path)
        .map_err(StoreError::io(path))?
        .unwrap_or_default())
}

/// The file's text, and the lines (numbered from 1) that are not UTF-8: those are kept
/// as replacement characters and reported damaged, not the whole file. Checked by
/// `encoding_rs`, with SIMD: 25 MB of identities (a million staged) in 1.5 ms instead
/// of the standard library's 17.
fn as_text(bytes: &[u8]) -> (Cow<'_, str>, Vec<usize>) {
    let (text, malformed) = encoding_rs::UTF_8.decode_without_bom_handling(bytes);
    let mut not_utf8 = Vec::new();
    if malformed {
        let lines = bytes.split(|&b| b == b'\n').enumerate();
        not_utf8.extend(
            lines
                .filter(|(_, line)| std::str::from_utf8(line).is_err())
                .map(|(i, _)| i + 1),
        );
    }
    (text, not_utf8)
}

/// What `text` holds, and its damaged lines (number from 1, text).
type Parsed<'a, T> = (StagedSet<T>, Vec<(usize, &'a str)>);

fn parse<'a, T: DeserializeOwned + Send>(text: &'a str, not_utf8: &[usize]) -> Parsed<'a, T> {
    parse_from(text, not_utf8, PARALLEL_FROM_BYTES)
}

/// [`parse`], texts from `parallel_from` bytes in as many parts as the machine has cores
/// (tests lower the threshold).
fn parse_from<'a, T: DeserializeOwned + Send>(
    text: &'a str,
    not_utf8: &[usize],
    parallel_from: usize,
) -> Parsed<'a, T> {
    let parts = if text.len() >= parallel_from {
        rayon::current_num_threads()
    } else {
        1
    };
    parse_in_parts(text, not_utf8, parts)
}

/// Parses `text` cut at line breaks into up to `parts` pieces, parsed at once (rayon)
/// and joined in order, a group cut in two carried on: as one run would read it. A
/// million staged people with their fields are ~270 MB of JSON.
fn parse_in_parts<'a, T: DeserializeOwned + Send>(
    text: &'a str,
    not_utf8: &[usize],
    parts: usize,
) -> Parsed<'a, T> {
    use rayon::prelude::*;
    // Each piece starts just after a line break past its share of the bytes, and knows
    // how many lines come before it (each earlier piece ends with a line break).
    let mut pieces: Vec<(&'a str, usize)> = Vec::with_capacity(parts);
    let (mut start, mut lines_before) = (0, 0);
    for k in 1..parts.max(1) {
        let target = text.len() * k / parts;
        if target <= start {
            continue;
        }
        let Some(i) = memchr::memchr(b'\n', &text.as_bytes()[target..]) else {
            break;
        };
        let end = target + i + 1;
        let piece = &text[start..end];
        pieces.push((piece, lines_before));
        lines_before += memchr::memchr_iter(b'\n', piece.as_bytes()).count();
        start = end;
    }
    pieces.push((&text[start..], lines_before));
    let mut parsed = pieces
        .into_par_iter()
        .map(|(piece, before)| format::parse_lines(piece, before, not_utf8))
        .collect::<Vec<_>>()
        .into_iter();
    let Some(mut whole) = parsed.next() else {
        return format::parse_lines(text, 0, not_utf8).finish();
    };
    for next in parsed {
        whole.extend(next);
    }
    whole.finish()
}

/// Files at least this large are parsed in parts, across the machine's cores.
const PARALLEL_FROM_BYTES: usize = 4 << 20;

#[cfg(test)]
mod differential_tests;
#[cfg(test)]
mod tests;
