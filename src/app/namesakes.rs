//! Names several connections share (pre-2023 exports hold many): where the app names a
//! person for a yes, a shared name carries the position and company that tell them apart.

use std::collections::HashMap;

use super::list::ListKind;
use super::state::App;
use crate::model::PersonId;
use crate::model::person::name_key;

/// How many connections have each name, counted once per session: the export's
/// people do not change while the app runs.
pub(super) type NameCounts = HashMap<String, u32>;

impl App {
    /// Item `id` of a list as a dialog names it: the name, and for a name other
    /// connections share, `(position · company)` too.
    pub(super) fn dialog_name(&self, kind: ListKind, id: u32) -> String {
        let name = self.item_name(kind, id);
        let people = &self.connections.items;
        let fields = match kind {
            ListKind::Connections if (id as usize) < people.len() => {
                let p = people.get(PersonId(id));
                Some((p.first_name, p.last_name, p.position, p.company))
            }
            ListKind::Removed => self
                .records(kind)
                .get(id as usize)
                .and_then(|r| r.person.as_deref())
                .map(|p| {
                    let p = (&p.first_name, &p.last_name, &p.position, &p.company);
                    (p.0.as_str(), p.1.as_str(), p.2.as_str(), p.3.as_str())
                }),
            _ => None,
        };
        let Some((first, last, position, company)) = fields else {
            return name;
        };
        let counts = self.name_counts.get_or_init(|| {
            let mut counts = NameCounts::new();
            for id in people.ids() {
                let p = people.get(id);
                *counts
                    .entry(name_key(p.first_name, p.last_name))
                    .or_default() += 1;
            }
            counts
        });
        let shared = counts.get(&name_key(first, last)).is_some_and(|&n| n > 1);
        let detail: Vec<&str> = [position, company]
            .into_iter()
            .filter(|s| !s.trim().is_empty())
            .collect();
        if shared && !detail.is_empty() {
            format!("{name} ({})", detail.join(" · "))
        } else {
            name
        }
    }
}
