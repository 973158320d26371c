//! Pooling: one results document from several processes that each measured a share of the
//! same configuration's blocks of rounds (`gomap-bench run` measures in two by default).
//!
//! Why processes, not just blocks: on the project's 2-core VM a process draws something that
//! stays fixed for its whole life and moves some ratios by more than any within-process
//! spread shows. Two runs of the main job, one build: GoMap fast64 (scalar) ÷ hashbrown,
//! get_miss 2^20, had its four blocks at 3.25–3.30 in one process and 3.77–3.91 in the next
//! (`setarch -R`, ASLR off, did not remove it). An interval from one process cannot contain
//! that; blocks from two processes can, and then `compare` sees the next run's process as
//! one more draw rather than as a change.
//!
//! How a ratio is pooled: the parts' per-block ratios are the blocks of the whole (each part
//! lists its own); the pooled ratio is their geometric mean (the mean in ln space: the
//! centre of Student's t, see `stats::blocked_ratio_at`); its interval is the wider
//! of Student's t over all blocks (`stats::block_half_width`, which now spans processes) and
//! the parts' own intervals shrunk by √parts (their rounds, pooled). `halves` become the
//! first and second half of the blocks: for two parts, process one against process two.
//! Samples are concatenated (a row's samples are still its rounds), a row is valid only if
//! it is valid in every part, noisy if noisy in any. Contention's latency percentiles and
//! op counts are the first part's (percentiles do not pool from summaries).

use super::schema::{Ratio, Results, Rounds, Row};
use super::stats;
use crate::vocabulary::Identity;
use std::collections::HashMap;

/// One document from `parts` (processes of one configuration, in the order they ran).
/// Rows come in the first part's order; a row missing from some part is pooled from the
/// parts that have it. `None` for no parts.
pub fn pool(parts: &[Results]) -> Option<Results> {
    let first = parts.first()?;
    if parts.len() == 1 {
        return Some(first.clone());
    }
    let mut order: Vec<Identity> = Vec::new();
    let mut by_id: HashMap<Identity, Vec<&Row>> = HashMap::new();
    for part in parts {
        for row in &part.rows {
            let id = row.identity();
            by_id
                .entry(id.clone())
                .or_insert_with(|| {
                    order.push(id);
                    Vec::new()
                })
                .push(row);
        }
    }
    let rows = order.iter().map(|id| pool_row(&by_id[id])).collect();
    let mut run = first.run.clone();
    run.partial = parts.iter().any(|p| p.run.partial);
    let secs: f64 = parts
        .iter()
        .filter_map(|p| p.run.config["measuring_secs"].as_f64())
        .sum();
    if run.config.is_object() {
        run.config["measuring_secs"] = serde_json::json!(secs);
        run.config["processes"] = serde_json::json!(parts.len());
    }
    Some(Results::new(run, rows))
}

/// One row from its measurements in several processes.
fn pool_row(parts: &[&Row]) -> Row {
    let first = parts[0];
    if parts.len() == 1 {
        return first.clone();
    }
    let samples: Vec<f64> = parts
        .iter()
        .flat_map(|r| r.samples.iter().copied())
        .collect();
    let mut row = Row::new(first.id.clone(), first.unit, samples);
    row.extra = first.extra.clone();
    // A row of which any share came from a journal is stitched from two sittings.
    row.extra.from_journal = parts
        .iter()
        .any(|r| r.extra.from_journal.is_some())
        .then_some(true);
    row.noisy = parts.iter().any(|r| r.noisy);
    if let Some((k, bad)) = parts.iter().enumerate().find(|(_, r)| !r.valid) {
        let why = bad.extra.validation_error.as_deref().unwrap_or("invalid");
        row.extra.validation_error = None;
        row.invalidate(format!("process {} of {}: {why}", k + 1, parts.len()));
        row.extra.ratio = None;
        return row;
    }
    row.extra.rounds = first.extra.rounds.map(|r| Rounds {
        rounds: parts
            .iter()
            .filter_map(|p| p.extra.rounds)
            .map(|r| r.rounds)
            .sum(),
        group_secs: parts
            .iter()
            .filter_map(|p| p.extra.rounds)
            .map(|r| r.group_secs)
            .sum(),
        ..r
    });
    row.extra.other_cpu_pct = parts
        .iter()
        .filter_map(|p| p.extra.other_cpu_pct)
        .reduce(f64::max);
    if first.extra.other_cpu_pct_reps.is_some() {
        row.extra.other_cpu_pct_reps = Some(
            parts
                .iter()
                .flat_map(|p| p.extra.other_cpu_pct_reps.iter().flatten().copied())
                .collect(),
        );
    }
    if row.is_difference() {
        // A difference row's samples are the per-round differences: the t interval of
        // their mean, over every process's rounds.
        if let Some(d) = stats::mean_interval(&row.samples) {
            row.extra.mean_diff = Some(d.median);
            row.extra.ci95_low = Some(d.ci95_low);
            row.extra.ci95_high = Some(d.ci95_high);
        }
    }
    let ratios: Option<Vec<&Ratio>> = parts.iter().map(|p| p.extra.ratio.as_ref()).collect();
    row.extra.ratio = ratios.and_then(|r| pool_ratio(&r));
    row
}

/// The pooled ratio (see the module docs); `None` when the parts divide by different
/// references.
pub fn pool_ratio(parts: &[&Ratio]) -> Option<Ratio> {
    let first = *parts.first()?;
    if parts.iter().any(|r| r.to != first.to) {
        return None;
    }
    // Every part's blocks, in ln space; a part without blocks is one block.
    let logs: Vec<f64> = parts
        .iter()
        .flat_map(|r| match &r.blocks {
            Some(b) => b.iter().map(|x| x.ln()).collect(),
            None => vec![r.median.ln()],
        })
        .collect();
    let m = stats::mean(&logs)?;
    let own = parts
        .iter()
        .map(|r| {
            let (lo, hi) = (r.ci95_low.ln(), r.ci95_high.ln());
            let c = r.median.ln();
            (c - lo).max(hi - c)
        })
        .sum::<f64>()
        / parts.len() as f64
        / (parts.len() as f64).sqrt();
    let w = stats::block_half_width(&logs).map_or(own, |b| b.max(own));
    let half = logs.len() / 2;
    let halves = match (stats::mean(&logs[..half]), stats::mean(&logs[half..])) {
        (Some(a), Some(b)) if half >= 1 => Some([a.exp(), b.exp()]),
        _ => None,
    };
    Some(Ratio {
        to: first.to.clone(),
        median: m.exp(),
        ci95_low: (m - w).exp(),
        ci95_high: (m + w).exp(),
        n: parts.iter().map(|r| r.n).sum(),
        halves,
        blocks: Some(logs.iter().map(|x| x.exp()).collect()),
        run_to_run: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::results::schema::Unit;
    use crate::vocabulary::Suite;

    fn ratio(blocks: &[f64]) -> Ratio {
        let logs: Vec<f64> = blocks.iter().map(|x| x.ln()).collect();
        let m = stats::median(&logs).unwrap().exp();
        Ratio {
            to: "hashbrown [sse2]".into(),
            median: m,
            ci95_low: m * 0.99,
            ci95_high: m * 1.01,
            n: 20,
            halves: None,
            blocks: Some(blocks.to_vec()),
            run_to_run: None,
        }
    }

    #[test]
    fn processes_that_disagree_widen_the_interval() {
        // Each process's blocks agree (within ±1%), the processes do not (3.27 vs 3.84):
        // one process's interval excludes the other's ratio; the pooled one holds both.
        let (a, b) = (ratio(&[3.25, 3.30]), ratio(&[3.77, 3.91]));
        assert!(a.ci95_high < b.median);
        let p = pool_ratio(&[&a, &b]).unwrap();
        assert!(p.ci95_low < a.median && b.median < p.ci95_high, "{p:?}");
        assert_eq!(p.blocks.as_ref().unwrap().len(), 4);
        let [h1, h2] = p.halves.unwrap();
        assert!((h1 - a.median).abs() < 1e-9 && (h2 - b.median).abs() < 1e-9);
        assert_eq!(p.n, 40);
    }

    #[test]
    fn processes_that_agree_keep_a_tight_interval() {
        let (a, b) = (ratio(&[1.30, 1.31]), ratio(&[1.31, 1.30]));
        let p = pool_ratio(&[&a, &b]).unwrap();
        assert!(p.ci95_high / p.ci95_low < 1.03, "{p:?}");
    }

    #[test]
    fn rows_concatenate_samples_and_any_invalid_part_invalidates() {
        let id = Identity::new(Suite::Ops, "gomap/generic", crate::vocabulary::Op::GetHit);
        let mut a = Row::new(id.clone(), Unit::NsPerOp, vec![1.0, 2.0]);
        a.extra.ratio = Some(ratio(&[1.1, 1.2]));
        let mut b = Row::new(id.clone(), Unit::NsPerOp, vec![3.0]);
        b.extra.ratio = Some(ratio(&[1.3, 1.2]));
        let p = pool_row(&[&a, &b]);
        assert_eq!(p.samples, vec![1.0, 2.0, 3.0]);
        assert_eq!(p.median, 2.0);
        assert!(p.valid && p.extra.ratio.is_some());
        b.invalidate("lost a key");
        let p = pool_row(&[&a, &b]);
        assert!(!p.valid && p.extra.ratio.is_none());
        let why = p.extra.validation_error.unwrap();
        assert!(
            why.contains("process 2 of 2") && why.contains("lost a key"),
            "{why}"
        );
    }
}
