//! The one door into the app: everything the runtime has to tell it is an [`Event`],
//! handed to [`App::handle`], which changes the state and returns the effects to carry
//! out. The runtime assigns no field and words no message: what the user reads is
//! worded here, in the app layer.

use std::path::PathBuf;
use std::time::Duration;

use super::action::Action;
use super::effect::{Effect, Written};
use super::list::ListKind;
use super::state::{App, Mode, Timing};
use super::strings;
use crate::model::filter::FilterChunk;
use crate::model::roster::Order;
use crate::model::search::SearchIndex;

/// What the runtime tells the app.
#[derive(Debug)]
pub enum Event {
    /// A key or a mouse action, already looked up in the keymap or hit-tested.
    Action(Action),
    /// The view saved at the last quit (tab, sorts, zoom), or why it could not be read.
    ViewRead(Result<Option<crate::store::view::View>, crate::store::StoreError>),
    /// Text pasted into the terminal (bracketed paste): untrusted, cleaned on the way in.
    Paste(String),
    /// The session is open and the loop starts.
    Started {
        /// Where the export prompt proposes to write (`~/Downloads`), if anywhere.
        export_folder: Option<String>,
        /// With `--debug-timing`: from start to a complete first screen.
        load: Option<Duration>,
    },
    /// The terminal's layout changed: rows visible per column, and how far the help can
    /// scroll at this size.
    Layout { rows: usize, help_max_scroll: u16 },
    /// A frame was drawn in this time (shown with `--debug-timing`).
    Drawn(Duration),
    /// Matches from a filter job on the worker.
    FilterChunk(ListKind, FilterChunk),
    /// The Connections tab's search index, built after the first frame.
    SearchReady(SearchIndex),
    /// The Connections tab's name and company orders, computed after the first frame.
    SortsReady(Vec<(&'static str, Order)>),
    /// The thread building the index and the orders is gone (a bug).
    IndexingFailed,
    /// The History tab's lists, built after the first frame.
    HistoryReady(Box<super::history_screen::HistoryLists>),
    /// The thread building the History tab's lists is gone (a bug).
    HistoryFailed,
    /// The writer finished a job.
    Written(Written),
    /// The writer thread is gone (a bug).
    WriterStopped,
    /// The export prompt's path, completed from the folder it names.
    PathCompleted {
        input: String,
        candidates: Vec<String>,
    },
    /// The file an export would write exists: ask before replacing it.
    ExportExists { kind: ListKind, path: PathBuf },
    /// The export prompt's path cannot name the file to write.
    ExportRefused { path: PathBuf, why: ExportRefusal },
    /// An export was handed to the writer.
    Exporting { count: usize, path: PathBuf },
    /// A URL was handed to the browser, or could not be.
    Opened { url: String, outcome: OpenOutcome },
    /// A batch of URLs was handed to the browser: how each went, in order; those after
    /// a failure were not tried.
    OpenedAll(Vec<(String, OpenOutcome)>),
    /// Text was put on the clipboard, or could not be.
    Copied {
        text: String,
        /// What to say on success (worded by the app when it asked).
        message: String,
        error: Option<String>,
    },
    /// The user quit while the writer still has work: it is finished first.
    SavingBeforeQuit,
}

/// Why the export prompt's path cannot be written to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportRefusal {
    /// The folder it names (`path`) does not exist.
    NoFolder,
    /// It names a folder (`path`), and a folder is not a file.
    IsFolder,
}

/// How handing a URL to the browser went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenOutcome {
    Opened,
    /// No browser could be started (the error); the URL is on the clipboard instead.
    OnClipboard(String),
    /// No browser could be started, and the clipboard failed too.
    Failed(String),
    /// Not a link the opener may be given (not LinkedIn's https pages, nor a checked
    /// `mailto:`): why.
    Refused(String),
}

impl App {
    /// Hands the app one event. Returns the effects to carry out, in order.
    pub fn handle(&mut self, event: Event) -> Vec<Effect> {
        let mut effects = self.handle_event(event);
        // A History list rebuilt by this event may need its filter run as a job.
        let jobs = std::mem::take(&mut self.history.jobs);
        effects.extend(
            jobs.into_iter()
                .map(|(kind, job)| Effect::Filter(kind, job)),
        );
        effects
    }

    fn handle_event(&mut self, event: Event) -> Vec<Effect> {
        match event {
            Event::Action(action) => return self.update(action),
            Event::Paste(text) => return self.paste(&text),
            Event::ViewRead(Ok(Some(view))) => return self.restore_view(&view),
            Event::ViewRead(Ok(None)) => {}
            Event::ViewRead(Err(error)) => self.view_not_read(&error),
            Event::Started {
                export_folder,
                load,
            } => {
                self.export_folder = export_folder;
                self.timing = load.map(|load| Timing {
                    load,
                    ..Timing::default()
                });
            }
            Event::Layout {
                rows,
                help_max_scroll,
            } => {
                self.set_viewport(rows);
                self.help_max_scroll = help_max_scroll;
            }
            Event::Drawn(took) => {
                if let Some(timing) = &mut self.timing {
                    timing.frame = Some(took);
                }
            }
            Event::FilterChunk(kind, chunk) => self.filter_results(kind, chunk),
            Event::SearchReady(search) => return self.search_ready(search),
            Event::SortsReady(sorts) => return self.sorts_ready(sorts),
            Event::IndexingFailed => self.error(strings::INDEXING_FAILED),
            Event::HistoryReady(lists) => self.history_ready(*lists),
            Event::HistoryFailed => self.error(strings::HISTORY_FAILED),
            Event::Written(written) => return self.written(written),
            Event::WriterStopped => self.writer_stopped(),
            Event::PathCompleted { input, candidates } => self.path_completed(input, &candidates),
            Event::ExportExists { kind, path } => self.ask_overwrite(kind, path),
            Event::ExportRefused { path, why } => self.warn(strings::export_refused(&path, why)),
            Event::Exporting { count, path } => {
                // The path was taken: the prompt kept open for a refusal closes.
                if matches!(self.mode, Mode::Prompt { .. }) {
                    self.mode = Mode::Browse;
                }
                self.info(strings::exporting(count, &path));
            }
            Event::Opened { url, outcome } => {
                let started = outcome == OpenOutcome::Opened;
                match outcome {
                    OpenOutcome::Opened => self.info(strings::opened(&url)),
                    OpenOutcome::OnClipboard(error) => {
                        self.warn(strings::no_browser_url_copied(&error, &url));
                    }
                    OpenOutcome::Failed(error) => self.error(strings::no_browser(&error, &url)),
                    OpenOutcome::Refused(why) => self.warn(why),
                }
                return self.open_reported(&url, started);
            }
            Event::OpenedAll(outcomes) => return self.batch_reported(outcomes),
            Event::Copied {
                text,
                message,
                error,
            } => match error {
                None => self.info(message),
                Some(error) => self.error(strings::not_copied(&error, &text)),
            },
            Event::SavingBeforeQuit => self.info(strings::SAVING_BEFORE_QUIT),
        }
        Vec::new()
    }
}
