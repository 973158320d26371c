//! The HTML report: one self-contained page per set of results files (`gomap-bench report`,
//! and the main job's `report.html`), which answers first and shows its evidence after.
//!
//! In order, top to bottom:
//!
//! 1. [`answers`]: the headline answers ([`headline`]), each a compact table under its
//!    question, every cell its figure with its interval and a better / worse / same mark,
//!    and the line that says where and when it was measured.
//! 2. [`verdicts`]: when the page is given a comparison (`report --baseline`, `run`, `ab
//!    --html`), its verdicts: regressions first and loud, then improvements, then counts.
//! 3. [`pictures`]: every chart, its SVG inline; the most important group (the ratios) open,
//!    the others folded.
//! 4. [`details`]: folded: the ratio tables, the findings, the invalid, noisy and skipped
//!    cells, the run facts of every input file.
//!
//! What a reader came for is on the first screens and the rest a click away: at 1400 px
//! wide the page before its folded parts is about ten screens at most, and nothing is wider
//! than the window ([`markup`]: every table scrolls in its own box, every chart scales).
//!
//! Nothing is fetched: no script, no stylesheet or font link, no image URL (`<details>` is
//! HTML's own and folds without a script). The page is a pure function of its inputs,
//! without a date of its own, so that regenerating it from unchanged files changes nothing.

mod answers;
mod details;
mod markup;
mod pictures;
mod verdicts;

pub use verdicts::Verdicts;

use super::error::ResultsError;
use super::headline;
use super::io;
use super::plots;
use super::schema::{latest_rows, Results};
use markup::{esc, STYLE};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Reads `inputs` and writes their report to `out`, atomically.
pub fn write_report(inputs: &[PathBuf], out: &Path) -> Result<(), ResultsError> {
    write_report_with(inputs, out, None)
}

/// [`write_report`], with the verdicts of a comparison under the answers.
pub fn write_report_with(
    inputs: &[PathBuf],
    out: &Path,
    verdicts: Option<&Verdicts>,
) -> Result<(), ResultsError> {
    let (docs, labels) = plots::read_all(inputs)?;
    let page = render_with(&docs, &labels, verdicts).map_err(|e| ResultsError::at(out, e))?;
    io::write_atomic(out, page.as_bytes())
}

/// The report of `docs` (later rows replace earlier ones with the same identity), naming
/// the files by `labels`.
pub fn render(docs: &[Results], labels: &[String]) -> Result<String, String> {
    render_with(docs, labels, None)
}

/// [`render`], with the verdicts of a comparison under the answers. Errors are drawing
/// failures of the charts.
pub fn render_with(
    docs: &[Results],
    labels: &[String],
    verdicts: Option<&Verdicts>,
) -> Result<String, String> {
    let rows = latest_rows(docs);
    let (charts, _) = plots::render_docs(docs, labels)?;
    let head = headline::headline(docs);
    let mut h = open_page("gomap-bench report");
    h.push_str("<h1>gomap-bench report</h1>\n");
    let _ = writeln!(
        h,
        "<p class=\"lede\">{} rows from {}. Every figure is a median over interleaved rounds; \
         every ratio is paired round by round with its group's reference and given with its \
         95% interval.</p>",
        rows.len(),
        esc(&labels.join(", "))
    );
    if let Some(v) = verdicts {
        // The tally is repeated on the first screen: a regression must not wait below the
        // answers to be seen.
        let _ = writeln!(
            h,
            "<p class=\"lede\"><a href=\"#verdicts\">Verdicts</a>: {}</p>",
            verdicts::tally(v)
        );
    }
    toc(&mut h, verdicts.is_some());
    answers::section(&mut h, &head);
    if let Some(v) = verdicts {
        verdicts::section(&mut h, v);
    }
    pictures::section(&mut h, &charts);
    details::section(&mut h, docs, labels, &rows);
    Ok(close_page(h))
}

/// A page of verdicts alone (`ab --html`: two builds compared, no results file to show).
pub fn verdicts_page(v: &Verdicts) -> String {
    let mut h = open_page("gomap-bench verdicts");
    h.push_str("<h1>gomap-bench verdicts</h1>\n");
    verdicts::section(&mut h, v);
    close_page(h)
}

fn open_page(title: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        esc(title)
    )
}

fn close_page(mut h: String) -> String {
    h.push_str("</body>\n</html>\n");
    h
}

/// One line of links to the page's parts.
fn toc(h: &mut String, with_verdicts: bool) {
    let mut parts = vec![("answers", "Answers")];
    if with_verdicts {
        parts.push(("verdicts", "Verdicts"));
    }
    parts.extend([
        ("charts", "Charts"),
        ("ratios", "Ratio tables"),
        ("findings", "Findings"),
        ("cells", "Invalid and noisy cells"),
        ("run", "Run facts"),
    ]);
    let links: Vec<String> = parts
        .iter()
        .map(|(id, name)| format!("<a href=\"#{id}\">{name}</a>"))
        .collect();
    let _ = writeln!(h, "<nav class=\"toc\">{}</nav>", links.join(" · "));
}
