//! Putting text on the clipboard through the terminal (OSC 52), which works over ssh and
//! in tmux, where no clipboard program may exist. The text is base64-encoded, so a name
//! with escape sequences in it is inert here.

use std::io::{self, Write};

use base64::Engine as _;

/// The OSC 52 sequence that sets the clipboard to `text`.
pub fn osc52(text: &str) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    format!("\x1b]52;c;{encoded}\x07")
}

/// Sends the clipboard sequence to the terminal.
pub fn copy(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(osc52(text).as_bytes())?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sequence_carries_the_text_encoded() {
        assert_eq!(
            osc52("https://www.linkedin.com/in/zoë"),
            "\x1b]52;c;aHR0cHM6Ly93d3cubGlua2VkaW4uY29tL2luL3pvw6s=\x07"
        );
        // An escape inside the text cannot end the sequence early.
        assert!(
            !osc52("a\x07b\x1b]0;x")
                .trim_end_matches('\x07')
                .contains('\x07')
        );
    }
}
