//! Under the CSV parser: line numbers that are right for every line ending, and limits
//! on what one record and one input may cost.

use std::collections::VecDeque;
use std::io::Read;

/// A record this long is not a row of a LinkedIn export. Bounding it bounds what one
/// record costs while it is read: its bytes and its field count (a line of commas makes
/// a field per byte, each remembered by the parser).
pub const MAX_RECORD_BYTES: u64 = 2 << 20;
/// Why the reader under the parser stopped it: reported as an I/O error through the
/// parser, and turned back into an [`ImportError`](crate::error::ImportError) on the way out.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StreamStop {
    #[error("record too large")]
    Record,
    #[error("input too large")]
    Input,
    /// The zip entry being inflated is damaged.
    #[error("{0}")]
    Damaged(String),
}

/// Counts line breaks as the parser reads, to number records by the line they start
/// on, and bounds what it reads. The parser's own count is one short after a CRLF
/// (Excel's line break): it stops at the `\r` and takes the `\n` as the start of the
/// next record; and it counts no lines at all in old-Mac files that end lines with a
/// lone `\r`. Each line break is recorded at its last byte: the `\n`, or a lone `\r`.
pub struct LineCounter<R> {
    inner: R,
    /// Bytes read so far.
    read: u64,
    /// Offsets of the line breaks read but not yet passed by a record start.
    ahead: VecDeque<u64>,
    /// Line breaks before the last record start asked about.
    passed: u64,
    /// A `\r` ended the last read: a line break, unless a `\n` follows. `bool`: already
    /// counted as passed by a record starting after it.
    cr_pending: Option<(u64, bool)>,
    /// Where the record being read started: the parser is stopped once it is longer
    /// than [`MAX_RECORD_BYTES`].
    pub(super) record_start: u64,
    /// The parser is stopped past this many bytes, however the input is stored (a zip
    /// entry inflates without a size we can trust).
    pub(super) max_input: u64,
}

impl<R: Read> Read for LineCounter<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        // The parser asks for more only when it has used all it was given: everything
        // read since `record_start` belongs to the record it is reading.
        if self.read.saturating_sub(self.record_start) > MAX_RECORD_BYTES {
            return Err(std::io::Error::other(StreamStop::Record));
        }
        if self.read > self.max_input {
            return Err(std::io::Error::other(StreamStop::Input));
        }
        let n = self.inner.read(buf)?;
        let base = self.read;
        let chunk = &buf[..n];
        // The `\n` completing a CRLF whose `\r` was already counted is not a new break.
        let mut skip_lf = false;
        if let Some((cr, counted)) = self.cr_pending.take() {
            let lf_follows = chunk.first() == Some(&b'\n');
            // At the end of the input, or before anything but `\n`, it was a line break.
            if !counted && !lf_follows {
                self.ahead.push_back(cr);
            }
            skip_lf = counted && lf_follows;
        }
        for i in memchr::memchr2_iter(b'\n', b'\r', chunk) {
            if chunk[i] == b'\n' {
                if skip_lf && i == 0 {
                    continue;
                }
                self.ahead.push_back(base + i as u64);
            } else if i + 1 == n {
                self.cr_pending = Some((base + i as u64, false));
            } else if chunk[i + 1] != b'\n' {
                self.ahead.push_back(base + i as u64);
            }
        }
        self.read += n as u64;
        Ok(n)
    }
}

impl<R> LineCounter<R> {
    pub(super) fn new(inner: R) -> Self {
        LineCounter {
            inner,
            read: 0,
            ahead: VecDeque::new(),
            passed: 0,
            cr_pending: None,
            record_start: 0,
            max_input: super::source::MAX_FILE_BYTES,
        }
    }

    /// The line a record starting at byte `at` is on (records are asked in order). A
    /// `\n` at `at` itself is the tail of the previous CRLF: the record starts after it.
    pub(super) fn line_at(&mut self, at: u64) -> u64 {
        while self.ahead.front().is_some_and(|&nl| nl <= at) {
            self.ahead.pop_front();
            self.passed += 1;
        }
        if let Some((cr, counted @ false)) = &mut self.cr_pending
            && *cr < at
        {
            // Whether or not a `\n` follows, a record after it is on the next line.
            *counted = true;
            self.passed += 1;
        }
        self.passed + 1
    }
}
