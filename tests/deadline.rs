//! The run's deadline through the command line: `--time-limit` bounds the whole run (every
//! solve of `plan` and of `parttimers` inside one limit), a limit too short for HiGHS still
//! gives a plan (status `fallback`, with its gap), and the reasons blame the time limit.

use std::time::{Duration, Instant};

mod common;
use common::{example, shiftcast};

#[test]
fn a_tiny_time_limit_still_gives_a_plan_and_says_why_hours_are_short() {
    // The forecast alone takes longer than 0.001 s, so no solve has any time: the plan falls
    // back to hired part-timers placed greedily, the staff stay off shift, and each staff
    // duty is missed because of the time limit, not a rule.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan");
    let output = shiftcast(&[
        "plan".as_ref(),
        example().as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
        "--time-limit".as_ref(),
        "0.001".as_ref(),
        "--json".as_ref(),
        "--quiet".as_ref(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let summary: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(summary["solver_status"], "fallback");
    let gap = summary["solver_gap"].as_f64().unwrap();
    assert!(gap > 0.0 && gap <= 1.0, "gap {gap}");
    assert!(std::fs::read_to_string(out.join("roster.csv"))
        .unwrap()
        .contains(",part-time,"));
    let missed = summary["missed_phase_rules"].as_array().unwrap();
    assert_eq!(missed.len(), 60); // 12 main x 2 phases + 18 backup x 2
    for m in missed {
        let reason = m["reason"].as_str().unwrap();
        assert!(
            reason
                .starts_with("the time limit (0.001 s) ended the search before this was planned: ")
                && reason.contains(" could still take a shift overlapping ")
                && !reason.contains("cannot take"),
            "{reason}"
        );
    }
    for u in summary["unmet_demand"].as_array().unwrap() {
        let reason = u["reason"].as_str().unwrap();
        assert!(!reason.contains("rest (11 h)"), "{reason}");
    }
}

#[test]
fn the_time_limit_bounds_the_whole_parttimers_curve() {
    // 41 caps are 41 full solves, about 3 s each on the example: over two minutes without a
    // run-wide limit. With 3 s for the whole run, the curve stops when the time is used up
    // (generous slack for a loaded machine: the point is minutes against seconds).
    let started = Instant::now();
    let output = shiftcast(&[
        "parttimers".as_ref(),
        example().as_os_str(),
        "--max".as_ref(),
        "40".as_ref(),
        "--time-limit".as_ref(),
        "3".as_ref(),
        "--json".as_ref(),
        "--quiet".as_ref(),
    ]);
    let took = started.elapsed();
    assert!(output.status.success());
    assert!(took < Duration::from_secs(30), "took {took:?}");
    let answer: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(answer["time_limit_reached"], true);
    assert!(answer["curve"].as_array().unwrap().len() < 41);
}

#[test]
fn solver_log_goes_to_stderr_so_json_stays_readable() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan");
    let mps = dir.path().join("model.mps");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_shiftcast"))
        .args(["plan".as_ref(), example().as_os_str(), "--out".as_ref()])
        .arg(&out)
        .args(["--json", "--quiet"])
        .env("SHIFTCAST_SOLVER_LOG", "1")
        .env("SHIFTCAST_WRITE_MODEL", &mps)
        .output()
        .unwrap();
    assert!(output.status.success());
    // The model for other solvers is written, and the plan is solved as ever (below).
    let model = std::fs::read_to_string(&mps).unwrap();
    assert!(
        model.starts_with("NAME") && model.contains("\nROWS\n") && model.contains("\nCOLUMNS\n")
    );
    let summary: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    // Solved to the scenario's relative gap (0.01%): optimal, or within that gap and saying so.
    match summary["solver_status"].as_str() {
        Some("optimal") => assert!(summary.get("solver_gap").is_none()),
        Some("within-gap") => assert!(summary["solver_gap"].as_f64().unwrap() <= 1e-4),
        other => panic!("{other:?}"),
    }
    assert!(String::from_utf8_lossy(&output.stderr).contains("HiGHS"));
    // The seconds to a plan within 1% are printed (an optimal plan is within 1% by the time
    // its solve ends), never written: summary.json stays the same from run to run.
    let seconds = summary["solver_seconds_to_1pct"].as_f64().unwrap();
    assert!((0.0..60.0).contains(&seconds));
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
    assert!(written.get("solver_seconds_to_1pct").is_none());
    // So are the seconds into the run when the solves were over: no earlier than that plan
    // (both rounded, to 0.1 and 0.001 s).
    let solved = summary["solver_seconds"].as_f64().unwrap();
    assert!(seconds <= solved + 0.05 && solved < 60.0);
    assert!(written.get("solver_seconds").is_none());
    assert_eq!(written["solver_status"], summary["solver_status"]);
}
