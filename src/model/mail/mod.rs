//! Writing to the people removed, as the 2013 advice says: a personal note for those an
//! address-book import invited by mistake. Pure text: the address check, the template,
//! an RFC 5322 draft and a `mailto:` link. Names and addresses come from the export and
//! are untrusted: nothing in them can start a header or smuggle in a second recipient.

pub mod address;
pub mod draft;
pub mod mailto;
pub mod template;

pub use address::{AddressProblem, mailbox};
pub use draft::draft;
pub use mailto::mailto;
pub use template::{Letter, Template};
