//! `shiftcast template --out DIR`
//!
//! Writes into DIR (all at once; DIR must be new or empty, or templates written before) an empty
//! staff list and availability file to fill in Excel, staff.xlsx and availability.xlsx: the
//! header row the readers take, a note on each header cell saying what the column holds (in the
//! `--lang` language), and one example row.

use std::path::PathBuf;

use shiftcast::{output, Result};

use super::Global;

/// Write Excel templates for the staff list and the availability file.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder to write staff.xlsx and availability.xlsx into: a new or empty folder
    #[arg(long)]
    pub out: PathBuf,
}

pub fn run(args: &Args, global: &Global) -> Result<()> {
    output::check_output_dir(&args.out)?;
    let lang = super::language(global, None);
    output::write_output_dir(&args.out, &output::templates(lang)?)?;
    super::print(&output::text::templates_written(
        &args.out,
        &output::TEMPLATE_FILES,
        lang,
    ))
}
