//! Which outgoing invitations were accepted: their invitee is among the connections.

use std::collections::HashSet;

use super::person::{fold_name, name_key};
use super::{Direction, Invitation, People};

/// For each invitation, whether its invitee is a connection. By normalised URL when both
/// files have URLs; by name when either side lacks them (pre-2023 files, and late-2023
/// invitations whose URLs name no profile). Names are compared folded: stray and doubled
/// spaces, Unicode forms and case do not matter.
pub fn invitee_is_connection(people: &People, invitations: &[Invitation]) -> Vec<bool> {
    let urls: HashSet<String> = people
        .ids()
        .map(|id| people.get(id).url)
        .filter(|u| !u.is_empty())
        .map(|u| u.to_string())
        .collect();
    let names: HashSet<String> = people
        .ids()
        .map(|id| {
            let p = people.get(id);
            name_key(p.first_name, p.last_name)
        })
        .collect();
    invitations
        .iter()
        .map(|inv| {
            if !inv.invitee_url.is_empty() && !urls.is_empty() {
                urls.contains(inv.invitee_url.as_str())
            } else {
                names.contains(&fold_name(&inv.to))
            }
        })
        .collect()
}

/// Outgoing invitations whose invitee is not a connection: probably still pending.
pub fn pending_count(people: &People, invitations: &[Invitation]) -> usize {
    invitee_is_connection(people, invitations)
        .iter()
        .zip(invitations)
        .filter(|(connected, inv)| !**connected && inv.direction == Direction::Outgoing)
        .count()
}
