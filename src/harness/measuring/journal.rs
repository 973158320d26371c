//! The journal: what a run has finished, on disk as soon as it is finished, so that a run
//! that is killed keeps it and `--resume` goes on from there.
//!
//! A measuring command that writes `OUT.json` keeps `OUT.journal.jsonl` beside it, JSON
//! Lines, append-only: a header line (the command, its configuration, the git revision and
//! dirty flag of the source the binary was built from), then one line per finished group
//! (its key, the group's spec as JSON, and its rows). Each line is written with one `write`
//! and fsync'd before the run goes on, so a SIGKILL or a power cut loses at most the group
//! being measured. The results file is still assembled at the end and written atomically
//! (`io::write`); the journal is removed once a complete results file is written, and kept
//! when the run stops early, for `--resume`.
//!
//! The unit is a finished *group*, not a visit: a group's rounds are spread over the sweeps
//! (`harness::measuring::groups::run_groups`) and its members keep state across visits (the checks
//! they have made) that a line of JSON cannot carry, so a group is journaled when its last
//! visit ends. With one block (`--blocks 1`) groups finish one by one; with several, most
//! finish in the last sweep.
//!
//! `--resume` takes a journal's groups only when they would be measured alike now: the same
//! command, the same configuration (the command line itself aside: `--resume` changes it),
//! and the same build (git revision and dirty flag). Anything else is refused in one line
//! saying what differs, and the journal is left as it was. A last line cut short (the
//! process was killed while writing it) is dropped with a warning; a bad line before the
//! last means the file is not a journal of ours, and is refused.

use crate::harness::measuring::facts;
use crate::harness::measuring::stop::Signal;
use crate::results::schema::Row;
use crate::results::ResultsError;
use serde::{Deserialize, Serialize};
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The journal format's version, in its header.
pub const JOURNAL_VERSION: u32 = 1;

/// `OUT.json` → `OUT.journal.jsonl`, beside it.
pub fn path_for(out: &Path) -> PathBuf {
    out.with_extension("journal.jsonl")
}

/// The first line: what the groups that follow were measured by.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Header {
    /// [`JOURNAL_VERSION`].
    pub journal: u32,
    /// `contention`, `locate`, `measure`.
    pub command: String,
    /// The configuration, as the results file's `run.config` has it, less `argv`.
    pub config: serde_json::Value,
    /// The source the binary was built from (`facts::source_revision`).
    pub git_revision: String,
    pub git_dirty: bool,
}

impl Header {
    /// The header of a run of `command` with `config`, by this binary.
    pub fn new(command: &str, mut config: serde_json::Value) -> Header {
        // The command line differs by `--resume` itself, and by the order of flags; what
        // is measured is in the parsed options beside it.
        strip_argv(&mut config);
        let (git_revision, git_dirty) = facts::source_revision();
        Header {
            journal: JOURNAL_VERSION,
            command: command.into(),
            config,
            git_revision,
            git_dirty,
        }
    }

    /// Why a run with header `now` may not take this journal's groups, in words; `None`
    /// when it may.
    pub fn difference(&self, now: &Header) -> Option<String> {
        if self.journal != now.journal {
            return Some(format!(
                "journal format {} (this build writes {})",
                self.journal, now.journal
            ));
        }
        if self.command != now.command {
            return Some(format!(
                "it is a journal of `{}`, not of `{}`",
                self.command, now.command
            ));
        }
        if (&self.git_revision, self.git_dirty) != (&now.git_revision, now.git_dirty) {
            return Some(format!(
                "it was measured by git {}, this binary is git {}",
                revision(&self.git_revision, self.git_dirty),
                revision(&now.git_revision, now.git_dirty)
            ));
        }
        config_difference(&self.config, &now.config, "")
            .map(|d| format!("another configuration ({d})"))
    }
}

/// Removes every `argv` key, at any depth (a `run` configuration holds its suites').
fn strip_argv(v: &mut serde_json::Value) {
    if let Some(c) = v.as_object_mut() {
        c.remove("argv");
        c.values_mut().for_each(strip_argv);
    }
}

/// `d7a9b55` or `d7a9b55 (dirty)`.
fn revision(rev: &str, dirty: bool) -> String {
    let short = rev.get(..7).unwrap_or(rev);
    if dirty {
        format!("{short} (dirty)")
    } else {
        short.to_string()
    }
}

/// The first place where two configurations differ: `plan.sample_secs: 0.02 in the
/// journal, 0.01 now`.
fn config_difference(
    then: &serde_json::Value,
    now: &serde_json::Value,
    at: &str,
) -> Option<String> {
    use serde_json::Value;
    if let (Value::Object(a), Value::Object(b)) = (then, now) {
        let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
        keys.sort();
        keys.dedup();
        return keys.into_iter().find_map(|k| {
            let path = if at.is_empty() {
                k.clone()
            } else {
                format!("{at}.{k}")
            };
            match (a.get(k), b.get(k)) {
                (Some(x), Some(y)) => config_difference(x, y, &path),
                (x, y) => Some(format!(
                    "{path}: {} in the journal, {} now",
                    shown(x),
                    shown(y)
                )),
            }
        });
    }
    (then != now).then(|| {
        format!(
            "{}: {} in the journal, {} now",
            if at.is_empty() { "config" } else { at },
            then,
            now
        )
    })
}

fn shown(v: Option<&serde_json::Value>) -> String {
    v.map_or_else(|| "absent".into(), ToString::to_string)
}

/// One finished group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The group's spec, as JSON: how a resumed run finds it.
    pub group: serde_json::Value,
    /// Its rows, as the group finished them.
    pub rows: Vec<Row>,
}

/// An open journal: the groups it held when opened, and the file, for appending.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    file: File,
    held: Vec<Entry>,
}

/// A journal just opened, and what the user should be told about it (one line each).
#[derive(Debug)]
pub struct Opened {
    pub journal: Journal,
    pub notes: Vec<String>,
}

impl Journal {
    /// Opens the journal of results file `out` for a run with `header`. Without `resume`,
    /// a new journal replaces any old one. With it, an existing journal's groups are taken
    /// when [`Header::difference`] finds nothing, and the run is refused otherwise (the
    /// file untouched); with no journal there, the run starts from nothing.
    pub fn open(out: &Path, header: &Header, resume: bool) -> Result<Opened, ResultsError> {
        let path = path_for(out);
        let mut notes = Vec::new();
        let existing = match fs::read(&path) {
            Ok(bytes) => Some(bytes),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(ResultsError::io(&path, "read", e)),
        };
        match (resume, existing) {
            (true, Some(bytes)) => {
                let read = read_journal(&bytes).map_err(|e| ResultsError::at(&path, e))?;
                if let Some(h) = &read.header {
                    if let Some(d) = h.difference(header) {
                        return Err(ResultsError::at(
                            &path,
                            format!("cannot --resume: {d}; run without --resume to start afresh"),
                        ));
                    }
                }
                if let Some(w) = &read.torn {
                    notes.push(format!("warning: {}: {w}", path.display()));
                }
                if read.header.is_none() {
                    // Killed before its header was on disk: nothing to resume.
                    return Ok(Opened {
                        journal: Journal::create(&path, header)?,
                        notes,
                    });
                }
                let file = OpenOptions::new()
                    .write(true)
                    .open(&path)
                    .map_err(|e| ResultsError::io(&path, "open", e))?;
                // Drop a torn last line, so that the next one starts on a line of its own.
                file.set_len(read.good_len as u64)
                    .map_err(|e| ResultsError::io(&path, "truncate the torn last line of", e))?;
                let mut journal = Journal {
                    path,
                    file,
                    held: read.entries,
                };
                use std::io::Seek;
                journal
                    .file
                    .seek(std::io::SeekFrom::End(0))
                    .map_err(|e| ResultsError::io(&journal.path, "seek", e))?;
                notes.push(format!(
                    "resuming from {}: {} finished groups",
                    journal.path.display(),
                    journal.held.len()
                ));
                Ok(Opened { journal, notes })
            }
            (resume, existing) => {
                if resume {
                    notes.push(format!(
                        "note: no journal at {}: nothing to resume, measuring everything",
                        path.display()
                    ));
                } else if existing.is_some() {
                    notes.push(format!(
                        "note: replacing the journal of an unfinished run at {} (--resume would have gone on from it)",
                        path.display()
                    ));
                }
                Ok(Opened {
                    journal: Journal::create(&path, header)?,
                    notes,
                })
            }
        }
    }

    /// A new journal at `path` holding only `header`.
    fn create(path: &Path, header: &Header) -> Result<Journal, ResultsError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir).map_err(|e| ResultsError::io(dir, "create directory", e))?;
        }
        let file = File::create(path).map_err(|e| ResultsError::io(path, "create", e))?;
        let mut j = Journal {
            path: path.to_path_buf(),
            file,
            held: Vec::new(),
        };
        j.write_line(header)?;
        // The file's name must be on disk too, not only its bytes.
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            if let Ok(d) = File::open(dir) {
                let _ = d.sync_all();
            }
        }
        Ok(j)
    }

    /// Whether the journal held `group` when it was opened.
    pub fn holds(&self, group: &serde_json::Value) -> bool {
        self.held.iter().any(|e| e.group == *group)
    }

    /// The rows a journal held for `group` when it was opened (marked as taken from it).
    pub fn rows_of(&self, group: &serde_json::Value) -> Option<Vec<Row>> {
        let e = self.held.iter().rev().find(|e| e.group == *group)?;
        let mut rows = e.rows.clone();
        for r in &mut rows {
            r.extra.from_journal = Some(true);
        }
        Some(rows)
    }

    /// Appends a finished group and syncs it to disk before returning.
    pub fn append(&mut self, group: serde_json::Value, rows: &[Row]) -> Result<(), ResultsError> {
        let entry = Entry {
            group,
            rows: rows.to_vec(),
        };
        self.write_line(&entry)
    }

    fn write_line(&mut self, value: &impl Serialize) -> Result<(), ResultsError> {
        let mut line = serde_json::to_vec(value)
            .map_err(|e| ResultsError::at(&self.path, format!("cannot serialize: {e}")))?;
        line.push(b'\n');
        // One write: a line is torn only by a kill in the middle of it.
        self.file
            .write_all(&line)
            .map_err(|e| ResultsError::io(&self.path, "append to", e))?;
        self.file
            .sync_data()
            .map_err(|e| ResultsError::io(&self.path, "fsync", e))
    }

    /// Where it is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Removes the journal: the complete results file now holds everything it did.
    pub fn remove(self) -> Result<(), ResultsError> {
        fs::remove_file(&self.path).map_err(|e| ResultsError::io(&self.path, "remove", e))
    }
}

/// How every measuring command starts: [`Journal::open`], with what the user should be told
/// about it (a resumed run, a torn last line, a replaced journal) passed to `log`, one line
/// each. [`close`] is its other end.
pub fn open(
    out: &Path,
    header: &Header,
    resume: bool,
    log: &mut dyn FnMut(&str),
) -> Result<Journal, ResultsError> {
    let opened = Journal::open(out, header, resume)?;
    for n in &opened.notes {
        log(n);
    }
    Ok(opened.journal)
}

/// How a measuring command ends, after its results file `out` is written: a complete run's
/// journal goes; a stopped run's stays for `--resume`, `log` hears which file is partial and
/// where the journal is. The exit status: 0, or the signal's (130 SIGINT, 143 SIGTERM).
pub fn close(
    journal: Journal,
    stopped: Option<Signal>,
    out: &Path,
    log: &mut dyn FnMut(&str),
) -> Result<u8, ResultsError> {
    match stopped {
        None => {
            journal.remove()?;
            Ok(0)
        }
        Some(sig) => {
            log(&format!(
                "stopped by {}: {} is partial; --resume goes on from {}",
                sig.name(),
                out.display(),
                journal.path().display()
            ));
            Ok(sig.exit_code())
        }
    }
}

/// A journal file, read.
#[derive(Debug, Default)]
pub struct Read {
    /// `None` when even the header line was torn.
    pub header: Option<Header>,
    pub entries: Vec<Entry>,
    /// Bytes up to the end of the last good line.
    pub good_len: usize,
    /// What was dropped, when the last line was torn.
    pub torn: Option<String>,
}

/// Parses a journal's bytes: a torn last line (no newline: its write never finished) is
/// dropped, and said; any other bad line is an error (the reason, without the path).
pub fn read_journal(bytes: &[u8]) -> Result<Read, String> {
    let mut read = Read::default();
    let mut pos = 0;
    let mut n = 0;
    while pos < bytes.len() {
        n += 1;
        let (line, end, complete) = match bytes[pos..].iter().position(|&b| b == b'\n') {
            Some(i) => (&bytes[pos..pos + i], pos + i + 1, true),
            None => (&bytes[pos..], bytes.len(), false),
        };
        let parsed = if n == 1 {
            serde_json::from_slice::<Header>(line)
                .map(|h| read.header = Some(h))
                .map_err(|e| e.to_string())
        } else {
            serde_json::from_slice::<Entry>(line)
                .map(|e| read.entries.push(e))
                .map_err(|e| e.to_string())
        };
        match (parsed, complete) {
            (Ok(()), true) => read.good_len = end,
            // No newline: the last line, and its write was not finished. Even one that
            // parses is kept out: the line is what was promised, not a prefix of it.
            (parsed, false) => {
                read.torn = Some(format!(
                    "line {n} is cut short (the run was killed while writing it); ignored"
                ));
                if parsed.is_ok() {
                    if n == 1 {
                        read.header = None;
                    } else {
                        read.entries.pop();
                    }
                }
            }
            (Err(e), true) => return Err(format!("line {n} is not a journal line ({e})")),
        }
        pos = end;
    }
    if read.header.is_none() && read.torn.is_none() && !bytes.is_empty() {
        return Err("no header line".into());
    }
    Ok(read)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::results::schema::Unit;
    use crate::vocabulary::Identity;
    use crate::vocabulary::Suite;
    use crate::vocabulary::Workload;
    use serde_json::json;

    fn header() -> Header {
        Header {
            journal: JOURNAL_VERSION,
            command: "contention".into(),
            config: json!({"threads": [1], "plan": {"seed": 1}}),
            git_revision: "0123456789".into(),
            git_dirty: false,
        }
    }

    fn row(map: &str) -> Row {
        Row::new(
            Identity::new(Suite::Contention, map, Workload::Exchange),
            Unit::MopsPerSec,
            vec![1.0, 2.0, 3.0],
        )
    }

    fn journal_at(dir: &Path) -> (PathBuf, Journal) {
        let out = dir.join("x.json");
        let j = Journal::open(&out, &header(), false).unwrap().journal;
        (out, j)
    }

    #[test]
    fn groups_are_read_back_and_marked_when_resumed() {
        let dir = tempfile::tempdir().unwrap();
        let (out, mut j) = journal_at(dir.path());
        assert_eq!(j.path(), dir.path().join("x.journal.jsonl"));
        j.append(json!({"g": 1}), &[row("a"), row("b")]).unwrap();
        drop(j);
        let o = Journal::open(&out, &header(), true).unwrap();
        let rows = o.journal.rows_of(&json!({"g": 1})).unwrap();
        assert_eq!(rows.len(), 2);
        assert!(rows.iter().all(|r| r.extra.from_journal == Some(true)));
        assert_eq!(rows[0].samples, vec![1.0, 2.0, 3.0]);
        assert!(o.journal.rows_of(&json!({"g": 2})).is_none());
    }

    #[test]
    fn a_torn_last_line_is_dropped_with_a_warning_and_cut_off() {
        let dir = tempfile::tempdir().unwrap();
        let (out, mut j) = journal_at(dir.path());
        j.append(json!({"g": 1}), &[row("a")]).unwrap();
        let path = j.path().to_path_buf();
        drop(j);
        let whole = fs::read(&path).unwrap();
        let mut torn = whole.clone();
        torn.extend_from_slice(br#"{"group":{"g":2},"rows":[{"su"#);
        fs::write(&path, &torn).unwrap();
        let mut o = Journal::open(&out, &header(), true).unwrap();
        assert!(o.notes.iter().any(|n| n.contains("cut short")), "{o:?}");
        assert!(o.journal.rows_of(&json!({"g": 1})).is_some());
        assert_eq!(fs::read(&path).unwrap(), whole);
        o.journal.append(json!({"g": 2}), &[row("a")]).unwrap();
        let read = read_journal(&fs::read(&path).unwrap()).unwrap();
        assert_eq!(read.entries.len(), 2);
        assert!(read.torn.is_none());
    }

    #[test]
    fn a_bad_line_before_the_last_is_refused() {
        let text = format!(
            "{}\nnot json\n{}\n",
            serde_json::to_string(&header()).unwrap(),
            serde_json::to_string(&Entry {
                group: json!(1),
                rows: vec![]
            })
            .unwrap()
        );
        let e = read_journal(text.as_bytes()).unwrap_err();
        assert!(e.contains("line 2"), "{e}");
    }

    #[test]
    fn another_configuration_or_build_is_refused_and_the_journal_kept() {
        let dir = tempfile::tempdir().unwrap();
        let (out, mut j) = journal_at(dir.path());
        j.append(json!({"g": 1}), &[row("a")]).unwrap();
        let path = j.path().to_path_buf();
        drop(j);
        let before = fs::read(&path).unwrap();
        let mut other = header();
        other.config["plan"]["seed"] = json!(2);
        let e = Journal::open(&out, &other, true).unwrap_err().to_string();
        assert!(e.contains("plan.seed: 1 in the journal, 2 now"), "{e}");
        assert!(!e.contains('\n'));
        let mut other = header();
        other.git_dirty = true;
        let e = Journal::open(&out, &other, true).unwrap_err().to_string();
        assert!(
            e.contains("git 0123456, this binary is git 0123456 (dirty)"),
            "{e}"
        );
        let mut other = header();
        other.command = "locate".into();
        assert!(Journal::open(&out, &other, true).is_err());
        assert_eq!(fs::read(&path).unwrap(), before);
    }

    #[test]
    fn argv_is_not_part_of_the_configuration() {
        let a = Header::new(
            "run",
            json!({"argv": ["a"], "c": {"argv": ["x"], "t": [1]}}),
        );
        let b = Header::new(
            "run",
            json!({"argv": ["b"], "c": {"argv": ["y"], "t": [1]}}),
        );
        assert_eq!(a.difference(&b), None);
        assert!(a.config.get("argv").is_none());
    }

    #[test]
    fn without_resume_a_journal_starts_afresh() {
        let dir = tempfile::tempdir().unwrap();
        let (out, mut j) = journal_at(dir.path());
        j.append(json!({"g": 1}), &[row("a")]).unwrap();
        drop(j);
        let o = Journal::open(&out, &header(), false).unwrap();
        assert!(o.notes.iter().any(|n| n.contains("replacing")));
        assert!(o.journal.rows_of(&json!({"g": 1})).is_none());
        let read = read_journal(&fs::read(o.journal.path()).unwrap()).unwrap();
        assert!(read.entries.is_empty() && read.header.is_some());
    }
}
