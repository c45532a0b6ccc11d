//! The app's state and `update`: actions in, state changes and effects out. Pure: the
//! effects (saving, journaling, exporting, opening a browser) are carried out by `run`.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;

use super::action::{Action, Tab};
use super::keymap::Context;
use super::writer::Written;
use crate::model::filter::{FilterChunk, FilterJob};
use crate::model::pending::Pending;
use crate::model::roster::Order;
use crate::model::triage::{Moved, Place, Side, Triage};
use crate::model::{InvitationRules, People, PersonId};

/// The two lists triaged the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListKind {
    Connections,
    Invitations,
}

impl ListKind {
    pub fn titles(self) -> [&'static str; 2] {
        match self {
            ListKind::Connections => ["Connections", "To remove"],
            ListKind::Invitations => ["Pending", "To withdraw"],
        }
    }

    /// The button and dialog verb.
    pub fn verb(self) -> &'static str {
        match self {
            ListKind::Connections => "Remove",
            ListKind::Invitations => "Withdraw",
        }
    }

    pub fn done(self) -> &'static str {
        match self {
            ListKind::Connections => "Removed",
            ListKind::Invitations => "Withdrew",
        }
    }

    pub fn noun(self, n: usize) -> &'static str {
        match (self, n) {
            (ListKind::Connections, 1) => "connection",
            (ListKind::Connections, _) => "connections",
            (ListKind::Invitations, 1) => "invitation",
            (ListKind::Invitations, _) => "invitations",
        }
    }

    /// Name of its staged-set file in the data folder.
    pub fn file_name(self) -> &'static str {
        match self {
            ListKind::Connections => "connections",
            ListKind::Invitations => "invitations",
        }
    }
}

/// Which overlay or text field has the keyboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Browse,
    /// Typing the focused column's filter.
    Filter,
    /// The confirm dialog; `remove_focused` is false at first (Cancel is focused).
    Confirm {
        remove_focused: bool,
    },
    /// The export path prompt.
    Prompt {
        input: String,
    },
    Help,
}

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

/// Work `update` asks the runtime to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// A right column changed: persist it before anything else happens.
    SaveStaged(ListKind),
    /// Journal these as removed (or withdrawn), durably; then call [`App::confirmed`].
    Confirm(ListKind, Vec<u32>),
    /// Write a right column to this CSV file.
    Export(ListKind, PathBuf),
    OpenUrl(String),
    /// Run this filter on the worker and hand its chunks to [`App::filter_results`].
    Filter(ListKind, FilterJob),
    Quit,
}

/// The Invitations tab's data, when the export has an Invitations.csv.
pub struct InvitationsList {
    pub pending: Pending,
    pub triage: Triage,
    pub rules: InvitationRules,
}

/// The last measured times, shown with `--debug-timing`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Timing {
    /// From start to a complete first screen.
    pub load: std::time::Duration,
    pub filter: Option<std::time::Duration>,
    pub frame: Option<std::time::Duration>,
}

pub struct App {
    pub tab: Tab,
    pub mode: Mode,
    /// Shared with the thread that computes the later sort orders.
    pub people: Arc<People>,
    /// The Connections tab.
    pub triage: Triage,
    pub invitations: Option<InvitationsList>,
    pub status: Option<Status>,
    /// Shown under the Invitations tab when there is no Invitations.csv.
    pub invitations_note: String,
    pub today: NaiveDate,
    /// Shown under the History tab until it is filled.
    pub history_note: String,
    pub running: bool,
    /// Set with `--debug-timing`.
    pub timing: Option<Timing>,
    /// A removal (or withdrawal) is being journaled: until it is on disk, the lists
    /// do not change under it.
    pub journaling: bool,
    /// The writer thread stopped and the user has been told.
    pub writer_stopped_reported: bool,
}

impl App {
    pub fn new(people: impl Into<Arc<People>>, triage: Triage, today: NaiveDate) -> Self {
        App {
            tab: Tab::Connections,
            mode: Mode::Browse,
            people: people.into(),
            triage,
            invitations: None,
            status: None,
            invitations_note: String::new(),
            today,
            history_note: String::new(),
            running: true,
            timing: None,
            journaling: false,
            writer_stopped_reported: false,
        }
    }

    pub fn context(&self) -> Context {
        match self.mode {
            Mode::Browse => Context::Browse,
            Mode::Filter => Context::Filter,
            Mode::Confirm { .. } => Context::Confirm,
            Mode::Prompt { .. } => Context::Prompt,
            Mode::Help => Context::Help,
        }
    }

    /// The list the current tab triages, if it has one.
    pub fn list(&self) -> Option<ListKind> {
        match self.tab {
            Tab::Connections => Some(ListKind::Connections),
            Tab::Invitations if self.invitations.is_some() => Some(ListKind::Invitations),
            _ => None,
        }
    }

    pub fn triage_of(&self, kind: ListKind) -> &Triage {
        match (kind, &self.invitations) {
            (ListKind::Invitations, Some(inv)) => &inv.triage,
            _ => &self.triage,
        }
    }

    fn triage_mut(&mut self, kind: ListKind) -> &mut Triage {
        match (kind, &mut self.invitations) {
            (ListKind::Invitations, Some(inv)) => &mut inv.triage,
            _ => &mut self.triage,
        }
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.set_status(StatusKind::Info, text);
    }

    pub fn warn(&mut self, text: impl Into<String>) {
        self.set_status(StatusKind::Warning, text);
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.set_status(StatusKind::Error, text);
    }

    fn set_status(&mut self, kind: StatusKind, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            kind,
        });
    }

    /// Staged connections (the Connections tab's right column).
    pub fn staged_count(&self) -> usize {
        self.staged_in(ListKind::Connections)
    }

    pub fn staged_in(&self, kind: ListKind) -> usize {
        self.triage_of(kind).column(Side::Right).total()
    }

    pub fn person(&self, id: u32) -> crate::model::people::PersonRef<'_> {
        self.people.get(PersonId(id))
    }

    /// Display name of an item of a list.
    pub fn item_name(&self, kind: ListKind, id: u32) -> String {
        match (kind, &self.invitations) {
            (ListKind::Invitations, Some(inv)) => inv.pending.items[id as usize].to.clone(),
            _ => self.person(id).full_name(),
        }
    }

    fn item_url(&self, kind: ListKind, id: u32) -> String {
        match (kind, &self.invitations) {
            (ListKind::Invitations, Some(inv)) => {
                inv.pending.items[id as usize].invitee_url.clone()
            }
            _ => self.person(id).url.to_string(),
        }
    }

    /// The re-invite date the withdraw dialog promises.
    pub fn may_reinvite_after(&self) -> Option<NaiveDate> {
        self.invitations
            .as_ref()
            .map(|inv| inv.rules.may_reinvite_after(self.today))
    }

    /// Applies one action. Returns the effects to carry out, in order.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        if self.journaling && action != Action::Quit {
            return Vec::new();
        }
        match self.mode.clone() {
            Mode::Browse => self.browse(action),
            Mode::Filter => self.filter(action),
            Mode::Confirm { remove_focused } => self.confirm(action, remove_focused),
            Mode::Prompt { input } => self.prompt(action, input),
            Mode::Help => {
                if action == Action::ToggleHelp {
                    self.mode = Mode::Browse;
                }
                Vec::new()
            }
        }
    }

    fn browse(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::SwitchTab(tab) => {
                self.tab = tab;
                return Vec::new();
            }
            Action::ToggleHelp => {
                self.mode = Mode::Help;
                return Vec::new();
            }
            Action::Quit => {
                self.running = false;
                return vec![Effect::Quit];
            }
            _ => {}
        }
        let Some(kind) = self.list() else {
            return Vec::new();
        };
        let triage = self.triage_mut(kind);
        match action {
            Action::Up => triage.move_cursor(-1),
            Action::Down => triage.move_cursor(1),
            Action::PageUp => triage.page(-1),
            Action::PageDown => triage.page(1),
            Action::Top => triage.cursor_to_start(),
            Action::Bottom => triage.cursor_to_end(),
            Action::SwitchColumn => triage.toggle_focus(),
            Action::ToggleMark => triage.toggle_mark(),
            Action::InvertMarks => {
                triage.invert_marks();
                let marked = triage.column(triage.focus()).marked();
                self.info(format!("{marked} marked"));
            }
            Action::MoveSelection => return self.moved(kind, |t| t.move_selection()),
            Action::MoveRight if triage.focus() == Side::Left => {
                return self.moved(kind, |t| t.move_selection());
            }
            Action::MoveLeft if triage.focus() == Side::Right => {
                return self.moved(kind, |t| t.move_selection());
            }
            Action::MoveAllShown => return self.moved(kind, |t| t.move_all_shown()),
            Action::ClickRow { side, row } => return self.moved(kind, |t| t.move_row(side, row)),
            Action::Scroll { side, delta } => triage.scroll(side, delta),
            Action::StartFilter => self.mode = Mode::Filter,
            Action::CycleSort => {
                let side = triage.focus();
                let job = triage.cycle_sort(side);
                let name = triage.sort_name(side);
                self.info(format!("Sorted by {name}"));
                return job.map(|j| Effect::Filter(kind, j)).into_iter().collect();
            }
            Action::Undo => match triage.undo() {
                Some((n, to)) => {
                    self.info(format!("Undone: {n} back to {}", kind.titles()[to.index()]));
                    return vec![Effect::SaveStaged(kind)];
                }
                None => self.info("Nothing to undo"),
            },
            Action::Redo => match triage.redo() {
                Some((n, to)) => {
                    self.info(format!("Redone: {n} to {}", kind.titles()[to.index()]));
                    return vec![Effect::SaveStaged(kind)];
                }
                None => self.info("Nothing to redo"),
            },
            Action::AskRemove | Action::AskWithdraw | Action::ClickRemoveButton => {
                self.ask_confirm(kind, action)
            }
            Action::AskExport => {
                if self.staged_in(kind) == 0 {
                    self.warn("Nobody to export: the right column is empty");
                } else {
                    let what = match kind {
                        ListKind::Connections => "staged",
                        ListKind::Invitations => "to-withdraw",
                    };
                    let input = format!("unconnect-{what}-{}.csv", self.today.format("%Y-%m-%d"));
                    self.mode = Mode::Prompt { input };
                }
            }
            Action::OpenProfile => {
                let side = triage.focus();
                match triage.column(side).current() {
                    Some(id) if !self.item_url(kind, id).is_empty() => {
                        return vec![Effect::OpenUrl(self.item_url(kind, id))];
                    }
                    Some(_) => self.warn("This export has no profile URL for this row"),
                    None => {}
                }
            }
            _ => {}
        }
        Vec::new()
    }

    fn ask_confirm(&mut self, kind: ListKind, action: Action) {
        let expected = match kind {
            ListKind::Connections => Action::AskRemove,
            ListKind::Invitations => Action::AskWithdraw,
        };
        if action != expected && action != Action::ClickRemoveButton {
            let key = if kind == ListKind::Connections {
                "R"
            } else {
                "W"
            };
            self.warn(format!(
                "On this tab, {key} opens the {} dialog",
                kind.verb()
            ));
        } else if self.staged_in(kind) == 0 {
            self.warn(format!(
                "Nobody to {}: move rows to the right column first",
                kind.verb().to_lowercase()
            ));
        } else {
            self.mode = Mode::Confirm {
                remove_focused: false,
            };
        }
    }

    fn moved(&mut self, kind: ListKind, f: impl FnOnce(&mut Triage) -> Moved) -> Vec<Effect> {
        let moved = f(self.triage_mut(kind));
        let to = kind.titles()[moved.to.index()];
        match moved.refused {
            Some((n, reason)) if moved.count > 0 => {
                self.warn(format!(
                    "Moved {} to {to}; {n} cannot be moved: {reason}",
                    moved.count
                ));
            }
            Some((n, reason)) => self.warn(format!("{n} cannot be moved: {reason}")),
            None if moved.count > 0 => self.info(format!("Moved {} to {to}", moved.count)),
            None => {}
        }
        if moved.count > 0 {
            vec![Effect::SaveStaged(kind)]
        } else {
            Vec::new()
        }
    }

    fn filter(&mut self, action: Action) -> Vec<Effect> {
        let Some(kind) = self.list() else {
            self.mode = Mode::Browse;
            return Vec::new();
        };
        let side = self.triage_of(kind).focus();
        let mut text = self.triage_of(kind).column(side).filter.clone();
        match action {
            Action::Input(c) => text.push(c),
            Action::Backspace => {
                text.pop();
            }
            Action::Submit => {
                self.mode = Mode::Browse;
                return Vec::new();
            }
            Action::Cancel => {
                text.clear();
                self.mode = Mode::Browse;
            }
            Action::Up | Action::Down => {
                let delta = if action == Action::Up { -1 } else { 1 };
                self.triage_mut(kind).move_cursor(delta);
                return Vec::new();
            }
            // Mouse still works while typing.
            Action::ClickRow { .. } | Action::Scroll { .. } => return self.browse(action),
            _ => return Vec::new(),
        }
        let start = std::time::Instant::now();
        let job = self.triage_mut(kind).set_filter(side, &text);
        match job {
            // Typing never waits on a large list: the worker matches, chunks stream in.
            Some(job) => vec![Effect::Filter(kind, job)],
            None => {
                if let Some(timing) = &mut self.timing {
                    timing.filter = Some(start.elapsed());
                }
                Vec::new()
            }
        }
    }

    /// Matches from a filter job on the worker. Returns whether the screen changed.
    pub fn filter_results(&mut self, kind: ListKind, chunk: FilterChunk) -> bool {
        let done = chunk.done;
        let accepted = self.triage_mut(kind).accept(chunk);
        if accepted && let (Some(timing), Some(took)) = (&mut self.timing, done) {
            timing.filter = Some(took);
        }
        accepted
    }

    /// The Connections tab's name and company orders, computed after the first frame.
    /// Returns the filter jobs of columns that were waiting for them.
    pub fn sorts_ready(&mut self, sorts: Vec<(&'static str, Order)>) -> Vec<Effect> {
        let mut effects = Vec::new();
        for (name, order) in sorts {
            let jobs = self.triage.sort_ready(name, order);
            effects.extend(
                jobs.into_iter()
                    .map(|j| Effect::Filter(ListKind::Connections, j)),
            );
        }
        effects
    }

    /// Whether a filter job is still running: the event loop then checks for its
    /// results often instead of sleeping.
    pub fn is_filtering(&self) -> bool {
        let busy = |t: &Triage| {
            [Side::Left, Side::Right]
                .iter()
                .any(|&s| t.column(s).is_matching())
        };
        busy(&self.triage) || self.invitations.as_ref().is_some_and(|i| busy(&i.triage))
    }

    fn confirm(&mut self, action: Action, remove_focused: bool) -> Vec<Effect> {
        let press = match action {
            Action::Confirm | Action::ClickConfirmButton => true,
            Action::Cancel | Action::ClickCancelButton => false,
            Action::PressButton => remove_focused,
            Action::NextButton => {
                self.mode = Mode::Confirm {
                    remove_focused: !remove_focused,
                };
                return Vec::new();
            }
            _ => return Vec::new(),
        };
        self.mode = Mode::Browse;
        let Some(kind) = self.list() else {
            return Vec::new();
        };
        if !press {
            self.info(format!(
                "Cancelled: nothing was {}",
                kind.done().to_lowercase()
            ));
            return Vec::new();
        }
        let ids: Vec<u32> = self.triage_of(kind).ids_in(Place::Right).collect();
        self.journaling = true;
        let verb = match kind {
            ListKind::Connections => "Removing",
            ListKind::Invitations => "Withdrawing",
        };
        self.info(format!("{verb} {}: writing the journal…", ids.len()));
        vec![Effect::Confirm(kind, ids)]
    }

    fn prompt(&mut self, action: Action, mut input: String) -> Vec<Effect> {
        match action {
            Action::Input(c) => input.push(c),
            Action::Backspace => {
                input.pop();
            }
            Action::Cancel => {
                self.mode = Mode::Browse;
                return Vec::new();
            }
            Action::Submit => {
                self.mode = Mode::Browse;
                let path = input.trim();
                if path.is_empty() {
                    self.warn("No file name given: nothing exported");
                    return Vec::new();
                }
                return match self.list() {
                    Some(kind) => vec![Effect::Export(kind, PathBuf::from(path))],
                    None => Vec::new(),
                };
            }
            _ => {}
        }
        self.mode = Mode::Prompt { input };
        Vec::new()
    }

    /// What the writer thread finished. Returns the effects that follow.
    pub fn written(&mut self, written: Written) -> Vec<Effect> {
        match written {
            Written::Exported {
                path,
                count,
                result: Ok(()),
            } => {
                self.info(format!(
                    "Exported {count} to {} (UTF-8 with BOM, opens cleanly in Excel)",
                    path.display()
                ));
                Vec::new()
            }
            Written::Exported {
                path,
                result: Err(e),
                ..
            } => {
                self.error(format!("Could not export to {}: {e}", path.display()));
                Vec::new()
            }
            Written::Staged(_, Ok(())) => Vec::new(),
            Written::Staged(_, Err(e)) => {
                self.error(format!("Could not save the staged list: {e}"));
                Vec::new()
            }
            Written::Confirmed(kind, ids, Ok(())) => {
                self.confirmed(kind, &ids);
                vec![Effect::SaveStaged(kind)]
            }
            Written::Confirmed(kind, _, Err(e)) => {
                self.journaling = false;
                self.error(format!(
                    "Nothing was {}: could not write the journal: {e}",
                    kind.done().to_lowercase()
                ));
                Vec::new()
            }
        }
    }

    /// The writer thread is gone (a bug): say so, and let the lists be used again. A
    /// removal in flight may or may not have reached the journal.
    pub fn writer_stopped(&mut self) {
        self.journaling = false;
        self.writer_stopped_reported = true;
        self.error(
            "Saving stopped unexpectedly (a bug: please report it). Changes from now on are \
             not saved; check `unconnect export removed` before removing anyone again.",
        );
    }

    /// The journal has the batch on disk: now the UI may say so.
    pub fn confirmed(&mut self, kind: ListKind, ids: &[u32]) {
        self.journaling = false;
        self.triage_mut(kind).confirm(ids);
        let n = ids.len();
        let text = match kind {
            ListKind::Connections => format!(
                "Removed {n} (recorded in the journal). LinkedIn has no API: remove them on each profile page too."
            ),
            ListKind::Invitations => format!(
                "Withdrew {n} (recorded in the journal). Withdraw them on LinkedIn too: My Network > Manage > Sent."
            ),
        };
        self.info(text);
    }
}
