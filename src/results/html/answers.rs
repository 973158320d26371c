//! The top of the page: the headline answers ([`headline`]), each a compact table under its
//! question, with the one sentence that says how to read it and the line that says where and
//! when it was measured.
//!
//! What each answer says is `headline`'s (the same answers the README shows); this file only
//! lays them out. A cell shows its figure with its interval, written by the cell itself, and
//! its mark (better, worse, same) three ways at once: a symbol, a word and a tint, so that the
//! mark survives a greyscale print and a reader who does not tell red from green.

use super::markup::{esc, header_row, table};
use crate::results::headline::{Answer, Cell, Headline, Mark};
use std::fmt::Write as _;

/// The section: every answer, then the notes (what was deliberately not compared, and why).
pub(super) fn section(h: &mut String, head: &Headline) {
    h.push_str("<section id=\"answers\">\n<h2>Answers</h2>\n");
    if head.answers.is_empty() {
        h.push_str("<p>These files hold no rows that answer a headline question.</p>\n");
    }
    for a in &head.answers {
        answer(h, a);
    }
    if !head.notes.is_empty() {
        h.push_str("<ul class=\"notes\">\n");
        for n in &head.notes {
            let _ = writeln!(h, "<li>{}</li>", esc(n));
        }
        h.push_str("</ul>\n");
    }
    h.push_str("</section>\n");
}

/// The CSS class of a mark and the symbol written before its word.
fn look(m: Mark) -> (&'static str, &'static str) {
    match m {
        Mark::Better => ("better", "✓ "),
        Mark::Worse => ("worse", "✗ "),
        Mark::Same => ("same", "≈ "),
        Mark::Unjudged => ("unjudged", ""),
    }
}

fn answer(h: &mut String, a: &Answer) {
    let _ = writeln!(
        h,
        "<div class=\"answer\" id=\"answer-{}\">\n<h3>{}</h3>\n<p class=\"reading\">{}</p>",
        esc(a.key),
        esc(&a.question),
        esc(&a.reading)
    );
    table(h, "headline", |h| {
        let mut head = vec![String::new()];
        head.extend(a.columns.iter().cloned());
        header_row(h, &head);
        for r in &a.rows {
            let _ = write!(h, "<tr><th class=\"line\">{}</th>", esc(&r.label));
            for c in &r.cells {
                h.push_str(&cell(c.as_ref()));
            }
            h.push_str("</tr>\n");
        }
    });
    // One line per file the answer used.
    let lines: Vec<String> = a.source.lines().map(esc).collect();
    let _ = writeln!(h, "<p class=\"source\">{}</p>\n</div>", lines.join("<br>"));
}

/// One cell: the figure on its line, the mark on the next.
fn cell(c: Option<&Cell>) -> String {
    let Some(c) = c else {
        return "<td class=\"fig\">—</td>".into();
    };
    let (class, symbol) = look(c.mark);
    let word = c.mark.word();
    let mark = if word.is_empty() {
        String::new()
    } else {
        format!("<span class=\"mark\">{symbol}{word}</span>")
    };
    format!(
        "<td class=\"fig {class}\">{}{mark}</td>",
        esc(&c.to_string())
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::results::analysis::Interval;
    use crate::results::headline::Figure;

    #[test]
    fn a_cell_shows_its_mark_as_symbol_word_and_class() {
        let i = Interval {
            median: 0.87,
            ci95_low: 0.80,
            ci95_high: 0.95,
            n: 9,
        };
        // Built afresh each time: the cell's own derives are headline's business.
        let mk = |mark| Cell {
            figure: Figure::Ratio(i),
            mark,
        };
        let c = mk(Mark::Better);
        let html = cell(Some(&c));
        assert!(html.starts_with("<td class=\"fig better\">"), "{html}");
        assert!(html.contains(&esc(&c.to_string())), "{html}");
        assert!(html.contains("✓ faster"), "{html}");
        let worse = cell(Some(&mk(Mark::Worse)));
        assert!(worse.contains("fig worse") && worse.contains("✗ slower"));
        let unjudged = cell(Some(&mk(Mark::Unjudged)));
        assert!(!unjudged.contains("class=\"mark\""));
        assert_eq!(cell(None), "<td class=\"fig\">—</td>");
    }
}
