//! The view the user leaves (tab, sorts, cursors, Timeline zoom) as the store keeps it, and
//! brought back on the next start.

use super::action::Tab;
use super::effect::Effect;
use super::list::ListKind;
use super::state::{App, PrivacyNote};
use super::strings;
use crate::model::PersonId;
use crate::model::timeline::Granularity;
use crate::model::triage::Side;
use crate::store::StoreError;
use crate::store::view::{Sort, View};

/// The longest identity kept for a cursor: a URL or a name key is far shorter.
const MAX_KEPT_IDENTITY: usize = 1024;

fn tab_name(tab: Tab) -> &'static str {
    match tab {
        Tab::Connections => "connections",
        Tab::Invitations => "invitations",
        Tab::History => "history",
        Tab::Timeline => "timeline",
    }
}

/// A column's name in the saved view: the list's, and `-right` for a right column.
fn column_name(kind: ListKind, side: Side) -> String {
    let list = match kind {
        ListKind::Connections => "connections",
        ListKind::Invitations => "invitations",
        ListKind::Removed => "removed",
        ListKind::Withdrawn => "withdrawn",
    };
    match side {
        Side::Left => list.to_owned(),
        Side::Right => format!("{list}-right"),
    }
}

/// The columns whose sort is kept: both of a triaged list, the one of a History list.
fn columns() -> impl Iterator<Item = (ListKind, Side)> {
    ListKind::ALL.into_iter().flat_map(|kind| {
        let sides: &[Side] = if kind.history_kind().is_some() {
            &[Side::Left]
        } else {
            &[Side::Left, Side::Right]
        };
        sides.iter().map(move |&side| (kind, side))
    })
}

impl App {
    /// The view to keep for the next start.
    pub fn view(&self) -> View {
        let sorts = columns()
            .filter_map(|(kind, side)| {
                let triage = self.triage_of(kind)?;
                let sort = Sort {
                    name: triage.sort_name(side).to_owned(),
                    reversed: triage.column(side).reversed,
                };
                Some((column_name(kind, side), sort))
            })
            .collect();
        let cursors = columns()
            .filter_map(|(kind, side)| {
                let id = self.triage_of(kind)?.column(side).current()?;
                let key = self.identity_of(kind, id)?;
                // A crafted row's identity would outgrow the file: that cursor is not kept.
                (key.len() <= MAX_KEPT_IDENTITY).then(|| (column_name(kind, side), key))
            })
            .collect();
        let zoom = self
            .timeline
            .as_ref()
            .map_or(self.timeline_zoom, |t| t.granularity);
        View {
            tab: tab_name(self.tab).to_owned(),
            sorts,
            cursors,
            zoom: match zoom {
                Granularity::Month => "month",
                Granularity::Week => "week",
            }
            .to_owned(),
            // Said before, or this session (in the mode that visits profiles).
            privacy_noted: self.privacy_note == PrivacyNote::SaidBefore
                || (self.history.privacy_said
                    && self.history.open_target == super::history_screen::OpenTarget::Profile),
        }
    }

    /// Brings back a saved view; names this version does not know are passed by.
    pub(super) fn restore_view(&mut self, view: &View) -> Vec<Effect> {
        let mut effects = Vec::new();
        for (kind, side) in columns() {
            let name = column_name(kind, side);
            let Some(triage) = self.triage_mut(kind) else {
                continue;
            };
            if let Some(saved) = view.sorts.get(&name) {
                let index = triage.sort_names().position(|n| n == saved.name);
                if let Some(job) = index.and_then(|i| triage.set_sort(side, i, saved.reversed)) {
                    effects.push(Effect::Filter(kind, job));
                }
            }
            let key = view.cursors.get(&name).map(String::as_str);
            if kind.history_kind().is_some() && self.history.is_reading() {
                // Its records come later: the cursor waits for them.
                if let Some(key) = key {
                    self.cursors_waiting.push((kind, key.to_owned()));
                }
            } else {
                self.restore_cursor(kind, side, key);
            }
        }
        if view.privacy_noted {
            self.privacy_note = PrivacyNote::SaidBefore;
            self.history.privacy_said = true;
        }
        if view.zoom == "week" {
            self.timeline_zoom = Granularity::Week;
        }
        let tab = Tab::ALL.into_iter().find(|&t| tab_name(t) == view.tab);
        // The Invitations tab of an export without invitations stays away.
        if let Some(tab) = tab.filter(|&t| t != Tab::Invitations || self.invitations.is_some()) {
            self.show(tab);
        }
        effects
    }

    /// Puts a column's cursor on the person saved for it (or the nearest one shown),
    /// else on the first row of its order.
    pub(super) fn restore_cursor(&mut self, kind: ListKind, side: Side, key: Option<&str>) {
        let found = key.and_then(|key| self.find_identity(kind, key));
        let Some(triage) = self.triage_mut(kind) else {
            return;
        };
        match found {
            Some(id) => triage.put_cursor_on(side, id),
            None => triage.cursor_to_top(side),
        }
    }

    /// The identity of a list's item `id`, as the journal and staged sets keep it.
    fn identity_of(&self, kind: ListKind, id: u32) -> Option<String> {
        match kind {
            ListKind::Connections => {
                let people = &self.connections.items;
                ((id as usize) < people.len())
                    .then(|| people.get(PersonId(id)).identity().as_str().to_owned())
            }
            ListKind::Invitations => {
                let items = &self.invitations.as_ref()?.items.pending.items;
                items
                    .get(id as usize)
                    .map(|i| i.identity().as_str().to_owned())
            }
            ListKind::Removed | ListKind::Withdrawn => self
                .records(kind)
                .get(id as usize)
                .map(|r| r.id.as_str().to_owned()),
        }
    }

    /// The item of a list whose identity is `key`.
    fn find_identity(&self, kind: ListKind, key: &str) -> Option<u32> {
        let found = match kind {
            ListKind::Connections => {
                let people = &self.connections.items;
                people
                    .ids()
                    .find(|&id| people.get(id).has_identity(key))
                    .map(|id| id.0 as usize)
            }
            ListKind::Invitations => self
                .invitations
                .as_ref()?
                .items
                .pending
                .items
                .iter()
                .position(|i| i.identity().as_str() == key),
            ListKind::Removed | ListKind::Withdrawn => {
                self.records(kind).iter().position(|r| r.id.as_str() == key)
            }
        };
        found.and_then(|i| u32::try_from(i).ok())
    }

    pub(super) fn view_not_read(&mut self, error: &StoreError) {
        // Said at the start, about the whole app: on every tab.
        self.say_everywhere(
            super::status::StatusKind::Warning,
            strings::view_not_read(error),
        );
    }
}
