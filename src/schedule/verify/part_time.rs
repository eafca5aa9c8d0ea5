//! Verifier tests of the hired part-timers' pattern rules (`part_time.rs`).

use super::*;

/// Part-time shifts of `hours` from `start` to `latest` every `every` minutes, over `days`.
fn part_time_scenario(start: &str, latest: &str, every: u32, hours: u32, days: u32) -> Scenario {
    let extra = format!(
        "[[shifts]]\nname = \"pt\"\nstart = \"{start}\"\nlatest_start = \"{latest}\"\nstart_every_minutes = {every}\nhours = {hours}\nkinds = [\"part-time\"]\n"
    );
    hourly_scenario(&extra, &["presale"], days)
}

#[test]
fn part_time_start_band_counts_a_band_short_of_people() {
    // 4-hour part-time shifts at 08:00 or 09:00, both in the band 08-10 (band 4), 11 hours'
    // rest. 08:00 on both days is one person's pattern (20 hours apart): 0 violations with one
    // hire. 09:00 on day 1 as well is working at 09:00 beside the 08:00 shift: 2 shifts for 1
    // hire (1 violation); 2 hires keep it.
    let s = part_time_scenario("08:00", "09:00", 60, 4, 2);
    let need = requirements(&s, |_, _| 0);
    let model = Model::new(&s, &[], &need, Stage::Plan);
    let mut a = model.nothing();
    model.part_timers_work(&mut a, "pt", "2026-11-11T08:00", 1.0);
    model.part_timers_work(&mut a, "pt", "2026-11-12T08:00", 1.0);
    a.insert(model.bands[&4], 1.0);
    assert_eq!(model.violations(Rule::PartTimeStartBand, &a), 0);
    model.part_timers_work(&mut a, "pt", "2026-11-11T09:00", 1.0);
    assert_eq!(model.violations(Rule::PartTimeStartBand, &a), 1);
    a.insert(model.bands[&4], 2.0);
    assert_eq!(model.violations(Rule::PartTimeStartBand, &a), 0);
}

#[test]
fn part_time_shifts_per_day_counts_a_second_shift_in_a_day() {
    // One band for the whole day and 1 hour's rest: shifts 08:00-12:00 and 14:00-18:00 are
    // rested apart, but 2 shifts in a day for 1 hire break max_shifts_per_day = 1 (1 violation);
    // with 2 a day, 0. With 11 hours' rest the 08:00 shift still rests at 14:00, so the rest
    // row already caps them and the rule adds no row.
    let mut s = part_time_scenario("08:00", "14:00", 360, 4, 1);
    s.part_time.start_band_hours = 24.0;
    let need = requirements(&s, |_, _| 0);
    assert!(Model::new(&s, &[], &need, Stage::Plan)
        .rows(Rule::PartTimeShiftsPerDay)
        .is_empty());
    s.min_rest_hours = 1.0;
    let model = Model::new(&s, &[], &need, Stage::Plan);
    let mut a = model.nothing();
    model.part_timers_work(&mut a, "pt", "2026-11-11T08:00", 1.0);
    model.part_timers_work(&mut a, "pt", "2026-11-11T14:00", 1.0);
    a.insert(model.bands[&0], 1.0);
    assert_eq!(model.violations(Rule::PartTimeStartBand, &a), 0);
    assert_eq!(model.violations(Rule::PartTimeShiftsPerDay, &a), 1);
    s.part_time.max_shifts_per_day = 2;
    let model = Model::new(&s, &[], &need, Stage::Plan);
    let mut a = model.nothing();
    model.part_timers_work(&mut a, "pt", "2026-11-11T08:00", 1.0);
    model.part_timers_work(&mut a, "pt", "2026-11-11T14:00", 1.0);
    a.insert(model.bands[&0], 1.0);
    assert_eq!(model.violations(Rule::PartTimeShiftsPerDay, &a), 0);
}

#[test]
fn part_time_weekly_hours_counts_a_week_above_the_cap() {
    // At most 8 hours a week: 4-hour shifts at 08:00 on 3 days are 12 hours, above 8 for 1 hire
    // (1 violation) and within 16 for 2. Without the cap the rule has no rows.
    let mut s = part_time_scenario("08:00", "08:00", 60, 4, 3);
    let need = requirements(&s, |_, _| 0);
    assert!(Model::new(&s, &[], &need, Stage::Plan)
        .rows(Rule::PartTimeWeeklyHours)
        .is_empty());
    s.part_time.max_hours_per_week = Some(8.0);
    let model = Model::new(&s, &[], &need, Stage::Plan);
    let mut a = model.nothing();
    for day in 11..14 {
        model.part_timers_work(&mut a, "pt", &format!("2026-11-{day}T08:00"), 1.0);
    }
    a.insert(model.bands[&4], 1.0);
    assert_eq!(model.violations(Rule::PartTimeStartBand, &a), 0);
    assert_eq!(model.violations(Rule::PartTimeWeeklyHours, &a), 1);
    a.insert(model.bands[&4], 2.0);
    assert_eq!(model.violations(Rule::PartTimeWeeklyHours, &a), 0);
}

/// One day: 2 agents needed 08-12 and 1 agent 12-16, none otherwise; 4-hour part-time shifts
/// from 08:00 to 12:00 (10 an hour: 40 a shift, below the 1,000 an hour short), and `extra`.
fn morning(extra: &str) -> (Scenario, Vec<Requirement>) {
    let shifts = format!(
        "[[shifts]]\nname = \"pt\"\nstart = \"08:00\"\nlatest_start = \"12:00\"\nhours = 4\nkinds = [\"part-time\"]\n{extra}"
    );
    let s = hourly_scenario(&shifts, &["presale"], 1);
    let need = requirements(&s, |_, i| match i {
        8..=11 => 2,
        12..=15 => 1,
        _ => 0,
    });
    (s, need)
}

#[test]
fn part_timer_headcount_is_left_out_when_nothing_needs_it() {
    // count_people = false, no cap, no price per person: no head count (no band or hire
    // variables, no pattern or head-count rows). Part-time shifts cover 08-16 for 40, less than
    // an hour short costs, so those 8 hours get no shortfall column; the 16 others keep theirs.
    // Rows: the 8 hours that need someone (an hour needing nobody holds for any plan). Columns:
    // the 5 shifts and 16 shortfalls.
    let (s, need) = morning("[part_time]\ncount_people = false\n");
    let model = Model::new(&s, &[], &need, Stage::Plan);
    assert!(model.bands.is_empty() && model.part_timers.is_none());
    for rule in [
        Rule::PartTimerHeadcount,
        Rule::PartTimeStartBand,
        Rule::PartTimeShiftsPerDay,
    ] {
        assert!(model.rows(rule).is_empty());
    }
    let kept: Vec<usize> = (0..24).filter(|&i| model.shortfall[i].is_some()).collect();
    assert_eq!(
        kept,
        [(0..8).collect::<Vec<_>>(), (16..24).collect()].concat()
    );
    assert_eq!(model.rows(Rule::CoverRequirement).len(), 8);
    assert_eq!(model.vars.len(), 5 + 16);
    // A cap needs the count: bands 08-10, 10-12 and 12-14 (3 head counts and the hires), and
    // with a limited supply every hour keeps its shortfall column.
    let capped = Model::capped(&s, &[], &need, Stage::Plan, Some(3));
    assert_eq!(capped.bands.keys().copied().collect::<Vec<_>>(), [4, 5, 6]);
    assert!(capped.part_timers.is_some());
    assert!(capped.shortfall.iter().all(Option::is_some));
    assert_eq!(capped.rows(Rule::PartTimerHeadcount).len(), 2);
    // So does a price per person; and count_people (the default) asks for the count itself.
    let mut priced = s.clone();
    priced.costs.part_time_per_person = 50.0;
    assert_eq!(Model::new(&priced, &[], &need, Stage::Plan).bands.len(), 3);
    let (counted, need) = morning("");
    let model = Model::new(&counted, &[], &need, Stage::Plan);
    assert_eq!(model.bands.len(), 3);
    assert!(model.shortfall.iter().all(Option::is_some));
}

#[test]
fn part_timer_headcount_left_out_keeps_a_gap_that_costs_less_than_a_shift() {
    // Without a head count, a gap keeps its shortfall column when filling it costs more: at 5
    // an hour short, every 4-hour shift (40) costs more than the hour it would fill; a shift
    // with a break, or new part-timers counting as 2/3 of an agent, may not fill the hour.
    let (mut s, need) = morning("[part_time]\ncount_people = false\n");
    s.costs.shortfall_per_agent_hour = 5.0;
    let model = Model::new(&s, &[], &need, Stage::Plan);
    assert!(model.shortfall.iter().all(Option::is_some));
    let (s, need) = morning(
        "breaks = [{ name = \"tea\", minutes = 60, earliest_after_hours = 1, latest_after_hours = 2 }]\n[part_time]\ncount_people = false\n",
    );
    assert!(Model::new(&s, &[], &need, Stage::Plan)
        .shortfall
        .iter()
        .all(Option::is_some));
    let (mut s, need) = morning("[part_time]\ncount_people = false\n");
    s.queues[0].part_time_chats_at_once = 2;
    assert!(Model::new(&s, &[], &need, Stage::Plan)
        .shortfall
        .iter()
        .all(Option::is_some));
}
