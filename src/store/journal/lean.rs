//! Reading a journal without holding every person's fields: the entries without the
//! person (or invitation), each with where its line starts, and the fields read back
//! from a line when they are wanted. `history` lists a million removals this way.

use std::fs::File;
use std::io::{self, BufRead as _, Read as _, Seek as _};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use foldhash::HashMap;

use super::compact;
use super::parse::{Fields, stream};
use super::recovery::open;
use super::{JournalAction, JournalEntry};
use crate::model::history::{History, Kind, Record, Replay};
use crate::model::{Identity, Invitation, Person};
use crate::store::StoreError;

/// A journal's lines, read back one at a time: the people of a journal read or replayed
/// without them.
#[derive(Debug, Default)]
pub struct Lean {
    lines: Option<File>,
    /// A stretch of the file read at once, from `window_start`: records are listed
    /// newest first, so the lines wanted next are mostly just before the last.
    window: Vec<u8>,
    window_start: u64,
    /// A line longer than what a window holds after it.
    long: Vec<u8>,
}

/// How much of the file a window holds, and how much of it after the line it was read
/// for.
const WINDOW: u64 = 1 << 20;
const AFTER: u64 = 64 << 10;

impl Lean {
    /// Replays the journal at `path` as it is read (see [`Replay`]): its records in force,
    /// newest first, each with where the line that started it is, and the file to read
    /// their people from ([`Lean::person_of`]). No entry is held: a million removals
    /// cost their records, not their entries and records both.
    pub fn replay(path: &Path) -> Result<(Vec<(Record, u64)>, Lean), StoreError> {
        let Some(file) = open(path)? else {
            return Ok((Vec::new(), Lean::default()));
        };
        let mut replay = Replay::default();
        stream(&file, Fields::Lean, &mut |entry, offset| {
            if let Some(event) = entry.event() {
                replay.push(&event, offset);
            }
        })
        .map_err(StoreError::io(path))?;
        let lean = Lean {
            lines: Some(file),
            ..Lean::default()
        };
        Ok((replay.finish(), lean))
    }

    /// `record` with the person (invitation) of the line at `offset` that started it, as
    /// [`Lean::replay`] gives them.
    pub fn person_of(&mut self, record: &Record, offset: u64) -> io::Result<Record> {
        let action = match record.kind {
            Kind::Removal => JournalAction::Remove,
            Kind::Withdrawal => JournalAction::Withdraw,
        };
        let (person, invitation) = self.fields_at(offset, action)?;
        Ok(Record {
            person: person.map(Arc::new),
            invitation: invitation.map(Arc::new),
            ..record.clone()
        })
    }

    /// The person (invitation) of the entry of `action` whose line starts at `offset`,
    /// read from the file again; `None` if that line holds none.
    pub fn fields_at(
        &mut self,
        offset: u64,
        action: JournalAction,
    ) -> io::Result<(Option<Person>, Option<Invitation>)> {
        let line = self.line_at(offset)?;
        Ok(compact::payload(line.trim_ascii(), action).unwrap_or((None, None)))
    }

    /// The line starting at `offset`, from the window (read anew around it if it is not
    /// there whole), or read on its own when longer than a window holds.
    fn line_at(&mut self, offset: u64) -> io::Result<&[u8]> {
        let Some(file) = &mut self.lines else {
            return Ok(&[]);
        };
        if whole_line(&self.window, self.window_start, offset).is_none() {
            let start = offset.saturating_sub(WINDOW - AFTER);
            file.seek(io::SeekFrom::Start(start))?;
            self.window.clear();
            file.take(WINDOW).read_to_end(&mut self.window)?;
            self.window_start = start;
        }
        if let Some(range) = whole_line(&self.window, self.window_start, offset) {
            return Ok(&self.window[range]);
        }
        file.seek(io::SeekFrom::Start(offset))?;
        self.long.clear();
        io::BufReader::new(&*file).read_until(b'\n', &mut self.long)?;
        Ok(&self.long)
    }
}

/// Where each record in force starts: the line of the latest `remove` (`withdraw`) of
/// its identity not restored since, as [`History::build`] counts them.
fn starts(
    entries: &[JournalEntry],
    offsets: &[u64],
) -> HashMap<(Kind, Identity), (JournalAction, u64)> {
    let mut starts = HashMap::default();
    for (e, &offset) in entries.iter().zip(offsets) {
        match (e.action.starts(), e.action) {
            (Some(kind), action) => {
                starts.insert((kind, e.id.clone()), (action, offset));
            }
            (None, JournalAction::Restore) => {
                for kind in [Kind::Removal, Kind::Withdrawal] {
                    starts.remove(&(kind, e.id.clone()));
                }
            }
            _ => {}
        }
    }
    starts
}

/// Where the people of a journal read lean are on disk: a session opens on the lean
/// read, and the History tab's records get their people back behind the first screen.
#[derive(Debug, Default)]
pub struct PeopleLines {
    path: PathBuf,
    starts: HashMap<(Kind, Identity), (JournalAction, u64)>,
}

impl PeopleLines {
    pub(super) fn new(path: &Path, entries: &[JournalEntry], offsets: &[u64]) -> PeopleLines {
        PeopleLines {
            path: path.to_path_buf(),
            starts: starts(entries, offsets),
        }
    }

    /// Gives each record of `history` that has neither its person nor its invitation
    /// the one on the line that started it. Lines are only ever appended after them,
    /// and a repair cuts only what the read left out, so the lines are still there.
    pub fn fill(self, history: &mut History) -> Result<(), StoreError> {
        if self.starts.is_empty() {
            return Ok(());
        }
        let Some(file) = open(&self.path)? else {
            return Ok(());
        };
        let mut lean = Lean {
            lines: Some(file),
            ..Lean::default()
        };
        let records = history.removals.iter_mut().chain(&mut history.withdrawals);
        for r in records.filter(|r| r.person.is_none() && r.invitation.is_none()) {
            if let Some(&(action, offset)) = self.starts.get(&(r.kind, r.id.clone())) {
                let (person, invitation) = lean
                    .fields_at(offset, action)
                    .map_err(StoreError::io(&self.path))?;
                r.person = person.map(Arc::new);
                r.invitation = invitation.map(Arc::new);
            }
        }
        Ok(())
    }
}

/// Where in `window` (which starts at `start` in the file) the line at `offset` is, if
/// the window holds it up to its line break.
fn whole_line(window: &[u8], start: u64, offset: u64) -> Option<std::ops::Range<usize>> {
    let from = usize::try_from(offset.checked_sub(start)?).ok()?;
    let len = memchr::memchr(b'\n', window.get(from..)?)?;
    Some(from..from + len)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Direction, People};
    use crate::store::Journal;
    use crate::store::journal::parse::parse_keeping;
    use crate::store::journal::{now, removal_entries, status_entries, withdrawal_entries};

    /// The journal at `path` read lean, as a session opens it: the entries without their
    /// people, where each line starts, and the lines to read the people back from.
    fn read(path: &Path) -> (Vec<JournalEntry>, Vec<u64>, Lean) {
        let file = open(path).unwrap().unwrap();
        let parsed = parse_keeping(io::BufReader::new(&file), Fields::Lean).unwrap();
        let lean = Lean {
            lines: Some(file),
            ..Lean::default()
        };
        (parsed.entries, parsed.offsets, lean)
    }

    #[test]
    fn a_lean_read_holds_no_people_and_finds_each_one_again_at_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.jsonl");
        let people: People = ["ada", "bo", "cy"]
            .iter()
            .map(|u| Person {
                first_name: u.to_uppercase(),
                url: format!("https://www.linkedin.com/in/{u}"),
                company: "Acme".into(),
                ..Default::default()
            })
            .collect();
        let invitation = Invitation {
            from: "Me".into(),
            to: "Di".into(),
            sent_at: None,
            message: "hi".into(),
            direction: Direction::Outgoing,
            inviter_url: String::new(),
            invitee_url: "https://www.linkedin.com/in/di".into(),
        };
        let (mut j, _) = Journal::open(&path).unwrap();
        j.append(removal_entries(&people, &[0, 1, 2], now()))
            .unwrap();
        j.append(status_entries(
            ["https://www.linkedin.com/in/bo"],
            JournalAction::Done,
            now(),
        ))
        .unwrap();
        j.append(withdrawal_entries([&invitation].into_iter(), now()))
            .unwrap();
        // An entry of the older one-object form, and a torn end.
        let mut old = serde_json::to_string(&JournalEntry {
            batch_len: None,
            ..removal_entries(&people, &[1], now()).remove(0)
        })
        .unwrap();
        old.push('\n');
        old.push_str("{\"at\":\"2026-");
        let mut bytes = std::fs::read(&path).unwrap();
        bytes.extend_from_slice(old.as_bytes());
        std::fs::write(&path, bytes).unwrap();
        let whole = Journal::read(&path).unwrap();
        let (entries, offsets, mut lean) = read(&path);
        assert_eq!(entries.len(), whole.len());
        assert_eq!(offsets.len(), whole.len());
        for (i, e) in whole.iter().enumerate() {
            let l = &entries[i];
            assert!(l.person.is_none() && l.invitation.is_none(), "{i}: held");
            assert_eq!((&l.id, l.action, &l.batch), (&e.id, e.action, &e.batch));
            let (person, inv) = lean.fields_at(offsets[i], e.action).unwrap();
            assert_eq!(
                person.as_ref(),
                e.person.as_deref(),
                "{i}: the person again"
            );
            assert_eq!(
                inv.as_ref(),
                e.invitation.as_deref(),
                "{i}: the invitation again"
            );
        }
        assert!(whole.iter().any(|e| e.invitation.is_some()));
        assert_eq!(whole.iter().filter(|e| e.person.is_some()).count(), 4);
    }

    #[test]
    fn lines_far_apart_and_lines_longer_than_a_window_holds_are_read_back_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.jsonl");
        // Several windows' worth of lines, one of them 100 KB long, read newest first.
        let people: People = (0..40_000)
            .map(|i| Person {
                first_name: format!("P{i}"),
                url: format!("https://www.linkedin.com/in/p{i}"),
                company: if i == 20_000 {
                    "x".repeat(100_000)
                } else {
                    "Acme".into()
                },
                ..Default::default()
            })
            .collect();
        let ids: Vec<u32> = (0..40_000).collect();
        let (mut j, _) = Journal::open(&path).unwrap();
        j.append(removal_entries(&people, &ids, now())).unwrap();
        drop(j);
        assert!(std::fs::metadata(&path).unwrap().len() > 2 * WINDOW);
        let whole = Journal::read(&path).unwrap();
        let (_, offsets, mut lean) = read(&path);
        for i in (0..whole.len()).rev() {
            let (person, _) = lean.fields_at(offsets[i], JournalAction::Remove).unwrap();
            assert_eq!(person.as_ref(), whole[i].person.as_deref(), "{i}");
        }
        // The first line, then the long one on its own: longer than a window holds after it.
        for i in [0, 20_000] {
            let (person, _) = lean.fields_at(offsets[i], JournalAction::Remove).unwrap();
            assert_eq!(person.as_ref(), whole[i].person.as_deref(), "{i}");
        }
    }

    #[test]
    fn a_lean_read_finds_the_entries_a_full_read_finds_less_their_people() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.jsonl");
        // With a URL, written otherwise, without one (identity by name and e-mail), with
        // a quote (a line read by serde_json), with no date and with a bad one.
        let mut people = People::default();
        let rows = [
            ("Ada", "https://www.linkedin.com/in/ada", "", Some(3)),
            (
                "Bo",
                "https://www.linkedin.com/in/zoë",
                "https://www.linkedin.com/in/zo%C3%AB",
                Some(4),
            ),
            ("Cy", "", "", Some(5)),
            ("D\"i", "", "", None),
            ("Eve", "", "", None),
        ];
        for (first, url, written, day) in rows {
            let date = day.and_then(|d| chrono::NaiveDate::from_ymd_opt(2020, 1, d));
            let fields = [first, "Test", url, "e@example.com", "Acme", "CEO"];
            people.push_written(fields, written, date).unwrap();
        }
        let (mut j, _) = Journal::open(&path).unwrap();
        j.append(removal_entries(&people, &[0, 1, 2, 3, 4], now()))
            .unwrap();
        drop(j);
        // Eve's date, damaged by hand: neither read may keep her.
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(
            &path,
            text.replace(
                "\"Eve\",\"Test\",\"\",\"e@example.com\",\"Acme\",\"CEO\",null",
                "\"Eve\",\"Test\",\"\",\"e@example.com\",\"Acme\",\"CEO\",\"2020-13-01\"",
            ),
        )
        .unwrap();
        let full = Journal::read(&path).unwrap();
        let (entries, _, _) = read(&path);
        let less_people: Vec<JournalEntry> = full
            .into_iter()
            .map(|mut e| {
                e.person = None;
                e
            })
            .collect();
        assert_eq!(less_people.len(), 4);
        assert!(entries == less_people, "{entries:?}");
    }
}
