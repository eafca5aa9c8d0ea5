//! Every bad input gets a one-line error naming the place and the fix, a non-zero exit, no panic
//! and no output folder.

use std::path::Path;
use std::process::Command;

mod common;
use common::{folder, small_history, SMALL_SCENARIO, SMALL_STAFF};

/// The small scenario with a morning phase open to the main group and part-timers.
fn scenario_text() -> String {
    format!(
        "{SMALL_SCENARIO}[[phases]]\nname = \"main\"\nstart = \"2026-11-10T08:00\"\nend = \"2026-11-10T12:00\"\nqueues = [\"presale\"]\nmay = [\"main\", \"part-time\"]\n"
    )
}

/// Runs `plan` on the files, with `edit` applied to them first; returns (success, stderr, out dir exists).
fn run(edit: impl FnOnce(&mut String, &mut String, &mut String)) -> (bool, String, bool) {
    let (mut scenario, mut history, mut staff) = (
        scenario_text(),
        small_history("presale"),
        SMALL_STAFF.to_string(),
    );
    edit(&mut scenario, &mut history, &mut staff);
    let dir = folder(&scenario, &history, &staff);
    let out = dir.path().join("plan");
    let output = Command::new(env!("CARGO_BIN_EXE_shiftcast"))
        .args(["plan", "scenario.toml", "--out", "plan"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (
        output.status.success(),
        stderr,
        out.exists() || leftovers(dir.path()),
    )
}

/// Any staging folder left behind beside the output.
fn leftovers(dir: &Path) -> bool {
    std::fs::read_dir(dir)
        .unwrap()
        .any(|e| e.unwrap().file_name().to_string_lossy().contains(".tmp-"))
}

fn assert_fails(edit: impl FnOnce(&mut String, &mut String, &mut String), expected: &[&str]) {
    let (ok, stderr, wrote) = run(edit);
    assert!(!ok, "should fail");
    assert!(!wrote, "a failed run must not leave an output folder");
    assert_eq!(stderr.trim().lines().count(), 1, "one line: {stderr}");
    for part in expected {
        assert!(stderr.contains(part), "expected {part:?} in: {stderr}");
    }
}

#[test]
fn the_small_scenario_itself_plans() {
    let (ok, stderr, wrote) = run(|_, _, _| {});
    assert!(ok, "{stderr}");
    assert!(wrote);
    // A week of history is too short for auto: the plan says what it did instead.
    assert!(
        stderr.contains("warning: presale: only 1.0 weeks of history")
            && stderr.contains("seasonal-naive-day"),
        "{stderr}"
    );
}

#[test]
fn missing_history_file() {
    assert_fails(
        |s, _, _| *s = s.replace("file = \"history.csv\"", "file = \"nope.csv\""),
        &[
            "nope.csv",
            "cannot read the history file",
            "relative to the scenario file",
        ],
    );
}

#[test]
fn unparsable_history_row_names_line_and_column() {
    assert_fails(
        |_, h, _| {
            *h = h.replacen(
                "2026-11-03T02:00,presale,12",
                "2026-11-03T02:00,presale,twelve",
                1,
            )
        },
        &[
            "history.csv: line 4, column 3 (inquiries)",
            "\"twelve\" is not a count",
        ],
    );
}

#[test]
fn bad_timestamp_in_history() {
    assert_fails(
        |_, h, _| *h = h.replacen("2026-11-03T05:00", "03/11/2026 05:00", 1),
        &["line 7, column 1 (timestamp)", "YYYY-MM-DDTHH:MM"],
    );
}

#[test]
fn unknown_queue_in_a_phase() {
    assert_fails(
        |s, _, _| *s = s.replace("queues = [\"presale\"]", "queues = [\"refunds\"]"),
        &["phases[0].queues", "unknown queue \"refunds\"", "presale"],
    );
}

#[test]
fn unknown_group_in_a_phase() {
    assert_fails(
        |s, _, _| *s = s.replace("may = [\"main\", \"part-time\"]", "may = [\"mian\"]"),
        &["phases[0].may", "\"mian\"", "main, part-time"],
    );
}

#[test]
fn negative_handle_time() {
    assert_fails(
        |s, _, _| *s = s.replace("handle_time_seconds = 180", "handle_time_seconds = -180"),
        &[
            "queues[0].handle_time_seconds",
            "-180 is not a positive number",
        ],
    );
}

#[test]
fn horizon_end_before_start() {
    assert_fails(
        |s, _, _| *s = s.replace("end = \"2026-11-11T00:00\"", "end = \"2026-11-09T00:00\""),
        &["horizon.end", "at or before it starts"],
    );
}

#[test]
fn shift_longer_than_the_horizon() {
    assert_fails(
        |s, _, _| *s = s.replace("hours = 8", "hours = 30"),
        &["shifts[0].hours", "longer than the whole horizon"],
    );
}

#[test]
fn toml_syntax_error_names_line_and_column() {
    assert_fails(
        |s, _, _| *s = s.replace("interval_minutes = 60", "interval_minutes = = 60"),
        &["scenario.toml: line 5, column"],
    );
}

#[test]
fn misspelt_key_is_not_ignored() {
    assert_fails(
        |s, _, _| *s = s.replace("answer_within_seconds", "answer_within_secs"),
        &["unknown field `answer_within_secs`"],
    );
}

#[test]
fn staff_skill_that_is_no_queue() {
    assert_fails(
        |_, _, st| *st = st.replace("Li Wei,main,presale,", "Li Wei,main,pre-sale,"),
        &[
            "staff.csv: line 2, column 3 (skills)",
            "\"pre-sale\" is not a queue",
        ],
    );
}

#[test]
fn duplicated_history_row() {
    assert_fails(
        |_, h, _| h.push_str("2026-11-09T23:00,presale,5\n"),
        &[
            "history.csv: line 170",
            "second row for 2026-11-09T23:00 presale",
        ],
    );
}

#[test]
fn queue_missing_from_history() {
    assert_fails(
        |_, h, _| *h = h.replace(",presale,", ",pre,"),
        &["queue \"presale\" has no rows in the history file"],
    );
}

#[test]
fn shrinkage_of_one_or_more() {
    assert_fails(
        |s, _, _| {
            *s = s.replace(
                "answer_within_seconds = 30",
                "answer_within_seconds = 30\nshrinkage = 1",
            )
        },
        &[
            "queues[0].shrinkage",
            "1 is not a share from 0 up to (not including) 1",
        ],
    );
}

#[test]
fn service_level_target_outside_zero_and_one() {
    assert_fails(
        |s, _, _| *s = s.replace("service_level = 0.8", "service_level = 80"),
        &[
            "queues[0].service_level",
            "80 is not a share strictly between 0 and 1",
            "0.8 for 80%",
        ],
    );
}

#[test]
fn handle_time_curve_of_the_wrong_length() {
    assert_fails(
        |s, _, _| {
            *s = s.replace(
                "answer_within_seconds = 30",
                "answer_within_seconds = 30\nchats_at_once = 3\nhandle_time_by_concurrency = [120, 150]",
            )
        },
        &[
            "queues[0].handle_time_by_concurrency",
            "needs 3 positive handle times",
        ],
    );
}

#[test]
fn patience_of_zero() {
    assert_fails(
        |s, _, _| {
            *s = s.replace(
                "answer_within_seconds = 30",
                "answer_within_seconds = 30\npatience_seconds = 0",
            )
        },
        &["queues[0].patience_seconds", "0 is not a positive number"],
    );
}

#[test]
fn queue_short_code_of_three_characters() {
    assert_fails(
        |s, _, _| *s = s.replace("name = \"presale\"", "name = \"presale\"\nshort = \"pre\""),
        &[
            "queues[0].short",
            "\"pre\" is not a code of 1 or 2 characters",
        ],
    );
}

#[test]
fn queue_short_code_given_twice() {
    assert_fails(
        |s, _, _| {
            let aftersale = "[[queues]]\nname = \"aftersale\"\nshort = \"P\"\nhandle_time_seconds = 300\nservice_level = 0.8\nanswer_within_seconds = 60\n[[shifts]]";
            *s = s
                .replace("name = \"presale\"", "name = \"presale\"\nshort = \"P\"")
                .replacen("[[shifts]]", aftersale, 1)
        },
        &[
            "queues[1].short",
            "queue \"presale\" already has the code \"P\"",
        ],
    );
}

#[test]
fn negative_count_in_history() {
    assert_fails(
        |_, h, _| {
            *h = h.replacen(
                "2026-11-03T02:00,presale,12",
                "2026-11-03T02:00,presale,-3",
                1,
            )
        },
        &[
            "history.csv: line 4, column 3 (inquiries)",
            "-3 inquiries is negative",
        ],
    );
}

#[test]
fn unknown_forecast_method() {
    assert_fails(
        |s, _, _| *s = format!("{s}\n[forecast]\nmethod = \"prophet\"\n"),
        &[
            "forecast.method",
            "\"prophet\" is not a forecasting method",
            "mstl",
        ],
    );
}

#[test]
fn interval_level_of_one() {
    assert_fails(
        |s, _, _| *s = format!("{s}\n[forecast]\nlevel = 1.0\n"),
        &["forecast.level", "strictly between 0 and 1"],
    );
}

#[test]
fn break_that_does_not_fit_in_the_shift() {
    assert_fails(
        |s, _, _| {
            *s = s.replace(
                "hours = 8\n",
                "hours = 8\nbreaks = [{ name = \"meal\", minutes = 60, earliest_after_hours = 6, latest_after_hours = 8 }]\n",
            )
        },
        &["shifts[0].breaks[0].latest_after_hours", "does not fit"],
    );
}

#[test]
fn break_that_is_not_whole_intervals() {
    assert_fails(
        |s, _, _| {
            *s = s.replace(
                "hours = 8\n",
                "hours = 8\nbreaks = [{ name = \"rest\", minutes = 15, earliest_after_hours = 2, latest_after_hours = 3 }]\n",
            )
        },
        &["shifts[0].breaks[0].minutes", "60-minute intervals"],
    );
}

#[test]
fn part_time_window_that_is_no_window() {
    assert_fails(
        |s, _, _| *s += "[part_time]\navailable = \"after six\"\n",
        &["part_time.available", "not a daily window"],
    );
}

#[test]
fn part_time_chats_above_chats_at_once() {
    assert_fails(
        |s, _, _| {
            *s = s.replace(
                "answer_within_seconds = 30",
                "answer_within_seconds = 30\npart_time_chats_at_once = 2",
            )
        },
        &[
            "queues[0].part_time_chats_at_once",
            "between 1 and chats_at_once (1)",
        ],
    );
}

#[test]
fn cyclic_horizon_of_part_of_a_day() {
    assert_fails(
        |s, _, _| {
            *s = s
                .replace("end = \"2026-11-11T00:00\"", "end = \"2026-11-10T12:00\"")
                .replace(
                    "interval_minutes = 60",
                    "interval_minutes = 60\ncyclic = true",
                )
        },
        &["horizon.cyclic", "whole days"],
    );
}

/// The staff file with an optional `column` added, holding `value` for Li Wei.
fn with_column(staff: &mut String, column: &str, value: &str) {
    *staff = staff
        .replace(
            "max_hours_per_week\n",
            &format!("max_hours_per_week,{column}\n"),
        )
        .replace(",8,40\n", &format!(",8,40,{value}\n"));
}

#[test]
fn staff_days_in_a_row_that_is_no_number() {
    assert_fails(
        |_, _, st| with_column(st, "max_days_in_row", "six"),
        &["staff.csv: line 2, column 8 (max_days_in_row)", "\"six\""],
    );
}

#[test]
fn staff_contract_hours_above_the_weekly_limit() {
    assert_fails(
        |_, _, st| with_column(st, "contract_hours_per_week", "48"),
        &[
            "column 8 (contract_hours_per_week)",
            "from 0 to max_hours_per_week (40)",
        ],
    );
}

#[test]
fn staff_kind_that_is_no_contract() {
    assert_fails(
        |_, _, st| with_column(st, "kind", "student"),
        &[
            "staff.csv: line 2, column 8 (kind): \"student\" is not a kind of contract. write full-time or part-time (empty means full-time)",
        ],
    );
}

#[test]
fn staff_wage_that_is_negative() {
    assert_fails(
        |_, _, st| with_column(st, "wage_per_hour", "-30"),
        &[
            "staff.csv: line 2, column 8 (wage_per_hour): \"-30\" is not a wage per hour. e.g. 30, or leave it empty for the scenario's wage for the person's kind",
        ],
    );
}

#[test]
fn staff_min_hours_above_the_weekly_limit() {
    assert_fails(
        |_, _, st| with_column(st, "min_hours_per_week", "45"),
        &[
            "staff.csv: line 2, column 8 (min_hours_per_week): \"45\" is not a number of hours from 0 to max_hours_per_week (40). e.g. 16 for a student who needs at least 16 hours a week, or leave it empty",
        ],
    );
}

#[test]
fn staff_lead_that_is_not_yes_or_no() {
    assert_fails(
        |_, _, st| with_column(st, "lead", "supervisor"),
        &[
            "staff.csv: line 2, column 8 (lead): \"supervisor\" is not yes or no. write yes for a supervisor, no or nothing otherwise",
        ],
    );
}

#[test]
fn solver_gap_of_one_or_more() {
    // The same rule as `--gap`: a gap of 100% or more would accept any plan.
    assert_fails(
        |s, _, _| *s = format!("{s}\n[solver]\ntime_limit_seconds = 60\nrelative_gap = 1.5\n"),
        &[
            "solver.relative_gap",
            "1.5 is not a relative gap from 0 up to 1",
            "relative_gap = 0.001",
        ],
    );
    assert_fails(
        |s, _, _| *s = format!("{s}\n[solver]\ntime_limit_seconds = 0\nrelative_gap = 0\n"),
        &[
            "solver.time_limit_seconds",
            "0 is not a positive number of seconds",
        ],
    );
}

/// An event on the small scenario's day, with `target` as its target line.
fn event(target: &str) -> String {
    format!(
        "[[events]]\nname = \"Double 11\"\nstart = \"2026-11-10T10:00\"\nhours = 1\ncurve = [1.0]\n{target}\nservice_share = 0.4\nconversion_rate = 0.5\npresale_queue = \"presale\"\n"
    )
}

#[test]
fn a_range_out_of_order_or_incomplete() {
    assert_fails(
        |s, _, _| *s += &event("target_orders = { low = 300, mid = 200, high = 400 }"),
        &[
            "events[0].target_orders",
            "low 300, mid 200, high 400 are not in order",
            "low <= mid <= high",
        ],
    );
    assert_fails(
        |s, _, _| *s += &event("target_orders = { low = 100, high = 400 }"),
        &["line ", "a range needs low, mid and high"],
    );
    assert_fails(
        |s, _, _| *s += &event("target_orders = { low = 100, mid = 200, hi = 400 }"),
        &["unknown key `hi` in a range: give low, mid and high"],
    );
    assert_fails(
        |s, _, _| *s += &event("target_orders = { low = -1, mid = 200, high = 400 }"),
        &["events[0].target_orders.low", "-1 is not a positive number"],
    );
}

#[test]
fn valued_chats_need_a_queue_that_sells() {
    assert_fails(
        |s, _, _| {
            *s += "[value]\naverage_order_value = 200\nmargin = 0.3\nconversion_rate = 0.5\nqueues = [\"presales\"]\n"
        },
        &["value.queues", "unknown queue \"presales\"", "presale"],
    );
    assert_fails(
        |s, _, _| *s += "[value]\naverage_order_value = 200\nmargin = 0.3\n",
        &["value.conversion_rate", "no event gives a conversion rate"],
    );
    assert_fails(
        |s, _, _| {
            *s += &event("target_orders = 100");
            *s += "[value]\naverage_order_value = 200\nmargin = 1.5\n";
        },
        &["value.margin", "1.5"],
    );
}
