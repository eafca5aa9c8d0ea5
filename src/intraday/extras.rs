//! What can be added on the day, each checked against the plan's rules before the repair model
//! sees it: a standby part-timer called in for their on-call shift (or its rest, after the
//! notice), a staff member called in on a shift they may work, a hired or named part-timer's
//! shift made longer, and a new part-timer on a part-time shift.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Weekday};
use serde::Serialize;

use crate::roster::RosterRow;
use crate::scenario::{Kind, Person, Scenario};
use crate::schedule::{
    group_may_serve, is_night_shift, night_hours, part_timers_may_take, shift_slots,
    staff_may_take, Pool, ShiftSlot,
};

/// A move proposed on the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MoveKind {
    /// An agent on shift serves another queue for a while.
    SwitchQueue,
    /// A standby part-timer or a staff member off duty comes in.
    CallIn,
    /// A part-timer's shift runs longer.
    Extend,
    /// A new part-timer is hired for a shift.
    AddPartTimer,
    /// A break not yet taken is taken at another time.
    MoveBreak,
}

impl MoveKind {
    /// The kind as `moves.csv` and `--json` write it.
    pub fn label(self) -> &'static str {
        match self {
            MoveKind::SwitchQueue => "switch-queue",
            MoveKind::CallIn => "call-in",
            MoveKind::Extend => "extend",
            MoveKind::AddPartTimer => "add-part-timer",
            MoveKind::MoveBreak => "move-break",
        }
    }
}

/// A shift that could be added (or, for [`MoveKind::Extend`], the hours added to one).
#[derive(Debug, Clone)]
pub(super) struct Extra {
    pub(super) kind: MoveKind,
    /// Who: a staff member, a standby part-timer or the part-timer whose shift runs on; None
    /// for a new part-timer.
    pub(super) name: Option<String>,
    /// The pool (skills and group) the person serves in.
    pub(super) pool: usize,
    /// The shift template's name (`standby` for an on-call shift).
    pub(super) template: String,
    /// The time added on duty.
    pub(super) start: NaiveDateTime,
    pub(super) end: NaiveDateTime,
    /// For an extension, the roster row it lengthens.
    pub(super) row: Option<usize>,
    /// Each break of the shift: its name, length in intervals and the starts it may take.
    pub(super) breaks: Vec<BreakWindow>,
    /// What it costs: wages, night premium, overtime, hiring.
    pub(super) pay: f64,
    /// The person is a lead (staff column `lead`).
    pub(super) lead: bool,
}

/// Where one break may fall.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct BreakWindow {
    pub(super) name: String,
    pub(super) intervals: usize,
    pub(super) starts: Vec<NaiveDateTime>,
}

/// Everything the day allows from `call` (the first time a called person can start, after the
/// notice) to `until` (the end of the re-planned window).
pub(super) struct Window<'a> {
    pub(super) scenario: &'a Scenario,
    pub(super) staff: &'a [Person],
    pub(super) roster: &'a [RosterRow],
    pub(super) pools: &'a [Pool],
    pub(super) pool_of: &'a [usize],
    pub(super) part_time_pool: usize,
    pub(super) first: NaiveDateTime,
    pub(super) call: NaiveDateTime,
    pub(super) until: NaiveDateTime,
}

impl Window<'_> {
    /// Every extra the rules allow, in a fixed order: standby, staff, extensions, new hires.
    pub(super) fn extras(&self, standby: &[RosterRow], hired: usize) -> Vec<Extra> {
        let slots: Vec<ShiftSlot> = shift_slots(self.scenario)
            .into_iter()
            .filter(|s| s.start >= self.call && s.start < self.until)
            .collect();
        let mut extras: Vec<Extra> = standby.iter().filter_map(|r| self.standby(r)).collect();
        for (p, person) in self.staff.iter().enumerate() {
            let own = self.own_rows(&person.name);
            extras.extend(
                slots
                    .iter()
                    .filter(|s| staff_may_take(self.scenario, person, s))
                    .filter(|s| keeps_week_rules(self.scenario, person, &own, s))
                    .map(|s| self.staff_call_in(p, &own, s)),
            );
        }
        for (r, row) in self.roster.iter().enumerate() {
            extras.extend(self.extensions(r, row));
        }
        let cap_left = self
            .scenario
            .part_time
            .max_people
            .map_or(usize::MAX, |m| (m as usize).saturating_sub(hired));
        if cap_left > 0 {
            extras.extend(
                slots
                    .iter()
                    .filter(|s| part_timers_may_take(self.scenario, s))
                    .map(|s| self.new_part_timer(s)),
            );
        }
        extras
    }

    fn own_rows(&self, name: &str) -> Vec<&RosterRow> {
        self.roster.iter().filter(|r| r.name == name).collect()
    }

    /// An on-call shift from its start, or from when the notice lets them come if it still
    /// leaves a part-time shift's least length.
    fn standby(&self, row: &RosterRow) -> Option<Extra> {
        let start = row.start.max(self.call);
        let minutes = (row.end - start).num_minutes();
        let short =
            start > row.start && minutes < i64::from(self.scenario.part_time.min_shift_minutes);
        if start >= self.until || minutes <= 0 || short {
            return None;
        }
        Some(Extra {
            kind: MoveKind::CallIn,
            name: Some(row.name.clone()),
            pool: self.part_time_pool,
            template: row.template.clone(),
            start,
            end: row.end,
            row: None,
            breaks: Vec::new(),
            pay: self.pay(self.scenario.costs.part_time_per_hour, start, row.end),
            lead: false,
        })
    }

    fn staff_call_in(&self, p: usize, own: &[&RosterRow], slot: &ShiftSlot) -> Extra {
        let person = &self.staff[p];
        let costs = &self.scenario.costs;
        let hours = slot.hours();
        let week = self.scenario.horizon.week_of(slot.start.date());
        let worked: f64 = own
            .iter()
            .filter(|r| self.scenario.horizon.week_of(r.start.date()) == week)
            .map(|r| r.hours())
            .sum();
        // Salaried contract hours are paid anyway; hours past the contract earn overtime.
        let contract = person.contract_hours_per_week.unwrap_or(f64::INFINITY);
        let beyond = (worked + hours - contract.max(worked)).clamp(0.0, hours);
        let paid = match person.paid_hours_per_week(costs) {
            Some(_) => beyond,
            None => hours,
        };
        let template = &self.scenario.shifts[slot.template];
        Extra {
            kind: MoveKind::CallIn,
            name: Some(person.name.clone()),
            pool: self.pool_of[p],
            template: template.name.clone(),
            start: slot.start,
            end: slot.end,
            row: None,
            breaks: self.breaks(slot),
            pay: self.pay(person.wage(costs), slot.start, slot.end)
                - (hours - paid) * person.wage(costs)
                + beyond * costs.overtime_per_hour
                + template.cost_per_shift,
            lead: person.lead,
        }
    }

    fn new_part_timer(&self, slot: &ShiftSlot) -> Extra {
        let costs = &self.scenario.costs;
        let template = &self.scenario.shifts[slot.template];
        Extra {
            kind: MoveKind::AddPartTimer,
            name: None,
            pool: self.part_time_pool,
            template: template.name.clone(),
            start: slot.start,
            end: slot.end,
            row: None,
            breaks: self.breaks(slot),
            pay: self.pay(costs.part_time_per_hour, slot.start, slot.end)
                + template.cost_per_shift
                + costs.part_time_per_person,
            lead: false,
        }
    }

    /// A part-timer's shift still running at `first`, made one or more intervals longer: up to
    /// the part-time contract's longest shift (a named part-timer's daily hours), in hours they
    /// can work and their group may serve, keeping rest before their next shift and their
    /// weekly hours.
    fn extensions(&self, r: usize, row: &RosterRow) -> Vec<Extra> {
        if row.kind != Kind::PartTime || row.is_session() || row.end < self.first {
            return Vec::new();
        }
        let scenario = self.scenario;
        let (pool, wage, longest, week_cap, person) = if row.hired {
            let pt = &scenario.part_time;
            let cap = pt.max_hours_per_week.unwrap_or(f64::INFINITY);
            let minutes = i64::from(pt.max_shift_minutes);
            (
                self.part_time_pool,
                scenario.costs.part_time_per_hour,
                minutes,
                cap,
                None,
            )
        } else {
            let Some(p) = self.staff.iter().position(|p| p.name == row.name) else {
                return Vec::new();
            };
            let person = &self.staff[p];
            let minutes = (person.max_hours_per_day * 60.0).round() as i64;
            let wage = person.wage(&scenario.costs);
            (
                self.pool_of[p],
                wage,
                minutes,
                person.max_hours_per_week,
                Some(person),
            )
        };
        let own = self.own_rows(&row.name);
        let rest = minutes(scenario.min_rest_hours);
        let next_start = own.iter().map(|o| o.start).filter(|&s| s > row.start).min();
        let week = scenario.horizon.week_of(row.start.date());
        let week_hours: f64 = own
            .iter()
            .filter(|o| scenario.horizon.week_of(o.start.date()) == week)
            .map(|o| o.hours())
            .sum();
        let step = scenario.horizon.interval();
        let mut extras = Vec::new();
        let mut end = row.end;
        while end + step <= self.until {
            let can_work = match person {
                Some(person) => person.can_work_at(end),
                None => scenario.part_time.is_available(end),
            };
            let may_serve = self.pools[pool].queues.iter().any(|&q| {
                group_may_serve(&scenario.phases, &scenario.queues[q].name, &row.group, end)
            });
            end += step;
            let added = (end - row.end).num_minutes() as f64 / 60.0;
            if !can_work
                || !may_serve
                || (end - row.start).num_minutes() > longest
                || next_start.is_some_and(|s| end + rest > s)
                || week_hours + added > week_cap + 1e-9
            {
                break;
            }
            extras.push(Extra {
                kind: MoveKind::Extend,
                name: Some(row.name.clone()),
                pool,
                template: row.template.clone(),
                start: row.end,
                end,
                row: Some(r),
                breaks: Vec::new(),
                pay: self.pay(wage, row.end, end),
                lead: person.is_some_and(|p| p.lead),
            });
        }
        extras
    }

    /// Wages and night premium for `start`..`end` at `per_hour`.
    fn pay(&self, per_hour: f64, start: NaiveDateTime, end: NaiveDateTime) -> f64 {
        let hours = (end - start).num_minutes() as f64 / 60.0;
        hours * per_hour
            + night_hours(self.scenario, start, end) * self.scenario.costs.night_premium_per_hour
    }

    /// The template's breaks on this shift, each with every start its window allows.
    fn breaks(&self, slot: &ShiftSlot) -> Vec<BreakWindow> {
        let step = self.scenario.horizon.interval_minutes;
        self.scenario.shifts[slot.template]
            .breaks
            .iter()
            .map(|b| BreakWindow {
                name: b.name.clone(),
                intervals: (b.minutes / step) as usize,
                starts: (b.earliest..=b.latest)
                    .step_by(step as usize)
                    .map(|m| slot.start + Duration::minutes(m.into()))
                    .filter(|&s| s + Duration::minutes(b.minutes.into()) <= slot.end)
                    .collect(),
            })
            .collect()
    }
}

fn minutes(hours: f64) -> Duration {
    Duration::minutes((hours * 60.0).round() as i64)
}

/// Whether one more shift, `slot`, keeps the person's week within the plan's rules, given their
/// shifts `own`: rest around it (`one_shift_at_a_time_with_rest`), hours on shifts starting that
/// day and that week, sessions included (`daily_and_weekly_hours`), starts and night shifts in a row
/// (`days_in_a_row`, `nights_in_a_row`), `rest_after_nights`, `days_off_together`, and no
/// weekend day taken when weekends off are counted (`weekends_off`).
fn keeps_week_rules(
    scenario: &Scenario,
    person: &Person,
    own: &[&RosterRow],
    slot: &ShiftSlot,
) -> bool {
    let rest = minutes(scenario.min_rest_hours);
    let day = slot.start.date();
    let rules = &scenario.rules;
    let rested = own
        .iter()
        .all(|r| slot.start >= r.end + rest || slot.end + rest <= r.start);
    let shifts: Vec<&&RosterRow> = own.iter().filter(|r| !r.is_session()).collect();
    let starts: Vec<NaiveDate> = shifts.iter().map(|r| r.start.date()).collect();
    let week = scenario.horizon.week_of(day);
    let day_hours = (shifts.iter())
        .filter(|r| r.start.date() == day)
        .map(|r| r.hours())
        .sum::<f64>()
        + slot.hours();
    // Sessions count toward the week, as in the plan (and as an extension counts them).
    let week_hours = (own.iter())
        .filter(|r| scenario.horizon.week_of(r.start.date()) == week)
        .map(|r| r.hours())
        .sum::<f64>()
        + slot.hours();
    let night = is_night_shift(scenario, slot.start, slot.end);
    let nights: Vec<NaiveDate> = shifts
        .iter()
        .filter(|r| is_night_shift(scenario, r.start, r.end))
        .map(|r| r.start.date())
        .collect();
    let weekend = matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
    rested
        && day_hours <= person.max_hours_per_day + 1e-9
        && week_hours <= person.max_hours_per_week + 1e-9
        && person
            .max_days_in_row
            .is_none_or(|m| fits_in_a_row(&starts, day, m))
        && (!night
            || rules
                .max_nights_in_row
                .is_none_or(|m| fits_in_a_row(&nights, day, m)))
        && rests_after_nights(scenario, own, slot, night)
        && rules
            .days_off_together
            .is_none_or(|k| days_off_runs_hold(&starts, day, k.into()))
        && !(weekend && rules.weekends_off_per_4_weeks.is_some())
}

/// With one more start on `day`, no m + 1 days in a row hold more than m of `starts`.
fn fits_in_a_row(starts: &[NaiveDate], day: NaiveDate, m: u32) -> bool {
    let span = i64::from(m);
    (0..=span).all(|back| {
        let first = day - Duration::days(back);
        let last = first + Duration::days(span);
        let inside = starts.iter().filter(|&&d| d >= first && d <= last).count();
        inside < m as usize
    })
}

/// With `day` worked, the days off just before and after it still come in runs of at least
/// `k` (or none at all).
fn days_off_runs_hold(working: &[NaiveDate], day: NaiveDate, k: i64) -> bool {
    let gap_ok = |gap: i64| gap == 0 || gap >= k;
    let before = working.iter().filter(|&&d| d < day).max();
    let after = working.iter().filter(|&&d| d > day).min();
    before.is_none_or(|&d| gap_ok((day - d).num_days() - 1))
        && after.is_none_or(|&d| gap_ok((d - day).num_days() - 1))
}

/// `rules.rest_after_nights_hours` holds between the slot and the shifts next to it.
fn rests_after_nights(
    scenario: &Scenario,
    own: &[&RosterRow],
    slot: &ShiftSlot,
    night: bool,
) -> bool {
    let Some(hours) = scenario.rules.rest_after_nights_hours else {
        return true;
    };
    let rest = minutes(hours);
    own.iter().filter(|r| !r.is_session()).all(|r| {
        let r_night = is_night_shift(scenario, r.start, r.end);
        if r.end <= slot.start {
            !r_night || night || slot.start >= r.end + rest
        } else {
            !night || r_night || r.start >= slot.end + rest
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::parse_time;
    use builders::{hourly_scenario, person};

    /// The builders the other tests share (this one needs two of them).
    #[allow(dead_code)]
    mod builders {
        use crate::scenario::{Person, Scenario};
        use crate::staffing::Requirement;
        use crate::time::ClockWindow;
        include!("../../tests/common/builders.rs");
    }

    /// One of ana's roster rows, `hours` long from `start`; a session serves no queue.
    fn ana_on(start: &str, hours: i64, session: bool) -> RosterRow {
        let start = parse_time(start).unwrap();
        RosterRow {
            name: "ana".into(),
            group: "main".into(),
            queue: if session { "" } else { "presale" }.into(),
            template: if session { "drill" } else { "day" }.into(),
            start,
            end: start + Duration::hours(hours),
            kind: Kind::FullTime,
            hired: false,
            segments: Vec::new(),
        }
    }

    #[test]
    fn a_call_in_counts_the_weeks_sessions() {
        // ana (40 hours a week) works 08:00-16:00 on 11-11 to 11-14: a fifth day on 11-15 makes
        // 40 hours, so she may be called in. With a 2-hour drill that week as well it would be
        // 42, as the plan counts it: not.
        let day = "[[shifts]]\nname = \"day\"\nstart = \"08:00\"\nhours = 8\n";
        let scenario = hourly_scenario(day, &["presale"], 7);
        let ana = person("ana", &["presale"]);
        let slot = ShiftSlot {
            template: 0,
            start: parse_time("2026-11-15T08:00").unwrap(),
            end: parse_time("2026-11-15T16:00").unwrap(),
            cover: Vec::new(),
        };
        let mut rows: Vec<RosterRow> = (11..15)
            .map(|d| ana_on(&format!("2026-11-{d}T08:00"), 8, false))
            .collect();
        let own: Vec<&RosterRow> = rows.iter().collect();
        assert!(keeps_week_rules(&scenario, &ana, &own, &slot));
        rows.push(ana_on("2026-11-12T18:00", 2, true));
        let own: Vec<&RosterRow> = rows.iter().collect();
        assert!(!keeps_week_rules(&scenario, &ana, &own, &slot));
    }
}
