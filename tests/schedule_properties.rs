//! Invariants of any plan, on random small teams and requirements: coverage plus reported
//! shortfall reaches the requirement, nobody is in two places, rest and hours hold, and people
//! only work queues they are trained for, when they are available, also when the plan counts
//! interchangeable people together and names them afterwards. With the week's rules switched on
//! at random, each named person's nights in a row, rest after nights, runs of days off and
//! weekends off hold too; with sessions, leads, minimum hours and salaried contracts, everyone
//! keeps clear of their group's session, hired part-timers keep one shift a day in one band, and
//! leads and minimum hours hold up to what the plan reports missing.

use proptest::prelude::*;
use shiftcast::roster::{self, rest_violations};
use shiftcast::scenario::Person;
use shiftcast::schedule::{schedule, Activity};
use shiftcast::time::{format_time, parse_time, ClockWindow};

use chrono::{Duration, NaiveDateTime, Timelike};

mod common;

const SCENARIO: &str = r#"
[horizon]
start = "2026-11-10T00:00"
end = "2026-11-12T00:00"
interval_minutes = 60
[history]
file = "unused.csv"
[staff]
file = "unused.csv"
[rules]
min_rest_hours = 11
[costs]
full_time_per_hour = 30
part_time_per_hour = 45
shortfall_per_agent_hour = 100
[[queues]]
name = "presale"
handle_time_seconds = 180
service_level = 0.8
answer_within_seconds = 30
[[queues]]
name = "aftersale"
handle_time_seconds = 300
service_level = 0.8
answer_within_seconds = 60
[[shifts]]
name = "night"
start = "22:00"
hours = 8
kinds = ["full-time"]
[[shifts]]
name = "day"
start = "08:00"
hours = 8
breaks = [{ name = "meal", minutes = 60, earliest_after_hours = 3, latest_after_hours = 5 }]
[[shifts]]
name = "late"
start = "14:00"
hours = 8
[[shifts]]
name = "pt"
start = "18:00"
hours = 4
kinds = ["part-time"]
[[phases]]
name = "main"
start = "2026-11-11T00:00"
end = "2026-11-11T04:00"
queues = ["presale"]
may = ["main"]
must = ["main"]
"#;

/// Four days from Friday 11-13 (one weekend) for the week's rules, which the test then switches
/// on; 8 hours' rest lets a late shift follow a night the same day unless rest after nights
/// forbids it.
const WEEK: &str = r#"
[horizon]
start = "2026-11-13T00:00"
end = "2026-11-17T00:00"
interval_minutes = 60
[history]
file = "unused.csv"
[staff]
file = "unused.csv"
[rules]
min_rest_hours = 8
[costs]
full_time_per_hour = 30
part_time_per_hour = 45
shortfall_per_agent_hour = 100
[[queues]]
name = "presale"
handle_time_seconds = 180
service_level = 0.8
answer_within_seconds = 30
[[queues]]
name = "aftersale"
handle_time_seconds = 300
service_level = 0.8
answer_within_seconds = 60
[[shifts]]
name = "night"
start = "22:00"
hours = 8
kinds = ["full-time"]
[[shifts]]
name = "day"
start = "08:00"
hours = 8
kinds = ["full-time"]
[[shifts]]
name = "late"
start = "14:00"
hours = 8
kinds = ["full-time"]
[[shifts]]
name = "pt"
start = "18:00"
hours = 4
kinds = ["part-time"]
"#;

fn person_strategy() -> impl Strategy<Value = Person> {
    (
        (0..3usize, 0..3usize, 0..3usize),
        (any::<bool>(), 6.0..12.0f64, any::<bool>()),
    )
        .prop_map(
            |((group, skills, window), (day_off, daily, one_day_in_row))| Person {
                group: ["main", "backup", "backup"][group].into(),
                available: [
                    ClockWindow::ALWAYS,
                    ClockWindow::parse("08:00-22:00").unwrap(),
                    ClockWindow::parse("20:00-06:00").unwrap(),
                ][window],
                days_off: if day_off {
                    vec![chrono::NaiveDate::from_ymd_opt(2026, 11, 10).unwrap()]
                } else {
                    vec![]
                },
                max_hours_per_day: daily.round(),
                max_days_in_row: one_day_in_row.then_some(1),
                ..common::person(
                    "",
                    [&["presale"][..], &["aftersale"], &["presale", "aftersale"]][skills],
                )
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_plan_keeps_the_rules(
        people in prop::collection::vec(person_strategy(), 0..7),
        copies in 1..4usize,
        needs in prop::collection::vec(0..6u32, 96),
    ) {
        // Copies of one person are interchangeable: the plan counts them and names them after.
        let mut staff: Vec<Person> = people
            .iter()
            .flat_map(|p| std::iter::repeat_n(p.clone(), copies))
            .collect();
        for (i, p) in staff.iter_mut().enumerate() {
            p.name = format!("P{i}");
        }
        let scenario = common::scenario(SCENARIO);
        let times = scenario.horizon.times();
        let requirements = common::requirements(&scenario, |q, i| needs[q * times.len() + i]);
        let plan = schedule(&scenario, &staff, &requirements).unwrap();

        for (q, row) in plan.scheduled.iter().enumerate() {
            for (i, on_duty) in row.iter().enumerate() {
                let need = requirements[q * times.len() + i].agents_required;
                prop_assert!(f64::from(*on_duty) + plan.shortfall[q][i] >= f64::from(need));
            }
        }
        let named = roster::build(&plan.shifts, &staff, &scenario);
        prop_assert!(rest_violations(&named.rows, scenario.min_rest_hours, None).is_empty());
        let main_phase = &scenario.phases[0];
        for row in &named.rows {
            // The meal falls 3 to 5 hours into every day shift that has all its hours planned.
            let meals: Vec<_> = row
                .segments
                .iter()
                .filter(|s| matches!(s.activity, Activity::Break(_)))
                .collect();
            if row.template == "day" {
                prop_assert_eq!(meals.len(), 1, "{:?}", row);
                let into = (meals[0].start - row.start).num_hours();
                prop_assert!((3..=5).contains(&into) && meals[0].end - meals[0].start == chrono::Duration::hours(1));
            } else {
                prop_assert!(meals.is_empty());
            }
            if let Some(p) = staff.iter().find(|p| p.name == row.name) {
                if p.max_days_in_row == Some(1) {
                    let days: Vec<_> = named
                        .rows
                        .iter()
                        .filter(|r| r.name == row.name)
                        .map(|r| r.start.date())
                        .collect();
                    prop_assert!(days.windows(2).all(|w| (w[1] - w[0]).num_days() >= 2), "{:?}", days);
                }
                prop_assert!(row.hours() <= p.max_hours_per_day);
                let mut t = row.start;
                while t < row.end {
                    prop_assert!(p.available.contains(t) && !p.days_off.contains(&t.date()));
                    t += chrono::Duration::hours(1);
                }
            }
            for segment in &row.segments {
                let Activity::Queue(queue) = &segment.activity else { continue };
                if let Some(p) = staff.iter().find(|p| p.name == row.name) {
                    prop_assert!(p.skills.contains(queue), "{:?}", row);
                }
                let in_main = segment.start < main_phase.end
                    && main_phase.start < segment.end
                    && queue == "presale";
                prop_assert!(!in_main || row.group == "main", "{:?}", row);
            }
        }
    }
}

/// `[rules]` with each week rule on or off: (max nights in a row, rest after nights, days off
/// together, weekends off per 4 weeks).
type WeekRules = (Option<u32>, Option<f64>, Option<u32>, Option<u32>);

fn week_rules_strategy() -> impl Strategy<Value = WeekRules> {
    (
        prop::option::of(1..3u32),
        prop::option::of(prop::sample::select(vec![24.0, 36.0])),
        prop::option::of(2..4u32),
        prop::option::of(prop::sample::select(vec![2u32, 4])),
    )
}

/// Whether one person's named shifts keep the week's rules; the plan's days run from the day
/// before the horizon (where a night may start) to its last day.
fn keeps_week_rules(rows: &[&roster::RosterRow], rules: &WeekRules) -> Result<(), String> {
    let (nights_in_row, rest, together, weekends) = *rules;
    let date = |d: u32| chrono::NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    let is_night = |r: &&&roster::RosterRow| r.template == "night";
    let nights: Vec<_> = rows
        .iter()
        .filter(is_night)
        .map(|r| r.start.date())
        .collect();
    let worked = |d: u32| rows.iter().any(|r| r.start.date() == date(d));
    if let Some(n) = nights_in_row {
        for first in 12..=16 {
            let run = nights
                .iter()
                .filter(|d| (date(first)..=date(first + n)).contains(d));
            if run.count() > n as usize {
                return Err(format!("more than {n} nights in a row from 11-{first}"));
            }
        }
    }
    if let Some(hours) = rest {
        for night in rows.iter().filter(is_night) {
            for other in rows.iter().filter(|r| r.template != "night") {
                let after = (other.start - night.end).num_minutes() as f64 / 60.0;
                if (0.0..hours).contains(&after) {
                    return Err(format!("{} starts {after} h after a night", other.start));
                }
            }
        }
    }
    if let Some(k) = together {
        for d in 13..=16 {
            let cut = (d..d + k).take_while(|&j| j <= 16);
            if worked(d - 1) && !worked(d) && cut.clone().any(worked) {
                return Err(format!("a day off on 11-{d} shorter than {k} days"));
            }
        }
    }
    if weekends == Some(4) && (worked(14) || worked(15)) {
        return Err("no weekend off".into());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn any_plan_keeps_the_week_rules(
        people in prop::collection::vec(person_strategy(), 0..6),
        copies in 1..4usize,
        needs in prop::collection::vec(0..5u32, 192),
        rules in week_rules_strategy(),
    ) {
        let mut staff: Vec<Person> = people
            .iter()
            .flat_map(|p| std::iter::repeat_n(p.clone(), copies))
            .collect();
        for (i, p) in staff.iter_mut().enumerate() {
            p.name = format!("P{i}");
        }
        let mut scenario = common::scenario(WEEK);
        (
            scenario.rules.max_nights_in_row,
            scenario.rules.rest_after_nights_hours,
            scenario.rules.days_off_together,
            scenario.rules.weekends_off_per_4_weeks,
        ) = rules;
        let times = scenario.horizon.times();
        let requirements = common::requirements(&scenario, |q, i| needs[q * times.len() + i]);
        let plan = schedule(&scenario, &staff, &requirements).unwrap();
        for (q, row) in plan.scheduled.iter().enumerate() {
            for (i, on_duty) in row.iter().enumerate() {
                let need = requirements[q * times.len() + i].agents_required;
                prop_assert!(f64::from(*on_duty) + plan.shortfall[q][i] >= f64::from(need));
            }
        }
        let named = roster::build(&plan.shifts, &staff, &scenario);
        for p in &staff {
            let mine: Vec<_> = named.rows.iter().filter(|r| r.name == p.name).collect();
            let kept = keeps_week_rules(&mine, &rules);
            prop_assert!(kept.is_ok(), "{}: {:?} in {:?}", p.name, kept, mine);
        }
    }
}

/// Part-time shifts from any even hour, for the hired part-timers' bands.
const ANY_EVEN_HOUR: &str = r#"
[[shifts]]
name = "pt-any"
start = "00:00"
latest_start = "22:00"
start_every_minutes = 120
hours = 4
kinds = ["part-time"]
"#;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn any_plan_keeps_the_contract_rules(
        people in prop::collection::vec(
            (person_strategy(), any::<bool>(), prop::option::of(8.0..24.0f64)),
            0..5,
        ),
        copies in 1..3usize,
        needs in prop::collection::vec(0..5u32, 96),
        salaried in any::<bool>(),
        session in prop::option::of((0..2usize, 0..44u32)),
        per_lead in prop::option::of(2..4u32),
    ) {
        let mut staff: Vec<Person> = people
            .iter()
            .flat_map(|(p, lead, min)| {
                let p = Person { lead: *lead, min_hours_per_week: *min, ..p.clone() };
                std::iter::repeat_n(p, copies)
            })
            .collect();
        for (i, p) in staff.iter_mut().enumerate() {
            p.name = format!("P{i}");
        }
        let mut text = format!("{SCENARIO}{ANY_EVEN_HOUR}");
        let session_group = session.map(|(g, hour)| {
            let start = parse_time("2026-11-10T00:00").unwrap() + Duration::hours(hour.into());
            let group = ["main", "backup"][g];
            text += &format!(
                "[[sessions]]\nname = \"drill\"\nstart = \"{}\"\nend = \"{}\"\ngroups = [\"{group}\"]\n",
                format_time(start),
                format_time(start + Duration::hours(2)),
            );
            (group, start, start + Duration::hours(2))
        });
        let mut scenario = common::scenario(&text);
        scenario.costs.full_time_salaried = salaried;
        scenario.rules.agents_per_lead = per_lead;
        let times = scenario.horizon.times();
        let requirements = common::requirements(&scenario, |q, i| needs[q * times.len() + i]);
        let plan = schedule(&scenario, &staff, &requirements).unwrap();
        let named = roster::build(&plan.shifts, &staff, &scenario);
        let rest = Duration::hours(11);
        // Sessions: everyone in the group attends, and their shifts keep the rest from it.
        if let Some((group, start, end)) = session_group {
            for p in staff.iter().filter(|p| p.group == group) {
                let mine: Vec<_> = named.rows.iter().filter(|r| r.name == p.name).collect();
                prop_assert!(mine.iter().any(|r| r.is_session()));
                for r in mine.iter().filter(|r| !r.is_session()) {
                    prop_assert!(r.end + rest <= start || end + rest <= r.start, "{r:?}");
                }
            }
        }
        // Hired part-timers: one shift a day, every start in one 2-hour band.
        let mut hires: std::collections::BTreeMap<&str, Vec<NaiveDateTime>> = Default::default();
        for r in named.rows.iter().filter(|r| r.hired) {
            hires.entry(&r.name).or_default().push(r.start);
        }
        for starts in hires.values() {
            let bands: std::collections::BTreeSet<u32> = starts.iter().map(|t| t.hour() / 2).collect();
            let days: std::collections::BTreeSet<_> = starts.iter().map(|t| t.date()).collect();
            prop_assert_eq!(bands.len(), 1, "{:?}", starts);
            prop_assert_eq!(days.len(), starts.len(), "{:?}", starts);
        }
        // Leads: on shift, with the leads reported missing (to 0.01), one per `per_lead` agents
        // on shift.
        if let Some(per_lead) = per_lead.map(f64::from) {
            for t in &times {
                let on = |lead: bool| {
                    named.rows.iter().filter(|r| {
                        !r.is_session() && r.start <= *t && *t < r.end
                            && (!lead || staff.iter().any(|p| p.lead && p.name == r.name))
                    }).count() as f64
                };
                let short: f64 = plan.leads_short.iter().filter(|(at, _)| at == t).map(|(_, n)| n).sum();
                prop_assert!((on(true) + short + 0.005) * per_lead >= on(false), "{t}");
            }
        }
        // Minimum hours: worked (sessions count) plus reported short reach the minimum, pro rata
        // for two days of a week; a salaried full-timer with no contract is paid the minimum, or
        // else a full week.
        for p in &staff {
            let weekly = match (p.min_hours_per_week, salaried) {
                (min, true) => min.unwrap_or(p.max_hours_per_week),
                (Some(min), false) => min,
                (None, false) => continue,
            };
            let worked: f64 = named.rows.iter().filter(|r| r.name == p.name).map(|r| r.hours()).sum();
            let short: f64 = plan.below_minimum.iter().filter(|b| b.person == p.name).map(|b| b.hours).sum();
            prop_assert!(worked + short >= weekly * 2.0 / 7.0 - 0.01, "{}: {worked} + {short}", p.name);
        }
    }
}
