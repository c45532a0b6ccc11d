//! Writing many JSON lines fast: a million staged people or journal entries are ~300 MB
//! of JSON. Serialising is the cost, so it runs on every core (rayon), a chunk each at a
//! time, and the chunks are written in order: memory stays bounded by a chunk a core.

use std::io::{self, Write};

use rayon::prelude::*;
use serde::Serialize;

/// Serialises one value into `buf`, for [`write()`].
pub fn json<S: Serialize>(buf: &mut Vec<u8>, value: &S) -> serde_json::Result<()> {
    serde_json::to_writer(buf, value)
}

/// Items per chunk: about 10 MB of JSON.
const CHUNK: usize = 1 << 15;

/// Writes every item as one line of JSON, in order; `json` serialises one item.
pub fn write<T: Sync>(
    out: &mut dyn Write,
    items: &[T],
    json: impl Fn(&mut Vec<u8>, &T) -> serde_json::Result<()> + Sync,
) -> io::Result<()> {
    let encode = |chunk: &[T]| -> io::Result<Vec<u8>> {
        let mut buf = Vec::with_capacity(chunk.len() * 320);
        for item in chunk {
            json(&mut buf, item)?;
            buf.push(b'\n');
        }
        Ok(buf)
    };
    // As many chunks at once as the machine has cores (rayon), written in order: the
    // memory held is a chunk's text per core, whatever the number of items.
    let window = CHUNK * rayon::current_num_threads().max(1);
    for part in items.chunks(window) {
        let encoded: Vec<io::Result<Vec<u8>>> = part.par_chunks(CHUNK).map(encode).collect();
        for buf in encoded {
            out.write_all(&buf?)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn lines_come_out_in_order_across_chunks_and_threads() {
        let items: Vec<u32> = (0..(super::CHUNK as u32 * 3 + 7)).collect();
        let mut out = Vec::new();
        super::write(&mut out, &items, super::json).unwrap();
        let text = String::from_utf8(out).unwrap();
        let read: Vec<u32> = text.lines().map(|l| l.parse().unwrap()).collect();
        assert_eq!(read, items);
    }
}
