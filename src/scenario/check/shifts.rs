//! Checks of who may work when: `[[shifts]]` with their breaks, `[part_time]` and `[[phases]]`.

use super::Checker;
use crate::error::Result;
use crate::scenario::file::{OneOrMany, RawBreak, RawPartTime, RawPhase, RawShift};
use crate::scenario::{Break, Kind, PartTimePool, Phase, Queue, ShiftTemplate, PART_TIME_GROUP};
use crate::time::{ClockWindow, Horizon};

impl Checker<'_> {
    /// `[[shifts]]`: at least one template, every time on the horizon's interval grid.
    pub(in crate::scenario) fn shifts(
        &self,
        raw: &[RawShift],
        horizon: &Horizon,
    ) -> Result<Vec<ShiftTemplate>> {
        let mut shifts = Vec::new();
        for (i, raw_shift) in raw.iter().enumerate() {
            shifts.push(self.shift(i, raw_shift, horizon)?);
        }
        if shifts.is_empty() {
            return self.fail(
                "shifts",
                "no shift template is defined",
                "add [[shifts]] tables with name, start and hours",
            );
        }
        Ok(shifts)
    }

    fn shift(&self, i: usize, s: &RawShift, horizon: &Horizon) -> Result<ShiftTemplate> {
        let key = |k: &str| format!("shifts[{i}].{k}");
        let starts = self.starts(i, s, horizon)?;
        let lengths = self.lengths(i, s, horizon)?;
        let mut kinds = Vec::new();
        for k in &s.kinds {
            kinds.push(match k.as_str() {
                "full-time" => Kind::FullTime,
                PART_TIME_GROUP => Kind::PartTime,
                other => {
                    return self.fail(
                        &key("kinds"),
                        format!("unknown kind \"{other}\""),
                        "use \"full-time\" and/or \"part-time\"",
                    )
                }
            });
        }
        let breaks = self.breaks(i, &s.breaks, lengths[0], horizon)?;
        Ok(ShiftTemplate {
            name: s.name.clone(),
            starts,
            lengths,
            kinds,
            breaks,
            cost_per_shift: self.non_negative(&key("cost_per_shift"), s.cost_per_shift, "20")?,
        })
    }

    /// Start minutes from `start` to `latest_start` (past midnight: the next day), every
    /// `start_every_minutes`.
    fn starts(&self, i: usize, s: &RawShift, horizon: &Horizon) -> Result<Vec<u32>> {
        let key = |k: &str| format!("shifts[{i}].{k}");
        let first = self.clock_on_grid(&key("start"), &s.start, horizon)?;
        let step = s.start_every_minutes.unwrap_or(horizon.interval_minutes);
        if step == 0 || !step.is_multiple_of(horizon.interval_minutes) {
            return self.fail(
                &key("start_every_minutes"),
                format!("{step} is not a whole number of intervals"),
                format!("use a multiple of {}", horizon.interval_minutes),
            );
        }
        let last = match &s.latest_start {
            None => first,
            Some(text) => {
                let last = self.clock_on_grid(&key("latest_start"), text, horizon)?;
                // A window past midnight ("22:00" to "02:00") ends the next day.
                if last < first {
                    last + 24 * 60
                } else {
                    last
                }
            }
        };
        Ok((first..=last).step_by(step as usize).collect())
    }

    /// The allowed lengths in minutes, shortest first: at least one, each above zero and no
    /// longer than the horizon.
    fn lengths(&self, i: usize, s: &RawShift, horizon: &Horizon) -> Result<Vec<u32>> {
        let key = |k: &str| format!("shifts[{i}].{k}");
        let hours = match &s.hours {
            OneOrMany::One(h) => vec![*h],
            OneOrMany::Many(list) => list.clone(),
        };
        let horizon_minutes = (horizon.end - horizon.start).num_minutes() as f64;
        let mut lengths = Vec::new();
        for h in hours {
            let minutes = self.minutes_on_grid(&key("hours"), h, horizon)?;
            if minutes == 0 || f64::from(minutes) > horizon_minutes {
                return self.fail(
                    &key("hours"),
                    format!(
                        "shift \"{}\" lasts {h} hours: zero, or longer than the whole horizon ({} hours)",
                        s.name,
                        horizon_minutes / 60.0
                    ),
                    "give a length above 0 that fits in the horizon, or lengthen the horizon",
                );
            }
            lengths.push(minutes);
        }
        if lengths.is_empty() {
            return self.fail(
                &key("hours"),
                "no length given",
                "e.g. hours = 8 or hours = [4, 6]",
            );
        }
        lengths.sort_unstable();
        lengths.dedup();
        Ok(lengths)
    }

    /// Shift `i`'s breaks: each fits inside the `shortest` length, in time order, windows apart.
    fn breaks(
        &self,
        i: usize,
        raw: &[RawBreak],
        shortest: u32,
        horizon: &Horizon,
    ) -> Result<Vec<Break>> {
        let mut breaks: Vec<Break> = Vec::new();
        for (j, b) in raw.iter().enumerate() {
            let key = |k: &str| format!("shifts[{i}].breaks[{j}].{k}");
            let minutes =
                self.minutes_on_grid(&key("minutes"), f64::from(b.minutes) / 60.0, horizon)?;
            let earliest = self.minutes_on_grid(
                &key("earliest_after_hours"),
                b.earliest_after_hours,
                horizon,
            )?;
            let latest =
                self.minutes_on_grid(&key("latest_after_hours"), b.latest_after_hours, horizon)?;
            if minutes == 0 || latest < earliest || latest + minutes > shortest {
                return self.fail(
                    &key("latest_after_hours"),
                    format!(
                        "break \"{}\" ({} min, starting {}-{} h after the start) does not fit inside the shortest {} h shift",
                        b.name, b.minutes, b.earliest_after_hours, b.latest_after_hours, f64::from(shortest) / 60.0
                    ),
                    "give a break longer than 0 whose window starts no later than it ends and ends before the shift does",
                );
            }
            if let Some(before) = breaks.last() {
                if earliest < before.latest + before.minutes {
                    return self.fail(
                        &key("earliest_after_hours"),
                        format!(
                            "break \"{}\" may start before \"{}\" can end",
                            b.name, before.name
                        ),
                        "list breaks in time order with windows that do not overlap",
                    );
                }
            }
            breaks.push(Break {
                name: b.name.clone(),
                minutes,
                earliest,
                latest,
            });
        }
        Ok(breaks)
    }

    /// `[part_time]`: skills among the queues, windows, and a shift length range that at least
    /// one part-time template fits.
    pub(in crate::scenario) fn part_time(
        &self,
        raw: &RawPartTime,
        queues: &[Queue],
        shifts: &[ShiftTemplate],
    ) -> Result<PartTimePool> {
        let skills = match &raw.skills {
            None => queues.iter().map(|q| q.name.clone()).collect(),
            Some(names) => names
                .iter()
                .map(|q| self.queue_name("part_time.skills", q, queues))
                .collect::<Result<Vec<_>>>()?,
        };
        let available = match &raw.available {
            None => ClockWindow::ALWAYS,
            Some(text) => self.window("part_time.available", text)?,
        };
        let weekend_available = match &raw.weekend_available {
            None => available,
            Some(text) => self.window("part_time.weekend_available", text)?,
        };
        let hours = |key: &str, value: Option<f64>, default: f64| -> Result<u32> {
            let h = self.non_negative(key, value.unwrap_or(default), "4")?;
            Ok((h * 60.0).round() as u32)
        };
        let min_shift_minutes = hours("part_time.min_shift_hours", raw.min_shift_hours, 0.0)?;
        let max_shift_minutes = hours("part_time.max_shift_hours", raw.max_shift_hours, 24.0)?;
        let any_fits = shifts.iter().any(|s| {
            s.kinds.contains(&Kind::PartTime)
                && s.lengths
                    .iter()
                    .any(|l| (min_shift_minutes..=max_shift_minutes).contains(l))
        });
        let has_part_time = shifts.iter().any(|s| s.kinds.contains(&Kind::PartTime));
        if has_part_time && !any_fits {
            return self.fail(
                "part_time.min_shift_hours",
                "no part-time shift template has a length between part_time.min_shift_hours and max_shift_hours",
                "widen the range or add a part-time shift length inside it",
            );
        }
        if raw.max_shifts_per_day == Some(0) {
            return self.fail(
                "part_time.max_shifts_per_day",
                "0 shifts a day leaves part-timers nothing to work",
                "give 1 or more, e.g. max_shifts_per_day = 1 (the default)",
            );
        }
        let max_hours_per_week = match raw.max_hours_per_week {
            Some(h) => Some(self.positive("part_time.max_hours_per_week", h, "24")?),
            None => None,
        };
        let start_band_hours = raw.start_band_hours.unwrap_or(2.0);
        if !(start_band_hours.is_finite() && start_band_hours > 0.0 && start_band_hours <= 24.0) {
            return self.fail(
                "part_time.start_band_hours",
                format!("{start_band_hours} is not a number of hours above 0 and at most 24"),
                "e.g. 2: each part-timer starts within the same two hours every day; 24 for any time",
            );
        }
        Ok(PartTimePool {
            skills,
            available,
            weekend_available,
            min_shift_minutes,
            max_shift_minutes,
            max_people: raw.max_people,
            max_shifts_per_day: raw.max_shifts_per_day.unwrap_or(1),
            max_hours_per_week,
            start_band_hours,
            count_people: raw.count_people.unwrap_or(true),
        })
    }

    /// `[[phases]]`: each ends after it starts and names known queues (none: all of them). The
    /// `may` and `must` groups need the staff file: `Scenario::check_staff` checks them.
    pub(in crate::scenario) fn phases(
        &self,
        raw: &[RawPhase],
        queues: &[Queue],
    ) -> Result<Vec<Phase>> {
        let mut phases = Vec::new();
        for (i, p) in raw.iter().enumerate() {
            let key = |k: &str| format!("phases[{i}].{k}");
            let start = self.time(&key("start"), &p.start)?;
            let end = self.time(&key("end"), &p.end)?;
            if end <= start {
                return self.fail(
                    &key("end"),
                    format!("phase \"{}\" ends at or before it starts", p.name),
                    "set end after start",
                );
            }
            let queue_names = if p.queues.is_empty() {
                queues.iter().map(|q| q.name.clone()).collect()
            } else {
                let mut names = Vec::new();
                for q in &p.queues {
                    names.push(self.queue_name(&key("queues"), q, queues)?);
                }
                names
            };
            phases.push(Phase {
                name: p.name.clone(),
                start,
                end,
                queues: queue_names,
                may: p.may.clone(),
                must: p.must.clone(),
                min_agents: p.min_agents,
            });
        }
        Ok(phases)
    }
}
