//! The layer order `src/lib.rs` states, enforced: a module names (`crate::…`, in code or in
//! a doc link) only modules of its own layer or of a layer below it, and the two modules of
//! the layer under the commands (`pipeline`, `ab`) do not name each other.
//!
//! A text scan rather than a compiler check: Rust has no module visibility that says "only
//! from above", and the scan is what a reviewer would do by hand.

use std::path::{Path, PathBuf};

/// Every top-level module and its layer, bottom 0; one number, one layer.
const LAYERS: [(&str, u32); 10] = [
    ("vocabulary", 0),
    ("rng", 0),
    ("gomap", 1),
    ("concurrent", 2),
    ("contenders", 3),
    ("results", 4),
    ("harness", 5),
    ("pipeline", 6),
    ("ab", 6),
    ("commands", 7),
];

fn layer(module: &str) -> Option<u32> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|&(_, l)| l)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The top-level modules a file's text names as `crate::NAME`.
fn named(text: &str) -> Vec<&str> {
    text.match_indices("crate::")
        .filter(|&(i, _)| {
            // Not the end of a longer name (`$crate::` in a macro, `my_crate::`).
            !text[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$')
        })
        .map(|(i, m)| {
            let rest = &text[i + m.len()..];
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .collect()
}

#[test]
fn every_module_names_only_its_own_layer_or_those_below() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut wrong = Vec::new();
    for f in &files {
        let rel = f.strip_prefix(&src).unwrap();
        let top = rel.iter().next().unwrap().to_str().unwrap();
        let Some(own) = layer(top.trim_end_matches(".rs")) else {
            continue; // lib.rs, main.rs
        };
        let own_name = top.trim_end_matches(".rs");
        let text = std::fs::read_to_string(f).unwrap();
        for m in named(&text) {
            let Some(theirs) = layer(m) else { continue };
            if theirs > own || (theirs == own && m != own_name) {
                wrong.push(format!("{} names crate::{m}", rel.display()));
            }
        }
    }
    wrong.sort();
    wrong.dedup();
    assert!(
        wrong.is_empty(),
        "imports against the layer order of src/lib.rs:\n{}",
        wrong.join("\n")
    );
}
