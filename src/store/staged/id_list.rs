//! Many identities in one text: a million staged people read back as two allocations,
//! not a million.

/// Identities in order, side by side in one `String`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdList {
    text: String,
    /// Identity `i` is `text[ends[i - 1]..ends[i]]` (from 0 for the first).
    ends: Vec<usize>,
}

impl IdList {
    pub fn push(&mut self, id: &str) {
        self.text.push_str(id);
        self.ends.push(self.text.len());
    }

    /// Pushes the identity `head` then `tail` (a URL's common prefix and the rest).
    pub fn push_parts(&mut self, head: &str, tail: &str) {
        self.text.push_str(head);
        self.push(tail);
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    pub fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)?;
        let start = i.checked_sub(1).map_or(0, |j| self.ends[j]);
        self.text.get(start..end)
    }

    pub fn iter(&self) -> Ids<'_> {
        Ids {
            text: &self.text,
            ends: self.ends.iter(),
            start: 0,
        }
    }

    /// Appends `other`'s identities.
    pub fn append(&mut self, other: &IdList) {
        let shift = self.text.len();
        self.text.push_str(&other.text);
        self.ends.extend(other.ends.iter().map(|end| end + shift));
    }
}

/// The identities of an [`IdList`] in order: each starts where the last ended.
pub struct Ids<'a> {
    text: &'a str,
    ends: std::slice::Iter<'a, usize>,
    start: usize,
}

impl<'a> Iterator for Ids<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let end = *self.ends.next()?;
        let id = self.text.get(self.start..end).unwrap_or_default();
        self.start = end;
        Some(id)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.ends.size_hint()
    }
}

impl ExactSizeIterator for Ids<'_> {}

impl<'a> IntoIterator for &'a IdList {
    type Item = &'a str;
    type IntoIter = Ids<'a>;

    fn into_iter(self) -> Ids<'a> {
        self.iter()
    }
}

impl<S: AsRef<str>> FromIterator<S> for IdList {
    fn from_iter<I: IntoIterator<Item = S>>(ids: I) -> Self {
        let mut list = IdList::default();
        for id in ids {
            list.push(id.as_ref());
        }
        list
    }
}

#[cfg(test)]
mod tests {
    use super::IdList;

    #[test]
    fn identities_come_back_in_order_empty_ones_too() {
        let mut list: IdList = ["a", "", "ccc"].into_iter().collect();
        list.append(&["d"].into_iter().collect());
        assert_eq!(list.iter().collect::<Vec<_>>(), ["a", "", "ccc", "d"]);
        assert_eq!(list.get(4), None);
    }
}
