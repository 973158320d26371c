//! A call into a map under test, which is untrusted code: whatever it does wrong ends that
//! map's cell, never the run.
//!
//! A map can fail a cell three ways. It can answer wrongly: that is the cell's validation
//! (`harness::workloads::validate`), an error the member returns, and a finding about the map.
//! It can panic, in any of its methods and on any thread: the worker threads catch their
//! panics and the runner raises them again on the thread that called it, as a
//! [`ThreadPanic`] naming the thread, so that [`call`] catches every panic of a member's
//! call in one place and turns it into a [`Fault`] with its message. And it can hang: that
//! is the [`watchdog`](super::watchdog)'s, because a thread stuck in a map cannot be
//! stopped.
//!
//! Catching a panic keeps the process going; what the map left half-done is never looked at
//! again, because a member that faulted is out of its group for good (its map is dropped,
//! itself under [`call`], so that a panicking `Drop` is caught too).

use crate::results::schema::Failure;
use std::any::Any;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Why a member is out: a wrong answer (no [`Failure`]: the map answered), or a panic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fault {
    /// One line: what went wrong.
    pub reason: String,
    /// `None` for a wrong answer; how the map failed to answer otherwise.
    pub failure: Option<Failure>,
}

impl Fault {
    /// The same fault, its reason prefixed by where it happened (`round 3: …`).
    pub fn at(self, place: &str) -> Fault {
        Fault {
            reason: format!("{place}: {}", self.reason),
            ..self
        }
    }
}

impl From<String> for Fault {
    /// A wrong answer, or any other error a member returns.
    fn from(reason: String) -> Fault {
        Fault {
            reason,
            failure: None,
        }
    }
}

/// What a worker thread's panic is raised again as on the thread that ran the segment
/// (`std::panic::resume_unwind`, which does not print it a second time).
#[derive(Debug)]
pub struct ThreadPanic {
    /// The stream's thread number.
    pub thread: u32,
    pub message: String,
}

/// A panic's message: its `&str` or `String` payload, or for a [`ThreadPanic`] the thread
/// and its message.
pub fn message(p: &(dyn Any + Send)) -> String {
    if let Some(t) = p.downcast_ref::<ThreadPanic>() {
        return format!("thread {} panicked: {}", t.thread, t.message);
    }
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "non-string panic payload".into())
}

/// A panic as a cell's reason: `panicked: MESSAGE`, or `thread T panicked: MESSAGE`.
pub fn panic_message(p: &(dyn Any + Send)) -> String {
    if p.is::<ThreadPanic>() {
        message(p)
    } else {
        format!("panicked: {}", message(p))
    }
}

/// Runs `f`, a call into a member: its value, or its error (a wrong answer) or panic as a
/// [`Fault`].
pub fn call<T>(f: impl FnOnce() -> Result<T, String>) -> Result<T, Fault> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r.map_err(Fault::from),
        Err(p) => Err(Fault {
            reason: panic_message(&*p),
            failure: Some(Failure::Panicked),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_a_fault_with_its_message_and_an_error_is_a_wrong_answer() {
        let f = call(|| -> Result<(), String> { panic!("boom {}", 7) }).unwrap_err();
        assert_eq!(f.reason, "panicked: boom 7");
        assert_eq!(f.failure, Some(Failure::Panicked));
        let f = call(|| -> Result<(), String> {
            std::panic::resume_unwind(Box::new(ThreadPanic {
                thread: 3,
                message: "lost".into(),
            }))
        })
        .unwrap_err();
        assert_eq!(f.at("round 2").reason, "round 2: thread 3 panicked: lost");
        let f = call(|| -> Result<(), String> { Err("len 3, expected 4".into()) }).unwrap_err();
        assert_eq!((f.reason.as_str(), f.failure), ("len 3, expected 4", None));
        assert_eq!(call(|| Ok::<_, String>(5)), Ok(5));
    }
}
