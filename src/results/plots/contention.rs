//! Throughput vs threads, one chart per contention workload (and key distribution).
//!
//! Scaling is the question the contention suite asks, so threads are the x axis and each map
//! is a line; the bars span the min and max repetition, because one bad repetition out of
//! five is exactly what a reader of a scaling curve needs to see. The `null` contender (the
//! harness alone) is left out of the lines, since its rate would flatten every map's, and
//! named in a footnote instead.

use super::draw::{self, LinePlot, Point, Series, XAxis};
use super::{skipped_note, slug, Chart, Skipped, Varying};
use crate::contenders::{self, Role};
use crate::results::schema::{Row, Suite};
use std::collections::BTreeMap;

pub(super) fn charts(rows: &[&Row], skipped: &Skipped) -> Result<Vec<Chart>, String> {
    let mut groups: BTreeMap<(&str, &str), Vec<&Row>> = BTreeMap::new();
    let mut null: BTreeMap<(&str, &str), Vec<&Row>> = BTreeMap::new();
    let harness_only =
        |map: &str| contenders::describe(map).is_ok_and(|d| d.role == Role::HarnessOnly);
    for r in rows.iter().filter(|r| r.id.suite == Suite::Contention) {
        let by = if harness_only(&r.id.map) {
            &mut null
        } else {
            &mut groups
        };
        by.entry((r.id.op.name(), r.id.dist_name()))
            .or_default()
            .push(r);
    }
    let mut out = Vec::new();
    for ((op, dist), rs) in groups {
        let varying = Varying {
            threads: false, // the x axis
            ..Varying::of(&rs)
        };
        let mut series: BTreeMap<String, Vec<Point>> = BTreeMap::new();
        for r in &rs {
            series.entry(varying.label(r)).or_default().push(Point {
                x: f64::from(r.id.threads),
                y: r.median,
                lo: if r.min.is_finite() { r.min } else { r.median },
                hi: if r.max.is_finite() { r.max } else { r.median },
                noisy: r.noisy,
            });
        }
        let series = series
            .into_iter()
            .map(|(label, mut points)| {
                points.sort_by(|a, b| a.x.total_cmp(&b.x));
                Series { label, points }
            })
            .collect();
        let mut footnotes = vec!["bars: min–max of the repetitions".to_string()];
        if rs.iter().any(|r| r.noisy) {
            footnotes.push("hollow points: run flagged noisy".into());
        }
        footnotes.extend(skipped_note(skipped, Suite::Contention, op));
        if let Some(ns) = null.get(&(op, dist)) {
            let mut v: Vec<String> = ns
                .iter()
                .map(|r| format!("{} thr {:.0} {}", r.id.threads, r.median, r.unit.as_str()))
                .collect();
            v.sort();
            footnotes.push(format!(
                "harness alone ({} contender, not drawn): {}",
                ns[0].id.map,
                v.join(", ")
            ));
        }
        let dist_part = if dist == "-" { "" } else { dist };
        let title = if dist_part.is_empty() {
            format!("contention: {op}")
        } else {
            format!("contention: {op} ({dist})")
        };
        let svg = draw::lines(&LinePlot {
            title: &title,
            x_desc: "threads",
            y_desc: rs[0].unit.as_str(),
            x_axis: XAxis::Linear,
            series,
            footnotes,
        })?;
        out.push(Chart {
            file_name: format!("{}.svg", slug(&["contention", op, dist_part])),
            svg,
        });
    }
    Ok(out)
}
