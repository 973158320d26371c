//! The bottom of the page, every part folded: the ratio tables (every row's paired ratio to
//! its group's reference, with its 95% interval), the findings as `run` prints them, every
//! invalid or noisy cell with its reason, the cells the harness skipped by design, and the
//! run facts of every input file.
//!
//! Folded because they are the evidence, not the answer: a reader checks a figure here, and
//! opens only the part that holds it. Each part's one visible line says what it holds (how
//! many tables, how many invalid cells), so that nothing needs opening to learn whether it
//! is worth opening.

use super::markup::{esc, folded, header_row, table};
use crate::results::findings;
use crate::results::format::{map_label, size, Estimate, SizeStyle};
use crate::results::plots::{self, sources::run_line};
use crate::results::schema::{Results, Row, Unit};
use crate::vocabulary::{Role, Suite};
use std::fmt::Write as _;

/// The most maps a ratio table shows side by side; a group with more is split into several
/// tables, each with the same lines, so that none is wider than the page (a contention group
/// has some fifteen maps, about 2,300 px of cells in one table).
const MAX_MAP_COLUMNS: usize = 6;

/// The section, every part folded.
pub(super) fn section(h: &mut String, docs: &[Results], labels: &[String], rows: &[Row]) {
    h.push_str("<section id=\"details\">\n<h2>Details</h2>\n");
    ratio_tables(h, rows);
    findings_text(h, docs, labels);
    flagged_cells(h, rows);
    skipped_cells(h, docs);
    run_facts(h, docs, labels);
    h.push_str("</section>\n");
}

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

fn run_facts(h: &mut String, docs: &[Results], labels: &[String]) {
    let summary = format!("Run facts of every input file ({})", docs.len());
    folded(h, "run", &esc(&summary), |h| {
        table(h, "facts", |h| {
            let mut head = vec!["fact".to_string()];
            head.extend(labels.iter().cloned());
            header_row(h, &head);
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
        });
    });
}

/// File by file: a quotient of medians between two files would divide numbers measured on
/// different machines or days.
fn findings_text(h: &mut String, docs: &[Results], labels: &[String]) {
    folded(h, "findings", "Findings, file by file", |h| {
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
    });
}

/// One ratio table's rows: a suite's rows divided by one reference.
struct RatioTable<'a> {
    suite: Suite,
    to: &'a str,
    rows: Vec<&'a Row>,
}

/// A table per suite and reference: a line per (op, size, threads, distribution), a column
/// per map (at most [`MAX_MAP_COLUMNS`] a table), each cell the row's ratio and interval (or
/// why there is none).
fn ratio_tables(h: &mut String, rows: &[Row]) {
    let mut tables: Vec<RatioTable> = Vec::new();
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
            let rows: Vec<&Row> = in_suite
                .iter()
                .copied()
                .filter(|r| {
                    r.extra.ratio.as_ref().is_some_and(|q| q.to == *to)
                        || map_label(&r.id) == *to
                        || (k == 0 && !r.valid)
                })
                .collect();
            tables.push(RatioTable { suite, to, rows });
        }
    }
    let summary = format!("Ratio tables with 95% intervals ({} groups)", tables.len());
    folded(h, "ratios", &esc(&summary), |h| {
        h.push_str(
            "<p>Each cell: the ratio to the reference named in the heading, paired round by \
             round (with blocks: the geometric mean of the blocks' ratios; their median in runs \
             before 2026-12-03), [95% interval: the sign test's, widened to Student's t over the \
             blocks]. For ns/op below 1 is faster; for Mops/s above 1 is. \
             <span class=\"bad\">INVALID</span>: failed validation (never a win; reasons under \
             “Invalid and noisy cells”); <span class=\"noisy\">†</span>: flagged noisy.</p>\n",
        );
        for t in &tables {
            ratio_table(h, t);
        }
    });
}

/// One group of [`ratio_tables`], split into tables of at most [`MAX_MAP_COLUMNS`] maps.
fn ratio_table(h: &mut String, t: &RatioTable) {
    let rows = &t.rows;
    let unit = rows[0].unit;
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
    // Columns: maps (with their ISA) in first-seen order; lines: cells in file order.
    let mut cols: Vec<String> = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    for r in rows {
        let (c, l) = (map_label(&r.id), line(r));
        if !cols.contains(&c) {
            cols.push(c);
        }
        if !lines.contains(&l) {
            lines.push(l);
        }
    }
    let _ = writeln!(
        h,
        "<h3>{}: ÷ {} ({}, {})</h3>",
        t.suite.name(),
        esc(t.to),
        unit.as_str(),
        if unit == Unit::NsPerOp {
            "below 1: faster"
        } else {
            "above 1: faster"
        }
    );
    // As many tables as it takes, as even as can be: 7 maps are 4 + 3, not 6 + 1.
    let parts = cols.len().div_ceil(MAX_MAP_COLUMNS);
    let per_part = cols.len().div_ceil(parts.max(1)).max(1);
    for (p, part) in cols.chunks(per_part).enumerate() {
        if parts > 1 {
            let first = p * per_part + 1;
            let _ = writeln!(
                h,
                "<p class=\"source\">maps {first}–{} of {}</p>",
                first + part.len() - 1,
                cols.len()
            );
        }
        table(h, "ratios", |h| {
            let mut head = vec!["cell".to_string()];
            head.extend(part.iter().cloned());
            header_row(h, &head);
            for l in &lines {
                let _ = write!(h, "<tr><th class=\"line\">{}</th>", esc(l));
                for c in part {
                    let cell = rows
                        .iter()
                        .find(|r| map_label(&r.id) == *c && line(r) == *l);
                    h.push_str(&ratio_cell(cell.copied()));
                }
                h.push_str("</tr>\n");
            }
        });
    }
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

/// Every invalid or noisy cell with its reason, the invalid first.
fn flagged_cells(h: &mut String, rows: &[Row]) {
    let mut flagged: Vec<(&Row, Flag, String)> = rows
        .iter()
        .filter_map(|r| flag(r).map(|(f, why)| (r, f, why)))
        .collect();
    // The invalid first: a few lines a reader must not miss below a long list of noisy ones.
    flagged.sort_by_key(|f| f.1);
    let invalid = flagged.iter().filter(|f| f.1 == Flag::Invalid).count();
    // The invalid count is marked: those few a reader must not miss.
    let invalid_text = format!("{invalid} invalid (not drawn, never counted as a win)");
    let invalid_html = if invalid > 0 {
        format!("<span class=\"bad\">{}</span>", esc(&invalid_text))
    } else {
        esc(&invalid_text)
    };
    let summary = format!(
        "Invalid and noisy cells: {invalid_html}, {} noisy (drawn hollow)",
        flagged.len() - invalid
    );
    folded(h, "cells", &summary, |h| {
        if flagged.is_empty() {
            h.push_str("<p>None.</p>\n");
            return;
        }
        table(h, "cells", |h| {
            header_row(h, &["state", "cell", "reason"].map(String::from));
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
        });
    });
}

/// The harness's own list of cells it did not run, and why (e.g. a detector that must not
/// run concurrent writers), as each file's config records it.
fn skipped_cells(h: &mut String, docs: &[Results]) {
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
    if skipped.is_empty() {
        return;
    }
    let summary = format!("Not measured, by design ({} cells)", skipped.len());
    folded(h, "skipped", &esc(&summary), |h| {
        h.push_str("<ul>\n");
        for s in &skipped {
            let _ = writeln!(h, "<li>{}</li>", esc(s));
        }
        h.push_str("</ul>\n");
    });
}
