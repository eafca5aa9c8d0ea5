//! `--set KEY=VALUE`: edits to the scenario's TOML made before it is read and checked, so an
//! edited value meets the same checks, with the same messages, as one written in the file.
//!
//! A key is a dotted path: table keys (`costs.part_time_per_hour`), and in an array of tables
//! an element's position from 0 or its `name` (`events.0.target_orders`,
//! `queues.presale.handle_time_seconds`). Tables on the way that the file leaves out are made
//! (`forecast.method` in a file without `[forecast]`).

use toml::{Table, Value};

use super::{file, Scenario};
use crate::error::{Error, Result};

/// One `--set KEY=VALUE`: a dotted path into the scenario file and the value to put there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting {
    /// The dotted path as given, e.g. `queues.presale.handle_time_seconds`.
    pub key: String,
    /// The value as given: a TOML value (`150`, `true`, `"text"`, `[1, 2]`,
    /// `{ low = 1, mid = 2, high = 3 }`), or a bare word, taken as text.
    pub value: String,
}

impl Setting {
    /// Reads `KEY=VALUE`, as typed after `--set`.
    pub fn parse(text: &str) -> Result<Setting> {
        match text.split_once('=') {
            Some((key, value)) if !key.trim().is_empty() => Ok(Setting {
                key: key.trim().to_string(),
                value: value.trim().to_string(),
            }),
            _ => Err(Error::input(
                "--set",
                format!("\"{text}\" is not KEY=VALUE"),
                "write a dotted key, = and the value, e.g. --set costs.part_time_per_hour=40",
            )),
        }
    }

    /// How the flag was typed, naming it in errors.
    fn flag(&self) -> String {
        format!("--set {}={}", self.key, self.value)
    }

    /// The value as TOML. A date or time is kept as text, as the scenario writes them (in
    /// quotes); so is anything that is not one TOML value (`profile`, `2026-11-11T00:00`).
    fn toml_value(&self) -> Value {
        let text = Value::String(self.value.clone());
        match format!("v = {}", self.value).parse::<Table>() {
            Ok(mut table) if table.len() == 1 => match table.remove("v") {
                Some(Value::Datetime(_)) | None => text,
                Some(value) => value,
            },
            _ => text,
        }
    }

    /// Puts the value at the key in `doc`, making missing tables on the way. Returns the key as
    /// the scenario's checks name it (`queues[0].handle_time_seconds`).
    fn apply(&self, doc: &mut Value) -> Result<String> {
        let parts: Vec<&str> = self.key.split('.').map(str::trim).collect();
        if parts.iter().any(|p| p.is_empty()) {
            return Err(Error::input(
                self.flag(),
                format!("\"{}\" has an empty part between dots", self.key),
                "write the path with one dot between names, e.g. costs.part_time_per_hour",
            ));
        }
        let mut checked = String::new();
        let mut here = doc;
        for i in 0..parts.len() {
            let position_follows = parts.get(i + 1).is_some_and(|next| is_position(next));
            here = self.step(here, &parts[..=i], position_follows, &mut checked)?;
        }
        *here = self.toml_value();
        Ok(checked)
    }

    /// The value at the last of `path` inside `here` (its parent), made when it is a missing
    /// table entry and no position follows it. `checked` grows by the part in the checks' form.
    fn step<'a>(
        &self,
        here: &'a mut Value,
        path: &[&str],
        position_follows: bool,
        checked: &mut String,
    ) -> Result<&'a mut Value> {
        let part = path[path.len() - 1];
        let parent = path[..path.len() - 1].join(".");
        match here {
            Value::Table(table) => {
                if !table.contains_key(part) && position_follows {
                    let arrays: Vec<&str> = table
                        .iter()
                        .filter(|(_, v)| v.is_array())
                        .map(|(k, _)| k.as_str())
                        .collect();
                    return Err(Error::input(
                        self.flag(),
                        format!("the scenario has no {}", path.join(".")),
                        format!("--set changes the elements the file has ({}); check the spelling, or add the table to the scenario file", arrays.join(", ")),
                    ));
                }
                if !checked.is_empty() {
                    checked.push('.');
                }
                checked.push_str(part);
                Ok(table
                    .entry(part)
                    .or_insert_with(|| Value::Table(Table::new())))
            }
            Value::Array(items) => {
                let Some(index) = element(items, part) else {
                    return Err(Error::input(
                        self.flag(),
                        format!("{parent} has no element \"{part}\""),
                        choices(items),
                    ));
                };
                checked.push_str(&format!("[{index}]"));
                Ok(&mut items[index])
            }
            value => Err(Error::input(
                self.flag(),
                format!(
                    "{parent} is a single {} in the scenario, with nothing inside it",
                    value.type_str()
                ),
                format!("set {parent} itself, e.g. --set {parent}=..."),
            )),
        }
    }
}

/// Whether a part of a key is a position in an array (`0`, `12`).
fn is_position(part: &str) -> bool {
    part.bytes().all(|b| b.is_ascii_digit())
}

/// The element of an array a key part names: its position, or the table whose `name` it is.
fn element(items: &[Value], part: &str) -> Option<usize> {
    if is_position(part) {
        return part.parse().ok().filter(|&i| i < items.len());
    }
    items
        .iter()
        .position(|item| item.get("name").and_then(Value::as_str) == Some(part))
}

/// How to name an element of `items`: the positions it has, and the names of its tables.
fn choices(items: &[Value]) -> String {
    if items.is_empty() {
        return "it is empty: add the element to the scenario file".to_string();
    }
    let names: Vec<&str> = items
        .iter()
        .filter_map(|item| item.get("name").and_then(Value::as_str))
        .collect();
    let positions = match items.len() {
        1 => "the position 0".to_string(),
        n => format!("a position from 0 to {}", n - 1),
    };
    if names.is_empty() {
        format!("use {positions}")
    } else {
        format!("use {positions} or a name: {}", names.join(", "))
    }
}

impl Scenario {
    /// Parses and validates scenario TOML as [`Scenario::from_toml`] does, with `settings`
    /// put into it first, in order (a later one wins). A mistake in the file itself is reported
    /// at its line; one a setting brings names the `--set` flag.
    pub fn from_toml_with(text: &str, file: &str, settings: &[Setting]) -> Result<Scenario> {
        if settings.is_empty() {
            return Scenario::from_toml(text, file);
        }
        file::parse(text, file)?;
        let original = Value::Table(text.parse::<Table>().map_err(|e| {
            Error::input(
                file,
                e.message().trim(),
                "see the scenario format in the README",
            )
        })?);
        let mut doc = original.clone();
        let mut checked = Vec::new();
        for setting in settings {
            checked.push(setting.apply(&mut doc)?);
        }
        let edited = render(&doc)?;
        if file::parse(&edited, file).is_err() {
            return Err(first_unreadable(original, file, settings));
        }
        Scenario::from_toml(&edited, file).map_err(|e| name_setting(e, file, settings, &checked))
    }
}

/// The edited document as TOML text.
fn render(doc: &Value) -> Result<String> {
    toml::to_string(doc).map_err(|e| {
        Error::input(
            "--set",
            format!("the edited scenario cannot be written as TOML: {e}"),
            "give each --set a value of the kind the scenario file has there",
        )
    })
}

/// The reader's error for the first setting after which the file no longer reads (a key the
/// table does not have, a value of the wrong type), naming that setting: its line in the
/// edited text would mean nothing to the reader. A key the table does not have is to be
/// spelled as one the reader lists.
fn first_unreadable(mut doc: Value, file: &str, settings: &[Setting]) -> Error {
    for setting in settings {
        let problem = setting
            .apply(&mut doc)
            .and_then(|_| render(&doc))
            .and_then(|text| file::parse(&text, file).map(|_| ()));
        match problem {
            Ok(()) => {}
            Err(Error::Input { problem, fix, .. }) => {
                let fix = if problem.starts_with("unknown field") {
                    "spell that part of the key as one of the names listed".into()
                } else {
                    fix
                };
                return Error::input(setting.flag(), problem, fix);
            }
            Err(e) => return e,
        }
    }
    Error::input(
        "--set",
        "the edited scenario does not read",
        "check each --set against the scenario format in the README",
    )
}

/// A check's error on the edited scenario, naming the `--set` whose key (or a key inside it)
/// the check names, else every `--set` with the file.
fn name_setting(error: Error, file: &str, settings: &[Setting], checked: &[String]) -> Error {
    let Error::Input {
        place,
        problem,
        fix,
    } = error
    else {
        return error;
    };
    let Some(key) = place.strip_prefix(&format!("{file}: ")) else {
        return Error::Input {
            place,
            problem,
            fix,
        };
    };
    let inside = |at: &String| {
        key.strip_prefix(at.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
    };
    let place = match settings
        .iter()
        .zip(checked)
        .rev()
        .find(|(_, at)| inside(at))
    {
        Some((setting, _)) if setting.key == key => setting.flag(),
        Some((setting, _)) => format!("{} ({key})", setting.flag()),
        None => {
            let flags: Vec<String> = settings.iter().map(Setting::flag).collect();
            format!("{file} with {}: {key}", flags.join(" "))
        }
    };
    Error::input(place, problem, fix)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> Value {
        Setting::parse(&format!("a.b={text}")).unwrap().toml_value()
    }

    #[test]
    fn a_value_is_toml_else_text_and_dates_stay_text() {
        assert_eq!(value("150"), Value::Integer(150));
        assert_eq!(value(" 0.5 "), Value::Float(0.5));
        assert_eq!(value("true"), Value::Boolean(true));
        assert_eq!(value("profile"), Value::String("profile".into()));
        assert_eq!(value("\"2024\""), Value::String("2024".into()));
        assert_eq!(value("18:00-24:00"), Value::String("18:00-24:00".into()));
        assert_eq!(
            value("2026-11-11T00:00:00"),
            Value::String("2026-11-11T00:00:00".into())
        );
        let range = value("{ low = 1, mid = 2, high = 3 }");
        assert_eq!(range.get("mid"), Some(&Value::Integer(2)));
        assert_eq!(value("[4, 5]").as_array().map(Vec::len), Some(2));
        assert_eq!(value("1\nc = 2"), Value::String("1\nc = 2".into()));
    }

    #[test]
    fn a_key_is_made_where_missing_and_names_elements_by_position_or_name() {
        let mut doc = Value::Table(
            "[[queues]]\nname = \"presale\"\n[[queues]]\nname = \"vip\""
                .parse::<Table>()
                .unwrap(),
        );
        let set = |text: &str, doc: &mut Value| Setting::parse(text).unwrap().apply(doc);
        assert_eq!(
            set("queues.vip.shrinkage=0.2", &mut doc).unwrap(),
            "queues[1].shrinkage"
        );
        assert_eq!(
            set("queues.0.shrinkage=0.1", &mut doc).unwrap(),
            "queues[0].shrinkage"
        );
        assert_eq!(set("value.margin=0.3", &mut doc).unwrap(), "value.margin");
        assert_eq!(doc["queues"][1]["shrinkage"], Value::Float(0.2));
        assert_eq!(doc["value"]["margin"], Value::Float(0.3));
        let error = set("queues.2.shrinkage=0.1", &mut doc)
            .unwrap_err()
            .to_string();
        assert_eq!(
            error,
            "--set queues.2.shrinkage=0.1: queues has no element \"2\". use a position from 0 to 1 or a name: presale, vip"
        );
    }
}
