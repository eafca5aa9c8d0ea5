//! Hired part-timers' patterns (`[part_time]` `start_band_hours`, `max_shifts_per_day`,
//! `max_hours_per_week`, rest as for staff): small plans worked by hand, and the roster's
//! packing of given shifts onto PT-01, PT-02, ...

use chrono::Duration;
use shiftcast::roster::{self, rest_violations};
use shiftcast::scenario::Scenario;
use shiftcast::schedule::PlannedShift;
use shiftcast::time::parse_time;

mod common;
use common::{given, hourly_scenario, requirements};

/// `days` days of one queue with 4-hour part-time shifts from `start` to `latest` every
/// `every` minutes; each hire costs 100 on top of 10 an hour, so the cost shows the head count.
fn part_time_scenario(start: &str, latest: &str, every: u32, days: u32, extra: &str) -> Scenario {
    let shifts = format!(
        "[[shifts]]\nname = \"pt\"\nstart = \"{start}\"\nlatest_start = \"{latest}\"\nstart_every_minutes = {every}\nhours = 4\nkinds = [\"part-time\"]\n{extra}"
    );
    let mut s = hourly_scenario(&shifts, &["presale"], days);
    s.costs.part_time_per_person = 100.0;
    s
}

/// Plans with one agent needed in the horizon's hours `need` holds (0 = 00:00 on day 1) and
/// returns (part-timers needed, total cost, the roster's part-time names in start order).
fn plan(s: &Scenario, need: impl Fn(usize) -> bool) -> (usize, f64, Vec<String>) {
    let needs = requirements(s, |_, i| u32::from(need(i)));
    let inputs = given(s.clone(), vec![], needs);
    let plan = shiftcast::plan(&inputs, &mut |_| {}).unwrap();
    let summary = &plan.report.summary;
    assert_eq!(summary.shortfall_agent_hours, 0.0);
    let names = plan.roster.rows.iter().map(|r| r.name.clone()).collect();
    (summary.part_timers_hired, summary.total_cost, names)
}

#[test]
fn a_morning_and_an_evening_need_two_people_in_two_hour_bands_and_one_in_a_whole_day_band() {
    // Need 08-12 on day 1 and 16-20 on day 2; shifts start at 08:00 or 16:00. The two shifts
    // (80 in wages) start in the bands 08-10 and 16-18, so two hires: 80 + 200 = 280. With
    // one band for the whole day, one person works both (28 hours apart, rested): 180.
    let need = |i: usize| (8..12).contains(&i) || (40..44).contains(&i);
    let s = part_time_scenario("08:00", "16:00", 480, 2, "");
    assert_eq!(
        plan(&s, need),
        (2, 280.0, vec!["PT-01".into(), "PT-02".into()])
    );
    let s = part_time_scenario(
        "08:00",
        "16:00",
        480,
        2,
        "[part_time]\nstart_band_hours = 24\n",
    );
    assert_eq!(
        plan(&s, need),
        (1, 180.0, vec!["PT-01".into(), "PT-01".into()])
    );
}

#[test]
fn two_shifts_in_a_day_only_with_max_shifts_per_day_two() {
    // One band for the day and 1 hour's rest: need 08-12 and 14-18 on one day, shifts at 08:00
    // and 14:00 (80 in wages). One shift a day: two hires, 280; two a day: one, 180.
    let need = |i: usize| (8..12).contains(&i) || (14..18).contains(&i);
    let band = "[part_time]\nstart_band_hours = 24\n";
    let mut s = part_time_scenario("08:00", "14:00", 360, 1, band);
    s.min_rest_hours = 1.0;
    assert_eq!(
        plan(&s, need),
        (2, 280.0, vec!["PT-01".into(), "PT-02".into()])
    );
    s.part_time.max_shifts_per_day = 2;
    assert_eq!(
        plan(&s, need),
        (1, 180.0, vec!["PT-01".into(), "PT-01".into()])
    );
}

#[test]
fn a_weekly_hours_cap_forces_a_second_hire() {
    // Need 08-12 on three days: three 4-hour shifts at 08:00, 120 in wages. One person works
    // them all (320 less 100: 220); at most 8 hours a week, the third goes to a second: 320.
    let need = |i: usize| (8..12).contains(&(i % 24));
    let s = part_time_scenario("08:00", "08:00", 60, 3, "");
    assert_eq!(plan(&s, need).0, 1);
    assert_eq!(plan(&s, need).1, 220.0);
    let s = part_time_scenario(
        "08:00",
        "08:00",
        60,
        3,
        "[part_time]\nmax_hours_per_week = 8\n",
    );
    assert_eq!(
        plan(&s, need),
        (
            2,
            320.0,
            vec!["PT-01".into(), "PT-01".into(), "PT-02".into()]
        )
    );
}

#[test]
fn without_counting_people_the_plan_costs_the_same() {
    // Need 2 agents 08-12 and 1 agent 12-16 on one day; 4-hour shifts from 08:00 to 12:00 at
    // 10 an hour. Only 08:00 shifts cover 08:00, so the cheapest plan is two of them and one
    // at 12:00: 12 hours, 120. Counting people, the pair at 08:00 rests 11 hours, so a third
    // person takes 12:00. Without the count (part_time.count_people = false) the model has no
    // head rows and no shortfall for hours part-timers fill: the same 120 and 3 people.
    let need = |_: usize, i: usize| match i {
        8..=11 => 2,
        12..=15 => 1,
        _ => 0,
    };
    for count in ["true", "false"] {
        let shifts = format!(
            "[[shifts]]\nname = \"pt\"\nstart = \"08:00\"\nlatest_start = \"12:00\"\nhours = 4\nkinds = [\"part-time\"]\n[part_time]\ncount_people = {count}\n"
        );
        let s = hourly_scenario(&shifts, &["presale"], 1);
        assert_eq!(s.part_time.count_people, count == "true");
        let inputs = given(s.clone(), vec![], requirements(&s, need));
        let plan = shiftcast::plan(&inputs, &mut |_| {}).unwrap();
        let summary = &plan.report.summary;
        assert_eq!(summary.total_cost, 120.0);
        assert_eq!(summary.shortfall_agent_hours, 0.0);
        assert_eq!(summary.part_timers_hired, 3);
        // Counting the fewest people is asked for only when people count.
        assert_eq!(summary.part_timers_needed, (count == "true").then_some(3));
        let starts: Vec<String> = plan
            .schedule
            .shifts
            .iter()
            .map(|s| s.start.to_string())
            .collect();
        assert_eq!(
            starts,
            [
                "2026-11-11 08:00:00",
                "2026-11-11 08:00:00",
                "2026-11-11 12:00:00"
            ]
        );
    }
}

#[test]
fn a_price_per_person_counts_people_even_when_count_people_is_false() {
    // The first instance above with part_time.count_people = false: each hire still costs 100,
    // which needs the head count, so the plan is the same: 2 hires, 280.
    let need = |i: usize| (8..12).contains(&i) || (40..44).contains(&i);
    let s = part_time_scenario(
        "08:00",
        "16:00",
        480,
        2,
        "[part_time]\ncount_people = false\n",
    );
    assert_eq!(
        plan(&s, need),
        (2, 280.0, vec!["PT-01".into(), "PT-02".into()])
    );
}

fn pt_shift(start: &str, hours: i64) -> PlannedShift {
    let start = parse_time(start).unwrap();
    PlannedShift {
        person: None,
        queue: "presale".into(),
        template: "pt".into(),
        start,
        end: start + Duration::hours(hours),
        segments: Vec::new(),
    }
}

#[test]
fn part_timers_are_reused_only_after_rest() {
    // One band for the day, 11 hours' rest. Two overlapping evening shifts need two people; the
    // next evening both are rested again (20 h later), but a shift starting 4 h after the first
    // ends needs a third person, who may not work the next evening as well (same day).
    let s = part_time_scenario(
        "00:00",
        "22:00",
        120,
        1,
        "[part_time]\nstart_band_hours = 24\n",
    );
    let shifts = vec![
        pt_shift("2026-11-10T18:00", 4),
        pt_shift("2026-11-10T18:00", 4),
        pt_shift("2026-11-11T02:00", 4),
        pt_shift("2026-11-11T18:00", 4),
        pt_shift("2026-11-11T18:00", 4),
    ];
    let roster = roster::build(&shifts, &[], &s);
    assert_eq!(roster.part_timers_hired, 3);
    let names: Vec<&str> = roster.rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["PT-01", "PT-02", "PT-03", "PT-01", "PT-02"]);
    assert!(rest_violations(&roster.rows, 11.0, None).is_empty());
    assert_eq!(rest_violations(&roster.rows, 21.0, None).len(), 2);
}

#[test]
fn packing_keeps_each_part_timer_in_one_band_and_spreads_a_week_s_hours() {
    // 2-hour bands, at most 12 hours a week, 4-hour shifts: 08:00 and 09:00 on day 1 (band
    // 08-10, overlapping: two people), 14:00 on day 1 (band 14-16: a third), 08:00 on day 2
    // (PT-01 and PT-02 both have 4 hours: the lower number), 09:00 on day 3 (both may take it,
    // PT-02 has 4 hours to PT-01's 8: the fewer).
    let s = part_time_scenario(
        "00:00",
        "22:00",
        60,
        3,
        "[part_time]\nmax_hours_per_week = 12\n",
    );
    let shifts = vec![
        pt_shift("2026-11-11T08:00", 4),
        pt_shift("2026-11-11T09:00", 4),
        pt_shift("2026-11-11T14:00", 4),
        pt_shift("2026-11-12T08:00", 4),
        pt_shift("2026-11-13T09:00", 4),
    ];
    let roster = roster::build(&shifts, &[], &s);
    let names: Vec<&str> = roster.rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["PT-01", "PT-02", "PT-03", "PT-01", "PT-02"]);
    assert_eq!(roster.part_timers_hired, 3);
}
