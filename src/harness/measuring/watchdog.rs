//! The watchdog: a call into a map under test that never returns (a deadlock, a lost
//! wake-up) stops the run cleanly instead of hanging it.
//!
//! A thread stuck inside a map cannot be stopped from outside in Rust: no thread can be
//! killed, unwinding one needs its cooperation, and the threads waiting on it (at the
//! segment's barrier, at its join) wait too. So the run does not try to go on in this
//! process. Every call the groups make into a contention member (its build, each sample, a
//! rebuild, the final checks, its drop) is [`watch`]ed: a deadline is armed, one background
//! thread waits for it, and when it passes with the call still under way, that thread
//! 1. appends to the run's journal a line saying that this map's cell hung
//!    (`harness::measuring::journal`; every block finished before is on disk already, each
//!    line fsync'd when written, and so is this one),
//! 2. prints ONE line on stderr naming the cell (map, workload, distribution, size,
//!    threads), what the call was doing and how long it waited,
//! 3. exits the process with [`HUNG_EXIT`].
//!
//! A `--resume` then takes every finished block from the journal and reports the hung cell
//! failed (`Failure::Hung`) instead of building that map again, which would hang again.
//!
//! The main thread cannot be writing the journal while a call is watched: it appends only
//! between visits of groups, outside any watched call. Arming, disarming and firing share one
//! lock, so a call that returns just as its deadline passes either disarms first (and the
//! watchdog sees nothing) or never gets to disarm (the process exits first).
//!
//! # The deadline
//! [`deadline`]: a floor of [`FLOOR_SECS`], plus [`SLACK`] times the seconds the call is
//! planned to take (a sample's calibrated cost), plus [`SECS_PER_OP`] for each map op one
//! thread may make in the call, times the threads that share a core. The floor absorbs what
//! a shared machine does to a process for seconds at a time (a neighbour's link step, the
//! first touch of a big map's pages); twenty times a calibrated sample is far beyond the
//! 1.2–3.5× slow stretches this machine shows; and the op term bounds the calls that are not
//! sized by time (a build's prefill, a pass's validation, a checked replay), at 2 µs an op,
//! ten times what the slowest map here takes on a cache-missing insert. A map that takes
//! longer than that is not one we can measure anyway.
//!
//! [`DEADLINE_ENV`] replaces every deadline by a number of seconds: for the tests, whose maps
//! hang on purpose and should not keep them waiting.

use crate::harness::measuring::journal::FailureLog;
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// The exit status of a run the watchdog stopped.
pub const HUNG_EXIT: u8 = 4;
/// Seconds every call may take, whatever it was planned to take.
pub const FLOOR_SECS: f64 = 10.0;
/// How many times its planned seconds a call may take.
pub const SLACK: f64 = 20.0;
/// Seconds a call may take for each map op one thread makes in it.
pub const SECS_PER_OP: f64 = 2e-6;
/// A positive number of seconds here replaces every deadline (for tests).
pub const DEADLINE_ENV: &str = "GOMAP_BENCH_DEADLINE_SECS";

/// How long a call may take: see the module docs. `threads` run `ops_per_thread` map ops
/// each, on this machine's cores.
pub fn deadline(planned_secs: f64, ops_per_thread: u64, threads: u32) -> Duration {
    if let Some(secs) = override_secs() {
        return Duration::from_secs_f64(secs);
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get() as u32);
    let per_core = threads.div_ceil(cores).max(1);
    let planned = if planned_secs.is_finite() {
        planned_secs.max(0.0)
    } else {
        0.0
    };
    let secs =
        FLOOR_SECS + SLACK * planned + ops_per_thread as f64 * SECS_PER_OP * f64::from(per_core);
    Duration::from_secs_f64(secs.min(1e9))
}

fn override_secs() -> Option<f64> {
    std::env::var(DEADLINE_ENV)
        .ok()
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s > 0.0)
}

/// What a watched call is about.
#[derive(Clone, Debug, PartialEq)]
pub struct Watched {
    /// The group's journal key.
    pub group: serde_json::Value,
    /// The map whose cell it is.
    pub map: String,
    /// The cell in words, map first: `dashmap read-heavy uniform size=65536 threads=2`.
    pub cell: String,
    /// What the call does: `build`, `round 3`, `final checks`.
    pub doing: String,
}

struct Armed {
    id: u64,
    what: Watched,
    since: Instant,
    limit: Duration,
}

struct State {
    next_id: u64,
    armed: Option<Armed>,
    log: Option<FailureLog>,
    started: bool,
}

static STATE: Mutex<State> = Mutex::new(State {
    next_id: 0,
    armed: None,
    log: None,
    started: false,
});
/// Never notified: the watchdog's timed wait, which gives the lock up while it sleeps.
static WAKE: Condvar = Condvar::new();

fn state() -> MutexGuard<'static, State> {
    // A panic while holding the lock leaves nothing half-written that matters here.
    STATE.lock().unwrap_or_else(|e| e.into_inner())
}

/// Where a hang is recorded from now on: the running command's journal, or nowhere.
pub fn journal_into(log: Option<FailureLog>) {
    state().log = log;
}

/// Runs `f`, a call into a member, under a deadline of `limit` (see the module docs).
pub fn watch<T>(what: Watched, limit: Duration, f: impl FnOnce() -> T) -> T {
    let id = {
        let mut s = state();
        if !s.started {
            std::thread::Builder::new()
                .name("watchdog".into())
                .spawn(keep_watch)
                .expect("a thread can be started");
            s.started = true;
        }
        s.next_id += 1;
        let id = s.next_id;
        s.armed = Some(Armed {
            id,
            what,
            since: Instant::now(),
            limit,
        });
        id
    };
    // The watchdog is not woken: it looks every [`POLL`] (a wake-up per call, on a core the
    // measured threads may need, slowed the harness's own loop by 2–5% in `--quick` samples).
    // Disarmed however the call ends, a panic included.
    struct Disarm(u64);
    impl Drop for Disarm {
        fn drop(&mut self) {
            let mut s = state();
            if s.armed.as_ref().is_some_and(|a| a.id == self.0) {
                s.armed = None;
            }
        }
    }
    let _disarm = Disarm(id);
    f()
}

/// How often the watchdog looks at the armed call: deadlines are seconds long, so a look a
/// quarter of a second late changes nothing, and nobody has to wake it.
const POLL: Duration = Duration::from_millis(250);

/// The watchdog thread: looks at the armed deadline every [`POLL`] (or when it is due, if
/// sooner), and fires when it has passed.
fn keep_watch() {
    let mut s = state();
    loop {
        let now = Instant::now();
        let mut nap = POLL;
        if let Some(due) = s.armed.as_ref().map(|a| a.since + a.limit) {
            if now >= due {
                fire(&mut s);
            }
            nap = nap.min(due - now);
        }
        s = WAKE
            .wait_timeout(s, nap)
            .unwrap_or_else(|e| e.into_inner())
            .0;
    }
}

/// Records the hang, says it in one line, and ends the process (the lock held throughout,
/// so that the call cannot disarm half-way).
fn fire(s: &mut State) -> ! {
    let a = s.armed.take().expect("fired while armed");
    let waited = a.since.elapsed().as_secs_f64();
    let reason = format!(
        "hung: no answer after {waited:.1} s in {} (deadline {:.1} s)",
        a.what.doing,
        a.limit.as_secs_f64()
    );
    let kept = match s.log.as_mut() {
        Some(log) => match log.record_failed(&a.what.group, &a.what.map, &reason) {
            Ok(()) => format!(
                "every finished block is in {}; --resume goes on without this cell",
                log.path().display()
            ),
            Err(e) => format!("and could not be journaled ({e})"),
        },
        None => "no journal: nothing was kept".into(),
    };
    eprintln!(
        "gomap-bench: hung: {} gave no answer in {} for {waited:.1} s (deadline {:.1} s); {kept}",
        a.what.cell,
        a.what.doing,
        a.limit.as_secs_f64()
    );
    std::process::exit(i32::from(HUNG_EXIT))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_deadline_grows_with_the_plan_and_the_ops_from_a_floor() {
        if override_secs().is_some() {
            return;
        }
        let floor = deadline(0.0, 0, 1).as_secs_f64();
        assert_eq!(floor, FLOOR_SECS);
        assert_eq!(deadline(0.5, 0, 1).as_secs_f64(), FLOOR_SECS + 10.0);
        assert!((deadline(0.0, 1_000_000, 1).as_secs_f64() - (FLOOR_SECS + 2.0)).abs() < 1e-9);
        assert_eq!(deadline(f64::NAN, 0, 1).as_secs_f64(), FLOOR_SECS);
        // Oversubscribed threads share cores: more time.
        assert!(deadline(0.0, 1_000_000, 1024) > deadline(0.0, 1_000_000, 1));
    }

    #[test]
    fn a_call_that_returns_in_time_is_disarmed() {
        // Other tests may watch calls of their own meanwhile: only ours is looked for.
        let ours = || {
            state()
                .armed
                .as_ref()
                .is_some_and(|a| a.what.map == "watchdog-test")
        };
        let what = Watched {
            group: serde_json::json!({"g": 1}),
            map: "watchdog-test".into(),
            cell: "m exchange uniform size=1 threads=1".into(),
            doing: "round 1".into(),
        };
        assert_eq!(watch(what.clone(), Duration::from_secs(60), || 7), 7);
        assert!(!ours());
        let r = std::panic::catch_unwind(|| {
            watch(what, Duration::from_secs(60), || panic!("inside"));
        });
        assert!(r.is_err());
        assert!(!ours(), "disarmed by the unwinding too");
    }
}
