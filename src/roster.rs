//! The named roster: staff shifts keep their person; part-time shifts are packed onto as few
//! hired part-timers (PT-01, PT-02, ...) as their patterns allow. That count is the answer to
//! "how many part-timers do we need".
//!
//! Each hired part-timer belongs to one start band (`part_time.start_band_hours` of clock time
//! from 00:00) and every shift of theirs starts in it. Packing goes band by band, shifts by start
//! time: each goes to the band's part-timer who is rested by then, has not reached
//! `max_shifts_per_day` that day nor `max_hours_per_week` that week, and has worked the fewest
//! hours that week (then the lowest number); a new one only when nobody can take it.
//!
//! How many that takes, against the band's head count in the plan: with one shift a day, a
//! band of b hours, shifts of at most L hours and rest r with 24 - b - L >= r (2 + 4 + 11 on
//! the example), yesterday's shifts end and rest before today's band opens, so a day's shifts
//! are all a band's people meet at once: the head count (at least the most shifts on one day)
//! is exactly enough. With a wider band or longer shifts, a shift and the rest after it can also
//! run into the next day, and the packing can need a few more than the most shifts working or
//! resting at one moment or on one day; so can a weekly hours cap (the plan counts a week's
//! hours, not whether they divide into people's weeks), and in a cyclic horizon a part-timer's
//! last shift must also leave rest before their first comes round again.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate, NaiveDateTime};

use crate::scenario::{Kind, Person, Scenario};
use crate::schedule::{start_band, Activity, PlannedShift, Segment};

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
    /// The person's contract: full-time, or part-time (hired, or named in the staff file).
    pub kind: Kind,
    /// A part-timer the plan hires (PT-01, ...), not someone from the staff file.
    pub hired: bool,
    /// Queue and break periods inside the horizon, in time order.
    pub segments: Vec<Segment>,
}

impl RosterRow {
    /// Length of the shift in hours, breaks included.
    pub fn hours(&self) -> f64 {
        (self.end - self.start).num_minutes() as f64 / 60.0
    }

    /// A session (`[[sessions]]`): paid, serving no queue, and no shift for night or weekend
    /// counts.
    pub fn is_session(&self) -> bool {
        self.queue.is_empty()
    }

    /// What the person does at `t`: a queue, a break, or None off this shift.
    pub fn activity_at(&self, t: NaiveDateTime) -> Option<&Activity> {
        self.segments
            .iter()
            .find(|s| s.start <= t && t < s.end)
            .map(|s| &s.activity)
    }
}

/// Agents serving each queue in each interval by a roster's segments, as the plan's coverage
/// counts them.
#[derive(Debug, Clone, PartialEq)]
pub struct Serving {
    /// Everyone serving queue `q` in interval `i`: `scheduled[q][i]`.
    pub scheduled: Vec<Vec<u32>>,
    /// Of them, staff with more than one of the queues among their skills.
    pub cross_trained: Vec<Vec<u32>>,
    /// Of them, hired part-timers.
    pub part_time: Vec<Vec<u32>>,
    /// The same in full agents: a hired part-timer counts as the queue's `part_time_weight`.
    pub effective: Vec<Vec<f64>>,
}

/// Who serves which queue when, from the queue periods of `rows` (queues and horizon of
/// `scenario`; a queue it does not name counts nowhere; `staff` says who is cross-trained).
pub fn serving(rows: &[RosterRow], staff: &[Person], scenario: &Scenario) -> Serving {
    let horizon = &scenario.horizon;
    let (queues, intervals) = (scenario.queues.len(), horizon.len());
    let grid = vec![vec![0; intervals]; queues];
    let mut serving = Serving {
        scheduled: grid.clone(),
        cross_trained: grid.clone(),
        part_time: grid,
        effective: vec![vec![0.0; intervals]; queues],
    };
    let cross_trained: Vec<&str> = staff
        .iter()
        .filter(|p| {
            scenario
                .queues
                .iter()
                .filter(|q| p.skills.contains(&q.name))
                .count()
                > 1
        })
        .map(|p| p.name.as_str())
        .collect();
    for row in rows {
        let lent = !row.hired && cross_trained.contains(&row.name.as_str());
        for segment in &row.segments {
            let Activity::Queue(name) = &segment.activity else {
                continue;
            };
            let Some(q) = scenario.queues.iter().position(|q| q.name == *name) else {
                continue;
            };
            let weight = if row.hired {
                scenario.queues[q].part_time_weight()
            } else {
                1.0
            };
            for i in horizon.intervals(segment.start, segment.end) {
                serving.scheduled[q][i] += 1;
                serving.cross_trained[q][i] += u32::from(lent);
                serving.part_time[q][i] += u32::from(row.hired);
                serving.effective[q][i] += weight;
            }
        }
    }
    serving
}

/// Every planned shift with a name on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Roster {
    /// One row per shift, by start time then name.
    pub rows: Vec<RosterRow>,
    /// Hired part-timers the shifts are packed onto: how many the plan hires.
    pub part_timers_hired: usize,
}

/// Names every planned shift; `shifts` must be sorted by start time. The scenario gives the rest
/// (`rules.min_rest_hours`), the part-timers' patterns (`[part_time]`), the plan's weeks and,
/// for a cyclic horizon, its length, whose end runs on into its start.
pub fn build(shifts: &[PlannedShift], staff: &[Person], scenario: &Scenario) -> Roster {
    build_named(shifts, staff, scenario, "PT")
}

/// [`build`], the hired part-timers named `prefix`-01, `prefix`-02, ... (SB for the standby
/// list).
pub fn build_named(
    shifts: &[PlannedShift],
    staff: &[Person],
    scenario: &Scenario,
    prefix: &str,
) -> Roster {
    let mut hires: Vec<Hire> = Vec::new();
    let mut rows = Vec::new();
    for shift in shifts {
        let (name, group, kind) = match shift.person {
            Some(p) => (staff[p].name.clone(), staff[p].group.clone(), staff[p].kind),
            None => {
                let pt = pack(&mut hires, shift, scenario);
                (
                    format!("{prefix}-{:02}", pt + 1),
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
            hired: shift.person.is_none(),
            segments: shift.segments.clone(),
        });
    }
    rows.sort_by(|a, b| (a.start, &a.name, &a.queue).cmp(&(b.start, &b.name, &b.queue)));
    Roster {
        rows,
        part_timers_hired: hires.len(),
    }
}

/// One hired part-timer while packing. Shifts come in start order, so only the latest day and
/// week matter.
struct Hire {
    band: u32,
    first_start: NaiveDateTime,
    /// When they are rested and free again.
    free_from: NaiveDateTime,
    day: NaiveDate,
    shifts_that_day: u32,
    week: usize,
    hours_that_week: f64,
}

impl Hire {
    fn hours_in(&self, week: usize) -> f64 {
        if self.week == week {
            self.hours_that_week
        } else {
            0.0
        }
    }
}

/// Gives a part-time shift to the eligible part-timer of its band with the fewest hours that
/// week (then the lowest number), or to a new one; returns their index (numbers follow first
/// starts, as hires are made in start order).
fn pack(hires: &mut Vec<Hire>, shift: &PlannedShift, scenario: &Scenario) -> usize {
    let pool = &scenario.part_time;
    let rest = rest_duration(scenario.min_rest_hours);
    let band = start_band(pool, shift.start);
    let day = shift.start.date();
    let week = scenario.horizon.week_of(day);
    let hours = (shift.end - shift.start).num_minutes() as f64 / 60.0;
    let eligible = |h: &Hire| {
        h.band == band
            && h.free_from <= shift.start
            && (h.day != day || h.shifts_that_day < pool.max_shifts_per_day)
            && pool
                .max_hours_per_week
                .is_none_or(|most| h.hours_in(week) + hours <= most + 1e-9)
            && scenario
                .horizon
                .cycle()
                .is_none_or(|span| shift.end + rest <= h.first_start + span)
    };
    let chosen = (0..hires.len())
        .filter(|&pt| eligible(&hires[pt]))
        .min_by(|&a, &b| hires[a].hours_in(week).total_cmp(&hires[b].hours_in(week)));
    let pt = chosen.unwrap_or_else(|| {
        hires.push(Hire {
            band,
            first_start: shift.start,
            free_from: shift.start,
            day,
            shifts_that_day: 0,
            week,
            hours_that_week: 0.0,
        });
        hires.len() - 1
    });
    let h = &mut hires[pt];
    h.shifts_that_day = if h.day == day {
        h.shifts_that_day + 1
    } else {
        1
    };
    h.hours_that_week = h.hours_in(week) + hours;
    (h.day, h.week, h.free_from) = (day, week, shift.end + rest);
    pt
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
