//! Every preset of how long the suites measure, in one place: the [`Plan`]s (rounds, samples,
//! blocks) each command runs its groups with, and the main job's configurations made of them.
//!
//! The presets answer different questions, so they differ on purpose:
//! - the standalone commands (`locate`, `contention`) are for a deep look at one suite:
//!   long samples, several seconds a group ([`LOCATE`], [`CONTENTION`]); `--quick` is a
//!   smoke test under a minute, the same for both ([`QUICK`]);
//! - the main job (`run`, and its `measure` processes) asks every question in a few minutes
//!   on a 2-core machine, so its groups are shorter, but in six blocks, one per process
//!   ([`RUN`], [`RUN_CONTENTION`]); its `--quick` is the commands' `--quick`;
//! - `ab` looks for changes of a few percent and answers for one change, not for the whole
//!   picture, so it runs the main job's groups with more rounds and blocks ([`ab`]).
//!
//! Every preset keeps the shuffle's [`DEFAULT_SEED`]; `--seed` and the other plan flags of
//! the commands adjust a preset, they do not replace it.

use crate::harness::measuring::progress::Detail;
use crate::harness::measuring::rounds::{Plan, DEFAULT_SEED};
use crate::harness::suites::contention::ContentionConfig;
use crate::harness::suites::locate::LocateConfig;

/// `locate`: each group 40 rounds of 5 ms samples (at least 10, about 6 s a group), in 4
/// blocks.
pub const LOCATE: Plan = Plan {
    max_rounds: 40,
    min_rounds: 10,
    group_secs: 6.0,
    seed: DEFAULT_SEED,
    sample_secs: 0.005,
    blocks: 4,
};

/// `--quick`, of `locate` and `contention` alike (and of the main job): 8 rounds of 1 ms
/// samples, under a minute on a 2-core machine.
pub const QUICK: Plan = Plan {
    max_rounds: 8,
    min_rounds: 6,
    group_secs: 0.3,
    seed: DEFAULT_SEED,
    sample_secs: 0.001,
    blocks: 2,
};

/// `contention`: each group 30 rounds of 10 ms samples (at least 10 rounds, about 8 s a
/// group), in 4 blocks.
pub const CONTENTION: Plan = Plan {
    max_rounds: 30,
    min_rounds: 10,
    group_secs: 8.0,
    seed: DEFAULT_SEED,
    sample_secs: 0.01,
    blocks: 4,
};

/// The main job's single-thread groups: 32 rounds of 3 ms samples (at least 16, 3 s a
/// group), in 6 blocks: one per process of a default run (`pipeline::DEFAULT_PROCESSES`).
pub const RUN: Plan = Plan {
    max_rounds: 32,
    min_rounds: 16,
    group_secs: 3.0,
    seed: DEFAULT_SEED,
    sample_secs: 0.003,
    blocks: 6,
};

/// The main job's contention groups: [`RUN`] with 5 ms samples.
pub const RUN_CONTENTION: Plan = Plan {
    sample_secs: 0.005,
    ..RUN
};

/// `ab --quick`: 24 rounds of 1 ms samples in 4 blocks, single-thread and contention alike.
pub const AB_QUICK: Plan = Plan {
    max_rounds: 24,
    min_rounds: 12,
    group_secs: 1.0,
    seed: DEFAULT_SEED,
    sample_secs: 0.001,
    blocks: 4,
};

/// `ab`'s single-thread groups: 96 rounds of 3 ms samples (at least 48, 8 s a group) in 16
/// blocks. Each block runs on a fresh pair of worker processes (see `ab`), so the blocks
/// are what narrows its intervals.
pub const AB: Plan = Plan {
    max_rounds: 96,
    min_rounds: 48,
    group_secs: 8.0,
    seed: DEFAULT_SEED,
    sample_secs: 0.003,
    blocks: 16,
};

/// `ab`'s contention groups: [`AB`] with 5 ms samples.
pub const AB_CONTENTION: Plan = Plan {
    sample_secs: 0.005,
    ..AB
};

/// The plan of `ab`'s single-thread or `contention` groups.
pub fn ab(quick: bool, contention: bool) -> Plan {
    match (quick, contention) {
        (true, _) => AB_QUICK,
        (false, false) => AB,
        (false, true) => AB_CONTENTION,
    }
}

/// The main job's settings (`run`, and the groups `ab` runs): locate/ops with every
/// operation and map at three sizes, and contention with every map, workload and
/// distribution at the machine's thread counts, with shorter cells than the standalone
/// commands; `quick`: the commands' `--quick`. Contention says one line when it ends (its
/// cells' lines would bury the findings `run` prints after it).
pub fn main_job(quick: bool) -> (LocateConfig, ContentionConfig) {
    if quick {
        let cc = ContentionConfig {
            detail: Detail::Summary,
            ..ContentionConfig::quick()
        };
        return (LocateConfig::quick(), cc);
    }
    let lc = LocateConfig {
        sizes: vec![1 << 10, 1 << 16, 1 << 20],
        plan: RUN,
        ..LocateConfig::default_full()
    };
    let cc = ContentionConfig {
        plan: RUN_CONTENTION,
        stream_ops: 1 << 21,
        detail: Detail::Summary,
        ..ContentionConfig::default()
    };
    (lc, cc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::harness::measuring::rounds::validate_plan;

    #[test]
    fn every_preset_is_a_valid_plan() {
        for p in [
            LOCATE,
            QUICK,
            CONTENTION,
            RUN,
            RUN_CONTENTION,
            AB_QUICK,
            AB,
            AB_CONTENTION,
        ] {
            validate_plan(&p).unwrap();
        }
    }
}
