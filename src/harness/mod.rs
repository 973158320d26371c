//! The harness: everything that runs a map and measures or checks it, in four rooms.
//!
//! - [`measuring`]: how a number is made. Interleaved rounds of a group's members
//!   ([`rounds`](measuring::rounds), [`groups`](measuring::groups)), the timed loops (single-thread
//!   [`single`](measuring::single), the index and probe kernels, the core-pinned contention
//!   [`runner`](measuring::runner)), and what surrounds a sample: placement (pinning, ASLR),
//!   the allocator, noise, latency, progress, the stop signals, the machine's facts.
//! - [`workloads`]: what is run and what it must answer. Fixed-seed [`keys`](workloads::keys),
//!   the contention op mixes and each thread's pre-generated stream
//!   ([`workload`](workloads::workload)), validation against predicted outcomes and shared-write's
//!   conservation key by key.
//! - [`checks`]: answers checked rather than timed. A Wing–Gong linearizability checker, the
//!   `check` command's runs (hot keys, Go's two-writers program, the ledger's cost) and the
//!   `detect` command's racy programs.
//! - [`suites`]: the measuring suites as the commands run them: `locate` (the locate, probe
//!   and ops suites), `contention` (the matrix), `counts` (per-op events on a simulated CPU),
//!   and the `plans` every command measures them with, the main job's and `ab`'s included.
//!
//! The rooms are cut by the question a newcomer brings: "how is this timed" (measuring),
//! "what does a thread do and how is it validated" (workloads), "is it correct"
//! (checks), "what does this command measure" (suites). Suites use the other three; checks
//! use workloads and measuring; workloads use nothing of the harness but keys.

pub mod checks;
pub mod measuring;
pub mod suites;
pub mod workloads;
