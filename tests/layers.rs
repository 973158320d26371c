//! The layer order as a test: `src/lib.rs` states the layers in a `text` block under its
//! "Layers" heading, and this test reads that very block, then every file under `src/`,
//! and fails on any path to a module of a higher layer (or of a sibling on the same line),
//! on a file that no layer names, and on an import circle between layers.
//!
//! What counts as an import: every `crate::…`, `super::…` and `self::…` path in code (a
//! `use`, or a path written inline), with `{…}` groups expanded; comments and string
//! literals are skipped, so a doc link to a higher layer is allowed (it is prose, not a
//! dependency). `main.rs` (the binary) is above every layer and speaks `gomap_bench::…`.
//!
//! The checker is a pure function of (file path, text) pairs, so `a_planted_violation_is_caught`
//! can show it failing on a tree with one wrong import.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// One layer: its modules (paths below the crate root, e.g. `harness::suites`). Index 0 is
/// the top.
type Layers = Vec<Vec<Vec<String>>>;

/// The `text` block after the "# Layers" heading of lib.rs' crate docs.
fn layers_of(lib_rs: &str) -> Layers {
    let docs: Vec<&str> = lib_rs
        .lines()
        .filter_map(|l| l.strip_prefix("//!"))
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect();
    let heading = docs
        .iter()
        .position(|l| l.trim() == "# Layers")
        .expect("lib.rs has a `# Layers` heading");
    let open = heading
        + docs[heading..]
            .iter()
            .position(|l| l.trim() == "```text")
            .expect("a ```text block under # Layers");
    let close = open
        + 1
        + docs[open + 1..]
            .iter()
            .position(|l| l.trim() == "```")
            .expect("the block is closed");
    docs[open + 1..close]
        .iter()
        .map(|line| {
            line.split('|')
                .map(|m| m.trim().split("::").map(str::to_string).collect())
                .collect()
        })
        .collect()
}

/// The module path of a file under `src/`: `harness/measuring/groups.rs` →
/// `[harness, measuring, groups]`, `x/mod.rs` → `[x]`, `lib.rs` → `[]`.
fn module_of(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().unwrap();
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" && stem != "lib" {
        parts.push(stem.to_string());
    }
    parts
}

/// `(layer index, which module of that line)` of a module path: the longest module a
/// layer names that is a prefix of it.
fn layer_of(layers: &Layers, module: &[String]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize, usize)> = None;
    for (i, line) in layers.iter().enumerate() {
        for (j, m) in line.iter().enumerate() {
            if module.len() >= m.len()
                && module[..m.len()] == m[..]
                && best.is_none_or(|b| m.len() > b.2)
            {
                best = Some((i, j, m.len()));
            }
        }
    }
    best.map(|(i, j, _)| (i, j))
}

/// Whether `module` is a strict prefix of a module some layer names (`harness`).
fn is_container(layers: &Layers, module: &[String]) -> bool {
    layers
        .iter()
        .flatten()
        .any(|m| m.len() > module.len() && m[..module.len()] == module[..])
}

/// The text with comments and string and char literals blanked out (replaced by spaces,
/// so that byte offsets and line numbers stay).
fn code_only(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = b.to_vec();
    let mut i = 0;
    let blank = |out: &mut Vec<u8>, from: usize, to: usize| {
        for c in &mut out[from..to] {
            if *c != b'\n' {
                *c = b' ';
            }
        }
    };
    while i < b.len() {
        if b[i..].starts_with(b"//") {
            let end = b[i..]
                .iter()
                .position(|&c| c == b'\n')
                .map_or(b.len(), |p| i + p);
            blank(&mut out, i, end);
            i = end;
        } else if b[i..].starts_with(b"/*") {
            let end = text[i + 2..].find("*/").map_or(b.len(), |p| i + 2 + p + 2);
            blank(&mut out, i, end);
            i = end;
        } else if b[i] == b'r'
            && (b[i + 1..].starts_with(b"\"") || b[i + 1..].starts_with(b"#"))
            && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_'))
        {
            // A raw string: r"…", r#"…"#.
            let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
            if b.get(i + 1 + hashes) != Some(&b'"') {
                i += 1;
                continue;
            }
            let closing = format!("\"{}", "#".repeat(hashes));
            let start = i + 2 + hashes;
            let end = text[start..]
                .find(&closing)
                .map_or(b.len(), |p| start + p + closing.len());
            blank(&mut out, i, end);
            i = end;
        } else if b[i] == b'"' {
            let mut j = i + 1;
            while j < b.len() && b[j] != b'"' {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            blank(&mut out, i, (j + 1).min(b.len()));
            i = j + 1;
        } else if b[i] == b'\'' {
            // A char literal ('x', '\n', '\''), not a lifetime ('a).
            let len = if b.get(i + 1) == Some(&b'\\') {
                b[i + 2..].iter().position(|&c| c == b'\'').map(|p| p + 3)
            } else {
                let ch = text[i + 1..].chars().next().map_or(1, char::len_utf8);
                (b.get(i + 1 + ch) == Some(&b'\'')).then_some(ch + 2)
            };
            match len {
                Some(n) => {
                    blank(&mut out, i, i + n);
                    i += n;
                }
                None => i += 1,
            }
        } else {
            i += 1;
        }
    }
    String::from_utf8(out).expect("only ASCII was replaced")
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// Every path that starts at `root` (`crate`, `super`, `self`, `gomap_bench`) in `code`,
/// as its segments after the root (`super` kept as a segment), with `{…}` groups expanded
/// one path per item, and the line it is on.
fn paths(code: &str, root: &str) -> Vec<(Vec<String>, usize)> {
    let b = code.as_bytes();
    let mut found = Vec::new();
    let pat = format!("{root}::");
    let mut from = 0;
    while let Some(p) = code[from..].find(&pat) {
        let at = from + p;
        from = at + pat.len();
        if at > 0 && (is_ident(b[at - 1]) || b[at - 1] == b':') {
            continue; // `foo_crate::`, `x::super::` (handled from its own root)
        }
        let line = code[..at].matches('\n').count() + 1;
        for segs in expand(code, at + pat.len()) {
            found.push((segs, line));
        }
    }
    found
}

/// The paths written at `i`: `a::b::c`, or `a::{b, c::d}` expanded.
fn expand(code: &str, mut i: usize) -> Vec<Vec<String>> {
    let b = code.as_bytes();
    let mut segs = Vec::new();
    loop {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i < b.len() && b[i] == b'{' {
            let mut depth = 0;
            let mut start = i + 1;
            let mut out = Vec::new();
            let mut j = i;
            while j < b.len() {
                match b[j] {
                    b'{' => depth += 1,
                    b'}' => {
                        depth -= 1;
                        if depth == 0 {
                            for tail in expand_item(code, start, j) {
                                out.push([segs.clone(), tail].concat());
                            }
                            break;
                        }
                    }
                    b',' if depth == 1 => {
                        for tail in expand_item(code, start, j) {
                            out.push([segs.clone(), tail].concat());
                        }
                        start = j + 1;
                    }
                    _ => {}
                }
                j += 1;
            }
            return out;
        }
        let s = i;
        while i < b.len() && is_ident(b[i]) {
            i += 1;
        }
        if s == i {
            return vec![segs];
        }
        segs.push(code[s..i].to_string());
        if code[i..].starts_with("::") {
            i += 2;
        } else {
            return vec![segs];
        }
    }
}

fn expand_item(code: &str, start: usize, end: usize) -> Vec<Vec<String>> {
    let item = &code[start..end];
    if item.trim().is_empty() {
        return Vec::new();
    }
    // Expand within a copy that ends where the item ends.
    let sub = format!("{item} ");
    expand(&sub, 0)
}

/// Every broken rule in `files` (paths relative to `src/`, and their text), one line each.
fn violations(lib_rs: &str, files: &[(PathBuf, String)]) -> Vec<String> {
    let layers = layers_of(lib_rs);
    let mut out = Vec::new();
    // (from layer, to layer) edges, for the circle check.
    let mut edges: BTreeMap<(usize, usize), BTreeSet<(usize, usize)>> = BTreeMap::new();
    for (rel, text) in files {
        let module = module_of(rel);
        let is_bin = rel == Path::new("main.rs");
        if module.is_empty() && !is_bin {
            continue; // lib.rs declares the layers; main.rs is above them all
        }
        let here = if is_bin {
            None
        } else {
            match layer_of(&layers, &module) {
                Some(l) => Some(l),
                // A module that only holds layers (`harness`, whose rooms are layers of
                // their own) declares them and nothing else.
                None if is_container(&layers, &module) => continue,
                None => {
                    out.push(format!(
                        "{}: module `{}` is in no layer of lib.rs",
                        rel.display(),
                        module.join("::")
                    ));
                    continue;
                }
            }
        };
        let code = code_only(text);
        let root = if is_bin { "gomap_bench" } else { "crate" };
        let mut targets = paths(&code, root);
        if !is_bin {
            for (p, line) in paths(&code, "super") {
                // `super::super::x`: up one more for each repeated segment.
                let ups = 1 + p.iter().take_while(|s| *s == "super").count();
                let rest: Vec<String> = p.iter().skip(ups - 1).cloned().collect();
                if ups > module.len() {
                    continue;
                }
                let base = &module[..module.len() - ups];
                targets.push(([base.to_vec(), rest].concat(), line));
            }
            for (p, line) in paths(&code, "self") {
                targets.push(([module.clone(), p].concat(), line));
            }
        }
        for (target, line) in targets {
            let Some(there) = layer_of(&layers, &target) else {
                continue; // the crate root's own items (a macro, a re-export)
            };
            let Some(here) = here else {
                continue; // the binary may use every layer
            };
            let name = |l: (usize, usize)| layers[l.0][l.1].join("::");
            if there.0 < here.0 {
                out.push(format!(
                    "{}:{line}: `{}` (layer {}) uses `{}` (layer {}, above it)",
                    rel.display(),
                    name(here),
                    here.0 + 1,
                    target.join("::"),
                    there.0 + 1
                ));
            } else if there.0 == here.0 && there.1 != here.1 {
                out.push(format!(
                    "{}:{line}: `{}` uses `{}`, its sibling on the same line",
                    rel.display(),
                    name(here),
                    target.join("::")
                ));
            } else if there != here {
                edges.entry(here).or_default().insert(there);
            }
        }
    }
    // A circle needs an edge that goes up, which is reported above; this guards the rule
    // itself, should the checks above ever be loosened.
    for (&from, tos) in &edges {
        for &to in tos {
            if edges.get(&to).is_some_and(|back| back.contains(&from)) {
                out.push(format!("import circle between layers {from:?} and {to:?}"));
            }
        }
    }
    out
}

fn src_files() -> Vec<(PathBuf, String)> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(PathBuf, String)>) {
        for e in fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(root, &p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let text = fs::read_to_string(&p).unwrap();
                out.push((p.strip_prefix(root).unwrap().to_path_buf(), text));
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut v = Vec::new();
    walk(&root, &root, &mut v);
    v.sort();
    v
}

fn lib_rs() -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap()
}

#[test]
fn no_module_imports_a_layer_above_it() {
    let files = src_files();
    assert!(files.len() > 50, "read the whole tree");
    let v = violations(&lib_rs(), &files);
    assert!(v.is_empty(), "layer rules broken:\n{}", v.join("\n"));
}

#[test]
fn every_layer_lib_rs_names_is_a_module() {
    let files = src_files();
    for line in layers_of(&lib_rs()) {
        for m in line {
            let dir = PathBuf::from(m.join("/"));
            let found = files
                .iter()
                .any(|(p, _)| p.starts_with(&dir) || p == &dir.with_extension("rs"));
            assert!(found, "lib.rs names `{}`, which has no file", m.join("::"));
        }
    }
}

#[test]
fn a_planted_violation_is_caught() {
    let mut files = src_files();
    assert!(violations(&lib_rs(), &files).is_empty());
    // results (pure functions of JSON) reaching up into the harness, in a `use` group …
    let schema = files
        .iter_mut()
        .find(|(p, _)| p == Path::new("results/schema.rs"))
        .expect("results/schema.rs");
    schema
        .1
        .push_str("\nuse crate::{harness::measuring::rounds::Plan, vocabulary::Op};\n");
    // … a sibling reaching across its line, inline …
    let ab = files
        .iter_mut()
        .find(|(p, _)| p == Path::new("ab/mod.rs"))
        .expect("ab/mod.rs");
    ab.1.push_str("\nfn planted() { let _ = crate::pipeline::LOCAL_DIR; }\n");
    // … and a room of the harness reaching up to another through `super::super`.
    let keys = files
        .iter_mut()
        .find(|(p, _)| p == Path::new("harness/workloads/keys.rs"))
        .expect("harness/workloads/keys.rs");
    keys.1.push_str("\nuse super::super::suites::locate;\n");
    let v = violations(&lib_rs(), &files);
    assert_eq!(v.len(), 3, "{v:#?}");
    assert!(
        v[0].starts_with("ab/mod.rs:") && v[0].contains("its sibling"),
        "{}",
        v[0]
    );
    assert!(v[1].contains("harness::workloads") && v[1].contains("harness::suites::locate"));
    assert!(
        v[2].starts_with("results/schema.rs:") && v[2].contains("harness::measuring::rounds::Plan")
    );
    // Comments and strings are not imports.
    let mut quiet = src_files();
    quiet[0]
        .1
        .push_str("\n// crate::commands::run\nconst S: &str = \"crate::pipeline\";\n");
    assert!(violations(&lib_rs(), &quiet).is_empty());
}

#[test]
fn a_module_in_no_layer_is_refused() {
    let mut files = src_files();
    files.push((PathBuf::from("gadgets/mod.rs"), "pub fn f() {}\n".into()));
    let v = violations(&lib_rs(), &files);
    assert_eq!(v.len(), 1);
    assert!(v[0].contains("`gadgets` is in no layer"), "{}", v[0]);
}
