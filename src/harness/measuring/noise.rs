//! Noise: how much CPU *other* processes used while a cell ran.
//!
//! On a shared 2-core machine a neighbour's compile can halve a cell's throughput. We read the
//! machine's busy time from `/proc/stat` (user + nice + system + irq + softirq + steal — steal
//! is time the hypervisor gave to other guests, which takes cores from us just the same) and
//! our own from `/proc/self/stat` (utime + stime, all our threads) before and after a cell; the
//! difference is what everyone else used. It is reported as a percentage of ONE core, so with
//! 2 cores it ranges 0–200%. Resolution is one clock tick (USER_HZ, 100 on Linux).

use std::time::Instant;

/// Cells where others used more than this (% of one core) are flagged `noisy`…
pub const NOISY_PCT: f64 = 10.0;
/// …and at least this many clock ticks: on a 50 ms cell a single tick is already 20%, and one
/// tick is within the counters' rounding.
pub const NOISY_MIN_TICKS: u64 = 2;
/// Clock ticks per second of /proc's counters (USER_HZ: 100 on every Linux ABI).
const USER_HZ: f64 = 100.0;

/// CPU counters at one instant.
#[derive(Clone, Copy, Debug)]
pub struct CpuSnapshot {
    machine_busy: u64,
    ours: u64,
    at: Instant,
}

/// Reads the counters; `None` where /proc is unavailable.
pub fn snapshot() -> Option<CpuSnapshot> {
    let stat = std::fs::read_to_string("/proc/stat").ok()?;
    let own = std::fs::read_to_string("/proc/self/stat").ok()?;
    Some(CpuSnapshot {
        machine_busy: parse_machine_busy(&stat)?,
        ours: parse_own_ticks(&own)?,
        at: Instant::now(),
    })
}

/// Busy ticks of all cores from the `cpu` line of /proc/stat.
fn parse_machine_busy(stat: &str) -> Option<u64> {
    let line = stat.lines().find(|l| l.starts_with("cpu "))?;
    let f: Vec<u64> = line
        .split_whitespace()
        .skip(1)
        .map(|x| x.parse().unwrap_or(0))
        .collect();
    // user nice system idle iowait irq softirq steal (guest time is already inside user).
    let get = |i: usize| f.get(i).copied().unwrap_or(0);
    Some(get(0) + get(1) + get(2) + get(5) + get(6) + get(7))
}

/// utime + stime from /proc/self/stat (fields 14 and 15; the command name may hold spaces,
/// so count from its closing parenthesis).
fn parse_own_ticks(stat: &str) -> Option<u64> {
    let rest = &stat[stat.rfind(')')? + 1..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    Some(f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?)
}

/// CPU other processes used between two snapshots (kept in a journal's blocks, too).
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct OtherCpu {
    /// In % of one core.
    pub pct: f64,
    /// In clock ticks.
    pub ticks: u64,
}

impl OtherCpu {
    /// Enough to distort a measurement ([`NOISY_PCT`] and [`NOISY_MIN_TICKS`]).
    pub fn is_noisy(&self) -> bool {
        self.pct > NOISY_PCT && self.ticks >= NOISY_MIN_TICKS
    }
}

/// CPU other processes used between two snapshots.
pub fn other_cpu(before: &CpuSnapshot, after: &CpuSnapshot) -> OtherCpu {
    let secs = after.at.duration_since(before.at).as_secs_f64().max(1e-9);
    let busy = after.machine_busy.saturating_sub(before.machine_busy);
    let ours = after.ours.saturating_sub(before.ours);
    let ticks = busy.saturating_sub(ours);
    OtherCpu {
        pct: 100.0 * ticks as f64 / USER_HZ / secs,
        ticks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_proc_formats() {
        let stat = "cpu  10 2 3 400 5 6 7 8 0 0\ncpu0 1 1 1 1 1 1 1 1 0 0\n";
        assert_eq!(parse_machine_busy(stat), Some(10 + 2 + 3 + 6 + 7 + 8));
        let own = "123 (my prog) S 1 2 3 4 5 6 7 8 9 10 42 58 0 0";
        assert_eq!(parse_own_ticks(own), Some(100));
    }

    #[test]
    fn snapshot_works_here() {
        if let (Some(a), Some(b)) = (snapshot(), snapshot()) {
            assert!(other_cpu(&a, &b).pct >= 0.0);
        }
    }
}
