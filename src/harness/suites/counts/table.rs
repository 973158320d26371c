//! The grid as people read it: one table per op and size, each map's counts per op with,
//! beside each, its ratio to the reference (text, or markdown for the README).

use super::CountedCell;
use crate::results::format::{size, PerOpCount, SizeLabel, SizeStyle};
use crate::vocabulary::Op;
use std::fmt::Write as _;

/// The grid as text: one table per op and size, each map's counts per op and, beside each,
/// its ratio to `reference` (when the reference was counted).
pub fn render(cells: &[CountedCell], reference: &str, markdown: bool) -> String {
    let mut out = String::new();
    let mut groups: Vec<(Op, u32)> = cells.iter().map(|c| (c.op, c.size_log2)).collect();
    groups.dedup();
    if markdown {
        out.push_str(
            "| op | size | map | instructions | branches | mispredicted | L1 misses | LL misses |\n\
             |---|---|---|---|---|---|---|---|\n",
        );
    }
    for (op, s) in groups {
        let members: Vec<&CountedCell> = cells
            .iter()
            .filter(|c| c.op == op && c.size_log2 == s)
            .collect();
        let base = members
            .iter()
            .find(|c| c.map == reference)
            .map(|c| c.per_op);
        if !markdown {
            let _ = writeln!(out, "{} {} (per op; ×{reference})", op.name(), size_of(s));
            let _ = writeln!(
                out,
                "  {:<24} {:>16} {:>16} {:>16} {:>16} {:>16}",
                "map", "instructions", "branches", "mispredicted", "L1 misses", "LL misses"
            );
        }
        for c in members {
            let p = c.per_op;
            let cell = |x: f64, base: Option<f64>| PerOpCount { x, base };
            let cols = [
                cell(p.instructions, base.map(|b| b.instructions)),
                cell(p.branches, base.map(|b| b.branches)),
                cell(p.mispredicts, base.map(|b| b.mispredicts)),
                cell(p.l1_misses, base.map(|b| b.l1_misses)),
                cell(p.ll_misses, base.map(|b| b.ll_misses)),
            ];
            if markdown {
                let _ = write!(out, "| {} | {} | {} |", op.name(), size_of(s), c.map);
                for col in cols {
                    let _ = write!(out, " {col} |");
                }
                out.push('\n');
            } else {
                let _ = write!(out, "  {:<24}", c.map);
                for col in cols {
                    let _ = write!(out, " {:>16}", col.to_string());
                }
                out.push('\n');
            }
        }
    }
    out
}

/// A size given by its log, as every table writes one (`2^16`).
pub(super) fn size_of(log2: u32) -> SizeLabel {
    size(1 << log2, SizeStyle::Power)
}

#[cfg(test)]
mod tests {
    use super::super::PerOp;
    use super::*;

    #[test]
    fn render_puts_the_ratio_beside_each_count() {
        let per_op = |x: f64| PerOp {
            instructions: x,
            branches: x,
            mispredicts: x,
            l1_misses: x,
            ll_misses: 0.0,
        };
        let cells = [
            CountedCell {
                map: "hashbrown",
                op: Op::Remove,
                size_log2: 10,
                per_op: per_op(20.0),
            },
            CountedCell {
                map: "gomap/generic",
                op: Op::Remove,
                size_log2: 10,
                per_op: per_op(50.0),
            },
        ];
        let text = render(&cells, "hashbrown", false);
        assert!(text.contains("remove 2^10"), "{text}");
        assert!(text.contains("50.0 2.50×"), "{text}");
        let md = render(&cells, "hashbrown", true);
        assert!(
            md.contains("| remove | 2^10 | gomap/generic | 50.0 2.50× |"),
            "{md}"
        );
    }
}
