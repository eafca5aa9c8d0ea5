//! Handing out the agents on duty over queues after solving: which queue sets need a cover row
//! of their own (`linked`), and the maximum flow that splits cross-trained full agents so every
//! requirement the cover rows promised is met (`max_cover`).

use std::collections::VecDeque;

use super::model::Model;

/// A pool's workers free (not on a break) in one interval, and how many go to each queue (the
/// model's split, or the one handed out after solving).
pub(super) struct PoolShare {
    pub(super) pool: usize,
    pub(super) free: Vec<usize>,
    pub(super) wanted: Vec<(usize, usize)>,
}

/// Whether the queues in `set` are linked by pools that serve more than one of them (sets that
/// fall apart need no row of their own: their parts' rows add up to it).
pub(super) fn linked(set: u32, reach: &[(usize, u32)]) -> bool {
    let mut joined = set & set.wrapping_neg();
    loop {
        let grown = reach
            .iter()
            .filter(|(_, mask)| mask & joined != 0)
            .fold(joined, |j, (_, mask)| j | (mask & set));
        if grown == joined {
            return joined == set;
        }
        joined = grown;
    }
}

/// Hands out pools' free agents (`supply`) to queues so as much of each queue's `demand` is met
/// as possible, where `may(pool, queue)` allows: a maximum flow, found by augmenting paths.
/// Returns agents per pool per queue; agents no queue needs are left out.
fn max_cover(supply: &[u32], demand: &[u32], may: impl Fn(usize, usize) -> bool) -> Vec<Vec<u32>> {
    let (pools, queues) = (supply.len(), demand.len());
    let mut flow = vec![vec![0u32; queues]; pools];
    loop {
        let left = |flow: &[Vec<u32>], p: usize| supply[p] - flow[p].iter().sum::<u32>();
        let short =
            |flow: &[Vec<u32>], q: usize| demand[q] - (0..pools).map(|p| flow[p][q]).sum::<u32>();
        // Breadth-first search from pools with agents left: pool -> queue it may serve,
        // queue -> pool that gives it agents (which can move to another queue).
        let mut queue_from: Vec<Option<usize>> = vec![None; queues];
        let mut pool_from: Vec<Option<Option<usize>>> = (0..pools)
            .map(|p| (left(&flow, p) > 0).then_some(None))
            .collect();
        let mut frontier: VecDeque<usize> =
            (0..pools).filter(|&p| pool_from[p].is_some()).collect();
        let mut end = None;
        'search: while let Some(p) = frontier.pop_front() {
            for q in 0..queues {
                if queue_from[q].is_some() || !may(p, q) {
                    continue;
                }
                queue_from[q] = Some(p);
                if short(&flow, q) > 0 {
                    end = Some(q);
                    break 'search;
                }
                for other in 0..pools {
                    if pool_from[other].is_none() && flow[other][q] > 0 {
                        pool_from[other] = Some(Some(q));
                        frontier.push_back(other);
                    }
                }
            }
        }
        let Some(last) = end else {
            return flow;
        };
        // Walk the path back: (pool, queue gaining, queue losing or None at the start).
        let mut path = Vec::new();
        let mut q = last;
        loop {
            let p = queue_from[q].unwrap_or_default();
            let from = pool_from[p].flatten();
            path.push((p, q, from));
            match from {
                Some(previous) => q = previous,
                None => break,
            }
        }
        let start = path.last().map_or(0, |&(p, _, _)| p);
        let amount = path
            .iter()
            .filter_map(|&(p, _, from)| from.map(|f| flow[p][f]))
            .fold(left(&flow, start).min(short(&flow, last)), u32::min);
        for (p, q, from) in path {
            flow[p][q] += amount;
            if let Some(f) = from {
                flow[p][f] -= amount;
            }
        }
    }
}

impl Model<'_> {
    /// Fills in interval `i`'s split of cross-trained pools whose agents count as full agents:
    /// as much of each queue's requirement as the other pools leave open (a maximum flow), which
    /// meets every requirement the model's `cover_requirement` rows promised.
    pub(super) fn split_full_agent_pools(&self, i: usize, shares: &mut [PoolShare]) {
        let flexible: Vec<usize> = (0..shares.len())
            .filter(|&k| {
                let pool = &self.pools[shares[k].pool];
                pool.queues.len() > 1 && pool.full_agents(self.scenario)
            })
            .collect();
        if flexible.is_empty() {
            return;
        }
        let mut open: Vec<f64> = (0..self.scenario.queues.len())
            .map(|q| self.need(q, i))
            .collect();
        for share in shares.iter() {
            for &(q, n) in &share.wanted {
                open[q] -= self.weight(share.pool, q) * n as f64;
            }
        }
        let demand: Vec<u32> = open
            .iter()
            .map(|d| (d - 1e-9).ceil().max(0.0) as u32)
            .collect();
        let supply: Vec<u32> = flexible
            .iter()
            .map(|&k| shares[k].free.len() as u32)
            .collect();
        let pools: Vec<usize> = flexible.iter().map(|&k| shares[k].pool).collect();
        let flow = max_cover(&supply, &demand, |a, q| self.may_serve(pools[a], q, i));
        for (a, &k) in flexible.iter().enumerate() {
            for slot in shares[k].wanted.iter_mut() {
                slot.1 = flow[a][slot.0] as usize;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_cover_moves_cross_trained_agents_to_make_room() {
        // Pool 0 serves presale (0) and aftersale (1), pool 1 presale only; 2 agents each, 2
        // needed on each queue. The search first lends pool 0 to presale, then has to move
        // them to aftersale so pool 1 can serve presale: everything is covered.
        let may = |p: usize, q: usize| p == 0 || q == 0;
        let flow = max_cover(&[2, 2], &[2, 2], may);
        assert_eq!(flow, vec![vec![0, 2], vec![2, 0]]);
        // 4 presale-only agents where 3 are needed: one stays unused, and the
        // cross-trained agent goes to aftersale.
        let flow = max_cover(&[1, 4], &[3, 1], may);
        assert_eq!(flow, vec![vec![0, 1], vec![3, 0]]);
    }

    #[test]
    fn sets_of_queues_need_a_row_only_when_cross_trained_agents_link_them() {
        // Queues 0, 1, 2; one pool serves 0 and 1, another 2 only.
        let reach = [(0, 0b011), (1, 0b100)];
        assert!(linked(0b001, &reach));
        assert!(linked(0b011, &reach));
        assert!(!linked(0b101, &reach));
        assert!(!linked(0b111, &reach));
    }
}
