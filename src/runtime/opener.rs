//! Opening a URL in the browser, with the opener's failure worded for the user: the
//! `open` crate reports a launcher that failed as `Launcher "xdg-open" "https://…" failed
//! with ExitStatus(unix_wait_status(512))`, a Rust debug string.

use super::clipboard;
use crate::app::OpenOutcome;
use crate::text_safety;

/// Opens `url` in the browser if it is one the opener may be given (LinkedIn's https
/// pages, checked `mailto:` links); when no browser starts, the URL goes to the clipboard:
/// with mouse capture on, the user cannot select it on the screen.
pub fn open_or_copy(url: &str) -> OpenOutcome {
    match text_safety::openable_url(url) {
        Err(refused) => OpenOutcome::Refused(refused.to_string()),
        Ok(_) => match open_detached(url) {
            Ok(()) => OpenOutcome::Opened,
            Err(e) => match clipboard::copy(url) {
                Ok(()) => OpenOutcome::OnClipboard(e),
                Err(_) => OpenOutcome::Failed(e),
            },
        },
    }
}

/// Opens each URL in its own tab, in order. The first that fails ends the batch: a
/// browser that did not start for one will not for the next, and the clipboard holds
/// one link.
pub fn open_all(urls: Vec<String>) -> Vec<(String, OpenOutcome)> {
    let mut outcomes = Vec::with_capacity(urls.len());
    for url in urls {
        let outcome = open_or_copy(&url);
        let stop = outcome != OpenOutcome::Opened;
        outcomes.push((url, outcome));
        if stop {
            break;
        }
    }
    outcomes
}

/// Opens `url` in a detached browser; the error is a sentence fragment for the status line.
pub fn open_detached(url: &str) -> Result<(), String> {
    open::that_detached(url).map_err(|e| worded(&e.to_string()))
}

/// "xdg-open exited with code 2" for the `open` crate's debug text; other errors as they are.
fn worded(message: &str) -> String {
    let Some(rest) = message.strip_prefix("Launcher ") else {
        return message.to_owned();
    };
    let Some((command, status)) = rest.rsplit_once(" failed with ") else {
        return message.to_owned();
    };
    // The command's debug text starts with the quoted program; the URL after it is left out.
    let program = command
        .strip_prefix('"')
        .and_then(|c| c.split('"').next())
        .unwrap_or("the browser launcher");
    let program = std::path::Path::new(program)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(program);
    let number = |prefix: &str| {
        status
            .strip_prefix(prefix)
            .and_then(|s| s.trim_end_matches(')').parse::<i32>().ok())
    };
    #[allow(clippy::verbose_bit_mask)] // as WIFEXITED and WEXITSTATUS read a wait status
    let how = match number("ExitStatus(unix_wait_status(") {
        Some(wait) if wait & 0x7f == 0 => format!("exited with code {}", (wait >> 8) & 0xff),
        Some(wait) => format!("was killed by signal {}", wait & 0x7f),
        None => match number("ExitStatus(ExitStatus(") {
            Some(code) => format!("exited with code {code}"),
            None => "failed".to_owned(),
        },
    };
    format!("{program} {how}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_launcher_is_worded_without_debug_text() {
        let said = worded(
            "Launcher \"/usr/bin/xdg-open\" \"https://www.linkedin.com/in/x\" failed with \
             ExitStatus(unix_wait_status(512))",
        );
        assert_eq!(said, "xdg-open exited with code 2");
        assert_eq!(
            worded("Launcher \"gio\" \"open\" \"u\" failed with ExitStatus(unix_wait_status(9))"),
            "gio was killed by signal 9"
        );
        assert_eq!(
            worded("No such file or directory"),
            "No such file or directory"
        );
    }
}
