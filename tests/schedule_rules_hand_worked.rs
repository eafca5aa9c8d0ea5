//! One small instance per scheduling rule, each solved by hand in its comment: breaks placed by
//! the model, cross-trained hours split by queue, new part-timers serving fewer chats, start
//! windows and lengths, night premium and per-shift pay, days in a row, overtime, the weekly
//! limit in the plan's week, and a cyclic week.

use shiftcast::scenario::Person;
use shiftcast::schedule::{describe, schedule, Schedule};
use shiftcast::time::parse_time;

mod common;
use common::{hourly_scenario, person, requirements};

fn no_shortfall(plan: &Schedule) -> bool {
    plan.shortfall.iter().flatten().all(|s| *s == 0.0)
}

/// 2 agents 00:00-08:00 from part-time 8-hour shifts with a 1-hour meal starting 3 to `latest`
/// hours in.
fn meal_plan(latest: u32) -> Schedule {
    let s = hourly_scenario(
        &format!(
            r#"
[[shifts]]
name = "day"
start = "00:00"
hours = 8
kinds = ["part-time"]
breaks = [{{ name = "meal", minutes = 60, earliest_after_hours = 3, latest_after_hours = {latest} }}]
"#
        ),
        &["presale"],
        1,
    );
    let need = |_, i| if i < 8 { 2 } else { 0 };
    schedule(&s, &[], &requirements(&s, need)).unwrap()
}

#[test]
fn the_model_spreads_meal_breaks_over_their_window() {
    // 2 agents 00:00-08:00, one 8-hour shift with a 1-hour meal starting 3 to 5 hours in. Two
    // people leave a meal hour at 1 agent; three people with meals at 03, 04 and 05 keep 2 on
    // duty every hour: 3 shifts, 240.
    let plan = meal_plan(5);
    assert!(no_shortfall(&plan));
    assert_eq!(plan.shifts.len(), 3);
    assert_eq!(plan.pay, 240.0);
    assert_eq!(&plan.scheduled[0][..8], &[3, 3, 3, 2, 2, 2, 3, 3]);
    let mut details: Vec<String> = plan
        .shifts
        .iter()
        .map(|p| describe(&p.segments, &str::to_string))
        .collect();
    details.sort();
    assert_eq!(
        details,
        [
            "presale 00:00-03:00, meal 03:00-04:00, presale 04:00-08:00",
            "presale 00:00-04:00, meal 04:00-05:00, presale 05:00-08:00",
            "presale 00:00-05:00, meal 05:00-06:00, presale 06:00-08:00",
        ]
    );
}

#[test]
fn a_fixed_break_hour_leaves_the_hour_short_and_says_why() {
    // The same with the meal fixed at 3 hours in: everyone is at lunch at 03:00, so that hour
    // is 2 agents short whatever the plan, and the plan names the rule.
    let plan = meal_plan(3);
    assert_eq!(plan.shifts.len(), 2);
    assert_eq!(plan.shortfall[0][3], 2.0);
    assert_eq!(plan.shortfall[0].iter().sum::<f64>(), 2.0);
    assert!(plan.shortfall_reasons[&(0, 3)].contains("presale"));
}

#[test]
fn a_cross_trained_agent_serves_both_queues_in_one_shift() {
    // presale needs 1 agent 00-04, aftersale 1 agent 04-08. One cross-trained full-timer on one
    // 8-hour shift covers both (40); a pre-sale-only one is paid her whole shift for the first
    // half and a part-timer covers the second: 40 + 40 = 80.
    let s = hourly_scenario(
        r#"
[[shifts]]
name = "ft"
start = "00:00"
hours = 8
kinds = ["full-time"]
[[shifts]]
name = "pt"
start = "04:00"
hours = 4
kinds = ["part-time"]
"#,
        &["presale", "aftersale"],
        1,
    );
    let need = |q, i| u32::from((q == 0 && i < 4) || (q == 1 && (4..8).contains(&i)));
    let both = schedule(
        &s,
        &[person("Li Wei", &["presale", "aftersale"])],
        &requirements(&s, need),
    )
    .unwrap();
    assert!(no_shortfall(&both));
    assert_eq!(both.pay, 40.0);
    assert_eq!(both.shifts.len(), 1);
    assert_eq!(
        describe(&both.shifts[0].segments, &str::to_string),
        "presale 00:00-04:00, aftersale 04:00-08:00"
    );
    assert_eq!(&both.cross_trained[1][..8], &[0, 0, 0, 0, 1, 1, 1, 1]);

    let presale_only = schedule(
        &s,
        &[person("Li Wei", &["presale"])],
        &requirements(&s, need),
    )
    .unwrap();
    assert!(no_shortfall(&presale_only));
    assert_eq!(presale_only.pay, 80.0);
}

#[test]
fn new_part_timers_serving_fewer_chats_count_as_part_of_an_agent() {
    // 2 agents needed for 4 hours; a new part-timer serves 2 chats where an agent serves 3, so
    // each is 2/3 of an agent: 3 of them (2.0 agents), 120.
    let s = hourly_scenario(
        r#"
[[shifts]]
name = "pt"
start = "00:00"
hours = 4
kinds = ["part-time"]
"#,
        &["presale"],
        1,
    );
    let mut s = s;
    s.queues[0].part_time_chats_at_once = 2;
    let need = |_, i| if i < 4 { 2 } else { 0 };
    let plan = schedule(&s, &[], &requirements(&s, need)).unwrap();
    assert!(no_shortfall(&plan));
    assert_eq!(plan.shifts.len(), 3);
    assert_eq!(plan.pay, 120.0);
    assert_eq!(plan.scheduled[0][0], 3);
    assert!((plan.effective[0][0] - 2.0).abs() < 1e-9);
}

#[test]
fn start_window_and_lengths_pick_the_tightest_shift() {
    // 1 agent 08:00-14:00. Starts 06:00, 08:00 or 10:00; 4 or 6 hours. Only 08:00 + 6 h covers
    // it with one shift (60); two shifts would cost at least 80.
    let s = hourly_scenario(
        r#"
[[shifts]]
name = "flex"
start = "06:00"
latest_start = "10:00"
start_every_minutes = 120
hours = [4, 6]
kinds = ["part-time"]
"#,
        &["presale"],
        1,
    );
    let need = |_, i| u32::from((8..14).contains(&i));
    let plan = schedule(&s, &[], &requirements(&s, need)).unwrap();
    assert!(no_shortfall(&plan));
    assert_eq!(plan.pay, 60.0);
    assert_eq!(plan.shifts.len(), 1);
    assert_eq!(
        plan.shifts[0].start,
        parse_time("2026-11-11T08:00").unwrap()
    );
    assert_eq!(plan.shifts[0].end, parse_time("2026-11-11T14:00").unwrap());
}

#[test]
fn night_premium_and_pay_per_shift_change_the_choice() {
    // 1 agent at 05:00 only. "early" 02:00-06:00 has 4 night hours (22:00-06:00), "dawn"
    // 05:00-09:00 has 1. At 10/h + 5/h night premium: early 60, dawn 45, so dawn. With 20 more
    // per "dawn" shift it costs 65 and early wins at 60.
    let templates = |dawn_extra: u32| {
        format!(
            r#"
[[shifts]]
name = "early"
start = "02:00"
hours = 4
kinds = ["part-time"]
[[shifts]]
name = "dawn"
start = "05:00"
hours = 4
kinds = ["part-time"]
cost_per_shift = {dawn_extra}
"#
        )
    };
    for (extra, chosen, pay) in [(0, "dawn", 45.0), (20, "early", 60.0)] {
        let mut s = hourly_scenario(&templates(extra), &["presale"], 1);
        s.costs.night_premium_per_hour = 5.0;
        let plan = schedule(&s, &[], &requirements(&s, |_, i| u32::from(i == 5))).unwrap();
        assert_eq!(plan.shifts.len(), 1);
        assert_eq!((plan.shifts[0].template.as_str(), plan.pay), (chosen, pay));
    }
}

#[test]
fn a_day_off_after_max_days_in_row() {
    // 1 agent 09:00-17:00 on 3 days; one full-timer (40 per day) may work 2 days in a row, so a
    // part-timer (80) takes one day: 160. Without the limit she works all three: 120.
    let s = hourly_scenario(
        r#"
[rules]
min_rest_hours = 11
[[shifts]]
name = "day"
start = "09:00"
hours = 8
"#,
        &["presale"],
        3,
    );
    let need = |_, i: usize| u32::from((9..17).contains(&(i % 24)));
    let mut li = person("Li Wei", &["presale"]);
    let free = schedule(&s, std::slice::from_ref(&li), &requirements(&s, need)).unwrap();
    assert_eq!(free.pay, 120.0);
    li.max_days_in_row = Some(2);
    let limited = schedule(&s, &[li], &requirements(&s, need)).unwrap();
    assert!(no_shortfall(&limited));
    assert_eq!(limited.pay, 160.0);
    assert_eq!(
        limited
            .shifts
            .iter()
            .filter(|p| p.person == Some(0))
            .count(),
        2
    );
}

#[test]
fn overtime_above_contract_hours_is_priced() {
    // Same 3 days, contract 8 hours a week, overtime 100 per hour on top: her first day costs 40,
    // each further day 40 + 800 against a part-timer's 80, so she works one day: 40 + 160 = 200.
    let mut s = hourly_scenario(
        r#"
[[shifts]]
name = "day"
start = "09:00"
hours = 8
"#,
        &["presale"],
        3,
    );
    s.costs.overtime_per_hour = 100.0;
    let need = |_, i: usize| u32::from((9..17).contains(&(i % 24)));
    let mut li = person("Li Wei", &["presale"]);
    li.contract_hours_per_week = Some(8.0);
    let plan = schedule(&s, &[li], &requirements(&s, need)).unwrap();
    assert!(no_shortfall(&plan));
    assert_eq!(plan.pay, 200.0);
}

#[test]
fn the_weekly_limit_counts_the_plans_week() {
    // Seven days from Wed 11-11, 1 agent needed 22:00-06:00 every night (56 agent-hours), only
    // Li on the 22:00 night shift, 40 hours a week. The night starting the day before (11-10)
    // covers 6 needed hours, those of 11-11 to 11-16 8 each, the last (11-17) 2. All count in
    // the plan's one week, so Li works 5 full nights (40 hours) and 16 agent-hours stay short.
    // Seven-day blocks from the day before put 11-17 in a week of its own: a sixth shift, 42
    // hours worked in a 7-day plan, and 14 short.
    let s = hourly_scenario(
        r#"
[[shifts]]
name = "night"
start = "22:00"
hours = 8
kinds = ["full-time"]
"#,
        &["presale"],
        7,
    );
    let need = |_, i: usize| u32::from(!(6..22).contains(&(i % 24)));
    let plan = schedule(
        &s,
        &[person("Li Wei", &["presale"])],
        &requirements(&s, need),
    )
    .unwrap();
    let nights = plan.shifts.iter().filter(|s| s.person == Some(0)).count();
    assert_eq!(nights, 5);
    let short: f64 = plan.shortfall.iter().flatten().sum();
    assert_eq!(short, 16.0);
}

#[test]
fn a_cyclic_day_wraps_the_night_shift_into_the_morning() {
    // A repeating day: 1 agent every hour, 8-hour part-time shifts at 06, 14 and 22. The 22:00
    // shift runs on into 00:00-06:00 of the same pattern day: 3 shifts, 240, every hour covered
    // exactly once. Shifts plus 11 h rest (19 h) overlap pairwise round a 24-hour circle, so 3
    // part-timers.
    let s = hourly_scenario(
        r#"
[[shifts]]
name = "pt"
start = "06:00"
latest_start = "22:00"
start_every_minutes = 480
hours = 8
kinds = ["part-time"]
"#,
        &["presale"],
        1,
    );
    let mut s = s;
    s.horizon.cyclic = true;
    let plan = schedule(&s, &[], &requirements(&s, |_, _| 1)).unwrap();
    assert!(no_shortfall(&plan));
    assert_eq!(plan.pay, 240.0);
    assert!(plan.scheduled[0].iter().all(|n| *n == 1));
    let named = shiftcast::roster::build(&plan.shifts, &[], &s);
    assert_eq!(named.part_timers_hired, 3);
    assert!(shiftcast::roster::rest_violations(&named.rows, 11.0, s.horizon.cycle()).is_empty());
}

#[test]
fn people_counted_together_still_get_weeks_they_can_work() {
    // Two interchangeable people, 8 hours a week each, no rest rule. Need: 2 agents 08-12 and
    // 1 agent 14-22. Shifts: 4 hours at 08:00, 8 hours at 14:00, or 4 hours at 14:00 or 18:00
    // for 1 more per shift (5 per hour). Counted together the two have 16 hours, and the
    // cheapest cover is both 08:00 shifts and the 8-hour one (80). But whoever works at 08:00
    // has only 4 hours left, so no one can take the 8-hour shift. Person by person: each works
    // 08:00 and one of the 4-hour afternoon shifts: 16 hours x 5 + 2 = 82, nothing short.
    let s = hourly_scenario(
        r#"
[rules]
min_rest_hours = 0
[[shifts]]
name = "early"
start = "08:00"
hours = 4
kinds = ["full-time"]
[[shifts]]
name = "late"
start = "14:00"
hours = 8
kinds = ["full-time"]
[[shifts]]
name = "afternoon"
start = "14:00"
latest_start = "18:00"
start_every_minutes = 240
hours = 4
kinds = ["full-time"]
cost_per_shift = 1
"#,
        &["presale"],
        1,
    );
    let staff: Vec<Person> = ["Li", "Wang"]
        .iter()
        .map(|name| Person {
            max_hours_per_week: 8.0,
            ..person(name, &["presale"])
        })
        .collect();
    let need = |_, i| match i {
        8..=11 => 2,
        14..=21 => 1,
        _ => 0,
    };
    let plan = schedule(&s, &staff, &requirements(&s, need)).unwrap();
    assert!(no_shortfall(&plan));
    assert_eq!(plan.pay, 82.0);
    let mut shifts: Vec<(Option<usize>, String)> = plan
        .shifts
        .iter()
        .map(|p| {
            (
                p.person,
                format!("{} {}", p.template, p.start.format("%H:%M")),
            )
        })
        .collect();
    shifts.sort();
    assert_eq!(shifts.len(), 4);
    assert!(shifts.iter().all(|(_, s)| s != "late 14:00"), "{shifts:?}");
}
