//! The one place that writes to disk: an output folder or file, replaced whole or not at all.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// One file of the output folder, fully rendered in memory.
pub struct OutputFile {
    /// The file's name inside the folder, e.g. `summary.json`.
    pub name: String,
    /// The bytes to write.
    pub contents: Vec<u8>,
}

/// Writes all files into a hidden temporary folder beside `dir`, then renames it into place, so a
/// failed run never leaves a half-written folder. An existing `dir` is replaced.
pub fn write_output_dir(dir: &Path, files: &[OutputFile]) -> Result<()> {
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    let staging = parent.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = write_all(&staging, files).and_then(|()| swap_into_place(&staging, dir));
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}

fn write_all(staging: &Path, files: &[OutputFile]) -> Result<()> {
    let _ = std::fs::remove_dir_all(staging);
    std::fs::create_dir_all(staging).map_err(|e| Error::io(staging, e))?;
    for file in files {
        let path = staging.join(&file.name);
        std::fs::write(&path, &file.contents).map_err(|e| Error::io(path, e))?;
    }
    Ok(())
}

fn swap_into_place(staging: &Path, dir: &Path) -> Result<()> {
    if dir.exists() {
        let old = staging.with_extension("old");
        std::fs::rename(dir, &old).map_err(|e| Error::io(dir, e))?;
        std::fs::rename(staging, dir).map_err(|e| Error::io(dir, e))?;
        std::fs::remove_dir_all(&old).map_err(|e| Error::io(old, e))
    } else {
        std::fs::rename(staging, dir).map_err(|e| Error::io(dir, e))
    }
}

/// Writes one file through a temporary file beside it and a rename: never half-written.
pub fn write_output_file(path: &Path, contents: &[u8]) -> Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    let staging = path.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
    let result = std::fs::write(&staging, contents)
        .and_then(|()| std::fs::rename(&staging, path))
        .map_err(|e| Error::io(path, e));
    if result.is_err() {
        let _ = std::fs::remove_file(&staging);
    }
    result
}
