//! `shiftcast forecast` on a history with closed hours (data/synthetic/closed-hours.csv: three
//! queues open Monday to Friday 07:00-21:00, `orders` also Saturday 09:00-13:00, no rows at
//! night, on Sundays or on holidays): the closed hours are forecast 0, with a note saying so.

const CLOSED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/synthetic/closed-hours.csv"
);

mod common;
use common::shiftcast;

#[test]
fn closed_hours_are_forecast_zero_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("week.csv");
    let args = [
        "forecast",
        "--history",
        CLOSED,
        "--start",
        "2025-12-01T00:00",
        "--days",
        "7",
        "--out",
        out.to_str().unwrap(),
        "--lang",
        "en",
    ];
    let output = shiftcast(&args);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // Open Monday to Friday 07:00-21:00 (14 hours a day): 168 - 70 = 98 hours closed; orders
    // also Saturday 09:00-13:00: 94.
    let stdout = String::from_utf8_lossy(&output.stdout);
    for (queue, closed) in [("billing", 98), ("orders", 94), ("returns", 98)] {
        let note = format!("{queue}: closed {closed} of 168 hours a week in the history (21:00-07:00 every day, more on some days): forecast 0 then");
        assert!(stdout.contains(&note), "{stdout}");
    }
    let text = std::fs::read_to_string(&out).unwrap();
    let rows: Vec<Vec<&str>> = text
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    assert_eq!(rows.len(), 3 * 7 * 24);
    let at = |time: &str, queue: &str| {
        let row = rows.iter().find(|r| r[0] == time && r[1] == queue).unwrap();
        [2, 3, 4].map(|i| row[i].parse::<f64>().unwrap())
    };
    for queue in ["billing", "orders", "returns"] {
        // Sunday 2025-12-07 all day, and 03:00 on a Wednesday: point, lower and upper 0.
        for hour in 0..24 {
            assert_eq!(at(&format!("2025-12-07T{hour:02}:00"), queue), [0.0; 3]);
        }
        assert_eq!(at("2025-12-03T03:00", queue), [0.0; 3]);
        assert!(at("2025-12-03T10:00", queue)[0] > 0.0, "{queue}");
    }
    // Saturday 10:00: open for orders only.
    assert!(at("2025-12-06T10:00", "orders")[0] > 0.0);
    assert_eq!(at("2025-12-06T10:00", "billing"), [0.0; 3]);
}
