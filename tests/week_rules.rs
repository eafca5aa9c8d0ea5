//! The week's rules solved by hand: nights in a row, rest after nights, days off together,
//! weekends off, and hours spread evenly within a group. Ana costs 5 an hour and bo 6, so
//! without a rule ana works every shift she can.

use chrono::{Datelike, NaiveDate};
use shiftcast::scenario::{Person, Scenario};
use shiftcast::schedule::{schedule, Schedule};
use shiftcast::time::ClockWindow;

mod common;
use common::{hourly_scenario, person, requirements};

/// 8-hour full-time templates, each `(name, start)`.
fn templates(list: &[(&str, &str)]) -> String {
    list.iter()
        .map(|(name, start)| {
            format!("[[shifts]]\nname = \"{name}\"\nstart = \"{start}\"\nhours = 8\nkinds = [\"full-time\"]\n")
        })
        .collect()
}

/// Ana at 5 an hour and bo at 6, both in the main group, no weekly limit that binds, bo off on
/// `bo_off` (days of November 2026).
fn ana_and_bo(bo_off: &[u32]) -> [Person; 2] {
    let mut ana = person("ana", &["presale"]);
    ana.max_hours_per_week = 100.0;
    let mut bo = Person {
        wage_per_hour: Some(6.0),
        ..ana.clone()
    };
    bo.name = "bo".into();
    bo.days_off = bo_off
        .iter()
        .map(|&d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap())
        .collect();
    [ana, bo]
}

/// The day of November each of `who`'s shifts starts on, in order.
fn days_of(plan: &Schedule, who: usize) -> Vec<u32> {
    let mut days: Vec<u32> = plan
        .shifts
        .iter()
        .filter(|s| s.person == Some(who))
        .map(|s| s.start.day())
        .collect();
    days.sort_unstable();
    days
}

fn no_shortfall(plan: &Schedule) -> bool {
    plan.shortfall.iter().flatten().all(|s| *s == 0.0)
}

/// 1 agent needed in every hour `needed(hour from 11-11 00:00)` keeps.
fn plan(s: &Scenario, staff: &[Person], needed: impl Fn(usize) -> bool) -> Schedule {
    schedule(s, staff, &requirements(s, |_, i| u32::from(needed(i)))).unwrap()
}

#[test]
fn nights_in_a_row_gives_the_third_night_to_someone_else() {
    // A night (22:00-06:00) is needed from 11-11 to 11-14; bo is off on 11-12. Alone, ana works
    // all four (4 x 40 = 160). With max_nights_in_row = 2 she works at most 2 of any 3 days:
    // 11, 12 and 14 (or 11, 13 and 14), and bo, who cannot take 12, takes 13: 3 x 40 + 48 = 168.
    let mut s = hourly_scenario(&templates(&[("night", "22:00")]), &["presale"], 4);
    let staff = ana_and_bo(&[12]);
    let nights = |i: usize| i % 24 >= 22;
    let free = plan(&s, &staff, nights);
    assert_eq!((days_of(&free, 0), free.pay), (vec![11, 12, 13, 14], 160.0));
    s.rules.max_nights_in_row = Some(2);
    let ruled = plan(&s, &staff, nights);
    assert!(no_shortfall(&ruled));
    assert_eq!(days_of(&ruled, 0), [11, 12, 14]);
    assert_eq!(days_of(&ruled, 1), [13]);
    assert_eq!(ruled.pay, 168.0);
}

#[test]
fn rest_after_nights_moves_a_day_shift_to_someone_else() {
    // 1 hour's rest between shifts. Needed: nights from 11-11 and 11-12 (22:00-06:00), a late
    // shift 11-13 14:00-22:00 and a day shift 11-14 08:00-16:00; bo works 06:00-22:00 only.
    // Alone, ana works all four (160). With 24 hours' rest after nights, her second night may
    // follow the first, but the late shift 8 hours after it may not: bo takes it (48), ana
    // keeps the day shift 26 hours after: 120 + 48 = 168.
    let extra = format!(
        "[rules]\nmin_rest_hours = 1\n{}",
        templates(&[("night", "22:00"), ("late", "14:00"), ("day", "08:00")])
    );
    let mut s = hourly_scenario(&extra, &["presale"], 4);
    let mut staff = ana_and_bo(&[]);
    staff[1].available = ClockWindow::parse("06:00-22:00").unwrap();
    let needed = |i: usize| {
        [(22, 30), (46, 54), (62, 70), (80, 88)]
            .iter()
            .any(|&(from, to)| (from..to).contains(&i))
    };
    let free = plan(&s, &staff, needed);
    assert_eq!((days_of(&free, 0), free.pay), (vec![11, 12, 13, 14], 160.0));
    s.rules.rest_after_nights_hours = Some(24.0);
    let ruled = plan(&s, &staff, needed);
    assert!(no_shortfall(&ruled));
    assert_eq!(days_of(&ruled, 0), [11, 12, 14]);
    assert_eq!(days_of(&ruled, 1), [13]);
    assert_eq!(ruled.pay, 168.0);
}

#[test]
fn days_off_together_puts_two_days_off_in_one_run() {
    // A day shift (08:00-16:00) is needed every day 11-11 to 11-17; ana is off on 14, bo on 13.
    // Alone, ana works the six other days and bo 14 (240 + 48). With days_off_together = 2,
    // ana's day off on 14 must join a second: not 13, which nobody else can work, so 15, which
    // bo takes: 5 x 40 + 2 x 48 = 296.
    let mut s = hourly_scenario(&templates(&[("day", "08:00")]), &["presale"], 7);
    let mut staff = ana_and_bo(&[13]);
    staff[0].days_off = vec![NaiveDate::from_ymd_opt(2026, 11, 14).unwrap()];
    let days = |i: usize| (8..16).contains(&(i % 24));
    let free = plan(&s, &staff, days);
    assert_eq!(days_of(&free, 0), [11, 12, 13, 15, 16, 17]);
    assert_eq!((days_of(&free, 1), free.pay), (vec![14], 288.0));
    s.rules.days_off_together = Some(2);
    let ruled = plan(&s, &staff, days);
    assert!(no_shortfall(&ruled));
    assert_eq!(days_of(&ruled, 0), [11, 12, 13, 16, 17]);
    assert_eq!(days_of(&ruled, 1), [14, 15]);
    assert_eq!(ruled.pay, 296.0);
}

#[test]
fn weekends_off_leaves_ana_one_whole_weekend() {
    // 11-11 to 11-22 holds two weekends; a day shift is needed on each of their four days, and
    // bo is off on the first. Alone, ana works all four (160). Two weekends off in 4 weeks ask
    // floor(2 x 2 / 4) = 1 here: ana keeps the first, bo takes the second: 80 + 96 = 176.
    let mut s = hourly_scenario(&templates(&[("day", "08:00")]), &["presale"], 12);
    let staff = ana_and_bo(&[14, 15]);
    let weekend =
        |i: usize| [14, 15, 21, 22].contains(&(11 + i / 24)) && (8..16).contains(&(i % 24));
    let free = plan(&s, &staff, weekend);
    assert_eq!((days_of(&free, 0), free.pay), (vec![14, 15, 21, 22], 160.0));
    s.rules.weekends_off_per_4_weeks = Some(2);
    let ruled = plan(&s, &staff, weekend);
    assert!(no_shortfall(&ruled));
    assert_eq!(days_of(&ruled, 0), [14, 15]);
    assert_eq!(days_of(&ruled, 1), [21, 22]);
    assert_eq!(ruled.pay, 176.0);
}

#[test]
fn fair_spread_of_hours_evens_out_a_group() {
    // A day shift is needed 11-11 to 11-14. Each shift moved from ana to bo costs 8 more and
    // narrows the spread of hours by 16. At 0.25 an hour of spread that saves 4: ana keeps all
    // four (160 + 32 x 0.25). At 2 it saves 32: two each (80 + 96, no spread).
    let mut s = hourly_scenario(&templates(&[("day", "08:00")]), &["presale"], 4);
    let staff = ana_and_bo(&[]);
    let days = |i: usize| (8..16).contains(&(i % 24));
    s.costs.fairness_hours_per_hour = 0.25;
    let cheap = plan(&s, &staff, days);
    assert_eq!((days_of(&cheap, 0).len(), cheap.pay), (4, 160.0));
    s.costs.fairness_hours_per_hour = 2.0;
    let fair = plan(&s, &staff, days);
    assert!(no_shortfall(&fair));
    assert_eq!(days_of(&fair, 0).len(), 2);
    assert_eq!(days_of(&fair, 1).len(), 2);
    assert_eq!(fair.pay, 176.0);
}
