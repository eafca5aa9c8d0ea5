//! The forecast rules on small hand-checked histories.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDateTime};
use shiftcast::forecast::{forecast, Forecast, ForecastRow, History};
use shiftcast::scenario::Scenario;
use shiftcast::time::parse_time;

mod common;

/// Plans 2026-11-11 (a Wednesday) hour by hour; the event runs 00:00-02:00.
fn scenario(extra: &str) -> Scenario {
    common::scenario(&format!("{}{extra}", scenario_text()))
}

fn scenario_text() -> String {
    String::from(
        r#"
[horizon]
start = "2026-11-11T00:00"
end = "2026-11-12T00:00"
interval_minutes = 60
[history]
file = "unused.csv"
weeks = 2
[forecast]
method = "profile"
[staff]
file = "unused.csv"
[costs]
full_time_per_hour = 1
part_time_per_hour = 1
shortfall_per_agent_hour = 1
[[queues]]
name = "presale"
handle_time_seconds = 180
service_level = 0.8
answer_within_seconds = 30
[[queues]]
name = "aftersale"
handle_time_seconds = 300
service_level = 0.8
answer_within_seconds = 60
[[shifts]]
name = "day"
start = "08:00"
hours = 8
"#,
    )
}

const EVENT: &str = r#"
[[events]]
name = "Double 11"
start = "2026-11-11T00:00"
hours = 2
target_sales = 6000000
average_order_value = 200
service_share = 0.4
conversion_rate = 0.5
presale_queue = "presale"
aftersale_queue = "aftersale"
aftersale_contact_rate = 0.1
aftersale_lag = [0.25, 0.75]
[[past_events]]
name = "A"
start = "2025-11-11T00:00"
hours = 2
[[past_events]]
name = "B"
start = "2026-06-18T00:00"
hours = 2
"#;

fn t(text: &str) -> NaiveDateTime {
    parse_time(text).unwrap()
}

/// The forecast row of one queue and time.
fn at<'a>(f: &'a Forecast, queue: &str, time: &str) -> &'a ForecastRow {
    f.rows
        .iter()
        .find(|r| r.queue == queue && r.time == t(time))
        .unwrap()
}

/// Every hour from `from` for `days` days at `value`, for both queues.
fn flat_history(from: &str, days: i64, value: f64) -> History {
    let mut series: BTreeMap<String, BTreeMap<NaiveDateTime, f64>> = BTreeMap::new();
    for queue in ["presale", "aftersale"] {
        let s = series.entry(queue.into()).or_default();
        for h in 0..days * 24 {
            s.insert(t(from) + Duration::hours(h), value);
        }
    }
    History {
        series,
        ..History::default()
    }
}

#[test]
fn baseline_is_the_mean_of_the_same_weekday_and_hour() {
    let mut history = flat_history("2026-10-21T00:00", 21, 10.0);
    let presale = history.series.get_mut("presale").unwrap();
    // Wednesdays 10:00: 2026-11-04 -> 20, 2026-10-28 -> 40, 2026-10-21 -> 1000 (three weeks back,
    // beyond `weeks = 2`).
    presale.insert(t("2026-11-04T10:00"), 20.0);
    presale.insert(t("2026-10-28T10:00"), 40.0);
    presale.insert(t("2026-10-21T10:00"), 1000.0);
    let f = forecast(&scenario(""), &history).unwrap();
    assert_eq!(at(&f, "presale", "2026-11-11T10:00").inquiries, 30.0);
    assert_eq!(at(&f, "presale", "2026-11-11T11:00").inquiries, 10.0);
}

#[test]
fn a_missing_week_is_skipped_and_promotion_days_are_left_out() {
    let mut history = flat_history("2026-10-14T00:00", 28, 10.0);
    let presale = history.series.get_mut("presale").unwrap();
    presale.remove(&t("2026-11-04T10:00")); // a gap: the next older week is used instead
    presale.insert(t("2026-10-28T10:00"), 30.0);
    presale.insert(t("2026-10-21T10:00"), 50.0);
    let f = forecast(&scenario(""), &history).unwrap();
    assert_eq!(at(&f, "presale", "2026-11-11T10:00").baseline, 40.0);

    // Declared as a past promotion, 2026-10-28 is skipped: (50 + 10) / 2.
    let past = "[[past_events]]\nname = \"flash sale\"\nstart = \"2026-10-28T00:00\"\nhours = 24\n";
    let f = forecast(&scenario(past), &history).unwrap();
    assert_eq!(at(&f, "presale", "2026-11-11T10:00").baseline, 30.0);
}

#[test]
fn event_volume_follows_the_shape_of_two_past_events() {
    let mut history = flat_history("2026-10-21T00:00", 21, 10.0);
    let presale = history.series.get_mut("presale").unwrap();
    // Past event A: 10 then 30 (shares 0.25, 0.75); B: 300 then 300 (0.5, 0.5). Mean: 0.375, 0.625.
    for (time, v) in [
        ("2025-11-11T00:00", 10.0),
        ("2025-11-11T01:00", 30.0),
        ("2026-06-18T00:00", 300.0),
        ("2026-06-18T01:00", 300.0),
    ] {
        presale.insert(t(time), v);
    }
    let f = forecast(&scenario(EVENT), &history).unwrap();
    // 6,000,000 / 200 = 30,000 orders; x 0.4 / 0.5 = 24,000 inquiries.
    assert_eq!(at(&f, "presale", "2026-11-11T00:00").event, 9_000.0);
    assert_eq!(at(&f, "presale", "2026-11-11T01:00").event, 15_000.0);
    // Payment reminders: 30,000 x 20% unpaid = 6,000 over the first 2 hours, 3,000 an hour;
    // at 60 s each against 180 s per chat they weigh as 1,000 chats an hour.
    let first = at(&f, "presale", "2026-11-11T00:00");
    assert_eq!(first.reminders, 3_000.0);
    assert_eq!(first.inquiries, 10_000.0);
    assert_eq!(at(&f, "presale", "2026-11-11T01:00").inquiries, 16_000.0);
    // After the event the ordinary day resumes.
    assert_eq!(at(&f, "presale", "2026-11-11T02:00").inquiries, 10.0);
    // After-sale wave: 30,000 x 0.1 = 3,000 contacts, 25% on the event day, spread flat over the
    // flat baseline's 24 hours: 31.25 per hour on top of the baseline of 10.
    let aftersale = at(&f, "aftersale", "2026-11-11T09:00");
    assert_eq!(aftersale.aftersale_wave, 31.25);
    assert_eq!(aftersale.inquiries, 41.25);
    let wave: f64 = f.rows.iter().map(|r| r.aftersale_wave).sum();
    assert!((wave - 750.0).abs() < 1e-9, "{wave}");
}

#[test]
fn the_scenario_curve_is_used_when_history_has_no_past_event() {
    let history = flat_history("2026-10-21T00:00", 21, 10.0);
    let extra = EVENT.replace(
        "aftersale_lag = [0.25, 0.75]",
        "aftersale_lag = [0.25, 0.75]\ncurve = [1, 3]",
    );
    let f = forecast(&scenario(&extra), &history).unwrap();
    let first = f.rows.iter().find(|r| r.queue == "presale").unwrap();
    assert_eq!(first.event, 6_000.0);
    assert!(
        f.notes
            .iter()
            .any(|n| n.contains("spread by the scenario's curve")),
        "{:?}",
        f.notes
    );

    let err = forecast(&scenario(EVENT), &history)
        .unwrap_err()
        .to_string();
    assert!(err.contains("no past event with rows"), "{err}");
}

/// The flat history with after-sale rows from 2025-10-01 for 61 days: 10 an hour, and on
/// Double 11 2025 and the days after it `wave[d]` an hour on day d.
fn after_sale_wave(wave: &[f64]) -> History {
    let mut history = flat_history("2026-10-21T00:00", 21, 10.0);
    let aftersale = history.series.get_mut("aftersale").unwrap();
    for h in 0..61 * 24 {
        let time = t("2025-10-01T00:00") + Duration::hours(h);
        let day = (time - t("2025-11-11T00:00")).num_days();
        let wave_day = (time >= t("2025-11-11T00:00")).then(|| wave.get(day as usize));
        aftersale.insert(time, wave_day.flatten().copied().unwrap_or(10.0));
    }
    history
}

#[test]
fn the_after_sale_wave_is_learned_from_a_past_event() {
    // Around Double 11 2025 the after-sale queue runs at 10 an hour, and 20 an hour on the event
    // day and the day after: an excess of 240 on each, so half the wave falls on each day.
    let history = after_sale_wave(&[20.0, 20.0]);
    let with_shape = EVENT.replace(
        "aftersale_lag = [0.25, 0.75]",
        "aftersale_lag = [0.25, 0.75]\ncurve = [1, 1]",
    );
    let f = forecast(&scenario(&with_shape), &history).unwrap();
    // 3,000 contacts x 0.5 on the event day, over 24 flat hours.
    assert_eq!(at(&f, "aftersale", "2026-11-11T09:00").aftersale_wave, 62.5);
    assert!(
        f.notes
            .iter()
            .any(|n| n.contains("split [0.50, 0.50] by the after-sale wave of past events A")),
        "{:?}",
        f.notes
    );
}

/// A 2-hour event from `start` with a flat curve, warm-up factors `warmup` and more `keys`.
fn warm_event(start: &str, warmup: &str, keys: &str) -> String {
    format!(
        r#"
[[events]]
name = "sale"
start = "{start}"
hours = 2
target_orders = 1000
service_share = 0.4
conversion_rate = 0.5
presale_queue = "presale"
curve = [1, 1]
{warmup}
{keys}
"#
    )
}

#[test]
fn warm_up_raises_the_evening_before_the_event() {
    let history = flat_history("2026-10-21T00:00", 21, 10.0);
    let event = warm_event(
        "2026-11-12T00:00",
        "warmup = [1.5]",
        "warmup_from_hour = 18",
    );
    let f = forecast(&scenario(&event), &history).unwrap();
    assert_eq!(at(&f, "presale", "2026-11-11T17:00").inquiries, 10.0);
    let evening = at(&f, "presale", "2026-11-11T18:00");
    assert_eq!((evening.warmup, evening.inquiries), (5.0, 15.0));
}

#[test]
fn staffing_for_a_quantile_raises_the_ordinary_volume_within_its_interval() {
    let mut history = flat_history("2026-09-30T00:00", 42, 10.0);
    // Some noise so the held-out weeks have errors to size an interval with.
    for (i, value) in history
        .series
        .get_mut("presale")
        .unwrap()
        .values_mut()
        .enumerate()
    {
        *value += [0.0, 4.0, -3.0, 2.0, -3.0][i % 5];
    }
    let base = forecast(&scenario(""), &history).unwrap();
    let text = scenario_text().replace(
        "method = \"profile\"",
        "method = \"profile\"\nstaff_for_quantile = 0.9",
    );
    let cautious = forecast(&common::scenario(&text), &history).unwrap();
    let (b, c) = (
        at(&base, "presale", "2026-11-11T10:00"),
        at(&cautious, "presale", "2026-11-11T10:00"),
    );
    // The 90th percentile lies above the mean and at the 80% interval's upper end.
    assert!(
        c.inquiries > b.inquiries,
        "{} vs {}",
        c.inquiries,
        b.inquiries
    );
    assert!(
        (c.inquiries - b.upper).abs() < 1e-9,
        "{} vs {}",
        c.inquiries,
        b.upper
    );
}

#[test]
fn warmup_hours_before_raise_the_evening_of_the_event_itself() {
    let history = flat_history("2026-10-21T00:00", 21, 10.0);
    let event = |warmup| warm_event("2026-11-11T20:00", warmup, "warmup_hours_before = 4");
    let f = forecast(&scenario(&event("warmup = [1.5]")), &history).unwrap();
    // 16:00-19:00 (the 4 hours before 20:00) x 1.5 of the flat 10; 15:00 stays ordinary.
    let quiet = at(&f, "presale", "2026-11-11T15:00");
    assert_eq!((quiet.warmup, quiet.inquiries), (0.0, 10.0));
    for hour in ["16", "17", "18", "19"] {
        let row = at(&f, "presale", &format!("2026-11-11T{hour}:00"));
        assert_eq!((row.warmup, row.inquiries), (5.0, 15.0), "{hour}:00");
    }
    // Without warmup factors the key has nothing to raise by, and says so.
    let text = format!("{}{}", scenario_text(), event(""));
    let err = Scenario::from_toml(&text, "test.toml")
        .unwrap_err()
        .to_string();
    assert!(err.contains("events[0].warmup_hours_before"), "{err}");
    // More than a day before the start is what whole warm-up days are for.
    let text = format!("{}{}", scenario_text(), event("warmup = [1.5]"))
        .replace("warmup_hours_before = 4", "warmup_hours_before = 30");
    let err = Scenario::from_toml(&text, "test.toml")
        .unwrap_err()
        .to_string();
    assert!(err.contains("events[0].warmup_hours_before"), "{err}");
    assert!(err.contains("30 hours reach back more than a day"), "{err}");
}

/// The event and one past event "A" of other lengths; A's rows on 2025-11-11 are 50, 30, 20.
fn other_length(event_hours: u32) -> Forecast {
    let mut history = flat_history("2026-10-21T00:00", 21, 10.0);
    let presale = history.series.get_mut("presale").unwrap();
    for (h, v) in [50.0, 30.0, 20.0].into_iter().enumerate() {
        presale.insert(t("2025-11-11T00:00") + Duration::hours(h as i64), v);
    }
    let event = format!(
        r#"
[[events]]
name = "Double 11"
start = "2026-11-11T00:00"
hours = {event_hours}
target_orders = 30000
service_share = 0.4
conversion_rate = 0.5
presale_queue = "presale"
unpaid_share = 0
[[past_events]]
name = "A"
start = "2025-11-11T00:00"
hours = 3
"#
    );
    forecast(&scenario(&event), &history).unwrap()
}

#[test]
fn a_past_shape_of_another_length_is_aligned_by_hours_from_the_start() {
    let events = |f: &Forecast, hours: &[&str]| -> Vec<f64> {
        hours
            .iter()
            .map(|h| at(f, "presale", &format!("2026-11-11T{h}:00")).event)
            .collect()
    };
    let close = |got: Vec<f64>, want: &[f64]| {
        let off = got.iter().zip(want).any(|(g, w)| (g - w).abs() > 1e-9);
        assert!(!off, "{got:?} against {want:?}");
    };
    // A's shape [0.5, 0.3, 0.2] of 24,000 inquiries. Cut to 2 hours: [0.5, 0.3] / 0.8.
    let f = other_length(2);
    close(events(&f, &["00", "01"]), &[15_000.0, 9_000.0]);
    let note = "spread by the shape of past events A (2025-11-11T00:00), cut to 2 hours";
    assert!(f.notes.iter().any(|n| n.contains(note)), "{:?}", f.notes);
    // Stretched to 4 hours: hour 3 takes A's mean weight 1/3; [0.5, 0.3, 0.2, 1/3] / (4/3).
    let f = other_length(4);
    let want = [9_000.0, 5_400.0, 3_600.0, 6_000.0];
    close(events(&f, &["00", "01", "02", "03"]), &want);
    let note = "spread by the shape of past events A (2025-11-11T00:00), stretched to 4 hours";
    assert!(f.notes.iter().any(|n| n.contains(note)), "{:?}", f.notes);
    // Of A's own length, its shape is taken as it is.
    let f = other_length(3);
    close(
        events(&f, &["00", "01", "02"]),
        &[12_000.0, 7_200.0, 4_800.0],
    );
    let note = "spread by the shape of past events A (2025-11-11T00:00)";
    assert!(f.notes.iter().any(|n| n.ends_with(note)), "{:?}", f.notes);
}

#[test]
fn a_learned_after_sale_wave_keeps_its_five_days_when_aftersale_lag_has_three() {
    // Around Double 11 2025 the queue runs at 10 an hour; on the event day and the 4 days after
    // at 20, 30, 30, 20, 20: excesses 240, 480, 480, 240, 240 of 1,680 = 1/7, 2/7, 2/7, 1/7, 1/7.
    let history = after_sale_wave(&[20.0, 30.0, 30.0, 20.0, 20.0]);
    let three_days = EVENT.replace(
        "aftersale_lag = [0.25, 0.75]",
        "aftersale_lag = [0.2, 0.5, 0.3]\ncurve = [1, 1]",
    );
    let f = forecast(&scenario(&three_days), &history).unwrap();
    // 3,000 contacts x 1/7 on the event day, over 24 flat hours.
    let wave = at(&f, "aftersale", "2026-11-11T09:00").aftersale_wave;
    assert!((wave - 3_000.0 / 7.0 / 24.0).abs() < 1e-9, "{wave}");
    assert!(
        f.notes.iter().any(|n| n.contains(
            "3000 after-sale contacts over 5 days, split [0.14, 0.29, 0.29, 0.14, 0.14] by the after-sale wave of past events A"
        )),
        "{:?}",
        f.notes
    );
}
