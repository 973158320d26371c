//! Stopping a run on request: SIGINT (Ctrl-C) and SIGTERM.
//!
//! A run's finished blocks are already in its journal (`harness::measuring::journal`), so a
//! stop need not lose them; it should not lose the block being measured either, when that
//! can be helped. So the first signal only raises a flag, which the sweeps read between
//! visits of groups ([`crate::harness::measuring::groups::run_groups`]): the current block
//! runs to its end, is journaled, and the command writes its results file from the groups it
//! finished, marked partial, and exits 128 + the signal (130 for SIGINT, 143 for SIGTERM), as
//! a shell reports a killed job. A second signal abandons the current block at its next round
//! (a few milliseconds); a third ends the process at once, in the handler. (A map that hangs
//! needs no signal: the watchdog stops the run, `harness::measuring::watchdog`.)
//!
//! The handler does only what a signal handler may: atomic stores, `kill(2)` and `_exit(2)`.
//! A process that runs the measurement in a child (the re-execution without ASLR, `run`'s
//! `measure` processes) names it with [`set_child`], and each signal is passed on to it,
//! once: the child runs in a process group of its own ([`detach`]), so a terminal's Ctrl-C,
//! which reaches the whole foreground group, does not reach it twice.

use std::sync::atomic::{AtomicI32, AtomicU32, Ordering};

/// A signal that asks a run to stop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Signal {
    /// SIGINT: Ctrl-C.
    Int,
    /// SIGTERM: `kill`, a CI runner's timeout.
    Term,
}

impl Signal {
    /// Its number on Linux.
    pub const fn number(self) -> i32 {
        match self {
            Signal::Int => SIGINT,
            Signal::Term => SIGTERM,
        }
    }

    /// The exit status of a run it stopped: 128 + the signal, as a shell reports it.
    pub const fn exit_code(self) -> u8 {
        128 + self.number() as u8
    }

    /// `SIGINT`, `SIGTERM`.
    pub const fn name(self) -> &'static str {
        match self {
            Signal::Int => "SIGINT",
            Signal::Term => "SIGTERM",
        }
    }

    fn from_number(n: i32) -> Option<Signal> {
        match n {
            SIGINT => Some(Signal::Int),
            SIGTERM => Some(Signal::Term),
            _ => None,
        }
    }
}

const SIGINT: i32 = 2;
const SIGKILL: i32 = 9;
const SIGTERM: i32 = 15;

/// Signals received so far.
static COUNT: AtomicU32 = AtomicU32::new(0);
/// The number of the first one.
static FIRST: AtomicI32 = AtomicI32::new(0);
/// The child each signal is passed on to (0: none).
static CHILD: AtomicI32 = AtomicI32::new(0);

#[cfg(unix)]
mod sys {
    use std::ffi::c_int;
    extern "C" {
        // glibc's and musl's `signal` install a handler with BSD semantics: it stays
        // installed, and interrupted system calls restart.
        pub fn signal(signum: c_int, handler: usize) -> usize;
        pub fn kill(pid: i32, sig: c_int) -> c_int;
        pub fn _exit(status: c_int) -> !;
        pub fn getppid() -> i32;
        pub fn prctl(option: c_int, ...) -> c_int;
    }
}

extern "C" fn on_signal(sig: std::ffi::c_int) {
    let n = COUNT.fetch_add(1, Ordering::SeqCst) + 1;
    if n == 1 {
        FIRST.store(sig, Ordering::SeqCst);
    }
    let child = CHILD.load(Ordering::SeqCst);
    #[cfg(unix)]
    if child > 0 {
        // SAFETY: kill(2) is async-signal-safe and touches no memory of ours.
        unsafe {
            sys::kill(child, sig);
        }
    }
    #[cfg(unix)]
    if n >= 3 {
        // SAFETY: _exit(2) is async-signal-safe; nothing is flushed or dropped, which is
        // the point: the run was asked three times.
        unsafe { sys::_exit(128 + sig) }
    }
}

/// Installs the handler for SIGINT and SIGTERM (idempotent).
pub fn install() {
    #[cfg(unix)]
    for sig in [SIGINT, SIGTERM] {
        // SAFETY: `on_signal` is an `extern "C" fn(c_int)` that only does async-signal-safe
        // things (atomics, kill, _exit).
        unsafe {
            sys::signal(sig, on_signal as extern "C" fn(std::ffi::c_int) as usize);
        }
    }
}

/// Passes every later signal on to the process `pid` (`None`: to nobody), and the first
/// one now if it came before the child was named.
pub fn set_child(pid: Option<u32>) {
    let pid = pid.map_or(0, |p| p as i32);
    CHILD.store(pid, Ordering::SeqCst);
    let first = FIRST.load(Ordering::SeqCst);
    #[cfg(unix)]
    if pid > 0 && first != 0 {
        // SAFETY: kill(2) touches no memory of ours.
        unsafe {
            sys::kill(pid, first);
        }
    }
}

/// The first signal received, if any: the run should stop after its current block.
pub fn requested() -> Option<Signal> {
    if COUNT.load(Ordering::SeqCst) == 0 {
        return None;
    }
    Signal::from_number(FIRST.load(Ordering::SeqCst))
}

/// Whether a second signal came: the current block is abandoned at its next round.
pub fn abandoned() -> bool {
    COUNT.load(Ordering::SeqCst) >= 2
}

/// Makes `cmd`'s process a child that this process's handler speaks for: in a process
/// group of its own (so a terminal's Ctrl-C reaches it once, through [`set_child`], not
/// twice), and killed when this process dies (so a SIGKILL of the command kills the run,
/// rather than leaving it measuring, orphaned, beside the next one). To the terminal the
/// child is then a background job, which is fine for one that writes to it and reads
/// nothing from it.
pub fn detach(cmd: &mut std::process::Command) -> &mut std::process::Command {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::process::CommandExt;
        const PR_SET_PDEATHSIG: std::ffi::c_int = 1;
        let parent = std::process::id() as i32;
        cmd.process_group(0);
        // SAFETY: the closure runs in the child between fork and exec, where only
        // async-signal-safe calls are allowed; prctl(2), getppid(2) and _exit(2) are bare
        // system calls.
        unsafe {
            cmd.pre_exec(move || {
                sys::prctl(PR_SET_PDEATHSIG, SIGKILL as std::ffi::c_ulong);
                // The parent may have died before the prctl: then nobody would kill us.
                if sys::getppid() != parent {
                    sys::_exit(128 + SIGKILL);
                }
                Ok(())
            });
        }
    }
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_are_128_plus_the_signal() {
        assert_eq!(Signal::Int.exit_code(), 130);
        assert_eq!(Signal::Term.exit_code(), 143);
        assert_eq!(Signal::from_number(15), Some(Signal::Term));
        assert_eq!(Signal::from_number(9), None);
    }
}
