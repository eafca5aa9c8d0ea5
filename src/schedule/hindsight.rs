//! After a search the time limit ended: could a person still have taken a shift beside the
//! ones they were given, keeping rest, daily and weekly hours, days in a row and days off? A
//! reason may name one of those rules only when the answer is no; otherwise it was the time
//! limit. Naming asks it too, to give a shift a cohort could not take to someone else.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant};

use good_lp::Variable;

use super::candidates::staff_may_take;
use super::model::{Model, Stage};
use super::rules::{RowIndex, PERSONAL_RULES};

/// How long past the deadline the checks may go on (the greedy steps before them have 2 s of
/// it); what is not checked by then names no rule.
const CHECK_BUDGET: Duration = Duration::from_secs(4);

/// The checks for one plan's named shifts, each person's rows built once when first asked.
pub(super) struct Hindsight<'m, 'a> {
    model: &'m Model<'a>,
    named: &'m [(usize, usize)],
    people: RefCell<BTreeMap<usize, Own<'a>>>,
    answers: RefCell<HashMap<(usize, usize), bool>>,
    until: Instant,
}

/// One person's own model: a variable per shift they may take, the hard rows between their
/// shifts, and their named shifts taken.
struct Own<'a> {
    model: Model<'a>,
    personal: RowIndex,
    taken: HashMap<Variable, f64>,
}

impl<'m, 'a> Hindsight<'m, 'a> {
    pub(super) fn new(model: &'m Model<'a>, named: &'m [(usize, usize)]) -> Self {
        Hindsight {
            model,
            named,
            people: RefCell::new(BTreeMap::new()),
            answers: RefCell::new(HashMap::new()),
            until: model.deadline.grace_until(CHECK_BUDGET),
        }
    }

    /// Whether `person` could also work `slot` beside their named shifts without breaking the
    /// [`PERSONAL_RULES`] (rest, hours, days in a row, days off); None when the check ran out
    /// of time.
    pub(super) fn could_take(&self, person: usize, slot: usize) -> Option<bool> {
        if let Some(answer) = self.answers.borrow().get(&(person, slot)) {
            return Some(*answer);
        }
        let answer = self.check(person, slot, false)?;
        self.answers.borrow_mut().insert((person, slot), answer);
        Some(answer)
    }

    /// Gives `person` `slot` too when they could take it (as [`Hindsight::could_take`]);
    /// whether they took it, None when the check ran out of time.
    pub(super) fn take(&self, person: usize, slot: usize) -> Option<bool> {
        let took = self.check(person, slot, true)?;
        if took {
            // Their answers so far were given without this shift.
            self.answers.borrow_mut().retain(|(p, _), _| *p != person);
        }
        Some(took)
    }

    fn check(&self, person: usize, slot: usize, keep: bool) -> Option<bool> {
        if Instant::now() > self.until {
            return None;
        }
        let mut people = self.people.borrow_mut();
        let own = people.entry(person).or_insert_with(|| self.own(person));
        Some(own.could_take(slot, keep))
    }

    fn own(&self, person: usize) -> Own<'a> {
        let m = self.model;
        let mine: Vec<usize> = self
            .named
            .iter()
            .filter(|(p, _)| *p == person)
            .map(|(_, slot)| *slot)
            .collect();
        let counts: BTreeMap<usize, u32> = (0..m.slots.len())
            .filter(|&s| {
                mine.contains(&s) || staff_may_take(m.scenario, &m.staff[person], &m.slots[s])
            })
            .map(|s| (s, 1))
            .collect();
        let stage = Stage::Name {
            members: vec![person],
            counts,
        };
        let model = Model::new(m.scenario, m.staff, &[], stage);
        let personal = RowIndex::new(&model, &PERSONAL_RULES);
        // Every variable is given a value: a `HashMap` solution panics on one it lacks.
        let mut taken: HashMap<Variable, f64> = model
            .vars
            .iter_variables_with_def()
            .map(|(v, _)| (v, 0.0))
            .collect();
        model.everyone_off_weekends(&mut taken);
        for s in model.staff_shifts.iter().filter(|s| mine.contains(&s.slot)) {
            taken.extend(model.taking(s));
        }
        Own {
            model,
            personal,
            taken,
        }
    }
}

impl Own<'_> {
    /// Whether the person could take `slot` beside their shifts; taken too when `keep`.
    fn could_take(&mut self, slot: usize, keep: bool) -> bool {
        let Some(s) = self.model.staff_shifts.iter().find(|s| s.slot == slot) else {
            return false;
        };
        (self.model).try_taking(s, &self.personal, &mut self.taken, keep)
    }
}

#[cfg(test)]
mod tests {
    use super::super::model::{Model, Stage};
    use super::super::verify::{hourly_scenario, person, requirements, shift};
    use super::Hindsight;

    #[test]
    fn a_rule_is_named_only_when_it_really_blocks() {
        // Two days; ana alone, with 8-hour shifts from 00:00 and 08:00, works 11-11 00:00-08:00.
        // The 08:00 shift that day would leave her no rest (11 h) and 16 hours that day: the
        // hour 11-11 10:00 is short because of the rules. The 00:00 shift on 11-12 starts 16 h
        // after she stops: she could have taken it, so 11-12 06:00 is short only because the
        // time limit ended the search.
        let extra = format!("{}{}", shift("early", "00:00", 8), shift("day", "08:00", 8));
        let s = hourly_scenario(&extra, &["presale"], 2);
        let staff = [person("ana", &["presale"])];
        let need = requirements(&s, |_, _| 1);
        let model = Model::new(&s, &staff, &need, Stage::Plan);
        let named = [(0, model.slot("early", "2026-11-11T00:00"))];
        let hindsight = Hindsight::new(&model, &named);
        let day = model.slot("day", "2026-11-11T08:00");
        let next = model.slot("early", "2026-11-12T00:00");
        assert_eq!(hindsight.could_take(0, day), Some(false));
        assert_eq!(hindsight.could_take(0, next), Some(true));
        // Already on it: she cannot take it twice.
        assert_eq!(hindsight.could_take(0, named[0].1), Some(false));
        let none = model.nothing();
        assert_eq!(
            model.shortfall_reason(0, 10, &none, Some(&hindsight)),
            "one_shift_at_a_time_with_rest / daily_and_weekly_hours: every agent who could serve presale then is already working, resting (11 h) or at their hour limits, and part-timers cannot come then (part_time.available, shift templates or phase `may` lists)"
        );
        assert_eq!(
            model.shortfall_reason(0, 30, &none, Some(&hindsight)),
            "the time limit (60 s) ended the search before this was planned: ana could still have served presale then without breaking rest, hours or days in a row; give it more time (--time-limit or solver.time_limit_seconds)"
        );
    }
}
