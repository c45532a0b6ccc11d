//! The removal journal: append-only JSON lines, one entry per person per action, made
//! durable (fsync) before the UI may say "removed". Never rewritten; a torn last line
//! left by a crash is moved aside on the next start, not thrown away.

use std::collections::HashMap;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, Local};
use serde::{Deserialize, Serialize};

use super::{StoreError, fsutil, json_lines};
use crate::model::{Invitation, People, Person, PersonId};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum JournalAction {
    /// A connection the user removed (or is about to, on LinkedIn).
    Remove,
    /// A pending invitation the user withdrew.
    Withdraw,
    /// The user changed their mind about an earlier removal or withdrawal.
    Restore,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalEntry {
    /// RFC 3339 with the local offset, e.g. `2026-11-28T18:40:00.123+01:00`.
    #[serde(with = "rfc3339")]
    pub at: DateTime<FixedOffset>,
    pub action: JournalAction,
    /// Entries confirmed together share a batch id.
    pub batch: String,
    /// The person's (or invitation's) identity, see [`Person::identity`].
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<Person>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invitation: Option<Invitation>,
}

/// What opening the journal found besides the entries.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Recovery {
    /// A torn last line (no newline) was moved to this file.
    pub torn_saved_to: Option<PathBuf>,
    /// Complete lines that are not valid entries (kept in the journal, ignored).
    pub bad_lines: Vec<usize>,
}

impl Recovery {
    pub fn message(&self) -> Option<String> {
        let mut parts = Vec::new();
        if let Some(p) = &self.torn_saved_to {
            parts.push(format!(
                "the journal's last line was cut off by a crash; it was saved to {} and the rest kept",
                p.display()
            ));
        }
        if !self.bad_lines.is_empty() {
            parts.push(format!(
                "journal lines {:?} are unreadable and were ignored",
                self.bad_lines
            ));
        }
        (!parts.is_empty()).then(|| parts.join("; "))
    }
}

#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    file: File,
    entries: Vec<JournalEntry>,
}

impl Journal {
    /// Opens (creating if needed) the journal, repairing a torn tail.
    pub fn open(path: &Path) -> Result<(Journal, Recovery), StoreError> {
        let (entries, recovery) = read_repairing(path)?;
        let file = fsutil::private_options()
            .append(true)
            .create(true)
            .open(path)
            .map_err(StoreError::io(path))?;
        if let Some(dir) = path.parent() {
            fsutil::sync_dir(dir).map_err(StoreError::io(dir))?;
        }
        Ok((
            Journal {
                path: path.to_path_buf(),
                file,
                entries,
            },
            recovery,
        ))
    }

    /// Reads the journal without repairing or creating anything (for `export`).
    pub fn read(path: &Path) -> Result<Vec<JournalEntry>, StoreError> {
        match fs::read(path) {
            Ok(bytes) => Ok(parse(&bytes).0),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Vec::new()),
            Err(e) => Err(StoreError::io(path)(e)),
        }
    }

    pub fn entries(&self) -> &[JournalEntry] {
        &self.entries
    }

    /// Appends a batch and waits until it is on disk. A large batch is serialised on two
    /// threads, a chunk at a time (a million entries are ~380 MB of JSON).
    pub fn append(&mut self, batch: Vec<JournalEntry>) -> Result<(), StoreError> {
        json_lines::write(&mut self.file, &batch, json_lines::json)
            .and_then(|()| self.file.sync_data())
            .map_err(StoreError::io(&self.path))?;
        self.entries.extend(batch);
        Ok(())
    }
}

/// Batches at least this large are built on two threads.
const PARALLEL_FROM_ENTRIES: usize = 10_000;

/// Timestamps as RFC 3339 with an explicit offset (`+00:00`, never `Z`) and milliseconds.
mod rfc3339 {
    use chrono::{DateTime, FixedOffset, SecondsFormat};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(at: &DateTime<FixedOffset>, s: S) -> Result<S::Ok, S::Error> {
        // A batch shares one timestamp: format it once, not once per entry.
        thread_local! {
            static LAST: std::cell::RefCell<Option<(DateTime<FixedOffset>, String)>> =
                const { std::cell::RefCell::new(None) };
        }
        LAST.with_borrow_mut(|last| {
            if last
                .as_ref()
                .is_none_or(|(t, _)| t != at || t.offset() != at.offset())
            {
                *last = Some((*at, at.to_rfc3339_opts(SecondsFormat::Millis, false)));
            }
            let text = last.as_ref().map_or("", |(_, text)| text.as_str());
            s.serialize_str(text)
        })
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<FixedOffset>, D::Error> {
        let text = String::deserialize(d)?;
        DateTime::parse_from_rfc3339(&text).map_err(serde::de::Error::custom)
    }
}

/// The entries still in force for `action` (remove or withdraw): per identity the latest
/// one, unless a restore came after it; oldest first.
pub fn in_force(entries: &[JournalEntry], action: JournalAction) -> Vec<&JournalEntry> {
    let mut current: HashMap<&str, usize> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        if e.action == action {
            current.insert(&e.id, i);
        } else if e.action == JournalAction::Restore {
            current.remove(e.id.as_str());
        }
    }
    let mut order: Vec<usize> = current.into_values().collect();
    order.sort_unstable();
    order.into_iter().map(|i| &entries[i]).collect()
}

/// A batch id: the confirmation time, readable and sortable, plus the process id so two
/// machines' journals merged later do not collide in the same second.
pub fn new_batch_id(at: DateTime<FixedOffset>) -> String {
    format!("{}-{}", at.format("%Y%m%dT%H%M%S%.3f"), std::process::id())
}

pub fn now() -> DateTime<FixedOffset> {
    Local::now().fixed_offset()
}

/// One `remove` entry per person, all in one batch stamped `at`. A large batch is built
/// on two threads.
pub fn removal_entries(
    people: &People,
    ids: &[u32],
    at: DateTime<FixedOffset>,
) -> Vec<JournalEntry> {
    let batch = new_batch_id(at);
    let build = |ids: &[u32]| -> Vec<JournalEntry> {
        ids.iter()
            .map(|&id| {
                let p = people.get(PersonId(id));
                JournalEntry {
                    at,
                    action: JournalAction::Remove,
                    batch: batch.clone(),
                    id: p.identity().into_owned(),
                    person: Some(p.to_person()),
                    invitation: None,
                }
            })
            .collect()
    };
    if ids.len() < PARALLEL_FROM_ENTRIES {
        return build(ids);
    }
    let (first, second) = ids.split_at(ids.len() / 2);
    std::thread::scope(|s| {
        let second = s.spawn(|| build(second));
        let mut entries = build(first);
        // A panic there is a bug, not bad data: propagate it.
        entries.append(
            &mut second
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e)),
        );
        entries
    })
}

/// One `withdraw` entry per invitation, all in one batch stamped `at`.
pub fn withdrawal_entries<'a>(
    invitations: impl Iterator<Item = &'a Invitation>,
    at: DateTime<FixedOffset>,
) -> Vec<JournalEntry> {
    let batch = new_batch_id(at);
    invitations
        .map(|invitation| JournalEntry {
            at,
            action: JournalAction::Withdraw,
            batch: batch.clone(),
            id: invitation.identity(),
            person: None,
            invitation: Some(invitation.clone()),
        })
        .collect()
}

/// Entries from complete lines; the length of the good prefix; line numbers of bad lines.
fn parse(bytes: &[u8]) -> (Vec<JournalEntry>, usize, Vec<usize>) {
    let mut entries = Vec::new();
    let mut bad = Vec::new();
    let mut good_len = 0;
    for (i, line) in bytes.split_inclusive(|&b| b == b'\n').enumerate() {
        if !line.ends_with(b"\n") {
            break; // torn: the caller decides
        }
        good_len += line.len();
        let body = line.trim_ascii();
        if body.is_empty() {
            continue;
        }
        match serde_json::from_slice::<JournalEntry>(body) {
            Ok(e) => entries.push(upgrade_id(e)),
            Err(_) => bad.push(i + 1),
        }
    }
    (entries, good_len, bad)
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

fn read_repairing(path: &Path) -> Result<(Vec<JournalEntry>, Recovery), StoreError> {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Default::default()),
        Err(e) => return Err(StoreError::io(path)(e)),
    };
    let (entries, good_len, bad_lines) = parse(&bytes);
    let mut recovery = Recovery {
        torn_saved_to: None,
        bad_lines,
    };
    if good_len < bytes.len() {
        let aside = path.with_extension(format!(
            "torn-{}.jsonl",
            Local::now().format("%Y%m%dT%H%M%S")
        ));
        fsutil::write_atomic(&aside, |w| w.write_all(&bytes[good_len..]))
            .map_err(StoreError::io(&aside))?;
        let file = fs::OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(StoreError::io(path))?;
        file.set_len(good_len as u64)
            .and_then(|()| file.sync_all())
            .map_err(StoreError::io(path))?;
        recovery.torn_saved_to = Some(aside);
    }
    Ok((entries, recovery))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn an_entry_named_by_name_alone_gets_the_identity_its_person_has_now() {
        let p = Person {
            first_name: "Maya".into(),
            last_name: "Lindgren".into(),
            company: "Lumen Labs".into(),
            ..Default::default()
        };
        let mut e = entry("name:maya lindgren|");
        e.person = Some(p.clone());
        let line = format!("{}\n", serde_json::to_string(&e).unwrap());
        let (entries, _, bad) = parse(line.as_bytes());
        assert!(bad.is_empty());
        assert_eq!(entries[0].id, p.identity());
        assert_ne!(entries[0].id, "name:maya lindgren|");
    }

    fn entry(id: &str) -> JournalEntry {
        let at = now();
        JournalEntry {
            at,
            action: JournalAction::Remove,
            batch: new_batch_id(at),
            id: id.to_owned(),
            person: Some(Person {
                first_name: "Ada".into(),
                url: id.to_owned(),
                ..Default::default()
            }),
            invitation: None,
        }
    }

    #[test]
    fn a_large_batch_built_and_written_in_halves_reads_back_whole_and_in_order() {
        let n = PARALLEL_FROM_ENTRIES as u32 + 1;
        let people: People = (0..n)
            .map(|i| Person {
                first_name: format!("P{i}"),
                url: format!("https://www.linkedin.com/in/p{i}"),
                ..Default::default()
            })
            .collect();
        let ids: Vec<u32> = (0..n).rev().collect();
        let at = now();
        let batch = removal_entries(&people, &ids, at);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.jsonl");
        let (mut j, _) = Journal::open(&path).unwrap();
        j.append(batch.clone()).unwrap();
        drop(j);
        let read = Journal::read(&path).unwrap();
        let ids = |entries: &[JournalEntry]| -> Vec<String> {
            entries.iter().map(|e| e.id.clone()).collect()
        };
        assert!(ids(&read) == ids(&batch), "same entries, same order");
        assert!(read.iter().zip(&batch).all(|(r, b)| r.person == b.person));
        assert_eq!(
            read[0].id,
            format!("https://www.linkedin.com/in/p{}", n - 1)
        );
        let stamp = at.to_rfc3339_opts(chrono::SecondsFormat::Millis, false);
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.matches(stamp.as_str()).count(), n as usize);
    }

    #[test]
    fn appended_entries_survive_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.jsonl");
        let (mut j, _) = Journal::open(&path).unwrap();
        j.append(vec![entry("a"), entry("b")]).unwrap();
        drop(j);
        let (j, recovery) = Journal::open(&path).unwrap();
        assert_eq!(j.entries().len(), 2);
        assert_eq!(j.entries()[1].id, "b");
        assert_eq!(recovery, Recovery::default());
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains("\"action\":\"remove\""));
        // RFC 3339 with an explicit offset.
        let at = &text[7..36];
        assert!(DateTime::parse_from_rfc3339(at).is_ok(), "{at}");
        assert!(
            at.ends_with(":00") || at.contains('+') || at.contains('-'),
            "{at}"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn a_torn_last_line_is_saved_aside_and_good_entries_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.jsonl");
        let (mut j, _) = Journal::open(&path).unwrap();
        j.append(vec![entry("a")]).unwrap();
        drop(j);
        let mut f = fs::OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(b"{\"at\":\"2026-11-28T1").unwrap();
        drop(f);
        let (mut j, recovery) = Journal::open(&path).unwrap();
        assert_eq!(j.entries().len(), 1);
        let aside = recovery.torn_saved_to.clone().expect("torn line saved");
        assert_eq!(fs::read(&aside).unwrap(), b"{\"at\":\"2026-11-28T1");
        assert!(recovery.message().unwrap().contains("cut off"));
        // New entries start on a fresh line.
        j.append(vec![entry("c")]).unwrap();
        drop(j);
        assert_eq!(Journal::read(&path).unwrap().len(), 2);
    }

    #[test]
    fn a_bad_complete_line_is_reported_not_fatal() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.jsonl");
        fs::write(&path, "not json\n").unwrap();
        let (j, recovery) = Journal::open(&path).unwrap();
        assert!(j.entries().is_empty());
        assert_eq!(recovery.bad_lines, vec![1]);
    }
}
