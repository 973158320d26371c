//! BASE and HEAD as binaries: a path to a `gomap-bench` binary is taken as it is; a git
//! revision is exported (`git archive`, so only committed files) and built in release mode
//! under `target/ab/`, once per commit, and kept; the word [`WORKTREE`] is the working tree
//! as it is, uncommitted edits included, built in place (into `target/ab/` too) every time.
//!
//! A revision that is the last commit while tracked files have uncommitted changes is the
//! trap this module names: the edits a user means to measure are not in it. `ab` says so in
//! one line, and points at [`WORKTREE`].
//!
//! The binary built is the one running: `gomap-bench`, or a user's own binary or example
//! that calls `gomap_bench::main_with` (same name, same kind of target), so that both sides
//! measure the user's maps too.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The side of `ab` that is the working tree as it is (uncommitted changes included).
pub const WORKTREE: &str = "WORKTREE";

/// What a side of `ab` names.
#[derive(Debug, PartialEq, Eq)]
enum Side {
    /// The working tree as it is ([`WORKTREE`]).
    WorkTree,
    /// A binary, taken as it is.
    Binary(PathBuf),
    /// Anything else: a git revision (or nothing at all, which `git` will say).
    Revision,
}

/// The side `spec` names; the word [`WORKTREE`] before a file of that name.
fn side(spec: &str, is_file: impl Fn(&Path) -> bool) -> Side {
    if spec == WORKTREE {
        Side::WorkTree
    } else if is_file(Path::new(spec)) {
        Side::Binary(PathBuf::from(spec))
    } else {
        Side::Revision
    }
}

/// `spec` as the report names it: [`WORKTREE`] says what it is.
pub fn label(spec: &str) -> String {
    match side(spec, |_| false) {
        Side::WorkTree => format!("{WORKTREE} (the working tree as it is)"),
        _ => spec.to_string(),
    }
}

/// A binary path, a git revision built into one, or the working tree built into one.
pub fn resolve(spec: &str, log: &mut dyn FnMut(&str)) -> Result<PathBuf, String> {
    match side(spec, Path::is_file) {
        Side::Binary(p) => Ok(p),
        Side::WorkTree => build_worktree(log),
        Side::Revision => build_revision(spec, log),
    }
}

/// `git ARGS` in the current directory: its trimmed stdout, or `None` when it fails.
fn git(args: &[&str]) -> Option<String> {
    Command::new("git")
        .args(args)
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
}

/// The repository's top folder and its `target/ab/`.
fn ab_root() -> Result<(PathBuf, PathBuf), String> {
    let top =
        PathBuf::from(git(&["rev-parse", "--show-toplevel"]).ok_or("not in a git repository")?);
    let root = top.join("target/ab");
    Ok((top, root))
}

/// Whether `git status --porcelain --untracked-files=no` printed a change to a tracked file.
fn is_dirty(porcelain: &str) -> bool {
    porcelain.lines().any(|l| !l.trim().is_empty())
}

/// The line `ab` says when `spec` resolved to `sha`, the commit HEAD is at, while the
/// working tree has uncommitted changes to tracked files.
fn uncommitted_note(spec: &str, sha: &str, head: &str, dirty: bool) -> Option<String> {
    (dirty && sha == head).then(|| {
        format!(
            "ab: {spec} is the last commit; the working tree's uncommitted changes are not in \
             it (the side {WORKTREE} builds them)"
        )
    })
}

/// A revision, exported with `git archive` and built under `target/ab/` (once per commit).
fn build_revision(spec: &str, log: &mut dyn FnMut(&str)) -> Result<PathBuf, String> {
    let Some(sha) = git(&[
        "rev-parse",
        "--verify",
        "--quiet",
        &format!("{spec}^{{commit}}"),
    ]) else {
        return Err(format!(
            "`{spec}` is neither a gomap-bench binary, {WORKTREE}, nor a git revision of this \
             repository"
        ));
    };
    let head = git(&["rev-parse", "HEAD"]).unwrap_or_default();
    // Asked only of the last commit: a status walks the whole tree.
    let dirty = sha == head
        && is_dirty(&git(&["status", "--porcelain", "--untracked-files=no"]).unwrap_or_default());
    if let Some(note) = uncommitted_note(spec, &sha, &head, dirty) {
        log(&note);
    }
    let (top, root) = ab_root()?;
    let target = Target::running();
    let bin = revision_bin(&root, &target.name, &sha);
    if bin.is_file() {
        return Ok(bin);
    }
    let src = root.join("src").join(&sha[..12]);
    log(&format!(
        "ab: building {spec} ({}) in {}",
        &sha[..12],
        src.display()
    ));
    let _ = std::fs::remove_dir_all(&src);
    std::fs::create_dir_all(&src).map_err(|e| format!("{}: {e}", src.display()))?;
    let export = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "git archive --format=tar {sha} | tar -x -C '{}'",
            src.display()
        ))
        .current_dir(&top)
        .status()
        .map_err(|e| e.to_string())?;
    if !export.success() {
        return Err(format!("cannot export {spec} with git archive"));
    }
    cargo_build(&target, &src, &root, spec, &bin)?;
    Ok(bin)
}

/// The working tree as it is, built in place with `cargo build --release` into
/// `target/ab/` (not the user's `target/release/`), every time: cargo rebuilds only what
/// changed. Copied out, as a revision's binary is, so that a build of the other side into
/// the same target folder does not replace it.
fn build_worktree(log: &mut dyn FnMut(&str)) -> Result<PathBuf, String> {
    let (top, root) = ab_root()?;
    let target = Target::running();
    let bin = worktree_bin(&root, &target.name);
    log(&format!(
        "ab: building {WORKTREE} (the working tree as it is) in {}",
        top.display()
    ));
    cargo_build(&target, &top, &root, WORKTREE, &bin)?;
    Ok(bin)
}

/// Where a revision's binary is kept: named by its commit.
fn revision_bin(root: &Path, name: &str, sha: &str) -> PathBuf {
    root.join("bin").join(format!("{name}-{}", &sha[..12]))
}

/// Where the working tree's binary is kept: beside the revisions', named apart from them.
fn worktree_bin(root: &Path, name: &str) -> PathBuf {
    root.join("bin").join(format!("{name}-worktree"))
}

/// `cargo build --release` of `target` in `src`, into `root/target`, copied to `bin`.
fn cargo_build(
    target: &Target,
    src: &Path,
    root: &Path,
    spec: &str,
    bin: &Path,
) -> Result<(), String> {
    let built = Command::new("cargo")
        .args(["build", "--release", "--quiet", target.flag, &target.name])
        .env("CARGO_TARGET_DIR", root.join("target"))
        .current_dir(src)
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !built.success() {
        return Err(format!("{spec} does not build"));
    }
    std::fs::create_dir_all(root.join("bin")).map_err(|e| e.to_string())?;
    std::fs::copy(root.join("target/release").join(target.built()), bin)
        .map_err(|e| format!("{}: {e}", bin.display()))?;
    Ok(())
}

/// The cargo target a revision is built as: the running binary's.
struct Target {
    /// `--bin` or `--example`.
    flag: &'static str,
    name: String,
}

impl Target {
    /// The running binary: an example when it sits in an `examples` folder of a target
    /// directory, else a binary; `gomap-bench` when it cannot be told.
    fn running() -> Target {
        let exe = std::env::current_exe().ok();
        let name = exe
            .as_deref()
            .and_then(Path::file_name)
            .and_then(|n| n.to_str())
            .filter(|n| !n.is_empty())
            .unwrap_or("gomap-bench");
        let in_examples = exe
            .as_deref()
            .and_then(Path::parent)
            .is_some_and(|d| d.ends_with("examples"));
        Target {
            flag: if in_examples { "--example" } else { "--bin" },
            name: name.to_string(),
        }
    }

    /// Where cargo puts it, under the profile's folder.
    fn built(&self) -> PathBuf {
        match self.flag {
            "--example" => Path::new("examples").join(&self.name),
            _ => PathBuf::from(&self.name),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worktree_is_a_word_before_a_file_and_a_revision_is_the_rest() {
        assert_eq!(side("WORKTREE", |_| true), Side::WorkTree);
        assert_eq!(
            side("target/release/gomap-bench", |_| true),
            Side::Binary("target/release/gomap-bench".into())
        );
        for rev in ["HEAD", "main~2", ".", "worktree"] {
            assert_eq!(side(rev, |_| false), Side::Revision, "{rev}");
        }
        assert_eq!(label("WORKTREE"), "WORKTREE (the working tree as it is)");
        assert_eq!(label("HEAD"), "HEAD");
    }

    #[test]
    fn the_working_tree_builds_beside_the_revisions_under_its_own_name() {
        let root = Path::new("/repo/target/ab");
        let bin = worktree_bin(root, "gomap-bench");
        assert_eq!(bin, Path::new("/repo/target/ab/bin/gomap-bench-worktree"));
        // A revision's binary is `NAME-<12 hex digits>`: never this name.
        let rev = revision_bin(root, "gomap-bench", "0123456789abcdef");
        assert_eq!(
            rev,
            Path::new("/repo/target/ab/bin/gomap-bench-0123456789ab")
        );
        assert!(!"worktree".chars().all(|c| c.is_ascii_hexdigit()));
    }

    #[test]
    fn only_uncommitted_changes_to_tracked_files_are_dirty() {
        assert!(!is_dirty(""));
        assert!(!is_dirty("\n"));
        assert!(is_dirty(" M src/lib.rs\n"));
        assert!(is_dirty("M  README.md\nD  old.rs\n"));
    }

    #[test]
    fn the_note_is_for_the_last_commit_of_a_dirty_tree_only() {
        let note = uncommitted_note("HEAD", "abc", "abc", true).unwrap();
        assert!(
            note.starts_with("ab: HEAD is the last commit; the working tree's uncommitted")
                && note.contains("WORKTREE")
                && !note.contains('\n'),
            "{note}"
        );
        assert_eq!(uncommitted_note("HEAD", "abc", "abc", false), None);
        assert_eq!(uncommitted_note("HEAD~1", "abd", "abc", true), None);
    }
}
