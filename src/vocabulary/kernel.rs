//! The locate and probe suites' kernels by name: the two shapes of the bucket-index loop
//! ([`IndexKernel`]) and the tophash patterns a probe strategy is timed on ([`Pattern`]).
//! The loops themselves are `harness::measuring::{index_kernels, probe_kernels}`.

/// The two loop shapes, as the results name them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IndexKernel {
    /// Independent hashes: instructions and ports.
    Throughput,
    /// A dependent chain: the index on the critical path.
    Latency,
}

impl IndexKernel {
    pub const ALL: [IndexKernel; 2] = [IndexKernel::Throughput, IndexKernel::Latency];

    pub fn name(self) -> &'static str {
        match self {
            IndexKernel::Throughput => "index_throughput",
            IndexKernel::Latency => "index_latency",
        }
    }

    pub fn parse(s: &str) -> Option<IndexKernel> {
        IndexKernel::ALL.into_iter().find(|k| k.name() == s)
    }
}

impl std::str::FromStr for IndexKernel {
    type Err = String;
    fn from_str(s: &str) -> Result<IndexKernel, String> {
        IndexKernel::parse(s).ok_or_else(|| format!("unknown index kernel '{s}'"))
    }
}

serde_by_name!(IndexKernel);

/// A probe pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pattern {
    Slot(u8),
    Miss,
    EmptyRest,
}

impl Pattern {
    pub fn all() -> Vec<Pattern> {
        let mut v: Vec<Pattern> = (0..8).map(Pattern::Slot).collect();
        v.extend([Pattern::Miss, Pattern::EmptyRest]);
        v
    }

    pub fn name(self) -> &'static str {
        const SLOTS: [&str; 8] = [
            "match_slot0",
            "match_slot1",
            "match_slot2",
            "match_slot3",
            "match_slot4",
            "match_slot5",
            "match_slot6",
            "match_slot7",
        ];
        match self {
            Pattern::Slot(i) => SLOTS[usize::from(i & 7)],
            Pattern::Miss => "miss",
            Pattern::EmptyRest => "empty_rest",
        }
    }

    /// The pattern named `s` (`match_slot3`, `miss`, `empty_rest`).
    pub fn parse(s: &str) -> Option<Pattern> {
        Pattern::all().into_iter().find(|p| p.name() == s)
    }
}

impl std::str::FromStr for Pattern {
    type Err = String;
    fn from_str(s: &str) -> Result<Pattern, String> {
        Pattern::parse(s).ok_or_else(|| format!("unknown probe pattern '{s}'"))
    }
}

serde_by_name!(Pattern);
