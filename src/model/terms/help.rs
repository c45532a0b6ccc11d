//! The terms, each with a one-line description, for the `?` help and the README.

/// `(term, what it does)`, in the order the help lists them.
pub const HELP: &[(&str, &str)] = &[
    (
        "word",
        "name, company, position or e-mail contains it (case and accents ignored)",
    ),
    (
        "\"two words\"",
        "contains the phrase; quote a word to search for it as text",
    ),
    (
        "connected:2024-03",
        "connected in that month (also 2024, or a day 2024-03-12)",
    ),
    (
        "connected:2024-03-12..2024-03-14",
        "connected in that range, both ends included",
    ),
    (
        "connected:<2020",
        "connected before 2020 (>2025-06-01: after that day)",
    ),
    (
        "messages:0",
        "no messages exchanged (messages:>3, messages:<2, messages:1..5)",
    ),
    ("endorsed", "endorsed you, or you endorsed them"),
    ("recommended", "recommended you, or you recommended them"),
    ("email", "has an e-mail address in the export"),
    (
        "company:acme",
        "the company contains acme (company:\"acme inc\")",
    ),
    (
        "position:\"sales director\"",
        "the position contains the phrase",
    ),
    (
        "-term",
        "negates a term or a word: -company:acme, -endorsed, -bob",
    ),
    (
        "sent:2026-11",
        "invitations: sent in that month (as connected:)",
    ),
    (
        "removed:2026-11",
        "History: removed in that month; withdrawn: likewise",
    ),
    (
        "status:to-do",
        "History: to-do, opened, done, verified, still-connected",
    ),
];

/// The help as lines: the term, padded, then its description.
pub fn help_lines() -> Vec<String> {
    let width = HELP
        .iter()
        .map(|(t, _)| t.chars().count())
        .max()
        .unwrap_or(0);
    HELP.iter()
        .map(|(term, what)| format!("{term:width$}  {what}"))
        .collect()
}
