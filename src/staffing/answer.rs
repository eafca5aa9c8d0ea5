//! What `shiftcast erlang` answers for one interval: the agents for a load and how they perform.

use serde::Serialize;

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
