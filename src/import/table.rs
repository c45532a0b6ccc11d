//! Finding the header row of a CSV by its column names (LinkedIn puts a 3-line preamble
//! before it; older and re-saved files do not), then reading rows with line numbers.

use std::collections::VecDeque;
use std::io::Read;

use csv::{ByteRecord, Reader, ReaderBuilder};

use crate::error::ImportError;

/// A field this long cannot be a name or a company; refusing it bounds memory use.
pub const MAX_FIELD_BYTES: usize = 1 << 20;
/// The header must appear within this many records (LinkedIn's preamble has two).
const MAX_HEADER_SEARCH: usize = 20;

/// What kind of file a table is expected to be, for header matching and error messages.
pub struct TableKind {
    pub what: &'static str,
    pub expected: &'static str,
    pub is_header: fn(&Header) -> bool,
}

/// Column names, trimmed and lower-cased, so `" E-mail Address"` matches `e-mail address`.
#[derive(Debug, Clone)]
pub struct Header {
    pub names: Vec<String>,
    pub line: u64,
    /// A `Notes:` preamble came before the header.
    pub had_preamble: bool,
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

/// Counts line breaks as the parser reads, to number records by the line they start
/// on. The parser's own count is one short after a CRLF (Excel's line break): it stops
/// at the `\r` and takes the `\n` as the start of the next record.
pub struct LineCounter<R> {
    inner: R,
    /// Bytes read so far.
    read: u64,
    /// Offsets of the `\n`s read but not yet passed by a record start.
    ahead: VecDeque<u64>,
    /// `\n`s before the last record start asked about.
    passed: u64,
}

impl<R: Read> Read for LineCounter<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let base = self.read;
        self.ahead
            .extend(memchr::memchr_iter(b'\n', &buf[..n]).map(|i| base + i as u64));
        self.read += n as u64;
        Ok(n)
    }
}

impl<R> LineCounter<R> {
    fn new(inner: R) -> Self {
        LineCounter {
            inner,
            read: 0,
            ahead: VecDeque::new(),
            passed: 0,
        }
    }

    /// The line a record starting at byte `at` is on (records are asked in order). A
    /// `\n` at `at` itself is the tail of the previous CRLF: the record starts after it.
    fn line_at(&mut self, at: u64) -> u64 {
        while self.ahead.front().is_some_and(|&nl| nl <= at) {
            self.ahead.pop_front();
            self.passed += 1;
        }
        self.passed + 1
    }
}

/// The text fields of one record.
pub struct Fields<'r> {
    text: &'r str,
    record: &'r ByteRecord,
}

impl<'r> Fields<'r> {
    /// Field `i`, trimmed; empty when absent.
    pub fn get(&self, i: usize) -> &'r str {
        self.record
            .range(i)
            .and_then(|r| self.text.get(r))
            .unwrap_or_default()
            .trim()
    }

    pub fn len(&self) -> usize {
        self.record.len()
    }

    pub fn is_empty(&self) -> bool {
        self.record.is_empty()
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

impl<'a, R: Read> Table<'a, R> {
    pub fn open(label: &'a str, source: R, kind: &TableKind) -> Result<Self, ImportError> {
        let mut reader = csv_reader(source);
        let mut record = ByteRecord::new();
        let mut first_seen: Option<Vec<String>> = None;
        let mut had_preamble = false;
        for _ in 0..MAX_HEADER_SEARCH {
            let line = next_record(&mut reader, &mut record, label)?;
            let Some(line) = line else { break };
            let names: Vec<String> = record
                .iter()
                .map(|f| String::from_utf8_lossy(f).trim().to_lowercase())
                .collect();
            if names.iter().all(String::is_empty) {
                continue;
            }
            if first_seen.is_none() {
                // LinkedIn's preamble: `Notes:`, then one quoted sentence.
                if names[0] == "notes:" {
                    had_preamble = true;
                    continue;
                }
                if had_preamble && names.len() == 1 {
                    continue;
                }
            }
            let header = Header {
                names,
                line,
                had_preamble,
            };
            if (kind.is_header)(&header) {
                return Ok(Table {
                    label,
                    header,
                    reader,
                    record,
                });
            }
            first_seen.get_or_insert(header.names);
        }
        if had_preamble && reader.is_done() {
            return Err(ImportError::PreambleOnly {
                path: label.to_owned(),
            });
        }
        let found = match first_seen {
            Some(names) => describe_columns(&names),
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
        })
    }

    /// A table that starts mid-file, at a record boundary, under a header read elsewhere
    /// (the second half of a file parsed in two). Its line numbers count from 1 there.
    pub fn continuing(label: &'a str, source: R, header: Header) -> Self {
        let reader = csv_reader(source);
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
fn csv_reader<R: Read>(source: R) -> Reader<LineCounter<R>> {
    ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(1 << 16)
        .from_reader(LineCounter::new(source))
}

/// Reads one record, refusing giant fields. Returns its first line number.
fn next_record<R: Read>(
    reader: &mut Reader<LineCounter<R>>,
    record: &mut ByteRecord,
    label: &str,
) -> Result<Option<u64>, ImportError> {
    let more = reader.read_byte_record(record).map_err(|e| {
        let line = e.position().map(|p| p.byte());
        ImportError::Csv {
            path: label.to_owned(),
            line: line.map_or(0, |at| reader.get_mut().line_at(at)),
            reason: e.to_string(),
        }
    })?;
    if !more {
        return Ok(None);
    }
    let at = record.position().map_or(0, |p| p.byte());
    let line = reader.get_mut().line_at(at);
    if record.iter().any(|f| f.len() > MAX_FIELD_BYTES) {
        return Err(ImportError::FieldTooLarge {
            path: label.to_owned(),
            line,
        });
    }
    Ok(Some(line))
}

/// `"a", "b", …` for an error message, shortened so it stays one line.
fn describe_columns(names: &[String]) -> String {
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
    if names.len() > SHOWN {
        s.push_str(&format!(" and {} more", names.len() - SHOWN));
    }
    s
}
