//! `check_invariants`: a full walk of the map that checks every rule the design relies on.
//! For tests; it hashes every key, so it costs O(n).

use super::bucket::{
    is_empty, is_live, tophash, Bucket, BucketArray, BUCKET_CNT, EVACUATED_EMPTY, EVACUATED_X,
    MIN_TOP_HASH,
};
use super::empty_rest::EmptyRest;
use super::evacuate::Evacuate;
use super::locate::{bucket_mask, Locate};
use super::probe::Probe;
use super::{GoMap, SAME_SIZE_GROW};
use std::hash::{BuildHasher, Hash};

/// Walks the chain at `b`, calling `slot(tophash, key)` for each slot.
///
/// # Safety
/// `b` heads a chain of a live array.
unsafe fn walk<K, V>(
    mut b: *const Bucket<K, V>,
    mut slot: impl FnMut(u8, Option<&K>) -> Result<(), String>,
) -> Result<usize, String> {
    let mut buckets = 0;
    while !b.is_null() {
        // SAFETY: caller's contract; live tophash ⇒ initialized key.
        unsafe {
            for i in 0..BUCKET_CNT {
                let t = (*b).tophash[i];
                let k = is_live(t).then(|| (*b).keys[i].assume_init_ref());
                slot(t, k)?;
            }
            b = (*b).overflow;
        }
        buckets += 1;
    }
    Ok(buckets)
}

impl<K, V, S, L, P, R, E> GoMap<K, V, S, L, P, R, E>
where
    K: Hash + Eq,
    S: BuildHasher,
    L: Locate,
    P: Probe,
    R: EmptyRest,
    E: Evacuate,
{
    /// Checks: the count; each live key's tophash and bucket; emptyRest followed only by
    /// empty slots, to the end of the chain; no evacuation marks in the new array; old
    /// buckets below `nevacuate` evacuated, and evacuated buckets marked throughout; the new
    /// buckets of an unevacuated old bucket still empty; B, mask and flags coherent.
    pub fn check_invariants(&self) -> Result<(), String> {
        if self.mask != bucket_mask(self.b) {
            return Err(format!(
                "mask {:#x} is not bucketMask(B = {})",
                self.mask, self.b
            ));
        }
        if self.buckets.is_allocated() && self.buckets.nbuckets() != 1 << self.b {
            return Err(format!(
                "{} buckets for B = {}",
                self.buckets.nbuckets(),
                self.b
            ));
        }
        if self.oldbuckets.is_none() && self.flags & SAME_SIZE_GROW != 0 {
            return Err("sameSizeGrow set while not growing".into());
        }
        let mut live = 0usize;
        // The new array.
        for j in 0..self.buckets.nbuckets() {
            let mut rest = false;
            // SAFETY: bucket j of the live array.
            unsafe {
                walk(self.buckets.bucket(j), |t, k| {
                    if let Some(k) = k {
                        if rest {
                            return Err(format!("bucket {j}: live slot after emptyRest"));
                        }
                        self.check_key(k, t, j, self.mask)?;
                        live += 1;
                    } else if (EVACUATED_X..=EVACUATED_EMPTY).contains(&t) {
                        return Err(format!("bucket {j}: evacuation mark {t} in the new array"));
                    } else if t == 0 {
                        rest = true;
                    }
                    Ok(())
                })?;
            }
        }
        if let Some(old) = &self.oldbuckets {
            live += self.check_old(old)?;
        }
        if live != self.count {
            return Err(format!("count is {} but {} live slots", self.count, live));
        }
        Ok(())
    }

    fn check_key(&self, k: &K, t: u8, bucket: usize, mask: usize) -> Result<(), String> {
        let h = self.hash_key(k);
        if tophash(h) != t {
            return Err(format!(
                "bucket {bucket}: tophash {t} but the key's is {}",
                tophash(h)
            ));
        }
        if h as usize & mask != bucket {
            return Err(format!(
                "key in bucket {bucket} belongs in {}",
                h as usize & mask
            ));
        }
        Ok(())
    }

    /// The old array: returns its live (unevacuated) entries.
    fn check_old(&self, old: &BucketArray<K, V>) -> Result<usize, String> {
        let nold = self.noldbuckets();
        if old.nbuckets() != nold {
            return Err(format!(
                "old array has {} buckets, expected {nold}",
                old.nbuckets()
            ));
        }
        if self.nevacuate >= nold {
            return Err(format!(
                "nevacuate {} but only {nold} old buckets",
                self.nevacuate
            ));
        }
        let mut live = 0;
        for j in 0..nold {
            // SAFETY: bucket j of the live old array.
            let evacuated = unsafe { (*old.bucket(j)).evacuated() };
            if j < self.nevacuate && !evacuated {
                return Err(format!("old bucket {j} below nevacuate is not evacuated"));
            }
            // SAFETY: as above.
            unsafe {
                walk(old.bucket(j), |t, k| {
                    let marked = (EVACUATED_X..MIN_TOP_HASH).contains(&t);
                    if evacuated != marked {
                        return Err(format!(
                            "old bucket {j}: slot mark {t}, evacuated = {evacuated}"
                        ));
                    }
                    if let Some(k) = k {
                        self.check_key(k, t, j, nold - 1)?;
                        live += 1;
                    }
                    Ok(())
                })?;
            }
            if !evacuated {
                // Its destinations must not have been written yet.
                let mut dests = vec![j];
                if !self.is_same_size_growing() {
                    dests.push(j + nold);
                }
                for d in dests {
                    // SAFETY: bucket d of the live new array.
                    unsafe {
                        walk(self.buckets.bucket(d), |t, _| {
                            if is_empty(t) {
                                Ok(())
                            } else {
                                Err(format!("new bucket {d} filled before old bucket {j} moved"))
                            }
                        })?;
                    }
                }
            }
        }
        Ok(live)
    }
}
