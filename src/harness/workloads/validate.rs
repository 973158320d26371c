//! Validation after every cell: did the contender do what the workload says it must?
//!
//! Every op's outcome is known in advance (see [`workload`](crate::harness::workloads::workload)), so we check
//! (1) the successes counted per kind against the expectation, (2) the final length,
//! `prefill + successful inserts − successful removes`, and (3) a sample of keys read back:
//! prefilled keys present, inserts not removed present with their value, removed keys absent.
//! A failure becomes `valid = false` and `extra.validation_error` on the row, never a retry.
//!
//! `shared-write` cannot be predicted op by op; [`check_conserved`] reads its hot keys back
//! and hands them to the conservation check ([`conserve`](crate::harness::workloads::conserve)).

use crate::contenders::{Contender, Handle};
use crate::harness::workloads::conserve::{self, KeyCounts, KeyState};
use crate::harness::workloads::keys::key;
use crate::harness::workloads::workload::{decode_shared, index_of, insert_index, kind_of, Writer};
use crate::harness::workloads::workload::{Expected, PerKind, Stream};
use crate::vocabulary::{OpKind, Workload};

/// Keys read back from each group (prefilled; each thread's present and removed inserts).
const SAMPLE: u64 = 64;

/// Successes per kind, as counted, against the stream's expectation.
pub fn check_counts(expected: &Expected, actual: &PerKind<u64>) -> Result<(), String> {
    for k in OpKind::ALL {
        if expected.successes[k] != actual[k] {
            return Err(format!(
                "{}: {} of {} succeeded, expected {}",
                k.name(),
                actual[k],
                expected.attempts[k],
                expected.successes[k]
            ));
        }
    }
    Ok(())
}

/// Up to `SAMPLE` evenly spaced numbers in `lo..hi`.
fn sample(lo: u64, hi: u64) -> impl Iterator<Item = u64> {
    let n = hi.saturating_sub(lo);
    let step = (n / SAMPLE).max(1);
    (lo..hi).step_by(step as usize).take(SAMPLE as usize)
}

/// Length and read-back checks on the map after all threads finished.
pub fn check_final<C: Contender>(
    map: &C,
    prefill: u64,
    streams: &[Stream<'_>],
    actual: &PerKind<u64>,
) -> Result<(), String> {
    let (inserts, removes) = (actual[OpKind::Insert], actual[OpKind::Remove]);
    let want_len = (prefill + inserts).saturating_sub(removes);
    let len = map.len() as u64;
    if len != want_len {
        return Err(format!(
            "len {len}, expected {want_len} (prefill {prefill} + {inserts} inserts - {removes} removes)"
        ));
    }
    let mut h = map.handle();
    for i in sample(0, prefill) {
        if h.get(&key(i)).is_none() {
            return Err(format!("prefilled key #{i} missing"));
        }
    }
    for s in streams {
        let e = &s.expected;
        for j in sample(e.removed, e.inserted) {
            let got = h.get(&key(insert_index(s.thread, j)));
            if got != Some(j) {
                return Err(format!(
                    "thread {} insert #{j}: read back {got:?}, expected Some({j})",
                    s.thread
                ));
            }
        }
        for j in sample(0, e.removed) {
            if h.get(&key(insert_index(s.thread, j))).is_some() {
                return Err(format!(
                    "thread {} insert #{j}: removed but present",
                    s.thread
                ));
            }
        }
    }
    Ok(())
}

/// `shared-write`: conservation key by key over the hot set `key(0..hot)` (all present at the
/// start of the pass), with every final value traced back to the op that wrote it: the
/// prefill, or the insert or update at position `i` of the writer's consumed stream.
pub fn check_conserved<C: Contender>(
    map: &C,
    hot: u64,
    streams: &[Stream<'_>],
    counts: &KeyCounts,
) -> Result<(), String> {
    let mut h = map.handle();
    let keys: Vec<KeyState> = (0..hot)
        .map(|i| KeyState {
            initially_present: true,
            final_value: h.get(&key(i)),
        })
        .collect();
    let written = |k: u64, v: u64| match decode_shared(v) {
        (vk, _, _) if vk != k => false,
        (_, Writer::Prefill, _) => v == Workload::SharedWrite.initial_value(k),
        (_, Writer::Thread(t), i) => streams
            .iter()
            .find(|s| s.thread == t)
            .and_then(|s| s.ops.get(i as usize))
            .is_some_and(|&op| {
                matches!(kind_of(op), OpKind::Insert | OpKind::Update) && index_of(op) == k
            }),
    };
    conserve::check(&keys, counts, map.len() as u64, written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_mismatch_names_the_kind() {
        let e = Expected {
            attempts: PerKind([10, 5, 5, 0]),
            successes: PerKind([10, 5, 3, 0]),
            inserted: 5,
            removed: 3,
        };
        assert!(check_counts(&e, &PerKind([10, 5, 3, 0])).is_ok());
        let err = check_counts(&e, &PerKind([10, 4, 3, 0])).unwrap_err();
        assert!(err.starts_with("insert: 4 of 5"), "{err}");
    }

    #[test]
    fn samples_are_bounded_and_in_range() {
        assert_eq!(sample(3, 3).count(), 0);
        assert_eq!(
            sample(0, 10).collect::<Vec<_>>(),
            (0..10).collect::<Vec<_>>()
        );
        let s: Vec<_> = sample(100, 1_000_000).collect();
        assert_eq!(s.len(), 64);
        assert!(s.iter().all(|&x| (100..1_000_000).contains(&x)));
    }
}
