//! The staleness test: every generated block of the README and the docs is what the
//! committed results produce (`gomap-bench docs --check`), a hand-edited figure is caught,
//! and a block whose source file is missing says so.

use gomap_bench::results::generated::tree::{documents, regenerate_tree};
use gomap_bench::results::generated::{blocks, regions};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A copy of the documents and of every block's sources under a temporary root.
fn copy_tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut paths = documents(&root()).unwrap();
    for b in blocks::all() {
        paths.extend(b.sources.iter().map(PathBuf::from));
    }
    for p in paths {
        let from = root().join(&p);
        if from.is_file() {
            let to = dir.path().join(&p);
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::copy(&from, &to).unwrap();
        }
    }
    dir
}

#[test]
fn every_generated_block_matches_the_committed_results() {
    let stale = regenerate_tree(&root(), true).unwrap();
    assert!(
        stale.is_empty(),
        "stale generated blocks (run `gomap-bench docs`): {stale:?}"
    );
}

#[test]
fn the_readme_shows_the_headline_answers() {
    let text = std::fs::read_to_string(root().join("README.md")).unwrap();
    let names: Vec<String> = regions(&text)
        .unwrap()
        .into_iter()
        .map(|r| r.name)
        .collect();
    for key in ["answer-one-core", "answer-contention-all", "answer-go"] {
        assert!(
            names.iter().any(|n| n == key),
            "README lacks block {key}: {names:?}"
        );
    }
}

/// The first digit inside the first block of `doc`, changed: a hand-edited figure.
fn hand_edit(dir: &Path, doc: &str) -> String {
    let path = dir.join(doc);
    let text = std::fs::read_to_string(&path).unwrap();
    let r = regions(&text).unwrap().into_iter().next().expect("a block");
    let at = r.content.start
        + text[r.content.clone()]
            .find(|c: char| c.is_ascii_digit() && c != '9')
            .expect("a figure in the block");
    let mut edited = text.clone();
    let d = text.as_bytes()[at] - b'0';
    edited.replace_range(at..at + 1, &(d + 1).to_string());
    std::fs::write(&path, edited).unwrap();
    r.name
}

#[test]
fn a_hand_edited_figure_is_caught() {
    let dir = copy_tree();
    let block = hand_edit(dir.path(), "README.md");
    let stale = regenerate_tree(dir.path(), true).unwrap();
    assert_eq!(stale.len(), 1, "{stale:?}");
    assert_eq!(stale[0].document, PathBuf::from("README.md"));
    assert_eq!(stale[0].blocks, [block]);
    // Regenerating puts the committed figure back.
    regenerate_tree(dir.path(), false).unwrap();
    assert!(regenerate_tree(dir.path(), true).unwrap().is_empty());
}

#[test]
fn a_missing_source_is_named() {
    let dir = copy_tree();
    std::fs::remove_file(dir.path().join(blocks::REFERENCE)).unwrap();
    let err = regenerate_tree(dir.path(), true).unwrap_err();
    assert!(
        err.contains(blocks::REFERENCE) && err.contains("missing"),
        "{err}"
    );
}
