//! What `gomap-bench ab` and its workers say to each other: one JSON object a line, over the
//! worker's stdin and stdout.
//!
//! A worker is a `gomap-bench worker` process of one build. The driver says `hello`, then
//! `build` (a group), then for every round and member `sample` (with `end_round` after
//! each round), then `finish`; it ends with `quit`. Today's driver starts a fresh worker for
//! each block of rounds; drivers before that kept one and sent `rebuild` between blocks,
//! which workers still obey. Every request gets exactly one reply; a reply the driver did not expect (or
//! a worker that exits) ends the run with one line. The version lets a driver refuse a build
//! that speaks another protocol instead of misreading it.

use crate::harness::measuring::groups::GroupSpec;
use crate::harness::measuring::rounds::Plan;
use crate::results::schema::Row;
use serde::{Deserialize, Serialize};

/// Bumped whenever a message changes (2: `rebuild`).
pub const PROTOCOL_VERSION: u32 = 2;

/// Driver → worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Request {
    Hello {
        version: u32,
    },
    /// Build the group's members (calibrated against the plan's sample time).
    Build {
        spec: GroupSpec,
        plan: Plan,
    },
    /// One sample of member `member` in the current round.
    Sample {
        member: usize,
    },
    /// The current round is over.
    EndRound,
    /// Rebuild every member (a new block of rounds begins).
    Rebuild,
    /// The final checks; the rows.
    Finish,
    Quit,
}

/// Worker → driver.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reply {
    Ready {
        version: u32,
        git_revision: String,
        git_dirty: bool,
    },
    /// The members, by the identity of their rows (displayed), and one round's cost.
    Built {
        members: Vec<String>,
        round_cost_secs: f64,
    },
    /// `None`: the member has failed (its row says why).
    Sampled {
        value: Option<f64>,
    },
    Ok,
    Rows {
        rows: Vec<Row>,
    },
    Error {
        message: String,
    },
}
