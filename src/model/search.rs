//! Filtering: every word of the query must appear, in any order, in a person's name,
//! position, company or email, ignoring case and accents (`jose` finds `José`).
//!
//! Substring rather than fuzzy matching: the result decides who gets removed, so a query
//! must select exactly what it says; `ana` should not also pick out "Bank of America".

use std::ops::Range;

use memchr::memmem;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::phrases::PhraseId;
use super::terms::{self, Clause, ClauseMatcher, Facts, Parsed, QueryError};

/// Appends the case- and accent-folded form of `c` to `out`.
pub fn fold_char_into(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    // Accented Latin, Greek and Cyrillic letters are most of the non-ASCII in names:
    // look them up.
    if let Some(folded) = alphabet_table().get(c as usize - 0x80) {
        out.push_str(folded);
        return;
    }
    // Han ideographs have neither case nor accents.
    if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        out.push(c);
        return;
    }
    fold_slow(c, out);
}

/// Folds of U+0080..U+052F (Latin, IPA, Greek, Cyrillic), computed once with [`fold_slow`].
fn alphabet_table() -> &'static [String] {
    static TABLE: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0x80..0x530u32)
            .map(|u| {
                let mut s = String::new();
                if let Some(c) = char::from_u32(u) {
                    fold_slow(c, &mut s);
                }
                s
            })
            .collect()
    })
}

/// Appends `text` folded; ASCII runs are lower-cased in bulk.
pub fn fold_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        let start = out.len();
        out.push_str(text);
        // Only ASCII was appended, so lower-casing bytes keeps the string valid.
        out[start..].make_ascii_lowercase();
    } else {
        for c in text.chars() {
            fold_char_into(c, out);
        }
    }
}

fn fold_slow(c: char, out: &mut String) {
    // Letters that do not decompose into base + accent.
    let special = match c {
        'ß' | 'ẞ' => Some("ss"),
        'Æ' | 'æ' => Some("ae"),
        'Œ' | 'œ' => Some("oe"),
        'Ø' | 'ø' => Some("o"),
        'Ł' | 'ł' => Some("l"),
        'Đ' | 'đ' | 'Ð' | 'ð' => Some("d"),
        'Þ' | 'þ' => Some("th"),
        'ı' => Some("i"),
        _ => None,
    };
    if let Some(s) = special {
        out.push_str(s);
        return;
    }
    for d in std::iter::once(c).nfd() {
        if !is_combining_mark(d) {
            out.extend(d.to_lowercase());
        }
    }
}

pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// A parsed query: folded words, all of which must match, and the filter terms beside
/// them (see [`super::terms`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    words: Vec<String>,
    clauses: Vec<Clause>,
}

impl Query {
    /// Parses the filter as typed; a malformed or unknown term is an error whose text is
    /// the hint to show.
    pub fn parse(text: &str) -> Result<Self, QueryError> {
        let Parsed { words, clauses } = terms::parse(text)?;
        Ok(Query { words, clauses })
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.clauses.is_empty()
    }

    /// The plain words and quoted phrases, folded: what the rows highlight.
    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// The terms and negated words.
    pub fn clauses(&self) -> &[Clause] {
        &self.clauses
    }

    /// Whether every match of `self` is also a match of `narrower`: typing more can only
    /// filter the previous results instead of scanning everyone again.
    pub fn is_narrowed_by(&self, narrower: &Query) -> bool {
        self.words
            .iter()
            .all(|w| narrower.words.iter().any(|n| n.contains(w.as_str())))
            && self.clauses.iter().all(|c| narrower.clauses.contains(c))
    }

    pub fn matcher(&self) -> Matcher<'_> {
        Matcher {
            finders: self.words.iter().map(memmem::Finder::new).collect(),
        }
    }

    /// Char ranges of `display` that match a query word, for highlighting.
    pub fn highlights(&self, display: &str) -> Vec<Range<usize>> {
        if self.words.is_empty() {
            return Vec::new();
        }
        // Fold char by char, remembering which display char each folded byte came from.
        let mut folded = String::with_capacity(display.len());
        let mut origin = Vec::with_capacity(display.len());
        for (i, c) in display.chars().enumerate() {
            let before = folded.len();
            fold_char_into(c, &mut folded);
            origin.extend(std::iter::repeat_n(i, folded.len() - before));
        }
        let mut ranges: Vec<Range<usize>> = Vec::new();
        for word in &self.words {
            for start in memmem::find_iter(folded.as_bytes(), word.as_bytes()) {
                let end = start + word.len();
                ranges.push(origin[start]..origin[end - 1] + 1);
            }
        }
        ranges.sort_by_key(|r| r.start);
        // Merge overlaps so each char is styled once.
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
        for r in ranges {
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        merged
    }
}

pub struct Matcher<'q> {
    finders: Vec<memmem::Finder<'q>>,
}

impl Matcher<'_> {
    pub fn matches(&self, folded_haystack: &str) -> bool {
        self.finders
            .iter()
            .all(|f| f.find(folded_haystack.as_bytes()).is_some())
    }
}

/// Offsets are 32-bit: the index's text never grows past this.
const MAX_TEXT: usize = u32::MAX as usize;

/// The folded searchable text of every item, in one arena. Text many items share (a
/// company, a job title) can be given as phrases: folded once, matched once per query.
#[derive(Debug, Default, Clone)]
pub struct SearchIndex {
    text: String,
    ends: Vec<u32>,
    /// Per item, the phrases it has (0: none); empty when the index has no phrases.
    shared: Vec<[PhraseId; 2]>,
    /// The phrases, folded, by id.
    phrases: Vec<String>,
    /// What the filter terms read besides the text.
    facts: Facts,
}

/// Matches a query against the items of one index.
pub struct IndexMatcher<'a> {
    index: &'a SearchIndex,
    matcher: Matcher<'a>,
    /// Per query word, per phrase: whether the word is in it.
    in_phrase: Vec<Vec<bool>>,
    clauses: ClauseMatcher<'a>,
}

impl IndexMatcher<'_> {
    /// Whether every word of the query is in one of item `i`'s fields.
    pub fn matches(&self, i: usize) -> bool {
        let hay = self.index.haystack(i).as_bytes();
        let shared = self.index.shared.get(i);
        self.matcher
            .finders
            .iter()
            .zip(&self.in_phrase)
            .all(|(finder, in_phrase)| {
                shared.is_some_and(|&[a, b]| in_phrase[a as usize] || in_phrase[b as usize])
                    || finder.find(hay).is_some()
            })
            && (self.clauses.is_empty()
                || self
                    .clauses
                    .matches(i, hay, shared.copied(), &self.index.facts))
    }
}

impl SearchIndex {
    /// `fields(i)` yields the searchable fields of item `i`.
    pub fn build<'a, F, I>(len: usize, fields: F) -> Self
    where
        F: Fn(usize) -> I,
        I: IntoIterator<Item = &'a str>,
    {
        let mut index = SearchIndex::default();
        index.extend(0..len, &fields);
        index
    }

    /// [`SearchIndex::build`] in `parts` ranges folded at once across the machine's cores
    /// (rayon), joined in order. `capacity`: the text bytes to reserve for the whole.
    pub fn build_in_parts<'a, F, I>(len: usize, capacity: usize, parts: usize, fields: F) -> Self
    where
        F: Fn(usize) -> I + Sync,
        I: IntoIterator<Item = &'a str>,
    {
        use rayon::prelude::*;
        let parts = parts.clamp(1, len.max(1));
        if parts == 1 || capacity > MAX_TEXT / 2 {
            // Nothing to split, or the parts' offsets could not be joined: one pass,
            // which stops at the limit.
            return SearchIndex::build(len, fields);
        }
        let bounds: Vec<Range<usize>> = (0..parts)
            .map(|p| len * p / parts..len * (p + 1) / parts)
            .collect();
        let pieces: Vec<SearchIndex> = bounds
            .into_par_iter()
            .map(|range| {
                // The first part holds the whole, so the others are appended to it
                // without a reallocation.
                let mut part = if range.start == 0 {
                    SearchIndex {
                        text: String::with_capacity(capacity),
                        ends: Vec::with_capacity(len),
                        ..SearchIndex::default()
                    }
                } else {
                    SearchIndex::default()
                };
                part.extend(range, &fields);
                part
            })
            .collect();
        let mut pieces = pieces.into_iter();
        let mut index = pieces.next().unwrap_or_default();
        for piece in pieces {
            index.append(&piece);
        }
        index
    }

    /// Appends the items of `other` after these, as one pass would have folded them.
    fn append(&mut self, other: &SearchIndex) {
        if self.text.len() + other.text.len() > MAX_TEXT {
            // As in `extend`: past 32-bit offsets the rest cannot be searched.
            let end = self.text.len() as u32;
            self.ends.extend(other.ends.iter().map(|_| end));
            return;
        }
        let shift = self.text.len() as u32;
        self.text.push_str(&other.text);
        self.ends.extend(other.ends.iter().map(|end| end + shift));
    }

    fn extend<'a, F, I>(&mut self, items: std::ops::Range<usize>, fields: &F)
    where
        F: Fn(usize) -> I,
        I: IntoIterator<Item = &'a str>,
    {
        self.ends.reserve(items.len());
        for i in items {
            let start = self.text.len();
            for field in fields(i) {
                fold_into(field, &mut self.text);
                // A separator no query word contains, so words never match across fields.
                self.text.push('\u{1}');
            }
            if self.text.len() > MAX_TEXT {
                // Past 32-bit offsets (a multi-GiB export): the rest cannot be searched,
                // but nothing breaks.
                self.text.truncate(start);
            }
            self.ends.push(self.text.len() as u32);
        }
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Gives every item the phrases `shared(i)` (ids into `phrases`), for
    /// [`SearchIndex::matcher`] to match besides its own text.
    pub fn with_phrases<'p>(
        mut self,
        phrases: impl Iterator<Item = &'p str>,
        shared: impl Fn(usize) -> [PhraseId; 2],
    ) -> Self {
        self.phrases = phrases.map(fold).collect();
        self.shared = (0..self.ends.len()).map(shared).collect();
        self
    }

    /// Gives the items the facts the filter terms read (dates, flags, message counts).
    pub fn with_facts(mut self, facts: Facts) -> Self {
        self.facts = facts;
        self
    }

    /// The facts, to change one (a History record's status).
    pub fn facts_mut(&mut self) -> &mut Facts {
        &mut self.facts
    }

    /// Whether this index can answer every term of `query` (see [`Facts::check`]).
    pub fn check(&self, query: &Query) -> Result<(), QueryError> {
        self.facts.check(&query.clauses)
    }

    /// A matcher for `query`: its words are looked up in each phrase once, here.
    pub fn matcher<'a>(&'a self, query: &'a Query) -> IndexMatcher<'a> {
        let matcher = query.matcher();
        let in_phrase = matcher
            .finders
            .iter()
            .map(|f| {
                self.phrases
                    .iter()
                    .map(|p| !p.is_empty() && f.find(p.as_bytes()).is_some())
                    .collect()
            })
            .collect();
        IndexMatcher {
            index: self,
            matcher,
            in_phrase,
            clauses: ClauseMatcher::new(&query.clauses, &self.phrases),
        }
    }

    /// Item `i`'s own folded text (its phrases aside).
    pub fn haystack(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }
}

#[cfg(test)]
mod differential_tests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_case_are_ignored() {
        assert_eq!(
            fold("José MÜLLER Łukasz Søren straße"),
            "jose muller lukasz soren strasse"
        );
    }

    #[test]
    fn fast_paths_fold_exactly_as_the_slow_path() {
        let fast = (0x80..0x530u32).chain(0x4E00..=0x9FFF);
        for c in fast.filter_map(char::from_u32) {
            let (mut quick, mut slow) = (String::new(), String::new());
            fold_char_into(c, &mut quick);
            fold_slow(c, &mut slow);
            assert_eq!(quick, slow, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn words_match_in_any_order_across_fields() {
        let index = SearchIndex::build(2, |i| {
            [
                ["José", "García", "Engineer", "Acme, Inc."],
                ["Ana", "Silva", "Banker", "Bank of America"],
            ][i]
        });
        let q = Query::parse("acme jose").unwrap();
        let m = q.matcher();
        assert!(m.matches(index.haystack(0)));
        assert!(!m.matches(index.haystack(1)));
        // Words never span two fields.
        assert!(
            !Query::parse("garciaeng")
                .unwrap()
                .matcher()
                .matches(index.haystack(0))
        );
    }

    #[test]
    fn an_index_built_in_parts_equals_one_built_in_one() {
        let names: Vec<String> = (0..101).map(|i| format!("Náme{i} Ünit")).collect();
        let fields = |i: usize| [names[i].as_str(), "Acme"];
        let one = SearchIndex::build(names.len(), fields);
        for parts in [1, 2, 3, 7, 101, 500] {
            let split = SearchIndex::build_in_parts(names.len(), 16, parts, fields);
            assert_eq!(split.len(), one.len(), "{parts} parts");
            for i in 0..names.len() {
                assert_eq!(
                    split.haystack(i),
                    one.haystack(i),
                    "{parts} parts, item {i}"
                );
            }
        }
        let two = SearchIndex::build_in_parts(names.len(), 16, 2, fields);
        assert_eq!(two.haystack(100), "name100 unit\u{1}acme\u{1}");
    }

    #[test]
    fn highlights_map_back_to_display_chars() {
        let q = Query::parse("jose gar").unwrap();
        assert_eq!(q.highlights("José García"), vec![0..4, 5..8]);
        assert_eq!(Query::parse("ss").unwrap().highlights("Straße"), vec![4..5]);
    }

    #[test]
    fn growing_a_query_narrows_it() {
        let q = Query::parse("jo").unwrap();
        assert!(q.is_narrowed_by(&Query::parse("jos").unwrap()));
        assert!(q.is_narrowed_by(&Query::parse("acme jos").unwrap()));
        assert!(!q.is_narrowed_by(&Query::parse("j").unwrap()));
    }
}
