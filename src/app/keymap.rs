//! Key bindings as data: the defaults below, with the config file's `[keys]` laid over
//! them. Key handling, the footer hints, the `?` help and the key names in dialogs all
//! read the one [`Keymap`], so remapping `remove` changes all of them.

use std::collections::BTreeMap;

use super::action::Action;
use super::keys::{Key, KeyCode};
use super::list::ListKind;

/// Which part of the app has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    /// The two columns.
    Browse,
    /// Typing a filter.
    Filter,
    /// The confirm dialog.
    Confirm,
    /// Typing an export path.
    Prompt,
    /// The help overlay.
    Help,
}

impl Context {
    pub const ALL: [Context; 5] = [
        Context::Browse,
        Context::Filter,
        Context::Confirm,
        Context::Prompt,
        Context::Help,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Context::Browse => "Triage",
            Context::Filter => "While filtering",
            Context::Confirm => "Confirm dialog",
            Context::Prompt => "Export path",
            Context::Help => "Help",
        }
    }

    /// Printable keys type text here, so they cannot be bound.
    pub fn takes_text(self) -> bool {
        matches!(self, Context::Filter | Context::Prompt)
    }
}

/// Where a binding applies, beyond its context: the footer shows only what works here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Always,
    /// On a tab with two triage columns.
    OnList,
    /// Only on this list's tab.
    On(ListKind),
    /// On the Timeline tab.
    OnTimeline,
    /// On the History tab.
    OnHistory,
}

#[derive(Debug, Clone)]
pub struct Binding {
    pub context: Context,
    pub action: Action,
    pub keys: Vec<Key>,
    /// Footer text; `None` keeps the binding out of the footer (help only).
    pub hint: Option<&'static str>,
    /// Which footer hints stay when the footer is narrow: lower stays longer.
    pub rank: u8,
    pub when: When,
    pub help: &'static str,
}

impl Binding {
    /// How the keys are written in the footer and help, e.g. `↑ k`.
    pub fn label(&self) -> String {
        label(&self.keys)
    }
}

impl Binding {
    /// The first key alone, for the footer where room is short.
    pub fn short_label(&self) -> String {
        self.keys.first().map(Key::to_string).unwrap_or_default()
    }
}

pub fn label(keys: &[Key]) -> String {
    let names: Vec<String> = keys.iter().map(Key::to_string).collect();
    names.join(" ")
}

/// What is wrong with a `[keys]` section.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeymapError {
    #[error("unknown action \"{0}\" (`unconnect config` lists them all)")]
    UnknownAction(String),
    #[error("\"{action}\" needs at least one key")]
    NoKeys { action: String },
    #[error("{key} is bound to both \"{first}\" and \"{second}\" ({context})")]
    Conflict {
        key: String,
        first: String,
        second: String,
        context: &'static str,
    },
    #[error("{key} types text {context}, so it cannot be bound to \"{action}\"; use ctrl- or alt-")]
    TypesText {
        key: String,
        action: String,
        context: &'static str,
    },
}

#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            bindings: defaults(),
        }
    }
}

impl Keymap {
    /// The defaults with `overrides` (action name to keys) laid over them: the keys listed
    /// for an action replace its defaults.
    pub fn with_overrides(overrides: &BTreeMap<String, Vec<Key>>) -> Result<Keymap, KeymapError> {
        let mut map = Keymap::default();
        for (name, keys) in overrides {
            if keys.is_empty() {
                return Err(KeymapError::NoKeys {
                    action: name.clone(),
                });
            }
            // An action bound in several contexts (clear-filter) is remapped in all.
            let mut found = false;
            for binding in map.bindings.iter_mut().filter(|b| b.action.name() == *name) {
                binding.keys = keys.clone();
                found = true;
            }
            if !found {
                return Err(KeymapError::UnknownAction(name.clone()));
            }
        }
        map.check()?;
        Ok(map)
    }

    /// No key does two things in one context, and no binding steals typing.
    fn check(&self) -> Result<(), KeymapError> {
        let mut seen: BTreeMap<(Context, Key), Action> = BTreeMap::new();
        for b in &self.bindings {
            for &key in &b.keys {
                if b.context.takes_text() && key.text().is_some() {
                    return Err(KeymapError::TypesText {
                        key: key.config_name(),
                        action: b.action.name(),
                        context: context_phrase(b.context),
                    });
                }
                if let Some(first) = seen.insert((b.context, key), b.action)
                    && first != b.action
                {
                    return Err(KeymapError::Conflict {
                        key: key.config_name(),
                        first: first.name(),
                        second: b.action.name(),
                        context: context_phrase(b.context),
                    });
                }
            }
        }
        Ok(())
    }

    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    pub fn in_context(&self, context: Context) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.context == context)
    }

    /// The action for a key in a context. In text contexts, unbound printable keys are
    /// input, Backspace deletes, and ↑ ↓ still move the cursor.
    pub fn action_for(&self, context: Context, key: Key) -> Option<Action> {
        let bound = self
            .in_context(context)
            .find(|b| b.keys.contains(&key))
            .map(|b| b.action);
        if bound.is_some() || !context.takes_text() {
            return bound;
        }
        match key.code {
            _ if key.text().is_some() => key.text().map(Action::Input),
            KeyCode::Backspace => Some(Action::Backspace),
            KeyCode::Up if context == Context::Filter => Some(Action::Up),
            KeyCode::Down if context == Context::Filter => Some(Action::Down),
            _ => None,
        }
    }

    /// The binding of an action (its first, for an action bound in several contexts).
    pub fn binding(&self, action: Action) -> Option<&Binding> {
        self.bindings.iter().find(|b| b.action == action)
    }

    /// How the keys of an action are written, e.g. `R` or `n Esc`; empty if unbound.
    pub fn keys_of(&self, action: Action) -> String {
        self.binding(action).map(Binding::label).unwrap_or_default()
    }

    /// The first key of an action, for messages like "W opens the Withdraw dialog".
    pub fn key_of(&self, action: Action) -> String {
        self.binding(action)
            .and_then(|b| b.keys.first())
            .map(Key::to_string)
            .unwrap_or_default()
    }
}

fn context_phrase(context: Context) -> &'static str {
    match context {
        Context::Browse => "in the columns",
        Context::Filter => "while filtering",
        Context::Confirm => "in the confirm dialog",
        Context::Prompt => "in the export prompt",
        Context::Help => "in the help",
    }
}

fn ch(c: char) -> Key {
    Key::char(c)
}

fn code(code: KeyCode) -> Key {
    Key::new(code)
}

use Context::{Browse, Confirm, Filter, Help, Prompt};
use KeyCode::{BackTab, End, Enter, Esc, Home, PageDown, PageUp, Tab};

/// The default bindings, in the order the help lists them.
#[rustfmt::skip]
pub fn defaults() -> Vec<Binding> {
    let b = |context, action, keys: &[Key], hint, rank, when, help| Binding {
        context, action, keys: keys.to_vec(), hint, rank, when, help,
    };
    use When::{Always, On, OnHistory, OnList, OnTimeline};
    vec![
        b(Browse, Action::Mark, &[ch(' ')], Some("mark"), 2, OnList, "mark / unmark the row, cursor moves down"),
        b(Browse, Action::Move, &[code(Enter)], Some("move"), 2, OnList, "move marked rows (or the cursor row) over"),
        b(Browse, Action::MoveRight, &[code(KeyCode::Right), ch('l')], None, 9, OnList, "move to the right column (left column)"),
        b(Browse, Action::MoveLeft, &[code(KeyCode::Left), ch('h')], None, 9, OnList, "move to the left column (right column)"),
        b(Browse, Action::MoveAll, &[ch('a')], Some("move all shown"), 3, OnList, "move every row shown (after filtering)"),
        b(Browse, Action::Filter, &[ch('/')], Some("filter"), 3, OnList, "filter: name, company, position, email"),
        b(Browse, Action::Remove, &[ch('R')], Some("remove…"), 1, On(ListKind::Connections), "remove all on the right (asks first)"),
        b(Browse, Action::Withdraw, &[ch('W')], Some("withdraw…"), 1, On(ListKind::Invitations), "withdraw all on the right (asks first)"),
        b(Browse, Action::Undo, &[ch('u')], Some("undo"), 4, OnList, "undo the last move"),
        b(Browse, Action::Redo, &[Key::ctrl('r')], None, 9, OnList, "redo"),
        b(Browse, Action::SwitchColumn, &[code(Tab), code(BackTab)], Some("column"), 5, OnList, "switch column"),
        b(Browse, Action::InvertMarks, &[ch('*')], None, 9, OnList, "invert marks (kept rows stay unmarked)"),
        b(Browse, Action::Keep, &[ch('K')], Some("keep"), 5, On(ListKind::Connections), "keep list: bulk moves pass them by"),
        b(Browse, Action::MarkRange, &[ch('V')], None, 9, OnList, "mark a range as the cursor moves"),
        b(Browse, Action::MarkUp, &[Key::shifted(KeyCode::Up)], None, 9, OnList, "mark this row and the one above"),
        b(Browse, Action::MarkDown, &[Key::shifted(KeyCode::Down)], None, 9, OnList, "mark this row and the one below"),
        b(Browse, Action::Sort, &[ch('s')], Some("sort"), 6, OnList, "sort: newest first, last name, company"),
        b(Browse, Action::Export, &[ch('e')], Some("export"), 6, OnList, "export the right column to CSV"),
        b(Browse, Action::Open, &[ch('o')], None, 9, OnList, "open the profile in your browser"),
        b(Browse, Action::CopyUrl, &[ch('y')], None, 9, OnList, "copy the profile URL to the clipboard"),
        b(Browse, Action::ClearFilter, &[code(Esc)], None, 9, OnList, "clear the column's filter"),
        b(Browse, Action::Up, &[code(KeyCode::Up), ch('k')], None, 9, OnList, "cursor up"),
        b(Browse, Action::Down, &[code(KeyCode::Down), ch('j')], None, 9, OnList, "cursor down"),
        b(Browse, Action::PageUp, &[code(PageUp)], None, 9, OnList, "page up"),
        b(Browse, Action::PageDown, &[code(PageDown)], None, 9, OnList, "page down"),
        b(Browse, Action::Top, &[ch('g'), code(Home)], None, 9, OnList, "first row"),
        b(Browse, Action::Bottom, &[ch('G'), code(End)], None, 9, OnList, "last row"),
        b(Browse, Action::ConnectionsTab, &[ch('1')], None, 9, Always, "Connections tab"),
        b(Browse, Action::InvitationsTab, &[ch('2')], None, 9, Always, "Invitations tab"),
        b(Browse, Action::HistoryTab, &[ch('3')], None, 9, Always, "History tab"),
        b(Browse, Action::TimelineTab, &[ch('4')], None, 9, Always, "Timeline tab: connections per month, bursts"),
        b(Browse, Action::Done, &[ch('d')], Some("done"), 1, OnHistory, "history: tick done on LinkedIn (again: untick)"),
        b(Browse, Action::DoneAll, &[ch('D')], None, 9, OnHistory, "history: mark all shown done (asks first)"),
        b(Browse, Action::Restore, &[ch('r')], Some("restore…"), 4, OnHistory, "history: restore (asks first)"),
        b(Browse, Action::Mail, &[ch('m')], Some("e-mail"), 5, OnHistory, "history: an e-mail draft to them"),
        b(Browse, Action::ZoomIn, &[ch('+'), ch('=')], Some("weeks"), 3, OnTimeline, "timeline: per week"),
        b(Browse, Action::ZoomOut, &[ch('-')], Some("months"), 3, OnTimeline, "timeline: per month"),
        b(Browse, Action::Help, &[ch('?')], Some("help"), 0, Always, "this help"),
        b(Browse, Action::Quit, &[ch('q'), Key::ctrl('c')], Some("quit"), 0, Always, "quit (the staged list is kept)"),
        b(Filter, Action::KeepFilter, &[code(Enter)], Some("keep filter"), 1, Always, "keep the filter, back to the rows"),
        b(Filter, Action::ClearFilter, &[code(Esc)], Some("clear"), 1, Always, "clear the filter"),
        b(Confirm, Action::Yes, &[ch('y')], Some("confirm"), 1, Always, "confirm"),
        b(Confirm, Action::No, &[ch('n'), code(Esc)], Some("cancel"), 1, Always, "cancel"),
        b(Confirm, Action::NextButton, &[code(Tab), code(BackTab), code(KeyCode::Left), code(KeyCode::Right)], Some("choose"), 2, Always, "focus the other button"),
        b(Confirm, Action::PressButton, &[code(Enter)], Some("press"), 2, Always, "press the focused button (Cancel first)"),
        b(Prompt, Action::WriteFile, &[code(Enter)], Some("export"), 1, Always, "write the file"),
        b(Prompt, Action::ClosePrompt, &[code(Esc)], Some("cancel"), 1, Always, "close without exporting"),
        b(Prompt, Action::CompletePath, &[code(Tab)], Some("complete"), 2, Always, "complete the file or folder name"),
        b(Help, Action::HelpDown, &[code(KeyCode::Down), ch('j')], Some("scroll"), 2, Always, "scroll down"),
        b(Help, Action::HelpUp, &[code(KeyCode::Up), ch('k')], None, 3, Always, "scroll up"),
        b(Help, Action::HelpPageDown, &[code(PageDown), ch(' ')], None, 3, Always, "page down"),
        b(Help, Action::HelpPageUp, &[code(PageUp)], None, 3, Always, "page up"),
        b(Help, Action::CloseHelp, &[ch('?'), code(Esc), ch('q')], Some("close help"), 0, Always, "close this help"),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn remap(pairs: &[(&str, &[&str])]) -> Result<Keymap, KeymapError> {
        let overrides = pairs
            .iter()
            .map(|(a, keys)| {
                (
                    a.to_string(),
                    keys.iter().map(|k| k.parse().unwrap()).collect(),
                )
            })
            .collect();
        Keymap::with_overrides(&overrides)
    }

    #[test]
    fn default_keys_map_to_their_actions() {
        let map = Keymap::default();
        let browse = |k: &str| map.action_for(Context::Browse, k.parse().unwrap());
        assert_eq!(browse("G"), Some(Action::Bottom));
        assert_eq!(browse("R"), Some(Action::Remove));
        assert_eq!(browse("ctrl-r"), Some(Action::Redo));
        assert_eq!(browse("r"), Some(Action::Restore), "History: restore");
        assert_eq!(browse("x"), None);
        assert_eq!(browse("shift-tab"), Some(Action::SwitchColumn));
        assert_eq!(browse("2"), Some(Action::InvitationsTab));
    }

    #[test]
    fn the_defaults_have_no_conflicts_and_every_action_once_per_context() {
        let map = Keymap::default();
        map.check().unwrap();
        let mut names: Vec<String> = map
            .bindings()
            .iter()
            .map(|b| format!("{:?} {}", b.context, b.action.name()))
            .collect();
        let n = names.len();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), n);
    }

    #[test]
    fn text_contexts_take_printable_keys_as_input() {
        let map = Keymap::default();
        let q: Key = "q".parse().unwrap();
        assert_eq!(map.action_for(Context::Filter, q), Some(Action::Input('q')));
        assert_eq!(map.action_for(Context::Browse, q), Some(Action::Quit));
        let up: Key = "Up".parse().unwrap();
        assert_eq!(map.action_for(Context::Filter, up), Some(Action::Up));
        assert_eq!(map.action_for(Context::Prompt, up), None);
    }

    #[test]
    fn a_remap_replaces_the_defaults_of_that_action_only() {
        let map = remap(&[("remove", &["X", "ctrl-d"])]).unwrap();
        assert_eq!(
            map.action_for(Context::Browse, "X".parse().unwrap()),
            Some(Action::Remove)
        );
        assert_eq!(map.action_for(Context::Browse, "R".parse().unwrap()), None);
        assert_eq!(map.keys_of(Action::Remove), "X Ctrl-d");
        assert_eq!(map.key_of(Action::Withdraw), "W");
    }

    #[test]
    fn conflicts_unknown_actions_and_stolen_typing_are_errors() {
        assert_eq!(
            remap(&[("remove", &["u"])]).unwrap_err().to_string(),
            "u is bound to both \"remove\" and \"undo\" (in the columns)"
        );
        assert_eq!(
            remap(&[("explode", &["x"])]).unwrap_err(),
            KeymapError::UnknownAction("explode".into())
        );
        assert!(matches!(
            remap(&[("keep-filter", &["k"])]).unwrap_err(),
            KeymapError::TypesText { .. }
        ));
        assert!(matches!(
            remap(&[("quit", &[])]).unwrap_err(),
            KeymapError::NoKeys { .. }
        ));
        // The same key in two contexts is fine.
        remap(&[("yes", &["Enter"]), ("press-button", &["Space"])]).unwrap();
    }
}
