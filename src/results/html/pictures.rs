//! The charts, after the answers and the verdicts: every chart `plots` draws, its SVG inline,
//! grouped by what it shows and the groups in order of importance — the ratios to the
//! reference (what the answers are about), then contention, then the rest.
//!
//! Only the most important group present is open; every other group is folded under one
//! line that says what it holds and how many charts. Why: the main job draws some fifty
//! charts, about 35,000 px at 1400 px wide, and a reader who came for the answer should not
//! scroll ten screens past charts to reach the details; the whole page before its folded
//! parts stays within about ten screens. A short index names every chart and links to it.

use super::markup::{esc, folded, inline_svg};
use crate::results::plots::Chart;
use std::fmt::Write as _;

/// What a chart shows, in order of importance (the declaration order).
///
/// Read from the first word of its file name, which `plots` builds from the chart's kind
/// (`ratio-…`, `contention-…`, `ops-…`, `locate-…`/`probe-…`, `latency-…`: see its docs); a
/// name of a kind this file does not know lands in [`Kind::Other`], folded, never lost.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Ratio,
    Contention,
    Sizes,
    Strategies,
    Latency,
    Other,
}

impl Kind {
    const ALL: [Kind; 6] = [
        Kind::Ratio,
        Kind::Contention,
        Kind::Sizes,
        Kind::Strategies,
        Kind::Latency,
        Kind::Other,
    ];

    fn of(c: &Chart) -> Kind {
        match c.file_name.split(['-', '.']).next().unwrap_or("") {
            "ratio" => Kind::Ratio,
            "contention" => Kind::Contention,
            "ops" => Kind::Sizes,
            "locate" | "probe" => Kind::Strategies,
            "latency" => Kind::Latency,
            _ => Kind::Other,
        }
    }

    /// The group's id in the page.
    fn id(self) -> &'static str {
        match self {
            Kind::Ratio => "charts-ratio",
            Kind::Contention => "charts-contention",
            Kind::Sizes => "charts-sizes",
            Kind::Strategies => "charts-strategies",
            Kind::Latency => "charts-latency",
            Kind::Other => "charts-other",
        }
    }

    fn title(self) -> &'static str {
        match self {
            Kind::Ratio => "Ratios to the reference, with 95% intervals",
            Kind::Contention => "Contention: Mops/s by threads",
            Kind::Sizes => "Single thread: ns/op by map size",
            Kind::Strategies => "Strategies: locate and probe",
            Kind::Latency => "Latency percentiles",
            Kind::Other => "Other charts",
        }
    }

    /// The word its file names start with, left out of the index's short names.
    fn prefix(self) -> &'static str {
        match self {
            Kind::Ratio => "ratio-",
            Kind::Contention => "contention-",
            Kind::Latency => "latency-",
            Kind::Sizes | Kind::Strategies | Kind::Other => "",
        }
    }
}

/// The id a chart's figure has in the page (its file name without `.svg`).
pub(super) fn chart_id(c: &Chart) -> String {
    c.file_name.trim_end_matches(".svg").to_string()
}

/// The section: the index, the first group open, the others folded.
pub(super) fn section(h: &mut String, charts: &[Chart]) {
    h.push_str("<section id=\"charts\">\n<h2>Charts</h2>\n");
    let groups: Vec<(Kind, Vec<&Chart>)> = Kind::ALL
        .iter()
        .map(|&k| (k, charts.iter().filter(|c| Kind::of(c) == k).collect()))
        .filter(|(_, v): &(Kind, Vec<&Chart>)| !v.is_empty())
        .collect();
    if groups.is_empty() {
        h.push_str("<p>No chart: these rows have nothing to draw.</p>\n</section>\n");
        return;
    }
    index(h, &groups);
    for (i, (kind, group)) in groups.iter().enumerate() {
        let figures = |h: &mut String| {
            for c in group {
                figure(h, c);
            }
        };
        if i == 0 {
            let _ = writeln!(
                h,
                "<div id=\"{}\">\n<h3>{}</h3>",
                kind.id(),
                esc(kind.title())
            );
            figures(h);
            h.push_str("</div>\n");
        } else {
            let summary = format!("{} — {} charts", esc(kind.title()), group.len());
            folded(h, kind.id(), &summary, figures);
        }
    }
    h.push_str("</section>\n");
}

/// A line per group: its title and a short link to each of its charts.
fn index(h: &mut String, groups: &[(Kind, Vec<&Chart>)]) {
    h.push_str("<nav class=\"index\">\n");
    for (kind, group) in groups {
        let links: Vec<String> = group
            .iter()
            .map(|c| {
                let id = chart_id(c);
                let short = id.strip_prefix(kind.prefix()).unwrap_or(&id);
                format!("<a href=\"#{}\">{}</a>", esc(&id), esc(short))
            })
            .collect();
        let _ = writeln!(
            h,
            "<p><a href=\"#{}\"><b>{}</b></a> ({}): {}</p>",
            kind.id(),
            esc(kind.title()),
            group.len(),
            links.join(" · ")
        );
    }
    h.push_str("</nav>\n");
}

fn figure(h: &mut String, c: &Chart) {
    let _ = writeln!(
        h,
        "<figure id=\"{}\">\n{}\n<figcaption>{} (<code>{}</code>)</figcaption>\n</figure>",
        esc(&chart_id(c)),
        inline_svg(&c.svg),
        esc(&c.title),
        esc(&c.file_name)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(name: &str) -> Chart {
        Chart {
            file_name: format!("{name}.svg"),
            title: name.to_uppercase(),
            svg: format!("<svg width=\"10\" height=\"10\"><title>{name}</title></svg>"),
            series_per_panel: vec![1],
        }
    }

    #[test]
    fn the_ratio_charts_come_first_and_open_and_the_rest_folded_by_kind() {
        let charts: Vec<Chart> = [
            "contention-exchange-zipf",
            "ops-get_hit",
            "ratio-ops",
            "latency-contention-exchange-zipf-t2",
            "probe-miss",
            "something-new",
            "ratio-contention-exchange",
        ]
        .map(chart)
        .into();
        let mut h = String::new();
        section(&mut h, &charts);
        let at = |s: &str| h.find(s).unwrap_or_else(|| panic!("{s} missing"));
        let body = &h[at("</nav>")..];
        let fig = |s: &str| body.find(&format!("<figure id=\"{s}\"")).unwrap();
        // Open: the ratio charts, in the order plots gave them, before any <details>.
        assert!(fig("ratio-ops") < fig("ratio-contention-exchange"));
        assert!(fig("ratio-contention-exchange") < body.find("<details").unwrap());
        // Folded, in order of importance; a kind unknown here is last, not lost.
        let order = [
            "charts-contention",
            "charts-sizes",
            "charts-strategies",
            "charts-latency",
            "charts-other",
        ];
        let folds: Vec<usize> = order
            .iter()
            .map(|id| body.find(&format!("<details id=\"{id}\">")).unwrap())
            .collect();
        assert!(folds.windows(2).all(|w| w[0] < w[1]), "{folds:?}");
        assert!(fig("something-new") > folds[4]);
        assert_eq!(h.matches("<figure").count(), charts.len());
        // The index names every chart with a short link.
        assert!(h.contains("<a href=\"#ratio-contention-exchange\">contention-exchange</a>"));
    }
}
