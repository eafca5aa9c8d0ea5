//! Verifier tests of the rules in `contracts.rs`: minimum hours a week and a lead on duty.

use super::*;

#[test]
fn min_hours_per_week_counts_a_week_below_the_minimum() {
    // Two days (Wed 11th, Thu 12th) of a week: a 35-hour minimum is 35 x 2/7 = 10 hours. One
    // 8-hour shift leaves 2 short: reporting 1.9 breaks the row, 2 keeps it; two shifts need
    // none.
    let s = hourly_scenario(&shift("day", "08:00", 8), &["presale"], 2);
    let staff = [Person {
        min_hours_per_week: Some(35.0),
        ..person("ana", &["presale"])
    }];
    let need = requirements(&s, |_, _| 0);
    let model = Model::new(&s, &staff, &need, Stage::Plan);
    assert_eq!(model.below_floor.len(), 1);
    let below = model.below_floor[0].var;
    let mut a = model.nothing();
    model.works(&mut a, 0, "day", "2026-11-11T08:00", 1.0);
    assert_eq!(model.violations(Rule::MinHoursPerWeek, &a), 1);
    a.insert(below, 1.9);
    assert_eq!(model.violations(Rule::MinHoursPerWeek, &a), 1);
    a.insert(below, 2.0);
    assert_eq!(model.violations(Rule::MinHoursPerWeek, &a), 0);
    a.insert(below, 0.0);
    model.works(&mut a, 0, "day", "2026-11-12T08:00", 1.0);
    assert_eq!(model.violations(Rule::MinHoursPerWeek, &a), 0);
}

#[test]
fn min_hours_per_week_holds_salaried_contract_hours_and_counts_sessions() {
    // Salaried, a 35-hour contract is the minimum too (10 hours over two days); a 4-hour
    // session on the 12th counts, so one 8-hour shift leaves none short. Not salaried: no rule.
    let session = "[[sessions]]\nname = \"drill\"\nstart = \"2026-11-12T08:00\"\nend = \"2026-11-12T12:00\"\ngroups = [\"main\"]\n";
    let mut s = hourly_scenario(&(shift("day", "08:00", 8) + session), &["presale"], 2);
    let staff = [Person {
        contract_hours_per_week: Some(35.0),
        ..person("ana", &["presale"])
    }];
    let need = requirements(&s, |_, _| 0);
    assert!(Model::new(&s, &staff, &need, Stage::Plan)
        .below_floor
        .is_empty());
    s.costs.full_time_salaried = true;
    let model = Model::new(&s, &staff, &need, Stage::Plan);
    let mut a = model.nothing();
    assert_eq!(model.violations(Rule::MinHoursPerWeek, &a), 1);
    model.works(&mut a, 0, "day", "2026-11-11T08:00", 1.0);
    assert_eq!(model.violations(Rule::MinHoursPerWeek, &a), 0);
}

#[test]
fn lead_on_duty_counts_an_hour_with_too_few_leads() {
    // One lead per 2 agents on duty. The lead and one of ana and bo (one cohort of 2) from 08:00
    // to 16:00 keep it; with both, 3 agents need 1.5 leads, so each of the 8 hours breaks the
    // row until 0.5 of a lead is reported missing.
    let mut s = hourly_scenario(&shift("day", "08:00", 8), &["presale"], 1);
    s.rules.agents_per_lead = Some(2);
    let staff = [
        Person {
            lead: true,
            ..person("lead", &["presale"])
        },
        person("ana", &["presale"]),
        person("bo", &["presale"]),
    ];
    let need = requirements(&s, |_, _| 0);
    let model = Model::new(&s, &staff, &need, Stage::Plan);
    assert_eq!(model.cohorts[1].members, [1, 2]);
    let mut a = model.nothing();
    model.works(&mut a, 0, "day", "2026-11-11T08:00", 1.0);
    model.works(&mut a, 1, "day", "2026-11-11T08:00", 1.0);
    assert_eq!(model.violations(Rule::LeadOnDuty, &a), 0);
    model.works(&mut a, 1, "day", "2026-11-11T08:00", 2.0);
    assert_eq!(model.violations(Rule::LeadOnDuty, &a), 8);
    for i in 8..16 {
        a.insert(model.lead_short[i], 0.5);
    }
    assert_eq!(model.violations(Rule::LeadOnDuty, &a), 0);
}
