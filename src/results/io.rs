//! Reading and writing results files, safely.
//!
//! Writing is atomic (a temporary file in the same directory, fsync, rename, fsync of the
//! directory): a crash or a full disk leaves the old file or the new one, never half a JSON
//! document that a later `compare` would choke on. Reading is strict: an unknown
//! `schema_version`, a truncated or malformed file, a missing field or two rows with one
//! identity are refused with a one-line error that names the file and the field
//! (`results/x.json: missing field `median` in rows[3]`).
//!
//! The baseline (`baseline.json`) is what every later run is judged against, so no writer
//! replaces it by accident: [`write`] refuses unless the caller passes
//! [`BaselinePolicy::Replace`] (the CLI's `--update-baseline`).

use super::error::ResultsError;
use super::schema::{Machine, Results, Row, RunInfo, SCHEMA_VERSION};
use serde::Deserialize;
use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The file name that [`write`] protects.
pub const BASELINE_FILE_NAME: &str = "baseline.json";

/// Whether a write may replace an existing `baseline.json`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BaselinePolicy {
    /// Refuse to overwrite an existing `baseline.json` (the default everywhere).
    Protect,
    /// The user asked for it (`--update-baseline`).
    Replace,
}

/// Refuses, with a one-line reason, to overwrite an existing baseline under `Protect`.
pub fn check_baseline_overwrite(path: &Path, policy: BaselinePolicy) -> Result<(), ResultsError> {
    if is_baseline(path) && policy == BaselinePolicy::Protect && path.exists() {
        return Err(ResultsError::at(
            path,
            "refusing to overwrite the baseline; pass --update-baseline to replace it",
        ));
    }
    Ok(())
}

fn is_baseline(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == BASELINE_FILE_NAME)
}

/// Writes `results` as pretty JSON to `path`, atomically, honouring the baseline guard (and
/// never replacing a baseline with a partial run).
pub fn write(path: &Path, results: &Results, policy: BaselinePolicy) -> Result<(), ResultsError> {
    check_baseline_overwrite(path, policy)?;
    // A stopped run judges nothing: it never replaces a baseline, whatever was asked.
    if results.run.partial && is_baseline(path) && path.exists() {
        return Err(ResultsError::at(
            path,
            "refusing to replace the baseline with a partial run (it was stopped); --resume completes it",
        ));
    }
    let mut json = serde_json::to_vec_pretty(results)
        .map_err(|e| ResultsError::at(path, format!("cannot serialize results: {e}")))?;
    json.push(b'\n');
    write_atomic(path, &json)
}

/// Writes `bytes` to `path` so that `path` holds either its old content or all of `bytes`.
///
/// The temporary file lives in the same directory (a rename across file systems is not
/// atomic) and is removed if anything fails before the rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), ResultsError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&dir).map_err(|e| ResultsError::io(&dir, "create directory", e))?;
    let tmp = temp_path(path);
    let result = (|| {
        let mut f = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
            .map_err(|e| ResultsError::io(&tmp, "create temporary file", e))?;
        f.write_all(bytes)
            .map_err(|e| ResultsError::io(&tmp, "write", e))?;
        // Data must be on disk before the rename makes it visible under the real name.
        f.sync_all()
            .map_err(|e| ResultsError::io(&tmp, "fsync", e))?;
        fs::rename(&tmp, path).map_err(|e| ResultsError::io(path, "rename into place", e))
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
        return result;
    }
    // Persist the rename itself. Some file systems cannot fsync a directory; the data is
    // already safe then, so that failure is not worth failing the run over.
    if let Ok(d) = File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// `dir/.name.<pid>.<nanos>.tmp`: hidden, unique per writer, matched by `.gitignore`'s `*.tmp`.
fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "results".into());
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    path.with_file_name(format!(".{name}.{}.{nanos}.tmp", std::process::id()))
}

/// Reads and validates a results file (see the module docs for what is refused).
pub fn read(path: &Path) -> Result<Results, ResultsError> {
    let text = fs::read_to_string(path).map_err(|e| ResultsError::io(path, "read", e))?;
    parse(&text).map_err(|reason| ResultsError::at(path, reason))
}

/// Parses and validates results JSON; the error is the reason, without the path.
pub fn parse(text: &str) -> Result<Results, String> {
    if text.trim().is_empty() {
        return Err("empty file, expected a results JSON document".into());
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        if e.is_eof() {
            format!("truncated JSON ({e})")
        } else {
            format!("malformed JSON ({e})")
        }
    })?;
    let obj = value
        .as_object()
        .ok_or("expected a JSON object at the top level")?;

    // The version first: a file of another version may legitimately lack our fields, and
    // "wrong version" is the message that tells the user what to do.
    let version = obj
        .get("schema_version")
        .ok_or("missing field `schema_version`")?;
    let version = version
        .as_u64()
        .ok_or_else(|| format!("`schema_version` is {version}, expected an integer"))?;
    if version != u64::from(SCHEMA_VERSION) {
        return Err(format!(
            "unsupported schema_version {version} (this build reads version {SCHEMA_VERSION})"
        ));
    }

    // Each part is deserialized on its own so the error can say where it is.
    let run_value = obj.get("run").ok_or("missing field `run`")?;
    if let Some(machine) = run_value.get("machine") {
        Machine::deserialize(machine).map_err(|e| format!("{e} in run.machine"))?;
    }
    let run = RunInfo::deserialize(run_value).map_err(|e| format!("{e} in run"))?;

    let rows_value = obj.get("rows").ok_or("missing field `rows`")?;
    let rows_array = rows_value
        .as_array()
        .ok_or("field `rows` is not an array")?;
    let mut rows = Vec::with_capacity(rows_array.len());
    let mut seen = HashMap::new();
    for (i, r) in rows_array.iter().enumerate() {
        let row = Row::deserialize(r).map_err(|e| format!("{e} in rows[{i}]"))?;
        if let Some(first) = seen.insert(row.identity(), i) {
            return Err(format!(
                "rows[{i}] repeats the identity of rows[{first}] ({})",
                row.identity()
            ));
        }
        rows.push(row);
    }
    Ok(Results {
        schema_version: SCHEMA_VERSION,
        run,
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> serde_json::Value {
        use crate::results::schema::Unit;
        use crate::vocabulary::Identity;
        use crate::vocabulary::Suite;
        let id = Identity::new(Suite::Ops, "gomap", crate::vocabulary::Op::GetHit)
            .size(1024)
            .isa(Some(crate::vocabulary::isa::Isa::Avx2));
        let row = Row::new(id, Unit::NsPerOp, vec![1.0, 2.0, 3.0]);
        serde_json::to_value(Results::new(RunInfo::default(), vec![row.clone(), row])).unwrap()
    }

    #[test]
    fn names_the_missing_field_and_row() {
        let mut v = doc();
        v["rows"][1]["samples"] = serde_json::json!([5.0]);
        v["rows"][1]["map"] = serde_json::json!("other");
        v["rows"][1].as_object_mut().unwrap().remove("median");
        let e = parse(&v.to_string()).unwrap_err();
        assert_eq!(e, "missing field `median` in rows[1]");
    }

    #[test]
    fn a_partial_run_never_replaces_a_baseline_and_reads_back_partial() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(BASELINE_FILE_NAME);
        let mut r = Results::new(RunInfo::default(), Vec::new());
        write(&path, &r, BaselinePolicy::Replace).unwrap();
        // A complete file does not say `partial` at all (old readers see nothing new).
        assert!(!fs::read_to_string(&path).unwrap().contains("partial"));
        r.run.partial = true;
        let e = write(&path, &r, BaselinePolicy::Replace).unwrap_err();
        assert!(e.to_string().contains("partial run"), "{e}");
        let other = dir.path().join("latest.json");
        write(&other, &r, BaselinePolicy::Protect).unwrap();
        assert!(read(&other).unwrap().run.partial);
    }

    #[test]
    fn refuses_duplicate_identities() {
        let e = parse(&doc().to_string()).unwrap_err();
        assert!(
            e.starts_with("rows[1] repeats the identity of rows[0]"),
            "{e}"
        );
    }

    #[test]
    fn refuses_other_versions_and_truncation() {
        let mut v = doc();
        v["schema_version"] = serde_json::json!(2);
        assert!(parse(&v.to_string())
            .unwrap_err()
            .contains("unsupported schema_version 2"));
        let text = doc().to_string();
        assert!(parse(&text[..text.len() / 2])
            .unwrap_err()
            .starts_with("truncated JSON"));
        assert!(parse("").unwrap_err().starts_with("empty file"));
    }

    #[test]
    fn missing_machine_field_is_located() {
        let mut v = doc();
        v["run"]["machine"].as_object_mut().unwrap().remove("cores");
        assert_eq!(
            parse(&v.to_string()).unwrap_err(),
            "missing field `cores` in run.machine"
        );
    }
}
