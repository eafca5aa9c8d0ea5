//! The fallback's greedy cover: when HiGHS has no plan by the deadline, hired part-timers are
//! put one at a time on the part-time shift that covers the most agent-hours still short, each
//! break where the fewest are short, while the part-timer cap allows. Every hard rule holds:
//! breaks are taken inside their windows and the head count stays within the cap. Staff stay
//! off shift in a fallback plan. When naming a cohort's members, each planned shift goes, in
//! time order, to the member with the fewest hours so far who can take it keeping their own
//! week's rules: HiGHS starts from that naming, and keeps it when it finds nothing better.

use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant};

use good_lp::Variable;

use super::model::{Model, PartTimeShift, StaffShift};
use super::part_time::{band_heads, BandLimit};
use super::rules::{RowIndex, PERSONAL_RULES};

/// How long past the deadline the greedy steps of a run may go on, together; each stops with
/// what it has by then.
const GREEDY_BUDGET: Duration = Duration::from_secs(2);

/// The greedy cover's own time when the grace period is already over.
const OWN_TIME: Duration = Duration::from_secs(1);

impl Model<'_> {
    /// Adds part-time shifts and their breaks to `values` (the fallback's assignment, nobody on
    /// a shift) until no short hour gains from one more, the cap is reached or the budget ends.
    /// Left out when naming, and for a part-time pool the model itself splits over its queues.
    pub(super) fn cover_greedily(&self, values: &mut HashMap<Variable, f64>) {
        let p = self.part_time_pool;
        if self.naming || self.pools[p].split_by_model(self.scenario) {
            return;
        }
        // At least a second of its own, even when the stages before ran past the grace period
        // (it runs once per plan, and hires nobody without it).
        let until = self
            .deadline
            .grace_until(GREEDY_BUDGET)
            .max(Instant::now() + OWN_TIME);
        let pool = &self.pools[p];
        // Agents short per interval over the queues part-timers may serve then, and what one
        // part-timer counts for (a pool of several queues counts full agents).
        let mut short: Vec<f64> = (0..self.scenario.horizon.len())
            .map(|i| {
                pool.queues
                    .iter()
                    .filter(|&&q| self.may_serve(p, q, i))
                    .map(|&q| self.need(q, i))
                    .sum()
            })
            .collect();
        let weight = self.weight(p, pool.queues[0]);
        let limits = self.band_limits();
        let mut hired: Vec<&PartTimeShift> = Vec::new();
        let mut excluded = vec![false; self.part_time_shifts.len()];
        while Instant::now() < until {
            let gain = |s: &PartTimeShift| -> f64 {
                self.slots[s.slot]
                    .cover
                    .iter()
                    .map(|&i| short[i].clamp(0.0, weight))
                    .sum()
            };
            let best = (0..self.part_time_shifts.len())
                .filter(|&k| !excluded[k])
                .map(|k| (k, gain(&self.part_time_shifts[k])))
                .filter(|(_, g)| *g > 1e-9)
                .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
            let Some((k, _)) = best else { break };
            let shift = &self.part_time_shifts[k];
            if !self.within_cap(&limits, &hired, shift) {
                excluded[k] = true;
                continue;
            }
            let on_break = self.place_breaks(shift, &short, values);
            let mut helped = false;
            for &i in &self.slots[shift.slot].cover {
                if !on_break.contains(&i) {
                    helped |= short[i] > 1e-9;
                    short[i] -= weight;
                }
            }
            *values.entry(shift.var).or_default() += 1.0;
            hired.push(shift);
            // A shift whose short hours all fall in its breaks is not tried again.
            excluded[k] |= !helped;
        }
        let heads = part_timer_heads(&limits, &hired, None);
        for (band, n) in &heads {
            if let Some(var) = self.bands.get(band) {
                values.insert(*var, *n as f64);
            }
        }
        if let Some(hired) = self.part_timers {
            values.insert(hired, heads.values().sum::<usize>() as f64);
        }
    }

    /// When naming: gives each planned shift, in time order, to the member with the fewest
    /// hours so far who can take it beside the shifts already given, keeping the
    /// [`PERSONAL_RULES`] (rest, hours, days and nights in a row, days off together, weekends
    /// off); a shift nobody can take (or left when the budget ends) stays dropped.
    pub(super) fn name_greedily(&self, values: &mut HashMap<Variable, f64>) {
        if !self.naming {
            return;
        }
        let until = self.deadline.grace_until(GREEDY_BUDGET);
        let personal = RowIndex::new(self, &PERSONAL_RULES);
        // In slot order (a template's every day first) or to the first member who can, the
        // first members' weeks fill up and later days find only the rest free.
        let mut fills: Vec<_> = self.fills.iter().collect();
        fills.sort_by_key(|f| (self.slots[f.slot].start, f.slot));
        let mut hours: Vec<f64> = vec![0.0; self.cohorts.len()];
        for f in fills {
            let mut takers: Vec<&StaffShift> = (self.staff_shifts.iter())
                .filter(|s| s.slot == f.slot)
                .collect();
            for _ in 0..f.count {
                if Instant::now() > until {
                    return;
                }
                takers.sort_by(|a, b| hours[a.cohort].total_cmp(&hours[b.cohort]));
                let taker = (takers.iter()).find(|s| self.try_taking(s, &personal, values, true));
                if let Some(s) = taker {
                    hours[s.cohort] += self.slots[f.slot].hours();
                    *values.entry(f.dropped).or_default() -= 1.0;
                }
            }
        }
    }

    /// Whether staff shift `s`'s member could take it beside what `values` gives them, keeping
    /// the rows of `rules` that hold it or its work day or weekend; kept in `values` when
    /// `keep` and it could. Rows only ever look back in time order (a day off before a shift,
    /// weekends already worked), so shifts given in any order keep every row.
    pub(super) fn try_taking(
        &self,
        s: &StaffShift,
        rules: &RowIndex,
        values: &mut HashMap<Variable, f64>,
        keep: bool,
    ) -> bool {
        if values.get(&s.var).copied().unwrap_or(0.0) >= 0.5 {
            return false;
        }
        let changes = self.taking(s);
        let before: Vec<(Variable, f64)> = (changes.iter())
            .map(|(v, _)| (*v, values.get(v).copied().unwrap_or(0.0)))
            .collect();
        values.extend(changes.iter().copied());
        let ok = changes.iter().all(|(v, _)| rules.hold_for(*v, values));
        if !(ok && keep) {
            values.extend(before);
        }
        ok
    }

    /// Every weekend-off variable at its cohort's size: nobody works a weekend yet.
    pub(super) fn everyone_off_weekends(&self, values: &mut HashMap<Variable, f64>) {
        for o in &self.weekends_off {
            values.insert(o.var, self.cohorts[o.cohort].size());
        }
    }

    /// The variables a member taking staff shift `s` sets: the shift, their work day when days
    /// off come in runs, and no weekend off for the weekend it falls in.
    pub(super) fn taking(&self, s: &StaffShift) -> Vec<(Variable, f64)> {
        let day = self.day_of(&self.slots[s.slot]);
        let work_day = self.work_days.get(&(s.cohort, day)).map(|w| (*w, 1.0));
        let weekends = (self.weekends_off.iter())
            .filter(|o| o.cohort == s.cohort && (day == o.saturday || day == o.saturday + 1))
            .map(|o| (o.var, 0.0));
        [(s.var, 1.0)]
            .into_iter()
            .chain(work_day)
            .chain(weekends)
            .collect()
    }

    /// Whether hiring for one more shift keeps the head count within the cap.
    fn within_cap(
        &self,
        limits: &[BandLimit],
        hired: &[&PartTimeShift],
        extra: &PartTimeShift,
    ) -> bool {
        self.part_timer_cap.is_none_or(|cap| {
            part_timer_heads(limits, hired, Some(extra))
                .values()
                .sum::<usize>()
                <= cap as usize
        })
    }

    /// Puts each break of the shift at the start where the fewest agents are short, and
    /// returns the intervals the breaks take.
    fn place_breaks(
        &self,
        shift: &PartTimeShift,
        short: &[f64],
        values: &mut HashMap<Variable, f64>,
    ) -> Vec<usize> {
        let mut taken = Vec::new();
        let breaks: Vec<_> = self
            .breaks
            .iter()
            .filter(|b| b.pool == self.part_time_pool && b.slot == shift.slot)
            .collect();
        let numbers = breaks.iter().map(|b| b.number).max().map_or(0, |n| n + 1);
        for number in 0..numbers {
            let missed = |b: &&&super::model::BreakChoice| -> f64 {
                self.break_cover(b).iter().map(|&i| short[i].max(0.0)).sum()
            };
            let best = breaks
                .iter()
                .filter(|b| b.number == number)
                .min_by(|a, b| missed(a).total_cmp(&missed(b)));
            if let Some(b) = best {
                *values.entry(b.var).or_default() += 1.0;
                taken.extend(self.break_cover(b));
            }
        }
        taken
    }
}

/// The fewest part-timers per start band who can work the hired shifts (and `extra`).
fn part_timer_heads(
    limits: &[BandLimit],
    hired: &[&PartTimeShift],
    extra: Option<&PartTimeShift>,
) -> BTreeMap<u32, usize> {
    // Counted per slot, so many shifts on the same few slots stay cheap to count.
    let mut on_slot: BTreeMap<usize, usize> = BTreeMap::new();
    for s in hired.iter().copied().chain(extra) {
        *on_slot.entry(s.slot).or_default() += 1;
    }
    band_heads(limits, &on_slot)
}
