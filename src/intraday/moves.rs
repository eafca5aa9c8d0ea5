//! The repaired window as people and moves: who of each pool serves which queue (the plan's
//! own queue kept wherever the counts allow, then the queue served the interval before), the
//! updated roster rows, and the moves that lead from the plan to them.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use serde::Serialize;

use super::extras::{Extra, MoveKind};
use super::repair::{break_end, Day, Repair};
use crate::roster::RosterRow;
use crate::scenario::Kind;
use crate::schedule::{Activity, Segment};

/// One change to the plan, for the people on the floor.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Move {
    /// What kind of change.
    pub kind: MoveKind,
    /// Who: a staff member, SB-nn from the standby list, or PT-nn (a new one when hired now).
    pub name: String,
    /// The queue they serve in the moved time; for a moved break, the break's name.
    pub queue: String,
    /// When the change starts.
    #[serde(serialize_with = "crate::time::serialize_time")]
    pub start: NaiveDateTime,
    /// When it ends (not included).
    #[serde(serialize_with = "crate::time::serialize_time")]
    pub end: NaiveDateTime,
    /// For a moved break, where the plan had it.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "serialize_optional_time"
    )]
    pub was_start: Option<NaiveDateTime>,
}

fn serialize_optional_time<S: serde::Serializer>(
    t: &Option<NaiveDateTime>,
    serializer: S,
) -> std::result::Result<S::Ok, S::Error> {
    match t {
        Some(t) => crate::time::serialize_time(t, serializer),
        None => serializer.serialize_none(),
    }
}

/// A break placed: its name, start and length in intervals.
type PlacedBreak = (String, NaiveDateTime, usize);

/// One person in the window: an existing shift (`row`) or an added one (`extra`).
struct Seat {
    pool: usize,
    /// Per window interval: on duty (on shift and not on a break).
    on_duty: Vec<bool>,
    /// Per window interval: the break taken then, if any.
    on_break: Vec<Option<String>>,
    /// Per window interval: the queue the plan had them on.
    planned: Vec<Option<usize>>,
    /// Per window interval: the queue they serve after the repair.
    serving: Vec<Option<usize>>,
}

impl Day<'_> {
    /// The roster with the repair applied, and the moves it takes, in time order.
    pub(super) fn apply(
        &self,
        roster: &[RosterRow],
        repair: &Repair,
    ) -> (Vec<RosterRow>, Vec<Move>) {
        let mut seats: Vec<Seat> = self
            .workers
            .iter()
            .zip(&repair.break_starts)
            .map(|(w, starts)| {
                let breaks: Vec<PlacedBreak> = w
                    .breaks
                    .iter()
                    .zip(starts)
                    .map(|(b, &s)| (b.window.name.clone(), s, b.window.intervals))
                    .collect();
                let fixed = |k: usize| w.fixed_break[k].then(|| self.break_name(roster, w.row, k));
                self.seat(w.pool, |k| w.on_shift[k], &breaks, fixed, w.planned.clone())
            })
            .collect();
        let mut added: Vec<usize> = Vec::new();
        for (c, extra) in self.extras.iter().enumerate() {
            let mut starts: Vec<Vec<(NaiveDateTime, u32)>> = repair.extra_breaks[c].clone();
            for _ in 0..repair.taken[c] {
                let breaks = extra
                    .breaks
                    .iter()
                    .zip(starts.iter_mut())
                    .filter_map(|(b, taken)| {
                        let slot = taken.iter_mut().find(|(_, n)| *n > 0)?;
                        slot.1 -= 1;
                        Some((b.name.clone(), slot.0, b.intervals))
                    })
                    .collect::<Vec<_>>();
                let on = |k: usize| extra.start <= self.time_at(k) && self.time_at(k) < extra.end;
                seats.push(self.seat(extra.pool, on, &breaks, |_| None, vec![None; self.len]));
                added.push(c);
            }
        }
        self.hand_out(&mut seats, repair);
        self.rows_and_moves(roster, &seats, &added, &repair.break_starts)
    }

    fn time_at(&self, k: usize) -> NaiveDateTime {
        self.scenario.horizon.time_of(self.first + k)
    }

    fn break_name(&self, roster: &[RosterRow], row: usize, k: usize) -> String {
        match roster[row].activity_at(self.time_at(k)) {
            Some(Activity::Break(name)) => name.clone(),
            _ => String::new(),
        }
    }

    fn seat(
        &self,
        pool: usize,
        on_shift: impl Fn(usize) -> bool,
        breaks: &[PlacedBreak],
        fixed_break: impl Fn(usize) -> Option<String>,
        planned: Vec<Option<usize>>,
    ) -> Seat {
        let on_break: Vec<Option<String>> = (0..self.len)
            .map(|k| {
                let t = self.time_at(k);
                fixed_break(k).or_else(|| {
                    breaks
                        .iter()
                        .find(|(_, s, n)| *s <= t && t < break_end(self.scenario, *s, *n))
                        .map(|(name, _, _)| name.clone())
                })
            })
            .collect();
        Seat {
            pool,
            on_duty: (0..self.len)
                .map(|k| on_shift(k) && on_break[k].is_none())
                .collect(),
            on_break,
            planned,
            serving: vec![None; self.len],
        }
    }

    /// Hands each pool's counts per queue out to its people on duty: first to those the plan had
    /// on the queue, then to whoever served it the interval before, then in order.
    fn hand_out(&self, seats: &mut [Seat], repair: &Repair) {
        for k in 0..self.len {
            for p in 0..self.pools.len() {
                let mut left: BTreeMap<usize, u32> = repair
                    .split
                    .range((p, k, 0)..(p, k, usize::MAX))
                    .map(|(&(_, _, q), &n)| (q, n))
                    .collect();
                let mine: Vec<usize> = (0..seats.len())
                    .filter(|&s| seats[s].pool == p && seats[s].on_duty[k])
                    .collect();
                let mut waiting = Vec::new();
                for &s in &mine {
                    match take(&mut left, seats[s].planned[k]) {
                        Some(q) => seats[s].serving[k] = Some(q),
                        None => waiting.push(s),
                    }
                }
                let mut still = Vec::new();
                for s in waiting {
                    let before = k.checked_sub(1).and_then(|b| seats[s].serving[b]);
                    match take(&mut left, before) {
                        Some(q) => seats[s].serving[k] = Some(q),
                        None => still.push(s),
                    }
                }
                for s in still {
                    let any = left.iter().find(|(_, n)| **n > 0).map(|(&q, _)| q);
                    seats[s].serving[k] = take(&mut left, any).or(seats[s].planned[k]);
                }
            }
        }
    }

    /// The updated roster (existing rows rewritten in the window, extensions, new rows) and
    /// the moves, by start, kind and name.
    fn rows_and_moves(
        &self,
        roster: &[RosterRow],
        seats: &[Seat],
        added: &[usize],
        break_starts: &[Vec<NaiveDateTime>],
    ) -> (Vec<RosterRow>, Vec<Move>) {
        let queue_name = |q: usize| self.scenario.queues[q].name.clone();
        let mut rows: Vec<RosterRow> = roster.to_vec();
        let mut moves = Vec::new();
        for (w, worker) in self.workers.iter().enumerate() {
            let seat = &seats[w];
            let row = &mut rows[worker.row];
            self.rewrite(row, seat);
            for (start, end, q) in self.runs(|k| {
                let moved = seat.planned[k].is_some() && seat.serving[k] != seat.planned[k];
                seat.serving[k].filter(|_| moved)
            }) {
                moves.push(self.movement(
                    MoveKind::SwitchQueue,
                    &row.name,
                    queue_name(q),
                    start,
                    end,
                ));
            }
            for (movable, &start) in worker.breaks.iter().zip(&break_starts[w]) {
                if start != movable.planned {
                    let end = break_end(self.scenario, start, movable.window.intervals);
                    moves.push(Move {
                        was_start: Some(movable.planned),
                        ..self.movement(
                            MoveKind::MoveBreak,
                            &row.name,
                            movable.window.name.clone(),
                            start,
                            end,
                        )
                    });
                }
            }
        }
        let mut next_pt = next_part_timer_number(roster);
        for (i, c) in added.iter().enumerate() {
            let extra = &self.extras[*c];
            let seat = &seats[self.workers.len() + i];
            let name = extra.name.clone().unwrap_or_else(|| {
                next_pt += 1;
                format!("PT-{next_pt:02}")
            });
            let main = most_served(seat).map_or_else(String::new, queue_name);
            moves.push(self.movement(extra.kind, &name, main.clone(), extra.start, extra.end));
            match extra.row {
                Some(r) => {
                    rows[r].end = extra.end;
                    self.rewrite(&mut rows[r], seat);
                }
                None => {
                    let mut row = self.new_row(extra, name, main);
                    self.rewrite(&mut row, seat);
                    rows.push(row);
                }
            }
        }
        rows.sort_by(|a, b| (a.start, &a.name).cmp(&(b.start, &b.name)));
        moves.sort_by(|a, b| (a.start, a.kind, &a.name).cmp(&(b.start, b.kind, &b.name)));
        (rows, moves)
    }

    fn movement(
        &self,
        kind: MoveKind,
        name: &str,
        queue: String,
        start: NaiveDateTime,
        end: NaiveDateTime,
    ) -> Move {
        Move {
            kind,
            name: name.to_string(),
            queue,
            start,
            end,
            was_start: None,
        }
    }

    /// Runs of window intervals where `value` is the same Some, as (start, end, value).
    fn runs(
        &self,
        value: impl Fn(usize) -> Option<usize>,
    ) -> Vec<(NaiveDateTime, NaiveDateTime, usize)> {
        let mut runs: Vec<(NaiveDateTime, NaiveDateTime, usize)> = Vec::new();
        let step = self.scenario.horizon.interval();
        for k in 0..self.len {
            let Some(q) = value(k) else { continue };
            let t = self.time_at(k);
            match runs.last_mut() {
                Some(last) if last.1 == t && last.2 == q => last.1 = t + step,
                _ => runs.push((t, t + step, q)),
            }
        }
        runs
    }

    fn new_row(&self, extra: &Extra, name: String, queue: String) -> RosterRow {
        let staff = self.staff_member(&name);
        RosterRow {
            name,
            group: staff.map_or_else(|| Kind::PartTime.label().to_string(), |p| p.group.clone()),
            queue,
            template: extra.template.clone(),
            start: extra.start,
            end: extra.end,
            kind: staff.map_or(Kind::PartTime, |p| p.kind),
            hired: staff.is_none(),
            segments: Vec::new(),
        }
    }

    /// The row's segments with the window's intervals as the seat has them.
    fn rewrite(&self, row: &mut RosterRow, seat: &Seat) {
        let horizon = &self.scenario.horizon;
        let step = horizon.interval();
        let mut activities: Vec<(NaiveDateTime, Activity)> = Vec::new();
        let mut t = row.start.max(horizon.start);
        while t < row.end.min(horizon.end) {
            let k = horizon
                .index_of(t)
                .and_then(|i| i.checked_sub(self.first))
                .filter(|&k| k < self.len);
            let activity = match k {
                Some(k) => match (&seat.on_break[k], seat.serving[k]) {
                    (Some(name), _) => Some(Activity::Break(name.clone())),
                    (None, Some(q)) => Some(Activity::Queue(self.scenario.queues[q].name.clone())),
                    (None, None) => row.activity_at(t).cloned(),
                },
                None => row.activity_at(t).cloned(),
            };
            if let Some(activity) = activity {
                activities.push((t, activity));
            }
            t += step;
        }
        let mut segments: Vec<Segment> = Vec::new();
        for (t, activity) in activities {
            match segments.last_mut() {
                Some(last) if last.end == t && last.activity == activity => last.end = t + step,
                _ => segments.push(Segment {
                    start: t,
                    end: t + step,
                    activity,
                }),
            }
        }
        row.segments = segments;
    }
}

/// One agent of queue `q`'s count, if any is left.
fn take(left: &mut BTreeMap<usize, u32>, q: Option<usize>) -> Option<usize> {
    let q = q?;
    let n = left.get_mut(&q).filter(|n| **n > 0)?;
    *n -= 1;
    Some(q)
}

/// The queue a seat serves most often in the window (the first in queue order on a tie).
fn most_served(seat: &Seat) -> Option<usize> {
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for q in seat.serving.iter().flatten() {
        *counts.entry(*q).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(q, _)| q)
}

/// The highest PT-nn number on the roster, so new part-timers continue the numbering.
fn next_part_timer_number(roster: &[RosterRow]) -> usize {
    roster
        .iter()
        .filter(|r| r.hired)
        .filter_map(|r| r.name.strip_prefix("PT-")?.parse().ok())
        .max()
        .unwrap_or(0)
}
