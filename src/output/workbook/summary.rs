//! The Summary sheet: the plan's numbers (summary.json's), the solver's status and hours per
//! person, then the assumptions a manager checks (each event's target, customer-service share
//! and conversion rate; each queue's handle time, chats at once, target, shrinkage, occupancy
//! cap and patience; the wages), then the forecast's warnings and notes.

use rust_xlsxwriter::{Format, Worksheet};

use super::{write_cell, Cell, XlsxResult};
use crate::labels::Lang;
use crate::output::text::{self, workbook::service_target};
use crate::scenario::{Estimate, SalesTarget, Scenario};
use crate::Plan;

pub(super) fn summary_sheet(
    ws: &mut Worksheet,
    plan: &Plan,
    scenario: &Scenario,
    lang: Lang,
) -> XlsxResult<()> {
    let s = &plan.report.summary;
    ws.set_name(lang.t("Summary"))?;
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format("#,##0.00");
    let percent = Format::new().set_num_format("0.0%");
    let plain = Format::new();
    let mut rows: Vec<(String, f64, &Format)> = vec![
        (
            lang.t("Part-timers hired"),
            s.part_timers_hired as f64,
            &plain,
        ),
        (lang.t("Agent hours"), s.total_agent_hours, &plain),
        (lang.t("Full-time hours"), s.full_time_hours, &plain),
        (lang.t("Part-time hours"), s.part_time_hours, &plain),
        (lang.t("Cost"), s.total_cost, &money),
        (lang.t("Short agent-hours"), s.shortfall_agent_hours, &plain),
        (
            lang.t("Short intervals"),
            s.unmet_demand.len() as f64,
            &plain,
        ),
        (lang.t("Service level"), s.service_level, &percent),
        (lang.t("Average wait (s)"), s.asa_seconds, &plain),
        (
            lang.t("Lowest service level"),
            s.min_service_level,
            &percent,
        ),
    ];
    if s.paid_contract_hours > 0.0 {
        let idle = lang.t("Contract hours paid but idle");
        // After the part-time hours, before the cost.
        rows.insert(4, (idle, s.idle_contract_hours, &plain));
    }
    if let Some(risk) = s.sales_at_risk {
        rows.push((lang.t("Sales at risk"), risk, &money));
    }
    if let Some(n) = s.standby_part_timers {
        rows.insert(1, (lang.t("On call"), n as f64, &plain));
    }
    if let Some(n) = s.part_timers_needed {
        rows.insert(0, (lang.t("Part-timers needed"), n.into(), &plain));
    }
    if let Some(p) = &s.peak {
        rows.insert(
            0,
            (
                format!("{} ({} {})", lang.t("Peak"), lang.t(&p.queue), p.timestamp),
                p.agents_required.into(),
                &plain,
            ),
        );
    }
    ws.write_string_with_format(0, 0, lang.t("Customer-service plan"), &bold)?;
    for (i, (label, value, format)) in rows.iter().enumerate() {
        let row = i as u32 + 2;
        ws.write_string(row, 0, label)?;
        ws.write_number_with_format(row, 1, *value, format)?;
    }
    let mut row = rows.len() as u32 + 3;
    ws.write_string(row, 0, lang.t("Solver"))?;
    ws.write_string(row, 1, lang.t(s.solver_status))?;
    for h in &s.hours_per_person {
        row += 1;
        let label = format!("{} ({})", lang.t("Hours per person"), lang.t(&h.group));
        ws.write_string(row, 0, label)?;
        ws.write_string(row, 1, format!("{}-{}", h.fewest, h.most))?;
    }
    for e in &s.levers {
        row += 1;
        ws.write_string(row, 0, text::lever(e, lang))?;
    }
    row = assumptions(ws, row + 2, scenario, lang)?;
    for (title, lines) in [
        ("Warnings", &s.forecast_warnings),
        ("Notes", &s.forecast_notes),
    ] {
        if lines.is_empty() {
            continue;
        }
        row += 2;
        ws.write_string_with_format(row, 0, lang.t(title), &bold)?;
        for line in lines {
            row += 1;
            ws.write_string(row, 0, lang.message(line))?;
        }
    }
    ws.set_column_width(0, 34)?;
    ws.set_column_width(1, 14)?;
    ws.set_column_width(2, 24)?;
    super::a4_one_page_wide(ws, false);
    Ok(())
}

/// One line of the assumptions: a label, its value, and the range when the value is one.
type Line = (String, Cell, Option<String>);

/// The assumptions block from `row` down, under a bold title and a bold line per event, queue
/// and the wages; returns its last row.
fn assumptions(
    ws: &mut Worksheet,
    mut row: u32,
    scenario: &Scenario,
    lang: Lang,
) -> XlsxResult<u32> {
    let bold = Format::new().set_bold();
    ws.write_string_with_format(row, 0, lang.t("Assumptions"), &bold)?;
    for (title, lines) in assumption_groups(scenario, lang) {
        row += 1;
        ws.write_string_with_format(row, 0, title, &bold)?;
        for (label, value, range) in lines {
            row += 1;
            ws.write_string(row, 0, format!("  {label}"))?;
            write_cell(ws, row, 1, value)?;
            if let Some(range) = range {
                ws.write_string_with_format(row, 2, range, &Format::new().set_indent(1))?;
            }
        }
    }
    Ok(row)
}

/// The assumptions, grouped under each event's name, each queue's label and "Wages".
fn assumption_groups(scenario: &Scenario, lang: Lang) -> Vec<(String, Vec<Line>)> {
    let t = |key: &str| lang.t(key);
    let estimate = |key: &str, e: Estimate, share: bool| -> Line {
        let cell = if share {
            Cell::Share(e.mid)
        } else {
            Cell::Number(e.mid)
        };
        let range = e.is_range().then(|| match share {
            true => format!(
                "{} {:.1}%-{:.1}%",
                t("range"),
                e.low * 100.0,
                e.high * 100.0
            ),
            false => format!("{} {}-{}", t("range"), e.low, e.high),
        });
        (t(key), cell, range)
    };
    let mut groups = Vec::new();
    for event in &scenario.events {
        let mut lines = match &event.target {
            SalesTarget::Orders(orders) => vec![estimate("target orders", *orders, false)],
            SalesTarget::Sales {
                amount,
                average_order_value,
            } => vec![
                estimate("target sales", *amount, false),
                (
                    t("average order value"),
                    Cell::Number(*average_order_value),
                    None,
                ),
            ],
        };
        lines.push(estimate(
            "customer-service share",
            event.service_share,
            true,
        ));
        lines.push(estimate("conversion rate", event.conversion_rate, true));
        groups.push((event.name.clone(), lines));
    }
    if let Some(value) = &scenario.value {
        let lines = vec![
            (
                t("average order value"),
                Cell::Number(value.average_order_value),
                None,
            ),
            (t("margin"), Cell::Share(value.margin), None),
            (
                t("conversion rate"),
                Cell::Share(value.conversion_rate),
                None,
            ),
        ];
        groups.push((t("Sales at risk"), lines));
    }
    for q in &scenario.queues {
        let mut lines = vec![
            (
                t("handle time (s)"),
                Cell::Number(q.handle_time_seconds),
                None,
            ),
            (
                t("chats at once"),
                Cell::Number(q.chats_at_once.into()),
                None,
            ),
            (
                t("service target"),
                Cell::Text(service_target(
                    q.service_level,
                    q.answer_within_seconds,
                    lang,
                )),
                None,
            ),
            (t("shrinkage"), Cell::Share(q.shrinkage), None),
            (t("occupancy cap"), Cell::Share(q.max_occupancy), None),
        ];
        if let Some(patience) = q.patience_seconds {
            lines.push((t("patience (s)"), Cell::Number(patience), None));
        }
        groups.push((t(&q.name), lines));
    }
    let costs = &scenario.costs;
    let wages = vec![
        (
            t("full-time wage per hour"),
            Cell::Number(costs.full_time_per_hour),
            None,
        ),
        (
            t("part-time wage per hour"),
            Cell::Number(costs.part_time_per_hour),
            None,
        ),
        (
            t("night premium per hour"),
            Cell::Number(costs.night_premium_per_hour),
            Some(costs.night.to_string()),
        ),
    ];
    groups.push((t("Wages"), wages));
    groups
}
