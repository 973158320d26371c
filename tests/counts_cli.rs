//! `gomap-bench counts` and its hidden `kernel` through the built binary: the kernel runs
//! whole passes of one op and prints their count; bad input and a missing valgrind are one
//! line on stderr and exit 2. (The counts themselves need valgrind, which CI does not
//! install: the parsing of callgrind's output is unit-tested in `harness::suites::counts`.)

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
fn a_missing_valgrind_says_how_to_install_it() {
    let empty = tempfile::tempdir().unwrap();
    let o = bin(
        &[
            "counts",
            "--maps",
            "hashbrown",
            "--ops",
            "remove",
            "--sizes-log2",
            "10",
        ],
        Some(empty.path().to_str().unwrap()),
    );
    assert_one_line_exit_2(&o, "valgrind not found");
}
