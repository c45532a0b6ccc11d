//! A Complete export's files that tell a real contact from an accidental one: messages,
//! endorsements and recommendations, joined to the connections into per-person signals.
//! Each file is optional; one that cannot be read is a warning, never a failed load.

mod endorsements;
mod lookup;
mod messages;
mod recommendations;

use crate::error::ImportError;
use crate::model::People;
use crate::model::signals::{SignalSources, Signals};

use super::decode;
use super::source::{SignalFiles, SourceFile};

pub use lookup::{Names, Urls};

/// Warnings kept per file; the rest are counted in one more line.
const MAX_WARNINGS: usize = 20;

/// The signals in `files` for `people`; `None` when the export has none of the files
/// (a Basic export). Problems become `warnings`.
pub fn load(files: SignalFiles, people: &People, warnings: &mut Vec<String>) -> Option<Signals> {
    if files.is_empty() {
        return None;
    }
    let mut read = |file: Option<Result<SourceFile, ImportError>>, what: &str| match file {
        Some(Ok(src)) => Some(src),
        Some(Err(e)) => {
            warnings.push(format!("{e}; {what} not loaded"));
            None
        }
        None => None,
    };
    let messages = read(files.messages, "messages");
    let endorsements = [
        (read(files.endorsements_received, "endorsements"), true),
        (read(files.endorsements_given, "endorsements"), false),
    ];
    let recommendations = [
        (
            read(files.recommendations_received, "recommendations"),
            true,
        ),
        (read(files.recommendations_given, "recommendations"), false),
    ];
    let sources = SignalSources {
        messages: messages.is_some(),
        endorsements: endorsements.iter().any(|(f, _)| f.is_some()),
        recommendations: recommendations.iter().any(|(f, _)| f.is_some()),
    };
    let mut signals = Signals::new(people.len(), sources);
    let mut urls = Urls::new(people);
    let mut names = Names::new(people);
    let mut labels = Vec::new();
    if let Some(src) = messages {
        let decoded = decode::decode(src.bytes);
        match messages::read(&src.label, &decoded, &mut urls, &mut signals, warnings) {
            Ok(()) => labels.push(src.label),
            Err(e) => warnings.push(format!("{e}; messages not loaded")),
        }
    }
    for (src, received) in endorsements {
        let Some(src) = src else { continue };
        let decoded = decode::decode(src.bytes);
        let tally = endorsements::read(
            &src.label,
            &decoded,
            received,
            &mut urls,
            &mut names,
            &mut signals,
        );
        match tally {
            Ok(()) => labels.push(src.label),
            Err(e) => warnings.push(format!("{e}; endorsements not loaded")),
        }
    }
    for (src, received) in recommendations {
        let Some(src) = src else { continue };
        let decoded = decode::decode(src.bytes);
        match recommendations::read(&src.label, &decoded, received, &mut names, &mut signals) {
            Ok(()) => labels.push(src.label),
            Err(e) => warnings.push(format!("{e}; recommendations not loaded")),
        }
    }
    signals.report.files = labels;
    signals.count_people();
    Some(signals)
}

/// Adds `line` to `warnings` unless [`MAX_WARNINGS`] were already added for this file
/// (`added` counts them); past the limit only counts.
fn warn(warnings: &mut Vec<String>, added: &mut usize, line: impl FnOnce() -> String) {
    *added += 1;
    if *added <= MAX_WARNINGS {
        warnings.push(line());
    }
}

/// The count of warnings left out past [`MAX_WARNINGS`], as one more warning.
fn warn_rest(warnings: &mut Vec<String>, added: usize, label: &str) {
    if added > MAX_WARNINGS {
        warnings.push(format!(
            "{label}: {} more lines like these not listed",
            added - MAX_WARNINGS
        ));
    }
}
