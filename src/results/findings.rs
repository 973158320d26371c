//! The findings a run prints: a pure function of its rows, whatever command made them.
//!
//! Three sections, each shown when the rows hold its suite: single-thread ns/op with every
//! map's paired ratio to the single-thread reference (hashbrown) and its 95% interval, the
//! precomputed ÷ from-B ratios and differences of the locate suite, and the contention
//! headline (each of our maps ÷ the contention reference, dashmap, with intervals; the
//! harness's own cost). Ratios are the rows' own (`extra.ratio`: paired round by round,
//! measured in the same rounds); a row without one (an older file) shows the quotient of the
//! medians, marked `~`. Which map is a reference is the registries' data
//! ([`single::reference`], [`contenders::reference`]), never a literal here.

use crate::contenders::{self, single};

use crate::gomap::locate::Precomputed;
use crate::results::format::{size, Estimate, SizeStyle};
use crate::results::schema::Row;
use crate::vocabulary::{Dist, Op, OpId, Role, Suite, Workload};
use std::fmt::Write as _;

/// Every section the rows support, as text.
pub fn findings(rows: &[Row]) -> String {
    let mut out = String::new();
    single_thread(rows, &mut out);
    differences(rows, &mut out);
    contention(rows, &mut out);
    out
}

fn sorted_sizes<'a>(rows: impl Iterator<Item = &'a Row>) -> Vec<u64> {
    let mut sizes: Vec<u64> = rows.map(|r| r.id.size).collect();
    sizes.sort_unstable();
    sizes.dedup();
    sizes
}

/// Per op and size, each map's median and its ratio to the reference's (same run).
fn single_thread(rows: &[Row], out: &mut String) {
    let ops_rows = || rows.iter().filter(|r| r.id.suite == Suite::Ops);
    if ops_rows().next().is_none() {
        return;
    }
    let reference = single::reference();
    let ref_isa = Some(reference.isa());
    let sizes = sorted_sizes(ops_rows());
    // Columns: one per (map, isa), in first-seen order.
    let mut cols: Vec<&Row> = Vec::new();
    for r in ops_rows() {
        if !cols
            .iter()
            .any(|c| c.id.map == r.id.map && c.id.isa == r.id.isa)
        {
            cols.push(r);
        }
    }
    let cell_of = |map: &str, isa, op: Op, n: u64| {
        ops_rows().find(|r| {
            r.id.map == map && r.id.isa == isa && r.id.op == OpId::Single(op) && r.id.size == n
        })
    };
    let _ = writeln!(out, "ns/op (median), ×{} in brackets", reference.name);
    let _ = write!(out, "{:<16} {:>5}", "op", "size");
    for c in &cols {
        let _ = write!(
            out,
            " {:>CELL$}",
            format!("{} [{}]", c.id.map, c.id.isa_name())
        );
    }
    out.push('\n');
    for op in Op::ALL {
        for &n in &sizes {
            // Only what was measured: `locate --ops get_miss` has no other op's lines.
            if cols
                .iter()
                .all(|c| cell_of(&c.id.map, c.id.isa, op, n).is_none())
            {
                continue;
            }
            let base = cell_of(reference.map, ref_isa, op, n)
                .filter(|r| r.valid)
                .map(|r| r.median);
            let _ = write!(out, "{:<16} {:>5}", op.name(), size(n, SizeStyle::Power));
            for c in &cols {
                let cell = match (cell_of(&c.id.map, c.id.isa, op, n), base) {
                    (Some(r), _) if !r.valid => "INVALID".into(),
                    (Some(r), _) if r.extra.ratio.is_some() => {
                        format!("{:.2} {}", r.median, ratio_cell(r))
                    }
                    (Some(r), Some(b)) if r.median != b => {
                        format!("{:.2} ~{:.2}×", r.median, r.median / b)
                    }
                    (Some(r), _) => format!("{:.2}", r.median),
                    (None, _) => "—".into(),
                };
                let _ = write!(out, " {cell:>CELL$}");
            }
            out.push('\n');
        }
    }
}

/// Width of a column of the single-thread table: a median and its ratio with interval.
const CELL: usize = 30;

/// `1.25× [1.24, 1.26]`: a row's paired ratio to its reference.
pub fn ratio_cell(r: &Row) -> String {
    match &r.extra.ratio {
        Some(x) => format!("{:.2}", Estimate::ratio(x)),
        None => String::new(),
    }
}

/// The locate suite: precomputed ÷ from-B (ratio and difference, with their intervals).
fn differences(rows: &[Row], out: &mut String) {
    let diffs: Vec<&Row> = rows.iter().filter(|r| r.is_difference()).collect();
    if diffs.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "\nprecomputed vs from-B: ratio [95% interval]; difference in ns/op, mean [95% CI]:"
    );
    for d in diffs {
        let x = |v: Option<f64>| v.unwrap_or(f64::NAN);
        // The ratio lives on the precomputed row of the same op and size: `precomputed`
        // for the index kernels, the map itself (`gomap/generic`) in situ.
        let main = match d.id.map.split_once(':') {
            Some((path, _)) => format!("gomap/{path}"),
            None => <Precomputed as crate::gomap::locate::Locate>::NAME.to_string(),
        };
        let ratio = rows
            .iter()
            .find(|r| {
                r.id.suite == Suite::Locate
                    && r.id.map == main
                    && r.id.op == d.id.op
                    && r.id.size == d.id.size
            })
            .map(ratio_cell)
            .unwrap_or_default();
        let diff = Estimate::new(
            x(d.extra.mean_diff),
            x(d.extra.ci95_low),
            x(d.extra.ci95_high),
        );
        let _ = writeln!(
            out,
            "  {:<36} {:<16} {:<4} {:<24} {diff:+.3}",
            d.id.map,
            d.id.op,
            size(d.id.size, SizeStyle::Power),
            ratio,
        );
    }
}

/// Each of our concurrent maps ÷ the reference, uniform keys; and the harness's own cost.
fn contention(rows: &[Row], out: &mut String) {
    let cont = || {
        rows.iter()
            .filter(|r| r.id.suite == Suite::Contention && r.valid)
    };
    if cont().next().is_none() {
        return;
    }
    let reference = contenders::reference().name;
    let find = |map: &str, w: Workload, t: u32| {
        cont().find(|r| {
            // An invalid row has no speed to show (the contention summary lists it).
            r.valid
                && r.id.map == map
                && r.id.op == OpId::Workload(w)
                && r.id.threads == t
                && r.id.dist.is_none_or(|d| d == Dist::Uniform)
        })
    };
    let median = |map: &str, w: Workload, t: u32| find(map, w, t).map(|r| r.median);
    // The paired ratio with its interval where the row has one; a file from before the
    // interleaved rounds has only the two medians.
    let ratio = |row: &Row, d: f64| match &row.extra.ratio {
        Some(_) => ratio_cell(row),
        None => format!("{:.2}", row.median / d),
    };
    let mut threads: Vec<u32> = cont().map(|r| r.id.threads).collect();
    threads.sort_unstable();
    threads.dedup();
    let ours: Vec<&str> = contenders::all()
        .filter(|d| d.role == Role::Ours)
        .map(|d| d.name)
        .collect();
    let _ = writeln!(out, "\ncontention, Mops/s (÷ {reference}), uniform keys:");
    for w in [
        Workload::ReadHeavy,
        Workload::Exchange,
        Workload::WriteHeavy,
        Workload::RapidGrow,
        Workload::SharedWrite,
    ] {
        for &t in &threads {
            let Some(d) = median(reference, w, t) else {
                continue;
            };
            for m in &ours {
                if let Some(row) = find(m, w, t) {
                    let _ = writeln!(
                        out,
                        "  {:<12} {t} thr  {m:<15} {:8.2}  {reference} {d:8.2}  ratio {}",
                        w.name(),
                        row.median,
                        ratio(row, d)
                    );
                }
            }
        }
    }
    for harness in contenders::all().filter(|d| d.role == Role::HarnessOnly) {
        for &t in &threads {
            if let Some(n) = median(harness.name, Workload::ReadHeavy, t) {
                let _ = writeln!(
                    out,
                    "  harness ({}, read-heavy) {t} thr: {:.2} ns/op per thread",
                    harness.name,
                    1e3 * t as f64 / n
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::results::schema::Unit;
    use crate::vocabulary::Identity;
    use crate::vocabulary::Isa;

    #[test]
    fn the_single_thread_table_has_only_the_measured_ops_and_its_columns_line_up() {
        let row = |map: &str| {
            Row::new(
                Identity::new(Suite::Ops, map, Op::GetMiss)
                    .size(1 << 10)
                    .isa(Some(Isa::Sse2)),
                Unit::NsPerOp,
                vec![5.0; 6],
            )
        };
        let text = findings(&[row("gomap/generic"), row("hashbrown")]);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines.iter().any(|l| l.starts_with("get_miss")), "{text}");
        assert!(!text.contains("get_hit") && !text.contains('—'), "{text}");
        let header = lines.iter().find(|l| l.starts_with("op ")).unwrap();
        let body = lines.iter().find(|l| l.starts_with("get_miss")).unwrap();
        assert_eq!(header.chars().count(), body.chars().count(), "{text}");
    }
}
