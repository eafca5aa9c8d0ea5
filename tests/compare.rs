//! `--set KEY=VALUE` (on `plan` and `compare`) and `shiftcast compare`, through the binary: an
//! edit by `--set` plans as the same edit in the file does, its mistakes get the file's
//! messages naming the flag, and a comparison worked out by hand.

use std::path::Path;
use std::process::Output;

mod common;
use common::{folder, shiftcast, small_history, SMALL_SCENARIO, SMALL_STAFF};

/// stderr as text.
fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The small scenario's folder with `edited.toml` beside `scenario.toml`.
fn with_edited(edited: &str) -> tempfile::TempDir {
    let dir = folder(SMALL_SCENARIO, &small_history("presale"), SMALL_STAFF);
    std::fs::write(dir.path().join("edited.toml"), edited).unwrap();
    dir
}

/// `shiftcast plan FILE --out OUT --quiet --lang en` with `more` flags after.
fn plan(file: &Path, out: &Path, more: &[&str]) -> Output {
    let mut args = vec![
        "plan",
        file.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--quiet",
        "--lang",
        "en",
    ];
    args.extend(more);
    shiftcast(&args)
}

#[test]
fn plan_set_plans_as_the_same_edit_in_the_file() {
    // Faster handling, in a [[queues]] element named by its name, and a [forecast] table the
    // file does not have, made by the --set.
    let edited = SMALL_SCENARIO.replace("handle_time_seconds = 180", "handle_time_seconds = 90")
        + "[forecast]\nmethod = \"profile\"\n";
    let dir = with_edited(&edited);
    let at = |name: &str| dir.path().join(name);
    let by_set = plan(
        &at("scenario.toml"),
        &at("by-set"),
        &[
            "--set",
            "queues.presale.handle_time_seconds=90",
            "--set",
            "forecast.method=profile",
        ],
    );
    assert!(by_set.status.success(), "{}", stderr(&by_set));
    assert!(plan(&at("edited.toml"), &at("by-file"), &[])
        .status
        .success());
    assert!(plan(&at("scenario.toml"), &at("unchanged"), &[])
        .status
        .success());
    let summary = |out: &str| std::fs::read(at(out).join("summary.json")).unwrap();
    assert_eq!(summary("by-set"), summary("by-file"));
    assert_ne!(summary("by-set"), summary("unchanged"));
    let requirements = |out: &str| std::fs::read(at(out).join("requirements.csv")).unwrap();
    assert_eq!(requirements("by-set"), requirements("by-file"));
    assert_ne!(requirements("by-set"), requirements("unchanged"));
}

#[test]
fn set_a_key_the_table_does_not_have_names_the_flag_and_the_keys_it_has() {
    let dir = with_edited(SMALL_SCENARIO);
    let scenario = dir.path().join("scenario.toml");
    let out = dir.path().join("out");
    let typo = plan(
        &scenario,
        &out,
        &["--set", "queues.presale.handle_time_secs=150"],
    );
    assert!(!typo.status.success());
    let text = stderr(&typo);
    assert!(
        text.starts_with("shiftcast: error: --set queues.presale.handle_time_secs=150: unknown field `handle_time_secs`, expected one of `name`, `handle_time_seconds`,"),
        "{text}"
    );
    let unknown = plan(&scenario, &out, &["--set", "queues.vip.shrinkage=0.2"]);
    assert_eq!(
        stderr(&unknown),
        "shiftcast: error: --set queues.vip.shrinkage=0.2: queues has no element \"vip\". use the position 0 or a name: presale\n"
    );
    let no_table = plan(&scenario, &out, &["--set", "event.0.target_orders=1"]);
    assert_eq!(
        stderr(&no_table),
        "shiftcast: error: --set event.0.target_orders=1: the scenario has no event. --set changes the elements the file has (queues, shifts); check the spelling, or add the table to the scenario file\n"
    );
    assert!(!out.exists());
}

#[test]
fn set_a_bad_value_gets_the_files_message_naming_the_flag() {
    // The check's message after the place is the one the same value in the file gets.
    let edited = SMALL_SCENARIO.replace("handle_time_seconds = 180", "handle_time_seconds = -5");
    let dir = with_edited(&edited);
    let out = dir.path().join("out");
    let in_file = stderr(&plan(&dir.path().join("edited.toml"), &out, &[]));
    let by_set = stderr(&plan(
        &dir.path().join("scenario.toml"),
        &out,
        &["--set", "queues.0.handle_time_seconds=-5"],
    ));
    let message = "queues[0].handle_time_seconds: -5 is not a positive number. give a number above zero, e.g. 180\n";
    assert!(
        in_file.ends_with(&format!("edited.toml: {message}")),
        "{in_file}"
    );
    assert_eq!(
        by_set,
        format!("shiftcast: error: --set queues.0.handle_time_seconds=-5 ({message}")
            .replace("handle_time_seconds: -5", "handle_time_seconds): -5")
    );
    // A value of the wrong type: the reader's message, without a line of the edited text.
    let text = stderr(&plan(
        &dir.path().join("scenario.toml"),
        &out,
        &["--set", "costs.part_time_per_hour=cheap"],
    ));
    assert_eq!(
        text,
        "shiftcast: error: --set costs.part_time_per_hour=cheap: invalid type: string \"cheap\", expected f64. see the scenario format in the README\n"
    );
}

/// A day of one queue whose agents required are given: 2 agents 08:00-16:00, none else.
/// Part-timers only (no staff), one 8-hour shift from 08:00, 10 yuan an hour.
const GIVEN: &str = r#"
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
name = "day"
start = "08:00"
hours = 8
"#;

/// A staff file with nobody in it.
const STAFF_HEADER: &str =
    "name,group,skills,available,days_off,max_hours_per_day,max_hours_per_week\n";

/// `timestamp,queue,agents` for the day: `agents` from 08:00 to 16:00, 0 else.
fn given_requirements(agents: u32) -> String {
    let mut text = String::from("timestamp,queue,agents\n");
    for hour in 0..24 {
        let need = if (8..16).contains(&hour) { agents } else { 0 };
        text += &format!("2026-11-11T{hour:02}:00,presale,{need}\n");
    }
    text
}

#[test]
fn compare_two_variants_worked_by_hand() {
    // The only shift covers 08-16, so the plan hires one part-timer per agent required, each
    // working one 8-hour shift. The base's --set raises the wage to 11 for every scenario:
    //   base:    2 part-timers x 8 h = 16 agent hours x 11 = 176 yuan, peak 2
    //   pricier: the same 16 hours at its own --set wage of 12 (after the base's) = 192 yuan
    //   busier:  requirements.csv swapped (resolved beside the scenario) for 3 agents:
    //            3 x 8 = 24 hours x 11 = 264 yuan, peak 3, 3 part-timers
    // No chats are given, so nothing waits: service level 1.
    let dir = folder(GIVEN, "", STAFF_HEADER);
    std::fs::write(dir.path().join("requirements.csv"), given_requirements(2)).unwrap();
    std::fs::write(dir.path().join("busier.csv"), given_requirements(3)).unwrap();
    let scenario = dir.path().join("scenario.toml");
    let output = shiftcast(&[
        "compare",
        scenario.to_str().unwrap(),
        "--json",
        "--quiet",
        "--set",
        "costs.part_time_per_hour=11",
        "--variant",
        "pricier",
        "--set",
        "costs.part_time_per_hour=12",
        "--variant",
        "busier",
        "--set",
        "requirements.file=busier.csv",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let row = |name: &str, hired: u32, hours: f64, cost: f64, peak: u32| {
        serde_json::json!({
            "name": name, "part_timers_needed": hired, "part_timers_hired": hired,
            "total_cost": cost, "peak_agents": peak, "total_agent_hours": hours,
            "service_level": 1.0, "sales_at_risk": null, "solver_status": "optimal"
        })
    };
    assert_eq!(
        json,
        serde_json::json!({"scenarios": [
            row("base", 2, 16.0, 176.0, 2),
            row("pricier", 2, 16.0, 192.0, 2),
            row("busier", 3, 24.0, 264.0, 3),
        ]})
    );
    // The same numbers as a table, in Chinese.
    let output = shiftcast(&[
        "compare",
        scenario.to_str().unwrap(),
        "--quiet",
        "--lang",
        "zh",
        "--set",
        "costs.part_time_per_hour=11",
        "--variant",
        "busier",
        "--set",
        "requirements.file=busier.csv",
    ]);
    let table = [
        "                基准  busier",
        "峰值客服           2       3",
        "客服工时          16      24",
        "需要兼职人数       2       3",
        "招聘兼职人数       2       3",
        "成本          176.00  264.00",
        "服务水平      100.0%  100.0%",
        "流失毛利           -       -",
        "求解状态        最优    最优",
    ];
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        table.map(|line| format!("{line}\n")).concat()
    );
}

#[test]
fn compare_names_the_variant_whose_set_is_wrong_and_refuses_base_as_a_name() {
    let dir = folder(GIVEN, "", STAFF_HEADER);
    std::fs::write(dir.path().join("requirements.csv"), given_requirements(2)).unwrap();
    let scenario = dir.path().join("scenario.toml");
    let run = |more: &[&str]| {
        let mut args = vec!["compare", scenario.to_str().unwrap(), "--quiet"];
        args.extend(more);
        stderr(&shiftcast(&args))
    };
    assert_eq!(
        run(&["--variant", "cheap", "--set", "costs.part_time_per_hour=-1"]),
        "shiftcast: error: --variant cheap: --set costs.part_time_per_hour=-1: -1 is negative. give zero or more, e.g. 45\n"
    );
    assert_eq!(
        run(&["--variant", "base"]),
        "shiftcast: error: --variant \"base\": \"base\" names the base or another variant. give each --variant its own name, other than \"base\", e.g. --variant faster\n"
    );
}
