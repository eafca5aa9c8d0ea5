//! Every command a manager runs (`erlang`, `forecast`, `backtest`, `plan`, `simulate`,
//! `intraday`, `review`, `parttimers`, `compare`, `template`) reads in Chinese under
//! `--lang zh`: no English word is left in what it prints but names (queues as the history or
//! scenario spells them, people, events, ideas compared, `--method` values, model and metric
//! names, files, keys a manager types).

mod common;

use common::{english_words, example, shiftcast};
use shiftcast::forecast::Method;
use std::path::Path;

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
    // The wait and the share who leave in the managers' words (平均响应时间, 放弃率), the
    // numbers the English answer gives: "average wait 6.5 s", "6.5% of chats leave".
    for line in ["  平均响应时间 6.5 秒", "  放弃率 6.5%（等不到回复就离开）"] {
        assert!(text.lines().any(|l| l == line), "{line} in\n{text}");
    }
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
        "最低服务水平：80.4%（2026-11-11T20:00 售后）",
        "每人夜班数：替补 0-1，主力 1-3",
        "求解状态：在允许差距内",
    ] {
        assert!(text.lines().any(|l| l == line), "{line} in\n{text}");
    }

    let text = zh(&["simulate", scenario, "--plan", out]);
    assert_eq!(left(&text, &[]), Vec::<String>::new(), "{text}");
    assert!(
        text.starts_with("模拟 20 次（随机种子 1），95% 区间：\n  售前："),
        "{text}"
    );
    assert!(
        text.contains(
            "\n  售前：98.8% (98.6-98.9%) 及时回复（目标 80%），平均响应时间 1.2 秒，放弃率 0.0%\n"
        ),
        "{text}"
    );
}

/// A file of the bundled Double 11 example, as an argument.
fn double11(file: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/double11")
        .join(file)
        .to_str()
        .unwrap()
        .to_string()
}

/// The people a plan of the example names (PT-nn, SB-nn and the staff list's names).
fn people(plan: &str) -> Vec<String> {
    let roster = std::fs::read_to_string(Path::new(plan).join("roster.csv")).unwrap();
    let standby = std::fs::read_to_string(Path::new(plan).join("standby.csv")).unwrap();
    let mut names: Vec<String> = roster
        .lines()
        .chain(standby.lines())
        .skip(1)
        .filter_map(|line| line.split(',').next())
        .map(str::to_string)
        .collect();
    names.extend((1..=999).map(|n| format!("PT-{n:02}")));
    names
}

#[test]
fn a_plan_short_of_part_timers_speaks_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan");
    let out = out.to_str().unwrap();
    let scenario = double11("scenario.toml");
    // A cap of 60 part-timers where 149 are the fewest with no hour short.
    let cap = "part_time.max_people=60";
    let text = zh(&["plan", &scenario, "--out", out, "--set", cap]);
    assert!(
        text.contains("\n需要兼职：149 人（最少人数，不缺人）\n招聘兼职：60 人（少于需要人数，部分时段缺人）\n"),
        "{text}"
    );
    assert!(text.contains("\n  原因 2026-11-11T00:00 售前："), "{text}");
    // Files, a key of summary.json, and in the reason (the library's text, its Chinese from
    // the catalogue) the rule's name and the key and flag that set the cap.
    let names = [
        out,
        "standby.csv",
        "summary.json",
        "unmet_demand",
        "part_timer_headcount",
        "part_time.max_people",
        "--max",
    ];
    assert_eq!(left(&text, &names), Vec::<String>::new(), "{text}");
}

#[test]
fn intraday_and_review_speak_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan");
    let plan = plan.to_str().unwrap();
    let scenario = double11("scenario.toml");
    zh(&["plan", &scenario, "--out", plan]);
    let people = people(plan);
    let people: Vec<&str> = people.iter().map(String::as_str).collect();

    let text = zh(&[
        "intraday",
        &scenario,
        "--plan",
        plan,
        "--actuals",
        &double11("actuals-rush.csv"),
        "--now",
        "2026-11-11T02:00",
    ]);
    assert_eq!(left(&text, &people), Vec::<String>::new(), "{text}");
    // README's numbers: 6,753 chats seen where 5,227 were forecast, 6753 / 5227 = 1.29.
    assert!(
        text.starts_with(
            "现在 2026-11-11 02:00。近 3 小时咨询量与计划相比：\n  售前：实际 6753，预测 5227，后续按 1.29 倍重新预测"
        ),
        "{text}"
    );
    assert!(
        text.contains("\n  06:00-10:00  召回上岗  SB-06（售前）\n"),
        "{text}"
    );

    let text = zh(&[
        "review",
        &scenario,
        "--plan",
        plan,
        "--actuals",
        &double11("actuals-after.csv"),
    ]);
    // The event as the scenario names it, and the keys to set next time.
    let names = [
        "Double",
        "events[0].service_share",
        "events[0].conversion_rate",
    ];
    assert_eq!(left(&text, &names), Vec::<String>::new(), "{text}");
    // 0.45 of 23,659 orders asked first; 0.44 of those asking bought (README's review).
    assert!(
        text.contains("\n  询单占比 0.45（场景设定 0.40），转化率 0.44（场景设定 0.50）\n"),
        "{text}"
    );
}

#[test]
fn parttimers_speaks_chinese() {
    let text = zh(&[
        "parttimers",
        &double11("scenario.toml"),
        "--max",
        "150",
        "--step",
        "150",
    ]);
    assert_eq!(left(&text, &[]), Vec::<String>::new(), "{text}");
    for line in [
        "需要兼职：149 人（最少人数，不缺人）",
        "最便宜的方案招聘：154 人",
        "  售前 2026-11-10T22:00 - 2026-11-11T02:00：54 人",
    ] {
        assert!(text.lines().any(|l| l == line), "{line} in\n{text}");
    }
    // The curve's heads stand over their columns: a Chinese character is two columns wide, so
    // each head ends where the numbers below it end: 11 columns, then 18, 14, 18, 18 and 12,
    // one space between.
    let lines: Vec<&str> = text.lines().collect();
    let head = lines.iter().position(|l| l.contains("缺口工时")).unwrap();
    let ends = |line: &str| -> Vec<usize> {
        let mut column = 0;
        let mut ends = Vec::new();
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            column += if c >= '\u{2e80}' { 2 } else { 1 };
            if c != ' ' && chars.peek().is_none_or(|&n| n == ' ') {
                ends.push(column);
            }
        }
        ends
    };
    assert_eq!(ends(lines[head]), [11, 30, 45, 64, 83, 96], "{text}");
    assert_eq!(ends(lines[head]), ends(lines[head + 1]), "{text}");
}

#[test]
fn compare_speaks_chinese() {
    let text = zh(&[
        "compare",
        &double11("scenario.toml"),
        "--variant",
        "target+20%",
        "--set",
        "events.0.target_orders=36000",
        "--variant",
        "faster",
        "--set",
        "queues.presale.handle_time_seconds=150",
    ]);
    assert_eq!(
        left(&text, &["target+20%", "faster"]),
        Vec::<String>::new(),
        "{text}"
    );
    let rows: Vec<Vec<&str>> = text
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(rows[0], ["基准", "target+20%", "faster"], "{text}");
    // The base hires 154 (README's comparison, before `auto` weighed six held-out weeks: 155);
    // each search says how it ended, in Chinese.
    assert_eq!(rows[4][..2], ["招聘兼职人数", "154"], "{text}");
    assert_eq!(rows[8][..2], ["求解状态", "在允许差距内"], "{text}");
}

#[test]
fn template_speaks_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("templates");
    let out = out.to_str().unwrap();
    let text = zh(&["template", "--out", out]);
    // The files it wrote and the line to type in the scenario file.
    let names = [out, "staff.xlsx", "availability.xlsx", "[staff] file"];
    assert_eq!(left(&text, &names), Vec::<String>::new(), "{text}");
    assert!(
        text.starts_with(&format!("已写入 {out}：staff.xlsx、availability.xlsx。")),
        "{text}"
    );
}
