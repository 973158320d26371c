//! `gomap-bench ab`: its exit codes and verdicts, driven against fake workers whose samples
//! are known (a Python script that speaks the worker protocol), and its bad-input lines.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bench() -> Command {
    Command::new(env!("CARGO_BIN_EXE_gomap-bench"))
}

/// A fake `gomap-bench` whose worker answers every group with two members, `gomap/generic`
/// and `hashbrown` (get_hit 2^10), sampling `gomap/generic` at `factor` × 10 ns and
/// `hashbrown` at 8 ns, both under a drift of up to 2× that changes from round to round (the
/// machine's state, which both builds meet in the same round) and ±0.5% of noise per sample.
/// Every fake of `dir` logs each `hello` and `build` it gets to `dir/log`.
fn fake(dir: &Path, name: &str, factor: f64) -> PathBuf {
    let log = dir.join("log").display().to_string();
    let script = format!(
        r#"#!/usr/bin/env python3
import json, sys
FACTOR = {factor}
def log(what):
    with open({log:?}, "a") as f:
        f.write(what + "\n")
MEMBERS = ["ops/gomap/generic/get_hit/size=1024/threads=1/-/sse2",
           "ops/hashbrown/get_hit/size=1024/threads=1/-/sse2"]
BASE = [10.0 * FACTOR, 8.0]
state = 12345
drift = 1.0
def rnd():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return (state >> 11) / float(1 << 53)
def row(i):
    return {{"suite": "ops", "map": ["gomap/generic", "hashbrown"][i], "op": "get_hit",
             "size": 1024, "threads": 1, "dist": "-", "isa": "sse2", "unit": "ns/op",
             "direction": "lower_is_better", "samples": [BASE[i]], "median": BASE[i],
             "min": BASE[i], "max": BASE[i], "valid": True, "noisy": False}}
def say(x):
    sys.stdout.write(json.dumps(x) + "\n"); sys.stdout.flush()
for line in sys.stdin:
    req = json.loads(line)
    if req == "quit": break
    if isinstance(req, str):
        kind, body = req, None
    else:
        kind, body = next(iter(req.items()))
    if kind == "hello":
        log("hello")
        say({{"ready": {{"version": 2, "git_revision": "fake", "git_dirty": False}}}})
    elif kind == "build":
        log("build")
        say({{"built": {{"members": MEMBERS, "round_cost_secs": 0.001}}}})
    elif kind == "sample":
        i = body["member"]
        say({{"sampled": {{"value": BASE[i] * drift * (0.995 + 0.01 * rnd())}}}})
    elif kind in ("end_round", "rebuild"):
        drift = 1.0 + rnd()
        say("ok")
    elif kind == "finish":
        say({{"rows": {{"rows": [row(0), row(1)]}}}})
    else:
        say({{"error": {{"message": "fake worker: unknown request " + kind}}}})
"#
    );
    let path = dir.join(name);
    std::fs::write(&path, script).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

fn ab(base: &Path, head: &Path, extra: &[&str]) -> Output {
    bench()
        .arg("ab")
        .arg(base)
        .arg(head)
        // --quick: every block is a fresh pair of (Python) workers, so the full plan's 16
        // blocks a group would spend a minute starting them.
        .args([
            "--quick",
            "--suite",
            "ops",
            "--maps",
            "gomap/generic,hashbrown",
        ])
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn the_same_build_twice_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (fake(dir.path(), "a", 1.0), fake(dir.path(), "b", 1.0));
    let log = dir.path().join("log");
    let o = ab(&a, &b, &[]);
    // Every block on a fresh pair of workers: each worker builds one group, once (after
    // the first pair, which only checks that both speak the protocol), and a group has
    // more than one block.
    let log = std::fs::read_to_string(&log).unwrap();
    let hellos = log.lines().filter(|l| *l == "hello").count();
    let builds = log.lines().filter(|l| *l == "build").count();
    assert_eq!(hellos, builds + 2, "{log}");
    let groups = String::from_utf8_lossy(&o.stderr)
        .lines()
        .filter(|l| l.starts_with("ab: ops "))
        .count();
    assert!(
        groups > 0 && builds >= 2 * 2 * groups,
        "{builds} builds, {groups} groups"
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{out}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        !out.contains("regressed ") && out.contains("unchanged"),
        "{out}"
    );
}

#[test]
fn a_slower_head_exits_1_and_only_its_map_is_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (fake(dir.path(), "a", 1.0), fake(dir.path(), "b", 1.05));
    let o = ab(&a, &b, &["--format", "json"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let rows: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    for r in rows.as_array().unwrap() {
        let name = r["name"].as_str().unwrap();
        // hashbrown is a control: the same code in both builds, never a regression.
        let want = if name.contains("gomap/generic") {
            "regressed"
        } else {
            "drift"
        };
        assert_eq!(r["verdict"], want, "{r}");
    }
}

#[test]
fn bad_input_is_one_line_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let a = fake(dir.path(), "a", 1.0);
    let not_a_worker = dir.path().join("true");
    std::fs::write(&not_a_worker, "#!/bin/sh\nexit 0\n").unwrap();
    std::fs::set_permissions(&not_a_worker, std::fs::Permissions::from_mode(0o755)).unwrap();
    let cases: Vec<Vec<std::ffi::OsString>> = vec![
        vec!["ab".into(), "no-such-revision-xyz".into(), a.clone().into()],
        vec![
            "ab".into(),
            a.clone().into(),
            a.clone().into(),
            "--suite".into(),
            "nope".into(),
        ],
        vec![
            "ab".into(),
            a.clone().into(),
            a.clone().into(),
            "--maps".into(),
            "nope".into(),
        ],
        vec![
            "ab".into(),
            a.clone().into(),
            a.clone().into(),
            "--min-effect".into(),
            "x".into(),
        ],
        vec!["ab".into(), not_a_worker.into(), a.into(), "--quick".into()],
    ];
    for args in cases {
        let o = bench().args(&args).output().unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
    }
}

/// A git repository of one committed file (no Cargo project: a build of any side fails at
/// once, after `ab` has said what it resolved).
fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let git = |args: &[&str]| {
        let o = Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@t", "-c"])
            .args(["commit.gpgsign=false"])
            .args(args)
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert!(o.status.success(), "git {args:?}: {o:?}");
    };
    std::fs::write(dir.path().join("a.txt"), "committed\n").unwrap();
    git(&["init", "-q"]);
    git(&["add", "a.txt"]);
    git(&["commit", "-q", "-m", "one"]);
    dir
}

fn ab_in(dir: &Path, base: &str, head: &Path) -> String {
    let o = bench()
        .current_dir(dir)
        .args(["ab", base])
        .arg(head)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{o:?}");
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const UNCOMMITTED: &str =
    "ab: HEAD is the last commit; the working tree's uncommitted changes are not in it";

#[test]
fn head_of_a_dirty_tree_is_said_to_lack_the_uncommitted_changes() {
    let repo = repo();
    let fake = fake(repo.path(), "fake", 1.0);
    // Clean: nothing to say.
    let err = ab_in(repo.path(), "HEAD", &fake);
    assert!(!err.contains(UNCOMMITTED), "{err}");
    assert!(err.contains("ab: building HEAD"), "{err}");
    // An edit to a tracked file: one line, before the build.
    std::fs::write(repo.path().join("a.txt"), "edited\n").unwrap();
    let err = ab_in(repo.path(), "HEAD", &fake);
    let said: Vec<&str> = err.lines().filter(|l| l.starts_with(UNCOMMITTED)).collect();
    assert_eq!(said.len(), 1, "{err}");
    assert!(said[0].contains("WORKTREE"), "{err}");
}

#[test]
fn worktree_builds_the_tree_in_place_not_an_export() {
    let repo = repo();
    let fake = fake(repo.path(), "fake", 1.0);
    std::fs::write(repo.path().join("a.txt"), "edited\n").unwrap();
    let err = ab_in(repo.path(), "WORKTREE", &fake);
    let top = std::fs::canonicalize(repo.path()).unwrap();
    assert!(
        err.contains(&format!(
            "ab: building WORKTREE (the working tree as it is) in {}",
            top.display()
        )),
        "{err}"
    );
    assert!(err.contains("WORKTREE does not build"), "{err}");
    assert!(!err.contains(UNCOMMITTED), "{err}");
    // Nothing was exported.
    assert!(!repo.path().join("target/ab/src").exists());
}
