//! Sentences the library writes in English for people (errors with their fix, warnings,
//! forecast notes, reasons for short hours and missed duties) and their Chinese, in one
//! catalogue of templates: `{}` stands for a value (number, name, key, file, flag) that stays
//! as it is. [`Lang::message`] finds the template an English message was made from and fills
//! its Chinese; a message no template matches stays as it is. Machine-read files (summary.json)
//! keep the English, so call sites build English and translate only where people read it.

use std::sync::OnceLock;

use super::Lang;

#[cfg(test)]
mod completeness;
mod forecast;
mod inputs;
mod places;
mod reasons;
mod runs;
mod scenario;

impl Lang {
    /// `text` (an English message from the library) in this language: in Chinese, the
    /// catalogue's sentence with the values put back (and translated, where a value is itself
    /// a sentence the catalogue knows); unknown text comes back as it is.
    pub fn message(self, text: &str) -> String {
        match self {
            Lang::En => text.to_string(),
            Lang::Zh => chinese(text),
        }
    }
}

/// One English template split at its `{}` and the Chinese to fill.
struct Template {
    /// The English text between the placeholders (one more part than placeholders).
    parts: Vec<&'static str>,
    /// The Chinese, with `{}` (the next value) or `{0}`..`{9}` (a value by its place in the
    /// English); `{t}` or `{0t}` puts the value in as a label ([`Lang::t`]), `{l}` or `{0l}` a
    /// list joined with 、.
    zh: &'static str,
}

/// Every template, the longest English text first, so a specific sentence wins over a short
/// one it contains (`"{}: {}"` comes last).
fn templates() -> &'static [Template] {
    static TEMPLATES: OnceLock<Vec<Template>> = OnceLock::new();
    TEMPLATES.get_or_init(|| {
        let mut all: Vec<Template> = [
            places::PLACES,
            inputs::INPUTS,
            scenario::SCENARIO,
            runs::RUNS,
            forecast::FORECAST,
            reasons::REASONS,
        ]
        .concat()
        .into_iter()
        .map(|(en, zh)| Template {
            parts: en.split("{}").collect(),
            zh,
        })
        .collect();
        all.sort_by_key(|t| std::cmp::Reverse(t.parts.iter().map(|p| p.len()).sum::<usize>()));
        all
    })
}

/// The Chinese of `text`, or `text` when no template matches.
fn chinese(text: &str) -> String {
    templates()
        .iter()
        .find_map(|t| {
            let values = capture(&t.parts, text)?;
            Some(fill(t.zh, &values))
        })
        .unwrap_or_else(|| text.to_string())
}

/// The values in `text` where `parts` has its placeholders, if `text` is made from `parts`;
/// each value as short as it can be (the first place the next part fits).
fn capture<'a>(parts: &[&str], text: &'a str) -> Option<Vec<&'a str>> {
    let (first, rest) = parts.split_first()?;
    let mut values = Vec::new();
    text.strip_prefix(first)
        .filter(|after| values_in(rest, after, &mut values))
        .map(|_| values)
}

/// Fills `values` from `text`, one value before each of `parts`; true when `text` is made so.
fn values_in<'a>(parts: &[&str], text: &'a str, values: &mut Vec<&'a str>) -> bool {
    let Some((part, rest)) = parts.split_first() else {
        return text.is_empty();
    };
    if rest.is_empty() {
        return match text.strip_suffix(part) {
            Some(value) => {
                values.push(value);
                true
            }
            None => false,
        };
    }
    for (at, _) in text.match_indices(part) {
        values.push(&text[..at]);
        if values_in(rest, &text[at + part.len()..], values) {
            return true;
        }
        values.pop();
    }
    false
}

/// `zh` with its placeholders replaced by `values`, each in Chinese where the catalogue knows
/// it (a reason inside a reason, the name of a file kind).
fn fill(zh: &str, values: &[&str]) -> String {
    let mut out = String::new();
    let mut next = 0;
    let mut rest = zh;
    while let Some(open) = rest.find('{') {
        out += &rest[..open];
        let after = &rest[open + 1..];
        let Some((inside, tail)) = after
            .split_once('}')
            .filter(|(inside, _)| placeholder(inside).is_some())
        else {
            out.push('{');
            rest = after;
            continue;
        };
        let index = placeholder(inside).flatten().unwrap_or_else(|| {
            next += 1;
            next - 1
        });
        out += &values
            .get(index)
            .map_or_else(String::new, |v| match inside.chars().last() {
                Some('t') => Lang::Zh.t(v),
                Some('l') => v.replace(", ", "、"),
                _ => chinese(v),
            });
        rest = tail;
    }
    out + rest
}

/// What is inside a placeholder's braces: nothing or `2` (the value's place in the English),
/// with `t` after it for the value as a label (a queue the labels know reads 售前) or `l` for a
/// list joined with 、. None for braces that are text (`{ low = 1 }`); Some(None) for the next
/// value.
fn placeholder(inside: &str) -> Option<Option<usize>> {
    let number = inside.strip_suffix(['t', 'l']).unwrap_or(inside);
    number
        .chars()
        .all(|c| c.is_ascii_digit())
        .then(|| number.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_filled_with_its_values_and_unknown_text_stays() {
        assert_eq!(
            Lang::Zh.message("staff.csv: line 3, column 2 (group)"),
            "staff.csv：第 3 行第 2 列（group）"
        );
        assert_eq!(
            Lang::Zh.message("no such message here"),
            "no such message here"
        );
        assert_eq!(
            Lang::En.message("staff.csv: line 3, column 2 (group)"),
            "staff.csv: line 3, column 2 (group)"
        );
    }
}
