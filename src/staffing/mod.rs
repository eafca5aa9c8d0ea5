//! Agents required per queue per interval, from Erlang C or Erlang A.
//!
//! Model: chats arrive at random (Poisson) into one queue. An agent serving up to `chats_at_once`
//! chats counts as that many chat slots, each a server whose handle time is the queue's
//! `handle_time_seconds`: the time one chat takes while the agent juggles that many (so the slot
//! model is cautious when agents have fewer chats open; `shiftcast simulate` measures by how much).
//! The least number of slots meeting every target is found, turned into agents at the keyboard
//! (slots / chats at once, rounded up), then into agents on the roster by adding shrinkage:
//! agents / (1 - shrinkage), rounded up. With `patience_seconds`, waiting chats leave after an
//! exponential patience and Erlang A replaces Erlang C.

mod answer;
mod bounds;
pub mod erlang_a;
pub mod erlang_c;
mod phases;

use chrono::NaiveDateTime;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::forecast::ForecastRow;
use crate::scenario::{Queue, Scenario};
use crate::time::format_time;
pub use answer::{ErlangAnswer, ErlangQuestion};
pub use bounds::{check_load, MAX_AGENTS_PER_INTERVAL, MAX_OFFERED_LOAD_ERLANG};
pub use phases::with_phase_minimums;

/// Which queueing formula to use.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Model {
    /// M/M/N: nobody leaves the queue.
    ErlangC,
    /// M/M/N+M: waiting chats leave after an exponential patience with this mean.
    ErlangA {
        /// Mean seconds a waiting chat stays before it leaves.
        patience_seconds: f64,
    },
}

impl Model {
    /// The model's name in `shiftcast erlang --json`: `erlang_c` or `erlang_a`.
    pub fn name(self) -> &'static str {
        match self {
            Model::ErlangC => "erlang_c",
            Model::ErlangA { .. } => "erlang_a",
        }
    }
}

/// "X% of chats answered within T seconds".
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ServiceTarget {
    /// X: the share of chats, strictly between 0 and 1.
    pub share: f64,
    /// T: seconds from arrival to the first answer.
    pub within_seconds: f64,
}

/// Every target a staffing must meet; `None` means no limit.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Targets {
    /// At least this share of chats answered within this time.
    pub service_level: Option<ServiceTarget>,
    /// Highest chance that a chat waits at all (0-1).
    pub max_wait_probability: Option<f64>,
    /// Highest average seconds to first answer.
    pub max_asa_seconds: Option<f64>,
    /// Highest share of time a server is busy (0-1).
    pub max_occupancy: Option<f64>,
    /// Highest share of chats that leave before an answer (0-1; Erlang A only).
    pub max_abandonment: Option<f64>,
}

impl Targets {
    /// Why no finite number of agents can meet these targets, if so.
    pub fn unreachable(&self, model: Model) -> Option<String> {
        let zero = |limit: Option<f64>| limit.is_some_and(|x| x <= 0.0);
        if zero(self.max_wait_probability) {
            return Some("a chance of waiting of 0 needs infinitely many agents".into());
        }
        if zero(self.max_asa_seconds) {
            return Some("an average wait of 0 seconds needs infinitely many agents".into());
        }
        if zero(self.max_occupancy) {
            return Some("an occupancy cap of 0 leaves agents no time to chat".into());
        }
        if zero(self.max_abandonment) {
            return Some(
                "with patience set, some chats always leave; an abandonment cap of 0 cannot be met"
                    .into(),
            );
        }
        if self.max_abandonment.is_some() && model == Model::ErlangC {
            return Some(
                "an abandonment cap needs the patience of waiting chats (Erlang A)".into(),
            );
        }
        if self
            .service_level
            .is_some_and(|t| !(t.share > 0.0 && t.share < 1.0))
        {
            return Some("a service level target must lie strictly between 0 and 1".into());
        }
        None
    }

    fn met_by(&self, p: &Performance) -> bool {
        let within = |limit: Option<f64>, value: f64| limit.is_none_or(|l| value <= l);
        self.service_level.is_none_or(|_| {
            p.service_level.unwrap_or(0.0) >= self.service_level.map_or(0.0, |t| t.share)
        }) && within(self.max_wait_probability, p.wait_probability)
            && within(self.max_asa_seconds, p.asa_seconds)
            && within(self.max_occupancy, p.occupancy)
            && within(
                self.max_abandonment,
                p.abandonment_probability.unwrap_or(0.0),
            )
    }
}

/// How a number of servers performs.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Performance {
    /// Chance that a chat waits at all (0-1).
    pub wait_probability: f64,
    /// Share answered within the target time, when a target time is given.
    pub service_level: Option<f64>,
    /// Average seconds to first answer over all chats (Erlang A: over all arrivals, until answered
    /// or gone). Infinite when Erlang C is overloaded.
    pub asa_seconds: f64,
    /// Share of time a server is busy (0-1).
    pub occupancy: f64,
    /// Share of chats that leave before an answer (0-1); Erlang A only.
    pub abandonment_probability: Option<f64>,
}

/// Offered load in Erlang: arrivals x handle time / interval length.
pub fn offered_load(arrivals: f64, handle_seconds: f64, interval_minutes: u32) -> f64 {
    arrivals * handle_seconds / (f64::from(interval_minutes) * 60.0)
}

/// Performance of `servers` servers at `load` Erlang.
pub fn evaluate(
    model: Model,
    servers: u32,
    load: f64,
    handle_seconds: f64,
    within: Option<f64>,
) -> Performance {
    match model {
        Model::ErlangC => {
            let b = erlang_c::erlang_b(servers, load);
            erlang_c_performance(servers, load, handle_seconds, within, b)
        }
        Model::ErlangA { patience_seconds } => {
            let a = erlang_a::evaluate(
                servers,
                load,
                handle_seconds,
                patience_seconds,
                within.unwrap_or(0.0),
            );
            Performance {
                wait_probability: a.wait_probability,
                service_level: within.map(|_| a.service_level),
                asa_seconds: a.average_wait_seconds,
                occupancy: a.occupancy,
                abandonment_probability: Some(a.abandonment_probability),
            }
        }
    }
}

fn erlang_c_performance(
    servers: u32,
    load: f64,
    handle_seconds: f64,
    within: Option<f64>,
    b: f64,
) -> Performance {
    let c = erlang_c::wait_probability_from_b(servers, load, b);
    Performance {
        wait_probability: c,
        service_level: within
            .map(|t| erlang_c::service_level_from_c(servers, load, handle_seconds, t, c)),
        asa_seconds: erlang_c::asa_from_c(servers, load, handle_seconds, c),
        occupancy: if servers == 0 {
            0.0
        } else {
            (load / f64::from(servers)).min(1.0)
        },
        abandonment_probability: None,
    }
}

/// The least number of servers meeting every target.
pub fn least_servers(
    model: Model,
    load: f64,
    handle_seconds: f64,
    targets: &Targets,
) -> Result<u32> {
    if let Some(problem) = targets.unreachable(model) {
        return Err(Error::input(
            "staffing targets",
            problem,
            "loosen that target",
        ));
    }
    if load <= 0.0 {
        return Ok(0);
    }
    check_load(
        load,
        "staffing",
        "check the arrivals and handle time of the interval",
    )?;
    let within = targets.service_level.map(|t| t.within_seconds);
    let meets = |n: u32| targets.met_by(&evaluate(model, n, load, handle_seconds, within));
    let by_occupancy = targets
        .max_occupancy
        .map_or(1, |cap| (load / cap - 1e-9).ceil() as u32);
    match model {
        Model::ErlangC => {
            // Stable queues start above the load; step up carrying Erlang B along.
            let mut n = (load.floor() as u32 + 1).max(by_occupancy);
            let mut b = erlang_c::erlang_b(n, load);
            while !targets.met_by(&erlang_c_performance(n, load, handle_seconds, within, b)) {
                b = erlang_c::step_b(b, n, n + 1, load);
                n += 1;
            }
            Ok(n)
        }
        Model::ErlangA { .. } => {
            // Erlang A is stable at any staffing and every measure improves with more servers:
            // bracket the answer with steps doubling away from the load, then bisect.
            let none_met = || {
                Error::input(
                    "staffing targets",
                    "no number of agents meets the targets",
                    "loosen the targets",
                )
            };
            let start = (load.ceil() as u32).max(by_occupancy).max(1);
            let mut step = (load.sqrt().ceil() as u32).max(1);
            let (mut low, mut high);
            if meets(start) {
                high = start;
                low = high.saturating_sub(step).max(by_occupancy.max(1) - 1);
                while low > by_occupancy.max(1) - 1 && meets(low) {
                    high = low;
                    step = step.saturating_mul(2);
                    low = high.saturating_sub(step).max(by_occupancy.max(1) - 1);
                }
            } else {
                low = start;
                high = start.checked_add(step).ok_or_else(none_met)?;
                while !meets(high) {
                    low = high;
                    step = step.checked_mul(2).ok_or_else(none_met)?;
                    high = high.checked_add(step).ok_or_else(none_met)?;
                }
            }
            while high - low > 1 {
                let mid = low + (high - low) / 2;
                if meets(mid) {
                    high = mid;
                } else {
                    low = mid;
                }
            }
            Ok(high)
        }
    }
}

/// Agents on the roster for agents at the keyboard: divide by the share of paid time available.
pub fn with_shrinkage(agents: u32, shrinkage: f64) -> u32 {
    // The small tolerance keeps 14 / 0.7 = 20.000000000000004 at 20.
    (f64::from(agents) / (1.0 - shrinkage) - 1e-9).ceil() as u32
}

/// The managers' rule: chats in the interval / chats one agent handles per hour, plus shrinkage.
pub fn agents_by_rule(
    inquiries: f64,
    chats_per_agent_hour: f64,
    interval_minutes: u32,
    shrinkage: f64,
) -> u32 {
    let per_interval = chats_per_agent_hour * f64::from(interval_minutes) / 60.0;
    with_shrinkage(
        (inquiries / per_interval - 1e-9).ceil().max(0.0) as u32,
        shrinkage,
    )
}

/// The queueing model a scenario queue asks for: Erlang A when it sets `patience_seconds`.
pub(crate) fn queue_model(queue: &Queue) -> Model {
    match queue.patience_seconds {
        Some(patience_seconds) => Model::ErlangA { patience_seconds },
        None => Model::ErlangC,
    }
}

/// The targets a scenario queue sets (its service level and occupancy cap, and any others).
pub(crate) fn queue_targets(queue: &Queue) -> Targets {
    Targets {
        service_level: Some(ServiceTarget {
            share: queue.service_level,
            within_seconds: queue.answer_within_seconds,
        }),
        max_wait_probability: queue.max_wait_probability,
        max_asa_seconds: queue.max_asa_seconds,
        max_occupancy: Some(queue.max_occupancy),
        max_abandonment: queue.max_abandonment,
    }
}

/// Agents on the roster one interval of a queue needs.
pub fn agents_required(queue: &Queue, inquiries: f64, interval_minutes: u32) -> Result<u32> {
    let load = offered_load(inquiries, queue.handle_time_seconds, interval_minutes);
    let slots = least_servers(
        queue_model(queue),
        load,
        queue.handle_time_seconds,
        &queue_targets(queue),
    )
    .map_err(|e| {
        Error::input(
            format!("queue \"{}\"", queue.name),
            e.to_string(),
            "loosen the queue's targets",
        )
    })?;
    Ok(with_shrinkage(
        slots.div_ceil(queue.chats_at_once),
        queue.shrinkage,
    ))
}

/// How `rostered` agents perform in one interval (shrinkage taken off first), with the share of
/// chats lost: those that leave before an answer (Erlang A), or with no patience given, the
/// share beyond what the agents can take when the chats outrun them (Erlang C has no steady
/// state then; they wait into the next interval, which is full too).
pub fn rostered_performance(
    queue: &Queue,
    inquiries: f64,
    rostered: u32,
    interval_minutes: u32,
) -> (Performance, f64) {
    let at_keyboard = (f64::from(rostered) * (1.0 - queue.shrinkage) + 1e-9).floor() as u32;
    let servers = at_keyboard * queue.chats_at_once;
    let load = offered_load(inquiries, queue.handle_time_seconds, interval_minutes);
    let performance = evaluate(
        queue_model(queue),
        servers,
        load,
        queue.handle_time_seconds,
        Some(queue.answer_within_seconds),
    );
    let lost = match performance.abandonment_probability {
        Some(abandoned) => abandoned,
        None if load > 0.0 => (1.0 - f64::from(servers) / load).max(0.0),
        None => 0.0,
    };
    (performance, lost)
}

/// Agents one queue needs in one interval: a row of `requirements.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct Requirement {
    /// The interval's start.
    pub time: NaiveDateTime,
    /// The queue's name.
    pub queue: String,
    /// Chats forecast for the interval.
    pub inquiries: f64,
    /// Offered load in Erlang: chats x handle time / interval length.
    pub offered_load: f64,
    /// Agents on the roster needed, shrinkage included.
    pub agents_required: u32,
    /// The managers' chats-per-agent-hour rule, when the queue sets `chats_per_agent_hour`.
    pub agents_by_rule: Option<u32>,
}

/// Agents required for every forecast row.
pub fn requirements(scenario: &Scenario, forecast: &[ForecastRow]) -> Result<Vec<Requirement>> {
    let minutes = scenario.horizon.interval_minutes;
    let mut out = Vec::with_capacity(forecast.len());
    for row in forecast {
        let Some(queue) = scenario.queue(&row.queue) else {
            continue;
        };
        let load = offered_load(row.inquiries, queue.handle_time_seconds, minutes);
        check_load(
            load,
            &format!("{} {}", format_time(row.time), row.queue),
            &format!(
                "{:.0} inquiries forecast: check the history's counts and the events' targets, warmup and aftersale_contact_rate",
                row.inquiries
            ),
        )?;
        out.push(Requirement {
            time: row.time,
            queue: row.queue.clone(),
            inquiries: row.inquiries,
            offered_load: load,
            agents_required: agents_required(queue, row.inquiries, minutes)?,
            agents_by_rule: queue
                .chats_per_agent_hour
                .map(|rate| agents_by_rule(row.inquiries, rate, minutes, queue.shrinkage)),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sl_target(share: f64, within_seconds: f64) -> Targets {
        Targets {
            service_level: Some(ServiceTarget {
                share,
                within_seconds,
            }),
            ..Targets::default()
        }
    }

    /// The classic worked example: 100 chats per 30 minutes, 180 s handle time, 80% in 20 s.
    #[test]
    fn classic_example_needs_14_agents() {
        let load = offered_load(100.0, 180.0, 30);
        assert!((load - 10.0).abs() < 1e-12);
        assert_eq!(
            least_servers(Model::ErlangC, load, 180.0, &sl_target(0.8, 20.0)).unwrap(),
            14
        );
        let at_14 = evaluate(Model::ErlangC, 14, load, 180.0, Some(20.0));
        assert!((at_14.wait_probability - 0.1741).abs() < 5e-5);
        // Published as 0.8883; the exact value is 0.88835.
        assert!((at_14.service_level.unwrap() - 0.8883).abs() < 1e-4);
        assert!(
            (at_14.asa_seconds - 7.8).abs() < 0.05,
            "{}",
            at_14.asa_seconds
        );
        assert!((at_14.occupancy - 10.0 / 14.0).abs() < 1e-12);
        let at_13 = evaluate(Model::ErlangC, 13, load, 180.0, Some(20.0));
        assert!(at_13.service_level.unwrap() < 0.80);
        assert_eq!(with_shrinkage(14, 0.30), 20);
    }

    #[test]
    fn every_target_given_must_hold() {
        let load = 10.0;
        let mut targets = sl_target(0.8, 20.0);
        targets.max_occupancy = Some(0.5);
        assert_eq!(
            least_servers(Model::ErlangC, load, 180.0, &targets).unwrap(),
            20
        );
        // P(wait) <= 0.1 needs 16: 15 give 0.1020, 16 give 0.0573.
        let wait = Targets {
            max_wait_probability: Some(0.1),
            ..Targets::default()
        };
        assert_eq!(
            least_servers(Model::ErlangC, load, 180.0, &wait).unwrap(),
            16
        );
        // ASA <= 10 s: 14 agents give 7.8 s, 13 give 0.2853 x 180 / 3 = 17.1 s.
        let asa = Targets {
            max_asa_seconds: Some(10.0),
            ..Targets::default()
        };
        assert_eq!(
            least_servers(Model::ErlangC, load, 180.0, &asa).unwrap(),
            14
        );
    }

    #[test]
    fn patience_lowers_the_agents_needed() {
        let patient = least_servers(Model::ErlangC, 10.0, 180.0, &sl_target(0.8, 20.0)).unwrap();
        let impatient = least_servers(
            Model::ErlangA {
                patience_seconds: 60.0,
            },
            10.0,
            180.0,
            &sl_target(0.8, 20.0),
        )
        .unwrap();
        assert!(impatient <= patient, "{impatient} vs {patient}");
        // And the answer is the least: one fewer misses the target.
        let miss = evaluate(
            Model::ErlangA {
                patience_seconds: 60.0,
            },
            impatient - 1,
            10.0,
            180.0,
            Some(20.0),
        );
        assert!(miss.service_level.unwrap() < 0.8);
    }

    #[test]
    fn huge_loads_stay_finite_and_sensible() {
        let load = 100_000.0;
        let n = least_servers(Model::ErlangC, load, 60.0, &sl_target(0.8, 20.0)).unwrap();
        assert!(n > 100_000 && n < 100_200, "{n}");
        let p = erlang_c::wait_probability(n, load);
        assert!(p.is_finite() && p > 0.0 && p < 1.0);
        // Erlang A at this scale runs overloaded on purpose: with 100 s patience about 18% leave and
        // the rest wait about ln(1 / 0.82) x 100 = 19.8 s, which still meets 80% in 20 s. A cap on
        // abandonment is what keeps buyers: 5% needs more agents than Erlang C's answer.
        let impatient = Model::ErlangA {
            patience_seconds: 100.0,
        };
        let a = least_servers(impatient, load, 60.0, &sl_target(0.8, 20.0)).unwrap();
        let at_a = evaluate(impatient, a, load, 60.0, Some(20.0));
        assert!(a > 81_000 && a < 84_000, "{a}");
        assert!(at_a.abandonment_probability.unwrap() > 0.15, "{at_a:?}");
        assert!(
            evaluate(impatient, a - 1, load, 60.0, Some(20.0))
                .service_level
                .unwrap()
                < 0.8
        );
        let capped = Targets {
            max_abandonment: Some(0.05),
            ..sl_target(0.8, 20.0)
        };
        let b = least_servers(impatient, load, 60.0, &capped).unwrap();
        // Deep in overload servers are never idle, so P(abandon) = 1 - N / A: 5% at 95,000.
        assert!((95_000..95_100).contains(&b) && b < n, "{b}");
    }

    #[test]
    fn tiny_loads_are_exact() {
        // 0.01 Erlang on one server is M/M/1: P(wait) = 0.01, ASA = 0.01 x 180 / 0.99.
        let n = least_servers(Model::ErlangC, 0.01, 180.0, &sl_target(0.8, 20.0)).unwrap();
        assert_eq!(n, 1);
        let p = evaluate(Model::ErlangC, 1, 0.01, 180.0, Some(20.0));
        assert!((p.wait_probability - 0.01).abs() < 1e-15);
        assert!((p.asa_seconds - 0.01 * 180.0 / 0.99).abs() < 1e-12);
        let a = evaluate(
            Model::ErlangA {
                patience_seconds: 60.0,
            },
            1,
            0.01,
            180.0,
            Some(20.0),
        );
        assert!(
            a.wait_probability < 0.01 && a.wait_probability > 0.0099,
            "{a:?}"
        );
    }

    #[test]
    fn unreachable_targets_are_refused() {
        let none = Targets {
            max_wait_probability: Some(0.0),
            ..Targets::default()
        };
        let err = least_servers(Model::ErlangC, 10.0, 180.0, &none)
            .unwrap_err()
            .to_string();
        assert!(err.contains("infinitely many agents"), "{err}");
        let cap = Targets {
            max_abandonment: Some(0.05),
            ..Targets::default()
        };
        assert!(least_servers(Model::ErlangC, 10.0, 180.0, &cap).is_err());
    }

    #[test]
    fn the_plain_rule_divides_chats_by_chats_per_agent_hour() {
        // 100 chats in 30 minutes, 20 chats per agent-hour = 10 per half hour: 10 agents;
        // with 30% shrinkage 10 / 0.7 = 14.3, so 15.
        assert_eq!(agents_by_rule(100.0, 20.0, 30, 0.0), 10);
        assert_eq!(agents_by_rule(100.0, 20.0, 30, 0.3), 15);
        assert_eq!(agents_by_rule(0.0, 20.0, 30, 0.3), 0);
    }
}
