//! The vocabulary every layer speaks: the closed sets of this project (operations, op kinds,
//! workloads, key distributions, index kernels, probe patterns, detection programs, counted
//! events, roles, instruction sets) and a row's [`Identity`], with their names and parsing — and nothing
//! else. It sits at the bottom: it imports no other module of the crate, so the results
//! format can name a workload without reaching into the harness that runs it, and the
//! harness can name a role without reaching into the registry.
//!
//! Behaviour stays where it is used: a [`Workload`]'s op mix is the harness's, a [`Role`]'s
//! consequences are `compare`'s. A name here is spelled as files and the CLI spell it, and
//! `FromStr` reads it back with a one-line error listing the known names.

pub mod event;
pub mod identity;
pub mod isa;
pub mod kernel;
pub mod op;
pub mod program;
pub mod role;
pub mod workload;

pub use event::{Counted, Event};
pub use identity::{Identity, OpId, Suite, NOT_APPLICABLE};
pub use isa::Isa;
pub use kernel::{IndexKernel, Pattern};
pub use op::{Op, OpKind};
pub use program::Program;
pub use role::Role;
pub use workload::{Dist, Workload};
