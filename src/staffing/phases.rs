//! The phases' floors on agents: a requirement adjustment made before scheduling.

use crate::scenario::Scenario;
use crate::staffing::Requirement;

/// The requirements with each phase's `min_agents` as a floor in its intervals and queues (rule
/// `phase_minimum_agents`: the main force is on duty at 00:00 even if the forecast is low).
pub fn with_phase_minimums(
    scenario: &Scenario,
    mut requirements: Vec<Requirement>,
) -> Vec<Requirement> {
    for phase in scenario.phases.iter().filter(|p| p.min_agents > 0) {
        for r in requirements.iter_mut() {
            if phase.start <= r.time && r.time < phase.end && phase.queues.contains(&r.queue) {
                r.agents_required = r.agents_required.max(phase.min_agents);
            }
        }
    }
    requirements
}
