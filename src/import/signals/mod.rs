//! A Complete export's files that tell a real contact from an accidental one: messages,
//! endorsements and recommendations, joined to the connections into per-person signals.
//! Each file is optional; one that cannot be read is a warning, never a failed load.
//! People are joined by profile URL where both sides have one, else by name: Connections.csv
//! had no URL column before mid-2023, and some later files leave it empty.

mod endorsements;
mod lookup;
mod messages;
mod recommendations;

use crate::error::ImportError;
use crate::model::People;
use crate::model::signals::{Join, JoinBy, SignalSources, Signals};

use super::decode;
use super::report::Format;
use super::source::{SignalFiles, SourceFile};

use lookup::Joiner;

/// Warnings kept per file; the rest are counted in one more line.
const MAX_WARNINGS: usize = 20;

/// The signals in `files` for `people` (read from a Connections.csv of `format`); `None`
/// when the export has none of the files (a Basic export). Problems become `warnings`.
pub fn load(
    files: SignalFiles,
    people: &People,
    format: Format,
    warnings: &mut Vec<String>,
) -> Option<Signals> {
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
    let urls = ConnectionUrls::of(people, format);
    let mut joiner = Joiner::new(people);
    let mut joins = Vec::new();
    if let Some(src) = messages {
        let decoded = decode::decode(src.bytes);
        match messages::read(&src.label, &decoded, &mut joiner, &mut signals, warnings) {
            Ok(any_url) => {
                joins.push(urls.join(src.label, "messages.csv has no URLs", any_url, &mut joiner));
            }
            Err(e) => warnings.push(format!("{e}; messages not loaded")),
        }
    }
    for (src, received) in endorsements {
        let Some(src) = src else { continue };
        let decoded = decode::decode(src.bytes);
        let read = endorsements::read(&src.label, &decoded, received, &mut joiner, &mut signals);
        match read {
            Ok(any_url) => {
                joins.push(urls.join(src.label, "the file has no URLs", any_url, &mut joiner));
            }
            Err(e) => warnings.push(format!("{e}; endorsements not loaded")),
        }
    }
    for (src, received) in recommendations {
        let Some(src) = src else { continue };
        let decoded = decode::decode(src.bytes);
        match recommendations::read(&src.label, &decoded, received, &mut joiner, &mut signals) {
            Ok(()) => joins.push(urls.join(
                src.label,
                "recommendations carry no URLs",
                false,
                &mut joiner,
            )),
            Err(e) => warnings.push(format!("{e}; recommendations not loaded")),
        }
    }
    signals.report.files = joins.iter().map(|j| j.file.clone()).collect();
    signals.report.joins = joins;
    signals.report.shared_names = joiner.shared_names();
    signals.count_people();
    Some(signals)
}

/// The warning for a Connections.csv that has the URL column but leaves it empty in every
/// row: people are then told apart, and signals joined, by name only.
pub fn empty_url_column_warning(people: &People, format: Format, label: &str) -> Option<String> {
    (!people.is_empty() && ConnectionUrls::of(people, format) == ConnectionUrls::EmptyColumn).then(
        || {
            format!(
                "{label}: the URL column is empty in every row; people are told apart, and \
                 messages, endorsements and recommendations joined, by name only"
            )
        },
    )
}

/// Whether the connections carry profile URLs, and if not, why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ConnectionUrls {
    Some,
    /// The layout before mid-2023 (or the 2012 one): no URL column.
    NoColumn,
    /// The column is there, empty in every row.
    EmptyColumn,
}

impl ConnectionUrls {
    fn of(people: &People, format: Format) -> Self {
        if people.ids().any(|id| !people.url(id).is_empty()) {
            ConnectionUrls::Some
        } else if format == Format::Current {
            ConnectionUrls::EmptyColumn
        } else {
            ConnectionUrls::NoColumn
        }
    }

    /// How the file just read was joined; `any_url`: some row of it gave a URL, else
    /// `no_urls` says why it was joined by name.
    fn join(self, file: String, no_urls: &str, any_url: bool, joiner: &mut Joiner<'_>) -> Join {
        let (matched_by_url, matched_by_name) = joiner.next_file();
        let (by, how) = match self {
            ConnectionUrls::NoColumn => {
                (JoinBy::Name, "by name: Connections.csv has no URLs".into())
            }
            ConnectionUrls::EmptyColumn => (
                JoinBy::Name,
                "by name: Connections.csv's URL column is empty".into(),
            ),
            ConnectionUrls::Some if !any_url => (JoinBy::Name, format!("by name: {no_urls}")),
            ConnectionUrls::Some if matched_by_name == 0 => (JoinBy::Url, "by URL".into()),
            ConnectionUrls::Some => (
                JoinBy::UrlThenName,
                "by URL, and by name where a side has no URL".into(),
            ),
        };
        Join {
            file,
            by,
            how,
            matched_by_url,
            matched_by_name,
        }
    }
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
