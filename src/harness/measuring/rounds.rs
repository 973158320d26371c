//! Interleaved rounds: how every suite of ours measures the members of a comparison group.
//!
//! This machine's speed drifts by more than the effects we look for (a loop 1.2–3.5× slower
//! in bursts of a tenth of a second; whole suites 40–80% apart minutes later), so a member is
//! never measured at a moment of its own. All members of a group (one op or workload, size,
//! thread count, distribution: every map and variant) are built first; then each *round*
//! takes one short sample of every member, in an order shuffled afresh each round from a
//! fixed seed (so no member always follows the same neighbour, and a rerun repeats the
//! order). A row's samples are its rounds, and round `r` of a member is paired with round
//! `r` of the group's reference (`results::analysis::paired_ratio`): what drift both saw cancels.
//!
//! Each sample begins with an untimed warm-up of the member's own data (a pass over part of
//! its keys, or the first ops of its stream), so that a member does not pay for the cache
//! and TLB damage the one before it did. A member that fails (a wrong answer, or a panic,
//! caught: [`fault`](super::fault)) stops being sampled; its row is invalid with the reason,
//! the others go on.

use crate::harness::measuring::fault;
use crate::results::schema::{Extra, Failure};
use crate::rng::SplitMix64;

/// The seed every plan's shuffled orders start from, unless told otherwise.
pub const DEFAULT_SEED: u64 = 0x6A09_E667_F3BC_C908;

/// The checks every plan of a command line must pass.
pub fn validate_plan(p: &Plan) -> Result<(), String> {
    if p.max_rounds < MIN_ROUNDS {
        return Err(format!(
            "--rounds {}: at least {MIN_ROUNDS}, so that every ratio has a 95% interval",
            p.max_rounds
        ));
    }
    if !(p.group_secs.is_finite() && p.group_secs > 0.0) {
        return Err(format!(
            "--secs {}: must be a positive number",
            p.group_secs
        ));
    }
    if !(p.sample_secs.is_finite() && p.sample_secs > 0.0 && p.sample_secs <= 10.0) {
        return Err(format!(
            "--sample-ms {}: must be a positive number of milliseconds up to 10000",
            p.sample_secs * 1e3
        ));
    }
    Ok(())
}

/// The fewest rounds a plan may ask for: enough for a distribution-free 95% interval.
pub const MIN_ROUNDS: u32 = crate::results::analysis::MIN_PAIRS_FOR_INTERVAL as u32;

/// One member of a group, ready to be sampled.
pub trait Member {
    /// One sample: an untimed warm-up, then the timed part, in the group's unit (ns/op or
    /// Mops/s). Every outcome inside is checked; a wrong one is an error.
    fn sample(&mut self) -> Result<f64, String>;
    /// Checks after the last round (the map's final contents, the counts of every op).
    fn finish(&mut self) -> Result<(), String>;
    /// Wall seconds one sample takes, untimed parts included (known after calibration): what
    /// the rounds planner budgets with.
    fn sample_cost_secs(&self) -> f64;
    /// Facts for the row (ops per sample, latency, …), after the rounds.
    fn describe(&self, _extra: &mut Extra) {}
    /// Builds the member's data anew, at new addresses, keeping what it has checked: called
    /// between blocks of rounds, so that where a map happened to land (its cache sets, its
    /// pages) is drawn several times per run instead of once (see [`Plan::blocks`]).
    fn rebuild(&mut self) -> Result<(), String> {
        Ok(())
    }
}

/// How many rounds, in what order.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Plan {
    /// Rounds when the group's budget allows.
    pub max_rounds: u32,
    /// Rounds however long they take (enough for a 95% interval: at least 6).
    pub min_rounds: u32,
    /// Wall seconds a group may take; rounds are cut from `max_rounds` to fit, down to
    /// `min_rounds`.
    pub group_secs: f64,
    /// Seed of the shuffled orders.
    pub seed: u64,
    /// Timed seconds of one sample, aimed at by each member's calibration.
    pub sample_secs: f64,
    /// The rounds are cut into this many blocks, each on members built afresh. Two builds
    /// of one map can differ by 10% and more in a cache-missing loop (where its pages
    /// landed), so one build per run would make that draw part of the result; several draws
    /// per run average over it, and the ratio's halves show it. The local suites also
    /// spread the blocks over the whole suite, each in a sweep of its own (see
    /// [`crate::harness::measuring::groups::run_groups`]); `ab` runs them back to back, each on a fresh pair of
    /// worker processes.
    #[serde(default = "one_block")]
    pub blocks: u32,
}

fn one_block() -> u32 {
    1
}

impl Plan {
    /// The rounds of block `k` (0-based) of `rounds` (see [`block_rounds`]).
    pub fn block_rounds(&self, k: u32, rounds: u32) -> std::ops::Range<u32> {
        block_rounds(self.blocks, k, rounds)
    }

    /// Process `k` (0-based) of `parts`' share of this plan, when a run measures in several
    /// processes (see `results::pool`): its share of the blocks, rounds and seconds (each
    /// part keeps at least one block and [`MIN_ROUNDS`] rounds), and a seed of its own so
    /// that the parts' orders differ.
    pub fn part(&self, k: u32, parts: u32) -> Plan {
        let p = parts.max(1);
        if p == 1 {
            return *self;
        }
        Plan {
            max_rounds: self.max_rounds.div_ceil(p).max(MIN_ROUNDS),
            min_rounds: self.min_rounds.div_ceil(p).max(MIN_ROUNDS),
            group_secs: self.group_secs / f64::from(p),
            seed: self.seed.wrapping_add(u64::from(k)),
            sample_secs: self.sample_secs,
            blocks: self.blocks.div_ceil(p).max(1),
        }
    }

    /// The rounds a group of members whose samples cost `round_secs` in all gets.
    pub fn rounds_for(&self, round_secs: f64) -> u32 {
        let fit = (self.group_secs / round_secs.max(1e-6)).floor() as u32;
        fit.clamp(self.min_rounds, self.max_rounds.max(self.min_rounds))
    }
}

/// The rounds of block `k` of `blocks` over `rounds` rounds (see [`Plan::block_rounds`]).
pub fn block_rounds(blocks: u32, k: u32, rounds: u32) -> std::ops::Range<u32> {
    let b = u64::from(blocks.max(1));
    let start = |k: u64| ((k * u64::from(rounds)).div_ceil(b)) as u32;
    start(u64::from(k))..start(u64::from(k) + 1).min(rounds)
}

/// The order of round `round` over `n` members: a Fisher–Yates shuffle seeded from the
/// plan's seed and the round, so a rerun repeats it.
pub fn order(seed: u64, round: u32, n: usize) -> Vec<usize> {
    let mut rng = SplitMix64(seed ^ (u64::from(round) + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let mut v: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        v.swap(i, j);
    }
    v
}

/// What the rounds gave one member.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Outcome {
    /// One sample per round it took part in (a failed member stops early).
    pub samples: Vec<f64>,
    /// Why it failed, if it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// How, when its map did not answer at all (it panicked, or hung).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure: Option<Failure>,
}

impl Outcome {
    /// Puts the member out for `f`.
    pub fn fail(&mut self, f: fault::Fault) {
        self.error = Some(f.reason);
        self.failure = f.failure;
    }
}

/// Runs `rounds` rounds over `members`, then their final checks. `after_round` sees each
/// finished round's number (for progress).
pub fn run(
    members: &mut [Box<dyn Member + '_>],
    rounds: u32,
    seed: u64,
    mut after_round: impl FnMut(u32),
) -> Vec<Outcome> {
    let mut out = vec![Outcome::default(); members.len()];
    for round in 0..rounds {
        for i in order(seed, round, members.len()) {
            if out[i].error.is_some() {
                continue;
            }
            match fault::call(|| members[i].sample()) {
                Ok(x) => out[i].samples.push(x),
                Err(f) => out[i].fail(f.at(&format!("round {}", round + 1))),
            }
        }
        after_round(round);
    }
    for (m, o) in members.iter_mut().zip(&mut out) {
        if o.error.is_none() {
            if let Err(f) = fault::call(|| m.finish()) {
                o.fail(f);
            }
        }
    }
    out
}

/// A timed kernel as a member: `run(iters)` returns the time `iters` iterations took; a
/// sample warms up with a quarter of them, then reports ns per iteration.
pub struct KernelMember<F> {
    run: F,
    iters: u64,
    cost: f64,
}

impl<F: FnMut(u64) -> std::time::Duration> KernelMember<F> {
    /// Calibrated so that a sample's timed part lasts about `secs`.
    pub fn new(mut run: F, secs: f64) -> Self {
        let probe = 1 << 16;
        let d = run(probe).as_secs_f64().max(1e-9);
        let iters = ((secs / d * probe as f64) as u64).max(1);
        KernelMember {
            run,
            iters,
            cost: secs * 1.25,
        }
    }
}

impl<F: FnMut(u64) -> std::time::Duration> Member for KernelMember<F> {
    fn sample(&mut self) -> Result<f64, String> {
        (self.run)((self.iters / 4).max(1));
        let d = (self.run)(self.iters);
        Ok(d.as_nanos() as f64 / self.iters as f64)
    }
    fn finish(&mut self) -> Result<(), String> {
        Ok(())
    }
    fn sample_cost_secs(&self) -> f64 {
        self.cost
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_are_permutations_that_change_and_repeat() {
        let a = order(7, 0, 9);
        let mut sorted = a.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..9).collect::<Vec<_>>());
        assert_eq!(a, order(7, 0, 9));
        assert!((1..10).any(|r| order(7, r, 9) != a));
        assert_eq!(order(1, 3, 1), vec![0]);
    }

    struct Fake {
        n: u32,
        fail_at: Option<u32>,
    }
    impl Member for Fake {
        fn sample(&mut self) -> Result<f64, String> {
            self.n += 1;
            if Some(self.n) == self.fail_at {
                return Err("broken".into());
            }
            Ok(f64::from(self.n))
        }
        fn finish(&mut self) -> Result<(), String> {
            Ok(())
        }
        fn sample_cost_secs(&self) -> f64 {
            0.01
        }
    }

    #[test]
    fn a_failing_member_stops_and_the_others_go_on() {
        let mut ms: Vec<Box<dyn Member>> = vec![
            Box::new(Fake {
                n: 0,
                fail_at: None,
            }),
            Box::new(Fake {
                n: 0,
                fail_at: Some(3),
            }),
        ];
        let out = run(&mut ms, 5, 1, |_| {});
        assert_eq!(out[0].samples, vec![1.0, 2.0, 3.0, 4.0, 5.0]);
        assert_eq!(out[1].samples, vec![1.0, 2.0]);
        assert_eq!(out[1].error.as_deref(), Some("round 3: broken"));
    }

    #[test]
    fn rounds_fit_the_budget_within_bounds() {
        let p = Plan {
            max_rounds: 40,
            min_rounds: 8,
            group_secs: 2.0,
            seed: 1,
            sample_secs: 0.005,
            blocks: 3,
        };
        assert_eq!(p.rounds_for(0.01), 40);
        assert_eq!(p.block_rounds(1, 9), 3..6);
        // The blocks' rounds tile 0..rounds, none empty, none more than one longer than
        // another.
        for rounds in [6, 7, 9, 10, 31] {
            let all: Vec<u32> = (0..3).flat_map(|k| p.block_rounds(k, rounds)).collect();
            assert_eq!(all, (0..rounds).collect::<Vec<_>>(), "{rounds}");
            let lens: Vec<usize> = (0..3).map(|k| p.block_rounds(k, rounds).len()).collect();
            let (lo, hi) = (lens.iter().min().unwrap(), lens.iter().max().unwrap());
            assert!(*lo > 0 && hi - lo <= 1, "{rounds}: {lens:?}");
        }
        assert_eq!(p.rounds_for(0.1), 20);
        assert_eq!(p.rounds_for(10.0), 8);
    }
}
