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
//! A ratio is pooled by [`Ratio::pool`] (the parts' blocks become the blocks of the whole;
//! its doc says how its interval spans processes); a difference row's mean and interval are
//! recomputed over every process's rounds ([`Row::set_difference_interval`]).
//! Samples are concatenated (a row's samples are still its rounds), a row is valid only if
//! it is valid in every part, noisy if noisy in any. Contention's latency percentiles and
//! op counts are the first part's (percentiles do not pool from summaries).

use super::schema::{Ratio, Results, Rounds, Row};
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
        row.set_difference_interval();
    }
    let ratios: Option<Vec<&Ratio>> = parts.iter().map(|p| p.extra.ratio.as_ref()).collect();
    row.extra.ratio = ratios.and_then(|r| Ratio::pool(&r));
    row
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::results::schema::Unit;
    use crate::vocabulary::Suite;

    fn ratio(blocks: &[f64]) -> Ratio {
        Ratio {
            to: "hashbrown [sse2]".into(),
            median: blocks[0],
            ci95_low: blocks[0] * 0.99,
            ci95_high: blocks[0] * 1.01,
            n: 20,
            halves: None,
            blocks: Some(blocks.to_vec()),
            run_to_run: None,
        }
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
