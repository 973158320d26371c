//! The verdicts of a comparison, right under the answers: what `compare` (or `ab`) said of
//! these results against a baseline (or of HEAD against BASE).
//!
//! Regressions come first and loud (a bordered box, a symbol and the word, not colour alone),
//! then the improvements (folded when there are many), each row with the evidence its
//! verdict rests on (the two ratios with their intervals, as `compare` writes them); the
//! comparison's notes follow, and the noisy and invalid rows are folded. The verdicts
//! themselves are [`compare`](crate::results::compare)'s (or `ab`'s): nothing is judged
//! here.

use super::markup::{esc, folded, header_row, table};
use crate::results::compare::{ComparedRow, Comparison, Verdict};
use crate::results::format::{map_label, size, SizeStyle};
use crate::vocabulary::{Identity, Suite};
use std::fmt::Write as _;

/// What a page says about a comparison, when one was asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdicts {
    /// `compare`'s: the rows of the (last) input file judged against a baseline file, named
    /// as the reader should see it.
    Baseline {
        baseline: String,
        comparison: Comparison,
    },
    /// `ab`'s: HEAD ÷ BASE, two builds measured in one sitting (the builds are named in the
    /// comparison's notes).
    Ab { comparison: Comparison },
    /// A comparison was due (`run` always looks for a baseline) but none could be made: why.
    NotCompared { why: String },
}

impl Verdicts {
    fn comparison(&self) -> Option<&Comparison> {
        match self {
            Verdicts::Baseline { comparison, .. } | Verdicts::Ab { comparison } => Some(comparison),
            Verdicts::NotCompared { .. } => None,
        }
    }

    /// The section's heading (HTML).
    fn heading(&self) -> String {
        match self {
            Verdicts::Baseline { baseline, .. } => {
                format!("Against the baseline <code>{}</code>", esc(baseline))
            }
            Verdicts::Ab { .. } => "HEAD against BASE (ab: both builds in one sitting)".into(),
            Verdicts::NotCompared { .. } => "Against a baseline".into(),
        }
    }
}

/// The counts that open the section, and the line the page's opening repeats (HTML): the
/// regressions first, marked so that no reader misses them.
pub(super) fn tally(v: &Verdicts) -> String {
    let Some(c) = v.comparison() else {
        return "not compared".into();
    };
    let regressed = c.count(Verdict::Regressed);
    let rest: Vec<String> = Verdict::ALL
        .iter()
        .filter(|&&x| x != Verdict::Regressed)
        .filter_map(|&x| {
            let n = c.count(x);
            (n > 0).then(|| format!("{n} {x}"))
        })
        .collect();
    let lead = if regressed > 0 {
        format!("<strong class=\"bad\">✗ {regressed} regressed</strong>")
    } else {
        "✓ no regression".into()
    };
    if rest.is_empty() {
        lead
    } else {
        format!("{lead}, {}", esc(&rest.join(", ")))
    }
}

/// The section.
pub(super) fn section(h: &mut String, v: &Verdicts) {
    let _ = writeln!(h, "<section id=\"verdicts\">\n<h2>{}</h2>", v.heading());
    let c = match v {
        Verdicts::NotCompared { why } => {
            let _ = writeln!(h, "<p class=\"calm\">Not compared: {}</p>", esc(why));
            h.push_str("</section>\n");
            return;
        }
        Verdicts::Baseline { comparison, .. } | Verdicts::Ab { comparison } => comparison,
    };
    let box_class = if c.has_regression() { "alarm" } else { "calm" };
    let _ = writeln!(h, "<p class=\"{box_class}\">{}</p>", tally(v));
    // The rest of compare's summary, in its own words: the threshold and the machine's
    // drift (its counts are the box's).
    let summary = c.summary();
    let rest = summary
        .find("(threshold")
        .map_or(summary.as_str(), |i| &summary[i..]);
    let _ = writeln!(h, "<p class=\"source\">{}</p>", esc(rest));
    rows_table(h, c, Verdict::Regressed, Shown::Open);
    let improved = if c.count(Verdict::Improved) <= MAX_OPEN_IMPROVED {
        Shown::Open
    } else {
        Shown::Folded
    };
    rows_table(h, c, Verdict::Improved, improved);
    if !c.notes.is_empty() {
        h.push_str("<ul class=\"notes\">\n");
        for n in &c.notes {
            let _ = writeln!(h, "<li>{}</li>", esc(n));
        }
        h.push_str("</ul>\n");
    }
    for verdict in [Verdict::Noisy, Verdict::Invalid] {
        rows_table(h, c, verdict, Shown::Folded);
    }
    h.push_str("</section>\n");
}

/// The most improvements shown open: past it they are folded (under a line with their
/// count), so that a sweeping change does not push the charts screens down. Regressions are
/// always open: those are what the section is for.
const MAX_OPEN_IMPROVED: usize = 12;

/// Whether a verdict's rows are shown or folded.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shown {
    Open,
    Folded,
}

/// The rows of one verdict, if any: what each is, the change its verdict rests on, the
/// evidence and why.
fn rows_table(h: &mut String, c: &Comparison, verdict: Verdict, shown: Shown) {
    let rows: Vec<&ComparedRow> = c.rows.iter().filter(|r| r.verdict == verdict).collect();
    if rows.is_empty() {
        return;
    }
    let title = format!("{} ({})", capitalized(verdict.as_str()), rows.len());
    let body = |h: &mut String| {
        table(h, "verdicts", |h| {
            header_row(
                h,
                &["map", "cell", "change", "evidence", "why"].map(String::from),
            );
            for r in &rows {
                // The change the verdict rests on: the ratio's for our rows with one (the
                // median's would be the machine's drift), HEAD ÷ BASE's for ab, the median's
                // otherwise.
                let change = r
                    .ratio_change_pct
                    .or(r.change_pct)
                    .map_or("—".into(), |p| format!("{p:+.1}%"));
                let _ = writeln!(
                    h,
                    "<tr><th class=\"line\">{}</th><td>{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>",
                    esc(&map_label(&r.identity)),
                    esc(&place(&r.identity)),
                    esc(&change),
                    esc(&r.evidence),
                    esc(&r.reason)
                );
            }
        });
    };
    match shown {
        Shown::Open => {
            let _ = writeln!(h, "<h3>{}</h3>", esc(&title));
            body(h);
        }
        Shown::Folded => {
            let id = format!("verdicts-{}", verdict.as_str());
            folded(h, &id, &esc(&title), body);
        }
    }
}

/// `ops get_hit n=2^20`, `contention exchange zipf ×2`: where a row sits, without its map.
fn place(id: &Identity) -> String {
    let mut s = format!("{} {}", id.suite.name(), id.op);
    if id.size > 0 {
        let _ = write!(s, " n={}", size(id.size, SizeStyle::Power));
    }
    if let Some(d) = id.dist {
        let _ = write!(s, " {}", d.name());
    }
    if id.threads > 1 || id.suite == Suite::Contention {
        let _ = write!(s, " {} thr", id.threads);
    }
    s
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::results::schema::Unit;
    use crate::vocabulary::{Dist, Op, Workload};

    fn comparison() -> Comparison {
        let row = |id: Identity, v: Verdict, why: &str| {
            let mut r = ComparedRow::new(&id, Unit::NsPerOp, Some(10.0), Some(11.0)).judge(v, why);
            r.ratio_change_pct = Some(12.5);
            r.evidence =
                "÷hashbrown [sse2] 1.000 [0.990, 1.010] → 1.125 [1.110, 1.140] (+12.5%)".into();
            r
        };
        let get = Identity::new(Suite::Ops, "gomap/fast64", Op::GetHit).size(1 << 20);
        let ex = Identity::new(Suite::Contention, "gomap-sharded", Workload::Exchange)
            .size(1 << 16)
            .threads(2)
            .dist(Some(Dist::Zipf));
        Comparison {
            rows: vec![
                row(get, Verdict::Improved, "better"),
                row(
                    ex,
                    Verdict::Regressed,
                    "ratio beyond the threshold and its intervals",
                ),
                row(
                    Identity::new(Suite::Ops, "gomap/fast64", Op::Remove).size(1 << 10),
                    Verdict::Noisy,
                    "within its intervals",
                ),
            ],
            threshold_pct: 5.0,
            notes: vec!["a note".into()],
        }
    }

    #[test]
    fn regressions_come_first_and_loud_then_improvements_then_the_folded_rest() {
        let v = Verdicts::Baseline {
            baseline: "old.json".into(),
            comparison: comparison(),
        };
        let mut h = String::new();
        section(&mut h, &v);
        let at = |s: &str| h.find(s).unwrap_or_else(|| panic!("{s} missing: {h}"));
        assert!(at("class=\"alarm\"") < at("<h3>Regressed (1)</h3>"));
        assert!(at("<h3>Regressed (1)</h3>") < at("<h3>Improved (1)</h3>"));
        assert!(at("<h3>Improved (1)</h3>") < at("<details id=\"verdicts-noisy\">"));
        assert!(h.contains("✗ 1 regressed"));
        assert!(h.contains("contention exchange n=2^16 zipf 2 thr"));
        assert!(h.contains("1.125 [1.110, 1.140]") && h.contains("+12.5%"));
        assert!(h.contains("<code>old.json</code>"));
        assert!(h.contains("<p class=\"source\">(threshold 5%)</p>"), "{h}");
    }

    #[test]
    fn no_comparison_says_why() {
        let mut h = String::new();
        section(
            &mut h,
            &Verdicts::NotCompared {
                why: "no baseline for this machine".into(),
            },
        );
        assert!(h.contains("Not compared: no baseline for this machine"));
        assert!(!h.contains("alarm"));
    }
}
