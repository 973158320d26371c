//! The locate suite: does a precomputed bucket mask beat deriving the index from B? One
//! chart per op (the index kernels alone, and get-hit in situ), in two sections:
//!
//! 1. the answer: the paired difference precomputed − from-B (the rows whose samples are
//!    per-round differences, `Row::is_difference`), its mean with its 95% interval, on an
//!    axis of its own with a line at 0. The differences are hundredths of a ns to a few ns,
//!    which an axis of absolute times flattens onto its floor: drawn there, "no
//!    difference" and "a 5% difference" looked alike;
//! 2. the times the difference is taken between, the median of each variant, on a log axis
//!    (get-hit spans 3 ns at 1K entries to 40 ns at 1M: on a linear one the small sizes'
//!    pairs would touch).
//!
//! The x axis is the map size, as categories (`sizes`); the index kernels are measured at
//! one size.

use super::ci95;
use super::draw::{Axes, Figure, PanelRow, Point, XAxis};
use super::sizes::size_categories;
use super::{
    benches_note, noisy_note, panel_per_group, sections_by_bench, slug, Chart, Ctx, Quantity,
    Varying,
};
use crate::results::schema::Row;
use crate::vocabulary::Suite;
use std::collections::BTreeMap;

pub(super) fn charts(rows: &[&Row], ctx: &Ctx) -> Result<Vec<Chart>, String> {
    let mut groups: BTreeMap<&str, Vec<&Row>> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.id.suite == Suite::Locate) {
        groups.entry(r.id.op.name()).or_default().push(r);
    }
    let mut out = Vec::new();
    for (op, mut rs) in groups {
        // By map: each map beside its from-B twin.
        rs.sort_by_key(|r| r.identity());
        let varying = Varying {
            size: false, // the x axis
            ..Varying::of(&rs)
        };
        let label = |r: &Row| varying.label(r);
        let (names, sizes) = size_categories(&rs);
        let x = |r: &Row| sizes.iter().position(|&s| s == r.id.size).unwrap_or(0) as f64;
        let (diff_rows, time_rows): (Vec<&Row>, Vec<&Row>) =
            rs.iter().partition(|r| r.is_difference());
        let difference = |r: &Row| {
            let y = r.extra.mean_diff.unwrap_or(r.median);
            let (lo, hi) = ci95(r).unwrap_or((y, y));
            Point {
                x: x(r),
                y,
                lo,
                hi,
                noisy: r.noisy,
            }
        };
        let time = |r: &Row| {
            let (lo, hi) = ci95(r).unwrap_or((r.median, r.median));
            Point {
                x: x(r),
                y: r.median,
                lo,
                hi,
                noisy: r.noisy,
            }
        };
        let differences = |rs: &[&Row]| -> Vec<PanelRow> {
            panel_per_group(rs, &label, &difference, ctx.sources)
        };
        let times =
            |rs: &[&Row]| -> Vec<PanelRow> { panel_per_group(rs, &label, &time, ctx.sources) };
        let x_axis = XAxis::Categories(names);
        let x_desc = "entries in the map (measured sizes only)".to_string();
        let sections = sections_by_bench(
            &[
                Quantity {
                    heading: Some("the answer: paired difference, precomputed − from-B"),
                    axes: Axes {
                        x: x_axis.clone(),
                        x_desc: x_desc.clone(),
                        y_log: false,
                        y_ns: false,
                        y_desc: "ns/op, precomputed − from-B".into(),
                        reference: Some((
                            0.0,
                            "0 = no difference (below: precomputed faster)".into(),
                        )),
                    },
                    rows: diff_rows.clone(),
                    layout: &differences,
                },
                Quantity {
                    heading: Some("the times it is the difference of"),
                    axes: Axes {
                        x: x_axis,
                        x_desc,
                        y_log: true,
                        y_ns: true,
                        y_desc: "time per op (log scale; lower is better)".into(),
                        reference: None,
                    },
                    rows: time_rows.clone(),
                    layout: &times,
                },
            ],
            ctx.sources,
        );
        let mut footnotes = Vec::new();
        if !diff_rows.is_empty() {
            footnotes.push(
                "difference: mean of the per-round differences of the two variants, measured in the same rounds; bar: its 95% interval (Student's t)".to_string(),
            );
        }
        footnotes.push(if time_rows.iter().any(|r| ci95(r).is_some()) {
            "times: median; bar: 95% confidence interval of the median".to_string()
        } else {
            "times: median of the rounds".to_string()
        });
        footnotes.extend(benches_note(&rs, ctx.sources));
        footnotes.extend(noisy_note(&rs));
        footnotes.extend(ctx.closing_notes(&rs, &|r| {
            r.id.suite == Suite::Locate && r.id.op.name() == op
        }));
        let title = format!("locate: {op}, precomputed bucket mask vs from-B");
        let fig = Figure {
            title,
            sections,
            footnotes,
        };
        out.push(Chart::draw(format!("{}.svg", slug(&["locate", op])), fig)?);
    }
    Ok(out)
}
