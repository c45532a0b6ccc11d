//! Reading the journal back: only whole batches count, and a cut-off end (a torn line, a
//! batch cut short by a kill) is moved aside on open rather than lost or half-counted.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::JournalEntry;
use super::compact::{self, Header, Line};
use crate::store::{StoreError, fsutil};

/// What opening the journal found besides the entries.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Recovery {
    /// The cut-off end of the journal was moved to this file.
    pub torn_saved_to: Option<PathBuf>,
    /// When that end was a batch cut short: how many of its entries had been written
    /// whole, and how many it had. None of them count.
    pub cut_batch: Option<(usize, usize)>,
    /// Complete lines that are not valid entries (kept in the journal, ignored).
    pub bad_lines: Vec<usize>,
    /// Batches earlier in the journal missing entries (kept, ignored), by batch id.
    pub incomplete_batches: Vec<String>,
}

impl Recovery {
    pub fn message(&self) -> Option<String> {
        let mut parts = Vec::new();
        match (&self.torn_saved_to, self.cut_batch) {
            (Some(p), Some((written, of))) => parts.push(format!(
                "the last confirmation was cut off by a crash after {written} of {of} entries, \
                 so none of it counts (those people are still staged); it was saved to {}",
                p.display()
            )),
            (Some(p), None) => parts.push(format!(
                "the journal's last line was cut off by a crash; it was saved to {} and the rest kept",
                p.display()
            )),
            _ => {}
        }
        match self.bad_lines.as_slice() {
            [] => {}
            [line] => parts.push(format!("journal line {line} is unreadable and was ignored")),
            lines => {
                let lines: Vec<String> = lines.iter().map(usize::to_string).collect();
                parts.push(format!(
                    "journal lines {} are unreadable and were ignored",
                    lines.join(", ")
                ));
            }
        }
        if !self.incomplete_batches.is_empty() {
            parts.push(format!(
                "{} earlier confirmation(s) in the journal are missing entries and were ignored",
                self.incomplete_batches.len()
            ));
        }
        (!parts.is_empty()).then(|| parts.join("; "))
    }
}

/// What a journal's bytes hold.
struct Parsed {
    /// Entries of whole batches (and of entries from before batches were checked).
    entries: Vec<JournalEntry>,
    /// Bytes to keep: everything before a cut-off end.
    keep_len: usize,
    /// The batch cut off at the end: entries written, entries it had.
    cut_batch: Option<(usize, usize)>,
    bad_lines: Vec<usize>,
    incomplete_batches: Vec<String>,
}

/// A run of entries of one batch, being read.
struct Run {
    batch: String,
    len: usize,
    /// Index in the entries read so far, and byte offset, of its first entry.
    first: usize,
    offset: usize,
}

fn parse(bytes: &[u8]) -> Parsed {
    // A line an entry, nearly: counting them is cheap next to growing the list.
    let lines = memchr::memchr_iter(b'\n', bytes).count();
    let mut read: Vec<JournalEntry> = Vec::with_capacity(lines);
    let mut keep = Vec::with_capacity(lines);
    let mut bad_lines = Vec::new();
    let mut incomplete_batches = Vec::new();
    let mut run: Option<Run> = None;
    // The group header being read: its entry lines still to come, and where it starts
    // (a batch's first entry starts at its header).
    let mut group: Option<(Header, usize, usize)> = None;
    let mut offset = 0;
    // A torn last line is set aside below.
    for (i, line) in complete_lines(bytes).enumerate() {
        let mut at = offset;
        offset += line.len();
        let body = line.trim_ascii();
        if body.is_empty() {
            continue;
        }
        let entry = match compact::read_line(body) {
            Some(Line::Header(header)) => {
                end_group(group.take(), run.as_ref(), &mut incomplete_batches);
                let n = header.n;
                group = (n > 0).then_some((header, n, at));
                continue;
            }
            Some(Line::Row(row)) => match &mut group {
                Some((header, left, header_at)) if *left > 0 => {
                    if *left == header.n {
                        at = *header_at;
                    }
                    *left -= 1;
                    compact::entry(header, row)
                }
                _ => None,
            },
            Some(Line::Entry(entry)) => {
                end_group(group.take(), run.as_ref(), &mut incomplete_batches);
                Some(upgrade_id(*entry))
            }
            None => None,
        };
        let Some(entry) = entry else {
            bad_lines.push(i + 1);
            continue;
        };
        let continues = run
            .as_ref()
            .is_some_and(|r| Some(r.len) == entry.batch_len && r.batch == entry.batch);
        if !continues && let Some(open) = run.take() {
            // Cut short and followed by something else: ignored where it stands.
            keep[open.first..].fill(false);
            incomplete_batches.push(open.batch);
        }
        let index = read.len();
        if let Some(len) = entry.batch_len
            && run.is_none()
        {
            run = Some(Run {
                batch: entry.batch.clone(),
                len,
                first: index,
                offset: at,
            });
        }
        read.push(entry);
        keep.push(true);
        if let Some(open) = &run
            && read.len() - open.first >= open.len
        {
            run = None; // whole
        }
    }
    let good_len = offset;
    let (keep_len, cut_batch) = match (run, group) {
        (Some(open), _) => {
            let written = read.len() - open.first;
            read.truncate(open.first);
            keep.truncate(open.first);
            (open.offset, Some((written, open.len)))
        }
        // A header last and nothing of its batch after it: cut short before its first entry.
        (None, Some((header, left, header_at))) if left == header.n => {
            (header_at, Some((0, header.batch_len)))
        }
        (None, _) => (good_len, None),
    };
    let entries = if keep.iter().all(|&k| k) {
        read
    } else {
        read.into_iter()
            .zip(keep)
            .filter_map(|(e, keep)| keep.then_some(e))
            .collect()
    };
    Parsed {
        entries,
        keep_len,
        cut_batch,
        bad_lines,
        incomplete_batches,
    }
}

/// The complete lines of `bytes`, each with its line break: a torn end is not one.
fn complete_lines(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut start = 0;
    memchr::memchr_iter(b'\n', bytes).map(move |end| {
        let line = &bytes[start..=end];
        start = end + 1;
        line
    })
}

/// A group ends (a header or an entry of the older form follows): a header none of whose
/// entries followed means its batch is missing entries, unless the open run of that batch
/// says so already.
fn end_group(
    group: Option<(Header, usize, usize)>,
    run: Option<&Run>,
    incomplete_batches: &mut Vec<String>,
) {
    if let Some((header, left, _)) = group
        && left == header.n
        && run.is_none_or(|r| r.batch != header.batch)
    {
        incomplete_batches.push(header.batch);
    }
}

fn read_bytes(path: &Path) -> Result<Option<Vec<u8>>, StoreError> {
    match fs::read(path) {
        Ok(b) => Ok(Some(b)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(StoreError::io(path)(e)),
    }
}

/// The entries in force-able order, nothing changed on disk.
pub fn read(path: &Path) -> Result<Vec<JournalEntry>, StoreError> {
    Ok(read_bytes(path)?.map_or_else(Vec::new, |b| parse(&b).entries))
}

/// A journal as read, before its repair: nothing on disk has changed yet.
#[derive(Debug, Default)]
pub struct Unrepaired {
    pub entries: Vec<JournalEntry>,
    recovery: Recovery,
    /// The bytes to keep (everything before a cut-off end), and that end.
    keep_len: u64,
    torn: Vec<u8>,
}

/// Reads the journal for [`Unrepaired::repair`], changing nothing on disk.
pub fn read_unrepaired(path: &Path) -> Result<Unrepaired, StoreError> {
    let Some(bytes) = read_bytes(path)? else {
        return Ok(Unrepaired::default());
    };
    let parsed = parse(&bytes);
    Ok(Unrepaired {
        entries: parsed.entries,
        recovery: Recovery {
            torn_saved_to: None,
            cut_batch: parsed.cut_batch,
            bad_lines: parsed.bad_lines,
            incomplete_batches: parsed.incomplete_batches,
        },
        keep_len: parsed.keep_len as u64,
        torn: bytes[parsed.keep_len..].to_vec(),
    })
}

impl Unrepaired {
    /// Moves a cut-off end aside and cuts the journal at `path` before it. The data
    /// folder's lock keeps anyone else from writing the journal since it was read.
    pub fn repair(self, path: &Path) -> Result<(Vec<JournalEntry>, Recovery), StoreError> {
        let Unrepaired {
            entries,
            mut recovery,
            keep_len,
            torn,
        } = self;
        if !torn.is_empty() {
            let aside = fsutil::save_aside(path, "journal.torn", "jsonl", &torn)
                .map_err(StoreError::io(path))?;
            let file = fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(StoreError::io(path))?;
            file.set_len(keep_len)
                .and_then(|()| file.sync_all())
                .map_err(StoreError::io(path))?;
            recovery.torn_saved_to = Some(aside);
        }
        Ok((entries, recovery))
    }
}

/// Earlier versions named a person without a URL or e-mail by name alone
/// (`name:ada example|`), which merged different people of one name. Such an entry
/// gets the identity its recorded person has now, so it still matches that person.
fn upgrade_id(mut e: JournalEntry) -> JournalEntry {
    if e.id.starts_with("name:")
        && e.id.ends_with('|')
        && let Some(p) = &e.person
        && p.url.is_empty()
        && p.email.trim().is_empty()
    {
        e.id = p.identity();
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::journal::{JournalAction, mark_batch_lengths, now};

    fn batch(name: &str, n: usize) -> Vec<JournalEntry> {
        let mut entries: Vec<JournalEntry> = (0..n)
            .map(|i| JournalEntry {
                at: now(),
                action: JournalAction::Remove,
                batch: name.to_owned(),
                batch_len: None,
                id: format!("{name}-{i}"),
                person: None,
                invitation: None,
                export_date: None,
            })
            .collect();
        mark_batch_lengths(&mut entries);
        entries
    }

    fn lines(entries: &[JournalEntry]) -> Vec<u8> {
        let mut out = Vec::new();
        for e in entries {
            serde_json::to_writer(&mut out, e).unwrap();
            out.push(b'\n');
        }
        out
    }

    fn ids(entries: &[JournalEntry]) -> Vec<&str> {
        entries.iter().map(|e| e.id.as_str()).collect()
    }

    #[test]
    fn a_batch_cut_at_any_byte_never_counts_and_the_earlier_one_always_does() {
        let first = batch("a", 2);
        let second = batch("b", 3);
        let before = lines(&first);
        let whole = [before.clone(), lines(&second)].concat();
        for cut in before.len()..whole.len() {
            let parsed = parse(&whole[..cut]);
            assert_eq!(ids(&parsed.entries), ["a-0", "a-1"], "cut at byte {cut}");
            assert_eq!(parsed.keep_len, before.len(), "cut at byte {cut}");
        }
        assert_eq!(ids(&parse(&whole).entries).len(), 5);
        assert_eq!(parse(&whole).keep_len, whole.len());
    }

    fn compact_lines(entries: &[JournalEntry]) -> Vec<u8> {
        let mut out = Vec::new();
        compact::write(&mut out, entries).unwrap();
        out
    }

    #[test]
    fn a_compact_batch_cut_at_any_byte_never_counts_and_the_earlier_one_always_does() {
        // The second batch spans two groups (two actions), as a verification's may.
        let mut second = batch("b", 4);
        second[2].action = JournalAction::Verified;
        second[3].action = JournalAction::Verified;
        let before = [lines(&batch("old", 1)), compact_lines(&batch("a", 2))].concat();
        let second = compact_lines(&second);
        let header_end = before.len() + memchr::memchr(b'\n', &second).unwrap() + 1;
        let whole = [before.clone(), second].concat();
        for cut in before.len()..whole.len() {
            let parsed = parse(&whole[..cut]);
            assert_eq!(
                ids(&parsed.entries),
                ["old-0", "a-0", "a-1"],
                "cut at byte {cut}"
            );
            assert_eq!(parsed.keep_len, before.len(), "cut at byte {cut}");
            if cut >= header_end {
                assert_eq!(parsed.cut_batch.map(|c| c.1), Some(4), "cut at byte {cut}");
            }
        }
        let parsed = parse(&whole);
        assert_eq!(parsed.entries.len(), 7);
        assert_eq!(parsed.keep_len, whole.len());
        assert_eq!(parsed.entries[5].action, JournalAction::Verified);
    }

    #[test]
    fn a_compact_group_missing_lines_in_the_middle_is_ignored_but_kept() {
        let text = compact_lines(&batch("a", 3));
        let mut cut: Vec<&[u8]> = text.split_inclusive(|&b| b == b'\n').collect();
        cut.remove(2);
        let damaged = [cut.concat(), compact_lines(&batch("b", 1))].concat();
        let parsed = parse(&damaged);
        assert_eq!(ids(&parsed.entries), ["b-0"]);
        assert_eq!(parsed.incomplete_batches, ["a"]);
        // A row with no header before it is unreadable, not counted.
        let stray = [cut[1..].concat(), compact_lines(&batch("c", 1))].concat();
        let parsed = parse(&stray);
        assert_eq!(ids(&parsed.entries), ["c-0"]);
        assert_eq!(parsed.bad_lines, [1, 2]);
    }

    #[test]
    fn a_cut_batch_is_set_aside_on_open_and_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.jsonl");
        let first = lines(&batch("a", 1));
        let second = lines(&batch("b", 3));
        let cut = first.len() + second.len() - 10;
        fs::write(&path, &[first.clone(), second].concat()[..cut]).unwrap();
        let (entries, recovery) = read_unrepaired(&path).unwrap().repair(&path).unwrap();
        assert_eq!(ids(&entries), ["a-0"]);
        assert_eq!(recovery.cut_batch, Some((2, 3)));
        let message = recovery.message().unwrap();
        assert!(message.contains("after 2 of 3 entries"), "{message}");
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
    fn a_batch_missing_entries_in_the_middle_is_ignored_but_kept() {
        let mut entries = batch("a", 3);
        entries.remove(1);
        entries.extend(batch("b", 1));
        let parsed = parse(&lines(&entries));
        assert_eq!(ids(&parsed.entries), ["b-0"]);
        assert_eq!(parsed.incomplete_batches, ["a"]);
        assert_eq!(parsed.cut_batch, None);
    }

    #[test]
    fn entries_from_before_batch_lengths_count_one_by_one() {
        let mut old = batch("old", 2);
        for e in &mut old {
            e.batch_len = None;
        }
        old.truncate(1); // an old journal's split batch: counted, as it always was
        old.extend(batch("new", 2));
        let parsed = parse(&lines(&old));
        assert_eq!(ids(&parsed.entries), ["old-0", "new-0", "new-1"]);
    }

    #[test]
    fn two_batches_with_the_same_id_both_count() {
        let mut entries = batch("same", 2);
        entries.extend(batch("same", 2));
        let parsed = parse(&lines(&entries));
        assert_eq!(parsed.entries.len(), 4);
        assert!(parsed.incomplete_batches.is_empty());
    }
}
