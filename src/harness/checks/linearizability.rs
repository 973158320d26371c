//! A linearizability checker for the four map operations, key by key.
//!
//! A concurrent history is *linearizable* when each operation can be given one instant
//! between its invocation and its response such that, taken in the order of those instants,
//! the operations are a legal sequential run of the map (Herlihy & Wing). For a map whose
//! operations each touch one key, the history is linearizable iff each key's sub-history is
//! (linearizability is local, Herlihy & Wing's composition theorem), so each key is checked
//! alone against a tiny sequential model: the key's value, `Option<u64>`.
//!
//! The search is Wing & Gong's: repeatedly pick, among the operations not yet placed, one
//! that may come next (no unplaced operation responded before it was invoked), apply it to
//! the model, and backtrack when the model rejects its result. Lowe's memo (the one
//! porcupine uses) prunes it: a (set of placed operations, model state) pair reached once is
//! never explored again, so the search is polynomial for the small, two- or few-thread
//! histories recorded here.
//!
//! When a history fails, [`shortest_failing`] narrows it to a window that fails on its own:
//! the shortest prefix (in invocation order) that is already not linearizable, then its
//! shortest suffix that fails from *every* state the key could have had before it (absent,
//! or any value written in the history): that window is a violation whatever came before.

use std::collections::HashSet;
use std::fmt;

/// What an operation was asked to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Call {
    Get,
    /// Insert or replace; answers whether the key was new.
    Insert(u64),
    /// Answers whether the key was present (and is now gone).
    Remove,
    /// Overwrite, inserting when absent; answers whether the key was present.
    Update(u64),
}

/// What it answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Value(Option<u64>),
    Flag(bool),
}

/// One completed operation on one key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Op {
    pub thread: u32,
    /// Invocation and response times (ns on one clock shared by all threads).
    pub invoke: u64,
    pub respond: u64,
    pub call: Call,
    pub answer: Answer,
}

impl fmt::Display for Op {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let call = match self.call {
            Call::Get => "get".to_string(),
            Call::Insert(v) => format!("insert({v:#x})"),
            Call::Remove => "remove".to_string(),
            Call::Update(v) => format!("update({v:#x})"),
        };
        let answer = match self.answer {
            Answer::Value(Some(v)) => format!("Some({v:#x})"),
            Answer::Value(None) => "None".to_string(),
            Answer::Flag(b) => b.to_string(),
        };
        write!(
            f,
            "thread {} [{}..{} ns] {call} -> {answer}",
            self.thread, self.invoke, self.respond
        )
    }
}

/// The sequential model: from `state`, does `op` answer as recorded, and what state follows?
fn step(state: Option<u64>, op: &Op) -> Option<Option<u64>> {
    match (op.call, op.answer) {
        (Call::Get, Answer::Value(v)) => (v == state).then_some(state),
        (Call::Insert(v), Answer::Flag(new)) => (new == state.is_none()).then_some(Some(v)),
        (Call::Update(v), Answer::Flag(was)) => (was == state.is_some()).then_some(Some(v)),
        (Call::Remove, Answer::Flag(was)) => (was == state.is_some()).then_some(None),
        _ => None, // an answer of the wrong shape is never legal
    }
}

/// Whether one key's history, starting from `initial`, is linearizable.
pub fn is_linearizable(initial: Option<u64>, ops: &[Op]) -> bool {
    let mut sorted = ops.to_vec();
    sorted.sort_by_key(|o| (o.invoke, o.respond));
    Search {
        ops: &sorted,
        placed: vec![0; sorted.len().div_ceil(64)],
        seen: HashSet::new(),
    }
    .run(initial, sorted.len())
}

struct Search<'a> {
    /// Sorted by invocation.
    ops: &'a [Op],
    /// Bit `i`: `ops[i]` is placed.
    placed: Vec<u64>,
    /// (placed, state) pairs already explored (Lowe's memo).
    seen: HashSet<(Vec<u64>, Option<u64>)>,
}

impl Search<'_> {
    fn is_placed(&self, i: usize) -> bool {
        self.placed[i / 64] >> (i % 64) & 1 == 1
    }

    fn flip(&mut self, i: usize) {
        self.placed[i / 64] ^= 1 << (i % 64);
    }

    fn run(&mut self, state: Option<u64>, left: usize) -> bool {
        if left == 0 {
            return true;
        }
        // An operation may come next iff no unplaced one responded before its invocation.
        let first_response = (0..self.ops.len())
            .filter(|&i| !self.is_placed(i))
            .map(|i| self.ops[i].respond)
            .min()
            .unwrap_or(u64::MAX);
        for i in 0..self.ops.len() {
            if self.ops[i].invoke > first_response {
                break; // sorted by invocation: no later one may come next either
            }
            if self.is_placed(i) {
                continue;
            }
            let Some(next) = step(state, &self.ops[i]) else {
                continue;
            };
            self.flip(i);
            if self.seen.insert((self.placed.clone(), next)) && self.run(next, left - 1) {
                return true;
            }
            self.flip(i);
        }
        false
    }
}

/// A failing history narrowed down (module docs): the operations of the shortest window that
/// is not linearizable from any state, in invocation order. `None` when `ops` is
/// linearizable from `initial`.
pub fn shortest_failing(initial: Option<u64>, ops: &[Op]) -> Option<Vec<Op>> {
    let mut sorted = ops.to_vec();
    sorted.sort_by_key(|o| (o.invoke, o.respond));
    if is_linearizable(initial, &sorted) {
        return None;
    }
    let end = (1..=sorted.len())
        .find(|&n| !is_linearizable(initial, &sorted[..n]))
        .unwrap_or(sorted.len());
    // Every state the key could have had before a window: absent, the initial value, or any
    // value some operation wrote.
    let mut states: Vec<Option<u64>> = vec![None, initial];
    states.extend(sorted[..end].iter().filter_map(|o| match o.call {
        Call::Insert(v) | Call::Update(v) => Some(Some(v)),
        _ => None,
    }));
    states.sort_unstable();
    states.dedup();
    let start = (0..end)
        .rev()
        .find(|&s| {
            states
                .iter()
                .all(|&st| !is_linearizable(st, &sorted[s..end]))
        })
        .unwrap_or(0);
    Some(sorted[start..end].to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op(thread: u32, invoke: u64, respond: u64, call: Call, answer: Answer) -> Op {
        Op {
            thread,
            invoke,
            respond,
            call,
            answer,
        }
    }
    use Answer::{Flag, Value};
    use Call::{Get, Insert, Remove, Update};

    #[test]
    fn a_sequential_history_follows_the_model() {
        let h = [
            op(0, 0, 1, Insert(7), Flag(true)),
            op(1, 2, 3, Get, Value(Some(7))),
            op(0, 4, 5, Update(8), Flag(true)),
            op(1, 6, 7, Remove, Flag(true)),
            op(0, 8, 9, Get, Value(None)),
            op(1, 10, 11, Update(9), Flag(false)),
            op(0, 12, 13, Get, Value(Some(9))),
        ];
        assert!(is_linearizable(None, &h));
        assert_eq!(shortest_failing(None, &h), None);
        // The same answers from a present key are wrong at once.
        assert!(!is_linearizable(Some(1), &h));
    }

    #[test]
    fn overlapping_operations_may_take_effect_in_either_order() {
        // The get overlaps the insert: it may see the key absent (ordered before) ...
        let before = [
            op(0, 0, 10, Insert(7), Flag(true)),
            op(1, 5, 6, Get, Value(None)),
        ];
        // ... or present (ordered after), though it responded first.
        let after = [
            op(0, 0, 10, Insert(7), Flag(true)),
            op(1, 5, 6, Get, Value(Some(7))),
        ];
        assert!(is_linearizable(None, &before));
        assert!(is_linearizable(None, &after));
        // Once the insert has responded, a later get must see it.
        let late = [
            op(0, 0, 10, Insert(7), Flag(true)),
            op(1, 11, 12, Get, Value(None)),
        ];
        assert!(!is_linearizable(None, &late));
    }

    #[test]
    fn a_lost_update_fails_and_is_narrowed_to_the_update_and_the_read() {
        let h = [
            op(0, 0, 10, Insert(1), Flag(true)),
            op(1, 20, 30, Update(2), Flag(true)),
            op(0, 40, 50, Get, Value(Some(1))), // the update was lost
            op(1, 60, 70, Remove, Flag(true)),
        ];
        assert!(!is_linearizable(None, &h));
        let w = shortest_failing(None, &h).unwrap();
        assert_eq!(w, h[1..3].to_vec());
    }

    #[test]
    fn a_double_remove_fails() {
        // Both overlapping removes report success on one present key.
        let h = [
            op(0, 0, 10, Remove, Flag(true)),
            op(1, 5, 15, Remove, Flag(true)),
        ];
        assert!(!is_linearizable(Some(3), &h));
        assert_eq!(shortest_failing(Some(3), &h).unwrap().len(), 2);
        // One of them failing is fine.
        let ok = [
            op(0, 0, 10, Remove, Flag(true)),
            op(1, 5, 15, Remove, Flag(false)),
        ];
        assert!(is_linearizable(Some(3), &ok));
    }

    #[test]
    fn a_read_of_a_value_never_written_fails_on_its_own() {
        let h = [
            op(0, 0, 10, Insert(1), Flag(true)),
            op(1, 5, 15, Update(2), Flag(true)),
            op(0, 20, 30, Get, Value(Some(99))),
        ];
        assert!(!is_linearizable(None, &h));
        let w = shortest_failing(None, &h).unwrap();
        assert_eq!(w, vec![h[2]]);
        assert!(w[0].to_string().contains("get -> Some(0x63)"), "{}", w[0]);
    }

    #[test]
    fn long_two_thread_histories_are_checked_quickly() {
        // 2 × 300 alternating, overlapping ops on one key: the memo keeps this instant.
        let mut h = Vec::new();
        let mut present = false;
        for i in 0..300u64 {
            let (call, answer) = if i % 2 == 0 {
                (Insert(i), Flag(!present))
            } else {
                (Remove, Flag(present))
            };
            present = i % 2 == 0;
            h.push(op(0, 10 * i, 10 * i + 6, call, answer));
            h.push(op(
                1,
                10 * i + 1,
                10 * i + 9,
                Get,
                Value(present.then_some(i - i % 2)),
            ));
        }
        assert!(is_linearizable(None, &h));
    }
}
