//! Keys as a user presses them: each looked up in the keymap of whatever has the
//! keyboard, and its action done.

use unconnect::app::App;
use unconnect::app::keys::{Key, KeyCode};

/// Presses each char of `keys`: `\n` is Enter, `\x1b` Esc, `\t` Tab, the rest themselves.
pub fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '\x1b' => KeyCode::Esc,
            '\t' => KeyCode::Tab,
            c => KeyCode::Char(c),
        };
        if let Some(action) = app
            .keymap()
            .clone()
            .action_for(app.context(), Key::new(code))
        {
            // Effects (saving, journaling) are the runtime's; these tests need the state.
            let _ = app.update(action);
        }
    }
}
