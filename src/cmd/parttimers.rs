//! `shiftcast parttimers SCENARIO [--max N] [--step N] [--json] [--chart FILE.svg]`
//!
//! The fewest hired part-timers that leave no hour short with the staff on hand and their
//! shifts, what the cheapest plan hires, the fewest when the chats come in at their 50th, 80th
//! and 95th percentile, the standby to keep on call for the 90th, and the marginal curve: for
//! counts from 0 to max, the best plan's agent-hours short, service level, average wait, sales
//! at risk and cost (the plan re-solved with at most n part-timers). `--json`: `{"needed",
//! "hired", "needed_by_quantile": [{"quantile", "part_timers"}], "standby", "curve":
//! [{"part_timers", "shortfall_agent_hours", "min_service_level", "cost", "service_level",
//! "asa_seconds", "sales_at_risk"}], "shifts"}`.

use std::path::PathBuf;

use shiftcast::parttimers::part_timers;
use shiftcast::{output, Inputs, Result};

use super::Global;

/// How many part-timers to hire, and what each one more buys.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The scenario file (TOML)
    pub scenario: PathBuf,
    /// Largest number of part-timers to try (default: as many as the cheapest plan hires)
    #[arg(long, value_parser = super::whole::<u32>)]
    pub max: Option<u32>,
    /// Solve the curve at every N-th count (default: 8 even steps up to the largest, plus the
    /// needed and hired counts); --step 1 solves every count
    #[arg(long, value_parser = super::whole::<u32>)]
    pub step: Option<u32>,
    /// Print one JSON object
    #[arg(long)]
    pub json: bool,
    /// Also draw the curve into this SVG file
    #[arg(long)]
    pub chart: Option<PathBuf>,
    #[command(flatten)]
    pub solver: super::SolverFlags,
}

pub fn run(args: &Args, global: &Global) -> Result<()> {
    if let Some(path) = &args.chart {
        output::check_output_file(path, "--chart", "curve.svg")?;
    }
    if args.step == Some(0) {
        return Err(shiftcast::Error::input(
            "--step",
            "a step of 0 never reaches the next count",
            "give 1 or more, e.g. --step 1 for every count",
        ));
    }
    let inputs = Inputs::read(&args.scenario, &args.solver.overrides())?;
    let lang = super::language(global, inputs.scenario.language);
    let progress = super::progress(global);
    progress.set_message(lang.t("solving for each number of part-timers"));
    let answer = part_timers(&inputs, args.max, args.step, &mut |done, total| {
        progress.set_message(output::text::progress::part_timer_counts_solved(
            done, total, lang,
        ))
    })?;
    progress.finish_and_clear();
    // After the answer, so a failed run says only its error.
    for warning in &inputs.warnings {
        eprintln!("{}", super::warning(warning, lang));
    }
    if let Some(path) = &args.chart {
        output::write_output_file(path, output::curve_chart(&answer, lang)?.as_bytes())?;
    }
    if args.json {
        super::print_json(&answer)
    } else {
        super::print(&output::text::part_timers(&answer, lang))
    }
}
