//! The levers a manager pulls, worked by hand: `deflection` and `event_deflection`,
//! `reminder_sms_share` and `open` hours, each in its forecast column, what they do to the
//! agents the summary reports, and the errors for values that cannot be.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDateTime};
use shiftcast::forecast::{forecast, Forecast, ForecastRow, History};
use shiftcast::labels::Lang;
use shiftcast::scenario::Scenario;
use shiftcast::time::parse_time;
use shiftcast::{Demand, Inputs};

mod common;

/// Plans 2026-11-11 hour by hour with the profile method; `queues` are `[[queues]]` tables
/// (180 s chats, one at a time, 80% in 30 s) with their extra keys, then `extra` TOML.
fn scenario_text(queues: &[(&str, &str)], extra: &str) -> String {
    let mut text = String::from(
        r#"
[horizon]
start = "2026-11-11T00:00"
end = "2026-11-12T00:00"
interval_minutes = 60
[history]
file = "unused.csv"
[forecast]
method = "profile"
[staff]
file = "unused.csv"
[costs]
full_time_per_hour = 1
part_time_per_hour = 1
shortfall_per_agent_hour = 1000
[[shifts]]
name = "day"
start = "08:00"
hours = 8
"#,
    );
    for (name, keys) in queues {
        text += &format!(
            "[[queues]]\nname = \"{name}\"\nhandle_time_seconds = 180\nservice_level = 0.8\nanswer_within_seconds = 30\n{keys}\n"
        );
    }
    text + extra
}

fn scenario(queues: &[(&str, &str)], extra: &str) -> Scenario {
    common::scenario(&scenario_text(queues, extra))
}

fn t(text: &str) -> NaiveDateTime {
    parse_time(text).unwrap()
}

/// Three weeks of hourly history before the plan at `value` chats an hour, for `queues`.
fn flat_history(queues: &[&str], value: f64) -> History {
    let mut series: BTreeMap<String, BTreeMap<NaiveDateTime, f64>> = BTreeMap::new();
    for queue in queues {
        let s = series.entry(queue.to_string()).or_default();
        for h in 0..21 * 24 {
            s.insert(t("2026-10-21T00:00") + Duration::hours(h), value);
        }
    }
    History {
        series,
        ..History::default()
    }
}

/// The forecast row of one queue and time.
fn at<'a>(f: &'a Forecast, queue: &str, time: &str) -> &'a ForecastRow {
    f.rows
        .iter()
        .find(|r| r.queue == queue && r.time == t(time))
        .unwrap()
}

/// An event on `presale` at 02:00 for 2 hours: 1,000 orders x 0.4 / 0.5 = 800 inquiries, 400
/// an hour; the 2 hours before raised by 1.5; no reminders unless `keys` say so.
fn event(keys: &str) -> String {
    event_on("presale", "2026-11-11T02:00", 1000, keys)
}

/// A 2-hour event on `queue` from `start` with `orders`: orders x 0.4 / 0.5 inquiries, evenly
/// spread; the 2 hours before raised by 1.5.
fn event_on(queue: &str, start: &str, orders: u32, keys: &str) -> String {
    format!(
        r#"
[[events]]
name = "sale"
start = "{start}"
hours = 2
target_orders = {orders}
service_share = 0.4
conversion_rate = 0.5
presale_queue = "{queue}"
curve = [1, 1]
warmup = [1.5]
warmup_hours_before = 2
{keys}
"#
    )
}

#[test]
fn deflection_takes_its_share_of_ordinary_days_and_event_deflection_of_the_event() {
    let s = scenario(
        &[("presale", "deflection = 0.2\nevent_deflection = 0.5")],
        &event("unpaid_share = 0"),
    );
    let f = forecast(&s, &flat_history(&["presale"], 100.0)).unwrap();
    // An ordinary hour: 100 chats, 20 answered before an agent, 80 for the agents.
    let ordinary = at(&f, "presale", "2026-11-11T08:00");
    assert_eq!((ordinary.deflected, ordinary.inquiries), (20.0, 80.0));
    // A warm-up hour: 100 ordinary (20 deflected) + 50 warm-up (25 deflected): 105.
    let warm = at(&f, "presale", "2026-11-11T01:00");
    assert_eq!(
        (warm.warmup, warm.deflected, warm.inquiries),
        (50.0, 45.0, 105.0)
    );
    // An event hour: 400 event inquiries replace the ordinary 100; half are deflected.
    let sale = at(&f, "presale", "2026-11-11T02:00");
    assert_eq!(
        (sale.event, sale.deflected, sale.inquiries),
        (400.0, 200.0, 200.0)
    );
}

#[test]
fn event_deflection_defaults_to_deflection() {
    let s = scenario(
        &[("presale", "deflection = 0.25")],
        &event("unpaid_share = 0"),
    );
    let f = forecast(&s, &flat_history(&["presale"], 100.0)).unwrap();
    let sale = at(&f, "presale", "2026-11-11T03:00");
    assert_eq!((sale.deflected, sale.inquiries), (100.0, 300.0));
}

#[test]
fn sms_reminders_leave_the_agents_only_the_rest() {
    // 30,000 orders, 20% unpaid: 6,000 reminders in the first hour; 75% by SMS leaves 1,500
    // to the agents, at 90 s each = 750 chats of 180 s on top of 12,000 event inquiries.
    let keys = "unpaid_share = 0.2\nreminder_hours = 1\n\
                reminder_handle_seconds = 90\nreminder_sms_share = 0.75";
    let text = event_on("presale", "2026-11-11T02:00", 30_000, keys);
    let s = scenario(&[("presale", "")], &text);
    let f = forecast(&s, &flat_history(&["presale"], 100.0)).unwrap();
    let first = at(&f, "presale", "2026-11-11T02:00");
    assert_eq!((first.reminders, first.sms_reminders), (1500.0, 4500.0));
    assert_eq!(first.inquiries, 12_000.0 + 750.0);
    assert!(f
        .notes
        .contains(&"sale: 4500 of the payment reminders go by SMS, no agent work".to_string()));
}

#[test]
fn chats_of_closed_hours_wait_for_the_opening() {
    let s = scenario(&[("presale", "open = \"08:00-24:00\"")], "");
    let f = forecast(&s, &flat_history(&["presale"], 10.0)).unwrap();
    // Closed 00:00-08:00: 8 hours x 10 chats wait and arrive at 08:00 on top of its own 10.
    let night = at(&f, "presale", "2026-11-11T03:00");
    assert_eq!(
        (night.inquiries, night.backlog, night.upper),
        (0.0, -10.0, 0.0)
    );
    let opening = at(&f, "presale", "2026-11-11T08:00");
    assert_eq!((opening.backlog, opening.inquiries), (80.0, 90.0));
    assert_eq!(at(&f, "presale", "2026-11-11T09:00").inquiries, 10.0);
    // Closed hours need nobody.
    let need = shiftcast::staffing::requirements(&s, &f.rows).unwrap();
    assert!(need[..8].iter().all(|r| r.agents_required == 0));
}

#[test]
fn a_window_past_midnight_closes_the_day_between() {
    // Open 20:00-02:00: 02:00-20:00 is closed, its 18 hours wait until 20:00.
    let s = scenario(&[("presale", "open = \"20:00-02:00\"")], "");
    let f = forecast(&s, &flat_history(&["presale"], 10.0)).unwrap();
    assert_eq!(at(&f, "presale", "2026-11-11T01:00").inquiries, 10.0);
    assert_eq!(at(&f, "presale", "2026-11-11T02:00").inquiries, 0.0);
    assert_eq!(at(&f, "presale", "2026-11-11T20:00").inquiries, 190.0);
}

#[test]
fn the_columns_add_up_to_inquiries() {
    // Every lever and every part at once: inquiries = baseline (not in the event's hours) +
    // warmup + event + reminders x reminder time / chat time + aftersale_wave - deflected +
    // backlog, as the README says.
    let keys = "reminder_hours = 1\nreminder_handle_seconds = 90\nreminder_sms_share = 0.5";
    let s = scenario(
        &[(
            "presale",
            "deflection = 0.2\nevent_deflection = 0.4\nopen = \"01:00-23:00\"",
        )],
        &event(keys),
    );
    let f = forecast(&s, &flat_history(&["presale"], 100.0)).unwrap();
    for r in &f.rows {
        let in_event = r.time >= t("2026-11-11T02:00") && r.time < t("2026-11-11T04:00");
        let baseline = if in_event { 0.0 } else { r.baseline };
        let sum = baseline + r.warmup + r.event + r.reminders * 90.0 / 180.0 + r.aftersale_wave
            - r.deflected
            + r.backlog;
        assert!((sum - r.inquiries).abs() < 1e-9, "{r:?}");
    }
    // 00:00 is closed: 80 agents' chats + 30 of the warm-up's 50 wait for 01:00.
    assert_eq!(at(&f, "presale", "2026-11-11T01:00").backlog, 110.0);
}

/// One agent for every queue, always available.
fn plan_of(s: Scenario, history: History) -> shiftcast::Plan {
    let names: Vec<String> = s.queues.iter().map(|q| q.name.clone()).collect();
    let skills: Vec<&str> = names.iter().map(String::as_str).collect();
    let inputs = Inputs {
        scenario: s,
        staff: vec![common::person("ana", &skills)],
        demand: Demand::History(history),
        warnings: Vec::new(),
    };
    shiftcast::plan(&inputs, &mut |_| {}).unwrap()
}

#[test]
fn the_summary_staffs_each_levers_interval_with_and_without_it() {
    // presale: 400 chats an hour, half deflected: 200 need 13 agents, 400 would need 24.
    // aftersale: closed until 08:00, 10 an hour: 90 at 08:00 need 7, its own 10 need 2.
    // vip: the event's 400 inquiries at 00:00 and 200 reminders (100 by SMS) of 180 s: 500
    // chats need 29 agents, 600 would need 34 (Erlang C, 180 s, 80% in 30 s).
    let keys = "unpaid_share = 0.2\nreminder_hours = 1\n\
                reminder_handle_seconds = 180\nreminder_sms_share = 0.5";
    let vip_event = event_on("vip", "2026-11-11T00:00", 1000, keys);
    let s = scenario(
        &[
            ("presale", "deflection = 0.5"),
            ("aftersale", "open = \"08:00-24:00\""),
            ("vip", ""),
        ],
        &vip_event,
    );
    let mut history = flat_history(&["presale"], 400.0);
    history
        .series
        .extend(flat_history(&["aftersale", "vip"], 10.0).series);
    let plan = plan_of(s, history);
    let levers = &plan.report.summary.levers;
    let counts: Vec<_> = levers
        .iter()
        .map(|e| {
            (
                e.lever,
                e.queue.as_str(),
                e.timestamp.as_str(),
                e.chats,
                e.agents_with,
                e.agents_without,
            )
        })
        .collect();
    assert_eq!(
        counts,
        [
            ("deflection", "presale", "2026-11-11T00:00", 200.0, 13, 24),
            ("open", "aftersale", "2026-11-11T08:00", 80.0, 7, 2),
            ("reminder_sms", "vip", "2026-11-11T00:00", 100.0, 29, 34),
        ]
    );
    let text = shiftcast::output::text::summary(&plan.report.summary, Lang::En);
    assert!(text.contains(
        "Deflection saves 11 agents at presale's peak, 2026-11-11T00:00: 13 instead of 24 (200 chats answered before an agent)\n"
    ));
    assert!(text.contains("SMS reminders save 5 agents on vip at 2026-11-11T00:00"));
    let zh = shiftcast::output::text::summary(&plan.report.summary, Lang::Zh);
    assert!(zh.contains("分流在售前峰值 2026-11-11T00:00 省 11 名客服"));
    let json = serde_json::to_value(&plan.report.summary).unwrap();
    assert_eq!(json["levers"][1]["agents_with"], 7);
}

/// The error for a scenario with `keys` on its queue.
fn error(queue_keys: &str, extra: &str) -> String {
    Scenario::from_toml(&scenario_text(&[("presale", queue_keys)], extra), "s.toml")
        .unwrap_err()
        .to_string()
}

#[test]
fn a_deflection_of_all_chats_or_more_is_refused() {
    let e = error("deflection = 1.2", "");
    assert!(e.contains("queues[0].deflection"), "{e}");
    assert!(
        e.contains("1.2 is not a share from 0 up to (not including) 1"),
        "{e}"
    );
    let e = error("event_deflection = 1", "");
    assert!(e.contains("queues[0].event_deflection"), "{e}");
}

#[test]
fn open_hours_must_be_a_window_on_the_interval_grid() {
    let e = error("open = \"8-24\"", "");
    assert!(e.contains("queues[0].open"), "{e}");
    assert!(e.contains("\"8-24\" is not a daily window"), "{e}");
    let e = error("open = \"08:30-24:00\"", "");
    assert!(
        e.contains("\"08:30-24:00\" does not open and close on the plan's 60-minute intervals"),
        "{e}"
    );
}

#[test]
fn an_sms_share_above_one_is_refused() {
    let e = error("", &event("reminder_sms_share = 1.5"));
    assert!(e.contains("events[0].reminder_sms_share"), "{e}");
}

#[test]
fn the_schedule_leaves_closed_hours_unstaffed() {
    // A night shift exists, but nobody is needed before 08:00: the plan takes the day shift.
    let night = "[[shifts]]\nname = \"night\"\nstart = \"00:00\"\nhours = 8\n";
    let s = scenario(&[("aftersale", "open = \"08:00-24:00\"")], night);
    let plan = plan_of(s, flat_history(&["aftersale"], 10.0));
    let (closed, open): (Vec<_>, Vec<_>) =
        (plan.report.coverage.iter()).partition(|c| c.time < t("2026-11-11T08:00"));
    assert!(closed.iter().all(|c| c.required == 0 && c.scheduled == 0));
    // 08:00 takes the night's 80 chats with its own 10: 7 agents.
    assert_eq!((open[0].required, open[1].required), (7, 2));
    assert!(open[0].scheduled > 0);
}

#[test]
fn chats_after_the_last_closing_are_noted_as_past_the_horizon() {
    // Closed from 22:00: the 2 last hours' 20 chats would arrive the next morning.
    let s = scenario(&[("presale", "open = \"08:00-22:00\"")], "");
    let f = forecast(&s, &flat_history(&["presale"], 10.0)).unwrap();
    assert_eq!(at(&f, "presale", "2026-11-11T23:00").backlog, -10.0);
    let note = "presale: 20 chats arrive after the last opening hours of the horizon and wait past its end (open 08:00-22:00)";
    assert!(f.notes.contains(&note.to_string()), "{:?}", f.notes);
}
