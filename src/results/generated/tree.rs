//! The documents of a checkout and their blocks on disk: which files may hold generated
//! blocks, loading every block's sources, and rewriting (or checking) the documents. The
//! one place that touches files for [`super`]; `gomap-bench docs` and `run
//! --update-reference` call it.

use super::{blocks, regenerate, Sources};
use crate::results::io;
use std::path::{Path, PathBuf};

/// A document whose blocks differ from the data, and which blocks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stale {
    pub document: PathBuf,
    pub blocks: Vec<String>,
}

/// The documents that may hold generated blocks, relative to `root`, in a stable order.
pub fn documents(root: &Path) -> Result<Vec<PathBuf>, String> {
    let mut v = vec![
        PathBuf::from("README.md"),
        PathBuf::from("results/README.md"),
    ];
    let dir = root.join("docs");
    let mut docs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .filter_map(|p| p.strip_prefix(root).ok().map(Path::to_path_buf))
        .collect();
    docs.sort();
    v.extend(docs);
    Ok(v)
}

/// Every block's sources that exist under `root`, as text (a missing one stays absent, so
/// the block that needs it says so).
fn load_sources(root: &Path) -> Sources {
    let mut s = Sources::default();
    for b in blocks::all() {
        for path in b.sources {
            if let Ok(text) = std::fs::read_to_string(root.join(path)) {
                s.insert(path, text);
            }
        }
    }
    s
}

/// Renders every block of every document under `root`; writes the documents that changed
/// unless `check`. Returns the stale documents (with `check`: nothing is written).
pub fn regenerate_tree(root: &Path, check: bool) -> Result<Vec<Stale>, String> {
    let sources = load_sources(root);
    let all = blocks::all();
    let mut stale = Vec::new();
    for doc in documents(root)? {
        let path = root.join(&doc);
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let (fresh, changed) = regenerate(&text, |name| {
            let b = all
                .iter()
                .find(|b| b.name == name)
                .ok_or_else(|| "no such block (see results::generated::blocks)".to_string())?;
            (b.render)(&sources)
        })
        .map_err(|e| format!("{}: {e}", doc.display()))?;
        if changed.is_empty() {
            continue;
        }
        if !check {
            io::write_atomic(&path, fresh.as_bytes()).map_err(|e| e.to_string())?;
        }
        stale.push(Stale {
            document: doc,
            blocks: changed,
        });
    }
    Ok(stale)
}
