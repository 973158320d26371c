//! `gomap-bench ab BASE HEAD`: did my change make anything slower?
//!
//! Two builds are compared in one sitting, never from two runs made at different moments:
//! on this machine the drift between runs minutes apart (40–80%) dwarfs the changes worth
//! catching. Each build runs as a worker process ([`worker`]). A group (one of the main
//! job's, or a filtered part of them) is measured in **blocks**, each on a fresh pair of
//! workers: both build the group's members, and then, member by member in a shuffled order,
//! round after round, the driver asks one worker for a sample and then the other: A then B
//! in even rounds, B then A in odd ones (ABBA), so that whatever the machine does at a given
//! moment lands on both, and a steady drift on neither more than the other. The two samples
//! of one member in one round are milliseconds apart.
//!
//! Why a pair of processes per block: a process draws something for its whole life (where
//! its pages landed), which rebuilding its maps does not draw again; measured, one pair of
//! binaries compared twice with one pair of workers each: the same hashbrown code on both
//! sides read HEAD ÷ BASE +2% in one sitting and −11% to −19% in every block of the next.
//! So each block is one draw of both processes, the workers run with address-space
//! randomization on (each draws its layout, instead of every process of one build landing
//! alike), and the interval counts the blocks as the independent draws.
//!
//! Each row is then judged by its HEAD ÷ BASE ratios (the undisturbed rounds, as
//! `results::analysis` explains): the geometric mean of the blocks' medians, and an interval
//! that is the wider of the sign test's over the rounds and Student's t over the blocks
//! ([`analysis::blocked_ratio_at`]), family-wise (Bonferroni over the rows of ours). A row is
//! **regressed** when the whole interval lies on the worse side of 1 *and* the estimate is
//! beyond the minimum effect (default 2%); **improved** the same way on the better side;
//! **noisy** when the estimate is beyond the minimum effect but the interval reaches 1;
//! **unchanged** otherwise. The minimum effect keeps a tiny but consistent difference (code
//! alignment moves loops by a percent or so) from failing a build. Third-party maps are
//! measured too, as **controls**: the same code in both builds, they get the verdict
//! `drift`, never `regressed`, and a note counts how many of them moved beyond their
//! interval — the false-positive rate to expect of the rows of ours.
//!
//! BASE and HEAD are each a path to a `gomap-bench` binary, or a git revision, which is
//! exported (`git archive`) and built in release mode under `target/ab/` (built once per
//! commit and kept).

mod protocol;
pub mod worker;

use crate::contenders::registry;
use crate::harness::measuring::groups::GroupSpec;
use crate::harness::measuring::rounds::{self, Plan};
use crate::harness::suites::plans;
use crate::results::analysis::{self, Interval, Judgement};
use crate::results::compare::{self, ComparedRow, Comparison, Verdict};
use crate::results::format::Estimate;
use crate::results::schema::Row;
use crate::vocabulary::{Identity, Suite};
use protocol::{Reply, Request, PROTOCOL_VERSION};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// What to compare and how.
#[derive(Clone, Debug)]
pub struct AbConfig {
    pub base: String,
    pub head: String,
    /// The main job's `--quick` groups.
    pub quick: bool,
    /// Only these suites (empty: all).
    pub suites: Vec<Suite>,
    /// Only these maps (single-thread and contention registry names; empty: all).
    pub maps: Vec<String>,
    /// The smallest HEAD ÷ BASE change, in percent, that counts.
    pub min_effect_pct: f64,
}

/// Refuses, in one line, a name in `--maps` that the registry does not know, in either
/// family (a typo would otherwise filter every group away, or quietly leave the map out).
pub fn check_maps(maps: &[String]) -> Result<(), String> {
    match maps.iter().find(|m| registry::find(m).is_none()) {
        Some(m) => Err(format!("unknown map '{m}'")),
        None => Ok(()),
    }
}

/// The default minimum effect, in percent.
pub const DEFAULT_MIN_EFFECT_PCT: f64 = 2.0;

/// What came of it.
pub struct AbOutcome {
    pub comparison: Comparison,
    /// Every group and the wall seconds it took (both builds, builds of the maps included).
    pub group_secs: Vec<(String, f64)>,
}

/// The groups `ab` runs: the main job's, filtered by suite and map.
pub fn groups(cfg: &AbConfig) -> Vec<GroupSpec> {
    let (lc, cc) = plans::main_job(cfg.quick);
    let mut v = lc.groups();
    v.extend(cc.groups().0.into_iter().map(|(g, _)| g));
    let keep_suite = |g: &GroupSpec| {
        let s = match g {
            GroupSpec::Ops { .. } => Suite::Ops,
            GroupSpec::Index { .. } => Suite::Locate,
            GroupSpec::Probe { .. } => Suite::Probe,
            GroupSpec::Contention { .. } => Suite::Contention,
        };
        cfg.suites.is_empty() || cfg.suites.contains(&s)
    };
    v.into_iter()
        .filter(keep_suite)
        .filter_map(|mut g| {
            if cfg.maps.is_empty() {
                return Some(g);
            }
            match &mut g {
                GroupSpec::Ops { maps, .. } | GroupSpec::Contention { maps, .. } => {
                    maps.retain(|m| cfg.maps.contains(m));
                    (!maps.is_empty()).then_some(g)
                }
                _ => None,
            }
        })
        .collect()
}

/// How long the driver waits for one reply. The slowest honest reply is a `build` of the
/// largest group (seconds); a worker silent for longer is stuck (or speaks another protocol
/// without saying so), and waiting on it forever would hang the run, and CI with it.
const REPLY_DEADLINE: Duration = Duration::from_secs(300);

/// A worker process. Its stdout is read by a thread of its own, so that a reply can be
/// awaited with a deadline.
struct Worker {
    label: String,
    child: Child,
    stdin: ChildStdin,
    /// Lines from the worker's stdout; an empty string is its end.
    replies: Receiver<std::io::Result<String>>,
}

impl Worker {
    fn spawn(bin: &Path, label: &str) -> Result<Worker, String> {
        let mut cmd = Command::new(bin);
        crate::harness::measuring::placement::with_aslr(&mut cmd);
        let mut child = cmd
            .arg("worker")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| format!("{label}: cannot start {}: {e}", bin.display()))?;
        let stdin = child.stdin.take().expect("piped");
        let mut stdout = BufReader::new(child.stdout.take().expect("piped"));
        let (tx, replies) = mpsc::channel();
        std::thread::spawn(move || loop {
            let mut line = String::new();
            let r = stdout.read_line(&mut line).map(|_| line);
            let end = !matches!(&r, Ok(l) if !l.is_empty());
            if tx.send(r).is_err() || end {
                return;
            }
        });
        let mut w = Worker {
            label: label.to_string(),
            child,
            stdin,
            replies,
        };
        match w.call(&Request::Hello {
            version: PROTOCOL_VERSION,
        }) {
            Ok(Reply::Ready { version, .. }) if version == PROTOCOL_VERSION => Ok(w),
            Ok(Reply::Ready { version, .. }) => Err(format!(
                "{label} speaks worker protocol {version}, this build {PROTOCOL_VERSION}"
            )),
            _ => Err(format!(
                "{label} ({}) has no usable `worker` command: it predates `ab`",
                bin.display()
            )),
        }
    }

    fn call(&mut self, req: &Request) -> Result<Reply, String> {
        let mut line = serde_json::to_string(req).map_err(|e| e.to_string())?;
        line.push('\n');
        self.stdin
            .write_all(line.as_bytes())
            .and_then(|()| self.stdin.flush())
            .map_err(|e| format!("{}: worker gone ({e})", self.label))?;
        let answer = match self.replies.recv_timeout(REPLY_DEADLINE) {
            Ok(Ok(line)) if !line.is_empty() => line,
            Ok(Ok(_)) | Err(RecvTimeoutError::Disconnected) => {
                return Err(format!("{}: the worker exited", self.label))
            }
            Ok(Err(e)) => return Err(format!("{}: worker gone ({e})", self.label)),
            Err(RecvTimeoutError::Timeout) => {
                let _ = self.child.kill();
                return Err(format!(
                    "{}: no reply in {} s to {}; worker stopped",
                    self.label,
                    REPLY_DEADLINE.as_secs(),
                    line.trim_end()
                ));
            }
        };
        match parse_reply(&answer) {
            Ok(Reply::Error { message }) => Err(format!("{}: {message}", self.label)),
            Ok(r) => Ok(r),
            Err(e) => Err(format!("{}: unreadable reply ({e})", self.label)),
        }
    }
}

/// A worker's reply. Workers of builds before the blocks ran on fresh processes send each
/// row's ratio to its group's reference, whose interval over a block of few rounds can be
/// infinite and arrives as `null`; `ab` never reads that ratio, so it is dropped rather than
/// refused.
fn parse_reply(line: &str) -> serde_json::Result<Reply> {
    serde_json::from_str(line).or_else(|e| {
        let mut v: serde_json::Value = serde_json::from_str(line)?;
        let Some(rows) = v.pointer_mut("/rows/rows").and_then(|r| r.as_array_mut()) else {
            return Err(e);
        };
        for row in rows {
            if let Some(extra) = row.get_mut("extra").and_then(|x| x.as_object_mut()) {
                extra.remove("ratio");
            }
        }
        serde_json::from_value(v)
    })
}

impl Drop for Worker {
    /// Asks the worker to quit; one that does not (it was left inside a group by an error
    /// of the driver's) is killed rather than waited on forever.
    fn drop(&mut self) {
        let _ = self.call(&Request::Quit);
        for _ in 0..100 {
            if !matches!(self.child.try_wait(), Ok(None)) {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A binary path, or a git revision built into one.
pub fn resolve(spec: &str, log: &mut dyn FnMut(&str)) -> Result<PathBuf, String> {
    let p = Path::new(spec);
    if p.is_file() {
        return Ok(p.to_path_buf());
    }
    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    let Some(sha) = git(&[
        "rev-parse",
        "--verify",
        "--quiet",
        &format!("{spec}^{{commit}}"),
    ]) else {
        return Err(format!(
            "`{spec}` is neither a gomap-bench binary nor a git revision of this repository"
        ));
    };
    let top = git(&["rev-parse", "--show-toplevel"]).ok_or("not in a git repository")?;
    let root = Path::new(&top).join("target/ab");
    let bin = root.join("bin").join(format!("gomap-bench-{}", &sha[..12]));
    if bin.is_file() {
        return Ok(bin);
    }
    let src = root.join("src").join(&sha[..12]);
    log(&format!(
        "ab: building {spec} ({}) in {}",
        &sha[..12],
        src.display()
    ));
    let _ = std::fs::remove_dir_all(&src);
    std::fs::create_dir_all(&src).map_err(|e| format!("{}: {e}", src.display()))?;
    let export = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "git archive --format=tar {sha} | tar -x -C '{}'",
            src.display()
        ))
        .current_dir(&top)
        .status()
        .map_err(|e| e.to_string())?;
    if !export.success() {
        return Err(format!("cannot export {spec} with git archive"));
    }
    let built = Command::new("cargo")
        .args(["build", "--release", "--quiet", "--bin", "gomap-bench"])
        .env("CARGO_TARGET_DIR", root.join("target"))
        .current_dir(&src)
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !built.success() {
        return Err(format!("{spec} does not build"));
    }
    std::fs::create_dir_all(root.join("bin")).map_err(|e| e.to_string())?;
    std::fs::copy(root.join("target/release/gomap-bench"), &bin)
        .map_err(|e| format!("{}: {e}", bin.display()))?;
    Ok(bin)
}

/// The two builds, as binaries, and how to start a fresh worker of each.
struct Builds {
    base: PathBuf,
    head: PathBuf,
    base_label: String,
    head_label: String,
}

impl Builds {
    /// A fresh worker of each build, BASE first.
    fn spawn(&self) -> Result<(Worker, Worker), String> {
        Ok((
            Worker::spawn(&self.base, &self.base_label)?,
            Worker::spawn(&self.head, &self.head_label)?,
        ))
    }
}

/// Runs the comparison.
pub fn run(cfg: &AbConfig, log: &mut dyn FnMut(&str)) -> Result<AbOutcome, String> {
    let groups = groups(cfg);
    if groups.is_empty() {
        return Err("no group left after the --suite and --maps filters".into());
    }
    let builds = Builds {
        base: resolve(&cfg.base, log)?,
        head: resolve(&cfg.head, log)?,
        base_label: format!("BASE {}", cfg.base),
        head_label: format!("HEAD {}", cfg.head),
    };
    // Both speak our protocol, before any group is measured.
    drop(builds.spawn()?);
    let plan = plans::ab(cfg.quick, false);
    let cplan = plans::ab(cfg.quick, true);
    let mut pending = Vec::new();
    let mut group_secs = Vec::new();
    for g in &groups {
        let plan = match g {
            GroupSpec::Contention { .. } => cplan,
            _ => plan,
        };
        let t0 = Instant::now();
        pending.extend(one_group(g, &plan, &builds)?);
        let secs = t0.elapsed().as_secs_f64();
        log(&format!("ab: {} in {secs:.1} s", g.label()));
        group_secs.push((g.label(), secs));
    }
    // Bonferroni over the rows of ours: each interval covers 1 − 5%/m, so that the chance
    // that any row of ours is flagged by noise alone is at most 5%. Measured without it:
    // the same binary twice, 3 of 45 rows beyond their separate 95% intervals.
    let m = pending
        .iter()
        .filter(|p| compare::is_ours(&p.head))
        .count()
        .max(1);
    let alpha = FAMILY_ALPHA / m as f64;
    let mut rows: Vec<ComparedRow> = pending
        .iter()
        .map(|p| verdict(p, cfg.min_effect_pct, alpha))
        .collect();
    rows.sort_by(|a, b| a.identity.cmp(&b.identity));
    let total: f64 = group_secs.iter().map(|g| g.1).sum();
    let controls: Vec<&ComparedRow> = rows
        .iter()
        .filter(|r| r.verdict == Verdict::Drift)
        .collect();
    let false_pos = controls
        .iter()
        .filter(|r| beyond_interval(r, cfg.min_effect_pct))
        .count();
    let notes = vec![
        format!(
            "intervals cover 1 − 5%/{m} each (Bonferroni over the {m} rows of ours); controls (third-party rows, the same code in both builds): {false_pos} of {} beyond theirs",
            controls.len()
        ),
        format!("BASE = {} ({})", cfg.base, builds.base.display()),
        format!("HEAD = {} ({})", cfg.head, builds.head.display()),
        format!(
            "{} groups in {total:.0} s ({:.1} s a group, up to {} blocks each on a fresh pair of workers); verdicts: HEAD ÷ BASE, the geometric mean of the blocks' medians, interval the wider of the sign test's over the rounds and Student's t over the blocks (family-wise 95%), minimum effect {}%",
            group_secs.len(),
            total / group_secs.len() as f64,
            plan.blocks,
            cfg.min_effect_pct
        ),
    ];
    Ok(AbOutcome {
        comparison: Comparison {
            rows,
            threshold_pct: cfg.min_effect_pct,
            notes,
        },
        group_secs,
    })
}

fn built(w: &mut Worker, g: &GroupSpec, plan: &Plan) -> Result<(Vec<String>, f64), String> {
    match w.call(&Request::Build {
        spec: g.clone(),
        plan: *plan,
    })? {
        Reply::Built {
            members,
            round_cost_secs,
        } => Ok((members, round_cost_secs)),
        other => Err(format!("{}: expected `built`, got {other:?}", w.label)),
    }
}

fn sample(w: &mut Worker, member: usize) -> Result<Option<f64>, String> {
    match w.call(&Request::Sample { member })? {
        Reply::Sampled { value } => Ok(value),
        other => Err(format!("{}: expected a sample, got {other:?}", w.label)),
    }
}

fn finish(w: &mut Worker) -> Result<Vec<Row>, String> {
    match w.call(&Request::Finish)? {
        Reply::Rows { rows } => Ok(rows),
        other => Err(format!("{}: expected rows, got {other:?}", w.label)),
    }
}

/// One member both builds have: its rows (the first block's, invalid when any block's was)
/// and its paired samples, with the block each came from; judged once every group has run
/// (the number of rows sets the family-wise confidence).
struct Paired {
    base: Row,
    head: Row,
    sb: Vec<f64>,
    sh: Vec<f64>,
    /// The samples' index ranges, one per block.
    blocks: Vec<std::ops::Range<usize>>,
}

impl Paired {
    fn absorb(&mut self, base: &Row, head: &Row) {
        self.base.valid &= base.valid;
        self.head.valid &= head.valid;
    }
}

/// The fewest rounds a block of `ab` gets: a block's median of fewer would be one or two
/// samples.
const MIN_ROUNDS_A_BLOCK: u32 = 3;

/// Both builds through one group, alternating, each block of rounds on a fresh pair of
/// worker processes; every member both have, paired.
///
/// Why fresh processes: a process draws something for its whole life that rebuilding its
/// maps does not draw again (measured, `ab` of one pair of binaries twice, 96 rounds in 8
/// blocks each: hashbrown get_miss 2^20, the same code on both sides, HEAD ÷ BASE +2% in
/// one sitting and −11% to −19% in every block of the next; GoMap remove 2^16, untouched
/// by the change, +4% to +13% in every block of one sitting, −4% to +6% in the next). One
/// pair of workers makes that one draw the whole comparison's, and no interval over its
/// rounds can hold it; a pair per block makes it block-to-block spread, which the blocks'
/// interval measures. The workers run with address-space randomization on, so each pair
/// also draws where code, heap and stack land, rather than every pair of one build landing
/// alike.
fn one_group(g: &GroupSpec, plan: &Plan, builds: &Builds) -> Result<Vec<Paired>, String> {
    // Known after the first block's build: the rounds, and the blocks they make (each with
    // enough rounds for a worker's own interval).
    let mut sized: Option<(u32, u32)> = None;
    // In HEAD's first order; a member is found again by its row's identity.
    let mut paired: Vec<Paired> = Vec::new();
    let seed = plan.seed ^ 0xAB;
    let mut k = 0;
    while sized.is_none_or(|(_, blocks)| k < blocks) {
        let (mut base, mut head) = builds.spawn()?;
        let (bm, bcost) = built(&mut base, g, plan)?;
        let (hm, hcost) = built(&mut head, g, plan)?;
        let (rounds_n, blocks) = *sized.get_or_insert_with(|| {
            let r = plan.rounds_for(bcost + hcost);
            (r, plan.blocks.min(r / MIN_ROUNDS_A_BLOCK).max(1))
        });
        // Members both builds have, as (index in BASE, index in HEAD).
        let pairs: Vec<(usize, usize)> = hm
            .iter()
            .enumerate()
            .filter_map(|(h, id)| bm.iter().position(|b| b == id).map(|b| (b, h)))
            .collect();
        let n = pairs.len();
        let mut sb: Vec<Vec<f64>> = vec![Vec::new(); n];
        let mut sh: Vec<Vec<f64>> = vec![Vec::new(); n];
        for r in rounds::block_rounds(blocks, k, rounds_n) {
            for i in rounds::order(seed, r, n) {
                let (b, h) = pairs[i];
                let (xb, xh) = if r % 2 == 0 {
                    let xb = sample(&mut base, b)?;
                    (xb, sample(&mut head, h)?)
                } else {
                    let xh = sample(&mut head, h)?;
                    (sample(&mut base, b)?, xh)
                };
                // Keep rounds paired: a round counts for a member when both sides sampled it.
                if let (Some(xb), Some(xh)) = (xb, xh) {
                    sb[i].push(xb);
                    sh[i].push(xh);
                }
            }
            for w in [&mut base, &mut head] {
                match w.call(&Request::EndRound)? {
                    Reply::Ok => {}
                    other => return Err(format!("{}: expected ok, got {other:?}", w.label)),
                }
            }
        }
        let base_rows = finish(&mut base)?;
        let head_rows = finish(&mut head)?;
        fn find<'r>(rows: &'r [Row], id: &str) -> Option<&'r Row> {
            rows.iter().find(|r| r.id.to_string() == id)
        }
        for (i, &(_, h)) in pairs.iter().enumerate() {
            let id = &hm[h];
            let (Some(br), Some(hr)) = (find(&base_rows, id), find(&head_rows, id)) else {
                continue;
            };
            let at = match paired.iter().position(|p| p.head.id == hr.id) {
                Some(at) => at,
                None => {
                    paired.push(Paired {
                        base: br.clone(),
                        head: hr.clone(),
                        sb: Vec::new(),
                        sh: Vec::new(),
                        blocks: Vec::new(),
                    });
                    paired.len() - 1
                }
            };
            let p = &mut paired[at];
            p.absorb(br, hr);
            let from = p.sb.len();
            p.sb.extend_from_slice(&sb[i]);
            p.sh.extend_from_slice(&sh[i]);
            p.blocks.push(from..p.sb.len());
        }
        k += 1;
    }
    Ok(paired)
}

/// Whether a row's HEAD ÷ BASE ratio is beyond its interval and the minimum effect (the rule
/// of [`analysis::judge_ratio`], applied to the ratio the row carries).
fn beyond_interval(r: &ComparedRow, min_effect_pct: f64) -> bool {
    r.current_ratio.is_some_and(|t| {
        !matches!(
            analysis::judge_ratio(&Interval::from_triple(t), min_effect_pct),
            Judgement::NoChange | Judgement::Unclear
        )
    })
}

/// The family-wise error rate of an `ab` report's rows of ours.
const FAMILY_ALPHA: f64 = 0.05;

/// The verdict of one row from its paired samples, its interval covering 1 − `alpha`.
fn verdict(p: &Paired, min_effect_pct: f64, alpha: f64) -> ComparedRow {
    let (b, h, sb, sh) = (&p.base, &p.head, &p.sb[..], &p.sh[..]);
    let mut out = ComparedRow::new(&h.id, h.unit, analysis::median(sb), analysis::median(sh));
    if !b.valid || !h.valid {
        let side = if !h.valid { "HEAD" } else { "BASE" };
        return out.judge(Verdict::Invalid, &format!("failed validation in {side}"));
    }
    let Some((r, per_block)) =
        analysis::blocked_ratio_at(sh, sb, h.unit.lower_is_better(), &p.blocks, alpha)
    else {
        return out.judge(Verdict::Invalid, "no paired rounds");
    };
    out.change_pct = Some((r.median - 1.0) * 100.0);
    out.current_ratio = Some(r.triple());
    out.evidence = format!(
        "HEAD÷BASE {:.3}, {} rounds in {} blocks",
        Estimate::of(&r),
        r.n,
        per_block.len()
    );
    let worse_when_higher = h.unit.lower_is_better();
    if !compare::is_ours(h) {
        // The same code in both builds: a control. Its change shows what the comparison
        // lets through by chance, never a regression of this project.
        let why = match analysis::judge_ratio(&r, min_effect_pct) {
            Judgement::NoChange | Judgement::Unclear => "control (same code in both builds)",
            _ => "control (same code in both builds) beyond its interval: a false positive",
        };
        return out.judge(Verdict::Drift, why);
    }
    match analysis::judge_ratio(&r, min_effect_pct) {
        Judgement::NoChange => out.judge(
            Verdict::Unchanged,
            "within the minimum effect or the interval",
        ),
        Judgement::Unclear => out.judge(
            Verdict::Noisy,
            "beyond the minimum effect, interval reaches 1",
        ),
        Judgement::Higher if worse_when_higher => {
            out.judge(Verdict::Regressed, "slower, interval above 1")
        }
        Judgement::Lower if !worse_when_higher => {
            out.judge(Verdict::Regressed, "slower, interval below 1")
        }
        _ => out.judge(Verdict::Improved, "faster, interval clear of 1"),
    }
}

/// The identities of a map's rows in an `ab` comparison (for tests and reports).
pub fn identities(c: &Comparison) -> HashMap<Identity, Verdict> {
    c.rows
        .iter()
        .map(|r| (r.identity.clone(), r.verdict))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row as a worker sends it, with `ratio_high` as its ratio's upper end.
    fn rows_reply(ratio_high: &str) -> String {
        format!(
            r#"{{"rows": {{"rows": [{{"suite": "ops", "map": "gomap/generic", "op": "get_hit",
            "size": 1024, "threads": 1, "dist": "-", "isa": "sse2", "unit": "ns/op",
            "direction": "lower_is_better", "samples": [10.0], "median": 10.0, "min": 10.0,
            "max": 10.0, "valid": true, "noisy": false, "extra": {{"ratio": {{"to": "hashbrown",
            "median": 1.1, "ci95_low": 0.0, "ci95_high": {ratio_high}, "n": 2}}}}}}]}}}}"#
        )
    }

    #[test]
    fn an_older_workers_infinite_ratio_is_dropped_not_refused() {
        let Reply::Rows { rows } = parse_reply(&rows_reply("1.2")).unwrap() else {
            panic!("not rows")
        };
        assert!(rows[0].extra.ratio.is_some());
        // JSON has no infinity: serde_json writes it as null.
        let Reply::Rows { rows } = parse_reply(&rows_reply("null")).unwrap() else {
            panic!("not rows")
        };
        assert!(rows[0].extra.ratio.is_none());
        assert_eq!(rows[0].median, 10.0);
        // Anything else malformed is still an error.
        assert!(
            parse_reply(&rows_reply("null").replace("\"median\": 10.0", "\"median\": \"x\""))
                .is_err()
        );
        assert!(parse_reply("{\"sampled\": {\"value\": \"fast\"}}").is_err());
    }
}
