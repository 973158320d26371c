//! The three drawing primitives every chart is made of: lines with whiskers, a forest of
//! intervals, and a log-scale percentile chart. Charts decide *what* to draw; this file
//! alone knows plotters.
//!
//! Only plotters' core and SVG backend are used: text is laid out with its built-in size
//! estimate and written as `<text font-family="sans-serif">`, so no font file is ever read.

use plotters::coord::Shift;
use plotters::prelude::*;

const SIZE: (u32, u32) = (960, 600);
const FONT: &str = "sans-serif";
const FOOT_LINE: u32 = 16;

type DrawResult = Result<(), Box<dyn std::error::Error>>;

/// One point of a line, with the whisker it carries (`lo == hi`: none).
#[derive(Clone, Debug)]
pub(super) struct Point {
    pub x: f64,
    pub y: f64,
    pub lo: f64,
    pub hi: f64,
    /// Drawn hollow: the run was disturbed.
    pub noisy: bool,
}

#[derive(Clone, Debug)]
pub(super) struct Series {
    pub label: String,
    pub points: Vec<Point>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum XAxis {
    /// Integer ticks (threads).
    Linear,
    /// x is log2(size); ticks at powers of two, labelled 1K, 1M, ….
    Log2Size,
}

pub(super) struct LinePlot<'a> {
    pub title: &'a str,
    pub x_desc: &'a str,
    pub y_desc: &'a str,
    pub x_axis: XAxis,
    pub series: Vec<Series>,
    pub footnotes: Vec<String>,
}

/// One labelled value with its interval, for the forest chart.
#[derive(Clone, Debug)]
pub(super) struct Interval {
    pub label: String,
    pub value: f64,
    pub lo: f64,
    pub hi: f64,
    pub noisy: bool,
}

/// 1024 → `1K`, 3 << 20 → `3M`, 1000 → `1000`.
pub(super) fn human_size(n: u64) -> String {
    for (shift, suffix) in [(30, "G"), (20, "M"), (10, "K")] {
        if n >= 1 << shift && n.is_multiple_of(1 << shift) {
            return format!("{}{suffix}", n >> shift);
        }
    }
    n.to_string()
}

fn color(i: usize) -> RGBColor {
    let c = Palette99::pick(i).to_rgba();
    RGBColor(c.0, c.1, c.2)
}

/// Renders `f` into an SVG string.
fn svg_of(f: impl FnOnce(DrawingArea<SVGBackend, Shift>) -> DrawResult) -> Result<String, String> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        f(root).map_err(|e| e.to_string())?;
    }
    Ok(svg)
}

/// Splits off a footer for `notes` and draws them; returns the chart area.
fn with_footer<'a>(
    root: &DrawingArea<SVGBackend<'a>, Shift>,
    notes: &[String],
) -> Result<DrawingArea<SVGBackend<'a>, Shift>, Box<dyn std::error::Error>> {
    root.fill(&WHITE)?;
    if notes.is_empty() {
        return Ok(root.clone());
    }
    let h = FOOT_LINE * notes.len() as u32 + 8;
    let (chart, foot) = root.split_vertically(SIZE.1.saturating_sub(h));
    for (i, n) in notes.iter().enumerate() {
        let y = (FOOT_LINE as usize * i) as i32;
        foot.draw(&Text::new(n.clone(), (12, y), (FONT, 13).into_font()))?;
    }
    Ok(chart)
}

/// `[lo, hi]` widened by 5% each side (or ±1 when it is a point).
fn padded(lo: f64, hi: f64) -> (f64, f64) {
    let pad = if hi > lo {
        (hi - lo) * 0.05
    } else {
        lo.abs().max(1.0) * 0.05
    };
    (lo - pad, hi + pad)
}

/// Lines with whiskers: one per series.
pub(super) fn lines(p: &LinePlot) -> Result<String, String> {
    let pts = || p.series.iter().flat_map(|s| &s.points);
    let x0 = pts().map(|q| q.x).fold(f64::INFINITY, f64::min);
    let x1 = pts().map(|q| q.x).fold(f64::NEG_INFINITY, f64::max);
    let y1 = pts().map(|q| q.hi.max(q.y)).fold(0.0, f64::max);
    let (x0, x1) = if x0.is_finite() { (x0, x1) } else { (0.0, 1.0) };
    let xpad = ((x1 - x0) * 0.05).max(0.5);
    let (x0, x1) = (x0 - xpad, x1 + xpad);
    let y1 = if y1 > 0.0 { y1 * 1.1 } else { 1.0 };
    let log2 = p.x_axis == XAxis::Log2Size;
    svg_of(|root| {
        let area = with_footer(&root, &p.footnotes)?;
        let mut chart = ChartBuilder::on(&area)
            .caption(p.title, (FONT, 20))
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(70)
            .build_cartesian_2d(x0..x1, 0.0..y1)?;
        // Ticks only at integers: threads are whole, and log2 sizes label powers of two.
        let fmt = |x: &f64| {
            if (x - x.round()).abs() > 1e-6 {
                String::new()
            } else if log2 {
                human_size(2f64.powf(x.round()) as u64)
            } else {
                format!("{}", x.round())
            }
        };
        chart
            .configure_mesh()
            .x_desc(p.x_desc)
            .y_desc(p.y_desc)
            .x_labels(40)
            .x_label_formatter(&fmt)
            .label_style((FONT, 13))
            .draw()?;
        let cap = (x1 - x0) * 0.006;
        for (i, s) in p.series.iter().enumerate() {
            let c = color(i);
            let line: Vec<(f64, f64)> = s.points.iter().map(|q| (q.x, q.y)).collect();
            chart
                .draw_series(LineSeries::new(line, c.stroke_width(2)))?
                .label(s.label.clone())
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 20, y)], c.stroke_width(2))
                });
            chart.draw_series(s.points.iter().map(|q| {
                let style = if q.noisy {
                    c.stroke_width(1)
                } else {
                    c.filled()
                };
                Circle::new((q.x, q.y), 4, style)
            }))?;
            chart.draw_series(s.points.iter().filter(|q| q.hi > q.lo).flat_map(|q| {
                [
                    PathElement::new(vec![(q.x, q.lo), (q.x, q.hi)], c.stroke_width(1)),
                    PathElement::new(
                        vec![(q.x - cap, q.lo), (q.x + cap, q.lo)],
                        c.stroke_width(1),
                    ),
                    PathElement::new(
                        vec![(q.x - cap, q.hi), (q.x + cap, q.hi)],
                        c.stroke_width(1),
                    ),
                ]
            }))?;
        }
        chart
            .configure_series_labels()
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK)
            .label_font((FONT, 13))
            .position(SeriesLabelPosition::UpperRight)
            .draw()?;
        root.present()?;
        Ok(())
    })
}

/// A forest chart: one row per item (first at the top), a point at the value and a
/// horizontal whisker over its interval.
pub(super) fn intervals(
    title: &str,
    x_desc: &str,
    items: &[Interval],
    footnotes: &[String],
) -> Result<String, String> {
    let n = items.len();
    let lo = items
        .iter()
        .map(|i| i.lo.min(i.value))
        .fold(f64::INFINITY, f64::min);
    let hi = items
        .iter()
        .map(|i| i.hi.max(i.value))
        .fold(f64::NEG_INFINITY, f64::max);
    let (x0, x1) = if lo.is_finite() {
        padded(lo, hi)
    } else {
        (0.0, 1.0)
    };
    let longest = items
        .iter()
        .map(|i| i.label.chars().count())
        .max()
        .unwrap_or(4);
    let label_width = (longest as u32 * 7 + 24).min(420);
    let labels: Vec<String> = items.iter().map(|i| i.label.clone()).collect();
    svg_of(|root| {
        let area = with_footer(&root, footnotes)?;
        let mut chart = ChartBuilder::on(&area)
            .caption(title, (FONT, 20))
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(label_width)
            .build_cartesian_2d(x0..x1, -0.7..(n as f64 - 0.3))?;
        // Item k sits at y = n-1-k; only integer ticks carry a label.
        let fmt = |y: &f64| {
            let k = y.round();
            if (y - k).abs() > 1e-6 || k < 0.0 || k as usize >= n {
                return String::new();
            }
            labels[n - 1 - k as usize].clone()
        };
        chart
            .configure_mesh()
            .x_desc(x_desc)
            .y_labels(n + 2)
            .y_label_formatter(&fmt)
            .label_style((FONT, 13))
            .disable_y_mesh()
            .draw()?;
        for (k, it) in items.iter().enumerate() {
            let c = color(k);
            let y = (n - 1 - k) as f64;
            chart.draw_series([
                PathElement::new(vec![(it.lo, y), (it.hi, y)], c.stroke_width(2)),
                PathElement::new(
                    vec![(it.lo, y - 0.15), (it.lo, y + 0.15)],
                    c.stroke_width(2),
                ),
                PathElement::new(
                    vec![(it.hi, y - 0.15), (it.hi, y + 0.15)],
                    c.stroke_width(2),
                ),
            ])?;
            let style = if it.noisy {
                c.stroke_width(1)
            } else {
                c.filled()
            };
            chart.draw_series([Circle::new((it.value, y), 5, style)])?;
        }
        root.present()?;
        Ok(())
    })
}

/// Percentile chart: categories on x, log-scale values on y, one line per series.
pub(super) fn percentiles(
    title: &str,
    y_desc: &str,
    categories: &[&str],
    series: &[(String, Vec<(usize, f64)>)],
    footnotes: &[String],
) -> Result<String, String> {
    let vals = || series.iter().flat_map(|(_, v)| v.iter().map(|p| p.1));
    let lo = vals().fold(f64::INFINITY, f64::min);
    let hi = vals().fold(f64::NEG_INFINITY, f64::max);
    let (lo, hi) = if lo.is_finite() {
        (lo * 0.8, hi * 1.25)
    } else {
        (1.0, 10.0)
    };
    let hi = if hi > lo { hi } else { lo * 10.0 };
    let ncat = categories.len();
    svg_of(|root| {
        let area = with_footer(&root, footnotes)?;
        let mut chart = ChartBuilder::on(&area)
            .caption(title, (FONT, 20))
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(80)
            .build_cartesian_2d(-0.5..(ncat as f64 - 0.5), (lo..hi).log_scale())?;
        let fmt = |x: &f64| {
            let k = x.round();
            if (x - k).abs() > 1e-6 || k < 0.0 || k as usize >= ncat {
                return String::new();
            }
            categories[k as usize].to_string()
        };
        chart
            .configure_mesh()
            .y_desc(y_desc)
            .x_labels(ncat + 2)
            .x_label_formatter(&fmt)
            .label_style((FONT, 13))
            .draw()?;
        for (i, (label, pts)) in series.iter().enumerate() {
            let c = color(i);
            let line: Vec<(f64, f64)> = pts.iter().map(|&(k, v)| (k as f64, v)).collect();
            chart
                .draw_series(LineSeries::new(line.clone(), c.stroke_width(2)))?
                .label(label.clone())
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 20, y)], c.stroke_width(2))
                });
            chart.draw_series(line.into_iter().map(|p| Circle::new(p, 4, c.filled())))?;
        }
        chart
            .configure_series_labels()
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK)
            .label_font((FONT, 13))
            .position(SeriesLabelPosition::UpperLeft)
            .draw()?;
        root.present()?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_like_people_write_them() {
        assert_eq!(human_size(1024), "1K");
        assert_eq!(human_size(3 << 20), "3M");
        assert_eq!(human_size(1000), "1000");
        assert_eq!(human_size(0), "0");
    }
}
