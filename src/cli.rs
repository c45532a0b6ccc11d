//! The command line. `--help` is the user's first documentation: keep it plain.

use std::path::PathBuf;

use clap::{Args, CommandFactory as _, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "unconnect",
    version,
    about = "Bulk-remove LinkedIn connections and withdraw invitations, offline.",
    long_about = "unconnect brings back LinkedIn's old \"Remove Connections\" screen, on your own \
data export: connections on the left, the people you stage for removal on the right. \
Filter, mark, move, undo, then confirm; every removal is written to a journal you can \
export. Nothing leaves your machine and the export itself is never modified.\n\n\
Get your export from LinkedIn: Settings > Data privacy > Get a copy of your data \
(Connections and Invitations are enough). Pass the zip, the unzipped folder, or \
Connections.csv.",
    after_help = "Data (journal, staged set, lock) is kept in --data-dir, else $UNCONNECT_DATA_DIR, \
else your platform's data folder (on Linux ~/.local/share/unconnect). Files are private (0600). \
The bundled demo (assets/demo) gets a throwaway data folder of its own unless one is given.\n\n\
Logging is off unless RUST_LOG (e.g. RUST_LOG=debug) or --log-file is given; the log holds \
counts, times, file names and errors, never the names or addresses of the people in an export."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub open: OpenArgs,
    #[command(flatten)]
    pub rules: RulesArgs,
    /// The config file (keys, theme, rules). Default: the platform's config folder
    /// (on Linux ~/.config/unconnect/config.toml), if it exists.
    #[arg(long, value_name = "FILE", env = "UNCONNECT_CONFIG", global = true)]
    pub config: Option<PathBuf>,
    #[command(flatten)]
    pub log: LogArgs,
}

impl Cli {
    /// Parses the command line, exiting with clap's message on a mistake.
    ///
    /// Not `args_conflicts_with_subcommands`: with it, clap takes the first word after any
    /// option as the export's PATH, so `unconnect --data-dir D export removed` was refused and
    /// `unconnect completions bash` read `completions` as a path. The app's own arguments are
    /// refused with a subcommand here instead.
    pub fn parse_checked() -> Cli {
        let cli = Cli::parse();
        if cli.command.is_none()
            && let Some(error) = cli.open.path.as_deref().and_then(mistyped_subcommand)
        {
            error.exit();
        }
        if let Some(arg) = cli.command.as_ref().and(cli.open.only_for_the_app()) {
            Cli::command()
                .error(
                    clap::error::ErrorKind::ArgumentConflict,
                    format!("{arg} opens the app; it cannot be used with a subcommand"),
                )
                .exit();
        }
        cli
    }
}

/// The export's PATH takes any first word, so `unconnect histroy` would try to open a file
/// of that name. A word that names no file and is close to a subcommand gets clap's own
/// "unrecognized subcommand … a similar subcommand exists" instead; a real file named
/// like one still opens.
fn mistyped_subcommand(path: &std::path::Path) -> Option<clap::Error> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let word = path.to_str()?;
    if path.components().count() != 1 || path.symlink_metadata().is_ok() {
        return None;
    }
    let mut command = Cli::command();
    // clap's own measure and threshold for its suggestions.
    let suggestion = command
        .get_subcommands()
        .filter(|c| !c.is_hide_set())
        .map(|c| (strsim::jaro(word, c.get_name()), c.get_name().to_owned()))
        .filter(|(confidence, _)| *confidence > 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0))?
        .1;
    let usage = command.render_usage();
    let mut error = clap::Error::new(ErrorKind::InvalidSubcommand).with_cmd(&command);
    error.insert(
        ContextKind::InvalidSubcommand,
        ContextValue::String(word.to_owned()),
    );
    error.insert(
        ContextKind::SuggestedSubcommand,
        ContextValue::Strings(vec![suggestion]),
    );
    error.insert(ContextKind::Usage, ContextValue::StyledStr(usage));
    Some(error)
}

impl OpenArgs {
    /// The first argument given that only the app (no subcommand) uses.
    fn only_for_the_app(&self) -> Option<&'static str> {
        if self.path.is_some() {
            Some("PATH")
        } else if self.invitations.is_some() {
            Some("--invitations")
        } else if self.debug_timing {
            Some("--debug-timing")
        } else {
            None
        }
    }
}

/// A command-line setting that is not valid.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("UNCONNECT_TODAY={0:?} is not a date; write it as YYYY-MM-DD")]
    BadToday(String),
    #[error(
        "the app needs a terminal to show its screen ({0}); `unconnect check` and `unconnect export` work without one"
    )]
    NoTerminal(&'static str),
}

/// The app draws on standard output and reads keys from the terminal. Checked before
/// anything is loaded, so that without one the user reads why, not the terminal library's
/// "No such device or address" after a load.
pub fn require_terminal() -> Result<(), CliError> {
    use std::io::IsTerminal as _;
    if !std::io::stdout().is_terminal() {
        return Err(CliError::NoTerminal("standard output is not one"));
    }
    // Keys come from standard input, or from the controlling terminal when input is piped.
    #[cfg(unix)]
    if !std::io::stdin().is_terminal()
        && std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open("/dev/tty")
            .is_err()
    {
        return Err(CliError::NoTerminal("there is none to read keys from"));
    }
    Ok(())
}

/// The date taken as today: the system's, or `UNCONNECT_TODAY` (YYYY-MM-DD, not in
/// `--help`), which tests set so that results against fixed invitation dates do not change
/// as the calendar moves. Read once, at start.
pub fn today() -> Result<chrono::NaiveDate, CliError> {
    match std::env::var_os("UNCONNECT_TODAY") {
        None => Ok(chrono::Local::now().date_naive()),
        Some(value) => {
            let text = value.to_string_lossy();
            chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
                .map_err(|_| CliError::BadToday(text.into_owned()))
        }
    }
}

#[derive(Debug, Args, Clone)]
pub struct LogArgs {
    /// Write a log to FILE (private, 0600). Without it, RUST_LOG turns logging on, into
    /// unconnect.log in the data folder. The log never holds names, e-mails or profile URLs.
    #[arg(long, value_name = "FILE", global = true)]
    pub log_file: Option<PathBuf>,
}

/// LinkedIn's invitation rules, which it does not publish precisely: settings. A flag
/// wins over its environment variable, which wins over the config file's `[rules]`.
#[derive(Debug, Args, Clone)]
pub struct RulesArgs {
    /// Days after which a pending invitation is taken as probably expired (an estimate:
    /// LinkedIn publishes no fixed expiry; default 180). Expired invitations cannot be
    /// withdrawn.
    #[arg(
        long,
        value_name = "DAYS",
        env = "UNCONNECT_INVITATION_EXPIRY_DAYS",
        global = true
    )]
    pub invitation_expiry_days: Option<u32>,
    /// Days LinkedIn makes you wait before inviting someone again after withdrawing
    /// ("up to three weeks" today, the default 21; the 2013 article said 3 days).
    #[arg(
        long,
        value_name = "DAYS",
        env = "UNCONNECT_REINVITE_WAIT_DAYS",
        global = true
    )]
    pub reinvite_wait_days: Option<u32>,
}

impl RulesArgs {
    pub fn overrides(&self) -> crate::config::RuleOverrides {
        crate::config::RuleOverrides {
            invitation_expiry_days: self.invitation_expiry_days,
            reinvite_wait_days: self.reinvite_wait_days,
        }
    }
}

#[derive(Debug, Args)]
pub struct OpenArgs {
    /// Connections.csv, the unzipped export folder, or the export zip. Default: look in the
    /// current folder.
    pub path: Option<PathBuf>,
    #[command(flatten)]
    pub data: DataArgs,
    /// Invitations.csv to use instead of the export's own.
    #[arg(long, value_name = "FILE")]
    pub invitations: Option<PathBuf>,
    /// Show load, filter and frame times in the footer.
    #[arg(long)]
    pub debug_timing: bool,
}

#[derive(Debug, Args, Clone)]
pub struct DataArgs {
    /// Where the journal and staged set are kept.
    #[arg(long, value_name = "DIR", env = "UNCONNECT_DATA_DIR", global = true)]
    pub data_dir: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read an export and report what was found: format, people, hidden profiles,
    /// duplicates, skipped lines, warnings, invitations. Exit 0 if it was read, 2 if not.
    Check {
        /// Connections.csv, the export folder, or the export zip.
        path: PathBuf,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
        /// Invitations.csv to use instead of the export's own.
        #[arg(long, value_name = "FILE")]
        invitations: Option<PathBuf>,
    },
    /// Write a list as CSV: removed or staged people (LinkedIn's own columns), or withdrawn
    /// invitations (To, Profile URL, Sent At, Withdrawn On, May re-invite after).
    Export {
        /// Which list: removed people (from the journal), people staged for removal, or
        /// withdrawn invitations.
        which: ExportList,
        /// Output file; standard output without it.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Start with a UTF-8 byte-order mark so Excel shows accented names correctly.
        #[arg(long)]
        excel: bool,
    },
    /// Check the journal's removals and withdrawals against a newer export: gone from it
    /// is verified, still in it is still connected (still pending). Records what changed
    /// in the journal and prints a summary, as the app does on opening an export.
    Reconcile {
        /// Connections.csv, the export folder, or the export zip.
        path: PathBuf,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Bring a list back as people staged for removal (with --keep, as people kept), as if
    /// picked in the app: the round trip through a spreadsheet. Matched by profile URL,
    /// else by name and e-mail, else by name; a name several connections share is left
    /// alone and listed, and so are rows that match nobody. The next start of the app
    /// shows them.
    ///
    /// For example: open Connections.csv in a spreadsheet, add a column Remove, put x on
    /// the rows to remove, save it as marked.csv, then `unconnect stage Connections.csv
    /// marked.csv --column Remove=x`.
    Stage {
        /// Connections.csv, the export folder, or the export zip to find the people in.
        export: PathBuf,
        /// The list: a CSV with LinkedIn's columns (First Name, Last Name, URL, ...; an
        /// `unconnect export`, a spreadsheet re-save) and any of your own, or plain text
        /// with a profile URL or a name a line.
        list: PathBuf,
        /// Put them on the keep list instead (people bulk moves pass by; K in the app).
        #[arg(long)]
        keep: bool,
        /// Only the rows whose NAME cell is not empty; with =VALUE, only those that say
        /// VALUE (case and surrounding spaces aside).
        #[arg(long, value_name = "NAME[=VALUE]")]
        column: Option<String>,
        /// Say what would change, and write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Make the list the whole staged set (the keep list, with --keep): people of this
        /// export staged now whom it does not name are unstaged. Without it the list is
        /// added to what is staged.
        #[arg(long)]
        replace: bool,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Compare two exports of one account: who is new (and any burst among them, as an
    /// address book invited at once leaves), who is gone (removed by you, per the journal,
    /// or not: closed accounts, people who removed you, LinkedIn's own losses), and how
    /// many changed position or company.
    Diff {
        /// The older export (Connections.csv, folder or zip).
        old: PathBuf,
        /// The newer export.
        new: PathBuf,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// List every removal and withdrawal in force with its status (to do, opened, done,
    /// verified, still connected / still pending).
    History {
        /// Print a JSON array of objects instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Write one e-mail draft (.eml, opened as a draft by Outlook and Thunderbird) per
    /// removed person with a usable address: a personal note explaining the invitation.
    Drafts {
        /// The folder to write them in (created private if missing; an existing one must
        /// be private already). Existing files are never overwritten.
        #[arg(short, long, value_name = "DIR")]
        output: PathBuf,
        /// The note's text: an optional first line `Subject: …`, then the body, with
        /// {first_name}, {last_name} and {company} filled in. Default: a short note.
        #[arg(long, value_name = "FILE")]
        template: Option<PathBuf>,
        /// Which removals: the last batch confirmed, all, or a batch id (see `history`).
        #[arg(long, value_name = "last|all|ID", default_value = "last")]
        batch: String,
        /// The people staged for removal now instead: write to them before removing
        /// them, while LinkedIn still lets you message them too.
        #[arg(long, conflicts_with = "batch")]
        staged: bool,
    },
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    ///
    /// For example: `unconnect completions bash >
    /// ~/.local/share/bash-completion/completions/unconnect`, then open a new shell.
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff).
    ///
    /// For example: `unconnect man > ~/.local/share/man/man1/unconnect.1`, then `man
    /// unconnect`.
    Man,
    /// Print the effective configuration (keys, theme, rules) as commented TOML, ready to
    /// be saved as the config file.
    Config,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportList {
    Removed,
    Staged,
    Withdrawn,
    /// People on the keep list (K in the app).
    Kept,
}
