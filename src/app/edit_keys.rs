//! The editing keys of every text field (the filter line, the export prompt): one table
//! that the keymap reads to edit with and the `?` help reads to list. Not remappable,
//! so that they work the same in every field, as a shell's do.

use super::keys::{Key, KeyCode};
use super::line::Edit;

/// One editing key (or its equivalents) and what it does.
#[derive(Debug, Clone, Copy)]
pub struct EditKey {
    pub keys: &'static [Key],
    pub edit: Edit,
    /// Only the filter line remembers earlier lines: `↑` `↓` there, not in the prompt.
    pub filter_only: bool,
    pub help: &'static str,
}

const fn with(code: KeyCode, ctrl: bool, alt: bool) -> Key {
    Key {
        code,
        ctrl,
        alt,
        shift: false,
    }
}

const fn plain(code: KeyCode) -> Key {
    Key::new(code)
}

const fn edit(keys: &'static [Key], edit: Edit, help: &'static str) -> EditKey {
    EditKey {
        keys,
        edit,
        filter_only: false,
        help,
    }
}

/// The editing keys, in the order the help lists them.
pub const EDIT_KEYS: &[EditKey] = &[
    edit(&[plain(KeyCode::Left)], Edit::Left, "a character left"),
    edit(&[plain(KeyCode::Right)], Edit::Right, "a character right"),
    edit(
        &[
            with(KeyCode::Left, true, false),
            with(KeyCode::Left, false, true),
            with(KeyCode::Char('b'), false, true),
        ],
        Edit::WordLeft,
        "a word left",
    ),
    edit(
        &[
            with(KeyCode::Right, true, false),
            with(KeyCode::Right, false, true),
            with(KeyCode::Char('f'), false, true),
        ],
        Edit::WordRight,
        "a word right",
    ),
    edit(
        &[plain(KeyCode::Home), Key::ctrl('a')],
        Edit::Home,
        "to the start of the line",
    ),
    edit(
        &[plain(KeyCode::End), Key::ctrl('e')],
        Edit::End,
        "to the end of the line",
    ),
    edit(
        &[plain(KeyCode::Delete)],
        Edit::DeleteNext,
        "delete the character under the cursor",
    ),
    edit(
        &[Key::ctrl('w')],
        Edit::DeleteWord,
        "delete back to a space (in a path: a part)",
    ),
    edit(&[Key::ctrl('u')], Edit::DeleteLine, "delete the whole line"),
    EditKey {
        keys: &[plain(KeyCode::Up)],
        edit: Edit::Earlier,
        filter_only: true,
        help: "an earlier filter (again: earlier still)",
    },
    EditKey {
        keys: &[plain(KeyCode::Down)],
        edit: Edit::Later,
        filter_only: true,
        help: "a later filter, back to what you typed",
    },
];

/// The edit `key` makes in a field (`filter`: the filter line). Ctrl and Alt must be as
/// listed; a plain key's entry also takes the key with other modifiers (Shift-Home is
/// Home).
pub fn edit_for(key: Key, filter: bool) -> Option<Edit> {
    let applies = || EDIT_KEYS.iter().filter(|e| filter || !e.filter_only);
    let exact = applies().find(|e| {
        e.keys
            .iter()
            .any(|k| k.code == key.code && k.ctrl == key.ctrl && k.alt == key.alt)
    });
    let loose = || {
        applies().find(|e| {
            e.keys.iter().any(|k| {
                k.code == key.code && !k.ctrl && !k.alt && !matches!(k.code, KeyCode::Char(_))
            })
        })
    };
    exact.or_else(loose).map(|e| e.edit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_edit_has_its_keys_listed() {
        let all = [
            Edit::Left,
            Edit::Right,
            Edit::WordLeft,
            Edit::WordRight,
            Edit::Home,
            Edit::End,
            Edit::DeleteNext,
            Edit::DeleteWord,
            Edit::DeleteLine,
            Edit::Earlier,
            Edit::Later,
        ];
        for edit in all {
            assert!(EDIT_KEYS.iter().any(|e| e.edit == edit), "{edit:?}");
        }
    }

    #[test]
    fn modifiers_choose_the_edit() {
        let left = Key::new(KeyCode::Left);
        assert_eq!(edit_for(left, true), Some(Edit::Left));
        assert_eq!(
            edit_for(Key { ctrl: true, ..left }, true),
            Some(Edit::WordLeft)
        );
        assert_eq!(
            edit_for(
                Key {
                    shift: true,
                    ..left
                },
                true
            ),
            Some(Edit::Left)
        );
        assert_eq!(edit_for(Key::ctrl('w'), false), Some(Edit::DeleteWord));
        assert_eq!(edit_for(Key::new(KeyCode::Up), false), None);
        assert_eq!(edit_for(Key::new(KeyCode::Up), true), Some(Edit::Earlier));
        assert_eq!(edit_for(Key::ctrl('x'), true), None);
    }
}
