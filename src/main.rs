//! The `shiftcast` command: parses arguments and dispatches to one file per subcommand.

mod cmd;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use shiftcast::labels::Lang;

/// Staffing forecast and shift scheduling for customer-service teams.
#[derive(Parser)]
#[command(name = "shiftcast", version)]
struct Cli {
    /// Language of the report, workbook and messages: zh or en (default: the scenario's
    /// [report] language, else the LANG environment variable)
    #[arg(long, global = true)]
    lang: Option<String>,
    /// No progress display on stderr
    #[arg(long, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    // Every command takes `-1` as a value (then refused with our message, naming the flag),
    // not as an unknown flag.
    #[command(allow_negative_numbers = true)]
    Plan(cmd::plan::Args),
    #[command(allow_negative_numbers = true)]
    Parttimers(cmd::parttimers::Args),
    #[command(allow_negative_numbers = true)]
    Forecast(cmd::forecast::Args),
    #[command(allow_negative_numbers = true)]
    Backtest(cmd::backtest::Args),
    #[command(allow_negative_numbers = true)]
    Erlang(cmd::erlang::Args),
    #[command(allow_negative_numbers = true)]
    Simulate(cmd::simulate::Args),
    #[command(allow_negative_numbers = true)]
    Compare(cmd::compare::Args),
    #[command(allow_negative_numbers = true)]
    Intraday(cmd::intraday::Args),
    #[command(allow_negative_numbers = true)]
    Review(cmd::review::Args),
    #[command(allow_negative_numbers = true)]
    Template(cmd::template::Args),
}

fn main() -> ExitCode {
    // The matches too, not only `Cli::parse()`: `compare` reads where its flags stand.
    let matches = match Cli::command().try_get_matches() {
        Ok(matches) => matches,
        Err(e) => return cmd::usage::refuse(e),
    };
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let lang = cli.lang.as_deref().map(Lang::parse);
    let global = cmd::Global {
        lang: lang.flatten(),
        quiet: cli.quiet,
    };
    let result = match (&cli.command, lang) {
        (_, Some(None)) => Err(shiftcast::Error::input(
            "--lang",
            format!(
                "\"{}\" is not a language shiftcast writes",
                cli.lang.unwrap_or_default()
            ),
            "use --lang zh (Chinese) or --lang en (English)",
        )),
        (Command::Plan(args), _) => cmd::plan::run(args, &global),
        (Command::Parttimers(args), _) => cmd::parttimers::run(args, &global),
        (Command::Forecast(args), _) => cmd::forecast::run(args, &global),
        (Command::Backtest(args), _) => cmd::backtest::run(args, &global),
        (Command::Erlang(args), _) => cmd::erlang::run(args, &global),
        (Command::Simulate(args), _) => cmd::simulate::run(args, &global),
        (Command::Intraday(args), _) => cmd::intraday::run(args, &global),
        (Command::Review(args), _) => cmd::review::run(args, &global),
        (Command::Template(args), _) => cmd::template::run(args, &global),
        (Command::Compare(args), _) => {
            let own = matches.subcommand_matches("compare").unwrap_or(&matches);
            cmd::compare::run(args, own, &global)
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if cmd::reader_went_away(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let lang = global.lang.unwrap_or_else(Lang::from_env);
            eprintln!("shiftcast: {}: {}", lang.t("error"), e.text(lang));
            ExitCode::FAILURE
        }
    }
}
