//! BASE and HEAD as binaries: a path to a `gomap-bench` binary is taken as it is; a git
//! revision is exported (`git archive`, so only committed files) and built in release mode
//! under `target/ab/`, once per commit, and kept.

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
    let bin = root.join("bin").join(format!("gomap-bench-{}", &sha[..12]));
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
        .args(["build", "--release", "--quiet", "--bin", "gomap-bench"])
        .env("CARGO_TARGET_DIR", root.join("target"))
        .current_dir(&src)
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !built.success() {
        return Err(format!("{spec} does not build"));
    }
    std::fs::create_dir_all(root.join("bin")).map_err(|e| e.to_string())?;
    std::fs::copy(root.join("target/release/gomap-bench"), &bin)
        .map_err(|e| format!("{}: {e}", bin.display()))?;
    Ok(bin)
}
