//! Erlang A (M/M/N+M): Erlang C where each waiting chat leaves after an exponential patience.
//!
//! With load A = λh, r = h / patience and N servers, the stationary distribution is Erlang C's
//! up to N busy; above it, each extra waiting chat multiplies the probability by A / (N + j r).
//! An arriving chat that finds j chats waiting ahead reaches an agent after a sum of exponential
//! phases with rates Nμ + iθ (i = j .. 0). That sum V has e^{-θV} ~ Beta(c, j + 1) with
//! c = Nμ/θ, which gives, exactly:
//! - P(answered | j ahead) = c / (c + j + 1);
//! - P(answered within t | j ahead) = c / (c + j + 1) P(K >= j + 1), with K negative binomial,
//!   K ~ NB(c + 1, 1 - e^{-θt}) (the regularised incomplete beta I_{1-e^{-θt}}(j + 1, c + 1)).
//!
//! Every term is built by a recursion in log space, so no factorial or power overflows.

use super::erlang_c::erlang_b;

/// How `servers` servers perform under Erlang A.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ErlangA {
    /// Chance that a chat waits at all (0-1).
    pub wait_probability: f64,
    /// Share of chats that leave before an answer (0-1).
    pub abandonment_probability: f64,
    /// Share of all arrivals answered within `within` seconds; those who leave count as failures.
    pub service_level: f64,
    /// Average seconds waited over all arrivals (until answered or gone), E\[queue\] / λ.
    pub average_wait_seconds: f64,
    /// Share of agent time busy: A (1 - P(abandon)) / N.
    pub occupancy: f64,
}

/// Performance of `servers` servers at `load` Erlang with mean handle time `handle_seconds` and
/// mean patience `patience_seconds`.
pub fn evaluate(
    servers: u32,
    load: f64,
    handle_seconds: f64,
    patience_seconds: f64,
    within: f64,
) -> ErlangA {
    if load <= 0.0 {
        return ErlangA {
            wait_probability: 0.0,
            abandonment_probability: 0.0,
            service_level: 1.0,
            average_wait_seconds: 0.0,
            occupancy: 0.0,
        };
    }
    let n = f64::from(servers);
    let r = handle_seconds / patience_seconds;
    let c = n / r;
    let theta_t = within / patience_seconds;
    // Negative binomial K ~ NB(c + 1, p): pmf g_k by log recursion; `tail` = P(K >= k + 1).
    let p = -(-theta_t).exp_m1();
    let mut ln_g = -(c + 1.0) * theta_t;
    let mut cdf = 0.0;

    let b = erlang_b(servers, load);
    // Sums over j (chats waiting) of t_j = Π_{k<=j} A / (N + k r), kept as stored x e^scale so
    // that deep overload (N far below A, where t_j first grows huge) cannot overflow.
    let mut scale = 0.0f64;
    let (mut term, mut sum, mut queue_sum, mut abandon_sum, mut answered_in_time_sum) =
        (1.0f64, 0.0, 0.0, 0.0, 0.0);
    let mut j = 0u64;
    loop {
        let jf = j as f64;
        cdf += ln_g.exp();
        let tail = if within > 0.0 {
            (1.0 - cdf).max(0.0)
        } else {
            0.0
        };
        sum += term;
        queue_sum += jf * term;
        abandon_sum += term * (jf + 1.0) / (c + jf + 1.0);
        answered_in_time_sum += term * c / (c + jf + 1.0) * tail;
        let ratio = load / (n + (jf + 1.0) * r);
        term *= ratio;
        if sum > 1e200 {
            let shrink = 1e-200;
            term *= shrink;
            sum *= shrink;
            queue_sum *= shrink;
            abandon_sum *= shrink;
            answered_in_time_sum *= shrink;
            scale += 200.0 * std::f64::consts::LN_10;
        }
        if within > 0.0 {
            ln_g += p.ln() + ((jf + c + 1.0) / (jf + 1.0)).ln();
        }
        j += 1;
        if ratio < 1.0 && term < 1e-17 * sum {
            break;
        }
    }
    // The share of time with N busy, P_N = B / (1 - B + B S), multiplies each sum; written as
    // 1 / ((1 - B) / (B e^scale) + stored) so neither factor overflows.
    let per_stored = if b > 0.0 {
        1.0 / ((1.0 - b) * (-(b.ln() + scale)).exp() + sum)
    } else {
        0.0
    };
    let wait_probability = per_stored * sum;
    let abandonment_probability = per_stored * abandon_sum;
    ErlangA {
        wait_probability,
        abandonment_probability,
        service_level: 1.0 - wait_probability + per_stored * answered_in_time_sum,
        average_wait_seconds: per_stored * queue_sum * handle_seconds / load,
        occupancy: load * (1.0 - abandonment_probability) / n,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::staffing::erlang_c;

    #[test]
    fn very_patient_chats_give_erlang_c() {
        let a = evaluate(14, 10.0, 180.0, 1e12, 20.0);
        assert!((a.wait_probability - erlang_c::wait_probability(14, 10.0)).abs() < 1e-9);
        assert!((a.service_level - erlang_c::service_level(14, 10.0, 180.0, 20.0)).abs() < 1e-9);
        assert!(
            (a.average_wait_seconds - erlang_c::average_speed_of_answer(14, 10.0, 180.0)).abs()
                < 1e-6
        );
        assert!(a.abandonment_probability < 1e-9);
    }

    #[test]
    fn abandonment_agrees_with_littles_law() {
        // P(abandon) = θ E[queue] / λ = (average wait) / patience, computed two independent ways.
        for (n, load, patience) in [(8, 10.0, 60.0), (14, 10.0, 100.0), (950, 1000.0, 30.0)] {
            let a = evaluate(n, load, 180.0, patience, 20.0);
            let by_little = a.average_wait_seconds / patience;
            assert!(
                (a.abandonment_probability - by_little).abs() < 1e-9,
                "{a:?} vs {by_little}"
            );
        }
    }

    #[test]
    fn overload_is_stable_and_sheds_the_excess() {
        // 20 Erlang on 10 servers: at least half the chats must leave.
        let a = evaluate(10, 20.0, 180.0, 60.0, 20.0);
        assert!(
            a.abandonment_probability > 0.5 && a.abandonment_probability < 0.6,
            "{a:?}"
        );
        assert!(a.occupancy <= 1.0 && a.occupancy > 0.95);
    }

    #[test]
    fn one_server_with_answer_time_zero() {
        // M/M/1+M at t = 0: service level is the share not waiting, 1 - P(wait).
        let a = evaluate(1, 0.5, 100.0, 50.0, 0.0);
        assert!((a.service_level - (1.0 - a.wait_probability)).abs() < 1e-12);
    }
}
