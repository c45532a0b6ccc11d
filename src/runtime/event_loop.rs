//! The event loop: draw, wait for input, turn it into actions, update, carry out effects.

use std::io::{self, stdout};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event as TermEvent, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};

use super::effects::Runtime;
use super::filter_worker::FilterWorker;
use super::input::key_of;
use super::terminal::TerminalGuard;
use super::writer::{Job, Writer};
use crate::app::{Action, App, Context, Event, HistoryLists, Keymap};
use crate::session::{Loading, Session, SessionError};
use crate::ui::layout::{self, ScreenLayout};
use crate::ui::loading::LoadingScreen;
use crate::ui::theme::Theme;
use crate::ui::{Screen, help};

/// How often the loop wakes without input, to notice a SIGTERM.
const TICK: Duration = Duration::from_millis(200);
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

/// How the app looks and answers keys: from the config file.
pub struct Settings {
    pub keymap: Arc<Keymap>,
    /// What the History tab's work-through opens.
    pub open: crate::app::history::OpenTarget,
    /// The work-through's batch size and the weekly invitations.
    pub work: crate::app::history_screen::WorkRules,
    pub theme: Theme,
    pub debug_timing: bool,
}

/// How the app ended.
pub struct Finished {
    /// The final state; `None` if the user quit while the export was still loading.
    pub app: Option<App>,
    /// The signal (SIGTERM, SIGHUP, SIGINT) that ended it, if one did.
    pub signal: Option<i32>,
}

/// Runs the app until the user quits or a signal arrives.
pub fn run(loading: Loading, settings: Settings) -> Result<Finished, RunError> {
    let started = loading.started;
    let mut session = match loading.result.recv_timeout(QUIET_LOAD) {
        Ok(session) => Some(session?),
        Err(mpsc::RecvTimeoutError::Timeout) => None,
        Err(mpsc::RecvTimeoutError::Disconnected) => return Err(loading.thread_died().into()),
    };
    let (mut terminal, guard) = TerminalGuard::enter()?;
    let quit_early = Finished {
        app: None,
        signal: guard.signal(),
    };
    if session.is_none() {
        session = match wait_while_loading(&mut terminal, &guard, &loading, &settings)? {
            Some(result) => Some(result?),
            None => {
                return Ok(Finished {
                    signal: guard.signal(),
                    ..quit_early
                });
            }
        };
    }
    let Some(Session {
        loaded,
        store,
        later,
        history_people,
    }) = session
    else {
        return Ok(quit_early);
    };
    let (app, history) = App::open_reading(loaded, Arc::clone(&settings.keymap));
    let mut app = app
        .with_open_target(settings.open)
        .with_work_rules(settings.work);
    // A million records take seconds to index and sort: the first screen does not wait.
    let mut history = Some(build_history(history, history_people));
    let view = crate::store::view::read(&crate::store::view::path(&store.data_dir));
    let mut runtime = Runtime::new(FilterWorker::spawn()?, Writer::spawn(store)?, later);
    runtime.tell(
        &mut app,
        Event::Started {
            export_folder: super::paths::export_folder(),
            load: settings.debug_timing.then(|| started.elapsed()),
        },
    );
    runtime.tell(&mut app, Event::ViewRead(view));
    let theme = &settings.theme;
    let result = event_loop(
        &mut terminal,
        &guard,
        &mut app,
        &mut runtime,
        &mut history,
        theme,
    );
    // Where the user was, for the next start.
    runtime.writer.send(Job::SaveView(app.view()));
    if runtime.writer.is_busy() {
        let _ = app.handle(Event::SavingBeforeQuit);
        let _ = terminal.draw(|frame| frame.render_widget(Screen::new(&app, theme), frame.area()));
    }
    // Whatever was asked is written before the terminal is given back. (A staged set
    // not re-saved after a last removal is harmless: removed people are not restored.)
    for written in runtime.writer.finish() {
        let _ = app.handle(Event::Written(written));
    }
    let signal = guard.signal();
    drop(guard);
    result?;
    Ok(Finished {
        app: Some(app),
        signal,
    })
}

/// Draws the progress gauge until the session is ready; `None` if the user quit.
fn wait_while_loading(
    terminal: &mut DefaultTerminal,
    guard: &TerminalGuard,
    loading: &Loading,
    settings: &Settings,
) -> io::Result<Option<Result<Session, SessionError>>> {
    loop {
        if guard.stopped() {
            return Ok(None);
        }
        terminal.draw(|frame| {
            frame.render_widget(
                LoadingScreen {
                    path: &loading.path,
                    progress: &loading.progress,
                    theme: &settings.theme,
                    quit_key: settings.keymap.key_of(Action::Quit),
                },
                frame.area(),
            );
        })?;
        match loading.result.recv_timeout(LOADING_TICK) {
            Ok(result) => return Ok(Some(result)),
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                return Ok(Some(Err(loading.thread_died())));
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
        }
        while event::poll(Duration::ZERO)? {
            let read = event::read()?;
            if let TermEvent::Key(key) = &read
                && is_suspend(key)
            {
                super::terminal::suspend(terminal)?;
            } else if let TermEvent::Key(key) = read
                && let Some(key) = key_of(&key)
                && settings.keymap.action_for(Context::Global, key) == Some(Action::Quit)
            {
                return Ok(None);
            }
        }
    }
}

/// Builds the History tab's lists on a thread of their own, the records' people read
/// back from the journal first.
fn build_history(
    mut history: crate::model::history::History,
    people: crate::store::journal::PeopleLines,
) -> mpsc::Receiver<HistoryLists> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        // Unreadable now (the disk went away): the records are listed by their
        // identities rather than not at all.
        if people.fill(&mut history).is_err() {
            tracing::warn!("could not read the removed people back from the journal");
        }
        // The receiver is gone only if the app quit first: nothing to do then.
        let _ = tx.send(HistoryLists::build(history));
    });
    rx
}

/// Hands the app the History tab's lists once built. Returns whether they came.
fn collect_history(
    history: &mut Option<mpsc::Receiver<HistoryLists>>,
    app: &mut App,
    runtime: &mut Runtime,
) -> bool {
    let Some(rx) = history else {
        return false;
    };
    let event = match rx.try_recv() {
        Ok(lists) => Event::HistoryReady(Box::new(lists)),
        Err(mpsc::TryRecvError::Empty) => return false,
        // The builder panicked (a bug): the tab keeps saying it is reading.
        Err(mpsc::TryRecvError::Disconnected) => Event::HistoryFailed,
    };
    *history = None;
    runtime.tell(app, event);
    true
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    guard: &TerminalGuard,
    app: &mut App,
    runtime: &mut Runtime,
    history: &mut Option<mpsc::Receiver<HistoryLists>>,
    theme: &Theme,
) -> io::Result<()> {
    let mut last_layout = ScreenLayout::default();
    let mut dirty = true;
    while !runtime.quit && !guard.stopped() {
        dirty |= runtime.collect(app);
        dirty |= collect_history(history, app, runtime);
        if dirty {
            let area = terminal.size()?.into();
            last_layout = layout::layout(area, app);
            let help_max_scroll =
                help::max_scroll(app.keymap(), app.screen_context(), last_layout.body);
            let rows = last_layout.rows[0].height as usize;
            runtime.tell(
                app,
                Event::Layout {
                    rows,
                    help_max_scroll,
                },
            );
            let frame_start = Instant::now();
            execute!(stdout(), BeginSynchronizedUpdate)?;
            terminal.draw(|frame| frame.render_widget(Screen::new(app, theme), frame.area()))?;
            execute!(stdout(), EndSynchronizedUpdate)?;
            runtime.tell(app, Event::Drawn(frame_start.elapsed()));
            dirty = false;
        }
        let tick = if runtime.is_busy(app) || history.is_some() {
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
                TermEvent::Key(key) if is_suspend(&key) => {
                    super::terminal::suspend(terminal)?;
                    dirty = true;
                    None
                }
                TermEvent::Key(key) if key.kind != KeyEventKind::Release => {
                    key_of(&key).and_then(|key| app.keymap().action_for(app.context(), key))
                }
                TermEvent::Mouse(mouse) => layout::hit(&last_layout, app, mouse),
                TermEvent::Resize(..) => {
                    dirty = true;
                    None
                }
                TermEvent::Paste(text) => {
                    runtime.tell(app, Event::Paste(text));
                    dirty = true;
                    None
                }
                _ => None,
            };
            if let Some(action) = action {
                runtime.tell(app, Event::Action(action));
                dirty = true;
            }
            if runtime.quit || !event::poll(Duration::ZERO)? {
                break;
            }
        }
    }
    Ok(())
}

/// `Ctrl-z`, the terminal's suspend key, which raw mode delivers as a key press.
fn is_suspend(key: &event::KeyEvent) -> bool {
    key.kind == KeyEventKind::Press
        && key.modifiers == KeyModifiers::CONTROL
        && matches!(key.code, KeyCode::Char('z' | 'Z'))
}
