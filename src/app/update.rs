//! `App::update`: one action in, state changes and effects out. Pure: testable without a
//! terminal, feeding actions and reading the state.

use std::path::PathBuf;
use std::time::Instant;

use super::action::{Action, Tab};
use super::effect::Effect;
use super::keep::kept_note;
use super::list::ListKind;
use super::state::{App, Mode};
use crate::model::triage::{Moved, Side, Triage};

/// Lines the help scrolls per page.
const HELP_PAGE: u16 = 10;

impl App {
    /// Applies one action. Returns the effects to carry out, in order.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        if self.journaling && action != Action::Quit {
            return Vec::new();
        }
        match self.mode.clone() {
            Mode::Browse => self.browse(action),
            Mode::Filter => self.filter(action),
            Mode::Confirm(dialog) => self.confirm(action, dialog),
            Mode::Prompt { input } => self.prompt(action, input),
            Mode::Help { scroll } => {
                self.help(action, scroll);
                Vec::new()
            }
        }
    }

    fn browse(&mut self, action: Action) -> Vec<Effect> {
        let tab = match action {
            Action::ConnectionsTab => Some(Tab::Connections),
            Action::InvitationsTab => Some(Tab::Invitations),
            Action::HistoryTab => Some(Tab::History),
            Action::TimelineTab => Some(Tab::Timeline),
            Action::SwitchTab(tab) => Some(tab),
            _ => None,
        };
        if let Some(tab) = tab {
            self.tab = tab;
            if tab == Tab::Timeline {
                self.timeline_mut();
            }
            return Vec::new();
        }
        match action {
            Action::Help => {
                self.mode = Mode::Help { scroll: 0 };
                return Vec::new();
            }
            Action::Quit => {
                self.running = false;
                return vec![Effect::Quit];
            }
            _ => {}
        }
        if self.tab == Tab::Timeline {
            return self.timeline_action(action);
        }
        let Some(kind) = self.list() else {
            return Vec::new();
        };
        if kind.history_kind().is_some()
            && let Some(effects) = self.history_action(kind, action)
        {
            return effects;
        }
        self.say_signals_note_on(kind, action);
        let triage = self.triage_mut(kind);
        match action {
            Action::Up => triage.move_cursor(-1),
            Action::Down => triage.move_cursor(1),
            Action::PageUp => triage.page(-1),
            Action::PageDown => triage.page(1),
            Action::Top => triage.cursor_to_start(),
            Action::Bottom => triage.cursor_to_end(),
            Action::SwitchColumn => triage.toggle_focus(),
            Action::Mark => triage.toggle_mark(),
            Action::InvertMarks => {
                let skipped = triage.invert_marks();
                let marked = triage.column(triage.focus()).marked();
                self.info(format!("{marked} marked{}", kept_note(skipped)));
            }
            Action::Move => return self.move_selection(kind),
            Action::MoveRight if triage.focus() == Side::Left => {
                return self.move_selection(kind);
            }
            Action::MoveLeft if triage.focus() == Side::Right => {
                return self.move_selection(kind);
            }
            Action::MoveAll => return self.moved(kind, Triage::move_all_shown),
            Action::ClickRow { side, row } => return self.click_row(kind, side, row),
            Action::ShiftClickRow { side, row } => {
                let from = triage.column(side).cursor;
                let skipped = triage.mark_range(side, from, row);
                triage.select_row(side, row);
                self.marks_changed(kind, skipped);
            }
            Action::MarkUp | Action::MarkDown => {
                let delta = if action == Action::MarkUp { -1 } else { 1 };
                let skipped = triage.extend_marks(delta);
                self.marks_changed(kind, skipped);
            }
            Action::MarkRange => {
                if triage.visual().is_some() {
                    triage.end_visual();
                    self.info("Range ended; its rows stay marked");
                } else {
                    triage.start_visual();
                    let keys = self.keymap.keys_of(Action::MarkRange);
                    self.info(format!(
                        "Marking a range: move the cursor; {keys} or Esc ends it"
                    ));
                }
            }
            Action::Keep => return self.keep(kind),
            Action::Scroll { side, delta } => triage.scroll(side, delta),
            Action::Filter => {
                triage.end_visual();
                self.mode = Mode::Filter;
            }
            // Esc ends a range first, then clears a kept filter as it would while typing.
            Action::ClearFilter if triage.visual().is_some() => {
                triage.end_visual();
                self.info("Range ended; its rows stay marked");
            }
            Action::ClearFilter => {
                let side = triage.focus();
                if !triage.column(side).is_filtered() {
                    return Vec::new();
                }
                self.info("Filter cleared");
                let job = self.triage_mut(kind).set_filter(side, "");
                return job.map(|j| Effect::Filter(kind, j)).into_iter().collect();
            }
            Action::Sort => {
                let side = triage.focus();
                let job = triage.cycle_sort(side);
                let name = triage.sort_name(side);
                self.info(format!("Sorted by {name}"));
                return job.map(|j| Effect::Filter(kind, j)).into_iter().collect();
            }
            Action::Undo => match triage.undo() {
                Some((n, to)) => {
                    self.info(format!(
                        "Undone: {n} back to {}",
                        kind.spec().titles[to.index()]
                    ));
                    return vec![Effect::SaveStaged(kind)];
                }
                None => self.info("Nothing to undo"),
            },
            Action::Redo => match triage.redo() {
                Some((n, to)) => {
                    self.info(format!("Redone: {n} to {}", kind.spec().titles[to.index()]));
                    return vec![Effect::SaveStaged(kind)];
                }
                None => self.info("Nothing to redo"),
            },
            Action::Remove | Action::Withdraw | Action::ClickRemoveButton => {
                self.ask_confirm(kind, action)
            }
            Action::Export => {
                if self.staged_in(kind) == 0 {
                    self.warn("Nobody to export: the right column is empty");
                } else {
                    let name = format!(
                        "unconnect-{}-{}.csv",
                        kind.spec().export_stem,
                        self.today.format("%Y-%m-%d")
                    );
                    // In the user's Downloads (or Documents) folder, not wherever the
                    // terminal happened to be.
                    let input = match &self.export_folder {
                        Some(folder) => format!("{}/{name}", folder.trim_end_matches('/')),
                        None => name,
                    };
                    self.mode = Mode::Prompt { input };
                }
            }
            Action::Open => {
                let side = triage.focus();
                if let Some(id) = triage.column(side).current() {
                    let url = self.item_url(kind, id);
                    if url.is_empty() {
                        self.warn("This export has no profile URL for this row");
                    } else {
                        return vec![Effect::OpenUrl(url)];
                    }
                }
            }
            Action::CopyUrl => {
                if let Some(id) = triage.column(triage.focus()).current() {
                    let url = self.item_url(kind, id);
                    if url.is_empty() {
                        self.warn("This export has no profile URL for this row");
                    } else if let Err(refused) = crate::text_safety::clipboard_url(&url) {
                        self.warn(refused.to_string());
                    } else {
                        let message = format!("Copied to the clipboard: {url}");
                        return vec![Effect::Copy { text: url, message }];
                    }
                }
            }
            _ => {}
        }
        Vec::new()
    }

    pub(super) fn moved(
        &mut self,
        kind: ListKind,
        f: impl FnOnce(&mut Triage) -> Moved,
    ) -> Vec<Effect> {
        let moved = f(self.triage_mut(kind));
        let to = kind.spec().titles[moved.to.index()];
        match moved.refused {
            Some((n, reason)) if moved.count > 0 => {
                self.warn(format!(
                    "Moved {} to {to}; {n} cannot be moved: {reason}",
                    moved.count
                ));
            }
            Some((n, reason)) => self.warn(format!("{n} cannot be moved: {reason}")),
            None if moved.count > 0 => self.info(format!(
                "Moved {} to {to}{}",
                moved.count,
                kept_note(moved.kept_skipped)
            )),
            None if moved.kept_skipped > 0 => self.info(format!(
                "Nothing moved: the {} shown are on your keep list",
                moved.kept_skipped
            )),
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
            Action::KeepFilter => {
                self.mode = Mode::Browse;
                return Vec::new();
            }
            Action::ClearFilter => {
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
        let start = Instant::now();
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

    fn prompt(&mut self, action: Action, mut input: String) -> Vec<Effect> {
        match action {
            Action::Input(c) => input.push(c),
            Action::Backspace => {
                input.pop();
            }
            Action::ClosePrompt => {
                self.mode = Mode::Browse;
                return Vec::new();
            }
            Action::WriteFile => {
                self.mode = Mode::Browse;
                let path = input.trim();
                if path.is_empty() {
                    self.warn("No file name given: nothing exported");
                    return Vec::new();
                }
                return match self.list() {
                    Some(kind) => vec![Effect::Export {
                        kind,
                        path: PathBuf::from(path),
                        overwrite: false,
                    }],
                    None => Vec::new(),
                };
            }
            Action::CompletePath => {
                self.mode = Mode::Prompt {
                    input: input.clone(),
                };
                return vec![Effect::CompletePath(input)];
            }
            _ => {}
        }
        self.mode = Mode::Prompt { input };
        Vec::new()
    }

    /// Scrolls the help, no further than there is to show.
    fn help(&mut self, action: Action, scroll: u16) {
        let scroll = match action {
            Action::CloseHelp => {
                self.mode = Mode::Browse;
                return;
            }
            Action::HelpDown => scroll.saturating_add(1),
            Action::HelpUp => scroll.saturating_sub(1),
            Action::HelpPageDown => scroll.saturating_add(HELP_PAGE),
            Action::HelpPageUp => scroll.saturating_sub(HELP_PAGE),
            _ => scroll,
        };
        self.mode = Mode::Help {
            scroll: scroll.min(self.help_max_scroll),
        };
    }
}
