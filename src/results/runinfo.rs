//! Comparing run facts: whether two results files come from the same machine, what tuning
//! differs between them, and the timestamp format of the `run` section. Pure functions of
//! the facts a file records; gathering them from this machine is
//! `harness::measuring::facts`'s.

use super::schema::Machine;
use std::time::{SystemTime, UNIX_EPOCH};

/// Whether two runs were made on the same machine, as far as the numbers care: same CPU
/// model, core count, memory size and OS. Kernel, THP mode and governor are deliberately not
/// part of the identity (they change with an update or a sysctl on the same box); `compare`
/// reports them as notes instead.
pub fn same_machine(a: &Machine, b: &Machine) -> bool {
    machine_difference(a, b).is_none()
}

/// The first identity field in which `a` and `b` differ, as `field: a vs b`.
pub fn machine_difference(a: &Machine, b: &Machine) -> Option<String> {
    let fields = [
        ("cpu_model", a.cpu_model.clone(), b.cpu_model.clone()),
        ("cores", a.cores.to_string(), b.cores.to_string()),
        (
            "memory_gib",
            a.memory_gib.to_string(),
            b.memory_gib.to_string(),
        ),
        ("os", a.os.clone(), b.os.clone()),
    ];
    fields
        .into_iter()
        .find(|(_, x, y)| x != y)
        .map(|(name, x, y)| format!("{name}: {x:?} vs {y:?}"))
}

/// Tuning fields that differ although the machine is the same (kernel, thp, governor, isa).
pub fn condition_differences(a: &Machine, b: &Machine) -> Vec<String> {
    [
        ("kernel", &a.kernel, &b.kernel),
        ("thp", &a.thp, &b.thp),
        ("governor", &a.governor, &b.governor),
        ("isa", &a.isa, &b.isa),
    ]
    .into_iter()
    .filter(|(_, x, y)| x != y)
    .map(|(name, x, y)| format!("{name} differs: {x:?} vs {y:?}"))
    .collect()
}

/// `t` as RFC 3339 in UTC with second precision, e.g. `2024-05-01T12:34:56Z`.
pub fn rfc3339_utc(t: SystemTime) -> String {
    let secs = t
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Days since 1970-01-01 to (year, month, day) in the proleptic Gregorian calendar
/// (Howard Hinnant's `civil_from_days`: 400-year eras of 146 097 days, March-based years).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn rfc3339_known_instants() {
        assert_eq!(rfc3339_utc(UNIX_EPOCH), "1970-01-01T00:00:00Z");
        let t = UNIX_EPOCH + Duration::from_secs(951_782_400); // leap day 2000
        assert_eq!(rfc3339_utc(t), "2000-02-29T00:00:00Z");
        let t = UNIX_EPOCH + Duration::from_secs(1_714_566_896);
        assert_eq!(rfc3339_utc(t), "2024-05-01T12:34:56Z");
    }

    #[test]
    fn machine_identity_ignores_tuning() {
        let a = Machine {
            cpu_model: "Foo CPU".into(),
            cores: 2,
            memory_gib: 16,
            os: "Debian".into(),
            kernel: "6.1".into(),
            thp: "madvise".into(),
            governor: "unknown".into(),
            isa: "avx2".into(),
        };
        let mut b = a.clone();
        b.thp = "never-seen".into();
        assert!(same_machine(&a, &b));
        assert_eq!(condition_differences(&a, &b).len(), 1);
        b.cores += 1;
        assert!(machine_difference(&a, &b).unwrap().starts_with("cores:"));
    }
}
