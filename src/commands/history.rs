//! `unconnect history [--json]`: every removal and withdrawal in force with its status,
//! for scripts. Reads the data folder without locking or changing it.

use std::io::{self, Write};
use std::path::Path;

use serde::Serialize;

use crate::model::history::{History, Kind, Record};
use crate::store::{DataDir, Journal, StoreError};
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
    let entries = Journal::read(&data.journal_path())?;
    let history = crate::store::journal::history(&entries);
    // The records share each person with the entries: the rest of them can go.
    drop(entries);
    tracing::info!(
        removals = history.removals.len(),
        withdrawals = history.withdrawals.len(),
        "history listed"
    );
    let rows = || history.removals.iter().chain(&history.withdrawals).map(row);
    let mut out = io::BufWriter::new(out);
    let written = if json {
        json_rows(rows(), &mut out)
    } else {
        text(rows(), &mut out)
    };
    written
        .and_then(|()| out.flush())
        .map_err(StoreError::io("standard output"))?;
    if !json {
        summarise(&history, summary).map_err(StoreError::io("standard error"))?;
    }
    Ok(())
}

/// The rows as one pretty JSON array, a row at a time (as serde_json lays an array out).
/// Names are the export's text: C1 controls, DEL and bidi controls are escaped as
/// `check --json` does.
fn json_rows<'a>(rows: impl Iterator<Item = Row<'a>>, out: &mut dyn Write) -> io::Result<()> {
    let mut any = false;
    for r in rows {
        out.write_all(if any { b",\n  " } else { b"[\n  " })?;
        any = true;
        let one = serde_json::to_string_pretty(&r).map_err(io::Error::from)?;
        out.write_all(json_safe(&one.replace('\n', "\n  ")).as_bytes())?;
    }
    out.write_all(if any { b"\n]\n" } else { b"[]\n" })
}

fn text<'a>(rows: impl Iterator<Item = Row<'a>>, out: &mut dyn Write) -> io::Result<()> {
    for r in rows {
        // The batch id, what `drafts --batch` takes, second: one word, before the
        // status's two (`to do`).
        writeln!(
            out,
            "{}  {}  {:<9}  {:<15}  {}  {}",
            &r.at[..10],
            safe(r.batch),
            r.list,
            r.status,
            safe(&r.name),
            safe(r.url)
        )?;
    }
    Ok(())
}

fn summarise(history: &History, out: &mut dyn Write) -> io::Result<()> {
    let mut any = false;
    for kind in [Kind::Removal, Kind::Withdrawal] {
        let p = history.progress(kind);
        if p.total > 0 {
            any = true;
            writeln!(out, "{}", p.line(kind))?;
        }
    }
    if !any {
        out.write_all(b"Nothing removed or withdrawn yet.\n")?;
    }
    Ok(())
}
