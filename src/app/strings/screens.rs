//! What the screens say: titles, counts, notes and hints the widgets draw.

use chrono::NaiveDate;

use super::HeaderPart;
use super::numbers::thousands;

/// The app's name in the tab bar and the loading box.
pub const APP_TITLE: &str = " unconnect ";

pub fn too_small(width: u16, height: u16, min_width: u16, min_height: u16) -> String {
    format!(
        "Terminal too small: {width}×{height}. unconnect needs at least \
         {min_width}×{min_height}; enlarge the window or press q."
    )
}

pub const TIMELINE_BUILDING: &str = "The timeline is being built…";

/// The History tab while its records are built behind the first screen.
pub const HISTORY_READING: &str = "Reading the journal…";
/// The thread building the History tab's lists is gone.
pub const HISTORY_FAILED: &str =
    "Building the History tab failed (a bug: please report it); the journal is unchanged";
/// A History action pressed before its records are there: nothing was done.
pub const HISTORY_NOT_READY: &str =
    "The History tab is still reading the journal: nothing was done. Try again in a moment.";

/// `--debug-timing`'s part of the status line.
pub fn timing(load: &str, filter: &str, frame: &str) -> String {
    format!(" load {load} · filter {filter} · frame {frame}")
}

// The footer.

pub const TABS_HINT: &str = "tabs";
/// The help's section of the keys that edit the filter line and the export path.
pub const EDITING_KEYS: &str = "Editing the filter or a path";
/// History's footer: the list `Tab` shows.
pub const SHOW_WITHDRAWN: &str = "withdrawn";
pub const SHOW_REMOVED: &str = "removed";

pub const CANCEL_BUTTON: &str = "[ Cancel ]";

pub fn confirm_button(verb: &str, n: usize) -> String {
    format!("[ {verb} {} ]", thousands(n))
}

// The columns.

pub fn column_searching(title: &str, shown: usize, total: usize) -> String {
    let (shown, total) = (thousands(shown), thousands(total));
    format!("{title} ({shown} of {total}, searching…)")
}

pub fn column_filtered(title: &str, shown: usize, total: usize) -> String {
    let (shown, total) = (thousands(shown), thousands(total));
    format!("{title} ({shown} of {total})")
}

pub fn column_count(title: &str, total: usize) -> String {
    format!("{title} ({})", thousands(total))
}

pub fn sorting_by(name: &str) -> String {
    format!(" sorting by {name}… ")
}

pub fn marks_and_kept(marked: usize, kept: usize) -> Option<String> {
    match (marked, kept) {
        (0, 0) => None,
        (m, 0) => Some(format!(" {m} marked ")),
        (0, k) => Some(format!(" ⚑ {k} kept ")),
        (m, k) => Some(format!(" {m} marked · ⚑ {k} kept ")),
    }
}

pub fn empty_sorting(name: &str) -> String {
    format!("Sorting by {name}…")
}

pub const SEARCHING: &str = "Searching…";

/// `filter` is made safe by the caller.
pub fn no_match(filter: &str) -> String {
    format!("No match for \"{filter}\".")
}

// The Invitations tab.

/// The Pending column's header, in parts shown whole or left out whole: who is left out
/// (and why, where there is room), and that expiry is an estimate.
pub fn invitations_left_out(
    accepted: usize,
    incoming: usize,
    withdrawn: usize,
    expiry_days: u32,
) -> Vec<HeaderPart> {
    let withdrawn = if withdrawn > 0 {
        format!(", {} already withdrawn", thousands(withdrawn))
    } else {
        String::new()
    };
    let (accepted, incoming) = (thousands(accepted), thousands(incoming));
    vec![
        HeaderPart {
            rank: 0,
            forms: vec![
                format!(
                    "Left out: {accepted} accepted, {incoming} received (not yours to \
                     withdraw){withdrawn}."
                ),
                format!("Left out: {accepted} accepted, {incoming} received{withdrawn}."),
            ],
        },
        HeaderPart {
            rank: 1,
            forms: vec![
                format!(" Expiry ≈{expiry_days} days is an estimate."),
                format!(" Expiry ≈{expiry_days} days?"),
            ],
        },
    ]
}

pub const DATE_UNKNOWN: &str = "date unknown";

pub fn maybe_expired(when: &str) -> String {
    format!("expired? · {when}")
}

// The Timeline tab.

/// The chart's title, with its scale: a full-height bar is the tallest anywhere.
pub fn timeline_title(weeks: bool, tallest: usize) -> String {
    let per = if weeks { "week" } else { "month" };
    // No bar, no scale to give.
    if tallest == 0 {
        return format!(" Connections per {per} ");
    }
    format!(
        " Connections per {per} · █ = {} ",
        super::thousands(tallest)
    )
}

/// At the axis's ends: more history off-screen that way.
pub const MORE_BEFORE: &str = "◀";
pub const MORE_AFTER: &str = "▶";
pub const NO_DATES: &str = "No connection in this export has a date.";

pub fn week_of(start: NaiveDate) -> String {
    format!("week of {}", start.format("%-d %b %Y"))
}

pub fn period_info(
    period: &str,
    n: usize,
    in_burst: bool,
    in_busy_period: bool,
    undated: usize,
) -> String {
    let people = if n == 1 { "connection" } else { "connections" };
    let event = if in_burst {
        ", in a burst"
    } else if in_busy_period {
        ", in a busy period"
    } else {
        ""
    };
    let undated = if undated > 0 {
        format!(" · {undated} without a date are not shown")
    } else {
        String::new()
    };
    format!("{period}: {n} {people}{event}{undated}")
}

/// The chart's legend for the part of the bars new since the export opened last time.
pub fn new_since_legend(fill: &str, since: &str) -> String {
    format!(" {fill} new since the export of {since} ")
}

/// What the selected period holds that is new, after [`period_info`].
pub fn new_in_period(n: usize, since: &str) -> String {
    format!(" · {} new since the export of {since}", super::thousands(n))
}

pub fn bursts_title(n: usize) -> String {
    format!(" Bursts ({n}) ")
}

pub fn burst_rule(burst_days: i64, times_usual: usize) -> String {
    format!(
        "A burst: at most {burst_days} days at {times_usual}× your usual rate around then: \
         an address book invited at once?"
    )
}

pub const NO_BURSTS: &str = "No bursts: connections arrived steadily.";

pub const NO_BURSTS_BUT_BUSY: &str = "No bursts.";

/// The busy periods in one line: long stretches of high growth, not accidents.
pub fn busy_periods_line(spans: &[(NaiveDate, NaiveDate, usize)]) -> String {
    let spans: Vec<String> = spans
        .iter()
        .map(|(from, to, count)| {
            format!(
                "{} – {} ({})",
                from.format("%-d %b %Y"),
                to.format("%-d %b %Y"),
                super::thousands(*count)
            )
        })
        .collect();
    format!(
        "Busy periods, longer stretches of growth: {}",
        spans.join(", ")
    )
}

pub fn burst_line(from: NaiveDate, to: NaiveDate, count: usize, days: i64) -> String {
    format!(
        "{} – {}   {} in {days} {}",
        from.format("%d %b %Y"),
        to.format("%d %b %Y"),
        super::counted(count, "connection", "connections"),
        if days == 1 { "day" } else { "days" }
    )
}

// The help overlay.

pub const FILTER_TERMS: &str = "Filter terms (all must hold)";

pub const LEGEND: &str = "What the rows show";

/// The symbols on a Connections or Invitations row.
pub const LEGEND_TRIAGE: &[(&str, &str)] = &[
    ("✔", "marked: the next move takes it"),
    ("⚑", "on the keep list: bulk moves pass it by"),
    ("✉3", "3 messages with them (messages.csv)"),
    ("★", "endorsements or recommendations with them"),
];

/// The statuses on a History row.
pub const LEGEND_HISTORY: &[(&str, &str)] = &[
    ("✔", "marked: d, r and m take it"),
    ("to do", "not yet opened on LinkedIn"),
    ("opened", "opened on LinkedIn, not ticked done"),
    ("done", "ticked done by you"),
    ("verified", "a newer export no longer has them"),
    ("still connected", "a newer export still has them"),
    ("still pending", "the same, for an invitation"),
];

/// The Timeline's bars.
pub const LEGEND_TIMELINE: &[(&str, &str)] = &[
    ("█", "connections made in that month or week"),
    ("▒", "new since the last export opened"),
];

pub const MOUSE_TRIAGE: &str = " Mouse: click a row to move it, wheel scrolls, click [ Remove ] ";
pub const MOUSE_HISTORY: &str = " Mouse: click a row to select it, wheel scrolls ";
pub const MOUSE_TIMELINE: &str = " Mouse: click a bar or a burst to select it ";

pub fn help_title(close: &str, scroll: Option<(&str, &str)>) -> String {
    match scroll {
        Some((down, up)) => format!(" Keys ({down} {up} scroll, {close} closes) "),
        None => format!(" Keys ({close} closes) "),
    }
}

// The export prompt.

/// The export prompt's title: `staged` for a right column, else the History list shown.
pub fn export_title(n: usize, staged: bool) -> String {
    if staged {
        format!(" Export {n} staged to CSV ")
    } else {
        format!(" Export the {n} shown to CSV ")
    }
}

pub fn export_file(complete_key: &str) -> String {
    format!("File ({complete_key} completes a name; ~ is your home folder):")
}

pub fn export_keys(write: &str, close: &str) -> String {
    format!("{write} writes it, {close} cancels.")
}

/// Over a dialog's names scrolled down.
pub fn names_above(n: usize) -> String {
    format!("  {n} more above")
}

pub fn and_more(n: usize) -> String {
    format!("  and {n} more")
}

// The loading screen.

pub const INDEXING: &str = "Read everything; indexing for filtering and sorting";

/// `path` is made safe by the caller.
pub fn loading(path: &str) -> String {
    format!("Loading {path}")
}

pub fn quits(key: &str) -> String {
    format!("{key} quits")
}

pub fn read_so_far(read: u64) -> String {
    format!(" Connections ({read} read so far) ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bursts_and_busy_periods_separate_thousands() {
        let day = |m, d| NaiveDate::from_ymd_opt(2018, m, d).unwrap();
        assert_eq!(
            burst_line(day(6, 24), day(6, 25), 4_344, 2),
            "24 Jun 2018 – 25 Jun 2018   4,344 connections in 2 days"
        );
        assert_eq!(
            busy_periods_line(&[(day(6, 24), day(8, 4), 4_155)]),
            "Busy periods, longer stretches of growth: 24 Jun 2018 – 4 Aug 2018 (4,155)"
        );
    }

    #[test]
    fn column_titles_and_the_confirm_button_separate_thousands() {
        assert_eq!(column_count("Connections", 29_665), "Connections (29,665)");
        assert_eq!(
            column_filtered("Connections", 1_204, 29_665),
            "Connections (1,204 of 29,665)"
        );
        assert_eq!(confirm_button("Remove", 30_000), "[ Remove 30,000 ]");
    }
}
