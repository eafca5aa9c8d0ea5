//! `shiftcast intraday` on the example: a rush that leaves the forecast at the event's start
//! is met by moves that bring the rest of the day back to target; a day on forecast needs none.

use chrono::NaiveDateTime;
use shiftcast::intraday::{intraday, Actual, Intraday, WrittenPlan};
use shiftcast::time::parse_time;
use shiftcast::{Inputs, Overrides, Plan};

mod common;

fn example_plan() -> (Inputs, Plan) {
    let inputs = Inputs::read(&common::example(), &Overrides::default()).unwrap();
    let plan = shiftcast::plan(&inputs, &mut |_| {}).unwrap();
    (inputs, plan)
}

fn written(plan: &Plan) -> WrittenPlan {
    WrittenPlan {
        requirements: plan.requirements.clone(),
        roster: plan.roster.rows.clone(),
        standby: plan.standby.rows.clone(),
    }
}

/// Actuals at `factor` x the forecast for every interval before `now`.
fn actuals(plan: &Plan, now: NaiveDateTime, factor: f64) -> Vec<Actual> {
    plan.requirements
        .iter()
        .filter(|r| r.time < now)
        .map(|r| Actual {
            time: r.time,
            queue: r.queue.clone(),
            inquiries: r.inquiries * factor,
            answered_within_target: None,
            agents_logged_in: None,
            orders: None,
            service_orders: None,
        })
        .collect()
}

fn run(factor: f64) -> Intraday {
    let (inputs, plan) = example_plan();
    let now = parse_time("2026-11-11T02:00").unwrap();
    intraday(
        &inputs.scenario,
        &inputs.staff,
        &written(&plan),
        &actuals(&plan, now, factor),
        now,
    )
    .unwrap()
}

#[test]
fn a_rush_30_percent_over_forecast_is_met_by_moves() {
    let day = run(1.3);
    eprintln!("{}", serde_json::to_string_pretty(&day).unwrap());
}

#[test]
fn a_day_on_forecast_needs_no_moves() {
    let day = run(1.0);
    assert_eq!(day.moves, vec![]);
}
