//! One file per subcommand, each with its usage text at the top.

pub mod backtest;
pub mod erlang;
pub mod forecast;
pub mod parttimers;
pub mod plan;
pub mod simulate;

use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use shiftcast::labels::Lang;

/// Options every command takes.
pub struct Global {
    /// `--lang`, when given.
    pub lang: Option<Lang>,
    pub quiet: bool,
}

/// A spinner on stderr naming the step under way; drawn only on a terminal and without
/// `--quiet`, so pipes and logs stay clean.
pub fn progress(global: &Global) -> ProgressBar {
    if global.quiet {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} {elapsed}") {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}
