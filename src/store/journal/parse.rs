//! Reading a journal's bytes into entries. Only a batch with fewer lines than it
//! announces, at the very end of the file, is taken for one a crash cut off (and set
//! aside by [`super::recovery`]). A complete line that cannot be read (a flipped byte,
//! invalid UTF-8, a hand edit) still fills its place in its batch: it is reported and
//! kept on disk, and the rest of its batch counts.

use std::io::{self, BufRead};

use super::compact::{self, Header, Line};
use super::{JournalAction, JournalEntry};

/// What a journal's bytes hold.
pub(super) struct Parsed {
    /// Entries of whole batches (and of entries from before batches were checked).
    pub entries: Vec<JournalEntry>,
    /// A first reading's flag per entry read: whether it counts (see [`stream`]).
    pub kept: Vec<bool>,
    /// Bytes to keep: everything before a cut-off end.
    pub keep_len: usize,
    /// The batch cut off at the end: lines written, entries it had, and what it did.
    pub cut_batch: Option<(usize, usize, JournalAction)>,
    /// Complete lines (1-based) that are not valid entries, outside the cut-off end.
    pub bad_lines: Vec<usize>,
    pub incomplete_batches: Vec<String>,
    /// With [`Fields::Lean`], where each entry's line starts; empty otherwise.
    pub offsets: Vec<u64>,
}

/// What of an entry is kept.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) enum Fields {
    /// Everything.
    #[default]
    All,
    /// Everything but the person (invitation), which stays on disk: where its line
    /// starts is kept instead (a million people's fields are not held at once).
    Lean,
}

/// The batch being read.
struct Run {
    batch: std::sync::Arc<str>,
    len: usize,
    /// Its lines read so far, readable or not.
    seen: usize,
    /// Index in the entries read so far of its first entry; byte offset and line
    /// number of its first line.
    first: usize,
    offset: usize,
    line: usize,
    action: JournalAction,
    /// Opened by a header: a line between its groups is no entry of it.
    compact: bool,
}

/// Where the entries read go.
#[derive(Default)]
enum Out<'f> {
    /// Held, for [`Parsed::entries`].
    #[default]
    Hold,
    /// Nowhere: a first reading, which finds which entries count (see [`stream`]).
    Count,
    /// Handed on as they are read, with where their line starts, if a first reading of
    /// the same bytes kept them.
    Hand {
        kept: &'f [bool],
        to: &'f mut dyn FnMut(JournalEntry, u64),
    },
}

#[derive(Default)]
struct Reader<'f> {
    read: Vec<JournalEntry>,
    /// Per entry read, whether it counts (so far: a batch found cut short counts for
    /// nobody).
    keep: Vec<bool>,
    out: Out<'f>,
    bad_lines: Vec<usize>,
    incomplete_batches: Vec<String>,
    run: Option<Run>,
    /// The group header being read, and its entry lines still to come.
    group: Option<(Header, usize)>,
    /// An unreadable line came between two groups of the open batch: most likely the
    /// next group's header, so the rows after it are that batch's, unreadable.
    headless: bool,
    fields: Fields,
    /// Where the line being read starts, and with [`Fields::Lean`], each entry's.
    at: usize,
    offsets: Vec<u64>,
}

impl Reader<'_> {
    /// The open batch turned out to miss lines: it counts for nobody, where it stands.
    fn close_incomplete(&mut self) {
        if let Some(open) = self.run.take() {
            self.keep[open.first..].fill(false);
            self.incomplete_batches.push(open.batch.to_string());
        }
    }

    /// One line of the open batch: an entry, or (`None`) a line that cannot be read.
    fn fill(&mut self, entry: Option<JournalEntry>, line: usize) {
        match entry {
            Some(mut entry) => {
                if self.fields == Fields::Lean {
                    entry.person = None;
                    entry.invitation = None;
                }
                match &mut self.out {
                    Out::Hold => {
                        if self.fields == Fields::Lean {
                            self.offsets.push(self.at as u64);
                        }
                        self.read.push(entry);
                    }
                    Out::Count => {}
                    Out::Hand { kept, to } => {
                        if kept.get(self.keep.len()) == Some(&true) {
                            to(entry, self.at as u64);
                        }
                    }
                }
                self.keep.push(true);
            }
            None => self.bad_lines.push(line),
        }
        if let Some(open) = &mut self.run {
            open.seen += 1;
            if open.seen >= open.len {
                self.run = None; // whole
                self.headless = false;
            }
        }
    }

    fn header(&mut self, header: Header, at: usize, line: usize) {
        self.headless = false;
        let group_left = self.group.take().is_some_and(|(_, left)| left > 0);
        let continues = self.run.as_ref().is_some_and(|r| {
            !group_left && r.compact && r.batch == header.batch && r.len == header.batch_len
        });
        if !continues {
            self.close_incomplete();
        }
        if header.n == 0 {
            return;
        }
        if self.run.is_none() {
            self.run = Some(Run {
                batch: header.batch.clone(),
                len: header.batch_len,
                seen: 0,
                first: self.keep.len(),
                offset: at,
                line,
                action: header.action,
                compact: true,
            });
        }
        let n = header.n;
        self.group = Some((header, n));
    }

    /// An entry in the one-object form: of an older journal, or odd within a batch.
    fn entry(&mut self, entry: JournalEntry, at: usize, line: usize) {
        self.headless = false;
        if self.group.take().is_some_and(|(_, left)| left > 0) {
            self.close_incomplete();
        }
        let continues = self
            .run
            .as_ref()
            .is_some_and(|r| Some(r.len) == entry.batch_len && r.batch == entry.batch);
        if !continues {
            self.close_incomplete();
        }
        if let Some(len) = entry.batch_len
            && self.run.is_none()
        {
            self.run = Some(Run {
                batch: entry.batch.clone(),
                len,
                seen: 0,
                first: self.keep.len(),
                offset: at,
                line,
                action: entry.action,
                compact: false,
            });
        }
        self.fill(Some(entry), line);
    }

    /// A row of the open group: its entry, or unreadable in its place.
    fn row(&mut self, body: Option<compact::row::Fields>, line: usize) {
        match &mut self.group {
            Some((header, left)) if *left > 0 => {
                *left -= 1;
                let entry = body.and_then(|row| compact::entry(header, row));
                self.fill(entry, line);
            }
            _ if self.headless && self.run.is_some() => self.fill(None, line),
            _ => self.bad_lines.push(line),
        }
    }

    /// A removal's row of the open group read lean, if it is one as this program writes
    /// it: the same entry [`Reader::row`] would keep, without the person ever built.
    fn lean_row(&mut self, body: &[u8], line: usize) -> bool {
        let Some((header, left)) = &mut self.group else {
            return false;
        };
        if *left == 0 {
            return false;
        }
        let Some(entry) = compact::lean_removal(header, body) else {
            return false;
        };
        *left -= 1;
        self.fill(Some(entry), line);
        true
    }

    /// A complete line that is no valid entry: it takes its place in the open group (or
    /// batch of the older form), or is reported on its own.
    fn unreadable(&mut self, line: usize) {
        let in_group = self.group.as_ref().is_some_and(|(_, left)| *left > 0);
        let in_batch = self.run.as_ref().is_some_and(|r| !r.compact);
        if in_group {
            self.row(None, line);
        } else if in_batch {
            self.fill(None, line);
        } else {
            self.headless = self.run.is_some();
            self.bad_lines.push(line);
        }
    }
}

/// Reads a journal from `bytes` (tests, and nothing else).
#[cfg(test)]
pub(super) fn parse(bytes: &[u8]) -> Parsed {
    match parse_keeping(bytes, Fields::All) {
        Ok(parsed) => parsed,
        Err(e) => unreachable!("reading bytes in memory cannot fail: {e}"),
    }
}

/// Reads a journal a line at a time, keeping `fields` of each entry: memory grows with
/// the entries read, never with the file's size or its count of lines (a file of blank
/// lines reserves nothing).
pub(super) fn parse_keeping(input: impl BufRead, fields: Fields) -> io::Result<Parsed> {
    read(input, fields, Out::Hold)
}

/// Reads a journal without holding its entries: each entry that counts is handed to
/// `to` with where its line starts, as it is read, in journal order. Two readings of
/// `file`, from its start: the first finds which entries count (a batch counts only
/// once it is known to be whole, which a batch of a million is only at its last line),
/// the second hands those on. Memory is a flag per entry. Lines appended between the
/// two readings are left for the next time. [`Parsed::entries`] is empty.
pub(super) fn stream(
    file: &std::fs::File,
    fields: Fields,
    to: &mut dyn FnMut(JournalEntry, u64),
) -> io::Result<Parsed> {
    use std::io::Seek as _;
    let buffered = || io::BufReader::with_capacity(super::recovery::READ_BUFFER, file);
    (&*file).seek(io::SeekFrom::Start(0))?;
    let mut first = read(buffered(), fields, Out::Count)?;
    (&*file).seek(io::SeekFrom::Start(0))?;
    let kept = std::mem::take(&mut first.kept);
    read(buffered(), fields, Out::Hand { kept: &kept, to })?;
    Ok(first)
}

fn read(mut input: impl BufRead, fields: Fields, out: Out<'_>) -> io::Result<Parsed> {
    let counting = matches!(out, Out::Count);
    let mut r = Reader {
        out,
        fields,
        ..Reader::default()
    };
    let mut offset = 0;
    let mut line = Vec::new();
    let mut number = 0;
    loop {
        line.clear();
        let read = input.read_until(b'\n', &mut line)?;
        if read == 0 || line.last() != Some(&b'\n') {
            // The end, or a torn last line: set aside below.
            break;
        }
        number += 1;
        let at = offset;
        r.at = at;
        offset += read;
        let body = line.trim_ascii();
        if body.is_empty() {
            continue;
        }
        if r.fields == Fields::Lean && r.lean_row(body, number) {
            continue;
        }
        match compact::read_line(body) {
            Some(Line::Header(header)) => r.header(header, at, number),
            Some(Line::Row(row)) => r.row(Some(row), number),
            Some(Line::Entry(entry)) => r.entry(upgrade_id(*entry), at, number),
            None => r.unreadable(number),
        }
    }
    let Reader {
        mut read,
        mut keep,
        mut bad_lines,
        incomplete_batches,
        run,
        mut offsets,
        ..
    } = r;
    let (keep_len, cut_batch) = match run {
        Some(open) => {
            read.truncate(open.first);
            keep.truncate(open.first);
            offsets.truncate(open.first.min(offsets.len()));
            // Its unreadable lines are set aside with it.
            bad_lines.retain(|&l| l < open.line);
            (open.offset, Some((open.seen, open.len, open.action)))
        }
        None => (offset, None),
    };
    // A first reading holds no entries: its flags are what it gives.
    let kept = if counting {
        std::mem::take(&mut keep)
    } else {
        Vec::new()
    };
    let (entries, offsets) = if keep.iter().all(|&k| k) {
        (read, offsets)
    } else {
        let offsets = if offsets.is_empty() {
            offsets
        } else {
            offsets
                .iter()
                .zip(&keep)
                .filter(|(_, k)| **k)
                .map(|(o, _)| *o)
                .collect()
        };
        let entries = read
            .into_iter()
            .zip(keep)
            .filter_map(|(e, keep)| keep.then_some(e))
            .collect();
        (entries, offsets)
    };
    Ok(Parsed {
        entries,
        kept,
        keep_len,
        cut_batch,
        bad_lines,
        incomplete_batches,
        offsets,
    })
}

/// Earlier versions named a person without a URL or e-mail by name alone
/// (`name:ada example|`), which merged different people of one name. Such an entry
/// gets the identity its recorded person has now, so it still matches that person.
fn upgrade_id(mut e: JournalEntry) -> JournalEntry {
    if e.id.is_by_name()
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
pub(super) mod tests;
