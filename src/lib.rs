//! shiftcast: from sales targets and history to a named roster for a customer-service team.
//!
//! The pipeline is the layout: [`forecast`] -> [`staffing`] -> [`schedule`] -> [`roster`] ->
//! [`report`], each a step with typed inputs and outputs and no I/O, run in that order by
//! [`plan()`] (in `plan.rs`). [`scenario`] holds the validated configuration and [`time`] the
//! horizon's clock; [`input`] reads files below the pipeline and [`output`] renders and writes
//! them above it. [`parttimers`] and [`compare`] run the pipeline more than once, to answer "how
//! many part-timers?" and "what would this change?". [`review`] weighs a written plan against what
//! happened. The binary's subcommands (`src/cmd/`) only parse flags, call the library once
//! and print.
//!
//! ```
//! use shiftcast::{Inputs, Overrides};
//!
//! let scenario = concat!(env!("CARGO_MANIFEST_DIR"), "/data/double11/scenario.toml");
//! let inputs = Inputs::read(scenario.as_ref(), &Overrides::default())?;
//! let plan = shiftcast::plan(&inputs, &mut |_step| {})?;
//! let summary = &plan.report.summary;
//! println!("part-timers to hire: {}", summary.part_timers_hired);
//! assert_eq!(summary.shortfall_agent_hours, 0.0);
//! # Ok::<(), shiftcast::Error>(())
//! ```

#![warn(missing_docs)]

pub mod compare;
pub mod error;
pub mod forecast;
pub mod input;
pub mod intraday;
pub mod labels;
pub mod output;
pub mod parttimers;
mod plan;
pub mod report;
pub mod review;
pub mod roster;
pub mod scenario;
pub mod schedule;
pub mod simulate;
pub mod staffing;
pub mod time;

pub use error::{Error, Result};
pub use plan::{plan, requirements, staff, Demand, Inputs, Needed, Overrides, Plan};
