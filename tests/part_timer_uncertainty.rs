//! The event's range carried into "how many part-timers?", on a hand-worked instance.
//!
//! One pre-sale hour, 10:00 on 2026-11-11, with no ordinary chats (a history of zeros):
//! 100 orders, all through service, half the inquiries convert: 200 chats of 180 s, a load of
//! 10 Erlang, the classic case needing 14 agents for 80% in 20 s. The target is
//! `{ low = 90, mid = 100, high = 115 }`, so its 90th percentile is 1.15 x mid and its log
//! spread above the mid ln(1.15) / 1.2816 = 0.10905. Hand-checked with Erlang C:
//! - 80th percentile: 200 x e^(0.8416 x 0.10905) = 219.2 chats, 10.96 Erlang: 15 agents;
//! - 90th: 230 chats, 11.5 Erlang: 15 agents;
//! - 95th: 200 x e^(1.6449 x 0.10905) = 239.3 chats, 11.96 Erlang: 16 agents.
//!
//! Only part-timers work (one 4-hour shift each), so each agent is one part-timer.

use std::collections::BTreeMap;

use chrono::Duration;
use shiftcast::forecast::History;
use shiftcast::parttimers::{part_timers, QuantileNeed};
use shiftcast::time::parse_time;
use shiftcast::{Demand, Inputs};

mod common;

const SCENARIO: &str = r#"
[horizon]
start = "2026-11-11T00:00"
end = "2026-11-12T00:00"
interval_minutes = 60
[history]
file = "unused.csv"
[forecast]
method = "profile"
[staff]
file = "unused.csv"
[costs]
full_time_per_hour = 35
part_time_per_hour = 40
shortfall_per_agent_hour = 500
[[queues]]
name = "presale"
handle_time_seconds = 180
service_level = 0.8
answer_within_seconds = 20
[[events]]
name = "Double 11"
start = "2026-11-11T10:00"
hours = 1
curve = [1.0]
target_orders = { low = 90, mid = 100, high = 115 }
service_share = 1.0
conversion_rate = 0.5
presale_queue = "presale"
unpaid_share = 0
[[shifts]]
name = "part-time"
start = "08:00"
hours = 4
kinds = ["part-time"]
"#;

/// Three weeks of hours with no chats before the plan.
fn quiet_history() -> History {
    let from = parse_time("2026-10-21T00:00").unwrap();
    let hours = (0..21 * 24).map(|h| (from + Duration::hours(h), 0.0));
    History {
        series: BTreeMap::from([("presale".to_string(), hours.collect())]),
        ..History::default()
    }
}

fn inputs(extra: &str) -> Inputs {
    Inputs {
        scenario: common::scenario(&format!("{SCENARIO}{extra}")),
        staff: Vec::new(),
        demand: Demand::History(quiet_history()),
        warnings: Vec::new(),
    }
}

#[test]
fn the_80th_percentile_needs_one_part_timer_more_than_the_median() {
    let answer = part_timers(&inputs(""), None, None, &mut |_, _| {}).unwrap();
    assert_eq!((answer.needed, answer.hired), (Some(14), 14));
    let need = |quantile: f64, n: u32| QuantileNeed {
        quantile,
        part_timers: Some(n),
    };
    assert_eq!(
        answer.needed_by_quantile,
        vec![need(0.5, 14), need(0.8, 15), need(0.95, 16)]
    );
    // The 90th percentile needs 15: one on call beyond the 14 hired.
    assert_eq!(answer.standby, Some(1));
    // Every count from 0 to 14 is a point (14 is a small curve): 14 short agent-hours with
    // none, none short with 14.
    let ends = (answer.curve.first().unwrap(), answer.curve.last().unwrap());
    assert_eq!(
        (ends.0.part_timers, ends.0.shortfall_agent_hours),
        (0, 14.0)
    );
    assert_eq!(
        (ends.1.part_timers, ends.1.shortfall_agent_hours),
        (14, 0.0)
    );
    // With nobody, no chat of the hour is answered: a service level of 0 over the day.
    assert_eq!(ends.0.service_level, 0.0);
}

#[test]
fn the_range_widens_the_forecast_and_the_plan_keeps_a_standby_list() {
    let plan = shiftcast::plan(&inputs(""), &mut |_| {}).unwrap();
    let row = &plan.forecast.rows[10];
    // Planned at the mid; the 80% interval runs from the 10th to the 90th percentile.
    assert_eq!(row.inquiries, 200.0);
    assert!((row.lower - 180.0).abs() < 1e-9 && (row.upper - 230.0).abs() < 1e-9);
    assert_eq!(plan.requirements[10].agents_required, 14);
    let summary = &plan.report.summary;
    assert_eq!(summary.part_timers_needed, Some(14));
    assert_eq!(summary.standby_part_timers, Some(1));
    // The one on call works a 4-hour shift over 10:00, where the 90th percentile needs 15.
    let standby = &plan.standby.rows;
    assert_eq!(standby.len(), 1);
    assert_eq!(standby[0].name, "SB-01");
    let ten = parse_time("2026-11-11T10:00").unwrap();
    assert!(standby[0].start <= ten && ten < standby[0].end);
}

#[test]
fn staffing_for_a_quantile_moves_the_event_hours_too() {
    let text = SCENARIO.replace(
        "method = \"profile\"",
        "method = \"profile\"\nstaff_for_quantile = 0.8",
    );
    let mut at_80 = inputs("");
    at_80.scenario = common::scenario(&text);
    let plan = shiftcast::plan(&at_80, &mut |_| {}).unwrap();
    assert!((plan.forecast.rows[10].inquiries - 219.23).abs() < 0.01);
    assert_eq!(plan.requirements[10].agents_required, 15);
}

/// Chats valued at conversion 0.5 x order value 200 x `margin`.
fn valued(margin: f64, price_shortfall: bool) -> String {
    format!(
        "[value]\naverage_order_value = 200\nmargin = {margin}\nprice_shortfall = {price_shortfall}\n"
    )
}

#[test]
fn sales_at_risk_count_the_margin_of_the_chats_nobody_answers() {
    // With no part-timer the 200 chats of 10:00 meet no agent: 200 x 0.5 x 200 x 0.3 = 6000.
    let answer = part_timers(&inputs(&valued(0.3, false)), None, None, &mut |_, _| {}).unwrap();
    assert_eq!(answer.curve[0].sales_at_risk, Some(6000.0));
    // With the 14 needed, Erlang C loses none (it only delays them).
    assert_eq!(answer.curve.last().unwrap().sales_at_risk, Some(0.0));
}

#[test]
fn shortfall_priced_by_sales_hires_only_where_the_margin_pays() {
    // One agent answers 200 / 14 of the hour's chats. At margin 0.05 they bring 200 / 14 x 0.5
    // x 200 x 0.05 = 71.43, less than a 4-hour part-timer's 160: nobody is hired, every agent
    // of the hour is short, and the reason names the price.
    let plan = shiftcast::plan(&inputs(&valued(0.05, true)), &mut |_| {}).unwrap();
    let summary = &plan.report.summary;
    assert_eq!(
        (summary.part_timers_hired, summary.shortfall_agent_hours),
        (0, 14.0)
    );
    assert_eq!(summary.sales_at_risk, Some(1000.0)); // 200 x 0.5 x 200 x 0.05
    assert!(
        summary.unmet_demand[0]
            .reason
            .contains("71 per agent-hour, [value] price_shortfall"),
        "{}",
        summary.unmet_demand[0].reason
    );
    // At margin 0.3 one agent's chats bring 428.57, more than 160: all 14 are hired.
    let plan = shiftcast::plan(&inputs(&valued(0.3, true)), &mut |_| {}).unwrap();
    assert_eq!(plan.report.summary.part_timers_hired, 14);
}
