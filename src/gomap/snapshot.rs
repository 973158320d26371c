//! `layout`: a copy of everything about the map's memory that a strategy could change —
//! header fields, every tophash byte, which slot holds which entry, every chain's shape and
//! which storage bucket each link is — as plain values, so that tests can demand that two
//! maps driven by different strategies (e.g. [`empty_rest`](super::empty_rest)) are
//! byte-for-byte the same. Compared field by field, not as raw memory: padding and the
//! bytes of dead slots carry no meaning.

use super::bucket::{is_live, Bucket, BucketArray, BUCKET_CNT};
use super::GoMap;
use std::collections::HashMap;

/// The header and both bucket arrays of a map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MapLayout<K, V> {
    pub count: usize,
    pub flags: u8,
    pub b: u8,
    pub noverflow: u16,
    pub nevacuate: usize,
    /// The current array; empty while unallocated.
    pub buckets: Vec<Chain<K, V>>,
    /// The old array while growing.
    pub oldbuckets: Option<Vec<Chain<K, V>>>,
}

/// The chain that starts at one regular bucket, head first.
pub type Chain<K, V> = Vec<BucketLayout<K, V>>;

/// One bucket of a chain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BucketLayout<K, V> {
    /// Where it lives in its array's storage: regular buckets first, then the preallocated
    /// overflow buckets, then the ones allocated one by one (see `BucketArray::storage`).
    pub storage_index: usize,
    pub tophash: [u8; BUCKET_CNT],
    /// The entry of each live slot.
    pub slots: [Option<(K, V)>; BUCKET_CNT],
}

fn array_layout<K: Clone, V: Clone>(a: &BucketArray<K, V>) -> Vec<Chain<K, V>> {
    let index: HashMap<*mut Bucket<K, V>, usize> =
        a.storage().enumerate().map(|(i, b)| (b, i)).collect();
    (0..a.nbuckets())
        .map(|j| {
            let mut chain = Vec::new();
            let mut b = a.bucket(j);
            while !b.is_null() {
                // SAFETY: `b` is a bucket of the live array (regular, then overflow links);
                // a live tophash means an initialized key and value.
                let bucket = unsafe { &*b };
                let slots = std::array::from_fn(|i| {
                    is_live(bucket.tophash[i]).then(|| unsafe {
                        (
                            bucket.keys[i].assume_init_ref().clone(),
                            bucket.values[i].assume_init_ref().clone(),
                        )
                    })
                });
                chain.push(BucketLayout {
                    storage_index: index[&b],
                    tophash: bucket.tophash,
                    slots,
                });
                b = bucket.overflow;
            }
            chain
        })
        .collect()
}

impl<K: Clone, V: Clone, S, L, P, R, E> GoMap<K, V, S, L, P, R, E> {
    /// A copy of the map's layout, for tests that compare strategies (see the module docs).
    #[doc(hidden)]
    pub fn layout(&self) -> MapLayout<K, V> {
        MapLayout {
            count: self.count,
            flags: self.flags,
            b: self.b,
            noverflow: self.noverflow,
            nevacuate: self.nevacuate,
            buckets: array_layout(&self.buckets),
            oldbuckets: self.oldbuckets.as_ref().map(array_layout),
        }
    }
}
