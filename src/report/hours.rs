//! Each person's share of the plan (the rows of `people.csv`: hours, contract and minimum hours
//! pro rata, night shifts, weekend days, preference score), and what the summary says of them:
//! the spread of hours within each staff group and the salaried hours paid but idle.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Serialize;

use super::round2;
use crate::roster::{Roster, RosterRow};
use crate::scenario::{Kind, Person, Scenario};
use crate::schedule::is_night_shift;

/// One person's share of the plan: a row of `people.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonSummary {
    /// The staff member's name, or PT-01, PT-02, ... for a hired part-timer.
    pub name: String,
    /// Full-time, or part-time (named in the staff file or hired).
    pub kind: Kind,
    /// The staff group, or `part-time` for a hired part-timer.
    pub group: String,
    /// Wage per hour: the person's own, or the scenario's for their kind (`roster.csv`'s `wage`).
    pub wage: f64,
    /// Hours of their shifts, breaks included (all paid).
    pub hours: f64,
    /// `contract_hours_per_week` pro rata for the plan's weeks, to 2 decimals (None: the person
    /// has none).
    pub contract_hours: Option<f64>,
    /// `min_hours_per_week` pro rata likewise.
    pub min_hours: Option<f64>,
    /// Shifts with at least half their hours inside `costs.night`.
    pub night_shifts: usize,
    /// Saturdays and Sundays on which a shift of theirs starts.
    pub weekend_days: usize,
    /// Over their shifts, each preference's weight x hours of the shift inside it: above 0 when
    /// the plan gives them more hours they asked for than hours they would rather not work.
    pub preference_score: f64,
}

/// How evenly one staff group shares the hours: the fewest and most a member works, members
/// without a shift counting 0.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HoursSpread {
    /// The staff group's name.
    pub group: String,
    /// Hours of the member with the fewest.
    pub fewest: f64,
    /// Hours of the member with the most.
    pub most: f64,
}

/// Every person of the staff file in its order (those without a shift too), then each hired
/// part-timer: PT-01, PT-02, ... PT-100.
pub(crate) fn per_person(
    scenario: &Scenario,
    staff: &[Person],
    roster: &Roster,
) -> Vec<PersonSummary> {
    let mut shifts = shifts_by_name(roster);
    let mut rows: Vec<PersonSummary> = staff
        .iter()
        .map(|p| {
            summarise(
                scenario,
                p,
                &shifts.remove(p.name.as_str()).unwrap_or_default(),
            )
        })
        .collect();
    // What is left are the hired part-timers: paid the scenario's part-time wage, no contract.
    let mut hired: Vec<(&str, Vec<&RosterRow>)> = shifts.into_iter().collect();
    hired.sort_by_key(|&(name, _)| (name.len(), name));
    for (name, shifts) in hired {
        let part_timer = Person {
            name: name.to_string(),
            group: Kind::PartTime.label().to_string(),
            kind: Kind::PartTime,
            ..Person::default()
        };
        rows.push(summarise(scenario, &part_timer, &shifts));
    }
    rows
}

/// Per staff group, in name order, the fewest and most hours a member works; `people` starts
/// with the staff file's people, in its order (as [`per_person`] gives them).
pub(crate) fn hours_spread(staff: &[Person], people: &[PersonSummary]) -> Vec<HoursSpread> {
    let mut spread: BTreeMap<&str, HoursSpread> = BTreeMap::new();
    for p in &people[..staff.len()] {
        let hours = round2(p.hours);
        spread
            .entry(&p.group)
            .and_modify(|s| {
                s.fewest = s.fewest.min(hours);
                s.most = s.most.max(hours);
            })
            .or_insert_with(|| HoursSpread {
                group: p.group.clone(),
                fewest: hours,
                most: hours,
            });
    }
    spread.into_values().collect()
}

/// Salaried full-timers' contract hours over the plan, and how many of them no shift uses: per
/// person and week, the paid hours x the week's share less the hours of their shifts starting
/// that week, when that is above 0. (None paid: nobody is salaried.)
pub(crate) fn contract_hours_paid_and_idle(
    scenario: &Scenario,
    staff: &[Person],
    roster: &Roster,
) -> (f64, f64) {
    let horizon = &scenario.horizon;
    let shifts = shifts_by_name(roster);
    let (mut paid, mut idle) = (0.0, 0.0);
    for person in staff {
        let Some(weekly) = person.paid_hours_per_week(&scenario.costs) else {
            continue;
        };
        let mine = shifts
            .get(person.name.as_str())
            .map_or(&[][..], Vec::as_slice);
        for week in horizon.weeks() {
            let due = weekly * horizon.week_share(week);
            let worked: f64 = mine
                .iter()
                .filter(|r| horizon.week_of(r.start.date()) == week)
                .map(|r| r.hours())
                .sum();
            paid += due;
            idle += (due - worked).max(0.0);
        }
    }
    // + 0.0 turns an empty sum's -0.0 into 0.
    (round2(paid) + 0.0, round2(idle) + 0.0)
}

/// Each name on the roster with its shifts, in time order.
fn shifts_by_name(roster: &Roster) -> HashMap<&str, Vec<&RosterRow>> {
    let mut shifts: HashMap<&str, Vec<&RosterRow>> = HashMap::new();
    for r in &roster.rows {
        shifts.entry(&r.name).or_default().push(r);
    }
    shifts
}

/// One person's row from their shifts.
fn summarise(scenario: &Scenario, person: &Person, shifts: &[&RosterRow]) -> PersonSummary {
    let horizon = &scenario.horizon;
    let share: f64 = horizon.weeks().map(|w| horizon.week_share(w)).sum();
    let mut weekend_days: Vec<NaiveDate> = shifts
        .iter()
        .map(|r| r.start.date())
        .filter(|d| matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .collect();
    weekend_days.dedup();
    PersonSummary {
        name: person.name.clone(),
        kind: person.kind,
        group: person.group.clone(),
        wage: person.wage(&scenario.costs),
        hours: shifts.iter().map(|r| r.hours()).sum::<f64>() + 0.0,
        contract_hours: person.contract_hours_per_week.map(|h| round2(h * share)),
        min_hours: person.min_hours_per_week.map(|h| round2(h * share)),
        night_shifts: shifts
            .iter()
            .filter(|r| !r.is_session() && is_night_shift(scenario, r.start, r.end))
            .count(),
        weekend_days: weekend_days.len(),
        preference_score: shifts
            .iter()
            .flat_map(|r| person.preferences.iter().map(|p| p.score(r.start, r.end)))
            .sum::<f64>()
            + 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::parse_time;

    /// Nine days from Wednesday 2026-11-11, hourly, salaried full-timers.
    fn nine_days() -> Scenario {
        let text = r#"
[horizon]
start = "2026-11-11T00:00"
end = "2026-11-20T00:00"
interval_minutes = 60
[history]
file = "unused.csv"
[staff]
file = "unused.csv"
[costs]
full_time_per_hour = 30
part_time_per_hour = 45
shortfall_per_agent_hour = 1000
full_time_salaried = true
[[queues]]
name = "presale"
handle_time_seconds = 180
service_level = 0.8
answer_within_seconds = 30
[[shifts]]
name = "day"
start = "08:00"
hours = 8
"#;
        Scenario::from_toml(text, "test.toml").unwrap()
    }

    fn shift(name: &str, start: &str) -> RosterRow {
        let start = parse_time(start).unwrap();
        RosterRow {
            name: name.into(),
            group: "main".into(),
            queue: "presale".into(),
            template: "day".into(),
            start,
            end: start + chrono::Duration::hours(8),
            kind: Kind::FullTime,
            hired: false,
            segments: Vec::new(),
        }
    }

    #[test]
    fn idle_contract_hours_are_counted_week_by_week() {
        // Ana's contract is 35 hours a week; she works five 8-hour shifts in week 0 (11-17
        // November) and none in week 1 (18-19 November, 2/7 of a week). Paid: 35 + 35 x 2/7 =
        // 45. Idle: week 0's 5 hours over do not make up for week 1, so 0 + 10 = 10.
        let scenario = nine_days();
        let ana = Person {
            name: "Ana".into(),
            group: "main".into(),
            contract_hours_per_week: Some(35.0),
            ..Person::default()
        };
        let rows = (11..=15)
            .map(|day| shift("Ana", &format!("2026-11-{day}T08:00")))
            .collect();
        let roster = Roster {
            rows,
            part_timers_hired: 0,
        };
        let staff = [ana];
        assert_eq!(
            contract_hours_paid_and_idle(&scenario, &staff, &roster),
            (45.0, 10.0)
        );
        let people = per_person(&scenario, &staff, &roster);
        assert_eq!(people[0].hours, 40.0);
        assert_eq!(people[0].contract_hours, Some(45.0));
        assert_eq!(people[0].weekend_days, 2, "Saturday 14 and Sunday 15");
        // Without the salary nothing is paid whether worked or not.
        let mut hourly = scenario;
        hourly.costs.full_time_salaried = false;
        assert_eq!(
            contract_hours_paid_and_idle(&hourly, &staff, &roster),
            (0.0, 0.0)
        );
    }
}
