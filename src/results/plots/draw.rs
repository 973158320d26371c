//! The one drawing every chart is made of: a *figure*, sections stacked top to bottom, each
//! a grid of panels that share their axes, each row of panels with its legend beside it.
//! Charts decide what to draw; this file and its axes ([`super::axes`]) alone know
//! plotters.
//!
//! A section is what one y axis may hold: the rows of one machine and day (a chart of
//! several files from several machines has a section per machine, titled by it), or one
//! quantity (the locate chart: the paired difference, then the times it is the difference
//! of). Sections are titled when there are several.
//!
//! Layout rules, each there because a reader stumbled without it:
//! * a legend sits in its own column right of its row of panels, never over data;
//! * every panel of a section has the same y range, so panels compare at a glance; two
//!   sections never share one, since what they hold does not compare;
//! * a series has the look (colour and marker, [`style`]) of its map, in every panel of
//!   every chart;
//! * categories (sizes, thread counts) are not joined by lines, and series within one
//!   category are set side by side, so that their interval bars do not hide each other;
//! * a log axis is drawn as a linear axis over log10 of the values, with ticks at 1-2-5
//!   steps labelled with the values themselves; percentiles go on a "nines" axis,
//!   x = −log10(1 − p), as HdrHistogram's plots do, so p99.9 is as far right of p99 as p99
//!   is of p90.
//!
//! Only plotters' core and SVG backend are used: text is laid out with its built-in size
//! estimate and written as `<text font-family="sans-serif">`, so no font file is ever read.

use super::axes::{duration, linear_ticks, log_ticks, nines, nines_label, tick, Ticked};
use super::style::{self, Key, Look, MAX_SERIES};
use plotters::coord::{CoordTranslate, Shift};
use plotters::prelude::*;

/// The width of a figure of up to three panels a row; wider figures get more.
const WIDTH: u32 = 1200;
/// The least width of one panel, so that a nines axis's labels do not collide (`99.99`
/// and `99.999`, one step apart, need about 45 px between them).
const MIN_PANEL_W: u32 = 320;
const FONT: &str = "sans-serif";
const TITLE_H: u32 = 44;
/// The band a section's title takes above its panels.
const HEADING_H: u32 = 30;
const ROW_H: u32 = 300;
const FOOT_LINE: u32 = 16;
/// Characters of footnote per line before it wraps (13 px text in a 1200 px figure).
const FOOT_CHARS: usize = 165;
/// Pixels per character of 13 px text, for sizing a legend column.
const CHAR_W: u32 = 7;

type DrawResult = Result<(), Box<dyn std::error::Error>>;

/// One point of a series, with the interval it carries (`lo == hi`: none).
#[derive(Clone, Debug)]
pub(super) struct Point {
    /// A number (threads), a category's index, or a percentile as a fraction (0.99).
    pub x: f64,
    pub y: f64,
    pub lo: f64,
    pub hi: f64,
    /// Drawn hollow: the cell was disturbed.
    pub noisy: bool,
}

#[derive(Clone, Debug)]
pub(super) struct Series {
    pub label: String,
    /// What its look is a function of (its map).
    pub key: Key,
    pub points: Vec<Point>,
}

/// What the x axis is.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum XAxis {
    /// Whole numbers (threads), points joined by lines.
    Linear,
    /// Named categories at 0, 1, 2, …: never joined, series side by side within each.
    Categories(Vec<String>),
    /// Percentiles (x is the fraction, e.g. 0.999) on the nines axis, points joined.
    Nines,
}

/// The axes every panel of a section shares.
#[derive(Clone, Debug)]
pub(super) struct Axes {
    pub x: XAxis,
    pub x_desc: String,
    pub y_log: bool,
    pub y_desc: String,
    /// Tick labels of y in nanoseconds, with their unit (`100 ns`, `1 µs`, `10 ms`).
    pub y_ns: bool,
    /// A horizontal line (e.g. ratio 1) and what it means, for the legend.
    pub reference: Option<(f64, String)>,
}

#[derive(Clone, Debug)]
pub(super) struct Panel {
    pub caption: String,
    pub series: Vec<Series>,
}

/// Panels side by side, with one legend for all of them: a series keeps its look across
/// the row.
#[derive(Clone, Debug)]
pub(super) struct PanelRow {
    pub legend_title: String,
    pub panels: Vec<Panel>,
}

impl PanelRow {
    /// `panels` in rows of `columns`, the legend titled `title` on the first row only.
    pub fn rows(title: &str, panels: &[Panel], columns: usize) -> Vec<PanelRow> {
        panels
            .chunks(columns)
            .enumerate()
            .map(|(k, chunk)| PanelRow {
                legend_title: if k == 0 {
                    title.to_string()
                } else {
                    String::new()
                },
                panels: chunk.to_vec(),
            })
            .collect()
    }

    /// The row's series in first-seen order, one per label: its legend.
    fn legend(&self) -> Vec<&Series> {
        let mut v: Vec<&Series> = Vec::new();
        for s in self.panels.iter().flat_map(|p| &p.series) {
            if !v.iter().any(|l| l.label == s.label) {
                v.push(s);
            }
        }
        v
    }

    /// The look of each label of the row's legend ([`style::looks`]).
    fn looks(&self) -> Vec<(String, Look)> {
        let legend = self.legend();
        let keys: Vec<Key> = legend.iter().map(|s| s.key.clone()).collect();
        legend
            .iter()
            .map(|s| s.label.clone())
            .zip(style::looks(&keys))
            .collect()
    }
}

/// Rows of panels on one set of axes, titled when the figure has several sections.
#[derive(Clone, Debug)]
pub(super) struct Section {
    pub heading: Option<String>,
    pub axes: Axes,
    pub rows: Vec<PanelRow>,
}

impl Section {
    fn height(&self) -> u32 {
        let heading = if self.heading.is_some() { HEADING_H } else { 0 };
        heading + ROW_H * self.rows.len().max(1) as u32
    }
}

#[derive(Clone, Debug)]
pub(super) struct Figure {
    pub title: String,
    pub sections: Vec<Section>,
    pub footnotes: Vec<String>,
}

impl Figure {
    /// Series per panel, section by section and row by row: what the `<desc>` of the SVG
    /// records.
    pub fn series_per_panel(&self) -> Vec<usize> {
        self.sections
            .iter()
            .flat_map(|s| &s.rows)
            .flat_map(|r| &r.panels)
            .map(|p| p.series.len())
            .collect()
    }

    fn rows(&self) -> impl Iterator<Item = &PanelRow> {
        self.sections.iter().flat_map(|s| &s.rows)
    }
}

/// Renders `f` into an SVG string of `size`.
fn svg_of(
    size: (u32, u32),
    f: impl FnOnce(DrawingArea<SVGBackend, Shift>) -> DrawResult,
) -> Result<String, String> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        f(root).map_err(|e| e.to_string())?;
    }
    Ok(svg)
}

/// `notes` broken into lines of at most [`FOOT_CHARS`] characters, at spaces.
fn wrap(notes: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for n in notes {
        let mut line = String::new();
        for word in n.split(' ') {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > FOOT_CHARS {
                out.push(std::mem::take(&mut line));
                line.push_str("    ");
            }
            if !line.is_empty() && !line.ends_with("    ") {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push(line);
    }
    out
}

fn footer_height(lines: usize) -> u32 {
    if lines == 0 {
        0
    } else {
        FOOT_LINE * lines as u32 + 12
    }
}

/// Draws the wrapped footnotes at the bottom of `root`; returns the area above them.
fn with_footer<'a>(
    root: &DrawingArea<SVGBackend<'a>, Shift>,
    lines: &[String],
) -> Result<DrawingArea<SVGBackend<'a>, Shift>, Box<dyn std::error::Error>> {
    root.fill(&WHITE)?;
    if lines.is_empty() {
        return Ok(root.clone());
    }
    let h = root.dim_in_pixel().1;
    let (chart, foot) = root.split_vertically(h.saturating_sub(footer_height(lines.len())));
    for (i, n) in lines.iter().enumerate() {
        let y = 4 + (FOOT_LINE as usize * i) as i32;
        foot.draw(&Text::new(n.clone(), (12, y), (FONT, 13).into_font()))?;
    }
    Ok(chart)
}

/// Draws a marker of `look` at `at` (in `area`'s coordinates): filled, or hollow (white
/// inside) for a noisy cell.
fn draw_marker<CT: CoordTranslate>(
    area: &DrawingArea<SVGBackend, CT>,
    at: CT::From,
    look: Look,
    hollow: bool,
    r: f64,
) -> DrawResult
where
    CT::From: Clone,
{
    let outline = look.marker.outline(r);
    let mut closed = outline.clone();
    closed.push(outline[0]);
    let fill = if hollow {
        WHITE.filled()
    } else {
        look.color.filled()
    };
    area.draw(
        &(EmptyElement::at(at)
            + Polygon::new(outline, fill)
            + PathElement::new(closed, look.color.stroke_width(if hollow { 2 } else { 1 }))),
    )?;
    Ok(())
}

type Plot<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<Ticked, Ticked>>;

/// The data ranges of a section in drawing coordinates (x after the nines transform, y after
/// log10 when the axis is log), padded, and their ticks.
struct Frame {
    x: (f64, f64),
    y: (f64, f64),
    x_ticks: Vec<f64>,
    y_ticks: Vec<f64>,
}

impl Frame {
    fn of(section: &Section) -> Frame {
        let pts = || {
            section
                .rows
                .iter()
                .flat_map(|r| &r.panels)
                .flat_map(|p| &p.series)
                .flat_map(|s| &s.points)
        };
        let a = &section.axes;
        let fy = |v: f64| if a.y_log { v.log10() } else { v };
        let ok = |v: &f64| v.is_finite() && (!a.y_log || *v > 0.0);
        let mut ys: Vec<f64> = pts()
            .flat_map(|p| [p.y, p.lo, p.hi])
            .filter(ok)
            .map(fy)
            .collect();
        if let Some((r, _)) = a.reference {
            ys.push(fy(r));
        }
        let y0 = ys.iter().copied().fold(f64::INFINITY, f64::min);
        let y1 = ys.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let (y0, y1) = if y0.is_finite() { (y0, y1) } else { (0.0, 1.0) };
        let (y0, y1) = if a.y_log {
            let pad = ((y1 - y0) * 0.08).max(0.05);
            (y0 - pad, y1 + pad)
        } else {
            // A linear axis of positive values starts at zero, so heights read true; one
            // that holds negative values (differences) is padded at both ends.
            let pad = (y1.max(0.0) - y0.min(0.0)) * 0.08;
            let lo = if y0 >= 0.0 { 0.0 } else { y0 - pad };
            let hi = if y1 > lo { y1 + pad } else { lo + 1.0 };
            (lo, hi)
        };
        let y_ticks = if a.y_log {
            let (lo, hi) = (10f64.powf(y0), 10f64.powf(y1));
            let mut t = log_ticks(lo, hi);
            // A range too narrow for even the finest log steps (30–50 ns) gets round
            // linear steps, drawn where they fall on the log axis.
            if t.len() < 3 {
                t = linear_ticks(lo, hi)
                    .into_iter()
                    .filter(|v| *v > 0.0)
                    .collect();
            }
            t.into_iter().map(f64::log10).collect()
        } else {
            linear_ticks(y0, y1)
        };
        let (x, x_ticks) = match &a.x {
            XAxis::Categories(c) => (
                (-0.5, c.len().max(1) as f64 - 0.5),
                (0..c.len()).map(|k| k as f64).collect(),
            ),
            XAxis::Linear => {
                let xs: Vec<f64> = pts().map(|p| p.x).collect();
                let x0 = xs.iter().copied().fold(f64::INFINITY, f64::min);
                let x1 = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                let (x0, x1) = if x0.is_finite() { (x0, x1) } else { (0.0, 1.0) };
                let ticks = (x0.ceil() as i64..=x1.floor() as i64)
                    .map(|v| v as f64)
                    .collect();
                ((x0 - 0.3, x1 + 0.3), ticks)
            }
            XAxis::Nines => {
                let x1 = pts()
                    .map(|p| nines(p.x))
                    .filter(|v| v.is_finite())
                    .fold(3.0, f64::max);
                // p50, then every nine from p99 (the data has no p90).
                let mut ticks = vec![nines(0.5)];
                ticks.extend((2..=x1.floor() as i32).map(f64::from));
                ((0.0, x1 + 0.25), ticks)
            }
        };
        Frame {
            x,
            y: (y0, y1),
            x_ticks,
            y_ticks,
        }
    }
}

/// The legend column's width for `fig`: one for every row, so that panels align.
fn legend_width(fig: &Figure) -> u32 {
    let longest = fig
        .rows()
        .flat_map(|r| r.legend().into_iter().map(|s| s.label.chars().count()))
        .chain(fig.rows().map(|r| r.legend_title.chars().count()))
        .chain(
            fig.sections
                .iter()
                .filter_map(|s| s.axes.reference.as_ref())
                .map(|(_, l)| l.chars().count()),
        )
        .max()
        .unwrap_or(8) as u32;
    (longest * CHAR_W + 56).clamp(150, 380)
}

/// Sections of grids of panels (see the file's opening).
pub(super) fn figure(fig: &Figure) -> Result<String, String> {
    debug_assert!(fig.rows().all(|r| r.legend().len() <= MAX_SERIES));
    let foot = wrap(&fig.footnotes);
    let body: u32 = fig.sections.iter().map(Section::height).sum();
    let height = TITLE_H + body.max(ROW_H) + footer_height(foot.len());
    let legend_w = legend_width(fig);
    // Every row has as many column slots as the widest, so panels align and keep one width.
    let columns = fig.rows().map(|r| r.panels.len()).max().unwrap_or(1).max(1);
    let width = WIDTH.max(legend_w + MIN_PANEL_W * columns as u32);
    svg_of((width, height), |root| {
        let area = with_footer(&root, &foot)?;
        let mut rest = area.titled(&fig.title, (FONT, 20))?;
        for section in &fig.sections {
            let (mut here, below) = rest.split_vertically(section.height());
            rest = below;
            if let Some(h) = &section.heading {
                let (band, panels) = here.split_vertically(HEADING_H);
                draw_heading(&band, h, width)?;
                here = panels;
            }
            let frame = Frame::of(section);
            let rows = here.split_evenly((section.rows.len().max(1), 1));
            for (row, row_area) in section.rows.iter().zip(&rows) {
                let (panels_area, legend_area) =
                    row_area.split_horizontally(width.saturating_sub(legend_w));
                let cols = panels_area.split_evenly((1, columns));
                let looks = row.looks();
                let look_of = |label: &str| {
                    looks
                        .iter()
                        .find(|(l, _)| l == label)
                        .map_or(looks[0].1, |(_, k)| *k)
                };
                for (panel, panel_area) in row.panels.iter().zip(&cols) {
                    draw_panel(panel_area, panel, &section.axes, &frame, &look_of)?;
                }
                draw_legend(&legend_area, row, &looks, &section.axes)?;
            }
        }
        root.present()?;
        Ok(())
    })
}

/// A section's title: bold, left, over a thin rule that spans the figure.
fn draw_heading(area: &DrawingArea<SVGBackend, Shift>, text: &str, width: u32) -> DrawResult {
    area.draw(&PathElement::new(
        vec![(8, 4), (width as i32 - 8, 4)],
        RGBColor(0x99, 0x99, 0x99).stroke_width(1),
    ))?;
    area.draw(&Text::new(
        text.to_string(),
        (12, 9),
        (FONT, 15).into_font().style(FontStyle::Bold),
    ))?;
    Ok(())
}

fn draw_panel(
    area: &DrawingArea<SVGBackend, Shift>,
    panel: &Panel,
    axes: &Axes,
    frame: &Frame,
    look_of: &dyn Fn(&str) -> Look,
) -> DrawResult {
    let mut chart: Plot = ChartBuilder::on(area)
        .caption(&panel.caption, (FONT, 15))
        .margin(8)
        .x_label_area_size(44)
        .y_label_area_size(64)
        .build_cartesian_2d(
            Ticked::new(frame.x, &frame.x_ticks),
            Ticked::new(frame.y, &frame.y_ticks),
        )?;
    let xfmt = |x: &f64| match &axes.x {
        XAxis::Categories(c) => c.get(x.round() as usize).cloned().unwrap_or_default(),
        XAxis::Linear => format!("{}", x.round()),
        XAxis::Nines => nines_label(*x),
    };
    let yfmt = |y: &f64| {
        let v = if axes.y_log { 10f64.powf(*y) } else { *y };
        if axes.y_ns {
            duration(v)
        } else {
            tick(v)
        }
    };
    chart
        .configure_mesh()
        .x_desc(axes.x_desc.as_str())
        .y_desc(axes.y_desc.as_str())
        .x_label_formatter(&xfmt)
        .y_label_formatter(&yfmt)
        .label_style((FONT, 12))
        .axis_desc_style((FONT, 13))
        .bold_line_style(RGBColor(0xDD, 0xDD, 0xDD).stroke_width(1))
        .draw()?;
    if let Some((r, _)) = &axes.reference {
        let y = if axes.y_log { r.log10() } else { *r };
        chart.draw_series([PathElement::new(
            vec![(frame.x.0, y), (frame.x.1, y)],
            RGBColor(0x55, 0x55, 0x55).stroke_width(2),
        )])?;
    }
    let fy = |v: f64| if axes.y_log { v.log10() } else { v };
    let n = panel.series.len().max(1) as f64;
    // Series are set side by side around each x, so that their bars do not hide each
    // other: within a category over at most 0.8 of its width; on a numeric axis (threads)
    // by a nudge small enough that a point still reads as its whole number.
    let dodge = |i: usize, width: f64| (i as f64 - (n - 1.0) / 2.0) * width;
    for (i, s) in panel.series.iter().enumerate() {
        let look = look_of(&s.label);
        let fx = |x: f64| match &axes.x {
            XAxis::Categories(_) => x + dodge(i, (0.8 / n).min(0.16)),
            XAxis::Linear => x + dodge(i, (0.3 / n).min(0.05)),
            XAxis::Nines => nines(x),
        };
        let pts: Vec<(f64, f64, &Point)> = s
            .points
            .iter()
            .filter(|p| p.y.is_finite() && (!axes.y_log || p.y > 0.0))
            .map(|p| (fx(p.x), fy(p.y), p))
            .collect();
        if !matches!(axes.x, XAxis::Categories(_)) {
            let line: Vec<(f64, f64)> = pts.iter().map(|&(x, y, _)| (x, y)).collect();
            chart.draw_series(LineSeries::new(line, look.color.stroke_width(2)))?;
        }
        let cap = (frame.x.1 - frame.x.0) * 0.008;
        for &(x, _, p) in &pts {
            if p.hi > p.lo && (!axes.y_log || p.lo > 0.0) {
                let (lo, hi) = (fy(p.lo), fy(p.hi));
                chart.draw_series([
                    PathElement::new(vec![(x, lo), (x, hi)], look.color.stroke_width(2)),
                    PathElement::new(
                        vec![(x - cap, lo), (x + cap, lo)],
                        look.color.stroke_width(2),
                    ),
                    PathElement::new(
                        vec![(x - cap, hi), (x + cap, hi)],
                        look.color.stroke_width(2),
                    ),
                ])?;
            }
        }
        for &(x, y, p) in &pts {
            draw_marker(chart.plotting_area(), (x, y), look, p.noisy, 4.0)?;
        }
    }
    Ok(())
}

fn draw_legend(
    area: &DrawingArea<SVGBackend, Shift>,
    row: &PanelRow,
    looks: &[(String, Look)],
    axes: &Axes,
) -> DrawResult {
    let joined = !matches!(axes.x, XAxis::Categories(_));
    let mut y = 40;
    area.draw(&Text::new(
        row.legend_title.clone(),
        (8, y - 18),
        (FONT, 13).into_font().style(FontStyle::Bold),
    ))?;
    for (label, look) in looks {
        let look = *look;
        if joined {
            area.draw(&PathElement::new(
                vec![(8, y), (36, y)],
                look.color.stroke_width(2),
            ))?;
        }
        draw_marker(area, (22, y), look, false, 4.0)?;
        area.draw(&Text::new(
            label.to_string(),
            (44, y - 6),
            (FONT, 13).into_font(),
        ))?;
        y += 20;
    }
    if let Some((_, what)) = &axes.reference {
        area.draw(&PathElement::new(
            vec![(8, y), (36, y)],
            RGBColor(0x55, 0x55, 0x55).stroke_width(2),
        ))?;
        area.draw(&Text::new(
            what.clone(),
            (44, y - 6),
            (FONT, 13).into_font(),
        ))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_footnotes_wrap_at_spaces() {
        let long = vec!["word ".repeat(60)];
        let lines = wrap(&long);
        assert!(lines.len() >= 2);
        assert!(lines.iter().all(|l| l.chars().count() <= FOOT_CHARS + 4));
    }
}
