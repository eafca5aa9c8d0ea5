//! The catalogue is complete: every sentence in src/ that becomes an error's place, problem or
//! fix, a warning, a forecast note or a reason for short hours has its Chinese. The test reads
//! the source text, so a new message without Chinese fails it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::{placeholder, templates};

/// A piece of Rust source: a string literal's text (escapes read) or any other token.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    Text(String),
    Word(String),
    Mark(char),
}

/// The tokens of `code`, comments left out.
fn tokens(code: &str) -> Vec<Token> {
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied().unwrap_or(' ');
        if c == '/' && next == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == '*' {
            while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                i += 1;
            }
            i += 2;
        } else if c == '"' {
            let (text, end) = quoted(&chars, i + 1);
            out.push(Token::Text(text));
            i = end;
        } else if c == 'r' && (next == '"' || next == '#') && !after_word(&chars, i) {
            let hashes = chars[i + 1..].iter().take_while(|&&h| h == '#').count();
            let start = i + 1 + hashes + 1;
            let close: String = std::iter::once('"')
                .chain("#".repeat(hashes).chars())
                .collect();
            let rest: String = chars[start..].iter().collect();
            let len = rest.find(&close).unwrap_or(rest.len());
            out.push(Token::Text(rest[..len].to_string()));
            i = start + rest[..len].chars().count() + close.chars().count();
        } else if c == '\'' {
            // A char literal ('x', '\n', '"') or a lifetime ('a).
            i += match (next, chars.get(i + 2)) {
                ('\\', _) => 2 + chars[i + 2..].iter().position(|&q| q == '\'').unwrap_or(0) + 1,
                (_, Some('\'')) => 3,
                _ => 1,
            };
        } else if c.is_alphanumeric() || c == '_' {
            let word: String = chars[i..]
                .iter()
                .take_while(|w| w.is_alphanumeric() || **w == '_')
                .collect();
            i += word.chars().count();
            out.push(Token::Word(word));
        } else {
            if !c.is_whitespace() {
                out.push(Token::Mark(c));
            }
            i += 1;
        }
    }
    out
}

/// Whether `chars[i]` continues a word (the `r` of `for` is not a raw string).
fn after_word(chars: &[char], i: usize) -> bool {
    i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')
}

/// A string literal's text from `start` (after the quote) and the index after its end.
fn quoted(chars: &[char], start: usize) -> (String, usize) {
    let mut text = String::new();
    let mut i = start;
    while i < chars.len() && chars[i] != '"' {
        if chars[i] == '\\' {
            i += 1;
            match chars[i] {
                'n' => text.push('\n'),
                't' => text.push('\t'),
                '\n' => {
                    while chars[i + 1].is_whitespace() {
                        i += 1;
                    }
                }
                other => text.push(other),
            }
        } else {
            text.push(chars[i]);
        }
        i += 1;
    }
    (text, i + 1)
}

/// A format string as a catalogue template: each `{…}` becomes `{}`.
fn template(format: &str) -> String {
    let mut out = String::new();
    let mut chars = format.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('{', Some('{')) | ('}', Some('}')) => {
                chars.next();
                out.push(c);
            }
            ('{', _) => {
                for d in chars.by_ref() {
                    if d == '}' {
                        break;
                    }
                }
                out += "{}";
            }
            _ => out.push(c),
        }
    }
    out
}

/// The arguments of each call to `name` (a path such as `Error::input`, `warnings.push` or a
/// function name), as token ranges split at top-level commas.
fn calls<'a>(tokens: &'a [Token], name: &str) -> Vec<Vec<&'a [Token]>> {
    let path: Vec<Token> = name
        .replace("::", ":")
        .split_inclusive([':', '.'])
        .flat_map(|segment| match segment.strip_suffix([':', '.']) {
            Some(word) if segment.ends_with(':') => {
                vec![Token::Word(word.into()), Token::Mark(':'), Token::Mark(':')]
            }
            Some(word) => vec![Token::Word(word.into()), Token::Mark('.')],
            None => vec![Token::Word(segment.into())],
        })
        .collect();
    let mut found = Vec::new();
    for start in 0..tokens.len() {
        let at = start + path.len();
        let fits = tokens[start..].starts_with(&path);
        // Not the definition (`fn name(`) and the call's own parenthesis.
        let defined =
            start > 0 && [Token::Word("fn".into()), Token::Mark('[')].contains(&tokens[start - 1]);
        if !fits || defined || tokens.get(at) != Some(&Token::Mark('(')) {
            continue;
        }
        let (mut depth, mut args, mut from) = (0, Vec::new(), at + 1);
        for (k, token) in tokens.iter().enumerate().skip(at) {
            match token {
                Token::Mark('(' | '[' | '{') => depth += 1,
                Token::Mark(')' | ']' | '}') => depth -= 1,
                Token::Mark(',') if depth == 1 => {
                    args.push(&tokens[from..k]);
                    from = k + 1;
                }
                _ => {}
            }
            if depth == 0 {
                args.push(&tokens[from..k]);
                break;
            }
        }
        found.push(args);
    }
    found
}

/// The sentences an argument can hold: its string literals (a `format!`'s format string among
/// them), those of a `let` or `const` a bare name or a format string's `{name}` takes its
/// value from (a name from `file`, a constant from anywhere in `everywhere`).
fn sentences(arg: &[Token], file: &[Token], everywhere: &[Token]) -> Vec<String> {
    if let [Token::Word(name)] = arg {
        let source = if name.chars().all(|c| c.is_ascii_uppercase() || c == '_') {
            everywhere
        } else {
            file
        };
        return definition(name, source)
            .iter()
            .flat_map(|value| sentences(value, &[], everywhere))
            .collect();
    }
    let mut out = Vec::new();
    for (k, token) in arg.iter().enumerate() {
        // Skip the text of `.format("%H:%M")`, `.join(", ")` and the like.
        let method_arg = k >= 2
            && arg[k - 1] == Token::Mark('(')
            && matches!(&arg[k - 2], Token::Word(w) if w != "format");
        let formatted = k >= 3
            && arg[k - 1] == Token::Mark('(')
            && arg[k - 2] == Token::Mark('!')
            && arg[k - 3] == Token::Word("format".into());
        if let (Token::Text(text), false) = (token, method_arg) {
            if formatted {
                out.push(template(text));
                for name in inline_names(text) {
                    out.extend(sentences(&[Token::Word(name)], file, everywhere));
                }
            } else {
                out.push(text.clone());
            }
        }
    }
    out
}

/// The names a format string puts in inline, e.g. `how` in `"runs {start}, {how}"`.
fn inline_names(format: &str) -> Vec<String> {
    format
        .split('{')
        .skip(1)
        .filter_map(|after| {
            let name: String = after
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let starts_word = name.chars().next().is_some_and(|c| c.is_alphabetic());
            starts_word.then_some(name)
        })
        .collect()
}

/// The tokens after `let name =` or `const name: … =` up to the `;`.
fn definition<'a>(name: &str, file: &'a [Token]) -> Vec<&'a [Token]> {
    let mut found = Vec::new();
    for (k, token) in file.iter().enumerate() {
        let introduced = k > 0
            && *token == Token::Word(name.to_string())
            && matches!(&file[k - 1], Token::Word(w) if w == "let" || w == "const");
        if !introduced {
            continue;
        }
        let Some(eq) = file[k..].iter().position(|t| *t == Token::Mark('=')) else {
            continue;
        };
        let end = file[k + eq..]
            .iter()
            .position(|t| *t == Token::Mark(';'))
            .map_or(file.len(), |e| k + eq + e);
        found.push(&file[k + eq + 1..end]);
    }
    found
}

/// Calls whose arguments become an error's place, problem and fix, or a warning, note or
/// reason: `Error::input` and the helpers that pass their texts on to it.
const CALLS: &[&str] = &[
    "Error::input",
    "check_load",
    "fail",
    "bad",
    "error",
    "optional_error",
    "warnings.push",
    "notes.push",
    "time_limit_reason",
    "read_text",
    "read_table",
    "read_rows",
    "week_hours",
    "custom",
];

/// Files whose every `format!` with words is a message (reasons, forecast notes, warnings).
const ALL_FORMATS: &[&str] = &[
    "schedule/explain.rs",
    "forecast/events.rs",
    "forecast/calibration.rs",
    "forecast/models.rs",
    "forecast/series/closed.rs",
    "input/checks.rs",
    "src/plan.rs",
];

/// Every `.rs` file under `dir`, its folders walked one after another.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let (mut files, mut folders) = (Vec::new(), vec![dir.to_path_buf()]);
    while let Some(folder) = folders.pop() {
        for path in std::fs::read_dir(folder)
            .unwrap()
            .map(|e| e.unwrap().path())
        {
            match path.extension() {
                _ if path.is_dir() => folders.push(path),
                Some(ext) if ext == "rs" => files.push(path),
                _ => {}
            }
        }
    }
    files
}

/// Whether `sentence` holds an English word, not only values, keys, flags and file names (a
/// single word is a column or key name, which stays English).
fn has_words(sentence: &str) -> bool {
    // "e.g." is a word, though it has dots like a key.
    let sentence = sentence.replace("e.g.", "eg");
    let words: Vec<&str> = sentence.split_whitespace().collect();
    words.len() > 1
        && words.iter().any(|word| {
            let key = word.contains(['_', '.', '[', '=', '/', '`', '{', '%'])
                || word.starts_with('-')
                || *word == "shiftcast";
            let letters = word.chars().filter(char::is_ascii_lowercase).count();
            !key && letters >= 2
        })
}

/// Every sentence in src/ that people read as an error, warning, note or reason.
fn sentences_in_src() -> BTreeSet<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files: Vec<(PathBuf, Vec<Token>)> = rust_files(&src)
        .into_iter()
        .map(|file| {
            let text = std::fs::read_to_string(&file).unwrap();
            let code = tokens(text.split("#[cfg(test)]\nmod tests {").next().unwrap());
            (file, code)
        })
        .collect();
    let everywhere: Vec<Token> = files
        .iter()
        .flat_map(|(_, code)| code.iter().cloned())
        .collect();
    let mut all = BTreeSet::new();
    for (file, code) in &files {
        for call in CALLS {
            for args in calls(code, call) {
                for arg in args {
                    all.extend(
                        sentences(arg, code, &everywhere)
                            .into_iter()
                            .filter(|s| has_words(s)),
                    );
                }
            }
        }
        if ALL_FORMATS.iter().any(|f| file.ends_with(f)) {
            for (k, token) in code.iter().enumerate().skip(3) {
                if let (Token::Text(text), Token::Word(w)) = (token, &code[k - 3]) {
                    if w == "format" {
                        let mut found = vec![template(text)];
                        for name in inline_names(text) {
                            found.extend(sentences(&[Token::Word(name)], code, &everywhere));
                        }
                        all.extend(found.into_iter().filter(|s| has_words(s)));
                    }
                }
            }
        }
    }
    all
}

#[test]
fn every_message_in_src_has_its_chinese() {
    let known: BTreeSet<String> = templates().iter().map(|t| t.parts.join("{}")).collect();
    let missing: Vec<String> = sentences_in_src()
        .into_iter()
        // A piece such as `{} to {}` is covered by the sentences that spell it out.
        .filter(|s| !known.iter().any(|k| k.contains(s.as_str())))
        .collect();
    assert!(
        missing.is_empty(),
        "{} messages without Chinese:\n{}",
        missing.len(),
        missing.join("\n")
    );
}

#[test]
fn every_chinese_template_takes_each_value_once() {
    for t in templates() {
        let english = t.parts.join("{}");
        let inside =
            t.zh.split('{')
                .skip(1)
                .filter_map(|after| after.split_once('}'));
        let places: Vec<Option<usize>> = inside.filter_map(|(p, _)| placeholder(p)).collect();
        let mut taken: Vec<usize> = if places.iter().all(Option::is_none) {
            (0..places.len()).collect()
        } else {
            places.iter().map(|p| p.expect(&english)).collect()
        };
        taken.sort_unstable();
        assert_eq!(
            taken,
            (0..t.parts.len() - 1).collect::<Vec<_>>(),
            "{english}"
        );
        assert!(t.parts.iter().any(|p| !p.is_empty()), "{english}");
    }
}
