//! The names of the sort orders, as titles and the status line show them, and which
//! name an order reversed reads as.

pub const SORT_CONNECTED: &str = "newest first";
pub const SORT_OLDEST: &str = "oldest first";
pub const SORT_LAST_NAME: &str = "last name";
pub const SORT_COMPANY: &str = "company";
/// Only when the export has messages.csv.
pub const SORT_FEWEST_MESSAGES: &str = "fewest messages";
/// `fewest messages` reversed.
pub const SORT_MOST_MESSAGES: &str = "most messages";

/// The name an order reads as when reversed, for the orders whose reverse has a name
/// of its own (the connected date reversed is oldest first, not "newest first, reversed").
pub fn reversed_name(name: &str) -> Option<&'static str> {
    match name {
        SORT_CONNECTED => Some(SORT_OLDEST),
        SORT_OLDEST => Some(SORT_CONNECTED),
        SORT_FEWEST_MESSAGES => Some(SORT_MOST_MESSAGES),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dates_and_the_messages_read_as_their_opposites_reversed() {
        assert_eq!(reversed_name("newest first"), Some("oldest first"));
        assert_eq!(reversed_name("oldest first"), Some("newest first"));
        assert_eq!(reversed_name("fewest messages"), Some("most messages"));
        assert_eq!(reversed_name("company"), None);
    }
}
