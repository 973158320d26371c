//! The `locate` command: where a single-thread lookup's time goes, in one results file.
//!
//! Three suites, each a short version of its criterion bench:
//! - `locate`: the bucket index alone (throughput and latency), precomputed vs from-B, and
//!   in situ (get-hit through both strategies, generic and fast64 paths), with the paired
//!   difference and its 95% confidence interval at every size;
//! - `probe`: each tophash probe strategy on the same stream of buckets;
//! - `ops`: GoMap (generic; fast64 scalar and vector) vs hashbrown vs std, five operations.

use super::index_kernels::{self, Header, IndexKernel};
use super::keys::SplitMix64;
use super::paired::diff_ci95;
use super::probe_kernels::{self, Pattern};
use super::single::{iters_for, measure, Fixture, Op, Reader};
use crate::contenders::single::{self as contenders, Entry, SingleMap, Visit};
use crate::gomap::locate::{FromB, Locate, Precomputed};
use crate::gomap::probe::{Probe, Scalar, Swar};
use crate::isa::Isa;
use crate::results::schema::{Identity, OpId, Row, Suite, Unit};
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
            maps: contenders::ops_defaults()
                .into_iter()
                .map(String::from)
                .collect(),
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
        if let Some(&s) = self
            .sizes
            .iter()
            .find(|&&s| !(MIN_SIZE..=MAX_SIZE).contains(&s))
        {
            return Err(format!(
                "size {s}: sizes must be powers of two from 2^{} to 2^{}",
                MIN_SIZE.trailing_zeros(),
                MAX_SIZE.trailing_zeros()
            ));
        }
        if let Some(&s) = self.sizes.iter().find(|s| !s.is_power_of_two()) {
            return Err(format!("size {s}: sizes must be powers of two"));
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

/// Progress lines go to stderr through this.
pub type Log<'a> = &'a mut dyn FnMut(&str);

/// The smallest and largest map sizes the suites accept.
pub const MIN_SIZE: usize = 1 << 4;
pub const MAX_SIZE: usize = 1 << 28;

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
    fn visit<M: SingleMap>(self, entry: &Entry) -> Row {
        let r = measure::<M>(self.op, self.fx, self.cfg.reps, self.cfg.secs);
        let id = Identity::new(Suite::Ops, entry.map, self.op)
            .size(self.fx.n as u64)
            .isa(Some(M::isa()));
        ns_row(id, r)
    }
}

/// A ns/op row from a measurement, or an invalid row (no samples: its median, min and max
/// are NaN, written as null) carrying the validation error.
fn ns_row(id: Identity, r: Result<Vec<f64>, String>) -> Row {
    match r {
        Ok(samples) => Row::new(id, Unit::NsPerOp, samples),
        Err(e) => Row::failed(id, Unit::NsPerOp, e),
    }
}

/// The paired-difference row: samples are the differences A − B (ns/op), with the CI.
fn diff_row(id: Identity, a: &[f64], b: &[f64]) -> Row {
    let diffs: Vec<f64> = a.iter().zip(b).map(|(x, y)| x - y).collect();
    let (mean, lo, hi) = diff_ci95(a, b);
    let mut row = Row::new(id, Unit::NsPerOp, diffs);
    row.extra.mean_diff = Some(mean);
    row.extra.ci95_low = Some(lo);
    row.extra.ci95_high = Some(hi);
    row
}

/// The map name of a paired-difference row: `<a>-minus-<b>`, prefixed by the path.
fn difference_name(path: Option<&str>) -> String {
    let pair = format!("{}-minus-{}", Precomputed::NAME, FromB::NAME);
    match path {
        Some(p) => format!("{p}: {pair}"),
        None => pair,
    }
}

/// `precomputed − from-B = +0.123 ns [+0.100, +0.150]`, from a difference row.
fn difference_text(d: &Row) -> String {
    let x = |v: Option<f64>| v.unwrap_or(f64::NAN);
    format!(
        "{:+.3} [{:+.3}, {:+.3}]",
        x(d.extra.mean_diff),
        x(d.extra.ci95_low),
        x(d.extra.ci95_high)
    )
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
    // Plain integer code: no vector unit involved.
    const ISA: Isa = Isa::Scalar;
    let mut rng = SplitMix64(7);
    let hashes: Vec<u64> = (0..4096).map(|_| rng.next_u64()).collect();
    let table: Vec<u64> = (0..1usize << B).map(|_| rng.next_u64()).collect();
    let header = Header::new(B);
    let headers = [header, header];
    let mut rows = Vec::new();
    type Kernel<'a> = Box<dyn Fn(u64) -> Duration + 'a>;
    let shapes: [(IndexKernel, Kernel, Kernel); 2] = [
        (
            IndexKernel::Throughput,
            Box::new(|n| index_kernels::throughput::<Precomputed>(&header, &hashes, n)),
            Box::new(|n| index_kernels::throughput::<FromB>(&header, &hashes, n)),
        ),
        (
            IndexKernel::Latency,
            Box::new(|n| index_kernels::latency::<Precomputed>(&headers, &table, n)),
            Box::new(|n| index_kernels::latency::<FromB>(&headers, &table, n)),
        ),
    ];
    for (kernel, pre, fromb) in shapes {
        let probe = 1 << 20;
        let iters = iters_for(cfg.secs, pre(probe), probe);
        let ns = |k: &Kernel| Ok(k(iters).as_nanos() as f64 / iters as f64);
        let (a, b) =
            interleave(cfg.reps * 2, || ns(&pre), || ns(&fromb)).expect("kernels cannot fail");
        let id = |map: &str| {
            Identity::new(Suite::Locate, map, kernel)
                .size(1 << B)
                .isa(Some(ISA))
        };
        rows.push(Row::new(id(Precomputed::NAME), Unit::NsPerOp, a.clone()));
        rows.push(Row::new(id(FromB::NAME), Unit::NsPerOp, b.clone()));
        let d = diff_row(id(&difference_name(None)), &a, &b);
        log(&format!(
            "locate {:<18} precomputed − from-B = {} ns",
            kernel.name(),
            difference_text(&d)
        ));
        rows.push(d);
    }
    rows
}

/// Get-hit through both strategies at one size, generic and fast64, interleaved: each map
/// the registry lists with a from-B twin, against that twin.
fn in_situ_rows(cfg: &LocateConfig, fx: &Fixture, log: Log) -> Vec<Row> {
    use crate::gomap::KeysScalar;
    use contenders::{GoFast64, GoGeneric};
    let mut rows = Vec::new();
    let reps = cfg.reps * 2;
    let twins: Vec<Entry> = contenders::entries()
        .into_iter()
        .filter(|e| e.from_b_of.is_some())
        .collect();
    for twin in twins {
        let path = twin.from_b_of.expect("filtered");
        let main = contenders::entry(path).expect("a twin's map is registered");
        // The pairs are typed here (a name-by-name dispatch of two types would compile every
        // combination); the registry says which pairs exist.
        let r = match path {
            "gomap/generic" => {
                paired::<GoGeneric<Precomputed>, GoGeneric<FromB>>(fx, cfg.secs, reps)
            }
            "gomap/fast64" => paired::<
                GoFast64<KeysScalar, Precomputed>,
                GoFast64<KeysScalar, FromB>,
            >(fx, cfg.secs, reps),
            other => Err(format!("no in-situ pair for {other}")),
        };
        let id = |map: &str| {
            Identity::new(Suite::Locate, map, Op::GetHit)
                .size(fx.n as u64)
                .isa(Some(main.isa()))
        };
        let short = path.strip_prefix("gomap/").unwrap_or(path);
        match r {
            Ok((a, b)) => {
                let d = diff_row(id(&difference_name(Some(short))), &a, &b);
                log(&format!(
                    "locate in situ {short:<8} 2^{:<2} precomputed {:.2} vs from-B {:.2} ns: diff {}",
                    fx.n.trailing_zeros(),
                    crate::results::schema::summarize(&a).0,
                    crate::results::schema::summarize(&b).0,
                    difference_text(&d)
                ));
                rows.push(ns_row(id(main.map), Ok(a)));
                rows.push(ns_row(id(twin.map), Ok(b)));
                rows.push(d);
            }
            Err(e) => rows.push(ns_row(id(main.map), Err(e))),
        }
    }
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
        type Strategy<'a> = (Isa, Box<dyn Fn(u64) -> Duration + 'a>, Result<(), String>);
        let mut strategies: Vec<Strategy> = vec![
            (
                Scalar::ISA,
                Box::new(|n| probe_kernels::run::<Scalar>(&cases, n)),
                probe_kernels::validate::<Scalar>(p, &cases),
            ),
            (
                Swar::ISA,
                Box::new(|n| probe_kernels::run::<Swar>(&cases, n)),
                probe_kernels::validate::<Swar>(p, &cases),
            ),
        ];
        #[cfg(target_arch = "x86_64")]
        {
            use crate::gomap::probe::Sse2;
            strategies.push((
                Sse2::ISA,
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
        for ((isa, _, valid), s) in strategies.iter().zip(samples) {
            // A probe strategy is named by its ISA: it is both the row's map and its isa.
            let id = Identity::new(Suite::Probe, isa.name(), OpId::Probe(p)).isa(Some(*isa));
            let row = match valid {
                Ok(()) => ns_row(id, Ok(s)),
                Err(e) => {
                    let mut row = ns_row(id, Ok(s));
                    row.invalidate(e.clone());
                    row
                }
            };
            line += &format!("  {isa} {:.3}", row.median);
            rows.push(row);
        }
        log(&format!("{line} ns/probe"));
    }
    rows
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
        assert!(rows.iter().any(|r| r.id.suite == Suite::Probe));
        assert!(rows
            .iter()
            .any(|r| r.is_difference() && r.extra.ci95_low.is_some()));
        assert_eq!(rows.iter().filter(|r| r.id.suite == Suite::Ops).count(), 4);
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
        cfg = LocateConfig::quick();
        cfg.sizes = vec![1 << 29];
        assert!(cfg.validate().unwrap_err().contains("2^28"));
    }
}
