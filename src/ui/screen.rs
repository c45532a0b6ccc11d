//! The whole screen: tabs, the active tab's body, status line, footer, overlays.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::action::Tab;
use super::app::{App, InvitationsList, ListKind, Mode, StatusKind};
use super::columns::TriageColumns;
use super::dialog;
use super::help::HelpOverlay;
use super::invitation_rows::InvitationRows;
use super::keymap;
use super::layout::{self, MIN_HEIGHT, MIN_WIDTH, ScreenLayout};
use super::people_rows::PeopleRows;
use super::text::{fit, safe, width};
use super::theme::THEME;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let l = layout::layout(area, self);
        if l.too_small {
            render_too_small(area, buf);
            return;
        }
        render_tabs(self, &l, buf);
        match (self.tab, &self.invitations) {
            (Tab::Connections, _) => TriageColumns {
                triage: &self.triage,
                rows: &PeopleRows {
                    people: &self.people,
                },
                typing: self.mode == Mode::Filter,
            }
            .render(l.columns, buf),
            (Tab::Invitations, Some(inv)) => {
                render_invitations_header(inv, l.header, buf);
                TriageColumns {
                    triage: &inv.triage,
                    rows: &InvitationRows {
                        pending: &inv.pending,
                        today: self.today,
                    },
                    typing: self.mode == Mode::Filter,
                }
                .render(l.columns, buf);
            }
            (Tab::Invitations, None) => render_note(&self.invitations_note, l.body, buf),
            (Tab::History, _) => render_note(&self.history_note, l.body, buf),
        }
        render_status(self, l.status, buf);
        render_footer(self, &l, buf);
        match &self.mode {
            Mode::Confirm { remove_focused } => {
                dialog::render_confirm(self, &l, *remove_focused, buf)
            }
            Mode::Prompt { input } => dialog::render_prompt(self, &l, input, buf),
            Mode::Help => HelpOverlay.render(l.body, buf),
            Mode::Browse | Mode::Filter => {}
        }
    }
}

fn render_too_small(area: Rect, buf: &mut Buffer) {
    let text = format!(
        "Terminal too small: {}×{}. unconnect needs at least {MIN_WIDTH}×{MIN_HEIGHT}; enlarge the window or press q.",
        area.width, area.height
    );
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .style(THEME.warning)
        .render(area, buf);
}

fn render_tabs(app: &App, l: &ScreenLayout, buf: &mut Buffer) {
    for (i, (tab, rect)) in l.tab_rects.iter().enumerate() {
        let style = if *tab == app.tab {
            THEME.tab_selected
        } else {
            THEME.tab
        };
        buf.set_stringn(
            rect.x,
            rect.y,
            layout::tab_label(*tab, i),
            rect.width as usize,
            style,
        );
    }
    let title = " unconnect ";
    let x = l.tabs.right().saturating_sub(width(title) as u16);
    if l.tab_rects.last().is_some_and(|(_, r)| r.right() < x) {
        buf.set_string(x, l.tabs.y, title, THEME.dim);
    }
}

fn render_note(text: &str, area: Rect, buf: &mut Buffer) {
    Paragraph::new(text)
        .wrap(Wrap { trim: false })
        .block(Block::bordered().border_style(THEME.border))
        .render(area, buf);
}

/// What the Pending column leaves out, and why; and that expiry is an estimate.
fn render_invitations_header(inv: &InvitationsList, area: Rect, buf: &mut Buffer) {
    let withdrawn = inv.triage.done_count();
    let mut text = format!(
        "Left out: {} accepted, {} received (not yours to withdraw)",
        inv.pending.accepted, inv.pending.incoming
    );
    if withdrawn > 0 {
        text.push_str(&format!(", {withdrawn} already withdrawn"));
    }
    text.push_str(&format!(
        ". Expiry ≈{} days is an estimate.",
        inv.rules.expiry_days
    ));
    buf.set_string(area.x, area.y, fit(&text, area.width as usize), THEME.dim);
}

fn render_status(app: &App, area: Rect, buf: &mut Buffer) {
    let (text, style) = match &app.status {
        Some(s) => (
            s.text.as_str(),
            match s.kind {
                StatusKind::Info => THEME.info,
                StatusKind::Warning => THEME.warning,
                StatusKind::Error => THEME.error,
            },
        ),
        None => ("", THEME.dim),
    };
    let timing = app.timing.map(|t| {
        let ms = |d: Option<std::time::Duration>| {
            d.map_or("-".to_owned(), |d| {
                format!("{:.1} ms", d.as_secs_f64() * 1e3)
            })
        };
        format!(
            " load {} · filter {} · frame {}",
            ms(Some(t.load)),
            ms(t.filter),
            ms(t.frame)
        )
    });
    let timing_width = timing.as_deref().map_or(0, width) as u16;
    let room = area.width.saturating_sub(timing_width) as usize;
    buf.set_string(area.x, area.y, fit(&safe(text), room), style);
    if let Some(timing) = timing {
        buf.set_string(
            area.right().saturating_sub(timing_width),
            area.y,
            timing,
            THEME.dim,
        );
    }
}

fn render_footer(app: &App, l: &ScreenLayout, buf: &mut Buffer) {
    let area = l.footer;
    let list = app.list();
    let show_button = list.is_some() && matches!(app.mode, Mode::Browse | Mode::Filter);
    let room = if show_button {
        l.remove_button.x.saturating_sub(area.x + 1)
    } else {
        area.width
    } as usize;
    let mut spans = Vec::new();
    let mut used = 0;
    // Tabs without the triage columns only switch tabs, help and quit; each list shows
    // its own confirm key.
    let triage_tab = list.is_some() || app.mode != Mode::Browse;
    let tab_hint = (!triage_tab).then_some(("1 2 3", "tabs"));
    let hidden = match list {
        Some(ListKind::Connections) => "withdraw…",
        _ => "remove…",
    };
    let hints =
        tab_hint
            .into_iter()
            .chain(keymap::hints(app.context()).filter(|(_, hint)| {
                *hint != hidden && (triage_tab || matches!(*hint, "help" | "quit"))
            }));
    for (keys, hint) in hints {
        let w = width(keys) + 1 + width(hint) + 2;
        if used + w > room {
            break;
        }
        spans.push(Span::styled(keys, THEME.key));
        spans.push(Span::styled(format!(" {hint}  "), THEME.hint));
        used += w;
    }
    Line::from(spans).render(area, buf);
    if show_button {
        let style = if list.is_some_and(|k| app.staged_in(k) > 0) {
            THEME.danger
        } else {
            THEME.button
        };
        let r = l.remove_button;
        buf.set_string(r.x, r.y, layout::remove_label(app), style);
    }
}
