//! Hired part-timers' patterns. Each hired part-timer belongs to one start band (clock bands of
//! `part_time.start_band_hours` from 00:00) and starts every shift in it; the model counts the
//! hires per band, and each pattern rule caps a band's shifts by that count: rest as for staff,
//! `max_shifts_per_day`, `max_hours_per_week`. The roster (src/roster.rs) packs each band's
//! shifts onto that many people, and says when it can need more.
//!
//! The count is kept only when something needs it ([`counts_heads`]): a cap, a price per
//! person, or `part_time.count_people` (the default) asking for the fewest people among equally
//! cheap plans. Without it part-timers are an unlimited supply, so an hour they can always fill
//! for less than its gap costs needs no shortfall column ([`always_filled`]).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{NaiveDateTime, Timelike};
use good_lp::{constraint, variable, Constraint, Expression, ProblemVariables, Variable};

use super::cohorts::Pool;
use super::model::{Model, PartTimeShift};
use super::slots::{shift_pay, ShiftSlot};
use crate::scenario::{PartTimePool, Scenario};
use crate::staffing::Requirement;

/// Price added per hired part-timer so equal-cost plans prefer fewer people (yuan), when
/// `part_time.count_people` asks for that.
pub(super) const HEAD_TIE_BREAK: f64 = 1.0;

/// Whether the model counts hired part-timers per start band: a cap or a price per person
/// needs the count, and so does `count_people` (its tie-break prices each head). Otherwise
/// nothing could bind it: every band's count would grow with its shifts for free, so its
/// variables and the pattern rules' rows would only make the model larger.
pub(super) fn counts_heads(scenario: &Scenario, cap: Option<u32>) -> bool {
    cap.is_some() || scenario.part_time.count_people || scenario.costs.part_time_per_person > 0.0
}

/// Per horizon interval, whether hired part-timers, with no head count to limit them, always
/// fill a gap then for no more than it costs: some part-time shift without breaks covers the
/// interval for at most one agent-interval of `shortfall_per_agent_hour`, and a part-timer
/// counts as a full agent. Where their pool may also serve the queue then, a gap is never
/// cheaper than one more such shift, which covers every requirement row the missing agent
/// would (and some cheapest plan has its gaps in whole agents), so the cell needs no shortfall
/// column: the solve would only carry it along.
pub(super) fn always_filled(
    scenario: &Scenario,
    slots: &[ShiftSlot],
    pool: &Pool,
    shifts: &[PartTimeShift],
) -> Vec<bool> {
    // Shortfall priced by sales has a price per cell, often below a shift's pay.
    if !pool.full_agents(scenario) || scenario.value.as_ref().is_some_and(|v| v.price_shortfall) {
        return vec![false; scenario.horizon.len()];
    }
    let gap = scenario.horizon.interval_hours() * scenario.costs.shortfall_per_agent_hour;
    covered_without_breaks(scenario, slots, shifts, |slot| {
        shift_pay(scenario, slot, scenario.costs.part_time_per_hour) <= gap
    })
}

/// Per horizon interval, whether some part-time shift without breaks whose slot `keep`
/// accepts covers it: a part-timer on it serves the whole interval, wherever breaks fall.
pub(super) fn covered_without_breaks(
    scenario: &Scenario,
    slots: &[ShiftSlot],
    shifts: &[PartTimeShift],
    keep: impl Fn(&ShiftSlot) -> bool,
) -> Vec<bool> {
    let mut covered = vec![false; scenario.horizon.len()];
    for s in shifts {
        let slot = &slots[s.slot];
        if scenario.shifts[slot.template].breaks.is_empty() && keep(slot) {
            for &i in &slot.cover {
                covered[i] = true;
            }
        }
    }
    covered
}

/// A shortfall column per cell of `requirements`, up to its requirement, except where the
/// part-time pool `pool` may serve the queue and `filled` says part-timers always fill it.
pub(super) fn shortfall_vars(
    vars: &mut ProblemVariables,
    scenario: &Scenario,
    requirements: &[Requirement],
    pool: &Pool,
    filled: Option<&[bool]>,
) -> Vec<Option<Variable>> {
    let count = scenario.horizon.len();
    requirements
        .iter()
        .enumerate()
        .map(|(cell, r)| {
            let (q, i) = (cell / count, cell % count);
            let never_short = filled.is_some_and(|f| f[i]) && pool.may_serve(scenario, q, i);
            (!never_short).then(|| vars.add(variable().min(0).max(f64::from(r.agents_required))))
        })
        .collect()
}

/// The start band of a shift starting at `t`: bands of `start_band_hours` from 00:00 (for 2:
/// 00-02 is band 0, 02-04 band 1, ...; 24 makes one band). The model and the roster both use it.
pub(crate) fn start_band(pool: &PartTimePool, t: NaiveDateTime) -> u32 {
    let minutes = f64::from(t.hour() * 60 + t.minute());
    (minutes / (pool.start_band_hours * 60.0)).floor() as u32
}

/// One cap on a band's shifts: the weighted sum of `shifts` is at most `per_head` times the
/// band's head count (so these shifts need at least sum / `per_head` people of the band).
pub(super) struct BandLimit<'m> {
    band: u32,
    shifts: Vec<(&'m PartTimeShift, f64)>,
    per_head: f64,
}

impl Model<'_> {
    /// A head count per start band that holds a part-time shift, in band order.
    pub(super) fn add_band_vars(&mut self) {
        let bands: BTreeSet<u32> = self.part_time_shifts.iter().map(|s| self.band(s)).collect();
        for band in bands {
            let var = self.vars.add(variable().integer().min(0));
            self.bands.insert(band, var);
        }
    }

    fn band(&self, s: &PartTimeShift) -> u32 {
        start_band(&self.scenario.part_time, self.slots[s.slot].start)
    }

    /// The price of one hired part-timer in the cost: `costs.part_time_per_person`, plus the
    /// tie-break when `part_time.count_people` asks for the fewest people.
    pub(super) fn head_price(&self) -> f64 {
        let tie_break = if self.scenario.part_time.count_people {
            HEAD_TIE_BREAK
        } else {
            0.0
        };
        self.scenario.costs.part_time_per_person + tie_break
    }

    /// The band head counts added up: the part-timers hired.
    pub(super) fn band_total(&self) -> Expression {
        self.bands
            .values()
            .fold(Expression::from(0.0), |e, v| e + *v)
    }

    /// Each band's part-time shifts grouped by `key` (a start, a day, a week).
    fn grouped<K: Ord>(
        &self,
        key: impl Fn(&PartTimeShift) -> K,
    ) -> BTreeMap<(u32, K), Vec<&PartTimeShift>> {
        let mut groups: BTreeMap<(u32, K), Vec<&PartTimeShift>> = BTreeMap::new();
        for s in &self.part_time_shifts {
            groups.entry((self.band(s), key(s))).or_default().push(s);
        }
        groups
    }

    /// Rest, for a band: at each start of one of its shifts, its shifts working or resting then.
    fn start_band_limits(&self) -> Vec<BandLimit<'_>> {
        let starts = self.grouped(|s| self.slots[s.slot].start);
        starts
            .keys()
            .map(|&(band, t)| BandLimit {
                band,
                shifts: self.busy_in_band(band, t).map(|s| (s, 1.0)).collect(),
                per_head: 1.0,
            })
            .collect()
    }

    fn busy_in_band(&self, band: u32, t: NaiveDateTime) -> impl Iterator<Item = &PartTimeShift> {
        self.part_time_shifts
            .iter()
            .filter(move |s| self.band(s) == band && self.busy_at(&self.slots[s.slot], t))
    }

    /// A band's shifts starting on one day, where the rest rows do not already hold them: when
    /// all are still working or resting at the day's last start (a narrow band and long rest),
    /// that start's rest row caps them by the head count, which is at most `max_shifts_per_day`
    /// times it.
    fn shifts_per_day_limits(&self) -> Vec<BandLimit<'_>> {
        let per_head = f64::from(self.scenario.part_time.max_shifts_per_day);
        self.grouped(|s| self.day_of(&self.slots[s.slot]))
            .into_iter()
            .filter(|((band, _), day)| {
                let last = day.iter().map(|s| self.slots[s.slot].start).max();
                last.is_some_and(|t| self.busy_in_band(*band, t).count() < day.len())
            })
            .map(|((band, _), day)| BandLimit {
                band,
                shifts: day.into_iter().map(|s| (s, 1.0)).collect(),
                per_head,
            })
            .collect()
    }

    /// A band's hours in each of the plan's weeks (`Horizon::week_of`), when capped.
    fn weekly_hours_limits(&self) -> Vec<BandLimit<'_>> {
        let Some(per_head) = self.scenario.part_time.max_hours_per_week else {
            return Vec::new();
        };
        self.grouped(|s| {
            self.scenario
                .horizon
                .week_of(self.slots[s.slot].start.date())
        })
        .into_iter()
        .map(|((band, _), week)| BandLimit {
            band,
            shifts: week
                .into_iter()
                .map(|s| (s, self.slots[s.slot].hours()))
                .collect(),
            per_head,
        })
        .collect()
    }

    /// Each limit as a row: its shifts within `per_head` times the band's head count; none
    /// when the model keeps no head count ([`counts_heads`]).
    fn band_rows<'m>(&'m self, limits: impl FnOnce() -> Vec<BandLimit<'m>>) -> Vec<Constraint> {
        if self.bands.is_empty() {
            return Vec::new();
        }
        limits()
            .into_iter()
            .map(|l| {
                let load = l
                    .shifts
                    .iter()
                    .fold(Expression::from(0.0), |mut e, (s, w)| {
                        e.add_mul(*w, s.var);
                        e
                    });
                constraint!(load <= l.per_head * self.bands[&l.band])
            })
            .collect()
    }

    /// A hired part-timer works one shift at a time and rests `rules.min_rest_hours` before
    /// the next, all starting in one band of `part_time.start_band_hours`: per band, its shifts
    /// working or resting at one moment are at most its head count (exactly what that many
    /// people can work, as for a cohort).
    pub(super) fn part_time_start_band(&self) -> Vec<Constraint> {
        self.band_rows(|| self.start_band_limits())
    }

    /// A hired part-timer starts at most `part_time.max_shifts_per_day` shifts a day: per band
    /// and day, that times its head count.
    pub(super) fn part_time_shifts_per_day(&self) -> Vec<Constraint> {
        self.band_rows(|| self.shifts_per_day_limits())
    }

    /// A hired part-timer works at most `part_time.max_hours_per_week` in each week of the plan:
    /// per band and week, that times its head count.
    pub(super) fn part_time_weekly_hours(&self) -> Vec<Constraint> {
        self.band_rows(|| self.weekly_hours_limits())
    }

    /// Every pattern rule's limits, for counting heads without HiGHS ([`band_heads`]).
    pub(super) fn band_limits(&self) -> Vec<BandLimit<'_>> {
        let mut limits = self.start_band_limits();
        limits.extend(self.shifts_per_day_limits());
        limits.extend(self.weekly_hours_limits());
        limits
    }
}

/// The fewest hires per band that `limits` allow for `on_slot` part-time shifts per slot (the
/// greedy fallback's head count).
pub(super) fn band_heads(
    limits: &[BandLimit],
    on_slot: &BTreeMap<usize, usize>,
) -> BTreeMap<u32, usize> {
    let mut heads: BTreeMap<u32, usize> = BTreeMap::new();
    for l in limits {
        let load: f64 = l
            .shifts
            .iter()
            .map(|(s, w)| w * on_slot.get(&s.slot).copied().unwrap_or(0) as f64)
            .sum();
        let need = (load / l.per_head - 1e-9).ceil().max(0.0) as usize;
        let head = heads.entry(l.band).or_default();
        *head = (*head).max(need);
    }
    heads
}
