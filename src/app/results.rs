//! What the runtime hands back to the app: filter matches, the search index and sort
//! orders built after the first frame, completed paths, and what the writer wrote. Pure
//! like `update`: state changes and effects out.

use super::confirm::ConfirmAction;
use super::effect::{Effect, Written};
use super::list::ListKind;
use super::state::{App, Mode};
use super::strings;
use crate::model::filter::FilterChunk;
use crate::model::roster::Order;
use crate::model::search::SearchIndex;
use crate::store::StoreError;

impl App {
    /// What failed to save and has not been saved since, named for the user: on screen
    /// while it lasts, and in the words printed at quit.
    pub fn unsaved(&self) -> Vec<&'static str> {
        let mut names = Vec::new();
        if !self.is_saved(ListKind::Connections) {
            names.push(strings::UNSAVED_STAGED_CONNECTIONS);
        }
        if !self.is_saved(ListKind::Invitations) {
            names.push(strings::UNSAVED_STAGED_INVITATIONS);
        }
        if self.kept_unsaved {
            names.push(strings::UNSAVED_KEEP_LIST);
        }
        names
    }

    /// The line kept on screen while a save has failed.
    pub fn unsaved_mark(&self) -> Option<String> {
        let names = self.unsaved();
        (!names.is_empty()).then(|| strings::unsaved_mark(&names))
    }

    /// What to print at quit when a save never succeeded; `dir` is the data folder.
    pub fn unsaved_at_quit(&self, dir: &str) -> Option<String> {
        let names = self.unsaved();
        (!names.is_empty()).then(|| strings::unsaved_at_quit(&names, dir))
    }

    /// Matches from a filter job on the worker.
    pub(super) fn filter_results(&mut self, kind: ListKind, chunk: FilterChunk) {
        let done = chunk.done;
        let Some(triage) = self.triage_mut(kind) else {
            return;
        };
        let accepted = triage.accept(chunk);
        if accepted && let (Some(timing), Some(took)) = (&mut self.timing, done) {
            timing.filter = Some(took);
        }
    }

    /// The Connections tab's search index, built after the first frame. Returns the
    /// filter jobs of columns that were waiting for it.
    pub(super) fn search_ready(&mut self, search: SearchIndex) -> Vec<Effect> {
        let jobs = self.connections.triage.search_ready(search);
        jobs.into_iter()
            .map(|j| Effect::Filter(ListKind::Connections, j))
            .collect()
    }

    /// The Connections tab's name and company orders, computed after the first frame.
    /// Returns the filter jobs of columns that were waiting for them.
    pub(super) fn sorts_ready(&mut self, sorts: Vec<(&'static str, Order)>) -> Vec<Effect> {
        let mut effects = Vec::new();
        for (name, order) in sorts {
            let jobs = self.connections.triage.sort_ready(name, order);
            effects.extend(
                jobs.into_iter()
                    .map(|j| Effect::Filter(ListKind::Connections, j)),
            );
        }
        effects
    }

    /// The export prompt's path, completed by the runtime from the folder it names; with
    /// several candidates, the status line lists them.
    pub(super) fn path_completed(&mut self, input: String, candidates: &[String]) {
        if let Mode::Prompt { .. } = self.mode {
            self.line.start(&input);
            self.mode = Mode::Prompt { input };
            match candidates {
                [] => self.warn(strings::NO_COMPLETION),
                [_] => self.status = None,
                many => self.info(strings::candidates(many)),
            }
        }
    }

    /// What the writer thread finished. Returns the effects that follow.
    pub(super) fn written(&mut self, written: Written) -> Vec<Effect> {
        match written {
            Written::Exported {
                path,
                count,
                result: Ok(()),
            } => {
                self.info(strings::exported(count, &path));
                Vec::new()
            }
            Written::Exported {
                path,
                result: Err(e),
                ..
            } => {
                self.error(strings::not_exported(&path, &e));
                Vec::new()
            }
            Written::Staged(kind, Ok(())) => {
                self.set_saved(kind, true);
                Vec::new()
            }
            Written::Staged(kind, Err(e)) => {
                self.set_saved(kind, false);
                self.error(strings::staged_not_saved(&e));
                Vec::new()
            }
            Written::Kept(Ok(())) => {
                self.kept_unsaved = false;
                Vec::new()
            }
            Written::View(Ok(())) => Vec::new(),
            Written::View(Err(e)) => {
                self.warn(strings::view_not_saved(&e));
                Vec::new()
            }
            Written::Kept(Err(e)) => {
                self.kept_unsaved = true;
                self.error(strings::kept_not_saved(&e));
                Vec::new()
            }
            Written::Confirmed(action, Ok(entries)) => {
                self.journaling = false;
                // Only journal batches go to the writer (see `dialogs`).
                if let ConfirmAction::Journal { kind, ids } = &action {
                    self.confirmed(*kind, ids);
                }
                self.apply_journaled(&entries);
                vec![Effect::SaveStaged(action.kind())]
            }
            Written::Recorded {
                kind,
                mark,
                ids,
                result: Ok(entries),
            } => {
                let noting = self.history.privacy_note.is_some();
                self.recorded(kind, mark, &ids, &entries);
                // The privacy note was said: kept at once, so no crash says it again.
                if noting && self.history.privacy_note.is_none() {
                    vec![Effect::SaveView]
                } else {
                    Vec::new()
                }
            }
            Written::Recorded { result: Err(e), .. } => {
                self.journaling = false;
                self.error(strings::nothing_recorded(&e));
                Vec::new()
            }
            // The partial batch could not be undone: say so, never "nothing was removed".
            Written::Confirmed(action, Err(e @ StoreError::Unsure { .. })) => {
                self.journaling = false;
                self.error(strings::partly_journaled(action.ids().len(), &e));
                Vec::new()
            }
            Written::Confirmed(action, Err(e)) => {
                self.journaling = false;
                let done = action.kind().spec().map_or("", |s| s.done);
                self.error(strings::nothing_journaled(done, &e));
                Vec::new()
            }
        }
    }

    /// The writer thread is gone (a bug): say so, and let the lists be used again. A
    /// removal in flight may or may not have reached the journal.
    pub(super) fn writer_stopped(&mut self) {
        if self.writer_stopped_reported {
            return;
        }
        self.journaling = false;
        self.writer_stopped_reported = true;
        for kind in ListKind::ALL {
            self.set_saved(kind, false);
        }
        self.error(super::strings::WRITER_STOPPED);
    }
}
