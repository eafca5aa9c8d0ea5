//! Forecast speed on real hourly data (data/bike): one week for both queues, per method,
//! as `shiftcast forecast` runs it (fit on all history before the start, unusual days set aside,
//! held-out weeks for the interval).

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};
use shiftcast::forecast::{every_queue, History, Method, Settings};
use shiftcast::time::parse_time;

fn week_for_both_queues(history: &History, method: Method) -> f64 {
    let start = parse_time("2012-05-01T00:00").unwrap();
    let settings = Settings {
        method,
        ..Settings::default()
    };
    every_queue(history, start, 7 * 24, &settings, &mut |_| {})
        .unwrap()
        .iter()
        .map(|(_, p)| p.point.iter().sum::<f64>())
        .sum()
}

fn forecast_benches(c: &mut Criterion) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/bike/history.csv");
    let history = shiftcast::input::read_history(&path).unwrap();
    let mut group = c.benchmark_group("week of hourly forecast, two queues");
    group.sample_size(10);
    for method in [
        Method::Profile,
        Method::SeasonalNaiveWeek,
        Method::Mstl,
        Method::Ets,
        Method::Combined,
        Method::Auto,
    ] {
        group.bench_function(method.name(), |b| {
            b.iter(|| week_for_both_queues(&history, method))
        });
    }
    group.finish();
}

criterion_group!(benches, forecast_benches);
criterion_main!(benches);
