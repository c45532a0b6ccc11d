//! `unconnect check PATH [--json]`: load everything and say what was found.

use std::fmt::Write as _;

use serde::Serialize;

use crate::app::strings::{counted, thousands};
use crate::import::report::DateChoice;
use crate::import::{Export, Format, Skipped};
use crate::model::bursts::{self, Burst};
use crate::model::signals::SignalsReport;
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
    /// At most a week far above the account's usual rate around then: an address book
    /// invited at once?
    pub bursts: Vec<Burst>,
    /// Longer stretches of high growth (a conference season, a recruiting drive).
    pub busy_periods: Vec<Burst>,
    /// What the Complete export's messages, endorsements and recommendations hold;
    /// `None` for a Basic export.
    pub signals: Option<&'a SignalsReport>,
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
        let people = &export.people;
        let found = bursts::find(people.ids().map(|id| people.connected_on(id)));
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
            bursts: found.bursts,
            busy_periods: found.busy_periods,
            signals: export.signals.as_ref().map(|s| &s.report),
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
        let _ = writeln!(s, "people:      {}", thousands(self.people));
        let _ = writeln!(
            s,
            "hidden:      {} hidden or closed profiles (not loaded)",
            thousands(self.hidden)
        );
        let _ = writeln!(s, "duplicates:  {} merged", thousands(self.duplicates));
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
        let _ = writeln!(s, "skipped:     {} lines", thousands(self.skipped.len()));
        for sk in self.skipped.iter().take(SHOWN) {
            let _ = writeln!(s, "  line {}: {}", sk.line, safe(&sk.reason));
        }
        more(&mut s, self.skipped.len());
        let _ = writeln!(s, "warnings:    {}", thousands(self.warnings.len()));
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
        write_bursts(&mut s, &self.bursts, &self.busy_periods);
        write_signals(&mut s, self.signals);
        s
    }
}

fn write_signals(s: &mut String, signals: Option<&SignalsReport>) {
    let Some(r) = signals else {
        let _ = writeln!(
            s,
            "signals:     none: no messages.csv, endorsements or recommendations (a Basic export)"
        );
        return;
    };
    let _ = writeln!(
        s,
        "signals:     {} people with messages, {} with endorsements, {} with recommendations",
        r.people_with_messages, r.people_with_endorsements, r.people_with_recommendations
    );
    let _ = writeln!(
        s,
        "  {} ({} left out), {} with no connection in them",
        counted(r.messages, "message", "messages"),
        counted(r.drafts, "draft", "drafts"),
        counted(
            r.conversations_without_connections,
            "conversation",
            "conversations"
        ),
    );
    let _ = writeln!(
        s,
        "  unmatched: {} endorsements, {} recommendations",
        r.endorsements_unmatched, r.recommendations_unmatched
    );
    if r.shared_names > 0 {
        let _ = writeln!(
            s,
            "  shared names: {} (several connections have each; counted for all of them)",
            r.shared_names
        );
    }
    for j in &r.joins {
        let _ = writeln!(s, "  read {}: {}", safe(&j.file), j.how);
    }
}

fn write_bursts(s: &mut String, bursts: &[Burst], busy_periods: &[Burst]) {
    if bursts.is_empty() {
        let _ = writeln!(
            s,
            "bursts:      none (no week far busier than your usual rate around it)"
        );
    } else {
        let _ = writeln!(
            s,
            "bursts:      {} (at most a week far busier than your usual rate around it: \
             an address book invited at once?)",
            bursts.len()
        );
        list_spans(s, bursts);
    }
    if busy_periods.is_empty() {
        let _ = writeln!(s, "busy periods: none");
    } else {
        let _ = writeln!(
            s,
            "busy periods: {} (longer stretches of growth, such as a conference season)",
            busy_periods.len()
        );
        list_spans(s, busy_periods);
    }
}

fn list_spans(s: &mut String, spans: &[Burst]) {
    for b in spans.iter().take(SHOWN) {
        let count = counted(b.count, "connection", "connections");
        let _ = writeln!(s, "  {}: {count}", b.days_text());
    }
    more(s, spans.len());
}

/// Loads the export and returns the summary to print: text, or JSON with `json`.
pub fn report(
    path: &std::path::Path,
    invitations: Option<&std::path::Path>,
    json: bool,
) -> Result<String, crate::error::ImportError> {
    let started = std::time::Instant::now();
    let export = crate::import::load_with(path, invitations)?;
    let summary = Summary::of(&export);
    tracing::info!(
        people = summary.people,
        hidden = summary.hidden,
        duplicates = summary.duplicates,
        skipped = summary.skipped.len(),
        warnings = summary.warnings.len(),
        elapsed_ms = started.elapsed().as_millis() as u64,
        "checked"
    );
    Ok(if json {
        summary.to_json() + "\n"
    } else {
        summary.to_text()
    })
}
