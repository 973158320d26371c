//! A map under test is untrusted code. Deliberately broken maps, one per way of failing, run
//! through the group machinery the suites use (`run_groups`), added to the registry as a
//! user's binary adds its maps (`Registrar`):
//! - a wrong answer: the row is invalid and names the first wrong op;
//! - a lost update under `shared-write`: conservation names the key;
//! - a wrong `len`: the row is invalid, saying so;
//! - a panic in `build`, `handle`, an op or `len`: that cell failed with the message, the
//!   other maps of the group and the other groups measured, and the exit status says so;
//! - a hang: the run stops after its deadline with one line, its journal keeps every finished
//!   block and the hung cell, and a resumed run finishes without measuring it again (in a
//!   child process: the watchdog ends the process it runs in).
//!
//! And a run stopped between blocks resumes at the next block, ending with the rows an
//! uninterrupted run has.

use gomap_bench::commands::contention::status_of;
use gomap_bench::commands::{EXIT_CELL_FAILED, EXIT_HUNG};
use gomap_bench::contenders::{BuildSpec, Contender, Handle};
use gomap_bench::harness::measuring::facts;
use gomap_bench::harness::measuring::groups::{run_groups, GroupSpec};
use gomap_bench::harness::measuring::journal::{self, Header, Journal, Kept};
use gomap_bench::harness::measuring::rounds::Plan;
use gomap_bench::harness::measuring::runner::CellSpec;
use gomap_bench::harness::measuring::watchdog::DEADLINE_ENV;
use gomap_bench::results::io;
use gomap_bench::results::schema::{Failure, Results, Row};
use gomap_bench::vocabulary::{Dist, Workload};
use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicU64, Ordering};

// ---- the broken maps ----

/// Each broken map is dashmap with one lie; `H` says which.
struct Broken<const H: u8> {
    map: dashmap::DashMap<u64, u64>,
    /// The capacity hint: the prefill.
    prefill: u64,
    inserts: AtomicU64,
}

/// Answers "absent" to every remove, though it removes.
const MISREPORTS_REMOVES: u8 = 0;
/// An update of an absent key answers "was absent" (so it inserted) and inserts nothing.
const LOSES_UPDATES: u8 = 1;
/// `len` is one more than the entries.
const WRONG_LEN: u8 = 2;
/// Panics in `build`.
const PANICS_IN_BUILD: u8 = 3;
/// Panics in `handle`.
const PANICS_IN_HANDLE: u8 = 4;
/// Panics in an insert.
const PANICS_IN_INSERT: u8 = 5;
/// Panics in `len`.
const PANICS_IN_LEN: u8 = 6;
/// A read never returns (a lost wake-up).
const HANGS: u8 = 7;

impl<const H: u8> Contender for Broken<H> {
    const NAME: &'static str = match H {
        MISREPORTS_REMOVES => "broken-misreports-removes",
        LOSES_UPDATES => "broken-loses-updates",
        WRONG_LEN => "broken-wrong-len",
        PANICS_IN_BUILD => "broken-panics-in-build",
        PANICS_IN_HANDLE => "broken-panics-in-handle",
        PANICS_IN_INSERT => "broken-panics-in-insert",
        PANICS_IN_LEN => "broken-panics-in-len",
        _ => "broken-hangs",
    };
    type Handle<'a> = &'a Self;
    fn build(spec: &BuildSpec) -> Self {
        if H == PANICS_IN_BUILD {
            panic!("injected panic in build");
        }
        Broken {
            map: dashmap::DashMap::with_capacity(spec.capacity),
            prefill: spec.capacity as u64,
            inserts: AtomicU64::new(0),
        }
    }
    fn handle(&self) -> &Self {
        if H == PANICS_IN_HANDLE {
            panic!("injected panic in handle");
        }
        self
    }
    fn len(&self) -> usize {
        match H {
            PANICS_IN_LEN => panic!("injected panic in len"),
            WRONG_LEN => self.map.len() + 1,
            _ => self.map.len(),
        }
    }
}

impl<const H: u8> Handle for &Broken<H> {
    fn get(&mut self, k: &u64) -> Option<u64> {
        if H == HANGS {
            // Waits for a wake-up that never comes.
            loop {
                std::thread::park();
            }
        }
        self.map.get(k).map(|v| *v)
    }
    fn insert(&mut self, k: u64, v: u64) -> bool {
        // Past the prefill: in the cell's threads.
        if H == PANICS_IN_INSERT && self.inserts.fetch_add(1, Ordering::Relaxed) >= self.prefill {
            panic!("injected panic in insert");
        }
        self.map.insert(k, v).is_none()
    }
    fn remove(&mut self, k: &u64) -> bool {
        let removed = self.map.remove(k).is_some();
        removed && H != MISREPORTS_REMOVES
    }
    fn update(&mut self, k: u64, v: u64) -> bool {
        if H == LOSES_UPDATES && !self.map.contains_key(&k) {
            return false; // "was absent: inserted", and nothing is
        }
        self.map.insert(k, v).is_some()
    }
}

/// Adds the broken maps to the registry, once per process (every test calls it first).
fn install() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let mut r = gomap_bench::Registrar::default();
        r.add::<Broken<MISREPORTS_REMOVES>>();
        r.add::<Broken<LOSES_UPDATES>>();
        r.add::<Broken<WRONG_LEN>>();
        r.add::<Broken<PANICS_IN_BUILD>>();
        r.add::<Broken<PANICS_IN_HANDLE>>();
        r.add::<Broken<PANICS_IN_INSERT>>();
        r.add::<Broken<PANICS_IN_LEN>>();
        r.add::<Broken<HANGS>>();
        r.install().unwrap();
    });
}

// ---- groups and plans ----

fn group(workload: Workload, size: u64, maps: &[&str]) -> GroupSpec {
    GroupSpec::Contention {
        cell: CellSpec {
            workload,
            dist: Dist::Uniform,
            size,
            threads: 2,
            shards: Some(4),
        },
        maps: maps.iter().map(|m| m.to_string()).collect(),
        // Two samples a pass: every other sample wraps, validating the pass.
        stream_ops: 5_000,
        sample_ops: Some(2_000),
    }
}

/// `rounds` rounds in `blocks` blocks.
fn plan(rounds: u32, blocks: u32) -> Plan {
    Plan {
        max_rounds: rounds,
        min_rounds: rounds,
        group_secs: 60.0,
        seed: 1,
        sample_secs: 0.001,
        blocks,
    }
}

fn run(specs: &[GroupSpec], plan: &Plan) -> Vec<Row> {
    install();
    run_groups(specs, plan, None, |_, _| {})
        .unwrap()
        .into_rows()
}

fn row<'r>(rows: &'r [Row], map: &str) -> &'r Row {
    rows.iter()
        .find(|r| r.id.map == map)
        .unwrap_or_else(|| panic!("no row of {map}"))
}

fn error(r: &Row) -> &str {
    r.extra.validation_error.as_deref().unwrap_or("")
}

fn results(rows: Vec<Row>) -> Results {
    Results::new(facts::collect(serde_json::json!({"command": "test"})), rows)
}

// ---- wrong answers ----

#[test]
fn a_wrong_answer_makes_the_cell_invalid_naming_the_first_wrong_op() {
    let rows = run(
        &[group(
            Workload::WriteHeavy,
            512,
            &["dashmap", Broken::<MISREPORTS_REMOVES>::NAME],
        )],
        &plan(6, 1),
    );
    let bad = row(&rows, Broken::<MISREPORTS_REMOVES>::NAME);
    assert!(!bad.valid && bad.samples.is_empty());
    assert_eq!(
        bad.extra.failure, None,
        "it answered: a finding, not a failure"
    );
    assert_eq!((bad.id.threads, bad.id.op.name()), (2, "write-heavy"));
    let e = error(bad);
    // The op: which thread, which op of its stream, on which key, got and expected.
    assert!(
        e.starts_with("round ") && e.contains(": first wrong answer: thread "),
        "{e}"
    );
    assert!(
        e.contains(" op #") && e.contains("remove of thread "),
        "{e}"
    );
    assert!(
        e.contains(r#"answered "absent", expected "removed""#),
        "{e}"
    );
    assert!(e.contains("remove: "), "the totals that caught it: {e}");
    assert!(bad.extra.ratio.is_none());
    let good = row(&rows, "dashmap");
    assert!(good.valid && good.samples.len() == 6, "{good:?}");
    // Measured and invalid: the run's status is not a failed cell's.
    assert_eq!(status_of(0, &results(rows)), 0);
}

#[test]
fn a_lost_update_under_shared_write_is_named_by_its_key() {
    let rows = run(
        &[group(
            Workload::SharedWrite,
            16,
            &["dashmap", Broken::<LOSES_UPDATES>::NAME],
        )],
        &plan(6, 1),
    );
    let bad = row(&rows, Broken::<LOSES_UPDATES>::NAME);
    assert!(!bad.valid);
    let e = error(bad);
    // `round 3: key #0: initial 1 + 115 made present − 55 made absent = 61, but the key is
    // present at the end`: the lost insert put the key's sum off for good.
    assert!(
        e.contains(": key #") && e.contains(" made present − "),
        "{e}"
    );
    assert!(e.contains(", but the key is "), "{e}");
    assert!(row(&rows, "dashmap").valid);
}

#[test]
fn a_wrong_len_after_a_pass_is_flagged() {
    let rows = run(
        &[group(
            Workload::Exchange,
            512,
            &["dashmap", Broken::<WRONG_LEN>::NAME],
        )],
        &plan(6, 1),
    );
    let bad = row(&rows, Broken::<WRONG_LEN>::NAME);
    assert!(!bad.valid && bad.extra.failure.is_none());
    let e = error(bad);
    assert!(e.contains("len ") && e.contains(", expected "), "{e}");
    assert!(e.contains("found no op answering wrongly"), "{e}");
    assert!(row(&rows, "dashmap").valid);
}

// ---- panics ----

#[test]
fn a_panic_in_any_method_fails_that_cell_and_the_rest_is_measured() {
    let panicking = [
        (Broken::<PANICS_IN_BUILD>::NAME, "build"),
        (Broken::<PANICS_IN_HANDLE>::NAME, "handle"),
        (Broken::<PANICS_IN_INSERT>::NAME, "insert"),
        (Broken::<PANICS_IN_LEN>::NAME, "len"),
    ];
    let mut maps = vec!["dashmap"];
    maps.extend(panicking.iter().map(|(m, _)| *m));
    maps.push("null");
    let specs = [
        group(Workload::Exchange, 512, &maps),
        group(Workload::ReadHeavy, 512, &["dashmap", "null"]),
    ];
    let rows = run(&specs, &plan(6, 2));
    for (map, method) in panicking {
        let r = row(&rows, map);
        assert!(!r.valid && r.samples.is_empty(), "{map}");
        assert_eq!(r.extra.failure, Some(Failure::Panicked), "{map}");
        let e = error(r);
        assert!(
            e.contains(&format!("panicked: injected panic in {method}")),
            "{map}: {e}"
        );
        assert!(!e.contains('\n'));
    }
    // The group's other maps and the other group: every round measured, ratios made.
    let others: Vec<&Row> = rows
        .iter()
        .filter(|r| !r.id.map.starts_with("broken"))
        .collect();
    assert_eq!(others.len(), 4);
    for r in others {
        assert!(r.valid && r.samples.len() == 6, "{r:?}");
    }
    assert!(rows
        .iter()
        .any(|r| r.id.map == "null" && r.extra.ratio.is_some()));
    assert_eq!(status_of(0, &results(rows)), EXIT_CELL_FAILED);
}

// ---- a run stopped between blocks ----

#[test]
fn a_run_stopped_between_blocks_resumes_at_the_next_block_with_the_same_structure() {
    let specs = [
        group(Workload::Exchange, 512, &["dashmap", "null"]),
        group(Workload::ReadHeavy, 512, &["dashmap", "null"]),
    ];
    let plan = plan(9, 3);
    let header = Header::new("untrusted-test", serde_json::json!({"test": 1}));
    let dir = tempfile::tempdir().unwrap();
    let (full_out, cut_out) = (dir.path().join("full.json"), dir.path().join("cut.json"));

    // The whole run; its journal as it stood after three visits, as a kill would leave it.
    let mut j = Journal::open(&full_out, &header, false).unwrap().journal;
    let mut visits = 0;
    let mut cut = Vec::new();
    let full = run_groups(&specs, &plan, Some(&mut j), |_, _| {
        visits += 1;
        if visits == 3 {
            cut = std::fs::read(journal::path_for(&full_out)).unwrap();
        }
    })
    .unwrap()
    .into_rows();
    assert_eq!(visits, 6);
    let kept = journal::read_journal(&cut).unwrap().entries;
    assert_eq!(kept.len(), 3);
    assert!(kept.iter().all(|e| matches!(e.kept, Kept::Block(_))));

    // Resumed from there: only the three missing visits.
    std::fs::write(journal::path_for(&cut_out), &cut).unwrap();
    let mut j = Journal::open(&cut_out, &header, true).unwrap().journal;
    let mut resumed_visits = 0;
    let resumed = run_groups(&specs, &plan, Some(&mut j), |_, _| resumed_visits += 1)
        .unwrap()
        .into_rows();
    assert_eq!(resumed_visits, 3);
    assert_eq!(resumed.len(), full.len());
    // Both groups had blocks kept: their rows are stitched, and say so.
    assert!(resumed.iter().all(|r| r.extra.from_journal == Some(true)));
    assert!(full.iter().all(|r| r.extra.from_journal.is_none()));
    for (a, b) in full.iter().zip(&resumed) {
        assert_eq!(a.id, b.id);
        assert!(a.valid && b.valid, "{b:?}");
        assert_eq!(a.samples.len(), b.samples.len(), "{}", a.id);
        assert_eq!(
            a.extra.rounds.map(|r| r.rounds),
            b.extra.rounds.map(|r| r.rounds)
        );
        // A ratio per block of rounds (those with an undisturbed round: how many depends on
        // the machine's moods, not on the resume).
        assert_eq!(a.extra.ratio.is_some(), b.extra.ratio.is_some(), "{}", a.id);
        if let Some(r) = &b.extra.ratio {
            let n = r.blocks.as_ref().map_or(0, Vec::len);
            assert!((1..=3).contains(&n), "{}: {n} blocks", b.id);
        }
    }
    // The kept blocks' samples are the resumed rows' first ones: taken, not measured again.
    let Kept::Block(b) = &kept[2].kept else {
        unreachable!()
    };
    assert_eq!(b.block, 1);
    let first: Vec<f64> =
        serde_json::from_value(b.state["outcomes"][0]["samples"].clone()).unwrap();
    assert_eq!(first.len(), 6);
    assert_eq!(resumed[0].samples[..6], first[..]);
}

// ---- hangs ----

/// The hang test's child: runs (or, with `RESUME`, resumes) two groups, the second with the
/// map that hangs, journaled beside `DIR/c.json`, and exits as `contention` would.
#[test]
fn hang_child() {
    let Ok(dir) = std::env::var("UNTRUSTED_HANG_DIR") else {
        return; // run by the test below only
    };
    let resume = std::env::var_os("UNTRUSTED_HANG_RESUME").is_some();
    let out = Path::new(&dir).join("c.json");
    let (specs, plan) = hang_groups();
    let header = Header::new("untrusted-test", serde_json::json!({"hang": 1}));
    let mut j = Journal::open(&out, &header, resume).unwrap().journal;
    install();
    let swept = run_groups(&specs, &plan, Some(&mut j), |_, _| {}).unwrap();
    let stopped = swept.stopped;
    let r = results(swept.into_rows());
    io::write(&out, &r, io::BaselinePolicy::Protect).unwrap();
    let closed = journal::close(j, stopped, &out, &mut |l| eprintln!("{l}")).unwrap();
    std::process::exit(i32::from(status_of(closed, &r)));
}

fn hang_groups() -> (Vec<GroupSpec>, Plan) {
    (
        vec![
            group(Workload::ReadHeavy, 512, &["dashmap", "null"]),
            group(
                Workload::Exchange,
                512,
                &["dashmap", Broken::<HANGS>::NAME, "null"],
            ),
        ],
        plan(6, 2),
    )
}

fn child(dir: &Path, resume: bool) -> std::process::Output {
    let mut c = Command::new(std::env::current_exe().unwrap());
    c.args([
        "--exact",
        "hang_child",
        "--nocapture",
        "--test-threads",
        "1",
    ])
    .env("UNTRUSTED_HANG_DIR", dir)
    // Every call of the child's contention groups has 3 s: a debug build's samples of
    // 2000 ops take milliseconds, even on a busy machine.
    .env(DEADLINE_ENV, "3");
    if resume {
        c.env("UNTRUSTED_HANG_RESUME", "1");
    }
    c.output().unwrap()
}

#[test]
fn a_hung_cell_stops_the_run_in_one_line_and_resume_finishes_without_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("c.json");
    let journal_path = journal::path_for(&out);
    let t0 = std::time::Instant::now();
    let o = child(dir.path(), false);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(i32::from(EXIT_HUNG)), "{err}");
    assert!(t0.elapsed().as_secs() < 60);
    // One line, naming the cell.
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(
        err.starts_with(
            "gomap-bench: hung: broken-hangs exchange uniform size=512 threads=2 gave no \
             answer in round 1 for 3."
        ),
        "{err}"
    );
    assert!(err.contains("--resume goes on without this cell"), "{err}");
    assert!(!out.exists(), "a stopped run writes no results");

    // The journal: the first group's finished block, then the hung cell.
    let read = journal::read_journal(&std::fs::read(&journal_path).unwrap()).unwrap();
    let kinds: Vec<&Kept> = read.entries.iter().map(|e| &e.kept).collect();
    assert!(
        matches!(kinds[..], [Kept::Block(_), Kept::Failed(_)]),
        "{kinds:?}"
    );
    let (specs, _) = hang_groups();
    assert_eq!(read.entries[0].group, specs[0].key());
    let Kept::Failed(f) = kinds[1] else {
        unreachable!()
    };
    assert_eq!(
        (f.map.as_str(), &read.entries[1].group),
        ("broken-hangs", &specs[1].key())
    );
    assert!(
        f.reason.starts_with("hung: no answer after 3."),
        "{}",
        f.reason
    );

    // --resume: the rest measured, the hung cell failed without being built again.
    let o = child(dir.path(), true);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(i32::from(EXIT_CELL_FAILED)), "{err}");
    let done: Results = io::read(&out).unwrap();
    assert!(!done.run.partial && !journal_path.exists());
    assert_eq!(done.rows.len(), 5, "every cell exactly once");
    let hung = row(&done.rows, "broken-hangs");
    assert_eq!(hung.extra.failure, Some(Failure::Hung));
    assert!(
        error(hung).starts_with("hung: no answer after 3."),
        "{}",
        error(hung)
    );
    for r in done.rows.iter().filter(|r| r.id.map != "broken-hangs") {
        assert!(r.valid && r.samples.len() == 6, "{r:?}");
    }
}

// TODO(after the registration API, `gomap_bench::main_with::<Lineup>()`, lands): the same
// panic and hang end to end through the CLI, with a test binary that registers these maps:
// - `contention --quick --threads 2 --workloads exchange --dist uniform --maps
//   dashmap,broken-panics-in-insert,null --out X.json`: exit 3 (`EXIT_CELL_FAILED`), the
//   summary shows `FAILED (panicked)`, X.json's row `valid: false` with
//   `extra.failure: "panicked"`, the other rows valid;
// - the same with `--maps dashmap,broken-hangs` and `GOMAP_BENCH_DEADLINE_SECS=2`: exit 4
//   (`EXIT_HUNG`), stderr exactly one line `gomap-bench: hung: broken-hangs exchange uniform
//   size=4096 threads=2 gave no answer in …`, the journal ending in the `failed` line; then
//   `--resume`: exit 3, the broken-hangs row `extra.failure: "hung"`, the journal removed.
