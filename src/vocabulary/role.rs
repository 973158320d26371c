//! What part a map plays in a comparison ([`Role`]): every registry entry declares one, and
//! `compare`, the plots and the report read it.

use serde::{Deserialize, Serialize};

/// What part a contender plays in a comparison: whose figures the project answers for,
/// which one the others are judged against, and which are there for context.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// One of this project's own maps (the GoMap family): a change in its figures is a
    /// change of this project.
    Ours,
    /// The map every other one of its suite is divided by (one per suite).
    Reference,
    /// Another third-party map, for context.
    Other,
    /// No map at all: the harness's own cost per op. Its answers are not validated.
    HarnessOnly,
}

impl Role {
    /// True for the project's own maps.
    pub fn is_ours(self) -> bool {
        self == Role::Ours
    }
}
