//! The results pipeline through the library: schema round trip, atomic writes, the baseline
//! guard, every chart, and collecting a small fake criterion tree.

mod results_fixtures;

use gomap_bench::results::schema::Unit;
use gomap_bench::results::{collect, io, plots};
use gomap_bench::vocabulary::{Op, Suite};
use results_fixtures::*;
use std::fs;
use std::path::Path;

#[test]
fn schema_round_trip_through_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.json");
    let mut doc = everything();
    // A row without samples (NaN median, written as null) must survive the trip.
    let mut empty = ns_row(Suite::Ops, "empty", Op::GetHit, 8, 1.0);
    empty.samples.clear();
    (empty.median, empty.min, empty.max) = (f64::NAN, f64::NAN, f64::NAN);
    empty.valid = false;
    doc.rows.push(empty);
    io::write(&path, &doc, io::BaselinePolicy::Protect).unwrap();
    let back = io::read(&path).unwrap();
    let last = back.rows.last().unwrap();
    assert!(last.median.is_nan() && last.samples.is_empty());
    doc.rows.pop();
    let mut back = back;
    back.rows.pop();
    assert_eq!(back, doc);
}

fn entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn atomic_write_leaves_no_temp_file_and_never_a_partial_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latest.json");
    io::write(&path, &doc(vec![]), io::BaselinePolicy::Protect).unwrap();
    io::write(&path, &everything(), io::BaselinePolicy::Protect).unwrap();
    assert_eq!(entries(dir.path()), vec!["latest.json"]);
    assert_eq!(io::read(&path).unwrap(), everything());

    // A write that fails (the target is a directory, so the rename fails) leaves the
    // directory as it was: no temp file, nothing half-written.
    let blocked = dir.path().join("blocked.json");
    fs::create_dir(&blocked).unwrap();
    let err = io::write(&blocked, &everything(), io::BaselinePolicy::Protect).unwrap_err();
    assert!(
        err.to_string().starts_with(&blocked.display().to_string()),
        "{err}"
    );
    assert_eq!(entries(dir.path()), vec!["blocked.json", "latest.json"]);
}

#[test]
fn the_baseline_is_only_replaced_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("baseline.json");
    io::write(&path, &doc(vec![]), io::BaselinePolicy::Protect).unwrap(); // new: fine
    let err = io::write(&path, &everything(), io::BaselinePolicy::Protect).unwrap_err();
    assert!(err.to_string().contains("--update-baseline"), "{err}");
    assert!(io::read(&path).unwrap().rows.is_empty());
    io::write(&path, &everything(), io::BaselinePolicy::Replace).unwrap();
    assert_eq!(io::read(&path).unwrap(), everything());
}

#[test]
fn read_errors_are_one_line_and_name_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.json");
    let text = serde_json::to_string_pretty(&everything()).unwrap();
    fs::write(&path, &text[..text.len() - 40]).unwrap();
    let msg = io::read(&path).unwrap_err().to_string();
    assert!(
        msg.starts_with(&format!("{}: truncated JSON", path.display())),
        "{msg}"
    );
    assert!(!msg.contains('\n'));
}

#[test]
fn every_chart_renders_a_well_formed_svg() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plots");
    let report = plots::render_all_with_notes(&[everything()], &out).unwrap();
    let mut names: Vec<String> = report
        .files
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "contention-read-heavy-uniform.svg",
            "latency-contention-read-heavy-uniform-t1.svg",
            "latency-contention-read-heavy-uniform-t2.svg",
            "latency-contention-read-heavy-uniform-t4.svg",
            "latency-contention-read-heavy-uniform-t8.svg",
            "locate-index_throughput.svg",
            "ops-get_hit.svg",
            "probe.svg",
        ]
    );
    for f in &report.files {
        let svg = fs::read_to_string(f).unwrap();
        assert!(svg.len() > 500, "{} is nearly empty", f.display());
        assert_well_formed_svg(&svg);
        assert!(svg.contains("<text"), "{} has no text", f.display());
    }
    // The invalid row is skipped, said so, and not drawn.
    assert!(report.notes.iter().any(|n| n.contains("broken-map")));
    let contention = fs::read_to_string(out.join("contention-read-heavy-uniform.svg")).unwrap();
    assert!(contention.contains("not shown (failed validation): broken-map"));
    assert!(contention.contains("dashmap"));
    let ops = fs::read_to_string(out.join("ops-get_hit.svg")).unwrap();
    assert!(ops.contains("go1.22 map") && ops.contains("1M"));
    // Only our temp-free SVGs are left behind.
    assert!(entries(&out)
        .iter()
        .all(|n| n.ends_with(".svg") && !n.starts_with('.')));
}

#[test]
fn render_all_returns_the_written_paths() {
    let dir = tempfile::tempdir().unwrap();
    let files = plots::render_all(&[doc(vec![])], dir.path()).unwrap();
    assert!(files.is_empty());
}

/// Writes a criterion `new/` directory the way criterion 0.8 does.
fn fake_bench(
    root: &Path,
    dir: &str,
    group: &str,
    function: Option<&str>,
    value: Option<&str>,
    per_iter: &[f64],
) {
    let d = root.join(dir).join("new");
    fs::create_dir_all(&d).unwrap();
    let bench = serde_json::json!({
        "group_id": group, "function_id": function, "value_str": value, "throughput": null,
        "full_id": "x", "directory_name": dir, "title": "x",
    });
    fs::write(d.join("benchmark.json"), bench.to_string()).unwrap();
    let iters: Vec<f64> = (1..=per_iter.len()).map(|i| (i * 10) as f64).collect();
    let times: Vec<f64> = per_iter.iter().zip(&iters).map(|(t, n)| t * n).collect();
    fs::write(
        d.join("sample.json"),
        serde_json::json!({"sampling_mode": "Linear", "iters": iters, "times": times}).to_string(),
    )
    .unwrap();
    let est = |p: f64| {
        serde_json::json!({
            "confidence_interval": {"confidence_level": 0.95, "lower_bound": p - 0.5, "upper_bound": p + 0.5},
            "point_estimate": p, "standard_error": 0.1,
        })
    };
    fs::write(
        d.join("estimates.json"),
        serde_json::json!({"mean": est(12.0), "median": est(11.0), "median_abs_dev": est(0.2),
                           "slope": est(12.0), "std_dev": est(0.3)})
        .to_string(),
    )
    .unwrap();
    // criterion also keeps the previous run in base/: it must be ignored.
    let base = root.join(dir).join("base");
    fs::create_dir_all(&base).unwrap();
    fs::write(base.join("benchmark.json"), "{}").unwrap();
}

#[test]
fn collect_reads_a_fake_criterion_tree() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fake_bench(
        root,
        "ops_get_hit/gomap_fast64_avx2/1024",
        "ops/get_hit",
        Some("gomap/fast64/avx2"),
        Some("1024"),
        &[10.0, 11.0, 12.0],
    );
    fake_bench(
        root,
        "ops_get_hit/gomap_fast64/1024",
        "ops/get_hit",
        Some("gomap/fast64"),
        Some("4096"),
        &[9.0],
    );
    fake_bench(
        root,
        "ops_get_hit/hashbrown/1024",
        "ops/get_hit",
        Some("hashbrown"),
        Some("1024"),
        &[8.0, 9.0],
    );
    fake_bench(root, "odd/x", "odd", None, Some("weird"), &[1.0]);
    let got = collect::collect_rows(root).unwrap();
    assert_eq!(got.skipped.len(), 1, "{:?}", got.skipped);
    let ids: Vec<String> = got.rows.iter().map(|r| r.identity().to_string()).collect();
    assert_eq!(
        ids,
        [
            "ops/gomap/fast64/get_hit/size=1024/threads=1/-/avx2",
            "ops/gomap/fast64/get_hit/size=4096/threads=1/-/-",
            "ops/hashbrown/get_hit/size=1024/threads=1/-/-",
        ]
    );
    let r = &got.rows[0];
    assert_eq!(r.samples, vec![10.0, 11.0, 12.0]);
    assert_eq!((r.median, r.min, r.max), (11.0, 10.0, 12.0));
    assert_eq!(r.unit, Unit::NsPerOp);
    assert_eq!(r.extra.ci95_low, Some(10.5));
    assert_eq!(r.extra.ci95_high, Some(11.5));

    let err = collect::collect_rows(&root.join("nope")).unwrap_err();
    assert!(err.to_string().contains("nope"));
}
