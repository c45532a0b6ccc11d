//! The Timeline tab: connections per month (or week, zoomed in) over the whole history,
//! the bursts highlighted and listed. `Enter` on a bar or a burst filters the Connections
//! tab's left column to its dates and switches there.

use chrono::NaiveDate;

use super::action::{Action, Tab};
use super::effect::Effect;
use super::list::ListKind;
use super::state::App;
use super::status::StatusKind;
use super::strings;
use crate::model::bursts::{self, Burst};
use crate::model::terms::connected_between;
use crate::model::timeline::{Granularity, counts};
use crate::model::triage::Side;
use crate::model::{People, PersonId};
use crate::session::Since;

/// What the arrows move through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Bars,
    Bursts,
}

/// The timeline's data, computed once from the export, and where the user is in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    pub granularity: Granularity,
    /// Connections per month and per week, each period by its first day.
    pub months: Vec<(NaiveDate, usize)>,
    pub weeks: Vec<(NaiveDate, usize)>,
    /// Connections per day, only the days with any: zooming keeps the busiest in view.
    pub days: Vec<(NaiveDate, usize)>,
    pub bursts: Vec<Burst>,
    /// Longer stretches of high growth: not accidents, so not highlighted as bursts.
    pub busy_periods: Vec<Burst>,
    /// Connections without a readable date (left out of the bars).
    pub undated: usize,
    pub focus: Focus,
    /// The selected bar, an index into the current granularity's periods.
    pub bar: usize,
    /// The selected burst.
    pub burst: usize,
    /// The connections new since the export opened last time, per month and per week
    /// (as `months` and `weeks`), and that export's day; none when nothing was compared.
    pub new_months: Vec<usize>,
    pub new_weeks: Vec<usize>,
    pub new_since: Option<NaiveDate>,
}

/// The connections new since the export opened last time, for the Timeline to mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSince {
    pub ids: Vec<PersonId>,
    /// The day of the export they are new against.
    pub since: NaiveDate,
}

impl Timeline {
    pub fn build(people: &People) -> Timeline {
        let dates: Vec<Option<NaiveDate>> = people
            .ids()
            .map(|id: PersonId| people.connected_on(id))
            .collect();
        let undated = dates.iter().filter(|d| d.is_none()).count();
        let months = counts(dates.iter().copied(), Granularity::Month);
        let weeks = counts(dates.iter().copied(), Granularity::Week);
        let days = per_day(&dates);
        let found = bursts::find(dates);
        // Start on the first burst, where the accident is, or on the newest month.
        let mut t = Timeline {
            granularity: Granularity::Month,
            bar: months.len().saturating_sub(1),
            months,
            weeks,
            days,
            bursts: found.bursts,
            busy_periods: found.busy_periods,
            undated,
            focus: Focus::Bars,
            burst: 0,
            new_months: Vec::new(),
            new_weeks: Vec::new(),
            new_since: None,
        };
        if let Some(b) = t.bursts.first().copied() {
            t.select_date(b.from);
        }
        t
    }

    /// Marks the people new since the export opened last time in each period's bar.
    pub fn mark_new(&mut self, people: &People, new: &NewSince) {
        let per = |periods: &[(NaiveDate, usize)], granularity: Granularity| {
            let mut counts = vec![0; periods.len()];
            for date in new.ids.iter().filter_map(|&id| people.connected_on(id)) {
                let start = granularity.start_of(date);
                if let Ok(i) = periods.binary_search_by_key(&start, |&(s, _)| s) {
                    counts[i] += 1;
                }
            }
            counts
        };
        self.new_months = per(&self.months, Granularity::Month);
        self.new_weeks = per(&self.weeks, Granularity::Week);
        self.new_since = Some(new.since);
    }

    /// How many of period `i`'s connections (at the current zoom) are new since the
    /// export opened last time.
    pub fn new_in(&self, i: usize) -> usize {
        let new = match self.granularity {
            Granularity::Month => &self.new_months,
            Granularity::Week => &self.new_weeks,
        };
        new.get(i).copied().unwrap_or(0)
    }

    /// The periods at the current zoom.
    pub fn periods(&self) -> &[(NaiveDate, usize)] {
        match self.granularity {
            Granularity::Month => &self.months,
            Granularity::Week => &self.weeks,
        }
    }

    /// The first and last day of the selected bar.
    pub fn selected_span(&self) -> Option<(NaiveDate, NaiveDate)> {
        let &(start, _) = self.periods().get(self.bar)?;
        Some((start, self.granularity.end_of(start)))
    }

    /// Whether a period overlaps a burst: its bar is highlighted.
    pub fn in_burst(&self, start: NaiveDate) -> bool {
        let end = self.granularity.end_of(start);
        self.bursts.iter().any(|b| b.overlaps(start, end))
    }

    /// Whether a period overlaps a busy period.
    pub fn in_busy_period(&self, start: NaiveDate) -> bool {
        let end = self.granularity.end_of(start);
        self.busy_periods.iter().any(|b| b.overlaps(start, end))
    }

    /// Puts the bar cursor on the period holding `date`.
    fn select_date(&mut self, date: NaiveDate) {
        let start = self.granularity.start_of(date);
        if let Some(i) = self.periods().iter().position(|&(s, _)| s == start) {
            self.bar = i;
        }
    }

    /// The tallest bar anywhere in the history at the current zoom: the chart's scale,
    /// the same however it is scrolled.
    pub fn tallest(&self) -> usize {
        self.periods().iter().map(|&(_, n)| n).max().unwrap_or(0)
    }

    /// The busiest day of the selected bar (the earliest of equals), or its first day
    /// when it has no connection: what a zoom keeps under the cursor.
    fn busiest_day(&self) -> Option<NaiveDate> {
        let (from, to) = self.selected_span()?;
        let first = self.days.partition_point(|&(d, _)| d < from);
        let busiest = self.days[first..]
            .iter()
            .take_while(|&&(d, _)| d <= to)
            .fold(
                None,
                |best: Option<(NaiveDate, usize)>, &(d, n)| match best {
                    Some((_, m)) if m >= n => best,
                    _ => Some((d, n)),
                },
            );
        Some(busiest.map_or(from, |(d, _)| d))
    }

    fn zoom(&mut self, granularity: Granularity) {
        let keep = self.busiest_day();
        self.granularity = granularity;
        self.bar = self.periods().len().saturating_sub(1);
        if let Some(date) = keep {
            self.select_date(date);
        }
    }
}

/// Connections per day, in date order, the days without any left out.
fn per_day(dates: &[Option<NaiveDate>]) -> Vec<(NaiveDate, usize)> {
    let mut sorted: Vec<NaiveDate> = dates.iter().flatten().copied().collect();
    sorted.sort_unstable();
    let mut days: Vec<(NaiveDate, usize)> = Vec::new();
    for d in sorted {
        match days.last_mut() {
            Some((last, n)) if *last == d => *n += 1,
            _ => days.push((d, 1)),
        }
    }
    days
}

impl App {
    /// Marks on the Timeline the people new since the export opened last time.
    #[must_use]
    pub fn with_new(mut self, new: NewSince) -> App {
        self.new_since = (!new.ids.is_empty()).then(|| std::sync::Arc::new(new));
        self
    }

    /// [`App::with_new`] with what opening the export found.
    #[must_use]
    pub fn with_new_since(self, since: &Since) -> App {
        match since {
            Since::Compared {
                previous, changes, ..
            } => self.with_new(NewSince {
                ids: changes.added.clone(),
                since: previous.day,
            }),
            _ => self,
        }
    }

    /// The timeline, computed the first time the tab is shown.
    pub(super) fn timeline_mut(&mut self) -> &mut Timeline {
        let people = std::sync::Arc::clone(self.people());
        let zoom = self.timeline_zoom;
        let new = self
            .timeline
            .is_none()
            .then(|| self.new_since.clone())
            .flatten();
        self.timeline.get_or_insert_with(|| {
            let mut t = Timeline::build(&people);
            if zoom != t.granularity {
                t.zoom(zoom);
            }
            if let Some(new) = new {
                t.mark_new(&people, &new);
            }
            t
        })
    }

    pub(super) fn timeline_action(&mut self, action: Action) -> Vec<Effect> {
        let t = self.timeline_mut();
        let periods = t.periods().len();
        match (action, t.focus) {
            (Action::PreviousBar | Action::Up, Focus::Bars) => t.bar = t.bar.saturating_sub(1),
            (Action::NextBar | Action::Down, Focus::Bars) => {
                t.bar = (t.bar + 1).min(periods.saturating_sub(1));
            }
            (Action::PageUp, Focus::Bars) => t.bar = t.bar.saturating_sub(12),
            (Action::PageDown, Focus::Bars) => t.bar = (t.bar + 12).min(periods.saturating_sub(1)),
            (Action::Top, Focus::Bars) => t.bar = 0,
            (Action::Bottom, Focus::Bars) => t.bar = periods.saturating_sub(1),
            (Action::Up | Action::PreviousBar, Focus::Bursts) => {
                t.burst = t.burst.saturating_sub(1);
            }
            (Action::Down | Action::NextBar, Focus::Bursts) => {
                t.burst = (t.burst + 1).min(t.bursts.len().saturating_sub(1));
            }
            (Action::ZoomIn, _) => t.zoom(Granularity::Week),
            (Action::ZoomOut, _) => t.zoom(Granularity::Month),
            (Action::ToggleBursts, _) => {
                t.focus = match t.focus {
                    Focus::Bars if !t.bursts.is_empty() => Focus::Bursts,
                    _ => Focus::Bars,
                };
            }
            (Action::ShowConnections, _) => return self.filter_to_selection(),
            (Action::ClickBar(i), _) => {
                t.focus = Focus::Bars;
                t.bar = i.min(periods.saturating_sub(1));
            }
            (Action::ClickBurst(i), _) if i < t.bursts.len() => {
                t.focus = Focus::Bursts;
                t.burst = i;
                let from = t.bursts[i].from;
                t.select_date(from);
            }
            _ => {}
        }
        Vec::new()
    }

    /// Enter: the Connections tab's left column filtered to the selected bar's or burst's
    /// days, with the cursor at the top; everything else about the column stays.
    fn filter_to_selection(&mut self) -> Vec<Effect> {
        let t = self.timeline_mut();
        let span = match t.focus {
            Focus::Bursts => t.bursts.get(t.burst).map(|b| (b.from, b.to)),
            Focus::Bars => t.selected_span(),
        };
        let Some((from, to)) = span else {
            return Vec::new();
        };
        let query = connected_between(from, to);
        self.tab = Tab::Connections;
        let triage = &mut self.connections.triage;
        triage.set_focus(Side::Left);
        let job = triage.set_filter(Side::Left, &query);
        let shown = triage.column(Side::Left).shown().len();
        if let Some(error) = triage.column(Side::Left).filter_error() {
            // A span the filter cannot say (a date at the calendar's end): the column shows
            // no one rather than a result the text does not describe.
            let hint = error.hint.clone();
            self.warn(strings::span_not_a_filter(&hint));
            return Vec::new();
        }
        // Set for the user, kept as if typed: `↑` in the filter line brings it back.
        self.line.remember(&query);
        let day = |d: NaiveDate| d.format("%-d %b %Y").to_string();
        let showing = strings::showing_between(&day(from), &day(to));
        self.say_about_filter(StatusKind::Info, showing, &query);
        if job.is_none() && shown == 0 {
            let nobody = strings::nobody_left_between(&from.to_string(), &to.to_string());
            self.say_about_filter(StatusKind::Warning, nobody, &query);
        }
        job.map(|j| Effect::Filter(ListKind::Connections, j))
            .into_iter()
            .collect()
    }
}
