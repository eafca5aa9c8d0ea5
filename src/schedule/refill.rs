//! After naming, when it dropped planned shifts no member could take or the time limit cut the
//! plan short: people left below their weekly minimum get more shifts where their own rules
//! allow, and then hired part-timers, breaks, the queue split and every priced slack are chosen
//! again around the named staff shifts. On the month bench with the rules on, naming left
//! 1,739 agent-hours short (all of them hours part-timers could still serve) and 4,500
//! salaried hours idle.

use std::collections::BTreeMap;

use good_lp::Solution;

use super::candidates::staff_may_take;
use super::deadline::{relative_gap, Solved, ONE_PERCENT};
use super::hindsight::Hindsight;
use super::model::Model;
use super::solve::Named;
use super::submodel::Rows;
use super::SolverStatus;
use crate::error::Result;

impl Model<'_> {
    /// The repairs after naming when it left work for them (shifts dropped, or a plan cut
    /// short) and time is left: the top-up, then the refill around the topped-up shifts. The
    /// top-up's shifts stand only with a refill, which gives them their breaks; without one,
    /// `solution` and `named` stand as they are.
    pub(super) fn repair(
        &mut self,
        rows: &Rows,
        solution: Solved,
        named: Named,
    ) -> Result<(Solved, Named)> {
        let needed = solution.status != SolverStatus::Fallback
            && (solution.status == SolverStatus::TimeLimit || named.dropped > 0);
        // Not past the deadline: the top-up's checks may go on beyond it (see `Hindsight`).
        if !needed || self.deadline.left() <= 0.0 {
            return Ok((solution, named));
        }
        let mut topped = named.clone();
        self.top_up_minimums(&solution, &mut topped);
        Ok(match self.refill(rows, &solution, &topped)? {
            Some(refilled) => (refilled, topped),
            None => (solution, named),
        })
    }

    /// Gives each person below their minimum in a week of the named plan more shifts of that
    /// week they can take beside their own ([`Hindsight::take`]: rest, hours, days in a row,
    /// days off), while a shift costs less than the hours below the minimum it makes up
    /// (`costs.min_hours_per_hour`, plus a salaried full-timer's idle pay): first the shift
    /// beside the most hired part-timers and hours short, whom [`Model::refill`] can then
    /// let go.
    pub(super) fn top_up_minimums(&self, solution: &Solved, named: &mut Named) {
        let below = self.weeks_below(&named.shifts);
        if below.is_empty() {
            return;
        }
        // Agents a staff shift could stand in for, per interval: part-timers and hours short.
        let mut others = vec![0.0; self.scenario.horizon.len()];
        for s in &self.part_time_shifts {
            for &i in &self.slots[s.slot].cover {
                others[i] += solution.value(s.var);
            }
        }
        for (i, n) in others.iter_mut().enumerate() {
            for q in 0..self.scenario.queues.len() {
                *n += self.shortfall[self.cell(q, i)].map_or(0.0, |v| solution.value(v));
            }
        }
        let costs = &self.scenario.costs;
        let horizon = &self.scenario.horizon;
        let hindsight = Hindsight::new(self, &named.shifts);
        let mut given = Vec::new();
        'people: for (p, week, short) in below {
            let person = &self.staff[p];
            let wage = person.wage(costs);
            let per_hour_below =
                costs.min_hours_per_hour + person.paid_hours_per_week(costs).map_or(0.0, |_| wage);
            let contract = (person.contract_hours_per_week).map(|h| h * horizon.week_share(week));
            let floor = self.floor_in_week(person, week);
            let mut worked = floor - short;
            let mut candidates: Vec<usize> = (0..self.slots.len())
                .filter(|&s| {
                    horizon.week_of(self.slots[s].start.date()) == week
                        && staff_may_take(self.scenario, person, &self.slots[s])
                })
                .collect();
            let stand_in = |slot: usize, others: &[f64]| -> f64 {
                (self.slots[slot].cover.iter())
                    .map(|&i| others[i].min(1.0))
                    .sum()
            };
            while worked < floor - 1e-6 {
                candidates.sort_by(|a, c| stand_in(*c, &others).total_cmp(&stand_in(*a, &others)));
                let short = floor - worked;
                let worth = |slot: usize| {
                    let hours = self.slots[slot].hours();
                    let overtime = contract.map_or(0.0, |c| {
                        (worked + hours - c).max(0.0) - (worked - c).max(0.0)
                    });
                    self.shift_pay(&self.slots[slot], wage) + overtime * costs.overtime_per_hour
                        < hours.min(short) * per_hour_below
                };
                let mut took = None;
                for (k, &slot) in candidates.iter().enumerate() {
                    if !worth(slot) {
                        continue;
                    }
                    match hindsight.take(p, slot) {
                        Some(true) => {
                            took = Some(k);
                            break;
                        }
                        Some(false) => {}
                        None => break 'people,
                    }
                }
                let Some(k) = took else { break };
                let slot = candidates.remove(k);
                for &i in &self.slots[slot].cover {
                    others[i] = (others[i] - 1.0).max(0.0);
                }
                worked += self.slots[slot].hours();
                given.push((p, slot));
            }
        }
        named.shifts.extend(given);
    }

    /// The plan `solution` again around the staff shifts `named` (each cohort takes as many of
    /// a slot as its members were named to), in the time left; None when HiGHS finds nothing
    /// in it, or what it finds in the time is no cheaper.
    fn refill(&mut self, rows: &Rows, solution: &Solved, named: &Named) -> Result<Option<Solved>> {
        let mut cohort_of = vec![0; self.staff.len()];
        for (c, cohort) in self.cohorts.iter().enumerate() {
            for &p in &cohort.members {
                cohort_of[p] = c;
            }
        }
        let mut taken: BTreeMap<(usize, usize), f64> = BTreeMap::new();
        for &(person, slot) in &named.shifts {
            *taken.entry((cohort_of[person], slot)).or_default() += 1.0;
        }
        let fixed = self.fix_staff(|s| taken.get(&(s.cohort, s.slot)).copied().unwrap_or(0.0));
        let Some(step) = self.solve_fixed(rows.iter(), &fixed, self.deadline.left())? else {
            return Ok(None);
        };
        // Cut short itself, it is kept only when it beats the plan's own cost (which, when
        // naming dropped shifts, counts them as served: then the plan stands as named).
        if !step.finished && step.cost >= self.objective().eval_with(solution) - 1e-6 {
            return Ok(None);
        }
        self.part_timers_settled = step.finished;
        let gap = relative_gap(step.cost, solution.bound);
        Ok(Some(Solved {
            status: solution.status,
            gap: solution.gap.map(|_| gap),
            within_1pct: solution
                .within_1pct
                .or_else(|| (gap <= ONE_PERCENT).then(|| self.deadline.elapsed())),
            bound: solution.bound,
            values: self.values_of(&step.columns),
        }))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::super::deadline::Solved;
    use super::super::model::{Model, Stage};
    use super::super::solve::Named;
    use super::super::verify::{hourly_scenario, person, requirements, shift};
    use super::super::SolverStatus;
    use crate::scenario::Person;

    #[test]
    fn hired_part_timers_fill_a_shift_naming_dropped() {
        // Three agents wanted 08:00-16:00. A plan (made up here) gives ana and cy's cohort three
        // 08:00 shifts; naming gives them two and drops the third. Around those two, the
        // cheapest plan hires a part-timer at 08:00 and one at 12:00 (2 x 4 h x 10 = 80) rather
        // than leave 8 agent-hours short (8,000).
        let part_time = "[[shifts]]\nname = \"pt\"\nstart = \"08:00\"\nhours = 4\nkinds = [\"part-time\"]\n\
                         [[shifts]]\nname = \"pt\"\nstart = \"12:00\"\nhours = 4\nkinds = [\"part-time\"]\n";
        let s = hourly_scenario(&(shift("day", "08:00", 8) + part_time), &["presale"], 1);
        let staff = [person("ana", &["presale"]), person("cy", &["presale"])];
        let need = requirements(&s, |_, i| 3 * u32::from((8..16).contains(&i)));
        let mut plan = Model::new(&s, &staff, &need, Stage::Plan);
        let day = plan.slot("day", "2026-11-11T08:00");
        let planned = plan.mine(0).find(|s| s.slot == day).unwrap().var;
        let solution = Solved {
            status: SolverStatus::Optimal,
            values: HashMap::from([(planned, 3.0)]),
            gap: None,
            bound: 0.0,
            within_1pct: None,
        };
        let named = Named {
            shifts: vec![(0, day), (1, day)],
            dropped: 1,
            fell_back: false,
        };
        let rows = plan.all_rows();
        let refilled = plan.refill(&rows, &solution, &named).unwrap().unwrap();
        let part_timers: Vec<(usize, f64)> = (plan.part_time_shifts.iter())
            .map(|p| (p.slot, refilled.values[&p.var]))
            .filter(|(_, n)| *n > 0.5)
            .collect();
        let (at_8, at_12) = (
            plan.slot("pt", "2026-11-11T08:00"),
            plan.slot("pt", "2026-11-11T12:00"),
        );
        assert_eq!(part_timers, [(at_8, 1.0), (at_12, 1.0)]);
        assert_eq!(refilled.values[&planned], 2.0);
        assert!(plan
            .shortfall
            .iter()
            .flatten()
            .all(|v| refilled.values[v] < 1e-6));
        assert!(plan.part_timers_settled);
    }

    #[test]
    fn people_below_their_minimum_take_the_shift_beside_a_part_timer() {
        // Three days, salaried 35-hour contracts: 15 hours each (35 x 3/7). Naming gave ana one
        // 8-hour shift (7 short) and bo two. Of the shifts ana may take beside hers, the 14:00 on
        // the 13th is where the plan has a part-timer, so she takes that one (pay 40 against
        // 7 h x (100 + 5) below her minimum); bo is not below his. At 0.5 an hour below the
        // minimum, a shift costs more than the 7 h it makes up (40 > 7 x 5.5): nothing given.
        let templates = shift("day", "08:00", 8)
            + &shift("late", "14:00", 8)
            + "[[shifts]]\nname = \"pt\"\nstart = \"14:00\"\nhours = 8\nkinds = [\"part-time\"]\n";
        let mut s = hourly_scenario(&templates, &["presale"], 3);
        s.costs.full_time_salaried = true;
        let contract = |name| Person {
            contract_hours_per_week: Some(35.0),
            ..person(name, &["presale"])
        };
        let staff = [contract("ana"), contract("bo")];
        let need = requirements(&s, |_, _| 0);
        let plan = Model::new(&s, &staff, &need, Stage::Plan);
        let (day_11, day_12) = (
            plan.slot("day", "2026-11-11T08:00"),
            plan.slot("day", "2026-11-12T08:00"),
        );
        let late_13 = plan.slot("late", "2026-11-13T14:00");
        let pt_13 = plan
            .part_time_shifts
            .iter()
            .find(|p| p.slot == plan.slot("pt", "2026-11-13T14:00"));
        let solution = Solved {
            status: SolverStatus::TimeLimit,
            values: HashMap::from([(pt_13.unwrap().var, 1.0)]),
            gap: Some(1.0),
            bound: 0.0,
            within_1pct: None,
        };
        let named = || Named {
            shifts: vec![(0, day_11), (1, day_11), (1, day_12)],
            dropped: 0,
            fell_back: false,
        };
        let mut topped = named();
        plan.top_up_minimums(&solution, &mut topped);
        assert_eq!(topped.shifts[3..], [(0, late_13)]);
        s.costs.min_hours_per_hour = 0.5;
        let plan = Model::new(&s, &staff, &need, Stage::Plan);
        let mut topped = named();
        plan.top_up_minimums(&solution, &mut topped);
        assert_eq!(topped.shifts.len(), 3);
    }
}
