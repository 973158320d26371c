//! Where a chart's rows were measured: the run facts of the results file each row came
//! from, for the footnote every chart carries (machine and date).
//!
//! A chart may draw rows of several files (the committed plots put the Go anchor, measured
//! on another machine on another day, beside the reference run), so the footnote names each
//! file whose rows it shows, with that file's own machine and date, and panels never mix
//! rows of two files (see `panels`).

use crate::results::schema::{Results, Row, RunInfo};

use crate::vocabulary::Identity;
use std::collections::HashMap;

/// One input file: a short name for it and its run facts.
#[derive(Clone, Debug)]
pub struct Source {
    /// How charts name it, e.g. `baseline.json`.
    pub label: String,
    pub run: RunInfo,
}

/// The inputs of a rendering and which one each (latest) row came from.
#[derive(Clone, Debug, Default)]
pub struct Sources {
    list: Vec<Source>,
    of: HashMap<Identity, usize>,
}

impl Sources {
    /// `docs` with their labels; a later file's row replaces an earlier one's (as
    /// `latest_rows`), and so does its source.
    pub fn new(docs: &[Results], labels: &[String]) -> Sources {
        let mut s = Sources::default();
        for (i, d) in docs.iter().enumerate() {
            let label = labels
                .get(i)
                .cloned()
                .unwrap_or_else(|| format!("input {}", i + 1));
            s.list.push(Source {
                label,
                run: d.run.clone(),
            });
            for r in &d.rows {
                s.of.insert(r.id.clone(), i);
            }
        }
        s
    }

    /// The index of the file `r` came from (0 when unknown).
    pub fn index(&self, r: &Row) -> usize {
        self.of.get(&r.id).copied().unwrap_or(0)
    }

    /// More than one file among `rows`.
    pub fn mixed(&self, rows: &[&Row]) -> bool {
        rows.iter().any(|r| self.index(r) != self.index(rows[0]))
    }

    pub fn label(&self, i: usize) -> &str {
        self.list.get(i).map_or("", |s| s.label.as_str())
    }

    /// One footnote per file among `rows`: its machine and the date of its run.
    pub fn footnotes(&self, rows: &[&Row]) -> Vec<String> {
        let mut used: Vec<usize> = rows.iter().map(|r| self.index(r)).collect();
        used.sort_unstable();
        used.dedup();
        used.into_iter()
            .filter_map(|i| self.list.get(i))
            .map(|s| format!("{}: {}", s.label, run_line(&s.run)))
            .collect()
    }
}

/// `measured 2026-12-02 21:43 UTC on Intel(R) Xeon(R) Processor (2 cores, avx512, THP
/// madvise; Debian …), release build of 2dbd503 (modified)`: what a reader needs to place
/// a figure.
pub fn run_line(run: &RunInfo) -> String {
    let m = &run.machine;
    let when = run
        .timestamp
        .get(..16)
        .map_or(run.timestamp.clone(), |t| t.replace('T', " ") + " UTC");
    let rev: String = run.git_revision.chars().take(7).collect();
    format!(
        "measured {when} on {} ({} cores, {}, THP {}; {}), {} build of {rev}{}",
        m.cpu_model,
        m.cores,
        m.isa,
        m.thp,
        m.os,
        run.profile,
        if run.git_dirty { " (modified)" } else { "" }
    )
}
