//! Reading the journal back: only whole batches count, and a cut-off end (a torn line, a
//! batch cut short by a kill) is moved aside on open rather than lost or half-counted.
//! Damage elsewhere (see [`super::parse`]) is reported and left on disk as it is.

use std::fmt::Write as _;
use std::fs;
use std::io::{self, Read as _, Seek as _};
use std::path::{Path, PathBuf};

use super::parse::{Fields, Parsed, parse_keeping};
use super::{JournalAction, JournalEntry};
use crate::store::{StoreError, fsutil};

/// What opening the journal found besides the entries.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Recovery {
    /// The cut-off end of the journal was moved to this file.
    pub torn_saved_to: Option<PathBuf>,
    /// When that end was a batch cut short: how many of its lines had been written
    /// whole, and how many entries it had. None of them count.
    pub cut_batch: Option<(usize, usize)>,
    /// What that batch did: removals, withdrawals, marks or a check's findings.
    pub cut_action: Option<JournalAction>,
    /// Complete lines that are not valid entries (kept in the journal, ignored).
    pub bad_lines: Vec<usize>,
    /// Where all of `bad_lines` are listed, when there are too many to show.
    pub bad_lines_listed_in: Option<PathBuf>,
    /// Batches earlier in the journal missing entries (kept, ignored), by batch id.
    pub incomplete_batches: Vec<String>,
}

/// Unreadable lines named in the message; more are counted and listed in a file.
const LINES_SHOWN: usize = 5;

/// The file listing every unreadable line, beside the journal.
const BAD_LINES_FILE: &str = "journal.unreadable-lines.txt";

impl Recovery {
    pub fn message(&self) -> Option<String> {
        let mut parts = Vec::new();
        match (&self.torn_saved_to, self.cut_batch) {
            (Some(p), Some((written, of))) => parts.push(format!(
                "{}; it was saved to {}",
                cut_words(self.cut_action, written, of),
                p.display()
            )),
            (Some(p), None) => parts.push(format!(
                "the journal's last line was cut off by a crash; it was saved to {} and the rest kept",
                p.display()
            )),
            _ => {}
        }
        if let Some(words) = self.bad_lines_words() {
            parts.push(words);
        }
        if !self.incomplete_batches.is_empty() {
            parts.push(format!(
                "{} earlier confirmation(s) in the journal are missing entries and were ignored",
                self.incomplete_batches.len()
            ));
        }
        (!parts.is_empty()).then(|| parts.join("; "))
    }

    /// One clause however many lines: a few are named, more are counted.
    fn bad_lines_words(&self) -> Option<String> {
        let lines = self.bad_lines.as_slice();
        let kept = "kept in the journal as they are, and ignored";
        match lines {
            [] => None,
            [line] => Some(format!("journal line {line} is unreadable; it was {kept}")),
            lines if lines.len() <= LINES_SHOWN => {
                let named: Vec<String> = lines.iter().map(usize::to_string).collect();
                Some(format!(
                    "journal lines {} are unreadable; they were {kept}",
                    named.join(", ")
                ))
            }
            lines => {
                let named: Vec<String> =
                    lines[..LINES_SHOWN].iter().map(usize::to_string).collect();
                let mut words = format!(
                    "{} journal lines are unreadable (lines {} and {} more); they were {kept}",
                    lines.len(),
                    named.join(", "),
                    lines.len() - LINES_SHOWN
                );
                if let Some(list) = &self.bad_lines_listed_in {
                    let _ = write!(words, "; all are listed in {}", list.display());
                }
                Some(words)
            }
        }
    }
}

/// What a batch cut off by a crash was, in the words of what it did.
fn cut_words(action: Option<JournalAction>, written: usize, of: usize) -> String {
    use JournalAction::{
        Done, Opened, Remove, Restore, StillConnected, StillPending, Undone, Verified, Withdraw,
        WithdrawalVerified,
    };
    let after = format!("after {written} of {of} lines were written");
    match action {
        None | Some(Remove) => format!(
            "the last confirmation (removing {of}) was cut off by a crash {after}, so none \
             of it counts (those people are still staged)"
        ),
        Some(Withdraw) => format!(
            "the last confirmation (withdrawing {of} invitations) was cut off by a crash \
             {after}, so none of it counts (those invitations are still staged)"
        ),
        Some(Done | Undone | Opened | Restore) => {
            let mark = match action {
                Some(Done) => "done",
                Some(Undone) => "not done",
                Some(Opened) => "opened",
                _ => "restored",
            };
            format!(
                "the last {of} mark(s) as {mark} were cut off by a crash {after}, so none of \
                 them count: mark them again"
            )
        }
        Some(Verified | StillConnected | WithdrawalVerified | StillPending) => format!(
            "the last check against a newer export ({of} findings) was cut off by a crash \
             {after}, so none of it counts: check that export again"
        ),
    }
}

/// The journal, opened for reading if it is a regular file; `None` if there is none.
pub(super) fn open(path: &Path) -> Result<Option<fs::File>, StoreError> {
    match fsutil::open_regular(path, fs::OpenOptions::new().read(true)) {
        Ok(file) => Ok(Some(file)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(StoreError::io(path)(e)),
    }
}

/// Reads through a buffer of this size: the file is never held whole.
pub(super) const READ_BUFFER: usize = 1 << 20;

fn parse_file(path: &Path, file: &fs::File, fields: Fields) -> Result<Parsed, StoreError> {
    parse_keeping(io::BufReader::with_capacity(READ_BUFFER, file), fields)
        .map_err(StoreError::io(path))
}

/// The entries in force-able order, nothing changed on disk.
pub fn read(path: &Path) -> Result<Vec<JournalEntry>, StoreError> {
    match open(path)? {
        Some(file) => Ok(parse_file(path, &file, Fields::All)?.entries),
        None => Ok(Vec::new()),
    }
}

/// A journal as read, before its repair: nothing on disk has changed yet.
#[derive(Debug, Default)]
pub struct Unrepaired {
    pub entries: Vec<JournalEntry>,
    /// Read with [`Fields::Lean`], where each entry's line starts; empty otherwise.
    pub offsets: Vec<u64>,
    recovery: Recovery,
    /// The bytes to keep (everything before a cut-off end), and that end.
    keep_len: u64,
    torn: Vec<u8>,
}

/// Reads the journal for [`Unrepaired::repair`], keeping `fields` of each entry and
/// changing nothing on disk.
pub(super) fn read_unrepaired(path: &Path, fields: Fields) -> Result<Unrepaired, StoreError> {
    let Some(mut file) = open(path)? else {
        return Ok(Unrepaired::default());
    };
    let parsed = parse_file(path, &file, fields)?;
    // The cut-off end, read again from where the part kept ends.
    let mut torn = Vec::new();
    file.seek(io::SeekFrom::Start(parsed.keep_len as u64))
        .and_then(|_| file.read_to_end(&mut torn))
        .map_err(StoreError::io(path))?;
    Ok(Unrepaired {
        entries: parsed.entries,
        offsets: parsed.offsets,
        recovery: Recovery {
            cut_batch: parsed.cut_batch.map(|(written, of, _)| (written, of)),
            cut_action: parsed.cut_batch.map(|(_, _, action)| action),
            bad_lines: parsed.bad_lines,
            incomplete_batches: parsed.incomplete_batches,
            ..Recovery::default()
        },
        keep_len: parsed.keep_len as u64,
        torn,
    })
}

impl Unrepaired {
    /// Moves a cut-off end aside and cuts the journal at `path` before it. The data
    /// folder's lock keeps anyone else from writing the journal since it was read.
    pub fn repair(self, path: &Path) -> Result<(Vec<JournalEntry>, Recovery), StoreError> {
        let Unrepaired {
            entries,
            offsets: _,
            mut recovery,
            keep_len,
            torn,
        } = self;
        if !torn.is_empty() {
            let aside = fsutil::save_aside(path, "journal.torn", "jsonl", &torn)
                .map_err(StoreError::io(path))?;
            let file = fsutil::open_regular(path, fs::OpenOptions::new().write(true))
                .map_err(StoreError::io(path))?;
            file.set_len(keep_len)
                .and_then(|()| file.sync_all())
                .map_err(StoreError::io(path))?;
            recovery.torn_saved_to = Some(aside);
        }
        if recovery.bad_lines.len() > LINES_SHOWN {
            recovery.bad_lines_listed_in = list_bad_lines(path, &recovery.bad_lines);
        }
        Ok((entries, recovery))
    }
}

/// Writes every unreadable line's number beside the journal; `None` if that fails (the
/// message then counts them without pointing to the list).
fn list_bad_lines(journal: &Path, lines: &[usize]) -> Option<PathBuf> {
    let list = journal.with_file_name(BAD_LINES_FILE);
    let written = fsutil::write_atomic(&list, |w| {
        writeln!(
            w,
            "Unreadable lines of {}, kept in it as they are:",
            journal.display()
        )?;
        for line in lines {
            writeln!(w, "{line}")?;
        }
        Ok(())
    });
    match written {
        Ok(()) => Some(list),
        Err(error) => {
            tracing::warn!(%error, "could not list the journal's unreadable lines");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::journal::parse::tests::{batch, ids, lines};
    use crate::store::journal::{mark_batch_lengths, now};

    #[test]
    fn a_cut_batch_is_set_aside_on_open_and_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.jsonl");
        let first = lines(&batch("a", 1));
        let second = lines(&batch("b", 3));
        let cut = first.len() + second.len() - 10;
        fs::write(&path, &[first.clone(), second].concat()[..cut]).unwrap();
        let (entries, recovery) = read_unrepaired(&path, Fields::All)
            .unwrap()
            .repair(&path)
            .unwrap();
        assert_eq!(ids(&entries), ["a-0"]);
        assert_eq!(recovery.cut_batch, Some((2, 3)));
        let message = recovery.message().unwrap();
        assert!(message.contains("after 2 of 3 lines"), "{message}");
        assert!(message.contains("none of it counts"), "{message}");
        assert_eq!(
            fs::read(&path).unwrap(),
            first,
            "journal cut before the batch"
        );
        let aside = fs::read(recovery.torn_saved_to.unwrap()).unwrap();
        assert_eq!(aside.len(), cut - first.len(), "the cut part kept aside");
    }

    #[test]
    fn a_cut_batch_of_marks_is_reported_as_marks_not_as_staged_people() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.jsonl");
        let (mut j, _) = crate::store::Journal::open(&path).unwrap();
        j.append(batch("a", 3)).unwrap();
        drop(j);
        let ids = ["a-0", "a-1", "a-2"];
        let marks = super::super::status_entries(ids, super::super::JournalAction::Done, now());
        let mut marks_text = Vec::new();
        let mut marks = marks;
        mark_batch_lengths(&mut marks);
        super::super::compact::write(&mut marks_text, &marks).unwrap();
        // Killed after the header and two of the three marks.
        let lines: Vec<&[u8]> = marks_text.split_inclusive(|&b| b == b'\n').collect();
        let mut f = fs::OpenOptions::new().append(true).open(&path).unwrap();
        std::io::Write::write_all(&mut f, &lines[..3].concat()).unwrap();
        drop(f);
        let (_, recovery) = crate::store::Journal::open(&path).unwrap();
        let message = recovery.message().unwrap();
        assert!(!message.contains("staged"), "{message}");
        assert!(message.contains("3 mark(s) as done"), "{message}");
        assert!(message.contains("mark them again"), "{message}");
    }

    #[test]
    fn many_unreadable_lines_are_one_short_clause_with_the_full_list_beside_the_journal() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.jsonl");
        let good = lines(&batch("a", 1));
        let text = [good, b"not an entry\n".repeat(200_000)].concat();
        fs::write(&path, text).unwrap();
        let (j, recovery) = crate::store::Journal::open(&path).unwrap();
        assert_eq!(ids(j.entries()), ["a-0"]);
        let message = recovery.message().unwrap();
        assert!(message.len() < 300, "{} bytes: {message}", message.len());
        assert!(
            message.contains(
                "200000 journal lines are unreadable (lines 2, 3, 4, 5, 6 and 199995 more)"
            ),
            "{message}"
        );
        let list = recovery.bad_lines_listed_in.unwrap();
        assert!(message.contains(&list.display().to_string()), "{message}");
        let listed = fs::read_to_string(&list).unwrap();
        assert_eq!(listed.lines().count(), 1 + 200_000);
        assert_eq!(listed.lines().last(), Some("200001"));
    }
}
