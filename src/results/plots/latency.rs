//! Latency percentiles, for rows that record them in `extra.latency`, as small multiples.
//!
//! The shape is `{"read": {"p50": ns, "p99": ns, "p999": ns, "max": ns, "samples": n}, …}`.
//! One chart per (suite, workload, distribution, threads); in it a panel per kind of
//! operation, and rows of panels for the groups of maps ([`panels`]: at most eight a panel).
//! Percentiles sit on a "nines" axis, as HdrHistogram's plots draw them: x = −log10(1 − p),
//! so p99 and p99.9 are a full step apart instead of crowding at the right edge; the
//! maximum is drawn where it belongs on that axis, at 1 − 1/samples, when the row says how
//! many ops were timed. Values are on a log scale because the tail is orders of magnitude
//! above the median, and the tail is the point of the chart.

use super::draw::{self, Axes, Figure, Panel, PanelRow, Point, Series, XAxis};
use super::panels::{self, Reference};
use super::{slug, Chart, Ctx, Varying};
use crate::results::schema::{Percentiles, Row};
use crate::vocabulary::OpKind;
use std::collections::BTreeMap;

/// Panels side by side in one row at most (the op kinds: read, insert, remove, update).
const COLUMNS: usize = 4;

/// The points of one op kind's percentiles: (fraction, ns). Only positive values fit a log
/// axis; a zero percentile is a gap.
fn points(p: &Percentiles) -> Vec<(f64, f64)> {
    let mut v = vec![
        (0.5, p.p50 as f64),
        (0.99, p.p99 as f64),
        (0.999, p.p999 as f64),
    ];
    // The slowest of n timed ops is the (1 − 1/n) quantile; with n ≤ 1000 it is no further
    // right than p99.9, and without n its place is unknown: not drawn.
    if p.samples > 1000 {
        v.push((1.0 - 1.0 / p.samples as f64, p.max as f64));
    }
    v.retain(|&(_, ns)| ns > 0.0);
    v
}

pub(super) fn charts(rows: &[&Row], ctx: &Ctx) -> Result<Vec<Chart>, String> {
    let mut groups: BTreeMap<(&str, &str, &str, u32), Vec<&Row>> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.extra.latency.is_some()) {
        groups
            .entry((
                r.id.suite.name(),
                r.id.op.name(),
                r.id.dist_name(),
                r.id.threads,
            ))
            .or_default()
            .push(r);
    }
    let mut out = Vec::new();
    for ((suite, op, dist, threads), rs) in groups {
        let varying = Varying {
            threads: false, // part of the chart's key
            dist: false,    // part of the chart's key
            ..Varying::of(&rs)
        };
        let label = |r: &Row| varying.label(r);
        let kinds: Vec<OpKind> = OpKind::ALL
            .into_iter()
            .filter(|k| {
                rs.iter()
                    .any(|r| r.extra.latency.as_ref().is_some_and(|l| l.contains_key(k)))
            })
            .collect();
        let mut no_max = false;
        let mut rows_of_panels = Vec::new();
        for g in panels::split(&rs, &label, ctx.sources, Reference::InEveryGroup) {
            let panels_of_group: Vec<Panel> = kinds
                .iter()
                .map(|kind| {
                    let mut series: Vec<Series> = Vec::new();
                    for r in &g.rows {
                        let Some(p) = r.extra.latency.as_ref().and_then(|l| l.get(kind)) else {
                            continue;
                        };
                        no_max |= p.samples <= 1000;
                        series.push(Series {
                            label: label(r),
                            points: points(p)
                                .into_iter()
                                .map(|(x, y)| Point {
                                    x,
                                    y,
                                    lo: y,
                                    hi: y,
                                    noisy: r.noisy,
                                })
                                .collect(),
                        });
                    }
                    Panel {
                        caption: format!("{} ops", kind.name()),
                        series,
                    }
                })
                .collect();
            rows_of_panels.extend(PanelRow::rows(&g.title, &panels_of_group, COLUMNS));
        }
        if rows_of_panels.is_empty() {
            continue;
        }
        let mut every: Vec<u64> = rs
            .iter()
            .filter_map(|r| r.extra.latency_sample_every)
            .collect();
        every.sort_unstable();
        every.dedup();
        let timed = match every.as_slice() {
            [] => "ops timed: a sample of each cell's ops".to_string(),
            [n] => format!("one op in {n} timed"),
            v => format!("one op in {}–{} timed", v[0], v[v.len() - 1]),
        };
        let mut footnotes = vec![format!(
            "{timed}; x: percentile on a nines axis (each step one more nine); the last point of a line is the slowest op timed (max)"
        )];
        if no_max {
            footnotes.push(
                "max not drawn where fewer than 1000 ops were timed or their number is unknown"
                    .into(),
            );
        }
        if rs.iter().any(|r| r.noisy) {
            footnotes
                .push("hollow markers: cell flagged noisy (other processes used the CPU)".into());
        }
        footnotes.extend(ctx.closing_notes(&rs, &|r| {
            r.id.suite.name() == suite
                && r.id.op.name() == op
                && r.id.dist_name() == dist
                && r.id.threads == threads
                && r.extra.latency.is_some()
        }));
        let dist_part = if dist == "-" { "" } else { dist };
        let keys = if dist_part.is_empty() {
            String::new()
        } else {
            format!(", {dist} keys")
        };
        let title = format!("{suite}: {op} latency{keys}, {threads} thread(s)");
        let fig = Figure {
            title: title.clone(),
            axes: Axes {
                x: XAxis::Nines,
                x_desc: "percentile (nines scale)".into(),
                y_log: true,
                y_ns: true,
                y_desc: "latency of one op (log scale)".into(),
                reference: None,
            },
            rows: rows_of_panels,
            footnotes,
        };
        let t = format!("t{threads}");
        out.push(Chart {
            file_name: format!("{}.svg", slug(&["latency", suite, op, dist_part, &t])),
            title,
            svg: draw::figure(&fig)?,
            series_per_panel: fig.series_per_panel(),
        });
    }
    Ok(out)
}
