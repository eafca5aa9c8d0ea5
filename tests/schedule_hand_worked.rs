//! A 24-hour cover instance small enough to solve by hand, through the library and, as a
//! `[requirements] file`, through the command line.
//!
//! Requirement: 2 agents 00-08, 3 agents 08-12, 5 agents 12-16, 2 agents 16-24 (one queue).
//! Part-time shifts: 8 hours from 00:00, 08:00 or 16:00, or 12 hours from 12:00; 10 per hour.
//! By hand: 00-08 needs x0 >= 2; 08-12 needs x8 >= 3; 12-16 needs x8 + x12 >= 5; 16-24 needs
//! x12 + x16 >= 2. Hours = 8 x0 + 8 x8 + 12 x12 + 8 x16. With x0 = 2 and x8 = 3 + k, the rest
//! needs x12 >= 2 - k and x12 + x16 >= 2: k = 0, x12 = 2 gives 16 + 24 + 24 = 64 hours; k = 1
//! gives 68; k = 2 gives 72. So the optimum is x = (2, 3, 2, 0): 7 shifts, 64 hours, cost 640.

use std::path::Path;
use std::process::{Command, Output};

use chrono::Duration;
use shiftcast::labels::Lang;
use shiftcast::scenario::{Person, Scenario};
use shiftcast::schedule::{schedule, SolverStatus};
use shiftcast::staffing::Requirement;
use shiftcast::time::parse_time;
use shiftcast::{output, roster, Inputs, Overrides};

mod common;
use common::{given, person, requirements, scenario};

const SCENARIO: &str = r#"
[horizon]
start = "2026-11-11T00:00"
end = "2026-11-12T00:00"
interval_minutes = 60
[history]
file = "unused.csv"
[staff]
file = "unused.csv"
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

/// The hand instance's agents required: 2, 3, 5, 2 in the hours the module doc says.
fn hand_requirements(scenario: &Scenario) -> Vec<Requirement> {
    requirements(scenario, |_, hour| match hour {
        0..=7 => 2,
        8..=11 => 3,
        12..=15 => 5,
        _ => 2,
    })
}

fn presale(name: &str) -> Person {
    person(name, &["presale"])
}

fn hours_by_person(shifts: &[shiftcast::schedule::PlannedShift], person: Option<usize>) -> i64 {
    shifts
        .iter()
        .filter(|s| s.person.is_some() == person.is_some())
        .map(|s| (s.end - s.start).num_hours())
        .sum()
}

#[test]
fn part_timers_only_hits_the_hand_optimum() {
    let scenario = scenario(SCENARIO);
    let plan = schedule(&scenario, &[], &hand_requirements(&scenario)).unwrap();
    assert_eq!(plan.status, SolverStatus::Optimal);
    let starts = |hour: u32| {
        plan.shifts
            .iter()
            .filter(|s| {
                s.start == parse_time("2026-11-11T00:00").unwrap() + Duration::hours(hour.into())
            })
            .count()
    };
    assert_eq!([starts(0), starts(8), starts(12), starts(16)], [2, 3, 2, 0]);
    assert_eq!(hours_by_person(&plan.shifts, None) * 10, 640);
    assert!(plan.shortfall.iter().flatten().all(|s| *s == 0.0));
    // Every shift's busy window (shift + 11 h rest) contains 12:00, so 7 people are needed.
    let named = roster::build(&plan.shifts, &[], &scenario);
    assert_eq!(named.part_timers_hired, 7);
}

#[test]
fn cheaper_full_timers_take_one_shift_each_and_rest() {
    // Two full-timers at 5 per hour, 8 hours a day at most: each works one 8-hour shift (the
    // 12-hour one is too long, rest rules out a second), so the optimum keeps the 64 hours and
    // costs 2 x 8 x 5 + 48 x 10 = 560.
    let scenario = scenario(SCENARIO);
    let staff = [presale("Li Wei"), presale("Wang Fang")];
    let plan = schedule(&scenario, &staff, &hand_requirements(&scenario)).unwrap();
    let full_time_hours = plan.shifts.iter().filter(|s| s.person.is_some()).count() as i64 * 8;
    let part_time_hours = hours_by_person(&plan.shifts, None);
    assert_eq!(full_time_hours, 16);
    assert_eq!(full_time_hours * 5 + part_time_hours * 10, 560);
}

#[test]
fn a_phase_closed_to_part_timers_reports_the_shortfall() {
    // 00:00-08:00 only the main group may work; there is one main person, so one agent is short
    // for 8 hours, and the plan says so instead of failing.
    let text = format!(
        "{SCENARIO}\n[[phases]]\nname = \"main\"\nstart = \"2026-11-11T00:00\"\nend = \"2026-11-11T08:00\"\nmay = [\"main\"]\nmust = [\"main\"]\n"
    );
    let scenario = scenario(&text);
    let staff = [presale("Li Wei")];
    let plan = schedule(&scenario, &staff, &hand_requirements(&scenario)).unwrap();
    let short: f64 = plan.shortfall[0].iter().sum();
    assert_eq!(short, 8.0);
    assert!(plan.shortfall[0][..8].iter().all(|s| *s == 1.0));
    assert!(plan.missed_duties.is_empty());
    let li = plan.shifts.iter().find(|s| s.person == Some(0)).unwrap();
    assert_eq!(li.start, parse_time("2026-11-11T00:00").unwrap());
}

#[test]
fn part_timer_curve_on_the_hand_instance() {
    // Every busy window (shift + 11 h rest) contains 12:00, so each hired part-timer works one
    // shift: with none, all 64 agent-hours are short; one person covers at most the 12-hour
    // shift (52 short, cost 120); the hand optimum needs 7 (no shortfall, cost 640).
    let scenario = scenario(SCENARIO);
    let inputs = given(scenario.clone(), vec![], hand_requirements(&scenario));
    let answer =
        shiftcast::parttimers::part_timers(&inputs, Some(8), Some(1), &mut |_, _| {}).unwrap();
    assert_eq!(answer.needed, Some(7));
    let point = |n: usize| &answer.curve[n];
    assert_eq!((point(0).shortfall_agent_hours, point(0).cost), (64.0, 0.0));
    assert_eq!(
        (point(1).shortfall_agent_hours, point(1).cost),
        (52.0, 120.0)
    );
    assert_eq!(
        (point(7).shortfall_agent_hours, point(7).cost),
        (0.0, 640.0)
    );
    assert_eq!(
        point(8),
        &shiftcast::parttimers::CurvePoint {
            part_timers: 8,
            ..point(7).clone()
        }
    );
    for pair in answer.curve.windows(2) {
        assert!(pair[1].shortfall_agent_hours <= pair[0].shortfall_agent_hours);
    }
    let hired: usize = answer.shifts.iter().map(|s| s.count).sum();
    assert_eq!(hired, 7);
}

#[test]
fn a_phase_minimum_raises_the_floor_in_its_hours() {
    // main phase 00:00-08:00 with min_agents = 4: x0 >= 4 instead of 2, the rest as before, so
    // 32 + 24 + 24 = 80 hours, cost 800, and 9 part-timers (every busy window holds 12:00).
    let text = format!(
        "{SCENARIO}\n[[phases]]\nname = \"main\"\nstart = \"2026-11-11T00:00\"\nend = \"2026-11-11T08:00\"\nmin_agents = 4\n"
    );
    let scenario = scenario(&text);
    let inputs = given(scenario.clone(), vec![], hand_requirements(&scenario));
    let plan = shiftcast::plan(&inputs, &mut |_| {}).unwrap();
    assert_eq!(plan.requirements[0].agents_required, 4);
    assert_eq!(plan.requirements[8].agents_required, 3);
    assert_eq!(plan.report.summary.total_cost, 800.0);
    assert_eq!(plan.report.summary.part_timers_needed, Some(9));
    assert_eq!(plan.report.summary.part_timers_hired, 9);
}

#[test]
fn requirements_given_in_memory_must_cover_every_queue_and_interval() {
    // A program building `Inputs` by hand gets an error, not a panic, for a missing hour.
    let scenario = scenario(SCENARIO);
    let mut short = hand_requirements(&scenario);
    short.remove(12);
    let error = shiftcast::plan(&given(scenario, vec![], short), &mut |_| {}).unwrap_err();
    let text = error.to_string();
    assert!(
        text.starts_with(
            "requirements: 23 rows given, not one per queue and interval (1 queues x 24 intervals)"
        ),
        "{text}"
    );
}

// ---- the same instance given to the command line as a requirements file ----

/// The scenario with agents required read from `requirements.csv` instead of a history.
fn requirements_scenario() -> String {
    SCENARIO
        .replace(
            "[history]\nfile = \"unused.csv\"",
            "[requirements]\nfile = \"requirements.csv\"",
        )
        .replace("unused.csv", "staff.csv")
}

/// The hand instance's requirements as `timestamp,queue,agents`.
fn requirements_csv() -> String {
    let scenario = scenario(SCENARIO);
    let mut text = String::from("timestamp,queue,agents\n");
    for r in hand_requirements(&scenario) {
        text += &format!(
            "{},{},{}\n",
            shiftcast::time::format_time(r.time),
            r.queue,
            r.agents_required
        );
    }
    text
}

fn run(dir: &Path, requirements: &str, args: &[&str]) -> Output {
    std::fs::write(dir.join("scenario.toml"), requirements_scenario()).unwrap();
    std::fs::write(dir.join("requirements.csv"), requirements).unwrap();
    std::fs::write(
        dir.join("staff.csv"),
        "name,group,skills,available,days_off,max_hours_per_day,max_hours_per_week\n",
    )
    .unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_shiftcast"));
    let output = command.args(args).current_dir(dir).output().unwrap();
    assert!(!String::from_utf8_lossy(&output.stderr).contains("panicked"));
    output
}

#[test]
fn the_library_plans_a_requirements_file_as_the_command_line_does() {
    // `shiftcast::plan` on inputs read from the scenario file finds the `[requirements] file`
    // itself (no forecast) and renders every file `shiftcast plan` writes, byte for byte.
    let dir = tempfile::tempdir().unwrap();
    let scenario_path = dir.path().join("scenario.toml");
    let path = scenario_path.to_str().unwrap();
    let output = run(
        dir.path(),
        &requirements_csv(),
        &["plan", path, "--out", "plan", "--quiet", "--lang", "en"],
    );
    assert!(output.status.success());
    let inputs = Inputs::read(&scenario_path, &Overrides::default()).unwrap();
    let plan = shiftcast::plan(&inputs, &mut |_| {}).unwrap();
    assert!(plan.forecast.rows.is_empty());
    assert_eq!(plan.report.summary.total_cost, 640.0);
    let how = output::PlanOutputs {
        scenario: &inputs.scenario,
        history: inputs.demand.history(),
        lang: Lang::En,
        excel_csv: false,
        curve: None,
    };
    let files = output::plan_files(&plan, &how).unwrap();
    let written = std::fs::read_dir(dir.path().join("plan")).unwrap().count();
    // Every file, and the `.shiftcast` marker that says shiftcast wrote them (issue 14).
    assert_eq!(files.len() + 1, written);
    assert!(dir.path().join("plan").join(output::MARKER).is_file());
    for file in files {
        let cli = std::fs::read(dir.path().join("plan").join(&file.name)).unwrap();
        assert!(file.contents == cli, "{} differs", file.name);
    }
}

#[test]
fn given_requirements_plan_to_the_hand_optimum() {
    let dir = tempfile::tempdir().unwrap();
    let output = run(
        dir.path(),
        &requirements_csv(),
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
        &requirements_csv(),
        &["parttimers", "scenario.toml", "--json", "--quiet"],
    );
    let answer: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(answer["needed"], 7);
}

#[test]
fn a_missing_interval_or_unknown_queue_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let without_noon = requirements_csv().replace("2026-11-11T12:00,presale,5\n", "");
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

    let vip = requirements_csv().replace("2026-11-11T03:00,presale", "2026-11-11T03:00,vip");
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
        &requirements_csv(),
        &["plan", "scenario.toml", "--out", "plan", "--gap", "2"],
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains("--gap"));
}
