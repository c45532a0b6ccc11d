//! The `unconnect` command: parse the command line, dispatch, print one-line errors.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use std::sync::Arc;

use clap::Parser;
use unconnect::cli::{Cli, Command};
use unconnect::commands;
use unconnect::config::{self, Config};
use unconnect::runtime::{self, Settings};
use unconnect::session::{self, Options};
use unconnect::store::data_dir;

fn main() -> ExitCode {
    return_large_blocks_to_the_system();
    // Fancy panic reports; the terminal guard chains its restore in front of this hook.
    let _ = color_eyre::install();
    let cli = Cli::parse();
    match dispatch(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("unconnect: {e}");
            ExitCode::from(2)
        }
    }
}

/// glibc raises its mmap threshold each time a large block is freed, so the big
/// temporary buffers of a load (parse halves, sort keys) end up in heaps it does not
/// give back: a million rows peaked 10-25 MiB higher, varying run to run. A fixed
/// threshold keeps blocks of 256 KiB and more mapped on their own, returned when freed.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn return_large_blocks_to_the_system() {
    // SAFETY: mallopt only sets an allocator parameter; called before any other thread
    // exists, as glibc asks.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 256 * 1024);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn return_large_blocks_to_the_system() {}

fn dispatch(cli: Cli) -> color_eyre::Result<()> {
    // A bad config file stops everything, before the terminal is touched.
    let config = Config::load(cli.config.as_deref(), cli.rules.overrides())?;
    let data_dir = || data_dir::resolve(cli.open.data.data_dir.as_deref());
    match &cli.command {
        Some(Command::Config) => {
            print!("{}", config::print::render(&config));
        }
        Some(Command::Check {
            path,
            json,
            invitations,
        }) => commands::check::run(path, invitations.as_deref(), *json)?,
        Some(Command::Export {
            which,
            output,
            excel,
        }) => {
            let n = commands::export::run(
                *which,
                &data_dir()?,
                &config.rules,
                output.as_deref(),
                *excel,
            )?;
            if let Some(path) = output {
                eprintln!("Wrote {n} rows to {}", path.display());
            }
        }
        None => run_app(&cli, config, data_dir()?)?,
    }
    Ok(())
}

fn run_app(cli: &Cli, config: Config, data_dir: PathBuf) -> color_eyre::Result<()> {
    let loading = session::start(Options {
        path: cli.open.path.clone(),
        invitations: cli.open.invitations.clone(),
        data_dir: data_dir.clone(),
        today: chrono::Local::now().date_naive(),
        rules: config.rules,
    })?;
    let settings = Settings {
        theme: config.theme(),
        keymap: Arc::new(config.keymap),
        debug_timing: cli.open.debug_timing,
    };
    let Some(app) = runtime::run(loading, settings)? else {
        return Ok(());
    };
    let staged = app.staged_count();
    if !app.is_saved(unconnect::app::ListKind::Connections) {
        eprintln!(
            "unconnect: the last change to the staged list could not be saved in {}; \
             the next start may show an older selection.",
            data_dir.display()
        );
    } else if staged > 0 {
        // The terminal may be gone (SIGHUP): a failed write is not worth a panic.
        let _ = writeln!(
            std::io::stdout(),
            "{staged} staged for removal, kept for next time (in {}).",
            data_dir.display()
        );
    }
    Ok(())
}
