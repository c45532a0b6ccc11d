//! Carrying out what `update` asks: the filter worker, the writer thread and the later
//! sort orders, and feeding what they finish back into the app.

use std::sync::Arc;
use std::sync::mpsc;

use super::filter_worker::FilterWorker;
use super::writer::{Entries, Job, Staged, Writer};
use super::{clipboard, paths};
use crate::app::{App, ConfirmAction, Effect, Event, ListKind};
use crate::model::triage::{Place, Side};
use crate::session::Later;
use crate::store::journal;
use crate::store::staged::StagedEntry;

/// Writes of up to this many items (LinkedIn's cap on connections) are durable before
/// the next frame; larger ones finish on the writer while the UI goes on.
pub const WAIT_FOR_WRITES_UP_TO: usize = 30_000;

/// The threads that keep long work off the UI thread, and what the loop waits on.
pub struct Runtime {
    pub worker: FilterWorker,
    pub writer: Writer,
    /// The search index and the name and company sort orders, until they arrive.
    pub later: Option<mpsc::Receiver<Later>>,
    /// The user asked to quit.
    pub quit: bool,
    /// The app has been told the writer stopped.
    writer_stop_told: bool,
}

impl Runtime {
    pub fn new(worker: FilterWorker, writer: Writer, later: mpsc::Receiver<Later>) -> Runtime {
        Runtime {
            worker,
            writer,
            later: Some(later),
            quit: false,
            writer_stop_told: false,
        }
    }

    /// Hands the app an event and carries out the effects it answers with.
    pub fn tell(&mut self, app: &mut App, event: Event) {
        for effect in app.handle(event) {
            self.perform(effect, app);
        }
    }

    /// Takes in what the other threads finished. Returns whether the screen changed.
    pub fn collect(&mut self, app: &mut App) -> bool {
        let mut changed = false;
        let chunks: Vec<_> = self.worker.results().collect();
        for (kind, chunk) in chunks {
            self.tell(app, Event::FilterChunk(kind, chunk));
            changed = true;
        }
        let written = self.writer.results();
        for written in written {
            self.tell(app, Event::Written(written));
            changed = true;
        }
        if self.writer.has_stopped() && !self.writer_stop_told {
            self.writer_stopped(app);
            changed = true;
        }
        if let Some(rx) = &self.later {
            let event = match rx.try_recv() {
                Ok(Later::Search(search)) => Event::SearchReady(search),
                Ok(Later::Sorts(sorts)) => {
                    self.later = None;
                    Event::SortsReady(sorts)
                }
                Err(mpsc::TryRecvError::Disconnected) => {
                    self.later = None;
                    Event::IndexingFailed
                }
                Err(mpsc::TryRecvError::Empty) => return changed,
            };
            self.tell(app, event);
            changed = true;
        }
        changed
    }

    /// Whether results are expected soon: the loop then checks often instead of sleeping.
    pub fn is_busy(&self, app: &App) -> bool {
        app.is_filtering() || self.writer.is_busy() || self.later.is_some()
    }

    fn writer_stopped(&mut self, app: &mut App) {
        self.writer_stop_told = true;
        self.tell(app, Event::WriterStopped);
    }

    /// Sends a job to the writer; small ones are waited for, so what the screen shows
    /// next is already on disk.
    fn send(&mut self, app: &mut App, job: Job, small: bool) {
        if !self.writer.send(job) {
            self.writer_stopped(app);
        } else if small {
            for written in self.writer.wait_idle() {
                self.tell(app, Event::Written(written));
            }
        }
    }

    /// Carries out one effect; what came of it goes back to the app as an event.
    pub fn perform(&mut self, effect: Effect, app: &mut App) {
        match effect {
            Effect::SaveStaged(kind) => {
                let staged = staged_now(app, kind);
                let small = staged.len() <= WAIT_FOR_WRITES_UP_TO;
                self.send(app, Job::SaveStaged(staged), small);
            }
            Effect::Confirmed(action) => {
                let entries = journal_entries(app, &action);
                // Durable first: the app says "Removed" when the writer answers.
                let small = action.ids().len() <= WAIT_FOR_WRITES_UP_TO;
                self.send(app, Job::Confirm { action, entries }, small);
            }
            Effect::Export {
                kind,
                path,
                overwrite,
            } => {
                let name = app.export_file_name(kind);
                let path = match paths::export_target(&path, &name, paths::home().as_deref()) {
                    Ok(path) => path,
                    Err((path, why)) => {
                        self.tell(app, Event::ExportRefused { path, why });
                        return;
                    }
                };
                if !overwrite && path.exists() {
                    self.tell(app, Event::ExportExists { kind, path });
                    return;
                }
                let rows = staged_now(app, kind);
                let small = rows.len() <= WAIT_FOR_WRITES_UP_TO;
                let count = rows.len();
                self.tell(
                    app,
                    Event::Exporting {
                        count,
                        path: path.clone(),
                    },
                );
                self.send(app, Job::Export { path, rows }, small);
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
                    entries,
                };
                self.send(app, job, small);
            }
            Effect::SaveView => self.send(app, Job::SaveView(app.view()), true),
            Effect::SaveKept => {
                let kept = Staged::People {
                    people: Arc::clone(app.people()),
                    ids: app.triage().kept_ids().collect(),
                };
                let small = kept.len() <= WAIT_FOR_WRITES_UP_TO;
                self.send(app, Job::SaveKept(kept), small);
            }
            Effect::CompletePath(typed) => {
                let (input, candidates) = paths::complete(&typed, paths::home().as_deref());
                self.tell(app, Event::PathCompleted { input, candidates });
            }
            Effect::OpenUrl(url) => {
                let outcome = super::opener::open_or_copy(&url);
                self.tell(app, Event::Opened { url, outcome });
            }
            Effect::OpenUrls(urls) => {
                let outcomes = super::opener::open_all(urls);
                self.tell(app, Event::OpenedAll(outcomes));
            }
            Effect::Copy { text, message } => {
                let error = clipboard::copy(&text).err().map(|e| e.to_string());
                self.tell(
                    app,
                    Event::Copied {
                        text,
                        message,
                        error,
                    },
                );
            }
            Effect::Quit => self.quit = true,
            Effect::Filter(kind, job) => self.worker.submit(kind, job),
        }
    }
}

/// A snapshot of a right column for the writer.
fn staged_now(app: &App, kind: ListKind) -> Staged {
    match kind {
        ListKind::Connections => {
            let list = app.connections();
            Staged::People {
                people: Arc::clone(&list.items),
                ids: list.triage.ids_in(Place::Right).collect(),
            }
        }
        ListKind::Invitations => {
            Staged::Invitations(app.invitations().map_or_else(Vec::new, |list| {
                list.triage
                    .ids_in(Place::Right)
                    .map(|id| {
                        let item = list.items.pending.items[id as usize].clone();
                        StagedEntry {
                            id: item.identity(),
                            item,
                        }
                    })
                    .collect()
            }))
        }
        // A History list exports what it shows, in its order.
        ListKind::Removed | ListKind::Withdrawn => {
            let records = app.records(kind);
            let shown = app
                .triage_of(kind)
                .map(|t| t.column(Side::Left).shown().to_vec())
                .unwrap_or_default();
            Staged::Records(
                shown
                    .iter()
                    .filter_map(|&id| records.get(id as usize).cloned())
                    .collect(),
            )
        }
    }
}

/// The journal entries of a confirmed action. Removals are built on the writer from the
/// shared people: at a million rows that alone takes longer than a frame.
fn journal_entries(app: &App, action: &ConfirmAction) -> Entries {
    let at = journal::now();
    let (kind, ids) = (action.kind(), action.ids());
    match (kind, app.invitations()) {
        (ListKind::Invitations, Some(list)) => Entries::Ready(journal::withdrawal_entries(
            ids.iter().map(|&id| &list.items.pending.items[id as usize]),
            at,
        )),
        _ => Entries::Removals {
            people: Arc::clone(app.people()),
            at,
        },
    }
}
