//! Candidate rules: who may take a shift slot at all. A slot nobody may take gets no variable, so
//! these rules shape the model before any constraint row does.

use chrono::NaiveDateTime;

use super::slots::{every_step, ShiftSlot};
use crate::scenario::{Kind, Person, Phase, Scenario, PART_TIME_GROUP};

/// The person is trained for at least one queue.
pub(super) fn has_skill(scenario: &Scenario, person: &Person) -> bool {
    scenario
        .queues
        .iter()
        .any(|q| person.skills.contains(&q.name))
}

/// A template for the person's kind (full-time, or part-time for a named part-timer) they are
/// available for, that fits their daily hours, and the phases let their group work then.
pub(crate) fn staff_may_take(scenario: &Scenario, person: &Person, slot: &ShiftSlot) -> bool {
    scenario.shifts[slot.template].kinds.contains(&person.kind)
        && is_available(scenario, person, slot)
        && fits_daily_hours(person, slot)
        && phase_allows_group(scenario, &person.skills, &person.group, slot)
        && free_for_sessions(scenario, person, slot)
}

/// The shift keeps clear of every session the person's group attends, with the rest between
/// them (a session is working time).
fn free_for_sessions(scenario: &Scenario, person: &Person, slot: &ShiftSlot) -> bool {
    let rest = chrono::Duration::minutes((scenario.min_rest_hours * 60.0).round() as i64);
    !scenario
        .sessions
        .iter()
        .any(|s| s.attended_by(&person.group) && s.overlaps(slot.start - rest, slot.end + rest))
}

/// A part-time template of an allowed length at hours part-timers can come, and the phases let
/// them work then.
pub(crate) fn part_timers_may_take(scenario: &Scenario, slot: &ShiftSlot) -> bool {
    let skills = &scenario.part_time.skills;
    scenario.shifts[slot.template]
        .kinds
        .contains(&Kind::PartTime)
        && !skills.is_empty()
        && part_time_length_allowed(scenario, slot)
        && phase_allows_group(scenario, skills, PART_TIME_GROUP, slot)
}

/// Every interval of the shift lies in the person's window for its date (a dated window from the
/// availability file, or the daily window) and on none of their days off.
fn is_available(scenario: &Scenario, person: &Person, slot: &ShiftSlot) -> bool {
    every_step(scenario, slot, |t| person.can_work_at(t))
}

/// The shift alone is within the person's daily hours.
fn fits_daily_hours(person: &Person, slot: &ShiftSlot) -> bool {
    slot.hours() <= person.max_hours_per_day + 1e-9
}

/// The shift's length is one the part-time contract allows, and part-timers can come then.
fn part_time_length_allowed(scenario: &Scenario, slot: &ShiftSlot) -> bool {
    let pool = &scenario.part_time;
    let minutes = (slot.end - slot.start).num_minutes() as u32;
    (pool.min_shift_minutes..=pool.max_shift_minutes).contains(&minutes)
        && every_step(scenario, slot, |t| pool.is_available(t))
}

/// In every interval of the shift some queue of the person's lets their group work then.
fn phase_allows_group(
    scenario: &Scenario,
    queues: &[String],
    group: &str,
    slot: &ShiftSlot,
) -> bool {
    every_step(scenario, slot, |t| {
        queues
            .iter()
            .any(|q| group_may_serve(&scenario.phases, q, group, t))
    })
}

/// No phase in force at `t` on `queue` keeps `group` out of it.
pub(crate) fn group_may_serve(
    phases: &[Phase],
    queue: &str,
    group: &str,
    t: NaiveDateTime,
) -> bool {
    phases.iter().all(|p| {
        p.may.is_empty()
            || !(p.start <= t && t < p.end)
            || !p.queues.iter().any(|q| q == queue)
            || p.may.iter().any(|g| g == group)
    })
}
