//! Records, for the results' `run` section and rows, facts that only the build knows: the
//! compiler and flags that built this binary, and the version of each third-party map crate
//! as `Cargo.lock` resolved it.
//!
//! Asking `rustc -V` at run time would report whatever compiler is on PATH *now*, which need
//! not be the one that compiled the timed code; cargo tells a build script the real one.
//! Likewise a version typed into the source could drift from the lock file; read from the
//! lock file at build time it cannot.

use std::process::Command;

/// The map crates whose resolved version every row of theirs records, each exported as
/// `GOMAP_BENCH_VERSION_<NAME>` (upper case, `-` → `_`).
const MAP_CRATES: &[&str] = &[
    "dashmap",
    "papaya",
    "scc",
    "crossbeam-skiplist",
    "flurry",
    "cht",
];

fn main() {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let version = Command::new(&rustc)
        .arg("-V")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_else(|| "unknown".into());
    println!("cargo:rustc-env=GOMAP_BENCH_RUSTC={version}");
    // CARGO_ENCODED_RUSTFLAGS holds the flags actually used, separated by 0x1f.
    let flags = std::env::var("CARGO_ENCODED_RUSTFLAGS")
        .unwrap_or_default()
        .split('\x1f')
        .filter(|f| !f.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    println!("cargo:rustc-env=GOMAP_BENCH_RUSTFLAGS={flags}");

    let dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let lock_path = std::path::Path::new(&dir).join("Cargo.lock");
    // Built as a dependency of a user's crate, this package may have no lock file of its own
    // (or one its user's lock overrides): the version is then recorded as unknown rather than
    // guessed.
    let lock = std::fs::read_to_string(&lock_path).unwrap_or_default();
    let root = std::env::var("CARGO_PKG_NAME").expect("cargo sets CARGO_PKG_NAME");
    for name in MAP_CRATES {
        let v = resolved_version(&lock, &root, name).unwrap_or("unknown");
        let var = name.to_uppercase().replace('-', "_");
        println!("cargo:rustc-env=GOMAP_BENCH_VERSION_{var}={v}");
    }
    // Cargo already rebuilds when the compiler or the flags change; the lock file is the
    // one other input.
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=Cargo.lock");
}

/// One `[[package]]` of a lock file: name, version, and its dependency entries as written
/// (`"name"`, or `"name version"` where the lock holds several versions of that name).
struct Package<'a> {
    name: &'a str,
    version: &'a str,
    deps: Vec<&'a str>,
}

fn packages(lock: &str) -> Vec<Package<'_>> {
    lock.split("[[package]]")
        .skip(1)
        .map(|block| {
            let field = |key: &str| {
                block
                    .lines()
                    .find_map(|l| l.strip_prefix(key))
                    .map(|v| v.trim().trim_matches('"'))
                    .unwrap_or("")
            };
            let deps = block
                .split_once("dependencies = [")
                .map(|(_, rest)| rest.split(']').next().unwrap_or(""))
                .unwrap_or("")
                .lines()
                .map(|l| l.trim().trim_end_matches(',').trim_matches('"'))
                .filter(|d| !d.is_empty())
                .collect();
            Package {
                name: field("name = "),
                version: field("version = "),
                deps,
            }
        })
        .collect()
}

/// The version of `name` that package `root` depends on: the one its entry names, or the
/// only one the lock holds.
fn resolved_version<'a>(lock: &'a str, root: &str, name: &str) -> Result<&'a str, String> {
    let all = packages(lock);
    let root = all
        .iter()
        .find(|p| p.name == root)
        .ok_or_else(|| format!("no package {root}"))?;
    let entry = root
        .deps
        .iter()
        .find(|d| d.split(' ').next() == Some(name))
        .ok_or_else(|| format!("not a dependency of {}", root.name))?;
    if let Some((_, v)) = entry.split_once(' ') {
        return Ok(v);
    }
    let mut versions = all.iter().filter(|p| p.name == name).map(|p| p.version);
    match (versions.next(), versions.next()) {
        (Some(v), None) => Ok(v),
        _ => Err("not exactly one version in the lock file".into()),
    }
}
