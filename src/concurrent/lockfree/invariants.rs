//! `check_invariants`: a full walk of a quiescent map (`&mut self`: no thread inside) that
//! checks every rule the design relies on, Go's (as `gomap`'s checker does) and the
//! concurrent map's own. For tests; it hashes every key, so it costs O(n).

use super::bucket::{top_at, Bucket};
use super::sync::Ordering;
use super::table::Table;
use super::version::{EVACUATED, LOCKED};
use super::ConcurrentGoMap;
use crate::gomap::bucket::{
    is_live, tophash, BUCKET_CNT, EMPTY_REST, EVACUATED_EMPTY, EVACUATED_X, MIN_TOP_HASH,
};
use crate::gomap::locate::bucket_mask;
use std::collections::HashSet;
use std::hash::BuildHasher;

/// One slot of a chain as the checker sees it: its tophash, and its key and value when live.
type Slot = (u8, Option<(u64, u64)>);

/// Every slot of the chain at `head`, in order.
fn slots(head: &Bucket) -> Vec<Slot> {
    let mut out = Vec::new();
    let mut b = head;
    loop {
        let th = b.tophash.load(Ordering::Relaxed);
        for i in 0..BUCKET_CNT {
            let t = top_at(th, i);
            let kv = is_live(t).then(|| {
                (
                    b.keys[i].load(Ordering::Relaxed),
                    b.values[i].load(Ordering::Relaxed),
                )
            });
            out.push((t, kv));
        }
        let next = b.next();
        if next.is_null() {
            return out;
        }
        // SAFETY: a link of a chain of a live table; the map is quiescent.
        b = unsafe { &*next };
    }
}

impl<S: BuildHasher> ConcurrentGoMap<S> {
    /// Checks: no chain locked; the table's mask; each live key's tophash and bucket, and no
    /// key twice; emptyRest followed only by empty slots; no evacuation mark and no EVACUATED
    /// bit in the current table; while growing, old buckets below the mark evacuated, the
    /// EVACUATED bit set exactly on the old buckets whose every slot carries an evacuation
    /// mark, and the new buckets of an unevacuated old bucket still empty; the count.
    pub fn check_invariants(&mut self) -> Result<(), String> {
        // SAFETY: `&mut self`: quiescent; the current table is live.
        let t = unsafe { &*self.current.load(Ordering::Relaxed) };
        if t.mask != bucket_mask(t.b) {
            return Err(format!("mask {:#x} is not bucketMask(B = {})", t.mask, t.b));
        }
        let mut seen = HashSet::new();
        let mut live = 0usize;
        for j in 0..t.nbuckets() {
            let v = t.bucket(j).version.load_relaxed();
            if v & (LOCKED | EVACUATED) != 0 {
                return Err(format!("bucket {j}: version {v:#x} locked or evacuated"));
            }
            let mut rest = false;
            for (top, kv) in slots(t.bucket(j)) {
                if let Some((k, _)) = kv {
                    if rest {
                        return Err(format!("bucket {j}: live slot after emptyRest"));
                    }
                    self.check_key(k, top, j, t.mask, &mut seen)?;
                    live += 1;
                } else if (EVACUATED_X..=EVACUATED_EMPTY).contains(&top) {
                    return Err(format!(
                        "bucket {j}: evacuation mark {top} in the new table"
                    ));
                } else if top == EMPTY_REST {
                    rest = true;
                }
            }
        }
        let old = t.old.load(Ordering::Relaxed);
        if !old.is_null() {
            // SAFETY: the old table of a growing current table is live.
            live += self.check_old(t, unsafe { &*old }, &mut seen)?;
        }
        if live != self.count.sum() {
            return Err(format!(
                "count is {} but {live} live slots",
                self.count.sum()
            ));
        }
        Ok(())
    }

    fn check_key(
        &self,
        k: u64,
        top: u8,
        bucket: usize,
        mask: usize,
        seen: &mut HashSet<u64>,
    ) -> Result<(), String> {
        let h = self.hash_key(k);
        if tophash(h) != top {
            return Err(format!(
                "bucket {bucket}: tophash {top} but key {k}'s is {}",
                tophash(h)
            ));
        }
        if h as usize & mask != bucket {
            return Err(format!(
                "key {k} in bucket {bucket} belongs in {}",
                h as usize & mask
            ));
        }
        if !seen.insert(k) {
            return Err(format!("key {k} is in the map twice"));
        }
        Ok(())
    }

    /// The old table of a growth: returns its live (unevacuated) entries.
    fn check_old(&self, t: &Table, old: &Table, seen: &mut HashSet<u64>) -> Result<usize, String> {
        let expected_b = if t.same_size { t.b } else { t.b - 1 };
        if old.b != expected_b {
            return Err(format!("old table has B = {}, new B = {}", old.b, t.b));
        }
        if !old.old().is_null() {
            return Err("the old table is itself growing".into());
        }
        let nold = old.nbuckets();
        let nevacuate = t.nevacuate.load(Ordering::Relaxed);
        if nevacuate >= nold {
            return Err(format!("nevacuate {nevacuate} but only {nold} old buckets"));
        }
        let mut live = 0;
        for j in 0..nold {
            let v = old.bucket(j).version.load_relaxed();
            if v & LOCKED != 0 {
                return Err(format!("old bucket {j} is locked"));
            }
            let evacuated = v & EVACUATED != 0;
            if j < nevacuate && !evacuated {
                return Err(format!("old bucket {j} below nevacuate is not evacuated"));
            }
            for (top, kv) in slots(old.bucket(j)) {
                let marked = (EVACUATED_X..MIN_TOP_HASH).contains(&top);
                if evacuated != marked {
                    return Err(format!(
                        "old bucket {j}: slot mark {top}, EVACUATED = {evacuated}"
                    ));
                }
                if let Some((k, _)) = kv {
                    self.check_key(k, top, j, old.mask, seen)?;
                    live += 1;
                }
            }
            if !evacuated {
                let mut dests = vec![j];
                if !t.same_size {
                    dests.push(j + nold);
                }
                for d in dests {
                    if slots(t.bucket(d)).iter().any(|&(top, _)| top != EMPTY_REST) {
                        return Err(format!("new bucket {d} filled before old bucket {j} moved"));
                    }
                }
            }
        }
        Ok(live)
    }

    /// Every entry, in bucket order (a quiescent snapshot: `&mut self`).
    pub fn entries(&mut self) -> Vec<(u64, u64)> {
        // SAFETY: `&mut self`: quiescent; the current table, and while growing its old one,
        // are live.
        let t = unsafe { &*self.current.load(Ordering::Relaxed) };
        let old = t.old.load(Ordering::Relaxed);
        let mut out = Vec::new();
        let mut collect = |tb: &Table| {
            for j in 0..tb.nbuckets() {
                out.extend(slots(tb.bucket(j)).into_iter().filter_map(|(_, kv)| kv));
            }
        };
        if !old.is_null() {
            // SAFETY: see above. Its evacuated slots carry marks, not live tophashes, so
            // only its unevacuated entries are collected.
            collect(unsafe { &*old });
        }
        collect(t);
        out
    }
}
