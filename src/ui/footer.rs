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
use crate::app::{Action, App, Context, ListKind, Mode, strings};
use crate::model::timeline::Granularity;

/// The `(keys, hint)` pairs the footer shows for this state and width, in keymap order:
/// on a tab, its own keys, then the global ones; in an overlay, the overlay's.
pub fn hints(app: &App, room: usize) -> Vec<(String, &'static str)> {
    let list = app.list();
    let context = app.context();
    let applies = |when: When| match when {
        When::Always => true,
        When::OnList => list.is_some(),
        When::On(kind) => list == Some(kind),
    };
    let contexts: &[Context] = if context.is_screen() {
        &[context, Context::Global]
    } else {
        std::slice::from_ref(&context)
    };
    // (rank, keymap order, keys, hint)
    let mut candidates: Vec<(u8, usize, String, &'static str)> = Vec::new();
    if list.is_none() && context.is_screen() {
        let tabs = [
            Action::ConnectionsTab,
            Action::InvitationsTab,
            Action::HistoryTab,
            Action::TimelineTab,
        ]
        .map(|a| app.keymap().key_of(a))
        .join(" ");
        candidates.push((1, 0, tabs, strings::TABS_HINT));
    }
    let bindings = contexts.iter().flat_map(|&c| app.keymap().in_context(c));
    for (i, b) in bindings.enumerate() {
        let Some(hint) = b
            .hint
            .filter(|_| applies(b.when) && changes_something(app, b.action))
        else {
            continue;
        };
        // History's Tab names the list it shows, shorter than both lists' names.
        let hint = match (b.action, list) {
            (Action::SwitchList, Some(ListKind::Removed)) => strings::SHOW_WITHDRAWN,
            (Action::SwitchList, Some(ListKind::Withdrawn)) => strings::SHOW_REMOVED,
            _ => hint,
        };
        // Neighbours with one hint share it: `← → bar`.
        match candidates.last_mut() {
            Some(previous) if previous.3 == hint => {
                previous.2 = format!("{} {}", previous.2, b.short_label());
            }
            _ => candidates.push((b.rank, i + 1, b.short_label(), hint)),
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

/// Whether a key would change anything now: the zoom key of the view shown does not,
/// and the footer's room goes to the one that switches to the other view.
fn changes_something(app: &App, action: Action) -> bool {
    let zoom = app.timeline().map(|t| t.granularity);
    match action {
        Action::ZoomIn => zoom != Some(Granularity::Week),
        Action::ZoomOut => zoom != Some(Granularity::Month),
        _ => true,
    }
}

pub fn render(app: &App, l: &ScreenLayout, buf: &mut Buffer, theme: &Theme) {
    let area = l.footer;
    let list = app.triage_list();
    // History has no column to confirm: its restore works on the selection.
    let show_button = list.is_some() && matches!(app.mode(), Mode::Browse | Mode::Filter);
    // The last hint's two trailing spaces part it from the button, as between hints.
    let room = if show_button {
        l.remove_button.x.saturating_sub(area.x)
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
