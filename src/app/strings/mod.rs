//! What the app says to the user, in one place (as gitui's `strings.rs`): the status
//! messages here, what the screens say in `screens`. The runtime and the widgets word
//! nothing of their own; they show what the app layer gives them. Two tables keep their
//! words beside what they describe: the key bindings (`bindings.rs`: footer hint and
//! help line of each key) and the dialogs (`dialogs.rs`: title, body and button beside
//! what the answer does).

use std::path::Path;

mod batch;
mod header;
mod numbers;
mod opening;
mod restore;
mod screens;
pub use batch::*;
pub use header::*;
pub use numbers::{counted, thousands};
pub use opening::*;
pub use restore::*;
pub use screens::*;

pub const INDEXING_FAILED: &str =
    "Indexing or sorting the connections failed (a bug: please report it)";

pub const SAVING_BEFORE_QUIT: &str = "Saving before quitting…";

pub const WRITER_STOPPED: &str = "Saving stopped unexpectedly (a bug: please report it). \
     Changes from now on are not saved; check `unconnect export removed` before removing \
     anyone again.";

pub fn exporting(count: usize, path: &Path) -> String {
    format!("Exporting {} to {}…", thousands(count), path.display())
}

/// What opening a link did: a profile in the browser, or (for `m`) a draft in the mail
/// program, named by its address rather than the encoded link.
pub fn opened(url: &str) -> String {
    match url.strip_prefix("mailto:") {
        Some(rest) => {
            let address = rest.split('?').next().unwrap_or_default();
            let address = percent_encoding::percent_decode_str(address).decode_utf8_lossy();
            format!("Opened a draft to {address} in your mail program")
        }
        None => format!("Opened {url} in your browser"),
    }
}

/// Shown whole (the status line wraps) and copied: with mouse capture on, the user cannot
/// select it on the screen.
pub fn no_browser_url_copied(error: &str, url: &str) -> String {
    format!("No browser could be started ({error}). The URL is on your clipboard: {url}")
}

pub fn no_browser(error: &str, url: &str) -> String {
    format!("No browser could be started ({error}): {url}")
}

pub fn not_copied(error: &str, text: &str) -> String {
    format!("Could not copy to the clipboard ({error}): {text}")
}

// Marks, moves and the keep list.

pub const RANGE_ENDED: &str = "Range ended; its rows stay marked";

pub fn marking_range(keys: &str) -> String {
    format!("Marking a range: move the cursor; {keys} or Esc ends it")
}

/// "; 3 on your keep list passed by", or nothing.
pub fn kept_note(skipped: usize) -> String {
    if skipped == 0 {
        String::new()
    } else {
        format!("; {} on your keep list passed by", thousands(skipped))
    }
}

/// The saved view (tab, sorts, zoom) could not be read: the defaults are used.
pub fn view_not_read(error: &crate::store::StoreError) -> String {
    format!("The view you left could not be read, so it starts as new ({error})")
}

pub fn view_not_saved(error: &crate::store::StoreError) -> String {
    format!("The view (tab, sorts, zoom) could not be kept for next time ({error})")
}

/// `Esc` on marked rows; what the next `Esc` does, if anything.
pub fn marks_cleared(n: usize, filtered: bool) -> String {
    let rows = counted(n, "row", "rows");
    if filtered {
        format!("{rows} unmarked; Esc again clears the filter")
    } else {
        format!("{rows} unmarked")
    }
}

pub fn marked(marked: usize, skipped: usize) -> String {
    let marked = thousands(marked);
    format!("{marked} marked{}", kept_note(skipped))
}

pub fn moved_some_refused(count: usize, to: &str, refused: usize, reason: &str) -> String {
    let count = thousands(count);
    let refused = thousands(refused);
    format!("Moved {count} to {to}; {refused} cannot be moved: {reason}")
}

pub fn refused(refused: usize, reason: &str) -> String {
    let refused = thousands(refused);
    format!("{refused} cannot be moved: {reason}")
}

pub fn moved(count: usize, to: &str, kept_skipped: usize) -> String {
    let count = thousands(count);
    format!("Moved {count} to {to}{}", kept_note(kept_skipped))
}

pub fn nothing_moved_all_kept(kept: usize) -> String {
    let kept = thousands(kept);
    format!("Nothing moved: the {kept} shown are on your keep list")
}

pub const KEEP_IS_FOR_CONNECTIONS: &str =
    "The keep list is for connections: switch to the Connections tab";

pub fn unkept(changed: usize, total: usize) -> String {
    let changed = thousands(changed);
    let total = thousands(total);
    format!("Taken off the keep list: {changed} ({total} kept)")
}

pub fn kept_back(changed: usize, back: usize, total: usize) -> String {
    let changed = thousands(changed);
    let back = thousands(back);
    let total = thousands(total);
    format!("Kept {changed}, {back} of them back from To remove ({total} kept)")
}

pub fn kept(changed: usize, total: usize) -> String {
    let changed = thousands(changed);
    let total = thousands(total);
    format!("Kept {changed}: bulk moves and ranges pass them by ({total} kept)")
}

pub fn range_hint(key: &str) -> String {
    format!("{key} or Esc ends the range")
}

// Filter, sort, undo.

pub const FILTER_CLEARED: &str = "Filter cleared";

/// The sort menu's title and its keys, under its list of columns.
pub const SORT_MENU_TITLE: &str = " Sort by ";

pub fn sort_menu_keys(pick: &str, cancel: &str) -> String {
    format!(" {pick} sort · {cancel} cancel ")
}

/// After a sort the cursor stays on its person, wherever the sort put them: the line
/// says so, and how to get to the top, so a list still showing the middle does not look
/// unsorted.
pub fn sorted_by(name: &str, top_key: &str) -> String {
    if top_key.is_empty() {
        format!("Sorted by {name}; the cursor stays on its person")
    } else {
        format!("Sorted by {name}; the cursor stays on its person ({top_key}: the top)")
    }
}

pub fn undone(n: usize, to: &str) -> String {
    let n = thousands(n);
    format!("Undone: {n} back to {to}")
}

pub const NOTHING_TO_UNDO: &str = "Nothing to undo";

pub fn redone(n: usize, to: &str) -> String {
    let n = thousands(n);
    format!("Redone: {n} to {to}")
}

pub const NOTHING_TO_REDO: &str = "Nothing to redo";

// Opening, copying, exporting.

pub const NO_URL: &str = "This export has no profile URL for this row";

pub fn copied(url: &str) -> String {
    // OSC 52: the terminal holds the clipboard, and some (tmux by default) drop it.
    format!("Sent to the terminal's clipboard (if it accepts OSC 52): {url}")
}

pub const NOBODY_TO_EXPORT: &str = "Nobody to export: the right column is empty";
pub const NOBODY_SHOWN_TO_EXPORT: &str = "Nobody to export: the list shows no one";

pub const NO_FILE_NAME: &str = "No file name given: nothing exported";

pub const NO_COMPLETION: &str = "No file or folder there starts like that";

/// The candidates of a path completion, the first eight of them.
pub fn candidates(many: &[String]) -> String {
    let shown: Vec<&str> = many.iter().take(8).map(String::as_str).collect();
    let more = many.len().saturating_sub(shown.len());
    let tail = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    format!("{}{tail}", shown.join("  "))
}

/// The export prompt's question when the file exists: the list's staged people, or
/// the History rows shown.
pub fn replace_with(count: usize, shown: bool) -> String {
    let which = if shown { "shown" } else { "staged" };
    format!(
        "Replace it with the {} {which}? What it holds now is lost.",
        thousands(count)
    )
}

pub fn exported(count: usize, path: &Path) -> String {
    format!(
        "Exported {count} to {} (UTF-8 with BOM, opens cleanly in Excel)",
        path.display()
    )
}

pub fn not_exported(path: &Path, error: &dyn std::fmt::Display) -> String {
    format!("Could not export to {}: {error}", path.display())
}

/// The export prompt's path names no file that can be written: one line, what to do.
pub fn export_refused(path: &Path, why: crate::app::event::ExportRefusal) -> String {
    use crate::app::event::ExportRefusal;
    match why {
        ExportRefusal::NoFolder => {
            format!("There is no folder {}: nothing exported.", path.display())
        }
        ExportRefusal::IsFolder => format!(
            "{} is a folder, not a file: nothing exported.",
            path.display()
        ),
    }
}

pub fn staged_not_saved(error: &dyn std::fmt::Display) -> String {
    format!("Could not save the staged list: {error}")
}

pub fn kept_not_saved(error: &dyn std::fmt::Display) -> String {
    format!("Could not save the keep list: {error}")
}

pub const UNSAVED_STAGED_CONNECTIONS: &str = "the staged connections";
pub const UNSAVED_STAGED_INVITATIONS: &str = "the staged invitations";
pub const UNSAVED_KEEP_LIST: &str = "the keep list";

/// "a, b and c".
fn listed(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Shown on every frame while a save has failed, until one succeeds.
pub fn unsaved_mark(names: &[&str]) -> String {
    format!("⚠ Not saved: {}", listed(names))
}

/// Printed at quit when a save never succeeded.
pub fn unsaved_at_quit(names: &[&str], dir: &str) -> String {
    format!(
        "unconnect: the last change to {} could not be saved in {dir}; the next start \
         may show an older selection.",
        listed(names)
    )
}

// Removing and withdrawing.

pub fn wrong_tab(key: &str, verb: &str) -> String {
    format!("On this tab, {key} opens the {verb} dialog")
}

pub fn nobody_to(verb: &str) -> String {
    format!(
        "Nobody to {}: move rows to the right column first",
        verb.to_lowercase()
    )
}

pub fn writing_journal(doing: &str, n: usize) -> String {
    let n = thousands(n);
    format!("{doing} {n}: writing the journal…")
}

pub fn cancelled_nothing(done: &str) -> String {
    format!("Cancelled: nothing was {done}")
}

pub const CANCELLED: &str = "Cancelled: nothing changed";

pub fn not_replaced(path: &Path) -> String {
    format!("Not exported: {} was left as it was", path.display())
}

/// The un-keep dialog: how many of those moved are kept.
pub fn kept_of(kept: usize, n: usize) -> String {
    let who = match (kept, n) {
        (k, n) if k == n => "They are".to_owned(),
        (1, n) => format!("1 of these {} is", thousands(n)),
        (k, n) => format!("{} of these {} are", thousands(k), thousands(n)),
    };
    format!("{who} on your keep list. Moving takes them off it.")
}

pub const STAY_KEPT: &str = "Nothing moved: they stay on your keep list";

pub fn journaled(past: &str, n: usize, recorded: &str) -> String {
    let n = thousands(n);
    format!("{past} {n} (recorded in the journal). {recorded}")
}

pub fn nothing_recorded(error: &dyn std::fmt::Display) -> String {
    format!("Nothing was recorded: could not write the journal: {error}")
}

/// The partial batch could not be undone: say so, never "nothing was removed".
pub fn partly_journaled(n: usize, error: &dyn std::fmt::Display) -> String {
    let n = thousands(n);
    format!("The journal may hold part of this batch of {n}: {error}")
}

pub fn nothing_journaled(done: &str, error: &dyn std::fmt::Display) -> String {
    format!("Nothing was {done}: could not write the journal: {error}")
}

// History.

pub const ALL_DONE_ALREADY: &str = "Everyone shown is done on LinkedIn already";

pub const NOTHING_LEFT: &str = "Nothing left to do on LinkedIn in this list";

pub fn copied_name(name: &str) -> String {
    format!("Copied {name}: paste it into the search on the page")
}

/// What yes to the Remove dialog does: it records; LinkedIn, which has no API, is the
/// user's to do, with History's help.
pub const REMOVE_CONSEQUENCE: &str = "They will not be notified. This records the removal \
     here; the History tab (3) then walks you through removing each on LinkedIn. Only you \
     can reconnect with them later.";

pub fn withdraw_consequence(reinvite_after: &str) -> String {
    format!(
        "They will not be notified. This records the withdrawal here; the History tab (3) \
         then walks you through withdrawing each on LinkedIn. You can invite them again \
         after {reinvite_after}."
    )
}

/// Said once per data folder, after the first profile opened from History: short, so
/// it fits the status line with the work-through's own words at 80 columns.
pub const PRIVACY_NOTE: &str = "Your visit may show in their \"Who viewed your profile\" (unless \
     in private mode); [rules] open = \"connections-page\" avoids it.";

pub const VERIFIED_ALREADY: &str = "Verified by an export already: nothing to tick";

pub const NO_EMAIL_FOR_INVITATIONS: &str =
    "No e-mail for a withdrawn invitation: LinkedIn's export gives no address for it";

pub fn no_draft(name: &str, problem: &str) -> String {
    format!("No draft for {name}: {problem}")
}

pub fn ticked(n: usize, progress: &str) -> String {
    let n = thousands(n);
    format!("Ticked {n} done on LinkedIn. {progress}")
}

pub fn unticked(n: usize, progress: &str) -> String {
    let n = thousands(n);
    format!("Unticked {n}. {progress}")
}

pub fn opened_record(name: &str, done_key: &str) -> String {
    format!("Opened {name}: on LinkedIn, More → Remove connection; then {done_key} ticks it off.")
}

/// Where LinkedIn keeps the invitations the user sent (My Network > Manage > Sent).
pub const SENT_INVITATIONS_PAGE: &str =
    "https://www.linkedin.com/mynetwork/invitation-manager/sent/";

/// The work-through of a withdrawal: an invitation is withdrawn, not removed.
pub fn opened_withdrawal(name: &str, done_key: &str) -> String {
    format!(
        "Opened {name}: on LinkedIn, Pending → Withdraw (or My Network > Manage > Sent, \
         {SENT_INVITATIONS_PAGE}, then Withdraw beside them); then {done_key} ticks it off."
    )
}

// Filters.

/// How the status line starts while a filter is not valid.
pub const FILTER_NOT_VALID: &str = "Filter not valid: ";

pub fn filter_not_valid(hint: &str) -> String {
    format!("{FILTER_NOT_VALID}{hint}: nobody is shown until it is")
}

/// The `B` dialog under a filter that hides some of the opened records it ticks.
pub fn all_opened_not_only_shown(n: usize, shown: usize) -> String {
    format!("(all {n} opened, not only the {shown} the filter shows)")
}

pub fn filter_refuses_bulk(hint: &str) -> String {
    format!(
        "Not done: the filter as typed is not valid ({hint}). Fix it with / or clear it with Esc"
    )
}

// Timeline.

pub fn showing_between(from: &str, to: &str) -> String {
    format!("Showing connections from {from} to {to}: `a` moves them all to To remove")
}

pub fn span_not_a_filter(hint: &str) -> String {
    format!("These days cannot be written as a filter ({hint}): nobody is shown")
}

pub fn nobody_left_between(from: &str, to: &str) -> String {
    format!("Nobody left on the left from {from} to {to}")
}

// Signals.

/// LinkedIn withdraws endorsements and recommendations with the connection.
pub fn endorsements_go(shared: usize, n: usize) -> String {
    if (shared, n) == (1, 1) {
        "★ You have endorsements or recommendations with them: removing also withdraws \
         those between you."
            .to_owned()
    } else {
        format!(
            "★ {shared} of the {n} have endorsements or recommendations with you: removing \
             also withdraws those between you."
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mail_draft_is_named_by_its_address_not_its_encoded_link() {
        assert_eq!(
            opened("mailto:ada%2Bwork@example.com?subject=Hello%20there&body=Dear%20Ada"),
            "Opened a draft to ada+work@example.com in your mail program"
        );
        assert_eq!(
            opened("https://www.linkedin.com/in/ada"),
            "Opened https://www.linkedin.com/in/ada in your browser"
        );
    }

    #[test]
    fn a_copy_says_the_terminal_holds_it_and_shows_it() {
        let said = copied("https://www.linkedin.com/in/ada");
        assert!(said.contains("terminal's clipboard"), "{said}");
        assert!(said.ends_with("https://www.linkedin.com/in/ada"), "{said}");
    }

    #[test]
    fn the_remove_dialog_says_it_records_and_history_walks_through() {
        assert!(REMOVE_CONSEQUENCE.starts_with("They will not be notified."));
        assert!(REMOVE_CONSEQUENCE.contains("This records the removal"));
        assert!(withdraw_consequence("19 Dec 2026").ends_with("again after 19 Dec 2026."));
    }

    #[test]
    fn status_counts_have_thousands_separators() {
        assert_eq!(
            moved(29_665, "To remove", 1_204),
            "Moved 29,665 to To remove; 1,204 on your keep list passed by"
        );
        assert_eq!(
            journaled("Removed", 12_000, "Now remove them on LinkedIn."),
            "Removed 12,000 (recorded in the journal). Now remove them on LinkedIn."
        );
    }
}
