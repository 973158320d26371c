//! How a series looks: a colour from a colour-blind-safe palette and a marker shape, both a
//! function of the map the series shows, so that a map looks the same in every panel of
//! every chart, and in the charts of every rendering (the README's pictures, drawn from
//! several files, agree with each other).
//!
//! The palette is Okabe & Ito's eight colours ("Color Universal Design"), chosen to stay
//! distinct under the common colour-vision deficiencies. Their yellow is too pale for a
//! line on white, so it is darkened to an ochre of the same hue. Black is kept for the
//! reference of a comparison (hashbrown, dashmap, Go's scalar probe loop, the from-B index):
//! a black circle is what the others are read against, in every chart. Colour alone is not
//! enough (printouts, screenshots, monochromacy), so every look also has a marker shape.
//!
//! **Slots.** The other seven colours and eight markers make 56 looks, numbered so that slot
//! `k = 7a + b` has colour `b` and marker `(a + b) mod 8`: every slot is a pair of its own,
//! and any seven consecutive slots have seven colours and seven markers. A map a registry
//! knows has a fixed slot, its place in the registry ([`registered`]), and maps that share
//! a panel sit near each other there, so their colours differ. Any other map (the Go
//! anchor's, a probe strategy, a user's row that no registry lists) gets a slot from a hash
//! of its name among the slots no registered map holds.
//!
//! **In one legend** ([`looks`]) a registered map keeps its slot whatever else is drawn (no
//! two of them share a look), and so does the reference; a hashed map whose colour is
//! already taken moves on to the next slot with a free colour. A panel never holds more than
//! [`MAX_SERIES`] series, so a free colour always exists, and since a hashed map is moved
//! only by the other maps of its legend (taken in the order of their names), the same set of
//! maps always gets the same looks.

use crate::contenders::{self, single};
use crate::vocabulary::{Isa, Role};
use plotters::prelude::*;

/// The most series one panel may hold: a colour for each, black included.
pub const MAX_SERIES: usize = 8;

/// The reference's colour.
const BLACK: RGBColor = RGBColor(0x00, 0x00, 0x00);

/// Okabe–Ito without black (yellow darkened, see above), in slot order.
const COLOURS: [RGBColor; 7] = [
    RGBColor(0xE6, 0x9F, 0x00), // orange
    RGBColor(0x56, 0xB4, 0xE9), // sky blue
    RGBColor(0x00, 0x9E, 0x73), // bluish green
    RGBColor(0x00, 0x72, 0xB2), // blue
    RGBColor(0xD5, 0x5E, 0x00), // vermillion
    RGBColor(0xCC, 0x79, 0xA7), // reddish purple
    RGBColor(0xB8, 0x9F, 0x00), // ochre (Okabe–Ito yellow, darkened)
];

/// A marker shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Marker {
    Circle,
    Square,
    TriangleUp,
    Diamond,
    TriangleDown,
    Pentagon,
    Star,
    Hexagon,
}

const MARKERS: [Marker; 8] = [
    Marker::Circle,
    Marker::Square,
    Marker::TriangleUp,
    Marker::Diamond,
    Marker::TriangleDown,
    Marker::Pentagon,
    Marker::Star,
    Marker::Hexagon,
];

/// Every coloured look: seven colours times eight markers.
const SLOTS: usize = COLOURS.len() * MARKERS.len();

/// Where the single-thread maps' slots begin: far enough from the concurrent maps' (slot 0
/// on) that a concurrent map added to the registry shifts no single-thread map's look, and
/// a multiple of seven, so that the first of them is orange like the first concurrent map.
const SINGLE_THREAD_FROM: usize = 28;

/// How a series looks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Look {
    pub color: RGBColor,
    pub marker: Marker,
}

/// The reference's look, in every chart.
const REFERENCE: Look = Look {
    color: BLACK,
    marker: Marker::Circle,
};

/// The look of slot `k` (see the file's opening).
fn slot_look(k: usize) -> Look {
    let k = k % SLOTS;
    let (a, b) = (k / COLOURS.len(), k % COLOURS.len());
    Look {
        color: COLOURS[b],
        marker: MARKERS[(a + b) % MARKERS.len()],
    }
}

/// What a series' look is a function of: its map, the ISA its rows ran with (the variants
/// of one map differ by it, and may share a panel), and whether it is the reference of
/// its comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Key {
    pub map: String,
    pub isa: Option<Isa>,
    pub reference: bool,
}

impl Key {
    /// `gomap/fast64 [avx2]`: what a hashed slot is drawn from.
    fn name(&self) -> String {
        match self.isa {
            Some(i) => format!("{} [{i}]", self.map),
            None => self.map.clone(),
        }
    }
}

/// The fixed slot of every map a registry knows, as (map, isa): the concurrent maps in the
/// registry's order from slot 0 (ours first there, then the others: the panels' order); the
/// single-thread ones from [`SINGLE_THREAD_FROM`], the maps of their own first (the ops
/// suite's default set, which shares a panel) and then their twins and variants, each in
/// its table's order. References are black and take no slot.
///
/// The single-thread table is the one this build declares, not the variants this CPU runs,
/// so a chart of a file looks the same whichever machine draws it.
fn registered() -> Vec<((String, Option<Isa>), usize)> {
    let concurrent = contenders::all()
        .filter(|d| d.role != Role::Reference)
        .map(|d| (d.name.to_string(), None));
    let entries = single::declared();
    let (own, kin): (Vec<&single::Entry>, Vec<&single::Entry>) = entries
        .iter()
        .filter(|e| e.role != Role::Reference)
        .partition(|e| e.kin == single::Kin::Own);
    let single_thread = own
        .into_iter()
        .chain(kin)
        .map(|e| (e.map.to_string(), Some(e.isa())));
    concurrent
        .enumerate()
        .chain(
            single_thread
                .enumerate()
                .map(|(i, k)| (SINGLE_THREAD_FROM + i, k)),
        )
        .map(|(slot, key)| (key, slot))
        .collect()
}

/// FNV-1a, 64 bits: a hash that stays the same from one Rust release to the next (the
/// standard library's does not promise to), so a hashed look does too.
fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The looks of one legend's series, in their order (see the file's opening).
pub(crate) fn looks(keys: &[Key]) -> Vec<Look> {
    let registered = registered();
    let fixed_slot = |k: &Key| {
        registered
            .iter()
            .find(|((map, isa), _)| *map == k.map && *isa == k.isa)
            .map(|(_, slot)| *slot)
    };
    let free: Vec<usize> = (0..SLOTS)
        .filter(|s| registered.iter().all(|(_, r)| r % SLOTS != *s))
        .collect();
    let mut out: Vec<Option<Look>> = vec![None; keys.len()];
    let mut taken: Vec<Look> = Vec::new();
    // The reference and the registered maps first: they never move (unless one is drawn
    // twice in a legend, as two series of one map).
    for (i, k) in keys.iter().enumerate() {
        let look = if k.reference {
            Some(REFERENCE)
        } else {
            fixed_slot(k).map(slot_look)
        };
        if let Some(l) = look.filter(|l| !taken.contains(l)) {
            taken.push(l);
            out[i] = Some(l);
        }
    }
    // Then the others, by name: from the slot their name hashes to, on to the first with a
    // colour (else at least a look) no series of the legend has yet.
    let mut rest: Vec<usize> = (0..keys.len()).filter(|&i| out[i].is_none()).collect();
    rest.sort_by_key(|&i| (keys[i].name(), i));
    for i in rest {
        let pool: &[usize] = if free.is_empty() { &[0] } else { &free };
        let start = (fnv1a(&keys[i].name()) % pool.len() as u64) as usize;
        let walk = || (0..pool.len()).map(|d| slot_look(pool[(start + d) % pool.len()]));
        let colour_free = |l: &Look| taken.iter().all(|t| t.color != l.color);
        let look = walk()
            .find(colour_free)
            .or_else(|| walk().find(|l| !taken.contains(l)))
            .unwrap_or_else(|| slot_look(pool[start]));
        taken.push(look);
        out[i] = Some(look);
    }
    out.into_iter().map(|l| l.unwrap_or(REFERENCE)).collect()
}

impl Marker {
    /// The outline around the marker's centre, in pixels (y grows downwards), for a marker
    /// of about `r` pixels radius. Every shape is a polygon, so that every one of them can
    /// be drawn filled or hollow alike.
    pub(crate) fn outline(self, r: f64) -> Vec<(i32, i32)> {
        // Regular polygons: `n` corners, the first at `start` radians (0 = up).
        let regular = |n: usize, start: f64, radius: f64| -> Vec<(f64, f64)> {
            (0..n)
                .map(|k| {
                    let a = start + std::f64::consts::TAU * k as f64 / n as f64;
                    (radius * a.sin(), -radius * a.cos())
                })
                .collect()
        };
        let pts = match self {
            Marker::Circle => regular(16, 0.0, r),
            Marker::Square => regular(4, std::f64::consts::FRAC_PI_4, r * 1.2),
            Marker::TriangleUp => regular(3, 0.0, r * 1.3),
            Marker::Diamond => regular(4, 0.0, r * 1.3),
            Marker::TriangleDown => regular(3, std::f64::consts::PI, r * 1.3),
            Marker::Pentagon => regular(5, 0.0, r * 1.15),
            Marker::Hexagon => regular(6, std::f64::consts::FRAC_PI_6, r * 1.1),
            Marker::Star => {
                let outer = regular(5, 0.0, r * 1.45);
                let inner = regular(5, std::f64::consts::PI / 5.0, r * 0.6);
                outer
                    .into_iter()
                    .zip(inner)
                    .flat_map(|(o, i)| [o, i])
                    .collect()
            }
        };
        pts.into_iter()
            .map(|(x, y)| (x.round() as i32, y.round() as i32))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(map: &str, isa: Option<Isa>) -> Key {
        Key {
            map: map.into(),
            isa,
            reference: false,
        }
    }

    fn reference(map: &str) -> Key {
        Key {
            reference: true,
            ..key(map, None)
        }
    }

    #[test]
    fn slots_are_distinct_pairs_and_seven_in_a_row_have_seven_colours() {
        for i in 0..SLOTS {
            for j in 0..i {
                assert_ne!(slot_look(i), slot_look(j), "slots {i} and {j}");
            }
            let colours: Vec<RGBColor> = (i..i + 7).map(|k| slot_look(k).color).collect();
            for (a, c) in colours.iter().enumerate() {
                assert!(!colours[..a].contains(c), "slots {i}..{}", i + 7);
            }
        }
    }

    #[test]
    fn a_map_looks_the_same_whatever_shares_its_panel() {
        let fast = key("gomap/fast64", Some(Isa::Scalar));
        let alone = looks(std::slice::from_ref(&fast));
        let among = looks(&[
            reference("hashbrown"),
            key("std", Some(Isa::Sse2)),
            key("go1.22 map", Some(Isa::Go)),
            fast.clone(),
        ]);
        assert_eq!(alone[0], among[3]);
        assert_eq!(among[0], REFERENCE, "the reference is black");
        // A hashed map keeps its look among the same maps, in any order.
        let a = looks(&[key("go1.22 map", Some(Isa::Go)), key("go1.19 map", None)]);
        let b = looks(&[key("go1.19 map", None), key("go1.22 map", Some(Isa::Go))]);
        assert_eq!((a[0], a[1]), (b[1], b[0]));
    }

    #[test]
    fn no_two_series_of_a_legend_look_alike() {
        // Eight maps no registry knows: seven colours, then a look of its own.
        let users: Vec<Key> = (0..8)
            .map(|i| key(&format!("user-map-{i}"), None))
            .collect();
        let l = looks(&users);
        for i in 0..8 {
            assert!(!l[..i].contains(&l[i]), "{:?}", users[i]);
        }
        let legends: Vec<Vec<Key>> = vec![
            users[..7].to_vec(),
            // The ops suite's default set, with the reference.
            vec![
                reference("hashbrown"),
                key("gomap/generic", Some(Isa::Sse2)),
                key("gomap/fast64", Some(Isa::Scalar)),
                key("gomap/fast64", Some(Isa::Sse2)),
                key("std", Some(Isa::Sse2)),
                key("go1.26 swiss map", Some(Isa::Go)),
                key("go1.25 noswiss map", Some(Isa::Go)),
            ],
            // One map twice (two series of it): they still differ.
            vec![key("dashmap", None), key("dashmap", None)],
        ];
        for keys in legends {
            let l = looks(&keys);
            for i in 0..l.len() {
                for j in 0..i {
                    assert_ne!(l[i], l[j], "{:?} and {:?}", keys[i], keys[j]);
                    assert_ne!(l[i].color, l[j].color, "{:?} and {:?}", keys[i], keys[j]);
                }
            }
        }
    }

    #[test]
    fn registered_maps_of_a_suite_have_looks_of_their_own() {
        let slots: Vec<usize> = registered().into_iter().map(|(_, s)| s).collect();
        for (i, s) in slots.iter().enumerate() {
            assert!(!slots[..i].contains(s), "slot {s} twice");
            assert!(*s < SLOTS, "slot {s} wraps");
        }
    }

    #[test]
    fn markers_are_closed_shapes_of_their_size() {
        for m in MARKERS {
            let o = m.outline(4.0);
            assert!(o.len() >= 3, "{m:?}");
            assert!(
                o.iter().all(|&(x, y)| x.abs() <= 6 && y.abs() <= 6),
                "{m:?}"
            );
        }
    }
}
