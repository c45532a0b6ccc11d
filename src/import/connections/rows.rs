//! The rows of a Connections.csv becoming people: normalised, checked, merged.

use std::io::Read;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::ImportError;
use crate::import::decode::TextInfo;
use crate::import::identity::{IdentityHashes, same_identity};
use crate::import::report::{ConnectionsReport, Skipped};
use crate::import::source::{MAX_FILE_BYTES, describe_cap};
use crate::import::table::{Header, Row, Table};
use crate::import::url::{self, Spelling};
use crate::import::{PREVIEW_ROWS, Progress};
use chrono::NaiveDate;

use crate::model::people::{Field, WrittenUrl};
use crate::model::{People, PersonId};

use super::{Columns, PROGRESS_EVERY, detect_format, traits};
use crate::import::date_order::{DateOrder, DateVotes, NumericDate};
use crate::import::dates::{ConnectedOn, read_connected_on};

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
    /// Each person's identity hash: repeats are found once the whole file is read.
    hashes: IdentityHashes,
    url: String,
    report: ConnectionsReport,
    /// Unreadable dates (line, text): formatted at the end, once line numbers are final.
    bad_dates: Vec<(u64, String)>,
    /// What the digit-only dates say about their order.
    date_votes: DateVotes,
    /// People whose digit-only date could be read either way: provisionally month
    /// first, read again at the end once the file's order is known.
    undecided_dates: Vec<(PersonId, NumericDate)>,
    /// URLs with no profile in them (`https://www.linkedin.com/in`): taken as missing.
    profileless_urls: usize,
    /// E-mails written `NA` by a re-save: taken as empty.
    na_emails: usize,
    /// This reader's rows are the file's first: show them while loading.
    preview: bool,
    /// People put in the preview so far.
    previewed: usize,
    /// The last date read, as written and as read.
    last_date: (String, NaiveDate),
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
            date_order: None,
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
            hashes: IdentityHashes::new(foldhash::fast::RandomState::default(), size / 128),
            url: String::new(),
            report,
            bad_dates: Vec::new(),
            date_votes: DateVotes::default(),
            undecided_dates: Vec::new(),
            profileless_urls: 0,
            na_emails: 0,
            preview,
            previewed: 0,
            last_date: (String::new(), NaiveDate::default()),
            reported: (0, 0),
        }
    }

    /// The seed this reader hashes identities with.
    pub(super) fn identity_seed(&self) -> &foldhash::fast::RandomState {
        self.hashes.state()
    }

    /// Hashes identities with `seed` (another reader's, whose rows these will join).
    pub(super) fn hashing_with(mut self, seed: &foldhash::fast::RandomState) -> Self {
        self.hashes.reseed(seed);
        self
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
        let written_url = raw[Field::Url as usize];
        let spelling = url::normalise_into(written_url, &mut self.url);
        self.profileless_urls += usize::from(self.url.is_empty() && !written_url.is_empty());
        let mut fields = raw;
        fields[Field::Url as usize] = self.url.as_str();
        let email = fields[Field::Email as usize];
        if email.eq_ignore_ascii_case("na") || email.eq_ignore_ascii_case("n/a") {
            fields[Field::Email as usize] = "";
            self.na_emails += 1;
        }
        if fields.iter().all(|f| f.is_empty()) {
            // A row of bare commas with no date is a blank line a spreadsheet left.
            self.report.hidden += usize::from(!date_text.is_empty());
            return Ok(());
        }
        let written_url = if self.url.is_empty() { "" } else { written_url };
        // Exports are in date order: most rows repeat the date of the one before.
        let read = if !date_text.is_empty() && date_text == self.last_date.0 {
            ConnectedOn::Known(self.last_date.1)
        } else {
            read_connected_on(date_text)
        };
        let (connected_on, undecided) = match read {
            ConnectedOn::Known(d) => {
                if date_text != self.last_date.0 {
                    self.last_date.0.clear();
                    self.last_date.0.push_str(date_text);
                    self.last_date.1 = d;
                }
                (Some(d), None)
            }
            ConnectedOn::Numeric(n) => {
                self.date_votes.add(n, date_text);
                if n.is_ambiguous() {
                    (n.date(DateOrder::MonthFirst), Some(n))
                } else {
                    (
                        n.date(DateOrder::DayFirst)
                            .or(n.date(DateOrder::MonthFirst)),
                        None,
                    )
                }
            }
            ConnectedOn::Unknown => {
                if !date_text.is_empty() {
                    self.bad_dates.push((line, date_text.to_owned()));
                }
                (None, None)
            }
        };
        let too_large = || ImportError::TooLarge {
            path: self.label.to_owned(),
            limit: describe_cap(MAX_FILE_BYTES),
        };
        // Everyone is kept for now: repeats are merged once the whole file is read.
        let pushed = match spelling {
            Spelling::Normal => {
                self.people
                    .push_spelled(fields, WrittenUrl::AsNormalised, connected_on)
            }
            Spelling::PercentEncoded => {
                self.people
                    .push_spelled(fields, WrittenUrl::PercentEncoded, connected_on)
            }
            Spelling::Unknown => self.people.push_written(fields, written_url, connected_on),
        };
        let id = pushed.map_err(|_| too_large())?;
        self.hashes.push(&self.people, id);
        if self.preview && self.previewed < PREVIEW_ROWS {
            self.add_to_preview(id, progress);
        }
        if let Some(n) = undecided {
            self.undecided_dates.push((id, n));
        }
        Ok(())
    }

    /// Shows person `id` while the file loads, unless it repeats someone shown.
    fn add_to_preview(&mut self, id: PersonId, progress: &Progress) {
        let Ok(mut preview) = progress.preview.lock() else {
            return;
        };
        let p = self.people.get(id);
        if preview
            .ids()
            .any(|shown| same_identity(&preview.get(shown), &p))
        {
            return;
        }
        // Cannot fail: a few short rows are far from the arena's limit.
        let _ = preview.push_person(&p.to_person());
        self.previewed += 1;
    }

    /// Merges every person who repeats an earlier one into the first of them, in file
    /// order, as one pass reading the file would have: empty fields are filled from the
    /// repeat, and the repeat is dropped.
    fn merge_repeats(&mut self) -> Result<(), ImportError> {
        let hashes = std::mem::replace(
            &mut self.hashes,
            IdentityHashes::new(foldhash::fast::RandomState::default(), 0),
        );
        let repeats = hashes.repeats(&self.people);
        if repeats.is_empty() {
            return Ok(());
        }
        let mut keep = vec![true; self.people.len()];
        for &(repeat, first) in &repeats {
            // Copied out: the repeat's fields are read from the people being filled.
            let p = self.people.get(repeat).to_person();
            let fields = [
                &p.first_name,
                &p.last_name,
                &p.url,
                &p.email,
                &p.company,
                &p.position,
            ];
            self.people
                .fill_missing(
                    first,
                    fields.map(String::as_str),
                    p.written_url(),
                    p.connected_on,
                )
                .map_err(|_| ImportError::TooLarge {
                    path: self.label.to_owned(),
                    limit: describe_cap(MAX_FILE_BYTES),
                })?;
            keep[repeat.index()] = false;
        }
        self.people.retain(|i| keep[i]);
        self.report.duplicates += repeats.len();
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
    /// `line_offset + 1` (its repeats of people here are merged by [`Self::finish`]).
    /// Its identities must be hashed as this half's are (see [`Self::hashing_with`]).
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
            hashes: rest_hashes,
            report: rest_report,
            bad_dates: rest_bad_dates,
            date_votes: rest_votes,
            undecided_dates: rest_undecided,
            profileless_urls: rest_profileless,
            na_emails: rest_na,
            ..
        } = rest;
        let shift = self.people.len() as u32;
        self.undecided_dates.extend(
            rest_undecided
                .into_iter()
                .map(|(id, n)| (PersonId(id.0 + shift), n)),
        );
        self.date_votes.merge(rest_votes);
        self.profileless_urls += rest_profileless;
        self.na_emails += rest_na;
        self.hashes.append(rest_hashes);
        self.people.append(rest_people).map_err(|_| too_large())?;
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

    pub(super) fn finish(
        mut self,
        progress: &Progress,
        size: u64,
    ) -> Result<(People, ConnectionsReport), ImportError> {
        let label = self.label;
        if let Some(choice) = self.date_votes.decide() {
            if choice.order == DateOrder::DayFirst {
                for (id, n) in std::mem::take(&mut self.undecided_dates) {
                    self.people
                        .set_connected_on(id, n.date(DateOrder::DayFirst));
                    // A row without a URL or an e-mail is known by its date too.
                    self.hashes.rehash(&self.people, id);
                }
            }
            if choice.conflicting {
                self.report.warnings.push(format!(
                    "{label}: some dates are day first and some month first; each was read \
                     the one way it can be, the others {}",
                    choice.order.describe()
                ));
            }
            self.report.date_order = Some(choice);
        }
        // Now that every date is final, so is every identity.
        self.merge_repeats()?;
        if self.profileless_urls > 0 {
            self.report.warnings.push(format!(
                "{label}: {} profile URLs name no profile (like \"https://www.linkedin.com/in\"); \
                 taken as missing",
                self.profileless_urls
            ));
        }
        if self.na_emails > 0 {
            self.report.traits.push(format!(
                "{} e-mails written \"NA\" read as empty",
                self.na_emails
            ));
        }
        let mut report = self.report;
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
        Ok((self.people, report))
    }
}
