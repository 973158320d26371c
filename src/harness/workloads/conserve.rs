//! Conservation, key by key: how a `shared-write` cell is validated.
//!
//! When every thread writes the same few keys, no op's outcome can be predicted, so the
//! harness cannot check outcomes one by one as it does for the other workloads
//! ([`validate`](crate::harness::workloads::validate)). What it can check is a conservation law. A key's presence
//! is 0 or 1, and only two things change it: an op that *made it present* (an insert that
//! reported a new key, or an update that reported it absent: an update inserts) and an op
//! that *made it absent* (a remove that reported success). Each thread keeps a [`Ledger`] of
//! both, per hot key; at the end of a pass, for every key,
//!
//! ```text
//!   initial presence + Σ made present − Σ made absent  =  final presence  ∈ {0, 1}
//! ```
//!
//! and `len` must be the number of present keys. A map that lets two threads both remove one
//! key, or reports an insert it lost, breaks the sum of that key. Values are checked too:
//! every value written is [`shared_value`]`(h, writer, i)`, so each read hit counts, without a
//! branch, whether its value carries another key than the one it was read from (must be 0);
//! the final values are traced back to the op that wrote them (the streams say what thread
//! `t` did at position `i`).
//!
//! The ledger is the only extra work of the timed loop: one add into a small per-thread array
//! per op (a write's outcome, or a read's foreign-value flag), the same whatever the map
//! answers, so that the `null` contender, whose answers are meaningless, pays exactly what a
//! real map pays. `gomap-bench check` measures it
//! ([`ledger_cost`](crate::harness::measuring::runner::ledger_cost)). The other workloads use [`NoLedger`], which
//! compiles to nothing.

use crate::harness::workloads::workload::{decode_shared, shared_value, Writer};

/// What a thread's timed loop writes and remembers per key, beyond the per-kind success
/// counts. Monomorphized into the loop: [`NoLedger`] costs nothing, [`HotKeys`] a few adds.
pub trait Ledger: Send + Sized {
    /// The ledger of thread `thread` over `keys` key indices.
    fn for_thread(thread: u32, keys: u64) -> Self;
    /// The value op `i` writes when it inserts or updates key index `index`.
    fn value(&self, index: u64, i: u64, is_insert: bool) -> u64;
    /// Key `index` was made present (`yes`) or not by an insert or update.
    fn made_present(&mut self, index: u64, yes: bool);
    /// Key `index` was made absent (`yes`) or not by a remove.
    fn made_absent(&mut self, index: u64, yes: bool);
    /// A read of key `index` returned `v`.
    fn read(&mut self, index: u64, v: u64);
    /// The per-key counts, for the ledgers that keep them.
    fn into_counts(self) -> Option<KeyCounts>;
}

/// The predicted workloads: the values of the spec (insert `j`, update `i`), nothing kept.
pub struct NoLedger;

impl Ledger for NoLedger {
    fn for_thread(_: u32, _: u64) -> Self {
        NoLedger
    }
    #[inline(always)]
    fn value(&self, index: u64, i: u64, is_insert: bool) -> u64 {
        if is_insert {
            index & 0xFFFF_FFFF
        } else {
            i
        }
    }
    #[inline(always)]
    fn made_present(&mut self, _: u64, _: bool) {}
    #[inline(always)]
    fn made_absent(&mut self, _: u64, _: bool) {}
    #[inline(always)]
    fn read(&mut self, _: u64, _: u64) {}
    fn into_counts(self) -> Option<KeyCounts> {
        None
    }
}

/// `shared-write`: per hot key, how often this thread made it present and absent, and how
/// many of its reads returned a value that names another key.
pub struct HotKeys {
    thread: u32,
    counts: KeyCounts,
}

impl Ledger for HotKeys {
    fn for_thread(thread: u32, keys: u64) -> Self {
        HotKeys {
            thread,
            counts: KeyCounts::new(keys as usize),
        }
    }
    #[inline(always)]
    fn value(&self, index: u64, i: u64, _: bool) -> u64 {
        shared_value(index, Writer::Thread(self.thread), i)
    }
    #[inline(always)]
    fn made_present(&mut self, index: u64, yes: bool) {
        self.counts.per_key[index as usize].made_present += u64::from(yes);
    }
    #[inline(always)]
    fn made_absent(&mut self, index: u64, yes: bool) {
        self.counts.per_key[index as usize].made_absent += u64::from(yes);
    }
    #[inline(always)]
    fn read(&mut self, index: u64, v: u64) {
        self.counts.per_key[index as usize].foreign_reads += u64::from(v >> 48 != index);
    }
    fn into_counts(self) -> Option<KeyCounts> {
        Some(self.counts)
    }
}

/// One key's counts in a ledger; a key's counters are adjacent (64 hot keys: 1.5 KiB, in L1).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KeyCount {
    pub made_present: u64,
    pub made_absent: u64,
    /// Reads that returned a value naming another key.
    pub foreign_reads: u64,
}

/// A ledger's counts, per key index.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeyCounts {
    pub per_key: Vec<KeyCount>,
}

impl KeyCounts {
    pub fn new(keys: usize) -> Self {
        KeyCounts {
            per_key: vec![KeyCount::default(); keys],
        }
    }

    /// Adds `o`'s counts to these (another thread's, or another segment's).
    pub fn add(&mut self, o: &KeyCounts) {
        if self.per_key.len() < o.per_key.len() {
            self.per_key.resize(o.per_key.len(), KeyCount::default());
        }
        for (a, b) in self.per_key.iter_mut().zip(&o.per_key) {
            a.made_present += b.made_present;
            a.made_absent += b.made_absent;
            a.foreign_reads += b.foreign_reads;
        }
    }
}

/// One key as the check sees it: present at the start, and its value at the end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyState {
    pub initially_present: bool,
    pub final_value: Option<u64>,
}

/// The conservation check of a pass. `keys[h]` is key index `h`; `counts` are every thread's
/// ledgers summed; `len` is the map's length at the end; `written(h, v)` says whether value
/// `v` was written to key `h` by some op of the pass (or the prefill). The first violation,
/// in one line, naming the key and the counts.
pub fn check(
    keys: &[KeyState],
    counts: &KeyCounts,
    len: u64,
    written: impl Fn(u64, u64) -> bool,
) -> Result<(), String> {
    let mut present = 0u64;
    for (h, k) in keys.iter().enumerate() {
        let KeyCount {
            made_present,
            made_absent,
            foreign_reads,
        } = counts.per_key.get(h).copied().unwrap_or_default();
        if foreign_reads != 0 {
            return Err(format!(
                "key #{h}: {foreign_reads} reads returned a value written to another key"
            ));
        }
        let sum =
            i128::from(k.initially_present) + i128::from(made_present) - i128::from(made_absent);
        let fin = i128::from(k.final_value.is_some());
        if sum != fin || !(0..=1).contains(&sum) {
            return Err(format!(
                "key #{h}: initial {} + {made_present} made present − {made_absent} made absent \
                 = {sum}, but the key is {} at the end",
                u8::from(k.initially_present),
                if fin == 1 { "present" } else { "absent" }
            ));
        }
        present += fin as u64;
        if let Some(v) = k.final_value {
            if !written(h as u64, v) {
                let (vh, w, i) = decode_shared(v);
                return Err(format!(
                    "key #{h}: final value {v:#x} (key #{vh}, {w:?}, op {i}) was never written \
                     to it"
                ));
            }
        }
    }
    if len != present {
        return Err(format!(
            "len {len}, but {present} of the {} hot keys are present",
            keys.len()
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn present(v: Option<u64>) -> KeyState {
        KeyState {
            initially_present: true,
            final_value: v,
        }
    }

    fn counts(per_key: &[[u64; 2]]) -> KeyCounts {
        KeyCounts {
            per_key: per_key
                .iter()
                .map(|&[p, a]| KeyCount {
                    made_present: p,
                    made_absent: a,
                    foreign_reads: 0,
                })
                .collect(),
        }
    }

    const V0: u64 = 0; // shared_value(0, Prefill, 0)
    fn any(_: u64, _: u64) -> bool {
        true
    }

    #[test]
    fn balanced_ledgers_pass() {
        let v1 = shared_value(1, Writer::Thread(0), 7);
        let keys = [present(Some(V0)), present(Some(v1)), present(None)];
        // Key 1: removed twice and re-inserted twice; key 2: removed once more than inserted.
        let c = counts(&[[0, 0], [2, 2], [3, 4]]);
        assert_eq!(check(&keys, &c, 2, any), Ok(()));
    }

    #[test]
    fn a_double_remove_breaks_the_sum_of_its_key() {
        // Two threads both reported removing key 1 once after one insert: 1 + 1 − 3 = −1.
        let keys = [present(Some(V0)), present(None)];
        let e = check(&keys, &counts(&[[0, 0], [1, 3]]), 1, any).unwrap_err();
        assert!(
            e.starts_with("key #1: initial 1 + 1 made present − 3 made absent = -1"),
            "{e}"
        );
    }

    #[test]
    fn a_lost_insert_shows_as_an_absent_key() {
        // An insert reported as new, then lost: the sum says present, the map says absent.
        let keys = [KeyState {
            initially_present: false,
            final_value: None,
        }];
        let e = check(&keys, &counts(&[[1, 0]]), 0, any).unwrap_err();
        assert!(e.contains("= 1, but the key is absent"), "{e}");
    }

    #[test]
    fn len_must_count_the_present_keys() {
        let keys = [present(Some(V0)), present(None)];
        let e = check(&keys, &counts(&[[0, 0], [0, 1]]), 2, any).unwrap_err();
        assert_eq!(e, "len 2, but 1 of the 2 hot keys are present");
    }

    #[test]
    fn values_must_have_been_written_to_their_key() {
        let foreign = shared_value(5, Writer::Thread(1), 3);
        let keys = [present(Some(foreign))];
        let e = check(&keys, &counts(&[[0, 0]]), 1, |h, v| v >> 48 == h).unwrap_err();
        assert!(e.contains("never written"), "{e}");

        let mut l = HotKeys::for_thread(0, 1);
        l.read(0, foreign);
        let e = check(&[present(Some(V0))], &l.into_counts().unwrap(), 1, any).unwrap_err();
        assert_eq!(e, "key #0: 1 reads returned a value written to another key");
    }

    #[test]
    fn ledgers_count_and_merge() {
        let mut a = HotKeys::for_thread(0, 4);
        a.made_present(2, true);
        a.made_present(2, false);
        a.made_absent(3, true);
        a.read(1, shared_value(1, Writer::Prefill, 0));
        assert_eq!(a.value(2, 9, true), shared_value(2, Writer::Thread(0), 9));
        let mut b = HotKeys::for_thread(1, 4);
        b.read(1, shared_value(2, Writer::Thread(0), 1));
        let mut sum = a.into_counts().unwrap();
        sum.add(&b.into_counts().unwrap());
        let got: Vec<[u64; 3]> = sum
            .per_key
            .iter()
            .map(|k| [k.made_present, k.made_absent, k.foreign_reads])
            .collect();
        assert_eq!(got, vec![[0, 0, 0], [0, 0, 1], [1, 0, 0], [0, 1, 0]]);
        assert!(NoLedger.into_counts().is_none());
        assert_eq!(NoLedger.value(1 << 40 | 5, 9, true), 5);
        assert_eq!(NoLedger.value(1 << 40 | 5, 9, false), 9);
    }
}
