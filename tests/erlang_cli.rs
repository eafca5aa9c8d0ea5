//! `shiftcast erlang` and `shiftcast simulate` as a user runs them.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

mod common;
use common::shiftcast;

fn json(args: &[&str]) -> serde_json::Value {
    let output = shiftcast(args);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

const CLASSIC: [&str; 11] = [
    "erlang",
    "--arrivals",
    "100",
    "--interval-minutes",
    "30",
    "--aht",
    "180",
    "--target-sl",
    "0.8",
    "--within",
    "20",
];

/// The classic example with `extra` flags, as JSON.
fn classic(extra: &[&str]) -> serde_json::Value {
    let mut args = CLASSIC.to_vec();
    args.extend(extra);
    args.push("--json");
    json(&args)
}

fn close(value: &serde_json::Value, expected: f64, tolerance: f64) -> bool {
    (value.as_f64().unwrap() - expected).abs() < tolerance
}

#[test]
fn the_classic_example_in_json() {
    let v = classic(&["--shrinkage", "0.3"]);
    assert_eq!(v["model"], "erlang_c");
    assert!(close(&v["offered_load"], 10.0, 1e-12));
    assert_eq!(v["agents"], 14);
    assert!(close(&v["wait_probability"], 0.1741, 5e-5));
    assert!(close(&v["service_level"], 0.8883, 1e-4));
    assert!(close(&v["asa_seconds"], 7.8, 0.05));
    assert!(close(&v["occupancy"], 10.0 / 14.0, 1e-12));
    assert_eq!(v["agents_after_shrinkage"], 20);
    assert!(v.get("abandonment_probability").is_none());
}

#[test]
fn evaluating_a_given_number_of_agents() {
    let v = classic(&["--agents", "13"]);
    assert_eq!(v["agents"], 13);
    assert!(v["service_level"].as_f64().unwrap() < 0.8);
    // Too few agents for the load: the wait has no limit and JSON says null.
    let v = json(&[
        "erlang",
        "--arrivals",
        "100",
        "--interval-minutes",
        "30",
        "--aht",
        "180",
        "--agents",
        "9",
        "--json",
    ]);
    assert_eq!(v["wait_probability"], 1.0);
    assert!(v["asa_seconds"].is_null());
}

#[test]
fn patience_selects_erlang_a_and_concurrency_shares_slots() {
    let v = classic(&["--patience", "60"]);
    assert_eq!(v["model"], "erlang_a");
    assert!(v["abandonment_probability"].as_f64().unwrap() > 0.0);
    assert!(v["agents"].as_u64().unwrap() <= 14);

    let v = classic(&["--concurrency", "2"]);
    assert_eq!(
        (v["agents"].as_u64(), v["chat_slots"].as_u64()),
        (Some(7), Some(14))
    );
}

#[test]
fn readable_answer_without_json() {
    let text = |lang: &str| {
        let out = shiftcast(&[&CLASSIC[..], &["--lang", lang]].concat());
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let (en, zh) = (text("en"), text("zh"));
    assert!(en.contains("14 agents at the keyboard"), "{en}");
    assert!(en.contains("88.8% of chats answered within 20 s"), "{en}");
    assert!(zh.starts_with("在线客服 14 名（Erlang C"), "{zh}");
    assert!(zh.contains("88.8% 的咨询在 20 秒内得到回复"), "{zh}");
}

fn fails_with(args: &[&str], expected: &[&str]) {
    let out = shiftcast(args);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    for part in expected {
        assert!(stderr.contains(part), "expected {part:?} in {stderr}");
    }
}

#[test]
fn bad_input_is_refused_with_the_flag_named() {
    let with = |flag: &str, value: &str| {
        let mut args: Vec<String> = CLASSIC.iter().map(|s| s.to_string()).collect();
        match args.iter().position(|a| a == flag) {
            Some(i) => args[i + 1] = value.to_string(),
            None => args.extend([flag.to_string(), value.to_string()]),
        }
        args
    };
    let run = |args: Vec<String>, expected: &[&str]| {
        fails_with(
            &args.iter().map(String::as_str).collect::<Vec<_>>(),
            expected,
        )
    };
    run(with("--aht", "0"), &["--aht", "not a positive number"]);
    run(with("--aht", "-180"), &["--aht"]);
    run(
        with("--target-sl", "1.2"),
        &["--target-sl", "strictly between 0 and 1"],
    );
    run(with("--target-sl", "0"), &["--target-sl"]);
    run(with("--shrinkage", "1"), &["--shrinkage", "not a share"]);
    run(with("--max-wait-prob", "0"), &["infinitely many agents"]);
    run(with("--max-abandon", "0.05"), &["needs the patience"]);
    fails_with(
        &[
            "erlang",
            "--arrivals",
            "100",
            "--interval-minutes",
            "30",
            "--aht",
            "180",
        ],
        &["no target"],
    );
}

#[test]
fn simulate_a_written_plan() {
    let dir = tempfile::tempdir().unwrap();
    let scenario = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/double11/scenario.toml");
    let scenario = scenario.to_str().unwrap();
    let plan = dir.path().join("plan");
    let plan = plan.to_str().unwrap();
    assert!(shiftcast(&["plan", scenario, "--out", plan])
        .status
        .success());
    let args = [
        "simulate", scenario, "--plan", plan, "--runs", "5", "--seed", "9", "--json",
    ];
    let (a, b) = (shiftcast(&args), shiftcast(&args));
    assert!(a.status.success());
    assert_eq!(a.stdout, b.stdout, "same seed, same numbers");
    assert!(a.stdout.len() > 65_536, "more than a pipe holds");
    // `| head -c 1`: the reader takes one byte and closes the pipe; the rest of the answer has
    // nowhere to go, and the command ends quietly with exit 0 (it used to panic, exit 101).
    let mut child = Command::new(env!("CARGO_BIN_EXE_shiftcast"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 1];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    let closed = child.wait_with_output().unwrap();
    assert_eq!(first, *b"{");
    assert!(closed.status.success(), "{closed:?}");
    assert!(closed.stderr.is_empty(), "{closed:?}");
    let v: serde_json::Value = serde_json::from_slice(&a.stdout).unwrap();
    assert_eq!(v["queues"].as_array().unwrap().len(), 2);
    // 2 queues x 96 hours, each with its band.
    let intervals = v["intervals"].as_array().unwrap();
    assert_eq!(intervals.len(), 192);
    for i in intervals {
        let sl = &i["simulated"]["service_level"];
        assert!(
            sl["low"].as_f64() <= sl["mean"].as_f64() && sl["mean"].as_f64() <= sl["high"].as_f64()
        );
    }
    // The plan meets 80% in every hour by the formula; the simulation agrees overall.
    for q in v["queues"].as_array().unwrap() {
        assert!(
            q["simulated"]["service_level"]["mean"].as_f64().unwrap() > 0.8,
            "{q}"
        );
    }
    // The same answer in Chinese, with the queues' Chinese names.
    let zh = shiftcast(&[&args[..8], &["--lang", "zh"]].concat());
    let zh = String::from_utf8_lossy(&zh.stdout);
    assert!(
        zh.starts_with("模拟 5 次（随机种子 9），95% 区间：\n  售前："),
        "{zh}"
    );
    fails_with(
        &["simulate", scenario, "--plan", "/nonexistent/plan"],
        &[
            "forecast.csv",
            "run `shiftcast plan SCENARIO --out DIR` first",
        ],
    );
}
