//! A discrete-event simulation of one queue's planned staffing, to check what the formulas promise.
//!
//! Chats arrive as a Poisson stream at each interval's forecast rate. Each agent serves up to
//! `chats_at_once` chats; with k chats open, each of them takes `handle_time_by_open[k - 1]`
//! seconds on average (exponential), so extra chats slow the others down. A new chat goes to the
//! agent with the fewest open chats; when all are full it waits in line (first come, first
//! served) and, with a patience set, leaves after an exponential patience. At an interval's start
//! the number of agents at the keyboard changes to the plan's: agents who go finish their open
//! chats but take no new ones. After the last interval the agents stay until the line is empty.
//!
//! Because every time is exponential, the state is just how many agents have k chats open and
//! the line of waiting chats, so each event costs O(chats_at_once) whatever the team size.

use std::collections::VecDeque;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::Exp1;
use serde::Serialize;
use statrs::distribution::{ContinuousCDF, StudentsT};

/// What the simulation needs of a queue.
#[derive(Debug, Clone, PartialEq)]
pub struct SimQueue {
    /// Mean seconds per chat when the agent has 1, 2, ... chats open.
    pub handle_time_by_open: Vec<f64>,
    /// Mean seconds a waiting chat stays before it leaves (exponential); None: nobody leaves.
    pub patience_seconds: Option<f64>,
    /// A chat answered within this many seconds counts toward the service level.
    pub answer_within_seconds: f64,
}

/// One interval of the plan: expected arrivals and agents at the keyboard.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SimInterval {
    /// Chats expected to arrive in the interval (the mean of the Poisson stream).
    pub arrivals: f64,
    /// Agents at the keyboard (shrinkage already taken off).
    pub agents: u32,
}

/// Counts from one run for one interval (chats are counted in the interval they arrive in).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Tally {
    arrivals: u64,
    answered_in_time: u64,
    abandoned: u64,
    /// Seconds waited, summed over all chats (until answered or gone).
    waited: f64,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.arrivals += other.arrivals;
        self.answered_in_time += other.answered_in_time;
        self.abandoned += other.abandoned;
        self.waited += other.waited;
    }

    /// (service level, average wait, abandonment); an interval without chats counts as met.
    fn measures(&self) -> [f64; 3] {
        if self.arrivals == 0 {
            return [1.0, 0.0, 0.0];
        }
        let n = self.arrivals as f64;
        [
            self.answered_in_time as f64 / n,
            self.waited / n,
            self.abandoned as f64 / n,
        ]
    }
}

/// A mean over runs with its confidence band (Student t).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Band {
    /// The mean over runs.
    pub mean: f64,
    /// The band's lower end (never below 0).
    pub low: f64,
    /// The band's upper end (never above 1 for a share).
    pub high: f64,
}

/// What the simulation measured, each as a band over runs.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Measures {
    /// Share of chats answered within the target time, 0-1 (chats that leave count as missed).
    pub service_level: Band,
    /// Average seconds waited over all chats, until answered or gone (or, for a chat nobody can
    /// ever answer, until the plan ends).
    pub asa_seconds: Band,
    /// Share of chats that left before an answer, 0-1.
    pub abandonment: Band,
}

/// What [`simulate`] measured.
#[derive(Debug, Clone, PartialEq)]
pub struct SimReport {
    /// Per interval, in the order given (a chat counts in the interval it arrives in).
    pub intervals: Vec<Measures>,
    /// All intervals together.
    pub overall: Measures,
}

/// Simulates `runs` independent runs (run r uses seed `seed + r`) and reports means with
/// `confidence` bands (e.g. 0.95).
pub fn simulate(
    queue: &SimQueue,
    intervals: &[SimInterval],
    interval_seconds: f64,
    runs: u32,
    seed: u64,
    confidence: f64,
) -> SimReport {
    let tallies: Vec<Vec<Tally>> = (0..runs)
        .map(|r| {
            run_once(
                queue,
                intervals,
                interval_seconds,
                &mut ChaCha8Rng::seed_from_u64(seed.wrapping_add(r.into())),
            )
        })
        .collect();
    let per_interval = (0..intervals.len())
        .map(|i| band_over_runs(tallies.iter().map(|run| run[i].measures()), confidence))
        .collect();
    let overall = band_over_runs(
        tallies.iter().map(|run| {
            let mut total = Tally::default();
            run.iter().for_each(|t| total.add(t));
            total.measures()
        }),
        confidence,
    );
    SimReport {
        intervals: per_interval,
        overall,
    }
}

fn band_over_runs(samples: impl Iterator<Item = [f64; 3]>, confidence: f64) -> Measures {
    let samples: Vec<[f64; 3]> = samples.collect();
    let n = samples.len() as f64;
    let t = if samples.len() > 1 {
        StudentsT::new(0.0, 1.0, n - 1.0).map_or(0.0, |d| d.inverse_cdf(0.5 + confidence / 2.0))
    } else {
        0.0
    };
    let band = |k: usize| {
        let mean = samples.iter().map(|s| s[k]).sum::<f64>() / n;
        let variance = if n > 1.0 {
            samples.iter().map(|s| (s[k] - mean).powi(2)).sum::<f64>() / (n - 1.0)
        } else {
            0.0
        };
        let half = t * (variance / n).sqrt();
        // Shares stay within [0, 1] and waits above 0, however wide the band.
        let top = if k == 1 { f64::INFINITY } else { 1.0 };
        Band {
            mean,
            low: (mean - half).max(0.0),
            high: (mean + half).min(top),
        }
    };
    Measures {
        service_level: band(0),
        asa_seconds: band(1),
        abandonment: band(2),
    }
}

/// Agents grouped by how many chats they have open; `leaving` agents finish and go.
struct Floor {
    active: Vec<u32>,
    leaving: Vec<u32>,
}

impl Floor {
    fn active_count(&self) -> u32 {
        self.active.iter().sum()
    }

    /// Changes the agents at the keyboard to `target`, sending the least busy home first and
    /// calling back those about to leave before adding new ones.
    fn set_agents(&mut self, target: u32) {
        let mut count = self.active_count();
        while count > target {
            let k = self
                .active
                .iter()
                .position(|n| *n > 0)
                .expect("an active agent");
            self.active[k] -= 1;
            self.leaving[k] += 1;
            count -= 1;
        }
        while count < target {
            match (1..self.leaving.len()).rev().find(|k| self.leaving[*k] > 0) {
                Some(k) => {
                    self.leaving[k] -= 1;
                    self.active[k] += 1;
                }
                None => self.active[0] += 1,
            }
            count += 1;
        }
        self.leaving[0] = 0;
    }

    /// Takes a chat on the least busy active agent with room, if any.
    fn take_chat(&mut self) -> bool {
        let full = self.active.len() - 1;
        match (0..full).find(|k| self.active[*k] > 0) {
            Some(k) => {
                self.active[k] -= 1;
                self.active[k + 1] += 1;
                true
            }
            None => false,
        }
    }
}

/// One run of the plan: the counts per interval it arrived in.
fn run_once(
    queue: &SimQueue,
    intervals: &[SimInterval],
    interval_seconds: f64,
    rng: &mut ChaCha8Rng,
) -> Vec<Tally> {
    let mut run = Run::new(queue, intervals, interval_seconds);
    while run.step(rng) {}
    run.tally
}

/// The state of one run: the agents, the chats waiting, the clock, and the counts so far.
struct Run<'a> {
    queue: &'a SimQueue,
    intervals: &'a [SimInterval],
    interval_seconds: f64,
    /// Completion rate of one agent with k chats open: k chats, each at 1 / h_k.
    rate: Vec<f64>,
    abandon_rate: f64,
    floor: Floor,
    /// Waiting chats, first come first: when each arrived and in which interval.
    line: VecDeque<(f64, usize)>,
    tally: Vec<Tally>,
    now: f64,
    /// The interval `now` is in; `intervals.len()` once the plan is over.
    interval: usize,
}

impl<'a> Run<'a> {
    /// A run at time 0, with the first interval's agents at the keyboard.
    fn new(queue: &'a SimQueue, intervals: &'a [SimInterval], interval_seconds: f64) -> Self {
        let slots = queue.handle_time_by_open.len();
        let rate: Vec<f64> = (0..=slots)
            .map(|k| {
                if k == 0 {
                    0.0
                } else {
                    k as f64 / queue.handle_time_by_open[k - 1]
                }
            })
            .collect();
        let mut floor = Floor {
            active: vec![0; slots + 1],
            leaving: vec![0; slots + 1],
        };
        floor.set_agents(intervals.first().map_or(0, |i| i.agents));
        Run {
            queue,
            intervals,
            interval_seconds,
            rate,
            abandon_rate: queue.patience_seconds.map_or(0.0, |p| 1.0 / p),
            floor,
            line: VecDeque::new(),
            tally: vec![Tally::default(); intervals.len()],
            now: 0.0,
            interval: 0,
        }
    }

    /// Draws the next event (an arrival, a chat ending, a chat leaving, or the next interval's
    /// start) and applies it; false once the run is over.
    fn step(&mut self, rng: &mut ChaCha8Rng) -> bool {
        let in_plan = self.interval < self.intervals.len();
        if !in_plan && self.line.is_empty() {
            return false;
        }
        let arrival_rate = if in_plan {
            self.intervals[self.interval].arrivals / self.interval_seconds
        } else {
            0.0
        };
        let service: Vec<f64> = (0..self.rate.len())
            .map(|k| f64::from(self.floor.active[k] + self.floor.leaving[k]) * self.rate[k])
            .collect();
        let service_total: f64 = service.iter().sum();
        let abandon_total = self.abandon_rate * self.line.len() as f64;
        let total = arrival_rate + service_total + abandon_total;
        let boundary = if in_plan {
            (self.interval + 1) as f64 * self.interval_seconds
        } else {
            f64::INFINITY
        };
        let step = if total > 0.0 {
            rng.sample::<f64, _>(Exp1) / total
        } else {
            f64::INFINITY
        };
        if !step.is_finite() && !in_plan {
            // The plan is over and nothing can happen any more (chats wait with no agent and
            // no patience): stop, or the next "interval" would come round for ever. The chats
            // still waiting count their wait until the plan's end.
            for &(arrived, from) in &self.line {
                self.tally[from].waited += self.now - arrived;
            }
            return false;
        }
        if self.now + step >= boundary {
            // Nothing happened before the next interval starts: memoryless, so redraw from there.
            self.next_interval(boundary);
            return true;
        }
        self.now += step;
        let mut pick = rng.gen::<f64>() * total;
        if pick < arrival_rate {
            self.arrive();
            return true;
        }
        pick -= arrival_rate;
        if pick < service_total {
            self.finish(pick, &service, rng);
        } else {
            self.abandon(rng);
        }
        true
    }

    /// Moves the clock to the next interval's start and sets its agents, who take waiting chats.
    fn next_interval(&mut self, boundary: f64) {
        self.now = boundary;
        self.interval += 1;
        if let Some(next) = self.intervals.get(self.interval) {
            self.floor.set_agents(next.agents);
            self.serve_line();
        }
    }

    /// A chat arrives: answered at once by an agent with room, else it waits in line.
    fn arrive(&mut self) {
        self.tally[self.interval].arrivals += 1;
        if self.floor.take_chat() {
            answer(
                &mut self.tally[self.interval],
                0.0,
                self.queue.answer_within_seconds,
            );
        } else {
            self.line.push_back((self.now, self.interval));
        }
    }

    /// A chat ends at the agents with k open, k chosen by where `pick` (below the total service
    /// rate) falls among their rates; the freed room goes to the line.
    fn finish(&mut self, mut pick: f64, service: &[f64], rng: &mut ChaCha8Rng) {
        let slots = self.queue.handle_time_by_open.len();
        let k = (1..=slots).find(|k| {
            pick -= service[*k];
            pick < 0.0
        });
        let k = k.unwrap_or(slots);
        finish_chat(&mut self.floor, k, rng);
        self.serve_line();
    }

    /// A waiting chat, drawn at random, runs out of patience and leaves.
    fn abandon(&mut self, rng: &mut ChaCha8Rng) {
        let gone = rng.gen_range(0..self.line.len());
        let (arrived, from) = self.line.remove(gone).expect("a waiting chat");
        self.tally[from].abandoned += 1;
        self.tally[from].waited += self.now - arrived;
    }

    /// Agents with room take waiting chats, first come first served.
    fn serve_line(&mut self) {
        while !self.line.is_empty() && self.floor.take_chat() {
            let (arrived, from) = self.line.pop_front().expect("a waiting chat");
            answer(
                &mut self.tally[from],
                self.now - arrived,
                self.queue.answer_within_seconds,
            );
        }
    }
}

/// One chat ends at an agent with `k` open; every such agent finishes at the same rate, so it is
/// a leaving one in proportion to their numbers.
fn finish_chat(floor: &mut Floor, k: usize, rng: &mut ChaCha8Rng) {
    let (active, leaving) = (floor.active[k], floor.leaving[k]);
    if rng.gen_range(0..active + leaving) < leaving {
        floor.leaving[k] -= 1;
        floor.leaving[k - 1] += 1;
        floor.leaving[0] = 0;
    } else {
        floor.active[k] -= 1;
        floor.active[k - 1] += 1;
    }
}

fn answer(tally: &mut Tally, waited: f64, within: f64) {
    if waited <= within {
        tally.answered_in_time += 1;
    }
    tally.waited += waited;
}

/// One interval of a written plan, as `simulate` reads it back.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedInterval {
    /// The interval's start.
    pub time: chrono::NaiveDateTime,
    /// The queue's name.
    pub queue: String,
    /// Chats forecast for the interval.
    pub inquiries: f64,
    /// Agents on the roster (shrinkage is taken off before simulating).
    pub scheduled: u32,
    /// The Erlang service level the plan promises (share 0-1).
    pub formula_service_level: f64,
}

/// One queue and interval: the service level the formula promises against the simulated one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IntervalCheck {
    /// The interval's start, `YYYY-MM-DDTHH:MM`.
    pub timestamp: String,
    /// The queue's name.
    pub queue: String,
    /// Chats forecast for the interval.
    pub inquiries: f64,
    /// Rostered agents less shrinkage, rounded down.
    pub agents_at_keyboard: u32,
    /// The Erlang service level the plan promises (share 0-1).
    pub formula_service_level: f64,
    /// What the simulation measured.
    pub simulated: Measures,
    /// The simulated mean service level is below the queue's target.
    pub misses_target: bool,
}

/// One queue over the whole plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QueueCheck {
    /// The queue's name.
    pub queue: String,
    /// The queue's `service_level` target (share 0-1).
    pub target_service_level: f64,
    /// What the simulation measured over all the queue's intervals.
    pub simulated: Measures,
}

/// What `shiftcast simulate` reports (its `--json` output).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanCheck {
    /// Independent runs simulated.
    pub runs: u32,
    /// Seed of the first run; run r uses `seed + r`.
    pub seed: u64,
    /// Per queue, in scenario order.
    pub queues: Vec<QueueCheck>,
    /// Per queue (scenario order), then interval.
    pub intervals: Vec<IntervalCheck>,
}

/// Simulates every queue of a plan: agents at the keyboard = rostered x (1 - shrinkage), rounded
/// down, as the formula counts them.
pub fn check_plan(
    scenario: &crate::scenario::Scenario,
    planned: &[PlannedInterval],
    runs: u32,
    seed: u64,
) -> PlanCheck {
    let interval_seconds = f64::from(scenario.horizon.interval_minutes) * 60.0;
    let mut queues = Vec::new();
    let mut intervals = Vec::new();
    for queue in &scenario.queues {
        let rows: Vec<&PlannedInterval> =
            planned.iter().filter(|p| p.queue == queue.name).collect();
        let at_keyboard = |p: &PlannedInterval| {
            (f64::from(p.scheduled) * (1.0 - queue.shrinkage) + 1e-9).floor() as u32
        };
        let sim_queue = SimQueue {
            handle_time_by_open: queue
                .handle_time_by_concurrency
                .clone()
                .unwrap_or_else(|| vec![queue.handle_time_seconds; queue.chats_at_once as usize]),
            patience_seconds: queue.patience_seconds,
            answer_within_seconds: queue.answer_within_seconds,
        };
        let sim_intervals: Vec<SimInterval> = rows
            .iter()
            .map(|p| SimInterval {
                arrivals: p.inquiries,
                agents: at_keyboard(p),
            })
            .collect();
        let report = simulate(
            &sim_queue,
            &sim_intervals,
            interval_seconds,
            runs,
            seed,
            0.95,
        );
        for (p, measures) in rows.iter().zip(report.intervals) {
            intervals.push(IntervalCheck {
                timestamp: crate::time::format_time(p.time),
                queue: p.queue.clone(),
                inquiries: p.inquiries,
                agents_at_keyboard: at_keyboard(p),
                formula_service_level: p.formula_service_level,
                simulated: measures,
                misses_target: p.inquiries > 0.0
                    && measures.service_level.mean < queue.service_level,
            });
        }
        queues.push(QueueCheck {
            queue: queue.name.clone(),
            target_service_level: queue.service_level,
            simulated: report.overall,
        });
    }
    PlanCheck {
        runs,
        seed,
        queues,
        intervals,
    }
}
