//! `shiftcast parttimers SCENARIO [--max N] [--json] [--chart FILE.svg]`
//!
//! The least number of hired part-timers that leaves no hour short with the staff on hand, their
//! shifts, and the marginal curve: for n = 0 .. max part-timers, the best plan's agent-hours
//! short, lowest service level and cost (the plan re-solved with at most n part-timers working
//! or resting at any moment). `--json`: `{"needed", "curve": [{"part_timers",
//! "shortfall_agent_hours", "min_service_level", "cost"}], "shifts"}`.

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
    let inputs = Inputs::read(&args.scenario, &args.solver.overrides())?;
    let lang = super::language(global, inputs.scenario.language);
    let progress = super::progress(global);
    progress.set_message("solving for each number of part-timers");
    let answer = part_timers(&inputs, args.max, &mut |done, total| {
        progress.set_message(format!("solved {done} of {total} part-timer counts"))
    })?;
    progress.finish_and_clear();
    // After the answer, so a failed run says only its error.
    for warning in &inputs.warnings {
        eprintln!("shiftcast: warning: {warning}");
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
