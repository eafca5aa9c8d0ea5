//! Rendering what the pipeline produced (CSV, JSON, xlsx, SVG, HTML, the input templates) in memory, and the one
//! place that writes files to disk (`folder.rs`: [`write_output_dir`], [`write_output_file`],
//! refusing a folder that holds files shiftcast did not write).

mod charts;
mod folder;
mod forecast_file;
mod html;
mod intraday_files;
mod plan_files;
mod templates;
pub mod text;
mod workbook;

pub use charts::curve_chart;
pub use folder::{
    check_output_dir, check_output_file, write_output_dir, write_output_file, OutputFile, MARKER,
};
pub use forecast_file::forecast_csv;
pub use intraday_files::intraday_files;
pub use plan_files::{plan_files, PlanOutputs};
pub use templates::{templates, TEMPLATE_FILES};
