//! `unconnect history [--json]`: every removal and withdrawal in force with its status,
//! for scripts. Reads the data folder without locking or changing it.

use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use crate::model::history::{Kind, Record};
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

/// The history as JSON (an array of objects) or text (one line each, names made safe).
pub fn run(data_dir: &Path, json: bool) -> Result<String, StoreError> {
    let data = DataDir::open_read_only(data_dir)?;
    let entries = Journal::read(&data.journal_path())?;
    let history = crate::store::journal::history(&entries);
    let rows: Vec<Row> = history
        .removals
        .iter()
        .chain(&history.withdrawals)
        .map(row)
        .collect();
    if json {
        // Plain strings: serialising cannot fail. Names are the export's text: C1
        // controls, DEL and bidi controls are escaped as `check --json` does.
        let json = serde_json::to_string_pretty(&rows).unwrap_or_default();
        return Ok(json_safe(&json).into_owned() + "\n");
    }
    let mut out = String::new();
    for r in &rows {
        let _ = writeln!(
            out,
            "{}  {:<9}  {:<15}  {}  {}",
            &r.at[..10],
            r.list,
            r.status,
            safe(&r.name),
            safe(r.url)
        );
    }
    for kind in [Kind::Removal, Kind::Withdrawal] {
        let p = history.progress(kind);
        if p.total > 0 {
            let _ = writeln!(out, "{}", p.line(kind));
        }
    }
    if rows.is_empty() {
        out.push_str("Nothing removed or withdrawn yet.\n");
    }
    Ok(out)
}
