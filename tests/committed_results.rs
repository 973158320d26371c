//! The committed results files are the project's record: every one of them still reads and
//! writes back unchanged, the reference run compares with itself and is calibrated, and the
//! committed plots and `results/report.html` are exactly what `plot` and `report` make of
//! the committed JSON (the Go anchor and the reference run), and every one of those charts
//! is well-formed with at most eight series a panel.

mod results_fixtures;

use gomap_bench::pipeline;
use gomap_bench::results::compare::{self, Options, Verdict};
use gomap_bench::results::{html, io, plots};
use results_fixtures::{
    assert_self_contained, assert_valid_html, assert_well_formed_svg, series_per_panel,
};
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every results file under `results/`, recursively: every `*.json` except those of
/// `asm/` (annotations of machine code, not measurements) and of the git-ignored `local/`.
fn committed_json() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                if !p.ends_with("asm") && !p.ends_with("local") {
                    walk(&p, out);
                }
            } else if p.extension().is_some_and(|x| x == "json")
                && !p.file_name().unwrap().to_string_lossy().starts_with('.')
            {
                out.push(p);
            }
        }
    }
    let mut v = Vec::new();
    walk(&root().join("results"), &mut v);
    v.sort();
    assert!(!v.is_empty());
    v
}

#[test]
fn every_committed_file_reads_and_writes_back_unchanged() {
    for path in committed_json() {
        let doc = io::read(&path).unwrap_or_else(|e| panic!("{e}"));
        let on_disk: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        let written = serde_json::to_value(&doc).unwrap();
        if let Some(at) = first_difference(&on_disk, &written, String::new()) {
            panic!(
                "{}: the typed rows do not write back as they were read (at {at})",
                path.display()
            );
        }
    }
}

/// Where two JSON values first differ, as a path (`rows[3].extra.x: 1 vs 2`). Numbers are
/// equal when their values are: the Go anchor writes a float 1.0 as `1`, Rust as `1.0`.
fn first_difference(a: &serde_json::Value, b: &serde_json::Value, at: String) -> Option<String> {
    use serde_json::Value::{Array, Number, Object};
    match (a, b) {
        (Number(x), Number(y)) if x.as_f64() == y.as_f64() => None,
        (Object(x), Object(y)) => {
            x.keys()
                .chain(y.keys())
                .find_map(|k| match (x.get(k), y.get(k)) {
                    (Some(p), Some(q)) => first_difference(p, q, format!("{at}.{k}")),
                    (p, q) => Some(format!("{at}.{k}: {p:?} vs {q:?}")),
                })
        }
        (Array(x), Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (p, q))| first_difference(p, q, format!("{at}[{i}]"))),
        _ => (a != b).then(|| format!("{at}: {a} vs {b}")),
    }
}

#[test]
fn the_reference_compares_with_itself_as_unchanged() {
    let b = root().join(pipeline::REFERENCE_BASELINE);
    let c = compare::compare_files(&b, &b, &Options::default()).unwrap();
    assert!(c.rows.iter().all(|r| matches!(
        r.verdict,
        Verdict::Unchanged | Verdict::Invalid | Verdict::Noisy | Verdict::Drift
    )));
    assert!(!c.has_regression());
}

#[test]
fn the_reference_is_calibrated_between_runs() {
    let b = io::read(&root().join(pipeline::REFERENCE_BASELINE)).unwrap();
    let ratios: Vec<_> = b
        .rows
        .iter()
        .filter_map(|r| r.extra.ratio.as_ref())
        .collect();
    assert!(!ratios.is_empty());
    assert!(
        ratios.iter().any(|q| q.run_to_run.is_some()),
        "made without --update-reference's calibration passes"
    );
}

#[test]
fn committed_plots_are_what_plot_draws_from_the_committed_json() {
    let dir = tempfile::tempdir().unwrap();
    let sources: Vec<PathBuf> = pipeline::reference_plot_sources()
        .iter()
        .map(|p| root().join(p))
        .collect();
    let report = plots::plot_files(&sources, dir.path()).unwrap();
    let committed = root().join("results/plots");
    let mut want: Vec<String> = fs::read_dir(&committed)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".svg"))
        .collect();
    want.sort();
    let mut got: Vec<String> = report
        .files
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    got.sort();
    assert_eq!(
        got, want,
        "the set of charts differs: regenerate with scripts/plot.sh"
    );
    for name in got {
        let a = fs::read_to_string(dir.path().join(&name)).unwrap();
        let b = fs::read_to_string(committed.join(&name)).unwrap();
        assert!(
            a == b,
            "{name} differs from its committed copy: regenerate it"
        );
        assert_well_formed_svg(&a);
        let counts = series_per_panel(&a);
        assert!(
            counts.iter().all(|&n| (1..=plots::MAX_SERIES).contains(&n)),
            "{name}: series per panel {counts:?}"
        );
    }
}

#[test]
fn the_committed_report_is_what_report_makes_of_the_committed_json() {
    let sources: Vec<PathBuf> = pipeline::reference_plot_sources()
        .iter()
        .map(|p| root().join(p))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.html");
    html::write_report(&sources, &out).unwrap();
    let made = fs::read_to_string(&out).unwrap();
    let committed = fs::read_to_string(root().join(pipeline::REFERENCE_REPORT))
        .expect("results/report.html: regenerate with scripts/plot.sh");
    assert!(
        made == committed,
        "results/report.html differs from what the committed JSON gives: regenerate it with scripts/plot.sh"
    );
    assert_valid_html(&made);
    assert_self_contained(&made);
    // Every invalid cell of the committed files is named, with its reason.
    for path in &sources {
        for r in io::read(path).unwrap().rows.iter().filter(|r| !r.valid) {
            assert!(
                made.contains(&r.identity().to_string()),
                "{} not named",
                r.identity()
            );
        }
    }
}
