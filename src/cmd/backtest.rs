//! `shiftcast backtest --history FILE [--scenario FILE [--keep-events]] [--horizon-days N]
//! [--folds K] [--until YYYY-MM-DD] [--level L] [--json]`
//!
//! Rolling-origin backtest: K folds, each forecasting the N days after its cut from all the
//! history before it; the folds end at the last full day (or `--until`). With a scenario, folds
//! holding one of its `[[past_events]]` are passed over for earlier ones (and say so). Per queue
//! and method: WAPE, MASE (against last week's same time), bias and interval coverage. `auto`
//! also lists its choices.

use std::path::PathBuf;

use shiftcast::forecast::backtest::{backtest, Folds};
use shiftcast::forecast::{past_event_days, Method};
use shiftcast::{input, output, Error, Result};

/// Measure how well each forecasting method would have done on your history.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// History CSV: timestamp,queue,inquiries
    #[arg(long)]
    pub history: PathBuf,
    /// Days each fold forecasts
    #[arg(long, value_parser = super::whole::<u32>, default_value_t = 7)]
    pub horizon_days: u32,
    /// Number of folds
    #[arg(long, value_parser = super::whole::<u32>, default_value_t = 4)]
    pub folds: u32,
    /// Coverage of the prediction interval
    #[arg(long, default_value_t = 0.8)]
    pub level: f64,
    /// Weeks the profile method averages
    #[arg(long, value_parser = super::whole::<usize>, default_value_t = 4)]
    pub profile_weeks: usize,
    /// The last fold ends here, e.g. 2012-05-01 (default: midnight after the last row)
    #[arg(long)]
    pub until: Option<chrono::NaiveDate>,
    /// Scenario whose [[past_events]] are set aside from the fits and whose weeks are not scored
    #[arg(long)]
    pub scenario: Option<PathBuf>,
    /// Score the folds holding a past event too (the past events are the scenario's)
    #[arg(long, requires = "scenario")]
    pub keep_events: bool,
    /// Print one JSON object
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &Args, global: &super::Global) -> Result<()> {
    let settings = super::forecast::settings("auto", args.level, args.profile_weeks)?;
    if args.horizon_days == 0 || args.folds == 0 {
        return Err(Error::input(
            "--horizon-days / --folds",
            "a backtest needs at least one fold of at least one day",
            "e.g. --horizon-days 7 --folds 4",
        ));
    }
    let scenario = (args.scenario.as_ref())
        .map(|file| input::read_scenario(file, &[]))
        .transpose()?;
    let lang = super::language(global, scenario.as_ref().and_then(|s| s.language));
    let past_events = scenario.as_ref().map(past_event_days).unwrap_or_default();
    let history = input::read_history(&args.history)?;
    let folds = Folds {
        horizon_days: args.horizon_days as usize,
        count: args.folds as usize,
        until: args.until.map(|d| d.and_hms_opt(0, 0, 0).unwrap()),
        past_events,
        keep_events: args.keep_events,
    };
    let progress = super::progress(global);
    progress.set_message(lang.t("backtesting every method"));
    let found = backtest(&history, &folds, &settings, &Method::ALL)?;
    progress.finish_and_clear();
    if args.json {
        let json = serde_json::json!({
            "horizon_days": args.horizon_days,
            "folds": args.folds,
            "level": args.level,
            "methods": found.scores,
            "left_out": found.left_out,
        });
        super::print_json(&json)
    } else {
        super::print(&output::text::backtest(
            &found,
            args.folds,
            args.horizon_days,
            args.level,
            lang,
        ))
    }
}
