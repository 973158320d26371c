//! Results: the versioned JSON every measuring command writes, and everything that reads it.
//!
//! Results are data: a run writes one [`schema::Results`] document, and the comparison with
//! the baseline and the plots are pure functions of such documents, so they can be redone
//! long after the run (and on another machine) from the files alone.
//!
//! * [`analysis`]: medians, paired ratios and their intervals, pooled ratios, the verdict
//!   rule: every figure a verdict rests on, computed once (the bottom of `results`).
//! * [`schema`]: the format (version 1) and a row's identity.
//! * [`io`]: atomic writes, strict reads, the baseline guard.
//! * [`runinfo`]: the facts of this run and machine (git, rustc, CPU, THP, ISA, …).
//! * [`collect`]: criterion's output → rows.
//! * [`merge`]: several runs of one machine → one document.
//! * [`findings`]: the headline tables a run prints.
//! * [`format`](mod@format): a figure written for people, once: an estimate with its interval, a size,
//!   a number, a map with its ISA.
//! * [`pool`]: several processes' shares of one run → one document, processes as blocks.
//! * [`calibrate`]: how far the machine moves a ratio between runs, recorded in a baseline.
//! * [`compare`]: baseline vs current → a verdict per row; [`report`] renders it.
//! * [`plots`]: SVG charts, rendered without any system font.
//! * [`html`]: the one-page HTML report: the headline answers, a comparison's verdicts, the
//!   charts; the evidence (ratios, findings, failures, run facts) folded.
//! * [`error`]: the one-line error all of the above return.

pub mod analysis;
pub mod calibrate;
pub mod collect;
pub mod compare;
pub mod counted;
pub mod error;
pub mod findings;
pub mod format;
pub mod generated;
pub mod headline;
pub mod html;
pub mod io;
pub mod merge;
pub mod plots;
pub mod pool;
pub mod report;
pub mod runinfo;
pub mod schema;

pub use error::ResultsError;
