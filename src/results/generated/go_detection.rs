//! The four blocks of `docs/go-detection.md` ("Where Go's `concurrent map writes` fires"):
//! the version table of Go's writing flag, read out of the machine code of four builds, and
//! how often the detector fired in the Go builds and in `gomap-failfast`.
//!
//! | block | renders | from |
//! |---|---|---|
//! | `asm-versions` | the version table, as the annotator wrote it | [`ASM_README`] |
//! | `detection-summary` | one line per program: the range of Go's rates, then ours | [`DETECTION_GO`], [`DETECTION_RUST`] |
//! | `detection-go` | every Go build's row, with where its `fatal` fired | [`DETECTION_GO`], [`WRITING_FLAG`] |
//! | `detection-rust` | `gomap-failfast`'s rows | [`DETECTION_RUST`] |
//!
//! Why here: these tables were rendered by a Python script of their own
//! (`scripts/go-anchor/readme_tables.py`, run by `scripts/go-anchor.sh`'s `readme` step),
//! a second mechanism that `gomap-bench docs --check` could not see. This is that script
//! ported, so one command renders and checks every figure; `go-anchor.sh --only readme` now
//! runs `gomap-bench docs`.
//!
//! The port keeps the script's output byte for byte, so the committed text checks it:
//!
//! - **Raw JSON, not [`Results`](crate::results::schema::Results).** Two of the files are
//!   written by Go (`go-anchor -detect`) and by `asm_annotate.py`, and every cell prints a
//!   value as it stands in the file: an integer as an integer, a fraction in the shortest
//!   form that reads back (Python's `str`, [`py_str`]). Counts are written `{:.1}` as
//!   percentages ([`pct`]) and per-run means in six significant digits with trailing zeros
//!   dropped (Python's `:g`, [`sig6`]); neither is a format of `results::format`, which
//!   the text was not written in.
//! - **A missing file makes its block say so** and which step writes it (the script's
//!   behaviour: these files come from a Go toolchain, which CI does not have); a file that
//!   is there but lacks a field is an error naming the file and the field.
//! - **Order.** Rows keep the file's order, programs their first appearance. The maps of a
//!   row (`fired_at`, `other_messages`) are read sorted by key, as Go's `encoding/json`
//!   writes them, so the file's order again; `fired_at` is then sorted by count, highest
//!   first, ties kept in that order.

use super::blocks::Block;
use super::Sources;
use serde_json::Value;
use std::cmp::Ordering;
use std::collections::HashMap;

/// The annotator's report (`scripts/go-anchor.sh --only asm`); the table lies between its
/// `<!-- table:versions -->` markers.
pub const ASM_README: &str = "results/asm/README-go.md";
/// The same facts as data: per build and function, which `fatal` call is which check.
pub const WRITING_FLAG: &str = "results/asm/go-writing-flag.json";
/// The Go builds' detection rows (`scripts/go-anchor.sh --only detect`).
pub const DETECTION_GO: &str = "results/detection-go.json";
/// `gomap-failfast`'s detection rows (`gomap-bench detect`).
pub const DETECTION_RUST: &str = "results/detection-rust.json";

/// The four blocks, for [`blocks::all`](super::blocks::all).
pub fn blocks() -> Vec<Block> {
    vec![
        block("asm-versions", vec![ASM_README], asm_versions),
        block(
            "detection-summary",
            vec![DETECTION_GO, DETECTION_RUST],
            detection_summary,
        ),
        block(
            "detection-go",
            vec![DETECTION_GO, WRITING_FLAG],
            detection_go,
        ),
        block("detection-rust", vec![DETECTION_RUST], detection_rust),
    ]
}

fn block(
    name: &str,
    sources: Vec<&'static str>,
    render: fn(&Sources) -> Result<String, String>,
) -> Block {
    Block {
        name: name.into(),
        sources,
        // One final newline, whatever the body ends with.
        render: Box::new(move |s: &Sources| {
            render(s).map(|b| b.trim_end_matches('\n').to_string() + "\n")
        }),
    }
}

// ---- the blocks ----------------------------------------------------------------------------

fn asm_versions(s: &Sources) -> Result<String, String> {
    Ok(match s.text(ASM_README) {
        Err(_) => {
            "(no results/asm/README-go.md yet: run `scripts/go-anchor.sh --only asm,readme`)".into()
        }
        Ok(text) => versions_table(text)
            .unwrap_or("(results/asm/README-go.md has no version table)")
            .into(),
    })
}

fn detection_summary(s: &Sources) -> Result<String, String> {
    let go = load(s, DETECTION_GO)?;
    let rust = load(s, DETECTION_RUST)?;
    summary(go.as_ref(), rust.as_ref())
}

fn detection_go(s: &Sources) -> Result<String, String> {
    let Some(go) = load(s, DETECTION_GO)? else {
        return Ok(
            "(no results/detection-go.json yet: run `scripts/go-anchor.sh --only detect,readme`)"
                .into(),
        );
    };
    let roles =
        site_roles(load(s, WRITING_FLAG)?.as_ref()).map_err(|e| format!("{WRITING_FLAG}: {e}"))?;
    go_tables(&go, &roles).map_err(|e| format!("{DETECTION_GO}: {e}"))
}

fn detection_rust(s: &Sources) -> Result<String, String> {
    match load(s, DETECTION_RUST)? {
        None => Ok("(no results/detection-rust.json yet: run `gomap-bench detect`)".into()),
        Some(doc) => rust_table(&doc).map_err(|e| format!("{DETECTION_RUST}: {e}")),
    }
}

/// `path` as JSON, or `None` when it is missing (or holds nothing: `{}`, `null`).
fn load(s: &Sources, path: &str) -> Result<Option<Value>, String> {
    if s.text(path).is_err() {
        return Ok(None);
    }
    let v = s.json(path)?;
    Ok(truthy(&v).then_some(v))
}

// ---- the version table ---------------------------------------------------------------------

/// What lies between `<!-- table:versions -->` and `<!-- /table:versions -->` in the
/// annotator's report, without the newlines next to the markers.
pub fn versions_table(text: &str) -> Option<&str> {
    const OPEN: &str = "<!-- table:versions -->\n";
    const CLOSE: &str = "\n<!-- /table:versions -->";
    let start = text.find(OPEN)? + OPEN.len();
    let len = text[start..].find(CLOSE)?;
    Some(&text[start..start + len])
}

// ---- where the detector fired --------------------------------------------------------------

/// (Go version's first word, map variant) → (runtime function, `file:line`) → role of that
/// `fatal` call (`entry check`, `recheck`, `read check`).
pub type SiteRoles = HashMap<(String, String), HashMap<(String, String), Value>>;

/// The role of every `fatal` call the annotator found, per build (`go-writing-flag.json`);
/// empty without the file.
pub fn site_roles(flag: Option<&Value>) -> Result<SiteRoles, String> {
    let mut out = SiteRoles::new();
    let Some(flag) = flag else {
        return Ok(out);
    };
    for b in object(field(flag, "builds")?, "builds")?.values() {
        let version = string(field(b, "go_version")?, "go_version")?;
        let version = version
            .split_whitespace()
            .next()
            .ok_or("a build's `go_version` is blank")?;
        let d = out
            .entry((version.to_string(), py_str(field(b, "variant")?)))
            .or_default();
        for f in object(field(b, "functions")?, "functions")?.values() {
            let symbol = py_str(field(f, "symbol")?);
            for site in array(field(f, "fatal_sites")?, "fatal_sites")? {
                d.insert(
                    (symbol.clone(), py_str(field(site, "fatal_at")?)),
                    field(site, "role")?.clone(),
                );
            }
        }
    }
    Ok(out)
}

/// The "fired at" cell of a Go row: each `fatal` call site that killed a run, with its role
/// where the annotator named it, most frequent first; `–` when none fired.
pub fn fired_cell(extra: &Value, roles: &SiteRoles) -> Result<String, String> {
    let fired = match extra.get("fired_at") {
        Some(v) if truthy(v) => object(v, "fired_at")?,
        _ => return Ok("–".into()),
    };
    // runtime.Version() of a GOEXPERIMENT build reads "go1.25.5 X:noswissmap"; the
    // annotator's `go env GOVERSION` reads "go1.25.5".
    let version = match extra.get("go_version") {
        Some(v) if truthy(v) => string(v, "go_version")?,
        _ => "",
    };
    let version = version.split(' ').next().unwrap_or_default().to_string();
    let none = HashMap::new();
    let r = extra
        .get("map_variant")
        .and_then(|v| roles.get(&(version, py_str(v))))
        .unwrap_or(&none);
    let mut sites = Vec::new();
    for (at, n) in fired {
        sites.push((at, n, number(n, "a fired_at count")?));
    }
    // Stable: equal counts keep the file's order.
    sites.sort_by(|a, b| b.2.partial_cmp(&a.2).unwrap_or(Ordering::Equal));
    let parts: Vec<String> = sites
        .into_iter()
        .map(|(at, n, _)| {
            let (function, place) = at.split_once(' ').unwrap_or((at, ""));
            let short = function.replace("runtime.", "");
            match r.get(&(function.to_string(), place.to_string())) {
                Some(role) if truthy(role) => {
                    format!("{short} {} ({place}): {}", py_str(role), py_str(n))
                }
                _ => format!("{short} {place}: {}", py_str(n)),
            }
        })
        .collect();
    Ok(parts.join("; "))
}

// ---- the tables ----------------------------------------------------------------------------

/// "`what`: measured DATE on CPU, …; git REV." from a document's `run`.
fn machine_line(doc: &Value, what: &str) -> Result<String, String> {
    let run = field(doc, "run")?;
    let m = field(run, "machine")?;
    let date: String = string(field(run, "timestamp")?, "run.timestamp")?
        .chars()
        .take(10)
        .collect();
    let rev: String = string(field(run, "git_revision")?, "run.git_revision")?
        .chars()
        .take(7)
        .collect();
    let dirty = if truthy(field(run, "git_dirty")?) {
        " (dirty)"
    } else {
        ""
    };
    Ok(format!(
        "{what}: measured {date} on {}, {} cores, {} GiB, {}, kernel {}, THP {}; git {rev}{dirty}.",
        py_str(field(m, "cpu_model")?),
        py_str(field(m, "cores")?),
        py_str(field(m, "memory_gib")?),
        py_str(field(m, "os")?),
        py_str(field(m, "kernel")?),
        py_str(field(m, "thp")?),
    ))
}

/// The rows of suite `detection`, in the file's order.
fn detection_rows(doc: &Value) -> Result<Vec<&Value>, String> {
    let mut out = Vec::new();
    for r in array(field(doc, "rows")?, "rows")? {
        if field(r, "suite")? == "detection" {
            out.push(r);
        }
    }
    Ok(out)
}

/// The Go builds' table, under its machine line and over its legend.
pub fn go_tables(doc: &Value, roles: &SiteRoles) -> Result<String, String> {
    let rows = detection_rows(doc)?;
    let mut programs: Vec<String> = Vec::new();
    for r in &rows {
        let op = py_str(field(r, "op")?);
        if !programs.contains(&op) {
            programs.push(op);
        }
    }
    let mut runs = Vec::new();
    let mut loads = Vec::new();
    let mut interleaved = false;
    for r in &rows {
        let e = field(r, "extra")?;
        runs.push(field(e, "runs")?);
        loads.extend(e.get("other_cpu_cores_session").filter(|v| !v.is_null()));
        interleaved |= e.get("interleaved").is_some();
    }
    let load_txt = if loads.is_empty() {
        String::new()
    } else {
        format!(
            " Other processes kept {} of the 2 cores busy over the session \
             (load lowers every rate: the two goroutines overlap less).",
            sorted_set(&loads)?
        )
    };
    let mut lines = vec![
        format!(
            "{} N = {} runs per cell, each a fresh process, GOMAXPROCS=2, both goroutines \
             released by one spin barrier{}.{load_txt}",
            machine_line(doc, "Go builds")?,
            sorted_set(&runs)?,
            if interleaved {
                ", the builds interleaved run by run (run r of a program goes through every \
                 build before run r+1)"
            } else {
                ""
            },
        ),
        String::new(),
        "| program | map | N | died: `concurrent map writes` | died: `concurrent map read and \
         map write` | died otherwise | hung | finished | of those finished: wrong `len` or lost \
         keys | fired at (count) |"
            .into(),
        "|---|---|---|---|---|---|---|---|---|---|".into(),
    ];
    for p in &programs {
        for r in &rows {
            if py_str(field(r, "op")?) != *p {
                continue;
            }
            let e = field(r, "extra")?;
            let n = number(field(e, "runs")?, "runs")?;
            let fin = field(e, "finished")?;
            let mut other = pct(number(field(e, "died_otherwise")?, "died_otherwise")?, n);
            if let Some(others) = e.get("other_messages").filter(|v| truthy(v)) {
                let each: Vec<String> = object(others, "other_messages")?
                    .iter()
                    .map(|(m, c)| format!("{m}: {}", py_str(c)))
                    .collect();
                other = format!("{other} ({})", each.join("; "));
            }
            let corrupt = if truthy(fin) {
                let c = match e.get("finished_wrong_len_or_lost_keys") {
                    None => 0.0,
                    Some(c) => number(c, "finished_wrong_len_or_lost_keys")?,
                };
                format!(
                    "{} ({} wrong len, {} lost keys, {} keys lost in all)",
                    pct(c, number(fin, "finished")?),
                    py_str(field(e, "finished_wrong_len")?),
                    py_str(field(e, "finished_lost_keys")?),
                    py_str(field(e, "lost_keys_total")?),
                )
            } else {
                "–".into()
            };
            let count =
                |k: &str| -> Result<String, String> { Ok(pct(number(field(e, k)?, k)?, n)) };
            lines.push(format!(
                "| {p} | {} | {} | {} | {} | {other} | {} | {} | {corrupt} | {} |",
                py_str(field(r, "map")?),
                py_str(field(e, "runs")?),
                count("died_concurrent_map_writes")?,
                count("died_concurrent_map_read_and_map_write")?,
                count("hung")?,
                pct(number(fin, "finished")?, n),
                fired_cell(e, roles)?,
            ));
        }
    }
    lines.push(String::new());
    lines.push(
        "The died columns are the row's value (`median` = their sum, as a fraction) with the \
         95% Wilson interval in `extra.detected_ci95`; \"fired at\" names the runtime function \
         whose `fatal` call killed the run and, from `results/asm/go-writing-flag.json`, which \
         of its checks that call belongs to (an entry check, or the re-check before clearing)."
            .into(),
    );
    Ok(lines.join("\n"))
}

/// `gomap-failfast`'s table, under its machine line.
pub fn rust_table(doc: &Value) -> Result<String, String> {
    let rows = detection_rows(doc)?;
    let mut loads = Vec::new();
    for r in &rows {
        if let Some(x) = field(r, "extra")?
            .get("other_cpu_pct_of_one_core")
            .filter(|v| !v.is_null())
        {
            loads.push(format!(
                "{:.2}",
                number(x, "other_cpu_pct_of_one_core")? / 100.0
            ));
        }
    }
    let load_txt = if loads.is_empty() {
        String::new()
    } else {
        format!(
            " Other processes used {} cores during the four programs.",
            loads.join(", ")
        )
    };
    let mut lines = vec![
        format!(
            "{} Two threads released by one spin barrier; a refused write is not retried.{load_txt}",
            machine_line(doc, "gomap-failfast")?
        ),
        String::new(),
        "| program | N | runs with a detection | detections per run | refused writes per run \
         | writes accepted, then lost | runs with a wrong `len` | valid |"
            .into(),
        "|---|---|---|---|---|---|---|---|".into(),
    ];
    for r in &rows {
        let e = field(r, "extra")?;
        let n = number(field(e, "runs")?, "runs")?;
        let (lo, hi) = match array(field(e, "detected_ci95")?, "detected_ci95")? {
            [lo, hi] => (number(lo, "detected_ci95")?, number(hi, "detected_ci95")?),
            _ => return Err("`detected_ci95` is not a pair".into()),
        };
        let valid = if truthy(field(r, "valid")?) {
            "yes".to_string()
        } else {
            format!(
                "NO: {}",
                e.get("validation_error").map(py_str).unwrap_or_default()
            )
        };
        lines.push(format!(
            "| {} | {} | {} [{:.1}, {:.1}] | {} | {} | {} | {} | {valid} |",
            py_str(field(r, "op")?),
            py_str(field(e, "runs")?),
            pct(number(field(e, "detected")?, "detected")?, n),
            100.0 * lo,
            100.0 * hi,
            sig6(number(
                field(e, "detections_per_run")?,
                "detections_per_run"
            )?),
            sig6(number(
                field(e, "refused_writes_per_run")?,
                "refused_writes_per_run"
            )?),
            py_str(field(e, "lost_writes")?),
            py_str(field(e, "runs_wrong_len")?),
        ));
    }
    Ok(lines.join("\n"))
}

/// One line per program: the lowest and highest Go rate, with their builds, and the runs
/// that finished; then one line per `gomap-failfast` program.
pub fn summary(go: Option<&Value>, rust: Option<&Value>) -> Result<String, String> {
    let mut lines = Vec::new();
    if let Some(go) = go {
        let rows = detection_rows(go).map_err(|e| format!("{DETECTION_GO}: {e}"))?;
        let mut by: Vec<(String, Vec<&Value>)> = Vec::new();
        for r in rows {
            let op = py_str(field(r, "op")?);
            match by.iter_mut().find(|(p, _)| *p == op) {
                Some((_, rs)) => rs.push(r),
                None => by.push((op, vec![r])),
            }
        }
        for (p, rs) in &by {
            lines.push(go_summary_line(p, rs).map_err(|e| format!("{DETECTION_GO}: {e}"))?);
        }
    }
    if let Some(rust) = rust {
        let f = |e: String| format!("{DETECTION_RUST}: {e}");
        for r in detection_rows(rust).map_err(f)? {
            let e = field(r, "extra").map_err(f)?;
            lines.push(format!(
                "- `{}`, gomap-failfast: a conflict reported in {:.1}% of {} runs, {} per run; \
                 {} accepted writes lost.",
                py_str(field(r, "op").map_err(f)?),
                100.0 * number(field(r, "median").map_err(f)?, "median").map_err(f)?,
                py_str(field(e, "runs").map_err(f)?),
                sig6(
                    number(
                        field(e, "detections_per_run").map_err(f)?,
                        "detections_per_run"
                    )
                    .map_err(f)?
                ),
                py_str(field(e, "lost_writes").map_err(f)?),
            ));
        }
    }
    Ok(if lines.is_empty() {
        "(no detection results yet: run `scripts/go-anchor.sh --only detect,readme`)".into()
    } else {
        lines.join("\n")
    })
}

fn go_summary_line(p: &str, rs: &[&Value]) -> Result<String, String> {
    // (median, map), compared as Python compares tuples; the first of equals is kept.
    let mut d = Vec::new();
    for r in rs {
        d.push((
            number(field(r, "median")?, "median")?,
            py_str(field(r, "map")?),
        ));
    }
    let less = |a: &(f64, String), b: &(f64, String)| {
        if a.0 != b.0 {
            a.0 < b.0
        } else {
            a.1 < b.1
        }
    };
    let (mut lo, mut hi) = (&d[0], &d[0]);
    for x in &d[1..] {
        if less(x, lo) {
            lo = x;
        }
        if less(hi, x) {
            hi = x;
        }
    }
    let mut fin = PySum::default();
    let mut corrupt = PySum::default();
    let mut n = PySum::default();
    for r in rs {
        let e = field(r, "extra")?;
        fin.add(field(e, "finished")?)?;
        corrupt.add(
            e.get("finished_wrong_len_or_lost_keys")
                .unwrap_or(&Value::from(0)),
        )?;
        n.add(field(e, "runs")?)?;
    }
    Ok(format!(
        "- `{p}`: Go's detector killed {:.1}% ({}) to {:.1}% ({}) of the runs; {} of {} runs \
         finished, {} of those with a wrong `len` or lost keys.",
        100.0 * lo.0,
        lo.1,
        100.0 * hi.0,
        hi.1,
        fin.text(),
        n.text(),
        corrupt.text(),
    ))
}

// ---- numbers as the committed text writes them ----------------------------------------------

/// `k` of `n` as a percentage with one decimal (`38.3%`); `–` when `n` is 0.
pub fn pct(k: f64, n: f64) -> String {
    if n == 0.0 {
        "–".into()
    } else {
        format!("{:.1}%", 100.0 * k / n)
    }
}

/// Six significant digits, trailing zeros dropped, an exponent below 1e-4 and from 1e6
/// (`1170.25`, `98927.1`, `1.23457e+06`): Python's `format(x, "g")`.
pub fn sig6(x: f64) -> String {
    if !x.is_finite() {
        return if x.is_nan() {
            "nan".into()
        } else if x > 0.0 {
            "inf".into()
        } else {
            "-inf".into()
        };
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0" } else { "0" }.into();
    }
    // The exponent after rounding to six digits decides the notation.
    let sci = format!("{x:.5e}");
    let (mantissa, exp) = sci.split_once('e').expect("`{:e}` writes an exponent");
    let exp: i32 = exp.parse().expect("`{:e}` writes an integer exponent");
    if (-4..6).contains(&exp) {
        let fixed = format!("{x:.*}", (5 - exp) as usize);
        drop_zeros(&fixed).to_string()
    } else {
        format!("{}{}", drop_zeros(mantissa), py_exponent(exp))
    }
}

/// `1.50` → `1.5`, `2.000` → `2`; an integer is left alone.
fn drop_zeros(s: &str) -> &str {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    }
}

/// Python's exponent: a sign, at least two digits (`e+06`, `e-05`).
fn py_exponent(exp: i32) -> String {
    format!(
        "e{}{:02}",
        if exp < 0 { '-' } else { '+' },
        exp.unsigned_abs()
    )
}

/// A JSON value as Python's `str` writes it: an integer as is, a float in the shortest form
/// that reads back, with `.0` when whole (`0.72`, `24.0`, `1e-05`), a string unquoted.
pub fn py_str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "None".into(),
        Value::Bool(b) => if *b { "True" } else { "False" }.into(),
        Value::Number(n) if n.is_f64() => py_float(n.as_f64().unwrap_or(f64::NAN)),
        Value::Number(n) => n.to_string(),
        other => other.to_string(),
    }
}

/// Python's `repr` of a float. Rust's `Debug` picks the same digits and the same switch to
/// an exponent (below 1e-4, from 1e16); only the exponent is spelled differently.
fn py_float(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.into();
    }
    let s = format!("{x:?}");
    match s.split_once('e') {
        Some((m, e)) => format!(
            "{m}{}",
            py_exponent(e.parse().expect("an integer exponent"))
        ),
        None => s,
    }
}

/// A Python `sum` of JSON numbers: an integer while every term is one.
#[derive(Default)]
struct PySum {
    int: i128,
    float: Option<f64>,
}

impl PySum {
    fn add(&mut self, v: &Value) -> Result<(), String> {
        match (v.as_i64(), v.as_u64(), self.float) {
            (Some(i), _, None) => self.int += i128::from(i),
            (_, Some(u), None) => self.int += i128::from(u),
            _ => {
                let x = number(v, "a count")?;
                self.float = Some(self.float.unwrap_or(self.int as f64) + x);
            }
        }
        Ok(())
    }

    fn text(&self) -> String {
        match self.float {
            Some(x) => py_float(x),
            None => self.int.to_string(),
        }
    }
}

/// The distinct values of `vs`, lowest first, as Python writes `sorted(set(vs))`.
fn sorted_set(vs: &[&Value]) -> Result<String, String> {
    let mut seen: Vec<(f64, &Value)> = Vec::new();
    for v in vs {
        let x = number(v, "a value")?;
        if !seen.iter().any(|(y, _)| *y == x) {
            seen.push((x, v));
        }
    }
    seen.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(Ordering::Equal));
    Ok(seen
        .iter()
        .map(|(_, v)| py_str(v))
        .collect::<Vec<_>>()
        .join(", "))
}

// ---- JSON access, Python's way ---------------------------------------------------------------

/// Python's truth: `null`, `false`, 0, `""`, `[]` and `{}` are false.
fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64() != Some(0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

fn field<'a>(v: &'a Value, key: &str) -> Result<&'a Value, String> {
    v.get(key).ok_or_else(|| format!("no field `{key}`"))
}

fn number(v: &Value, what: &str) -> Result<f64, String> {
    match v {
        Value::Number(n) => n
            .as_f64()
            .ok_or_else(|| format!("`{what}` is out of range")),
        Value::Bool(b) => Ok(f64::from(u8::from(*b))),
        _ => Err(format!("`{what}` is not a number: {v}")),
    }
}

fn string<'a>(v: &'a Value, what: &str) -> Result<&'a str, String> {
    v.as_str()
        .ok_or_else(|| format!("`{what}` is not a string: {v}"))
}

fn array<'a>(v: &'a Value, what: &str) -> Result<&'a [Value], String> {
    v.as_array()
        .map(Vec::as_slice)
        .ok_or_else(|| format!("`{what}` is not a list"))
}

fn object<'a>(v: &'a Value, what: &str) -> Result<&'a serde_json::Map<String, Value>, String> {
    v.as_object()
        .ok_or_else(|| format!("`{what}` is not an object"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The expected strings are what Python 3 prints for the same values.
    #[test]
    fn six_significant_digits_as_python_writes_them() {
        for (x, want) in [
            (1170.2533, "1170.25"),
            (98927.1, "98927.1"),
            (745.9933, "745.993"),
            (0.0, "0"),
            (100.0, "100"),
            (0.5, "0.5"),
            (1e6, "1e+06"),
            (999999.5, "1e+06"),
            (1234567.0, "1.23457e+06"),
            (123456789.0, "1.23457e+08"),
            (0.0001, "0.0001"),
            (0.000123456789, "0.000123457"),
            (0.00001234, "1.234e-05"),
            (-2.5e-5, "-2.5e-05"),
        ] {
            assert_eq!(sig6(x), want, "{x}");
        }
    }

    #[test]
    fn a_percentage_rounds_ties_to_even_and_zero_runs_give_a_dash() {
        assert_eq!(pct(115.0, 300.0), "38.3%");
        assert_eq!(pct(49.0, 400.0), "12.2%"); // 12.25 exactly
        assert_eq!(pct(51.0, 400.0), "12.8%"); // 12.75 exactly
        assert_eq!(pct(3.0, 0.0), "–");
    }

    #[test]
    fn values_print_as_python_str_prints_them() {
        for (v, want) in [
            (json!(24), "24"),
            (json!(24.0), "24.0"),
            (json!(0.72), "0.72"),
            (json!(1e-5), "1e-05"),
            (json!(1.5e-7), "1.5e-07"),
            (json!(1e16), "1e+16"),
            (json!(1e15), "1000000000000000.0"),
            (json!("AMD EPYC"), "AMD EPYC"),
            (json!(null), "None"),
            (json!(true), "True"),
        ] {
            assert_eq!(py_str(&v), want, "{v}");
        }
    }

    #[test]
    fn sums_stay_integers_until_a_float_comes() {
        let mut s = PySum::default();
        s.add(&json!(300)).unwrap();
        s.add(&json!(300)).unwrap();
        assert_eq!(s.text(), "600");
        s.add(&json!(0.5)).unwrap();
        s.add(&json!(1)).unwrap();
        assert_eq!(s.text(), "601.5");
        assert_eq!(
            sorted_set(&[&json!(300), &json!(20), &json!(300.0)]).unwrap(),
            "20, 300"
        );
    }

    #[test]
    fn the_version_table_is_what_lies_between_its_markers() {
        let text = "# x\n<!-- table:versions -->\n| a |\n|---|\n<!-- /table:versions -->\nmore\n";
        assert_eq!(versions_table(text), Some("| a |\n|---|"));
        assert_eq!(versions_table("<!-- table:versions -->\n| a |\n"), None);
        assert_eq!(versions_table("no table"), None);
    }

    fn flag() -> Value {
        json!({"builds": {
            "go1.25-noswiss": {"go_version": "go1.25.5", "variant": "noswiss", "functions": {
                "mapassign_fast64": {"symbol": "runtime.mapassign_fast64", "fatal_sites": [
                    {"role": "entry check", "fatal_at": "map_fast64_noswiss.go:124"},
                    {"role": "recheck", "fatal_at": "map_fast64_noswiss.go:199"}]}}}}})
    }

    #[test]
    fn fired_sites_are_named_by_role_most_frequent_first() {
        let roles = site_roles(Some(&flag())).unwrap();
        let extra = json!({
            "go_version": "go1.25.5 X:noswissmap",
            "map_variant": "noswiss",
            "fired_at": {
                "runtime.mapassign_fast64 map_fast64_noswiss.go:124": 3,
                "runtime.mapassign_fast64 map_fast64_noswiss.go:199": 7,
                "runtime.mapassign_fast64 map_fast64_noswiss.go:300": 3,
            }
        });
        assert_eq!(
            fired_cell(&extra, &roles).unwrap(),
            "mapassign_fast64 recheck (map_fast64_noswiss.go:199): 7; \
             mapassign_fast64 entry check (map_fast64_noswiss.go:124): 3; \
             mapassign_fast64 map_fast64_noswiss.go:300: 3"
        );
        // Another build: the sites are shown without roles.
        let swiss = json!({"go_version": "go1.25.5", "map_variant": "swiss",
            "fired_at": {"runtime.mapassign_fast64 runtime_fast64_swiss.go:205": 1}});
        assert_eq!(
            fired_cell(&swiss, &roles).unwrap(),
            "mapassign_fast64 runtime_fast64_swiss.go:205: 1"
        );
        assert_eq!(fired_cell(&json!({"fired_at": {}}), &roles).unwrap(), "–");
        assert_eq!(fired_cell(&json!({}), &SiteRoles::new()).unwrap(), "–");
    }

    fn run() -> Value {
        json!({"timestamp": "2026-12-02T15:52:45Z", "git_revision": "d7a9b55e631e", "git_dirty": true,
            "machine": {"cpu_model": "AMD EPYC", "cores": 2, "memory_gib": 24, "os": "Debian",
                "kernel": "6.1", "thp": "madvise"}})
    }

    fn go_row(op: &str, map: &str, median: f64, finished: u64) -> Value {
        json!({"suite": "detection", "op": op, "map": map, "median": median, "valid": true,
            "extra": {"runs": 300, "finished": finished, "died_otherwise": 0, "hung": 0,
                "died_concurrent_map_writes": 300 - finished,
                "died_concurrent_map_read_and_map_write": 0,
                "finished_wrong_len_or_lost_keys": 0, "finished_wrong_len": 0,
                "finished_lost_keys": 0, "lost_keys_total": 0, "other_cpu_cores_session": 0.5}})
    }

    #[test]
    fn the_summary_gives_each_program_its_range_of_builds() {
        let go = json!({"run": run(), "rows": [
            go_row("same-keys", "b map", 0.5, 150),
            json!({"suite": "ops", "op": "same-keys", "map": "x", "median": 0.0}),
            go_row("same-keys", "a map", 0.5, 150),
            go_row("same-keys", "c map", 0.6, 120),
        ]});
        assert_eq!(
            summary(Some(&go), None).unwrap(),
            "- `same-keys`: Go's detector killed 50.0% (a map) to 60.0% (c map) of the runs; \
             420 of 900 runs finished, 0 of those with a wrong `len` or lost keys."
        );
        assert!(summary(None, None)
            .unwrap()
            .starts_with("(no detection results yet"));
    }

    #[test]
    fn a_go_row_and_its_machine_line() {
        let mut row = go_row("same-keys", "go1.25 noswiss map", 0.5, 150);
        row["extra"]["go_version"] = json!("go1.25.5");
        row["extra"]["map_variant"] = json!("noswiss");
        row["extra"]["died_otherwise"] = json!(1);
        row["extra"]["other_messages"] = json!({"fatal error: bad map state": 1});
        row["extra"]["fired_at"] =
            json!({"runtime.mapassign_fast64 map_fast64_noswiss.go:124": 150});
        let doc = json!({"run": run(), "rows": [row]});
        let out = go_tables(&doc, &site_roles(Some(&flag())).unwrap()).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines[0],
            "Go builds: measured 2026-12-02 on AMD EPYC, 2 cores, 24 GiB, Debian, kernel 6.1, \
             THP madvise; git d7a9b55 (dirty). N = 300 runs per cell, each a fresh process, \
             GOMAXPROCS=2, both goroutines released by one spin barrier. Other processes kept \
             0.5 of the 2 cores busy over the session (load lowers every rate: the two \
             goroutines overlap less)."
        );
        assert_eq!(
            lines[4],
            "| same-keys | go1.25 noswiss map | 300 | 50.0% | 0.0% | 0.3% (fatal error: bad map \
             state: 1) | 0.0% | 50.0% | 0.0% (0 wrong len, 0 lost keys, 0 keys lost in all) | \
             mapassign_fast64 entry check (map_fast64_noswiss.go:124): 150 |"
        );
    }

    #[test]
    fn a_rust_row() {
        let doc = json!({"run": run(), "rows": [{"suite": "detection", "op": "same-keys",
            "median": 0.95, "valid": false, "extra": {"runs": 300, "detected": 286,
            "detected_ci95": [0.9232, 0.972], "detections_per_run": 1170.2533,
            "refused_writes_per_run": 1170.2533, "lost_writes": 0, "runs_wrong_len": 0,
            "other_cpu_pct_of_one_core": 4.2, "validation_error": "lost 1"}}]});
        let out = rust_table(&doc).unwrap();
        assert!(out.lines().next().unwrap().ends_with(
            "a refused write is not retried. Other processes used 0.04 cores during the four programs."
        ));
        assert_eq!(
            out.lines().nth(4).unwrap(),
            "| same-keys | 300 | 95.3% [92.3, 97.2] | 1170.25 | 1170.25 | 0 | 0 | NO: lost 1 |"
        );
    }

    #[test]
    fn a_missing_file_makes_its_block_say_so_and_a_missing_field_is_named() {
        let none = Sources::default();
        for b in blocks() {
            let out = (b.render)(&none).unwrap();
            assert!(out.starts_with("(no "), "{}: {out}", b.name);
            assert!(out.ends_with(")\n"), "{}: {out}", b.name);
        }
        let mut s = Sources::default();
        s.insert(DETECTION_RUST, r#"{"run": {}, "rows": []}"#.into());
        let rust = blocks()
            .into_iter()
            .find(|b| b.name == "detection-rust")
            .unwrap();
        let err = (rust.render)(&s).unwrap_err();
        assert!(
            err.contains(DETECTION_RUST) && err.contains("machine"),
            "{err}"
        );
    }
}
