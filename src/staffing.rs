//! Agents required per queue per interval, from Erlang C.
//!
//! Model: chats arrive at random (Poisson) and wait in one queue. An agent serving up to
//! `chats_at_once` chats is counted as that many chat slots, each an Erlang C server whose
//! handle time is the queue's `handle_time_seconds` (the time a chat takes while the agent juggles
//! that many). The least number of slots meeting the service target and the occupancy cap is
//! found, turned into agents at the keyboard (slots / chats at once, rounded up), then into agents
//! on the roster by adding shrinkage: agents / (1 - shrinkage), rounded up.
//!
//! Erlang C is computed from the Erlang B recursion B(n) = A B(n-1) / (n + A B(n-1)), which never
//! forms a factorial or a power, so it stays exact for loads of many thousands of Erlang.

use chrono::NaiveDateTime;

use crate::forecast::ForecastRow;
use crate::scenario::{Queue, Scenario};

/// Probability that a chat waits at all, with `servers` slots and `load` Erlang offered.
/// 1 when the queue is unstable (load >= servers).
pub fn wait_probability(servers: u32, load: f64) -> f64 {
    if load <= 0.0 {
        return 0.0;
    }
    let n = f64::from(servers);
    if load >= n {
        return 1.0;
    }
    let b = erlang_b(servers, load);
    n * b / (n - load * (1.0 - b))
}

/// Erlang B blocking probability by the stable recursion.
fn erlang_b(servers: u32, load: f64) -> f64 {
    (1..=servers).fold(1.0, |b, n| load * b / (f64::from(n) + load * b))
}

/// Share of chats answered within `within` seconds.
pub fn service_level(servers: u32, load: f64, handle_seconds: f64, within: f64) -> f64 {
    if load <= 0.0 {
        return 1.0;
    }
    let n = f64::from(servers);
    if load >= n {
        return 0.0;
    }
    1.0 - wait_probability(servers, load) * (-(n - load) * within / handle_seconds).exp()
}

/// Average seconds to first answer, over all chats.
pub fn average_speed_of_answer(servers: u32, load: f64, handle_seconds: f64) -> f64 {
    let n = f64::from(servers);
    if load >= n {
        return f64::INFINITY;
    }
    wait_probability(servers, load) * handle_seconds / (n - load)
}

/// Offered load in Erlang: arrivals x handle time / interval length.
pub fn offered_load(arrivals: f64, handle_seconds: f64, interval_minutes: u32) -> f64 {
    arrivals * handle_seconds / (f64::from(interval_minutes) * 60.0)
}

/// The least number of servers reaching `target` service level within `within` seconds while
/// keeping occupancy (load / servers) at or under `max_occupancy`.
pub fn least_servers(
    load: f64,
    handle_seconds: f64,
    target: f64,
    within: f64,
    max_occupancy: f64,
) -> u32 {
    if load <= 0.0 {
        return 0;
    }
    let by_occupancy = (load / max_occupancy).ceil().max(load.floor() + 1.0) as u32;
    let mut n = load.floor() as u32 + 1;
    let mut b = erlang_b(n, load);
    loop {
        let nf = f64::from(n);
        let c = nf * b / (nf - load * (1.0 - b));
        let sl = 1.0 - c * (-(nf - load) * within / handle_seconds).exp();
        if sl >= target && n >= by_occupancy {
            return n;
        }
        n += 1;
        b = load * b / (f64::from(n) + load * b);
    }
}

/// Agents on the roster for agents at the keyboard: divide by the share of paid time available.
pub fn with_shrinkage(agents: u32, shrinkage: f64) -> u32 {
    // The small tolerance keeps 14 / 0.7 = 20.000000000000004 at 20.
    (f64::from(agents) / (1.0 - shrinkage) - 1e-9).ceil() as u32
}

/// Service level reached by `rostered` agents in one interval (shrinkage taken off first).
pub fn rostered_service_level(
    queue: &Queue,
    inquiries: f64,
    rostered: u32,
    interval_minutes: u32,
) -> f64 {
    let at_keyboard = (f64::from(rostered) * (1.0 - queue.shrinkage) + 1e-9).floor() as u32;
    let load = offered_load(inquiries, queue.handle_time_seconds, interval_minutes);
    service_level(
        at_keyboard * queue.chats_at_once,
        load,
        queue.handle_time_seconds,
        queue.answer_within_seconds,
    )
}

/// Agents required in one interval of a queue.
pub fn agents_required(queue: &Queue, inquiries: f64, interval_minutes: u32) -> u32 {
    let load = offered_load(inquiries, queue.handle_time_seconds, interval_minutes);
    let slots = least_servers(
        load,
        queue.handle_time_seconds,
        queue.service_level,
        queue.answer_within_seconds,
        queue.max_occupancy,
    );
    with_shrinkage(slots.div_ceil(queue.chats_at_once), queue.shrinkage)
}

#[derive(Debug, Clone, PartialEq)]
pub struct Requirement {
    pub time: NaiveDateTime,
    pub queue: String,
    pub inquiries: f64,
    pub offered_load: f64,
    pub agents_required: u32,
}

/// Agents required for every forecast row.
pub fn requirements(scenario: &Scenario, forecast: &[ForecastRow]) -> Vec<Requirement> {
    let minutes = scenario.horizon.interval_minutes;
    forecast
        .iter()
        .filter_map(|row| {
            let queue = scenario.queue(&row.queue)?;
            Some(Requirement {
                time: row.time,
                queue: row.queue.clone(),
                inquiries: row.inquiries,
                offered_load: offered_load(row.inquiries, queue.handle_time_seconds, minutes),
                agents_required: agents_required(queue, row.inquiries, minutes),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The classic worked example: 100 chats per 30 minutes, 180 s handle time, 80% in 20 s.
    #[test]
    fn classic_example_needs_14_agents() {
        let load = offered_load(100.0, 180.0, 30);
        assert!((load - 10.0).abs() < 1e-12);
        assert_eq!(least_servers(load, 180.0, 0.80, 20.0, 1.0), 14);
        assert!((wait_probability(14, load) - 0.1741).abs() < 5e-5);
        assert!((service_level(14, load, 180.0, 20.0) - 0.8883).abs() < 1e-4);
        // 13 agents fall short of the target.
        assert!(service_level(13, load, 180.0, 20.0) < 0.80);
        assert_eq!(with_shrinkage(14, 0.30), 20);
    }

    #[test]
    fn asa_of_the_classic_example_is_about_8_seconds() {
        // 0.1741 x 180 / (14 - 10) = 7.83 s
        let asa = average_speed_of_answer(14, 10.0, 180.0);
        assert!((asa - 7.83).abs() < 0.01, "{asa}");
    }

    #[test]
    fn occupancy_cap_adds_agents() {
        // 10 Erlang at most 50% busy needs 20 servers, more than the service target alone.
        assert_eq!(least_servers(10.0, 180.0, 0.80, 20.0, 0.5), 20);
    }

    #[test]
    fn huge_loads_stay_finite_and_sensible() {
        let load = 50_000.0;
        let n = least_servers(load, 60.0, 0.8, 20.0, 1.0);
        assert!(n > 50_000 && n < 50_200, "{n}");
        let p = wait_probability(n, load);
        assert!(p.is_finite() && p > 0.0 && p < 1.0);
    }

    #[test]
    fn chat_concurrency_divides_slots_among_agents() {
        let queue = Queue {
            name: "presale".into(),
            handle_time_seconds: 180.0,
            chats_at_once: 2,
            service_level: 0.8,
            answer_within_seconds: 20.0,
            shrinkage: 0.3,
            max_occupancy: 1.0,
        };
        // 14 slots / 2 chats each = 7 agents at the keyboard; 7 / 0.7 = 10 on the roster.
        assert_eq!(agents_required(&queue, 100.0, 30), 10);
        assert_eq!(agents_required(&queue, 0.0, 30), 0);
        let sl = rostered_service_level(&queue, 100.0, 10, 30);
        assert!((sl - 0.8883).abs() < 1e-4, "{sl}");
    }
}
