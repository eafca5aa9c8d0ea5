//! A plan folder read back (`input::read_written_plan`) is the plan that was written: the
//! roster with every queue and break period, the requirements as the CSV rounds them, and the
//! standby list's shifts.

use std::path::Path;

use shiftcast::forecast::History;
use shiftcast::input::read_written_plan;
use shiftcast::intraday::WrittenPlan;
use shiftcast::labels::Lang;
use shiftcast::output::{plan_files, write_output_dir, PlanOutputs};
use shiftcast::scenario::Scenario;
use shiftcast::schedule::Activity;
use shiftcast::{Inputs, Overrides, Plan};

mod common;
use common::{example, given, hourly_scenario, person, requirements};

/// Writes `plan` into `dir` as `shiftcast plan` does, and reads it back.
fn write_and_read(plan: &Plan, scenario: &Scenario, excel_csv: bool, dir: &Path) -> WrittenPlan {
    let how = PlanOutputs {
        scenario,
        history: &History::default(),
        lang: Lang::En,
        excel_csv,
        curve: None,
    };
    write_output_dir(dir, &plan_files(plan, &how).unwrap()).unwrap();
    read_written_plan(dir, scenario).unwrap()
}

fn round(x: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (x * scale).round() / scale
}

/// The roster exactly; requirements with chats to 2 decimals and load to 3, as written; the
/// standby list's names, queues, times and contract.
fn assert_read_back(plan: &Plan, read: &WrittenPlan) {
    assert_eq!(read.roster, plan.roster.rows);
    assert_eq!(read.requirements.len(), plan.requirements.len());
    for (r, p) in read.requirements.iter().zip(&plan.requirements) {
        assert_eq!((r.time, &r.queue), (p.time, &p.queue));
        assert_eq!(r.inquiries, round(p.inquiries, 2));
        assert_eq!(r.offered_load, round(p.offered_load, 3));
        assert_eq!(r.agents_required, p.agents_required);
        assert_eq!(r.agents_by_rule, p.agents_by_rule);
    }
    let fields = |r: &shiftcast::roster::RosterRow| {
        (
            r.name.clone(),
            r.queue.clone(),
            r.start,
            r.end,
            r.kind,
            r.group.clone(),
            r.hired,
        )
    };
    assert_eq!(
        read.standby.iter().map(fields).collect::<Vec<_>>(),
        plan.standby.rows.iter().map(fields).collect::<Vec<_>>()
    );
}

#[test]
fn the_example_plan_reads_back_as_written() {
    let inputs = Inputs::read(&example(), &Overrides::default()).unwrap();
    let plan = shiftcast::plan(&inputs, &mut |_| {}).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let read = write_and_read(&plan, &inputs.scenario, false, &dir.path().join("plan"));
    // The example has overnight shifts from the day before, hired part-timers and a standby
    // list: what the reading must get right.
    assert!(plan
        .roster
        .rows
        .iter()
        .any(|r| r.start < inputs.scenario.horizon.start));
    assert!(plan.roster.rows.iter().any(|r| r.hired));
    assert!(!plan.standby.rows.is_empty());
    assert_read_back(&plan, &read);
    // Standby shifts serve their queue for their whole time in the horizon.
    let sb = &read.standby[0];
    assert_eq!(sb.segments.len(), 1);
    assert_eq!(
        (sb.segments[0].start, sb.segments[0].end),
        (sb.start.max(inputs.scenario.horizon.start), sb.end)
    );
}

#[test]
fn a_cyclic_day_reads_its_wrapped_night_shift_back_in_the_morning() {
    // A repeating day, one agent every hour, 8-hour part-time shifts at 06, 14 and 22 with an
    // hour's meal 3 to 5 hours in: the 22:00 shift's detail runs 22:00-00:00 and on at the
    // day's own 00:00, which the reading must place at the horizon's start, not the next day.
    let mut s = hourly_scenario(
        r#"
[[shifts]]
name = "pt"
start = "06:00"
latest_start = "22:00"
start_every_minutes = 480
hours = 8
kinds = ["part-time"]
breaks = [{ name = "meal", minutes = 60, earliest_after_hours = 3, latest_after_hours = 5 }]
"#,
        &["presale"],
        1,
    );
    s.horizon.cyclic = true;
    let need = requirements(&s, |_, _| 1);
    let inputs = given(s, vec![person("Li Wei", &["presale"])], need);
    let plan = shiftcast::plan(&inputs, &mut |_| {}).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let read = write_and_read(&plan, &inputs.scenario, true, &dir.path().join("plan"));
    let horizon = &inputs.scenario.horizon;
    assert!(
        plan.roster.rows.iter().any(|r| r.end > horizon.end),
        "a shift wraps"
    );
    assert!(read
        .roster
        .iter()
        .flat_map(|r| &r.segments)
        .any(|seg| seg.activity == Activity::Break("meal".into())));
    assert_read_back(&plan, &read);
    assert!(
        read.standby.is_empty(),
        "given requirements have no standby"
    );
}

#[test]
fn a_plan_folder_from_before_the_standby_list_has_nobody_on_call() {
    let s = hourly_scenario(
        "[[shifts]]\nname = \"day\"\nstart = \"08:00\"\nhours = 8\n",
        &["presale"],
        1,
    );
    let need = requirements(&s, |_, i| u32::from((8..16).contains(&i)));
    let inputs = given(s, vec![person("Li Wei", &["presale"])], need);
    let plan = shiftcast::plan(&inputs, &mut |_| {}).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan");
    write_and_read(&plan, &inputs.scenario, false, &out);
    std::fs::remove_file(out.join("standby.csv")).unwrap();
    let read = read_written_plan(&out, &inputs.scenario).unwrap();
    assert!(read.standby.is_empty());
    assert_eq!(read.roster, plan.roster.rows);
}
