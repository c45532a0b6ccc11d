//! The keep list (people the user means to keep, whom bulk moves pass by) and the `V`
//! range, which marks the rows between where it started and the cursor as it moves.

use super::*;

/// A range being marked: it started at `anchor` (a row of `side`), and `added` are the
/// items it marked, unmarked again when the range shrinks past them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visual {
    pub side: Side,
    pub anchor: usize,
    added: Vec<u32>,
}

impl Triage {
    pub fn is_kept(&self, id: u32) -> bool {
        self.kept.get(id as usize).copied().unwrap_or(false)
    }

    pub fn kept_count(&self) -> usize {
        self.kept_count
    }

    /// Kept items, in item order.
    pub fn kept_ids(&self) -> impl Iterator<Item = u32> + '_ {
        self.kept
            .iter()
            .enumerate()
            .filter(|(_, k)| **k)
            .map(|(i, _)| i as u32)
    }

    /// Puts these items on the keep list (or takes them off). A kept item is never
    /// staged: one in the right column goes back to the left. Returns how many changed.
    pub fn set_kept(&mut self, ids: &[u32], on: bool) -> usize {
        if self.kept.len() < self.place.len() {
            self.kept.resize(self.place.len(), false);
        }
        let mut changed = 0;
        let mut back = Vec::new();
        for &id in ids {
            let Some(slot) = self.kept.get_mut(id as usize) else {
                continue;
            };
            if *slot != on {
                *slot = on;
                changed += 1;
                if on {
                    self.kept_count += 1;
                    if self.place[id as usize] == Place::Right {
                        back.push(id);
                    }
                } else {
                    self.kept_count -= 1;
                }
            }
        }
        if !back.is_empty() {
            // Not an undoable move: keeping is its own action, undone with K again.
            let m = Move {
                ids: back,
                from: Place::Right,
                to: Place::Left,
            };
            self.apply(&m);
        }
        changed
    }

    /// The range being marked with `V`, if one is.
    pub fn visual(&self) -> Option<&Visual> {
        self.visual.as_ref()
    }

    /// Starts marking a range at the cursor of the focused column.
    pub fn start_visual(&mut self) {
        let side = self.focus;
        self.visual = Some(Visual {
            side,
            anchor: self.column(side).cursor,
            added: Vec::new(),
        });
        self.follow_visual();
    }

    /// Ends the range; its marks stay.
    pub fn end_visual(&mut self) {
        self.visual = None;
    }

    /// Marks the rows between the anchor and the cursor, and unmarks the rows the range
    /// marked before and has left. Kept rows are passed by. Called after cursor moves.
    pub(super) fn follow_visual(&mut self) {
        let Some(mut visual) = self.visual.take() else {
            return;
        };
        let side = visual.side;
        if side != self.focus {
            return; // switching column ends the range
        }
        let cursor = self.column(side).cursor;
        let (lo, hi) = (visual.anchor.min(cursor), visual.anchor.max(cursor));
        let in_range: Vec<u32> = self
            .column(side)
            .shown
            .iter()
            .take(hi + 1)
            .skip(lo)
            .copied()
            .filter(|&id| !self.is_kept(id))
            .collect();
        let left: Vec<u32> = visual
            .added
            .iter()
            .copied()
            .filter(|id| !in_range.contains(id))
            .collect();
        for id in left {
            self.set_mark(side, id, false);
        }
        visual.added.retain(|id| in_range.contains(id));
        for id in in_range {
            if !self.is_marked(id) {
                self.set_mark(side, id, true);
                visual.added.push(id);
            }
        }
        self.visual = Some(visual);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn triage(n: usize) -> Triage {
        let names: Vec<String> = (0..n).map(|i| format!("p{i}")).collect();
        let search = SearchIndex::build(n, |i| [names[i].as_str()]);
        Triage::new(
            search,
            vec![SortOrder::new("id", (0..n as u32).collect::<Vec<_>>())],
        )
    }

    fn marked(t: &Triage) -> Vec<u32> {
        (0..t.len() as u32).filter(|&i| t.is_marked(i)).collect()
    }

    #[test]
    fn bulk_moves_and_inverts_pass_kept_people_by() {
        let mut t = triage(5);
        assert_eq!(t.set_kept(&[1, 3], true), 2);
        assert_eq!(t.invert_marks(), 2);
        assert_eq!(marked(&t), vec![0, 2, 4]);
        let moved = t.move_all_shown();
        assert_eq!((moved.count, moved.kept_skipped), (3, 2));
        assert_eq!(t.column(Side::Left).shown(), &[1, 3]);
        assert_eq!(t.kept_ids().collect::<Vec<_>>(), vec![1, 3]);
    }

    #[test]
    fn keeping_a_staged_person_takes_them_back_to_the_left() {
        let mut t = triage(3);
        t.move_all_shown();
        t.set_focus(Side::Right);
        t.set_kept(&[2], true);
        assert_eq!(t.place(2), Place::Left);
        assert_eq!(t.column(Side::Right).total(), 2);
        assert_eq!(t.set_kept(&[2], true), 0, "already kept");
        assert_eq!(t.set_kept(&[2], false), 1);
        assert_eq!(t.kept_count(), 0);
    }

    #[test]
    fn shift_arrows_and_ranges_mark_from_the_cursor_skipping_kept() {
        let mut t = triage(8);
        t.set_viewport(20);
        t.set_kept(&[2], true);
        assert_eq!(t.extend_marks(1), 0);
        assert_eq!(marked(&t), vec![0, 1]);
        assert_eq!(t.extend_marks(1), 1, "row 2 is kept");
        assert_eq!(marked(&t), vec![0, 1]);
        assert_eq!(t.mark_range(Side::Left, 6, 4), 0);
        assert_eq!(marked(&t), vec![0, 1, 4, 5, 6]);
    }

    #[test]
    fn a_visual_range_follows_the_cursor_both_ways() {
        let mut t = triage(10);
        t.set_viewport(20);
        t.set_kept(&[4], true);
        t.move_cursor(2);
        t.start_visual();
        assert_eq!(marked(&t), vec![2]);
        t.move_cursor(3);
        assert_eq!(marked(&t), vec![2, 3, 5], "4 is kept");
        t.move_cursor(-4);
        assert_eq!(marked(&t), vec![1, 2], "shrunk past the anchor and grew up");
        t.end_visual();
        t.move_cursor(5);
        assert_eq!(
            marked(&t),
            vec![1, 2],
            "ended: marks stay, cursor moves freely"
        );
    }
}
