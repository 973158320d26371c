//! The contention workloads by name ([`Workload`]) and the key distributions of their reads
//! and updates ([`Dist`]). What a workload does (its mix, prefill, op streams) is
//! `harness::workloads::workload`'s.

use std::fmt;
use std::str::FromStr;

/// A named op mix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Workload {
    ReadHeavy,
    Exchange,
    WriteHeavy,
    RapidGrow,
    SharedWrite,
}

impl Workload {
    pub const ALL: [Workload; 5] = [
        Workload::ReadHeavy,
        Workload::Exchange,
        Workload::WriteHeavy,
        Workload::RapidGrow,
        Workload::SharedWrite,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Workload::ReadHeavy => "read-heavy",
            Workload::Exchange => "exchange",
            Workload::WriteHeavy => "write-heavy",
            Workload::RapidGrow => "rapid-grow",
            Workload::SharedWrite => "shared-write",
        }
    }

    /// Whether threads write the same keys: no outcome is predictable, and the cell is
    /// validated by conservation instead (`harness::workloads::conserve`).
    pub fn is_shared(self) -> bool {
        self == Workload::SharedWrite
    }
}

impl fmt::Display for Workload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Workload {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Workload::ALL
            .into_iter()
            .find(|w| w.name() == s)
            .ok_or_else(|| {
                let known: Vec<_> = Workload::ALL.iter().map(|w| w.name()).collect();
                format!("unknown workload '{s}' (known: {})", known.join(", "))
            })
    }
}

/// Which prefilled keys reads and updates pick.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dist {
    Uniform,
    Zipf,
}

impl Dist {
    pub const ALL: [Dist; 2] = [Dist::Uniform, Dist::Zipf];

    pub fn name(self) -> &'static str {
        match self {
            Dist::Uniform => "uniform",
            Dist::Zipf => "zipf",
        }
    }
}

impl fmt::Display for Dist {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Dist {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "uniform" => Ok(Dist::Uniform),
            "zipf" => Ok(Dist::Zipf),
            _ => Err(format!("unknown distribution '{s}' (known: uniform, zipf)")),
        }
    }
}

serde_by_name!(Workload);
serde_by_name!(Dist);
