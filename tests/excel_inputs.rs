//! Inputs typed in Excel: the staff list, the availability file and the history saved as `.xlsx`
//! (first sheet, same columns) read and plan the same as the same tables as CSV; a bad cell is
//! named by file, Excel row and column; another workbook format is refused with how to save it;
//! `shiftcast template` writes workbooks the readers take.

use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use rust_xlsxwriter::{Format, Workbook};
use shiftcast::input::{read_availability, read_history, read_staff};
use shiftcast::scenario::Kind;
use shiftcast::{Error, Inputs, Overrides};

mod common;
use common::{folder, person, shiftcast, small_history, SMALL_SCENARIO};

/// One cell typed in Excel: text, a number, a date, a time of day or a date with a time.
enum Cell {
    Text(&'static str),
    Number(f64),
    Date(&'static str),
    Time(&'static str),
    DateTime(String),
}

/// Writes `rows` (the header first) on the first sheet of a workbook at `path`, each date or
/// time cell with the number format Excel gives what it shows.
fn workbook(path: &Path, rows: &[Vec<Cell>]) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let time = Format::new().set_num_format("hh:mm");
    let date_time = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell {
                Cell::Text(text) => sheet.write_string(r, c, *text),
                Cell::Number(x) => sheet.write_number(r, c, *x),
                Cell::Date(text) => {
                    let day = NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
                    sheet.write_datetime_with_format(r, c, day, &date)
                }
                Cell::Time(text) => {
                    let clock = NaiveTime::parse_from_str(text, "%H:%M").unwrap();
                    sheet.write_datetime_with_format(r, c, clock, &time)
                }
                Cell::DateTime(text) => {
                    let at = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").unwrap();
                    sheet.write_datetime_with_format(r, c, at, &date_time)
                }
            }
            .unwrap();
        }
    }
    book.save(path).unwrap();
}

const STAFF_CSV: &str =
    "name,group,skills,available,days_off,max_hours_per_day,max_hours_per_week\n\
Li Wei,main,presale,00:00-24:00,,8,40\n\
Wang Fang,backup,presale,08:00-20:00,2026-11-13,7.5,40\n";

/// [`STAFF_CSV`] as a manager types it in Excel: hours as numbers, the day off as a date cell.
fn staff_rows() -> Vec<Vec<Cell>> {
    use Cell::*;
    let header = STAFF_CSV.lines().next().unwrap().split(',').map(Text);
    vec![
        header.collect(),
        vec![
            Text("Li Wei"),
            Text("main"),
            Text("presale"),
            Text("00:00-24:00"),
            Text(""),
            Number(8.0),
            Number(40.0),
        ],
        vec![
            Text("Wang Fang"),
            Text("backup"),
            Text("presale"),
            Text("08:00-20:00"),
            Date("2026-11-13"),
            Number(7.5),
            Number(40.0),
        ],
    ]
}

/// The small scenario folder with its staff file at `file`.
fn inputs_with_staff(file: &str, write: impl FnOnce(&Path)) -> Inputs {
    let scenario = SMALL_SCENARIO.replace("file = \"staff.csv\"", &format!("file = \"{file}\""));
    let dir = folder(&scenario, &small_history("presale"), STAFF_CSV);
    write(&dir.path().join(file));
    Inputs::read(&dir.path().join("scenario.toml"), &Overrides::default()).unwrap()
}

#[test]
fn staff_list_typed_in_excel_plans_the_same_as_csv() {
    let csv = inputs_with_staff("staff.csv", |_| {});
    let xlsx = inputs_with_staff("Staff.XLSX", |path| workbook(path, &staff_rows()));
    assert_eq!(xlsx.staff, csv.staff);
    assert_eq!(xlsx.staff[1].max_hours_per_day, 7.5);
    assert_eq!(
        xlsx.staff[1].days_off,
        [NaiveDate::from_ymd_opt(2026, 11, 13).unwrap()]
    );
    let plan = |inputs: &Inputs| shiftcast::plan(inputs, &mut |_| {}).unwrap();
    let (from_csv, from_xlsx) = (plan(&csv), plan(&xlsx));
    assert!(!from_csv.roster.rows.is_empty());
    assert_eq!(from_xlsx.roster, from_csv.roster);
    assert_eq!(from_xlsx.report.summary, from_csv.report.summary);
}

#[test]
fn history_typed_in_excel_reads_the_same_as_csv() {
    let dir = tempfile::tempdir().unwrap();
    let text = small_history("presale");
    std::fs::write(dir.path().join("history.csv"), &text).unwrap();
    let mut rows = vec![vec![
        Cell::Text("timestamp"),
        Cell::Text("queue"),
        Cell::Text("inquiries"),
    ]];
    for line in text.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        rows.push(vec![
            Cell::DateTime(cells[0].to_string()),
            Cell::Text("presale"),
            Cell::Number(cells[2].parse().unwrap()),
        ]);
    }
    workbook(&dir.path().join("history.xlsx"), &rows);
    let csv = read_history(&dir.path().join("history.csv")).unwrap();
    let xlsx = read_history(&dir.path().join("history.xlsx")).unwrap();
    // 7 days x 24 hours, midnight rows included: a date-time cell at 00:00 keeps its time.
    assert_eq!(xlsx.series["presale"].len(), 7 * 24);
    assert_eq!(xlsx, csv);
}

#[test]
fn availability_typed_in_excel_reads_date_and_time_cells() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("availability.csv");
    std::fs::write(&csv, "name,date,from,to\nLi Wei,2026-11-10,08:00,16:00\n").unwrap();
    let xlsx = dir.path().join("availability.xlsx");
    use Cell::*;
    workbook(
        &xlsx,
        &[
            vec![Text("name"), Text("date"), Text("from"), Text("to")],
            vec![
                Text("Li Wei"),
                Date("2026-11-10"),
                Time("08:00"),
                Time("16:00"),
            ],
        ],
    );
    let read = |path: &Path| {
        let mut staff = vec![person("Li Wei", &["presale"])];
        read_availability(path, &mut staff).unwrap();
        staff
    };
    let from_xlsx = read(&xlsx);
    assert_eq!(from_xlsx, read(&csv));
    assert_eq!(from_xlsx[0].dated.len(), 1);
}

/// The error reading `rows` as a staff workbook named `file`: (place after the folder, problem).
fn staff_refused(file: &str, write: impl FnOnce(&Path)) -> (String, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(file);
    write(&path);
    match read_staff(&path, &["presale"]) {
        Err(Error::Input {
            place,
            problem,
            fix,
        }) => {
            let (_, after) = place.split_once(file).expect("the place names the file");
            (format!("{file}{after}"), problem, fix)
        }
        other => panic!("expected an input error, got {other:?}"),
    }
}

#[test]
fn bad_cell_in_a_workbook_names_file_row_and_column() {
    let (place, problem, _) = staff_refused("staff.xlsx", |path| {
        let mut rows = staff_rows();
        rows[2][5] = Cell::Text("eight");
        workbook(path, &rows);
    });
    // Wang Fang is on Excel row 3; max_hours_per_day is column F, the 6th.
    assert_eq!(place, "staff.xlsx: line 3, column 6 (max_hours_per_day)");
    assert_eq!(problem, "\"eight\" is not a positive number of hours");
}

#[test]
fn other_workbook_formats_are_refused_with_how_to_save() {
    for file in ["staff.xls", "staff.XLSM", "staff.ods"] {
        let (place, problem, fix) = staff_refused(file, |path| {
            std::fs::write(path, b"not read").unwrap();
        });
        assert_eq!(place, file);
        let extension = file.rsplit('.').next().unwrap().to_lowercase();
        assert!(
            problem.contains(&format!(".{extension} workbook")),
            "{problem}"
        );
        assert!(fix.contains("*.xlsx") && fix.contains("CSV UTF-8"), "{fix}");
    }
}

#[test]
fn broken_workbook_is_refused_with_how_to_save() {
    let (place, problem, fix) = staff_refused("staff.xlsx", |path| {
        std::fs::write(path, STAFF_CSV).unwrap();
    });
    assert_eq!(place, "staff.xlsx");
    assert!(
        problem.starts_with("the staff file cannot be read as an .xlsx workbook"),
        "{problem}"
    );
    assert!(fix.contains("*.xlsx") && fix.contains("CSV UTF-8"), "{fix}");
}

#[test]
fn template_writes_workbooks_the_readers_take() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("templates");
    let run = shiftcast(&["template", "--out", out.to_str().unwrap(), "--lang", "zh"]);
    assert!(run.status.success(), "{run:?}");
    let said = String::from_utf8(run.stdout).unwrap();
    assert!(said.contains("staff.xlsx、availability.xlsx"), "{said}");
    // The example row: the first person of data/double11/staff.csv.
    let mut staff = read_staff(&out.join("staff.xlsx"), &["presale", "aftersale"]).unwrap();
    assert_eq!(staff.len(), 1);
    let li = &staff[0];
    assert_eq!((li.name.as_str(), li.group.as_str()), ("Li Wei", "main"));
    assert_eq!(li.skills, ["presale", "aftersale"]);
    assert_eq!((li.max_hours_per_day, li.max_hours_per_week), (8.0, 40.0));
    // The optional columns are there too, filled in as a salaried lead with a 40-hour contract.
    assert_eq!(li.kind, Kind::FullTime);
    assert_eq!(
        (li.wage_per_hour, li.contract_hours_per_week),
        (None, Some(40.0))
    );
    assert_eq!(
        (li.min_hours_per_week, li.max_days_in_row, li.lead),
        (None, Some(6), true)
    );
    // Free on 2026-11-11 from 18:00 to 24:00 only.
    read_availability(&out.join("availability.xlsx"), &mut staff).unwrap();
    let at = |text: &str| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").unwrap();
    assert!(!staff[0].can_work_at(at("2026-11-11T17:00")));
    assert!(staff[0].can_work_at(at("2026-11-11T18:00")));
    assert!(staff[0].can_work_at(at("2026-11-12T09:00")));
}
