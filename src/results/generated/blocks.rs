//! The registry of generated blocks: each block's name (as its markers spell it), the
//! committed files it reads, and how it renders them. One place lists every figure the
//! README and `docs/` may show, so `docs --check` knows them all.
//!
//! The files of the reference sitting are named here once ([`REFERENCE`], [`GO_ANCHOR`],
//! [`COUNTS`]); a block reads nothing else.

use super::Sources;
use crate::results::headline::{self, Headline};
use crate::results::plots::sources::run_line;
use crate::results::schema::Results;
use std::fmt::Write as _;

/// The main job of the reference sitting (`run --update-reference`).
pub const REFERENCE: &str = "results/reference/baseline.json";
/// The real Go maps, measured in the same sitting (`scripts/go-anchor.sh`).
pub const GO_ANCHOR: &str = "results/go-anchor.json";
/// The counts baseline of the CI gate (`scripts/counts-gate.sh --update`).
pub const COUNTS: &str = "results/counts/baseline.json";

type Render = Box<dyn Fn(&Sources) -> Result<String, String>>;

/// One block: its name, the files it reads, and its renderer.
pub struct Block {
    pub name: String,
    pub sources: Vec<&'static str>,
    pub render: Render,
}

/// Every block there is.
pub fn all() -> Vec<Block> {
    let mut v: Vec<Block> = headline::KEYS
        .iter()
        .map(|&key| Block {
            name: format!("answer-{key}"),
            sources: vec![REFERENCE, GO_ANCHOR],
            render: Box::new(move |s: &Sources| answer(s, key)),
        })
        .collect();
    v.push(Block {
        name: "reference-sitting".into(),
        sources: vec![REFERENCE, GO_ANCHOR, COUNTS],
        render: Box::new(sitting),
    });
    v.extend(super::docs_blocks::blocks());
    v.extend(super::go_detection::blocks());
    v
}

/// The block named `name`.
pub fn find(name: &str) -> Option<Block> {
    all().into_iter().find(|b| b.name == name)
}

/// The reference and the Go anchor, read as the report reads them.
fn sitting_docs(s: &Sources) -> Result<Vec<Results>, String> {
    Ok(vec![s.results(GO_ANCHOR)?, s.results(REFERENCE)?])
}

fn headline_of(s: &Sources) -> Result<Headline, String> {
    Ok(headline::headline(&sitting_docs(s)?))
}

/// One headline answer as Markdown; where the files do not support it, the reason.
fn answer(s: &Sources, key: &str) -> Result<String, String> {
    let h = headline_of(s)?;
    Ok(match h.get(key) {
        Some(a) => headline::markdown(a),
        None if h.notes.is_empty() => format!("_Not measured in the reference sitting ({key})._\n"),
        None => format!("_{}_\n", h.notes.join(" ")),
    })
}

/// The files of the reference sitting, each with when, where and by what build.
fn sitting(s: &Sources) -> Result<String, String> {
    let mut out = String::from("| file | what | measured |\n|---|---|---|\n");
    for (path, what) in [
        (REFERENCE, "the main job (`run --update-reference`)"),
        (GO_ANCHOR, "the real Go maps (`scripts/go-anchor.sh`)"),
        (
            COUNTS,
            "counts on a simulated CPU (`scripts/counts-gate.sh --update`)",
        ),
    ] {
        let doc = s.results(path)?;
        let _ = writeln!(out, "| `{path}` | {what} | {} |", run_line(&doc.run));
    }
    Ok(out)
}
