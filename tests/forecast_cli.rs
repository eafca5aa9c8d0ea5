//! `shiftcast forecast` and `shiftcast backtest` on real data (data/bike) (hourly bike rentals,
//! two queues, daily and weekly cycles, gaps), as a user runs them.

const BIKES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/bike/history.csv");

mod common;
use common::shiftcast;

#[test]
fn forecast_writes_one_row_per_queue_and_hour_with_its_interval() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("week.csv");
    let out_arg = out.to_str().unwrap();
    let args = [
        "forecast",
        "--history",
        BIKES,
        "--start",
        "2012-05-01T00:00",
        "--days",
        "7",
        "--out",
        out_arg,
    ];
    let output = shiftcast(&args);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = std::fs::read_to_string(&out).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("timestamp,queue,inquiries,lower,upper,method")
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert_eq!(rows.len(), 2 * 7 * 24);
    assert_eq!(rows[0][..2], ["2012-05-01T00:00", "casual"]);
    assert_eq!(rows[7 * 24 - 1][0], "2012-05-07T23:00");
    for row in &rows {
        let [point, lower, upper] = [2, 3, 4].map(|i| row[i].parse::<f64>().unwrap());
        assert!(0.0 <= lower && lower <= point && point <= upper, "{row:?}");
    }
    // The same inputs give the same bytes.
    shiftcast(&args);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), text);

    // For scripts: one JSON object naming each queue's method.
    let mut json_args = args.to_vec();
    json_args.push("--json");
    let output = shiftcast(&json_args);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["queues"][0]["queue"], "casual");
    assert_eq!(json["queues"][1]["method"], "combined");

    // Summed into 2-hour intervals: half as many rows.
    let two_hours = dir.path().join("two-hours.csv");
    let mut coarse = args.to_vec();
    coarse.splice(
        8..9,
        [two_hours.to_str().unwrap(), "--interval-minutes", "120"],
    );
    assert!(shiftcast(&coarse).status.success());
    assert_eq!(
        std::fs::read_to_string(&two_hours).unwrap().lines().count(),
        1 + 2 * 7 * 12
    );
}

/// Measured on 2026-11-29 (4 one-week folds ending 2012-05-01), WAPE:
/// casual: seasonal naive 0.562, profile 0.521, mstl 0.515, daily-shape 0.461, auto 0.480;
/// registered: seasonal naive 0.227, profile 0.184, mstl 0.208, daily-shape 0.182, auto 0.180.
/// (Before `auto` held out six weeks and weighed its candidates, auto was 0.487 and 0.186.)
#[test]
fn backtest_on_bike_data_mstl_and_auto_beat_seasonal_naive() {
    let output = shiftcast(&[
        "backtest",
        "--history",
        BIKES,
        "--horizon-days",
        "7",
        "--folds",
        "4",
        "--until",
        "2012-05-01",
        "--json",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let wape = |queue: &str, method: &str| {
        json["methods"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["queue"] == queue && m["method"] == method)
            .map(|m| {
                for key in ["mase", "coverage", "bias"] {
                    assert!(m[key].is_number(), "{key} in {m}");
                }
                m["wape"].as_f64().unwrap()
            })
            .unwrap()
    };
    for (queue, naive, mstl, auto) in [
        ("casual", 0.562, 0.515, 0.480),
        ("registered", 0.227, 0.208, 0.180),
    ] {
        assert!(
            (wape(queue, "seasonal-naive") - naive).abs() < 0.002,
            "{queue}"
        );
        assert!((wape(queue, "mstl") - mstl).abs() < 0.01, "{queue}");
        assert!((wape(queue, "auto") - auto).abs() < 0.01, "{queue}");
        assert!(
            wape(queue, "mstl") < 0.95 * wape(queue, "seasonal-naive"),
            "{queue}"
        );
        assert!(
            wape(queue, "auto") <= 0.9 * wape(queue, "seasonal-naive"),
            "{queue}"
        );
    }
    for (queue, shape) in [("casual", 0.461), ("registered", 0.182)] {
        assert!(
            (wape(queue, "daily-shape") - shape).abs() < 0.005,
            "{queue}"
        );
        // auto never does worse than the 4-week mean on these folds.
        assert!(wape(queue, "auto") <= wape(queue, "profile"), "{queue}");
    }
    let coverage: Vec<f64> = json["methods"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["method"] == "auto")
        .map(|m| m["coverage"].as_f64().unwrap())
        .collect();
    // An 80% interval should hold roughly 80% of the actual hours.
    assert!(
        coverage.iter().all(|c| (0.7..0.9).contains(c)),
        "{coverage:?}"
    );
}

#[test]
fn bad_flags_name_the_flag_and_the_fix() {
    let cases: [(&[&str], &str); 3] = [
        (
            &[
                "forecast",
                "--history",
                BIKES,
                "--start",
                "May 1",
                "--days",
                "7",
                "--out",
                "x.csv",
            ],
            "--start",
        ),
        (
            &[
                "forecast",
                "--history",
                BIKES,
                "--start",
                "2012-05-01T00:00",
                "--days",
                "7",
                "--method",
                "arima",
                "--out",
                "x.csv",
            ],
            "\"arima\" is not a forecasting method",
        ),
        (
            &["backtest", "--history", BIKES, "--level", "80"],
            "--level",
        ),
    ];
    for (args, expected) in cases {
        let output = shiftcast(args);
        assert!(!output.status.success());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(expected), "{expected:?} in {stderr}");
    }
}

#[test]
fn history_with_a_duplicated_hour_is_refused_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let history = dir.path().join("h.csv");
    std::fs::write(
        &history,
        "timestamp,queue,inquiries\n2026-01-01T00:00,presale,3\n2026-01-01T00:00,presale,4\n",
    )
    .unwrap();
    let out = dir.path().join("f.csv");
    let output = shiftcast(&[
        "forecast",
        "--history",
        history.to_str().unwrap(),
        "--start",
        "2026-01-02T00:00",
        "--days",
        "1",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("line 3") && stderr.contains("a second row"),
        "{stderr}"
    );
    assert!(!out.exists());
}

#[test]
fn backtest_leaves_out_the_weeks_of_a_scenarios_past_events() {
    const DOUBLE11: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/double11");
    let history = format!("{DOUBLE11}/history.csv");
    let scenario = format!("{DOUBLE11}/scenario.toml");
    let run = |extra: &[&str]| {
        let mut args = vec!["backtest", "--history", &history, "--folds", "2"];
        args.extend(extra);
        let output = shiftcast(&args);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    };
    // Double 11 2025 and its five after-sale days (11-11 to 11-16) fall in the two weeks before
    // 11-20, so the folds are the two weeks before 11-06: the scores of a backtest ending there.
    let text = run(&["--scenario", &scenario, "--until", "2025-11-20"]);
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("2 folds of 7 days; interval level 80%"));
    assert_eq!(
        lines.next(),
        Some("2 folds left out: they hold past event 2025-11-11; --keep-events to score them")
    );
    let scores: Vec<&str> = lines.collect();
    let before = run(&["--until", "2025-11-06"]);
    assert_eq!(scores, before.lines().skip(1).collect::<Vec<_>>(), "{text}");

    let kept = run(&[
        "--scenario",
        &scenario,
        "--until",
        "2025-11-20",
        "--keep-events",
    ]);
    assert!(!kept.contains("left out"), "{kept}");
    assert_ne!(kept.lines().skip(1).collect::<Vec<_>>(), scores);

    let zh = run(&[
        "--scenario",
        &scenario,
        "--until",
        "2025-11-20",
        "--lang",
        "zh",
    ]);
    assert_eq!(
        zh.lines().nth(1),
        Some("跳过 2 轮：含往期活动 2025-11-11；加 --keep-events 可计入评分")
    );
    let json: serde_json::Value = serde_json::from_str(&run(&[
        "--scenario",
        &scenario,
        "--until",
        "2025-11-20",
        "--json",
    ]))
    .unwrap();
    assert_eq!(
        json["left_out"],
        serde_json::json!([
            {"from": "2025-11-06", "to": "2025-11-12", "events": ["2025-11-11"]},
            {"from": "2025-11-13", "to": "2025-11-19", "events": ["2025-11-11"]},
        ])
    );
}

/// `--keep-events` names no events of its own: without the scenario that holds them it is
/// refused, not ignored.
#[test]
fn keep_events_without_a_scenario_is_refused() {
    let bike = concat!(env!("CARGO_MANIFEST_DIR"), "/data/bike/history.csv");
    let output = shiftcast(&["backtest", "--history", bike, "--keep-events"]);
    assert_eq!(output.status.code(), Some(2));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("--scenario <SCENARIO>"), "{said}");
}
