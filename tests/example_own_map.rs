//! The "benchmark your own map" example (`examples/striped.rs`) runs the command line with
//! its maps added: a short contention run and the checks, its rows named and validated.
//! `cargo test` builds the examples before the tests, beside the test binaries.

use std::path::PathBuf;
use std::process::Command;

fn example() -> PathBuf {
    let deps = std::env::current_exe().unwrap();
    let exe = deps
        .parent()
        .unwrap()
        .parent()
        .unwrap()
        .join("examples/striped");
    assert!(
        exe.exists(),
        "{} is missing: `cargo test` builds it (`--test` alone does not: `cargo build --examples`)",
        exe.display()
    );
    exe
}

#[test]
fn the_example_measures_and_checks_its_own_map() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("c.json");
    let run = Command::new(example())
        .args([
            "contention",
            "--quick",
            "--quiet",
            "--maps",
            "striped,dashmap",
        ])
        .args(["--workloads", "exchange,shared-write", "--threads", "1"])
        .args(["--dist", "uniform", "--rounds", "6", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let mine: Vec<_> = doc["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["map"] == "striped")
        .collect();
    assert_eq!(mine.len(), 2, "one row per workload");
    for r in mine {
        assert_eq!(r["valid"], true, "{r}");
        assert_eq!(r["extra"]["role"], "other");
    }

    let check = Command::new(example())
        .args(["check", "--quick", "--maps", "striped"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&check.stdout);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    assert!(text.contains("striped") && text.contains("pass"), "{text}");
}
