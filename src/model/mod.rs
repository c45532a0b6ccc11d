//! The data unconnect works on, free of any terminal or file concerns.

pub mod bursts;
pub mod changes;
pub mod filter;
pub mod fingerprint;
pub mod hash;
pub mod history;
pub mod identity;
pub mod invitation;
pub mod invitee;
pub mod mail;
pub mod matching;
pub mod pending;
pub mod people;
pub mod person;
pub mod phrases;
pub mod profile_url;
pub mod roster;
pub mod search;
pub mod signals;
pub mod sort_names;
pub mod terms;
pub mod timeline;
pub mod triage;

pub use identity::Identity;
pub use invitation::{Direction, Invitation, InvitationRules};
pub use people::{People, PersonId};
pub use person::Person;
