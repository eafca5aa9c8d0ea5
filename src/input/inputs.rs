//! Everything a plan is made from, read from a scenario file and the files it names.

use std::path::Path;

use super::{
    checks, read_availability, read_history, read_preferences, read_requirements, read_scenario,
    read_staff,
};
use crate::error::{Error, Result};
use crate::plan::{Demand, Inputs, Overrides};

impl Inputs {
    /// Reads the scenario (with `overrides`' `--set` edits, and its flags in place of its
    /// `[solver]` settings), its staff
    /// file checked against it with the availability and preferences files it names, and its
    /// requirements file when it has one, else its history;
    /// what may be a mistake becomes one of the inputs' `warnings`.
    pub fn read(scenario_path: &Path, overrides: &Overrides) -> Result<Inputs> {
        let mut scenario = read_scenario(scenario_path, &overrides.settings)?;
        overrides.apply(&mut scenario)?;
        let queues: Vec<&str> = scenario.queues.iter().map(|q| q.name.as_str()).collect();
        let mut staff = read_staff(&scenario.staff_file, &queues)?;
        if let Some(file) = &scenario.availability_file {
            read_availability(file, &mut staff)?;
        }
        if let Some(file) = &scenario.preferences_file {
            read_preferences(file, &mut staff)?;
        }
        scenario.check_staff(&staff, &scenario_path.display().to_string())?;
        let mut warnings = checks::events(&scenario);
        warnings.extend(checks::staff(&scenario, &staff, &scenario.staff_file));
        let demand = match (&scenario.requirements_file, &scenario.history_file) {
            (Some(file), _) => Demand::Given {
                requirements: read_requirements(file, &scenario)?,
                file: file.clone(),
            },
            (None, Some(file)) => {
                let history = read_history(file)?;
                warnings.extend(checks::history(&scenario, &history, file)?);
                Demand::History(history)
            }
            // `Scenario::from_toml` refuses this already; kept as an error, not a panic.
            (None, None) => {
                return Err(Error::input(
                    format!("{}: history", scenario_path.display()),
                    "the scenario names neither a history file nor a requirements file",
                    "add [history] file = \"history.csv\" or [requirements] file = \"requirements.csv\"",
                ))
            }
        };
        Ok(Inputs {
            scenario,
            staff,
            demand,
            warnings,
        })
    }
}
