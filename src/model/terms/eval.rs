//! Matching a query's clauses against one item: its text, its phrases and its facts.

use memchr::memmem::Finder;

use super::super::phrases::PhraseId;
use super::facts::{EMAIL, ENDORSED, Facts, RECOMMENDED};
use super::{Clause, CountSpan, DaySpan, Term};

enum Check<'q> {
    Day(DaySpan),
    Messages(CountSpan),
    Flag(u8),
    Status(u8),
    /// In the item's own text or either of its phrases.
    Text {
        finder: Box<Finder<'q>>,
        in_phrase: Vec<bool>,
    },
    /// In one of its phrases (0: company, 1: position).
    Phrase {
        slot: usize,
        in_phrase: Vec<bool>,
    },
}

/// The clauses of one query, compiled against one index's phrases.
pub struct ClauseMatcher<'q> {
    checks: Vec<(bool, Check<'q>)>,
}

fn in_each(phrases: &[String], finder: &Finder<'_>) -> Vec<bool> {
    phrases
        .iter()
        .map(|p| !p.is_empty() && finder.find(p.as_bytes()).is_some())
        .collect()
}

impl<'q> ClauseMatcher<'q> {
    /// `phrases`: the index's phrases, folded, by id.
    pub fn new(clauses: &'q [Clause], phrases: &[String]) -> Self {
        let checks = clauses
            .iter()
            .map(|c| {
                let check = match &c.term {
                    Term::Date(_, span) => Check::Day(*span),
                    Term::Messages(span) => Check::Messages(*span),
                    Term::Endorsed => Check::Flag(ENDORSED),
                    Term::Recommended => Check::Flag(RECOMMENDED),
                    Term::Email => Check::Flag(EMAIL),
                    Term::Status(code) => Check::Status(*code),
                    Term::Text(text) => {
                        let finder = Box::new(Finder::new(text.as_bytes()));
                        let in_phrase = in_each(phrases, &finder);
                        Check::Text { finder, in_phrase }
                    }
                    Term::Company(text) | Term::Position(text) => Check::Phrase {
                        slot: usize::from(matches!(c.term, Term::Position(_))),
                        in_phrase: in_each(phrases, &Finder::new(text.as_bytes())),
                    },
                };
                (c.negated, check)
            })
            .collect();
        ClauseMatcher { checks }
    }

    pub fn is_empty(&self) -> bool {
        self.checks.is_empty()
    }

    /// Whether item `i` (its own folded text `haystack`, its phrases `shared`) passes
    /// every clause.
    pub fn matches(
        &self,
        i: usize,
        haystack: &[u8],
        shared: Option<[PhraseId; 2]>,
        facts: &Facts,
    ) -> bool {
        let phrase =
            |in_phrase: &[bool], id: PhraseId| in_phrase.get(id as usize).copied().unwrap_or(false);
        self.checks.iter().all(|(negated, check)| {
            let hit = match check {
                Check::Day(span) => span.contains(facts.day(i)),
                Check::Messages(span) => span.contains(facts.messages(i)),
                Check::Flag(bit) => facts.has_flag(i, *bit),
                Check::Status(code) => facts.status(i) == Some(*code),
                Check::Text { finder, in_phrase } => {
                    shared.is_some_and(|[a, b]| phrase(in_phrase, a) || phrase(in_phrase, b))
                        || finder.find(haystack).is_some()
                }
                Check::Phrase { slot, in_phrase } => {
                    shared.is_some_and(|ids| phrase(in_phrase, ids[*slot]))
                }
            };
            hit != *negated
        })
    }
}
