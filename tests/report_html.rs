//! `gomap-bench report`: one self-contained HTML page with the run facts, the findings, the
//! ratio tables, every invalid or noisy cell with its reason, and every chart inline; and
//! the charts' own promises (well-formed SVG, at most eight series a panel).

mod results_fixtures;

use gomap_bench::results::schema::Results;
use gomap_bench::results::{html, plots};
use results_fixtures::*;

fn both() -> Vec<Results> {
    vec![everything(), with_ratios()]
}

fn labels() -> Vec<String> {
    vec!["everything.json".into(), "ratios.json".into()]
}

#[test]
fn every_chart_is_well_formed_with_at_most_eight_series_a_panel() {
    let (charts, _) = plots::render_docs(&both(), &labels()).unwrap();
    let names: Vec<&str> = charts.iter().map(|c| c.file_name.as_str()).collect();
    for want in ["ratio-ops.svg", "ratio-contention-exchange.svg"] {
        assert!(names.contains(&want), "{want} missing from {names:?}");
    }
    for c in &charts {
        assert_well_formed_svg(&c.svg);
        let counts = series_per_panel(&c.svg);
        assert_eq!(counts, c.series_per_panel, "{}", c.file_name);
        assert!(!counts.is_empty(), "{}", c.file_name);
        assert!(
            counts.iter().all(|&n| n <= plots::MAX_SERIES),
            "{}: {counts:?}",
            c.file_name
        );
    }
    // Sixteen maps on one workload: split into several panels, none over eight.
    let lat = charts
        .iter()
        .find(|c| c.file_name == "latency-contention-exchange-zipf-t2.svg")
        .unwrap();
    assert!(
        lat.series_per_panel.len() >= 4,
        "{:?}",
        lat.series_per_panel
    );
}

#[test]
fn charts_say_where_and_when_their_rows_were_measured_and_what_is_missing() {
    let (charts, _) = plots::render_docs(&both(), &labels()).unwrap();
    let ratio = charts
        .iter()
        .find(|c| c.file_name == "ratio-contention-exchange.svg")
        .unwrap();
    assert!(ratio
        .svg
        .contains("ratios.json: measured 2024-05-01 12:34 UTC on Test CPU 9000"));
    // The invalid row is not drawn as a ratio, and the footnote names it.
    assert!(ratio
        .svg
        .contains("not shown (failed validation): third-party-3 (zipf, 2 thread(s))"));
    assert!(ratio.svg.contains("1 = dashmap (above 1: faster)"));
    let ops = charts
        .iter()
        .find(|c| c.file_name == "ratio-ops.svg")
        .unwrap();
    assert!(ops.svg.contains("1 = hashbrown [sse2] (below 1: faster)"));
}

#[test]
fn the_report_is_valid_self_contained_html() {
    let page = html::render(&both(), &labels()).unwrap();
    assert_valid_html(&page);
    assert_self_contained(&page);
    // Every chart inline, and nothing else drawn.
    let (charts, _) = plots::render_docs(&both(), &labels()).unwrap();
    assert_eq!(page.matches("<svg").count(), charts.len());
    for c in &charts {
        assert!(page.contains(&format!("id=\"{}\"", c.file_name.trim_end_matches(".svg"))));
    }
    // A pure function of the files: no date of its own.
    assert_eq!(page, html::render(&both(), &labels()).unwrap());
}

#[test]
fn the_report_names_every_invalid_and_noisy_cell_with_its_reason() {
    let docs = both();
    let page = html::render(&docs, &labels()).unwrap();
    let mut invalid = 0;
    for r in docs.iter().flat_map(|d| &d.rows).filter(|r| !r.valid) {
        invalid += 1;
        assert!(
            page.contains(&r.identity().to_string()),
            "{} not named",
            r.identity()
        );
        let why = r.extra.validation_error.as_deref().unwrap();
        assert!(page.contains(why), "reason of {} missing", r.identity());
    }
    assert_eq!(invalid, 2);
    assert!(page.contains("other processes used 18% of a core"));
    // The ratio tables: intervals, and the invalid cell marked, never a ratio.
    assert!(
        page.contains("1.10× [1.07, 1.13]"),
        "no ratio with its interval"
    );
    assert!(page.contains("INVALID"));
    // Run facts of each file.
    assert!(page.contains("Test CPU 9000") && page.contains("0123456789abcdef"));
}
