//! Which outgoing invitations were accepted: their invitee is among the connections.

use std::collections::HashSet;

use super::{Direction, Invitation, People};

/// For each invitation, whether its invitee is a connection. By normalised URL when both
/// files have URLs; by name when either side lacks them (pre-2023 files).
pub fn invitee_is_connection(people: &People, invitations: &[Invitation]) -> Vec<bool> {
    let urls: HashSet<String> = people
        .ids()
        .map(|id| people.get(id).url)
        .filter(|u| !u.is_empty())
        .map(|u| u.to_string())
        .collect();
    let names: HashSet<String> = people
        .ids()
        .map(|id| people.get(id).full_name().to_lowercase())
        .collect();
    invitations
        .iter()
        .map(|inv| {
            if !inv.invitee_url.is_empty() && !urls.is_empty() {
                urls.contains(inv.invitee_url.as_str())
            } else {
                names.contains(&inv.to.trim().to_lowercase())
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
