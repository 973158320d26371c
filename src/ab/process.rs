//! A worker process as the driver sees it: started, asked one request at a time, its
//! replies read by a thread of its own so that each is awaited with a deadline, and killed
//! when dropped. [`Builds`] starts a fresh pair, one worker of each build, for every block.

use super::protocol::{Reply, Request, PROTOCOL_VERSION};
use crate::harness::measuring::groups::GroupSpec;
use crate::harness::measuring::rounds::Plan;
use crate::results::schema::Row;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

/// How long the driver waits for one reply. The slowest honest reply is a `build` of the
/// largest group (seconds); a worker silent for longer is stuck (or speaks another protocol
/// without saying so), and waiting on it forever would hang the run, and CI with it.
const REPLY_DEADLINE: Duration = Duration::from_secs(300);

/// A worker process. Its stdout is read by a thread of its own, so that a reply can be
/// awaited with a deadline.
pub(super) struct Worker {
    label: String,
    child: Child,
    stdin: ChildStdin,
    /// Lines from the worker's stdout; an empty string is its end.
    replies: Receiver<std::io::Result<String>>,
}

impl Worker {
    fn spawn(bin: &Path, label: &str) -> Result<Worker, String> {
        let mut cmd = Command::new(bin);
        crate::harness::measuring::placement::with_aslr(&mut cmd);
        let mut child = cmd
            .arg("worker")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| format!("{label}: cannot start {}: {e}", bin.display()))?;
        let stdin = child.stdin.take().expect("piped");
        let mut stdout = BufReader::new(child.stdout.take().expect("piped"));
        let (tx, replies) = mpsc::channel();
        std::thread::spawn(move || loop {
            let mut line = String::new();
            let r = stdout.read_line(&mut line).map(|_| line);
            let end = !matches!(&r, Ok(l) if !l.is_empty());
            if tx.send(r).is_err() || end {
                return;
            }
        });
        let mut w = Worker {
            label: label.to_string(),
            child,
            stdin,
            replies,
        };
        match w.call(&Request::Hello {
            version: PROTOCOL_VERSION,
        }) {
            Ok(Reply::Ready { version, .. }) if version == PROTOCOL_VERSION => Ok(w),
            Ok(Reply::Ready { version, .. }) => Err(format!(
                "{label} speaks worker protocol {version}, this build {PROTOCOL_VERSION}"
            )),
            _ => Err(format!(
                "{label} ({}) has no usable `worker` command: it predates `ab`",
                bin.display()
            )),
        }
    }

    fn call(&mut self, req: &Request) -> Result<Reply, String> {
        let mut line = serde_json::to_string(req).map_err(|e| e.to_string())?;
        line.push('\n');
        self.stdin
            .write_all(line.as_bytes())
            .and_then(|()| self.stdin.flush())
            .map_err(|e| format!("{}: worker gone ({e})", self.label))?;
        let answer = match self.replies.recv_timeout(REPLY_DEADLINE) {
            Ok(Ok(line)) if !line.is_empty() => line,
            Ok(Ok(_)) | Err(RecvTimeoutError::Disconnected) => {
                return Err(format!("{}: the worker exited", self.label))
            }
            Ok(Err(e)) => return Err(format!("{}: worker gone ({e})", self.label)),
            Err(RecvTimeoutError::Timeout) => {
                let _ = self.child.kill();
                return Err(format!(
                    "{}: no reply in {} s to {}; worker stopped",
                    self.label,
                    REPLY_DEADLINE.as_secs(),
                    line.trim_end()
                ));
            }
        };
        match parse_reply(&answer) {
            Ok(Reply::Error { message }) => Err(format!("{}: {message}", self.label)),
            Ok(r) => Ok(r),
            Err(e) => Err(format!("{}: unreadable reply ({e})", self.label)),
        }
    }
}

/// A worker's reply. Workers of builds before the blocks ran on fresh processes send each
/// row's ratio to its group's reference, whose interval over a block of few rounds can be
/// infinite and arrives as `null`; `ab` never reads that ratio, so it is dropped rather than
/// refused.
fn parse_reply(line: &str) -> serde_json::Result<Reply> {
    serde_json::from_str(line).or_else(|e| {
        let mut v: serde_json::Value = serde_json::from_str(line)?;
        let Some(rows) = v.pointer_mut("/rows/rows").and_then(|r| r.as_array_mut()) else {
            return Err(e);
        };
        for row in rows {
            if let Some(extra) = row.get_mut("extra").and_then(|x| x.as_object_mut()) {
                extra.remove("ratio");
            }
        }
        serde_json::from_value(v)
    })
}

impl Drop for Worker {
    /// Asks the worker to quit; one that does not (it was left inside a group by an error
    /// of the driver's) is killed rather than waited on forever.
    fn drop(&mut self) {
        let _ = self.call(&Request::Quit);
        for _ in 0..100 {
            if !matches!(self.child.try_wait(), Ok(None)) {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The two builds, as binaries, and how to start a fresh worker of each.
pub(super) struct Builds {
    pub base: PathBuf,
    pub head: PathBuf,
    pub base_label: String,
    pub head_label: String,
}

impl Builds {
    /// A fresh worker of each build, BASE first.
    pub(super) fn spawn(&self) -> Result<(Worker, Worker), String> {
        Ok((
            Worker::spawn(&self.base, &self.base_label)?,
            Worker::spawn(&self.head, &self.head_label)?,
        ))
    }
}

pub(super) fn built(
    w: &mut Worker,
    g: &GroupSpec,
    plan: &Plan,
) -> Result<(Vec<String>, f64), String> {
    match w.call(&Request::Build {
        spec: g.clone(),
        plan: *plan,
    })? {
        Reply::Built {
            members,
            round_cost_secs,
        } => Ok((members, round_cost_secs)),
        other => Err(format!("{}: expected `built`, got {other:?}", w.label)),
    }
}

pub(super) fn sample(w: &mut Worker, member: usize) -> Result<Option<f64>, String> {
    match w.call(&Request::Sample { member })? {
        Reply::Sampled { value } => Ok(value),
        other => Err(format!("{}: expected a sample, got {other:?}", w.label)),
    }
}

pub(super) fn end_round(w: &mut Worker) -> Result<(), String> {
    match w.call(&Request::EndRound)? {
        Reply::Ok => Ok(()),
        other => Err(format!("{}: expected ok, got {other:?}", w.label)),
    }
}

pub(super) fn finish(w: &mut Worker) -> Result<Vec<Row>, String> {
    match w.call(&Request::Finish)? {
        Reply::Rows { rows } => Ok(rows),
        other => Err(format!("{}: expected rows, got {other:?}", w.label)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row as a worker sends it, with `ratio_high` as its ratio's upper end.
    fn rows_reply(ratio_high: &str) -> String {
        format!(
            r#"{{"rows": {{"rows": [{{"suite": "ops", "map": "gomap/generic", "op": "get_hit",
            "size": 1024, "threads": 1, "dist": "-", "isa": "sse2", "unit": "ns/op",
            "direction": "lower_is_better", "samples": [10.0], "median": 10.0, "min": 10.0,
            "max": 10.0, "valid": true, "noisy": false, "extra": {{"ratio": {{"to": "hashbrown",
            "median": 1.1, "ci95_low": 0.0, "ci95_high": {ratio_high}, "n": 2}}}}}}]}}}}"#
        )
    }

    #[test]
    fn an_older_workers_infinite_ratio_is_dropped_not_refused() {
        let Reply::Rows { rows } = parse_reply(&rows_reply("1.2")).unwrap() else {
            panic!("not rows")
        };
        assert!(rows[0].extra.ratio.is_some());
        // JSON has no infinity: serde_json writes it as null.
        let Reply::Rows { rows } = parse_reply(&rows_reply("null")).unwrap() else {
            panic!("not rows")
        };
        assert!(rows[0].extra.ratio.is_none());
        assert_eq!(rows[0].median, 10.0);
        // Anything else malformed is still an error.
        assert!(
            parse_reply(&rows_reply("null").replace("\"median\": 10.0", "\"median\": \"x\""))
                .is_err()
        );
        assert!(parse_reply("{\"sampled\": {\"value\": \"fast\"}}").is_err());
    }
}
