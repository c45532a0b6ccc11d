//! The status line: what was just said, and which tab said it. A message belongs to the
//! tab whose action made it; the opening summary and errors belong to every tab.

use super::action::Tab;
use super::state::App;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusKind {
    Info,
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub kind: StatusKind,
}

impl App {
    /// The status line, if anything is said.
    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }

    pub(super) fn info(&mut self, text: impl Into<String>) {
        self.set_status(StatusKind::Info, text);
    }

    pub(super) fn warn(&mut self, text: impl Into<String>) {
        self.set_status(StatusKind::Warning, text);
    }

    pub(super) fn error(&mut self, text: impl Into<String>) {
        self.set_status(StatusKind::Error, text);
    }

    /// A message of the tab shown; an error (a write or a worker that failed) concerns
    /// the user's data wherever they are, so it stays on every tab.
    fn set_status(&mut self, kind: StatusKind, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            kind,
        });
        self.status_tab = (kind != StatusKind::Error).then_some(self.tab);
        self.status_filter = None;
    }

    /// A message about the result of the filter `filter`, dropped once it is edited.
    pub(super) fn say_about_filter(&mut self, kind: StatusKind, text: String, filter: &str) {
        self.set_status(kind, text);
        self.status_filter = Some(filter.to_owned());
    }

    /// The filter is now `filter`: a message about another filter's result goes.
    pub(super) fn filter_edited(&mut self, filter: &str) {
        if self.status_filter.as_deref().is_some_and(|f| f != filter) {
            self.status = None;
            self.status_tab = None;
            self.status_filter = None;
        }
    }

    /// A message about the whole session (what was loaded), shown on every tab until
    /// another replaces it.
    pub(super) fn say_everywhere(&mut self, kind: StatusKind, text: impl Into<String>) {
        self.set_status(kind, text);
        self.status_tab = None;
    }

    /// Switching to `tab`: a message describes what was just done on its own tab, so it
    /// goes when the user leaves, and is not brought back on return, where it would read
    /// as news.
    pub(super) fn leave_status_for(&mut self, tab: Tab) {
        if self.status_tab.is_some_and(|t| t != tab) {
            self.status = None;
            self.status_tab = None;
        }
    }
}
