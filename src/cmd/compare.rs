//! `shiftcast compare SCENARIO [--set KEY=VALUE]... [--variant NAME [--set KEY=VALUE]...]...
//! [--json] [--time-limit S] [--gap G]`
//!
//! Plans the scenario (the base, with the `--set`s before the first `--variant`) and each
//! variant (the base's `--set`s, then its own), one after another, and prints their numbers
//! side by side (`--json`: `{"scenarios": [{"name", "part_timers_needed", ...}]}`). Writes no
//! files: run `plan --set ...` for the plan of the idea chosen.

use std::path::PathBuf;

use clap::ArgMatches;
use shiftcast::compare::{compare, Variant};
use shiftcast::{output, Result};

use super::Global;

/// Plan the scenario and variants of it, and compare their numbers side by side.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example: the plan as it is, with 20% more orders, and with faster handling:
  shiftcast compare data/double11/scenario.toml \\
    --variant target+20% --set events.0.target_orders=36000 \\
    --variant faster --set queues.presale.handle_time_seconds=150"
)]
pub struct Args {
    /// The scenario file (TOML), e.g. data/double11/scenario.toml
    pub scenario: PathBuf,
    /// Change one value of the scenario (repeatable), as `plan --set`: before the first
    /// --variant for every scenario, after a --variant for that variant only
    #[arg(long = "set", value_name = "KEY=VALUE")]
    pub set: Vec<String>,
    /// Start a variant called NAME, changed by the --set flags that follow it (up to the next
    /// --variant) on top of the base's
    #[arg(long, value_name = "NAME")]
    pub variant: Vec<String>,
    /// Print one JSON object
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub solver: super::SolverFlags,
}

pub fn run(args: &Args, matches: &ArgMatches, global: &Global) -> Result<()> {
    let (settings, variants) = split(args, matches)?;
    let base = shiftcast::Overrides {
        settings,
        ..args.solver.overrides()
    };
    // The scenario's `[report] language` is known only once it is read.
    let lang = super::language(global, None);
    let progress = super::progress(global);
    progress.set_message(lang.t("reading inputs"));
    let comparison = compare(&args.scenario, &base, &variants, &mut |name, step| {
        progress.set_message(output::text::progress::planning(name, step, lang))
    })?;
    progress.finish_and_clear();
    // After the plans, so a failed run says only its error.
    let lang = super::language(global, comparison.language);
    for warning in &comparison.warnings {
        eprintln!("{}", super::warning(warning, lang));
    }
    if args.json {
        super::print_json(&comparison)
    } else {
        super::print(&output::text::comparison(&comparison.scenarios, lang))
    }
}

/// The base's `--set`s and each variant's, by where they stand on the command line: clap keeps
/// each flag's values apart, and their positions put the two lists back together.
fn split(
    args: &Args,
    matches: &ArgMatches,
) -> Result<(Vec<shiftcast::scenario::Setting>, Vec<Variant>)> {
    let at =
        |id: &str| -> Vec<usize> { matches.indices_of(id).map_or(Vec::new(), Iterator::collect) };
    let variant_at = at("variant");
    let mut variants: Vec<Variant> = args
        .variant
        .iter()
        .map(|name| Variant {
            name: name.clone(),
            settings: Vec::new(),
        })
        .collect();
    let mut base = Vec::new();
    for (setting, index) in super::settings(&args.set)?.into_iter().zip(at("set")) {
        match variant_at.iter().rposition(|&v| v < index) {
            Some(v) => variants[v].settings.push(setting),
            None => base.push(setting),
        }
    }
    Ok((base, variants))
}
