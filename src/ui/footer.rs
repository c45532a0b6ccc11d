//! The footer: the keys that work here, from the keymap, and the `[ Remove N ]` button.
//! When the line is too narrow for every hint, the lowest-ranked go first, so `? help`
//! and `q quit` stay at any width.

use ratatui::buffer::Buffer;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::layout::{self, ScreenLayout};
use super::text::width;
use super::theme::Theme;
use crate::app::keymap::When;
use crate::app::{Action, App, Context, Mode, Tab};

/// The `(keys, hint)` pairs the footer shows for this state and width, in keymap order.
pub fn hints(app: &App, room: usize) -> Vec<(String, &'static str)> {
    let list = app.list();
    let context = app.context();
    let applies = |when: When| match when {
        When::Always => true,
        When::OnList => {
            list.is_some_and(|k| k.history_kind().is_none()) || context != Context::Browse
        }
        When::On(kind) => list == Some(kind),
        When::OnTimeline => app.tab == Tab::Timeline && context == Context::Browse,
        When::OnHistory => app.tab == Tab::History && context == Context::Browse,
    };
    // (rank, keymap order, keys, hint)
    let mut candidates: Vec<(u8, usize, String, &'static str)> = Vec::new();
    if list.is_none() && context == Context::Browse {
        let tabs = [
            Action::ConnectionsTab,
            Action::InvitationsTab,
            Action::HistoryTab,
            Action::TimelineTab,
        ]
        .map(|a| app.keymap.key_of(a))
        .join(" ");
        candidates.push((1, 0, tabs, "tabs"));
    }
    if app.tab == Tab::History && context == Context::Browse {
        let k = |a| app.keymap.key_of(a);
        candidates.push((0, 0, k(Action::Move), "open next"));
        candidates.push((3, 0, k(Action::SwitchColumn), "removed/withdrawn"));
    }
    if app.tab == Tab::Timeline && context == Context::Browse {
        let k = |a| app.keymap.key_of(a);
        let bar = format!("{} {}", k(Action::MoveLeft), k(Action::MoveRight));
        candidates.push((2, 0, bar, "bar"));
        candidates.push((2, 0, k(Action::SwitchColumn), "bursts"));
        candidates.push((1, 0, k(Action::Move), "show them"));
    }
    for (i, b) in app.keymap.in_context(context).enumerate() {
        if let Some(hint) = b.hint
            && applies(b.when)
        {
            candidates.push((b.rank, i + 1, b.short_label(), hint));
        }
    }
    let cost = |keys: &str, hint: &str| width(keys) + 1 + width(hint) + 2;
    let mut by_rank: Vec<usize> = (0..candidates.len()).collect();
    by_rank.sort_by_key(|&i| (candidates[i].0, candidates[i].1));
    let mut keep = vec![false; candidates.len()];
    let mut used = 0;
    for i in by_rank {
        let w = cost(&candidates[i].2, candidates[i].3);
        if used + w <= room {
            used += w;
            keep[i] = true;
        }
    }
    candidates
        .into_iter()
        .zip(keep)
        .filter(|(_, keep)| *keep)
        .map(|((_, _, keys, hint), _)| (keys, hint))
        .collect()
}

pub fn render(app: &App, l: &ScreenLayout, buf: &mut Buffer, theme: &Theme) {
    let area = l.footer;
    let list = app.list();
    // History has no column to confirm: its restore works on the selection.
    let show_button =
        list.is_some_and(|k| !k.spec().single) && matches!(app.mode, Mode::Browse | Mode::Filter);
    let room = if show_button {
        l.remove_button.x.saturating_sub(area.x + 1)
    } else {
        area.width
    } as usize;
    let mut spans = Vec::new();
    if let Some(range) = app.range_hint() {
        spans.push(Span::styled(format!("{range}  "), theme.mark));
    }
    let room = room.saturating_sub(app.range_hint().map_or(0, |r| width(&r) + 2));
    for (keys, hint) in hints(app, room) {
        spans.push(Span::styled(keys, theme.key));
        spans.push(Span::styled(format!(" {hint}  "), theme.hint));
    }
    Line::from(spans).render(area, buf);
    if show_button {
        let style = if list.is_some_and(|k| app.staged_in(k) > 0) {
            theme.danger
        } else {
            theme.button
        };
        let r = l.remove_button;
        buf.set_string(r.x, r.y, layout::remove_label(app), style);
    }
}
