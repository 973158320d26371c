//! Latency percentiles, for rows that record them in `extra.latency`.
//!
//! The shape is `{"read": {"p50": ns, "p99": ns, "p999": ns, "max": ns}, "write": {…}}`:
//! one line per (map, kind of operation) across the percentiles, on a log scale because the
//! tail is orders of magnitude above the median, and the tail is the point of the chart.

use super::draw;
use super::{slug, Chart, Varying};
use crate::results::schema::Row;
use std::collections::BTreeMap;

/// (JSON key, axis label) of each percentile, in axis order.
const PERCENTILES: [(&str, &str); 4] = [
    ("p50", "p50"),
    ("p99", "p99"),
    ("p999", "p99.9"),
    ("max", "max"),
];

pub(super) fn has_latency(r: &Row) -> bool {
    r.extra.get("latency").is_some_and(|v| v.is_object())
}

pub(super) fn charts(rows: &[&Row]) -> Result<Vec<Chart>, String> {
    let mut groups: BTreeMap<(&str, &str, u32), Vec<&Row>> = BTreeMap::new();
    for r in rows.iter().filter(|r| has_latency(r)) {
        groups
            .entry((&r.suite, &r.op, r.threads))
            .or_default()
            .push(r);
    }
    let categories: Vec<&str> = PERCENTILES.iter().map(|p| p.1).collect();
    let mut out = Vec::new();
    for ((suite, op, threads), rs) in groups {
        let varying = Varying {
            threads: false, // part of the chart's key
            ..Varying::of(&rs)
        };
        let mut series = Vec::new();
        for r in &rs {
            let Some(kinds) = r.extra.get("latency").and_then(|v| v.as_object()) else {
                continue;
            };
            for (kind, pcts) in kinds {
                // Only positive values fit a log axis; a missing percentile is a gap.
                let points: Vec<(usize, f64)> = PERCENTILES
                    .iter()
                    .enumerate()
                    .filter_map(|(k, (key, _))| {
                        let v = pcts.get(*key)?.as_f64()?;
                        (v.is_finite() && v > 0.0).then_some((k, v))
                    })
                    .collect();
                if !points.is_empty() {
                    series.push((format!("{} {kind}", varying.label(r)), points));
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
