//! `shiftcast parttimers SCENARIO [--max N] [--json] [--chart FILE.svg]`
//!
//! The least number of hired part-timers that leaves no hour short with the staff on hand, their
//! shifts, and the marginal curve: for n = 0 .. max part-timers, the best plan's agent-hours
//! short, lowest service level and cost (the plan re-solved with at most n part-timers working
//! or resting at any moment). `--json`: `{"needed", "curve": [{"part_timers",
//! "shortfall_agent_hours", "min_service_level", "cost"}], "shifts"}`.

use std::path::PathBuf;

use shiftcast::labels::Lang;
use shiftcast::parttimers::{part_timers, Answer};
use shiftcast::{io, Error, Result};

use super::Global;

/// How many part-timers to hire, and what each one more buys.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The scenario file (TOML)
    pub scenario: PathBuf,
    /// Largest number of part-timers to try (default: as many as the cheapest plan hires)
    #[arg(long)]
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
    let (scenario, staff, lang) = super::read_plan_inputs(&args.scenario, &args.solver, global)?;
    let (_, forecast, requirements) = super::demand(&scenario)?;
    let progress = super::progress(global);
    progress.set_message("solving for each number of part-timers");
    let answer = part_timers(
        &scenario,
        &staff,
        &forecast,
        &requirements,
        args.max,
        &mut |done, total| {
            progress.set_message(format!("solved {done} of {total} part-timer counts"))
        },
    )?;
    progress.finish_and_clear();
    if let Some(path) = &args.chart {
        io::write_output_file(path, io::curve_chart(&answer, lang)?.as_bytes())?;
    }
    if args.json {
        let json =
            serde_json::to_string_pretty(&answer).map_err(|e| Error::Render(e.to_string()))?;
        println!("{json}");
    } else {
        print!("{}", text(&answer, lang));
    }
    Ok(())
}

fn text(answer: &Answer, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let mut out = match answer.needed {
        Some(n) if zh => format!("需要兼职：{n} 人\n"),
        Some(n) => format!("Part-timers needed: {n}\n"),
        None if zh => "在所试人数内仍有缺口：用 --max 试更多兼职\n".to_string(),
        None => "Still short at every number tried: try a larger --max\n".to_string(),
    };
    if !answer.shifts.is_empty() {
        out += if zh {
            "兼职班次：\n"
        } else {
            "Their shifts:\n"
        };
        for s in &answer.shifts {
            out += &format!(
                "  {} x {} {} - {}\n",
                s.count,
                lang.t(&s.queue),
                s.start,
                s.end
            );
        }
    }
    out += &format!(
        "{:>11} {:>18} {:>18} {:>12}\n",
        lang.t("Part-timers"),
        lang.t("Short agent-hours"),
        lang.t("Lowest service level"),
        lang.t("Cost")
    );
    for p in &answer.curve {
        out += &format!(
            "{:>11} {:>18.1} {:>17.1}% {:>12.2}\n",
            p.part_timers,
            p.shortfall_agent_hours,
            p.min_service_level * 100.0,
            p.cost
        );
    }
    out
}
