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
