//! The workbooks `shiftcast template` writes: an empty staff list and availability file to fill
//! in Excel, each with the header row the reader takes, the staff list's optional columns too
//! (a note on each header cell says what the column holds) and one example row. The reader reads the first sheet, header first, so the
//! notes sit on the header cells, not in a row of their own that would be read as a person.

use rust_xlsxwriter::{DocProperties, Format, Note, Workbook, XlsxError};

use super::text::column_note;
use super::OutputFile;
use crate::error::{Error, Result};
use crate::input::{AVAILABILITY_COLUMNS, STAFF_COLUMNS, STAFF_OPTIONAL_COLUMNS};
use crate::labels::Lang;

/// The example row of the staff template: the first person of data/double11/staff.csv, then
/// the optional columns as a salaried full-timer with a 40-hour contract who leads the floor.
const STAFF_EXAMPLE: [&str; 13] = [
    "Li Wei",
    "main",
    "presale;aftersale",
    "00:00-24:00",
    "",
    "8",
    "40",
    "full-time",
    "",
    "40",
    "",
    "6",
    "yes",
];

/// The example row of the availability template: that person free only in the evening of
/// Double 11.
const AVAILABILITY_EXAMPLE: [&str; 4] = ["Li Wei", "2026-11-11", "18:00", "24:00"];

/// The names of the files, in the order [`templates`] renders them.
pub const TEMPLATE_FILES: [&str; 2] = ["staff.xlsx", "availability.xlsx"];

/// The staff and availability templates, their notes in `lang`.
pub fn templates(lang: Lang) -> Result<Vec<OutputFile>> {
    let staff_columns = [&STAFF_COLUMNS[..], &STAFF_OPTIONAL_COLUMNS[..]].concat();
    let tables: [(&[&str], &[&str]); 2] = [
        (&staff_columns, &STAFF_EXAMPLE),
        (&AVAILABILITY_COLUMNS, &AVAILABILITY_EXAMPLE),
    ];
    TEMPLATE_FILES
        .iter()
        .zip(tables)
        .map(|(name, (columns, example))| {
            let contents = template(columns, example, lang)
                .map_err(|e| Error::Render(format!("{name}: {e}")))?;
            Ok(OutputFile {
                name: name.to_string(),
                contents,
            })
        })
        .collect()
}

/// One workbook: the header with its notes and the example row. Columns of text are formatted
/// as text, so a time or date typed in them stays as typed (`08:00`, not a fraction of a day).
fn template(
    columns: &[&str],
    example: &[&str],
    lang: Lang,
) -> std::result::Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    // A fixed creation time keeps the file byte-identical from run to run.
    book.set_properties(
        &DocProperties::new().set_creation_datetime(&chrono::NaiveDateTime::default()),
    );
    let sheet = book.add_worksheet();
    let header = Format::new().set_bold();
    let text = Format::new().set_num_format("@");
    for (c, (name, value)) in columns.iter().zip(example).enumerate() {
        let c = c as u16;
        sheet.set_column_width(c, 4.0 + name.len().max(value.len()) as f64)?;
        sheet.write_string_with_format(0, c, *name, &header)?;
        let note = Note::new(column_note(name, lang)).add_author_prefix(false);
        sheet.insert_note(0, c, &note)?;
        match value.parse::<f64>() {
            Ok(number) => sheet.write_number(1, c, number)?,
            Err(_) => {
                sheet.set_column_format(c, &text)?;
                sheet.write_string_with_format(1, c, *value, &text)?
            }
        };
    }
    sheet.set_freeze_panes(1, 0)?;
    book.save_to_buffer()
}
