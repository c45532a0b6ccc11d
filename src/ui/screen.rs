//! The whole screen: tabs, the active tab's body, status line, footer, overlays.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::columns::TriageColumns;
use super::dialog;
use super::footer;
use super::help::HelpOverlay;
use super::history_rows::HistoryRows;
use super::invitation_rows::InvitationRows;
use super::layout::{self, MIN_HEIGHT, MIN_WIDTH, ScreenLayout};
use super::people_rows::PeopleRows;
use super::signal_line;
use super::text::{fit, fit_parts, safe, width};
use super::theme::Theme;
use super::timeline::TimelineView;
use crate::app::{Action, App, Invitations, InvitationsList, Mode, StatusKind, Tab, strings};
use crate::model::InvitationRules;
use crate::model::pending::Pending;

/// The app as drawn with a theme: `frame.render_widget(Screen::new(&app, &theme), area)`.
#[derive(Clone, Copy)]
pub struct Screen<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl<'a> Screen<'a> {
    pub fn new(app: &'a App, theme: &'a Theme) -> Self {
        Screen { app, theme }
    }
}

impl Widget for Screen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, theme) = (self.app, self.theme);
        let l = layout::layout(area, app);
        if l.too_small {
            render_too_small(area, buf, theme);
            return;
        }
        render_tabs(app, &l, buf, theme);
        match app.tab() {
            Tab::Connections => render_connections(app, &l, buf, theme),
            Tab::Invitations => match app.invitations() {
                Some(list) => render_invitations(app, list, &l, buf, theme),
                None => render_note(app.invitations_note(), l.body, buf, theme),
            },
            Tab::History => render_history(app, &l, buf, theme),
            Tab::Timeline => match &app.timeline() {
                Some(timeline) => TimelineView { timeline, theme }.render(l.body, buf),
                None => render_note(strings::TIMELINE_BUILDING, l.body, buf, theme),
            },
        }
        render_status(app, l.status, buf, theme);
        footer::render(app, &l, buf, theme);
        match &app.mode() {
            Mode::Confirm(d) => dialog::render_confirm(app, d, &l, buf, theme),
            Mode::Prompt { input } => dialog::render_prompt(app, &l, input, buf, theme),
            Mode::Help { scroll } => HelpOverlay {
                keymap: app.keymap(),
                screen: app.screen_context(),
                scroll: *scroll,
                theme,
            }
            .render(l.body, buf),
            Mode::SortMenu { selected } => {
                super::sort_menu::render(app, *selected, &l, buf, theme);
            }
            Mode::Browse | Mode::Filter => {}
        }
    }
}

/// The Connections tab: two columns of people, and the line of the cursor row's signals.
fn render_connections(app: &App, l: &ScreenLayout, buf: &mut Buffer, theme: &Theme) {
    let list = app.connections();
    TriageColumns {
        triage: &list.triage,
        rows: &PeopleRows {
            people: &list.items,
            signals: app.signals(),
        },
        typing: (*app.mode() == Mode::Filter).then(|| app.line_cursor()),
        theme,
        note: None,
    }
    .render(list.spec.titles, list.spec.empty, l.columns, buf);
    signal_line::render(app, l.signal_line, buf, theme);
}

/// The Invitations tab: what was left out, and two columns of invitations.
fn render_invitations(
    app: &App,
    list: &InvitationsList,
    l: &ScreenLayout,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let Invitations { pending, rules } = &list.items;
    render_invitations_header(pending, rules, &list.triage, l.header, buf, theme);
    TriageColumns {
        triage: &list.triage,
        rows: &InvitationRows {
            pending,
            today: app.today(),
        },
        typing: (*app.mode() == Mode::Filter).then(|| app.line_cursor()),
        theme,
        note: None,
    }
    .render(list.spec.titles, list.spec.empty, l.columns, buf);
}

/// The History tab: how far the work has got, and one list across the room of two.
fn render_history(app: &App, l: &ScreenLayout, buf: &mut Buffer, theme: &Theme) {
    let history = app.history();
    let list = history.current();
    let other = history.other();
    let mut parts = history.progress_parts(list.spec.record);
    parts.push(strings::history_switch(
        &app.keymap().key_of(Action::SwitchList),
        other.spec.title,
        other.records.len(),
    ));
    buf.set_string(
        l.header.x,
        l.header.y,
        fit_parts(&parts, l.header.width as usize),
        theme.hint,
    );
    TriageColumns {
        triage: &list.triage,
        rows: &HistoryRows {
            records: &list.records,
            kind: list.spec.record,
        },
        typing: (*app.mode() == Mode::Filter).then(|| app.line_cursor()),
        theme,
        note: Some(&history.note),
    }
    .render_one(
        list.spec.title,
        history.empty_text(list.spec),
        l.columns[0].union(l.columns[1]),
        buf,
    );
}

fn render_too_small(area: Rect, buf: &mut Buffer, theme: &Theme) {
    let text = strings::too_small(area.width, area.height, MIN_WIDTH, MIN_HEIGHT);
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .style(theme.warning)
        .render(area, buf);
}

fn render_tabs(app: &App, l: &ScreenLayout, buf: &mut Buffer, theme: &Theme) {
    for (i, (tab, rect)) in l.tab_rects.iter().enumerate() {
        let style = if *tab == app.tab() {
            theme.tab_selected
        } else {
            theme.tab
        };
        buf.set_stringn(
            rect.x,
            rect.y,
            layout::tab_label(*tab, i),
            rect.width as usize,
            style,
        );
    }
    let title = strings::APP_TITLE;
    let x = l.tabs.right().saturating_sub(width(title) as u16);
    if l.tab_rects.last().is_some_and(|(_, r)| r.right() < x) {
        buf.set_string(x, l.tabs.y, title, theme.dim);
    }
}

fn render_note(text: &str, area: Rect, buf: &mut Buffer, theme: &Theme) {
    Paragraph::new(text)
        .wrap(Wrap { trim: false })
        .block(Block::bordered().border_style(theme.border))
        .render(area, buf);
}

/// What the Pending column leaves out, and why; and that expiry is an estimate.
fn render_invitations_header(
    pending: &Pending,
    rules: &InvitationRules,
    triage: &crate::model::triage::Triage,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let parts = strings::invitations_left_out(
        pending.accepted,
        pending.incoming,
        triage.done_count(),
        rules.expiry_days,
    );
    let text = fit_parts(&parts, area.width as usize);
    buf.set_string(area.x, area.y, text, theme.dim);
}

fn render_status(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let (text, style) = match &app.status() {
        Some(s) => (
            s.text.as_str(),
            match s.kind {
                StatusKind::Info => theme.info,
                StatusKind::Warning => theme.warning,
                StatusKind::Error => theme.error,
            },
        ),
        None => ("", theme.dim),
    };
    let timing = app.timing().map(|t| {
        let ms = |d: Option<std::time::Duration>| {
            d.map_or("-".to_owned(), |d| {
                format!("{:.1} ms", d.as_secs_f64() * 1e3)
            })
        };
        strings::timing(&ms(Some(t.load)), &ms(t.filter), &ms(t.frame))
    });
    let timing_width = timing.as_deref().map_or(0, width) as u16;
    // A failed save stays in view whatever the status line says next, until one succeeds.
    let mark = app.unsaved_mark();
    let mark_width = mark.as_deref().map_or(0, |m| width(m) + 1) as u16;
    let reserved = timing_width.saturating_add(mark_width);
    let room = area.width.saturating_sub(reserved) as usize;
    if area.height > 1 {
        // The layout made room to show a long message whole.
        let text_area = Rect {
            width: area.width.saturating_sub(mark_width),
            ..area
        };
        Paragraph::new(safe(text).into_owned())
            .style(style)
            .wrap(Wrap { trim: false })
            .render(text_area, buf);
    } else {
        buf.set_string(area.x, area.y, fit(&safe(text), room), style);
    }
    if let Some(mark) = mark {
        let x = area.right().saturating_sub(reserved).max(area.x);
        let room = area
            .right()
            .saturating_sub(x)
            .min(mark_width)
            .saturating_sub(1);
        let shown = fit(&mark, usize::from(room));
        buf.set_string(x, area.y, format!(" {shown}"), theme.error);
    }
    if let Some(timing) = timing {
        buf.set_string(
            area.right().saturating_sub(timing_width),
            area.bottom().saturating_sub(1),
            timing,
            theme.dim,
        );
    }
}
