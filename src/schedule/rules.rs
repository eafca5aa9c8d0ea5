//! The rules every plan keeps, as values ([`Rule`]: name, hard or priced) and as rows (one named
//! function per rule on the model, listed once in [`Model::rows`]).

use std::collections::{BTreeMap, HashMap};

use chrono::{Duration, NaiveDateTime};
use good_lp::{constraint, Constraint, Expression, IntoAffineExpression, Variable};

use super::flow::linked;
use super::model::{Model, StaffShift};
use super::slots::{most_hours_within, ShiftSlot};
use super::week_rules::Measure;

/// A rule the plan keeps between its shifts. Who may take a shift at all is not a rule here but
/// a candidate check (`candidates.rs`): a shift nobody may take has no variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    /// Agents on duty, plus the shortfall reported, reach each queue's requirement every interval.
    CoverRequirement,
    /// When naming a cohort, its members take exactly the shifts the plan gave the cohort.
    FillPlannedShifts,
    /// New part-timers trained for several queues are split over those queues every interval.
    SplitCrossTrainedHours,
    /// Everyone on a shift takes each of its `breaks` once, inside the break's window.
    TakeEveryBreak,
    /// A person works one shift at a time and rests `rules.min_rest_hours` before the next.
    OneShiftAtATimeWithRest,
    /// A person works at most `max_hours_per_day` a day and `max_hours_per_week` a week.
    DailyAndWeeklyHours,
    /// A person with `max_days_in_row` = m takes a day off after m working days.
    DaysInARow,
    /// Hours above a person's `contract_hours_per_week` are overtime.
    OvertimeAboveContract,
    /// Every member of a phase's `must` groups works a shift overlapping the phase.
    PhaseMustBeOnDuty,
    /// The part-timers hired are the start bands' head counts added up, and no more than
    /// `part_time.max_people`.
    PartTimerHeadcount,
    /// Night shifts (at least half inside `costs.night`) are spread evenly within each group.
    FairSpreadOfNightShifts,
    /// A person works at least their `min_hours_per_week` (a salaried full-timer their contract
    /// hours) each week, pro rata.
    MinHoursPerWeek,
    /// At least one lead on duty per `rules.agents_per_lead` agents on duty, every interval.
    LeadOnDuty,
    /// Shifts inside hours people would like to work cost less, those they would rather not,
    /// more (a price on each shift: no rows).
    Preferences,
    /// A hired part-timer starts every shift in one band of `part_time.start_band_hours` and
    /// rests `rules.min_rest_hours` between shifts.
    PartTimeStartBand,
    /// A hired part-timer starts at most `part_time.max_shifts_per_day` shifts a day.
    PartTimeShiftsPerDay,
    /// A hired part-timer works at most `part_time.max_hours_per_week` a week.
    PartTimeWeeklyHours,
    /// A person works at most `rules.max_nights_in_row` night shifts in a row.
    NightsInARow,
    /// No shift but a night shift starts within `rules.rest_after_nights_hours` of a night's end.
    RestAfterNights,
    /// Days off come in runs of at least `rules.days_off_together` days.
    DaysOffTogether,
    /// Everyone has `rules.weekends_off_per_4_weeks` whole weekends off, pro rata.
    WeekendsOff,
    /// Hours worked are spread evenly within each group.
    FairSpreadOfHours,
    /// Weekend days worked (shifts starting on a Saturday or Sunday) are spread evenly within
    /// each group.
    FairSpreadOfWeekendDays,
    /// A pool's staff on a shift are counted once per slot, for the cover and lead rows.
    StaffOnShift,
}

/// Whether a rule always holds or gives way at a price.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleKind {
    /// Every plan keeps it.
    Hard,
    /// The plan may break it, paying the scenario's price under this key for each unit broken.
    Priced(&'static str),
}

impl Rule {
    /// Every rule, in the order its rows go to HiGHS. The row order steers which of several
    /// equally cheap plans HiGHS returns (hard rules first changed the bundled example's roster),
    /// so it stays the order the rules were written in; [`Rule::kind`] tells hard from priced.
    pub const ALL: [Rule; 24] = [
        Rule::CoverRequirement,
        Rule::FillPlannedShifts,
        Rule::SplitCrossTrainedHours,
        Rule::TakeEveryBreak,
        Rule::OneShiftAtATimeWithRest,
        Rule::DailyAndWeeklyHours,
        Rule::DaysInARow,
        Rule::OvertimeAboveContract,
        Rule::PhaseMustBeOnDuty,
        Rule::PartTimerHeadcount,
        Rule::FairSpreadOfNightShifts,
        Rule::MinHoursPerWeek,
        Rule::LeadOnDuty,
        Rule::Preferences,
        Rule::PartTimeStartBand,
        Rule::PartTimeShiftsPerDay,
        Rule::PartTimeWeeklyHours,
        Rule::NightsInARow,
        Rule::RestAfterNights,
        Rule::DaysOffTogether,
        Rule::WeekendsOff,
        Rule::FairSpreadOfHours,
        Rule::FairSpreadOfWeekendDays,
        Rule::StaffOnShift,
    ];

    /// The rule's name in the model's rows and in the reasons the report gives.
    pub fn name(self) -> &'static str {
        match self {
            Rule::CoverRequirement => "cover_requirement",
            Rule::FillPlannedShifts => "fill_planned_shifts",
            Rule::SplitCrossTrainedHours => "split_cross_trained_hours",
            Rule::TakeEveryBreak => "take_every_break",
            Rule::OneShiftAtATimeWithRest => "one_shift_at_a_time_with_rest",
            Rule::DailyAndWeeklyHours => "daily_and_weekly_hours",
            Rule::DaysInARow => "days_in_a_row",
            Rule::OvertimeAboveContract => "overtime_above_contract",
            Rule::PhaseMustBeOnDuty => "phase_must_be_on_duty",
            Rule::PartTimerHeadcount => "part_timer_headcount",
            Rule::FairSpreadOfNightShifts => "fair_spread_of_night_shifts",
            Rule::MinHoursPerWeek => "min_hours_per_week",
            Rule::LeadOnDuty => "lead_on_duty",
            Rule::Preferences => "preferences",
            Rule::PartTimeStartBand => "part_time_start_band",
            Rule::PartTimeShiftsPerDay => "part_time_shifts_per_day",
            Rule::PartTimeWeeklyHours => "part_time_weekly_hours",
            Rule::NightsInARow => "nights_in_a_row",
            Rule::RestAfterNights => "rest_after_nights",
            Rule::DaysOffTogether => "days_off_together",
            Rule::WeekendsOff => "weekends_off",
            Rule::FairSpreadOfHours => "fair_spread_of_hours",
            Rule::FairSpreadOfWeekendDays => "fair_spread_of_weekend_days",
            Rule::StaffOnShift => "staff_on_shift",
        }
    }

    /// Hard, or priced by which `costs.*` key. Part-timer head count is hard: each hire is paid
    /// `costs.part_time_per_person`, but the plan never hires fewer than its shifts need.
    pub fn kind(self) -> RuleKind {
        match self {
            // Shortfall is the slack of the cover rows; a planned shift naming cannot fill is
            // dropped at the same price per hour.
            Rule::CoverRequirement | Rule::FillPlannedShifts => {
                RuleKind::Priced("costs.shortfall_per_agent_hour")
            }
            Rule::OvertimeAboveContract => RuleKind::Priced("costs.overtime_per_hour"),
            Rule::PhaseMustBeOnDuty => RuleKind::Priced("costs.phase_rule_penalty"),
            Rule::FairSpreadOfNightShifts => RuleKind::Priced("costs.fairness_per_shift"),
            Rule::MinHoursPerWeek => RuleKind::Priced("costs.min_hours_per_hour"),
            Rule::LeadOnDuty => RuleKind::Priced("costs.lead_short_per_hour"),
            Rule::Preferences => RuleKind::Priced("costs.preference_per_hour"),
            Rule::FairSpreadOfHours => RuleKind::Priced("costs.fairness_hours_per_hour"),
            Rule::FairSpreadOfWeekendDays => RuleKind::Priced("costs.fairness_weekends_per_day"),
            Rule::SplitCrossTrainedHours
            | Rule::TakeEveryBreak
            | Rule::OneShiftAtATimeWithRest
            | Rule::DailyAndWeeklyHours
            | Rule::DaysInARow
            | Rule::PartTimerHeadcount
            | Rule::PartTimeStartBand
            | Rule::PartTimeShiftsPerDay
            | Rule::PartTimeWeeklyHours
            | Rule::NightsInARow
            | Rule::RestAfterNights
            | Rule::DaysOffTogether
            | Rule::WeekendsOff
            | Rule::StaffOnShift => RuleKind::Hard,
        }
    }

    /// The `costs.*` key that prices breaking the rule; None for a hard rule.
    pub fn price(self) -> Option<&'static str> {
        match self.kind() {
            RuleKind::Priced(key) => Some(key),
            RuleKind::Hard => None,
        }
    }
}

/// The rules a person's own week keeps (rest, daily and weekly hours, days and nights in a row,
/// rest after nights, days off together, weekends off): what greedy naming and the
/// after-the-fact checks test one shift at a time ([`Model::try_taking`]).
pub(super) const PERSONAL_RULES: [Rule; 7] = [
    Rule::OneShiftAtATimeWithRest,
    Rule::DailyAndWeeklyHours,
    Rule::DaysInARow,
    Rule::NightsInARow,
    Rule::RestAfterNights,
    Rule::DaysOffTogether,
    Rule::WeekendsOff,
];

/// Whether `values` break `row` (normalised to `expression <= 0`, or `== 0`) by more than 1e-6.
pub(super) fn broken(row: &Constraint, values: &HashMap<Variable, f64>) -> bool {
    let value = row.expression().eval_with(values);
    value > 1e-6 || (row.is_equality() && value < -1e-6)
}

/// Some rules' rows with, per variable, the rows it appears in: to test one change at a time
/// without evaluating every row.
pub(super) struct RowIndex {
    rows: Vec<Constraint>,
    of: HashMap<Variable, Vec<usize>>,
}

impl RowIndex {
    pub(super) fn new(model: &Model, rules: &[Rule]) -> Self {
        let rows: Vec<Constraint> = rules.iter().flat_map(|r| model.rows(*r)).collect();
        let mut of: HashMap<Variable, Vec<usize>> = HashMap::new();
        for (k, row) in rows.iter().enumerate() {
            for (v, _) in row.expression().linear_coefficients() {
                of.entry(v).or_default().push(k);
            }
        }
        RowIndex { rows, of }
    }

    /// Whether every row holding `var` holds in `values`.
    pub(super) fn hold_for(&self, var: Variable, values: &HashMap<Variable, f64>) -> bool {
        self.of
            .get(&var)
            .is_none_or(|rows| rows.iter().all(|&k| !broken(&self.rows[k], values)))
    }
}

impl Model<'_> {
    /// The rows of one rule, each named after it: the one place rules meet their functions.
    pub(super) fn rows(&self, rule: Rule) -> Vec<Constraint> {
        let rows = match rule {
            Rule::CoverRequirement => self.cover_requirement(),
            Rule::FillPlannedShifts => self.fill_planned_shifts(),
            Rule::SplitCrossTrainedHours => self.split_cross_trained_hours(),
            Rule::TakeEveryBreak => self.take_every_break(),
            Rule::OneShiftAtATimeWithRest => self.one_shift_at_a_time_with_rest(),
            Rule::DailyAndWeeklyHours => self.daily_and_weekly_hours(),
            Rule::DaysInARow => self.days_in_a_row(),
            Rule::OvertimeAboveContract => self.overtime_above_contract(),
            Rule::PhaseMustBeOnDuty => self.phase_must_be_on_duty(),
            Rule::PartTimerHeadcount => self.part_timer_headcount(),
            Rule::MinHoursPerWeek => self.min_hours_per_week(),
            Rule::LeadOnDuty => self.lead_on_duty(),
            // Priced on each shift in `Model::cost` (`preference_cost`).
            Rule::Preferences => Vec::new(),
            Rule::PartTimeStartBand => self.part_time_start_band(),
            Rule::PartTimeShiftsPerDay => self.part_time_shifts_per_day(),
            Rule::PartTimeWeeklyHours => self.part_time_weekly_hours(),
            Rule::FairSpreadOfNightShifts => self.fair_spread(Measure::NightShifts),
            Rule::NightsInARow => self.nights_in_a_row(),
            Rule::RestAfterNights => self.rest_after_nights(),
            Rule::DaysOffTogether => self.days_off_together(),
            Rule::WeekendsOff => self.weekends_off(),
            Rule::FairSpreadOfHours => self.fair_spread(Measure::Hours),
            Rule::FairSpreadOfWeekendDays => self.fair_spread(Measure::WeekendDays),
            Rule::StaffOnShift => self.staff_on_shift(),
        };
        rows.into_iter()
            .map(|row| row.set_name(rule.name().to_string()))
            .collect()
    }

    /// Agents who may serve a queue, plus its reported shortfall, reach its requirement in every
    /// interval; so do those who may serve any of a set of queues that cross-trained agents link,
    /// for the set's total. By Hall's theorem these rows are exactly what lets the agents on
    /// duty be split over the queues, so the model needs no variable per pool, queue and
    /// interval; the split is handed out after solving. Naming has no such rows: it keeps the
    /// plan's shifts, so it keeps their cover.
    fn cover_requirement(&self) -> Vec<Constraint> {
        if self.naming {
            return Vec::new();
        }
        let count = self.scenario.horizon.len();
        let queues = self.scenario.queues.len();
        let on_duty = self.on_duty();
        let mut rows = Vec::new();
        for i in 0..count {
            let reach = self.reach(i);
            for set in (1u32..1 << queues).filter(|&set| linked(set, &reach)) {
                let mut served = Expression::from(0.0);
                let mut need = 0.0;
                for q in (0..queues).filter(|q| set & 1 << q != 0) {
                    need += self.need(q, i);
                    if let Some(short) = self.shortfall[self.cell(q, i)] {
                        served += short;
                    }
                    served += self.served_by_weighted(&on_duty, q, i);
                }
                for &(p, mask) in &reach {
                    if mask & set != 0 {
                        served += on_duty[p][i].clone();
                    }
                }
                // Nothing needed and nobody's break subtracted: the row holds for any plan.
                if need <= 0.0 && (&served).linear_coefficients().all(|(_, c)| c >= 0.0) {
                    continue;
                }
                rows.push(constraint!(served >= need));
            }
        }
        rows
    }

    /// In the naming stage, the cohort's members take exactly the plan's shifts; one nobody can
    /// take is dropped at the shortfall price and reported.
    fn fill_planned_shifts(&self) -> Vec<Constraint> {
        self.fills
            .iter()
            .map(|f| {
                let taken = self
                    .staff_shifts
                    .iter()
                    .filter(|s| s.slot == f.slot)
                    .fold(Expression::from(f.dropped), |e, s| e + s.var);
                constraint!(taken == f.count)
            })
            .collect()
    }

    /// A cross-trained pool whose agents count differently per queue (new part-timers, whose
    /// weight is `part_time_chats_at_once` / `chats_at_once`) is split over its queues in every
    /// interval by the model; other pools' splits follow from `cover_requirement` and are handed
    /// out after solving.
    fn split_cross_trained_hours(&self) -> Vec<Constraint> {
        if self.split.is_empty() {
            return Vec::new();
        }
        let on_duty = self.on_duty();
        let mut served: BTreeMap<(usize, usize), Expression> = BTreeMap::new();
        for (&(p, _, i), v) in &self.split {
            served
                .entry((p, i))
                .or_insert_with(|| Expression::from(0.0))
                .add_mul(1.0, *v);
        }
        served
            .into_iter()
            .map(|((p, i), served)| constraint!(served == on_duty[p][i].clone()))
            .collect()
    }

    /// Everyone on a shift with `breaks` takes each break once, somewhere inside its window.
    fn take_every_break(&self) -> Vec<Constraint> {
        let mut taken: BTreeMap<(usize, usize, usize), Expression> = BTreeMap::new();
        for b in &self.breaks {
            taken
                .entry((b.pool, b.slot, b.number))
                .or_insert_with(|| Expression::from(0.0))
                .add_mul(1.0, b.var);
        }
        let mut working: BTreeMap<(usize, usize), Expression> = BTreeMap::new();
        let shifts = self
            .staff_shifts
            .iter()
            .map(|s| (self.cohorts[s.cohort].pool, s.slot, s.var))
            .chain(
                self.part_time_shifts
                    .iter()
                    .map(|s| (self.part_time_pool, s.slot, s.var)),
            );
        for (pool, slot, var) in shifts {
            working
                .entry((pool, slot))
                .or_insert_with(|| Expression::from(0.0))
                .add_mul(1.0, var);
        }
        taken
            .into_iter()
            .map(|((pool, slot, _), breaks)| {
                let working = working.get(&(pool, slot)).cloned().unwrap_or_default();
                constraint!(breaks == working)
            })
            .collect()
    }

    /// A person works one shift at a time and rests `min_rest_hours` after each before the next.
    /// (For a cohort of n: at most n of its shifts-plus-rest overlap at any moment, which is
    /// exactly what n people can work, as for part-timers.)
    fn one_shift_at_a_time_with_rest(&self) -> Vec<Constraint> {
        let mut rows = Vec::new();
        for (cohort, c) in self.cohorts.iter().enumerate() {
            let mine: Vec<&StaffShift> = self.mine(cohort).collect();
            let mut starts: Vec<NaiveDateTime> =
                mine.iter().map(|s| self.slots[s.slot].start).collect();
            starts.sort();
            starts.dedup();
            // Two busy windows (shift plus rest) clash exactly when one holds the other's start,
            // so it is enough to allow at most one of them to hold each shift start.
            for t in starts {
                let busy: Vec<Variable> = mine
                    .iter()
                    .filter(|s| self.busy_at(&self.slots[s.slot], t))
                    .map(|s| s.var)
                    .collect();
                if busy.len() > 1 {
                    rows.push(constraint!(
                        busy.iter().fold(Expression::from(0.0), |e, v| e + *v) <= c.size()
                    ));
                }
            }
        }
        rows
    }

    /// A person works at most `max_hours_per_day` on shifts starting that day, and at most
    /// `max_hours_per_week` in each of the plan's weeks, sessions they attend counted (the
    /// weeks minimum hours count in: a shift starting the day before the plan is in its first);
    /// each row at the most hours their shifts add up to within it ([`most_hours_within`]).
    fn daily_and_weekly_hours(&self) -> Vec<Constraint> {
        let mut rows = Vec::new();
        for (cohort, c) in self.cohorts.iter().enumerate() {
            let person = self.person_of(cohort);
            let days = self.blocks_of(cohort, Model::day_of);
            let weeks = self.blocks_of(cohort, Model::week_of);
            let daily = days
                .into_values()
                .map(|list| (list, person.max_hours_per_day));
            let weekly = weeks.into_iter().map(|(week, list)| {
                let sessions = self.session_hours(person, Some(week as usize));
                (list, (person.max_hours_per_week - sessions).max(0.0))
            });
            for (list, limit) in daily.chain(weekly) {
                let most: f64 = list.iter().map(|s| self.slots[s.slot].hours()).sum();
                if most > limit + 1e-9 {
                    let lengths = list.iter().map(|s| self.slots[s.slot].hours());
                    let limit = most_hours_within(lengths, limit);
                    rows.push(constraint!(self.hours_of(&list) <= limit * c.size()));
                }
            }
        }
        rows
    }

    /// A person with `max_days_in_row` = m starts at most m shifts in any m + 1 days in a row,
    /// so a day off follows every m working days (in a cyclic horizon, also across the wrap).
    fn days_in_a_row(&self) -> Vec<Constraint> {
        (0..self.cohorts.len())
            .flat_map(|cohort| match self.person_of(cohort).max_days_in_row {
                Some(m) => self.in_a_row(cohort, m.into(), |_| true),
                None => Vec::new(),
            })
            .collect()
    }

    /// Hours above a person's weekly contract hours are overtime, paid `overtime_per_hour` extra.
    fn overtime_above_contract(&self) -> Vec<Constraint> {
        self.overtime
            .iter()
            .map(|o| {
                let c = &self.cohorts[o.cohort];
                let contract = self
                    .person_of(o.cohort)
                    .contract_hours_per_week
                    .unwrap_or(0.0);
                let week = self
                    .blocks_of(o.cohort, Model::week_of)
                    .remove(&o.week)
                    .unwrap_or_default();
                constraint!(self.hours_of(&week) - contract * c.size() <= o.var)
            })
            .collect()
    }

    /// Every member of a phase's `must` groups works a shift overlapping the phase; a miss is
    /// priced slack and reported with its reason.
    fn phase_must_be_on_duty(&self) -> Vec<Constraint> {
        self.duties
            .iter()
            .map(|d| {
                let on_duty = self
                    .duty_shifts(d.phase, d.cohort)
                    .fold(Expression::from(0.0), |e, s| e + s.var);
                constraint!(on_duty + d.missed >= self.cohorts[d.cohort].size())
            })
            .collect()
    }

    /// Hired part-timers are the start bands' head counts added up (each band's count is
    /// capped from below by the `part_time_*` rules), and at most the cap, when asked; no rows
    /// when the model keeps no head count.
    fn part_timer_headcount(&self) -> Vec<Constraint> {
        let Some(hired) = self.part_timers else {
            return Vec::new();
        };
        let mut rows: Vec<Constraint> = self
            .part_timer_cap
            .map(|cap| constraint!(hired <= f64::from(cap)))
            .into_iter()
            .collect();
        if !self.bands.is_empty() {
            rows.push(constraint!(hired == self.band_total()));
        }
        rows
    }

    // ---- what the rules ask of the model ----

    /// Agents of each pool on duty (not on a break) per interval.
    fn on_duty(&self) -> Vec<Vec<Expression>> {
        let count = self.scenario.horizon.len();
        let mut on_duty = vec![vec![Expression::from(0.0); count]; self.pools.len()];
        for (&(p, slot), &var) in &self.on_shift {
            for &i in &self.slots[slot].cover {
                on_duty[p][i].add_mul(1.0, var);
            }
        }
        for s in self
            .staff_shifts
            .iter()
            .filter(|s| !self.counted_on_shift(s))
        {
            for &i in &self.slots[s.slot].cover {
                on_duty[self.cohorts[s.cohort].pool][i].add_mul(1.0, s.var);
            }
        }
        for s in &self.part_time_shifts {
            for &i in &self.slots[s.slot].cover {
                on_duty[self.part_time_pool][i].add_mul(1.0, s.var);
            }
        }
        for b in &self.breaks {
            for i in self.break_cover(b) {
                on_duty[b.pool][i].add_mul(-1.0, b.var);
            }
        }
        on_duty
    }

    /// Agents of pools that count less than one full agent (their split is in the model) serving
    /// queue `q` in interval `i`, in full agents.
    fn served_by_weighted(&self, on_duty: &[Vec<Expression>], q: usize, i: usize) -> Expression {
        let mut total = Expression::from(0.0);
        for (p, pool) in self.pools.iter().enumerate() {
            if !pool.queues.contains(&q) || pool.full_agents(self.scenario) {
                continue;
            }
            let weight = self.weight(p, q);
            if pool.queues.len() == 1 {
                total += on_duty[p][i].clone() * weight;
            } else if let Some(v) = self.split.get(&(p, q, i)) {
                total.add_mul(weight, *v);
            }
        }
        total
    }

    /// The queues each full-agent pool may serve in interval `i`, as bit sets by queue index.
    fn reach(&self, i: usize) -> Vec<(usize, u32)> {
        (0..self.pools.len())
            .filter(|&p| self.pools[p].full_agents(self.scenario))
            .map(|p| {
                let mask = self.pools[p]
                    .queues
                    .iter()
                    .filter(|&&q| self.may_serve(p, q, i))
                    .fold(0u32, |m, &q| m | 1 << q);
                (p, mask)
            })
            .filter(|&(_, mask)| mask != 0)
            .collect()
    }

    fn rest(&self) -> Duration {
        Duration::minutes((self.scenario.min_rest_hours * 60.0).round() as i64)
    }

    /// Whether the shift or the rest after it is under way at `t`.
    pub(super) fn busy_at(&self, slot: &ShiftSlot, t: NaiveDateTime) -> bool {
        self.scenario
            .horizon
            .within(slot.start, slot.end - slot.start + self.rest(), t)
    }

    /// One cohort's shifts grouped by `block` (day or week) of their slots.
    fn blocks_of(
        &self,
        cohort: usize,
        block: impl Fn(&Self, &ShiftSlot) -> i64,
    ) -> BTreeMap<i64, Vec<&StaffShift>> {
        let mut blocks: BTreeMap<i64, Vec<&StaffShift>> = BTreeMap::new();
        for s in self.mine(cohort) {
            blocks
                .entry(block(self, &self.slots[s.slot]))
                .or_default()
                .push(s);
        }
        blocks
    }

    fn hours_of(&self, shifts: &[&StaffShift]) -> Expression {
        shifts.iter().fold(Expression::from(0.0), |mut e, s| {
            e.add_mul(self.slots[s.slot].hours(), s.var);
            e
        })
    }
}
