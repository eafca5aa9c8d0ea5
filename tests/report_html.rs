//! report.html read as a manager reads it: the roster grid's date headers over each day's hours,
//! the group column and the legend; the hour-by-hour service level, average wait and abandonment
//! against coverage.csv; and the part-timer curve with `plan --curve` (and nothing else changed).

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

mod common;

/// Plans `scenario` into `out` with `extra` flags; the plan must succeed.
fn plan(scenario: &Path, out: &Path, extra: &[&str]) {
    let mut args: Vec<&OsStr> = vec![
        "plan".as_ref(),
        scenario.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
        "--quiet".as_ref(),
    ];
    args.extend(extra.iter().map(OsStr::new));
    let output = common::shiftcast(&args);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The example planned once in English and once in Chinese (about 3 s each), for every test
/// here, into a folder of cargo's for test files (an earlier run's plan there is replaced).
fn example(lang: &str) -> PathBuf {
    static EN: OnceLock<PathBuf> = OnceLock::new();
    static ZH: OnceLock<PathBuf> = OnceLock::new();
    let once = if lang == "zh" { &ZH } else { &EN };
    once.get_or_init(|| {
        let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("report_html_{lang}"));
        plan(&common::example(), &out, &["--lang", lang]);
        out
    })
    .clone()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

/// The text of `html` from `start` up to (not including) `end` after it.
fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html.find(start).unwrap_or_else(|| panic!("no {start}"));
    let rest = &html[from..];
    &rest[..rest.find(end).unwrap_or_else(|| panic!("no {end}"))]
}

/// The rows of a CSV file after its header, split at commas (the columns read here come before
/// any quoted text).
fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    read(path)
        .lines()
        .skip(1)
        .map(|l| l.split(',').map(String::from).collect())
        .collect()
}

#[test]
fn the_grid_heads_each_of_the_four_days_with_its_date_over_its_24_hours() {
    let html = read(&example("en").join("report.html"));
    let grid = between(&html, "<div class=\"grid\">", "</table></div>");
    let header: Vec<&str> = grid.split("</tr>\n").take(3).collect();
    // 2026-11-10 to 2026-11-13: a Tuesday to a Friday, 24 hourly intervals each.
    assert!(header[0].ends_with(concat!(
        "<th colspan=\"24\">11-10 Tue</th>",
        "<th colspan=\"24\">11-11 Wed</th>",
        "<th colspan=\"24\">11-12 Thu</th>",
        "<th colspan=\"24\">11-13 Fri</th>",
    )));
    assert!(header[0]
        .contains("<th class=\"name\" rowspan=\"3\">name</th><th rowspan=\"3\">group</th>"));
    // Then the phases: main from 11-11 00:00, backup from 06:00, all hands from 12:00 to the
    // day's end; nothing the 48 hours before and after.
    assert_eq!(
        header[1],
        concat!(
            "<tr><th colspan=\"24\"></th><th colspan=\"6\" class=\"p0\">main</th>",
            "<th colspan=\"6\" class=\"p1\">backup</th>",
            "<th colspan=\"12\" class=\"p2\">all-hands</th><th colspan=\"48\"></th>"
        )
    );
    assert_eq!(
        grid.matches("<colgroup class=\"day\" span=\"24\">").count(),
        4
    );
    // Under them the hours, 00 to 23 once a day, each with its date and time as a tooltip.
    assert_eq!(grid.matches("<th title=").count(), 96);
    assert_eq!(grid.matches(">00</th>").count(), 4);
    assert!(grid.contains("<th title=\"2026-11-11T18:00\">18</th>"));
    let zh = read(&example("zh").join("report.html"));
    let grid = between(&zh, "<div class=\"grid\">", "</table></div>");
    assert!(
        grid.contains("<th colspan=\"24\">11月11日 周三</th>"),
        "{grid:.2000}"
    );
}

#[test]
fn the_group_column_holds_each_persons_group_from_roster_csv() {
    let out = example("en");
    let html = read(&out.join("report.html"));
    let grid = between(&html, "<div class=\"grid\">", "</table></div>");
    let groups: BTreeMap<String, String> = csv_rows(&out.join("roster.csv"))
        .into_iter()
        .map(|r| (r[0].clone(), r[5].clone()))
        .collect();
    assert!(grid.contains("<tr><td class=\"name\">Li Wei</td><td>main</td>"));
    assert!(grid.contains("<tr><td class=\"name\">PT-01</td><td>part-time</td>"));
    assert_eq!(
        grid.matches("<tr><td class=\"name\">").count(),
        groups.len()
    );
    for (name, group) in &groups {
        let row = between(
            grid,
            &format!("<tr><td class=\"name\">{name}</td>"),
            "</tr>",
        );
        assert!(
            row.contains(&format!("</td><td>{group}</td>")),
            "{row:.200}"
        );
        // Name, group, then one cell per hour.
        assert_eq!(row.matches("<td").count(), 2 + 96, "{name}");
    }
    // In Chinese the group reads in the managers' words.
    let zh = read(&example("zh").join("report.html"));
    assert!(zh.contains("<tr><td class=\"name\">Li Wei</td><td>主力</td>"));
    assert!(zh.contains("<tr><td class=\"name\">PT-01</td><td>兼职</td>"));
}

#[test]
fn the_legend_names_each_queue_the_meal_break_by_its_own_name_and_each_phase() {
    let keys: [(&str, [&str; 5]); 2] = [
        (
            "en",
            [
                "<strong>Legend</strong>",
                "<b class=\"q0\">P</b> presale",
                "<b class=\"q1\">A</b> aftersale",
                "<b class=\"brk\">M</b> meal",
                "<b class=\"p0\">&nbsp;</b> main",
            ],
        ),
        (
            "zh",
            [
                "<strong>图例</strong>",
                "<b class=\"q0\">前</b> 售前",
                "<b class=\"q1\">后</b> 售后",
                "<b class=\"brk\">餐</b> 用餐",
                "<b class=\"p2\">&nbsp;</b> 全员",
            ],
        ),
    ];
    for (lang, keys) in keys {
        let html = read(&example(lang).join("report.html"));
        let legend = between(&html, "<p class=\"legend\">", "</p>");
        for key in keys {
            assert!(legend.contains(key), "{key} in {legend}");
        }
    }
    let zh = read(&example("zh").join("report.html"));
    // A meal break is 用餐: 休息 on a Chinese roster is a day off.
    assert!(zh.contains("<td class=\"brk\" title=\"用餐\">餐</td>"));
    assert!(!zh.contains("休息"));
}

/// The rows of one queue's hour-by-hour table: (day heading, then the cells of each row).
fn hour_rows(html: &str, caption: &str) -> Vec<(String, Vec<String>)> {
    let table = between(html, &format!("<caption>{caption}"), "</table>");
    let mut day = String::new();
    let mut rows = Vec::new();
    for line in table.lines().skip(1) {
        if let Some(rest) = line.strip_prefix("<tr><th class=\"date\"") {
            day = rest[rest.find('>').unwrap() + 1..rest.find("</th>").unwrap()].to_string();
        } else {
            let cells = line
                .split("<td>")
                .skip(1)
                .map(|c| c[..c.find("</td>").unwrap()].to_string())
                .collect();
            rows.push((day.clone(), cells));
        }
    }
    rows
}

#[test]
fn the_hourly_wait_and_service_level_are_coverage_csvs() {
    let out = example("en");
    let html = read(&out.join("report.html"));
    // README's row of coverage.csv: 2026-11-11T20:00,aftersale,5,5,all-hands,0,0.8039,0,4,41.2,
    let aftersale = hour_rows(&html, "aftersale");
    assert!(aftersale.contains(&(
        "11-11 Wed".to_string(),
        ["20:00", "5", "5", "80.4%", "41.2"]
            .map(String::from)
            .to_vec()
    )));
    for queue in ["presale", "aftersale"] {
        let rows = hour_rows(&html, queue);
        let csv: Vec<Vec<String>> = csv_rows(&out.join("coverage.csv"))
            .into_iter()
            .filter(|r| r[1] == queue)
            .collect();
        assert_eq!(rows.len(), csv.len(), "one row per hour of {queue}");
        for ((day, cells), line) in rows.iter().zip(&csv) {
            let time = chrono::NaiveDateTime::parse_from_str(&line[0], "%Y-%m-%dT%H:%M").unwrap();
            assert_eq!(*day, time.format("%m-%d %a").to_string());
            assert_eq!(cells[0], time.format("%H:%M").to_string());
            assert_eq!((&cells[1], &cells[2]), (&line[2], &line[3]), "{line:?}");
            let percent: f64 = cells[3].trim_end_matches('%').parse().unwrap();
            let share: f64 = line[6].parse().unwrap();
            assert!((percent - share * 100.0).abs() <= 0.051, "{line:?}");
            assert_eq!(cells[4], line[9], "average wait at {}", line[0]);
            // No patience in the example: no abandonment column.
            assert_eq!(cells.len(), 5);
        }
    }
    // Each table says its queue's target (scenario.toml: 80% within 30 s and 60 s).
    assert!(html.contains("<caption>presale: 80% within 30 s</caption>"));
    assert!(html.contains("<caption>aftersale: 80% within 60 s</caption>"));
    let zh = read(&example("zh").join("report.html"));
    assert!(zh.contains("<caption>售后：60秒内回复80%</caption>"));
    assert!(zh.contains("<th>服务水平</th><th>平均响应时间（秒）</th>"));
}

/// The small test scenario (one day, one agent) with a patience of 60 s and hired part-timers
/// on 4-hour shifts.
fn small_with_part_timers() -> tempfile::TempDir {
    let scenario = common::SMALL_SCENARIO.replace(
        "answer_within_seconds = 30\n",
        "answer_within_seconds = 30\npatience_seconds = 60\n",
    ) + r#"
[[shifts]]
name = "part-time"
start = "00:00"
latest_start = "20:00"
start_every_minutes = 240
hours = 4
kinds = ["part-time"]
[part_time]
skills = ["presale"]
"#;
    common::folder(
        &scenario,
        &common::small_history("presale"),
        common::SMALL_STAFF,
    )
}

#[test]
fn abandonment_shows_where_a_patience_is_given_and_short_hours_are_marked() {
    let dir = small_with_part_timers();
    let out = dir.path().join("plan");
    plan(&dir.path().join("scenario.toml"), &out, &[]);
    let html = read(&out.join("report.html"));
    let rows = hour_rows(&html, "presale");
    // coverage.csv: 2026-11-10T07:00,presale,2,2,,0,0.8493,0,2,7.1,0.1178
    assert_eq!(
        rows[7].1,
        ["07:00", "2", "2", "84.9%", "7.1", "11.8%"].map(String::from)
    );
    for (cells, line) in rows.iter().zip(csv_rows(&out.join("coverage.csv"))) {
        let abandonment: f64 = line[10].parse().unwrap();
        assert_eq!(
            cells.1[5],
            format!("{:.1}%", abandonment * 100.0),
            "{line:?}"
        );
    }
    assert!(html.contains("<th>abandonment</th>"));
    assert!(!html.contains("class=\"low\""), "every hour reaches 80%");
    // With no part-timer to hire, Li Wei alone: the hours below 80% are marked.
    let few = dir.path().join("few");
    plan(
        &dir.path().join("scenario.toml"),
        &few,
        &["--set", "part_time.max_people=0"],
    );
    let html = read(&few.join("report.html"));
    let below = csv_rows(&few.join("coverage.csv"))
        .iter()
        .filter(|r| r[6].parse::<f64>().unwrap() < 0.8)
        .count();
    assert!(below > 0);
    assert_eq!(html.matches("<tr class=\"low\">").count(), below);
}

#[test]
fn with_curve_the_report_shows_the_curve_and_nothing_else_changes() {
    let dir = small_with_part_timers();
    let scenario = dir.path().join("scenario.toml");
    let (with, without) = (dir.path().join("with"), dir.path().join("without"));
    plan(&scenario, &with, &["--curve"]);
    plan(&scenario, &without, &[]);
    let html = read(&with.join("report.html"));
    let svg = read(&with.join("curve.svg"));
    let section = between(&html, "<h2 id=\"curve\">", "</pre>\n");
    assert!(section.contains(&svg), "the chart is curve.svg");
    let summary: serde_json::Value =
        serde_json::from_str(&read(&with.join("summary.json"))).unwrap();
    // The curve's needed count is the plan's: 12 part-timers on this day, the curve's last row
    // at 12 with no agent-hour short.
    assert_eq!(summary["part_timers_needed"], 12);
    assert!(section.contains("Part-timers needed: 12 (the fewest with no hour short)"));
    assert!(
        section.contains("\n         12                0.0"),
        "{section}"
    );
    // Without --curve: no curve.svg, no section; every other file the same bytes, and the
    // report is the same page less the section.
    assert!(!without.join("curve.svg").exists());
    let plain = read(&without.join("report.html"));
    assert!(!plain.contains("id=\"curve\""));
    assert_eq!(plain, html.replace(&format!("{section}</pre>\n"), ""));
    for entry in std::fs::read_dir(&without).unwrap() {
        let name = entry.unwrap().file_name();
        if name != ".shiftcast" && name != "report.html" {
            assert_eq!(
                std::fs::read(without.join(&name)).unwrap(),
                std::fs::read(with.join(&name)).unwrap(),
                "{name:?}"
            );
        }
    }
}
