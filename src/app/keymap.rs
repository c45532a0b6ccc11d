//! Key bindings as data: the defaults below, with the config file's `[keys]` laid over
//! them. Key handling, the footer hints, the `?` help and the key names in dialogs all
//! read the one [`Keymap`], so remapping `remove` changes all of them.

use std::collections::BTreeMap;

use super::action::Action;
use super::keys::{Key, KeyCode};
use super::list::ListKind;

/// Which part of the app has the keyboard. Each tab is a screen with its own context,
/// so one key can mean different things on two tabs and remapping an action of one tab
/// never remaps another's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    /// The Connections and Invitations tabs: two columns to move rows between.
    Triage,
    /// The History tab: the removals and withdrawals to work through on LinkedIn.
    History,
    /// The Timeline tab: bars and bursts.
    Timeline,
    /// Keys every tab answers: the tabs, help, quit. A tab's own keys come first.
    Global,
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
    pub const ALL: [Context; 8] = [
        Context::Triage,
        Context::History,
        Context::Timeline,
        Context::Global,
        Context::Filter,
        Context::Confirm,
        Context::Prompt,
        Context::Help,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Context::Triage => "Connections and Invitations",
            Context::History => "History",
            Context::Timeline => "Timeline",
            Context::Global => "Every tab",
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

    /// A tab's own context: the global keys work there too.
    pub fn is_screen(self) -> bool {
        matches!(self, Context::Triage | Context::History | Context::Timeline)
    }

    /// What the `?` help lists on a tab: its own keys first, then the global ones, then
    /// the overlays that tab can open.
    pub fn help_sections(self) -> &'static [Context] {
        match self {
            Context::History => &[
                Context::History,
                Context::Global,
                Context::Filter,
                Context::Confirm,
            ],
            Context::Timeline => &[Context::Timeline, Context::Global],
            _ => &[
                Context::Triage,
                Context::Global,
                Context::Filter,
                Context::Confirm,
                Context::Prompt,
            ],
        }
    }
}

/// Where a binding applies, beyond its context: the footer shows only what works here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Always,
    /// When the tab shows its list (the Invitations tab may have none).
    OnList,
    /// Only on this list's tab.
    On(ListKind),
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

    /// No key does two things in one context (a tab's own keys and the global ones
    /// together), and no binding steals typing.
    fn check(&self) -> Result<(), KeymapError> {
        let mut seen: BTreeMap<(Context, Key), Action> = BTreeMap::new();
        for b in &self.bindings {
            let shared = [Context::Triage, Context::History, Context::Timeline];
            let contexts: &[Context] = if b.context == Context::Global {
                &shared
            } else {
                std::slice::from_ref(&b.context)
            };
            for &key in &b.keys {
                if b.context.takes_text() && key.text().is_some() {
                    return Err(KeymapError::TypesText {
                        key: key.config_name(),
                        action: b.action.name(),
                        context: context_phrase(b.context),
                    });
                }
                for &context in contexts {
                    if let Some(first) = seen.insert((context, key), b.action)
                        && first != b.action
                    {
                        return Err(KeymapError::Conflict {
                            key: key.config_name(),
                            first: first.name(),
                            second: b.action.name(),
                            context: context_phrase(context),
                        });
                    }
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
    /// On a tab, the tab's own keys come first, then the global ones.
    pub fn action_for(&self, context: Context, key: Key) -> Option<Action> {
        let find = |c| {
            self.in_context(c)
                .find(|b| b.keys.contains(&key))
                .map(|b| b.action)
        };
        let bound = find(context).or_else(|| {
            if context.is_screen() {
                find(Context::Global)
            } else {
                None
            }
        });
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
        Context::Triage => "in the columns",
        Context::History => "on the History tab",
        Context::Timeline => "on the Timeline tab",
        Context::Global => "on every tab",
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

use Context::{Confirm, Filter, Global, Help, Prompt, Timeline, Triage};
use KeyCode::{BackTab, End, Enter, Esc, Home, PageDown, PageUp, Tab};

/// The default bindings, in the order the help lists them. Cursor keys, marks, filter and
/// sort are the same actions on every tab that has rows: remapping `up` remaps it there
/// too. What a tab does on its own has its own action (`open-next`, `next-bar`).
#[rustfmt::skip]
pub fn defaults() -> Vec<Binding> {
    let b = |context, action, keys: &[Key], hint, rank, when, help| Binding {
        context, action, keys: keys.to_vec(), hint, rank, when, help,
    };
    use When::{Always, On, OnList};
    use Context::History as Hist;
    let up = [code(KeyCode::Up), ch('k')];
    let down = [code(KeyCode::Down), ch('j')];
    let top = [ch('g'), code(Home)];
    let bottom = [ch('G'), code(End)];
    let tabs = [code(Tab), code(BackTab)];
    vec![
        b(Triage, Action::Mark, &[ch(' ')], Some("mark"), 2, OnList, "mark / unmark the row, cursor moves down"),
        b(Triage, Action::Move, &[code(Enter)], Some("move"), 2, OnList, "move marked rows (or the cursor row) over"),
        b(Triage, Action::MoveRight, &[code(KeyCode::Right), ch('l')], None, 9, OnList, "move to the right column (left column)"),
        b(Triage, Action::MoveLeft, &[code(KeyCode::Left), ch('h')], None, 9, OnList, "move to the left column (right column)"),
        b(Triage, Action::MoveAll, &[ch('a')], Some("move all shown"), 3, OnList, "move every row shown (after filtering)"),
        b(Triage, Action::Filter, &[ch('/')], Some("filter"), 3, OnList, "filter: name, company, position, email"),
        b(Triage, Action::Remove, &[ch('R')], Some("remove…"), 1, On(ListKind::Connections), "remove all on the right (asks first)"),
        b(Triage, Action::Withdraw, &[ch('W')], Some("withdraw…"), 1, On(ListKind::Invitations), "withdraw all on the right (asks first)"),
        b(Triage, Action::Undo, &[ch('u')], Some("undo"), 4, OnList, "undo the last move"),
        b(Triage, Action::Redo, &[Key::ctrl('r')], None, 9, OnList, "redo"),
        b(Triage, Action::SwitchColumn, &tabs, Some("column"), 5, OnList, "switch column"),
        b(Triage, Action::InvertMarks, &[ch('*')], None, 9, OnList, "invert marks (kept rows stay unmarked)"),
        b(Triage, Action::Keep, &[ch('K')], Some("keep"), 5, On(ListKind::Connections), "keep list: bulk moves pass them by"),
        b(Triage, Action::MarkRange, &[ch('V')], None, 9, OnList, "mark a range as the cursor moves"),
        b(Triage, Action::MarkUp, &[Key::shifted(KeyCode::Up)], None, 9, OnList, "mark this row and the one above"),
        b(Triage, Action::MarkDown, &[Key::shifted(KeyCode::Down)], None, 9, OnList, "mark this row and the one below"),
        b(Triage, Action::Sort, &[ch('s')], Some("sort"), 6, OnList, "sort: newest first, last name, company"),
        b(Triage, Action::Export, &[ch('e')], Some("export"), 6, OnList, "export the right column to CSV"),
        b(Triage, Action::Open, &[ch('o')], None, 9, OnList, "open the profile in your browser"),
        b(Triage, Action::CopyUrl, &[ch('y')], None, 9, OnList, "copy the profile URL to the clipboard"),
        b(Triage, Action::ClearFilter, &[code(Esc)], None, 9, OnList, "clear the column's filter"),
        b(Triage, Action::Up, &up, None, 9, OnList, "cursor up"),
        b(Triage, Action::Down, &down, None, 9, OnList, "cursor down"),
        b(Triage, Action::PageUp, &[code(PageUp)], None, 9, OnList, "page up"),
        b(Triage, Action::PageDown, &[code(PageDown)], None, 9, OnList, "page down"),
        b(Triage, Action::Top, &top, None, 9, OnList, "first row"),
        b(Triage, Action::Bottom, &bottom, None, 9, OnList, "last row"),
        b(Hist, Action::OpenNext, &[code(Enter)], Some("open next"), 0, Always, "open the next one to do on LinkedIn, from the cursor on"),
        b(Hist, Action::SwitchList, &tabs, Some("removed/withdrawn"), 3, Always, "show the other list: removed or withdrawn"),
        b(Hist, Action::Done, &[ch('d')], Some("done"), 1, Always, "tick done on LinkedIn (again: untick)"),
        b(Hist, Action::DoneAll, &[ch('D')], None, 9, Always, "mark all shown done (asks first)"),
        b(Hist, Action::Restore, &[ch('r')], Some("restore…"), 4, Always, "restore (asks first)"),
        b(Hist, Action::Mail, &[ch('m')], Some("e-mail"), 5, Always, "an e-mail draft to them"),
        b(Hist, Action::Mark, &[ch(' ')], None, 9, Always, "mark / unmark the row, cursor moves down"),
        b(Hist, Action::InvertMarks, &[ch('*')], None, 9, Always, "invert marks"),
        b(Hist, Action::MarkRange, &[ch('V')], None, 9, Always, "mark a range as the cursor moves"),
        b(Hist, Action::MarkUp, &[Key::shifted(KeyCode::Up)], None, 9, Always, "mark this row and the one above"),
        b(Hist, Action::MarkDown, &[Key::shifted(KeyCode::Down)], None, 9, Always, "mark this row and the one below"),
        b(Hist, Action::Filter, &[ch('/')], None, 9, Always, "filter: name, company, position, email"),
        b(Hist, Action::Sort, &[ch('s')], None, 9, Always, "sort: newest first, name, status"),
        b(Hist, Action::Open, &[ch('o')], None, 9, Always, "open the profile in your browser"),
        b(Hist, Action::CopyUrl, &[ch('y')], None, 9, Always, "copy the profile URL to the clipboard"),
        b(Hist, Action::ClearFilter, &[code(Esc)], None, 9, Always, "clear the filter"),
        b(Hist, Action::Up, &up, None, 9, Always, "cursor up"),
        b(Hist, Action::Down, &down, None, 9, Always, "cursor down"),
        b(Hist, Action::PageUp, &[code(PageUp)], None, 9, Always, "page up"),
        b(Hist, Action::PageDown, &[code(PageDown)], None, 9, Always, "page down"),
        b(Hist, Action::Top, &top, None, 9, Always, "first row"),
        b(Hist, Action::Bottom, &bottom, None, 9, Always, "last row"),
        b(Timeline, Action::PreviousBar, &[code(KeyCode::Left), ch('h')], Some("bar"), 2, Always, "the bar (or burst) before"),
        b(Timeline, Action::NextBar, &[code(KeyCode::Right), ch('l')], Some("bar"), 2, Always, "the bar (or burst) after"),
        b(Timeline, Action::ToggleBursts, &tabs, Some("bursts"), 2, Always, "between the bars and the list of bursts"),
        b(Timeline, Action::ShowConnections, &[code(Enter)], Some("show them"), 1, Always, "the Connections tab, filtered to those days"),
        b(Timeline, Action::ZoomIn, &[ch('+'), ch('=')], Some("weeks"), 3, Always, "per week"),
        b(Timeline, Action::ZoomOut, &[ch('-')], Some("months"), 3, Always, "per month"),
        b(Timeline, Action::Up, &up, None, 9, Always, "the bar (or burst) before"),
        b(Timeline, Action::Down, &down, None, 9, Always, "the bar (or burst) after"),
        b(Timeline, Action::PageUp, &[code(PageUp)], None, 9, Always, "a year back"),
        b(Timeline, Action::PageDown, &[code(PageDown)], None, 9, Always, "a year on"),
        b(Timeline, Action::Top, &top, None, 9, Always, "the first bar"),
        b(Timeline, Action::Bottom, &bottom, None, 9, Always, "the last bar"),
        b(Global, Action::ConnectionsTab, &[ch('1')], None, 9, Always, "Connections tab"),
        b(Global, Action::InvitationsTab, &[ch('2')], None, 9, Always, "Invitations tab"),
        b(Global, Action::HistoryTab, &[ch('3')], None, 9, Always, "History tab"),
        b(Global, Action::TimelineTab, &[ch('4')], None, 9, Always, "Timeline tab: connections per month, bursts"),
        b(Global, Action::Help, &[ch('?')], Some("help"), 0, Always, "this help"),
        b(Global, Action::Quit, &[ch('q'), Key::ctrl('c')], Some("quit"), 0, Always, "quit (the staged list is kept)"),
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
        let on = |c, k: &str| map.action_for(c, k.parse().unwrap());
        let browse = |k: &str| on(Context::Triage, k);
        assert_eq!(browse("G"), Some(Action::Bottom));
        assert_eq!(browse("R"), Some(Action::Remove));
        assert_eq!(browse("ctrl-r"), Some(Action::Redo));
        assert_eq!(browse("r"), None, "restore is History's");
        assert_eq!(browse("x"), None);
        assert_eq!(browse("shift-tab"), Some(Action::SwitchColumn));
        assert_eq!(browse("2"), Some(Action::InvitationsTab));
        assert_eq!(on(Context::History, "r"), Some(Action::Restore));
        assert_eq!(on(Context::History, "Enter"), Some(Action::OpenNext));
        assert_eq!(on(Context::History, "Tab"), Some(Action::SwitchList));
        assert_eq!(on(Context::History, "q"), Some(Action::Quit));
        assert_eq!(on(Context::Timeline, "Right"), Some(Action::NextBar));
        assert_eq!(
            on(Context::Timeline, "Enter"),
            Some(Action::ShowConnections)
        );
        assert_eq!(on(Context::Timeline, "4"), Some(Action::TimelineTab));
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
        assert_eq!(map.action_for(Context::Triage, q), Some(Action::Quit));
        let up: Key = "Up".parse().unwrap();
        assert_eq!(map.action_for(Context::Filter, up), Some(Action::Up));
        assert_eq!(map.action_for(Context::Prompt, up), None);
    }

    #[test]
    fn a_remap_replaces_the_defaults_of_that_action_only() {
        let map = remap(&[("remove", &["X", "ctrl-d"])]).unwrap();
        assert_eq!(
            map.action_for(Context::Triage, "X".parse().unwrap()),
            Some(Action::Remove)
        );
        assert_eq!(map.action_for(Context::Triage, "R".parse().unwrap()), None);
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
        // A global key clashes with every tab's own keys.
        assert_eq!(
            remap(&[("quit", &["d"])]).unwrap_err().to_string(),
            "d is bound to both \"done\" and \"quit\" (on the History tab)"
        );
    }

    #[test]
    fn remapping_move_leaves_history_and_timeline_alone() {
        let map = remap(&[("move", &["x"]), ("switch-column", &["c"])]).unwrap();
        let on = |c, k: &str| map.action_for(c, k.parse().unwrap());
        assert_eq!(on(Context::Triage, "x"), Some(Action::Move));
        assert_eq!(on(Context::Triage, "Enter"), None);
        assert_eq!(on(Context::History, "Enter"), Some(Action::OpenNext));
        assert_eq!(on(Context::History, "Tab"), Some(Action::SwitchList));
        assert_eq!(on(Context::History, "x"), None);
        assert_eq!(
            on(Context::Timeline, "Enter"),
            Some(Action::ShowConnections)
        );
        assert_eq!(on(Context::Timeline, "Tab"), Some(Action::ToggleBursts));
    }
}
