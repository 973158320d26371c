//! One thread's contention op stream as text, for the Go anchor's cross-check.
//!
//! `gomap-bench stream` prints what [`workload::generate`] makes, one op a line, so that the
//! Go anchor (`go-anchor -selftest -check-stream FILE`) can compare its own port op by op: the
//! same kinds and the same keys, the zipf draws included (the Go side ports rand_distr's Zipf
//! sampler; equality is checked, not assumed). The format:
//!
//! ```text
//! # workload=read-heavy dist=zipf size=65536 thread=0 ops=3
//! read 3220344897584144929
//! read 17135239835083093536
//! insert 9171926338122409513
//! ```

use crate::harness::workloads::keys::key;
use crate::harness::workloads::workload::{self, index_of, kind_of};
use crate::harness::workloads::workload::{MAX_HOT_KEYS, MAX_OPS, MAX_PREFILL, MAX_THREADS};
use crate::vocabulary::{Dist, Workload};
use std::fmt::Write;

/// Refuses, in one line, a stream [`render`] cannot make: one past the generator's limits
/// (prefill, thread id, ops), or a shared-write hot set (`size`) outside 1..=MAX_HOT_KEYS.
pub fn check(workload: Workload, size: u64, thread: u32, ops: u64) -> Result<(), String> {
    if size > MAX_PREFILL || thread >= MAX_THREADS || ops > MAX_OPS {
        return Err(format!(
            "--size at most {MAX_PREFILL}, --thread below {MAX_THREADS}, --ops at most {MAX_OPS}"
        ));
    }
    if workload.is_shared() && !(1..=MAX_HOT_KEYS).contains(&size) {
        return Err(format!(
            "--size {size}: shared-write's hot set is 1..={MAX_HOT_KEYS} keys"
        ));
    }
    Ok(())
}

/// The stream of thread `thread`, `ops` ops, as text (header line first).
pub fn render(workload: Workload, dist: Dist, size: u64, thread: u32, ops: u64) -> String {
    let s = workload::generate(workload, dist, size, thread, ops);
    let mut out = String::with_capacity(s.ops.len() * 28 + 80);
    // Writing to a String cannot fail.
    let _ = writeln!(
        out,
        "# workload={workload} dist={dist} size={size} thread={thread} ops={ops}"
    );
    for &op in &s.ops {
        let _ = writeln!(out, "{} {}", kind_of(op).name(), key(index_of(op)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stream_past_the_limits_is_refused() {
        assert!(check(Workload::ReadHeavy, 65536, 0, 1000).is_ok());
        assert!(check(Workload::ReadHeavy, 65536, MAX_THREADS, 1000).is_err());
        assert_eq!(
            check(Workload::SharedWrite, 0, 0, 1000).unwrap_err(),
            format!("--size 0: shared-write's hot set is 1..={MAX_HOT_KEYS} keys")
        );
        assert!(check(Workload::SharedWrite, 64, 0, 1000).is_ok());
    }

    /// The Go anchor's `-selftest` pins the very same keys (`wantZipf` in
    /// scripts/go-anchor/main.go): change one, change both.
    #[test]
    fn zipf_keys_are_pinned() {
        let want: [[u64; 8]; 2] = [
            [
                3113907389814643149,
                13603771152559425386,
                17804046160487981943,
                3220344897584144929,
                770187764175423830,
                3220344897584144929,
                2118790183301078950,
                13992914976326373339,
            ],
            [
                16881822020716400743,
                2088018181162293423,
                1771377155789698726,
                17070264542101610730,
                3220344897584144929,
                16752792218731576876,
                14900510757263004867,
                10053414570705956442,
            ],
        ];
        for (t, want) in want.iter().enumerate() {
            let text = render(Workload::ReadHeavy, Dist::Zipf, 1 << 16, t as u32, 64);
            let got: Vec<u64> = text
                .lines()
                .skip(1)
                .filter(|l| l.starts_with("read ") || l.starts_with("update "))
                .map(|l| l.split_once(' ').unwrap().1.parse().unwrap())
                .take(8)
                .collect();
            assert_eq!(got, want, "thread {t}");
        }
        // Rank 1 is key(0).
        assert_eq!(want[0][3], crate::harness::workloads::keys::key(0));
    }

    #[test]
    fn header_then_one_line_per_op() {
        let t = render(Workload::Exchange, Dist::Zipf, 1000, 1, 50);
        let lines: Vec<_> = t.lines().collect();
        assert_eq!(lines.len(), 51);
        assert_eq!(
            lines[0],
            "# workload=exchange dist=zipf size=1000 thread=1 ops=50"
        );
        for l in &lines[1..] {
            let (kind, key) = l.split_once(' ').unwrap();
            assert!(crate::vocabulary::OpKind::ALL
                .iter()
                .any(|k| k.name() == kind));
            key.parse::<u64>().unwrap();
        }
    }
}
