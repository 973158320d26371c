//! Growth: Go's `hashGrow`, `growWork`, `evacuate` and `advanceEvacuationMark`.
//!
//! Starting a growth only allocates the new array: 2^(B+1) buckets when the map is over
//! its load factor, 2^B (a same-size growth) when it merely has too many overflow buckets.
//! Entries move later, a little at a time: each write during a growth evacuates the old
//! bucket it is about to touch and one more, at the evacuation mark. So no single insert
//! pays for moving the whole map, which is the point of Go's design (bounded pause), and
//! lookups meanwhile read whichever array holds their key.
//!
//! Evacuating old bucket i sends each entry either to new bucket i ("X") or, when
//! doubling, to new bucket i + 2^oldB ("Y"), by the hash bit that the larger mask adds. The
//! old slots keep a marker (evacuatedX / evacuatedY / evacuatedEmpty) so that readers know
//! the bucket has moved. Keys are rehashed to choose X or Y, as Go does. How a bucket's
//! chain is moved is the map's `E` strategy ([`evacuate`](super::evacuate)).

use super::bucket::BucketArray;
use super::bucket::{tophash, Bucket, BUCKET_CNT, EVACUATED_X};
use super::empty_rest::EmptyRest;
use super::evacuate::{Evacuate, Mover};
use super::locate::Locate;
use super::probe::BitMask;
use super::probe::Probe;
use super::{over_load_factor, GoMap, SAME_SIZE_GROW};
use std::hash::{BuildHasher, Hash};
use std::ptr;

/// Go's `advanceEvacuationMark` looks at most this many buckets ahead per call, so one write
/// never scans the whole old array.
pub const EVACUATION_LOOKAHEAD: usize = 1024;

impl<K, V, S, L, P, R, E> GoMap<K, V, S, L, P, R, E>
where
    K: Hash,
    S: BuildHasher,
    L: Locate,
    P: Probe,
    R: EmptyRest,
    E: Evacuate,
{
    /// Go's `hashGrow`: allocates the new array and keeps the old one; nothing moves yet.
    #[cold]
    pub(super) fn hash_grow(&mut self) {
        let mut bigger = 1;
        if !over_load_factor(self.count + 1, self.b) {
            bigger = 0;
            self.flags |= SAME_SIZE_GROW;
        }
        let new = BucketArray::new(self.b + bigger);
        let old = std::mem::replace(&mut self.buckets, new);
        self.oldbuckets = Some(old);
        self.set_b(self.b + bigger);
        self.nevacuate = 0;
        self.noverflow = 0;
    }

    /// How many buckets the old array has (Go's `noldbuckets`).
    #[inline]
    pub(super) fn noldbuckets(&self) -> usize {
        let mut old_b = self.b;
        if !self.is_same_size_growing() {
            old_b -= 1;
        }
        super::locate::bucket_shift(old_b)
    }

    /// Go's `growWork`: evacuate the old bucket that new bucket `bucket` draws from, then
    /// one more at the evacuation mark, to make progress.
    pub(super) fn grow_work(&mut self, bucket: usize) {
        self.evacuate(bucket & (self.noldbuckets() - 1));
        if self.oldbuckets.is_some() {
            self.evacuate(self.nevacuate);
        }
    }

    /// Go's `evacuate`: moves the chain of old bucket `oldbucket` into the new array (by the
    /// `E` strategy, [`evacuate`](super::evacuate)), then advances the evacuation mark.
    fn evacuate(&mut self, oldbucket: usize) {
        let newbit = self.noldbuckets();
        let same_size = self.is_same_size_growing();
        let ob = self.oldbuckets.as_ref().expect("growing").bucket(oldbucket);
        // SAFETY: `ob` is a bucket of the live old array.
        if unsafe { !(*ob).evacuated() } {
            let y = if same_size {
                ptr::null_mut()
            } else {
                self.buckets.bucket(oldbucket + newbit)
            };
            let mut m = ChainMover {
                xy: [
                    Dest {
                        b: self.buckets.bucket(oldbucket),
                        i: 0,
                    },
                    Dest { b: y, i: 0 },
                ],
                split: (!same_size).then_some(newbit),
                map: self,
            };
            // SAFETY: `ob` is unevacuated; X and Y are the new buckets that receive entries
            // only from this old bucket (a new bucket is written only after its old bucket is
            // evacuated), so they are still empty. Go clears the old bucket's keys and values
            // afterwards when they hold pointers, for its garbage collector; our old array
            // owns nothing once marked.
            unsafe { E::evacuate_chain(ob, &mut m) };
        }
        if oldbucket == self.nevacuate {
            self.advance_evacuation_mark(newbit);
        }
    }

    /// Go's `advanceEvacuationMark`: steps past evacuated buckets; when every old bucket is
    /// evacuated, frees the old array and ends the growth.
    fn advance_evacuation_mark(&mut self, newbit: usize) {
        self.nevacuate += 1;
        let stop = (self.nevacuate + EVACUATION_LOOKAHEAD).min(newbit);
        let old = self.oldbuckets.as_ref().expect("growing");
        // SAFETY: indices below `newbit` (the old bucket count) are buckets of the old array.
        while self.nevacuate != stop && unsafe { (*old.bucket(self.nevacuate)).evacuated() } {
            self.nevacuate += 1;
        }
        if self.nevacuate == newbit {
            // Every old slot is marked evacuated: dropping the array frees memory only.
            self.oldbuckets = None;
            self.flags &= !SAME_SIZE_GROW;
        }
    }
}

/// Where evacuated entries of one old bucket go (Go's `evacDst`): a bucket of the new array
/// and its next free slot.
struct Dest<K, V> {
    b: *mut Bucket<K, V>,
    i: usize,
}

/// The map's side of evacuating one old bucket's chain: its destinations (X, and Y when
/// doubling, `split` buckets further on) and the map, for rehashing and overflow buckets.
struct ChainMover<'a, K, V, S, L, P, R, E> {
    map: &'a mut GoMap<K, V, S, L, P, R, E>,
    xy: [Dest<K, V>; 2],
    /// The old bucket count when doubling (the hash bit that picks Y); `None` same-size.
    split: Option<usize>,
}

impl<K, V, S, L, P, R, E> Mover<K, V> for ChainMover<'_, K, V, S, L, P, R, E>
where
    K: Hash,
    S: BuildHasher,
    L: Locate,
    P: Probe,
    R: EmptyRest,
    E: Evacuate,
{
    #[inline(always)]
    fn live(&self, tophash: &[u8; 8]) -> BitMask {
        BitMask(!P::match_empty(tophash).0)
    }

    #[inline(always)]
    fn half(&self, key: &K) -> usize {
        match self.split {
            Some(newbit) => {
                // Rehash to learn which half the key belongs to, as Go does.
                let hash = self.map.hash0.hash_one(key);
                (hash as usize & newbit != 0) as usize
            }
            None => 0,
        }
    }

    #[inline(always)]
    unsafe fn move_entry(&mut self, b: *mut Bucket<K, V>, i: usize, top: u8, half: usize) {
        debug_assert!(half == 0 || self.split.is_some());
        // SAFETY: the caller's contract: a live source slot not yet moved; the destinations
        // are filled only from this old bucket, so their next slot is empty. The entry is
        // moved bitwise once and its old slot marked right after, so it is never dropped or
        // read there again.
        unsafe {
            debug_assert!(
                self.split.is_none()
                    || tophash(self.map.hash0.hash_one((*b).keys[i].assume_init_ref())) == top
            );
            let xy = &mut self.xy;
            if xy[half].i == BUCKET_CNT {
                xy[half].b = self.map.new_overflow(xy[half].b);
                xy[half].i = 0;
            }
            let dst = &mut xy[half];
            (*dst.b).tophash[dst.i] = top;
            ptr::copy_nonoverlapping((*b).keys[i].as_ptr(), (*dst.b).keys[dst.i].as_mut_ptr(), 1);
            ptr::copy_nonoverlapping(
                (*b).values[i].as_ptr(),
                (*dst.b).values[dst.i].as_mut_ptr(),
                1,
            );
            (*b).tophash[i] = EVACUATED_X + half as u8;
            dst.i += 1;
        }
    }
}
