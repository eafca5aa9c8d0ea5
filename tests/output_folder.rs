//! What shiftcast writes and where: `--out` never deletes, moves or changes a file shiftcast did
//! not write (it refuses before any work), an earlier plan is replaced, a path that is a folder
//! where a file is wanted gets a clear error, and CSV cells a spreadsheet would run as a formula
//! are written as text.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

use calamine::{open_workbook, Data, Reader, Xlsx};

mod common;
use common::{example, small_history, SMALL_SCENARIO};

/// Runs `shiftcast` in `dir`; it must not panic.
fn run_in(dir: &Path, args: &[&str]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_shiftcast"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&output.stderr).contains("panicked"));
    output
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Every file under `dir` (recursively, hidden ones too) with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.file_type().unwrap().is_dir() {
            for (inner, bytes) in snapshot(&entry.path()) {
                files.insert(format!("{name}/{inner}"), bytes);
            }
        } else {
            files.insert(name, std::fs::read(entry.path()).unwrap());
        }
    }
    files
}

/// The names directly in `dir`, hidden ones too, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A folder `shop` holding the example's scenario, history and staff and a notes file.
fn shop() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let shop = dir.path().join("shop");
    std::fs::create_dir(&shop).unwrap();
    let data = example().parent().unwrap().to_path_buf();
    for name in ["scenario.toml", "history.csv", "staff.csv"] {
        std::fs::copy(data.join(name), shop.join(name)).unwrap();
    }
    std::fs::write(shop.join("notes.txt"), "call Li Wei about Sunday\n").unwrap();
    dir
}

#[test]
fn plan_into_the_folder_of_its_own_inputs_is_refused_and_changes_nothing() {
    let dir = shop();
    let before = snapshot(dir.path());
    let output = run_in(dir.path(), &["plan", "shop/scenario.toml", "--out", "shop"]);
    assert!(!output.status.success());
    assert_eq!(
        stderr(&output).trim(),
        "shiftcast: error: --out shop: it holds \"history.csv\", which shiftcast did not write. choose \
         an empty or new folder for --out (shiftcast replaces a folder only when it holds nothing \
         but an earlier plan it wrote)"
    );
    assert_eq!(snapshot(dir.path()), before, "every file byte-identical");
    assert_eq!(names(dir.path()), ["shop"], "no temporary folder left");
    // Checked before any work: a scenario that cannot even be read still gets the --out error.
    let output = run_in(dir.path(), &["plan", "missing.toml", "--out", "shop"]);
    assert!(stderr(&output).contains("--out shop: it holds \"history.csv\""));
}

#[test]
fn out_naming_a_file_is_refused_and_the_file_is_left_alone() {
    let dir = shop();
    let before = snapshot(dir.path());
    let output = run_in(
        dir.path(),
        &["plan", "shop/scenario.toml", "--out", "shop/notes.txt"],
    );
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains(
            "--out shop/notes.txt: is a file, not a folder (shiftcast writes a folder of files \
             and leaves this file as it is). choose an empty or new folder for --out"
        ),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        snapshot(dir.path()),
        before,
        "no .notes.txt.old, no new folder"
    );
    let output = run_in(
        dir.path(),
        &["plan", "shop/scenario.toml", "--out", "shop/notes.txt/plan"],
    );
    assert!(
        stderr(&output).contains(
            "--out shop/notes.txt/plan: shop/notes.txt is a file, so no folder can be made inside it"
        ),
        "{}",
        stderr(&output)
    );
    assert_eq!(snapshot(dir.path()), before);
}

#[cfg(unix)]
#[test]
fn out_naming_a_link_is_refused_and_the_link_and_its_folder_stay() {
    let dir = shop();
    std::os::unix::fs::symlink("shop", dir.path().join("link")).unwrap();
    let before = snapshot(&dir.path().join("shop"));
    let output = run_in(dir.path(), &["plan", "shop/scenario.toml", "--out", "link"]);
    assert_eq!(
        stderr(&output).trim(),
        "shiftcast: error: --out link: is a link to another place, not a folder. give the folder \
         itself, or choose an empty or new folder for --out"
    );
    assert!(std::fs::symlink_metadata(dir.path().join("link"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(snapshot(&dir.path().join("shop")), before);
}

#[test]
fn an_earlier_plan_is_replaced_but_not_one_with_a_file_added_or_changed() {
    let dir = shop();
    let plan = || {
        run_in(
            dir.path(),
            &["plan", "shop/scenario.toml", "--out", "plan", "--quiet"],
        )
    };
    let out = dir.path().join("plan");
    std::fs::create_dir(&out).unwrap();
    assert!(plan().status.success(), "an empty folder is fine");
    let first = snapshot(&out);
    let marker = String::from_utf8(first[".shiftcast"].clone()).unwrap();
    assert!(marker.starts_with("shiftcast output folder"), "{marker}");
    assert!(marker.contains("\nroster.csv\t") && marker.contains("\nplan.xlsx\t"));
    assert_eq!(
        marker.lines().count(),
        first.len(),
        "one line per file and the header"
    );

    let again = plan();
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(snapshot(&out), first, "replaced by the same plan");
    assert_eq!(
        names(dir.path()),
        ["plan", "shop"],
        "nothing left beside it"
    );

    std::fs::write(out.join("my notes.txt"), "keep me").unwrap();
    let refused = plan();
    assert!(!refused.status.success());
    assert!(
        stderr(&refused)
            .contains("--out plan: it holds \"my notes.txt\", which shiftcast did not write"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(std::fs::read(out.join("my notes.txt")).unwrap(), b"keep me");
    std::fs::remove_file(out.join("my notes.txt")).unwrap();
    assert_eq!(snapshot(&out), first, "the earlier plan untouched");

    let mut roster = first["roster.csv"].clone();
    roster.extend_from_slice(b"my own row\n");
    std::fs::write(out.join("roster.csv"), &roster).unwrap();
    let refused = plan();
    assert!(
        stderr(&refused)
            .contains("--out plan: \"roster.csv\" was changed after shiftcast wrote it"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(std::fs::read(out.join("roster.csv")).unwrap(), roster);

    std::fs::remove_file(out.join(".shiftcast")).unwrap();
    std::fs::write(out.join("roster.csv"), &first["roster.csv"]).unwrap();
    let unmarked = plan();
    assert!(
        stderr(&unmarked)
            .contains("it holds \"coverage-aftersale.svg\", which shiftcast did not write"),
        "without its marker a folder is not shiftcast's: {}",
        stderr(&unmarked)
    );
}

#[test]
fn a_folder_where_a_file_is_wanted_gets_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("week")).unwrap();
    let bikes = concat!(env!("CARGO_MANIFEST_DIR"), "/data/bike/history.csv");
    let output = run_in(
        dir.path(),
        &[
            "forecast",
            "--history",
            bikes,
            "--start",
            "2012-05-01T00:00",
            "--days",
            "7",
        ]
        .into_iter()
        .chain(["--out", "week"])
        .collect::<Vec<_>>(),
    );
    assert!(!output.status.success());
    assert_eq!(
        stderr(&output).trim(),
        "shiftcast: error: --out week: is a folder, not a file. give a file name, e.g. week/forecast.csv"
    );
    let scenario = example();
    let output = run_in(
        dir.path(),
        &["parttimers", scenario.to_str().unwrap(), "--chart", "week"],
    );
    assert_eq!(
        stderr(&output).trim(),
        "shiftcast: error: --chart week: is a folder, not a file. give a file name, e.g. week/curve.svg"
    );
    let output = run_in(
        dir.path(),
        &[
            "parttimers",
            scenario.to_str().unwrap(),
            "--chart",
            "charts/curve.svg",
        ],
    );
    assert_eq!(
        stderr(&output).trim(),
        "shiftcast: error: --chart charts/curve.svg: charts is not a folder that exists. create \
         the folder first, or give a file in a folder that exists"
    );
    assert_eq!(names(&dir.path().join("week")), Vec::<String>::new());
    assert_eq!(names(dir.path()), ["week"]);
}

/// The small scenario with its queue, shift and a phase named like formulas.
fn formula_scenario() -> String {
    SMALL_SCENARIO.replace("presale", "+1/chat").replace("name = \"day\"", "name = \"@day\"")
        + "[[phases]]\nname = \"-main\"\nstart = \"2026-11-10T08:00\"\nend = \"2026-11-10T12:00\"\nqueues = [\"+1/chat\"]\nmay = [\"main\", \"part-time\"]\n"
}

/// A one-day plan whose queue, shift, phase and staff names all start like a formula.
fn formula_names() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let history = small_history("+1/chat");
    let staff = "name,group,skills,available,days_off,max_hours_per_day,max_hours_per_week\n\
                 =1+2,main,+1/chat,00:00-24:00,,8,40\n";
    for (name, text) in [
        ("scenario.toml", formula_scenario().as_str()),
        ("history.csv", history.as_str()),
        ("staff.csv", staff),
    ] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

#[test]
fn cells_a_spreadsheet_would_run_are_written_as_text() {
    let dir = formula_names();
    let output = run_in(
        dir.path(),
        &["plan", "scenario.toml", "--out", "plan", "--quiet"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let out = dir.path().join("plan");
    let rows = |name: &str| -> Vec<Vec<String>> {
        csv::Reader::from_path(out.join(name))
            .unwrap()
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect()
    };
    let roster = rows("roster.csv");
    let li = roster.iter().find(|r| r[5] == "main").unwrap();
    assert_eq!(li[0], "'=1+2");
    assert_eq!(li[1], "'+1/chat");
    assert_eq!(li[6], "'@day");
    assert!(li[7].parse::<f64>().unwrap() > 0.0, "hours stay a number");
    assert!(li[8].parse::<f64>().unwrap() > 0.0, "the wage is a number");
    assert!(li[9].starts_with("'+1/chat"), "detail: {}", li[9]);
    let people = rows("people.csv");
    assert!(people.iter().any(|r| r[0] == "'=1+2"));
    let coverage = rows("coverage.csv");
    assert!(coverage.iter().all(|r| r[1] == "'+1/chat"));
    assert!(coverage.iter().any(|r| r[4] == "'-main"));
    assert!(coverage.iter().all(|r| r[2].parse::<u32>().is_ok()));
    assert!(rows("forecast.csv").iter().all(|r| r[1] == "'+1/chat"));
    assert!(rows("requirements.csv").iter().all(|r| r[1] == "'+1/chat"));
    // The workbook stores text as text: the name as typed, never a formula.
    let mut book: Xlsx<_> = open_workbook(out.join("plan.xlsx")).unwrap();
    let found = book.worksheets().into_iter().any(|(_, sheet)| {
        sheet
            .cells()
            .any(|(_, _, cell)| *cell == Data::String("=1+2".into()))
    });
    assert!(found, "=1+2 as a text cell in plan.xlsx");
    // The queue's chart stays inside the folder, and simulate reads the names back as written.
    assert!(out.join("forecast-+1_chat.svg").exists());
    assert_eq!(
        names(dir.path()),
        ["history.csv", "plan", "scenario.toml", "staff.csv"]
    );
    let simulated = run_in(
        dir.path(),
        &[
            "simulate",
            "scenario.toml",
            "--plan",
            "plan",
            "--runs",
            "2",
            "--json",
        ],
    );
    assert!(simulated.status.success(), "{}", stderr(&simulated));
    assert!(String::from_utf8_lossy(&simulated.stdout).contains("\"+1/chat\""));
}

#[test]
fn out_dot_plans_into_the_empty_folder_it_is_run_in() {
    let dir = tempfile::tempdir().unwrap();
    let scenario = example();
    let output = run_in(
        dir.path(),
        &["plan", scenario.to_str().unwrap(), "--out", ".", "--quiet"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(dir.path().join(".shiftcast").is_file());
    assert!(dir.path().join("roster.csv").is_file());
}
