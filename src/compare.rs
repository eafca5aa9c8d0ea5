//! Ideas compared side by side (`shiftcast compare`): the scenario as the base, and variants of
//! it, each a few `--set` edits on top of the base's, planned one after another with the same
//! pipeline as `plan`, each within the scenario's time limit.

use std::path::Path;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::labels::Lang;
use crate::plan::{plan, Inputs, Overrides, Plan};
use crate::scenario::Setting;

/// The base scenario's name among the compared ones.
pub const BASE: &str = "base";

/// One idea to compare with the base: a name and the edits it makes on top of the base's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// Its column's heading, e.g. `target+20%`.
    pub name: String,
    /// `--set KEY=VALUE` edits, put into the scenario after the base's.
    pub settings: Vec<Setting>,
}

/// The numbers of one scenario's plan, a column of the comparison (`compare --json`'s rows).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioRow {
    /// `base`, or the variant's name.
    pub name: String,
    /// The fewest part-timers that leave no hour short.
    pub part_timers_needed: Option<u32>,
    /// The part-timers the cheapest plan hires.
    pub part_timers_hired: usize,
    /// Wages plus each part-timer's hiring price, in yuan (as `summary.json`).
    pub total_cost: f64,
    /// Agents required in the busiest queue and interval (0: no requirements).
    pub peak_agents: u32,
    /// Hours of every shift on the roster, breaks included.
    pub total_agent_hours: f64,
    /// Share of all chats answered within target over the horizon, volume-weighted.
    pub service_level: f64,
    /// Sales that unanswered or abandoned chats may cost, in yuan (None: not priced).
    pub sales_at_risk: Option<f64>,
    /// How the optimiser finished (`optimal`, `within-gap`, `time-limit`, `fallback`): a
    /// difference between plans the time limit cut short may be the search, not the idea.
    pub solver_status: &'static str,
}

/// What `compare` answers: the base, then each variant in the order given.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// One row per scenario planned.
    pub scenarios: Vec<ScenarioRow>,
    /// The inputs' and forecasts' warnings, each once (printed, not in the JSON).
    #[serde(skip)]
    pub warnings: Vec<String>,
    /// The base scenario's `[report] language`, when it sets one.
    #[serde(skip)]
    pub language: Option<Lang>,
}

/// Reads every scenario first (so a mistake in the last variant's `--set` shows at once), then
/// plans each in turn; `step(name, stage)` names the scenario and stage under way. `base` holds
/// the base's `--set` edits and solver flags, which the variants share.
pub fn compare(
    scenario: &Path,
    base: &Overrides,
    variants: &[Variant],
    step: &mut dyn FnMut(&str, &'static str),
) -> Result<Comparison> {
    check_names(variants)?;
    let mut all = vec![(None, Inputs::read(scenario, base)?)];
    for variant in variants {
        let overrides = Overrides {
            settings: [base.settings.as_slice(), &variant.settings].concat(),
            ..base.clone()
        };
        let inputs =
            Inputs::read(scenario, &overrides).map_err(|e| in_variant(Some(variant), e))?;
        all.push((Some(variant), inputs));
    }
    let mut comparison = Comparison {
        scenarios: Vec::new(),
        warnings: Vec::new(),
        language: all[0].1.scenario.language,
    };
    for (variant, inputs) in &all {
        let name = variant.map_or(BASE, |v| v.name.as_str());
        let planned =
            plan(inputs, &mut |stage| step(name, stage)).map_err(|e| in_variant(*variant, e))?;
        comparison.scenarios.push(scenario_row(name, &planned));
        for warning in inputs.warnings.iter().chain(&planned.forecast.warnings) {
            if !comparison.warnings.contains(warning) {
                comparison.warnings.push(warning.clone());
            }
        }
    }
    Ok(comparison)
}

/// The one place a row is read from a plan.
pub fn scenario_row(name: &str, plan: &Plan) -> ScenarioRow {
    let summary = &plan.report.summary;
    ScenarioRow {
        name: name.to_string(),
        part_timers_needed: summary.part_timers_needed,
        part_timers_hired: summary.part_timers_hired,
        total_cost: summary.total_cost,
        peak_agents: summary.peak.as_ref().map_or(0, |p| p.agents_required),
        total_agent_hours: summary.total_agent_hours,
        service_level: summary.service_level,
        sales_at_risk: summary.sales_at_risk,
        solver_status: summary.solver_status,
    }
}

/// Each variant has a name of its own, not the base's, so the columns can be told apart.
fn check_names(variants: &[Variant]) -> Result<()> {
    for (i, variant) in variants.iter().enumerate() {
        let name = variant.name.trim();
        let taken = name == BASE || variants[..i].iter().any(|v| v.name.trim() == name);
        if name.is_empty() || taken {
            return Err(Error::input(
                format!("--variant \"{}\"", variant.name),
                if name.is_empty() {
                    "a variant has no name".to_string()
                } else {
                    format!("\"{name}\" names the base or another variant")
                },
                format!("give each --variant its own name, other than \"{BASE}\", e.g. --variant faster"),
            ));
        }
    }
    Ok(())
}

/// An input error while reading or planning a variant, naming the variant first (the base's
/// errors are as `plan` gives them).
fn in_variant(variant: Option<&Variant>, error: Error) -> Error {
    match (variant, error) {
        (
            Some(variant),
            Error::Input {
                place,
                problem,
                fix,
            },
        ) => Error::input(format!("--variant {}: {place}", variant.name), problem, fix),
        (_, other) => other,
    }
}
