//! `unconnect man`: the manual page. clap_mangen writes the name, synopsis, description
//! and options; the rest is ours, because its subcommand list cites pages that do not
//! exist (`unconnect-check(1)`) and it knows nothing of keys, files or exit codes.

use std::io::{self, Write};

use clap::CommandFactory as _;

use crate::app::{Context, Keymap};
use crate::cli::Cli;

/// The whole page, in roff. Keys are `keymap`'s, by screen.
pub fn render(keymap: &Keymap) -> io::Result<Vec<u8>> {
    let command = Cli::command();
    let man = clap_mangen::Man::new(command.clone());
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;
    commands(&command, &mut page)?;
    keys(keymap, &mut page)?;
    page.write_all(FILES_ENVIRONMENT_EXIT.as_bytes())?;
    man.render_version_section(&mut page)?;
    Ok(page)
}

/// Each subcommand under its own name, told to ask `--help` for its options.
fn commands(command: &clap::Command, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, ".SH COMMANDS")?;
    writeln!(
        out,
        "Without a command, unconnect opens the app on PATH. Each command's options: \\fBunconnect COMMAND \\-\\-help\\fR."
    )?;
    for sub in command.get_subcommands().filter(|c| !c.is_hide_set()) {
        writeln!(out, ".TP\n\\fBunconnect {}\\fR", roff(sub.get_name()))?;
        if let Some(about) = sub.get_long_about().or_else(|| sub.get_about()) {
            for line in about.to_string().lines().filter(|l| !l.trim().is_empty()) {
                writeln!(out, "{}", roff(line))?;
            }
        }
    }
    Ok(())
}

/// The app's keys, a section per screen and dialog, as the `?` help lists them.
fn keys(keymap: &Keymap, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, ".SH KEYS")?;
    writeln!(
        out,
        "The defaults; the config file's [keys] changes them (\\fBunconnect config\\fR prints them). \
         Ctrl\\-z suspends the app to the shell; \\fBfg\\fR brings it back."
    )?;
    for context in Context::all() {
        writeln!(out, ".SS {}", roff(context.title()))?;
        for binding in keymap.in_context(context) {
            writeln!(
                out,
                ".TP\n\\fB{}\\fR\n{}",
                roff(&binding.label()),
                roff(binding.help)
            )?;
        }
    }
    Ok(())
}

const FILES_ENVIRONMENT_EXIT: &str = r#".SH FILES
.TP
\fIDATA FOLDER\fR
Where unconnect keeps what you did: \-\-data\-dir, else $UNCONNECT_DATA_DIR, else the platform's data folder (on Linux ~/.local/share/unconnect). Private (0700, files 0600). The bundled demo gets a throwaway folder of its own unless one is given.
.TP
\fIDATA FOLDER\fR/journal.jsonl
Every removal and withdrawal, appended and never rewritten: what \fBhistory\fR, \fBexport removed\fR, \fBreconcile\fR and \fBdrafts\fR read.
.TP
\fIDATA FOLDER\fR/staged\-connections.jsonl, staged\-invitations.jsonl
The people and invitations staged for removal, kept for the next start.
.TP
\fIDATA FOLDER\fR/kept\-connections.jsonl
The keep list (K in the app).
.TP
\fIDATA FOLDER\fR/lock
Held while the app or \fBreconcile\fR runs, so that two never write the same folder.
.TP
\fIDATA FOLDER\fR/unconnect.log
The log, when RUST_LOG asks for one and \-\-log\-file names no other file.
.TP
~/.config/unconnect/config.toml
The config file (keys, theme, rules), on Linux; \-\-config or $UNCONNECT_CONFIG name another.
.TP
\fIDIR\fR/*.eml
The e\-mail drafts \fBdrafts \-\-output DIR\fR writes, one per person; existing drafts are never overwritten.
.SH ENVIRONMENT
.TP
UNCONNECT_DATA_DIR
The data folder, when \-\-data\-dir is not given.
.TP
UNCONNECT_CONFIG
The config file, when \-\-config is not given.
.TP
UNCONNECT_TODAY
The date taken as today (YYYY\-MM\-DD), for repeatable results against fixed invitation dates.
.TP
UNCONNECT_INVITATION_EXPIRY_DAYS, UNCONNECT_REINVITE_WAIT_DAYS
The invitation rules, when their options are not given.
.TP
RUST_LOG
Turns logging on, with a filter such as \fBdebug\fR. The log holds counts, times, file names and errors, never the names or addresses of the people in an export.
.TP
NO_COLOR
When set and not empty, the app draws without colour.
.SH "EXIT STATUS"
.TP
0
Done.
.TP
2
An error, said in one line on standard error: a mistyped command or option, an export that cannot be read, a data folder that cannot be used.
.TP
128 + N
The app was ended by signal N (143 for SIGTERM, 129 for SIGHUP, 130 for SIGINT), after saving.
"#;

/// Text made safe for roff: backslashes and hyphens escaped, no line read as a request.
fn roff(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roff_text_is_escaped() {
        assert_eq!(roff(".x"), "\\&.x");
        assert_eq!(roff("a-b\\c"), "a\\-b\\ec");
    }
}
