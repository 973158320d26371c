//! The `locate` command: where a single-thread lookup's time goes, in one results file.
//!
//! Three suites, each a short version of its criterion bench:
//! - `locate`: the bucket index alone (throughput and latency), precomputed vs from-B, and
//!   in situ (get-hit through both strategies, generic and fast64 paths), with the paired
//!   difference and its 95% confidence interval at every size;
//! - `probe`: each tophash probe strategy on the same stream of buckets;
//! - `ops`: GoMap (generic; fast64 scalar and vector) vs hashbrown vs std, five operations.

use super::index_kernels::{self, Header};
use super::keys::SplitMix64;
use super::paired::diff_ci95;
use super::probe_kernels::{self, Pattern};
use super::single::{iters_for, measure, Fixture, Op, Reader};
use crate::contenders::single::{self as contenders, SingleMap, Visit};
use crate::gomap::locate::{FromB, Locate, Precomputed};
use crate::gomap::probe::{Probe, Scalar, Swar};
use crate::results::schema::{Row, Unit};
use std::time::Duration;

/// What to run.
#[derive(Clone, Debug, serde::Serialize)]
pub struct LocateConfig {
    pub sizes: Vec<usize>,
    pub ops: Vec<String>,
    pub maps: Vec<String>,
    /// Samples per cell.
    pub reps: usize,
    /// Seconds per sample.
    pub secs: f64,
}

impl LocateConfig {
    pub fn default_full() -> Self {
        LocateConfig {
            sizes: vec![1 << 10, 1 << 16, 1 << 20, 1 << 23],
            ops: Op::ALL.iter().map(|o| o.name().to_string()).collect(),
            maps: default_ops_maps(),
            reps: 5,
            secs: 0.08,
        }
    }

    /// Under a minute on a 2-core machine.
    pub fn quick() -> Self {
        LocateConfig {
            sizes: vec![1 << 10, 1 << 16],
            reps: 3,
            secs: 0.02,
            ..Self::default_full()
        }
    }

    /// Checks names and numbers; a one-line error otherwise.
    pub fn validate(&self) -> Result<(), String> {
        for op in &self.ops {
            Op::parse(op).ok_or_else(|| format!("unknown op `{op}` (known: {})", op_names()))?;
        }
        let avail = contenders::available();
        for m in &self.maps {
            if !avail.contains(&m.as_str()) {
                return Err(format!(
                    "unknown or unavailable map `{m}` (available: {})",
                    avail.join(", ")
                ));
            }
        }
        if self.sizes.iter().any(|&s| s < 16) {
            return Err("sizes must be at least 16".into());
        }
        if self.reps == 0 || self.secs.is_nan() || self.secs <= 0.0 {
            return Err("reps and secs must be positive".into());
        }
        Ok(())
    }
}

fn op_names() -> String {
    Op::ALL
        .iter()
        .map(|o| o.name())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The maps of the ops suite: everything but the from-B variants (those are the locate suite's).
pub fn default_ops_maps() -> Vec<String> {
    contenders::available()
        .into_iter()
        .filter(|m| !m.ends_with("from-b"))
        .map(String::from)
        .collect()
}

/// Progress lines go to stderr through this.
pub type Log<'a> = &'a mut dyn FnMut(&str);

/// Runs the three suites; returns their rows.
pub fn run(cfg: &LocateConfig, log: Log) -> Result<Vec<Row>, String> {
    cfg.validate()?;
    let mut rows = Vec::new();
    rows.extend(index_rows(cfg, log));
    rows.extend(probe_rows(cfg, log));
    for &n in &cfg.sizes {
        let fx = Fixture::new(n);
        rows.extend(in_situ_rows(cfg, &fx, log));
        for op in &cfg.ops {
            let op = Op::parse(op).expect("validated");
            for map in &cfg.maps {
                let row =
                    contenders::dispatch(map, OpsCell { op, fx: &fx, cfg }).expect("validated");
                log(&format!(
                    "ops {:<16} {:<20} 2^{:<2} {:>8.2} ns/op{}",
                    op.name(),
                    map,
                    n.trailing_zeros(),
                    row.median,
                    if row.valid { "" } else { "  INVALID" }
                ));
                rows.push(row);
            }
        }
    }
    Ok(rows)
}

/// One ops cell: measure and validate, or a row marked invalid with the reason.
struct OpsCell<'a> {
    op: Op,
    fx: &'a Fixture,
    cfg: &'a LocateConfig,
}

impl Visit for OpsCell<'_> {
    type Out = Row;
    fn visit<M: SingleMap>(self, name: &str) -> Row {
        let r = measure::<M>(self.op, self.fx, self.cfg.reps, self.cfg.secs);
        let (map, isa) = contenders::row_identity(name, M::isa());
        ns_row("ops", map, self.op.name(), self.fx.n, isa, r)
    }
}

/// A ns/op row from a measurement, or an invalid row carrying the validation error.
fn ns_row(
    suite: &str,
    map: &str,
    op: &str,
    size: usize,
    isa: &str,
    r: Result<Vec<f64>, String>,
) -> Row {
    // An invalid cell has no samples: its median, min and max are NaN, written as null.
    let (samples, error) = match r {
        Ok(samples) => (samples, None),
        Err(e) => (Vec::new(), Some(e)),
    };
    let mut row = Row::from_samples(
        suite,
        map,
        op,
        size as u64,
        1,
        "-",
        isa,
        Unit::NsPerOp,
        samples,
    );
    if let Some(e) = error {
        row.valid = false;
        row.extra.insert("validation_error".into(), e.into());
    }
    row
}

/// The paired-difference row: samples are the differences A − B (ns/op), with the CI.
fn diff_row(op: &str, map: &str, size: usize, isa: &str, a: &[f64], b: &[f64]) -> Row {
    let diffs: Vec<f64> = a.iter().zip(b).map(|(x, y)| x - y).collect();
    let (mean, lo, hi) = diff_ci95(a, b);
    let mut row = Row::from_samples(
        "locate",
        map,
        op,
        size as u64,
        1,
        "-",
        isa,
        Unit::NsPerOp,
        diffs,
    );
    row.extra.insert("mean_diff".into(), mean.into());
    row.extra.insert("ci95_low".into(), lo.into());
    row.extra.insert("ci95_high".into(), hi.into());
    row
}

/// Alternates samples of two closures (A, B, A, B, …) so drift affects both alike.
fn interleave(
    reps: usize,
    mut a: impl FnMut() -> Result<f64, String>,
    mut b: impl FnMut() -> Result<f64, String>,
) -> Result<(Vec<f64>, Vec<f64>), String> {
    let (mut sa, mut sb) = (Vec::with_capacity(reps), Vec::with_capacity(reps));
    for _ in 0..reps {
        sa.push(a()?);
        sb.push(b()?);
    }
    Ok((sa, sb))
}

/// The bucket index alone: throughput and latency loops, both strategies, B = 10.
fn index_rows(cfg: &LocateConfig, log: Log) -> Vec<Row> {
    const B: u8 = 10;
    let mut rng = SplitMix64(7);
    let hashes: Vec<u64> = (0..4096).map(|_| rng.next_u64()).collect();
    let table: Vec<u64> = (0..1usize << B).map(|_| rng.next_u64()).collect();
    let header = Header::new(B);
    let headers = [header, header];
    let mut rows = Vec::new();
    type Kernel<'a> = Box<dyn Fn(u64) -> Duration + 'a>;
    let shapes: [(&str, Kernel, Kernel); 2] = [
        (
            "index_throughput",
            Box::new(|n| index_kernels::throughput::<Precomputed>(&header, &hashes, n)),
            Box::new(|n| index_kernels::throughput::<FromB>(&header, &hashes, n)),
        ),
        (
            "index_latency",
            Box::new(|n| index_kernels::latency::<Precomputed>(&headers, &table, n)),
            Box::new(|n| index_kernels::latency::<FromB>(&headers, &table, n)),
        ),
    ];
    for (op, pre, fromb) in shapes {
        let probe = 1 << 20;
        let iters = iters_for(cfg.secs, pre(probe), probe);
        let ns = |k: &Kernel| Ok(k(iters).as_nanos() as f64 / iters as f64);
        let (a, b) =
            interleave(cfg.reps * 2, || ns(&pre), || ns(&fromb)).expect("kernels cannot fail");
        rows.push(Row::from_samples(
            "locate",
            Precomputed::NAME,
            op,
            1 << B,
            1,
            "-",
            "scalar",
            Unit::NsPerOp,
            a.clone(),
        ));
        rows.push(Row::from_samples(
            "locate",
            FromB::NAME,
            op,
            1 << B,
            1,
            "-",
            "scalar",
            Unit::NsPerOp,
            b.clone(),
        ));
        let d = diff_row(op, "precomputed-minus-from-b", 1 << B, "scalar", &a, &b);
        log(&format!(
            "locate {op:<18} precomputed − from-B = {:+.3} ns [{:+.3}, {:+.3}]",
            d.extra["mean_diff"], d.extra["ci95_low"], d.extra["ci95_high"]
        ));
        rows.push(d);
    }
    rows
}

/// Get-hit through both strategies at one size, generic and fast64, interleaved.
fn in_situ_rows(cfg: &LocateConfig, fx: &Fixture, log: Log) -> Vec<Row> {
    use crate::gomap::KeysScalar;
    use contenders::{GoFast64, GoGeneric};
    let mut rows = Vec::new();
    let mut pair = |path: &str, isa: &str, r: Result<(Vec<f64>, Vec<f64>), String>| {
        let op = "get_hit";
        match r {
            Ok((a, b)) => {
                let d = diff_row(
                    op,
                    &format!("{path}: precomputed-minus-from-b"),
                    fx.n,
                    isa,
                    &a,
                    &b,
                );
                log(&format!(
                    "locate in situ {path:<8} 2^{:<2} precomputed {:.2} vs from-B {:.2} ns: diff {:+.3} [{:+.3}, {:+.3}]",
                    fx.n.trailing_zeros(),
                    crate::results::schema::summarize(&a).0,
                    crate::results::schema::summarize(&b).0,
                    d.extra["mean_diff"],
                    d.extra["ci95_low"],
                    d.extra["ci95_high"]
                ));
                rows.push(ns_row(
                    "locate",
                    &format!("gomap/{path}"),
                    op,
                    fx.n,
                    isa,
                    Ok(a),
                ));
                rows.push(ns_row(
                    "locate",
                    &format!("gomap/{path}/from-b"),
                    op,
                    fx.n,
                    isa,
                    Ok(b),
                ));
                rows.push(d);
            }
            Err(e) => rows.push(ns_row(
                "locate",
                &format!("gomap/{path}"),
                op,
                fx.n,
                isa,
                Err(e),
            )),
        }
    };
    let reps = cfg.reps * 2;
    pair(
        "generic",
        <GoGeneric as SingleMap>::isa(),
        paired::<GoGeneric<Precomputed>, GoGeneric<FromB>>(fx, cfg.secs, reps),
    );
    pair(
        "fast64",
        <GoFast64<KeysScalar> as SingleMap>::isa(),
        paired::<GoFast64<KeysScalar, Precomputed>, GoFast64<KeysScalar, FromB>>(
            fx, cfg.secs, reps,
        ),
    );
    rows
}

fn paired<A: SingleMap, B: SingleMap>(
    fx: &Fixture,
    secs: f64,
    reps: usize,
) -> Result<(Vec<f64>, Vec<f64>), String> {
    let mut ra = Reader::<A>::new(Op::GetHit, fx, secs)?;
    let mut rb = Reader::<B>::new(Op::GetHit, fx, secs)?;
    interleave(reps, || ra.sample(), || rb.sample())
}

/// Each probe strategy on the same buckets, every pattern.
fn probe_rows(cfg: &LocateConfig, log: Log) -> Vec<Row> {
    let mut rows = Vec::new();
    for p in Pattern::all() {
        let cases = probe_kernels::cases(p, 4096);
        type Strategy<'a> = (
            &'a str,
            Box<dyn Fn(u64) -> Duration + 'a>,
            Result<(), String>,
        );
        let mut strategies: Vec<Strategy> = vec![
            (
                Scalar::NAME,
                Box::new(|n| probe_kernels::run::<Scalar>(&cases, n)),
                probe_kernels::validate::<Scalar>(p, &cases),
            ),
            (
                Swar::NAME,
                Box::new(|n| probe_kernels::run::<Swar>(&cases, n)),
                probe_kernels::validate::<Swar>(p, &cases),
            ),
        ];
        #[cfg(target_arch = "x86_64")]
        {
            use crate::gomap::probe::Sse2;
            strategies.push((
                Sse2::NAME,
                Box::new(|n| probe_kernels::run::<Sse2>(&cases, n)),
                probe_kernels::validate::<Sse2>(p, &cases),
            ));
        }
        let probe = 1 << 20;
        let iters = iters_for(cfg.secs / 2.0, strategies[0].1(probe), probe);
        let mut samples: Vec<Vec<f64>> = vec![Vec::new(); strategies.len()];
        for _ in 0..cfg.reps {
            for (i, s) in strategies.iter().enumerate() {
                samples[i].push(s.1(iters).as_nanos() as f64 / iters as f64);
            }
        }
        let mut line = format!("probe {:<12}", p.name());
        for ((name, _, valid), s) in strategies.iter().zip(samples) {
            let mut row = ns_row("probe", name, &p.name(), 0, name, Ok(s));
            if let Err(e) = valid {
                row.valid = false;
                row.extra
                    .insert("validation_error".into(), e.clone().into());
            }
            line += &format!("  {name} {:.3}", row.median);
            rows.push(row);
        }
        log(&format!("{line} ns/probe"));
    }
    rows
}

/// The headline table: per op and size, each map's median and its ratio to hashbrown's
/// (measured in this run), then the precomputed − from-B differences with their intervals.
pub fn findings(rows: &[Row]) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let ops_rows = || rows.iter().filter(|r| r.suite == "ops");
    let mut sizes: Vec<u64> = ops_rows().map(|r| r.size).collect();
    sizes.sort_unstable();
    sizes.dedup();
    // Columns: one per (map, isa), in first-seen order.
    let mut cols: Vec<(&str, &str)> = Vec::new();
    for r in ops_rows() {
        if !cols.contains(&(r.map.as_str(), r.isa.as_str())) {
            cols.push((&r.map, &r.isa));
        }
    }
    let cell_of = |map: &str, isa: &str, op: &str, n: u64| {
        ops_rows().find(|r| r.map == map && r.isa == isa && r.op == op && r.size == n)
    };
    let _ = writeln!(out, "ns/op (median), ×hashbrown in brackets");
    let _ = write!(out, "{:<16} {:>5}", "op", "size");
    for (m, i) in &cols {
        let _ = write!(out, " {:>21}", format!("{m} [{i}]"));
    }
    out.push('\n');
    for op in Op::ALL {
        for &n in &sizes {
            let base = cell_of("hashbrown", "sse2", op.name(), n)
                .filter(|r| r.valid)
                .map(|r| r.median);
            let _ = write!(
                out,
                "{:<16} {:>5}",
                op.name(),
                format!("2^{}", n.trailing_zeros())
            );
            for (m, i) in &cols {
                let cell = match (cell_of(m, i, op.name(), n), base) {
                    (Some(r), _) if !r.valid => "INVALID".into(),
                    (Some(r), Some(b)) => format!("{:.2} [{:.2}×]", r.median, r.median / b),
                    (Some(r), None) => format!("{:.2}", r.median),
                    (None, _) => "—".into(),
                };
                let _ = write!(out, " {cell:>21}");
            }
            out.push('\n');
        }
    }
    let _ = writeln!(out, "\nprecomputed − from-B (ns/op, mean and 95% CI):");
    for r in rows.iter().filter(|r| r.map.contains("minus-from-b")) {
        let x = |k: &str| r.extra.get(k).and_then(|v| v.as_f64()).unwrap_or(f64::NAN);
        let _ = writeln!(
            out,
            "  {:<36} {:<16} 2^{:<2} {:+.3} [{:+.3}, {:+.3}]",
            r.map,
            r.op,
            r.size.trailing_zeros(),
            x("mean_diff"),
            x("ci95_low"),
            x("ci95_high")
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiny_run_produces_valid_rows() {
        let cfg = LocateConfig {
            sizes: vec![1 << 10],
            ops: vec!["get_hit".into(), "remove".into()],
            maps: vec!["gomap/fast64".into(), "hashbrown".into()],
            reps: 2,
            secs: 0.001,
        };
        let rows = run(&cfg, &mut |_| {}).unwrap();
        assert!(rows.iter().all(|r| r.valid), "{rows:?}");
        assert!(rows.iter().any(|r| r.suite == "probe"));
        assert!(rows
            .iter()
            .any(|r| r.map.contains("minus-from-b") && r.extra.contains_key("ci95_low")));
        assert_eq!(rows.iter().filter(|r| r.suite == "ops").count(), 4);
    }

    #[test]
    fn bad_config_is_one_line() {
        let mut cfg = LocateConfig::quick();
        cfg.maps = vec!["nope".into()];
        let e = cfg.validate().unwrap_err();
        assert!(e.contains("nope") && !e.contains('\n'));
        cfg = LocateConfig::quick();
        cfg.ops = vec!["fly".into()];
        assert!(cfg.validate().is_err());
    }
}
