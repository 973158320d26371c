//! ns/op vs map size, one chart per single-thread operation, the Go anchor included.
//!
//! Size is where a hash map's behaviour changes (cache levels, growth), so it is the x
//! axis, on a log2 scale because the sizes we run are powers of two. The Go anchor's rows
//! (suite `ops`, maps named `go…`, isa `go`) land on the same chart as the Rust maps they
//! anchor.

use super::ci95;
use super::draw::{self, LinePlot, Point, Series, XAxis};
use super::{skipped_note, slug, Chart, Skipped, Varying};
use crate::results::schema::{Row, Suite};
use std::collections::BTreeMap;

// Whiskers are the 95% interval of the median where a row has one; otherwise none (the
// min–max of a criterion run is mostly scheduler noise and would hide the lines).

pub(super) fn charts(rows: &[&Row], skipped: &Skipped) -> Result<Vec<Chart>, String> {
    let mut groups: BTreeMap<&str, Vec<&Row>> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.id.suite == Suite::Ops) {
        groups.entry(r.id.op.name()).or_default().push(r);
    }
    let mut out = Vec::new();
    for (op, rs) in groups {
        let varying = Varying {
            size: false, // the x axis
            ..Varying::of(&rs)
        };
        let mut series: BTreeMap<String, Vec<Point>> = BTreeMap::new();
        let mut sizeless = 0;
        for r in &rs {
            if r.id.size == 0 {
                sizeless += 1; // log2(0) has no place on the axis
                continue;
            }
            let (lo, hi) = ci95(r).unwrap_or((r.median, r.median));
            series.entry(varying.label(r)).or_default().push(Point {
                x: (r.id.size as f64).log2(),
                y: r.median,
                lo,
                hi,
                noisy: r.noisy,
            });
        }
        let series: Vec<Series> = series
            .into_iter()
            .map(|(label, mut points)| {
                points.sort_by(|a, b| a.x.total_cmp(&b.x));
                Series { label, points }
            })
            .collect();
        let mut footnotes = Vec::new();
        if rs.iter().any(|r| ci95(r).is_some()) {
            footnotes.push("bars: 95% confidence interval of the median".to_string());
        }
        if rs.iter().any(|r| r.noisy) {
            footnotes.push("hollow points: run flagged noisy".into());
        }
        if sizeless > 0 {
            footnotes.push(format!("{sizeless} row(s) without a size not shown"));
        }
        footnotes.extend(skipped_note(skipped, Suite::Ops, op));
        let title = format!("{op}: time per operation vs map size");
        let svg = draw::lines(&LinePlot {
            title: &title,
            x_desc: "entries (log2 scale)",
            y_desc: rs[0].unit.as_str(),
            x_axis: XAxis::Log2Size,
            series,
            footnotes,
        })?;
        out.push(Chart {
            file_name: format!("{}.svg", slug(&["ops", op])),
            svg,
        });
    }
    Ok(out)
}
