//! The one table of key bindings. Key handling, the footer hints and the `?` help are all
//! read from it, so they cannot disagree.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, Tab};

/// Which part of the app has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    pub fn title(self) -> &'static str {
        match self {
            Context::Browse => "Triage",
            Context::Filter => "While filtering",
            Context::Confirm => "Confirm dialog",
            Context::Prompt => "Export path",
            Context::Help => "Help",
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn k(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}

const fn code(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    /// How the keys are written in the footer and help, e.g. `↑↓ jk`.
    pub label: &'static str,
    /// Footer text; `None` keeps the binding out of the footer (help only).
    pub hint: Option<&'static str>,
    pub help: &'static str,
    pub action: Action,
}

const fn bind(
    context: Context,
    keys: &'static [Key],
    label: &'static str,
    hint: Option<&'static str>,
    help: &'static str,
    action: Action,
) -> Binding {
    Binding {
        context,
        keys,
        label,
        hint,
        help,
        action,
    }
}

use Context::{Browse, Confirm, Filter, Help, Prompt};

#[rustfmt::skip]
pub static KEYMAP: &[Binding] = &[
    bind(Browse, &[k(' ')], "Space", Some("mark"), "mark / unmark the row, cursor moves down", Action::ToggleMark),
    bind(Browse, &[code(KeyCode::Enter)], "Enter", Some("move"), "move marked rows (or the cursor row) across", Action::MoveSelection),
    bind(Browse, &[code(KeyCode::Right), k('l')], "→ l", None, "move to the right column (left column)", Action::MoveRight),
    bind(Browse, &[code(KeyCode::Left), k('h')], "← h", None, "move back to the left column (right column)", Action::MoveLeft),
    bind(Browse, &[k('a')], "a", Some("move all shown"), "move every row shown (after filtering)", Action::MoveAllShown),
    bind(Browse, &[k('/')], "/", Some("filter"), "filter: name, company, position, email", Action::StartFilter),
    bind(Browse, &[k('R')], "R", Some("remove…"), "remove everyone on the right (asks first)", Action::AskRemove),
    bind(Browse, &[k('W')], "W", Some("withdraw…"), "withdraw everyone on the right (asks first)", Action::AskWithdraw),
    bind(Browse, &[k('u')], "u", Some("undo"), "undo the last move", Action::Undo),
    bind(Browse, &[ctrl('r')], "Ctrl-r", None, "redo", Action::Redo),
    bind(Browse, &[code(KeyCode::Tab), code(KeyCode::BackTab)], "Tab", Some("column"), "switch column (Shift-Tab too)", Action::SwitchColumn),
    bind(Browse, &[k('*')], "*", None, "invert marks (within the filter)", Action::InvertMarks),
    bind(Browse, &[k('s')], "s", Some("sort"), "sort: newest first, last name, company", Action::CycleSort),
    bind(Browse, &[k('e')], "e", Some("export"), "export the right column to CSV", Action::AskExport),
    bind(Browse, &[k('o')], "o", None, "open the profile in your browser", Action::OpenProfile),
    bind(Browse, &[code(KeyCode::Up), k('k')], "↑ k", None, "cursor up", Action::Up),
    bind(Browse, &[code(KeyCode::Down), k('j')], "↓ j", None, "cursor down", Action::Down),
    bind(Browse, &[code(KeyCode::PageUp)], "PgUp", None, "page up", Action::PageUp),
    bind(Browse, &[code(KeyCode::PageDown)], "PgDn", None, "page down", Action::PageDown),
    bind(Browse, &[k('g'), code(KeyCode::Home)], "g Home", None, "first row", Action::Top),
    bind(Browse, &[k('G'), code(KeyCode::End)], "G End", None, "last row", Action::Bottom),
    bind(Browse, &[k('1')], "1", None, "Connections tab", Action::SwitchTab(Tab::Connections)),
    bind(Browse, &[k('2')], "2", None, "Invitations tab", Action::SwitchTab(Tab::Invitations)),
    bind(Browse, &[k('3')], "3", None, "History tab", Action::SwitchTab(Tab::History)),
    bind(Browse, &[k('?')], "?", Some("help"), "this help", Action::ToggleHelp),
    bind(Browse, &[k('q'), ctrl('c')], "q", Some("quit"), "quit (the staged list is kept)", Action::Quit),
    bind(Filter, &[code(KeyCode::Enter)], "Enter", Some("keep filter"), "keep the filter, back to the rows", Action::Submit),
    bind(Filter, &[code(KeyCode::Esc)], "Esc", Some("clear"), "clear the filter", Action::Cancel),
    bind(Filter, &[code(KeyCode::Backspace)], "Backspace", None, "delete a character", Action::Backspace),
    bind(Filter, &[code(KeyCode::Up)], "↑", None, "cursor up", Action::Up),
    bind(Filter, &[code(KeyCode::Down)], "↓", None, "cursor down", Action::Down),
    bind(Confirm, &[k('y')], "y", Some("confirm"), "confirm: remove (or withdraw)", Action::Confirm),
    bind(Confirm, &[k('n'), code(KeyCode::Esc)], "n Esc", Some("cancel"), "cancel", Action::Cancel),
    bind(Confirm, &[code(KeyCode::Tab), code(KeyCode::BackTab), code(KeyCode::Left), code(KeyCode::Right)], "Tab ←→", Some("choose"), "focus the other button", Action::NextButton),
    bind(Confirm, &[code(KeyCode::Enter)], "Enter", Some("press"), "press the focused button (Cancel first)", Action::PressButton),
    bind(Prompt, &[code(KeyCode::Enter)], "Enter", Some("export"), "write the file", Action::Submit),
    bind(Prompt, &[code(KeyCode::Esc)], "Esc", Some("cancel"), "close without exporting", Action::Cancel),
    bind(Prompt, &[code(KeyCode::Backspace)], "Backspace", None, "delete a character", Action::Backspace),
    bind(Help, &[k('?'), code(KeyCode::Esc), k('q')], "? Esc q", Some("close help"), "close this help", Action::ToggleHelp),
];

fn matches(key: &Key, event: &KeyEvent) -> bool {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    // Terminals report Shift for `G`, `R`, `*`, `?`: the character already says it.
    key.code == event.code && key.ctrl == ctrl
}

/// The action for a key in a context. In text contexts, unbound printable keys are input.
pub fn action_for(context: Context, event: &KeyEvent) -> Option<Action> {
    let bound = KEYMAP
        .iter()
        .filter(|b| b.context == context)
        .find(|b| b.keys.iter().any(|key| matches(key, event)))
        .map(|b| b.action.clone());
    if bound.is_some() {
        return bound;
    }
    match (context, event.code) {
        (Context::Filter | Context::Prompt, KeyCode::Char(c))
            if !event.modifiers.contains(KeyModifiers::CONTROL) =>
        {
            Some(Action::Input(c))
        }
        _ => None,
    }
}

/// `(keys, hint)` pairs for the footer, in table order.
pub fn hints(context: Context) -> impl Iterator<Item = (&'static str, &'static str)> {
    KEYMAP
        .iter()
        .filter(move |b| b.context == context)
        .filter_map(|b| b.hint.map(|h| (b.label, h)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn default_keys_map_to_their_actions() {
        let browse = |c, m| action_for(Context::Browse, &key(c, m));
        assert_eq!(
            browse(KeyCode::Char('G'), KeyModifiers::SHIFT),
            Some(Action::Bottom)
        );
        assert_eq!(
            browse(KeyCode::Char('R'), KeyModifiers::SHIFT),
            Some(Action::AskRemove)
        );
        assert_eq!(
            browse(KeyCode::Char('r'), KeyModifiers::CONTROL),
            Some(Action::Redo)
        );
        assert_eq!(browse(KeyCode::Char('r'), KeyModifiers::NONE), None);
        assert_eq!(
            browse(KeyCode::BackTab, KeyModifiers::SHIFT),
            Some(Action::SwitchColumn)
        );
        assert_eq!(
            browse(KeyCode::Char('2'), KeyModifiers::NONE),
            Some(Action::SwitchTab(Tab::Invitations))
        );
    }

    #[test]
    fn text_contexts_take_printable_keys_as_input() {
        let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(action_for(Context::Filter, &q), Some(Action::Input('q')));
        assert_eq!(action_for(Context::Browse, &q), Some(Action::Quit));
    }

    #[test]
    fn every_context_has_footer_hints() {
        for c in [
            Context::Browse,
            Context::Filter,
            Context::Confirm,
            Context::Prompt,
            Context::Help,
        ] {
            assert!(hints(c).count() > 0, "{c:?}");
        }
    }
}
