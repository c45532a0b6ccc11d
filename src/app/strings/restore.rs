//! What a restore says, in the dialog and on the status line after it: what LinkedIn
//! needs depends on where each record stands there. Only those removed (withdrawn) on
//! LinkedIn need a new invitation, which they see; those still connected (pending) there
//! need nothing; for those only opened it is unknown.

use super::numbers::thousands;
use crate::model::history::Kind;

/// The records of a restore by where they stand on LinkedIn.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Standing {
    /// Done or verified: removed (withdrawn) on LinkedIn.
    pub gone: usize,
    /// Opened, not ticked done: maybe removed there.
    pub opened: usize,
    /// To do or still connected (pending): nothing happened there.
    pub there: usize,
}

impl Standing {
    fn total(&self) -> usize {
        self.gone + self.opened + self.there
    }

    /// The groups with someone in them, in the order they are said.
    fn groups(&self) -> impl Iterator<Item = (Group, usize)> {
        [
            (Group::Gone, self.gone),
            (Group::Opened, self.opened),
            (Group::There, self.there),
        ]
        .into_iter()
        .filter(|&(_, n)| n > 0)
    }
}

#[derive(Debug, Clone, Copy)]
enum Group {
    Gone,
    Opened,
    There,
}

/// "They were" for everyone restored, else "1 was", "3 were".
fn who(n: usize, total: usize, one: &str, many: &str) -> String {
    if n == total {
        format!("They {many}")
    } else if n == 1 {
        format!("1 {one}")
    } else {
        format!("{} {many}", thousands(n))
    }
}

/// The restore dialog's words after the names: where they return here, then one
/// sentence per group. `reinvite_after`: the day LinkedIn lets a withdrawn invitation be
/// sent again.
pub fn restore_consequence(kind: Kind, standing: &Standing, reinvite_after: &str) -> Vec<String> {
    let total = standing.total();
    let first = match kind {
        Kind::Removal => "They return to your connections here.",
        Kind::Withdrawal => "They return as pending here.",
    };
    let mut lines = vec![first.to_owned()];
    for (group, n) in standing.groups() {
        let were = who(n, total, "was", "were");
        let are = who(n, total, "is", "are");
        lines.push(match (kind, group) {
            (Kind::Removal, Group::Gone) => format!(
                "{were} removed on LinkedIn: a new invitation is needed, which they will see."
            ),
            (Kind::Removal, Group::Opened) => format!(
                "{were} opened, not ticked done: if removed on LinkedIn, a new invitation \
                 is needed; if not, nothing to do."
            ),
            (Kind::Removal, Group::There) => {
                format!("{are} still connected on LinkedIn: nothing to do there.")
            }
            (Kind::Withdrawal, Group::Gone) => format!(
                "{were} withdrawn on LinkedIn: LinkedIn lets you invite them again after \
                 {reinvite_after}; they will see that invitation."
            ),
            (Kind::Withdrawal, Group::Opened) => format!(
                "{were} opened, not ticked done: if withdrawn on LinkedIn, invite them again \
                 after {reinvite_after}; if not, nothing to do."
            ),
            (Kind::Withdrawal, Group::There) => {
                format!("{are} still pending on LinkedIn: nothing to do there.")
            }
        });
    }
    lines
}

/// The status line once a restore is journaled: "Restored 3. …", what LinkedIn needs per
/// group, and how many are not in this export.
pub fn restored(kind: Kind, standing: &Standing, reinvite_after: &str, not_here: usize) -> String {
    let total = standing.total();
    let mut text = format!("Restored {}.", thousands(total));
    text.push_str(match kind {
        Kind::Removal => " They are back among your connections here.",
        Kind::Withdrawal => " They are pending again here.",
    });
    for (group, n) in standing.groups() {
        let need = who(n, total, "needs", "need");
        let were = who(n, total, "was", "were");
        let are = who(n, total, "is", "are");
        text.push(' ');
        text.push_str(&match (kind, group) {
            (Kind::Removal, Group::Gone) => {
                format!("{need} a new invitation on LinkedIn, which they will see.")
            }
            (Kind::Removal, Group::Opened) => {
                format!("{were} opened: if removed on LinkedIn, a new invitation is needed.")
            }
            (Kind::Removal, Group::There) => {
                format!("{are} still connected on LinkedIn: nothing to do.")
            }
            (Kind::Withdrawal, Group::Gone) => format!(
                "{need} a new invitation on LinkedIn after {reinvite_after}, which they \
                 will see."
            ),
            (Kind::Withdrawal, Group::Opened) => format!(
                "{were} opened: if withdrawn on LinkedIn, invite them again after \
                 {reinvite_after}."
            ),
            (Kind::Withdrawal, Group::There) => {
                format!("{are} still pending on LinkedIn: nothing to do.")
            }
        });
    }
    if not_here > 0 {
        text.push_str(&format!(" ({} not in this export.)", thousands(not_here)));
    }
    text
}

/// `u` with nothing to undo, after a confirmed removal (withdrawal): the way back is
/// History's restore. `switch`: the key to the Withdrawn list, for withdrawals.
pub fn undo_in_history(kind: Kind, history_key: &str, switch: &str, restore_key: &str) -> String {
    match kind {
        Kind::Removal => format!(
            "A confirmed removal is undone from History: {history_key}, then {restore_key} \
             restores."
        ),
        Kind::Withdrawal => format!(
            "A confirmed withdrawal is undone from History: {history_key}, {switch} for \
             Withdrawn, then {restore_key} restores."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_group_is_counted_and_everyone_is_they() {
        let mixed = Standing {
            gone: 3,
            opened: 1,
            there: 2,
        };
        let lines = restore_consequence(Kind::Removal, &mixed, "");
        assert_eq!(lines.len(), 4);
        assert!(
            lines[1].starts_with("3 were removed on LinkedIn"),
            "{lines:?}"
        );
        assert!(lines[2].starts_with("1 was opened"), "{lines:?}");
        assert!(lines[3].starts_with("2 are still connected"), "{lines:?}");
        let all = Standing {
            there: 5,
            ..Standing::default()
        };
        let lines = restore_consequence(Kind::Removal, &all, "");
        assert_eq!(
            lines[1],
            "They are still connected on LinkedIn: nothing to do there."
        );
        assert!(!lines.concat().contains("invitation"), "{lines:?}");
        let said = restored(Kind::Removal, &mixed, "", 1);
        assert!(said.starts_with("Restored 6. They are back"), "{said}");
        assert!(said.contains(" 3 need a new invitation"), "{said}");
        assert!(said.ends_with("(1 not in this export.)"), "{said}");
        let one = Standing {
            gone: 1,
            there: 1,
            ..Standing::default()
        };
        assert!(restored(Kind::Removal, &one, "", 0).contains(" 1 needs a new invitation"));
    }
}
