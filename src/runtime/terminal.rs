//! Entering and leaving the terminal. Raw mode, the alternate screen and mouse capture are
//! restored on every way out: normal quit, error (the guard's `Drop`), panic (a chained
//! hook) and SIGTERM/SIGHUP/SIGINT (a flag the event loop checks).

use std::io::{self, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;

pub struct TerminalGuard {
    /// Set by SIGTERM, SIGHUP or SIGINT: the loop exits and the guard restores.
    pub stop: Arc<AtomicBool>,
}

impl TerminalGuard {
    pub fn enter() -> io::Result<(DefaultTerminal, TerminalGuard)> {
        let stop = Arc::new(AtomicBool::new(false));
        #[cfg(unix)]
        for signal in [
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
            signal_hook::consts::SIGINT,
        ] {
            signal_hook::flag::register(signal, Arc::clone(&stop))?;
        }
        watch_for_stuck_exit(Arc::clone(&stop));
        // ratatui's own hook restores raw mode and the screen but not mouse capture.
        let terminal = ratatui::try_init()?;
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
        // Pasted text arrives as one event, not as keys that could act.
        execute!(stdout(), EnableMouseCapture, EnableBracketedPaste)?;
        Ok((terminal, TerminalGuard { stop }))
    }
}

/// After SIGHUP the terminal may be gone, and crossterm then spins reading end-of-file
/// instead of returning to the loop that checks the stop flag. Everything the user did is
/// already on disk, so if the loop has not exited a second after a signal, exit here.
fn watch_for_stuck_exit(stop: Arc<AtomicBool>) {
    std::thread::spawn(move || {
        while !stop.load(Ordering::Relaxed) {
            std::thread::sleep(Duration::from_millis(100));
        }
        std::thread::sleep(Duration::from_secs(1));
        restore();
        std::process::exit(129);
    });
}

fn restore() {
    let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
    // try_restore: restore() prints its error, and printing to a closed terminal panics.
    let _ = ratatui::try_restore();
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}
