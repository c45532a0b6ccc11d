//! The layers point one way. Each top-level module of `src/` has a rank; a module may use
//! only modules of a lower rank (so two layers never import each other, and there is no
//! cycle), and `model` uses nothing outside itself. The README's Architecture section
//! explains the layers.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Lower first. Modules of equal rank are siblings and must not use each other.
const RANKS: &[(&str, u8)] = &[
    ("error", 0),
    ("model", 1),
    ("import", 2),
    ("store", 2),
    ("session", 3),
    // Generated exports for benchmarks and examples; its tests read them back.
    ("synthetic", 3),
    ("app", 4),
    ("ui", 5),
    ("runtime", 6),
    ("config", 6),
    ("cli", 7),
    ("commands", 8),
];

fn rank(module: &str) -> Option<u8> {
    RANKS.iter().find(|(m, _)| *m == module).map(|(_, r)| *r)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level modules a source text names through `crate::`, including those inside
/// a `use crate::{…}` group that rustfmt wrapped over several lines.
fn uses(text: &str) -> BTreeSet<String> {
    // Line comments out first, then the whole text at once: a group may span lines.
    let code: String = text
        .lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n");
    let mut found = BTreeSet::new();
    let mut rest = code.as_str();
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        let names: Vec<&str> = if let Some(group) = rest.strip_prefix('{') {
            top_level_items(group)
        } else {
            vec![rest]
        };
        for name in names {
            let name: String = name
                .trim()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                found.insert(name);
            }
        }
    }
    found
}

/// The items of a `{…}` group up to its closing brace, split at the commas of its own
/// level: `model::{A, B}, store::C}` gives `model::{A, B}` and `store::C`.
fn top_level_items(group: &str) -> Vec<&str> {
    let mut items = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                items.push(&group[start..i]);
                return items;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&group[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(&group[start..]);
    items
}

/// `(file, its module, a module it uses)` for every use that breaks the layering.
fn violations(src: &Path) -> Vec<(PathBuf, String, String)> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut bad = Vec::new();
    for file in files {
        let rel = file.strip_prefix(src).unwrap();
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let module = first.trim_end_matches(".rs").to_string();
        // The crate root and the binary assemble every layer.
        let Some(own) = rank(&module) else { continue };
        let text = std::fs::read_to_string(&file).unwrap();
        for used in uses(&text) {
            if used == module {
                continue;
            }
            let ok = match rank(&used) {
                _ if module == "model" => false,
                Some(r) => r < own,
                None => true, // std paths like crate::VERSION are not modules
            };
            if !ok {
                bad.push((rel.to_path_buf(), module.clone(), used));
            }
        }
    }
    bad
}

#[test]
fn every_layer_uses_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let bad = violations(&src);
    assert!(
        bad.is_empty(),
        "layering broken (file, layer, uses): {bad:#?}"
    );
}

#[test]
fn the_check_notices_an_upward_or_sideways_use() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    std::fs::create_dir_all(src.join("model")).unwrap();
    std::fs::create_dir_all(src.join("import")).unwrap();
    std::fs::write(src.join("model/x.rs"), "use crate::import::url;\n").unwrap();
    std::fs::write(
        src.join("import/y.rs"),
        "use crate::{model::People, store::StoreError};\n// crate::ui in a comment is fine\n",
    )
    .unwrap();
    std::fs::write(src.join("app.rs"), "use crate::model::People;\n").unwrap();
    // As rustfmt wraps a long group: the sideways use is on a line of its own.
    std::fs::write(
        src.join("import/z.rs"),
        "use crate::{\n    model::{People, Person},\n    session::Loaded,\n};\n",
    )
    .unwrap();
    let mut found: Vec<(String, String)> = violations(src)
        .into_iter()
        .map(|(_, m, u)| (m, u))
        .collect();
    found.sort();
    assert_eq!(
        found,
        vec![
            ("import".into(), "session".into()),
            ("import".into(), "store".into()),
            ("model".into(), "import".into())
        ]
    );
}
