//! What `shiftcast forecast` and `shiftcast backtest` tell the manager: each queue's total and
//! the methods' scores (how a queue was forecast is `Prediction::notes`, which the plan's
//! summary.json also needs in English).

use std::path::Path;

use super::tables::aligned;
use crate::forecast::backtest::{Backtest, Score};
use crate::labels::Lang;

/// The inquiries forecast for `queue` over all `days`.
pub fn forecast_total(queue: &str, total: f64, days: u32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}：{days} 天共 {total:.0} 个咨询\n", lang.t(queue)),
        Lang::En => format!("{queue}: {total:.0} inquiries over {days} days\n"),
    }
}

/// Where the forecast file went.
pub fn forecast_written(file: &Path, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("预测已写入 {}\n", file.display()),
        Lang::En => format!("Forecast written to {}\n", file.display()),
    }
}

/// The backtest's folds (and those left out for holding a past event), then one row per queue
/// and method: WAPE, MASE, bias and interval coverage, and the methods `auto` chose in its folds.
pub fn backtest(found: &Backtest, folds: u32, days: u32, level: f64, lang: Lang) -> String {
    let (scores, left_out) = (&found.scores, left_out(found, lang));
    let level = level * 100.0;
    if lang == Lang::Zh {
        let mut table = vec![["队列", "方法", "WAPE", "MASE", "偏差", "区间覆盖率", ""]
            .map(String::from)
            .to_vec()];
        table.extend(scores.iter().map(|s| {
            vec![
                lang.t(&s.queue),
                s.method.clone(),
                format!("{:.3}", s.wape),
                format!("{:.3}", s.mase),
                format!("{:+.3}", s.bias),
                format!("{:.1}%", s.coverage * 100.0),
                chosen(s, lang),
            ]
        }));
        return format!(
            "回测 {folds} 轮，每轮预测 {days} 天；预测区间 {level:.0}%\n{left_out}{}",
            aligned(&table, 2)
        );
    }
    let mut out = format!(
        "{folds} folds of {days} days; interval level {level:.0}%\n{left_out}{:<12} {:<19} {:>6} {:>6} {:>7} {:>8}\n",
        "queue", "method", "WAPE", "MASE", "bias", "coverage"
    );
    for s in scores {
        out += &format!(
            "{:<12} {:<19} {:>6.3} {:>6.3} {:>+7.3} {:>7.1}%{}\n",
            s.queue,
            s.method,
            s.wape,
            s.mase,
            s.bias,
            s.coverage * 100.0,
            chosen(s, lang)
        );
    }
    out
}

/// The methods `auto` chose, one per fold, e.g. `  (chose combined, profile)`; empty for the
/// other methods.
fn chosen(s: &Score, lang: Lang) -> String {
    match (s.chosen.is_empty(), lang) {
        (true, _) => String::new(),
        (false, Lang::Zh) => format!("（各轮选用 {}）", s.chosen.join("、")),
        (false, Lang::En) => format!("  (chose {})", s.chosen.join(", ")),
    }
}

/// The line saying how many folds were left out and which past events they hold (empty when
/// none were), e.g. `2 folds left out: they hold past events 2025-11-11, 2026-06-18;
/// --keep-events to score them`.
fn left_out(found: &Backtest, lang: Lang) -> String {
    let n = found.left_out.len();
    let dates: Vec<String> = (found.left_out_events().iter())
        .map(|d| d.to_string())
        .collect();
    match (n, lang) {
        (0, _) => String::new(),
        (_, Lang::Zh) => format!(
            "跳过 {n} 轮：含往期活动 {}；加 --keep-events 可计入评分\n",
            dates.join("、")
        ),
        (_, Lang::En) => {
            let (folds, hold, them) = match n {
                1 => ("fold", "it holds", "it"),
                _ => ("folds", "they hold", "them"),
            };
            let s = if dates.len() > 1 { "s" } else { "" };
            format!(
                "{n} {folds} left out: {hold} past event{s} {}; --keep-events to score {them}\n",
                dates.join(", ")
            )
        }
    }
}
