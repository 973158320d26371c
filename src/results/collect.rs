//! Criterion's output turned into result rows.
//!
//! Criterion writes, per benchmark, `target/criterion/<group>/<function>/<value>/new/` with
//! `benchmark.json` (the ids), `estimates.json` (median and its 95% confidence interval) and
//! `sample.json` (per-sample iteration counts and total times, in ns). Our benches name
//! things so the ids carry the row identity:
//!
//! * group `"<suite>/<op>"`, e.g. `ops/get_hit`, naming one of the suites and ops of
//!   [`schema`](super::schema);
//! * function `"<map>[/<isa>]"`, e.g. `gomap/fast64/avx2`: a last segment that is an ISA name
//!   (`scalar`, `swar`, `sse2`, `avx2`, `avx512`, `neon`) is the row's isa, and a function
//!   id that is an ISA name alone (a probe strategy, `swar`) is both map and isa; otherwise
//!   the row has no isa (`-`): nothing is guessed. [`function_id`] writes ids this way;
//! * value `"<size>"`, or `key=value` pairs joined by `,` (`size=1024,threads=4,dist=zipf`);
//!   absent: size 0, threads 1, dist `-`.
//!
//! Samples are ns per iteration (`times[i] / iters[i]`), divided by the element count when
//! the benchmark declares `Throughput::Elements(n)` (one iteration = n operations), so the
//! unit is always ns/op. The median and `extra.ci95_low/high` come from criterion's own
//! estimate of the median. Benchmarks whose ids do not fit are skipped with a note.

use super::error::ResultsError;
use super::schema::{Results, Row, RunInfo, Unit};
use crate::vocabulary::{Dist, Identity, Isa, OpId, Suite};
use serde::Deserialize;
use std::fs;
use std::path::{Path, PathBuf};

/// The criterion function id of a map whose timed code ran with `isa`: `<map>/<isa>`, so
/// that [`split_isa`] recovers the ISA instead of guessing it (a map named after its ISA, such
/// as a probe strategy `sse2`, is kept as is).
pub fn function_id(map: &str, isa: Isa) -> String {
    if map.rsplit('/').next() == Some(isa.name()) {
        map.to_string()
    } else {
        format!("{map}/{isa}")
    }
}

/// Rows found under a criterion directory, and what was skipped and why.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Collected {
    pub rows: Vec<Row>,
    pub skipped: Vec<String>,
}

#[derive(Deserialize)]
struct BenchmarkJson {
    group_id: String,
    function_id: Option<String>,
    value_str: Option<String>,
    throughput: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct ConfidenceInterval {
    lower_bound: f64,
    upper_bound: f64,
}

#[derive(Deserialize)]
struct Estimate {
    confidence_interval: ConfidenceInterval,
    point_estimate: f64,
}

#[derive(Deserialize)]
struct EstimatesJson {
    median: Estimate,
}

#[derive(Deserialize)]
struct SampleJson {
    iters: Vec<f64>,
    times: Vec<f64>,
}

/// Collects the rows under `criterion_dir` and wraps them with `run`, the facts of the run
/// that collects them (see `harness::measuring::facts`).
pub fn collect(criterion_dir: &Path, run: RunInfo) -> Result<(Results, Vec<String>), ResultsError> {
    let got = collect_rows(criterion_dir)?;
    Ok((Results::new(run, got.rows), got.skipped))
}

/// Every `new/benchmark.json` under `criterion_dir` as a row, sorted by identity.
pub fn collect_rows(criterion_dir: &Path) -> Result<Collected, ResultsError> {
    if !criterion_dir.is_dir() {
        return Err(ResultsError::at(
            criterion_dir,
            "not a directory (run `cargo bench` first?)",
        ));
    }
    let mut dirs = Vec::new();
    find_new_dirs(criterion_dir, &mut dirs)?;
    dirs.sort();
    let mut out = Collected::default();
    for dir in dirs {
        match row_from_dir(&dir)? {
            Ok(row) => out.rows.push(row),
            Err(why) => out.skipped.push(format!("{}: {why}", dir.display())),
        }
    }
    out.rows.sort_by_key(Row::identity);
    // Two ids that map to one identity (e.g. `x/avx2` and a bare `x` on an AVX2 machine)
    // cannot both be kept: a results file never repeats an identity.
    let before = out.rows.len();
    out.rows.dedup_by_key(|r| r.identity());
    if out.rows.len() != before {
        out.skipped.push(format!(
            "{} benchmark(s) dropped: same identity as another",
            before - out.rows.len()
        ));
    }
    Ok(out)
}

/// Directories named `new` that hold a `benchmark.json` (criterion's `base` and `change`
/// directories hold older or derived data).
fn find_new_dirs(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), ResultsError> {
    let entries = fs::read_dir(dir).map_err(|e| ResultsError::io(dir, "list", e))?;
    for entry in entries {
        let path = entry.map_err(|e| ResultsError::io(dir, "list", e))?.path();
        if !path.is_dir() {
            continue;
        }
        if path.file_name().is_some_and(|n| n == "new") && path.join("benchmark.json").is_file() {
            out.push(path);
        } else {
            find_new_dirs(&path, out)?;
        }
    }
    Ok(())
}

fn load<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<T, ResultsError> {
    let text = fs::read_to_string(path).map_err(|e| ResultsError::io(path, "read", e))?;
    serde_json::from_str(&text).map_err(|e| ResultsError::at(path, format!("malformed ({e})")))
}

/// The row of one `new` directory: `Err(ResultsError)` for unreadable files, `Ok(Err(why))`
/// for a benchmark that does not follow the naming convention.
fn row_from_dir(dir: &Path) -> Result<Result<Row, String>, ResultsError> {
    let b: BenchmarkJson = load(&dir.join("benchmark.json"))?;
    let Some(function) = b.function_id.as_deref() else {
        return Ok(Err(format!(
            "benchmark {:?} has no function id (expected <map>[/<isa>])",
            b.group_id
        )));
    };
    let Some((suite, op)) = b.group_id.split_once('/') else {
        return Ok(Err(format!("group {:?} is not <suite>/<op>", b.group_id)));
    };
    let (suite, op): (Suite, OpId) = match (suite.parse(), op.parse()) {
        (Ok(s), Ok(o)) => (s, o),
        (Err(e), _) | (_, Err(e)) => return Ok(Err(format!("group {:?}: {e}", b.group_id))),
    };
    let (map, isa) = split_isa(function);
    let param = match parse_value(b.value_str.as_deref()) {
        Ok(p) => p,
        Err(why) => return Ok(Err(why)),
    };
    let elements = b
        .throughput
        .as_ref()
        .and_then(|t| t.get("Elements"))
        .and_then(serde_json::Value::as_f64)
        .filter(|&n| n > 0.0)
        .unwrap_or(1.0);

    let est: EstimatesJson = load(&dir.join("estimates.json"))?;
    let sample: SampleJson = load(&dir.join("sample.json"))?;
    let samples: Vec<f64> = sample
        .times
        .iter()
        .zip(&sample.iters)
        .filter(|(_, &n)| n > 0.0)
        .map(|(t, n)| t / n / elements)
        .collect();
    if samples.is_empty() {
        return Ok(Err("no samples".into()));
    }

    let id = Identity::new(suite, map, op)
        .size(param.size)
        .threads(param.threads)
        .dist(param.dist)
        .isa(isa);
    let mut row = Row::new(id, Unit::NsPerOp, samples);
    row.median = est.median.point_estimate / elements;
    let ci = &est.median.confidence_interval;
    row.extra.ci95_low = Some(ci.lower_bound / elements);
    row.extra.ci95_high = Some(ci.upper_bound / elements);
    if elements != 1.0 {
        row.extra.ops_per_iter = Some(elements);
    }
    Ok(Ok(row))
}

/// `gomap/fast64/avx2` → (`gomap/fast64`, avx2); a bare ISA name (a probe strategy such
/// as `sse2`) → (`sse2`, sse2); no ISA suffix → no isa. The inverse of [`function_id`].
pub fn split_isa(function: &str) -> (String, Option<Isa>) {
    if let Ok(isa) = function.parse::<Isa>() {
        return (function.to_string(), Some(isa));
    }
    if let Some((map, last)) = function.rsplit_once('/') {
        if let Ok(isa) = last.parse::<Isa>() {
            return (map.to_string(), Some(isa));
        }
    }
    // No guessing: a benchmark whose ISA matters spells it (see the module docs).
    (function.to_string(), None)
}

struct Param {
    size: u64,
    threads: u32,
    dist: Option<Dist>,
}

/// `1024`, or `size=1024,threads=4,dist=zipf` (any subset), or nothing.
fn parse_value(v: Option<&str>) -> Result<Param, String> {
    let mut p = Param {
        size: 0,
        threads: 1,
        dist: None,
    };
    let Some(v) = v.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(p);
    };
    if let Ok(size) = v.parse() {
        p.size = size;
        return Ok(p);
    }
    for part in v.split(',') {
        let bad = || format!("parameter {v:?} is not <size> or size=…,threads=…,dist=…");
        let (k, val) = part.split_once('=').ok_or_else(bad)?;
        match k.trim() {
            "size" => p.size = val.trim().parse().map_err(|_| bad())?,
            "threads" => p.threads = val.trim().parse().map_err(|_| bad())?,
            "dist" => p.dist = Some(val.trim().parse().map_err(|_| bad())?),
            _ => return Err(bad()),
        }
    }
    Ok(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn isa_suffix_convention() {
        assert_eq!(
            split_isa("gomap/fast64/avx2"),
            ("gomap/fast64".into(), Some(Isa::Avx2))
        );
        // Without a spelled ISA nothing is guessed (the contention bench's rows).
        assert_eq!(split_isa("gomap-rwlock"), ("gomap-rwlock".into(), None));
        assert_eq!(split_isa("hashbrown"), ("hashbrown".into(), None));
        // The probe bench's strategies are ISA names themselves (as the CLI's rows have it).
        assert_eq!(split_isa("swar"), ("swar".into(), Some(Isa::Swar)));
        for (map, isa) in [("gomap/fast64", Isa::Avx2), ("sse2", Isa::Sse2)] {
            assert_eq!(split_isa(&function_id(map, isa)), (map.into(), Some(isa)));
        }
    }

    #[test]
    fn parameters() {
        assert_eq!(parse_value(Some("1024")).unwrap().size, 1024);
        let p = parse_value(Some("size=8,threads=4,dist=zipf")).unwrap();
        assert_eq!((p.size, p.threads, p.dist), (8, 4, Some(Dist::Zipf)));
        assert!(parse_value(Some("big")).is_err());
        assert_eq!(parse_value(None).unwrap().size, 0);
    }
}
