//! What a solve minimises: the plan's cost (pay, hiring and every priced rule), or when
//! counting the fewest part-timers, the agent-hours short and then the hires.

use good_lp::Expression;

use super::model::Model;
use super::part_time::covered_without_breaks;

/// Weight of one agent-hour short against one hired part-timer when counting the fewest
/// part-timers: more than the most that can be hired (10,000 agents per interval at most), so
/// no hour is left short to save a hire.
const SHORT_BEFORE_HIRES: f64 = 100_000.0;

/// What a solve minimises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Objective {
    /// The plan's cost: pay, hiring and every priced rule.
    Cost,
    /// The fewest hired part-timers with which no hour is short (when some hour must stay
    /// short whatever the hires, first the least shortfall).
    FewestPartTimers,
}

impl Model<'_> {
    /// What the solve minimises: [`Model::cost`], or the agent-hours short and then the hires.
    pub(super) fn objective(&self) -> Expression {
        match self.objective {
            Objective::Cost => self.cost(),
            Objective::FewestPartTimers => {
                let hours = self.scenario.horizon.interval_hours();
                // The fewest are counted with heads (see `fewest_part_timers`).
                let mut e = self
                    .part_timers
                    .map_or(Expression::from(0.0), Expression::from);
                for v in self
                    .shortfall
                    .iter()
                    .flatten()
                    .chain(self.fills.iter().map(|f| &f.dropped))
                {
                    e.add_mul(SHORT_BEFORE_HIRES * hours, *v);
                }
                e
            }
        }
    }

    /// Covers every hour in full, a hard rule (no shortfall columns), when counting from a plan
    /// that hires could bring to no hour short ([`Model::hires_could_cover`]). The hires alone
    /// are then the objective, a whole number, so HiGHS rounds its bound up to the next whole
    /// part-timer: on the week bench the count is proved (111) and the run takes 3.8 s, where
    /// with the shortfall still priced the 5 s for counting ended at 114 unproved (bound 110.4).
    pub(super) fn cover_every_hour(&mut self) {
        self.shortfall.fill(None);
    }

    /// Whether hired part-timers, as many as it takes, could staff every interval `shortfall`
    /// (agents short per queue and interval) has short: their pool may serve the queue then and
    /// a part-time shift without breaks covers it. Then a plan with no hour short exists, the
    /// plan with those hours added. On the month bench (344 agent-hours short by price) the
    /// count so found 729 in its 5 s, where with the shortfall priced it found 731.
    pub(super) fn hires_could_cover(&self, shortfall: &[Vec<f64>]) -> bool {
        let pool = &self.pools[self.part_time_pool];
        let covered =
            covered_without_breaks(self.scenario, &self.slots, &self.part_time_shifts, |_| true);
        shortfall.iter().enumerate().all(|(q, row)| {
            (row.iter().enumerate())
                .filter(|(_, &short)| short > 0.0)
                .all(|(i, _)| pool.may_serve(self.scenario, q, i) && covered[i])
        })
    }

    /// The objective's value for `hired` part-timers and `short` agent-hours short (when
    /// counting the fewest part-timers); None when the objective is the cost.
    pub(super) fn fewest_value(&self, hired: f64, short: f64) -> Option<f64> {
        (self.objective == Objective::FewestPartTimers)
            .then_some(hired + SHORT_BEFORE_HIRES * short)
    }

    /// The price of one agent-hour short in requirement cell `cell`: `costs.shortfall_per_agent_hour`,
    /// or with `[value] price_shortfall` on a selling queue, the margin of the chats one
    /// required agent answers there (the interval's chats / agents required x conversion x
    /// order value x margin, per hour).
    pub(super) fn shortfall_price(&self, cell: usize) -> f64 {
        let r = &self.requirements[cell];
        match &self.scenario.value {
            Some(value)
                if value.price_shortfall
                    && r.agents_required > 0
                    && value.queues.contains(&r.queue) =>
            {
                r.inquiries / f64::from(r.agents_required) * value.per_chat()
                    / self.scenario.horizon.interval_hours()
            }
            _ => self.scenario.costs.shortfall_per_agent_hour,
        }
    }

    /// Pay for every planned shift and overtime hour, the price of each agent-hour short and each
    /// missed duty, hiring, and the spreads within groups.
    pub(super) fn cost(&self) -> Expression {
        let costs = &self.scenario.costs;
        let interval_hours = self.scenario.horizon.interval_hours();
        let mut cost = Expression::from(0.0);
        for s in &self.staff_shifts {
            let pay = self.shift_pay(&self.slots[s.slot], self.person_of(s.cohort).wage(costs));
            cost.add_mul(pay + self.preference_cost(s), s.var);
        }
        for s in &self.part_time_shifts {
            cost.add_mul(
                self.shift_pay(&self.slots[s.slot], costs.part_time_per_hour),
                s.var,
            );
        }
        for o in &self.overtime {
            cost.add_mul(costs.overtime_per_hour, o.var);
        }
        for (cell, v) in self.shortfall.iter().enumerate() {
            if let Some(v) = v {
                cost.add_mul(interval_hours * self.shortfall_price(cell), *v);
            }
        }
        for d in &self.duties {
            cost.add_mul(costs.phase_rule_penalty, d.missed);
        }
        for f in &self.fills {
            let hours = self.slots[f.slot].hours();
            cost.add_mul(hours * costs.shortfall_per_agent_hour, f.dropped);
        }
        for b in &self.below_floor {
            // A salaried full-timer's idle contract hours are paid as well.
            let person = self.person_of(b.cohort);
            let idle_pay = person
                .paid_hours_per_week(costs)
                .map_or(0.0, |_| person.wage(costs));
            cost.add_mul(costs.min_hours_per_hour + idle_pay, b.var);
        }
        for v in &self.lead_short {
            cost.add_mul(interval_hours * costs.lead_short_per_hour, *v);
        }
        for spread in &self.spreads {
            let price = self.spread_price(spread.measure);
            cost.add_mul(price, spread.most);
            cost.add_mul(-price, spread.fewest);
        }
        if let Some(hired) = self.part_timers {
            cost.add_mul(self.head_price(), hired);
        }
        cost
    }
}

#[cfg(test)]
mod tests {
    use super::super::model::{Model, Stage};
    use super::super::verify::{hourly_scenario, requirements};
    use super::Objective;
    use good_lp::{IntoAffineExpression, Variable};

    #[test]
    fn a_count_with_every_hour_covered_minimises_the_hires_alone() {
        // One day, 2 agents needed 00:00-08:00 and 1 agent 08:00-16:00; part-timers may work
        // 8 hours from 00:00 or 08:00, and 11 hours' rest keeps the 00:00 pair from coming
        // back at 08:00: 3 part-timers. With every hour covered the objective is the head
        // count alone, and the plan hires 3 with nothing short.
        let shifts = "[[shifts]]\nname = \"pt\"\nstart = \"00:00\"\nhours = 8\nkinds = [\"part-time\"]\n[[shifts]]\nname = \"pt8\"\nstart = \"08:00\"\nhours = 8\nkinds = [\"part-time\"]\n";
        let s = hourly_scenario(shifts, &["presale"], 1);
        let need = requirements(&s, |_, i| match i {
            0..=7 => 2,
            8..=15 => 1,
            _ => 0,
        });
        let mut model = Model::new(&s, &[], &need, Stage::Plan);
        model.objective = Objective::FewestPartTimers;
        assert_eq!(model.objective().linear_coefficients().count(), 25);
        model.cover_every_hour();
        let heads: Vec<(Variable, f64)> = model.objective().linear_coefficients().collect();
        assert_eq!(heads, [(model.part_timers.unwrap(), 1.0)]);
        let plan = model.solve().unwrap();
        assert_eq!(plan.shifts.len(), 3);
        assert!(plan.shortfall.iter().flatten().all(|&short| short == 0.0));
    }

    #[test]
    fn hires_could_cover_an_hour_only_a_part_time_shift_without_breaks_reaches() {
        // Part-time shifts from 00:00 and 08:00, 8 hours each, none from 16:00; the 08:00 one
        // has a meal. Short at 03:00: the 00:00 shift covers it. Short at 10:00: only the
        // 08:00 shift does, and its meal could fall there. Short at 20:00: no shift covers it.
        let shifts = "[[shifts]]\nname = \"pt\"\nstart = \"00:00\"\nhours = 8\nkinds = [\"part-time\"]\n[[shifts]]\nname = \"pt8\"\nstart = \"08:00\"\nhours = 8\nkinds = [\"part-time\"]\nbreaks = [{ name = \"meal\", minutes = 60, earliest_after_hours = 1, latest_after_hours = 4 }]\n";
        let s = hourly_scenario(shifts, &["presale"], 1);
        let need = requirements(&s, |_, _| 1);
        let model = Model::new(&s, &[], &need, Stage::Plan);
        let short_at = |hour: usize| {
            let mut row = vec![0.0; 24];
            row[hour] = 1.0;
            vec![row]
        };
        assert!(model.hires_could_cover(&[vec![0.0; 24]]));
        assert!(model.hires_could_cover(&short_at(3)));
        assert!(!model.hires_could_cover(&short_at(10)));
        assert!(!model.hires_could_cover(&short_at(20)));
    }
}
