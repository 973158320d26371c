//! Where an operation's time goes, counted on a simulated CPU: instructions, branches and
//! their mispredictions, data cache misses, per operation of the single-thread suites.
//!
//! This project's VMs expose no hardware counters (`perf stat` reports every event as
//! `<not supported>`), so the split is simulated: valgrind's callgrind runs one *kernel* (the
//! loop the ops suite times, for one map, op and size, in a process of its own) with its
//! cache and branch simulators, collecting only inside the kernel (`--toggle-collect`), so
//! building and prefilling the map are not counted. The simulator is a model (no hardware
//! prefetcher, a simple branch predictor, the host's cache sizes), so its counts explain
//! times rather than predict them; but they repeat within 1–2% (the allocator's addresses
//! move the simulated cache sets), which no timing on a noisy VM does, and they say which of
//! "more instructions", "mispredicted branches" or "more cache lines" a gap between two maps
//! is made of.
//!
//! `gomap-bench counts` runs the grid (two kernels at a time) and prints, per op and size,
//! each map's counts per op and their ratio to the suite's reference (hashbrown); with
//! `--out` it also writes them as results rows (suite `counts`, one row per map, op, size and
//! [`Event`]), which `compare` and `ab --counts` judge by their own exact rule
//! (`results::counted`).
//!
//! What makes two counts comparable is recorded with them ([`CountFacts`]): the simulated
//! cache geometry is fixed ([`GEOMETRY`], not the host's, so that two machines simulate the
//! same caches), and the valgrind version, the compiler and the target features the binary
//! was built with are written beside the rows, so that counts that could differ for those
//! reasons alone are refused rather than judged.

pub mod kernel;
mod table;

pub use kernel::run_kernel;
pub use table::render;

use crate::contenders::single;
use crate::harness::measuring::allocator::HUGE_PAGES_ENV;
use crate::harness::measuring::facts;
use crate::results::schema::{Results, Row, Unit};
use crate::vocabulary::{Counted, Event, Identity, Op, Suite};
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::process::Command;
use table::size_of;

/// The function name callgrind collects in (every kernel's loop is in a function whose name
/// contains it, and nothing else is).
const KERNEL_MARK: &str = "counted_kernel";

/// The simulated caches, as callgrind's `--I1`, `--D1` and `--LL` take them (size, ways,
/// line bytes): a common x86 geometry (32 KiB 8-way L1s, an 8 MiB 16-way last level),
/// fixed so that the counts do not depend on the host's caches.
pub const GEOMETRY: Geometry = Geometry {
    i1: "32768,8,64",
    d1: "32768,8,64",
    ll: "8388608,16,64",
};

/// The glibc settings every kernel runs with, so that the same binary counts alike on any
/// x86-64 machine. Inside a kernel only `insert_grow` calls into glibc (malloc, calloc,
/// realloc, and their memset and memcpy), and glibc picks memset's and memcpy's code from
/// the CPU it sees (under valgrind, a built-in one whose features partly follow the host):
/// these settings switch every optional feature off, so that the plain SSE2 routines run
/// everywhere, and fix the cache sizes glibc's thresholds derive from (measured: a host
/// masked as an older CPU then counts identical instructions and branches in every cell).
/// The last one keeps memset off `rep stosb`, which callgrind counts as one instruction and
/// one branch *per byte*: a growing map's calloc'd bucket arrays would swamp every count.
pub const GLIBC_TUNABLES: &str = concat!(
    "glibc.cpu.hwcaps=",
    "-AVX512F,-AVX512VL,-AVX512BW,-AVX512DQ,-AVX512CD,-AVX2,-AVX,-FMA,-FMA4,-BMI1,-BMI2,",
    "-LZCNT,-MOVBE,-POPCNT,-SSSE3,-SSE4_1,-SSE4_2,-RTM,-ERMS,-AVX_Fast_Unaligned_Load,",
    "-Prefer_ERMS,-Prefer_FSRM,-Prefer_No_VZEROUPPER,-Prefer_No_AVX512,",
    "Fast_Unaligned_Load,Fast_Unaligned_Copy,-Fast_Copy_Backward,-Fast_Rep_String,",
    "-Slow_BSF,-Slow_SSE4_2,Prefer_PMINUB_for_stringop:",
    "glibc.cpu.x86_data_cache_size=0x8000:",
    "glibc.cpu.x86_shared_cache_size=0x800000:",
    "glibc.cpu.x86_non_temporal_threshold=0x600000:",
    "glibc.cpu.x86_rep_movsb_threshold=0x2000:",
    "glibc.cpu.x86_rep_stosb_threshold=0x7fffffffffffffff",
);

/// A cache geometry of callgrind's simulator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Geometry {
    #[serde(rename = "I1")]
    pub i1: &'static str,
    #[serde(rename = "D1")]
    pub d1: &'static str,
    #[serde(rename = "LL")]
    pub ll: &'static str,
}

/// What decides a count besides the code: written into a counts file's `run.config.counts`
/// (the compiler is the file's `run.rustc`), and compared before any row is judged.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CountFacts {
    /// `valgrind --version`.
    pub valgrind: String,
    pub geometry: Geometry,
    /// The target features the binary was compiled with (the kernels' instructions follow
    /// from them, not from the CPU that runs valgrind).
    pub target_features: String,
    pub glibc_tunables: &'static str,
}

impl CountFacts {
    /// This binary's and this machine's, or one line saying valgrind cannot be run (or
    /// that this is not the platform counts are made on: [`platform_refusal`]).
    pub fn here() -> Result<CountFacts, String> {
        if let Some(why) = platform_refusal(std::env::consts::OS, std::env::consts::ARCH) {
            return Err(why);
        }
        let out = Command::new("valgrind")
            .arg("--version")
            .output()
            .map_err(|e| valgrind_missing(&e))?;
        Ok(CountFacts {
            valgrind: String::from_utf8_lossy(&out.stdout).trim().to_string(),
            geometry: GEOMETRY,
            target_features: target_features().join(","),
            glibc_tunables: GLIBC_TUNABLES,
        })
    }
}

/// The x86 features above the baseline this binary was compiled to use (empty for the
/// default x86-64 target).
fn target_features() -> Vec<&'static str> {
    let mut v = Vec::new();
    macro_rules! feature {
        ($($f:tt),*) => {$(
            if cfg!(target_feature = $f) {
                v.push($f);
            }
        )*};
    }
    feature!(
        "sse3", "ssse3", "sse4.1", "sse4.2", "popcnt", "avx", "avx2", "bmi1", "bmi2", "fma",
        "lzcnt", "avx512f", "avx512bw"
    );
    v
}

/// Why counts are not made on `os` / `arch`, in one line; `None` on Linux x86_64. Valgrind
/// is a Linux tool here, and a count is compared on facts ([`CountFacts`]) that do not name
/// the architecture: another architecture's instructions would be judged against the
/// committed x86_64 counts as if they were the same code, and fail the gate for nothing.
fn platform_refusal(os: &str, arch: &str) -> Option<String> {
    (os != "linux" || arch != "x86_64").then(|| {
        format!(
            "counts runs on Linux x86_64 only (valgrind's simulated CPU, and counts compared with \
             x86_64's); this is {os} {arch}"
        )
    })
}

fn valgrind_missing(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => {
            "valgrind not found: install it (Debian: apt-get install valgrind)".to_string()
        }
        _ => format!("cannot run valgrind: {e}"),
    }
}

/// At least this many operations a kernel, so that small maps are counted over several
/// passes (each pass on a fresh map, as the ops suite times them).
const MIN_OPS: usize = 1 << 16;

/// The events of one kernel, summed over its operations.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Events {
    /// Instructions executed.
    pub instructions: u64,
    /// Conditional branches, and those the simulated predictor got wrong.
    pub branches: u64,
    pub mispredicts: u64,
    /// Data reads and writes that missed the first-level cache.
    pub l1_misses: u64,
    /// Data reads and writes that missed the last-level cache (went to memory).
    pub ll_misses: u64,
}

impl Events {
    /// Parses the `events:` and `summary:` (or `totals:`) lines of a callgrind output file.
    pub fn parse_callgrind(text: &str) -> Result<Events, String> {
        let names: Vec<&str> = text
            .lines()
            .find_map(|l| l.strip_prefix("events:"))
            .ok_or("no `events:` line in the callgrind output")?
            .split_whitespace()
            .collect();
        let values: Vec<u64> = text
            .lines()
            .find_map(|l| {
                l.strip_prefix("summary:")
                    .or_else(|| l.strip_prefix("totals:"))
            })
            .ok_or("no `summary:` line in the callgrind output")?
            .split_whitespace()
            .map(|v| {
                v.parse::<u64>()
                    .map_err(|e| format!("bad count `{v}`: {e}"))
            })
            .collect::<Result<_, _>>()?;
        // Callgrind omits trailing zero counts.
        let get = |name: &str| {
            names
                .iter()
                .position(|n| *n == name)
                .map_or(0, |i| values.get(i).copied().unwrap_or(0))
        };
        if !names.contains(&"Bcm") || !names.contains(&"D1mr") {
            return Err("callgrind ran without --branch-sim=yes --cache-sim=yes".into());
        }
        Ok(Events {
            instructions: get("Ir"),
            branches: get("Bc"),
            mispredicts: get("Bcm"),
            l1_misses: get("D1mr") + get("D1mw"),
            ll_misses: get("DLmr") + get("DLmw"),
        })
    }

    /// Each count divided by `ops`.
    pub fn per_op(&self, ops: u64) -> PerOp {
        let d = |x: u64| x as f64 / ops.max(1) as f64;
        PerOp {
            instructions: d(self.instructions),
            branches: d(self.branches),
            mispredicts: d(self.mispredicts),
            l1_misses: d(self.l1_misses),
            ll_misses: d(self.ll_misses),
        }
    }
}

/// Events per operation.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PerOp {
    pub instructions: f64,
    pub branches: f64,
    pub mispredicts: f64,
    pub l1_misses: f64,
    pub ll_misses: f64,
}

// ---- the grid: one callgrind process per kernel ---------------------------------------

/// The grid `counts` runs: every (op, size, map), `jobs` kernels at a time.
#[derive(Clone, Debug, PartialEq)]
pub struct CountsConfig {
    /// Single-thread registry names ([`DEFAULT_MAPS`] unless told).
    pub maps: Vec<String>,
    pub ops: Vec<Op>,
    pub sizes_log2: Vec<u32>,
    pub jobs: usize,
}

/// The maps counted unless told: ours (generic and fast64) and the reference.
pub const DEFAULT_MAPS: [&str; 3] = ["gomap/generic", "gomap/fast64", "hashbrown"];

/// The ops counted unless told.
pub const DEFAULT_OPS: [Op; 3] = [Op::InsertPresized, Op::InsertGrow, Op::Remove];

/// The grid the counts gate measures (`scripts/counts-gate.sh`, in CI) and `ab --counts`
/// measures unless told: every op of our two paths and of the reference, at a size in the
/// L1/L2 caches and one beyond them, about a minute at two kernels at a time.
pub fn gate() -> CountsConfig {
    CountsConfig {
        maps: GATE_MAPS.map(String::from).to_vec(),
        ops: Op::ALL.to_vec(),
        sizes_log2: GATE_SIZES_LOG2.to_vec(),
        jobs: 2,
    }
}

/// The maps of [`gate`].
pub const GATE_MAPS: [&str; 3] = ["gomap/generic", "gomap/fast64", "hashbrown"];

/// The sizes of [`gate`], as log2.
pub const GATE_SIZES_LOG2: [u32; 2] = [10, 16];

/// The sizes (as log2) a kernel may count.
pub const SIZES_LOG2: std::ops::RangeInclusive<u32> = 3..=24;

impl CountsConfig {
    /// Checks the names and sizes, in one line naming the first bad one; the maps' registry
    /// names otherwise, in order (what [`count_grid`] takes).
    pub fn validate(&self) -> Result<Vec<&'static str>, String> {
        let maps = self
            .maps
            .iter()
            .map(|n| {
                single::entry(n).map(|e| e.name).ok_or_else(|| {
                    format!(
                        "unknown map `{n}` (known: {})",
                        single::available().join(", ")
                    )
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        if let Some(&s) = self.sizes_log2.iter().find(|&&s| !SIZES_LOG2.contains(&s)) {
            return Err(format!(
                "--sizes-log2 {s}: sizes from 2^{} to 2^{} only",
                SIZES_LOG2.start(),
                SIZES_LOG2.end()
            ));
        }
        Ok(maps)
    }
}

/// One cell of the grid and what was counted.
#[derive(Clone, Debug)]
pub struct CountedCell {
    pub map: &'static str,
    pub op: Op,
    pub size_log2: u32,
    pub per_op: PerOp,
}

impl CountedCell {
    /// The cell as results rows, one per event (see [`Counted`]): the map's row name and ISA
    /// from the registry, the value per operation as the one sample.
    pub fn rows(&self) -> Vec<Row> {
        let entry = single::entry(self.map).expect("a counted map is registered");
        let p = self.per_op;
        Event::ALL
            .into_iter()
            .map(|event| {
                let value = match event {
                    Event::Instructions => p.instructions,
                    Event::Branches => p.branches,
                    Event::Mispredicts => p.mispredicts,
                    Event::L1Misses => p.l1_misses,
                    Event::LlMisses => p.ll_misses,
                };
                let op = Counted { op: self.op, event };
                let id = Identity::new(Suite::Counts, entry.map, op)
                    .size(1 << self.size_log2)
                    .isa(Some(entry.isa()));
                let mut row = Row::new(id, Unit::EventsPerOp, vec![value]);
                row.extra.role = Some(entry.role);
                row
            })
            .collect()
    }
}

/// Counts one kernel: runs `exe kernel …` under callgrind and reads its output.
pub fn count_one(exe: &Path, map: &str, op: Op, size_log2: u32) -> Result<PerOp, String> {
    // The kernel runs as `./gomap-bench` (a link to `exe`) in a directory of its own, with a
    // cleared environment: its arguments, environment and so its stack and its heap's first
    // allocations are then the same wherever the binary lives. Measured: the same build
    // counted from two checkouts (two binary paths) differed by 0.4% in insert_grow's
    // instructions (the allocator's state moved with the path's length, and realloc grew in
    // place or copied), and an inherited variable moved L1 misses by up to 2%.
    let dir = std::env::temp_dir().join(format!(
        "gomap-bench-counts-{}-{}-{}-{size_log2}",
        std::process::id(),
        map.replace('/', "_"),
        op.name()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let link = dir.join("gomap-bench");
    std::os::unix::fs::symlink(exe, &link).map_err(|e| format!("{}: {e}", link.display()))?;
    let out = dir.join("callgrind.out");
    let run = Command::new("valgrind")
        .args([
            "--tool=callgrind",
            "--cache-sim=yes",
            "--branch-sim=yes",
            &format!("--I1={}", GEOMETRY.i1),
            &format!("--D1={}", GEOMETRY.d1),
            &format!("--LL={}", GEOMETRY.ll),
            &format!("--toggle-collect=*{KERNEL_MARK}*"),
            "--callgrind-out-file=callgrind.out",
        ])
        .arg("./gomap-bench")
        .args(["kernel", "--map", map, "--op", op.name()])
        .args(["--size-log2", &size_log2.to_string()])
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env(HUGE_PAGES_ENV, "off")
        .env("GLIBC_TUNABLES", GLIBC_TUNABLES)
        .current_dir(&dir)
        .output()
        .map_err(|e| valgrind_missing(&e));
    let text = std::fs::read_to_string(&out);
    let _ = std::fs::remove_dir_all(&dir);
    let run = run?;
    if !run.status.success() {
        let err = String::from_utf8_lossy(&run.stderr);
        // The kernel's own error line, not valgrind's summary.
        let last = err
            .lines()
            .rev()
            .find(|l| !l.starts_with("==") && !l.trim().is_empty())
            .unwrap_or("(no message)");
        return Err(format!(
            "{map} {} {}: kernel failed: {last}",
            op.name(),
            size_of(size_log2)
        ));
    }
    let ops: u64 = String::from_utf8_lossy(&run.stdout)
        .trim()
        .parse()
        .map_err(|_| format!("{map} {} {}: no op count", op.name(), size_of(size_log2)))?;
    let text = text.map_err(|e| format!("callgrind wrote no output: {e}"))?;
    Ok(Events::parse_callgrind(&text)?.per_op(ops))
}

/// What `counts` measured: every cell, and the same as a results document (one row per
/// cell and event, the run facts with [`CountFacts`] in `config.counts`).
pub struct CountsRun {
    pub cells: Vec<CountedCell>,
    pub results: Results,
}

/// Checks `cfg`, counts its grid with `exe` (this binary: its hidden `kernel` command runs
/// each kernel) and makes the results document.
pub fn run(
    cfg: &CountsConfig,
    exe: &Path,
    progress: &(dyn Fn(&str) + Sync),
) -> Result<CountsRun, String> {
    let maps = cfg.validate()?;
    let count_facts = CountFacts::here()?;
    let cells = count_grid(exe, &maps, &cfg.ops, &cfg.sizes_log2, cfg.jobs, progress)?;
    let config = serde_json::json!({
        "command": "counts",
        "maps": maps,
        "ops": cfg.ops,
        "sizes_log2": cfg.sizes_log2,
        "counts": count_facts,
    });
    let rows = cells.iter().flat_map(CountedCell::rows).collect();
    let results = Results::new(facts::collect(config), rows);
    Ok(CountsRun { cells, results })
}

/// Counts every (op, size, map), `jobs` kernels at a time; `progress` hears each one.
pub fn count_grid(
    exe: &Path,
    maps: &[&'static str],
    ops: &[Op],
    sizes_log2: &[u32],
    jobs: usize,
    progress: &(dyn Fn(&str) + Sync),
) -> Result<Vec<CountedCell>, String> {
    let cells: Vec<(Op, u32, &'static str)> = ops
        .iter()
        .flat_map(|&op| {
            sizes_log2
                .iter()
                .flat_map(move |&s| maps.iter().map(move |&m| (op, s, m)))
        })
        .collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results = std::sync::Mutex::new(vec![None; cells.len()]);
    std::thread::scope(|scope| {
        for _ in 0..jobs.max(1) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(&(op, s, map)) = cells.get(i) else {
                    break;
                };
                let r = count_one(exe, map, op, s);
                if r.is_ok() {
                    progress(&format!("counted {map} {} {}", op.name(), size_of(s)));
                }
                results.lock().expect("no panics while held")[i] = Some(r);
            });
        }
    });
    let results = results.into_inner().expect("no panics while held");
    cells
        .iter()
        .zip(results)
        .map(|(&(op, size_log2, map), r)| {
            let per_op = r.expect("every cell was counted")?;
            Ok(CountedCell {
                map,
                op,
                size_log2,
                per_op,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_refuse_other_platforms_in_one_line() {
        assert_eq!(platform_refusal("linux", "x86_64"), None);
        for (os, arch) in [
            ("macos", "aarch64"),
            ("linux", "aarch64"),
            ("freebsd", "x86_64"),
        ] {
            let e = platform_refusal(os, arch).unwrap();
            assert!(
                e.ends_with(&format!("this is {os} {arch}")) && !e.contains('\n'),
                "{e}"
            );
        }
    }

    const SAMPLE: &str = "version: 1\ncreator: callgrind-3.19.0\n\
        events: Ir Dr Dw I1mr D1mr D1mw ILmr DLmr DLmw Bc Bcm Bi Bim\n\
        fn=(1) x\n16 3\n\
        summary: 1000 300 200 5 40 10 5 7 3 150 12 4\n\
        totals: 1000 300 200 5 40 10 5 7 3 150 12 4\n";

    #[test]
    fn a_bad_map_or_size_is_one_line() {
        let cfg = CountsConfig {
            maps: DEFAULT_MAPS.map(String::from).to_vec(),
            ops: DEFAULT_OPS.to_vec(),
            sizes_log2: vec![10, 16, 20],
            jobs: 2,
        };
        assert_eq!(cfg.validate().unwrap(), DEFAULT_MAPS.to_vec());
        let e = CountsConfig {
            maps: vec!["nope".into()],
            ..cfg.clone()
        }
        .validate()
        .unwrap_err();
        assert!(e.starts_with("unknown map `nope` (known: ") && !e.contains('\n'));
        let e = CountsConfig {
            sizes_log2: vec![10, 2],
            ..cfg
        }
        .validate()
        .unwrap_err();
        assert_eq!(e, "--sizes-log2 2: sizes from 2^3 to 2^24 only");
    }

    #[test]
    fn parses_callgrind_totals_and_divides_per_op() {
        let e = Events::parse_callgrind(SAMPLE).unwrap();
        assert_eq!(
            e,
            Events {
                instructions: 1000,
                branches: 150,
                mispredicts: 12,
                l1_misses: 50,
                ll_misses: 10,
            }
        );
        let p = e.per_op(100);
        assert_eq!(p.instructions, 10.0);
        assert_eq!(p.mispredicts, 0.12);
    }

    #[test]
    fn refuses_output_without_the_simulators() {
        let plain = "events: Ir\nsummary: 1000\n";
        assert!(Events::parse_callgrind(plain)
            .unwrap_err()
            .contains("--branch-sim"));
        assert!(Events::parse_callgrind("nothing").is_err());
    }
}
