//! Each person's share of a plan, worked by hand on a weekend where every shift is forced:
//! `people.csv`, the wage in `roster.csv`, the summary's paid-but-idle contract hours and hours
//! per person, the printed lines in both languages and the workbook's People sheet.
//!
//! The weekend of 2026-11-14 (Saturday) and 15 (Sunday), hourly, one queue. Templates: `day`
//! 08:00 8 h and `night` 22:00 8 h for staff, `pt` 08:00 4 h for hired part-timers. Agents
//! required: 2 on Saturday 08-12, 1 on 12-16, 1 from 22:00 to Sunday 06:00, else none.
//! - Ana (main, 30 an hour, contract 35 a week, salaried) can work 08:00-16:00 and not on
//!   Sunday: her only shift is Saturday's `day`, which the 12-16 hour needs.
//! - Bo (night, 20 an hour of his own, at least 14 hours a week, so salaried for those) can
//!   work 22:00-06:00: Saturday's `night` shift, which the night needs.
//! - =Cai (main) is off both days: no shift, 0 hours; with no contract column, salaried for a
//!   full week (max_hours_per_week, 40).
//! - the second agent on Saturday 08-12 is a hired part-timer, PT-01, at 45 an hour.
//!
//! The plan covers 2/7 of a week: Ana's contract is 35 x 2/7 = 10 hours, Bo's minimum 14 x 2/7
//! = 4, =Cai's 40 x 2/7 = 11.43, all paid (25.43 in all); Ana works 8 of her 10 (2 idle), Bo 8
//! of his 4 (none idle), =Cai none (11.43 idle): 13.43 idle.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use shiftcast::labels::Lang;
use shiftcast::output::{self, OutputFile, PlanOutputs};
use shiftcast::scenario::{Person, Preference, Scenario};
use shiftcast::schedule::BelowMinimum;
use shiftcast::time::{parse_time, ClockWindow};
use shiftcast::Plan;

mod common;
use common::{given, person, requirements, scenario};

const WEEKEND: &str = r#"
[horizon]
start = "2026-11-14T00:00"
end = "2026-11-16T00:00"
interval_minutes = 60
[history]
file = "unused.csv"
[staff]
file = "unused.csv"
[costs]
full_time_per_hour = 30
part_time_per_hour = 45
shortfall_per_agent_hour = 1000
full_time_salaried = true
[part_time]
skills = ["presale"]
available = "00:00-24:00"
weekend_available = "00:00-24:00"
min_shift_hours = 4
max_shift_hours = 4
[[queues]]
name = "presale"
handle_time_seconds = 180
service_level = 0.8
answer_within_seconds = 30
[[shifts]]
name = "day"
start = "08:00"
hours = 8
kinds = ["full-time"]
[[shifts]]
name = "night"
start = "22:00"
hours = 8
kinds = ["full-time"]
[[shifts]]
name = "pt"
start = "08:00"
hours = 4
kinds = ["part-time"]
"#;

fn window(text: &str) -> ClockWindow {
    ClockWindow::parse(text).unwrap()
}

fn preference(start: &str, end: &str, weight: f64) -> Preference {
    Preference {
        start: parse_time(start).unwrap(),
        end: parse_time(end).unwrap(),
        weight,
    }
}

fn staff() -> Vec<Person> {
    let sunday = parse_time("2026-11-15T00:00").unwrap().date();
    let ana = Person {
        available: window("08:00-16:00"),
        days_off: vec![sunday],
        contract_hours_per_week: Some(35.0),
        // 2 h of her shift inside a wish of weight 2, 1 h inside one of weight -1: 4 - 1 = 3.
        preferences: vec![
            preference("2026-11-14T06:00", "2026-11-14T10:00", 2.0),
            preference("2026-11-14T15:00", "2026-11-14T18:00", -1.0),
            preference("2026-11-15T08:00", "2026-11-15T16:00", 5.0),
        ],
        ..person("Ana", &["presale"])
    };
    let bo = Person {
        group: "night".into(),
        available: window("22:00-06:00"),
        wage_per_hour: Some(20.0),
        min_hours_per_week: Some(14.0),
        ..person("Bo", &["presale"])
    };
    let cai = Person {
        days_off: vec![sunday.pred_opt().unwrap(), sunday],
        ..person("=Cai", &["presale"])
    };
    vec![ana, bo, cai]
}

fn weekend() -> Scenario {
    scenario(WEEKEND)
}

/// The weekend planned, and every file of its folder in `lang`.
fn planned(lang: Lang) -> (Plan, Vec<OutputFile>) {
    let scenario = weekend();
    let need = requirements(&scenario, |_, hour| match hour {
        8..=11 => 2,
        12..=15 | 22..=29 => 1,
        _ => 0,
    });
    let inputs = given(scenario, staff(), need);
    let plan = shiftcast::plan(&inputs, &mut |_| {}).unwrap();
    let how = PlanOutputs {
        scenario: &inputs.scenario,
        history: inputs.demand.history(),
        lang,
        excel_csv: false,
        curve: None,
    };
    let files = output::plan_files(&plan, &how).unwrap();
    (plan, files)
}

fn file<'a>(files: &'a [OutputFile], name: &str) -> &'a str {
    let file = files.iter().find(|f| f.name == name).unwrap();
    std::str::from_utf8(&file.contents).unwrap()
}

#[test]
fn people_csv_has_everyone_with_their_hand_worked_numbers() {
    let (plan, files) = planned(Lang::En);
    assert_eq!(plan.report.summary.shortfall_agent_hours, 0.0);
    assert_eq!(
        file(&files, "people.csv"),
        "name,kind,group,hours,contract_hours,min_hours,night_shifts,weekend_days,preference_score\n\
         Ana,full-time,main,8.00,10.00,,0,1,3.00\n\
         Bo,full-time,night,8.00,,4.00,1,1,0.00\n\
         '=Cai,full-time,main,0.00,,,0,0,0.00\n\
         PT-01,part-time,part-time,4.00,,,0,1,0.00\n"
    );
}

#[test]
fn roster_csv_gives_each_shift_its_persons_wage() {
    let (_, files) = planned(Lang::En);
    let roster: Vec<Vec<&str>> = file(&files, "roster.csv")
        .lines()
        .map(|l| l.split(',').take(9).collect())
        .collect();
    assert_eq!(
        roster[0],
        ["name", "queue", "start", "end", "kind", "group", "shift", "hours", "wage"]
    );
    let wages: Vec<(&str, &str)> = roster[1..].iter().map(|r| (r[0], r[8])).collect();
    assert_eq!(
        wages,
        [("Ana", "30.00"), ("PT-01", "45.00"), ("Bo", "20.00")]
    );
}

#[test]
fn summary_reports_idle_contract_hours_and_hours_per_group() {
    let (plan, files) = planned(Lang::En);
    let summary: serde_json::Value = serde_json::from_str(file(&files, "summary.json")).unwrap();
    assert_eq!(summary["paid_contract_hours"], 25.43);
    assert_eq!(summary["idle_contract_hours"], 13.43);
    assert_eq!(
        summary["hours_per_person"],
        serde_json::json!([
            {"group": "main", "fewest": 0.0, "most": 8.0},
            {"group": "night", "fewest": 8.0, "most": 8.0},
        ])
    );
    let en = output::text::summary(&plan.report.summary, Lang::En);
    assert!(
        en.contains("\nContract hours paid but idle: 13.43 of 25.43\n"),
        "{en}"
    );
    assert!(
        en.contains("\nHours per person: main 0-8, night 8-8\n"),
        "{en}"
    );
    let zh = output::text::summary(&plan.report.summary, Lang::Zh);
    assert!(
        zh.contains("\n已付薪未排班的合同工时：13.43（共付 25.43）\n"),
        "{zh}"
    );
    assert!(zh.contains("\n每人工时：主力 0-8，night 8-8\n"), "{zh}");
    assert!(file(&files, "report.html").contains("Contract hours paid but idle: 13.43 of 25.43"));
}

#[test]
fn the_solver_line_names_the_time_limit_only_when_it_ended_the_search() {
    // A plan within the gap carries the gap it reached in summary.json, but the line says only
    // the status; a plan the time limit ended says so, with its gap.
    let mut plan = planned(Lang::En).0;
    plan.report.summary.solver_status = "within-gap";
    plan.report.summary.solver_gap = Some(0.004);
    let en = output::text::summary(&plan.report.summary, Lang::En);
    assert!(en.ends_with("\nSolver: within-gap\n"), "{en}");
    plan.report.summary.solver_status = "time-limit";
    let en = output::text::summary(&plan.report.summary, Lang::En);
    assert!(
        en.ends_with(
            "\nSolver: time-limit (the time limit ended the search; gap to the best bound proved: 0.4%)\n"
        ),
        "{en}"
    );
    // No bound proved (the month with the rules on: its relaxation does not finish): no "100%".
    plan.report.summary.solver_gap = Some(1.0);
    let en = output::text::summary(&plan.report.summary, Lang::En);
    assert!(
        en.ends_with(
            "\nSolver: time-limit (the time limit ended the search before any bound was proved)\n"
        ),
        "{en}"
    );
    let zh = output::text::summary(&plan.report.summary, Lang::Zh);
    assert!(
        zh.ends_with("\n求解状态：达到时间上限（求解时间已到上限，尚未证明任何下界）\n"),
        "{zh}"
    );
}

#[test]
fn a_long_list_of_weeks_below_minimum_is_counted_after_the_first_five() {
    let mut plan = planned(Lang::En).0;
    plan.report.summary.below_minimum = (0..7)
        .map(|k| BelowMinimum {
            person: format!("P{k}"),
            week: 0,
            hours: 8.0 + f64::from(k),
        })
        .collect();
    let en = output::text::summary(&plan.report.summary, Lang::En);
    assert_eq!(en.matches("Below minimum hours").count(), 6, "{en}");
    assert!(en.contains("\nBelow minimum hours (min_hours_per_week): P4 short 12 h in week 1\n"));
    // P5 and P6: 13 + 14 hours.
    assert!(en.contains(
        "\nBelow minimum hours (min_hours_per_week): 2 more person-weeks, 27 h short in all (people.csv, below_minimum in summary.json)\n"
    ));
    let zh = output::text::summary(&plan.report.summary, Lang::Zh);
    assert!(zh.contains(
        "\n最低工时未满足（min_hours_per_week）：另有 2 人·周，共少 27 小时（见 people.csv 与 summary.json 的 below_minimum）\n"
    ));
    plan.report.summary.below_minimum.truncate(5);
    let en = output::text::summary(&plan.report.summary, Lang::En);
    assert!(!en.contains("more person-weeks"), "{en}");
}

#[test]
fn no_idle_line_without_salaried_full_timers() {
    let mut plan = planned(Lang::En).0;
    plan.report.summary.paid_contract_hours = 0.0;
    let en = output::text::summary(&plan.report.summary, Lang::En);
    assert!(!en.contains("idle"), "{en}");
    assert!(en.contains("Hours per person"), "{en}");
}

#[test]
fn the_workbook_has_a_people_sheet_with_the_same_rows() {
    let (_, files) = planned(Lang::Zh);
    let xlsx = files.iter().find(|f| f.name == "plan.xlsx").unwrap();
    let mut book = Xlsx::new(Cursor::new(xlsx.contents.clone())).unwrap();
    let people = book.worksheet_range("人员").unwrap();
    let rows: Vec<&[Data]> = people.rows().collect();
    assert_eq!(rows.len(), 5, "the header and four people");
    assert_eq!(rows[0][4], Data::String("合同工时".into()));
    assert_eq!(rows[0][7], Data::String("周末出勤天数".into()));
    assert_eq!(rows[1][0], Data::String("Ana".into()));
    assert_eq!(rows[1][1], Data::String("全职".into()));
    assert_eq!(rows[1][4], Data::Float(10.0));
    assert_eq!(rows[1][5], Data::Empty);
    assert_eq!(rows[1][8], Data::Float(3.0));
    assert_eq!(rows[2][5], Data::Float(4.0));
    assert_eq!(rows[2][6], Data::Float(1.0));
    assert_eq!(rows[3][0], Data::String("=Cai".into()));
    assert_eq!(rows[4][0], Data::String("PT-01".into()));
    assert_eq!(rows[4][2], Data::String("兼职".into()));
    let summary = book.worksheet_range("概要").unwrap();
    let row = |label: &str| {
        summary
            .rows()
            .find(|r| r[0] == Data::String(label.into()))
            .unwrap_or_else(|| panic!("{label}"))
            .to_vec()
    };
    assert_eq!(row("已付薪未排班的合同工时")[1], Data::Float(13.43));
    assert_eq!(row("每人工时 (主力)")[1], Data::String("0-8".into()));
}
