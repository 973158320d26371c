//! The journal: what a run has finished, on disk as soon as it is finished, so that a run
//! that is killed keeps it and `--resume` goes on from there.
//!
//! A measuring command that writes `OUT.json` keeps `OUT.journal.jsonl` beside it, JSON
//! Lines, append-only: a header line (the command, its configuration, the git revision and
//! dirty flag of the source the binary was built from), then one line per thing finished,
//! each naming its group by the group's spec as JSON ([`Entry`], [`Kept`]):
//! - a finished *block*: one sweep's visit of a group
//!   (`harness::measuring::groups::run_groups`), with what the group carries into its next
//!   block (every member's samples so far or why it failed, the rounds planned and run, the
//!   seconds and the other processes' CPU so far), as the groups module writes it;
//! - a finished *group*, on its last block: its rows;
//! - a *failed cell*: a map of a group that hung (`harness::measuring::watchdog`), which a
//!   resumed run reports failed instead of measuring again.
//!
//! Each line is written with one `write` and fsync'd before the run goes on, so a SIGKILL or
//! a power cut loses at most the block being measured. The results file is still assembled
//! at the end and written atomically (`io::write`); the journal is removed once a complete
//! results file is written, and kept when the run stops early, for `--resume`.
//!
//! Why blocks carry no member: a group's members are built afresh on every visit, and each
//! visit ends with their checks, so all that one block leaves to the next is data (its
//! samples, its counts), and a resumed group goes on from its last journaled block exactly
//! as the uninterrupted run would have: the same blocks, rounds and sample counts. The one
//! thing a resumed run draws anew is what a fresh build always draws (where the maps land,
//! the calibration of the next block's samples).
//!
//! `--resume` takes a journal's lines only when they would be measured alike now: the same
//! journal format ([`JOURNAL_VERSION`]), command and configuration (the command line itself
//! aside: `--resume` changes it), and the same build (git revision and dirty flag). Anything
//! else is refused in one line saying what differs, and the journal is left as it was. A
//! last line cut short (the process was killed while writing it) is dropped with a warning;
//! a bad line before the last means the file is not a journal of ours, and is refused.

use crate::harness::measuring::facts;
use crate::harness::measuring::stop::Signal;
use crate::results::schema::Row;
use crate::results::ResultsError;
use serde::{Deserialize, Serialize};
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The journal format's version, in its header. 2: a line per finished block and per hung
/// cell, beside the finished groups' rows (1 had only those).
pub const JOURNAL_VERSION: u32 = 2;

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

/// One line after the header: something of one group that is finished.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The group's spec, as JSON: how a resumed run finds it.
    pub group: serde_json::Value,
    /// What of it is finished (one key beside `group`: `rows`, `block` or `failed`).
    #[serde(flatten)]
    pub kept: Kept,
}

/// What a journal line keeps of its group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kept {
    /// The group finished: its rows.
    Rows(Vec<Row>),
    /// A block of its sweeps finished, and what the group carries into the next one.
    Block(Block),
    /// A map of the group hung: its cell is failed, not measured again.
    Failed(FailedCell),
}

/// A finished block: `block` (0-based) of the group's sweeps, and the group's `state` after
/// it (the groups module's, as JSON: the journal only keeps it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Block {
    pub block: u32,
    pub state: serde_json::Value,
}

/// A cell that failed so that it must not be run again.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FailedCell {
    pub map: String,
    pub reason: String,
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
                    "resuming from {}: {}",
                    journal.path.display(),
                    journal.summary()
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

    /// What the journal held of `group` when it was opened, oldest first.
    fn kept_of<'s>(&'s self, group: &'s serde_json::Value) -> impl Iterator<Item = &'s Kept> {
        self.held
            .iter()
            .filter(move |e| e.group == *group)
            .map(|e| &e.kept)
    }

    /// Whether the journal held `group` finished when it was opened.
    pub fn holds(&self, group: &serde_json::Value) -> bool {
        self.kept_of(group).any(|k| matches!(k, Kept::Rows(_)))
    }

    /// The rows a journal held for `group` when it was opened (marked as taken from it).
    pub fn rows_of(&self, group: &serde_json::Value) -> Option<Vec<Row>> {
        let mut rows = self
            .kept_of(group)
            .filter_map(|k| match k {
                Kept::Rows(r) => Some(r.clone()),
                _ => None,
            })
            .last()?;
        for r in &mut rows {
            r.extra.from_journal = Some(true);
        }
        Some(rows)
    }

    /// The last block of unfinished `group` the journal held when it was opened.
    pub fn block_of<'s>(&'s self, group: &'s serde_json::Value) -> Option<&'s Block> {
        self.kept_of(group)
            .filter_map(|k| match k {
                Kept::Block(b) => Some(b),
                _ => None,
            })
            .last()
    }

    /// Blocks of `group` the journal held: all of `blocks` for a finished group, else those
    /// up to its last journaled block.
    pub fn blocks_kept(&self, group: &serde_json::Value, blocks: u32) -> u32 {
        if self.holds(group) {
            return blocks;
        }
        self.block_of(group)
            .map_or(0, |b| (b.block + 1).min(blocks))
    }

    /// The cells of `group` the journal held as failed.
    pub fn failed_of(&self, group: &serde_json::Value) -> Vec<FailedCell> {
        self.kept_of(group)
            .filter_map(|k| match k {
                Kept::Failed(f) => Some(f.clone()),
                _ => None,
            })
            .collect()
    }

    /// Appends a finished group and syncs it to disk before returning.
    pub fn append(&mut self, group: serde_json::Value, rows: &[Row]) -> Result<(), ResultsError> {
        self.write_line(&Entry {
            group,
            kept: Kept::Rows(rows.to_vec()),
        })
    }

    /// Appends block `block` of `group`, finished, with the group's `state` after it.
    pub fn append_block(
        &mut self,
        group: serde_json::Value,
        block: u32,
        state: serde_json::Value,
    ) -> Result<(), ResultsError> {
        self.write_line(&Entry {
            group,
            kept: Kept::Block(Block { block, state }),
        })
    }

    /// A second handle on the file, for the watchdog to record a hung cell with while the
    /// thread that owns this journal is stuck in a map.
    pub fn failure_log(&self) -> Result<FailureLog, ResultsError> {
        let file = self
            .file
            .try_clone()
            .map_err(|e| ResultsError::io(&self.path, "open a second handle on", e))?;
        Ok(FailureLog {
            path: self.path.clone(),
            file,
        })
    }

    fn write_line(&mut self, value: &impl Serialize) -> Result<(), ResultsError> {
        write_line(&mut self.file, &self.path, value)
    }

    /// `3 finished groups, 5 blocks of others, 1 hung cells (…)`: what it held when opened.
    fn summary(&self) -> String {
        let count = |f: fn(&Kept) -> bool| self.held.iter().filter(|e| f(&e.kept)).count();
        let groups = count(|k| matches!(k, Kept::Rows(_)));
        let blocks = count(|k| matches!(k, Kept::Block(_)));
        let failed = count(|k| matches!(k, Kept::Failed(_)));
        let mut s = format!("{groups} finished groups, {blocks} blocks of others");
        if failed > 0 {
            s += &format!(", {failed} hung cells (reported failed, not measured again)");
        }
        s
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

/// Appends one line to the journal at `path` and syncs it to disk.
fn write_line(file: &mut File, path: &Path, value: &impl Serialize) -> Result<(), ResultsError> {
    let mut line = serde_json::to_vec(value)
        .map_err(|e| ResultsError::at(path, format!("cannot serialize: {e}")))?;
    line.push(b'\n');
    // One write: a line is torn only by a kill in the middle of it.
    file.write_all(&line)
        .map_err(|e| ResultsError::io(path, "append to", e))?;
    file.sync_data()
        .map_err(|e| ResultsError::io(path, "fsync", e))
}

/// A journal's file as the watchdog holds it: it can only record a failed cell. It shares the
/// journal's file offset (a duplicated descriptor), so its line goes after the last one.
#[derive(Debug)]
pub struct FailureLog {
    path: PathBuf,
    file: File,
}

impl FailureLog {
    /// Appends that `map`'s cell of `group` failed, for `reason`, and syncs it.
    pub fn record_failed(
        &mut self,
        group: &serde_json::Value,
        map: &str,
        reason: &str,
    ) -> Result<(), ResultsError> {
        let entry = Entry {
            group: group.clone(),
            kept: Kept::Failed(FailedCell {
                map: map.into(),
                reason: reason.into(),
            }),
        };
        write_line(&mut self.file, &self.path, &entry)
    }

    /// The journal's path.
    pub fn path(&self) -> &Path {
        &self.path
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
        } else if read
            .header
            .as_ref()
            .is_some_and(|h| h.journal != JOURNAL_VERSION)
        {
            // Another format's lines are not read: its header says why it is refused.
            break;
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
                kept: Kept::Rows(vec![])
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
    fn blocks_and_failed_cells_are_read_back_beside_finished_groups() {
        let dir = tempfile::tempdir().unwrap();
        let (out, mut j) = journal_at(dir.path());
        let (g, h) = (json!({"g": 1}), json!({"g": 2}));
        j.append_block(g.clone(), 0, json!({"rounds_run": 3}))
            .unwrap();
        j.append_block(g.clone(), 1, json!({"rounds_run": 6}))
            .unwrap();
        j.failure_log()
            .unwrap()
            .record_failed(&g, "broken", "hung: no answer")
            .unwrap();
        j.append(h.clone(), &[row("a")]).unwrap();
        drop(j);
        let text = fs::read_to_string(path_for(&out)).unwrap();
        assert!(
            text.lines()
                .nth(3)
                .unwrap()
                .contains(r#""failed":{"map":"broken""#),
            "{text}"
        );
        let o = Journal::open(&out, &header(), true).unwrap();
        assert!(o.notes[0].contains("1 finished groups, 2 blocks of others, 1 hung cells"));
        let j = o.journal;
        assert_eq!(j.block_of(&g).unwrap().block, 1);
        assert_eq!(j.block_of(&g).unwrap().state, json!({"rounds_run": 6}));
        assert_eq!((j.blocks_kept(&g, 4), j.blocks_kept(&h, 4)), (2, 4));
        assert!(!j.holds(&g) && j.rows_of(&g).is_none() && j.holds(&h));
        assert_eq!(j.failed_of(&g)[0].map, "broken");
        assert!(j.failed_of(&h).is_empty() && j.block_of(&h).is_none());
    }

    #[test]
    fn a_journal_of_another_format_is_refused_in_one_line() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("x.json");
        let mut old = serde_json::to_value(header()).unwrap();
        old["journal"] = json!(1);
        // Version 1's group line, which this format does not read.
        let text = format!(
            "{old}\n{}\n",
            json!({"group": {"g": 1}, "rows": [], "x": 1})
        );
        fs::write(path_for(&out), &text).unwrap();
        let e = Journal::open(&out, &header(), true)
            .unwrap_err()
            .to_string();
        assert!(e.contains("journal format 1 (this build writes 2)"), "{e}");
        assert!(!e.contains('\n'));
        assert_eq!(fs::read_to_string(path_for(&out)).unwrap(), text);
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
