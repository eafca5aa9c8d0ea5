//! Builders shared by the test files: a scenario from TOML, a person, agents required on a
//! grid, inputs given in memory, and the `shiftcast` binary run with arguments.
// Each test file is its own crate and uses only some of these.
#![allow(dead_code)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use shiftcast::scenario::{Person, Scenario};
use shiftcast::staffing::Requirement;
use shiftcast::time::ClockWindow;
use shiftcast::{Demand, Inputs};

/// The bundled Double 11 example's scenario file.
pub fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/double11/scenario.toml")
}

/// A scenario from its TOML text (paths in it are never read).
pub fn scenario(text: &str) -> Scenario {
    Scenario::from_toml(text, "test.toml").unwrap()
}

include!("builders.rs");

/// Inputs built in memory: agents required given directly, as a `[requirements] file` would.
pub fn given(scenario: Scenario, staff: Vec<Person>, requirements: Vec<Requirement>) -> Inputs {
    Inputs {
        scenario,
        staff,
        demand: Demand::Given {
            requirements,
            file: "requirements.csv".into(),
        },
        warnings: Vec::new(),
    }
}

/// Runs the `shiftcast` binary; whatever it answers, it must not panic.
pub fn shiftcast<S: AsRef<OsStr>>(args: &[S]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_shiftcast"))
        .args(args)
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&output.stderr).contains("panicked"));
    output
}
