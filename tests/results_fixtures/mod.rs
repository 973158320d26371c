//! Fixtures shared by the results tests (results_*.rs): a fixed machine and rows for every chart kind.
#![allow(dead_code)] // each test binary uses a different subset

use gomap_bench::results::schema::{Machine, Results, Row, RunInfo, Unit};
use serde_json::json;

pub fn machine() -> Machine {
    Machine {
        cpu_model: "Test CPU 9000".into(),
        cores: 8,
        memory_gib: 16,
        os: "Test OS 1".into(),
        kernel: "6.1.0".into(),
        thp: "madvise".into(),
        governor: "performance".into(),
        isa: "avx2".into(),
    }
}

pub fn run() -> RunInfo {
    RunInfo {
        timestamp: "2024-05-01T12:34:56Z".into(),
        git_revision: "0123456789abcdef".into(),
        git_dirty: false,
        rustc: "rustc 1.95.0".into(),
        profile: "release".into(),
        rustflags: "-C target-cpu=native".into(),
        machine: machine(),
        hasher: "foldhash::fast".into(),
        allocator: "system".into(),
        config: json!({"command": "test"}),
    }
}

/// A ns/op row with five samples spread ±1% around `median`.
pub fn ns_row(suite: &str, map: &str, op: &str, size: u64, median: f64) -> Row {
    let s = [0.99, 0.995, 1.0, 1.005, 1.01].map(|f| f * median).to_vec();
    Row::from_samples(suite, map, op, size, 1, "-", "-", Unit::NsPerOp, s)
}

pub fn doc(rows: Vec<Row>) -> Results {
    Results::new(run(), rows)
}

/// Rows that exercise every chart: contention (with an invalid and a noisy row and latency
/// percentiles), ops at three sizes with the Go anchor, locate with CIs, probe without.
pub fn everything() -> Results {
    let mut rows = Vec::new();
    for (i, map) in ["gomap/sharded", "dashmap", "papaya"].iter().enumerate() {
        for t in [1u32, 2, 4, 8] {
            let base = 10.0 * f64::from(t) / (1.0 + i as f64 * 0.3);
            let samples = vec![base * 0.95, base, base * 1.04];
            let mut r = Row::from_samples(
                "contention",
                map,
                "read-heavy",
                1 << 20,
                t,
                "uniform",
                "-",
                Unit::MopsPerSec,
                samples,
            );
            r.extra.insert(
                "latency".into(),
                json!({"read": {"p50": 40.0 + i as f64, "p99": 300.0, "p999": 2000.0, "max": 90000.0},
                       "write": {"p50": 80.0, "p99": 900.0, "p999": 7000.0, "max": 250000.0}}),
            );
            if *map == "papaya" && t == 8 {
                r.noisy = true;
            }
            rows.push(r);
        }
    }
    let mut bad = Row::from_samples(
        "contention",
        "broken-map",
        "read-heavy",
        1 << 20,
        4,
        "uniform",
        "-",
        Unit::MopsPerSec,
        vec![99.0],
    );
    bad.valid = false;
    rows.push(bad);
    for (map, isa, k) in [("gomap/fast64", "avx2", 1.0), ("hashbrown", "-", 0.8)] {
        for size in [1u64 << 10, 1 << 14, 1 << 20] {
            let m = k * (5.0 + (size as f64).log2());
            let mut r = ns_row("ops", map, "get_hit", size, m);
            r.isa = isa.into();
            r.extra.insert("ci95_low".into(), json!(m * 0.98));
            r.extra.insert("ci95_high".into(), json!(m * 1.02));
            rows.push(r);
        }
    }
    for size in [1u64 << 10, 1 << 20] {
        rows.push(ns_row("go-anchor", "go1.22 map", "get_hit", size, 30.0));
    }
    for (strategy, m) in [("mask-from-B", 2.1), ("precomputed-mask", 1.9)] {
        let mut r = ns_row("locate", &format!("gomap/locate={strategy}"), "index", 0, m);
        r.extra.insert("ci95_low".into(), json!(m - 0.05));
        r.extra.insert("ci95_high".into(), json!(m + 0.05));
        rows.push(r);
    }
    for (isa, m) in [("scalar", 6.0), ("swar", 3.0), ("sse2", 1.5), ("avx2", 1.4)] {
        let mut r = ns_row("probe", "gomap/probe", "match_tophash", 0, m);
        r.isa = isa.into();
        rows.push(r);
    }
    doc(rows)
}

/// A strict-enough XML well-formedness check for our SVGs: one root element, every start
/// tag closed in order, attribute quotes balanced; comments and the XML declaration skipped.
pub fn assert_well_formed_svg(svg: &str) {
    let t = svg.trim();
    let body = match t.strip_prefix("<?xml") {
        Some(rest) => rest
            .split_once("?>")
            .expect("unterminated XML declaration")
            .1
            .trim(),
        None => t,
    };
    assert!(
        body.starts_with("<svg"),
        "does not start with <svg: {}",
        &body[..body.len().min(80)]
    );
    assert!(body.ends_with("</svg>"), "does not end with </svg>");
    let mut stack: Vec<String> = Vec::new();
    let mut rest = body;
    let mut roots = 0;
    while let Some(open) = rest.find('<') {
        assert!(!rest[..open].contains('>'), "stray '>' in text");
        rest = &rest[open..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.split_once("-->").expect("unterminated comment").1;
            continue;
        }
        // Find the end of the tag, skipping '>' inside quoted attribute values.
        let mut quote = None;
        let mut end = None;
        for (i, c) in rest.char_indices().skip(1) {
            match (quote, c) {
                (None, '"' | '\'') => quote = Some(c),
                (Some(q), c) if c == q => quote = None,
                (None, '>') => {
                    end = Some(i);
                    break;
                }
                (None, '<') => panic!("'<' inside a tag"),
                _ => {}
            }
        }
        let end = end.expect("unterminated tag");
        let tag = &rest[1..end];
        if let Some(name) = tag.strip_prefix('/') {
            let open = stack.pop().expect("close tag without an open one");
            assert_eq!(open, name.trim(), "mismatched close tag");
        } else if !tag.ends_with('/') {
            let name: String = tag.chars().take_while(|c| !c.is_whitespace()).collect();
            if stack.is_empty() {
                roots += 1;
            }
            stack.push(name);
        } else if stack.is_empty() {
            roots += 1;
        }
        rest = &rest[end + 1..];
    }
    assert!(stack.is_empty(), "unclosed elements: {stack:?}");
    assert_eq!(roots, 1, "more than one root element");
    assert!(!rest.contains('>'), "trailing '>'");
}
