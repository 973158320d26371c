//! ns/op by map size, one chart per single-thread operation, the Go anchor included.
//!
//! Size is where a hash map's behaviour changes (cache levels, growth), so it is the x
//! axis. Only a few sizes are measured (powers of two far apart), so they are categories,
//! never joined by lines: a line from 64K to 1M would claim to know the sizes between.
//! The Go anchor's rows (suite `ops`, maps named `go…`, isa `go`) come from another file,
//! so they get panels of their own ([`super::panels`]): on the y axis of the Rust maps they anchor
//! when measured on the same machine the same day, in a section of their own otherwise.

use super::ci95;
use super::draw::{Axes, Figure, PanelRow, Point, XAxis};
use super::{benches_note, by_bench, noisy_note, panel_per_group, slug, Chart, Ctx, Varying};
use crate::results::format::{size, SizeStyle};
use crate::results::schema::Row;
use crate::vocabulary::Suite;
use std::collections::BTreeMap;

// Whiskers are the 95% interval of the median where a row has one; otherwise none (the
// min–max of a criterion run is mostly scheduler noise and would hide the markers).

/// The sizes among `rows` in order, as categories, and the position of each.
pub(super) fn size_categories(rows: &[&Row]) -> (Vec<String>, Vec<u64>) {
    let mut sizes: Vec<u64> = rows.iter().map(|r| r.id.size).collect();
    sizes.sort_unstable();
    sizes.dedup();
    let names = sizes
        .iter()
        .map(|&n| size(n, SizeStyle::Suffix).to_string())
        .collect();
    (names, sizes)
}

pub(super) fn charts(rows: &[&Row], ctx: &Ctx) -> Result<Vec<Chart>, String> {
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
        let label = |r: &Row| varying.label(r);
        let (names, sizes) = size_categories(&rs);
        let point = |r: &Row| {
            let (lo, hi) = ci95(r).unwrap_or((r.median, r.median));
            Point {
                x: sizes.iter().position(|&s| s == r.id.size).unwrap_or(0) as f64,
                y: r.median,
                lo,
                hi,
                noisy: r.noisy,
            }
        };
        let layout =
            |rs: &[&Row]| -> Vec<PanelRow> { panel_per_group(rs, &label, &point, ctx.sources) };
        let axes = Axes {
            x: XAxis::Categories(names),
            x_desc: "entries in the map (measured sizes only)".into(),
            y_log: false,
            y_ns: false,
            y_desc: format!("{} (lower is better)", rs[0].unit.as_str()),
            reference: None,
        };
        let mut footnotes: Vec<String> = benches_note(&rs, ctx.sources).into_iter().collect();
        if rs.iter().any(|r| ci95(r).is_some()) {
            footnotes.push("bars: 95% confidence interval of the median".to_string());
        }
        footnotes.extend(noisy_note(&rs));
        footnotes
            .extend(ctx.closing_notes(&rs, &|r| r.id.suite == Suite::Ops && r.id.op.name() == op));
        let title = format!("{op}: time per operation by map size");
        let fig = Figure {
            title,
            sections: by_bench(&rs, ctx.sources, &axes, &layout),
            footnotes,
        };
        out.push(Chart::draw(format!("{}.svg", slug(&["ops", op])), fig)?);
    }
    Ok(out)
}
