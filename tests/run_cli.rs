//! `gomap-bench run --quick` end to end in a temporary directory: one results file that
//! reads back (pooled from two processes, as the main job measures), plots, findings, and a
//! comparison against a baseline; and bad input.

use gomap_bench::harness::suites::locate;
use gomap_bench::results::{findings, io};
use std::process::Command;

#[test]
fn run_quick_end_to_end() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("latest.json");
    let plots = dir.path().join("plots");
    let baseline = dir.path().join("baseline.json");
    let report = dir.path().join("report.html");
    let o = Command::new(env!("CARGO_BIN_EXE_gomap-bench"))
        .args(["run", "--quick", "--processes", "2", "--out"])
        .arg(&out)
        .arg("--plots-dir")
        .arg(&plots)
        .arg("--report")
        .arg(&report)
        .arg("--baseline")
        .arg(&baseline)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{stdout}\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        stdout.contains("get_hit") && stdout.contains("contention"),
        "{stdout}"
    );
    assert!(stdout.contains("no baseline"), "{stdout}");

    let results = io::read(&out).unwrap();
    // The terminal: one short line per suite and process (stderr is not a terminal here,
    // so no bar), then the findings tables, whose width is the data's; every other line
    // fits 120 columns, and no group's line is printed.
    let stderr = String::from_utf8_lossy(&o.stderr);
    let summaries = |suite: &str| {
        let prefix = format!("{suite}: ");
        stderr.lines().filter(|l| l.starts_with(&prefix)).count()
    };
    assert_eq!(summaries(locate::LABEL), 2, "{stderr}");
    assert_eq!(summaries("contention"), 2, "{stderr}");
    assert!(!stderr.contains(" rounds):"), "a group's line: {stderr}");
    let tables = findings::findings(&results.rows);
    let after = stdout
        .strip_prefix(tables.as_str())
        .expect("the findings first");
    for l in stderr.lines().chain(after.lines()) {
        assert!(
            l.chars().count() <= 120,
            "{} columns: {l}",
            l.chars().count()
        );
    }

    assert_eq!(results.run.config["processes"], 2);
    // Pooled: each ratio lists the blocks of both processes.
    let pooled = results
        .rows
        .iter()
        .filter_map(|r| r.extra.ratio.as_ref())
        .filter(|r| r.blocks.as_ref().is_some_and(|b| b.len() >= 2))
        .count();
    assert!(pooled > 0, "no ratio pooled from two processes");
    for suite in ["locate", "probe", "ops", "contention"] {
        assert!(
            results.rows.iter().any(|r| r.id.suite.name() == suite),
            "no {suite} rows"
        );
    }
    // Everything but the known crossbeam-skiplist bug validates.
    let invalid: Vec<_> = results
        .rows
        .iter()
        .filter(|r| !r.valid && r.id.map != "skipmap")
        .collect();
    assert!(invalid.is_empty(), "{invalid:?}");
    let svgs = std::fs::read_dir(&plots).unwrap().count();
    assert!(svgs >= 5, "{svgs} plots");
    // The report beside them: every plot inline.
    let page = std::fs::read_to_string(&report).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert_eq!(page.matches("<svg").count(), svgs);
    // … and what the comparison said, here that there was no baseline to compare with.
    assert!(
        page.contains("Not compared: no baseline at"),
        "no verdicts section"
    );

    // The run compared against itself: no regression, exit 0.
    std::fs::copy(&out, &baseline).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_gomap-bench"))
        .arg("compare")
        .arg(&baseline)
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
}

#[test]
fn processes_out_of_range_is_one_line_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_gomap-bench"))
        .args(["run", "--quick", "--processes", "0", "--out"])
        .arg(dir.path().join("x.json"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("--processes 0"), "{err}");
}
