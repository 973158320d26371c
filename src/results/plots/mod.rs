//! Plots: SVG charts drawn from results documents, and nothing else.
//!
//! Five kinds, each in its own file, each chart named from its suite and op so the file
//! names are stable from run to run (`results/plots/<name>.svg`):
//!
//! * [`ratios`]: what the findings are about, each map ÷ its group's reference (GoMap ÷
//!   hashbrown by op and size, concurrent maps ÷ dashmap by threads), with the 95% interval
//!   of the paired ratio and a line at 1 (`ratio-<suite>[-<op>].svg`).
//! * [`contention`]: Mops/s vs threads per workload, a line per map, min–max bars
//!   (`contention-<op>[-<dist>].svg`).
//! * [`sizes`]: ns/op by map size per operation, the `ops` suite and the Go anchor
//!   (`ops-<op>.svg`).
//! * [`intervals`]: the `locate` and `probe` strategy comparisons, a point per variant with
//!   its 95% confidence interval when the row has one, else min–max (`<suite>-<op>.svg`).
//! * [`latency`]: percentiles on a "nines" axis, a panel per op kind, for rows that carry
//!   `extra.latency` (`latency-<suite>-<op>[-<dist>]-t<threads>.svg`).
//!
//! Every chart follows the same rules ([`draw`], [`panels`], [`style`]): at most eight
//! series a panel, each with a colour-blind-safe colour and a marker of its own; legends
//! beside the panels, never over data; axis titles with units; and a footnote with the
//! machine and date of every file whose rows it shows ([`sources`]). Invalid rows are never
//! drawn: they are skipped, and the chart's footnote and the returned notes say so. Text is
//! emitted as SVG `<text>` with a generic font family and laid out with plotters' built-in
//! size estimate (the `ttf` feature is off), so rendering needs no system font and works on
//! a bare CI machine.

mod axes;
mod contention;
mod draw;
mod intervals;
mod latency;
mod panels;
pub use panels::role;
mod ratios;
mod sizes;
pub mod sources;
mod style;

use super::error::ResultsError;
use super::format::{size, SizeStyle};
use super::io;
use super::schema::{latest_rows, Results, Row, Unit};
use crate::vocabulary::Suite;
pub use sources::Sources;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

pub use style::MAX_SERIES;

/// One rendered chart: its stable file name, its title and the SVG text.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub file_name: String,
    pub title: String,
    pub svg: String,
    /// How many series each panel holds (a forest chart is one panel, one series).
    pub series_per_panel: Vec<usize>,
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
    write_charts(
        &render_docs(results, &[]).map_err(|e| ResultsError::at(out_dir, e))?,
        out_dir,
    )
}

/// Writes `charts` (and their notes) into `out_dir`, each file atomically.
fn write_charts(
    (charts, notes): &(Vec<Chart>, Vec<String>),
    out_dir: &Path,
) -> Result<PlotReport, ResultsError> {
    let mut files = Vec::with_capacity(charts.len());
    for c in charts {
        let path = out_dir.join(&c.file_name);
        io::write_atomic(&path, c.svg.as_bytes())?;
        files.push(path);
    }
    Ok(PlotReport {
        files,
        notes: notes.clone(),
    })
}

/// Reads `paths` and renders them into `out_dir`.
pub fn plot_files(paths: &[PathBuf], out_dir: &Path) -> Result<PlotReport, ResultsError> {
    let (docs, labels) = read_all(paths)?;
    let charts = render_docs(&docs, &labels).map_err(|e| ResultsError::at(out_dir, e))?;
    write_charts(&charts, out_dir)
}

/// Reads `paths`, with the short names charts give them (their file names).
pub fn read_all(paths: &[PathBuf]) -> Result<(Vec<Results>, Vec<String>), ResultsError> {
    let docs = paths
        .iter()
        .map(|p| io::read(p))
        .collect::<Result<Vec<_>, _>>()?;
    let labels = paths
        .iter()
        .map(|p| {
            p.file_name()
                .map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into())
        })
        .collect();
    Ok((docs, labels))
}

/// The charts of `docs` (later rows replace earlier ones with the same identity), named
/// by `labels` in footnotes; pure: no I/O.
pub fn render_docs(
    docs: &[Results],
    labels: &[String],
) -> Result<(Vec<Chart>, Vec<String>), String> {
    let (charts, mut notes) = render(&latest_rows(docs), &Sources::new(docs, labels))?;
    for (i, _) in docs.iter().enumerate().filter(|(_, d)| d.run.partial) {
        let name = labels.get(i).map_or("a results file", String::as_str);
        notes.insert(
            0,
            format!(
                "{name} is partial (a stopped run): the charts show only the groups it finished"
            ),
        );
    }
    Ok((charts, notes))
}

/// A series per label, its points in x order.
fn series_of(
    rows: &[&Row],
    label: &dyn Fn(&Row) -> String,
    point: &dyn Fn(&Row) -> draw::Point,
) -> Vec<draw::Series> {
    let mut by: Vec<(String, Vec<draw::Point>)> = Vec::new();
    for r in rows {
        let l = label(r);
        match by.iter_mut().find(|(k, _)| *k == l) {
            Some((_, v)) => v.push(point(r)),
            None => by.push((l, vec![point(r)])),
        }
    }
    by.into_iter()
        .map(|(label, mut points)| {
            points.sort_by(|a, b| a.x.total_cmp(&b.x));
            draw::Series { label, points }
        })
        .collect()
}

/// The 95% interval a row records (of the median, or of a mean difference), when it has a
/// usable one.
fn ci95(r: &Row) -> Option<(f64, f64)> {
    let (lo, hi) = (r.extra.ci95_low?, r.extra.ci95_high?);
    (lo.is_finite() && hi.is_finite() && lo <= hi).then_some((lo, hi))
}

/// Which way is better, for an axis title.
fn better(unit: Unit) -> &'static str {
    if unit.lower_is_better() {
        "lower is better"
    } else {
        "higher is better"
    }
}

/// What every chart module needs besides its rows.
struct Ctx<'a> {
    /// The rows not drawn because they failed validation.
    invalid: Vec<&'a Row>,
    sources: &'a Sources,
}

impl Ctx<'_> {
    /// The footnotes every chart ends with: the invalid cells that would have been on it
    /// (`belongs`), and where the rows it shows were measured.
    fn closing_notes(&self, shown: &[&Row], belongs: &dyn Fn(&Row) -> bool) -> Vec<String> {
        let missing: Vec<String> = self
            .invalid
            .iter()
            .filter(|r| belongs(r))
            .map(|r| invalid_cell(r))
            .collect();
        let mut v = Vec::new();
        if !missing.is_empty() {
            v.push(format!(
                "not shown (failed validation): {}",
                missing.join("; ")
            ));
        }
        v.extend(self.sources.footnotes(shown));
        v
    }
}

/// Renders the charts of `rows` (pure: no I/O). Errors are drawing failures, which only a
/// plotters bug could cause.
pub fn render(rows: &[Row], sources: &Sources) -> Result<(Vec<Chart>, Vec<String>), String> {
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
    let counted = rows.iter().filter(|r| r.id.suite == Suite::Counts).count();
    if counted > 0 {
        notes.push(format!(
            "{counted} rows of the counts suite not drawn: no chart shows simulated counts (`gomap-bench counts` prints them as tables, `compare` judges them)"
        ));
    }
    let ctx = Ctx {
        invalid: rows.iter().filter(|r| !r.valid).collect(),
        sources,
    };

    let mut charts = Vec::new();
    charts.extend(ratios::charts(&plotted, &ctx)?);
    charts.extend(contention::charts(&plotted, &ctx)?);
    charts.extend(sizes::charts(&plotted, &ctx)?);
    charts.extend(intervals::charts(&plotted, &ctx)?);
    charts.extend(latency::charts(&plotted, &ctx)?);

    // Two groups may slug to one name (`a/b` and `a-b`): keep both, numbered.
    let mut used: HashMap<String, usize> = HashMap::new();
    for c in &mut charts {
        let n = used.entry(c.file_name.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            let stem = c.file_name.trim_end_matches(".svg").to_string();
            c.file_name = format!("{stem}-{n}.svg");
        }
        c.svg = describe_svg(&c.svg, &c.title, &c.series_per_panel);
    }
    Ok((charts, notes))
}

/// Puts a `<title>` and a `<desc>` into `svg` (right after its root tag): what screen
/// readers announce, and the panel layout a test can read back.
fn describe_svg(svg: &str, title: &str, series: &[usize]) -> String {
    let Some(start) = svg.find("<svg") else {
        return svg.to_string();
    };
    let Some(end) = svg[start..].find('>').map(|e| start + e + 1) else {
        return svg.to_string();
    };
    let counts: Vec<String> = series.iter().map(usize::to_string).collect();
    format!(
        "{}\n<title>{}</title>\n<desc>panels: {}; series per panel: {}</desc>{}",
        &svg[..end],
        xml_escape(title),
        series.len(),
        counts.join(", "),
        &svg[end..]
    )
}

/// `&`, `<`, `>` and quotes as XML entities.
pub(crate) fn xml_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

/// `skipmap (zipf, 2 threads)`: an invalid row's map and where it sits on its chart.
fn invalid_cell(r: &Row) -> String {
    let mut at = Vec::new();
    if let Some(isa) = r.id.isa {
        at.push(isa.name().to_string());
    }
    if r.id.size > 0 && r.id.suite != Suite::Contention {
        at.push(format!("n={}", size(r.id.size, SizeStyle::Suffix)));
    }
    if let Some(d) = r.id.dist {
        at.push(d.name().to_string());
    }
    at.push(format!("{} thread(s)", r.id.threads));
    format!("{} ({})", r.id.map, at.join(", "))
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
            l.push_str(&format!(" n={}", size(id.size, SizeStyle::Suffix)));
        }
        if self.threads {
            l.push_str(&format!(" x{}", id.threads));
        }
        if panels::role(r) == crate::vocabulary::Role::HarnessOnly {
            l.push_str(" (harness alone)");
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
