//! Run-to-run calibration: how far this machine moves a ratio between two runs of one
//! build, measured when a baseline is made, so that `compare` can tell a change from the
//! machine.
//!
//! Why it is needed: a ratio measured in interleaved rounds cancels the drift *within* a
//! run, and its interval is tight, yet two runs of one build minutes apart disagree by more
//! than those intervals. Measured on the project's 2-core VM (the main job twice, one build):
//! GoMap generic ÷ hashbrown, insert_presized 2^10, 1.198 [1.129, 1.255] then
//! 1.460 [1.442, 1.484]; remove 2^10 2.725 [2.624, 2.834] then 3.066 [2.824, 3.198]. The VM
//! alternates between a fast and a slow regime that lasts minutes, and the slow one does not
//! slow every map alike (a store-heavy insert suffers more than hashbrown's). Within one
//! regime the ratios agree; across regimes they do not, and no interval of one run can see
//! that.
//!
//! So `run --update-baseline` (and `--update-reference`) measures the main job several
//! times (`--calibration-passes`, default 2) and records, in each of our rows' ratio, the
//! largest change of ln(ratio) seen between any two passes — pooled over the row's *class*
//! (suite, op, size, threads, distribution: the GoMap variants of one question, which the
//! regimes move together), since one row's own pair of values is a sample of one. `compare`
//! counts that spread as noise. A calibration that saw only one regime is too tight; a
//! baseline made with more passes, minutes apart, sees more of the machine.

use super::schema::{Results, Row};
use crate::vocabulary::Identity;
use std::collections::HashMap;

/// The class of a row: its identity without the map and the ISA (the rows a regime moves
/// together, whose run-to-run spread is pooled; `results::generated` summarizes by it).
pub fn class(id: &Identity) -> Identity {
    let mut c = id.clone();
    c.map = String::new();
    c.isa = None;
    c
}

/// The last pass, with every ratio of a row that every pass measured validly given its
/// class's run-to-run spread (ln space). Rows without a ratio are left as they are.
pub fn calibrate(passes: &[Results]) -> Option<Results> {
    let last = passes.last()?;
    if passes.len() < 2 {
        return Some(last.clone());
    }
    let ratio_of = |r: &Row| {
        r.extra
            .ratio
            .as_ref()
            .filter(|q| r.valid && q.median > 0.0)
            .map(|q| q.median)
    };
    let by_id: Vec<HashMap<&Identity, f64>> = passes
        .iter()
        .map(|p| {
            p.rows
                .iter()
                .filter_map(|r| ratio_of(r).map(|x| (&r.id, x)))
                .collect()
        })
        .collect();
    let mut spread: HashMap<Identity, f64> = HashMap::new();
    for row in &last.rows {
        let Some(values) = by_id
            .iter()
            .map(|m| m.get(&row.id).copied())
            .collect::<Option<Vec<f64>>>()
        else {
            continue;
        };
        let mut widest = 0.0f64;
        for (i, a) in values.iter().enumerate() {
            for b in &values[i + 1..] {
                widest = widest.max((a / b).ln().abs());
            }
        }
        let s = spread.entry(class(&row.id)).or_insert(0.0);
        *s = s.max(widest);
    }
    let mut out = last.clone();
    for row in &mut out.rows {
        let s = spread.get(&class(&row.id)).copied();
        if let (Some(q), Some(s)) = (row.extra.ratio.as_mut(), s) {
            q.run_to_run = Some(s);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::results::schema::{Ratio, Unit};
    use crate::vocabulary::Suite;

    fn pass(ratios: &[(&str, f64)]) -> Results {
        let rows = ratios
            .iter()
            .map(|&(map, x)| {
                let id = Identity::new(Suite::Ops, map, crate::vocabulary::Op::GetHit).size(1024);
                let mut r = Row::new(id, Unit::NsPerOp, vec![1.0]);
                r.extra.ratio = Some(Ratio {
                    to: "hashbrown".into(),
                    median: x,
                    ci95_low: x * 0.99,
                    ci95_high: x * 1.01,
                    n: 30,
                    halves: None,
                    blocks: None,
                    run_to_run: None,
                });
                r
            })
            .collect();
        Results::new(crate::results::schema::RunInfo::default(), rows)
    }

    #[test]
    fn the_widest_move_of_a_class_is_every_members_spread() {
        let a = pass(&[("gomap/generic", 1.2), ("gomap/fast64", 1.0)]);
        let b = pass(&[("gomap/generic", 1.5), ("gomap/fast64", 1.01)]);
        let c = calibrate(&[a, b]).unwrap();
        let want = (1.5f64 / 1.2).ln();
        for r in &c.rows {
            let got = r.extra.ratio.as_ref().unwrap().run_to_run.unwrap();
            assert!((got - want).abs() < 1e-12, "{}: {got}", r.id);
        }
        // The values are the last pass's.
        assert_eq!(c.rows[0].extra.ratio.as_ref().unwrap().median, 1.5);
    }

    #[test]
    fn one_pass_calibrates_nothing() {
        let c = calibrate(&[pass(&[("gomap/generic", 1.2)])]).unwrap();
        assert_eq!(c.rows[0].extra.ratio.as_ref().unwrap().run_to_run, None);
    }
}
