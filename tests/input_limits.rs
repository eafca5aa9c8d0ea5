//! Inputs past what a shop can mean (bounds on orders, inquiries, agents and the horizon), inputs
//! that may be a mistake (warnings on stderr and in summary.json's `warnings`), and messages
//! that say what is really wrong: a file not in UTF-8, a row off the grid, a negative flag, a
//! date-time without quotes. Each error is one line naming the place and the fix, with no
//! output folder; each warning leaves a plan.

use std::path::Path;
use std::process::Command;

mod common;
use common::{folder, shiftcast, small_history, SMALL_SCENARIO, SMALL_STAFF};

/// A four-hour event with a curve, to append to `SMALL_SCENARIO`; `{start}` and `{target}` are filled.
const EVENT: &str = r#"
[[events]]
name = "flash sale"
start = "{start}"
hours = 4
{target}
service_share = 0.4
conversion_rate = 0.5
presale_queue = "presale"
curve = [4, 3, 2, 1]
"#;

fn event(start: &str, target: &str) -> String {
    EVENT.replace("{start}", start).replace("{target}", target)
}

/// What one `shiftcast plan` run gave.
struct Run {
    ok: bool,
    stderr: String,
    /// summary.json, when the plan was written.
    summary: Option<serde_json::Value>,
    /// Whether anything was written beside the inputs (output or staging folder).
    wrote: bool,
}

/// Runs `plan` (with `flags` after `--out plan`) on the files as `edit` leaves them.
fn plan_with(flags: &[&str], edit: impl FnOnce(&mut String, &mut String, &mut String)) -> Run {
    let (mut scenario, mut history, mut staff) = (
        SMALL_SCENARIO.to_string(),
        small_history("presale"),
        SMALL_STAFF.to_string(),
    );
    edit(&mut scenario, &mut history, &mut staff);
    run_in(folder(&scenario, &history, &staff).path(), flags)
}

fn run_in(dir: &Path, flags: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_shiftcast"))
        .args(["plan", "scenario.toml", "--out", "plan", "--quiet"])
        .args(flags)
        .current_dir(dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    let summary = std::fs::read(dir.join("plan/summary.json"))
        .ok()
        .map(|bytes| serde_json::from_slice(&bytes).unwrap());
    let inputs = [
        "scenario.toml",
        "history.csv",
        "staff.csv",
        "requirements.csv",
    ];
    let wrote = std::fs::read_dir(dir)
        .unwrap()
        .any(|e| !inputs.contains(&e.unwrap().file_name().to_string_lossy().as_ref()));
    Run {
        ok: output.status.success(),
        stderr,
        summary,
        wrote,
    }
}

fn plan(edit: impl FnOnce(&mut String, &mut String, &mut String)) -> Run {
    plan_with(&[], edit)
}

#[track_caller]
fn assert_error(run: Run, expected: &[&str]) {
    assert!(!run.ok, "should fail: {}", run.stderr);
    assert!(!run.wrote, "a failed run must not leave an output folder");
    assert_eq!(
        run.stderr.trim().lines().count(),
        1,
        "one line: {}",
        run.stderr
    );
    for part in expected {
        assert!(
            run.stderr.contains(part),
            "expected {part:?} in: {}",
            run.stderr
        );
    }
}

/// The plan is written, and `expected` is one warning, on stderr and in summary.json.
#[track_caller]
fn assert_warning(run: Run, expected: &[&str]) {
    assert!(run.ok, "{}", run.stderr);
    let summary = run.summary.expect("summary.json written");
    let warnings: Vec<&str> = summary["warnings"]
        .as_array()
        .expect("summary.json has warnings")
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect();
    let found = warnings
        .iter()
        .find(|w| expected.iter().all(|part| w.contains(part)));
    let Some(warning) = found else {
        panic!("no warning with {expected:?} in {warnings:?}");
    };
    assert!(
        run.stderr
            .contains(&format!("shiftcast: warning: {warning}")),
        "{}",
        run.stderr
    );
}

// Bounds: each states the bound and why.

#[test]
fn target_orders_beyond_what_a_shop_sells() {
    for target in ["target_orders = 3000000000", "target_orders = 1e308"] {
        assert_error(
            plan(|s, _, _| s.push_str(&event("2026-11-10T08:00", target))),
            &[
                "scenario.toml: events[0].target_orders",
                "orders is more than the 100000000 one shop's event is planned for",
                "e.g. 30000",
            ],
        );
    }
    assert_error(
        plan(|s, _, _| {
            s.push_str(&event(
                "2026-11-10T08:00",
                "target_sales = 1e15\naverage_order_value = 200",
            ))
        }),
        &[
            "events[0].target_sales",
            "5000000000000 orders is more than the 100000000",
        ],
    );
}

#[test]
fn an_event_that_would_bring_more_chats_than_any_queue_takes() {
    // 100 million orders through service at 1% conversion: 4e9 inquiries in the first hour.
    assert_error(
        plan(|s, _, _| {
            s.push_str(
                &event("2026-11-10T08:00", "target_orders = 100000000")
                    .replace("conversion_rate = 0.5", "conversion_rate = 0.01"),
            )
        }),
        &[
            "2026-11-10T08:00 presale",
            "Erlang offered is more than the 1000000 shiftcast staffs one interval for",
            "inquiries forecast: check the history's counts and the events' targets",
        ],
    );
}

#[test]
fn more_agents_in_one_hour_than_a_plan_holds() {
    // Under the load bound, over the agents bound: 2 million orders bring 640,000 inquiries
    // in the first hour, 32,000 Erlang.
    assert_error(
        plan(|s, _, _| s.push_str(&event("2026-11-10T08:00", "target_orders = 2000000"))),
        &[
            "2026-11-10T08:00 presale",
            "agents required, more than the 10000 shiftcast plans per queue and interval",
        ],
    );
    assert_error(
        plan(|s, _, _| {
            s.push_str("[[phases]]\nname = \"main\"\nstart = \"2026-11-10T08:00\"\nend = \"2026-11-10T09:00\"\nmin_agents = 20000\n")
        }),
        &[
            "2026-11-10T08:00 presale",
            "20000 agents required",
            "min_agents",
        ],
    );
}

#[test]
fn a_requirements_cell_of_a_million_agents() {
    let dir = tempfile::tempdir().unwrap();
    let scenario = SMALL_SCENARIO.replace(
        "[history]\nfile = \"history.csv\"",
        "[requirements]\nfile = \"requirements.csv\"",
    );
    let mut requirements = String::from("timestamp,queue,agents\n");
    for hour in 0..24 {
        let agents = if hour == 10 { 1_000_000 } else { 3 };
        requirements += &format!("2026-11-10T{hour:02}:00,presale,{agents}\n");
    }
    std::fs::write(dir.path().join("scenario.toml"), scenario).unwrap();
    std::fs::write(dir.path().join("staff.csv"), SMALL_STAFF).unwrap();
    std::fs::write(dir.path().join("requirements.csv"), requirements).unwrap();
    assert_error(
        run_in(dir.path(), &[]),
        &[
            "requirements.csv: line 12, column 3 (agents)",
            "1000000 agents is more than the 10000 shiftcast plans per queue and interval",
        ],
    );
}

#[test]
fn erlang_arrivals_beyond_any_queue() {
    let output = shiftcast(&[
        "erlang",
        "--arrivals",
        "1e11",
        "--interval-minutes",
        "30",
        "--aht",
        "180",
        "--target-sl",
        "0.8",
        "--within",
        "30",
    ]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("--arrivals: 10000000000 Erlang offered is more than the 1000000"),
        "{stderr}"
    );
    // A million Erlang, the bound itself, is answered.
    let output = shiftcast(&[
        "erlang",
        "--arrivals",
        "1e7",
        "--interval-minutes",
        "30",
        "--aht",
        "180",
        "--target-sl",
        "0.8",
        "--within",
        "30",
        "--patience",
        "100",
    ]);
    assert!(output.status.success());
}

#[test]
fn erlang_chat_slots_that_no_count_holds() {
    // 400,000 x 100,000 chat slots once wrapped round to 13,453 agents.
    let output = shiftcast(&[
        "erlang",
        "--arrivals",
        "100",
        "--interval-minutes",
        "30",
        "--aht",
        "180",
        "--agents",
        "400000",
        "--concurrency",
        "100000",
    ]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("--agents: 400000 agents serving 100000 chats at once is more chats than shiftcast counts"),
        "{stderr}"
    );
}

#[test]
fn events_and_reminders_longer_than_a_month() {
    // 4e9 hours ran past the calendar's last date (a panic); reminders over 1e300 hours never
    // finished.
    let long = event("2026-11-10T08:00", "target_orders = 1000")
        .replace("hours = 4", "hours = 4000000000");
    assert_error(
        plan(|s, _, _| s.push_str(&long)),
        &[
            "scenario.toml: events[0].hours",
            "4000000000 hours is longer than the 744 (31 days) an event may last",
        ],
    );
    assert_error(
        plan(|s, _, _| {
            s.push_str(&event(
                "2026-11-10T08:00",
                "target_orders = 1000\nreminder_hours = 1e300",
            ))
        }),
        &[
            "events[0].reminder_hours",
            "reminders over more than 744 hours (31 days)",
        ],
    );
    assert_error(
        plan(|s, _, _| {
            s.push_str(
                "[[past_events]]\nname = \"old\"\nstart = \"2026-11-04T00:00\"\nhours = 745\n",
            )
        }),
        &["past_events[0].hours", "745 hours is longer than the 744"],
    );
}

#[test]
fn rest_of_more_than_a_week() {
    // 1e308 hours panicked turning into a time span.
    assert_error(
        plan(|s, _, _| s.push_str("[rules]\nmin_rest_hours = 1e308\n")),
        &[
            "rules.min_rest_hours",
            "more than a week (168 hours)",
            "min_rest_hours = 11",
        ],
    );
}

#[test]
fn a_horizon_longer_than_the_history_reaches_back() {
    assert_error(
        plan(|s, _, _| *s = s.replace("end = \"2026-11-11T00:00\"", "end = \"2027-12-15T00:00\"")),
        &[
            "horizon",
            "a horizon of 400 days from 7 days of history in history.csv",
            "plan a shorter horizon, or give a longer history",
        ],
    );
}

// Silent accepts that are now errors.

#[test]
fn history_counts_past_the_bound_or_not_whole() {
    for count in ["1e308", "1e12", "20000000"] {
        assert_error(
            plan(|_, h, _| {
                *h = h.replacen(
                    "2026-11-03T02:00,presale,12",
                    &format!("2026-11-03T02:00,presale,{count}"),
                    1,
                )
            }),
            &[
                "history.csv: line 4, column 3 (inquiries)",
                "inquiries is more than the 10000000 a queue can take in one interval",
            ],
        );
    }
    assert_error(
        plan(|_, h, _| {
            *h = h.replacen(
                "2026-11-03T02:00,presale,12",
                "2026-11-03T02:00,presale,3.5",
                1,
            )
        }),
        &[
            "history.csv: line 4, column 3 (inquiries)",
            "3.5 inquiries is not a whole number",
        ],
    );
}

#[test]
fn a_staff_group_named_part_time() {
    assert_error(
        plan(|_, _, st| *st = st.replace("Li Wei,main,", "Li Wei,part-time,")),
        &[
            "staff.csv: line 2, column 2 (group)",
            "\"part-time\" is the group of the part-timers the plan hires",
            "e.g. student",
        ],
    );
}

#[test]
fn history_beside_requirements() {
    assert_error(
        plan(|s, _, _| s.push_str("[requirements]\nfile = \"requirements.csv\"\n")),
        &[
            "scenario.toml: requirements",
            "both a history file and a requirements file",
            "ignore the history",
        ],
    );
}

#[test]
fn zero_history_weeks() {
    assert_error(
        plan(|s, _, _| {
            *s = s.replace(
                "file = \"history.csv\"",
                "file = \"history.csv\"\nweeks = 0",
            )
        }),
        &["scenario.toml: history.weeks", "0 weeks", "weeks = 4"],
    );
}

// Silent accepts that are now warnings.

#[test]
fn history_rows_inside_the_horizon_are_ignored_with_a_warning() {
    assert_warning(
        plan(|_, h, _| h.push_str("2026-11-10T00:00,presale,5\n2026-11-10T01:00,presale,6\n")),
        &[
            "history.csv: 2 rows lie inside the planned horizon (from 2026-11-10T00:00)",
            "the forecast ignores them",
        ],
    );
}

#[test]
fn a_history_queue_the_scenario_does_not_name() {
    assert_warning(
        plan(|_, h, _| h.push_str("2026-11-05T00:00,refunds,3\n")),
        &["queue \"refunds\" is not a [[queues]] name of the scenario"],
    );
}

#[test]
fn an_event_outside_the_horizon_claims_none_of_its_inquiries() {
    let run = plan(|s, _, _| s.push_str(&event("2026-12-11T00:00", "target_orders = 1000")));
    let notes = run.summary.as_ref().unwrap()["forecast_notes"].to_string();
    assert!(
        notes.contains("1000 orders -> 800 pre-sale inquiries (0 of them inside the horizon)")
            && notes.contains("200 payment reminders (0 of them inside the horizon)"),
        "{notes}"
    );
    assert_warning(
        run,
        &[
            "events[0] \"flash sale\" runs 2026-12-11T00:00 to 2026-12-11T04:00, outside the horizon",
            "not planned",
        ],
    );
    // Half inside: half its inquiries (by the curve, 2 + 1 of 10) are claimed.
    let run = plan(|s, _, _| s.push_str(&event("2026-11-10T22:00", "target_orders = 1000")));
    let notes = run.summary.as_ref().unwrap()["forecast_notes"].to_string();
    assert!(
        notes.contains("800 pre-sale inquiries (560 of them inside the horizon)"),
        "{notes}"
    );
    assert_warning(
        run,
        &["partly outside the horizon: only its hours inside it are planned"],
    );
}

#[test]
fn weekly_hours_below_daily_hours() {
    assert_warning(
        plan(|_, _, st| *st = st.replace(",8,40\n", ",8,6\n")),
        &["staff.csv: Li Wei may work 6 hours a week but 8 a day"],
    );
}

#[test]
fn a_shift_length_no_one_may_work() {
    assert_warning(
        plan(|s, _, _| {
            *s = s.replace("end = \"2026-11-11T00:00\"", "end = \"2026-11-12T00:00\"")
                + "[[shifts]]\nname = \"marathon\"\nstart = \"00:00\"\nhours = 30\n"
        }),
        &["shifts[1] \"marathon\": no one may work its 30-hour length"],
    );
}

#[test]
fn a_clean_plan_has_no_warnings_key() {
    let run = plan(|_, _, _| {});
    assert!(run.ok, "{}", run.stderr);
    assert!(run.summary.unwrap().get("warnings").is_none());
}

// Messages that say what is wrong.

#[test]
fn a_gbk_csv_says_save_as_utf8_not_check_the_path() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("scenario.toml"), SMALL_SCENARIO).unwrap();
    std::fs::write(dir.path().join("history.csv"), small_history("presale")).unwrap();
    // "李伟" in GBK, as Excel in China saves it.
    let mut staff = SMALL_STAFF.replace("Li Wei", "@").into_bytes();
    let at = staff.iter().position(|b| *b == b'@').unwrap();
    staff.splice(at..=at, [0xC0, 0xEE, 0xCE, 0xB0]);
    std::fs::write(dir.path().join("staff.csv"), staff).unwrap();
    let run = run_in(dir.path(), &[]);
    assert!(!run.stderr.contains("check the path"), "{}", run.stderr);
    assert_error(
        run,
        &[
            "staff.csv: line 2",
            "the staff file is not UTF-8 text",
            "GBK or GB18030",
            "\"CSV UTF-8 (Comma delimited)\"",
        ],
    );
}

#[test]
fn an_off_grid_history_row_is_named_by_its_line() {
    assert_error(
        plan(|_, h, _| *h = h.replacen("2026-11-03T05:00", "2026-11-03T05:53", 1)),
        &[
            "history.csv: line 7",
            "2026-11-03T05:53 is not the start of a 60-minute interval",
        ],
    );
}

#[test]
fn negative_flag_values_get_our_message() {
    let run = plan_with(&["--time-limit", "-1"], |_, _, _| {});
    assert_error(
        run,
        &["--time-limit: -1 is not a positive number of seconds"],
    );
    let run = plan_with(&["--simulate-runs", "-1"], |_, _, _| {});
    assert!(!run.ok && !run.wrote);
    assert!(
        run.stderr.contains(
            "'--simulate-runs <SIMULATE_RUNS>': -1 is negative: give a whole number of 0 or more"
        ) && !run.stderr.contains("unexpected argument"),
        "{}",
        run.stderr
    );
    let output = shiftcast(&[
        "simulate",
        "scenario.toml",
        "--plan",
        "plan",
        "--runs",
        "-1",
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(
        stderr.contains("'--runs <RUNS>': -1 is negative")
            && !stderr.contains("unexpected argument"),
        "{stderr}"
    );
}

#[test]
fn an_unquoted_date_time_says_to_quote_it() {
    for (value, line) in [
        ("2026-11-10T00:00", "line 3"),
        ("2026-11-10T00:00:00", "line 3"),
    ] {
        assert_error(
            plan(|s, _, _| {
                *s = s.replace("start = \"2026-11-10T00:00\"", &format!("start = {value}"))
            }),
            &[
                &format!("scenario.toml: {line}"),
                &format!("{value} is written without quotes"),
                &format!("put dates and times in quotes, e.g. \"{value}\""),
            ],
        );
    }
    assert_error(
        plan(|s, _, _| *s = s.replace("start = \"08:00\"", "start = 08:00")),
        &["scenario.toml: line 21", "08:00 is written without quotes"],
    );
}
