//! `gomap-bench detect`, `check` and `stream` through the built binary: a small run writes a
//! readable results file of `fraction` rows; bad input is one line on stderr and exit 2.

use gomap_bench::results::io;
use gomap_bench::results::schema::Unit;
use std::process::{Command, Output};

fn bin(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gomap-bench"))
        .args(args)
        .output()
        .expect("run gomap-bench")
}

fn assert_one_line_exit_2(o: &Output) {
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "stderr: {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "not one line: {err:?}");
}

#[test]
fn detect_writes_fraction_rows() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("detection.json");
    let o = bin(&[
        "detect",
        "--runs",
        "3",
        "--programs",
        "same-keys,disjoint-keys",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let r = io::read(&out).unwrap();
    assert_eq!(r.rows.len(), 2);
    for row in &r.rows {
        assert_eq!(
            (row.id.suite.name(), row.unit),
            ("detection", Unit::Fraction)
        );
        assert!(row.valid);
        assert_eq!(row.extra.other["runs"], 3);
    }
}

#[test]
fn bad_input_is_one_line_and_exit_2() {
    assert_one_line_exit_2(&bin(&["detect", "--runs", "0"]));
    assert_one_line_exit_2(&bin(&["detect", "--programs", "nope"]));
    assert_one_line_exit_2(&bin(&["stream", "--dist", "pareto"]));
    assert_one_line_exit_2(&bin(&["stream", "--workload", "nope"]));
    assert_one_line_exit_2(&bin(&["stream", "--thread", "999"]));
    assert_one_line_exit_2(&bin(&[
        "stream",
        "--workload",
        "shared-write",
        "--size",
        "0",
    ]));
    assert_one_line_exit_2(&bin(&[
        "contention",
        "--workloads",
        "shared-write",
        "--hot-keys",
        "0",
    ]));
    assert_one_line_exit_2(&bin(&["check", "--threads", "1"]));
    assert_one_line_exit_2(&bin(&["check", "--maps", "nope"]));
    assert_one_line_exit_2(&bin(&["check", "--hot-keys", "0"]));
}

/// `check` on two maps, briefly: both pass linearizability, the two-writers program ends
/// with 1000 entries, exit 0; the report says recording runs are not timings.
#[test]
fn check_reports_every_map() {
    let o = bin(&[
        "check",
        "--maps",
        "gomap-sharded,dashmap",
        "--runs",
        "2",
        "--ops",
        "100",
        "--two-writers-runs",
        "3",
        "--ledger-rounds",
        "0",
    ]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "{out}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        out.contains("no timing of theirs is a measurement"),
        "{out}"
    );
    assert_eq!(out.matches("pass (").count(), 2, "{out}");
    assert_eq!(
        out.matches("3 of 3 runs ended with exactly 1000 entries")
            .count(),
        2,
        "{out}"
    );
}

#[test]
fn stream_prints_a_header_and_the_ops() {
    let o = bin(&[
        "stream",
        "--workload",
        "exchange",
        "--dist",
        "zipf",
        "--size",
        "1000",
        "--ops",
        "5",
    ]);
    assert!(o.status.success());
    let text = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<_> = text.lines().collect();
    assert_eq!(
        lines[0],
        "# workload=exchange dist=zipf size=1000 thread=0 ops=5"
    );
    assert_eq!(lines.len(), 6);
}
