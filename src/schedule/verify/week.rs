//! Verifier tests of the week rules and the spreads of hours and weekend days (`week_rules.rs`).

use super::*;

#[test]
fn nights_in_a_row_counts_a_third_night() {
    // max_nights_in_row = 2: any 3 days in a row hold at most 2 nights. Nights from 11-11 and
    // 11-12: none broken; also 11-13: days 11-13 (1 violation); also 11-10, the day before the
    // horizon: days 10-12 too (2).
    let mut s = hourly_scenario(&shift("night", "22:00", 8), &["presale"], 4);
    s.rules.max_nights_in_row = Some(2);
    let staff = [person("ana", &["presale"])];
    let model = Model::new(&s, &staff, &[], Stage::Plan);
    let nights = |days: std::ops::Range<u32>| {
        let mut a = model.nothing();
        for day in days {
            model.works(&mut a, 0, "night", &format!("2026-11-{day}T22:00"), 1.0);
        }
        model.violations(Rule::NightsInARow, &a)
    };
    assert_eq!(nights(11..13), 0);
    assert_eq!(nights(11..14), 1);
    assert_eq!(nights(10..14), 2);
}

#[test]
fn rest_after_nights_counts_a_day_shift_too_soon_after_a_night() {
    // 24 hours' rest after nights (22:00-06:00). A day shift 2 hours after a night's end breaks
    // it (1 violation), one 26 hours after keeps it (0); a second night is no day shift (0), but
    // a day shift 2 hours after that one breaks it again (1).
    let mut s = hourly_scenario(
        &format!("{}{}", shift("night", "22:00", 8), shift("day", "08:00", 8)),
        &["presale"],
        3,
    );
    s.rules.rest_after_nights_hours = Some(24.0);
    let staff = [person("ana", &["presale"])];
    let model = Model::new(&s, &staff, &[], Stage::Plan);
    let count = |shifts: &[(&str, &str)]| {
        let mut a = model.nothing();
        for (template, start) in shifts {
            model.works(&mut a, 0, template, start, 1.0);
        }
        model.violations(Rule::RestAfterNights, &a)
    };
    let night = ("night", "2026-11-11T22:00");
    assert_eq!(count(&[night, ("day", "2026-11-12T08:00")]), 1);
    assert_eq!(count(&[night, ("day", "2026-11-13T08:00")]), 0);
    assert_eq!(count(&[night, ("night", "2026-11-12T22:00")]), 0);
    let two_nights = [
        night,
        ("night", "2026-11-12T22:00"),
        ("day", "2026-11-13T08:00"),
    ];
    assert_eq!(count(&two_nights), 1);
}

#[test]
fn days_off_together_counts_a_single_day_off() {
    // days_off_together = 2 over 11-11 to 11-15. Working 11, 13, 14, 15: the one day off, 12,
    // sits between working days (1 violation). Off 13-14 together, or off only on the first or
    // the last day (runs cut by the plan's edges), none. Working 11 without counting it as a
    // working day breaks the link to the shifts (1).
    let mut s = hourly_scenario(&shift("day", "08:00", 8), &["presale"], 5);
    s.rules.days_off_together = Some(2);
    let staff = [person("ana", &["presale"])];
    let model = Model::new(&s, &staff, &[], Stage::Plan);
    let days = |worked: &[u32], counted: bool| {
        let mut a = model.nothing();
        for day in worked {
            model.works(&mut a, 0, "day", &format!("2026-11-{day}T08:00"), 1.0);
            a.insert(
                model.work_days[&(0, i64::from(day - 11))],
                f64::from(counted),
            );
        }
        model.violations(Rule::DaysOffTogether, &a)
    };
    assert_eq!(days(&[11, 13, 14, 15], true), 1);
    assert_eq!(days(&[11, 12, 15], true), 0);
    assert_eq!(days(&[12, 13, 14, 15], true), 0);
    assert_eq!(days(&[11, 12, 13, 14], true), 0);
    assert_eq!(days(&[11], false), 1);
}

#[test]
fn weekends_off_counts_a_weekend_worked() {
    // 11-11 to 11-22 holds two weekends (14-15, 21-22); 2 off in 4 weeks asks floor(2 x 2 / 4)
    // = 1 off. Working Saturday 14 with weekend 21-22 off: none broken. Also Sunday 22: that
    // weekend is not off (1 violation); calling neither weekend off breaks the count (1).
    let mut s = hourly_scenario(&shift("day", "08:00", 8), &["presale"], 12);
    s.rules.weekends_off_per_4_weeks = Some(2);
    let staff = [person("ana", &["presale"])];
    let model = Model::new(&s, &staff, &[], Stage::Plan);
    let second = model.weekends_off[1].var;
    let mut a = model.nothing();
    model.works(&mut a, 0, "day", "2026-11-14T08:00", 1.0);
    a.insert(second, 1.0);
    assert_eq!(model.violations(Rule::WeekendsOff, &a), 0);
    model.works(&mut a, 0, "day", "2026-11-22T08:00", 1.0);
    assert_eq!(model.violations(Rule::WeekendsOff, &a), 1);
    a.insert(second, 0.0);
    assert_eq!(model.violations(Rule::WeekendsOff, &a), 1);
}

#[test]
fn fair_spread_of_hours_counts_members_outside_the_spread() {
    // Ana works 2 days (16 hours), bo none. A spread of most 16, fewest 0 holds both; most 8
    // leaves ana above it (1 violation); fewest 8 leaves bo below it too (2).
    let mut s = hourly_scenario(&shift("day", "08:00", 8), &["presale"], 4);
    s.costs.fairness_hours_per_hour = 1.0;
    let staff = [person("ana", &["presale"]), person("bo", &["presale"])];
    let model = Model::new(&s, &staff, &[], Stage::PlanByPerson);
    let spread = &model.spreads[0];
    let mut a = model.nothing();
    model.works(&mut a, 0, "day", "2026-11-11T08:00", 1.0);
    model.works(&mut a, 0, "day", "2026-11-12T08:00", 1.0);
    a.insert(spread.most, 16.0);
    assert_eq!(model.violations(Rule::FairSpreadOfHours, &a), 0);
    a.insert(spread.most, 8.0);
    assert_eq!(model.violations(Rule::FairSpreadOfHours, &a), 1);
    a.insert(spread.fewest, 8.0);
    assert_eq!(model.violations(Rule::FairSpreadOfHours, &a), 2);
}

#[test]
fn fair_spread_of_weekend_days_counts_members_outside_the_spread() {
    // Ana works Thursday 12 and Saturday 14 (1 weekend day), bo Friday 13 (none). Most 1,
    // fewest 0 holds both; most 0 leaves ana above it (1 violation); fewest 1 leaves bo below
    // it too (2).
    let mut s = hourly_scenario(&shift("day", "08:00", 8), &["presale"], 4);
    s.costs.fairness_weekends_per_day = 1.0;
    let staff = [person("ana", &["presale"]), person("bo", &["presale"])];
    let model = Model::new(&s, &staff, &[], Stage::PlanByPerson);
    let spread = &model.spreads[0];
    let mut a = model.nothing();
    model.works(&mut a, 0, "day", "2026-11-12T08:00", 1.0);
    model.works(&mut a, 0, "day", "2026-11-14T08:00", 1.0);
    model.works(&mut a, 1, "day", "2026-11-13T08:00", 1.0);
    a.insert(spread.most, 1.0);
    assert_eq!(model.violations(Rule::FairSpreadOfWeekendDays, &a), 0);
    a.insert(spread.most, 0.0);
    assert_eq!(model.violations(Rule::FairSpreadOfWeekendDays, &a), 1);
    a.insert(spread.fewest, 1.0);
    assert_eq!(model.violations(Rule::FairSpreadOfWeekendDays, &a), 2);
}
