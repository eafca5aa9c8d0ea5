//! The model with some variables fixed, their values put in before HiGHS sees it. HiGHS's own
//! presolve would remove them too, but on a month of 300 people with the week's rules on (2.6
//! million nonzeros) that alone takes 1.5 s, every time; with the values put in, a window of
//! two days is a model of a few thousand rows that HiGHS solves in a fraction of a second.

use std::collections::HashMap;

use good_lp::{
    constraint, highs, Constraint, Expression, IntoAffineExpression, ProblemVariables, SolverModel,
    Variable,
};
use highs::{HighsModelStatus, HighsSolutionStatus};

use super::model::Model;
use super::rules::Rule;
use crate::error::{Error, Result};

/// Every rule's rows, built once for many solves with different variables fixed.
pub(super) struct Rows(Vec<Constraint>);

/// A solve's answer: every column's value in the model's order, and the model's cost.
pub(super) struct Step {
    pub(super) columns: Vec<f64>,
    pub(super) cost: f64,
    /// Whether HiGHS proved the answer within the gap asked for.
    pub(super) finished: bool,
}

impl Model<'_> {
    /// Every rule's rows in [`Rule::ALL`] order.
    pub(super) fn all_rows(&self) -> Rows {
        Rows(Rule::ALL.iter().flat_map(|r| self.rows(*r)).collect())
    }
}

impl Rows {
    pub(super) fn iter(&self) -> impl Iterator<Item = &Constraint> {
        self.0.iter()
    }

    /// Every row, with `rule`'s own swapped for `instead`.
    pub(super) fn swapping<'a>(
        &'a self,
        rule: Rule,
        instead: &'a [Constraint],
    ) -> impl Iterator<Item = &'a Constraint> {
        (self.iter())
            .filter(move |row| row.name() != Some(rule.name()))
            .chain(instead)
    }

    /// Nonzeros in all the rows: what a solve's time grows with.
    pub(super) fn nonzeros(&self) -> usize {
        (self.0.iter())
            .map(|row| row.expression().linear_coefficients().count())
            .sum()
    }
}

impl Model<'_> {
    /// The model of `rows` with the variables in `fixed` at those values (rows left without a
    /// free variable dropped), solved within `seconds`; None without a feasible answer in time.
    pub(super) fn solve_fixed<'r>(
        &self,
        rows: impl Iterator<Item = &'r Constraint>,
        fixed: &HashMap<Variable, f64>,
        seconds: f64,
    ) -> Result<Option<Step>> {
        if seconds <= 0.0 {
            return Ok(None);
        }
        let mut vars = ProblemVariables::new();
        let free: HashMap<Variable, Variable> = self
            .vars
            .iter_variables_with_def()
            .filter(|(v, _)| !fixed.contains_key(v))
            .map(|(v, def)| (v, vars.add(def.clone())))
            .collect();
        // Fixed variables become part of the constant; None when no free variable is left.
        let put_in = |e: &Expression| -> Option<Expression> {
            let mut out = Expression::from(e.constant());
            let mut any = false;
            for (v, c) in e.linear_coefficients() {
                match free.get(&v) {
                    Some(&new) => {
                        out.add_mul(c, new);
                        any = true;
                    }
                    None => out += c * fixed[&v],
                }
            }
            any.then_some(out)
        };
        let objective = self.objective();
        let mut problem = vars
            .minimise(put_in(&objective).unwrap_or_default())
            .using(highs);
        for row in rows {
            let Some(e) = put_in(row.expression()) else {
                continue;
            };
            problem.add_constraint(if row.is_equality() {
                constraint!(e == 0)
            } else {
                constraint!(e <= 0)
            });
        }
        let mut model = problem
            .try_into_inner()
            .map_err(|e| Error::Solver(e.to_string()))?;
        self.set_options(&mut model, seconds);
        let solved = model
            .try_solve()
            .map_err(|e| Error::Solver(format!("HiGHS could not solve the model: {e:?}")))?;
        if solved.primal_solution_status() != HighsSolutionStatus::Feasible {
            return Ok(None);
        }
        let answer = solved.get_solution();
        let mut solved_columns = answer.columns().iter();
        let columns: Vec<f64> = self
            .vars
            .iter_variables_with_def()
            .map(|(v, _)| match fixed.get(&v) {
                Some(&value) => value,
                None => solved_columns.next().copied().unwrap_or(0.0),
            })
            .collect();
        let cost = objective.eval_with(&self.values_of(&columns));
        let finished = solved.status() == HighsModelStatus::Optimal;
        Ok(Some(Step {
            columns,
            cost,
            finished,
        }))
    }
}
