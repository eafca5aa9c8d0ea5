//! One file per subcommand, each with its usage text at the top.

pub mod erlang;
pub mod plan;
pub mod simulate;
