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

/// A day of hourly pre-sale planning (2026-11-10) from a week of history, one 8-hour day shift
/// (a table to append to): the small scenario folder the bad-input tests break one piece at a
/// time, with [`SMALL_STAFF`] and [`small_history`].
pub const SMALL_SCENARIO: &str = r#"
[horizon]
start = "2026-11-10T00:00"
end = "2026-11-11T00:00"
interval_minutes = 60
[history]
file = "history.csv"
[staff]
file = "staff.csv"
[costs]
full_time_per_hour = 35
part_time_per_hour = 45
shortfall_per_agent_hour = 500
[[queues]]
name = "presale"
handle_time_seconds = 180
service_level = 0.8
answer_within_seconds = 30
[[shifts]]
name = "day"
start = "08:00"
hours = 8
"#;

/// One main-group agent for [`SMALL_SCENARIO`].
pub const SMALL_STAFF: &str =
    "name,group,skills,available,days_off,max_hours_per_day,max_hours_per_week\n\
Li Wei,main,presale,00:00-24:00,,8,40\n";

/// A fresh folder holding scenario.toml, history.csv and staff.csv with these texts.
pub fn folder(scenario: &str, history: &str, staff: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        ("scenario.toml", scenario),
        ("history.csv", history),
        ("staff.csv", staff),
    ] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

/// A week of hourly history of `queue` before [`SMALL_SCENARIO`]'s day: 10 + hour chats.
pub fn small_history(queue: &str) -> String {
    let mut text = String::from("timestamp,queue,inquiries\n");
    for day in 3..=9 {
        for hour in 0..24 {
            text += &format!("2026-11-{day:02}T{hour:02}:00,{queue},{}\n", 10 + hour);
        }
    }
    text
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

/// The words of Latin letters left in `text` once `names` (people, queues, keys people type)
/// are taken out: what a Chinese text should not hold.
pub fn english_words(text: &str, names: &[&str]) -> Vec<String> {
    let mut rest = text.to_string();
    let mut names = names.to_vec();
    // Longest first, so "Peng Fei" goes before a shorter name inside it.
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    for name in names {
        rest = rest.replace(name, "");
    }
    rest.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() > 1)
        .map(str::to_string)
        .collect()
}
