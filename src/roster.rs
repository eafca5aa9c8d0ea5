//! The named roster: staff shifts keep their person; part-time shifts are packed onto as few
//! hired part-timers (PT-01, PT-02, ...) as the rest rule allows. That count is the answer to
//! "how many part-timers do we need".
//!
//! Packing takes shifts by start time and gives each to the lowest-numbered part-timer who is
//! rested by then. Shifts plus rest are intervals on a line, so this uses exactly as many people
//! as the most shifts-plus-rest that overlap at one moment: no packing can use fewer. In a
//! cyclic horizon a part-timer's last shift must also leave rest before their first one comes
//! round again, which can take a few more people than that count.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDateTime};

use crate::scenario::{Kind, Person};
use crate::schedule::{Activity, PlannedShift, Segment};

/// One shift on the roster, with the person who works it (a row of `roster.csv`).
#[derive(Debug, Clone, PartialEq)]
pub struct RosterRow {
    /// The staff member's name, or PT-01, PT-02, ... for a hired part-timer.
    pub name: String,
    /// The staff member's group (e.g. `main`, `backup`), or `part-time`.
    pub group: String,
    /// The queue served most of the shift.
    pub queue: String,
    /// The `[[shifts]]` entry it follows, by `name`.
    pub template: String,
    /// When the shift starts; it may begin before the horizon (an overnight shift).
    pub start: NaiveDateTime,
    /// When the shift ends; it may run past the horizon.
    pub end: NaiveDateTime,
    /// Staff (full-time) or hired part-timer.
    pub kind: Kind,
    /// Queue and break periods inside the horizon, in time order.
    pub segments: Vec<Segment>,
}

impl RosterRow {
    /// Length of the shift in hours, breaks included.
    pub fn hours(&self) -> f64 {
        (self.end - self.start).num_minutes() as f64 / 60.0
    }

    /// What the person does at `t`: a queue, a break, or None off this shift.
    pub fn activity_at(&self, t: NaiveDateTime) -> Option<&Activity> {
        self.segments
            .iter()
            .find(|s| s.start <= t && t < s.end)
            .map(|s| &s.activity)
    }
}

/// Every planned shift with a name on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Roster {
    /// One row per shift, by start time then name.
    pub rows: Vec<RosterRow>,
    /// Hired part-timers the shifts are packed onto: how many to hire.
    pub part_timers_needed: usize,
}

/// Names every planned shift; `shifts` must be sorted by start time. `cycle` is the length of a
/// cyclic horizon, whose end runs on into its start.
pub fn build(
    shifts: &[PlannedShift],
    staff: &[Person],
    min_rest_hours: f64,
    cycle: Option<Duration>,
) -> Roster {
    let rest = rest_duration(min_rest_hours);
    // When each hired part-timer is rested and free again, and when their first shift starts.
    let mut free_from: Vec<NaiveDateTime> = Vec::new();
    let mut first_start: Vec<NaiveDateTime> = Vec::new();
    let fits_before_cycle_repeats = |first: NaiveDateTime, shift: &PlannedShift| {
        cycle.is_none_or(|span| shift.end + rest <= first + span)
    };
    let mut rows = Vec::new();
    for shift in shifts {
        let (name, group, kind) = match shift.person {
            Some(p) => (
                staff[p].name.clone(),
                staff[p].group.clone(),
                Kind::FullTime,
            ),
            None => {
                let pt = match (0..free_from.len()).find(|&pt| {
                    free_from[pt] <= shift.start
                        && fits_before_cycle_repeats(first_start[pt], shift)
                }) {
                    Some(pt) => pt,
                    None => {
                        free_from.push(shift.start);
                        first_start.push(shift.start);
                        free_from.len() - 1
                    }
                };
                free_from[pt] = shift.end + rest;
                (
                    part_timer_name(pt),
                    Kind::PartTime.label().to_string(),
                    Kind::PartTime,
                )
            }
        };
        rows.push(RosterRow {
            name,
            group,
            queue: shift.queue.clone(),
            template: shift.template.clone(),
            start: shift.start,
            end: shift.end,
            kind,
            segments: shift.segments.clone(),
        });
    }
    rows.sort_by(|a, b| (a.start, &a.name, &a.queue).cmp(&(b.start, &b.name, &b.queue)));
    Roster {
        rows,
        part_timers_needed: free_from.len(),
    }
}

fn part_timer_name(index: usize) -> String {
    format!("PT-{:02}", index + 1)
}

fn rest_duration(hours: f64) -> Duration {
    Duration::minutes((hours * 60.0).round() as i64)
}

/// Every pair of one person's shifts that overlap or leave less than the rest between them (in a
/// cyclic horizon of length `cycle`, also each person's last shift against their first).
pub fn rest_violations(
    rows: &[RosterRow],
    min_rest_hours: f64,
    cycle: Option<Duration>,
) -> Vec<(RosterRow, RosterRow)> {
    let rest = rest_duration(min_rest_hours);
    let mut sorted: Vec<&RosterRow> = rows.iter().collect();
    sorted.sort_by(|a, b| (&a.name, a.start).cmp(&(&b.name, b.start)));
    let mut clashes: Vec<(RosterRow, RosterRow)> = sorted
        .windows(2)
        .filter(|w| w[0].name == w[1].name && w[1].start < w[0].end + rest)
        .map(|w| (w[0].clone(), w[1].clone()))
        .collect();
    if let Some(span) = cycle {
        let mut firsts: BTreeMap<&str, (&RosterRow, &RosterRow)> = BTreeMap::new();
        for r in &sorted {
            firsts
                .entry(r.name.as_str())
                .and_modify(|e| e.1 = r)
                .or_insert((r, r));
        }
        for (first, last) in firsts.into_values() {
            if !std::ptr::eq(first, last) && first.start + span < last.end + rest {
                clashes.push((last.clone(), first.clone()));
            }
        }
    }
    clashes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::parse_time;

    fn pt_shift(start: &str, hours: i64) -> PlannedShift {
        let start = parse_time(start).unwrap();
        PlannedShift {
            person: None,
            queue: "presale".into(),
            template: "pt".into(),
            start,
            end: start + Duration::hours(hours),
            segments: Vec::new(),
        }
    }

    #[test]
    fn part_timers_are_reused_only_after_rest() {
        // Two overlapping evening shifts need two people; the next evening both are rested again
        // (20 h later), but a shift starting 4 h after the first ends needs a third person.
        let shifts = vec![
            pt_shift("2026-11-10T18:00", 4),
            pt_shift("2026-11-10T18:00", 4),
            pt_shift("2026-11-11T02:00", 4),
            pt_shift("2026-11-11T18:00", 4),
            pt_shift("2026-11-11T18:00", 4),
        ];
        let roster = build(&shifts, &[], 11.0, None);
        assert_eq!(roster.part_timers_needed, 3);
        let names: Vec<&str> = roster.rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["PT-01", "PT-02", "PT-03", "PT-01", "PT-02"]);
        assert!(rest_violations(&roster.rows, 11.0, None).is_empty());
        assert_eq!(rest_violations(&roster.rows, 21.0, None).len(), 2);
    }
}
