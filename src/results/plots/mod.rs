//! Plots: SVG charts drawn from results documents, and nothing else.
//!
//! Four kinds, each in its own file, each chart named from its suite and op so the file
//! names are stable from run to run (`results/plots/<name>.svg`):
//!
//! * [`contention`]: Mops/s vs threads per workload, a line per map, min–max bars
//!   (`contention-<op>[-<dist>].svg`).
//! * [`sizes`]: ns/op vs map size (log2 axis) per operation, the `ops` suite together with
//!   the Go anchor (`ops-<op>.svg`).
//! * [`intervals`]: the `locate` and `probe` strategy comparisons, a point per variant with
//!   its 95% confidence interval when the row has one, else min–max (`<suite>-<op>.svg`).
//! * [`latency`]: p50/p99/p99.9/max per map for rows that carry `extra.latency`
//!   (`latency-<suite>-<op>-t<threads>.svg`).
//!
//! Invalid rows are never drawn: they are skipped, and the chart's footnote and the returned
//! notes say so. Text is emitted as SVG `<text>` with a generic font family and laid out
//! with plotters' built-in size estimate (the `ttf` feature is off), so rendering needs no
//! system font and works on a bare CI machine.

mod contention;
mod draw;
mod intervals;
mod latency;
mod sizes;

use super::error::ResultsError;
use super::io;
use super::schema::{latest_rows, Results, Row, Suite};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// One rendered chart: its stable file name and the SVG text.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub file_name: String,
    pub svg: String,
}

/// The files written and what the reader should know (skipped rows, unplotted suites).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlotReport {
    pub files: Vec<PathBuf>,
    pub notes: Vec<String>,
}

/// Renders every chart the rows of `results` support into `out_dir`; returns the files.
pub fn render_all(results: &[Results], out_dir: &Path) -> Result<Vec<PathBuf>, ResultsError> {
    render_all_with_notes(results, out_dir).map(|r| r.files)
}

/// [`render_all`], also returning the notes (skipped invalid rows, suites without a chart).
pub fn render_all_with_notes(
    results: &[Results],
    out_dir: &Path,
) -> Result<PlotReport, ResultsError> {
    let rows = latest_rows(results);
    let (charts, notes) = render(&rows).map_err(|e| ResultsError::at(out_dir, e))?;
    let mut files = Vec::with_capacity(charts.len());
    for c in charts {
        let path = out_dir.join(&c.file_name);
        io::write_atomic(&path, c.svg.as_bytes())?;
        files.push(path);
    }
    Ok(PlotReport { files, notes })
}

/// Reads `paths` and renders them into `out_dir`.
pub fn plot_files(paths: &[PathBuf], out_dir: &Path) -> Result<PlotReport, ResultsError> {
    let results = paths
        .iter()
        .map(|p| io::read(p))
        .collect::<Result<Vec<_>, _>>()?;
    render_all_with_notes(&results, out_dir)
}

/// The 95% interval a row records (of the median, or of a mean difference), when it has a
/// usable one.
fn ci95(r: &Row) -> Option<(f64, f64)> {
    let (lo, hi) = (r.extra.ci95_low?, r.extra.ci95_high?);
    (lo.is_finite() && hi.is_finite() && lo <= hi).then_some((lo, hi))
}

/// Renders the charts of `rows` (pure: no I/O). Errors are drawing failures, which only a
/// plotters bug could cause.
pub fn render(rows: &[Row]) -> Result<(Vec<Chart>, Vec<String>), String> {
    let mut notes = Vec::new();
    let mut plotted: Vec<&Row> = Vec::new();
    for r in rows {
        if !r.valid {
            notes.push(format!("skipped invalid row {}", r.identity()));
        } else if !r.median.is_finite() {
            notes.push(format!("skipped row without a median {}", r.identity()));
        } else {
            plotted.push(r);
        }
    }
    let skipped = skipped_by_group(rows);

    let mut charts = Vec::new();
    charts.extend(contention::charts(&plotted, &skipped)?);
    charts.extend(sizes::charts(&plotted, &skipped)?);
    charts.extend(intervals::charts(&plotted, &skipped)?);
    charts.extend(latency::charts(&plotted)?);

    // Two groups may slug to one name (`a/b` and `a-b`): keep both, numbered.
    let mut used: HashMap<String, usize> = HashMap::new();
    for c in &mut charts {
        let n = used.entry(c.file_name.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            let stem = c.file_name.trim_end_matches(".svg").to_string();
            c.file_name = format!("{stem}-{n}.svg");
        }
    }
    Ok((charts, notes))
}

/// Invalid maps per (suite, op), for the footnote of the chart they would have been on.
type Skipped = BTreeMap<(&'static str, &'static str), BTreeSet<String>>;

fn skipped_by_group(rows: &[Row]) -> Skipped {
    let mut s = Skipped::new();
    for r in rows.iter().filter(|r| !r.valid) {
        s.entry((r.id.suite.name(), r.id.op.name()))
            .or_default()
            .insert(r.id.map.clone());
    }
    s
}

fn skipped_note(skipped: &Skipped, suite: Suite, op: &str) -> Option<String> {
    let maps = skipped.get(&(suite.name(), op))?;
    let list: Vec<&str> = maps.iter().map(String::as_str).collect();
    Some(format!(
        "not shown (failed validation): {}",
        list.join(", ")
    ))
}

/// `contention`, `read-heavy` → `contention-read-heavy`: lowercase ASCII letters, digits
/// and single dashes, so a name is a safe, stable file name.
pub fn slug(parts: &[&str]) -> String {
    let mut s = String::new();
    for c in parts.join("-").chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_alphanumeric() || c == '_' || c == '.' {
            s.push(c);
        } else if !s.ends_with('-') {
            s.push('-');
        }
    }
    let s = s.trim_matches('-').to_string();
    if s.is_empty() {
        "chart".into()
    } else {
        s
    }
}

/// Which identity fields (besides the chart's own key and axis) vary among a chart's rows:
/// those go into the series labels, the rest would only repeat the title.
#[derive(Clone, Copy, Debug, Default)]
struct Varying {
    isa: bool,
    size: bool,
    threads: bool,
    dist: bool,
}

impl Varying {
    fn of(rows: &[&Row]) -> Varying {
        let distinct = |f: &dyn Fn(&Row) -> String| {
            rows.iter().map(|r| f(r)).collect::<BTreeSet<_>>().len() > 1
        };
        Varying {
            isa: distinct(&|r| r.id.isa_name().into()),
            size: distinct(&|r| r.id.size.to_string()),
            threads: distinct(&|r| r.id.threads.to_string()),
            dist: distinct(&|r| r.id.dist_name().into()),
        }
    }

    /// The series label of `r`: its map, plus the fields that vary and are not the axis.
    fn label(self, r: &Row) -> String {
        let id = &r.id;
        let mut l = id.map.clone();
        // An ISA already spelled in the map name (a probe strategy) is not repeated; our own
        // maps always show theirs, since their variants differ by it.
        let ours = crate::contenders::single::entries()
            .iter()
            .any(|e| e.map == id.map && e.role.is_ours());
        if let Some(isa) = id.isa.filter(|i| !id.map.ends_with(i.name())) {
            if self.isa || ours {
                l.push_str(&format!(" [{isa}]"));
            }
        }
        if self.dist {
            l.push_str(&format!(" {}", id.dist_name()));
        }
        if self.size {
            l.push_str(&format!(" n={}", draw::human_size(id.size)));
        }
        if self.threads {
            l.push_str(&format!(" x{}", id.threads));
        }
        l
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_file_safe() {
        assert_eq!(
            slug(&["contention", "Read Heavy/90%"]),
            "contention-read-heavy-90"
        );
        assert_eq!(slug(&["ops", "get_hit"]), "ops-get_hit");
        assert_eq!(slug(&["//"]), "chart");
    }
}
