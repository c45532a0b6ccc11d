//! The event loop: draw, wait for input, turn it into actions, update, carry out effects.

use std::io::{self, stdout};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};

use super::action::Action;
use super::app::{App, Effect, ListKind, Timing};
use super::filter_worker::FilterWorker;
use super::keymap;
use super::keymap::Context;
use super::layout::{self, ScreenLayout};
use super::loading::LoadingScreen;
use super::terminal::TerminalGuard;
use super::writer::{Entries, Job, Staged, Writer};
use crate::model::triage::Place;
use crate::session::{LaterSorts, Loading, Session, SessionError, staged_invitations};
use crate::store::journal;

/// How often the loop wakes without input, to notice a SIGTERM.
const TICK: Duration = Duration::from_millis(200);
/// Writes of up to this many items (LinkedIn's cap on connections) are durable before
/// the next frame; larger ones finish on the writer while the UI goes on.
const WAIT_FOR_WRITES_UP_TO: usize = 30_000;
/// While a filter job or the later sorts run, the loop checks for results this often.
const BUSY_TICK: Duration = Duration::from_millis(4);
/// While loading, the gauge is redrawn this often. Each frame of the loading screen
/// takes CPU from the two parsing threads: at 20 frames a second a million rows loaded
/// 60 ms later than at 10.
const LOADING_TICK: Duration = Duration::from_millis(100);
/// An export that loads faster than this never shows the loading screen: it starts (or
/// fails, with a plain one-line error) before the terminal is touched.
const QUIET_LOAD: Duration = Duration::from_millis(100);

#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("terminal: {0}")]
    Terminal(#[from] io::Error),
    #[error(transparent)]
    Session(#[from] SessionError),
}

/// Runs the app until the user quits or a signal arrives. Returns the final state, or
/// `None` if the user quit while the export was still loading.
pub fn run(loading: Loading, debug_timing: bool) -> Result<Option<App>, RunError> {
    let started = loading.started;
    let mut session = match loading.result.recv_timeout(QUIET_LOAD) {
        Ok(session) => Some(session?),
        Err(mpsc::RecvTimeoutError::Timeout) => None,
        Err(mpsc::RecvTimeoutError::Disconnected) => return Err(loading.thread_died().into()),
    };
    let (mut terminal, guard) = TerminalGuard::enter()?;
    if session.is_none() {
        session = match wait_while_loading(&mut terminal, &guard, &loading)? {
            Some(result) => Some(result?),
            None => return Ok(None),
        };
    }
    let Some(Session {
        mut app,
        store,
        later_sorts,
    }) = session
    else {
        return Ok(None);
    };
    if debug_timing {
        app.timing = Some(Timing {
            load: started.elapsed(),
            ..Timing::default()
        });
    }
    let mut runtime = Runtime {
        worker: FilterWorker::spawn()?,
        writer: Writer::spawn(store)?,
        later_sorts: Some(later_sorts),
    };
    let result = event_loop(&mut terminal, &guard, &mut app, &mut runtime);
    if runtime.writer.is_busy() {
        app.info("Saving before quitting…");
        let _ = terminal.draw(|frame| frame.render_widget(&app, frame.area()));
    }
    // Whatever was asked is written before the terminal is given back. (A staged set
    // not re-saved after a last removal is harmless: removed people are not restored.)
    for written in runtime.writer.finish() {
        app.written(written);
    }
    drop(guard);
    result?;
    Ok(Some(app))
}

/// Draws the progress gauge until the session is ready; `None` if the user quit.
fn wait_while_loading(
    terminal: &mut DefaultTerminal,
    guard: &TerminalGuard,
    loading: &Loading,
) -> io::Result<Option<Result<Session, SessionError>>> {
    loop {
        if guard.stop.load(Ordering::Relaxed) {
            return Ok(None);
        }
        terminal.draw(|frame| {
            frame.render_widget(
                LoadingScreen {
                    path: &loading.path,
                    progress: &loading.progress,
                },
                frame.area(),
            )
        })?;
        match loading.result.recv_timeout(LOADING_TICK) {
            Ok(result) => return Ok(Some(result)),
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                return Ok(Some(Err(loading.thread_died())));
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
        }
        while event::poll(Duration::ZERO)? {
            if let Event::Key(key) = event::read()?
                && keymap::action_for(Context::Browse, &key) == Some(Action::Quit)
            {
                return Ok(None);
            }
        }
    }
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    guard: &TerminalGuard,
    app: &mut App,
    runtime: &mut Runtime,
) -> io::Result<()> {
    let mut last_layout = ScreenLayout::default();
    let mut dirty = true;
    while app.running && !guard.stop.load(Ordering::Relaxed) {
        dirty |= runtime.collect(app);
        if dirty {
            let area = terminal.size()?.into();
            last_layout = layout::layout(area, app);
            let rows = last_layout.rows[0].height as usize;
            app.triage.set_viewport(rows);
            if let Some(inv) = &mut app.invitations {
                inv.triage.set_viewport(rows);
            }
            let frame_start = Instant::now();
            execute!(stdout(), BeginSynchronizedUpdate)?;
            terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
            execute!(stdout(), EndSynchronizedUpdate)?;
            if let Some(timing) = &mut app.timing {
                timing.frame = Some(frame_start.elapsed());
            }
            dirty = false;
        }
        let tick = if runtime.is_busy(app) {
            BUSY_TICK
        } else {
            TICK
        };
        if !event::poll(tick)? {
            continue;
        }
        // Handle everything already queued before drawing again: held keys and wheel
        // bursts cost one frame, not one each.
        loop {
            let action = match event::read()? {
                Event::Key(key) if key.kind != KeyEventKind::Release => {
                    keymap::action_for(app.context(), &key)
                }
                Event::Mouse(mouse) => layout::hit(&last_layout, app, mouse),
                Event::Resize(..) => {
                    dirty = true;
                    None
                }
                _ => None,
            };
            if let Some(action) = action {
                for effect in app.update(action) {
                    runtime.perform(effect, app);
                }
                dirty = true;
            }
            if !app.running || !event::poll(Duration::ZERO)? {
                break;
            }
        }
    }
    Ok(())
}

/// The threads that keep long work off the UI thread, and what the loop waits on.
struct Runtime {
    worker: FilterWorker,
    writer: Writer,
    /// The name and company sort orders, until they arrive.
    later_sorts: Option<mpsc::Receiver<LaterSorts>>,
}

impl Runtime {
    /// Takes in what the other threads finished. Returns whether the screen changed.
    fn collect(&mut self, app: &mut App) -> bool {
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
        if let Some(rx) = &self.later_sorts {
            match rx.try_recv() {
                Ok(sorts) => {
                    self.later_sorts = None;
                    for effect in app.sorts_ready(sorts) {
                        self.perform(effect, app);
                    }
                    changed = true;
                }
                Err(mpsc::TryRecvError::Disconnected) => {
                    self.later_sorts = None;
                    app.error("Sorting by name and company failed (a bug: please report it)");
                    changed = true;
                }
                Err(mpsc::TryRecvError::Empty) => {}
            }
        }
        changed
    }

    /// Whether results are expected soon: the loop then checks often instead of sleeping.
    fn is_busy(&self, app: &App) -> bool {
        app.is_filtering() || self.writer.is_busy() || self.later_sorts.is_some()
    }

    /// Carries out one effect, reporting the outcome on the status line.
    fn perform(&mut self, effect: Effect, app: &mut App) {
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
            Effect::Confirm(kind, ids) => {
                let at = journal::now();
                let entries = match (kind, &app.invitations) {
                    (ListKind::Invitations, Some(inv)) => {
                        Entries::Ready(journal::withdrawal_entries(
                            ids.iter().map(|&id| &inv.pending.items[id as usize]),
                            at,
                        ))
                    }
                    _ => Entries::Removals {
                        people: Arc::clone(&app.people),
                        at,
                    },
                };
                // Durable first: the app says "Removed" when the writer answers.
                let small = ids.len() <= WAIT_FOR_WRITES_UP_TO;
                if !self.writer.send(Job::Confirm { kind, ids, entries }) {
                    app.writer_stopped();
                } else if small {
                    self.wait_for_writer(app);
                }
            }
            Effect::Export(kind, path) => {
                let rows = staged_now(app, kind);
                let small = rows.len() <= WAIT_FOR_WRITES_UP_TO;
                app.info(format!("Exporting {} to {}…", rows.len(), path.display()));
                if !self.writer.send(Job::Export { path, rows }) {
                    app.writer_stopped();
                } else if small {
                    self.wait_for_writer(app);
                }
            }
            Effect::OpenUrl(url) => match open::that_detached(&url) {
                Ok(()) => app.info(format!("Opened {url} in your browser")),
                Err(e) => app.error(format!(
                    "Could not open a browser ({e}); the profile is {url}"
                )),
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
    match kind {
        ListKind::Invitations => Staged::Invitations(staged_invitations(app).collect()),
        ListKind::Connections => Staged::People {
            people: Arc::clone(&app.people),
            ids: app.triage.ids_in(Place::Right).collect(),
        },
    }
}
