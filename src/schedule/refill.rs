//! After naming: the named staff shifts kept as they are, and hired part-timers, breaks, the
//! queue split and every priced slack chosen again around them. Naming drops planned shifts no
//! member can take, and a plan the time limit cut short leaves hours short that part-timers
//! could serve; on the month bench with the rules on that was 1,739 agent-hours, all of them
//! hours part-timers could still serve.

use std::collections::BTreeMap;

use super::deadline::{relative_gap, Solved, ONE_PERCENT};
use super::model::Model;
use super::solve::Named;
use super::submodel::Rows;
use super::SolverStatus;
use crate::error::Result;

impl Model<'_> {
    /// The plan `solution` again around the staff shifts `named` (each cohort takes as many of
    /// a slot as its members were named to), in the time left; `solution` itself when nothing
    /// can be short for want of a part-timer (naming dropped nothing and the plan was solved
    /// to its gap), when no time is left or when HiGHS finds nothing in it.
    pub(super) fn refill(
        &mut self,
        rows: &Rows,
        solution: Solved,
        named: &Named,
    ) -> Result<Solved> {
        let cut_short = solution.status == SolverStatus::TimeLimit;
        if !(cut_short || named.dropped > 0)
            || solution.status == SolverStatus::Fallback
            || self.deadline.left() <= 0.0
        {
            return Ok(solution);
        }
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
        let Some(step) = self.solve_fixed(rows, &fixed, self.deadline.left())? else {
            return Ok(solution);
        };
        self.part_timers_settled = step.finished;
        let gap = relative_gap(step.cost, solution.bound);
        Ok(Solved {
            status: solution.status,
            gap: solution.gap.map(|_| gap),
            within_1pct: solution
                .within_1pct
                .or_else(|| (gap <= ONE_PERCENT).then(|| self.deadline.elapsed())),
            bound: solution.bound,
            values: self.values_of(&step.columns),
        })
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
        let refilled = plan.refill(&rows, solution, &named).unwrap();
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
}
