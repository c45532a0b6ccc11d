//! Everyone in the export, stored as one text arena plus fixed-size rows of offsets.
//!
//! A 30,000-connection export is ~4 MB and a merged agency export can reach a million rows;
//! one allocation per field would cost more time and memory than the parse itself.

use chrono::NaiveDate;

use super::person::Person;
use super::phrases::{PhraseId, Phrases};
use super::profile_url::is_percent_encoding_of;
pub use super::profile_url::{ProfileUrl, WrittenUrl};

/// Index of a person in [`People`]; stable for the life of a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PersonId(pub u32);

impl PersonId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// The six text fields of a connection, in LinkedIn's column order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    FirstName,
    LastName,
    Url,
    Email,
    Company,
    Position,
}

impl Field {
    pub const ALL: [Field; 6] = [
        Field::FirstName,
        Field::LastName,
        Field::Url,
        Field::Email,
        Field::Company,
        Field::Position,
    ];
}

/// Fields stored as text per person (the rest are [`Phrases`]): the names, the URL, the
/// email, and the URL as the export wrote it when that differs from the normalised one.
const OWN: usize = 5;
/// Where the URL as written sits among a row's own fields.
const WRITTEN_URL: usize = 4;

/// A person's own fields (names, URL, email, URL as written when it is neither the
/// normalised URL nor its percent-encoding) lie one after another in the arena: `start`,
/// then where each ends. Company and position are shared phrases. 36 bytes a row.
#[derive(Debug, Clone, Copy)]
struct Row {
    start: u32,
    ends: [u32; OWN],
    /// The company's phrase id, and in the top bit [`ENCODED_FLAG`].
    company: PhraseId,
    /// The position's phrase id, and in the top bit [`LINKEDIN_IN_FLAG`].
    position: PhraseId,
    connected_on: Option<NaiveDate>,
}

/// The stored URL lacks LinkedIn's own prefix, [`ProfileUrl::LINKEDIN_IN`].
const LINKEDIN_IN_FLAG: u32 = 1 << 31;
/// The export wrote the URL percent-encoded (`jos%C3%A9`), as Connections.csv does every
/// non-ASCII slug: rebuilt when asked for rather than stored a second time.
const ENCODED_FLAG: u32 = 1 << 31;

impl Row {
    fn span(&self, i: usize) -> (usize, usize) {
        let start = if i == 0 { self.start } else { self.ends[i - 1] };
        (start as usize, self.ends[i] as usize)
    }

    fn position(&self) -> PhraseId {
        self.position & !LINKEDIN_IN_FLAG
    }

    fn company(&self) -> PhraseId {
        self.company & !ENCODED_FLAG
    }

    fn set_company(&mut self, id: PhraseId) {
        self.company = (self.company & ENCODED_FLAG) | id;
    }

    fn url_is_encoded(&self) -> bool {
        self.company & ENCODED_FLAG != 0
    }

    fn set_position(&mut self, id: PhraseId) {
        self.position = (self.position & LINKEDIN_IN_FLAG) | id;
    }

    fn url_is_linkedin_in(&self) -> bool {
        self.position & LINKEDIN_IN_FLAG != 0
    }
}

/// The arena would overflow its 32-bit offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArenaFull;

#[derive(Debug, Default, Clone)]
pub struct People {
    text: String,
    rows: Vec<Row>,
    phrases: Phrases,
}

impl People {
    pub fn with_capacity(text_bytes: usize, rows: usize) -> Self {
        Self {
            text: String::with_capacity(text_bytes),
            rows: Vec::with_capacity(rows),
            phrases: Phrases::default(),
        }
    }

    /// The companies and positions, each once.
    pub fn phrases(&self) -> &Phrases {
        &self.phrases
    }

    /// The company's and the position's phrase ids of a person.
    pub fn phrase_ids(&self, id: PersonId) -> [PhraseId; 2] {
        let row = &self.rows[id.index()];
        [row.company(), row.position()]
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn ids(&self) -> impl ExactSizeIterator<Item = PersonId> + use<> {
        (0..self.rows.len() as u32).map(PersonId)
    }

    /// Appends a person; fields in [`Field::ALL`] order, the URL normalised.
    pub fn push(
        &mut self,
        fields: [&str; 6],
        connected_on: Option<NaiveDate>,
    ) -> Result<PersonId, ArenaFull> {
        self.push_written(fields, "", connected_on)
    }

    /// [`People::push`], with the URL as the export wrote it (kept only if it differs).
    pub fn push_written(
        &mut self,
        fields: [&str; 6],
        url_as_written: &str,
        connected_on: Option<NaiveDate>,
    ) -> Result<PersonId, ArenaFull> {
        let url = fields[Field::Url as usize];
        let written = if url_as_written == url {
            WrittenUrl::AsNormalised
        } else if is_percent_encoding_of(url_as_written, url) {
            WrittenUrl::PercentEncoded
        } else {
            WrittenUrl::Text(url_as_written)
        };
        self.push_spelled(fields, written, connected_on)
    }

    /// [`People::push`], with how the export wrote the URL already known (the import
    /// knows it from normalising).
    pub fn push_spelled(
        &mut self,
        fields: [&str; 6],
        written: WrittenUrl<'_>,
        connected_on: Option<NaiveDate>,
    ) -> Result<PersonId, ArenaFull> {
        let id = u32::try_from(self.rows.len()).map_err(|_| ArenaFull)?;
        let [first, last, url, email, company, position] = fields;
        let encoded = written == WrittenUrl::PercentEncoded;
        let written = match written {
            WrittenUrl::Text(text) => text,
            _ => "",
        };
        let url = ProfileUrl::split(url);
        let (start, ends) = self.store([first, last, url.rest, email, written])?;
        let company = self.phrases.intern(company).map_err(|_| ArenaFull)?;
        let position = self.phrases.intern(position).map_err(|_| ArenaFull)?;
        let flag = if url.linkedin_in { LINKEDIN_IN_FLAG } else { 0 };
        self.rows.push(Row {
            start,
            ends,
            company: company | if encoded { ENCODED_FLAG } else { 0 },
            position: position | flag,
            connected_on,
        });
        Ok(PersonId(id))
    }

    pub fn push_person(&mut self, p: &Person) -> Result<PersonId, ArenaFull> {
        self.push_written(
            [
                &p.first_name,
                &p.last_name,
                &p.url,
                &p.email,
                &p.company,
                &p.position,
            ],
            &p.url_as_written,
            p.connected_on,
        )
    }

    /// Sets a person's date (once the file's date order is known).
    pub fn set_connected_on(&mut self, id: PersonId, connected_on: Option<NaiveDate>) {
        self.rows[id.index()].connected_on = connected_on;
    }

    /// Fills the empty fields of `id` from a duplicate row (the same person): merging
    /// keeps everything known. `url_as_written` comes with the URL when that is filled.
    pub fn fill_missing(
        &mut self,
        id: PersonId,
        fields: [&str; 6],
        url_as_written: &str,
        connected_on: Option<NaiveDate>,
    ) -> Result<(), ArenaFull> {
        let person = self.get(id);
        let current = [person.first_name, person.last_name, "", person.email];
        let url_fills = person.url.is_empty() && !fields[2].is_empty();
        let encoded = url_fills && is_percent_encoding_of(url_as_written, fields[2]);
        let fills = |i: usize| {
            if i == Field::Url as usize || i == WRITTEN_URL {
                url_fills
            } else {
                current[i].is_empty() && !fields[i].is_empty()
            }
        };
        if (0..OWN).any(fills) {
            // Rare (a duplicate that knows more): store the merged row anew, at the end.
            let row = self.rows[id.index()];
            let url = if url_fills {
                ProfileUrl::split(fields[2])
            } else {
                self.get(id).url
            };
            let merged: [String; OWN] = std::array::from_fn(|i| {
                if i == Field::Url as usize {
                    url.rest.to_owned()
                } else if i == WRITTEN_URL && url_fills {
                    if url_as_written == fields[2] || encoded {
                        String::new()
                    } else {
                        url_as_written.to_owned()
                    }
                } else if fills(i) {
                    fields[i].to_owned()
                } else {
                    let (start, end) = row.span(i);
                    self.text[start..end].to_owned()
                }
            });
            let linkedin_in = url.linkedin_in;
            let (start, ends) = self.store(merged.each_ref().map(String::as_str))?;
            let row = &mut self.rows[id.index()];
            row.start = start;
            row.ends = ends;
            if url_fills {
                row.company = row.company() | if encoded { ENCODED_FLAG } else { 0 };
            }
            row.position = row.position() | if linkedin_in { LINKEDIN_IN_FLAG } else { 0 };
        }
        let company = self.phrases.intern(fields[4]).map_err(|_| ArenaFull)?;
        let position = self.phrases.intern(fields[5]).map_err(|_| ArenaFull)?;
        let row = &mut self.rows[id.index()];
        if row.company() == 0 {
            row.set_company(company);
        }
        if row.position() == 0 {
            row.set_position(position);
        }
        if row.connected_on.is_none() {
            row.connected_on = connected_on;
        }
        Ok(())
    }

    /// Keeps only the people for whom `keep(index)` holds (repeats merged into an earlier
    /// person): later ids move down. Their text stays in the arena; repeats are few.
    pub fn retain(&mut self, keep: impl Fn(usize) -> bool) {
        let mut index = 0;
        self.rows.retain(|_| {
            index += 1;
            keep(index - 1)
        });
    }

    /// Appends the people of `other` (the second half of a file parsed in two; repeats
    /// are dropped afterwards, by [`People::retain`]).
    pub fn append(&mut self, other: People) -> Result<(), ArenaFull> {
        let shift = u32::try_from(self.text.len()).map_err(|_| ArenaFull)?;
        u32::try_from(self.text.len() + other.text.len()).map_err(|_| ArenaFull)?;
        u32::try_from(self.rows.len() + other.rows.len()).map_err(|_| ArenaFull)?;
        self.text.push_str(&other.text);
        let phrase_ids = other
            .phrases
            .iter()
            .map(|p| self.phrases.intern(p))
            .collect::<Result<Vec<PhraseId>, _>>()
            .map_err(|_| ArenaFull)?;
        self.rows.extend(other.rows.iter().map(|row| Row {
            start: row.start + shift,
            ends: row.ends.map(|end| end + shift),
            company: phrase_ids[row.company() as usize] | (row.company & ENCODED_FLAG),
            position: phrase_ids[row.position() as usize] | (row.position & LINKEDIN_IN_FLAG),
            connected_on: row.connected_on,
        }));
        Ok(())
    }

    fn store(&mut self, fields: [&str; OWN]) -> Result<(u32, [u32; OWN]), ArenaFull> {
        let offset = |len: usize| u32::try_from(len).map_err(|_| ArenaFull);
        let start = offset(self.text.len())?;
        let total: usize = fields.iter().map(|f| f.len()).sum();
        offset(self.text.len() + total)?;
        let mut ends = [0; OWN];
        for (end, field) in ends.iter_mut().zip(fields) {
            self.text.push_str(field);
            *end = self.text.len() as u32;
        }
        Ok((start, ends))
    }

    /// A field's text. For [`Field::Url`] that is the stored form, without LinkedIn's
    /// prefix: [`People::get`] gives the whole URL.
    pub fn field(&self, id: PersonId, field: Field) -> &str {
        let row = &self.rows[id.index()];
        match field {
            Field::Company => self.phrases.get(row.company()),
            Field::Position => self.phrases.get(row.position()),
            _ => {
                let (start, end) = row.span(field as usize);
                &self.text[start..end]
            }
        }
    }

    /// A person's normalised URL (see [`PersonRef::url`]), without the rest of the row.
    pub fn url(&self, id: PersonId) -> ProfileUrl<'_> {
        ProfileUrl {
            linkedin_in: self.rows[id.index()].url_is_linkedin_in(),
            rest: self.field(id, Field::Url),
        }
    }

    pub fn connected_on(&self, id: PersonId) -> Option<NaiveDate> {
        self.rows[id.index()].connected_on
    }

    pub fn get(&self, id: PersonId) -> PersonRef<'_> {
        PersonRef {
            first_name: self.field(id, Field::FirstName),
            last_name: self.field(id, Field::LastName),
            url: ProfileUrl {
                linkedin_in: self.rows[id.index()].url_is_linkedin_in(),
                rest: self.field(id, Field::Url),
            },
            written: {
                let row = &self.rows[id.index()];
                let (start, end) = row.span(WRITTEN_URL);
                if row.url_is_encoded() {
                    WrittenUrl::PercentEncoded
                } else if start == end {
                    WrittenUrl::AsNormalised
                } else {
                    WrittenUrl::Text(&self.text[start..end])
                }
            },
            email: self.field(id, Field::Email),
            company: self.field(id, Field::Company),
            position: self.field(id, Field::Position),
            connected_on: self.connected_on(id),
        }
    }

    /// Bytes of text held: an upper bound, in practice, for derived text such as the
    /// folded search index.
    pub fn text_len(&self) -> usize {
        self.text.len()
    }

    /// Bytes held by the arena and rows, for memory reports.
    pub fn heap_bytes(&self) -> usize {
        self.text.capacity()
            + self.rows.capacity() * std::mem::size_of::<Row>()
            + self.phrases.heap_bytes()
    }
}

impl FromIterator<Person> for People {
    /// For tests and small tools; panics only if the arena passes 4 GiB.
    #[allow(clippy::expect_used)] // collecting is infallible by signature; the import uses push_person
    fn from_iter<I: IntoIterator<Item = Person>>(iter: I) -> Self {
        let mut people = People::default();
        for p in iter {
            people
                .push_person(&p)
                .expect("test data fits in a 4 GiB arena");
        }
        people
    }
}

mod person_ref;

pub use person_ref::PersonRef;

#[cfg(test)]
mod tests;
