//! Validation after every cell: did the contender do what the workload says it must?
//!
//! Every op's outcome is known in advance (see [`workload`](super::workload)), so we check
//! (1) the successes counted per kind against the expectation, (2) the final length,
//! `prefill + successful inserts − successful removes`, and (3) a sample of keys read back:
//! prefilled keys present, inserts not removed present with their value, removed keys absent.
//! A failure becomes `valid = false` and `extra.validation_error` on the row, never a retry.

use super::keys::key;
use super::workload::{insert_index, Expected, OpKind, PerKind, Stream};
use crate::contenders::{Contender, Handle};

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
