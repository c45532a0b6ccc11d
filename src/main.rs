//! The `unconnect` command: parse the command line, dispatch, print one-line errors.

use std::io::Write as _;
use std::process::ExitCode;

use clap::CommandFactory as _;
use unconnect::cli::{Cli, Command};
use unconnect::commands;
use unconnect::session::{self, Options};
use unconnect::store::data_dir;

fn main() -> ExitCode {
    return_large_blocks_to_the_system();
    // Fancy panic reports; the terminal guard chains its restore in front of this hook.
    let _ = color_eyre::install();
    let cli = Cli::parse_checked();
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
    let today = unconnect::cli::today()?;
    let data_dir = || data_dir::resolve(cli.open.data.data_dir.as_deref());
    match &cli.command {
        Some(Command::Check {
            path,
            json,
            invitations,
        }) => print_out(commands::check::report(path, invitations.as_deref(), *json)?.as_bytes())?,
        Some(Command::Export {
            which,
            output,
            excel,
        }) => {
            let rules = cli.rules.rules();
            let n = commands::export::run(*which, &data_dir()?, &rules, output.as_deref(), *excel)?;
            if let Some(path) = output {
                eprintln!("Wrote {n} rows to {}", path.display());
            }
        }
        Some(Command::Completions { shell }) => {
            // Into a buffer first: clap_complete panics on a failed write (a closed pipe).
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "unconnect", &mut script);
            print_out(&script)?;
        }
        Some(Command::Man) => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut page)?;
            print_out(&page)?;
        }
        None => {
            unconnect::cli::require_terminal()?;
            let chosen = data_dir::resolve_for_export(
                cli.open.data.data_dir.as_deref(),
                cli.open.path.as_deref(),
            )?;
            run_app(&cli, chosen, today)?
        }
    }
    Ok(())
}

/// Writes to standard output; a reader that stopped early (`| head`) is not an error.
fn print_out(bytes: &[u8]) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        result => result,
    }
}

fn run_app(cli: &Cli, data: data_dir::Chosen, today: chrono::NaiveDate) -> color_eyre::Result<()> {
    let data_dir = data.path;
    let loading = session::start(Options {
        path: cli.open.path.clone(),
        invitations: cli.open.invitations.clone(),
        data_dir: data_dir.clone(),
        demo_data_dir: data.demo,
        today,
        rules: cli.rules.rules(),
    })?;
    let Some(app) = unconnect::ui::run::run(loading, cli.open.debug_timing)? else {
        return Ok(());
    };
    let staged = app.staged_count();
    if staged > 0 {
        // The terminal may be gone (SIGHUP): a failed write is not worth a panic.
        let _ = writeln!(
            std::io::stdout(),
            "{staged} staged for removal, kept for next time (in {}).",
            data_dir.display()
        );
    }
    Ok(())
}
