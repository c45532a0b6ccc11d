//! Connections.csv, in every layout LinkedIn has produced since 2012.

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::ImportError;
use crate::model::people::Field;
use crate::model::{People, PersonId};

use super::dates::parse_connected_on;
use super::decode::{self, Decoded, Sniffed, TextInfo};
use super::identity::IdentityIndex;
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

/// Rows between two progress updates (and checks for cancellation).
const PROGRESS_EVERY: usize = 1 << 14;
/// Files at least this large are parsed in two halves on two threads.
const PARALLEL_FROM_BYTES: u64 = 16 << 20;

/// Parses decoded text held in memory (a zip entry, or a file that needed decoding).
pub fn parse(
    label: &str,
    decoded: &Decoded,
    progress: &Progress,
) -> Result<(People, ConnectionsReport), ImportError> {
    let mut table = Table::open(label, decoded.text.as_bytes(), &KIND)?;
    let size = decoded.text.len() as u64;
    // Progress counts decoded bytes here (a UTF-16 file decodes to about half its size).
    progress.total.store(size, Ordering::Relaxed);
    let mut rows = RowReader::new(&table.header, decoded.info(), label, (size, size), true);
    match rows.read(&mut table, progress, &Limits::default())? {
        Stop::End => Ok(rows.finish(progress, size)),
        _ => Err(ImportError::Csv {
            path: label.to_owned(),
            line: 0,
            reason: "not UTF-8 after decoding (a bug: please report it)".to_owned(),
        }),
    }
}

/// Parses a file as it is read, so a large export is never held in memory twice (as
/// bytes and as people); a large one in two halves at once. A file that turns out not to
/// be UTF-8 is read again, whole, and decoded.
pub fn parse_file(
    label: &str,
    path: &Path,
    progress: &Progress,
) -> Result<(People, ConnectionsReport), ImportError> {
    let split = |size| {
        if size >= PARALLEL_FROM_BYTES {
            find_split(path, size)
        } else {
            None
        }
    };
    parse_file_split_at(label, path, progress, split)
}

/// [`parse_file`], with the choice of where (and whether) to split the file given.
fn parse_file_split_at(
    label: &str,
    path: &Path,
    progress: &Progress,
    split: impl FnOnce(u64) -> Option<u64>,
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
        let mut table = Table::open(label, reader, &KIND)?;
        let parsed = match split(size) {
            Some(split) => read_halves(
                label,
                path,
                &mut table,
                info,
                bom_len as u64,
                split,
                progress,
            )?,
            None => {
                let mut rows = RowReader::new(&table.header, info, label, (size, size), true);
                match rows.read(&mut table, progress, &Limits::default())? {
                    Stop::End => Some(rows.finish(progress, size)),
                    _ => None,
                }
            }
        };
        if let Some(parsed) = parsed {
            return Ok(parsed);
        }
    }
    let mut bytes = Vec::new();
    File::open(path)
        .and_then(|f| f.take(size).read_to_end(&mut bytes))
        .map_err(open_err)?;
    progress.done.store(0, Ordering::Relaxed);
    progress.people.store(0, Ordering::Relaxed);
    parse(label, &decode::decode(bytes), progress)
}

/// Where the second half starts: just after the first line break past the middle. It
/// may fall inside a quoted field; the first half's reader finds out (see `read_halves`).
fn find_split(path: &Path, size: u64) -> Option<u64> {
    let mut file = File::open(path).ok()?;
    let middle = size / 2;
    file.seek(SeekFrom::Start(middle)).ok()?;
    let mut window = vec![0; 1 << 16];
    let n = file.read(&mut window).ok()?;
    memchr::memchr(b'\n', &window[..n]).map(|i| middle + i as u64 + 1)
}

/// Parses `[start, split)` here and `[split, end)` on a second thread, then joins them
/// as if read in one pass: same order, same duplicates merged, same line numbers.
/// The split is only trusted if a record of the first half ends exactly there; if not
/// (a quoted line break), or if the second half failed, the first half reads on alone.
/// `None`: not UTF-8.
fn read_halves<R: Read>(
    label: &str,
    path: &Path,
    table: &mut Table<'_, R>,
    info: TextInfo,
    bom_len: u64,
    split: u64,
    progress: &Progress,
) -> Result<Option<(People, ConnectionsReport)>, ImportError> {
    let size = progress.total.load(Ordering::Relaxed);
    // After a CRLF the first half's last record ends at the `\r`: the parser takes the
    // `\n` as the start of the next record. A split between the two is never trusted.
    let (crlf, inside_crlf) = around(path, split);
    let crlf = u64::from(crlf);
    let boundary = split - crlf;
    let header = table.header.clone();
    let cancel = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let second = scope.spawn(
            || -> Result<(RowReader<'_>, Result<Stop, ImportError>), ImportError> {
                let open_err = |source| ImportError::Open {
                    path: label.to_owned(),
                    source,
                };
                let mut file = File::open(path).map_err(open_err)?;
                file.seek(SeekFrom::Start(split)).map_err(open_err)?;
                let reader = BufReader::with_capacity(1 << 16, file);
                let mut rest = Table::continuing(label, reader, header);
                let mut rows = RowReader::new(
                    &rest.header,
                    info,
                    label,
                    (size - split, size - split),
                    false,
                );
                let limits = Limits {
                    cancel: Some(&cancel),
                    ..Limits::default()
                };
                let stop = rows.read(&mut rest, progress, &limits);
                Ok((rows, stop))
            },
        );
        let mut first = RowReader::new(&table.header, info, label, (split, size), true);
        let limits = Limits {
            stop_at: Some(boundary),
            base: bom_len,
            cancel: None,
        };
        let stop = first.read(table, progress, &limits);
        let aligned =
            !inside_crlf && matches!(stop, Ok(Stop::Boundary { at, .. }) if at == boundary);
        if !aligned {
            // The second half is wasted work (or the first failed): stop it early.
            cancel.store(true, Ordering::Relaxed);
        }
        // A panic there is a bug, not bad input: propagate it.
        let second = second
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        let stop = stop?;
        match (stop, second) {
            (Stop::NotUtf8, _) => Ok(None),
            (Stop::Boundary { next_line, .. }, Ok((rest, Ok(Stop::End)))) if aligned => {
                #[cfg(test)]
                tests::JOINS.with(|j| j.set(j.get() + 1));
                first.absorb(rest, next_line - 1)?;
                Ok(Some(first.finish(progress, size)))
            }
            (Stop::Boundary { .. }, Ok((_, Ok(Stop::NotUtf8)))) if aligned => Ok(None),
            (Stop::End, second) => {
                if let Ok((rest, _)) = second {
                    rest.retract(progress);
                }
                Ok(Some(first.finish(progress, size)))
            }
            (_, second) => {
                // Misaligned, or the second half failed: read on alone from here.
                if let Ok((rest, _)) = second {
                    rest.retract(progress);
                }
                match first.read(table, progress, &Limits::default())? {
                    Stop::End => Ok(Some(first.finish(progress, size))),
                    _ => Ok(None),
                }
            }
        }
    })
}

/// Whether a CRLF line break ends just before `at`, and whether `at` falls inside one.
fn around(path: &Path, at: u64) -> (bool, bool) {
    let mut bytes = [0u8; 3];
    let start = at.saturating_sub(2);
    let read = File::open(path).and_then(|mut f| {
        f.seek(SeekFrom::Start(start))?;
        f.read(&mut bytes)
    });
    let Ok(n) = read else {
        return (false, false);
    };
    let at = (at - start) as usize;
    let byte = |i: usize| (i < n).then(|| bytes[i]);
    let after = at >= 2 && byte(at - 2) == Some(b'\r') && byte(at - 1) == Some(b'\n');
    let inside = at >= 1 && byte(at - 1) == Some(b'\r') && byte(at) == Some(b'\n');
    (after, inside)
}

/// Where a reader stops early.
#[derive(Default)]
struct Limits<'a> {
    /// At the first record boundary at or past this byte offset...
    stop_at: Option<u64>,
    /// ...counted from the start of the file: the table's own offsets start after this.
    base: u64,
    /// When set (the other half found its split was wrong).
    cancel: Option<&'a AtomicBool>,
}

enum Stop {
    End,
    /// A record was not UTF-8: decode the file and start again.
    NotUtf8,
    Boundary {
        at: u64,
        next_line: u64,
    },
    Cancelled,
}

/// The people read so far from one stretch of the file, and what was said about them.
struct RowReader<'l> {
    label: &'l str,
    columns: Columns,
    width: usize,
    people: People,
    seen: IdentityIndex,
    url: String,
    report: ConnectionsReport,
    /// Unreadable dates (line, text): formatted at the end, once line numbers are final.
    bad_dates: Vec<(u64, String)>,
    /// This reader's rows are the file's first: show them while loading.
    preview: bool,
    /// Bytes and people already added to the shared progress.
    reported: (u64, u64),
}

impl<'l> RowReader<'l> {
    /// `size`: the bytes this reader will parse; `room`: the bytes of people it should
    /// have room for (the whole file for a first half that absorbs the second).
    fn new(
        header: &Header,
        info: TextInfo,
        label: &'l str,
        (size, room): (u64, u64),
        preview: bool,
    ) -> Self {
        let mut report = ConnectionsReport {
            file: label.to_owned(),
            format: detect_format(header),
            traits: traits(header, info),
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
        // separators and quotes, so the size bounds it. Untouched capacity costs no memory
        // (and spares a copy when the second half is appended).
        let size = usize::try_from(size).unwrap_or(usize::MAX);
        let room = usize::try_from(room).unwrap_or(usize::MAX);
        RowReader {
            label,
            columns: Columns::of(header),
            width: header.names.len(),
            people: People::with_capacity(room, room / 64),
            seen: IdentityIndex::with_capacity(size / 128),
            url: String::new(),
            report,
            bad_dates: Vec::new(),
            preview,
            reported: (0, 0),
        }
    }

    fn read<R: Read>(
        &mut self,
        table: &mut Table<'_, R>,
        progress: &Progress,
        limits: &Limits<'_>,
    ) -> Result<Stop, ImportError> {
        if self.preview
            && self.people.is_empty()
            && let Ok(mut preview) = progress.preview.lock()
        {
            // A second pass (after decoding) starts the preview again.
            *preview = People::default();
        }
        let mut rows = 0usize;
        loop {
            rows += 1;
            if rows.is_multiple_of(PROGRESS_EVERY) {
                self.report_progress(progress, limits.base + table.byte_offset());
                if limits.cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
                    return Ok(Stop::Cancelled);
                }
            }
            let Some(row) = table.next_row()? else {
                return Ok(Stop::End);
            };
            match row {
                Row::Misshapen { line, found } => self.report.skipped.push(Skipped {
                    line,
                    reason: format!("expected {} fields, found {found}", self.width),
                }),
                Row::NotUtf8 { .. } => return Ok(Stop::NotUtf8),
                Row::Fields { line, fields } => {
                    let get = |col: Option<usize>| col.map_or("", |c| fields.get(c));
                    self.add(
                        line,
                        std::array::from_fn(|i| get(self.columns.fields[i])),
                        get(self.columns.connected_on),
                        progress,
                    )?;
                }
            }
            if let Some(stop) = limits.stop_at {
                let at = limits.base + table.byte_offset();
                if at >= stop {
                    self.report_progress(progress, at);
                    return Ok(Stop::Boundary {
                        at,
                        next_line: table.next_line(),
                    });
                }
            }
        }
    }

    /// One row: normalised, checked, merged into a duplicate or added.
    fn add(
        &mut self,
        line: u64,
        raw: [&str; 6],
        date_text: &str,
        progress: &Progress,
    ) -> Result<(), ImportError> {
        url::normalise_into(raw[Field::Url as usize], &mut self.url);
        let mut fields = raw;
        fields[Field::Url as usize] = self.url.as_str();
        if fields.iter().all(|f| f.is_empty()) {
            // A row of bare commas with no date is a blank line a spreadsheet left.
            self.report.hidden += usize::from(!date_text.is_empty());
            return Ok(());
        }
        let connected_on = parse_connected_on(date_text);
        if connected_on.is_none() && !date_text.is_empty() {
            self.bad_dates.push((line, date_text.to_owned()));
        }
        let too_large = || ImportError::TooLarge {
            path: self.label.to_owned(),
        };
        let next = PersonId(u32::try_from(self.people.len()).map_err(|_| too_large())?);
        match self.seen.find_or_insert(&self.people, &fields, next) {
            Some(existing) => {
                self.report.duplicates += 1;
                self.people
                    .fill_missing(existing, fields, connected_on)
                    .map_err(|_| too_large())?;
            }
            None => {
                self.people
                    .push(fields, connected_on)
                    .map_err(|_| too_large())?;
                if self.preview
                    && self.people.len() <= PREVIEW_ROWS
                    && let Ok(mut preview) = progress.preview.lock()
                {
                    // Cannot fail: a few short rows are far from the arena's limit.
                    let _ = preview.push(fields, connected_on);
                }
            }
        }
        Ok(())
    }

    fn report_progress(&mut self, progress: &Progress, at: u64) {
        let people = self.people.len() as u64;
        progress
            .done
            .fetch_add(at.saturating_sub(self.reported.0), Ordering::Relaxed);
        progress
            .people
            .fetch_add(people.saturating_sub(self.reported.1), Ordering::Relaxed);
        self.reported = (at.max(self.reported.0), people.max(self.reported.1));
    }

    /// Takes back this reader's progress: its work is being discarded.
    fn retract(self, progress: &Progress) {
        progress.done.fetch_sub(self.reported.0, Ordering::Relaxed);
        progress
            .people
            .fetch_sub(self.reported.1, Ordering::Relaxed);
    }

    /// Appends the second half of the file, whose line 1 is this half's line
    /// `line_offset + 1`: its duplicates of people here merge into them, as in one pass.
    fn absorb(&mut self, rest: RowReader<'_>, line_offset: u64) -> Result<(), ImportError> {
        let too_large = || ImportError::TooLarge {
            path: self.label.to_owned(),
        };
        let RowReader {
            people: rest_people,
            seen: rest_seen,
            report: rest_report,
            bad_dates: rest_bad_dates,
            ..
        } = rest;
        // Peak memory: the identity tables go before the second half's text is copied.
        drop(rest_seen);
        let mut keep = vec![true; rest_people.len()];
        for (id, keep) in rest_people.ids().zip(&mut keep) {
            let p = rest_people.get(id);
            let identity = p.identity();
            if let Some(existing) = self.seen.find(&self.people, &identity) {
                *keep = false;
                self.report.duplicates += 1;
                let url = p.url.to_cow();
                let fields = [
                    p.first_name,
                    p.last_name,
                    &url,
                    p.email,
                    p.company,
                    p.position,
                ];
                self.people
                    .fill_missing(existing, fields, p.connected_on)
                    .map_err(|_| too_large())?;
            }
        }
        self.seen = IdentityIndex::with_capacity(0);
        self.people
            .append(rest_people, |i| keep[i])
            .map_err(|_| too_large())?;
        self.report.hidden += rest_report.hidden;
        self.report.duplicates += rest_report.duplicates;
        self.report
            .skipped
            .extend(rest_report.skipped.into_iter().map(|s| Skipped {
                line: s.line + line_offset,
                ..s
            }));
        self.bad_dates.extend(
            rest_bad_dates
                .into_iter()
                .map(|(line, text)| (line + line_offset, text)),
        );
        Ok(())
    }

    fn finish(self, progress: &Progress, size: u64) -> (People, ConnectionsReport) {
        let mut report = self.report;
        let label = self.label;
        report
            .warnings
            .extend(self.bad_dates.into_iter().map(|(line, text)| {
                format!(
                    "{label}, line {line}: unreadable date \"{}\"; kept with the date unknown",
                    text.escape_debug()
                )
            }));
        report.people = self.people.len();
        progress.done.store(size, Ordering::Relaxed);
        progress
            .people
            .store(self.people.len() as u64, Ordering::Relaxed);
        (self.people, report)
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::people::PersonRef;

    thread_local! {
        /// How many times this thread joined two halves.
        pub(super) static JOINS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    /// A small export with everything a split can fall into: a quoted line break,
    /// duplicates across the halves, a short row, a bad date, a blank row.
    const CSV: &str = "Notes:\n\"Some note\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
Ada,One,https://www.linkedin.com/in/ada,,Acme,CEO,01 Jan 2024\n\
Bob,Two,https://www.linkedin.com/in/bob,,\"Globex, Inc.\",\"Line one\nline two\",02 Jan 2024\n\
Cy,Three,,cy@example.com,,,someday\n\
,,,,,,03 Jan 2024\n\
Dee,Four,https://www.linkedin.com/in/dee,,Initech,,04 Jan 2024\n\
short,row\n\
Ada,One,https://www.linkedin.com/in/ada,ada@example.com,,,05 Jan 2024\n\
Eve,Five,https://www.linkedin.com/in/eve,,\"Umbrella \"\"Corp\"\"\",Chemist,never\n\
Cy,Three,,cy@example.com,Hooli,Dev,06 Jan 2024\n\
Dee,Four,https://www.linkedin.com/in/dee,,,Boss,\n\
Fay,Six,https://www.linkedin.com/in/fay,,Acme,CTO,07 Jan 2024\n";

    fn people(p: &People) -> Vec<PersonRef<'_>> {
        p.ids().map(|id| p.get(id)).collect()
    }

    #[test]
    fn parsing_in_two_halves_gives_the_one_pass_result_wherever_the_split_falls() {
        for line_break in ["\n", "\r\n"] {
            let joined = split_everywhere(&CSV.replace('\n', line_break));
            // One join per line break after the header, but the quoted one.
            assert_eq!(joined, 10, "{line_break:?}");
        }
    }

    /// Splits `csv` at every byte past the header, checks each against one pass, and
    /// returns how many splits were joined as two halves.
    fn split_everywhere(csv: &str) -> usize {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("Connections.csv");
        std::fs::write(&path, csv).unwrap();
        let parse_at = |split: Option<u64>| {
            parse_file_split_at("c.csv", &path, &Progress::default(), |_| split).unwrap()
        };
        let (one_pass, report) = parse_at(None);
        assert_eq!(one_pass.len(), 6);
        assert_eq!(report.duplicates, 3);
        assert_eq!(report.skipped[0].line, 11);
        assert_eq!(report.warnings.len(), 2, "{:?}", report.warnings);
        let header_end = csv.find("Connected On").unwrap() + 13;
        let before = JOINS.with(|j| j.get());
        for split in header_end as u64 + 1..csv.len() as u64 {
            let (halves, halves_report) = parse_at(Some(split));
            assert_eq!(people(&halves), people(&one_pass), "split at {split}");
            assert_eq!(halves_report.skipped, report.skipped, "split at {split}");
            assert_eq!(halves_report.warnings, report.warnings, "split at {split}");
            assert_eq!(
                halves_report.duplicates, report.duplicates,
                "split at {split}"
            );
            assert_eq!(halves_report.hidden, report.hidden, "split at {split}");
        }
        JOINS.with(|j| j.get()) - before
    }

    #[test]
    fn a_file_that_is_not_utf8_after_the_split_is_decoded_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("Connections.csv");
        let mut bytes = CSV.as_bytes().to_vec();
        bytes.extend_from_slice(b"Gil,Caf\xe9,,,,,08 Jan 2024\n");
        std::fs::write(&path, &bytes).unwrap();
        let split = CSV.find("Eve").unwrap() as u64;
        let (people, report) =
            parse_file_split_at("c.csv", &path, &Progress::default(), |_| Some(split)).unwrap();
        assert_eq!(people.get(PersonId(6)).last_name, "Café");
        assert!(report.traits.iter().any(|t| t.contains("Windows-1252")));
    }
}
