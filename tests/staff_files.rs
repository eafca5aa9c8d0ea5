//! The staff file's optional columns and the two files beside it, read: the availability file
//! (a person's windows on given dates) and the preferences file (stretches they would like or
//! would rather not work). Good rows give the values worked out by hand, every bad cell is
//! refused naming its line and column, and one plan shows a dated window changing who works.

use std::path::Path;

use chrono::NaiveDate;
use shiftcast::input::{read_availability, read_preferences};
use shiftcast::scenario::{DatedWindow, Kind, Person, Preference};
use shiftcast::time::parse_time;
use shiftcast::{Error, Inputs, Overrides};

mod common;
use common::{folder, person, small_history, SMALL_SCENARIO, SMALL_STAFF};

fn at(text: &str) -> chrono::NaiveDateTime {
    parse_time(text).unwrap()
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// Li Wei and Wang Fang, always available, with `text` written as `file` and read by `read`.
fn read_beside(
    file: &str,
    text: &str,
    read: fn(&Path, &mut [Person]) -> shiftcast::Result<()>,
) -> shiftcast::Result<Vec<Person>> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(file);
    std::fs::write(&path, text).unwrap();
    let mut staff = vec![
        person("Li Wei", &["presale"]),
        person("Wang Fang", &["presale"]),
    ];
    read(&path, &mut staff)?;
    Ok(staff)
}

/// The error for `text` as `file`: (place after the folder, problem, fix).
fn refused(
    file: &str,
    text: &str,
    read: fn(&Path, &mut [Person]) -> shiftcast::Result<()>,
) -> (String, String, String) {
    match read_beside(file, text, read) {
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

fn availability_refused(text: &str) -> (String, String, String) {
    refused("availability.csv", text, read_availability)
}

fn preferences_refused(text: &str) -> (String, String, String) {
    refused("preferences.csv", text, read_preferences)
}

const AVAILABILITY_HEADER: &str = "name,date,from,to\n";

#[test]
fn availability_rows_become_dated_windows() {
    let text = "name,date,from,to\n\
Li Wei,2026-11-11,08:00,12:00\n\
Li Wei,2026-11-11,18:00,02:00\n\
Wang Fang,2026-11-12,unavailable,\n\
Wang Fang,2026-11-13,,\n\
Li Wei,2026-11-12,00:00,24:00\n";
    let staff = read_beside("availability.csv", text, read_availability).unwrap();
    let window = |d: &str, start: &str, end: &str| DatedWindow {
        date: date(d),
        start: at(start),
        end: at(end),
    };
    assert_eq!(
        staff[0].dated,
        [
            window("2026-11-11", "2026-11-11T08:00", "2026-11-11T12:00"),
            // `to` before `from` runs past midnight into the next day.
            window("2026-11-11", "2026-11-11T18:00", "2026-11-12T02:00"),
            window("2026-11-12", "2026-11-12T00:00", "2026-11-13T00:00"),
        ]
    );
    assert_eq!(
        staff[1].dated,
        [
            window("2026-11-12", "2026-11-12T00:00", "2026-11-12T00:00"),
            window("2026-11-13", "2026-11-13T00:00", "2026-11-13T00:00"),
        ]
    );
    // The windows replace the daily window (any time) on their dates only.
    let li = &staff[0];
    assert!(li.can_work_at(at("2026-11-11T09:00")));
    assert!(!li.can_work_at(at("2026-11-11T13:00")));
    assert!(li.can_work_at(at("2026-11-12T01:00")));
    assert!(li.can_work_at(at("2026-11-14T13:00")));
    let wang = &staff[1];
    assert!(!wang.can_work_at(at("2026-11-12T10:00")));
    assert!(!wang.can_work_at(at("2026-11-13T23:00")));
    assert!(wang.can_work_at(at("2026-11-14T10:00")));
}

#[test]
fn preferences_rows_become_weighted_stretches() {
    // Columns in any order; the extra one is ignored.
    let text = "weight,name,note,date,from,to\n\
2,Li Wei,evenings,2026-11-11,18:00,22:00\n\
-1.5,Li Wei,,2026-11-12,22:00,06:00\n\
0.5,Wang Fang,,2026-11-11,00:00,24:00\n";
    let staff = read_beside("preferences.csv", text, read_preferences).unwrap();
    let preference = |start: &str, end: &str, weight: f64| Preference {
        start: at(start),
        end: at(end),
        weight,
    };
    assert_eq!(
        staff[0].preferences,
        [
            preference("2026-11-11T18:00", "2026-11-11T22:00", 2.0),
            preference("2026-11-12T22:00", "2026-11-13T06:00", -1.5),
        ]
    );
    assert_eq!(
        staff[1].preferences,
        [preference("2026-11-11T00:00", "2026-11-12T00:00", 0.5)]
    );
    assert!(staff[0].dated.is_empty());
}

#[test]
fn availability_of_someone_not_in_the_staff_file() {
    let (place, problem, fix) = availability_refused(
        "name,date,from,to\nLi Wei,2026-11-11,08:00,12:00\nLi Wie,2026-11-11,08:00,12:00\n",
    );
    assert_eq!(place, "availability.csv: line 3, column 1 (name)");
    assert_eq!(problem, "\"Li Wie\" is not in the staff file");
    assert_eq!(
        fix,
        "write the name exactly as the staff file's name column has it"
    );
}

#[test]
fn availability_bad_date() {
    let (place, problem, fix) = availability_refused(&format!(
        "{AVAILABILITY_HEADER}Li Wei,11/11/2026,08:00,12:00\n"
    ));
    assert_eq!(place, "availability.csv: line 2, column 2 (date)");
    assert_eq!(problem, "\"11/11/2026\" is not a date");
    assert_eq!(fix, "write it as YYYY-MM-DD, e.g. 2026-11-11");
}

#[test]
fn availability_bad_times() {
    let from = availability_refused(&format!(
        "{AVAILABILITY_HEADER}Li Wei,2026-11-11,24:00,12:00\n"
    ));
    assert_eq!(from.0, "availability.csv: line 2, column 3 (from)");
    assert_eq!(from.1, "\"24:00\" is not a clock time");
    assert_eq!(from.2, "write HH:MM from 00:00 to 23:59, e.g. 08:00");
    let to = availability_refused(&format!(
        "{AVAILABILITY_HEADER}Li Wei,2026-11-11,08:00,18:60\n"
    ));
    assert_eq!(to.0, "availability.csv: line 2, column 4 (to)");
    assert_eq!(to.1, "\"18:60\" is not a clock time");
    assert!(to.2.contains("24:00 for the end of the day"), "{}", to.2);
    let word = availability_refused(&format!(
        "{AVAILABILITY_HEADER}Li Wei,2026-11-11,noon,18:00\n"
    ));
    assert_eq!(word.0, "availability.csv: line 2, column 3 (from)");
    assert_eq!(word.1, "\"noon\" is not a clock time");
}

#[test]
fn availability_window_without_a_length() {
    // A window of one date's clock times is at most 24 hours (00:00 to 24:00, or 10:00 to
    // 09:00 the next day); equal times could mean none or all of it, so they are refused.
    let (place, problem, fix) = availability_refused(&format!(
        "{AVAILABILITY_HEADER}Li Wei,2026-11-11,08:00,08:00\n"
    ));
    assert_eq!(place, "availability.csv: line 2, column 4 (to)");
    assert_eq!(
        problem,
        "from and to are both 08:00, so the window's length is unclear"
    );
    assert_eq!(
        fix,
        "write 00:00 to 24:00 for the whole day; a window is at most 24 hours"
    );
}

#[test]
fn availability_half_a_window() {
    let both = "give both from and to as HH:MM, or write unavailable in from and leave to empty for a day the person cannot work";
    let cases = [
        (
            "Li Wei,2026-11-11,,18:00",
            "column 3 (from)",
            "from is empty but to is \"18:00\"",
        ),
        (
            "Li Wei,2026-11-11,08:00,",
            "column 4 (to)",
            "the to time is empty",
        ),
        (
            "Li Wei,2026-11-11,unavailable,18:00",
            "column 4 (to)",
            "from says unavailable but to is \"18:00\"",
        ),
    ];
    for (row, column, expected) in cases {
        let (place, problem, fix) = availability_refused(&format!("{AVAILABILITY_HEADER}{row}\n"));
        assert_eq!(
            place,
            format!("availability.csv: line 2, {column}"),
            "{row}"
        );
        assert_eq!(problem, expected, "{row}");
        assert_eq!(fix, both);
    }
}

#[test]
fn availability_window_and_unavailable_on_one_date() {
    let (place, problem, _) = availability_refused(&format!(
        "{AVAILABILITY_HEADER}Li Wei,2026-11-11,08:00,12:00\nLi Wei,2026-11-12,unavailable,\nLi Wei,2026-11-11,unavailable,\n"
    ));
    assert_eq!(place, "availability.csv: line 4, column 3 (from)");
    assert_eq!(
        problem,
        "Li Wei has both a window and an unavailable row on 2026-11-11"
    );
}

#[test]
fn availability_missing_column() {
    let (place, problem, fix) = availability_refused("name,date,from\nLi Wei,2026-11-11,08:00\n");
    assert_eq!(place, "availability.csv: line 1");
    assert_eq!(problem, "no \"to\" column in the header");
    assert_eq!(fix, "the header must name the columns name,date,from,to");
}

#[test]
fn availability_row_with_a_missing_field() {
    let (place, problem, _) = availability_refused(&format!(
        "{AVAILABILITY_HEADER}Li Wei,2026-11-11,08:00,12:00\nLi Wei,2026-11-12,08:00\n"
    ));
    assert_eq!(place, "availability.csv: line 3");
    assert!(problem.starts_with("unreadable row"), "{problem}");
}

#[test]
fn preferences_weight_zero_or_not_a_number() {
    for weight in ["0", "-0", "NaN", "inf", "a lot", ""] {
        let (place, problem, fix) = preferences_refused(&format!(
            "name,date,from,to,weight\nLi Wei,2026-11-11,18:00,22:00,{weight}\n"
        ));
        assert_eq!(place, "preferences.csv: line 2, column 5 (weight)");
        assert_eq!(
            problem,
            format!("\"{weight}\" is not a weight other than 0")
        );
        assert_eq!(
            fix,
            "e.g. 2 for hours the person would like to work, -1 for hours they would rather not"
        );
    }
}

#[test]
fn preferences_share_the_availability_checks() {
    let header = "name,date,from,to,weight\n";
    let cases = [
        (
            "Zhao Lei,2026-11-11,18:00,22:00,1",
            "line 2, column 1 (name)",
            "\"Zhao Lei\" is not in the staff file",
        ),
        (
            "Li Wei,2026-13-01,18:00,22:00,1",
            "line 2, column 2 (date)",
            "\"2026-13-01\" is not a date",
        ),
        (
            "Li Wei,2026-11-11,18:00,22:30:00,1",
            "line 2, column 4 (to)",
            "\"22:30:00\" is not a clock time",
        ),
        (
            "Li Wei,2026-11-11,unavailable,,1",
            "line 2, column 3 (from)",
            "a preference needs a stretch of time",
        ),
    ];
    for (row, at, expected) in cases {
        let (place, problem, _) = preferences_refused(&format!("{header}{row}\n"));
        assert_eq!(place, format!("preferences.csv: {at}"), "{row}");
        assert_eq!(problem, expected, "{row}");
    }
    let (place, problem, _) =
        preferences_refused("name,date,from,to\nLi Wei,2026-11-11,18:00,22:00\n");
    assert_eq!(place, "preferences.csv: line 1");
    assert_eq!(problem, "no \"weight\" column in the header");
}

/// The small scenario folder with `[staff]` naming the two files, and the files written.
fn small_folder_with(staff: &str, availability: &str, preferences: &str) -> tempfile::TempDir {
    let scenario = SMALL_SCENARIO.replace(
        "file = \"staff.csv\"",
        "file = \"staff.csv\"\navailability = \"availability.csv\"\npreferences = \"preferences.csv\"",
    );
    let dir = folder(&scenario, &small_history("presale"), staff);
    std::fs::write(dir.path().join("availability.csv"), availability).unwrap();
    std::fs::write(dir.path().join("preferences.csv"), preferences).unwrap();
    dir
}

#[test]
fn inputs_read_both_files_beside_the_scenario() {
    let dir = small_folder_with(
        SMALL_STAFF,
        "name,date,from,to\nLi Wei,2026-11-10,unavailable,\n",
        "name,date,from,to,weight\nLi Wei,2026-11-10,08:00,16:00,-2\n",
    );
    let inputs = Inputs::read(&dir.path().join("scenario.toml"), &Overrides::default()).unwrap();
    let li = &inputs.staff[0];
    assert_eq!(li.dated.len(), 1);
    assert!(!li.can_work_at(at("2026-11-10T12:00")));
    assert_eq!(
        li.preferences,
        [Preference {
            start: at("2026-11-10T08:00"),
            end: at("2026-11-10T16:00"),
            weight: -2.0,
        }]
    );
}

#[test]
fn missing_availability_file_says_which_and_how_to_fix() {
    let dir = small_folder_with(SMALL_STAFF, "", "name,date,from,to,weight\n");
    std::fs::remove_file(dir.path().join("availability.csv")).unwrap();
    let error = Inputs::read(&dir.path().join("scenario.toml"), &Overrides::default())
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("availability.csv: cannot read the availability file")
            && error.contains("paths in a scenario are relative to the scenario file"),
        "{error}"
    );
}

#[test]
fn old_staff_file_reads_with_the_new_columns_defaults() {
    let dir = folder(SMALL_SCENARIO, &small_history("presale"), SMALL_STAFF);
    let inputs = Inputs::read(&dir.path().join("scenario.toml"), &Overrides::default()).unwrap();
    let li = &inputs.staff[0];
    assert_eq!(
        (li.kind, li.wage_per_hour, li.min_hours_per_week, li.lead),
        (Kind::FullTime, None, None, false)
    );
    assert!(li.dated.is_empty() && li.preferences.is_empty());
}

#[test]
fn staff_file_new_columns_read_their_values() {
    let staff = "name,group,skills,available,days_off,max_hours_per_day,max_hours_per_week,kind,wage_per_hour,min_hours_per_week,lead\n\
Li Wei,main,presale,,,8,40,,,,yes\n\
Xiao Ming,student,presale,18:00-24:00,,6,20,part-time,28.5,12,no\n\
Zhou Jie,main,presale,,,8,40,full-time,40,32,\n";
    let dir = folder(SMALL_SCENARIO, &small_history("presale"), staff);
    let inputs = Inputs::read(&dir.path().join("scenario.toml"), &Overrides::default()).unwrap();
    let row = |p: &Person| (p.kind, p.wage_per_hour, p.min_hours_per_week, p.lead);
    assert_eq!(row(&inputs.staff[0]), (Kind::FullTime, None, None, true));
    assert_eq!(
        row(&inputs.staff[1]),
        (Kind::PartTime, Some(28.5), Some(12.0), false)
    );
    assert_eq!(
        row(&inputs.staff[2]),
        (Kind::FullTime, Some(40.0), Some(32.0), false)
    );
}

/// Two days, one 08:00-16:00 shift a day needing one agent; Li Wei at the scenario's 5 an
/// hour, Wang Fang at her own 4, part-timers at 10.
const TWO_DAYS: &str = r#"
[horizon]
start = "2026-11-11T00:00"
end = "2026-11-13T00:00"
interval_minutes = 60
[requirements]
file = "requirements.csv"
[staff]
file = "staff.csv"
availability = "availability.csv"
preferences = "preferences.csv"
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

/// Who works the day shift on 11-11 and on 11-12 with this availability file.
fn day_shifts(availability: &str) -> Vec<(String, String)> {
    let staff =
        "name,group,skills,available,days_off,max_hours_per_day,max_hours_per_week,wage_per_hour\n\
Li Wei,main,presale,,,8,40,\n\
Wang Fang,main,presale,,,8,40,4\n";
    let dir = folder(TWO_DAYS, "", staff);
    let mut requirements = String::from("timestamp,queue,agents\n");
    for day in 11..=12 {
        for hour in 0..24 {
            let need = u32::from((8..16).contains(&hour));
            requirements += &format!("2026-11-{day}T{hour:02}:00,presale,{need}\n");
        }
    }
    for (name, text) in [
        ("requirements.csv", requirements.as_str()),
        ("availability.csv", availability),
        ("preferences.csv", "name,date,from,to,weight\n"),
    ] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let inputs = Inputs::read(&dir.path().join("scenario.toml"), &Overrides::default()).unwrap();
    let plan = shiftcast::plan(&inputs, &mut |_| {}).unwrap();
    let mut shifts: Vec<(String, String)> = plan
        .roster
        .rows
        .iter()
        .map(|r| (r.start.format("%m-%d %H:%M").to_string(), r.name.clone()))
        .collect();
    shifts.sort();
    shifts
}

#[test]
fn dated_windows_change_who_works() {
    let pair = |day: &str, name: &str| (format!("11-{day} 08:00"), name.to_string());
    // Without dated windows Wang Fang, at 4 an hour, works both days: 2 x 8 x 4 = 64.
    assert_eq!(
        day_shifts("name,date,from,to\n"),
        [pair("11", "Wang Fang"), pair("12", "Wang Fang")]
    );
    // Wang Fang cannot work on 11-11, and Li Wei only from 12:00 on 11-12, so the 08:00 shift
    // is Li Wei's on 11-11 (40) and Wang Fang's on 11-12 (32): 72, below a part-timer's 80.
    assert_eq!(
        day_shifts(
            "name,date,from,to\nWang Fang,2026-11-11,unavailable,\nLi Wei,2026-11-12,12:00,20:00\n"
        ),
        [pair("11", "Li Wei"), pair("12", "Wang Fang")]
    );
}
