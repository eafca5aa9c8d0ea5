//! How ordinary days are forecast: the method by name and its settings. They are configuration,
//! read from the scenario's `[forecast]` table or the command line, so they live in the scenario
//! layer and import nothing above it; `forecast` re-exports them and `forecast::models` fits them.

/// A forecasting method a user may name; [`Method::ALL`] lists them for texts and backtests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Method {
    /// Picks a method per queue by its error on held-out weeks (see `forecast::models`).
    Auto,
    /// Mean of the same weekday and time over the last few ordinary weeks.
    Profile,
    /// Median of the same weekday and time over the last few ordinary weeks: one odd week
    /// (a storm, an outage the outlier check missed) does not move it.
    ProfileMedian,
    /// Each day's total (same-weekday mean, scaled by the damped recent level) times that
    /// weekday's median intraday shape over recent weeks: the call-centre workhorse.
    DailyShape,
    /// Yesterday again.
    SeasonalNaiveDay,
    /// The same time last week again.
    SeasonalNaiveWeek,
    /// augurs MSTL: daily and weekly seasons by LOESS, the rest by AutoETS.
    Mstl,
    /// augurs AutoETS on the series less its hour-of-week means (augurs' ETS has no seasons).
    Ets,
    /// The candidates' forecasts weighted by their inverse error on held-out weeks: averaging
    /// different errors cancels part of each (see `forecast::models`).
    Combined,
}

impl Method {
    /// Every method a user may name, in the order `backtest` reports them; error and help texts
    /// list the names from here, so none is left out.
    pub const ALL: [Method; 9] = [
        Method::Auto,
        Method::Profile,
        Method::ProfileMedian,
        Method::DailyShape,
        Method::SeasonalNaiveDay,
        Method::SeasonalNaiveWeek,
        Method::Mstl,
        Method::Ets,
        Method::Combined,
    ];

    /// Every name, "auto, profile, ..., combined", for help and error texts.
    pub fn names() -> String {
        let names: Vec<&str> = Method::ALL.iter().map(|m| m.name()).collect();
        names.join(", ")
    }

    /// The name users write in `[forecast] method` and `--method`.
    pub fn name(self) -> &'static str {
        match self {
            Method::Auto => "auto",
            Method::Profile => "profile",
            Method::ProfileMedian => "profile-median",
            Method::DailyShape => "daily-shape",
            Method::SeasonalNaiveDay => "seasonal-naive-day",
            Method::SeasonalNaiveWeek => "seasonal-naive",
            Method::Mstl => "mstl",
            Method::Ets => "ets",
            Method::Combined => "combined",
        }
    }

    /// The method called `text`, if any.
    pub fn parse(text: &str) -> Option<Method> {
        Method::ALL.into_iter().find(|m| m.name() == text)
    }
}

/// How ordinary days are forecast, from the scenario's `[forecast]` table or the command line.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// `[forecast] method`.
    pub method: Method,
    /// Coverage of the prediction interval, e.g. 0.8 for the 10th to 90th percentile.
    pub level: f64,
    /// Staff for this quantile of the ordinary volume instead of its mean (e.g. 0.8).
    pub quantile: Option<f64>,
    /// Weeks the `profile` and `profile-median` methods look back.
    pub profile_weeks: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            method: Method::Auto,
            level: 0.8,
            quantile: None,
            profile_weeks: 4,
        }
    }
}
