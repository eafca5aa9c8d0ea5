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

/// A main-group person with `skills`, always available, 8 hours a day and 40 a week.
pub fn person(name: &str, skills: &[&str]) -> Person {
    Person {
        name: name.into(),
        group: "main".into(),
        skills: skills.iter().map(|s| s.to_string()).collect(),
        available: ClockWindow::ALWAYS,
        days_off: vec![],
        max_hours_per_day: 8.0,
        max_hours_per_week: 40.0,
        max_days_in_row: None,
        contract_hours_per_week: None,
    }
}

/// `need(queue, interval)` agents in every queue and interval of the horizon, in the order the
/// schedule reads them (queue by queue, then time).
pub fn requirements(scenario: &Scenario, need: impl Fn(usize, usize) -> u32) -> Vec<Requirement> {
    let times = scenario.horizon.times();
    let mut out = Vec::new();
    for (q, queue) in scenario.queues.iter().enumerate() {
        for (i, t) in times.iter().enumerate() {
            out.push(Requirement {
                time: *t,
                queue: queue.name.clone(),
                inquiries: 0.0,
                offered_load: 0.0,
                agents_by_rule: None,
                agents_required: need(q, i),
            });
        }
    }
    out
}

/// Inputs built in memory: agents required given directly, as a `[requirements] file` would.
pub fn given(scenario: Scenario, staff: Vec<Person>, requirements: Vec<Requirement>) -> Inputs {
    Inputs {
        scenario,
        staff,
        demand: Demand::Given {
            requirements,
            file: "requirements.csv".into(),
        },
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
