//! `gomap-bench report`: one self-contained HTML page that answers first (the headline
//! answers, then a comparison's verdicts when one is given, then the charts) and folds its
//! evidence (ratio tables, findings, invalid and noisy cells, run facts); no table wider than
//! its box; and the charts' own promises (well-formed SVG, at most eight series a panel).

mod results_fixtures;

use gomap_bench::results::compare::{self, Options};
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

/// Where `needle` first occurs in `page`, or a failure that names it.
fn at(page: &str, needle: &str) -> usize {
    page.find(needle)
        .unwrap_or_else(|| panic!("{needle:?} is not in the page"))
}

#[test]
fn the_answers_come_before_the_first_chart_and_the_details_are_folded() {
    let page = html::render(&both(), &labels()).unwrap();
    let first_chart = at(&page, "<figure");
    assert!(at(&page, "<section id=\"answers\">") < first_chart);
    assert!(page.matches("class=\"answer\" id=\"answer-").count() >= 1);
    assert!(page.rfind("id=\"answer-").unwrap() < first_chart);
    // The evidence is folded, each part under a line that says what it holds; nothing is
    // open by default.
    for id in ["ratios", "findings", "cells", "run"] {
        assert!(
            page.contains(&format!("<details id=\"{id}\">\n<summary>")),
            "{id} is not folded"
        );
    }
    assert!(!page.contains("<details open"));
    let details = at(&page, "<section id=\"details\">");
    assert!(first_chart < details);
    assert!(at(&page, "<details id=\"ratios\">") > details);
    assert!(at(&page, "<h3>ops: ÷ hashbrown [sse2]") > at(&page, "<details id=\"ratios\">"));
}

#[test]
fn every_table_sits_in_a_box_that_scrolls() {
    let page = html::render(&both(), &labels()).unwrap();
    let tables = page.matches("<table").count();
    assert!(tables > 3);
    assert_eq!(
        page.matches("<div class=\"scroll\"><table").count(),
        tables,
        "a <table> outside its scrolling box"
    );
    assert!(page.contains(".scroll{overflow-x:auto"));
    assert!(page.contains("svg{max-width:100%;height:auto}"));
}

#[test]
fn a_baselines_verdicts_come_under_the_answers_regressions_first() {
    let base = with_ratios();
    // The same run, with every contention row of ours half as fast against the reference.
    let mut current = base.clone();
    for r in current
        .rows
        .iter_mut()
        .filter(|r| r.id.map.starts_with("gomap-"))
    {
        if let Some(q) = r.extra.ratio.as_mut() {
            (q.median, q.ci95_low, q.ci95_high) =
                (q.median / 2.0, q.ci95_low / 2.0, q.ci95_high / 2.0);
        }
    }
    let cmp = compare::compare(&base, &current, &Options::default()).unwrap();
    assert!(cmp.has_regression());
    let v = html::Verdicts::Baseline {
        baseline: "old/baseline.json".into(),
        comparison: cmp.clone(),
    };
    let docs = vec![current];
    let labels = vec!["latest.json".to_string()];
    let page = html::render_with(&docs, &labels, Some(&v)).unwrap();
    assert_valid_html(&page);
    assert_self_contained(&page);
    let n = cmp.count(compare::Verdict::Regressed);
    let verdicts = at(&page, "<section id=\"verdicts\">");
    assert!(at(&page, "<section id=\"answers\">") < verdicts);
    assert!(verdicts < at(&page, "<figure"));
    // Loud on the first screen, then in its own section; each row with its evidence.
    assert!(at(&page, &format!("✗ {n} regressed")) < at(&page, "<section id=\"answers\">"));
    assert!(page.contains("class=\"alarm\""));
    assert!(page.contains(&format!("<h3>Regressed ({n})</h3>")));
    assert!(page.contains("<code>old/baseline.json</code>"));
    for r in cmp
        .rows
        .iter()
        .filter(|r| r.verdict == compare::Verdict::Regressed)
    {
        let evidence = r.evidence.replace('&', "&amp;");
        assert!(page.contains(&evidence), "{evidence} missing");
    }
    // Without one, the section is not there at all.
    let plain = html::render(&docs, &labels).unwrap();
    assert!(!plain.contains("id=\"verdicts\""));
    assert_eq!(page, html::render_with(&docs, &labels, Some(&v)).unwrap());
}

#[test]
fn a_verdicts_page_of_its_own_is_valid_and_self_contained() {
    let base = with_ratios();
    let cmp = compare::compare(&base, &base, &Options::default()).unwrap();
    let page = html::verdicts_page(&html::Verdicts::Ab { comparison: cmp });
    assert_valid_html(&page);
    assert_self_contained(&page);
    assert!(page.contains("✓ no regression"));
}
