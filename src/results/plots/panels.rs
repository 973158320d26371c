//! Which series share a panel: at most [`MAX_SERIES`] of them, so that every one has a
//! look of its own and the legend stays short.
//!
//! One rule for every chart, applied to the rows of one bench (one machine and day: rows of
//! two never reach here together, see `sources` and `super::by_bench`): rows are grouped by
//! the file they came from (the Go anchor's maps apart from the Rust run's) and by the part
//! their map plays (the project's own maps, with the reference and the harness; then the
//! other maps), and a group with more series than a panel holds is cut into consecutive
//! parts. Charts that
//! draw absolute figures repeat the reference in every group, so that each panel can be
//! read against it; ratio charts draw it as their line at 1 instead.

use super::sources::Sources;
use crate::contenders::registry;
use crate::results::schema::Row;
use crate::vocabulary::Role;
use std::cmp::Reverse;
use std::collections::BTreeMap;

pub(crate) use super::style::MAX_SERIES;

/// The rows of one group of panels and what to call it.
pub(super) struct Group<'a> {
    pub title: String,
    pub rows: Vec<&'a Row>,
}

/// The part `r`'s map plays: its recorded role, else the registry's, else another map
/// (the Go anchor's maps, which no registry knows).
pub fn role(r: &Row) -> Role {
    if let Some(role) = r.extra.role {
        return role;
    }
    registry::role_of_map(&r.id.map).unwrap_or(Role::Other)
}

/// Whether the reference joins every group (absolute charts) or none (ratio charts).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Reference {
    InEveryGroup,
    Omitted,
}

/// The distinct labels of `rows`, in first-seen order.
fn labels_of(rows: &[&Row], label: &dyn Fn(&Row) -> String) -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    for r in rows {
        let l = label(r);
        if !v.contains(&l) {
            v.push(l);
        }
    }
    v
}

/// Splits `rows` into groups of at most [`MAX_SERIES`] series (a series is the rows that
/// share a `label`): a file's maps stay together when they fit in one panel; otherwise
/// ours (with the reference and the harness) come first, then the others (with the
/// reference again when asked), each cut into as few, evenly sized parts as fit.
pub(super) fn split<'a>(
    rows: &[&'a Row],
    label: &dyn Fn(&Row) -> String,
    sources: &Sources,
    reference: Reference,
) -> Vec<Group<'a>> {
    let mut kept: Vec<&Row> = rows
        .iter()
        .copied()
        .filter(|r| reference == Reference::InEveryGroup || role(r) != Role::Reference)
        .collect();
    // The reference first, so that it heads every legend.
    kept.sort_by_key(|r| role(r) != Role::Reference);
    // Among files, the last (the one whose rows win) first.
    let mut by_source: BTreeMap<Reverse<usize>, Vec<&Row>> = BTreeMap::new();
    for r in &kept {
        by_source
            .entry(Reverse(sources.index(r)))
            .or_default()
            .push(r);
    }
    let mixed = sources.mixed(rows);
    let mut out = Vec::new();
    for (Reverse(src), members) in by_source {
        let of_file = |name: &str| {
            if mixed {
                format!("{name} ({})", sources.label(src))
            } else {
                name.to_string()
            }
        };
        if labels_of(&members, label).len() <= MAX_SERIES {
            out.push(Group {
                title: of_file("maps"),
                rows: members,
            });
            continue;
        }
        let (others, ours): (Vec<&Row>, Vec<&Row>) =
            members.iter().partition(|r| role(r) == Role::Other);
        let refs: Vec<&Row> = ours
            .iter()
            .copied()
            .filter(|r| role(r) == Role::Reference)
            .collect();
        let with = |name: &str, rs: &[&Row]| match rs.iter().find(|r| role(r) == Role::Reference) {
            Some(r) => of_file(&format!("{name}, with {}", label(r))),
            None => of_file(name),
        };
        out.extend(parts(with("our maps", &ours), &ours, &[], label));
        let mut others_with_ref = others.clone();
        others_with_ref.extend(refs.iter().copied());
        out.extend(parts(
            with("other maps", &others_with_ref),
            &others,
            &refs,
            label,
        ));
    }
    out
}

/// `rows` cut into as few evenly sized parts of at most [`MAX_SERIES`] series as fit, each
/// with the `always` rows added.
fn parts<'a>(
    name: String,
    rows: &[&'a Row],
    always: &[&'a Row],
    label: &dyn Fn(&Row) -> String,
) -> Vec<Group<'a>> {
    let labels = labels_of(rows, label);
    if labels.is_empty() {
        return Vec::new();
    }
    let room = MAX_SERIES
        .saturating_sub(labels_of(always, label).len())
        .max(1);
    let n = labels.len().div_ceil(room);
    let per = labels.len().div_ceil(n);
    let chunks: Vec<&[String]> = labels.chunks(per).collect();
    chunks
        .iter()
        .enumerate()
        .map(|(k, part)| {
            let title = if chunks.len() > 1 {
                format!("{name}, {} of {}", k + 1, chunks.len())
            } else {
                name.clone()
            };
            let mut members: Vec<&Row> = always.to_vec();
            members.extend(rows.iter().copied().filter(|r| part.contains(&label(r))));
            Group {
                title,
                rows: members,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::results::schema::{Results, RunInfo, Unit};
    use crate::vocabulary::Identity;
    use crate::vocabulary::Suite;
    use crate::vocabulary::Workload;

    fn row(map: &str, role: Role) -> Row {
        let mut r = Row::new(
            Identity::new(Suite::Contention, map, Workload::ReadHeavy),
            Unit::MopsPerSec,
            vec![1.0],
        );
        r.extra.role = Some(role);
        r
    }

    #[test]
    fn a_panel_never_holds_more_than_eight_series() {
        let mut rows = vec![row("ref", Role::Reference), row("null", Role::HarnessOnly)];
        rows.extend((0..4).map(|i| row(&format!("ours{i}"), Role::Ours)));
        rows.extend((0..13).map(|i| row(&format!("other{i}"), Role::Other)));
        let sources = Sources::new(&[Results::new(RunInfo::default(), rows.clone())], &[]);
        let refs: Vec<&Row> = rows.iter().collect();
        let label = |r: &Row| r.id.map.clone();
        let groups = split(&refs, &label, &sources, Reference::InEveryGroup);
        // ours + ref + null; then 13 others in two parts of 7 and 6, each with the ref.
        let sizes: Vec<usize> = groups.iter().map(|g| g.rows.len()).collect();
        assert_eq!(sizes, vec![6, 8, 7]);
        assert_eq!(groups[1].rows[0].id.map, "ref", "the reference comes first");
        assert!(groups[2].title.contains("2 of 2"), "{}", groups[2].title);
        let omitted = split(&refs, &label, &sources, Reference::Omitted);
        assert!(omitted
            .iter()
            .flat_map(|g| &g.rows)
            .all(|r| r.id.map != "ref"));
        // Few enough maps share one panel.
        let few: Vec<&Row> = refs[..6].to_vec();
        assert_eq!(
            split(&few, &label, &sources, Reference::InEveryGroup).len(),
            1
        );
    }
}
