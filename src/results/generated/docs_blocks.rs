//! The generated blocks of `docs/` and `results/README.md`: the measured figures those
//! documents explain, rendered from the reference sitting's files (the README's headline
//! answers are [`super::blocks`]' own).
//!
//! - `reference-agreement` (`docs/methodology.md`, *Reproducibility*): how far the
//!   reference run's calibration passes agreed, by kind of row. A baseline records, in each
//!   ratio, `run_to_run`: the largest |ln(ratio ÷ ratio)| its *class* moved between two
//!   passes (`results::calibrate`, which also says what a class is). This block counts each
//!   class once and gives, per kind of row (a suite at one size, or contention at one thread
//!   count), the median and 90th percentile of that movement, how many classes stayed
//!   within `compare`'s default threshold, and the median half-width of the last pass's
//!   intervals over the rows of ours: what replaced the hand-typed A/A tables.
//! - `counts-writes` (`docs/writes.md`): the committed counts of the write operations, per
//!   op and size, each map's events per op with its ratio to the reference, as `gomap-bench
//!   counts --markdown` prints them.
//!
//! Every figure comes from the file; the statistics are `results::analysis`'s and the
//! classes `results::calibrate`'s, so nothing is computed here a second way.

use super::blocks::{Block, COUNTS, REFERENCE};
use super::Sources;
use crate::results::analysis::{median, quantile};
use crate::results::calibrate;
use crate::results::compare::{is_ours, DEFAULT_THRESHOLD_PCT};
use crate::results::format::{map_label, size, PerOpCount, SizeStyle};
use crate::results::plots::sources::run_line;
use crate::results::schema::{Results, Row};
use crate::vocabulary::{Event, Identity, Op, OpId, Role, Suite};
use std::collections::HashMap;
use std::fmt::Write as _;

/// The blocks of this module, for [`super::blocks::all`].
pub fn blocks() -> Vec<Block> {
    vec![
        Block {
            name: "reference-agreement".into(),
            sources: vec![REFERENCE],
            render: Box::new(|s: &Sources| Ok(agreement(&s.results(REFERENCE)?))),
        },
        Block {
            name: "counts-writes".into(),
            sources: vec![COUNTS],
            render: Box::new(|s: &Sources| Ok(counts(&s.results(COUNTS)?, &WRITES))),
        },
    ]
}

/// The write operations, in the order `docs/writes.md` discusses them.
const WRITES: [Op; 3] = [Op::InsertPresized, Op::InsertGrow, Op::Remove];

/// The percentile of the movement between passes the agreement table gives beside the
/// median.
const HIGH_QUANTILE: f64 = 0.9;

/// A movement or half-width in ln space, as a percentage: ln(1.05) → 5.0.
fn log_pct(x: f64) -> f64 {
    x.exp_m1() * 100.0
}

/// One line of the agreement table.
#[derive(Default)]
struct Kind {
    label: String,
    /// Each class's movement between passes (ln space), a class once.
    moved: HashMap<Identity, f64>,
    /// The relative half-widths of the intervals of the rows of ours.
    half_widths: Vec<f64>,
}

impl Kind {
    fn add(&mut self, row: &Row) {
        let Some(ratio) = row.extra.ratio.as_ref().filter(|_| row.valid) else {
            return;
        };
        if let Some(m) = ratio.run_to_run {
            self.moved.insert(calibrate::class(&row.id), m);
        }
        if is_ours(row) {
            self.half_widths
                .push(ratio.interval().relative_half_width());
        }
    }

    fn absorb(&mut self, other: &Kind) {
        self.moved
            .extend(other.moved.iter().map(|(k, v)| (k.clone(), *v)));
        self.half_widths.extend(&other.half_widths);
    }

    /// The table's line: kind, classes, moved (median, high quantile), within the
    /// threshold, rows of ours, median half-width.
    fn line(&self, threshold: f64) -> String {
        let moved: Vec<f64> = self.moved.values().copied().collect();
        let pct = |x: Option<f64>| x.map_or("—".to_string(), |x| format!("{:.1}%", log_pct(x)));
        let within = moved.iter().filter(|&&m| m <= threshold).count();
        let within = if moved.is_empty() {
            "—".to_string()
        } else {
            format!("{within} of {}", moved.len())
        };
        let half =
            median(&self.half_widths).map_or("—".to_string(), |h| format!("±{:.1}%", h * 100.0));
        format!(
            "| {} | {} | {} | {} | {within} | {} | {half} |\n",
            self.label,
            moved.len(),
            pct(median(&moved)),
            pct(quantile(&moved, HIGH_QUANTILE)),
            self.half_widths.len(),
        )
    }
}

/// The kind a row is summarized under: its suite and size, or for contention its thread
/// count; the key orders the table as the suites are ordered.
fn kind_of(row: &Row) -> ((usize, u64), String) {
    let id = &row.id;
    let suite = Suite::ALL
        .iter()
        .position(|&s| s == id.suite)
        .unwrap_or(usize::MAX);
    if id.suite == Suite::Contention {
        let t = id.threads;
        let word = if t == 1 { "thread" } else { "threads" };
        ((suite, u64::from(t)), format!("contention, {t} {word}"))
    } else if id.size == 0 {
        ((suite, 0), id.suite.name().to_string())
    } else {
        (
            (suite, id.size),
            format!("{} {}", id.suite.name(), size(id.size, SizeStyle::Power)),
        )
    }
}

/// `reference-agreement`: how far the reference run's calibration passes agreed.
pub fn agreement(doc: &Results) -> String {
    let mut kinds: Vec<((usize, u64), Kind)> = Vec::new();
    for row in doc.rows.iter().filter(|r| r.extra.ratio.is_some()) {
        let (key, label) = kind_of(row);
        let at = match kinds.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None => {
                kinds.push((
                    key,
                    Kind {
                        label,
                        ..Kind::default()
                    },
                ));
                kinds.len() - 1
            }
        };
        kinds[at].1.add(row);
    }
    kinds.sort_by_key(|(k, _)| *k);
    let config = &doc.run.config;
    let passes = config.get("calibration_passes").and_then(|v| v.as_u64());
    let processes = config.get("processes").and_then(|v| v.as_u64());
    let mut out = String::new();
    let _ = write!(out, "`{REFERENCE}`, {}", run_line(&doc.run));
    match passes {
        Some(p) => {
            let _ = write!(out, ": {p} calibration passes of the main job");
        }
        None => out.push_str(": no calibration passes recorded"),
    }
    if let Some(n) = processes {
        let _ = write!(out, ", each in {n} processes");
    }
    out.push_str(".\n\n");
    let threshold_pct = DEFAULT_THRESHOLD_PCT;
    let threshold = (1.0 + threshold_pct / 100.0).ln();
    let _ = writeln!(
        out,
        "| kind of row | classes | moved between passes, median | {:.0}th percentile | classes \
         within {threshold_pct}% | rows of ours | their interval, median half-width |",
        HIGH_QUANTILE * 100.0
    );
    out.push_str("|---|---|---|---|---|---|---|\n");
    let mut all = Kind {
        label: "**all**".into(),
        ..Kind::default()
    };
    for (_, k) in &kinds {
        out.push_str(&k.line(threshold));
        all.absorb(k);
    }
    if kinds.len() > 1 {
        out.push_str(&all.line(threshold));
    }
    if all.moved.is_empty() {
        out.push_str(
            "\n_No row of this file records a movement between passes (a run of one pass): \
             the intervals only._\n",
        );
    }
    out
}

/// One line of a counts table: a map's events per op at one op and size.
struct CountLine {
    op: Op,
    size: u64,
    map: String,
    /// The map with the ISA it ran on (`format::map_label`).
    label: String,
    reference: bool,
    /// Per event, in [`Event::ALL`]'s order.
    events: [Option<f64>; Event::ALL.len()],
}

/// `counts-writes` and its kind: the counts of `ops`, one line per op, size and map (maps in
/// the file's order), each event per op with, for the maps other than the file's reference,
/// its ratio to the reference's.
pub fn counts(doc: &Results, ops: &[Op]) -> String {
    let mut lines: Vec<CountLine> = Vec::new();
    for row in doc.rows.iter().filter(|r| r.valid) {
        let OpId::Counted(c) = row.id.op else {
            continue;
        };
        if !ops.contains(&c.op) {
            continue;
        }
        let id = &row.id;
        let label = map_label(id);
        let same = |l: &CountLine| (l.op, l.size, &l.label) == (c.op, id.size, &label);
        let at = match lines.iter().position(same) {
            Some(i) => i,
            None => {
                lines.push(CountLine {
                    op: c.op,
                    size: id.size,
                    map: id.map.clone(),
                    label,
                    reference: row.extra.role == Some(Role::Reference),
                    events: [None; Event::ALL.len()],
                });
                lines.len() - 1
            }
        };
        if let Some(e) = Event::ALL.iter().position(|&e| e == c.event) {
            lines[at].events[e] = Some(row.median);
        }
    }
    let mut out = format!("`{COUNTS}`, {}.\n\n", run_line(&doc.run));
    out.push_str(
        "| op | size | map | instructions | branches | mispredicted | L1 misses | LL misses |\n\
         |---|---|---|---|---|---|---|---|\n",
    );
    for &op in ops {
        let mut sizes: Vec<u64> = lines
            .iter()
            .filter(|l| l.op == op)
            .map(|l| l.size)
            .collect();
        sizes.sort_unstable();
        sizes.dedup();
        for n in sizes {
            let group: Vec<&CountLine> =
                lines.iter().filter(|l| l.op == op && l.size == n).collect();
            let base = group.iter().find(|l| l.reference).map(|l| l.events);
            for l in group {
                let _ = write!(
                    out,
                    "| {} | {} | {} |",
                    op.name(),
                    size(n, SizeStyle::Power),
                    l.label
                );
                for (i, v) in l.events.iter().enumerate() {
                    match v {
                        Some(x) => {
                            let cell = PerOpCount {
                                x: *x,
                                base: base.filter(|_| !l.reference).and_then(|b| b[i]),
                            };
                            let _ = write!(out, " {cell} |");
                        }
                        None => out.push_str(" — |"),
                    }
                }
                out.push('\n');
            }
        }
    }
    if let Some(r) = lines.iter().find(|l| l.reference) {
        let _ = writeln!(
            out,
            "\nEvents per operation; beside each, its ratio to {}'s.",
            r.map
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::results::schema::{Ratio, RunInfo, Unit};
    use crate::vocabulary::{Counted, Isa};

    fn ratio_row(id: Identity, role: Role, x: f64, half: f64, moved: Option<f64>) -> Row {
        let mut r = Row::new(id, Unit::NsPerOp, vec![1.0]);
        r.extra.role = Some(role);
        r.extra.ratio = Some(Ratio {
            to: "hashbrown".into(),
            median: x,
            ci95_low: x * (1.0 - half),
            ci95_high: x * (1.0 + half),
            n: 30,
            halves: None,
            blocks: None,
            run_to_run: moved,
        });
        r
    }

    fn ops(map: &str, op: Op, n: u64) -> Identity {
        Identity::new(Suite::Ops, map, op).size(n)
    }

    fn reference(rows: Vec<Row>) -> Results {
        let run = RunInfo {
            config: serde_json::json!({"calibration_passes": 3, "processes": 6}),
            ..RunInfo::default()
        };
        Results::new(run, rows)
    }

    #[test]
    fn agreement_counts_each_class_once_by_kind() {
        let small = (1.02f64).ln();
        let big = (1.10f64).ln();
        let doc = reference(vec![
            // One class (get_hit 2^10), two maps: counted once.
            ratio_row(
                ops("gomap/generic", Op::GetHit, 1024),
                Role::Ours,
                1.1,
                0.04,
                Some(small),
            ),
            ratio_row(
                ops("gomap/fast64", Op::GetHit, 1024),
                Role::Ours,
                1.0,
                0.02,
                Some(small),
            ),
            ratio_row(
                ops("std", Op::GetHit, 1024),
                Role::Other,
                1.0,
                0.5,
                Some(small),
            ),
            ratio_row(
                ops("gomap/generic", Op::Remove, 1024),
                Role::Ours,
                1.5,
                0.06,
                Some(big),
            ),
            ratio_row(
                Identity::new(
                    Suite::Contention,
                    "gomap-sharded",
                    crate::vocabulary::Workload::ReadHeavy,
                )
                .size(65536)
                .threads(2),
                Role::Ours,
                0.9,
                0.1,
                Some(big),
            ),
        ]);
        let md = agreement(&doc);
        assert!(
            md.contains("3 calibration passes of the main job, each in 6 processes"),
            "{md}"
        );
        assert!(md.contains("classes within 5%"), "{md}");
        // ops 2^10: two classes, movements of 2% and 10%, median 5.9% (in ln space); one within 5%; three rows of
        // ours (std is not ours), median half-width 4%.
        assert!(md.contains("| ops 2^10 | 2 | 5.9% |"), "{md}");
        assert!(md.contains("| 1 of 2 | 3 | ±4.0% |"), "{md}");
        assert!(
            md.contains("| contention, 2 threads | 1 | 10.0% | 10.0% | 0 of 1 | 1 | ±10.0% |"),
            "{md}"
        );
        // Ops come before contention, and the total counts three classes.
        assert!(md.find("ops 2^10").unwrap() < md.find("contention").unwrap());
        assert!(md.contains("| **all** | 3 |"), "{md}");
    }

    #[test]
    fn agreement_of_one_pass_says_so() {
        let doc = reference(vec![ratio_row(
            ops("gomap/generic", Op::GetHit, 1024),
            Role::Ours,
            1.1,
            0.04,
            None,
        )]);
        let md = agreement(&doc);
        assert!(
            md.contains("| ops 2^10 | 0 | — | — | — | 1 | ±4.0% |"),
            "{md}"
        );
        assert!(
            md.contains("No row of this file records a movement"),
            "{md}"
        );
    }

    fn count(map: &str, role: Role, op: Op, event: Event, n: u64, x: f64) -> Row {
        let id = Identity::new(Suite::Counts, map, Counted { op, event })
            .size(n)
            .isa(Some(Isa::Sse2));
        let mut r = Row::new(id, Unit::EventsPerOp, vec![x]);
        r.extra.role = Some(role);
        r
    }

    #[test]
    fn counts_show_the_writes_beside_the_reference() {
        let mut rows = Vec::new();
        for e in Event::ALL {
            rows.push(count(
                "gomap/generic",
                Role::Ours,
                Op::Remove,
                e,
                1024,
                50.0,
            ));
            rows.push(count(
                "hashbrown",
                Role::Reference,
                Op::Remove,
                e,
                1024,
                20.0,
            ));
            rows.push(count("gomap/generic", Role::Ours, Op::GetHit, e, 1024, 7.0));
        }
        let md = counts(&Results::new(RunInfo::default(), rows), &WRITES);
        assert!(
            md.contains("| remove | 2^10 | gomap/generic [sse2] | 50.0 2.50× | 50.0 2.50× |"),
            "{md}"
        );
        assert!(
            md.contains("| remove | 2^10 | hashbrown [sse2] | 20.0 | 20.0 |"),
            "{md}"
        );
        assert!(!md.contains("get_hit"), "lookups are not writes: {md}");
        assert!(md.contains("its ratio to hashbrown's"), "{md}");
    }

    #[test]
    fn every_block_here_is_registered() {
        for b in blocks() {
            assert!(super::super::blocks::find(&b.name).is_some(), "{}", b.name);
        }
    }
}
