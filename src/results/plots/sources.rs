//! Where a chart's rows were measured: the run facts of the results file each row came
//! from, for the footnote every chart carries (date, machine and build), and the *bench*
//! of each file — the machine and the day it was measured on — which decides what may share
//! an axis.
//!
//! A chart may draw rows of several files (the committed plots put the Go anchor beside
//! the reference run). Rows of one bench share axes as usual, whichever file they came
//! from: measured the same day on the same machine, their heights compare. Rows of two
//! benches never do: a figure from another machine, or from the same cloud instance type on
//! another day (another host, perhaps), says nothing about a figure of this one, so each
//! bench gets its own panels with their own y axis, titled by its machine and day
//! ([`Sources::benches`], used by every chart through `super::by_bench`). Whether two
//! machines are one is `runinfo::same_machine`'s rule (CPU model, cores, memory, OS), with
//! the ISA the run detected added, since the maps' code paths depend on it.

use crate::results::runinfo;
use crate::results::schema::{Results, Row, RunInfo};

use crate::vocabulary::Identity;
use std::collections::HashMap;

/// One input file: a short name for it and its run facts.
#[derive(Clone, Debug)]
pub struct Source {
    /// How charts name it, e.g. `baseline.json`.
    pub label: String,
    pub run: RunInfo,
    /// Its bench: the index of the first file measured on its machine the same day.
    bench: usize,
}

/// The inputs of a rendering and which one each (latest) row came from.
#[derive(Clone, Debug, Default)]
pub struct Sources {
    list: Vec<Source>,
    of: HashMap<Identity, usize>,
}

/// Whether two runs were made on one bench: the same machine ([`runinfo::same_machine`]
/// and the same ISA) on the same UTC day.
fn same_bench(a: &RunInfo, b: &RunInfo) -> bool {
    runinfo::same_machine(&a.machine, &b.machine)
        && a.machine.isa == b.machine.isa
        && day(a) == day(b)
}

/// `2026-12-06`: the date of a run.
fn day(run: &RunInfo) -> &str {
    run.timestamp.get(..10).unwrap_or(&run.timestamp)
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
            let bench = docs[..i]
                .iter()
                .position(|e| same_bench(&e.run, &d.run))
                .unwrap_or(i);
            s.list.push(Source {
                label,
                run: d.run.clone(),
                bench,
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

    /// The bench `r` was measured on (the index of that bench's first file).
    pub fn bench(&self, r: &Row) -> usize {
        self.list.get(self.index(r)).map_or(0, |s| s.bench)
    }

    /// More than one file among `rows`.
    pub fn mixed(&self, rows: &[&Row]) -> bool {
        rows.iter().any(|r| self.index(r) != self.index(rows[0]))
    }

    pub fn label(&self, i: usize) -> &str {
        self.list.get(i).map_or("", |s| s.label.as_str())
    }

    /// The benches among `rows`, each with its rows: the one of the last file first, as
    /// `panels` puts the file whose rows win first.
    pub fn benches<'a>(&self, rows: &[&'a Row]) -> Vec<(usize, Vec<&'a Row>)> {
        let mut out: Vec<(usize, Vec<&Row>)> = Vec::new();
        for r in rows {
            let b = self.bench(r);
            match out.iter_mut().find(|(k, _)| *k == b) {
                Some((_, v)) => v.push(r),
                None => out.push((b, vec![r])),
            }
        }
        out.sort_by_key(|(b, _)| std::cmp::Reverse(*b));
        out
    }

    /// `AMD EPYC, 2026-12-06`: what the panels of `bench` are titled. Two benches that
    /// this would not tell apart (one CPU model, one day, other cores or ISA) also get
    /// their cores and ISA.
    pub fn bench_title(&self, bench: usize) -> String {
        let short = |s: &Source| format!("{}, {}", s.run.machine.cpu_model, day(&s.run));
        let Some(me) = self.list.get(bench) else {
            return String::new();
        };
        let ambiguous = self
            .list
            .iter()
            .any(|s| s.bench != me.bench && short(s) == short(me));
        if ambiguous {
            let m = &me.run.machine;
            format!(
                "{} ({} cores, {}), {}",
                m.cpu_model,
                m.cores,
                m.isa,
                day(&me.run)
            )
        } else {
            short(me)
        }
    }

    /// The files of each bench among `rows`, for a note: `go-anchor.json and baseline.json
    /// (AMD EPYC, 2026-12-06)`.
    pub fn bench_list(&self, rows: &[&Row]) -> Vec<String> {
        self.benches(rows)
            .iter()
            .map(|(b, rs)| {
                let mut files: Vec<usize> = rs.iter().map(|r| self.index(r)).collect();
                files.sort_unstable();
                files.dedup();
                let names: Vec<&str> = files.iter().map(|&i| self.label(i)).collect();
                format!("{} ({})", names.join(" and "), self.bench_title(*b))
            })
            .collect()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::results::schema::Unit;
    use crate::vocabulary::{Op, Suite};

    fn doc(cpu: &str, when: &str, map: &str) -> Results {
        let mut run = RunInfo {
            timestamp: when.into(),
            ..RunInfo::default()
        };
        run.machine.cpu_model = cpu.into();
        let row = Row::new(
            Identity::new(Suite::Ops, map, Op::GetHit).size(1024),
            Unit::NsPerOp,
            vec![1.0],
        );
        Results::new(run, vec![row])
    }

    #[test]
    fn one_machine_one_day_is_one_bench() {
        let docs = [
            doc("AMD EPYC", "2026-12-06T10:00:00Z", "go1.22 map"),
            doc("Intel Xeon", "2026-12-06T11:00:00Z", "hashbrown"),
            doc("AMD EPYC", "2026-12-06T12:00:00Z", "std"),
            doc("AMD EPYC", "2026-11-27T12:00:00Z", "papaya"),
        ];
        let s = Sources::new(&docs, &[]);
        let rows: Vec<&Row> = docs.iter().flat_map(|d| &d.rows).collect();
        let benches: Vec<usize> = rows.iter().map(|r| s.bench(r)).collect();
        assert_eq!(benches, vec![0, 1, 0, 3]);
        assert_eq!(s.bench_title(1), "Intel Xeon, 2026-12-06");
        assert_eq!(s.benches(&rows).len(), 3);
        assert_eq!(
            s.bench_list(&rows)[2],
            "input 1 and input 3 (AMD EPYC, 2026-12-06)"
        );
    }
}
