//! A run that is killed or stopped keeps what it measured: the journal of finished groups,
//! `--resume`, and SIGINT (see `harness::measuring::journal` and `harness::measuring::stop`).
//!
//! The runs are `contention` with one block, so that groups finish one by one, each in a
//! few tenths of a second (6 rounds; 60 where a group must outlast two signals): the tests
//! see the journal grow and signal the run between two groups; and one with three blocks,
//! killed after its first, which resumes block by block.

use gomap_bench::harness::measuring::journal::{path_for, read_journal, Entry, Kept};
use gomap_bench::results::io;
use gomap_bench::results::schema::{Results, Row};
use gomap_bench::vocabulary::Identity;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// 3 workloads × 2 distributions at 1 thread: 6 groups of 2 maps.
const GROUPS: usize = 6;
const ROWS: usize = GROUPS * 2;

fn bench() -> Command {
    Command::new(env!("CARGO_BIN_EXE_gomap-bench"))
}

fn args(out: &Path, sample_ms: &str) -> Vec<String> {
    args_with(out, sample_ms, "6", "0.05")
}

/// `rounds` rounds a group, within `secs` seconds.
fn args_with(out: &Path, sample_ms: &str, rounds: &str, secs: &str) -> Vec<String> {
    let mut v: Vec<String> = [
        "contention",
        "--quick",
        "--quiet",
        "--threads",
        "1",
        "--maps",
        "dashmap,null",
        "--workloads",
        "read-heavy,exchange,write-heavy",
        "--dist",
        "uniform,zipf",
        "--size",
        "1024",
        "--blocks",
        "1",
        "--rounds",
        rounds,
        "--secs",
        secs,
        "--sample-ms",
        sample_ms,
        "--out",
    ]
    .map(String::from)
    .to_vec();
    v.push(out.display().to_string());
    v
}

fn start(out: &Path) -> Child {
    start_with(args(out, "15"))
}

fn start_with(args: Vec<String>) -> Child {
    bench()
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// The lines of the journal now (a line being written is not counted).
fn lines(journal: &Path) -> Vec<Entry> {
    std::fs::read(journal)
        .ok()
        .and_then(|b| read_journal(&b).ok())
        .map_or_else(Vec::new, |r| r.entries)
}

/// The rows of each finished group in the journal now.
fn journaled(journal: &Path) -> Vec<Vec<Row>> {
    lines(journal)
        .into_iter()
        .filter_map(|e| match e.kept {
            Kept::Rows(rows) => Some(rows),
            _ => None,
        })
        .collect()
}

/// Waits until the journal holds at least one finished group (and fails the test if the
/// run ends or takes too long first).
fn wait_for_a_group(child: &mut Child, journal: &Path) {
    let t0 = Instant::now();
    while journaled(journal).is_empty() {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the run ended before the test could stop it"
        );
        assert!(t0.elapsed() < Duration::from_secs(60), "no group finished");
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn rows_by_id(rows: &[Row]) -> BTreeMap<Identity, &Row> {
    rows.iter().map(|r| (r.identity(), r)).collect()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// `--resume` with anything but the run's own configuration and build is one line, exit
/// 2, and leaves the journal as it was.
fn bad_resumes_are_refused(out: &Path, journal: &Path) {
    let before = std::fs::read(journal).unwrap();
    // Another configuration: longer samples.
    let mut a = args(out, "20");
    a.push("--resume".into());
    let o = bench().args(&a).output().unwrap();
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(
        err.contains("another configuration") && err.contains("sample_secs"),
        "{err}"
    );
    assert_eq!(std::fs::read(journal).unwrap(), before);

    // Another build: the same journal, as if written by another git revision.
    let text = String::from_utf8(before.clone()).unwrap();
    let (head, rest) = text.split_once('\n').unwrap();
    let mut header: serde_json::Value = serde_json::from_str(head).unwrap();
    header["git_revision"] = "00000000000000000000".into();
    let forged = format!("{header}\n{rest}");
    std::fs::write(journal, &forged).unwrap();
    let mut a = args(out, "15");
    a.push("--resume".into());
    let o = bench().args(&a).output().unwrap();
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("git 0000000"), "{err}");
    assert_eq!(std::fs::read_to_string(journal).unwrap(), forged);
    std::fs::write(journal, &before).unwrap();
    assert!(!out.exists());
}

#[test]
fn a_killed_run_keeps_its_finished_groups_and_resume_measures_only_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("c.json");
    let journal = path_for(&out);
    assert_eq!(journal, dir.path().join("c.journal.jsonl"));
    let mut child = start(&out);
    wait_for_a_group(&mut child, &journal);
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    // The measuring process (the re-execution without ASLR) dies with the one killed:
    // the journal stops growing (a group takes a few tenths of a second).
    std::thread::sleep(Duration::from_millis(100));
    let kept = journaled(&journal);
    assert!(
        !kept.is_empty() && kept.len() < GROUPS,
        "{} groups",
        kept.len()
    );
    std::thread::sleep(Duration::from_millis(600));
    assert_eq!(journaled(&journal).len(), kept.len(), "still measuring");
    assert!(!out.exists(), "a killed run writes no results file");

    bad_resumes_are_refused(&out, &journal);

    let mut a = args(&out, "15");
    a.push("--resume".into());
    let o = bench().args(&a).output().unwrap();
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("resuming from"), "{err}");
    assert!(!journal.exists(), "a complete run removes its journal");
    // Every cell exactly once (io::read refuses two rows with one identity).
    let results: Results = io::read(&out).unwrap();
    assert!(!results.run.partial);
    assert_eq!(results.rows.len(), ROWS);
    assert!(results.rows.iter().all(|r| r.valid));
    // The journal's cells were taken as they were, not measured again; the rest are new.
    let final_rows = rows_by_id(&results.rows);
    let mut from_journal = 0;
    for e in &kept {
        for r in e {
            let f = final_rows[&r.identity()];
            assert_eq!(f.extra.from_journal, Some(true), "{}", r.id);
            assert_eq!(f.samples, r.samples, "{}", r.id);
            from_journal += 1;
        }
    }
    let marked = results
        .rows
        .iter()
        .filter(|r| r.extra.from_journal.is_some())
        .count();
    assert_eq!(marked, from_journal);
}

#[test]
fn a_run_killed_after_a_block_resumes_at_the_next_block() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("c.json");
    let journal = path_for(&out);
    // 3 blocks of 2 rounds: every group finishes only in the third sweep.
    let mut a = args(&out, "15");
    let at = a.iter().position(|x| x == "--blocks").unwrap();
    a[at + 1] = "3".into();
    let mut child = start_with(a.clone());
    let t0 = Instant::now();
    while lines(&journal).is_empty() {
        assert!(child.try_wait().unwrap().is_none(), "ended before a block");
        assert!(t0.elapsed() < Duration::from_secs(60), "no block finished");
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    std::thread::sleep(Duration::from_millis(100));
    let kept = lines(&journal);
    let blocks: Vec<_> = kept
        .iter()
        .filter_map(|e| match &e.kept {
            Kept::Block(b) => Some((e.group.clone(), b.clone())),
            _ => None,
        })
        .collect();
    assert!(!blocks.is_empty() && blocks.len() == kept.len(), "{kept:?}");
    assert!(blocks.len() < GROUPS * 2, "{} blocks", blocks.len());

    a.push("--resume".into());
    let o = bench().args(&a).output().unwrap();
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("0 finished groups,") && err.contains("blocks of others"),
        "{err}"
    );
    let results: Results = io::read(&out).unwrap();
    assert!(!results.run.partial && !journal.exists());
    // Every cell exactly once, each with every round of the plan.
    assert_eq!(results.rows.len(), ROWS);
    for r in &results.rows {
        assert!(r.valid, "{r:?}");
        assert_eq!(r.samples.len(), 6, "{}", r.id);
        assert_eq!(r.extra.rounds.unwrap().rounds, 6);
    }
    // Rows of a group with kept blocks are stitched, and say so.
    let stitched = results
        .rows
        .iter()
        .filter(|r| r.extra.from_journal.is_some())
        .count();
    let groups_kept: std::collections::BTreeSet<String> =
        blocks.iter().map(|(g, _)| g.to_string()).collect();
    assert_eq!(stitched, 2 * groups_kept.len());
    // A kept block's samples were taken, not measured again: its group's first rows start
    // with them.
    let (group, b) = &blocks[0];
    let first: Vec<f64> =
        serde_json::from_value(b.state["outcomes"][0]["samples"].clone()).unwrap();
    assert_eq!(first.len(), 2 * (b.block as usize + 1));
    let cell = &group["Contention"]["cell"];
    let row = results
        .rows
        .iter()
        .find(|r| {
            r.id.map == "dashmap"
                && r.id.op.name() == cell["workload"].as_str().unwrap()
                && r.id.dist_name() == cell["dist"].as_str().unwrap()
        })
        .unwrap();
    assert_eq!(row.samples[..first.len()], first[..]);
}

#[test]
fn sigint_stops_after_the_current_group_with_a_partial_file_marked_partial() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("c.json");
    let journal = path_for(&out);
    let mut child = start(&out);
    wait_for_a_group(&mut child, &journal);
    signal(&child, "-INT");
    let o = child.wait_with_output().unwrap();
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(130), "{err}");
    assert!(err.contains("stopped by SIGINT"), "{err}");

    let results: Results = io::read(&out).unwrap();
    assert!(results.run.partial);
    let kept = journaled(&journal);
    assert_eq!(results.rows.len(), kept.iter().map(Vec::len).sum::<usize>());
    assert!(!results.rows.is_empty() && results.rows.len() < ROWS);
    assert!(results.rows.iter().all(|r| r.extra.from_journal.is_none()));

    // compare and plot read it, and say that it is partial.
    let o = bench().arg("compare").arg(&out).arg(&out).output().unwrap();
    let text = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(text.contains("partial"), "{text}");
    let o = bench()
        .arg("plot")
        .arg(&out)
        .arg("--out-dir")
        .arg(dir.path().join("plots"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("c.json is partial"), "{}", stderr(&o));

    // --resume completes it.
    let mut a = args(&out, "15");
    a.push("--resume".into());
    let o = bench().args(&a).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let done: Results = io::read(&out).unwrap();
    assert!(!done.run.partial);
    assert_eq!(done.rows.len(), ROWS);
    let partial = rows_by_id(&results.rows);
    for r in &done.rows {
        assert_eq!(
            r.extra.from_journal.is_some(),
            partial.contains_key(&r.identity()),
            "{}",
            r.id
        );
    }
}

#[test]
fn locate_stops_on_sigterm_and_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("l.json");
    let journal = path_for(&out);
    let args: Vec<String> = [
        "locate",
        "--sizes-log2",
        "10",
        "--ops",
        "get_hit",
        "--maps",
        "hashbrown,std",
        "--blocks",
        "1",
        "--rounds",
        "6",
        "--secs",
        "0.05",
        "--sample-ms",
        "15",
        "--out",
    ]
    .map(String::from)
    .into_iter()
    .chain([out.display().to_string()])
    .collect();
    let mut child = bench()
        .args(&args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_for_a_group(&mut child, &journal);
    signal(&child, "-TERM");
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(143), "{}", stderr(&o));
    let partial: Results = io::read(&out).unwrap();
    assert!(partial.run.partial && !partial.rows.is_empty());

    let o = bench()
        .args(&args)
        .arg("--resume")
        .stdout(Stdio::null())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let done: Results = io::read(&out).unwrap();
    assert!(!done.run.partial && done.rows.len() > partial.rows.len());
    assert!(!journal.exists());
    let before = rows_by_id(&partial.rows);
    for r in &done.rows {
        let kept = before.get(&r.identity());
        assert_eq!(r.extra.from_journal.is_some(), kept.is_some(), "{}", r.id);
        if let Some(k) = kept {
            assert_eq!(k.samples, r.samples, "{}", r.id);
        }
    }
}

fn signal(child: &Child, sig: &str) {
    let sent = Command::new("kill")
        .args([sig, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
}

#[test]
fn a_second_sigint_abandons_the_group_under_way() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("c.json");
    let journal = path_for(&out);
    // 60 rounds: a group takes a couple of seconds, so both signals land inside the second.
    let mut child = start_with(args_with(&out, "15", "60", "30"));
    wait_for_a_group(&mut child, &journal);
    signal(&child, "-INT");
    std::thread::sleep(Duration::from_millis(50));
    signal(&child, "-INT");
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(130), "{}", stderr(&o));
    // One signal would have let the second group finish; two dropped it.
    assert_eq!(journaled(&journal).len(), 1);
    let results: Results = io::read(&out).unwrap();
    assert!(results.run.partial);
    assert_eq!(results.rows.len(), 2);
}

#[test]
fn run_resume_refuses_another_configurations_journal_before_measuring() {
    let dir = tempfile::tempdir().unwrap();
    let local = dir.path().join("results/local");
    std::fs::create_dir_all(&local).unwrap();
    let journal = local.join(".pass-1-part-0.journal.jsonl");
    let header = serde_json::json!({
        "journal": 1, "command": "measure", "config": {"quick": false},
        "git_revision": "x", "git_dirty": false,
    });
    let text = format!("{header}\n");
    std::fs::write(&journal, &text).unwrap();
    let o = bench()
        .current_dir(dir.path())
        .args(["run", "--quick", "--resume"])
        .output()
        .unwrap();
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("cannot --resume"), "{err}");
    assert_eq!(std::fs::read_to_string(&journal).unwrap(), text);
    assert!(!local.join("latest.json").exists());
}
