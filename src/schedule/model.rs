//! The model: its decision variables (built part by part in `Model::new`), the questions the
//! rules ask of them (whose shift, which day, pay), and the cost the solve minimises.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Duration, NaiveDate};
use good_lp::{variable, ProblemVariables, Variable};

use super::candidates::{has_skill, part_timers_may_take, staff_may_take};
use super::cohorts::{cohorts_of, pools, singletons, Cohort, Pool};
use super::contracts::BelowFloor;
use super::deadline::Deadline;
use super::first_plan::Start;
use super::objective::Objective;
use super::part_time::{always_filled, counts_heads, shortfall_vars};
use super::slots::{is_night_shift, shift_pay, shift_slots, ShiftSlot};
use super::week_rules::{Spread, WeekendOff};
use crate::scenario::{Person, Scenario, WorkRules};
use crate::staffing::Requirement;

/// The share of the staff in cohorts of more than one below which the plan is made person by
/// person from the start: counting so few together barely shrinks the model, and naming them
/// may not keep the plan's cost, which then costs a second plan (on the diverse benches, 7 of
/// 120 people shared a cohort; on the others, 70% to all).
const COUNTED_TOGETHER_AT_LEAST: f64 = 0.25;

/// Staff-shift variables, counted person by person, up to which a plan whose rules shape
/// personal weeks ([`shape_personal_weeks`]) is made person by
/// person: cohort totals relax those rules, so naming often cannot keep the plan's cost and the
/// plan is made twice. On the week bench with the rules on (3,400 such variables) the plan ends
/// 1.7% from the best bound in 60 s instead of 3.1%; the month's 60,000 are too many for its
/// relaxation.
const BY_PERSON_UP_TO: usize = 20_000;

/// Whether a rule ties one person's shifts on different days together (nights in a row, rest
/// after nights, days off in runs, weekends off): people counted together relax it.
fn shape_personal_weeks(rules: &WorkRules) -> bool {
    rules.max_nights_in_row.is_some()
        || rules.rest_after_nights_hours.is_some_and(|h| h > 0.0)
        || rules.days_off_together.is_some_and(|k| k >= 2)
        || rules.weekends_off_per_4_weeks.is_some_and(|k| k > 0)
}

/// Whether a plan made person by person has at most [`BY_PERSON_UP_TO`] staff-shift variables.
pub(super) fn by_person_fits(scenario: &Scenario, staff: &[Person], slots: &[ShiftSlot]) -> bool {
    let shifts = staff.iter().filter(|p| has_skill(scenario, p)).map(|p| {
        let may = slots.iter().filter(|s| staff_may_take(scenario, p, s));
        may.count()
    });
    shifts.sum::<usize>() <= BY_PERSON_UP_TO
}

/// What a model is solved for.
pub(super) enum Stage {
    /// The plan: cohorts' shifts, part-timers, breaks and splits that cover the requirements
    /// (every person a cohort of their own when few share one).
    Plan,
    /// The same with every person a cohort of their own: needs no naming, so it is exact even
    /// where cohort totals cannot be split into personal weeks.
    PlanByPerson,
    /// Naming: these members of one cohort take the plan's shifts (slot -> how many).
    Name {
        members: Vec<usize>,
        counts: BTreeMap<usize, u32>,
    },
}

impl Stage {
    /// The cohorts the stage plans for, and when naming, the plan's shifts (slot -> how many).
    fn cohorts(
        self,
        scenario: &Scenario,
        staff: &[Person],
        slots: &[ShiftSlot],
        pool_of: &[usize],
    ) -> (Vec<Cohort>, Option<BTreeMap<usize, u32>>) {
        match self {
            Stage::Plan => {
                let cohorts = cohorts_of(staff, pool_of);
                let together: usize = cohorts
                    .iter()
                    .filter(|c| c.members.len() > 1)
                    .map(|c| c.members.len())
                    .sum();
                let by_person = || {
                    shape_personal_weeks(&scenario.rules) && by_person_fits(scenario, staff, slots)
                };
                if (together as f64) < COUNTED_TOGETHER_AT_LEAST * staff.len() as f64 || by_person()
                {
                    (singletons(0..staff.len(), pool_of), None)
                } else {
                    (cohorts, None)
                }
            }
            Stage::PlanByPerson => (singletons(0..staff.len(), pool_of), None),
            Stage::Name { members, counts } => (singletons(members, pool_of), Some(counts)),
        }
    }
}

/// How many of a cohort work a slot (0 or 1 when the cohort is one person).
pub(super) struct StaffShift {
    pub(super) cohort: usize,
    pub(super) slot: usize,
    pub(super) var: Variable,
}

/// In the naming stage, the plan's shifts of one slot; `dropped` are those nobody can take.
pub(super) struct Fill {
    pub(super) slot: usize,
    pub(super) count: u32,
    pub(super) dropped: Variable,
}

/// How many hired part-timers work a slot.
pub(super) struct PartTimeShift {
    pub(super) slot: usize,
    pub(super) var: Variable,
}

/// How many of a pool's people on one slot take break `number` at `offset` minutes in.
pub(super) struct BreakChoice {
    pub(super) pool: usize,
    pub(super) slot: usize,
    pub(super) number: usize,
    pub(super) offset: u32,
    pub(super) var: Variable,
}

/// Members of a cohort in a phase's `must` groups who miss it (priced slack).
pub(super) struct Duty {
    pub(super) phase: usize,
    pub(super) cohort: usize,
    pub(super) missed: Variable,
}

/// Hours a cohort works above contract in one week, paid at the overtime price.
pub(super) struct Overtime {
    pub(super) cohort: usize,
    pub(super) week: i64,
    pub(super) var: Variable,
}

pub(super) struct Model<'a> {
    pub(super) scenario: &'a Scenario,
    pub(super) staff: &'a [Person],
    /// Queue by queue, then interval by interval: read them through [`Model::cell`].
    pub(super) requirements: &'a [Requirement],
    pub(super) naming: bool,
    pub(super) slots: Vec<ShiftSlot>,
    pub(super) pools: Vec<Pool>,
    /// Pool of each person.
    pub(super) pool_of: Vec<usize>,
    pub(super) part_time_pool: usize,
    pub(super) cohorts: Vec<Cohort>,
    pub(super) vars: ProblemVariables,
    pub(super) staff_shifts: Vec<StaffShift>,
    pub(super) part_time_shifts: Vec<PartTimeShift>,
    pub(super) fills: Vec<Fill>,
    pub(super) breaks: Vec<BreakChoice>,
    /// Agents of a pool serving a queue in an interval, for the pools the model splits itself
    /// (see [`Pool::split_by_model`]).
    pub(super) split: BTreeMap<(usize, usize, usize), Variable>,
    /// Indexed like `requirements`, through [`Model::cell`]; None where hired part-timers
    /// always fill a gap for less ([`always_filled`]).
    pub(super) shortfall: Vec<Option<Variable>>,
    pub(super) duties: Vec<Duty>,
    pub(super) overtime: Vec<Overtime>,
    pub(super) spreads: Vec<Spread>,
    /// Members of a cohort working a day, by (cohort, day): only when days off come in runs.
    pub(super) work_days: BTreeMap<(usize, i64), Variable>,
    pub(super) weekends_off: Vec<WeekendOff>,
    /// Hours below people's weekly minimum, per cohort and week of the plan.
    pub(super) below_floor: Vec<BelowFloor>,
    /// Leads missing per interval (`rules.agents_per_lead`).
    pub(super) lead_short: Vec<Variable>,
    /// Part-timers to hire: the head counts of the start bands added up; none when nothing
    /// needs the count ([`counts_heads`]).
    pub(super) part_timers: Option<Variable>,
    /// Hired part-timers per start band (`part_time.start_band_hours`) holding a part-time
    /// shift; none when nothing needs the head count ([`counts_heads`]).
    pub(super) bands: BTreeMap<u32, Variable>,
    /// Set by [`Model::capped`]: the head count and the shortfall columns depend on it.
    pub(super) part_timer_cap: Option<u32>,
    pub(super) objective: Objective,
    /// A named plan the first plan starts from instead of the relaxation.
    pub(super) start: Option<Start>,
    /// When the run must end: each solve gets what is left.
    pub(super) deadline: Deadline,
    /// The first day a shift may start (the day before the horizon, unless cyclic).
    pub(super) first_day: NaiveDate,
    /// Set by [`Model::refill`] when hired part-timers were chosen again around the named
    /// staff shifts and proved the cheapest for them: hours they could serve are then short
    /// by price, not for want of time.
    pub(super) part_timers_settled: bool,
    /// Staff of a pool on a slot, counted once for the cover and lead rows (person-by-person
    /// plans only, see [`Model::add_on_shift_vars`]).
    pub(super) on_shift: BTreeMap<(usize, usize), Variable>,
}

impl<'a> Model<'a> {
    /// The model with no cap on the part-timers hired (see [`Model::capped`]).
    pub(super) fn new(
        scenario: &'a Scenario,
        staff: &'a [Person],
        requirements: &'a [Requirement],
        stage: Stage,
    ) -> Self {
        Model::capped(scenario, staff, requirements, stage, None)
    }

    /// Builds the model's variables part by part, with at most `cap` part-timers hired (a cap
    /// needs the head count, so it is given here, before the variables are chosen). They are
    /// added in the order HiGHS numbers its columns, which steers which of several equally
    /// cheap plans it returns: keep the order.
    pub(super) fn capped(
        scenario: &'a Scenario,
        staff: &'a [Person],
        requirements: &'a [Requirement],
        stage: Stage,
        cap: Option<u32>,
    ) -> Self {
        let slots = shift_slots(scenario);
        let (pools, pool_of, part_time_pool) = pools(scenario, staff);
        let (cohorts, named) = stage.cohorts(scenario, staff, &slots, &pool_of);
        let naming = named.is_some();
        let mut vars = ProblemVariables::new();
        let staff_shifts =
            staff_shift_vars(&mut vars, scenario, staff, &slots, &cohorts, named.as_ref());
        let fills = fill_vars(&mut vars, named.unwrap_or_default());
        let part_time_shifts = if naming {
            Vec::new()
        } else {
            part_time_shift_vars(&mut vars, scenario, &slots)
        };
        // Breaks and splits are planned once, for pools; naming leaves them as planned.
        let staff_planned = if naming { &[][..] } else { &staff_shifts[..] };
        let pool_slots: BTreeSet<(usize, usize)> = staff_planned
            .iter()
            .map(|s| (cohorts[s.cohort].pool, s.slot))
            .chain(part_time_shifts.iter().map(|s| (part_time_pool, s.slot)))
            .collect();
        let breaks = break_vars(&mut vars, scenario, &slots, &pool_slots);
        let split = split_vars(&mut vars, scenario, &slots, &pools, &pool_slots);
        let heads = counts_heads(scenario, cap);
        let filled = (!heads)
            .then(|| always_filled(scenario, &slots, &pools[part_time_pool], &part_time_shifts));
        let shortfall = shortfall_vars(
            &mut vars,
            scenario,
            requirements,
            &pools[part_time_pool],
            filled.as_deref(),
        );
        let part_timers = heads.then(|| vars.add(variable().integer().min(0)));
        let duties = duty_vars(&mut vars, scenario, staff, &cohorts);
        let mut model = Model {
            first_day: slots
                .iter()
                .map(|s| s.start.date())
                .min()
                .unwrap_or(scenario.horizon.start.date()),
            scenario,
            staff,
            requirements,
            naming,
            slots,
            pools,
            pool_of,
            part_time_pool,
            cohorts,
            vars,
            staff_shifts,
            part_time_shifts,
            fills,
            breaks,
            split,
            shortfall,
            duties,
            overtime: Vec::new(),
            spreads: Vec::new(),
            work_days: BTreeMap::new(),
            weekends_off: Vec::new(),
            below_floor: Vec::new(),
            lead_short: Vec::new(),
            part_timers,
            bands: BTreeMap::new(),
            part_timer_cap: cap,
            objective: Objective::Cost,
            start: None,
            deadline: Deadline::after(scenario.solver.time_limit_seconds),
            part_timers_settled: false,
            on_shift: BTreeMap::new(),
        };
        model.add_overtime_vars();
        model.add_spread_vars();
        model.add_work_day_vars();
        model.add_weekend_off_vars();
        model.add_floor_vars();
        model.add_lead_vars();
        if heads {
            model.add_band_vars();
        }
        model.add_on_shift_vars();
        model
    }

    /// Where queue `q`'s interval `i` sits in `requirements` and `shortfall` (see
    /// [`crate::time::Horizon::cell`]), while [`super::Schedule`]'s grids are `[q][i]`.
    pub(super) fn cell(&self, q: usize, i: usize) -> usize {
        self.scenario.horizon.cell(q, i)
    }

    /// Agents queue `q` needs in interval `i`.
    pub(super) fn need(&self, q: usize, i: usize) -> f64 {
        f64::from(self.requirements[self.cell(q, i)].agents_required)
    }

    pub(super) fn group_of(&self, cohort: usize) -> &str {
        &self.staff[self.cohorts[cohort].members[0]].group
    }

    pub(super) fn person_of(&self, cohort: usize) -> &Person {
        &self.staff[self.cohorts[cohort].members[0]]
    }

    /// The staff shifts of one cohort.
    pub(super) fn mine(&self, cohort: usize) -> impl Iterator<Item = &StaffShift> + '_ {
        self.staff_shifts.iter().filter(move |s| s.cohort == cohort)
    }

    /// Days since the first day shifts may start.
    pub(super) fn day_of(&self, slot: &ShiftSlot) -> i64 {
        (slot.start.date() - self.first_day).num_days()
    }

    /// The plan's week a shift counts in by its start (a day before the horizon is the first's).
    pub(super) fn week_of(&self, slot: &ShiftSlot) -> i64 {
        self.scenario.horizon.week_of(slot.start.date()) as i64
    }

    pub(super) fn is_night(&self, slot: &ShiftSlot) -> bool {
        is_night_shift(self.scenario, slot.start, slot.end)
    }

    /// Pay for one shift of the slot at `per_hour`: hours, per-shift pay and night premium.
    pub(super) fn shift_pay(&self, slot: &ShiftSlot, per_hour: f64) -> f64 {
        shift_pay(self.scenario, slot, per_hour)
    }

    /// Horizon intervals a break choice takes.
    pub(super) fn break_cover(&self, b: &BreakChoice) -> Vec<usize> {
        let slot = &self.slots[b.slot];
        let rule = &self.scenario.shifts[slot.template].breaks[b.number];
        let from = slot.start + Duration::minutes(b.offset.into());
        self.scenario
            .horizon
            .intervals(from, from + Duration::minutes(rule.minutes.into()))
    }

    /// One agent of pool `p` on queue `q`, in full agents (new part-timers count less).
    pub(super) fn weight(&self, p: usize, q: usize) -> f64 {
        self.pools[p].weight(self.scenario, q)
    }

    /// Whether pool `p` may serve queue `q` in interval `i` (its skills and the phases allow).
    pub(super) fn may_serve(&self, p: usize, q: usize, i: usize) -> bool {
        self.pools[p].may_serve(self.scenario, q, i)
    }

    /// Whether working `slot` in `pool` keeps the duty of phase `phase`.
    pub(super) fn keeps_duty(&self, phase: usize, pool: usize, slot: usize) -> bool {
        let phase = &self.scenario.phases[phase];
        let slot = &self.slots[slot];
        slot.start < phase.end
            && phase.start < slot.end
            && self.pools[pool]
                .queues
                .iter()
                .any(|q| phase.queues.contains(&self.scenario.queues[*q].name))
    }

    /// A cohort's shifts that keep a phase's duty.
    pub(super) fn duty_shifts(
        &self,
        phase: usize,
        cohort: usize,
    ) -> impl Iterator<Item = &StaffShift> + '_ {
        let pool = self.cohorts[cohort].pool;
        self.mine(cohort)
            .filter(move |s| self.keeps_duty(phase, pool, s.slot))
    }
}

/// A variable per cohort and slot its members may take; when naming (`named` holds the plan's
/// counts per slot), only the slots the plan gave the cohort.
fn staff_shift_vars(
    vars: &mut ProblemVariables,
    scenario: &Scenario,
    staff: &[Person],
    slots: &[ShiftSlot],
    cohorts: &[Cohort],
    named: Option<&BTreeMap<usize, u32>>,
) -> Vec<StaffShift> {
    let mut staff_shifts = Vec::new();
    for (cohort_index, cohort) in cohorts.iter().enumerate() {
        let person = &staff[cohort.members[0]];
        if !has_skill(scenario, person) {
            continue;
        }
        for (slot_index, slot) in slots.iter().enumerate() {
            let candidate = match named {
                Some(counts) => counts.contains_key(&slot_index),
                None => staff_may_take(scenario, person, slot),
            };
            if candidate {
                staff_shifts.push(StaffShift {
                    cohort: cohort_index,
                    slot: slot_index,
                    var: vars.add(variable().integer().min(0).max(cohort.size())),
                });
            }
        }
    }
    staff_shifts
}

/// When naming, the plan's shifts nobody takes, per slot.
fn fill_vars(vars: &mut ProblemVariables, counts: BTreeMap<usize, u32>) -> Vec<Fill> {
    counts
        .into_iter()
        .map(|(slot, count)| Fill {
            slot,
            count,
            dropped: vars.add(variable().min(0).max(count)),
        })
        .collect()
}

/// A variable per slot hired part-timers may take.
fn part_time_shift_vars(
    vars: &mut ProblemVariables,
    scenario: &Scenario,
    slots: &[ShiftSlot],
) -> Vec<PartTimeShift> {
    (0..slots.len())
        .filter(|&slot| part_timers_may_take(scenario, &slots[slot]))
        .map(|slot| PartTimeShift {
            slot,
            var: vars.add(variable().integer().min(0)),
        })
        .collect()
}

/// A variable per pool on a slot, break of its template and start offset in the break's window.
fn break_vars(
    vars: &mut ProblemVariables,
    scenario: &Scenario,
    slots: &[ShiftSlot],
    pool_slots: &BTreeSet<(usize, usize)>,
) -> Vec<BreakChoice> {
    let mut breaks = Vec::new();
    for &(pool, slot) in pool_slots {
        let template = &scenario.shifts[slots[slot].template];
        for (number, b) in template.breaks.iter().enumerate() {
            for offset in
                (b.earliest..=b.latest).step_by(scenario.horizon.interval_minutes as usize)
            {
                breaks.push(BreakChoice {
                    pool,
                    slot,
                    number,
                    offset,
                    var: vars.add(variable().integer().min(0)),
                });
            }
        }
    }
    breaks
}

/// For pools the model splits itself, a variable per queue and interval its slots cover where the
/// phases let the pool's group serve the queue.
fn split_vars(
    vars: &mut ProblemVariables,
    scenario: &Scenario,
    slots: &[ShiftSlot],
    pools: &[Pool],
    pool_slots: &BTreeSet<(usize, usize)>,
) -> BTreeMap<(usize, usize, usize), Variable> {
    let mut split = BTreeMap::new();
    for (p, pool) in pools
        .iter()
        .enumerate()
        .filter(|(_, p)| p.split_by_model(scenario))
    {
        let covered: BTreeSet<usize> = pool_slots
            .iter()
            .filter(|(owner, _)| *owner == p)
            .flat_map(|(_, slot)| slots[*slot].cover.iter().copied())
            .collect();
        for i in covered {
            for &q in &pool.queues {
                if pool.may_serve(scenario, q, i) {
                    split.insert((p, q, i), vars.add(variable().integer().min(0)));
                }
            }
        }
    }
    split
}

/// Members of each cohort in a phase's `must` groups who miss it.
fn duty_vars(
    vars: &mut ProblemVariables,
    scenario: &Scenario,
    staff: &[Person],
    cohorts: &[Cohort],
) -> Vec<Duty> {
    let mut duties = Vec::new();
    for (phase_index, phase) in scenario.phases.iter().enumerate() {
        for (cohort_index, cohort) in cohorts.iter().enumerate() {
            if phase.must.contains(&staff[cohort.members[0]].group) {
                duties.push(Duty {
                    phase: phase_index,
                    cohort: cohort_index,
                    missed: vars.add(variable().min(0).max(cohort.size())),
                });
            }
        }
    }
    duties
}

#[cfg(test)]
mod tests {
    use super::super::verify::{hourly_scenario, person, requirements, shift};
    use super::{Model, Stage};
    use crate::scenario::Person;

    #[test]
    fn few_people_alike_are_planned_person_by_person() {
        // Ten people, the first `alike` of them interchangeable (the others differ in weekly
        // hours). Two alike is 20% of the staff, under a quarter: ten cohorts of one. Three
        // alike is 30%: they form one cohort, eight cohorts in all.
        let s = hourly_scenario(&shift("day", "08:00", 8), &["presale"], 1);
        let need = requirements(&s, |_, _| 1);
        let staff = |alike: usize| -> Vec<Person> {
            (0..10)
                .map(|k| Person {
                    max_hours_per_week: if k < alike { 40.0 } else { 30.0 + k as f64 },
                    ..person(&format!("p{k}"), &["presale"])
                })
                .collect()
        };
        let two = staff(2);
        assert_eq!(Model::new(&s, &two, &need, Stage::Plan).cohorts.len(), 10);
        let three = staff(3);
        assert_eq!(Model::new(&s, &three, &need, Stage::Plan).cohorts.len(), 8);
    }

    #[test]
    fn a_rule_tying_a_persons_days_together_plans_person_by_person() {
        // Ten alike people, one day shift a day for a day: one cohort of ten. A rule that ties
        // a person's days together (days off in runs of 2, or a night limit) makes it ten
        // cohorts of one (a few candidate shifts each, far under 20,000); days off in runs of 1
        // tie nothing.
        let mut s = hourly_scenario(&shift("day", "08:00", 8), &["presale"], 1);
        let need = requirements(&s, |_, _| 1);
        let staff: Vec<Person> = (0..10)
            .map(|k| person(&format!("p{k}"), &["presale"]))
            .collect();
        let cohorts =
            |s: &crate::scenario::Scenario| Model::new(s, &staff, &need, Stage::Plan).cohorts.len();
        assert_eq!(cohorts(&s), 1);
        s.rules.days_off_together = Some(1);
        assert_eq!(cohorts(&s), 1);
        s.rules.days_off_together = Some(2);
        assert_eq!(cohorts(&s), 10);
        s.rules.days_off_together = None;
        s.rules.max_nights_in_row = Some(3);
        assert_eq!(cohorts(&s), 10);
    }
}
