//! Writes the synthetic example data in `data/double11/`: `history.csv` (hourly pre-sale and
//! after-sale chats of a mid-size Tmall shop, 2025-10-01 to 2026-11-09, with Double 11 2025 and
//! 618 2026 and their after-sale waves) and `staff.csv` (30 full-time agents).
//!
//! The numbers are made up to look like a real shop; a fixed seed makes every run write the same
//! bytes. Run: `cargo run --release --example gen_double11`.

use std::fmt::Write as _;
use std::path::Path;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Timelike, Weekday};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Poisson};

/// Ordinary pre-sale chats per hour of day (a weekday in early October 2025).
const PRESALE_HOURLY: [f64; 24] = [
    40.0, 22.0, 12.0, 7.0, 5.0, 5.0, 8.0, 15.0, 40.0, 85.0, 115.0, 110.0, 80.0, 75.0, 90.0, 95.0,
    90.0, 85.0, 95.0, 115.0, 135.0, 140.0, 120.0, 80.0,
];

/// Ordinary after-sale contacts per hour of day.
const AFTERSALE_HOURLY: [f64; 24] = [
    6.0, 3.0, 2.0, 1.0, 1.0, 1.0, 2.0, 5.0, 15.0, 40.0, 48.0, 48.0, 40.0, 40.0, 45.0, 45.0, 42.0,
    40.0, 38.0, 40.0, 42.0, 40.0, 30.0, 15.0,
];

/// Share of a promotion day's pre-sale chats per hour (sums to 1): the 00:00 rush, a night trough,
/// a morning peak and an evening peak.
const EVENT_SHAPE: [f64; 24] = [
    0.110, 0.070, 0.030, 0.015, 0.010, 0.010, 0.010, 0.014, 0.030, 0.048, 0.056, 0.052, 0.040,
    0.038, 0.040, 0.040, 0.038, 0.037, 0.040, 0.055, 0.065, 0.062, 0.050, 0.040,
];

/// Share of an event's after-sale contacts on the event day and the four days after.
const AFTERSALE_LAG: [f64; 5] = [0.10, 0.30, 0.30, 0.20, 0.10];

const SERVICE_SHARE: f64 = 0.4;
const CONVERSION: f64 = 0.5;
const AFTERSALE_RATE: f64 = 0.12;

/// Past promotions: start day and pre-sale chats that day.
const EVENTS: [((i32, u32, u32), f64); 2] = [((2025, 11, 11), 18_000.0), ((2026, 6, 18), 7_000.0)];

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// Expected chats for one hour, before noise.
fn expected(t: NaiveDateTime, first: NaiveDate) -> (f64, f64) {
    let hour = t.hour() as usize;
    let weekend = matches!(t.weekday(), Weekday::Sat | Weekday::Sun);
    let trend = 1.0 + 0.10 * (t.date() - first).num_days() as f64 / 365.0;
    let mut presale = PRESALE_HOURLY[hour] * trend * if weekend { 1.15 } else { 1.0 };
    let mut aftersale = AFTERSALE_HOURLY[hour] * trend * if weekend { 0.9 } else { 1.0 };
    let aftersale_day_total: f64 = AFTERSALE_HOURLY.iter().sum();
    for ((y, m, d), chats) in EVENTS {
        let start = day(y, m, d);
        let offset = (t.date() - start).num_days();
        if offset == 0 {
            presale = chats * EVENT_SHAPE[hour];
        } else if (offset == -1 || offset == -2) && hour >= 18 {
            presale *= if offset == -1 { 1.6 } else { 1.3 };
        }
        if (0..AFTERSALE_LAG.len() as i64).contains(&offset) {
            let orders = chats * CONVERSION / SERVICE_SHARE;
            let contacts = orders * AFTERSALE_RATE * AFTERSALE_LAG[offset as usize];
            aftersale += contacts * AFTERSALE_HOURLY[hour] / aftersale_day_total;
        }
    }
    (presale, aftersale)
}

/// Hours with no row: a 3-hour outage and a few single lost hours, as real exports have.
fn missing(t: NaiveDateTime) -> bool {
    let outage_start = day(2026, 3, 14).and_hms_opt(2, 0, 0).expect("valid time");
    let lost = [
        "2025-12-02T15:00",
        "2026-02-17T03:00",
        "2026-05-09T11:00",
        "2026-08-21T22:00",
    ];
    (t >= outage_start && t < outage_start + Duration::hours(3))
        || lost.contains(&t.format("%Y-%m-%dT%H:%M").to_string().as_str())
}

fn history() -> String {
    let mut rng = ChaCha8Rng::seed_from_u64(1111);
    let first = day(2025, 10, 1);
    let end = day(2026, 11, 10).and_hms_opt(0, 0, 0).expect("valid time");
    let mut t = first.and_hms_opt(0, 0, 0).expect("valid time");
    let mut out = String::from("timestamp,queue,inquiries,orders\n");
    let mut draw = |mean: f64| {
        Poisson::new(mean.max(0.01))
            .expect("positive mean")
            .sample(&mut rng) as u64
    };
    while t < end {
        let (presale, aftersale) = expected(t, first);
        let (presale, aftersale) = (draw(presale), draw(aftersale));
        let orders = draw(presale as f64 * CONVERSION / SERVICE_SHARE);
        if !missing(t) {
            let stamp = t.format("%Y-%m-%dT%H:%M");
            writeln!(out, "{stamp},aftersale,{aftersale},{orders}").expect("string write");
            writeln!(out, "{stamp},presale,{presale},{orders}").expect("string write");
        }
        t += Duration::hours(1);
    }
    out
}

/// 12 main and 18 backup agents: name, group, skills, daily window, days off.
const STAFF: [(&str, &str, &str, &str, &str); 30] = [
    ("Li Wei", "main", "presale;aftersale", "00:00-24:00", ""),
    ("Wang Fang", "main", "presale;aftersale", "00:00-24:00", ""),
    ("Zhang Min", "main", "presale", "00:00-24:00", ""),
    ("Liu Yang", "main", "presale", "00:00-24:00", "2026-11-13"),
    ("Chen Jing", "main", "presale;aftersale", "00:00-24:00", ""),
    ("Yang Li", "main", "presale", "00:00-24:00", ""),
    ("Zhao Lei", "main", "presale;aftersale", "00:00-24:00", ""),
    ("Huang Qiang", "main", "presale", "00:00-24:00", ""),
    ("Zhou Jie", "main", "aftersale", "00:00-24:00", ""),
    ("Wu Xia", "main", "presale;aftersale", "00:00-24:00", ""),
    ("Xu Tao", "main", "aftersale", "00:00-24:00", ""),
    ("Sun Yan", "main", "presale", "00:00-24:00", ""),
    ("Ma Chao", "backup", "presale;aftersale", "00:00-24:00", ""),
    (
        "Zhu Hong",
        "backup",
        "aftersale",
        "00:00-24:00",
        "2026-11-10",
    ),
    ("Hu Jun", "backup", "presale", "00:00-24:00", ""),
    ("Guo Ping", "backup", "presale;aftersale", "08:00-22:00", ""),
    ("He Ying", "backup", "aftersale", "00:00-24:00", ""),
    ("Lin Hui", "backup", "presale;aftersale", "00:00-24:00", ""),
    ("Gao Bo", "backup", "presale", "00:00-24:00", ""),
    ("Luo Dan", "backup", "aftersale", "08:00-22:00", ""),
    (
        "Zheng Kai",
        "backup",
        "presale;aftersale",
        "00:00-24:00",
        "2026-11-13",
    ),
    ("Liang Yu", "backup", "presale", "00:00-24:00", ""),
    ("Song Lin", "backup", "presale;aftersale", "00:00-24:00", ""),
    ("Xie Na", "backup", "aftersale", "00:00-24:00", ""),
    ("Tang Hao", "backup", "presale;aftersale", "00:00-24:00", ""),
    ("Han Mei", "backup", "presale", "00:00-24:00", ""),
    (
        "Feng Gang",
        "backup",
        "presale;aftersale",
        "00:00-24:00",
        "",
    ),
    ("Deng Rui", "backup", "aftersale", "00:00-24:00", ""),
    ("Cao Xin", "backup", "presale;aftersale", "00:00-24:00", ""),
    ("Peng Fei", "backup", "presale", "00:00-24:00", "2026-11-10"),
];

fn staff() -> String {
    let mut out =
        String::from("name,group,skills,available,days_off,max_hours_per_day,max_hours_per_week\n");
    for (i, (name, group, skills, window, off)) in STAFF.iter().enumerate() {
        let (daily, weekly) = if i % 7 == 3 { (10, 44) } else { (8, 40) };
        writeln!(
            out,
            "{name},{group},{skills},{window},{off},{daily},{weekly}"
        )
        .expect("string write");
    }
    out
}

fn main() -> std::io::Result<()> {
    let shape_total: f64 = EVENT_SHAPE.iter().sum();
    assert!(
        (shape_total - 1.0).abs() < 1e-9,
        "EVENT_SHAPE sums to {shape_total}"
    );
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/double11");
    std::fs::write(folder.join("history.csv"), history())?;
    std::fs::write(folder.join("staff.csv"), staff())?;
    println!("wrote {}/history.csv and staff.csv", folder.display());
    Ok(())
}
