//! Words of `report.html` that are more than a label: the service tables' captions and what
//! their red hours mean, in each language's order (the dates over the grid are the workbook's
//! day names).

use super::workbook::service_target;
use crate::labels::Lang;

/// The caption of a queue's hour-by-hour table: its name and service level target, e.g.
/// `presale: 80% within 30 s`, `售前：30秒内回复80%` (the target as the workbook's summary
/// words it).
pub fn queue_target(queue: &str, level: f64, within_seconds: f64, lang: Lang) -> String {
    lang.labelled(queue, service_target(level, within_seconds, lang))
}

/// What the red hours of the hour-by-hour tables mean.
pub fn hours_below_target(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Hours in red are below the queue's service level target.",
        Lang::Zh => "红色的时段低于该队列的服务水平目标。",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_queue_target_reads_as_managers_say_it() {
        assert_eq!(
            queue_target("presale", 0.8, 30.0, Lang::En),
            "presale: 80% within 30 s"
        );
        assert_eq!(
            queue_target("售前", 0.8, 30.0, Lang::Zh),
            "售前：30秒内回复80%"
        );
    }
}
