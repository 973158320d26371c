//! Progress of a long run: an indicatif bar when stderr is a terminal, plain lines otherwise
//! (logs, CI, pipes), so that a redirected run still says what it is doing.

use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;

pub struct Progress {
    bar: Option<ProgressBar>,
    total: u64,
    done: u64,
    quiet: bool,
}

impl Progress {
    /// A bar over `total` cells; `quiet` prints nothing at all (tests, library use).
    pub fn new(total: u64, quiet: bool) -> Self {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let b = ProgressBar::new(total);
            b.set_style(
                ProgressStyle::with_template("{bar:30} {pos}/{len} {elapsed_precise} {msg}")
                    .expect("valid template"),
            );
            b
        });
        Progress {
            bar,
            total,
            done: 0,
            quiet,
        }
    }

    /// A cell starts.
    pub fn start(&self, label: &str) {
        if let Some(b) = &self.bar {
            b.set_message(label.to_string());
        }
    }

    /// A cell ended; `line` is its one-line result.
    pub fn finish(&mut self, line: &str) {
        self.done += 1;
        match &self.bar {
            Some(b) => {
                b.println(line);
                b.inc(1);
            }
            None if !self.quiet => eprintln!("[{}/{}] {line}", self.done, self.total),
            None => {}
        }
    }

    /// A visit of a cell ended that gives no line yet (the cell's rounds go on in a later
    /// sweep).
    pub fn tick(&mut self) {
        self.done += 1;
        if let Some(b) = &self.bar {
            b.inc(1);
        }
    }

    /// A note outside the cell count (a skipped cell, pinning unavailable, …).
    pub fn note(&self, line: &str) {
        match &self.bar {
            Some(b) => b.println(line),
            None if !self.quiet => eprintln!("{line}"),
            None => {}
        }
    }

    pub fn close(self) {
        if let Some(b) = self.bar {
            b.finish_and_clear();
        }
    }
}
