//! A stand-in for `results::headline` (being written on main) with its exact public shape,
//! so that the report can be built and looked at before it lands; removed when it does.
//!
//! What it answers is deliberately small: one question, each of our single-thread maps ÷
//! the reference by op and size, from the rows' own paired ratios.
#![allow(dead_code)] // the real module's whole API, some of it unused by the report

use crate::results::analysis::Interval;
use crate::results::format::{map_label, size, Estimate, SizeStyle};
use crate::results::schema::{latest_rows, Results};
use crate::vocabulary::Suite;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Better,
    Worse,
    Same,
    Unjudged,
}

impl Mark {
    pub fn word(self) -> &'static str {
        match self {
            Mark::Better => "faster",
            Mark::Worse => "slower",
            Mark::Same => "same",
            Mark::Unjudged => "",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Figure {
    Ratio(Interval),
    Difference(Interval),
    Quotient(f64),
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cell {
    pub figure: Figure,
    pub mark: Mark,
}

impl fmt::Display for Cell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.figure {
            Figure::Ratio(i) => write!(f, "{:.2}", Estimate::of(&i).mark("×")),
            Figure::Difference(i) => write!(f, "{:+.2}", Estimate::of(&i).mark(" ns")),
            Figure::Quotient(q) => write!(f, "~{q:.1}×"),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct AnswerRow {
    pub label: String,
    pub cells: Vec<Option<Cell>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    pub key: &'static str,
    pub question: String,
    pub reading: String,
    pub columns: Vec<String>,
    pub rows: Vec<AnswerRow>,
    pub source: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Headline {
    pub answers: Vec<Answer>,
    pub notes: Vec<String>,
}

pub fn headline(docs: &[Results]) -> Headline {
    let rows = latest_rows(docs);
    let ops: Vec<_> = rows
        .iter()
        .filter(|r| r.id.suite == Suite::Ops && r.valid && r.extra.ratio.is_some())
        .collect();
    let mut sizes: Vec<u64> = ops.iter().map(|r| r.id.size).collect();
    sizes.sort_unstable();
    sizes.dedup();
    let mut labels: Vec<String> = Vec::new();
    for r in &ops {
        let l = format!("{} {}", map_label(&r.id), r.id.op);
        if !labels.contains(&l) {
            labels.push(l);
        }
    }
    let answer_rows = labels
        .iter()
        .map(|l| AnswerRow {
            label: l.clone(),
            cells: sizes
                .iter()
                .map(|&n| {
                    let r = ops.iter().find(|r| {
                        r.id.size == n && format!("{} {}", map_label(&r.id), r.id.op) == *l
                    })?;
                    let i = r.extra.ratio.as_ref()?.interval();
                    let mark = if i.ci95_high < 1.0 {
                        Mark::Better
                    } else if i.ci95_low > 1.0 {
                        Mark::Worse
                    } else {
                        Mark::Same
                    };
                    Some(Cell {
                        figure: Figure::Ratio(i),
                        mark,
                    })
                })
                .collect(),
        })
        .collect();
    let mut answers = Vec::new();
    if !labels.is_empty() {
        answers.push(Answer {
            key: "single-thread",
            question: "Is GoMap faster than hashbrown on one thread?".into(),
            reading: "Each cell: the map's ns/op ÷ hashbrown's, paired round by round; below 1 is faster.".into(),
            columns: sizes
                .iter()
                .map(|&n| format!("n={}", size(n, SizeStyle::Power)))
                .collect(),
            rows: answer_rows,
            source: docs
                .last()
                .map(|d| crate::results::plots::sources::run_line(&d.run))
                .unwrap_or_default(),
        });
    }
    Headline {
        answers,
        notes: vec!["(stub) the Go anchor is not compared: it ran on another machine.".into()],
    }
}

pub fn markdown(a: &Answer) -> String {
    a.question.clone()
}
