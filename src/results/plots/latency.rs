//! Latency percentiles, for rows that record them in `extra.latency`.
//!
//! The shape is `{"read": {"p50": ns, "p99": ns, "p999": ns, "max": ns}, "write": {…}}`:
//! one line per (map, kind of operation) across the percentiles, on a log scale because the
//! tail is orders of magnitude above the median, and the tail is the point of the chart.

use super::draw;
use super::{slug, Chart, Varying};
use crate::results::schema::{Percentiles, Row};
use std::collections::BTreeMap;

/// A percentile: its axis label and how to read it.
type Percentile = (&'static str, fn(&Percentiles) -> u64);

/// Every percentile drawn, in axis order.
const PERCENTILES: [Percentile; 4] = [
    ("p50", |p| p.p50),
    ("p99", |p| p.p99),
    ("p99.9", |p| p.p999),
    ("max", |p| p.max),
];

pub(super) fn has_latency(r: &Row) -> bool {
    r.extra.latency.is_some()
}

pub(super) fn charts(rows: &[&Row]) -> Result<Vec<Chart>, String> {
    let mut groups: BTreeMap<(&str, &str, u32), Vec<&Row>> = BTreeMap::new();
    for r in rows.iter().filter(|r| has_latency(r)) {
        groups
            .entry((r.id.suite.name(), r.id.op.name(), r.id.threads))
            .or_default()
            .push(r);
    }
    let categories: Vec<&str> = PERCENTILES.iter().map(|p| p.0).collect();
    let mut out = Vec::new();
    for ((suite, op, threads), rs) in groups {
        let varying = Varying {
            threads: false, // part of the chart's key
            ..Varying::of(&rs)
        };
        let mut series = Vec::new();
        for r in &rs {
            let Some(kinds) = &r.extra.latency else {
                continue;
            };
            // Kinds in name order, as the file lists them.
            let mut kinds: Vec<_> = kinds.iter().collect();
            kinds.sort_by_key(|(k, _)| k.name());
            for (kind, pcts) in kinds {
                // Only positive values fit a log axis; a zero percentile is a gap.
                let points: Vec<(usize, f64)> = PERCENTILES
                    .iter()
                    .enumerate()
                    .map(|(k, (_, value))| (k, value(pcts) as f64))
                    .filter(|&(_, v)| v > 0.0)
                    .collect();
                if !points.is_empty() {
                    series.push((format!("{} {}", varying.label(r), kind.name()), points));
                }
            }
        }
        if series.is_empty() {
            continue;
        }
        let title = format!("{suite}: {op} latency, {threads} thread(s)");
        let svg = draw::percentiles(&title, "ns (log scale)", &categories, &series, &[])?;
        let t = format!("t{threads}");
        out.push(Chart {
            file_name: format!("{}.svg", slug(&["latency", suite, op, &t])),
            svg,
        });
    }
    Ok(out)
}
