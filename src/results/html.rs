//! The HTML report: one self-contained page per set of results files (`gomap-bench report`,
//! and the main job's `report.html`), so that a run can be read in one place.
//!
//! In order: the run facts of every input file; the findings as `run` prints them; the
//! ratio tables (every row's paired ratio to its group's reference, with its 95% interval);
//! every invalid or noisy cell with its reason, and the cells the harness skipped by
//! design; then every chart, its SVG inline. Nothing is fetched: no script, no stylesheet
//! or font link, no image URL, and the SVGs lose their (never fetched, but URL-looking)
//! namespace attribute, which HTML does not need. The page is a pure function of the files,
//! without a date of its own, so that regenerating it from unchanged files changes nothing.

use super::error::ResultsError;
use super::findings;
use super::format::{map_label, size, Estimate, SizeStyle};
use super::io;
use super::plots::{self, sources::run_line, Chart};
use super::schema::{latest_rows, Results, Row, Unit};
use crate::vocabulary::{Role, Suite};
use std::fmt::Write as _;

/// Reads `inputs` and writes their report to `out`, atomically.
pub fn write_report(
    inputs: &[std::path::PathBuf],
    out: &std::path::Path,
) -> Result<(), ResultsError> {
    let (docs, labels) = plots::read_all(inputs)?;
    let page = render(&docs, &labels).map_err(|e| ResultsError::at(out, e))?;
    io::write_atomic(out, page.as_bytes())
}

/// `&`, `<`, `>` and quotes as HTML entities (the same as XML's).
fn esc(s: &str) -> String {
    super::plots::xml_escape(s)
}

const STYLE: &str = "body{font-family:sans-serif;margin:24px;max-width:1420px;color:#111}\
svg{max-width:100%;height:auto}\
h1{font-size:26px}h2{font-size:21px;margin-top:36px;border-bottom:1px solid #bbb}\
h3{font-size:16px}table{border-collapse:collapse;margin:8px 0 16px;font-size:13px}\
th,td{border:1px solid #ccc;padding:3px 7px;text-align:left;vertical-align:top}\
td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}\
th{background:#f2f2f2}pre{font-size:12px;background:#f7f7f7;padding:8px;overflow-x:auto}\
.bad{color:#a00;font-weight:bold}.noisy{color:#8a5a00}figure{margin:18px 0}\
figcaption{font-size:13px;color:#444}nav li{font-size:13px}nav ul ul{columns:3}\
.wide{overflow-x:auto}th.line{white-space:nowrap}";

/// What is wrong with a cell, in the order the report lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Flag {
    /// Failed validation: not drawn, never a win.
    Invalid,
    /// Other processes disturbed it: drawn hollow.
    Noisy,
}

impl Flag {
    fn name(self) -> &'static str {
        match self {
            Flag::Invalid => "invalid",
            Flag::Noisy => "noisy",
        }
    }

    /// Its CSS class.
    fn class(self) -> &'static str {
        match self {
            Flag::Invalid => "bad",
            Flag::Noisy => "noisy",
        }
    }
}

/// A cell's flag and its reason, if it has one.
fn flag(r: &Row) -> Option<(Flag, String)> {
    if !r.valid {
        let why = r
            .extra
            .validation_error
            .clone()
            .unwrap_or_else(|| "failed validation (no reason recorded)".into());
        Some((Flag::Invalid, why))
    } else if r.noisy {
        Some((Flag::Noisy, noisy_reason(r)))
    } else {
        None
    }
}

/// Why a cell is flagged noisy, from what its producer recorded.
fn noisy_reason(r: &Row) -> String {
    if let Some(pct) = r.extra.other_cpu_pct {
        return format!("other processes used {pct:.0}% of a core during its rounds");
    }
    if let Some(cores) = r
        .extra
        .other
        .get("other_cpu_cores")
        .and_then(|v| v.as_f64())
    {
        return format!("other processes used {cores:.2} cores while it ran");
    }
    "flagged noisy by its producer (no figure recorded)".into()
}

/// The id a chart's figure has in the page (its file name without `.svg`).
fn chart_id(c: &Chart) -> String {
    c.file_name.trim_end_matches(".svg").to_string()
}

/// The report of `docs` (later rows replace earlier ones with the same identity), naming
/// the files by `labels`.
pub fn render(docs: &[Results], labels: &[String]) -> Result<String, String> {
    let rows = latest_rows(docs);
    let (charts, _) = plots::render_docs(docs, labels)?;
    let mut h = String::new();
    h.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<title>gomap-bench report</title>\n");
    let _ = writeln!(h, "<style>{STYLE}</style>\n</head>\n<body>");
    h.push_str("<h1>gomap-bench report</h1>\n");
    let _ = writeln!(
        h,
        "<p>{} rows from {}. Every figure is a median over interleaved rounds; every ratio is \
         paired round by round with its group's reference and given with its 95% interval.</p>",
        rows.len(),
        esc(&labels.join(", "))
    );
    h.push_str("<nav><ul>\n<li><a href=\"#run\">Run facts</a></li>\n");
    h.push_str("<li><a href=\"#findings\">Findings</a></li>\n");
    h.push_str("<li><a href=\"#ratios\">Ratios with 95% intervals</a></li>\n");
    h.push_str("<li><a href=\"#cells\">Invalid and noisy cells</a></li>\n");
    h.push_str("<li><a href=\"#plots\">Plots</a><ul>\n");
    for c in &charts {
        let _ = writeln!(
            h,
            "<li><a href=\"#{}\">{}</a></li>",
            esc(&chart_id(c)),
            esc(&c.title)
        );
    }
    h.push_str("</ul></li>\n</ul></nav>\n");

    run_facts(&mut h, docs, labels);
    h.push_str("<h2 id=\"findings\">Findings</h2>\n");
    // File by file: a quotient of medians between two files would divide numbers measured
    // on different machines or days.
    for (d, l) in docs.iter().zip(labels) {
        let _ = writeln!(
            h,
            "<h3>{}</h3>\n<p>As <code>gomap-bench findings {}</code> prints them.</p>",
            esc(l),
            esc(l)
        );
        let _ = writeln!(
            h,
            "<pre>{}</pre>",
            esc(findings::findings(&d.rows).trim_end())
        );
    }
    ratio_tables(&mut h, &rows);
    cells(&mut h, docs, &rows);

    h.push_str("<h2 id=\"plots\">Plots</h2>\n");
    for c in &charts {
        let _ = writeln!(
            h,
            "<figure id=\"{}\">\n{}\n<figcaption>{} (<code>{}</code>)</figcaption>\n</figure>",
            esc(&chart_id(c)),
            inline_svg(&c.svg),
            esc(&c.title),
            esc(&c.file_name)
        );
    }
    h.push_str("</body>\n</html>\n");
    Ok(h)
}

/// `svg` for inlining in HTML: without the XML namespace attribute (an HTML parser puts
/// `<svg>` in that namespace by itself) and without an XML declaration.
fn inline_svg(svg: &str) -> String {
    let body = match svg.trim().strip_prefix("<?xml") {
        Some(rest) => rest.split_once("?>").map_or(rest, |(_, b)| b).trim(),
        None => svg.trim(),
    };
    body.replacen(" xmlns=\"http://www.w3.org/2000/svg\"", "", 1)
}

fn run_facts(h: &mut String, docs: &[Results], labels: &[String]) {
    h.push_str("<h2 id=\"run\">Run facts</h2>\n<table>\n<tr><th>fact</th>");
    for l in labels {
        let _ = write!(h, "<th>{}</th>", esc(l));
    }
    h.push_str("</tr>\n");
    type Fact = (&'static str, fn(&Results) -> String);
    let facts: [Fact; 16] = [
        ("summary", |d| run_line(&d.run)),
        ("timestamp", |d| d.run.timestamp.clone()),
        ("git revision", |d| {
            format!(
                "{}{}",
                d.run.git_revision,
                if d.run.git_dirty { " (modified)" } else { "" }
            )
        }),
        ("rustc", |d| d.run.rustc.clone()),
        ("profile", |d| d.run.profile.clone()),
        ("RUSTFLAGS", |d| d.run.rustflags.clone()),
        ("CPU", |d| d.run.machine.cpu_model.clone()),
        ("cores", |d| d.run.machine.cores.to_string()),
        ("memory", |d| format!("{} GiB", d.run.machine.memory_gib)),
        ("OS", |d| d.run.machine.os.clone()),
        ("kernel", |d| d.run.machine.kernel.clone()),
        ("THP", |d| d.run.machine.thp.clone()),
        ("governor", |d| d.run.machine.governor.clone()),
        ("ISA", |d| d.run.machine.isa.clone()),
        ("hasher / allocator", |d| {
            format!("{}; {}", d.run.hasher, d.run.allocator)
        }),
        ("command", |d| {
            let c = &d.run.config;
            let mut s = c["command"].as_str().unwrap_or("—").to_string();
            if let Some(p) = c["calibration_passes"].as_u64() {
                let _ = write!(s, ", {p} calibration passes");
            }
            if d.run.partial {
                s.push_str(" (partial: stopped before every group had finished)");
            }
            s
        }),
    ];
    for (name, f) in facts {
        let _ = write!(h, "<tr><th>{}</th>", esc(name));
        for d in docs {
            let _ = write!(h, "<td>{}</td>", esc(&f(d)));
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</table>\n");
}

/// A table per suite with ratios: a line per (op, size, threads, distribution), a column
/// per map, each cell the row's ratio and interval (or why there is none).
fn ratio_tables(h: &mut String, rows: &[Row]) {
    h.push_str("<h2 id=\"ratios\">Ratios with 95% intervals</h2>\n");
    h.push_str(
        "<p>Each cell: the ratio to the reference named in the heading, paired round by \
         round (with blocks: the geometric mean of the blocks' ratios; their median in runs \
         before 2026-12-03), [95% interval: the sign test's, widened to Student's t over the blocks]. For ns/op below 1 is faster; for Mops/s above 1 is. \
         <span class=\"bad\">INVALID</span>: failed validation (never a win; reasons below); \
         <span class=\"noisy\">†</span>: flagged noisy.</p>\n",
    );
    // Columns: maps (with their ISA) in first-seen order; lines: cells in file order.
    let col = |r: &Row| map_label(&r.id);
    for suite in Suite::ALL {
        let in_suite: Vec<&Row> = rows.iter().filter(|r| r.id.suite == suite).collect();
        let mut tos: Vec<&str> = Vec::new();
        for r in &in_suite {
            if let Some(q) = &r.extra.ratio {
                if !tos.contains(&q.to.as_str()) {
                    tos.push(&q.to);
                }
            }
        }
        // A table per reference: the rows divided by it, the reference itself, and (in the
        // first table) the suite's invalid cells, which have no ratio to sort them by.
        for (k, to) in tos.iter().enumerate() {
            let table: Vec<&Row> = in_suite
                .iter()
                .copied()
                .filter(|r| {
                    r.extra.ratio.as_ref().is_some_and(|q| q.to == *to)
                        || col(r) == *to
                        || (k == 0 && !r.valid)
                })
                .collect();
            ratio_table(h, suite, to, &table, &col);
        }
    }
}

/// One table of [`ratio_tables`].
fn ratio_table(
    h: &mut String,
    suite: Suite,
    to: &str,
    rows: &[&Row],
    col: &dyn Fn(&Row) -> String,
) {
    let unit = rows[0].unit;
    let _ = writeln!(
        h,
        "<h3>{}: ÷ {} ({}, {})</h3>",
        suite.name(),
        esc(to),
        unit.as_str(),
        if unit == Unit::NsPerOp {
            "below 1: faster"
        } else {
            "above 1: faster"
        }
    );
    // A field every line shares says nothing: only the varying ones name a line.
    let varies = |f: &dyn Fn(&Row) -> String| rows.iter().any(|r| f(r) != f(rows[0]));
    let (sizes, threads, dists) = (
        varies(&|r| r.id.size.to_string()),
        varies(&|r| r.id.threads.to_string()),
        varies(&|r| r.id.dist_name().to_string()),
    );
    let line = |r: &Row| {
        let mut s = r.id.op.name().to_string();
        if sizes {
            let _ = write!(s, " · n={}", size(r.id.size, SizeStyle::Power));
        }
        if threads {
            let _ = write!(s, " · {} thr", r.id.threads);
        }
        if dists {
            let _ = write!(s, " · {}", r.id.dist_name());
        }
        s
    };
    let mut cols: Vec<String> = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    for r in rows {
        let (c, l) = (col(r), line(r));
        if !cols.contains(&c) {
            cols.push(c);
        }
        if !lines.contains(&l) {
            lines.push(l);
        }
    }
    h.push_str("<div class=\"wide\"><table>\n<tr><th>cell</th>");
    for c in &cols {
        let _ = write!(h, "<th>{}</th>", esc(c));
    }
    h.push_str("</tr>\n");
    for l in &lines {
        let _ = write!(h, "<tr><th class=\"line\">{}</th>", esc(l));
        for c in &cols {
            let cell = rows.iter().find(|r| col(r) == *c && line(r) == *l);
            let _ = write!(h, "{}", ratio_cell(cell.copied()));
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</table></div>\n");
}

fn ratio_cell(r: Option<&Row>) -> String {
    let Some(r) = r else {
        return "<td>—</td>".into();
    };
    if !r.valid {
        return "<td class=\"bad\">INVALID</td>".into();
    }
    let mark = if r.noisy {
        " <span class=\"noisy\">†</span>"
    } else {
        ""
    };
    match &r.extra.ratio {
        Some(q) => format!("<td class=\"num\">{:.2}{mark}</td>", Estimate::ratio(q)),
        None => {
            let what = if plots::role(r) == Role::Reference {
                "reference: "
            } else if r.is_difference() {
                "difference: "
            } else {
                "no ratio: "
            };
            format!(
                "<td class=\"num\">{what}{:.3} {}{mark}</td>",
                r.median,
                esc(r.unit.as_str())
            )
        }
    }
}

/// Every invalid or noisy cell with its reason, and what the harness skipped by design.
fn cells(h: &mut String, docs: &[Results], rows: &[Row]) {
    h.push_str("<h2 id=\"cells\">Invalid and noisy cells</h2>\n");
    let mut flagged: Vec<(&Row, Flag, String)> = rows
        .iter()
        .filter_map(|r| flag(r).map(|(f, why)| (r, f, why)))
        .collect();
    // The invalid first: a few lines a reader must not miss below a long list of noisy ones.
    flagged.sort_by_key(|f| f.1);
    let invalid = flagged.iter().filter(|f| f.1 == Flag::Invalid).count();
    let _ = writeln!(
        h,
        "<p>{invalid} invalid (not drawn, never counted as a win), {} noisy (drawn hollow).</p>",
        flagged.len() - invalid
    );
    if !flagged.is_empty() {
        h.push_str("<table>\n<tr><th>state</th><th>cell</th><th>reason</th></tr>\n");
        for (r, f, why) in &flagged {
            let _ = writeln!(
                h,
                "<tr><td class=\"{}\">{}</td><td><code>{}</code></td><td>{}</td></tr>",
                f.class(),
                f.name(),
                esc(&r.identity().to_string()),
                esc(why)
            );
        }
        h.push_str("</table>\n");
    }
    // The harness's own list of cells it did not run, and why (e.g. a detector that must
    // not run concurrent writers), as each file's config records it.
    let mut skipped: Vec<String> = Vec::new();
    for d in docs {
        for list in [
            &d.run.config["skipped"],
            &d.run.config["contention"]["skipped"],
        ] {
            for s in list.as_array().into_iter().flatten() {
                if let Some(s) = s.as_str() {
                    if !skipped.iter().any(|x| x == s) {
                        skipped.push(s.to_string());
                    }
                }
            }
        }
    }
    if !skipped.is_empty() {
        h.push_str("<h3>Not measured, by design</h3>\n<ul>\n");
        for s in &skipped {
            let _ = writeln!(h, "<li>{}</li>", esc(s));
        }
        h.push_str("</ul>\n");
    }
}
