//! `shiftcast intraday SCENARIO --plan DIR --actuals FILE --now YYYY-MM-DDTHH:MM [--out DIR2]
//! [--json]`
//!
//! On the day: reads the plan folder `shiftcast plan` wrote and the chats seen so far, re-forecasts
//! the rest of the horizon (the surprise so far, fading with time) and prints the cheapest moves
//! that keep the coming day covered: queue switches, standby and staff called in, part-timers'
//! shifts extended or added, breaks moved. `--out` writes the roster and coverage with the
//! moves in `plan`'s formats (and `moves.csv`, `intraday.json`), so `shiftcast simulate` can
//! check them.

use std::path::PathBuf;

use shiftcast::intraday::intraday;
use shiftcast::{output, Inputs, Overrides, Result};

/// Re-plan the coming day from the chats seen so far.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub inputs: super::PlanAndActuals,
    /// The moment the actuals run up to (every row before it), YYYY-MM-DDTHH:MM
    #[arg(long)]
    pub now: String,
    /// Write the roster and coverage with the moves to this folder
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Start the CSV files with a byte-order mark, so Excel reads Chinese text right
    #[arg(long)]
    pub excel_csv: bool,
    /// Print one JSON object
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &Args, global: &super::Global) -> Result<()> {
    let now = super::moment("--now", &args.now, "2026-11-11T02:00")?;
    if let Some(out) = &args.out {
        output::check_output_dir(out)?;
    }
    let progress = super::progress(global);
    progress.set_message(super::language(global, None).t("reading inputs"));
    let inputs = Inputs::read(&args.inputs.scenario, &Overrides::default())?;
    let lang = super::language(global, inputs.scenario.language);
    let (plan, actuals) = args.inputs.read(&inputs.scenario)?;
    progress.set_message(lang.t("re-planning the day"));
    let day = intraday(&inputs.scenario, &inputs.staff, &plan, &actuals, now)?;
    if let Some(out) = &args.out {
        progress.set_message(lang.t("writing files"));
        let files = output::intraday_files(
            &day,
            &actuals,
            &inputs.scenario,
            &inputs.staff,
            args.excel_csv,
        )?;
        output::write_output_dir(out, &files)?;
    }
    progress.finish_and_clear();
    if args.json {
        super::print_json(&day)
    } else {
        super::print(&output::text::intraday(&day, lang))
    }
}
