//! The app's state and `update`: actions in, state changes and effects out. Pure: the
//! effects (saving, journaling, exporting, opening a browser) are carried out by `run`.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::action::{Action, Tab};
use super::keymap::Context;
use crate::model::People;
use crate::model::PersonId;
use crate::model::triage::{Moved, Place, Side, Triage};

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
    /// The right column changed: persist it before anything else happens.
    SaveStaged,
    /// Journal these people as removed, durably; then call [`App::removal_done`].
    Remove(Vec<u32>),
    /// Write the right column to this CSV file.
    Export(PathBuf),
    OpenUrl(String),
    Quit,
}

pub struct App {
    pub tab: Tab,
    pub mode: Mode,
    pub people: People,
    pub triage: Triage,
    pub status: Option<Status>,
    /// Shown under the Invitations tab until it is filled.
    pub invitations_note: String,
    pub today: NaiveDate,
    /// Shown under the History tab until it is filled.
    pub history_note: String,
    pub running: bool,
}

impl App {
    pub fn new(people: People, triage: Triage, today: NaiveDate) -> Self {
        App {
            tab: Tab::Connections,
            mode: Mode::Browse,
            people,
            triage,
            status: None,
            invitations_note: String::new(),
            today,
            history_note: String::new(),
            running: true,
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

    pub fn staged_count(&self) -> usize {
        self.triage.column(Side::Right).total()
    }

    pub fn person(&self, id: u32) -> crate::model::people::PersonRef<'_> {
        self.people.get(PersonId(id))
    }

    /// Applies one action. Returns the effects to carry out, in order.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
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
            Action::SwitchTab(tab) => self.tab = tab,
            Action::ToggleHelp => self.mode = Mode::Help,
            Action::Quit => {
                self.running = false;
                return vec![Effect::Quit];
            }
            _ if self.tab != Tab::Connections => {}
            Action::Up => self.triage.move_cursor(-1),
            Action::Down => self.triage.move_cursor(1),
            Action::PageUp => self.triage.page(-1),
            Action::PageDown => self.triage.page(1),
            Action::Top => self.triage.cursor_to_start(),
            Action::Bottom => self.triage.cursor_to_end(),
            Action::SwitchColumn => self.triage.toggle_focus(),
            Action::ToggleMark => self.triage.toggle_mark(),
            Action::InvertMarks => {
                self.triage.invert_marks();
                let marked = self.triage.column(self.triage.focus()).marked();
                self.info(format!("{marked} marked"));
            }
            Action::MoveSelection => return self.moved(|t| t.move_selection()),
            Action::MoveRight if self.triage.focus() == Side::Left => {
                return self.moved(|t| t.move_selection());
            }
            Action::MoveLeft if self.triage.focus() == Side::Right => {
                return self.moved(|t| t.move_selection());
            }
            Action::MoveAllShown => return self.moved(|t| t.move_all_shown()),
            Action::ClickRow { side, row } => return self.moved(|t| t.move_row(side, row)),
            Action::Scroll { side, delta } => self.triage.scroll(side, delta),
            Action::StartFilter => self.mode = Mode::Filter,
            Action::CycleSort => {
                let side = self.triage.focus();
                self.triage.cycle_sort(side);
                self.info(format!("Sorted by {}", self.triage.sort_name(side)));
            }
            Action::Undo => match self.triage.undo() {
                Some((n, to)) => {
                    self.info(format!("Undone: {n} back to {}", column_name(to)));
                    return vec![Effect::SaveStaged];
                }
                None => self.info("Nothing to undo"),
            },
            Action::Redo => match self.triage.redo() {
                Some((n, to)) => {
                    self.info(format!("Redone: {n} to {}", column_name(to)));
                    return vec![Effect::SaveStaged];
                }
                None => self.info("Nothing to redo"),
            },
            Action::AskConfirm | Action::ClickRemoveButton => {
                if self.staged_count() == 0 {
                    self.warn("Nobody to remove: move people to the right column first");
                } else {
                    self.mode = Mode::Confirm {
                        remove_focused: false,
                    };
                }
            }
            Action::AskExport => {
                if self.staged_count() == 0 {
                    self.warn("Nobody to export: the right column is empty");
                } else {
                    let input = format!("unconnect-staged-{}.csv", self.today.format("%Y-%m-%d"));
                    self.mode = Mode::Prompt { input };
                }
            }
            Action::OpenProfile => {
                let side = self.triage.focus();
                match self.triage.column(side).current() {
                    Some(id) if !self.person(id).url.is_empty() => {
                        let url = self.person(id).url.to_owned();
                        return vec![Effect::OpenUrl(url)];
                    }
                    Some(_) => self.warn("This export has no profile URL for this person"),
                    None => {}
                }
            }
            _ => {}
        }
        Vec::new()
    }

    fn moved(&mut self, f: impl FnOnce(&mut Triage) -> Moved) -> Vec<Effect> {
        let moved = f(&mut self.triage);
        if let Some((n, reason)) = moved.refused {
            self.warn(format!("{n} cannot be moved: {reason}"));
        } else if moved.count > 0 {
            self.info(format!(
                "Moved {} to {}",
                moved.count,
                column_name(moved.to)
            ));
        }
        if moved.count > 0 {
            vec![Effect::SaveStaged]
        } else {
            Vec::new()
        }
    }

    fn filter(&mut self, action: Action) -> Vec<Effect> {
        let side = self.triage.focus();
        let mut text = self.triage.column(side).filter.clone();
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
            Action::Up => {
                self.triage.move_cursor(-1);
                return Vec::new();
            }
            Action::Down => {
                self.triage.move_cursor(1);
                return Vec::new();
            }
            // Mouse still works while typing.
            Action::ClickRow { .. } | Action::Scroll { .. } => return self.browse(action),
            _ => return Vec::new(),
        }
        self.triage.set_filter(side, &text);
        Vec::new()
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
        if !press {
            self.info("Cancelled: nobody was removed");
            return Vec::new();
        }
        let ids: Vec<u32> = self.triage.ids_in(Place::Right).collect();
        vec![Effect::Remove(ids)]
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
                return vec![Effect::Export(PathBuf::from(path))];
            }
            _ => {}
        }
        self.mode = Mode::Prompt { input };
        Vec::new()
    }

    /// The journal has the removal on disk: now the UI may say so.
    pub fn removal_done(&mut self, ids: &[u32]) {
        self.triage.confirm(ids);
        self.info(format!(
            "Removed {} (recorded in the journal). LinkedIn has no API: remove them on each profile page too.",
            ids.len()
        ));
    }
}

fn column_name(side: Side) -> &'static str {
    match side {
        Side::Left => "Connections",
        Side::Right => "To remove",
    }
}
