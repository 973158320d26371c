//! BASE and HEAD as binaries: a path to a `gomap-bench` binary is taken as it is; a git
//! revision is exported (`git archive`, so only committed files) and built in release mode
//! under `target/ab/`, once per commit, and kept.
//!
//! The binary built is the one running: `gomap-bench`, or a user's own binary or example
//! that calls `gomap_bench::main_with` (same name, same kind of target), so that both sides
//! measure the user's maps too.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A binary path, or a git revision built into one.
pub fn resolve(spec: &str, log: &mut dyn FnMut(&str)) -> Result<PathBuf, String> {
    let p = Path::new(spec);
    if p.is_file() {
        return Ok(p.to_path_buf());
    }
    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    let Some(sha) = git(&[
        "rev-parse",
        "--verify",
        "--quiet",
        &format!("{spec}^{{commit}}"),
    ]) else {
        return Err(format!(
            "`{spec}` is neither a gomap-bench binary nor a git revision of this repository"
        ));
    };
    let top = git(&["rev-parse", "--show-toplevel"]).ok_or("not in a git repository")?;
    let root = Path::new(&top).join("target/ab");
    let target = Target::running();
    let bin = root
        .join("bin")
        .join(format!("{}-{}", target.name, &sha[..12]));
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
    let built = Command::new("cargo")
        .args(["build", "--release", "--quiet", target.flag, &target.name])
        .env("CARGO_TARGET_DIR", root.join("target"))
        .current_dir(&src)
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !built.success() {
        return Err(format!("{spec} does not build"));
    }
    std::fs::create_dir_all(root.join("bin")).map_err(|e| e.to_string())?;
    std::fs::copy(root.join("target/release").join(target.built()), &bin)
        .map_err(|e| format!("{}: {e}", bin.display()))?;
    Ok(bin)
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
