//! `gomap-bench counts` and its hidden `kernel` through the built binary: the kernel runs
//! whole passes of one op and prints their count; bad input and a missing valgrind are one
//! line on stderr and exit 2. Counts files (the committed `results/counts/baseline.json`,
//! edited) are compared exactly and refused across toolchains. (Counting itself needs
//! valgrind, which the counts gate runs after the tests: the parsing of callgrind's output
//! is unit-tested in `harness::suites::counts`.)

use std::process::{Command, Output};

fn bin(args: &[&str], path: Option<&str>) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_gomap-bench"));
    c.args(args);
    if let Some(p) = path {
        c.env("PATH", p);
    }
    c.output().expect("run gomap-bench")
}

fn assert_one_line_exit_2(o: &Output, says: &str) {
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "stderr: {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "not one line: {err:?}");
    assert!(err.contains(says), "{err}");
}

#[test]
fn the_kernel_prints_its_op_count() {
    for op in ["remove", "insert_grow", "get_hit"] {
        let o = bin(
            &[
                "kernel",
                "--map",
                "gomap/generic",
                "--op",
                op,
                "--size-log2",
                "12",
            ],
            None,
        );
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "65536", "{op}");
    }
}

#[test]
fn bad_input_is_one_line_and_exit_2() {
    let o = bin(&["counts", "--maps", "no-such-map"], None);
    assert_one_line_exit_2(&o, "unknown map `no-such-map`");
    let o = bin(&["counts", "--sizes-log2", "30"], None);
    assert_one_line_exit_2(&o, "--sizes-log2 30");
    let o = bin(&["counts", "--ops", "fly"], None);
    assert_one_line_exit_2(&o, "fly");
}

#[test]
fn a_missing_valgrind_says_how_to_install_it_and_writes_nothing() {
    let empty = tempfile::tempdir().unwrap();
    let out = empty.path().join("counts.json");
    let o = bin(
        &["counts", "--gate", "--out", out.to_str().unwrap()],
        Some(empty.path().to_str().unwrap()),
    );
    assert_one_line_exit_2(&o, "valgrind not found");
    assert!(!out.exists());
}

/// The committed counts baseline, and a copy of it in `dir` with `edit` applied to its JSON.
fn edited_baseline(
    dir: &std::path::Path,
    name: &str,
    edit: impl Fn(&mut serde_json::Value),
) -> String {
    let committed = concat!(env!("CARGO_MANIFEST_DIR"), "/results/counts/baseline.json");
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(committed).unwrap()).unwrap();
    edit(&mut doc);
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn counts_are_compared_exactly_and_refused_across_toolchains() {
    let dir = tempfile::tempdir().unwrap();
    let base = edited_baseline(dir.path(), "base.json", |_| {});
    // The same counts: nothing flagged, exit 0, on another machine too.
    let other_machine = edited_baseline(dir.path(), "other.json", |d| {
        d["run"]["machine"]["cpu_model"] = "Intel Xeon".into();
    });
    let o = bin(&["compare", &base, &other_machine], None);
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(
        !out.contains("regressed") && !out.contains("improved"),
        "{out}"
    );
    // One instruction more per generic get_hit: regressed, exit 1.
    let more = edited_baseline(dir.path(), "more.json", |d| {
        for r in d["rows"].as_array_mut().unwrap() {
            if r["map"] == "gomap/generic" && r["op"] == "get_hit:instructions" {
                let v = r["median"].as_f64().unwrap() + 1.0;
                r["median"] = v.into();
                r["samples"] = serde_json::json!([v]);
            }
        }
    });
    let o = bin(&["compare", &base, &more], None);
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert_eq!(
        out.lines().filter(|l| l.starts_with("regressed")).count(),
        2,
        "{out}"
    );
    // Counts made by another compiler, another geometry or another valgrind: refused.
    for (name, edit) in [
        (
            "rustc",
            &(|d: &mut serde_json::Value| d["run"]["rustc"] = "rustc 1.99.0".into())
                as &dyn Fn(&mut serde_json::Value),
        ),
        ("geometry", &|d: &mut serde_json::Value| {
            d["run"]["config"]["counts"]["geometry"]["LL"] = "4194304,16,64".into()
        }),
        ("valgrind", &|d: &mut serde_json::Value| {
            d["run"]["config"]["counts"]["valgrind"] = "valgrind-3.22.0".into()
        }),
    ] {
        let other = edited_baseline(dir.path(), &format!("{name}.json"), edit);
        let o = bin(&["compare", &base, &other], None);
        assert_one_line_exit_2(&o, "cannot be compared");
        assert!(String::from_utf8_lossy(&o.stderr).contains(name));
    }
    // A malformed file: one line, exit 2.
    let torn = dir.path().join("torn.json");
    std::fs::write(&torn, "{\"schema_version\": 1, \"run\": ").unwrap();
    let o = bin(&["compare", &base, torn.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr)
            .trim_end()
            .lines()
            .count(),
        1
    );
}

#[test]
fn counts_never_overwrite_a_baseline_unasked() {
    let dir = tempfile::tempdir().unwrap();
    let base = edited_baseline(dir.path(), "baseline.json", |_| {});
    let before = std::fs::read(&base).unwrap();
    let o = bin(
        &[
            "counts",
            "--maps",
            "hashbrown",
            "--ops",
            "remove",
            "--sizes-log2",
            "10",
            "--out",
            &base,
        ],
        None,
    );
    assert_one_line_exit_2(&o, "baseline");
    assert_eq!(std::fs::read(&base).unwrap(), before);
}
