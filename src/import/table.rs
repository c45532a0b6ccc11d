//! Finding the header row of a CSV by its column names (LinkedIn puts a 3-line preamble
//! before it; older and re-saved files do not), then reading rows with line numbers.

use std::io::Read;

use csv::{ByteRecord, Reader, ReaderBuilder};

use super::lines::LineCounter;
pub use super::lines::{MAX_RECORD_BYTES, StreamStop};
use crate::error::ImportError;

/// A field this long cannot be a name or a company; refusing it bounds memory use.
pub const MAX_FIELD_BYTES: usize = 1 << 20;
/// The header must appear within this many records (LinkedIn's preamble has two).
const MAX_HEADER_SEARCH: usize = 20;
/// A header has a few dozen columns at most (Outlook's has 59): names past this many are
/// not kept while looking for it.
const MAX_HEADER_COLUMNS: usize = 256;

/// Whether a header line is the one a kind of file has.
pub type HeaderTest = fn(&Header) -> bool;

/// What kind of file a table is expected to be, for header matching and error messages.
pub struct TableKind {
    pub what: &'static str,
    pub expected: &'static str,
    pub is_header: HeaderTest,
    /// Other files of the export that people give instead, by how their header looks.
    pub other_files: &'static [(HeaderTest, &'static str)],
}

/// Column names, trimmed and lower-cased, so `" E-mail Address"` matches `e-mail address`.
#[derive(Debug, Clone)]
pub struct Header {
    pub names: Vec<String>,
    pub line: u64,
    /// A `Notes:` preamble came before the header.
    pub had_preamble: bool,
    /// The column separator, found from the header line.
    pub delimiter: u8,
}

impl Header {
    /// Index of the first column called any of `names`.
    pub fn find(&self, names: &[&str]) -> Option<usize> {
        names
            .iter()
            .find_map(|n| self.names.iter().position(|c| c == n))
    }

    pub fn has(&self, name: &str) -> bool {
        self.find(&[name]).is_some()
    }
}

/// A CSV being read: from memory (decoded text), or streamed from a file so a large
/// export is never held twice.
pub struct Table<'a, R> {
    pub label: &'a str,
    pub header: Header,
    reader: Reader<LineCounter<R>>,
    record: ByteRecord,
}

/// The text fields of one record.
pub struct Fields<'r> {
    text: &'r str,
    record: &'r ByteRecord,
}

impl<'r> Fields<'r> {
    /// Field `i`, trimmed; empty when absent.
    pub fn get(&self, i: usize) -> &'r str {
        let field = self
            .record
            .range(i)
            .and_then(|r| self.text.get(r))
            .unwrap_or_default();
        trim(field)
    }

    pub fn len(&self) -> usize {
        self.record.len()
    }

    pub fn is_empty(&self) -> bool {
        self.record.is_empty()
    }
}

/// `text` without white space at either end, as [`str::trim`] has it. Nearly every field
/// starts and ends with a visible ASCII character: then there is nothing to trim, and the
/// Unicode-aware trim (2% of an import) is skipped.
pub fn trim(text: &str) -> &str {
    let visible = |b: Option<&u8>| b.is_some_and(|&b| b > b' ' && b.is_ascii());
    let bytes = text.as_bytes();
    if visible(bytes.first()) && visible(bytes.last()) {
        text
    } else {
        text.trim()
    }
}

/// One data row.
pub enum Row<'r> {
    Fields {
        line: u64,
        fields: Fields<'r>,
    },
    /// Wrong number of fields: skip and report.
    Misshapen {
        line: u64,
        found: usize,
    },
    /// Not UTF-8 (only when streaming undecoded bytes): the file needs decoding first.
    NotUtf8 {
        line: u64,
    },
}

/// How much of a file's start [`sniff_delimiter`] judges its separator from.
const SNIFF_BYTES: usize = 1 << 16;

impl<'a, 't> Table<'a, &'t [u8]> {
    /// A whole decoded file as a table, its separator judged from its start: how every
    /// file read from memory is opened.
    pub fn of_text(label: &'a str, text: &'t str, kind: &TableKind) -> Result<Self, ImportError> {
        let bytes = text.as_bytes();
        let delimiter = sniff_delimiter(&bytes[..bytes.len().min(SNIFF_BYTES)]);
        Self::open(label, bytes, kind, delimiter)
    }
}

impl<'a, R: Read> Table<'a, R> {
    /// Finds the header (separated by `delimiter`, see [`sniff_delimiter`]) and stands
    /// on the first row.
    pub fn open(
        label: &'a str,
        source: R,
        kind: &TableKind,
        delimiter: u8,
    ) -> Result<Self, ImportError> {
        Self::open_counted(label, LineCounter::new(source), kind, delimiter)
    }

    fn open_counted(
        label: &'a str,
        source: LineCounter<R>,
        kind: &TableKind,
        delimiter: u8,
    ) -> Result<Self, ImportError> {
        let mut reader = csv_reader(source, delimiter);
        let mut record = ByteRecord::new();
        // The first line that is not the preamble, and how many fields it had.
        let mut first_seen: Option<(Vec<String>, usize)> = None;
        let mut had_preamble = false;
        let mut in_preamble = false;
        for _ in 0..MAX_HEADER_SEARCH {
            let line = next_record(&mut reader, &mut record, label)?;
            let Some(line) = line else { break };
            let names: Vec<String> = record
                .iter()
                .take(MAX_HEADER_COLUMNS)
                .map(|f| String::from_utf8_lossy(f).trim().to_lowercase())
                .collect();
            if names.iter().all(String::is_empty) {
                // The blank line after the preamble ends it.
                in_preamble = false;
                continue;
            }
            if first_seen.is_none() && !had_preamble && names[0] == "notes:" {
                // LinkedIn's preamble: `Notes:`, then one quoted sentence.
                had_preamble = true;
                in_preamble = true;
                continue;
            }
            if in_preamble && names.len() == 1 {
                in_preamble = false;
                continue;
            }
            in_preamble = false;
            let header = Header {
                names,
                line,
                had_preamble,
                delimiter,
            };
            if (kind.is_header)(&header) {
                return Ok(Table {
                    label,
                    header,
                    reader,
                    record,
                });
            }
            if let Some(&(_, other)) = kind.other_files.iter().find(|(is, _)| is(&header)) {
                return Err(ImportError::OtherLinkedInFile {
                    path: label.to_owned(),
                    found: other,
                    wanted: kind.what,
                });
            }
            first_seen.get_or_insert((header.names, record.len()));
        }
        if had_preamble && reader.is_done() && first_seen.is_none() {
            return Err(ImportError::PreambleOnly {
                path: label.to_owned(),
            });
        }
        let found = match first_seen {
            Some((names, count)) => describe_columns(&names, count),
            // Nothing but blank lines and commas.
            None if reader.is_done() => {
                return Err(ImportError::Empty {
                    path: label.to_owned(),
                });
            }
            None => "no columns".to_owned(),
        };
        Err(ImportError::NotLinkedIn {
            path: label.to_owned(),
            what: kind.what,
            expected: kind.expected.to_owned(),
            found,
            separator: separator_name(delimiter),
        })
    }

    /// A table that starts mid-file, at a record boundary, under a header read elsewhere
    /// (the second half of a file parsed in two). Its line numbers count from 1 there.
    pub fn continuing(label: &'a str, source: R, header: Header) -> Self {
        let reader = csv_reader(LineCounter::new(source), header.delimiter);
        Table {
            label,
            header,
            reader,
            record: ByteRecord::new(),
        }
    }

    /// The line the next record starts on.
    pub fn next_line(&mut self) -> u64 {
        let at = self.reader.position().byte();
        self.reader.get_mut().line_at(at)
    }

    /// How far into the text the reader is, in bytes.
    pub fn byte_offset(&self) -> u64 {
        self.reader.position().byte()
    }

    /// The next data row, or `None` at the end of the file.
    pub fn next_row(&mut self) -> Result<Option<Row<'_>>, ImportError> {
        let Some(line) = next_record(&mut self.reader, &mut self.record, self.label)? else {
            return Ok(None);
        };
        if self.record.len() != self.header.names.len() {
            return Ok(Some(Row::Misshapen {
                line,
                found: self.record.len(),
            }));
        }
        // The parser splits only at ASCII bytes, so a record that is valid UTF-8 as a whole
        // has valid fields: validate it once, not field by field.
        let Ok(text) = std::str::from_utf8(self.record.as_slice()) else {
            return Ok(Some(Row::NotUtf8 { line }));
        };
        Ok(Some(Row::Fields {
            line,
            fields: Fields {
                text,
                record: &self.record,
            },
        }))
    }
}

/// Every field as bytes (headers are found by name), rows of any width (reported, not
/// fatal), line breaks counted.
fn csv_reader<R: Read>(source: LineCounter<R>, delimiter: u8) -> Reader<LineCounter<R>> {
    ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(1 << 16)
        .from_reader(source)
}

/// Reads one record, refusing giant fields. Returns its first line number.
fn next_record<R: Read>(
    reader: &mut Reader<LineCounter<R>>,
    record: &mut ByteRecord,
    label: &str,
) -> Result<Option<u64>, ImportError> {
    let start = reader.position().byte();
    reader.get_mut().record_start = start;
    let more = reader.read_byte_record(record).map_err(|e| {
        let limit = match e.kind() {
            csv::ErrorKind::Io(io) => io
                .get_ref()
                .and_then(|inner| inner.downcast_ref::<StreamStop>())
                .cloned(),
            _ => None,
        };
        let path = label.to_owned();
        match limit {
            Some(StreamStop::Record) => {
                return ImportError::RecordTooLarge {
                    path,
                    line: reader.get_mut().line_at(start),
                };
            }
            Some(StreamStop::Input) => {
                return ImportError::TooLarge {
                    path,
                    limit: super::source::describe_cap(super::source::MAX_FILE_BYTES),
                };
            }
            Some(StreamStop::Damaged(reason)) => {
                return ImportError::CorruptZip { path, reason };
            }
            None => {}
        }
        let line = e.position().map(csv::Position::byte);
        ImportError::Csv {
            path: label.to_owned(),
            line: line.map_or(0, |at| reader.get_mut().line_at(at)),
            reason: e.to_string(),
        }
    })?;
    if !more {
        return Ok(None);
    }
    let at = record.position().map_or(0, csv::Position::byte);
    let line = reader.get_mut().line_at(at);
    // No field can be too large in a record that is not (nearly every one).
    if record.as_slice().len() > MAX_FIELD_BYTES && record.iter().any(|f| f.len() > MAX_FIELD_BYTES)
    {
        return Err(ImportError::FieldTooLarge {
            path: label.to_owned(),
            line,
        });
    }
    Ok(Some(line))
}

/// The column separator of a file, judged from its first lines: the first line (the
/// header, or LinkedIn's `Notes:` before it) that has a comma, a semicolon (European
/// Excel re-saves) or a tab outside quotes is split by whichever it has most of.
pub fn sniff_delimiter(head: &[u8]) -> u8 {
    const CANDIDATES: [u8; 3] = [b',', b';', b'\t'];
    for line in head
        .split(|&b| b == b'\n' || b == b'\r')
        .take(MAX_HEADER_SEARCH * 2)
    {
        let mut counts = [0usize; 3];
        let mut quoted = false;
        for &b in line {
            if b == b'"' {
                quoted = !quoted;
            } else if !quoted && let Some(i) = CANDIDATES.iter().position(|&c| c == b) {
                counts[i] += 1;
            }
        }
        let best = (0..3).max_by_key(|&i| (counts[i], std::cmp::Reverse(i)));
        if let Some(i) = best
            && counts[i] > 0
        {
            return CANDIDATES[i];
        }
    }
    b','
}

/// How an error message names a separator.
pub fn separator_name(delimiter: u8) -> &'static str {
    match delimiter {
        b';' => "semicolons",
        b'\t' => "tabs",
        _ => "commas",
    }
}

/// `"a", "b", …` for an error message, shortened so it stays one line.
fn describe_columns(names: &[String], count: usize) -> String {
    const SHOWN: usize = 8;
    let mut s = names
        .iter()
        .take(SHOWN)
        .map(|n| {
            let n: String = n.chars().take(30).collect();
            format!("\"{}\"", n.escape_debug())
        })
        .collect::<Vec<_>>()
        .join(", ");
    if count > SHOWN {
        s.push_str(&format!(" and {} more", count - SHOWN));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    const KIND: TableKind = TableKind {
        what: "Connections.csv",
        expected: "First Name, Last Name",
        is_header: |h| h.has("first name"),
        other_files: &[],
    };

    #[test]
    fn trimming_agrees_with_the_standard_trim() {
        for text in [
            "",
            " ",
            "a",
            " a",
            "a ",
            "\ta\r",
            "\u{a0}Ada\u{3000}",
            "Ada\u{85}",
            "\u{1f}x",
            "é",
            "x é ",
        ] {
            assert_eq!(trim(text), text.trim(), "{text:?}");
        }
    }

    #[test]
    fn the_separator_is_read_from_the_header_line_not_the_preamble() {
        let preamble = "Notes:\n\"A sentence, with commas, and more, commas.\"\n\n";
        for (sep, expect) in [(",", b','), (";", b';'), ("\t", b'\t')] {
            let header = ["First Name", "Last Name", "Company"].join(sep);
            let text = format!("{preamble}{header}\nAda{sep}\"Acme, Inc.\"{sep}X\n");
            assert_eq!(sniff_delimiter(text.as_bytes()), expect, "{sep:?}");
        }
        assert_eq!(sniff_delimiter(b""), b',');
    }

    #[test]
    fn reading_stops_past_the_input_cap() {
        let mut text = "First Name,Last Name\n".to_owned();
        for i in 0..20_000 {
            text.push_str(&format!("Ada{i},One\n"));
        }
        let mut counter = LineCounter::new(text.as_bytes());
        counter.max_input = 100_000;
        let mut table = Table::open_counted("c.csv", counter, &KIND, b',').unwrap();
        let err = loop {
            match table.next_row() {
                Ok(Some(_)) => {}
                Ok(None) => panic!("read past the cap"),
                Err(e) => break e,
            }
        };
        assert!(matches!(err, ImportError::TooLarge { .. }), "{err:?}");
    }
}
