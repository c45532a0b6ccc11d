//! Terminal key events as the app's keys: the one place that knows crossterm's key type.

use ratatui::crossterm::event::{KeyCode as TermCode, KeyEvent, KeyModifiers};

use crate::app::keys::{Key, KeyCode};

/// The app's key for a terminal key event; `None` for keys the app has no name for.
pub fn key_of(event: &KeyEvent) -> Option<Key> {
    let code = match event.code {
        TermCode::Char(c) => KeyCode::Char(c),
        TermCode::Enter => KeyCode::Enter,
        TermCode::Esc => KeyCode::Esc,
        TermCode::Tab => KeyCode::Tab,
        TermCode::BackTab => KeyCode::BackTab,
        TermCode::Backspace => KeyCode::Backspace,
        TermCode::Delete => KeyCode::Delete,
        TermCode::Up => KeyCode::Up,
        TermCode::Down => KeyCode::Down,
        TermCode::Left => KeyCode::Left,
        TermCode::Right => KeyCode::Right,
        TermCode::PageUp => KeyCode::PageUp,
        TermCode::PageDown => KeyCode::PageDown,
        TermCode::Home => KeyCode::Home,
        TermCode::End => KeyCode::End,
        TermCode::F(n) => KeyCode::F(n),
        _ => return None,
    };
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    Some(Key {
        // Terminals send Ctrl-R as Ctrl and `r` or `R`: the keymap names it ctrl-r.
        code: match code {
            KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
            code => code,
        },
        ctrl,
        alt: event.modifiers.contains(KeyModifiers::ALT),
        // Shift is in the character itself (`R`, `?`) or the key (Shift-Tab); only the
        // other named keys carry it (Shift-↑).
        shift: event.modifiers.contains(KeyModifiers::SHIFT)
            && !matches!(code, KeyCode::Char(_) | KeyCode::BackTab),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shifted_characters_and_ctrl_keys_become_their_names() {
        let key = |code, m| key_of(&KeyEvent::new(code, m)).unwrap();
        assert_eq!(
            key(TermCode::Char('R'), KeyModifiers::SHIFT),
            Key::char('R')
        );
        assert_eq!(
            key(TermCode::Char('r'), KeyModifiers::CONTROL),
            Key::ctrl('r')
        );
        assert_eq!(
            key(TermCode::BackTab, KeyModifiers::SHIFT),
            Key::new(KeyCode::BackTab)
        );
        assert_eq!(
            key_of(&KeyEvent::new(TermCode::CapsLock, KeyModifiers::NONE)),
            None
        );
    }
}
