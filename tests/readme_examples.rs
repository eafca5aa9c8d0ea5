//! The README's example output is the real output: every block that starts with `$ shiftcast`
//! commands is run (the plan folder in a temporary folder) and each line it shows, in order,
//! must be a line the last command prints ("..." stands for lines left out); each block after
//! "Part of `FILE`" must hold lines of that file of the example's plan folder. `parttimers`,
//! `compare` and `backtest` take from 15 s to minutes each and are left to their own tests.

use std::path::Path;

mod common;

/// Commands quick enough to run here, by subcommand.
const CHECKED: [&str; 7] = [
    "plan", "simulate", "intraday", "review", "erlang", "forecast", "template",
];

/// Each fenced block of the README with the first line of the paragraph just before it.
fn blocks(readme: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let (mut before, mut blank) = (String::new(), true);
    let mut block: Option<Vec<String>> = None;
    for line in readme.lines() {
        match (&mut block, line.starts_with("```")) {
            (None, true) => block = Some(Vec::new()),
            (Some(lines), true) => {
                out.push((before.clone(), std::mem::take(lines)));
                block = None;
            }
            (Some(lines), false) => lines.push(line.to_string()),
            (None, false) if line.trim().is_empty() => blank = true,
            (None, false) => {
                if blank {
                    before = line.to_string();
                }
                blank = false;
            }
        }
    }
    out
}

/// Runs `command` (the words after `$ shiftcast`) with `out/...` in `dir`, so no example writes
/// into the repository; its stdout.
fn run(command: &str, dir: &Path) -> String {
    let words: Vec<String> = command
        .split_whitespace()
        .map(|w| match w.strip_prefix("out/") {
            Some(rest) => dir.join(rest).to_string_lossy().into_owned(),
            None => w.to_string(),
        })
        .map(|w| w.replace("week.csv", &dir.join("week.csv").to_string_lossy()))
        .collect();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_shiftcast"))
        .args(&words)
        .arg("--quiet")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{command}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .unwrap()
        .replace(&dir.to_string_lossy().to_string(), "out")
}

/// Whether `actual` is the line `shown`, where a "..." inside it stands for any text.
fn same_line(shown: &str, actual: &str) -> bool {
    let parts: Vec<&str> = shown.split("...").collect();
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if parts.len() == 1 {
        return shown == actual;
    }
    if !actual.starts_with(first) || !actual[first.len()..].ends_with(last) {
        return false;
    }
    let mut rest = &actual[first.len()..actual.len() - last.len()];
    for part in &parts[1..parts.len() - 1] {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    true
}

/// Whether `shown` (with "..." for lines left out) are lines of `actual`, in order.
fn shows(shown: &[String], actual: &str) -> Result<(), String> {
    let mut lines = actual.lines();
    for line in shown.iter().filter(|l| l.trim() != "...") {
        if !lines.any(|a| same_line(line, a)) {
            return Err(format!(
                "not printed (or out of order): {line}\n--- printed:\n{actual}"
            ));
        }
    }
    Ok(())
}

#[test]
fn every_example_output_in_the_readme_is_what_the_commands_print() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (mut commands_checked, mut files_checked) = (0, 0);
    for (before, lines) in blocks(&readme) {
        let commands: Vec<&str> = lines
            .iter()
            .map_while(|l| l.strip_prefix("$ shiftcast "))
            .collect();
        if let Some(last) = commands.last() {
            let sub = last.split_whitespace().next().unwrap_or("");
            if !CHECKED.contains(&sub) {
                continue;
            }
            // A command continued on the next line ends in `\`: left to its own test.
            if lines.iter().any(|l| l.ends_with('\\')) {
                continue;
            }
            let mut printed = String::new();
            for command in &commands {
                printed = run(command, dir.path());
            }
            if let Err(e) = shows(&lines[commands.len()..], &printed) {
                panic!("README block `$ shiftcast {last}`: {e}");
            }
            commands_checked += 1;
        } else if let Some(file) = before
            .strip_prefix("Part of `")
            .and_then(|rest| rest.split('`').next())
        {
            let path = dir.path().join("double11").join(file);
            if !path.exists() {
                run(
                    "plan data/double11/scenario.toml --out out/double11",
                    dir.path(),
                );
            }
            let written = std::fs::read_to_string(&path).unwrap();
            if let Err(e) = shows(&lines, &written) {
                panic!("README excerpt of {file}: {e}");
            }
            files_checked += 1;
        }
    }
    assert!(commands_checked >= 6, "only {commands_checked} blocks run");
    assert!(
        files_checked >= 2,
        "only {files_checked} file excerpts checked"
    );
}
