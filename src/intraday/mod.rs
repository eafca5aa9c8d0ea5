//! On the day: what happened so far ([`Actual`] chats per queue and hour) against a written plan
//! ([`WrittenPlan`], the folder `shiftcast plan` wrote), re-forecast for the hours to come, and
//! the cheapest moves that keep them covered (`shiftcast intraday`); after the event, the same
//! actuals reviewed against the plan (`shiftcast review`, in `src/review.rs`).

use chrono::NaiveDateTime;

use crate::roster::RosterRow;
use crate::staffing::Requirement;

/// One row of an actuals file: what one queue saw in one interval.
#[derive(Debug, Clone, PartialEq)]
pub struct Actual {
    /// The interval's start.
    pub time: NaiveDateTime,
    /// The queue's name.
    pub queue: String,
    /// Chats that arrived.
    pub inquiries: f64,
    /// Of them, chats answered within the queue's target time (optional column).
    pub answered_within_target: Option<f64>,
    /// Agents logged in during the interval (optional column).
    pub agents_logged_in: Option<f64>,
    /// Orders placed in the interval, all channels (optional column; on any one queue's rows).
    pub orders: Option<f64>,
    /// Of them, orders from buyers who chatted with service first (optional column).
    pub service_orders: Option<f64>,
}

/// A plan as `shiftcast plan` wrote it to its folder, read back.
#[derive(Debug, Clone, PartialEq)]
pub struct WrittenPlan {
    /// requirements.csv: chats forecast and agents required, one row per queue and interval,
    /// queue by queue in scenario order, then by time.
    pub requirements: Vec<Requirement>,
    /// roster.csv: every shift with its person and its queue and break periods.
    pub roster: Vec<RosterRow>,
    /// standby.csv: the on-call part-timers (SB-01, ...) and the shifts they are on call for.
    pub standby: Vec<RosterRow>,
}

mod extras;
mod moves;
mod reforecast;
mod repair;

use chrono::Duration;
use serde::Serialize;

pub use extras::MoveKind;
pub use moves::Move;
pub use reforecast::{Reforecast, Surprise, CREDIBILITY_CHATS, RATIO_HOURS};

use crate::error::{Error, Result};
use crate::report::{self, CoverageRow};
use crate::scenario::{Person, Scenario};
use crate::schedule::{self, Activity};
use crate::time::format_time;
use extras::Window;
use repair::{Day, MovableBreak, Worker};

/// Hours from now the moves re-plan: the coming day. Later days are better planned again with
/// `shiftcast plan` and what the day taught.
pub const REPLAN_HOURS: i64 = 24;

/// The day re-planned from what happened so far.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Intraday {
    /// The moment the actuals run up to.
    #[serde(serialize_with = "crate::time::serialize_time")]
    pub now: NaiveDateTime,
    /// Per queue: the surprise so far.
    pub surprise: Vec<Surprise>,
    /// Per queue and interval from now on: the plan's forecast and the re-forecast.
    pub reforecast: Vec<Reforecast>,
    /// The cheapest changes that keep the coming day covered, in time order.
    pub moves: Vec<Move>,
    /// What the moves cost in pay (wages, night premium, overtime, hiring).
    pub moves_cost: f64,
    /// Share of the re-forecast chats answered within target over the rest of the horizon,
    /// volume-weighted, with the plan as it was ...
    pub service_level_before: f64,
    /// ... and with the moves.
    pub service_level_after: f64,
    /// Agent-hours short in the coming day against the re-forecast, with the plan as it was ...
    pub shortfall_agent_hours_before: f64,
    /// ... and with the moves.
    pub shortfall_agent_hours_after: f64,
    /// The requirements, re-forecast from now on.
    #[serde(skip)]
    pub requirements: Vec<Requirement>,
    /// The roster with the moves.
    #[serde(skip)]
    pub roster: Vec<RosterRow>,
    /// Coverage of the roster with the moves, in `coverage.csv`'s rows.
    #[serde(skip)]
    pub coverage: Vec<CoverageRow>,
}

/// Re-forecasts the rest of the horizon from `actuals` up to `now` and finds the cheapest moves
/// that keep the next [`REPLAN_HOURS`] covered with people who can still act.
pub fn intraday(
    scenario: &Scenario,
    staff: &[Person],
    plan: &WrittenPlan,
    actuals: &[Actual],
    now: NaiveDateTime,
) -> Result<Intraday> {
    check(scenario, plan, actuals, now)?;
    let horizon = &scenario.horizon;
    let surprise = reforecast::seen(scenario, staff, plan, actuals, now);
    let (requirements, rows) = reforecast::reforecast(scenario, plan, &surprise, now)?;
    let Repaired {
        roster,
        moves,
        moves_cost,
        first,
        until,
    } = repair_the_day(scenario, staff, plan, &requirements, now)?;
    let before = coverage_of(scenario, staff, &plan.roster, &requirements);
    let coverage = coverage_of(scenario, staff, &roster, &requirements);
    let short_in_window = |coverage: &[CoverageRow]| {
        coverage
            .iter()
            .filter(|c| c.time >= first && c.time < until)
            .map(|c| f64::from(c.shortfall))
            .sum::<f64>()
            * horizon.interval_hours()
            + 0.0
    };
    Ok(Intraday {
        now,
        surprise,
        reforecast: rows,
        moves,
        moves_cost,
        service_level_before: service_level_from(&before, &requirements, now),
        service_level_after: service_level_from(&coverage, &requirements, now),
        shortfall_agent_hours_before: short_in_window(&before),
        shortfall_agent_hours_after: short_in_window(&coverage),
        requirements,
        roster,
        coverage,
    })
}

/// The roster with the day's moves, what they cost in pay, and the window they cover.
struct Repaired {
    roster: Vec<RosterRow>,
    moves: Vec<Move>,
    moves_cost: f64,
    first: NaiveDateTime,
    until: NaiveDateTime,
}

/// The cheapest moves for the next [`REPLAN_HOURS`] from the first interval that can still
/// change, against `requirements` (re-forecast).
fn repair_the_day(
    scenario: &Scenario,
    staff: &[Person],
    plan: &WrittenPlan,
    requirements: &[Requirement],
    now: NaiveDateTime,
) -> Result<Repaired> {
    let horizon = &scenario.horizon;
    // The first interval that can still change; none when now is in the horizon's last one.
    let first = ceil_to_grid(scenario, now);
    let first_index = horizon.index_of(first).unwrap_or(horizon.len());
    let len = (horizon.len() - first_index)
        .min((REPLAN_HOURS * 60 / i64::from(horizon.interval_minutes)) as usize);
    let until = first + horizon.interval() * len as i32;
    let notice = Duration::minutes(scenario.intraday.call_in_notice_minutes.round() as i64);
    let call = ceil_to_grid(scenario, now + notice);
    let (pools, pool_of, part_time_pool) = schedule::pools(scenario, staff);
    let workers = workers(
        scenario,
        staff,
        &plan.roster,
        &pool_of,
        part_time_pool,
        first,
        len,
    )?;
    let hired: std::collections::BTreeSet<&str> = plan
        .roster
        .iter()
        .filter(|r| r.hired)
        .map(|r| r.name.as_str())
        .collect();
    let window = Window {
        scenario,
        staff,
        roster: &plan.roster,
        pools: &pools,
        pool_of: &pool_of,
        part_time_pool,
        first,
        call,
        until,
    };
    let extras = window.extras(&plan.standby, hired.len());
    let day = Day {
        scenario,
        staff,
        pools: &pools,
        first: first_index,
        len,
        workers,
        extras,
        requirements,
        hires_left: scenario
            .part_time
            .max_people
            .map(|m| (m as usize).saturating_sub(hired.len())),
    };
    let repair = day.solve()?;
    let (roster, moves) = day.apply(&plan.roster, &repair);
    let moves_cost = day
        .extras
        .iter()
        .zip(&repair.taken)
        .map(|(e, &n)| e.pay * f64::from(n))
        .sum::<f64>()
        + 0.0;
    Ok(Repaired {
        roster,
        moves,
        moves_cost,
        first,
        until,
    })
}

/// The first interval start at or after `t`.
fn ceil_to_grid(scenario: &Scenario, t: NaiveDateTime) -> NaiveDateTime {
    let horizon = &scenario.horizon;
    let step = i64::from(horizon.interval_minutes) * 60;
    let seconds = (t - horizon.start).num_seconds();
    let up = if seconds.rem_euclid(step) > 0 {
        step
    } else {
        0
    };
    horizon.start + Duration::seconds(seconds.div_euclid(step) * step + up)
}

/// A plan and actuals intraday can work with: a dated horizon holding `now`, a forecast to weigh
/// the chats against, and no actuals from `now` on.
fn check(
    scenario: &Scenario,
    plan: &WrittenPlan,
    actuals: &[Actual],
    now: NaiveDateTime,
) -> Result<()> {
    let horizon = &scenario.horizon;
    if horizon.cyclic {
        return Err(Error::input(
            "horizon.cyclic",
            "a standard week has no day to re-plan",
            "plan the dated days of the event, then run intraday on that plan",
        ));
    }
    if now < horizon.start || now >= horizon.end {
        return Err(Error::input(
            "--now",
            format!(
                "{} is outside the plan's horizon ({} to {})",
                format_time(now),
                format_time(horizon.start),
                format_time(horizon.end)
            ),
            "give a moment inside the planned days, e.g. --now 2026-11-11T02:00",
        ));
    }
    if plan.requirements.iter().all(|r| r.inquiries == 0.0) {
        return Err(Error::input(
            "requirements.csv",
            "the plan forecast no chats (its agents required were given), so the chats seen have nothing to be weighed against",
            "plan from a history ([history] file) to re-plan on the day",
        ));
    }
    if let Some(late) = actuals.iter().find(|a| a.time >= now) {
        return Err(Error::input(
            "--actuals",
            format!(
                "the row for {} {} is not before --now {}",
                format_time(late.time),
                late.queue,
                format_time(now)
            ),
            "give actuals only for intervals already over, or a later --now",
        ));
    }
    Ok(())
}

/// The people on a planned shift in the window, each with what the plan has them do.
fn workers(
    scenario: &Scenario,
    staff: &[Person],
    roster: &[RosterRow],
    pool_of: &[usize],
    part_time_pool: usize,
    first: NaiveDateTime,
    len: usize,
) -> Result<Vec<Worker>> {
    let horizon = &scenario.horizon;
    let until = first + horizon.interval() * len as i32;
    let mut workers = Vec::new();
    for (r, row) in roster.iter().enumerate() {
        if row.is_session() || row.end <= first || row.start >= until {
            continue;
        }
        let pool =
            if row.hired {
                part_time_pool
            } else {
                match staff.iter().position(|p| p.name == row.name) {
                    Some(p) => pool_of[p],
                    None => return Err(Error::input(
                        "roster.csv",
                        format!(
                            "{} is on the plan's roster but not in the staff file",
                            row.name
                        ),
                        "run intraday with the staff file the plan was made with, or plan again",
                    )),
                }
            };
        let times: Vec<NaiveDateTime> = (0..len)
            .map(|k| first + horizon.interval() * k as i32)
            .collect();
        let on_shift: Vec<bool> = times
            .iter()
            .map(|&t| row.start <= t && t < row.end)
            .collect();
        let planned = times
            .iter()
            .map(|&t| match row.activity_at(t) {
                Some(Activity::Queue(q)) => scenario.queues.iter().position(|x| &x.name == q),
                _ => None,
            })
            .collect();
        let breaks = movable_breaks(scenario, row, first, until);
        let fixed_break = times
            .iter()
            .map(|&t| {
                matches!(row.activity_at(t), Some(Activity::Break(_)))
                    && !breaks.iter().any(|b| {
                        b.planned <= t
                            && t < repair::break_end(scenario, b.planned, b.window.intervals)
                    })
            })
            .collect();
        workers.push(Worker {
            lead: !row.hired && staff.iter().any(|p| p.name == row.name && p.lead),
            row: r,
            pool,
            on_shift,
            planned,
            fixed_break,
            breaks,
        });
    }
    Ok(workers)
}

/// The row's breaks that begin in the window (at `first` or later) and whose template says
/// where else they may fall, each with the starts inside the window its template allows.
fn movable_breaks(
    scenario: &Scenario,
    row: &RosterRow,
    first: NaiveDateTime,
    until: NaiveDateTime,
) -> Vec<MovableBreak> {
    let Some(template) = scenario.shifts.iter().find(|s| s.name == row.template) else {
        return Vec::new();
    };
    let step = scenario.horizon.interval_minutes;
    row.segments
        .iter()
        .filter(|s| s.start >= first && s.end <= until)
        .filter_map(|s| {
            let Activity::Break(name) = &s.activity else {
                return None;
            };
            let b = template.breaks.iter().find(|b| &b.name == name)?;
            let intervals = (b.minutes / step) as usize;
            let starts = (b.earliest..=b.latest)
                .step_by(step as usize)
                .map(|m| row.start + Duration::minutes(m.into()))
                .filter(|&t| {
                    t >= first && repair::break_end(scenario, t, intervals) <= until.min(row.end)
                })
                .collect::<Vec<_>>();
            starts.contains(&s.start).then(|| MovableBreak {
                window: extras::BreakWindow {
                    name: name.clone(),
                    intervals,
                    starts,
                },
                planned: s.start,
            })
        })
        .collect()
}

/// Coverage rows of `rows` against `requirements`, as `coverage.csv` has them (cross-trained:
/// staff with more than one of the queues among their skills, as the plan counts them).
fn coverage_of(
    scenario: &Scenario,
    staff: &[Person],
    rows: &[RosterRow],
    requirements: &[Requirement],
) -> Vec<CoverageRow> {
    let horizon = &scenario.horizon;
    let serving = crate::roster::serving(rows, staff, scenario);
    let shortfall: Vec<Vec<f64>> = (0..scenario.queues.len())
        .map(|q| {
            (0..horizon.len())
                .map(|i| {
                    let need = f64::from(requirements[horizon.cell(q, i)].agents_required);
                    (need - serving.effective[q][i]).max(0.0)
                })
                .collect()
        })
        .collect();
    report::coverage(scenario, requirements, &serving, &shortfall)
}

/// Volume-weighted share of chats answered within target from `now` on.
fn service_level_from(
    coverage: &[CoverageRow],
    requirements: &[Requirement],
    now: NaiveDateTime,
) -> f64 {
    let (mut met, mut chats) = (0.0, 0.0);
    for (c, r) in coverage.iter().zip(requirements) {
        if c.time >= now {
            met += c.service_level * r.inquiries;
            chats += r.inquiries;
        }
    }
    if chats > 0.0 {
        met / chats
    } else {
        1.0
    }
}
