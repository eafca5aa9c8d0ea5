//! How large one interval may be: the offered load the formulas staff and the agents a plan
//! holds, each chosen far above a real shop and where the work still takes under a second.

use crate::error::{Error, Result};

/// Most offered load one interval may carry: a million Erlang. Staffing it takes 0.12 s with
/// Erlang A and no time with Erlang C on this 2-core machine (ten million took 1.8 s with
/// Erlang A, and `erlang --arrivals 1e11` never finished); a real queue, at 100,000 chats an
/// hour of 3 minutes each, carries 5,000.
pub const MAX_OFFERED_LOAD_ERLANG: f64 = 1_000_000.0;

/// Most agents one queue may need in one interval: 10,000, where a plan with one such interval
/// takes 0.9 s and 63 MB on this 2-core machine (100,000 took 11 s and 500 MB, and time grows
/// with it). The largest shops staff a few thousand agents in all.
pub const MAX_AGENTS_PER_INTERVAL: u32 = 10_000;

/// `load` at most [`MAX_OFFERED_LOAD_ERLANG`]; `place` names where it comes from and `fix` what
/// to check.
pub fn check_load(load: f64, place: &str, fix: &str) -> Result<()> {
    if load.is_finite() && load <= MAX_OFFERED_LOAD_ERLANG {
        return Ok(());
    }
    Err(Error::input(
        place,
        format!("{load:.0} Erlang offered is more than the {MAX_OFFERED_LOAD_ERLANG:.0} shiftcast staffs one interval for (a real queue carries a few thousand)"),
        fix,
    ))
}
