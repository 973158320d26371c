//! Plots: SVG charts drawn from results documents, and nothing else.
//!
//! Six kinds, each in its own file, each chart named from its suite and op so the file
//! names are stable from run to run (`results/plots/<name>.svg`), each answering one
//! question:
//!
//! * [`ratios`]: what the findings are about, each map ÷ its group's reference (GoMap ÷
//!   hashbrown by op and size, concurrent maps ÷ dashmap by threads), with the 95% interval
//!   of the paired ratio and a line at 1 (`ratio-<suite>[-<op>].svg`).
//! * [`contention`]: Mops/s vs threads per workload, a line per map, min–max bars
//!   (`contention-<op>[-<dist>].svg`; a workload without a prefill, rapid-grow, has no key
//!   distribution, whatever a file calls it: one chart, `contention-rapid-grow.svg`).
//! * [`sizes`]: ns/op by map size per operation, the `ops` suite and the Go anchor
//!   (`ops-<op>.svg`).
//! * [`locate`]: precomputed vs from-B bucket index, per op: the paired difference with
//!   its 95% interval on an axis of its own with a line at 0, then the times it is the
//!   difference of (`locate-<op>.svg`).
//! * [`probe`]: every tophash probe strategy on every pattern, in one chart: the patterns
//!   along x, a marker per strategy (`probe.svg`).
//! * [`latency`]: percentiles on a "nines" axis, a panel per op kind, for rows that carry
//!   `extra.latency`, each percentile drawn only where enough ops were timed to place it
//!   (`latency-<suite>-<op>[-<dist>]-t<threads>.svg`).
//!
//! Every chart follows the same rules ([`draw`], [`panels`], [`style`]): at most eight
//! series a panel; a map has one look (colour and marker) in every chart, the reference
//! black; legends beside the panels, never over data; axis titles with units; rows of two
//! machines or days never on one axis, but in sections of their own, each titled by its
//! machine and day ([`sources`]); and a footnote with the date, machine and build of every
//! file whose rows it shows. Invalid rows are never drawn: they are skipped, and the
//! chart's footnote and the returned notes say so. Text is emitted as SVG `<text>` with a
//! generic font family and laid out with plotters' built-in size estimate (the `ttf`
//! feature is off), so rendering needs no system font and works on a bare CI machine.

mod axes;
mod contention;
mod draw;
mod latency;
mod locate;
mod panels;
pub use panels::role;
mod probe;
mod ratios;
mod sizes;
pub mod sources;
mod style;

use super::error::ResultsError;
use super::format::{size, SizeStyle};
use super::io;
use super::schema::{latest_rows, Results, Row, Unit};
use crate::vocabulary::{Dist, Role, Suite};
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

impl Chart {
    /// `fig` drawn as the chart `file_name`: the one way a figure becomes a chart.
    fn draw(file_name: String, fig: draw::Figure) -> Result<Chart, String> {
        Ok(Chart {
            file_name,
            svg: draw::figure(&fig)?,
            series_per_panel: fig.series_per_panel(),
            title: fig.title,
        })
    }
}

/// The footnote every chart with a noisy cell among `rows` carries (they are drawn hollow).
fn noisy_note(rows: &[&Row]) -> Option<String> {
    rows.iter()
        .any(|r| r.noisy)
        .then(|| "hollow markers: cell flagged noisy (other processes used the CPU)".into())
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
    let mut by: Vec<draw::Series> = Vec::new();
    for r in rows {
        let l = label(r);
        match by.iter_mut().find(|s| s.label == l) {
            Some(s) => s.points.push(point(r)),
            None => by.push(draw::Series {
                label: l,
                key: look_key(r),
                points: vec![point(r)],
            }),
        }
    }
    for s in &mut by {
        s.points.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    by
}

/// What the look of `r`'s series is a function of ([`style`]): its map and ISA, and
/// whether it is the reference of its comparison.
fn look_key(r: &Row) -> style::Key {
    style::Key {
        map: r.id.map.clone(),
        isa: r.id.isa,
        reference: role(r) == Role::Reference,
    }
}

/// The key distribution `r` is charted under: none for a contention workload without a
/// prefill (rapid-grow), whose reads target each thread's own inserts, so that no
/// distribution applies. The harness writes such rows without one, the Go anchor as
/// `uniform` (the label they had before zipf existed); charted as written, one workload
/// would be split over two charts with two scales.
fn dist_of(r: &Row) -> Option<Dist> {
    if r.id.suite == Suite::Contention && r.id.size == 0 {
        None
    } else {
        r.id.dist
    }
}

/// [`dist_of`]'s name: `uniform`, `zipf`, or `-`.
fn dist_name(r: &Row) -> &'static str {
    dist_of(r).map_or("-", Dist::name)
}

/// What one y axis of a chart shows: a title for it (when the chart shows several
/// quantities), its axes, its rows, and how they are laid out in rows of panels.
struct Quantity<'a, 'r> {
    heading: Option<&'a str>,
    axes: draw::Axes,
    rows: Vec<&'r Row>,
    layout: &'a dyn Fn(&[&Row]) -> Vec<draw::PanelRow>,
}

/// A section per bench among the quantities' rows (see [`sources`]) and per quantity, the
/// quantities of one bench together; each titled by its quantity and, when there are
/// several benches, by the bench's machine and day. Every chart goes through here, so that
/// no axis ever holds two machines.
fn sections_by_bench(quantities: &[Quantity], sources: &Sources) -> Vec<draw::Section> {
    let all: Vec<&Row> = quantities
        .iter()
        .flat_map(|q| q.rows.iter().copied())
        .collect();
    let benches = sources.benches(&all);
    let several = benches.len() > 1;
    let mut out = Vec::new();
    for (b, _) in benches {
        for q in quantities {
            let rs: Vec<&Row> = q
                .rows
                .iter()
                .copied()
                .filter(|r| sources.bench(r) == b)
                .collect();
            if rs.is_empty() {
                continue;
            }
            let machine = several.then(|| sources.bench_title(b));
            let heading = match (q.heading, machine) {
                (Some(h), Some(m)) => Some(format!("{m}: {h}")),
                (Some(h), None) => Some(h.to_string()),
                (None, m) => m,
            };
            out.push(draw::Section {
                heading,
                axes: q.axes.clone(),
                rows: (q.layout)(&rs),
            });
        }
    }
    out
}

/// [`sections_by_bench`] of a chart that shows one quantity.
fn by_bench(
    rows: &[&Row],
    sources: &Sources,
    axes: &draw::Axes,
    layout: &dyn Fn(&[&Row]) -> Vec<draw::PanelRow>,
) -> Vec<draw::Section> {
    let one = Quantity {
        heading: None,
        axes: axes.clone(),
        rows: rows.to_vec(),
        layout,
    };
    sections_by_bench(&[one], sources)
}

/// The panel rows of a chart that draws one panel per group of maps (sizes, contention,
/// locate, probe): a row per group of [`panels::split`], the reference in each.
fn panel_per_group(
    rows: &[&Row],
    label: &dyn Fn(&Row) -> String,
    point: &dyn Fn(&Row) -> draw::Point,
    sources: &Sources,
) -> Vec<draw::PanelRow> {
    panels::split(rows, label, sources, panels::Reference::InEveryGroup)
        .into_iter()
        .map(|g| draw::PanelRow {
            legend_title: g.title,
            panels: vec![draw::Panel {
                caption: String::new(),
                series: series_of(&g.rows, label, point),
            }],
        })
        .collect()
}

/// The footnote of a chart whose rows come from several benches.
fn benches_note(rows: &[&Row], sources: &Sources) -> Option<String> {
    (sources.benches(rows).len() > 1).then(|| {
        "rows of different machines or days are drawn in sections of their own, each on its own y axis: compare within a section, not across".to_string()
    })
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
    if sources.benches(&plotted).len() > 1 {
        notes.push(format!(
            "rows of different machines or days are drawn on separate axes (sections titled by machine and day), never on one: {}",
            sources.bench_list(&plotted).join("; ")
        ));
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
    charts.extend(locate::charts(&plotted, &ctx)?);
    charts.extend(probe::charts(&plotted, &ctx)?);
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
    if let Some(d) = dist_of(r) {
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
            dist: distinct(&|r| dist_name(r).into()),
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
            l.push_str(&format!(" {}", dist_name(r)));
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
    use crate::results::schema::RunInfo;
    use crate::vocabulary::{Identity, IndexKernel, Isa, Op, Pattern, Workload};

    #[test]
    fn slugs_are_file_safe() {
        assert_eq!(
            slug(&["contention", "Read Heavy/90%"]),
            "contention-read-heavy-90"
        );
        assert_eq!(slug(&["ops", "get_hit"]), "ops-get_hit");
        assert_eq!(slug(&["//"]), "chart");
    }

    fn run(cpu: &str, when: &str) -> RunInfo {
        let mut run = RunInfo {
            timestamp: when.into(),
            git_revision: "0123456789abcdef".into(),
            profile: "release".into(),
            ..RunInfo::default()
        };
        run.machine.cpu_model = cpu.into();
        run.machine.cores = 2;
        run
    }

    fn ns(suite: Suite, map: &str, op: impl Into<crate::vocabulary::OpId>, size: u64) -> Row {
        let m = 2.0 + map.len() as f64 + (size as f64).log2().max(0.0);
        let mut r = Row::new(
            Identity::new(suite, map, op).size(size),
            Unit::NsPerOp,
            vec![m * 0.99, m, m * 1.01],
        );
        r.extra.role = Some(match map {
            "hashbrown" | "scalar" | "from-b" => Role::Reference,
            m if m.starts_with("gomap") || m == "precomputed" => Role::Ours,
            _ => Role::Other,
        });
        r
    }

    /// A Rust run (ops with ISAs, locate with a difference, probe on two patterns,
    /// rapid-grow) and a Go anchor (ops, rapid-grow labelled uniform).
    fn docs(go_cpu: &str, go_day: &str) -> Vec<Results> {
        let mut rust = Vec::new();
        for size in [1u64 << 10, 1 << 20] {
            for (map, isa) in [
                ("hashbrown", Isa::Sse2),
                ("gomap/generic", Isa::Sse2),
                ("gomap/fast64", Isa::Scalar),
                ("std", Isa::Sse2),
            ] {
                let mut r = ns(Suite::Ops, map, Op::GetHit, size);
                r.id.isa = Some(isa);
                rust.push(r);
                if map.starts_with("gomap") {
                    let mut l = ns(Suite::Locate, map, Op::GetHit, size);
                    l.id.isa = Some(isa);
                    rust.push(l);
                }
            }
            let mut d = Row::difference(
                Identity::new(
                    Suite::Locate,
                    "fast64: precomputed-minus-from-b",
                    Op::GetHit,
                )
                .size(size)
                .isa(Some(Isa::Scalar)),
                vec![-0.2, -0.1, 0.05, -0.15],
            );
            d.extra.role = None;
            rust.push(d);
        }
        for map in ["precomputed", "from-b"] {
            rust.push(ns(Suite::Locate, map, IndexKernel::Throughput, 1024));
        }
        for pattern in [Pattern::Miss, Pattern::Slot(0)] {
            for isa in [Isa::Scalar, Isa::Sse2] {
                let mut r = ns(Suite::Probe, isa.name(), pattern, 0);
                r.id.isa = Some(isa);
                rust.push(r);
            }
        }
        let grow = |map: &str, dist: Option<Dist>, role: Option<Role>| {
            (1..=2)
                .map(|t| {
                    let mut r = Row::new(
                        Identity::new(Suite::Contention, map, Workload::RapidGrow)
                            .threads(t)
                            .dist(dist),
                        Unit::MopsPerSec,
                        vec![5.0, 6.0 * f64::from(t), 7.0],
                    );
                    r.extra.role = role;
                    r
                })
                .collect::<Vec<Row>>()
        };
        rust.extend(grow("dashmap", None, Some(Role::Reference)));
        rust.extend(grow("gomap-sharded", None, Some(Role::Ours)));
        let mut go = Vec::new();
        for size in [1u64 << 10, 1 << 20] {
            let mut r = ns(Suite::Ops, "go1.22 map", Op::GetHit, size);
            r.id.isa = Some(Isa::Go);
            go.push(r);
        }
        let mut g = grow("go1.22 map+RWMutex", Some(Dist::Uniform), None);
        for r in &mut g {
            r.id.isa = Some(Isa::Go);
        }
        go.extend(g);
        vec![
            Results::new(run(go_cpu, go_day), go),
            Results::new(run("AMD EPYC", "2026-12-06T09:00:00Z"), rust),
        ]
    }

    fn render_pair(go_cpu: &str, go_day: &str) -> (Vec<Chart>, Vec<String>) {
        let labels = vec!["go-anchor.json".to_string(), "baseline.json".to_string()];
        render_docs(&docs(go_cpu, go_day), &labels).unwrap()
    }

    fn chart<'a>(charts: &'a [Chart], name: &str) -> &'a Chart {
        let names: Vec<&str> = charts.iter().map(|c| c.file_name.as_str()).collect();
        charts
            .iter()
            .find(|c| c.file_name == name)
            .unwrap_or_else(|| panic!("{name} not among {names:?}"))
    }

    /// How `t` is written as a text element of its own (plotters puts it on a line).
    fn text(t: &str) -> String {
        format!(">\n{}\n</text>", xml_escape(t))
    }

    /// The legend marker of `label` in `svg`: the fill and the corner count of the last
    /// polygon drawn before the label's text (legends draw marker, then label).
    fn legend_look(svg: &str, label: &str) -> (String, usize) {
        let at = svg
            .find(&text(label))
            .unwrap_or_else(|| panic!("no legend entry {label}"));
        let poly = svg[..at]
            .rfind("<polygon")
            .expect("a marker before the label");
        let tag = &svg[poly..poly + svg[poly..].find('>').unwrap()];
        let attr = |name: &str| {
            let from = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
            tag[from..from + tag[from..].find('"').unwrap()].to_string()
        };
        (attr("fill"), attr("points").split(' ').count())
    }

    #[test]
    fn a_map_has_one_look_in_every_chart() {
        let (charts, _) = render_pair("AMD EPYC", "2026-12-06T08:00:00Z");
        for label in ["gomap/generic [sse2]", "gomap/fast64 [scalar]"] {
            let ops = legend_look(&chart(&charts, "ops-get_hit.svg").svg, label);
            let locate = legend_look(&chart(&charts, "locate-get_hit.svg").svg, label);
            assert_eq!(ops, locate, "{label}");
        }
        // The reference is black, in every chart.
        let black = "#000000".to_string();
        assert_eq!(
            legend_look(&chart(&charts, "ops-get_hit.svg").svg, "hashbrown [sse2]").0,
            black
        );
        assert_eq!(
            legend_look(&chart(&charts, "probe.svg").svg, "scalar").0,
            black
        );
        // And no two maps of one legend look alike.
        let ops = &chart(&charts, "ops-get_hit.svg").svg;
        let looks: Vec<(String, usize)> = [
            "hashbrown [sse2]",
            "gomap/generic [sse2]",
            "gomap/fast64 [scalar]",
            "std [sse2]",
        ]
        .iter()
        .map(|l| legend_look(ops, l))
        .collect();
        for i in 0..looks.len() {
            for j in 0..i {
                assert_ne!(looks[i].0, looks[j].0, "colours {i} and {j}");
            }
        }
    }

    #[test]
    fn two_machines_never_share_an_axis() {
        // Same machine, same day: one section, no machine headings.
        let (same, notes) = render_pair("AMD EPYC", "2026-12-06T08:00:00Z");
        let ops = chart(&same, "ops-get_hit.svg");
        assert!(!ops.svg.contains(&text("AMD EPYC, 2026-12-06")));
        assert!(
            notes.iter().all(|n| !n.contains("separate axes")),
            "{notes:?}"
        );
        // Another machine: a section each, titled by machine and day, and a note.
        let (apart, notes) = render_pair("Intel Xeon", "2026-12-02T08:00:00Z");
        for c in &apart {
            assert!(
                c.svg.contains("build of 0123456"),
                "{}: no build",
                c.file_name
            );
        }
        let ops = chart(&apart, "ops-get_hit.svg");
        assert!(ops.svg.contains(&text("Intel Xeon, 2026-12-02")));
        assert!(ops.svg.contains(&text("AMD EPYC, 2026-12-06")));
        assert!(ops.svg.contains("each on its own y axis"));
        let note = notes.iter().find(|n| n.contains("separate axes")).unwrap();
        assert!(
            note.contains("go-anchor.json (Intel Xeon, 2026-12-02)"),
            "{note}"
        );
        // The same CPU on another day is another bench too.
        let (days, _) = render_pair("AMD EPYC", "2026-11-27T08:00:00Z");
        let grow = chart(&days, "contention-rapid-grow.svg");
        assert!(grow.svg.contains(&text("AMD EPYC, 2026-11-27")));
    }

    #[test]
    fn one_chart_per_question() {
        let (charts, _) = render_pair("AMD EPYC", "2026-12-06T08:00:00Z");
        let mut names: Vec<&str> = charts.iter().map(|c| c.file_name.as_str()).collect();
        names.sort_unstable();
        assert_eq!(
            names,
            [
                "contention-rapid-grow.svg",
                "locate-get_hit.svg",
                "locate-index_throughput.svg",
                "ops-get_hit.svg",
                "probe.svg",
            ]
        );
        // Rapid-grow's Go rows (labelled uniform) join the Rust rows (no distribution).
        let grow = chart(&charts, "contention-rapid-grow.svg");
        assert!(grow.svg.contains("go1.22 map+RWMutex") && grow.svg.contains("dashmap"));
        assert!(grow
            .svg
            .contains("rows a file labels uniform are drawn here"));
        // Locate: the difference on an axis of its own, with its zero line, then the times.
        let locate = chart(&charts, "locate-get_hit.svg");
        let answer = locate.svg.find("the answer: paired difference").unwrap();
        let times = locate
            .svg
            .find("the times it is the difference of")
            .unwrap();
        assert!(answer < times);
        assert!(locate.svg.contains("0 = no difference"));
        // Probe: both patterns on one axis, a series per strategy.
        let probe = chart(&charts, "probe.svg");
        assert!(probe.svg.contains(&text("miss")) && probe.svg.contains(&text("match_slot0")));
        assert_eq!(probe.series_per_panel, vec![2]);
    }
}
