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

// ---------------------------------------------------------------------------------------
// No hand-typed figures: outside generated blocks and fenced code, a document holds no
// measured-looking figure. Prose interprets; a figure that is the point lives in a block
// rendered from committed results, where `docs --check` keeps it true.

/// What makes a number look measured: a unit of time per op, a ratio, a throughput.
const FIGURE_UNITS: [&str; 4] = ["Mops/s", "ns", "µs", "×"];

/// Figures that are settings, not measurements, and may stand in prose. Each says where
/// the setting lives; keep this list short.
const NOT_MEASURED: [&str; 1] = [
    // The watchdog's allowance per operation (`watchdog::SECS_PER_OP`), stated where the
    // deadline is explained (docs/your-own-map.md, results/README.md).
    "2 µs per operation",
];

/// Byte ranges of `text` that may hold figures: generated blocks and fenced code.
fn exempt(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut v: Vec<_> = regions(text)
        .unwrap()
        .into_iter()
        .map(|r| r.content)
        .collect();
    let (mut at, mut fence) = (0, None);
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        let marker = ["```", "~~~"].into_iter().find(|m| t.starts_with(m));
        match (fence, marker) {
            (None, Some(_)) => fence = Some(at),
            (Some(start), Some(_)) => {
                v.push(start..at + line.len());
                fence = None;
            }
            _ => {}
        }
        at += line.len();
    }
    if let Some(start) = fence {
        v.push(start..text.len());
    }
    for phrase in NOT_MEASURED {
        v.extend(text.match_indices(phrase).map(|(i, p)| i..i + p.len()));
    }
    v
}

/// Every measured-looking figure of `text` outside the exempt ranges, as (line, figure): a
/// number (digits, with `.` or `,` between digits) not glued to a word before it, followed
/// directly, after one space, or across one line break, by a unit of [`FIGURE_UNITS`]
/// that does not run on into a word (`ns/op` counts, `nsec` would not).
fn hand_typed_figures(text: &str) -> Vec<(usize, String)> {
    let exempt = exempt(text);
    let bytes = text.as_bytes();
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts_number = bytes[i].is_ascii_digit()
            && !text[..i]
                .chars()
                .next_back()
                .is_some_and(|c| word(c) || c == '.');
        if !starts_number {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len()
            && (bytes[i].is_ascii_digit()
                || (matches!(bytes[i], b'.' | b',')
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)))
        {
            i += 1;
        }
        let mut j = i;
        if text[j..].starts_with(' ') || text[j..].starts_with('\u{a0}') {
            j += text[j..].chars().next().unwrap().len_utf8();
        } else if text[j..].starts_with('\n') {
            j += 1;
            j += text[j..].len() - text[j..].trim_start_matches([' ', '\t']).len();
        }
        let unit = FIGURE_UNITS.iter().find(|u| {
            text[j..].starts_with(*u)
                && (**u == "×" || !text[j + u.len()..].chars().next().is_some_and(word))
        });
        if let Some(u) = unit {
            if !exempt.iter().any(|r| r.contains(&start)) {
                let line = text[..start].matches('\n').count() + 1;
                found.push((line, text[start..j + u.len()].replace('\n', " ")));
            }
        }
    }
    found
}

#[test]
fn the_figure_lint_knows_prose_from_blocks() {
    let text = "GoMap took 8.5 ns/op and 1.2× hashbrown's time, or 3.4\nMops/s.\n\
                <!-- generated:x -->\n8.5 ns 1.2×\n<!-- /generated:x -->\n\
                ```text\n8.5 ns\n```\n\
                On x86_64 and go1.22, ×hashbrown, 2^16 entries, 40 nsec, 5%, 2 µs per operation.\n";
    let found = hand_typed_figures(text);
    let figures: Vec<&str> = found.iter().map(|(_, f)| f.as_str()).collect();
    assert_eq!(figures, ["8.5 ns", "1.2×", "3.4 Mops/s"], "{found:?}");
    assert_eq!(
        found[2].0, 1,
        "a figure is reported at the line it starts on"
    );
}

#[test]
fn no_document_holds_a_hand_typed_figure() {
    let mut flagged = Vec::new();
    for doc in documents(&root()).unwrap() {
        let text = std::fs::read_to_string(root().join(&doc)).unwrap();
        for (line, figure) in hand_typed_figures(&text) {
            flagged.push(format!("{}:{line}: {figure}", doc.display()));
        }
    }
    assert!(
        flagged.is_empty(),
        "measured figures outside generated blocks (interpret them in words, or render them \
         in a block of results::generated):\n{}",
        flagged.join("\n")
    );
}
