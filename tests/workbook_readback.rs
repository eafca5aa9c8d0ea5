//! plan.xlsx read back with calamine after planning the example, in English and Chinese: each
//! day sheet's head-count table holds coverage.csv's numbers for that day, the person x day
//! roster holds roster.csv's shifts (and days off), the call list holds the part-time rows of
//! roster.csv and standby.csv, the per-person totals people.csv's hours, and the summary the
//! scenario's assumptions.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use calamine::{open_workbook, Data, Range, Reader, Xlsx};
use chrono::NaiveDateTime;

/// How the workbook names what the test looks for, in one language.
struct Words {
    lang: &'static str,
    /// Day sheet name and roster column header of 2026-11-09 ... 2026-11-13 (a Monday).
    days: [&'static str; 5],
    queues: [(&'static str, &'static str); 2],
    roster: &'static str,
    off: &'static str,
    call_list: &'static str,
    per_person: &'static str,
    total: &'static str,
    summary: &'static str,
    assumptions: [(&'static str, Data); 4],
}

fn english() -> Words {
    Words {
        lang: "en",
        days: [
            "11-09 Mon",
            "11-10 Tue",
            "11-11 Wed",
            "11-12 Thu",
            "11-13 Fri",
        ],
        queues: [("presale", "presale"), ("aftersale", "aftersale")],
        roster: "Roster",
        off: "off",
        call_list: "Call list",
        per_person: "Per person",
        total: "total",
        summary: "Summary",
        assumptions: [
            ("target orders", Data::Float(30000.0)),
            ("conversion rate", Data::Float(0.5)),
            ("service target", Data::String("80% within 30 s".into())),
            ("Solver", Data::String("within-gap".into())),
        ],
    }
}

fn chinese() -> Words {
    Words {
        lang: "zh",
        days: [
            "11月9日 周一",
            "11月10日 周二",
            "11月11日 周三",
            "11月12日 周四",
            "11月13日 周五",
        ],
        queues: [("presale", "售前"), ("aftersale", "售后")],
        roster: "排班表",
        off: "休",
        call_list: "兼职通知表",
        per_person: "个人班次",
        total: "合计",
        summary: "概要",
        assumptions: [
            ("目标订单数", Data::Float(30000.0)),
            ("转化率", Data::Float(0.5)),
            ("服务目标", Data::String("30秒内回复80%".into())),
            ("求解状态", Data::String("在允许差距内".into())),
        ],
    }
}

/// The rows of a CSV the plan wrote, header first, by column name.
fn csv(path: &Path) -> Vec<BTreeMap<String, String>> {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let headers = reader.headers().unwrap().clone();
    (reader.records())
        .map(|r| {
            let r = r.unwrap();
            (headers.iter().zip(r.iter()))
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

fn time(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").unwrap()
}

fn cell(sheet: &Range<Data>, row: usize, col: usize) -> Data {
    sheet
        .get_value((row as u32, col as u32))
        .cloned()
        .unwrap_or(Data::Empty)
}

fn text(sheet: &Range<Data>, row: usize, col: usize) -> String {
    match cell(sheet, row, col) {
        Data::String(s) => s,
        Data::Empty => String::new(),
        other => panic!("not text at ({row}, {col}): {other:?}"),
    }
}

fn number(sheet: &Range<Data>, row: usize, col: usize) -> f64 {
    match cell(sheet, row, col) {
        Data::Float(x) => x,
        Data::Int(x) => x as f64,
        other => panic!("not a number at ({row}, {col}): {other:?}"),
    }
}

fn date_time(sheet: &Range<Data>, row: usize, col: usize) -> NaiveDateTime {
    match cell(sheet, row, col) {
        Data::DateTime(t) => t.as_datetime().unwrap(),
        other => panic!("not a date-time at ({row}, {col}): {other:?}"),
    }
}

/// `22-06`: a shift's hours as the roster's codes write them (midnight ending it: 24).
fn hours(start: NaiveDateTime, end: NaiveDateTime) -> String {
    let end_hour = match end.format("%H").to_string().as_str() {
        "00" => "24".to_string(),
        h => h.to_string(),
    };
    format!("{}-{end_hour}", start.format("%H"))
}

/// Plans `scenario` in `lang` into `dir`/plan; returns the plan folder.
fn plan(dir: &Path, scenario: &Path, lang: &str) -> std::path::PathBuf {
    let out = dir.join("plan");
    let (scenario, folder) = (scenario.to_str().unwrap(), out.to_str().unwrap());
    let output = common::shiftcast(&["--quiet", "--lang", lang, "plan", scenario, "--out", folder]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    out
}

fn check(words: Words) {
    let dir = tempfile::tempdir().unwrap();
    let out = plan(dir.path(), &common::example(), words.lang);
    let mut book: Xlsx<_> = open_workbook(out.join("plan.xlsx")).unwrap();
    day_tables(&mut book, &out, &words);
    roster_by_day(&mut book, &out, &words);
    call_list(&mut book, &out, &words);
    per_person(&mut book, &out, &words);
    summary(&mut book, &words);
}

/// Each planned day's table: the hours in order, and per queue required, scheduled and
/// part-timers as coverage.csv has them.
fn day_tables(book: &mut Xlsx<std::io::BufReader<std::fs::File>>, out: &Path, words: &Words) {
    let coverage = csv(&out.join("coverage.csv"));
    assert_eq!(coverage.len(), 2 * 4 * 24, "two queues, four days of hours");
    for (d, day) in words.days.iter().enumerate().skip(1) {
        let sheet = book.worksheet_range(day).unwrap();
        let date = format!("2026-11-{}", 9 + d);
        let mut checked = 0;
        for (queue, label) in words.queues {
            // The queue's label heads its three columns in row 1.
            let col = (2..12).find(|&c| text(&sheet, 1, c) == label).unwrap();
            let rows = coverage
                .iter()
                .filter(|r| r["queue"] == queue && r["timestamp"].starts_with(&date));
            for (hour, r) in rows.enumerate() {
                let row = 3 + hour;
                assert_eq!(
                    date_time(&sheet, row, 0),
                    time(&r["timestamp"]),
                    "{day} row {row}"
                );
                for (k, column) in ["required", "scheduled", "part_time"].iter().enumerate() {
                    let want: f64 = r[*column].parse().unwrap();
                    assert_eq!(
                        number(&sheet, row, col + k),
                        want,
                        "{day} {queue} {column} at {hour}:00"
                    );
                }
                checked += 1;
            }
        }
        assert_eq!(checked, 48, "{day}: 24 hours of both queues");
    }
}

/// The person x day roster: each roster.csv shift's hours in its start date's column, 休/off
/// on a planned date without one, nothing on the day before the plan without one.
fn roster_by_day(book: &mut Xlsx<std::io::BufReader<std::fs::File>>, out: &Path, words: &Words) {
    let sheet = book.worksheet_range(words.roster).unwrap();
    let people = csv(&out.join("people.csv"));
    let roster = csv(&out.join("roster.csv"));
    for (d, day) in words.days.iter().enumerate() {
        assert_eq!(text(&sheet, 0, 2 + d), *day);
    }
    let mut seen = 0;
    for (p, person) in people.iter().enumerate() {
        let row = p + 1;
        assert_eq!(text(&sheet, row, 0), person["name"]);
        for (d, day) in words.days.iter().enumerate() {
            let date = format!("2026-11-{:02}", 9 + d);
            let mut shifts: Vec<(NaiveDateTime, NaiveDateTime)> = (roster.iter())
                .filter(|r| r["name"] == person["name"] && r["start"].starts_with(&date))
                .map(|r| (time(&r["start"]), time(&r["end"])))
                .collect();
            shifts.sort();
            let got = text(&sheet, row, 2 + d);
            if shifts.is_empty() {
                let want = if d == 0 { "" } else { words.off };
                assert_eq!(got, want, "{} on {day}", person["name"]);
                continue;
            }
            let codes: Vec<&str> = got.split(" / ").collect();
            assert_eq!(
                codes.len(),
                shifts.len(),
                "{} on {day}: {got}",
                person["name"]
            );
            for (code, (start, end)) in codes.iter().zip(&shifts) {
                let parts: Vec<&str> = code.split(' ').collect();
                assert_eq!(
                    parts[1],
                    hours(*start, *end),
                    "{} on {day}: {got}",
                    person["name"]
                );
                seen += 1;
            }
        }
    }
    assert_eq!(seen, roster.len(), "every roster.csv shift has its cell");
}

/// The call list: the part-time rows of roster.csv and the rows of standby.csv, by start.
fn call_list(book: &mut Xlsx<std::io::BufReader<std::fs::File>>, out: &Path, words: &Words) {
    let sheet = book.worksheet_range(words.call_list).unwrap();
    let label = |queue: &str| words.queues.iter().find(|q| q.0 == queue).unwrap().1;
    let roster = csv(&out.join("roster.csv"));
    let standby = csv(&out.join("standby.csv"));
    let mut want: Vec<(NaiveDateTime, String, NaiveDateTime, &str)> = (roster.iter())
        .filter(|r| r["kind"] == "part-time")
        .chain(&standby)
        .map(|r| {
            (
                time(&r["start"]),
                r["name"].clone(),
                time(&r["end"]),
                label(&r["queue"]),
            )
        })
        .collect();
    want.sort();
    assert!(want.len() > standby.len() && !standby.is_empty());
    assert_eq!(
        sheet.height(),
        want.len() + 1,
        "the header and one row per shift"
    );
    for (i, (start, name, end, queue)) in want.iter().enumerate() {
        let row = i + 1;
        assert_eq!(text(&sheet, row, 0), *name);
        assert_eq!(
            date_time(&sheet, row, 2),
            start.date().and_hms_opt(0, 0, 0).unwrap()
        );
        assert_eq!(date_time(&sheet, row, 3), *start);
        assert_eq!(date_time(&sheet, row, 4), *end);
        assert_eq!(text(&sheet, row, 5), *queue);
    }
}

/// Each person's total row holds their hours in people.csv.
fn per_person(book: &mut Xlsx<std::io::BufReader<std::fs::File>>, out: &Path, words: &Words) {
    let sheet = book.worksheet_range(words.per_person).unwrap();
    let people = csv(&out.join("people.csv"));
    let totals: Vec<f64> = (0..sheet.height())
        .filter(|&r| text(&sheet, r, 6) == words.total)
        .map(|r| number(&sheet, r, 7))
        .collect();
    let hours: Vec<f64> = people.iter().map(|p| p["hours"].parse().unwrap()).collect();
    assert_eq!(totals, hours);
}

/// The summary's assumptions (the example's 30000 orders, 50% conversion, 80% within 30 s) and
/// the solver's status in the sheet's language.
fn summary(book: &mut Xlsx<std::io::BufReader<std::fs::File>>, words: &Words) {
    let sheet = book.worksheet_range(words.summary).unwrap();
    for (label, want) in &words.assumptions {
        let row = (0..sheet.height()).find(|&r| text(&sheet, r, 0).trim() == *label);
        let row = row.unwrap_or_else(|| panic!("no line {label}"));
        assert_eq!(cell(&sheet, row, 1), *want, "{label}");
    }
}

#[test]
fn english_workbook_reads_back_as_the_csv_files() {
    check(english());
}

#[test]
fn chinese_workbook_reads_back_as_the_csv_files() {
    check(chinese());
}

/// The small scenario in 15-minute intervals from requirements, with an after-sale queue and
/// part-timers from 10:00.
fn quarter_hours() -> String {
    let aftersale = "[[queues]]\nname = \"aftersale\"\nhandle_time_seconds = 180\n\
                     service_level = 0.8\nanswer_within_seconds = 30\n";
    let part_time =
        "[[shifts]]\nname = \"pt\"\nstart = \"10:00\"\nhours = 4\nkinds = [\"part-time\"]\n";
    let scenario = (common::SMALL_SCENARIO)
        .replace("interval_minutes = 60", "interval_minutes = 15")
        .replace("[history]", "[requirements]")
        .replace("history.csv", "requirements.csv");
    format!("{scenario}{aftersale}{part_time}")
}

#[test]
fn a_day_of_quarter_hours_shows_its_grid_in_two_blocks_of_48() {
    let mut requirements = String::from("timestamp,queue,agents\n");
    for quarter in 0..96 {
        let at = format!("2026-11-10T{:02}:{:02}", quarter / 4, quarter % 4 * 15);
        let agents = u32::from((36..64).contains(&quarter)); // 09:00-16:00
        for queue in ["presale", "aftersale"] {
            requirements += &format!("{at},{queue},{agents}\n");
        }
    }
    let staff = common::SMALL_STAFF.replace(",presale,", ",presale;aftersale,");
    let dir = common::folder(&quarter_hours(), "", &staff);
    std::fs::write(dir.path().join("requirements.csv"), requirements).unwrap();
    let out = plan(dir.path(), &dir.path().join("scenario.toml"), "en");
    let mut book: Xlsx<_> = open_workbook(out.join("plan.xlsx")).unwrap();
    let sheet = book.worksheet_range("11-10 Tue").unwrap();
    // The head count: 96 rows from 00:00 (row 3) to 23:45.
    assert_eq!(date_time(&sheet, 3, 0), time("2026-11-10T00:00"));
    assert_eq!(date_time(&sheet, 98, 0), time("2026-11-10T23:45"));
    assert_eq!(number(&sheet, 3 + 36, 2), 1.0, "presale needs 1 at 09:00");
    // Two grid blocks, each headed by name, group and 48 quarter hours.
    let heads: Vec<usize> = (99..sheet.height())
        .filter(|&r| text(&sheet, r, 0) == "name")
        .collect();
    assert_eq!(heads.len(), 2, "{heads:?}");
    for (head, (first, last)) in heads.iter().zip([("00:00", "11:45"), ("12:00", "23:45")]) {
        assert_eq!(
            date_time(&sheet, *head, 2),
            time(&format!("2026-11-10T{first}"))
        );
        assert_eq!(
            date_time(&sheet, *head, 49),
            time(&format!("2026-11-10T{last}"))
        );
        assert_eq!(cell(&sheet, *head, 50), Data::Empty);
    }
}
