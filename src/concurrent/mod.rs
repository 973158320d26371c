//! GoMap made shareable between threads, three ways:
//!
//! - [`guarded`]: one map behind one `Mutex` or `RwLock` — the baseline every sharing scheme
//!   must beat, and what most Go programs do (`sync.Mutex` / `sync.RWMutex` around a map).
//! - [`sharded`]: N cache-padded `RwLock<GoMap>` shards, the shard picked from hash bits the map
//!   itself never looks at, each key hashed once per operation.
//! - [`failfast`]: no lock at all, only Go's `concurrent map writes` detector — done with an
//!   atomic claim, so that it is sound where Go's is best effort.
//! - [`lockfree`]: not a wrapper but Go's layout rebuilt for sharing (`u64 → u64`): readers
//!   take no lock (a seqlock per bucket chain), writers lock one chain, growth stays
//!   incremental, old tables are freed by epochs.
//!
//! Every wrapper hashes a key once, with its own clone of the map's `BuildHasher`, and passes
//! the hash down through `GoMap::*_hashed`. The locked and sharded wrappers hash before
//! taking a lock; the fail-fast one hashes inside its claim (it has no lock to keep short).

pub mod failfast;
pub mod guarded;
pub mod lockfree;
pub mod sharded;

pub use failfast::{ConcurrentMapError, FailFastGoMap};
pub use guarded::{Exclusive, Guarded, LockPolicy, MutexGoMap, RwLockGoMap, SharedReads};
pub use lockfree::{ConcurrentGoMap, Pinned};
pub use sharded::ShardedGoMap;
