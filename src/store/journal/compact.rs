//! The journal's compact form. A batch is written as groups: a header line holding what
//! its entries share (time, action, batch id, batch length, export date) once, then one
//! line per entry holding only what is needed to show and export it, as a JSON array:
//!
//! ```text
//! {"at":"2026-11-28T18:40:00.123+01:00","batch":"20261128T184000.123-42","action":"remove","batch_len":2,"n":2}
//! ["Ada","Lovelace","https://www.linkedin.com/in/ada","","Analytical","Engineer","2026-02-08"]
//! ["Bo","M","https://www.linkedin.com/in/bo","bo@example.com","","",null]
//! ```
//!
//! A removal's line is the person's fields (its identity follows from them), a
//! withdrawal's the invitation's, a status entry's `["identity"]`. An entry that fits
//! none of these (not one this program writes) is written whole, in the older one-object
//! form, which stays readable. Every entry still carries its batch's length, so a batch
//! cut short never counts (see [`super::recovery`]).

use crate::model::profile_url::{is_percent_encoding_of, percent_encode_non_ascii};
use std::io::{self, Write};
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::{JournalAction, JournalEntry};
use crate::model::{Direction, Invitation, Person};
use crate::store::json_lines;
use row::Fields;

pub(super) mod row;

/// What the entries of a group share, written once before them. Fields a newer version
/// adds are ignored: it cannot be taken for an entry, which always has an `id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Header {
    #[serde(with = "super::rfc3339")]
    pub at: DateTime<FixedOffset>,
    #[serde(with = "super::shared_text")]
    pub batch: Arc<str>,
    pub action: JournalAction,
    /// Entries in the whole batch (which may span several groups).
    pub batch_len: usize,
    /// Entry lines following this header.
    pub n: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub export_date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub export_taken: Option<DateTime<FixedOffset>>,
    /// Removals: the fingerprint of the export they were made from.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "super::shared"
    )]
    pub fingerprint: Option<Arc<String>>,
}

/// One line of the journal, as read.
pub(super) enum Line {
    /// An entry in the one-object-per-entry form (older journals, and odd entries).
    Entry(Box<JournalEntry>),
    /// A group header: the next `n` lines are its entries.
    Header(Header),
    /// An entry of the group opened by the last header: its fields.
    Row(Fields),
}

/// Reads one complete line (without its line break); `None` if it is not valid.
pub(super) fn read_line(body: &[u8]) -> Option<Line> {
    match body.first()? {
        b'[' => Fields::read(body).map(Line::Row),
        b'{' => {
            // A header has no `id`; try the likelier form first.
            let entry_first = memchr::memmem::find(body, b"\"id\":").is_some();
            let entry = || serde_json::from_slice(body).ok().map(Line::Entry);
            let header = || serde_json::from_slice(body).ok().map(Line::Header);
            if entry_first {
                entry().or_else(header)
            } else {
                header().or_else(entry)
            }
        }
        _ => None,
    }
}

/// The entry a row of `header`'s group stands for; `None` if the row does not fit. A row
/// with more fields than this version writes (a newer version's) is read by the fields
/// it knows.
pub(super) fn entry(header: &Header, row: Fields) -> Option<JournalEntry> {
    let (id, person, invitation) = match (header.action, row.len()) {
        (_, 1) => (row.into_only()?.into(), None, None),
        // The URL as the export wrote it comes eighth, when it differs from the URL.
        (JournalAction::Remove, 7..) => {
            let person = person_from(row)?;
            (person.identity(), Some(Arc::new(person)), None)
        }
        (JournalAction::Withdraw, 7..) => {
            let invitation = invitation_from(row)?;
            (invitation.identity(), None, Some(Arc::new(invitation)))
        }
        (JournalAction::Remove | JournalAction::Withdraw, _) | (_, 0) => return None,
        (_, _) => (row.into_only()?.into(), None, None),
    };
    Some(JournalEntry {
        at: header.at,
        action: header.action,
        batch: header.batch.clone(),
        batch_len: Some(header.batch_len),
        id,
        person,
        invitation,
        export_date: header.export_date,
        export_taken: header.export_taken,
        fingerprint: header.fingerprint.clone(),
    })
}

/// [`entry`] of a removal's row as this program writes it, without the person: its
/// identity is worked out from the fields where they stand, none of them copied. `None`
/// for any other line, which is then read in full (and found as valid, or not, as ever).
pub(super) fn lean_removal(header: &Header, body: &[u8]) -> Option<JournalEntry> {
    if header.action != JournalAction::Remove {
        return None;
    }
    let (values, len) = row::Fields::read_plain_borrowed(body)?;
    if len < 7 {
        return None;
    }
    let text = |i: usize| values[i].unwrap_or_default();
    let connected_on = match text(6) {
        "" => None,
        date => Some(row::date(date)?),
    };
    let fields = [text(0), text(1), text(2), text(3), text(4), text(5)];
    Some(JournalEntry {
        at: header.at,
        action: header.action,
        batch: header.batch.clone(),
        batch_len: Some(header.batch_len),
        id: crate::model::Identity::of_person(fields, connected_on),
        person: None,
        invitation: None,
        export_date: header.export_date,
        export_taken: header.export_taken,
        fingerprint: header.fingerprint.clone(),
    })
}

/// The eighth field of a person's row when the export wrote the URL percent-encoded.
const PERCENT_ENCODED: &str = "%";

fn person_from(row: Fields) -> Option<Person> {
    let mut f = row.into_texts();
    let mut text = || f.next();
    Some(Person {
        first_name: text()?,
        last_name: text()?,
        url: text()?,
        email: text()?,
        company: text()?,
        position: text()?,
        connected_on: match text()? {
            date if date.is_empty() => None,
            date => Some(row::date(&date)?),
        },
        url_as_written: String::new(),
    })
    .map(|mut p| {
        // `%`: LinkedIn's own percent-encoding of the URL (nearly every non-ASCII slug),
        // rebuilt rather than stored twice; anything else is the URL as written.
        p.url_as_written = match text() {
            Some(flag) if flag == PERCENT_ENCODED => percent_encode_non_ascii(&p.url),
            Some(written) => written,
            None => String::new(),
        };
        p
    })
}

fn invitation_from(row: Fields) -> Option<Invitation> {
    let mut f = row.into_texts();
    let mut text = || f.next();
    Some(Invitation {
        from: text()?,
        to: text()?,
        sent_at: match text()? {
            at if at.is_empty() => None,
            at => Some(at.parse::<NaiveDateTime>().ok()?),
        },
        message: text()?,
        direction: match text()?.as_str() {
            "Outgoing" => Direction::Outgoing,
            "Incoming" => Direction::Incoming,
            _ => return None,
        },
        inviter_url: text()?,
        invitee_url: text()?,
    })
}

/// The person (or invitation) a line of an entry holds, read again from its line: an
/// entry of `action` read by [`super::parse::Fields::Lean`].
pub(super) fn payload(
    body: &[u8],
    action: JournalAction,
) -> Option<(Option<Person>, Option<Invitation>)> {
    match read_line(body)? {
        Line::Entry(entry) => Some((
            entry.person.map(Arc::unwrap_or_clone),
            entry.invitation.map(Arc::unwrap_or_clone),
        )),
        Line::Row(row) if row.len() >= 7 => match action {
            JournalAction::Remove => Some((Some(person_from(row)?), None)),
            JournalAction::Withdraw => Some((None, Some(invitation_from(row)?))),
            _ => Some((None, None)),
        },
        Line::Row(_) => Some((None, None)),
        Line::Header(_) => None,
    }
}

/// How an entry is written.
#[derive(PartialEq)]
enum Form {
    /// `["identity"]`.
    Id,
    /// The person's fields.
    Person,
    /// The invitation's fields.
    Invitation,
    /// The whole entry as one object.
    Whole,
}

fn form(e: &JournalEntry) -> Form {
    match (e.action, &e.person, &e.invitation) {
        (_, None, None) => Form::Id,
        (JournalAction::Remove, Some(p), None) if p.identity() == e.id => Form::Person,
        (JournalAction::Withdraw, None, Some(i)) if i.identity() == e.id => Form::Invitation,
        _ => Form::Whole,
    }
}

/// Whether `a` and `b` can share a header.
fn same_group(a: &JournalEntry, b: &JournalEntry) -> bool {
    a.at == b.at
        && a.at.offset() == b.at.offset()
        && a.action == b.action
        && a.batch == b.batch
        && a.batch_len == b.batch_len
        && a.export_date == b.export_date
        && a.export_taken == b.export_taken
        && a.fingerprint == b.fingerprint
}

fn entry_line(buf: &mut Vec<u8>, e: &JournalEntry) -> serde_json::Result<()> {
    match (&e.person, &e.invitation) {
        (Some(p), None) if form(e) == Form::Person => {
            let fields = (
                &p.first_name,
                &p.last_name,
                &p.url,
                &p.email,
                &p.company,
                &p.position,
                &p.connected_on,
            );
            if p.url_as_written.is_empty() {
                serde_json::to_writer(buf, &fields)
            } else {
                let written = if is_percent_encoding_of(&p.url_as_written, &p.url) {
                    PERCENT_ENCODED
                } else {
                    p.url_as_written.as_str()
                };
                let (a, b, c, d, e, f, g) = fields;
                serde_json::to_writer(buf, &(a, b, c, d, e, f, g, written))
            }
        }
        (None, Some(i)) if form(e) == Form::Invitation => serde_json::to_writer(
            buf,
            &(
                &i.from,
                &i.to,
                &i.sent_at,
                &i.message,
                &i.direction,
                &i.inviter_url,
                &i.invitee_url,
            ),
        ),
        _ => serde_json::to_writer(buf, &[&e.id]),
    }
}

/// Groups at least this large are serialised on two threads, a chunk at a time.
const PARALLEL_FROM_ENTRIES: usize = 10_000;

/// Writes `batch` (its `batch_len`s set) in the compact form. A small batch goes out in
/// one write.
pub(super) fn write(out: &mut dyn Write, batch: &[JournalEntry]) -> io::Result<()> {
    let mut pending = Vec::with_capacity(batch.len().min(PARALLEL_FROM_ENTRIES) * 160);
    let mut start = 0;
    while start < batch.len() {
        let first = &batch[start];
        if form(first) == Form::Whole {
            serde_json::to_writer(&mut pending, first)?;
            pending.push(b'\n');
            start += 1;
            continue;
        }
        let n = batch[start..]
            .iter()
            .take_while(|e| same_group(first, e) && form(e) != Form::Whole)
            .count();
        let header = Header {
            at: first.at,
            batch: first.batch.clone(),
            action: first.action,
            batch_len: first.batch_len.unwrap_or(n),
            n,
            export_date: first.export_date,
            export_taken: first.export_taken,
            fingerprint: first.fingerprint.clone(),
        };
        serde_json::to_writer(&mut pending, &header)?;
        pending.push(b'\n');
        let group = &batch[start..start + n];
        if n < PARALLEL_FROM_ENTRIES {
            for e in group {
                entry_line(&mut pending, e)?;
                pending.push(b'\n');
            }
        } else {
            out.write_all(&pending)?;
            pending.clear();
            json_lines::write(out, group, entry_line)?;
        }
        start += n;
    }
    out.write_all(&pending)
}

#[cfg(test)]
mod differential_tests;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::journal::{mark_batch_lengths, new_batch_id, now};

    fn written(batch: &[JournalEntry]) -> String {
        let mut out = Vec::new();
        write(&mut out, batch).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn read_back(text: &str) -> Vec<JournalEntry> {
        let mut header = None;
        let mut entries = Vec::new();
        for line in text.lines() {
            match read_line(line.as_bytes()).expect("every line reads") {
                Line::Header(h) => header = Some(h),
                Line::Row(row) => entries.push(entry(header.as_ref().unwrap(), row).unwrap()),
                Line::Entry(e) => entries.push(*e),
            }
        }
        entries
    }

    #[test]
    fn every_kind_of_entry_reads_back_as_it_was_written() {
        // Times are kept to the millisecond.
        let at = DateTime::parse_from_rfc3339("2026-11-28T18:40:00.123+01:00").unwrap();
        let batch = new_batch_id(at);
        let ada = Person {
            first_name: "Ada, \"the\" first".into(),
            last_name: "Lovelace\u{1b}[2J".into(),
            url: "https://www.linkedin.com/in/ada".into(),
            email: "ada@example.com".into(),
            company: "Analytical".into(),
            position: "Engineer".into(),
            connected_on: NaiveDate::from_ymd_opt(2026, 2, 8),
            url_as_written: "https://www.linkedin.com/in/ada/".into(),
        };
        let unnamed = Person {
            first_name: "Bo".into(),
            ..Default::default()
        };
        // LinkedIn's own %-encoding is stored as a flag and rebuilt as it was written.
        let jose = Person {
            first_name: "José".into(),
            url: "https://www.linkedin.com/in/josé-g".into(),
            url_as_written: "https://www.linkedin.com/in/jos%C3%A9-g".into(),
            ..Default::default()
        };
        let invitation = Invitation {
            from: "Me".into(),
            to: "Cy".into(),
            sent_at: NaiveDate::from_ymd_opt(2026, 1, 2).and_then(|d| d.and_hms_opt(10, 5, 0)),
            message: "Hi\nthere".into(),
            direction: Direction::Outgoing,
            inviter_url: String::new(),
            invitee_url: "https://www.linkedin.com/in/cy".into(),
        };
        let base = JournalEntry {
            at,
            action: JournalAction::Remove,
            batch: batch.clone(),
            batch_len: None,
            id: ada.identity(),
            person: Some(Arc::new(ada.clone())),
            invitation: None,
            export_date: None,
            export_taken: None,
            fingerprint: None,
        };
        let mut entries = vec![
            base.clone(),
            JournalEntry {
                id: unnamed.identity(),
                person: Some(Arc::new(unnamed)),
                ..base.clone()
            },
            JournalEntry {
                id: jose.identity(),
                person: Some(Arc::new(jose)),
                ..base.clone()
            },
            JournalEntry {
                action: JournalAction::Withdraw,
                id: invitation.identity(),
                person: None,
                invitation: Some(Arc::new(invitation)),
                ..base.clone()
            },
            JournalEntry {
                action: JournalAction::StillConnected,
                person: None,
                export_date: NaiveDate::from_ymd_opt(2026, 3, 1),
                export_taken: None,
                fingerprint: None,
                ..base.clone()
            },
            // Not one this program writes: a removal whose fields say someone else.
            JournalEntry {
                id: "someone-else".into(),
                ..base.clone()
            },
        ];
        mark_batch_lengths(&mut entries);
        let text = written(&entries);
        assert_eq!(read_back(&text), entries);
        assert!(!text.contains('\u{1b}'), "escapes stay escaped: {text}");
        assert!(!text.contains("%C3%A9"), "the encoding is a flag: {text}");
        assert_eq!(text.lines().count(), 4 + 5, "a header per group: {text}");
    }

    #[test]
    fn a_removal_costs_about_its_row_in_the_export() {
        let at = now();
        let p = Person {
            first_name: "Elif".into(),
            last_name: "Nakamura".into(),
            url: "https://www.linkedin.com/in/elif-nakamura-0".into(),
            email: "elif.nakamura0@example.com".into(),
            company: "Wingtip Solutions".into(),
            position: "Customer Success Manager".into(),
            connected_on: NaiveDate::from_ymd_opt(2026, 11, 20),
            ..Default::default()
        };
        let row = "Elif,Nakamura,https://www.linkedin.com/in/elif-nakamura-0,\
                   elif.nakamura0@example.com,Wingtip Solutions,Customer Success Manager,\
                   20 Nov 2026\n";
        let mut entries: Vec<JournalEntry> = (0..1000)
            .map(|_| JournalEntry {
                at,
                action: JournalAction::Remove,
                batch: new_batch_id(at),
                batch_len: None,
                id: p.identity(),
                person: Some(Arc::new(p.clone())),
                invitation: None,
                export_date: None,
                export_taken: None,
                fingerprint: None,
            })
            .collect();
        mark_batch_lengths(&mut entries);
        let per_removal = written(&entries).len() as f64 / 1000.0;
        assert!(
            per_removal <= 1.3 * row.len() as f64,
            "{per_removal} bytes a removal against a {}-byte row",
            row.len()
        );
    }
}
