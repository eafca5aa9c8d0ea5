//! `shiftcast intraday` on the example: a rush 30% over the forecast up to 02:00 on the event
//! day is met by moves whose simulated service level for the rest of the day is back at target
//! on every queue, keeping every rule of the plan; a day on forecast needs no moves. The
//! command's `--json` keeps its contract, and `--out` is a folder `simulate` reads.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDateTime};
use shiftcast::intraday::{intraday, Actual, Intraday, MoveKind, WrittenPlan};
use shiftcast::report::{planned_intervals, CoverageRow};
use shiftcast::simulate::{check_plan, PlannedInterval};
use shiftcast::staffing::Requirement;
use shiftcast::time::parse_time;
use shiftcast::{Inputs, Overrides, Plan};

mod common;

fn at(text: &str) -> NaiveDateTime {
    parse_time(text).unwrap()
}

fn example_plan() -> (Inputs, Plan) {
    let inputs = Inputs::read(&common::example(), &Overrides::default()).unwrap();
    let plan = shiftcast::plan(&inputs, &mut |_| {}).unwrap();
    (inputs, plan)
}

fn written(plan: &Plan) -> WrittenPlan {
    WrittenPlan {
        requirements: plan.requirements.clone(),
        roster: plan.roster.rows.clone(),
        standby: plan.standby.rows.clone(),
    }
}

/// Actuals at `factor` x the forecast for every interval before `now`.
fn actuals(plan: &Plan, now: NaiveDateTime, factor: f64) -> Vec<Actual> {
    plan.requirements
        .iter()
        .filter(|r| r.time < now)
        .map(|r| Actual {
            time: r.time,
            queue: r.queue.clone(),
            inquiries: r.inquiries * factor,
            answered_within_target: None,
            agents_logged_in: None,
            orders: None,
            service_orders: None,
        })
        .collect()
}

const NOW: &str = "2026-11-11T02:00";
const DAY_ENDS: &str = "2026-11-12T00:00";

/// Simulated service level per queue over the rest of the event day, with the chats now
/// expected and the agents of `coverage`.
fn simulated_rest_of_day(
    inputs: &Inputs,
    coverage: &[CoverageRow],
    requirements: &[Requirement],
) -> BTreeMap<String, f64> {
    let intervals: Vec<PlannedInterval> = planned_intervals(coverage, requirements)
        .into_iter()
        .filter(|p| p.time >= at(NOW) && p.time < at(DAY_ENDS))
        .collect();
    check_plan(&inputs.scenario, &intervals, 20, 1)
        .queues
        .into_iter()
        .map(|q| (q.queue, q.simulated.service_level.mean))
        .collect()
}

fn run(plan: &Plan, inputs: &Inputs, factor: f64) -> Intraday {
    let now = at(NOW);
    intraday(
        &inputs.scenario,
        &inputs.staff,
        &written(plan),
        &actuals(plan, now, factor),
        now,
    )
    .unwrap()
}

#[test]
fn a_rush_30_percent_over_forecast_is_met_by_moves_that_keep_the_rules() {
    let (inputs, plan) = example_plan();
    let day = run(&plan, &inputs, 1.3);
    let scenario = &inputs.scenario;
    // The surprise is 1.3 but for the 20 chats of credibility: (1.3 F + 20) / (F + 20).
    let seen: f64 = plan
        .requirements
        .iter()
        .filter(|r| r.queue == "presale" && r.time >= at("2026-11-10T23:00") && r.time < at(NOW))
        .map(|r| r.inquiries)
        .sum();
    let ratio = (1.3 * seen + 20.0) / (seen + 20.0);
    assert!((day.surprise[0].ratio - ratio).abs() < 1e-9 && ratio > 1.29);
    // Twelve hours on, half the surprise is left.
    let noon = day
        .reforecast
        .iter()
        .find(|r| r.queue == "presale" && r.timestamp == at("2026-11-11T14:00"))
        .unwrap();
    assert!((noon.reforecast - noon.forecast * (1.0 + (ratio - 1.0) / 2.0)).abs() < 1e-6);

    // Back at target on every queue for the rest of the day, simulated; not without the moves.
    let before = simulated_rest_of_day(&inputs, &plan.report.coverage, &day.requirements);
    let after = simulated_rest_of_day(&inputs, &day.coverage, &day.requirements);
    for queue in &scenario.queues {
        assert!(after[&queue.name] >= queue.service_level, "{after:?}");
    }
    assert!(before["presale"] < 0.8, "{before:?}");
    assert!(day.service_level_after > day.service_level_before);
    assert_eq!(day.shortfall_agent_hours_after, 0.0);

    // Nobody is moved into the past; nobody called comes before the notice is up.
    let notice = at(NOW) + Duration::minutes(60);
    assert!(!day.moves.is_empty());
    for m in &day.moves {
        assert!(m.start >= at(NOW), "{m:?}");
        if matches!(m.kind, MoveKind::CallIn | MoveKind::AddPartTimer) {
            assert!(m.start >= notice, "{m:?}");
        }
    }
    // Shifts over before now are as planned (one ending now may be extended); every rule of the
    // plan still holds.
    for row in plan.roster.rows.iter().filter(|r| r.end < at(NOW)) {
        assert!(day.roster.contains(row), "{row:?}");
    }
    let clashes = shiftcast::roster::rest_violations(&day.roster, scenario.min_rest_hours, None);
    assert!(clashes.is_empty(), "{clashes:?}");
    let longest = Duration::minutes(scenario.part_time.max_shift_minutes.into());
    for row in day.roster.iter().filter(|r| r.hired) {
        assert!(row.end - row.start <= longest, "{row:?}");
    }
    for row in &day.roster {
        let Some(template) = scenario.shifts.iter().find(|s| s.name == row.template) else {
            continue;
        };
        for segment in &row.segments {
            if let shiftcast::schedule::Activity::Break(name) = &segment.activity {
                let b = template.breaks.iter().find(|b| &b.name == name).unwrap();
                let after = (segment.start - row.start).num_minutes();
                // A break cut by the horizon's start is seen from its end.
                let whole = segment.end - segment.start == Duration::minutes(b.minutes.into());
                assert!(
                    !whole || (i64::from(b.earliest)..=i64::from(b.latest)).contains(&after),
                    "{row:?}"
                );
            }
        }
    }
}

#[test]
fn a_day_on_forecast_needs_no_moves() {
    let (inputs, plan) = example_plan();
    let day = run(&plan, &inputs, 1.0);
    assert_eq!(day.moves, vec![]);
    assert_eq!(day.service_level_before, day.service_level_after);
    assert_eq!(day.coverage, plan.report.coverage);
}

/// A plan folder of the example and actuals 30% over its forecast up to [`NOW`], as a shop
/// would export them (whole chats).
struct Folder {
    dir: tempfile::TempDir,
}

impl Folder {
    fn new() -> Folder {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("plan");
        let planned = common::shiftcast(&[
            "plan".as_ref(),
            common::example().as_os_str(),
            "--out".as_ref(),
            plan.as_os_str(),
            "--quiet".as_ref(),
        ]);
        assert!(planned.status.success());
        let forecast = std::fs::read_to_string(plan.join("forecast.csv")).unwrap();
        let mut actuals = String::from("timestamp,queue,inquiries\n");
        for line in forecast.lines().skip(1) {
            let f: Vec<&str> = line.split(',').collect();
            if f[0] < NOW {
                let chats: f64 = f[2].parse().unwrap();
                actuals += &format!("{},{},{:.0}\n", f[0], f[1], chats * 1.3);
            }
        }
        std::fs::write(dir.path().join("actuals.csv"), actuals).unwrap();
        Folder { dir }
    }

    fn path(&self, name: &str) -> std::path::PathBuf {
        self.dir.path().join(name)
    }

    /// `shiftcast intraday` on the example with this folder's plan and actuals, then `more`.
    fn intraday(&self, more: &[&str]) -> std::process::Output {
        let (example, plan, actuals) = (
            common::example(),
            self.path("plan"),
            self.path("actuals.csv"),
        );
        let mut args: Vec<&std::ffi::OsStr> = vec![
            "intraday".as_ref(),
            example.as_os_str(),
            "--plan".as_ref(),
            plan.as_os_str(),
            "--actuals".as_ref(),
            actuals.as_os_str(),
        ];
        args.extend(more.iter().map(|m| std::ffi::OsStr::new(*m)));
        common::shiftcast(&args)
    }
}

/// The command's `--json` has the keys its contract names, and `--out` is a plan folder that
/// `shiftcast simulate` reads.
#[test]
fn the_command_prints_its_json_and_writes_a_folder_simulate_reads() {
    let folder = Folder::new();
    let out = folder.path("day");
    let run = folder.intraday(&["--now", NOW, "--out", out.to_str().unwrap(), "--json"]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(json["now"], NOW);
    let first = &json["reforecast"][0];
    for key in ["timestamp", "queue", "forecast", "reforecast"] {
        assert!(!first[key].is_null(), "{first}");
    }
    assert_eq!(first["timestamp"], NOW);
    let moves = json["moves"].as_array().unwrap();
    assert!(!moves.is_empty());
    for m in moves {
        for key in ["kind", "name", "queue", "start", "end"] {
            assert!(m[key].is_string(), "{m}");
        }
    }
    let (before, after) = (
        json["service_level_before"].as_f64().unwrap(),
        json["service_level_after"].as_f64().unwrap(),
    );
    assert!(before < after && after > 0.9, "{before} {after}");
    let moves_csv = std::fs::read_to_string(out.join("moves.csv")).unwrap();
    assert_eq!(moves_csv.lines().count(), moves.len() + 1);
    let simulated = common::shiftcast(&[
        "simulate".as_ref(),
        common::example().as_os_str(),
        "--plan".as_ref(),
        out.as_os_str(),
        "--json".as_ref(),
    ]);
    assert!(
        simulated.status.success(),
        "{}",
        String::from_utf8_lossy(&simulated.stderr)
    );
}

/// In Chinese every word is Chinese but the names people gave (staff, PT-nn and SB-nn, the
/// meal break); each bad flag gets an error naming it, and nothing is written.
#[test]
fn the_command_speaks_chinese_and_names_a_bad_flag() {
    let folder = Folder::new();
    let zh = folder.intraday(&["--now", NOW, "--lang", "zh"]);
    assert!(zh.status.success());
    let zh = String::from_utf8(zh.stdout).unwrap();
    assert!(zh.contains("现在 2026-11-11 02:00"), "{zh}");
    let staff = std::fs::read_to_string(common::example().with_file_name("staff.csv")).unwrap();
    let mut names: Vec<&str> = staff
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    names.extend(["PT", "SB", "meal"]);
    let english = common::english_words(&zh, &names);
    assert!(english.is_empty(), "{english:?} in:\n{zh}");

    let out = folder.path("never");
    for (now, expected) in [
        (
            "2026-11-11 02:00",
            "--now: \"2026-11-11 02:00\" is not a date and time",
        ),
        (
            "2026-12-01T00:00",
            "--now: 2026-12-01T00:00 is outside the plan's horizon",
        ),
        (
            "2026-11-10T12:00",
            "--actuals: the row for 2026-11-10T12:00 presale is not before --now",
        ),
    ] {
        let run = folder.intraday(&["--now", now, "--out", out.to_str().unwrap()]);
        assert!(!run.status.success());
        let stderr = String::from_utf8(run.stderr).unwrap();
        assert!(stderr.contains(expected), "{stderr}");
        assert!(!out.exists());
    }
}
