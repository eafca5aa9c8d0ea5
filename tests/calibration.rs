//! Calibration from the history's `orders`: the reader keeps the shop's orders per interval
//! and refuses contradictory or bad cells by line and column; a past event's pre-sale
//! inquiries per order beside the planned event's service share / conversion rate, as a note
//! or, more than a third off, a warning; both sides of both borders.

use shiftcast::forecast::calibration::{calibrate, tell};
use shiftcast::forecast::{forecast, History};
use shiftcast::input::read_history;
use shiftcast::labels::Lang;
use shiftcast::scenario::Scenario;
use shiftcast::time::parse_time;

mod common;
use common::SMALL_SCENARIO;

/// The small scenario (2026-11-10 planned hour by hour, queue presale) with a 24-hour event
/// of 1,000 orders at `service_share` / `conversion_rate`, and "Last year", a 24-hour past
/// event on 2026-11-05.
fn scenario(service_share: f64, conversion_rate: f64) -> Scenario {
    common::scenario(&format!(
        r#"{SMALL_SCENARIO}
[[events]]
name = "Double 11"
start = "2026-11-10T00:00"
hours = 24
target_orders = 1000
service_share = {service_share}
conversion_rate = {conversion_rate}
presale_queue = "presale"
[[past_events]]
name = "Last year"
start = "2026-11-05T00:00"
hours = 24
"#
    ))
}

/// A week of hourly pre-sale rows, 2026-11-03 to 2026-11-09: 10 + hour chats and 5 orders an
/// hour, except on the past event's day 2026-11-05: 33 chats an hour from 00:00 to 15:00 and
/// 34 from 16:00 (16 x 33 + 8 x 34 = 800), 57 orders at 00:00 and 41 an hour after it
/// (57 + 23 x 41 = 1,000). `orders_after_noon` = false leaves that day's orders empty from
/// 12:00 on.
fn history_csv(orders_after_noon: bool) -> String {
    let mut text = String::from("timestamp,queue,inquiries,orders\n");
    for day in 3..=9 {
        for hour in 0..24 {
            let (chats, orders) = match (day, hour) {
                (5, 0) => (33, "57".to_string()),
                (5, 12..) if !orders_after_noon => (if hour < 16 { 33 } else { 34 }, String::new()),
                (5, _) => (if hour < 16 { 33 } else { 34 }, "41".to_string()),
                _ => (10 + hour, "5".to_string()),
            };
            text += &format!("2026-11-{day:02}T{hour:02}:00,presale,{chats},{orders}\n");
        }
    }
    text
}

/// The history read from `csv` through the file reader.
fn read(csv: &str) -> shiftcast::Result<History> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history.csv");
    std::fs::write(&path, csv).unwrap();
    read_history(&path)
}

/// The reader's error for `csv`, as the user reads it.
fn refused(csv: &str) -> String {
    read(csv).unwrap_err().to_string()
}

/// Notes and warnings the calibration of `scenario` on the week's history tells.
fn told(scenario: &Scenario, orders_after_noon: bool) -> (Vec<String>, Vec<String>) {
    let history = read(&history_csv(orders_after_noon)).unwrap();
    let (mut notes, mut warnings) = (Vec::new(), Vec::new());
    tell(&calibrate(scenario, &history), &mut notes, &mut warnings);
    (notes, warnings)
}

const SAME: &str = "Double 11: Last year had 1000 orders and 800 pre-sale inquiries over 24 hours, 0.80 per order; the scenario plans 0.80 (service share 0.40 / conversion rate 0.50): the orders imply service share 0.40 at that conversion rate, or conversion rate 0.50 at that service share";

#[test]
fn orders_repeated_on_every_queue_row_are_read_once_and_empty_cells_are_unknown() {
    let history = read(
        "timestamp,queue,inquiries,orders\n\
         2026-11-03T00:00,presale,10,50\n\
         2026-11-03T00:00,aftersale,3,50\n\
         2026-11-03T01:00,presale,12,\n\
         2026-11-03T01:00,aftersale,4,20\n\
         2026-11-03T02:00,presale,9,\n",
    )
    .unwrap();
    let t = |s: &str| parse_time(s).unwrap();
    assert_eq!(
        history.orders.into_iter().collect::<Vec<_>>(),
        [(t("2026-11-03T00:00"), 50.0), (t("2026-11-03T01:00"), 20.0)]
    );
    // Without the column, as before: no orders.
    let old = read("timestamp,queue,inquiries\n2026-11-03T00:00,presale,10\n").unwrap();
    assert!(old.orders.is_empty());
    assert_eq!(old.series["presale"].len(), 1);
}

#[test]
fn different_orders_on_two_queue_rows_of_one_interval_are_refused_by_line() {
    let err = refused(
        "timestamp,queue,inquiries,orders\n\
         2026-11-03T00:00,presale,10,50\n\
         2026-11-03T00:00,aftersale,3,60\n",
    );
    assert!(
        err.contains("history.csv: line 3, column 4 (orders)"),
        "{err}"
    );
    assert!(
        err.contains("60 orders for 2026-11-03T00:00, where line 2 gives 50"),
        "{err}"
    );
    assert!(
        err.contains("give the same number on every queue's row"),
        "{err}"
    );
    let zh = Lang::Zh.message("60 orders for 2026-11-03T00:00, where line 2 gives 50");
    assert_eq!(zh, "2026-11-03T00:00 的订单为 60，但第 2 行为 50");
}

#[test]
fn bad_orders_cells_name_line_and_column() {
    let csv = |cell: &str| {
        format!("timestamp,queue,inquiries,orders\n2026-11-03T00:00,presale,10,5\n2026-11-03T01:00,presale,10,{cell}\n")
    };
    for (cell, problem) in [
        ("many", "\"many\" is not a number"),
        ("-3", "-3 orders is negative"),
        ("NaN", "\"NaN\" is not a number"),
    ] {
        let err = refused(&csv(cell));
        assert!(
            err.contains("history.csv: line 3, column 4 (orders)"),
            "{err}"
        );
        assert!(err.contains(problem), "{err}");
    }
}

#[test]
fn orders_matching_the_plan_give_a_note_with_the_implied_share_and_rate() {
    // 800 inquiries / 1,000 orders = 0.80 per order; 0.40 / 0.50 = 0.80 planned.
    let (notes, warnings) = told(&scenario(0.4, 0.5), true);
    assert_eq!(notes, [SAME]);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(
        Lang::Zh.message(SAME),
        "Double 11：Last year 在 24 小时内有 1000 个订单、800 个售前咨询，每单 0.80 个咨询；场景计划每单 0.80 个（服务占比 0.40 / 转化率 0.50）：订单意味着按此转化率服务占比为 0.40，或按此服务占比转化率为 0.50"
    );
}

#[test]
fn orders_a_third_off_the_plan_give_a_warning_saying_what_to_check() {
    // 0.25 / 0.50 = 0.50 planned; 0.80 / 0.50 = 1.6, 60% off. At conversion 0.50 the orders
    // imply a share of 0.80 x 0.50 = 0.40; at share 0.25 a conversion of 0.25 / 0.80 = 0.3125.
    let (notes, warnings) = told(&scenario(0.25, 0.5), true);
    assert!(notes.is_empty(), "{notes:?}");
    let warning = "Double 11: Last year had 1000 orders and 800 pre-sale inquiries over 24 hours, 0.80 per order; the scenario plans 0.50 (service share 0.25 / conversion rate 0.50): more than a third off, the orders imply service share 0.40 at that conversion rate, or conversion rate 0.31 at that service share; check service_share and conversion_rate";
    assert_eq!(warnings, [warning]);
    assert_eq!(
        Lang::Zh.message(warning),
        "Double 11：Last year 在 24 小时内有 1000 个订单、800 个售前咨询，每单 0.80 个咨询；场景计划每单 0.50 个（服务占比 0.25 / 转化率 0.50）：相差超过三分之一，订单意味着按此转化率服务占比为 0.40，或按此服务占比转化率为 0.31；请检查 service_share 和 conversion_rate"
    );
    let c = &calibrate(&scenario(0.25, 0.5), &read(&history_csv(true)).unwrap())[0];
    assert_eq!(
        (c.orders, c.presale_inquiries, c.inquiries_per_order),
        (1000.0, 800.0, 0.8)
    );
    assert_eq!((c.service_share, c.conversion_rate), (0.4, 0.3125));
    assert_eq!(c.scenario_inquiries_per_order, 0.5);
    assert!(c.differs);
}

#[test]
fn a_third_off_is_the_border_on_both_sides() {
    // 0.80 per order against share / 0.5: |0.80 / planned - 1| > 1/3 warns.
    for (share, planned, warns) in [
        (0.3, 0.6, false),    // 0.80 / 0.60 = 4/3: a third above, the border itself
        (0.295, 0.59, true),  // 1.356
        (0.305, 0.61, false), // 1.311
        (0.6, 1.2, false),    // 0.80 / 1.20 = 2/3: a third below, the border itself
        (0.605, 1.21, true),  // 0.661
        (0.595, 1.19, false), // 0.672
    ] {
        let c = &calibrate(&scenario(share, 0.5), &read(&history_csv(true)).unwrap())[0];
        assert_eq!(c.scenario_inquiries_per_order, planned);
        assert_eq!(c.differs, warns, "service share {share}");
    }
}

#[test]
fn only_the_event_hours_with_orders_are_compared() {
    // Orders from 00:00 to 11:00 only: 57 + 11 x 41 = 508 orders, 12 x 33 = 396 inquiries in
    // those hours: 0.78 per order. The 5 orders an hour of the other days count nowhere.
    let c = &calibrate(&scenario(0.4, 0.5), &read(&history_csv(false)).unwrap())[0];
    assert_eq!(
        (
            c.hours,
            c.orders,
            c.presale_inquiries,
            c.inquiries_per_order
        ),
        (12.0, 508.0, 396.0, 396.0 / 508.0)
    );
    let (notes, _) = told(&scenario(0.4, 0.5), false);
    assert!(
        notes[0].contains("508 orders and 396 pre-sale inquiries over 12 hours, 0.78 per order")
    );
}

#[test]
fn the_forecast_tells_the_calibration_and_a_history_without_orders_none() {
    let with = read(&history_csv(true)).unwrap();
    let f = forecast(&scenario(0.25, 0.5), &with).unwrap();
    assert_eq!(f.calibration.len(), 1);
    assert_eq!(
        f.warnings
            .iter()
            .filter(|w| w.contains("more than a third off"))
            .count(),
        1,
        "{:?}",
        f.warnings
    );
    let f = forecast(&scenario(0.4, 0.5), &with).unwrap();
    assert!(f.notes.iter().any(|n| n == SAME), "{:?}", f.notes);
    // The same history without its orders: no calibration, no note, no warning of it.
    let without = History {
        orders: Default::default(),
        ..with
    };
    for share in [0.4, 0.25] {
        let f = forecast(&scenario(share, 0.5), &without).unwrap();
        assert!(f.calibration.is_empty());
        let told = f
            .notes
            .iter()
            .chain(&f.warnings)
            .filter(|n| n.contains("per order"));
        assert_eq!(told.count(), 0, "{:?} {:?}", f.notes, f.warnings);
    }
}

#[test]
fn half_hour_orders_add_up_into_the_plan_intervals() {
    // 3 orders at 00:00 and 4 at 00:30 are 7 in the hour from 00:00, as the chats are 10 + 12.
    let history = read(
        "timestamp,queue,inquiries,orders\n\
         2026-11-03T00:00,presale,10,3\n\
         2026-11-03T00:30,presale,12,4\n\
         2026-11-03T01:00,presale,9,\n",
    )
    .unwrap()
    .resampled(60)
    .unwrap();
    let t = |s: &str| parse_time(s).unwrap();
    assert_eq!(history.orders[&t("2026-11-03T00:00")], 7.0);
    assert_eq!(history.orders.len(), 1);
    assert_eq!(history.series["presale"][&t("2026-11-03T00:00")], 22.0);
}
