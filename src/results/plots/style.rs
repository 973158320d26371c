//! How a series looks: a colour from a colour-blind-safe palette and a marker shape of its
//! own, so that no two series of a panel can be mistaken for each other, even in grey.
//!
//! The palette is Okabe & Ito's eight colours ("Color Universal Design"), chosen to stay
//! distinct under the common colour-vision deficiencies. Their yellow is too pale for a
//! line on white, so it is darkened to an ochre of the same hue; black comes first because
//! the first series of a panel is usually the one the others are read against. Colour alone
//! is not enough (printouts, screenshots, monochromacy), so each of the eight slots also
//! has its own marker shape. A panel never holds more than [`MAX_SERIES`] series, so a
//! style is never reused within one.

use plotters::prelude::*;

/// The most series one panel may hold: one per palette slot.
pub const MAX_SERIES: usize = 8;

/// Okabe–Ito, in slot order (yellow darkened, see above).
const PALETTE: [RGBColor; MAX_SERIES] = [
    RGBColor(0x00, 0x00, 0x00), // black
    RGBColor(0xE6, 0x9F, 0x00), // orange
    RGBColor(0x56, 0xB4, 0xE9), // sky blue
    RGBColor(0x00, 0x9E, 0x73), // bluish green
    RGBColor(0x00, 0x72, 0xB2), // blue
    RGBColor(0xD5, 0x5E, 0x00), // vermillion
    RGBColor(0xCC, 0x79, 0xA7), // reddish purple
    RGBColor(0xB8, 0x9F, 0x00), // ochre (Okabe–Ito yellow, darkened)
];

/// A marker shape; every slot of the palette has its own.
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

const MARKERS: [Marker; MAX_SERIES] = [
    Marker::Circle,
    Marker::Square,
    Marker::TriangleUp,
    Marker::Diamond,
    Marker::TriangleDown,
    Marker::Pentagon,
    Marker::Star,
    Marker::Hexagon,
];

/// The look of the series in slot `i` of a panel (`i < MAX_SERIES`; wraps beyond).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Look {
    pub color: RGBColor,
    pub marker: Marker,
}

pub(crate) fn look(i: usize) -> Look {
    Look {
        color: PALETTE[i % MAX_SERIES],
        marker: MARKERS[i % MAX_SERIES],
    }
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

    #[test]
    fn every_slot_of_a_panel_looks_different() {
        for i in 0..MAX_SERIES {
            for j in 0..i {
                assert_ne!(look(i).color, look(j).color, "colours {i} and {j}");
                assert_ne!(look(i).marker, look(j).marker, "markers {i} and {j}");
            }
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
