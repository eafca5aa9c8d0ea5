//! Erlang C (M/M/N): Poisson arrivals, exponential handle times, N servers, nobody leaves.

/// Erlang B blocking probability with `servers` servers and `load` Erlang offered.
///
/// Uses the recursion on 1/B: 1/B(n) = 1 + (n / A) / B(n-1), one multiply-add per server. Below
/// the load it shrinks any error in its start value by a factor n / A per step, so for large
/// loads it starts 10 standard deviations below the load from the estimate B = 1 - n / A: by the
/// load the start error has shrunk by about e^-50, and the work is O(sqrt(A)) steps, not O(A).
pub fn erlang_b(servers: u32, load: f64) -> f64 {
    if load <= 0.0 {
        return 0.0;
    }
    let start = (load - 10.0 * load.sqrt())
        .floor()
        .max(0.0)
        .min(f64::from(servers)) as u32;
    let mut inverse = if start == 0 {
        1.0
    } else {
        load / (load - f64::from(start))
    };
    let per_server = 1.0 / load;
    for n in start + 1..=servers {
        inverse = f64::from(n) * per_server * inverse + 1.0;
    }
    1.0 / inverse
}

/// Carries B from `from` servers to `to` servers.
pub fn step_b(mut b: f64, from: u32, to: u32, load: f64) -> f64 {
    for n in from + 1..=to {
        b = load * b / (f64::from(n) + load * b);
    }
    b
}

/// P(wait) from Erlang B: C = N B / (N - A (1 - B)); 1 when the queue is unstable (A >= N).
pub fn wait_probability_from_b(servers: u32, load: f64, b: f64) -> f64 {
    let n = f64::from(servers);
    if load <= 0.0 {
        0.0
    } else if load >= n {
        1.0
    } else {
        n * b / (n - load * (1.0 - b))
    }
}

/// Probability that a chat waits at all.
pub fn wait_probability(servers: u32, load: f64) -> f64 {
    wait_probability_from_b(servers, load, erlang_b(servers, load))
}

/// Share of chats answered within `within` seconds: 1 - C e^{-(N - A) t / h}.
pub fn service_level(servers: u32, load: f64, handle_seconds: f64, within: f64) -> f64 {
    service_level_from_c(
        servers,
        load,
        handle_seconds,
        within,
        wait_probability(servers, load),
    )
}

/// [`service_level`] given the Erlang C wait probability `c` already worked out.
pub(crate) fn service_level_from_c(
    servers: u32,
    load: f64,
    handle_seconds: f64,
    within: f64,
    c: f64,
) -> f64 {
    let n = f64::from(servers);
    if load <= 0.0 {
        1.0
    } else if load >= n {
        0.0
    } else {
        1.0 - c * (-(n - load) * within / handle_seconds).exp()
    }
}

/// Average seconds to first answer over all chats: C h / (N - A); infinite when unstable.
pub fn average_speed_of_answer(servers: u32, load: f64, handle_seconds: f64) -> f64 {
    asa_from_c(
        servers,
        load,
        handle_seconds,
        wait_probability(servers, load),
    )
}

/// [`average_speed_of_answer`] given the Erlang C wait probability `c` already worked out.
pub(crate) fn asa_from_c(servers: u32, load: f64, handle_seconds: f64, c: f64) -> f64 {
    let n = f64::from(servers);
    if load <= 0.0 {
        0.0
    } else if load >= n {
        f64::INFINITY
    } else {
        c * handle_seconds / (n - load)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// B by the plain recursion from 1 server, the reference for the shortcut.
    fn erlang_b_from_one(servers: u32, load: f64) -> f64 {
        step_b(1.0, 0, servers, load)
    }

    #[test]
    fn the_shortcut_matches_the_full_recursion() {
        for (load, offsets) in [
            (50.0, [-20i64, 0, 15]),
            (1_000.0, [-100, 0, 60]),
            (100_000.0, [-1_000, 0, 600]),
        ] {
            for offset in offsets {
                let n = (load as i64 + offset) as u32;
                let (fast, full) = (erlang_b(n, load), erlang_b_from_one(n, load));
                assert!(
                    (fast - full).abs() <= 1e-12 * full,
                    "A={load} N={n}: {fast} vs {full}"
                );
            }
        }
    }

    /// Erlang C table for 10 Erlang (P(wait) to 4 digits, as printed in the classic tables).
    #[test]
    fn textbook_table_for_ten_erlang() {
        let printed = [
            (11, 0.6821),
            (12, 0.4494),
            (13, 0.2853),
            (14, 0.1741),
            (15, 0.1020),
            (16, 0.0573),
        ];
        for (n, p) in printed {
            let c = wait_probability(n, 10.0);
            assert!((c - p).abs() < 5e-5, "N={n}: {c} vs {p}");
        }
    }

    #[test]
    fn one_server_is_the_m_m_1_queue() {
        // M/M/1: P(wait) = rho, ASA = rho h / (1 - rho).
        assert!((wait_probability(1, 0.6) - 0.6).abs() < 1e-15);
        assert!((average_speed_of_answer(1, 0.6, 100.0) - 150.0).abs() < 1e-9);
    }
}
