//! What a row times on one thread ([`Op`]) and the four kinds of op a contention workload
//! mixes ([`OpKind`]): closed sets, their names and parsing. The timed loops live in
//! `harness::measuring::single`, the mixes in `harness::workloads::workload`.

use std::str::FromStr;

/// The single-thread operations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Op {
    /// Look up keys that are present.
    GetHit,
    /// Look up keys that are absent.
    GetMiss,
    /// Insert n new keys into a map made with capacity n.
    InsertPresized,
    /// Insert n new keys into a map made with no hint: it grows from empty.
    InsertGrow,
    /// Remove every key of a prefilled map.
    Remove,
}

impl Op {
    pub const ALL: [Op; 5] = [
        Op::GetHit,
        Op::GetMiss,
        Op::InsertPresized,
        Op::InsertGrow,
        Op::Remove,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Op::GetHit => "get_hit",
            Op::GetMiss => "get_miss",
            Op::InsertPresized => "insert_presized",
            Op::InsertGrow => "insert_grow",
            Op::Remove => "remove",
        }
    }

    pub fn parse(s: &str) -> Option<Op> {
        Op::ALL.into_iter().find(|o| o.name() == s)
    }

    pub fn is_read(self) -> bool {
        matches!(self, Op::GetHit | Op::GetMiss)
    }
}

impl std::str::FromStr for Op {
    type Err = String;
    fn from_str(s: &str) -> Result<Op, String> {
        Op::parse(s).ok_or_else(|| {
            let known: Vec<&str> = Op::ALL.iter().map(|o| o.name()).collect();
            format!("unknown op `{s}` (known: {})", known.join(", "))
        })
    }
}

serde_by_name!(Op);

/// The four kinds of op, in the order the mix percentages are cumulated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum OpKind {
    Read,
    Insert,
    Remove,
    Update,
}

impl OpKind {
    pub const ALL: [OpKind; 4] = [OpKind::Read, OpKind::Insert, OpKind::Remove, OpKind::Update];

    pub fn name(self) -> &'static str {
        match self {
            OpKind::Read => "read",
            OpKind::Insert => "insert",
            OpKind::Remove => "remove",
            OpKind::Update => "update",
        }
    }

    /// Its position in [`OpKind::ALL`], and its 2-bit code in a packed op.
    #[inline(always)]
    pub const fn index(self) -> usize {
        self as usize
    }
}

serde_by_name!(OpKind);

impl FromStr for OpKind {
    type Err = String;
    fn from_str(s: &str) -> Result<OpKind, String> {
        OpKind::ALL
            .into_iter()
            .find(|k| k.name() == s)
            .ok_or_else(|| format!("unknown op kind '{s}' (known: read, insert, remove, update)"))
    }
}
