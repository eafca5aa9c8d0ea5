//! `shiftcast forecast --history FILE --start YYYY-MM-DDTHH:MM --days N [--interval-minutes M]
//! [--method METHOD] [--level L] --out FILE` (`--help` lists the methods)
//!
//! Forecasts ordinary-day inquiries for every queue of the history from `--start` for N days,
//! fitted on the rows before `--start` (unusual days set aside), and writes
//! `timestamp,queue,inquiries,lower,upper,method`. Prints the method each queue used (`--json`:
//! one object).

use std::path::PathBuf;

use shiftcast::forecast::{self, Method, Settings};
use shiftcast::labels::Lang;
use shiftcast::{input, output, Error, Result};

/// Forecast inquiries per queue from a history file.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// History CSV: timestamp,queue,inquiries
    #[arg(long)]
    pub history: PathBuf,
    /// First interval to forecast, e.g. 2026-11-16T00:00
    #[arg(long)]
    pub start: String,
    /// Days to forecast
    #[arg(long, value_parser = super::whole::<u32>)]
    pub days: u32,
    /// Interval length in minutes (default: the history's; longer intervals sum the history)
    #[arg(long, value_parser = super::whole::<u32>)]
    pub interval_minutes: Option<u32>,
    /// Forecasting method; `--help` lists every name, from `Method::ALL`
    #[arg(long, default_value = "auto", help = Method::names())]
    pub method: String,
    /// Coverage of the prediction interval
    #[arg(long, default_value_t = 0.8)]
    pub level: f64,
    /// Weeks the profile method averages
    #[arg(long, value_parser = super::whole::<usize>, default_value_t = 4)]
    pub profile_weeks: usize,
    /// CSV file to write
    #[arg(long)]
    pub out: PathBuf,
    /// Print one JSON object (per queue: method, total, notes, warnings) instead of text
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &Args, global: &super::Global) -> Result<()> {
    output::check_output_file(&args.out, "--out", "forecast.csv")?;
    let settings = settings(&args.method, args.level, args.profile_weeks)?;
    let start = super::moment("--start", &args.start, "2026-11-16T00:00")?;
    if args.days == 0 {
        return Err(Error::input(
            "--days",
            "0 days to forecast",
            "e.g. --days 7",
        ));
    }
    let mut history = input::read_history(&args.history)?;
    if let Some(minutes) = args.interval_minutes {
        history = history.resampled(minutes)?;
    }
    let step = history.interval_minutes().unwrap_or(60);
    let len = args.days as usize * (24 * 60 / step) as usize;
    let lang = super::language(global, None);
    let progress = super::progress(global);
    let queues = forecast::every_queue(&history, start, len, &settings, &mut |queue| {
        progress.set_message(output::text::progress::forecasting(queue, lang))
    })?;
    progress.finish_and_clear();
    output::write_output_file(&args.out, &output::forecast_csv(&queues, start, step)?)?;
    let summary: Vec<_> = queues
        .iter()
        .map(|(queue, p)| {
            serde_json::json!({
                "queue": queue,
                "method": p.method.name(),
                "total": p.point.iter().sum::<f64>(),
                "notes": p.notes(queue, Lang::En),
                "warnings": p.warnings,
            })
        })
        .collect();
    if args.json {
        return super::print_json(&serde_json::json!({ "file": args.out, "queues": summary }));
    }
    let mut text = String::new();
    for (queue, p) in &queues {
        for note in p.notes(queue, lang) {
            text += &format!("{note}\n");
        }
        for warning in &p.warnings {
            eprintln!("{}", super::warning(warning, lang));
        }
        let total: f64 = p.point.iter().sum();
        text += &output::text::forecast_total(queue, total, args.days, lang);
    }
    text += &output::text::forecast_written(&args.out, lang);
    super::print(&text)
}

/// Forecast settings from command-line flags, with errors naming the flag.
pub fn settings(method: &str, level: f64, profile_weeks: usize) -> Result<Settings> {
    let method = Method::parse(method).ok_or_else(|| {
        Error::input(
            "--method",
            format!("\"{method}\" is not a forecasting method"),
            format!("use one of {}", Method::names()),
        )
    })?;
    if !(level > 0.0 && level < 1.0) {
        return Err(Error::input(
            "--level",
            format!("{level} is not a share strictly between 0 and 1"),
            "e.g. --level 0.8 for an 80% interval",
        ));
    }
    Ok(Settings {
        method,
        level,
        quantile: None,
        profile_weeks: profile_weeks.max(1),
    })
}
