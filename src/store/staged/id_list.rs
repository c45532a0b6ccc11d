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

    pub fn iter(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        (0..self.len()).map(|i| self.get(i).unwrap_or_default())
    }

    /// Appends `other`'s identities.
    pub fn append(&mut self, other: &IdList) {
        for id in other.iter() {
            self.push(id);
        }
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
