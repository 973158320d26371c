//! The headline answers: the few questions this tool exists to answer, each as one small
//! table of paired ratios with their intervals and a mark (faster, slower, same), computed
//! once from a sitting's rows and rendered by the report (HTML), the README (Markdown,
//! between generated markers) and anyone else who asks.
//!
//! The questions, in the order a reader asks them:
//!
//! 1. **One core**: GoMap (generic and fast64) ÷ hashbrown, per op and size.
//! 2. **Locate**: does a bucket mask precomputed in the header beat recomputing it from
//!    `B` on every call, as Go does? (precomputed − from-B, ns/op, per kernel and size).
//! 3. **Contention, ours**: each GoMap made shareable ÷ dashmap, per workload and thread
//!    count (uniform keys).
//! 4. **Contention, everyone**: every concurrent map ÷ dashmap at the most threads measured.
//! 5. **The real Go maps**: the newest classic and swiss Go map ÷ GoMap fast64 with Go's own
//!    scalar key loop, per op and size.
//!
//! Every figure is a row's own: the ratios are `extra.ratio` (paired round by round with the
//! group's reference, with the 95% interval the row carries), the differences are the locate
//! suite's difference rows. Nothing is recomputed here. The one exception is the Go answer:
//! Go runs in processes of its own, so no round pairs it with GoMap; its cells are quotients
//! of medians, marked `~` and never judged. That answer is given only when both files were
//! measured on the same machine; otherwise a note says why it is missing.
//!
//! A mark judges the row's map against the answer's reference by the interval alone: an
//! interval that excludes 1 (or 0 for a difference) on the good side is `faster`, on the bad
//! side `slower`, one that holds it `same`.

use super::analysis::Interval;
use super::format::{size, Estimate, SizeStyle};
use super::plots::sources::run_line;
use super::runinfo;
use super::schema::{Results, Row, RunInfo};
use crate::contenders::{self, single};
use crate::vocabulary::{Dist, Op, OpId, Role, Suite, Workload};
use std::fmt;

/// The row's map against the reference of its answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Faster than the reference beyond the interval.
    Better,
    /// Slower than the reference beyond the interval.
    Worse,
    /// The interval holds "no difference".
    Same,
    /// No interval to judge by (a quotient of medians from separate processes).
    Unjudged,
}

impl Mark {
    /// The word a table shows beside the figure.
    pub fn word(self) -> &'static str {
        match self {
            Mark::Better => "faster",
            Mark::Worse => "slower",
            Mark::Same => "same",
            Mark::Unjudged => "",
        }
    }

    /// Judges an interval around `neutral` (1 for a ratio, 0 for a difference), where
    /// `lower_is_better` says which side is faster.
    fn judge(i: &Interval, neutral: f64, lower_is_better: bool) -> Mark {
        let (below, above) = (i.ci95_high < neutral, i.ci95_low > neutral);
        match (below, above, lower_is_better) {
            (true, _, true) | (_, true, false) => Mark::Better,
            (true, _, false) | (_, true, true) => Mark::Worse,
            _ => Mark::Same,
        }
    }
}

/// What a cell shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Figure {
    /// A paired ratio to the reference, with its interval: `0.87× [0.80, 0.95]`.
    Ratio(Interval),
    /// A paired difference in ns/op, with its interval: `−0.43 ns [−0.50, −0.37]`.
    Difference(Interval),
    /// A quotient of two medians measured apart (no interval): `~1.90×`.
    Quotient(f64),
    /// The cell failed validation: it has no figure, and it is never a win.
    Failed,
}

/// One cell of an answer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cell {
    pub figure: Figure,
    pub mark: Mark,
}

impl fmt::Display for Cell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.figure {
            Figure::Ratio(i) => write!(f, "{:.2}", Estimate::of(&i).mark("×")),
            Figure::Difference(i) => write!(f, "{:+.2}", Estimate::of(&i).mark(" ns")),
            Figure::Quotient(q) => write!(f, "~{q:.2}×"),
            Figure::Failed => f.write_str("failed validation"),
        }
    }
}

/// One line of an answer's table: its label and a cell per column (`None`: not measured).
#[derive(Clone, Debug, PartialEq)]
pub struct AnswerRow {
    pub label: String,
    pub cells: Vec<Option<Cell>>,
}

/// One question and its answer as a table.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    /// A stable name (the README's generated block, the report's anchor).
    pub key: &'static str,
    pub question: String,
    /// How to read the cells, in one sentence.
    pub reading: String,
    pub columns: Vec<String>,
    pub rows: Vec<AnswerRow>,
    /// Where the figures were measured: date, machine, build (one line per file used).
    pub source: String,
}

/// Every answer the files support, and why any other is missing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Headline {
    pub answers: Vec<Answer>,
    pub notes: Vec<String>,
}

impl Headline {
    /// The answer named `key`, if the files support it.
    pub fn get(&self, key: &str) -> Option<&Answer> {
        self.answers.iter().find(|a| a.key == key)
    }
}

/// The keys of every answer, in order (the README's blocks name them).
pub const KEYS: [&str; 5] = [
    "one-core",
    "locate",
    "contention-ours",
    "contention-all",
    "go",
];

/// The answers of a sitting: the file with the Rust suites (the last one that has them) and,
/// when it was measured on the same machine, the Go anchor's rows.
pub fn headline(docs: &[Results]) -> Headline {
    let mut h = Headline::default();
    let Some(main) = docs.iter().rev().find(|d| {
        d.rows
            .iter()
            .any(|r| r.id.suite != Suite::Ops || !is_go(&r.id.map))
    }) else {
        return h;
    };
    let source = run_line(&main.run);
    let rows = &main.rows;
    h.answers.extend(
        [
            one_core(rows),
            locate(rows),
            contention_ours(rows),
            contention_all(rows),
        ]
        .into_iter()
        .flatten()
        .map(|mut a| {
            a.source = source.clone();
            a
        }),
    );
    let go = docs.iter().find(|d| {
        d.rows
            .iter()
            .any(|r| r.id.suite == Suite::Ops && is_go(&r.id.map))
    });
    if let Some(go) = go {
        if let Some(why) = other_sitting(&go.run, &main.run) {
            h.notes.push(format!(
                "The real Go maps are not compared with GoMap here: {why}; a figure is only \
                 set beside figures of the same machine and sitting."
            ));
        } else if let Some(mut a) = go_maps(&go.rows, rows) {
            a.source = format!("{source}; Go: {}", run_line(&go.run));
            h.answers.push(a);
        }
    }
    h
}

/// Why two files are not of one sitting (another machine, or another day), if they are not.
fn other_sitting(a: &RunInfo, b: &RunInfo) -> Option<String> {
    if let Some(d) = runinfo::machine_difference(&a.machine, &b.machine) {
        return Some(format!("they were measured on different machines ({d})"));
    }
    let day = |r: &RunInfo| r.timestamp.get(..10).unwrap_or("").to_string();
    (day(a) != day(b)).then(|| {
        format!(
            "they were measured on different days ({} and {})",
            day(a),
            day(b)
        )
    })
}

/// The Go anchor names its maps after their toolchain (`go1.22 map`).
fn is_go(map: &str) -> bool {
    map.starts_with("go1")
}

fn ratio_cell(r: &Row) -> Option<Cell> {
    if !r.valid {
        return Some(Cell {
            figure: Figure::Failed,
            mark: Mark::Unjudged,
        });
    }
    let i = r.extra.ratio.as_ref()?.interval();
    Some(Cell {
        figure: Figure::Ratio(i),
        mark: Mark::judge(&i, 1.0, r.unit.lower_is_better()),
    })
}

fn sizes_of<'a>(rows: impl Iterator<Item = &'a Row>) -> Vec<u64> {
    let mut v: Vec<u64> = rows.map(|r| r.id.size).collect();
    v.sort_unstable();
    v.dedup();
    v
}

fn size_columns(sizes: &[u64]) -> Vec<String> {
    sizes
        .iter()
        .map(|&n| size(n, SizeStyle::Power).to_string())
        .collect()
}

/// The rows' names of GoMap's two single-thread paths (see `contenders::single`).
const GENERIC: &str = "gomap/generic";
const FAST64: &str = "gomap/fast64";

/// GoMap generic and its best fast64 probe ÷ hashbrown.
fn one_core(rows: &[Row]) -> Option<Answer> {
    let ops = || rows.iter().filter(|r| r.id.suite == Suite::Ops);
    let reference = single::reference();
    let sizes = sizes_of(ops());
    // The fast64 probe with the widest instruction set the file has: what the data hold,
    // not what the CPU rendering it offers.
    let fast64 = ops()
        .filter(|r| r.id.map == FAST64)
        .filter_map(|r| r.id.isa)
        .max()
        .map(|isa| (FAST64, isa));
    let generic = ops()
        .find(|r| r.id.map == GENERIC)
        .and_then(|r| r.id.isa)
        .map(|isa| (GENERIC, isa));
    let mut out = Vec::new();
    for op in Op::ALL {
        for (map, isa) in [generic, fast64].into_iter().flatten() {
            let cells: Vec<Option<Cell>> = sizes
                .iter()
                .map(|&n| {
                    ops()
                        .find(|r| {
                            r.id.map == map
                                && r.id.isa == Some(isa)
                                && r.id.op == OpId::Single(op)
                                && r.id.size == n
                        })
                        .and_then(ratio_cell)
                })
                .collect();
            if cells.iter().any(Option::is_some) {
                out.push(AnswerRow {
                    label: format!("{} — {map} [{}]", op.name(), isa.name()),
                    cells,
                });
            }
        }
    }
    (!out.is_empty()).then(|| Answer {
        key: "one-core",
        question: format!("How fast is GoMap on one core, against {}?", reference.name),
        reading: format!(
            "GoMap's ns/op ÷ {}'s, paired round by round, with the 95% interval; below 1 \
             is faster.",
            reference.name
        ),
        columns: size_columns(&sizes),
        rows: out,
        source: String::new(),
    })
}

/// The locate suite's paired differences: precomputed − from-B.
fn locate(rows: &[Row]) -> Option<Answer> {
    let diffs: Vec<&Row> = rows.iter().filter(|r| r.is_difference()).collect();
    let sizes = sizes_of(diffs.iter().copied());
    // A line per (op, kernel), in first-seen order; a cell per size.
    let mut lines: Vec<(&OpId, &str)> = Vec::new();
    for d in &diffs {
        if !lines.contains(&(&d.id.op, d.id.map.as_str())) {
            lines.push((&d.id.op, &d.id.map));
        }
    }
    let cell = |d: &Row| {
        let i = Interval {
            median: d.extra.mean_diff?,
            ci95_low: d.extra.ci95_low?,
            ci95_high: d.extra.ci95_high?,
            n: 0,
        };
        Some(Cell {
            figure: Figure::Difference(i),
            mark: Mark::judge(&i, 0.0, true),
        })
    };
    let out: Vec<AnswerRow> = lines
        .into_iter()
        .map(|(op, map)| AnswerRow {
            // `generic: precomputed-minus-from-b` is measured in situ; a bare name, the
            // index kernel alone.
            label: format!(
                "{op} — {}",
                map.split_once(':').map_or("index only", |(k, _)| k)
            ),
            cells: sizes
                .iter()
                .map(|&n| {
                    diffs
                        .iter()
                        .find(|d| d.id.op == *op && d.id.map == map && d.id.size == n)
                        .and_then(|d| cell(d))
                })
                .collect(),
        })
        .collect();
    (!out.is_empty()).then(|| Answer {
        key: "locate",
        question: "Does a bucket mask precomputed in the header beat recomputing it from B, \
                   as Go does?"
            .into(),
        reading: "Precomputed minus from-B, ns/op, paired round by round (mean, 95% \
                  interval); below 0 means the precomputed mask is faster."
            .into(),
        columns: size_columns(&sizes),
        rows: out,
        source: String::new(),
    })
}

/// The contention workloads, in the order the matrix runs them.
const WORKLOADS: [Workload; 5] = [
    Workload::ReadHeavy,
    Workload::Exchange,
    Workload::WriteHeavy,
    Workload::RapidGrow,
    Workload::SharedWrite,
];

/// The cell of `map` in workload `w` at `t` threads, uniform keys where keys have a law.
fn contention_cell(rows: &[Row], map: &str, w: Workload, t: u32) -> Option<Cell> {
    rows.iter()
        .find(|r| {
            r.id.suite == Suite::Contention
                && r.id.map == map
                && r.id.op == OpId::Workload(w)
                && r.id.threads == t
                && r.id.dist.is_none_or(|d| d == Dist::Uniform)
        })
        .and_then(ratio_cell)
}

fn contention_threads(rows: &[Row]) -> Vec<u32> {
    let mut t: Vec<u32> = rows
        .iter()
        .filter(|r| r.id.suite == Suite::Contention)
        .map(|r| r.id.threads)
        .collect();
    t.sort_unstable();
    t.dedup();
    t
}

fn workload_columns() -> Vec<String> {
    WORKLOADS.iter().map(|w| w.name().to_string()).collect()
}

fn thread_word(t: u32) -> String {
    format!("{t} thread{}", if t == 1 { "" } else { "s" })
}

/// Each of our concurrent maps ÷ the contention reference, at every thread count.
fn contention_ours(rows: &[Row]) -> Option<Answer> {
    let reference = contenders::reference().name;
    let mut out = Vec::new();
    for t in contention_threads(rows) {
        for d in contenders::all().filter(|d| d.role == Role::Ours) {
            let cells: Vec<Option<Cell>> = WORKLOADS
                .iter()
                .map(|&w| contention_cell(rows, d.name, w, t))
                .collect();
            if cells.iter().any(Option::is_some) {
                out.push(AnswerRow {
                    label: format!("{} — {}", d.name, thread_word(t)),
                    cells,
                });
            }
        }
    }
    (!out.is_empty()).then(|| Answer {
        key: "contention-ours",
        question: format!(
            "How do the shareable GoMaps hold up under contention, against {reference}?"
        ),
        reading: format!(
            "Throughput (Mops/s) ÷ {reference}'s, paired round by round, uniform keys, with \
             the 95% interval; above 1 is faster."
        ),
        columns: workload_columns(),
        rows: out,
        source: String::new(),
    })
}

/// Every measured concurrent map but the harness's own ÷ the reference, at the most threads.
fn contention_all(rows: &[Row]) -> Option<Answer> {
    let reference = contenders::reference().name;
    let t = *contention_threads(rows).last()?;
    let out: Vec<AnswerRow> = contenders::all()
        .filter(|d| !matches!(d.role, Role::Reference | Role::HarnessOnly))
        .filter_map(|d| {
            let cells: Vec<Option<Cell>> = WORKLOADS
                .iter()
                .map(|&w| contention_cell(rows, d.name, w, t))
                .collect();
            cells.iter().any(Option::is_some).then(|| AnswerRow {
                label: d.name.to_string(),
                cells,
            })
        })
        .collect();
    (!out.is_empty()).then(|| Answer {
        key: "contention-all",
        question: format!("Which concurrent map is fastest at {}?", thread_word(t)),
        reading: format!(
            "Throughput ÷ {reference}'s at {}, paired round by round, uniform keys, with the \
             95% interval; above 1 is faster.",
            thread_word(t)
        ),
        columns: workload_columns(),
        rows: out,
        source: String::new(),
    })
}

/// The newest classic and the newest swiss Go map ÷ GoMap fast64 with Go's scalar key loop.
/// (`go1.19 map`, `go1.22 map` and `go1.25 noswiss map` share their machine code; the newest
/// stands for them.)
fn go_maps(go: &[Row], ours: &[Row]) -> Option<Answer> {
    // `gomap/fast64` with the scalar key loop is Go's own algorithm in Rust.
    let (our_map, our_isa) = (FAST64, crate::vocabulary::Isa::Scalar);
    let ours_at = |op: OpId, n: u64| {
        ours.iter().find(|r| {
            r.valid
                && r.id.suite == Suite::Ops
                && r.id.map == our_map
                && r.id.isa == Some(our_isa)
                && r.id.op == op
                && r.id.size == n
        })
    };
    let sizes: Vec<u64> = sizes_of(ours.iter().filter(|r| r.id.suite == Suite::Ops));
    // The newest toolchain of each map variant (classic, swiss): the Go anchor names a
    // map `go1.NN [variant] map`, and the newest sorts last by version.
    let mut picked: Vec<(&str, &str)> = Vec::new();
    for r in go
        .iter()
        .filter(|r| r.id.suite == Suite::Ops && is_go(&r.id.map))
    {
        // `noswiss` (go1.24+ built with GOEXPERIMENT=noswissmap) is the classic layout.
        let variant = match r.extra.other.get("map_variant").and_then(|v| v.as_str()) {
            Some("noswiss") => "classic",
            Some(v) => v,
            None => "",
        };
        match picked.iter_mut().find(|(v, _)| *v == variant) {
            Some(p) if version(&r.id.map) > version(p.1) => p.1 = &r.id.map,
            Some(_) => {}
            None => picked.push((variant, &r.id.map)),
        }
    }
    let mut out = Vec::new();
    for (_, map) in &picked {
        for op in Op::ALL {
            let cells: Vec<Option<Cell>> = sizes
                .iter()
                .map(|&n| {
                    let g = go.iter().find(|r| {
                        r.valid && r.id.map == *map && r.id.op == OpId::Single(op) && r.id.size == n
                    })?;
                    let o = ours_at(OpId::Single(op), n)?;
                    Some(Cell {
                        figure: Figure::Quotient(g.median / o.median),
                        mark: Mark::Unjudged,
                    })
                })
                .collect();
            if cells.iter().any(Option::is_some) {
                out.push(AnswerRow {
                    label: format!("{} — {map}", op.name()),
                    cells,
                });
            }
        }
    }
    (!out.is_empty()).then(|| Answer {
        key: "go",
        question: "How does GoMap compare with the real Go maps?".into(),
        reading: format!(
            "The Go map's ns/op ÷ {our_map} [{}]'s (Go's own scalar key loop), a quotient of \
             medians: Go runs in processes of its own, so no round pairs the two and no \
             interval is claimed; below 1 is Go faster.",
            our_isa.name()
        ),
        columns: size_columns(&sizes),
        rows: out,
        source: String::new(),
    })
}

/// `go1.25 swiss map` → (1, 25): orders the Go anchor's toolchains.
fn version(map: &str) -> (u32, u32) {
    let v = map
        .trim_start_matches("go")
        .split_whitespace()
        .next()
        .unwrap_or("");
    let mut parts = v.split('.').map(|p| p.parse().unwrap_or(0));
    (parts.next().unwrap_or(0), parts.next().unwrap_or(0))
}

/// An answer as a Markdown table: the question as a bold line, the reading, the table (each
/// cell its figure and mark) and the source line.
pub fn markdown(a: &Answer) -> String {
    let mut s = format!("**{}** {}\n\n", a.question, a.reading);
    s.push_str("| |");
    for c in &a.columns {
        s.push_str(&format!(" {c} |"));
    }
    s.push_str("\n|---|");
    s.push_str(&"---|".repeat(a.columns.len()));
    s.push('\n');
    for r in &a.rows {
        s.push_str(&format!("| {} |", r.label));
        for c in &r.cells {
            match c {
                Some(c) if c.mark == Mark::Unjudged => s.push_str(&format!(" {c} |")),
                Some(c) => s.push_str(&format!(" {c} {} |", c.mark.word())),
                None => s.push_str(" – |"),
            }
        }
        s.push('\n');
    }
    s.push_str(&format!("\n<sub>{}</sub>\n", a.source));
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::results::analysis::Ratio;
    use crate::results::schema::Unit;
    use crate::vocabulary::{Identity, Isa};

    fn interval(median: f64, ci95_low: f64, ci95_high: f64) -> Interval {
        Interval {
            median,
            ci95_low,
            ci95_high,
            n: 30,
        }
    }

    #[test]
    fn a_mark_is_what_the_interval_says() {
        let ns = |lo, hi| Mark::judge(&interval(1.0, lo, hi), 1.0, true);
        assert_eq!(ns(0.8, 0.9), Mark::Better);
        assert_eq!(ns(1.1, 1.2), Mark::Worse);
        assert_eq!(ns(0.9, 1.1), Mark::Same);
        let mops = |lo, hi| Mark::judge(&interval(1.0, lo, hi), 1.0, false);
        assert_eq!(mops(1.1, 1.2), Mark::Better);
        assert_eq!(mops(0.8, 0.9), Mark::Worse);
    }

    fn ops_row(map: &str, isa: Isa, ratio: Option<[f64; 3]>) -> Row {
        let mut r = Row::new(
            Identity::new(Suite::Ops, map, Op::GetHit)
                .size(1 << 10)
                .isa(Some(isa)),
            Unit::NsPerOp,
            vec![5.0; 6],
        );
        r.extra.ratio =
            ratio.map(|[m, lo, hi]| Ratio::new("hashbrown".into(), &interval(m, lo, hi)));
        r
    }

    fn doc(cpu: &str, day: &str, rows: Vec<Row>) -> Results {
        let mut d = Results::new(RunInfo::default(), rows);
        d.run.machine.cpu_model = cpu.into();
        d.run.timestamp = format!("{day}T10:00:00Z");
        d
    }

    #[test]
    fn one_core_takes_the_widest_fast64_in_the_file_and_renders_a_table() {
        let rows = vec![
            ops_row("hashbrown", Isa::Sse2, None),
            ops_row(GENERIC, Isa::Sse2, Some([1.2, 1.1, 1.3])),
            ops_row(FAST64, Isa::Scalar, Some([0.5, 0.4, 0.6])),
            ops_row(FAST64, Isa::Avx2, Some([0.9, 0.85, 1.05])),
        ];
        let h = headline(&[doc("cpu", "2026-12-06", rows)]);
        let a = h.get("one-core").expect("answer");
        let labels: Vec<&str> = a.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "get_hit — gomap/generic [sse2]",
                "get_hit — gomap/fast64 [avx2]"
            ]
        );
        let md = markdown(a);
        assert!(
            md.contains("| get_hit — gomap/generic [sse2] | 1.20× [1.10, 1.30] slower |"),
            "{md}"
        );
        assert!(md.contains("0.90× [0.85, 1.05] same"), "{md}");
        assert!(
            md.lines().filter(|l| l.starts_with('|')).count() == 4,
            "{md}"
        );
    }

    #[test]
    fn the_go_answer_needs_the_same_machine_and_day() {
        let ours = vec![ops_row(FAST64, Isa::Scalar, Some([1.0, 0.9, 1.1]))];
        let mut go_row = ops_row("go1.22 map", Isa::Go, None);
        go_row.median = 10.0;
        go_row
            .extra
            .other
            .insert("map_variant".into(), serde_json::json!("classic"));
        let go = |cpu: &str, day: &str| doc(cpu, day, vec![go_row.clone()]);
        let same = headline(&[
            go("cpu", "2026-12-06"),
            doc("cpu", "2026-12-06", ours.clone()),
        ]);
        let a = same.get("go").expect("the Go answer");
        assert_eq!(a.rows[0].cells[0].unwrap().figure, Figure::Quotient(2.0));
        for other in [go("other cpu", "2026-12-06"), go("cpu", "2026-12-01")] {
            let h = headline(&[other, doc("cpu", "2026-12-06", ours.clone())]);
            assert!(h.get("go").is_none());
            assert_eq!(h.notes.len(), 1, "{:?}", h.notes);
        }
    }
}
