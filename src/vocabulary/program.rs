//! Go's racy programs by name ([`Program`]): the `detection` suite's rows and the Go anchor's
//! use these names. Running them is `harness::checks::detect`'s.

use std::fmt;
use std::str::FromStr;

/// One of the four racy programs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Program {
    SameKeys,
    SameKeysGrow,
    WriterReader,
    DisjointKeys,
}

serde_by_name!(Program);

impl Program {
    pub const ALL: [Program; 4] = [
        Program::SameKeys,
        Program::SameKeysGrow,
        Program::WriterReader,
        Program::DisjointKeys,
    ];

    /// The row's `op`, the same as the Go anchor's.
    pub fn name(self) -> &'static str {
        match self {
            Program::SameKeys => "same-keys",
            Program::SameKeysGrow => "same-keys-grow",
            Program::WriterReader => "writer-reader",
            Program::DisjointKeys => "disjoint-keys",
        }
    }

    /// Keys each thread touches (the row's `size`).
    pub fn keys(self) -> u64 {
        match self {
            Program::SameKeysGrow => 1 << 16,
            _ => 1000,
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Program::SameKeys => "two threads each insert keys 0..999 into one map",
            Program::SameKeysGrow => {
                "two threads each insert keys 0..2^16-1: the map grows while both write"
            }
            Program::WriterReader => {
                "one thread inserts keys 0..999, the other reads keys 0..999 until it is done"
            }
            Program::DisjointKeys => "two threads insert keys 0..999 and 1000..1999",
        }
    }
}

impl fmt::Display for Program {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Program {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Program::ALL
            .into_iter()
            .find(|p| p.name() == s)
            .ok_or_else(|| {
                let known: Vec<_> = Program::ALL.iter().map(|p| p.name()).collect();
                format!("unknown program '{s}' (known: {})", known.join(", "))
            })
    }
}
