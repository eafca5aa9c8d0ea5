//! A queue's `open` hours: chats arriving while it is closed wait and arrive when it opens, a
//! backlog worked at the queue's handle time. (Deflection is applied where the forecast adds
//! its parts up, in `Fitted::at`; SMS reminders where reminders are spread, in `events.rs`.)

use super::ForecastRow;
use crate::scenario::Scenario;
use crate::time::ClockWindow;

/// Moves each closed interval's chats (and its range) to the next interval the queue is open:
/// `backlog` is minus the chats at a closed interval and plus those that waited at the opening,
/// so `inquiries` is 0 while closed. Chats still waiting at the end of the horizon arrive after
/// it: a note says how many. `rows` run queue-major over the horizon.
pub(super) fn hold_while_closed(
    scenario: &Scenario,
    rows: &mut [ForecastRow],
    notes: &mut Vec<String>,
) {
    let len = scenario.horizon.len();
    for (queue, rows) in scenario.queues.iter().zip(rows.chunks_mut(len)) {
        if queue.open == ClockWindow::ALWAYS {
            continue;
        }
        let left = hold(&queue.open, rows);
        if left > 0.5 {
            notes.push(format!(
                "{}: {left:.0} chats arrive after the last opening hours of the horizon and wait past its end (open {})",
                queue.name, queue.open
            ));
        }
    }
}

/// One queue's rows with the chats of closed intervals moved to the next open one; returns
/// the chats still waiting after the last row.
fn hold(open: &ClockWindow, rows: &mut [ForecastRow]) -> f64 {
    let (mut chats, mut lower, mut upper) = (0.0, 0.0, 0.0);
    for row in rows {
        if open.contains(row.time) {
            row.backlog = chats;
            row.inquiries += chats;
            row.lower += lower;
            row.upper += upper;
            (chats, lower, upper) = (0.0, 0.0, 0.0);
        } else {
            chats += row.inquiries;
            lower += row.lower;
            upper += row.upper;
            row.backlog = 0.0 - row.inquiries; // 0.0 - 0.0 is 0, not -0
            (row.inquiries, row.lower, row.upper) = (0.0, 0.0, 0.0);
        }
    }
    chats
}
