//! Planners who already have their numbers: `[requirements] file` skips forecast and staffing.
//! The instance is the hand-worked one of tests/schedule_hand_worked.rs: 2 agents 00-08, 3 08-12,
//! 5 12-16, 2 16-24, part-time shifts only, optimum 7 part-timers and 640 in wages.

use std::path::Path;
use std::process::{Command, Output};

const SCENARIO: &str = r#"
[horizon]
start = "2026-11-11T00:00"
end = "2026-11-12T00:00"
interval_minutes = 60
[requirements]
file = "requirements.csv"
[staff]
file = "staff.csv"
[costs]
full_time_per_hour = 5
part_time_per_hour = 10
shortfall_per_agent_hour = 1000
[[queues]]
name = "presale"
handle_time_seconds = 180
service_level = 0.8
answer_within_seconds = 30
[[shifts]]
name = "s0"
start = "00:00"
hours = 8
[[shifts]]
name = "s8"
start = "08:00"
hours = 8
[[shifts]]
name = "s12"
start = "12:00"
hours = 12
[[shifts]]
name = "s16"
start = "16:00"
hours = 8
"#;

fn requirements() -> String {
    let mut text = String::from("timestamp,queue,agents\n");
    for hour in 0..24 {
        let agents = match hour {
            0..=7 => 2,
            8..=11 => 3,
            12..=15 => 5,
            _ => 2,
        };
        text += &format!("2026-11-11T{hour:02}:00,presale,{agents}\n");
    }
    text
}

fn run(dir: &Path, requirements: &str, args: &[&str]) -> Output {
    std::fs::write(dir.join("scenario.toml"), SCENARIO).unwrap();
    std::fs::write(dir.join("requirements.csv"), requirements).unwrap();
    std::fs::write(
        dir.join("staff.csv"),
        "name,group,skills,available,days_off,max_hours_per_day,max_hours_per_week\n",
    )
    .unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_shiftcast"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&output.stderr).contains("panicked"));
    output
}

#[test]
fn given_requirements_plan_to_the_hand_optimum() {
    let dir = tempfile::tempdir().unwrap();
    let output = run(
        dir.path(),
        &requirements(),
        &[
            "plan",
            "scenario.toml",
            "--out",
            "plan",
            "--json",
            "--quiet",
            "--time-limit",
            "30",
            "--gap",
            "0",
        ],
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let summary: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(summary["part_timers_needed"], 7);
    assert_eq!(summary["total_cost"], 640.0);
    assert_eq!(summary["solver_status"], "optimal");
    let coverage = std::fs::read_to_string(dir.path().join("plan/coverage.csv")).unwrap();
    let required: Vec<&str> = coverage
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(2).unwrap())
        .collect();
    assert_eq!(
        required[..13],
        ["2", "2", "2", "2", "2", "2", "2", "2", "3", "3", "3", "3", "5"]
    );

    let output = run(
        dir.path(),
        &requirements(),
        &["parttimers", "scenario.toml", "--json", "--quiet"],
    );
    let answer: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(answer["needed"], 7);
}

#[test]
fn a_missing_interval_or_unknown_queue_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let without_noon = requirements().replace("2026-11-11T12:00,presale,5\n", "");
    let output = run(
        dir.path(),
        &without_noon,
        &["plan", "scenario.toml", "--out", "plan"],
    );
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("no row for 2026-11-11T12:00 presale"),
        "{stderr}"
    );
    assert!(!dir.path().join("plan").exists());

    let vip = requirements().replace("2026-11-11T03:00,presale", "2026-11-11T03:00,vip");
    let output = run(
        dir.path(),
        &vip,
        &["plan", "scenario.toml", "--out", "plan"],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("line 5, column 2 (queue)") && stderr.contains("\"vip\" is not a queue"),
        "{stderr}"
    );

    let output = run(
        dir.path(),
        &requirements(),
        &["plan", "scenario.toml", "--out", "plan", "--gap", "2"],
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains("--gap"));
}
