use super::*;
use crate::model::filter::FilterJob;

/// Items 0..n named "p0".."pN"; sort 0 is item order, sort 1 reversed.
pub(super) fn triage(n: u32) -> Triage {
    let names: Vec<String> = (0..n).map(|i| format!("p{i}")).collect();
    let search = SearchIndex::build(n as usize, |i| [names[i].as_str()]);
    let sorts = vec![
        SortOrder::new("order", (0..n).collect::<Vec<u32>>()),
        SortOrder::new("reverse", (0..n).rev().collect::<Vec<u32>>()),
    ];
    Triage::new(search, sorts)
}

/// Every item is in exactly one of left, right, done.
pub(super) fn assert_conserved(t: &Triage) {
    let l = t.ids_in(Place::Left).count();
    let r = t.ids_in(Place::Right).count();
    let d = t.ids_in(Place::Done).count();
    assert_eq!(l + r + d, t.len());
    assert_eq!(t.column(Side::Left).total(), l);
    assert_eq!(t.column(Side::Right).total(), r);
    assert_eq!(t.done_count(), d);
}

#[test]
fn enter_moves_the_row_under_the_cursor_when_nothing_is_marked() {
    let mut t = triage(5);
    t.move_cursor(2);
    let moved = t.move_selection();
    assert_eq!(moved.count, 1);
    assert_eq!(t.place(2), Place::Right);
    assert_eq!(t.column(Side::Left).shown(), &[0, 1, 3, 4]);
    // The cursor stays on the same row, now the next person.
    assert_eq!(t.column(Side::Left).current(), Some(3));
    assert_conserved(&t);
}

#[test]
fn marked_rows_move_together_and_arrive_unmarked() {
    let mut t = triage(5);
    t.toggle_mark(); // marks 0, cursor to 1
    t.move_cursor(1);
    t.toggle_mark(); // marks 2
    assert_eq!(t.column(Side::Left).marked(), 2);
    let moved = t.move_selection();
    assert_eq!(moved.count, 2);
    assert_eq!(t.column(Side::Right).shown(), &[0, 2]);
    assert_eq!(t.column(Side::Left).marked(), 0);
    assert_eq!(t.column(Side::Right).marked(), 0);
    assert!(!t.is_marked(0));
    assert_conserved(&t);
}

#[test]
fn move_back_from_the_right_column() {
    let mut t = triage(3);
    t.move_all_shown();
    t.set_focus(Side::Right);
    t.move_cursor(1);
    t.move_selection();
    assert_eq!(t.column(Side::Left).shown(), &[1]);
    assert_eq!(t.column(Side::Right).shown(), &[0, 2]);
    assert_conserved(&t);
}

#[test]
fn invert_and_move_all_respect_the_filter() {
    let mut t = triage(12); // p0..p11: "p1" matches p1, p10, p11
    t.set_filter(Side::Left, "p1");
    assert_eq!(t.column(Side::Left).shown(), &[1, 10, 11]);
    assert_eq!(t.column(Side::Left).total(), 12);
    t.invert_marks();
    assert_eq!(t.column(Side::Left).marked(), 3);
    assert!(!t.is_marked(0));
    t.set_filter(Side::Left, "");
    let moved = t.move_selection();
    assert_eq!(moved.count, 3, "the three marked rows move");
    t.set_filter(Side::Left, "p");
    t.set_filter(Side::Left, "p0");
    let moved = t.move_all_shown();
    assert_eq!(moved.count, 1);
    assert_eq!(t.column(Side::Right).shown(), &[0, 1, 10, 11]);
    assert_conserved(&t);
}

#[test]
fn undo_and_redo_replay_moves_until_a_removal_is_confirmed() {
    let mut t = triage(4);
    t.move_selection(); // 0 → right
    t.move_all_shown(); // 1,2,3 → right
    assert_eq!(t.undo(), Some((3, Side::Left)));
    assert_eq!(t.column(Side::Right).shown(), &[0]);
    assert_eq!(t.redo(), Some((3, Side::Right)));
    assert_eq!(t.column(Side::Right).total(), 4);
    t.undo();
    t.undo();
    assert_eq!(t.column(Side::Left).total(), 4);
    assert_eq!(t.undo(), None);
    t.redo();
    // A new move clears redo.
    t.move_selection();
    assert!(!t.can_redo());
    let staged: Vec<u32> = t.ids_in(Place::Right).collect();
    t.confirm(&staged);
    assert_eq!(t.done_count(), 2);
    assert!(!t.can_undo());
    assert_eq!(t.column(Side::Right).total(), 0);
    assert_conserved(&t);
}

#[test]
fn locked_items_stay_with_a_reason() {
    let mut t = triage(3).with_locks(vec![None, Some("expired"), None]);
    let moved = t.move_all_shown();
    assert_eq!(moved.count, 2);
    assert_eq!(moved.refused, Some((1, "expired")));
    assert_eq!(t.place(1), Place::Left);
}

#[test]
fn cursor_and_scrolling_stay_in_bounds() {
    let mut t = triage(100);
    t.set_viewport(10);
    t.page(1);
    assert_eq!(t.column(Side::Left).cursor, 10);
    assert_eq!(t.column(Side::Left).offset, 1);
    t.cursor_to_end();
    assert_eq!(t.column(Side::Left).cursor, 99);
    assert_eq!(t.column(Side::Left).offset, 90);
    t.move_cursor(5);
    assert_eq!(t.column(Side::Left).cursor, 99);
    t.scroll(Side::Left, -50);
    assert_eq!(t.column(Side::Left).offset, 40);
    assert!((40..50).contains(&t.column(Side::Left).cursor));
    t.cursor_to_start();
    assert_eq!(
        (t.column(Side::Left).cursor, t.column(Side::Left).offset),
        (0, 0)
    );
    // Empty column: nothing to select, nothing panics.
    t.set_focus(Side::Right);
    t.page(3);
    t.toggle_mark();
    assert_eq!(t.move_selection().count, 0);
}

#[test]
fn sort_cycles_through_orders() {
    let mut t = triage(3);
    assert_eq!(t.sort_name(Side::Left), "order");
    t.cycle_sort(Side::Left);
    assert_eq!(t.sort_name(Side::Left), "reverse");
    assert_eq!(t.column(Side::Left).shown(), &[2, 1, 0]);
    t.cycle_sort(Side::Left);
    assert_eq!(t.column(Side::Left).shown(), &[0, 1, 2]);
}

#[test]
fn restore_places_items_from_a_previous_session() {
    let mut t = triage(4);
    t.restore([(1, Place::Right), (2, Place::Done), (99, Place::Right)]);
    assert_eq!(t.column(Side::Left).shown(), &[0, 3]);
    assert_eq!(t.column(Side::Right).shown(), &[1]);
    assert_conserved(&t);
}

#[test]
fn a_growing_filter_narrows_what_is_shown_and_a_shrinking_one_widens_it() {
    let mut t = triage(30);
    t.set_filter(Side::Left, "p");
    assert_eq!(t.column(Side::Left).shown().len(), 30);
    t.set_filter(Side::Left, "p2");
    assert_eq!(
        t.column(Side::Left).shown(),
        &[2, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29]
    );
    t.set_filter(Side::Left, "p22");
    assert_eq!(t.column(Side::Left).shown(), &[22]);
    t.set_filter(Side::Left, "p2");
    assert_eq!(t.column(Side::Left).shown().len(), 11);
    // The cursor stayed on its person through the widening.
    assert_eq!(t.column(Side::Left).current(), Some(22));
    // Moving a row away while filtered, then narrowing, never brings it back.
    t.move_selection();
    assert_eq!(t.place(22), Place::Right);
    t.set_filter(Side::Left, "p22");
    assert!(t.column(Side::Left).shown().is_empty());
    t.set_filter(Side::Left, "p2");
    t.set_filter(Side::Left, "p21");
    assert_eq!(t.column(Side::Left).shown(), &[21]);
}

/// Runs a job as the worker would, handing every chunk to the triage.
pub(super) fn stream(t: &mut Triage, job: &FilterJob) -> usize {
    let mut chunks = Vec::new();
    job.run(|c| chunks.push(c));
    let n = chunks.len();
    for c in chunks {
        assert!(t.accept(c));
    }
    n
}

#[test]
fn a_large_list_filters_on_a_job_whose_chunks_add_up_to_the_inline_result() {
    let n = 100_000;
    let mut inline = triage(n);
    inline.set_filter(Side::Left, "p1");
    let mut t = triage(n).with_inline_filter_limit(0);
    let job = t
        .set_filter(Side::Left, "p1")
        .expect("a job for the worker");
    assert!(t.column(Side::Left).is_matching());
    assert!(t.column(Side::Left).shown().is_empty());
    // A first screenful comes alone, then one chunk per block of candidates.
    let chunks = stream(&mut t, &job);
    assert!(chunks > 2, "{chunks} chunks");
    assert!(!t.column(Side::Left).is_matching());
    assert_eq!(
        t.column(Side::Left).shown(),
        inline.column(Side::Left).shown()
    );
    assert_eq!(t.column(Side::Left).shown().len(), 11_111);
}

#[test]
fn a_superseded_job_stops_and_its_chunks_are_dropped() {
    let mut t = triage(50).with_inline_filter_limit(0);
    let old = t.set_filter(Side::Left, "p1").expect("job");
    let mut old_chunks = Vec::new();
    old.run(|c| old_chunks.push(c)); // still live: it completes
    let new = t.set_filter(Side::Left, "p2").expect("job");
    assert!(!old.is_live());
    let mut late = Vec::new();
    old.run(|c| late.push(c));
    assert!(late.is_empty(), "a stale job sends nothing");
    for c in old_chunks {
        assert!(!t.accept(c), "a chunk of an old filter is dropped");
    }
    stream(&mut t, &new);
    assert_eq!(t.column(Side::Left).shown().len(), 11);
    assert!(
        t.column(Side::Left)
            .shown()
            .iter()
            .all(|&id| id == 2 || id >= 20)
    );
}

#[test]
fn moves_while_matches_stream_in_keep_both_columns_right() {
    let mut t = triage(50).with_inline_filter_limit(0);
    let job = t.set_filter(Side::Left, "p").expect("job");
    let mut chunks = Vec::new();
    job.run(|c| chunks.push(c));
    // Only the first screenful has arrived when the user moves its top row.
    let first = chunks.remove(0);
    t.accept(first);
    t.move_selection();
    for c in chunks {
        t.accept(c);
    }
    assert_eq!(t.place(0), Place::Right);
    assert_eq!(t.column(Side::Left).shown().len(), 49);
    assert!(!t.column(Side::Left).shown().contains(&0));
    assert_conserved(&t);
}

#[test]
fn move_all_shown_acts_on_every_match_even_before_the_worker_is_done() {
    let mut t = triage(50).with_inline_filter_limit(0);
    let job = t.set_filter(Side::Left, "p3").expect("job");
    // No chunk has arrived yet: `a` must not move just what is on screen.
    let moved = t.move_all_shown();
    assert_eq!(moved.count, 11);
    assert!(!t.column(Side::Left).is_matching());
    assert!(!job.is_live(), "the worker's copy is cancelled");
    assert_eq!(t.column(Side::Right).total(), 11);
    assert_conserved(&t);
}

#[test]
fn changing_the_sort_of_a_filtered_column_finds_the_matches_in_the_new_order() {
    let mut t = triage(30).with_inline_filter_limit(0);
    let job = t.set_filter(Side::Left, "p2").expect("job");
    stream(&mut t, &job);
    let job = t
        .cycle_sort(Side::Left)
        .expect("a new job for the new order");
    stream(&mut t, &job);
    assert_eq!(
        t.column(Side::Left).shown(),
        &[29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 2]
    );
}

#[test]
fn a_sort_order_still_being_computed_shows_nothing_until_it_arrives() {
    let n = 30;
    let names: Vec<String> = (0..n).map(|i| format!("p{i}")).collect();
    let search = SearchIndex::build(n as usize, |i| [names[i].as_str()]);
    let mut t = Triage::new(
        search,
        vec![
            SortOrder::new("order", (0..n).collect::<Vec<u32>>()),
            SortOrder::pending("reverse"),
        ],
    );
    t.move_selection(); // item 0 to the right
    t.set_filter(Side::Left, "p2");
    assert_eq!(t.column(Side::Left).shown().len(), 11);
    assert!(t.cycle_sort(Side::Left).is_none(), "no order to filter yet");
    assert!(t.is_sorting(Side::Left));
    assert!(t.column(Side::Left).shown().is_empty());
    assert_eq!(t.column(Side::Left).total(), 29, "the count is known");
    assert!(
        !t.is_sorting(Side::Right),
        "the other column keeps its order"
    );
    assert!(
        t.sort_ready("reverse", (0..n).rev().collect::<Vec<u32>>())
            .is_empty()
    );
    assert!(!t.is_sorting(Side::Left));
    assert_eq!(
        t.column(Side::Left).shown(),
        &[29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 2]
    );
}

#[test]
fn only_orders_close_to_storage_order_are_scanned_in_display_order() {
    let ascending: Vec<u32> = (0..1000).collect();
    assert!(follows_ids(&ascending));
    let descending: Vec<u32> = (0..1000).rev().collect();
    assert!(!follows_ids(&descending));
    // Rising within each of 10 groups, but 10 rows apart... then 100 apart.
    let strided = |stride: u32| -> Vec<u32> {
        (0..stride)
            .flat_map(|g| (0..1000 / stride).map(move |i| i * stride + g))
            .collect()
    };
    assert!(follows_ids(&strided(10)));
    assert!(!follows_ids(&strided(100)));
}

/// [`triage`], its search index still being built.
fn triage_searching_later(n: u32) -> (Triage, SearchIndex) {
    let full = triage(n);
    let search = (*full.search).clone();
    let sorts = full.sorts.clone();
    (
        Triage::search_later(n as usize, Facts::default(), sorts),
        search,
    )
}

#[test]
fn a_filter_typed_before_the_index_is_built_waits_then_shows_exactly_its_matches() {
    let (mut t, search) = triage_searching_later(30);
    t.move_cursor(2);
    t.move_selection(); // item 2 to the right
    assert_eq!(
        t.column(Side::Left).total(),
        29,
        "the list is there at once"
    );
    assert!(
        t.set_filter(Side::Left, "p2").is_none(),
        "nothing to match yet"
    );
    assert!(t.set_filter(Side::Right, "p").is_none());
    for side in [Side::Left, Side::Right] {
        assert!(
            t.column(side).is_matching(),
            "the column says it is searching"
        );
        assert!(t.column(side).shown().is_empty());
    }
    // Typed on while waiting: the last filter is the one applied.
    assert!(t.set_filter(Side::Left, "p2").is_none());
    assert!(
        t.search_ready(search).is_empty(),
        "small lists filter inline"
    );
    let mut ready = triage(30);
    ready.move_cursor(2);
    ready.move_selection();
    ready.set_filter(Side::Left, "p2");
    ready.set_filter(Side::Right, "p");
    for side in [Side::Left, Side::Right] {
        assert!(!t.column(side).is_matching());
        assert_eq!(t.column(side).shown(), ready.column(side).shown());
    }
    assert_eq!(
        t.column(Side::Left).shown(),
        &[20, 21, 22, 23, 24, 25, 26, 27, 28, 29]
    );
    assert_eq!(t.column(Side::Right).shown(), &[2]);
    assert_conserved(&t);
}

#[test]
fn a_large_list_waiting_for_its_index_streams_its_matches_once_it_is_built() {
    let n = 50;
    let (t, search) = triage_searching_later(n);
    let mut t = t.with_inline_filter_limit(0);
    assert!(t.set_filter(Side::Left, "p1").is_none());
    let jobs = t.search_ready(search);
    let [job] = jobs.as_slice() else {
        panic!("one job, for the column that waited: {}", jobs.len());
    };
    stream(&mut t, job);
    assert_eq!(
        t.column(Side::Left).shown(),
        &[1, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]
    );
}

#[test]
fn while_the_index_is_built_moving_everything_shown_moves_nothing_unmatched() {
    let (mut t, search) = triage_searching_later(30);
    t.set_filter(Side::Left, "p2");
    let moved = t.move_all_shown();
    assert_eq!(moved.count, 0, "no match is known yet");
    assert_eq!(t.column(Side::Right).total(), 0);
    t.search_ready(search);
    assert_eq!(t.move_all_shown().count, 11);
    assert_conserved(&t);
}

#[test]
fn a_term_this_list_cannot_answer_is_refused_before_the_index_is_built() {
    let (mut t, _search) = triage_searching_later(30);
    t.set_filter(Side::Left, "messages:0");
    let col = t.column(Side::Left);
    assert!(col.filter_error().is_some(), "the hint shows at once");
    assert!(!col.is_matching(), "and nothing waits for it");
}

#[test]
fn a_filter_waiting_for_both_its_index_and_its_order_shows_its_matches_once_both_are_in() {
    let (t, search) = triage_searching_later(30);
    let mut sorts = t.sorts.clone();
    sorts[1] = SortOrder::pending("reverse");
    let mut t = Triage::search_later(30, Facts::default(), sorts);
    t.cycle_sort(Side::Left);
    t.set_filter(Side::Left, "p2");
    assert!(t.is_sorting(Side::Left));
    assert!(t.search_ready(search).is_empty());
    assert!(
        t.column(Side::Left).shown().is_empty(),
        "the order is still to come"
    );
    assert!(
        !t.column(Side::Left).is_matching(),
        "sorting, not searching"
    );
    t.sort_ready("reverse", (0..30).rev().collect::<Vec<u32>>());
    assert_eq!(
        t.column(Side::Left).shown(),
        &[29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 2]
    );
}

#[test]
fn typing_on_while_matches_stream_in_keeps_the_cursor_on_its_person() {
    let mut t = triage(100_000).with_inline_filter_limit(0);
    t.move_cursor(90_000);
    assert_eq!(t.column(Side::Left).current(), Some(90_000));
    let job = t.set_filter(Side::Left, "p9").expect("job");
    let mut chunks = Vec::new();
    job.run(|c| chunks.push(c));
    // Only the first screenful has come, without the cursor's person, when the user
    // types one more character.
    assert!(t.accept(chunks.remove(0)));
    assert!(!t.column(Side::Left).shown().contains(&90_000));
    let job = t.set_filter(Side::Left, "p90").expect("job");
    stream(&mut t, &job);
    assert_eq!(t.column(Side::Left).current(), Some(90_000));
}

#[test]
fn after_moving_all_a_filter_showed_clearing_it_puts_the_cursor_beside_them() {
    let mut t = triage(10);
    t.set_filter(Side::Left, "p5");
    assert_eq!(t.column(Side::Left).current(), Some(5));
    t.move_all_shown();
    assert!(t.column(Side::Left).shown().is_empty());
    // Esc: everyone left is back; the cursor is where p5 was, not on the first row.
    t.set_filter(Side::Left, "");
    assert_eq!(t.column(Side::Left).current(), Some(6));
}
