//! The ratios the findings are about: each map ÷ its group's reference, measured in the
//! same interleaved rounds (`extra.ratio`), with the 95% interval of that paired ratio and
//! a line at 1.
//!
//! * `ratio-ops.svg`: every map of the single-thread `ops` suite ÷ hashbrown, a panel per
//!   operation, the measured sizes as categories (never joined: nothing was measured
//!   between them).
//! * `ratio-contention-<workload>.svg`: every concurrent map ÷ dashmap, a panel per key
//!   distribution, the thread counts as categories.
//!
//! Ratios are multiplicative (2× slower and 2× faster are equally far from 1), so the axis
//! is logarithmic. The direction follows the unit: a ns/op ratio below 1 is faster, a
//! Mops/s ratio above 1 is; the axis title and the legend say which. The harness-only
//! contender is left out (its ratio says nothing about a map and would stretch the axis),
//! and so are rows without a ratio (the reference itself, files from before the rounds).

use super::draw::{Axes, Figure, Panel, PanelRow, Point, XAxis};
use super::panels::{self, Reference};
use super::sizes::size_categories;
use super::{benches_note, by_bench, dist_of, noisy_note, series_of, slug, Chart, Ctx, Varying};
use crate::results::schema::{Ratio, Row, Unit};
use crate::vocabulary::{Role, Suite};
use std::collections::BTreeMap;

/// Panels side by side in one row at most.
const COLUMNS: usize = 3;

pub(super) fn charts(rows: &[&Row], ctx: &Ctx) -> Result<Vec<Chart>, String> {
    let with_ratio: Vec<&Row> = rows
        .iter()
        .copied()
        .filter(|r| r.extra.ratio.as_ref().is_some_and(|q| q.median > 0.0))
        .filter(|r| panels::role(r) != Role::HarnessOnly)
        .collect();
    let mut out = Vec::new();
    // ops: one chart, a panel per op, x = size.
    let ops: Vec<&Row> = with_ratio
        .iter()
        .copied()
        .filter(|r| r.id.suite == Suite::Ops)
        .collect();
    if !ops.is_empty() {
        let (names, sizes) = size_categories(&ops);
        let x = |r: &Row| sizes.iter().position(|&s| s == r.id.size).unwrap_or(0) as f64;
        out.push(chart(
            &ops,
            ctx,
            &Layout {
                name: "ratio-ops",
                title: "single thread: each map ÷ the reference, by operation and size",
                panel_of: &|r| r.id.op.name().to_string(),
                x: &x,
                x_axis: XAxis::Categories(names),
                x_desc: "entries in the map (measured sizes only)",
                belongs: &|r| r.id.suite == Suite::Ops,
            },
        )?);
    }
    // contention: a chart per workload, a panel per distribution, x = threads.
    let mut by_workload: BTreeMap<&str, Vec<&Row>> = BTreeMap::new();
    for r in with_ratio
        .iter()
        .filter(|r| r.id.suite == Suite::Contention)
    {
        by_workload.entry(r.id.op.name()).or_default().push(r);
    }
    for (op, rs) in by_workload {
        let mut threads: Vec<u32> = rs.iter().map(|r| r.id.threads).collect();
        threads.sort_unstable();
        threads.dedup();
        let names = threads.iter().map(|t| t.to_string()).collect();
        let x = |r: &Row| threads.iter().position(|&t| t == r.id.threads).unwrap_or(0) as f64;
        out.push(chart(
            &rs,
            ctx,
            &Layout {
                name: &slug(&["ratio", "contention", op]),
                title: &format!("contention: {op}, each map ÷ the reference, by threads"),
                panel_of: &|r| match dist_of(r) {
                    Some(d) => format!("{} keys", d.name()),
                    None => "keys as the workload makes them".to_string(),
                },
                x: &x,
                x_axis: XAxis::Categories(names),
                x_desc: "threads",
                belongs: &|r| r.id.suite == Suite::Contention && r.id.op.name() == op,
            },
        )?);
    }
    Ok(out)
}

/// How one ratio chart is laid out.
struct Layout<'a> {
    /// The file name without `.svg`.
    name: &'a str,
    /// "the reference" in it is replaced by the reference's name.
    title: &'a str,
    /// The panel a row goes to, by name (a panel per distinct value).
    panel_of: &'a dyn Fn(&Row) -> String,
    /// Where a row sits on the x axis.
    x: &'a dyn Fn(&Row) -> f64,
    x_axis: XAxis,
    x_desc: &'a str,
    /// Whether an invalid row would have been on this chart (for the footnote).
    belongs: &'a dyn Fn(&Row) -> bool,
}

/// One ratio chart: rows of panels by group of maps, a panel per `panel_of` value.
fn chart(rows: &[&Row], ctx: &Ctx, layout: &Layout) -> Result<Chart, String> {
    let Layout {
        name,
        title,
        panel_of,
        x,
        ref x_axis,
        x_desc,
        belongs,
    } = *layout;
    let varying = Varying {
        size: false,
        threads: false,
        dist: false,
        ..Varying::of(rows)
    };
    let label = |r: &Row| varying.label(r);
    let mut panel_names: Vec<String> = Vec::new();
    for r in rows {
        let p = panel_of(r);
        if !panel_names.contains(&p) {
            panel_names.push(p);
        }
    }
    let panel_rows = |rs: &[&Row]| -> Vec<PanelRow> {
        let mut out = Vec::new();
        for g in panels::split(rs, &label, ctx.sources, Reference::Omitted) {
            let panels: Vec<Panel> = panel_names
                .iter()
                .map(|p| {
                    let in_panel: Vec<&Row> = g
                        .rows
                        .iter()
                        .copied()
                        .filter(|r| panel_of(r) == *p)
                        .collect();
                    // Rows without a ratio were filtered out before; NaN would only drop a
                    // point.
                    let point = |r: &Row| {
                        let q = r.extra.ratio.as_ref();
                        let at = |f: fn(&Ratio) -> f64| q.map_or(f64::NAN, f);
                        Point {
                            x: x(r),
                            y: at(|q| q.median),
                            lo: at(|q| q.ci95_low),
                            hi: at(|q| q.ci95_high),
                            noisy: r.noisy,
                        }
                    };
                    Panel {
                        caption: p.clone(),
                        series: series_of(&in_panel, &label, &point),
                    }
                })
                .collect();
            out.extend(PanelRow::rows(&g.title, &panels, COLUMNS));
        }
        out
    };
    let mut tos: Vec<&str> = rows
        .iter()
        .filter_map(|r| r.extra.ratio.as_ref().map(|q| q.to.as_str()))
        .collect();
    tos.sort_unstable();
    tos.dedup();
    let to = tos.join(" / ");
    let unit = rows[0].unit;
    let (faster, unit_name) = match unit {
        Unit::NsPerOp => ("below 1: faster", "ns/op"),
        _ => ("above 1: faster", unit.as_str()),
    };
    let mut footnotes = vec![format!(
        "marker: ratio to {to}, paired in the same interleaved rounds{}; bar: its 95% interval",
        pairing(rows)
    )];
    footnotes.extend(benches_note(rows, ctx.sources));
    footnotes.extend(noisy_note(rows));
    footnotes.extend(ctx.closing_notes(rows, belongs));
    let title = title.replace("the reference", &to);
    let axes = Axes {
        x: x_axis.clone(),
        x_desc: x_desc.to_string(),
        y_log: true,
        y_ns: false,
        y_desc: format!("{unit_name} ratio to {to} (log scale)"),
        reference: Some((1.0, format!("1 = {to} ({faster})"))),
    };
    let fig = Figure {
        title,
        sections: by_bench(rows, ctx.sources, &axes, &panel_rows),
        footnotes,
    };
    Chart::draw(format!("{name}.svg"), fig)
}

/// What the rows' ratios were made of, from the rows themselves: ` (36 rounds in 6 blocks
/// a row)`, ranges where rows differ, nothing when no row says.
fn pairing(rows: &[&Row]) -> String {
    let range = |v: Vec<usize>| -> Option<String> {
        let (lo, hi) = (*v.iter().min()?, *v.iter().max()?);
        Some(if lo == hi {
            lo.to_string()
        } else {
            format!("{lo}–{hi}")
        })
    };
    let ratios = || rows.iter().filter_map(|r| r.extra.ratio.as_ref());
    let rounds = range(ratios().map(|q| q.n as usize).filter(|&n| n > 0).collect());
    let blocks = range(
        ratios()
            .filter_map(|q| q.blocks.as_ref().map(Vec::len))
            .collect(),
    );
    match (rounds, blocks) {
        (Some(n), Some(b)) => format!(" ({n} rounds in {b} blocks a row)"),
        (Some(n), None) => format!(" ({n} rounds a row)"),
        (None, Some(b)) => format!(" ({b} blocks a row)"),
        (None, None) => String::new(),
    }
}
