//! The shift design problem as a direct model, to measure shiftcast against: one integer
//! variable per shift (how many work it), one row per time slot with demand (the shifts on duty
//! then reach the demand), minimise the shifts' cost; solved by HiGHS through good_lp, as
//! shiftcast solves its own model.
//!
//! Reads a folder written by `bench/shift_design.py`: `requirements.csv` (`timestamp,queue,
//! agents`, one cyclic week of equal slots) and `shifts.csv` (`type,start,hours,cost`). Prints
//! one line: `rows=.. columns=.. nonzeros=.. optimum=.. seconds=.. status=..`, where `seconds`
//! is the time from the files read to the optimum (building the model and solving it).
//!
//! Run: `cargo run --release --example shift_design_direct -- FOLDER [GAP] [TIME_LIMIT]`.

use std::error::Error;
use std::path::Path;
use std::time::Instant;

use chrono::NaiveDateTime;
use good_lp::{
    constraint, highs, variable, Expression, IntoAffineExpression, ProblemVariables, Solution,
    SolverModel,
};

const FMT: &str = "%Y-%m-%dT%H:%M";

type Result<T> = std::result::Result<T, Box<dyn Error>>;

/// One shift: its cost and the slots it covers.
struct Shift {
    cost: f64,
    cover: Vec<usize>,
}

/// Each slot's start and the agents it needs.
fn demand(folder: &Path) -> Result<(Vec<NaiveDateTime>, Vec<f64>)> {
    let mut times = Vec::new();
    let mut need = Vec::new();
    for row in csv::Reader::from_path(folder.join("requirements.csv"))?.records() {
        let row = row?;
        times.push(NaiveDateTime::parse_from_str(&row[0], FMT)?);
        need.push(row[2].parse()?);
    }
    Ok((times, need))
}

/// Each shift's cost and the slots it covers (going round the week).
fn shifts(folder: &Path, times: &[NaiveDateTime]) -> Result<Vec<Shift>> {
    let step = (times[1] - times[0]).num_minutes();
    let slots = times.len() as i64;
    let mut shifts = Vec::new();
    for row in csv::Reader::from_path(folder.join("shifts.csv"))?.records() {
        let row = row?;
        let start = NaiveDateTime::parse_from_str(&row[1], FMT)?;
        let hours: f64 = row[2].parse()?;
        let first = (start - times[0]).num_minutes() / step;
        let count = (hours * 60.0).round() as i64 / step;
        let cover = (first..first + count)
            .map(|i| i.rem_euclid(slots) as usize)
            .collect();
        shifts.push(Shift {
            cost: row[3].parse()?,
            cover,
        });
    }
    Ok(shifts)
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let folder = Path::new(
        args.get(1)
            .ok_or("usage: shift_design_direct FOLDER [GAP] [TIME_LIMIT]")?,
    );
    let gap: f64 = args.get(2).map_or(Ok(0.0), |g| g.parse())?;
    let limit: f64 = args.get(3).map_or(Ok(600.0), |t| t.parse())?;
    let (times, need) = demand(folder)?;
    let shifts = shifts(folder, &times)?;
    let started = Instant::now();
    let mut vars = ProblemVariables::new();
    let x: Vec<_> = shifts
        .iter()
        .map(|_| vars.add(variable().integer().min(0)))
        .collect();
    let cost: Expression = shifts.iter().zip(&x).map(|(s, v)| s.cost * *v).sum();
    let mut on_duty = vec![Expression::from(0.0); need.len()];
    for (s, v) in shifts.iter().zip(&x) {
        for &i in &s.cover {
            on_duty[i].add_mul(1.0, *v);
        }
    }
    let mut problem = vars.minimise(cost).using(highs);
    let (mut rows, mut nonzeros) = (0, 0);
    for (served, n) in on_duty.into_iter().zip(&need) {
        if *n > 0.0 {
            rows += 1;
            nonzeros += (&served).linear_coefficients().count();
            problem.add_constraint(constraint!(served >= *n));
        }
    }
    let problem = problem
        .set_option("mip_rel_gap", gap)
        .set_option("time_limit", limit);
    let solution = problem.solve()?;
    let optimum: f64 = shifts
        .iter()
        .zip(&x)
        .map(|(s, v)| s.cost * solution.value(*v).round())
        .sum();
    println!(
        "rows={rows} columns={} nonzeros={nonzeros} optimum={optimum} seconds={:.3} status={:?}",
        x.len(),
        started.elapsed().as_secs_f64(),
        solution.status()
    );
    Ok(())
}
