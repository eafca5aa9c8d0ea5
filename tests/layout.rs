//! The layout's promises, checked on the source itself: the library's modules import each
//! other without a circle, every file in src/ opens with a `//!` saying what it holds, and none
//! grows past about 600 lines (a newcomer reads the design from the file list).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, in name order.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Names the crate root re-exports (`pub use plan::{plan, Plan, ...}` in lib.rs), by module.
fn root_exports() -> BTreeMap<String, String> {
    let lib = std::fs::read_to_string(src().join("lib.rs")).unwrap();
    let mut exports = BTreeMap::new();
    for line in lib.lines() {
        let Some(rest) = line.strip_prefix("pub use ") else {
            continue;
        };
        let (module, names) = rest.split_once("::").unwrap();
        for name in names.trim_matches(|c| "{};".contains(c)).split(',') {
            exports.insert(name.trim().to_string(), module.to_string());
        }
    }
    exports
}

/// The library's top-level modules and the ones each names as `crate::name` (or through a
/// name the root re-exports), leaving out unit-test modules.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let exports = root_exports();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in rust_files(&src()) {
        let relative = file.strip_prefix(src()).unwrap();
        let top = relative.iter().next().unwrap().to_string_lossy();
        let top = top.trim_end_matches(".rs").to_string();
        // The binary (main.rs, cmd/) uses the library from outside; lib.rs only re-exports.
        if ["main", "cmd", "lib"].contains(&top.as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        let code = text.split("#[cfg(test)]\nmod tests {").next().unwrap();
        let uses = graph.entry(top.clone()).or_default();
        for (at, _) in code.match_indices("crate::") {
            let name: String = code[at + 7..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let module = exports.get(&name).cloned().unwrap_or(name);
            if module != top {
                uses.insert(module);
            }
        }
    }
    graph
}

/// A path of imports from `from` back to `to`, if there is one.
fn path_back(
    graph: &BTreeMap<String, BTreeSet<String>>,
    from: &str,
    to: &str,
    seen: &mut BTreeSet<String>,
) -> Option<Vec<String>> {
    for next in graph.get(from).into_iter().flatten() {
        if next == to {
            return Some(vec![from.to_string(), to.to_string()]);
        }
        if seen.insert(next.clone()) {
            if let Some(mut path) = path_back(graph, next, to, seen) {
                path.insert(0, from.to_string());
                return Some(path);
            }
        }
    }
    None
}

#[test]
fn no_import_circle_between_modules() {
    let graph = imports();
    assert!(
        graph["forecast"].contains("scenario"),
        "the check sees imports"
    );
    for module in graph.keys() {
        let circle = path_back(&graph, module, module, &mut BTreeSet::new());
        assert!(
            circle.is_none(),
            "import circle: {}",
            circle.unwrap().join(" -> ")
        );
    }
}

#[test]
fn every_source_file_says_what_it_holds_in_under_600_lines() {
    for file in rust_files(&src()) {
        let text = std::fs::read_to_string(&file).unwrap();
        let name = file.display();
        assert!(text.starts_with("//!"), "{name} opens without a //! line");
        let lines = text.lines().count();
        assert!(
            lines <= 600,
            "{name} has {lines} lines: split it by what changes together"
        );
    }
}
