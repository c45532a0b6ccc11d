//! The app's state: the triaged lists, the current tab and mode, the status line. No
//! terminal and no files: the runtime carries out the effects `update` returns.

use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDate;

use super::action::Tab;
use super::confirm::ConfirmDialog;
use super::effect::Effect;
use super::history_screen::{HistoryList, HistoryScreen, OpenTarget};
use super::keymap::{Context, Keymap};
use super::list::{
    CONNECTIONS, ConnectionsList, INVITATIONS, Invitations, InvitationsList, Items, ListKind,
    TriageList,
};
use super::status::{Status, StatusKind};
use super::strings;
use crate::model::history::History;
use crate::model::pending::Pending;
use crate::model::signals::Signals;
use crate::model::triage::{Side, Triage};
use crate::model::{InvitationRules, People};

/// Which overlay or text field has the keyboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Browse,
    /// Typing the focused column's filter.
    Filter,
    Confirm(ConfirmDialog),
    /// The export path prompt.
    Prompt {
        input: String,
    },
    /// The sort menu (`s`), this column of [`App::sort_menu`] highlighted.
    SortMenu {
        selected: usize,
    },
    /// The `?` overlay, scrolled down this many lines.
    Help {
        scroll: u16,
    },
}

/// Whether the note that a profile visit shows was given in the data folder before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrivacyNote {
    NotYet,
    SaidBefore,
}

/// The last measured times, shown with `--debug-timing`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Timing {
    /// From start to a complete first screen.
    pub load: Duration,
    pub filter: Option<Duration>,
    pub frame: Option<Duration>,
}

pub struct App {
    pub(super) tab: Tab,
    pub(super) mode: Mode,
    pub(super) keymap: Arc<Keymap>,
    pub(super) status: Option<Status>,
    /// The tab whose action made the status message; `None`: it concerns every tab (the
    /// opening summary, a failed write).
    pub(super) status_tab: Option<Tab>,
    /// The filter text the status message describes the result of (the Timeline's days):
    /// once the filter is edited, the message would describe a result no longer shown.
    pub(super) status_filter: Option<String>,
    /// Shown under the Invitations tab when there is no Invitations.csv.
    pub(super) invitations_note: String,
    pub(super) today: NaiveDate,
    /// Set with `--debug-timing`.
    pub(super) timing: Option<Timing>,
    /// A removal (or withdrawal) is being journaled: until it is on disk, the lists
    /// do not change under it.
    pub(super) journaling: bool,
    /// Lists whose last staged save failed: what the disk holds is older than the screen.
    pub(super) unsaved: Vec<ListKind>,
    /// The last save of the keep list failed.
    pub(super) kept_unsaved: bool,
    /// The writer thread stopped and the user has been told.
    pub(super) writer_stopped_reported: bool,
    /// How far the help can scroll at the current size (set from the layout).
    pub(super) help_max_scroll: u16,
    /// Where the export prompt proposes to write, as the user writes it (`~/Downloads`).
    pub(super) export_folder: Option<String>,
    /// The Connections tab.
    pub(super) connections: ConnectionsList,
    /// The Invitations tab's list: none when the export has no Invitations.csv.
    pub(super) invitations: Option<InvitationsList>,
    /// The History tab.
    pub(super) history: HistoryScreen,
    /// The Timeline tab's data and cursor, built the first time it is shown.
    pub(super) timeline: Option<super::timeline::Timeline>,
    /// Messages, endorsements and recommendations per connection; none for a Basic export.
    pub(super) signals: Option<Arc<Signals>>,
    /// What the export's signals amount to, until said (see `with_signals`).
    pub(super) signals_note: Option<String>,
    /// The cursor of the filter or export path being typed, and earlier filters.
    pub(super) line: super::line::LineEditor,
    /// The Timeline's zoom before the tab is first shown (a remembered view).
    pub(super) timeline_zoom: crate::model::timeline::Granularity,
    /// How far the open confirm dialog's list of names is scrolled.
    pub(super) confirm_scroll: usize,
    /// Whether the profile-visit note was given in this data folder in an earlier session.
    pub(super) privacy_note: PrivacyNote,
    /// Who is new since the export opened last time, for the Timeline to mark.
    pub(super) new_since: Option<std::sync::Arc<super::timeline::NewSince>>,
    /// Cursors of a remembered view waiting for the History's records (list, identity).
    pub(super) cursors_waiting: Vec<(ListKind, String)>,
    /// Connections per name, counted the first time a dialog names someone.
    pub(super) name_counts: std::sync::OnceLock<super::namesakes::NameCounts>,
}

impl App {
    pub fn new(people: impl Into<Arc<People>>, triage: Triage, today: NaiveDate) -> Self {
        App {
            tab: Tab::Connections,
            mode: Mode::Browse,
            keymap: Arc::new(Keymap::default()),
            status: None,
            status_tab: None,
            status_filter: None,
            invitations_note: String::new(),
            today,
            timing: None,
            journaling: false,
            unsaved: Vec::new(),
            kept_unsaved: false,
            writer_stopped_reported: false,
            help_max_scroll: u16::MAX,
            export_folder: None,
            connections: TriageList {
                spec: &CONNECTIONS,
                items: people.into(),
                triage,
            },
            invitations: None,
            history: HistoryScreen::new(History::default(), today),
            timeline: None,
            signals: None,
            signals_note: None,
            line: super::line::LineEditor::default(),
            timeline_zoom: crate::model::timeline::Granularity::Month,
            confirm_scroll: 0,
            privacy_note: PrivacyNote::NotYet,
            new_since: None,
            cursors_waiting: Vec::new(),
            name_counts: std::sync::OnceLock::new(),
        }
    }

    /// Adds the Invitations tab's list.
    pub fn with_invitations(
        mut self,
        pending: Pending,
        triage: Triage,
        rules: InvitationRules,
    ) -> Self {
        self.invitations = Some(TriageList {
            spec: &INVITATIONS,
            items: Invitations { pending, rules },
            triage,
        });
        self
    }

    pub fn with_keymap(mut self, keymap: Arc<Keymap>) -> Self {
        self.keymap = keymap;
        self
    }

    /// Said under the History tab's list: where the journal is.
    pub fn with_history_note(mut self, note: String) -> Self {
        self.history.note = note;
        self
    }

    /// What the History tab's work-through opens.
    pub fn with_open_target(mut self, target: OpenTarget) -> Self {
        self.history.open_target = target;
        // No profile is visited: the note that tells how to avoid visits has no place.
        if target == OpenTarget::ConnectionsPage {
            self.history.privacy_said = true;
        }
        self
    }

    /// Said under the Invitations tab when the export has no Invitations.csv.
    pub fn with_invitations_note(mut self, note: String) -> Self {
        self.invitations_note = note;
        self
    }

    pub fn tab(&self) -> Tab {
        self.tab
    }

    /// Which overlay or text field has the keyboard.
    /// Where the cursor of the filter or export path being typed is, in characters.
    pub fn line_cursor(&self) -> usize {
        self.line.cursor()
    }

    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// Said under the Invitations tab when there is no Invitations.csv.
    pub fn invitations_note(&self) -> &str {
        &self.invitations_note
    }

    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// The last measured times, with `--debug-timing`.
    pub fn timing(&self) -> Option<Timing> {
        self.timing
    }

    /// Whether a removal (or withdrawal) is being journaled: keys wait until it is.
    pub fn is_journaling(&self) -> bool {
        self.journaling
    }

    /// The Timeline tab, once shown.
    pub fn timeline(&self) -> Option<&super::timeline::Timeline> {
        self.timeline.as_ref()
    }

    /// The export's signals; none for a Basic export.
    pub fn signals(&self) -> Option<&Signals> {
        self.signals.as_deref()
    }

    /// What the export's signals amount to, until first said.
    pub fn signals_note(&self) -> Option<&str> {
        self.signals_note.as_deref()
    }

    /// Which keymap context has the keyboard: the tab's own in the rows, else the
    /// overlay's.
    pub fn context(&self) -> Context {
        match self.mode {
            Mode::Browse => self.screen_context(),
            Mode::Filter => Context::Filter,
            Mode::Confirm(_) => Context::Confirm,
            Mode::Prompt { .. } => Context::Prompt,
            Mode::Help { .. } => Context::Help,
            Mode::SortMenu { .. } => Context::Sort,
        }
    }

    /// The current tab's own key context.
    pub fn screen_context(&self) -> Context {
        Context::Screen(self.tab.keys())
    }

    /// Switches to a tab; the Timeline is built the first time it is shown.
    pub(super) fn show(&mut self, tab: Tab) {
        self.leave_status_for(tab);
        self.tab = tab;
        if tab == Tab::Timeline {
            self.timeline_mut();
        }
    }

    /// Hands the tab its own actions; `None` for those every list shares (cursor, marks,
    /// filter, sort), and for the two-column tabs, whose actions are those.
    pub(super) fn screen_action(&mut self, action: super::action::Action) -> Option<Vec<Effect>> {
        match self.tab {
            Tab::Connections | Tab::Invitations => None,
            Tab::History => self.history_action(action),
            Tab::Timeline => Some(self.timeline_action(action)),
        }
    }

    /// The Connections tab's list, always there.
    pub fn connections(&self) -> &ConnectionsList {
        &self.connections
    }

    /// The Invitations tab's list, when the export has one.
    pub fn invitations(&self) -> Option<&InvitationsList> {
        self.invitations.as_ref()
    }

    /// The History tab.
    pub fn history(&self) -> &HistoryScreen {
        &self.history
    }

    /// A History list, for `Removed` and `Withdrawn`.
    pub fn history_list(&self, kind: ListKind) -> Option<&HistoryList> {
        kind.history_kind().map(|k| self.history.list(k))
    }

    /// The kind of list the current tab shows, if it shows one.
    pub fn list(&self) -> Option<ListKind> {
        match self.tab {
            Tab::Connections => Some(ListKind::Connections),
            Tab::Invitations => self.invitations.as_ref().map(TriageList::kind),
            Tab::History => Some(self.history.current().kind()),
            Tab::Timeline => None,
        }
    }

    /// The kind of two-column list the current tab triages, if it triages one.
    pub fn triage_list(&self) -> Option<ListKind> {
        self.list().filter(|k| k.spec().is_some())
    }

    /// The connections of the export, shared with the sorting and saving threads.
    pub fn people(&self) -> &Arc<People> {
        &self.connections.items
    }

    /// The rows and columns of a list, if the export has it.
    pub fn triage_of(&self, kind: ListKind) -> Option<&Triage> {
        match kind {
            ListKind::Connections => Some(&self.connections.triage),
            ListKind::Invitations => self.invitations.as_ref().map(|l| &l.triage),
            ListKind::Removed | ListKind::Withdrawn => self.history_list(kind).map(|l| &l.triage),
        }
    }

    pub(super) fn triage_mut(&mut self, kind: ListKind) -> Option<&mut Triage> {
        match kind {
            ListKind::Connections => Some(&mut self.connections.triage),
            ListKind::Invitations => self.invitations.as_mut().map(|l| &mut l.triage),
            ListKind::Removed | ListKind::Withdrawn => kind
                .history_kind()
                .map(|k| &mut self.history.list_mut(k).triage),
        }
    }

    /// What saying yes to a list's dialog means.
    pub fn consequence(&self, kind: ListKind) -> String {
        match kind {
            ListKind::Connections => self.connections.items.consequence(self.today),
            ListKind::Invitations => self
                .invitations
                .as_ref()
                .map(|l| l.items.consequence(self.today))
                .unwrap_or_default(),
            // A restore's words depend on whom it restores: `restore_words`.
            ListKind::Removed | ListKind::Withdrawn => String::new(),
        }
    }

    /// Staged connections (the Connections tab's right column).
    pub fn staged_count(&self) -> usize {
        self.staged_in(ListKind::Connections)
    }

    pub fn staged_in(&self, kind: ListKind) -> usize {
        self.triage_of(kind)
            .map_or(0, |t| t.column(Side::Right).total())
    }

    /// Display name of an item of a list.
    pub fn item_name(&self, kind: ListKind, id: u32) -> String {
        match kind {
            ListKind::Connections => self.connections.items.name(id),
            ListKind::Invitations => self
                .invitations
                .as_ref()
                .map(|l| l.items.name(id))
                .unwrap_or_default(),
            ListKind::Removed | ListKind::Withdrawn => self
                .history_list(kind)
                .map(|l| l.records[id as usize].name())
                .unwrap_or_default(),
        }
    }

    pub(super) fn item_url(&self, kind: ListKind, id: u32) -> String {
        match kind {
            ListKind::Connections => self.connections.items.url(id),
            ListKind::Invitations => self
                .invitations
                .as_ref()
                .map(|l| l.items.url(id))
                .unwrap_or_default(),
            ListKind::Removed | ListKind::Withdrawn => self
                .history_list(kind)
                .map(|l| l.records[id as usize].url().to_owned())
                .unwrap_or_default(),
        }
    }

    /// Rows visible in a column, from the last layout: paging and scrolling use it.
    pub(super) fn set_viewport(&mut self, rows: usize) {
        for kind in ListKind::ALL {
            if let Some(triage) = self.triage_mut(kind) {
                triage.set_viewport(rows);
            }
        }
    }

    /// Whether a filter job is still running: the event loop then checks for its
    /// results often instead of sleeping.
    pub fn is_filtering(&self) -> bool {
        ListKind::ALL
            .iter()
            .filter_map(|&k| self.triage_of(k))
            .any(|t| {
                [Side::Left, Side::Right]
                    .iter()
                    .any(|&s| t.column(s).is_matching())
            })
    }

    /// Whether the staged list of `kind` is on disk as the screen shows it.
    pub fn is_saved(&self, kind: ListKind) -> bool {
        !self.unsaved.contains(&kind)
    }

    pub(super) fn set_saved(&mut self, kind: ListKind, saved: bool) {
        self.unsaved.retain(|&k| k != kind);
        if !saved {
            self.unsaved.push(kind);
        }
    }
}

impl App {
    /// The app on a freshly loaded session, with the user's keymap.
    pub fn open(loaded: crate::session::Loaded, keymap: Arc<Keymap>) -> App {
        let crate::session::Loaded {
            people,
            mut triage,
            kept,
            invitations,
            report,
            today,
            history,
            signals,
        } = loaded;
        triage.set_kept(&kept, true);
        let signals_note = strings::signals_note(signals.as_deref());
        let mut app = App::new(people, triage, today)
            .with_keymap(keymap)
            .with_signals(signals, signals_note);
        if let Some(inv) = invitations {
            app = app.with_invitations(inv.pending, inv.triage, inv.rules);
        }
        app = app.with_history(history).with_new_since(&report.since);
        let (status, is_warning) = strings::opening_status(&report);
        let kind = if is_warning {
            StatusKind::Warning
        } else {
            StatusKind::Info
        };
        app.say_everywhere(kind, status);
        strings::NO_INVITATIONS.clone_into(&mut app.invitations_note);
        app.history.note = strings::history_note(&report);
        app
    }
}

impl App {
    /// The Connections list's triage, read-only: the runtime saves its keep list from it.
    pub fn triage(&self) -> &Triage {
        &self.connections.triage
    }
}
