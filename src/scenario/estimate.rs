//! A number the business estimates, such as an event's sales target: the value planned (`mid`)
//! and, when the scenario gives `{ low = ..., mid = ..., high = ... }`, its 10th and 90th
//! percentiles. Quantiles come from a log-normal on each side of the mid (a spread of its own
//! above and below, so `{ low = 24000, mid = 30000, high = 45000 }` leans up as written), and
//! products of independent estimates combine their log spreads by root-sum-of-squares.

use statrs::distribution::{ContinuousCDF, Normal};

/// The standard normal's 90th percentile: how many log spreads `high` sits above `mid`.
const Z_90: f64 = 1.281_551_565_544_600_5;

/// An estimate: planned at `mid`, with `low` and `high` its 10th and 90th percentiles (all
/// three equal for a single number).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    /// The 10th percentile.
    pub low: f64,
    /// The value planned: the median.
    pub mid: f64,
    /// The 90th percentile.
    pub high: f64,
}

impl Estimate {
    /// A number known exactly (or given without a range).
    pub fn exact(value: f64) -> Self {
        Estimate {
            low: value,
            mid: value,
            high: value,
        }
    }

    /// Whether a range was given.
    pub fn is_range(&self) -> bool {
        self.low < self.mid || self.mid < self.high
    }

    /// The standard deviation of the log of the estimate on the side of the mid that quantile
    /// `q` lies on (above it for `q` > 0.5).
    pub fn log_spread(&self, q: f64) -> f64 {
        if q >= 0.5 {
            (self.high / self.mid).ln() / Z_90
        } else {
            (self.mid / self.low).ln() / Z_90
        }
    }

    /// The estimate's `q` quantile (0 < q < 1): `mid` at 0.5, `low` at 0.1, `high` at 0.9.
    pub fn at(&self, q: f64) -> f64 {
        self.mid * (z(q) * self.log_spread(q)).exp()
    }
}

/// The standard normal's `q` quantile (exactly 0 at the median, so planning at 0.5 keeps `mid`
/// to the last digit).
pub(crate) fn z(q: f64) -> f64 {
    if q == 0.5 {
        0.0
    } else {
        Normal::standard().inverse_cdf(q)
    }
}

/// The `q` quantile of `mid` x a product of independent estimates whose log spreads on that
/// side are `spreads`: their variances add on the log scale.
pub(crate) fn product_at(mid: f64, spreads: &[f64], q: f64) -> f64 {
    let spread = spreads.iter().map(|s| s * s).sum::<f64>().sqrt();
    mid * (z(q) * spread).exp()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn low_mid_and_high_are_the_10th_50th_and_90th_percentiles() {
        let e = Estimate {
            low: 24_000.0,
            mid: 30_000.0,
            high: 45_000.0,
        };
        assert!((e.at(0.1) - 24_000.0).abs() < 1e-6);
        assert!((e.at(0.5) - 30_000.0).abs() < 1e-6);
        assert!((e.at(0.9) - 45_000.0).abs() < 1e-6);
        // The 95th percentile: 30000 x 1.5^(1.6449 / 1.2816) = 30000 x e^0.5204 = 50,481.
        assert!((e.at(0.95) - 50_481.0).abs() < 1.0, "{}", e.at(0.95));
        // Below the mid the low side's spread: 30000 x 0.8^(1.6449 / 1.2816) = 22,529.
        assert!((e.at(0.05) - 22_529.0).abs() < 1.0, "{}", e.at(0.05));
        let exact = Estimate::exact(0.4);
        assert!(!exact.is_range() && e.is_range());
        assert_eq!(exact.at(0.95), 0.4);
    }

    #[test]
    fn independent_spreads_add_as_variances() {
        // Two factors each with a 90th percentile 1.2 x mid: together not 1.44 x but
        // 1.2^sqrt(2) = e^(0.18232 x 1.41421) = 1.29415 x mid at the 90th percentile.
        let s = (1.2f64).ln() / Z_90;
        assert!((product_at(100.0, &[s, s], 0.9) - 129.415).abs() < 0.01);
        assert_eq!(product_at(100.0, &[], 0.9), 100.0);
    }
}
