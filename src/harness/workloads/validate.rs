//! Validation after every cell: did the contender do what the workload says it must?
//!
//! Every op's outcome is known in advance (see [`workload`](crate::harness::workloads::workload)), so we check
//! (1) the successes counted per kind against the expectation, (2) the final length,
//! `prefill + successful inserts − successful removes`, and (3) a sample of keys read back:
//! prefilled keys present, inserts not removed present with their value, removed keys absent.
//! A failure becomes `valid = false` and `extra.validation_error` on the row, never a retry.
//!
//! Those checks see totals: a count off by one says that some op answered wrongly, not
//! which. Since every op's answer is known in advance, whatever the threads' interleaving
//! (each thread inserts and removes keys of its own; reads and updates target prefilled keys,
//! never removed), a failed pass is replayed, untimed and checked op by op
//! ([`check_answer`]), to name the first wrong one ([`WrongAnswer`]): which thread, which op
//! of its stream, on which key, what it answered and what it had to answer.
//!
//! `shared-write` cannot be predicted op by op; [`check_conserved`] reads its hot keys back
//! and hands them to the conservation check ([`conserve`](crate::harness::workloads::conserve)).

use crate::contenders::{Contender, Handle};
use crate::harness::workloads::conserve::{self, KeyCounts, KeyState};
use crate::harness::workloads::keys::key;
use crate::harness::workloads::workload::{decode_shared, index_of, insert_index, kind_of, Writer};
use crate::harness::workloads::workload::{Expected, PerKind, Stream};
use crate::harness::workloads::workload::{INSERT_BASE, MISS_BASE};
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

/// What an op answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// A read: the value, if the key was present.
    Read(Option<u64>),
    /// An insert: whether the key was new.
    Insert(bool),
    /// A remove: whether the key was present.
    Remove(bool),
    /// An update: whether the key was present.
    Update(bool),
}

impl Answer {
    /// In words: `hit (value 5)`, `already present`.
    fn words(self) -> String {
        match self {
            Answer::Read(Some(v)) => format!("hit (value {v})"),
            Answer::Read(None) => "miss".into(),
            Answer::Insert(true) => "new".into(),
            Answer::Insert(false) => "already present".into(),
            Answer::Remove(true) => "removed".into(),
            Answer::Remove(false) => "absent".into(),
            Answer::Update(true) => "was present".into(),
            Answer::Update(false) => "was absent".into(),
        }
    }
}

/// An op that answered wrongly: op `position` of thread `thread`'s stream.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WrongAnswer {
    pub thread: u32,
    pub position: u64,
    /// The packed op ([`workload`](crate::harness::workloads::workload)'s encoding).
    pub op: u64,
    pub got: Answer,
    /// What it had to answer, in words.
    pub expected: String,
}

impl std::fmt::Display for WrongAnswer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "thread {} op #{}, {} of {}: answered \"{}\", expected \"{}\"",
            self.thread,
            self.position,
            kind_of(self.op).name(),
            key_words(index_of(self.op)),
            self.got.words(),
            self.expected
        )
    }
}

/// Which key an index is, in the spec's words.
fn key_words(index: u64) -> String {
    if index < INSERT_BASE {
        format!("prefilled key #{index}")
    } else if index < MISS_BASE {
        let rest = index - INSERT_BASE;
        format!("thread {}'s insert #{}", rest >> 32, rest & 0xFFFF_FFFF)
    } else {
        let rest = index - MISS_BASE;
        format!(
            "never-present key (thread {}, op #{})",
            rest >> 32,
            rest & 0xFFFF_FFFF
        )
    }
}

/// Checks the answer `got` of op `op`, at `position` in thread `thread`'s stream of a
/// `workload` that predicts every answer (all but `shared-write`). Success is the stream's
/// own prediction ([`Expected::of`]); a read's value is checked where the spec fixes it: a
/// thread's own insert `j` holds `j`, and a prefilled key holds its index unless the
/// workload updates.
pub fn check_answer(
    workload: Workload,
    thread: u32,
    position: u64,
    op: u64,
    got: Answer,
) -> Result<(), WrongAnswer> {
    let index = index_of(op);
    let present = index < MISS_BASE;
    let expected = match (kind_of(op), got) {
        (OpKind::Read, Answer::Read(v)) => {
            let value = if index >= INSERT_BASE {
                Some(index & 0xFFFF_FFFF)
            } else if workload.mix()[OpKind::Update] == 0 {
                Some(workload.initial_value(index))
            } else {
                None
            };
            match (present, v, value) {
                (false, None, _) => None,
                (true, Some(v), Some(want)) if v == want => None,
                (true, Some(_), None) => None,
                (false, _, _) => Some("miss".to_string()),
                (true, _, Some(want)) => Some(format!("hit (value {want})")),
                (true, _, None) => Some("hit".to_string()),
            }
        }
        (OpKind::Insert, Answer::Insert(new)) => (!new).then(|| "new".to_string()),
        (OpKind::Remove, Answer::Remove(r)) => {
            (r != present).then(|| Answer::Remove(present).words())
        }
        (OpKind::Update, Answer::Update(w)) => {
            (w != present).then(|| Answer::Update(present).words())
        }
        (kind, _) => Some(format!("an answer to a {}", kind.name())),
    };
    match expected {
        None => Ok(()),
        Some(expected) => Err(WrongAnswer {
            thread,
            position,
            op,
            got,
            expected,
        }),
    }
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
    fn each_answer_is_checked_against_the_spec_and_said_in_words() {
        use crate::harness::workloads::workload::{encode, miss_index};
        let ins = encode(OpKind::Insert, insert_index(1, 5));
        let w = Workload::WriteHeavy;
        assert!(check_answer(w, 1, 9, ins, Answer::Insert(true)).is_ok());
        let e = check_answer(w, 1, 9, ins, Answer::Insert(false)).unwrap_err();
        assert_eq!(
            e.to_string(),
            "thread 1 op #9, insert of thread 1's insert #5: answered \"already present\", \
             expected \"new\""
        );
        let rm = encode(OpKind::Remove, miss_index(0, 3));
        assert!(check_answer(w, 0, 3, rm, Answer::Remove(false)).is_ok());
        let e = check_answer(w, 0, 3, rm, Answer::Remove(true)).unwrap_err();
        assert!(
            e.to_string()
                .contains("never-present key (thread 0, op #3)"),
            "{e}"
        );
        assert_eq!(e.expected, "absent");
        // A prefilled key holds its index where nothing updates it; an own insert holds j.
        let rd = encode(OpKind::Read, 42);
        assert!(check_answer(w, 0, 0, rd, Answer::Read(Some(42))).is_ok());
        let e = check_answer(w, 0, 0, rd, Answer::Read(Some(7))).unwrap_err();
        assert_eq!(e.expected, "hit (value 42)");
        assert!(check_answer(Workload::Exchange, 0, 0, rd, Answer::Read(Some(7))).is_ok());
        assert!(check_answer(Workload::Exchange, 0, 0, rd, Answer::Read(None)).is_err());
        let own = encode(OpKind::Read, insert_index(2, 8));
        assert!(check_answer(Workload::RapidGrow, 2, 1, own, Answer::Read(Some(8))).is_ok());
        assert!(check_answer(Workload::RapidGrow, 2, 1, own, Answer::Read(Some(9))).is_err());
        let up = encode(OpKind::Update, 3);
        let e = check_answer(Workload::Exchange, 0, 4, up, Answer::Update(false)).unwrap_err();
        assert_eq!(e.expected, "was present");
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
