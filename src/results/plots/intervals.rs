//! The strategy comparisons (`locate`, `probe`): one point per variant with its interval.
//!
//! These suites ask "is strategy A faster than B", a question about the gap between two
//! numbers relative to their uncertainty, so every variant is a row of its own with a
//! horizontal interval: the 95% confidence interval of the median where criterion gave one
//! (`extra.ci95_low` / `extra.ci95_high`), else the min–max of the samples.

use super::draw::{self, Interval};
use super::{slug, Chart, Ctx, Varying};
use crate::results::schema::Row;
use crate::vocabulary::Suite;
use std::collections::BTreeMap;

const SUITES: [Suite; 2] = [Suite::Locate, Suite::Probe];

use super::ci95;

pub(super) fn charts(rows: &[&Row], ctx: &Ctx) -> Result<Vec<Chart>, String> {
    let mut groups: BTreeMap<(&str, &str), Vec<&Row>> = BTreeMap::new();
    for r in rows.iter().filter(|r| SUITES.contains(&r.id.suite)) {
        groups
            .entry((r.id.suite.name(), r.id.op.name()))
            .or_default()
            .push(r);
    }
    let mut out = Vec::new();
    for ((suite, op), mut rs) in groups {
        rs.sort_by_key(|r| r.identity());
        let varying = Varying::of(&rs);
        let (mut with_ci, mut without_ci) = (0, 0);
        let items: Vec<Interval> = rs
            .iter()
            .map(|r| {
                let (lo, hi) = match ci95(r) {
                    Some(ci) => {
                        with_ci += 1;
                        ci
                    }
                    None => {
                        without_ci += 1;
                        let lo = if r.min.is_finite() { r.min } else { r.median };
                        let hi = if r.max.is_finite() { r.max } else { r.median };
                        (lo, hi)
                    }
                };
                Interval {
                    label: varying.label(r),
                    value: r.median,
                    lo,
                    hi,
                    noisy: r.noisy,
                }
            })
            .collect();
        let mut footnotes = vec![match (with_ci, without_ci) {
            (_, 0) => "point: median; bar: 95% confidence interval of the median".to_string(),
            (0, _) => "point: median; bar: min–max of the samples".to_string(),
            _ => "point: median; bar: 95% CI of the median where recorded, else min–max".into(),
        }];
        if rs.iter().any(|r| r.noisy) {
            footnotes
                .push("hollow markers: cell flagged noisy (other processes used the CPU)".into());
        }
        let suite_of = rs[0].id.suite;
        footnotes
            .extend(ctx.closing_notes(&rs, &|r| r.id.suite == suite_of && r.id.op.name() == op));
        let title = format!("{suite}: {op}");
        let x_desc = format!("{} ({})", rs[0].unit.as_str(), super::better(rs[0].unit));
        let svg = draw::intervals(&title, &x_desc, &items, &footnotes)?;
        out.push(Chart {
            file_name: format!("{}.svg", slug(&[suite, op])),
            title,
            svg,
            series_per_panel: vec![1],
        });
    }
    Ok(out)
}
