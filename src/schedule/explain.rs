//! Why the plan falls short: the rule that keeps a queue short in an interval, and why a person
//! misses a phase duty. Reasons quote rule names from [`Rule::name`] and price keys from
//! [`Rule::price`], so a renamed rule cannot leave a stale reason behind. After a search the
//! time limit ended (`hindsight` given), a rule is named only when it really blocks.

use good_lp::Solution;

use super::hindsight::Hindsight;
use super::model::Model;
use super::rules::Rule;
use super::MissedDuty;
use crate::scenario::Person;

impl Model<'_> {
    /// Names the rule that keeps queue `q` short in interval `i`; after an unfinished search
    /// (`hindsight` given), the time limit unless the rule is checked to block.
    pub(super) fn shortfall_reason(
        &self,
        q: usize,
        i: usize,
        solution: &impl Solution,
        hindsight: Option<&Hindsight>,
    ) -> String {
        let queue = &self.scenario.queues[q].name;
        let covers = |pool: usize, slot: usize| {
            self.pools[pool].queues.contains(&q) && self.slots[slot].cover.contains(&i)
        };
        let staff_can = self
            .staff_shifts
            .iter()
            .any(|s| covers(self.cohorts[s.cohort].pool, s.slot));
        let part_time_can = self
            .part_time_shifts
            .iter()
            .any(|s| covers(self.part_time_pool, s.slot));
        let hired = self
            .part_timers
            .map_or(0, |v| solution.value(v).round() as u32);
        match (staff_can, part_time_can) {
            // No shift variable at all: the candidate checks, not a rule, left the hour empty.
            (false, false) => format!(
                "no shift lets anyone serve {queue} then: check shift start times, people's skills and hours available, part_time.available and the phases' `may` lists"
            ),
            (_, true) if self.part_timer_cap.is_some_and(|cap| hired >= cap) => format!(
                "{}: the plan may hire at most {} part-timers (part_time.max_people or --max) and all are in use",
                Rule::PartTimerHeadcount.name(),
                self.part_timer_cap.unwrap_or(0)
            ),
            (_, true) if hindsight.is_some() && !self.part_timers_settled => self.time_limit_reason(&format!(
                "hired part-timers could still serve {queue} then"
            )),
            (true, false) if hindsight.is_some() => {
                match hindsight.and_then(|h| self.free_agent(q, i, h)) {
                    Some(Some(name)) => self.time_limit_reason(&format!(
                        "{name} could still have served {queue} then without breaking {}",
                        self.personal_rules().0
                    )),
                    Some(None) => self.rest_reason(queue),
                    None => self.time_limit_reason("not checked whether rest or hours block it"),
                }
            }
            (_, true) if self.shortfall_price(self.cell(q, i)) != self.scenario.costs.shortfall_per_agent_hour => format!(
                "{}: another agent for {queue} then costs more than the margin its chats would bring ({:.0} per agent-hour, [value] price_shortfall); set price_shortfall = false to price shortfall at costs.shortfall_per_agent_hour",
                Rule::CoverRequirement.name(),
                self.shortfall_price(self.cell(q, i))
            ),
            (_, true) if self.part_timers_settled => format!(
                "{}: with the staff shifts as named, another part-timer for {queue} then costs more than the shortfall price ({}); raise it to staff this hour",
                Rule::CoverRequirement.name(),
                Rule::CoverRequirement.price().unwrap_or_default()
            ),
            (_, true) => format!(
                "{}: another agent for {queue} then costs more than the shortfall price ({}); raise it to staff this hour",
                Rule::CoverRequirement.name(),
                Rule::CoverRequirement.price().unwrap_or_default()
            ),
            (true, false) => self.rest_reason(queue),
        }
    }

    fn rest_reason(&self, queue: &str) -> String {
        let week = self.week_rules_on();
        let rules: Vec<&str> = [Rule::OneShiftAtATimeWithRest, Rule::DailyAndWeeklyHours]
            .iter()
            .chain(&week)
            .map(|r| r.name())
            .collect();
        let limits = if week.is_empty() {
            "at their hour limits"
        } else {
            "at their hour limits, nights or days off"
        };
        format!(
            "{}: every agent who could serve {queue} then is already working, resting ({} h) or {limits}, and part-timers cannot come then (part_time.available, shift templates or phase `may` lists)",
            rules.join(" / "),
            self.scenario.min_rest_hours
        )
    }

    /// The week's rules between a person's shifts that are switched on (`[rules]`): with them,
    /// a person may be kept from a shift by nights or days off too, and the reasons say so.
    fn week_rules_on(&self) -> Vec<Rule> {
        let rules = &self.scenario.rules;
        [
            (Rule::NightsInARow, rules.max_nights_in_row.is_some()),
            (
                Rule::RestAfterNights,
                rules.rest_after_nights_hours.is_some(),
            ),
            (
                Rule::DaysOffTogether,
                rules.days_off_together.is_some_and(|k| k >= 2),
            ),
            (
                Rule::WeekendsOff,
                rules.weekends_off_per_4_weeks.is_some_and(|k| k > 0),
            ),
        ]
        .into_iter()
        .filter_map(|(rule, on)| on.then_some(rule))
        .collect()
    }

    /// The rules a person keeps between shifts, in words: all of them, and those beside rest.
    fn personal_rules(&self) -> (&'static str, &'static str) {
        if self.week_rules_on().is_empty() {
            (
                "rest, hours or days in a row",
                "weekly hours or days in a row",
            )
        } else {
            (
                "rest, hours, days in a row, nights or days off",
                "weekly hours, days in a row, nights or days off",
            )
        }
    }

    /// A reason that blames the time limit, with what was found (`detail`).
    fn time_limit_reason(&self, detail: &str) -> String {
        format!(
            "the time limit ({} s) ended the search before this was planned: {detail}; give it more time (--time-limit or solver.time_limit_seconds)",
            self.deadline.seconds()
        )
    }

    /// A person who could still have served queue `q` in interval `i` beside their named
    /// shifts: Some(Some(name)); Some(None) when nobody could; None when the check ran out of
    /// time.
    fn free_agent(&self, q: usize, i: usize, hindsight: &Hindsight) -> Option<Option<String>> {
        for s in &self.staff_shifts {
            let cohort = &self.cohorts[s.cohort];
            if !self.pools[cohort.pool].queues.contains(&q)
                || !self.slots[s.slot].cover.contains(&i)
            {
                continue;
            }
            for &person in &cohort.members {
                if hindsight.could_take(person, s.slot)? {
                    return Some(Some(self.staff[person].name.clone()));
                }
            }
        }
        Some(None)
    }

    /// Phase duties the named shifts miss, by phase and person; after an unfinished search
    /// (`hindsight` given), blamed on the time limit unless the rules are checked to block.
    pub(super) fn missed_duties(
        &self,
        named: &[(usize, usize)],
        hindsight: Option<&Hindsight>,
    ) -> Vec<MissedDuty> {
        let mut missed: Vec<(usize, usize, usize)> = Vec::new();
        for d in &self.duties {
            for &person in &self.cohorts[d.cohort].members {
                let kept = named.iter().any(|&(p, slot)| {
                    p == person && self.keeps_duty(d.phase, self.pool_of[person], slot)
                });
                if !kept {
                    missed.push((d.phase, person, d.cohort));
                }
            }
        }
        missed.sort_unstable();
        missed
            .into_iter()
            .map(|(phase, person, cohort)| self.missed_duty(phase, person, cohort, hindsight))
            .collect()
    }

    /// Why `person` misses `phase`'s duty: no shift overlapping it passes the candidate checks,
    /// or every such shift would break [`Rule::OneShiftAtATimeWithRest`],
    /// [`Rule::DailyAndWeeklyHours`], [`Rule::DaysInARow`] or the week's rules that are on
    /// (nights, days off), which the text names in the scenario's words.
    fn missed_duty(
        &self,
        phase_index: usize,
        person_index: usize,
        cohort: usize,
        hindsight: Option<&Hindsight>,
    ) -> MissedDuty {
        let possible = self.duty_shifts(phase_index, cohort).next().is_some();
        let phase = &self.scenario.phases[phase_index];
        let person = &self.staff[person_index];
        let fits = hindsight.filter(|_| possible).map(|h| {
            let slots = self.duty_shifts(phase_index, cohort).map(|s| s.slot);
            fits_any(h, person_index, slots)
        });
        let window = format!(
            "{} to {}",
            phase.start.format("%m-%d %H:%M"),
            phase.end.format("%m-%d %H:%M")
        );
        let reason = if let Some(Some(true)) = fits {
            self.time_limit_reason(&format!(
                "{} could still take a shift overlapping {window} without breaking {}",
                person.name,
                self.personal_rules().0
            ))
        } else if let Some(None) = fits {
            self.time_limit_reason(&format!(
                "not checked whether rest or hours keep {} from a shift overlapping {window}",
                person.name
            ))
        } else if !possible {
            format!(
                "no shift template overlapping {} to {} fits {}'s skills, hours available ({}), days off and daily hours",
                phase.start.format("%m-%d %H:%M"),
                phase.end.format("%m-%d %H:%M"),
                person.name,
                window_label(person),
            )
        } else {
            format!(
                "{} cannot take a shift overlapping {} to {} without breaking rest ({} h), {}",
                person.name,
                phase.start.format("%m-%d %H:%M"),
                phase.end.format("%m-%d %H:%M"),
                self.scenario.min_rest_hours,
                self.personal_rules().1
            )
        };
        MissedDuty {
            phase: phase.name.clone(),
            person: person.name.clone(),
            reason,
        }
    }
}

/// Whether `person` could still take one of `slots` beside their named shifts; None when the
/// check ran out of time before finding one.
fn fits_any(
    hindsight: &Hindsight,
    person: usize,
    slots: impl Iterator<Item = usize>,
) -> Option<bool> {
    for slot in slots {
        if hindsight.could_take(person, slot)? {
            return Some(true);
        }
    }
    Some(false)
}

/// A person's daily window as `HH:MM-HH:MM`.
fn window_label(person: &Person) -> String {
    let w = person.available;
    format!(
        "{:02}:{:02}-{:02}:{:02}",
        w.from_minute / 60,
        w.from_minute % 60,
        w.to_minute / 60,
        w.to_minute % 60
    )
}

#[cfg(test)]
mod tests {
    use super::super::model::{Model, Stage};
    use super::super::verify::{hourly_scenario, person, requirements, shift};
    use crate::labels::Lang;
    use crate::time::ClockWindow;

    #[test]
    fn with_the_week_rules_on_reasons_name_nights_and_days_off_too() {
        // As below, Ana's shift covers 00:00-08:00 and no part-timer can come at 03:00; with days
        // off in runs of 2 and 2 weekends off in 4, those rules may be what keeps her away too.
        let s = {
            let mut s = hourly_scenario(&shift("day", "00:00", 8), &["presale"], 1);
            s.rules.days_off_together = Some(2);
            s.rules.weekends_off_per_4_weeks = Some(2);
            s
        };
        let staff = [person("ana", &["presale"])];
        let need = requirements(&s, |_, _| 1);
        let model = Model::new(&s, &staff, &need, Stage::Plan);
        let reason = model.shortfall_reason(0, 3, &model.nothing(), None);
        assert_eq!(
            reason,
            "one_shift_at_a_time_with_rest / daily_and_weekly_hours / days_off_together / weekends_off: every agent who could serve presale then is already working, resting (11 h) or at their hour limits, nights or days off, and part-timers cannot come then (part_time.available, shift templates or phase `may` lists)"
        );
        assert_eq!(
            Lang::Zh.message(&reason),
            "one_shift_at_a_time_with_rest / daily_and_weekly_hours / days_off_together / weekends_off：当时能接待售前的客服都已在上班、在休息（11 小时）或已到工时、夜班或休息日的上限，兼职当时也来不了（part_time.available、班次模板或阶段的 `may` 名单）"
        );
        assert_eq!(
            model.personal_rules().0,
            "rest, hours, days in a row, nights or days off"
        );
        assert_eq!(
            Lang::Zh.message("ana could still have served presale then without breaking rest, hours, days in a row, nights or days off"),
            "ana 当时本可以接待售前，且不违反休息时间、工时、连续上班天数、夜班或休息日"
        );
        assert_eq!(
            Lang::Zh.message("ana cannot take a shift overlapping 11-11 00:00 to 11-11 06:00 without breaking rest (11 h), weekly hours, days in a row, nights or days off"),
            "ana 若上与 11-11 00:00 至 11-11 06:00 重叠的班次，就会违反休息时间（11 小时）、每周工时、连续上班天数、夜班或休息日"
        );
    }

    #[test]
    fn shortfall_reasons_name_the_rule_that_keeps_the_hour_short() {
        // Ana's shift covers 00:00-08:00 and part-timers can come 12:00-16:00; nobody at 20:00.
        let extra = format!(
            "{}[[shifts]]\nname = \"pt\"\nstart = \"12:00\"\nhours = 4\nkinds = [\"part-time\"]\n",
            shift("day", "00:00", 8)
        );
        let s = hourly_scenario(&extra, &["presale"], 1);
        let staff = [person("ana", &["presale"])];
        let need = requirements(&s, |_, _| 1);
        let mut model = Model::new(&s, &staff, &need, Stage::Plan);
        let none = model.nothing();
        assert_eq!(
            model.shortfall_reason(0, 20, &none, None),
            "no shift lets anyone serve presale then: check shift start times, people's skills and hours available, part_time.available and the phases' `may` lists"
        );
        assert_eq!(
            model.shortfall_reason(0, 3, &none, None),
            "one_shift_at_a_time_with_rest / daily_and_weekly_hours: every agent who could serve presale then is already working, resting (11 h) or at their hour limits, and part-timers cannot come then (part_time.available, shift templates or phase `may` lists)"
        );
        assert_eq!(
            model.shortfall_reason(0, 13, &none, None),
            "cover_requirement: another agent for presale then costs more than the shortfall price (costs.shortfall_per_agent_hour); raise it to staff this hour"
        );
        // After part-timers were chosen again around the named shifts (`Model::refill`).
        model.part_timers_settled = true;
        let settled = model.shortfall_reason(0, 13, &none, None);
        assert_eq!(
            settled,
            "cover_requirement: with the staff shifts as named, another part-timer for presale then costs more than the shortfall price (costs.shortfall_per_agent_hour); raise it to staff this hour"
        );
        assert_eq!(
            Lang::Zh.message(&settled),
            "cover_requirement：按已排定的员工班次，当时为售前再加一名兼职的成本高于缺人成本（costs.shortfall_per_agent_hour）；提高缺人成本才会给这个小时排人"
        );
        model.part_timers_settled = false;
        model.part_timer_cap = Some(0);
        assert_eq!(
            model.shortfall_reason(0, 13, &none, None),
            "part_timer_headcount: the plan may hire at most 0 part-timers (part_time.max_people or --max) and all are in use"
        );
    }

    #[test]
    fn missed_duty_reasons_say_what_kept_the_person_away() {
        // The main group must be on duty 00:00-06:00. Ana could take the 00:00 shift but the
        // named plan gives her none; Bo comes only 09:00-18:00, so no shift fits him.
        let extra = format!(
            "{}[[phases]]\nname = \"open\"\nstart = \"2026-11-11T00:00\"\nend = \"2026-11-11T06:00\"\nqueues = [\"presale\"]\nmust = [\"main\"]\n",
            shift("day", "00:00", 8)
        );
        let s = hourly_scenario(&extra, &["presale"], 1);
        let mut bo = person("bo", &["presale"]);
        bo.available = ClockWindow::parse("09:00-18:00").unwrap();
        let staff = [person("ana", &["presale"]), bo];
        let need = requirements(&s, |_, _| 0);
        let model = Model::new(&s, &staff, &need, Stage::Plan);
        let reasons: Vec<(String, String)> = model
            .missed_duties(&[], None)
            .into_iter()
            .map(|m| (m.person, m.reason))
            .collect();
        assert_eq!(
            reasons,
            [
                (
                    "ana".to_string(),
                    "ana cannot take a shift overlapping 11-11 00:00 to 11-11 06:00 without breaking rest (11 h), weekly hours or days in a row".to_string()
                ),
                (
                    "bo".to_string(),
                    "no shift template overlapping 11-11 00:00 to 11-11 06:00 fits bo's skills, hours available (09:00-18:00), days off and daily hours".to_string()
                ),
            ]
        );
    }
}
