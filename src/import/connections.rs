//! Connections.csv, in every layout LinkedIn has produced since 2012.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::fs::File;
use std::hash::{BuildHasher, BuildHasherDefault, Hasher, RandomState};
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::sync::atomic::Ordering;

use crate::error::ImportError;
use crate::model::people::Field;
use crate::model::{People, PersonId};

use super::dates::parse_connected_on;
use super::decode::{self, Decoded, Sniffed, TextInfo};
use super::report::{ConnectionsReport, Format, Skipped};
use super::table::{Header, Row, Table, TableKind};
use super::url;
use super::{PREVIEW_ROWS, Progress};

const KIND: TableKind = TableKind {
    what: "Connections.csv",
    expected: "First Name, Last Name, URL, Email Address, Company, Position, Connected On",
    is_header: |h| h.has("first name") && h.has("last name"),
};

/// Where each of our fields sits in this file's header, by LinkedIn's names over the years.
struct Columns {
    fields: [Option<usize>; 6],
    connected_on: Option<usize>,
}

impl Columns {
    fn of(header: &Header) -> Self {
        let names: [&[&str]; 6] = [
            &["first name"],
            &["last name"],
            &["url", "profile url"],
            &["email address", "e-mail address", "email"],
            &["company"],
            &["position", "job title"],
        ];
        Columns {
            fields: names.map(|n| header.find(n)),
            connected_on: header.find(&["connected on"]),
        }
    }
}

fn detect_format(header: &Header) -> Format {
    if header.has("job title") || header.has("e-mail address") || header.names.len() > 20 {
        Format::Outlook2012
    } else if header.find(&["url", "profile url"]).is_some() {
        Format::Current
    } else {
        Format::NoUrl
    }
}

/// Rows between two progress updates.
const PROGRESS_EVERY: usize = 1 << 14;

/// Parses decoded text held in memory (a zip entry, or a file that needed decoding).
pub fn parse(
    label: &str,
    decoded: &Decoded,
    progress: &Progress,
) -> Result<(People, ConnectionsReport), ImportError> {
    let table = Table::open(label, decoded.text.as_bytes(), &KIND)?;
    let size = decoded.text.len() as u64;
    parse_table(table, size, decoded.info(), progress)?.ok_or_else(|| ImportError::Csv {
        path: label.to_owned(),
        line: 0,
        reason: "not UTF-8 after decoding (a bug: please report it)".to_owned(),
    })
}

/// Parses a file as it is read, so a large export is never held in memory twice (as
/// bytes and as people). A file that turns out not to be UTF-8 is read again, decoded.
pub fn parse_file(
    label: &str,
    path: &Path,
    progress: &Progress,
) -> Result<(People, ConnectionsReport), ImportError> {
    let open_err = |source| ImportError::Open {
        path: label.to_owned(),
        source,
    };
    let file = File::open(path).map_err(open_err)?;
    let size = file.metadata().map_err(open_err)?.len();
    progress.total.store(size, Ordering::Relaxed);
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let head = reader.fill_buf().map_err(open_err)?;
    if let Sniffed::Stream { bom_len, crlf } = decode::sniff(head) {
        reader.consume(bom_len);
        let info = TextInfo {
            had_bom: bom_len > 0,
            encoding_note: None,
            crlf,
        };
        let table = Table::open(label, reader, &KIND)?;
        if let Some(parsed) = parse_table(table, size, info, progress)? {
            return Ok(parsed);
        }
    }
    let mut bytes = Vec::new();
    File::open(path)
        .and_then(|f| f.take(size).read_to_end(&mut bytes))
        .map_err(open_err)?;
    parse(label, &decode::decode(bytes), progress)
}

/// `None` when a record is not UTF-8: the caller decodes the file and starts again.
fn parse_table<R: Read>(
    mut table: Table<'_, R>,
    size: u64,
    info: TextInfo,
    progress: &Progress,
) -> Result<Option<(People, ConnectionsReport)>, ImportError> {
    let label = table.label;
    if let Ok(mut preview) = progress.preview.lock() {
        // A second pass (after decoding) starts the preview again.
        *preview = People::default();
    }
    let columns = Columns::of(&table.header);
    let mut report = ConnectionsReport {
        file: label.to_owned(),
        format: detect_format(&table.header),
        traits: traits(&table.header, info),
        people: 0,
        hidden: 0,
        duplicates: 0,
        skipped: Vec::new(),
        warnings: Vec::new(),
    };
    if let Some(encoding) = info.encoding_note {
        report.warnings.push(format!(
            "{label}: not UTF-8; read as {encoding} (a re-save by Excel?)"
        ));
    }
    // ~120 bytes per row in LinkedIn's layout; the arena holds the fields without
    // separators and quotes, so the file's size bounds it. Untouched capacity costs no memory.
    let size = usize::try_from(size).unwrap_or(usize::MAX);
    let mut people = People::with_capacity(size, size / 64);
    let mut seen = IdentityIndex::with_capacity(size / 128);
    let mut url_buf = String::new();
    let mut rows = 0usize;
    loop {
        rows += 1;
        if rows.is_multiple_of(PROGRESS_EVERY) {
            progress.done.store(table.byte_offset(), Ordering::Relaxed);
            progress
                .people
                .store(people.len() as u64, Ordering::Relaxed);
        }
        let Some(row) = table.next_row()? else { break };
        let (line, record) = match row {
            Row::Misshapen { line, found } => {
                report.skipped.push(Skipped {
                    line,
                    reason: format!(
                        "expected {} fields, found {found}",
                        table.header.names.len()
                    ),
                });
                continue;
            }
            Row::NotUtf8 { .. } => return Ok(None),
            Row::Fields { line, fields } => (line, fields),
        };
        let get = |col: Option<usize>| col.map_or("", |c| record.get(c));
        url::normalise_into(get(columns.fields[Field::Url as usize]), &mut url_buf);
        let fields = [
            get(columns.fields[0]),
            get(columns.fields[1]),
            url_buf.as_str(),
            get(columns.fields[3]),
            get(columns.fields[4]),
            get(columns.fields[5]),
        ];
        let date_text = get(columns.connected_on);
        if fields.iter().all(|f| f.is_empty()) {
            // A row of bare commas with no date is a blank line a spreadsheet left.
            report.hidden += usize::from(!date_text.is_empty());
            continue;
        }
        let connected_on = parse_connected_on(date_text);
        if connected_on.is_none() && !date_text.is_empty() {
            report.warnings.push(format!(
                "{label}, line {line}: unreadable date \"{}\"; kept with the date unknown",
                date_text.escape_debug()
            ));
        }
        let too_large = || ImportError::TooLarge {
            path: label.to_owned(),
        };
        let next = PersonId(u32::try_from(people.len()).map_err(|_| too_large())?);
        match seen.find_or_insert(&people, &fields, next) {
            Some(existing) => {
                report.duplicates += 1;
                people
                    .fill_missing(existing, fields, connected_on)
                    .map_err(|_| too_large())?;
            }
            None => {
                people.push(fields, connected_on).map_err(|_| too_large())?;
                if people.len() <= PREVIEW_ROWS
                    && let Ok(mut preview) = progress.preview.lock()
                {
                    // Cannot fail: a few short rows are far from the arena's limit.
                    let _ = preview.push(fields, connected_on);
                }
            }
        }
    }
    progress.done.store(size as u64, Ordering::Relaxed);
    progress
        .people
        .store(people.len() as u64, Ordering::Relaxed);
    report.people = people.len();
    Ok(Some((people, report)))
}

fn traits(header: &Header, info: TextInfo) -> Vec<String> {
    let mut traits = Vec::new();
    if header.had_preamble {
        traits.push("Notes preamble".to_owned());
    }
    if info.had_bom {
        traits.push("byte-order mark".to_owned());
    }
    if info.crlf {
        traits.push("CRLF line endings".to_owned());
    }
    if let Some(encoding) = info.encoding_note {
        traits.push(format!("{encoding} encoding"));
    }
    traits
}

/// Identity → person, keyed by a hash of the identity so that a million rows do not cost
/// a million key allocations. Hash collisions between different identities probe onwards.
struct IdentityIndex {
    seed: u64,
    slots: HashMap<u64, PersonId, BuildHasherDefault<PassThrough>>,
}

impl IdentityIndex {
    /// Sized for the rows the file probably holds: growing a large table rehashes it.
    fn with_capacity(rows: usize) -> Self {
        IdentityIndex {
            // Per-process seed: a crafted file cannot aim at known collisions.
            seed: RandomState::new().hash_one(0u64),
            slots: HashMap::with_capacity_and_hasher(rows, BuildHasherDefault::default()),
        }
    }

    /// The person already known under this row's identity; else `next` (the id the row
    /// gets when pushed) is recorded for it. One probe per row: the table is too large
    /// for the cache, so each probe is a memory access.
    fn find_or_insert(
        &mut self,
        people: &People,
        fields: &[&str; 6],
        next: PersonId,
    ) -> Option<PersonId> {
        let by_name;
        let key = if fields[2].is_empty() {
            by_name = crate::model::person::identity(fields[0], fields[1], "", fields[3]);
            by_name.as_str()
        } else {
            fields[2]
        };
        let mut hash = mix_hash(self.seed, key.as_bytes());
        loop {
            match self.slots.entry(hash) {
                Entry::Vacant(slot) => {
                    slot.insert(next);
                    return None;
                }
                Entry::Occupied(slot) if people.get(*slot.get()).identity() == key => {
                    return Some(*slot.get());
                }
                Entry::Occupied(_) => hash = hash.wrapping_add(1),
            }
        }
    }
}

/// A fast seeded hash of a short key, 8 bytes at a time (keys are ~45-byte URLs).
fn mix_hash(seed: u64, bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = seed ^ (bytes.len() as u64).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = (h ^ u64::from_le_bytes(word))
            .wrapping_mul(K)
            .rotate_left(29);
    }
    let mut tail = [0u8; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    h = (h ^ u64::from_le_bytes(tail)).wrapping_mul(K);
    h ^ (h >> 32)
}

/// The keys are already hashes: hashing them again would only cost time.
#[derive(Default)]
struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}
