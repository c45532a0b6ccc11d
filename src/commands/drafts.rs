//! `unconnect drafts -o DIR [--template FILE] [--batch last|all|ID]`: one e-mail draft
//! per removed person with a usable address, to explain the accident in person.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::app::strings::{counted, thousands};
use crate::model::history::Record;
use crate::model::mail::{AddressProblem, Template, draft};
use crate::store::{DataDir, Journal, StoreError, drafts};
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

/// Which removals get a draft: `last` (the newest batch), `all`, or a batch id.
fn select<'a>(removals: &'a [Record], batch: &str) -> Result<Vec<&'a Record>, DraftsError> {
    let wanted = match batch {
        "all" => return Ok(removals.iter().collect()),
        // Newest first: the first record is of the last batch.
        "last" => match removals.first() {
            Some(r) => r.batch.as_str(),
            None => return Ok(Vec::new()),
        },
        id => id,
    };
    let chosen: Vec<&Record> = removals.iter().filter(|r| r.batch == wanted).collect();
    if chosen.is_empty() && batch != "last" {
        return Err(DraftsError::NoBatch(safe(batch).into_owned()));
    }
    Ok(chosen)
}

pub fn run(
    data_dir: &Path,
    out_dir: &Path,
    template: Option<&Path>,
    batch: &str,
) -> Result<Written, DraftsError> {
    let template = match template {
        Some(path) => read_template(path)?,
        None => Template::default(),
    };
    let data = DataDir::open_read_only(data_dir)?;
    let entries = Journal::read(&data.journal_path())?;
    let history = crate::store::journal::history(&entries);
    let chosen = select(&history.removals, batch)?;
    drafts::prepare_folder(out_dir)?;
    let mut written = Written::default();
    for record in chosen {
        let Some(person) = &record.person else {
            continue;
        };
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
