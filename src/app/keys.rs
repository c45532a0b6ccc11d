//! A key as the keymap and the config file name it: `R`, `ctrl-r`, `Enter`, `shift-tab`.
//! The runtime turns terminal events into these, so the app never sees a terminal type.

use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyCode {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    F(u8),
}

/// A key press. Shift is in the character itself (`R`, `?`) and in Shift-Tab's own key;
/// `shift` is for the other named keys (Shift-↑).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
}

impl Key {
    pub const fn new(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
            shift: false,
        }
    }

    pub const fn shifted(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
            shift: true,
        }
    }

    pub const fn char(c: char) -> Key {
        Key::new(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
            alt: false,
            shift: false,
        }
    }

    /// A printable character typed without Ctrl or Alt: text in a text field.
    pub fn text(self) -> Option<char> {
        match self.code {
            KeyCode::Char(c) if !self.ctrl && !self.alt => Some(c),
            _ => None,
        }
    }
}

/// Why a key name in the config file is not a key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "\"{0}\" is not a key: use a character (`R`, `/`), a name (Enter, Esc, Tab, Shift-Tab, \
     Backspace, Delete, Space, Up, Down, Left, Right, PageUp, PageDown, Home, End, F1-F12), \
     with ctrl- or alt- before it if needed"
)]
pub struct BadKey(pub String);

impl FromStr for Key {
    type Err = BadKey;

    fn from_str(s: &str) -> Result<Key, BadKey> {
        let bad = || BadKey(s.to_owned());
        let mut key = Key::new(KeyCode::Enter);
        let mut rest = s;
        // `-` alone is a key; `ctrl--` is Ctrl and `-`.
        while let Some((modifier, tail)) = rest.split_once('-').filter(|(_, t)| !t.is_empty()) {
            match modifier.to_ascii_lowercase().as_str() {
                "ctrl" | "c" => key.ctrl = true,
                "alt" | "a" | "meta" | "m" => key.alt = true,
                "shift" | "s" if tail.eq_ignore_ascii_case("tab") => {
                    key.code = KeyCode::BackTab;
                    return (!key.ctrl && !key.alt).then_some(key).ok_or_else(bad);
                }
                // Shift with a character is the character itself (`R`), not a modifier.
                "shift" | "s" if tail.chars().count() > 1 => key.shift = true,
                _ => return Err(bad()),
            }
            rest = tail;
        }
        let mut chars = rest.chars();
        key.code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(if key.ctrl { c.to_ascii_lowercase() } else { c }),
            _ => match rest.to_ascii_lowercase().as_str() {
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "space" => KeyCode::Char(' '),
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "pageup" | "pgup" => KeyCode::PageUp,
                "pagedown" | "pgdn" => KeyCode::PageDown,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                f => match f.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                    Some(n @ 1..=12) => KeyCode::F(n),
                    _ => return Err(bad()),
                },
            },
        };
        Ok(key)
    }
}

/// How the footer, the help and the dialogs write a key: `R`, `Ctrl-r`, `↑`, `PgDn`.
impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        if self.shift {
            f.write_str("Shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("S-Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Delete"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::F(n) => write!(f, "F{n}"),
        }
    }
}

impl Key {
    /// The name the config file uses: parses back to the same key.
    pub fn config_name(&self) -> String {
        let mut s = String::new();
        if self.ctrl {
            s.push_str("ctrl-");
        }
        if self.alt {
            s.push_str("alt-");
        }
        if self.shift {
            s.push_str("shift-");
        }
        match self.code {
            KeyCode::Char(' ') => s.push_str("Space"),
            KeyCode::Char(c) => s.push(c),
            KeyCode::Up => s.push_str("Up"),
            KeyCode::Down => s.push_str("Down"),
            KeyCode::Left => s.push_str("Left"),
            KeyCode::Right => s.push_str("Right"),
            KeyCode::PageUp => s.push_str("PageUp"),
            KeyCode::PageDown => s.push_str("PageDown"),
            _ => s.push_str(&self.to_string()),
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> Key {
        s.parse().unwrap()
    }

    #[test]
    fn names_parse_to_keys() {
        assert_eq!(key("R"), Key::char('R'));
        assert_eq!(key("ctrl-r"), Key::ctrl('r'));
        assert_eq!(key("Ctrl-R"), Key::ctrl('r'));
        assert_eq!(key("-"), Key::char('-'));
        assert_eq!(key("ctrl--"), Key::ctrl('-'));
        assert_eq!(key("Space"), Key::char(' '));
        assert_eq!(key("shift-tab"), Key::new(KeyCode::BackTab));
        assert_eq!(key("PgDn"), Key::new(KeyCode::PageDown));
        assert_eq!(key("F5"), Key::new(KeyCode::F(5)));
        assert_eq!(key("shift-up"), Key::shifted(KeyCode::Up));
        assert_eq!(
            key("alt-x"),
            Key {
                code: KeyCode::Char('x'),
                ctrl: false,
                alt: true,
                shift: false,
            }
        );
    }

    #[test]
    fn nonsense_is_refused_with_the_name() {
        for bad in ["", "ctrl-", "hyper-x", "F13", "Enterr", "shift-x"] {
            let err = bad.parse::<Key>().unwrap_err();
            assert_eq!(err.0, bad);
        }
    }

    #[test]
    fn config_names_round_trip() {
        for s in [
            "R",
            "ctrl-r",
            "Enter",
            "Shift-Tab",
            "Up",
            "PageDown",
            "Space",
            "F1",
            "?",
            "shift-down",
        ] {
            let k = key(s);
            assert_eq!(key(&k.config_name()), k, "{s}");
        }
        assert_eq!(Key::ctrl('r').to_string(), "Ctrl-r");
        assert_eq!(Key::new(KeyCode::Up).to_string(), "↑");
    }
}
