use std::process::ExitCode;

use clap::Parser;
use unconnect::cli::{Cli, Command};
use unconnect::commands;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result: Result<(), Box<dyn std::error::Error>> = match cli.command {
        Some(Command::Check {
            path,
            json,
            invitations,
        }) => commands::check::run(&path, invitations.as_deref(), json).map_err(Into::into),
        Some(Command::Export { .. }) => Err("export: not available yet".into()),
        None => match cli.open.path {
            Some(path) => commands::check::run(&path, cli.open.invitations.as_deref(), false)
                .map_err(Into::into),
            None => Err("give the path of your LinkedIn export".into()),
        },
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("unconnect: {e}");
            ExitCode::from(2)
        }
    }
}
