//! Generated blocks: every measured figure of the README and `docs/` lives between
//! `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`, and is rendered from committed
//! results files by the block `NAME` of [`blocks::all`]. Text outside the markers is
//! prose, which interprets; it does not restate a number that could go stale.
//!
//! `gomap-bench docs` rewrites every block from the files; `gomap-bench docs --check` (and
//! the test `tests/generated_blocks.rs`, so CI) fails when a block differs from what the
//! committed data produce — a hand-edited figure, or data that moved on without its text —
//! or when a block's source file is missing. Pure functions of text here: reading and
//! writing the files is `commands::docs`'s.

pub mod blocks;
pub mod docs_blocks;
pub mod go_detection;
pub mod tree;

use std::collections::BTreeMap;

/// The files a block may read, by path relative to the repository root, as text.
#[derive(Clone, Debug, Default)]
pub struct Sources {
    files: BTreeMap<String, String>,
}

impl Sources {
    pub fn insert(&mut self, path: &str, text: String) {
        self.files.insert(path.to_string(), text);
    }

    /// The text of `path`; an error names it when it was not loaded (it is missing).
    pub fn text(&self, path: &str) -> Result<&str, String> {
        self.files
            .get(path)
            .map(String::as_str)
            .ok_or_else(|| format!("its source {path} is missing"))
    }

    /// `path` as a results document.
    pub fn results(&self, path: &str) -> Result<super::schema::Results, String> {
        super::io::parse(self.text(path)?).map_err(|e| format!("{path}: {e}"))
    }

    /// `path` as any JSON.
    pub fn json(&self, path: &str) -> Result<serde_json::Value, String> {
        serde_json::from_str(self.text(path)?).map_err(|e| format!("{path}: {e}"))
    }
}

/// One `<!-- generated:NAME -->` … `<!-- /generated:NAME -->` region of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Region {
    pub name: String,
    /// Byte range of the content between the two markers' lines.
    pub content: std::ops::Range<usize>,
}

const OPEN: &str = "<!-- generated:";
const CLOSE: &str = "<!-- /generated:";
const END: &str = " -->";

/// Every region of `text`, in order; an error for a marker left open, closed without
/// opening, or nested.
pub fn regions(text: &str) -> Result<Vec<Region>, String> {
    let mut out = Vec::new();
    let mut open: Option<(String, usize, usize)> = None; // name, line number, content start
    let mut at = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let next = at + line.len();
        let l = line.trim();
        if let Some(name) = l.strip_prefix(CLOSE).and_then(|r| r.strip_suffix(END)) {
            match open.take() {
                Some((n, _, start)) if n == name => out.push(Region {
                    name: n,
                    content: start..at,
                }),
                Some((n, line_no, _)) => {
                    return Err(format!(
                        "line {}: closes `{name}` but `{n}` (line {line_no}) is open",
                        i + 1
                    ))
                }
                None => return Err(format!("line {}: closes `{name}`, never opened", i + 1)),
            }
        } else if let Some(name) = l.strip_prefix(OPEN).and_then(|r| r.strip_suffix(END)) {
            if let Some((n, line_no, _)) = &open {
                return Err(format!(
                    "line {}: opens `{name}` inside `{n}` (line {line_no})",
                    i + 1
                ));
            }
            open = Some((name.to_string(), i + 1, next));
        }
        at = next;
    }
    match open {
        Some((n, line_no, _)) => Err(format!("line {line_no}: `{n}` is never closed")),
        None => Ok(out),
    }
}

/// `text` with every region's content rendered afresh by `render(name)` (which ends it
/// with a newline), and the names of the regions whose content changed.
pub fn regenerate(
    text: &str,
    mut render: impl FnMut(&str) -> Result<String, String>,
) -> Result<(String, Vec<String>), String> {
    let mut out = String::with_capacity(text.len());
    let mut changed = Vec::new();
    let mut from = 0;
    for r in regions(text)? {
        let mut fresh = render(&r.name).map_err(|e| format!("block `{}`: {e}", r.name))?;
        if !fresh.ends_with('\n') {
            fresh.push('\n');
        }
        out.push_str(&text[from..r.content.start]);
        if text[r.content.clone()] != fresh {
            changed.push(r.name.clone());
        }
        out.push_str(&fresh);
        from = r.content.end;
    }
    out.push_str(&text[from..]);
    Ok((out, changed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_region_is_replaced_and_the_rest_kept() {
        let text = "a\n<!-- generated:x -->\nold 1.23\n<!-- /generated:x -->\nb\n";
        let (out, changed) = regenerate(text, |n| Ok(format!("new {n}"))).unwrap();
        assert_eq!(
            out,
            "a\n<!-- generated:x -->\nnew x\n<!-- /generated:x -->\nb\n"
        );
        assert_eq!(changed, ["x"]);
        let (again, changed) = regenerate(&out, |n| Ok(format!("new {n}\n"))).unwrap();
        assert_eq!(again, out);
        assert!(changed.is_empty());
    }

    #[test]
    fn broken_markers_are_named() {
        assert!(regions("<!-- generated:x -->\n")
            .unwrap_err()
            .contains("never closed"));
        assert!(regions("<!-- /generated:x -->\n")
            .unwrap_err()
            .contains("never opened"));
        let nested = "<!-- generated:x -->\n<!-- generated:y -->\n";
        assert!(regions(nested).unwrap_err().contains("inside"));
        let crossed = "<!-- generated:x -->\n<!-- /generated:y -->\n";
        assert!(regions(crossed).unwrap_err().contains("is open"));
    }

    #[test]
    fn a_missing_source_is_named() {
        let s = Sources::default();
        assert_eq!(
            s.text("results/x.json").unwrap_err(),
            "its source results/x.json is missing"
        );
    }
}
