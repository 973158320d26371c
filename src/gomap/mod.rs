//! TEMPORARY STUB: the real GoMap replaces this file. Same public API.
use std::borrow::Borrow;
use std::hash::{BuildHasher, Hash};

pub type DefaultHashBuilder = foldhash::fast::RandomState;

pub struct GoMap<K, V, S = DefaultHashBuilder>(hashbrown::HashMap<K, V, S>);

impl<K: Hash + Eq, V> GoMap<K, V> {
    pub fn new() -> Self {
        Self::with_hasher(Default::default())
    }
    pub fn with_capacity(n: usize) -> Self {
        Self::with_capacity_and_hasher(n, Default::default())
    }
}

impl<K: Hash + Eq, V, S: BuildHasher> GoMap<K, V, S> {
    pub fn with_hasher(s: S) -> Self {
        GoMap(hashbrown::HashMap::with_hasher(s))
    }
    pub fn with_capacity_and_hasher(n: usize, s: S) -> Self {
        GoMap(hashbrown::HashMap::with_capacity_and_hasher(n, s))
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn hasher(&self) -> &S {
        self.0.hasher()
    }
    pub fn hash_key<Q: ?Sized + Hash>(&self, k: &Q) -> u64 {
        self.0.hasher().hash_one(k)
    }
    pub fn get<Q: ?Sized + Hash + Eq>(&self, k: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.0.get(k)
    }
    pub fn get_hashed<Q: ?Sized + Hash + Eq>(&self, _hash: u64, k: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.0.get(k)
    }
    pub fn insert(&mut self, k: K, v: V) -> Option<V> {
        self.0.insert(k, v)
    }
    pub fn insert_hashed(&mut self, _hash: u64, k: K, v: V) -> Option<V> {
        self.0.insert(k, v)
    }
    pub fn remove<Q: ?Sized + Hash + Eq>(&mut self, k: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        self.0.remove(k)
    }
    pub fn remove_hashed<Q: ?Sized + Hash + Eq>(&mut self, _hash: u64, k: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        self.0.remove(k)
    }
}

impl<V, S: BuildHasher> GoMap<u64, V, S> {
    pub fn get_fast64(&self, k: u64) -> Option<&V> {
        self.0.get(&k)
    }
    pub fn insert_fast64(&mut self, k: u64, v: V) -> Option<V> {
        self.0.insert(k, v)
    }
    pub fn remove_fast64(&mut self, k: u64) -> Option<V> {
        self.0.remove(&k)
    }
}
