//! Intraday moves on instances small enough to check by hand.
//!
//! One day, 08:00-16:00, hourly. A queue takes chats of 180 s, one at a time, 80% answered in
//! 20 s, no shrinkage: 40 chats an hour (2 Erlang) need 4 agents, 49.6 need 5 (Erlang C: 4
//! agents answer 73.6% at 2.48 Erlang, 5 agents 90.4%), 20 or 24.8 need 3.
//!
//! 52 chats seen in each of 08:00 and 09:00 against 40 forecast: with 20 chats of credibility
//! the surprise is (104 + 20) / (80 + 20) = 1.24. A half-life of a million hours keeps it for
//! the day: 40 chats become 49.6 and need 5 agents from 10:00, one more than planned.

use chrono::{Duration, NaiveDateTime};
use shiftcast::intraday::{intraday, Actual, Intraday, Move, MoveKind, WrittenPlan};
use shiftcast::roster::RosterRow;
use shiftcast::scenario::{Kind, Person};
use shiftcast::schedule::{Activity, Segment};
use shiftcast::staffing::{self, Requirement};
use shiftcast::time::parse_time;

mod common;

const DAY: &str = r#"
[horizon]
start = "2026-11-11T08:00"
end = "2026-11-11T16:00"
interval_minutes = 60
[requirements]
file = "unused.csv"
[staff]
file = "unused.csv"
[costs]
full_time_per_hour = 35
part_time_per_hour = 30
shortfall_per_agent_hour = 500
[intraday]
call_in_notice_minutes = 0
surprise_half_life_hours = 1000000
[[shifts]]
name = "day"
start = "08:00"
hours = 8
kinds = ["full-time"]
breaks = [{ name = "meal", minutes = 60, earliest_after_hours = 1, latest_after_hours = 4 }]
[[shifts]]
name = "part-time"
start = "08:00"
latest_start = "12:00"
start_every_minutes = 120
hours = 4
kinds = ["part-time"]
[part_time]
min_shift_hours = 4
max_shift_hours = 8
"#;

const QUEUE: &str = r#"
handle_time_seconds = 180
service_level = 0.8
answer_within_seconds = 20
"#;

fn t(text: &str) -> NaiveDateTime {
    parse_time(&format!("2026-11-11T{text}")).unwrap()
}

/// The scenario with these queues (named, each with [`QUEUE`]) and part-timers for `skills`.
fn scenario(queues: &[&str], skills: &[&str]) -> shiftcast::scenario::Scenario {
    let mut text = DAY.replace("[part_time]", &format!("[part_time]\nskills = {skills:?}"));
    for q in queues {
        text += &format!("[[queues]]\nname = \"{q}\"{QUEUE}");
    }
    common::scenario(&text)
}

/// A shift on the roster serving `queue` throughout, but for a meal at `meal`.
fn shift(name: &str, queue: &str, from: &str, to: &str, meal: Option<&str>) -> RosterRow {
    let (start, end) = (t(from), t(to));
    let mut segments = Vec::new();
    let mut at = start;
    let mut push = |from: NaiveDateTime, to: NaiveDateTime, activity: Activity| {
        if from < to {
            segments.push(Segment {
                start: from,
                end: to,
                activity,
            });
        }
    };
    if let Some(meal) = meal {
        let meal = t(meal);
        push(at, meal, Activity::Queue(queue.into()));
        push(
            meal,
            meal + Duration::hours(1),
            Activity::Break("meal".into()),
        );
        at = meal + Duration::hours(1);
    }
    push(at, end, Activity::Queue(queue.into()));
    let hired = name.starts_with("PT-") || name.starts_with("SB-");
    RosterRow {
        name: name.into(),
        group: if hired { "part-time" } else { "main" }.into(),
        queue: queue.into(),
        template: if hired { "part-time" } else { "day" }.into(),
        start,
        end,
        kind: if hired {
            Kind::PartTime
        } else {
            Kind::FullTime
        },
        hired,
        segments,
    }
}

/// The plan's requirements for `chats(queue, hour)`.
/// Each of `names` on `queue` all day, 08-16, without a meal.
fn all_day(queue: &str, names: &[&str]) -> Vec<RosterRow> {
    names
        .iter()
        .map(|name| shift(name, queue, "08:00", "16:00", None))
        .collect()
}

fn planned(
    scenario: &shiftcast::scenario::Scenario,
    chats: impl Fn(usize, usize) -> f64,
) -> Vec<Requirement> {
    let mut out = common::requirements(scenario, |_, _| 0);
    let hours = scenario.horizon.len();
    for (cell, r) in out.iter_mut().enumerate() {
        let queue = &scenario.queues[cell / hours];
        r.inquiries = chats(cell / hours, cell % hours);
        r.agents_required = staffing::agents_required(queue, r.inquiries, 60).unwrap();
    }
    out
}

/// 52 chats at 08:00 and 09:00 on `queue`, `other` chats on the other queues.
fn rush(scenario: &shiftcast::scenario::Scenario, other: f64) -> Vec<Actual> {
    let mut rows = Vec::new();
    for (q, queue) in scenario.queues.iter().enumerate() {
        for hour in ["08:00", "09:00"] {
            rows.push(Actual {
                time: t(hour),
                queue: queue.name.clone(),
                inquiries: if q == 0 { 52.0 } else { other },
                answered_within_target: None,
                agents_logged_in: None,
                orders: None,
                service_orders: None,
            });
        }
    }
    rows
}

fn staff(names: &[(&str, &[&str])]) -> Vec<Person> {
    names
        .iter()
        .map(|(name, skills)| common::person(name, skills))
        .collect()
}

/// What `name` does in the repaired roster, e.g. "presale 08:00-12:00, meal 12:00-13:00".
fn day_of(day: &Intraday, name: &str) -> String {
    let row = day.roster.iter().find(|r| r.name == name).unwrap();
    shiftcast::schedule::describe(&row.segments, &str::to_string)
}

fn moves(day: &Intraday) -> Vec<(MoveKind, &str, &str, NaiveDateTime, NaiveDateTime)> {
    day.moves
        .iter()
        .map(|m: &Move| (m.kind, m.name.as_str(), m.queue.as_str(), m.start, m.end))
        .collect()
}

/// Four agents all day for 40 chats an hour: Ana, Bo and Cai 08-16, PT-01 08-12 then PT-02
/// 12-16; SB-01 on call 10-14.
fn four_all_day(scenario: &shiftcast::scenario::Scenario) -> WrittenPlan {
    WrittenPlan {
        requirements: planned(scenario, |_, _| 40.0),
        roster: [
            all_day("presale", &["Ana", "Bo", "Cai"]),
            vec![
                shift("PT-01", "presale", "08:00", "12:00", None),
                shift("PT-02", "presale", "12:00", "16:00", None),
            ],
        ]
        .concat(),
        standby: vec![shift("SB-01", "presale", "10:00", "14:00", None)],
    }
}

/// [`four_all_day`] meets 40 chats. One more agent from 10:00 to 16:00 costs at the least 240: SB-01, on call 10-14, comes for
/// 4 h at 30 (120), and PT-01 stays 4 h longer, 12-16 (120). A new part-timer 12-16 would cost
/// 4 x (30 + 1 for hiring a stranger) = 124 instead, and Dan, a full-timer off today, can only
/// start at 08:00, which is past.
#[test]
fn call_in_and_extend_cover_a_rush_at_the_least_pay() {
    let scenario = scenario(&["presale"], &["presale"]);
    let plan = four_all_day(&scenario);
    let people = staff(&[
        ("Ana", &["presale"]),
        ("Bo", &["presale"]),
        ("Cai", &["presale"]),
        ("Dan", &["presale"]),
    ]);
    let day = intraday(&scenario, &people, &plan, &rush(&scenario, 0.0), t("10:00")).unwrap();
    assert!((day.surprise[0].ratio - 1.24).abs() < 1e-12);
    assert!((day.reforecast[0].reforecast - 49.6).abs() < 1e-6);
    assert_eq!(
        moves(&day),
        vec![
            (MoveKind::CallIn, "SB-01", "presale", t("10:00"), t("14:00")),
            (MoveKind::Extend, "PT-01", "presale", t("12:00"), t("16:00")),
        ]
    );
    assert!((day.moves_cost - 240.0).abs() < 1e-9);
    assert_eq!(day.shortfall_agent_hours_after, 0.0);
    let pt01 = day.roster.iter().find(|r| r.name == "PT-01").unwrap();
    assert_eq!((pt01.start, pt01.end), (t("08:00"), t("16:00")));
}

/// No rush (40 chats seen, 40 forecast), but only 3 of the 4 planned agents logged in at 08:00
/// and 09:00: attendance 0.75, so the day needs 4 / 0.75 = 5.33, rounded up 6 on the roster
/// from 10:00, two more than planned. Two more in every hour 10-16 at the least pay: SB-01
/// 10-14 (120) and a new part-timer 10-14 for the morning, PT-01 staying 12-16 (120) and a new
/// part-timer 12-16 for the afternoon: 480 in pay (a new hire is priced 1 an hour above their
/// pay, so SB-01, on call, comes before a second stranger for the morning).
#[test]
fn absence_seen_so_far_is_staffed_for_in_the_hours_to_come() {
    let scenario = scenario(&["presale"], &["presale"]);
    let plan = four_all_day(&scenario);
    let people = staff(&[
        ("Ana", &["presale"]),
        ("Bo", &["presale"]),
        ("Cai", &["presale"]),
    ]);
    let mut actuals = rush(&scenario, 0.0);
    for a in &mut actuals {
        a.inquiries = 40.0;
        a.agents_logged_in = Some(3.0);
    }
    let day = intraday(&scenario, &people, &plan, &actuals, t("10:00")).unwrap();
    assert_eq!(day.surprise[0].attendance, Some(0.75));
    assert_eq!(day.surprise[0].ratio, 1.0);
    assert_eq!(day.requirements[2].agents_required, 6);
    assert_eq!(
        moves(&day),
        vec![
            (MoveKind::CallIn, "SB-01", "presale", t("10:00"), t("14:00")),
            (
                MoveKind::AddPartTimer,
                "PT-03",
                "presale",
                t("10:00"),
                t("14:00")
            ),
            (MoveKind::Extend, "PT-01", "presale", t("12:00"), t("16:00")),
            (
                MoveKind::AddPartTimer,
                "PT-04",
                "presale",
                t("12:00"),
                t("16:00")
            ),
        ]
    );
    assert!((day.moves_cost - 480.0).abs() < 1e-9);
}

/// With a call-in notice of 3 hours nobody can come before 13:00: SB-01 would have only 1 h of
/// their on-call shift left, less than a part-timer's 4-hour least, so the cheapest cover is
/// PT-01 staying on 12-16 (120), and 10:00-12:00 stay short: 2 agent-hours.
#[test]
fn call_in_respects_the_notice() {
    let mut scenario = scenario(&["presale"], &["presale"]);
    scenario.intraday.call_in_notice_minutes = 180.0;
    let plan = four_all_day(&scenario);
    let people = staff(&[
        ("Ana", &["presale"]),
        ("Bo", &["presale"]),
        ("Cai", &["presale"]),
    ]);
    let day = intraday(&scenario, &people, &plan, &rush(&scenario, 0.0), t("10:00")).unwrap();
    assert_eq!(
        moves(&day),
        vec![(MoveKind::Extend, "PT-01", "presale", t("12:00"), t("16:00"))]
    );
    assert_eq!(day.shortfall_agent_hours_after, 2.0);
}

/// Two queues. Pre-sale has Bo, Cai, Dan and Eve for 40 chats (4 needed); after-sale has
/// Ana, Fay, Gus and Hal for 20 chats (3 needed), and Ana serves either. After-sale's 40 chats
/// seen against 40 forecast leave it at 20 (3 needed); pre-sale's rush needs a fifth agent from
/// 10:00. Ana moves over for the rest of the day: 6 agent-hours at the switch price of 1,
/// far below anyone's pay, and after-sale keeps the 3 it needs.
#[test]
fn a_cross_trained_agent_switches_queue_for_the_rush() {
    let scenario = scenario(&["presale", "aftersale"], &["presale"]);
    let plan = WrittenPlan {
        requirements: planned(&scenario, |q, _| if q == 0 { 40.0 } else { 20.0 }),
        roster: [
            all_day("presale", &["Bo", "Cai", "Dan", "Eve"]),
            all_day("aftersale", &["Ana", "Fay", "Gus", "Hal"]),
        ]
        .concat(),
        standby: Vec::new(),
    };
    let people = staff(&[
        ("Ana", &["presale", "aftersale"]),
        ("Bo", &["presale"]),
        ("Cai", &["presale"]),
        ("Dan", &["presale"]),
        ("Eve", &["presale"]),
        ("Fay", &["aftersale"]),
        ("Gus", &["aftersale"]),
        ("Hal", &["aftersale"]),
    ]);
    let day = intraday(
        &scenario,
        &people,
        &plan,
        &rush(&scenario, 20.0),
        t("10:00"),
    )
    .unwrap();
    assert_eq!(day.surprise[1].ratio, 1.0);
    assert_eq!(
        moves(&day),
        vec![(
            MoveKind::SwitchQueue,
            "Ana",
            "presale",
            t("10:00"),
            t("16:00")
        )]
    );
    assert_eq!(day.moves_cost, 0.0);
    assert_eq!(
        day_of(&day, "Ana"),
        "aftersale 08:00-10:00, presale 10:00-16:00"
    );
}

/// Pre-sale forecast 40 chats until noon (4 needed), 20 after (3). Bo, Cai, Dan and Eve work
/// 08-16, PT-01 08-12; Bo's meal is planned at 10:00. The rush needs 5 until noon (49.6 chats)
/// and 3 after (24.8): at 10:00 Bo's meal leaves 4. His meal may start 1 to 4 hours into his
/// shift, 09:00 to 12:00: at 11:00 it would leave 4 of 5, at 12:00 it leaves 3 of 3. So the
/// meal moves to 12:00-13:00, for the move price of 1, and nobody is called in.
#[test]
fn a_meal_moves_to_an_hour_that_can_spare_it() {
    let scenario = scenario(&["presale"], &["presale"]);
    let plan = WrittenPlan {
        requirements: planned(&scenario, |_, hour| if hour < 4 { 40.0 } else { 20.0 }),
        roster: [
            vec![shift("Bo", "presale", "08:00", "16:00", Some("10:00"))],
            all_day("presale", &["Cai", "Dan", "Eve"]),
            vec![shift("PT-01", "presale", "08:00", "12:00", None)],
        ]
        .concat(),
        standby: Vec::new(),
    };
    let people = staff(&[
        ("Bo", &["presale"]),
        ("Cai", &["presale"]),
        ("Dan", &["presale"]),
        ("Eve", &["presale"]),
    ]);
    let day = intraday(&scenario, &people, &plan, &rush(&scenario, 0.0), t("10:00")).unwrap();
    assert_eq!(
        moves(&day),
        vec![(MoveKind::MoveBreak, "Bo", "meal", t("12:00"), t("13:00"))]
    );
    assert_eq!(day.moves[0].was_start, Some(t("10:00")));
    assert_eq!(day.shortfall_agent_hours_after, 0.0);
    assert_eq!(
        day_of(&day, "Bo"),
        "presale 08:00-12:00, meal 12:00-13:00, presale 13:00-16:00"
    );
}

/// The rush needs a fifth agent 10-16. Fay (35 an hour) or Eve, a lead paid 50, can come in on
/// a 10:00 shift of 6 hours: Fay costs 210, Eve 300. With one lead per 4 agents on shift, a
/// fifth agent beside Ana, the only lead on the floor, needs a second lead: Fay would leave one
/// missing for 6 hours at 300 an hour (`costs.lead_short_per_hour`), so Eve comes instead.
#[test]
fn lead_on_duty_calls_in_a_lead_when_the_floor_grows() {
    let with_mid_shift = |rule: &str| {
        let mut text = DAY.replace("[part_time]", "[part_time]\nskills = [\"presale\"]");
        text +=
            "[[shifts]]\nname = \"mid\"\nstart = \"10:00\"\nhours = 6\nkinds = [\"full-time\"]\n";
        text += &format!("[[queues]]\nname = \"presale\"{QUEUE}");
        common::scenario(&text.replace("[costs]", &format!("[rules]\n{rule}\n[costs]")))
    };
    let roster = all_day("presale", &["Ana", "Bo", "Cai", "Dan"]);
    let mut people = staff(&[
        ("Ana", &["presale"]),
        ("Bo", &["presale"]),
        ("Cai", &["presale"]),
        ("Dan", &["presale"]),
        ("Eve", &["presale"]),
        ("Fay", &["presale"]),
    ]);
    people[0].lead = true;
    people[4].lead = true;
    people[4].wage_per_hour = Some(50.0);
    // Two new part-timers, 10-14 and 12-16, would cost 248 and bring no lead either.
    for (rule, called) in [("", "Fay"), ("agents_per_lead = 4", "Eve")] {
        let scenario = with_mid_shift(rule);
        let plan = WrittenPlan {
            requirements: planned(&scenario, |_, _| 40.0),
            roster: roster.clone(),
            standby: Vec::new(),
        };
        let day = intraday(&scenario, &people, &plan, &rush(&scenario, 0.0), t("10:00")).unwrap();
        assert_eq!(
            moves(&day),
            vec![(MoveKind::CallIn, called, "presale", t("10:00"), t("16:00"))],
            "{rule}"
        );
    }
}

/// A plan made from agents required given directly has no forecast to weigh the chats against.
#[test]
fn a_plan_without_a_forecast_is_refused() {
    let scenario = scenario(&["presale"], &["presale"]);
    let plan = WrittenPlan {
        requirements: common::requirements(&scenario, |_, _| 4),
        ..four_all_day(&scenario)
    };
    let people = staff(&[
        ("Ana", &["presale"]),
        ("Bo", &["presale"]),
        ("Cai", &["presale"]),
    ]);
    let error = intraday(&scenario, &people, &plan, &rush(&scenario, 0.0), t("10:00")).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("requirements.csv: the plan forecast no chats"),
        "{error}"
    );
}
