//! Whatever bytes a user hands us, loading ends in Ok or a clean error, never a panic.

use std::fs;

use proptest::prelude::*;

const HEADER: &str = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";

fn load_bytes(bytes: &[u8], name: &str) -> Result<(), String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    fs::write(&path, bytes).unwrap();
    match unconnect::import::load(&path) {
        Ok(e) => {
            // Whatever loaded is usable: every person can be read back.
            for id in e.people.ids() {
                let _ = e.people.get(id).identity();
            }
            Ok(())
        }
        Err(e) => {
            let text = e.to_string();
            prop_assert_no_newline(&text)
        }
    }
}

fn prop_assert_no_newline(text: &str) -> Result<(), String> {
    if text.contains('\n') {
        Err(format!("multi-line error: {text}"))
    } else {
        Ok(())
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_bytes_as_a_csv(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        load_bytes(&bytes, "Connections.csv").map_err(TestCaseError::fail)?;
    }

    #[test]
    fn any_bytes_as_a_zip(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        load_bytes(&bytes, "export.zip").map_err(TestCaseError::fail)?;
    }

    #[test]
    fn any_rows_after_a_real_header(body in "[a-zA-Z0-9,\"\r\n é%/:.-]{0,400}") {
        let text = format!("{HEADER}{body}");
        load_bytes(text.as_bytes(), "Connections.csv").map_err(TestCaseError::fail)?;
    }

    #[test]
    fn mutations_of_a_real_file(
        flips in proptest::collection::vec((0usize..2000, any::<u8>()), 1..8)
    ) {
        let mut bytes = fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/current.csv")).unwrap();
        for (at, b) in flips {
            let i = at % bytes.len();
            bytes[i] = b;
        }
        load_bytes(&bytes, "Connections.csv").map_err(TestCaseError::fail)?;
    }
}
