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
