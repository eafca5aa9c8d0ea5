//! The CSV `shiftcast forecast` writes: inquiries per queue and interval with their band and
//! method.

use chrono::{Duration, NaiveDateTime};

use super::plan_files::{csv_table, fixed, text};
use crate::error::Result;
use crate::forecast::Prediction;
use crate::time::format_time;

/// `timestamp,queue,inquiries,lower,upper,method`: one row per queue per interval from `start`.
pub fn forecast_csv(
    queues: &[(String, Prediction)],
    start: NaiveDateTime,
    step_minutes: u32,
) -> Result<Vec<u8>> {
    let mut table = csv_table(&[
        "timestamp",
        "queue",
        "inquiries",
        "lower",
        "upper",
        "method",
    ]);
    for (queue, p) in queues {
        for (i, point) in p.point.iter().enumerate() {
            table.row(&[
                format_time(start + Duration::minutes(i as i64 * i64::from(step_minutes))),
                text(queue),
                fixed(*point, 2),
                fixed(p.lower[i], 2),
                fixed(p.upper[i], 2),
                text(p.method.name()),
            ]);
        }
    }
    Ok(table.finish("forecast")?.contents)
}
