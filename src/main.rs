//! The `shiftcast` command: parses arguments and dispatches to one file per subcommand.

mod cmd;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Staffing forecast and shift scheduling for customer-service teams.
#[derive(Parser)]
#[command(name = "shiftcast", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Plan(cmd::plan::Args),
    Forecast(cmd::forecast::Args),
    Backtest(cmd::backtest::Args),
    #[command(allow_negative_numbers = true)]
    Erlang(cmd::erlang::Args),
    Simulate(cmd::simulate::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Plan(args) => cmd::plan::run(args),
        Command::Forecast(args) => cmd::forecast::run(args),
        Command::Backtest(args) => cmd::backtest::run(args),
        Command::Erlang(args) => cmd::erlang::run(args),
        Command::Simulate(args) => cmd::simulate::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("shiftcast: error: {e}");
            ExitCode::FAILURE
        }
    }
}
