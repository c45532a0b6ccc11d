//! The Timeline tab: a bar per month (or week), bursts in the warning colour, the
//! selected bar in the cursor's, the bursts listed below. Only the bars that fit are
//! drawn, scrolled so the selected one is in view.

use chrono::{Datelike, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::text::fit;
use super::theme::Theme;
use crate::app::strings;
use crate::app::timeline::{Focus, Timeline};
use crate::model::bursts::{BURST_DAYS, TIMES_USUAL};
use crate::model::timeline::Granularity;

/// Bursts listed before "and N more".
const BURSTS_SHOWN: usize = 5;

/// The fill of a bar's part that is new since the export opened last time: a shade,
/// not only a colour, so that it shows without colour too.
pub const NEW_FILL: &str = "▒";

/// Where the timeline's parts go; mouse hit-testing reads it too.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TimelineLayout {
    /// The bars, above their axis labels.
    pub chart: Rect,
    pub info: Rect,
    /// The bursts' rows (inside their block).
    pub bursts: Rect,
    /// The period drawn first, and how many cells each takes.
    pub first_bar: usize,
    pub bar_width: u16,
}

impl TimelineLayout {
    pub fn new(area: Rect, t: &Timeline) -> TimelineLayout {
        let shown = t.bursts.len().min(BURSTS_SHOWN) as u16;
        // Borders, the rule's line, and one for the busy periods when there are any.
        let bursts_height = shown.max(1) + 3 + u16::from(!t.busy_periods.is_empty());
        let [chart_block, info, bursts] = area.layout(&Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(bursts_height),
        ]));
        let chart = Block::bordered().inner(chart_block);
        let periods = t.periods().len();
        let bar_width: u16 = if periods * 2 <= chart.width as usize {
            2
        } else {
            1
        };
        let fit = (chart.width / bar_width).max(1) as usize;
        // The selected bar in the middle, as far as the history allows.
        let first_bar = if periods <= fit {
            0
        } else {
            t.bar.saturating_sub(fit / 2).min(periods - fit)
        };
        TimelineLayout {
            chart,
            info,
            bursts: Block::bordered().inner(bursts),
            first_bar,
            bar_width,
        }
    }

    /// The burst listed on a row of the bursts' block, if any.
    pub fn burst_at(&self, y: u16, t: &Timeline) -> Option<usize> {
        if y < self.bursts.y || y >= self.bursts.bottom() {
            return None;
        }
        let i = first_burst(t) + (y - self.bursts.y) as usize;
        (i < t.bursts.len() && ((y - self.bursts.y) as usize) < BURSTS_SHOWN).then_some(i)
    }

    /// The period under a column of the chart, if any.
    pub fn bar_at(&self, x: u16, periods: usize) -> Option<usize> {
        if x < self.chart.x || x >= self.chart.right() {
            return None;
        }
        let i = self.first_bar + ((x - self.chart.x) / self.bar_width) as usize;
        (i < periods).then_some(i)
    }
}

pub struct TimelineView<'a> {
    pub timeline: &'a Timeline,
    pub theme: &'a Theme,
}

impl Widget for TimelineView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (t, theme) = (self.timeline, self.theme);
        let l = TimelineLayout::new(area, t);
        let title = strings::timeline_title(t.granularity == Granularity::Week, t.tallest());
        let chart_block = l.chart.outer(Margin::new(1, 1));
        let mut block = theme
            .block(t.focus == Focus::Bars)
            .title(Line::styled(title, theme.title));
        if let Some(since) = t.new_since {
            let legend = strings::new_since_legend(NEW_FILL, &day(since));
            block = block.title_bottom(Line::styled(legend, theme.info).right_aligned());
        }
        block.render(chart_block, buf);
        if t.periods().is_empty() {
            Paragraph::new(strings::NO_DATES)
                .style(theme.dim)
                .render(l.chart, buf);
        } else {
            render_bars(t, &l, buf, theme);
        }
        render_info(t, l.info, buf, theme);
        render_bursts(t, &l, buf, theme);
    }
}

fn render_bars(t: &Timeline, l: &TimelineLayout, buf: &mut Buffer, theme: &Theme) {
    let periods = t.periods();
    let chart = l.chart;
    if chart.height < 2 {
        return;
    }
    let bars_height = chart.height - 1; // the last row holds the axis labels
    let visible = (chart.width / l.bar_width) as usize;
    let shown = &periods[l.first_bar..(l.first_bar + visible).min(periods.len())];
    // One scale for the whole history, so heights compare however it is scrolled.
    let max = t.tallest().max(1);
    const EIGHTHS: [&str; 9] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];
    let axis = chart.bottom() - 1;
    // Arrows at the axis's ends say there is more history off-screen that way.
    let more_before = l.first_bar > 0;
    let more_after = l.first_bar + shown.len() < periods.len();
    if more_before {
        buf.set_string(chart.x, axis, strings::MORE_BEFORE, theme.key);
    }
    if more_after {
        buf.set_string(chart.right() - 1, axis, strings::MORE_AFTER, theme.key);
    }
    let mut last_label_end = chart.x + if more_before { 2 } else { 0 };
    let labels_end = chart.right() - if more_after { 2 } else { 0 };
    let mut year_said = false;
    for (i, &(start, n)) in shown.iter().enumerate() {
        let index = l.first_bar + i;
        let x = chart.x + i as u16 * l.bar_width;
        let selected = index == t.bar;
        let style = if selected {
            if t.focus == Focus::Bars {
                theme.cursor
            } else {
                theme.cursor_unfocused
            }
        } else if t.in_burst(start) {
            theme.warning
        } else {
            theme.detail
        };
        // Height in eighths of a cell; a non-empty period always shows.
        let eighths = (n * usize::from(bars_height) * 8).div_ceil(max);
        let eighths = if n > 0 { eighths.max(1) } else { 0 };
        let first_new = first_new_row(n, t.new_in(index), eighths, bars_height, max);
        for row in 0..bars_height {
            let y = chart.y + bars_height - 1 - row;
            let level = eighths.saturating_sub(usize::from(row) * 8).min(8);
            let (cell, style) = if selected && level == 0 {
                (" ", style)
            } else if level > 0 && usize::from(row) >= first_new {
                (NEW_FILL, if selected { style } else { theme.info })
            } else {
                (EIGHTHS[level], style)
            };
            buf.set_string(x, y, cell, style);
        }
        let label = axis_label(t.granularity, start, i == 0, year_said, l.bar_width);
        if let Some(label) = label {
            let w = label.chars().count() as u16;
            if x >= last_label_end && x + w <= labels_end {
                year_said |= label.chars().any(|c| c.is_ascii_digit());
                buf.set_string(x, axis, &label, theme.dim);
                last_label_end = x + w + 1;
            }
        }
    }
}

/// The axis's label under a bar, if it has one: the year under January (month bars);
/// the month under its first week, the year instead of January, and the year beside the
/// first month labelled, so a week is never ambiguous (week bars). The first bar is
/// labelled too, unless the next label would crowd it.
fn axis_label(
    granularity: Granularity,
    start: NaiveDate,
    first: bool,
    year_said: bool,
    bar_width: u16,
) -> Option<String> {
    let format = match granularity {
        Granularity::Month => {
            let room_before_next = (13 - start.month()) as u16 * bar_width;
            let first = first && room_before_next >= 5;
            (start.month() == 1 || first).then_some("%Y")?
        }
        Granularity::Week => {
            let room_before_next = (31 - start.day().min(31)) as u16 / 7 * bar_width;
            let starts_month = start.day() <= 7;
            let first = first && room_before_next > 8;
            if !(starts_month || first) {
                return None;
            }
            match (start.month(), year_said) {
                (1, _) if starts_month => "%Y",
                (_, false) => "%b %Y",
                _ => "%b",
            }
        }
    };
    Some(start.format(format).to_string())
}

/// The first row of a bar drawn as new: the rows above the older connections' share of
/// its height, and at least its top row when any of its `n` are new, so that no new
/// connection goes unmarked. `usize::MAX` when none is new.
fn first_new_row(n: usize, new: usize, eighths: usize, rows: u16, max: usize) -> usize {
    if new == 0 {
        return usize::MAX;
    }
    let old = n.saturating_sub(new) * usize::from(rows) * 8 / max;
    let top = eighths.div_ceil(8).saturating_sub(1);
    old.div_ceil(8).min(top)
}

fn day(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

/// The first burst listed: the list scrolls to keep the selected one in view.
fn first_burst(t: &Timeline) -> usize {
    t.burst.saturating_sub(BURSTS_SHOWN - 1)
}

fn period_name(t: &Timeline, start: NaiveDate) -> String {
    match t.granularity {
        Granularity::Month => start.format("%B %Y").to_string(),
        Granularity::Week => strings::week_of(start),
    }
}

fn render_info(t: &Timeline, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let Some(&(start, n)) = t.periods().get(t.bar) else {
        return;
    };
    let mut text = strings::period_info(
        &period_name(t, start),
        n,
        t.in_burst(start),
        t.in_busy_period(start),
        t.undated,
    );
    if let Some(since) = t.new_since {
        text.push_str(&strings::new_in_period(t.new_in(t.bar), &day(since)));
    }
    buf.set_string(area.x, area.y, fit(&text, area.width as usize), theme.hint);
}

fn render_bursts(t: &Timeline, l: &TimelineLayout, buf: &mut Buffer, theme: &Theme) {
    let area = l.bursts.outer(Margin::new(1, 1));
    let focused = t.focus == Focus::Bursts;
    theme
        .block(focused)
        .title(Line::styled(
            strings::bursts_title(t.bursts.len()),
            theme.title,
        ))
        .render(area, buf);
    let rule = strings::burst_rule(BURST_DAYS, TIMES_USUAL);
    let inner = l.bursts;
    if t.bursts.is_empty() {
        let mut lines = vec![Line::styled(rule, theme.dim)];
        if t.busy_periods.is_empty() {
            lines.insert(0, Line::styled(strings::NO_BURSTS, theme.dim));
        } else {
            lines.insert(0, Line::styled(strings::NO_BURSTS_BUT_BUSY, theme.dim));
            lines.push(Line::styled(busy_periods_line(t), theme.dim));
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .render(inner, buf);
        return;
    }
    let first = first_burst(t);
    for (row, (i, b)) in t
        .bursts
        .iter()
        .enumerate()
        .skip(first)
        .take(BURSTS_SHOWN)
        .enumerate()
    {
        let y = inner.y + row as u16;
        let days = (b.to - b.from).num_days() + 1;
        let text = strings::burst_line(b.from, b.to, b.count, days);
        let style = match (i == t.burst, focused) {
            (true, true) => theme.cursor,
            (true, false) => theme.cursor_unfocused,
            _ => theme.warning,
        };
        let line = Rect::new(inner.x, y, inner.width, 1);
        buf.set_style(line, style);
        Line::from(Span::styled(fit(&text, inner.width as usize - 1), style))
            .render(Rect::new(inner.x + 1, y, inner.width - 1, 1), buf);
    }
    let y = inner.y + t.bursts.len().min(BURSTS_SHOWN) as u16;
    for (y, text) in (y..inner.bottom()).zip([rule, busy_periods_line(t)]) {
        buf.set_string(
            inner.x + 1,
            y,
            fit(&text, inner.width as usize - 1),
            theme.dim,
        );
    }
}

/// The busy periods in one line: long stretches of high growth, not accidents.
fn busy_periods_line(t: &Timeline) -> String {
    let spans: Vec<(NaiveDate, NaiveDate, usize)> = t
        .busy_periods
        .iter()
        .map(|b| (b.from, b.to, b.count))
        .collect();
    strings::busy_periods_line(&spans)
}
