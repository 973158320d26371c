//! Fixtures shared by the results tests (results_*.rs): a fixed machine and rows for every chart kind.
#![allow(dead_code)] // each test binary uses a different subset

use gomap_bench::results::schema::{Machine, Percentiles, Results, Row, RunInfo, Unit};
use gomap_bench::vocabulary::{
    Dist, Identity, IndexKernel, Isa, Op, OpId, OpKind, Pattern, Role, Suite, Workload,
};
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
        partial: false,
    }
}

/// A ns/op row with five samples spread ±1% around `median`.
pub fn ns_row(suite: Suite, map: &str, op: impl Into<OpId>, size: u64, median: f64) -> Row {
    let s = [0.99, 0.995, 1.0, 1.005, 1.01].map(|f| f * median).to_vec();
    let mut r = Row::new(Identity::new(suite, map, op).size(size), Unit::NsPerOp, s);
    // Maps named like ours are ours; the rest are third-party (the machine's drift).
    r.extra.role = Some(if map.starts_with("gomap") {
        Role::Ours
    } else {
        Role::Other
    });
    r
}

/// Percentiles of `samples` timed ops (few enough, for some kinds, that the charts leave
/// their tail out).
fn pct(p50: u64, p99: u64, p999: u64, max: u64, samples: u64) -> Percentiles {
    Percentiles {
        p50,
        p99,
        p999,
        max,
        samples,
    }
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
            let id = Identity::new(Suite::Contention, *map, Workload::ReadHeavy)
                .size(1 << 20)
                .threads(t)
                .dist(Some(Dist::Uniform));
            let mut r = Row::new(id, Unit::MopsPerSec, samples);
            r.extra.latency = Some(
                [
                    (OpKind::Read, pct(40 + i as u64, 300, 2000, 90000, 20_000)),
                    (OpKind::Insert, pct(80, 900, 7000, 250000, 300)),
                ]
                .into(),
            );
            if *map == "papaya" && t == 8 {
                r.noisy = true;
            }
            rows.push(r);
        }
    }
    let bad_id = Identity::new(Suite::Contention, "broken-map", Workload::ReadHeavy)
        .size(1 << 20)
        .threads(4)
        .dist(Some(Dist::Uniform));
    let mut bad = Row::new(bad_id, Unit::MopsPerSec, vec![99.0]);
    bad.invalidate("test: broken on purpose");
    rows.push(bad);
    for (map, isa, k) in [
        ("gomap/fast64", Some(Isa::Avx2), 1.0),
        ("hashbrown", None, 0.8),
    ] {
        for size in [1u64 << 10, 1 << 14, 1 << 20] {
            let m = k * (5.0 + (size as f64).log2());
            let mut r = ns_row(Suite::Ops, map, Op::GetHit, size, m);
            r.id.isa = isa;
            r.extra.ci95_low = Some(m * 0.98);
            r.extra.ci95_high = Some(m * 1.02);
            rows.push(r);
        }
    }
    for size in [1u64 << 10, 1 << 20] {
        let mut r = ns_row(Suite::Ops, "go1.22 map", Op::GetHit, size, 30.0);
        r.id.isa = Some(Isa::Go);
        rows.push(r);
    }
    for (strategy, m) in [("from-b", 2.1), ("precomputed", 1.9)] {
        let mut r = ns_row(Suite::Locate, strategy, IndexKernel::Throughput, 0, m);
        r.extra.ci95_low = Some(m - 0.05);
        r.extra.ci95_high = Some(m + 0.05);
        rows.push(r);
    }
    for (isa, m) in [
        (Isa::Scalar, 6.0),
        (Isa::Swar, 3.0),
        (Isa::Sse2, 1.5),
        (Isa::Avx2, 1.4),
    ] {
        let mut r = ns_row(Suite::Probe, isa.name(), Pattern::Slot(0), 0, m);
        r.id.isa = Some(isa);
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

/// A run with paired ratios, as the main job writes it: the ops suite (GoMap variants and
/// std ÷ hashbrown at three sizes) and a contention workload with more maps than a panel
/// holds (ours, the reference, the harness, and a dozen others), latency percentiles, one
/// invalid row and one noisy row.
pub fn with_ratios() -> Results {
    use gomap_bench::results::schema::Ratio;
    let ratio = |to: &str, m: f64| Ratio {
        to: to.into(),
        median: m,
        ci95_low: m * 0.97,
        ci95_high: m * 1.03,
        n: 20,
        halves: None,
        blocks: None,
        run_to_run: None,
    };
    let mut rows = Vec::new();
    for op in [Op::GetHit, Op::Remove] {
        for size in [1u64 << 10, 1 << 16, 1 << 20] {
            for (k, (map, isa)) in [
                ("hashbrown", Isa::Sse2),
                ("gomap/generic", Isa::Sse2),
                ("gomap/fast64", Isa::Scalar),
                ("gomap/fast64", Isa::Avx2),
                ("std", Isa::Sse2),
            ]
            .into_iter()
            .enumerate()
            {
                let mut r = ns_row(Suite::Ops, map, op, size, 10.0 + k as f64);
                r.id.isa = Some(isa);
                if map == "hashbrown" {
                    r.extra.role = Some(Role::Reference);
                } else {
                    r.extra.ratio = Some(ratio("hashbrown [sse2]", 1.0 + 0.1 * k as f64));
                }
                rows.push(r);
            }
        }
    }
    let mut maps: Vec<(String, Role)> = vec![
        ("dashmap".into(), Role::Reference),
        ("null".into(), Role::HarnessOnly),
    ];
    maps.extend(["gomap-mutex", "gomap-sharded"].map(|m| (m.to_string(), Role::Ours)));
    maps.extend((0..11).map(|i| (format!("third-party-{i}"), Role::Other)));
    for (i, (map, role)) in maps.iter().enumerate() {
        for t in [1u32, 2] {
            let id = Identity::new(Suite::Contention, map.as_str(), Workload::Exchange)
                .size(1 << 16)
                .threads(t)
                .dist(Some(Dist::Zipf));
            let mut r = Row::new(id, Unit::MopsPerSec, vec![9.0 + i as f64, 10.0 + i as f64]);
            r.extra.role = Some(*role);
            if *role != Role::Reference {
                r.extra.ratio = Some(ratio("dashmap", 0.5 + 0.1 * i as f64));
            }
            r.extra.latency = Some(
                [
                    (OpKind::Read, pct(300, 2000, 9000, 70000, 5000)),
                    (OpKind::Update, pct(400, 3000, 12000, 90000, 1500)),
                ]
                .into(),
            );
            r.extra.latency_sample_every = Some(64);
            rows.push(r);
        }
    }
    let bad = rows
        .iter_mut()
        .find(|r| r.id.map == "third-party-3" && r.id.threads == 2)
        .unwrap();
    bad.invalidate("rebuild after round 8: read: 7763 of 7765 succeeded");
    let noisy = rows.iter_mut().find(|r| r.id.map == "gomap-mutex").unwrap();
    noisy.noisy = true;
    noisy.extra.other_cpu_pct = Some(18.0);
    doc(rows)
}

/// The panel layout a chart records in its `<desc>`: the series count of each panel.
pub fn series_per_panel(svg: &str) -> Vec<usize> {
    let desc = svg
        .split_once("<desc>")
        .and_then(|(_, rest)| rest.split_once("</desc>"))
        .expect("an SVG without its <desc>")
        .0;
    let counts = desc
        .split_once("series per panel: ")
        .expect("a <desc> without the series per panel")
        .1;
    counts
        .split(", ")
        .map(|n| n.trim().parse().expect("a series count"))
        .collect()
}

/// An HTML5 document that an HTML parser reads as its author meant: a doctype, one
/// `<html>` with `<head>` (charset, title) and `<body>`, every non-void element closed in
/// order, attribute quotes balanced. Inline SVG elements may close themselves (`<path/>`).
pub fn assert_valid_html(html: &str) {
    const VOID: [&str; 6] = ["meta", "br", "hr", "img", "link", "input"];
    let body = html
        .trim()
        .strip_prefix("<!DOCTYPE html>")
        .expect("no <!DOCTYPE html>")
        .trim();
    assert!(body.starts_with("<html"), "no <html> root");
    assert!(body.contains("<meta charset=\"utf-8\">"), "no charset");
    let head = body.split_once("</head>").expect("no </head>").0;
    assert_eq!(head.matches("<title>").count(), 1, "one <title> in <head>");
    assert!(body.contains("<body>") && body.ends_with("</html>"));
    let mut stack: Vec<String> = Vec::new();
    let mut rest = body;
    let mut in_raw: Option<&str> = None;
    while let Some(open) = rest.find('<') {
        if let Some(raw) = in_raw {
            // <style> content is raw text up to its end tag.
            let end = rest
                .find(&format!("</{raw}>"))
                .expect("unterminated raw text");
            rest = &rest[end..];
            in_raw = None;
            continue;
        }
        rest = &rest[open..];
        let mut quote = None;
        let mut end = None;
        for (i, c) in rest.char_indices().skip(1) {
            match (quote, c) {
                (None, '"') => quote = Some(c),
                (Some(q), c) if c == q => quote = None,
                (None, '>') => {
                    end = Some(i);
                    break;
                }
                (None, '<') => panic!("'<' inside a tag: {}", &rest[..i.min(80)]),
                _ => {}
            }
        }
        let end = end.expect("unterminated tag");
        let tag = &rest[1..end];
        if let Some(name) = tag.strip_prefix('/') {
            let open = stack
                .pop()
                .unwrap_or_else(|| panic!("</{name}> without an open one"));
            assert_eq!(open, name.trim(), "mismatched close tag");
        } else if !tag.ends_with('/') {
            let name: String = tag.chars().take_while(|c| !c.is_whitespace()).collect();
            if !VOID.contains(&name.as_str()) {
                if name == "style" {
                    in_raw = Some("style");
                }
                stack.push(name);
            }
        }
        rest = &rest[end + 1..];
    }
    assert!(stack.is_empty(), "unclosed elements: {stack:?}");
    assert!(rest.trim().is_empty(), "text after </html>");
}

/// Nothing in `html` makes a browser fetch anything: no script or stylesheet source, no
/// link, no image or font URL, no address of any kind (in-page `#` links are fine).
pub fn assert_self_contained(html: &str) {
    for needle in [
        "http://", "https://", "src=", "<link", "<script", "url(", "@import", "//cdn",
    ] {
        assert!(
            !html.contains(needle),
            "the report refers outside itself: {needle}"
        );
    }
    for (i, _) in html.match_indices("href=\"") {
        assert!(
            html[i + 6..].starts_with('#'),
            "an external link: {}",
            &html[i..i + 60]
        );
    }
}
