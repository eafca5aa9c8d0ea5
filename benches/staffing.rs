//! Staffing speed: a week of half-hour intervals for two queues, and single intervals at huge
//! loads. Run with `cargo bench --bench staffing`; figures are in the README.

use chrono::Duration;
use criterion::{criterion_group, criterion_main, Criterion};
use shiftcast::forecast::ForecastRow;
use shiftcast::scenario::Scenario;
use shiftcast::staffing::{self, erlang_c, Model, ServiceTarget, Targets};
use shiftcast::time::parse_time;

const WEEK: &str = r#"
[horizon]
start = "2026-11-09T00:00"
end = "2026-11-16T00:00"
interval_minutes = 30
[history]
file = "unused.csv"
[staff]
file = "unused.csv"
[costs]
full_time_per_hour = 1
part_time_per_hour = 1
shortfall_per_agent_hour = 1
[[queues]]
name = "presale"
handle_time_seconds = 180
chats_at_once = 3
service_level = 0.8
answer_within_seconds = 30
shrinkage = 0.15
max_occupancy = 0.85
[[queues]]
name = "aftersale"
handle_time_seconds = 300
chats_at_once = 2
service_level = 0.8
answer_within_seconds = 60
shrinkage = 0.15
max_occupancy = 0.85
[[shifts]]
name = "day"
start = "08:00"
hours = 8
"#;

/// 336 half-hours per queue with a daily curve of 20 to 1,400 chats per half hour.
fn week_of_forecast(scenario: &Scenario) -> Vec<ForecastRow> {
    let start = parse_time("2026-11-09T00:00").unwrap();
    let mut rows = Vec::new();
    for queue in ["presale", "aftersale"] {
        for i in 0..336 {
            let hour = (i % 48) as f64 / 2.0;
            let inquiries =
                20.0 + 1_380.0 * (0.5 - 0.5 * (hour / 24.0 * std::f64::consts::TAU).cos());
            rows.push(ForecastRow {
                time: start + Duration::minutes(30 * i),
                queue: queue.into(),
                inquiries,
                lower: inquiries,
                upper: inquiries,
                baseline: inquiries,
                warmup: 0.0,
                event: 0.0,
                reminders: 0.0,
                aftersale_wave: 0.0,
                deflected: 0.0,
                sms_reminders: 0.0,
                backlog: 0.0,
            });
        }
    }
    assert_eq!(scenario.horizon.len(), 336);
    rows
}

fn staffing_benches(c: &mut Criterion) {
    let scenario = Scenario::from_toml(WEEK, "bench.toml").unwrap();
    let forecast = week_of_forecast(&scenario);
    c.bench_function("week of 336 half-hours x 2 queues (Erlang C)", |b| {
        b.iter(|| staffing::requirements(&scenario, std::hint::black_box(&forecast)).unwrap())
    });

    let target = Targets {
        service_level: Some(ServiceTarget {
            share: 0.8,
            within_seconds: 20.0,
        }),
        ..Targets::default()
    };
    c.bench_function("one interval at 100,000 Erlang (Erlang C)", |b| {
        b.iter(|| {
            staffing::least_servers(
                Model::ErlangC,
                std::hint::black_box(100_000.0),
                60.0,
                &target,
            )
            .unwrap()
        })
    });
    c.bench_function(
        "one interval at 100,000 Erlang (Erlang A, patience 100 s)",
        |b| {
            let model = Model::ErlangA {
                patience_seconds: 100.0,
            };
            b.iter(|| {
                staffing::least_servers(model, std::hint::black_box(100_000.0), 60.0, &target)
                    .unwrap()
            })
        },
    );
    // The shortcut against the plain Erlang B recursion from one server, side by side.
    c.bench_function("Erlang B at 100,000 Erlang, shortcut", |b| {
        b.iter(|| erlang_c::erlang_b(100_300, std::hint::black_box(100_000.0)))
    });
    c.bench_function("Erlang B at 100,000 Erlang, recursion from 1 server", |b| {
        b.iter(|| erlang_c::step_b(1.0, 0, 100_300, std::hint::black_box(100_000.0)))
    });
}

criterion_group!(benches, staffing_benches);
criterion_main!(benches);
