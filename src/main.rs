//! The `unconnect` command: parse the command line, dispatch, print one-line errors.

use std::io::Write as _;
use std::process::ExitCode;
use std::time::Instant;

use std::sync::Arc;

use clap::CommandFactory as _;
use unconnect::cli::{Cli, Command};
use unconnect::config::{self, Config};
use unconnect::runtime::{self, Settings};
use unconnect::session::{self, Options};
use unconnect::store::data_dir;
use unconnect::{commands, logging};

fn main() -> ExitCode {
    return_large_blocks_to_the_system();
    // Fancy panic reports; the terminal guard chains its restore in front of this hook.
    let _ = color_eyre::install();
    let cli = Cli::parse_checked();
    match dispatch(cli) {
        Ok(code) => code,
        Err(e) => {
            tracing::error!(error = %logging::describe(e.as_ref()), "failed");
            // An error may quote a path, a config value or an export's text: escaped.
            eprintln!(
                "unconnect: {}",
                unconnect::text_safety::escape(&e.to_string())
            );
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

fn dispatch(cli: Cli) -> color_eyre::Result<ExitCode> {
    let started = Instant::now();
    // A bad config file stops everything, before the terminal is touched.
    let config = Config::load(cli.config.as_deref(), cli.rules.overrides())?;
    let today = unconnect::cli::today()?;
    let explicit = cli.open.data.data_dir.as_deref();
    // The app needs its terminal and data folder before logging starts, so that a log in
    // the data folder goes to the folder this run uses (the demo's own, for the demo).
    let app_data = match cli.command {
        None => {
            unconnect::cli::require_terminal()?;
            Some(data_dir::resolve_for_export(
                explicit,
                cli.open.path.as_deref(),
            )?)
        }
        Some(_) => None,
    };
    let log_into = match (&cli.command, &app_data) {
        (None, Some(chosen)) => Some(chosen.path.clone()),
        // reconcile writes the journal there anyway.
        (Some(Command::Reconcile { .. }), _) => data_dir::resolve(explicit).ok(),
        // The others create nothing in the data folder: they log there if it exists
        // (`--log-file` logs anywhere).
        _ => data_dir::resolve(explicit).ok().filter(|p| p.is_dir()),
    };
    if let Some(log) = logging::init(cli.log.log_file.as_deref(), log_into.as_deref())? {
        tracing::info!(
            version = env!("CARGO_PKG_VERSION"),
            command = command_name(cli.command.as_ref()),
            log = %log.display(),
            "started"
        );
    }
    if std::env::var_os("UNCONNECT_TODAY").is_some() {
        tracing::info!(%today, "today pinned by UNCONNECT_TODAY");
    }
    let mut code = ExitCode::SUCCESS;
    match &cli.command {
        Some(Command::Config) => print_out(config::print::render(&config).as_bytes())?,
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
            let folder = data_dir::resolve(explicit)?;
            tracing::info!(data_dir = %folder.display(), "export");
            let n =
                commands::export::run(*which, &folder, &config.rules, output.as_deref(), *excel)?;
            if let Some(path) = output {
                let rows = unconnect::app::strings::counted(n, "row", "rows");
                eprintln!("Wrote {rows} to {}", path.display());
            }
        }
        Some(Command::Reconcile { path, json }) => {
            let folder = data_dir::resolve(explicit)?;
            print_out(commands::reconcile::run(path, &folder, *json, today)?.as_bytes())?;
        }
        Some(Command::Stage {
            export,
            list,
            keep,
            column,
            dry_run,
            replace,
            json,
        }) => {
            let folder = data_dir::resolve_for_export(explicit, Some(export))?.path;
            let column = column
                .as_deref()
                .map(unconnect::import::list::ColumnFilter::parse);
            let request = commands::stage::Request {
                export,
                list,
                data_dir: &folder,
                keep: *keep,
                column: column.as_ref(),
                dry_run: *dry_run,
                replace: *replace,
            };
            print_out(commands::stage::run(&request, *json)?.as_bytes())?;
        }
        Some(Command::Diff { old, new, json }) => {
            let folder = data_dir::resolve_for_export(explicit, Some(new))?.path;
            print_out(commands::diff::run(old, new, &folder, *json)?.as_bytes())?;
        }
        Some(Command::History { json }) => {
            let folder = data_dir::resolve(explicit)?;
            // Streamed: a reader that stopped early (`| head`) is not an error.
            let (mut out, mut summary) = (std::io::stdout().lock(), std::io::stderr().lock());
            match commands::history::write(&folder, *json, &mut out, &mut summary) {
                Err(unconnect::store::StoreError::Io { source, .. })
                    if source.kind() == std::io::ErrorKind::BrokenPipe => {}
                result => result?,
            }
        }
        Some(Command::Drafts {
            output,
            template,
            batch,
            staged,
        }) => {
            let folder = data_dir::resolve(explicit)?;
            let who = if *staged {
                commands::drafts::Who::Staged
            } else {
                commands::drafts::Who::Batch(batch)
            };
            let written = commands::drafts::run(&folder, output, template.as_deref(), who)?;
            print_out(written.message(output).as_bytes())?;
        }
        Some(Command::Completions { shell }) => {
            // Into a buffer first: clap_complete panics on a failed write (a closed pipe).
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "unconnect", &mut script);
            print_out(&script)?;
        }
        Some(Command::Man) => {
            print_out(&commands::man::render(&unconnect::app::Keymap::default())?)?;
        }
        None => {
            // Set just above whenever there is no subcommand.
            if let Some(chosen) = app_data {
                tracing::info!(data_dir = %chosen.path.display(), demo = chosen.demo, "opening the app");
                code = run_app(&cli, config, chosen, today)?;
            }
        }
    }
    tracing::info!(
        elapsed_ms = started.elapsed().as_millis() as u64,
        "finished"
    );
    Ok(code)
}

fn command_name(command: Option<&Command>) -> &'static str {
    match command {
        None => "app",
        Some(Command::Check { .. }) => "check",
        Some(Command::Export { .. }) => "export",
        Some(Command::Reconcile { .. }) => "reconcile",
        Some(Command::History { .. }) => "history",
        Some(Command::Stage { .. }) => "stage",
        Some(Command::Diff { .. }) => "diff",
        Some(Command::Drafts { .. }) => "drafts",
        Some(Command::Completions { .. }) => "completions",
        Some(Command::Man) => "man",
        Some(Command::Config) => "config",
    }
}

/// Writes to standard output; a reader that stopped early (`| head`) is not an error.
fn print_out(bytes: &[u8]) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        result => result,
    }
}

fn run_app(
    cli: &Cli,
    config: Config,
    data: data_dir::Chosen,
    today: chrono::NaiveDate,
) -> color_eyre::Result<ExitCode> {
    let data_dir = data.path;
    let loading = session::start(Options {
        path: cli.open.path.clone(),
        invitations: cli.open.invitations.clone(),
        data_dir: data_dir.clone(),
        demo_data_dir: data.demo,
        today,
        rules: config.rules,
    })?;
    let settings = Settings {
        open: config.open,
        work: config.work,
        theme: config.theme(),
        keymap: Arc::new(config.keymap),
        debug_timing: cli.open.debug_timing,
    };
    let finished = runtime::run(loading, settings)?;
    // A signal ends the app as it ends any program: 128 + its number, after saving.
    let code = finished
        .signal
        .and_then(|n| u8::try_from(128 + n).ok())
        .map_or(ExitCode::SUCCESS, ExitCode::from);
    let Some(app) = finished.app else {
        return Ok(code);
    };
    let staged = app.staged_count();
    // Every save that failed and never succeeded since is named: staged lists and keeps.
    if let Some(words) = app.unsaved_at_quit(&data_dir.display().to_string()) {
        eprintln!("{words}");
    } else if staged > 0 {
        // The terminal may be gone (SIGHUP): a failed write is not worth a panic.
        let _ = writeln!(
            std::io::stdout(),
            "{staged} staged for removal, kept for next time (in {}).",
            data_dir.display()
        );
    }
    Ok(code)
}
