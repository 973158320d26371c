//! Where a measurement runs: on which core, and at which addresses.
//!
//! Two copies of one build, run side by side, measured in-cache lookups up to 40% apart on
//! this VM: each process had landed on its own vCPU, and the two vCPUs were not equally fast.
//! Pinned to the same core, the gap shrank to a few percent, and what was left changed sign
//! from one pair of processes to the next: the placement of code, heap and stack, which
//! address-space layout randomization (ASLR) draws anew for every process, and which moves
//! branch-predictor and cache-set collisions of a tight loop. So:
//! - every single-thread group runs on one fixed core, the last one (away from core 0, where
//!   interrupts land), as the criterion benches do;
//! - the processes of the main job (and of `locate`, `contention`) run without ASLR, so one
//!   build places everything alike every time, and two runs of it are two moments, not two
//!   layouts. `ab` does the opposite on purpose: it compares two builds over many fresh
//!   pairs of worker processes, each drawing its layout, so that a layout that happens to
//!   favour one build is one draw among many, not the whole comparison (see `ab`).

use crate::harness::measuring::stop;

/// The calling thread's CPU mask as it was before [`pin_to_last_core`]; dropping the guard
/// puts it back, so that what runs next (a contention group, which spreads its threads over
/// every core, and counts them from the mask) sees all the cores again.
pub struct Pinned {
    #[cfg(target_os = "linux")]
    saved: Option<[u8; CPU_SET_BYTES]>,
    /// Whether the pinning took.
    pub ok: bool,
}

/// The size of Linux's `cpu_set_t` (1024 CPUs).
#[cfg(target_os = "linux")]
const CPU_SET_BYTES: usize = 128;

#[cfg(target_os = "linux")]
extern "C" {
    fn sched_getaffinity(pid: i32, size: usize, mask: *mut u8) -> std::ffi::c_int;
    fn sched_setaffinity(pid: i32, size: usize, mask: *const u8) -> std::ffi::c_int;
}

/// Pins the calling thread to the last core until the guard is dropped.
pub fn pin_to_last_core() -> Pinned {
    #[cfg(target_os = "linux")]
    let saved = {
        let mut mask = [0u8; CPU_SET_BYTES];
        // SAFETY: `mask` is a writable buffer of exactly the size passed; pid 0 is the
        // calling thread.
        let r = unsafe { sched_getaffinity(0, CPU_SET_BYTES, mask.as_mut_ptr()) };
        (r == 0).then_some(mask)
    };
    let ok = core_affinity::get_core_ids()
        .and_then(|ids| ids.into_iter().max_by_key(|c| c.id))
        .is_some_and(core_affinity::set_for_current);
    Pinned {
        #[cfg(target_os = "linux")]
        saved,
        ok,
    }
}

impl Drop for Pinned {
    fn drop(&mut self) {
        #[cfg(target_os = "linux")]
        if let Some(mask) = &self.saved {
            // SAFETY: `mask` is a readable buffer of exactly the size passed, as the kernel
            // filled it; pid 0 is the calling thread.
            unsafe {
                sched_setaffinity(0, CPU_SET_BYTES, mask.as_ptr());
            }
        }
    }
}

/// Linux `personality(2)`'s flag that turns ASLR off for the programs a process executes.
#[cfg(target_os = "linux")]
const ADDR_NO_RANDOMIZE: std::ffi::c_ulong = 0x0040000;

#[cfg(target_os = "linux")]
extern "C" {
    fn personality(persona: std::ffi::c_ulong) -> std::ffi::c_int;
}

/// Whether this process runs with ASLR off.
pub fn aslr_off() -> bool {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: personality(0xffffffff) only reads the calling process's persona.
        let p = unsafe { personality(0xffff_ffff) };
        p >= 0 && (p as std::ffi::c_ulong & ADDR_NO_RANDOMIZE) != 0
    }
    #[cfg(not(target_os = "linux"))]
    {
        false
    }
}

/// Makes `cmd` start its program with ASLR off (elsewhere than on Linux: unchanged).
pub fn without_aslr(cmd: &mut std::process::Command) -> &mut std::process::Command {
    randomized(cmd, false)
}

/// Makes `cmd` start its program with ASLR on, whatever this process runs with (elsewhere
/// than on Linux: unchanged): `ab`'s workers, each of which is to draw its own layout.
pub fn with_aslr(cmd: &mut std::process::Command) -> &mut std::process::Command {
    randomized(cmd, true)
}

/// What a measurement lacks on this platform, in one line; `None` on Linux. Elsewhere it
/// runs with the layout drawn anew per process (no `personality(2)`), on ordinary pages (no
/// `madvise` path: `harness::allocator`) and without noise flags (no `/proc`:
/// `harness::noise`), so its figures are not comparable with a Linux run's.
pub fn missing_here() -> Option<&'static str> {
    (!cfg!(target_os = "linux")).then_some(
        "note: not Linux: no fixed layout, huge pages or noise flags; not comparable with Linux runs",
    )
}

/// Set in the re-executed process, so that it never re-executes again.
pub const REEXEC_ENV: &str = "GOMAP_BENCH_FIXED_LAYOUT";

/// Runs this very command again with address-space randomization off, so that two runs of
/// one build place code, heap and stack alike; its exit status, or `None` when this process
/// already runs so (or cannot start one that does, and measures as it is).
///
/// Call [`stop::install`] first: this process then passes each signal on to the run instead
/// of dying of it.
pub fn reexec_without_aslr() -> Option<u8> {
    // Elsewhere than on Linux the layout cannot be fixed: running again would change nothing.
    if !cfg!(target_os = "linux") || aslr_off() || std::env::var_os(REEXEC_ENV).is_some() {
        return None;
    }
    let exe = std::env::current_exe().ok()?;
    let mut cmd = std::process::Command::new(exe);
    without_aslr(&mut cmd);
    stop::detach(&mut cmd);
    let mut child = cmd
        .args(std::env::args_os().skip(1))
        .env(REEXEC_ENV, "1")
        .spawn()
        .ok()?;
    stop::set_child(Some(child.id()));
    let status = child.wait().ok()?;
    Some(match status.code() {
        Some(c) => c.clamp(0, 255) as u8,
        // Killed by a signal: report it as a failure, as a shell would (128 + signal).
        None => {
            use std::os::unix::process::ExitStatusExt;
            128u8.saturating_add(status.signal().unwrap_or(0) as u8)
        }
    })
}

fn randomized(cmd: &mut std::process::Command, on: bool) -> &mut std::process::Command {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::process::CommandExt;
        // SAFETY: the closure runs in the child between fork and exec, where only
        // async-signal-safe calls are allowed; personality(2) is a bare system call that
        // touches no memory of ours and takes no lock.
        unsafe {
            cmd.pre_exec(move || {
                let current = personality(0xffff_ffff);
                if current >= 0 {
                    let current = current as std::ffi::c_ulong;
                    personality(if on {
                        current & !ADDR_NO_RANDOMIZE
                    } else {
                        current | ADDR_NO_RANDOMIZE
                    });
                }
                Ok(())
            });
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = on;
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinning_is_undone_when_the_guard_goes() {
        let before = std::thread::available_parallelism().unwrap().get();
        {
            let p = pin_to_last_core();
            if p.ok {
                assert_eq!(std::thread::available_parallelism().unwrap().get(), 1);
            }
        }
        assert_eq!(std::thread::available_parallelism().unwrap().get(), before);
    }

    /// The personality flags of a `cat` started through `start` (`None` off Linux).
    fn child_personality(
        start: fn(&mut std::process::Command) -> &mut std::process::Command,
    ) -> Option<u64> {
        if !cfg!(target_os = "linux") {
            return None;
        }
        let out = start(&mut std::process::Command::new("cat"))
            .arg("/proc/self/personality")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        Some(u64::from_str_radix(text.trim(), 16).unwrap())
    }

    #[test]
    fn a_child_started_without_aslr_has_the_flag() {
        if let Some(p) = child_personality(without_aslr) {
            assert_ne!(p & 0x0040000, 0, "{p:x}");
        }
    }

    #[test]
    fn a_child_started_with_aslr_lacks_the_flag() {
        if let Some(p) = child_personality(with_aslr) {
            assert_eq!(p & 0x0040000, 0, "{p:x}");
        }
    }
}
