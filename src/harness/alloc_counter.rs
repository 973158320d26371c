//! Bytes a contender holds, counted by a global allocator.
//!
//! The binary installs [`CountingAllocator`] (`#[global_allocator]` in `main.rs` only: a library
//! must not choose its users' allocator). It wraps `System` and, only while a [`measure`] window
//! is open, adds every allocation's size to one atomic counter and subtracts every free.
//! Counting is off the rest of the time, so the timed loops never touch the shared counter —
//! an atomic add on every allocation would bounce one cache line between cores and slow down
//! exactly the contenders that allocate per op.
//!
//! [`measure`] returns `None` when the counting allocator is not installed (tests, benches,
//! other binaries): it checks that a probe allocation inside the window was counted.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicBool, AtomicIsize, Ordering};
use std::sync::Mutex;

static COUNTING: AtomicBool = AtomicBool::new(false);
static NET_BYTES: AtomicIsize = AtomicIsize::new(0);
/// One window at a time.
static WINDOW: Mutex<()> = Mutex::new(());

/// `System`, plus byte counting while a [`measure`] window is open.
pub struct CountingAllocator;

#[inline(always)]
fn count(delta: isize) {
    if COUNTING.load(Ordering::Relaxed) {
        NET_BYTES.fetch_add(delta, Ordering::Relaxed);
    }
}

// SAFETY: every method forwards to `System` with the caller's arguments unchanged, so it upholds
// `GlobalAlloc`'s contract exactly as `System` does; the counting touches only two atomics and
// never allocates (no reentrancy).
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged; the caller guarantees a non-zero-size layout.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            count(layout.size() as isize);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as `alloc`.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            count(layout.size() as isize);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller guarantees `ptr` came from this allocator (hence from `System`)
        // with this layout.
        unsafe { System.dealloc(ptr, layout) };
        count(-(layout.size() as isize));
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's guarantees for `realloc` are forwarded unchanged to `System`.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            count(new_size as isize - layout.size() as isize);
        }
        p
    }
}

/// Runs `f` and returns the bytes it left allocated (allocated minus freed during `f`, on any
/// thread), or `None` when [`CountingAllocator`] is not the global allocator.
pub fn measure<R>(f: impl FnOnce() -> R) -> (R, Option<i64>) {
    let _window = WINDOW.lock().unwrap_or_else(|e| e.into_inner());
    COUNTING.store(true, Ordering::SeqCst);
    let before = NET_BYTES.load(Ordering::SeqCst);
    let probe = black_box(Vec::<u8>::with_capacity(64));
    let installed = NET_BYTES.load(Ordering::SeqCst) - before >= 64;
    drop(probe);
    if !installed {
        COUNTING.store(false, Ordering::SeqCst);
        return (f(), None);
    }
    let start = NET_BYTES.load(Ordering::SeqCst);
    let r = f();
    let held = NET_BYTES.load(Ordering::SeqCst) - start;
    COUNTING.store(false, Ordering::SeqCst);
    (r, Some(held as i64))
}

#[cfg(test)]
mod tests {
    #[test]
    fn not_installed_in_unit_tests() {
        let (v, bytes) = super::measure(|| vec![0u8; 1000]);
        assert_eq!(v.len(), 1000);
        assert_eq!(bytes, None);
    }
}
