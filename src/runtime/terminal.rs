//! Entering and leaving the terminal. Raw mode, the alternate screen and mouse capture are
//! restored on every way out: normal quit, error (the guard's `Drop`), panic (a chained
//! hook), SIGTERM/SIGHUP/SIGINT (a signal number the event loop checks) and `Ctrl-z`
//! (given back before the process stops, taken again when it continues).

use std::io::{self, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;

pub struct TerminalGuard {
    /// The number of the SIGTERM, SIGHUP or SIGINT that arrived, 0 until one does: the
    /// loop exits, the guard restores, and the process exits with 128 + that number.
    stop: Arc<AtomicUsize>,
}

impl TerminalGuard {
    pub fn enter() -> io::Result<(DefaultTerminal, TerminalGuard)> {
        let stop = Arc::new(AtomicUsize::new(0));
        #[cfg(unix)]
        for signal in [
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
            signal_hook::consts::SIGINT,
        ] {
            // A signal number is positive: it fits.
            let number = usize::try_from(signal).unwrap_or(usize::MAX);
            signal_hook::flag::register_usize(signal, Arc::clone(&stop), number)?;
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

    /// Whether a signal asked the app to end.
    pub fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed) != 0
    }

    /// The signal that ended the app, if one did.
    pub fn signal(&self) -> Option<i32> {
        signal_number(&self.stop)
    }
}

fn signal_number(stop: &AtomicUsize) -> Option<i32> {
    match stop.load(Ordering::Relaxed) {
        0 => None,
        n => i32::try_from(n).ok(),
    }
}

/// `Ctrl-z`: gives the terminal back to the shell, stops the process as the terminal's
/// own suspend key would (raw mode turns that key into a key press), and when the shell
/// continues it (`fg`), takes the terminal again and clears it so the next frame is drawn
/// whole.
#[cfg(unix)]
pub fn suspend(terminal: &mut DefaultTerminal) -> io::Result<()> {
    use ratatui::crossterm::terminal::{Clear, ClearType, EnterAlternateScreen, enable_raw_mode};
    restore();
    // SAFETY: raise only sends a signal to this process; SIGTSTP's default action stops
    // it, and the call returns once SIGCONT continues it.
    unsafe {
        libc::raise(libc::SIGTSTP);
    }
    enable_raw_mode()?;
    execute!(
        stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        Clear(ClearType::All)
    )?;
    // Both buffers emptied: the next frame is written whole. (Not `clear()`, which asks
    // the terminal where its cursor is and fails on one that does not answer.)
    terminal.swap_buffers();
    Ok(())
}

/// Without job control there is nothing to suspend to: the key does nothing.
#[cfg(not(unix))]
pub fn suspend(_terminal: &mut DefaultTerminal) -> io::Result<()> {
    Ok(())
}

/// After SIGHUP the terminal may be gone, and crossterm then spins reading end-of-file
/// instead of returning to the loop that checks the stop flag. Everything the user did is
/// already on disk, so if the loop has not exited a second after a signal, exit here.
fn watch_for_stuck_exit(stop: Arc<AtomicUsize>) {
    std::thread::spawn(move || {
        let signal = loop {
            if let Some(signal) = signal_number(&stop) {
                break signal;
            }
            std::thread::sleep(Duration::from_millis(100));
        };
        std::thread::sleep(Duration::from_secs(1));
        restore();
        std::process::exit(128 + signal);
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
