//! Moves as the user sees them: what a column counts as marked after rows leave it, and
//! what undo and redo replay after a move that moved nobody.

use super::tests::{assert_conserved, triage};
use super::*;

#[test]
fn marked_rows_moved_back_from_the_right_column_leave_no_marks_behind() {
    let mut t = triage(5);
    t.move_all_shown();
    t.set_focus(Side::Right);
    t.toggle_mark(); // marks 0
    t.toggle_mark(); // marks 1
    assert_eq!(t.column(Side::Right).marked(), 2);
    let moved = t.move_selection();
    assert_eq!((moved.count, moved.to), (2, Side::Left));
    // The right column's title would still say "2 marked" with nobody marked in it.
    assert_eq!(t.column(Side::Right).marked(), 0);
    assert_eq!(t.column(Side::Left).marked(), 0);
    // Nothing marked now: Enter takes the row under the cursor, not a stale selection.
    assert_eq!(t.move_selection().count, 1);
    assert_eq!(t.column(Side::Right).total(), 2);
    assert_conserved(&t);
}

#[test]
fn a_move_that_moves_nobody_leaves_undo_and_redo_as_they_were() {
    let mut t = triage(4).with_locks(vec![None, None, Some("expired"), None]);
    t.move_selection(); // 0 → right
    t.move_selection(); // 1 → right
    assert_eq!(t.undo(), Some((1, Side::Left)));
    // The cursor is on the locked row: Enter refuses it and moves nobody.
    assert_eq!(t.column(Side::Left).shown(), &[1, 2, 3]);
    t.select_row(Side::Left, 1);
    assert_eq!(t.column(Side::Left).current(), Some(2));
    let moved = t.move_selection();
    assert_eq!(moved.count, 0);
    assert_eq!(moved.refused, Some((1, "expired")));
    // Redo still brings back the move undone above, and undo still takes back 0.
    assert_eq!(t.redo(), Some((1, Side::Right)));
    assert_eq!(t.place(1), Place::Right);
    assert_eq!(t.undo(), Some((1, Side::Left)));
    assert_eq!(t.undo(), Some((1, Side::Left)));
    assert_eq!(t.place(0), Place::Left);
    assert_eq!(t.undo(), None);
    assert_conserved(&t);
}
