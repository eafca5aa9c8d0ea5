//! The readers on broken input, generated: a small valid scenario folder (scenario, history,
//! staff, availability, preferences, requirements) with one file mutated at random (characters swapped for ones that break
//! parsers, lines cut, doubled or swapped, odd values spliced in), read the way `shiftcast plan`
//! reads it. Whatever the mutation, reading ends with inputs or an error naming a place: never
//! a panic, never an error without a place. Fixed seeds, so CI runs the same cases each time.

use std::path::Path;

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use shiftcast::{Error, Inputs, Overrides};

mod common;
use common::{small_history, SMALL_SCENARIO};

/// The small scenario with the availability and preferences files, a meal break on its shift,
/// an event and a phase.
fn scenario_text() -> String {
    let scenario = SMALL_SCENARIO.replace(
        "file = \"staff.csv\"",
        "file = \"staff.csv\"\navailability = \"availability.csv\"\npreferences = \"preferences.csv\"",
    );
    format!("{scenario}{EXTRA}")
}

const EXTRA: &str = r#"breaks = [{ name = "meal", minutes = 60, earliest_after_hours = 3, latest_after_hours = 5 }]
[[events]]
name = "double11"
start = "2026-11-10T20:00"
hours = 2
target_orders = 300
service_share = 0.4
conversion_rate = 0.5
presale_queue = "presale"
aftersale_queue = "presale"
aftersale_contact_rate = 0.1
aftersale_lag = [1.0]
curve = [0.6, 0.4]
[[phases]]
name = "main"
start = "2026-11-10T08:00"
end = "2026-11-10T12:00"
queues = ["presale"]
may = ["main", "part-time"]
"#;

const STAFF: &str =
    "name,group,skills,available,days_off,max_hours_per_day,max_hours_per_week,max_days_in_row\n\
Li Wei,main,presale,00:00-24:00,,8,40,5\n\
Wang Fang,backup,presale,08:00-22:00,2026-11-10,8,40,\n";

/// Windows on dates: two for one day, one past midnight, a day off.
const AVAILABILITY: &str = "name,date,from,to\n\
Li Wei,2026-11-10,08:00,12:00\n\
Li Wei,2026-11-10,18:00,02:00\n\
Wang Fang,2026-11-11,unavailable,\n";

const PREFERENCES: &str = "name,date,from,to,weight\n\
Li Wei,2026-11-10,08:00,12:00,2\n\
Wang Fang,2026-11-10,22:00,06:00,-1.5\n";

/// Agents required for every hour of the horizon.
fn requirements() -> String {
    let mut text = String::from("timestamp,queue,agents\n");
    for hour in 0..24 {
        text += &format!("2026-11-10T{hour:02}:00,presale,{}\n", 1 + hour % 4);
    }
    text
}

/// Pieces that break parsers: separators, quotes, signs, huge and odd numbers, times off the
/// grid, a byte-order mark, non-ASCII, empty.
const SPLICES: &[&str] = &[
    ",",
    "\"",
    "'",
    "=",
    "[",
    "]",
    "{",
    "}",
    "\n",
    "-",
    "-1",
    "0",
    "1e308",
    "NaN",
    "inf",
    "3.5",
    "99999999999",
    "24:00",
    "25:61",
    "2026-02-30T00:00",
    "T",
    ":",
    "\u{feff}",
    "售前",
    "",
    " ",
    "part-time",
    "presale",
    "#",
];

/// One edit to a text: at a char position, replace a run of chars with a splice, cut a line,
/// double a line, or swap two lines.
#[derive(Debug, Clone)]
enum Edit {
    Splice { at: usize, cut: usize, with: usize },
    CutLine(usize),
    DoubleLine(usize),
    SwapLines(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 0..6usize, 0..SPLICES.len()).prop_map(|(at, cut, with)| Edit::Splice {
            at,
            cut,
            with
        }),
        any::<usize>().prop_map(Edit::CutLine),
        any::<usize>().prop_map(Edit::DoubleLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
    ]
}

fn apply(text: &str, edit: &Edit) -> String {
    let mut lines: Vec<&str> = text.lines().collect();
    let n = lines.len();
    match *edit {
        Edit::Splice { at, cut, with } => {
            let chars: Vec<char> = text.chars().collect();
            let at = at % (chars.len() + 1);
            let end = (at + cut).min(chars.len());
            let mut out: String = chars[..at].iter().collect();
            out += SPLICES[with];
            out.extend(&chars[end..]);
            return out;
        }
        Edit::CutLine(k) => {
            lines.remove(k % n);
        }
        Edit::DoubleLine(k) => lines.insert(k % n, lines[k % n]),
        Edit::SwapLines(a, b) => lines.swap(a % n, b % n),
    }
    lines.join("\n") + "\n"
}

/// Writes the folder (with `edits` applied to file number `which`) and reads it.
fn read_mutated(dir: &Path, given: bool, which: usize, edits: &[Edit]) -> shiftcast::Result<()> {
    let scenario = if given {
        scenario_text().replace(
            "[history]\nfile = \"history.csv\"",
            "[requirements]\nfile = \"requirements.csv\"",
        )
    } else {
        scenario_text()
    };
    let mut files = [
        ("scenario.toml", scenario),
        ("staff.csv", STAFF.to_string()),
        ("history.csv", small_history("presale")),
        ("requirements.csv", requirements()),
        ("availability.csv", AVAILABILITY.to_string()),
        ("preferences.csv", PREFERENCES.to_string()),
    ];
    for e in edits {
        files[which].1 = apply(&files[which].1, e);
    }
    for (name, text) in &files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let inputs = Inputs::read(&dir.join("scenario.toml"), &Overrides::default())?;
    // The forecast and staffing read what the readers let through: run them too (no solve).
    shiftcast::requirements(&inputs, &mut |_| {})?;
    Ok(())
}

#[test]
fn mutated_inputs_are_read_or_refused_with_a_place() {
    let dir = tempfile::tempdir().unwrap();
    let config = Config {
        cases: 400,
        failure_persistence: None,
        ..Config::default()
    };
    let seed = [7u8; 32];
    let mut runner =
        TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &seed));
    let case = (
        any::<bool>(),
        0..6usize,
        prop::collection::vec(edit(), 1..4),
    );
    let refused = std::cell::Cell::new(0);
    runner
        .run(&case, |(given, which, edits)| {
            match read_mutated(dir.path(), given, which, &edits) {
                Ok(()) => {}
                Err(Error::Input {
                    place,
                    problem,
                    fix,
                }) => {
                    prop_assert!(!place.is_empty() && !problem.is_empty() && !fix.is_empty());
                    refused.set(refused.get() + 1);
                }
                Err(other) => prop_assert!(false, "an error without a place: {other}"),
            }
            Ok(())
        })
        .unwrap();
    // The mutations do break things: most cases must be refused, not silently read.
    let refused = refused.get();
    assert!(refused > 100, "only {refused} of 400 refused");
}
