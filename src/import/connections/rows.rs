//! The rows of a Connections.csv becoming people: normalised, checked, merged.

use std::io::Read;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::ImportError;
use crate::import::decode::TextInfo;
use crate::import::identity::IdentityIndex;
use crate::import::report::{ConnectionsReport, Skipped};
use crate::import::source::{MAX_FILE_BYTES, describe_cap};
use crate::import::table::{Header, Row, Table};
use crate::import::{PREVIEW_ROWS, Progress, url};
use crate::model::people::Field;
use crate::model::{People, PersonId};

use super::{Columns, PROGRESS_EVERY, detect_format, traits};
use crate::import::dates::parse_connected_on;

/// Where a reader stops early.
#[derive(Default)]
pub(super) struct Limits<'a> {
    /// At the first record boundary at or past this byte offset...
    pub stop_at: Option<u64>,
    /// ...counted from the start of the file: the table's own offsets start after this.
    pub base: u64,
    /// When set (the other half found its split was wrong).
    pub cancel: Option<&'a AtomicBool>,
}

pub(super) enum Stop {
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
pub(super) struct RowReader<'l> {
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
    pub(super) fn new(
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

    pub(super) fn read<R: Read>(
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
            limit: describe_cap(MAX_FILE_BYTES),
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
    pub(super) fn retract(self, progress: &Progress) {
        progress.done.fetch_sub(self.reported.0, Ordering::Relaxed);
        progress
            .people
            .fetch_sub(self.reported.1, Ordering::Relaxed);
    }

    /// Appends the second half of the file, whose line 1 is this half's line
    /// `line_offset + 1`: its duplicates of people here merge into them, as in one pass.
    pub(super) fn absorb(
        &mut self,
        rest: RowReader<'_>,
        line_offset: u64,
    ) -> Result<(), ImportError> {
        let too_large = || ImportError::TooLarge {
            path: self.label.to_owned(),
            limit: describe_cap(MAX_FILE_BYTES),
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

    pub(super) fn finish(self, progress: &Progress, size: u64) -> (People, ConnectionsReport) {
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
