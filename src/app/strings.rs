//! What the app says to the user, in one place (as gitui's `strings.rs`): status
//! messages, dialog texts, footer and help lines. The runtime and the widgets word
//! nothing of their own; they show what the app layer gives them.

use std::path::Path;

pub const INDEXING_FAILED: &str =
    "Indexing or sorting the connections failed (a bug: please report it)";

pub const SAVING_BEFORE_QUIT: &str = "Saving before quitting…";

pub const WRITER_STOPPED: &str = "Saving stopped unexpectedly (a bug: please report it). \
     Changes from now on are not saved; check `unconnect export removed` before removing \
     anyone again.";

pub fn exporting(count: usize, path: &Path) -> String {
    format!("Exporting {count} to {}…", path.display())
}

pub fn opened(url: &str) -> String {
    format!("Opened {url} in your browser")
}

/// Shown whole (the status line wraps) and copied: with mouse capture on, the user cannot
/// select it on the screen.
pub fn no_browser_url_copied(error: &str, url: &str) -> String {
    format!("No browser could be started ({error}). The URL is on your clipboard: {url}")
}

pub fn no_browser(error: &str, url: &str) -> String {
    format!("No browser could be started ({error}): {url}")
}

pub fn not_copied(error: &str, text: &str) -> String {
    format!("Could not copy to the clipboard ({error}): {text}")
}
