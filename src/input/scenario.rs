//! The scenario file, read with any `--set` edits and checked, with its file paths made
//! relative to its folder.

use std::path::{Path, PathBuf};

use super::{read_text, SCENARIO_PATH_FIX};
use crate::error::Result;
use crate::scenario::{Scenario, Setting};

/// Reads the scenario with `settings` put into its TOML first, and makes its file paths
/// (a `--set` one too) relative to the scenario's folder.
pub fn read_scenario(path: &Path, settings: &[Setting]) -> Result<Scenario> {
    let text = read_text(path, "scenario file", SCENARIO_PATH_FIX)?;
    let mut scenario = Scenario::from_toml_with(&text, &path.display().to_string(), settings)?;
    let folder = path.parent().unwrap_or(Path::new("."));
    let resolve = |p: &PathBuf| {
        if p.is_absolute() {
            p.clone()
        } else {
            folder.join(p)
        }
    };
    scenario.history_file = scenario.history_file.as_ref().map(resolve);
    scenario.requirements_file = scenario.requirements_file.as_ref().map(resolve);
    scenario.staff_file = resolve(&scenario.staff_file);
    scenario.availability_file = scenario.availability_file.as_ref().map(resolve);
    scenario.preferences_file = scenario.preferences_file.as_ref().map(resolve);
    Ok(scenario)
}
