//! `shiftcast erlang --arrivals N --interval-minutes M --aht S [--agents K] [--target-sl P
//! --within T] [--max-wait-prob A] [--max-asa S] [--max-occupancy X] [--patience S]
//! [--concurrency C] [--shrinkage X] [--chats-per-agent-hour R] [--json]`
//!
//! Without `--agents`, finds the least agents meeting every target given; with `--agents`,
//! evaluates that staffing. `--patience` switches from Erlang C to Erlang A (buyers who leave).

use shiftcast::labels::Lang;
use shiftcast::staffing::{ErlangQuestion, Model, ServiceTarget, Targets};
use shiftcast::{output, Error, Result};

/// Agents needed for a number of chats, or how a given number of agents performs.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Chats arriving in the interval
    #[arg(long)]
    pub arrivals: f64,
    /// Interval length in minutes
    #[arg(long, value_parser = super::whole::<u32>)]
    pub interval_minutes: u32,
    /// Average handling time of one chat, in seconds
    #[arg(long)]
    pub aht: f64,
    /// Evaluate this many agents instead of finding the least
    #[arg(long, value_parser = super::whole::<u32>)]
    pub agents: Option<u32>,
    /// Service level target: share of chats answered within --within seconds, e.g. 0.8
    #[arg(long, requires = "within")]
    pub target_sl: Option<f64>,
    /// Seconds for the service level, e.g. 20
    #[arg(long)]
    pub within: Option<f64>,
    /// Highest allowed chance that a chat waits at all
    #[arg(long)]
    pub max_wait_prob: Option<f64>,
    /// Highest allowed average wait (ASA), in seconds
    #[arg(long)]
    pub max_asa: Option<f64>,
    /// Highest allowed occupancy, e.g. 0.85
    #[arg(long)]
    pub max_occupancy: Option<f64>,
    /// Highest allowed share of chats that leave before an answer (needs --patience)
    #[arg(long)]
    pub max_abandon: Option<f64>,
    /// Mean seconds a buyer waits before leaving; selects Erlang A
    #[arg(long)]
    pub patience: Option<f64>,
    /// Chats one agent serves at once
    #[arg(long, value_parser = super::whole::<u32>, default_value_t = 1)]
    pub concurrency: u32,
    /// Share of paid time away from chats (breaks, meals, training), e.g. 0.3
    #[arg(long)]
    pub shrinkage: Option<f64>,
    /// The plain rule: chats one agent handles per hour, reported beside the formula
    #[arg(long)]
    pub chats_per_agent_hour: Option<f64>,
    /// Print one JSON object
    #[arg(long)]
    pub json: bool,
}

fn bad(flag: &str, problem: String, fix: &str) -> Error {
    Error::input(flag, problem, fix)
}

fn positive(flag: &str, value: f64, example: &str) -> Result<f64> {
    if value.is_finite() && value > 0.0 {
        Ok(value)
    } else {
        Err(bad(
            flag,
            format!("{value} is not a positive number"),
            example,
        ))
    }
}

fn share(flag: &str, value: Option<f64>, allow_zero: bool) -> Result<Option<f64>> {
    match value {
        Some(v) if !(v.is_finite() && v < 1.0 && (v > 0.0 || (allow_zero && v == 0.0))) => {
            Err(bad(
                flag,
                format!(
                    "{v} is not a share {}",
                    if allow_zero {
                        "from 0 up to (not including) 1"
                    } else {
                        "strictly between 0 and 1"
                    }
                ),
                "write a share as a decimal, e.g. 0.8 for 80%",
            ))
        }
        other => Ok(other),
    }
}

pub fn run(args: &Args, global: &super::Global) -> Result<()> {
    let question = question(args)?;
    let mut answer = question.answer()?;
    // Checked after the answer, as it always was, so the answer's own error (no number of
    // agents meets the targets) stays the first reported.
    if let Some(rate) = args.chats_per_agent_hour {
        let rate = positive(
            "--chats-per-agent-hour",
            rate,
            "e.g. --chats-per-agent-hour 20",
        )?;
        answer.agents_by_rule = Some(question.agents_by_rule(rate));
    }
    if args.json {
        super::print_json(&answer)
    } else {
        super::print(&output::text::erlang(
            &answer,
            global.lang.unwrap_or_else(Lang::from_env),
        ))
    }
}

/// The flags as a checked question, checked in the order their errors have always come.
fn question(args: &Args) -> Result<ErlangQuestion> {
    let aht = positive(
        "--aht",
        args.aht,
        "give the average seconds one chat takes, e.g. --aht 180",
    )?;
    check_counts(args)?;
    let shrinkage = share("--shrinkage", args.shrinkage, true)?;
    let model = match args.patience {
        Some(p) => Model::ErlangA {
            patience_seconds: positive(
                "--patience",
                p,
                "give the mean seconds buyers wait before leaving, e.g. --patience 100",
            )?,
        },
        None => Model::ErlangC,
    };
    let targets = targets(args)?;
    if args.agents.is_none() {
        something_to_staff_for(&targets, model)?;
    }
    Ok(ErlangQuestion {
        arrivals: args.arrivals,
        interval_minutes: args.interval_minutes,
        handle_seconds: aht,
        agents: args.agents,
        model,
        targets,
        within_seconds: args.within,
        concurrency: args.concurrency,
        shrinkage,
    })
}

/// `--interval-minutes`, `--arrivals` and `--concurrency`: counts the formulas divide by or
/// multiply.
fn check_counts(args: &Args) -> Result<()> {
    if args.interval_minutes == 0 {
        return Err(bad(
            "--interval-minutes",
            "an interval of 0 minutes".into(),
            "e.g. --interval-minutes 30",
        ));
    }
    if !(args.arrivals.is_finite() && args.arrivals >= 0.0) {
        return Err(bad(
            "--arrivals",
            format!("{} is not a number of chats", args.arrivals),
            "give zero or more, e.g. --arrivals 100",
        ));
    }
    if args.concurrency == 0 {
        return Err(bad(
            "--concurrency",
            "0 chats at once".into(),
            "an agent serves at least 1 chat, e.g. --concurrency 3",
        ));
    }
    Ok(())
}

/// The targets the flags set; `--within` is checked first, then `--target-sl`.
fn targets(args: &Args) -> Result<Targets> {
    if let Some(w) = args.within {
        if !(w.is_finite() && w >= 0.0) {
            return Err(bad(
                "--within",
                format!("{w} is not a number of seconds"),
                "e.g. --within 20",
            ));
        }
    }
    Ok(Targets {
        service_level: share("--target-sl", args.target_sl, false)?
            .zip(args.within)
            .map(|(share, within_seconds)| ServiceTarget {
                share,
                within_seconds,
            }),
        max_wait_probability: args.max_wait_prob,
        max_asa_seconds: args.max_asa,
        max_occupancy: args.max_occupancy,
        max_abandonment: args.max_abandon,
    })
}

/// Without `--agents`, the least staffing needs at least one target, and one that some number
/// of agents can meet.
fn something_to_staff_for(targets: &Targets, model: Model) -> Result<()> {
    if *targets == Targets::default() {
        return Err(bad(
            "shiftcast erlang",
            "no target to staff for".into(),
            "give --target-sl with --within, --max-wait-prob, --max-asa, --max-occupancy or --max-abandon; or --agents to evaluate",
        ));
    }
    if let Some(problem) = targets.unreachable(model) {
        return Err(bad("targets", problem, "loosen that target"));
    }
    Ok(())
}
