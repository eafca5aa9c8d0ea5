//! Reading a solved model back as a [`Schedule`]: every worker's shift, where their breaks fall,
//! which queue they serve each interval, the agents per queue and interval, and the pay.

use std::collections::BTreeMap;

use good_lp::{Solution, Variable};

use super::deadline::Solved;
use super::flow::PoolShare;
use super::hindsight::Hindsight;
use super::model::Model;
use super::solve::Named;
use super::{Activity, PlannedShift, Schedule, Segment, SolverStatus};

/// Every worker on a shift: (pool, slot, person; `None` for a hired part-timer).
type Worker = (usize, usize, Option<usize>);

/// What a worker does in each horizon interval of their shift, in time order.
type Plan = Vec<(usize, Activity)>;

/// How many a variable counts in the solution.
fn count(solution: &impl Solution, v: Variable) -> usize {
    solution.value(v).round().max(0.0) as usize
}

impl Model<'_> {
    /// The schedule of a solved model whose staff shifts `named` says who works.
    pub(super) fn read(&self, solution: &Solved, named: &Named) -> Schedule {
        let solved_seconds = self.deadline.elapsed();
        let status = if named.fell_back {
            SolverStatus::Fallback
        } else {
            solution.status
        };
        let overtime = self.overtime_hours(&named.shifts);
        // After an unfinished search, a reason names a rule only when it is checked to block.
        let hindsight = status
            .stopped_early()
            .then(|| Hindsight::new(self, &named.shifts));
        let missed_duties = self.missed_duties(&named.shifts, hindsight.as_ref());
        let costs = &self.scenario.costs;
        let mut pay = 0.0;
        let mut workers: Vec<Worker> = Vec::new();
        for &(person, slot) in &named.shifts {
            workers.push((self.pool_of[person], slot, Some(person)));
            pay += self.shift_pay(&self.slots[slot], self.staff[person].wage(costs));
        }
        for s in &self.part_time_shifts {
            for _ in 0..count(solution, s.var) {
                workers.push((self.part_time_pool, s.slot, None));
                pay += self.shift_pay(&self.slots[s.slot], costs.part_time_per_hour);
            }
        }
        pay += overtime * costs.overtime_per_hour;
        pay += self.sessions_and_idle_pay(&named.shifts);
        let activities = self.activities(solution, &workers);
        let grid = vec![vec![0u32; self.scenario.horizon.len()]; self.scenario.queues.len()];
        let zeros = vec![vec![0.0; self.scenario.horizon.len()]; self.scenario.queues.len()];
        let mut schedule = Schedule {
            status,
            gap: solution.gap,
            within_1pct_seconds: solution.within_1pct,
            solved_seconds,
            shifts: Vec::new(),
            scheduled: grid.clone(),
            cross_trained: grid.clone(),
            part_time: grid,
            effective: zeros.clone(),
            shortfall: zeros,
            shortfall_reasons: BTreeMap::new(),
            missed_duties,
            below_minimum: self.below_minimum(&named.shifts),
            leads_short: self.leads_short(|v| solution.value(v)),
            pay: (pay * 100.0).round() / 100.0,
        };
        self.count_served(&workers, &activities, &mut schedule);
        self.note_shortfall(solution, hindsight.as_ref(), &mut schedule);
        if status == SolverStatus::Fallback {
            schedule.gap = Some(self.fallback_gap(&schedule, solution));
        }
        schedule.shifts = workers
            .iter()
            .zip(activities)
            .map(|((_, slot, person), plan)| self.planned(*slot, *person, plan))
            .chain(self.session_shifts())
            .collect();
        schedule
            .shifts
            .sort_by(|a, b| (a.start, &a.queue, a.person).cmp(&(b.start, &b.queue, b.person)));
        schedule
    }

    /// Agents serving each queue per interval: all of them, the cross-trained, the part-timers,
    /// and in full agents.
    fn count_served(&self, workers: &[Worker], activities: &[Plan], schedule: &mut Schedule) {
        for ((pool_index, _, _), plan) in workers.iter().zip(activities) {
            let pool = &self.pools[*pool_index];
            for (i, activity) in plan {
                if let Activity::Queue(q) = activity {
                    let q = self.queue_index(q);
                    schedule.scheduled[q][*i] += 1;
                    schedule.cross_trained[q][*i] +=
                        u32::from(pool.queues.len() > 1 && !pool.part_time);
                    schedule.part_time[q][*i] += u32::from(pool.part_time);
                    schedule.effective[q][*i] += self.weight(*pool_index, q);
                }
            }
        }
    }

    /// Agents missing below each requirement, and why.
    fn note_shortfall(
        &self,
        solution: &impl Solution,
        hindsight: Option<&Hindsight>,
        schedule: &mut Schedule,
    ) {
        for q in 0..self.scenario.queues.len() {
            for i in 0..self.scenario.horizon.len() {
                let short = self.need(q, i) - schedule.effective[q][i];
                if short > 1e-6 {
                    schedule.shortfall[q][i] = (short * 1000.0).round() / 1000.0;
                    let reason = self.shortfall_reason(q, i, solution, hindsight);
                    schedule.shortfall_reasons.insert((q, i), reason);
                }
            }
        }
    }

    fn queue_index(&self, name: &str) -> usize {
        self.scenario
            .queues
            .iter()
            .position(|q| q.name == name)
            .unwrap_or(0)
    }

    /// What each worker does in each horizon interval of their shift: breaks where the model put
    /// them, then the pool's queue split handed out, keeping people on the queue they served the
    /// interval before where the split allows.
    fn activities(&self, solution: &impl Solution, workers: &[Worker]) -> Vec<Plan> {
        let on_break = self.breaks_taken(solution, workers);
        // Workers of each pool on duty in each interval, in worker order.
        let mut at: Vec<BTreeMap<usize, Vec<usize>>> =
            vec![BTreeMap::new(); self.scenario.horizon.len()];
        for (w, &(pool, slot, _)) in workers.iter().enumerate() {
            for &i in &self.slots[slot].cover {
                at[i].entry(pool).or_default().push(w);
            }
        }
        let mut plans: Vec<Plan> = vec![Vec::new(); workers.len()];
        let mut last_queue: Vec<Option<usize>> = vec![None; workers.len()];
        for (i, pools_here) in at.iter().enumerate() {
            let mut shares = self.shares(solution, i, pools_here, &on_break, &mut plans);
            self.split_full_agent_pools(i, &mut shares);
            self.hand_out(i, shares, &mut last_queue, &mut plans);
        }
        plans
    }

    /// Interval -> break name, per worker: each break choice goes to as many of the pool's
    /// workers on the slot as it counts, in worker order (breaks of one template never overlap).
    fn breaks_taken(
        &self,
        solution: &impl Solution,
        workers: &[Worker],
    ) -> Vec<BTreeMap<usize, String>> {
        let mut on_slot: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
        for (w, &(pool, slot, _)) in workers.iter().enumerate() {
            on_slot.entry((pool, slot)).or_default().push(w);
        }
        let mut on_break: Vec<BTreeMap<usize, String>> = vec![BTreeMap::new(); workers.len()];
        let mut next_taker: BTreeMap<(usize, usize, usize), usize> = BTreeMap::new();
        for b in &self.breaks {
            let rule = &self.scenario.shifts[self.slots[b.slot].template].breaks[b.number];
            let takers = on_slot
                .get(&(b.pool, b.slot))
                .map_or(&[][..], Vec::as_slice);
            let next = next_taker.entry((b.pool, b.slot, b.number)).or_default();
            for &w in takers.iter().skip(*next).take(count(solution, b.var)) {
                for i in self.break_cover(b) {
                    on_break[w].insert(i, rule.name.clone());
                }
            }
            *next += count(solution, b.var);
        }
        on_break
    }

    /// Each pool's free workers in interval `i` and the model's split of them over its queues;
    /// workers on a break get it in their plan.
    fn shares(
        &self,
        solution: &impl Solution,
        i: usize,
        pools_here: &BTreeMap<usize, Vec<usize>>,
        on_break: &[BTreeMap<usize, String>],
        plans: &mut [Plan],
    ) -> Vec<PoolShare> {
        let mut shares: Vec<PoolShare> = Vec::new();
        for (&p, here) in pools_here {
            let pool = &self.pools[p];
            let mut free: Vec<usize> = Vec::new();
            for &w in here {
                match on_break[w].get(&i) {
                    Some(name) => plans[w].push((i, Activity::Break(name.clone()))),
                    None => free.push(w),
                }
            }
            let wanted: Vec<(usize, usize)> = pool
                .queues
                .iter()
                .map(|&q| {
                    let n = match self.split.get(&(p, q, i)) {
                        Some(v) => count(solution, *v),
                        None if pool.queues.len() == 1 => free.len(),
                        None => 0,
                    };
                    (q, n)
                })
                .collect();
            shares.push(PoolShare {
                pool: p,
                free,
                wanted,
            });
        }
        shares
    }

    /// Gives every free worker of interval `i` a queue from their pool's share: first those
    /// who served a wanted queue the interval before keep it, then the rest take the queues
    /// still wanted.
    fn hand_out(
        &self,
        i: usize,
        shares: Vec<PoolShare>,
        last_queue: &mut [Option<usize>],
        plans: &mut [Plan],
    ) {
        // Agents above the requirement per queue: a worker may stay on last interval's
        // queue instead of the model's pick when the pick can spare them.
        let mut spare: Vec<f64> = (0..self.scenario.queues.len())
            .map(|q| -self.need(q, i))
            .collect();
        for share in &shares {
            for &(q, n) in &share.wanted {
                spare[q] += self.weight(share.pool, q) * n as f64;
            }
        }
        for PoolShare {
            pool: p,
            free,
            mut wanted,
        } in shares
        {
            let mut given: Vec<Option<usize>> = vec![None; free.len()];
            for (k, &w) in free.iter().enumerate() {
                if let Some(slot) = wanted
                    .iter_mut()
                    .find(|(q, n)| *n > 0 && last_queue[w] == Some(*q))
                {
                    slot.1 -= 1;
                    given[k] = Some(slot.0);
                }
            }
            for (k, &w) in free.iter().enumerate() {
                let q = given[k]
                    .unwrap_or_else(|| self.pick(p, i, &mut wanted, last_queue[w], &mut spare));
                last_queue[w] = Some(q);
                plans[w].push((i, Activity::Queue(self.scenario.queues[q].name.clone())));
            }
        }
    }

    /// The queue for a free worker of pool `p` whose last queue (`last`) the share does not
    /// want: the next queue still wanted (if none, the last queue or the first allowed); but the
    /// worker stays on the last queue when the pick can spare them.
    fn pick(
        &self,
        p: usize,
        i: usize,
        wanted: &mut [(usize, usize)],
        last: Option<usize>,
        spare: &mut [f64],
    ) -> usize {
        let pool = &self.pools[p];
        let pick = match wanted.iter_mut().find(|(_, n)| *n > 0) {
            Some(slot) => {
                slot.1 -= 1;
                slot.0
            }
            // Not needed anywhere: stay put, or take the first queue allowed.
            None => last
                .into_iter()
                .chain(pool.queues.iter().copied())
                .find(|&q| self.may_serve(p, q, i))
                .unwrap_or(pool.queues[0]),
        };
        let stay = last.filter(|&last| {
            last != pick && self.may_serve(p, last, i) && spare[pick] >= self.weight(p, pick) - 1e-9
        });
        match stay {
            Some(last) => {
                spare[pick] -= self.weight(p, pick);
                spare[last] += self.weight(p, last);
                last
            }
            None => pick,
        }
    }

    /// One worker's shift as the plan shows it: the queue served most, and its segments.
    fn planned(&self, slot: usize, person: Option<usize>, plan: Plan) -> PlannedShift {
        let slot = &self.slots[slot];
        let horizon = &self.scenario.horizon;
        let step = horizon.interval();
        let mut served: BTreeMap<&str, usize> = BTreeMap::new();
        for (_, a) in &plan {
            if let Activity::Queue(q) = a {
                *served.entry(q.as_str()).or_default() += 1;
            }
        }
        let pool = &self.pools[person.map_or(self.part_time_pool, |p| self.pool_of[p])];
        let queue = served
            .iter()
            .max_by_key(|(_, n)| **n)
            .map(|(q, _)| q.to_string())
            .unwrap_or_else(|| self.scenario.queues[pool.queues[0]].name.clone());
        let mut segments: Vec<Segment> = Vec::new();
        // Follow the shift's own order of intervals (a cyclic shift wraps past the end).
        for i in &slot.cover {
            let Some((_, activity)) = plan.iter().find(|(k, _)| k == i) else {
                continue;
            };
            match segments.last_mut() {
                Some(s) if s.activity == *activity && s.end == horizon.time_of(*i) => s.end += step,
                _ => segments.push(Segment {
                    start: horizon.time_of(*i),
                    end: horizon.time_of(*i) + step,
                    activity: activity.clone(),
                }),
            }
        }
        PlannedShift {
            person,
            queue,
            template: self.scenario.shifts[slot.template].name.clone(),
            start: slot.start,
            end: slot.end,
            segments,
        }
    }
}
