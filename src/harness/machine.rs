//! Machine facts and run identity for the results header ([`RunInfo`]): read once per run from
//! /proc, /sys, `git` and `rustc`, each falling back to `unknown` where unreadable.

use crate::results::schema::{Machine, RunInfo};
use std::process::Command;
use std::time::{SystemTime, UNIX_EPOCH};

fn read(path: &str) -> Option<String> {
    std::fs::read_to_string(path)
        .ok()
        .map(|s| s.trim().to_string())
}

fn command(cmd: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(cmd).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn unknown(s: Option<String>) -> String {
    s.filter(|s| !s.is_empty())
        .unwrap_or_else(|| "unknown".into())
}

/// The cores this process may use.
pub fn cores() -> u32 {
    std::thread::available_parallelism().map_or(1, |n| n.get() as u32)
}

/// The best ISA the CPU offers for the SIMD probe strategies.
pub fn best_isa() -> &'static str {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx512bw") {
            return "avx512";
        }
        if std::arch::is_x86_feature_detected!("avx2") {
            return "avx2";
        }
        "sse2"
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        "scalar"
    }
}

pub fn machine() -> Machine {
    let cpuinfo = read("/proc/cpuinfo").unwrap_or_default();
    let cpu_model = cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split(':').nth(1))
        .map(|s| s.trim().to_string());
    let memory_gib = read("/proc/meminfo")
        .and_then(|m| {
            let line = m.lines().find(|l| l.starts_with("MemTotal:"))?.to_string();
            line.split_whitespace().nth(1)?.parse::<u64>().ok()
        })
        .map_or(0, |kib| ((kib + (1 << 19)) >> 20) as u32);
    let thp = read("/sys/kernel/mm/transparent_hugepage/enabled").and_then(|s| {
        let a = s.find('[')?;
        let b = s[a..].find(']')?;
        Some(s[a + 1..a + b].to_string())
    });
    Machine {
        cpu_model: unknown(cpu_model),
        cores: cores(),
        memory_gib,
        os: std::env::consts::OS.to_string(),
        kernel: unknown(read("/proc/sys/kernel/osrelease")),
        thp: unknown(thp),
        governor: unknown(read(
            "/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor",
        )),
        isa: best_isa().to_string(),
    }
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian (Howard Hinnant's
/// `civil_from_days`).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + (m <= 2) as i64, m, d)
}

/// Now, RFC 3339 in UTC, whole seconds.
pub fn timestamp_utc() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let (y, mo, d) = civil_from_days(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    format!(
        "{y:04}-{mo:02}-{d:02}T{:02}:{:02}:{:02}Z",
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

/// The results header of a run made now, with `config` recorded as given.
pub fn run_info(hasher: &str, allocator: &str, config: serde_json::Value) -> RunInfo {
    RunInfo {
        timestamp: timestamp_utc(),
        git_revision: unknown(command("git", &["rev-parse", "HEAD"])),
        git_dirty: command("git", &["status", "--porcelain"]).is_some_and(|s| !s.is_empty()),
        rustc: unknown(command("rustc", &["--version"])),
        profile: if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
        .into(),
        rustflags: std::env::var("RUSTFLAGS").unwrap_or_default(),
        machine: machine(),
        hasher: hasher.into(),
        allocator: allocator.into(),
        config,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_723), (2024, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(timestamp_utc().len(), 20);
    }
}
