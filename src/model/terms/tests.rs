use chrono::NaiveDate;

use super::*;
use crate::model::roster::people_triage;
use crate::model::search::Query;
use crate::model::triage::Side;
use crate::model::{People, Person};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Six people, by index: the names say what is special about them.
fn people() -> People {
    let rows = [
        (
            "Ada",
            "March12",
            "Acme, Inc.",
            "Sales Director",
            "ada@example.com",
            Some(day(2024, 3, 12)),
        ),
        (
            "Bob",
            "March14",
            "Globex",
            "Engineer",
            "",
            Some(day(2024, 3, 14)),
        ),
        (
            "Cy",
            "March15",
            "Acme Foods",
            "Sales Assistant",
            "",
            Some(day(2024, 3, 15)),
        ),
        (
            "Dee",
            "Old",
            "Initech",
            "Director of Sales",
            "urn:li:member:5",
            Some(day(2019, 12, 31)),
        ),
        (
            "Eve",
            "New",
            "Globex",
            "Engineer",
            "",
            Some(day(2025, 6, 2)),
        ),
        ("Fay", "Undated", "", "", "fay@example.org", None),
    ];
    rows.iter()
        .map(|(first, last, company, position, email, date)| Person {
            first_name: (*first).into(),
            last_name: (*last).into(),
            company: (*company).into(),
            position: (*position).into(),
            email: (*email).into(),
            connected_on: *date,
            ..Default::default()
        })
        .collect()
}

/// The ids the left column shows for `query`, in date order, newest first.
fn shown(query: &str) -> Vec<u32> {
    let p = people();
    let mut t = people_triage(&p);
    t.set_filter(Side::Left, query);
    let col = t.column(Side::Left);
    assert!(
        col.filter_error().is_none(),
        "{query}: {:?}",
        col.filter_error()
    );
    let mut ids = col.shown().to_vec();
    ids.sort_unstable();
    ids
}

#[test]
fn each_term_selects_what_it_says() {
    let cases: &[(&str, &[u32])] = &[
        ("", &[0, 1, 2, 3, 4, 5]),
        ("acme", &[0, 2]),
        ("connected:2024-03-12..2024-03-14", &[0, 1]),
        ("connected:2024-03", &[0, 1, 2]),
        ("connected:2024", &[0, 1, 2]),
        ("connected:2024-03-14", &[1]),
        ("connected:<2020", &[3]),
        ("connected:>2025-06-01", &[4]),
        ("connected:>2024-03", &[4]),
        ("connected:>=2024-03-14", &[1, 2, 4]),
        ("connected:<=2019", &[3]),
        ("connected:2024-03-13..", &[1, 2, 4]),
        ("connected:..2024-03-12", &[0, 3]),
        ("CONNECTED:2024-03", &[0, 1, 2]),
        ("email", &[0, 5]),
        ("-email", &[1, 2, 3, 4]),
        ("company:acme", &[0, 2]),
        ("company:\"acme, inc\"", &[0]),
        ("company:march", &[]),
        ("position:\"sales director\"", &[0]),
        ("position:director", &[0, 3]),
        ("\"sales director\"", &[0]),
        ("-acme", &[1, 3, 4, 5]),
        ("-company:globex -email", &[2, 3]),
        ("-connected:2024", &[3, 4, 5]),
        ("engineer -connected:<2025", &[4]),
        ("sales connected:2024-03", &[0, 2]),
        ("-\"sales director\"", &[1, 2, 3, 4, 5]),
        ("\"email", &[]),
        ("position:\"sales dir", &[0]),
    ];
    for (query, expected) in cases {
        assert_eq!(shown(query), *expected, "{query}");
    }
}

#[test]
fn malformed_or_unknown_terms_are_errors_with_a_hint() {
    let date_hint = "connected: expects a date like 2024-03 or a range 2024-03-12..2024-03-14 \
                     (also 2024, <2020, >2025-06-01)";
    let cases: &[(&str, &str)] = &[
        ("connected:", date_hint),
        ("connected:2024-13", date_hint),
        ("connected:2023-02-29", date_hint),
        ("connected:24", date_hint),
        ("connected:14 mar", date_hint),
        ("connected:..", date_hint),
        (
            "connected:2024-03-14..2024-03-12",
            "connected: the range ends before it starts",
        ),
        (
            "messages:",
            "messages: expects a number like 0, >3, <2 or 1..5",
        ),
        (
            "messages:lots",
            "messages: expects a number like 0, >3, <2 or 1..5",
        ),
        (
            "messages:<0",
            "messages: expects a number like 0, >3, <2 or 1..5",
        ),
        (
            "messages:5..2",
            "messages: expects a number like 0, >3, <2 or 1..5",
        ),
        (
            "company:",
            "company: expects text, e.g. company:acme or company:\"two words\"",
        ),
        (
            "position:\"\"",
            "position: expects text, e.g. position:acme or position:\"two words\"",
        ),
        (
            "endorsed:yes",
            "endorsed takes no value: write endorsed, or -endorsed for the others",
        ),
        (
            "-",
            "- negates the word or term after it, e.g. -acme or -endorsed",
        ),
        (
            "\"\"",
            "empty quotes: write the text to search between them",
        ),
    ];
    for (query, hint) in cases {
        assert_eq!(
            Query::parse(query).map(|_| ()),
            Err(QueryError::new(*hint)),
            "{query}"
        );
    }
    let unknown = Query::parse("acme foo:bar").unwrap_err().hint;
    assert!(
        unknown.starts_with("unknown term foo: (terms: connected:"),
        "{unknown}"
    );
    // Not a term: colons after other characters are text.
    assert_eq!(Query::parse("10:30").unwrap().words(), ["10:30"]);
}

#[test]
fn terms_a_list_cannot_answer_are_errors_not_empty_results() {
    let p = people();
    let mut t = people_triage(&p);
    t.set_filter(Side::Left, "connected:2024");
    assert_eq!(t.column(Side::Left).shown().len(), 3);
    // Without messages.csv or the endorsement files: said, not matched.
    for (query, hint) in [
        (
            "messages:0",
            "messages: this export has no messages.csv (a Complete export has it)",
        ),
        (
            "endorsed",
            "endorsed: this export has no endorsement files (a Complete export has them)",
        ),
        (
            "sent:2024",
            "sent: not in this list; write connected: instead",
        ),
    ] {
        t.set_filter(Side::Left, query);
        let col = t.column(Side::Left);
        assert_eq!(col.filter_error().map(|e| e.hint.as_str()), Some(hint));
        assert_eq!(col.filter, query, "kept as typed");
        // No stale result stays on screen to be acted on.
        assert!(col.shown().is_empty(), "{query}");
        assert!(col.query().is_empty(), "{query}");
    }
    t.set_filter(Side::Left, "connected:2024 ada");
    let col = t.column(Side::Left);
    assert!(col.filter_error().is_none());
    assert_eq!(col.shown(), [0]);
}

#[test]
fn adding_a_term_narrows_and_changing_one_does_not() {
    let q = |s: &str| Query::parse(s).unwrap();
    assert!(q("acme").is_narrowed_by(&q("acme connected:2024")));
    assert!(q("connected:2024").is_narrowed_by(&q("connected:2024 -email")));
    assert!(!q("connected:2024").is_narrowed_by(&q("connected:2024-03")));
    assert!(!q("-acme").is_narrowed_by(&q("-acm")));
}

#[test]
fn only_plain_words_are_highlighted() {
    let q = Query::parse("ada -bob company:acme \"sales dir\"").unwrap();
    assert_eq!(q.words(), ["ada", "sales dir"]);
    assert_eq!(q.highlights("Ada Bob"), vec![0..3]);
}

#[test]
fn the_help_lists_every_term_once() {
    let lines = help_lines();
    assert_eq!(lines.len(), HELP.len());
    for term in [
        "connected:2024-03",
        "messages:0",
        "endorsed",
        "recommended",
        "email",
        "company:acme",
        "-term",
    ] {
        assert!(lines.iter().any(|l| l.starts_with(term)), "{term}");
    }
    assert_eq!(
        connected_between(day(2024, 3, 12), day(2024, 3, 14)),
        "connected:2024-03-12..2024-03-14"
    );
    assert_eq!(
        connected_between(day(2024, 3, 12), day(2024, 3, 12)),
        "connected:2024-03-12"
    );
    assert_eq!(
        shown(&connected_between(day(2024, 3, 12), day(2024, 3, 14))),
        [0, 1]
    );
}

#[test]
fn invitations_filter_by_sent_and_refuse_connection_terms() {
    use crate::model::pending::Pending;
    use crate::model::{Direction, Invitation, InvitationRules};
    let inv = |to: &str, sent: NaiveDate| Invitation {
        from: "Me".into(),
        to: to.into(),
        sent_at: sent.and_hms_opt(9, 0, 0),
        message: String::new(),
        direction: Direction::Outgoing,
        inviter_url: String::new(),
        invitee_url: String::new(),
    };
    let pending = Pending::from_export(
        &People::default(),
        &[inv("Ann", day(2026, 10, 2)), inv("Ben", day(2026, 11, 20))],
    );
    let mut t = pending.triage(&InvitationRules::default(), day(2026, 11, 28));
    t.set_filter(Side::Left, "sent:2026-11");
    assert_eq!(t.column(Side::Left).shown(), [1]);
    for (query, hint) in [
        (
            "connected:2026",
            "connected: not in this list; write sent: instead",
        ),
        ("messages:0", "messages: only the Connections list has it"),
        (
            "company:acme",
            "company: invitations have none; the Connections and Removed lists have it",
        ),
        (
            "email",
            "email: invitations have none; the Connections and Removed lists have it",
        ),
    ] {
        t.set_filter(Side::Left, query);
        let error = t.column(Side::Left).filter_error().map(|e| e.hint.clone());
        assert_eq!(error.as_deref(), Some(hint), "{query}");
    }
}

#[test]
fn terms_stream_from_a_worker_exactly_as_they_match_inline() {
    let p = people();
    for query in [
        "connected:2024-03",
        "-company:globex",
        "email -connected:<2020",
    ] {
        let mut inline = people_triage(&p);
        inline.set_filter(Side::Left, query);
        let mut streamed = people_triage(&p).with_inline_filter_limit(0);
        let job = streamed.set_filter(Side::Left, query).expect("a job");
        job.run(|chunk| {
            streamed.accept(chunk);
        });
        assert_eq!(
            streamed.column(Side::Left).shown(),
            inline.column(Side::Left).shown(),
            "{query}"
        );
    }
}

#[test]
fn an_impossible_date_is_not_valid_and_shows_no_one() {
    let p = people();
    let mut t = people_triage(&p);
    t.set_filter(Side::Left, "connected:2024-03");
    assert_eq!(t.column(Side::Left).shown().len(), 3);
    // Typing on to a day that does not exist must not keep the month's result.
    t.set_filter(Side::Left, "connected:2024-02-30");
    let col = t.column(Side::Left);
    assert!(col.filter_error().is_some(), "30 February is refused");
    assert!(col.shown().is_empty());
    assert_eq!(t.move_all_shown().count, 0);
}

#[test]
fn status_terms_parse_by_name_and_only_history_answers_them() {
    let status = |text: &str| parse(text).map(|p| p.clauses[0].term.clone());
    assert_eq!(status("status:done"), Ok(Term::Status(2)));
    assert_eq!(status("status:To-Do"), Ok(Term::Status(0)));
    assert_eq!(status("status:todo"), Ok(Term::Status(0)));
    assert_eq!(
        status("status:still-pending"),
        status("status:still-connected")
    );
    assert!(status("status:gone").is_err());
    let clauses = parse("status:done").unwrap().clauses;
    let error = Facts::default().check(&clauses).unwrap_err();
    assert_eq!(error.hint, "status: only the History tab has it");
    let history = Facts::default().with_statuses([0, 2].into_iter());
    assert_eq!(history.check(&clauses), Ok(()));
    // Connections reject it: it would silently match no one there.
    let err = shown_error("status:done");
    assert!(err.contains("only the History tab"), "{err}");
}

fn shown_error(query: &str) -> String {
    let people = people();
    let mut triage = people_triage(&people);
    triage.set_filter(Side::Left, query);
    triage
        .column(Side::Left)
        .filter_error()
        .map(|e| e.hint.clone())
        .unwrap_or_default()
}
