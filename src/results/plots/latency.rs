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
//!
//! **A percentile is drawn only where enough ops were timed to place it** ([`enough`]).
//! One op in `latency_sample_every` (64) is timed, and an op kind may be 1% of a mix, so a
//! kind may have a few dozen timed ops: then its "p99.9" is its slowest op, and its p99
//! nearly so (they were drawn as one flat line at the maximum). Such a point is left out,
//! and the footnote says which percentile of which kind, and how many ops were timed.

use super::draw::{Axes, Figure, Panel, PanelRow, Point, Series, XAxis};
use super::panels::{self, Reference};
use super::{benches_note, by_bench, dist_name, look_key, noisy_note, slug, Chart, Ctx, Varying};
use crate::results::schema::{Percentiles, Row};
use crate::vocabulary::OpKind;
use std::collections::BTreeMap;

/// Panels side by side in one row at most (the op kinds: read, insert, remove, update).
const COLUMNS: usize = 4;

/// A percentile a row records: its name, its fraction, and where a row keeps its value.
type Percentile = (&'static str, f64, fn(&Percentiles) -> u64);

/// The percentiles a row records.
const PERCENTILES: [Percentile; 3] = [
    ("p50", 0.5, |p| p.p50),
    ("p99", 0.99, |p| p.p99),
    ("p99.9", 0.999, |p| p.p999),
];

/// Timed ops that must lie beyond a percentile for it to be drawn.
///
/// Why ten: the p-quantile of n timed ops is read at the op with n(1 − p) ops beyond it,
/// and how many lie beyond the true quantile is itself a draw, Poisson-like with that mean
/// k, so it is known to about ±√k. With k = 10 that is ±30%, and the estimate falls between
/// the quantiles p ± 0.3(1 − p): a point on the right step of the nines axis. With k near 1
/// it is the slowest op or the one before it, whatever the tail is. Ten beyond is the usual
/// floor for reading a tail count: 20 timed ops for p50, 1000 for p99, 10000 for p99.9.
const BEYOND: f64 = 10.0;

/// Whether `samples` timed ops place the `p` quantile ([`BEYOND`]); an unknown count (0,
/// files from before it was recorded) never does.
fn enough(p: f64, samples: u64) -> bool {
    samples as f64 * (1.0 - p) >= BEYOND - 1e-9
}

/// The timed ops the `p` quantile needs: 20, 1000, 10000.
fn needed(p: f64) -> u64 {
    (BEYOND / (1.0 - p)).round() as u64
}

/// The points of one op kind's percentiles, (fraction, ns), and the names of those left
/// out for too few timed ops. Only positive values fit a log axis; a zero percentile is a
/// gap.
fn points(p: &Percentiles) -> (Vec<(f64, f64)>, Vec<&'static str>) {
    let mut v = Vec::new();
    let mut missing = Vec::new();
    for (name, q, value) in PERCENTILES {
        if enough(q, p.samples) {
            v.push((q, value(p) as f64));
        } else {
            missing.push(name);
        }
    }
    // The slowest of n timed ops is where the (1 − 1/n) quantile would be; with n ≤ 1000 it
    // is no further right than p99.9's place, and without n its place is unknown: not drawn.
    // It is an observation, not an estimate, so the rule above does not apply to it.
    if p.samples > 1000 {
        v.push((1.0 - 1.0 / p.samples as f64, p.max as f64));
    }
    v.retain(|&(_, ns)| ns > 0.0);
    (v, missing)
}

/// The percentiles left out, for the footnote: `p99.9 not drawn for read (1206–9531 timed
/// ops), insert (149 timed ops)`, one line per percentile.
#[derive(Default)]
struct Missing(BTreeMap<usize, BTreeMap<OpKind, (u64, u64)>>);

impl Missing {
    fn add(&mut self, name: &str, kind: OpKind, samples: u64) {
        let at = PERCENTILES
            .iter()
            .position(|(n, _, _)| *n == name)
            .unwrap_or(0);
        let e = self
            .0
            .entry(at)
            .or_default()
            .entry(kind)
            .or_insert((samples, samples));
        *e = (e.0.min(samples), e.1.max(samples));
    }

    fn footnotes(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .0
            .iter()
            .map(|(&at, kinds)| {
                let per: Vec<String> = kinds
                    .iter()
                    .map(|(k, &(lo, hi))| match (lo, hi) {
                        (0, 0) => format!("{} (timed ops not recorded)", k.name()),
                        (lo, hi) if lo == hi => format!("{} ({lo} timed ops)", k.name()),
                        (lo, hi) => format!("{} ({lo}–{hi} timed ops)", k.name()),
                    })
                    .collect();
                format!("{} not drawn for {}", PERCENTILES[at].0, per.join(", "))
            })
            .collect();
        if !v.is_empty() {
            let needs: Vec<String> = PERCENTILES
                .iter()
                .map(|(n, q, _)| format!("{n}: {}", needed(*q)))
                .collect();
            v.push(format!(
                "a percentile is drawn only where at least {BEYOND} timed ops lie beyond it ({}); with fewer it is one of the few slowest ops",
                needs.join(", ")
            ));
        }
        v
    }
}

pub(super) fn charts(rows: &[&Row], ctx: &Ctx) -> Result<Vec<Chart>, String> {
    let mut groups: BTreeMap<(&str, &str, &str, u32), Vec<&Row>> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.extra.latency.is_some()) {
        groups
            .entry((
                r.id.suite.name(),
                r.id.op.name(),
                dist_name(r),
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
        let mut missing = Missing::default();
        for r in &rs {
            for (kind, p) in r.extra.latency.iter().flatten() {
                no_max |= p.samples <= 1000;
                for name in points(p).1 {
                    missing.add(name, *kind, p.samples);
                }
            }
        }
        let panel_rows = |rs: &[&Row]| -> Vec<PanelRow> {
            let mut out = Vec::new();
            for g in panels::split(rs, &label, ctx.sources, Reference::InEveryGroup) {
                let panels_of_group: Vec<Panel> = kinds
                    .iter()
                    .map(|kind| Panel {
                        caption: format!("{} ops", kind.name()),
                        series: g
                            .rows
                            .iter()
                            .filter_map(|r| {
                                let p = r.extra.latency.as_ref()?.get(kind)?;
                                let pts = points(p).0;
                                (!pts.is_empty()).then(|| Series {
                                    label: label(r),
                                    key: look_key(r),
                                    points: pts
                                        .into_iter()
                                        .map(|(x, y)| Point {
                                            x,
                                            y,
                                            lo: y,
                                            hi: y,
                                            noisy: r.noisy,
                                        })
                                        .collect(),
                                })
                            })
                            .collect(),
                    })
                    .collect();
                out.extend(PanelRow::rows(&g.title, &panels_of_group, COLUMNS));
            }
            out
        };
        let axes = Axes {
            x: XAxis::Nines,
            x_desc: "percentile, % (nines scale)".into(),
            y_log: true,
            y_ns: true,
            y_desc: "latency of one op (log scale)".into(),
            reference: None,
        };
        let sections = by_bench(&rs, ctx.sources, &axes, &panel_rows);
        let drawn = sections
            .iter()
            .flat_map(|s| &s.rows)
            .flat_map(|r| &r.panels)
            .any(|p| !p.series.is_empty());
        if !drawn {
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
        footnotes.extend(missing.footnotes());
        if no_max {
            footnotes.push(
                "max not drawn where at most 1000 ops were timed (it would sit left of p99.9's place) or their number is unknown"
                    .into(),
            );
        }
        footnotes.extend(benches_note(&rs, ctx.sources));
        footnotes.extend(noisy_note(&rs));
        footnotes.extend(ctx.closing_notes(&rs, &|r| {
            r.id.suite.name() == suite
                && r.id.op.name() == op
                && dist_name(r) == dist
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
            title,
            sections,
            footnotes,
        };
        let t = format!("t{threads}");
        out.push(Chart::draw(
            format!("{}.svg", slug(&["latency", suite, op, dist_part, &t])),
            fig,
        )?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pct(samples: u64) -> Percentiles {
        Percentiles {
            p50: 100,
            p99: 900,
            p999: 900,
            max: 900,
            samples,
        }
    }

    #[test]
    fn a_percentile_needs_ten_timed_ops_beyond_it() {
        assert_eq!(
            [0.5, 0.99, 0.999].map(needed),
            [20, 1000, 10_000],
            "p50, p99, p99.9"
        );
        let names = |n: u64| -> Vec<f64> { points(&pct(n)).0.iter().map(|p| p.0).collect() };
        assert_eq!(points(&pct(73)).1, vec!["p99", "p99.9"]);
        assert_eq!(names(73), vec![0.5], "73 timed ops: the median alone");
        assert_eq!(names(1000), vec![0.5, 0.99]);
        assert_eq!(points(&pct(0)).1.len(), 3, "an unknown count places none");
        let all = names(20_000);
        assert_eq!(all.len(), 4, "p50, p99, p99.9 and the max: {all:?}");
        let mut m = Missing::default();
        m.add("p99.9", OpKind::Insert, 412);
        m.add("p99.9", OpKind::Insert, 300);
        m.add("p99.9", OpKind::Read, 5000);
        let f = m.footnotes();
        assert_eq!(
            f[0],
            "p99.9 not drawn for read (5000 timed ops), insert (300–412 timed ops)"
        );
    }
}
