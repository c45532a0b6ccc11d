//! The command line. `--help` is the user's first documentation: keep it plain.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

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
else your platform's data folder (on Linux ~/.local/share/unconnect). Files are private (0600).",
    args_conflicts_with_subcommands = true
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
    /// Print the effective configuration (keys, theme, rules) as commented TOML, ready to
    /// be saved as the config file.
    Config,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportList {
    Removed,
    Staged,
    Withdrawn,
}
