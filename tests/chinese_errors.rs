//! Under `--lang zh` a manager reads errors with their fix, warnings, the reasons for short hours
//! and the forecast's notes in Chinese: no English word is left but names, keys, files, flags
//! and units. The English of the same runs is covered, byte for byte, by the `bad_*.rs` tests.

mod common;

use std::process::Command;

use calamine::{open_workbook, Data, Reader, Xlsx};

use common::{
    english_words, example, folder, shiftcast, small_history, SMALL_SCENARIO, SMALL_STAFF,
};

/// What a run printed: success, standard output and standard error.
struct Run {
    ok: bool,
    stdout: String,
    stderr: String,
}

/// Runs `args` with `--lang zh` in `dir`.
fn zh_in(dir: &std::path::Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_shiftcast"))
        .args(args)
        .args(["--lang", "zh", "--quiet"])
        .current_dir(dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    Run {
        ok: output.status.success(),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr,
    }
}

/// `plan` on the small scenario folder after `edit`, in Chinese.
fn plan_zh(edit: impl FnOnce(&mut String, &mut String, &mut String)) -> (Run, tempfile::TempDir) {
    let (mut scenario, mut history, mut staff) = (
        SMALL_SCENARIO.to_string(),
        small_history("presale"),
        SMALL_STAFF.to_string(),
    );
    edit(&mut scenario, &mut history, &mut staff);
    let dir = folder(&scenario, &history, &staff);
    let run = zh_in(dir.path(), &["plan", "scenario.toml", "--out", "plan"]);
    (run, dir)
}

/// The one error line a failed run printed, checked to be Chinese but for `names`.
fn error_line(run: &Run, names: &[&str]) -> String {
    assert!(!run.ok, "should fail: {}", run.stdout);
    let line = run.stderr.trim_end();
    assert_eq!(line.lines().count(), 1, "{line}");
    let mut allowed = vec!["shiftcast"];
    allowed.extend(names);
    // Keys quoted as `key` (a TOML reader's list of the keys a table takes) stay as they are.
    let unquoted: String = line.split('`').step_by(2).collect();
    assert_eq!(
        english_words(&unquoted, &allowed),
        Vec::<String>::new(),
        "{line}"
    );
    line.to_string()
}

#[test]
fn a_bad_csv_value_names_line_and_column_in_chinese() {
    let (run, _dir) = plan_zh(|_, h, _| {
        *h = h.replacen(
            "2026-11-03T02:00,presale,12",
            "2026-11-03T02:00,presale,twelve",
            1,
        )
    });
    let line = error_line(&run, &["history.csv", "inquiries", "twelve"]);
    assert!(
        line.starts_with("shiftcast: 错误: history.csv：第 4 行第 3 列（inquiries）：“twelve”不是咨询数。修改方法："),
        "{line}"
    );
}

#[test]
fn a_bad_scenario_value_names_its_key_in_chinese() {
    let (run, _dir) = plan_zh(|s, _, _| {
        *s = s.replace("handle_time_seconds = 180", "handle_time_seconds = -180")
    });
    let line = error_line(&run, &["scenario.toml", "queues[0].handle_time_seconds"]);
    assert!(
        line.contains(
            "queues[0].handle_time_seconds：-180 不是正数。修改方法：请填大于 0 的数字，例如"
        ),
        "{line}"
    );
}

/// The TOML reader's own words for a value of the wrong type, a key written twice and text
/// without quotes read in Chinese, the kinds of value too.
#[test]
fn the_toml_readers_mistakes_read_in_chinese() {
    let case = |from: &str, to: &str| {
        let (run, _dir) = plan_zh(|s, _, _| *s = s.replacen(from, to, 1));
        error_line(
            &run,
            &["scenario.toml", "interval_minutes", "horizon", "README"],
        )
    };
    let quoted = case("interval_minutes = 60", "interval_minutes = \"60\"");
    assert!(
        quoted.contains("类型不对：写的是文字 \"60\"，应为大于等于 0 的整数。"),
        "{quoted}"
    );
    let twice = case(
        "interval_minutes = 60",
        "interval_minutes = 60\ninterval_minutes = 30",
    );
    assert!(
        twice.contains("[horizon] 表中的 `interval_minutes` 写了两次"),
        "{twice}"
    );
    let bare = case("interval_minutes = 60", "interval_minutes = sixty");
    assert!(
        bare.contains("文字的写法不对，应以 `\"`、`'` 开头（文字要放在引号里）"),
        "{bare}"
    );
}

#[test]
fn a_missing_file_says_so_in_chinese() {
    let (run, _dir) =
        plan_zh(|s, _, _| *s = s.replace("file = \"history.csv\"", "file = \"nope.csv\""));
    let line = error_line(&run, &["nope.csv"]);
    assert!(
        line.ends_with("：无法读取历史数据文件：文件或文件夹不存在（系统错误 2）。修改方法：请检查路径（场景中的路径相对于场景文件所在位置）"),
        "{line}"
    );
}

#[test]
fn an_unknown_group_lists_the_groups_in_chinese() {
    let (run, _dir) = plan_zh(|s, _, _| {
        s.push_str("[[phases]]\nname = \"open\"\nstart = \"2026-11-10T08:00\"\nend = \"2026-11-10T12:00\"\nqueues = [\"presale\"]\nmust = [\"mian\"]\n")
    });
    let line = error_line(
        &run,
        &[
            "scenario.toml",
            "phases[0].must",
            "open",
            "mian",
            "main",
            "part-time",
        ],
    );
    assert!(
        line.contains(
            "阶段“open”指定了组“mian”，但员工表中没有人属于该组。修改方法：请用以下之一：main"
        ),
        "{line}"
    );
}

#[test]
fn a_misspelt_key_and_an_unquoted_date_in_chinese() {
    let (run, _dir) =
        plan_zh(|s, _, _| *s = s.replace("answer_within_seconds", "answer_within_secs"));
    let line = error_line(&run, &["scenario.toml", "answer_within_secs", "README"]);
    assert!(line.contains("没有“answer_within_secs”这一项"), "{line}");
    let (run, _dir) = plan_zh(|s, _, _| {
        *s = s.replace("start = \"2026-11-10T00:00\"", "start = 2026-11-10T00:00")
    });
    let line = error_line(&run, &["scenario.toml", "T00", "TOML"]);
    assert!(
        line.contains("2026-11-10T00:00 没有加引号，TOML 会把它读成自己的日期时间类型。修改方法：请把日期和时间放在引号里，例如 \"2026-11-10T00:00\""),
        "{line}"
    );
}

#[test]
fn a_bad_staff_cell_in_chinese() {
    let (run, _dir) =
        plan_zh(|_, _, st| *st = st.replace("Li Wei,main,presale,", "Li Wei,main,pre-sale,"));
    let line = error_line(&run, &["staff.csv", "skills", "pre-sale", "presale"]);
    assert!(
        line.contains("staff.csv：第 2 行第 3 列（skills）：“pre-sale”不是场景中的队列"),
        "{line}"
    );
}

#[test]
fn bad_flag_values_in_chinese() {
    let here = std::env::temp_dir();
    let scenario = example();
    let scenario = scenario.to_str().unwrap();
    let step = zh_in(&here, &["parttimers", scenario, "--step", "0"]);
    assert_eq!(
        error_line(&step, &["--step"]),
        "shiftcast: 错误: --step：步长为 0 永远到不了下一个人数。修改方法：请填 1 或更大，例如 --step 1 表示每个人数都算"
    );
    let bike = concat!(env!("CARGO_MANIFEST_DIR"), "/data/bike/history.csv");
    let forecast = |extra: &[&str]| {
        let mut args = vec!["forecast", "--history", bike, "--start", "2012-12-01T00:00"];
        args.extend(extra);
        args.extend(["--out", "f.csv"]);
        zh_in(&here, &args)
    };
    assert_eq!(
        error_line(&forecast(&["--days", "0"]), &["--days"]),
        "shiftcast: 错误: --days：预测 0 天。修改方法：例如 --days 7"
    );
    let erlang = "erlang --arrivals -1 --interval-minutes 30 --aht 180 --target-sl 0.8 --within 20";
    let arrivals = zh_in(&here, &erlang.split(' ').collect::<Vec<_>>());
    assert_eq!(
        error_line(&arrivals, &["--arrivals"]),
        "shiftcast: 错误: --arrivals：-1 不是咨询数。修改方法：请填 0 或更大，例如 --arrivals 100"
    );
    let method = forecast(&["--days", "7", "--method", "magic"]);
    let mut names = vec!["--method", "magic"];
    names.extend(shiftcast::forecast::Method::ALL.iter().map(|m| m.name()));
    let line = error_line(&method, &names);
    assert!(
        line.contains("--method：“magic”不是可用的预测方法。修改方法：请用以下之一："),
        "{line}"
    );
}

#[test]
fn an_output_folder_that_is_a_file_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("taken"), "x").unwrap();
    let scenario = example();
    let run = zh_in(
        dir.path(),
        &["plan", scenario.to_str().unwrap(), "--out", "taken"],
    );
    let line = error_line(&run, &["taken", "--out"]);
    assert!(line.contains("是文件，不是文件夹"), "{line}");
}

#[test]
fn short_hours_warnings_and_notes_read_in_chinese() {
    // One agent on one 8-hour day shift for a day of 10 + hour chats an hour: the night hours
    // are short, and a week of history is too short for the default method.
    let (run, dir) = plan_zh(|_, _, _| {});
    assert!(run.ok, "{}", run.stderr);
    assert_eq!(
        run.stderr.trim_end(),
        "shiftcast: 注意: presale：历史数据只有 1.0 周：auto 需要 2，因此预测沿用最后一天（seasonal-naive-day）"
    );
    assert!(run.stdout.contains("  原因 "), "{}", run.stdout);
    let names = [
        "presale",
        "Li Wei",
        "seasonal-naive-day",
        "auto",
        "shiftcast",
        "may",
        "part_time.available",
        "summary.json",
        "standby.csv",
        "unmet_demand",
        "one_shift_at_a_time_with_rest",
        "daily_and_weekly_hours",
        "cover_requirement",
        "costs.shortfall_per_agent_hour",
        "plan",
    ];
    assert_eq!(
        english_words(&run.stdout, &names),
        Vec::<String>::new(),
        "{}",
        run.stdout
    );
    let report = std::fs::read_to_string(dir.path().join("plan/report.html")).unwrap();
    assert!(
        report.contains("<li>售前：日常量用 seasonal-naive-day 方法预测</li>"),
        "notes in Chinese"
    );
    let mut book: Xlsx<_> = open_workbook(dir.path().join("plan/plan.xlsx")).unwrap();
    let sheet = book.worksheet_range("概要").unwrap();
    let note = Data::String("售前：日常量用 seasonal-naive-day 方法预测".into());
    assert!(
        sheet.rows().any(|row| row.contains(&note)),
        "the workbook's notes in Chinese"
    );
    // The machine-read summary keeps the English.
    let summary = std::fs::read_to_string(dir.path().join("plan/summary.json")).unwrap();
    assert!(summary.contains("\"presale: ordinary days forecast by seasonal-naive-day\""));
}

#[test]
fn english_stays_as_it_was() {
    let output = shiftcast(&[
        "parttimers",
        example().to_str().unwrap(),
        "--step",
        "0",
        "--lang",
        "en",
    ]);
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "shiftcast: error: --step: a step of 0 never reaches the next count. give 1 or more, e.g. --step 1 for every count\n"
    );
}

/// Mistakes on the command line itself (an unknown command or option, a missing argument, a
/// value the flag does not take) read in Chinese too, exit code 2 as clap's; in English clap's
/// own message with its usage line stands.
#[test]
fn command_line_mistakes_read_in_chinese() {
    let here = std::env::temp_dir();
    let scenario = concat!(env!("CARGO_MANIFEST_DIR"), "/data/double11/scenario.toml");
    let plam = zh_in(&here, &["plam", scenario]);
    assert_eq!(
        error_line(&plam, &["plam", "plan"]),
        "shiftcast: 错误: plam：没有这个命令。修改方法：是不是要写 plan？"
    );
    let missing = zh_in(&here, &["plan", scenario]);
    assert_eq!(
        error_line(&missing, &["--out", "OUT", "--help"]),
        "shiftcast: 错误: --out <OUT>：缺少这一项。修改方法：运行 shiftcast --help 查看有哪些命令，或运行 shiftcast 命令 --help 查看该命令的选项"
    );
    let negative = zh_in(&here, &["parttimers", scenario, "--step", "-1"]);
    assert_eq!(
        error_line(&negative, &["--step", "STEP", "--help"]),
        "shiftcast: 错误: --step <STEP>：-1 是负数：请给出大于等于 0 的整数。修改方法：运行 shiftcast --help 查看有哪些命令，或运行 shiftcast 命令 --help 查看该命令的选项"
    );
    let unknown = zh_in(&here, &["plan", scenario, "--out", "x", "--bogus"]);
    assert!(error_line(&unknown, &["--bogus", "--help"]).contains("--bogus：没有这个选项"));
    for run in [plam, missing, negative, unknown] {
        assert!(run.stderr.starts_with("shiftcast: 错误"), "{}", run.stderr);
    }
    let english = Command::new(env!("CARGO_BIN_EXE_shiftcast"))
        .args(["plam", "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(english.status.code(), Some(2));
    let said = String::from_utf8_lossy(&english.stderr);
    assert!(
        said.starts_with("error: unrecognized subcommand 'plam'"),
        "{said}"
    );
}
