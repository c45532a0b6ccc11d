//! Filtering by id (a bitmap matched in storage order, taken from `MATCH_BY_ID_FROM`
//! candidates in an order far from storage order) held against the simple path:
//! each candidate of the display order matched on its own. At the size that takes the
//! fast path, under every sort order, inline and streamed, and narrowing as letters are
//! typed; then, at small sizes, the job itself over arbitrary orders and candidate sets.

use std::sync::Arc;
use std::sync::atomic::AtomicU64;

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::model::People;
use crate::model::roster::people_triage;

const FIRST: &[&str] = &[
    "Anna",
    "Hannah",
    "José",
    "Zoë",
    "Łukasz",
    "Søren",
    "Ольга",
    "Ana",
    "Joanna",
    "Mia",
    "Liam",
    "Noah",
    "Émile",
    "Björn",
    "Siobhán",
    "Kenji",
    "Wei",
    "山田",
    "Amara",
    "Lars",
];
const LAST: &[&str] = &[
    "García",
    "Müller",
    "Nowak",
    "Hansen",
    "Dubois",
    "Иванова",
    "Smith",
    "O'Brien",
    "Nakamura",
    "Schäfer",
    "Rossi",
    "Annan",
    "Van der Berg",
    "De Luca",
    "Novák",
    "Kim",
];
const COMPANY: &[&str] = &[
    "Acme, Inc.",
    "Globex",
    "Initech",
    "Bank of America",
    "Café Crème SARL",
    "Hannover Re",
    "Umbrella Corp",
    "",
];
const POSITION: &[&str] = &[
    "Engineer",
    "Sales Director",
    "Recruiter",
    "CFO",
    "",
    "Data Analyst",
];

/// `n` people in export order (newest first), names drawn so the name and company
/// orders are far from storage order. Deterministic.
fn generated(n: usize) -> People {
    let mut state = 0x5EED_u64;
    let mut next = |len: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize % len
    };
    let start = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    let mut people = People::default();
    for i in 0..n {
        let (first, last) = (FIRST[next(FIRST.len())], LAST[next(LAST.len())]);
        let url = format!("https://www.linkedin.com/in/p-{i:x}");
        let email = if next(3) == 0 {
            format!("p{i}@example.com")
        } else {
            String::new()
        };
        let (company, position) = (COMPANY[next(COMPANY.len())], POSITION[next(POSITION.len())]);
        let date = start - chrono::Days::new((i / 6) as u64);
        people
            .push([first, last, &url, &email, company, position], Some(date))
            .unwrap();
    }
    people
}

/// Runs a filter job as the worker would, handing every chunk back.
fn stream(t: &mut Triage, job: Option<FilterJob>) {
    if let Some(job) = job {
        job.run(|chunk| {
            t.accept(chunk);
        });
    }
}

/// What a column must show, found the simple way: its sort order walked item by item,
/// keeping those in the column that match.
fn expected(t: &Triage, side: Side) -> Vec<u32> {
    let col = t.column(side);
    let order = t.sorts[col.sort].order.as_deref().unwrap();
    let matcher = t.search.matcher(col.query());
    order
        .iter()
        .copied()
        .filter(|&id| t.place(id) == side.place() && matcher.matches(id as usize))
        .collect()
}

/// Fails with the counts and the first row that differs, not 30,000 ids.
fn same(got: &[u32], want: &[u32], at: &str) {
    if got != want {
        let row = got.iter().zip(want).position(|(g, w)| g != w);
        panic!(
            "{at}: {} rows shown, {} expected; first difference at row {row:?}",
            got.len(),
            want.len()
        );
    }
}

/// Typed letter by letter (each narrows the one before), then terms.
const TYPED: &[&str] = &[
    "a",
    "an",
    "ann",
    "anna",
    "anna h",
    "e",
    "e a",
    "e an",
    "-globex",
    "company:acme",
    "email",
    "connected:2020",
    "email -connected:<2020",
];

#[test]
fn filtering_30000_people_by_id_shows_what_matching_each_one_inline_shows() {
    let n = 30_000;
    let people = generated(n);
    let mut inline = people_triage(&people);
    // Some staged, some done: each column shows only its own matches.
    let places = (0..n as u32).filter_map(|id| match id % 13 {
        0 | 5 => Some((id, Place::Right)),
        7 => Some((id, Place::Done)),
        _ => None,
    });
    inline.restore(places);
    let mut streamed = inline.clone().with_inline_filter_limit(0);
    assert!(n >= MATCH_BY_ID_FROM && n <= inline.inline_limit);
    let mut far_orders = 0;
    let mut narrowed_by_id = 0;
    for sort in 0..inline.sorts.len() {
        let sorted = inline.sorts[sort].order.as_deref().unwrap();
        far_orders += usize::from(!follows_ids(sorted));
        for side in [Side::Left, Side::Right] {
            for (i, text) in TYPED.iter().enumerate() {
                let before = inline.column(side).matched.len();
                inline.set_filter(side, text);
                let job = streamed.set_filter(side, text);
                stream(&mut streamed, job);
                assert_eq!(inline.column(side).filter_error(), None, "{text}");
                let narrows = i > 0
                    && Query::parse(TYPED[i - 1])
                        .unwrap()
                        .is_narrowed_by(&Query::parse(text).unwrap());
                narrowed_by_id += usize::from(narrows && before >= MATCH_BY_ID_FROM);
                let want = expected(&inline, side);
                let at = format!("{text:?} sorted by {}, {side:?}", inline.sort_name(side));
                same(inline.column(side).shown(), &want, &format!("inline, {at}"));
                same(
                    streamed.column(side).shown(),
                    &want,
                    &format!("streamed, {at}"),
                );
            }
            inline.set_filter(side, "");
            streamed.set_filter(side, "");
            inline.cycle_sort(side);
            streamed.cycle_sort(side);
        }
    }
    // The fast path ran: orders far from storage order, and narrowing a large result.
    assert!(
        far_orders >= 2,
        "name and company orders are far from storage order"
    );
    assert!(
        narrowed_by_id > 0,
        "some narrowing started from {MATCH_BY_ID_FROM}+"
    );
}

/// A job over `n` items named by their bits, so every query word picks a spread of ids.
fn small_index(n: usize) -> SearchIndex {
    let names: Vec<String> = (0..n)
        .map(|i| {
            let bit = |b: usize, c: &'static str| if i >> b & 1 == 1 { c } else { "" };
            format!(
                "{}{}{}{}x",
                bit(0, "a"),
                bit(1, "b"),
                bit(3, "c"),
                bit(5, "d")
            )
        })
        .collect();
    SearchIndex::build(n, |i| [names[i].as_str()])
}

fn job(search: &Arc<SearchIndex>, query: &str, candidates: Vec<u32>, by_id: bool) -> FilterJob {
    FilterJob::new(
        Side::Left,
        1,
        Query::parse(query).unwrap(),
        Arc::clone(search),
        candidates.into(),
        Arc::new(AtomicU64::new(1)),
        by_id,
    )
}

fn streamed(job: &FilterJob) -> Vec<u32> {
    let mut ids = Vec::new();
    job.run(|chunk| ids.extend(chunk.ids));
    ids
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any order of any subset of the items (a narrowing filter's candidates are a
    /// subset): by id or one by one, the same matches in the same order.
    #[test]
    fn a_job_by_id_matches_what_one_by_one_matches(
        n in 1usize..400,
        keys in prop::collection::vec(any::<u32>(), 400),
        keep in prop::collection::vec(any::<bool>(), 400),
        query in prop::sample::select(vec!["a", "b", "ab", "c x", "d", "bd", "x", "cd a"]),
    ) {
        let search = Arc::new(small_index(n));
        let mut candidates: Vec<u32> = (0..n as u32).filter(|&i| keep[i as usize]).collect();
        if keep[0] {
            candidates = (0..n as u32).collect(); // everyone: no candidate bitmap
        }
        candidates.sort_by_key(|&i| keys[i as usize]);
        let simple = job(&search, query, candidates.clone(), false).run_to_end();
        let fast = job(&search, query, candidates, true);
        prop_assert_eq!(&fast.run_to_end(), &simple);
        prop_assert_eq!(&streamed(&fast), &simple);
    }
}
