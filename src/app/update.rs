//! `App::update`: one action in, state changes and effects out. Pure: testable without a
//! terminal, feeding actions and reading the state.

use std::path::PathBuf;
use std::time::Instant;

use super::action::{Action, Tab};
use super::effect::Effect;
use super::list::ListKind;
use super::state::{App, Mode};
use super::strings;
use crate::model::triage::{Moved, Side, Triage};

/// A triaged list's column title: "To remove".
fn title(kind: ListKind, side: Side) -> &'static str {
    kind.spec().map_or("", |s| s.titles[side.index()])
}

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
            Mode::SortMenu { selected } => self.in_sort_menu(action, selected),
            Mode::Help { scroll } => {
                self.help(action, scroll);
                Vec::new()
            }
        }
    }

    fn browse(&mut self, action: Action) -> Vec<Effect> {
        if let Some(tab) = Tab::switched_to(action) {
            self.show(tab);
            return Vec::new();
        }
        match action {
            Action::Help => {
                self.mode = Mode::Help { scroll: 0 };
                return Vec::new();
            }
            Action::Quit => return vec![Effect::Quit],
            _ => {}
        }
        if let Some(effects) = self.screen_action(action) {
            return effects;
        }
        // What is left works on the rows of the tab's list: cursor, marks, filter, sort.
        let Some(kind) = self.list() else {
            return Vec::new();
        };
        self.say_signals_note_on(kind, action);
        if let Some(hint) = self.refuses_on_invalid_filter(kind, action) {
            self.warn(hint);
            return Vec::new();
        }
        let Some(triage) = self.triage_mut(kind) else {
            return Vec::new();
        };
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
                self.info(strings::marked(marked, skipped));
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
                    self.info(strings::RANGE_ENDED);
                } else {
                    triage.start_visual();
                    let keys = self.keymap.keys_of(Action::MarkRange);
                    self.info(strings::marking_range(&keys));
                }
            }
            Action::Keep => return self.keep(kind),
            Action::Scroll { side, delta } => triage.scroll(side, delta),
            Action::Filter => {
                triage.end_visual();
                triage.resume_filter(triage.focus());
                let text = triage.column(triage.focus()).filter.clone();
                self.mode = Mode::Filter;
                self.line.start(&text);
            }
            // Esc ends a range first.
            Action::ClearFilter if triage.visual().is_some() => {
                triage.end_visual();
                self.info(strings::RANGE_ENDED);
            }
            // Then the marks, and only with none the filter: one Esc undoes one thing.
            Action::ClearFilter if triage.column(triage.focus()).marked() > 0 => {
                let side = triage.focus();
                let filtered = triage.column(side).is_filtered();
                let n = triage.clear_marks(side);
                self.info(strings::marks_cleared(n, filtered));
            }
            Action::ClearFilter => {
                let side = triage.focus();
                if !triage.column(side).is_filtered() {
                    return Vec::new();
                }
                let job = triage.set_filter(side, "");
                self.info(strings::FILTER_CLEARED);
                return job.map(|j| Effect::Filter(kind, j)).into_iter().collect();
            }
            Action::Sort => self.open_sort_menu(),
            Action::ClickHeading { side, column } => {
                triage.set_focus(side);
                return self.sort_by(column, true);
            }
            Action::ReverseSort => {
                let side = triage.focus();
                let job = triage.reverse_sort(side);
                let name = triage.sort_label(side);
                let top = self.keymap.key_of(Action::Top);
                self.info(strings::sorted_by(&name, &top));
                return job.map(|j| Effect::Filter(kind, j)).into_iter().collect();
            }
            Action::Undo => match triage.undo() {
                Some((n, to)) => {
                    self.info(strings::undone(n, title(kind, to)));
                    return vec![Effect::SaveStaged(kind)];
                }
                None => self.nothing_to_undo(kind),
            },
            Action::Redo => match triage.redo() {
                Some((n, to)) => {
                    self.info(strings::redone(n, title(kind, to)));
                    return vec![Effect::SaveStaged(kind)];
                }
                None => self.info(strings::NOTHING_TO_REDO),
            },
            Action::Remove | Action::Withdraw | Action::ClickRemoveButton => {
                self.ask_confirm(kind, action);
            }
            Action::Export => self.export_prompt(kind),
            Action::Open => {
                let side = triage.focus();
                if let Some(id) = triage.column(side).current() {
                    let url = self.item_url(kind, id);
                    if url.is_empty() {
                        self.warn(strings::NO_URL);
                    } else {
                        return vec![Effect::OpenUrl(url)];
                    }
                }
            }
            Action::CopyUrl => {
                if let Some(id) = triage.column(triage.focus()).current() {
                    let url = self.item_url(kind, id);
                    if url.is_empty() {
                        self.warn(strings::NO_URL);
                    } else if let Err(refused) = crate::text_safety::clipboard_url(&url) {
                        self.warn(refused.to_string());
                    } else {
                        let message = strings::copied(&url);
                        return vec![Effect::Copy { text: url, message }];
                    }
                }
            }
            _ => {}
        }
        Vec::new()
    }

    /// `e`: the export prompt for a list's right column (a History list: what it shows),
    /// with a dated name in the user's Downloads (or Documents) folder, not wherever the
    /// terminal happened to be.
    pub(super) fn export_prompt(&mut self, kind: ListKind) {
        let count = if kind.history_kind().is_some() {
            self.shown_in(kind)
        } else {
            self.staged_in(kind)
        };
        if count == 0 {
            self.warn(if kind.history_kind().is_some() {
                strings::NOBODY_SHOWN_TO_EXPORT
            } else {
                strings::NOBODY_TO_EXPORT
            });
            return;
        }
        let name = self.export_file_name(kind);
        let input = match &self.export_folder {
            Some(folder) => format!("{}/{name}", folder.trim_end_matches('/')),
            None => name,
        };
        self.line.start(&input);
        self.mode = Mode::Prompt { input };
    }

    /// The file name the export prompt proposes for a list: dated, so exports of
    /// different days sit side by side. Also the name written into a folder typed alone.
    pub fn export_file_name(&self, kind: ListKind) -> String {
        let stem = match kind {
            ListKind::Removed => "removed",
            ListKind::Withdrawn => "withdrawn",
            _ => kind.spec().map_or("", |s| s.export_stem),
        };
        format!("unconnect-{stem}-{}.csv", self.today.format("%Y-%m-%d"))
    }

    /// How many rows the export prompt writes: the staged, or the History list shown.
    pub fn export_count(&self) -> usize {
        match self.list() {
            Some(kind) if kind.history_kind().is_some() => self.shown_in(kind),
            Some(kind) => self.staged_in(kind),
            None => 0,
        }
    }

    fn shown_in(&self, kind: ListKind) -> usize {
        self.triage_of(kind)
            .map_or(0, |t| t.column(Side::Left).shown().len())
    }

    pub(super) fn moved(
        &mut self,
        kind: ListKind,
        f: impl FnOnce(&mut Triage) -> Moved,
    ) -> Vec<Effect> {
        let Some(triage) = self.triage_mut(kind) else {
            return Vec::new();
        };
        let moved = f(triage);
        let to = title(kind, moved.to);
        match moved.refused {
            Some((n, reason)) if moved.count > 0 => {
                self.warn(strings::moved_some_refused(moved.count, to, n, reason));
            }
            Some((n, reason)) => self.warn(strings::refused(n, reason)),
            None if moved.count > 0 => {
                self.info(strings::moved(moved.count, to, moved.kept_skipped));
            }
            None if moved.kept_skipped > 0 => {
                self.info(strings::nothing_moved_all_kept(moved.kept_skipped));
            }
            None => {}
        }
        if moved.count > 0 {
            vec![Effect::SaveStaged(kind)]
        } else {
            Vec::new()
        }
    }

    /// A bulk action (move all, invert, ranges) on a column whose filter as typed is not
    /// valid: refused with why, since the rows shown are not what the text describes.
    fn refuses_on_invalid_filter(&self, kind: ListKind, action: Action) -> Option<String> {
        let bulk = matches!(
            action,
            Action::MoveAll
                | Action::InvertMarks
                | Action::MarkRange
                | Action::MarkUp
                | Action::MarkDown
                | Action::ShiftClickRow { .. }
        );
        if !bulk {
            return None;
        }
        let triage = self.triage_of(kind)?;
        let error = triage.column(triage.focus()).filter_error()?;
        Some(strings::filter_refuses_bulk(&error.hint))
    }

    fn filter(&mut self, action: Action) -> Vec<Effect> {
        let Some(kind) = self.list() else {
            self.mode = Mode::Browse;
            return Vec::new();
        };
        let Some(triage) = self.triage_of(kind) else {
            self.mode = Mode::Browse;
            return Vec::new();
        };
        let side = triage.focus();
        let mut text = triage.column(side).filter.clone();
        match action {
            Action::Input(c) => self.line.insert(&mut text, c.encode_utf8(&mut [0; 4])),
            Action::Backspace => self.line.backspace(&mut text),
            Action::Edit(edit) => {
                let before = text.clone();
                self.line.edit(&mut text, edit);
                if text == before {
                    // Only the cursor moved: nothing to match again.
                    return Vec::new();
                }
            }
            Action::KeepFilter => {
                self.line.remember(&text);
                self.mode = Mode::Browse;
                self.say_filter_error(kind, side);
                return Vec::new();
            }
            Action::ClearFilter => {
                text.clear();
                self.mode = Mode::Browse;
            }
            Action::Up | Action::Down => {
                let delta = if action == Action::Up { -1 } else { 1 };
                if let Some(triage) = self.triage_mut(kind) {
                    triage.move_cursor(delta);
                }
                return Vec::new();
            }
            // Mouse still works while typing.
            Action::ClickRow { .. } | Action::Scroll { .. } => return self.browse(action),
            _ => return Vec::new(),
        }
        self.set_typed_filter(kind, side, &text)
    }

    /// Pasted text (bracketed paste) goes into the field being typed, cleaned.
    pub(super) fn paste(&mut self, pasted: &str) -> Vec<Effect> {
        match self.mode.clone() {
            Mode::Prompt { mut input } => {
                self.line.insert(&mut input, pasted);
                self.mode = Mode::Prompt { input };
                Vec::new()
            }
            Mode::Filter => {
                let Some(kind) = self.list() else {
                    return Vec::new();
                };
                let Some(triage) = self.triage_of(kind) else {
                    return Vec::new();
                };
                let side = triage.focus();
                let mut text = triage.column(side).filter.clone();
                self.line.insert(&mut text, pasted);
                self.set_typed_filter(kind, side, &text)
            }
            _ => Vec::new(),
        }
    }

    /// The filter as typed now: matched inline or on a worker.
    fn set_typed_filter(&mut self, kind: ListKind, side: Side, text: &str) -> Vec<Effect> {
        let start = Instant::now();
        let Some(triage) = self.triage_mut(kind) else {
            return Vec::new();
        };
        let job = triage.set_filter(side, text);
        self.filter_edited(text);
        self.say_filter_error(kind, side);
        // Typing never waits on a large list: the worker matches, chunks stream in.
        if let Some(job) = job {
            vec![Effect::Filter(kind, job)]
        } else {
            if let Some(timing) = &mut self.timing {
                timing.filter = Some(start.elapsed());
            }
            Vec::new()
        }
    }

    fn prompt(&mut self, action: Action, mut input: String) -> Vec<Effect> {
        match action {
            Action::Input(c) => self.line.insert(&mut input, c.encode_utf8(&mut [0; 4])),
            Action::Backspace => self.line.backspace(&mut input),
            Action::Edit(edit) => self.line.edit(&mut input, edit),
            Action::ClosePrompt => {
                self.mode = Mode::Browse;
                return Vec::new();
            }
            Action::WriteFile => {
                let path = input.trim();
                let kind = self.list().filter(|_| !path.is_empty());
                let Some(kind) = kind else {
                    self.mode = Mode::Browse;
                    if path.is_empty() {
                        self.warn(strings::NO_FILE_NAME);
                    }
                    return Vec::new();
                };
                let path = PathBuf::from(path);
                // The prompt stays open until the runtime takes the path: a refused one
                // (a folder that is not there) is fixed, not typed again.
                self.mode = Mode::Prompt { input };
                return vec![Effect::Export {
                    kind,
                    path,
                    overwrite: false,
                }];
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
            Action::HelpTop => 0,
            Action::HelpBottom => self.help_max_scroll,
            _ => scroll,
        };
        self.mode = Mode::Help {
            scroll: scroll.min(self.help_max_scroll),
        };
    }
}

impl App {
    /// While the filter as typed is not valid, its whole hint is on the status line (the
    /// column border has room for only part of it); once valid, that warning goes.
    fn say_filter_error(&mut self, kind: ListKind, side: Side) {
        let error = self
            .triage_of(kind)
            .and_then(|t| t.column(side).filter_error())
            .map(|e| e.hint.clone());
        match error {
            Some(hint) => self.warn(strings::filter_not_valid(&hint)),
            None => {
                if self
                    .status
                    .as_ref()
                    .is_some_and(|s| s.text.starts_with(strings::FILTER_NOT_VALID))
                {
                    self.status = None;
                }
            }
        }
    }
}
