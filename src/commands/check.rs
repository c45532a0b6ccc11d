//! `unconnect check PATH [--json]`: load everything and say what was found.

use std::fmt::Write as _;

use serde::Serialize;

use crate::import::report::DateChoice;
use crate::import::{Export, Format, Skipped};
use crate::text_safety::{json_safe, safe};

/// Text output lists this many skipped lines and warnings; `--json` lists all.
const SHOWN: usize = 50;

fn more(s: &mut String, total: usize) {
    if total > SHOWN {
        let _ = writeln!(s, "  … and {} more (see --json)", total - SHOWN);
    }
}

#[derive(Debug, Serialize)]
pub struct Summary<'a> {
    pub file: &'a str,
    pub format: Format,
    pub format_description: &'static str,
    pub traits: &'a [String],
    pub people: usize,
    pub hidden: usize,
    pub duplicates: usize,
    /// How digit-only dates were read (`16.09.2021`): day or month first, and why.
    pub date_order: Option<&'a DateChoice>,
    pub skipped: Vec<&'a Skipped>,
    pub warnings: Vec<&'a String>,
    pub invitations: Option<InvitationCounts<'a>>,
}

#[derive(Debug, Serialize)]
pub struct InvitationCounts<'a> {
    pub file: &'a str,
    pub outgoing: usize,
    pub incoming: usize,
    pub pending: usize,
}

impl<'a> Summary<'a> {
    pub fn of(export: &'a Export) -> Self {
        let r = &export.report;
        let inv = export.invitations.as_ref().map(|i| &i.report);
        Summary {
            file: &r.file,
            format: r.format,
            format_description: r.format.describe(),
            traits: &r.traits,
            people: r.people,
            hidden: r.hidden,
            duplicates: r.duplicates,
            date_order: r.date_order.as_ref(),
            skipped: r
                .skipped
                .iter()
                .chain(inv.iter().flat_map(|i| &i.skipped))
                .collect(),
            warnings: r
                .warnings
                .iter()
                .chain(inv.iter().flat_map(|i| &i.warnings))
                .collect(),
            invitations: inv.map(|i| InvitationCounts {
                file: &i.file,
                outgoing: i.outgoing,
                incoming: i.incoming,
                pending: i.pending,
            }),
        }
    }

    pub fn to_json(&self) -> String {
        // Serialising plain strings and numbers cannot fail.
        json_safe(&serde_json::to_string_pretty(self).unwrap_or_default()).into_owned()
    }

    /// Every text taken from the export (file names, reasons, warnings) goes through
    /// [`safe`]: a name holding an escape sequence is shown, never obeyed.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        let traits = if self.traits.is_empty() {
            String::new()
        } else {
            format!(" [{}]", safe(&self.traits.join(", ")))
        };
        let _ = writeln!(s, "file:        {}", safe(self.file));
        let _ = writeln!(s, "format:      {}{traits}", self.format_description);
        let _ = writeln!(s, "people:      {}", self.people);
        let _ = writeln!(
            s,
            "hidden:      {} hidden or closed profiles (not loaded)",
            self.hidden
        );
        let _ = writeln!(s, "duplicates:  {} merged", self.duplicates);
        if let Some(d) = self.date_order {
            let why = if d.from_values {
                "as the file's dates show"
            } else {
                "assumed: no date in the file settles it"
            };
            let _ = writeln!(
                s,
                "dates:       {} (\"{}\" is {}), {why}",
                d.order.describe(),
                safe(&d.example),
                d.example_read_as
            );
        }
        let _ = writeln!(s, "skipped:     {} lines", self.skipped.len());
        for sk in self.skipped.iter().take(SHOWN) {
            let _ = writeln!(s, "  line {}: {}", sk.line, safe(&sk.reason));
        }
        more(&mut s, self.skipped.len());
        let _ = writeln!(s, "warnings:    {}", self.warnings.len());
        for w in self.warnings.iter().take(SHOWN) {
            let _ = writeln!(s, "  {}", safe(w));
        }
        more(&mut s, self.warnings.len());
        match &self.invitations {
            Some(i) => {
                let _ = writeln!(
                    s,
                    "invitations: {} outgoing, {} incoming, {} outgoing not yet connected ({})",
                    i.outgoing,
                    i.incoming,
                    i.pending,
                    safe(i.file)
                );
            }
            None => {
                let _ = writeln!(s, "invitations: no Invitations.csv found");
            }
        }
        s
    }
}

/// Loads the export and prints the summary on standard output.
pub fn run(
    path: &std::path::Path,
    invitations: Option<&std::path::Path>,
    json: bool,
) -> Result<(), crate::error::ImportError> {
    let export = crate::import::load_with(path, invitations)?;
    let summary = Summary::of(&export);
    if json {
        println!("{}", summary.to_json());
    } else {
        print!("{}", summary.to_text());
    }
    Ok(())
}
