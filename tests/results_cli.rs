//! The results subcommands through the built binary: exit codes and one-line errors.

mod results_fixtures;

use gomap_bench::results::io::{self, BaselinePolicy};
use gomap_bench::results::schema::Results;
use gomap_bench::vocabulary::{Op, Suite};
use results_fixtures::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gomap-bench"))
        .args(args)
        .output()
        .expect("run gomap-bench")
}

fn save(dir: &Path, name: &str, doc: &Results) -> PathBuf {
    let p = dir.join(name);
    io::write(&p, doc, BaselinePolicy::Replace).unwrap();
    p
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Exit 2 with exactly one line on stderr that names `file`.
fn assert_bad_input(o: &Output, file: &Path) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(2), "stderr: {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "not one line: {err:?}");
    assert!(
        err.contains(s(file)),
        "does not name {}: {err}",
        file.display()
    );
}

/// Baseline: two rows at ~100 ns; current: the first 30% slower or within noise.
fn pair(dir: &Path, slower: f64) -> (PathBuf, PathBuf) {
    let base = doc(vec![
        ns_row(Suite::Ops, "gomap", Op::GetHit, 1024, 100.0),
        ns_row(Suite::Ops, "hashbrown", Op::GetHit, 1024, 80.0),
    ]);
    let cur = doc(vec![
        ns_row(Suite::Ops, "gomap", Op::GetHit, 1024, 100.0 * slower),
        ns_row(Suite::Ops, "hashbrown", Op::GetHit, 1024, 80.0),
    ]);
    (
        save(dir, "baseline.json", &base),
        save(dir, "latest.json", &cur),
    )
}

#[test]
fn regression_beyond_noise_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let (b, c) = pair(dir.path(), 1.3);
    let o = bin(&["compare", s(&b), s(&c)]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{out}{}", stderr(&o));
    assert!(out.contains("regressed") && out.contains("+30.0%"), "{out}");
    assert!(out.contains("1 regressed, 1 drift"), "{out}");
}

#[test]
fn change_within_noise_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let (b, c) = pair(dir.path(), 1.01);
    let o = bin(&["compare", s(&b), s(&c), "--threshold", "5%"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // The same 30% regression under a 40% threshold is not one either.
    let (b, c) = pair(dir.path(), 1.3);
    assert_eq!(
        bin(&["compare", s(&b), s(&c), "--threshold", "40"])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn every_format_renders() {
    let dir = tempfile::tempdir().unwrap();
    let (b, c) = pair(dir.path(), 1.3);
    for f in ["table", "markdown", "json", "gab", "gab-bigger"] {
        let o = bin(&["compare", s(&b), s(&c), "--format", f]);
        assert_eq!(o.status.code(), Some(1), "{f}: {}", stderr(&o));
        let out = String::from_utf8_lossy(&o.stdout);
        if matches!(f, "json" | "gab" | "gab-bigger") {
            let v: serde_json::Value = serde_json::from_str(&out).expect(f);
            let n = v.as_array().unwrap().len();
            assert_eq!(n, if f == "gab-bigger" { 0 } else { 2 }, "{f}");
        }
    }
    let o = bin(&["compare", s(&b), s(&c), "--format", "gab"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let e = &v[0];
    assert_eq!(e["unit"], "ns/op");
    assert_eq!(e["value"], 130.0);
    assert!(e["name"].as_str().unwrap().starts_with("ops/gomap/get_hit"));
    assert!(e["extra"].as_str().unwrap().contains("regressed"));
    // --out writes the report to a file.
    let out = dir.path().join("report.md");
    let o = bin(&[
        "compare",
        s(&b),
        s(&c),
        "--format",
        "markdown",
        "--out",
        s(&out),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(std::fs::read_to_string(out)
        .unwrap()
        .starts_with("| verdict |"));
}

#[test]
fn bad_files_exit_2_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let (b, _) = pair(dir.path(), 1.0);
    let text = std::fs::read_to_string(&b).unwrap();
    let write = |name: &str, content: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, content).unwrap();
        p
    };
    let cases = [
        write("empty.json", ""),
        write("truncated.json", &text[..text.len() / 2]),
        write("malformed.json", "{\"schema_version\": 1, oops}"),
        write(
            "v2.json",
            &text.replacen("\"schema_version\": 1", "\"schema_version\": 2", 1),
        ),
        write(
            "nomedian.json",
            &text.replacen("\"median\"", "\"medianx\"", 1),
        ),
        dir.path().join("does-not-exist.json"),
    ];
    for bad in &cases {
        assert_bad_input(&bin(&["compare", s(&b), s(bad)]), bad);
        assert_bad_input(&bin(&["compare", s(bad), s(&b)]), bad);
    }
    let o = bin(&["compare", s(&b), s(&cases[4])]);
    assert!(
        stderr(&o).contains("missing field `median` in rows[0]"),
        "{}",
        stderr(&o)
    );
    let o = bin(&["compare", s(&b), s(&cases[3])]);
    assert!(stderr(&o).contains("schema_version 2"), "{}", stderr(&o));
}

#[test]
fn no_common_rows_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let b = save(
        dir.path(),
        "b.json",
        &doc(vec![ns_row(Suite::Ops, "a", Op::GetHit, 1, 1.0)]),
    );
    let c = save(
        dir.path(),
        "c.json",
        &doc(vec![ns_row(Suite::Ops, "b", Op::GetHit, 1, 1.0)]),
    );
    let o = bin(&["compare", s(&b), s(&c)]);
    assert_bad_input(&o, &c);
    assert!(stderr(&o).contains("no rows in common"));
}

#[test]
fn different_machines_exit_2_unless_cross_machine() {
    let dir = tempfile::tempdir().unwrap();
    let (b, c) = pair(dir.path(), 1.01);
    let mut other = io::read(&c).unwrap();
    other.run.machine.cpu_model = "Other CPU".into();
    let c = save(dir.path(), "other.json", &other);
    let o = bin(&["compare", s(&b), s(&c)]);
    assert_bad_input(&o, &c);
    assert!(stderr(&o).contains("--cross-machine"));
    let o = bin(&["compare", s(&b), s(&c), "--cross-machine"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("note: cross-machine"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(bin(&["compare"]).status.code(), Some(2));
    assert_eq!(bin(&["no-such-command"]).status.code(), Some(2));
    let dir = tempfile::tempdir().unwrap();
    let (b, c) = pair(dir.path(), 1.0);
    let o = bin(&["compare", s(&b), s(&c), "--threshold", "lots"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o).lines().count(), 1);
}

#[test]
fn plot_merge_and_collect_subcommands() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let all = save(d, "all.json", &everything());
    let mut rerun = ns_row(Suite::Ops, "gomap/fast64", Op::GetHit, 1024, 1.0);
    rerun.id.isa = Some(gomap_bench::vocabulary::isa::Isa::Avx2);
    let later = save(d, "later.json", &doc(vec![rerun]));

    let plots = d.join("plots");
    let o = bin(&["plot", s(&all), "--out-dir", s(&plots)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let listed = String::from_utf8_lossy(&o.stdout);
    assert_eq!(listed.lines().count(), 8, "{listed}");
    assert!(stderr(&o).contains("broken-map"));
    assert_bad_input(
        &bin(&["plot", s(&d.join("nope.json")), "--out-dir", s(&plots)]),
        &d.join("nope.json"),
    );

    let merged = d.join("merged.json");
    let o = bin(&["merge", s(&all), s(&later), "--out", s(&merged)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let m = io::read(&merged).unwrap();
    assert_eq!(m.rows.len(), everything().rows.len());
    assert!(m
        .rows
        .iter()
        .any(|r| r.id.map == "gomap/fast64" && r.id.size == 1024 && r.median == 1.0));

    // The baseline guard: merge refuses to replace baseline.json without --update-baseline.
    let base = save(d, "baseline.json", &doc(vec![]));
    let o = bin(&["merge", s(&all), "--out", s(&base)]);
    assert_bad_input(&o, &base);
    assert!(io::read(&base).unwrap().rows.is_empty());
    let o = bin(&["merge", s(&all), "--out", s(&base), "--update-baseline"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    let mut other = everything();
    other.run.machine.cores = 2;
    let other = save(d, "other.json", &other);
    assert_bad_input(
        &bin(&["merge", s(&all), s(&other), "--out", s(&merged)]),
        &other,
    );

    // collect on an empty criterion dir writes a valid, empty results file.
    let crit = d.join("criterion");
    std::fs::create_dir(&crit).unwrap();
    let out = d.join("collected.json");
    let o = bin(&["collect", "--criterion-dir", s(&crit), "--out", s(&out)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let r = io::read(&out).unwrap();
    assert!(r.rows.is_empty() && r.run.timestamp.ends_with('Z'));
    assert_bad_input(
        &bin(&["collect", "--criterion-dir", s(&d.join("none"))]),
        &d.join("none"),
    );
}

#[test]
fn report_subcommand_writes_one_page_and_refuses_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let all = save(d, "all.json", &everything());
    let out = d.join("out").join("report.html");
    let o = bin(&["report", s(&all), "--out", s(&out)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let page = std::fs::read_to_string(&out).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains("broken-map"));
    // Only the page is left behind (written atomically: no temporary file).
    let left: Vec<_> = std::fs::read_dir(d.join("out")).unwrap().collect();
    assert_eq!(left.len(), 1);
    assert_bad_input(
        &bin(&["report", s(&d.join("nope.json")), "--out", s(&out)]),
        &d.join("nope.json"),
    );
    let garbage = d.join("garbage.json");
    std::fs::write(&garbage, "{\"schema_version\": 1, \"run\"").unwrap();
    assert_bad_input(&bin(&["report", s(&garbage), "--out", s(&out)]), &garbage);
    // --baseline: compare's verdicts of the last file, under the answers; still exit 0.
    let (b, c) = pair(d, 1.3);
    let o = bin(&["report", s(&c), "--baseline", s(&b), "--out", s(&out)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let page = std::fs::read_to_string(&out).unwrap();
    assert!(page.contains("✗ 1 regressed") && page.contains("<h3>Regressed (1)</h3>"));
    let mut elsewhere = io::read(&b).unwrap();
    elsewhere.run.machine.cpu_model = "Other CPU".into();
    let elsewhere = save(d, "elsewhere.json", &elsewhere);
    assert_bad_input(
        &bin(&[
            "report",
            s(&c),
            "--baseline",
            s(&elsewhere),
            "--out",
            s(&out),
        ]),
        &c,
    );
}

/// Without an output flag, `plot`, `report` and `detect` write under `results/local/`
/// (git-ignored), never into the committed `results/plots/`, `results/report.html` or
/// `results/detection-rust.json`.
#[test]
fn default_outputs_are_git_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let all = save(d, "all.json", &everything());
    let here = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_gomap-bench"))
            .args(args)
            .current_dir(d)
            .output()
            .expect("run gomap-bench")
    };
    for args in [
        &["plot", s(&all)][..],
        &["report", s(&all)],
        &["detect", "--runs", "1", "--programs", "disjoint-keys"],
    ] {
        let o = here(args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    }
    let local = d.join("results/local");
    assert!(std::fs::read_dir(local.join("plots")).unwrap().count() > 0);
    assert!(local.join("report.html").is_file());
    assert!(local.join("detection-rust.json").is_file());
    let mut committed: Vec<_> = std::fs::read_dir(d.join("results"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    committed.sort();
    assert_eq!(committed, ["local"], "only results/local/ is written");
    // And .gitignore names it.
    let ignore = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/.gitignore"));
    assert!(ignore.unwrap().lines().any(|l| l == "/results/local/"));
}
