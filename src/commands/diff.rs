//! `unconnect diff OLD NEW [--json]`: what changed between two exports of one account,
//! with the journal telling the user's removals from the connections lost otherwise.

use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use crate::import::{self, Export};
use crate::model::changes::{self, Changes, NewBurst};
use crate::model::{People, PersonId};
use crate::session::{SessionError, done_ids};
use crate::store::{DataDir, Journal, JournalAction};
use crate::text_safety::{json_safe, safe};

/// One export as the report names it.
#[derive(Debug, Serialize)]
pub struct Side {
    pub file: String,
    /// When it was taken (ISO date), when its name or files say.
    pub export_date: Option<String>,
    pub connections: usize,
}

/// A person in the report.
#[derive(Debug, Serialize)]
pub struct Named {
    pub name: String,
    pub url: String,
    pub company: String,
    pub position: String,
    pub connected_on: Option<String>,
}

/// What `--json` prints.
#[derive(Debug, Serialize)]
pub struct Report {
    pub old: Side,
    pub new: Side,
    pub added: Vec<Named>,
    pub new_bursts: Vec<NewBurst>,
    /// How many are gone: the two lists below.
    pub gone: usize,
    pub gone_removed_by_you: Vec<Named>,
    pub gone_not_by_you: Vec<Named>,
    pub changed_position: usize,
    pub changed_company: usize,
    /// Whether a journal was found to tell removals apart; without one every gone
    /// connection counts as not removed by you.
    pub journal: bool,
}

/// Compares; returns the text (or JSON) to print. Reads the data folder, changes nothing.
pub fn run(old: &Path, new: &Path, data_dir: &Path, json: bool) -> Result<String, SessionError> {
    let (old_export, new_export) = rayon::join(|| import::load(old), || import::load(new));
    let (old_export, new_export) = (old_export?, new_export?);
    // A folder never made holds no removals; one that is not a folder is a mistake.
    let entries = if data_dir.exists() {
        let data = DataDir::open_read_only(data_dir)?;
        Some(Journal::read(&data.journal_path())?)
    } else {
        None
    };
    let removed = entries
        .as_deref()
        .map(|e| done_ids(e, JournalAction::Remove))
        .unwrap_or_default();
    let changes = changes::compare(&old_export.people, &new_export.people, |id| {
        removed.contains(id)
    });
    let report = Report {
        old: side(old, &old_export),
        new: side(new, &new_export),
        added: named(&new_export.people, &changes.added),
        new_bursts: changes.new_bursts.clone(),
        gone: changes.gone(),
        gone_removed_by_you: named(&old_export.people, &changes.gone_removed_by_you),
        gone_not_by_you: named(&old_export.people, &changes.gone_not_by_you),
        changed_position: changes.changed_position,
        changed_company: changes.changed_company,
        journal: entries.is_some(),
    };
    tracing::info!(
        added = report.added.len(),
        gone = report.gone,
        bursts = report.new_bursts.len(),
        "compared two exports"
    );
    Ok(if json {
        // Plain strings and numbers: serialising cannot fail.
        let text = serde_json::to_string_pretty(&report).unwrap_or_default();
        json_safe(&text).into_owned() + "\n"
    } else {
        text(&report, &changes, data_dir)
    })
}

fn side(path: &Path, export: &Export) -> Side {
    Side {
        file: path.display().to_string(),
        export_date: export.export_date.as_ref().map(|d| d.day.to_string()),
        connections: export.people.len(),
    }
}

fn named(people: &People, ids: &[PersonId]) -> Vec<Named> {
    ids.iter()
        .map(|&id| {
            let p = people.get(id);
            Named {
                name: p.full_name(),
                url: p.written_url().into_owned(),
                company: p.company.to_owned(),
                position: p.position.to_owned(),
                connected_on: p.connected_on.map(|d| d.to_string()),
            }
        })
        .collect()
}

/// People listed per group in the text output; `--json` lists them all.
const SHOWN: usize = 20;

fn text(r: &Report, changes: &Changes, data_dir: &Path) -> String {
    let mut s = String::new();
    for (what, side) in [("old", &r.old), ("new", &r.new)] {
        let taken = side
            .export_date
            .as_deref()
            .map_or("date unknown".to_owned(), |d| format!("taken {d}"));
        let _ = writeln!(
            s,
            "{what}: {} ({taken}): {}",
            safe(&side.file),
            crate::app::strings::counted(side.connections, "connection", "connections")
        );
    }
    if let (Some(old), Some(new)) = (&r.old.export_date, &r.new.export_date)
        && new < old
    {
        s.push_str("warning: the new export was taken before the old one; swap them?\n");
    }
    let _ = writeln!(s, "Since the old export: {}.", changes.summary());
    if !r.journal {
        let _ = writeln!(
            s,
            "No data folder at {}: no removals recorded, so every connection gone counts as not removed by you.",
            safe(&data_dir.display().to_string())
        );
    }
    let mut listed = |title: &str, people: &[Named]| {
        if people.is_empty() {
            return;
        }
        let _ = writeln!(s, "{title} ({}):", people.len());
        for p in people.iter().take(SHOWN) {
            let _ = write!(s, "  {}", safe(&p.name));
            if !p.company.is_empty() {
                let _ = write!(s, ", {}", safe(&p.company));
            }
            if let Some(on) = &p.connected_on {
                let _ = write!(s, " (connected {on})");
            }
            s.push('\n');
        }
        if people.len() > SHOWN {
            let _ = writeln!(
                s,
                "  and {} more (--json lists them all)",
                people.len() - SHOWN
            );
        }
    };
    listed("New", &r.added);
    listed("Gone, not removed by you", &r.gone_not_by_you);
    listed("Gone, removed by you", &r.gone_removed_by_you);
    s
}
