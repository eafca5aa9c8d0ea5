//! What `shiftcast erlang` asks and answers for one interval: the agents for a load and how they
//! perform.

use serde::Serialize;

use super::{
    agents_by_rule, check_load, evaluate, least_servers, offered_load, with_shrinkage, Model,
    Targets,
};
use crate::error::{Error, Result};

/// One interval's staffing question, its values already checked (the command checks its flags).
#[derive(Debug, Clone, PartialEq)]
pub struct ErlangQuestion {
    /// Chats arriving in the interval (0 or more).
    pub arrivals: f64,
    /// The interval's length in minutes (above 0).
    pub interval_minutes: u32,
    /// Average seconds one chat takes (above 0).
    pub handle_seconds: f64,
    /// Agents to evaluate; `None`: find the least meeting `targets`.
    pub agents: Option<u32>,
    /// Erlang C, or Erlang A with the buyers' patience.
    pub model: Model,
    /// What the least staffing must meet (reachable, and not all `None`, when `agents` is
    /// `None`).
    pub targets: Targets,
    /// Seconds the service level counts, when given (with or without a service level target).
    pub within_seconds: Option<f64>,
    /// Chats one agent serves at once (1 or more).
    pub concurrency: u32,
    /// Share of paid time away from chats, when given.
    pub shrinkage: Option<f64>,
}

impl ErlangQuestion {
    /// The agents (given, or the least meeting the targets) and how they perform. The
    /// managers' rule is left out (`agents_by_rule` is `None`): add it with
    /// [`ErlangQuestion::agents_by_rule`].
    pub fn answer(&self) -> Result<ErlangAnswer> {
        let load = offered_load(self.arrivals, self.handle_seconds, self.interval_minutes);
        check_load(
            load,
            "--arrivals",
            "give the chats of one interval, e.g. --arrivals 1200 --interval-minutes 30",
        )?;
        let slots = match self.agents {
            Some(agents) => self.chat_slots(agents)?,
            None => least_servers(self.model, load, self.handle_seconds, &self.targets)?,
        };
        let agents = slots.div_ceil(self.concurrency);
        let chat_slots = self.chat_slots(agents)?;
        let performance = evaluate(
            self.model,
            chat_slots,
            load,
            self.handle_seconds,
            self.within_seconds,
        );
        Ok(ErlangAnswer {
            model: self.model.name(),
            offered_load: load,
            agents,
            chat_slots,
            wait_probability: performance.wait_probability,
            service_level: performance.service_level,
            asa_seconds: performance.asa_seconds,
            occupancy: performance.occupancy,
            abandonment_probability: performance.abandonment_probability,
            within_seconds: self.within_seconds,
            concurrency: self.concurrency,
            shrinkage: self.shrinkage,
            agents_after_shrinkage: self.shrinkage.map(|s| with_shrinkage(agents, s)),
            agents_by_rule: None,
        })
    }

    /// The chats `agents` serve at once, if a count can hold them (4,294,967,295: `--agents
    /// 400000 --concurrency 100000` once wrapped round to 13,453 agents).
    fn chat_slots(&self, agents: u32) -> Result<u32> {
        agents.checked_mul(self.concurrency).ok_or_else(|| {
            Error::input(
                "--agents",
                format!(
                    "{agents} agents serving {} chats at once is more chats than shiftcast counts",
                    self.concurrency
                ),
                "give the agents and chats at once of one real queue, e.g. --agents 40 --concurrency 3",
            )
        })
    }

    /// Agents on the roster by the managers' rule at `chats_per_agent_hour` (above 0).
    pub fn agents_by_rule(&self, chats_per_agent_hour: f64) -> u32 {
        agents_by_rule(
            self.arrivals,
            chats_per_agent_hour,
            self.interval_minutes,
            self.shrinkage.unwrap_or(0.0),
        )
    }
}

/// The agents needed for (or given to) one interval's chats and how they perform. The JSON
/// keys are `shiftcast erlang --json`'s contract; the question's settings are kept for the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ErlangAnswer {
    /// `erlang_c` or `erlang_a`.
    pub model: &'static str,
    /// Offered load in Erlang: chats x handle time / interval length.
    pub offered_load: f64,
    /// Agents at the keyboard.
    pub agents: u32,
    /// Agents x chats at once: the servers of the queueing model.
    pub chat_slots: u32,
    /// Chance that a chat waits at all (0-1).
    pub wait_probability: f64,
    /// Share of chats answered within `within_seconds` (0-1), when that time is given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_level: Option<f64>,
    /// Average seconds to first answer (infinite when Erlang C is overloaded).
    pub asa_seconds: f64,
    /// Share of time a chat slot is busy (0-1).
    pub occupancy: f64,
    /// Share of chats that leave before an answer (0-1); Erlang A only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub abandonment_probability: Option<f64>,
    /// Seconds the service level counts (the question's `--within`).
    #[serde(skip)]
    pub within_seconds: Option<f64>,
    /// Chats one agent serves at once.
    #[serde(skip)]
    pub concurrency: u32,
    /// Share of paid time away from chats, when given.
    #[serde(skip)]
    pub shrinkage: Option<f64>,
    /// Agents on the roster for `agents` at the keyboard, when a shrinkage is given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agents_after_shrinkage: Option<u32>,
    /// The managers' chats-per-agent-hour rule, when `--chats-per-agent-hour` is given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agents_by_rule: Option<u32>,
}
