//! `unconnect history [--json]`: every removal and withdrawal in force with its status,
//! for scripts. Reads the data folder without locking or changing it.

use std::io::{self, Write};
use std::path::Path;

use serde::Serialize;

use crate::model::history::{Kind, Progress, Record};
use crate::store::journal::Lean;
use crate::store::{DataDir, StoreError};
use crate::text_safety::{json_safe, safe};

#[derive(Debug, Serialize)]
pub struct Row<'a> {
    /// `removed` or `withdrawn`.
    pub list: &'static str,
    pub status: &'static str,
    /// RFC 3339, when it was removed (withdrawn) here.
    pub at: String,
    pub batch: &'a str,
    pub id: &'a str,
    pub name: String,
    pub url: &'a str,
    pub email: &'a str,
    pub company: &'a str,
    pub position: &'a str,
    /// The date of the newest export that was checked for it.
    pub checked_export: Option<String>,
}

fn row(r: &Record) -> Row<'_> {
    let person = r.person.as_ref();
    Row {
        list: match r.kind {
            Kind::Removal => "removed",
            Kind::Withdrawal => "withdrawn",
        },
        status: r.status().label(r.kind),
        at: r.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        batch: &r.batch,
        id: &r.id,
        name: r.name(),
        url: r.url(),
        email: r.email(),
        company: person.map_or("", |p| p.company.as_str()),
        position: person.map_or("", |p| p.position.as_str()),
        checked_export: r.state.checked.map(|d| d.to_string()),
    }
}

/// The history's records as JSON (an array of objects) or text (one line each, names
/// made safe); the text's summary is left out.
pub fn run(data_dir: &Path, json: bool) -> Result<String, StoreError> {
    let mut out = Vec::new();
    write(data_dir, json, &mut out, &mut io::sink())?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// [`run`], written to `out` a row at a time: a million removals are never held as text.
/// Only records go to `out`, so that a script can read it line by line; the summary (how
/// many are done, or that there is nothing yet) goes to `summary`.
pub fn write(
    data_dir: &Path,
    json: bool,
    out: &mut dyn Write,
    summary: &mut dyn Write,
) -> Result<(), StoreError> {
    let data = DataDir::open_read_only(data_dir)?;
    let path = data.journal_path();
    // Replayed as it is read, without the people: each record's person is read back
    // from its line as it is written, so a million removals' fields are never held.
    let (records, mut lean) = Lean::replay(&path)?;
    let progress = [Kind::Removal, Kind::Withdrawal].map(|kind| {
        let of_kind = records.iter().filter(|(r, _)| r.kind == kind);
        (kind, Progress::of(of_kind.map(|(r, _)| r)))
    });
    tracing::info!(
        removals = progress[0].1.total,
        withdrawals = progress[1].1.total,
        "history listed"
    );
    let mut out = io::BufWriter::new(out);
    let mut any = false;
    let mut written = Ok(());
    // Removals, then withdrawals, each newest first.
    let listed = [Kind::Removal, Kind::Withdrawal]
        .into_iter()
        .flat_map(|kind| records.iter().filter(move |(r, _)| r.kind == kind));
    for (r, offset) in listed {
        let record = lean.person_of(r, *offset).map_err(StoreError::io(&path))?;
        let row = row(&record);
        written = if json {
            json_row(&row, any, &mut out)
        } else {
            text_row(&row, &mut out)
        };
        any = true;
        if written.is_err() {
            break;
        }
    }
    if json && written.is_ok() {
        written = out.write_all(if any { b"\n]\n" } else { b"[]\n" });
    }
    written
        .and_then(|()| out.flush())
        .map_err(StoreError::io("standard output"))?;
    if !json {
        summarise(&progress, summary).map_err(StoreError::io("standard error"))?;
    }
    Ok(())
}

/// One row of a pretty JSON array (as serde_json lays an array out), after `any` others.
/// Names are the export's text: C1 controls, DEL and bidi controls are escaped as
/// `check --json` does.
fn json_row(r: &Row<'_>, any: bool, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(if any { b",\n  " } else { b"[\n  " })?;
    let one = serde_json::to_string_pretty(r).map_err(io::Error::from)?;
    out.write_all(json_safe(&one.replace('\n', "\n  ")).as_bytes())
}

fn text_row(r: &Row<'_>, out: &mut dyn Write) -> io::Result<()> {
    // The batch id, what `drafts --batch` takes, second: one word, before the status's
    // two (`to do`).
    writeln!(
        out,
        "{}  {}  {:<9}  {:<15}  {}  {}",
        &r.at[..10],
        safe(r.batch),
        r.list,
        r.status,
        safe(&r.name),
        safe(r.url)
    )
}

fn summarise(progress: &[(Kind, Progress)], out: &mut dyn Write) -> io::Result<()> {
    let mut any = false;
    for (kind, p) in progress {
        if p.total > 0 {
            any = true;
            writeln!(out, "{}", p.line(*kind))?;
        }
    }
    if !any {
        out.write_all(b"Nothing removed or withdrawn yet.\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Direction, Invitation, People, Person};
    use crate::store::journal::{
        now, removal_entries, status_entries, verification_entries, withdrawal_entries,
    };
    use crate::store::{Journal, JournalAction};

    /// What `history` wrote when it held every entry whole: the oracle.
    fn held_whole(path: &Path, json: bool) -> String {
        let entries = Journal::read(path).unwrap();
        let history = crate::store::journal::history(&entries);
        let mut out = Vec::new();
        let mut any = false;
        for r in history.removals.iter().chain(&history.withdrawals) {
            if json {
                json_row(&row(r), any, &mut out).unwrap();
            } else {
                text_row(&row(r), &mut out).unwrap();
            }
            any = true;
        }
        if json {
            out.extend_from_slice(if any { b"\n]\n" } else { b"[]\n" });
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn each_person_read_back_from_its_line_lists_what_the_whole_journal_lists() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.jsonl");
        let people: People = ["ada", "bo", "cy", "di"]
            .iter()
            .map(|u| Person {
                first_name: u.to_uppercase(),
                last_name: "Example".into(),
                url: format!("https://www.linkedin.com/in/{u}"),
                email: format!("{u}@example.com"),
                company: "Acme".into(),
                position: "CTO".into(),
                ..Default::default()
            })
            .collect();
        let invitation = Invitation {
            from: "Me".into(),
            to: "Eve".into(),
            sent_at: None,
            message: String::new(),
            direction: Direction::Outgoing,
            inviter_url: String::new(),
            invitee_url: "https://www.linkedin.com/in/eve".into(),
        };
        let (mut j, _) = Journal::open(&path).unwrap();
        j.append(removal_entries(&people, &[0, 1, 2], now()))
            .unwrap();
        j.append(withdrawal_entries([&invitation].into_iter(), now()))
            .unwrap();
        let bo = "https://www.linkedin.com/in/bo";
        let cy = "https://www.linkedin.com/in/cy";
        j.append(status_entries([bo, cy], JournalAction::Restore, now()))
            .unwrap();
        // Bo removed again, from another export where his row says more: that row is his.
        let mut later: Vec<Person> = people.ids().map(|id| people.get(id).to_person()).collect();
        later[1].company = "Elsewhere".into();
        let later: People = later.into_iter().collect();
        j.append(removal_entries(&later, &[1, 3], now())).unwrap();
        j.append(status_entries([bo], JournalAction::Done, now()))
            .unwrap();
        let ada = crate::model::history::Finding {
            kind: Kind::Removal,
            id: "https://www.linkedin.com/in/ada".into(),
            gone: true,
        };
        let export = crate::model::history::ExportDate {
            day: now().date_naive(),
            taken: None,
        };
        j.append(verification_entries(&[ada], &export, now()))
            .unwrap();
        drop(j);
        // A batch a crash cut off: it counts for nobody.
        let mut torn = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap();
        torn.write_all(b"{\"at\":\"2026-12-01T10:00:00.000+00:00\",\"batch\":\"x\",\"action\":\"restore\",\"batch_len\":2,\"n\":2}\n[\"https://www.linkedin.com/in/ada\"]\n")
            .unwrap();
        drop(torn);
        for json in [false, true] {
            let listed = run(dir.path(), json).unwrap();
            assert_eq!(listed, held_whole(&path, json), "json: {json}");
            assert!(listed.contains("Elsewhere") == json, "Bo's later row");
        }
        let text = run(dir.path(), false).unwrap();
        assert_eq!(text.lines().count(), 4, "{text}");
        assert!(!text.contains("CY Example"), "Cy was restored: {text}");
        assert!(text.contains("Eve"), "{text}");
        assert!(text.contains("verified") && text.contains("ADA"), "{text}");
    }
}
