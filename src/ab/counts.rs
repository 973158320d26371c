//! `gomap-bench ab --counts BASE HEAD`: did my change add work? Each build counts the same
//! grid of kernels on valgrind's simulated CPU (its own `counts --out`, so each build's own
//! loops), and the two files are judged by `compare`'s rule for counts
//! (`results::counted`): instructions and branches exactly, the simulated cache and
//! predictor events within their calibrated band. A count repeats to the last digit, so
//! this answers in a minute what the timed `ab` can only resolve to a few percent; whether
//! the added work makes the change *slower* is still the timed `ab`'s question.

use super::build::{label, resolve};
use crate::harness::suites::counts::CountsConfig;
use crate::results::compare::{self, Comparison, Options};
use crate::results::{counted, io};
use std::path::Path;
use std::process::Command;

/// Counts `grid` with the binary `bin` into `out`: its `counts --out` command.
fn count_with(bin: &Path, label: &str, grid: &CountsConfig, out: &Path) -> Result<(), String> {
    let list = |v: &[String]| v.join(",");
    let run = Command::new(bin)
        .arg("counts")
        .args(["--out".as_ref(), out.as_os_str()])
        .args(["--maps", &list(&grid.maps)])
        .args([
            "--ops",
            &list(&grid.ops.iter().map(|o| o.name().into()).collect::<Vec<_>>()),
        ])
        .args([
            "--sizes-log2",
            &list(
                &grid
                    .sizes_log2
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>(),
            ),
        ])
        .args(["--jobs", &grid.jobs.to_string()])
        .output()
        .map_err(|e| format!("{label}: cannot start {}: {e}", bin.display()))?;
    if !run.status.success() {
        let err = String::from_utf8_lossy(&run.stderr);
        let last = err
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        if last.contains("--out") {
            return Err(format!(
                "{label} ({}) cannot write its counts (`counts --out`): it was built before counts were results",
                bin.display()
            ));
        }
        return Err(format!("{label}: counts failed: {last}"));
    }
    Ok(())
}

/// Counts `grid` with BASE and then HEAD (each a binary or a git revision) and judges HEAD
/// against BASE.
pub fn run(
    base: &str,
    head: &str,
    grid: &CountsConfig,
    thresholds: counted::Thresholds,
    log: &mut dyn FnMut(&str),
) -> Result<Comparison, String> {
    grid.validate()?;
    let bins = [resolve(base, log)?, resolve(head, log)?];
    let dir = std::env::temp_dir().join(format!("gomap-bench-ab-counts-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let files = [dir.join("base.json"), dir.join("head.json")];
    let counted_both = (|| {
        for ((bin, file), label) in bins.iter().zip(&files).zip(["BASE", "HEAD"]) {
            log(&format!(
                "ab --counts: counting {label} ({})",
                bin.display()
            ));
            count_with(bin, label, grid, file)?;
        }
        let read = |f: &Path| io::read(f).map_err(|e| e.to_string());
        let (b, h) = (read(&files[0])?, read(&files[1])?);
        let opts = Options {
            counts: thresholds,
            ..Options::default()
        };
        compare::compare(&b, &h, &opts).map_err(|e| match e {
            compare::CompareError::CountsIncomparable(d) => {
                format!("BASE and HEAD counted under different facts ({d})")
            }
            compare::CompareError::NoCommonRows => "BASE and HEAD counted no row in common".into(),
            compare::CompareError::DifferentMachines(d) => {
                format!("BASE and HEAD counted on different machines ({d})")
            }
        })
    })();
    let _ = std::fs::remove_dir_all(&dir);
    let mut cmp = counted_both?;
    cmp.notes
        .push(format!("BASE = {} ({})", label(base), bins[0].display()));
    cmp.notes
        .push(format!("HEAD = {} ({})", label(head), bins[1].display()));
    Ok(cmp)
}
