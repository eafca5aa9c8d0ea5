//! The one place that writes to disk: an output folder or file, replaced whole or not at all, and
//! never over a file shiftcast did not write.
//!
//! A plan folder carries a marker, `.shiftcast`, listing every file shiftcast wrote into it with
//! its size and checksum. `--out` accepts a folder that does not exist, an empty one, or one that
//! holds nothing but an earlier plan, unchanged, as its marker lists it; anything else is refused
//! before any work, naming the first file that is not shiftcast's.

use std::collections::BTreeMap;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The marker file in every plan folder: which files shiftcast wrote there.
pub const MARKER: &str = ".shiftcast";

/// The marker's first line; a `.shiftcast` file without it is not shiftcast's.
const MARKER_HEADER: &str =
    "shiftcast output folder: shiftcast wrote these files (name, bytes, checksum) and may replace them";

/// The fix every refused `--out` folder gets.
const CHOOSE_FOLDER: &str = "choose an empty or new folder for --out (shiftcast replaces a folder \
only when it holds nothing but an earlier plan it wrote)";

/// One file of the output folder, fully rendered in memory.
pub struct OutputFile {
    /// The file's name inside the folder, e.g. `summary.json`.
    pub name: String,
    /// The bytes to write.
    pub contents: Vec<u8>,
}

/// Checks that `dir` may be written as a plan folder: it does not exist, is empty, or holds only
/// an earlier plan shiftcast wrote, unchanged. Call it before any work; [`write_output_dir`]
/// checks again before it writes.
pub fn check_output_dir(dir: &Path) -> Result<()> {
    let place = || format!("--out {}", dir.display());
    let meta = match std::fs::symlink_metadata(dir) {
        Ok(meta) => meta,
        Err(e) => return check_can_create(dir, e),
    };
    if meta.file_type().is_symlink() {
        return Err(Error::input(
            place(),
            "is a link to another place, not a folder",
            "give the folder itself, or choose an empty or new folder for --out",
        ));
    }
    if !meta.is_dir() {
        return Err(Error::input(
            place(),
            "is a file, not a folder (shiftcast writes a folder of files and leaves this file as \
             it is)",
            CHOOSE_FOLDER,
        ));
    }
    if let Some(problem) = foreign_entry(dir)? {
        return Err(Error::input(place(), problem, CHOOSE_FOLDER));
    }
    Ok(())
}

/// `dir` does not exist (or cannot be looked at, `e`): fine when the nearest folder above it
/// that exists is a folder, not a file.
fn check_can_create(dir: &Path, e: std::io::Error) -> Result<()> {
    let above = dir
        .ancestors()
        .skip(1)
        .filter(|p| !p.as_os_str().is_empty())
        .find(|p| std::fs::symlink_metadata(p).is_ok());
    match above {
        Some(file) if !file.is_dir() => Err(Error::input(
            format!("--out {}", dir.display()),
            format!(
                "{} is a file, so no folder can be made inside it",
                file.display()
            ),
            CHOOSE_FOLDER,
        )),
        _ if e.kind() == ErrorKind::NotFound || e.kind() == ErrorKind::NotADirectory => Ok(()),
        _ => Err(Error::io(dir, e)),
    }
}

/// What in `dir` shiftcast did not write (the first by name), if anything.
fn foreign_entry(dir: &Path) -> Result<Option<String>> {
    let written = read_marker(dir);
    let mut problems = BTreeMap::new();
    for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let shown = entry.file_name().to_string_lossy().into_owned();
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        let listed = entry.file_name().to_str().and_then(|name| match &written {
            Some(_) if name == MARKER => Some(None),
            Some(files) => files.get(name).map(Some),
            None => None,
        });
        let problem = match listed {
            Some(_) if !is_file => format!("it holds \"{shown}\", which shiftcast did not write"),
            Some(None) => continue,
            Some(Some(&(bytes, sum))) if unchanged(&entry.path(), bytes, sum) => continue,
            Some(Some(_)) => format!("\"{shown}\" was changed after shiftcast wrote it"),
            None => format!("it holds \"{shown}\", which shiftcast did not write"),
        };
        problems.insert(shown, problem);
    }
    Ok(problems.into_values().next())
}

/// The files the marker in `dir` lists, by name: (bytes, checksum). `None` without a marker.
fn read_marker(dir: &Path) -> Option<BTreeMap<String, (u64, u64)>> {
    let path = dir.join(MARKER);
    if !std::fs::symlink_metadata(&path).ok()?.is_file() {
        return None;
    }
    let text = std::fs::read_to_string(path).ok()?;
    let mut lines = text.lines();
    if lines.next()? != MARKER_HEADER {
        return None;
    }
    let mut files = BTreeMap::new();
    for line in lines {
        let mut fields = line.split('\t');
        let (Some(name), Some(bytes), Some(sum), None) =
            (fields.next(), fields.next(), fields.next(), fields.next())
        else {
            return None;
        };
        let sum = u64::from_str_radix(sum, 16).ok()?;
        files.insert(name.to_string(), (bytes.parse().ok()?, sum));
    }
    Some(files)
}

/// The marker listing `files`.
fn marker(files: &[OutputFile]) -> String {
    let mut text = format!("{MARKER_HEADER}\n");
    for file in files {
        text += &format!(
            "{}\t{}\t{:016x}\n",
            file.name,
            file.contents.len(),
            checksum(&file.contents)
        );
    }
    text
}

/// Whether the file at `path` still has the size and checksum shiftcast wrote.
fn unchanged(path: &Path, bytes: u64, sum: u64) -> bool {
    std::fs::read(path)
        .is_ok_and(|contents| contents.len() as u64 == bytes && checksum(&contents) == sum)
}

/// FNV-1a, 64 bits: enough to notice a file edited after shiftcast wrote it.
fn checksum(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Writes all files, and the marker, into a hidden temporary folder beside `dir`, then renames it
/// into place, so a failed run never leaves a half-written folder. `dir` must pass
/// [`check_output_dir`] (checked again here); an earlier plan in it is replaced, and nothing else
/// is ever deleted or moved.
pub fn write_output_dir(dir: &Path, files: &[OutputFile]) -> Result<()> {
    check_names(files)?;
    check_output_dir(dir)?;
    let (parent, name) = beside(dir)?;
    std::fs::create_dir_all(&parent).map_err(|e| Error::io(dir, e))?;
    let staging = new_folder(&parent, &name, dir)?;
    let result = write_all(&staging, dir, files)
        .and_then(|()| swap_into_place(&staging, dir, &parent, &name));
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}

/// Every name is a plain file name, given once, and not the marker's.
fn check_names(files: &[OutputFile]) -> Result<()> {
    let mut seen = std::collections::BTreeSet::new();
    for file in files {
        let plain = Path::new(&file.name)
            .file_name()
            .is_some_and(|n| n == file.name.as_str())
            && !file.name.contains(['/', '\\']);
        if !plain || file.name == MARKER {
            return Err(Error::Render(format!(
                "\"{}\": not a plain file name; rename the queue it is named after",
                file.name
            )));
        }
        if !seen.insert(file.name.as_str()) {
            return Err(Error::Render(format!(
                "\"{}\": two files have this name; give the queues names that differ in more \
                 than punctuation",
                file.name
            )));
        }
    }
    Ok(())
}

/// The folder `dir` is in and its name there (an existing folder through its real path, so
/// `--out .` works).
fn beside(dir: &Path) -> Result<(PathBuf, String)> {
    let real = if dir.exists() {
        std::fs::canonicalize(dir).map_err(|e| Error::io(dir, e))?
    } else {
        dir.to_path_buf()
    };
    let name = real.file_name().map(|n| n.to_string_lossy().into_owned());
    let Some(name) = name.filter(|_| !real.ends_with("..")) else {
        return Err(Error::input(
            format!("--out {}", dir.display()),
            "does not name a folder shiftcast can create or replace",
            CHOOSE_FOLDER,
        ));
    };
    let parent = match real.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Ok((parent, name))
}

/// A new, empty hidden folder `.NAME.tmp-PID-N` in `parent`, created here (never one that was
/// there before).
fn new_folder(parent: &Path, name: &str, dir: &Path) -> Result<PathBuf> {
    for n in 0..1000 {
        let path = parent.join(format!(".{name}.tmp-{}-{n}", std::process::id()));
        match std::fs::create_dir(&path) {
            Ok(()) => return Ok(path),
            Err(e) if e.kind() == ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(Error::io(dir, e)),
        }
    }
    Err(Error::io(dir, ErrorKind::AlreadyExists.into()))
}

/// A name in `parent` that nothing has: `.NAME.old-PID-N`.
fn unused_name(parent: &Path, name: &str, dir: &Path) -> Result<PathBuf> {
    (0..1000)
        .map(|n| parent.join(format!(".{name}.old-{}-{n}", std::process::id())))
        .find(|path| {
            std::fs::symlink_metadata(path).is_err_and(|e| e.kind() == ErrorKind::NotFound)
        })
        .ok_or_else(|| Error::io(dir, ErrorKind::AlreadyExists.into()))
}

fn write_all(staging: &Path, dir: &Path, files: &[OutputFile]) -> Result<()> {
    let mut contents: Vec<(&str, &[u8])> = files
        .iter()
        .map(|f| (f.name.as_str(), f.contents.as_slice()))
        .collect();
    let marker = marker(files);
    contents.push((MARKER, marker.as_bytes()));
    for (name, bytes) in contents {
        std::fs::write(staging.join(name), bytes).map_err(|e| Error::io(dir.join(name), e))?;
    }
    Ok(())
}

/// Renames the finished `staging` folder to `parent/name` (`dir` as the user gave it, named in
/// errors); an earlier plan there is moved aside first and then deleted file by file, as its
/// marker lists them.
fn swap_into_place(staging: &Path, dir: &Path, parent: &Path, name: &str) -> Result<()> {
    let target = parent.join(name);
    if std::fs::symlink_metadata(&target).is_err_and(|e| e.kind() == ErrorKind::NotFound) {
        return std::fs::rename(staging, &target).map_err(|e| Error::io(dir, e));
    }
    let old = unused_name(parent, name, dir)?;
    std::fs::rename(&target, &old).map_err(|e| Error::io(dir, e))?;
    if let Err(e) = std::fs::rename(staging, &target) {
        let _ = std::fs::rename(&old, &target);
        return Err(Error::io(dir, e));
    }
    remove_earlier(&old, dir)
}

/// Deletes the earlier plan moved to `old`: only the files its marker lists, then the folder if
/// that left it empty.
fn remove_earlier(old: &Path, dir: &Path) -> Result<()> {
    for name in read_marker(old).unwrap_or_default().keys() {
        let _ = std::fs::remove_file(old.join(name));
    }
    let _ = std::fs::remove_file(old.join(MARKER));
    std::fs::remove_dir(old).map_err(|_| {
        Error::input(
            format!("--out {}", dir.display()),
            format!(
                "the new plan is written, but files were added to the folder while shiftcast ran; \
                 they are kept in {}",
                old.display()
            ),
            "move the files you need from there, then delete that folder",
        )
    })
}

/// Checks that `path` can be written as one file: it is not a folder. `flag` names the option
/// that gave it, e.g. `--chart`, and `example` a file name to suggest inside the folder.
pub fn check_output_file(path: &Path, flag: &str, example: &str) -> Result<()> {
    if path.is_dir() {
        return Err(Error::input(
            format!("{flag} {}", path.display()),
            "is a folder, not a file",
            format!("give a file name, e.g. {}", path.join(example).display()),
        ));
    }
    match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(folder) if !folder.is_dir() => Err(Error::input(
            format!("{flag} {}", path.display()),
            format!("{} is not a folder that exists", folder.display()),
            "create the folder first, or give a file in a folder that exists",
        )),
        _ => Ok(()),
    }
}

/// Writes one file through a new temporary file beside it and a rename: never half-written.
pub fn write_output_file(path: &Path, contents: &[u8]) -> Result<()> {
    check_output_file(path, "output file", "out")?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    let mut result = Err(ErrorKind::AlreadyExists.into());
    for n in 0..1000 {
        let staging = path.with_file_name(format!(".{name}.tmp-{}-{n}", std::process::id()));
        result = write_new(&staging, contents).map(|()| staging);
        if !matches!(&result, Err(e) if e.kind() == ErrorKind::AlreadyExists) {
            break;
        }
    }
    let staging = result.map_err(|e| Error::io(path, e))?;
    std::fs::rename(&staging, path).map_err(|e| {
        let _ = std::fs::remove_file(&staging);
        Error::io(path, e)
    })
}

/// Writes `contents` to a file that must not exist yet; a partly written one is removed.
fn write_new(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(contents).inspect_err(|_| {
        let _ = std::fs::remove_file(path);
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str) -> OutputFile {
        OutputFile {
            name: name.into(),
            contents: b"x".to_vec(),
        }
    }

    #[test]
    fn only_plain_file_names_given_once_are_written() {
        assert!(check_names(&[file("a.csv"), file("forecast-售前.svg")]).is_ok());
        for bad in ["../a.csv", "a/b.svg", "a\\b.svg", "..", ".", "", MARKER] {
            let e = check_names(&[file(bad)]).unwrap_err().to_string();
            assert!(e.contains("not a plain file name"), "{bad:?}: {e}");
        }
        let e = check_names(&[file("a.svg"), file("a.svg")])
            .unwrap_err()
            .to_string();
        assert!(e.contains("\"a.svg\": two files have this name"), "{e}");
    }

    #[test]
    fn a_marker_lists_what_was_written_and_notices_a_change() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("plan");
        write_output_dir(&out, &[file("a.csv"), file("b.csv")]).unwrap();
        let listed = read_marker(&out).unwrap();
        assert_eq!(listed.keys().collect::<Vec<_>>(), ["a.csv", "b.csv"]);
        assert_eq!(listed["a.csv"], (1, checksum(b"x")));
        assert_eq!(foreign_entry(&out).unwrap(), None);
        std::fs::write(out.join("b.csv"), "y").unwrap();
        assert_eq!(
            foreign_entry(&out).unwrap().unwrap(),
            "\"b.csv\" was changed after shiftcast wrote it"
        );
        std::fs::write(out.join(MARKER), "my own notes\n").unwrap();
        assert_eq!(
            foreign_entry(&out).unwrap().unwrap(),
            "it holds \".shiftcast\", which shiftcast did not write"
        );
    }
}
