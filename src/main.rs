//! The `unconnect` command: parse the command line, dispatch, print one-line errors.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use unconnect::cli::{Cli, Command};
use unconnect::commands;
use unconnect::session::{self, Options};
use unconnect::store::data_dir;

fn main() -> ExitCode {
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

fn dispatch(cli: Cli) -> color_eyre::Result<()> {
    let data_dir = || data_dir::resolve(cli.open.data.data_dir.as_deref());
    match &cli.command {
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
            let rules = cli.rules.rules();
            let n = commands::export::run(*which, &data_dir()?, &rules, output.as_deref(), *excel)?;
            if let Some(path) = output {
                eprintln!("Wrote {n} rows to {}", path.display());
            }
        }
        None => run_app(&cli, data_dir()?)?,
    }
    Ok(())
}

fn run_app(cli: &Cli, data_dir: PathBuf) -> color_eyre::Result<()> {
    let loading = session::start(Options {
        path: cli.open.path.clone(),
        invitations: cli.open.invitations.clone(),
        data_dir: data_dir.clone(),
        today: chrono::Local::now().date_naive(),
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
