//! Comparing counts: the rule for the rows of the `counts` suite (events per operation on
//! valgrind's simulated CPU), and the facts two counts files must share to be compared.
//!
//! A count is not a timing. The same binary, run on the same input, executes the same
//! instructions and branches every time, on any x86-64 machine: they are judged exactly,
//! against a small threshold ([`DEFAULT_EXACT_PCT`]) and no noise band. The simulated caches
//! and branch predictor also see *where* the allocator put the data, which moves from run
//! to run; those events (mispredicts, L1 and LL misses) get a threshold calibrated from
//! A/A runs ([`DEFAULT_SIMULATED_PCT`]), and a change smaller than [`MIN_EVENTS`] per
//! operation is never judged (a near-zero count's relative change says nothing).
//!
//! A row of ours beyond its threshold is `regressed` (more events) or `improved` (fewer);
//! a third-party row (hashbrown, std: the same code in both builds) is `drift`, never fatal.
//!
//! Counts are refused, in one line, when the two files differ in what decides a count
//! besides the code: the compiler (`run.rustc`), the target features, the simulated cache
//! geometry, the valgrind version or the glibc settings (`run.config.counts`). The machine
//! itself does not matter, so two counts files from different machines are compared
//! without `--cross-machine`.

use super::compare::{is_ours, ComparedRow, Verdict};
use super::format::num;
use super::schema::{Results, Row};
use crate::vocabulary::{OpId, Suite};

/// The default threshold of instructions and branches, in percent. Counting one build
/// twice gives the same instructions and branches to the last digit (see
/// `results/README.md`), so any threshold above zero holds an A/A run; 0.1% is ten times
/// below a change worth a look (a tenth of one instruction in a 100-instruction op) and
/// well above float rounding.
pub const DEFAULT_EXACT_PCT: f64 = 0.1;

/// The default threshold of the simulated events (mispredicts, cache misses), in percent:
/// above how far they moved between two counts of one build.
pub const DEFAULT_SIMULATED_PCT: f64 = 5.0;

/// Changes of a simulated event smaller than this many events per operation are not judged
/// (the largest A/A move seen: 0.013 L1 misses per op, between two binary paths).
pub const MIN_EVENTS: f64 = 0.02;

/// The thresholds counts rows are judged by.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Thresholds {
    /// Instructions and branches, in percent.
    pub exact_pct: f64,
    /// Mispredicts and cache misses, in percent.
    pub simulated_pct: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            exact_pct: DEFAULT_EXACT_PCT,
            simulated_pct: DEFAULT_SIMULATED_PCT,
        }
    }
}

/// Whether `doc` holds counts rows.
pub fn has_counts(doc: &Results) -> bool {
    doc.rows.iter().any(|r| r.id.suite == Suite::Counts)
}

/// Whether every row of `doc` is a counts row (and there is one).
pub fn only_counts(doc: &Results) -> bool {
    has_counts(doc) && doc.rows.iter().all(|r| r.id.suite == Suite::Counts)
}

/// The first fact that makes the counts of `a` and `b` incomparable, as `what: a vs b`;
/// `None` when either has no counts rows or they agree.
pub fn facts_difference(a: &Results, b: &Results) -> Option<String> {
    if !(has_counts(a) && has_counts(b)) {
        return None;
    }
    if a.run.rustc != b.run.rustc {
        return Some(format!("rustc: {:?} vs {:?}", a.run.rustc, b.run.rustc));
    }
    let facts = |d: &Results| d.run.config.get("counts").cloned();
    let (fa, fb) = (facts(a), facts(b));
    let (Some(fa), Some(fb)) = (fa, fb) else {
        return Some("a counts file without its facts (run.config.counts)".into());
    };
    for key in ["target_features", "geometry", "valgrind", "glibc_tunables"] {
        if fa.get(key) != fb.get(key) {
            let show = |v: Option<&serde_json::Value>| v.map_or("none".into(), |v| v.to_string());
            return Some(format!(
                "{key}: {} vs {}",
                show(fa.get(key)),
                show(fb.get(key))
            ));
        }
    }
    None
}

/// Judges a matched pair of valid counts rows (`out` has both medians).
pub fn judge(mut out: ComparedRow, b: &Row, c: &Row, t: &Thresholds) -> ComparedRow {
    let OpId::Counted(counted) = c.id.op else {
        return out.judge(Verdict::Invalid, "a counts row whose op names no event");
    };
    let (x, y) = (b.median, c.median);
    if !(x.is_finite() && y.is_finite()) {
        return out.judge(Verdict::Invalid, "count missing");
    }
    let exact = counted.event.is_exact();
    let threshold = if exact { t.exact_pct } else { t.simulated_pct };
    let change = if x == 0.0 {
        if y == 0.0 {
            0.0
        } else {
            f64::INFINITY
        }
    } else {
        (y - x) / x * 100.0
    };
    out.change_pct = change.is_finite().then_some(change);
    out.evidence = format!(
        "{} → {} {} per op ({}, threshold {}%)",
        num(x),
        num(y),
        counted.event.name(),
        if exact { "exact" } else { "simulated" },
        threshold
    );
    if !is_ours(c) {
        return out.judge(
            Verdict::Drift,
            "third-party row: the same code in both builds",
        );
    }
    let small = (y - x).abs() < MIN_EVENTS;
    if change.abs() <= threshold || (!exact && small) {
        out.judge(Verdict::Unchanged, "within the threshold")
    } else if y > x {
        out.judge(
            Verdict::Regressed,
            "more events per op beyond the threshold",
        )
    } else {
        out.judge(
            Verdict::Improved,
            "fewer events per op beyond the threshold",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::results::schema::{RunInfo, Unit};
    use crate::vocabulary::{Counted, Event, Identity, Op, Role};

    fn row(map: &str, event: Event, v: f64, role: Role) -> Row {
        let id = Identity::new(
            Suite::Counts,
            map,
            Counted {
                op: Op::GetHit,
                event,
            },
        )
        .size(1024);
        let mut r = Row::new(id, Unit::EventsPerOp, vec![v]);
        r.extra.role = Some(role);
        r
    }

    fn verdict(event: Event, x: f64, y: f64, role: Role) -> Verdict {
        let (b, c) = (
            row("gomap/generic", event, x, role),
            row("gomap/generic", event, y, role),
        );
        let out = ComparedRow::new(&c.id, c.unit, Some(x), Some(y));
        judge(out, &b, &c, &Thresholds::default()).verdict
    }

    #[test]
    fn instructions_are_judged_exactly_and_misses_with_their_band() {
        use Event::*;
        assert_eq!(
            verdict(Instructions, 100.0, 100.0, Role::Ours),
            Verdict::Unchanged
        );
        assert_eq!(
            verdict(Instructions, 100.0, 100.05, Role::Ours),
            Verdict::Unchanged
        );
        assert_eq!(
            verdict(Instructions, 100.0, 101.0, Role::Ours),
            Verdict::Regressed
        );
        assert_eq!(verdict(Branches, 10.0, 9.9, Role::Ours), Verdict::Improved);
        assert_eq!(
            verdict(L1Misses, 0.50, 0.52, Role::Ours),
            Verdict::Unchanged
        );
        assert_eq!(
            verdict(L1Misses, 0.50, 0.60, Role::Ours),
            Verdict::Regressed
        );
        // Near zero: a change below MIN_EVENTS a op is not judged.
        assert_eq!(
            verdict(LlMisses, 0.0, 0.004, Role::Ours),
            Verdict::Unchanged
        );
        assert_eq!(verdict(LlMisses, 0.0, 0.5, Role::Ours), Verdict::Regressed);
        // Third-party rows drift, whatever they do.
        assert_eq!(
            verdict(Instructions, 100.0, 120.0, Role::Reference),
            Verdict::Drift
        );
    }

    #[test]
    fn counts_from_another_compiler_or_geometry_are_refused() {
        let doc = |rustc: &str, ll: &str| {
            let mut run = RunInfo {
                rustc: rustc.into(),
                ..RunInfo::default()
            };
            run.config = serde_json::json!({"counts": {
                "target_features": "", "valgrind": "valgrind-3.19.0",
                "glibc_tunables": "x", "geometry": {"LL": ll}}});
            Results::new(
                run,
                vec![row("hashbrown", Event::Instructions, 1.0, Role::Reference)],
            )
        };
        let a = doc("rustc 1.95.0", "8388608,16,64");
        assert_eq!(facts_difference(&a, &a.clone()), None);
        let d = facts_difference(&a, &doc("rustc 1.96.0", "8388608,16,64")).unwrap();
        assert!(d.starts_with("rustc: "), "{d}");
        let d = facts_difference(&a, &doc("rustc 1.95.0", "4194304,16,64")).unwrap();
        assert!(d.starts_with("geometry: "), "{d}");
        let mut bare = a.clone();
        bare.run.config = serde_json::Value::Null;
        assert!(facts_difference(&a, &bare)
            .unwrap()
            .contains("without its facts"));
    }
}
