//! Throughput vs threads, one chart per contention workload (and key distribution).
//!
//! Scaling is the question the contention suite asks, so threads are the x axis and each map
//! is a line; the bars span the min and max sample, because one bad sample is exactly what
//! a reader of a scaling curve needs to see. The maps are split into panels ([`panels`]):
//! ours with the reference, then the others with the reference again, and the Go anchor's
//! maps apart (another file), in a section of their own when measured on another machine
//! or day. The `null` contender (the harness alone) is left out of the lines, since its
//! rate would flatten every map's, and named in a footnote instead. A chart is a workload
//! and a key distribution, as [`super::dist_of`] tells it: rapid-grow, which has none, is
//! one chart whatever its files call its distribution.

use super::draw::{Axes, Figure, PanelRow, Point, XAxis};
use super::panels;
use super::{
    benches_note, by_bench, dist_name, dist_of, noisy_note, panel_per_group, slug, Chart, Ctx,
    Varying,
};
use crate::results::schema::Row;
use crate::vocabulary::{Role, Suite};
use std::collections::{BTreeMap, BTreeSet};

pub(super) fn charts(rows: &[&Row], ctx: &Ctx) -> Result<Vec<Chart>, String> {
    let mut groups: BTreeMap<(&str, &str), Vec<&Row>> = BTreeMap::new();
    let mut null: BTreeMap<(&str, &str), Vec<&Row>> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.id.suite == Suite::Contention) {
        let by = if panels::role(r) == Role::HarnessOnly {
            &mut null
        } else {
            &mut groups
        };
        by.entry((r.id.op.name(), dist_name(r)))
            .or_default()
            .push(r);
    }
    let mut out = Vec::new();
    for ((op, dist), rs) in groups {
        let varying = Varying {
            threads: false, // the x axis
            dist: false,    // part of the chart's key
            ..Varying::of(&rs)
        };
        let label = |r: &Row| varying.label(r);
        let point = |r: &Row| Point {
            x: f64::from(r.id.threads),
            y: r.median,
            lo: if r.min.is_finite() { r.min } else { r.median },
            hi: if r.max.is_finite() { r.max } else { r.median },
            noisy: r.noisy,
        };
        let layout =
            |rs: &[&Row]| -> Vec<PanelRow> { panel_per_group(rs, &label, &point, ctx.sources) };
        let axes = Axes {
            x: XAxis::Linear,
            x_desc: "threads".into(),
            y_log: false,
            y_ns: false,
            y_desc: format!("{} (all threads; higher is better)", rs[0].unit.as_str()),
            reference: None,
        };
        let mut footnotes = vec!["bars: min–max of the samples (rounds)".to_string()];
        footnotes.extend(benches_note(&rs, ctx.sources));
        let relabelled: BTreeSet<&str> = rs
            .iter()
            .filter(|r| r.id.dist != dist_of(r))
            .map(|r| r.id.dist_name())
            .collect();
        if !relabelled.is_empty() {
            footnotes.push(format!(
                "no key distribution: without a prefill, reads target each thread's own inserts; rows a file labels {} are drawn here",
                relabelled.into_iter().collect::<Vec<_>>().join(", ")
            ));
        }
        footnotes.extend(noisy_note(&rs));
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
        footnotes.extend(ctx.closing_notes(&rs, &|r| {
            r.id.suite == Suite::Contention && r.id.op.name() == op && dist_name(r) == dist
        }));
        let dist_part = if dist == "-" { "" } else { dist };
        let title = if dist_part.is_empty() {
            format!("contention: {op}, throughput vs threads")
        } else {
            format!("contention: {op} ({dist} keys), throughput vs threads")
        };
        let fig = Figure {
            title,
            sections: by_bench(&rs, ctx.sources, &axes, &layout),
            footnotes,
        };
        out.push(Chart::draw(
            format!("{}.svg", slug(&["contention", op, dist_part])),
            fig,
        )?);
    }
    Ok(out)
}
