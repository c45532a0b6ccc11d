//! Key bindings as data: the defaults below, with the config file's `[keys]` laid over
//! them. Key handling, the footer hints, the `?` help and the key names in dialogs all
//! read the one [`Keymap`], so remapping `remove` changes all of them.

use std::collections::BTreeMap;

use super::action::{Action, Tab};
use super::bindings::defaults;
use super::keys::{Key, KeyCode};
use super::list::ListKind;

/// Which part of the app has the keyboard. Each tab is a screen with its own context,
/// so one key can mean different things on two tabs and remapping an action of one tab
/// never remaps another's. What differs between tabs' keys is said by the `Tab` itself
/// (`Tab::keys_title`, `Tab::overlays`), so a new tab needs no new context here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    /// A tab's own keys (the Invitations tab answers the Connections tab's: see
    /// `Tab::keys`).
    Screen(Tab),
    /// Keys every tab answers: the tabs, help, quit. A tab's own keys come first.
    Global,
    /// Typing a filter.
    Filter,
    /// The confirm dialog.
    Confirm,
    /// Typing an export path.
    Prompt,
    /// The sort menu (`s`).
    Sort,
    /// The help overlay.
    Help,
}

impl Context {
    /// The keys of the two-column tabs, Connections and Invitations.
    pub const TRIAGE: Context = Context::Screen(Tab::Connections);
    pub const HISTORY: Context = Context::Screen(Tab::History);
    pub const TIMELINE: Context = Context::Screen(Tab::Timeline);

    /// Every context, the tabs' first, in the order `unconnect config` prints them.
    pub fn all() -> Vec<Context> {
        let mut all: Vec<Context> = Vec::new();
        for tab in Tab::ALL {
            let context = Context::Screen(tab.keys());
            if !all.contains(&context) {
                all.push(context);
            }
        }
        all.extend([
            Context::Global,
            Context::Filter,
            Context::Confirm,
            Context::Prompt,
            Context::Sort,
            Context::Help,
        ]);
        all
    }

    pub fn title(self) -> &'static str {
        match self {
            Context::Screen(tab) => tab.keys_title(),
            Context::Global => "Every tab",
            Context::Filter => "While filtering",
            Context::Confirm => "Confirm dialog",
            Context::Prompt => "Export path",
            Context::Sort => "Sort menu",
            Context::Help => "Help",
        }
    }

    /// Printable keys type text here, so they cannot be bound.
    pub fn takes_text(self) -> bool {
        matches!(self, Context::Filter | Context::Prompt)
    }

    /// A tab's own context: the global keys work there too.
    pub fn is_screen(self) -> bool {
        matches!(self, Context::Screen(_))
    }

    /// What the `?` help lists on a tab: its own keys first, then the global ones, then
    /// the overlays that tab can open.
    pub fn help_sections(self) -> Vec<Context> {
        match self {
            Context::Screen(tab) => [self, Context::Global]
                .into_iter()
                .chain(tab.overlays().iter().copied())
                .collect(),
            _ => vec![self],
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
                binding.keys.clone_from(keys);
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
            let contexts: Vec<Context> = if b.context == Context::Global {
                Context::all()
                    .into_iter()
                    .filter(|c| c.is_screen())
                    .collect()
            } else {
                vec![b.context]
            };
            for &key in &b.keys {
                if b.context.takes_text() && key.text().is_some() {
                    return Err(KeymapError::TypesText {
                        key: key.config_name(),
                        action: b.action.name(),
                        context: context_phrase(b.context),
                    });
                }
                for &context in &contexts {
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
    /// input, Backspace deletes, and the editing keys edit (`←` `→` `Home` `End`
    /// `Ctrl-w` `Ctrl-u`; in the filter, ↑ ↓ bring back earlier filters).
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
        if let Some(c) = key.text() {
            return Some(Action::Input(c));
        }
        if key.code == KeyCode::Backspace {
            return Some(Action::Backspace);
        }
        let edit = super::edit_keys::edit_for(key, context == Context::Filter)?;
        Some(Action::Edit(edit))
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
        Context::Screen(tab) => tab.keys_phrase(),
        Context::Global => "on every tab",
        Context::Filter => "while filtering",
        Context::Confirm => "in the confirm dialog",
        Context::Prompt => "in the export prompt",
        Context::Sort => "in the sort menu",
        Context::Help => "in the help",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::line::Edit;

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
        let browse = |k: &str| on(Context::TRIAGE, k);
        assert_eq!(browse("G"), Some(Action::Bottom));
        assert_eq!(browse("R"), Some(Action::Remove));
        assert_eq!(browse("ctrl-r"), Some(Action::Redo));
        assert_eq!(browse("r"), None, "restore is History's");
        assert_eq!(browse("x"), None);
        assert_eq!(browse("shift-tab"), Some(Action::SwitchColumn));
        assert_eq!(browse("2"), Some(Action::InvitationsTab));
        assert_eq!(on(Context::HISTORY, "r"), Some(Action::Restore));
        assert_eq!(on(Context::HISTORY, "Enter"), Some(Action::OpenNext));
        assert_eq!(on(Context::HISTORY, "Tab"), Some(Action::SwitchList));
        assert_eq!(on(Context::HISTORY, "q"), Some(Action::Quit));
        assert_eq!(on(Context::TIMELINE, "Right"), Some(Action::NextBar));
        assert_eq!(
            on(Context::TIMELINE, "Enter"),
            Some(Action::ShowConnections)
        );
        assert_eq!(on(Context::TIMELINE, "4"), Some(Action::TimelineTab));
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
        assert_eq!(map.action_for(Context::TRIAGE, q), Some(Action::Quit));
        let up: Key = "Up".parse().unwrap();
        // ↑ brings back an earlier filter; a path has none.
        assert_eq!(
            map.action_for(Context::Filter, up),
            Some(Action::Edit(Edit::Earlier))
        );
        assert_eq!(map.action_for(Context::Prompt, up), None);
        let left: Key = "Left".parse().unwrap();
        assert_eq!(
            map.action_for(Context::Prompt, left),
            Some(Action::Edit(Edit::Left))
        );
    }

    #[test]
    fn a_remap_replaces_the_defaults_of_that_action_only() {
        let map = remap(&[("remove", &["X", "ctrl-d"])]).unwrap();
        assert_eq!(
            map.action_for(Context::TRIAGE, "X".parse().unwrap()),
            Some(Action::Remove)
        );
        assert_eq!(map.action_for(Context::TRIAGE, "R".parse().unwrap()), None);
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
        assert_eq!(on(Context::TRIAGE, "x"), Some(Action::Move));
        assert_eq!(on(Context::TRIAGE, "Enter"), None);
        assert_eq!(on(Context::HISTORY, "Enter"), Some(Action::OpenNext));
        assert_eq!(on(Context::HISTORY, "Tab"), Some(Action::SwitchList));
        assert_eq!(on(Context::HISTORY, "x"), None);
        assert_eq!(
            on(Context::TIMELINE, "Enter"),
            Some(Action::ShowConnections)
        );
        assert_eq!(on(Context::TIMELINE, "Tab"), Some(Action::ToggleBursts));
    }
}
