//! Progress of a long run: an indicatif bar when stderr is a terminal, plain lines otherwise
//! (logs, CI, pipes), so that a redirected run still says what it is doing.
//!
//! How much a suite says is its [`Detail`]: every group's lines (the suite commands, where
//! those lines are the answer being waited for), or one bar and then one short line per
//! suite (the main job, whose answer is the findings after it: a line per group of every
//! process would bury them), or nothing.

use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::time::Instant;

/// How much a suite says on stderr while it runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    /// Nothing (tests, library use).
    Quiet,
    /// A bar while it runs (on a terminal), then one line ([`summary_line`]), terminal or
    /// not.
    Summary,
    /// Every group's lines as it ends, under a bar on a terminal.
    Lines,
}

pub struct Progress {
    bar: Option<ProgressBar>,
    total: u64,
    done: u64,
    detail: Detail,
    label: &'static str,
    /// Groups to measure, and those finished so far ([`Progress::finish`]).
    groups: u64,
    finished: u64,
    started: Instant,
}

impl Progress {
    /// A bar over the `visits` left to make (a group is visited once a block; a resumed run
    /// has fewer) of the `groups` groups of the suite `label` left to finish.
    pub fn new(label: &'static str, groups: u64, visits: u64, detail: Detail) -> Self {
        let total = visits;
        let bar = (detail != Detail::Quiet && std::io::stderr().is_terminal()).then(|| {
            let template = match detail {
                // Visits, not groups, fill it (a group is visited once a block): a percentage.
                Detail::Summary => "{prefix} {bar:30} {percent:>3}% {elapsed_precise}",
                _ => "{bar:30} {pos}/{len} {elapsed_precise} {msg}",
            };
            let b = ProgressBar::new(total);
            b.set_style(ProgressStyle::with_template(template).expect("valid template"));
            b.set_prefix(label);
            b
        });
        Progress {
            bar,
            total,
            done: 0,
            detail,
            label,
            groups,
            finished: 0,
            started: Instant::now(),
        }
    }

    /// A cell starts.
    pub fn start(&self, label: &str) {
        if let Some(b) = &self.bar {
            b.set_message(label.to_string());
        }
    }

    /// A group ended; `line` is its result (said only with [`Detail::Lines`]).
    pub fn finish(&mut self, line: &str) {
        self.done += 1;
        self.finished += 1;
        match (&self.bar, self.detail) {
            (Some(b), Detail::Lines) => {
                b.println(line);
                b.inc(1);
            }
            (Some(b), _) => b.inc(1),
            (None, Detail::Lines) => eprintln!("[{}/{}] {line}", self.done, self.total),
            (None, _) => {}
        }
    }

    /// A visit of a group ended that gives no line yet (the group's rounds go on in a
    /// later sweep).
    pub fn tick(&mut self) {
        self.done += 1;
        if let Some(b) = &self.bar {
            b.inc(1);
        }
    }

    /// A note outside the group count (a skipped cell, pinning unavailable, …), said only
    /// with [`Detail::Lines`].
    pub fn note(&self, line: &str) {
        match (&self.bar, self.detail) {
            (Some(b), Detail::Lines) => b.println(line),
            (None, Detail::Lines) => eprintln!("{line}"),
            _ => {}
        }
    }

    pub fn close(self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
        if self.detail == Detail::Summary {
            let secs = self.started.elapsed().as_secs_f64();
            eprintln!(
                "{}",
                summary_line(self.label, self.finished, self.groups, secs)
            );
        }
    }
}

/// The line a suite ends with under [`Detail::Summary`]: `contention: 40 groups in 23 s`,
/// or `contention: 12 of 40 groups in 8 s` when it was stopped early.
pub fn summary_line(label: &str, finished: u64, groups: u64, secs: f64) -> String {
    let count = if finished == groups {
        format!("{groups} groups")
    } else {
        format!("{finished} of {groups} groups")
    };
    format!("{label}: {count} in {secs:.0} s")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_suite_ends_in_one_short_line() {
        let l = summary_line("single thread (locate, probe, ops)", 27, 27, 14.4);
        assert_eq!(l, "single thread (locate, probe, ops): 27 groups in 14 s");
        assert_eq!(
            summary_line("contention", 12, 40, 8.0),
            "contention: 12 of 40 groups in 8 s"
        );
    }
}
