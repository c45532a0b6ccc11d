//! The journal's status entries (done, undone, opened, restore, and what an export
//! verified) and the history they add up to. Status entries are compact: the identity,
//! the action, the time and the batch; the person's fields are in their remove entry.

use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::{JournalAction, JournalEntry, new_batch_id};
use crate::model::Identity;
use crate::model::history::{Event, ExportDate, Finding, History};

/// One entry per identity, all in one batch stamped `at`: what the user does to a
/// removal (or withdrawal) after confirming it (done, undone, opened, restore).
pub fn status_entries<'a>(
    ids: impl IntoIterator<Item = &'a str>,
    mark: JournalAction,
    at: DateTime<FixedOffset>,
) -> Vec<JournalEntry> {
    let batch = new_batch_id(at);
    ids.into_iter()
        .map(|id| compact(id, mark, &batch, at, None))
        .collect()
}

/// The findings of a check against the export taken on `export_date`, as one batch.
pub fn verification_entries(
    findings: &[Finding],
    export: &ExportDate,
    at: DateTime<FixedOffset>,
) -> Vec<JournalEntry> {
    let batch = new_batch_id(at);
    findings
        .iter()
        .map(|f| {
            let mut entry = compact(&f.id, f.action(), &batch, at, Some(export.day));
            entry.export_taken = export.taken;
            entry
        })
        .collect()
}

fn compact(
    id: &str,
    action: JournalAction,
    batch: &Arc<str>,
    at: DateTime<FixedOffset>,
    export_date: Option<NaiveDate>,
) -> JournalEntry {
    JournalEntry {
        at,
        action,
        batch: Arc::clone(batch),
        batch_len: None,
        id: Identity::from(id),
        person: None,
        invitation: None,
        export_date,
        export_taken: None,
        fingerprint: None,
    }
}

impl JournalEntry {
    /// The entry as the status rules read it; `None` for a verification without the
    /// export's date (not one this program writes), which says nothing.
    pub fn event(&self) -> Option<Event<'_>> {
        let export = match (self.action.finding(), self.export_date) {
            (None, _) => None,
            (Some(_), None) => return None,
            (Some(_), Some(day)) => Some(ExportDate {
                day,
                taken: self.export_taken,
            }),
        };
        Some(Event {
            at: self.at,
            batch: &self.batch,
            id: &self.id,
            action: self.action,
            person: self.person.as_ref(),
            invitation: self.invitation.as_ref(),
            export,
        })
    }
}

/// Every removal and withdrawal in force with its status, newest first.
pub fn history(entries: &[JournalEntry]) -> History {
    History::build(entries.iter().filter_map(JournalEntry::event))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Person;
    use crate::model::history::{Kind, Status};
    use crate::store::Journal;
    use crate::store::journal::{now, removal_entries, withdrawal_entries};

    #[test]
    fn status_entries_are_compact_and_replay_into_statuses_after_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.jsonl");
        let people: crate::model::People = ["a", "b", "c"]
            .iter()
            .map(|u| Person {
                first_name: u.to_uppercase(),
                url: format!("https://www.linkedin.com/in/{u}"),
                ..Default::default()
            })
            .collect();
        let (mut j, _) = Journal::open(&path).unwrap();
        j.append(removal_entries(&people, &[0, 1, 2], now()))
            .unwrap();
        let a = "https://www.linkedin.com/in/a";
        let b = "https://www.linkedin.com/in/b";
        let c = "https://www.linkedin.com/in/c";
        j.append(status_entries([a, b], JournalAction::Opened, now()))
            .unwrap();
        j.append(status_entries([a], JournalAction::Done, now()))
            .unwrap();
        let day = now().date_naive();
        let finding = Finding {
            kind: Kind::Removal,
            id: c.into(),
            gone: false,
        };
        j.append(verification_entries(
            &[finding],
            &ExportDate { day, taken: None },
            now(),
        ))
        .unwrap();
        drop(j);
        let text = std::fs::read_to_string(&path).unwrap();
        // The verification: a header with what its entries share, then the identity alone.
        let lines: Vec<&str> = text.lines().collect();
        let (header, last) = (lines[lines.len() - 2], lines[lines.len() - 1]);
        assert!(
            header.contains("\"action\":\"still-connected\""),
            "{header}"
        );
        assert!(
            header.contains(&format!("\"export_date\":\"{day}\"")),
            "{header}"
        );
        assert_eq!(last, format!("[\"{c}\"]"), "no fields repeated");
        let (j, _) = Journal::open(&path).unwrap();
        let h = history(j.entries());
        let status = |id| {
            h.find(Kind::Removal, id)
                .map(crate::model::history::Record::status)
        };
        assert_eq!(status(a), Some(Status::Done));
        assert_eq!(status(b), Some(Status::Opened));
        assert_eq!(status(c), Some(Status::StillThere));
        assert_eq!(h.find(Kind::Removal, a).unwrap().name(), "A");
    }

    #[test]
    fn restore_works_for_removals_and_withdrawals() {
        let people: crate::model::People = [Person {
            first_name: "Ada".into(),
            url: "https://www.linkedin.com/in/ada".into(),
            ..Default::default()
        }]
        .into_iter()
        .collect();
        let inv = crate::model::Invitation {
            from: "Me".into(),
            to: "Bob".into(),
            sent_at: None,
            message: String::new(),
            direction: crate::model::Direction::Outgoing,
            inviter_url: String::new(),
            invitee_url: "https://www.linkedin.com/in/bob".into(),
        };
        let mut entries = removal_entries(&people, &[0], now());
        entries.extend(withdrawal_entries([&inv].into_iter(), now()));
        assert_eq!(history(&entries).removals.len(), 1);
        assert_eq!(history(&entries).withdrawals.len(), 1);
        entries.extend(status_entries(
            ["https://www.linkedin.com/in/ada", inv.identity().as_str()],
            JournalAction::Restore,
            now(),
        ));
        let h = history(&entries);
        assert!(h.removals.is_empty() && h.withdrawals.is_empty());
        // What the app and `export` read agrees.
        assert!(crate::store::journal::in_force(&entries, JournalAction::Remove).is_empty());
        assert!(crate::store::journal::in_force(&entries, JournalAction::Withdraw).is_empty());
    }

    #[test]
    fn an_older_journal_gains_status_entries_and_a_torn_status_batch_never_counts() {
        use std::io::Write as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.jsonl");
        // Written before batches were checked: no batch_len, no export_date.
        let old = concat!(
            r#"{"at":"2026-03-01T12:00:00.000+01:00","action":"remove","batch":"old","id":"u1","person":{"first_name":"Ada","last_name":"L","url":"u1","email":"","company":"","position":"","connected_on":null}}"#,
            "\n",
            r#"{"at":"2026-03-01T12:00:00.000+01:00","action":"remove","batch":"old","id":"u2","person":{"first_name":"Bo","last_name":"M","url":"u2","email":"","company":"","position":"","connected_on":null}}"#,
            "\n"
        );
        std::fs::write(&path, old).unwrap();
        let (mut j, _) = Journal::open(&path).unwrap();
        j.append(status_entries(["u1"], JournalAction::Done, now()))
            .unwrap();
        drop(j);
        // A second done batch of two, cut off by a kill after its first line.
        let cut = status_entries(["u1", "u2"], JournalAction::Undone, now());
        let mut line = serde_json::to_vec(&JournalEntry {
            batch_len: Some(2),
            ..cut[0].clone()
        })
        .unwrap();
        line.push(b'\n');
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap();
        f.write_all(&line).unwrap();
        f.write_all(b"{\"at\":\"2026-03-0").unwrap();
        drop(f);
        let (j, recovery) = Journal::open(&path).unwrap();
        assert_eq!(recovery.cut_batch, Some((1, 2)));
        let h = history(j.entries());
        let status = |id| {
            h.find(Kind::Removal, id)
                .map(crate::model::history::Record::status)
        };
        assert_eq!(
            status("u1"),
            Some(Status::Done),
            "the cut undone batch never counts"
        );
        assert_eq!(status("u2"), Some(Status::ToDo));
        assert_eq!(h.find(Kind::Removal, "u2").unwrap().name(), "Bo M");
    }

    #[test]
    fn a_verification_without_its_export_date_says_nothing() {
        let line =
            r#"{"at":"2026-03-01T12:00:00.000+01:00","action":"verified","batch":"x","id":"u"}"#;
        let entry: JournalEntry = serde_json::from_str(line).unwrap();
        assert!(entry.event().is_none());
    }
}
