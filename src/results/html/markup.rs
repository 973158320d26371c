//! The page's building blocks, each written once: escaping, the stylesheet, a table that
//! can never push the page wider than the window, a folded section, an inline chart.
//!
//! Why a table has one way in ([`table`]): the report must fit a 1400 px window with no
//! sideways cut-off, and a ratio table with a dozen maps is wider than that. Every table sits
//! in a box that scrolls sideways on its own (`overflow-x:auto`), so a wide table costs a
//! scroll bar under itself, never the page's layout; a test counts that no `<table>` is
//! written any other way.

use crate::results::plots;
use std::fmt::Write as _;

/// `&`, `<`, `>` and quotes as HTML entities (the same as XML's).
pub(super) fn esc(s: &str) -> String {
    plots::xml_escape(s)
}

/// The class of the box every table sits in.
pub(super) const SCROLL: &str = "scroll";

/// The whole stylesheet. Marks (better / worse / same) carry a symbol and a word besides
/// their colour, so that a greyscale print or a colour-blind reader loses nothing; colours
/// are dark enough for text on white.
pub(super) const STYLE: &str = "\
body{font-family:sans-serif;margin:20px auto;padding:0 20px;max-width:1360px;color:#111;\
line-height:1.35}\
h1{font-size:24px;margin:0 0 6px}\
h2{font-size:20px;margin:28px 0 8px;border-bottom:1px solid #bbb}\
h3{font-size:16px;margin:18px 0 4px}\
p{margin:4px 0 8px}\
.lede{font-size:14px;color:#333}\
nav.toc{font-size:13px;margin:6px 0 14px}\
.scroll{overflow-x:auto;max-width:100%;margin:4px 0 10px}\
table{border-collapse:collapse;font-size:13px}\
th,td{border:1px solid #ccc;padding:3px 7px;text-align:left;vertical-align:top}\
th{background:#f2f2f2}\
td.num,td.fig{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}\
th.line{white-space:nowrap}\
.reading{font-size:14px;color:#222}\
.source{font-size:12px;color:#555}\
.answer{margin-bottom:18px}\
.mark{display:block;font-size:12px}\
td.better{background:#e7f5e9}td.better .mark{color:#0b5e1c;font-weight:bold}\
td.worse{background:#fbe7e7}td.worse .mark{color:#9b0d0d;font-weight:bold}\
td.same .mark{color:#555}\
.notes{font-size:13px;color:#333;margin:4px 0 10px;padding-left:20px}\
.alarm{border:3px solid #9b0d0d;background:#fbe7e7;padding:6px 10px;font-weight:bold}\
.calm{border:1px solid #999;padding:6px 10px}\
.bad{color:#a00;font-weight:bold}.noisy{color:#8a5a00}\
pre{font-size:12px;background:#f7f7f7;padding:8px;overflow-x:auto}\
svg{max-width:100%;height:auto}\
figure{margin:14px 0}figcaption{font-size:13px;color:#444}\
.index{font-size:13px}.index a{white-space:nowrap}\
details{margin:6px 0;border:1px solid #ddd;padding:4px 10px}\
summary{cursor:pointer;font-weight:bold;font-size:15px;padding:2px 0}\
details[open]>summary{margin-bottom:6px}";

/// Writes a table into its scrolling box: `class` on the `<table>` (empty for none), and
/// `body` writes its rows.
pub(super) fn table(h: &mut String, class: &str, body: impl FnOnce(&mut String)) {
    let _ = write!(h, "<div class=\"{SCROLL}\"><table");
    if !class.is_empty() {
        let _ = write!(h, " class=\"{class}\"");
    }
    h.push_str(">\n");
    body(h);
    h.push_str("</table></div>\n");
}

/// A header row of `cells`, each escaped.
pub(super) fn header_row(h: &mut String, cells: &[String]) {
    h.push_str("<tr>");
    for c in cells {
        let _ = write!(h, "<th>{}</th>", esc(c));
    }
    h.push_str("</tr>\n");
}

/// A folded section: closed until the reader opens it (no script needed: `<details>` is
/// HTML's own), `summary` (HTML, already escaped) its one visible line.
pub(super) fn folded(h: &mut String, id: &str, summary: &str, body: impl FnOnce(&mut String)) {
    let _ = writeln!(h, "<details id=\"{id}\">\n<summary>{summary}</summary>");
    body(h);
    h.push_str("</details>\n");
}

/// `svg` for inlining in HTML: without the XML namespace attribute (an HTML parser puts
/// `<svg>` in that namespace by itself; the URL-looking attribute is never fetched, but a
/// self-contained page should not carry one) and without an XML declaration.
pub(super) fn inline_svg(svg: &str) -> String {
    let body = match svg.trim().strip_prefix("<?xml") {
        Some(rest) => rest.split_once("?>").map_or(rest, |(_, b)| b).trim(),
        None => svg.trim(),
    };
    body.replacen(" xmlns=\"http://www.w3.org/2000/svg\"", "", 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_always_sits_in_a_scrolling_box() {
        let mut h = String::new();
        table(&mut h, "answer", |h| header_row(h, &["a<b".into()]));
        assert_eq!(
            h,
            "<div class=\"scroll\"><table class=\"answer\">\n<tr><th>a&lt;b</th></tr>\n</table></div>\n"
        );
        assert!(STYLE.contains(".scroll{overflow-x:auto"));
    }

    #[test]
    fn an_inline_svg_loses_its_declaration_and_namespace() {
        let svg =
            "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\"></svg>";
        assert_eq!(inline_svg(svg), "<svg width=\"1\"></svg>");
    }
}
