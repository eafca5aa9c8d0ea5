//! Every command a manager runs (`erlang`, `forecast`, `backtest`, `plan`, `simulate`) reads in
//! Chinese under `--lang zh`: no English word is left in what it prints but names (queues as
//! the history or scenario spells them, `--method` values, model and metric names, files).

mod common;

use common::{english_words, example, shiftcast};
use shiftcast::forecast::Method;

const BIKE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/bike/history.csv");

/// What `args` print, with `--lang zh --quiet`; the command must succeed and print nothing on
/// stderr.
fn zh(args: &[&str]) -> String {
    let mut args = args.to_vec();
    args.extend(["--lang", "zh", "--quiet"]);
    let output = shiftcast(&args);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success() && stderr.is_empty(), "{stderr}");
    String::from_utf8(output.stdout).unwrap()
}

/// The English words left in `text` besides `names` and the names every command may show.
fn left(text: &str, names: &[&str]) -> Vec<String> {
    let mut all = vec!["Erlang", "WAPE", "MASE"];
    all.extend(Method::ALL.iter().map(|m| m.name()));
    all.extend(names);
    english_words(text, &all)
}

#[test]
fn erlang_speaks_chinese() {
    let text = zh(&[
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
        "--patience",
        "100",
        "--shrinkage",
        "0.3",
        "--chats-per-agent-hour",
        "20",
        "--concurrency",
        "2",
    ]);
    assert_eq!(left(&text, &[]), Vec::<String>::new(), "{text}");
    // 100 chats x 180 s over 1800 s offer 10 Erlang; the 6 agents at the keyboard are 70% of
    // those on the roster after 30% shrinkage: 6 / 0.7 = 8.6, so 9.
    assert!(
        text.starts_with("在线客服 6 名（Erlang A，话务量 10.00 Erlang，每人同时接待 2 个咨询）\n"),
        "{text}"
    );
    assert!(
        text.contains("\n计入 30% 损耗后需排班 9 名客服\n"),
        "{text}"
    );
}

#[test]
fn forecast_and_backtest_speak_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("forecast.csv");
    let out = out.to_str().unwrap();
    let text = zh(&[
        "forecast",
        "--history",
        BIKE,
        "--start",
        "2012-12-01T00:00",
        "--days",
        "7",
        "--out",
        out,
    ]);
    assert_eq!(
        left(&text, &["casual", "registered", out]),
        Vec::<String>::new(),
        "{text}"
    );
    assert!(text.starts_with("casual：日常量用 "), "{text}");
    assert!(text.contains("\ncasual：27 个异常日不参与拟合：2011-01-01、2011-01-04、"));
    assert!(text.ends_with(&format!("\n预测已写入 {out}\n")), "{text}");

    let text = zh(&[
        "backtest",
        "--history",
        BIKE,
        "--folds",
        "2",
        "--horizon-days",
        "7",
    ]);
    assert_eq!(
        left(&text, &["casual", "registered"]),
        Vec::<String>::new(),
        "{text}"
    );
    assert!(
        text.starts_with("回测 2 轮，每轮预测 7 天；预测区间 80%\n队列        方法"),
        "{text}"
    );
    // Seven methods on each of the two queues, below the two heading lines.
    assert_eq!(text.lines().count(), 2 + 2 * Method::ALL.len(), "{text}");
}

#[test]
fn plan_and_simulate_speak_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan");
    let out = out.to_str().unwrap();
    let scenario = example();
    let scenario = scenario.to_str().unwrap();
    let text = zh(&["plan", scenario, "--out", out]);
    // standby.csv is a file the line points to.
    assert_eq!(
        left(&text, &[out, "standby.csv"]),
        Vec::<String>::new(),
        "{text}"
    );
    for line in [
        "峰值：售前 2026-11-11T00:00 需要 71 名客服",
        "最低服务水平：80.5%（2026-11-11T18:00 售后）",
        "每人夜班数：替补 0-1，主力 1-2",
        "求解状态：最优",
    ] {
        assert!(text.lines().any(|l| l == line), "{line} in\n{text}");
    }

    let text = zh(&["simulate", scenario, "--plan", out]);
    assert_eq!(left(&text, &[]), Vec::<String>::new(), "{text}");
    assert!(
        text.starts_with("模拟 20 次（随机种子 1），95% 区间：\n  售前："),
        "{text}"
    );
}
