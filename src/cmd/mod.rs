//! One file per subcommand, each with its usage text at the top.

pub mod backtest;
pub mod erlang;
pub mod forecast;
pub mod plan;
pub mod simulate;
