//! Carrying out what `update` asks: the filter worker, the writer thread and the later
//! sort orders, and feeding what they finish back into the app.

use std::sync::Arc;
use std::sync::mpsc;

use super::filter_worker::FilterWorker;
use super::writer::{Entries, Job, Staged, Writer};
use super::{clipboard, paths};
use crate::app::{App, ConfirmAction, Effect, Items, ListKind};
use crate::model::triage::Place;
use crate::session::Later;
use crate::store::journal;
use crate::store::staged::StagedEntry;
use crate::text_safety;

/// Writes of up to this many items (LinkedIn's cap on connections) are durable before
/// the next frame; larger ones finish on the writer while the UI goes on.
pub const WAIT_FOR_WRITES_UP_TO: usize = 30_000;

/// The threads that keep long work off the UI thread, and what the loop waits on.
pub struct Runtime {
    pub worker: FilterWorker,
    pub writer: Writer,
    /// The search index and the name and company sort orders, until they arrive.
    pub later: Option<mpsc::Receiver<Later>>,
}

impl Runtime {
    /// Takes in what the other threads finished. Returns whether the screen changed.
    pub fn collect(&mut self, app: &mut App) -> bool {
        let mut changed = false;
        for (kind, chunk) in self.worker.results() {
            changed |= app.filter_results(kind, chunk);
        }
        for written in self.writer.results() {
            for effect in app.written(written) {
                self.perform(effect, app);
            }
            changed = true;
        }
        if self.writer.has_stopped() && !app.writer_stopped_reported {
            app.writer_stopped();
            changed = true;
        }
        if let Some(rx) = &self.later {
            let effects = match rx.try_recv() {
                Ok(Later::Search(search)) => app.search_ready(search),
                Ok(Later::Sorts(sorts)) => {
                    self.later = None;
                    app.sorts_ready(sorts)
                }
                Err(mpsc::TryRecvError::Disconnected) => {
                    self.later = None;
                    app.error(
                        "Indexing or sorting the connections failed (a bug: please report it)",
                    );
                    Vec::new()
                }
                Err(mpsc::TryRecvError::Empty) => return changed,
            };
            for effect in effects {
                self.perform(effect, app);
            }
            changed = true;
        }
        changed
    }

    /// Whether results are expected soon: the loop then checks often instead of sleeping.
    pub fn is_busy(&self, app: &App) -> bool {
        app.is_filtering() || self.writer.is_busy() || self.later.is_some()
    }

    /// Carries out one effect, reporting the outcome on the status line.
    pub fn perform(&mut self, effect: Effect, app: &mut App) {
        match effect {
            Effect::SaveStaged(kind) => {
                let staged = staged_now(app, kind);
                let small = staged.len() <= WAIT_FOR_WRITES_UP_TO;
                if !self.writer.send(Job::SaveStaged(staged)) {
                    app.writer_stopped();
                } else if small {
                    self.wait_for_writer(app);
                }
            }
            // The app turns a yes to an overwrite into an export: only journal batches
            // come here.
            Effect::Confirmed(
                ConfirmAction::Overwrite { .. }
                | ConfirmAction::UnkeepAndMove { .. }
                | ConfirmAction::Restore { .. }
                | ConfirmAction::MarkDone { .. },
            ) => {}
            Effect::Confirmed(action @ ConfirmAction::Journal { .. }) => {
                let entries = journal_entries(app, &action);
                // Durable first: the app says "Removed" when the writer answers.
                let small = action.ids().len() <= WAIT_FOR_WRITES_UP_TO;
                if !self.writer.send(Job::Confirm { action, entries }) {
                    app.writer_stopped();
                } else if small {
                    self.wait_for_writer(app);
                }
            }
            Effect::Export {
                kind,
                path,
                overwrite,
            } => {
                let path = paths::expand_tilde(&path, paths::home().as_deref());
                if !overwrite && path.exists() {
                    app.ask_overwrite(kind, path);
                    return;
                }
                let rows = staged_now(app, kind);
                let small = rows.len() <= WAIT_FOR_WRITES_UP_TO;
                app.info(format!("Exporting {} to {}…", rows.len(), path.display()));
                if !self.writer.send(Job::Export { path, rows }) {
                    app.writer_stopped();
                } else if small {
                    self.wait_for_writer(app);
                }
            }
            Effect::Record { kind, mark, ids } => {
                let at = journal::now();
                let records = app.records(kind);
                let entries = journal::status_entries(
                    ids.iter().map(|&id| records[id as usize].id.as_str()),
                    mark,
                    at,
                );
                let small = ids.len() <= WAIT_FOR_WRITES_UP_TO;
                let job = Job::Record {
                    kind,
                    mark,
                    ids,
                    at,
                    entries,
                };
                if !self.writer.send(job) {
                    app.writer_stopped();
                } else if small {
                    self.wait_for_writer(app);
                }
            }
            Effect::SaveKept => {
                let triage = app.triage();
                let kept = Staged::People {
                    people: Arc::clone(app.people()),
                    ids: triage.kept_ids().collect(),
                };
                let small = kept.len() <= WAIT_FOR_WRITES_UP_TO;
                if !self.writer.send(Job::SaveKept(kept)) {
                    app.writer_stopped();
                } else if small {
                    self.wait_for_writer(app);
                }
            }
            Effect::CompletePath(typed) => {
                let (input, candidates) = paths::complete(&typed, paths::home().as_deref());
                app.path_completed(input, &candidates);
            }
            // Only LinkedIn's https pages and checked mailto: links reach the opener.
            Effect::OpenUrl(url) if text_safety::openable_url(&url).is_err() => {
                if let Err(refused) = text_safety::openable_url(&url) {
                    app.warn(refused.to_string());
                }
            }
            Effect::OpenUrl(url) => match open::that_detached(&url) {
                Ok(()) => app.info(format!("Opened {url} in your browser")),
                // Shown whole (the status line wraps) and copied: with mouse capture on,
                // the user cannot select it on the screen.
                Err(e) => match clipboard::copy(&url) {
                    Ok(()) => app.warn(format!(
                        "No browser could be started ({e}). The URL is on your clipboard: {url}"
                    )),
                    Err(_) => app.error(format!("No browser could be started ({e}): {url}")),
                },
            },
            Effect::Copy { text, message } => match clipboard::copy(&text) {
                Ok(()) => app.info(message),
                Err(e) => app.error(format!("Could not copy to the clipboard ({e}): {text}")),
            },
            Effect::Quit => app.running = false,
            Effect::Filter(kind, job) => self.worker.submit(kind, job),
        }
    }
}

impl Runtime {
    /// Small writes are waited for, so what the screen shows next is already on disk.
    fn wait_for_writer(&mut self, app: &mut App) {
        for written in self.writer.wait_idle() {
            for effect in app.written(written) {
                self.perform(effect, app);
            }
        }
    }
}

/// A snapshot of a right column for the writer.
fn staged_now(app: &App, kind: ListKind) -> Staged {
    let Some(list) = app.list_of(kind) else {
        return Staged::Invitations(Vec::new());
    };
    let ids = list.triage.ids_in(Place::Right);
    match &list.items {
        Items::People(people) => Staged::People {
            people: Arc::clone(people),
            ids: ids.collect(),
        },
        // History lists have no staged set.
        Items::Records(_) => Staged::Invitations(Vec::new()),
        Items::Invitations { pending, .. } => Staged::Invitations(
            ids.map(|id| {
                let item = pending.items[id as usize].clone();
                StagedEntry {
                    id: item.identity(),
                    item,
                }
            })
            .collect(),
        ),
    }
}

/// The journal entries of a confirmed action. Removals are built on the writer from the
/// shared people: at a million rows that alone takes longer than a frame.
fn journal_entries(app: &App, action: &ConfirmAction) -> Entries {
    let at = journal::now();
    let (kind, ids) = (action.kind(), action.ids());
    match app.list_of(kind).map(|l| &l.items) {
        Some(Items::Invitations { pending, .. }) => Entries::Ready(journal::withdrawal_entries(
            ids.iter().map(|&id| &pending.items[id as usize]),
            at,
        )),
        _ => Entries::Removals {
            people: Arc::clone(app.people()),
            at,
        },
    }
}
