//! The week's structure and its fairness: nights in a row and the rest after them, days off in
//! runs, whole weekends off (from `[rules]`), and the even spread within each group of night
//! shifts, hours and weekend days (priced by `costs.*`), as rows and the variables they need.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};
use good_lp::{constraint, variable, Constraint, Expression, Variable};

use super::model::Model;
use super::slots::ShiftSlot;

/// Price per unit of spread when naming a cohort's members (yuan): any even spread of night
/// shifts will do, and it never outweighs a real cost.
const NIGHT_SPREAD_TIE_BREAK: f64 = 0.01;

/// What a fair spread evens out within each group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Measure {
    /// Night shifts (at least half inside `costs.night`).
    NightShifts,
    /// Hours worked.
    Hours,
    /// Shifts starting on a Saturday or a Sunday.
    WeekendDays,
}

impl Measure {
    /// Every measure, in the order its variables are added (night shifts first, as before the
    /// others existed).
    const ALL: [Measure; 3] = [Measure::NightShifts, Measure::Hours, Measure::WeekendDays];

    /// How much one shift of `slot` adds to the measure.
    fn amount(self, model: &Model, slot: &ShiftSlot) -> f64 {
        let counts = match self {
            Measure::NightShifts => model.is_night(slot),
            Measure::Hours => return slot.hours(),
            Measure::WeekendDays => is_weekend(slot.start.date()),
        };
        if counts {
            1.0
        } else {
            0.0
        }
    }
}

/// Most and fewest of a measure among one group's members.
pub(super) struct Spread {
    pub(super) measure: Measure,
    pub(super) group: String,
    pub(super) most: Variable,
    pub(super) fewest: Variable,
}

/// Whole weekends a cohort's members have off, one variable per weekend.
pub(super) struct WeekendOff {
    pub(super) cohort: usize,
    /// The Saturday, in days since the first day shifts may start.
    pub(super) saturday: i64,
    pub(super) var: Variable,
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

impl Model<'_> {
    /// The most and fewest of each priced measure per group that can work a shift adding to it.
    pub(super) fn add_spread_vars(&mut self) {
        for measure in Measure::ALL {
            if self.spread_price(measure) <= 0.0 {
                continue;
            }
            let mut groups: Vec<String> = self
                .staff_shifts
                .iter()
                .filter(|s| measure.amount(self, &self.slots[s.slot]) > 0.0)
                .map(|s| self.group_of(s.cohort).to_string())
                .collect();
            groups.sort_unstable();
            groups.dedup();
            for group in groups {
                let most = self.vars.add(variable().min(0));
                let fewest = self.vars.add(variable().min(0));
                self.spreads.push(Spread {
                    measure,
                    group,
                    most,
                    fewest,
                });
            }
        }
    }

    /// Price per unit between the most and the fewest in a group. Naming always spreads night
    /// shifts among a cohort's members (at a token price: who takes them costs nothing); the
    /// other measures only when priced.
    pub(super) fn spread_price(&self, measure: Measure) -> f64 {
        let costs = &self.scenario.costs;
        let (price, floor) = match measure {
            Measure::NightShifts => (costs.fairness_per_shift, NIGHT_SPREAD_TIE_BREAK),
            Measure::Hours => (costs.fairness_hours_per_hour, 0.0),
            Measure::WeekendDays => (costs.fairness_weekends_per_day, 0.0),
        };
        if self.naming {
            price.max(floor)
        } else {
            price
        }
    }

    /// Per cohort and day it can work, whether its members work that day (0 up to its size),
    /// when days off come in runs (`rules.days_off_together` of 2 or more).
    pub(super) fn add_work_day_vars(&mut self) {
        if self.days_off_run().is_none() {
            return;
        }
        for (cohort, c) in self.cohorts.iter().enumerate() {
            for s in self.staff_shifts.iter().filter(|s| s.cohort == cohort) {
                let day = self.day_of(&self.slots[s.slot]);
                if !self.work_days.contains_key(&(cohort, day)) {
                    let var = self.vars.add(variable().integer().min(0).max(c.size()));
                    self.work_days.insert((cohort, day), var);
                }
            }
        }
    }

    /// Per cohort that can work a weekend day, its members with each whole weekend off, when
    /// `rules.weekends_off_per_4_weeks` asks for at least one.
    pub(super) fn add_weekend_off_vars(&mut self) {
        if self.weekends_needed_off() == 0 {
            return;
        }
        let saturdays = self.saturdays();
        for (cohort, c) in self.cohorts.iter().enumerate() {
            let works_one = self.mine(cohort).any(|s| {
                let day = self.day_of(&self.slots[s.slot]);
                saturdays.iter().any(|&sat| day == sat || day == sat + 1)
            });
            if works_one {
                for &saturday in &saturdays {
                    let var = self.vars.add(variable().integer().min(0).max(c.size()));
                    self.weekends_off.push(WeekendOff {
                        cohort,
                        saturday,
                        var,
                    });
                }
            }
        }
    }

    /// Within each staff group, the measure is spread evenly: the gap between the member with
    /// the most and the one with the fewest is priced per unit by the rule's `costs.*` key (a
    /// cohort's average lies between them). Members who can take no shift adding to it are
    /// left out.
    pub(super) fn fair_spread(&self, measure: Measure) -> Vec<Constraint> {
        let mut rows = Vec::new();
        for spread in self.spreads.iter().filter(|s| s.measure == measure) {
            for (cohort, c) in self.cohorts.iter().enumerate() {
                if self.group_of(cohort) != spread.group {
                    continue;
                }
                let counted: Vec<(f64, Variable)> = self
                    .mine(cohort)
                    .map(|s| (measure.amount(self, &self.slots[s.slot]), s.var))
                    .filter(|(amount, _)| *amount > 0.0)
                    .collect();
                if counted.is_empty() {
                    continue;
                }
                let total = counted
                    .iter()
                    .fold(Expression::from(0.0), |mut e, (amount, v)| {
                        e.add_mul(*amount, *v);
                        e
                    });
                rows.push(constraint!(total.clone() <= c.size() * spread.most));
                rows.push(constraint!(total >= c.size() * spread.fewest));
            }
        }
        rows
    }

    /// A person with `rules.max_nights_in_row` = n works at most n night shifts in any n + 1
    /// days in a row, so a night off follows every n nights.
    pub(super) fn nights_in_a_row(&self) -> Vec<Constraint> {
        let Some(n) = self.scenario.rules.max_nights_in_row else {
            return Vec::new();
        };
        (0..self.cohorts.len())
            .flat_map(|cohort| self.in_a_row(cohort, n.into(), |slot| self.is_night(slot)))
            .collect()
    }

    /// Rows letting a cohort start at most m of its shifts that `counted` keeps in any m + 1
    /// days in a row (in a cyclic horizon, also across the wrap): for a cohort of n, m times n.
    pub(super) fn in_a_row(
        &self,
        cohort: usize,
        m: i64,
        counted: impl Fn(&ShiftSlot) -> bool,
    ) -> Vec<Constraint> {
        let days = self.plan_days();
        let last_first_day = if self.scenario.horizon.cyclic {
            days - 1
        } else {
            days - m - 1
        };
        let mine: Vec<(i64, Variable)> = self
            .mine(cohort)
            .filter(|s| counted(&self.slots[s.slot]))
            .map(|s| (self.day_of(&self.slots[s.slot]), s.var))
            .collect();
        let mut rows = Vec::new();
        for first in 0..=last_first_day {
            let in_window: Vec<&(i64, Variable)> = mine
                .iter()
                .filter(|(d, _)| (d - first).rem_euclid(days.max(1)) <= m)
                .collect();
            let mut distinct: Vec<i64> = in_window.iter().map(|(d, _)| *d).collect();
            distinct.sort_unstable();
            distinct.dedup();
            if distinct.len() as i64 > m {
                let shifts = in_window
                    .iter()
                    .fold(Expression::from(0.0), |e, (_, v)| e + *v);
                rows.push(constraint!(
                    shifts <= m as f64 * self.cohorts[cohort].size()
                ));
            }
        }
        rows
    }

    /// After a night shift, no shift that is not a night shift starts within
    /// `rules.rest_after_nights_hours` of its end (a run of nights may go on).
    ///
    /// The r hours before each start t of a cohort's other shifts are cut into pieces short
    /// enough that one person ends at most one night in each; per piece, the cohort's nights
    /// ending in it plus its other shifts starting at t are at most its size n. Each person
    /// adds at most 1 to a row, and one person's night plus a shift at t add 2, so the rows are
    /// exact for one person. They imply the rows with all r hours' nights over K (the most one
    /// person ends in r hours), and are tighter: on the week bench with 48 hours' rest, the run
    /// took 7.6 s instead of 25.
    pub(super) fn rest_after_nights(&self) -> Vec<Constraint> {
        let Some(hours) = self.scenario.rules.rest_after_nights_hours else {
            return Vec::new();
        };
        let rest = Duration::minutes((hours * 60.0).round() as i64);
        let Some(piece) = self.one_night_each(rest) else {
            return Vec::new();
        };
        let horizon = &self.scenario.horizon;
        let mut rows = Vec::new();
        for (cohort, c) in self.cohorts.iter().enumerate() {
            let (nights, others): (Vec<_>, Vec<_>) = self
                .mine(cohort)
                .partition(|s| self.is_night(&self.slots[s.slot]));
            let mut starts: Vec<_> = others.iter().map(|s| self.slots[s.slot].start).collect();
            starts.sort();
            starts.dedup();
            for t in starts {
                let mut from = Duration::zero();
                while from < rest {
                    let to = (from + piece).min(rest);
                    let ended: Vec<Variable> = nights
                        .iter()
                        .map(|s| (self.slots[s.slot].end, s.var))
                        .filter(|&(end, _)| {
                            horizon.within(end, to, t) && !horizon.within(end, from, t)
                        })
                        .map(|(_, var)| var)
                        .collect();
                    from = to;
                    if ended.is_empty() {
                        continue;
                    }
                    let busy = others
                        .iter()
                        .filter(|s| self.slots[s.slot].start == t)
                        .map(|s| s.var)
                        .chain(ended)
                        .fold(Expression::from(0.0), |e, v| e + v);
                    rows.push(constraint!(busy <= c.size()));
                }
            }
        }
        rows
    }

    /// Days off come in runs of at least `rules.days_off_together` = k days: whoever works day
    /// d - 1 and not day d works none of days d + 1 to d + k - 1.
    ///
    /// For a cohort, its members working each day are linked to the shifts starting that day
    /// (at least one each, at most the most a person can start in a day), and for each d and j,
    /// worked(d - 1) - worked(d) + worked(d + j) is at most its size. A run of days off cut by
    /// the plan's first or last day (the day before the horizon, where an overnight shift may
    /// start, counts as a plan day) is fine; a cyclic plan's runs go on across the wrap.
    pub(super) fn days_off_together(&self) -> Vec<Constraint> {
        let Some(k) = self.days_off_run() else {
            return Vec::new();
        };
        let days = self.plan_days();
        let cyclic = self.scenario.horizon.cyclic;
        let mut rows = Vec::new();
        for (cohort, c) in self.cohorts.iter().enumerate() {
            let most = self.most_shifts_a_day(cohort);
            let mut by_day: BTreeMap<i64, Expression> = BTreeMap::new();
            for s in self.mine(cohort) {
                by_day
                    .entry(self.day_of(&self.slots[s.slot]))
                    .or_default()
                    .add_mul(1.0, s.var);
            }
            for (day, shifts) in by_day {
                let works = self.work_days[&(cohort, day)];
                rows.push(constraint!(works <= shifts.clone()));
                rows.push(constraint!(shifts <= most * works));
            }
            let worked = |d: i64| {
                let d = if cyclic { d.rem_euclid(days) } else { d };
                self.work_days.get(&(cohort, d)).copied()
            };
            for d in (if cyclic { 0 } else { 1 })..days {
                // Off the day before, or unable to work it: no run of days off starts at d.
                let Some(before) = worked(d - 1) else {
                    continue;
                };
                // A run cut by the plan's last day is fine; one round a cyclic plan is not.
                let inside = |j: i64| if cyclic { j < days } else { d + j < days };
                for j in (1..k).take_while(|&j| inside(j)) {
                    let Some(after) = worked(d + j) else {
                        continue;
                    };
                    let today = worked(d).map_or(Expression::from(0.0), Expression::from);
                    rows.push(constraint!(
                        Expression::from(before) - today + after <= c.size()
                    ));
                }
            }
        }
        rows
    }

    /// Each person has at least floor(k x W / 4) whole weekends off (no shift starting on the
    /// Saturday or the Sunday), with k = `rules.weekends_off_per_4_weeks` and W the weekends
    /// wholly inside the horizon. For a cohort, a member off a weekend counts as the most
    /// shifts a person can start in a day on each of its two days.
    pub(super) fn weekends_off(&self) -> Vec<Constraint> {
        let need = self.weekends_needed_off() as f64;
        let mut rows = Vec::new();
        let mut taken: BTreeMap<usize, Expression> = BTreeMap::new();
        for o in &self.weekends_off {
            let c = &self.cohorts[o.cohort];
            let most = self.most_shifts_a_day(o.cohort);
            for day in [o.saturday, o.saturday + 1] {
                let shifts: Vec<Variable> = self
                    .mine(o.cohort)
                    .filter(|s| self.day_of(&self.slots[s.slot]) == day)
                    .map(|s| s.var)
                    .collect();
                if !shifts.is_empty() {
                    let shifts = shifts.iter().fold(Expression::from(0.0), |e, v| e + *v);
                    rows.push(constraint!(most * o.var + shifts <= most * c.size()));
                }
            }
            taken.entry(o.cohort).or_default().add_mul(1.0, o.var);
        }
        rows.extend(
            taken
                .into_iter()
                .map(|(cohort, off)| constraint!(off >= need * self.cohorts[cohort].size())),
        );
        rows
    }

    // ---- what the week rules ask of the model ----

    /// Days shifts may start on, counted from the first.
    pub(super) fn plan_days(&self) -> i64 {
        self.slots
            .iter()
            .map(|s| self.day_of(s))
            .max()
            .map_or(0, |d| d + 1)
    }

    /// The shortest run of days off allowed, when it is 2 or more days.
    fn days_off_run(&self) -> Option<i64> {
        self.scenario
            .rules
            .days_off_together
            .map(i64::from)
            .filter(|&k| k >= 2)
    }

    /// The most shifts one member of the cohort can start in a day: as many of its shortest as
    /// fit in `max_hours_per_day`, at least one.
    fn most_shifts_a_day(&self, cohort: usize) -> f64 {
        let shortest = self
            .mine(cohort)
            .map(|s| self.slots[s.slot].hours())
            .fold(f64::INFINITY, f64::min);
        (self.person_of(cohort).max_hours_per_day / shortest + 1e-9)
            .floor()
            .max(1.0)
    }

    /// A time short enough that one person ends at most one night shift in it: the least gap
    /// between the ends of two nights one person can both work (the second starting
    /// `min_rest_hours` after the first ends), or all of `rest` when nobody can work two. On
    /// the week bench's nightly 22:00-06:00 shifts that gap is 24 hours, where the shortest
    /// night plus rest (19 hours) would cut 48 hours into 3 pieces instead of 2. None without
    /// night shifts or rest.
    fn one_night_each(&self, rest: Duration) -> Option<Duration> {
        let mut nights: Vec<_> = self
            .slots
            .iter()
            .filter(|s| self.is_night(s))
            .map(|s| (s.start, s.end))
            .collect();
        nights.sort();
        nights.dedup();
        let min_rest = Duration::minutes((self.scenario.min_rest_hours * 60.0).round() as i64);
        let wrap = self.scenario.horizon.cycle().unwrap_or_default();
        let later = nights
            .iter()
            .flat_map(|&(s, e)| [(s, e), (s + wrap, e + wrap)]);
        let gap = later
            .flat_map(|(start, end)| {
                nights
                    .iter()
                    .filter(move |(_, first_end)| start >= *first_end + min_rest)
                    .map(move |(_, first_end)| (end - *first_end).num_minutes())
            })
            .min();
        if nights.is_empty() || rest <= Duration::zero() {
            return None;
        }
        Some(gap.map_or(rest, Duration::minutes))
    }

    /// Weekends (Saturday and Sunday both wholly inside the horizon), by their Saturday's day.
    fn saturdays(&self) -> Vec<i64> {
        let horizon = &self.scenario.horizon;
        let mut saturdays = Vec::new();
        let mut date = horizon.start.date();
        while (date + Duration::days(2)).and_time(NaiveTime::MIN) <= horizon.end {
            if date.weekday() == Weekday::Sat && date.and_time(NaiveTime::MIN) >= horizon.start {
                saturdays.push((date - self.first_day).num_days());
            }
            date += Duration::days(1);
        }
        saturdays
    }

    /// Whole weekends each person has off: floor(k x W / 4).
    fn weekends_needed_off(&self) -> usize {
        let k = self.scenario.rules.weekends_off_per_4_weeks.unwrap_or(0) as usize;
        k * self.saturdays().len() / 4
    }
}
