//! SVG charts (plotters): each queue's forecast with its range and the week of history behind
//! it, and required against scheduled agents with the phases shaded.

use std::ops::Range;

use chrono::{Duration, NaiveDateTime};
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;

use crate::error::{Error, Result};
use crate::forecast::History;
use crate::labels::Lang;
use crate::report::CoverageRow;
use crate::scenario::Scenario;
use crate::Plan;

const SIZE: (u32, u32) = (960, 360);
const HISTORY_DAYS: i64 = 7;
/// Phases' shades, in the order the scenario first names them (the report's grid takes them
/// too).
pub(super) const PHASE_SHADES: [RGBColor; 4] = [
    RGBColor(0xE4, 0xD4, 0xF0),
    RGBColor(0xFB, 0xE0, 0xCC),
    RGBColor(0xDC, 0xEB, 0xD2),
    RGBColor(0xD6, 0xE0, 0xF0),
];

/// One chart: a file name (without folder) and its SVG text.
pub struct Chart {
    pub name: String,
    pub svg: String,
}

/// Every chart of a plan: `forecast-QUEUE.svg` and `coverage-QUEUE.svg` per queue.
pub fn charts(
    plan: &Plan,
    scenario: &Scenario,
    history: &History,
    lang: Lang,
) -> Result<Vec<Chart>> {
    let mut out = Vec::new();
    for queue in scenario.queues.iter().map(|q| q.name.as_str()) {
        let file = file_part(queue);
        let svg = forecast_chart(plan, scenario, history, queue, lang)
            .map_err(|e| Error::Render(format!("forecast-{file}.svg: {e}")))?;
        out.push(Chart {
            name: format!("forecast-{file}.svg"),
            svg,
        });
        let svg = coverage_chart(plan, scenario, queue, lang)
            .map_err(|e| Error::Render(format!("coverage-{file}.svg: {e}")))?;
        out.push(Chart {
            name: format!("coverage-{file}.svg"),
            svg,
        });
    }
    Ok(out)
}

/// A queue name as part of a file name: characters a folder path or a file system would not
/// take (`/`, `\`, `:`, `*`, `?`, `"`, `<`, `>`, `|`, control characters) become `_`, so a chart
/// is always written inside the plan folder.
fn file_part(queue: &str) -> String {
    queue
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect()
}

type DrawResult<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// Hours from the horizon start, the x axis of every chart.
fn hours_from(start: NaiveDateTime, t: NaiveDateTime) -> f64 {
    (t - start).num_minutes() as f64 / 60.0
}

fn axis_label(start: NaiveDateTime, hours: f64) -> String {
    (start + Duration::minutes((hours * 60.0).round() as i64))
        .format("%m-%d %H:%M")
        .to_string()
}

/// The drawing area of a per-queue chart: hours from the horizon start across, a count up.
type TimeChart<'a, 'b> =
    ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// The frame both per-queue charts share: the caption, the x axis over `x` labelled with dates
/// and times, the y axis named `y_desc` from 0 to `top`. `draw` adds the series; their legend
/// then goes at `legend`.
fn time_chart(
    start: NaiveDateTime,
    x: Range<f64>,
    top: f64,
    caption: String,
    y_desc: String,
    legend: SeriesLabelPosition,
    draw: impl FnOnce(&mut TimeChart) -> DrawResult<()>,
) -> DrawResult<String> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        root.fill(&WHITE)?;
        let mut chart = ChartBuilder::on(&root)
            .caption(caption, ("sans-serif", 20))
            .margin(12)
            .x_label_area_size(36)
            .y_label_area_size(56)
            .build_cartesian_2d(x, 0.0..top)?;
        chart
            .configure_mesh()
            .x_labels(10)
            .x_label_formatter(&|x| axis_label(start, *x))
            .y_desc(y_desc)
            .draw()?;
        draw(&mut chart)?;
        chart
            .configure_series_labels()
            .background_style(WHITE.mix(0.8))
            .border_style(BLACK.mix(0.3))
            .position(legend)
            .draw()?;
        root.present()?;
    }
    Ok(svg)
}

/// One queue's forecast with its range, after the week of history before the horizon.
fn forecast_chart(
    plan: &Plan,
    scenario: &Scenario,
    history: &History,
    queue: &str,
    lang: Lang,
) -> DrawResult<String> {
    let start = scenario.horizon.start;
    let rows: Vec<_> = plan
        .forecast
        .rows
        .iter()
        .filter(|r| r.queue == queue)
        .collect();
    let past: Vec<(f64, f64)> = history
        .series
        .get(queue)
        .map(|s| {
            s.range(start - Duration::days(HISTORY_DAYS)..start)
                .map(|(t, v)| (hours_from(start, *t), *v))
                .collect()
        })
        .unwrap_or_default();
    let top = rows
        .iter()
        .map(|r| r.upper.max(r.inquiries))
        .chain(past.iter().map(|p| p.1))
        .fold(1.0, f64::max)
        * 1.05;
    let x_end = hours_from(start, scenario.horizon.end);
    let x_start = past.first().map_or(0.0, |p| p.0);
    let caption = lang.labelled(&lang.t(queue), lang.t("Inquiries per interval"));
    let draw = |chart: &mut TimeChart| -> DrawResult<()> {
        let band: Vec<(f64, f64)> = rows
            .iter()
            .map(|r| (hours_from(start, r.time), r.upper))
            .chain(
                rows.iter()
                    .rev()
                    .map(|r| (hours_from(start, r.time), r.lower)),
            )
            .collect();
        chart
            .draw_series(std::iter::once(Polygon::new(band, BLUE.mix(0.15).filled())))?
            .label(lang.t("range"))
            .legend(|(x, y)| {
                Rectangle::new([(x, y - 5), (x + 16, y + 5)], BLUE.mix(0.15).filled())
            });
        chart
            .draw_series(LineSeries::new(past.iter().copied(), BLACK.mix(0.5)))?
            .label(lang.t("history"))
            .legend(|(x, y)| PathElement::new([(x, y), (x + 16, y)], BLACK.mix(0.5)));
        chart
            .draw_series(LineSeries::new(
                rows.iter()
                    .map(|r| (hours_from(start, r.time), r.inquiries)),
                BLUE.stroke_width(2),
            ))?
            .label(lang.t("Forecast"))
            .legend(|(x, y)| PathElement::new([(x, y), (x + 16, y)], BLUE.stroke_width(2)));
        Ok(())
    };
    time_chart(
        start,
        x_start..x_end,
        top,
        caption,
        lang.t("inquiries"),
        SeriesLabelPosition::UpperLeft,
        draw,
    )
}

/// One queue's required and scheduled agents as steps over its phases, shaded.
fn coverage_chart(plan: &Plan, scenario: &Scenario, queue: &str, lang: Lang) -> DrawResult<String> {
    let start = scenario.horizon.start;
    let step = f64::from(scenario.horizon.interval_minutes) / 60.0;
    let rows: Vec<_> = plan
        .report
        .coverage
        .iter()
        .filter(|c| c.queue == queue)
        .collect();
    let top = rows
        .iter()
        .map(|c| c.required.max(c.scheduled))
        .max()
        .unwrap_or(1) as f64
        * 1.1
        + 1.0;
    let x_end = hours_from(start, scenario.horizon.end);
    let caption = lang.labelled(&lang.t(queue), lang.t("Required vs scheduled agents"));
    let draw = |chart: &mut TimeChart| -> DrawResult<()> {
        shade_phases(chart, scenario, queue, (x_end, top), lang)?;
        let steps = |value: fn(&&CoverageRow) -> u32| {
            rows.iter()
                .flat_map(move |c| {
                    let x = hours_from(start, c.time);
                    let y = f64::from(value(c));
                    [(x, y), (x + step, y)]
                })
                .collect::<Vec<_>>()
        };
        chart
            .draw_series(LineSeries::new(
                steps(|c| c.scheduled),
                BLUE.stroke_width(2),
            ))?
            .label(lang.t("scheduled"))
            .legend(|(x, y)| PathElement::new([(x, y), (x + 16, y)], BLUE.stroke_width(2)));
        chart
            .draw_series(LineSeries::new(steps(|c| c.required), RED.stroke_width(2)))?
            .label(lang.t("required"))
            .legend(|(x, y)| PathElement::new([(x, y), (x + 16, y)], RED.stroke_width(2)));
        Ok(())
    };
    time_chart(
        start,
        0.0..x_end,
        top,
        caption,
        lang.t("agents"),
        SeriesLabelPosition::UpperRight,
        draw,
    )
}

/// Shades each phase that covers `queue` up to `(x_end, top)`; a phase seen again (another
/// window of the same name) keeps its colour and gets no second legend entry.
fn shade_phases(
    chart: &mut TimeChart,
    scenario: &Scenario,
    queue: &str,
    (x_end, top): (f64, f64),
    lang: Lang,
) -> DrawResult<()> {
    let start = scenario.horizon.start;
    let mut names: Vec<&str> = Vec::new();
    for phase in scenario
        .phases
        .iter()
        .filter(|p| p.queues.is_empty() || p.queues.iter().any(|q| q == queue))
    {
        let first = !names.contains(&phase.name.as_str());
        if first {
            names.push(&phase.name);
        }
        let shade = PHASE_SHADES
            [names.iter().position(|n| *n == phase.name).unwrap_or(0) % PHASE_SHADES.len()];
        let area = [
            (hours_from(start, phase.start).max(0.0), 0.0),
            (hours_from(start, phase.end).min(x_end), top),
        ];
        let series = chart.draw_series(std::iter::once(Rectangle::new(area, shade.filled())))?;
        if first {
            series.label(lang.t(&phase.name)).legend(move |(x, y)| {
                Rectangle::new([(x, y - 5), (x + 16, y + 5)], shade.filled())
            });
        }
    }
    Ok(())
}

/// The part-timer marginal curve: agent-hours short (left axis) and wages (right axis) for
/// each number of part-timers, with the answer marked.
pub fn curve_chart(answer: &crate::parttimers::Answer, lang: Lang) -> Result<String> {
    draw_curve(answer, lang).map_err(|e| Error::Render(format!("part-timer curve: {e}")))
}

fn draw_curve(answer: &crate::parttimers::Answer, lang: Lang) -> DrawResult<String> {
    let curve = &answer.curve;
    let x_end = curve.last().map_or(1, |p| p.part_timers).max(1) as f64;
    let short_top = curve
        .iter()
        .map(|p| p.shortfall_agent_hours)
        .fold(1.0, f64::max)
        * 1.1;
    let cost_top = curve.iter().map(|p| p.cost).fold(1.0, f64::max) * 1.1;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        root.fill(&WHITE)?;
        let mut chart = ChartBuilder::on(&root)
            .caption(lang.t("What one more part-timer buys"), ("sans-serif", 20))
            .margin(12)
            .x_label_area_size(36)
            .y_label_area_size(64)
            .right_y_label_area_size(72)
            .build_cartesian_2d(0.0..x_end, 0.0..short_top)?
            .set_secondary_coord(0.0..x_end, 0.0..cost_top);
        chart
            .configure_mesh()
            .x_desc(lang.t("Part-timers"))
            .y_desc(lang.t("Short agent-hours"))
            .draw()?;
        chart
            .configure_secondary_axes()
            .y_desc(lang.t("Cost"))
            .draw()?;
        chart
            .draw_series(LineSeries::new(
                curve
                    .iter()
                    .map(|p| (f64::from(p.part_timers), p.shortfall_agent_hours)),
                RED.stroke_width(2),
            ))?
            .label(lang.t("Short agent-hours"))
            .legend(|(x, y)| PathElement::new([(x, y), (x + 16, y)], RED.stroke_width(2)));
        chart
            .draw_secondary_series(LineSeries::new(
                curve.iter().map(|p| (f64::from(p.part_timers), p.cost)),
                BLUE.stroke_width(2),
            ))?
            .label(lang.t("Cost"))
            .legend(|(x, y)| PathElement::new([(x, y), (x + 16, y)], BLUE.stroke_width(2)));
        if let Some(n) = answer.needed {
            let x = f64::from(n);
            chart
                .draw_series(std::iter::once(PathElement::new(
                    [(x, 0.0), (x, short_top)],
                    BLACK.mix(0.6).stroke_width(1),
                )))?
                .label(lang.labelled(&lang.t("Part-timers needed"), n))
                .legend(|(x, y)| PathElement::new([(x, y), (x + 16, y)], BLACK.mix(0.6)));
        }
        chart
            .configure_series_labels()
            .background_style(WHITE.mix(0.8))
            .border_style(BLACK.mix(0.3))
            .position(SeriesLabelPosition::UpperMiddle)
            .draw()?;
        root.present()?;
    }
    Ok(svg)
}
