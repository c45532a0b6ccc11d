//! Counts as people read them: `29,665`, not `29665`. One helper for the app and the
//! command line, so every count is written alike.

/// `n` with a comma between each group of three digits.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "1 connection", "29,665 connections".
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_of_three_from_the_right() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(29_665), "29,665");
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(counted(1, "draft", "drafts"), "1 draft");
        assert_eq!(
            counted(29_665, "connection", "connections"),
            "29,665 connections"
        );
    }
}
