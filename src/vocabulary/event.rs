//! What the `counts` suite counts ([`Event`]) and the name of a counted row's `op`
//! ([`Counted`]: an operation and one of its events, `get_hit:instructions`).
//!
//! A counts cell (map, op, size) yields one row per event, so that each event is judged by
//! its own rule (instructions exactly, cache misses with the allocator's 1–2% allowed) and a
//! row keeps one value and one identity. The event rides in the row's `op`, after a colon,
//! because a row's identity has no other place for it and the names of the other op sets
//! never hold a colon.

use super::op::Op;
use std::str::FromStr;

/// An event the simulated CPU counts, per operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Event {
    /// Instructions executed.
    Instructions,
    /// Conditional branches executed.
    Branches,
    /// Conditional branches the simulated predictor got wrong.
    Mispredicts,
    /// Data reads and writes that missed the first-level cache.
    L1Misses,
    /// Data reads and writes that missed the last-level cache (went to memory).
    LlMisses,
}

impl Event {
    pub const ALL: [Event; 5] = [
        Event::Instructions,
        Event::Branches,
        Event::Mispredicts,
        Event::L1Misses,
        Event::LlMisses,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Event::Instructions => "instructions",
            Event::Branches => "branches",
            Event::Mispredicts => "mispredicts",
            Event::L1Misses => "l1_misses",
            Event::LlMisses => "ll_misses",
        }
    }

    /// Whether the count follows from the code and its input alone (instructions and
    /// branches: the same binary counts them exactly alike every time), rather than also
    /// from where the allocator placed the data (the simulated caches and predictor).
    pub fn is_exact(self) -> bool {
        matches!(self, Event::Instructions | Event::Branches)
    }
}

impl FromStr for Event {
    type Err = String;
    fn from_str(s: &str) -> Result<Event, String> {
        Event::ALL
            .into_iter()
            .find(|e| e.name() == s)
            .ok_or_else(|| {
                let known: Vec<&str> = Event::ALL.iter().map(|e| e.name()).collect();
                format!("unknown event '{s}' (known: {})", known.join(", "))
            })
    }
}

serde_by_name!(Event);

/// A counted row's `op`: an operation and one of its events.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Counted {
    pub op: Op,
    pub event: Event,
}

/// Every name a [`Counted`] has, `op:event`, as static strings (a row's op is named by a
/// `&'static str` everywhere), in [`Op::ALL`] × [`Event::ALL`] order.
const NAMES: [[&str; 5]; 5] = [
    [
        "get_hit:instructions",
        "get_hit:branches",
        "get_hit:mispredicts",
        "get_hit:l1_misses",
        "get_hit:ll_misses",
    ],
    [
        "get_miss:instructions",
        "get_miss:branches",
        "get_miss:mispredicts",
        "get_miss:l1_misses",
        "get_miss:ll_misses",
    ],
    [
        "insert_presized:instructions",
        "insert_presized:branches",
        "insert_presized:mispredicts",
        "insert_presized:l1_misses",
        "insert_presized:ll_misses",
    ],
    [
        "insert_grow:instructions",
        "insert_grow:branches",
        "insert_grow:mispredicts",
        "insert_grow:l1_misses",
        "insert_grow:ll_misses",
    ],
    [
        "remove:instructions",
        "remove:branches",
        "remove:mispredicts",
        "remove:l1_misses",
        "remove:ll_misses",
    ],
];

impl Counted {
    /// `get_hit:instructions`.
    pub fn name(self) -> &'static str {
        let o = Op::ALL.iter().position(|&o| o == self.op).expect("in ALL");
        let e = Event::ALL
            .iter()
            .position(|&e| e == self.event)
            .expect("in ALL");
        NAMES[o][e]
    }

    /// The counted op named `s`, if it is one.
    pub fn parse(s: &str) -> Option<Counted> {
        let (op, event) = s.split_once(':')?;
        Some(Counted {
            op: Op::parse(op)?,
            event: event.parse().ok()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_reads_back() {
        for op in Op::ALL {
            for event in Event::ALL {
                let c = Counted { op, event };
                assert_eq!(c.name(), format!("{}:{}", op.name(), event.name()));
                assert_eq!(Counted::parse(c.name()), Some(c));
            }
        }
        assert_eq!(Counted::parse("get_hit"), None);
        assert_eq!(Counted::parse("get_hit:cycles"), None);
    }
}
