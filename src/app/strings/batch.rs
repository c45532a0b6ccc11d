//! What the work-through in batches says: the status after a batch opens, the Done-opened
//! dialog, the restore's warning about LinkedIn's weekly invitations and the export
//! prompt's hint that a file can come back.

use super::numbers::{counted, thousands};
use crate::app::list::ListKind;
use crate::model::history::Kind;

/// After `open-batch`: how many tabs are open, what to do in each, then which key ticks
/// them all. `passed` records had no LinkedIn link to open.
pub fn batch_opened(n: usize, kind: Kind, done_key: &str, passed: usize) -> String {
    let tabs = counted(n, "tab", "tabs");
    let what = match kind {
        Kind::Removal => "More → Remove connection",
        Kind::Withdrawal => "Pending → Withdraw (or Sent → Withdraw)",
    };
    let passed = if passed > 0 {
        format!(
            " ({} without a LinkedIn link passed by.)",
            thousands(passed)
        )
    } else {
        String::new()
    };
    format!("Opened {tabs}: in each, {what}; then {done_key} ticks them all done.{passed}")
}

/// After `open-batch` with `[rules] open = "connections-page"`: one page, the names on
/// the clipboard.
pub fn batch_page_opened(n: usize, kind: Kind, done_key: &str) -> String {
    let people = counted(n, "name", "names");
    let (page, what) = match kind {
        Kind::Removal => ("Connections page", "More → Remove connection"),
        Kind::Withdrawal => ("Sent invitations page", "Withdraw"),
    };
    format!(
        "Opened your {page}; the {people} are on the clipboard: search each, {what}; \
         then {done_key} ticks them all done."
    )
}

/// `Enter` with `open = "connections-page"`: the page opened, one name copied.
pub fn page_opened_for(name: &str, kind: Kind, done_key: &str) -> String {
    let (page, what) = match kind {
        Kind::Removal => ("Connections page", "More → Remove connection"),
        Kind::Withdrawal => ("Sent invitations page", "Withdraw"),
    };
    format!(
        "Opened your {page}; {name}'s name is on the clipboard: search for it, {what}; \
         then {done_key} ticks it off."
    )
}

/// How the names of a batch go to the clipboard (one line: no newline reaches it).
pub fn batch_names(names: &[String]) -> String {
    let names: Vec<_> = names.iter().map(|n| crate::text_safety::safe(n)).collect();
    names.join("; ")
}

pub fn names_copied(n: usize) -> String {
    format!(
        "Copied {}: paste them one by one into the search on the page",
        counted(n, "name", "names")
    )
}

/// The opener failed part-way: those before it opened, the one that failed is on the
/// clipboard (or not), the rest were not tried.
pub fn batch_stopped(opened: usize, error: &str, url: &str, copied: bool) -> String {
    let where_ = if copied { "on your clipboard" } else { "here" };
    format!(
        "Opened {} before the browser failed ({error}); the next link is {where_}: {url}",
        thousands(opened)
    )
}

pub fn nothing_opened(open_key: &str) -> String {
    format!("Nothing opened and not done: {open_key} opens the next ones")
}

/// `open-batch` found none not done with a link: `Enter` opens the list's LinkedIn page.
pub fn nothing_to_batch(kind: Kind) -> String {
    let page = match kind {
        Kind::Removal => "Connections page",
        Kind::Withdrawal => "Sent invitations page",
    };
    format!("Nothing left with a LinkedIn link to open: Enter opens the {page} for the rest")
}

// The Done-opened dialog.

pub fn done_opened_title(n: usize) -> String {
    format!("Tick the {} opened done on LinkedIn?", thousands(n))
}

pub fn done_opened_button(n: usize) -> String {
    format!("[ Tick {} done ]", thousands(n))
}

pub fn done_opened_hint(kind: ListKind, open_key: &str) -> String {
    let done = if kind == ListKind::Withdrawn {
        "Withdrawn"
    } else {
        "Removed"
    };
    format!(
        "{done} in the browser tabs? A newer export verifies it; then {open_key} opens \
         the next ones."
    )
}

/// `D`'s dialog: whom ticking everyone shown is for.
pub fn mark_done_hint(kind: ListKind) -> &'static str {
    if kind == ListKind::Withdrawn {
        "For invitations withdrawn on LinkedIn another way. A newer export verifies it."
    } else {
        "For people removed on LinkedIn another way. A newer export verifies it."
    }
}

// The restore dialog.

/// Restoring more than a week of invitations: how many weeks it takes at that rate.
pub fn restore_weeks(n: usize, per_week: u32) -> Option<String> {
    let per_week = usize::try_from(per_week).ok().filter(|&w| w > 0)?;
    if n <= per_week {
        return None;
    }
    let weeks = n.div_ceil(per_week);
    Some(format!(
        "More than a week of invitations: LinkedIn allows about {} a week (not an official \
         figure), so inviting {} again takes about {weeks} weeks.",
        thousands(per_week),
        thousands(n)
    ))
}

/// Under the export prompt of the staged connections: the way back in.
pub const EXPORT_COMES_BACK: &str = "Mark it in a spreadsheet: unconnect stage brings it back.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_copied_for_the_page_carry_no_control_or_line_break() {
        let text = batch_names(&["Ada\x1b]52;c;x\x07".to_owned(), "Bo\nBerg".to_owned()]);
        assert!(!text.chars().any(char::is_control), "{text:?}");
        assert!(text.starts_with("Ada") && text.contains("; Bo"), "{text:?}");
    }

    #[test]
    fn a_restore_within_a_week_of_invitations_says_nothing() {
        assert_eq!(restore_weeks(100, 100), None);
        assert_eq!(restore_weeks(5, 0), None);
        let said = restore_weeks(250, 100).unwrap_or_default();
        assert!(said.contains("about 3 weeks"), "{said}");
    }

    #[test]
    fn the_export_hint_fits_the_prompt_at_80_columns() {
        // The prompt is 80 wide less its borders and margins.
        assert!(EXPORT_COMES_BACK.chars().count() <= 74);
    }
}
