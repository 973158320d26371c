//! Single-thread operations: the timed loops behind `benches/ops.rs`, `benches/locate.rs`
//! and `gomap-bench locate`, in one place so that criterion and the CLI time the same code.
//!
//! Every loop walks a pre-generated key stream (fixed seeds, shuffled order: see
//! [`keys`](crate::harness::workloads::keys)), consumes every result, and is followed by a validation: the
//! expected number of hits, the final length, and a sample of keys read back. Building and
//! prefilling maps is never timed.

use crate::contenders::single::SingleMap;
use crate::harness::measuring::rounds::Member;
use crate::harness::workloads::keys::{access_order, key};
use crate::vocabulary::Op;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// The keys of one size: present keys `key(0..n)`, absent keys `key(n..2n)`, each in the
/// shuffled access order.
#[derive(Clone)]
pub struct Fixture {
    pub n: usize,
    /// `key(i)` for i in the shuffled order; the value stored for `key(i)` is `i`.
    pub hits: Vec<u64>,
    /// `key(n + i)` in the shuffled order.
    pub misses: Vec<u64>,
}

impl Fixture {
    pub fn new(n: usize) -> Fixture {
        let order = access_order(n);
        Fixture {
            n,
            hits: order.iter().map(|&i| key(i as u64)).collect(),
            misses: order
                .iter()
                .map(|&i| key((n + i as usize) as u64))
                .collect(),
        }
    }

    /// A map holding every present key (inserted in index order, value = index).
    pub fn prefilled<M: SingleMap>(&self) -> M {
        let mut m = M::with_capacity(self.n);
        for i in 0..self.n as u64 {
            m.insert(key(i), i);
        }
        m
    }

    /// Checks a map that should hold exactly the present keys with values = index: its
    /// length and a sample of keys (every 61st, plus the first and last) read back.
    pub fn validate_full<M: SingleMap>(&self, m: &M) -> Result<(), String> {
        if m.len() != self.n {
            return Err(format!("len {} after filling {} keys", m.len(), self.n));
        }
        for i in (0..self.n as u64).step_by(61).chain([self.n as u64 - 1]) {
            if m.get(key(i)) != Some(i) {
                return Err(format!("key({i}) does not read back"));
            }
        }
        if m.get(key(self.n as u64)).is_some() {
            return Err("an absent key reads as present".into());
        }
        Ok(())
    }
}

/// Times `iters` lookups from `stream` (wrapping around), starting at `*cursor`; returns the
/// elapsed time and the number of hits. The sum of the values found goes to `black_box`.
#[inline(never)]
pub fn time_gets<M: SingleMap>(
    m: &M,
    stream: &[u64],
    cursor: &mut usize,
    iters: u64,
) -> (Duration, u64) {
    let mut i = *cursor;
    let len = stream.len();
    let (elapsed, hits, sum) = M::in_isa(
        m.isa_token(),
        #[inline(always)]
        || {
            let mut hits = 0u64;
            let mut sum = 0u64;
            let start = Instant::now();
            for _ in 0..iters {
                // Each lookup stands alone, like a call into Go's runtime: the compiler may
                // not keep the map's header (mask, B, array pointer) in registers across
                // lookups, which would hide exactly the cost the locate suite compares.
                let m = black_box(m);
                if let Some(v) = m.get(stream[i]) {
                    hits += 1;
                    sum = sum.wrapping_add(v);
                }
                i += 1;
                if i == len {
                    i = 0;
                }
            }
            (start.elapsed(), hits, sum)
        },
    );
    black_box(sum);
    *cursor = i;
    (elapsed, hits)
}

/// Times a read op on a prefilled map for `iters` lookups and checks every lookup's outcome.
pub fn time_read<M: SingleMap>(
    op: Op,
    fx: &Fixture,
    m: &M,
    cursor: &mut usize,
    iters: u64,
) -> Result<Duration, String> {
    let (stream, want) = match op {
        Op::GetHit => (&fx.hits, iters),
        Op::GetMiss => (&fx.misses, 0),
        _ => unreachable!("not a read op"),
    };
    let (d, hits) = time_gets(m, stream, cursor, iters);
    if hits != want {
        return Err(format!(
            "{}: {hits} hits in {iters} lookups, expected {want}",
            op.name()
        ));
    }
    Ok(d)
}

/// Times `iters` write operations (insert or remove), in passes over the fixture: each pass
/// builds its map untimed, times up to `n` operations, and validates the result.
///
/// The map is boxed, so that its header (which every insert and remove writes: the count)
/// sits on the heap, at an address fixed by the run's allocation history, and not on this
/// frame's stack, whose address moves with the size of the environment. Measured with the
/// header on the stack (`locate --sizes-log2 10 --ops insert_presized`, one build, the same
/// command with an environment variable of 0, 100, 700, 1500, 2600 and 3300 bytes): GoMap
/// 16.7, 17.2, 16.6, 16.9, **8.5, 8.6** ns and GoMap ÷ hashbrown 1.48, 1.42, 1.46, 1.48,
/// **1.24, 1.27**; boxed, 17.0, 17.8, 17.0, 16.9 ns and 1.41–1.48. Two runs of one build
/// then measured two different placements, not two moments.
pub fn time_writes<M: SingleMap>(op: Op, fx: &Fixture, iters: u64) -> Result<Duration, String> {
    let mut total = Duration::ZERO;
    let mut done = 0u64;
    while done < iters {
        let batch = (iters - done).min(fx.n as u64) as usize;
        let keys = &fx.hits[..batch];
        match op {
            Op::InsertPresized | Op::InsertGrow => {
                let hint = if op == Op::InsertPresized { fx.n } else { 0 };
                let mut m = Box::new(M::with_capacity(hint));
                let (d, new) = M::in_isa(
                    m.isa_token(),
                    #[inline(always)]
                    || {
                        let mut new = 0usize;
                        let start = Instant::now();
                        for (j, &k) in keys.iter().enumerate() {
                            new += m.insert(k, j as u64) as usize;
                        }
                        (start.elapsed(), new)
                    },
                );
                total += d;
                if new != batch || m.len() != batch {
                    return Err(format!(
                        "{}: {new} new keys, len {} after {batch} inserts",
                        op.name(),
                        m.len()
                    ));
                }
                if batch == fx.n {
                    let probe = fx.hits[fx.n / 2];
                    if m.get(probe) != Some((fx.n / 2) as u64) {
                        return Err(format!("{}: an inserted key does not read back", op.name()));
                    }
                }
                drop(black_box(m));
            }
            Op::Remove => {
                let mut m: Box<M> = Box::new(fx.prefilled());
                let (d, found, sum) = M::in_isa(
                    m.isa_token(),
                    #[inline(always)]
                    || {
                        let mut found = 0usize;
                        let mut sum = 0u64;
                        let start = Instant::now();
                        for &k in keys {
                            if let Some(v) = m.remove(k) {
                                found += 1;
                                sum = sum.wrapping_add(v);
                            }
                        }
                        (start.elapsed(), found, sum)
                    },
                );
                black_box(sum);
                total += d;
                if found != batch || m.len() != fx.n - batch {
                    return Err(format!(
                        "remove: {found} found, len {} after {batch} removes",
                        m.len()
                    ));
                }
                drop(black_box(m));
            }
            _ => unreachable!("not a write op"),
        }
        done += batch as u64;
    }
    Ok(total)
}

/// A prefilled map ready for timed lookups: calibrated once, then sampled repeatedly
/// (interleaved with another `Reader` when two variants are compared pairwise).
pub struct Reader<'f, M> {
    /// The keys; a copy of the group's own after a rebuild (see `OpMember::rebuild`).
    pub fx: std::borrow::Cow<'f, Fixture>,
    pub map: M,
    op: Op,
    cursor: usize,
    iters: u64,
}

impl<'f, M: SingleMap> Reader<'f, M> {
    /// Builds, validates and calibrates so that one sample lasts about `secs`.
    pub fn new(op: Op, fx: &'f Fixture, secs: f64) -> Result<Self, String> {
        let map: M = fx.prefilled();
        fx.validate_full(&map)?;
        let mut r = Reader {
            fx: std::borrow::Cow::Borrowed(fx),
            map,
            op,
            cursor: 0,
            iters: 0,
        };
        let probe = (fx.n as u64).clamp(1024, 1 << 16);
        let d = time_read(op, fx, &r.map, &mut r.cursor, probe)?;
        r.iters = iters_for(secs, d, probe);
        Ok(r)
    }

    /// `iters` lookups, untimed as far as the caller is concerned (a warm-up); every
    /// outcome is checked all the same.
    pub fn warm(&mut self, iters: u64) -> Result<(), String> {
        time_read(self.op, &self.fx, &self.map, &mut self.cursor, iters).map(|_| ())
    }

    /// One sample, in ns per lookup; every lookup's outcome is checked.
    pub fn sample(&mut self) -> Result<f64, String> {
        let d = time_read(self.op, &self.fx, &self.map, &mut self.cursor, self.iters)?;
        Ok(d.as_nanos() as f64 / self.iters as f64)
    }
}

/// A single-thread op of map `M` as a member of an interleaved group (see
/// [`rounds`](crate::harness::measuring::rounds)).
///
/// Reads keep one prefilled map for the whole group and walk on through the key stream; each
/// sample's warm-up is a pass over the keys (at least a quarter of a sample, at most a whole
/// one), untimed and checked, so the map's lines are back in cache as far as they fit. Writes build a fresh map for every pass, untimed
/// (that build is their warm-up), and time whole passes only: a partial pass would time
/// another fill level.
pub enum OpMember<'f, M> {
    Read {
        reader: Reader<'f, M>,
        warm_iters: u64,
        cost: f64,
    },
    Write {
        op: Op,
        fx: &'f Fixture,
        passes: u64,
        cost: f64,
    },
}

impl<'f, M: SingleMap> OpMember<'f, M> {
    /// Builds, validates and calibrates so that one sample's timed part lasts about `secs`.
    pub fn new(op: Op, fx: &'f Fixture, secs: f64) -> Result<Self, String> {
        if op.is_read() {
            let t0 = Instant::now();
            let reader = Reader::<M>::new(op, fx, secs)?;
            // A whole pass over the keys where that is not longer than a sample (the map
            // then fits a cache level, and the pass brings all of it back), a quarter of
            // a sample at least.
            let warm_iters = (fx.n as u64).clamp((reader.iters / 4).max(1), reader.iters.max(1));
            // The build is paid once; a sample costs its lookups and the warm-up's.
            let per_op = t0.elapsed().as_secs_f64().min(secs) / reader.iters as f64;
            let cost = secs * 1.25 + per_op;
            Ok(OpMember::Read {
                reader,
                warm_iters,
                cost,
            })
        } else {
            let n = fx.n as u64;
            let t0 = Instant::now();
            let d = time_writes::<M>(op, fx, n)?;
            let pass_wall = t0.elapsed().as_secs_f64();
            let passes = (iters_for(secs, d, n) / n).max(1);
            Ok(OpMember::Write {
                op,
                fx,
                passes,
                cost: pass_wall * passes as f64,
            })
        }
    }
}

impl<M: SingleMap> Member for OpMember<'_, M> {
    fn sample(&mut self) -> Result<f64, String> {
        match self {
            OpMember::Read {
                reader, warm_iters, ..
            } => {
                reader.warm(*warm_iters)?;
                reader.sample()
            }
            OpMember::Write { op, fx, passes, .. } => {
                let iters = *passes * fx.n as u64;
                let d = time_writes::<M>(*op, fx, iters)?;
                Ok(d.as_nanos() as f64 / iters as f64)
            }
        }
    }

    fn finish(&mut self) -> Result<(), String> {
        match self {
            // The reads must have left the map as they found it.
            OpMember::Read { reader, .. } => reader.fx.validate_full(&reader.map),
            // Every pass validated its own map.
            OpMember::Write { .. } => Ok(()),
        }
    }

    fn sample_cost_secs(&self) -> f64 {
        match self {
            OpMember::Read { cost, .. } | OpMember::Write { cost, .. } => *cost,
        }
    }

    fn rebuild(&mut self) -> Result<(), String> {
        if let OpMember::Read { reader, .. } = self {
            // Check the old map, build the new one (and a copy of the keys) while the old
            // still holds its memory, so that the new ones land elsewhere; then let the old go.
            reader.fx.validate_full(&reader.map)?;
            let keys: std::borrow::Cow<'_, Fixture> =
                std::borrow::Cow::Owned(reader.fx.as_ref().clone());
            let fresh: M = keys.prefilled();
            keys.validate_full(&fresh)?;
            drop(std::mem::replace(&mut reader.map, fresh));
            drop(std::mem::replace(&mut reader.fx, keys));
        }
        // Writes build a fresh map every pass already.
        Ok(())
    }
}

/// Measures `op` on map `M` at the fixture's size: `reps` samples of ns/op, each sample
/// lasting about `secs`. The first pass calibrates the operation count and is discarded.
pub fn measure<M: SingleMap>(
    op: Op,
    fx: &Fixture,
    reps: usize,
    secs: f64,
) -> Result<Vec<f64>, String> {
    let mut samples = Vec::with_capacity(reps);
    if op.is_read() {
        let mut r = Reader::<M>::new(op, fx, secs)?;
        for _ in 0..reps {
            samples.push(r.sample()?);
        }
        fx.validate_full(&r.map)?;
    } else {
        let probe = fx.n as u64;
        let d = time_writes::<M>(op, fx, probe)?;
        // Whole passes only: a partial pass would time a different fill level.
        let passes = (iters_for(secs, d, probe) / fx.n as u64).max(1);
        for _ in 0..reps {
            let iters = passes * fx.n as u64;
            let d = time_writes::<M>(op, fx, iters)?;
            samples.push(d.as_nanos() as f64 / iters as f64);
        }
    }
    Ok(samples)
}

/// How many operations fill `secs`, given that `probe` of them took `d`.
pub fn iters_for(secs: f64, d: Duration, probe: u64) -> u64 {
    let per_op = d.as_secs_f64().max(1e-9) / probe as f64;
    ((secs / per_op) as u64).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contenders::single::{available, dispatch, Visit};

    struct MeasureAll;
    impl Visit for MeasureAll {
        type Out = ();
        fn visit<M: SingleMap>(self, entry: &crate::contenders::single::Entry) {
            let name = entry.name;
            let fx = Fixture::new(3000);
            for op in Op::ALL {
                let s = measure::<M>(op, &fx, 2, 0.002).unwrap_or_else(|e| panic!("{name}: {e}"));
                assert_eq!(s.len(), 2);
                assert!(s.iter().all(|x| *x > 0.0));
            }
        }
    }

    #[test]
    fn every_contender_measures_and_validates() {
        for name in available() {
            dispatch(name, MeasureAll).unwrap();
        }
    }

    #[test]
    fn op_names_round_trip() {
        for op in Op::ALL {
            assert_eq!(Op::parse(op.name()), Some(op));
        }
    }
}
