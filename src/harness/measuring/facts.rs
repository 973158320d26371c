//! Facts about this run and this machine, gathered for the `run` section of every results
//! file (comparing them is `results::runinfo`'s).
//!
//! A number is only comparable with another made on the same machine, by the same kind of
//! build; these facts let `compare` refuse the rest and let a reader of an old file know what
//! produced it. Everything is read from the OS directly (procfs, sysfs, `git`), and anything
//! unreadable becomes `"unknown"` rather than an error: a missing fact never stops a run.
//!
//! The compiler version and RUSTFLAGS are captured at *build* time by `build.rs` (the ones
//! that compiled the timed code, not whatever is on PATH now); the git revision is read at
//! run time from the source tree the binary was built from.

use crate::results::runinfo::rfc3339_utc;
use crate::results::schema::{Machine, RunInfo};
use std::path::Path;
use std::process::Command;
use std::time::SystemTime;

const UNKNOWN: &str = "unknown";

/// The run facts of this process, with `config` (the command line and its options) attached.
pub fn collect(mut config: serde_json::Value) -> RunInfo {
    if let Some(c) = config.as_object_mut() {
        // Whether the process placed its code and data without randomization (see
        // `harness::measuring::placement`): two such runs of one build are laid out alike.
        c.insert("aslr_off".into(), super::placement::aslr_off().into());
    }
    let (git_revision, git_dirty) = source_revision();
    RunInfo {
        timestamp: rfc3339_utc(SystemTime::now()),
        git_revision,
        git_dirty,
        rustc: env!("GOMAP_BENCH_RUSTC").to_string(),
        profile: profile().to_string(),
        rustflags: env!("GOMAP_BENCH_RUSTFLAGS").to_string(),
        machine: machine(),
        hasher: crate::contenders::HASHER_NAME.into(),
        allocator: super::allocator::description(),
        config,
        partial: false,
    }
}

/// `debug` or `release` (the bench profile builds without debug assertions, so it reads
/// as `release`: what matters to a reader is whether the code was optimized).
pub fn profile() -> &'static str {
    if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    }
}

/// This machine's identity and tuning state.
pub fn machine() -> Machine {
    let cpuinfo = read_trimmed("/proc/cpuinfo").unwrap_or_default();
    Machine {
        cpu_model: cpu_model(&cpuinfo),
        cores: cores(&cpuinfo),
        memory_gib: memory_gib(&read_trimmed("/proc/meminfo").unwrap_or_default()),
        os: read_trimmed("/etc/os-release")
            .and_then(|s| os_pretty_name(&s))
            .unwrap_or_else(|| UNKNOWN.into()),
        kernel: read_trimmed("/proc/sys/kernel/osrelease").unwrap_or_else(|| UNKNOWN.into()),
        thp: read_trimmed("/sys/kernel/mm/transparent_hugepage/enabled")
            .and_then(|s| bracketed(&s))
            .unwrap_or_else(|| UNKNOWN.into()),
        governor: read_trimmed("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor")
            .unwrap_or_else(|| UNKNOWN.into()),
        isa: crate::vocabulary::isa::Isa::best().name().into(),
    }
}

/// (revision, dirty) of the source tree this binary was built from: what a journal's
/// `--resume` must match (`harness::measuring::journal`).
pub fn source_revision() -> (String, bool) {
    git_state(Path::new(env!("CARGO_MANIFEST_DIR")))
}

/// (revision, dirty) of the git checkout at `dir`, or ("unknown", false) without git.
fn git_state(dir: &Path) -> (String, bool) {
    let git = |args: &[&str]| {
        Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(args)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    match git(&["rev-parse", "HEAD"]) {
        Some(rev) if !rev.is_empty() => {
            // "Modified" means the measured code differs from the revision: untracked
            // files, results (a sitting rewrites them as it goes) and Markdown do not count.
            let dirty = git(&[
                "status",
                "--porcelain",
                "--untracked-files=no",
                "--",
                ".",
                ":(exclude)results",
                ":(exclude)*.md",
            ])
            .is_some_and(|s| !s.is_empty());
            (rev, dirty)
        }
        _ => (UNKNOWN.into(), false),
    }
}

fn read_trimmed(path: &str) -> Option<String> {
    std::fs::read_to_string(path)
        .ok()
        .map(|s| s.trim().to_string())
}

fn cpuinfo_value<'a>(cpuinfo: &'a str, key: &str) -> Option<&'a str> {
    cpuinfo.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        (k.trim() == key).then(|| v.trim())
    })
}

fn cpu_model(cpuinfo: &str) -> String {
    cpuinfo_value(cpuinfo, "model name")
        .or_else(|| cpuinfo_value(cpuinfo, "Model")) // arm
        .map(str::to_string)
        .unwrap_or_else(|| UNKNOWN.into())
}

/// Logical CPUs the hardware has (not the affinity mask of this process, which may differ
/// between two runs on the same machine).
fn cores(cpuinfo: &str) -> u32 {
    let n = cpuinfo
        .lines()
        .filter(|l| l.split(':').next().is_some_and(|k| k.trim() == "processor"))
        .count() as u32;
    if n > 0 {
        n
    } else {
        std::thread::available_parallelism().map_or(0, |n| n.get() as u32)
    }
}

/// MemTotal rounded to the nearest GiB (the kernel reserves some, so 16 GiB reads ~15.6).
fn memory_gib(meminfo: &str) -> u32 {
    cpuinfo_value(meminfo, "MemTotal")
        .and_then(|v| v.split_whitespace().next()?.parse::<u64>().ok())
        .map_or(0, |kib| ((kib as f64) / (1024.0 * 1024.0)).round() as u32)
}

fn os_pretty_name(os_release: &str) -> Option<String> {
    os_release.lines().find_map(|l| {
        let v = l.strip_prefix("PRETTY_NAME=")?;
        Some(v.trim_matches('"').to_string())
    })
}

/// `always [madvise] never` → `madvise`.
fn bracketed(s: &str) -> Option<String> {
    let start = s.find('[')? + 1;
    let end = start + s[start..].find(']')?;
    Some(s[start..end].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parsers() {
        assert_eq!(
            bracketed("always [madvise] never").as_deref(),
            Some("madvise")
        );
        assert_eq!(
            os_pretty_name("NAME=x\nPRETTY_NAME=\"Debian GNU/Linux 12\"\n").as_deref(),
            Some("Debian GNU/Linux 12")
        );
        assert_eq!(memory_gib("MemTotal:       16303000 kB\n"), 16);
        let ci = "processor\t: 0\nmodel name\t: Foo CPU\n\nprocessor\t: 1\nmodel name\t: Foo CPU\n";
        assert_eq!(cpu_model(ci), "Foo CPU");
        assert_eq!(cores(ci), 2);
    }

    #[test]
    fn collect_fills_everything() {
        let r = collect(serde_json::json!({"command": "test"}));
        assert!(r.timestamp.ends_with('Z'));
        assert!(r.rustc.starts_with("rustc") || r.rustc == "unknown");
        assert_eq!(r.profile, profile());
        assert!(["debug", "release"].contains(&r.profile.as_str()));
        assert!(!r.machine.isa.is_empty());
    }
}
