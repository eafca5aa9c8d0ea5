//! People's contracts and the floor, each on a small instance solved by hand in its comment:
//! salaried contract hours, minimum hours, a person's own wage and kind, preferences, sessions
//! and leads on duty.

use shiftcast::labels::Lang;
use shiftcast::scenario::{Kind, Person, Preference};
use shiftcast::schedule::{schedule, BelowMinimum, Schedule};
use shiftcast::time::parse_time;

mod common;
use common::{given, hourly_scenario, person, requirements};

/// Who works what: (person's name or "hired", template, start) of every shift, in time order.
fn shifts(plan: &Schedule, staff: &[Person]) -> Vec<(String, String, String)> {
    plan.shifts
        .iter()
        .map(|s| {
            let who = s.person.map_or("hired".into(), |p| staff[p].name.clone());
            (
                who,
                s.template.clone(),
                s.start.format("%dT%H:%M").to_string(),
            )
        })
        .collect()
}

fn owned(rows: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    rows.iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect()
}

/// One day, one agent wanted 09:00-17:00; a full-time and a part-time 8-hour template from 09:00;
/// full-timers 35 an hour, part-timers 30.
fn day_job() -> shiftcast::scenario::Scenario {
    let extra = r#"
[[shifts]]
name = "day"
start = "09:00"
hours = 8
kinds = ["full-time"]

[[shifts]]
name = "pt"
start = "09:00"
hours = 8
kinds = ["part-time"]
"#;
    let mut s = hourly_scenario(extra, &["presale"], 1);
    s.costs.full_time_per_hour = 35.0;
    s.costs.part_time_per_hour = 30.0;
    s
}

#[test]
fn salaried_contract_hours_are_used_before_hiring() {
    // Paid by the hour, Ana costs 8 x 35 = 280 and a hired part-timer 8 x 30 = 240 (+ a token 1
    // per head): the plan hires. Salaried, Ana's 35 contract hours a week are 35 x 1/7 = 5
    // hours of this one-day plan, paid anyway: hiring would cost 240 + 5 x 35 idle = 415, so Ana
    // works (280).
    let mut s = day_job();
    let staff = [Person {
        contract_hours_per_week: Some(35.0),
        ..person("Ana", &["presale"])
    }];
    let need = requirements(&s, |_, i| u32::from((9..17).contains(&i)));
    let hourly = schedule(&s, &staff, &need).unwrap();
    assert_eq!(
        shifts(&hourly, &staff),
        owned(&[("hired", "pt", "11T09:00")])
    );
    assert_eq!(hourly.pay, 240.0);
    s.costs.full_time_salaried = true;
    let salaried = schedule(&s, &staff, &need).unwrap();
    assert_eq!(
        shifts(&salaried, &staff),
        owned(&[("Ana", "day", "11T09:00")])
    );
    assert_eq!(salaried.pay, 280.0);
    assert!(salaried.below_minimum.is_empty());
}

#[test]
fn idle_contract_hours_are_paid_and_reported_when_availability_stops_them() {
    // Salaried Ana is off the only day: her 5 pro rata contract hours are paid idle (5 x 35 =
    // 175) beside the hired part-timer's 240, and reported 5 hours below her minimum.
    let mut s = day_job();
    s.costs.full_time_salaried = true;
    let staff = [Person {
        contract_hours_per_week: Some(35.0),
        days_off: vec![parse_time("2026-11-11T00:00").unwrap().date()],
        ..person("Ana", &["presale"])
    }];
    let need = requirements(&s, |_, i| u32::from((9..17).contains(&i)));
    let plan = schedule(&s, &staff, &need).unwrap();
    assert_eq!(shifts(&plan, &staff), owned(&[("hired", "pt", "11T09:00")]));
    assert_eq!(plan.pay, 415.0);
    assert_eq!(
        plan.below_minimum,
        [BelowMinimum {
            person: "Ana".into(),
            week: 0,
            hours: 5.0
        }]
    );
}

#[test]
fn a_named_part_timer_works_part_time_shifts_at_their_own_wage() {
    // Mei, a student at 25 an hour, takes the part-time template (8 x 25 = 200 < 240 for a
    // hire); as a part-timer she may not take the full-time one. Her shift is hers, not a hire's.
    let s = day_job();
    let staff = [Person {
        kind: Kind::PartTime,
        wage_per_hour: Some(25.0),
        group: "student".into(),
        ..person("Mei", &["presale"])
    }];
    let need = requirements(&s, |_, i| u32::from((9..17).contains(&i)));
    let plan = schedule(&s, &staff, &need).unwrap();
    assert_eq!(shifts(&plan, &staff), owned(&[("Mei", "pt", "11T09:00")]));
    assert_eq!(plan.pay, 200.0);
    // On the roster she is a part-timer by contract, and no hire.
    let roster = shiftcast::roster::build(&plan.shifts, &staff, &s);
    assert_eq!(roster.part_timers_hired, 0);
    assert_eq!(
        (roster.rows[0].kind, roster.rows[0].hired),
        (Kind::PartTime, false)
    );
}

#[test]
fn preferences_pick_between_equally_cheap_shifts() {
    // One agent wanted 12:00-14:00; an early (06:00-14:00) and a mid (10:00-18:00) shift cover
    // it at the same pay. Ana would like 14:00-18:00 (weight 2): the mid shift has 4 of those
    // hours, 8 cheaper, so she works it; would she rather not (-2), the early one.
    let extra = "[[shifts]]\nname = \"early\"\nstart = \"06:00\"\nhours = 8\nkinds = [\"full-time\"]\n[[shifts]]\nname = \"mid\"\nstart = \"10:00\"\nhours = 8\nkinds = [\"full-time\"]\n";
    let s = hourly_scenario(extra, &["presale"], 1);
    let need = requirements(&s, |_, i| u32::from((12..14).contains(&i)));
    let wish = |weight: f64| {
        [Person {
            preferences: vec![Preference {
                start: parse_time("2026-11-11T14:00").unwrap(),
                end: parse_time("2026-11-11T18:00").unwrap(),
                weight,
            }],
            ..person("Ana", &["presale"])
        }]
    };
    let likes = wish(2.0);
    let plan = schedule(&s, &likes, &need).unwrap();
    assert_eq!(shifts(&plan, &likes), owned(&[("Ana", "mid", "11T10:00")]));
    let dislikes = wish(-2.0);
    let plan = schedule(&s, &dislikes, &need).unwrap();
    assert_eq!(
        shifts(&plan, &dislikes),
        owned(&[("Ana", "early", "11T06:00")])
    );
    // A wish never pays for a shift nobody needs: with no demand, nobody works.
    let none = requirements(&s, |_, _| 0);
    assert!(schedule(&s, &wish(100.0), &none).unwrap().shifts.is_empty());
}

#[test]
fn the_plan_works_around_a_session_with_rest() {
    // Two days, one agent wanted 08:00-16:00 each day; the main group trains 10:00-12:00 on the
    // 11th. Ana cannot work that day's shift (it overlaps), works the 12th (12:00 + 11 hours'
    // rest is before 08:00), and is paid 8 x 5 for it and 2 x 5 for the session. The 11th's 8
    // agent-hours stay short (no part-timers here).
    let session = "[[sessions]]\nname = \"training\"\nstart = \"2026-11-11T10:00\"\nend = \"2026-11-11T12:00\"\ngroups = [\"main\"]\n";
    let extra = format!("[[shifts]]\nname = \"day\"\nstart = \"08:00\"\nhours = 8\nkinds = [\"full-time\"]\n{session}");
    let s = hourly_scenario(&extra, &["presale"], 2);
    let staff = [person("Ana", &["presale"])];
    let need = requirements(&s, |_, i| u32::from((8..16).contains(&(i % 24))));
    let plan = schedule(&s, &staff, &need).unwrap();
    assert_eq!(
        shifts(&plan, &staff),
        owned(&[("Ana", "training", "11T10:00"), ("Ana", "day", "12T08:00")])
    );
    assert_eq!(plan.pay, 50.0);
    assert_eq!(plan.shortfall[0].iter().sum::<f64>(), 8.0);
    let roster = shiftcast::roster::build(&plan.shifts, &staff, &s);
    let sessions: Vec<bool> = roster.rows.iter().map(|r| r.is_session()).collect();
    assert_eq!(sessions, [true, false]);
}

#[test]
fn a_lead_works_when_the_floor_needs_one() {
    // Two agents wanted 08:00-16:00, one lead per 2 agents: of Li (a lead), Ana and Bo at the
    // same pay, Li and one other work and no lead is missing. Wanting 3, all work: 3 agents need
    // 1.5 leads, so half a lead is missing each of the 8 hours.
    let mut s = hourly_scenario(
        "[[shifts]]\nname = \"day\"\nstart = \"08:00\"\nhours = 8\nkinds = [\"full-time\"]\n",
        &["presale"],
        1,
    );
    s.rules.agents_per_lead = Some(2);
    let staff = [
        person("Ana", &["presale"]),
        person("Bo", &["presale"]),
        Person {
            lead: true,
            ..person("Li", &["presale"])
        },
    ];
    let two = requirements(&s, |_, i| 2 * u32::from((8..16).contains(&i)));
    let plan = schedule(&s, &staff, &two).unwrap();
    assert!(plan.shifts.iter().any(|s| s.person == Some(2)));
    assert!(plan.leads_short.is_empty());
    let three = requirements(&s, |_, i| 3 * u32::from((8..16).contains(&i)));
    let plan = schedule(&s, &staff, &three).unwrap();
    assert_eq!(plan.leads_short.len(), 8);
    assert!(plan.leads_short.iter().all(|(_, short)| *short == 0.5));
    // The report counts whole leads: 3 agents need ceil(3 / 2) = 2 leads, 1 is on duty.
    let plan = shiftcast::plan(&given(s, staff.to_vec(), three), &mut |_| {}).unwrap();
    let missing = &plan.report.summary.leads_missing;
    assert_eq!(missing.len(), 8);
    assert!(missing.iter().all(|m| m.leads == 1));
    let text = |lang| shiftcast::output::text::summary(&plan.report.summary, lang);
    assert!(text(Lang::En).contains(
        "\nLeads missing (lead_on_duty): 8 intervals, up to 1 lead at once, from 2026-11-11T08:00\n"
    ));
    assert!(text(Lang::Zh).contains(
        "\n组长不足（lead_on_duty）：8 个时段，同时最多缺 1 名组长，最早 2026-11-11T08:00\n"
    ));
}
