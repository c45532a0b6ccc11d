//! `unconnect drafts -o DIR [--template FILE] [--batch last|all|ID | --staged]`: one
//! e-mail draft per removed (or staged) person with a usable address, to explain the
//! accident in person.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::app::strings::{counted, thousands};
use crate::model::Person;
use crate::model::history::Record;
use crate::model::mail::{AddressProblem, Template, draft};
use crate::store::journal::{JournalAction, JournalEntry};
use crate::store::{DataDir, Journal, StoreError, drafts, staged};
use crate::text_safety::safe;

#[derive(Debug, thiserror::Error)]
pub enum DraftsError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{path}: {source}")]
    Template {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("no removal batch {0:?} in the journal; `unconnect history` lists the batches")]
    NoBatch(String),
}

/// Template files are a short note: this bounds a wrong file given by mistake.
const MAX_TEMPLATE_BYTES: u64 = 64 * 1024;

/// What was written and who was left out, and why.
#[derive(Debug, Default)]
pub struct Written {
    pub drafts: usize,
    /// Drafts not written again: the same draft is already in the folder (a rerun).
    pub already: usize,
    /// Names (made safe) of the people without a usable address, by reason.
    pub skipped: BTreeMap<AddressProblem, Vec<String>>,
}

impl Written {
    pub fn message(&self, dir: &Path) -> String {
        let mut out = format!(
            "Wrote {} to {}.",
            counted(self.drafts, "draft", "drafts"),
            dir.display()
        );
        if self.already > 0 {
            let _ = write!(
                out,
                " {} already there, not written again.",
                counted(self.already, "draft was", "drafts were")
            );
        }
        let skipped: usize = self.skipped.values().map(Vec::len).sum();
        if skipped > 0 {
            let _ = write!(
                out,
                " {} had no usable address:",
                counted(skipped, "person", "people")
            );
            for (problem, names) in &self.skipped {
                let _ = write!(
                    out,
                    "\n  {} ({}):",
                    problem.describe(),
                    thousands(names.len())
                );
                for name in names.iter().take(20) {
                    let _ = write!(out, " {name};");
                }
                if names.len() > 20 {
                    let _ = write!(out, " and {} more", thousands(names.len() - 20));
                }
            }
        }
        out + "\n"
    }
}

/// The batch confirmed last: the last removal in journal order that is still in force.
/// Journal order, not timestamps: after the clock moved back, the newest stamp belongs
/// to an older batch, and its people are not the ones just removed.
fn last_confirmed<'a>(entries: &'a [JournalEntry], removals: &[Record]) -> Option<&'a str> {
    let in_force: std::collections::HashSet<&str> = removals.iter().map(|r| &*r.batch).collect();
    entries
        .iter()
        .rev()
        .filter(|e| e.action == JournalAction::Remove)
        .map(|e| &*e.batch)
        .find(|b| in_force.contains(b))
}

/// Which removals get a draft: `last` (the batch confirmed last), `all`, or a batch id.
fn select<'a>(
    removals: &'a [Record],
    last: Option<&str>,
    batch: &str,
) -> Result<Vec<&'a Record>, DraftsError> {
    let wanted = match batch {
        "all" => return Ok(removals.iter().collect()),
        "last" => match last {
            Some(b) => b,
            None => return Ok(Vec::new()),
        },
        id => id,
    };
    let chosen: Vec<&Record> = removals.iter().filter(|r| &*r.batch == wanted).collect();
    if chosen.is_empty() && batch != "last" {
        return Err(DraftsError::NoBatch(safe(batch).into_owned()));
    }
    Ok(chosen)
}

/// Whom to write to.
#[derive(Debug, Clone, Copy)]
pub enum Who<'a> {
    /// Removals of a batch: `last`, `all`, or a batch id.
    Batch(&'a str),
    /// The people staged for removal now, before they are removed: after a removal
    /// LinkedIn no longer lets the two write to each other.
    Staged,
}

/// The people `who` names, with their fields.
fn people(data: &DataDir, who: Who<'_>) -> Result<Vec<Person>, DraftsError> {
    match who {
        Who::Batch(batch) => {
            let entries = Journal::read(&data.journal_path())?;
            let history = crate::store::journal::history(&entries);
            let last = last_confirmed(&entries, &history.removals);
            let chosen = select(&history.removals, last, batch)?;
            Ok(chosen
                .into_iter()
                .filter_map(|r| r.person.as_deref().cloned())
                .collect())
        }
        Who::Staged => {
            let (set, damaged) = staged::read_checked::<Person>(&data.staged_path("connections"))?;
            if !damaged.is_empty() {
                // Read-only here: the app sets the damaged lines aside on its next start.
                eprintln!(
                    "unconnect: warning: {} damaged line(s) of the staged list skipped",
                    damaged.len()
                );
            }
            Ok(super::export::staged_people(set))
        }
    }
}

pub fn run(
    data_dir: &Path,
    out_dir: &Path,
    template: Option<&Path>,
    who: Who<'_>,
) -> Result<Written, DraftsError> {
    let template = match template {
        Some(path) => read_template(path)?,
        None => Template::default(),
    };
    let data = DataDir::open_read_only(data_dir)?;
    let chosen = people(&data, who)?;
    drafts::prepare_folder(out_dir)?;
    let mut written = Written::default();
    for person in &chosen {
        let letter = template.fill(person);
        match draft(&person.full_name(), &person.email, &letter) {
            Ok(bytes) => {
                let stem = drafts::file_stem(&person.full_name());
                if already_there(out_dir, &stem, &bytes) {
                    written.already += 1;
                } else {
                    drafts::save_new(out_dir, &stem, &bytes)?;
                    written.drafts += 1;
                }
            }
            Err(problem) => written
                .skipped
                .entry(problem)
                .or_default()
                .push(safe(&person.full_name()).into_owned()),
        }
    }
    tracing::info!(
        drafts = written.drafts,
        already = written.already,
        "drafts written"
    );
    Ok(written)
}

/// Whether `dir` already holds this very draft as `STEM.eml`, `STEM-2.eml`, …: a draft is
/// the same bytes each run, so a rerun finds its own. Only regular files of the same size
/// are read.
fn already_there(dir: &Path, stem: &str, bytes: &[u8]) -> bool {
    for n in 1u32.. {
        let name = match n {
            1 => format!("{stem}.eml"),
            n => format!("{stem}-{n}.eml"),
        };
        let path = dir.join(name);
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            return false;
        };
        if meta.is_file()
            && meta.len() == bytes.len() as u64
            && std::fs::read(&path).is_ok_and(|held| held == bytes)
        {
            return true;
        }
    }
    false
}

fn read_template(path: &Path) -> Result<Template, DraftsError> {
    // A regular file only (a FIFO would wait forever), and a size cap.
    crate::config::small_file::read_text(path, MAX_TEMPLATE_BYTES)
        .map(|text| Template::parse(&text))
        .map_err(|source| DraftsError::Template {
            path: path.to_path_buf(),
            source,
        })
}
