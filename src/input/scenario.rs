//! The scenario file, read and checked, with its file paths made relative to its folder.

use std::path::{Path, PathBuf};

use super::{read_text, SCENARIO_PATH_FIX};
use crate::error::Result;
use crate::scenario::Scenario;

/// Reads the scenario and makes its file paths relative to the scenario's folder.
pub fn read_scenario(path: &Path) -> Result<Scenario> {
    let text = read_text(path, "scenario file", SCENARIO_PATH_FIX)?;
    let mut scenario = Scenario::from_toml(&text, &path.display().to_string())?;
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
