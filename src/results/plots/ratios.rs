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

use super::draw::{self, Axes, Figure, Panel, PanelRow, Point, Series, XAxis};
use super::panels::{self, Reference};
use super::sizes::size_categories;
use super::{slug, Chart, Ctx, Varying};
use crate::contenders::Role;
use crate::results::schema::{Row, Suite, Unit};
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
            &|r| r.id.op.name().to_string(),
            &x,
            XAxis::Categories(names),
            "entries in the map (measured sizes only)",
            "ratio-ops",
            "single thread: each map ÷ the reference, by operation and size",
            &|r| r.id.suite == Suite::Ops,
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
            &|r| match r.id.dist {
                Some(d) => format!("{} keys", d.name()),
                None => "keys as the workload makes them".to_string(),
            },
            &x,
            XAxis::Categories(names),
            "threads",
            &slug(&["ratio", "contention", op]),
            &format!("contention: {op}, each map ÷ the reference, by threads"),
            &|r| r.id.suite == Suite::Contention && r.id.op.name() == op,
        )?);
    }
    Ok(out)
}

/// One ratio chart: rows of panels by group of maps, a panel per `panel_of` value.
#[allow(clippy::too_many_arguments)]
fn chart(
    rows: &[&Row],
    ctx: &Ctx,
    panel_of: &dyn Fn(&Row) -> String,
    x: &dyn Fn(&Row) -> f64,
    x_axis: XAxis,
    x_desc: &str,
    name: &str,
    title: &str,
    belongs: &dyn Fn(&Row) -> bool,
) -> Result<Chart, String> {
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
    let mut rows_of_panels = Vec::new();
    for g in panels::split(rows, &label, ctx.sources, Reference::Omitted) {
        let panels: Vec<Panel> = panel_names
            .iter()
            .map(|p| {
                let mut series: Vec<Series> = Vec::new();
                for r in g.rows.iter().filter(|r| panel_of(r) == *p) {
                    let q = r.extra.ratio.as_ref().expect("filtered on a ratio");
                    let point = Point {
                        x: x(r),
                        y: q.median,
                        lo: q.ci95_low,
                        hi: q.ci95_high,
                        noisy: r.noisy,
                    };
                    let l = label(r);
                    match series.iter_mut().find(|s| s.label == l) {
                        Some(s) => s.points.push(point),
                        None => series.push(Series {
                            label: l,
                            points: vec![point],
                        }),
                    }
                }
                Panel {
                    caption: p.clone(),
                    series,
                }
            })
            .collect();
        for (k, chunk) in panels.chunks(COLUMNS).enumerate() {
            rows_of_panels.push(PanelRow {
                legend_title: if k == 0 {
                    g.title.clone()
                } else {
                    String::new()
                },
                panels: chunk.to_vec(),
            });
        }
    }
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
        "marker: median of the per-round ratios to {to} (paired in the same interleaved rounds); bar: its 95% interval (sign test)"
    )];
    if rows.iter().any(|r| r.noisy) {
        footnotes.push("hollow markers: cell flagged noisy (other processes used the CPU)".into());
    }
    footnotes.extend(ctx.closing_notes(rows, belongs));
    let title = title.replace("the reference", &to);
    let fig = Figure {
        title: title.clone(),
        axes: Axes {
            x: x_axis,
            x_desc: x_desc.to_string(),
            y_log: true,
            y_ns: false,
            y_desc: format!("{unit_name} ratio to {to} (log scale)"),
            reference: Some((1.0, format!("1 = {to} ({faster})"))),
        },
        rows: rows_of_panels,
        footnotes,
    };
    Ok(Chart {
        file_name: format!("{name}.svg"),
        title,
        svg: draw::figure(&fig)?,
        series_per_panel: fig.series_per_panel(),
    })
}
