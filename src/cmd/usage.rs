//! Command-line mistakes clap finds before a command runs (an unknown option, a missing file
//! name, a value a flag does not take) as shiftcast's own errors under `--lang zh`, so they read
//! in Chinese like every other error. In English clap's message, with its usage line, stands.

use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use shiftcast::labels::Lang;
use shiftcast::Error;

/// What every usage error may add: where to see what a command takes.
const SEE_HELP: &str =
    "run shiftcast --help for the commands, or shiftcast COMMAND --help for a command's options";

/// Ends the run for clap's error `e`: in Chinese as our error (exit code 2, as clap's), else as
/// clap prints it (help and version too).
pub fn refuse(e: clap::Error) -> ExitCode {
    match (asked_language(std::env::args()), as_input_error(&e)) {
        (Lang::Zh, Some(error)) => {
            eprintln!(
                "shiftcast: {}: {}",
                Lang::Zh.t("error"),
                error.text(Lang::Zh)
            );
            ExitCode::from(2)
        }
        _ => e.exit(),
    }
}

/// The language asked for before the arguments could be read: `--lang X` or `--lang=X`
/// anywhere, else the environment's.
fn asked_language(args: impl Iterator<Item = String>) -> Lang {
    let args: Vec<String> = args.collect();
    let value = args.iter().enumerate().find_map(|(i, a)| match a.as_str() {
        "--lang" => args.get(i + 1).map(String::as_str),
        _ => a.strip_prefix("--lang="),
    });
    value.and_then(Lang::parse).unwrap_or_else(Lang::from_env)
}

/// clap's error as an input error naming the option or argument; None for help, version and
/// the rare kinds left to clap.
fn as_input_error(e: &clap::Error) -> Option<Error> {
    let context = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        _ => String::new(),
    };
    let arg = context(ContextKind::InvalidArg);
    let value = context(ContextKind::InvalidValue);
    let error = match e.kind() {
        ErrorKind::UnknownArgument => match e.get(ContextKind::SuggestedArg) {
            Some(_) => Error::input(
                arg,
                "there is no such option",
                format!("did you mean {}?", context(ContextKind::SuggestedArg)),
            ),
            None => Error::input(arg, "there is no such option or argument", SEE_HELP),
        },
        ErrorKind::InvalidSubcommand => Error::input(
            context(ContextKind::InvalidSubcommand),
            "there is no such command",
            match e.get(ContextKind::SuggestedSubcommand) {
                Some(_) => format!(
                    "did you mean {}?",
                    context(ContextKind::SuggestedSubcommand)
                ),
                None => SEE_HELP.to_string(),
            },
        ),
        ErrorKind::MissingRequiredArgument => Error::input(arg, "missing", SEE_HELP),
        ErrorKind::InvalidValue if value.is_empty() => {
            Error::input(arg, "the option needs a value", SEE_HELP)
        }
        ErrorKind::InvalidValue => Error::input(
            arg,
            format!("\"{value}\" is not a value it takes"),
            format!("use one of {}", context(ContextKind::ValidValue)),
        ),
        // Our own value parsers say what is wrong and what to give (`super::whole`).
        ErrorKind::ValueValidation => Error::input(
            arg,
            std::error::Error::source(e).map_or(value, |s| s.to_string()),
            SEE_HELP,
        ),
        ErrorKind::ArgumentConflict => Error::input(
            arg,
            format!("cannot be used with {}", context(ContextKind::PriorArg)),
            "give one of them",
        ),
        _ => return None,
    };
    Some(error)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(text: &str) -> impl Iterator<Item = String> + '_ {
        text.split_whitespace().map(String::from)
    }

    #[test]
    fn the_language_is_read_before_the_arguments_are() {
        assert_eq!(asked_language(args("shiftcast plan x --lang zh")), Lang::Zh);
        assert_eq!(asked_language(args("shiftcast --lang=cn plan")), Lang::Zh);
        assert_eq!(asked_language(args("shiftcast plan --lang en")), Lang::En);
    }
}
