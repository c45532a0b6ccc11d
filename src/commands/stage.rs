//! `unconnect stage EXPORT LIST [--keep] [--column NAME[=VALUE]] [--dry-run] [--json]`:
//! a list comes back as staged people (or, with `--keep`, as kept ones), as if picked in
//! the app, under the data folder's lock. The next start of the app shows them.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use crate::app::strings::counted;
use crate::import::{self, list};
use crate::model::matching::{Found, Index};
use crate::model::{People, Person, PersonId};
use crate::session::{SessionError, done_ids};
use crate::store::staged::{IdList, StagedSet, StagedStore, read_checked};
use crate::store::{DataDir, Journal, JournalAction, StoreError};
use crate::text_safety::{json_safe, safe};

#[derive(Debug, thiserror::Error)]
pub enum StageError {
    #[error(transparent)]
    Session(#[from] SessionError),
    #[error(transparent)]
    List(#[from] list::ListError),
}

impl From<StoreError> for StageError {
    fn from(e: StoreError) -> Self {
        StageError::Session(e.into())
    }
}

/// What the command was asked to do.
pub struct Request<'a> {
    pub export: &'a Path,
    pub list: &'a Path,
    pub data_dir: &'a Path,
    pub keep: bool,
    pub column: Option<&'a list::ColumnFilter>,
    pub dry_run: bool,
    /// The list becomes the whole staged set (keep list): this export's people in it now
    /// whom the list does not name come off it. Otherwise the list is added.
    pub replace: bool,
}

/// A list row that named nobody, or more than one.
#[derive(Debug, Serialize)]
pub struct Unmatched {
    pub line: u64,
    pub row: String,
    /// How many connections fit it (ambiguous rows only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matches: Option<usize>,
}

/// What `--json` prints.
#[derive(Debug, Default, Serialize)]
pub struct Outcome {
    pub staged: usize,
    pub kept: usize,
    /// Already removed, already staged (kept, with `--keep`), or named twice in the list.
    pub already: usize,
    pub not_found: Vec<Unmatched>,
    pub ambiguous: Vec<Unmatched>,
    /// Staging only: on the keep list, so not staged.
    pub on_keep_list: usize,
    /// Staged until now, no longer: with `--keep`, people now kept; with `--replace`,
    /// people the list does not name.
    pub unstaged: usize,
    /// `--keep --replace`: kept until now, and not named by the list, so no longer.
    pub unkept: usize,
    /// `--replace` with a list that names none of this export's people: nothing was
    /// taken off.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub replace_refused: bool,
    /// Rows read (after `--column`).
    pub rows: usize,
    /// Rows `--column` left out.
    pub left_out: usize,
    /// Rows that could not be read.
    pub skipped: Vec<Unmatched>,
    pub dry_run: bool,
    #[serde(skip)]
    already_removed: usize,
    #[serde(skip)]
    already_listed: usize,
}

/// Matches, records (unless a dry run), and returns the text (or JSON) to print.
pub fn run(req: &Request<'_>, json: bool) -> Result<String, StageError> {
    let export = import::load(req.export).map_err(SessionError::from)?;
    let list = list::read(req.list, req.column)?;
    let people = &export.people;
    let index = Index::new(people);
    let mut out = Outcome {
        rows: list.rows.len(),
        left_out: list.left_out,
        dry_run: req.dry_run,
        skipped: list
            .skipped
            .iter()
            .map(|(line, why)| unmatched(*line, why, None))
            .collect(),
        ..Outcome::default()
    };
    let mut matched: Vec<PersonId> = Vec::new();
    let mut seen = HashSet::new();
    for row in &list.rows {
        match index.find(&row.wanted) {
            Found::One(id) if seen.insert(id) => matched.push(id),
            Found::One(_) => out.already_listed += 1,
            Found::Ambiguous(n) => out.ambiguous.push(unmatched(row.line, &row.label, Some(n))),
            Found::NotFound => out.not_found.push(unmatched(row.line, &row.label, None)),
        }
    }
    let data = if req.dry_run {
        Folder::read(req.data_dir)?
    } else {
        Folder::lock(req.data_dir)?
    };
    let identity = |id: PersonId| people.get(id).identity();
    let staged: HashSet<&str> = data.staged.ids().collect();
    let kept: HashSet<&str> = data.kept.ids().collect();
    let removed = done_ids(&data.journal, JournalAction::Remove);
    let mut new: Vec<u32> = Vec::new();
    let mut unstage: HashSet<String> = HashSet::new();
    for &id in &matched {
        let key = identity(id);
        let key = key.as_str();
        if removed.contains(key) {
            out.already_removed += 1;
        } else if req.keep {
            if kept.contains(key) {
                out.already += 1;
            } else {
                if staged.contains(key) {
                    unstage.insert(key.to_owned());
                }
                new.push(id.0);
            }
        } else if kept.contains(key) {
            out.on_keep_list += 1;
        } else if staged.contains(key) {
            out.already += 1;
        } else {
            new.push(id.0);
        }
    }
    out.already += out.already_removed + out.already_listed;
    new.sort_unstable();
    // With --replace, this export's people in the set now whom the list does not name
    // (people of other exports stay: the list cannot speak for them).
    // A list that names none of them (a --column value the sheet does not use, the
    // wrong file) would unstage everyone: it replaces nothing.
    out.replace_refused = req.replace && matched.is_empty();
    let dropped = if req.replace && !out.replace_refused {
        let listed: HashSet<String> = matched.iter().map(|&id| identity(id).to_string()).collect();
        let here: HashSet<String> = people.ids().map(|id| identity(id).to_string()).collect();
        let set = if req.keep { &kept } else { &staged };
        set.iter()
            .filter(|id| here.contains(**id) && !listed.contains(**id))
            .map(|id| (*id).to_owned())
            .collect()
    } else {
        HashSet::new()
    };
    if req.keep {
        out.kept = new.len();
        out.unstaged = unstage.len();
        out.unkept = dropped.len();
    } else {
        out.staged = new.len();
        out.unstaged = dropped.len();
    }
    if let Some(stores) = data.stores {
        let write = |store: StagedStore<Person>, set| {
            save(store, without(set, &dropped), req.export, people, &new)
        };
        let changes = !new.is_empty() || !dropped.is_empty();
        if req.keep {
            // Kept first: a crash between the two leaves someone kept and staged, and
            // the app puts a kept person back on the left.
            if changes {
                write(stores.kept, data.kept)?;
            }
            if !unstage.is_empty() {
                let rest = without(data.staged, &unstage);
                save(stores.staged, rest, req.export, people, &[])?;
            }
        } else if changes {
            write(stores.staged, data.staged)?;
        }
    }
    tracing::info!(
        rows = out.rows,
        staged = out.staged,
        kept = out.kept,
        already = out.already,
        not_found = out.not_found.len(),
        ambiguous = out.ambiguous.len(),
        dry_run = req.dry_run,
        "list staged"
    );
    Ok(if json {
        // Plain strings and numbers: serialising cannot fail.
        let text = serde_json::to_string_pretty(&out).unwrap_or_default();
        json_safe(&text).into_owned() + "\n"
    } else {
        text(&out, req)
    })
}

fn unmatched(line: u64, row: &str, matches: Option<usize>) -> Unmatched {
    Unmatched {
        line,
        row: row.to_owned(),
        matches,
    }
}

/// The data folder's staged set, keep list and journal; with the stores to write them
/// back, unless this is a dry run.
struct Folder {
    staged: StagedSet<Person>,
    kept: StagedSet<Person>,
    journal: Vec<crate::store::JournalEntry>,
    stores: Option<Stores>,
}

struct Stores {
    staged: StagedStore<Person>,
    kept: StagedStore<Person>,
    _lock: DataDir,
}

impl Folder {
    /// Reads without creating, locking or repairing anything: a dry run writes nothing.
    fn read(path: &Path) -> Result<Folder, StoreError> {
        if !path.exists() {
            return Ok(Folder {
                staged: StagedSet::default(),
                kept: StagedSet::default(),
                journal: Vec::new(),
                stores: None,
            });
        }
        let data = DataDir::open_read_only(path)?;
        Ok(Folder {
            staged: read_checked(&data.staged_path("connections"))?.0,
            kept: read_checked(&data.kept_path())?.0,
            journal: Journal::read(&data.journal_path())?,
            stores: None,
        })
    }

    /// Locks the folder (refused while the app has it open) and loads what it holds, as
    /// the app would on opening.
    fn lock(path: &Path) -> Result<Folder, StoreError> {
        let data = DataDir::open_locked(path)?;
        let (staged_store, staged) = StagedStore::load(&data.staged_path("connections"))?;
        let (kept_store, kept) = StagedStore::load(&data.kept_path())?;
        let journal = Journal::read(&data.journal_path())?;
        Ok(Folder {
            staged,
            kept,
            journal,
            stores: Some(Stores {
                staged: staged_store,
                kept: kept_store,
                _lock: data,
            }),
        })
    }
}

/// Writes `ids` of `export`'s people by identity, as the app saves a selection, then
/// what the file held before.
fn save(
    mut store: StagedStore<Person>,
    before: StagedSet<Person>,
    export: &Path,
    people: &People,
    ids: &[u32],
) -> Result<(), StoreError> {
    store.set_export(export);
    store.set_foreign(before);
    store.save_ids(ids, |i, key| people.get(PersonId(i)).write_identity(key))
}

/// `set` without these identities.
fn without(set: StagedSet<Person>, ids: &HashSet<String>) -> StagedSet<Person> {
    let groups = set
        .groups
        .into_iter()
        .map(|mut g| {
            g.ids = g
                .ids
                .iter()
                .filter(|id| !ids.contains(*id))
                .collect::<IdList>();
            g
        })
        .filter(|g| !g.ids.is_empty())
        .collect();
    let entries = set
        .entries
        .into_iter()
        .filter(|e| !ids.contains(e.id.as_str()))
        .collect();
    StagedSet { groups, entries }
}

/// Rows listed in the text output; `--json` lists them all.
const SHOWN: usize = 10;

fn text(o: &Outcome, req: &Request<'_>) -> String {
    let mut s = String::new();
    let list = req.list.display().to_string();
    let export = req.export.display().to_string();
    let _ = write!(s, "{}: {}", safe(&list), counted(o.rows, "row", "rows"));
    if let Some(f) = req.column {
        let which = match &f.value {
            Some(v) => format!("{:?} = {:?}", f.name, v),
            None => format!("{:?} not empty", f.name),
        };
        let _ = write!(s, " with {} ({} left out)", safe(&which), o.left_out);
    }
    s.push('\n');
    let done = if req.keep { o.kept } else { o.staged };
    let who = counted(done, "person", "people");
    let _ = match (req.keep, req.dry_run) {
        (false, false) => writeln!(s, "Staged {who} for removal."),
        (false, true) => writeln!(s, "Would stage {who} for removal."),
        (true, false) => writeln!(s, "Put {who} on the keep list."),
        (true, true) => writeln!(s, "Would put {who} on the keep list."),
    };
    if o.unstaged > 0 && req.keep {
        let _ = writeln!(
            s,
            "{} of them staged until now: no longer staged.",
            o.unstaged
        );
    } else if o.unstaged > 0 {
        let who = counted(o.unstaged, "person", "people");
        let _ = writeln!(
            s,
            "Unstaged {who} staged until now whom the list leaves out."
        );
    }
    if o.replace_refused {
        let _ = writeln!(
            s,
            "The list names none of this export's people: --replace took no one off (is the \
             --column right?)."
        );
    }
    if o.unkept > 0 {
        let who = counted(o.unkept, "person", "people");
        let _ = writeln!(s, "Took {who} the list leaves out off the keep list.");
    }
    if o.already > 0 {
        let mut why = Vec::new();
        let before = o.already - o.already_removed - o.already_listed;
        if before > 0 {
            why.push(format!(
                "{before} {}",
                if req.keep {
                    "already kept"
                } else {
                    "already staged"
                }
            ));
        }
        if o.already_removed > 0 {
            why.push(format!("{} already removed", o.already_removed));
        }
        if o.already_listed > 0 {
            why.push(format!("{} named twice in the list", o.already_listed));
        }
        let _ = writeln!(s, "Not again: {}.", why.join(", "));
    }
    if o.on_keep_list > 0 {
        let _ = writeln!(
            s,
            "{} on your keep list: not staged (K in the app takes someone off it).",
            counted(o.on_keep_list, "person is", "people are")
        );
    }
    let mut listed = |title: String, rows: &[Unmatched]| {
        if rows.is_empty() {
            return;
        }
        let _ = writeln!(s, "{title}");
        for r in rows.iter().take(SHOWN) {
            let _ = write!(s, "  line {}: {}", r.line, safe(&r.row));
            if let Some(n) = r.matches {
                let _ = write!(s, " ({n} connections)");
            }
            s.push('\n');
        }
        if rows.len() > SHOWN {
            let _ = writeln!(
                s,
                "  and {} more (--json lists them all)",
                rows.len() - SHOWN
            );
        }
    };
    listed(
        format!(
            "{} a name several connections share: left alone (give the profile URL):",
            counted(o.ambiguous.len(), "row gives", "rows give")
        ),
        &o.ambiguous,
    );
    listed(
        format!(
            "{} matched nobody in {}:",
            counted(o.not_found.len(), "row", "rows"),
            safe(&export)
        ),
        &o.not_found,
    );
    listed(
        format!(
            "{} could not be read:",
            counted(o.skipped.len(), "row", "rows")
        ),
        &o.skipped,
    );
    if req.dry_run {
        s.push_str("Dry run: nothing was written.\n");
    } else if done > 0 {
        let place = if req.keep {
            "keep list"
        } else {
            "right column"
        };
        let _ = writeln!(
            s,
            "The app shows them in the {place} the next time it opens {}.",
            safe(&export)
        );
    }
    s
}
