//! The probe suite in one chart: every tophash probe strategy on every pattern.
//!
//! The question is which strategy finds the slot fastest, and whether that depends on
//! where the match is: so the patterns (a match in slot 0 … 7, no match, an empty slot
//! ending the group) are the x axis, as categories, and each strategy is a marker of its
//! own, Go's scalar loop (the reference) black. A chart per pattern, as this was before,
//! showed three near-identical points ten times and hid the one comparison that matters,
//! across patterns.

use super::ci95;
use super::draw::{Axes, Figure, PanelRow, Point, XAxis};
use super::{benches_note, better, by_bench, noisy_note, panel_per_group, Chart, Ctx, Varying};
use crate::results::schema::Row;
use crate::vocabulary::{Pattern, Suite};

/// The patterns among `rows`, in the suite's order (then any it does not know, as met).
fn patterns(rows: &[&Row]) -> Vec<String> {
    let mut v: Vec<String> = Pattern::all()
        .into_iter()
        .map(|p| p.name().to_string())
        .filter(|n| rows.iter().any(|r| r.id.op.name() == n))
        .collect();
    for r in rows {
        let n = r.id.op.name().to_string();
        if !v.contains(&n) {
            v.push(n);
        }
    }
    v
}

pub(super) fn charts(rows: &[&Row], ctx: &Ctx) -> Result<Vec<Chart>, String> {
    let rs: Vec<&Row> = rows
        .iter()
        .copied()
        .filter(|r| r.id.suite == Suite::Probe)
        .collect();
    if rs.is_empty() {
        return Ok(Vec::new());
    }
    let varying = Varying::of(&rs);
    let label = |r: &Row| varying.label(r);
    let names = patterns(&rs);
    let (mut with_ci, mut without_ci) = (0, 0);
    for r in &rs {
        match ci95(r) {
            Some(_) => with_ci += 1,
            None => without_ci += 1,
        }
    }
    let point = |r: &Row| {
        let (lo, hi) = ci95(r).unwrap_or_else(|| {
            let lo = if r.min.is_finite() { r.min } else { r.median };
            let hi = if r.max.is_finite() { r.max } else { r.median };
            (lo, hi)
        });
        Point {
            x: names.iter().position(|n| n == r.id.op.name()).unwrap_or(0) as f64,
            y: r.median,
            lo,
            hi,
            noisy: r.noisy,
        }
    };
    let panel_rows = |rs: &[&Row]| -> Vec<PanelRow> {
        let mut v = panel_per_group(rs, &label, &point, ctx.sources);
        for r in &mut v {
            r.legend_title = r.legend_title.replace("maps", "strategies");
        }
        v
    };
    let axes = Axes {
        x: XAxis::Categories(names.clone()),
        x_desc: "pattern: where in the group of 8 the tophash matches (or none does)".into(),
        y_log: false,
        y_ns: false,
        y_desc: format!("{} ({})", rs[0].unit.as_str(), better(rs[0].unit)),
        reference: None,
    };
    let mut footnotes = vec![match (with_ci, without_ci) {
        (_, 0) => "point: median; bar: 95% confidence interval of the median".to_string(),
        (0, _) => "point: median; bar: min–max of the samples".to_string(),
        _ => "point: median; bar: 95% CI of the median where recorded, else min–max".into(),
    }];
    footnotes.extend(benches_note(&rs, ctx.sources));
    footnotes.extend(noisy_note(&rs));
    footnotes.extend(ctx.closing_notes(&rs, &|r| r.id.suite == Suite::Probe));
    let title = "probe: one group's tophash match, each strategy by pattern".to_string();
    let fig = Figure {
        title,
        sections: by_bench(&rs, ctx.sources, &axes, &panel_rows),
        footnotes,
    };
    Ok(vec![Chart::draw("probe.svg".into(), fig)?])
}
