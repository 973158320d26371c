//! Merging runs: several results files from one machine become one.
//!
//! Suites run separately (criterion's `collect`, `contention`, `locate`, the Go anchor), yet
//! the baseline is one file. Rows are concatenated in input order; a later row with the same
//! identity replaces the earlier one (a re-run wins) and keeps its position. The merged run
//! info is the last input's, with every input's provenance listed in `config.merged_from`.

use super::error::ResultsError;
use super::io;
use super::runinfo;
use super::schema::{latest_rows, Results};
use std::path::{Path, PathBuf};

/// Merges `inputs` (pure). Fails with `(index, reason)` when input `index` comes from
/// another machine than input 0, or when there are no inputs.
pub fn merge(inputs: &[Results]) -> Result<Results, (usize, String)> {
    let first = inputs.first().ok_or((0, "nothing to merge".to_string()))?;
    let mut provenance = Vec::new();
    for (i, r) in inputs.iter().enumerate() {
        if let Some(diff) = runinfo::machine_difference(&first.run.machine, &r.run.machine) {
            return Err((i, format!("measured on a different machine ({diff})")));
        }
        provenance.push(serde_json::json!({
            "timestamp": r.run.timestamp,
            "git_revision": r.run.git_revision,
            "git_dirty": r.run.git_dirty,
            "config": r.run.config,
        }));
    }
    let rows = latest_rows(inputs);
    let mut run = inputs[inputs.len() - 1].run.clone();
    run.config = serde_json::json!({ "merged_from": provenance });
    Ok(Results::new(run, rows))
}

/// Reads `paths`, merges them and writes the result atomically to `out`.
pub fn merge_files(
    paths: &[PathBuf],
    out: &Path,
    policy: io::BaselinePolicy,
) -> Result<Results, ResultsError> {
    let inputs = paths
        .iter()
        .map(|p| io::read(p))
        .collect::<Result<Vec<_>, _>>()?;
    let merged = merge(&inputs).map_err(|(i, reason)| match paths.get(i) {
        Some(p) => ResultsError::at(p, reason),
        None => ResultsError::msg(reason),
    })?;
    io::write(out, &merged, policy)?;
    Ok(merged)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::results::schema::{Row, RunInfo, Unit};
    use crate::vocabulary::Identity;
    use crate::vocabulary::Op;
    use crate::vocabulary::Suite;

    fn row(map: &str, v: f64) -> Row {
        let id = Identity::new(Suite::Ops, map, Op::GetHit).size(8);
        Row::new(id, Unit::NsPerOp, vec![v])
    }

    #[test]
    fn later_rows_replace_earlier_ones_in_place() {
        let a = Results::new(RunInfo::default(), vec![row("a", 1.0), row("b", 2.0)]);
        let b = Results::new(RunInfo::default(), vec![row("a", 3.0), row("c", 4.0)]);
        let m = merge(&[a, b]).unwrap();
        let got: Vec<(String, f64)> = m
            .rows
            .iter()
            .map(|r| (r.id.map.clone(), r.median))
            .collect();
        assert_eq!(
            got,
            vec![("a".into(), 3.0), ("b".into(), 2.0), ("c".into(), 4.0)]
        );
    }

    #[test]
    fn refuses_other_machines() {
        let a = Results::new(RunInfo::default(), vec![]);
        let mut b = a.clone();
        b.run.machine.cores = 99;
        assert_eq!(merge(&[a, b]).unwrap_err().0, 1);
    }
}
