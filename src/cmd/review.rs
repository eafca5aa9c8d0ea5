//! `shiftcast review SCENARIO --plan DIR --actuals FILE [--json]`
//!
//! After the event: weighs a written plan (DIR from `shiftcast plan`) against what happened
//! (FILE: `timestamp,queue,inquiries` per queue and hour, optionally `answered_within_target`,
//! `agents_logged_in`, `orders`, `service_orders`). Prints per queue the forecast against the
//! actual chats (WAPE, bias, worst hours), agents planned against those the chats needed and the
//! service level; per event what the orders imply for its service share and conversion rate;
//! and the settings to use next time. Writes nothing.

use shiftcast::{input, output, review, Result};

/// Review a plan against what happened.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub inputs: super::PlanAndActuals,
    /// Print one JSON object
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &Args, global: &super::Global) -> Result<()> {
    let scenario = input::read_scenario(&args.inputs.scenario, &[])?;
    let (plan, actuals) = args.inputs.read(&scenario)?;
    let review = review::review(&scenario, &plan, &actuals)?;
    if args.json {
        super::print_json(&review)
    } else {
        super::print(&output::text::review(
            &review,
            super::language(global, scenario.language),
        ))
    }
}
