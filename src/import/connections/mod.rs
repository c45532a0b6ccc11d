//! Connections.csv, in every layout LinkedIn has produced since 2012.

mod halves;
mod legacy;
mod rows;

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::sync::atomic::Ordering;

use crate::error::ImportError;
use crate::model::People;

use super::Progress;
use super::decode::{self, Decoded, Sniffed, TextInfo};
use super::report::{ConnectionsReport, Format};
use super::source::{self, ZipEntryReader};
use super::table::{Header, Table, TableKind, sniff_delimiter};
use halves::{find_split, read_halves};
use rows::{Limits, RowReader, Stop};

const KIND: TableKind = TableKind {
    what: "Connections.csv",
    expected: "First Name, Last Name, URL, Email Address, Company, Position, Connected On",
    is_header,
    other_files: &[(super::invitations::is_header, "Invitations.csv")],
};

/// Whether a header line is Connections.csv's.
pub fn is_header(h: &Header) -> bool {
    h.has("first name") && h.has("last name")
}

/// Where each of our fields sits in this file's header, by LinkedIn's names over the years.
pub(super) struct Columns {
    fields: [Option<usize>; 6],
    connected_on: Option<usize>,
}

impl Columns {
    pub(super) fn of(header: &Header) -> Self {
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

pub(super) fn detect_format(header: &Header) -> Format {
    if header.has("job title") || header.has("e-mail address") || header.names.len() > 20 {
        Format::Outlook2012
    } else if header.find(&["url", "profile url"]).is_some() {
        Format::Current
    } else {
        Format::NoUrl
    }
}

/// Rows between two progress updates (and checks for cancellation).
pub(super) const PROGRESS_EVERY: usize = 1 << 14;
/// Files at least this large are parsed in two halves on two threads.
const PARALLEL_FROM_BYTES: u64 = 16 << 20;

/// Parses decoded text held in memory (a zip entry, or a file that needed decoding).
pub fn parse(
    label: &str,
    decoded: &Decoded,
    progress: &Progress,
) -> Result<(People, ConnectionsReport), ImportError> {
    let mut table = Table::of_text(label, &decoded.text, &KIND)?;
    let size = decoded.text.len() as u64;
    // Progress counts decoded bytes here (a UTF-16 file decodes to about half its size).
    progress.total.store(size, Ordering::Relaxed);
    let mut rows = RowReader::new(&table.header, decoded.info(), label, (size, size), true);
    match rows.read(&mut table, progress, &Limits::default())? {
        Stop::End => rows.finish(progress, size),
        _ => Err(ImportError::Csv {
            path: label.to_owned(),
            line: 0,
            reason: "not UTF-8 after decoding (a bug: please report it)".to_owned(),
        }),
    }
}

/// Parses a file as it is read, so a large export is never held in memory twice (as
/// bytes and as people); a large one in two halves at once. A file that turns out not to
/// be UTF-8 is read again and decoded as it streams (see the `legacy` module).
pub fn parse_file(
    label: &str,
    path: &Path,
    progress: &Progress,
) -> Result<(People, ConnectionsReport), ImportError> {
    parse_file_from(label, path, progress, PARALLEL_FROM_BYTES)
}

/// [`parse_file`], files from `parallel_from` bytes in two halves (tests lower it).
fn parse_file_from(
    label: &str,
    path: &Path,
    progress: &Progress,
    parallel_from: u64,
) -> Result<(People, ConnectionsReport), ImportError> {
    let split = |size| {
        if size >= parallel_from {
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
    if let Sniffed::Stream { bom_len, info } = decode::sniff(head) {
        let delimiter = sniff_delimiter(&head[bom_len..]);
        reader.consume(bom_len);
        let mut table = Table::open(label, reader, &KIND, delimiter)?;
        let parsed = if let Some(split) = split(size) {
            read_halves(
                label,
                path,
                &mut table,
                info,
                bom_len as u64,
                split,
                progress,
            )?
        } else {
            let mut rows = RowReader::new(&table.header, info, label, (size, size), true);
            match rows.read(&mut table, progress, &Limits::default())? {
                Stop::End => Some(rows.finish(progress, size)?),
                _ => None,
            }
        };
        if let Some(parsed) = parsed {
            return Ok(parsed);
        }
    }
    legacy::parse_legacy(label, &legacy::Source::File(path), size, progress)
}

/// Parses an entry of a zip as it inflates: a zip bomb costs no more than the rows it
/// yields, and stops at the input cap. An entry that turns out not to be UTF-8 is
/// inflated again and decoded as it streams.
pub fn parse_zip_entry(
    label: &str,
    zip: &Path,
    index: usize,
    progress: &Progress,
) -> Result<(People, ConnectionsReport), ImportError> {
    let mut archive = source::open_archive(zip, label)?;
    let corrupt = |e: zip::result::ZipError| ImportError::CorruptZip {
        path: label.to_owned(),
        reason: e.to_string(),
    };
    {
        let entry = archive.by_index(index).map_err(corrupt)?;
        // The size the zip claims: only for the progress bar.
        let size = entry.size();
        progress.total.store(size, Ordering::Relaxed);
        let mut reader = BufReader::with_capacity(1 << 16, ZipEntryReader(entry));
        let head = reader.fill_buf().map_err(|e| ImportError::CorruptZip {
            path: label.to_owned(),
            reason: e.to_string(),
        })?;
        if let Sniffed::Stream { bom_len, info } = decode::sniff(head) {
            let delimiter = sniff_delimiter(&head[bom_len..]);
            reader.consume(bom_len);
            let mut table = Table::open(label, reader, &KIND, delimiter)?;
            let mut rows = RowReader::new(&table.header, info, label, (size, size), true);
            if let Stop::End = rows.read(&mut table, progress, &Limits::default())? {
                return rows.finish(progress, size);
            }
        }
    }
    drop(archive);
    let size = progress.total.load(Ordering::Relaxed);
    legacy::parse_legacy(
        label,
        &legacy::Source::ZipEntry { zip, index },
        size,
        progress,
    )
}

pub(super) fn traits(header: &Header, info: TextInfo) -> Vec<String> {
    let mut traits = Vec::new();
    if header.had_preamble {
        traits.push("Notes preamble".to_owned());
    }
    match header.delimiter {
        b';' => traits.push("semicolon-separated".to_owned()),
        b'\t' => traits.push("tab-separated".to_owned()),
        _ => {}
    }
    if info.had_bom {
        traits.push("byte-order mark".to_owned());
    }
    if info.crlf {
        traits.push("CRLF line endings".to_owned());
    }
    if info.cr_only {
        traits.push("CR line endings (old Mac)".to_owned());
    }
    if let Some(encoding) = info.encoding_note {
        traits.push(format!("{encoding} encoding"));
    }
    traits
}

#[cfg(test)]
mod differential_tests;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PersonId;
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
        let before = JOINS.with(std::cell::Cell::get);
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
        JOINS.with(std::cell::Cell::get) - before
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
