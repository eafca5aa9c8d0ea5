//! `shiftcast review` after the event: a small case worked by hand (WAPE, bias, agents planned,
//! implied service share and conversion rate, what to change), the example plan against
//! actuals 30% over its forecast, and the Chinese text.

use std::path::Path;

use serde_json::Value;
use shiftcast::forecast::History;
use shiftcast::input::{read_actuals, read_scenario, read_written_plan};
use shiftcast::intraday::Actual;
use shiftcast::labels::Lang;
use shiftcast::output::{plan_files, write_output_dir, PlanOutputs};
use shiftcast::review::{review, Review};
use shiftcast::roster::serving;
use shiftcast::{Inputs, Overrides};

mod common;
use common::{example, shiftcast};

/// Three hours of two queues (3-minute chats, 3 at once, no shrinkage, 80% in 30 s) and a
/// 2-hour event on presale planned for 0.40 of orders through service and 0.50 converting.
const SCENARIO: &str = r#"
[horizon]
start = "2026-11-11T00:00"
end = "2026-11-11T03:00"
interval_minutes = 60
[history]
file = "history.csv"
[staff]
file = "staff.csv"
[costs]
full_time_per_hour = 35
part_time_per_hour = 45
shortfall_per_agent_hour = 500
[[queues]]
name = "presale"
handle_time_seconds = 180
chats_at_once = 3
part_time_chats_at_once = 2
service_level = 0.8
answer_within_seconds = 30
shrinkage = 0
max_occupancy = 0.85
[[queues]]
name = "aftersale"
handle_time_seconds = 180
chats_at_once = 3
part_time_chats_at_once = 2
service_level = 0.8
answer_within_seconds = 30
shrinkage = 0
max_occupancy = 0.85
[[events]]
name = "Double 11"
start = "2026-11-11T00:00"
hours = 2
target_orders = 100
service_share = 0.40
conversion_rate = 0.50
presale_queue = "presale"
[[shifts]]
name = "night"
start = "00:00"
hours = 3
"#;

/// The plan's chats: presale 100, 50, 10; aftersale 20, 10, 10.
const REQUIREMENTS: &str =
    "timestamp,queue,inquiries,agents_required,offered_load_erlang,agents_by_rule
2026-11-11T00:00,presale,100.00,3,5.000,
2026-11-11T01:00,presale,50.00,2,2.500,
2026-11-11T02:00,presale,10.00,1,0.500,
2026-11-11T00:00,aftersale,20.00,1,1.000,
2026-11-11T01:00,aftersale,10.00,1,0.500,
2026-11-11T02:00,aftersale,10.00,1,0.500,
";

/// Li Wei on presale throughout; the hired PT-01 on aftersale, then presale, then a meal.
const ROSTER: &str = "name,queue,start,end,kind,group,shift,hours,wage,detail
Li Wei,presale,2026-11-11T00:00,2026-11-11T03:00,full-time,main,night,3.00,35.00,presale 00:00-03:00
PT-01,presale,2026-11-11T00:00,2026-11-11T03:00,part-time,part-time,night,3.00,45.00,\"aftersale 00:00-01:00, presale 01:00-02:00, meal 02:00-03:00\"
";

/// What came: presale 130, 40, 10 (answered in time 100 and 40 in the event's hours, with
/// 200 + 100 orders of which 60 + 30 chatted first); aftersale 20, 15, 5.
const ACTUALS: &str = "timestamp,queue,inquiries,answered_within_target,orders,service_orders
2026-11-11T00:00,presale,130,100,200,60
2026-11-11T00:00,aftersale,20,,,
2026-11-11T01:00,presale,40,40,100,30
2026-11-11T01:00,aftersale,15,,,
2026-11-11T02:00,presale,10,,,
2026-11-11T02:00,aftersale,5,,,
";

/// The hand-worked case's files in a fresh folder: scenario.toml, plan/ and actuals.csv.
fn hand_worked() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("plan")).unwrap();
    for (name, text) in [
        ("scenario.toml", SCENARIO),
        ("plan/requirements.csv", REQUIREMENTS),
        ("plan/roster.csv", ROSTER),
        ("actuals.csv", ACTUALS),
    ] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

fn hand_worked_review(dir: &Path) -> Review {
    let scenario = read_scenario(&dir.join("scenario.toml"), &[]).unwrap();
    let plan = read_written_plan(&dir.join("plan"), &scenario).unwrap();
    let actuals = read_actuals(&dir.join("actuals.csv"), &scenario).unwrap();
    review(&scenario, &plan, &actuals).unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn a_small_case_worked_by_hand() {
    let dir = hand_worked();
    let r = hand_worked_review(dir.path());
    let (presale, aftersale) = (&r.queues[0], &r.queues[1]);
    // presale: forecast 100 + 50 + 10 = 160, actual 130 + 40 + 10 = 180, misses 30 + 10 + 0 =
    // 40: WAPE 40 / 180 = 0.2222, bias (160 - 180) / 180 = -0.1111.
    assert_eq!((presale.forecast, presale.actual), (160.0, 180.0));
    assert!(close(presale.wape.unwrap(), 40.0 / 180.0));
    assert!(close(presale.bias.unwrap(), -20.0 / 180.0));
    // aftersale: forecast 40, actual 20 + 15 + 5 = 40, misses 0 + 5 + 5: WAPE 0.25, bias 0.
    assert_eq!((aftersale.forecast, aftersale.actual), (40.0, 40.0));
    assert!(close(aftersale.wape.unwrap(), 0.25));
    assert!(close(aftersale.bias.unwrap(), 0.0));
    // Worst hours: presale 00:00 (30) then 01:00 (10), not 02:00 (exact); aftersale's two
    // misses of 5 in time order.
    let worst = |q: &shiftcast::review::QueueReview| -> Vec<String> {
        q.worst_hours.iter().map(|h| h.timestamp.clone()).collect()
    };
    assert_eq!(worst(presale), ["2026-11-11T00:00", "2026-11-11T01:00"]);
    assert_eq!(worst(aftersale), ["2026-11-11T01:00", "2026-11-11T02:00"]);
    // Answered in time where given (presale 00:00 and 01:00): (100 + 40) / (130 + 40).
    assert!(close(presale.service_level_actual.unwrap(), 140.0 / 170.0));
    assert_eq!(aftersale.service_level_actual, None);

    // Agents planned by the roster, by time then queue. PT-01 is hired and serves 2 chats of
    // 3: 2/3 of an agent. presale: Li; Li + PT-01 (1.67, counted 1); Li (PT-01 at meal).
    // aftersale: PT-01 (0.67, counted 0); nobody; nobody.
    let planned: Vec<(&str, u32, u32)> = r
        .hours
        .iter()
        .map(|h| (h.queue.as_str(), h.agents_planned, h.full_agents_planned))
        .collect();
    assert_eq!(
        planned,
        [
            ("presale", 1, 1),
            ("aftersale", 1, 0),
            ("presale", 2, 1),
            ("aftersale", 0, 0),
            ("presale", 1, 1),
            ("aftersale", 0, 0),
        ]
    );
    // Agents the actual chats needed. 5 aftersale chats at 02:00 offer 5 x 180 / 3600 = 0.25
    // Erlang: 1 slot answers 1 - 0.25 e^(-0.75 x 30/180) = 77.9% in 30 s, short of 80%; 2 slots
    // (Erlang C 0.0278) answer 1 - 0.0278 e^(-1.75 x 30/180) = 97.9%: 1 agent of 3 chats.
    // 10 presale chats at 02:00 (0.5 Erlang): 1 slot 54.0%, 2 slots (C = 0.1) 92.2%: 1 agent.
    // 40 presale chats at 01:00 (2 Erlang): 3 slots only 62.4%, so 2 agents or more.
    assert_eq!(r.hours[5].agents_required_by_actual, 1);
    assert_eq!(r.hours[4].agents_required_by_actual, 1);
    assert!(r.hours[2].agents_required_by_actual >= 2);
    // Understaffed for what came: presale at 00:00 and 01:00; aftersale in all 3 hours.
    assert_eq!(
        (presale.hours_understaffed, aftersale.hours_understaffed),
        (2, 3)
    );

    // The event's 2 hours: 170 presale chats against 150 forecast; 300 orders, 90 from buyers
    // who chatted: 170 / 300 = 0.567 chats per order against 0.40 / 0.50 = 0.80; service share
    // 90 / 300 = 0.30 against 0.40; conversion 90 / 170 = 0.529 against 0.50.
    let event = &r.events[0];
    assert_eq!((event.hours, event.event_hours), (2, 2));
    assert_eq!(
        (event.forecast_presale, event.actual_presale),
        (150.0, 170.0)
    );
    assert_eq!(
        (event.orders, event.service_orders),
        (Some(300.0), Some(90.0))
    );
    assert!(close(event.inquiries_per_order.unwrap(), 170.0 / 300.0));
    assert!(close(event.scenario_inquiries_per_order, 0.8));
    assert!(close(event.service_share.unwrap(), 0.3));
    assert!(close(event.conversion_rate.unwrap(), 90.0 / 170.0));
    let next: Vec<(&str, f64, f64)> = r
        .next_time
        .iter()
        .map(|s| (s.key.as_str(), s.value, s.scenario))
        .collect();
    assert_eq!(
        next,
        [
            ("events[0].service_share", 0.3, 0.4),
            ("events[0].conversion_rate", 0.53, 0.5)
        ]
    );
}

#[test]
fn the_cli_prints_the_review_as_json_and_as_sentences() {
    let dir = hand_worked();
    let path = |name: &str| dir.path().join(name).display().to_string();
    let args = [
        "review".to_string(),
        path("scenario.toml"),
        "--plan".into(),
        path("plan"),
        "--actuals".into(),
        path("actuals.csv"),
        "--quiet".into(),
    ];
    let json = shiftcast(&[&args[..], &["--json".into()]].concat());
    assert!(json.status.success());
    let json: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["queues"][0]["queue"], "presale");
    assert_eq!(json["events"][0]["service_orders"], 90.0);
    assert_eq!(json["next_time"][1]["key"], "events[0].conversion_rate");
    assert_eq!(json["hours"][1]["full_agents_planned"], 0);

    let text = shiftcast(&[&args[..], &["--lang".into(), "en".into()]].concat());
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains(
            "presale: 160 chats forecast, 180 came: WAPE 22.2%, bias -11.1% (forecast too low)"
        ),
        "{text}"
    );
    assert!(text.contains("aftersale: 40 chats forecast, 40 came: WAPE 25.0%, bias 0.0%\n"));
    assert!(text.contains("  set events[0].conversion_rate = 0.53 (the scenario had 0.50)"));

    let zh = shiftcast(&[&args[..], &["--lang".into(), "zh".into()]].concat());
    assert!(zh.status.success());
    let zh = String::from_utf8(zh.stdout).unwrap();
    assert!(
        zh.contains("售前：预测咨询量 160，实际 180；误差率 22.2%，偏差 -11.1%（预测偏低）"),
        "{zh}"
    );
    assert!(zh.contains("询单占比 0.30（场景设定 0.40），转化率 0.53（场景设定 0.50）"));
    // Names people gave (the event's) and keys they type (the settings) stay as written;
    // every other word is Chinese.
    let names = [
        "Double 11",
        "events[0].service_share",
        "events[0].conversion_rate",
    ];
    let english = common::english_words(&zh, &names);
    assert!(english.is_empty(), "{english:?} in:\n{zh}");
}

#[test]
fn the_example_against_actuals_30_percent_over_is_biased_low_by_a_quarter() {
    let inputs = Inputs::read(&example(), &Overrides::default()).unwrap();
    let scenario = &inputs.scenario;
    let plan = shiftcast::plan(&inputs, &mut |_| {}).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let how = PlanOutputs {
        scenario,
        history: &History::default(),
        lang: Lang::En,
        excel_csv: false,
        curve: None,
    };
    let out = dir.path().join("plan");
    write_output_dir(&out, &plan_files(&plan, &how).unwrap()).unwrap();
    let written = read_written_plan(&out, scenario).unwrap();
    let actuals: Vec<Actual> = written
        .requirements
        .iter()
        .map(|r| Actual {
            time: r.time,
            queue: r.queue.clone(),
            inquiries: r.inquiries * 1.3,
            answered_within_target: None,
            agents_logged_in: None,
            orders: None,
            service_orders: None,
        })
        .collect();
    let r = review(scenario, &written, &actuals).unwrap();
    // forecast / actual - 1 = 1 / 1.3 - 1 = -0.2308 on every queue, every hour too high by 0.3
    // of the forecast: WAPE 0.3 / 1.3 = 0.2308.
    for q in &r.queues {
        assert_eq!(q.hours, scenario.horizon.len());
        assert!(close(q.bias.unwrap(), 1.0 / 1.3 - 1.0), "{}", q.queue);
        assert_eq!(format!("{:.4}", q.bias.unwrap()), "-0.2308");
        assert!(close(q.wape.unwrap(), 0.3 / 1.3));
    }
    // The roster counts as the plan's coverage does: everyone, and at the forecast the
    // formula's service level it reported.
    let counted = serving(&plan.roster.rows, &inputs.staff, scenario);
    let by_queue = |name: &str| scenario.queues.iter().position(|q| q.name == name).unwrap();
    for c in &plan.report.coverage {
        let (q, i) = (
            by_queue(&c.queue),
            scenario.horizon.index_of(c.time).unwrap(),
        );
        assert_eq!(counted.scheduled[q][i], c.scheduled);
        assert_eq!(counted.cross_trained[q][i], c.cross_trained);
        assert_eq!(counted.part_time[q][i], c.part_time);
    }
    for h in &r.hours {
        let c = plan
            .report
            .coverage
            .iter()
            .find(|c| c.time == h.time && c.queue == h.queue)
            .unwrap();
        assert_eq!(h.agents_planned, c.scheduled);
        assert!((h.service_level_planned - c.service_level).abs() < 1e-3);
    }
    // No orders given: nothing to say about the event's settings.
    assert!(r.events[0].orders.is_none() && r.next_time.is_empty());
}
