//! From the typed filter to words and clauses.

use chrono::{Datelike, NaiveDate};

use super::super::search::fold;
use super::{Clause, CountSpan, DateKey, DaySpan, QueryError, STATUSES, Term, day_number};

/// A parsed filter: plain words (and quoted phrases), folded, which the search index
/// matches and the rows highlight; and every other condition.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    pub words: Vec<String>,
    pub clauses: Vec<Clause>,
}

const FLAGS: [(&str, Term); 3] = [
    ("endorsed", Term::Endorsed),
    ("recommended", Term::Recommended),
    ("email", Term::Email),
];

const KNOWN: &str = "terms: connected:, sent:, removed:, withdrawn:, messages:, company:, \
                     position:, status:, endorsed, recommended, email; quote \"…\" to search \
                     for text";

pub fn parse(text: &str) -> Result<Parsed, QueryError> {
    let mut parsed = Parsed::default();
    for token in tokens(text) {
        let (negated, body) = match token.strip_prefix('-') {
            Some("") => {
                return Err(QueryError::new(
                    "- negates the word or term after it, e.g. -acme or -endorsed",
                ));
            }
            Some(rest) => (true, rest),
            None => (false, token),
        };
        let term = term(body)?;
        match term {
            Term::Text(word) if !negated => parsed.words.push(word),
            term => parsed.clauses.push(Clause { negated, term }),
        }
    }
    Ok(parsed)
}

/// Splits at white space outside double quotes; an unclosed quote runs to the end, so a
/// phrase being typed already filters.
fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    let mut quoted = false;
    for (i, c) in text.char_indices() {
        if c == '"' {
            quoted = !quoted;
        }
        if c.is_whitespace() && !quoted {
            if let Some(s) = start.take() {
                out.push(&text[s..i]);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

fn unquoted(s: &str) -> String {
    s.replace('"', "").trim().to_owned()
}

fn term(body: &str) -> Result<Term, QueryError> {
    let before_quote = &body[..body.find('"').unwrap_or(body.len())];
    if let Some(colon) = before_quote.find(':') {
        let key = &body[..colon];
        if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphabetic()) {
            return keyed(&key.to_ascii_lowercase(), &body[colon + 1..]);
        }
    }
    if !body.contains('"')
        && let Some((_, flag)) = FLAGS
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(body))
    {
        return Ok(flag.clone());
    }
    let text = fold(&unquoted(body));
    if text.is_empty() {
        return Err(QueryError::new(
            "empty quotes: write the text to search between them",
        ));
    }
    Ok(Term::Text(text))
}

fn keyed(key: &str, value: &str) -> Result<Term, QueryError> {
    match key {
        "connected" => dates(DateKey::Connected, value),
        "sent" => dates(DateKey::Sent, value),
        "removed" => dates(DateKey::Removed, value),
        "withdrawn" => dates(DateKey::Withdrawn, value),
        "messages" => count(value)
            .map(Term::Messages)
            .ok_or_else(|| QueryError::new("messages: expects a number like 0, >3, <2 or 1..5")),
        "company" | "position" => {
            let text = fold(&unquoted(value));
            if text.is_empty() {
                return Err(QueryError::new(format!(
                    "{key}: expects text, e.g. {key}:acme or {key}:\"two words\""
                )));
            }
            Ok(if key == "company" {
                Term::Company(text)
            } else {
                Term::Position(text)
            })
        }
        "status" => {
            let value = value.trim().to_ascii_lowercase().replace(' ', "-");
            STATUSES
                .iter()
                .find(|(name, _)| *name == value || name.replace('-', "") == value)
                .map(|&(_, code)| Term::Status(code))
                .ok_or_else(|| {
                    QueryError::new(
                        "status: expects to-do, opened, done, verified, still-connected or \
                         still-pending",
                    )
                })
        }
        flag if FLAGS.iter().any(|(name, _)| *name == flag) => Err(QueryError::new(format!(
            "{flag} takes no value: write {flag}, or -{flag} for the others"
        ))),
        other => {
            let shown: String = other.chars().take(20).collect();
            Err(QueryError::new(format!("unknown term {shown}: ({KNOWN})")))
        }
    }
}

fn dates(key: DateKey, value: &str) -> Result<Term, QueryError> {
    let name = key.name();
    let bad = || {
        QueryError::new(format!(
            "{name}: expects a date like 2024-03 or a range 2024-03-12..2024-03-14 \
             (also 2024, <2020, >2025-06-01)"
        ))
    };
    let span = day_span(value.trim()).ok_or_else(bad)?;
    if span.from > span.to {
        return Err(QueryError::new(format!(
            "{name}: the range ends before it starts"
        )));
    }
    Ok(Term::Date(key, span))
}

fn day_span(value: &str) -> Option<DaySpan> {
    const FIRST: i32 = i32::MIN + 1;
    const LAST: i32 = i32::MAX;
    let start = |s: &str| period(s).map(|(a, _)| day_number(a));
    let end = |s: &str| period(s).map(|(_, b)| day_number(b));
    let span = |from, to| Some(DaySpan { from, to });
    if let Some(rest) = value.strip_prefix("<=") {
        return span(FIRST, end(rest)?);
    }
    if let Some(rest) = value.strip_prefix(">=") {
        return span(start(rest)?, LAST);
    }
    if let Some(rest) = value.strip_prefix('<') {
        return span(FIRST, start(rest)?.checked_sub(1)?);
    }
    if let Some(rest) = value.strip_prefix('>') {
        return span(end(rest)?.checked_add(1)?, LAST);
    }
    if let Some((a, b)) = value.split_once("..") {
        let from = if a.is_empty() { FIRST } else { start(a)? };
        let to = if b.is_empty() { LAST } else { end(b)? };
        if a.is_empty() && b.is_empty() {
            return None;
        }
        return span(from, to);
    }
    let (a, b) = period(value)?;
    span(day_number(a), day_number(b))
}

/// `2024`, `2024-03` or `2024-03-12`: its first and last day.
fn period(s: &str) -> Option<(NaiveDate, NaiveDate)> {
    let parts: Vec<&str> = s.split('-').collect();
    let number = |p: &str, len: usize| {
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    let year = number(parts.first()?, 4)? as i32;
    match parts[..] {
        [_] => Some((
            NaiveDate::from_ymd_opt(year, 1, 1)?,
            NaiveDate::from_ymd_opt(year, 12, 31)?,
        )),
        [_, m] => {
            let first = NaiveDate::from_ymd_opt(year, number(m, 2)?, 1)?;
            let next = first.checked_add_months(chrono::Months::new(1))?;
            Some((first, next.pred_opt()?))
        }
        [_, m, d] => {
            let day = NaiveDate::from_ymd_opt(year, number(m, 2)?, number(d, 2)?)?;
            (day.year() == year).then_some((day, day))
        }
        _ => None,
    }
}

fn count(value: &str) -> Option<CountSpan> {
    let n = |s: &str| {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let span = |min, max| (min <= max).then_some(CountSpan { min, max });
    let value = value.trim();
    if let Some(rest) = value.strip_prefix("<=") {
        return span(0, n(rest)?);
    }
    if let Some(rest) = value.strip_prefix(">=") {
        return span(n(rest)?, u32::MAX);
    }
    if let Some(rest) = value.strip_prefix('<') {
        return span(0, n(rest)?.checked_sub(1)?);
    }
    if let Some(rest) = value.strip_prefix('>') {
        return span(n(rest)?.checked_add(1)?, u32::MAX);
    }
    if let Some((a, b)) = value.split_once("..") {
        return span(n(a)?, n(b)?);
    }
    let exact = n(value)?;
    span(exact, exact)
}
