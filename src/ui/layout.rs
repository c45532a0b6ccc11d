//! Where everything goes on screen, computed once per frame from the terminal size and
//! the state. Drawing and mouse hit-testing both read it, so a click lands on what was
//! drawn there.

use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Constraint, Layout, Position, Rect};

use super::text::{safe, width};
use super::timeline::TimelineLayout;

use crate::app::{Action, App, ListKind, Mode, Tab, strings};
use crate::model::triage::Side;

pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;
/// Rows the mouse wheel scrolls.
const WHEEL_ROWS: isize = 3;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScreenLayout {
    pub too_small: bool,
    pub tabs: Rect,
    pub tab_rects: Vec<(Tab, Rect)>,
    pub body: Rect,
    /// A line above the columns (the Invitations tab says what was left out).
    pub header: Rect,
    /// Under the Connections columns when the export has signals: the cursor row's.
    pub signal_line: Rect,
    /// The two column blocks, borders included.
    pub columns: [Rect; 2],
    /// Where the rows of each column go.
    pub rows: [Rect; 2],
    pub status: Rect,
    pub footer: Rect,
    pub remove_button: Rect,
    pub dialog: Rect,
    /// Cancel, then Remove.
    pub dialog_buttons: [Rect; 2],
    /// The Timeline tab's parts, on that tab.
    pub timeline: Option<TimelineLayout>,
}

pub fn tab_label(tab: Tab, index: usize) -> String {
    format!(" {} {} ", index + 1, tab.title())
}

/// The footer button (and the dialog's confirm button): `[ Remove 12 ]`, `[ Withdraw 3 ]`.
pub fn remove_label(app: &App) -> String {
    match app.triage_list().and_then(|k| k.spec().map(|s| (k, s))) {
        Some((kind, spec)) => strings::confirm_button(spec.verb, app.staged_in(kind)),
        None => String::new(),
    }
}

/// Cancel, and the button that does what the open dialog carries.
pub fn dialog_labels(app: &App) -> [String; 2] {
    let confirm = match &app.mode() {
        Mode::Confirm(dialog) => app.dialog_text(&dialog.action).button,
        _ => remove_label(app),
    };
    [strings::CANCEL_BUTTON.to_owned(), confirm]
}

/// The status line grows to show a long message whole (a URL to copy by hand, the
/// work-through's words with the privacy note at 80 columns), up to this many lines.
pub const STATUS_MAX_LINES: u16 = 5;

fn status_height(app: &App, width: u16) -> u16 {
    let text = app
        .status()
        .map_or_else(String::new, |s| safe(&s.text).into_owned());
    // The timing is drawn over the end of the last line: room for it as a word.
    let timing = if app.timing().is_some() {
        " ".repeat(40)
    } else {
        String::new()
    };
    let lines = wrapped_lines(&format!("{text}{timing}"), usize::from(width.max(1)));
    (lines as u16).clamp(1, STATUS_MAX_LINES)
}

/// How many lines `text` takes wrapped at word boundaries into `room` cells, as the
/// status paragraph wraps it: a word too long for a line is cut across lines.
fn wrapped_lines(text: &str, room: usize) -> usize {
    let mut lines = 1;
    let mut used = 0;
    for word in text.split(' ') {
        let w = width(word);
        let needed = if used == 0 { w } else { used + 1 + w };
        if needed <= room {
            used = needed;
        } else if w <= room {
            lines += 1;
            used = w;
        } else {
            // On lines of its own, cut where each is full (counting one line too many
            // at worst: a blank line rather than a cut message).
            if used > 0 {
                lines += 1;
            }
            lines += (w - 1) / room;
            used = w - (w - 1) / room * room;
        }
    }
    lines
}

/// The confirm dialog's height: two more lines when it warns about endorsements.
/// A dialog's height: room for five names, and for more names when the terminal has it
/// (up to `room`).
fn dialog_height(app: &App, room: u16) -> u16 {
    let base: u16 = match &app.mode() {
        Mode::Confirm(d) if app.removal_warning(&d.action).is_some() => 16,
        _ => 14,
    };
    let names = match app.mode() {
        Mode::Confirm(d) => d.action.ids().len(),
        _ => 0,
    };
    let extra = names.saturating_sub(crate::app::dialogs::NAMES_SHOWN) as u16;
    base.saturating_add(extra).min(room.max(base))
}

pub fn layout(area: Rect, app: &App) -> ScreenLayout {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return ScreenLayout {
            too_small: true,
            ..Default::default()
        };
    }
    let [tabs, body, status, footer] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(status_height(app, area.width)),
        Constraint::Length(1),
    ]));
    let mut x = tabs.x;
    let tab_rects = Tab::ALL
        .iter()
        .enumerate()
        .map(|(i, &tab)| {
            let w = width(&tab_label(tab, i)) as u16;
            let r = Rect::new(x, tabs.y, w, 1).intersection(tabs);
            x += w + 1;
            (tab, r)
        })
        .collect();
    // The Invitations tab says what it left out; History, how far the job has got.
    let header_height = u16::from(matches!(
        app.list(),
        Some(ListKind::Invitations | ListKind::Removed | ListKind::Withdrawn)
    ));
    let signal_height =
        u16::from(app.list() == Some(ListKind::Connections) && app.signals().is_some());
    let [header, columns, signal_line] = body.layout(&Layout::vertical([
        Constraint::Length(header_height),
        Constraint::Fill(1),
        Constraint::Length(signal_height),
    ]));
    let [left, right] = columns.layout(&Layout::horizontal([Constraint::Fill(1); 2]));
    // Inside the border, below the column headings.
    let inner = |r: Rect| {
        Rect::new(
            r.x + 1,
            r.y + 2,
            r.width.saturating_sub(2),
            r.height.saturating_sub(3),
        )
    };
    let button_w = width(&remove_label(app)) as u16;
    let remove_button = Rect::new(
        footer.right().saturating_sub(button_w),
        footer.y,
        button_w,
        1,
    );

    let dialog = area.centered(
        Constraint::Length(64.min(area.width - 4)),
        Constraint::Length(dialog_height(app, area.height.saturating_sub(6)).min(area.height - 2)),
    );
    let [cancel_label, remove_label] = dialog_labels(app);
    let buttons_y = dialog.bottom().saturating_sub(2);
    let remove_w = width(&remove_label) as u16;
    let cancel_w = width(&cancel_label) as u16;
    let remove_x = dialog.right().saturating_sub(remove_w + 2);
    let cancel_x = remove_x.saturating_sub(cancel_w + 2);
    ScreenLayout {
        too_small: false,
        tabs,
        tab_rects,
        body,
        header,
        signal_line,
        columns: [left, right],
        rows: [inner(left), inner(right)],
        status,
        footer,
        remove_button,
        dialog,
        dialog_buttons: [
            Rect::new(cancel_x, buttons_y, cancel_w, 1),
            Rect::new(remove_x, buttons_y, remove_w, 1),
        ],
        timeline: match (&app.timeline(), app.tab()) {
            (Some(t), Tab::Timeline) => Some(TimelineLayout::new(body, t)),
            _ => None,
        },
    }
}

/// What a mouse event means here, if anything. Pure: tested with made-up events.
pub fn hit(l: &ScreenLayout, app: &App, mouse: MouseEvent) -> Option<Action> {
    if l.too_small {
        return None;
    }
    let at = Position::new(mouse.column, mouse.row);
    let click = matches!(mouse.kind, MouseEventKind::Down(MouseButton::Left));
    let wheel = match mouse.kind {
        MouseEventKind::ScrollUp => -WHEEL_ROWS,
        MouseEventKind::ScrollDown => WHEEL_ROWS,
        _ => 0,
    };
    match app.mode() {
        Mode::Confirm(_) if click => {
            return if l.dialog_buttons[0].contains(at) {
                Some(Action::ClickCancelButton)
            } else if l.dialog_buttons[1].contains(at) {
                Some(Action::ClickConfirmButton)
            } else {
                None
            };
        }
        // The wheel scrolls a dialog's names.
        Mode::Confirm(_) if wheel != 0 => {
            return Some(Action::Scroll {
                side: crate::model::triage::Side::Left,
                delta: wheel,
            });
        }
        Mode::Browse | Mode::Filter => {}
        _ => return None,
    }
    if click {
        if let Some((tab, _)) = l.tab_rects.iter().find(|(_, r)| r.contains(at)) {
            return Some(Action::SwitchTab(*tab));
        }
        if l.remove_button.contains(at) && app.triage_list().is_some() {
            return Some(Action::ClickRemoveButton);
        }
    }
    if let (Some(tl), Some(t)) = (&l.timeline, &app.timeline()) {
        if !click {
            return None;
        }
        if let Some(i) = tl
            .bar_at(at.x, t.periods().len())
            .filter(|_| tl.chart.contains(at))
        {
            return Some(Action::ClickBar(i));
        }
        return tl
            .burst_at(at.y, t)
            .filter(|_| tl.bursts.contains(at))
            .map(Action::ClickBurst);
    }
    let kind = app.list()?;
    if click && let Some(action) = heading_click(l, app, kind, at) {
        return Some(action);
    }
    let triage = app.triage_of(kind)?;
    for side in [Side::Left, Side::Right] {
        let i = side.index();
        if click && l.rows[i].contains(at) {
            let column = triage.column(side);
            let row = column.offset + (at.y - l.rows[i].y) as usize;
            let shift = mouse.modifiers.contains(KeyModifiers::SHIFT);
            return (row < column.shown().len()).then_some(if shift {
                Action::ShiftClickRow { side, row }
            } else {
                Action::ClickRow { side, row }
            });
        }
        if wheel != 0 && l.columns[i].contains(at) {
            return Some(Action::Scroll { side, delta: wheel });
        }
    }
    None
}

/// A click on a column heading: sort by it (the runtime's second click reverses).
fn heading_click(l: &ScreenLayout, app: &App, kind: ListKind, at: Position) -> Option<Action> {
    let sides: &[Side] = if kind.history_kind().is_some() {
        &[Side::Left]
    } else {
        &[Side::Left, Side::Right]
    };
    for &side in sides {
        // A History list is drawn across both columns' room.
        let column = if kind.history_kind().is_some() {
            l.columns[0].union(l.columns[1])
        } else {
            l.columns[side.index()]
        };
        if super::headings::line(column).contains(at) {
            return super::headings::at(app, kind, side, column, at.x)
                .map(|column| Action::ClickHeading { side, column });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::wrapped_lines;

    #[test]
    fn wrapping_counts_whole_words_and_cuts_long_ones() {
        assert_eq!(wrapped_lines("", 10), 1);
        assert_eq!(wrapped_lines("aaaa bbbb", 9), 1);
        assert_eq!(wrapped_lines("aaaa bbbbb", 9), 2);
        // Characters alone would fit in two lines; words need three.
        assert_eq!(wrapped_lines("aaaaaa bbbbbb cccccc", 10), 3);
        assert_eq!(wrapped_lines("https://example.com/a/very/long/path", 10), 4);
    }
}
