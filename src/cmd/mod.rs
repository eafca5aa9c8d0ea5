//! One file per subcommand, each with its usage text at the top.

pub mod backtest;
pub mod compare;
pub mod erlang;
pub mod forecast;
pub mod intraday;
pub mod parttimers;
pub mod plan;
pub mod review;
pub mod simulate;
pub mod template;
pub mod usage;

use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use shiftcast::labels::Lang;

/// Options every command takes.
pub struct Global {
    /// `--lang`, when given.
    pub lang: Option<Lang>,
    pub quiet: bool,
}

/// A spinner on stderr naming the step under way; drawn only on a terminal and without
/// `--quiet`, so pipes and logs stay clean.
pub fn progress(global: &Global) -> ProgressBar {
    if global.quiet {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} {elapsed}") {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

/// A plan and what happened since: the arguments `intraday` and `review` share.
#[derive(Debug, clap::Args)]
pub struct PlanAndActuals {
    /// The scenario the plan was made from
    pub scenario: std::path::PathBuf,
    /// The plan folder written by `shiftcast plan`
    #[arg(long)]
    pub plan: std::path::PathBuf,
    /// What happened: a CSV with timestamp,queue,inquiries (and optionally
    /// answered_within_target, agents_logged_in, orders, service_orders)
    #[arg(long)]
    pub actuals: std::path::PathBuf,
}

impl PlanAndActuals {
    /// The written plan and the actuals, read against `scenario`.
    pub fn read(
        &self,
        scenario: &shiftcast::scenario::Scenario,
    ) -> shiftcast::Result<(
        shiftcast::intraday::WrittenPlan,
        Vec<shiftcast::intraday::Actual>,
    )> {
        Ok((
            shiftcast::input::read_written_plan(&self.plan, scenario)?,
            shiftcast::input::read_actuals(&self.actuals, scenario)?,
        ))
    }
}

/// A date and time given to `flag`, with our message when it is not one.
pub fn moment(flag: &str, text: &str, example: &str) -> shiftcast::Result<chrono::NaiveDateTime> {
    shiftcast::time::parse_time(text).ok_or_else(|| {
        shiftcast::Error::input(
            flag,
            format!("\"{text}\" is not a date and time"),
            format!("write it as YYYY-MM-DDTHH:MM, e.g. {flag} {example}"),
        )
    })
}

/// `--time-limit` and `--gap`, overriding the scenario's `[solver]` table.
#[derive(Debug, clap::Args)]
pub struct SolverFlags {
    /// Seconds the whole run may take; each solve gets what is left (no plan by then: a simple one)
    #[arg(long)]
    pub time_limit: Option<f64>,
    /// Stop when the plan is proven within this relative gap of the best (e.g. 0.001)
    #[arg(long)]
    pub gap: Option<f64>,
}

impl SolverFlags {
    pub fn overrides(&self) -> shiftcast::Overrides {
        shiftcast::Overrides {
            settings: Vec::new(),
            time_limit_seconds: self.time_limit,
            relative_gap: self.gap,
        }
    }
}

/// The `--set KEY=VALUE` flags as typed, read in order.
pub fn settings(texts: &[String]) -> shiftcast::Result<Vec<shiftcast::scenario::Setting>> {
    texts
        .iter()
        .map(|text| shiftcast::scenario::Setting::parse(text))
        .collect()
}

/// A flag's whole number of zero or more, with our message for anything else: `--runs -1`
/// says it is negative (every command allows negative numbers, so clap hands them on instead
/// of taking `-1` for an unknown flag).
pub fn whole<T: std::str::FromStr>(text: &str) -> std::result::Result<T, String> {
    text.trim()
        .parse()
        .map_err(|_| match text.trim().parse::<f64>() {
            Ok(n) if n < 0.0 => format!("{text} is negative: give a whole number of 0 or more"),
            Ok(_) => {
                format!("{text} is not a whole number: give one of 0 or more, without a point")
            }
            Err(_) => format!("\"{text}\" is not a number: give a whole number of 0 or more"),
        })
}

/// The output language: `--lang`, else the scenario's (`[report] language`), else the
/// environment's.
pub fn language(global: &Global, scenario: Option<Lang>) -> Lang {
    global.lang.or(scenario).unwrap_or_else(Lang::from_env)
}

/// A warning line for stderr, `shiftcast: warning: …`, the warning in `lang`.
pub fn warning(text: &str, lang: Lang) -> String {
    format!("shiftcast: {}: {}", lang.t("warning"), lang.message(text))
}

/// Writes `text` to standard output. A reader that stops early (`| head`) closes the pipe; the
/// error that gives ends the command quietly (see `main`).
pub fn print(text: &str) -> shiftcast::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| shiftcast::Error::io(STDOUT, e))
}

/// The path [`print`]'s errors name.
const STDOUT: &str = "standard output";

/// Whether `error` is [`print`] finding its reader gone (`| head` closed the pipe): nothing
/// went wrong, so the command ends quietly, as in BurntSushi/xsv.
pub fn reader_went_away(error: &shiftcast::Error) -> bool {
    matches!(error, shiftcast::Error::Io { path, source }
        if path.as_os_str() == STDOUT && source.kind() == std::io::ErrorKind::BrokenPipe)
}

/// `value` as pretty JSON on standard output.
pub fn print_json(value: &impl serde::Serialize) -> shiftcast::Result<()> {
    let json =
        serde_json::to_string_pretty(value).map_err(|e| shiftcast::Error::Render(e.to_string()))?;
    print(&format!("{json}\n"))
}
