//! The rows shown belong to what the filter says, and the cursor to a person: an invalid
//! filter shows no one, and the cursor stays on its person (else the nearest one)
//! through filtering, clearing, sorting and streamed results.

use super::tests::{assert_conserved, stream, triage};
use super::*;

#[test]
fn a_filter_that_is_not_valid_shows_no_one_and_move_all_moves_no_one() {
    let mut t = triage(30);
    t.set_filter(Side::Left, "p2");
    assert_eq!(t.column(Side::Left).shown().len(), 11);
    // A term this list cannot read: nothing of the last result stays to act on.
    t.set_filter(Side::Left, "p2 connected:2024-02-30");
    let col = t.column(Side::Left);
    assert!(col.filter_error().is_some());
    assert!(col.shown().is_empty());
    assert!(col.is_filtered(), "the title still says a filter is typed");
    let moved = t.move_all_shown();
    assert_eq!(moved.count, 0);
    t.invert_marks();
    assert_eq!(t.column(Side::Left).marked(), 0);
    assert_eq!(t.column(Side::Right).total(), 0);
    assert_conserved(&t);
}

#[test]
fn the_cursor_stays_on_its_person_when_the_filter_is_cleared() {
    let mut t = triage(30);
    t.set_filter(Side::Left, "p2");
    t.move_cursor(3);
    let person = t.column(Side::Left).current();
    assert_eq!(person, Some(22));
    t.set_filter(Side::Left, "");
    assert_eq!(t.column(Side::Left).current(), person);
    assert_eq!(t.column(Side::Left).cursor, 22);
}

#[test]
fn the_cursor_stays_on_its_person_through_a_sort_and_an_invalid_filter() {
    let mut t = triage(30);
    t.move_cursor(7);
    t.cycle_sort(Side::Left);
    assert_eq!(t.column(Side::Left).current(), Some(7));
    assert_eq!(
        t.column(Side::Left).cursor,
        22,
        "row 22 of the reversed order"
    );
    // Half a term: no one shown for now, the person waits for a valid filter.
    t.set_filter(Side::Left, "p connected:");
    assert!(t.column(Side::Left).shown().is_empty());
    t.set_filter(Side::Left, "p");
    assert_eq!(t.column(Side::Left).current(), Some(7));
}

#[test]
fn a_cursor_whose_person_is_filtered_out_goes_to_the_nearest_one() {
    let mut t = triage(30);
    t.move_cursor(15); // p15
    t.set_filter(Side::Left, "p2");
    // p15 is not shown: the next person in the order that is, p20.
    assert_eq!(t.column(Side::Left).current(), Some(20));
    let mut t = triage(30);
    t.move_cursor(29); // p29, the last: nobody after it passes "p1"
    t.set_filter(Side::Left, "p1");
    assert_eq!(t.column(Side::Left).current(), Some(19));
}

#[test]
fn the_cursor_finds_its_person_again_as_a_streamed_result_arrives() {
    let mut t = triage(30).with_inline_filter_limit(0);
    t.move_cursor(25);
    let job = t.set_filter(Side::Left, "p2").expect("a job");
    stream(&mut t, &job);
    assert_eq!(t.column(Side::Left).current(), Some(25));
    // Cleared again: back among everyone, on the same person.
    assert!(t.set_filter(Side::Left, "").is_none());
    assert_eq!(t.column(Side::Left).current(), Some(25));
}

#[test]
fn resuming_a_kept_filter_starts_a_new_term() {
    let mut t = triage(3);
    t.set_filter(Side::Left, "p connected:2024-03-14");
    t.resume_filter(Side::Left);
    assert_eq!(t.column(Side::Left).filter, "p connected:2024-03-14 ");
    t.resume_filter(Side::Left);
    assert_eq!(
        t.column(Side::Left).filter,
        "p connected:2024-03-14 ",
        "once"
    );
    let mut empty = triage(3);
    empty.resume_filter(Side::Left);
    assert_eq!(empty.column(Side::Left).filter, "");
}
