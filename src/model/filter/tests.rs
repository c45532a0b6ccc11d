//! How a filter job streams its matches, and when a column filters on a worker at all.
//! (Its matches against the simple path: `triage::differential_tests`.)

use super::*;
use crate::model::triage::{INLINE_FILTER_LIMIT, SortOrder, Triage};

/// An index of `n` items named `x0`, `x1`, …: the query `x` matches every one.
fn everyone(n: usize) -> Arc<SearchIndex> {
    let names: Vec<String> = (0..n).map(|i| format!("x{i}")).collect();
    Arc::new(SearchIndex::build(n, |i| [names[i].as_str()]))
}

fn job(search: &Arc<SearchIndex>, side: Side, generation: u64, query: &str) -> FilterJob {
    let candidates: Arc<[u32]> = (0..search.len() as u32).collect();
    let live = Arc::new(AtomicU64::new(generation));
    let query = Query::parse(query).unwrap();
    FilterJob::new(
        side,
        generation,
        query,
        Arc::clone(search),
        candidates,
        live,
        false,
    )
}

#[test]
fn matches_stream_as_a_first_screen_then_a_chunk_per_block_the_last_one_done() {
    let search = everyone(2 * BLOCK + 100);
    for by_id in [false, true] {
        let mut j = job(&search, Side::Left, 1, "x");
        j.by_id = by_id;
        let mut chunks = Vec::new();
        j.run(|chunk| chunks.push(chunk));
        let sizes: Vec<usize> = chunks.iter().map(|c| c.ids.len()).collect();
        assert_eq!(
            sizes,
            [FIRST_SCREEN, BLOCK - FIRST_SCREEN, BLOCK, 100],
            "by id: {by_id}"
        );
        let done: Vec<bool> = chunks.iter().map(|c| c.done.is_some()).collect();
        assert_eq!(done, [false, false, false, true], "only the last is done");
        let ids: Vec<u32> = chunks.into_iter().flat_map(|c| c.ids).collect();
        assert_eq!(ids, j.run_to_end(), "in candidate order, none twice");
    }
}

#[test]
fn a_job_equals_only_itself_or_its_clone() {
    let search = everyone(3);
    let a = job(&search, Side::Left, 1, "x");
    assert_eq!(a, a.clone());
    assert_ne!(a, job(&search, Side::Right, 1, "x"), "another column");
    assert_ne!(a, job(&search, Side::Left, 2, "x"), "a later generation");
    assert_ne!(a, job(&search, Side::Left, 1, "x1"), "another query");
    // The same candidates, listed anew: another request (a re-sort, a new filter).
    assert_ne!(a, job(&search, Side::Left, 1, "x"), "other candidates");
}

#[test]
fn a_column_filters_on_a_worker_only_past_the_inline_limit() {
    for (n, on_worker) in [
        (INLINE_FILTER_LIMIT, false),
        (INLINE_FILTER_LIMIT + 1, true),
    ] {
        let search = everyone(n);
        let order: Vec<u32> = (0..n as u32).collect();
        let index = Arc::try_unwrap(search).unwrap();
        let mut t = Triage::new(index, vec![SortOrder::new("id", order)]);
        let job = t.set_filter(Side::Left, "x1");
        assert_eq!(job.is_some(), on_worker, "{n} rows");
        assert_eq!(t.column(Side::Left).is_matching(), on_worker, "{n} rows");
    }
}
