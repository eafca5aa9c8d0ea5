//! Properties of every intraday re-plan of the example, whatever the chats do: nobody is moved
//! into the past or called in before the notice is up, what was worked before now stays,
//! nobody works two shifts at once or without rest, every segment lies inside its shift, and
//! the moves never leave more agent-hours short in the coming day than the plan did.

use std::sync::OnceLock;

use chrono::Duration;
use proptest::prelude::*;
use shiftcast::intraday::{intraday, Actual, MoveKind, WrittenPlan};
use shiftcast::time::parse_time;
use shiftcast::{Inputs, Overrides, Plan};

mod common;

fn example() -> &'static (Inputs, Plan) {
    static PLAN: OnceLock<(Inputs, Plan)> = OnceLock::new();
    PLAN.get_or_init(|| {
        let inputs = Inputs::read(&common::example(), &Overrides::default()).unwrap();
        let plan = shiftcast::plan(&inputs, &mut |_| {}).unwrap();
        (inputs, plan)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn moves_keep_the_plan_s_rules_and_never_leave_more_short(
        presale in 0.5f64..2.0,
        aftersale in 0.5f64..2.0,
        hours_in in 1i64..48,
    ) {
        let (inputs, plan) = example();
        let now = parse_time("2026-11-11T00:00").unwrap() + Duration::hours(hours_in);
        let actuals: Vec<Actual> = plan
            .requirements
            .iter()
            .filter(|r| r.time < now)
            .map(|r| Actual {
                time: r.time,
                queue: r.queue.clone(),
                inquiries: r.inquiries * if r.queue == "presale" { presale } else { aftersale },
                answered_within_target: None,
                agents_logged_in: None,
                orders: None,
                service_orders: None,
            })
            .collect();
        let written = WrittenPlan {
            requirements: plan.requirements.clone(),
            roster: plan.roster.rows.clone(),
            standby: plan.standby.rows.clone(),
        };
        let day = intraday(&inputs.scenario, &inputs.staff, &written, &actuals, now).unwrap();

        let notice = Duration::minutes(inputs.scenario.intraday.call_in_notice_minutes as i64);
        for m in &day.moves {
            prop_assert!(m.start >= now && m.start < m.end, "{m:?}");
            if matches!(m.kind, MoveKind::CallIn | MoveKind::AddPartTimer) {
                prop_assert!(m.start >= now + notice, "{m:?}");
            }
        }
        // What was worked before now stays as it was (a shift ending now may run on).
        let before_now = |row: &shiftcast::roster::RosterRow| -> Vec<_> {
            row.segments.iter().filter(|s| s.start < now).map(|s| (s.start, s.end.min(now), s.activity.clone())).collect()
        };
        for row in &plan.roster.rows {
            let same = day.roster.iter().find(|r| r.name == row.name && r.start == row.start);
            prop_assert!(same.is_some_and(|r| before_now(r) == before_now(row)), "{row:?}");
        }
        let clashes =
            shiftcast::roster::rest_violations(&day.roster, inputs.scenario.min_rest_hours, None);
        prop_assert!(clashes.is_empty(), "{clashes:?}");
        for row in &day.roster {
            let mut at = row.start.max(inputs.scenario.horizon.start);
            for segment in &row.segments {
                prop_assert!(segment.start >= at && segment.end <= row.end, "{row:?}");
                at = segment.end;
            }
        }
        prop_assert!(day.service_level_after >= day.service_level_before - 1e-9);
        prop_assert!(day.shortfall_agent_hours_after <= day.shortfall_agent_hours_before);
    }
}
