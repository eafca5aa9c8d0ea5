//! Every bad actuals file, and a plan folder whose roster was broken by hand, gets a one-line
//! error naming the file, line and column, what is wrong and how to fix it; a good file comes
//! back whole and in order.

use std::path::PathBuf;

use shiftcast::input::{read_actuals, read_written_plan};
use shiftcast::intraday::Actual;
use shiftcast::scenario::Scenario;
use shiftcast::time::parse_time;

mod common;
use common::{given, hourly_scenario, person, requirements};

/// `days` days from 2026-11-11 in hourly intervals with `queues` and a day shift.
fn hourly(queues: &[&str], days: u32) -> Scenario {
    hourly_scenario(
        "[[shifts]]\nname = \"day\"\nstart = \"08:00\"\nhours = 8\n",
        queues,
        days,
    )
}

/// A day from 2026-11-11 in hourly intervals with queues presale and aftersale.
fn two_queues() -> Scenario {
    hourly(&["presale", "aftersale"], 1)
}

/// Reads `text` as an actuals file of [`two_queues`].
fn read(text: &str) -> shiftcast::Result<Vec<Actual>> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("actuals.csv");
    std::fs::write(&path, text).unwrap();
    read_actuals(&path, &two_queues())
}

/// The error is one line holding every one of `expected`.
fn assert_fails(result: shiftcast::Result<impl std::fmt::Debug>, expected: &[&str]) {
    let message = result.expect_err("should fail").to_string();
    assert_eq!(message.lines().count(), 1, "one line: {message}");
    for part in expected {
        assert!(message.contains(part), "expected {part:?} in: {message}");
    }
}

const HEAD: &str = "timestamp,queue,inquiries,answered_within_target,orders\n";

#[test]
fn a_good_file_comes_back_by_time_then_queue_with_empty_cells_unknown() {
    // Columns in another order, aftersale before presale, rows out of time order.
    let text = "queue,orders,timestamp,inquiries,service_orders,agents_logged_in\n\
                aftersale,,2026-11-11T01:00,4,,2\n\
                presale,120,2026-11-11T01:00,30,12,\n\
                aftersale,,2026-11-11T00:00,5,,2.5\n\
                presale,100,2026-11-11T00:00,40,,3\n";
    let actuals = read(text).unwrap();
    let at = |t: &str| parse_time(t).unwrap();
    let rows: Vec<(_, &str, f64)> = actuals
        .iter()
        .map(|a| (a.time, a.queue.as_str(), a.inquiries))
        .collect();
    assert_eq!(
        rows,
        [
            (at("2026-11-11T00:00"), "presale", 40.0),
            (at("2026-11-11T00:00"), "aftersale", 5.0),
            (at("2026-11-11T01:00"), "presale", 30.0),
            (at("2026-11-11T01:00"), "aftersale", 4.0),
        ]
    );
    assert_eq!(actuals[0].orders, Some(100.0));
    assert_eq!(actuals[0].service_orders, None);
    assert_eq!(actuals[0].agents_logged_in, Some(3.0));
    assert_eq!(actuals[1].agents_logged_in, Some(2.5));
    assert_eq!(actuals[1].orders, None);
    assert_eq!(actuals[2].service_orders, Some(12.0));
    assert_eq!(actuals[3].answered_within_target, None);
}

#[test]
fn an_unknown_queue_lists_the_scenario_queues() {
    assert_fails(
        read(&format!(
            "{HEAD}2026-11-11T00:00,presale,3,,\n2026-11-11T00:00,refunds,3,,\n"
        )),
        &[
            "actuals.csv: line 3, column 2 (queue)",
            "\"refunds\" is not a queue",
            "use one of presale, aftersale",
        ],
    );
}

#[test]
fn a_bad_timestamp() {
    assert_fails(
        read(&format!("{HEAD}11/11/2026 00:00,presale,3,,\n")),
        &[
            "line 2, column 1 (timestamp)",
            "\"11/11/2026 00:00\" is not a date and time",
            "YYYY-MM-DDTHH:MM",
        ],
    );
}

#[test]
fn a_timestamp_off_the_horizons_grid() {
    assert_fails(
        read(&format!("{HEAD}2026-11-11T10:30,presale,3,,\n")),
        &[
            "line 2, column 1 (timestamp)",
            "not the start of one of the horizon's 60-minute intervals",
            "from 2026-11-11T00:00 to before 2026-11-12T00:00",
        ],
    );
}

#[test]
fn a_timestamp_outside_the_horizon() {
    assert_fails(
        read(&format!("{HEAD}2026-11-12T00:00,presale,3,,\n")),
        &["line 2, column 1 (timestamp)", "outside the plan's horizon"],
    );
}

#[test]
fn a_negative_or_unreadable_count() {
    assert_fails(
        read(&format!("{HEAD}2026-11-11T00:00,presale,-3,,\n")),
        &["line 2, column 3 (inquiries)", "-3 inquiries is negative"],
    );
    assert_fails(
        read(&format!("{HEAD}2026-11-11T00:00,presale,many,,\n")),
        &["line 2, column 3 (inquiries)", "\"many\" is not a count"],
    );
    assert_fails(
        read(&format!("{HEAD}2026-11-11T00:00,presale,3,,-1\n")),
        &["line 2, column 5 (orders)", "-1 orders is negative"],
    );
    assert_fails(
        read(&format!("{HEAD}2026-11-11T00:00,presale,3,all,\n")),
        &[
            "line 2, column 4 (answered_within_target)",
            "\"all\" is not a number",
        ],
    );
}

#[test]
fn more_answered_than_arrived() {
    assert_fails(
        read(&format!("{HEAD}2026-11-11T00:00,presale,3,4,\n")),
        &[
            "line 2, column 4 (answered_within_target)",
            "4 answered_within_target is more than the row's 3 inquiries",
        ],
    );
}

#[test]
fn the_same_queue_and_interval_twice() {
    assert_fails(
        read(&format!(
            "{HEAD}2026-11-11T00:00,presale,3,,\n2026-11-11T01:00,presale,3,,\n2026-11-11T00:00,presale,5,,\n"
        )),
        &[
            "actuals.csv: line 4",
            "a second row for 2026-11-11T00:00 presale (the first is on line 2)",
        ],
    );
}

#[test]
fn orders_on_two_queues_rows_of_one_interval() {
    assert_fails(
        read(&format!(
            "{HEAD}2026-11-11T00:00,presale,3,,10\n2026-11-11T00:00,aftersale,1,,10\n"
        )),
        &[
            "line 3",
            "orders for 2026-11-11T00:00 on a second queue's row",
        ],
    );
}

#[test]
fn a_missing_column() {
    assert_fails(
        read("timestamp,queue,chats\n2026-11-11T00:00,presale,3\n"),
        &["line 1", "no \"inquiries\" column"],
    );
}

/// A plan folder of [`two_queues`] with one person on the day shift, in a temporary folder.
fn written_plan() -> (tempfile::TempDir, PathBuf) {
    let s = two_queues();
    let need = requirements(&s, |q, i| u32::from(q == 0 && (8..16).contains(&i)));
    let inputs = given(s, vec![person("Li Wei", &["presale"])], need);
    let plan = shiftcast::plan(&inputs, &mut |_| {}).unwrap();
    let how = shiftcast::output::PlanOutputs {
        scenario: &inputs.scenario,
        history: &Default::default(),
        lang: shiftcast::labels::Lang::En,
        excel_csv: false,
        curve: None,
    };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan");
    let files = shiftcast::output::plan_files(&plan, &how).unwrap();
    shiftcast::output::write_output_dir(&out, &files).unwrap();
    (dir, out)
}

/// [`written_plan`] with its roster.csv edited by `edit`, read back.
fn read_edited_plan(edit: impl Fn(&str) -> String) -> shiftcast::Result<()> {
    let (_dir, out) = written_plan();
    let roster = out.join("roster.csv");
    let text = std::fs::read_to_string(&roster).unwrap();
    assert!(text.contains(",presale 08:00-16:00\n"), "{text}");
    std::fs::write(&roster, edit(&text)).unwrap();
    read_written_plan(&out, &two_queues()).map(|_| ())
}

#[test]
fn a_broken_detail_cell_in_the_roster() {
    assert_fails(
        read_edited_plan(|t| t.replace("presale 08:00-16:00", "presale 08:00 to 16:00")),
        &[
            "roster.csv: line 2, column 10 (detail)",
            "\"presale 08:00 to 16:00\" is not a period NAME HH:MM-HH:MM",
        ],
    );
    assert_fails(
        read_edited_plan(|t| t.replace("presale 08:00-16:00", "presale 08:00-17:00")),
        &[
            "column 10 (detail)",
            "runs past the shift's end at 2026-11-11T16:00",
        ],
    );
}

#[test]
fn a_roster_from_another_scenario() {
    assert_fails(
        read_edited_plan(|t| t.replace("Li Wei,presale", "Li Wei,refunds")),
        &[
            "roster.csv: line 2, column 2 (queue)",
            "written from another scenario",
            "run `shiftcast plan",
        ],
    );
}

#[test]
fn requirements_from_another_scenario() {
    let (_dir, out) = written_plan();
    let two_days = hourly(&["presale", "aftersale"], 2);
    assert_fails(
        read_written_plan(&out, &two_days),
        &[
            "requirements.csv: line 26",
            "written from another scenario",
            "a row for 2026-11-11T00:00 aftersale where the scenario's queues and horizon have 2026-11-12T00:00 presale",
        ],
    );
    let one_queue = hourly(&["presale"], 1);
    assert_fails(
        read_written_plan(&out, &one_queue),
        &["line 26", "have no more rows"],
    );
}

#[test]
fn a_shift_that_does_not_fit_the_horizon() {
    assert_fails(
        read_edited_plan(|t| t.replace("2026-11-11T16:00,full-time", "9999-11-11T16:00,full-time")),
        &[
            "roster.csv: line 2, column 3 (start)",
            "a shift from 2026-11-11T08:00 to 9999-11-11T16:00 does not fit its horizon",
        ],
    );
}
