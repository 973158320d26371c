//! The `gomap-bench` binary: the library's command line ([`gomap_bench::main`]), and what
//! only a binary may choose, its global allocator.

use gomap_bench::harness::measuring::allocator::HarnessAllocator;
use std::process::ExitCode;

/// Huge pages for big allocations, bytes counted during prefill windows (see
/// `harness::measuring::allocator`).
#[global_allocator]
static ALLOCATOR: HarnessAllocator = HarnessAllocator;

fn main() -> ExitCode {
    gomap_bench::main()
}
