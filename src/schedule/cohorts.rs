//! Pools and cohorts: people with the same skills and group form a pool (whose agents on duty are
//! split over its queues), and people of a pool the plan cannot tell apart form a cohort (which
//! the plan counts instead of naming).

use super::candidates::group_may_serve;
use crate::scenario::{Person, Scenario, PART_TIME_GROUP};

/// Most people one cohort holds: naming a cohort is a model of its own whose solve time grows
/// fast with its size (on the month benchmark, 48 members took 3.4 s, 20 members 0.4 s), while
/// more, smaller cohorts cost the plan little.
const LARGEST_COHORT: usize = 20;

/// People who share skills and group, or the hired part-timers: their agents on duty are split
/// over `queues` interval by interval.
pub(crate) struct Pool {
    pub(crate) queues: Vec<usize>,
    pub(crate) group: String,
    pub(crate) part_time: bool,
}

impl Pool {
    /// One of the pool's agents on queue `q`, in full agents (new part-timers count less).
    pub(crate) fn weight(&self, scenario: &Scenario, q: usize) -> f64 {
        if self.part_time {
            scenario.queues[q].part_time_weight()
        } else {
            1.0
        }
    }

    /// Whether the pool may serve queue `q` in interval `i` (its skills and the phases allow).
    pub(crate) fn may_serve(&self, scenario: &Scenario, q: usize, i: usize) -> bool {
        self.queues.contains(&q)
            && group_may_serve(
                &scenario.phases,
                &scenario.queues[q].name,
                &self.group,
                scenario.horizon.time_of(i),
            )
    }

    /// Whether every agent of the pool counts as one full agent on each of its queues.
    pub(super) fn full_agents(&self, scenario: &Scenario) -> bool {
        self.queues
            .iter()
            .all(|&q| (self.weight(scenario, q) - 1.0).abs() < 1e-9)
    }

    /// The model splits the pool over its queues with a variable per queue and interval only
    /// when its agents count differently per queue; other pools' splits follow from the
    /// requirement rows of `cover_requirement` and are handed out after solving.
    pub(super) fn split_by_model(&self, scenario: &Scenario) -> bool {
        self.queues.len() > 1 && !self.full_agents(scenario)
    }
}

/// The pools of the staff and the hired part-timers, in order of first appearance: the pools,
/// the pool of each person, and the part-timers' pool.
pub(crate) fn pools(scenario: &Scenario, staff: &[Person]) -> (Vec<Pool>, Vec<usize>, usize) {
    let mut pools: Vec<Pool> = Vec::new();
    let mut pool_index = |queues: Vec<usize>, group: &str, part_time: bool| match pools
        .iter()
        .position(|p| p.queues == queues && p.group == group && p.part_time == part_time)
    {
        Some(i) => i,
        None => {
            pools.push(Pool {
                queues,
                group: group.to_string(),
                part_time,
            });
            pools.len() - 1
        }
    };
    let skill_queues = |skills: &[String]| -> Vec<usize> {
        (0..scenario.queues.len())
            .filter(|&q| skills.contains(&scenario.queues[q].name))
            .collect()
    };
    let pool_of: Vec<usize> = staff
        .iter()
        .map(|p| pool_index(skill_queues(&p.skills), &p.group, false))
        .collect();
    let part_time_pool = pool_index(
        skill_queues(&scenario.part_time.skills),
        PART_TIME_GROUP,
        true,
    );
    (pools, pool_of, part_time_pool)
}

/// Staff the plan cannot tell apart (same pool, hours available, days off and contract): the
/// plan counts how many of them work each shift and the naming stage says who. Counting instead
/// of naming keeps the model small at hundreds of agents; since every per-person rule holds for
/// the cohort's total, the plan's cost is a lower bound on any named plan's, and naming that
/// drops no shift keeps it.
pub(super) struct Cohort {
    pub(super) pool: usize,
    pub(super) members: Vec<usize>,
}

impl Cohort {
    pub(super) fn size(&self) -> f64 {
        self.members.len() as f64
    }
}

/// Whether the plan can treat two people of the same pool as one: same hours available, days
/// off, contract, wage, role and preferences.
fn interchangeable(a: &Person, b: &Person) -> bool {
    let days_off = |p: &Person| {
        let mut days = p.days_off.clone();
        days.sort_unstable();
        days.dedup();
        days
    };
    a.available == b.available
        && a.max_hours_per_day == b.max_hours_per_day
        && a.max_hours_per_week == b.max_hours_per_week
        && a.max_days_in_row == b.max_days_in_row
        && a.contract_hours_per_week == b.contract_hours_per_week
        && days_off(a) == days_off(b)
        && a.kind == b.kind
        && a.wage_per_hour == b.wage_per_hour
        && a.min_hours_per_week == b.min_hours_per_week
        && a.lead == b.lead
        && a.dated == b.dated
        && a.preferences == b.preferences
}

/// Staff grouped into cohorts of interchangeable people, in order of each cohort's first member;
/// more than [`LARGEST_COHORT`] alike are dealt round into cohorts of near-equal size.
pub(super) fn cohorts_of(staff: &[Person], pool_of: &[usize]) -> Vec<Cohort> {
    let mut alike: Vec<Cohort> = Vec::new();
    for (index, person) in staff.iter().enumerate() {
        let same = alike
            .iter_mut()
            .find(|c| c.pool == pool_of[index] && interchangeable(&staff[c.members[0]], person));
        match same {
            Some(cohort) => cohort.members.push(index),
            None => alike.push(Cohort {
                pool: pool_of[index],
                members: vec![index],
            }),
        }
    }
    let mut cohorts = Vec::new();
    for group in alike {
        let parts = group.members.len().div_ceil(LARGEST_COHORT);
        for part in 0..parts {
            cohorts.push(Cohort {
                pool: group.pool,
                members: group
                    .members
                    .iter()
                    .copied()
                    .skip(part)
                    .step_by(parts)
                    .collect(),
            });
        }
    }
    cohorts
}

/// Each person a cohort of their own.
pub(super) fn singletons(
    people: impl IntoIterator<Item = usize>,
    pool_of: &[usize],
) -> Vec<Cohort> {
    people
        .into_iter()
        .map(|m| Cohort {
            pool: pool_of[m],
            members: vec![m],
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alike_people_form_cohorts_of_at_most_the_largest_size() {
        let person = |group: &str| Person {
            group: group.into(),
            skills: vec!["presale".into()],
            ..Person::default()
        };
        // 45 alike in the main group, then 3 in backup: 45 are dealt into 3 cohorts of 15.
        let mut staff: Vec<Person> = (0..45).map(|_| person("main")).collect();
        staff.extend((0..3).map(|_| person("backup")));
        // Pools hold one group each: main is pool 0, backup pool 1.
        let pool_of: Vec<usize> = staff
            .iter()
            .map(|p| usize::from(p.group == "backup"))
            .collect();
        let cohorts = cohorts_of(&staff, &pool_of);
        let sizes: Vec<usize> = cohorts.iter().map(|c| c.members.len()).collect();
        assert_eq!(sizes, [15, 15, 15, 3]);
        assert_eq!(cohorts[1].members[..3], [1, 4, 7]);
        assert_eq!(cohorts[3].members, [45, 46, 47]);
    }
}
