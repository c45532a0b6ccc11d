//! The data unconnect works on, free of any terminal or file concerns.

pub mod filter;
pub mod hash;
pub mod invitation;
pub mod pending;
pub mod people;
pub mod person;
pub mod phrases;
pub mod profile_url;
pub mod roster;
pub mod search;
pub mod triage;

pub use invitation::{Direction, Invitation, InvitationRules};
pub use people::{People, PersonId};
pub use person::Person;
