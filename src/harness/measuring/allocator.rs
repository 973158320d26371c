//! The harness's global allocator: `System`, with two jobs added.
//!
//! **Huge pages for big allocations.** Every allocation of 2 MiB or more (a map's bucket or
//! control array, a key stream) is mapped on its own, aligned to 2 MiB, and marked
//! `MADV_HUGEPAGE`, so that the kernel backs it with transparent huge pages where it can
//! (THP `madvise` or `always`). Without this, a cache-missing loop over a 2^20-entry map ran
//! 10–40% faster or slower depending on which 4 KiB pages the map happened to get (their cache
//! colours and TLB reach): the same build of the same map, rebuilt in one process, gave
//! hashbrown's get_miss at 17–26 ns and std ÷ hashbrown (the same table) at 1.07–1.48. On
//! 2 MiB pages the same rebuilds agree within 3%, and every map gets the same treatment, so
//! no contender wins by luck of placement. It can be switched off ([`set_huge_pages`], the
//! CLI's `GOMAP_BENCH_HUGE_PAGES=off`) to measure the other way; results record which.
//!
//! **Byte counting.** Only while a [`measure`] window is open, every allocation's size is
//! added to one atomic counter and every free subtracted. Counting is off the rest of the
//! time, so the timed loops never touch the shared counter — an atomic add on every
//! allocation would bounce one cache line between cores and slow down exactly the contenders
//! that allocate per op.
//!
//! The binary installs [`HarnessAllocator`] (`#[global_allocator]` in `main.rs` only: a
//! library must not choose its users' allocator). [`measure`] returns `None` when it is not
//! installed (tests, benches, other binaries): it checks that a probe allocation inside the
//! window was counted.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicBool, AtomicIsize, Ordering};
use std::sync::Mutex;

static COUNTING: AtomicBool = AtomicBool::new(false);
static NET_BYTES: AtomicIsize = AtomicIsize::new(0);
/// One window at a time.
static WINDOW: Mutex<()> = Mutex::new(());
/// Big allocations go to huge pages (the default).
static HUGE_PAGES: AtomicBool = AtomicBool::new(true);

/// `System`, plus huge pages for big allocations and byte counting in [`measure`] windows.
pub struct HarnessAllocator;

/// The environment variable that, set to `off` (or `0`), puts big allocations on ordinary
/// pages instead of huge ones (read by the binary before anything big is allocated).
pub const HUGE_PAGES_ENV: &str = "GOMAP_BENCH_HUGE_PAGES";

/// Turns the huge-page path on or off. Call it before anything big is allocated: a block is
/// freed the way it was allocated only if the setting did not change in between.
pub fn set_huge_pages(on: bool) {
    HUGE_PAGES.store(on, Ordering::SeqCst);
}

/// Whether big allocations go to huge pages.
pub fn huge_pages() -> bool {
    HUGE_PAGES.load(Ordering::Relaxed)
}

/// What `run.allocator` says of this process.
pub fn description() -> String {
    let counting = measure(|| ()).1.is_some();
    match (counting, huge_pages() && cfg!(target_os = "linux")) {
        (false, _) => "system".into(),
        (true, true) => "system; allocations >= 2 MiB on their own 2 MiB-aligned mappings, \
                         madvise(MADV_HUGEPAGE); bytes counted during prefill only"
            .into(),
        (true, false) => "system (huge pages off); bytes counted during prefill only".into(),
    }
}

#[inline(always)]
fn count(delta: isize) {
    if COUNTING.load(Ordering::Relaxed) {
        NET_BYTES.fetch_add(delta, Ordering::Relaxed);
    }
}

/// The huge-page path: whole mappings, 2 MiB-aligned, marked for transparent huge pages.
#[cfg(target_os = "linux")]
mod huge {
    use std::alloc::Layout;

    /// One huge page: the smallest allocation that takes this path, and its alignment.
    pub const PAGE: usize = 2 << 20;

    extern "C" {
        fn mmap(addr: *mut u8, len: usize, prot: i32, flags: i32, fd: i32, off: i64) -> *mut u8;
        fn munmap(addr: *mut u8, len: usize) -> i32;
        fn madvise(addr: *mut u8, len: usize, advice: i32) -> i32;
    }
    const PROT_READ_WRITE: i32 = 0x1 | 0x2;
    const MAP_PRIVATE_ANONYMOUS: i32 = 0x02 | 0x20;
    const MADV_HUGEPAGE: i32 = 14;

    /// Whether `layout` takes this path: big enough, and an alignment a huge page satisfies.
    #[inline(always)]
    pub fn takes(layout: &Layout) -> bool {
        layout.size() >= PAGE && layout.align() <= PAGE && super::huge_pages()
    }

    fn rounded(size: usize) -> usize {
        size.div_ceil(PAGE) * PAGE
    }

    /// A fresh, zeroed, 2 MiB-aligned mapping of at least `size` bytes, or null.
    ///
    /// # Safety
    /// Plain system calls; the result is freed only by [`free`] with the same size.
    pub unsafe fn alloc(size: usize) -> *mut u8 {
        let body = rounded(size);
        let len = body + PAGE;
        // SAFETY: an anonymous private mapping of a fresh range: no memory of ours changes.
        let p = unsafe {
            mmap(
                std::ptr::null_mut(),
                len,
                PROT_READ_WRITE,
                MAP_PRIVATE_ANONYMOUS,
                -1,
                0,
            )
        };
        if p as isize == -1 {
            return std::ptr::null_mut();
        }
        let start = (p as usize).div_ceil(PAGE) * PAGE;
        let head = start - p as usize;
        let tail = len - head - body;
        // SAFETY: both ranges lie inside the mapping just made, outside [start, start+body).
        unsafe {
            if head > 0 {
                munmap(p, head);
            }
            if tail > 0 {
                munmap((start + body) as *mut u8, tail);
            }
            // Advice only: where the kernel cannot give huge pages, 4 KiB ones serve.
            madvise(start as *mut u8, body, MADV_HUGEPAGE);
        }
        start as *mut u8
    }

    /// Unmaps what [`alloc`] mapped for `size` bytes.
    ///
    /// # Safety
    /// `p` came from [`alloc`] with this `size` and is not used afterwards.
    pub unsafe fn free(p: *mut u8, size: usize) {
        // SAFETY: by the caller's guarantee, exactly the range `alloc` kept.
        unsafe {
            munmap(p, rounded(size));
        }
    }
}

#[cfg(not(target_os = "linux"))]
mod huge {
    pub fn takes(_: &std::alloc::Layout) -> bool {
        false
    }
    pub unsafe fn alloc(_: usize) -> *mut u8 {
        unreachable!()
    }
    pub unsafe fn free(_: *mut u8, _: usize) {
        unreachable!()
    }
}

// SAFETY: small blocks are forwarded to `System` with the caller's arguments unchanged; big
// ones get fresh anonymous mappings (zeroed, aligned to 2 MiB, which satisfies any alignment
// the path accepts) that only `dealloc` of the same layout unmaps; whether a block is big is
// decided by its layout alone, the same in `alloc` and `dealloc` (the setting is fixed before
// measuring starts). The counting touches only two atomics and never allocates.
unsafe impl GlobalAlloc for HarnessAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = if huge::takes(&layout) {
            // SAFETY: see the impl's comment; freed by `dealloc` with this layout.
            unsafe { huge::alloc(layout.size()) }
        } else {
            // SAFETY: forwarded unchanged; the caller guarantees a non-zero-size layout.
            unsafe { System.alloc(layout) }
        };
        if !p.is_null() {
            count(layout.size() as isize);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if huge::takes(&layout) {
            // SAFETY: a fresh anonymous mapping is zeroed already.
            return unsafe { self.alloc(layout) };
        }
        // SAFETY: as `alloc`.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            count(layout.size() as isize);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if huge::takes(&layout) {
            // SAFETY: a big layout was allocated by `huge::alloc` with this size.
            unsafe { huge::free(ptr, layout.size()) };
        } else {
            // SAFETY: the caller guarantees `ptr` came from this allocator (hence, for a
            // small layout, from `System`) with this layout.
            unsafe { System.dealloc(ptr, layout) };
        }
        count(-(layout.size() as isize));
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller guarantees `new_size` does not overflow with this alignment.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        if !huge::takes(&layout) && !huge::takes(&new_layout) {
            // SAFETY: the caller's guarantees for `realloc` are forwarded unchanged.
            let p = unsafe { System.realloc(ptr, layout, new_size) };
            if !p.is_null() {
                count(new_size as isize - layout.size() as isize);
            }
            return p;
        }
        // Into, out of, or within the huge-page path: a new block, a copy, the old one freed.
        // SAFETY: `new_layout` is valid (above); the copy stays within both blocks; `ptr` is
        // freed with the layout it was allocated with and not used afterwards.
        unsafe {
            let p = self.alloc(new_layout);
            if !p.is_null() {
                std::ptr::copy_nonoverlapping(ptr, p, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
            p
        }
    }
}

/// Runs `f` and returns the bytes it left allocated (allocated minus freed during `f`, on any
/// thread), or `None` when [`HarnessAllocator`] is not the global allocator.
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
    use super::*;

    #[test]
    fn not_installed_in_unit_tests() {
        let (v, bytes) = measure(|| vec![0u8; 1000]);
        assert_eq!(v.len(), 1000);
        assert_eq!(bytes, None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_huge_page_path_gives_aligned_zeroed_memory_that_grows_and_shrinks() {
        let a = HarnessAllocator;
        let big = Layout::from_size_align(3 << 20, 64).unwrap();
        // SAFETY: a valid non-zero layout; every block is freed once with its layout.
        unsafe {
            let p = a.alloc_zeroed(big);
            assert!(!p.is_null());
            assert_eq!(p as usize % (2 << 20), 0);
            assert!((0..big.size()).step_by(4096).all(|i| *p.add(i) == 0));
            *p.add(100) = 7;
            // Shrink out of the path, then grow back into it: the byte travels along.
            let q = a.realloc(p, big, 1000);
            assert_eq!(*q.add(100), 7);
            let small = Layout::from_size_align(1000, 64).unwrap();
            let r = a.realloc(q, small, 5 << 20);
            assert_eq!(r as usize % (2 << 20), 0);
            assert_eq!(*r.add(100), 7);
            a.dealloc(r, Layout::from_size_align(5 << 20, 64).unwrap());
        }
    }
}
