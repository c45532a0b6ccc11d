//! `TextTable` (`hashbrown::HashTable` hashed by `foldhash`) against the hand-written
//! table it replaced (a seeded 8-bytes-at-a-time hash into std's `HashMap` of hashes),
//! and `hashbrown` with that hand-written hash (which half made the difference), on the
//! keys an import hashes: profile URLs and identities (nearly all distinct), companies and
//! positions (a few hundred distinct, repeated), from a generated million-row export.
//! Each iteration dedupes every key of the column, as the import does.
//!
//!     cargo bench --bench hash

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap here is a failed test or a tool's clear stop

use std::hash::BuildHasher;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use unconnect::model::hash::TextTable;

/// The columns of a generated export: URL, identity, company, position.
fn columns(rows: usize) -> [(&'static str, Vec<String>); 4] {
    let text = unconnect::synthetic::connections_csv(rows, 2013);
    let header = text.find("First Name,").expect("a header");
    let mut reader = csv::ReaderBuilder::new().from_reader(&text.as_bytes()[header..]);
    let (mut urls, mut ids, mut companies, mut positions) = (vec![], vec![], vec![], vec![]);
    for record in reader.records() {
        let r = record.expect("a row");
        let date = r[6].parse::<chrono::NaiveDate>().ok();
        let identity =
            unconnect::model::Identity::of_person([&r[0], &r[1], &r[2], &r[3], &r[4], &r[5]], date);
        urls.push(r[2].to_owned());
        ids.push(identity.to_string());
        companies.push(r[4].to_owned());
        positions.push(r[5].to_owned());
    }
    [
        ("urls", urls),
        ("identities", ids),
        ("companies", companies),
        ("positions", positions),
    ]
}

/// What a table found: how many keys were already there.
fn dedupe_text_table(keys: &[String]) -> usize {
    let mut table = TextTable::with_capacity(keys.len());
    let mut twins = 0;
    for (i, key) in keys.iter().enumerate() {
        let holds = |id: u32| keys[id as usize] == *key;
        twins += usize::from(table.find_or_insert(key, holds, i as u32).is_some());
    }
    twins
}

/// The hand-written table `TextTable` was before: the hash as the key of std's map
/// (passed through), a different text with the same hash probing onwards.
fn dedupe_hand_written(keys: &[String]) -> usize {
    use std::collections::hash_map::Entry;
    let seed = std::hash::RandomState::new().hash_one(keys.len());
    let mut slots: std::collections::HashMap<u64, u32, std::hash::BuildHasherDefault<PassThrough>> =
        std::collections::HashMap::with_capacity_and_hasher(
            keys.len(),
            std::hash::BuildHasherDefault::default(),
        );
    let mut twins = 0;
    for (i, key) in keys.iter().enumerate() {
        let mut hash = mix_hash(seed, key.as_bytes());
        loop {
            match slots.entry(hash) {
                Entry::Vacant(slot) => {
                    slot.insert(i as u32);
                    break;
                }
                Entry::Occupied(slot) if keys[*slot.get() as usize] == *key => {
                    twins += 1;
                    break;
                }
                Entry::Occupied(_) => hash = hash.wrapping_add(1),
            }
        }
    }
    twins
}

#[derive(Default)]
struct PassThrough(u64);

impl std::hash::Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// `hashbrown::HashTable` with the hand-written hash: which half makes the difference.
fn dedupe_hashbrown_mix(keys: &[String]) -> usize {
    let seed = std::hash::RandomState::new().hash_one(keys.len());
    let mut table: hashbrown::HashTable<(u64, u32)> =
        hashbrown::HashTable::with_capacity(keys.len());
    let mut twins = 0;
    for (i, key) in keys.iter().enumerate() {
        let hash = mix_hash(seed, key.as_bytes());
        let holds = |&(h, id): &(u64, u32)| h == hash && keys[id as usize] == *key;
        match table.entry(hash, holds, |&(h, _)| h) {
            hashbrown::hash_table::Entry::Occupied(_) => twins += 1,
            hashbrown::hash_table::Entry::Vacant(slot) => {
                slot.insert((hash, i as u32));
            }
        }
    }
    twins
}

/// The hand-written hash `TextTable` used.
fn mix_hash(seed: u64, bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = seed ^ (bytes.len() as u64).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = (h ^ u64::from_le_bytes(word))
            .wrapping_mul(K)
            .rotate_left(29);
    }
    let mut tail = [0u8; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    h = (h ^ u64::from_le_bytes(tail)).wrapping_mul(K);
    h ^ (h >> 32)
}

fn bench(c: &mut Criterion) {
    let rows = 1_000_000;
    let mut group = c.benchmark_group("dedupe 1M");
    group.sample_size(10);
    for (name, keys) in columns(rows) {
        let twins = dedupe_text_table(&keys);
        assert_eq!(twins, dedupe_hand_written(&keys), "{name}");
        assert_eq!(twins, dedupe_hashbrown_mix(&keys), "{name}");
        group.bench_with_input(
            BenchmarkId::new("TextTable (hashbrown+foldhash)", name),
            &keys,
            |b, k| b.iter(|| dedupe_text_table(k)),
        );
        group.bench_with_input(BenchmarkId::new("hand-written", name), &keys, |b, k| {
            b.iter(|| dedupe_hand_written(k));
        });
        group.bench_with_input(BenchmarkId::new("hashbrown+mix", name), &keys, |b, k| {
            b.iter(|| dedupe_hashbrown_mix(k));
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
