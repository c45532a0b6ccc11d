//! Writes a realistic synthetic LinkedIn Connections.csv (invented people).
//!
//!     cargo run --release --example gen -- 1000000 big.csv [SEED]
//!
//! `heavy` for ROWS writes a heavy networker's history instead: busy seasons and one
//! address-book accident (see `synthetic::heavy_networker_dates`).

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(rows), Some(path)) = (args.next(), args.next()) else {
        eprintln!("usage: gen ROWS OUTPUT.csv [SEED]");
        std::process::exit(2);
    };
    if rows == "heavy" {
        let seed = args.next().and_then(|s| s.parse().ok()).unwrap_or(2013);
        let dates = unconnect::synthetic::heavy_networker_dates(seed);
        let n = dates.len();
        let text = unconnect::synthetic::connections_csv_on(dates, n, seed);
        if let Err(e) = std::fs::write(&path, &text) {
            eprintln!("gen: {path}: {e}");
            std::process::exit(2);
        }
        eprintln!("wrote a heavy networker's {n} rows to {path}");
        return;
    }
    let Ok(rows) = rows.parse::<usize>() else {
        eprintln!("gen: ROWS must be a number, not {rows:?}");
        std::process::exit(2);
    };
    let seed = args.next().and_then(|s| s.parse().ok()).unwrap_or(2013);
    let text = unconnect::synthetic::connections_csv(rows, seed);
    if let Err(e) = std::fs::write(&path, &text) {
        eprintln!("gen: {path}: {e}");
        std::process::exit(2);
    }
    eprintln!("wrote {rows} rows, {} bytes, to {path}", text.len());
}
