//! The snapshot of the export opened last: when it was taken and who was in it, as
//! hashes (see [`Identities`]), so the next, newer export can say what changed since.
//! No name, address or URL is in it.
//!
//! The file is a version line, a JSON line with the export's date and the count, then
//! 16 bytes a person (identity, position, company hashes, little-endian). Written
//! atomically and private; read only if it is a regular file of a bounded size. One
//! that cannot be read is moved aside (the app says so in a line) and never stops a
//! start: the next export opened starts a new one.

use std::io::{self, Read};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{DataDir, StoreError, fsutil};
use crate::model::changes::{Identities, Member};
use crate::model::history::ExportDate;

const VERSION_LINE: &[u8] = b"unconnect export snapshot 1\n";
const MEMBER_BYTES: usize = 16;
/// More people than any export holds (LinkedIn caps a network at 30,000; merged agency
/// exports reach a million or two): a bigger file is not ours.
pub const MAX_PEOPLE: usize = 5_000_000;
/// The header line's bound.
const MAX_HEADER: usize = 512;
const MAX_BYTES: u64 = (VERSION_LINE.len() + MAX_HEADER + MAX_PEOPLE * MEMBER_BYTES) as u64;

/// The export opened last: its date and its people, hashed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    pub export_date: ExportDate,
    pub identities: Identities,
}

#[derive(Serialize, Deserialize)]
struct Header {
    day: NaiveDate,
    taken: Option<DateTime<FixedOffset>>,
    people: usize,
}

/// What reading the snapshot found.
#[derive(Debug)]
pub enum Found {
    /// No snapshot yet.
    None,
    Snapshot(Snapshot),
    /// It could not be read: moved to `saved_to` (or left, if that failed too).
    Damaged {
        why: String,
        saved_to: Option<PathBuf>,
    },
}

impl Found {
    /// The app's one line about a damaged snapshot.
    pub fn damage_note(&self) -> Option<String> {
        let Found::Damaged { why, saved_to } = self else {
            return None;
        };
        let moved = match saved_to {
            Some(to) => format!("moved to {}", to.display()),
            None => "could not be moved aside".to_owned(),
        };
        Some(format!(
            "the snapshot of the export opened last time was unreadable ({why}); {moved}, \
             so nothing was compared this time"
        ))
    }
}

/// Where the data folder keeps it.
pub fn path(data_dir: &DataDir) -> PathBuf {
    data_dir.path().join("last-export.snapshot")
}

/// Reads the snapshot at `path`; anything unreadable is moved aside, never an error.
pub fn load(path: &Path) -> Found {
    found(path, read(path, false))
}

/// Like [`load`], reading only the export's date (the people are left out of the
/// snapshot returned): enough to tell whether the export opened now is newer, which is
/// all a start needs unless it is.
pub fn load_date(path: &Path) -> Found {
    found(path, read(path, true))
}

fn found(path: &Path, read: Result<Option<Snapshot>, String>) -> Found {
    match read {
        Ok(Some(snapshot)) => Found::Snapshot(snapshot),
        Ok(None) => Found::None,
        Err(why) => {
            let saved_to = set_aside(path).ok();
            tracing::warn!(%why, "export snapshot unreadable, set aside");
            Found::Damaged { why, saved_to }
        }
    }
}

/// The snapshot (without its people if `date_only`), `None` when there is none; `Err`
/// says why it cannot be read.
fn read(path: &Path, date_only: bool) -> Result<Option<Snapshot>, String> {
    let file = match fsutil::open_regular(path, std::fs::OpenOptions::new().read(true)) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.to_string()),
    };
    let size = file.metadata().map_err(|e| e.to_string())?.len();
    if size > MAX_BYTES {
        return Err(format!("{size} bytes, more than a snapshot holds"));
    }
    let limit = if date_only {
        (VERSION_LINE.len() + MAX_HEADER) as u64
    } else {
        MAX_BYTES + 1
    };
    let mut bytes = Vec::with_capacity(usize::try_from(size.min(limit)).unwrap_or(0));
    file.take(limit)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    let (header, body) = parse_header(&bytes)?;
    let expected = header.people.saturating_mul(MEMBER_BYTES);
    if header.people > MAX_PEOPLE || size != (bytes.len() - body.len()) as u64 + expected as u64 {
        return Err("cut off or too long".to_owned());
    }
    if date_only {
        return Ok(Some(Snapshot {
            export_date: header.export_date(),
            identities: Identities::default(),
        }));
    }
    parse_body(&header, body).map(Some)
}

impl Header {
    fn export_date(&self) -> ExportDate {
        ExportDate {
            day: self.day,
            taken: self.taken,
        }
    }
}

/// The header and the bytes after it.
fn parse_header(bytes: &[u8]) -> Result<(Header, &[u8]), String> {
    let rest = bytes
        .strip_prefix(VERSION_LINE)
        .ok_or("not a snapshot of this version")?;
    let end = rest
        .iter()
        .take(MAX_HEADER)
        .position(|&b| b == b'\n')
        .ok_or("no header")?;
    let header: Header =
        serde_json::from_slice(&rest[..end]).map_err(|_| "the header is damaged".to_owned())?;
    Ok((header, &rest[end + 1..]))
}

fn parse_body(header: &Header, body: &[u8]) -> Result<Snapshot, String> {
    if body.len() != header.people * MEMBER_BYTES {
        return Err("cut off or too long".to_owned());
    }
    let members = body
        .chunks_exact(MEMBER_BYTES)
        .map(|c| {
            let (identity, rest) = c.split_at(8);
            let (position, company) = rest.split_at(4);
            Member {
                identity: u64::from_le_bytes(identity.try_into().unwrap_or_default()),
                position: u32::from_le_bytes(position.try_into().unwrap_or_default()),
                company: u32::from_le_bytes(company.try_into().unwrap_or_default()),
            }
        })
        .collect();
    Ok(Snapshot {
        export_date: header.export_date(),
        identities: Identities::from_members(members),
    })
}

/// Replaces the snapshot at `path`, atomically and private. Too many people to keep:
/// nothing is written.
pub fn save(path: &Path, snapshot: &Snapshot) -> Result<(), StoreError> {
    let members = snapshot.identities.members();
    save_members(
        path,
        &snapshot.export_date,
        members.len(),
        members.iter().copied(),
    )
}

/// Like [`save`], from the `people` members of an export given one by one (in any
/// order: reading sorts them), so that they need not all be held.
pub fn save_members(
    path: &Path,
    export_date: &ExportDate,
    people: usize,
    members: impl Iterator<Item = Member>,
) -> Result<(), StoreError> {
    if people > MAX_PEOPLE {
        return Ok(());
    }
    let header = Header {
        day: export_date.day,
        taken: export_date.taken,
        people,
    };
    fsutil::write_atomic(path, |w| {
        w.write_all(VERSION_LINE)?;
        serde_json::to_writer(&mut *w, &header).map_err(io::Error::from)?;
        w.write_all(b"\n")?;
        let mut written = 0;
        for m in members.take(people) {
            w.write_all(&m.identity.to_le_bytes())?;
            w.write_all(&m.position.to_le_bytes())?;
            w.write_all(&m.company.to_le_bytes())?;
            written += 1;
        }
        if written == people {
            Ok(())
        } else {
            Err(io::Error::other("fewer people than announced"))
        }
    })
    .map_err(StoreError::io(path))
}

/// Moves an unreadable snapshot (whatever it is: a pipe too) to a new name beside it.
fn set_aside(path: &Path) -> io::Result<PathBuf> {
    let stamp = chrono::Local::now().format("%Y%m%dT%H%M%S");
    for n in 1u32..100 {
        let name = match n {
            1 => format!("last-export.damaged-{stamp}.snapshot"),
            n => format!("last-export.damaged-{stamp}-{n}.snapshot"),
        };
        let target = path.with_file_name(name);
        // The folder is locked and private: nothing else makes names in it meanwhile.
        if std::fs::symlink_metadata(&target).is_err() {
            std::fs::rename(path, &target)?;
            return Ok(target);
        }
    }
    Err(io::Error::other("no free file name"))
}

#[cfg(test)]
mod tests;
