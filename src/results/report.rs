//! Renders a [`Comparison`] for people (aligned table, Markdown) and for machines (JSON, and
//! the `github-action-benchmark` custom formats).
//!
//! github-action-benchmark takes one direction per file (`customSmallerIsBetter` or
//! `customBiggerIsBetter`), so the ns/op rows and the Mops/s rows are two formats: `gab`
//! (smaller is better) and `gab-bigger`. Each entry is `{name, unit, value, range, extra}`
//! with the current median as the value; missing and invalid rows are left out.
//!
//! Bencher's metric format (`bmf`) is one JSON object: each row's name to its measure, whose
//! `value` is the current median and whose `lower_value`/`upper_value` are the current noise
//! band. The measure is Bencher's built-in `latency` (ns) for ns/op rows, `throughput`
//! (operations per second, so Mops/s × 10⁶) for Mops/s rows, and `events-per-op` for the
//! counts suite's rows; missing and invalid rows are left out.

use super::compare::{ComparedRow, Comparison, Verdict};
use super::format::num;
use super::schema::{Direction, Unit};
use serde::Serialize;
use std::collections::BTreeMap;

/// An output format of `compare`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Markdown,
    Json,
    /// github-action-benchmark `customSmallerIsBetter` (the ns/op rows).
    Gab,
    /// github-action-benchmark `customBiggerIsBetter` (the Mops/s rows).
    GabBigger,
    /// Bencher Metric Format (every row).
    Bmf,
}

impl Format {
    pub const ALL: [Format; 6] = [
        Format::Table,
        Format::Markdown,
        Format::Json,
        Format::Gab,
        Format::GabBigger,
        Format::Bmf,
    ];

    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Markdown => "markdown",
            Format::Json => "json",
            Format::Gab => "gab",
            Format::GabBigger => "gab-bigger",
            Format::Bmf => "bmf",
        }
    }

    /// Formats that people read (the others keep stdout pure for machines).
    pub fn is_for_people(self) -> bool {
        matches!(self, Format::Table | Format::Markdown)
    }
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Format, String> {
        Format::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| {
                let known: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
                format!("unknown format '{s}' (known: {})", known.join(", "))
            })
    }
}

/// Renders `cmp` in `format`; the text ends with a newline.
pub fn render(cmp: &Comparison, format: Format) -> String {
    match format {
        Format::Table => table(cmp),
        Format::Markdown => markdown(cmp),
        Format::Json => to_json(&cmp.rows),
        Format::Gab => gab(cmp, Direction::LowerIsBetter),
        Format::GabBigger => gab(cmp, Direction::HigherIsBetter),
        Format::Bmf => bmf(cmp),
    }
}

const HEADER: [&str; 6] = [
    "verdict", "change", "baseline", "current", "evidence", "row",
];

/// The cells of one row, in `HEADER` order.
fn cells(r: &ComparedRow) -> [String; 6] {
    let unit = r.unit.as_str();
    let value = |v: Option<f64>| v.map_or("-".into(), |v| format!("{} {unit}", num(v)));
    [
        r.verdict.to_string(),
        r.change_pct.map_or("-".into(), |c| format!("{c:+.1}%")),
        value(r.baseline),
        value(r.current),
        r.evidence.clone(),
        r.name.clone(),
    ]
}

fn table(cmp: &Comparison) -> String {
    let mut out = table_rows(cmp, |_| true);
    out.push_str(&cmp.summary());
    out.push('\n');
    for n in &cmp.notes {
        out.push_str(&format!("note: {n}\n"));
    }
    out
}

/// The `table` format's header and the rows `keep` picks, without the summary and notes:
/// the columns are as wide as the whole table's, so each line is the one the full table
/// shows (`run` prints the rows that need a look this way).
pub fn table_rows(cmp: &Comparison, keep: impl Fn(&ComparedRow) -> bool) -> String {
    let rows: Vec<[String; 6]> = cmp.rows.iter().map(cells).collect();
    let mut widths = HEADER.map(str::len);
    for r in &rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: &[String]| {
        let mut s = String::new();
        for (i, (c, w)) in cells.iter().zip(widths).enumerate() {
            if i + 1 == cells.len() {
                s.push_str(c); // the last column is not padded: no trailing spaces
            } else {
                s.push_str(&format!("{c:<w$}  "));
            }
        }
        s.push('\n');
        s
    };
    let mut out = line(&HEADER.map(String::from));
    for (r, text) in cmp.rows.iter().zip(&rows) {
        if keep(r) {
            out.push_str(&line(text));
        }
    }
    out
}

fn markdown(cmp: &Comparison) -> String {
    let esc = |s: &str| s.replace('|', "\\|");
    let mut out = format!("| {} |\n", HEADER.join(" | "));
    out.push_str(&format!("|{}\n", "---|".repeat(HEADER.len())));
    for r in &cmp.rows {
        let mut c = cells(r);
        if matches!(r.verdict, Verdict::Regressed | Verdict::Improved) {
            c[0] = format!("**{}**", c[0]);
        }
        c[5] = format!("`{}`", c[5]);
        let c: Vec<String> = c.iter().map(|s| esc(s)).collect();
        out.push_str(&format!("| {} |\n", c.join(" | ")));
    }
    out.push_str(&format!("\n{}\n", cmp.summary()));
    for n in &cmp.notes {
        out.push_str(&format!("\n> note: {n}\n"));
    }
    out
}

fn to_json<T: Serialize>(v: &T) -> String {
    // Serializing our own plain structs cannot fail; an empty list is the safe fallback.
    let mut s = serde_json::to_string_pretty(v).unwrap_or_else(|_| "[]".into());
    s.push('\n');
    s
}

#[derive(Serialize)]
struct GabEntry {
    name: String,
    unit: String,
    value: f64,
    range: String,
    extra: String,
}

fn gab(cmp: &Comparison, direction: Direction) -> String {
    let entries: Vec<GabEntry> = cmp
        .rows
        .iter()
        .filter(|r| r.direction == direction && r.verdict != Verdict::Invalid)
        .filter_map(|r| {
            let value = r.current.filter(|v| v.is_finite())?;
            let [lo, hi] = r.current_band.unwrap_or([value, value]);
            let mut extra = format!("verdict: {}", r.verdict);
            if let (Some(b), Some(c)) = (r.baseline, r.change_pct) {
                extra.push_str(&format!("; baseline: {}; change: {c:+.1}%", num(b)));
            }
            Some(GabEntry {
                name: r.name.clone(),
                unit: r.unit.as_str().to_string(),
                value,
                range: format!("± {}", num((hi - lo) / 2.0)),
                extra,
            })
        })
        .collect();
    to_json(&entries)
}

/// One measure of a Bencher Metric Format benchmark.
#[derive(Serialize)]
struct BmfMeasure {
    value: f64,
    lower_value: f64,
    upper_value: f64,
}

fn bmf(cmp: &Comparison) -> String {
    let mut out: BTreeMap<String, BTreeMap<&str, BmfMeasure>> = BTreeMap::new();
    for r in cmp.rows.iter().filter(|r| r.verdict != Verdict::Invalid) {
        let Some(value) = r.current.filter(|v| v.is_finite()) else {
            continue;
        };
        let [lo, hi] = r.current_band.unwrap_or([value, value]);
        let (slug, scale) = match r.unit {
            Unit::NsPerOp => ("latency", 1.0),
            Unit::MopsPerSec => ("throughput", 1e6),
            Unit::EventsPerOp => ("events-per-op", 1.0),
            Unit::Fraction => continue,
        };
        let measure = BmfMeasure {
            value: value * scale,
            lower_value: lo * scale,
            upper_value: hi * scale,
        };
        out.entry(r.name.clone()).or_default().insert(slug, measure);
    }
    to_json(&out)
}
