//! The `contention` command line: bad input is one line and exit status 2; a tiny run writes
//! a valid results file.

use gomap_bench::results::schema::{Results, SCHEMA_VERSION};
use gomap_bench::vocabulary::{OpId, Suite, Workload};
use std::process::Command;

fn bench() -> Command {
    Command::new(env!("CARGO_BIN_EXE_gomap-bench"))
}

#[test]
fn bad_input_is_one_line_and_exit_2() {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let too_many = (cores + 1).to_string();
    let cases: Vec<Vec<&str>> = vec![
        vec!["contention", "--maps", "nope"],
        vec!["contention", "--workloads", "read-mostly"],
        vec!["contention", "--dist", "normal"],
        vec!["contention", "--threads", &too_many],
        vec!["contention", "--threads", "1,x"],
        vec!["contention", "--threads", ""],
        vec!["contention", "--threads", "0"],
        vec!["contention", "--secs", "0"],
        vec!["contention", "--ops", "0"],
        vec!["contention", "--rounds", "3"],
        vec!["contention", "--sample-ms", "0"],
        vec!["contention", "--size", "0"],
        vec!["contention", "--shards", "3"],
        vec!["contention", "--size", "abc"],
        vec!["contention", "--no-such-flag"],
        vec!["no-such-command"],
    ];
    for args in cases {
        let out = bench().args(&args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains("error"), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn oversubscribe_allows_more_threads_than_cores() {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("o.json");
    let out = bench()
        .args([
            "contention",
            "--quiet",
            "--maps",
            "null",
            "--workloads",
            "read-heavy",
        ])
        .args([
            "--dist", "uniform", "--ops", "1000", "--rounds", "6", "--size", "64",
        ])
        .args([
            "--threads",
            &(cores + 1).to_string(),
            "--oversubscribe",
            "--out",
        ])
        .arg(&out_path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_tiny_run_writes_valid_results() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("sub").join("contention.json");
    let out = bench()
        .args(["contention", "--quick", "--quiet", "--threads", "1,2"])
        .args(["--maps", "null,gomap-sharded,gomap-failfast,dashmap"])
        .args(["--workloads", "read-heavy,rapid-grow", "--ops", "2000"])
        .arg("--out")
        .arg(&out_path)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("read hit rate"), "{stdout}");

    let text = std::fs::read_to_string(&out_path).unwrap();
    let results: Results = serde_json::from_str(&text).unwrap();
    assert_eq!(results.schema_version, SCHEMA_VERSION);
    // read-heavy × 2 dists × 2 threads + rapid-grow × 2 threads, per map; failfast 1 thread only.
    assert_eq!(results.rows.len(), 3 * 6 + 3);
    let mut ids: Vec<_> = results.rows.iter().map(|r| r.identity()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(
        ids.len(),
        results.rows.len(),
        "row identities must be unique"
    );
    for r in &results.rows {
        assert_eq!(r.id.suite, Suite::Contention);
        assert!(r.valid, "{}: {:?}", r.id, r.extra.validation_error);
        assert_eq!(serde_json::to_value(r.unit).unwrap(), "Mops/s");
        assert!(r.extra.latency.is_some() && r.extra.other_cpu_pct.is_some());
        assert!(r.median > 0.0);
        if r.id.map == "gomap-sharded" {
            assert!(r.extra.facts.shards.unwrap().is_power_of_two());
        }
        if r.id.op == OpId::Workload(Workload::RapidGrow) {
            assert_eq!((r.id.size, r.id.dist), (0, None));
        }
    }
    // The binary installs the counting allocator, so memory is measured.
    assert!(results
        .rows
        .iter()
        .any(|r| r.id.map == "dashmap" && r.extra.bytes_after_prefill.unwrap() > 0));
    assert!(results
        .rows
        .iter()
        .all(|r| !(r.id.map == "gomap-failfast" && r.id.threads > 1)));
    assert!(!std::fs::read_dir(out_path.parent().unwrap())
        .unwrap()
        .any(|e| e.unwrap().file_name().to_string_lossy().contains(".tmp-")));
}
