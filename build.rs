//! Records the compiler and flags that built this binary, for the results' `run` section.
//!
//! Asking `rustc -V` at run time would report whatever compiler is on PATH *now*, which need
//! not be the one that compiled the timed code; cargo tells a build script the real one.

use std::process::Command;

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
    // Cargo already rebuilds when the compiler or the flags change; nothing else matters here.
    println!("cargo:rerun-if-changed=build.rs");
}
